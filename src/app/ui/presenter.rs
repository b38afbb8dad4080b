//! Presenter mode: one shared claim at a time, every source's wording one under another in
//! large, high-contrast type with the differing words marked, for discussion in class.

use egui::{FontId, Label, RichText};

use super::{article_colour, diff_job, join_names, swatch};
use crate::analysis::{ClaimKind, Comparison};
use crate::app::action::Action;
use crate::app::state::ViewState;

/// The presenter screen.
pub fn presenter_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let shared: Vec<usize> =
        c.claims.iter().filter(|cl| cl.kind == ClaimKind::Shared).map(|cl| cl.id).collect();
    let big = (view.prefs.font_size * 2.0).clamp(28.0, 56.0);
    egui::Panel::top("presenter-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Previous").on_hover_text("Previous shared claim (Left)").clicked() {
                actions.push(Action::PrevClaim);
            }
            if ui.button("Next").on_hover_text("Next shared claim (Right)").clicked() {
                actions.push(Action::NextClaim);
            }
            let pos = view.selected.and_then(|s| shared.iter().position(|&id| id == s));
            if let Some(p) = pos {
                ui.label(RichText::new(format!("Shared claim {} of {}", p + 1, shared.len())).strong());
            }
            let blind = if view.prefs.blind { "Reveal sources" } else { "Hide sources" };
            if ui.button(blind).on_hover_text("Blind mode: Source A, B, … (Ctrl+B)").clicked() {
                actions.push(Action::ToggleBlind);
            }
            if ui.button("Leave presenter mode").on_hover_text("Back to the full window (Esc)").clicked() {
                actions.push(Action::TogglePresenter);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(claim) =
            view.selected.and_then(|id| c.claims.get(id)).filter(|cl| cl.kind == ClaimKind::Shared)
        else {
            ui.label(
                RichText::new("No shared claim to show. Load articles that report the same event.").size(big),
            );
            return;
        };
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            for (m, version) in claim.members.iter().zip(&view.versions) {
                ui.horizontal(|ui| {
                    swatch(ui, article_colour(view, m.article), big * 0.7);
                    ui.label(RichText::new(view.source_name(c, m.article)).size(big * 0.8).strong());
                });
                let job = diff_job(
                    &version.pieces,
                    FontId::proportional(big),
                    view.prefs.dark,
                    ui.available_width(),
                );
                ui.add(Label::new(job));
                ui.add_space(big * 0.6);
            }
            super::notes::presenter_notes_ui(ui, c, view, claim, big * 0.8);
            ui.add_space(big * 0.4);
            if !claim.omitted_by.is_empty() {
                let names: Vec<String> = claim.omitted_by.iter().map(|&i| view.source_name(c, i)).collect();
                ui.label(
                    RichText::new(format!("Not reported by {}.", join_names(&names)))
                        .size(big * 0.8)
                        .strong(),
                );
            }
        });
    });
}
