//! The quote ledger: who is quoted, with which verb, how many words, where in the article; and
//! the same quotation across sources — verbatim, trimmed, altered (with the diff) or pinned on a
//! different speaker (flagged).

use egui::RichText;

use crate::analysis::{Comparison, SentenceRef};
use crate::app::action::{Action, View};
use crate::app::palette;
use crate::app::state::ViewState;
use crate::framing::DiffKind;

/// The quotes view.
pub fn quotes_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let quotes = &c.framing.quotes;
    if quotes.is_empty() {
        ui.label("No quotations were found in these articles.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("quotes").auto_shrink(false).show(ui, |ui| {
        matches_ui(ui, c, view, actions);
        ui.add_space(10.0);
        ui.label(RichText::new("Quote ledger").heading());
        egui::Grid::new("quote-ledger").striped(true).num_columns(5).show(ui, |ui| {
            for h in ["Source", "Who", "Quote", "Words", "Where"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (k, q) in quotes.iter().enumerate() {
                ui.label(view.source_name(c, q.article));
                let who = match (&q.speaker, &q.verb) {
                    (Some(s), Some(v)) => format!("{s} ({v})"),
                    (Some(s), None) => s.clone(),
                    _ => "unattributed".into(),
                };
                ui.label(view.redact(&who));
                let text = view.redact(&q.text);
                let short: String = text.chars().take(110).collect();
                let shown = if short.len() < text.len() {
                    format!("“{short}…”")
                } else {
                    format!("“{short}”")
                };
                let r = ui
                    .push_id(("quote", k), |ui| ui.link(shown))
                    .inner
                    .on_hover_text("Show this quote side by side");
                if r.clicked() {
                    actions.push(Action::SelectSentence(SentenceRef {
                        article: q.article,
                        sentence: q.sentence,
                    }));
                    actions.push(Action::ShowView(View::Columns));
                }
                ui.label(q.words.to_string());
                ui.label(super::prominence_text(q.prominence));
                ui.end_row();
            }
        });
    });
}

/// The same quotation in two sources, most suspicious first (other speaker, altered, trimmed).
fn matches_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let quotes = &c.framing.quotes;
    let mut ms: Vec<_> = c.framing.quote_matches.iter().collect();
    ms.sort_by_key(|m| (!m.different_speaker, std::cmp::Reverse(m.kind), m.a, m.b));
    if ms.is_empty() {
        return;
    }
    ui.label(RichText::new("The same quotation in several sources").heading());
    let dark = view.prefs.dark;
    for (k, m) in ms.iter().enumerate() {
        let (Some(qa), Some(qb)) = (quotes.get(m.a), quotes.get(m.b)) else { continue };
        let flag = if m.different_speaker { "Different speaker — check who said it" } else { "" };
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{:?}: {} and {}",
                    m.kind,
                    view.source_name(c, qa.article),
                    view.source_name(c, qb.article)
                ))
                .strong(),
            );
            if !flag.is_empty() {
                ui.label(RichText::new(flag).color(palette::okabe_ito::VERMILLION).strong());
            }
        });
        ui.label(view.redact(&m.note));
        let changed: Vec<String> = m
            .diff
            .iter()
            .filter(|d| d.kind != DiffKind::Equal)
            .map(|d| match d.kind {
                DiffKind::Removed => format!("cut “{}”", d.a_text),
                DiffKind::Added => format!("added “{}”", d.b_text),
                _ => format!("“{}” became “{}”", d.a_text, d.b_text),
            })
            .collect();
        if !changed.is_empty() {
            let changed = view.redact(&changed.join("; ")).into_owned();
            ui.label(RichText::new(changed).background_color(palette::diff_fill(dark)));
        }
        let r = ui
            .push_id(("qm", k), |ui| ui.link("Show side by side"))
            .inner
            .on_hover_text("Select these quotes' sentences");
        if r.clicked() {
            actions.push(Action::SelectSentence(SentenceRef { article: qa.article, sentence: qa.sentence }));
            actions.push(Action::ShowView(View::Columns));
        }
        ui.separator();
    }
}
