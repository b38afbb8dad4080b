//! The values a sentence states, in a form that can be compared across articles.
//!
//! Takes a sentence's tokens and entities; gives each number, clock time, day and year with
//! what it counts and the range it allows. "nearly 60 companies" is 51–60 companies, "more than
//! 2,000 residents" is at least 2,000 people, "72 hours" is 4,320 minutes like "three days",
//! "about 11pm" is 22:30–23:30, "early May" is May 1–10. Two values contradict only when they
//! count the same thing and their ranges do not meet, so 64 rescues and "more than 60 rescues"
//! agree. A number with nothing countable after it ("31 of them") has no unit and is never
//! compared, only used to explain a number in the other sentence.

use crate::analysis::paraphrase;
use crate::span::Span;
use crate::text::entities::{Entity, EntityKind};
use crate::text::tokens::Token;

/// What a value measures; only values of the same kind and unit are compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// A count or amount of something: the concept or stem of the counted word ("~company",
    /// "rescu"), "%", "age", "minutes" (durations), or a currency ("eur").
    Count(String),
    /// A number with nothing countable after it ("31 of them").
    Bare,
    /// A clock time.
    Clock,
    /// A day of the week.
    Weekday,
    /// A month, with or without a day.
    Month,
    /// A year.
    Year,
}

/// One value stated in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// What it measures.
    pub unit: Unit,
    /// Lowest value it allows (minutes after midnight for clock times, 0–6 for weekdays,
    /// month × 100 + day for months, the year for years).
    pub low: f64,
    /// Highest value it allows.
    pub high: f64,
    /// The words stating it, with a qualifier and the counted word ("nearly 60 companies").
    pub span: Span,
}

impl Value {
    /// True when the two values could both be right.
    pub fn agrees(&self, other: &Value) -> bool {
        if self.unit == Unit::Clock && other.unit == Unit::Clock {
            // Times wrap around midnight: 23:50 and 00:10 are 20 minutes apart.
            let mid = |v: &Value| (v.low + v.high) / 2.0;
            let half = |v: &Value| (v.high - v.low) / 2.0;
            let d = (mid(self) - mid(other)).rem_euclid(MINUTES_A_DAY);
            return d.min(MINUTES_A_DAY - d) <= half(self) + half(other);
        }
        if self.unit == Unit::Weekday && other.unit == Unit::Weekday {
            return self.low.floor() == other.low.floor()
                || adjacent_night(self, other)
                || adjacent_night(other, self);
        }
        self.low <= other.high && other.low <= self.high
    }

    /// True for counts, amounts and durations (not times, days or years).
    pub fn is_number(&self) -> bool {
        matches!(self.unit, Unit::Count(_) | Unit::Bare)
    }
}

const MINUTES_A_DAY: f64 = 24.0 * 60.0;
/// Weekday values carry a flag in their fraction: late/night (.25) or early/morning (.75).
const LATE: f64 = 0.25;
const EARLY: f64 = 0.75;

/// "late on Sunday" and "early on Monday" may be the same night.
fn adjacent_night(late: &Value, early: &Value) -> bool {
    late.low.fract() == LATE
        && early.low.fract() == EARLY
        && (late.low.floor() + 1.0) % 7.0 == early.low.floor()
}

/// Qualifiers before a number, as lower-case word sequences, and the range they give.
#[derive(Clone, Copy)]
enum Around {
    About,
    AtMost,
    AtLeast,
    Nearly,
}

#[rustfmt::skip]
const QUALIFIERS: &[(&[&str], Around)] = &[
    (&["about"], Around::About), (&["around"], Around::About), (&["roughly"], Around::About),
    (&["approximately"], Around::About), (&["some"], Around::About), (&["estimated"], Around::About),
    (&["almost"], Around::Nearly), (&["nearly"], Around::Nearly), (&["close", "to"], Around::Nearly),
    (&["barely"], Around::Nearly), (&["just", "under"], Around::Nearly),
    (&["more", "than"], Around::AtLeast), (&["over"], Around::AtLeast), (&["above"], Around::AtLeast),
    (&["at", "least"], Around::AtLeast), (&["upwards", "of"], Around::AtLeast),
    (&["in", "excess", "of"], Around::AtLeast), (&["just", "over"], Around::AtLeast),
    (&["up", "to"], Around::AtMost), (&["as", "many", "as"], Around::AtMost), (&["at", "most"], Around::AtMost),
    (&["fewer", "than"], Around::AtMost), (&["less", "than"], Around::AtMost), (&["under"], Around::AtMost),
    (&["below"], Around::AtMost), (&["shortly", "before"], Around::About), (&["shortly", "after"], Around::About),
    (&["just", "before"], Around::About), (&["just", "after"], Around::About),
];

/// Duration words and their length in minutes.
#[rustfmt::skip]
const DURATIONS: &[(&str, f64)] = &[
    ("minute", 1.0), ("minutes", 1.0), ("hour", 60.0), ("hours", 60.0), ("day", 1440.0), ("days", 1440.0),
    ("week", 10080.0), ("weeks", 10080.0), ("month", 43200.0), ("months", 43200.0),
];
/// Currency words and symbols.
#[rustfmt::skip]
const CURRENCIES: &[(&str, &str)] = &[
    ("euro", "eur"), ("euros", "eur"), ("€", "eur"), ("dollar", "usd"), ("dollars", "usd"), ("$", "usd"),
    ("pound", "gbp"), ("pounds", "gbp"), ("£", "gbp"), ("yuan", "cny"), ("renminbi", "cny"),
];
/// Plural number words that stand for a range ("dozens of ships").
const VAGUE: &[(&str, f64, f64)] = &[("dozens", 24.0, 144.0), ("hundreds", 200.0, 1000.0)];
/// Words right after a number that do not name what it counts.
const NOT_UNITS: &[&str] = &["year", "years", "old", "percent", "per", "cent", "them", "us", "which", "whom"];
/// Words after a number that show it counts nothing named there ("31 of them", "12 to 4").
/// (The shared stop-word list is too long here: it holds "members" and "people".)
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "by", "with", "and", "or", "but", "as",
    "than", "that", "which", "who", "them", "they", "it", "its", "their", "this", "these", "those", "more",
    "most", "less", "each", "all", "some", "other", "others", "were", "was", "are", "is", "be", "been",
    "had", "has", "have", "will", "would", "could", "can", "may", "might", "not", "no", "while", "after",
    "before", "since", "until", "into", "over", "under", "about", "against", "between", "during", "when",
];
/// Determiners and small words skipped after "of" ("dozens of other people").
const SKIP_AFTER_OF: &[&str] = &["the", "other", "its", "their", "his", "her", "these", "those", "our"];

/// The values stated in one sentence, in order.
pub fn values(body: &str, toks: &[Token], entities: &[Entity], language: &str) -> Vec<Value> {
    entities.iter().filter_map(|e| value(body, toks, e, language)).collect()
}

fn value(body: &str, toks: &[Token], e: &Entity, language: &str) -> Option<Value> {
    let first = toks.iter().position(|t| t.span.start >= e.span.start)?;
    let after = toks.iter().position(|t| t.span.start >= e.span.end).unwrap_or(toks.len());
    let (around, q_start) = qualifier(toks, first);
    let start = q_start.unwrap_or(e.span.start);
    match e.kind {
        EntityKind::Number => number(body, toks, e, (first, after), around, start, language),
        EntityKind::Date => date(body, e, around, start),
        _ => None,
    }
}

/// The qualifier right before token `first`, and where it starts.
fn qualifier(toks: &[Token], first: usize) -> (Option<Around>, Option<usize>) {
    for (words, around) in QUALIFIERS {
        let n = words.len();
        if first >= n && toks[first - n..first].iter().zip(words.iter()).all(|(t, w)| t.lower == *w) {
            return (Some(*around), Some(toks[first - n].span.start));
        }
    }
    (None, None)
}

fn number(
    body: &str,
    toks: &[Token],
    e: &Entity,
    (first, after): (usize, usize),
    around: Option<Around>,
    start: usize,
    language: &str,
) -> Option<Value> {
    let written = e.span.of(body);
    let mut v: f64 = e.key.trim_end_matches('%').parse().ok()?;
    let mut end = e.span.end;
    let lower_first = toks.get(first).map(|t| t.lower.as_str()).unwrap_or("");
    let (mut low, mut high) = match VAGUE.iter().find(|(w, _, _)| *w == lower_first) {
        Some((_, lo, hi)) => (*lo, *hi),
        None => {
            let tol = rounding(written, v);
            (v - tol, v + tol)
        }
    };
    let unit = if e.key.ends_with('%') {
        Unit::Count("%".into())
    } else if let Some(symbol) = body[..e.span.start].chars().next_back().map(String::from)
        && let Some((_, c)) = CURRENCIES.iter().find(|(w, _)| *w == symbol)
    {
        Unit::Count(c.to_string())
    } else {
        match counted(toks, after, language) {
            Some((unit, scale, word)) => {
                end = word.end;
                (v, low, high) = (v * scale, low * scale, high * scale);
                unit
            }
            None => Unit::Bare,
        }
    };
    let stretch = |lo: f64, hi: f64| (lo.min(low), hi.max(high));
    (low, high) = match around {
        Some(Around::About) => stretch(v * 0.85, v * 1.15),
        Some(Around::Nearly) => (v * 0.85, high.max(v)),
        Some(Around::AtLeast) => (low.min(v), f64::INFINITY),
        Some(Around::AtMost) => (0.0, high.max(v)),
        None => (low, high),
    };
    Some(Value { unit, low, high, span: Span::new(start, end) })
}

/// Half a unit of the last written digit, at most a tenth of the value: "1,200" may be
/// 1,150–1,250, "8.4" 8.35–8.45, "60" 57–63; "1.2 million" 1.15–1.25 million.
fn rounding(written: &str, v: f64) -> f64 {
    let digits: String =
        written.chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
    let Ok(numeral) = digits.replace(',', "").parse::<f64>() else { return 0.0 };
    if numeral == 0.0 {
        return 0.0;
    }
    let scale = v / numeral;
    let half_unit = match digits.split_once('.') {
        Some((_, decimals)) => 0.5 * 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = digits.replace(',', "").chars().rev().take_while(|c| *c == '0').count();
            if zeros == 0 { 0.0 } else { 0.5 * 10f64.powi(zeros as i32) }
        }
    };
    (half_unit * scale).min(v.abs() / 10.0)
}

/// What the number before token `i` counts: (unit, scale into the unit's base, the word's span).
fn counted(toks: &[Token], i: usize, language: &str) -> Option<(Unit, f64, Span)> {
    let mut i = i;
    let t = toks.get(i)?;
    // "67-year-old": an age.
    if (t.lower == "year" || t.lower == "years") && toks.get(i + 1).is_some_and(|n| n.lower == "old") {
        return Some((Unit::Count("age".into()), 1.0, toks[i + 1].span));
    }
    if t.lower == "of" {
        i += 1;
        while toks.get(i).is_some_and(|t| SKIP_AFTER_OF.contains(&t.lower.as_str())) {
            i += 1;
        }
    }
    let t = toks.get(i)?;
    if let Some((_, minutes)) = DURATIONS.iter().find(|(w, _)| *w == t.lower) {
        return Some((Unit::Count("minutes".into()), *minutes, t.span));
    }
    if let Some((_, c)) = CURRENCIES.iter().find(|(w, _)| *w == t.lower) {
        return Some((Unit::Count(c.to_string()), 1.0, t.span));
    }
    let function_word = FUNCTION_WORDS.contains(&t.lower.as_str());
    if function_word
        || t.number
        || NOT_UNITS.contains(&t.lower.as_str())
        || !t.lower.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let key = paraphrase::concept(language, &t.stem, &t.lower).unwrap_or(&t.stem);
    Some((Unit::Count(key.to_string()), 1.0, t.span))
}

fn date(body: &str, e: &Entity, around: Option<Around>, start: usize) -> Option<Value> {
    let written = e.span.of(body).to_lowercase();
    let span = Span::new(start, e.span.end);
    if let Some((h, m)) = e.key.split_once(':') {
        let t: f64 = h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?;
        // "midnight" and "noon" are round; "about 11pm" may be half an hour off.
        let mut tol: f64 = if written.contains(char::is_numeric) { 10.0 } else { 30.0 };
        if around.is_some() {
            tol = 30.0;
        }
        return Some(Value { unit: Unit::Clock, low: t - tol, high: t + tol, span });
    }
    if let Ok(year) = e.key.parse::<f64>() {
        return Some(Value { unit: Unit::Year, low: year, high: year, span: e.span });
    }
    if let Some(d) = crate::text::entities::WEEKDAYS.iter().position(|d| *d == e.key) {
        let flag =
            if written.starts_with("late") || written.ends_with("night") || written.ends_with("evening") {
                LATE
            } else if written.starts_with("early") || written.ends_with("morning") {
                EARLY
            } else {
                0.0
            };
        return Some(Value {
            unit: Unit::Weekday,
            low: d as f64 + flag,
            high: d as f64 + flag,
            span: e.span,
        });
    }
    let month = crate::text::entities::MONTHS.iter().position(|m| *m == e.key)? as f64 + 1.0;
    let day = written.split(|c: char| !c.is_ascii_digit()).find_map(|d| d.parse::<f64>().ok());
    let (lo, hi) = match day {
        Some(d) => (d, d),
        None if written.starts_with("early") => (1.0, 10.0),
        None if written.starts_with("mid") => (10.0, 20.0),
        None if written.starts_with("late") => (20.0, 31.0),
        None => (1.0, 31.0),
    };
    Some(Value { unit: Unit::Month, low: month * 100.0 + lo, high: month * 100.0 + hi, span: e.span })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::entities;
    use crate::text::language::Language;
    use crate::text::tokens;

    fn of(text: &str) -> Vec<Value> {
        let lang = Language::english();
        let span = Span::new(0, text.len());
        values(text, &tokens::tokenize(text, span, &lang), &entities::find(text, span, &lang), "en")
    }

    /// One row per case: two sentences and whether their single values agree.
    #[test]
    fn values_agree_or_not() {
        let rows: &[(&str, &str, bool)] = &[
            ("added 42 companies", "added nearly 60 companies", false),
            ("About 1,200 residents were evacuated", "More than 2,000 residents fled", false),
            ("crews carried out 64 rescues", "more than 60 rescues overnight", true),
            ("38 container ships", "More than 35 container ships", true),
            ("in three days", "in 72 hours", true),
            ("fell 8.4 percent", "plunged 14 percent", false),
            ("two dozen ships", "24 ships", true),
            ("1.2 million people", "1,200,000 people", true),
            ("at about 11pm", "at 1:20 a.m.", false),
            ("at 11 p.m.", "at 11pm", true),
            ("64 rescues", "60 rescues", true),
            ("10 percent", "12 percent", false),
            ("at 11:55 p.m.", "at midnight", true),
            ("on May 2", "in early May", true),
            ("on May 2", "on May 12", false),
            ("late on Sunday", "early on Monday", true),
            ("on Thursday", "on Friday", false),
            ("about 4,000 dockworkers", "some 4,000 dockworkers", true),
            ("about 4,000 members", "2,000 members", false),
            ("a 5 million euro fund", "5 million euros", true),
            ("$5 million", "5 million dollars", true),
        ];
        let mut failures = Vec::new();
        for (a, b, want) in rows {
            let (va, vb) = (of(a), of(b));
            let got = match (va.as_slice(), vb.as_slice()) {
                ([x], [y]) if x.unit == y.unit => Some(x.agrees(y)),
                _ => None,
            };
            if got != Some(*want) {
                failures.push(format!("{a:?} / {b:?}: want {want}, got {got:?}\n    {va:?}\n    {vb:?}"));
            }
        }
        assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn units_name_what_is_counted() {
        let units = |t: &str| of(t).into_iter().map(|v| v.unit).collect::<Vec<_>>();
        let count = |u: &str| Unit::Count(u.to_string());
        assert_eq!(units("31 of them are based in China"), [Unit::Bare]);
        assert_eq!(units("dozens of other people"), [count("~resident")]);
        assert_eq!(units("a 67-year-old man"), [count("age")]);
        assert_eq!(units("42 firms and 60 companies"), [count("~company"), count("~company")]);
        assert_eq!(units("in 2022"), [Unit::Year]);
        let v = &of("nearly 60 companies")[0];
        assert_eq!(v.span.of("nearly 60 companies"), "nearly 60 companies");
    }
}
