//! Start-up: what the window opens on, and the eframe entry point.
//!
//! In order: `--demo` forces the bundled demo set; files on the command line are opened (a
//! `.parallax` file as a session); otherwise the work left at the last clean exit is reopened;
//! on a first run, the demo set. Whatever opens, a recovery file left by a run that did not end
//! cleanly is offered in a prompt first.

use std::path::{Path, PathBuf};

use super::App;
use super::state::{Level, Prefs};
use crate::analysis::Settings;
use crate::session::{self, Session, Store};

/// Key under which preferences are kept in eframe storage.
pub const PREFS_KEY: &str = "parallax-prefs";

/// What the command line asked for.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Articles, or one `.parallax` session, to open.
    pub files: Vec<PathBuf>,
    /// Open the bundled demo set whatever else there is (`--demo`).
    pub demo: bool,
}

impl App {
    /// The app as the window starts it, with `store` for recovery, the last work and recent files
    /// (`None`: none of these, as in most tests).
    pub fn start(store: Option<Store>, options: &StartOptions, prefs: Prefs) -> App {
        let had_recovery = store.as_ref().is_some_and(|s| s.recovery_path().exists());
        let recovery = store.as_ref().and_then(Store::take_recovery);
        let last_work = match (&store, options.demo || !options.files.is_empty()) {
            (Some(s), false) => s.last_work(),
            _ => None,
        };
        let mut app = if options.demo {
            App::demo(prefs)
        } else if !options.files.is_empty() {
            App::from_files(&options.files, prefs)
        } else {
            match last_work {
                Some(Ok(s)) => {
                    let n = s.articles.len();
                    let mut app = App::from_session(s, None, prefs);
                    if recovery.is_none() {
                        app.notify(
                            Level::Info,
                            format!(
                                "Reopened your last work ({}). The demo sets are under the Sample sets menu.",
                                super::work::count(n, "article")
                            ),
                        );
                    }
                    app
                }
                Some(Err(e)) => {
                    let mut app = App::demo(prefs);
                    app.notify(
                        Level::Error,
                        format!(
                            "Your last work could not be reopened ({e}). The file is kept; showing the demo set."
                        ),
                    );
                    app
                }
                None => App::demo(prefs),
            }
        };
        if let Some(store) = store {
            app.view.recent = store.recent_files();
            app.autosave = Some(super::autosave::Autosaver::start(store.clone()));
            match recovery {
                Some(s) => {
                    let saved_secs = modified_secs(&store.recovery_path());
                    app.offer_recovery(s, saved_secs);
                }
                // `take_recovery` set a damaged file aside rather than offer it.
                None if had_recovery => app.notify(
                    Level::Error,
                    format!(
                        "Parallax closed unexpectedly, but the work it autosaved could not be read. The file is kept for inspection in {}.",
                        store.dir().display()
                    ),
                ),
                None => {}
            }
            app.store = Some(store);
        }
        app
    }

    /// An app on a session, analysed synchronously for the first frame. `from` is its file.
    pub fn from_session(s: Session, from: Option<PathBuf>, prefs: Prefs) -> App {
        let settings = s.settings.clone();
        let blind = s.blind;
        let from = from.or_else(|| s.origin.clone());
        // Work that differs from its file (left unsaved at exit) is marked as such.
        let dirty = match &from {
            Some(p) => session::load(p).map_or(true, |f| !super::work::same_work(&f, &s)),
            None => false,
        };
        let mut colours = Vec::new();
        let mut articles = Vec::new();
        for (i, a) in s.articles.into_iter().enumerate() {
            colours.push(a.colour.unwrap_or_else(|| super::palette::article_colour(i)));
            articles.push(a.article);
        }
        let mut app = App::with_settings(articles, settings, Prefs { blind, ..prefs });
        app.view.colours = colours;
        app.view.notes = s.notes;
        app.view.session_path = from;
        app.view.dirty = dirty;
        app.reindex_notes();
        app
    }

    /// Loads command-line files synchronously, for the first frame: one `.parallax` file opens as
    /// a session, anything else as articles; each failure is a notification.
    fn from_files(files: &[PathBuf], prefs: Prefs) -> App {
        if let [one] = files
            && is_session_file(one)
        {
            return match session::load(one) {
                Ok(s) => App::from_session(s, Some(one.clone()), prefs),
                Err(e) => {
                    let mut app = App::with_comparison(Vec::new(), prefs);
                    app.notify(Level::Error, super::work::capitalise(&e.to_string()));
                    app
                }
            };
        }
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            if is_session_file(f) {
                errors.push(format!(
                    "{} is a session; open it on its own (parallax {}) or with File → Open session….",
                    f.display(),
                    f.display()
                ));
                continue;
            }
            match crate::ingest::load_path(f) {
                Ok(a) => articles.push(a),
                Err(e) => errors.push(e.to_string()),
            }
        }
        let settings = Settings { threshold: prefs.threshold, ..Settings::default() };
        let mut app = App::with_settings(articles, settings, prefs);
        for e in errors {
            app.notify(Level::Error, e);
        }
        app
    }
}

/// True for a `.parallax` file.
pub fn is_session_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(session::EXTENSION))
}

/// A file's modification time in seconds since 1970.
fn modified_secs(path: &Path) -> Option<u64> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    modified.duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_secs())
}

/// Opens the window and runs until it is closed.
pub fn run(options: StartOptions) -> Result<(), String> {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Parallax")
        .with_inner_size([1600.0, 1000.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    let native = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "Parallax",
        native,
        Box::new(move |cc| {
            let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, PREFS_KEY)).unwrap_or_default();
            let mut app = App::start(Store::user(), &options, prefs);
            app.set_repaint_context(cc.egui_ctx.clone());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
