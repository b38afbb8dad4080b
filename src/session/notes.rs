//! Notes a user attaches to a claim or a sentence: a teacher's prompt, a journalist's "call to
//! confirm". Saved in sessions and shown in every export.
//!
//! Claim ids change whenever the threshold or the articles change, so a note on a claim is anchored
//! to the claim's member sentences and found again by overlap ([`resolve_claim`]).

use serde::{Deserialize, Serialize};

use crate::analysis::{Claim, Comparison, SentenceRef};

/// What a note is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NoteTarget {
    /// A claim, remembered by the sentences that stated it when the note was written.
    Claim {
        /// The claim's member sentences at the time, ascending.
        sentences: Vec<SentenceRef>,
        /// The claim's label at the time (shown if the claim no longer exists).
        label: String,
    },
    /// One sentence.
    Sentence {
        /// Article index.
        article: usize,
        /// Sentence index in that article.
        sentence: usize,
    },
}

/// A note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// What it is attached to.
    pub target: NoteTarget,
    /// The note, as typed.
    pub text: String,
    /// When it was written, seconds since 1970-01-01 UTC.
    #[serde(default)]
    pub created: u64,
}

/// Seconds since 1970 now (0 if the clock is before 1970).
fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

impl Note {
    /// A note on `claim`, written now.
    pub fn on_claim(claim: &Claim, text: &str) -> Note {
        let mut sentences: Vec<SentenceRef> = claim.members.iter().map(|m| m.sentence_ref()).collect();
        sentences.sort_unstable();
        sentences.dedup();
        Note {
            target: NoteTarget::Claim { sentences, label: claim.label.clone() },
            text: text.to_string(),
            created: now_secs(),
        }
    }

    /// A note on one sentence, written now.
    pub fn on_sentence(at: SentenceRef, text: &str) -> Note {
        Note {
            target: NoteTarget::Sentence { article: at.article, sentence: at.sentence },
            text: text.to_string(),
            created: now_secs(),
        }
    }

    /// The sentences the note is anchored to.
    pub fn sentences(&self) -> Vec<SentenceRef> {
        match &self.target {
            NoteTarget::Claim { sentences, .. } => sentences.clone(),
            NoteTarget::Sentence { article, sentence } => {
                vec![SentenceRef { article: *article, sentence: *sentence }]
            }
        }
    }

    /// The id of the claim this note belongs to in `comparison` now: for a claim note the claim
    /// sharing most of its sentences; for a sentence note none.
    pub fn claim_in(&self, comparison: &Comparison) -> Option<usize> {
        match &self.target {
            NoteTarget::Claim { sentences, .. } => resolve_claim(sentences, &comparison.claims),
            NoteTarget::Sentence { .. } => None,
        }
    }

    /// True when the note is attached to this sentence (directly, or as a member of its claim).
    pub fn touches(&self, at: SentenceRef) -> bool {
        self.sentences().contains(&at)
    }

    /// Follows articles being removed or reordered: `new_index(old)` gives an article's new index,
    /// or `None` if it was removed. Returns false when nothing the note pointed at is left (drop it
    /// or keep it unattached, as the caller prefers).
    pub fn remap_articles(&mut self, new_index: impl Fn(usize) -> Option<usize>) -> bool {
        match &mut self.target {
            NoteTarget::Claim { sentences, .. } => {
                *sentences = sentences
                    .iter()
                    .filter_map(|r| {
                        Some(SentenceRef { article: new_index(r.article)?, sentence: r.sentence })
                    })
                    .collect();
                sentences.sort_unstable();
                !sentences.is_empty()
            }
            NoteTarget::Sentence { article, .. } => match new_index(*article) {
                Some(i) => {
                    *article = i;
                    true
                }
                None => false,
            },
        }
    }
}

/// The claim that best matches a remembered set of sentences: most sentences in common, then the
/// smallest claim (closest in size), then the lowest id. `None` when no claim shares a sentence.
pub fn resolve_claim(sentences: &[SentenceRef], claims: &[Claim]) -> Option<usize> {
    claims
        .iter()
        .filter_map(|c| {
            let overlap = c.members.iter().filter(|m| sentences.contains(&m.sentence_ref())).count();
            (overlap > 0).then_some((overlap, c.members.len(), c.id))
        })
        .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)))
        .map(|(_, _, id)| id)
}

/// `secs` since 1970 as "YYYY-MM-DD HH:MM UTC" (civil-from-days, proleptic Gregorian calendar).
pub fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rem / 3_600, rem % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ClaimKind, Member, Prominence};

    fn claim(id: usize, members: &[(usize, usize)]) -> Claim {
        Claim {
            id,
            kind: if members.len() > 1 { ClaimKind::Shared } else { ClaimKind::Unique },
            members: members
                .iter()
                .map(|&(article, sentence)| Member { article, sentence, prominence: Prominence::Upper })
                .collect(),
            articles: members.iter().map(|m| m.0).collect(),
            omitted_by: Vec::new(),
            label: format!("claim {id}"),
            confidence: 1.0,
        }
    }

    fn r(article: usize, sentence: usize) -> SentenceRef {
        SentenceRef { article, sentence }
    }

    #[test]
    fn claim_notes_follow_their_sentences() {
        // (remembered sentences, claims now, expected claim id)
        type Case<'a> = (&'a [(usize, usize)], Vec<Claim>, Option<usize>);
        let cases: &[Case] = &[
            (&[(0, 1), (1, 2)], vec![claim(0, &[(0, 5)]), claim(1, &[(0, 1), (1, 2)])], Some(1)),
            // The claim split at a higher threshold: the part with more of the sentences wins.
            (&[(0, 1), (1, 2), (2, 3)], vec![claim(0, &[(0, 1)]), claim(1, &[(1, 2), (2, 3)])], Some(1)),
            // Equal overlap: the smaller claim is the closer match.
            (&[(0, 1)], vec![claim(0, &[(0, 1), (1, 1), (2, 1)]), claim(1, &[(0, 1)])], Some(1)),
            (&[(0, 1)], vec![claim(0, &[(0, 2)])], None),
        ];
        for (remembered, claims, want) in cases {
            let refs: Vec<_> = remembered.iter().map(|&(a, s)| r(a, s)).collect();
            assert_eq!(resolve_claim(&refs, claims), *want, "case {remembered:?}");
        }
    }

    #[test]
    fn remapping_articles() {
        let mut n = Note::on_claim(&claim(0, &[(0, 1), (2, 4)]), "check");
        assert!(n.remap_articles(|a| if a == 0 { None } else { Some(a - 1) }));
        assert_eq!(n.sentences(), vec![r(1, 4)]);
        let mut s = Note::on_sentence(r(1, 3), "x");
        assert!(!s.remap_articles(|a| (a != 1).then_some(a)));
    }

    #[test]
    fn utc_dates() {
        assert_eq!(format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_utc(1_795_331_640), "2026-11-22 07:14 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00 UTC");
    }
}
