//! `.parallax` session files: the work a teacher or journalist keeps and opens again.
//!
//! Takes the open articles (with their original input, metadata edits and cleaning choices), the
//! analysis settings, notes and view preferences; gives a versioned JSON file
//! (`{"parallax_session": 1, ...}`) written atomically, and reads it back with messages that say
//! what is wrong and that nothing open was lost.
//!
//! Each article is stored as the whole [`Article`] (original input, extracted text, cleaned body,
//! sentences, removals with their `restored` flags, metadata). Ingest has no way to rebuild an
//! article from its original plus the user's cleaning choices, and re-running a newer cleaner would
//! move sentence numbers under saved notes; storing the article keeps a session exactly as it was.
//! Loading checks every span and re-splits an article whose sentences do not fit its body.
//!
//! The file, abridged:
//!
//! ```json
//! { "parallax_session": 1,
//!   "articles": [ { "article": { "meta": {...}, "original": "...", "extracted": "...", "body": "...",
//!                                "sentences": [...], "headings": [...], "removed": [...], "warnings": [] },
//!                   "colour": [200, 30, 90] } ],
//!   "settings": { "threshold": 0.35, ... },
//!   "notes": [ { "target": { "kind": "claim", "sentences": [{"article": 0, "sentence": 2}], "label": "..." },
//!                "text": "Ask: why 'claimed'?", "created": 1795331640 } ],
//!   "blind": true }
//! ```
//!
//! Also here: [`notes`] (notes on claims and sentences) and [`store`] (autosave, crash recovery
//! and the recent-files list in the user's data folder).

pub mod notes;
pub mod store;

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use notes::{Note, NoteTarget};
pub use store::{Store, add_recent, autosave, clear_recovery, recent_files, recovery_path, take_recovery};

use crate::analysis::Settings;
use crate::ingest::Article;

/// The session format version this build writes and the newest it reads.
pub const SESSION_VERSION: u32 = 1;
/// File extension of session files, without the dot.
pub const EXTENSION: &str = "parallax";
/// Largest session file read, in bytes (articles are capped at 10 MB each; sessions hold three
/// texts per article). Bigger files are refused with a message.
pub const MAX_SESSION_BYTES: u64 = 256 * 1024 * 1024;

/// One article of a session with what only the window knows about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionArticle {
    /// The article: original input, metadata (with the user's edits), cleaned text, removals.
    pub article: Article,
    /// The colour the user picked for its column (sRGB), if any.
    #[serde(default)]
    pub colour: Option<[u8; 3]>,
}

/// Everything a `.parallax` file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Format version ([`SESSION_VERSION`] when written by this build).
    #[serde(rename = "parallax_session")]
    pub version: u32,
    /// The articles, in column order.
    #[serde(default)]
    pub articles: Vec<SessionArticle>,
    /// Analysis settings (threshold, language ...).
    #[serde(default)]
    pub settings: Settings,
    /// Notes on claims and sentences.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Blind mode: outlets shown as Source A, B, C ...
    #[serde(default)]
    pub blind: bool,
    /// The `.parallax` file this work was last opened from or saved to. Only the window's
    /// autosave and last-work files carry it (so restored work saves back to its file); files
    /// the user saves leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<std::path::PathBuf>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            version: SESSION_VERSION,
            articles: Vec::new(),
            settings: Settings::default(),
            notes: Vec::new(),
            blind: false,
            origin: None,
        }
    }
}

impl Session {
    /// A session of `articles` (no colours) with `settings`, `notes` and the blind preference.
    pub fn from_articles(articles: &[Article], settings: &Settings, notes: &[Note], blind: bool) -> Session {
        Session {
            version: SESSION_VERSION,
            articles: articles.iter().map(|a| SessionArticle { article: a.clone(), colour: None }).collect(),
            settings: settings.clone(),
            notes: notes.to_vec(),
            blind,
            origin: None,
        }
    }

    /// The articles, ready for [`crate::analyze`].
    pub fn articles(&self) -> Vec<Article> {
        self.articles.iter().map(|a| a.article.clone()).collect()
    }

    /// The session as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and vectors always serialises.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a session from JSON bytes; `path` is only used in messages.
    pub fn from_json(bytes: &[u8], path: &Path) -> Result<Session, SessionError> {
        #[derive(Deserialize)]
        struct Probe {
            parallax_session: Option<serde_json::Value>,
        }
        let shown = path.display().to_string();
        let damaged = |e: serde_json::Error| SessionError::Damaged {
            path: shown.clone(),
            line: e.line(),
            column: e.column(),
            reason: reason_of(&e),
        };
        let probe: Probe = serde_json::from_slice(bytes).map_err(damaged)?;
        match probe.parallax_session.as_ref().and_then(serde_json::Value::as_u64) {
            None => return Err(SessionError::NotASession { path: shown }),
            Some(v) if v > u64::from(SESSION_VERSION) => {
                return Err(SessionError::TooNew { path: shown, version: v });
            }
            Some(_) => {}
        }
        let mut session: Session = serde_json::from_slice(bytes).map_err(damaged)?;
        for a in &mut session.articles {
            repair(&mut a.article);
        }
        Ok(session)
    }
}

/// serde_json's message without its trailing " at line X column Y" (we say that ourselves).
fn reason_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Re-splits an article whose sentence or heading spans do not fit its body (a hand-edited file),
/// so highlights never point at the wrong text.
fn repair(article: &mut Article) {
    let fits = |s: crate::span::Span| s.start <= s.end && article.body.get(s.start..s.end).is_some();
    let sentences_fit = article.sentences.iter().all(|s| fits(s.span));
    let headings_fit = article.headings.iter().all(|&h| fits(h));
    if !sentences_fit || !headings_fit {
        let headings: Vec<_> = article.headings.iter().copied().filter(|&h| fits(h)).collect();
        let rebuilt = Article::from_body(article.meta.clone(), article.body.clone(), headings);
        article.sentences = rebuilt.sentences;
        article.headings = rebuilt.headings;
    }
    let extracted = article.extracted.clone();
    article.removed.retain(|r| extracted.get(r.span.start..r.span.end).is_some());
}

/// Why a session could not be saved or opened. Messages say what failed and what to do, path last.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file is not JSON, or not the shape of a session.
    #[error(
        "the file is not a Parallax session or is damaged (line {line} column {column}: {reason}); your open work is unchanged: {path}"
    )]
    Damaged {
        /// The path.
        path: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        reason: String,
    },
    /// Valid JSON without a `parallax_session` version.
    #[error(
        "the file is JSON but not a Parallax session (it has no \"parallax_session\" version); your open work is unchanged: {path}"
    )]
    NotASession {
        /// The path.
        path: String,
    },
    /// Written by a newer Parallax.
    #[error(
        "the file was saved by a newer Parallax (format {version}; this one reads up to {SESSION_VERSION}); update Parallax to open it. Your open work is unchanged: {path}"
    )]
    TooNew {
        /// The path.
        path: String,
        /// The version in the file.
        version: u64,
    },
    /// The file could not be read.
    #[error("could not read the session ({reason}); check that it exists and you may open it: {path}")]
    Unreadable {
        /// The path.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// The file is larger than [`MAX_SESSION_BYTES`].
    #[error(
        "the file is {size_mb:.1} MB, over the {limit_mb} MB limit for sessions; it is probably not a Parallax session: {path}"
    )]
    TooLarge {
        /// The path.
        path: String,
        /// Its size in MB.
        size_mb: f64,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// Writing failed; the previous file, if any, is untouched.
    #[error(
        "could not save the session ({reason}); the previous file is unchanged. Free some disk space or choose another folder: {path}"
    )]
    Write {
        /// The path.
        path: String,
        /// The OS error.
        reason: String,
    },
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let shown = path.display().to_string();
    let unreadable =
        |e: std::io::Error| SessionError::Unreadable { path: shown.clone(), reason: e.to_string() };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge {
            path: shown,
            size_mb: size as f64 / 1_048_576.0,
            limit_mb: MAX_SESSION_BYTES / 1_048_576,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    Session::from_json(&bytes, path)
}

/// Saves a session atomically: a kill or a full disk during the save leaves the previous file whole.
///
/// Writes a temp file in the same folder, flushes it to disk, renames it over `path` (atomic on
/// one file system) and flushes the folder so the rename itself survives a power cut.
pub fn save(session: &Session, path: &Path) -> Result<(), SessionError> {
    save_with(session, path, || Ok(()))
}

/// [`save`] with a hook run between writing the temp file and renaming it (tests inject failures).
fn save_with(
    session: &Session,
    path: &Path,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), SessionError> {
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| SessionError::Write { path: shown.clone(), reason: e.to_string() };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(session.to_json().as_bytes()).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    before_rename().map_err(fail)?;
    // On any error above, dropping `temp` deletes it; the target was never touched.
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_dir(dir);
    remove_stale_temps(dir, &name);
    Ok(())
}

/// A temp file this old is left from a save that was killed, not one still being written.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Deletes temp files of earlier saves of `name` that were killed before their rename, so they
/// do not pile up beside the user's session. Best effort: a file that cannot be removed stays.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if file.starts_with(&prefix) && file.ends_with(".tmp") && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Flushes a folder's entries (the rename) to disk. Only Unix can open folders for this; elsewhere
/// the rename is as durable as the OS makes it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // A failed folder sync loses no data already renamed; nothing useful to tell the user.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session_with(title: &str) -> Session {
        let a = crate::ingest::from_text(&format!("{title}\n\nThe council met on Monday."), "a.txt")
            .unwrap_or_default();
        Session::from_articles(&[a], &Settings::default(), &[], false)
    }

    #[test]
    fn failure_before_rename_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lesson.parallax");
        save(&session_with("Old"), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err =
            save_with(&session_with("New"), &path, || Err(std::io::Error::other("killed"))).unwrap_err();
        assert!(err.to_string().contains("previous file is unchanged"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "old file untouched");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "temp file removed: {names:?}");
    }

    #[test]
    fn temps_of_killed_saves_are_cleaned_up_later() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lesson.parallax");
        let stale = dir.path().join(".lesson.parallax.abc123.tmp");
        let fresh = dir.path().join(".lesson.parallax.def456.tmp");
        let other = dir.path().join(".other.parallax.xyz.tmp");
        let long_ago = std::time::SystemTime::now() - STALE_TEMP * 2;
        for p in [&stale, &fresh, &other] {
            std::fs::write(p, b"half a session").unwrap();
        }
        for p in [&stale, &other] {
            std::fs::File::options().write(true).open(p).unwrap().set_modified(long_ago).unwrap();
        }
        save(&session_with("Title"), &path).unwrap();
        assert!(!stale.exists(), "stale temp of this file removed");
        assert!(fresh.exists(), "a temp that may still be written is kept");
        assert!(other.exists(), "other files' temps are not ours to remove");
    }

    #[test]
    fn bad_spans_are_repaired_on_load() {
        let mut s = session_with("Title");
        s.articles[0].article.sentences[0].span = crate::span::Span::new(3, 9999);
        let back = Session::from_json(s.to_json().as_bytes(), Path::new("x")).unwrap();
        let a = &back.articles[0].article;
        assert!(a.sentences.iter().all(|x| a.body.get(x.span.start..x.span.end).is_some()));
        assert!(!a.sentences.is_empty());
    }
}
