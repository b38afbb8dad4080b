//! Fuzzes the analysis on small article sets built from the bytes, and every report format.
//!
//! Input layout: byte 0 picks the threshold (0–1), byte 1 the minimum sentence words (0–7),
//! byte 2 flags (bit 0 language forced to English, bit 1 blind reports, bit 2 Markdown names,
//! bit 3 a note on sentence 0:0); the rest is split at 0x1E (record separator) into one to six
//! article texts, each ingested from text. Invariants: see `check.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::{SentenceRef, Settings};
use parallax::report::Options;
use parallax::session::Note;

mod check;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else { return };
    let [threshold, min_words, flags] = *head;
    let settings = Settings {
        threshold: f32::from(threshold) / 255.0,
        min_sentence_words: usize::from(min_words % 8),
        language: (flags & 1 != 0).then(|| "en".to_string()),
    };
    let ext = if flags & 4 != 0 { "md" } else { "txt" };
    let articles: Vec<parallax::Article> = rest
        .split(|&b| b == 0x1e)
        .take(6)
        .enumerate()
        .filter_map(|(i, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            parallax::ingest::from_text(&text, &format!("outlet-{i}.{ext}")).ok()
        })
        .collect();
    let mut options = Options { blind: flags & 2 != 0, ..Options::default() };
    if flags & 8 != 0 {
        options.notes.push(Note::on_sentence(SentenceRef { article: 0, sentence: 0 }, "check this"));
    }
    check::analyze_and_check(&articles, &settings, &options);
});
