//! Entity-like spans: capitalised name sequences, acronyms, numbers (with units) and dates.
//! Not a full named-entity recogniser: enough to explain why two sentences were linked
//! ("shared: Raimondo, SMIC, 100") and to spot numbers that disagree.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::language::Language;
use crate::span::Span;

/// What kind of entity-like span this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A capitalised sequence: "Gina Raimondo", "Foreign Ministry".
    Name,
    /// All-capitals or dotted: "SMIC", "U.S.".
    Acronym,
    /// A number, possibly with a unit or scale: "100", "3.5%", "2 million".
    Number,
    /// A date-like expression: "Friday", "April 20", "2024".
    Date,
}

/// One entity-like span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Span into the body.
    pub span: Span,
    /// Kind.
    pub kind: EntityKind,
    /// Comparison key: lower case without dots for names, the numeric value for numbers.
    pub key: String,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("dozen", 12),
    ("dozens", 24),
    ("hundreds", 200),
];
const SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];
/// Lower-case words allowed inside a name ("Bank of England", "Ministry of Commerce").
const NAME_JOINERS: &[&str] = &["of", "for", "de", "la", "van", "von", "al", "bin", "and"];

/// Entity-like spans in `span` of `body`.
pub fn find(body: &str, span: Span, lang: &Language) -> Vec<Entity> {
    let text = span.of(body);
    let words: Vec<(usize, &str)> =
        text.split_word_bound_indices().filter(|(_, w)| w.chars().any(char::is_alphanumeric)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (at, w) = words[i];
        let lower = w.to_lowercase();
        let abs = |from: usize, to_word: usize| {
            let (last_at, last) = words[to_word];
            Span::new(span.start + from, span.start + last_at + last.len())
        };
        if let Some(value) = number_value(w) {
            let mut end = i;
            let mut value = value;
            let mut unit = String::new();
            if let Some((next_i, next)) = words.get(i + 1).map(|(_, n)| (i + 1, n.to_lowercase())) {
                if let Some((_, scale)) = SCALES.iter().find(|(s, _)| *s == next) {
                    value *= scale;
                    end = next_i;
                } else if next == "percent" || next == "per" {
                    unit.push('%');
                    end = next_i;
                }
            }
            let mut span = abs(at, end);
            if end == i && text[at + w.len()..].starts_with('%') {
                unit.push('%');
                span.end += 1;
            }
            let year_like = w.len() == 4 && (1900.0..2100.0).contains(&value) && unit.is_empty();
            let kind = if year_like { EntityKind::Date } else { EntityKind::Number };
            out.push(Entity { span, kind, key: format!("{}{unit}", format_value(value)) });
            i = end + 1;
            continue;
        }
        if MONTHS.contains(&lower.as_str()) && w.starts_with(char::is_uppercase)
            || WEEKDAYS.contains(&lower.as_str())
        {
            let mut end = i;
            if words.get(i + 1).is_some_and(|(_, n)| n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 2) {
                end += 1;
            }
            out.push(Entity { span: abs(at, end), kind: EntityKind::Date, key: lower.clone() });
            i = end + 1;
            continue;
        }
        if is_acronym(w) {
            let key = w.replace('.', "").to_lowercase();
            let mut span = abs(at, i);
            // "U.S." is segmented as "U.S" + "."; keep the final dot with the acronym.
            if w.contains('.') && text[at + w.len()..].starts_with('.') {
                span.end += 1;
            }
            out.push(Entity { span, kind: EntityKind::Acronym, key });
            i += 1;
            continue;
        }
        if w.starts_with(char::is_uppercase) && !(i == 0 && lang.is_stop_word(&lower)) {
            let mut end = i;
            let mut j = i + 1;
            while j < words.len() {
                let (n_at, n) = words[j];
                // A name never runs across punctuation: "Meanwhile, Washington" is two things.
                let (prev_at, prev) = words[j - 1];
                if !text[prev_at + prev.len()..n_at].chars().all(char::is_whitespace) {
                    break;
                }
                if n.starts_with(char::is_uppercase) && !is_acronym(n) && number_value(n).is_none() {
                    end = j;
                    j += 1;
                } else if NAME_JOINERS.contains(&n)
                    && words.get(j + 1).is_some_and(|(_, m)| m.starts_with(char::is_uppercase))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let s = abs(at, end);
            let key = s.of(body).to_lowercase().replace(['\u{2019}', '.'], "").replace("'s", "");
            if !(end == i && lang.is_stop_word(&lower)) {
                out.push(Entity { span: s, kind: EntityKind::Name, key });
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// True for "SMIC", "NATO", "U.S." (two or more capitals, optional dots).
fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().any(|c| c.is_alphabetic())
}

/// The value of a number word or numeral: "1,000" → 1000, "3.5" → 3.5, "two" → 2.
pub fn number_value(w: &str) -> Option<f64> {
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        let clean: String = w.chars().filter(|c| *c != ',').collect();
        return clean.trim_end_matches('%').parse().ok();
    }
    let lower = w.to_lowercase();
    NUMBER_WORDS.iter().find(|(n, _)| *n == lower).map(|(_, v)| *v as f64)
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(EntityKind, String, String)> {
        find(text, Span::new(0, text.len()), &Language::english())
            .into_iter()
            .map(|e| (e.kind, e.span.of(text).to_string(), e.key))
            .collect()
    }

    #[test]
    fn finds_names_acronyms_numbers_dates() {
        use EntityKind::*;
        let got = keys(
            "The U.S. Commerce Secretary Gina Raimondo said on Friday that SMIC sold 2 million chips, up 3.5% since April 20.",
        );
        let want = [
            (Acronym, "U.S.", "us"),
            (Name, "Commerce Secretary Gina Raimondo", "commerce secretary gina raimondo"),
            (Date, "Friday", "friday"),
            (Acronym, "SMIC", "smic"),
            (Number, "2 million", "2000000"),
            (Number, "3.5%", "3.5%"),
            (Date, "April 20", "april"),
        ];
        let got: Vec<(EntityKind, &str, &str)> =
            got.iter().map(|(k, s, key)| (*k, s.as_str(), key.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn skips_sentence_initial_stop_word() {
        let got = keys("The ministry said China would act.");
        assert!(got.iter().all(|(_, s, _)| s != "The"));
        assert!(got.iter().any(|(_, s, _)| s == "China"));
    }

    #[test]
    fn names_stop_at_punctuation() {
        let got = keys("Meanwhile, Washington and Beijing, Zhou Mingyu said.");
        let names: Vec<&str> = got.iter().map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(names, ["Washington and Beijing", "Zhou Mingyu"]);
    }

    #[test]
    fn number_words() {
        assert_eq!(number_value("1,000"), Some(1000.0));
        assert_eq!(number_value("two"), Some(2.0));
        assert_eq!(number_value("chips"), None);
    }
}
