//! Notes in the window: which notes belong to a claim or mark a sentence now, adding and deleting
//! them, and keeping them on the right sentences when articles are removed, reordered or rebuilt.
//!
//! A claim note is anchored to the sentences its claim had when it was written
//! ([`Note::claim_in`] finds the claim again after a re-analysis); a sentence note to one sentence.

use super::App;
use super::state::Level;
use crate::analysis::{Claim, Comparison, SentenceRef};
use crate::ingest::Article;
use crate::session::{Note, NoteTarget};

/// Indices of the notes shown with `claim`: claim notes that resolve to it and notes written on
/// one of its sentences (the same rule the exports use).
pub fn claim_notes(c: &Comparison, notes: &[Note], claim: &Claim) -> Vec<usize> {
    notes
        .iter()
        .enumerate()
        .filter(|(_, n)| match &n.target {
            NoteTarget::Claim { .. } => n.claim_in(c) == Some(claim.id),
            NoteTarget::Sentence { .. } => claim.members.iter().any(|m| n.touches(m.sentence_ref())),
        })
        .map(|(i, _)| i)
        .collect()
}

/// For every sentence, the notes that mark it: a sentence note marks its sentence, a claim note
/// every sentence of the claim it resolves to now.
pub fn by_sentence(c: &Comparison, notes: &[Note]) -> Vec<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<Vec<usize>>> =
        c.articles.iter().map(|a| vec![Vec::new(); a.sentences.len()]).collect();
    for (i, n) in notes.iter().enumerate() {
        let refs: Vec<SentenceRef> = match &n.target {
            NoteTarget::Claim { .. } => n
                .claim_in(c)
                .and_then(|id| c.claims.get(id))
                .map(|cl| cl.members.iter().map(|m| m.sentence_ref()).collect())
                .unwrap_or_default(),
            NoteTarget::Sentence { article, sentence } => {
                vec![SentenceRef { article: *article, sentence: *sentence }]
            }
        };
        for r in refs {
            if let Some(slot) = out.get_mut(r.article).and_then(|a| a.get_mut(r.sentence))
                && !slot.contains(&i)
            {
                slot.push(i);
            }
        }
    }
    out
}

/// The new index of each sentence of `old` in `new` (the same article after a removal was
/// restored and its body re-split): the sentence with the same text nearest its old position,
/// else one that contains it or is contained in it, else the nearest index.
pub fn sentence_map(old: &Article, new: &Article) -> Vec<usize> {
    fn text(a: &Article, i: usize) -> Option<&str> {
        a.sentences.get(i).and_then(|s| a.body.get(s.span.start..s.span.end))
    }
    let last = new.sentences.len().saturating_sub(1);
    (0..old.sentences.len())
        .map(|i| {
            let Some(t) = text(old, i).map(str::trim) else { return i.min(last) };
            let nearest = |ok: &dyn Fn(&str) -> bool| {
                (0..new.sentences.len())
                    .filter(|&j| text(new, j).is_some_and(|u| ok(u.trim())))
                    .min_by_key(|&j| j.abs_diff(i))
            };
            nearest(&|u| u == t)
                .or_else(|| nearest(&|u| !t.is_empty() && (u.contains(t) || t.contains(u))))
                .unwrap_or(i.min(last))
        })
        .collect()
}

/// Moves the notes on `article` from `old`'s sentences to `new`'s.
pub fn follow_rebuild(notes: &mut [Note], article: usize, old: &Article, new: &Article) {
    let map = sentence_map(old, new);
    let moved = |s: usize| map.get(s).copied().unwrap_or(s);
    for n in notes {
        match &mut n.target {
            NoteTarget::Claim { sentences, .. } => {
                for r in sentences.iter_mut().filter(|r| r.article == article) {
                    r.sentence = moved(r.sentence);
                }
                sentences.sort_unstable();
                sentences.dedup();
            }
            NoteTarget::Sentence { article: a, sentence } if *a == article => *sentence = moved(*sentence),
            NoteTarget::Sentence { .. } => {}
        }
    }
}

/// Longest note text quoted in a notification.
const QUOTE_CHARS: usize = 120;

impl App {
    /// Rebuilds the note marks after the notes or the comparison changed.
    pub(super) fn reindex_notes(&mut self) {
        self.view.index.notes_of = by_sentence(&self.comparison, &self.view.notes);
    }

    /// Adds a note on claim `id` of the comparison shown.
    pub(super) fn add_claim_note(&mut self, id: usize, text: &str) {
        let text = text.trim();
        let Some(claim) = self.comparison.claims.get(id) else { return };
        if text.is_empty() {
            return;
        }
        self.view.notes.push(Note::on_claim(claim, text));
        self.view.note_draft.clear();
        self.notes_changed();
    }

    /// Adds a note on one sentence and closes the sentence-note dialog.
    pub(super) fn add_sentence_note(&mut self, at: SentenceRef, text: &str) {
        let text = text.trim();
        let exists =
            self.comparison.articles.get(at.article).is_some_and(|a| at.sentence < a.sentences.len());
        if text.is_empty() || !exists {
            return;
        }
        self.view.notes.push(Note::on_sentence(at, text));
        self.view.sentence_note = None;
        self.notes_changed();
    }

    /// Deletes note `i`.
    pub(super) fn delete_note(&mut self, i: usize) {
        if i < self.view.notes.len() {
            self.view.notes.remove(i);
            self.notes_changed();
        }
    }

    fn notes_changed(&mut self) {
        self.reindex_notes();
        self.touch();
    }

    /// Follows articles being removed or reordered (`new_index(old)`); notes left with nothing to
    /// point at are dropped and quoted in a notification, so no text is lost unseen.
    pub(super) fn remap_notes(&mut self, new_index: impl Fn(usize) -> Option<usize>) {
        let mut dropped = Vec::new();
        self.view.notes.retain_mut(|n| {
            let keep = n.remap_articles(&new_index);
            if !keep {
                dropped.push(n.text.clone());
            }
            keep
        });
        if !dropped.is_empty() {
            let quoted: Vec<String> = dropped
                .iter()
                .map(|t| {
                    let short: String = t.chars().take(QUOTE_CHARS).collect();
                    if short.len() < t.len() { format!("“{short}…”") } else { format!("“{short}”") }
                })
                .collect();
            self.notify(
                Level::Info,
                format!(
                    "The removed article had {} note(s), now deleted: {}. Copy the text from here if you still need it.",
                    dropped.len(),
                    quoted.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Article {
        crate::ingest::from_text(body, "a.txt").unwrap_or_default()
    }

    #[test]
    fn sentences_are_found_again_after_a_rebuild() {
        let old = article("Title\n\nFirst fact here today. Second fact here too. Third one now.");
        let new =
            article("Title\n\nFirst fact here today. Photo: Agency. Second fact here too. Third one now.");
        let map = sentence_map(&old, &new);
        let text = |a: &Article, i: usize| a.sentences[i].span.of(&a.body).trim().to_string();
        for (i, &j) in map.iter().enumerate() {
            assert_eq!(text(&old, i), text(&new, j), "sentence {i}");
        }
        let mut notes =
            vec![Note::on_sentence(SentenceRef { article: 0, sentence: old.sentences.len() - 1 }, "x")];
        follow_rebuild(&mut notes, 0, &old, &new);
        assert_eq!(notes[0].sentences()[0].sentence, new.sentences.len() - 1);
    }
}
