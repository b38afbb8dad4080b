//! Links sentences from different articles that state the same claim.

use super::{Link, Settings};
use crate::ingest::Article;
use crate::text::Doc;

/// Scored links between sentences of different articles, sorted by (a, b).
pub fn link(_articles: &[Article], _docs: &[Doc], _settings: &Settings) -> Vec<Link> {
    Vec::new()
}
