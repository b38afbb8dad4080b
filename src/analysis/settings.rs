//! Analysis settings and checks on the set as a whole.

use serde::{Deserialize, Serialize};

use super::Warning;
use crate::ingest::Article;

/// Settings a user can change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Similarity (0–1) at or above which two sentences state the same claim.
    pub threshold: f32,
    /// Sentences with fewer words are shown but not aligned into claims.
    pub min_sentence_words: usize,
    /// ISO 639-1 language code to use instead of detecting each article's language.
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { threshold: 0.3, min_sentence_words: 4, language: None }
    }
}

/// More articles than this still work but are slow to read side by side.
pub const MANY_ARTICLES: usize = 200;

/// The article's text without headings and with white space folded: two articles with the same
/// key are the same article loaded twice (perhaps under another headline).
pub fn content_key(article: &Article) -> String {
    let mut key = String::new();
    for s in article.sentences.iter().filter(|s| !s.heading) {
        for word in s.span.of(&article.body).split_whitespace() {
            key.push_str(word);
            key.push(' ');
        }
    }
    key
}

/// Index of an earlier article with the same content as article `i`, if any.
pub fn duplicate_of(keys: &[String], i: usize) -> Option<usize> {
    (!keys[i].is_empty()).then(|| keys[..i].iter().position(|k| *k == keys[i])).flatten()
}

/// Warnings about the set: duplicates, mixed languages, very large sets.
pub fn set_warnings(articles: &[Article]) -> Vec<Warning> {
    let mut out = Vec::new();
    let keys: Vec<String> = articles.iter().map(content_key).collect();
    for (i, a) in articles.iter().enumerate() {
        if let Some(j) = duplicate_of(&keys, i) {
            out.push(Warning {
                article: Some(i),
                message: format!(
                    "“{}” is the same article as “{}”; it is never counted as agreeing with itself. Remove one of them.",
                    a.meta.title, articles[j].meta.title
                ),
            });
        }
    }
    let mut languages: Vec<&str> =
        articles.iter().map(|a| a.meta.language.as_str()).filter(|l| !l.is_empty()).collect();
    languages.sort_unstable();
    languages.dedup();
    if languages.len() > 1 {
        out.push(Warning {
            article: None,
            message: format!(
                "The set mixes languages ({}); sentences are only linked within one language. Set the language in Settings if detection is wrong.",
                languages.join(", ")
            ),
        });
    }
    if articles.len() > MANY_ARTICLES {
        out.push(Warning {
            article: None,
            message: format!(
                "{} articles loaded; more than {MANY_ARTICLES} still works but is slow to read side by side.",
                articles.len()
            ),
        });
    }
    out
}
