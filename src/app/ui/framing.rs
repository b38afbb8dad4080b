//! The framing view: tone per 1,000 words (chart), the labels each source uses for the same
//! referent, who is reported as saying what with which verb, contradictions, lede-versus-buried
//! claims, and every flagged word with its plain-words note.

use egui::{CollapsingHeader, Grid, RichText};
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::{Comparison, SentenceRef};
use crate::app::action::{Action, View};
use crate::app::palette;
use crate::app::state::ViewState;

/// The framing view.
pub fn framing_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let f = &c.framing;
    if f.markers.is_empty() && f.labels.is_empty() && f.attributions.is_empty() {
        ui.label("No framing choices were found in these articles.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("framing").auto_shrink(false).show(ui, |ui| {
        CollapsingHeader::new("Tone: flagged words per 1,000 words").default_open(true).show(ui, |ui| {
            tone_chart_ui(ui, c, view);
        });
        CollapsingHeader::new(format!(
            "Check these: {} number, date or negation differences",
            f.contradictions.len()
        ))
        .default_open(!f.contradictions.is_empty())
        .show(ui, |ui| contradictions_ui(ui, c, view, actions));
        CollapsingHeader::new("Labels: the same thing, named differently").default_open(true).show(
            ui,
            |ui| {
                labels_ui(ui, c, view);
            },
        );
        CollapsingHeader::new("Who said what, with which verb").default_open(true).show(ui, |ui| {
            attribution_ui(ui, c, view);
        });
        CollapsingHeader::new("Led with by one source, buried or left out by another").show(ui, |ui| {
            for p in &f.prominence {
                ui.label(view.redact(&p.note));
            }
        });
        CollapsingHeader::new(format!("Every flagged word ({})", f.markers.len()))
            .show(ui, |ui| markers_ui(ui, c, view, actions));
    });
}

fn contradictions_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    for (k, x) in c.framing.contradictions.iter().enumerate() {
        ui.label(
            RichText::new(format!(
                "{} vs {}: {} ({} / {})",
                view.source_name(c, x.a.article),
                view.source_name(c, x.b.article),
                x.kind,
                x.a_values.join(", "),
                x.b_values.join(", ")
            ))
            .strong(),
        );
        ui.label(view.redact(&x.note));
        if ui
            .push_id(("contra", k), |ui| ui.link("Show side by side"))
            .inner
            .on_hover_text("Select this claim")
            .clicked()
        {
            actions.push(Action::SelectSentence(x.a));
            actions.push(Action::ShowView(View::Columns));
        }
    }
}

fn labels_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    let n = c.articles.len();
    Grid::new("labels").striped(true).num_columns(n + 1).show(ui, |ui| {
        ui.label(RichText::new("Referent").strong());
        for i in 0..n {
            ui.label(RichText::new(view.source_name(c, i)).strong());
        }
        ui.end_row();
        for g in &c.framing.labels {
            ui.label(view.redact(&g.referent));
            for i in 0..n {
                let uses: Vec<String> = g
                    .uses
                    .iter()
                    .filter(|u| u.article == i)
                    .map(|u| format!("{} ×{}", u.term, u.count))
                    .collect();
                ui.label(if uses.is_empty() {
                    "—".to_string()
                } else {
                    view.redact(&uses.join(", ")).into_owned()
                });
            }
            ui.end_row();
        }
    });
}

fn attribution_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    for i in 0..c.articles.len() {
        let rows = crate::framing::speaker_verbs(&c.framing.attributions, i);
        if rows.is_empty() {
            continue;
        }
        ui.label(RichText::new(view.source_name(c, i)).strong());
        for r in rows {
            let verbs: Vec<String> = r
                .verbs
                .iter()
                .map(|(verb, class, count)| {
                    let kind = class.strip_prefix("attribution-").unwrap_or(class);
                    format!("{verb} {count}× ({kind})")
                })
                .collect();
            ui.label(format!("    {}: {}", view.redact(&r.speaker), verbs.join(", ")));
        }
    }
}

fn markers_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    Grid::new("markers").striped(true).num_columns(4).show(ui, |ui| {
        for h in ["Source", "Word", "Kind", "Why it matters"] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (k, m) in c.framing.markers.iter().enumerate() {
            ui.label(view.source_name(c, m.article));
            let r = ui
                .push_id(("marker", k), |ui| ui.link(view.redact(&m.term)))
                .inner
                .on_hover_text("Show this sentence side by side");
            if r.clicked() {
                actions
                    .push(Action::SelectSentence(SentenceRef { article: m.article, sentence: m.sentence }));
                actions.push(Action::ShowView(View::Columns));
            }
            let (colour, name) = palette::marker_style(&m.category, view.prefs.dark);
            ui.label(RichText::new(name).color(colour).strong());
            ui.label(view.redact(&m.note));
            ui.end_row();
        }
    });
}

/// A tone series: legend name, marker category (for its colour), value per article.
type Series = (&'static str, &'static str, fn(&crate::framing::Tone) -> f32);

fn tone_chart_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState) {
    let dark = view.prefs.dark;
    let series: [Series; 3] = [
        ("Loaded words", "loaded", |t| t.loaded_per_1000),
        ("Hedges", "hedge", |t| t.hedges_per_1000),
        ("Distancing verbs", "attribution-distancing", |t| t.distancing_per_1000),
    ];
    let width = 0.8 / series.len() as f64;
    let charts: Vec<BarChart> = series
        .iter()
        .enumerate()
        .map(|(k, (name, category, value))| {
            let bars: Vec<Bar> = c
                .framing
                .tone
                .iter()
                .map(|t| {
                    Bar::new(t.article as f64 + (k as f64 - 1.0) * width, f64::from(value(t))).width(width)
                })
                .collect();
            let colour = if *category == "hedge" {
                palette::okabe_ito::BLUE
            } else {
                palette::marker_style(category, dark).0
            };
            BarChart::new(*name, bars).color(colour)
        })
        .collect();
    let names: Vec<String> = (0..c.articles.len()).map(|i| view.source_name(c, i)).collect();
    Plot::new("tone")
        .height(240.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            let whole = (mark.value - i).abs() < 1e-6 && i >= 0.0;
            if whole { names.get(i as usize).cloned().unwrap_or_default() } else { String::new() }
        })
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}
