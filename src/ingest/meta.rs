//! Metadata helpers: dates in the many forms news pages print them, outlet names from domains,
//! and byline names.

/// Month names and abbreviations (English), 1-based.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names that may precede a date.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words a dateline may carry besides the date itself.
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "msk",
    "ist",
    "jst",
    "hkt",
    "sgt",
    "aest",
    "et",
    "pt",
    "date",
    "time",
    "min",
    "read",
    "mins",
    "the",
    "of",
    "th",
    "st",
    "nd",
    "rd",
];

fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

/// Splits on anything that is not a letter or digit (keeps ':' inside times out of the way).
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// Parses a date written as "2024-04-20", "2024-04-20T23:50:00Z", "20 Apr, 2024 23:50",
/// "April 20, 2024", "Sat, 20 Apr 2024" or "20.04.2024" into ISO `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(iso) = iso_prefix(t) {
        return Some(iso);
    }
    if let Some(date) = cjk_date(t) {
        return Some(date);
    }
    let toks: Vec<&str> = tokens(t).take(16).collect();
    let mut year = None;
    let mut mon = None;
    let mut day = None;
    let mut numbers: Vec<u32> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if let Some(m) = month(tok) {
            if mon.is_none() {
                mon = Some(m);
            }
            continue;
        }
        let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // "20th"
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
            continue;
        }
        // A time ("23:50") is two numbers joined by ':' in the text; skip both halves.
        if is_time_part(t, toks.as_slice(), i) {
            continue;
        }
        let n: u32 = digits.parse().ok()?;
        if digits.len() == 4 && (1900..=2100).contains(&n) {
            year.get_or_insert(n);
        } else if digits.len() <= 2 {
            numbers.push(n);
        }
    }
    let year = year?;
    match mon {
        Some(m) => day = numbers.iter().copied().find(|d| (1..=31).contains(d)).map(|d| (m, d)),
        None if numbers.len() >= 2 => {
            // Numeric day-month order is ambiguous; accept it only when one reading is impossible.
            let (a, b) = (numbers[0], numbers[1]);
            day = match (a <= 12, b <= 12) {
                (true, false) => Some((a, b)),
                (false, true) => Some((b, a)),
                (true, true) if a == b => Some((a, b)),
                _ => None,
            };
        }
        None => {}
    }
    let (m, d) = day?;
    valid(year, m, d).then(|| format!("{year:04}-{m:02}-{d:02}"))
}

/// "2024年3月12日" (Chinese and Japanese dates) anywhere in the text.
fn cjk_date(t: &str) -> Option<String> {
    let at = t.find('年')?;
    let year: u32 = t[..at].trim_end().rsplit(|c: char| !c.is_ascii_digit()).next()?.parse().ok()?;
    let rest = &t[at + '年'.len_utf8()..];
    let (m, rest) = rest.split_once('月')?;
    let (d, _) = rest.split_once('日')?;
    let (m, d): (u32, u32) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
    ((1900..=2100).contains(&year) && valid(year, m, d)).then(|| format!("{year:04}-{m:02}-{d:02}"))
}

/// True for a token like "2024年3月12日".
fn is_cjk_date_token(tok: &str) -> bool {
    tok.chars().all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日')) && cjk_date(tok).is_some()
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// "2024-04-20..." at the start of the text.
fn iso_prefix(t: &str) -> Option<String> {
    let b = t.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num =
        |r: std::ops::Range<usize>| t.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse().ok();
    let (y, m, d): (u32, u32, u32) = (num(0..4)?, num(5..7)?, num(8..10)?);
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// True when token `i` is part of a clock time like "23:50" or "9.30".
fn is_time_part(text: &str, toks: &[&str], i: usize) -> bool {
    let tok = toks[i];
    let Some(pos) = locate(text, toks, i) else { return false };
    let after = text[pos + tok.len()..].chars().next();
    let before = text[..pos].chars().next_back();
    matches!(after, Some(':')) || matches!(before, Some(':'))
}

/// Byte offset of token `i` in `text` (tokens come from a left-to-right split).
fn locate(text: &str, toks: &[&str], i: usize) -> Option<usize> {
    let mut from = 0;
    for (j, tok) in toks.iter().enumerate() {
        let at = from + text[from..].find(tok)?;
        if j == i {
            return Some(at);
        }
        from = at + tok.len();
    }
    None
}

/// True when a short line holds a date and nothing else but dateline words
/// ("20 Apr, 2024 23:50", "Published: April 20, 2024 at 10:30 a.m. EDT", "2024-04-20").
pub fn is_dateline(line: &str) -> bool {
    if line.len() > 80 || parse_date(line).is_none() {
        return false;
    }
    tokens(line).all(|tok| {
        let lower = tok.to_ascii_lowercase();
        month(tok).is_some()
            || WEEKDAYS.contains(&lower.as_str())
            || DATELINE_WORDS.contains(&lower.as_str())
            || is_number_token(tok)
            || is_cjk_date_token(tok)
    })
}

/// "20", "2024", "20th": digits with an optional ordinal suffix.
fn is_number_token(tok: &str) -> bool {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The outlet name for a URL's host: "https://www.example-news.co.uk/a/b" → "example-news.co.uk".
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.").to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The names in a byline line: "By Jane Doe and John Roe | Reuters" → "Jane Doe and John Roe".
/// Returns None unless the line is a byline: "By" (or "Author:") followed by capitalised names only.
pub fn byline_names(line: &str) -> Option<String> {
    let t = line.trim();
    let rest = strip_prefix_ci(t, "by ")
        .or_else(|| strip_prefix_ci(t, "written by "))
        .or_else(|| strip_prefix_ci(t, "author: "))
        .or_else(|| strip_prefix_ci(t, "words by "))?;
    let names = rest.split(['|', '•', '·', '—', '–']).next()?.trim();
    // "Jane Doe, April 20, 2024": the names end where a date begins.
    let parts: Vec<&str> = names.split(", ").collect();
    let end = (1..parts.len()).find(|&i| parse_date(&parts[i..].join(", ")).is_some()).unwrap_or(parts.len());
    let names = parts[..end].join(", ");
    let names = names.trim().trim_end_matches([',', '.']).trim();
    let words: Vec<&str> = names.split_whitespace().collect();
    let ok = (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "de" | "van" | "von" | "der" | "al" | "bin" | "la" | "le" | "in")
                || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
        && words.first().is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    ok.then(|| names.to_string())
}

/// `text` without `prefix`, compared ASCII-case-insensitively.
pub fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates() {
        let rows = [
            ("2024-04-20", Some("2024-04-20")),
            ("2024-04-20T23:50:00+03:00", Some("2024-04-20")),
            ("20 Apr, 2024 23:50", Some("2024-04-20")),
            ("April 20, 2024", Some("2024-04-20")),
            ("Sat, 20 Apr 2024 10:00:00 GMT", Some("2024-04-20")),
            ("Published: March 3rd, 2022 at 9:15 a.m. EDT", Some("2022-03-03")),
            ("20.04.2024", Some("2024-04-20")),
            ("04/20/2024", Some("2024-04-20")),
            ("05/06/2024", None),
            ("February 30, 2024", None),
            ("no date here", None),
            ("12:30 2024", None),
            ("2024年3月12日 10:30", Some("2024-03-12")),
        ];
        for (text, expected) in rows {
            assert_eq!(parse_date(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn recognises_datelines() {
        let rows = [
            ("20 Apr, 2024 23:50", true),
            ("April 20, 2024", true),
            ("2024-04-20", true),
            ("Updated: Monday, 22 April 2024, 08:15 GMT", true),
            ("On April 20, 2024 the minister resigned.", false),
            ("Blinken to warn China", false),
        ];
        for (line, expected) in rows {
            assert_eq!(is_dateline(line), expected, "{line}");
        }
    }

    #[test]
    fn finds_byline_names() {
        let rows = [
            ("By Jane Doe", Some("Jane Doe")),
            ("By Jane Doe and John Roe | Reuters", Some("Jane Doe and John Roe")),
            ("BY MARIA DE LA CRUZ, April 20, 2024", Some("MARIA DE LA CRUZ")),
            ("Author: Li Wei", Some("Li Wei")),
            ("By the time officials arrived, the fire had spread.", None),
            ("Byzantine rules apply", None),
        ];
        for (line, expected) in rows {
            assert_eq!(byline_names(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn domains() {
        assert_eq!(domain_of("https://www.example-news.co.uk/a/b?c").as_deref(), Some("example-news.co.uk"));
        assert_eq!(domain_of("http://user@host.org:8080/x").as_deref(), Some("host.org"));
        assert_eq!(domain_of("not a url"), None);
    }
}
