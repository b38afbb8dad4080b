//! Dialogs: paste an article, add one from a URL, and manage the loaded articles (rename,
//! date, colour, order, remove, and restore what cleaning removed).

use egui::{RichText, TextEdit};

use crate::analysis::Comparison;
use crate::app::action::Action;
use crate::app::state::ViewState;

/// Every open dialog.
pub fn dialogs_ui(ctx: &egui::Context, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    if let Some(text) = &view.paste {
        paste_ui(ctx, text, actions);
    }
    if view.url.is_some() {
        url_ui(ctx, view, actions);
    }
    if view.manage_open {
        egui::Window::new("Articles")
            .default_width(760.0)
            .collapsible(false)
            .show(ctx, |ui| manage_ui(ui, c, view, actions));
    }
}

/// The paste dialog.
pub fn paste_ui(ctx: &egui::Context, text: &str, actions: &mut Vec<Action>) {
    egui::Window::new("Paste article").default_width(640.0).collapsible(false).show(ctx, |ui| {
        ui.label("Paste the article's text (first line: headline) or the page's HTML.");
        let mut t = text.to_string();
        let edit = TextEdit::multiline(&mut t)
            .hint_text("Article text or HTML")
            .desired_rows(14)
            .desired_width(f32::INFINITY);
        if egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| ui.add(edit)).inner.changed() {
            actions.push(Action::EditPaste(t.clone()));
        }
        // `t` includes this frame's typing, so a quick click after the last key loses nothing.
        ui.horizontal(|ui| {
            let add = ui.add_enabled(!t.trim().is_empty(), egui::Button::new("Add article"));
            if add.on_hover_text("Add this text as an article and re-analyse").clicked() {
                actions.push(Action::PasteArticle(t.clone()));
            }
            if ui.button("Cancel").on_hover_text("Close without adding").clicked() {
                actions.push(Action::ShowPaste(false));
            }
        });
    });
}

/// The add-from-URL dialog, with progress and cancel.
pub fn url_ui(ctx: &egui::Context, view: &ViewState, actions: &mut Vec<Action>) {
    let Some(draft) = &view.url else { return };
    egui::Window::new("Add from URL").default_width(560.0).collapsible(false).show(ctx, |ui| {
        let mut t = draft.text.clone();
        let busy = draft.pending.is_some();
        let edit = ui.add_enabled(
            !busy,
            TextEdit::singleline(&mut t).hint_text("https://…").desired_width(f32::INFINITY),
        );
        if edit.changed() {
            actions.push(Action::EditUrl(t));
        }
        ui.horizontal(|ui| {
            if busy {
                ui.spinner().on_hover_text("Fetching");
                ui.label("Fetching the page…");
                if ui.button("Cancel").on_hover_text("Stop waiting; nothing is added").clicked() {
                    actions.push(Action::CancelUrl);
                    actions.push(Action::ShowUrl(false));
                }
            } else {
                if ui.button("Fetch").on_hover_text("Download the page and add its article").clicked() {
                    actions.push(Action::AddUrl(draft.text.clone()));
                }
                if ui.button("Cancel").on_hover_text("Close without adding").clicked() {
                    actions.push(Action::ShowUrl(false));
                }
            }
        });
    });
}

/// The article manager.
pub fn manage_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let n = c.articles.len();
    egui::ScrollArea::vertical().max_height(560.0).show(ui, |ui| {
        for (i, a) in c.articles.iter().enumerate() {
            ui.push_id(("article", i), |ui| {
                ui.horizontal(|ui| {
                    let mut rgb = view.colours.get(i).copied().unwrap_or([0, 0, 0]);
                    if ui.color_edit_button_srgb(&mut rgb).on_hover_text("Column colour").changed() {
                        actions.push(Action::SetColour(i, rgb));
                    }
                    if view.prefs.blind {
                        // Names and dates stay hidden here too; they can be edited once revealed.
                        ui.label(RichText::new(view.source_name(c, i)).strong())
                            .on_hover_text("Blind mode: reveal sources to edit the outlet name and date");
                    } else {
                        meta_fields_ui(ui, i, a, actions);
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new("Move up"))
                        .on_hover_text("Move this column left")
                        .clicked()
                    {
                        actions.push(Action::MoveArticle { from: i, to: i - 1 });
                    }
                    if ui
                        .add_enabled(i + 1 < n, egui::Button::new("Move down"))
                        .on_hover_text("Move this column right")
                        .clicked()
                    {
                        actions.push(Action::MoveArticle { from: i, to: i + 1 });
                    }
                    if ui.button("Remove").on_hover_text("Remove this article from the comparison").clicked()
                    {
                        actions.push(Action::RemoveArticle(i));
                    }
                });
                ui.label(RichText::new(view.redact(&a.meta.title)).italics());
                removed_ui(ui, i, a, view, actions);
                ui.separator();
            });
        }
    });
    if ui.button("Close").on_hover_text("Close the article manager").clicked() {
        actions.push(Action::ShowArticles(false));
    }
}

/// The outlet name and date fields of one article.
fn meta_fields_ui(ui: &mut egui::Ui, i: usize, a: &crate::ingest::Article, actions: &mut Vec<Action>) {
    let mut outlet = a.meta.outlet.clone();
    let r = ui.add(TextEdit::singleline(&mut outlet).hint_text("Outlet name").desired_width(180.0));
    if r.changed() {
        actions.push(Action::RenameOutlet(i, outlet));
    }
    let mut date = a.meta.published.clone().unwrap_or_default();
    let r = ui.add(TextEdit::singleline(&mut date).hint_text("Date YYYY-MM-DD").desired_width(130.0));
    if r.changed() {
        actions.push(Action::SetDate(i, date));
    }
}

/// What cleaning removed from one article, each with a restore button.
fn removed_ui(
    ui: &mut egui::Ui,
    i: usize,
    a: &crate::ingest::Article,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let active = a.removed.iter().filter(|r| !r.restored).count();
    if a.removed.is_empty() {
        ui.label("Cleaning removed nothing.");
        return;
    }
    egui::CollapsingHeader::new(format!("Cleaning removed {active} passage(s)"))
        .id_salt(("removed", i))
        .show(ui, |ui| {
            for (k, r) in a.removed.iter().enumerate() {
                ui.horizontal(|ui| {
                    let text = view.redact(r.span.of(&a.extracted));
                    let short: String = text.chars().take(90).collect();
                    ui.label(format!("{}: “{}”", r.rule, short.trim()));
                    if r.restored {
                        ui.label("(restored)");
                    } else if ui
                        .button("Restore")
                        .on_hover_text("Put this passage back into the article")
                        .clicked()
                    {
                        actions.push(Action::RestoreRemoval { article: i, removal: k });
                    }
                });
            }
        });
}

/// [`dialogs_ui`] with a panel's signature (tests and embedding).
pub fn dialogs_ui_in(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    dialogs_ui(ui.ctx(), c, view, actions);
}
