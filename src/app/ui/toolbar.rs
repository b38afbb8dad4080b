//! The menu bar and the toolbar: loading, export, sample sets, threshold, filter, find, type
//! size, blind and presenter modes, theme. Every control has a tooltip.

use egui::{RichText, Slider, TextEdit};

use crate::analysis::Comparison;
use crate::app::action::{Action, Filter, FontChange, View};
use crate::app::keys::SHORTCUTS;
use crate::app::state::ViewState;
use crate::report::Format;

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, view, actions));
        ui.menu_button("Sample sets", |ui| {
            for set in crate::samples::sets() {
                let current = view.set_name.as_deref() == Some(set.name);
                let label = format!("{} ({} articles)", set.name, set.files.len());
                // Replaces the work; unsaved work can be brought back from the notification.
                if ui
                    .selectable_label(current, label)
                    .on_hover_text("Replace the articles with this bundled set")
                    .clicked()
                {
                    actions.push(Action::LoadSampleSet(set.name.to_string()));
                }
            }
        });
        ui.menu_button("View", |ui| {
            for v in View::ALL {
                if ui.selectable_label(view.view == v, v.title()).clicked() {
                    actions.push(Action::ShowView(v));
                }
            }
            ui.separator();
            let theme = if view.prefs.dark { "Light theme" } else { "Dark theme" };
            if ui.button(theme).clicked() {
                actions.push(Action::ToggleTheme);
            }
            if ui.button("Bigger text   Ctrl +").clicked() {
                actions.push(Action::FontSize(FontChange::Bigger));
            }
            if ui.button("Smaller text   Ctrl -").clicked() {
                actions.push(Action::FontSize(FontChange::Smaller));
            }
            if ui.button("Presenter mode   F5").clicked() {
                actions.push(Action::TogglePresenter);
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label(RichText::new("Keyboard shortcuts").strong());
            egui::Grid::new("shortcuts").show(ui, |ui| {
                for (keys, what) in SHORTCUTS {
                    ui.label(*keys);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        });
    });
}

fn file_menu_ui(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    let session_items = [
        ("New   Ctrl+N", "Start an empty set (unsaved work can be brought back)", Action::NewSession),
        ("Open articles…   Ctrl+O", "Add article files (.txt, .md, .html)", Action::OpenDialog),
        ("Open session…   Ctrl+Shift+O", "Open a saved .parallax session", Action::OpenSessionDialog),
    ];
    menu_items_ui(ui, session_items, actions);
    recent_ui(ui, view, actions);
    ui.separator();
    let save_items = [
        (
            "Save session   Ctrl+S",
            "Save articles, edits, notes and settings to a .parallax file",
            Action::Save,
        ),
        ("Save session as…   Ctrl+Shift+S", "Save to a new .parallax file", Action::SaveAsDialog),
    ];
    menu_items_ui(ui, save_items, actions);
    ui.menu_button("Export", |ui| {
        if ui.button("Choose format…   Ctrl+E").on_hover_text("Pick an export format").clicked() {
            actions.push(Action::ShowExport(true));
        }
        ui.separator();
        for f in Format::ALL {
            let tip = format!("Save a {} with your notes (blind if blind mode is on)", f.label());
            if ui.button(f.label()).on_hover_text(tip).clicked() {
                actions.push(Action::Export(f));
            }
        }
    });
    ui.separator();
    let article_items = [
        ("Paste article…   Ctrl+Shift+V", "Paste article text or HTML", Action::ShowPaste(true)),
        ("Add from URL…   Ctrl+U", "Fetch an article from a web address", Action::ShowUrl(true)),
        (
            "Manage articles…",
            "Rename, reorder, recolour, remove; restore what cleaning removed",
            Action::ShowArticles(true),
        ),
    ];
    menu_items_ui(ui, article_items, actions);
    ui.separator();
    let quit = [("Quit   Ctrl+Q", "Close Parallax; your work opens again next time", Action::Quit)];
    menu_items_ui(ui, quit, actions);
}

/// Buttons that each push one action.
fn menu_items_ui<const N: usize>(
    ui: &mut egui::Ui,
    items: [(&str, &str, Action); N],
    actions: &mut Vec<Action>,
) {
    for (label, tip, action) in items {
        if ui.button(label).on_hover_text(tip).clicked() {
            actions.push(action);
        }
    }
}

/// The Recent sessions submenu.
fn recent_ui(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    ui.add_enabled_ui(!view.recent.is_empty(), |ui| {
        ui.menu_button("Recent sessions", |ui| {
            for path in &view.recent {
                let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
                let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
                if ui.button(view.redact(&name)).on_hover_text(view.redact(&folder)).clicked() {
                    actions.push(Action::OpenSession(path.clone()));
                }
            }
        })
        .response
        .on_disabled_hover_text("Sessions you open or save appear here");
    });
}

/// The toolbar under the menu.
pub fn toolbar_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Open…").on_hover_text("Add article files (Ctrl+O); or drop files on the window").clicked() {
            actions.push(Action::OpenDialog);
        }
        if ui.button("Paste…").on_hover_text("Paste an article's text or HTML (Ctrl+Shift+V)").clicked() {
            actions.push(Action::ShowPaste(true));
        }
        if ui.button("URL…").on_hover_text("Fetch an article from a web address (Ctrl+U)").clicked() {
            actions.push(Action::ShowUrl(true));
        }
        ui.separator();
        let mut t = view.prefs.threshold;
        let slider = Slider::new(&mut t, 0.1..=0.9).step_by(0.01).text("Similarity");
        if ui
            .add(slider)
            .on_hover_text("How alike two sentences must be to count as the same claim. Lower links more (and more loosely).")
            .changed()
        {
            actions.push(Action::SetThreshold(t));
        }
        if view.analysing {
            ui.spinner().on_hover_text("Analysing…");
        }
        ui.separator();
        egui::ComboBox::from_id_salt("filter")
            .selected_text(view.filter.title())
            .show_ui(ui, |ui| {
                for f in Filter::ALL {
                    if ui.selectable_label(view.filter == f, f.title()).clicked() {
                        actions.push(Action::SetFilter(f));
                    }
                }
            })
            .response
            .on_hover_text("Which claims to tint and to step through");
        ui.separator();
        find_ui(ui, c, view, actions);
        ui.separator();
        if ui.button("A-").on_hover_text("Smaller text (Ctrl -)").clicked() {
            actions.push(Action::FontSize(FontChange::Smaller));
        }
        if ui.button("A+").on_hover_text("Bigger text (Ctrl +)").clicked() {
            actions.push(Action::FontSize(FontChange::Bigger));
        }
        let blind = if view.prefs.blind { "Reveal sources" } else { "Blind mode" };
        if ui.selectable_label(view.prefs.blind, blind).on_hover_text("Hide outlet names and dates: Source A, B, … (Ctrl+B)").clicked() {
            actions.push(Action::ToggleBlind);
        }
        if ui.button("Present").on_hover_text("Presenter mode: one shared claim at a time, large type (F5)").clicked() {
            actions.push(Action::TogglePresenter);
        }
        let theme = if view.prefs.dark { "Light theme" } else { "Dark theme" };
        if ui.button(theme).on_hover_text("Switch between light and dark theme").clicked() {
            actions.push(Action::ToggleTheme);
        }
    });
}

fn find_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let Some(query) = &view.find else {
        if ui.button("Find").on_hover_text("Find words in the articles (Ctrl+F)").clicked() {
            actions.push(Action::Find(Some(String::new())));
        }
        return;
    };
    let mut q = query.clone();
    let edit = ui.add(TextEdit::singleline(&mut q).hint_text("Find in articles").desired_width(180.0));
    if view.find_cursor == 0 && q.is_empty() && !edit.has_focus() {
        edit.request_focus();
    }
    if edit.changed() {
        actions.push(Action::Find(Some(q)));
    }
    if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        actions.push(Action::FindNext);
        edit.request_focus();
    }
    let count = view.find_matches(c).len();
    ui.label(format!("{count} sentences"));
    if ui.button("Next").on_hover_text("Scroll to the next match (Enter)").clicked() {
        actions.push(Action::FindNext);
    }
    if ui.button("Close find").on_hover_text("Close find (Esc)").clicked() {
        actions.push(Action::Find(None));
    }
}
