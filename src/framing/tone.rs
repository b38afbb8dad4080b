//! Tone: loaded words, hedges and distancing verbs per 1,000 words, per article.
//!
//! Takes the lexicon words found in context; gives counts and rates that can be compared across
//! outlets of different lengths. Words inside longer quotations are the speaker's and not counted.

use serde::{Deserialize, Serialize};

use super::Input;
use super::lexicon;
use super::markers::Found;

/// The tone figures of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Article index.
    pub article: usize,
    /// Words in the body.
    pub words: usize,
    /// Loaded and intensifying words.
    pub loaded: usize,
    /// Hedges.
    pub hedges: usize,
    /// Distancing attribution verbs.
    pub distancing: usize,
    /// Endorsing attribution verbs.
    pub endorsing: usize,
    /// Loaded attribution verbs.
    pub loaded_verbs: usize,
    /// Loaded words and loaded verbs per 1,000 words.
    pub loaded_per_1000: f32,
    /// Hedges per 1,000 words.
    pub hedges_per_1000: f32,
    /// Distancing verbs per 1,000 words.
    pub distancing_per_1000: f32,
}

/// One row per article, in input order.
pub fn measure(input: &Input<'_>, found: &[Found]) -> Vec<Tone> {
    input
        .articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let count = |cat: &str| {
                found.iter().filter(|f| f.article == a && !f.in_quote && f.entry().category == cat).count()
            };
            let words = article.word_count();
            let rate = |n: usize| {
                if words == 0 { 0.0 } else { (n as f32 * 1000.0 / words as f32 * 10.0).round() / 10.0 }
            };
            let (loaded, loaded_verbs) = (count(lexicon::LOADED), count(lexicon::LOADED_VERB));
            let (hedges, distancing) = (count(lexicon::HEDGE), count(lexicon::DISTANCING));
            Tone {
                article: a,
                words,
                loaded,
                hedges,
                distancing,
                endorsing: count(lexicon::ENDORSING),
                loaded_verbs,
                loaded_per_1000: rate(loaded + loaded_verbs),
                hedges_per_1000: rate(hedges),
                distancing_per_1000: rate(distancing),
            }
        })
        .collect()
}
