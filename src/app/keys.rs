//! Keyboard shortcuts and dropped files, turned into [`Action`]s like any click.

use egui::{Key, Modifiers};

use super::action::{Action, FontChange, View};
use super::state::ViewState;
use crate::report::Format;

/// Shortcuts, for the Help menu and tooltips: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+O", "Open article files"),
    ("Ctrl+Shift+V", "Paste an article (Ctrl+V outside a text field)"),
    ("Ctrl+U", "Add an article from a web address"),
    ("Ctrl+S", "Save the analysis as JSON"),
    ("Ctrl+E", "Export an HTML report"),
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
    ctx.input_mut(|i| {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let table: [(Modifiers, Key, Action); 11] = [
            (cmd_shift, Key::V, Action::ShowPaste(true)),
            (cmd, Key::O, Action::OpenDialog),
            (cmd, Key::U, Action::ShowUrl(true)),
            (cmd, Key::S, Action::Export(Format::Json)),
            (cmd, Key::E, Action::Export(Format::Html)),
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
            out.push(if view.presenter {
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
        if let Some(text) = pasted.filter(|_| view.paste.is_none() && view.url.is_none()) {
            out.push(pasted_action(text));
        }
    });
    out
}

/// A pasted web address is fetched; anything else opens the paste dialog with the text.
fn pasted_action(text: String) -> Action {
    let t = text.trim();
    if (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace) {
        Action::AddUrl(t.to_string())
    } else {
        Action::EditPaste(text)
    }
}

/// Files dropped onto the window this frame.
pub fn dropped_files(ctx: &egui::Context) -> Option<Action> {
    let paths: Vec<std::path::PathBuf> =
        ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
    (!paths.is_empty()).then_some(Action::OpenFiles(paths))
}
