//! Helpers shared by the integration tests: reading a sample set's `expected.json` and finding
//! the sentences it names.

#![allow(dead_code)]

use parallax::Comparison;
use parallax::analysis::{ClaimKind, SentenceRef};
use serde::Deserialize;

/// A sentence named by file and a substring.
#[derive(Debug, Deserialize, Clone)]
pub struct Place {
    pub file: String,
    pub contains: String,
}

/// A pair of sentences.
#[derive(Debug, Deserialize, Clone)]
pub struct Pair {
    pub a: Place,
    pub b: Place,
    #[serde(default)]
    pub why: String,
    /// The pair states one claim in words a lexical matcher cannot connect ("drawn down" vs
    /// "lowering water levels"); reported as a known limit until a semantic matcher exists.
    #[serde(default)]
    pub needs_semantic: bool,
}

/// A unique sentence.
#[derive(Debug, Deserialize, Clone)]
pub struct Unique {
    pub file: String,
    pub contains: String,
    #[serde(default)]
    pub why: String,
}

/// Expected metadata of one file.
#[derive(Debug, Deserialize, Clone)]
pub struct MetaExpect {
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// Text that must not survive cleaning.
#[derive(Debug, Deserialize, Clone)]
pub struct Removed {
    pub file: String,
    pub contains: String,
}

/// The parts of `expected.json` the pipeline tests check (framing parts are read by tests/framing.rs).
#[derive(Debug, Deserialize, Default)]
pub struct Expected {
    #[serde(default)]
    pub stories: Vec<Vec<String>>,
    #[serde(default)]
    pub linked: Vec<Pair>,
    #[serde(default)]
    pub not_linked: Vec<Pair>,
    #[serde(default)]
    pub unique: Vec<Unique>,
    #[serde(default)]
    pub removed: Vec<Removed>,
    #[serde(default)]
    pub metadata: Vec<MetaExpect>,
}

/// Index of the article loaded from `file`.
pub fn article_index(c: &Comparison, file: &str) -> Result<usize, String> {
    c.articles
        .iter()
        .position(|a| a.meta.path.as_deref() == Some(file))
        .ok_or_else(|| format!("no article loaded from {file}"))
}

/// The sentence of `place`: the one sentence of its file containing the substring.
pub fn find(c: &Comparison, place: &Place) -> Result<SentenceRef, String> {
    let article = article_index(c, &place.file)?;
    let a = &c.articles[article];
    let hits: Vec<usize> =
        (0..a.sentences.len()).filter(|&i| a.sentence_text(i).contains(&place.contains)).collect();
    match hits.as_slice() {
        [one] => Ok(SentenceRef { article, sentence: *one }),
        [] => Err(format!("no sentence of {} contains {:?}", place.file, place.contains)),
        _ => Err(format!("{} sentences of {} contain {:?}", hits.len(), place.file, place.contains)),
    }
}

/// True when one shared claim holds both sentences.
pub fn linked(c: &Comparison, a: SentenceRef, b: SentenceRef) -> bool {
    c.claims.iter().any(|claim| {
        claim.kind == ClaimKind::Shared
            && claim.members.iter().any(|m| m.sentence_ref() == a)
            && claim.members.iter().any(|m| m.sentence_ref() == b)
    })
}

/// The text of a sentence, for messages.
pub fn text(c: &Comparison, r: SentenceRef) -> String {
    c.sentence_text(r).chars().take(100).collect()
}
