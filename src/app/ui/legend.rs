//! The legend, always visible at the bottom: what each tint, outline and underline means,
//! and a one-line count of the set.

use egui::{RichText, Stroke};

use super::swatch;
use crate::analysis::{ClaimKind, Comparison};
use crate::app::palette::{self, Tint};
use crate::app::state::ViewState;

/// The legend bar.
pub fn legend_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    let dark = view.prefs.dark;
    ui.horizontal_wrapped(|ui| {
        for tint in [Tint::SharedByAll, Tint::SharedBySome, Tint::Unique] {
            swatch(ui, tint.fill(dark, false), 18.0);
            ui.label(tint.title());
        }
        swatch(ui, Tint::SharedBySome.fill(dark, true), 18.0);
        ui.label("Pale: low-confidence link");
        ui.separator();
        let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 18.0), egui::Sense::hover());
        ui.painter().rect_stroke(
            rect,
            3.0,
            Stroke::new(3.0, palette::highlight(dark)),
            egui::StrokeKind::Inside,
        );
        ui.label("Same claim as the sentence under the pointer");
        ui.separator();
        for category in ["hedge", "loaded", "attribution-endorsing", "label"] {
            let (colour, name) = palette::marker_style(category, dark);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 18.0), egui::Sense::hover());
            ui.painter().hline(rect.x_range(), rect.bottom() - 3.0, Stroke::new(3.0, colour));
            ui.label(name);
        }
        ui.separator();
        let shared = c.claims.iter().filter(|cl| cl.kind == ClaimKind::Shared).count();
        let all = c.claims.iter().filter(|cl| c.shared_by_all(cl)).count();
        ui.label(
            RichText::new(format!(
                "{} articles · {} shared claims ({} by all) · {} unique",
                c.articles.len(),
                shared,
                all,
                c.claims.len() - shared
            ))
            .color(palette::muted(dark)),
        );
    });
}
