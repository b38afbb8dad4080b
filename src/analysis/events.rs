//! Groups articles by story and warns when a set mixes stories.
//!
//! Two articles tell the same story when a good share of their sentences are linked. Groups are
//! formed by average linkage, so one bridging article does not glue two stories together.

use super::{Link, Warning};
use crate::ingest::Article;

/// Average share of linked sentences at or above which two groups are one story.
const SAME_STORY: f32 = 0.12;

/// Story groups (ascending article indices), ordered by their first article.
pub fn group(articles: &[Article], links: &[Link], eligible: &[usize]) -> Vec<Vec<usize>> {
    let n = articles.len();
    if n == 0 {
        return Vec::new();
    }
    let sim = similarity(n, links, eligible);
    // An article with no sentence to compare gives no evidence of another story.
    let (mut groups, silent): (Vec<Vec<usize>>, Vec<usize>) = {
        let (with, without): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| eligible[i] > 0);
        (with.into_iter().map(|i| vec![i]).collect(), without)
    };
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
                if avg >= SAME_STORY && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = groups.remove(j);
        groups[i].extend(moved);
        groups[i].sort_unstable();
    }
    groups.sort();
    match groups.first_mut() {
        Some(first) => {
            first.extend(silent);
            first.sort_unstable();
        }
        None => groups.push(silent),
    }
    groups
}

/// Article × article share of sentences linked to the other article.
fn similarity(n: usize, links: &[Link], eligible: &[usize]) -> Vec<Vec<f32>> {
    let mut linked: Vec<Vec<std::collections::BTreeSet<usize>>> = vec![vec![Default::default(); n]; n];
    for l in links {
        linked[l.a.article][l.b.article].insert(l.a.sentence);
        linked[l.b.article][l.a.article].insert(l.b.sentence);
    }
    let mut sim = vec![vec![0.0; n]; n];
    for a in 0..n {
        for b in 0..n {
            let total = (eligible[a] + eligible[b]) as f32;
            if a != b && total > 0.0 {
                sim[a][b] = (linked[a][b].len() + linked[b][a].len()) as f32 / total;
            }
        }
    }
    sim
}

/// The warning shown when a set mixes stories.
pub fn mixed_warning(articles: &[Article], events: &[Vec<usize>]) -> Warning {
    let describe = |g: &Vec<usize>| {
        let names: Vec<String> = g
            .iter()
            .map(|&i| {
                let a = &articles[i];
                if a.meta.outlet.is_empty() { a.meta.title.clone() } else { a.meta.outlet.clone() }
            })
            .collect();
        format!("[{}]", names.join(", "))
    };
    let groups: Vec<String> = events.iter().map(describe).collect();
    Warning {
        article: None,
        message: format!(
            "This set mixes {} different stories: {}. Claims are compared within each story; remove the articles of the other story for a cleaner comparison.",
            events.len(),
            groups.join(" and ")
        ),
    }
}
