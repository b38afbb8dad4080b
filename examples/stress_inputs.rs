//! The stress cases too large for the test suite, for timing and memory checks in release with
//! `/usr/bin/time -v` (see docs/hardening.md):
//!
//! - `big-page MB`: an HTML page of MB megabytes (default 9.9, just under the cap) through ingest.
//! - `one-set N WORDS`: N generated articles of WORDS words analysed as one set.
//! - `batch-file PATH N`: writes a batch file of N tiny articles (five per line) for
//!   `parallax analyze --batch PATH`.
//!
//! `cargo run --release --no-default-features --example stress_inputs -- big-page 9.9`

use std::time::Instant;

use parallax::{Settings, analyze, ingest, synthetic};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: f64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    match args.first().map(String::as_str) {
        Some("big-page") => big_page(arg(1, 9.9)),
        Some("one-set") => one_set(arg(1, 10_000.0) as usize, arg(2, 20.0) as usize),
        Some("batch-file") => {
            batch_file(args.get(1).map_or("tiny.jsonl", String::as_str), arg(2, 10_000.0) as usize)
        }
        _ => eprintln!("usage: stress_inputs big-page [MB] | one-set [N] [WORDS] | batch-file PATH [N]"),
    }
}

fn big_page(megabytes: f64) {
    let target = (megabytes * 1_048_576.0) as usize;
    let mut page = String::from("<html><head><title>Big page</title></head><body><article>");
    let mut seed = 1;
    'fill: loop {
        for paragraph in synthetic::article_set(1, 2_000, 1, seed)[0].body.split("\n\n").skip(1) {
            let block = format!("<div class=\"c\"><p>{paragraph}</p></div>\n");
            if page.len() + block.len() + 30 > target {
                break 'fill;
            }
            page.push_str(&block);
        }
        seed += 1;
    }
    page.push_str("</article></body></html>");
    let start = Instant::now();
    match ingest::from_text(&page, "big-page.html") {
        Ok(a) => println!(
            "{:.1} MB page: {} sentences, {} removals in {:.2} s",
            page.len() as f64 / 1_048_576.0,
            a.sentences.len(),
            a.removed.len(),
            start.elapsed().as_secs_f64()
        ),
        Err(e) => println!("refused in {:.2} s: {e}", start.elapsed().as_secs_f64()),
    }
}

fn one_set(n: usize, words: usize) {
    let articles = synthetic::article_set(n, words, 5, 7);
    let start = Instant::now();
    let c = analyze(&articles, &Settings::default());
    println!(
        "{n} articles × {words} words as one set: {:.2} s, {} claims, {} links, {} stories",
        start.elapsed().as_secs_f64(),
        c.claims.len(),
        c.links.len(),
        c.events.len()
    );
}

fn batch_file(path: &str, n: usize) {
    let lines = n.div_ceil(5);
    match std::fs::write(path, parallax::synthetic::tiny_batch(lines)) {
        Ok(()) => println!("wrote {lines} lines ({n} articles) to {path}"),
        Err(e) => eprintln!("could not write {path}: {e}"),
    }
}
