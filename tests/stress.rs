//! Stress cases for the analysis: each completes quickly (debug build, in CI) and gives a
//! sensible result or a warning, never a panic. The largest sets run in `cargo bench` only.

use std::time::Instant;

use parallax::analysis::ClaimKind;
use parallax::{Settings, analyze, ingest, synthetic};

fn article(text: &str, name: &str) -> parallax::Article {
    ingest::from_text(text, name).expect("non-empty text")
}

#[test]
fn one_article_is_all_unique() {
    let c = analyze(&synthetic::article_set(1, 800, 1, 3), &Settings::default());
    assert!(!c.claims.is_empty());
    assert!(c.claims.iter().all(|cl| cl.kind == ClaimKind::Unique && cl.omitted_by.is_empty()));
    assert!(c.links.is_empty());
}

#[test]
fn fifty_identical_articles_never_agree_with_themselves() {
    let text = synthetic::article_set(1, 400, 1, 9).remove(0).body;
    let set: Vec<_> = (0..50).map(|i| article(&text, &format!("copy-{i}.txt"))).collect();
    let start = Instant::now();
    let c = analyze(&set, &Settings::default());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert!(c.links.is_empty(), "copies of one article are not agreement");
    assert_eq!(c.warnings.iter().filter(|w| w.message.contains("same article")).count(), 49);
}

#[test]
fn articles_with_no_sentence_to_compare() {
    // Ingest refuses such texts ("no article text"); analysis must still cope if given them.
    assert!(ingest::from_text("Just A Headline", "a.txt").is_err());
    let bare = |text: &str| parallax::Article::from_body(Default::default(), text.to_string(), Vec::new());
    let set = vec![bare("Just A Headline"), bare("Another Headline\nOk."), bare("Third\n\n\n!!!")];
    let c = analyze(&set, &Settings::default());
    assert!(c.claims.is_empty());
    assert_eq!(c.events, vec![vec![0, 1, 2]], "no evidence of different stories");
}

#[test]
fn a_hundred_thousand_character_sentence() {
    let words = ["harbour", "council", "budget", "river", "school", "tariff", "bridge", "market"];
    let long: String = (0..15_000).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ");
    assert!(long.len() >= 90_000);
    let set = vec![
        article(&format!("Long\n{long}"), "long.txt"),
        article(&format!("Short\n{}", &long[..2000]), "short.txt"),
    ];
    let start = Instant::now();
    let c = analyze(&set, &Settings::default());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    let lens: Vec<usize> = c.articles[0].sentences.iter().map(|s| s.span.len()).collect();
    assert_eq!(lens.len(), 2, "{lens:?}");
}

#[test]
fn five_hundred_short_articles() {
    let set = synthetic::article_set(500, 120, 5, 11);
    let start = Instant::now();
    let c = analyze(&set, &Settings::default());
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    assert_eq!(c.articles.len(), 500);
    assert!(c.warnings.iter().any(|w| w.message.contains("500 articles")));
}

#[test]
fn stories_are_told_apart_in_generated_sets() {
    let set = synthetic::article_set(12, 500, 2, 5);
    let c = analyze(&set, &Settings::default());
    assert_eq!(c.events, vec![vec![0, 2, 4, 6, 8, 10], vec![1, 3, 5, 7, 9, 11]]);
}
