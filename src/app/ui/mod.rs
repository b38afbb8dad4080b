//! Panels. Each is a plain function of what it shows (`&Comparison`, `&ViewState`) that pushes
//! [`Action`]s; none changes state itself.

pub mod columns;
pub mod copying;
pub mod detail;
pub mod dialogs;
pub mod framing;
pub mod legend;
pub mod matrix;
pub mod notes;
pub mod notifications;
pub mod presenter;
pub mod quotes;
pub mod session;
pub mod toolbar;

use egui::{Color32, FontId, Sense, text::LayoutJob};

use super::action::{Action, View};
use super::diff::Piece;
use super::palette;
use super::state::ViewState;
use crate::analysis::{Comparison, Prominence};

/// The whole window: menu, toolbar, banner, legend, detail pane, the current view, dialogs.
pub fn app_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    if view.presenter {
        presenter::presenter_ui(ui, c, view, actions);
        overlays_ui(ui.ctx(), c, view, actions);
        return;
    }
    egui::Panel::top("menu").show(ui, |ui| toolbar::menu_ui(ui, view, actions));
    egui::Panel::top("toolbar").show(ui, |ui| toolbar::toolbar_ui(ui, c, view, actions));
    if notifications::has_banner(c) {
        egui::Panel::top("banner").show(ui, |ui| notifications::banner_ui(ui, c, view));
    }
    egui::Panel::bottom("legend").show(ui, |ui| legend::legend_ui(ui, c, view));
    if view.view == View::Columns && view.selected.is_some() {
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(480.0)
            .show(ui, |ui| detail::detail_ui(ui, c, view, actions));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        tabs_ui(ui, view, actions);
        ui.separator();
        match view.view {
            View::Columns => columns::columns_ui(ui, c, view, actions),
            View::Matrix => matrix::matrix_ui(ui, c, view, actions),
            View::Framing => framing::framing_ui(ui, c, view, actions),
            View::Quotes => quotes::quotes_ui(ui, c, view, actions),
            View::Copying => copying::copying_ui(ui, c, view, actions),
        }
    });
    dialogs::dialogs_ui(ui.ctx(), c, view, actions);
    overlays_ui(ui.ctx(), c, view, actions);
}

/// What floats over any screen: the sentence-note and export dialogs, notifications, and the
/// recovery prompt (modal, drawn last so it is on top).
fn overlays_ui(ctx: &egui::Context, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    notes::sentence_note_ui(ctx, c, view, actions);
    if view.export_open {
        session::export_ui(ctx, view, actions);
    }
    notifications::notifications_ui(ctx, view, actions);
    if let Some(offer) = &view.recovery {
        session::recovery_ui(ctx, offer, actions);
    }
}

/// The view tabs.
pub fn tabs_ui(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for v in View::ALL {
            let r = ui
                .selectable_label(view.view == v, v.title())
                .on_hover_text(format!("Show the {} view", v.title()));
            if r.clicked() && view.view != v {
                actions.push(Action::ShowView(v));
            }
        }
    });
}

/// A small filled square in an article's or a kind's colour.
pub fn swatch(ui: &mut egui::Ui, colour: Color32, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    ui.painter().rect_filled(rect, 3.0, colour);
}

/// The colour of article `i`.
pub fn article_colour(view: &ViewState, i: usize) -> Color32 {
    let [r, g, b] = view.colours.get(i).copied().unwrap_or_else(|| palette::article_colour(i));
    Color32::from_rgb(r, g, b)
}

/// Plain words for a prominence.
pub fn prominence_text(p: Prominence) -> &'static str {
    match p {
        Prominence::Lede => "in the lede",
        Prominence::Upper => "in the upper half",
        Prominence::Lower => "in the lower half",
    }
}

/// A version of a claim with its differing words marked.
pub fn diff_job(pieces: &[Piece], font: FontId, dark: bool, wrap_width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    for p in pieces {
        let mut format = egui::TextFormat::simple(font.clone(), palette::text(dark));
        if p.changed {
            // Background only: egui draws an underline across section and glyph boundaries in
            // pieces, which read as marks starting mid-word on a projector.
            format.background = palette::diff_fill(dark);
        }
        job.append(&p.text, 0.0, format);
    }
    job.wrap.max_width = wrap_width;
    job
}

/// Joins names as "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The claim filter as a row of buttons (matrix view).
pub fn toolbar_filter_ui(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label("Show:");
        for f in super::action::Filter::ALL {
            let r = ui
                .selectable_label(view.filter == f, f.title())
                .on_hover_text(format!("Show {}", f.title().to_lowercase()));
            if r.clicked() && view.filter != f {
                actions.push(Action::SetFilter(f));
            }
        }
    });
}
