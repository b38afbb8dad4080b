//! Framing analysis on hand-made articles and claims: marker precision (words that must and
//! must NOT be flagged), speaker attribution, quote extraction and reuse, labels, contradictions,
//! copying, prominence and tone. Each table prints the failing row.
//!
//! # Hand check
//!
//! Every flag (word markers plus "check this" contradiction items) on the bundled sets and on
//! the shared corpus set `sanctions-china-russia` (5 real articles, also run as 4 subsets) was
//! read by hand:
//!
//! | set | flags | right | debatable | wrong |
//! |---|---:|---:|---:|---:|
//! | chip-sanctions | 42 (40 markers, 2 contradictions) | 38 | 4 | 0 |
//! | river-flood | 11 (9 markers, 2 contradictions) | 10 | 1 | 0 |
//! | mixed-stories | 4 (4 markers) | 4 | 0 | 0 |
//! | corpus: sanctions-china-russia | 37 (37 markers) | 31 | 6 | 0 |
//!
//! Debatable: a loaded word or label the outlet takes over from reported speech without
//! quotation marks ("illegal sanctions", "what he called a disastrous failure", "unchecked
//! expansion", "escalated", "unilateral sanctions" twice, "sweeping penalties"), "export
//! blacklist" as a label for the Entity List (twice), and "People's Republic of China (PRC)"
//! marked twice. Two wrong flags seen on the corpus were fixed: "China's alleged support" read as
//! a distancing verb (now a hedge), and "declined to refer to the attack as an invasion" marked
//! as the outlet's label (a name talked about is not used). Expected outcomes: label groups
//! 8 of 10 (the river-flood dam release and regional government are never swapped inside one
//! claim), contradictions 5 of 5; before this work 5 of 10 and 1 of 4.

use parallax::analysis::{Claim, ClaimKind, Member, Prominence, SentenceRef};
use parallax::framing::{self, Framing, Input, QuoteMatchKind};
use parallax::ingest::{Article, Meta};
use parallax::text::Doc;

fn article(body: &str) -> Article {
    let meta = Meta { language: "en".into(), ..Meta::default() };
    Article::from_body(meta, body.to_string(), Vec::new())
}

fn docs(articles: &[Article]) -> Vec<Doc> {
    articles.iter().map(|a| Doc::build(a, Some("en"))).collect()
}

fn claim(id: usize, members: &[(usize, usize, Prominence)], omitted_by: &[usize]) -> Claim {
    let members: Vec<Member> = members
        .iter()
        .map(|&(article, sentence, prominence)| Member { article, sentence, prominence })
        .collect();
    let mut articles: Vec<usize> = members.iter().map(|m| m.article).collect();
    articles.dedup();
    Claim {
        id,
        kind: if articles.len() > 1 { ClaimKind::Shared } else { ClaimKind::Unique },
        members,
        articles,
        omitted_by: omitted_by.to_vec(),
        label: String::new(),
        confidence: 1.0,
    }
}

fn run(articles: &[Article], claims: &[Claim]) -> Framing {
    let docs = docs(articles);
    framing::analyze(&Input { articles, docs: &docs, claims, links: &[] })
}

fn flagged(text: &str) -> Vec<String> {
    let f = run(&[article(text)], &[]);
    f.markers.iter().map(|m| format!("{}:{}", m.term, m.category)).collect()
}

#[test]
fn markers_flag_framing_words_and_nothing_else() {
    let rows: &[(&str, &[&str])] = &[
        // Must NOT be flagged.
        ("The claims matrix shows the gaps.", &[]),
        ("Officials said the rules are fair.", &[]),
        ("The attack claimed 30 lives.", &[]),
        ("He claimed responsibility for the leak.", &[]),
        ("The sanctions regime was tightened again.", &[]),
        ("The export-control regime covers chips.", &[]),
        ("The company maintained its lead in chips.", &[]),
        ("Her notes were brief.", &[]),
        ("A noted economist disagreed.", &[]),
        ("He did not confirm the figure.", &[]),
        ("Let us go home.", &[]),
        ("Such claims are common.", &[]),
        ("\u{201C}This is bullying and it is draconian,\u{201D} Wang said.", &[]),
        ("\u{201C}This is bullying,\u{201D} Wang said.", &[]),
        ("The regimental band played.", &[]),
        ("China added 12 firms to the list.", &[]),
        ("Blinken said China's alleged support for Russia worried him.", &["alleged:hedge"]),
        ("China has declined to refer to the attack on Ukraine as an invasion.", &[]),
        ("Beijing refuses to call it an invasion.", &[]),
        // Must be flagged.
        ("The ministry claimed the rules were fair.", &["claimed:attribution-distancing"]),
        ("\u{201C}The rules are fair,\u{201D} the ministry claimed.", &["claimed:attribution-distancing"]),
        ("Prosecutors alleged that the firm lied.", &["alleged:attribution-distancing"]),
        ("The alleged smuggling network was broken up.", &["alleged:hedge"]),
        ("The regime in Moscow tightened its grip.", &["regime:loaded"]),
        (
            "The so-called rules were toothless, reportedly.",
            &["so-called:hedge", "toothless:loaded", "reportedly:hedge"],
        ),
        ("\u{201C}We will respond,\u{201D} she insisted.", &["insisted:attribution-distancing"]),
        ("The minister pointed out that exports rose.", &["pointed out:attribution-endorsing"]),
        ("Beijing slammed the decision, he added.", &["slammed:attribution-loaded"]),
        ("Critics called the rules \u{2018}toothless\u{2019} and left.", &["toothless:loaded"]),
        (
            "Washington is flouting trade rules, the embassy insisted.",
            &["flouting:loaded", "insisted:attribution-distancing"],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got = flagged(text);
        if got != *want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_marker_explains_itself_and_points_at_its_words() {
    let text = "The so-called rules are draconian. \u{201C}We act,\u{201D} the ministry claimed.";
    let a = article(text);
    let f = run(std::slice::from_ref(&a), &[]);
    assert_eq!(f.markers.len(), 3, "{:?}", f.markers);
    for m in &f.markers {
        assert_eq!(&a.body[m.start..m.end], m.term);
        assert!(m.note.len() > 20, "note too short: {m:?}");
        assert!(a.sentences[m.sentence].span.start <= m.start && m.end <= a.sentences[m.sentence].span.end);
    }
}

#[test]
fn speakers_are_attributed() {
    type Row<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
    let rows: &[Row] = &[
        (
            "Commerce Secretary Gina Raimondo said the rules were needed.",
            &[("Gina Raimondo", "said", "attribution-neutral")],
        ),
        (
            "\u{201C}The rules are needed,\u{201D} said Gina Raimondo.",
            &[("Gina Raimondo", "said", "attribution-neutral")],
        ),
        (
            "\u{201C}The rules are needed,\u{201D} Raimondo claimed.",
            &[("Raimondo", "claimed", "attribution-distancing")],
        ),
        (
            "Gina Raimondo spoke first. Later she insisted that the rules work.",
            &[("Gina Raimondo", "insisted", "attribution-distancing")],
        ),
        (
            "According to the ministry, exports fell.",
            &[("the ministry", "According to", "attribution-neutral")],
        ),
        ("Officials told reporters the plan was final.", &[("officials", "told", "attribution-neutral")]),
        (
            "The ministry said: \u{201C}We oppose this.\u{201D}",
            &[("the ministry", "said", "attribution-neutral")],
        ),
        (
            "Mao Ning said the rules hurt trade. Raimondo said they did not.",
            &[("Mao Ning", "said", "attribution-neutral"), ("Raimondo", "said", "attribution-neutral")],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in rows {
        let f = run(&[article(text)], &[]);
        let got: Vec<(&str, &str, &str)> =
            f.attributions.iter().map(|a| (a.speaker.as_str(), a.verb.as_str(), a.class.as_str())).collect();
        if got != *want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn quotes_are_extracted_with_their_speakers() {
    type Row<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let rows: &[Row] = &[
        ("\u{201C}We will act,\u{201D} said Gina Raimondo.", &[("We will act,", Some("Gina Raimondo"))]),
        ("Raimondo said: \u{201C}We will act.\u{201D}", &[("We will act.", Some("Raimondo"))]),
        ("\"We will act,\" Raimondo said.", &[("We will act,", Some("Raimondo"))]),
        (
            "According to Mao Ning, the rules are \u{201C}a form of bullying\u{201D}.",
            &[("a form of bullying", Some("Mao Ning"))],
        ),
        ("The rules are \u{2018}toothless\u{2019}, critics say.", &[("toothless", Some("critics"))]),
        (
            "Gina Raimondo spoke. \u{201C}We will act. We will not wait,\u{201D} she said.",
            &[("We will act. We will not wait,", Some("Gina Raimondo"))],
        ),
        ("The so-called \u{201C}national security\u{201D} rules passed.", &[("national security", None)]),
    ];
    let mut failures = Vec::new();
    for (text, want) in rows {
        let f = run(&[article(text)], &[]);
        let got: Vec<(&str, Option<&str>)> =
            f.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
        if got != *want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn reused_quotes_are_verbatim_trimmed_altered_or_misattributed() {
    let articles = [
        article(
            "\u{201C}These rules are essentially a shutdown of the whole industry,\u{201D} Raimondo said.",
        ),
        article(
            "\u{201C}These rules are essentially a shutdown of the whole industry,\u{201D} said Gina Raimondo.",
        ),
        article("Raimondo called the rules \u{201C}a shutdown of the whole industry.\u{201D}"),
        article(
            "\u{201C}These rules are basically a shutdown of the entire industry,\u{201D} said Mao Ning.",
        ),
    ];
    let f = run(&articles, &[]);
    let find = |a: usize, b: usize| {
        f.quote_matches
            .iter()
            .find(|m| f.quotes[m.a].article == a && f.quotes[m.b].article == b)
            .unwrap_or_else(|| panic!("no match between articles {a} and {b}: {:?}", f.quote_matches))
    };
    let m = find(0, 1);
    assert_eq!((m.kind, m.different_speaker), (QuoteMatchKind::Verbatim, false));
    assert_eq!(find(0, 2).kind, QuoteMatchKind::Trimmed);
    let m = find(0, 3);
    assert_eq!((m.kind, m.different_speaker), (QuoteMatchKind::Altered, true), "{m:?}");
    assert!(m.note.contains("‘essentially’ became ‘basically’"), "{}", m.note);
    assert!(m.note.contains("check who said it"), "{}", m.note);
    let changed: Vec<&str> = m
        .diff
        .iter()
        .filter(|o| o.kind != framing::DiffKind::Equal)
        .filter_map(|o| o.b.map(|s| &articles[3].body[s.start..s.end]))
        .collect();
    assert_eq!(changed, ["basically", "entire"]);
}

#[test]
fn labels_are_discovered_from_claims() {
    let articles = [
        article("China condemned the new rules on Tuesday. The invasion began in February."),
        article("Beijing condemned the new rules on Tuesday. The conflict began in February."),
        article(
            "China condemned the new rules on Tuesday. The invasion began in February. An attack on the grid failed.",
        ),
    ];
    use Prominence::Lede;
    let claims = [
        claim(0, &[(0, 0, Lede), (1, 0, Lede), (2, 0, Lede)], &[]),
        claim(1, &[(0, 1, Lede), (1, 1, Lede), (2, 1, Lede)], &[]),
    ];
    let f = run(&articles, &claims);
    let group = |r: &str| {
        f.labels.iter().find(|g| g.referent == r).unwrap_or_else(|| panic!("no {r}: {:?}", f.labels))
    };
    assert_eq!(group("China").terms, ["China", "Beijing"]);
    let war = group("the war in Ukraine");
    assert_eq!(war.terms, ["invasion", "conflict"], "the unconfirmed 'attack' must not count");
    let labels: Vec<(usize, &str)> =
        f.markers.iter().filter(|m| m.category == "label").map(|m| (m.article, m.term.as_str())).collect();
    // Each choice is marked where another outlet chose differently; the plain "China" never is.
    assert_eq!(labels, [(0, "invasion"), (1, "Beijing"), (1, "conflict"), (2, "invasion")]);
    let beijing = f.markers.iter().find(|m| m.term == "Beijing").map(|m| m.note.as_str()).unwrap_or("");
    assert_eq!(beijing, "This outlet calls China ‘Beijing’ here; other sources write ‘China’.");
}

/// Everyday nouns become labels only when the seed list groups them and outlets swap them in
/// one claim, or when outlets swap them in two claims; days, numbers, verbs and one-off swaps
/// never do.
#[test]
fn everyday_nouns_are_labels_only_when_swapped() {
    type Row<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a [&'a str]]);
    let rows: &[Row] = &[
        // Seeded, swapped once: a group; "grandfather" adds emotion and is marked, "man" is not.
        (
            &["A 67-year-old man died in his car.", "Water rose fast."],
            &["A 67-year-old grandfather died in his car.", "Water rose fast."],
            &[&["man", "grandfather"]],
        ),
        (
            &["The union will extend the walkout next week.", "Talks failed."],
            &["The union will extend the action next week.", "Talks failed."],
            &[&["walkout", "action"]],
        ),
        // Not seeded, swapped in two claims: a discovered group.
        (
            &["The ordinance bans cars downtown.", "Critics say the ordinance is rushed."],
            &["The decree bans cars downtown.", "Critics say the decree is rushed."],
            &[&["decree", "ordinance"]],
        ),
        // Not seeded, swapped once: nothing.
        (
            &["The ordinance bans cars downtown.", "Critics say it is rushed."],
            &["The decree bans cars downtown.", "Critics say it is rushed."],
            &[],
        ),
        // Days, numbers, verbs, synonyms: nothing, however often swapped.
        (
            &["The council met on Tuesday and voted.", "The mayor met 12 residents on Tuesday."],
            &["The council met on Wednesday and voted.", "The mayor met 14 residents on Wednesday."],
            &[],
        ),
        (
            &["The council quickly approved the plan.", "The mayor quickly approved the budget."],
            &["The council quickly rejected the plan.", "The mayor quickly rejected the budget."],
            &[],
        ),
        (
            &["The firms paid the fine.", "Officials said the firms had lied."],
            &["The companies paid the fine.", "Officials said the companies had lied."],
            &[],
        ),
    ];
    use Prominence::Lede;
    let mut failures = Vec::new();
    for (a, b, want) in rows {
        let articles = [article(&a.join(" ")), article(&b.join(" "))];
        let claims: Vec<Claim> = (0..a.len()).map(|s| claim(s, &[(0, s, Lede), (1, s, Lede)], &[])).collect();
        let f = run(&articles, &claims);
        let mut got: Vec<Vec<String>> = f.labels.iter().map(|g| g.terms.clone()).collect();
        for g in &mut got {
            g.sort();
        }
        let mut want: Vec<Vec<String>> =
            want.iter().map(|g| g.iter().map(|t| t.to_string()).collect::<Vec<_>>()).collect();
        for g in &mut want {
            g.sort();
        }
        if got != want {
            failures.push(format!("{a:?} / {b:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
    // Only the word that adds a judgement is marked.
    let articles = [
        article("A 67-year-old man died in his car."),
        article("A 67-year-old grandfather died in his car."),
    ];
    let f = run(&articles, &[claim(0, &[(0, 0, Lede), (1, 0, Lede)], &[])]);
    let marked: Vec<(&str, &str)> = f.markers.iter().map(|m| (m.term.as_str(), m.note.as_str())).collect();
    assert_eq!(
        marked,
        [("grandfather", "This outlet calls a person ‘grandfather’ here; other sources write ‘man’.")]
    );
}

#[test]
fn contradictions_in_numbers_dates_and_negation() {
    let articles = [
        article("Officials added 140 companies to the list on Monday. The ministry said it would retaliate."),
        article(
            "Officials added 100 companies to the list on Friday. The ministry said it would not retaliate.",
        ),
    ];
    use Prominence::Lede;
    let claims = [claim(0, &[(0, 0, Lede), (1, 0, Lede)], &[]), claim(1, &[(0, 1, Lede), (1, 1, Lede)], &[])];
    let f = run(&articles, &claims);
    let got: Vec<_> = f
        .contradictions
        .iter()
        .map(|c| (c.claim, c.kind.as_str(), c.a_values.clone(), c.b_values.clone()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    assert_eq!(
        got,
        [
            (Some(0), "date", s(&["Monday"]), s(&["Friday"])),
            (Some(0), "number", s(&["140 companies"]), s(&["100 companies"])),
            (Some(1), "negation", s(&[]), s(&["not"])),
        ]
    );
    let note = &f.contradictions[1].note;
    assert!(note.contains("Article 1 says ‘140 companies’; Article 2 says ‘100 companies’"), "{note}");
}

/// One row per pair of sentences (two articles, one story): whether the aligner put them in one
/// claim, and the kinds of contradiction that must be reported (none for the traps).
#[test]
fn contradictions_are_flagged_only_where_values_really_differ() {
    type Row<'a> = (&'a str, &'a str, bool, &'a [&'a str]);
    let rows: &[Row] = &[
        // Must be flagged.
        (
            "The department added 42 companies to its list.",
            "The department added nearly 60 companies to its list.",
            true,
            &["number"],
        ),
        (
            "Shares of HXM fell 8.4 percent in Hong Kong.",
            "HXM stock plunged 14 percent in Hong Kong.",
            true,
            &["number"],
        ),
        ("About 1.2 million people fled the city.", "About 500,000 people fled the city.", true, &["number"]),
        (
            "The vote was held at 3 p.m. in the chamber.",
            "The vote was held at 9 p.m. in the chamber.",
            true,
            &["time"],
        ),
        (
            "The minister said the dam was safe.",
            "The minister said the dam was not safe.",
            true,
            &["negation"],
        ),
        (
            "The plant reopens on May 2, the firm said.",
            "The plant reopens on May 12, the firm said.",
            true,
            &["date"],
        ),
        // Kept apart by the aligner, but counting the same thing in the same words.
        (
            "About 1,200 residents were evacuated from their homes between midnight and dawn, the fire service said.",
            "More than 2,000 residents were driven from their homes in the early hours of Monday.",
            false,
            &["number"],
        ),
        // Must NOT be flagged: compatible values.
        (
            "Crews carried out 64 rescues overnight.",
            "Firefighters carried out more than 60 rescues overnight.",
            true,
            &[],
        ),
        ("Rain fell for three days on the valley.", "Rain fell for 72 hours on the valley.", true, &[]),
        ("Two dozen ships waited off the port.", "Some 24 ships waited off the port.", true, &[]),
        ("About 1.2 million people fled the city.", "Some 1,200,000 people fled the city.", true, &[]),
        ("The rules take effect on May 2.", "The new rules take effect in early May.", true, &[]),
        ("The alert went out at 11 p.m. on Sunday.", "The alert went out at 11pm on Sunday.", true, &[]),
        ("The gates opened late on Sunday.", "The gates opened early on Monday.", true, &[]),
        // Must NOT be flagged: different quantities, a year against a count, two events.
        (
            "About 1,200 residents were evacuated and roughly 300 of them stayed at the shelter.",
            "About 300 people spent the night at the shelter.",
            true,
            &[],
        ),
        (
            "The dam was completed in 1971 and holds 40 million cubic metres.",
            "The dam, built in 1971, supplies 400,000 people.",
            true,
            &[],
        ),
        (
            "Blinken said on Friday that more sanctions were ready.",
            "Blinken will warn Beijing when he travels there on Wednesday.",
            true,
            &[],
        ),
        (
            "The department on Thursday added 42 companies to its blacklist.",
            "In February, the department added 12 companies to its blacklist.",
            false,
            &[],
        ),
        (
            "Alerts were sent three hours before the water reached the town.",
            "Rain fell across the valley in 72 hours before the water reached the town.",
            false,
            &[],
        ),
    ];
    use Prominence::Lede;
    let mut failures = Vec::new();
    for (a, b, aligned, want) in rows {
        let articles = [
            article(&format!("Shared opening line here. {a}")),
            article(&format!("Shared opening line here. {b}")),
        ];
        let mut claims = vec![claim(0, &[(0, 0, Lede), (1, 0, Lede)], &[])];
        if *aligned {
            claims.push(claim(1, &[(0, 1, Lede), (1, 1, Lede)], &[]));
        }
        let f = run(&articles, &claims);
        let got: Vec<&str> = f.contradictions.iter().map(|c| c.kind.as_str()).collect();
        if got != *want {
            let notes: Vec<&str> = f.contradictions.iter().map(|c| c.note.as_str()).collect();
            failures.push(format!("{a:?} / {b:?}\n    want {want:?}\n    got  {got:?} {notes:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn copied_passages_are_found_and_quotes_are_not_copying() {
    let lifted = "The commerce department added dozens of chip makers to its entity list late on Friday, \
                  cutting them off from American tools and software without a special licence.";
    let shared_quote = "\u{201C}We will defend the interests of our companies with every means we have,\u{201D} the ministry said.";
    let a = format!("{lifted} Analysts expect more steps. {shared_quote}");
    let b = format!(
        "Markets fell sharply in Asia. {} Traders were nervous. {shared_quote}",
        lifted.replace("late on Friday", "late Friday")
    );
    let f = run(&[article(&a), article(&b)], &[]);
    assert_eq!(f.reuse.len(), 1, "{:?}", f.reuse);
    let r = &f.reuse[0];
    assert_eq!(r.passages.len(), 1, "the quotation is not copying: {:?}", r.passages);
    assert!(r.words >= 25, "{r:?}");
    assert!(r.share_a > r.share_b || r.share_a > 0.5, "{r:?}");
    assert_eq!(r.source, None);
    assert!(r.note.contains("unknown"), "{}", r.note);
}

#[test]
fn prominence_and_tone() {
    let articles = [
        article("The rules are draconian, reportedly. Exports fell."),
        article("Exports fell. Trade slowed. Prices rose. Stocks dipped. Exports fell, officials said."),
        article("Prices rose. Nothing else."),
    ];
    use Prominence::{Lede, Lower};
    let claims = [claim(0, &[(0, 1, Lede), (1, 4, Lower)], &[2])];
    let f = run(&articles, &claims);
    assert_eq!(f.prominence.len(), 1);
    let p = &f.prominence[0];
    assert_eq!(
        (p.lede.as_slice(), p.buried.as_slice(), p.omitted.as_slice()),
        (&[0][..], &[1][..], &[2][..])
    );
    let t = &f.tone[0];
    assert_eq!((t.words, t.loaded, t.hedges), (7, 1, 1));
    assert!((t.loaded_per_1000 - 142.9).abs() < 0.1, "{t:?}");
    assert_eq!(f.tone[1].loaded + f.tone[1].hedges, 0);
}

#[test]
fn diff_versions_classifies_differing_words() {
    let articles = [
        article("The ministry said the 140 rules were fair."),
        article("The regime claimed the 100 rules were fair."),
    ];
    let ops = framing::diff_versions(
        &articles,
        SentenceRef { article: 0, sentence: 0 },
        SentenceRef { article: 1, sentence: 0 },
    );
    let changed: Vec<(&str, &str, Vec<String>)> = ops
        .iter()
        .filter(|o| o.kind != framing::DiffKind::Equal)
        .map(|o| (o.a_text.as_str(), o.b_text.as_str(), o.categories.clone()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        changed,
        [
            (
                "ministry said",
                "regime claimed",
                s(&["attribution-distancing", "attribution-neutral", "loaded"])
            ),
            ("140", "100", s(&["number"])),
        ]
    );
}

#[test]
fn framing_is_deterministic_and_sorted() {
    let articles = [
        article("Beijing slammed the so-called rules. \u{201C}We will act,\u{201D} Wang said."),
        article("China criticised the rules. \u{201C}We will act,\u{201D} Wang said."),
    ];
    use Prominence::Lede;
    let claims = [claim(0, &[(0, 0, Lede), (1, 0, Lede)], &[])];
    let a = serde_json::to_string(&run(&articles, &claims)).unwrap_or_default();
    let b = serde_json::to_string(&run(&articles, &claims)).unwrap_or_default();
    assert_eq!(a, b);
    let f = run(&articles, &claims);
    assert!(f.markers.windows(2).all(|w| (w[0].article, w[0].start) <= (w[1].article, w[1].start)));
}

/// The framing parts of a sample set's `expected.json` (see assets/samples/README.md).
#[derive(serde::Deserialize, Default)]
struct Expected {
    #[serde(default)]
    flagged: Vec<Flag>,
    #[serde(default)]
    not_flagged: Vec<Flag>,
    #[serde(default)]
    labels: Vec<Labels>,
    #[serde(default)]
    quotes: Vec<QuotePair>,
    #[serde(default)]
    contradictions: Vec<QuotePair>,
    #[serde(default)]
    not_contradictions: Vec<QuotePair>,
    #[serde(default)]
    not_labels: Vec<Labels>,
    #[serde(default)]
    reuse: Vec<ReusePair>,
}

#[derive(serde::Deserialize)]
struct Flag {
    file: String,
    term: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    contains: String,
}

#[derive(serde::Deserialize)]
struct Labels {
    #[serde(default)]
    referent: String,
    variants: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Place {
    file: String,
    contains: String,
}

#[derive(serde::Deserialize)]
struct QuotePair {
    #[serde(default)]
    kind: String,
    a: Place,
    b: Place,
}

#[derive(serde::Deserialize)]
struct ReusePair {
    from: String,
    to: String,
}

/// A label compared without case or a leading "the": "the PRC" and "PRC" are one name.
fn label_key(term: &str) -> String {
    let lower = term.to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

/// Runs the whole pipeline over each bundled set and checks its framing expectations. Flags,
/// words that must NOT be flagged, quotes and copying must all hold; labels and contradictions
/// depend on the aligner too, so their recall is printed and checked against a floor.
#[test]
fn sample_sets_meet_framing_expectations() {
    let mut failures = Vec::new();
    let (mut label_hits, mut label_total, mut contra_hits, mut contra_total) = (0, 0, 0, 0);
    for set in parallax::samples::sets() {
        let Some(text) = set.expected else { continue };
        let Ok(expected) = serde_json::from_str::<Expected>(text) else {
            failures.push(format!("[{}] expected.json does not parse", set.name));
            continue;
        };
        let (articles, _) = parallax::samples::load(set.name);
        let c = parallax::analyze(&articles, &parallax::Settings::default());
        let f = &c.framing;
        let index = |file: &str| c.articles.iter().position(|a| a.meta.path.as_deref() == Some(file));
        let sentence_has = |m: &framing::Marker, s: &str| {
            s.is_empty() || c.articles[m.article].sentence_text(m.sentence).contains(s)
        };
        let mut fail = |msg: String| failures.push(format!("[{}] {msg}", set.name));
        let markers_of = |flag: &Flag| -> Vec<&framing::Marker> {
            let Some(a) = index(&flag.file) else { return Vec::new() };
            f.markers
                .iter()
                .filter(|m| {
                    m.article == a
                        && m.term.eq_ignore_ascii_case(&flag.term)
                        && sentence_has(m, &flag.contains)
                })
                .collect()
        };
        for flag in &expected.flagged {
            if !markers_of(flag).iter().any(|m| m.category == flag.category) {
                fail(format!("must be flagged {} in {}: {:?}", flag.category, flag.file, flag.term));
            }
        }
        for flag in &expected.not_flagged {
            for m in markers_of(flag) {
                fail(format!("must NOT be flagged in {}: {:?} ({})", flag.file, m.term, m.category));
            }
        }
        for group in &expected.labels {
            label_total += 1;
            let lower: Vec<String> = group.variants.iter().map(|v| label_key(v)).collect();
            let found = f
                .labels
                .iter()
                .any(|g| g.terms.iter().filter(|t| lower.contains(&label_key(t))).count() >= 2);
            if found {
                label_hits += 1;
            } else {
                println!("[{}] label group not found: {} {:?}", set.name, group.referent, group.variants);
            }
        }
        let at = |p: &Place| -> Option<(usize, usize, usize)> {
            let a = index(&p.file)?;
            let start = c.articles[a].body.find(&p.contains)?;
            Some((a, start, start + p.contains.len()))
        };
        for pair in &expected.quotes {
            let (Some(pa), Some(pb)) = (at(&pair.a), at(&pair.b)) else {
                fail(format!("quote places not found: {:?} / {:?}", pair.a.contains, pair.b.contains));
                continue;
            };
            // A place names a quotation or the words introducing it (same or neighbouring sentence).
            let sentence_of =
                |a: usize, at: usize| c.articles[a].sentences.iter().position(|s| at < s.span.end);
            let hits = |q: &framing::Quote, p: (usize, usize, usize)| {
                let (Some(ps), Some(qe)) = (sentence_of(p.0, p.1), sentence_of(q.article, q.end)) else {
                    return false;
                };
                q.article == p.0 && q.sentence <= ps + 1 && ps <= qe + 1
            };
            let ok = f.quote_matches.iter().any(|m| {
                let (qa, qb) = (&f.quotes[m.a], &f.quotes[m.b]);
                let placed = (hits(qa, pa) && hits(qb, pb)) || (hits(qa, pb) && hits(qb, pa));
                let kind = match pair.kind.as_str() {
                    "misattributed" => m.different_speaker,
                    k => serde_json::to_value(m.kind).is_ok_and(|v| v == k),
                };
                placed && kind
            });
            if !ok {
                fail(format!("quote {} not found: {} / {}", pair.kind, pair.a.file, pair.b.file));
            }
        }
        let sentence_at = |p: &Place| {
            let (a, start, _) = at(p)?;
            let s =
                c.articles[a].sentences.iter().position(|s| s.span.start <= start && start < s.span.end)?;
            Some(SentenceRef { article: a, sentence: s })
        };
        // Each item lists every sentence on each side; the pair must sit on opposite sides.
        let opposed = |pair: &QuotePair| {
            let (Some(ra), Some(rb)) = (sentence_at(&pair.a), sentence_at(&pair.b)) else { return false };
            f.contradictions.iter().any(|x| {
                let side_a: Vec<SentenceRef> = std::iter::once(x.a).chain(x.a_also.iter().copied()).collect();
                let side_b: Vec<SentenceRef> = std::iter::once(x.b).chain(x.b_also.iter().copied()).collect();
                (side_a.contains(&ra) && side_b.contains(&rb))
                    || (side_a.contains(&rb) && side_b.contains(&ra))
            })
        };
        for pair in &expected.contradictions {
            contra_total += 1;
            if opposed(pair) {
                contra_hits += 1;
            } else {
                println!(
                    "[{}] contradiction not found: {:?} / {:?}",
                    set.name, pair.a.contains, pair.b.contains
                );
            }
        }
        for pair in &expected.not_contradictions {
            if opposed(pair) {
                fail(format!("must NOT be a contradiction: {:?} / {:?}", pair.a.contains, pair.b.contains));
            }
        }
        for group in &expected.not_labels {
            let lower: Vec<String> = group.variants.iter().map(|v| label_key(v)).collect();
            for g in &f.labels {
                let hits = g.terms.iter().filter(|t| lower.contains(&label_key(t))).count();
                if hits >= 2 {
                    fail(format!("must NOT be one label group: {:?} (found {:?})", group.variants, g.terms));
                }
            }
        }
        for pair in &expected.reuse {
            let (a, b) = (index(&pair.from), index(&pair.to));
            if !f.reuse.iter().any(|r| (Some(r.a), Some(r.b)) == (a, b) || (Some(r.a), Some(r.b)) == (b, a)) {
                fail(format!("copying not found: {} → {}", pair.from, pair.to));
            }
        }
        println!(
            "[{}] {} markers ({} labels), {} attributions, {} quotes, {} quote matches, {} reuse, {} contradictions",
            set.name,
            f.markers.len(),
            f.markers.iter().filter(|m| m.category == "label").count(),
            f.attributions.len(),
            f.quotes.len(),
            f.quote_matches.len(),
            f.reuse.len(),
            f.contradictions.len()
        );
    }
    println!("labels found {label_hits}/{label_total}; contradictions found {contra_hits}/{contra_total}");
    // Two expected groups are known misses (river-flood: "the dam release" and "the regional
    // government" are never swapped for each other inside one claim).
    assert!(label_hits * 10 >= label_total * 8, "too few label groups found: {label_hits}/{label_total}");
    assert_eq!(contra_hits, contra_total, "contradictions not found");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Framing over 100 generated articles of 1,000 words with their real claims. Run in release:
/// `cargo test --release --no-default-features --test framing -- --ignored --nocapture`.
/// Target: well under 0.5 s.
#[test]
#[ignore = "timing; run in release"]
fn framing_time_100_articles() {
    let articles = parallax::synthetic::article_set(100, 1000, 1, 42);
    let c = parallax::analyze(&articles, &parallax::Settings::default());
    let docs: Vec<Doc> = c.articles.iter().map(|a| Doc::build(a, Some("en"))).collect();
    let input = Input { articles: &c.articles, docs: &docs, claims: &c.claims, links: &c.links };
    let _ = framing::analyze(&input); // builds the automata once
    let time = |name: &str, run: &dyn Fn()| {
        let t = std::time::Instant::now();
        run();
        println!("  {name}: {:?}", t.elapsed());
    };
    let found = framing::markers::scan(&input);
    time("scan", &|| drop(framing::markers::scan(&input)));
    let diffs = framing::diff::claim_diffs(&input);
    time("claim diffs", &|| drop(framing::diff::claim_diffs(&input)));
    time("labels", &|| drop(framing::labels::discover(&input, &found, &diffs)));
    time("attribution", &|| drop(framing::attribution::audit(&input, &found)));
    time("reuse", &|| drop(framing::reuse::find(&input)));
    time("contradictions", &|| drop(framing::contradictions::find(&input, &diffs)));
    let runs = 5;
    let start = std::time::Instant::now();
    let mut f = Framing::default();
    for _ in 0..runs {
        f = framing::analyze(&input);
    }
    let per_run = start.elapsed() / runs;
    println!(
        "framing: {per_run:?} per run over {} articles, {} claims ({} markers, {} quotes, {} reuse pairs)",
        c.articles.len(),
        c.claims.len(),
        f.markers.len(),
        f.quotes.len(),
        f.reuse.len()
    );
    assert!(per_run < std::time::Duration::from_millis(500), "framing took {per_run:?}");
}
