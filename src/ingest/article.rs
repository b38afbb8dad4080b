//! Building an [`Article`] from extracted text and its removals, and rebuilding it when the user
//! puts a removal back. `extracted` never changes; `body`, `headings` and `sentences` are derived.

use super::{Article, Extracted, Meta, Removal, SourceFormat, clean, outlet_from_name};
use crate::span::Span;
use crate::text::sentences;

impl Article {
    /// Builds an article from an already clean body: splits sentences and marks headings.
    pub fn from_body(meta: Meta, body: String, headings: Vec<Span>) -> Article {
        let sentences = sentences::split_with_headings(&body, &headings);
        Article {
            meta,
            original: body.clone(),
            extracted: body.clone(),
            extracted_headings: headings.clone(),
            body,
            sentences,
            headings,
            removed: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The text of sentence `i`, or "" if there is no such sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).map(|s| s.span.of(&self.body)).unwrap_or("")
    }

    /// Number of words in the body (Unicode words).
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.body.unicode_words().count()
    }

    /// The text removal `i` took out of `extracted` ("" if there is no such removal).
    pub fn removal_text(&self, i: usize) -> &str {
        self.removed.get(i).map(|r| r.span.of(&self.extracted)).unwrap_or("")
    }

    /// Puts removal `i` back into the body (or takes it out again with `restored = false`) and
    /// rebuilds `body`, `headings` and `sentences`. Returns false if there is no removal `i`.
    pub fn set_restored(&mut self, i: usize, restored: bool) -> bool {
        let Some(removal) = self.removed.get_mut(i) else { return false };
        if removal.restored != restored {
            removal.restored = restored;
            self.rebuild();
        }
        true
    }

    /// Puts removal `i` back into the body; see [`Article::set_restored`].
    pub fn restore(&mut self, i: usize) -> bool {
        self.set_restored(i, true)
    }

    /// How many removals each rule made, sorted by rule name, counting only those still removed:
    /// the window shows "removed 5 lines: site chrome 3, duplicate paragraph 2".
    pub fn removal_counts(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in self.removed.iter().filter(|r| !r.restored) {
            *counts.entry(r.rule.as_str()).or_default() += 1;
        }
        counts.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    /// Recomputes `body`, `headings` and `sentences` from `extracted` minus the removals not restored.
    /// Each surviving line becomes one paragraph; paragraphs are separated by a blank line.
    pub fn rebuild(&mut self) {
        let (body, headings) = assemble(&self.extracted, &self.extracted_headings, &self.removed);
        self.sentences = sentences::split_with_headings(&body, &headings);
        self.body = body;
        self.headings = headings;
    }
}

/// The body and its heading spans: every line of `extracted` minus the active removals.
fn assemble(extracted: &str, extracted_headings: &[Span], removed: &[Removal]) -> (String, Vec<Span>) {
    let mut active: Vec<Span> = removed.iter().filter(|r| !r.restored).map(|r| r.span).collect();
    active.sort();
    let mut body = String::with_capacity(extracted.len());
    let mut headings = Vec::new();
    let mut next_removal = 0;
    let mut next_heading = 0;
    let mut line_start = 0;
    for line in extracted.split('\n') {
        let line_span = Span::new(line_start, line_start + line.len());
        line_start += line.len() + 1;
        while next_removal < active.len() && active[next_removal].end <= line_span.start {
            next_removal += 1;
        }
        let kept = kept_text(extracted, line_span, &active[next_removal..]);
        let kept = kept.trim();
        if kept.is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(kept);
        while next_heading < extracted_headings.len()
            && extracted_headings[next_heading].end <= line_span.start
        {
            next_heading += 1;
        }
        if extracted_headings.get(next_heading).is_some_and(|h| h.start < line_span.end) {
            headings.push(Span::new(start, body.len()));
        }
    }
    (body, headings)
}

/// The parts of `line` not covered by `removals` (sorted, none ending before the line), joined with
/// single spaces where a removal sat in the middle of the line.
fn kept_text<'a>(text: &'a str, line: Span, removals: &[Span]) -> std::borrow::Cow<'a, str> {
    let overlapping: Vec<Span> =
        removals.iter().take_while(|r| r.start < line.end).filter(|r| r.end > line.start).copied().collect();
    if overlapping.is_empty() {
        return std::borrow::Cow::Borrowed(line.of(text));
    }
    let mut out = String::new();
    let mut pos = line.start;
    for r in overlapping {
        if r.start > pos {
            push_piece(&mut out, Span::new(pos, r.start).of(text));
        }
        pos = pos.max(r.end);
    }
    if pos < line.end {
        push_piece(&mut out, Span::new(pos, line.end).of(text));
    }
    std::borrow::Cow::Owned(out)
}

fn push_piece(out: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(piece);
}

/// Cleans extracted text, fills in metadata found on the way (byline, dateline, title, outlet) and
/// builds the article.
pub(super) fn finish(mut meta: Meta, original: &str, extracted: Extracted, name: &str) -> Article {
    let Extracted { text, mut headings, known_chrome } = extracted;
    let found = clean::clean(&text, &headings, &known_chrome);
    let mut removed = found.removals;
    removed.sort_by_key(|r| (r.span.start, r.span.end));
    if meta.byline.is_none() {
        meta.byline = found.byline;
    }
    if meta.published.is_none() {
        meta.published = found.published;
    }
    // The first surviving line of plain text is its headline.
    if meta.format != SourceFormat::Html
        && let Some(first) = clean::surviving_lines(&text, &removed).next()
        && meta.title.is_empty()
        && clean::is_headline(first.of(&text))
    {
        meta.title = first.of(&text).to_string();
        if !headings.contains(&first) {
            headings.push(first);
            headings.sort();
        }
    }
    if meta.format != SourceFormat::Html {
        let surviving: Vec<Span> = clean::surviving_lines(&text, &removed).collect();
        // The last line is never a subhead: nothing follows it.
        for line in surviving.iter().take(surviving.len().saturating_sub(1)) {
            if clean::is_subhead(line.of(&text)) && !headings.contains(line) {
                headings.push(*line);
            }
        }
        headings.sort();
    }
    if meta.outlet.is_empty() {
        meta.outlet = found.source.unwrap_or_else(|| outlet_from_name(name));
    }
    let mut article = Article {
        meta,
        original: original.to_string(),
        extracted: text,
        extracted_headings: headings,
        removed,
        ..Article::default()
    };
    article.rebuild();
    if article.meta.title.is_empty() {
        // No headline-like first line: a short title from the first cleaned paragraph.
        article.meta.title = article.body.lines().next().map(clean::short_title).unwrap_or_default();
    }
    article
}
