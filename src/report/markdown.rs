//! The Markdown report: sources, story check, claims matrix, each claim's versions with the
//! evidence for the link, framing markers grouped by category, the other framing sections, notes.
//!
//! Article text is escaped so a Markdown viewer shows it as text: no raw HTML, links or emphasis
//! an article could smuggle in.

use std::fmt::Write;

use super::Options;
use super::view::View;
use crate::analysis::{ClaimKind, SentenceRef};
use crate::framing::Marker;
use crate::session::notes::format_utc;

/// Escapes text for Markdown: ASCII punctuation that Markdown acts on gets a backslash, line
/// breaks become spaces (so table cells and list items stay whole).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// The Markdown report.
pub fn render(c: &crate::analysis::Comparison, options: &Options) -> String {
    let v = View::new(c, options, options.blind);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&v.report_title(options)));
    if v.blind {
        out.push_str(
            "_Blind mode: outlets, dates and addresses are hidden; sources are Source A, B, C …_\n\n",
        );
    }
    sources(&v, &mut out);
    warnings(&v, &mut out);
    matrix(&v, &mut out);
    claims(&v, &mut out);
    markers(&v, &mut out);
    framing_tables(&v, &mut out);
    notes(&v, &mut out, "Notes");
    out
}

fn sources(v: &View, out: &mut String) {
    out.push_str("## Sources\n\n");
    if v.blind {
        out.push_str("| Source | Title | Words | Language |\n|---|---|---:|---|\n");
    } else {
        out.push_str("| Source | Title | Date | Words | Language | Address |\n|---|---|---|---:|---|---|\n");
    }
    for (i, a) in v.c.articles.iter().enumerate() {
        let [date, url, _, path] = v.identity(i);
        let _ = write!(out, "| {} | {} |", escape(&v.source(i)), escape(&v.title(i)));
        if !v.blind {
            let _ = write!(out, " {} |", escape(date.unwrap_or("")));
        }
        let _ = write!(out, " {} | {} |", a.word_count(), escape(&a.meta.language));
        if !v.blind {
            let _ = write!(out, " {} |", escape(url.or(path).unwrap_or("")));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn warnings(v: &View, out: &mut String) {
    out.push_str("## Story check\n\n");
    if v.c.events.len() > 1 {
        for (n, group) in v.c.events.iter().enumerate() {
            let _ = writeln!(out, "- Story {}: {}", n + 1, escape(&v.names(group)));
        }
    } else {
        out.push_str("- All articles tell one story.\n");
    }
    for w in &v.c.warnings {
        let who = w.article.map(|i| format!("{}: ", v.source(i))).unwrap_or_default();
        let _ = writeln!(out, "- ⚠ {}{}", escape(&who), escape(&v.text(&w.message)));
    }
    out.push('\n');
}

fn matrix(v: &View, out: &mut String) {
    out.push_str("## Claims matrix\n\n");
    if v.c.claims.is_empty() {
        out.push_str("No claims were found (too few comparable sentences).\n\n");
        return;
    }
    out.push_str("✓ carries it (where in the article, which sentences) · — leaves it out\n\n| # | Claim |");
    for i in 0..v.c.articles.len() {
        let _ = write!(out, " {} |", escape(&v.source(i)));
    }
    out.push_str("\n|---:|---|");
    out.push_str(&"---|".repeat(v.c.articles.len()));
    out.push('\n');
    for claim in &v.c.claims {
        let _ = write!(out, "| {} | {} |", claim.id + 1, escape(&v.text(&claim.label)));
        for i in 0..v.c.articles.len() {
            let _ = write!(out, " {} |", View::cell_text(claim, i, "— omits"));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn claims(v: &View, out: &mut String) {
    if v.c.claims.is_empty() {
        return;
    }
    out.push_str("## Claims and their versions\n\n");
    for claim in &v.c.claims {
        let low = if claim.confidence < v.c.settings.threshold + 0.1 && claim.members.len() > 1 {
            " · low confidence"
        } else {
            ""
        };
        let _ = writeln!(out, "### Claim {}: {}{}\n", claim.id + 1, escape(&v.claim_reach(claim)), low);
        for m in &claim.members {
            let r = m.sentence_ref();
            let _ = writeln!(
                out,
                "- **{}** ({}, {}): {}",
                escape(&v.source(m.article)),
                View::sref(r),
                format!("{:?}", m.prominence).to_lowercase(),
                escape(&v.sentence(r))
            );
        }
        if claim.kind == ClaimKind::Shared && !claim.omitted_by.is_empty() {
            let _ = writeln!(out, "- Left out by: {}", escape(&v.names(&claim.omitted_by)));
        }
        for l in v.claim_links(claim) {
            let _ = writeln!(
                out,
                "- Why {} ~ {} (score {:.2}): {}",
                View::sref(l.a),
                View::sref(l.b),
                l.score,
                escape(&v.text(&l.evidence.summary()))
            );
        }
        for n in v.claim_notes(claim) {
            let _ = writeln!(out, "- 📝 Note: {}", escape(&v.text(&n.text)));
        }
        out.push('\n');
    }
}

/// Markers grouped by category, categories in alphabetical order.
pub(crate) fn markers_by_category(markers: &[Marker]) -> Vec<(&str, Vec<&Marker>)> {
    let mut cats: Vec<&str> = markers.iter().map(|m| m.category.as_str()).collect();
    cats.sort_unstable();
    cats.dedup();
    cats.into_iter().map(|c| (c, markers.iter().filter(|m| m.category == c).collect())).collect()
}

fn markers(v: &View, out: &mut String) {
    out.push_str("## Framing markers\n\n");
    if v.c.framing.markers.is_empty() {
        out.push_str("No framing markers were found.\n\n");
        return;
    }
    for (category, list) in markers_by_category(&v.c.framing.markers) {
        let _ = writeln!(out, "### {} ({})\n", escape(category), list.len());
        out.push_str("| Source | Sentence | Word | What it does |\n|---|---|---|---|\n");
        for m in list {
            let r = SentenceRef { article: m.article, sentence: m.sentence };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&v.source(m.article)),
                View::sref(r),
                escape(&v.text(&m.term)),
                escape(&v.text(&m.note))
            );
        }
        out.push('\n');
    }
}

fn framing_tables(v: &View, out: &mut String) {
    for table in super::sections::tables(v) {
        let _ = writeln!(out, "## {}\n", escape(&table.name));
        if !table.intro.is_empty() {
            let _ = writeln!(out, "{}\n", escape(&table.intro));
        }
        let _ =
            writeln!(out, "| {} |", table.columns.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(table.columns.len()));
        for row in &table.rows {
            let _ = writeln!(out, "| {} |", row.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "));
        }
        out.push('\n');
    }
}

/// The notes as a list under `## {heading}`, each with what it is attached to and when.
pub(crate) fn notes(v: &View, out: &mut String, heading: &str) {
    if v.notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {heading}\n");
    for n in v.notes {
        let _ = writeln!(
            out,
            "- On {} ({}): {}",
            escape(&v.note_target(n)),
            format_utc(n.created),
            escape(&v.text(&n.text))
        );
    }
    out.push('\n');
}
