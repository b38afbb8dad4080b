//! How deeply an HTML page nests its elements, measured by a linear scan of the tags before the
//! page is parsed.
//!
//! The HTML parser checks "is there a `<p>` in scope?" on every start tag by walking the stack
//! of open elements, so a page nested 100,000 levels deep costs billions of steps (minutes, not
//! milliseconds), and the extractors walk the tree recursively. Real pages nest a few dozen
//! levels; [`MAX_HTML_DEPTH`] leaves ample room and refuses only hostile or broken input.
//!
//! The scan follows the parser where it matters: void elements (`<br>`, `<img>`), elements whose
//! end tag may be left out (`<p>`, `<li>`, `<td>`), `<a>` (a new one closes the last), self-closing
//! tags (SVG), comments and the raw text of `<script>`, `<style>` and `<textarea>` never nest.

/// Deepest element nesting accepted in an HTML page.
pub const MAX_HTML_DEPTH: usize = 1_000;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements a parser closes by itself when a sibling starts, so unclosed ones do not nest.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
    "caption", "rb", "rt", "rp", "rtc", "html", "head", "body", "a",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// The deepest nesting of elements in `html`, counting up to `limit + 1` at most (the scan stops
/// once the page is known to be too deep).
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += find(&rest[3..], b"-->").map_or(rest.len(), |e| e + 6);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue; // "<!doctype", "<?xml", "< 3": not an element.
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_start + name_len);
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        i = tag_end;
        let nests = !VOID.contains(&name.as_str()) && !SELF_ENDING.contains(&name.as_str());
        if closing {
            if nests {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            let close = format!("</{name}");
            i += find_ignore_case(&bytes[i..], close.as_bytes()).unwrap_or(bytes.len() - i);
        } else if nests && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > limit {
                break;
            }
        }
    }
    deepest
}

/// One past the `>` that ends the tag whose attributes start at `from` (quotes respected), or
/// the end of the text.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_nesting_like_a_parser() {
        let deep = "<div>".repeat(50);
        let rows: &[(&str, usize)] = &[
            ("plain text, no tags", 0),
            ("<html><body><div><p>x</p></div></body></html>", 1),
            ("<div><div><span>x</span></div></div>", 3),
            ("<p>one<p>two<p>three<li>a<li>b", 0),
            ("<div><br><img src=x><hr></div>", 1),
            ("<div><svg><path d='M0>1'/><path/></svg></div>", 2),
            ("<!-- <div><div> --><div></div>", 1),
            ("<script>if (a<b) { '<div><div>' }</script><div>x</div>", 1),
            ("<STYLE>p > a {}</style><DIV><Div>x</div></DIV>", 2),
            ("<a href=1>x<a href=2>y<a>z", 0),
            ("a < 3 and b > 2, <!doctype html>", 0),
            (&deep, 50),
        ];
        for (html, want) in rows {
            assert_eq!(nesting_depth(html, MAX_HTML_DEPTH), *want, "{html}");
        }
    }

    #[test]
    fn stops_counting_past_the_limit() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&deep, 10), 11);
    }
}
