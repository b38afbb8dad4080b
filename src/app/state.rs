//! What the window shows besides the analysis itself: selection, hover, filters, dialogs,
//! notifications and preferences. Panels read it; only `App::apply` writes it.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::action::{Filter, SortKey, View};
use crate::analysis::{Claim, ClaimKind, Comparison, SentenceRef};
use crate::report::Redactor;
use crate::session::Note;

/// Default article font size in points (readable from the back of a classroom at 1080p).
pub const DEFAULT_FONT_SIZE: f32 = 18.0;
/// Smallest and largest article font sizes.
pub const FONT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 11.0..=40.0;

/// Preferences kept between runs (eframe storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Dark theme (else light).
    pub dark: bool,
    /// Article font size in points.
    pub font_size: f32,
    /// Similarity threshold.
    pub threshold: f32,
    /// Blind mode.
    pub blind: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            dark: false,
            font_size: DEFAULT_FONT_SIZE,
            threshold: crate::Settings::default().threshold,
            blind: false,
        }
    }
}

/// How serious a notification is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something worked (e.g. "report saved").
    Info,
    /// Something failed; the text says what to do.
    Error,
}

/// A button a notification can carry besides Dismiss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeButton {
    /// Put back the work that was just replaced (New, a sample set, another session).
    BringBack,
}

/// A message shown once until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    /// Stable id for dismissing.
    pub id: u64,
    /// Info or error.
    pub level: Level,
    /// What happened and what to do.
    pub text: String,
    /// An extra button, if any.
    pub button: Option<NoticeButton>,
}

/// What the crash-recovery prompt says about the work it offers.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// When it was autosaved, seconds since 1970 (None if the file time is unknown).
    pub saved_secs: Option<u64>,
    /// How many articles it holds.
    pub articles: usize,
    /// How many notes it holds.
    pub notes: usize,
}

/// The URL dialog.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlDraft {
    /// What the user typed.
    pub text: String,
    /// The ticket of the fetch in progress, if any.
    pub pending: Option<u64>,
}

/// Lookups derived once from each new `Comparison`, so a frame never recomputes them.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// `claims_of[article][sentence]`: claim ids.
    pub claims_of: Vec<Vec<Vec<usize>>>,
    /// `markers_of[article][sentence]`: indices into `framing.markers`.
    pub markers_of: Vec<Vec<Vec<usize>>>,
    /// Lower-cased bodies for find, byte for byte aligned with the bodies.
    pub lower_bodies: Vec<String>,
    /// `notes_of[article][sentence]`: indices into the notes that mark this sentence (its own
    /// notes and those of the claim it belongs to now).
    pub notes_of: Vec<Vec<Vec<usize>>>,
    /// Replaces outlet names, hosts, file names and bylines in text (used in blind mode).
    pub redactor: Option<Arc<Redactor>>,
}

impl Index {
    /// Builds the lookups for `c`.
    pub fn build(c: &Comparison) -> Index {
        let mut markers_of: Vec<Vec<Vec<usize>>> =
            c.articles.iter().map(|a| vec![Vec::new(); a.sentences.len()]).collect();
        for (i, m) in c.framing.markers.iter().enumerate() {
            if let Some(slot) = markers_of.get_mut(m.article).and_then(|a| a.get_mut(m.sentence)) {
                slot.push(i);
            }
        }
        Index {
            claims_of: c.claims_by_sentence(),
            markers_of,
            lower_bodies: c.articles.iter().map(|a| lower_same_length(&a.body)).collect(),
            notes_of: Vec::new(),
            redactor: Redactor::new(c).map(Arc::new),
        }
    }

    /// Indices of the notes that mark a sentence.
    pub fn notes(&self, r: SentenceRef) -> &[usize] {
        self.notes_of.get(r.article).and_then(|a| a.get(r.sentence)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Claim ids of a sentence (empty for headings and short sentences).
    pub fn claims(&self, r: SentenceRef) -> &[usize] {
        self.claims_of.get(r.article).and_then(|a| a.get(r.sentence)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Marker indices of a sentence.
    pub fn markers(&self, r: SentenceRef) -> &[usize] {
        self.markers_of.get(r.article).and_then(|a| a.get(r.sentence)).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Lower case with byte offsets unchanged (so body spans still apply); ASCII-only where full
/// lower-casing would change lengths.
fn lower_same_length(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.len() == text.len() { lower } else { text.to_ascii_lowercase() }
}

/// Everything the panels read besides the `Comparison`.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// The tab shown.
    pub view: View,
    /// The selected claim id.
    pub selected: Option<usize>,
    /// The sentence that was clicked, if the selection came from one.
    pub selected_sentence: Option<SentenceRef>,
    /// The sentence under the pointer.
    pub hovered: Option<SentenceRef>,
    /// Sentences the columns should scroll into view on the next frame.
    pub scroll_to: Vec<SentenceRef>,
    /// The claim filter.
    pub filter: Filter,
    /// The find query (None: find bar closed).
    pub find: Option<String>,
    /// Which match `FindNext` went to last.
    pub find_cursor: usize,
    /// Dark theme, font size, threshold, blind mode.
    pub prefs: Prefs,
    /// Presenter mode.
    pub presenter: bool,
    /// Column colours, one per article.
    pub colours: Vec<[u8; 3]>,
    /// Messages on screen.
    pub notifications: Vec<Notification>,
    /// The paste dialog's text (None: closed).
    pub paste: Option<String>,
    /// The URL dialog (None: closed).
    pub url: Option<UrlDraft>,
    /// The article manager is open.
    pub manage_open: bool,
    /// Claims matrix sort key and direction (true: ascending).
    pub sort: (SortKey, bool),
    /// Files are being loaded in the background.
    pub loading: bool,
    /// An analysis newer than the one shown is running.
    pub analysing: bool,
    /// The bundled set shown, if any.
    pub set_name: Option<String>,
    /// Derived lookups for the shown comparison.
    pub index: Index,
    /// The selected claim's versions with their differing words marked, and what differs from the
    /// first version in plain words; one entry per member, computed once per selection.
    pub versions: Vec<Version>,
    /// The user's notes on claims and sentences (saved in sessions and every export).
    pub notes: Vec<Note>,
    /// What is typed in the detail pane's note field.
    pub note_draft: String,
    /// The note being written on a sentence (which, and the text), while its dialog is open.
    pub sentence_note: Option<(SentenceRef, String)>,
    /// The `.parallax` file the work was opened from or last saved to.
    pub session_path: Option<PathBuf>,
    /// True when there are changes not saved to a session file.
    pub dirty: bool,
    /// Recently opened or saved sessions, newest first.
    pub recent: Vec<PathBuf>,
    /// The crash-recovery prompt, while it is shown.
    pub recovery: Option<RecoveryOffer>,
    /// The export choice is open.
    pub export_open: bool,
}

/// One version of the selected claim, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct Version {
    /// The sentence with its differing words marked.
    pub pieces: Vec<crate::app::diff::Piece>,
    /// Framing differences from the first version ("“claimed” instead of “said” (hedge or distancing verb)").
    pub changes: Vec<String>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            view: View::Columns,
            selected: None,
            selected_sentence: None,
            hovered: None,
            scroll_to: Vec::new(),
            filter: Filter::All,
            find: None,
            find_cursor: 0,
            prefs: Prefs::default(),
            presenter: false,
            colours: Vec::new(),
            notifications: Vec::new(),
            paste: None,
            url: None,
            manage_open: false,
            sort: (SortKey::Order, true),
            loading: false,
            analysing: false,
            set_name: None,
            index: Index::default(),
            versions: Vec::new(),
            notes: Vec::new(),
            note_draft: String::new(),
            sentence_note: None,
            session_path: None,
            dirty: false,
            recent: Vec::new(),
            recovery: None,
            export_open: false,
        }
    }
}

impl ViewState {
    /// True when `claim` passes the current filter.
    pub fn passes(&self, c: &Comparison, claim: &Claim) -> bool {
        match self.filter {
            Filter::All => true,
            Filter::SharedByAll => c.shared_by_all(claim),
            Filter::SharedBySome => claim.kind == ClaimKind::Shared && !c.shared_by_all(claim),
            Filter::Unique => claim.kind == ClaimKind::Unique,
        }
    }

    /// The name shown for article `i`: "Source A" in blind mode, else the outlet.
    pub fn source_name(&self, c: &Comparison, i: usize) -> String {
        let outlet = c.articles.get(i).map(|a| a.meta.outlet.trim()).unwrap_or("");
        if self.prefs.blind {
            crate::report::json::blind_name(i)
        } else if outlet.is_empty() {
            format!("Article {}", i + 1)
        } else {
            outlet.to_string()
        }
    }

    /// `text` with outlet names, hosts, file names and bylines replaced by "Source A" … in blind
    /// mode; unchanged otherwise. Every panel passes free text (titles, sentences, labels, notes,
    /// notifications) through it.
    pub fn redact<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match (&self.index.redactor, self.prefs.blind) {
            (Some(r), true) => r.apply(text),
            _ => Cow::Borrowed(text),
        }
    }

    /// The claim a sentence stands for: the selected claim if it is among its claims, else its first.
    pub fn claim_of(&self, r: SentenceRef) -> Option<usize> {
        let claims = self.index.claims(r);
        match self.selected {
            Some(s) if claims.contains(&s) => Some(s),
            _ => claims.first().copied(),
        }
    }

    /// Sentences matching the find query, in article then sentence order.
    pub fn find_matches(&self, c: &Comparison) -> Vec<SentenceRef> {
        let Some(q) = self.find.as_deref().map(str::to_lowercase).filter(|q| !q.trim().is_empty()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (ai, a) in c.articles.iter().enumerate() {
            let Some(lower) = self.index.lower_bodies.get(ai) else { continue };
            for (si, s) in a.sentences.iter().enumerate() {
                // Lower-casing can change byte lengths for a few scripts; `get` keeps this safe.
                if lower.get(s.span.start..s.span.end).is_some_and(|t| t.contains(&q)) {
                    out.push(SentenceRef { article: ai, sentence: si });
                }
            }
        }
        out
    }
}
