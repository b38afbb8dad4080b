//! Normalisation of common news paraphrase: words that state the same claim with different
//! wording map to one concept key (firms/companies/enterprises, said/told/stated, ...), so the
//! aligner sees "Chinese firms" and "Chinese companies" as the same words. Country metonyms
//! (Beijing for China, Washington for the US) map to the country: they are labels for one actor.
//!
//! English only for now; other languages use their stems as they are.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::text::language::Language;

/// Groups of words with one meaning in news text (assets/lexicons/paraphrase.txt).
const GROUPS: &str = include_str!("../../assets/lexicons/paraphrase.txt");

/// English stem → concept key.
static ENGLISH: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let en = Language::english();
    let mut map = HashMap::default();
    let groups = GROUPS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    for line in groups {
        let group: Vec<&str> = line.split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
        let Some(first) = group.first() else { continue };
        let concept = format!("~{first}");
        for word in &group {
            map.entry(en.stem(word)).or_insert_with(|| concept.clone());
            map.entry(word.to_string()).or_insert_with(|| concept.clone());
        }
    }
    map
});

/// The concept key for a token (by its stem, then its lower-case form), if it has one.
pub fn concept<'a>(language: &str, stem: &str, lower: &str) -> Option<&'a str> {
    if language != "en" {
        return None;
    }
    ENGLISH.get(stem).or_else(|| ENGLISH.get(lower)).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_a_concept() {
        let en = Language::english();
        let rows = [("firms", "companies"), ("told", "said"), ("safeguard", "defend"), ("Beijing", "China")];
        for (a, b) in rows {
            let (la, lb) = (a.to_lowercase(), b.to_lowercase());
            let ca = concept("en", &en.stem(&la), &la);
            assert!(ca.is_some(), "{a}");
            assert_eq!(ca, concept("en", &en.stem(&lb), &lb), "{a} ~ {b}");
        }
        assert_eq!(concept("fr", "entrepris", "entreprises"), None);
    }
}
