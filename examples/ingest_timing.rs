//! Times each ingest stage on a synthetic 1 MB page: `cargo run --release --example ingest_timing`.
use std::time::Instant;

use parallax::ingest::{self, Meta};

fn main() {
    const WORDS: [&str; 11] = [
        "harbour", "northern", "school", "river", "road", "market", "hospital", "railway", "energy", "water",
        "youth",
    ];
    let mut html = String::from("<!DOCTYPE html><html><head><title>Big page</title></head><body><article>");
    let mut i = 0;
    while html.len() < 1024 * 1024 {
        html.push_str(&format!(
            "<h2>Section {i}</h2><p>Paragraph {i} reports that officials in {} district met {} times to discuss the {} budget, \
             while {} residents asked about {}, {} and the {}.</p>",
            WORDS[i % 11],
            WORDS[(i / 11) % 11],
            WORDS[(i / 121) % 11],
            WORDS[(i * 7) % 11],
            WORDS[(i * 3 + 1) % 11],
            WORDS[(i / 5) % 11],
            WORDS[(i / 17) % 11],
        ));
        i += 1;
    }
    html.push_str("</article></body></html>");
    let t = Instant::now();
    let mut meta = Meta::default();
    let ex = ingest::html::extract(&html, &mut meta).unwrap();
    println!("extract: {:?} ({} bytes)", t.elapsed(), ex.text.len());
    let t = Instant::now();
    let c = ingest::clean::clean(&ex.text, &ex.headings, &ex.known_chrome);
    println!("clean: {:?} ({} removals)", t.elapsed(), c.removals.len());
    let mut rules: Vec<&str> = c.removals.iter().map(|r| r.rule.as_str()).collect();
    rules.sort();
    rules.dedup();
    println!("rules: {rules:?}; first: {:?}", c.removals.first().map(|r| r.span.of(&ex.text)));
    let t = Instant::now();
    let a = ingest::from_bytes(html.as_bytes(), "big.html").unwrap();
    println!("from_bytes total: {:?} ({} sentences)", t.elapsed(), a.sentences.len());
}
