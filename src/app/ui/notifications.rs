//! Notifications (each shown once until dismissed) and the story-check banner.

use egui::{Align2, RichText};

use crate::analysis::Comparison;
use crate::app::action::Action;
use crate::app::palette;
use crate::app::state::{Level, NoticeButton, ViewState};

/// True when the set has warnings worth a banner.
pub fn has_banner(c: &Comparison) -> bool {
    !c.warnings.is_empty() || c.events.len() > 1
}

/// The story-check and set warnings banner.
pub fn banner_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    let dark = view.prefs.dark;
    let fill = palette::mix(palette::okabe_ito::YELLOW, dark, if dark { 0.35 } else { 0.45 });
    egui::Frame::new().fill(fill).inner_margin(6).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if c.events.len() > 1 {
            let groups: Vec<String> = c
                .events
                .iter()
                .map(|g| g.iter().map(|&i| view.source_name(c, i)).collect::<Vec<_>>().join(", "))
                .collect();
            ui.label(
                RichText::new(format!(
                    "Story check: these articles cover {} different stories ({}). Claims are only compared within a story.",
                    c.events.len(),
                    groups.join(" | ")
                ))
                .strong(),
            );
        }
        for w in &c.warnings {
            if c.events.len() > 1 && w.message.to_lowercase().contains("stor") {
                continue; // Already said above.
            }
            ui.label(view.redact(&w.message));
        }
    });
}

/// Notifications, stacked at the bottom right.
pub fn notifications_ui(ctx: &egui::Context, view: &ViewState, actions: &mut Vec<Action>) {
    if view.notifications.is_empty() {
        return;
    }
    let dark = view.prefs.dark;
    egui::Area::new(egui::Id::unique("notifications"))
        .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -56.0))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            for n in &view.notifications {
                let colour = match n.level {
                    Level::Error => palette::okabe_ito::VERMILLION,
                    Level::Info => palette::okabe_ito::GREEN,
                };
                egui::Frame::popup(ui.style())
                    .fill(palette::mix(colour, dark, 0.25))
                    .stroke(egui::Stroke::new(2.0, colour))
                    .show(ui, |ui| {
                        ui.label(view.redact(&n.text));
                        ui.horizontal(|ui| {
                            if n.button == Some(NoticeButton::BringBack)
                                && ui
                                    .button("Bring it back")
                                    .on_hover_text("Put back the work that was replaced")
                                    .clicked()
                            {
                                actions.push(Action::BringBack);
                                actions.push(Action::DismissNotification(n.id));
                            }
                            if ui.button("Dismiss").on_hover_text("Close this message").clicked() {
                                actions.push(Action::DismissNotification(n.id));
                            }
                        });
                    });
            }
        });
}
