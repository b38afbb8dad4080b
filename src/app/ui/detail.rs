//! The detail pane for the selected claim: every version one under another with the words
//! that differ marked, who carries and who leaves it out, where it sits, how confident the
//! link is, the user's notes on it, and the evidence for each link.

use egui::{FontId, Label, RichText, ScrollArea};

use super::{article_colour, diff_job, join_names, prominence_text, swatch};
use crate::analysis::{Claim, ClaimKind, Comparison};
use crate::app::action::Action;
use crate::app::palette::{self, Tint};
use crate::app::state::ViewState;
use crate::app::ui::columns::low_confidence;

/// The detail pane.
pub fn detail_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let Some(claim) = view.selected.and_then(|id| c.claims.get(id)) else {
        ui.label("Click a sentence to see how each source words it.");
        return;
    };
    ui.horizontal(|ui| {
        if ui.button("Previous").on_hover_text("Previous claim (K or Up)").clicked() {
            actions.push(Action::PrevClaim);
        }
        if ui.button("Next").on_hover_text("Next claim (J or Down)").clicked() {
            actions.push(Action::NextClaim);
        }
        if ui.button("Close").on_hover_text("Close the detail pane (Esc)").clicked() {
            actions.push(Action::SelectClaim(None));
        }
    });
    ui.separator();
    ScrollArea::vertical().id_salt("detail").auto_shrink(false).show(ui, |ui| {
        summary_ui(ui, c, view, claim);
        ui.add_space(8.0);
        // Notes first (a teacher's prompt for this claim), in one compact row when there are none.
        super::notes::claim_notes_ui(ui, c, view, claim, actions);
        ui.add_space(8.0);
        versions_ui(ui, c, view, claim);
        ui.add_space(8.0);
        evidence_ui(ui, c, view, claim);
    });
}

fn summary_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, claim: &Claim) {
    let tint = Tint::of(c, claim);
    ui.horizontal(|ui| {
        swatch(ui, tint.colour(), 16.0);
        ui.label(RichText::new(format!("Claim {} — {}", claim.id + 1, tint.title())).heading());
    });
    let carried: Vec<String> = claim.articles.iter().map(|&i| view.source_name(c, i)).collect();
    let omitted: Vec<String> = claim.omitted_by.iter().map(|&i| view.source_name(c, i)).collect();
    match claim.kind {
        ClaimKind::Unique => {
            ui.label(format!("Only {} reports this.", join_names(&carried)));
        }
        ClaimKind::Shared => {
            ui.label(format!("Carried by {}.", join_names(&carried)));
            if !omitted.is_empty() {
                ui.label(RichText::new(format!("Left out by {}.", join_names(&omitted))).strong());
            }
            let pct = (claim.confidence * 100.0).round();
            let text = if low_confidence(c, claim) {
                format!(
                    "Confidence {pct}% — low: the wordings overlap only a little; read them before relying on the link."
                )
            } else {
                format!("Confidence {pct}% (weakest link between the versions).")
            };
            ui.label(text);
        }
    }
}

fn versions_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, claim: &Claim) {
    ui.label(RichText::new("Versions").strong()).on_hover_text("Marked words differ between the versions");
    let font = FontId::proportional(view.prefs.font_size);
    for (m, version) in claim.members.iter().zip(&view.versions) {
        ui.horizontal(|ui| {
            swatch(ui, article_colour(view, m.article), 14.0);
            ui.label(RichText::new(view.source_name(c, m.article)).strong());
            ui.label(RichText::new(prominence_text(m.prominence)).color(palette::muted(view.prefs.dark)));
        });
        let job = diff_job(&version.pieces, font.clone(), view.prefs.dark, ui.available_width());
        egui::Frame::new()
            .fill(palette::background(view.prefs.dark))
            .inner_margin(6)
            .corner_radius(4.0)
            .show(ui, |ui| ui.add(Label::new(job)));
        if let (false, Some(first)) = (version.changes.is_empty(), claim.members.first()) {
            let first_name = view.source_name(c, first.article);
            ui.label(format!("Compared with {first_name}: {}", version.changes.join("; ")));
        }
        ui.add_space(4.0);
    }
}

fn evidence_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, claim: &Claim) {
    if claim.kind == ClaimKind::Unique {
        return;
    }
    ui.label(RichText::new("Why these were linked").strong())
        .on_hover_text("The evidence the analysis found for each pair of sentences");
    let members: Vec<_> = claim.members.iter().map(|m| m.sentence_ref()).collect();
    for link in c.links.iter().filter(|l| members.contains(&l.a) && members.contains(&l.b)) {
        let low = if link.score < c.settings.threshold + 0.1 { " (low)" } else { "" };
        ui.label(format!(
            "{} and {}: score {:.2}{low} — {}",
            view.source_name(c, link.a.article),
            view.source_name(c, link.b.article),
            link.score,
            view.redact(&link.evidence.summary())
        ));
    }
}
