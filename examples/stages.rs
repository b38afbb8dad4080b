//! Times each stage of the analysis on a generated set, to find the slowest one:
//! `cargo run --release --no-default-features --example stages -- 100 1000`.
//! The stages are those of `analysis::analyze_cancellable`, run one after another here (the text
//! stages run on one thread, where the analysis spreads them over the cores).

use std::time::Instant;

use parallax::analysis::align::{self, Matcher};
use parallax::analysis::{claims, events, settings};
use parallax::text::Doc;
use parallax::{Settings, framing, synthetic};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n, words) = (args.first().copied().unwrap_or(100), args.get(1).copied().unwrap_or(1_000));
    let mut articles = synthetic::article_set(n, words, 1, 42);
    let settings = Settings::default();
    let mut lap = Lap(Instant::now());
    let docs: Vec<Doc> = articles
        .iter_mut()
        .map(|a| {
            let doc = Doc::build(a, None);
            a.meta.language = doc.language.clone();
            doc
        })
        .collect();
    lap.done("text stages (sentences → tokens, entities, quotes)");
    let sentences = align::Sentences::eligible(&articles, &docs, &settings);
    let matcher = align::LexicalMatcher::new(&articles, &docs, &sentences);
    lap.done("align: vectors and index");
    let candidates = matcher.candidates(settings.threshold);
    lap.done("align: candidates");
    let links = align::links_from(&matcher, &sentences, &candidates);
    lap.done("align: links with evidence");
    let _warnings = settings::set_warnings(&articles);
    let mut eligible = vec![0; articles.len()];
    for r in &sentences.refs {
        eligible[r.article] += 1;
    }
    let events = events::group(&articles, &links, &eligible);
    lap.done("events");
    let claims = claims::build(&articles, &sentences, &matcher, &candidates, &events, &settings);
    lap.done("claims");
    let framing = framing::analyze(&framing::Input {
        articles: &articles,
        docs: &docs,
        claims: &claims,
        links: &links,
    });
    lap.done("framing");
    println!(
        "{n} articles × {words} words: {} sentences, {} links, {} claims, {} markers",
        sentences.refs.len(),
        links.len(),
        claims.len(),
        framing.markers.len()
    );
}

struct Lap(Instant);

impl Lap {
    fn done(&mut self, stage: &str) {
        println!("{:>9.1} ms  {stage}", self.0.elapsed().as_secs_f64() * 1000.0);
        self.0 = Instant::now();
    }
}
