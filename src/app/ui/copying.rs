//! The copying view: passages shared nearly word for word between sources, the share of each
//! article they make up, and who likely copied whom (by publication date, when known).

use egui::RichText;

use crate::analysis::Comparison;
use crate::app::action::Action;
use crate::app::state::ViewState;

/// The copying view.
pub fn copying_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, _actions: &mut Vec<Action>) {
    let reuse = &c.framing.reuse;
    if reuse.is_empty() {
        ui.label("No passages are shared almost word for word between these sources.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("copying").auto_shrink(false).show(ui, |ui| {
        for r in reuse {
            let (a, b) = (view.source_name(c, r.a), view.source_name(c, r.b));
            ui.label(
                RichText::new(format!(
                    "{a} and {b}: {} words in common ({:.0}% of {a}, {:.0}% of {b})",
                    r.words,
                    r.share_a * 100.0,
                    r.share_b * 100.0
                ))
                .strong(),
            );
            if let Some(s) = r.source {
                ui.label(format!("Probably first published by {}.", view.source_name(c, s)));
            }
            ui.label(view.redact(&r.note));
            for p in &r.passages {
                let text = c.articles.get(r.a).and_then(|x| x.body.get(p.a_start..p.a_end)).unwrap_or("");
                let text = view.redact(text);
                let short: String = text.chars().take(240).collect();
                ui.label(format!(
                    "{} words: “{}{}”",
                    p.words,
                    short,
                    if short.len() < text.len() { "…" } else { "" }
                ));
            }
            ui.separator();
        }
    });
}
