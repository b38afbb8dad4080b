//! Language detection and the per-language tools (Snowball stemmer, stop words).
//! English is the first-class case, but nothing assumes it: the language is detected per article.

use std::cell::RefCell;
use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// A language with its stemmer and stop words.
pub struct Language {
    code: &'static str,
    stemmer: Option<Stemmer>,
    stop_words: HashSet<&'static str>,
    /// Stems already computed: an article repeats its words, and stemming showed in profiles.
    /// A `Language` serves one article's text stages on one thread, so a `RefCell` suffices.
    stems: RefCell<FxHashMap<String, String>>,
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Language").field("code", &self.code).finish()
    }
}

/// ISO 639-3 (whatlang) ↔ ISO 639-1 codes and Snowball algorithms we support.
const TABLE: &[(&str, &str, Option<Algorithm>)] = &[
    ("eng", "en", Some(Algorithm::English)),
    ("fra", "fr", Some(Algorithm::French)),
    ("deu", "de", Some(Algorithm::German)),
    ("spa", "es", Some(Algorithm::Spanish)),
    ("ita", "it", Some(Algorithm::Italian)),
    ("por", "pt", Some(Algorithm::Portuguese)),
    ("nld", "nl", Some(Algorithm::Dutch)),
    ("rus", "ru", Some(Algorithm::Russian)),
    ("swe", "sv", Some(Algorithm::Swedish)),
    ("dan", "da", Some(Algorithm::Danish)),
    ("nob", "no", Some(Algorithm::Norwegian)),
    ("fin", "fi", Some(Algorithm::Finnish)),
    ("hun", "hu", Some(Algorithm::Hungarian)),
    ("ron", "ro", Some(Algorithm::Romanian)),
    ("tur", "tr", Some(Algorithm::Turkish)),
    ("ell", "el", Some(Algorithm::Greek)),
    ("ara", "ar", Some(Algorithm::Arabic)),
    ("tam", "ta", Some(Algorithm::Tamil)),
    ("ukr", "uk", None),
    ("pol", "pl", None),
    ("ces", "cs", None),
    ("cmn", "zh", None),
    ("jpn", "ja", None),
    ("kor", "ko", None),
    ("hin", "hi", None),
];

impl Language {
    /// The language for an ISO 639-1 (or 639-3) code; unknown codes fall back to English.
    pub fn from_code(code: &str) -> Language {
        let code = code.trim().to_lowercase();
        let row = TABLE.iter().find(|(three, two, _)| *two == code || *three == code).unwrap_or(&TABLE[0]);
        Language::from_row(row)
    }

    fn from_row(row: &(&'static str, &'static str, Option<Algorithm>)) -> Language {
        let (_, two, algorithm) = *row;
        let stop_words = stop_words::lookup(two).map(|w| w.iter().copied().collect()).unwrap_or_default();
        Language { code: two, stemmer: algorithm.map(Stemmer::create), stop_words, stems: RefCell::default() }
    }

    /// Detects the language of `text` (English when unsure or unsupported).
    pub fn detect(text: &str) -> Language {
        Language::from_code(detect_code(text))
    }

    /// English.
    pub fn english() -> Language {
        Language::from_row(&TABLE[0])
    }

    /// ISO 639-1 code, e.g. "en".
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The stem of a lower-cased word (the word itself when there is no stemmer).
    pub fn stem(&self, lower: &str) -> String {
        let Some(stemmer) = &self.stemmer else { return lower.to_string() };
        if let Some(stem) = self.stems.borrow().get(lower) {
            return stem.clone();
        }
        let stem = stemmer.stem(lower).into_owned();
        self.stems.borrow_mut().insert(lower.to_string(), stem.clone());
        stem
    }

    /// True for function words ("the", "of", "and") that carry no claim.
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_words.contains(lower)
    }
}

/// ISO 639-1 code of the language `text` is most likely in; "en" when unsure or unsupported.
pub fn detect_code(text: &str) -> &'static str {
    // A few kilobytes are plenty and keep detection fast on huge inputs.
    let mut end = text.len().min(3_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(info) = whatlang::detect(&text[..end]) else { return "en" };
    TABLE.iter().find(|(three, _, _)| *three == info.lang().code()).map(|(_, two, _)| *two).unwrap_or("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let rows = [
            ("The government said on Friday that it would impose new sanctions on the companies.", "en"),
            (
                "Le gouvernement a déclaré vendredi qu'il imposerait de nouvelles sanctions aux entreprises.",
                "fr",
            ),
            (
                "Die Regierung erklärte am Freitag, sie werde neue Sanktionen gegen die Unternehmen verhängen.",
                "de",
            ),
            ("", "en"),
        ];
        for (text, code) in rows {
            assert_eq!(detect_code(text), code, "{text}");
        }
    }

    #[test]
    fn stems_and_stops() {
        let en = Language::english();
        assert_eq!(en.stem("companies"), en.stem("company"));
        assert!(en.is_stop_word("the"));
        assert!(!en.is_stop_word("sanctions"));
    }
}
