//! The copying view: sentences two sources carry almost word for word, per pair of sources,
//! with the share of each article they make up. (The framing stage is adding shingle-based
//! reuse detection; this view reads the near-verbatim links until then.)

use egui::RichText;

use crate::analysis::{Comparison, Link};
use crate::app::action::{Action, View};
use crate::app::state::ViewState;

/// Link score at or above which two sentences count as (nearly) the same words.
pub const NEAR_VERBATIM: f32 = 0.8;

/// Near-verbatim links grouped by pair of articles: ((a, b), links), pairs in order.
pub fn pairs(c: &Comparison) -> Vec<((usize, usize), Vec<&Link>)> {
    let mut out: Vec<((usize, usize), Vec<&Link>)> = Vec::new();
    let mut links: Vec<&Link> = c.links.iter().filter(|l| l.score >= NEAR_VERBATIM).collect();
    links.sort_by_key(|l| (l.a.article.min(l.b.article), l.a.article.max(l.b.article), l.a.sentence));
    for l in links {
        let key = (l.a.article.min(l.b.article), l.a.article.max(l.b.article));
        match out.last_mut() {
            Some((k, v)) if *k == key => v.push(l),
            _ => out.push((key, vec![l])),
        }
    }
    out
}

/// The copying view.
pub fn copying_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let pairs = pairs(c);
    if pairs.is_empty() {
        ui.label("No sentences are shared almost word for word between these sources.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("copying").auto_shrink(false).show(ui, |ui| {
        for ((a, b), links) in &pairs {
            let share = |i: usize| {
                let n = c.articles.get(i).map(|x| x.sentences.len()).unwrap_or(0).max(1);
                100.0 * links.len() as f64 / n as f64
            };
            ui.label(
                RichText::new(format!(
                    "{} and {}: {} sentence(s) almost word for word ({:.0}% of {}, {:.0}% of {})",
                    view.source_name(c, *a),
                    view.source_name(c, *b),
                    links.len(),
                    share(*a),
                    view.source_name(c, *a),
                    share(*b),
                    view.source_name(c, *b)
                ))
                .strong(),
            );
            for (k, l) in links.iter().enumerate() {
                let text = c.sentence_text(l.a);
                let r = ui
                    .push_id(("copy", a, b, k), |ui| {
                        ui.link(format!("{:.0}% alike: “{text}”", l.score * 100.0))
                    })
                    .inner
                    .on_hover_text("Show these sentences side by side");
                if r.clicked() {
                    actions.push(Action::SelectSentence(l.a));
                    actions.push(Action::ShowView(View::Columns));
                }
            }
            ui.separator();
        }
    });
}
