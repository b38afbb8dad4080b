//! The `parallax analyze` command: formats, batch mode, bad files and exit codes
//! (0 all good, 1 some input failed, 2 bad usage).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE_A: &str = "Council approves flood defences\n\nThe city council approved a new flood wall for the harbour district on Monday, the mayor said.\n\nThe wall will cost 12 million euros and should be finished by 2027, according to the council.\n\nResidents have asked for better defences since the storm of 2021.";
const ARTICLE_B: &str = "Harbour district to get flood wall\n\nOn Monday the city council approved a flood wall for the harbour district, the mayor told reporters.\n\nOpposition members claimed the 15 million euro wall was too expensive.\n\nThe council said the wall would be finished by 2027.";

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).output().expect("the binary runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn two_articles(dir: &Path) -> (String, String) {
    let a = write(dir, "alpha.txt", ARTICLE_A.as_bytes());
    let b = write(dir, "beta.txt", ARTICLE_B.as_bytes());
    (a.display().to_string(), b.display().to_string())
}

#[test]
fn json_by_default_with_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_articles(dir.path());
    let out = parallax(&["analyze", &a, &b]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    assert_eq!(v["articles"][0]["path"], a.as_str());
    let s = &v["articles"][0]["sentences"][1];
    let body = v["articles"][0]["body"].as_str().unwrap();
    let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
    assert_eq!(&body[start..end], s["text"].as_str().unwrap(), "spans index the body");
    let shared = v["claims"].as_array().unwrap().iter().filter(|c| c["kind"] == "shared").count();
    assert!(shared >= 2, "the council approval and the 2027 date are shared: {shared}");
    assert!(v["links"][0]["evidence"].is_object() && v["links"][0]["why"].is_string());
    for key in ["framing", "events", "warnings"] {
        assert!(v[key].is_array(), "{key}");
    }
}

#[test]
fn markdown_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_articles(dir.path());
    let report = dir.path().join("report.md");
    let out = parallax(&["analyze", &a, &b, "--format", "markdown", "-o", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(report).unwrap();
    assert!(text.starts_with('#') || text.contains("\n#"), "Markdown headings expected:\n{text}");
}

#[test]
fn a_bad_file_is_named_and_the_others_still_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_articles(dir.path());
    let png = write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let empty = write(dir.path(), "empty.txt", b"");
    let missing = dir.path().join("missing.txt");
    let out = parallax(&[
        "analyze",
        &a,
        png.to_str().unwrap(),
        &b,
        empty.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for name in ["photo.png", "empty.txt", "missing.txt"] {
        assert!(err.contains(name), "stderr names {name}: {err}");
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["analyze"][..],
        &["analyze", "x.txt", "--threshold", "2"],
        &["analyze", "x.txt", "--format", "pdf"],
    ] {
        let out = parallax(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn nothing_loadable_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = parallax(&["analyze", dir.path().join("nope.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt"));
}

#[test]
fn batch_writes_one_result_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = two_articles(dir.path());
    let lines = [
        serde_json::json!({"articles": [{"path": a}, {"text": ARTICLE_B, "name": "pasted"}]}).to_string(),
        "this is not json".to_string(),
        serde_json::json!({"articles": [{"text": ARTICLE_A}, {"path": dir.path().join("gone.txt")}]})
            .to_string(),
    ];
    let batch = write(dir.path(), "sets.jsonl", lines.join("\n").as_bytes());
    let out = parallax(&["analyze", "--batch", batch.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one line and one file failed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let results: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["articles"].as_array().unwrap().len(), 2);
    assert!(results[1]["error"].is_string());
    assert_eq!(results[2]["articles"].as_array().unwrap().len(), 1);
    assert_eq!(results[2]["errors"].as_array().unwrap().len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("gone.txt"), "{err}");
}

#[test]
fn threshold_changes_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_articles(dir.path());
    let shared = |t: &str| {
        let out = parallax(&["analyze", &a, &b, "--threshold", t]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["claims"].as_array().unwrap().iter().filter(|c| c["kind"] == "shared").count()
    };
    assert!(shared("0.95") < shared("0.3"));
}
