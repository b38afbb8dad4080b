//! Exports: the HTML report holds nothing executable, blind mode leaks no outlet into any
//! format, worksheet answers match the analysis, notes reach every export, CSV quotes correctly.
//!
//! Articles are written for these tests (invented outlets and events) and built with
//! `ingest::from_text` + `analyze`; some tests add hand-made claims, links and framing markers so
//! they do not depend on what the aligner decides today.

use parallax::analysis::{Claim, ClaimKind, Comparison, Evidence, Link, Member, Prominence, SentenceRef};
use parallax::framing::{Attribution, Framing, Marker};
use parallax::report::worksheet::{self, QuestionKind};
use parallax::report::{self, Format, Options};
use parallax::session::Note;
use parallax::{Settings, analyze, ingest};

/// (file, outlet, url, date, byline, text). The Herald's text names itself, the Gazette's carries
/// script injection in its title, body and byline.
const ARTICLES: [(&str, &str, &str, &str, &str, &str); 3] = [
    (
        "harbour_herald.txt",
        "Harbour Herald",
        "https://www.harbourherald.example/news/flood-wall",
        "2026-03-02",
        "Ann Writer",
        "Council approves flood defences\n\nThe city council approved a new flood wall for the harbour district on Monday, the mayor said.\n\nThe wall will cost 12 million euros and should be finished by 2027, according to the council.\n\nResidents have asked for better defences since the storm of 2021, the Harbour Herald reported last year.",
    ),
    (
        "coast_courier.txt",
        "Coast Courier",
        "https://coastcourier.example/2026/03/wall",
        "2026-03-03",
        "Ben Reporter",
        "Harbour district to get flood wall\n\nThe city council approved a new flood wall for the harbour district on Monday, the mayor told reporters.\n\nOpposition members claimed the 15 million euro wall was too expensive.\n\nThe council said the wall would be finished by 2027.",
    ),
    (
        "gazette.txt",
        "Valley Gazette",
        "https://valleygazette.example/a?id=7",
        "2026-03-04",
        "Cy <b onmouseover=alert(3)>Columnist</b>",
        "Flood wall <script>alert('title')</script> vote splits council\n\nThe city council narrowly approved a new flood wall for the harbour district on Monday.\n\nThe wall will reportedly cost 12 million euros, according to the council.\n\nShopkeepers fear months of disruption <img src=x onerror=alert(1)> during construction, see <a href=\"javascript:alert(2)\">here</a>.\n\nOne trader called the plan \"]]><svg onload=alert(4)>\" a reckless gamble.",
    ),
];

fn articles() -> Vec<ingest::Article> {
    ARTICLES
        .iter()
        .map(|(file, outlet, url, date, byline, text)| {
            let mut a =
                ingest::from_text(text, &format!("/home/teacher/lessons/{file}")).expect("fixture ingests");
            a.meta.outlet = outlet.to_string();
            a.meta.url = Some(url.to_string());
            a.meta.published = Some(date.to_string());
            a.meta.byline = Some(byline.to_string());
            a
        })
        .collect()
}

fn analysed() -> Comparison {
    analyze(&articles(), &Settings::default())
}

/// The sentence of `article` containing `needle`.
fn find(c: &Comparison, article: usize, needle: &str) -> SentenceRef {
    let a = &c.articles[article];
    let sentence = (0..a.sentences.len())
        .find(|&s| a.sentence_text(s).contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?} in article {article}"));
    SentenceRef { article, sentence }
}

fn marker(c: &Comparison, article: usize, term: &str, category: &str, note: &str) -> Marker {
    let r = find(c, article, term);
    let start = c.articles[article].body.find(term).expect("term in body");
    Marker {
        article,
        sentence: r.sentence,
        start,
        end: start + term.len(),
        term: term.to_string(),
        category: category.to_string(),
        note: note.to_string(),
    }
}

fn member(r: SentenceRef) -> Member {
    Member { article: r.article, sentence: r.sentence, prominence: Prominence::Lede }
}

/// The analysed set with claims, links and markers set by hand: claim 0 (the vote) shared by all,
/// claim 1 (the cost) left out by the Courier, claim 2 unique to the Courier; a near-verbatim
/// link between the Herald's and the Courier's vote sentences; attribution, hedge and loaded markers.
fn hand_made() -> Comparison {
    let mut c = analysed();
    let vote = [find(&c, 0, "approved a new"), find(&c, 1, "approved a new"), find(&c, 2, "narrowly")];
    let cost = [find(&c, 0, "12 million"), find(&c, 2, "12 million")];
    let claimed = find(&c, 1, "claimed");
    let claim = |id, kind, refs: &[SentenceRef], omitted_by: Vec<usize>, label: &str| Claim {
        id,
        kind,
        members: refs.iter().copied().map(member).collect(),
        articles: refs.iter().map(|r| r.article).collect(),
        omitted_by,
        label: label.to_string(),
        confidence: 0.8,
    };
    c.claims = vec![
        claim(0, ClaimKind::Shared, &vote, vec![], "The city council approved a new flood wall."),
        claim(1, ClaimKind::Shared, &cost, vec![1], "The wall will cost 12 million euros."),
        claim(
            2,
            ClaimKind::Unique,
            &[claimed],
            vec![0, 2],
            "Opposition members claimed the wall was too expensive.",
        ),
    ];
    c.links = vec![
        Link {
            a: vote[0],
            b: vote[1],
            score: 0.92,
            evidence: Evidence { lexical: 0.88, ..Evidence::default() },
        },
        Link {
            a: vote[0],
            b: vote[2],
            score: 0.81,
            evidence: Evidence { lexical: 0.7, ..Evidence::default() },
        },
    ];
    let said = |r: SentenceRef, verb: &str| {
        let start = c.articles[r.article].body.find(verb).expect("verb in body");
        Attribution {
            article: r.article,
            sentence: r.sentence,
            speaker: "the mayor".into(),
            verb: verb.into(),
            class: "attribution-neutral".into(),
            start,
            end: start + verb.len(),
        }
    };
    let attributions = vec![said(vote[0], "said"), said(vote[1], "told")];
    c.framing = Framing { attributions, ..Framing::default() };
    c.framing.markers = vec![
        marker(&c, 0, "said", "attribution-neutral", "a neutral reporting verb"),
        marker(&c, 1, "told", "attribution-neutral", "a neutral reporting verb"),
        marker(&c, 1, "claimed", "attribution-distancing", "distances the writer from the claim"),
        marker(&c, 2, "reportedly", "hedge", "makes the figure sound less certain"),
        marker(&c, 2, "reckless", "loaded", "a judgement, not a description"),
    ];
    c.framing.markers.sort_by_key(|m| (m.article, m.start));
    c
}

fn notes(c: &Comparison) -> Vec<Note> {
    vec![
        Note::on_claim(&c.claims[1], "Ask: why would the Courier leave out the cost?"),
        Note::on_sentence(find(c, 2, "reckless"), "Call the traders' association <script>x</script>"),
    ]
}

#[test]
fn html_report_has_nothing_executable() {
    let c = hand_made();
    let options = Options { notes: notes(&c), ..Options::default() };
    for blind in [false, true] {
        let html = report::render(&c, Format::Html, &Options { blind, ..options.clone() });
        let doc = dom_query::Document::from(html.as_str());
        let forbidden = ["script", "img", "svg", "iframe", "object", "embed", "link", "base", "form", "b"];
        for tag in forbidden {
            assert_eq!(
                doc.select(tag).length(),
                0,
                "blind={blind}: a <{tag}> element made it into the report"
            );
        }
        for node in doc.select("*").nodes() {
            for attr in node.attrs() {
                let (name, value) = (attr.name.local.to_string(), attr.value.to_string());
                assert!(!name.starts_with("on"), "blind={blind}: event handler attribute {name}={value}");
                assert!(
                    !value.to_lowercase().contains("javascript:"),
                    "blind={blind}: javascript URL in {name}"
                );
                assert!(
                    !["src", "srcset", "data", "action"].contains(&name.as_str()),
                    "external resource {name}"
                );
                if name == "href" {
                    assert!(value.starts_with('#'), "only in-page links, got {value}");
                }
            }
        }
        let style = doc.select("style").text().to_string();
        assert!(!style.contains("url(") && !style.contains("@import"), "CSS loads nothing external");
        let csp =
            doc.select("meta[http-equiv=\"Content-Security-Policy\"]").attr("content").map(|s| s.to_string());
        assert_eq!(csp.as_deref(), Some("default-src 'none'; style-src 'unsafe-inline'"));
        // The injected markup is still there, as text a reader can see.
        let text = doc.select("body").text().to_string();
        assert!(text.contains("<img src=x onerror=alert(1)>"), "article text shown literally");
        assert!(text.contains("<script>x</script>"), "note text shown literally");
    }
}

#[test]
fn html_report_has_columns_highlights_legend_matrix_framing_and_notes() {
    let c = hand_made();
    let html = report::render(&c, Format::Html, &Options { notes: notes(&c), ..Options::default() });
    let doc = dom_query::Document::from(html.as_str());
    let checks: [(&str, usize); 8] = [
        ("article.col", 3),
        ("#matrix table tr", c.claims.len() + 1),
        (".claim", c.claims.len()),
        (".legend .s", 3),
        (".cols mark.hedge", 1),
        (".cols mark.attribution", 3),
        ("#notes li", 2),
        (".cols .s.all", 3),
    ];
    for (selector, want) in checks {
        assert_eq!(doc.select(selector).length(), want, "{selector}");
    }
    let hedge = doc.select(".cols mark.hedge");
    assert_eq!(hedge.text().to_string(), "reportedly");
    assert_eq!(
        hedge.attr("title").map(|s| s.to_string()).as_deref(),
        Some("makes the figure sound less certain")
    );
}

/// Every string that identifies a source: outlet, URL, host, date, byline, file path and name.
fn identities() -> Vec<String> {
    let mut out = Vec::new();
    for (file, outlet, url, date, byline, _) in ARTICLES {
        let host = url.split('/').nth(2).unwrap_or_default().trim_start_matches("www.");
        let stem = file.split('.').next().unwrap_or_default();
        for s in [outlet, url, host, date, byline, file, stem, "/home/teacher"] {
            out.push(s.to_lowercase());
        }
    }
    out
}

#[test]
fn blind_mode_leaks_no_source_identity_into_any_export() {
    for c in [analysed(), hand_made()] {
        let options = Options { blind: true, notes: notes(&c), ..Options::default() };
        for format in Format::ALL {
            let out = report::render(&c, format, &options).to_lowercase();
            if format == Format::Json {
                // JSON keeps titles and bodies verbatim (spans index them); its metadata is blind.
                let v: serde_json::Value = serde_json::from_str(&out).expect("JSON parses");
                for (i, a) in v["articles"].as_array().expect("articles").iter().enumerate() {
                    assert_eq!(a["outlet"], report::json::blind_name(i).to_lowercase());
                    for field in ["path", "url", "published"] {
                        assert!(a[field].is_null(), "json {field} of article {i} is {}", a[field]);
                    }
                }
                continue;
            }
            for id in identities() {
                assert!(!out.contains(&id), "{format:?} leaks {id:?}");
            }
        }
    }
}

#[test]
fn without_blind_mode_sources_are_named() {
    let c = hand_made();
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::CsvFraming] {
        let out = report::render(&c, format, &Options::default());
        assert!(out.contains("Coast Courier"), "{format:?} names the outlets");
    }
    // The worksheet is blind by default; its answer key says who is who.
    let ws = report::render(&c, Format::Worksheet, &Options::default());
    assert!(!ws.contains("Coast Courier") && ws.contains("Source B"));
    let key = report::render(&c, Format::AnswerKey, &Options::default());
    assert!(key.contains("| Source B | Coast Courier | 2026-03-03 |"), "{key}");
    let shown = Options { show_sources_in_worksheet: true, ..Options::default() };
    assert!(report::render(&c, Format::Worksheet, &shown).contains("Coast Courier"));
}

#[test]
fn worksheet_questions_match_the_hand_made_analysis() {
    let c = hand_made();
    let qs = worksheet::questions(&c, &Options::default());
    let kinds: Vec<&QuestionKind> = qs.iter().map(|q| &q.kind).collect();
    let vote = c.claims[0].members.iter().map(|m| m.sentence_ref()).collect::<Vec<_>>();
    let want = [
        QuestionKind::LeftOut { claim: 1 },
        QuestionKind::Verbs { claim: 0 },
        QuestionKind::NearCopy { a: vote[0], b: vote[1] },
        QuestionKind::OnlyOne { claim: 2 },
        QuestionKind::Word { marker: c.framing.markers.iter().position(|m| m.category == "hedge").unwrap() },
        QuestionKind::Word { marker: c.framing.markers.iter().position(|m| m.category == "loaded").unwrap() },
        QuestionKind::Discussion,
    ];
    assert_eq!(kinds, want.iter().collect::<Vec<_>>());
    let answers: Vec<&str> = qs.iter().map(|q| q.answer.as_str()).collect();
    assert!(answers[0].starts_with("Source B "), "the Courier leaves out the cost: {}", answers[0]);
    assert!(
        answers[1].contains("Source A: “said”") && answers[1].contains("Source B: “told”"),
        "{}",
        answers[1]
    );
    assert!(answers[2].starts_with(&format!("A{} and B{}", vote[0].sentence + 1, vote[1].sentence + 1)));
    assert!(answers[4].starts_with("“reportedly”") && answers[5].starts_with("“reckless”"));
    // The handout asks, the key answers, with the same numbering.
    let handout = report::render(&c, Format::Worksheet, &Options::default());
    let key = report::render(&c, Format::AnswerKey, &Options::default());
    for (n, q) in qs.iter().enumerate() {
        let prompt = report::markdown::escape(&q.prompt);
        assert!(handout.contains(&format!("{}. {prompt}", n + 1)), "handout question {n}");
        assert!(key.contains(&format!("{}. {prompt}", n + 1)), "key question {n}");
        assert!(key.contains(&report::markdown::escape(&q.answer)), "key answer {n}");
        assert!(
            !handout.contains(&report::markdown::escape(&q.answer)) || q.answer.is_empty(),
            "handout gives away {n}"
        );
    }
    for s in 0..c.articles[1].sentences.len() {
        assert!(handout.contains(&format!("**B{}** ", s + 1)), "sentence B{} numbered", s + 1);
    }
}

#[test]
fn worksheet_answers_match_the_real_analysis() {
    let sets = parallax::samples::sets().into_iter().map(|s| parallax::samples::load(s.name).0);
    for c in std::iter::once(analysed()).chain(sets.map(|a| analyze(&a, &Settings::default()))) {
        check_questions(&c);
    }
}

fn check_questions(c: &Comparison) {
    let names =
        |ids: &[usize]| ids.iter().map(|&i| report::json::blind_name(i)).collect::<Vec<_>>().join(", ");
    for q in worksheet::questions(c, &Options::default()) {
        match &q.kind {
            QuestionKind::LeftOut { claim } => {
                let claim = &c.claims[*claim];
                assert!(claim.kind == ClaimKind::Shared && !claim.omitted_by.is_empty());
                assert!(q.answer.starts_with(&names(&claim.omitted_by)), "{q:?}");
            }
            QuestionKind::NearCopy { a, b } => {
                let link = c.links.iter().find(|l| l.a == *a && l.b == *b).expect("the link exists");
                assert!(link.evidence.lexical >= worksheet::NEAR_COPY_LEXICAL, "{q:?}");
                let best = c.links.iter().map(|l| l.evidence.lexical).fold(0.0, f32::max);
                assert_eq!(link.evidence.lexical, best, "the closest pair is asked about");
            }
            QuestionKind::OnlyOne { claim } => {
                let claim = &c.claims[*claim];
                assert_eq!(claim.kind, ClaimKind::Unique);
                assert!(q.prompt.contains(&report::json::blind_name(claim.articles[0])));
            }
            QuestionKind::Verbs { claim } => assert_eq!(c.claims[*claim].kind, ClaimKind::Shared),
            QuestionKind::Word { marker } => assert!(q.answer.contains(&c.framing.markers[*marker].term)),
            QuestionKind::Misattributed { quote_match } => {
                let m = &c.framing.quote_matches[*quote_match];
                assert!(m.different_speaker, "{q:?}");
                let speakers = [&c.framing.quotes[m.a].speaker, &c.framing.quotes[m.b].speaker];
                for s in speakers.into_iter().flatten() {
                    assert!(q.answer.contains(s.as_str()), "{q:?} names {s}");
                }
            }
            QuestionKind::Discussion => {}
        }
    }
}

#[test]
fn notes_reach_every_export() {
    let c = hand_made();
    let options = Options { notes: notes(&c), ..Options::default() };
    for format in Format::ALL {
        let out = report::render(&c, format, &options);
        for needle in ["why would the Courier leave out the cost", "Call the traders"] {
            let found = out.contains(needle) || out.contains(&report::markdown::escape(needle));
            // Each CSV carries the notes of the rows it has: claim notes in the matrix, sentence
            // notes on marked sentences in the framing table.
            let in_this_format = !(format == Format::Csv && needle.starts_with("Call")
                || format == Format::CsvFraming && needle.starts_with("why"));
            assert_eq!(found, in_this_format, "{format:?}: note {needle:?}");
        }
    }
}

#[test]
fn markdown_escapes_article_markup() {
    let c = hand_made();
    let md = report::render(&c, Format::Markdown, &Options::default());
    let unescaped = md.match_indices('<').filter(|(i, _)| !md[..*i].ends_with('\\')).count();
    assert_eq!(unescaped, 0, "raw HTML in Markdown");
    assert!(md.contains("Flood wall \\<script\\>alert('title')\\</script\\> vote"), "title shown as text");
    for claim in &c.claims {
        assert!(md.contains(&report::markdown::escape(&claim.label)), "claim {} listed", claim.id);
    }
    assert!(md.contains("### attribution-distancing (1)") && md.contains("| Source | Sentence | Word |"));
}

#[test]
fn csv_has_one_row_per_claim_and_quotes_correctly() {
    let c = hand_made();
    let out = report::render(&c, Format::Csv, &Options::default());
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(header.len(), 5 + 2 * c.articles.len() + 1);
    assert_eq!(&header[5..7], ["Harbour Herald", "Harbour Herald wording"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row parses")).collect();
    assert_eq!(rows.len(), c.claims.len());
    let cost = &rows[1];
    assert_eq!(&cost[7], "omits", "the Courier leaves out the cost");
    assert_eq!(&cost[5], "lede");
    assert!(cost[10].contains("12 million"), "Gazette wording: {}", &cost[10]);
    let framing = report::render(&c, Format::CsvFraming, &Options::default());
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_reader(framing.as_bytes()).records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), c.framing.markers.len());
    let loaded = rows.iter().find(|r| &r[2] == "loaded").expect("loaded marker row");
    assert!(loaded[5].contains("\"]]><svg onload=alert(4)>\""), "quotes survive: {}", &loaded[5]);
}

#[test]
fn blind_mode_hides_the_sample_outlets_everywhere() {
    for set in parallax::samples::sets() {
        let c = analyze(&parallax::samples::load(set.name).0, &Settings::default());
        let outlets: Vec<String> = c.articles.iter().map(|a| a.meta.outlet.to_lowercase()).collect();
        let options = Options { blind: true, ..Options::default() };
        for format in Format::ALL.into_iter().filter(|f| *f != Format::Json) {
            let out = report::render(&c, format, &options).to_lowercase();
            for outlet in &outlets {
                assert!(!out.contains(outlet.as_str()), "{}: {format:?} leaks {outlet:?}", set.name);
            }
        }
    }
}
