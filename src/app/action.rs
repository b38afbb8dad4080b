//! Everything a user can ask the window to do. Panels push [`Action`]s; only
//! [`crate::app::App::apply`] turns them into state changes, so every change is testable without a window.

use std::path::PathBuf;

use crate::analysis::SentenceRef;
use crate::ingest::Article;
use crate::report::Format;

/// The main views, shown as tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// Articles side by side.
    #[default]
    Columns,
    /// Claims × sources table.
    Matrix,
    /// Framing markers, labels, attribution, tone.
    Framing,
    /// The quote ledger.
    Quotes,
    /// Passages repeated nearly word for word.
    Copying,
}

impl View {
    /// All views in tab order.
    pub const ALL: [View; 5] = [View::Columns, View::Matrix, View::Framing, View::Quotes, View::Copying];

    /// The tab title.
    pub fn title(self) -> &'static str {
        match self {
            View::Columns => "Side by side",
            View::Matrix => "Claims matrix",
            View::Framing => "Framing",
            View::Quotes => "Quotes",
            View::Copying => "Copying",
        }
    }
}

/// Which claims to show (tint in the columns, rows in the matrix, steps for next/previous).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Filter {
    /// Every claim.
    #[default]
    All,
    /// Claims every article of the story carries.
    SharedByAll,
    /// Claims some but not all articles carry.
    SharedBySome,
    /// Claims only one article carries.
    Unique,
}

impl Filter {
    /// All filters in menu order.
    pub const ALL: [Filter; 4] = [Filter::All, Filter::SharedByAll, Filter::SharedBySome, Filter::Unique];

    /// The button text.
    pub fn title(self) -> &'static str {
        match self {
            Filter::All => "All claims",
            Filter::SharedByAll => "Shared by all",
            Filter::SharedBySome => "Shared by some",
            Filter::Unique => "Unique",
        }
    }
}

/// How the claims matrix is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The analysis order (shared by most first).
    #[default]
    Order,
    /// Alphabetically by label.
    Label,
    /// By how many sources carry the claim.
    Sources,
    /// By confidence.
    Confidence,
}

/// A font size change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FontChange {
    /// One step bigger (Ctrl +).
    Bigger,
    /// One step smaller (Ctrl -).
    Smaller,
    /// Back to the default size (Ctrl 0).
    Reset,
}

/// What finished loading on a background thread.
#[derive(Debug)]
pub struct Loaded {
    /// The ticket the request was given; a cancelled ticket's result is dropped.
    pub ticket: u64,
    /// One result per input, in input order; errors are ready-to-show messages.
    pub results: Vec<Result<Article, String>>,
}

/// Something the user (or a finished background job) asks the app to do.
#[derive(Debug)]
pub enum Action {
    /// Select a claim (None clears), scrolling the columns to its sentences.
    SelectClaim(Option<usize>),
    /// A sentence was clicked: select its claim and scroll the other columns to the counterparts.
    SelectSentence(SentenceRef),
    /// The pointer is over this sentence (None: over none).
    HoverSentence(Option<SentenceRef>),
    /// The columns scrolled to what was asked; stop scrolling.
    ScrollDone,
    /// Change the similarity threshold and re-analyse.
    SetThreshold(f32),
    /// Show the native open dialog (never used by tests).
    OpenDialog,
    /// Load these files (from the dialog, drag and drop or the command line).
    OpenFiles(Vec<PathBuf>),
    /// Open (true) or close (false) the paste dialog.
    ShowPaste(bool),
    /// The paste dialog's text changed.
    EditPaste(String),
    /// Add the pasted text or HTML as an article.
    PasteArticle(String),
    /// Open (true) or close (false) the add-from-URL dialog.
    ShowUrl(bool),
    /// The URL field changed.
    EditUrl(String),
    /// Fetch this URL in the background.
    AddUrl(String),
    /// Stop waiting for the URL being fetched; its result is dropped.
    CancelUrl,
    /// A background load finished.
    Loaded(Loaded),
    /// Load one of the bundled sample sets, replacing the articles.
    LoadSampleSet(String),
    /// Remove an article.
    RemoveArticle(usize),
    /// Move an article from one position to another.
    MoveArticle {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Rename an article's outlet.
    RenameOutlet(usize, String),
    /// Set an article's publication date (ISO `YYYY-MM-DD`, empty clears).
    SetDate(usize, String),
    /// Set an article's column colour.
    SetColour(usize, [u8; 3]),
    /// Put back a passage cleaning removed.
    RestoreRemoval {
        /// Article index.
        article: usize,
        /// Index into `Article::removed`.
        removal: usize,
    },
    /// Open or close the article manager.
    ShowArticles(bool),
    /// Blind mode on/off (Source A, B, … instead of outlet names).
    ToggleBlind,
    /// Presenter mode on/off.
    TogglePresenter,
    /// Dark/light theme.
    ToggleTheme,
    /// Select the next claim (by the current filter).
    NextClaim,
    /// Select the previous claim.
    PrevClaim,
    /// Change the claim filter.
    SetFilter(Filter),
    /// Open the find bar with this query (None closes it).
    Find(Option<String>),
    /// Scroll to the next sentence matching the find query.
    FindNext,
    /// Change the article font size.
    FontSize(FontChange),
    /// Switch the main view.
    ShowView(View),
    /// Sort the claims matrix by this key (again: reverse).
    SortMatrix(SortKey),
    /// Export a report through a save dialog.
    Export(Format),
    /// Write a report in `format` to this file (what the export dialog does once a file is chosen).
    ExportTo(Format, PathBuf),
    /// Open (true) or close (false) the export choice (Ctrl+E).
    ShowExport(bool),
    /// Close a notification.
    DismissNotification(u64),
    /// Put back the work that New, a sample set or another session replaced.
    BringBack,
    /// Start an empty set (the work it replaces stays in the recovery file and can be brought back).
    NewSession,
    /// Show the native dialog to open a `.parallax` session (never used by tests).
    OpenSessionDialog,
    /// Open this session file, replacing the work (loaded articles stay if it cannot be read).
    OpenSession(PathBuf),
    /// Save to the current session file, or ask where the first time (Ctrl+S).
    Save,
    /// Ask where to save the session (Ctrl+Shift+S; never used by tests).
    SaveAsDialog,
    /// Save the session to this file and keep working on it.
    SaveSession(PathBuf),
    /// Restore the work the crash-recovery prompt offers.
    RestoreRecovery,
    /// Decline the crash-recovery offer; its file is deleted.
    DiscardRecovery,
    /// The detail pane's note field changed.
    EditNoteDraft(String),
    /// Add a note to a claim of the comparison shown.
    AddClaimNote {
        /// Claim id.
        claim: usize,
        /// The note.
        text: String,
    },
    /// Open the note dialog for a sentence (None closes it).
    ShowSentenceNote(Option<SentenceRef>),
    /// The sentence note's text changed.
    EditSentenceNote(String),
    /// Add a note to one sentence.
    AddSentenceNote {
        /// The sentence.
        at: SentenceRef,
        /// The note.
        text: String,
    },
    /// Delete a note (index into the notes).
    DeleteNote(usize),
    /// Close the window (a clean exit: the work is kept for the next start).
    Quit,
}
