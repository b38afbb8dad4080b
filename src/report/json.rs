//! The documented JSON format (`"format": 1`). See README.md, "JSON format".
//!
//! Built from a [`Comparison`] through small output structs, so the internal types can change
//! without changing the file format.

use serde::Serialize;

use super::Options;
use crate::analysis::{Claim, ClaimKind, Comparison, FORMAT_VERSION, Link, Warning};
use crate::framing::Framing;

#[derive(Serialize)]
struct Output<'a> {
    format: u32,
    settings: &'a crate::analysis::Settings,
    articles: Vec<ArticleOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    links: Vec<LinkOut<'a>>,
    #[serde(flatten)]
    framing: &'a Framing,
    events: &'a [Vec<usize>],
    warnings: &'a [Warning],
    /// The user's notes; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<NoteOut<'a>>,
}

#[derive(Serialize)]
struct NoteOut<'a> {
    #[serde(flatten)]
    note: &'a crate::session::Note,
    /// The claim a claim note resolves to in this comparison, if any.
    claim: Option<usize>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: Option<&'a str>,
    title: &'a str,
    outlet: String,
    published: Option<&'a str>,
    url: Option<&'a str>,
    language: &'a str,
    encoding: &'a str,
    body: &'a str,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    heading: bool,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: usize,
    kind: ClaimKind,
    members: Vec<MemberOut>,
    articles: &'a [usize],
    omitted_by: &'a [usize],
    label: &'a str,
    confidence: f32,
}

#[derive(Serialize)]
struct MemberOut {
    article: usize,
    sentence: usize,
    prominence: crate::analysis::Prominence,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    a: crate::analysis::SentenceRef,
    b: crate::analysis::SentenceRef,
    score: f32,
    evidence: &'a crate::analysis::Evidence,
    why: String,
}

/// Source label in blind mode: 0 → "Source A", 26 → "Source AA".
pub fn blind_name(index: usize) -> String {
    let mut n = index;
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    format!("Source {}", letters.iter().rev().collect::<String>())
}

fn claim_out(c: &Claim) -> ClaimOut<'_> {
    ClaimOut {
        id: c.id,
        kind: c.kind,
        members: c
            .members
            .iter()
            .map(|m| MemberOut { article: m.article, sentence: m.sentence, prominence: m.prominence })
            .collect(),
        articles: &c.articles,
        omitted_by: &c.omitted_by,
        label: &c.label,
        confidence: c.confidence,
    }
}

fn link_out(l: &Link) -> LinkOut<'_> {
    LinkOut { a: l.a, b: l.b, score: l.score, evidence: &l.evidence, why: l.evidence.summary() }
}

/// The comparison as pretty-printed JSON.
pub fn to_string(c: &Comparison, options: &Options) -> String {
    let articles = c
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleOut {
            path: if options.blind { None } else { a.meta.path.as_deref() },
            title: &a.meta.title,
            outlet: if options.blind { blind_name(i) } else { a.meta.outlet.clone() },
            published: if options.blind { None } else { a.meta.published.as_deref() },
            url: if options.blind { None } else { a.meta.url.as_deref() },
            language: &a.meta.language,
            encoding: &a.meta.encoding,
            body: &a.body,
            sentences: a
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    text: s.span.of(&a.body),
                    start: s.span.start,
                    end: s.span.end,
                    heading: s.heading,
                })
                .collect(),
        })
        .collect();
    let out = Output {
        format: FORMAT_VERSION,
        settings: &c.settings,
        articles,
        claims: c.claims.iter().map(claim_out).collect(),
        links: c.links.iter().map(link_out).collect(),
        framing: &c.framing,
        events: &c.events,
        warnings: &c.warnings,
        notes: options.notes.iter().map(|n| NoteOut { note: n, claim: n.claim_in(c) }).collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blind_names() {
        assert_eq!(blind_name(0), "Source A");
        assert_eq!(blind_name(25), "Source Z");
        assert_eq!(blind_name(26), "Source AA");
    }
}
