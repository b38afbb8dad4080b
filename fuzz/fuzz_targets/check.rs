//! Invariants every `Comparison` must hold, shared by the `analysis` and `session` targets.

use std::collections::BTreeSet;

use parallax::analysis::{ClaimKind, Comparison, SentenceRef, Settings};
use parallax::report::{self, Format, Options};
use parallax::text::Doc;
use parallax::{Article, Span, analyze};

/// Asserts that `span` lies inside `text` on char boundaries.
fn fits(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: backwards span {span:?}");
    assert!(text.get(span.start..span.end).is_some(), "{what}: span {span:?} off a char boundary or out of {} bytes", text.len());
}

/// Sentence and heading spans of an article.
pub fn article(a: &Article) {
    for s in &a.sentences {
        fits(&a.body, s.span, "sentence");
    }
    for &h in &a.headings {
        fits(&a.body, h, "heading");
    }
    for r in &a.removed {
        fits(&a.extracted, r.span, "removal");
    }
}

/// Analyses `articles` twice (the second time must give the same JSON, byte for byte), checks
/// every invariant and renders every report format.
pub fn analyze_and_check(articles: &[Article], settings: &Settings, options: &Options) {
    let c = analyze(articles, settings);
    let again = analyze(articles, settings);
    let json = report::json::to_string(&c, options);
    assert_eq!(json, report::json::to_string(&again, options), "analysis is not deterministic");
    comparison(&c);
    for format in Format::ALL {
        let text = report::render(&c, format, options);
        if format == Format::Json {
            assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "JSON report does not parse");
        }
    }
}

/// Invariants of one comparison: spans in bounds and on char boundaries, every eligible sentence
/// in exactly the claims it should be, indices valid, stories a partition of the articles.
pub fn comparison(c: &Comparison) {
    let n = c.articles.len();
    for a in &c.articles {
        article(a);
    }
    claims(c);
    for l in &c.links {
        assert_ne!(l.a.article, l.b.article, "link inside one article");
        assert!(valid(c, l.a) && valid(c, l.b), "link to a missing sentence");
        assert!(l.score.is_finite(), "score {}", l.score);
    }
    if n > 0 {
        let mut seen: Vec<usize> = c.events.iter().flatten().copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "stories are not a partition: {:?}", c.events);
    }
    framing(c);
}

fn valid(c: &Comparison, r: SentenceRef) -> bool {
    c.articles.get(r.article).is_some_and(|a| r.sentence < a.sentences.len())
}

/// Each eligible sentence (no heading, enough words) is in at least one claim; one in a unique
/// claim is in no other; others are in none. A claim holds at most one sentence per article.
fn claims(c: &Comparison) {
    let mut of: Vec<Vec<Vec<(usize, ClaimKind)>>> =
        c.articles.iter().map(|a| vec![Vec::new(); a.sentences.len()]).collect();
    for (i, claim) in c.claims.iter().enumerate() {
        assert_eq!(claim.id, i, "claim ids are positions");
        assert!(!claim.members.is_empty(), "empty claim");
        let articles: BTreeSet<usize> = claim.members.iter().map(|m| m.article).collect();
        assert_eq!(articles.len(), claim.members.len(), "two sentences of one article in claim {i}");
        assert_eq!(articles.iter().copied().collect::<Vec<_>>(), claim.articles, "claim {i} articles");
        assert!(claim.omitted_by.iter().all(|a| !articles.contains(a) && *a < c.articles.len()));
        match claim.kind {
            ClaimKind::Unique => assert_eq!(claim.members.len(), 1, "unique claim {i} with several members"),
            ClaimKind::Shared => assert!(claim.members.len() >= 2, "shared claim {i} with one member"),
        }
        for m in &claim.members {
            assert!(valid(c, m.sentence_ref()), "claim {i} names a missing sentence");
            of[m.article][m.sentence].push((i, claim.kind));
        }
    }
    for (ai, a) in c.articles.iter().enumerate() {
        let doc = Doc::build(a, Some(&a.meta.language));
        for (si, s) in a.sentences.iter().enumerate() {
            let words = doc.sentence_tokens.get(si).map_or(0, Vec::len);
            let eligible = !s.heading && words >= c.settings.min_sentence_words;
            let in_claims = &of[ai][si];
            if !eligible {
                assert!(in_claims.is_empty(), "ineligible sentence {ai}:{si} in claims {in_claims:?}");
            } else {
                assert!(!in_claims.is_empty(), "eligible sentence {ai}:{si} in no claim");
                if in_claims.iter().any(|(_, k)| *k == ClaimKind::Unique) {
                    assert_eq!(in_claims.len(), 1, "sentence {ai}:{si} unique and shared: {in_claims:?}");
                }
            }
        }
    }
}

/// Framing items point at existing articles, sentences and quotes, with spans into the body.
fn framing(c: &Comparison) {
    let body = |i: usize| c.articles.get(i).map(|a| a.body.as_str()).expect("framing names a missing article");
    let f = &c.framing;
    for m in &f.markers {
        fits(body(m.article), Span { start: m.start, end: m.end }, "marker");
        assert!(valid(c, SentenceRef { article: m.article, sentence: m.sentence }));
    }
    for a in &f.attributions {
        fits(body(a.article), Span { start: a.start, end: a.end }, "attribution");
        assert!(valid(c, SentenceRef { article: a.article, sentence: a.sentence }));
    }
    for q in &f.quotes {
        fits(body(q.article), Span { start: q.start, end: q.end }, "quote");
    }
    for m in &f.quote_matches {
        let (qa, qb) = (&f.quotes[m.a], &f.quotes[m.b]);
        for op in &m.diff {
            if let Some(s) = op.a {
                fits(body(qa.article), s, "quote diff a");
            }
            if let Some(s) = op.b {
                fits(body(qb.article), s, "quote diff b");
            }
        }
    }
    for r in &f.reuse {
        for p in &r.passages {
            fits(body(r.a), Span { start: p.a_start, end: p.a_end }, "reuse a");
            fits(body(r.b), Span { start: p.b_start, end: p.b_end }, "reuse b");
        }
    }
    for x in &f.contradictions {
        assert!(x.claim < c.claims.len() && valid(c, x.a) && valid(c, x.b), "contradiction refs");
    }
    for p in &f.prominence {
        assert!(p.claim < c.claims.len(), "prominence claim");
    }
    for t in &f.tone {
        assert!(t.article < c.articles.len(), "tone article");
    }
}
