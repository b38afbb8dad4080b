//! The student worksheet and its answer key, built from the analysis.
//!
//! The handout lists each article with numbered sentences (B4 = Source B, sentence 4) and asks
//! questions whose answers the analysis knows: which source leaves out a shared fact, which verb
//! each source uses for the same statement, who said a quotation that sources pin on different
//! people, which sentence two sources share almost word for word,
//! what only one source reports, which word hedges or judges. The answer key repeats the questions
//! with their answers and the sentences that prove them. Both are blind unless the options say
//! otherwise, and both use the same source names so they match.

use std::fmt::Write;

use super::Options;
use super::markdown::{escape, notes};
use super::view::View;
use crate::analysis::{ClaimKind, Comparison, SentenceRef};

/// Lexical similarity at or above which two sentences count as "almost word for word".
pub const NEAR_COPY_LEXICAL: f32 = 0.8;
/// At most this many questions of one kind.
const PER_KIND: usize = 2;

/// What a question asks about.
#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    /// Which sources leave out this shared claim (`Comparison::claims` id).
    LeftOut {
        /// The claim.
        claim: usize,
    },
    /// Which attribution verb each source uses for this claim.
    Verbs {
        /// The claim.
        claim: usize,
    },
    /// The same quotation given to different speakers (`framing.quote_matches` index).
    Misattributed {
        /// The quote match.
        quote_match: usize,
    },
    /// Which sentence two sources share almost word for word.
    NearCopy {
        /// One sentence.
        a: SentenceRef,
        /// The other.
        b: SentenceRef,
    },
    /// What only this source reports (a unique claim).
    OnlyOne {
        /// The claim.
        claim: usize,
    },
    /// Which word in this sentence is a framing marker of this category.
    Word {
        /// Index into `Comparison::framing.markers`.
        marker: usize,
    },
    /// An open discussion question with no single right answer.
    Discussion,
}

/// One question with its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// What it asks about.
    pub kind: QuestionKind,
    /// The question as students read it.
    pub prompt: String,
    /// The answer as the teacher reads it.
    pub answer: String,
    /// The sentences that show the answer.
    pub refs: Vec<SentenceRef>,
}

/// The worksheet is blind unless sources are explicitly shown and blind mode is off.
fn worksheet_blind(options: &Options) -> bool {
    options.blind || !options.show_sources_in_worksheet
}

/// The questions for `c`, in a fixed order, named as the worksheet names sources.
pub fn questions(c: &Comparison, options: &Options) -> Vec<Question> {
    let v = View::new(c, options, worksheet_blind(options));
    let mut out = Vec::new();
    left_out(&v, &mut out);
    verbs(&v, &mut out);
    misattributed(&v, &mut out);
    near_copy(&v, &mut out);
    only_one(&v, &mut out);
    words(&v, &mut out);
    out.push(Question {
        kind: QuestionKind::Discussion,
        prompt: "Pick one fact all sources report. Which version would you quote, and why?".into(),
        answer: "Open question: look for reasons based on the wording, not on the brand.".into(),
        refs: Vec::new(),
    });
    out
}

fn quoted(v: &View, text: &str) -> String {
    format!("“{}”", v.text(text.trim()))
}

fn left_out(v: &View, out: &mut Vec<Question>) {
    let claims = v.c.claims.iter().filter(|c| c.kind == ClaimKind::Shared && !c.omitted_by.is_empty());
    for claim in claims.take(PER_KIND) {
        out.push(Question {
            kind: QuestionKind::LeftOut { claim: claim.id },
            prompt: format!("Which source leaves out this fact: {}?", quoted(v, &claim.label)),
            answer: format!(
                "{} (reported in {})",
                v.names(&claim.omitted_by),
                claim.members.iter().map(|m| View::sref(m.sentence_ref())).collect::<Vec<_>>().join(", ")
            ),
            refs: claim.members.iter().map(|m| m.sentence_ref()).collect(),
        });
    }
}

/// The reporting verb of a sentence and who speaks: from the attribution audit, else from an
/// attribution marker (speaker unknown).
fn verb_in(v: &View, r: SentenceRef) -> Option<(String, Option<String>)> {
    let f = &v.c.framing;
    if let Some(a) = f.attributions.iter().find(|a| a.article == r.article && a.sentence == r.sentence) {
        let speaker = (a.speaker != "unknown").then(|| a.speaker.clone());
        return Some((a.verb.clone(), speaker));
    }
    f.markers
        .iter()
        .find(|m| m.article == r.article && m.sentence == r.sentence && m.category.starts_with("attribution"))
        .map(|m| (m.term.clone(), None))
}

fn verbs(v: &View, out: &mut Vec<Question>) {
    let mut asked = 0;
    for claim in v.c.claims.iter().filter(|c| c.kind == ClaimKind::Shared) {
        let per_source: Vec<(SentenceRef, String, Option<String>)> = claim
            .members
            .iter()
            .filter_map(|m| verb_in(v, m.sentence_ref()).map(|(verb, who)| (m.sentence_ref(), verb, who)))
            .collect();
        let mut terms: Vec<String> = per_source.iter().map(|(_, verb, _)| verb.to_lowercase()).collect();
        terms.sort_unstable();
        terms.dedup();
        if per_source.len() < 2 || terms.len() < 2 || asked == PER_KIND {
            continue;
        }
        asked += 1;
        let answer = per_source
            .iter()
            .map(|(r, verb, _)| format!("{}: “{}” ({})", v.source(r.article), v.text(verb), View::sref(*r)))
            .collect::<Vec<_>>()
            .join("; ");
        let whose = match per_source.iter().find_map(|(_, _, who)| who.as_deref()) {
            Some(who) if who.ends_with('s') => format!("{}’ statement", v.text(who)),
            Some(who) => format!("{}’s statement", v.text(who)),
            None => "this statement".into(),
        };
        out.push(Question {
            kind: QuestionKind::Verbs { claim: claim.id },
            prompt: format!(
                "Which verb does each source use for {whose}: {}? What does each verb suggest?",
                quoted(v, &claim.label)
            ),
            answer,
            refs: per_source.iter().map(|(r, _, _)| *r).collect(),
        });
    }
}

fn misattributed(v: &View, out: &mut Vec<Question>) {
    let f = &v.c.framing;
    let found = f.quote_matches.iter().enumerate().find(|(_, m)| m.different_speaker);
    let Some((i, m)) = found else { return };
    let (Some(a), Some(b)) = (f.quotes.get(m.a), f.quotes.get(m.b)) else { return };
    let who = |q: &crate::framing::Quote| v.text(q.speaker.as_deref().unwrap_or("nobody named")).into_owned();
    out.push(Question {
        kind: QuestionKind::Misattributed { quote_match: i },
        prompt: format!("Who said {}? Do the sources agree?", quoted(v, &a.text)),
        answer: format!(
            "No: {} gives it to {} ({}), {} to {} ({}). Check who really said it.",
            v.source(a.article),
            who(a),
            View::sref(SentenceRef { article: a.article, sentence: a.sentence }),
            v.source(b.article),
            who(b),
            View::sref(SentenceRef { article: b.article, sentence: b.sentence })
        ),
        refs: vec![
            SentenceRef { article: a.article, sentence: a.sentence },
            SentenceRef { article: b.article, sentence: b.sentence },
        ],
    });
}

fn near_copy(v: &View, out: &mut Vec<Question>) {
    let best =
        v.c.links
            .iter()
            .filter(|l| l.evidence.lexical >= NEAR_COPY_LEXICAL && l.a.article != l.b.article)
            .max_by(|x, y| {
                x.evidence.lexical.total_cmp(&y.evidence.lexical).then(y.a.cmp(&x.a)).then(y.b.cmp(&x.b))
            });
    if let Some(l) = best {
        out.push(Question {
            kind: QuestionKind::NearCopy { a: l.a, b: l.b },
            prompt: "Which sentence appears almost word for word in two sources? Give both sentence numbers."
                .into(),
            answer: format!(
                "{} and {} ({:.0}% of the words shared): {}",
                View::sref(l.a),
                View::sref(l.b),
                l.evidence.lexical * 100.0,
                quoted(v, v.c.sentence_text(l.a))
            ),
            refs: vec![l.a, l.b],
        });
    }
}

fn only_one(v: &View, out: &mut Vec<Question>) {
    let mut seen: Vec<usize> = Vec::new();
    for claim in v.c.claims.iter().filter(|c| c.kind == ClaimKind::Unique && !c.members.is_empty()) {
        let article = claim.members[0].article;
        // Only ask when there is someone to compare with, once per source.
        if seen.contains(&article) || seen.len() == PER_KIND || v.c.articles.len() < 2 {
            continue;
        }
        seen.push(article);
        let refs: Vec<SentenceRef> = claim.members.iter().map(|m| m.sentence_ref()).collect();
        out.push(Question {
            kind: QuestionKind::OnlyOne { claim: claim.id },
            prompt: format!(
                "Find a fact that {} reports and no other source mentions. Why might the others leave it out?",
                v.source(article)
            ),
            answer: format!(
                "For example {}: {}",
                refs.iter().map(|r| View::sref(*r)).collect::<Vec<_>>().join(", "),
                quoted(v, &claim.label)
            ),
            refs,
        });
    }
}

fn words(v: &View, out: &mut Vec<Question>) {
    let asks: [(&str, &str); 2] =
        [("hedge", "makes the statement sound less certain"), ("loaded", "judges rather than describes")];
    for (category, what) in asks {
        let found = v.c.framing.markers.iter().enumerate().find(|(_, m)| m.category.contains(category));
        if let Some((i, m)) = found {
            let r = SentenceRef { article: m.article, sentence: m.sentence };
            out.push(Question {
                kind: QuestionKind::Word { marker: i },
                prompt: format!("In sentence {}, which word {what}?", View::sref(r)),
                answer: format!("“{}”: {}", v.text(&m.term), v.text(&m.note)),
                refs: vec![r],
            });
        }
    }
}

/// The student handout (Markdown): instructions, numbered articles, questions with space to answer.
pub fn handout(c: &Comparison, options: &Options) -> String {
    let v = View::new(c, options, worksheet_blind(options));
    let mut out = String::new();
    let _ = writeln!(out, "# Worksheet: {}\n", escape(&v.report_title(options)));
    out.push_str("Name: ______________________  Date: ______________\n\n");
    out.push_str(
        "Read the articles. Every sentence has a number: **B4** is sentence 4 of Source B. \
         Answer the questions at the end and give sentence numbers as evidence.\n\n",
    );
    for (i, a) in c.articles.iter().enumerate() {
        let _ = writeln!(out, "## {}: {}\n", escape(&v.source(i)), escape(&v.title(i)));
        for s in 0..a.sentences.len() {
            let r = SentenceRef { article: i, sentence: s };
            let _ = writeln!(out, "**{}** {}  ", View::sref(r), escape(&v.sentence(r)));
        }
        out.push('\n');
    }
    out.push_str("## Questions\n\n");
    for (n, q) in questions(c, options).iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {}\n\n   ______________________________________________\n",
            n + 1,
            escape(&q.prompt)
        );
    }
    notes(&v, &mut out, "Notes from your teacher");
    out
}

/// The answer key (Markdown): each question with its answer and the sentences that show it.
pub fn answer_key(c: &Comparison, options: &Options) -> String {
    let v = View::new(c, options, worksheet_blind(options));
    let mut out = String::new();
    let _ = writeln!(out, "# Answer key: {}\n", escape(&v.report_title(options)));
    out.push_str("_For the teacher. Sentence numbers match the student worksheet._\n\n");
    for (n, q) in questions(c, options).iter().enumerate() {
        let _ = writeln!(out, "{}. {}\n", n + 1, escape(&q.prompt));
        let _ = writeln!(out, "   **Answer:** {}\n", escape(&q.answer));
        if !q.refs.is_empty() {
            let refs: Vec<String> = q.refs.iter().map(|r| View::sref(*r)).collect();
            let _ = writeln!(out, "   **Evidence:** {}\n", refs.join(", "));
        }
    }
    if v.blind && !options.blind {
        // The handout hid the sources; the teacher's key says who is who.
        let named = View::new(c, options, false);
        out.push_str("## Who is who\n\n| Worksheet name | Outlet | Date |\n|---|---|---|\n");
        for i in 0..c.articles.len() {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape(&v.source(i)),
                escape(&named.source(i)),
                escape(named.identity(i)[0].unwrap_or(""))
            );
        }
        out.push('\n');
    }
    notes(&v, &mut out, "Notes");
    out
}
