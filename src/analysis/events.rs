//! Groups articles by story and warns when a set mixes stories.

use super::{Link, Settings, Warning};
use crate::ingest::Article;

/// Story groups (article indices), largest first.
pub fn group(articles: &[Article], _links: &[Link], _settings: &Settings) -> Vec<Vec<usize>> {
    vec![(0..articles.len()).collect()]
}

/// The warning shown when a set mixes stories.
pub fn mixed_warning(_articles: &[Article], events: &[Vec<usize>]) -> Warning {
    Warning { article: None, message: format!("This set mixes {} stories.", events.len()) }
}
