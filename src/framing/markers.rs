//! Reads lexicon hits in context and turns them into word markers.
//!
//! Takes the articles and their tokens, entities and quotes; gives every lexicon word that is
//! really used in its framing sense (a [`Found`]) and the markers shown to users. Precision
//! rules live here: an attribution verb must report speech ("claimed that", "…,” he claimed",
//! "Raimondo claimed the rules…"), not be a noun ("the claims matrix") or another sense ("the
//! attack claimed 30 lives"); "regime" after "sanctions" or "export-control" is a technical
//! word; words inside a quotation are the speaker's, not the outlet's.

use std::borrow::Cow;

use super::lexicon::{self, Hit, LEXICON};
use super::{Input, Marker};
use crate::span::Span;
use crate::text::entities::{Entity, EntityKind};
use crate::text::tokens::Token;

/// A lexicon word used in its framing sense.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Article index.
    pub article: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Byte span in the body.
    pub span: Span,
    /// Index into the lexicon's entries.
    pub entry: usize,
    /// Token range in the sentence (first, last inclusive).
    pub tokens: (usize, usize),
    /// Inside quoted speech: the speaker's word, not the outlet's.
    pub in_quote: bool,
    /// Inside a scare quote (one to three words, no closing punctuation): the outlet put the
    /// word in quotation marks.
    pub scare_quoted: bool,
}

impl Found {
    /// The lexicon entry.
    pub fn entry(&self) -> &'static lexicon::Entry {
        &LEXICON.entries[self.entry]
    }
}

/// Words that make the next word a noun or adjective, not a verb ("the claims", "his notes").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "your", "my", "such",
    "any", "no", "some", "many", "new", "all", "other", "several", "both", "whose", "false", "unproven",
    "legal", "baseless", "similar", "competing", "rival", "of", "in", "on", "for", "about", "with",
    "against", "over", "to", "from", "into", "amid", "despite", "not", "never", "declined", "refused",
    "well", "widely", "firmly",
];
/// Words that may stand between a speaker and the verb ("he also said", "officials have claimed").
#[rustfmt::skip]
const SKIPPABLE: &[&str] = &[
    "also", "later", "then", "has", "have", "had", "previously", "repeatedly", "again", "once",
    "publicly", "privately", "reportedly", "recently", "earlier", "quickly", "only", "simply", "had",
];
/// Common nouns that can report speech.
#[rustfmt::skip]
const SPEAKER_NOUNS: &[&str] = &[
    "official", "officials", "spokesperson", "spokesman", "spokeswoman", "ministry", "minister",
    "government", "department", "company", "firm", "analysts", "analyst", "experts", "expert", "critics",
    "secretary", "president", "ambassador", "embassy", "statement", "report", "agency", "lawmakers",
    "diplomats", "sources", "administration", "commission", "council", "office", "spokespeople",
    "executives", "executive", "leaders", "leader", "researchers", "group", "industry", "chairman",
    "senator", "representative", "envoy", "premier", "chancellor", "authorities", "source", "people",
    "team", "bank", "institute", "economists", "economist", "investors", "traders", "union", "court", "judge",
    "party", "regime", "kremlin", "prosecutors", "police", "military", "campaign",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "which", "you"];
/// Verbs that report speech only with "that", a quotation or a closing comma: in other uses
/// they mean something else ("maintained its lead", "added 12 firms", "threatened retaliation").
#[rustfmt::skip]
const STRICT: &[&str] = &[
    "maintained", "maintains", "added", "adds", "states", "notes", "claims", "claim", "threatened",
    "threatens", "boasted", "boasts", "admitted", "admits", "blasted", "blasts", "tell",
];
/// Forms that are just as often nouns ("the claims", "rejected claims that").
const NOUN_FORMS: &[&str] = &["claims", "claim", "notes", "states", "reports", "boasts", "threats"];
/// Objects after which a verb is not reporting speech ("claimed responsibility").
const NOT_SPEECH_NEXT: &[&str] =
    &["responsibility", "lives", "life", "victory", "credit", "title", "ownership", "to", "by", "into"];

/// Verbs (as prefixes) that talk about a name: "refer to X as", "call it a", "describe as".
const NAMING_VERBS: &[&str] = &["refer", "call", "describ", "label", "term", "brand", "characteri", "dub"];

/// Capitals that stand for their country's government as labels, but are places after "in".
const CITIES: &[&str] = &["Beijing", "Moscow", "Washington", "Kyiv", "Kiev", "Taipei", "Brussels", "London"];
/// Words that make a following capital a place ("a briefing in Beijing").
const PLACE_BEFORE: &[&str] =
    &["in", "at", "from", "to", "near", "visited", "visit", "outside", "inside", "across"];

/// Words before or after a loaded word, hedge or label that make it a technical or other sense.
const EXCEPTIONS: &[(&str, &[&str], &[&str])] = &[
    (
        "regime",
        &[
            "sanctions",
            "sanction",
            "control",
            "controls",
            "regulatory",
            "tax",
            "trade",
            "visa",
            "tariff",
            "licensing",
            "inspection",
            "export",
            "compliance",
            "legal",
            "treaty",
            "safety",
            "verification",
            "monitoring",
            "nonproliferation",
            "proliferation",
            "climate",
            "exchange",
            "fiscal",
            "monetary",
            "training",
            "treatment",
            "dosing",
            "reporting",
            "disclosure",
            "permit",
            "customs",
            "price",
        ],
        &[],
    ),
    ("aggressive", &[], &["cancer", "tumor", "tumour", "treatment", "growth"]),
    (
        "war",
        &[
            "trade",
            "tariff",
            "price",
            "culture",
            "currency",
            "tech",
            "chip",
            "cold",
            "civil",
            "bidding",
            "turf",
            "propaganda",
            "information",
            "world",
            "talent",
        ],
        &[],
    ),
    ("attack", &["cyber", "heart", "panic", "asthma"], &[]),
    ("conflict", &[], &["of"]),
    ("bullying", &[], &["pulpit"]),
    ("reckless", &[], &["driving", "endangerment"]),
    ("unchecked", &[], &["box", "boxes"]),
    ("sweeping", &["were", "was", "is", "are"], &["the", "through", "across", "up"]),
];

/// Every lexicon word used in its framing sense, ordered by article, sentence, position.
pub fn scan(input: &Input<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for (a, (article, doc)) in input.articles.iter().zip(input.docs).enumerate() {
        let lang = crate::text::language::Language::from_code(&doc.language);
        for (s, sentence) in article.sentences.iter().enumerate() {
            // Headlines and subheads are scanned too: a loaded word there is framing at its
            // strongest. The text stages may leave them without tokens: build them here.
            let (body, span) = (&article.body, sentence.span);
            let toks =
                stored_or(doc.sentence_tokens.get(s), || crate::text::tokens::tokenize(body, span, &lang));
            let entities =
                stored_or(doc.sentence_entities.get(s), || crate::text::entities::find(body, span, &lang));
            let quotes: Vec<Span> =
                doc.quotes.iter().filter(|q| q.inner.overlaps(sentence.span)).map(|q| q.inner).collect();
            let at = SentenceAt { article: a, sentence: s, body: &article.body };
            scan_sentence(&at, &toks, &entities, quotes, &mut out);
        }
    }
    out
}

/// The stored items when there are any, else the ones `build` makes.
fn stored_or<T: Clone>(stored: Option<&Vec<T>>, build: impl FnOnce() -> Vec<T>) -> Cow<'_, [T]> {
    match stored.filter(|v| !v.is_empty()) {
        Some(v) => Cow::Borrowed(v.as_slice()),
        None => Cow::Owned(build()),
    }
}

/// Where a sentence is: article index, sentence index and the body its spans point into.
pub struct SentenceAt<'a> {
    /// Article index.
    pub article: usize,
    /// Sentence index.
    pub sentence: usize,
    /// The article body.
    pub body: &'a str,
}

/// Lexicon words used in their framing sense in one sentence, given its tokens, entities and
/// the inner spans of the quotations overlapping it.
pub fn scan_sentence(
    at: &SentenceAt<'_>,
    toks: &[Token],
    entities: &[Entity],
    quotes: Vec<Span>,
    out: &mut Vec<Found>,
) {
    let ctx = Context { body: at.body, toks, entities, quotes };
    let hits = LEXICON.find(at.body, toks);
    for group in hits.chunk_by(|x, y| (x.first, x.last) == (y.first, y.last)) {
        if let Some(entry) = ctx.choose(group) {
            let h = group[0];
            let quoted = ctx.quoted(h.span);
            out.push(Found {
                article: at.article,
                sentence: at.sentence,
                span: h.span,
                entry,
                tokens: (h.first, h.last),
                in_quote: quoted == Some(true),
                scare_quoted: quoted == Some(false),
            });
        }
    }
}

/// The markers users see: everything found except neutral verbs, labels (see `labels`) and
/// words inside longer quotations.
pub fn markers(input: &Input<'_>, found: &[Found]) -> Vec<Marker> {
    found
        .iter()
        .filter(|f| !f.in_quote)
        .filter(|f| !matches!(f.entry().category.as_str(), lexicon::NEUTRAL | lexicon::LABEL))
        .map(|f| {
            let e = f.entry();
            let mut note = e.note.clone();
            if f.scare_quoted {
                note.push_str(" The outlet puts the word in quotation marks, keeping its distance from it.");
            }
            marker(input, f, e.category.clone(), note)
        })
        .collect()
}

/// A marker on the words of `found`, with the given category and note.
pub fn marker(input: &Input<'_>, found: &Found, category: String, note: String) -> Marker {
    let body = input.articles.get(found.article).map(|a| a.body.as_str()).unwrap_or("");
    Marker {
        article: found.article,
        sentence: found.sentence,
        start: found.span.start,
        end: found.span.end,
        term: found.span.of(body).to_string(),
        category,
        note,
    }
}

struct Context<'a> {
    body: &'a str,
    toks: &'a [Token],
    entities: &'a [Entity],
    quotes: Vec<Span>,
}

impl Context<'_> {
    /// Which of the entries found on the same words applies here, if any.
    fn choose(&self, group: &[Hit]) -> Option<usize> {
        let category = |h: &Hit| LEXICON.entries[h.entry].category.as_str();
        let h = group[0];
        if let Some(verb) = group.iter().find(|h| category(h).starts_with("attribution")) {
            if self.reports_speech(verb) {
                return Some(verb.entry);
            }
            return group.iter().find(|h| category(h) == lexicon::HEDGE).map(|h| h.entry);
        }
        let term = LEXICON.entries[h.entry].term.as_str();
        if let Some(label) = group.iter().find(|h| category(h) == lexicon::LABEL) {
            let term = LEXICON.entries[label.entry].term.as_str();
            // "in Beijing" is the city; "WASHINGTON (Wire) -" is a dateline.
            let written = label.span.of(self.body);
            let place = CITIES.contains(&term)
                && (self.word(h.first.wrapping_sub(1)).is_some_and(|w| PLACE_BEFORE.contains(&w))
                    || written.chars().all(|c| !c.is_lowercase()));
            if place
                || self.inside_longer_name(label.span)
                || self.excepted(term, &h)
                || self.named_as(h.first)
            {
                return None;
            }
            return Some(label.entry);
        }
        (!self.excepted(term, &h)).then_some(h.entry)
    }

    /// The word at token `i` is a name being talked about, not used: "declined to refer to the
    /// attack as an invasion", "calls it a war", "the term invasion".
    fn named_as(&self, i: usize) -> bool {
        let before: Vec<&str> =
            (1..=8).filter_map(|d| i.checked_sub(d)).filter_map(|k| self.word(k)).collect();
        let article_then_as =
            before.first().is_some_and(|w| matches!(*w, "a" | "an" | "the")) && before.get(1) == Some(&"as");
        let right_after_as = before.first() == Some(&"as");
        let naming = |w: &&str| NAMING_VERBS.iter().any(|v| w.starts_with(v));
        ((article_then_as || right_after_as) && before.iter().any(naming))
            || before.first().is_some_and(|w| matches!(*w, "term" | "word" | "label"))
            || (before.first().is_some_and(|w| matches!(*w, "a" | "an"))
                && before.get(1).is_some_and(|w| matches!(*w, "it" | "this" | "that"))
                && before.get(2).is_some_and(naming))
    }

    /// True when the words around `h` make `term` a technical or other sense (see `EXCEPTIONS`).
    fn excepted(&self, term: &str, h: &Hit) -> bool {
        EXCEPTIONS.iter().any(|(t, before, after)| {
            *t == term
                && (self.word(h.first.wrapping_sub(1)).is_some_and(|w| before.contains(&w))
                    || self.word(h.last + 1).is_some_and(|w| after.contains(&w)))
        })
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| t.lower.as_str())
    }

    /// For a word inside a quotation: `Some(true)` when the quotation is speech (four or more
    /// words, or ending in punctuation inside the marks: “This is bullying,”), `Some(false)` for
    /// a scare quote (‘toothless’).
    fn quoted(&self, span: Span) -> Option<bool> {
        let q = self.quotes.iter().find(|q| q.contains(span))?;
        let text = q.of(self.body).trim();
        Some(text.split_whitespace().count() >= 4 || text.ends_with([',', '.', '!', '?', ';', ':']))
    }

    fn inside_longer_name(&self, span: Span) -> bool {
        // Entity spans may run over a comma ("Meanwhile, Washington"): such a span is not one name.
        self.entities.iter().any(|e| {
            e.kind == EntityKind::Name
                && e.span.contains(span)
                && e.span.len() > span.len()
                && !e.span.of(self.body).contains(',')
        })
    }

    /// True when the verb at `h` reports what someone said.
    fn reports_speech(&self, h: &Hit) -> bool {
        let term = LEXICON.entries[h.entry].term.as_str();
        if term == "according to" {
            return true;
        }
        let written = self.word(h.first).unwrap_or("");
        let next = self.word(h.last + 1);
        let mut p = h.first;
        // "Beijing, predictably, claimed": adverbs and the commas around them stand between.
        while p > 0 && self.word(p - 1).is_some_and(|w| SKIPPABLE.contains(&w) || w.ends_with("ly")) {
            p -= 1;
        }
        let prev = p.checked_sub(1).and_then(|i| self.word(i));
        // "China's alleged support": after a possessive the word describes a noun.
        let possessive = p.checked_sub(1).and_then(|i| self.toks.get(i)).is_some_and(|t| {
            let w = t.span.of(self.body);
            w.ends_with("'s") || w.ends_with("\u{2019}s")
        });
        if possessive
            || prev.is_some_and(|w| DETERMINERS.contains(&w) || w.ends_with("n't"))
            || next.is_some_and(|w| NOT_SPEECH_NEXT.contains(&w))
        {
            return false;
        }
        let speaker_before = p > 0 && self.speaker_like(p - 1);
        // "rejected claims that …" is a noun: these forms need a subject right before them.
        if NOUN_FORMS.contains(&written) && !speaker_before {
            return false;
        }
        if next == Some("that") || self.quote_follows(h.span.end) || self.quote_just_before(h) {
            return true;
        }
        let clause_ends = self.clause_ends_after(h.span.end);
        if h.first == 0 || !speaker_before {
            return false;
        }
        clause_ends || !STRICT.contains(&written)
    }

    fn speaker_like(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        PRONOUNS.contains(&t.lower.as_str())
            || SPEAKER_NOUNS.contains(&t.lower.as_str())
            || self
                .entities
                .iter()
                .any(|e| matches!(e.kind, EntityKind::Name | EntityKind::Acronym) && e.span.end == t.span.end)
    }

    /// A quotation opens right after the verb (skipping spaces, a comma or a colon).
    fn quote_follows(&self, at: usize) -> bool {
        let rest = self.body.get(at..).unwrap_or("");
        let rest = rest.trim_start_matches([' ', ',', ':']);
        rest.starts_with(['"', '\u{201C}', '\u{2018}', '\u{00AB}'])
    }

    /// A quotation closes at most six words before the verb ("…,” Commerce Secretary Raimondo said).
    fn quote_just_before(&self, h: &Hit) -> bool {
        self.quotes.iter().any(|q| {
            q.end <= h.span.start && {
                let between =
                    self.toks.iter().filter(|t| t.span.start >= q.end && t.span.end <= h.span.start);
                between.count() <= 6
            }
        })
    }

    /// The verb ends its clause: a comma, full stop or end of sentence follows ("…, he claimed.").
    fn clause_ends_after(&self, at: usize) -> bool {
        let rest = self.body.get(at..).unwrap_or("").trim_start();
        rest.is_empty() || rest.starts_with([',', '.', ';', '!', '?'])
    }
}
