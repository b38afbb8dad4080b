//! Turns what a user brings (files, pasted text or HTML, URLs) into cleaned [`Article`]s.
//!
//! Takes bytes or a path; gives an `Article` whose `body` is the article and only the article,
//! with every removal recorded so it can be shown and undone, and its sentences split
//! (spans into `body`). Bad input yields an [`IngestError`] that names the file and says what to do.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::sentences::{self, Sentence};

/// Largest input accepted, in bytes. Bigger files are refused with a message, never truncated silently.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Where an article came from and what is known about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
pub struct Article {
    /// Metadata.
    pub meta: Meta,
    /// The decoded input exactly as received (HTML source for pages).
    pub original: String,
    /// The article text before cleaning (for HTML: the extracted text); removals point into it.
    pub extracted: String,
    /// The cleaned text analysis sees. Sentence spans point into it.
    pub body: String,
    /// Sentences of `body`, in order.
    pub sentences: Vec<Sentence>,
    /// Spans in `body` that are subheads: shown, but not treated as claims.
    pub headings: Vec<Span>,
    /// What cleaning removed from `extracted`.
    pub removed: Vec<Removal>,
    /// Non-fatal problems worth telling the user about.
    pub warnings: Vec<String>,
}

impl Article {
    /// Builds an article from an already clean body: splits sentences and marks headings.
    pub fn from_body(meta: Meta, body: String, headings: Vec<Span>) -> Article {
        let sentences = sentences::split_with_headings(&body, &headings);
        Article {
            meta,
            original: body.clone(),
            extracted: body.clone(),
            body,
            sentences,
            headings,
            removed: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The text of sentence `i`, or "" if there is no such sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).map(|s| s.span.of(&self.body)).unwrap_or("")
    }

    /// Number of words in the body (Unicode words).
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.body.unicode_words().count()
    }
}

/// Why an input could not become an article. Each message says what failed and what to do, path last.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("could not read the file ({reason}); check that it exists and you may open it: {path}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// The input had no bytes or only white space.
    #[error("the file is empty; save the article text into it and load it again: {path}")]
    Empty {
        /// The path or name.
        path: String,
    },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error(
        "the file is {size_mb:.1} MB, over the {limit_mb} MB limit; save only the article page or paste its text: {path}"
    )]
    TooLarge {
        /// The path or name.
        path: String,
        /// Its size in MB.
        size_mb: f64,
        /// The limit in MB.
        limit_mb: usize,
    },
    /// The input is not text (an image, archive, executable ...).
    #[error("this is {what}, not an article; load a saved web page (.html) or a text file instead: {path}")]
    Binary {
        /// The path or name.
        path: String,
        /// What it looks like ("an image", "a PDF document", "binary data").
        what: String,
    },
    /// Text was found but no article text in it.
    #[error(
        "no article text was found in it; open the page in a browser, copy the article and paste it instead: {path}"
    )]
    NoArticle {
        /// The path or name.
        path: String,
    },
    /// Fetching a URL failed.
    #[error(
        "could not fetch the page ({reason}); check the address and your connection, or save the page and load the file: {url}"
    )]
    Fetch {
        /// The URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
}

/// Loads one article from a file path (`.txt`, `.md`, `.html`, `.htm`).
pub fn load_path(path: &Path) -> Result<Article, IngestError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| IngestError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    if meta.len() as usize > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            path: shown,
            size_mb: meta.len() as f64 / 1_048_576.0,
            limit_mb: MAX_INPUT_BYTES / 1_048_576,
        });
    }
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    from_bytes(&bytes, &shown)
}

/// Builds an article from raw bytes; `name` is the path or a label used in messages and to guess the format.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Article, IngestError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            path: name.to_string(),
            size_mb: bytes.len() as f64 / 1_048_576.0,
            limit_mb: MAX_INPUT_BYTES / 1_048_576,
        });
    }
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).into_owned();
    let mut article = from_text(&text, name)?;
    article.meta.encoding = "UTF-8".into();
    Ok(article)
}

/// Builds an article from text a user pasted or a file held; the first line is the title.
pub fn from_text(text: &str, name: &str) -> Result<Article, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: name.to_string() });
    }
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or("").trim().to_string();
    let body = text.trim().to_string();
    let title_span = Span::new(0, title.len().min(body.len()));
    let meta = Meta {
        path: Some(name.to_string()),
        title,
        outlet: outlet_from_name(name),
        encoding: "UTF-8".into(),
        ..Meta::default()
    };
    let mut article = Article::from_body(meta, body, vec![title_span]);
    article.original = text.to_string();
    Ok(article)
}

/// A readable outlet guess from a file name: "bbc_news.txt" → "bbc news".
pub fn outlet_from_name(name: &str) -> String {
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    stem.replace(['_', '-'], " ")
}

/// Fetches and ingests an article from an http(s) URL.
pub fn load_url(url: &str) -> Result<Article, IngestError> {
    Err(IngestError::Fetch { url: url.to_string(), reason: "fetching URLs is not built yet".into() })
}
