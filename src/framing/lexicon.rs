//! The framing lexicons (`assets/lexicons/*.txt`, embedded in the binary) and a multi-pattern
//! matcher over the words of a sentence.
//!
//! Takes a sentence's tokens; gives every lexicon entry found on whole-word boundaries, as token
//! ranges. Terms are matched by lower-case word sequence ("so-called", "pointed out", "special
//! military operation"), or by stem when the term ends in `*`; all-capital terms ("US", "PRC")
//! match only when written in capitals. One Aho-Corasick automaton per form, built once.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::span::Span;
use crate::text::language::Language;
use crate::text::tokens::{self, Token};

/// Category of neutral attribution verbs (said, told): audited, never shown as markers.
pub const NEUTRAL: &str = "attribution-neutral";
/// Category of distancing attribution verbs (claimed, alleged, insisted).
pub const DISTANCING: &str = "attribution-distancing";
/// Category of endorsing attribution verbs (noted, revealed, acknowledged).
pub const ENDORSING: &str = "attribution-endorsing";
/// Category of loaded attribution verbs (slammed, boasted, threatened).
pub const LOADED_VERB: &str = "attribution-loaded";
/// Category of hedges (reportedly, so-called).
pub const HEDGE: &str = "hedge";
/// Category of loaded and intensifying words (toothless, draconian).
pub const LOADED: &str = "loaded";
/// Category of label choices (Beijing for China, invasion for the war).
pub const LABEL: &str = "label";

const FILES: &[(&str, &str)] = &[
    ("attribution.txt", include_str!("../../assets/lexicons/attribution.txt")),
    ("hedges.txt", include_str!("../../assets/lexicons/hedges.txt")),
    ("loaded.txt", include_str!("../../assets/lexicons/loaded.txt")),
    ("labels.txt", include_str!("../../assets/lexicons/labels.txt")),
];

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Display form (the first spelling).
    pub term: String,
    /// One of the category constants.
    pub category: String,
    /// Plain-words note; for labels, the referent's name.
    pub note: String,
    /// For labels: the word has other common senses and counts only when seen swapped for
    /// another name of the same referent.
    pub weak: bool,
    /// For labels: a plain, everyday name (China, sanctions), counted but never marked.
    pub plain: bool,
}

/// A lexicon entry found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// First token index (in the sentence).
    pub first: usize,
    /// Last token index, inclusive.
    pub last: usize,
    /// Byte span in the body.
    pub span: Span,
}

struct Pattern {
    entry: usize,
    /// Exact words as written, for all-capital spellings.
    exact: Option<Vec<String>>,
}

/// All entries and the automata that find them.
pub struct Lexicon {
    /// Every entry, in file order.
    pub entries: Vec<Entry>,
    lower: AhoCorasick,
    lower_patterns: Vec<Pattern>,
    stems: AhoCorasick,
    stem_patterns: Vec<Pattern>,
}

/// The built-in lexicon, parsed and compiled on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(FILES.iter().map(|(_, t)| *t)));

impl Lexicon {
    /// Parses lexicon texts (see the header of any file in `assets/lexicons/`). Lines that do not
    /// have three columns are skipped: the files ship in the binary and are checked by a test.
    pub fn parse<'a>(texts: impl Iterator<Item = &'a str>) -> Lexicon {
        let lang = Language::english();
        let mut entries = Vec::new();
        let (mut lower_keys, mut lower_patterns) = (Vec::new(), Vec::new());
        let (mut stem_keys, mut stem_patterns) = (Vec::new(), Vec::new());
        for line in texts.flat_map(str::lines) {
            let Some(entry) = parse_line(line) else { continue };
            let (spellings, entry) = entry;
            let id = entries.len();
            entries.push(entry);
            for spelling in spellings.split('|') {
                let (word, by_stem) = match spelling.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (spelling, false),
                };
                let toks = tokens::tokenize(word, Span::new(0, word.len()), &lang);
                if toks.is_empty() {
                    continue;
                }
                let capitals = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                let exact = capitals.then(|| toks.iter().map(|t| as_written(word, t)).collect());
                if by_stem {
                    stem_keys.push(join(toks.iter().map(|t| t.stem.as_str())));
                    stem_patterns.push(Pattern { entry: id, exact });
                } else {
                    lower_keys.push(join(toks.iter().map(|t| t.lower.as_str())));
                    lower_patterns.push(Pattern { entry: id, exact });
                }
            }
        }
        Lexicon {
            entries,
            lower: automaton(&lower_keys),
            lower_patterns,
            stems: automaton(&stem_keys),
            stem_patterns,
        }
    }

    /// Entries found in one sentence's tokens, ordered by position then entry. Overlapping
    /// hits are all kept (e.g. "alleged" as verb and as hedge); callers choose by context.
    pub fn find(&self, body: &str, toks: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        let lower = Keyed::new(toks.iter().map(|t| t.lower.as_str()));
        self.scan(&self.lower, &self.lower_patterns, &lower, body, toks, &mut out);
        let stems = Keyed::new(toks.iter().map(|t| t.stem.as_str()));
        self.scan(&self.stems, &self.stem_patterns, &stems, body, toks, &mut out);
        out.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last), h.entry));
        out.dedup();
        drop_nested(&mut out);
        out
    }

    fn scan(
        &self,
        ac: &AhoCorasick,
        patterns: &[Pattern],
        keyed: &Keyed,
        body: &str,
        toks: &[Token],
        out: &mut Vec<Hit>,
    ) {
        for m in ac.find_overlapping_iter(&keyed.text) {
            let (Some(first), Some(last)) = (keyed.token_at_start(m.start()), keyed.token_at_end(m.end()))
            else {
                continue;
            };
            let pattern = &patterns[m.pattern().as_usize()];
            if let Some(exact) = &pattern.exact {
                let written = toks[first..=last].iter().map(|t| as_written(body, t));
                if !written.eq(exact.iter().cloned()) {
                    continue;
                }
            }
            let span = Span::new(toks[first].span.start, toks[last].span.end);
            out.push(Hit { entry: pattern.entry, first, last, span });
        }
    }
}

/// Removes hits lying strictly inside a longer hit ("war" inside "war on", "US" inside "the US").
fn drop_nested(hits: &mut Vec<Hit>) {
    let all = hits.clone();
    hits.retain(|h| {
        !all.iter().any(|o| o.first <= h.first && h.last <= o.last && (o.last - o.first) > (h.last - h.first))
    });
}

fn parse_line(line: &str) -> Option<(&str, Entry)> {
    if line.trim_start().starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut cols = line.split('\t');
    let (term, category, note) = (cols.next()?.trim(), cols.next()?.trim(), cols.next()?.trim());
    let (note, weak) = match note.strip_prefix('?') {
        Some(n) => (n, true),
        None => (note, false),
    };
    let (note, plain) = match note.strip_prefix('=') {
        Some(n) => (n, true),
        None => (note, false),
    };
    let display = term.split('|').next().unwrap_or(term).trim_end_matches('*');
    let entry = Entry {
        term: display.to_string(),
        category: category.to_string(),
        note: note.to_string(),
        weak,
        plain,
    };
    Some((term, entry))
}

/// The token as written, without a possessive "'s".
fn as_written(body: &str, t: &Token) -> String {
    let w = t.span.of(body);
    w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w).to_string()
}

fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

fn automaton(keys: &[String]) -> AhoCorasick {
    // Standard match kind so overlapping matches are reported; the patterns are plain words
    // built by the project, so building cannot fail except on memory exhaustion.
    AhoCorasick::builder().match_kind(MatchKind::Standard).build(keys).expect("the built-in lexicon compiles")
}

/// Token keys joined by single spaces, with the byte offset where each token starts.
struct Keyed {
    text: String,
    starts: Vec<usize>,
}

impl Keyed {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Keyed {
        let mut text = String::new();
        let mut starts = Vec::new();
        for k in keys {
            if !text.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(k);
        }
        Keyed { text, starts }
    }

    fn token_at_start(&self, at: usize) -> Option<usize> {
        self.starts.binary_search(&at).ok()
    }

    fn token_at_end(&self, at: usize) -> Option<usize> {
        let next = self.starts.partition_point(|&s| s < at);
        let ends_word = at == self.text.len() || self.text.as_bytes().get(at) == Some(&b' ');
        (ends_word && next > 0).then(|| next - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses_and_categories_are_known() {
        let known = [NEUTRAL, DISTANCING, ENDORSING, LOADED_VERB, HEDGE, LOADED, LABEL];
        for (file, text) in FILES {
            for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                let (_, e) = parse_line(line).unwrap_or_else(|| panic!("{file}: bad line {line:?}"));
                assert!(known.contains(&e.category.as_str()), "{file}: unknown category in {line:?}");
                assert!(!e.note.is_empty(), "{file}: empty note in {line:?}");
            }
        }
        assert!(LEXICON.entries.len() > 100);
    }

    fn found(text: &str) -> Vec<String> {
        let toks = tokens::tokenize(text, Span::new(0, text.len()), &Language::english());
        LEXICON
            .find(text, &toks)
            .iter()
            .map(|h| format!("{}:{}", h.span.of(text), LEXICON.entries[h.entry].category))
            .collect()
    }

    #[test]
    fn matches_whole_words_and_phrases() {
        let rows: &[(&str, &[&str])] = &[
            ("The so-called plan", &["so-called:hedge"]),
            ("He pointed out the gap", &["pointed out:attribution-endorsing"]),
            ("a special military operation", &["special military operation:label"]),
            ("Regimental dinner", &[]),
            ("Let us go", &[]),
            ("The US and the PRC", &["The US:label", "the PRC:label"]),
            ("Tensions escalated", &["escalated:loaded"]),
        ];
        for (text, want) in rows {
            assert_eq!(found(text), *want, "text: {text:?}");
        }
    }
}
