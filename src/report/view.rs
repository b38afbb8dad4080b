//! What every export needs to say about a comparison, blind or not: source names, redacted text,
//! sentence references ("B4"), claim cells for the matrix, notes per claim and sentence, and the
//! framing sections as rows.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Options;
use super::json::blind_name;
use crate::analysis::{Claim, ClaimKind, Comparison, Link, Prominence, SentenceRef};
use crate::session::{Note, NoteTarget};

/// Shortest outlet, byline or file name replaced in text in blind mode (shorter ones are words).
const MIN_REDACT_CHARS: usize = 3;

/// How one source stands to one claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// It carries the claim in these sentences, the first at this prominence.
    Carries(Prominence, Vec<usize>),
    /// It is in the claim's story but leaves the claim out.
    Omits,
    /// It belongs to another story.
    Elsewhere,
}

/// A comparison seen through the export options.
pub(crate) struct View<'a> {
    pub c: &'a Comparison,
    pub notes: &'a [Note],
    pub blind: bool,
    redactor: Option<Redactor>,
    /// Per claim id, indices into `c.links` of the links that join two of its sentences.
    links_of: Vec<Vec<usize>>,
}

impl<'a> View<'a> {
    /// A view; `blind` may differ from `options.blind` (worksheets are blind by default).
    pub fn new(c: &'a Comparison, options: &'a Options, blind: bool) -> View<'a> {
        View {
            c,
            notes: &options.notes,
            blind,
            redactor: if blind { Redactor::new(c) } else { None },
            links_of: links_by_claim(c),
        }
    }

    /// "Source B" in blind mode, else the outlet ("Article 2" if it has none).
    pub fn source(&self, i: usize) -> String {
        let outlet = self.c.articles.get(i).map(|a| a.meta.outlet.trim()).unwrap_or("");
        if self.blind {
            blind_name(i)
        } else if outlet.is_empty() {
            format!("Article {}", i + 1)
        } else {
            outlet.to_string()
        }
    }

    /// The source's letter: "B".
    pub fn letter(i: usize) -> String {
        blind_name(i).trim_start_matches("Source ").to_string()
    }

    /// "B4": sentence 4 (1-based) of the second source.
    pub fn sref(r: SentenceRef) -> String {
        format!("{}{}", Self::letter(r.article), r.sentence + 1)
    }

    /// Text with outlet names, hosts and bylines replaced by source names in blind mode.
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match &self.redactor {
            Some(r) => r.apply(text),
            None => Cow::Borrowed(text),
        }
    }

    /// The article's title, redacted.
    pub fn title(&self, i: usize) -> Cow<'a, str> {
        let t = self.c.articles.get(i).map(|a| a.meta.title.as_str()).unwrap_or("");
        self.owned(t)
    }

    fn owned(&self, t: &'a str) -> Cow<'a, str> {
        match self.text(t) {
            Cow::Borrowed(_) => Cow::Borrowed(t),
            Cow::Owned(s) => Cow::Owned(s),
        }
    }

    /// A sentence's text, redacted.
    pub fn sentence(&self, r: SentenceRef) -> Cow<'a, str> {
        self.owned(self.c.sentence_text(r))
    }

    /// Metadata that identifies the source: (date, url, byline, path); all `None` in blind mode.
    pub fn identity(&self, i: usize) -> [Option<&'a str>; 4] {
        match self.c.articles.get(i) {
            Some(a) if !self.blind => [
                a.meta.published.as_deref(),
                a.meta.url.as_deref(),
                a.meta.byline.as_deref(),
                a.meta.path.as_deref(),
            ],
            _ => [None; 4],
        }
    }

    /// The report title.
    pub fn report_title(&self, options: &Options) -> String {
        match &options.title {
            Some(t) if !t.trim().is_empty() => self.text(t.trim()).into_owned(),
            _ => format!("Comparison of {} articles", self.c.articles.len()),
        }
    }

    /// How source `i` stands to `claim`.
    pub fn cell(claim: &Claim, i: usize) -> Cell {
        let mine: Vec<_> = claim.members.iter().filter(|m| m.article == i).collect();
        match mine.first() {
            Some(first) => Cell::Carries(first.prominence, mine.iter().map(|m| m.sentence).collect()),
            None if claim.omitted_by.contains(&i) => Cell::Omits,
            None => Cell::Elsewhere,
        }
    }

    /// A matrix cell in words: "✓ lede (A2, A5)", `omits` when left out, "" in another story.
    pub fn cell_text(claim: &Claim, i: usize, omits: &str) -> String {
        match Self::cell(claim, i) {
            Cell::Carries(p, sentences) => {
                let refs: Vec<String> =
                    sentences.iter().map(|&s| Self::sref(SentenceRef { article: i, sentence: s })).collect();
                format!("✓ {} ({})", format!("{p:?}").to_lowercase(), refs.join(", "))
            }
            Cell::Omits => omits.to_string(),
            Cell::Elsewhere => String::new(),
        }
    }

    /// The links at or above the threshold between two sentences of `claim`: the evidence for it.
    pub fn claim_links(&self, claim: &Claim) -> impl Iterator<Item = &'a Link> + '_ {
        let c = self.c;
        self.links_of.get(claim.id).into_iter().flatten().filter_map(move |&i| c.links.get(i))
    }

    /// "shared by all 3", "shared by 2 of 3", "only Source B".
    pub fn claim_reach(&self, claim: &Claim) -> String {
        let story = claim.articles.len() + claim.omitted_by.len();
        match claim.kind {
            ClaimKind::Unique => format!("only {}", self.names(&claim.articles)),
            ClaimKind::Shared if claim.omitted_by.is_empty() => format!("shared by all {story}"),
            ClaimKind::Shared => format!("shared by {} of {story}", claim.articles.len()),
        }
    }

    /// Source names joined: "Source A, Source C".
    pub fn names(&self, articles: &[usize]) -> String {
        articles.iter().map(|&i| self.source(i)).collect::<Vec<_>>().join(", ")
    }

    /// Notes attached to a claim (claim notes that resolve to it, and notes on its sentences).
    pub fn claim_notes(&self, claim: &Claim) -> Vec<&'a Note> {
        self.notes
            .iter()
            .filter(|n| match &n.target {
                NoteTarget::Claim { .. } => n.claim_in(self.c) == Some(claim.id),
                NoteTarget::Sentence { .. } => claim.members.iter().any(|m| n.touches(m.sentence_ref())),
            })
            .collect()
    }

    /// Notes written on this very sentence.
    pub fn sentence_notes(&self, r: SentenceRef) -> Vec<&'a Note> {
        self.notes
            .iter()
            .filter(|n| matches!(n.target, NoteTarget::Sentence { .. }) && n.touches(r))
            .collect()
    }

    /// What a note is attached to, in words: "Claim 3 (“…”)" or "sentence B4 (“…”)".
    pub fn note_target(&self, note: &Note) -> String {
        match &note.target {
            NoteTarget::Claim { label, .. } => {
                match note.claim_in(self.c).and_then(|id| self.c.claims.get(id)) {
                    Some(claim) => format!("claim {} (“{}”)", claim.id + 1, self.text(&claim.label)),
                    None => format!("a claim no longer found (“{}”)", self.text(label)),
                }
            }
            NoteTarget::Sentence { article, sentence } => {
                let r = SentenceRef { article: *article, sentence: *sentence };
                format!("sentence {} of {} (“{}”)", Self::sref(r), self.source(*article), self.sentence(r))
            }
        }
    }
}

/// For each claim, the links at or above the threshold whose both ends are its members (indexed
/// once, so reports of large sets stay linear in the number of links).
fn links_by_claim(c: &Comparison) -> Vec<Vec<usize>> {
    let claims_of = c.claims_by_sentence();
    let of = |r: SentenceRef| {
        claims_of.get(r.article).and_then(|a| a.get(r.sentence)).map(Vec::as_slice).unwrap_or(&[])
    };
    let mut out = vec![Vec::new(); c.claims.iter().map(|x| x.id + 1).max().unwrap_or(0)];
    for (i, l) in c.links.iter().enumerate().filter(|(_, l)| l.score >= c.settings.threshold) {
        for id in of(l.a).iter().filter(|id| of(l.b).contains(id)) {
            if let Some(slot) = out.get_mut(*id) {
                slot.push(i);
            }
        }
    }
    out
}

/// Replaces, in blind mode, what would identify a source in free text: outlet names, URL hosts,
/// file names and bylines become the blind name of the first article using them ("Source B").
/// Matches are whole words, ASCII case-insensitive, longest first. The window uses it too.
#[derive(Clone, Debug)]
pub struct Redactor {
    ac: AhoCorasick,
    names: Vec<String>,
}

impl Redactor {
    /// The redactor for `c`'s articles; `None` when nothing identifies them.
    pub fn new(c: &Comparison) -> Option<Redactor> {
        let (ac, names) = redactor(c)?;
        Some(Redactor { ac, names })
    }

    /// Byte ranges in `text` to hide, each with the name shown instead, in text order.
    pub fn matches<'r>(&'r self, text: &str) -> Vec<(std::ops::Range<usize>, &'r str)> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if let Some(name) = self.names.get(m.pattern().as_usize()) {
                out.push((m.start()..m.end(), name.as_str()));
            }
        }
        out
    }

    /// `text` with every match replaced.
    pub fn apply<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let found = self.matches(text);
        if found.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (range, name) in found {
            out.push_str(&text[last..range.start]);
            out.push_str(name);
            last = range.end;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// The patterns and their blind names.
fn redactor(c: &Comparison) -> Option<(AhoCorasick, Vec<String>)> {
    let mut patterns: Vec<(String, String)> = Vec::new();
    for (i, a) in c.articles.iter().enumerate() {
        let host = a.meta.url.as_deref().and_then(host_of);
        let stem = a
            .meta
            .path
            .as_deref()
            .and_then(|p| std::path::Path::new(p).file_stem())
            .map(|s| s.to_string_lossy().into_owned());
        let file = a
            .meta
            .path
            .as_deref()
            .and_then(|p| std::path::Path::new(p).file_name())
            .map(|s| s.to_string_lossy().into_owned());
        for p in [Some(a.meta.outlet.clone()), host, stem, file, a.meta.byline.clone(), a.meta.path.clone()]
            .into_iter()
            .flatten()
        {
            let p = p.trim().to_string();
            if p.chars().count() >= MIN_REDACT_CHARS
                && !patterns.iter().any(|(q, _)| q.eq_ignore_ascii_case(&p))
            {
                patterns.push((p, blind_name(i)));
            }
        }
    }
    if patterns.is_empty() {
        return None;
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|(p, _)| p))
        .ok()?;
    Some((ac, patterns.into_iter().map(|(_, n)| n).collect()))
}

/// "https://www.example.com/a" → "example.com".
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// A framing section other than the markers, as a table: column names and rows of cell text.
/// Article indices become source names; strings are redacted; nested values become compact JSON.
pub(crate) struct Table {
    /// Section title (for unknown sections: the JSON key, "quote_matches").
    pub name: String,
    /// One sentence saying what the table shows (may be empty).
    pub intro: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

impl View<'_> {
    /// Every framing section except the markers, as tables, in the JSON's key order (titles and
    /// columns made readable: "quote_matches" → "Quote matches").
    pub fn framing_tables(&self) -> Vec<Table> {
        let Ok(serde_json::Value::Object(map)) = serde_json::to_value(&self.c.framing) else {
            return Vec::new();
        };
        map.into_iter()
            .filter(|(k, _)| k != "framing")
            .filter_map(|(name, value)| {
                let items: Vec<serde_json::Value> = match value {
                    serde_json::Value::Array(a) => a,
                    serde_json::Value::Object(o) => {
                        o.into_iter().map(|(k, v)| serde_json::json!({"key": k, "value": v})).collect()
                    }
                    other => vec![serde_json::json!({ "value": other })],
                };
                let mut columns: Vec<String> = Vec::new();
                for item in &items {
                    match item {
                        serde_json::Value::Object(o) => columns
                            .extend(o.keys().filter(|k| !columns.contains(k)).cloned().collect::<Vec<_>>()),
                        _ if !columns.iter().any(|c| c == "value") => columns.push("value".into()),
                        _ => {}
                    }
                }
                let rows = items
                    .iter()
                    .map(|item| match item {
                        serde_json::Value::Object(o) => {
                            columns.iter().map(|k| self.json_cell(k, o.get(k))).collect()
                        }
                        v => vec![self.json_cell("value", Some(v))],
                    })
                    .collect::<Vec<Vec<String>>>();
                (!rows.is_empty()).then(|| Table {
                    name: heading(&name),
                    intro: String::new(),
                    columns: columns.iter().map(|c| heading(c)).collect(),
                    rows,
                })
            })
            .collect()
    }

    fn json_cell(&self, key: &str, v: Option<&serde_json::Value>) -> String {
        use serde_json::Value;
        let is_article = key == "article" || key.ends_with("_article") || key == "from" || key == "to";
        match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::Number(n)) if is_article => {
                n.as_u64().map(|i| self.source(i as usize)).unwrap_or_default()
            }
            Some(Value::Array(a))
                if key == "articles" || key == "omitted_by" || key.ends_with("_articles") =>
            {
                let idx: Vec<usize> = a.iter().filter_map(Value::as_u64).map(|i| i as usize).collect();
                self.names(&idx)
            }
            Some(Value::String(s)) => self.text(s).into_owned(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
            Some(other) => self.text(&other.to_string()).into_owned(),
        }
    }
}

/// "omitted_by" → "Omitted by".
pub(crate) fn heading(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let mut chars = words.chars();
    chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
