//! Builds claims from scored links without chaining unrelated sentences.
//!
//! Links are merged strongest first (agglomerative clustering). Two groups join only when they
//! share no article and every cross pair of sentences is at least weakly similar, so A~B and B~C
//! never make one claim when A and C have nothing in common. Afterwards a sentence that also
//! states another group's claim joins that group too (a sentence may carry two claims). Every
//! eligible sentence in no shared claim becomes a unique claim.

use std::collections::BTreeSet;

use super::align::{Candidates, Matcher, Sentences};
use super::{Claim, ClaimKind, Member, Prominence, SentenceRef, Settings};
use crate::ingest::Article;

/// Every cross pair of a merge must score at least this share of the threshold.
const CROSS_PAIR_SHARE: f32 = 0.8;
/// Longest representative label, in characters.
const LABEL_CHARS: usize = 140;

/// Claims from links: shared claims first (most articles first), then unique ones in article order.
pub fn build(
    articles: &[Article],
    sentences: &Sentences,
    matcher: &dyn Matcher,
    candidates: &Candidates,
    events: &[Vec<usize>],
    settings: &Settings,
) -> Vec<Claim> {
    let mut ordered = candidates.pairs.clone();
    ordered.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));

    let floor = settings.threshold * CROSS_PAIR_SHARE;
    let article_of = |g: usize| sentences.refs[g].article;
    let mut groups = Groups::new(sentences.refs.len(), article_of);
    for &(a, b, _) in &ordered {
        let (ca, cb) = (groups.cluster_of[a], groups.cluster_of[b]);
        if ca != cb
            && groups.disjoint(ca, cb)
            && groups.members[ca]
                .iter()
                .all(|&x| groups.members[cb].iter().all(|&y| matcher.score(x, y) >= floor))
        {
            groups.merge(ca, cb);
        }
    }
    // A sentence that states a second claim joins that claim's group as well.
    let mut extra: Vec<(usize, usize)> = Vec::new();
    for &(a, b, _) in &ordered {
        for (s, t) in [(a, b), (b, a)] {
            let target = groups.cluster_of[t];
            if groups.cluster_of[s] != target
                && groups.members[groups.cluster_of[s]].len() > 1
                && !groups.has_article(target, article_of(s))
                && groups.members[target].iter().all(|&m| matcher.score(s, m) >= floor)
            {
                extra.push((target, s));
            }
        }
    }
    extra.sort_unstable();
    extra.dedup();
    for (target, s) in extra {
        if !groups.has_article(target, article_of(s)) {
            groups.add(target, s);
        }
    }
    let clusters = groups.members;

    let mut claims: Vec<Claim> = clusters
        .iter()
        .filter(|c| c.len() > 1)
        .map(|c| shared_claim(articles, sentences, matcher, c, events))
        .collect();
    claims.sort_by(|x, y| {
        y.articles.len().cmp(&x.articles.len()).then_with(|| first_ref(x).cmp(&first_ref(y)))
    });
    let in_shared: BTreeSet<SentenceRef> =
        claims.iter().flat_map(|c| c.members.iter().map(Member::sentence_ref)).collect();
    for (g, r) in sentences.refs.iter().enumerate() {
        if !in_shared.contains(r) {
            claims.push(unique_claim(articles, sentences, candidates.nearest[g], g, events));
        }
    }
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = i;
    }
    claims
}

/// Clusters of sentences under construction, each knowing which articles it holds.
struct Groups<F: Fn(usize) -> usize> {
    members: Vec<Vec<usize>>,
    cluster_of: Vec<usize>,
    /// Sorted article indices per cluster.
    articles: Vec<Vec<usize>>,
    article_of: F,
}

impl<F: Fn(usize) -> usize> Groups<F> {
    fn new(n: usize, article_of: F) -> Self {
        Groups {
            members: (0..n).map(|g| vec![g]).collect(),
            cluster_of: (0..n).collect(),
            articles: (0..n).map(|g| vec![article_of(g)]).collect(),
            article_of,
        }
    }

    fn has_article(&self, cluster: usize, article: usize) -> bool {
        self.articles[cluster].binary_search(&article).is_ok()
    }

    fn disjoint(&self, a: usize, b: usize) -> bool {
        self.articles[a].iter().all(|x| !self.has_article(b, *x))
    }

    fn merge(&mut self, a: usize, b: usize) {
        let (keep, gone) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut self.members[gone]);
        for &g in &moved {
            self.cluster_of[g] = keep;
        }
        self.members[keep].extend(moved);
        let arts = std::mem::take(&mut self.articles[gone]);
        self.articles[keep].extend(arts);
        self.articles[keep].sort_unstable();
    }

    fn add(&mut self, cluster: usize, g: usize) {
        self.members[cluster].push(g);
        let article = (self.article_of)(g);
        if let Err(at) = self.articles[cluster].binary_search(&article) {
            self.articles[cluster].insert(at, article);
        }
    }
}

fn first_ref(c: &Claim) -> SentenceRef {
    c.members.first().map(Member::sentence_ref).unwrap_or(SentenceRef { article: 0, sentence: 0 })
}

/// Articles of the stories any of `carriers` belongs to.
fn story_articles(events: &[Vec<usize>], carriers: &[usize]) -> BTreeSet<usize> {
    events.iter().filter(|e| e.iter().any(|a| carriers.contains(a))).flatten().copied().collect()
}

fn shared_claim(
    articles: &[Article],
    sentences: &Sentences,
    matcher: &dyn Matcher,
    cluster: &[usize],
    events: &[Vec<usize>],
) -> Claim {
    let mut members: Vec<usize> = cluster.to_vec();
    members.sort_by_key(|&g| sentences.refs[g]);
    let best_to_others =
        |g: usize| members.iter().filter(|&&m| m != g).map(|&m| matcher.score(g, m)).fold(0.0f32, f32::max);
    let confidence = members.iter().map(|&g| best_to_others(g)).fold(1.0f32, f32::min);
    // The label is the version closest to all the others.
    let central = members
        .iter()
        .copied()
        .max_by(|&x, &y| {
            let sx: f32 = members.iter().map(|&m| if m == x { 0.0 } else { matcher.score(x, m) }).sum();
            let sy: f32 = members.iter().map(|&m| if m == y { 0.0 } else { matcher.score(y, m) }).sum();
            sx.total_cmp(&sy).then(y.cmp(&x))
        })
        .unwrap_or(members[0]);
    let refs: Vec<SentenceRef> = members.iter().map(|&g| sentences.refs[g]).collect();
    let carriers: Vec<usize> = refs.iter().map(|r| r.article).collect::<BTreeSet<_>>().into_iter().collect();
    let omitted_by =
        story_articles(events, &carriers).into_iter().filter(|a| !carriers.contains(a)).collect();
    Claim {
        id: 0,
        kind: ClaimKind::Shared,
        members: refs.iter().map(|&r| member(articles, r)).collect(),
        articles: carriers,
        omitted_by,
        label: label(articles, sentences.refs[central]),
        confidence: round3(confidence),
    }
}

fn unique_claim(
    articles: &[Article],
    sentences: &Sentences,
    nearest: f32,
    g: usize,
    events: &[Vec<usize>],
) -> Claim {
    let r = sentences.refs[g];
    let omitted_by = story_articles(events, &[r.article]).into_iter().filter(|&a| a != r.article).collect();
    // Confidence that it is really unique: lower when a near miss exists in another article.
    Claim {
        id: 0,
        kind: ClaimKind::Unique,
        members: vec![member(articles, r)],
        articles: vec![r.article],
        omitted_by,
        label: label(articles, r),
        confidence: round3(1.0 - nearest),
    }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn member(articles: &[Article], r: SentenceRef) -> Member {
    Member {
        article: r.article,
        sentence: r.sentence,
        prominence: prominence(&articles[r.article], r.sentence),
    }
}

/// Lede: the first body paragraph or the first two body sentences; then upper or lower half.
pub fn prominence(article: &Article, sentence: usize) -> Prominence {
    let body: Vec<usize> = (0..article.sentences.len()).filter(|&i| !article.sentences[i].heading).collect();
    let Some(rank) = body.iter().position(|&i| i == sentence) else { return Prominence::Upper };
    let first_paragraph = body.first().map(|&i| article.sentences[i].paragraph);
    if rank < 2 || (Some(article.sentences[sentence].paragraph) == first_paragraph && rank < 3) {
        Prominence::Lede
    } else if rank * 2 < body.len() {
        Prominence::Upper
    } else {
        Prominence::Lower
    }
}

fn label(articles: &[Article], r: SentenceRef) -> String {
    let text = articles[r.article].sentence_text(r.sentence);
    if text.chars().count() <= LABEL_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(LABEL_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}
