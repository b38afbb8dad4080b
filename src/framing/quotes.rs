//! The quote ledger and quotations reused across articles.
//!
//! Takes the quoted passages of each article ([`crate::text::quotes::find`]) and the
//! attribution audit; gives each quotation with its speaker ("…,” said X", "X said: “…”",
//! "according to X", or the speaker of the sentence just before a quotation that opens a
//! paragraph after a colon), its length and where it sits. Across articles it finds the same
//! quotation used verbatim, trimmed, with altered words (with the diff), or given to another speaker.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::Input;
use super::attribution::Attribution;
use super::diff::{self, DiffKind, DiffOp};
use crate::analysis::Prominence;
use crate::analysis::claims::prominence;
use crate::ingest::Article;
use crate::span::Span;
use crate::text::entities::EntityKind;

/// One quotation in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Article index.
    pub article: usize,
    /// Sentence where the quotation starts.
    pub sentence: usize,
    /// Byte start of the words inside the marks.
    pub start: usize,
    /// Byte end of the words inside the marks.
    pub end: usize,
    /// The words inside the marks.
    pub text: String,
    /// Number of words.
    pub words: usize,
    /// Who is quoted, if the article says.
    pub speaker: Option<String>,
    /// The verb that introduces it ("said", "claimed"), if any.
    pub verb: Option<String>,
    /// Where it sits in the article.
    pub prominence: Prominence,
}

/// How two articles' versions of a quotation relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteMatchKind {
    /// The same words.
    Verbatim,
    /// One version is part of the other (words cut from the start, end or middle).
    Trimmed,
    /// Words were changed.
    Altered,
}

/// The same quotation in two articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// Index into `quotes` (the earlier article).
    pub a: usize,
    /// Index into `quotes` (the later article).
    pub b: usize,
    /// How the words relate.
    pub kind: QuoteMatchKind,
    /// True when both name a speaker and the speakers differ: check who said it.
    pub different_speaker: bool,
    /// The two speakers (a, b).
    pub speakers: (Option<String>, Option<String>),
    /// Word diff; spans of `a` into article `a`'s body, of `b` into article `b`'s body.
    pub diff: Vec<DiffOp>,
    /// Plain-words explanation.
    pub note: String,
}

/// Quotations shorter than this are single words or phrases (scare quotes); they are listed
/// in the ledger but not matched across articles.
const MIN_MATCH_WORDS: usize = 4;

/// The quote ledger, ordered by article and position.
pub fn ledger(input: &Input<'_>, attributions: &[Attribution]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (a, (article, doc)) in input.articles.iter().zip(input.docs).enumerate() {
        let own: Vec<&Attribution> = attributions.iter().filter(|x| x.article == a).collect();
        for q in &doc.quotes {
            let Some(first) = article.sentences.iter().position(|s| s.span.end > q.inner.start) else {
                continue;
            };
            let last = article.sentences.iter().rposition(|s| s.span.start < q.inner.end).unwrap_or(first);
            let text = q.inner.of(&article.body).trim().to_string();
            let speaker = speaker_of(article, q.span, first, last, &own);
            let (mut speaker, verb) = match speaker {
                Some(x) => (Some(x.speaker.clone()), Some(x.verb.clone())),
                None => (colon_speaker(article, doc, q.span), None),
            };
            // A quotation that follows another in the same paragraph with no new speaker
            // continues it ("…,” Whitfield said. “If you supply …”).
            let paragraph = |s: usize| article.sentences.get(s).map(|x| x.paragraph);
            let continued =
                out.last().filter(|p: &&Quote| p.article == a && paragraph(p.sentence) == paragraph(first));
            if let (None, Some(prev)) = (&speaker, continued)
                && text.split_whitespace().count() >= MIN_MATCH_WORDS
            {
                speaker = prev.speaker.clone();
            }
            out.push(Quote {
                article: a,
                sentence: first,
                start: q.inner.start,
                end: q.inner.end,
                words: text.split_whitespace().count(),
                text,
                speaker,
                verb,
                prominence: prominence(article, first),
            });
        }
    }
    out
}

/// The attribution that introduces the quotation at `span` (sentences `first..=last`): the
/// nearest one outside the quotation in those sentences, else one in the sentence before that
/// ends in a colon ("She said:" ⏎ "“…”").
fn speaker_of<'a>(
    article: &Article,
    span: Span,
    first: usize,
    last: usize,
    own: &[&'a Attribution],
) -> Option<&'a Attribution> {
    let outside = |x: &&&Attribution| !span.contains(Span::new(x.start, x.end));
    let distance = |x: &Attribution| {
        if x.end <= span.start { span.start - x.end } else { x.start.saturating_sub(span.end) }
    };
    // A named person beats "the statement" or "officials"; among equals the nearest wins.
    let known = |x: &&&Attribution| !x.speaker.starts_with("unknown");
    let rank = |x: &Attribution| {
        (x.speaker.starts_with("the ") || x.speaker.starts_with(char::is_lowercase), distance(x))
    };
    let near = own.iter().filter(|x| (first..=last).contains(&x.sentence)).filter(outside);
    let best =
        near.clone().filter(known).min_by_key(|x| rank(x)).or_else(|| near.min_by_key(|x| distance(x)));
    if let Some(b) = best {
        return Some(*b);
    }
    let prev = first.checked_sub(1)?;
    // "She said:" ⏎ "“…”": the quotation opens a new sentence after a colon.
    let ends_colon = article.sentence_text(prev).trim_end().ends_with(':');
    ends_colon.then(|| own.iter().rfind(|x| x.sentence == prev).copied()).flatten()
}

/// "Ruth Ames delivered the same warning: “…”": with no reporting verb, the speaker of a
/// quotation after a colon is the first name in the clause before the colon.
fn colon_speaker(article: &Article, doc: &crate::text::Doc, span: Span) -> Option<String> {
    let before = article.body.get(..span.start)?.trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let colon = before.len() - 1;
    let s = article.sentences.iter().position(|s| s.span.start <= colon && colon < s.span.end)?;
    let names =
        doc.sentence_entities.get(s)?.iter().filter(|e| e.kind == EntityKind::Name && e.span.end <= colon);
    let name = names
        .clone()
        .find(|e| e.span.of(&article.body).split_whitespace().count() >= 2)
        .or(names.clone().next())?;
    Some(super::attribution::clean_name(name.span.of(&article.body)))
}

/// Quotations that appear in two articles, ordered by (a, b).
pub fn matches(articles: &[Article], quotes: &[Quote]) -> Vec<QuoteMatch> {
    let words: Vec<Vec<String>> =
        quotes.iter().map(|q| diff::words(&q.text).into_iter().map(|(_, k)| k).collect()).collect();
    // Candidates share a run of three words: an index, not all pairs.
    let mut index: BTreeMap<[&str; 3], Vec<usize>> = BTreeMap::new();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.len() >= MIN_MATCH_WORDS) {
        for tri in w.windows(3) {
            index.entry([&tri[0], &tri[1], &tri[2]]).or_default().push(i);
        }
    }
    let mut pairs = BTreeSet::new();
    for ids in index.values() {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                if quotes[i].article != quotes[j].article {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.into_iter().filter_map(|(i, j)| compare(articles, quotes, &words, i, j)).collect()
}

fn compare(
    articles: &[Article],
    quotes: &[Quote],
    words: &[Vec<String>],
    i: usize,
    j: usize,
) -> Option<QuoteMatch> {
    let (qa, qb) = (&quotes[i], &quotes[j]);
    let (wa, wb) = (&words[i], &words[j]);
    let kind = if wa == wb {
        QuoteMatchKind::Verbatim
    } else if is_subsequence(wa, wb) || is_subsequence(wb, wa) {
        QuoteMatchKind::Trimmed
    } else {
        let ops = diff::diff_words(&qa.text, &qb.text);
        let same: usize = ops.iter().filter(|o| o.kind == DiffKind::Equal).map(op_words).sum();
        // Most of the shorter version's words must be the longer one's ("We chose to protect the
        // dam" / "… We chose to protect lives"), in a run of at least four words.
        if same < 4 || (same as f32) < 0.6 * wa.len().min(wb.len()) as f32 {
            return None;
        }
        QuoteMatchKind::Altered
    };
    let diff = body_diff(articles, qa, qb);
    let speakers = (qa.speaker.clone(), qb.speaker.clone());
    let different_speaker = match (&speakers.0, &speakers.1) {
        (Some(x), Some(y)) => !same_person(x, y),
        _ => false,
    };
    let note = note(kind, &diff, &speakers, different_speaker);
    Some(QuoteMatch { a: i, b: j, kind, different_speaker, speakers, diff, note })
}

fn op_words(o: &DiffOp) -> usize {
    o.a_text.split_whitespace().count()
}

/// The diff with spans into each article's body.
fn body_diff(articles: &[Article], qa: &Quote, qb: &Quote) -> Vec<DiffOp> {
    let text = |q: &Quote| {
        articles.get(q.article).map(|a| Span::new(q.start, q.end).of(&a.body)).unwrap_or(&q.text).to_string()
    };
    let mut ops = diff::diff_words(&text(qa), &text(qb));
    for op in &mut ops {
        op.a = op.a.map(|s| s.shifted(qa.start));
        op.b = op.b.map(|s| s.shifted(qb.start));
    }
    ops
}

/// True when every word of `short` appears in `long`, in order (cuts anywhere).
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.len() >= 3 && short.len() < long.len() && short.iter().all(|w| it.any(|l| l == w))
}

/// "Raimondo" and "Gina Raimondo" are the same person; "the ministry" and "Mao Ning" are not.
fn same_person(x: &str, y: &str) -> bool {
    let key = |s: &str| -> BTreeSet<String> {
        s.split_whitespace().map(str::to_lowercase).filter(|w| w != "the").collect()
    };
    !key(x).is_disjoint(&key(y))
}

fn note(
    kind: QuoteMatchKind,
    diff: &[DiffOp],
    speakers: &(Option<String>, Option<String>),
    other: bool,
) -> String {
    let mut note = match kind {
        QuoteMatchKind::Verbatim => "The same quotation, word for word.".to_string(),
        QuoteMatchKind::Trimmed => "One article quotes only part of what the other quotes.".to_string(),
        QuoteMatchKind::Altered => {
            let changes: Vec<String> = diff
                .iter()
                .filter(|o| o.kind != DiffKind::Equal)
                .take(3)
                .map(|o| match o.kind {
                    DiffKind::Removed => format!("‘{}’ left out", o.a_text),
                    DiffKind::Added => format!("‘{}’ added", o.b_text),
                    _ => format!("‘{}’ became ‘{}’", o.a_text, o.b_text),
                })
                .collect();
            format!("The quotation's words differ: {}.", changes.join("; "))
        }
    };
    if let (true, (Some(x), Some(y))) = (other, speakers) {
        note.push_str(&format!(" One article gives it to {x}, the other to {y}: check who said it."));
    }
    note
}
