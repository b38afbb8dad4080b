//! Fuzzes the ingest entry point: any bytes, under names that pick each format path.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the name (and so the format guess); the rest is the file.
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) => (["a.txt", "a.html", "a.md", "pasted"][(*b % 4) as usize], rest),
        None => ("a.txt", data),
    };
    if let Ok(mut article) = parallax::ingest::from_bytes(bytes, name) {
        // Every span must lie inside its text, and restoring every removal must keep it so.
        for s in &article.sentences {
            assert!(article.body.get(s.span.start..s.span.end).is_some());
        }
        for i in 0..article.removed.len() {
            assert!(article.extracted.get(article.removed[i].span.start..article.removed[i].span.end).is_some());
            article.restore(i);
        }
        for s in &article.sentences {
            assert!(article.body.get(s.span.start..s.span.end).is_some());
        }
    }
});
