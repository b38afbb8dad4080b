//! Notes in the window: the selected claim's notes in the detail pane (with a field to add one
//! and a delete button each), the dialog for a note on one sentence, the ✏ badge that marks noted
//! sentences in the columns, and the notes shown in presenter mode.

use egui::{Color32, RichText, Sense, TextEdit};

use crate::analysis::{Claim, Comparison, SentenceRef};
use crate::app::action::Action;
use crate::app::notes::claim_notes;
use crate::app::palette;
use crate::app::state::ViewState;
use crate::session::notes::format_utc;
use crate::session::{Note, NoteTarget};

/// The glyph of the note badge: ✏ (U+270F) is in egui's default emoji font; ✎ (U+270E) is not
/// and would draw as an empty box.
pub const NOTE_GLYPH: &str = "✏";

/// The sticky-note colour of notes and badges (the same in both themes: dark text on yellow).
pub fn note_fill(dark: bool) -> Color32 {
    palette::mix(palette::okabe_ito::YELLOW, dark, if dark { 0.85 } else { 0.55 })
}

/// The selected claim's notes, each with its time and a delete button, then a field to add one.
pub fn claim_notes_ui(
    ui: &mut egui::Ui,
    c: &Comparison,
    view: &ViewState,
    claim: &Claim,
    actions: &mut Vec<Action>,
) {
    let shown = claim_notes(c, &view.notes, claim);
    let heading = ui.label(RichText::new(format!("Notes ({})", shown.len())).strong());
    for &i in &shown {
        let Some(note) = view.notes.get(i) else { continue };
        ui.push_id(("note", i), |ui| note_ui(ui, c, view, note, i, actions));
    }
    ui.horizontal_top(|ui| {
        let label = "Add note to this claim";
        let font = egui::TextStyle::Button.resolve(ui.style());
        let text_width = ui.fonts_mut(|f| f.layout_no_wrap(label.into(), font, Color32::BLACK).size().x);
        let button_width = text_width + ui.spacing().button_padding.x * 2.0 + ui.spacing().item_spacing.x;
        let mut draft = view.note_draft.clone();
        let field = ui.add(
            TextEdit::multiline(&mut draft)
                .hint_text("A question for the class, a fact to check…")
                .desired_rows(1)
                .desired_width(ui.available_width() - button_width),
        );
        let field = field.labelled_by(heading.id);
        if field.changed() {
            actions.push(Action::EditNoteDraft(draft.clone()));
        }
        // `draft` holds what was typed this frame too: a click right after typing keeps every letter.
        let add = ui.add_enabled(!draft.trim().is_empty(), egui::Button::new(label));
        let tip = "Keep this note with the claim; it is saved in the session and every export";
        if add.on_hover_text(tip).on_disabled_hover_text("Write the note first").clicked() {
            actions.push(Action::AddClaimNote { claim: claim.id, text: draft });
        }
    });
}

/// One note: its text on a sticky-note background, when and where it was written, and Delete.
fn note_ui(
    ui: &mut egui::Ui,
    c: &Comparison,
    view: &ViewState,
    note: &Note,
    i: usize,
    actions: &mut Vec<Action>,
) {
    let dark = view.prefs.dark;
    egui::Frame::new().fill(note_fill(dark)).inner_margin(6).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(view.redact(&note.text)).color(Color32::from_rgb(0x11, 0x11, 0x11)));
        ui.horizontal(|ui| {
            let on = match &note.target {
                NoteTarget::Claim { .. } => "on this claim".to_string(),
                NoteTarget::Sentence { article, sentence } => {
                    format!("on {}'s sentence {}", view.source_name(c, *article), sentence + 1)
                }
            };
            let when = format_utc(note.created);
            ui.label(RichText::new(format!("{when} · {on}")).color(Color32::from_rgb(0x33, 0x33, 0x33)));
            if ui.button("Delete note").on_hover_text("Delete this note").clicked() {
                actions.push(Action::DeleteNote(i));
            }
        });
    });
    ui.add_space(4.0);
}

/// The dialog for a note on one sentence (from the sentence's context menu).
pub fn sentence_note_ui(ctx: &egui::Context, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let Some((at, text)) = &view.sentence_note else { return };
    let sentence = view.redact(c.sentence_text(*at)).into_owned();
    let title = format!("Note on {}'s sentence {}", view.source_name(c, at.article), at.sentence + 1);
    egui::Window::new("Add note to this sentence").default_width(520.0).collapsible(false).show(ctx, |ui| {
        let heading = ui.label(RichText::new(title).strong());
        ui.label(RichText::new(format!("“{sentence}”")).italics());
        let mut t = text.clone();
        let field = ui.add(
            TextEdit::multiline(&mut t).hint_text("Your note").desired_rows(4).desired_width(f32::INFINITY),
        );
        let field = field.labelled_by(heading.id);
        if text.is_empty() && !field.has_focus() {
            field.request_focus();
        }
        if field.changed() {
            actions.push(Action::EditSentenceNote(t.clone()));
        }
        ui.horizontal(|ui| {
            let add = ui.add_enabled(!t.trim().is_empty(), egui::Button::new("Add note"));
            if add.on_hover_text("Keep this note with the sentence").clicked() {
                actions.push(Action::AddSentenceNote { at: *at, text: t.clone() });
            }
            if ui.button("Cancel").on_hover_text("Close without adding a note").clicked() {
                actions.push(Action::ShowSentenceNote(None));
            }
        });
    });
}

/// The badge on a noted sentence: ✏ on a sticky-note square at `rect`, its notes on hover.
/// Its accessible name says it is a note and what it says.
pub fn note_badge_ui(ui: &mut egui::Ui, rect: egui::Rect, view: &ViewState, notes: &[usize], r: SentenceRef) {
    let texts: Vec<String> =
        notes.iter().filter_map(|&i| view.notes.get(i)).map(|n| view.redact(&n.text).into_owned()).collect();
    if texts.is_empty() {
        return;
    }
    let id = ui.scope_id().with(("note-badge", r.article, r.sentence));
    let response = ui.interact(rect, id, Sense::hover());
    let name = format!("Note: {}", texts.join(" / "));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, note_fill(view.prefs.dark));
    painter.rect_stroke(
        rect,
        4.0,
        egui::Stroke::new(1.0, Color32::from_rgb(0x11, 0x11, 0x11)),
        egui::StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        NOTE_GLYPH,
        egui::FontId::proportional(rect.height() * 0.72),
        Color32::from_rgb(0x11, 0x11, 0x11),
    );
    let tip = if texts.len() == 1 {
        texts.join("")
    } else {
        texts.iter().map(|t| format!("• {t}")).collect::<Vec<_>>().join("\n")
    };
    response.on_hover_text(format!("Note:\n{tip}"));
}

/// The current claim's notes in presenter mode, in large type.
pub fn presenter_notes_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, claim: &Claim, size: f32) {
    let shown = claim_notes(c, &view.notes, claim);
    if shown.is_empty() {
        return;
    }
    egui::Frame::new().fill(note_fill(view.prefs.dark)).inner_margin(12).corner_radius(6.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let ink = Color32::from_rgb(0x11, 0x11, 0x11);
        ui.label(RichText::new(format!("{NOTE_GLYPH} Notes")).size(size).strong().color(ink));
        for n in shown.iter().filter_map(|&i| view.notes.get(i)) {
            ui.label(RichText::new(view.redact(&n.text)).size(size).color(ink));
        }
    });
}
