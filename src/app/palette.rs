//! Colours and type. The Okabe–Ito palette is distinguishable for the common forms of colour
//! blindness; tints are mixed over the theme background (not alpha) so they look the same on
//! every screen, and text keeps a contrast ratio well above 7:1 in both themes for projectors.

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::analysis::{Claim, ClaimKind, Comparison};

/// Okabe–Ito colours.
pub mod okabe_ito {
    use egui::Color32;
    /// Orange.
    pub const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    /// Sky blue.
    pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
    /// Bluish green.
    pub const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    /// Yellow.
    pub const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
    /// Blue.
    pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    /// Vermillion.
    pub const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
}

use okabe_ito::*;

/// Background of the article columns.
pub fn background(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x14, 0x16, 0x1a) } else { Color32::from_rgb(0xff, 0xff, 0xff) }
}

/// Article text.
pub fn text(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xf2, 0xf2, 0xf2) } else { Color32::from_rgb(0x11, 0x11, 0x11) }
}

/// Secondary text (dates, counts); still >= 4.5:1.
pub fn muted(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xb8, 0xb8, 0xb8) } else { Color32::from_rgb(0x4a, 0x4a, 0x4a) }
}

/// `colour` mixed into the background at `amount` (0–1).
pub fn mix(colour: Color32, dark: bool, amount: f32) -> Color32 {
    let bg = background(dark);
    let m = |a: u8, b: u8| (f32::from(b) * (1.0 - amount) + f32::from(a) * amount).round() as u8;
    Color32::from_rgb(m(colour.r(), bg.r()), m(colour.g(), bg.g()), m(colour.b(), bg.b()))
}

/// How a sentence relates to the other articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tint {
    /// Every article of the story carries it.
    SharedByAll,
    /// Some articles carry it.
    SharedBySome,
    /// Only this article carries it.
    Unique,
}

impl Tint {
    /// The tint for a claim.
    pub fn of(c: &Comparison, claim: &Claim) -> Tint {
        match claim.kind {
            ClaimKind::Shared if c.shared_by_all(claim) => Tint::SharedByAll,
            ClaimKind::Shared => Tint::SharedBySome,
            ClaimKind::Unique => Tint::Unique,
        }
    }

    /// Legend text.
    pub fn title(self) -> &'static str {
        match self {
            Tint::SharedByAll => "Shared by all",
            Tint::SharedBySome => "Shared by some",
            Tint::Unique => "Only this source",
        }
    }

    /// The full-strength colour (legend swatches, matrix cells).
    pub fn colour(self) -> Color32 {
        match self {
            Tint::SharedByAll => GREEN,
            Tint::SharedBySome => SKY_BLUE,
            Tint::Unique => ORANGE,
        }
    }

    /// Sentence background; `weak` for low-confidence links and sentences outside the filter.
    pub fn fill(self, dark: bool, weak: bool) -> Color32 {
        let amount = match (dark, weak) {
            (false, false) => 0.30,
            (false, true) => 0.12,
            (true, false) => 0.40,
            (true, true) => 0.16,
        };
        mix(self.colour(), dark, amount)
    }
}

/// Outline of the sentences linked to the one under the pointer or selected.
pub fn highlight(dark: bool) -> Color32 {
    if dark { YELLOW } else { BLUE }
}

/// Find matches.
pub fn find_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x6a, 0x5a, 0x00) } else { Color32::from_rgb(0xff, 0xe8, 0x6b) }
}

/// Underline colour and name of a framing marker category.
pub fn marker_style(category: &str, dark: bool) -> (Color32, &'static str) {
    let (c, name) = match category {
        "attribution-distancing" | "hedge" => (PURPLE, "Hedge or distancing verb"),
        "loaded" | "attribution-loaded" => (VERMILLION, "Loaded word or verb"),
        "attribution-endorsing" => (text(dark), "Endorsing verb"),
        "label" => (BLUE, "Label choice"),
        _ => (BLUE, "Other framing word"),
    };
    // Blue is too dark on a dark background; sky blue keeps the same hue family.
    let c = if dark && c == BLUE { SKY_BLUE } else { c };
    (c, name)
}

/// Words added or changed in one version of a claim.
pub fn diff_fill(dark: bool) -> Color32 {
    mix(VERMILLION, dark, if dark { 0.45 } else { 0.28 })
}

/// Default column colour of article `i`.
pub fn article_colour(i: usize) -> [u8; 3] {
    const CYCLE: [Color32; 7] = [BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY_BLUE, YELLOW];
    let c = CYCLE[i % CYCLE.len()];
    [c.r(), c.g(), c.b()]
}

/// Sets theme, text sizes and high-contrast colours.
pub fn apply_style(ctx: &egui::Context, dark: bool, presenter: bool) {
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
    let base = if presenter { 22.0 } else { 16.0 };
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(base * 0.8, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(base, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(base, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(base * 1.4, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(base * 0.9, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = base + 8.0;
    });
    for d in [false, true] {
        let theme = if d { egui::Theme::Dark } else { egui::Theme::Light };
        ctx.style_mut_of(theme, |style| {
            style.visuals.override_text_color = Some(text(d));
            style.visuals.panel_fill =
                if d { Color32::from_rgb(0x1e, 0x21, 0x26) } else { Color32::from_rgb(0xf3, 0xf4, 0xf6) };
            style.visuals.extreme_bg_color = background(d);
        });
    }
}

/// Readable text colour on `fill`.
pub fn on(fill: Color32) -> Color32 {
    let l = 0.2126 * f32::from(fill.r()) + 0.7152 * f32::from(fill.g()) + 0.0722 * f32::from(fill.b());
    if l > 140.0 { Color32::BLACK } else { Color32::WHITE }
}
