//! Fuzzes session loading: bytes as a `.parallax` file, read both from memory and from disk, then
//! every article's removals toggled, the set analysed and every report rendered with the session's
//! notes. A damaged file must give an error, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::report::Options;
use parallax::session::{self, Session};

mod check;

/// One file per fuzzing process, rewritten for every input.
fn scratch() -> &'static Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("parallax-fuzz-session-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join("input.parallax")
    })
}

fuzz_target!(|data: &[u8]| {
    let from_memory = Session::from_json(data, Path::new("fuzz.parallax"));
    std::fs::write(scratch(), data).expect("write scratch file");
    let from_disk = session::load(scratch());
    assert_eq!(from_memory.is_ok(), from_disk.is_ok(), "memory and disk disagree");
    let Ok(session) = from_memory else { return };
    assert_eq!(Ok(&session), from_disk.as_ref().map_err(|_| ()));
    let mut articles = session.articles();
    if articles.len() > 8 {
        return; // Analysis cost grows with the set; small sets reach every code path.
    }
    for a in &mut articles {
        check::article(a);
        for i in 0..a.removed.len() {
            let restored = a.removed[i].restored;
            a.set_restored(i, !restored);
            check::article(a);
        }
    }
    // What the window does on open: the saved session round-trips.
    let saved = Session { articles: session.articles.clone(), ..session.clone() }.to_json();
    let reread = Session::from_json(saved.as_bytes(), Path::new("again.parallax")).expect("a saved session reads back");
    assert_eq!(reread.articles.len(), session.articles.len());
    let options = Options { blind: session.blind, notes: session.notes.clone(), ..Options::default() };
    check::analyze_and_check(&articles, &session.settings, &options);
});
