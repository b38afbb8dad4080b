//! The quote ledger: who is quoted where, how many words, and where the same quote appears in
//! other sources verbatim, trimmed or with words changed. (The framing stage is adding speaker
//! attribution and its own matching; this view reads the quoted passages the text stage finds.)

use egui::RichText;

use crate::analysis::{Comparison, SentenceRef};
use crate::app::action::{Action, View};
use crate::app::state::ViewState;

/// How a quote appears in another source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reuse {
    /// The same words.
    Verbatim,
    /// A part of it (or it is part of the other).
    Trimmed,
    /// Mostly the same words, some changed.
    Altered,
}

/// Normalises quote text for comparison: lower case, words only.
fn words(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// How `b` reuses `a`, if it does.
pub fn reuse(a: &str, b: &str) -> Option<Reuse> {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return None;
    }
    if wa == wb {
        return Some(Reuse::Verbatim);
    }
    let shorter = wa.len().min(wb.len());
    if shorter >= 12 && (wa.contains(&wb) || wb.contains(&wa)) {
        return Some(Reuse::Trimmed);
    }
    let ratio = similar::TextDiff::from_words(wa.as_str(), wb.as_str()).ratio();
    (ratio >= 0.6 && shorter >= 12).then_some(Reuse::Altered)
}

/// The quotes view.
pub fn quotes_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let all: Vec<(usize, &str, usize)> = view
        .index
        .quotes
        .iter()
        .enumerate()
        .flat_map(|(i, qs)| {
            let body = c.articles.get(i).map(|a| a.body.as_str()).unwrap_or("");
            qs.iter().map(move |q| (i, q.inner.of(body), q.span.start))
        })
        .collect();
    if all.is_empty() {
        ui.label("No quoted passages were found in these articles.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("quotes").auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("quote-ledger").striped(true).num_columns(5).show(ui, |ui| {
            for h in ["Source", "Quote", "Words", "Where", "Elsewhere"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (k, &(i, text, start)) in all.iter().enumerate() {
                let Some(a) = c.articles.get(i) else { continue };
                ui.label(view.source_name(c, i));
                let short: String = text.chars().take(120).collect();
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
                    if let Some(si) = a.sentences.iter().position(|s| s.span.end > start) {
                        actions.push(Action::SelectSentence(SentenceRef { article: i, sentence: si }));
                        actions.push(Action::ShowView(View::Columns));
                    }
                }
                ui.label(text.split_whitespace().count().to_string());
                ui.label(format!("{:.0}% in", 100.0 * start as f64 / a.body.len().max(1) as f64));
                let elsewhere: Vec<String> = all
                    .iter()
                    .filter(|(j, _, _)| *j != i)
                    .filter_map(|&(j, other, _)| {
                        reuse(text, other).map(|r| format!("{} ({r:?})", view.source_name(c, j)))
                    })
                    .collect();
                ui.label(if elsewhere.is_empty() { "—".to_string() } else { elsewhere.join(", ") });
                ui.end_row();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuse_kinds() {
        let q = "We will not allow our companies to be shut out of the most important markets in the world";
        let cases: &[(&str, Option<Reuse>)] = &[
            (q, Some(Reuse::Verbatim)),
            (
                "we will not allow our companies to be shut out of the most important markets",
                Some(Reuse::Trimmed),
            ),
            (
                "We will never allow our firms to be shut out of the most important markets in the world",
                Some(Reuse::Altered),
            ),
            ("Nothing to do with it at all, said the spokesman on Tuesday", None),
        ];
        for (b, want) in cases {
            assert_eq!(reuse(q, b), *want, "case {b}");
        }
    }
}
