//! The articles side by side: one column per source, sentences tinted by claim kind and numbered,
//! framing markers underlined by category, notes under their sentence, and a legend.

use std::fmt::Write;

use super::{escape, token};
use crate::analysis::{ClaimKind, SentenceRef};
use crate::framing::Marker;
use crate::report::markdown::markers_by_category;
use crate::report::view::View;

/// The CSS class of a marker category (the legend's five underline styles).
fn marker_class(category: &str) -> &'static str {
    let c = category.to_ascii_lowercase();
    if c.starts_with("attribution") {
        "attribution"
    } else if c.contains("hedge") {
        "hedge"
    } else if c.contains("loaded") || c.contains("intens") {
        "loaded"
    } else if c.contains("label") {
        "label"
    } else {
        "other"
    }
}

/// Writes the columns section.
pub(super) fn render(v: &View, out: &mut String) {
    out.push_str("<section id=\"columns\">\n<h2>Side by side</h2>\n<div class=\"legend\">");
    out.push_str(
        "<span class=\"s all\">shared by every source of the story</span>\
         <span class=\"s some\">shared by some</span><span class=\"s unique\">only this source</span>",
    );
    for (category, _) in markers_by_category(&v.c.framing.markers) {
        let _ = write!(
            out,
            "<span><mark class=\"{}\">{}</mark></span>",
            marker_class(category),
            escape(category)
        );
    }
    out.push_str("<span class=\"muted\">small numbers: sentence numbers (B4 = Source B, sentence 4)</span></div>\n<div class=\"cols\">\n");
    let claims_of = v.c.claims_by_sentence();
    for (i, article) in v.c.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "<article class=\"col\" lang=\"{}\"><h3>{}</h3><p class=\"meta\">{}</p>",
            token(&article.meta.language),
            escape(&v.source(i)),
            escape(v.identity(i)[0].unwrap_or_default())
        );
        let markers: Vec<&Marker> = v.c.framing.markers.iter().filter(|m| m.article == i).collect();
        let mut paragraph = None;
        for (s, sentence) in article.sentences.iter().enumerate() {
            if paragraph != Some(sentence.paragraph) {
                if paragraph.is_some() {
                    out.push_str("</p>\n");
                }
                out.push_str(if sentence.heading { "<p class=\"heading\">" } else { "<p>" });
                paragraph = Some(sentence.paragraph);
            }
            let ids = claims_of.get(i).and_then(|a| a.get(s)).map(Vec::as_slice).unwrap_or(&[]);
            let kind = sentence_kind(v, ids);
            let tip: Vec<String> = ids
                .iter()
                .filter_map(|&id| v.c.claims.get(id))
                .map(|c| format!("Claim {}: {}", c.id + 1, v.claim_reach(c)))
                .collect();
            let _ = write!(
                out,
                "<span class=\"s {kind}\" id=\"s-{i}-{s}\" title=\"{}\"><span class=\"n\">{}</span>",
                escape(&tip.join("; ")),
                View::sref(SentenceRef { article: i, sentence: s })
            );
            sentence_text(v, &article.body, sentence.span, &markers, out);
            out.push_str("</span> ");
            for n in v.sentence_notes(SentenceRef { article: i, sentence: s }) {
                let _ = write!(out, "<span class=\"note\">📝 {}</span>", escape(&v.text(&n.text)));
            }
        }
        if paragraph.is_some() {
            out.push_str("</p>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// "all", "some", "unique" or "" for a sentence in these claims (the widest claim wins).
fn sentence_kind(v: &View, ids: &[usize]) -> &'static str {
    let claims: Vec<_> = ids.iter().filter_map(|&id| v.c.claims.get(id)).collect();
    if claims.iter().any(|c| v.c.shared_by_all(c)) {
        "all"
    } else if claims.iter().any(|c| c.kind == ClaimKind::Shared) {
        "some"
    } else if claims.is_empty() {
        ""
    } else {
        "unique"
    }
}

/// The sentence's text with its markers wrapped in `<mark>`; overlapping markers after the first
/// are skipped, and spans that do not fit the body are ignored rather than trusted.
fn sentence_text(v: &View, body: &str, span: crate::Span, markers: &[&Marker], out: &mut String) {
    let mut at = span.start;
    let mut inside: Vec<&&Marker> =
        markers.iter().filter(|m| m.start >= span.start && m.end <= span.end && m.start < m.end).collect();
    inside.sort_by_key(|m| (m.start, m.end));
    for m in inside {
        let (Some(before), Some(term)) = (body.get(at..m.start), body.get(m.start..m.end)) else { continue };
        if m.start < at {
            continue;
        }
        out.push_str(&escape(&v.text(before)));
        let _ = write!(
            out,
            "<mark class=\"{} {}\" title=\"{}\">{}</mark>",
            marker_class(&m.category),
            token(&m.category),
            escape(&v.text(&m.note)),
            escape(&v.text(term))
        );
        at = m.end;
    }
    out.push_str(&escape(&v.text(body.get(at..span.end).unwrap_or(""))));
}
