//! The framing sections as plain tables, shared by the Markdown and HTML reports: labels, the
//! attribution audit, tone, prominence, the quote ledger, quote reuse, copying and contradictions,
//! then any section this build does not know yet (so a new analysis never silently drops out of
//! the reports).

use super::view::{Table, View};
use crate::analysis::{Comparison, SentenceRef};
use crate::framing::speaker_verbs;

/// Keys of the framing JSON rendered by a dedicated table below (markers are rendered apart).
const KNOWN: [&str; 9] = [
    "framing",
    "labels",
    "attributions",
    "tone",
    "prominence",
    "quotes",
    "quote_matches",
    "reuse",
    "contradictions",
];

fn table(title: &str, intro: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Option<Table> {
    (!rows.is_empty()).then(|| Table {
        name: title.to_string(),
        intro: intro.to_string(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    })
}

fn sref_of(article: usize, sentence: usize) -> String {
    View::sref(SentenceRef { article, sentence })
}

/// Every framing table with rows, in reading order.
pub(crate) fn tables(v: &View) -> Vec<Table> {
    let c: &Comparison = v.c;
    let f = &c.framing;
    let mut out: Vec<Option<Table>> = Vec::new();

    let mut label_cols = vec!["Referent".to_string()];
    label_cols.extend((0..c.articles.len()).map(|i| v.source(i)));
    let label_rows = f
        .labels
        .iter()
        .map(|g| {
            let mut row = vec![v.text(&g.referent).into_owned()];
            row.extend((0..c.articles.len()).map(|i| {
                let uses: Vec<String> = g
                    .uses
                    .iter()
                    .filter(|u| u.article == i)
                    .map(|u| format!("{} ×{}", v.text(&u.term), u.count))
                    .collect();
                uses.join(", ")
            }));
            row
        })
        .collect::<Vec<_>>();
    out.push((!label_rows.is_empty()).then(|| Table {
        name: "Labels".into(),
        intro: "The same actor or event, named differently by each source.".into(),
        columns: label_cols,
        rows: label_rows,
    }));

    let audit = (0..c.articles.len())
        .flat_map(|i| {
            speaker_verbs(&f.attributions, i).into_iter().map(move |sv| {
                let verbs: Vec<String> =
                    sv.verbs.iter().map(|(verb, class, n)| format!("{verb} ×{n} ({class})")).collect();
                (i, sv.speaker, verbs.join(", "))
            })
        })
        .map(|(i, speaker, verbs)| vec![v.source(i), v.text(&speaker).into_owned(), verbs])
        .collect();
    out.push(table(
        "Attribution audit",
        "Who each source reports as speaking, and with which verbs.",
        &["Source", "Speaker", "Verbs"],
        audit,
    ));

    let tone = f
        .tone
        .iter()
        .map(|t| {
            vec![
                v.source(t.article),
                t.words.to_string(),
                format!("{:.1}", t.loaded_per_1000),
                format!("{:.1}", t.hedges_per_1000),
                format!("{:.1}", t.distancing_per_1000),
            ]
        })
        .collect();
    out.push(table(
        "Tone",
        "Framing words per 1,000 words, comparable across sources of different length.",
        &["Source", "Words", "Loaded", "Hedges", "Distancing verbs"],
        tone,
    ));

    let prominence = f
        .prominence
        .iter()
        .map(|p| {
            vec![
                (p.claim + 1).to_string(),
                v.text(&p.label).into_owned(),
                v.names(&p.lede),
                v.names(&p.buried),
                v.names(&p.omitted),
                v.text(&p.note).into_owned(),
            ]
        })
        .collect();
    out.push(table(
        "Prominence",
        "Claims one source leads with while another buries or leaves them out.",
        &["Claim", "Wording", "Leads with it", "Buries it", "Leaves it out", "Why it matters"],
        prominence,
    ));

    let quotes = f
        .quotes
        .iter()
        .map(|q| {
            vec![
                v.source(q.article),
                sref_of(q.article, q.sentence),
                v.text(q.speaker.as_deref().unwrap_or("unknown")).into_owned(),
                q.verb.clone().unwrap_or_default(),
                q.words.to_string(),
                format!("{:?}", q.prominence).to_lowercase(),
                format!("“{}”", v.text(&q.text)),
            ]
        })
        .collect();
    out.push(table(
        "Quotes",
        "Every quotation, who is quoted, how long and where.",
        &["Source", "Sentence", "Speaker", "Verb", "Words", "Where", "Quote"],
        quotes,
    ));

    let quote_ref = |i: usize| {
        f.quotes
            .get(i)
            .map(|q| format!("{} {}", v.source(q.article), sref_of(q.article, q.sentence)))
            .unwrap_or_default()
    };
    let matches = f
        .quote_matches
        .iter()
        .map(|m| {
            vec![
                quote_ref(m.a),
                quote_ref(m.b),
                format!("{:?}", m.kind).to_lowercase(),
                if m.different_speaker { "⚠ different speaker".into() } else { String::new() },
                v.text(&m.note).into_owned(),
            ]
        })
        .collect();
    out.push(table(
        "Quotes used by several sources",
        "The same quotation reproduced verbatim, trimmed, altered, or pinned on another speaker.",
        &["Quote", "Also in", "How", "Speaker check", "Note"],
        matches,
    ));

    let reuse = f
        .reuse
        .iter()
        .map(|r| {
            vec![
                v.source(r.a),
                v.source(r.b),
                format!("{:.0}%", r.share_a * 100.0),
                format!("{:.0}%", r.share_b * 100.0),
                r.source.map(|s| v.source(s)).unwrap_or_else(|| "unknown".into()),
                v.text(&r.note).into_owned(),
            ]
        })
        .collect();
    out.push(table(
        "Copying",
        "Passages shared nearly word for word between two sources.",
        &["Source", "With", "Share of the first", "Share of the second", "Published first", "Note"],
        reuse,
    ));

    let side = |first: SentenceRef, also: &[SentenceRef], values: &[String]| {
        let places: Vec<String> = std::iter::once(first)
            .chain(also.iter().copied())
            .map(|r| format!("{} ({})", v.source(r.article), View::sref(r)))
            .collect();
        format!("{}: {}", places.join(", "), v.text(&values.join(", ")))
    };
    let contradictions = f
        .contradictions
        .iter()
        .map(|x| {
            vec![
                x.claim.map(|c| (c + 1).to_string()).unwrap_or_else(|| "—".into()),
                x.kind.clone(),
                side(x.a, &x.a_also, &x.a_values),
                side(x.b, &x.b_also, &x.b_values),
                v.text(&x.note).into_owned(),
            ]
        })
        .collect();
    out.push(table(
        "Check this: versions that disagree",
        "Versions of one fact whose numbers, times, dates or negation differ.",
        &["Claim", "What differs", "One version", "Other version", "Note"],
        contradictions,
    ));

    let mut all: Vec<Table> = out.into_iter().flatten().collect();
    let unknown = |t: &Table| !KNOWN.iter().any(|k| super::view::heading(k) == t.name);
    all.extend(v.framing_tables().into_iter().filter(unknown));
    all
}
