//! Analyses a generated set once and prints the time, for memory checks with `/usr/bin/time -v`:
//! `cargo run --release --no-default-features --example scale -- 100 1000`.

use std::time::Instant;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n, words) = (args.first().copied().unwrap_or(100), args.get(1).copied().unwrap_or(1_000));
    let articles = parallax::synthetic::article_set(n, words, 1, 42);
    let start = Instant::now();
    let comparison = parallax::analyze(&articles, &parallax::Settings::default());
    let shared = comparison.claims.iter().filter(|c| c.kind == parallax::analysis::ClaimKind::Shared).count();
    println!(
        "{n} articles × {words} words: {:.3} s, {} claims ({shared} shared), {} links",
        start.elapsed().as_secs_f64(),
        comparison.claims.len(),
        comparison.links.len()
    );
}
