//! Everyday nouns that two versions of one claim swap for each other at the same place.
//!
//! Takes the word diffs of the shared claims' versions; gives the nouns one outlet put where
//! another wrote a different noun ("extend the walkout" / "extend the action", "the act also
//! creates" / "the law sets aside"). Only a one-word swap, or the first or last words of a
//! changed run right after or before shared words, count as the same place. A word counts as a
//! noun when a determiner or possessive comes right before it; names, numbers, dates, framing
//! words from the lexicons and the aligner's known synonyms (firms / companies) are left out.
//! Label discovery keeps the pairs swapped in two or more claims.

use std::collections::{BTreeMap, BTreeSet};

use super::diff::{DiffKind, DiffOp, VersionDiff};
use super::markers::Found;
use super::{Input, lexicon};
use crate::analysis::{SentenceRef, paraphrase};
use crate::span::Span;
use crate::text::tokens::Token;

/// One noun of a swap.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Side {
    /// The sentence.
    pub at: SentenceRef,
    /// Byte span of the noun in the body.
    pub span: Span,
    /// The noun in lower case, as written.
    pub word: String,
    /// Its stem (what pairs are keyed by).
    pub stem: String,
}

/// Nouns swapped for each other in the versions of one claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Swap {
    /// Claim id.
    pub claim: usize,
    /// The noun in the first version.
    pub a: Side,
    /// The noun in the second version.
    pub b: Side,
}

/// Words right before a noun: articles, demonstratives, possessives.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "whose", "each", "every", "any", "no",
];
/// Nouns of time and quantity: swapping them changes a value, not a label.
#[rustfmt::skip]
const NOT_LABELS: &[&str] = &[
    "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "minute", "minutes", "morning", "afternoon", "evening", "night", "weekend", "number", "total", "rest",
    "first", "last", "next", "same", "other", "most", "half", "part", "end", "start", "way", "lot",
];

/// Every noun swap in the claim diffs, ordered by claim, then position.
pub fn find(input: &Input<'_>, found: &[Found], diffs: &[VersionDiff]) -> Vec<Swap> {
    let mut out = BTreeSet::new();
    for d in diffs {
        for (i, op) in d.ops.iter().enumerate().filter(|(_, o)| o.kind == DiffKind::Changed) {
            let (Some(ta), Some(tb)) = (tokens_in(input, d.a, op.a), tokens_in(input, d.b, op.b)) else {
                continue;
            };
            for (x, y) in places(&d.ops, i, ta.len(), tb.len()) {
                let (Some(sa), Some(sb)) =
                    (noun(input, found, d.a, (x, &ta)), noun(input, found, d.b, (y, &tb)))
                else {
                    continue;
                };
                if sa.stem != sb.stem && !synonyms(input, &sa, &sb) {
                    out.insert(Swap { claim: d.claim, a: sa, b: sb });
                }
            }
        }
    }
    out.into_iter().collect()
}

/// Token indices (in each sentence) of the changed run `op` that stand at the same place.
fn places(ops: &[DiffOp], i: usize, na: usize, nb: usize) -> Vec<(Place, Place)> {
    if na == 1 && nb == 1 {
        return vec![(Place::First, Place::First)];
    }
    let equal = |o: Option<&DiffOp>| o.is_some_and(|o| o.kind == DiffKind::Equal);
    let mut out = Vec::new();
    if i > 0 && equal(ops.get(i - 1)) {
        out.push((Place::First, Place::First));
    }
    if equal(ops.get(i + 1)) {
        out.push((Place::Last, Place::Last));
    }
    out
}

/// The first or last token of a changed run.
#[derive(Clone, Copy)]
enum Place {
    First,
    Last,
}

/// Indices of the tokens of sentence `r` inside `span`.
fn tokens_in(input: &Input<'_>, r: SentenceRef, span: Option<Span>) -> Option<Vec<usize>> {
    let span = span?;
    let toks = input.docs.get(r.article)?.sentence_tokens.get(r.sentence)?;
    let inside: Vec<usize> = (0..toks.len()).filter(|&k| span.contains(toks[k].span)).collect();
    (!inside.is_empty()).then_some(inside)
}

/// The token at `place` of the run when it is an everyday noun that no lexicon claims.
fn noun(input: &Input<'_>, found: &[Found], r: SentenceRef, place: (Place, &[usize])) -> Option<Side> {
    let (place, run) = place;
    let k = match place {
        Place::First => *run.first()?,
        Place::Last => *run.last()?,
    };
    let toks: &[Token] = input.docs.get(r.article)?.sentence_tokens.get(r.sentence)?;
    let body = &input.articles.get(r.article)?.body;
    let t = &toks[k];
    let written = t.span.of(body);
    let plain_word = written.chars().all(|c| c.is_lowercase())
        && written.chars().count() >= 3
        && !t.stop
        && !t.number
        && !written.ends_with("ly")
        && !NOT_LABELS.contains(&t.lower.as_str());
    let after_determiner = determiner_before(body, toks, k, 1);
    let claimed = found.iter().any(|f| {
        f.article == r.article
            && f.sentence == r.sentence
            && f.span.overlaps(t.span)
            && f.entry().category != lexicon::NEUTRAL
    });
    (plain_word && after_determiner && !claimed).then(|| Side {
        at: r,
        span: t.span,
        word: t.lower.clone(),
        stem: t.stem.clone(),
    })
}

/// A determiner or possessive stands at most `within` words before token `k` ("the law",
/// "the new law" with 2, "Moscow's attack").
fn determiner_before(body: &str, toks: &[Token], k: usize, within: usize) -> bool {
    (1..=within).filter_map(|d| k.checked_sub(d)).any(|p| {
        let written = toks[p].span.of(body);
        DETERMINERS.contains(&toks[p].lower.as_str())
            || written.ends_with("'s")
            || written.ends_with("\u{2019}s")
    })
}

/// The lexicon word `f` is used as a noun: a determiner or possessive at most two words before.
pub fn after_determiner(input: &Input<'_>, f: &Found) -> bool {
    let (Some(article), Some(toks)) = (
        input.articles.get(f.article),
        input.docs.get(f.article).and_then(|d| d.sentence_tokens.get(f.sentence)),
    ) else {
        return false;
    };
    determiner_before(&article.body, toks, f.tokens.0, 2)
}

/// The aligner's paraphrase list treats the two words as one concept (firms / companies).
fn synonyms(input: &Input<'_>, a: &Side, b: &Side) -> bool {
    let concept = |s: &Side| {
        let lang = input.docs.get(s.at.article).map(|d| d.language.as_str()).unwrap_or("en");
        paraphrase::concept(lang, &s.stem, &s.word)
    };
    concept(a).is_some() && concept(a) == concept(b)
}

/// Stem pairs (sorted) swapped in at least `min_claims` different claims, with their swaps.
pub fn recurring(swaps: &[Swap], min_claims: usize) -> BTreeMap<(String, String), Vec<&Swap>> {
    let mut by_pair: BTreeMap<(String, String), Vec<&Swap>> = BTreeMap::new();
    for s in swaps {
        let key = (s.a.stem.clone().min(s.b.stem.clone()), s.a.stem.clone().max(s.b.stem.clone()));
        by_pair.entry(key).or_default().push(s);
    }
    by_pair.retain(|_, list| list.iter().map(|s| s.claim).collect::<BTreeSet<_>>().len() >= min_claims);
    by_pair
}
