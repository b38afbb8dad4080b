//! The demo article sets bundled into the binary (`assets/samples/`), written by this project.
//! Each set is a folder of articles plus `expected.json`, the outcome the tests check.

use include_dir::{Dir, include_dir};

use crate::ingest::{self, Article, IngestError};

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/samples");

/// The set the app opens on.
pub const DEMO_SET: &str = "chip-sanctions";

/// One bundled set.
pub struct SampleSet {
    /// Folder name, e.g. "chip-sanctions".
    pub name: &'static str,
    /// Article files: (file name, bytes), sorted by name.
    pub files: Vec<(&'static str, &'static [u8])>,
    /// The expected-outcome file's text, if the set has one.
    pub expected: Option<&'static str>,
}

/// Every bundled set, sorted by name.
pub fn sets() -> Vec<SampleSet> {
    let mut out: Vec<SampleSet> = SAMPLES
        .dirs()
        .map(|d| {
            let mut files: Vec<(&'static str, &'static [u8])> = d
                .files()
                .filter(|f| is_article(f.path()))
                .filter_map(|f| Some((f.path().file_name()?.to_str()?, f.contents())))
                .collect();
            files.sort_by_key(|(name, _)| *name);
            let expected =
                d.files().find(|f| f.path().ends_with("expected.json")).and_then(|f| f.contents_utf8());
            SampleSet { name: d.path().to_str().unwrap_or(""), files, expected }
        })
        .collect();
    out.sort_by_key(|s| s.name);
    out
}

fn is_article(path: &std::path::Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html" | "htm"))
}

/// Loads the articles of the set `name`; each file that fails is returned as an error beside them.
pub fn load(name: &str) -> (Vec<Article>, Vec<IngestError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for set in sets().into_iter().filter(|s| s.name == name) {
        for (file, bytes) in set.files {
            match ingest::from_bytes(bytes, file) {
                Ok(a) => articles.push(a),
                Err(e) => errors.push(e),
            }
        }
    }
    (articles, errors)
}

/// The demo set's articles.
pub fn demo() -> Vec<Article> {
    load(DEMO_SET).0
}
