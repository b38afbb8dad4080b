//! Finds paragraphs that repeat an earlier paragraph of the same article, exactly or nearly (a lead
//! printed twice with one word changed). Near means word-bigram Jaccard similarity ≥ [`NEAR`], or
//! at most one word in ten changed (word-level longest common subsequence).
//! Candidates come from an inverted index over bigrams, so a long page costs near-linear time.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::Removal;
use crate::span::Span;

/// Bigram Jaccard similarity at or above which two paragraphs count as one.
pub const NEAR: f64 = 0.8;

/// Paragraphs shorter than this (in words) are never treated as duplicates ("Q:", "Photo").
const MIN_WORDS: usize = 3;

/// Earlier paragraphs compared in full with each new one (those sharing the most bigrams).
const MAX_CANDIDATES: usize = 8;

/// Postings longer than this are too common to find candidates with (they still count in the score).
const MAX_POSTINGS: usize = 64;

/// Spans of lines in `text` that repeat an earlier surviving line. Lines already wholly covered by
/// one of `removed` are ignored on both sides.
pub fn near_duplicates(text: &str, removed: &[Removal]) -> Vec<Span> {
    let mut covered: Vec<Span> = removed.iter().map(|r| r.span).collect();
    covered.sort();
    let mut kept: Vec<(Vec<u64>, Vec<u64>)> = Vec::new();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let span = Span::new(offset, offset + line.len());
        offset += line.len() + 1;
        if covered.iter().any(|c| c.contains(span)) {
            continue;
        }
        let words: Vec<u64> = line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| hash(&w.to_lowercase()))
            .collect();
        if words.len() < MIN_WORDS {
            continue;
        }
        let grams = bigrams(&words);
        if is_duplicate(&grams, &words, &kept, &index) {
            out.push(span);
            continue;
        }
        let id = kept.len();
        for g in &grams {
            let postings = index.entry(*g).or_default();
            if postings.len() < MAX_POSTINGS {
                postings.push(id);
            }
        }
        kept.push((grams, words));
    }
    out
}

fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Sorted, distinct hashes of the word bigrams.
fn bigrams(words: &[u64]) -> Vec<u64> {
    let mut grams: Vec<u64> = words.windows(2).map(hash).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

fn is_duplicate(
    grams: &[u64],
    words: &[u64],
    kept: &[(Vec<u64>, Vec<u64>)],
    index: &HashMap<u64, Vec<usize>>,
) -> bool {
    let mut hits: Vec<usize> = grams.iter().filter_map(|g| index.get(g)).flatten().copied().collect();
    hits.sort_unstable();
    // The earlier paragraphs sharing the most bigrams; a bounded number keeps long pages linear.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for chunk in hits.chunk_by(|a, b| a == b) {
        candidates.push((chunk.len(), chunk[0]));
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    candidates.truncate(MAX_CANDIDATES);
    // k changed words break at most 2k bigrams on each side: below this score LCS cannot pass.
    let n = grams.len() as f64;
    let k = (words.len() / 10).max(1) as f64;
    let lcs_gate = ((n - 2.0 * k) / (n + 2.0 * k)).max(0.3) - 0.05;
    candidates.into_iter().any(|(_, c)| {
        let (other_grams, other_words) = &kept[c];
        let score = jaccard(grams, other_grams);
        score >= NEAR || (score >= lcs_gate && few_words_changed(words, other_words))
    })
}

/// True when at most one word in ten (at least one) differs between `a` and `b`.
fn few_words_changed(a: &[u64], b: &[u64]) -> bool {
    let longest = a.len().max(b.len());
    let allowed = (longest / 10).max(1);
    if a.len().abs_diff(b.len()) > allowed || longest > 400 {
        return false;
    }
    longest - lcs(a, b) <= allowed
}

/// Length of the longest common subsequence of two word lists (one row of the table at a time).
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(row[j]) };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Jaccard similarity of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dups(text: &str) -> Vec<&str> {
        near_duplicates(text, &[]).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn finds_repeats() {
        let lead = "Officials said on Monday that the new export rules would take effect within thirty days of publication.";
        let changed = "Officials said on Monday that the new export rules could take effect within thirty days of publication.";
        let other =
            "A spokesman for the ministry declined to comment on the timing of the rules or their scope.";
        let rows: Vec<(String, Vec<&str>)> = vec![
            (format!("{lead}\n{lead}"), vec![lead]),
            (format!("{lead}\n{other}\n{changed}"), vec![changed]),
            (format!("{lead}\n{other}"), vec![]),
            (
                "Blinken to warn China\nBody text here.\nBlinken to warn China".into(),
                vec!["Blinken to warn China"],
            ),
            ("Q: yes\nQ: yes".into(), vec![]),
        ];
        for (text, expected) in &rows {
            assert_eq!(&dups(text), expected, "{text}");
        }
    }
}
