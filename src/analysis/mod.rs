//! Aligns sentences across articles into claims and groups articles into stories.
//!
//! Takes cleaned [`Article`]s and [`Settings`]; gives a [`Comparison`]: claims (shared or unique),
//! scored and explained links between sentences, story groups, framing, and warnings.
//! Same input and settings give the same `Comparison`, byte for byte.

pub mod align;
pub mod claims;
pub mod events;
pub mod paraphrase;
pub mod settings;

use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

pub use settings::Settings;

use crate::framing::{self, Framing};
use crate::ingest::Article;
use crate::text::Doc;
use crate::text::language::Language;

/// Version of the JSON format written by [`crate::report::json`].
pub const FORMAT_VERSION: u32 = 1;

/// A sentence of one article: `(article index, sentence index)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    /// Index into `Comparison::articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
}

/// Where a sentence sits in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prominence {
    /// The first paragraph or the first two sentences.
    Lede,
    /// The upper half of the article.
    Upper,
    /// The lower half.
    Lower,
}

/// Whether a claim is carried by several articles or only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Two or more articles carry it.
    Shared,
    /// Only one article carries it.
    Unique,
}

/// A sentence's membership in a claim.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Index into `Comparison::articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
    /// Where it sits in its article.
    pub prominence: Prominence,
}

impl Member {
    /// The sentence this member is.
    pub fn sentence_ref(&self) -> SentenceRef {
        SentenceRef { article: self.article, sentence: self.sentence }
    }
}

/// One claim: the same statement as made by one or more articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index in `Comparison::claims`.
    pub id: usize,
    /// Shared or unique.
    pub kind: ClaimKind,
    /// The sentences stating it, ordered by article then sentence.
    pub members: Vec<Member>,
    /// Articles that carry it, ascending (only those in the same story when stories are mixed).
    pub articles: Vec<usize>,
    /// Articles of the same story that do not carry it, ascending.
    pub omitted_by: Vec<usize>,
    /// A short representative wording.
    pub label: String,
    /// Weakest link score inside the claim (1.0 for unique claims): low means low confidence.
    pub confidence: f32,
}

/// Why two sentences were linked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Lexical similarity of the content words (0–1).
    pub lexical: f32,
    /// Content words both share (as written in the first sentence), most informative first.
    pub terms: Vec<String>,
    /// Names and acronyms both mention.
    pub entities: Vec<String>,
    /// Numbers and dates both mention.
    pub numbers: Vec<String>,
    /// Quoted words both carry.
    pub quotes: Vec<String>,
    /// Paraphrase pairs matched ("firms ~ companies").
    pub paraphrases: Vec<String>,
}

impl Evidence {
    /// Plain-words explanation: "shared: Raimondo, SMIC, 100, quote 'essentially shut'".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.entities.iter().cloned());
        parts.extend(self.numbers.iter().cloned());
        parts.extend(self.quotes.iter().map(|q| format!("quote '{q}'")));
        let named: usize = parts.len();
        parts.extend(self.terms.iter().take(6usize.saturating_sub(named.min(6)).max(3)).cloned());
        parts.extend(self.paraphrases.iter().map(|p| format!("same meaning: {p}")));
        format!("word overlap {:.0}%; shared: {}", self.lexical * 100.0, parts.join(", "))
    }
}

/// A scored link between sentences of two different articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The sentence in the earlier article.
    pub a: SentenceRef,
    /// The sentence in the later article.
    pub b: SentenceRef,
    /// Similarity score (0–1); links at or above the threshold join claims.
    pub score: f32,
    /// Why they were linked.
    pub evidence: Evidence,
}

/// A problem with the set that the user should know about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The article concerned, if one.
    pub article: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

/// Everything the analysis found about a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// The settings used.
    pub settings: Settings,
    /// Claims: shared ones first (most articles first), then unique ones in article order.
    pub claims: Vec<Claim>,
    /// Links at or above the threshold, plus weaker near-misses kept for explanation.
    pub links: Vec<Link>,
    /// Story groups: article indices, one group per story.
    pub events: Vec<Vec<usize>>,
    /// Framing analysis.
    pub framing: Framing,
    /// Warnings about the set (mixed stories, duplicates, mixed languages ...).
    pub warnings: Vec<Warning>,
}

impl Comparison {
    /// The claims each sentence belongs to: `claims_of[article][sentence]` lists claim ids.
    pub fn claims_by_sentence(&self) -> Vec<Vec<Vec<usize>>> {
        let mut out: Vec<Vec<Vec<usize>>> =
            self.articles.iter().map(|a| vec![Vec::new(); a.sentences.len()]).collect();
        for claim in &self.claims {
            for m in &claim.members {
                if let Some(slot) = out.get_mut(m.article).and_then(|a| a.get_mut(m.sentence)) {
                    slot.push(claim.id);
                }
            }
        }
        out
    }

    /// Text of a sentence, or "" if out of range.
    pub fn sentence_text(&self, r: SentenceRef) -> &str {
        self.articles.get(r.article).map(|a| a.sentence_text(r.sentence)).unwrap_or("")
    }

    /// True when the claim is carried by every article of its story.
    pub fn shared_by_all(&self, claim: &Claim) -> bool {
        claim.kind == ClaimKind::Shared && claim.omitted_by.is_empty()
    }
}

/// Runs the text stages of every article, on as many threads as there are cores, and records
/// each article's language. The result does not depend on the number of threads. Once `cancel`
/// is set, each thread stops before its next article (the result is then incomplete and dropped).
fn build_docs(articles: &mut [Article], settings: &Settings, cancel: &AtomicBool) -> Vec<Doc> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks_mut(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter_mut()
                        .take_while(|_| !cancel.load(Ordering::Relaxed))
                        .map(|a| {
                            let lang = match settings.language.as_deref() {
                                Some(code) => Language::from_code(code),
                                None => Language::detect(&a.body),
                            };
                            a.meta.language = lang.code().to_string();
                            Doc::build_with(a, &lang)
                        })
                        .collect::<Vec<Doc>>()
                })
            })
            .collect();
        // A panic in a text stage is a bug; re-raise it on this thread rather than lose articles.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Returned when an analysis was cancelled before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the analysis was cancelled")]
pub struct Cancelled;

/// Analyses a set of articles.
pub fn analyze(articles: &[Article], settings: &Settings) -> Comparison {
    // Nothing can set this flag, so the analysis always finishes.
    analyze_cancellable(articles, settings, &AtomicBool::new(false)).unwrap_or_default()
}

/// Analyses a set of articles, giving up between stages once `cancel` is set (the window sets it
/// when newer input makes this result stale, so a large set never keeps it busy for nothing).
pub fn analyze_cancellable(
    articles: &[Article],
    settings: &Settings,
    cancel: &AtomicBool,
) -> Result<Comparison, Cancelled> {
    let check = || if cancel.load(Ordering::Relaxed) { Err(Cancelled) } else { Ok(()) };
    check()?;
    let mut articles = articles.to_vec();
    let docs = build_docs(&mut articles, settings, cancel);
    check()?;
    let sentences = align::Sentences::eligible(&articles, &docs, settings);
    let matcher = align::LexicalMatcher::new(&articles, &docs, &sentences);
    let candidates = align::Matcher::candidates(&matcher, settings.threshold);
    check()?;
    let links = align::links_from(&matcher, &sentences, &candidates);
    let mut warnings = settings::set_warnings(&articles);
    let mut eligible = vec![0; articles.len()];
    for r in &sentences.refs {
        eligible[r.article] += 1;
    }
    let events = events::group(&articles, &links, &eligible);
    if events.len() > 1 {
        warnings.push(events::mixed_warning(&articles, &events));
    }
    let claims = claims::build(&articles, &sentences, &matcher, &candidates, &events, settings);
    check()?;
    let framing = framing::analyze(&framing::Input {
        articles: &articles,
        docs: &docs,
        claims: &claims,
        links: &links,
    });
    check()?;
    Ok(Comparison { articles, settings: settings.clone(), claims, links, events, framing, warnings })
}

#[cfg(test)]
mod events_tests;
#[cfg(test)]
mod tests;
