//! The side-by-side view: one column per article, sentences tinted by how many sources carry
//! them, framing words underlined, counterparts outlined when a sentence is hovered or selected.

use std::collections::HashSet;

use egui::{Align, FontId, Label, Layout, RichText, ScrollArea, Sense, Stroke, text::LayoutJob};

use super::{article_colour, swatch};
use crate::analysis::{Claim, ClaimKind, Comparison, SentenceRef};
use crate::app::action::Action;
use crate::app::palette::{self, Tint};
use crate::app::state::ViewState;

/// Sentences in other articles that state the same claim as the hovered sentence.
pub fn counterparts(c: &Comparison, view: &ViewState) -> Vec<SentenceRef> {
    let Some(h) = view.hovered else { return Vec::new() };
    let mut out = Vec::new();
    for &id in view.index.claims(h) {
        if let Some(claim) = c.claims.get(id) {
            out.extend(claim.members.iter().map(|m| m.sentence_ref()).filter(|r| r.article != h.article));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// True when a shared claim's weakest link is close to the threshold: shown paler, and said so.
pub fn low_confidence(c: &Comparison, claim: &Claim) -> bool {
    claim.kind == ClaimKind::Shared && claim.confidence < c.settings.threshold + 0.1
}

/// What a frame of the columns needs to know beyond the comparison.
struct Marks {
    linked: HashSet<SentenceRef>,
    selected: HashSet<SentenceRef>,
    found: HashSet<SentenceRef>,
}

/// The columns view.
pub fn columns_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, actions: &mut Vec<Action>) {
    let n = c.articles.len();
    if n == 0 {
        empty_ui(ui, actions);
        return;
    }
    let selected = view
        .selected
        .and_then(|id| c.claims.get(id))
        .map(|cl| cl.members.iter().map(|m| m.sentence_ref()).collect())
        .unwrap_or_default();
    let marks = Marks {
        linked: counterparts(c, view).into_iter().collect(),
        selected,
        found: view.find_matches(c).into_iter().collect(),
    };
    let gap = 10.0;
    let min_width = (view.prefs.font_size * 17.0).max(260.0);
    let avail = ui.available_width();
    let width = ((avail - gap * (n as f32 - 1.0)) / n as f32).max(min_width).floor();
    let height = ui.available_height();
    let mut hovered = None;
    ScrollArea::horizontal().id_salt("columns").auto_shrink(false).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for i in 0..n {
                ui.allocate_ui_with_layout(egui::vec2(width, height), Layout::top_down(Align::Min), |ui| {
                    ui.set_width(width);
                    column_ui(ui, c, view, i, &marks, &mut hovered, actions);
                });
            }
        });
    });
    if hovered != view.hovered {
        actions.push(Action::HoverSentence(hovered));
    }
    if !view.scroll_to.is_empty() {
        actions.push(Action::ScrollDone);
    }
}

fn empty_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(RichText::new("No articles yet").heading());
        ui.label("Drop article files (.txt, .md, .html) onto this window, or:");
        if ui.button("Open files…").on_hover_text("Pick article files (Ctrl+O)").clicked() {
            actions.push(Action::OpenDialog);
        }
        if ui.button("Paste an article…").on_hover_text("Paste text or HTML (Ctrl+Shift+V)").clicked() {
            actions.push(Action::ShowPaste(true));
        }
    });
}

fn header_ui(ui: &mut egui::Ui, c: &Comparison, view: &ViewState, i: usize) {
    let Some(a) = c.articles.get(i) else { return };
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 6.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, article_colour(view, i));
    ui.horizontal(|ui| {
        swatch(ui, article_colour(view, i), view.prefs.font_size * 0.8);
        ui.label(RichText::new(view.source_name(c, i)).size(view.prefs.font_size * 1.1).strong());
        if !view.prefs.blind
            && let Some(date) = &a.meta.published
        {
            ui.label(RichText::new(date).color(palette::muted(view.prefs.dark)));
        }
    });
    ui.label(RichText::new(view.redact(&a.meta.title)).size(view.prefs.font_size * 1.05).italics());
}

fn column_ui(
    ui: &mut egui::Ui,
    c: &Comparison,
    view: &ViewState,
    i: usize,
    marks: &Marks,
    hovered: &mut Option<SentenceRef>,
    actions: &mut Vec<Action>,
) {
    header_ui(ui, c, view, i);
    ui.separator();
    let Some(a) = c.articles.get(i) else { return };
    let scroll_target = view.scroll_to.iter().find(|r| r.article == i).copied();
    ScrollArea::vertical().id_salt(("column", i)).auto_shrink(false).show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 3.0;
        let mut paragraph = None;
        for (si, s) in a.sentences.iter().enumerate() {
            if paragraph.is_some_and(|p| p != s.paragraph) {
                ui.add_space(view.prefs.font_size * 0.6);
            }
            paragraph = Some(s.paragraph);
            let r = SentenceRef { article: i, sentence: si };
            let Some(response) = sentence_ui(ui, c, view, r, marks, scroll_target == Some(r)) else {
                continue;
            };
            if response.hovered() {
                *hovered = Some(r);
            }
            if response.clicked() {
                actions.push(Action::SelectSentence(r));
            }
            response.context_menu(|ui| {
                if ui
                    .button("Add note to this sentence…")
                    .on_hover_text("Write a note on this sentence")
                    .clicked()
                {
                    actions.push(Action::ShowSentenceNote(Some(r)));
                }
                if let Some(id) = view.claim_of(r)
                    && ui.button("Show this claim's notes").on_hover_text("Open the detail pane").clicked()
                {
                    actions.push(Action::SelectClaim(Some(id)));
                }
            });
            if scroll_target == Some(r) {
                response.scroll_to_me(Some(Align::Center));
            }
        }
    });
}

/// Inner margin around a sentence, in points.
const MARGIN: egui::Margin = egui::Margin::symmetric(5, 3);

/// One sentence: tinted, outlined when linked, framing words underlined, find matches marked.
/// A sentence scrolled out of sight only takes its space (no widget): a frame with ten long
/// articles stays cheap. Returns the response of a drawn sentence.
fn sentence_ui(
    ui: &mut egui::Ui,
    c: &Comparison,
    view: &ViewState,
    r: SentenceRef,
    marks: &Marks,
    must_draw: bool,
) -> Option<egui::Response> {
    let dark = view.prefs.dark;
    let s = c.articles.get(r.article)?.sentences.get(r.sentence)?;
    let size = if s.heading { view.prefs.font_size * 1.25 } else { view.prefs.font_size };
    let mut job = sentence_job(c, view, r, FontId::proportional(size), marks.found.contains(&r));
    let noted = view.index.notes(r);
    // A noted sentence leaves room on the right for its badge.
    let badge = if noted.is_empty() { 0.0 } else { (view.prefs.font_size * 1.5).round() };
    job.wrap.max_width = ui.available_width() - MARGIN.sum().x - badge;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let outer = egui::vec2(ui.available_width(), galley.size().y + MARGIN.sum().y);
    if !must_draw && !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, outer)) {
        ui.allocate_space(outer);
        return None;
    }
    let claim = view.claim_of(r).and_then(|id| c.claims.get(id));
    let fill = match claim {
        Some(cl) if view.passes(c, cl) => Tint::of(c, cl).fill(dark, low_confidence(c, cl)),
        _ => egui::Color32::TRANSPARENT,
    };
    let outline = if marks.linked.contains(&r) || marks.selected.contains(&r) {
        Stroke::new(3.0, palette::highlight(dark))
    } else if view.hovered == Some(r) {
        Stroke::new(1.5, palette::highlight(dark))
    } else {
        Stroke::NONE
    };
    let inner = egui::Frame::new().fill(fill).stroke(outline).inner_margin(MARGIN).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.add(Label::new(galley).selectable(false).sense(Sense::click()))
        },
    );
    if badge > 0.0 {
        let top_right =
            inner.response.rect.right_top() + egui::vec2(-(MARGIN.right as f32) - badge, MARGIN.top as f32);
        let rect = egui::Rect::from_min_size(top_right, egui::vec2(badge, badge));
        super::notes::note_badge_ui(ui, rect, view, noted, r);
    }
    let response = inner.inner;
    let notes: Vec<String> = view
        .index
        .markers(r)
        .iter()
        .filter_map(|&m| c.framing.markers.get(m))
        .map(|m| format!("“{}” — {}: {}", m.term, palette::marker_style(&m.category, dark).1, m.note))
        .chain(
            view.index
                .notes(r)
                .iter()
                .filter_map(|&i| view.notes.get(i))
                .map(|n| format!("{} Note: {}", super::notes::NOTE_GLYPH, view.redact(&n.text))),
        )
        .collect();
    let tip = match claim {
        _ if s.heading => "A heading: shown, not compared.".to_string(),
        None => "Too short to compare.".to_string(),
        Some(cl) => claim_tip(c, view, cl),
    };
    let tip = if notes.is_empty() { tip } else { format!("{tip}\n\n{}", notes.join("\n")) };
    Some(response.on_hover_text(tip))
}

fn claim_tip(c: &Comparison, view: &ViewState, cl: &Claim) -> String {
    let names: Vec<String> = cl.articles.iter().map(|&i| view.source_name(c, i)).collect();
    let low = if low_confidence(c, cl) { " (low confidence: read both before relying on it)" } else { "" };
    match cl.kind {
        ClaimKind::Unique => format!("Only {} reports this. Click for details.", super::join_names(&names)),
        ClaimKind::Shared => format!(
            "{}: carried by {}{low}. Click to compare the wordings.",
            Tint::of(c, cl).title(),
            super::join_names(&names)
        ),
    }
}

/// The sentence text with framing words underlined and find matches marked.
fn sentence_job(c: &Comparison, view: &ViewState, r: SentenceRef, font: FontId, found: bool) -> LayoutJob {
    let dark = view.prefs.dark;
    let mut job = LayoutJob::default();
    let Some(a) = c.articles.get(r.article) else { return job };
    let Some(s) = a.sentences.get(r.sentence) else { return job };
    let base = egui::TextFormat::simple(font, palette::text(dark));
    let markers: Vec<(usize, usize, Stroke)> = view
        .index
        .markers(r)
        .iter()
        .filter_map(|&m| c.framing.markers.get(m))
        .filter(|m| m.start >= s.span.start && m.end <= s.span.end && m.start < m.end)
        .map(|m| (m.start, m.end, Stroke::new(2.5, palette::marker_style(&m.category, dark).0)))
        .collect();
    let matches = if found { find_ranges(view, r.article, s.span.start, s.span.end) } else { Vec::new() };
    let hidden = redactions(view, &a.body, s.span.start, s.span.end);
    // Cut the sentence at every marker, match and redaction boundary; style each piece by what covers it.
    let mut cuts: Vec<usize> = vec![s.span.start, s.span.end];
    cuts.extend(markers.iter().flat_map(|&(x, y, _)| [x, y]));
    cuts.extend(matches.iter().flat_map(|&(x, y)| [x, y]));
    cuts.extend(hidden.iter().flat_map(|(x, y, _)| [*x, *y]));
    cuts.retain(|&x| a.body.is_char_boundary(x));
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let Some(mut text) = a.body.get(from..to) else { continue };
        // In blind mode an outlet name is shown once, as its source name, where it starts.
        if let Some((x, _, name)) = hidden.iter().find(|&&(x, y, _)| x <= from && to <= y) {
            if *x != from {
                continue;
            }
            text = name;
        }
        let mut f = base.clone();
        if let Some(&(_, _, stroke)) = markers.iter().find(|&&(x, y, _)| x <= from && to <= y) {
            f.underline = stroke;
        }
        if matches.iter().any(|&(x, y)| x <= from && to <= y) {
            f.background = palette::find_fill(dark);
        }
        job.append(text, 0.0, f);
    }
    job
}

/// In blind mode, the byte ranges of `body[start..end]` that name a source, with the name shown
/// instead ("Source A").
fn redactions<'v>(view: &'v ViewState, body: &str, start: usize, end: usize) -> Vec<(usize, usize, &'v str)> {
    let (Some(redactor), true) = (&view.index.redactor, view.prefs.blind) else { return Vec::new() };
    let Some(text) = body.get(start..end) else { return Vec::new() };
    redactor
        .matches(text)
        .into_iter()
        .map(|(range, name)| (start + range.start, start + range.end, name))
        .collect()
}

/// Byte ranges of the find query inside `start..end` of an article's body.
fn find_ranges(view: &ViewState, article: usize, start: usize, end: usize) -> Vec<(usize, usize)> {
    let q = view.find.as_deref().unwrap_or("").to_lowercase();
    let Some(lower) = view.index.lower_bodies.get(article) else { return Vec::new() };
    if q.trim().is_empty() {
        return Vec::new();
    }
    let Some(text) = lower.get(start..end) else { return Vec::new() };
    text.match_indices(&q).map(|(i, m)| (start + i, start + i + m.len())).collect()
}
