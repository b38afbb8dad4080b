//! Builds claims from links without chaining unrelated sentences.

use super::{Claim, Link, Settings};
use crate::ingest::Article;
use crate::text::Doc;

/// Claims from links: shared claims first, then unique ones.
pub fn build(
    _articles: &[Article],
    _docs: &[Doc],
    _links: &[Link],
    _events: &[Vec<usize>],
    _settings: &Settings,
) -> Vec<Claim> {
    Vec::new()
}
