//! Framing analysis: how articles say the same thing differently.
//!
//! Takes the articles, their text stages and the aligned claims; gives markers on words
//! (attribution verbs, hedges, loaded words, label choices), label tables, the attribution audit,
//! quotes and how they were reused, tone per article, copying between articles and contradictions.
//! Every marker carries a byte span and a plain-words note a teacher can read aloud.
//!
//! # JSON sections
//!
//! [`Framing`] is flattened into the top level of the JSON report, so each field is a section.
//! Article indices are positions in `articles[]`; `start`/`end` are byte offsets into that
//! article's `body`; every list is sorted (by article, then position, unless said otherwise).
//!
//! - `framing[]`: word markers `{article, sentence, start, end, term, category, note}`. Categories:
//!   `attribution-distancing` (claimed, alleged, insisted), `attribution-endorsing` (noted,
//!   revealed, acknowledged), `attribution-loaded` (slammed, boasted), `hedge` (reportedly,
//!   so-called), `loaded` (toothless, draconian), `label` (a name chosen for an actor or event
//!   that other outlets name differently). Neutral verbs (said, told) are not markers; words
//!   inside quotations of four or more words are the speaker's and are not marked.
//! - `labels[]`: `{referent, terms, uses: [{article, term, count}], discovered}` — the names the
//!   outlets give one referent ("China": China, Beijing; "the strike": strike, stoppage,
//!   walkout). Seeded groups come from `assets/lexicons/labels.txt`; everyday nouns there count
//!   only once outlets are seen swapping them at the same place in a shared claim. `discovered`
//!   is true for groups not in the seed list: names or everyday nouns swapped for each other in
//!   two or more claims (see [`swaps`]).
//! - `attributions[]`: `{article, sentence, speaker, verb, class, start, end}` — who is reported
//!   as saying something, and the verb's class (`attribution-neutral`, `-distancing`,
//!   `-endorsing`, `-loaded`). [`attribution::speaker_verbs`] builds the speaker × verb table.
//! - `quotes[]`: the quote ledger `{article, sentence, start, end, text, words, speaker, verb,
//!   prominence}` (`start`/`end` span the words inside the marks; `speaker` may be null).
//! - `quote_matches[]`: `{a, b, kind, different_speaker, speakers, diff, note}` — `a`, `b` index
//!   `quotes[]`; `kind` is `verbatim`, `trimmed` (one is part of the other) or `altered` (words
//!   changed; `diff` shows how, spans into each article's body); `different_speaker` flags a
//!   quote pinned on someone else.
//! - `reuse[]`: `{a, b, source, words, share_a, share_b, passages: [{a_start, a_end, b_start,
//!   b_end, words}], note}` — passages shared nearly word for word (8-word shingles). `share_a` is
//!   the part of article `a`'s words found in `b`. `source` is the earlier article when the
//!   publication dates say so, else null (direction unknown).
//! - `contradictions[]`: `{claim, a: {article, sentence}, b, a_also, b_also, kind, a_values,
//!   b_values, note}` — versions of one fact whose `number`, `time`, `date` or `negation`
//!   differ: "check this". `claim` is the shared claim holding both, or null when the aligner
//!   kept them apart (linked sentences, or sentences counting the same thing in similar words).
//!   `a_also`/`b_also` are further sentences that agree with `a`/`b`; the note names the values
//!   and the sources on each side.
//! - `tone[]`: `{article, words, loaded, hedges, distancing, endorsing, loaded_verbs,
//!   loaded_per_1000, hedges_per_1000, distancing_per_1000}` — counts outside longer quotations.
//! - `prominence[]`: `{claim, label, lede, buried, omitted, note}` — a shared claim that some
//!   articles lead with (`lede`) while others put it in their lower half (`buried`) or leave it
//!   out (`omitted`).

pub mod attribution;
pub mod contradictions;
pub mod diff;
pub mod labels;
pub mod lexicon;
pub mod markers;
pub mod prominence;
pub mod quantities;
pub mod quotes;
pub mod reuse;
pub mod swaps;
pub mod tone;

use serde::{Deserialize, Serialize};

use crate::analysis::{Claim, Link};
use crate::ingest::Article;
use crate::text::Doc;

pub use attribution::{Attribution, SpeakerVerbs, speaker_verbs};
pub use contradictions::Contradiction;
pub use diff::{DiffKind, DiffOp, diff_versions, diff_words};
pub use labels::{LabelGroup, LabelUse};
pub use prominence::ProminenceFlag;
pub use quotes::{Quote, QuoteMatch, QuoteMatchKind};
pub use reuse::{Passage, Reuse};
pub use tone::Tone;

/// What the framing stage reads.
pub struct Input<'a> {
    /// The articles, in input order.
    pub articles: &'a [Article],
    /// Their text stages, same order.
    pub docs: &'a [Doc],
    /// The aligned claims.
    pub claims: &'a [Claim],
    /// The links between sentences.
    pub links: &'a [Link],
}

impl Input<'_> {
    /// The story of each article (an article index standing for the story), from the claims:
    /// articles that carry or omit one shared claim tell one story.
    pub fn stories(&self) -> Vec<usize> {
        let mut parent: Vec<usize> = (0..self.articles.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for claim in self.claims.iter().filter(|c| c.kind == crate::analysis::ClaimKind::Shared) {
            let all: Vec<usize> = claim
                .articles
                .iter()
                .chain(&claim.omitted_by)
                .copied()
                .filter(|a| *a < parent.len())
                .collect();
            for w in all.windows(2) {
                let (x, y) = (root(&mut parent, w[0]), root(&mut parent, w[1]));
                parent[x.max(y)] = x.min(y);
            }
        }
        (0..parent.len()).map(|a| root(&mut parent, a)).collect()
    }
}

/// One framing marker on a word or phrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// Article index.
    pub article: usize,
    /// Sentence index in that article.
    pub sentence: usize,
    /// Byte start in the article body.
    pub start: usize,
    /// Byte end in the article body.
    pub end: usize,
    /// The term as written.
    pub term: String,
    /// Category, e.g. "attribution-distancing", "hedge", "loaded", "label".
    pub category: String,
    /// Plain-words explanation.
    pub note: String,
}

/// Everything the framing stage found. See the module docs for each JSON section.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Markers on words, ordered by article, then position (`framing[]` in the JSON).
    #[serde(rename = "framing")]
    pub markers: Vec<Marker>,
    /// Names outlets give the same referent, with uses per article.
    #[serde(default)]
    pub labels: Vec<LabelGroup>,
    /// Who is reported as saying what, with which verb.
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// The quote ledger.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// The same quotation in two articles: verbatim, trimmed, altered, or given another speaker.
    #[serde(default)]
    pub quote_matches: Vec<QuoteMatch>,
    /// Passages shared nearly word for word between articles.
    #[serde(default)]
    pub reuse: Vec<Reuse>,
    /// Versions of a claim whose numbers, dates or negation differ.
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
    /// Loaded words, hedges and distancing verbs per 1,000 words, per article.
    #[serde(default)]
    pub tone: Vec<Tone>,
    /// Shared claims one outlet leads with and another buries or omits.
    #[serde(default)]
    pub prominence: Vec<ProminenceFlag>,
}

/// Runs the framing analysis.
pub fn analyze(input: &Input<'_>) -> Framing {
    let found = markers::scan(input);
    let mut markers = markers::markers(input, &found);
    let diffs = diff::claim_diffs(input);
    let (labels, label_markers) = labels::discover(input, &found, &diffs);
    markers.extend(label_markers);
    markers.sort_by(|x, y| {
        (x.article, x.start, x.end, &x.category).cmp(&(y.article, y.start, y.end, &y.category))
    });
    markers.dedup_by(|x, y| (x.article, x.start, x.end) == (y.article, y.start, y.end));
    let attributions = attribution::audit(input, &found);
    let quotes = quotes::ledger(input, &attributions);
    let quote_matches = quotes::matches(input.articles, &quotes);
    Framing {
        markers,
        labels,
        quotes,
        quote_matches,
        reuse: reuse::find(input),
        contradictions: contradictions::find(input, &diffs),
        tone: tone::measure(input, &found),
        prominence: prominence::flags(input),
        attributions,
    }
}
