//! The window's work as a whole: saving and opening sessions, recent files, autosave and crash
//! recovery, the last work reopened at start, notes (detail pane, context menu, marks in the
//! columns, surviving re-analysis and edits), exports with notes, blind mode across every view,
//! and pasting links and text. Every test uses its own data folder (`Store::at(tempdir)`), never
//! the user's.
#![cfg(feature = "gui")]

use std::path::PathBuf;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::analysis::{ClaimKind, Comparison, SentenceRef};
use parallax::app::action::Action;
use parallax::app::state::Level;
use parallax::app::{App, Prefs, StartOptions};
use parallax::report::Format;
use parallax::session::{self, NoteTarget, Store};

const WAIT: Duration = Duration::from_secs(30);

const TEXTS: [(&str, &str); 3] = [
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
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("articles")).expect("articles dir");
        for (name, text) in TEXTS {
            std::fs::write(dir.path().join("articles").join(name), text).expect("article file");
        }
        Fixture { dir }
    }

    fn store(&self) -> Store {
        Store::at(self.dir.path().join("data"))
    }

    fn files(&self) -> Vec<PathBuf> {
        TEXTS.iter().map(|(name, _)| self.dir.path().join("articles").join(name)).collect()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The app as the window starts it on the three files, with this fixture's store.
    fn app(&self) -> App {
        App::start(Some(self.store()), &StartOptions { files: self.files(), demo: false }, Prefs::default())
    }

    /// The app as the window starts it with no arguments.
    fn restart(&self) -> App {
        App::start(Some(self.store()), &StartOptions::default(), Prefs::default())
    }
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app)
}

/// Runs frames until background work (analysis, loading) is done and the window has settled;
/// the spinner shown meanwhile repaints on its own, so plain `run` would not settle.
fn settle(h: &mut Harness<'static, App>) {
    h.run_steps(2);
    assert!(h.state_mut().wait_idle(WAIT), "background work finished");
    h.run_steps(2);
    h.run();
}

/// The shared claim carried by most articles.
fn widest_shared(c: &Comparison) -> usize {
    c.claims
        .iter()
        .filter(|cl| cl.kind == ClaimKind::Shared)
        .max_by_key(|cl| (cl.articles.len(), std::cmp::Reverse(cl.id)))
        .map(|cl| cl.id)
        .expect("the fixture has a shared claim")
}

fn texts_of(app: &App, refs: &[SentenceRef]) -> Vec<String> {
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

fn errors(app: &App) -> Vec<String> {
    app.view().notifications.iter().filter(|n| n.level == Level::Error).map(|n| n.text.clone()).collect()
}

/// Outlets renamed and recoloured, threshold changed, a claim and a sentence note, blind on.
fn edit_everything(app: &mut App) -> usize {
    app.apply(Action::RenameOutlet(0, "Harbour Post (checked)".into()));
    app.apply(Action::SetColour(1, [200, 30, 90]));
    app.apply(Action::SetThreshold(0.4));
    assert!(app.wait_idle(WAIT));
    let claim = widest_shared(app.comparison());
    app.apply(Action::AddClaimNote { claim, text: "Ask: why “claimed”?".into() });
    app.apply(Action::AddSentenceNote {
        at: SentenceRef { article: 1, sentence: 3 },
        text: "Call the shops".into(),
    });
    app.apply(Action::ToggleBlind);
    claim
}

#[test]
fn save_then_open_restores_articles_edits_notes_and_blind() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let claim = edit_everything(&mut app);
    let claim_texts = texts_of(
        &app,
        &app.comparison().claims[claim].members.iter().map(|m| m.sentence_ref()).collect::<Vec<_>>(),
    );
    assert!(app.view().dirty && app.window_title().contains('•'), "{}", app.window_title());
    let path = fx.path("lesson.parallax");
    app.apply(Action::SaveSession(path.clone()));
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
    assert!(!app.view().dirty, "saved");
    assert_eq!(app.window_title(), "lesson.parallax — Parallax");
    assert_eq!(app.view().session_path.as_deref(), Some(path.as_path()));

    // A fresh window on the demo set; the session is dropped onto it.
    let mut other =
        App::start(Some(fx.store()), &StartOptions { files: vec![], demo: true }, Prefs::default());
    other.apply(Action::OpenFiles(vec![path.clone()]));
    assert!(other.wait_idle(WAIT));
    assert!(errors(&other).is_empty(), "{:?}", errors(&other));
    assert_eq!(other.articles(), app.articles(), "articles, with the renamed outlet");
    assert_eq!(other.articles()[0].meta.outlet, "Harbour Post (checked)");
    assert_eq!(other.view().colours, app.view().colours);
    assert_eq!(other.view().colours[1], [200, 30, 90]);
    assert!((other.view().prefs.threshold - 0.4).abs() < 1e-6);
    assert!((other.comparison().settings.threshold - 0.4).abs() < 1e-6, "analysed with the saved threshold");
    assert!(other.view().prefs.blind, "blind mode comes back");
    assert_eq!(other.view().notes, app.view().notes);
    let back = other.view().notes[0].claim_in(other.comparison()).expect("the claim note finds its claim");
    let refs: Vec<SentenceRef> =
        other.comparison().claims[back].members.iter().map(|m| m.sentence_ref()).collect();
    assert_eq!(texts_of(&other, &refs), claim_texts);
    assert!(!other.view().dirty);
    assert_eq!(
        other.view().recent.first().map(|p| p.file_name()),
        Some(path.file_name()),
        "in Recent sessions"
    );
}

#[test]
fn ctrl_s_saves_to_the_open_file_and_the_title_shows_unsaved_changes() {
    let fx = Fixture::new();
    let path = fx.path("class.parallax");
    let mut app = fx.app();
    app.apply(Action::SaveSession(path.clone()));
    app.apply(Action::RenameOutlet(2, "River News Online".into()));
    assert_eq!(app.window_title(), "class.parallax • — Parallax");
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().view().dirty, "Ctrl+S saved");
    let saved = session::load(&path).expect("the file reads back");
    assert_eq!(saved.articles[2].article.meta.outlet, "River News Online");
    assert!(saved.origin.is_none(), "a user's file does not name itself");
    assert_eq!(h.state().window_title(), "class.parallax — Parallax");
}

/// Work with a note, autosaved, then the process "dies" (dropped without a clean exit).
fn crashed_run(fx: &Fixture) -> App {
    let mut app = fx.app();
    app.apply(Action::RenameOutlet(1, "Valley Times Weekend".into()));
    let claim = widest_shared(app.comparison());
    app.apply(Action::AddClaimNote { claim, text: "Compare the costs".into() });
    app.autosave_now();
    assert!(fx.store().recovery_path().exists(), "autosaved");
    app
}

#[test]
fn recovery_prompt_restore_brings_the_work_back() {
    let fx = Fixture::new();
    let crashed = crashed_run(&fx);
    let want_articles = crashed.articles().to_vec();
    let want_notes = crashed.view().notes.clone();
    drop(crashed);
    let mut h = harness(fx.restart());
    h.run();
    assert!(h.query_by_label_contains("Parallax closed unexpectedly. Restore the work from").is_some());
    assert!(h.query_by_label_contains("(3 articles, 1 note)?").is_some(), "how much it holds");
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert!(h.state().view().recovery.is_none(), "prompt closed");
    assert_eq!(h.state().articles(), want_articles.as_slice());
    assert_eq!(h.state().view().notes, want_notes);
    assert!(h.state().view().dirty, "restored work is in no file yet");
    assert!(h.query_all_by_label("Note: Compare the costs").count() >= 2, "the claim's sentences are marked");
    // A clean exit now keeps it as the last work and removes the recovery file.
    h.state_mut().shutdown();
    assert!(!fx.store().recovery_path().exists());
    assert!(fx.store().last_work_path().exists());
}

#[test]
fn recovery_prompt_discard_deletes_the_autosave() {
    let fx = Fixture::new();
    drop(crashed_run(&fx));
    let mut h = harness(fx.restart());
    h.run();
    let before = h.state().articles().len();
    h.get_by_label("Discard").click();
    h.run();
    h.state().wait_autosave();
    assert!(h.state().view().recovery.is_none());
    assert!(!fx.store().recovery_path().exists(), "discarded work is kept nowhere");
    assert!(h.state().view().notes.is_empty(), "nothing restored");
    assert_eq!(h.state().articles().len(), before);
    assert!(fx.restart().view().recovery.is_none(), "and not offered again");
}

#[test]
fn clean_exit_keeps_the_last_work_and_the_next_start_reopens_it() {
    let fx = Fixture::new();
    let first = fx.restart();
    assert_eq!(first.view().set_name.as_deref(), Some(parallax::samples::DEMO_SET), "first run: demo set");
    assert!(first.view().notifications.is_empty());
    drop(first);
    let mut app = fx.app();
    app.apply(Action::AddSentenceNote {
        at: SentenceRef { article: 0, sentence: 1 },
        text: "Check the date".into(),
    });
    app.autosave_now();
    app.shutdown();
    assert!(!fx.store().recovery_path().exists(), "a clean exit leaves no recovery file");
    let next = fx.restart();
    assert!(next.view().recovery.is_none());
    assert_eq!(next.articles(), app.articles());
    assert_eq!(next.view().notes, app.view().notes);
    let infos: Vec<_> = next.view().notifications.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        infos,
        ["Reopened your last work (3 articles). The demo sets are under the Sample sets menu."]
    );
    let demo = App::start(Some(fx.store()), &StartOptions { files: vec![], demo: true }, Prefs::default());
    assert_eq!(demo.view().set_name.as_deref(), Some(parallax::samples::DEMO_SET), "--demo wins");
}

#[test]
fn damaged_or_newer_session_files_are_reported_and_nothing_is_lost() {
    let fx = Fixture::new();
    let mut app = fx.app();
    app.apply(Action::AddSentenceNote {
        at: SentenceRef { article: 0, sentence: 1 },
        text: "keep me".into(),
    });
    let cases = [
        ("damaged.parallax", "{\"parallax_session\": 1, \"articles\": [", "is damaged"),
        ("future.parallax", "{\"parallax_session\": 9}", "saved by a newer Parallax"),
    ];
    for (name, bytes, words) in cases {
        let path = fx.path(name);
        std::fs::write(&path, bytes).expect("write");
        let articles = app.articles().to_vec();
        let comparison = app.comparison().clone();
        app.apply(Action::OpenSession(path.clone()));
        assert!(app.wait_idle(WAIT));
        let last = errors(&app).last().cloned().unwrap_or_default();
        assert!(last.contains(words) && last.contains("open work is unchanged"), "{name}: {last}");
        assert!(last.ends_with(&path.display().to_string()), "path last: {last}");
        assert_eq!(app.articles(), articles.as_slice(), "{name}: articles unchanged");
        assert_eq!(app.comparison(), &comparison, "{name}: comparison unchanged");
        assert_eq!(app.view().notes.len(), 1, "{name}: notes unchanged");
    }
}

#[test]
fn recent_sessions_menu_opens_and_forgets_missing_files() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let (a, b) = (fx.path("monday.parallax"), fx.path("tuesday.parallax"));
    app.apply(Action::SaveSession(a.clone()));
    app.apply(Action::RenameOutlet(0, "Renamed".into()));
    app.apply(Action::SaveSession(b.clone()));
    let names = |app: &App| -> Vec<String> {
        app.view()
            .recent
            .iter()
            .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&app), ["tuesday.parallax", "monday.parallax"]);
    assert_eq!(fx.store().recent_files().len(), 2);
    // Through the menu: File → Recent sessions → monday.parallax.
    let mut h = harness(app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Recent sessions").click();
    h.run();
    h.get_by_label("monday.parallax").click();
    settle(&mut h);
    assert_eq!(h.state().view().session_path.as_deref(), Some(a.as_path()), "opened from the menu");
    assert!(h.state_mut().wait_idle(WAIT));
    assert_eq!(names(h.state()), ["monday.parallax", "tuesday.parallax"], "newest first");
    std::fs::remove_file(&b).expect("delete");
    h.state_mut().apply(Action::OpenSession(b.clone()));
    let last = errors(h.state()).last().cloned().unwrap_or_default();
    assert!(last.contains("“tuesday.parallax” is no longer there"), "{last}");
    assert!(last.contains("removed from Recent sessions"), "{last}");
    assert_eq!(names(h.state()), ["monday.parallax"]);
    assert_eq!(fx.store().recent_files().len(), 1, "forgotten in the store too");
    assert_eq!(h.state().view().session_path.as_deref(), Some(a.as_path()), "the open work stays");
}

#[test]
fn note_typed_in_the_detail_pane_is_added_and_marked_in_the_columns() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let claim = widest_shared(app.comparison());
    let members = app.comparison().claims[claim].members.len();
    app.apply(Action::SelectClaim(Some(claim)));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.query_all_by_label_contains("Note:").count(), 0, "no marks yet");
    let field = h.get_by_label("Notes (0)");
    field.focus();
    h.run();
    h.get_by_label("Notes (0)").type_text("Why does one outlet say 45 million?");
    h.run();
    h.get_by_label("Add note to this claim").click();
    h.run();
    let notes = &h.state().view().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].text, "Why does one outlet say 45 million?");
    assert_eq!(notes[0].claim_in(h.state().comparison()), Some(claim));
    assert!(h.state().view().note_draft.is_empty(), "the field is cleared");
    assert!(h.query_by_label("Why does one outlet say 45 million?").is_some(), "listed in the pane");
    let marks = h.query_all_by_label("Note: Why does one outlet say 45 million?").count();
    assert_eq!(marks, members, "every sentence of the claim carries the ✏ mark");
    // And deleted again.
    h.get_by_label("Delete note").click();
    h.run();
    assert!(h.state().view().notes.is_empty());
    assert_eq!(h.query_all_by_label_contains("Note:").count(), 0);
}

#[test]
fn sentence_note_from_the_context_menu() {
    let fx = Fixture::new();
    let app = fx.app();
    let r = SentenceRef { article: 1, sentence: 3 };
    let text = app.comparison().sentence_text(r).to_string();
    let mut h = harness(app);
    h.run();
    h.get_by_label(&text).click_secondary();
    h.run();
    h.get_by_label("Add note to this sentence…").click();
    h.run();
    assert_eq!(h.state().view().sentence_note.as_ref().map(|(at, _)| *at), Some(r));
    h.run();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Which shops?");
    h.run();
    h.get_by_label("Add note").click();
    h.run();
    let notes = &h.state().view().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].target, NoteTarget::Sentence { article: 1, sentence: 3 });
    assert!(h.state().view().sentence_note.is_none(), "dialog closed");
    assert_eq!(h.query_all_by_label("Note: Which shops?").count(), 1, "only that sentence is marked");
}

#[test]
fn notes_survive_threshold_change_reorder_restore_and_removal() {
    let mut app = App::demo(Prefs::default());
    let claim = widest_shared(app.comparison());
    let anchor: Vec<SentenceRef> =
        app.comparison().claims[claim].members.iter().map(|m| m.sentence_ref()).collect();
    let anchor_texts = texts_of(&app, &anchor);
    app.apply(Action::AddClaimNote { claim, text: "Shared by all?".into() });
    // The article with something cleaning removed, and a note on its last sentence.
    let k = app
        .articles()
        .iter()
        .position(|a| a.removed.iter().any(|r| !r.restored))
        .expect("a removal in the demo set");
    let last = app.articles()[k].sentences.len() - 1;
    let last_text = texts_of(&app, &[SentenceRef { article: k, sentence: last }]);
    app.apply(Action::AddSentenceNote {
        at: SentenceRef { article: k, sentence: last },
        text: "Last line".into(),
    });

    app.apply(Action::SetThreshold(0.6));
    assert!(app.wait_idle(WAIT));
    let now = app.view().notes[0].claim_in(app.comparison()).expect("still found after re-analysis");
    let refs: Vec<SentenceRef> =
        app.comparison().claims[now].members.iter().map(|m| m.sentence_ref()).collect();
    assert!(refs.iter().any(|r| anchor.contains(r)), "the same sentences");
    assert!(refs.iter().all(|r| !app.view().index.notes(*r).is_empty()), "and marked");

    let n = app.articles().len();
    app.apply(Action::MoveArticle { from: 0, to: n - 1 });
    assert!(app.wait_idle(WAIT));
    assert_eq!(texts_of(&app, &app.view().notes[0].sentences()), anchor_texts, "reorder: same sentences");
    let k = if k == 0 { n - 1 } else { k - 1 };
    let at = app.view().notes[1].sentences()[0];
    assert_eq!(at.article, k);
    assert_eq!(texts_of(&app, &[at]), last_text);

    let removal = app.articles()[k].removed.iter().position(|r| !r.restored).expect("removal");
    app.apply(Action::RestoreRemoval { article: k, removal });
    assert!(app.wait_idle(WAIT));
    assert_eq!(
        texts_of(&app, &app.view().notes[1].sentences()),
        last_text,
        "restore: the note follows its sentence"
    );

    app.apply(Action::RemoveArticle(k));
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.view().notes.len(), 1, "the note on the removed article goes");
    assert!(
        app.view().notifications.iter().any(|x| x.text.contains("“Last line”")),
        "and is quoted, not lost unseen"
    );
    let left = app.view().notes[0].sentences();
    assert!(
        !left.is_empty() && left.iter().all(|r| r.article < n - 1),
        "the claim note keeps its other sentences: {left:?}"
    );
    assert!(app.view().notes[0].claim_in(app.comparison()).is_some());
}

#[test]
fn exports_from_the_window_carry_the_notes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let claim = widest_shared(app.comparison());
    app.apply(Action::AddClaimNote { claim, text: "Ask the class about Harbour Post".into() });
    let md = fx.path("report.md");
    app.apply(Action::ExportTo(Format::Markdown, md.clone()));
    let text = std::fs::read_to_string(&md).expect("report written");
    assert!(text.contains("Ask the class about Harbour Post"), "note in the report");
    app.apply(Action::ToggleBlind);
    let html = fx.path("report.html");
    app.apply(Action::ExportTo(Format::Html, html.clone()));
    let text = std::fs::read_to_string(&html).expect("report written");
    assert!(text.contains("Ask the class about Source A"), "the note, blind");
    assert!(!text.contains("Harbour Post"), "no outlet in a blind export");
    // Ctrl+E opens the choice of formats.
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.state().view().export_open);
    for f in Format::ALL {
        assert!(h.query_by_label(f.label()).is_some(), "{} offered", f.label());
    }
}

#[test]
fn new_asks_nothing_and_the_replaced_work_can_be_brought_back() {
    let fx = Fixture::new();
    let mut app = fx.app();
    app.apply(Action::AddSentenceNote { at: SentenceRef { article: 0, sentence: 1 }, text: "mine".into() });
    let articles = app.articles().to_vec();
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut h);
    assert!(h.state().articles().is_empty() && h.state().view().notes.is_empty(), "an empty set");
    assert_eq!(h.state().window_title(), "New set — Parallax");
    h.get_by_label("Bring it back").click();
    settle(&mut h);
    assert_eq!(h.state().articles(), articles.as_slice());
    assert_eq!(h.state().view().notes.len(), 1);
    assert!(h.state().view().dirty);
}

#[test]
fn pasting_a_link_starts_add_from_url_and_pasting_text_opens_the_paste_dialog() {
    let mut h = harness(App::demo(Prefs::default()));
    h.run();
    h.event(egui::Event::Paste("  http://127.0.0.1:9/story  ".into()));
    // The fetch's spinner repaints by itself: step rather than wait for the window to settle.
    h.run_steps(2);
    let url = h.state().view().url.clone().expect("Add from URL started");
    assert_eq!(url.text, "http://127.0.0.1:9/story");
    // Nothing listens on port 9: the fetch is either still running or already reported.
    let reported = h.state().view().notifications.iter().any(|n| n.text.contains("127.0.0.1:9"));
    assert!(url.pending.is_some() || reported, "fetching, or failed with a message");
    h.state_mut().apply(Action::CancelUrl);
    h.state_mut().apply(Action::ShowUrl(false));
    let text = "Headline\n\nA long article pasted from a browser. It has two sentences.";
    h.event(egui::Event::Paste(text.into()));
    h.run();
    assert_eq!(h.state().view().paste.as_deref(), Some(text), "the paste dialog, prefilled");
    assert!(h.query_by_label("Add article").is_some());
}

#[test]
fn the_note_glyph_exists_in_the_default_fonts() {
    let h = harness(App::demo(Prefs::default()));
    let font = egui::FontId::proportional(18.0);
    let glyph = parallax::app::ui::notes::NOTE_GLYPH;
    assert!(h.ctx.fonts_mut(|f| f.has_glyphs(&font, glyph)), "{glyph} would draw as an empty box");
}

#[cfg(target_os = "linux")]
#[test]
fn autosave_runs_on_a_named_thread() {
    let fx = Fixture::new();
    let _app = fx.app();
    let names = || -> Vec<String> {
        std::fs::read_dir("/proc/self/task")
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
                    .map(|n| n.trim().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let found = |names: &[String]| names.iter().any(|n| n == "parallax-autosa");
    for _ in 0..100 {
        if found(&names()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no parallax-autosave thread: {:?}", names());
}
