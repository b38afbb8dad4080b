//! Removes site chrome from extracted text, one rule per kind of junk, and turns bylines and
//! datelines into metadata. Takes the extracted text (one paragraph per line); gives the
//! [`Removal`]s (spans into that text, rule names) plus what it learnt about the article.
//!
//! Line rules look at a whole line; inline rules cut a piece out of a line ("(Photo : X/Getty)").
//! A comment-section header removes everything after it. Near-duplicate paragraphs go last.

use super::Removal;
use super::meta::{byline_names, is_dateline, parse_date, strip_prefix_ci};
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

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

fn lower(line: &str) -> String {
    line.to_lowercase()
}

/// Menu and navigation words seen in site headers and footers.
const MENU_WORDS: &[&str] = &[
    "home",
    "world",
    "news",
    "politics",
    "business",
    "economy",
    "markets",
    "tech",
    "technology",
    "science",
    "health",
    "sport",
    "sports",
    "culture",
    "opinion",
    "video",
    "videos",
    "podcasts",
    "podcast",
    "menu",
    "search",
    "login",
    "log",
    "sign",
    "in",
    "up",
    "subscribe",
    "newsletter",
    "newsletters",
    "contact",
    "about",
    "us",
    "shop",
    "travel",
    "style",
    "entertainment",
    "lifestyle",
    "weather",
    "local",
    "national",
    "international",
    "latest",
    "live",
    "trending",
    "more",
    "photos",
    "gallery",
    "radio",
    "tv",
    "russia",
    "china",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle",
    "east",
    "uk",
    "india",
    "climate",
    "media",
    "arts",
    "books",
    "food",
    "features",
    "analysis",
    "editorial",
    "obituaries",
    "jobs",
    "careers",
    "account",
    "register",
    "privacy",
    "terms",
    "advertise",
    "&",
    "and",
];

/// "Home | World | Business | Tech", "icon bookmark-bicon bookmarkicon camera ...", or a line made
/// only of menu words.
pub fn is_menu_run(line: &str) -> bool {
    let w = words(line);
    let l = lower(line);
    let icons = w.iter().filter(|t| t.to_lowercase().contains("icon")).count();
    if icons >= 3 && icons * 3 >= w.len() {
        return true;
    }
    let seps = line.matches(['|', '•', '·', '»', '›']).count();
    if seps >= 2 {
        let parts: Vec<&str> =
            line.split(['|', '•', '·', '»', '›']).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 3 && !p.ends_with('.')) {
            return true;
        }
    }
    let menu = l
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|t| !t.is_empty())
        .map(|t| MENU_WORDS.contains(&t))
        .collect::<Vec<_>>();
    menu.len() >= 4 && menu.iter().all(|&m| m) && !line.trim_end().ends_with('.')
}

/// Runs of three or more consecutive short lines made only of menu words ("Home", "World",
/// "Business" as separate lines, as HTML navigation lists come out).
fn menu_line_runs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run: Vec<Span> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n').chain(std::iter::once("")) {
        let span = Span::new(offset, offset + line.len());
        offset += line.len() + 1;
        let lower = lower(line);
        let toks: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric() && c != '&').filter(|t| !t.is_empty()).collect();
        if (1..=3).contains(&toks.len()) && toks.iter().all(|t| MENU_WORDS.contains(t)) {
            run.push(span);
            continue;
        }
        if run.len() >= 3 {
            out.append(&mut run);
        }
        run.clear();
    }
    out
}

/// Cookie and consent banners.
pub fn is_cookie_notice(line: &str) -> bool {
    let l = lower(line);
    (l.contains("cookie") || l.contains("consent"))
        && [
            "accept",
            "we use",
            "this site uses",
            "website uses",
            "privacy",
            "preferences",
            "agree",
            "settings",
        ]
        .iter()
        .any(|k| l.contains(k))
        && words(line).len() <= 60
}

/// Share bars and subscribe or follow prompts.
pub fn is_share_line(line: &str) -> bool {
    let l = lower(line);
    let w = words(line);
    const STARTS: &[&str] = &[
        "share",
        "subscribe",
        "sign up",
        "follow us",
        "follow ",
        "join our",
        "get our",
        "download our",
        "newsletter",
        "click here",
        "tap here",
        "copy link",
        "print this",
        "email this",
        "listen to this",
        "advertisement",
        "support our",
        "donate",
        "skip to",
    ];
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "email",
        "x.com",
        "copy link",
        "print",
    ];
    if w.len() <= 20 && STARTS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    let networks = NETWORKS.iter().filter(|n| l.contains(**n)).count();
    (networks >= 2 && w.len() <= 12)
        || (l.contains("newsletter") && (l.contains("sign up") || l.contains("subscribe")) && w.len() <= 30)
}

/// Lead words of photo credits and captions.
const PHOTO_STARTS: &[&str] = &[
    "(photo",
    "photo:",
    "photo :",
    "photo by",
    "photos:",
    "photograph:",
    "image:",
    "image credit",
    "image source",
    "picture:",
    "pictured:",
    "credit:",
    "caption:",
    "file photo",
    "(image",
    "(file photo",
    "[photo",
    "photo credit",
    "illustration:",
    "(reuters",
    "(ap photo",
    "(afp",
];

/// Agencies and stock libraries that appear in credits.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "ap photo",
    "afp via getty",
    "reuters/",
    "/reuters",
    "shutterstock",
    "/afp",
    "sputnik/",
    "epa-efe",
    "/epa",
    "pool/",
];

/// "(Photo : Andrew Harnik - Pool/Getty Images)", "Photo: Reuters", "Image credit: ...", or a short
/// line naming a photo agency.
pub fn is_photo_credit(line: &str) -> bool {
    let l = lower(line.trim());
    let w = words(line);
    if w.len() <= 30 && PHOTO_STARTS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    w.len() <= 25
        && PHOTO_AGENCIES.iter().any(|a| l.contains(a))
        && !l.trim_end().ends_with(['"', '”'])
        && (l.contains("photo")
            || l.contains("image")
            || l.contains('©')
            || l.contains("getty")
            || !l.ends_with('.'))
}

/// Parenthesised photo credits inside a longer line, as byte ranges into the line.
fn inline_photo_credits(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let l = lower(line);
    let mut from = 0;
    while let Some(at) = l[from..].find("(photo").or_else(|| l[from..].find("(image")).map(|i| i + from) {
        let Some(close) = l[at..].find(')').map(|i| at + i + 1) else { break };
        if close - at <= 200 {
            out.push(at..close);
        }
        from = close;
    }
    out
}

/// "(FiveNation.com)- " or "(Reuters) - " at the start of a lead: (its length, the outlet).
fn source_tag(line: &str) -> Option<(usize, String)> {
    let rest = line.strip_prefix('(')?;
    let close = rest.find(')')?;
    let name = &rest[..close];
    if name.is_empty() || name.split_whitespace().count() > 3 {
        return None;
    }
    let after = &rest[close + 1..];
    let dash = after.trim_start().strip_prefix(['-', '–', '—'])?;
    let len = line.len() - dash.trim_start().len();
    Some((len, name.trim().to_string()))
}

/// "Read also:", "Related Article:", "Recommended", "See also", "More on this story".
pub fn is_read_also(line: &str) -> bool {
    const STARTS: &[&str] = &[
        "read also",
        "read more",
        "also read",
        "read next",
        "related:",
        "related article",
        "related articles",
        "related stories",
        "related story",
        "related coverage",
        "related news",
        "recommended",
        "see also",
        "more on this",
        "more from",
        "you may also like",
        "you might also like",
        "don't miss",
        "must read",
        "most read",
        "most popular",
        "trending now",
        "watch:",
        "watch now",
        "listen:",
        "more:",
        "also:",
    ];
    let l = lower(line.trim());
    words(line).len() <= 40 && STARTS.iter().any(|s| l.starts_with(s))
}

/// "Tags: a, b, c", "Topics: ...", "Filed under: ...".
pub fn is_tag_list(line: &str) -> bool {
    ["tags:", "tags :", "topics:", "filed under:", "keywords:", "categories:", "category:", "more about:"]
        .iter()
        .any(|p| strip_prefix_ci(line.trim(), p).is_some())
}

/// "Comments", "12 Comments", "Leave a Reply", "Join the conversation": the rest is comments.
pub fn is_comment_header(line: &str) -> bool {
    let l = lower(line.trim()).trim_end_matches([':', '.']).to_string();
    let without_count =
        l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '(' || c == ')');
    matches!(
        without_count,
        "comments"
            | "comment"
            | "leave a reply"
            | "leave a comment"
            | "join the conversation"
            | "join the discussion"
            | "show comments"
            | "view comments"
            | "reader comments"
            | "post a comment"
            | "add a comment"
    )
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
