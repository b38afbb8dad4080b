//! Deterministic generator of synthetic article sets for benchmarks and stress tests.
//!
//! Articles about one invented event share some facts (worded with varying synonyms, order and
//! numbers) and add many sentences of their own, so the aligner faces the realistic mix of
//! agreement and noise rather than copies. Same arguments, same text.

use crate::ingest::{self, Article};

/// A small xorshift generator: deterministic across platforms, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ACTORS: &[&str] = &[
    "the trade ministry",
    "the central bank",
    "the port authority",
    "the union leadership",
    "the regional governor",
    "the energy regulator",
    "the defence ministry",
    "the city council",
    "the health agency",
    "the transport board",
    "the customs service",
    "the election commission",
];
const VERBS: &[&str] = &["said", "told reporters", "stated", "announced", "claimed", "insisted", "noted"];
const ACTIONS: &[&str] = &[
    "would review the contracts",
    "had suspended the shipments",
    "planned to raise the tariffs",
    "was investigating the suppliers",
    "would compensate the farmers",
    "had closed the border crossing",
    "expected the prices to fall",
    "rejected the proposal",
    "would hire more inspectors",
    "had approved the emergency budget",
    "would extend the deadline",
    "blamed the contractors",
];
const ADJECTIVES: &[&str] = &[
    "northern",
    "temporary",
    "disputed",
    "costly",
    "delayed",
    "independent",
    "regional",
    "urgent",
    "private",
    "federal",
    "rural",
    "coastal",
    "annual",
    "secret",
    "modern",
    "fragile",
];
const PLACES: &[&str] =
    &["Varnholm", "Ostrava Bay", "Keldar", "Mirova", "Port Anselm", "Tallow Creek", "Brevik"];
const OUTLETS: &[&str] = &["Courier", "Ledger", "Gazette", "Herald", "Wire", "Observer", "Post", "Times"];

/// One fact of the event, worded anew by each article.
fn fact(rng: &mut Rng, event: usize, k: usize) -> String {
    let actor = ACTORS[(event * 7 + k * 3) % ACTORS.len()];
    let action = ACTIONS[(event * 5 + k) % ACTIONS.len()];
    let place = PLACES[(event + k) % PLACES.len()];
    let number = 10 + (event * 31 + k * 17) % 400;
    let verb = rng.pick(VERBS);
    // Words only this fact of this event uses.
    let mut own = Rng((((event as u64 + 1) << 20) | (k as u64 + 1)).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let topic = format!("{} {}", vocabulary_word(&mut own), vocabulary_word(&mut own));
    match rng.below(3) {
        0 => format!(
            "In {place}, {actor} {verb} on Monday that it {action} over the {topic} after {number} complaints."
        ),
        1 => format!(
            "{} {verb} that it {action} over the {topic}, citing {number} complaints from {place}.",
            capitalise(actor)
        ),
        _ => format!("After {number} complaints about the {topic} in {place}, {actor} {verb} it {action}."),
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ren", "vi", "sto", "mar", "del", "un", "pra", "ti", "gor", "sel", "an", "bru", "mi", "nor",
    "tes", "val", "qui", "ost", "ber", "lin", "dra", "po", "sen", "cal", "fe", "rum", "zo", "har",
];

/// A word of the generated vocabulary: rank `r` of a Zipf-like distribution (low ranks common).
fn vocabulary_word(rng: &mut Rng) -> String {
    // Zipf-like: the square of a uniform draw favours small ranks; 20,000 distinct words in all.
    let u = rng.below(1 << 16) as f64 / f64::from(1u32 << 16);
    let mut rank = (u * u * 20_000.0) as usize;
    let mut word = String::new();
    for _ in 0..2 + rank % 3 {
        word.push_str(SYLLABLES[rank % SYLLABLES.len()]);
        rank /= SYLLABLES.len();
    }
    word
}

/// A sentence of the article's own: varied words, no fact of the event.
fn filler(rng: &mut Rng) -> String {
    let n = 9 + rng.below(14);
    let mut words: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        words.push(match i % 4 {
            0..=2 => vocabulary_word(rng),
            _ => rng
                .pick(&["near", "beyond", "under", "with", "after", "before", "despite", "around"])
                .to_string(),
        });
    }
    format!("{} {}.", capitalise(rng.pick(&["The", "A", "Another", "One"])), words.join(" "))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// `articles` synthetic articles of about `words` words each, about `events` different stories.
pub fn article_set(articles: usize, words: usize, events: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    (0..articles)
        .map(|i| {
            let event = i % events.max(1);
            let mut text = format!(
                "{} {} report {i} on the {} dispute\n\n",
                rng.pick(PLACES),
                rng.pick(OUTLETS),
                rng.pick(ADJECTIVES)
            );
            let mut count = 0;
            let mut k = 0;
            while count < words {
                let sentence = if rng.below(3) == 0 {
                    k += 1;
                    let which = rng.below(12 + k % 3);
                    fact(&mut rng, event, which)
                } else {
                    filler(&mut rng)
                };
                count += sentence.split_whitespace().count();
                text.push_str(&sentence);
                text.push(if rng.below(3) == 0 { '\n' } else { ' ' });
            }
            let name = format!("synthetic-{i:03}.txt");
            // Generated text is never empty, so ingest cannot fail; fall back to an empty article anyway.
            ingest::from_text(&text, &name).unwrap_or_default()
        })
        .collect()
}

/// A `parallax analyze --batch` file of tiny articles: `lines` sets of five two-line articles,
/// one JSON set per line (the stress case for batch input).
pub fn tiny_batch(lines: usize) -> String {
    let subjects = ["council", "harbour", "school", "bridge", "market"];
    let lines: Vec<String> = (0..lines)
        .map(|line| {
            let articles: Vec<serde_json::Value> = (0..5)
                .map(|k| {
                    let text = format!(
                        "Note {line}-{k}\nThe {} vote number {line} passed on Monday, officials said.",
                        subjects[(line + k) % subjects.len()]
                    );
                    serde_json::json!({"text": text, "name": format!("n{line}-{k}.txt")})
                })
                .collect();
            serde_json::json!({ "articles": articles }).to_string()
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = article_set(3, 300, 1, 7);
        let b = article_set(3, 300, 1, 7);
        assert_eq!(a, b);
        assert!(
            a.iter().all(|x| (300..400).contains(&x.word_count())),
            "{:?}",
            a.iter().map(Article::word_count).collect::<Vec<_>>()
        );
        assert_ne!(a[0].body, a[1].body);
    }
}
