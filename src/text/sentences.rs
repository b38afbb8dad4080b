//! Splits cleaned article text into sentences, keeping byte spans into the body.
//!
//! Uses Unicode sentence boundaries (UAX #29) and then repairs the places news text trips them:
//! titles and abbreviations (Gen., Sen., Corp.), initials (J. R. Smith), acronyms with dots before
//! a name (U.S. Commerce Secretary). Every line is its own paragraph, so headlines and subheads
//! without a full stop stand alone. Decimals, ellipses and quotes that end sentences are handled by
//! UAX #29 itself.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// One sentence of an article body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span into the body, trimmed of surrounding white space.
    pub span: Span,
    /// Index of the paragraph (non-empty line) it belongs to.
    pub paragraph: usize,
    /// True for headlines and subheads: shown, never treated as claims.
    pub heading: bool,
}

/// Abbreviations that are followed by a name and never end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "adm", "prof",
    "rev", "st", "mt", "ft", "pres", "amb", "gens", "reps", "sens", "hon", "fr", "cmdr", "no", "nos", "vs",
    "v", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "dept", "est",
    "fig", "jr", "sr", "e.g", "i.e", "etc", "al", "cf",
];

/// Words that start a new sentence after an acronym like "U.S." rather than continuing a name.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "There",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "For",
    "Some",
    "Many",
    "Officials",
    "What",
    "Who",
    "Why",
    "How",
    "Such",
    "Under",
    "With",
    "Without",
    "Last",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Both",
    "Neither",
    "Not",
    "No",
    "Since",
    "Although",
    "Even",
];

/// Splits `body` into sentences; lines without terminal punctuation that look like subheads are
/// marked as headings.
pub fn split(body: &str) -> Vec<Sentence> {
    split_with_headings(body, &[])
}

/// Like [`split`], and also marks every sentence lying inside one of `headings` as a heading.
pub fn split_with_headings(body: &str, headings: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let pieces = split_line(line, start);
        let single = pieces.len() == 1;
        for span in pieces {
            let heading = headings.iter().any(|h| h.contains(span) || span.contains(*h) && !h.is_empty())
                || (single && looks_like_heading(span.of(body)));
            out.push(Sentence { span, paragraph, heading });
        }
        paragraph += 1;
    }
    out
}

/// Sentences of one line (paragraph), with spans shifted by `offset`.
fn split_line(line: &str, offset: usize) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (i, seg) in line.split_sentence_bound_indices() {
        let Some(span) = trimmed(seg, i + offset) else { continue };
        match spans.last_mut() {
            Some(prev) if should_join(&line[prev.start - offset..prev.end - offset], seg.trim_start()) => {
                prev.end = span.end;
            }
            _ => spans.push(span),
        }
    }
    // A piece with no letters or digits (a lone quote mark, a dash) belongs to the previous sentence.
    let mut merged: Vec<Span> = Vec::new();
    for span in spans {
        let text = &line[span.start - offset..span.end - offset];
        match merged.last_mut() {
            Some(prev) if !text.chars().any(char::is_alphanumeric) => prev.end = span.end,
            _ => merged.push(span),
        }
    }
    merged
}

/// The span of `seg` (starting at byte `at`) without surrounding white space, if any text is left.
fn trimmed(seg: &str, at: usize) -> Option<Span> {
    let lead = seg.len() - seg.trim_start().len();
    let body = seg.trim();
    (!body.is_empty()).then(|| Span::new(at + lead, at + lead + body.len()))
}

/// True when the boundary between `prev` and `next` is a false break after an abbreviation.
fn should_join(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    if !prev.ends_with('.') {
        return false;
    }
    let last_word = prev.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    let word = last_word.trim_end_matches('.');
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let lower = word.to_lowercase();
    // "Gen. Smith", "Sen. Warren", "No. 3"
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    // Initials: "J. Smith", "J.R. Smith"
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if letters.len() == 1
        && letters[0].is_uppercase()
        && next_word.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    // "U.S. Commerce Secretary" joins; "the U.S. The move" splits.
    let is_dotted_acronym =
        word.contains('.') && letters.iter().all(|c| c.is_uppercase()) && letters.len() >= 2;
    if is_dotted_acronym {
        let starts_upper = next_word.chars().next().is_some_and(char::is_uppercase);
        return starts_upper && !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    false
}

/// A short line with no terminal punctuation reads as a headline or subhead.
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim_end();
    let ends_open =
        !t.ends_with(['.', '!', '?', '"', '\u{201D}', '\'', '\u{2019}', '\u{2026}', ':', ';', ',', ')']);
    let words = t.unicode_words().count();
    ends_open && (1..=18).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, expected: &[&str]) {
        let got: Vec<&str> = split(input).iter().map(|s| s.span.of(input)).collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn splits_news_sentences() {
        let rows: &[(&str, &[&str])] = &[
            ("U.S. officials met. They left.", &["U.S. officials met.", "They left."]),
            ("Gen. Mark Ellis spoke. Then he left.", &["Gen. Mark Ellis spoke.", "Then he left."]),
            ("The U.S. Commerce Secretary said no.", &["The U.S. Commerce Secretary said no."]),
            (
                "Sanctions came from the U.S. The move angered Beijing.",
                &["Sanctions came from the U.S.", "The move angered Beijing."],
            ),
            ("Growth was 3.5 percent. Prices rose.", &["Growth was 3.5 percent.", "Prices rose."]),
            (
                "He said, \"We will act.\" Others disagreed.",
                &["He said, \"We will act.\"", "Others disagreed."],
            ),
            (
                "She said \u{201C}we will act.\u{201D} Others disagreed.",
                &["She said \u{201C}we will act.\u{201D}", "Others disagreed."],
            ),
            (
                "J. R. Tolkien wrote books. Many read them.",
                &["J. R. Tolkien wrote books.", "Many read them."],
            ),
            (
                "Acme Corp. said profits fell. Shares dropped.",
                &["Acme Corp. said profits fell.", "Shares dropped."],
            ),
            ("Wait... it was not over. Fine.", &["Wait... it was not over.", "Fine."]),
            (
                "Headline Without Stop\nBody text here. More text.",
                &["Headline Without Stop", "Body text here.", "More text."],
            ),
            ("Is it true? Yes! Definitely.", &["Is it true?", "Yes!", "Definitely."]),
            ("", &[]),
            ("   \n\n  ", &[]),
        ];
        for (input, expected) in rows {
            case(input, expected);
        }
    }

    #[test]
    fn marks_headings_and_paragraphs() {
        let body = "China Responds to Threat\nBeijing said it would act. It did.\n\nMore here.";
        let s = split(body);
        assert!(s[0].heading);
        assert!(!s[1].heading);
        assert_eq!(s[1].paragraph, 1);
        assert_eq!(s[3].paragraph, 2);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let body = "Ein Satz über Öl. Noch ein Satz — mit Gedankenstrich. 中国表示反对。";
        for s in split(body) {
            assert!(body.is_char_boundary(s.span.start) && body.is_char_boundary(s.span.end));
        }
    }
}
