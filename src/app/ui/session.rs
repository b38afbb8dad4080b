//! Dialogs about the work as a whole: the crash-recovery prompt shown at start, and the export
//! choice (Ctrl+E).

use egui::RichText;

use crate::app::action::Action;
use crate::app::state::{RecoveryOffer, ViewState};
use crate::report::Format;
use crate::session::notes::format_utc;

/// The recovery prompt: modal, so nothing else can change the work until it is answered.
pub fn recovery_ui(ctx: &egui::Context, offer: &RecoveryOffer, actions: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new("Restore unsaved work?").heading());
        ui.add_space(6.0);
        ui.label(recovery_question(offer, now_secs()));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Restore").strong())
                .on_hover_text("Open the work as it was when Parallax closed")
                .clicked()
            {
                actions.push(Action::RestoreRecovery);
            }
            if ui.button("Discard").on_hover_text("Delete the autosaved work and keep what is open").clicked()
            {
                actions.push(Action::DiscardRecovery);
            }
        });
    });
}

/// "Parallax closed unexpectedly. Restore the work from 2026-11-22 07:14 UTC, 12 minutes ago
/// (3 articles, 2 notes)?"
pub fn recovery_question(offer: &RecoveryOffer, now_secs: u64) -> String {
    let when = match offer.saved_secs {
        Some(t) => format!("from {}, {}", format_utc(t), ago(now_secs.saturating_sub(t))),
        None => "autosaved before it closed".to_string(),
    };
    format!(
        "Parallax closed unexpectedly. Restore the work {when} ({}, {})?",
        crate::app::work::count(offer.articles, "article"),
        crate::app::work::count(offer.notes, "note")
    )
}

fn ago(secs: u64) -> String {
    match secs {
        0..=89 => "just now".to_string(),
        90..=5_399 => format!("{} minutes ago", (secs + 30) / 60),
        5_400..=129_599 => format!("{} hours ago", (secs + 1_800) / 3_600),
        _ => format!("{} days ago", (secs + 43_200) / 86_400),
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The export choice: one button per format, each explained.
pub fn export_ui(ctx: &egui::Context, view: &ViewState, actions: &mut Vec<Action>) {
    egui::Window::new("Export").collapsible(false).resizable(false).show(ctx, |ui| {
        let blind = if view.prefs.blind {
            "Blind mode is on: sources appear as Source A, B, C."
        } else {
            "Sources are named; turn on blind mode to hide them."
        };
        ui.label(format!("Every format includes your notes. {blind}"));
        ui.add_space(6.0);
        egui::Grid::new("export-formats").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            for f in Format::ALL {
                if ui.button(f.label()).on_hover_text("Choose where to save it").clicked() {
                    actions.push(Action::Export(f));
                }
                ui.label(what(f));
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        if ui.button("Cancel").on_hover_text("Close without exporting (Esc)").clicked() {
            actions.push(Action::ShowExport(false));
        }
    });
}

fn what(f: Format) -> &'static str {
    match f {
        Format::Json => "All the data, in the documented JSON format",
        Format::Markdown => "A readable report for an editor or a wiki",
        Format::Html => "One self-contained page that prints well",
        Format::Csv => "The claims matrix, for a spreadsheet",
        Format::CsvFraming => "Every flagged word, for a spreadsheet",
        Format::Worksheet => "A handout for students (sources hidden)",
        Format::AnswerKey => "The worksheet's answers, for the teacher",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_says_when_and_how_much() {
        let offer = RecoveryOffer { saved_secs: Some(1_795_331_640), articles: 3, notes: 1 };
        let q = recovery_question(&offer, 1_795_331_640 + 600);
        assert_eq!(
            q,
            "Parallax closed unexpectedly. Restore the work from 2026-11-22 07:14 UTC, 10 minutes ago (3 articles, 1 note)?"
        );
    }
}
