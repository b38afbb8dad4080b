//! Contradictions: versions of one claim whose numbers, dates or negation differ.
//!
//! Takes the versions of each shared claim; gives "check this" items where the word diff
//! swaps one number for another ("140 companies" / "100 companies"), one date for another, or
//! where one version negates what the other states. These are prompts to check, not verdicts:
//! the aligner may have joined two different statements.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Input;
use super::diff::{self, DiffKind, is_negation};
use crate::analysis::SentenceRef;
use crate::span::Span;
use crate::text::entities::EntityKind;

/// Two versions of a claim that disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    /// Claim id.
    pub claim: usize,
    /// One version.
    pub a: SentenceRef,
    /// The other version.
    pub b: SentenceRef,
    /// `number`, `date` or `negation`.
    pub kind: String,
    /// The differing values in `a` as written (for negation: the negating words).
    pub a_values: Vec<String>,
    /// The differing values in `b` as written.
    pub b_values: Vec<String>,
    /// Plain-words explanation.
    pub note: String,
}

/// Changed runs longer than this (words on either side) are rewording, not a changed value.
const MAX_SWAP_WORDS: usize = 3;
/// A negation counts only when the two versions differ by at most this many words in all.
const MAX_NEGATION_DIFF_WORDS: usize = 6;

/// The items, ordered by claim, then sentences, then kind.
pub fn find(input: &Input<'_>, diffs: &[diff::VersionDiff]) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for d in diffs {
        let (claim, a, b, ops) = (d.claim, d.a, d.b, &d.ops);
        // A swap of a few words between shared context ("added 42 companies" / "added nearly 60
        // companies"); long changed runs mean different wording, not a different value.
        let changed: Vec<(Span, Span)> = ops
            .iter()
            .enumerate()
            .filter(|(i, o)| {
                o.kind == DiffKind::Changed
                    && o.a_text.split_whitespace().count() <= MAX_SWAP_WORDS
                    && o.b_text.split_whitespace().count() <= MAX_SWAP_WORDS
                    && ops.get(i + 1).is_none_or(|n| n.kind == DiffKind::Equal)
            })
            .filter_map(|(_, o)| Some((o.a?, o.b?)))
            .collect();
        for (kind, ek) in [("number", EntityKind::Number), ("date", EntityKind::Date)] {
            let (mut va, mut vb) = (BTreeSet::new(), BTreeSet::new());
            for (sa, sb) in &changed {
                let (xa, xb) = (values(input, a, *sa, ek), values(input, b, *sb, ek));
                // "three days" and "140 millimetres" count different things: the word after the
                // values must be the same ("42 companies" / "nearly 60 companies").
                if ek == EntityKind::Number
                    && next_words(input, a, *sa).is_disjoint(&next_words(input, b, *sb))
                {
                    continue;
                }
                let (ka, kb): (BTreeSet<_>, BTreeSet<_>) =
                    (xa.iter().map(|v| &v.0).collect(), xb.iter().map(|v| &v.0).collect());
                if !xa.is_empty() && !xb.is_empty() && ka != kb {
                    va.extend(xa.into_iter().map(|v| v.1));
                    vb.extend(xb.into_iter().map(|v| v.1));
                }
            }
            if !va.is_empty() {
                let (a_values, b_values): (Vec<String>, Vec<String>) =
                    (va.into_iter().collect(), vb.into_iter().collect());
                let note = format!(
                    "Check this: one version says ‘{}’, the other ‘{}’.",
                    a_values.join(", "),
                    b_values.join(", ")
                );
                out.push(Contradiction { claim, a, b, kind: kind.into(), a_values, b_values, note });
            }
        }
        let negations = |r: SentenceRef| -> Vec<String> {
            input
                .docs
                .get(r.article)
                .and_then(|d| d.sentence_tokens.get(r.sentence))
                .map(|t| t.iter().filter(|t| is_negation(&t.lower)).map(|t| t.lower.clone()).collect())
                .unwrap_or_default()
        };
        let (na, nb) = (negations(a), negations(b));
        // Only when the versions are otherwise nearly the same words: then a "not" flips the claim.
        let differing: usize = ops
            .iter()
            .filter(|o| o.kind != DiffKind::Equal)
            .map(|o| o.a_text.split_whitespace().count() + o.b_text.split_whitespace().count())
            .sum();
        let touched = differing <= MAX_NEGATION_DIFF_WORDS
            && ops
                .iter()
                .any(|o| o.kind != DiffKind::Equal && (has_negation(&o.a_text) || has_negation(&o.b_text)));
        if touched && (na.len() % 2) != (nb.len() % 2) {
            let (with, without) = if na.len() % 2 == 1 { ("first", "second") } else { ("second", "first") };
            let note = format!(
                "Check this: the {with} version says ‘{}’ where the {without} does not: they may state opposite things.",
                if na.is_empty() { nb.join(", ") } else { na.join(", ") }
            );
            out.push(Contradiction {
                claim,
                a,
                b,
                kind: "negation".into(),
                a_values: na,
                b_values: nb,
                note,
            });
        }
    }
    out
}

fn has_negation(text: &str) -> bool {
    diff::words(text).iter().any(|(_, w)| is_negation(w))
}

/// (key, as written) of the entities of `kind` inside `span` of sentence `r`.
fn values(input: &Input<'_>, r: SentenceRef, span: Span, kind: EntityKind) -> Vec<(String, String)> {
    let body = input.articles.get(r.article).map(|a| a.body.as_str()).unwrap_or("");
    input
        .docs
        .get(r.article)
        .and_then(|d| d.sentence_entities.get(r.sentence))
        .map(|ents| {
            ents.iter()
                .filter(|e| e.kind == kind && e.span.overlaps(span))
                .map(|e| (e.key.clone(), e.span.of(body).to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The words right after each number in `span` of sentence `r` ("companies" in "42 companies").
fn next_words(input: &Input<'_>, r: SentenceRef, span: Span) -> BTreeSet<String> {
    let Some(toks) = input.docs.get(r.article).and_then(|d| d.sentence_tokens.get(r.sentence)) else {
        return BTreeSet::new();
    };
    toks.windows(2).filter(|w| w[0].number && span.contains(w[0].span)).map(|w| w[1].lower.clone()).collect()
}
