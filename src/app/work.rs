//! The work as a whole: saving and opening `.parallax` sessions, New, replacing the work with a
//! sample set or another session (the unsaved work it replaces can be brought back), autosave,
//! crash recovery, the last work kept at a clean exit, the recent-files list and the window title.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::App;
use super::palette;
use super::state::{Level, NoticeButton, Notification, RecoveryOffer};
use crate::session::{self, Session, SessionError};

impl App {
    /// The work as a session: articles, colours, settings, notes, blind mode and its file.
    pub fn session(&self) -> Session {
        let mut s =
            Session::from_articles(&self.articles, &self.settings(), &self.view.notes, self.view.prefs.blind);
        for (a, colour) in s.articles.iter_mut().zip(&self.view.colours) {
            a.colour = Some(*colour);
        }
        s.origin.clone_from(&self.view.session_path);
        s
    }

    /// The title of the window: the session file (or sample set) and • when there are unsaved
    /// changes. In blind mode a file name that names an outlet is redacted like everything else.
    pub fn window_title(&self) -> String {
        let name = match (&self.view.session_path, &self.view.set_name) {
            (Some(p), _) => file_name(p),
            (None, Some(set)) => format!("{set} (sample set)"),
            (None, None) if self.articles.is_empty() => "New set".to_string(),
            (None, None) => "Untitled".to_string(),
        };
        let name = self.view.redact(&name).into_owned();
        let dirty = if self.view.dirty { " •" } else { "" };
        format!("{name}{dirty} — Parallax")
    }

    /// Marks the work changed: the title shows • and an autosave is scheduled.
    pub(super) fn touch(&mut self) {
        self.view.dirty = true;
        if let Some(a) = &mut self.autosave {
            a.changed(Instant::now());
        }
    }

    /// Writes the recovery file when an autosave is due, reports a failed one, and asks for a
    /// repaint when the next one will be due (the window may be idle by then).
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context, now: Instant) {
        let Some(a) = &self.autosave else { return };
        if let Some(message) = a.failure() {
            self.notify(
                Level::Error,
                format!("Autosave failed ({message}). Your work is still open: save it with Ctrl+S."),
            );
        }
        // While the recovery prompt is up, the file it offers must not be overwritten.
        if self.recovery.is_some() {
            return;
        }
        if self.autosave.as_ref().is_some_and(|a| a.is_due(now)) {
            let worth = self.view.dirty && !(self.articles.is_empty() && self.view.notes.is_empty());
            let session = worth.then(|| self.session());
            if let Some(a) = &mut self.autosave {
                match session {
                    Some(s) => a.write(s, now),
                    None => a.clear_schedule(),
                }
            }
        }
        if let Some(wait) = self.autosave.as_ref().and_then(|a| a.wake_in(now)) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Writes the recovery file now and waits for it (tests; the window autosaves on its own).
    pub fn autosave_now(&mut self) {
        let session = self.session();
        if let Some(a) = &mut self.autosave {
            a.write(session, Instant::now());
            a.flush(std::time::Duration::from_secs(30));
        }
    }

    /// Waits until the autosave writes and clears sent so far are done (tests).
    pub fn wait_autosave(&self) {
        if let Some(a) = &self.autosave {
            a.flush(std::time::Duration::from_secs(30));
        }
    }

    /// Saves the session to `path` and keeps working on that file; the recovery file is cleared.
    pub(super) fn save_session(&mut self, path: PathBuf) {
        let path = with_extension(path);
        let mut s = self.session();
        s.origin = None;
        match session::save(&s, &path) {
            Ok(()) => {
                self.view.session_path = Some(path.clone());
                self.view.set_name = None;
                self.view.dirty = false;
                if let Some(a) = &mut self.autosave {
                    a.clear();
                }
                self.add_recent(&path);
            }
            Err(e) => self.notify(Level::Error, capitalise(&e.to_string())),
        }
    }

    /// Opens a session file. On failure the work stays as it is and a notification says why; a
    /// recent file that has gone is dropped from the list.
    pub(super) fn open_session(&mut self, path: &Path) {
        match session::load(path) {
            Ok(s) => {
                self.replace_work(s, Some(path.to_path_buf()), false);
                self.add_recent(path);
            }
            Err(e) => {
                let gone = matches!(e, SessionError::Unreadable { .. }) && !path.exists();
                let mut text = capitalise(&e.to_string());
                if gone && self.view.recent.iter().any(|p| same_file(p, path)) {
                    if let Some(store) = &self.store {
                        let _ = store.remove_recent(path);
                        self.view.recent = store.recent_files();
                    }
                    text = format!(
                        "“{}” is no longer there (moved or deleted); it was removed from Recent sessions. Use File → Open session… to find it: {}",
                        file_name(path),
                        path.display()
                    );
                }
                self.notify(Level::Error, text);
            }
        }
    }

    /// Replaces the work with `s`. `from` is the file it was opened from (not dirty then);
    /// `dirty` marks work that is in no file. Unsaved work it replaces can be brought back.
    pub(super) fn replace_work(&mut self, s: Session, from: Option<PathBuf>, dirty: bool) {
        self.keep_previous();
        let mut colours = Vec::with_capacity(s.articles.len());
        let mut articles = Vec::with_capacity(s.articles.len());
        for (i, a) in s.articles.into_iter().enumerate() {
            colours.push(a.colour.unwrap_or_else(|| palette::article_colour(i)));
            articles.push(a.article);
        }
        self.articles = articles;
        self.view.colours = colours;
        self.view.notes = s.notes;
        self.view.prefs.threshold = s.settings.threshold;
        self.settings = s.settings;
        self.view.prefs.blind = s.blind;
        self.view.session_path = from;
        self.view.set_name = None;
        self.view.dirty = dirty;
        self.clear_selection();
        // The marks are rebuilt when the new analysis arrives; the old one shows other articles.
        self.view.index.notes_of.clear();
        self.reanalyse();
        if dirty {
            self.touch();
        }
    }

    /// Forgets the selection and what was being written about it.
    pub(super) fn clear_selection(&mut self) {
        self.view.selected = None;
        self.view.selected_sentence = None;
        self.view.hovered = None;
        self.view.versions.clear();
        self.view.note_draft.clear();
        self.view.sentence_note = None;
    }

    /// Before the work is replaced: unsaved work is kept in memory with a "Bring back" button.
    fn keep_previous(&mut self) {
        if !self.view.dirty || (self.articles.is_empty() && self.view.notes.is_empty()) {
            return;
        }
        let previous = self.session();
        // The recovery file gets it now (not in a few seconds), and keeps it until new work is
        // autosaved: an empty set or an untouched sample set is never autosaved over it.
        if let Some(a) = &mut self.autosave {
            a.write(previous.clone(), Instant::now());
        }
        let text = format!(
            "Your unsaved work ({}, {}) was replaced. Bring it back, or keep going.",
            count(previous.articles.len(), "article"),
            count(previous.notes.len(), "note")
        );
        self.previous = Some(previous);
        self.view.notifications.retain(|n| n.button != Some(NoticeButton::BringBack));
        let id = self.next_notification;
        self.next_notification += 1;
        self.view.notifications.push(Notification {
            id,
            level: Level::Info,
            text,
            button: Some(NoticeButton::BringBack),
        });
    }

    /// Puts back the work that was replaced.
    pub(super) fn bring_back(&mut self) {
        self.view.notifications.retain(|n| n.button != Some(NoticeButton::BringBack));
        if let Some(p) = self.previous.take() {
            let origin = p.origin.clone();
            self.replace_work(p, origin, true);
        }
    }

    /// New: an empty set. Asks nothing; unsaved work can be brought back, and the recovery file
    /// keeps it until new work is autosaved over it.
    pub(super) fn new_session(&mut self) {
        let s = Session { settings: self.settings(), blind: self.view.prefs.blind, ..Session::default() };
        self.replace_work(s, None, false);
    }

    /// Replaces the work with a bundled sample set.
    pub(super) fn load_sample_set(&mut self, name: &str) {
        let (articles, errors) = crate::samples::load(name);
        for e in errors {
            self.notify(Level::Error, e.to_string());
        }
        if articles.is_empty() {
            self.notify(Level::Error, format!("The sample set “{name}” has no articles; pick another set."));
            return;
        }
        let s = Session::from_articles(&articles, &self.settings(), &[], self.view.prefs.blind);
        self.replace_work(s, None, false);
        self.view.set_name = Some(name.to_string());
    }

    /// Shows the crash-recovery prompt for `s`, autosaved at `saved_secs`.
    pub(super) fn offer_recovery(&mut self, s: Session, saved_secs: Option<u64>) {
        self.view.recovery =
            Some(RecoveryOffer { saved_secs, articles: s.articles.len(), notes: s.notes.len() });
        self.recovery = Some(s);
    }

    /// Restore (true) or discard (false) the work the recovery prompt offers.
    pub(super) fn answer_recovery(&mut self, restore: bool) {
        self.view.recovery = None;
        let Some(s) = self.recovery.take() else { return };
        if restore {
            let origin = s.origin.clone();
            // Work that matches its file exactly has nothing unsaved.
            let unchanged =
                origin.as_deref().and_then(|p| session::load(p).ok()).is_some_and(|f| same_work(&f, &s));
            self.replace_work(s, origin, !unchanged);
            // Changed work is written again by the next autosave (the old file stays until then);
            // work identical to its file needs no recovery file.
            if let (true, Some(a)) = (unchanged, &mut self.autosave) {
                a.clear();
            }
        } else if let Some(a) = &mut self.autosave {
            a.clear();
        }
    }

    /// A clean exit: the work is kept as the last work (reopened at the next start) and the
    /// recovery file removed. If keeping it fails, the recovery file is written instead.
    pub fn shutdown(&mut self) {
        let Some(store) = self.store.clone() else { return };
        let empty = self.articles.is_empty() && self.view.notes.is_empty();
        let session = self.session();
        // Let writes in flight finish first, so none lands after the clear below.
        self.autosave = None;
        let kept = if empty { store.clear_last_work() } else { store.save_last_work(&session) };
        match kept {
            // An unanswered recovery offer stays for the next start.
            Ok(()) if self.recovery.is_none() => {
                let _ = store.clear_recovery();
            }
            Ok(()) => {}
            Err(e) => {
                eprintln!("parallax: could not keep your work for the next start ({e})");
                if self.view.dirty && self.recovery.is_none() {
                    let _ = store.autosave(&session);
                }
            }
        }
    }

    /// Remembers `path` in the recent-files list.
    fn add_recent(&mut self, path: &Path) {
        if let Some(store) = &self.store {
            let _ = store.add_recent(path);
            self.view.recent = store.recent_files();
        }
    }
}

/// True when two sessions hold the same work (the file they belong to aside).
pub fn same_work(a: &Session, b: &Session) -> bool {
    a.articles == b.articles && a.settings == b.settings && a.notes == b.notes && a.blind == b.blind
}

/// `path` with `.parallax` added when it has no extension.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() { path } else { path.with_extension(session::EXTENSION) }
}

/// The file name of `path`, for titles and messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn same_file(a: &Path, b: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    abs(a) == abs(b)
}

/// "1 article", "3 notes".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

/// The core's messages start in lower case (they follow "parallax: " on the command line).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
