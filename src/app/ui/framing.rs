//! The framing view: word choices flagged per source (counts, a tone chart per 1,000 words,
//! and every flag with its plain-words note). Clicking a flag shows its sentence.

use std::collections::BTreeMap;

use egui::RichText;
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::{Comparison, SentenceRef};
use crate::app::action::{Action, View};
use crate::app::palette;
use crate::app::state::ViewState;

/// Flags per 1,000 words, per article and marker category (categories sorted).
pub fn tone(c: &Comparison) -> BTreeMap<String, Vec<f64>> {
    let mut out: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for m in &c.framing.markers {
        let name = palette::marker_style(&m.category, false).1.to_string();
        let row = out.entry(name).or_insert_with(|| vec![0.0; c.articles.len()]);
        if let Some(v) = row.get_mut(m.article) {
            *v += 1.0;
        }
    }
    for row in out.values_mut() {
        for (i, v) in row.iter_mut().enumerate() {
            let words = c.articles.get(i).map(|a| a.word_count()).unwrap_or(0).max(1);
            *v *= 1000.0 / words as f64;
        }
    }
    out
}

/// The framing view.
pub fn framing_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    if c.framing.markers.is_empty() {
        ui.label("No framing words were flagged in these articles.");
        return;
    }
    ui.label(RichText::new("Tone: flagged words per 1,000 words").strong())
        .on_hover_text("Comparable across articles of different lengths");
    tone_chart_ui(ui, c, view);
    ui.separator();
    egui::ScrollArea::vertical().id_salt("framing-list").auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("markers").striped(true).num_columns(4).show(ui, |ui| {
            for h in ["Source", "Word", "Kind", "Why it matters"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (k, m) in c.framing.markers.iter().enumerate() {
                ui.label(view.source_name(c, m.article));
                let r = ui
                    .push_id(("marker", k), |ui| ui.link(&m.term))
                    .inner
                    .on_hover_text("Show this sentence side by side");
                if r.clicked() {
                    actions.push(Action::SelectSentence(SentenceRef {
                        article: m.article,
                        sentence: m.sentence,
                    }));
                    actions.push(Action::ShowView(View::Columns));
                }
                let (colour, name) = palette::marker_style(&m.category, view.prefs.dark);
                ui.label(RichText::new(name).color(colour).strong());
                ui.label(&m.note);
                ui.end_row();
            }
        });
    });
}

fn tone_chart_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    let tone = tone(c);
    let n = c.articles.len();
    let width = 0.8 / tone.len().max(1) as f64;
    let charts: Vec<BarChart> = tone
        .iter()
        .enumerate()
        .map(|(k, (name, per_article))| {
            let bars: Vec<Bar> = per_article
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    Bar::new(i as f64 + (k as f64 - (tone.len() as f64 - 1.0) / 2.0) * width, *v).width(width)
                })
                .collect();
            let category = match name.as_str() {
                "Loaded word" => "loaded",
                "Label choice" => "label",
                "Hedge or distancing word" => "hedge",
                _ => "other",
            };
            BarChart::new(name.clone(), bars).color(palette::marker_style(category, view.prefs.dark).0)
        })
        .collect();
    let names: Vec<String> = (0..n).map(|i| view.source_name(c, i)).collect();
    Plot::new("tone")
        .height(220.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}
