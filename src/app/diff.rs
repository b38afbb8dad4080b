//! Word-level differences between two versions of a claim, for the detail pane and presenter
//! mode. (The framing stage is adding its own diff; this one can be swapped for it.)

use similar::{ChangeTag, TextDiff};

/// One piece of a version: its text and whether it differs from the other version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The text, white space included.
    pub text: String,
    /// True when this word is not in the other version.
    pub changed: bool,
}

/// `b` split into pieces, with the words `a` does not have marked as changed.
pub fn against(a: &str, b: &str) -> Vec<Piece> {
    // Curly and straight quotes are the same word to a reader; compare (and show) them straight.
    let (a, b) = (straight_quotes(a), straight_quotes(b));
    let diff = TextDiff::from_unicode_words(a.as_str(), b.as_str());
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let changed = match change.tag() {
            ChangeTag::Delete => continue,
            ChangeTag::Insert => !change.value().trim().is_empty() || out.last().is_some_and(|p| p.changed),
            ChangeTag::Equal => false,
        };
        match out.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(change.value()),
            _ => out.push(Piece { text: change.value().to_string(), changed }),
        }
    }
    out
}

/// The text with typographic quotes and apostrophes made straight.
pub fn straight_quotes(text: &str) -> String {
    text.replace(['‘', '’'], "'").replace(['“', '”'], "\"")
}

/// `base` with the words marked that at least one of `others` does not have.
pub fn against_all(base: &str, others: &[&str]) -> Vec<Piece> {
    let base = straight_quotes(base);
    let base = base.as_str();
    if others.is_empty() {
        return vec![Piece { text: base.to_string(), changed: false }];
    }
    let per_other: Vec<Vec<Piece>> = others.iter().map(|o| against(o, base)).collect();
    // Every result covers `base` in order; walk them word by word via byte offsets.
    let mut changed_at = vec![false; base.len()];
    for pieces in &per_other {
        let mut at = 0;
        for p in pieces {
            if p.changed {
                for flag in changed_at.iter_mut().skip(at).take(p.text.len()) {
                    *flag = true;
                }
            }
            at += p.text.len();
        }
    }
    // White space between two marked words is marked too, so a changed phrase reads as one run.
    let bytes = base.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            let end = (i..bytes.len()).find(|&j| !bytes[j].is_ascii_whitespace()).unwrap_or(bytes.len());
            let joined = i > 0 && end < bytes.len() && changed_at[i - 1] && changed_at[end];
            for flag in &mut changed_at[i..end] {
                *flag = joined;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    for (i, ch) in base.char_indices() {
        let changed = changed_at[i];
        match out.last_mut() {
            Some(last) if last.changed == changed => last.text.push(ch),
            _ => out.push(Piece { text: ch.to_string(), changed }),
        }
    }
    out
}

/// Every version of `claim` with its differing words marked, and its framing differences from
/// the first version in plain words. With a `redactor` (blind mode) outlet names in the text are
/// replaced before comparing, so a name never shows and never counts as a difference.
pub fn versions(
    c: &crate::analysis::Comparison,
    claim: &crate::analysis::Claim,
    redactor: Option<&crate::report::Redactor>,
) -> Vec<crate::app::state::Version> {
    use crate::framing::{DiffKind, diff_versions};
    let redact = |t: &str| match redactor {
        Some(r) => r.apply(t).into_owned(),
        None => t.to_string(),
    };
    let owned: Vec<String> =
        claim.members.iter().map(|m| redact(c.sentence_text(m.sentence_ref()))).collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    let first = claim.members.first().map(|m| m.sentence_ref());
    claim
        .members
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let others: Vec<&str> =
                texts.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, t)| *t).collect();
            let changes = match first.filter(|_| k > 0) {
                Some(f) => diff_versions(&c.articles, f, m.sentence_ref())
                    .into_iter()
                    .filter(|op| op.kind != DiffKind::Equal && !op.categories.is_empty())
                    .map(|op| {
                        let kinds: Vec<&str> = op
                            .categories
                            .iter()
                            .map(|cat| match cat.as_str() {
                                "number" => "a different number",
                                "negation" => "a negation",
                                other => crate::app::palette::marker_style(other, false).1,
                            })
                            .collect();
                        let what = match (op.a_text.is_empty(), op.b_text.is_empty()) {
                            (true, _) => format!("adds “{}”", op.b_text),
                            (_, true) => format!("leaves out “{}”", op.a_text),
                            _ => format!("“{}” instead of “{}”", op.b_text, op.a_text),
                        };
                        redact(&format!("{what} ({})", kinds.join(", ").to_lowercase()))
                    })
                    .collect(),
                None => Vec::new(),
            };
            crate::app::state::Version { pieces: against_all(texts[k], &others), changes }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().filter(|p| p.changed).map(|p| p.text.trim()).collect()
    }

    #[test]
    fn marks_the_words_that_differ() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("The minister said it was fine.", "The minister claimed it was fine.", &["claimed"]),
            ("Same words.", "Same words.", &[]),
            ("Washington imposed curbs.", "The US imposed sweeping curbs.", &["The US", "sweeping"]),
        ];
        for (a, b, want) in cases {
            let got = against(a, b);
            assert_eq!(got.iter().map(|p| p.text.as_str()).collect::<String>(), *b, "text kept: {a} / {b}");
            assert_eq!(changed(&got), *want, "case {a} / {b}");
        }
    }

    #[test]
    fn base_marks_words_missing_in_any_other() {
        let got = against_all(
            "Officials said the rules apply.",
            &["Officials claimed the rules apply.", "Officials said the rules apply."],
        );
        assert_eq!(changed(&got), vec!["said"]);
    }
}
