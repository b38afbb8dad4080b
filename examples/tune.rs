//! Prints the alignment score of every pair an expected.json names, for tuning.
use parallax::analysis::align::{LexicalMatcher, Matcher, Sentences};
use parallax::text::Doc;
use serde_json::Value;

fn main() {
    let settings = parallax::Settings::default();
    for set in parallax::samples::sets() {
        let Some(exp) = set.expected else { continue };
        let exp: Value = serde_json::from_str(exp).unwrap();
        let (articles, _) = parallax::samples::load(set.name);
        let docs: Vec<Doc> = articles.iter().map(|a| Doc::build(a, None)).collect();
        let sentences = Sentences::eligible(&articles, &docs, &settings);
        let m = LexicalMatcher::new(&articles, &docs, &sentences);
        let find = |p: &Value| -> Option<usize> {
            let file = p["file"].as_str()?;
            let ai = articles.iter().position(|a| a.meta.path.as_deref() == Some(file))?;
            let a = &articles[ai];
            let si = (0..a.sentences.len())
                .find(|&i| a.sentence_text(i).contains(p["contains"].as_str().unwrap()))?;
            sentences.refs.iter().position(|r| r.article == ai && r.sentence == si)
        };
        for (kind, want) in [("linked", true), ("not_linked", false)] {
            for pair in exp[kind].as_array().unwrap() {
                match (find(&pair["a"]), find(&pair["b"])) {
                    (Some(a), Some(b)) => {
                        let s = m.score(a, b);
                        let ok = (s >= settings.threshold) == want;
                        println!(
                            "{} {kind:10} {s:.3} {}",
                            if ok { "  " } else { "XX" },
                            m.evidence(a, b).summary()
                        );
                        if !ok {
                            println!("      A: {}", pair["a"]["contains"]);
                            println!("      B: {}", pair["b"]["contains"]);
                        }
                    }
                    _ => println!(
                        "?? {kind} not found/eligible: {} | {}",
                        pair["a"]["contains"], pair["b"]["contains"]
                    ),
                }
            }
        }
    }
}
