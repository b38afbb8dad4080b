//! The window's work as a whole: saving and opening sessions, Ctrl+S, recent files, autosave
//! and crash recovery, the last work reopened at start, New and bringing replaced work back,
//! damaged and newer session files. Every test has its own data folder (`Store::at(tempdir)`).
#![cfg(feature = "gui")]

mod window;

use egui_kittest::kittest::Queryable;
use parallax::analysis::SentenceRef;
use parallax::app::action::Action;
use parallax::app::{App, Prefs, StartOptions};
use parallax::session;
use window::{Fixture, WAIT, errors, harness, settle, texts_of, widest_shared};

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
    h.state().wait_autosave();
    let kept = fx.store().take_recovery().expect("the replaced work is in the recovery file");
    assert_eq!(kept.notes.len(), 1, "with its note");
    h.get_by_label("Bring it back").click();
    settle(&mut h);
    assert_eq!(h.state().articles(), articles.as_slice());
    assert_eq!(h.state().view().notes.len(), 1);
    assert!(h.state().view().dirty);
}

#[cfg(target_os = "linux")]
#[test]
fn autosave_runs_on_a_named_thread() {
    let fx = Fixture::new();
    let _app = fx.app();
    window::wait_for_thread("parallax-autosave");
}

#[test]
fn a_damaged_recovery_file_is_reported_and_kept_not_offered() {
    let fx = Fixture::new();
    std::fs::create_dir_all(fx.store().dir()).expect("data dir");
    std::fs::write(fx.store().recovery_path(), b"{\"parallax_session\": 1, \"articles\": [").expect("write");
    let app = fx.restart();
    assert!(app.view().recovery.is_none(), "nothing to offer");
    let errors = errors(&app);
    assert!(errors.iter().any(|e| e.contains("could not be read")), "{errors:?}");
    assert!(fx.store().dir().join("recovery.damaged.parallax").exists(), "kept for inspection");
}
