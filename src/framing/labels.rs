//! Labels: the different names outlets give the same actor or event.
//!
//! Takes the label words found in context and the versions of each shared claim; gives, per
//! referent, which names each article uses and how often, and `label` markers on names an
//! outlet chose where other outlets chose differently ("This outlet calls China ‘Beijing’ here;
//! other sources write ‘China’."). The seed list (`assets/lexicons/labels.txt`) says which names
//! belong together; words with other common senses ("attack", "measures") count only when the
//! claim diffs show outlets swapping them for another name of the same referent. Name pairs
//! swapped in two or more claims but missing from the seed list are reported as discovered.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::diff::{self, DiffKind};
use super::lexicon::{self, LEXICON};
use super::markers::{self, Found};
use super::swaps;
use super::{Input, Marker};
use crate::text::entities::EntityKind;

/// One referent and the names used for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelGroup {
    /// The plain name of what is referred to ("China", "the war in Ukraine").
    pub referent: String,
    /// The names used in this set, most used first.
    pub terms: Vec<String>,
    /// Uses per article and name, ordered by article then name.
    pub uses: Vec<LabelUse>,
    /// True when found only from the claim diffs (not in the seed list).
    pub discovered: bool,
}

/// How often one article uses one name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelUse {
    /// Article index.
    pub article: usize,
    /// The name (display form).
    pub term: String,
    /// Number of uses.
    pub count: usize,
}

/// Discovers the label groups of the set and the `label` markers.
pub fn discover(
    input: &Input<'_>,
    found: &[Found],
    diffs: &[diff::VersionDiff],
) -> (Vec<LabelGroup>, Vec<Marker>) {
    let labels: Vec<&Found> = found
        .iter()
        .filter(|f| f.entry().category == lexicon::LABEL && !f.in_quote && !f.scare_quoted)
        .collect();
    let (confirmed, discovered_pairs) = substitutions(input, &labels, diffs);
    // Once outlets are seen swapping names of a referent, a plain everyday name of it counts
    // wherever an article of that story uses it as a noun ("the law"; it is only counted, never
    // marked). A word that would be marked counts only where it was seen swapped.
    let story = input.stories();
    let referents: BTreeSet<(usize, &str)> =
        confirmed.iter().map(|&(a, _, e)| (story[a], LEXICON.entries[e].note.as_str())).collect();
    let usable = |f: &&&Found| {
        !f.entry().weak
            || confirmed.contains(&(f.article, f.sentence, f.entry))
            || (f.entry().plain
                && referents.contains(&(story[f.article], f.entry().note.as_str()))
                && swaps::after_determiner(input, f))
    };
    // referent → entry → article → count
    let mut table: BTreeMap<&str, BTreeMap<usize, BTreeMap<usize, usize>>> = BTreeMap::new();
    for f in labels.iter().filter(usable) {
        *table
            .entry(&f.entry().note)
            .or_default()
            .entry(f.entry)
            .or_default()
            .entry(f.article)
            .or_default() += 1;
    }
    table.retain(|_, entries| entries.len() >= 2);
    let mut groups = Vec::new();
    let mut out_markers = Vec::new();
    for (referent, entries) in &table {
        let mentions: BTreeSet<usize> = entries.values().flat_map(|a| a.keys().copied()).collect();
        let mut terms: Vec<(usize, usize)> =
            entries.iter().map(|(e, arts)| (*e, arts.values().sum())).collect();
        terms.sort_by(|x, y| y.1.cmp(&x.1).then(term(x.0).cmp(term(y.0))));
        let mut uses: Vec<LabelUse> = entries
            .iter()
            .flat_map(|(e, arts)| {
                arts.iter().map(|(a, n)| LabelUse { article: *a, term: term(*e).into(), count: *n })
            })
            .collect();
        uses.sort_by(|x, y| (x.article, &x.term).cmp(&(y.article, &y.term)));
        groups.push(LabelGroup {
            referent: referent.to_string(),
            terms: terms.iter().map(|(e, _)| term(*e).to_string()).collect(),
            uses,
            discovered: false,
        });
        for f in labels.iter().filter(usable).filter(|f| f.entry().note == *referent) {
            let e = f.entry();
            let own = &entries[&f.entry];
            // Marked only where the choice differs: another article names the referent but never
            // this way, or this article favours the name far more than the others do. Plain
            // names (China, sanctions) are the baseline, never a choice.
            let differs =
                mentions.iter().any(|a| !own.contains_key(a)) || favours(entries, f.entry, f.article);
            if e.plain || e.term == e.note || !differs {
                continue;
            }
            let others: Vec<&str> = terms
                .iter()
                .filter(|(o, _)| *o != f.entry && entries[o].keys().any(|a| *a != f.article))
                .take(2)
                .map(|(o, _)| term(*o))
                .collect();
            let written = f.span.of(&input.articles[f.article].body);
            let written = written.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            let note = format!(
                "This outlet calls {referent} ‘{written}’ here; other sources write ‘{}’.",
                others.join("’ or ‘")
            );
            let mut m = markers::marker(input, f, lexicon::LABEL.to_string(), note);
            for possessive in ["'s", "\u{2019}s"] {
                if let Some(t) = m.term.strip_suffix(possessive) {
                    m.end -= possessive.len();
                    m.term = t.to_string();
                }
            }
            out_markers.push(m);
        }
    }
    groups.extend(discovered_groups(input, discovered_pairs));
    groups.extend(noun_groups(&swaps::find(input, found, diffs)));
    (groups, out_markers)
}

/// Claims in which two everyday nouns must be swapped before they count as names of one thing.
const MIN_NOUN_SWAP_CLAIMS: usize = 2;

/// Label groups for everyday nouns swapped for each other in two or more claims (not in the
/// seed list). Uses count the sentences where each noun took part in such a swap.
fn noun_groups(all: &[swaps::Swap]) -> Vec<LabelGroup> {
    let mut out = Vec::new();
    for list in swaps::recurring(all, MIN_NOUN_SWAP_CLAIMS).values() {
        // stem → (written form, article → sentences)
        let mut by_stem: BTreeMap<&str, (&str, BTreeMap<usize, BTreeSet<usize>>)> = BTreeMap::new();
        for side in list.iter().flat_map(|s| [&s.a, &s.b]) {
            let entry = by_stem.entry(&side.stem).or_insert((&side.word, BTreeMap::new()));
            entry.1.entry(side.at.article).or_default().insert(side.at.sentence);
        }
        let total = |arts: &BTreeMap<usize, BTreeSet<usize>>| arts.values().map(BTreeSet::len).sum::<usize>();
        let mut terms: Vec<(&str, usize)> = by_stem.values().map(|(w, arts)| (*w, total(arts))).collect();
        terms.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        let mut uses: Vec<LabelUse> = by_stem
            .values()
            .flat_map(|(w, arts)| {
                arts.iter().map(|(a, s)| LabelUse { article: *a, term: w.to_string(), count: s.len() })
            })
            .collect();
        uses.sort_by(|x, y| (x.article, &x.term).cmp(&(y.article, &y.term)));
        out.push(LabelGroup {
            referent: terms[0].0.to_string(),
            terms: terms.iter().map(|(w, _)| w.to_string()).collect(),
            uses,
            discovered: true,
        });
    }
    out
}

/// True when `article` uses `entry` for at least half of its mentions of the referent and at
/// least twice as often, proportionally, as all other articles together ("Beijing" 5 times of
/// 8 against 3 of 21 elsewhere).
fn favours(entries: &BTreeMap<usize, BTreeMap<usize, usize>>, entry: usize, article: usize) -> bool {
    let (mut mine, mut mine_all, mut rest, mut rest_all) = (0, 0, 0, 0);
    for (e, arts) in entries {
        for (a, n) in arts {
            let (count, all) =
                if *a == article { (&mut mine, &mut mine_all) } else { (&mut rest, &mut rest_all) };
            *all += n;
            if *e == entry {
                *count += n;
            }
        }
    }
    mine * 2 >= mine_all && mine * rest_all >= 2 * rest * mine_all
}

fn term(entry: usize) -> &'static str {
    LEXICON.entries[entry].term.as_str()
}

/// Uses of weak seed words seen swapped for another name of the same referent, as (article,
/// sentence, entry): only those very uses count.
type Confirmed = BTreeSet<(usize, usize, usize)>;

/// From the claim diffs: the confirmed weak uses, and name pairs (not in the seed list) swapped
/// in two or more claims.
fn substitutions(
    input: &Input<'_>,
    labels: &[&Found],
    diffs: &[diff::VersionDiff],
) -> (Confirmed, BTreeMap<(String, String), BTreeSet<usize>>) {
    let mut confirmed = BTreeSet::new();
    let mut pairs: BTreeMap<(String, String), BTreeSet<usize>> = BTreeMap::new();
    for d in diffs {
        let (claim, a, b) = (d.claim, d.a, d.b);
        for op in d.ops.iter().filter(|o| o.kind == DiffKind::Changed) {
            let (Some(sa), Some(sb)) = (op.a, op.b) else { continue };
            let in_op = |r: crate::analysis::SentenceRef, s: crate::span::Span| {
                labels
                    .iter()
                    .filter(move |f| f.article == r.article && f.sentence == r.sentence && s.overlaps(f.span))
            };
            let (in_a, in_b): (Vec<&&Found>, Vec<&&Found>) = (in_op(a, sa).collect(), in_op(b, sb).collect());
            let seeded = !in_a.is_empty() && !in_b.is_empty();
            // The same place: one name of the referent on each side of the changed run, so
            // "the man ... the victim" against "the grandfather" pairs nothing by accident.
            let of = |side: &[&&Found], referent: &str| -> Vec<usize> {
                side.iter().filter(|f| f.entry().note == referent).map(|f| f.entry).collect()
            };
            for fa in &in_a {
                let referent = fa.entry().note.as_str();
                if let ([x], [y]) = (of(&in_a, referent).as_slice(), of(&in_b, referent).as_slice())
                    && x != y
                {
                    confirmed.insert((fa.article, fa.sentence, *x));
                    if let Some(fb) = in_b.iter().find(|f| f.entry == *y) {
                        confirmed.insert((fb.article, fb.sentence, *y));
                    }
                }
            }
            if !seeded
                && let (Some(x), Some(y)) = (name_key(input, a, sa), name_key(input, b, sb))
                && x != y
            {
                pairs.entry((x.clone().min(y.clone()), x.max(y))).or_default().insert(claim);
            }
        }
    }
    pairs.retain(|_, claims| claims.len() >= 2);
    (confirmed, pairs)
}

/// The changed words when they are exactly one name or acronym of one to three words.
fn name_key(input: &Input<'_>, r: crate::analysis::SentenceRef, span: crate::span::Span) -> Option<String> {
    let ents = input.docs.get(r.article)?.sentence_entities.get(r.sentence)?;
    let e =
        ents.iter().find(|e| e.span == span && matches!(e.kind, EntityKind::Name | EntityKind::Acronym))?;
    let text = span.of(&input.articles.get(r.article)?.body);
    (text.split_whitespace().count() <= 3)
        .then(|| text.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string())
        .filter(|_| !e.key.is_empty())
}

/// Label groups for discovered name pairs, with uses counted by entity key per article.
fn discovered_groups(
    input: &Input<'_>,
    pairs: BTreeMap<(String, String), BTreeSet<usize>>,
) -> Vec<LabelGroup> {
    let mut out = Vec::new();
    for (x, y) in pairs.into_keys() {
        let mut uses = Vec::new();
        for (a, (article, doc)) in input.articles.iter().zip(input.docs).enumerate() {
            for name in [&x, &y] {
                let count = doc
                    .sentence_entities
                    .iter()
                    .flatten()
                    .filter(|e| {
                        e.span.of(&article.body).trim_end_matches("'s").trim_end_matches("\u{2019}s") == name
                    })
                    .count();
                if count > 0 {
                    uses.push(LabelUse { article: a, term: name.clone(), count });
                }
            }
        }
        let total = |n: &str| uses.iter().filter(|u| u.term == n).map(|u| u.count).sum::<usize>();
        let mut terms = vec![x.clone(), y.clone()];
        terms.sort_by(|p, q| total(q).cmp(&total(p)).then(p.cmp(q)));
        out.push(LabelGroup { referent: terms[0].clone(), terms, uses, discovered: true });
    }
    out
}
