//! Parallax lays several news articles about one event side by side and shows where they agree,
//! how they frame it differently, and what only one source reports.
//!
//! The pipeline runs one way:
//!
//! ```text
//! files / paste / URL ──> ingest ──> Article { meta, original, body, sentences }
//!                                          │
//!                     analysis::analyze(&[Article], &Settings) ──> Comparison
//!                     (text → align → claims → events → framing)
//!                                          │
//!              GUI (egui, feature `gui`)   report (json/md/html/csv)   session (save/load)
//! ```
//!
//! - [`ingest`]: bytes, files, HTML pages and URLs into cleaned [`ingest::Article`]s.
//! - [`text`]: sentences, tokens with stems, entity-like spans, numbers and quotes, all as byte spans.
//! - [`analysis`]: aligns sentences across articles into claims, with scored, explained links.
//! - [`framing`]: word choice, labels, attribution, quotes, prominence, copying, contradictions.
//! - [`report`]: JSON, Markdown, HTML, CSV and worksheet exports of a [`analysis::Comparison`].
//! - [`session`]: `.parallax` session files.
//!
//! The core never imports egui; the `gui` feature adds the [`app`].

pub mod analysis;
pub mod framing;
pub mod ingest;
pub mod report;
pub mod samples;
pub mod session;
pub mod span;
pub mod synthetic;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;

pub use analysis::{Comparison, Settings, analyze};
pub use ingest::Article;
pub use span::Span;
