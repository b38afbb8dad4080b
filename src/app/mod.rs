//! The desktop window (feature `gui`): articles side by side, claims, framing, quotes, copying.
//!
//! Takes the articles a user brings (or the bundled demo set, or a `.parallax` session) and shows
//! the [`Comparison`] the analysis gives. The UI reads, the app writes: panels in [`ui`] draw from
//! `&Comparison` and `&ViewState` and push [`Action`]s; only [`App::apply`] changes state.
//! Analysis, file loading, URL fetching and autosave run off the UI thread ([`worker`],
//! [`autosave`]); sessions, recovery and the last work are in [`work`], start-up in [`start`].

pub mod action;
mod apply;
pub mod autosave;
pub mod diff;
mod files;
mod keys;
pub mod notes;
pub mod palette;
pub mod rebuild;
pub mod start;
pub mod state;
pub mod ui;
mod work;
pub mod worker;

use std::time::{Duration, Instant};

pub use action::{Action, FontChange, Loaded, View};
pub use start::{StartOptions, run};
pub use state::{Prefs, ViewState};

use crate::analysis::{Comparison, Settings, analyze};
use crate::ingest::Article;
use crate::session::{Session, Store};

/// The application: the loaded articles, the comparison shown and the view state.
pub struct App {
    articles: Vec<Article>,
    comparison: Comparison,
    view: ViewState,
    worker: worker::Worker,
    /// Generation of the newest analysis requested.
    generation: u64,
    /// Generation of the comparison shown.
    shown: u64,
    /// Tickets of file loads in flight.
    file_tickets: Vec<u64>,
    next_ticket: u64,
    next_notification: u64,
    /// Context to wake when background work finishes (None in headless tests).
    ctx: Option<egui::Context>,
    /// The (dark, font size, presenter) the egui style was last set for.
    styled: Option<(bool, f32, bool)>,
    /// Analysis settings besides the threshold (which is `view.prefs.threshold`).
    settings: Settings,
    /// The user's data folder (recent files, recovery, last work); None in tests that want none.
    store: Option<Store>,
    /// Writes the recovery file while the user works (with `store`).
    autosave: Option<autosave::Autosaver>,
    /// The work the crash-recovery prompt offers, until restored or discarded.
    recovery: Option<Session>,
    /// The unsaved work that New, a sample set or another session replaced (for Bring back).
    previous: Option<Session>,
    /// The window title last sent to the window.
    title: String,
    /// Close the window after this frame (File → Quit).
    quit: bool,
}

impl App {
    /// An app on `articles`, analysed synchronously so the first frame already shows the result.
    pub fn with_comparison(articles: Vec<Article>, prefs: Prefs) -> App {
        let settings = Settings { threshold: prefs.threshold, ..Settings::default() };
        App::with_settings(articles, settings, prefs)
    }

    /// An app on `articles` analysed with `settings` (whose threshold wins over the preference).
    fn with_settings(articles: Vec<Article>, settings: Settings, mut prefs: Prefs) -> App {
        prefs.threshold = settings.threshold;
        let comparison = analyze(&articles, &settings);
        let view = ViewState {
            colours: (0..articles.len()).map(palette::article_colour).collect(),
            index: state::Index::build(&comparison),
            prefs,
            ..ViewState::default()
        };
        App {
            articles,
            comparison,
            view,
            worker: worker::Worker::start(),
            generation: 0,
            shown: 0,
            file_tickets: Vec::new(),
            next_ticket: 1,
            next_notification: 1,
            ctx: None,
            styled: None,
            settings,
            store: None,
            autosave: None,
            recovery: None,
            previous: None,
            title: String::new(),
            quit: false,
        }
    }

    /// The app on the bundled demo set.
    pub fn demo(prefs: Prefs) -> App {
        let mut app = App::with_comparison(crate::samples::demo(), prefs);
        app.view.set_name = Some(crate::samples::DEMO_SET.to_string());
        app
    }

    /// Background jobs will wake this context when they finish.
    pub fn set_repaint_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// The comparison shown.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The view state.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The loaded articles (may be newer than the comparison while an analysis runs).
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The settings the next analysis uses.
    pub fn settings(&self) -> Settings {
        Settings { threshold: self.view.prefs.threshold, ..self.settings.clone() }
    }

    /// True while a load or an analysis is in flight.
    pub fn busy(&self) -> bool {
        !self.file_tickets.is_empty()
            || self.view.url.as_ref().is_some_and(|u| u.pending.is_some())
            || self.shown < self.generation
    }

    /// Takes finished background results (never blocks).
    pub fn poll(&mut self) {
        while let Some(loaded) = self.worker.try_loaded() {
            self.apply(Action::Loaded(loaded));
        }
        while let Some((generation, comparison)) = self.worker.try_result() {
            self.accept(generation, comparison);
        }
    }

    /// Blocks until no load or analysis is in flight or `timeout` passes; true when idle.
    /// For tests and benchmarks: the window itself only ever calls [`App::poll`].
    pub fn wait_idle(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while self.busy() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            let step = left.min(Duration::from_millis(20));
            if let Some(loaded) = self.worker.wait_loaded(step) {
                self.apply(Action::Loaded(loaded));
            }
            if let Some((generation, comparison)) = self.worker.wait_result(step) {
                self.accept(generation, comparison);
            }
        }
        true
    }

    /// Shows a finished analysis unless a newer one is already shown.
    fn accept(&mut self, generation: u64, mut comparison: Comparison) {
        if generation <= self.shown {
            return;
        }
        // Names and dates edited while this analysis ran are kept (they do not change the analysis).
        if generation == self.generation {
            for (shown, current) in comparison.articles.iter_mut().zip(&self.articles) {
                shown.meta.outlet.clone_from(&current.meta.outlet);
                shown.meta.published.clone_from(&current.meta.published);
            }
        }
        self.shown = generation;
        self.view.analysing = self.shown < self.generation;
        self.view.index = state::Index::build(&comparison);
        if self.view.selected.is_some_and(|s| s >= comparison.claims.len()) {
            self.view.selected = None;
        }
        self.view.selected_sentence = None;
        self.view.hovered = None;
        self.comparison = comparison;
        self.reindex_notes();
        self.refresh_versions();
    }

    /// Recomputes the selected claim's versions (after a new selection, analysis or blind toggle).
    fn refresh_versions(&mut self) {
        let redactor = self.view.index.redactor.clone().filter(|_| self.view.prefs.blind);
        self.view.versions = self
            .view
            .selected
            .and_then(|id| self.comparison.claims.get(id))
            .map(|cl| diff::versions(&self.comparison, cl, redactor.as_deref()))
            .unwrap_or_default();
    }

    /// Asks the worker for a new analysis of the current articles.
    fn reanalyse(&mut self) {
        self.generation += 1;
        self.view.analysing = true;
        let settings = self.settings();
        if !self.worker.analyse(self.generation, self.articles.clone(), settings.clone(), self.ctx.clone()) {
            // No thread: analyse here rather than show nothing.
            let c = analyze(&self.articles, &settings);
            self.accept(self.generation, c);
        }
    }

    /// Adds a notification; each error is shown once, until dismissed.
    fn notify(&mut self, level: state::Level, text: String) {
        if self.view.notifications.iter().any(|n| n.text == text) {
            return;
        }
        let id = self.next_notification;
        self.next_notification += 1;
        self.view.notifications.push(state::Notification { id, level, text, button: None });
    }

    /// Draws one frame into `ui` and applies what the user did. The eframe entry point calls
    /// this; tests call it through `egui_kittest`.
    pub fn show_ui(&mut self, ui: &mut egui::Ui) {
        self.poll();
        let ctx = ui.ctx().clone();
        self.style(&ctx);
        let mut actions = keys::shortcuts(&ctx, &self.view);
        actions.extend(keys::dropped_files(&ctx));
        ui::app_ui(ui, &self.comparison, &self.view, &mut actions);
        for action in actions {
            self.apply(action);
        }
        self.autosave_tick(&ctx, Instant::now());
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if std::mem::take(&mut self.quit) {
            // eframe then calls `on_exit`, which keeps the work for the next start.
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Sets fonts and colours when the theme, font size or presenter mode changed.
    fn style(&mut self, ctx: &egui::Context) {
        let key = (self.view.prefs.dark, self.view.prefs.font_size, self.view.presenter);
        if self.styled != Some(key) {
            palette::apply_style(ctx, self.view.prefs.dark, self.view.presenter);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.styled = Some(key);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        self.show_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, start::PREFS_KEY, &self.view.prefs);
    }

    fn on_exit(&mut self) {
        self.shutdown();
    }
}
