//! HTML pages into extracted lines and metadata. The article is found by `dom_smoothie` (a port of
//! Mozilla's Readability); its content is then walked block by block so paragraphs and subheads stay
//! separate lines, `h1`–`h6` become headings and `figcaption`s are recorded as photo-credit chrome.
//! Metadata comes from meta tags (Open Graph, `article:published_time`, `itemprop`), JSON-LD
//! (`datePublished`, `url`, `publisher`) and `<link rel="canonical">`.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::meta::{domain_of, parse_date};
use super::{Extracted, LineKind, Meta};

/// Elements whose content forms its own line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "figure",
    "form",
    "fieldset",
    "address",
    "details",
    "summary",
    "hr",
    "br",
    "center",
    "caption",
];

/// Elements whose text is never article text.
const SKIP: &[&str] =
    &["script", "style", "noscript", "template", "svg", "button", "select", "iframe", "object"];

/// Extracts the article of an HTML page and fills `meta` (title, byline, outlet, date, URL,
/// language hint). Returns None when the page holds no article text.
pub fn extract(html: &str, meta: &mut Meta) -> Option<Extracted> {
    let doc = Document::from(html);
    let page = page_meta(&doc);
    let cfg = Config { max_elements_to_parse: 200_000, ..Config::default() };
    let mut readability = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = readability.parse().ok();
    let (content, title, byline, site, published, lang) = match &article {
        Some(a) => (
            a.content.to_string(),
            a.title.clone(),
            a.byline.clone(),
            a.site_name.clone(),
            a.published_time.clone(),
            a.lang.clone(),
        ),
        None => return None,
    };
    let mut out = Extracted::default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let content_doc = Document::from(content.as_str());
    let mut lines = Lines::default();
    walk(&content_doc.root(), &mut lines, LineKind::Paragraph);
    lines.flush();
    let starts_with_title = lines.items.iter().take(3).any(|(l, _)| same_text(l, &title));
    if !title.is_empty() && !starts_with_title {
        out.push_line(&title, LineKind::Heading);
    }
    for (line, kind) in &lines.items {
        out.push_line(line, *kind);
    }
    if out.text.trim().is_empty() {
        return None;
    }
    meta.title = title;
    meta.byline = byline.filter(|b| !b.trim().is_empty()).map(|b| clean_byline(&b));
    meta.url = page.canonical.clone();
    meta.published = page.published.or_else(|| published.as_deref().and_then(parse_date));
    meta.outlet = site
        .or(page.publisher)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| page.canonical.as_deref().and_then(domain_of))
        .unwrap_or_default();
    if let Some(lang) = lang {
        meta.language = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    }
    Some(out)
}

/// "By Jane Doe" → "Jane Doe".
fn clean_byline(b: &str) -> String {
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    super::meta::strip_prefix_ci(&b, "by ").unwrap_or(&b).to_string()
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    !b.is_empty() && norm(a) == norm(b)
}

/// Lines collected while walking the article content.
#[derive(Default)]
struct Lines {
    items: Vec<(String, LineKind)>,
    pending: String,
    kind: Option<LineKind>,
}

impl Lines {
    fn flush(&mut self) {
        if !self.pending.trim().is_empty() {
            let kind = self.kind.unwrap_or(LineKind::Paragraph);
            self.items.push((std::mem::take(&mut self.pending), kind));
        }
        self.pending.clear();
        self.kind = None;
    }
}

/// Walks the content tree: text accumulates into the pending line; block elements end it.
fn walk(node: &NodeRef, lines: &mut Lines, kind: LineKind) {
    for child in node.children_it(false) {
        if child.is_text() {
            if lines.pending.is_empty() {
                lines.kind = Some(kind);
            }
            lines.pending.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if SKIP.contains(&name.as_str()) {
            continue;
        }
        let child_kind = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(LineKind::Heading),
            "figcaption" => Some(LineKind::Chrome(super::clean::rule::PHOTO)),
            _ if BLOCKS.contains(&name.as_str()) => Some(kind),
            _ => None,
        };
        match child_kind {
            Some(k) => {
                lines.flush();
                walk(&child, lines, k);
                lines.flush();
            }
            None => walk(&child, lines, kind),
        }
    }
}

/// Metadata read straight from the page head.
#[derive(Default)]
struct PageMeta {
    canonical: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

/// Canonical URL, publication date and publisher from link/meta tags and JSON-LD.
fn page_meta(doc: &Document) -> PageMeta {
    let attr = |sel: &str, name: &str| {
        doc.select(sel).attr(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    };
    let mut out = PageMeta {
        canonical: attr("link[rel=canonical]", "href")
            .or_else(|| attr("meta[property=\"og:url\"]", "content")),
        ..PageMeta::default()
    };
    const DATE_SOURCES: &[(&str, &str)] = &[
        ("meta[property=\"article:published_time\"]", "content"),
        ("meta[name=\"article:published_time\"]", "content"),
        ("meta[property=\"og:published_time\"]", "content"),
        ("meta[itemprop=datePublished]", "content"),
        ("time[itemprop=datePublished]", "datetime"),
        ("meta[name=date]", "content"),
        ("meta[name=pubdate]", "content"),
        ("meta[name=\"publish-date\"]", "content"),
        ("meta[name=\"dc.date\"]", "content"),
    ];
    out.published =
        DATE_SOURCES.iter().find_map(|(sel, name)| attr(sel, name).as_deref().and_then(parse_date));
    for script in doc.select("script[type=\"application/ld+json\"]").iter() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) else { continue };
        if out.published.is_none() {
            out.published =
                find_key(&value, "datePublished", 0).and_then(|v| v.as_str()).and_then(parse_date);
        }
        if out.canonical.is_none() {
            out.canonical = find_key(&value, "url", 0).and_then(|v| v.as_str()).map(str::to_string);
        }
        if out.publisher.is_none() {
            out.publisher = find_key(&value, "publisher", 0)
                .and_then(|p| p.get("name").or(Some(p)))
                .and_then(|n| n.as_str())
                .map(str::to_string);
        }
    }
    out
}

/// The first value under `key` anywhere in a JSON tree (depth-limited against hostile input).
fn find_key<'a>(value: &'a serde_json::Value, key: &str, depth: usize) -> Option<&'a serde_json::Value> {
    if depth > 16 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => {
            map.get(key).or_else(|| map.values().find_map(|v| find_key(v, key, depth + 1)))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}
