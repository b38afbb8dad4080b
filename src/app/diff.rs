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
    let diff = TextDiff::from_unicode_words(a, b);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let changed = match change.tag() {
            ChangeTag::Delete => continue,
            ChangeTag::Insert => !change.value().trim().is_empty(),
            ChangeTag::Equal => false,
        };
        match out.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(change.value()),
            _ => out.push(Piece { text: change.value().to_string(), changed }),
        }
    }
    out
}

/// `base` with the words marked that at least one of `others` does not have.
pub fn against_all(base: &str, others: &[&str]) -> Vec<Piece> {
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
    let mut out: Vec<Piece> = Vec::new();
    for (i, ch) in base.char_indices() {
        let changed = changed_at[i] && !ch.is_whitespace();
        match out.last_mut() {
            Some(last) if last.changed == changed => last.text.push(ch),
            _ => out.push(Piece { text: ch.to_string(), changed }),
        }
    }
    out
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
