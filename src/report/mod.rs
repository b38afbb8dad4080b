//! Exports of a [`Comparison`]: JSON (the documented format), Markdown, self-contained HTML, CSV
//! (claims matrix and framing markers), and a student worksheet with its answer key.
//!
//! Every format takes the same [`Options`]: blind mode (outlets, URLs, dates, paths and bylines
//! hidden; outlet names inside titles and text replaced by Source A, B, C …), the user's notes
//! and an optional report title.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod sections;
mod view;
pub mod worksheet;

use serde::{Deserialize, Serialize};

pub use view::Redactor;

use crate::analysis::Comparison;
use crate::session::Note;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// The documented JSON format (`"format": 1`).
    Json,
    /// A Markdown report.
    Markdown,
    /// A self-contained HTML report (no network, no scripts, prints well).
    Html,
    /// CSV of the claims matrix: one row per claim, columns per source.
    Csv,
    /// CSV of the framing markers: one row per marker.
    CsvFraming,
    /// A student worksheet in Markdown (blind unless [`Options::show_sources_in_worksheet`]).
    Worksheet,
    /// The worksheet's answer key, for the teacher.
    AnswerKey,
}

impl Format {
    /// All formats, for menus and `--help`.
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::CsvFraming,
        Format::Worksheet,
        Format::AnswerKey,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown | Format::Worksheet | Format::AnswerKey => "md",
            Format::Html => "html",
            Format::Csv | Format::CsvFraming => "csv",
        }
    }

    /// A name for menus: "HTML report", "Worksheet (students)" …
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON data",
            Format::Markdown => "Markdown report",
            Format::Html => "HTML report",
            Format::Csv => "CSV claims matrix",
            Format::CsvFraming => "CSV framing markers",
            Format::Worksheet => "Worksheet (students)",
            Format::AnswerKey => "Answer key (teacher)",
        }
    }

    /// A default file name stem: "parallax-report", "parallax-worksheet" …
    pub fn file_stem(self) -> &'static str {
        match self {
            Format::Json => "parallax",
            Format::Markdown | Format::Html => "parallax-report",
            Format::Csv => "parallax-claims",
            Format::CsvFraming => "parallax-framing",
            Format::Worksheet => "parallax-worksheet",
            Format::AnswerKey => "parallax-answer-key",
        }
    }
}

/// Choices that change how a report reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Hide outlet names, URLs, dates, paths and bylines (Source A, B, C …).
    pub blind: bool,
    /// The user's notes; each export shows them beside what they are attached to.
    pub notes: Vec<Note>,
    /// Report title; by default "Comparison of N articles".
    pub title: Option<String>,
    /// Show outlet names in the worksheet too (it is blind by default; `blind` overrides this).
    pub show_sources_in_worksheet: bool,
}

/// Renders `comparison` in `format`.
pub fn render(comparison: &Comparison, format: Format, options: &Options) -> String {
    match format {
        Format::Json => json::to_string(comparison, options),
        Format::Markdown => markdown::render(comparison, options),
        Format::Html => html::render(comparison, options),
        Format::Csv => csv::claims(comparison, options),
        Format::CsvFraming => csv::framing(comparison, options),
        Format::Worksheet => worksheet::handout(comparison, options),
        Format::AnswerKey => worksheet::answer_key(comparison, options),
    }
}
