//! The bundled sample sets analysed end to end and checked against their `expected.json`:
//! which sentences must be linked, which must stay apart, which are unique, how the articles
//! group into stories, what cleaning removed, and the metadata. Also: every article of
//! `../shared/corpus` (when present) loads and is analysed.

mod common;

use common::{Expected, find, linked, text};
use parallax::analysis::ClaimKind;
use parallax::{Settings, analyze, samples};

/// Runs every check of every set and reports all failures at once.
#[test]
fn sample_sets_meet_their_expected_outcomes() {
    let mut failures: Vec<String> = Vec::new();
    let mut known_limits: Vec<String> = Vec::new();
    let mut checked = 0;
    for set in samples::sets() {
        let Some(expected) = set.expected else { continue };
        let expected: Expected = serde_json::from_str(expected).expect("expected.json must parse");
        let (articles, errors) = samples::load(set.name);
        assert!(errors.is_empty(), "{}: {errors:?}", set.name);
        let c = analyze(&articles, &Settings::default());
        let mut fail = |msg: String| failures.push(format!("[{}] {msg}", set.name));
        for (pairs, want) in [(&expected.linked, true), (&expected.not_linked, false)] {
            for pair in pairs {
                checked += 1;
                match (find(&c, &pair.a), find(&c, &pair.b)) {
                    (Ok(a), Ok(b)) if want && pair.needs_semantic && !linked(&c, a, b) => {
                        known_limits.push(format!("[{}] {}", set.name, pair.why));
                    }
                    (Ok(a), Ok(b)) if linked(&c, a, b) != want => fail(format!(
                        "must {}be linked ({}):\n    {:?}\n    {:?}",
                        if want { "" } else { "NOT " },
                        pair.why,
                        text(&c, a),
                        text(&c, b)
                    )),
                    (Err(e), _) | (_, Err(e)) => fail(e),
                    _ => {}
                }
            }
        }
        for u in &expected.unique {
            checked += 1;
            let place = common::Place { file: u.file.clone(), contains: u.contains.clone() };
            match find(&c, &place) {
                Ok(r) => {
                    let in_shared = c.claims.iter().any(|cl| {
                        cl.kind == ClaimKind::Shared && cl.members.iter().any(|m| m.sentence_ref() == r)
                    });
                    if in_shared {
                        fail(format!("must stay unique ({}): {:?}", u.why, text(&c, r)));
                    }
                }
                Err(e) => fail(e),
            }
        }
        if !expected.stories.is_empty() {
            checked += 1;
            let mut want: Vec<Vec<String>> =
                expected.stories.iter().map(|g| sorted(g.iter().cloned())).collect();
            want.sort();
            let mut got: Vec<Vec<String>> = c
                .events
                .iter()
                .map(|g| sorted(g.iter().map(|&i| c.articles[i].meta.path.clone().unwrap_or_default())))
                .collect();
            got.sort();
            if got != want {
                fail(format!("stories: got {got:?}, want {want:?}"));
            }
        }
        for r in &expected.removed {
            checked += 1;
            if let Ok(i) = common::article_index(&c, &r.file) {
                let a = &c.articles[i];
                if (0..a.sentences.len()).any(|s| a.sentence_text(s).contains(&r.contains)) {
                    fail(format!("{:?} survived cleaning in {}", r.contains, r.file));
                }
            }
        }
        for m in &expected.metadata {
            checked += 1;
            if let Ok(i) = common::article_index(&c, &m.file) {
                let meta = &c.articles[i].meta;
                let checks = [("title", &m.title, &meta.title), ("outlet", &m.outlet, &meta.outlet)];
                for (what, want, got) in checks {
                    if want.as_ref().is_some_and(|w| w != got) {
                        fail(format!("{} {what}: got {got:?}, want {want:?}", m.file));
                    }
                }
                if m.published.is_some() && m.published != meta.published {
                    fail(format!("{} published: got {:?}, want {:?}", m.file, meta.published, m.published));
                }
            }
        }
    }
    assert!(checked > 0, "no expectations were checked: are the sample sets missing?");
    eprintln!(
        "{} linked pairs need a semantic matcher and were not linked (known limits):\n{}",
        known_limits.len(),
        known_limits.join("\n")
    );
    // The lexical matcher must still find the large majority of what readers call the same claim.
    let linked_total: usize = samples::sets()
        .iter()
        .filter_map(|s| s.expected)
        .map(|e| serde_json::from_str::<Expected>(e).map_or(0, |e| e.linked.len()))
        .sum();
    assert!(
        known_limits.len() * 5 <= linked_total,
        "{} of {linked_total} linked pairs missed: more than a fifth",
        known_limits.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} expectations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn sorted(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = items.collect();
    v.sort();
    v
}

/// Same input and settings give the same output, byte for byte.
#[test]
fn analysis_is_deterministic() {
    for set in samples::sets() {
        let (articles, _) = samples::load(set.name);
        let options = parallax::report::Options::default();
        let first = parallax::report::json::to_string(&analyze(&articles, &Settings::default()), &options);
        let second = parallax::report::json::to_string(&analyze(&articles, &Settings::default()), &options);
        assert_eq!(first, second, "{}", set.name);
    }
}

/// The JSON of each sample set, reviewed as a snapshot.
#[test]
fn sample_set_json_snapshots() {
    for set in samples::sets() {
        let (articles, _) = samples::load(set.name);
        let json = parallax::report::json::to_string(
            &analyze(&articles, &Settings::default()),
            &parallax::report::Options::default(),
        );
        insta::assert_snapshot!(format!("sample_{}", set.name), json);
    }
}

/// Every article of the shared corpus loads and the set is analysed without error.
#[test]
fn shared_corpus_loads_and_analyses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(sets) = std::fs::read_dir(&root) else {
        eprintln!("no shared corpus at {}; skipped", root.display());
        return;
    };
    let mut total = 0;
    for set in sets.flatten().filter(|e| e.path().is_dir()) {
        let mut paths: Vec<_> = std::fs::read_dir(set.path()).unwrap().flatten().map(|e| e.path()).collect();
        paths.sort();
        let articles: Vec<_> =
            paths.iter().map(|p| parallax::ingest::load_path(p).unwrap_or_else(|e| panic!("{e}"))).collect();
        total += articles.len();
        let c = analyze(&articles, &Settings::default());
        assert_eq!(c.articles.len(), articles.len());
        assert!(c.claims.iter().all(|cl| !cl.members.is_empty()));
    }
    eprintln!("analysed {total} corpus articles");
}
