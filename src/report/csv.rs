//! CSV exports for spreadsheets: the claims matrix (one row per claim, two columns per source:
//! where it carries the claim and its wording) and the framing markers (one row per marker).
//!
//! Quoting follows RFC 4180 (the `csv` crate). Cells that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading apostrophe, so an
//! article cannot plant a formula in the editor's spreadsheet.

use super::Options;
use super::view::{Cell, View};
use crate::analysis::{Comparison, SentenceRef};

/// Makes a cell inert in spreadsheets (OWASP "CSV injection").
fn inert(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn finish(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new().flexible(false).from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail; a row of the wrong width would be a bug caught by tests.
        let _ = w.write_record(row.iter().map(|c| inert(c)));
    }
    w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

/// The claims matrix: `claim, kind, reach, confidence, label`, then per source
/// `<source>` (lede / upper / lower / omits / empty when in another story) and `<source> wording`,
/// then `notes`.
pub fn claims(c: &Comparison, options: &Options) -> String {
    let v = View::new(c, options, options.blind);
    let mut header: Vec<String> =
        ["claim", "kind", "reach", "confidence", "label"].iter().map(|s| s.to_string()).collect();
    for i in 0..c.articles.len() {
        header.push(v.source(i));
        header.push(format!("{} wording", v.source(i)));
    }
    header.push("notes".into());
    let mut rows = vec![header];
    for claim in &c.claims {
        let mut row = vec![
            (claim.id + 1).to_string(),
            format!("{:?}", claim.kind).to_lowercase(),
            v.claim_reach(claim),
            format!("{:.2}", claim.confidence),
            v.text(&claim.label).into_owned(),
        ];
        for i in 0..c.articles.len() {
            let (status, wording) = match View::cell(claim, i) {
                Cell::Carries(p, sentences) => (
                    format!("{p:?}").to_lowercase(),
                    sentences
                        .iter()
                        .map(|&s| {
                            let r = SentenceRef { article: i, sentence: s };
                            format!("{}: {}", View::sref(r), v.sentence(r))
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                Cell::Omits => ("omits".into(), String::new()),
                Cell::Elsewhere => (String::new(), String::new()),
            };
            row.push(status);
            row.push(wording);
        }
        row.push(
            v.claim_notes(claim).iter().map(|n| v.text(&n.text).into_owned()).collect::<Vec<_>>().join("\n"),
        );
        rows.push(row);
    }
    finish(rows)
}

/// The framing markers: `source, sentence, category, term, note, sentence text, start, end, notes`.
pub fn framing(c: &Comparison, options: &Options) -> String {
    let v = View::new(c, options, options.blind);
    let header = ["source", "sentence", "category", "term", "note", "sentence text", "start", "end", "notes"];
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for m in &c.framing.markers {
        let r = SentenceRef { article: m.article, sentence: m.sentence };
        rows.push(vec![
            v.source(m.article),
            View::sref(r),
            m.category.clone(),
            v.text(&m.term).into_owned(),
            v.text(&m.note).into_owned(),
            v.sentence(r).into_owned(),
            m.start.to_string(),
            m.end.to_string(),
            v.sentence_notes(r).iter().map(|n| v.text(&n.text).into_owned()).collect::<Vec<_>>().join("\n"),
        ]);
    }
    finish(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_inert() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("-5 points", "'-5 points"),
            ("said", "said"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(inert(input), want, "case {input:?}");
        }
    }
}
