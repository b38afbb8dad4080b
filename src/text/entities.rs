//! Entity-like spans: capitalised name sequences, acronyms, numbers (with units), dates and
//! times. Not a full named-entity recogniser: enough to explain why two sentences were linked
//! ("shared: Raimondo, SMIC, 100") and to spot numbers and times that disagree.
//!
//! Dates and times are one kind ([`EntityKind::Date`]): days and months ("Friday", "April 20",
//! "early Tuesday", "Sunday night", "mid-April"; the key is the day or month name), years
//! ("2024") and clock times ("3 p.m.", "11pm", "1:20 a.m.", "1.20am", "14:30", "midnight"; the
//! key is the time on the 24-hour clock, "23:00").

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
    /// A date or time: "Friday", "April 20", "early Tuesday", "2024", "3 p.m.", "14:30".
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

/// Month names in lower case, January first (shared with the framing stage's date values).
pub(crate) const MONTHS: &[&str] = &[
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
/// Weekday names in lower case, Monday first.
pub(crate) const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
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
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("dozens", 24),
    ("hundreds", 200),
];
/// Words that multiply the number before them ("two dozen", "1.2 million").
const SCALES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
/// Words before a day or month that narrow it: "early Tuesday", "late on Sunday", "mid-April".
const PART_BEFORE: &[&str] = &["early", "late", "mid"];
/// Words after a day that narrow it: "Tuesday morning", "Sunday night".
const PART_AFTER: &[&str] = &["morning", "afternoon", "evening", "night"];
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
        if let Some((len, key)) = clock_time(&text[at..]) {
            out.push(Entity {
                span: Span::new(span.start + at, span.start + at + len),
                kind: EntityKind::Date,
                key,
            });
            i = words.iter().position(|(w_at, _)| *w_at >= at + len).unwrap_or(words.len());
            continue;
        }
        if lower == "noon" || lower == "midnight" {
            let key = if lower == "noon" { "12:00" } else { "00:00" };
            out.push(Entity { span: abs(at, i), kind: EntityKind::Date, key: key.into() });
            i += 1;
            continue;
        }
        if let Some(value) = number_value(w) {
            let mut end = i;
            let mut value = value;
            // "twenty-four"
            if let Some(units) = hyphenated_units(text, &words, i) {
                value += units;
                end = i + 1;
            }
            // "2 May" is a date.
            if value.fract() == 0.0
                && (1.0..=31.0).contains(&value)
                && words.get(end + 1).is_some_and(|(_, m)| is_month(m))
            {
                let month = words[end + 1].1.to_lowercase();
                out.push(Entity { span: abs(at, end + 1), kind: EntityKind::Date, key: month });
                i = end + 2;
                continue;
            }
            let mut unit = String::new();
            if let Some((next_i, next)) = words.get(end + 1).map(|(_, n)| (end + 1, n.to_lowercase())) {
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
            let year_like = w.len() == 4 && end == i && (1900.0..2100.0).contains(&value) && unit.is_empty();
            let kind = if year_like { EntityKind::Date } else { EntityKind::Number };
            out.push(Entity { span, kind, key: format!("{}{unit}", format_value(value)) });
            i = end + 1;
            continue;
        }
        if is_month(w) || WEEKDAYS.contains(&lower.as_str()) {
            // "April 20", "Sunday night"
            let day_number =
                words.get(i + 1).is_some_and(|(_, n)| n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 2);
            let part_of_day = WEEKDAYS.contains(&lower.as_str())
                && words.get(i + 1).is_some_and(|(n_at, n)| {
                    PART_AFTER.contains(&n.to_lowercase().as_str())
                        && text[at + w.len()..*n_at].trim().is_empty()
                });
            let end = if day_number || part_of_day { i + 1 } else { i };
            let start = part_before(text, &words, i).unwrap_or(at);
            out.push(Entity { span: abs(start, end), kind: EntityKind::Date, key: lower.clone() });
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
        // "Early Tuesday" at the start of a sentence is a date, not a name.
        let part_of_date = PART_BEFORE.contains(&lower.as_str())
            && words
                .get(i + 1)
                .is_some_and(|(_, n)| is_month(n) || WEEKDAYS.contains(&n.to_lowercase().as_str()));
        if w.starts_with(char::is_uppercase) && !(i == 0 && lang.is_stop_word(&lower)) && !part_of_date {
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

fn is_month(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && MONTHS.contains(&w.to_lowercase().as_str())
}

/// Where "early", "late (on)" or "mid-" before the day or month at word `i` starts, if any.
fn part_before(text: &str, words: &[(usize, &str)], i: usize) -> Option<usize> {
    let gap = |from: usize, to: usize| {
        let (at, w) = words[from];
        let between = &text[at + w.len()..words[to].0];
        between.trim().is_empty() || between == "-"
    };
    let part = |k: usize| PART_BEFORE.contains(&words[k].1.to_lowercase().as_str());
    match i {
        0 => None,
        _ if part(i - 1) && gap(i - 1, i) => Some(words[i - 1].0),
        1 => None,
        _ if words[i - 1].1.eq_ignore_ascii_case("on")
            && part(i - 2)
            && gap(i - 2, i - 1)
            && gap(i - 1, i) =>
        {
            Some(words[i - 2].0)
        }
        _ => None,
    }
}

/// The units after a hyphen following a tens word: 4 for "twenty-four" at word `i`.
fn hyphenated_units(text: &str, words: &[(usize, &str)], i: usize) -> Option<f64> {
    let (at, w) = words[i];
    let (u_at, u) = *words.get(i + 1)?;
    let tens = number_value(w).filter(|v| (20.0..100.0).contains(v) && v % 10.0 == 0.0)?;
    let units = number_value(u).filter(|v| (1.0..10.0).contains(v))?;
    let alphabetic = w.chars().chain(u.chars()).all(char::is_alphabetic);
    (alphabetic && tens > 0.0 && text.get(at + w.len()..u_at) == Some("-")).then_some(units)
}

/// A clock time at the start of `rest`: "11pm", "11 p.m.", "1:20 a.m.", "1.20am", "14:30".
/// Gives its length in bytes and its key on the 24-hour clock ("23:00"). A bare "3.30" is a
/// number, not a time; "14:30" needs no a.m./p.m.
fn clock_time(rest: &str) -> Option<(usize, String)> {
    let b = rest.as_bytes();
    let digits =
        |from: usize| b.get(from..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count());
    let nh = digits(0);
    if !(1..=2).contains(&nh) {
        return None;
    }
    let hour: u32 = rest[..nh].parse().ok()?;
    let mut end = nh;
    let mut minute = None;
    let sep = b.get(end).copied().filter(|c| (*c == b':' || *c == b'.') && digits(end + 1) == 2);
    if sep.is_some() {
        minute = Some(rest[end + 1..end + 3].parse::<u32>().ok()?).filter(|m| *m < 60);
        minute?;
        end += 3;
    }
    match (meridiem(&rest[end..]), sep) {
        (Some((len, pm)), _) if (1..=12).contains(&hour) => {
            let h24 = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            Some((end + len, format!("{h24:02}:{:02}", minute.unwrap_or(0))))
        }
        (None, Some(b':')) if hour <= 23 && !rest[end..].starts_with(|c: char| c.is_alphanumeric()) => {
            Some((end, format!("{hour:02}:{:02}", minute.unwrap_or(0))))
        }
        _ => None,
    }
}

/// "am", "p.m." (after at most one space) at the start of `rest`: its length and whether p.m.
fn meridiem(rest: &str) -> Option<(usize, bool)> {
    let space =
        rest.chars().next().filter(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}')).map_or(0, char::len_utf8);
    let after = &rest[space..];
    for form in ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"] {
        let Some(head) = after.get(..form.len()) else { continue };
        let next = after[form.len()..].chars().next();
        if head.eq_ignore_ascii_case(form) && !next.is_some_and(char::is_alphanumeric) {
            return Some((space + form.len(), form.starts_with('p')));
        }
    }
    None
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

    /// One row per case: the text and the dates, times and numbers found (as written, key).
    #[test]
    fn dates_times_and_numbers() {
        use EntityKind::*;
        type Row<'a> = (&'a str, &'a [(EntityKind, &'a str, &'a str)]);
        let rows: &[Row] = &[
            (
                "Alerts went out at 3 p.m. on Friday.",
                &[(Date, "3 p.m.", "15:00"), (Date, "Friday", "friday")],
            ),
            (
                "It opened at 11pm and closed at 1.20am.",
                &[(Date, "11pm", "23:00"), (Date, "1.20am", "01:20")],
            ),
            (
                "Alerts reached phones at 1:20 a.m., barely 40 minutes later.",
                &[(Date, "1:20 a.m.", "01:20"), (Number, "40", "40")],
            ),
            ("The vote was at 14:30 in the chamber.", &[(Date, "14:30", "14:30")]),
            (
                "The sitting ended at 12 a.m. and resumed at 12 PM.",
                &[(Date, "12 a.m.", "00:00"), (Date, "12 PM", "12:00")],
            ),
            (
                "They met at noon and left before midnight.",
                &[(Date, "noon", "12:00"), (Date, "midnight", "00:00")],
            ),
            ("The strike began early Tuesday.", &[(Date, "early Tuesday", "tuesday")]),
            ("Early Tuesday, the strike began.", &[(Date, "Early Tuesday", "tuesday")]),
            ("Gates opened late on Sunday.", &[(Date, "late on Sunday", "sunday")]),
            ("Water arrived on Sunday night.", &[(Date, "Sunday night", "sunday")]),
            (
                "Talks resume in mid-April or early May.",
                &[(Date, "mid-April", "april"), (Date, "early May", "may")],
            ),
            ("The rules take effect on 2 May.", &[(Date, "2 May", "may")]),
            // Not times: a decimal, a score, a ratio without minutes, an hour count.
            ("Prices rose 3.30 percent.", &[(Number, "3.30 percent", "3.3%")]),
            ("The team won 2:1 at home.", &[(Number, "2", "2"), (Number, "1", "1")]),
            ("A 72-hour strike began.", &[(Number, "72", "72")]),
            ("It took 25:70 turns.", &[(Number, "25", "25"), (Number, "70", "70")]),
            // Numbers with words and scales.
            (
                "Two dozen ships and twenty-four crews waited.",
                &[(Number, "Two dozen", "24"), (Number, "twenty-four", "24")],
            ),
            (
                "About 1.2 million people, or 1,200,000, fled.",
                &[(Number, "1.2 million", "1200000"), (Number, "1,200,000", "1200000")],
            ),
            (
                "Three hundred residents left; 14 percent stayed.",
                &[(Number, "Three hundred", "300"), (Number, "14 percent", "14%")],
            ),
            ("The dam was completed in 1971.", &[(Date, "1971", "1971")]),
        ];
        let mut failures = Vec::new();
        for (text, want) in rows {
            let got: Vec<(EntityKind, String, String)> =
                keys(text).into_iter().filter(|(k, _, _)| matches!(k, Date | Number)).collect();
            let got: Vec<(EntityKind, &str, &str)> =
                got.iter().map(|(k, s, key)| (*k, s.as_str(), key.as_str())).collect();
            if got != *want {
                failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn number_words() {
        assert_eq!(number_value("1,000"), Some(1000.0));
        assert_eq!(number_value("two"), Some(2.0));
        assert_eq!(number_value("chips"), None);
    }
}
