//! Table-driven tests of the cleaning rules: one row per line, the rule expected to remove it
//! (None = the line is article text and must survive).

use super::*;

fn rule_of(line: &str) -> Option<&'static str> {
    let found = clean(line, &[], &[]);
    found.removals.first().map(|r| {
        [
            rule::MENU,
            rule::SHARE,
            rule::COOKIE,
            rule::PHOTO,
            rule::READ_ALSO,
            rule::TAGS,
            rule::COMMENTS,
            rule::BYLINE,
            rule::DATELINE,
            rule::SOURCE_TAG,
            rule::DUPLICATE,
        ]
        .into_iter()
        .find(|n| *n == r.rule)
        .unwrap_or("?")
    })
}

#[test]
fn line_rules() {
    let rows: &[(&str, Option<&str>)] = &[
        ("Home | World | Business | Tech | Sport", Some(rule::MENU)),
        ("Home World Politics Business Opinion", Some(rule::MENU)),
        ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon", Some(rule::MENU)),
        ("News » World » Asia", Some(rule::MENU)),
        ("Share this article", Some(rule::SHARE)),
        ("Facebook Twitter WhatsApp Email", Some(rule::SHARE)),
        ("Subscribe to our daily newsletter", Some(rule::SHARE)),
        ("Sign up for the Morning Brief newsletter and get the news first.", Some(rule::SHARE)),
        ("Follow us on Telegram", Some(rule::SHARE)),
        ("Advertisement", Some(rule::SHARE)),
        ("We use cookies to improve your experience. Accept all", Some(rule::COOKIE)),
        ("This site uses cookies. By continuing you agree to our privacy policy.", Some(rule::COOKIE)),
        ("(Photo : Andrew Harnik - Pool/Getty Images)", Some(rule::PHOTO)),
        ("Photo: Reuters", Some(rule::PHOTO)),
        ("Image credit: NASA/JPL", Some(rule::PHOTO)),
        ("Ministers arrive for talks in Brussels. AFP via Getty Images", Some(rule::PHOTO)),
        ("File photo of the port of Shanghai", Some(rule::PHOTO)),
        ("Read also: Sanctions hit trade", Some(rule::READ_ALSO)),
        ("READ MORE: Why the talks failed", Some(rule::READ_ALSO)),
        ("Related Article: Joe Biden Wants To Bring Factory Jobs Back", Some(rule::READ_ALSO)),
        ("Recommended", Some(rule::READ_ALSO)),
        ("Also read - China responds", Some(rule::READ_ALSO)),
        ("Tags: China, Russia, sanctions", Some(rule::TAGS)),
        ("Topics: trade", Some(rule::TAGS)),
        ("By Jane Doe", Some(rule::BYLINE)),
        ("By Jane Doe | April 20, 2024", Some(rule::BYLINE)),
        ("20 Apr, 2024 23:50", Some(rule::DATELINE)),
        ("April 20, 2024", Some(rule::DATELINE)),
        ("2024-04-20", Some(rule::DATELINE)),
        // Article text that must survive, including sentences that merely mention trigger words.
        ("The minister said she would share the report with parliament next week.", None),
        ("China Responds to Threat of US", None),
        ("By Tuesday, the river had risen above the flood wall.", None),
        ("Reuters reported that Raimondo said the US could act.", None),
        ("Home prices in the capital rose 4% in March, the statistics office said.", None),
        ("Photographers were barred from the hall, organisers said.", None),
        ("He said cookies were served at the meeting, which lasted an hour.", None),
        ("Related talks are planned for June, officials said.", None),
        ("On April 20, 2024 the minister resigned.", None),
    ];
    for (line, expected) in rows {
        assert_eq!(rule_of(line), *expected, "line: {line:?}");
    }
}

#[test]
fn metadata_from_byline_and_dateline() {
    let text = "Headline here\nBy Jane Doe\n20 Apr, 2024 23:50\nThe article begins here and goes on.";
    let c = clean(text, &[], &[]);
    assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(c.published.as_deref(), Some("2024-04-20"));
    assert_eq!(c.removals.len(), 2);
}

#[test]
fn inline_credit_and_source_tag_cut_only_their_piece() {
    let text = "(FiveNation.com)- Last week the secretary warned firms. (Photo : AP) More text.";
    let c = clean(text, &[], &[]);
    let mut cut: Vec<(&str, &str)> = c.removals.iter().map(|r| (r.span.of(text), r.rule.as_str())).collect();
    cut.sort();
    assert_eq!(cut, [("(FiveNation.com)- ", rule::SOURCE_TAG), ("(Photo : AP)", rule::PHOTO)]);
    assert_eq!(c.source.as_deref(), Some("FiveNation.com"));
}

#[test]
fn comment_section_removes_the_rest() {
    let text = "Headline\nBody sentence one.\n12 Comments\nGreat article!\nI disagree.";
    let c = clean(text, &[], &[]);
    assert_eq!(c.removals.len(), 1);
    assert_eq!(c.removals[0].span.of(text), "12 Comments\nGreat article!\nI disagree.");
}
