//! Session files: round trip, atomic saves under kill, clear messages for damaged, foreign,
//! future, unreadable and oversized files, recovery and recent files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use parallax::ingest::{self, Removal};
use parallax::session::{self, Note, Session, SessionArticle, SessionError, Store};
use parallax::{Settings, Span, analyze};

const TEXTS: [(&str, &str); 2] = [
    (
        "harbour_herald.txt",
        "Council approves flood defences\n\nThe city council approved a new flood wall for the harbour district on Monday, the mayor said.\n\nThe wall will cost 12 million euros and should be finished by 2027, according to the council.",
    ),
    (
        "coast_courier.txt",
        "Harbour district to get flood wall\n\nThe city council approved a new flood wall for the harbour district on Monday, the mayor told reporters.\n\nOpposition members claimed the 15 million euro wall was too expensive.",
    ),
];

/// A session with user edits in every part: outlet and date edits, a colour, a restored removal,
/// a changed threshold, notes on a claim and a sentence, blind mode on.
fn edited_session() -> Session {
    let mut articles: Vec<_> =
        TEXTS.iter().map(|(name, text)| ingest::from_text(text, name).expect("fixture ingests")).collect();
    articles[0].meta.outlet = "Harbour Herald (edited)".into();
    articles[0].meta.published = Some("2026-03-02".into());
    articles[1].removed.push(Removal { span: Span::new(0, 7), rule: "menu words".into(), restored: true });
    let settings = Settings { threshold: 0.5, ..Settings::default() };
    let comparison = analyze(&articles, &settings);
    let mut notes = vec![Note::on_sentence(
        parallax::analysis::SentenceRef { article: 1, sentence: 2 },
        "Call to confirm the 15 million",
    )];
    if let Some(claim) = comparison.claims.first() {
        notes.push(Note::on_claim(claim, "Ask the class: “said” or “told”?"));
    }
    let mut s = Session::from_articles(&articles, &settings, &notes, true);
    s.articles[1].colour = Some([200, 30, 90]);
    s
}

#[test]
fn round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.parallax");
    let saved = edited_session();
    session::save(&saved, &path).unwrap();
    let loaded = session::load(&path).unwrap();
    assert_eq!(loaded, saved);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.trim_start().starts_with("{\n  \"parallax_session\": 1"), "version first: {}", &text[..40]);
    // The reopened work analyses exactly as before, and claim notes find their claim again.
    let before = analyze(&saved.articles(), &saved.settings);
    let after = analyze(&loaded.articles(), &loaded.settings);
    assert_eq!(before, after);
    for note in &loaded.notes {
        if matches!(note.target, session::NoteTarget::Claim { .. }) {
            assert_eq!(note.claim_in(&after), Some(0));
        }
    }
    assert_eq!(loaded.articles[0].article.original, TEXTS[0].1, "the original input is kept");
}

#[test]
fn messages_for_files_that_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    // (file bytes, words the message must contain)
    let cases: &[(&[u8], &[&str])] = &[
        (
            b"{\"parallax_session\": 1, \"articles\": [",
            &[
                "not a Parallax session or is damaged (line 1 column 37: EOF while parsing a list)",
                "your open work is unchanged",
            ],
        ),
        (b"\x89PNG\r\n\x1a\n\0\0\0", &["is damaged (line 1 column 1", "your open work is unchanged"]),
        (b"", &["is damaged (line 1 column 0: EOF while parsing a value)"]),
        (
            b"{\"parallax_session\": 1,\n \"articles\": 5}",
            &["is damaged (line 2 column 14: invalid type: integer `5`, expected a sequence)"],
        ),
        (
            b"{\"title\": \"a JSON file\"}",
            &["not a Parallax session (it has no \"parallax_session\" version)"],
        ),
        (
            b"{\"parallax_session\": 7, \"whatever\": {\"new\": true}}",
            &[
                "saved by a newer Parallax (format 7; this one reads up to 1); update Parallax to open it",
                "unchanged",
            ],
        ),
    ];
    for (n, (bytes, words)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case{n}.parallax"));
        std::fs::write(&path, bytes).unwrap();
        let message = session::load(&path).expect_err("must fail").to_string();
        for w in *words {
            assert!(message.contains(w), "case {n}: {message:?} lacks {w:?}");
        }
        assert!(message.ends_with(&path.display().to_string()), "case {n}: path last: {message}");
    }
    let missing = dir.path().join("gone.parallax");
    assert!(matches!(session::load(&missing), Err(SessionError::Unreadable { .. })));
    let huge = dir.path().join("huge.parallax");
    std::fs::File::create(&huge).unwrap().set_len(session::MAX_SESSION_BYTES + 1).unwrap();
    let message = session::load(&huge).unwrap_err().to_string();
    assert!(message.contains("over the 256 MB limit"), "{message}");
}

/// Env var that turns the child test below into a saver that is killed mid-save.
const CHILD_ENV: &str = "PARALLAX_TEST_SAVE_FOREVER";

/// Two sessions that differ; each big enough (about 4 MB) that a save takes a while.
fn big_session(tag: &str) -> Session {
    let paragraph = format!("{tag}: the city council approved a new flood wall for the harbour district. ");
    let text = format!("Title {tag}\n\n{}", paragraph.repeat(50_000 / paragraph.len().max(1) + 1));
    let article = ingest::from_text(&text, &format!("{tag}.txt")).expect("ingests");
    Session { articles: vec![SessionArticle { article, colour: None }; 20], ..Session::default() }
}

#[test]
fn child_saves_forever() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let sessions = [big_session("old"), big_session("new")];
    for i in 0.. {
        session::save(&sessions[i % 2], Path::new(&path)).expect("child save");
    }
}

/// Identity of the file now at `path` (a rename puts a new inode there).
fn file_id(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.ino(), m.modified().ok()?))
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .count()
}

#[test]
fn a_kill_during_save_leaves_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.parallax");
    let expected = [big_session("old"), big_session("new")];
    session::save(&expected[0], &path).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut mid_write = 0;
    for delay_ms in [0, 3, 7, 12, 20, 30, 45, 60, 80, 110] {
        let before = file_id(&path);
        let temps_before = temp_files(dir.path());
        let mut child = Command::new(&exe)
            .args(["--exact", "child_saves_forever", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has replaced the file once, so the kill lands in its save loop.
        let started = std::time::Instant::now();
        while file_id(&path) == before && started.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no destructors, no cleanup
        let _ = child.wait();
        if temp_files(dir.path()) > temps_before {
            mid_write += 1;
        }
        let loaded = session::load(&path).unwrap_or_else(|e| panic!("after a kill at +{delay_ms} ms: {e}"));
        assert!(expected.contains(&loaded), "after a kill at +{delay_ms} ms the file is one whole save");
    }
    // A temp file left behind proves the kill hit between creating it and the rename.
    assert!(mid_write > 0, "no kill landed during a write; make the sessions bigger");
    println!("{mid_write} of 10 kills landed mid-write");
}

#[test]
fn recovery_autosave_restore_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("data"));
    assert_eq!(store.take_recovery(), None, "nothing to recover at first");
    let s = edited_session();
    store.autosave(&s).unwrap();
    assert_eq!(store.take_recovery().as_ref(), Some(&s));
    assert_eq!(store.take_recovery().as_ref(), Some(&s), "still there until cleared");
    store.clear_recovery().unwrap();
    assert_eq!(store.take_recovery(), None);
    store.clear_recovery().unwrap();
    // A damaged recovery file is set aside, not offered again, and not deleted.
    std::fs::write(store.recovery_path(), b"{\"parallax_session\": 1, \"art").unwrap();
    assert_eq!(store.take_recovery(), None);
    assert!(!store.recovery_path().exists());
    assert!(store.dir().join("recovery.damaged.parallax").exists());
}

#[test]
fn recent_files_newest_first_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let file = |n: usize| dir.path().join(format!("s{n}.parallax"));
    for n in 0..12 {
        store.add_recent(&file(n)).unwrap();
    }
    store.add_recent(&file(5)).unwrap();
    let recent = store.recent_files();
    let want: Vec<PathBuf> = [5, 11, 10, 9, 8, 7, 6, 4, 3, 2].iter().map(|&n| file(n)).collect();
    assert_eq!(recent, want);
    store.remove_recent(&file(11)).unwrap();
    assert_eq!(store.recent_files().len(), 9);
    std::fs::write(dir.path().join("recent.json"), b"garbage").unwrap();
    assert!(store.recent_files().is_empty(), "a damaged list reads as empty");
}

#[test]
fn child_reports_its_store() {
    if std::env::var_os("PARALLAX_TEST_REPORT_STORE").is_none() {
        return;
    }
    println!("STORE={}", Store::user().expect("a store").dir().display());
}

#[test]
fn data_dir_env_overrides_the_store() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_reports_its_store", "--nocapture", "--test-threads=1"])
        .env("PARALLAX_TEST_REPORT_STORE", "1")
        .env(session::store::DATA_DIR_ENV, "/tmp/parallax-test-data")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("STORE=/tmp/parallax-test-data\n"), "{stdout}");
}
