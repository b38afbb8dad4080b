//! Byte spans into a text. Every derived item (sentence, token, quote, framing marker) carries one,
//! so the window can highlight it and reports can cite it exactly. Spans are never rewritten.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a UTF-8 text; both ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start.min(end), end: start.max(end) }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or "" if it does not fit `text` (never panics).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `offset` bytes (for spans relative to a sub-slice).
    pub fn shifted(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_is_safe_out_of_range() {
        let s = Span::new(2, 40);
        assert_eq!(s.of("short"), "");
        assert_eq!(Span::new(0, 5).of("short text"), "short");
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 5)));
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
    }
}
