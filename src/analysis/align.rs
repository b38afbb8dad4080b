//! Links sentences from different articles that state the same claim.
//!
//! Takes the articles and their text stages; gives scored [`Link`]s with [`Evidence`]. Scoring is
//! behind the [`Matcher`] trait: [`LexicalMatcher`] compares TF-IDF weighted content stems (after
//! paraphrase normalisation) and adds evidence from shared names, numbers and quoted words. A
//! semantic matcher can implement the same trait later.
//!
//! Candidates come from an inverted index over features, skipping features so common they would
//! pair everything with everything, so cost grows near-linearly with the input.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Evidence, Link, SentenceRef, Settings, paraphrase, settings};
use crate::ingest::Article;
use crate::span::Span;
use crate::text::Doc;
use crate::text::entities::EntityKind;

/// Scores pairs of sentences. Sentences are addressed by a global index (see [`Sentences`]).
pub trait Matcher {
    /// Pairs of sentences from different articles scoring at least `floor`, and each
    /// sentence's best score against any other article.
    fn candidates(&self, floor: f32) -> Candidates;
    /// The similarity (0–1) of any two sentences.
    fn score(&self, a: usize, b: usize) -> f32;
    /// Why two sentences are similar.
    fn evidence(&self, a: usize, b: usize) -> Evidence;
}

/// What a [`Matcher`] finds in one pass over the sentences.
#[derive(Debug, Default)]
pub struct Candidates {
    /// `(a, b, score)` with `a < b`, sorted by `(a, b)`.
    pub pairs: Vec<(usize, usize, f32)>,
    /// Per sentence: its best score against any sentence of another article (0 if none).
    pub nearest: Vec<f32>,
}

/// The sentences that take part in alignment, with a global index each.
#[derive(Debug, Default)]
pub struct Sentences {
    /// Global index → sentence.
    pub refs: Vec<SentenceRef>,
    /// Global index → a representative of its article's duplicate group (identical bodies
    /// share one, so a duplicate never counts as agreeing with itself).
    pub body_group: Vec<usize>,
}

impl Sentences {
    /// The sentences of `articles` that are long enough and not headings.
    pub fn eligible(articles: &[Article], docs: &[Doc], settings: &Settings) -> Sentences {
        let mut out = Sentences::default();
        let keys: Vec<String> = articles.iter().map(settings::content_key).collect();
        for (ai, (article, doc)) in articles.iter().zip(docs).enumerate() {
            let group = settings::duplicate_of(&keys, ai).unwrap_or(ai);
            for (si, sentence) in article.sentences.iter().enumerate() {
                let words = doc.sentence_tokens.get(si).map_or(0, Vec::len);
                if !sentence.heading && words >= settings.min_sentence_words {
                    out.refs.push(SentenceRef { article: ai, sentence: si });
                    out.body_group.push(group);
                }
            }
        }
        out
    }
}

/// A sentence as a sparse, L2-normalised weighted feature vector, plus its evidence sets.
#[derive(Debug, Default)]
struct Vector {
    /// (feature id, weight), sorted by feature id.
    weights: Vec<(u32, f32)>,
    /// Where each feature of `weights` is first written in the sentence (same order).
    written: Vec<Span>,
    /// Interned entity keys (names and acronyms) with their text as written, sorted by key.
    names: Vec<(u32, String)>,
    /// Number and date keys with their text.
    numbers: Vec<(u32, String)>,
    /// True when a name is more than a capitalised first word.
    strong_names: bool,
    /// Interned keys of the numbers (not dates), sorted.
    figures: Vec<u32>,
    /// Interned stems of quoted content words, sorted.
    quoted: Vec<u32>,
    /// Features of words inside names ("Beijing" and "China" share the concept), sorted.
    proper: Vec<u32>,
}

/// TF-IDF matcher over paraphrase-normalised stems.
pub struct LexicalMatcher<'a> {
    articles: &'a [Article],
    docs: &'a [Doc],
    sentences: &'a Sentences,
    vectors: Vec<Vector>,
    /// Feature id → (global sentence index, weight) of the first sentences that have it.
    postings: Vec<Vec<(u32, f32)>>,
    /// Global sentence index → (paraphrase concept, token index) of its content words that have
    /// one, in token order: looked up once here rather than for every link's evidence.
    concepts: Vec<Vec<(&'static str, u32)>>,
}

/// Each feature indexes at most this many sentences (the first ones). A fact that hundreds of
/// articles share still connects every one of them to the first few dozen that state it, which is
/// all clustering needs, and the cost stays linear in the number of sentences.
const POSTINGS_CAP: usize = 64;
/// Pairs whose partial similarity from the index reaches this share of the threshold are scored
/// exactly (names, numbers and quotes can lift a pair by up to 0.38).
const EXACT_SHARE: f32 = 0.4;
/// Only sentences this alike in wording are checked for contrasting names: near-identical
/// wording with other names is another actor's claim, while looser paraphrases often name
/// different sources ("told the Courier") for the same fact.
const CONTRAST_COSINE: f32 = 0.45;
/// Applied when both sentences name actors or places and share none of them.
const DIFFERENT_NAMES_FACTOR: f32 = 0.4;

impl<'a> LexicalMatcher<'a> {
    /// Builds the vectors and the inverted index.
    pub fn new(articles: &'a [Article], docs: &'a [Doc], sentences: &'a Sentences) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut raw: Vec<Vec<(u32, Span)>> = Vec::with_capacity(sentences.refs.len());
        let mut concepts = Vec::with_capacity(sentences.refs.len());
        for r in &sentences.refs {
            let doc = &docs[r.article];
            concepts.push(
                doc.sentence_tokens[r.sentence]
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !t.stop)
                    .filter_map(|(i, t)| {
                        Some((paraphrase::concept(&doc.language, &t.stem, &t.lower)?, i as u32))
                    })
                    .collect::<Vec<_>>(),
            );
            let mut feats: Vec<(u32, Span)> = doc.sentence_tokens[r.sentence]
                .iter()
                .filter(|t| !t.stop && (t.number || t.lower.chars().count() > 1))
                .map(|t| {
                    let key = paraphrase::concept(&doc.language, &t.stem, &t.lower).unwrap_or(&t.stem);
                    let next = ids.len() as u32;
                    (*ids.entry(key.to_string()).or_insert(next), t.span)
                })
                .collect();
            // Stable sort keeps each feature's first occurrence first.
            feats.sort_by_key(|x| x.0);
            feats.dedup_by_key(|x| x.0);
            raw.push(feats);
        }
        let n = raw.len().max(1) as f32;
        let mut df = vec![0u32; ids.len()];
        for feats in &raw {
            for &(f, _) in feats {
                df[f as usize] += 1;
            }
        }
        let idf: Vec<f32> = df.iter().map(|&d| (1.0 + n / d as f32).ln()).collect();
        let mut postings = vec![Vec::new(); ids.len()];
        let mut keys: HashMap<String, u32> = HashMap::default();
        let common_words = lower_case_stems(articles, docs);
        let context = VectorContext { idf: &idf, common_words: &common_words };
        let mut vectors = Vec::with_capacity(raw.len());
        for (g, feats) in raw.iter().enumerate() {
            let r = sentences.refs[g];
            let (article, doc) = (&articles[r.article], &docs[r.article]);
            let vector = build_vector(feats, &context, article, doc, r.sentence, &mut keys);
            for &(f, w) in &vector.weights {
                if postings[f as usize].len() < POSTINGS_CAP {
                    postings[f as usize].push((g as u32, w));
                }
            }
            vectors.push(vector);
        }
        LexicalMatcher { articles, docs, sentences, vectors, postings, concepts }
    }

    fn may_pair(&self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.sentences.refs[a], self.sentences.refs[b]);
        ra.article != rb.article && self.sentences.body_group[a] != self.sentences.body_group[b]
    }

    fn cosine(&self, a: usize, b: usize) -> f32 {
        let (va, vb) = (&self.vectors[a].weights, &self.vectors[b].weights);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += va[i].1 * vb[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }
}

/// Stems written in lower case somewhere in the set: a capitalised first word with such a stem
/// ("Pickets were ...") is an ordinary word, not a name.
fn lower_case_stems(articles: &[Article], docs: &[Doc]) -> HashSet<String> {
    let mut out = HashSet::default();
    for (article, doc) in articles.iter().zip(docs) {
        for token in doc.sentence_tokens.iter().flatten() {
            if token.span.of(&article.body).starts_with(char::is_lowercase) {
                out.insert(token.stem.clone());
            }
        }
    }
    out
}

/// Set-wide facts a sentence vector is built with.
struct VectorContext<'c> {
    idf: &'c [f32],
    common_words: &'c HashSet<String>,
}

fn build_vector(
    feats: &[(u32, Span)],
    context: &VectorContext<'_>,
    article: &Article,
    doc: &Doc,
    si: usize,
    keys: &mut HashMap<String, u32>,
) -> Vector {
    let mut weights: Vec<(u32, f32)> = feats.iter().map(|&(f, _)| (f, context.idf[f as usize])).collect();
    let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        weights.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    let mut intern = |key: &str| {
        let next = keys.len() as u32;
        *keys.entry(key.to_string()).or_insert(next)
    };
    let body = &article.body;
    let sentence_start = article.sentences[si].span.start;
    let mut names = Vec::new();
    let mut numbers = Vec::new();
    let mut figures = Vec::new();
    let mut strong_names = false;
    for e in &doc.sentence_entities[si] {
        let key = intern(&e.key);
        let pair = (key, e.span.of(body).to_string());
        match e.kind {
            EntityKind::Name | EntityKind::Acronym => {
                // A lone capitalised first word ("Pickets were ...") is a name only when the set
                // never writes it in lower case.
                let first_word = !body[sentence_start..e.span.start].chars().any(char::is_alphanumeric);
                let ordinary = first_word
                    && !pair.1.contains(' ')
                    && context.common_words.contains(&lang_stem(doc, si, e.span));
                strong_names |= e.kind == EntityKind::Acronym || !ordinary;
                names.push(pair);
            }
            EntityKind::Number => {
                figures.push(key);
                numbers.push(pair);
            }
            EntityKind::Date => numbers.push(pair),
        }
    }
    figures.sort_unstable();
    figures.dedup();
    let span = article.sentences[si].span;
    let quotes: Vec<_> = doc.quotes.iter().filter(|q| q.inner.overlaps(span)).collect();
    let mut quoted: Vec<u32> = doc.sentence_tokens[si]
        .iter()
        .filter(|t| !t.stop && quotes.iter().any(|q| q.inner.contains(t.span)))
        .map(|t| intern(&format!("\"{}", t.stem)))
        .collect();
    quoted.sort_unstable();
    quoted.dedup();
    for list in [&mut names, &mut numbers] {
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
    }
    let name_spans: Vec<Span> = doc.sentence_entities[si]
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Name | EntityKind::Acronym))
        .map(|e| e.span)
        .collect();
    let proper =
        feats.iter().filter(|(_, span)| name_spans.iter().any(|n| n.contains(*span))).map(|x| x.0).collect();
    let written = feats.iter().map(|&(_, span)| span).collect();
    Vector { weights, written, names, strong_names, numbers, figures, quoted, proper }
}

/// The stem of the token at `span` in sentence `si`, or "" if there is none.
fn lang_stem(doc: &Doc, si: usize, span: Span) -> String {
    doc.sentence_tokens[si].iter().find(|t| t.span == span).map(|t| t.stem.clone()).unwrap_or_default()
}

/// Items of `a` whose key also occurs in `b` (both sorted by key).
fn shared<'v>(a: &'v [(u32, String)], b: &[(u32, String)]) -> Vec<&'v (u32, String)> {
    a.iter().filter(|x| b.binary_search_by_key(&x.0, |y| y.0).is_ok()).collect()
}

/// How many keys two sorted lists share.
fn common<T>(a: &[T], b: &[T], key: impl Fn(&T) -> u32) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match key(&a[i]).cmp(&key(&b[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl Matcher for LexicalMatcher<'_> {
    fn candidates(&self, floor: f32) -> Candidates {
        let n = self.vectors.len();
        let mut pairs = Vec::new();
        let mut nearest = vec![0.0f32; n];
        // Partial dot products from the index; only promising pairs get an exact score.
        let mut acc = vec![0.0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        for (a, best) in nearest.iter_mut().enumerate() {
            for &(f, wa) in &self.vectors[a].weights {
                for &(b, wb) in &self.postings[f as usize] {
                    let b = b as usize;
                    if !self.may_pair(a, b) {
                        continue;
                    }
                    if acc[b] == 0.0 {
                        touched.push(b);
                    }
                    acc[b] += wa * wb;
                }
            }
            for &b in &touched {
                let partial = std::mem::take(&mut acc[b]);
                let s = if partial >= floor * EXACT_SHARE { self.score(a, b) } else { partial };
                *best = best.max(s);
                if s >= floor {
                    pairs.push((a.min(b), a.max(b), s));
                }
            }
            touched.clear();
        }
        // A pair may be found from both of its sentences.
        pairs.sort_by_key(|x| (x.0, x.1));
        pairs.dedup_by_key(|x| (x.0, x.1));
        Candidates { pairs: keep_strongest(pairs, n), nearest }
    }

    fn score(&self, a: usize, b: usize) -> f32 {
        if !self.may_pair(a, b) {
            return 0.0;
        }
        let cos = self.cosine(a, b);
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        let names = common(&va.names, &vb.names, |x| x.0) as f32;
        let numbers = common(&va.numbers, &vb.numbers, |x| x.0) as f32;
        let figures = common(&va.figures, &vb.figures, |x| *x) as f32;
        let quoted = common(&va.quoted, &vb.quoted, |x| *x) as f32;
        // Evidence only strengthens a link that the wording already supports. The same figure
        // ("1,200", "211 to 164") is strong evidence; the same weekday is weak.
        let bonus = if cos >= 0.15 {
            (0.04 * names).min(0.12)
                + (0.07 * figures).min(0.14)
                + (0.02 * (numbers - figures)).min(0.04)
                + if quoted >= 2.0 { 0.08 } else { 0.0 }
        } else {
            0.0
        };
        // Both name actors or places, and none of them is the same: likely another actor's claim
        // ("Germany will send tanks" vs "France will send tanks").
        let other_actors = cos >= CONTRAST_COSINE
            && va.strong_names
            && vb.strong_names
            && names == 0.0
            && common(&va.proper, &vb.proper, |x| *x) == 0;
        let factor = if other_actors { DIFFERENT_NAMES_FACTOR } else { 1.0 };
        ((cos + bonus) * factor).min(1.0)
    }

    fn evidence(&self, a: usize, b: usize) -> Evidence {
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        let mut terms: Vec<(f32, usize)> = va
            .weights
            .iter()
            .enumerate()
            .filter_map(|(i, (f, w))| vb.weights.iter().find(|(g, _)| g == f).map(|(_, w2)| (w * w2, i)))
            .collect();
        terms.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let ra = self.sentences.refs[a];
        let paraphrases = self.paraphrases(a, b);
        let quotes = self.shared_quote_words(a, b);
        let entities: Vec<String> = shared(&va.names, &vb.names).into_iter().map(|p| p.1.clone()).collect();
        let numbers: Vec<String> =
            shared(&va.numbers, &vb.numbers).into_iter().map(|p| p.1.clone()).collect();
        // Words already shown as part of a name or number are not repeated as terms.
        let named = |w: &str| entities.iter().chain(&numbers).any(|e| e.split_whitespace().any(|x| x == w));
        let body = &self.articles[ra.article].body;
        let terms =
            terms.iter().map(|&(_, i)| va.written[i].of(body).to_string()).filter(|w| !named(w)).collect();
        Evidence { lexical: self.cosine(a, b), terms, entities, numbers, quotes, paraphrases }
    }
}

impl LexicalMatcher<'_> {
    /// "firms ~ companies": different words (different stems) of one concept used by the two sentences.
    fn paraphrases(&self, a: usize, b: usize) -> Vec<String> {
        // (concept, stem, text as written) of each content word with a concept.
        let words = |g: usize| -> Vec<(&str, &str, &str)> {
            let r = self.sentences.refs[g];
            let tokens = &self.docs[r.article].sentence_tokens[r.sentence];
            let body = &self.articles[r.article].body;
            self.concepts[g]
                .iter()
                .map(|&(c, i)| {
                    let t = &tokens[i as usize];
                    (c, t.stem.as_str(), t.span.of(body))
                })
                .collect()
        };
        let (wa, wb) = (words(a), words(b));
        let mut out: Vec<String> = Vec::new();
        for (ca, sa, ta) in &wa {
            // Only when the other sentence uses the concept but never this word's stem.
            if wb.iter().any(|(_, sb, _)| sb == sa) {
                continue;
            }
            if let Some((_, _, tb)) = wb.iter().find(|(cb, _, _)| cb == ca) {
                let item = format!("{ta} ~ {tb}");
                if !out.contains(&item) {
                    out.push(item);
                }
            }
        }
        out
    }

    /// Runs of quoted words that appear in both sentences' quotes.
    fn shared_quote_words(&self, a: usize, b: usize) -> Vec<String> {
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        if common(&va.quoted, &vb.quoted, |x| *x) < 2 {
            return Vec::new();
        }
        let r = self.sentences.refs[a];
        let body = &self.articles[r.article].body;
        let span = self.articles[r.article].sentences[r.sentence].span;
        self.docs[r.article]
            .quotes
            .iter()
            .filter(|q| q.inner.overlaps(span))
            .map(|q| q.inner.of(body).trim().to_string())
            .filter(|q| !q.is_empty())
            .collect()
    }
}

/// Each sentence keeps at most this many links, its strongest. A claim that a hundred articles
/// share would otherwise bring ~5,000 links; clustering needs only enough to connect the members
/// (it re-scores cross pairs itself), and a reader needs only the strongest evidence.
pub const LINKS_PER_SENTENCE: usize = 8;

/// The pairs that are among the [`LINKS_PER_SENTENCE`] strongest of either of their sentences,
/// sorted by `(a, b)`.
fn keep_strongest(pairs: Vec<(usize, usize, f32)>, sentences: usize) -> Vec<(usize, usize, f32)> {
    let mut by_sentence: Vec<Vec<(f32, usize)>> = vec![Vec::new(); sentences];
    for (k, &(a, b, s)) in pairs.iter().enumerate() {
        by_sentence[a].push((s, k));
        by_sentence[b].push((s, k));
    }
    let mut keep = vec![false; pairs.len()];
    for list in &mut by_sentence {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, k) in list.iter().take(LINKS_PER_SENTENCE) {
            keep[k] = true;
        }
    }
    let mut out: Vec<(usize, usize, f32)> =
        pairs.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// Scored links at or above the threshold between sentences of different articles, sorted by (a, b).
pub fn link(articles: &[Article], docs: &[Doc], settings: &Settings) -> Vec<Link> {
    let sentences = Sentences::eligible(articles, docs, settings);
    let matcher = LexicalMatcher::new(articles, docs, &sentences);
    links_from(&matcher, &sentences, &matcher.candidates(settings.threshold))
}

/// Links for the pairs a matcher scored at or above the threshold.
pub fn links_from(matcher: &dyn Matcher, sentences: &Sentences, candidates: &Candidates) -> Vec<Link> {
    candidates
        .pairs
        .iter()
        .map(|&(a, b, score)| (a, b, score))
        .map(|(a, b, score)| Link {
            a: sentences.refs[a],
            b: sentences.refs[b],
            score: (score * 1000.0).round() / 1000.0,
            evidence: matcher.evidence(a, b),
        })
        .collect()
}
