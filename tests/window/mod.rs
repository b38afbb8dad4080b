//! What the window tests of sessions and notes share: three short articles written for them,
//! a temp folder with its own data folder (never the user's), and helpers to wait for the
//! background work and to find claims.
#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::PathBuf;
use std::time::Duration;

use egui_kittest::Harness;
use parallax::analysis::{ClaimKind, Comparison, SentenceRef};
use parallax::app::state::Level;
use parallax::app::{App, Prefs, StartOptions};
use parallax::session::Store;

/// How long background work may take.
pub const WAIT: Duration = Duration::from_secs(30);

/// Three outlets on one story: shared, reworded and unique sentences, a hedge and a number change.
pub const TEXTS: [(&str, &str); 3] = [
    (
        "harbour-post.txt",
        "Council approves new bridge\nThe city council voted on Monday to build a new bridge over the river.\nThe mayor said the bridge would cost 40 million euros.\nCritics claimed the plan was rushed through without a proper debate.",
    ),
    (
        "valley-times.txt",
        "Bridge plan wins council vote\nOn Monday the city council voted to build a new bridge across the river.\nThe mayor said the project would cost 45 million euros.\nLocal shops welcomed the decision.",
    ),
    (
        "river-news.txt",
        "Bridge vote splits residents\nThe council voted on Monday to build a bridge over the river.\nResidents allegedly were not consulted, opponents insisted.\nThe mayor said the bridge would cost 40 million euros.",
    ),
];

/// A temp folder with the three articles as files and an empty data folder.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("articles")).expect("articles dir");
        for (name, text) in TEXTS {
            std::fs::write(dir.path().join("articles").join(name), text).expect("article file");
        }
        Fixture { dir }
    }

    pub fn store(&self) -> Store {
        Store::at(self.dir.path().join("data"))
    }

    pub fn files(&self) -> Vec<PathBuf> {
        TEXTS.iter().map(|(name, _)| self.dir.path().join("articles").join(name)).collect()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The app as the window starts it on the three files, with this fixture's store.
    pub fn app(&self) -> App {
        App::start(Some(self.store()), &StartOptions { files: self.files(), demo: false }, Prefs::default())
    }

    /// The app as the window starts it with no arguments.
    pub fn restart(&self) -> App {
        App::start(Some(self.store()), &StartOptions::default(), Prefs::default())
    }
}

pub fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app)
}

/// Runs frames until background work (analysis, loading) is done and the window has settled;
/// the spinner shown meanwhile repaints on its own, so plain `run` would not settle.
pub fn settle(h: &mut Harness<'static, App>) {
    h.run_steps(2);
    assert!(h.state_mut().wait_idle(WAIT), "background work finished");
    h.run_steps(2);
    h.run();
}

/// The shared claim carried by most articles.
pub fn widest_shared(c: &Comparison) -> usize {
    c.claims
        .iter()
        .filter(|cl| cl.kind == ClaimKind::Shared)
        .max_by_key(|cl| (cl.articles.len(), std::cmp::Reverse(cl.id)))
        .map(|cl| cl.id)
        .expect("the fixture has a shared claim")
}

pub fn texts_of(app: &App, refs: &[SentenceRef]) -> Vec<String> {
    let mut out: Vec<String> = refs
        .iter()
        .map(|r| {
            let a = &app.articles()[r.article];
            a.sentences[r.sentence].span.of(&a.body).trim().to_string()
        })
        .collect();
    out.sort();
    out
}

pub fn errors(app: &App) -> Vec<String> {
    app.view().notifications.iter().filter(|n| n.level == Level::Error).map(|n| n.text.clone()).collect()
}

/// The names of this process's threads (Linux keeps the first 15 bytes of each).
#[cfg(target_os = "linux")]
pub fn thread_names() -> Vec<String> {
    std::fs::read_dir("/proc/self/task")
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
                .map(|n| n.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits up to a second for a thread whose name starts like `name` (a new thread sets its
/// name as it starts); panics with the names seen if none appears.
#[cfg(target_os = "linux")]
pub fn wait_for_thread(name: &str) {
    let named = |names: &[String]| names.iter().any(|n| n.len() >= 8 && name.starts_with(n.as_str()));
    for _ in 0..100 {
        if named(&thread_names()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no {name} thread: {:?}", thread_names());
}
