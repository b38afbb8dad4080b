//! Keyboard shortcuts and dropped files, turned into [`Action`]s like any click.

use egui::{Key, Modifiers};

use super::action::{Action, FontChange, View};
use super::state::ViewState;

/// Shortcuts, for the Help menu and tooltips: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+N", "New, empty set"),
    ("Ctrl+Q", "Quit (your work opens again next time)"),
    ("Ctrl+O", "Open article files"),
    ("Ctrl+Shift+O", "Open a session"),
    ("Ctrl+S", "Save the session"),
    ("Ctrl+Shift+S", "Save the session as a new file"),
    ("Ctrl+E", "Export (choose a format)"),
    ("Ctrl+Shift+V", "Paste an article (Ctrl+V outside a text field)"),
    ("Ctrl+U", "Add an article from a web address"),
    ("Ctrl+F", "Find in articles (Enter: next match)"),
    ("Ctrl + / Ctrl - / Ctrl 0", "Bigger / smaller / default text"),
    ("J or Down / K or Up", "Next / previous claim"),
    ("Ctrl+B", "Blind mode (Source A, B, …)"),
    ("F5", "Presenter mode (arrow keys to step, Esc to leave)"),
    ("Esc", "Close find, leave presenter mode, clear the selection"),
];

/// Actions for the shortcuts pressed this frame.
pub fn shortcuts(ctx: &egui::Context, view: &ViewState) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    let mut out = Vec::new();
    if view.recovery.is_some() {
        // The recovery prompt is answered first; nothing else may change the work behind it.
        return out;
    }
    ctx.input_mut(|i| {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // With Shift first: Ctrl+S would also match Ctrl+Shift+S.
        let table: [(Modifiers, Key, Action); 15] = [
            (cmd_shift, Key::V, Action::ShowPaste(true)),
            (cmd_shift, Key::S, Action::SaveAsDialog),
            (cmd_shift, Key::O, Action::OpenSessionDialog),
            (cmd, Key::N, Action::NewSession),
            (cmd, Key::Q, Action::Quit),
            (cmd, Key::O, Action::OpenDialog),
            (cmd, Key::U, Action::ShowUrl(true)),
            (cmd, Key::S, Action::Save),
            (cmd, Key::E, Action::ShowExport(true)),
            (cmd, Key::F, Action::Find(Some(view.find.clone().unwrap_or_default()))),
            (cmd, Key::Plus, Action::FontSize(FontChange::Bigger)),
            (cmd, Key::Equals, Action::FontSize(FontChange::Bigger)),
            (cmd, Key::Minus, Action::FontSize(FontChange::Smaller)),
            (cmd, Key::Num0, Action::FontSize(FontChange::Reset)),
            (cmd, Key::B, Action::ToggleBlind),
        ];
        for (mods, key, action) in table {
            if i.consume_key(mods, key) {
                out.push(action);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::F5) {
            out.push(Action::TogglePresenter);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(if view.export_open {
                Action::ShowExport(false)
            } else if view.presenter {
                Action::TogglePresenter
            } else if view.find.is_some() {
                Action::Find(None)
            } else {
                Action::SelectClaim(None)
            });
        }
        if typing {
            return;
        }
        let next = [Key::J, Key::ArrowDown, Key::ArrowRight];
        let prev = [Key::K, Key::ArrowUp, Key::ArrowLeft];
        let steps = view.presenter || view.view == View::Columns || view.view == View::Matrix;
        for k in next {
            if steps && i.consume_key(Modifiers::NONE, k) {
                out.push(Action::NextClaim);
            }
        }
        for k in prev {
            if steps && i.consume_key(Modifiers::NONE, k) {
                out.push(Action::PrevClaim);
            }
        }
        // Ctrl+V outside a text field arrives as a paste event: open the paste dialog with it.
        let pasted = i.events.iter().find_map(|e| match e {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        });
        let dialogs_open = view.paste.is_some() || view.url.is_some() || view.sentence_note.is_some();
        if let Some(action) = pasted.filter(|_| !dialogs_open).and_then(pasted_action) {
            out.push(action);
        }
    });
    out
}

/// What a paste outside a text field does: a web address starts Add from URL, file paths (as a
/// file manager copies them) open the files, any other text opens the paste dialog with it.
/// Links dragged from a browser do not arrive as drops (winit delivers only files), so copying
/// the link and pasting it here is the way in.
pub fn pasted_action(text: String) -> Option<Action> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace) {
        return Some(Action::AddUrl(t.to_string()));
    }
    let paths: Vec<std::path::PathBuf> = t.lines().filter_map(pasted_path).collect();
    if !paths.is_empty() && paths.len() == t.lines().count() {
        return Some(Action::OpenFiles(paths));
    }
    Some(Action::EditPaste(text))
}

/// A line that names an existing file: `/home/me/a.txt` or `file:///home/me/a.txt`.
fn pasted_path(line: &str) -> Option<std::path::PathBuf> {
    let line = line.trim();
    let raw = line.strip_prefix("file://").unwrap_or(line);
    let path = std::path::PathBuf::from(percent_decode(raw)?);
    (path.is_absolute() && path.is_file()).then_some(path)
}

/// Decodes %XX escapes (file managers escape spaces and non-ASCII in file:// URLs).
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Files dropped onto the window this frame.
pub fn dropped_files(ctx: &egui::Context) -> Option<Action> {
    let paths: Vec<std::path::PathBuf> =
        ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
    (!paths.is_empty()).then_some(Action::OpenFiles(paths))
}
