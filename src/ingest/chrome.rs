//! The line tests behind the cleaning rules: what site chrome looks like (menu runs, share bars,
//! cookie notices, photo credits, read-also links, tag lists, comment headers). Each takes one line
//! of extracted text; [`super::clean`] decides what to do with a match.

use super::meta::strip_prefix_ci;
use crate::span::Span;

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

fn lower(line: &str) -> String {
    line.to_lowercase()
}

/// Menu and navigation words seen in site headers and footers.
#[rustfmt::skip]
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
pub(super) fn menu_line_runs(text: &str) -> Vec<Span> {
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
#[rustfmt::skip]
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
#[rustfmt::skip]
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
pub(super) fn inline_photo_credits(line: &str) -> Vec<std::ops::Range<usize>> {
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
pub(super) fn source_tag(line: &str) -> Option<(usize, String)> {
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
