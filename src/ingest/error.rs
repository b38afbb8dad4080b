//! Why an input could not become an article. Each message says what failed and what to do, path last.

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
    /// The input is larger than [`super::MAX_INPUT_BYTES`].
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
    /// An HTML page nested deeper than [`super::depth::MAX_HTML_DEPTH`] elements: hostile or broken,
    /// and too slow to parse.
    #[error(
        "the page nests its elements more than {limit} levels deep, which no real article page does; open it in a browser, copy the article and paste it instead: {path}"
    )]
    TooDeep {
        /// The path or name.
        path: String,
        /// The limit.
        limit: usize,
    },
    /// The input is not text (an image, archive, executable ...).
    #[error("this is {what}, not an article; load a saved web page (.html) or a text file instead: {path}")]
    Binary {
        /// The path or name.
        path: String,
        /// What it looks like ("an image", "a ZIP archive", "binary data").
        what: String,
    },
    /// A document format that may hold an article but cannot be read yet (PDF, Word).
    #[error(
        "{what} files are not supported yet; open it, select the article text, copy it and paste it into Parallax: {path}"
    )]
    Unsupported {
        /// The path or name.
        path: String,
        /// The format ("PDF", "Word").
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
    /// The user cancelled a download.
    #[error("the download was cancelled; load the address again to retry: {url}")]
    Cancelled {
        /// The URL.
        url: String,
    },
}

impl IngestError {
    /// The "too large" error for `size` bytes against [`super::MAX_INPUT_BYTES`].
    pub(crate) fn too_large(path: &str, size: u64) -> IngestError {
        IngestError::too_large_for(path, size, super::MAX_INPUT_BYTES)
    }

    /// The "too large" error for `size` bytes against a limit of `limit` bytes.
    pub(crate) fn too_large_for(path: &str, size: u64, limit: usize) -> IngestError {
        IngestError::TooLarge {
            path: path.to_string(),
            size_mb: size as f64 / 1_048_576.0,
            limit_mb: limit.div_ceil(1_048_576),
        }
    }
}
