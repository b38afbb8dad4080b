//! Quoted passages: straight and curly double quotes, and single curly quotes, possibly spanning
//! sentences within a paragraph. Apostrophes ("China's", "don’t") are not mistaken for quotes.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One quoted passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSpan {
    /// Span including the quote marks.
    pub span: Span,
    /// Span of the words inside the marks.
    pub inner: Span,
}

/// Quoted passages in `body`, in order. A quote never crosses a blank line or runs past the
/// end of its paragraph; an unclosed quote runs to the paragraph's end.
pub fn find(body: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in body.split_inclusive('\n') {
        find_in_paragraph(para, offset, &mut out);
        offset += para.len();
    }
    out
}

fn find_in_paragraph(para: &str, offset: usize, out: &mut Vec<QuoteSpan>) {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut open: Option<(usize, char)> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        match open {
            None => {
                let opens = match c {
                    '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' => next.is_some_and(|n| !n.is_whitespace()),
                    '\u{2018}' => {
                        prev.is_none_or(|p| !p.is_alphanumeric()) && next.is_some_and(char::is_alphanumeric)
                    }
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                }
            }
            Some((start, mark)) => {
                let closes = match (mark, c) {
                    ('"', '"')
                    | ('\u{201C}', '\u{201D}')
                    | ('\u{201E}', '\u{201C}')
                    | ('\u{00AB}', '\u{00BB}') => true,
                    ('\u{201C}', '"') | ('"', '\u{201D}') => true,
                    ('\u{2018}', '\u{2019}') => next.is_none_or(|n| !n.is_alphanumeric()),
                    _ => false,
                };
                if closes {
                    let inner = Span::new(start + mark.len_utf8(), i);
                    if !inner.of(para).trim().is_empty() {
                        out.push(QuoteSpan {
                            span: Span::new(start, i + c.len_utf8()).shifted(offset),
                            inner: inner.shifted(offset),
                        });
                    }
                    open = None;
                }
            }
        }
    }
    if let Some((start, mark)) = open {
        let end = para.trim_end().len();
        let inner = Span::new(start + mark.len_utf8(), end);
        if matches!(mark, '"' | '\u{201C}') && !inner.is_empty() && !inner.of(para).trim().is_empty() {
            out.push(QuoteSpan { span: Span::new(start, end).shifted(offset), inner: inner.shifted(offset) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, expected: &[&str]) {
        let got: Vec<&str> = find(input).iter().map(|q| q.inner.of(input)).collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn finds_quotes() {
        let rows: &[(&str, &[&str])] = &[
            ("He said \"we will act\" today.", &["we will act"]),
            ("He said \u{201C}we will act.\u{201D} Then left.", &["we will act."]),
            ("China\u{2019}s firms don\u{2019}t agree.", &[]),
            ("She called it \u{2018}toothless\u{2019}, and left.", &["toothless"]),
            ("\u{201C}First sentence. Second one,\u{201D} he said.", &["First sentence. Second one,"]),
            ("Two: \"a\" and \"b c\".", &["a", "b c"]),
            ("Open \"runs to the end\nNext paragraph.", &["runs to the end"]),
            ("Mixed \u{201C}straight close\" marks.", &["straight close"]),
        ];
        for (input, expected) in rows {
            case(input, expected);
        }
    }
}
