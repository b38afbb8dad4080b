//! Copying: passages shared nearly word for word between articles.
//!
//! Takes each article's words; gives, for each pair of articles sharing passages, the passages
//! (byte spans in both), the share of each article's words they cover, and which article is the
//! source when the publication dates say so. Passages are found with hashed 8-word shingles
//! through one index over the whole set (cost grows with the words, not the pairs of articles);
//! matches a few words apart are joined, so a lifted paragraph with a word changed is one passage.
//! Shingles lying wholly inside quotations are ignored: quoting the same speaker is not copying.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHasher};
use serde::{Deserialize, Serialize};

use super::Input;
use crate::span::Span;

/// One passage shared by two articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Byte start in article `a`'s body.
    pub a_start: usize,
    /// Byte end in article `a`'s body.
    pub a_end: usize,
    /// Byte start in article `b`'s body.
    pub b_start: usize,
    /// Byte end in article `b`'s body.
    pub b_end: usize,
    /// Words of the passage in `a`.
    pub words: usize,
}

/// Two articles that share passages. When many articles carry the same passage, each is paired
/// with the first article (in input order) that carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Article index (the lower one).
    pub a: usize,
    /// Article index (the higher one).
    pub b: usize,
    /// The earlier article when both publication dates are known and differ; else null.
    pub source: Option<usize>,
    /// Words of `a` inside shared passages.
    pub words: usize,
    /// Part of `a`'s words found in `b` (0–1).
    pub share_a: f32,
    /// Part of `b`'s words found in `a` (0–1).
    pub share_b: f32,
    /// The shared passages, in `a`'s order.
    pub passages: Vec<Passage>,
    /// Plain-words explanation.
    pub note: String,
}

/// Words per shingle.
const SHINGLE: usize = 8;
/// Matches at most this many words apart join into one passage.
const MAX_GAP: usize = 4;
/// Passages shorter than this are set phrases, not copying.
const MIN_PASSAGE_WORDS: usize = 15;

struct Words {
    spans: Vec<Span>,
    quoted: Vec<bool>,
}

/// Pairs of articles sharing passages, ordered by (a, b).
pub fn find(input: &Input<'_>) -> Vec<Reuse> {
    let words: Vec<Words> = input.articles.iter().zip(input.docs).map(|(a, d)| article_words(a, d)).collect();
    let mut index: HashMap<u64, Vec<(usize, usize)>> = HashMap::default();
    let keys: Vec<Vec<&str>> = input
        .docs
        .iter()
        .zip(input.articles)
        .map(|(d, a)| {
            d.sentence_tokens
                .iter()
                .zip(&a.sentences)
                .filter(|(_, s)| !s.heading)
                .flat_map(|(t, _)| t.iter().map(|t| t.lower.as_str()))
                .collect()
        })
        .collect();
    for (a, k) in keys.iter().enumerate() {
        for (pos, window) in k.windows(SHINGLE).enumerate() {
            if words[a].quoted[pos..pos + SHINGLE].iter().all(|q| *q) {
                continue;
            }
            let mut h = FxHasher::default();
            window.hash(&mut h);
            index.entry(h.finish()).or_default().push((a, pos));
        }
    }
    // (a, b) → matching shingle starts (pos in a, pos in b).
    let mut hits: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    // Each later occurrence pairs with the first article carrying the shingle (lowest index), so
    // wire copy run by many outlets costs one pair per outlet, not one per two outlets.
    for occ in index.values().filter(|o| o.len() > 1) {
        let (first, pf) = occ[0];
        for &(b, pb) in occ.iter().filter(|(b, _)| *b != first) {
            hits.entry((first, b)).or_default().push((pf, pb));
        }
    }
    hits.into_iter().filter_map(|((a, b), mut m)| pair(input, &words, a, b, &mut m)).collect()
}

fn article_words(article: &crate::ingest::Article, doc: &crate::text::Doc) -> Words {
    let spans: Vec<Span> = doc
        .sentence_tokens
        .iter()
        .zip(&article.sentences)
        .filter(|(_, s)| !s.heading)
        .flat_map(|(t, _)| t.iter().map(|t| t.span))
        .collect();
    let quoted = spans.iter().map(|s| doc.quotes.iter().any(|q| q.inner.contains(*s))).collect();
    Words { spans, quoted }
}

fn pair(input: &Input<'_>, words: &[Words], a: usize, b: usize, m: &mut [(usize, usize)]) -> Option<Reuse> {
    m.sort_unstable();
    let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new(); // a_from, a_to, b_from, b_to (exclusive)
    for &(pa, pb) in m.iter() {
        match runs.last_mut() {
            Some(r) if pa <= r.1 + MAX_GAP && pb >= r.2 && pb <= r.3 + MAX_GAP => {
                r.1 = r.1.max(pa + SHINGLE);
                r.3 = r.3.max(pb + SHINGLE);
            }
            _ => runs.push((pa, pa + SHINGLE, pb, pb + SHINGLE)),
        }
    }
    runs.retain(|r| r.1 - r.0 >= MIN_PASSAGE_WORDS);
    if runs.is_empty() {
        return None;
    }
    let (wa, wb) = (&words[a], &words[b]);
    let covered = |w: &Words, ranges: &mut dyn Iterator<Item = (usize, usize)>| {
        let mut cov = vec![false; w.spans.len()];
        for (from, to) in ranges {
            cov[from..to.min(w.spans.len())].iter_mut().for_each(|c| *c = true);
        }
        cov.iter().filter(|c| **c).count()
    };
    let na = covered(wa, &mut runs.iter().map(|r| (r.0, r.1)));
    let nb = covered(wb, &mut runs.iter().map(|r| (r.2, r.3)));
    let share = |n: usize, w: &Words| if w.spans.is_empty() { 0.0 } else { n as f32 / w.spans.len() as f32 };
    let passages = runs
        .iter()
        .map(|r| Passage {
            a_start: wa.spans[r.0].start,
            a_end: wa.spans[r.1 - 1].end,
            b_start: wb.spans[r.2].start,
            b_end: wb.spans[r.3 - 1].end,
            words: r.1 - r.0,
        })
        .collect::<Vec<_>>();
    let date = |i: usize| input.articles[i].meta.published.clone();
    let source = match (date(a), date(b)) {
        (Some(x), Some(y)) if x < y => Some(a),
        (Some(x), Some(y)) if y < x => Some(b),
        _ => None,
    };
    let (share_a, share_b) =
        ((share(na, wa) * 1000.0).round() / 1000.0, (share(nb, wb) * 1000.0).round() / 1000.0);
    let n = passages.len();
    let what = if n == 1 { "1 passage".to_string() } else { format!("{n} passages") };
    let note = match source {
        Some(s) => format!(
            "{what} ({na} words) appear almost word for word in both; the article published first is the likely source. They make up {:.0}% of the later article.",
            100.0 * if s == a { share_b } else { share_a }
        ),
        None => format!(
            "{what} ({na} words) appear almost word for word in both: {:.0}% of the first article and {:.0}% of the second. Which came first is unknown.",
            100.0 * share_a,
            100.0 * share_b
        ),
    };
    Some(Reuse { a, b, source, words: na, share_a, share_b, passages, note })
}
