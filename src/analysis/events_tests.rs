//! The sparse story grouping against the dense all-pairs version it replaced, on random link
//! sets: the groups must be the same, float for float.

use std::collections::BTreeSet;

use super::events::group;
use super::{Link, SentenceRef};
use crate::ingest::Article;

/// The dense version: every pair of groups scanned on every merge (cubic in the articles).
fn dense_group(n: usize, links: &[Link], eligible: &[usize]) -> Vec<Vec<usize>> {
    let mut linked: Vec<Vec<BTreeSet<usize>>> = vec![vec![BTreeSet::new(); n]; n];
    for l in links {
        linked[l.a.article][l.b.article].insert(l.a.sentence);
        linked[l.b.article][l.a.article].insert(l.b.sentence);
    }
    let mut sim = vec![vec![0.0f32; n]; n];
    for a in 0..n {
        for b in 0..n {
            let total = (eligible[a] + eligible[b]) as f32;
            if a != b && total > 0.0 {
                sim[a][b] = (linked[a][b].len() + linked[b][a].len()) as f32 / total;
            }
        }
    }
    let (with, silent): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| eligible[i] > 0);
    let mut groups: Vec<Vec<usize>> = with.into_iter().map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let pairs = (groups[i].len() * groups[j].len()) as f32;
                let avg: f32 = groups[i]
                    .iter()
                    .flat_map(|&a| groups[j].iter().map(move |&b| (a, b)))
                    .map(|(a, b)| sim[a][b])
                    .sum::<f32>()
                    / pairs;
                if avg >= 0.12 && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = groups.remove(j);
        groups[i].extend(moved);
        groups[i].sort_unstable();
    }
    super::events::with_silent(groups, silent)
}

#[test]
fn sparse_grouping_matches_the_dense_one() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let (mut merged, mut several) = (0, 0);
    for case in 0..300 {
        let n = 1 + next(30);
        let eligible: Vec<usize> = (0..n).map(|_| if next(8) == 0 { 0 } else { 1 + next(12) }).collect();
        let with: Vec<usize> = (0..n).filter(|&i| eligible[i] > 0).collect();
        let mut links = Vec::new();
        if with.len() > 1 {
            // Several loose stories: links mostly inside a story, a few across.
            let stories = 1 + next(4);
            for _ in 0..next(6 * n) {
                let a = with[next(with.len())];
                let mut b = with[next(with.len())];
                if next(5) > 0 {
                    b = with
                        .iter()
                        .copied()
                        .filter(|&x| x % stories == a % stories)
                        .nth(next(3))
                        .unwrap_or(b);
                }
                if a == b {
                    continue;
                }
                let (a, b) = (a.min(b), a.max(b));
                links.push(Link {
                    a: SentenceRef { article: a, sentence: next(eligible[a]) },
                    b: SentenceRef { article: b, sentence: next(eligible[b]) },
                    score: 0.5,
                    evidence: Default::default(),
                });
            }
        }
        let articles = vec![Article::default(); n];
        let dense = dense_group(n, &links, &eligible);
        assert_eq!(group(&articles, &links, &eligible), dense, "case {case}");
        merged += usize::from(dense.iter().any(|g| g.len() > 1));
        several += usize::from(dense.len() > 1);
    }
    assert!(
        merged > 100 && several > 100,
        "the cases cover merges ({merged}) and several stories ({several})"
    );
}

#[test]
fn ten_thousand_articles_group_in_linear_space() {
    // A chain of pairs: 10,000 articles, 5,000 two-article stories. The dense version needed
    // 10,000² similarity cells (gigabytes); this must finish at once.
    let n = 10_000;
    let links: Vec<Link> = (0..n / 2)
        .map(|k| Link {
            a: SentenceRef { article: 2 * k, sentence: 0 },
            b: SentenceRef { article: 2 * k + 1, sentence: 0 },
            score: 0.9,
            evidence: Default::default(),
        })
        .collect();
    let groups = group(&vec![Article::default(); n], &links, &vec![1; n]);
    assert_eq!(groups.len(), n / 2);
    assert_eq!(groups[1], vec![2, 3]);
}
