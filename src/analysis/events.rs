//! Groups articles by story and warns when a set mixes stories.
//!
//! Two articles tell the same story when a good share of their sentences are linked. Groups are
//! formed by average linkage, so one bridging article does not glue two stories together.
//!
//! Only article pairs with links have a similarity, so the clustering works on that sparse graph
//! with a priority queue: a set of 10,000 articles costs what its links cost, not 10,000².

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap as HashMap;

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
    let adjacent = similarity(n, links, eligible);
    // An article with no sentence to compare gives no evidence of another story.
    let (with, silent): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| eligible[i] > 0);
    // A group is named by its first (smallest) article, which a merge keeps: the group of the
    // earlier first article absorbs the other, as a scan of the groups in order would.
    let mut clusters = Clusters {
        members: (0..n).map(|i| vec![i]).collect(),
        group_of: (0..n).collect(),
        version: vec![0; n],
        alive: vec![false; n],
        adjacent,
    };
    for &i in &with {
        clusters.alive[i] = true;
    }
    let mut queue = BinaryHeap::new();
    for &g in &with {
        clusters.push_pairs(g, &mut queue);
    }
    while let Some(top) = queue.pop() {
        if clusters.current(&top) {
            clusters.merge(top.first, top.second);
            clusters.push_pairs(top.first, &mut queue);
        }
    }
    let Clusters { mut members, alive, .. } = clusters;
    let groups: Vec<Vec<usize>> =
        (0..n).filter(|&g| alive[g]).map(|g| std::mem::take(&mut members[g])).collect();
    with_silent(groups, silent)
}

/// Sorts the story groups and puts the articles with nothing to link (`silent`) into the first.
pub(super) fn with_silent(mut groups: Vec<Vec<usize>>, silent: Vec<usize>) -> Vec<Vec<usize>> {
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

/// Groups under construction, indexed by their first article.
struct Clusters {
    /// Articles of each group, ascending (empty once merged away).
    members: Vec<Vec<usize>>,
    /// Article → its group.
    group_of: Vec<usize>,
    /// Bumped on every merge, so queued pairs of an older state are skipped.
    version: Vec<u32>,
    /// True for groups that take part and have not been merged away.
    alive: Vec<bool>,
    /// Article → (other article, similarity), ascending.
    adjacent: Vec<Vec<(usize, f32)>>,
}

impl Clusters {
    fn current(&self, c: &Candidate) -> bool {
        let (i, j) = (c.first, c.second);
        self.alive[i] && self.alive[j] && (self.version[i], self.version[j]) == c.versions
    }

    fn merge(&mut self, keep: usize, gone: usize) {
        let moved = std::mem::take(&mut self.members[gone]);
        for &a in &moved {
            self.group_of[a] = keep;
        }
        self.members[keep].extend(moved);
        self.members[keep].sort_unstable();
        self.alive[gone] = false;
        self.version[keep] += 1;
    }

    /// Queues group `g` with every live group it has links to, when their average linkage
    /// reaches [`SAME_STORY`].
    fn push_pairs(&self, g: usize, queue: &mut BinaryHeap<Candidate>) {
        let mut neighbours: Vec<usize> = self.members[g]
            .iter()
            .flat_map(|&a| self.adjacent[a].iter().map(|&(b, _)| self.group_of[b]))
            .collect();
        neighbours.sort_unstable();
        neighbours.dedup();
        for h in neighbours.into_iter().filter(|&h| h != g && self.alive[h]) {
            let (first, second) = (g.min(h), g.max(h));
            // Summed in the order of the dense matrix (first group's articles, each with the
            // second group's in order), skipping zeros, so the float is the same bit for bit.
            let mut sum = 0.0f32;
            for &a in &self.members[first] {
                for &(b, s) in &self.adjacent[a] {
                    if self.group_of[b] == second {
                        sum += s;
                    }
                }
            }
            let avg = sum / (self.members[first].len() * self.members[second].len()) as f32;
            if avg >= SAME_STORY {
                let versions = (self.version[first], self.version[second]);
                queue.push(Candidate { avg, first, second, versions });
            }
        }
    }
}

/// A pair of groups that may merge. The heap pops the highest average first and, among equal
/// averages, the pair of earliest groups (as a scan of the groups in order would).
struct Candidate {
    avg: f32,
    first: usize,
    second: usize,
    versions: (u32, u32),
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then_with(|| Reverse((self.first, self.second)).cmp(&Reverse((other.first, other.second))))
    }
}

/// Per article: the other articles it shares links with, ascending, and the share of the two
/// articles' sentences linked to each other.
fn similarity(n: usize, links: &[Link], eligible: &[usize]) -> Vec<Vec<(usize, f32)>> {
    // (article, other article, sentence of the first linked to the second), each once.
    let mut linked: Vec<(usize, usize, usize)> = Vec::with_capacity(links.len() * 2);
    for l in links {
        linked.push((l.a.article, l.b.article, l.a.sentence));
        linked.push((l.b.article, l.a.article, l.b.sentence));
    }
    linked.sort_unstable();
    linked.dedup();
    let mut counts: HashMap<(usize, usize), usize> = HashMap::default();
    for &(a, b, _) in &linked {
        *counts.entry((a.min(b), a.max(b))).or_default() += 1;
    }
    let mut adjacent: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for (&(a, b), &count) in &counts {
        let total = (eligible[a] + eligible[b]) as f32;
        if a != b && total > 0.0 {
            let sim = count as f32 / total;
            adjacent[a].push((b, sim));
            adjacent[b].push((a, sim));
        }
    }
    for list in &mut adjacent {
        list.sort_by_key(|x| x.0);
    }
    adjacent
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
