//! Prominence: a shared claim one outlet leads with while another buries or leaves it out.
//!
//! Takes the claims (each member knows whether it sits in the lede, the upper or the lower half
//! of its article); gives a flag for each shared claim that at least one article carries in its
//! lede and at least one other carries only in its lower half or omits.

use serde::{Deserialize, Serialize};

use super::Input;
use crate::analysis::{ClaimKind, Prominence};

/// A shared claim placed very differently by different articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProminenceFlag {
    /// Claim id.
    pub claim: usize,
    /// The claim's representative wording.
    pub label: String,
    /// Articles that carry it in their lede.
    pub lede: Vec<usize>,
    /// Articles that carry it only in their lower half.
    pub buried: Vec<usize>,
    /// Articles of the same story that leave it out.
    pub omitted: Vec<usize>,
    /// Plain-words explanation.
    pub note: String,
}

/// The flags, ordered by claim id.
pub fn flags(input: &Input<'_>) -> Vec<ProminenceFlag> {
    let mut out = Vec::new();
    for claim in input.claims.iter().filter(|c| c.kind == ClaimKind::Shared) {
        let mut best: Vec<(usize, Prominence)> = Vec::new();
        for m in &claim.members {
            match best.iter_mut().find(|(a, _)| *a == m.article) {
                Some((_, p)) => *p = (*p).min(m.prominence),
                None => best.push((m.article, m.prominence)),
            }
        }
        best.sort();
        let with =
            |want: Prominence| best.iter().filter(|(_, p)| *p == want).map(|(a, _)| *a).collect::<Vec<_>>();
        let (lede, buried) = (with(Prominence::Lede), with(Prominence::Lower));
        let omitted = claim.omitted_by.clone();
        if lede.is_empty() || (buried.is_empty() && omitted.is_empty()) {
            continue;
        }
        out.push(ProminenceFlag {
            claim: claim.id,
            label: claim.label.clone(),
            note: note(&lede, &buried, &omitted),
            lede,
            buried,
            omitted,
        });
    }
    out
}

fn note(lede: &[usize], buried: &[usize], omitted: &[usize]) -> String {
    let count = |n: usize| if n == 1 { "1 source".to_string() } else { format!("{n} sources") };
    let mut parts = vec![format!("{} open with this", count(lede.len()))];
    if !buried.is_empty() {
        parts.push(format!("{} put it in the lower half", count(buried.len())));
    }
    if !omitted.is_empty() {
        parts.push(format!("{} leave it out", count(omitted.len())));
    }
    let mut note = parts.join("; ");
    note.push_str(". Where a fact sits shows how important each outlet thinks it is.");
    note
}
