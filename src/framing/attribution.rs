//! The attribution audit: who each article reports as saying something, and with which verb.
//!
//! Takes the attribution verbs found in context ([`super::markers::scan`]); gives one
//! [`Attribution`] per verb with its speaker: the name or noun right after the verb when the
//! verb follows a quotation ("…,” said Gina Raimondo), otherwise the name, pronoun or noun just
//! before it ("the ministry said"). Pronouns resolve to the last named speaker of the article.

use serde::{Deserialize, Serialize};

use super::Input;
use super::markers::Found;
use crate::span::Span;
use crate::text::entities::EntityKind;

/// One reported statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Article index.
    pub article: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Who is reported as speaking ("Gina Raimondo", "the ministry", "unknown").
    pub speaker: String,
    /// The verb as written ("claimed", "according to").
    pub verb: String,
    /// Its class: `attribution-neutral`, `-distancing`, `-endorsing` or `-loaded`.
    pub class: String,
    /// Byte start of the verb in the body.
    pub start: usize,
    /// Byte end of the verb in the body.
    pub end: usize,
}

/// One row of the speaker × verb table of an outlet: "Blinken: said 3×, claimed 1×".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerVerbs {
    /// The speaker.
    pub speaker: String,
    /// (verb in lower case, class, count), most frequent first.
    pub verbs: Vec<(String, String, usize)>,
}

/// Words that begin a title before a name and are dropped from the speaker: "Commerce Secretary
/// Gina Raimondo" → "Gina Raimondo".
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "secretary", "minister", "president", "spokesperson", "spokesman", "spokeswoman", "commerce",
    "foreign", "ministry", "prime", "deputy", "senator", "sen", "rep", "gen", "general", "mr", "mrs",
    "ms", "dr", "chief", "executive", "ambassador", "chairman", "state", "vice", "trade", "defense",
    "defence", "national", "security", "adviser", "advisor", "representative", "premier", "chancellor",
    "treasury",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "official", "officials", "spokesperson", "spokesman", "spokeswoman", "ministry", "minister",
    "government", "department", "company", "firm", "analysts", "analyst", "experts", "expert", "critics",
    "statement", "report", "agency", "lawmakers", "diplomats", "sources", "administration", "commission",
    "embassy", "executives", "leaders", "researchers", "group", "industry", "authorities", "source",
    "regime", "prosecutors", "police", "military",
];

/// The audit, ordered by article and position.
pub fn audit(input: &Input<'_>, found: &[Found]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut last_named: Option<(usize, String)> = None;
    for f in found.iter().filter(|f| f.entry().category.starts_with("attribution") && !f.in_quote) {
        let (Some(article), Some(doc)) = (input.articles.get(f.article), input.docs.get(f.article)) else {
            continue;
        };
        if last_named.as_ref().is_some_and(|(a, _)| *a != f.article) {
            last_named = None;
        }
        let toks = doc.sentence_tokens.get(f.sentence).map(Vec::as_slice).unwrap_or(&[]);
        let entities = doc.sentence_entities.get(f.sentence).map(Vec::as_slice).unwrap_or(&[]);
        let quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
        let outside = |s: Span| !quotes.iter().any(|q| q.contains(s));
        let name_at = |i: usize, end: bool| {
            let t = toks.get(i)?;
            entities.iter().find(|e| {
                matches!(e.kind, EntityKind::Name | EntityKind::Acronym)
                    && outside(e.span)
                    && if end { e.span.end == t.span.end } else { e.span.start == t.span.start }
            })
        };
        let body = &article.body;
        let (first, last) = f.tokens;
        let lower = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        let after_quote = quotes.iter().any(|q| q.end <= f.span.start && f.span.start - q.end < 80);
        let term = f.entry().term.as_str();
        let mut speaker: Option<String> = None;
        // "…,” said Gina Raimondo" / "according to the ministry": the speaker follows.
        if after_quote || term == "according to" {
            let mut i = last + 1;
            if matches!(lower(i), "the" | "a" | "an") {
                i += 1;
            }
            speaker = name_at(i, false).map(|e| e.span.of(body).to_string()).or_else(|| {
                (NOUNS.contains(&lower(i)) || PRONOUNS.contains(&lower(i))).then(|| noun(lower(i)))
            });
        }
        // "Raimondo said" / "the ministry claimed" / "he insisted": the speaker precedes.
        if speaker.is_none() && first > 0 {
            let mut p = first;
            while p > 0
                && matches!(lower(p - 1), "also" | "later" | "has" | "have" | "had" | "then" | "again")
            {
                p -= 1;
            }
            if p > 0 {
                let w = lower(p - 1);
                speaker = name_at(p - 1, true)
                    .map(|e| e.span.of(body).to_string())
                    .or_else(|| (NOUNS.contains(&w) || PRONOUNS.contains(&w)).then(|| noun(w)));
            }
        }
        // Otherwise the nearest name before the verb in the sentence.
        if speaker.is_none() {
            speaker = entities
                .iter()
                .rfind(|e| e.kind == EntityKind::Name && e.span.end <= f.span.start && outside(e.span))
                .map(|e| e.span.of(body).to_string());
        }
        if speaker.as_deref().is_some_and(|s| PRONOUNS.contains(&s)) && last_named.is_none() {
            last_named = last_person_before(input, f).map(|n| (f.article, n));
        }
        let speaker = resolve(speaker, f.article, &mut last_named);
        out.push(Attribution {
            article: f.article,
            sentence: f.sentence,
            speaker,
            verb: f.span.of(body).to_string(),
            class: f.entry().category.clone(),
            start: f.span.start,
            end: f.span.end,
        });
    }
    unify_names(&mut out);
    out
}

/// The last name of two or more words before `f` in its article, outside quotations: who a
/// pronoun most likely refers to when no earlier statement named a speaker.
fn last_person_before(input: &Input<'_>, f: &Found) -> Option<String> {
    let article = input.articles.get(f.article)?;
    let doc = input.docs.get(f.article)?;
    doc.sentence_entities
        .iter()
        .take(f.sentence + 1)
        .flatten()
        .filter(|e| e.kind == EntityKind::Name && e.span.end <= f.span.start)
        .filter(|e| !doc.quotes.iter().any(|q| q.span.contains(e.span)))
        .map(|e| e.span.of(&article.body))
        .rfind(|name| name.split_whitespace().count() >= 2)
        .map(clean_name)
}

/// "ministry" → "the ministry"; plurals and pronouns stay as they are ("officials", "he").
fn noun(w: &str) -> String {
    if PRONOUNS.contains(&w) || w.ends_with('s') { w.to_string() } else { format!("the {w}") }
}

/// Pronouns become the last named speaker; names drop leading titles and a possessive.
fn resolve(speaker: Option<String>, article: usize, last_named: &mut Option<(usize, String)>) -> String {
    let Some(s) = speaker else { return "unknown".into() };
    if PRONOUNS.contains(&s.as_str()) {
        return last_named.as_ref().map(|(_, n)| n.clone()).unwrap_or_else(|| format!("unknown ({s})"));
    }
    if s.starts_with("the ") {
        return s;
    }
    if NOUNS.contains(&s.to_lowercase().as_str()) {
        return noun(&s.to_lowercase());
    }
    let name = clean_name(&s);
    *last_named = Some((article, name.clone()));
    name
}

/// A speaker's name without titles or a possessive.
pub fn clean_name(s: &str) -> String {
    // Entity spans may run over a comma ("Washington, Zhou Mingyu"): the speaker is the last part.
    let s = s.rsplit(',').next().unwrap_or(s).trim();
    let s = s.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    let words: Vec<&str> = s.split_whitespace().collect();
    // Drop everything up to the last title word: "Regional Water Minister Maria Castell" → "Maria Castell".
    let keep = words
        .iter()
        .rposition(|w| TITLE_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
        .map_or(0, |i| i + 1)
        .min(words.len().saturating_sub(1));
    words[keep..].join(" ")
}

/// Within an article, "Raimondo" after "Gina Raimondo" is the same speaker: use the full name.
fn unify_names(attributions: &mut [Attribution]) {
    let full: Vec<(usize, String)> = attributions.iter().map(|a| (a.article, a.speaker.clone())).collect();
    for a in attributions.iter_mut() {
        if a.speaker.contains(' ') || a.speaker.starts_with("unknown") {
            continue;
        }
        let longer =
            full.iter().filter(|(art, s)| *art == a.article && s.ends_with(&format!(" {}", a.speaker)));
        if let Some((_, s)) = longer.min_by(|x, y| x.1.len().cmp(&y.1.len()).then(x.1.cmp(&y.1))) {
            a.speaker = s.clone();
        }
    }
}

/// The speaker × verb table of one article, speakers sorted by name.
pub fn speaker_verbs(attributions: &[Attribution], article: usize) -> Vec<SpeakerVerbs> {
    let mut rows: std::collections::BTreeMap<&str, std::collections::BTreeMap<(String, &str), usize>> =
        Default::default();
    for a in attributions.iter().filter(|a| a.article == article) {
        *rows.entry(&a.speaker).or_default().entry((a.verb.to_lowercase(), &a.class)).or_default() += 1;
    }
    rows.into_iter()
        .map(|(speaker, verbs)| {
            let mut verbs: Vec<(String, String, usize)> =
                verbs.into_iter().map(|((v, c), n)| (v, c.to_string(), n)).collect();
            verbs.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
            SpeakerVerbs { speaker: speaker.to_string(), verbs }
        })
        .collect()
}
