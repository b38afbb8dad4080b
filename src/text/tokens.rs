//! Word tokens with lower-case form, stem and stop-word flag, as spans into the body.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::language::Language;
use crate::span::Span;

/// One word or number of a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Span into the body.
    pub span: Span,
    /// Lower-cased text with curly apostrophes made straight.
    pub lower: String,
    /// Snowball stem of `lower` (numbers stay as written).
    pub stem: String,
    /// True for stop words.
    pub stop: bool,
    /// True when the word is all digits, separators and signs (3, 1,000, 2.5%).
    pub number: bool,
}

/// Tokens of `span` in `body`.
pub fn tokenize(body: &str, span: Span, lang: &Language) -> Vec<Token> {
    let text = span.of(body);
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| {
            // One allocation per word for `lower` (this runs for every word of every article).
            let mut lower = w.to_lowercase();
            if lower.contains('\u{2019}') {
                lower = lower.replace('\u{2019}', "'");
            }
            if lower.ends_with("'s") {
                lower.truncate(lower.len() - 2);
            }
            let acronym = is_acronym(w);
            // "U.S." and "US" are one word.
            if acronym {
                lower.retain(|c| c != '.');
            }
            let number = w.chars().next().is_some_and(|c| c.is_ascii_digit());
            let stem = if number { lower.replace(',', "") } else { lang.stem(&lower) };
            Token {
                span: Span::new(span.start + i, span.start + i + w.len()),
                // "US" (the country) is not the pronoun "us".
                stop: !number && !acronym && lang.is_stop_word(&lower),
                lower,
                stem,
                number,
            }
        })
        .collect()
}

/// True for words of two or more capitals, with optional dots: "US", "U.S", "SMIC".
fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| *c != '.');
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_spans_and_stems() {
        let body = "Xx China's firms sold 1,000 chips.";
        let span = Span::new(3, body.len());
        let toks = tokenize(body, span, &Language::english());
        let words: Vec<&str> = toks.iter().map(|t| t.span.of(body)).collect();
        assert_eq!(words, ["China's", "firms", "sold", "1,000", "chips"]);
        assert_eq!(toks[0].lower, "china");
        assert_eq!(toks[1].stem, "firm");
        assert!(toks[3].number);
        assert_eq!(toks[3].stem, "1000");
    }
}
