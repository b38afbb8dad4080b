//! Fetching articles from http(s) URLs with `ureq`: a global timeout, a size cap checked both
//! against `Content-Length` and while reading, a few redirects at most, a browser-like user agent,
//! progress reports and cancellation between chunks (for the window's progress bar).

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ureq::ResponseExt;

use super::{Article, IngestError, MAX_INPUT_BYTES, SourceFormat};

/// Sent as `User-Agent`: some news sites refuse requests without a browser-like one.
pub const USER_AGENT: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Parallax/0.1 (news comparison)";

/// How a fetch may behave.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchOptions {
    /// Whole-request limit: connect, redirects and body together.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions { timeout: Duration::from_secs(20), max_bytes: MAX_INPUT_BYTES, max_redirects: 5 }
    }
}

/// Fetches and ingests an article from an http(s) URL with the default options.
pub fn load_url(url: &str) -> Result<Article, IngestError> {
    fetch_url(url, &FetchOptions::default(), &|_| {}, &AtomicBool::new(false))
}

/// Fetches and ingests an article. `progress` is called with the bytes received so far after every
/// chunk; setting `cancel` stops the download at the next chunk with [`IngestError::Cancelled`].
/// (A connect that hangs is bounded by `options.timeout`, not by `cancel`.)
pub fn fetch_url(
    url: &str,
    options: &FetchOptions,
    progress: &dyn Fn(u64),
    cancel: &AtomicBool,
) -> Result<Article, IngestError> {
    let url = url.trim();
    let fail = |reason: String| IngestError::Fetch { url: url.to_string(), reason };
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(fail("only http:// and https:// addresses can be fetched".into()));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        .call()
        .map_err(|e| fail(describe(&e, options)))?;
    let status = response.status();
    if !status.is_success() {
        let reason = match status.as_u16() {
            404 | 410 => format!("the page was not found (HTTP {})", status.as_u16()),
            401 | 403 => format!("the site refused access (HTTP {}); it may need a login", status.as_u16()),
            code => format!("the server answered HTTP {code}"),
        };
        return Err(fail(reason));
    }
    let final_url = response.get_uri().to_string();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type").unwrap_or_default();
    let declared =
        content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(str::to_string);
    if let Some(len) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok())
        && len > options.max_bytes as u64
    {
        return Err(IngestError::too_large_for(url, len, options.max_bytes));
    }
    let mut reader = response.body_mut().with_config().limit(options.max_bytes as u64 + 1).reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(IngestError::Cancelled { url: url.to_string() });
        }
        let n = match reader.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(url, &e, options)),
        };
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        progress(bytes.len() as u64);
        if bytes.len() > options.max_bytes {
            return Err(IngestError::too_large_for(url, bytes.len() as u64, options.max_bytes));
        }
    }
    let name = if content_type.contains("html") { with_html_hint(&final_url) } else { final_url.clone() };
    let mut article = super::from_bytes_with_charset(&bytes, &name, declared.as_deref())?;
    article.meta.path = Some(url.to_string());
    if article.meta.url.is_none() {
        article.meta.url = Some(final_url.clone());
    }
    let outlet_unknown = article.meta.format != SourceFormat::Html
        || article.meta.outlet.is_empty()
        || article.meta.outlet == super::outlet_from_name(&name);
    if outlet_unknown && let Some(domain) = article.meta.url.as_deref().and_then(super::meta::domain_of) {
        article.meta.outlet = domain;
    }
    Ok(article)
}

/// A name that makes the HTML extractor run even when the URL has no `.html` ending.
fn with_html_hint(url: &str) -> String {
    format!("{url}#.html")
}

/// A sentence a user can act on, for a request that failed before any answer.
fn describe(e: &ureq::Error, options: &FetchOptions) -> String {
    match e {
        ureq::Error::HostNotFound => "the site's name could not be looked up; are you offline?".into(),
        ureq::Error::ConnectionFailed => {
            "the connection was refused or failed; is the site up, are you online?".into()
        }
        ureq::Error::Timeout(_) => format!("no complete answer within {} s", options.timeout.as_secs()),
        ureq::Error::TooManyRedirects => format!("more than {} redirects", options.max_redirects),
        ureq::Error::BadUri(u) => format!("the address is not valid ({u})"),
        ureq::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    }
}

fn io_reason(io: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match io.kind() {
        ConnectionRefused => "the connection was refused; is the site up, are you online?".into(),
        TimedOut => "the site did not answer in time".into(),
        NetworkUnreachable | HostUnreachable => "the network is unreachable; are you offline?".into(),
        _ => io.to_string(),
    }
}

fn read_error(url: &str, e: &std::io::Error, options: &FetchOptions) -> IngestError {
    let text = e.to_string();
    if text.contains("limit") {
        return IngestError::too_large_for(url, options.max_bytes as u64 + 1, options.max_bytes);
    }
    let reason = if text.to_lowercase().contains("timeout") || e.kind() == std::io::ErrorKind::TimedOut {
        format!("no complete answer within {} s", options.timeout.as_secs())
    } else {
        io_reason(e)
    };
    IngestError::Fetch { url: url.to_string(), reason }
}
