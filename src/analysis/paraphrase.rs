//! Normalisation of common news paraphrase: words that state the same claim with different
//! wording map to one concept key (firms/companies/enterprises, said/told/stated, ...), so the
//! aligner sees "Chinese firms" and "Chinese companies" as the same words. Country metonyms
//! (Beijing for China, Washington for the US) map to the country: they are labels for one actor.
//!
//! English only for now; other languages use their stems as they are.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::language::Language;

/// Groups of words with one meaning in news text, first word names the concept.
const GROUPS: &[&[&str]] = &[
    &[
        "company",
        "companies",
        "firm",
        "firms",
        "enterprise",
        "enterprises",
        "business",
        "businesses",
        "corporation",
        "corporations",
        "entity",
        "entities",
    ],
    &[
        "say",
        "said",
        "says",
        "tell",
        "told",
        "state",
        "stated",
        "declare",
        "declared",
        "announce",
        "announced",
        "add",
        "added",
        "claim",
        "claimed",
        "insist",
        "insisted",
        "allege",
        "alleged",
        "assert",
        "asserted",
        "note",
        "noted",
        "explain",
        "explained",
        "argue",
        "argued",
        "remark",
        "remarked",
        "comment",
        "commented",
    ],
    &[
        "defend",
        "defended",
        "protect",
        "protected",
        "safeguard",
        "safeguarded",
        "shield",
        "shielded",
        "uphold",
    ],
    &["warn", "warned", "threaten", "threatened", "threat", "threats", "caution", "cautioned"],
    &[
        "sanction",
        "sanctions",
        "sanctioned",
        "restriction",
        "restrictions",
        "restrict",
        "curb",
        "curbs",
        "penalty",
        "penalties",
        "penalize",
        "punish",
        "punishment",
        "embargo",
        "controls",
    ],
    &[
        "ban",
        "banned",
        "blacklist",
        "blacklisted",
        "bar",
        "barred",
        "prohibit",
        "prohibited",
        "block",
        "blocked",
    ],
    &["chip", "chips", "semiconductor", "semiconductors", "microchip", "microchips"],
    &[
        "supply",
        "supplied",
        "supplies",
        "supplying",
        "sell",
        "sold",
        "selling",
        "sells",
        "provide",
        "provided",
        "providing",
        "ship",
        "shipped",
        "shipping",
        "export",
        "exported",
        "exports",
        "exporting",
        "deliver",
        "delivered",
    ],
    &["china", "chinese", "beijing", "prc"],
    &["us", "u.s", "usa", "america", "american", "americans", "washington"],
    &["russia", "russian", "russians", "moscow", "kremlin"],
    &["ukraine", "ukrainian", "kyiv", "kiev"],
    &["kill", "killed", "dead", "die", "died", "death", "deaths", "fatality", "fatalities"],
    &["injure", "injured", "wound", "wounded", "hurt", "injuries"],
    &[
        "rise",
        "rose",
        "risen",
        "increase",
        "increased",
        "grow",
        "grew",
        "climb",
        "climbed",
        "jump",
        "jumped",
        "surge",
        "surged",
    ],
    &[
        "fall",
        "fell",
        "fallen",
        "decrease",
        "decreased",
        "drop",
        "dropped",
        "decline",
        "declined",
        "plunge",
        "plunged",
    ],
    &["official", "officials", "authorities", "authority"],
    &["minister", "ministry", "secretary", "department"],
    &["spokesman", "spokeswoman", "spokesperson"],
    &["investigate", "investigation", "probe", "inquiry", "review"],
    &["resident", "residents", "locals", "inhabitants", "people"],
    &["evacuate", "evacuated", "evacuation", "evacuations", "flee", "fled", "displaced", "displace"],
    &[
        "comply",
        "complies",
        "complied",
        "compliance",
        "follow",
        "follows",
        "obey",
        "obeys",
        "abide",
        "abides",
    ],
    &[
        "violate",
        "violates",
        "violated",
        "violation",
        "violations",
        "breach",
        "breaches",
        "breached",
        "contravene",
    ],
    &["neutral", "neutrality", "impartial", "impartiality"],
    &["license", "licence", "licenses", "licences", "licensing", "permit", "permits"],
    &["blast", "explosion", "explosions", "blasts"],
    &["vote", "votes", "voted", "ballot", "margin"],
    &["flood", "flooded", "flooding", "floods", "inundated", "deluge"],
    &["strike", "strikes", "walkout", "stoppage"],
    &["worker", "workers", "employee", "employees", "staff", "labourers", "laborers"],
    &["law", "laws", "legislation", "bill", "act", "statute"],
    &["pass", "passed", "approve", "approved", "adopt", "adopted", "enact", "enacted"],
    &["military", "army", "armed", "forces", "troops", "defense", "defence"],
    &["war", "invasion", "invade", "invaded", "attack", "conflict", "aggression", "offensive"],
    &["accuse", "accused", "blame", "blamed", "charge", "charged"],
    &["reject", "rejected", "deny", "denied", "dismiss", "dismissed", "refuse", "refused"],
    &["illegal", "unlawful", "illegitimate", "illicit"],
    &["meet", "met", "meeting", "talks", "summit"],
    &["plan", "plans", "planned", "intend", "intends", "intended"],
];

/// English stem → concept key.
static ENGLISH: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let en = Language::english();
    let mut map = HashMap::new();
    for group in GROUPS {
        let concept = format!("~{}", group[0]);
        for word in *group {
            map.entry(en.stem(word)).or_insert_with(|| concept.clone());
            map.entry(word.to_string()).or_insert_with(|| concept.clone());
        }
    }
    map
});

/// The concept key for a token (by its stem, then its lower-case form), if it has one.
pub fn concept<'a>(language: &str, stem: &str, lower: &str) -> Option<&'a str> {
    if language != "en" {
        return None;
    }
    ENGLISH.get(stem).or_else(|| ENGLISH.get(lower)).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_a_concept() {
        let en = Language::english();
        let rows = [("firms", "companies"), ("told", "said"), ("safeguard", "defend"), ("Beijing", "China")];
        for (a, b) in rows {
            let (la, lb) = (a.to_lowercase(), b.to_lowercase());
            let ca = concept("en", &en.stem(&la), &la);
            assert!(ca.is_some(), "{a}");
            assert_eq!(ca, concept("en", &en.stem(&lb), &lb), "{a} ~ {b}");
        }
        assert_eq!(concept("fr", "entrepris", "entreprises"), None);
    }
}
