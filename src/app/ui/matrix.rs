//! The claims matrix: claims × sources, sortable, filtered; clicking a claim jumps to it.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::toolbar_filter_ui;
use crate::analysis::{Claim, Comparison};
use crate::app::action::{Action, SortKey, View};
use crate::app::palette::{self, Tint};
use crate::app::state::ViewState;

/// The claims, filtered and sorted as the view says.
pub fn rows<'c>(c: &'c Comparison, view: &ViewState) -> Vec<&'c Claim> {
    let mut rows: Vec<&Claim> = c.claims.iter().filter(|cl| view.passes(c, cl)).collect();
    let (key, ascending) = view.sort;
    match key {
        SortKey::Order => {}
        SortKey::Label => rows.sort_by_key(|cl| cl.label.to_lowercase()),
        SortKey::Sources => rows.sort_by_key(|cl| std::cmp::Reverse(cl.articles.len())),
        SortKey::Confidence => rows.sort_by(|a, b| b.confidence.total_cmp(&a.confidence)),
    }
    if !ascending {
        rows.reverse();
    }
    rows
}

/// The matrix view.
pub fn matrix_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    toolbar_filter_ui(ui, view, actions);
    let rows = rows(c, view);
    let n = c.articles.len();
    let dark = view.prefs.dark;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt("claims-matrix")
        .striped(true)
        .column(Column::exact(48.0))
        .column(Column::remainder().at_least(300.0).clip(true))
        .columns(Column::exact(110.0), n)
        .column(Column::exact(90.0))
        .column(Column::exact(120.0))
        .header(row_height, |mut header| {
            header.col(|ui| sort_button(ui, view, SortKey::Order, "#", actions));
            header.col(|ui| sort_button(ui, view, SortKey::Label, "Claim", actions));
            for i in 0..n {
                header.col(|ui| {
                    ui.label(RichText::new(view.source_name(c, i)).strong());
                });
            }
            header.col(|ui| sort_button(ui, view, SortKey::Sources, "Sources", actions));
            header.col(|ui| sort_button(ui, view, SortKey::Confidence, "Confidence", actions));
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some(claim) = rows.get(row.index()) else { return };
                let tint = Tint::of(c, claim);
                row.col(|ui| {
                    ui.label((claim.id + 1).to_string());
                });
                row.col(|ui| {
                    let r = ui
                        .selectable_label(view.selected == Some(claim.id), view.redact(&claim.label))
                        .on_hover_text(format!("{}: click to show it side by side", tint.title()));
                    if r.clicked() {
                        actions.push(Action::SelectClaim(Some(claim.id)));
                        actions.push(Action::ShowView(View::Columns));
                    }
                });
                for i in 0..n {
                    row.col(|ui| {
                        let member = claim.members.iter().find(|m| m.article == i);
                        match member {
                            Some(m) => {
                                let text = match m.prominence {
                                    crate::analysis::Prominence::Lede => "yes, lede",
                                    crate::analysis::Prominence::Upper => "yes, upper",
                                    crate::analysis::Prominence::Lower => "yes, lower",
                                };
                                let fill = tint.fill(dark, false);
                                egui::Frame::new().fill(fill).inner_margin(2).show(ui, |ui| {
                                    ui.label(RichText::new(text).color(palette::text(dark)));
                                });
                            }
                            None if claim.omitted_by.contains(&i) => {
                                ui.label(RichText::new("— omits").color(palette::muted(dark)));
                            }
                            None => {
                                ui.label("");
                            }
                        }
                    });
                }
                row.col(|ui| {
                    ui.label(format!("{} of {n}", claim.articles.len()));
                });
                row.col(|ui| {
                    ui.label(format!("{:.0}%", claim.confidence * 100.0));
                });
            });
        });
}

fn sort_button(ui: &mut egui::Ui, view: &ViewState, key: SortKey, title: &str, actions: &mut Vec<Action>) {
    let arrow = match view.sort {
        (k, true) if k == key => " (asc)",
        (k, false) if k == key => " (desc)",
        _ => "",
    };
    if ui.button(format!("{title}{arrow}")).on_hover_text(format!("Sort by {title}")).clicked() {
        actions.push(Action::SortMatrix(key));
    }
}
