//! Table-driven tests of alignment and clustering on small hand-written articles.

use super::*;
use crate::ingest::from_text;

fn set(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| from_text(&format!("Headline {i}\n{t}"), &format!("a{i}.txt")).unwrap())
        .collect()
}

fn find(c: &Comparison, article: usize, needle: &str) -> SentenceRef {
    let a = &c.articles[article];
    let sentence = (0..a.sentences.len())
        .find(|&i| a.sentence_text(i).contains(needle))
        .unwrap_or_else(|| panic!("{needle}"));
    SentenceRef { article, sentence }
}

fn together(c: &Comparison, x: SentenceRef, y: SentenceRef) -> bool {
    c.claims.iter().any(|cl| {
        cl.kind == ClaimKind::Shared
            && cl.members.iter().any(|m| m.sentence_ref() == x)
            && cl.members.iter().any(|m| m.sentence_ref() == y)
    })
}

#[test]
fn links_paraphrases_and_keeps_different_claims_apart() {
    // (sentence in article 0, sentence in article 1, must be linked)
    let rows = [
        (
            "Chinese firms that supply chips to Russia face US sanctions, Dana Whitfield said on Friday.",
            "Whitfield told reporters on Friday that Chinese companies selling semiconductors to Russia would face American sanctions.",
            true,
        ),
        (
            "Beijing vowed to defend the rights of its enterprises against the unilateral measures.",
            "China said it would safeguard the rights of Chinese companies against unilateral sanctions.",
            true,
        ),
        (
            "The ministry said 40 companies were under review by the inspectors.",
            "Spring rainfall in the northern valley was the heaviest in a decade, forecasters reported.",
            false,
        ),
        (
            "China said the sanctions were illegal and violated international trade rules.",
            "China said it would protect its companies and take all necessary measures in response.",
            false,
        ),
    ];
    for (a, b, want) in rows {
        let c = analyze(&set(&[a, b]), &Settings::default());
        let got = together(&c, find(&c, 0, &a[..20]), find(&c, 1, &b[..20]));
        let score = c.links.first().map(|l| l.score);
        assert_eq!(got, want, "linked?\n  {a}\n  {b}\n  score {score:?}");
    }
}

#[test]
fn does_not_chain_unrelated_sentences() {
    // A~B and B~C, but A and C share nothing: they must not become one claim.
    let a = "Officials in Varnholm closed the northern harbour after the storm damaged the pier.";
    let b =
        "Officials in Varnholm closed the northern harbour and cancelled the annual fish market festival.";
    let c = "The annual fish market festival was cancelled, organisers confirmed.";
    let cmp = analyze(&set(&[a, b, c]), &Settings { threshold: 0.3, ..Settings::default() });
    let (ra, rb, rc) = (find(&cmp, 0, "storm"), find(&cmp, 1, "cancelled"), find(&cmp, 2, "organisers"));
    assert!(together(&cmp, ra, rb), "A and B state the same closure");
    assert!(!together(&cmp, ra, rc), "A and C share nothing and must not be chained through B");
    // B carries two claims, so it may belong to two.
    assert!(together(&cmp, rb, rc), "B and C state the same cancellation");
}

#[test]
fn duplicate_article_never_agrees_with_itself() {
    let text = "The port authority suspended all shipments after inspectors found cracks in the crane.";
    let c = analyze(&set(&[text, text]), &Settings::default());
    assert!(c.claims.iter().all(|cl| cl.kind == ClaimKind::Unique));
    assert!(c.warnings.iter().any(|w| w.message.contains("same article")));
}

#[test]
fn unique_claims_name_who_omits_them() {
    let c = analyze(
        &set(&[
            "The council approved the emergency budget on Monday. It also fired the city treasurer for misconduct.",
            "On Monday the council approved an emergency budget.",
        ]),
        &Settings::default(),
    );
    let fired = find(&c, 0, "treasurer");
    let claim = c.claims.iter().find(|cl| cl.members.iter().any(|m| m.sentence_ref() == fired)).unwrap();
    assert_eq!(claim.kind, ClaimKind::Unique);
    assert_eq!(claim.omitted_by, vec![1]);
    let shared = c.claims.iter().find(|cl| cl.kind == ClaimKind::Shared).expect("budget claim shared");
    assert_eq!(shared.articles, vec![0, 1]);
    assert!(c.shared_by_all(shared));
}

#[test]
fn headings_and_short_sentences_are_not_claims() {
    let c = analyze(
        &set(&["Subhead Here\nThe mayor resigned on Tuesday after the audit. Yes."]),
        &Settings::default(),
    );
    let texts: Vec<&str> = c.claims.iter().map(|cl| cl.label.as_str()).collect();
    assert_eq!(texts, ["The mayor resigned on Tuesday after the audit."]);
}

#[test]
fn different_actors_saying_the_same_thing_are_not_one_claim() {
    let c = analyze(
        &set(&[
            "Germany said on Tuesday that it would send more tanks to the front before winter.",
            "France said on Tuesday that it would send more tanks to the front before winter.",
        ]),
        &Settings::default(),
    );
    assert!(c.claims.iter().all(|cl| cl.kind == ClaimKind::Unique), "{:?}", c.links);
}

#[test]
fn a_cancelled_analysis_stops() {
    let cancel = std::sync::atomic::AtomicBool::new(true);
    let articles = crate::synthetic::article_set(3, 200, 1, 1);
    assert_eq!(analyze_cancellable(&articles, &Settings::default(), &cancel), Err(Cancelled));
}
