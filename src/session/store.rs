//! Autosave, crash recovery and the recent-files list, kept in the user's data folder.
//!
//! The folder is `$PARALLAX_DATA_DIR` if set (tests, portable installs), else the platform's data
//! folder plus `parallax` (`~/.local/share/parallax` on Linux). The window autosaves to
//! `recovery.parallax` while the user works and clears it on a clean exit or a save; a recovery
//! file found at start means the last run ended badly, so the window offers to restore it. On a
//! clean exit the window keeps the work as `last-work.parallax` and opens it again next time.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Session, SessionError};

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "PARALLAX_DATA_DIR";
/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

const RECOVERY_FILE: &str = "recovery.parallax";
const DAMAGED_RECOVERY_FILE: &str = "recovery.damaged.parallax";
const RECENT_FILE: &str = "recent.json";
const LAST_WORK_FILE: &str = "last-work.parallax";

/// The per-user folder that holds the recovery file and the recent-files list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

#[derive(Default, Serialize, Deserialize)]
struct Recent {
    recent: Vec<PathBuf>,
}

impl Store {
    /// A store in `dir` (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The user's store: `$PARALLAX_DATA_DIR`, else the platform data folder + `parallax`;
    /// `None` when the system names no data folder (then autosave and recent files are off).
    pub fn user() -> Option<Store> {
        match std::env::var_os(DATA_DIR_ENV) {
            Some(d) if !d.is_empty() => Some(Store::at(d)),
            _ => dirs::data_dir().map(|d| Store::at(d.join("parallax"))),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the autosaved session lives.
    pub fn recovery_path(&self) -> PathBuf {
        self.dir.join(RECOVERY_FILE)
    }

    fn ensure_dir(&self) -> Result<(), SessionError> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| SessionError::Write { path: self.dir.display().to_string(), reason: e.to_string() })
    }

    /// Saves `session` as the recovery file (atomically, like [`super::save`]).
    pub fn autosave(&self, session: &Session) -> Result<(), SessionError> {
        self.ensure_dir()?;
        super::save(session, &self.recovery_path())
    }

    /// The session left by a run that did not end cleanly, if any. The file stays until
    /// [`Store::clear_recovery`], so a second crash before the user saves still loses nothing.
    /// A damaged recovery file is moved aside to `recovery.damaged.parallax` (kept, not offered
    /// again) and `None` is returned.
    pub fn take_recovery(&self) -> Option<Session> {
        let path = self.recovery_path();
        if !path.exists() {
            return None;
        }
        match super::load(&path) {
            Ok(s) => Some(s),
            Err(_) => {
                // Keep the bytes for a human to look at; a failed rename only means it is offered again.
                let _ = std::fs::rename(&path, self.dir.join(DAMAGED_RECOVERY_FILE));
                None
            }
        }
    }

    /// Removes the recovery file (after a clean exit, a save, or when the user declines to restore).
    pub fn clear_recovery(&self) -> Result<(), SessionError> {
        remove_if_present(&self.recovery_path())
    }

    /// Where the work left open at the last clean exit lives.
    pub fn last_work_path(&self) -> PathBuf {
        self.dir.join(LAST_WORK_FILE)
    }

    /// Keeps `session` as the work to reopen at the next start (atomically).
    pub fn save_last_work(&self, session: &Session) -> Result<(), SessionError> {
        self.ensure_dir()?;
        super::save(session, &self.last_work_path())
    }

    /// The work left open at the last clean exit: `None` when there is none, an error (with the
    /// path, so the user can find the file) when it cannot be read. The file stays where it is.
    pub fn last_work(&self) -> Option<Result<Session, SessionError>> {
        let path = self.last_work_path();
        path.exists().then(|| super::load(&path))
    }

    /// Forgets the last work (the user left the window empty).
    pub fn clear_last_work(&self) -> Result<(), SessionError> {
        remove_if_present(&self.last_work_path())
    }

    /// Recently opened or saved sessions, newest first (at most [`MAX_RECENT`]). A missing or
    /// damaged list reads as empty: it is a convenience, never a reason to stop.
    pub fn recent_files(&self) -> Vec<PathBuf> {
        std::fs::read(self.dir.join(RECENT_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<Recent>(&b).ok())
            .map(|r| r.recent.into_iter().take(MAX_RECENT).collect())
            .unwrap_or_default()
    }

    /// Puts `path` first in the recent list (absolute, no duplicates, at most [`MAX_RECENT`]).
    pub fn add_recent(&self, path: &Path) -> Result<(), SessionError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut list = self.recent_files();
        list.retain(|p| p != &path);
        list.insert(0, path);
        list.truncate(MAX_RECENT);
        self.write_recent(list)
    }

    /// Drops `path` from the recent list (e.g. the file was deleted).
    pub fn remove_recent(&self, path: &Path) -> Result<(), SessionError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut list = self.recent_files();
        list.retain(|p| p != &path);
        self.write_recent(list)
    }

    fn write_recent(&self, recent: Vec<PathBuf>) -> Result<(), SessionError> {
        self.ensure_dir()?;
        let target = self.dir.join(RECENT_FILE);
        let fail = |e: std::io::Error| SessionError::Write {
            path: target.display().to_string(),
            reason: e.to_string(),
        };
        let json = serde_json::to_vec_pretty(&Recent { recent }).map_err(|e| fail(e.into()))?;
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).map_err(fail)?;
        std::io::Write::write_all(&mut temp, &json).map_err(fail)?;
        temp.persist(&target).map_err(|e| fail(e.error))?;
        Ok(())
    }
}

/// The user's recovery file path ([`Store::user`]).
pub fn recovery_path() -> Option<PathBuf> {
    Store::user().map(|s| s.recovery_path())
}

/// Autosaves to the user's store; does nothing when there is none.
pub fn autosave(session: &Session) -> Result<(), SessionError> {
    Store::user().map_or(Ok(()), |s| s.autosave(session))
}

/// The user's pending recovery session ([`Store::take_recovery`]).
pub fn take_recovery() -> Option<Session> {
    Store::user()?.take_recovery()
}

/// Clears the user's recovery file.
pub fn clear_recovery() -> Result<(), SessionError> {
    Store::user().map_or(Ok(()), |s| s.clear_recovery())
}

/// The user's recent files, newest first.
pub fn recent_files() -> Vec<PathBuf> {
    Store::user().map(|s| s.recent_files()).unwrap_or_default()
}

/// Adds to the user's recent files.
pub fn add_recent(path: &Path) -> Result<(), SessionError> {
    Store::user().map_or(Ok(()), |s| s.add_recent(path))
}

/// Deletes `path`; a file that is already gone is not an error.
fn remove_if_present(path: &Path) -> Result<(), SessionError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(SessionError::Write { path: path.display().to_string(), reason: e.to_string() })
        }
        _ => Ok(()),
    }
}
