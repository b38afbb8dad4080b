//! Exports of a [`Comparison`]: JSON (the documented format), Markdown, HTML, CSV and worksheets.

pub mod json;

use serde::{Deserialize, Serialize};

use crate::analysis::Comparison;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The documented JSON format (`"format": 1`).
    Json,
    /// A Markdown report.
    Markdown,
    /// A self-contained HTML report.
    Html,
    /// CSV of the claims matrix.
    Csv,
    /// A student worksheet (blind by default).
    Worksheet,
}

impl Format {
    /// All formats, for menus and `--help`.
    pub const ALL: [Format; 5] =
        [Format::Json, Format::Markdown, Format::Html, Format::Csv, Format::Worksheet];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Worksheet => "md",
        }
    }
}

/// Choices that change how a report reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Hide outlet names, URLs and dates (Source A, B, C …).
    pub blind: bool,
}

/// Renders `comparison` in `format`.
pub fn render(comparison: &Comparison, format: Format, options: &Options) -> String {
    match format {
        Format::Json => json::to_string(comparison, options),
        // Filled in by the reports work; JSON until then so nothing is silently empty.
        _ => json::to_string(comparison, options),
    }
}
