//! Native file dialogs (never opened by tests: each ends in an action that carries the path)
//! and writing exports.

use super::App;
use super::action::Action;
use super::state::Level;
use crate::report::{self, Format};

impl App {
    pub(super) fn open_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .set_title("Open articles")
            .add_filter("Articles (text, Markdown, web pages)", &["txt", "md", "html", "htm"])
            .add_filter("All files", &["*"])
            .pick_files();
        // A cancelled dialog is not an error: nothing changes.
        if let Some(paths) = picked {
            self.apply(Action::OpenFiles(paths));
        }
    }

    pub(super) fn open_session_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .set_title("Open session")
            .add_filter("Parallax sessions", &[crate::session::EXTENSION])
            .add_filter("All files", &["*"])
            .pick_file();
        if let Some(path) = picked {
            self.open_session(&path);
        }
    }

    pub(super) fn save_as_dialog(&mut self) {
        let name = match (&self.view.session_path, &self.view.set_name) {
            (Some(p), _) => super::work::file_name(p),
            (None, Some(set)) => format!("{set}.{}", crate::session::EXTENSION),
            (None, None) => format!("lesson.{}", crate::session::EXTENSION),
        };
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save session")
            .add_filter("Parallax sessions", &[crate::session::EXTENSION])
            .set_file_name(&name);
        if let Some(dir) = self.view.session_path.as_deref().and_then(std::path::Path::parent) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.save_file() {
            self.save_session(path);
        }
    }

    pub(super) fn export_dialog(&mut self, format: Format) {
        self.view.export_open = false;
        let name = format!("{}.{}", format.file_stem(), format.extension());
        let picked = rfd::FileDialog::new()
            .set_title(format!("Export {}", format.label()))
            .add_filter(format.label(), &[format.extension()])
            .set_file_name(&name)
            .save_file();
        // Cancelled: nothing to do.
        if let Some(path) = picked {
            self.export_to(format, &path);
        }
    }

    /// Writes a report with the notes, blind when blind mode is on.
    pub(super) fn export_to(&mut self, format: Format, path: &std::path::Path) {
        self.view.export_open = false;
        let options = report::Options {
            blind: self.view.prefs.blind,
            notes: self.view.notes.clone(),
            ..Default::default()
        };
        let text = report::render(&self.comparison, format, &options);
        match write_atomic(path, &text) {
            Ok(()) => self.notify(Level::Info, format!("{} saved: {}", format.label(), path.display())),
            Err(e) => self.notify(
                Level::Error,
                format!(
                    "Could not save the {} ({e}); pick a folder you can write to: {}",
                    format.label(),
                    path.display()
                ),
            ),
        }
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`: a crash mid-write
/// leaves any previous file whole.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
