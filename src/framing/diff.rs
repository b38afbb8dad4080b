//! Word-level differences between two versions of a claim (or two quotations).
//!
//! Takes two texts (or two sentences of the set); gives the runs of words that are the same,
//! removed, added or changed, each with byte spans into the texts they came from, and for
//! sentences the framing categories of the differing words ("attribution-distancing", "label",
//! "number", "negation"). Words are Unicode words (UAX #29) compared without case; the diff is
//! the `similar` crate's patience diff over them.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp as Op, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

use super::markers::{self, Found, SentenceAt};
use crate::analysis::SentenceRef;
use crate::ingest::Article;
use crate::span::Span;
use crate::text::language::Language;
use crate::text::{entities, quotes, tokens};

/// What happened to a run of words between version A and version B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// Same words in both.
    Equal,
    /// Only in A.
    Removed,
    /// Only in B.
    Added,
    /// A's words replaced by B's.
    Changed,
}

/// One run of words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// What happened.
    pub kind: DiffKind,
    /// The words in A (span into A's text), if any.
    pub a: Option<Span>,
    /// The words in B (span into B's text), if any.
    pub b: Option<Span>,
    /// A's words as written ("" when added).
    pub a_text: String,
    /// B's words as written ("" when removed).
    pub b_text: String,
    /// Framing categories of the differing words, sorted: lexicon categories plus "number" and
    /// "negation". Empty for equal runs.
    pub categories: Vec<String>,
}

/// Words of `text` as (span, comparison key).
pub fn words(text: &str) -> Vec<(Span, String)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (Span::new(i, i + w.len()), w.to_lowercase().replace('\u{2019}', "'")))
        .collect()
}

/// The word diff of two texts; spans point into `a` and `b`. Categories are left empty.
pub fn diff_words(a: &str, b: &str) -> Vec<DiffOp> {
    diff_spans(a, &words(a), b, &words(b))
}

fn diff_spans(a: &str, wa: &[(Span, String)], b: &str, wb: &[(Span, String)]) -> Vec<DiffOp> {
    let ka: Vec<&str> = wa.iter().map(|(_, k)| k.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|(_, k)| k.as_str()).collect();
    let run = |w: &[(Span, String)], from: usize, len: usize| {
        (len > 0).then(|| Span::new(w[from].0.start, w[from + len - 1].0.end))
    };
    capture_diff_slices(Algorithm::Patience, &ka, &kb)
        .into_iter()
        .map(|op| {
            let (kind, sa, sb) = match op {
                Op::Equal { old_index, new_index, len } => {
                    (DiffKind::Equal, run(wa, old_index, len), run(wb, new_index, len))
                }
                Op::Delete { old_index, old_len, .. } => {
                    (DiffKind::Removed, run(wa, old_index, old_len), None)
                }
                Op::Insert { new_index, new_len, .. } => (DiffKind::Added, None, run(wb, new_index, new_len)),
                Op::Replace { old_index, old_len, new_index, new_len } => {
                    (DiffKind::Changed, run(wa, old_index, old_len), run(wb, new_index, new_len))
                }
            };
            DiffOp {
                kind,
                a: sa,
                b: sb,
                a_text: sa.map(|s| s.of(a).to_string()).unwrap_or_default(),
                b_text: sb.map(|s| s.of(b).to_string()).unwrap_or_default(),
                categories: Vec::new(),
            }
        })
        .collect()
}

/// The word diff of two sentences of the set (e.g. two members of a shared claim), with spans
/// into each article's body and the framing categories of the differing words. Pure: the GUI
/// and reports may call it on demand. Out-of-range references give an empty diff.
pub fn diff_versions(articles: &[Article], a: SentenceRef, b: SentenceRef) -> Vec<DiffOp> {
    let (Some(sa), Some(sb)) = (SentenceView::new(articles, a), SentenceView::new(articles, b)) else {
        return Vec::new();
    };
    let mut ops = diff_spans(sa.body, &sa.words(), sb.body, &sb.words());
    for op in ops.iter_mut().filter(|op| op.kind != DiffKind::Equal) {
        let mut cats = Vec::new();
        for (view, span) in [(&sa, op.a), (&sb, op.b)] {
            if let Some(span) = span {
                view.categories(span, &mut cats);
            }
        }
        cats.sort();
        cats.dedup();
        op.categories = cats;
    }
    ops
}

/// The word diff of two sentences using the tokens already built for the set (no categories).
pub fn diff_tokens(input: &super::Input<'_>, a: SentenceRef, b: SentenceRef) -> Vec<DiffOp> {
    let side = |r: SentenceRef| {
        let body = input.articles.get(r.article).map(|x| x.body.as_str()).unwrap_or("");
        let toks = input.docs.get(r.article).and_then(|d| d.sentence_tokens.get(r.sentence));
        let words: Vec<(Span, String)> =
            toks.map(|t| t.iter().map(|t| (t.span, t.lower.clone())).collect()).unwrap_or_default();
        (body, words)
    };
    let ((ba, wa), (bb, wb)) = (side(a), side(b));
    diff_spans(ba, &wa, bb, &wb)
}

/// One compared pair of versions of a shared claim and their word diff.
pub struct VersionDiff {
    /// Claim id.
    pub claim: usize,
    /// One version.
    pub a: SentenceRef,
    /// The other version.
    pub b: SentenceRef,
    /// The word diff (no categories).
    pub ops: Vec<DiffOp>,
}

/// The word diffs of the version pairs of every shared claim (see [`version_pairs`]), computed
/// once for labels and contradictions.
pub fn claim_diffs(input: &super::Input<'_>) -> Vec<VersionDiff> {
    version_pairs(input.claims)
        .into_iter()
        .map(|(claim, a, b)| VersionDiff { claim, a, b, ops: diff_tokens(input, a, b) })
        .collect()
}

/// Claims carried by at most this many articles compare every two versions.
const ALL_PAIRS_UP_TO: usize = 6;

/// Pairs of versions of each shared claim worth comparing: the first member sentence of each
/// article carrying it, every two of them when few articles carry it, else each against the
/// first and its neighbour (so cost stays linear in large sets). Ordered by claim, then pair.
pub fn version_pairs(claims: &[crate::analysis::Claim]) -> Vec<(usize, SentenceRef, SentenceRef)> {
    let mut out = Vec::new();
    for claim in claims.iter().filter(|c| c.kind == crate::analysis::ClaimKind::Shared) {
        let mut firsts: Vec<SentenceRef> = Vec::new();
        for m in &claim.members {
            if !firsts.iter().any(|f| f.article == m.article) {
                firsts.push(m.sentence_ref());
            }
        }
        firsts.sort();
        for (i, a) in firsts.iter().enumerate() {
            for (j, b) in firsts.iter().enumerate().skip(i + 1) {
                if firsts.len() <= ALL_PAIRS_UP_TO || i == 0 || j == i + 1 {
                    out.push((claim.id, *a, *b));
                }
            }
        }
    }
    out
}

/// One sentence with its text stages, built on demand.
struct SentenceView<'a> {
    body: &'a str,
    toks: Vec<tokens::Token>,
    found: Vec<Found>,
}

impl<'a> SentenceView<'a> {
    fn new(articles: &'a [Article], r: SentenceRef) -> Option<SentenceView<'a>> {
        let article = articles.get(r.article)?;
        let sentence = article.sentences.get(r.sentence)?;
        let lang =
            Language::from_code(if article.meta.language.is_empty() { "en" } else { &article.meta.language });
        let body = article.body.as_str();
        let toks = tokens::tokenize(body, sentence.span, &lang);
        let ents = entities::find(body, sentence.span, &lang);
        let quotes =
            quotes::find(body).into_iter().filter(|q| q.inner.overlaps(sentence.span)).map(|q| q.inner);
        let mut found = Vec::new();
        let at = SentenceAt { article: r.article, sentence: r.sentence, body };
        markers::scan_sentence(&at, &toks, &ents, quotes.collect(), &mut found);
        Some(SentenceView { body, toks, found })
    }

    fn words(&self) -> Vec<(Span, String)> {
        self.toks.iter().map(|t| (t.span, t.lower.clone())).collect()
    }

    fn categories(&self, span: Span, out: &mut Vec<String>) {
        out.extend(self.found.iter().filter(|f| span.overlaps(f.span)).map(|f| f.entry().category.clone()));
        let inside = || self.toks.iter().filter(move |t| span.contains(t.span));
        if inside().any(|t| t.number) {
            out.push("number".into());
        }
        if inside().any(|t| is_negation(&t.lower)) {
            out.push("negation".into());
        }
    }
}

/// "not", "no", "never", "didn't" ...
pub fn is_negation(lower: &str) -> bool {
    matches!(lower, "not" | "no" | "never" | "nor" | "neither" | "none" | "nothing" | "cannot")
        || lower.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_rows() {
        type Row<'a> = (&'a str, &'a str, &'a [(DiffKind, &'a str, &'a str)]);
        let rows: &[Row] = &[
            ("China said no.", "Beijing said no.", &[(DiffKind::Changed, "China", "Beijing")]),
            ("He said it.", "He claimed it.", &[(DiffKind::Changed, "said", "claimed")]),
            ("Rules hit firms.", "New rules hit firms.", &[(DiffKind::Added, "", "New")]),
            ("Rules hit 100 firms.", "Rules hit firms.", &[(DiffKind::Removed, "100", "")]),
            ("Same words here.", "same WORDS here", &[]),
        ];
        for (a, b, want) in rows {
            let got: Vec<(DiffKind, &str, &str)> = diff_words(a, b)
                .iter()
                .filter(|o| o.kind != DiffKind::Equal)
                .map(|o| (o.kind, o.a.map(|s| s.of(a)).unwrap_or(""), o.b.map(|s| s.of(b)).unwrap_or("")))
                .collect();
            assert_eq!(got, *want, "a: {a:?} b: {b:?}");
        }
    }
}
