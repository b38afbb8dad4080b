//! Text stages: sentences, tokens (with stems and stop words), entity-like spans, numbers and
//! quotes. Every item keeps a byte span into the cleaned article body.

pub mod entities;
pub mod language;
pub mod quotes;
pub mod sentences;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::ingest::Article;
use entities::Entity;
use language::Language;
use quotes::QuoteSpan;
use tokens::Token;

/// Everything the text stages derive from one article, for analysis and framing.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Doc {
    /// ISO 639-1 code of the language used for stemming and stop words.
    pub language: String,
    /// Tokens of each sentence, indexed like `Article::sentences`.
    pub sentence_tokens: Vec<Vec<Token>>,
    /// Entity-like spans (names, acronyms, numbers, dates) of each sentence.
    pub sentence_entities: Vec<Vec<Entity>>,
    /// Quoted passages in the body (may span sentences).
    pub quotes: Vec<QuoteSpan>,
}

impl Doc {
    /// Runs the text stages over an article. `language` overrides detection when given.
    pub fn build(article: &Article, language: Option<&str>) -> Doc {
        let lang = match language {
            Some(code) => Language::from_code(code),
            None => Language::detect(&article.body),
        };
        Doc::build_with(article, &lang)
    }

    /// Runs the text stages with a known language.
    pub fn build_with(article: &Article, lang: &Language) -> Doc {
        let body = &article.body;
        let sentence_tokens =
            article.sentences.iter().map(|s| tokens::tokenize(body, s.span, lang)).collect();
        let sentence_entities =
            article.sentences.iter().map(|s| entities::find(body, s.span, lang)).collect();
        Doc {
            language: lang.code().to_string(),
            sentence_tokens,
            sentence_entities,
            quotes: quotes::find(body),
        }
    }
}
