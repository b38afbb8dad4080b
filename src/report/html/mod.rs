//! The self-contained HTML report: sources, story check, the articles side by side with
//! highlights and a legend, claims matrix, each claim's versions, framing tables, notes.
//!
//! One file with inline CSS and no scripts: it opens without a network and prints well. Every
//! piece of article text, metadata and note goes through [`escape`], and a Content-Security-Policy
//! forbids scripts, so an article containing `<script>` or `onerror=` runs nothing.

mod columns;

use std::fmt::Write;

use super::Options;
use super::markdown::markers_by_category;
use super::view::View;
use super::view::heading;
use crate::analysis::{ClaimKind, Comparison, SentenceRef};
use crate::session::notes::format_utc;

const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A CSS class or `lang` value made only of `[a-z0-9-]` (never from raw user text).
fn token(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase()
}

/// The HTML report.
pub fn render(c: &Comparison, options: &Options) -> String {
    let v = View::new(c, options, options.blind);
    let title = escape(&v.report_title(options));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Parallax\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>{title}</h1>\n<p class=\"meta\">{} articles · {} claims · similarity threshold {:.2}{}</p></header>\n\
         <nav><a href=\"#sources\">Sources</a><a href=\"#columns\">Side by side</a><a href=\"#matrix\">Claims matrix</a>\
         <a href=\"#claims\">Claims</a><a href=\"#framing\">Framing</a>{}</nav>\n",
        c.articles.len(),
        c.claims.len(),
        c.settings.threshold,
        if v.blind { " · blind mode: outlets, dates and addresses hidden" } else { "" },
        if v.notes.is_empty() { "" } else { "<a href=\"#notes\">Notes</a>" },
    );
    sources(&v, &mut out);
    columns::render(&v, &mut out);
    matrix(&v, &mut out);
    claims(&v, &mut out);
    framing(&v, &mut out);
    notes(&v, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

fn sources(v: &View, out: &mut String) {
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<tr><th>Source</th><th>Title</th>");
    if !v.blind {
        out.push_str("<th>Date</th><th>Byline</th><th>Address</th>");
    }
    out.push_str("<th>Words</th><th>Language</th></tr>\n");
    for (i, a) in v.c.articles.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td>", escape(&v.source(i)), escape(&v.title(i)));
        if !v.blind {
            let [date, url, byline, path] = v.identity(i);
            let _ = write!(
                out,
                "<td>{}</td><td>{}</td><td>{}</td>",
                escape(date.unwrap_or("")),
                escape(byline.unwrap_or("")),
                escape(url.or(path).unwrap_or(""))
            );
        }
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td>{}</td></tr>",
            a.word_count(),
            escape(&a.meta.language)
        );
    }
    out.push_str("</table>\n");
    if v.c.events.len() > 1 {
        out.push_str("<div class=\"warn\"><strong>Story check:</strong> this set mixes stories.<ul>");
        for (n, group) in v.c.events.iter().enumerate() {
            let _ = write!(out, "<li>Story {}: {}</li>", n + 1, escape(&v.names(group)));
        }
        out.push_str("</ul></div>\n");
    }
    for w in &v.c.warnings {
        let who = w.article.map(|i| format!("{}: ", v.source(i))).unwrap_or_default();
        let _ = writeln!(out, "<div class=\"warn\">⚠ {}{}</div>", escape(&who), escape(&v.text(&w.message)));
    }
    out.push_str("</section>\n");
}

fn matrix(v: &View, out: &mut String) {
    out.push_str("<section id=\"matrix\">\n<h2>Claims matrix</h2>\n");
    if v.c.claims.is_empty() {
        out.push_str("<p>No claims were found (too few comparable sentences).</p>\n</section>\n");
        return;
    }
    out.push_str("<p class=\"muted\">✓ carries the claim (where in the article; sentence numbers) · — leaves it out · empty: another story.</p>\n<table>\n<tr><th>#</th><th>Claim</th>");
    for i in 0..v.c.articles.len() {
        let _ = write!(out, "<th>{}</th>", escape(&v.source(i)));
    }
    out.push_str("</tr>\n");
    for claim in &v.c.claims {
        let _ = write!(
            out,
            "<tr><td class=\"num\"><a href=\"#claim-{id}\">{n}</a></td><td>{}</td>",
            escape(&v.text(&claim.label)),
            id = claim.id,
            n = claim.id + 1
        );
        for i in 0..v.c.articles.len() {
            let cell = View::cell_text(claim, i, "—");
            let _ = write!(out, "<td>{}</td>", escape(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n</section>\n");
}

fn claims(v: &View, out: &mut String) {
    out.push_str("<section id=\"claims\">\n<h2>Claims and their versions</h2>\n");
    for claim in &v.c.claims {
        let _ = write!(
            out,
            "<div class=\"claim\" id=\"claim-{}\"><h3>Claim {}: {}</h3><ul>",
            claim.id,
            claim.id + 1,
            escape(&v.claim_reach(claim))
        );
        for m in &claim.members {
            let r = m.sentence_ref();
            let _ = write!(
                out,
                "<li><strong>{}</strong> <a href=\"#s-{}-{}\">{}</a> ({}): {}</li>",
                escape(&v.source(m.article)),
                r.article,
                r.sentence,
                View::sref(r),
                format!("{:?}", m.prominence).to_lowercase(),
                escape(&v.sentence(r))
            );
        }
        if claim.kind == ClaimKind::Shared && !claim.omitted_by.is_empty() {
            let _ = write!(out, "<li>Left out by: {}</li>", escape(&v.names(&claim.omitted_by)));
        }
        out.push_str("</ul>");
        for l in v.claim_links(claim) {
            let _ = write!(
                out,
                "<p class=\"why\">Why {} ~ {} (score {:.2}): {}</p>",
                View::sref(l.a),
                View::sref(l.b),
                l.score,
                escape(&v.text(&l.evidence.summary()))
            );
        }
        for n in v.claim_notes(claim) {
            let _ = write!(out, "<span class=\"note\">📝 {}</span>", escape(&v.text(&n.text)));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn framing(v: &View, out: &mut String) {
    out.push_str("<section id=\"framing\">\n<h2>Framing</h2>\n");
    if v.c.framing.markers.is_empty() {
        out.push_str("<p>No framing markers were found.</p>\n");
    }
    for (category, list) in markers_by_category(&v.c.framing.markers) {
        let _ = write!(
            out,
            "<h3>{} ({})</h3>\n<table>\n<tr><th>Source</th><th>Sentence</th><th>Word</th><th>What it does</th></tr>\n",
            escape(&heading(category)),
            list.len()
        );
        for m in list {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><a href=\"#s-{}-{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                escape(&v.source(m.article)),
                m.article,
                m.sentence,
                View::sref(SentenceRef { article: m.article, sentence: m.sentence }),
                escape(&v.text(&m.term)),
                escape(&v.text(&m.note))
            );
        }
        out.push_str("</table>\n");
    }
    for table in crate::report::sections::tables(v) {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<p class=\"muted\">{}</p>\n<table>\n<tr>",
            escape(&table.name),
            escape(&table.intro)
        );
        for c in &table.columns {
            let _ = write!(out, "<th>{}</th>", escape(c));
        }
        out.push_str("</tr>\n");
        for row in &table.rows {
            out.push_str("<tr>");
            for cell in row {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

fn notes(v: &View, out: &mut String) {
    if v.notes.is_empty() {
        return;
    }
    out.push_str("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
    for n in v.notes {
        let _ = writeln!(
            out,
            "<li><strong>On {}</strong> <span class=\"muted\">({})</span><br>{}</li>",
            escape(&v.note_target(n)),
            format_utc(n.created),
            escape(&v.text(&n.text))
        );
    }
    out.push_str("</ul>\n</section>\n");
}
