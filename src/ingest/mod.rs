//! Turns what a user brings (files, pasted text or HTML, URLs) into cleaned [`Article`]s.
//!
//! Takes bytes, a path, a pasted string or a URL; gives an `Article` whose `body` is the article and
//! only the article. The stages:
//!
//! 1. [`sniff`]: refuse binary input by its magic numbers (images, PDF, archives, executables).
//! 2. [`encoding`]: BOM, then a declared charset (HTML meta, XML declaration, HTTP header), then
//!    statistical detection; the name lands in [`Meta::encoding`].
//! 3. [`html`] (Readability via `dom_smoothie`, plus meta tags and JSON-LD) or [`plain`] (text and
//!    Markdown) produce the *extracted* text: one paragraph or subhead per line. A page nested
//!    deeper than [`depth::MAX_HTML_DEPTH`] is refused first (it would take minutes to parse).
//! 4. [`clean`] drops site chrome and near-duplicate paragraphs, turning bylines and datelines into
//!    metadata. Every removal is a [`Removal`] (span into `extracted`, rule name) that the user may
//!    undo with [`Article::set_restored`]; `body`, `headings` and `sentences` are then rebuilt.
//!
//! Title: for plain text the first line that survives cleaning is the headline. It stays in the body
//! as a heading (so it is shown, never counted as a claim) and is copied into [`Meta::title`]. For
//! HTML the page title becomes the first, heading line of the body unless the article already
//! starts with it.

mod article;
pub mod chrome;
pub mod clean;
mod dedup;
pub mod depth;
pub mod encoding;
mod error;
pub mod html;
pub mod meta;
pub mod plain;
pub mod sniff;
pub mod url;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::sentences::Sentence;

pub use error::IngestError;
pub use url::{FetchOptions, fetch_url, load_url};

/// Largest input accepted, in bytes. Bigger files are refused with a message, never truncated silently.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Where an article came from and what is known about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The path or URL as the user gave it, if any.
    pub path: Option<String>,
    /// Headline.
    pub title: String,
    /// Outlet name (site name, domain, or what the user typed).
    pub outlet: String,
    /// Publication date as ISO `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Canonical URL, if known.
    pub url: Option<String>,
    /// Byline (author names), if known.
    pub byline: Option<String>,
    /// ISO 639-1 language code of the body ("en"); empty until detected.
    pub language: String,
    /// Character encoding the bytes were decoded from ("UTF-8", "windows-1252", ...).
    pub encoding: String,
    /// What kind of input this was.
    pub format: SourceFormat,
}

/// The kind of input an article came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text file or pasted text.
    #[default]
    Text,
    /// Markdown file.
    Markdown,
    /// HTML page (file, paste or URL).
    Html,
}

/// One piece of text that cleaning removed from the extracted text, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    /// Span into [`Article::extracted`].
    pub span: Span,
    /// The rule that removed it, e.g. "photo credit", "read-also link", "duplicate paragraph".
    pub rule: String,
    /// True once the user asked to put it back.
    pub restored: bool,
}

/// A cleaned article, ready for analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Metadata.
    pub meta: Meta,
    /// The decoded input exactly as received (HTML source for pages).
    pub original: String,
    /// The article text before cleaning (for HTML: the extracted text); removals point into it.
    pub extracted: String,
    /// Subheads as spans into `extracted`; `headings` is derived from them on every rebuild.
    pub extracted_headings: Vec<Span>,
    /// The cleaned text analysis sees. Sentence spans point into it.
    pub body: String,
    /// Sentences of `body`, in order.
    pub sentences: Vec<Sentence>,
    /// Spans in `body` that are subheads: shown, but not treated as claims.
    pub headings: Vec<Span>,
    /// What cleaning removed from `extracted`, in text order.
    pub removed: Vec<Removal>,
    /// Non-fatal problems worth telling the user about.
    pub warnings: Vec<String>,
}

/// Loads one article from a file path (`.txt`, `.md`, `.html`, `.htm`; HTML is also recognised by
/// its content). The size is checked before reading, so a huge file is refused at once.
pub fn load_path(path: &Path) -> Result<Article, IngestError> {
    let shown = path.display().to_string();
    let unreadable =
        |e: std::io::Error| IngestError::Unreadable { path: shown.clone(), reason: e.to_string() };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(IngestError::Unreadable { path: shown, reason: "it is a folder, not a file".into() });
    }
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(IngestError::too_large(&shown, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    from_bytes(&bytes, &shown)
}

/// Builds an article from raw bytes; `name` is the path or a label used in messages and to guess
/// the format.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Article, IngestError> {
    from_bytes_with_charset(bytes, name, None)
}

/// Like [`from_bytes`], with a charset declared outside the bytes (an HTTP `Content-Type`).
pub fn from_bytes_with_charset(
    bytes: &[u8],
    name: &str,
    declared: Option<&str>,
) -> Result<Article, IngestError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestError::too_large(name, bytes.len() as u64));
    }
    sniff::refuse_binary(bytes, name)?;
    let decoded = encoding::decode(bytes, declared);
    let mut article = from_decoded(&decoded.text, name)?;
    article.meta.encoding = decoded.encoding.to_string();
    Ok(article)
}

/// Builds an article from text a file held; HTML is recognised by the name or the content.
pub fn from_text(text: &str, name: &str) -> Result<Article, IngestError> {
    let mut article = from_decoded(text, name)?;
    article.meta.encoding = "UTF-8".into();
    Ok(article)
}

/// Builds an article from text the user pasted into the window: plain text, Markdown-ish text or
/// HTML (sniffed). `name` labels it in messages ("pasted text 2"); the outlet starts empty for the
/// user to fill in unless the page names its site.
pub fn from_paste(text: &str, name: &str) -> Result<Article, IngestError> {
    let mut article = from_text(text, name)?;
    article.meta.path = None;
    if article.meta.outlet == outlet_from_name(name) {
        article.meta.outlet.clear();
    }
    Ok(article)
}

/// Dispatches decoded text to the HTML or plain-text extractor and cleans the result.
fn from_decoded(text: &str, name: &str) -> Result<Article, IngestError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(IngestError::too_large(name, text.len() as u64));
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: name.to_string() });
    }
    let ext = extension(name);
    let is_html = matches!(ext.as_str(), "html" | "htm" | "xhtml") || sniff::looks_like_html(text);
    let mut meta = Meta { path: Some(name.to_string()), encoding: "UTF-8".into(), ..Meta::default() };
    let extracted = if is_html {
        if depth::nesting_depth(text, depth::MAX_HTML_DEPTH) > depth::MAX_HTML_DEPTH {
            return Err(IngestError::TooDeep { path: name.to_string(), limit: depth::MAX_HTML_DEPTH });
        }
        meta.format = SourceFormat::Html;
        html::extract(text, &mut meta).ok_or_else(|| IngestError::NoArticle { path: name.to_string() })?
    } else if ext == "md" || ext == "markdown" {
        meta.format = SourceFormat::Markdown;
        plain::from_markdown(text)
    } else {
        plain::from_plain(text)
    };
    let article = article::finish(meta, text, extracted, name);
    if !has_article_text(&article) {
        return Err(IngestError::NoArticle { path: name.to_string() });
    }
    Ok(article)
}

/// True when at least one sentence that is not a heading has four or more words: a page of menu
/// words and headlines alone is not an article.
fn has_article_text(article: &Article) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    article.sentences.iter().any(|s| !s.heading && s.span.of(&article.body).unicode_words().nth(3).is_some())
}

/// Lower-case extension of a path or URL ("" if none).
fn extension(name: &str) -> String {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// A readable outlet guess from a file name: "bbc_news.txt" → "Bbc News".
pub fn outlet_from_name(name: &str) -> String {
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    // "global-courier" reads as "Global Courier" in a column header; words already capitalised stay.
    stem.split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text and heading lines produced by an extractor, before cleaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// One paragraph or subhead per line.
    pub text: String,
    /// Subhead lines, as spans into `text`.
    pub headings: Vec<Span>,
    /// Lines the extractor already knows are not article text (figure captions), with the rule name.
    pub known_chrome: Vec<(Span, &'static str)>,
}

impl Extracted {
    /// Appends one line of the given kind (whitespace collapsed; empty lines are skipped).
    pub fn push_line(&mut self, line: &str, kind: LineKind) {
        let mut collapsed = String::with_capacity(line.len());
        for word in line.split_whitespace() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
        if collapsed.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(&collapsed);
        let span = Span::new(start, self.text.len());
        match kind {
            LineKind::Paragraph => {}
            LineKind::Heading => self.headings.push(span),
            LineKind::Chrome(rule) => self.known_chrome.push((span, rule)),
        }
    }
}

/// What an extracted line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Article text.
    Paragraph,
    /// A headline or subhead.
    Heading,
    /// Known non-article text, removed under the named rule (still restorable).
    Chrome(&'static str),
}
