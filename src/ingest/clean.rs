//! Removes site chrome from extracted text, one rule per kind of junk, and turns bylines and
//! datelines into metadata. Takes the extracted text (one paragraph per line); gives the
//! [`Removal`]s (spans into that text, rule names) plus what it learnt about the article.
//!
//! Line rules look at a whole line; inline rules cut a piece out of a line ("(Photo : X/Getty)").
//! A comment-section header removes everything after it. Near-duplicate paragraphs go last.

use super::Removal;
use super::chrome::*;
use super::meta::{byline_names, is_dateline, parse_date};
use crate::span::Span;

/// Rule names, as shown to the user and stored in [`Removal::rule`].
pub mod rule {
    /// Runs of icon names or menu words.
    pub const MENU: &str = "menu words";
    /// Share, follow and subscribe prompts.
    pub const SHARE: &str = "share/subscribe line";
    /// Cookie and consent banners.
    pub const COOKIE: &str = "cookie notice";
    /// Photo credits and captions.
    pub const PHOTO: &str = "photo credit";
    /// "Read also", "Related", "Recommended" links.
    pub const READ_ALSO: &str = "read-also link";
    /// Tag and topic lists.
    pub const TAGS: &str = "tag list";
    /// Everything from a comment-section header on.
    pub const COMMENTS: &str = "comment section";
    /// Byline, moved to the metadata.
    pub const BYLINE: &str = "byline";
    /// Dateline, moved to the metadata.
    pub const DATELINE: &str = "dateline";
    /// "(Outlet.com)-" in front of the lead, moved to the metadata.
    pub const SOURCE_TAG: &str = "source tag";
    /// A paragraph that repeats (nearly) an earlier one.
    pub const DUPLICATE: &str = "duplicate paragraph";
}

/// A whole-line rule: its name and the test.
pub struct LineRule {
    /// The rule name (see [`rule`]).
    pub name: &'static str,
    /// True when the line is this kind of chrome.
    pub test: fn(&str) -> bool,
}

/// The whole-line rules, tried in order; the first that matches names the removal.
pub const LINE_RULES: &[LineRule] = &[
    LineRule { name: rule::MENU, test: is_menu_run },
    LineRule { name: rule::COOKIE, test: is_cookie_notice },
    LineRule { name: rule::SHARE, test: is_share_line },
    LineRule { name: rule::PHOTO, test: is_photo_credit },
    LineRule { name: rule::READ_ALSO, test: is_read_also },
    LineRule { name: rule::TAGS, test: is_tag_list },
];

/// What cleaning found.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// Removals, in no particular order.
    pub removals: Vec<Removal>,
    /// Byline names from a "By ..." line.
    pub byline: Option<String>,
    /// ISO date from a dateline.
    pub published: Option<String>,
    /// Outlet named in a "(Outlet.com)-" source tag.
    pub source: Option<String>,
}

/// Runs every rule over `text` (one paragraph per line). `headings` are subhead lines; `known` are
/// lines the extractor already recognised as chrome (figure captions).
pub fn clean(text: &str, headings: &[Span], known: &[(Span, &'static str)]) -> Cleaned {
    let mut out = Cleaned::default();
    let remove = |span: Span, rule: &str| Removal { span, rule: rule.to_string(), restored: false };
    let mut removals = Vec::new();
    for &(span, name) in known {
        removals.push(remove(span, name));
    }
    let mut offset = 0;
    for (index, line) in text.split('\n').enumerate() {
        let span = Span::new(offset, offset + line.len());
        offset += line.len() + 1;
        if known.iter().any(|(k, _)| *k == span) || line.trim().is_empty() {
            continue;
        }
        if is_comment_header(line) && index > 0 {
            removals.push(remove(Span::new(span.start, text.len()), rule::COMMENTS));
            break;
        }
        if let Some(r) = LINE_RULES.iter().find(|r| (r.test)(line)) {
            removals.push(remove(span, r.name));
            continue;
        }
        if !headings.contains(&span)
            && let Some(names) = byline_names(line)
        {
            out.byline.get_or_insert(names);
            if let Some(date) = line.split(['|', '•', '·']).find_map(parse_date) {
                out.published.get_or_insert(date);
            }
            removals.push(remove(span, rule::BYLINE));
            continue;
        }
        if is_dateline(line) {
            if let Some(date) = parse_date(line) {
                out.published.get_or_insert(date);
            }
            removals.push(remove(span, rule::DATELINE));
            continue;
        }
        for piece in inline_photo_credits(line) {
            removals.push(remove(Span::new(span.start + piece.start, span.start + piece.end), rule::PHOTO));
        }
        if let Some((len, source)) = source_tag(line) {
            out.source.get_or_insert(source);
            removals.push(remove(Span::new(span.start, span.start + len), rule::SOURCE_TAG));
        }
    }
    removals.extend(menu_line_runs(text).into_iter().map(|s| remove(s, rule::MENU)));
    removals.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    removals.dedup_by(|later, earlier| earlier.span.contains(later.span));
    let dups = super::dedup::near_duplicates(text, &removals);
    removals.extend(dups.into_iter().map(|s| remove(s, rule::DUPLICATE)));
    out.removals = removals;
    out
}

/// Lines of `text` not wholly removed, as spans (in order).
pub fn surviving_lines<'a>(text: &'a str, removed: &'a [Removal]) -> impl Iterator<Item = Span> + 'a {
    let mut offset = 0;
    text.split('\n').filter_map(move |line| {
        let span = Span::new(offset, offset + line.len());
        offset += line.len() + 1;
        let gone = removed.iter().any(|r| !r.restored && r.span.contains(span));
        (!gone && !line.trim().is_empty()).then_some(span)
    })
}

/// A line that reads as a headline: short, no sentence-ending full stop.
pub fn is_headline(line: &str) -> bool {
    let t = line.trim_end();
    let words = t.split_whitespace().count();
    (1..=25).contains(&words) && !t.ends_with(['.', ',', ';', ':']) && !t.contains(". ")
}

/// A plain-text subhead: a short line that does not end like a sentence and starts with a capital.
pub fn is_subhead(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=14).contains(&words)
        && !t.ends_with(['.', ',', ';', ':', '!', '?', '"', '”', '\'', '’', ')', '。', '！', '？', '」', '…'])
        && t.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// A title from the first line of text that is not headline-like: its first 12 words.
pub fn short_title(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= 12 { words.join(" ") } else { format!("{} …", words[..12].join(" ")) }
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
