//! Writes seed inputs for the `analysis` and `session` fuzz targets from the bundled sample sets
//! and a few hand-made edge cases (see fuzz/README.md):
//! `cargo run --no-default-features --example fuzz_seeds -- fuzz/seeds`.
//! Seeds are then minimised into `fuzz/corpus/<target>` with `cargo fuzz cmin`.

use std::path::Path;

use parallax::analysis::{SentenceRef, Settings};
use parallax::session::{Note, Session};
use parallax::{analyze, ingest, samples};

/// Record separator between article texts in an `analysis` input.
const SEPARATOR: u8 = 0x1e;

fn main() -> std::io::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fuzz/seeds".into());
    let out = Path::new(&out);
    let analysis_dir = out.join("analysis");
    let session_dir = out.join("session");
    std::fs::create_dir_all(&analysis_dir)?;
    std::fs::create_dir_all(&session_dir)?;
    let mut n = 0;
    let mut write = |dir: &Path, bytes: &[u8]| {
        n += 1;
        std::fs::write(dir.join(format!("seed-{n:03}")), bytes)
    };

    for set in samples::sets() {
        let texts: Vec<&[u8]> = set.files.iter().map(|(_, b)| *b).collect();
        // The whole set, at the default settings, then each pair cut short under other settings.
        write(&analysis_dir, &analysis_input([77, 4, 0], &texts))?;
        for (i, pair) in texts.windows(2).enumerate() {
            let cut: Vec<&[u8]> = pair.iter().map(|t| prefix(t, 900)).collect();
            let flags = [i as u8 * 5, 1 + 2 * i as u8 % 7, i as u8];
            write(&analysis_dir, &analysis_input(flags, &cut))?;
        }
        // A small session of the set: two shortened articles, a toggled removal, notes.
        let articles: Vec<parallax::Article> = set
            .files
            .iter()
            .take(2)
            .filter_map(|(name, bytes)| ingest::from_bytes(prefix(bytes, 1_200), name).ok())
            .collect();
        let comparison = analyze(&articles, &Settings::default());
        let mut notes: Vec<Note> =
            comparison.claims.iter().take(1).map(|c| Note::on_claim(c, "why?")).collect();
        notes.push(Note::on_sentence(SentenceRef { article: 1, sentence: 2 }, "source?"));
        let mut session = Session::from_articles(&comparison.articles, &Settings::default(), &notes, false);
        if let Some(a) = session.articles.first_mut() {
            a.colour = Some([200, 30, 90]);
            if !a.article.removed.is_empty() {
                a.article.restore(0);
            }
        }
        write(&session_dir, session.to_json().as_bytes())?;
        session.blind = true;
        session.settings = Settings { threshold: 0.9, min_sentence_words: 0, language: Some("de".into()) };
        write(&session_dir, session.to_json().as_bytes())?;
    }

    // Hand-made analysis edge cases: nothing, one word, copies, no punctuation, odd characters.
    let long = "river council budget ".repeat(60);
    let edge: [&[&str]; 6] = [
        &[],
        &["Headline\nA short sentence with enough words here."],
        &[
            "Same\nThe mayor opened the new bridge on Monday.",
            "Same\nThe mayor opened the new bridge on Monday.",
        ],
        &[&long, &long[..300]],
        &["Ünïcödé «quoted words here» said 42% of 1,000 — “claimed” it.", "\u{feff}\r\n\t\u{200b}x"],
        &[
            "Title\n\"An opening quote that never closes, said the minister",
            "Title\nMr. J. R. Smith of the U.S. Corp. left. U.S. officials met.",
        ],
    ];
    for (i, texts) in edge.iter().enumerate() {
        let texts: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
        write(&analysis_dir, &analysis_input([(i * 40) as u8, i as u8, i as u8], &texts))?;
    }

    // Hand-made sessions: minimal, too new, spans that do not fit, a removal off a char boundary,
    // notes pointing at nothing.
    let hand: [&str; 6] = [
        r#"{"parallax_session": 1}"#,
        r#"{"parallax_session": 2, "articles": []}"#,
        r#"{"parallax_session": 1, "articles": [{"article": {"body": "Héadline\n\nThe council met on Monday to vote.", "sentences": [{"span": {"start": 0, "end": 900}, "paragraph": 0, "heading": false}], "headings": [{"start": 1, "end": 2}]}}]}"#,
        r#"{"parallax_session": 1, "articles": [{"article": {"extracted": "Ünï line\nsecond line here", "body": "second line here", "removed": [{"span": {"start": 1, "end": 4}, "rule": "x", "restored": false}]}}]}"#,
        r#"{"parallax_session": 1, "articles": [{"article": {"body": "One two three four five."}}], "notes": [{"target": {"kind": "claim", "sentences": [{"article": 7, "sentence": 9}], "label": "gone"}, "text": "n"}, {"target": {"kind": "sentence", "article": 0, "sentence": 99}, "text": "m"}]}"#,
        r#"{"parallax_session": 1, "settings": {"threshold": 0, "min_sentence_words": 0, "language": "xx"}, "articles": [{"article": {"body": "A b c d."}}, {"article": {"body": "A b c d."}}]}"#,
    ];
    for text in hand {
        write(&session_dir, text.as_bytes())?;
    }
    println!("wrote {n} seeds under {}", out.display());
    Ok(())
}

/// An `analysis` fuzz input: three setting bytes, then the texts separated by [`SEPARATOR`].
fn analysis_input(settings: [u8; 3], texts: &[&[u8]]) -> Vec<u8> {
    let mut out = settings.to_vec();
    for (i, t) in texts.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        out.extend_from_slice(t);
    }
    out
}

/// At most `max` bytes of `text`, cut at a line end when there is one.
fn prefix(text: &[u8], max: usize) -> &[u8] {
    if text.len() <= max {
        return text;
    }
    let cut = text[..max].iter().rposition(|&b| b == b'\n').unwrap_or(max);
    &text[..cut]
}
