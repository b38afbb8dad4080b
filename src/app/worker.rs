//! Background work: analysis on the named thread `parallax-analysis`, file loading and URL
//! fetching on short-lived threads. Results come back over channels and wake the window with
//! `request_repaint`; the UI thread never waits. Each analysis request carries a generation
//! number: the worker skips requests superseded while it was busy, and the app drops any
//! result older than the one it shows.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use super::action::Loaded;
use crate::analysis::{Comparison, Settings, analyze_cancellable};
use crate::ingest::{self, Article};

/// One analysis request.
struct Job {
    generation: u64,
    /// Set when a newer job is queued: the analysis stops between stages.
    cancel: Arc<AtomicBool>,
    articles: Vec<Article>,
    settings: Settings,
    repaint: Option<egui::Context>,
}

/// The analysis thread and the loading threads' return channel.
pub struct Worker {
    jobs: Option<Sender<Job>>,
    results: Receiver<(u64, Comparison)>,
    loaded_tx: Sender<Loaded>,
    loaded: Receiver<Loaded>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// The cancel flag of the newest job, raised when a newer one replaces it.
    newest: Mutex<Option<Arc<AtomicBool>>>,
}

impl Worker {
    /// Starts the analysis thread.
    pub fn start() -> Worker {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (res_tx, res_rx) = mpsc::channel();
        let (loaded_tx, loaded) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("parallax-analysis".into())
            .spawn(move || analysis_loop(&job_rx, &res_tx))
            .ok();
        Worker { jobs: Some(job_tx), results: res_rx, loaded_tx, loaded, thread, newest: Mutex::new(None) }
    }

    /// Queues an analysis; returns false when the thread could not be started.
    pub fn analyse(
        &self,
        generation: u64,
        articles: Vec<Article>,
        settings: Settings,
        repaint: Option<egui::Context>,
    ) -> bool {
        let cancel = Arc::new(AtomicBool::new(false));
        if let Ok(mut newest) = self.newest.lock()
            && let Some(previous) = newest.replace(cancel.clone())
        {
            previous.store(true, Ordering::Relaxed);
        }
        self.thread.is_some()
            && self
                .jobs
                .as_ref()
                .is_some_and(|tx| tx.send(Job { generation, cancel, articles, settings, repaint }).is_ok())
    }

    /// A finished analysis, if one is waiting.
    pub fn try_result(&self) -> Option<(u64, Comparison)> {
        self.results.try_recv().ok()
    }

    /// Waits up to `timeout` for an analysis result (tests and benchmarks only).
    pub fn wait_result(&self, timeout: std::time::Duration) -> Option<(u64, Comparison)> {
        self.results.recv_timeout(timeout).ok()
    }

    /// A finished load, if one is waiting.
    pub fn try_loaded(&self) -> Option<Loaded> {
        self.loaded.try_recv().ok()
    }

    /// Waits up to `timeout` for a load (tests only).
    pub fn wait_loaded(&self, timeout: std::time::Duration) -> Option<Loaded> {
        self.loaded.recv_timeout(timeout).ok()
    }

    /// Loads files on a background thread.
    pub fn load_files(&self, ticket: u64, paths: Vec<PathBuf>, repaint: Option<egui::Context>) {
        self.spawn_load("parallax-load", ticket, repaint, move || {
            paths.iter().map(|p| ingest::load_path(p).map_err(|e| e.to_string())).collect()
        });
    }

    /// Fetches a URL on a background thread.
    pub fn load_url(&self, ticket: u64, url: String, repaint: Option<egui::Context>) {
        self.spawn_load("parallax-fetch", ticket, repaint, move || {
            vec![ingest::load_url(&url).map_err(|e| e.to_string())]
        });
    }

    fn spawn_load(
        &self,
        name: &str,
        ticket: u64,
        repaint: Option<egui::Context>,
        work: impl FnOnce() -> Vec<Result<Article, String>> + Send + 'static,
    ) {
        let tx = self.loaded_tx.clone();
        let started = std::thread::Builder::new().name(name.into()).spawn(move || {
            // The receiver is gone only when the app closed; nothing to report then.
            let _ = tx.send(Loaded { ticket, results: work() });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        if let Err(e) = started {
            let _ = self.loaded_tx.send(Loaded {
                ticket,
                results: vec![Err(format!(
                    "could not start loading ({e}); close other programs and try again"
                ))],
            });
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the loop; join so no analysis outlives the app.
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn analysis_loop(jobs: &Receiver<Job>, results: &Sender<(u64, Comparison)>) {
    while let Ok(mut job) = jobs.recv() {
        // Skip every request that a newer one has already replaced.
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        // A newer request replaced this one while it ran: drop it and take the next.
        let Ok(comparison) = analyze_cancellable(&job.articles, &job.settings, &job.cancel) else {
            continue;
        };
        if results.send((job.generation, comparison)).is_err() {
            return;
        }
        if let Some(ctx) = job.repaint {
            ctx.request_repaint();
        }
    }
}
