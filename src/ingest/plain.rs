//! Plain text and Markdown into extracted lines: one paragraph per non-empty line, Markdown
//! headings (`#`, `##`) marked as headings and inline markup (emphasis, links, images) dropped.

use super::{Extracted, LineKind};

/// Plain text: every non-empty line is a paragraph (the headline is decided after cleaning).
pub fn from_plain(text: &str) -> Extracted {
    let mut out = Extracted::default();
    for line in text.lines() {
        out.push_line(line, LineKind::Paragraph);
    }
    out
}

/// Markdown: `#` lines become headings, `![alt](src)` images become photo-credit chrome, links keep
/// their text, list markers and emphasis go.
pub fn from_markdown(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut in_code = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' ')) {
            continue;
        }
        if t.starts_with("![") {
            out.push_line(&inline(t), LineKind::Chrome(super::clean::rule::PHOTO));
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            out.push_line(&inline(&t[hashes..]), LineKind::Heading);
            continue;
        }
        let body = t
            .strip_prefix("> ")
            .or_else(|| t.strip_prefix("- "))
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
            .unwrap_or(t);
        out.push_line(&inline(body), LineKind::Paragraph);
    }
    out
}

/// Inline Markdown to text: `[text](url)` → text, `![alt](src)` → alt, `**b**`/`_i_`/`` `c` `` → b/i/c.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        match after.find("](").and_then(|mid| after[mid..].find(')').map(|close| (mid, mid + close))) {
            Some((mid, close)) => {
                out.push_str(&after[1..mid]);
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_lines() {
        let md = "# Big News\n\nBy **Jane** Doe\n\n![Crowd](a.jpg)\n\n## What happened\n\nA [link](http://x) here.\n- item one\n```\ncode\n```";
        let e = from_markdown(md);
        assert_eq!(e.text, "Big News\nBy Jane Doe\nCrowd\nWhat happened\nA link here.\nitem one");
        let heads: Vec<&str> = e.headings.iter().map(|s| s.of(&e.text)).collect();
        assert_eq!(heads, ["Big News", "What happened"]);
        assert_eq!(e.known_chrome.len(), 1);
    }

    #[test]
    fn plain_lines_collapse_space() {
        let e = from_plain("Title\r\n\r\n  Para   one.\n\tPara two.\n");
        assert_eq!(e.text, "Title\nPara one.\nPara two.");
        assert!(e.headings.is_empty());
    }
}
