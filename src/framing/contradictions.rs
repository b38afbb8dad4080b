//! Contradictions: versions of one fact whose numbers, times, dates or negation differ.
//!
//! Takes the articles' text stages, the claims and the links; gives "check this" items. Three
//! kinds of sentence pairs are compared: the versions of each shared claim, linked sentences,
//! and sentences of one story that the aligner kept apart but that count the same thing
//! ("1,200 residents" / "2,000 residents") or give a clock time while sharing much of their
//! distinctive wording. Values are compared as ranges (see [`super::quantities`]), so "64
//! rescues" and "more than 60 rescues" agree, a number is compared only with one counting the
//! same thing, and a year never with a count. Findings that state one disagreement are merged:
//! each item lists every source on each side. These are prompts to check, not verdicts.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::Input;
use super::diff::{self, DiffKind, is_negation};
use super::quantities::{self, Unit, Value};
use crate::analysis::SentenceRef;

/// Versions of a fact that disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    /// The shared claim holding both versions, if one does (else they were linked, or found
    /// to count the same thing in similar words).
    pub claim: Option<usize>,
    /// One version.
    pub a: SentenceRef,
    /// The other version.
    pub b: SentenceRef,
    /// Other sentences that agree with `a` on this value.
    #[serde(default)]
    pub a_also: Vec<SentenceRef>,
    /// Other sentences that agree with `b` on this value.
    #[serde(default)]
    pub b_also: Vec<SentenceRef>,
    /// `number`, `time`, `date` or `negation`.
    pub kind: String,
    /// The values on `a`'s side as written ("nearly 60 companies"; for negation: the
    /// negating words).
    pub a_values: Vec<String>,
    /// The values on `b`'s side as written.
    pub b_values: Vec<String>,
    /// Plain-words explanation naming both values and both sources.
    pub note: String,
}

/// A negation counts only when the two versions differ by at most this many words in all.
const MAX_NEGATION_DIFF_WORDS: usize = 6;
/// Sentences the aligner kept apart are compared when this share of the rarer one's
/// distinctive wording (weighted by rarity in the set) is shared.
const RELATED_OVERLAP: f32 = 0.4;
/// ... and they share at least this many content words.
const RELATED_MIN_SHARED: usize = 3;
/// Each counted thing indexes at most this many sentences (the first ones), so cost stays
/// linear in large sets.
const RELATED_CAP: usize = 64;

/// Why two sentences are compared, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Route {
    Claim(usize),
    Link,
    Related,
}

/// One disagreement between two sentences.
struct Finding<'v> {
    a: SentenceRef,
    b: SentenceRef,
    route: Route,
    kind: &'static str,
    unit: Option<&'v Unit>,
    va: Vec<&'v Value>,
    vb: Vec<&'v Value>,
    /// For negation: the negating words of each side.
    words: (Vec<String>, Vec<String>),
}

/// The items, ordered by the first sentence of each, then kind.
pub fn find(input: &Input<'_>, diffs: &[diff::VersionDiff]) -> Vec<Contradiction> {
    let values = all_values(input);
    let of = |r: SentenceRef| -> &[Value] {
        values.get(r.article).and_then(|a| a.get(r.sentence)).map(Vec::as_slice).unwrap_or(&[])
    };
    let mut pairs: BTreeMap<(SentenceRef, SentenceRef), Route> = BTreeMap::new();
    let mut keep = |a: SentenceRef, b: SentenceRef, route: Route| {
        let key = (a.min(b), a.max(b));
        let slot = pairs.entry(key).or_insert(route);
        *slot = (*slot).min(route);
    };
    for (claim, a, b) in diff::version_pairs(input.claims) {
        keep(a, b, Route::Claim(claim));
    }
    for l in input.links.iter().filter(|l| l.a.article != l.b.article) {
        keep(l.a, l.b, Route::Link);
    }
    let words = Wording::new(input);
    for (a, b) in related_pairs(input, &values, &words) {
        keep(a, b, Route::Related);
    }
    let claim_diffs: BTreeMap<(SentenceRef, SentenceRef), &diff::VersionDiff> =
        diffs.iter().map(|d| ((d.a.min(d.b), d.a.max(d.b)), d)).collect();
    let mut findings = Vec::new();
    for (&(a, b), &route) in &pairs {
        let from = findings.len();
        compare_values(a, b, route, of(a), of(b), &mut findings);
        if route == Route::Related {
            continue;
        }
        // The word diff is needed only to check a differing day or a negation; most pairs have
        // neither, and a large set has tens of thousands of links.
        let negations = |r: SentenceRef| {
            input
                .docs
                .get(r.article)
                .and_then(|d| d.sentence_tokens.get(r.sentence))
                .map_or(0, |t| t.iter().filter(|t| is_negation(&t.lower)).count())
        };
        let days_differ = findings[from..].iter().any(|f| f.kind == "date");
        if !days_differ && negations(a) % 2 == negations(b) % 2 {
            continue;
        }
        let ops = match claim_diffs.get(&(a, b)) {
            Some(d) if d.a == a => d.ops.clone(),
            _ => diff::diff_tokens(input, a, b),
        };
        // A day is tied to one event of the sentence: "said on Friday" and "travels on
        // Wednesday" are two events. Differing days count only when one is swapped for the
        // other in the word diff, or the words around them match.
        let mut k = from;
        while k < findings.len() {
            let f = &findings[k];
            let tied = f.kind != "date"
                || swapped(&ops, f.va[0].span, f.vb[0].span)
                || words.same_surroundings(input, (a, f.va[0]), (b, f.vb[0]));
            if tied {
                k += 1;
            } else {
                findings.remove(k);
            }
        }
        negation(input, a, b, route, &ops, &mut findings);
    }
    findings.sort_by(|x, y| (x.route, x.a, x.b, x.kind).cmp(&(y.route, y.a, y.b, y.kind)));
    let mut out: Vec<Contradiction> =
        merge(findings).into_iter().map(|i| i.into_contradiction(input)).collect();
    out.sort_by(|x, y| (x.a, x.b, &x.kind).cmp(&(y.a, y.b, &y.kind)));
    out
}

/// The values of every sentence, indexed like the articles' sentences.
fn all_values(input: &Input<'_>) -> Vec<Vec<Vec<Value>>> {
    input
        .articles
        .iter()
        .zip(input.docs)
        .map(|(article, doc)| {
            doc.sentence_tokens
                .iter()
                .zip(&doc.sentence_entities)
                .map(|(toks, ents)| quantities::values(&article.body, toks, ents, &doc.language))
                .collect()
        })
        .collect()
}

/// Disagreeing values of one unit, when each sentence states exactly one value of it and no
/// value of either sentence explains the other's ("roughly 300 of them" / "300 people").
fn compare_values<'v>(
    a: SentenceRef,
    b: SentenceRef,
    route: Route,
    va: &'v [Value],
    vb: &'v [Value],
    out: &mut Vec<Finding<'v>>,
) {
    let units: BTreeSet<&Unit> = va.iter().map(|v| &v.unit).filter(|u| **u != Unit::Bare).collect();
    for unit in units {
        // Sentences the aligner kept apart are compared only on counted things and clock
        // times (see `related_unit`).
        if route == Route::Related && !related_unit(unit) {
            continue;
        }
        let xs: Vec<&Value> = va.iter().filter(|v| v.unit == *unit).collect();
        let ys: Vec<&Value> = vb.iter().filter(|v| v.unit == *unit).collect();
        let ([x], [y]) = (xs.as_slice(), ys.as_slice()) else { continue };
        if x.agrees(y) {
            continue;
        }
        let explained = |v: &Value, others: &[Value]| {
            v.is_number() && others.iter().any(|o| o.is_number() && o.low <= v.high && v.low <= o.high)
        };
        if explained(x, vb) || explained(y, va) {
            continue;
        }
        let kind = match unit {
            Unit::Count(_) | Unit::Bare => "number",
            Unit::Clock => "time",
            Unit::Weekday | Unit::Month | Unit::Year => "date",
        };
        out.push(Finding {
            a,
            b,
            route,
            kind,
            unit: Some(unit),
            va: vec![x],
            vb: vec![y],
            words: Default::default(),
        });
    }
}

/// Changed runs longer than this (words on either side) are rewording, not a swapped value.
const MAX_SWAP_WORDS: usize = 3;

/// The word diff swaps the words at `x` (in a) for those at `y` (in b) between shared words
/// ("added 140 companies to the list on Monday" / "... on Friday"): a short changed run with
/// at least two equal words right before or after it.
fn swapped(ops: &[diff::DiffOp], x: crate::span::Span, y: crate::span::Span) -> bool {
    let anchored = |o: Option<&diff::DiffOp>| {
        o.is_some_and(|o| o.kind == DiffKind::Equal && o.a_text.split_whitespace().count() >= 2)
    };
    ops.iter().enumerate().any(|(i, o)| {
        o.kind == DiffKind::Changed
            && o.a.is_some_and(|s| s.overlaps(x))
            && o.b.is_some_and(|s| s.overlaps(y))
            && o.a_text.split_whitespace().count() <= MAX_SWAP_WORDS
            && o.b_text.split_whitespace().count() <= MAX_SWAP_WORDS
            && (anchored(i.checked_sub(1).and_then(|p| ops.get(p))) || anchored(ops.get(i + 1)))
    })
}

/// One version negates and the other does not, in otherwise nearly the same words.
fn negation(
    input: &Input<'_>,
    a: SentenceRef,
    b: SentenceRef,
    route: Route,
    ops: &[diff::DiffOp],
    out: &mut Vec<Finding<'_>>,
) {
    let negations = |r: SentenceRef| -> Vec<String> {
        input
            .docs
            .get(r.article)
            .and_then(|d| d.sentence_tokens.get(r.sentence))
            .map(|t| t.iter().filter(|t| is_negation(&t.lower)).map(|t| t.lower.clone()).collect())
            .unwrap_or_default()
    };
    let (na, nb) = (negations(a), negations(b));
    let differing: usize = ops
        .iter()
        .filter(|o| o.kind != DiffKind::Equal)
        .map(|o| o.a_text.split_whitespace().count() + o.b_text.split_whitespace().count())
        .sum();
    let has_negation = |t: &str| diff::words(t).iter().any(|(_, w)| is_negation(w));
    let touched = differing <= MAX_NEGATION_DIFF_WORDS
        && ops
            .iter()
            .any(|o| o.kind != DiffKind::Equal && (has_negation(&o.a_text) || has_negation(&o.b_text)));
    if touched && na.len() % 2 != nb.len() % 2 {
        out.push(Finding {
            a,
            b,
            route,
            kind: "negation",
            unit: None,
            va: Vec::new(),
            vb: Vec::new(),
            words: (na, nb),
        });
    }
}

/// Pairs of sentences from different articles of one story that state a value of the same
/// counted thing (or a clock time), are not about different days, and either share much of
/// their distinctive wording or word the value's surroundings alike ("1,200 residents were
/// evacuated from their homes" / "2,000 residents were driven from their homes").
fn related_pairs(
    input: &Input<'_>,
    values: &[Vec<Vec<Value>>],
    words: &Wording,
) -> Vec<(SentenceRef, SentenceRef)> {
    let story = input.stories();
    let mut index: BTreeMap<&Unit, Vec<(SentenceRef, &Value)>> = BTreeMap::new();
    for (ai, sentences) in values.iter().enumerate() {
        for (si, vals) in sentences.iter().enumerate() {
            if input.articles[ai].sentences.get(si).is_none_or(|s| s.heading) {
                continue;
            }
            for v in vals.iter().filter(|v| related_unit(&v.unit)) {
                // A sentence with two values of one unit is ambiguous: never compared.
                if vals.iter().filter(|w| w.unit == v.unit).count() > 1 {
                    continue;
                }
                let list = index.entry(&v.unit).or_default();
                if list.len() < RELATED_CAP {
                    list.push((SentenceRef { article: ai, sentence: si }, v));
                }
            }
        }
    }
    let days = |r: SentenceRef| -> Vec<&Value> {
        values[r.article][r.sentence]
            .iter()
            .filter(|v| matches!(v.unit, Unit::Weekday | Unit::Month | Unit::Year))
            .collect()
    };
    let mut out = BTreeSet::new();
    for list in index.values() {
        for (i, &(a, va)) in list.iter().enumerate() {
            for &(b, vb) in &list[i + 1..] {
                if a.article == b.article || story[a.article] != story[b.article] {
                    continue;
                }
                // "on Thursday" and "In February": two occasions, not two versions of one.
                let (da, db) = (days(a), days(b));
                if !da.is_empty() && !db.is_empty() && !da.iter().any(|x| db.iter().any(|y| x.agrees(y))) {
                    continue;
                }
                if words.related(a, b) || words.same_surroundings(input, (a, va), (b, vb)) {
                    out.insert((a, b));
                }
            }
        }
    }
    out.into_iter().collect()
}

/// Units worth comparing between sentences the aligner kept apart: counted things and clock
/// times. Percentages, durations, ages and sums of money are too often different quantities
/// ("three hours before" / "in 72 hours"; a fund / a sum per worker).
fn related_unit(unit: &Unit) -> bool {
    match unit {
        Unit::Count(c) => !matches!(c.as_str(), "%" | "minutes" | "age" | "eur" | "usd" | "gbp" | "cny"),
        Unit::Clock => true,
        _ => false,
    }
}

/// Content words of each sentence and how rare each is in the set.
struct Wording {
    words: Vec<Vec<BTreeSet<String>>>,
    idf: BTreeMap<String, f32>,
}

impl Wording {
    fn new(input: &Input<'_>) -> Wording {
        let words: Vec<Vec<BTreeSet<String>>> = input
            .docs
            .iter()
            .map(|doc| {
                doc.sentence_tokens
                    .iter()
                    .map(|toks| {
                        toks.iter()
                            .filter(|t| !t.stop && !t.number && t.lower.chars().count() > 1)
                            .filter(|t| t.lower.chars().all(char::is_alphabetic))
                            .map(|t| {
                                let c =
                                    crate::analysis::paraphrase::concept(&doc.language, &t.stem, &t.lower);
                                c.unwrap_or(&t.stem).to_string()
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut df: BTreeMap<String, usize> = BTreeMap::new();
        let mut n = 0usize;
        for set in words.iter().flatten() {
            n += 1;
            for w in set {
                *df.entry(w.clone()).or_default() += 1;
            }
        }
        let idf = df.into_iter().map(|(w, d)| (w, ((n as f32 + 1.0) / d as f32).ln().max(0.0))).collect();
        Wording { words, idf }
    }

    fn of(&self, r: SentenceRef) -> Option<&BTreeSet<String>> {
        self.words.get(r.article)?.get(r.sentence)
    }

    /// Shared distinctive wording: the weight of shared words over the lighter sentence's.
    fn related(&self, a: SentenceRef, b: SentenceRef) -> bool {
        let (Some(wa), Some(wb)) = (self.of(a), self.of(b)) else { return false };
        let weight = |set: &mut dyn Iterator<Item = &String>| -> f32 {
            set.map(|w| self.idf.get(w).copied().unwrap_or(0.0)).sum()
        };
        let shared: Vec<&String> = wa.intersection(wb).collect();
        if shared.len() < RELATED_MIN_SHARED {
            return false;
        }
        let lighter = weight(&mut wa.iter()).min(weight(&mut wb.iter()));
        lighter > 0.0 && weight(&mut shared.into_iter()) / lighter >= RELATED_OVERLAP
    }
}

/// Words around a value compared in order: at least this many match ...
const SURROUNDINGS_MIN_MATCH: usize = 4;
/// ... of which this many are content words (the counted word included).
const SURROUNDINGS_MIN_CONTENT: usize = 2;
/// Words looked at on each side of a value.
const SURROUNDINGS_WORDS: usize = 8;

impl Wording {
    /// The words right before and after the two values match in order: "1,200 residents
    /// [were] evacuated [from their homes]" / "2,000 residents [were] driven [from their homes]".
    fn same_surroundings(
        &self,
        input: &Input<'_>,
        (a, va): (SentenceRef, &Value),
        (b, vb): (SentenceRef, &Value),
    ) -> bool {
        let around = |r: SentenceRef, v: &Value| -> Option<(Words<'_>, Words<'_>)> {
            let toks = input.docs.get(r.article)?.sentence_tokens.get(r.sentence)?;
            let word =
                |t: &'_ crate::text::tokens::Token| !t.number && t.lower.chars().any(char::is_alphabetic);
            let before: Vec<_> = toks.iter().filter(|t| t.span.end <= v.span.start && word(t)).collect();
            let before = before[before.len().saturating_sub(SURROUNDINGS_WORDS)..].iter();
            let after =
                toks.iter().filter(|t| t.span.start >= v.span.end && word(t)).take(SURROUNDINGS_WORDS);
            Some((before.map(|t| stem_of(t)).collect(), after.map(stem_of).collect()))
        };
        let (Some((ba, aa)), Some((bb, ab))) = (around(a, va), around(b, vb)) else { return false };
        let (m1, c1) = common_in_order(&ba, &bb);
        let (m2, c2) = common_in_order(&aa, &ab);
        let counted = usize::from(matches!(va.unit, Unit::Count(_)));
        m1 + m2 >= SURROUNDINGS_MIN_MATCH && c1 + c2 + counted >= SURROUNDINGS_MIN_CONTENT
    }
}

/// Stems of words and whether each is a content word.
type Words<'a> = Vec<(&'a str, bool)>;

/// A word's stem and whether it is a content word.
fn stem_of(t: &crate::text::tokens::Token) -> (&str, bool) {
    (t.stem.as_str(), !t.stop)
}

/// The longest common subsequence of two word lists: its length and how many content words
/// it holds.
fn common_in_order(x: &[(&str, bool)], y: &[(&str, bool)]) -> (usize, usize) {
    // (length, content words) of the best subsequence of x[i..] and y[j..].
    let mut best = vec![vec![(0usize, 0usize); y.len() + 1]; x.len() + 1];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            best[i][j] = if x[i].0 == y[j].0 {
                let (n, c) = best[i + 1][j + 1];
                (n + 1, c + usize::from(x[i].1))
            } else {
                best[i + 1][j].max(best[i][j + 1])
            };
        }
    }
    best[0][0]
}

/// A disagreement with every sentence on each side.
struct Item<'v> {
    kind: &'static str,
    unit: Option<&'v Unit>,
    route: Route,
    a: Vec<(SentenceRef, Vec<&'v Value>)>,
    b: Vec<(SentenceRef, Vec<&'v Value>)>,
    words: (Vec<String>, Vec<String>),
}

/// Joins findings that state the same disagreement: a finding that shares a sentence with an
/// item, and whose values agree with that item's sides, adds its other sentence to the other
/// side. Findings come strongest first, so each item keeps its strongest pair as `a`/`b`.
fn merge(findings: Vec<Finding<'_>>) -> Vec<Item<'_>> {
    let mut items: Vec<Item> = Vec::new();
    for f in findings {
        let agrees = |side: &[(SentenceRef, Vec<&Value>)], vals: &[&Value]| {
            side.first().is_some_and(|(_, v)| v.iter().zip(vals).all(|(x, y)| x.agrees(y)))
        };
        let joined = f.kind != "negation"
            && items.iter_mut().filter(|i| i.kind == f.kind && i.unit == f.unit).any(|item| {
                for (x, vx, y, vy) in [(f.a, &f.va, f.b, &f.vb), (f.b, &f.vb, f.a, &f.va)] {
                    let (mine, other) = (&item.a, &item.b);
                    let on_a = mine.iter().any(|(r, _)| *r == x) && agrees(mine, vx) && agrees(other, vy);
                    let on_b = other.iter().any(|(r, _)| *r == x) && agrees(other, vx) && agrees(mine, vy);
                    let target = if on_a {
                        &mut item.b
                    } else if on_b {
                        &mut item.a
                    } else {
                        continue;
                    };
                    if !target.iter().any(|(r, _)| *r == y) {
                        target.push((y, vy.clone()));
                    }
                    return true;
                }
                false
            });
        if !joined {
            items.push(Item {
                kind: f.kind,
                unit: f.unit,
                route: f.route,
                a: vec![(f.a, f.va)],
                b: vec![(f.b, f.vb)],
                words: f.words,
            });
        }
    }
    items
}

impl Item<'_> {
    fn into_contradiction(self, input: &Input<'_>) -> Contradiction {
        let texts = |side: &[(SentenceRef, Vec<&Value>)]| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for (r, vals) in side {
                let body = input.articles.get(r.article).map(|a| a.body.as_str()).unwrap_or("");
                for v in vals {
                    let t = v.span.of(body).to_string();
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
            out
        };
        let (a_values, b_values) =
            if self.kind == "negation" { self.words.clone() } else { (texts(&self.a), texts(&self.b)) };
        let note = self.note(input, &a_values, &b_values);
        let refs = |side: &[(SentenceRef, Vec<&Value>)]| side.iter().map(|(r, _)| *r).collect::<Vec<_>>();
        let (a, b) = (refs(&self.a), refs(&self.b));
        let also = |side: &[SentenceRef]| {
            let mut v = side[1..].to_vec();
            v.sort();
            v
        };
        Contradiction {
            claim: match self.route {
                Route::Claim(c) => Some(c),
                _ => None,
            },
            a: a[0],
            b: b[0],
            a_also: also(&a),
            b_also: also(&b),
            kind: self.kind.to_string(),
            a_values,
            b_values,
            note,
        }
    }

    fn note(&self, input: &Input<'_>, a_values: &[String], b_values: &[String]) -> String {
        let sources = |side: &[(SentenceRef, Vec<&Value>)]| {
            let mut names: Vec<String> = Vec::new();
            for (r, _) in side {
                let name = source_name(input, r.article);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let verb = if names.len() == 1 { "says" } else { "say" };
            (join_and(&names), verb)
        };
        let ((sa, say_a), (sb, say_b)) = (sources(&self.a), sources(&self.b));
        let first = |v: &[String]| v.first().cloned().unwrap_or_default();
        let mut note = match self.kind {
            "negation" => {
                let (with, without, word) = if a_values.len() % 2 == 1 {
                    (&sa, &sb, first(a_values))
                } else {
                    (&sb, &sa, first(b_values))
                };
                format!(
                    "Check this: {with} writes ‘{word}’ where {without} does not, in otherwise similar words: one may deny what the other states."
                )
            }
            kind => {
                let what = match kind {
                    "time" => "The times do not agree",
                    "date" => "The dates do not agree",
                    _ => "The numbers do not agree",
                };
                format!(
                    "Check this: {sa} {say_a} ‘{}’; {sb} {say_b} ‘{}’. {what}: at least one may be wrong, or they describe different things.",
                    first(a_values),
                    first(b_values)
                )
            }
        };
        if !matches!(self.route, Route::Claim(_)) {
            note.push_str(
                " These sentences were not grouped as one claim: check that they report the same event.",
            );
        }
        note
    }
}

/// The outlet's name, or "Article N" when it has none.
fn source_name(input: &Input<'_>, article: usize) -> String {
    match input.articles.get(article).map(|a| a.meta.outlet.trim()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => format!("Article {}", article + 1),
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
