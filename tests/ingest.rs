//! Ingest on real-world input: saved pages in several encodings with site chrome, plain text with
//! chrome, bad input, pasted HTML, restoring removals, URLs from a local server, and (when present)
//! the shared corpus of real articles.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use parallax::ingest::{self, Article, FetchOptions, IngestError, SourceFormat};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

fn load(name: &str) -> Article {
    match ingest::load_path(&fixture(name)) {
        Ok(a) => a,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// Sentences as text, for "present as a sentence" checks.
fn sentences(a: &Article) -> Vec<&str> {
    (0..a.sentences.len()).map(|i| a.sentence_text(i)).collect()
}

/// What one fixture must give.
struct Expect {
    file: &'static str,
    title: &'static str,
    outlet: &'static str,
    published: Option<&'static str>,
    byline: Option<&'static str>,
    encoding: &'static str,
    format: SourceFormat,
    /// Text the body must contain.
    present: &'static [&'static str],
    /// Text the body must not contain (chrome).
    absent: &'static [&'static str],
    /// Headings the body must mark.
    headings: &'static [&'static str],
}

const PAGE_CHROME: &[&str] = &[
    "Home",
    "cookies",
    "Share this article",
    "Facebook",
    "Tags:",
    "Comments",
    "biased nonsense",
    "Subscribe",
    "Privacy",
    "Port authority names new chief",
];

const FIXTURES: &[Expect] = &[
    Expect {
        file: "harbour_strike.html",
        title: "Dock workers strike at Valmere port",
        outlet: "The Harbour Ledger",
        published: Some("2024-09-17"),
        byline: Some("Mara Lindqvist"),
        encoding: "UTF-8",
        format: SourceFormat::Html,
        present: &[
            "Dock workers at the port of Valmere walked off the job on Tuesday morning",
            "“We are not against machines, we are against being thrown away,” said union secretary Tomas Ekdahl.",
            "could hardly be worse for farmers in the valley.",
        ],
        absent: &["Idle cranes", "Ledger Pictures", "Read also", "Why automation divides"],
        headings: &["Dock workers strike at Valmere port", "Ships wait offshore", "Talks set for Thursday"],
    },
    Expect {
        file: "cafe_tax_cp1252.html",
        title: "Café owners fight terrace tax in Port Aubrac",
        outlet: "Aubrac Daily",
        published: Some("2024-09-23"),
        byline: Some("Sébastien Moreau"),
        encoding: "windows-1252",
        format: SourceFormat::Html,
        present: &[
            "about €1.2 million a year",
            "“This is a second rent dressed up as a levy.”",
            "René Okafor",
        ],
        absent: &["Getty Images", "Related Article", "pedestrianise"],
        headings: &["Council defends the levy"],
    },
    Expect {
        file: "bridge_latin2.htm",
        title: "Zielonogród zbuduje nowy most na Odrze",
        outlet: "Kurier Zachodni",
        published: Some("2024-05-08"),
        byline: Some("Łucja Nowak"),
        encoding: "ISO-8859-2",
        format: SourceFormat::Html,
        present: &["Burmistrz Łucja Wróbel powiedziała", "zamknięty od zeszłej zimy."],
        absent: &[],
        headings: &["Mieszkańcy podzieleni"],
    },
    Expect {
        file: "crane_sjis.html",
        title: "北浜港で自動クレーン試験へ",
        outlet: "北浜新聞",
        published: Some("2024-10-17"),
        byline: Some("山田 花子"),
        encoding: "Shift_JIS",
        format: SourceFormat::Html,
        present: &["港湾局は十七日", "「機械に反対しているのではない。働く人を守りたいだけだ」"],
        absent: &[],
        headings: &["地元経済への影響"],
    },
    Expect {
        file: "bridge_gb18030.txt",
        title: "河港市宣布新建跨江大桥",
        outlet: "Bridge Gb18030",
        published: Some("2024-03-12"),
        byline: None,
        encoding: "GBK",
        format: SourceFormat::Text,
        present: &["河港市政府周二宣布", "工期约为三年。"],
        absent: &["10:30"],
        headings: &["河港市宣布新建跨江大桥"],
    },
    Expect {
        file: "ferries_chrome.txt",
        title: "Nordlink to cancel evening ferries to the outer islands",
        outlet: "Ferries Chrome",
        published: Some("2024-03-12"),
        byline: None,
        encoding: "UTF-8",
        format: SourceFormat::Text,
        present: &["would cancel all evening crossings", "said nurse Elin Strand", "emergency grant"],
        absent: &["will cancel", "icon", "Home |", "Photo", "Read also", "Share this", "Tags:", "09:40"],
        headings: &["Nordlink to cancel evening ferries to the outer islands", "What islanders say"],
    },
    Expect {
        file: "library_utf16.txt",
        title: "Library opens on Sundays after petition",
        outlet: "Library Utf16",
        published: None,
        byline: Some("Oskar Holm"),
        encoding: "UTF-16LE",
        format: SourceFormat::Text,
        present: &["will open on Sundays from April", "paid from the culture budget."],
        absent: &["By Oskar", "Photo:", "Subscribe"],
        headings: &["Library opens on Sundays after petition"],
    },
];

#[test]
fn fixtures_give_clean_body_and_metadata() {
    for e in FIXTURES {
        let a = load(e.file);
        let case = format!("{}:\n{}", e.file, a.body);
        assert_eq!(a.meta.title, e.title, "{case}");
        assert_eq!(a.meta.outlet, e.outlet, "{case}");
        assert_eq!(a.meta.published.as_deref(), e.published, "{case}");
        assert_eq!(a.meta.byline.as_deref(), e.byline, "{case}");
        assert_eq!(a.meta.encoding, e.encoding, "{case}");
        assert_eq!(a.meta.format, e.format, "{case}");
        for p in e.present {
            assert!(a.body.contains(p), "{case}\nmissing: {p}");
        }
        let chrome = if e.format == SourceFormat::Html { PAGE_CHROME } else { &[] };
        for junk in e.absent.iter().chain(chrome) {
            assert!(!a.body.contains(junk), "{case}\nstill there: {junk}");
        }
        let heads: Vec<&str> = a.headings.iter().map(|h| h.of(&a.body)).collect();
        for h in e.headings {
            assert!(heads.contains(h), "{case}\nheading {h} not in {heads:?}");
        }
        for s in &a.sentences {
            assert!(a.body.get(s.span.start..s.span.end).is_some(), "{case}: bad span");
        }
        assert!(a.removed.iter().all(|r| !r.span.of(&a.extracted).is_empty()), "{case}: empty removal");
    }
}

#[test]
fn html_pages_have_canonical_urls() {
    let a = load("harbour_strike.html");
    assert_eq!(a.meta.url.as_deref(), Some("https://www.harbourledger.example/news/2024/09/valmere-strike"));
    assert_eq!(a.meta.language, "en");
}

#[test]
fn every_removal_can_be_put_back_and_taken_out_again() {
    let mut a = load("ferries_chrome.txt");
    let clean_body = a.body.clone();
    let dup = (0..a.removed.len())
        .find(|&i| a.removed[i].rule == "duplicate paragraph" && a.removal_text(i).contains("will cancel"))
        .expect("the repeated lead is removed");
    let dup_text = a.removal_text(dup).to_string();
    assert!(dup_text.contains("will cancel"), "{dup_text}");
    assert!(a.restore(dup));
    assert!(a.body.contains(&dup_text), "{}", a.body);
    assert!(a.sentences.iter().any(|s| s.span.of(&a.body) == dup_text));
    assert!(a.set_restored(dup, false));
    assert_eq!(a.body, clean_body);
    for i in 0..a.removed.len() {
        assert!(a.restore(i));
    }
    assert!(a.removal_counts().is_empty());
    for i in 0..a.removed.len() {
        assert!(a.body.contains(a.removal_text(i).trim()), "restored {i}: {}", a.removal_text(i));
    }
    assert!(!a.restore(a.removed.len()), "no such removal");
}

#[test]
fn bad_input_gets_a_clear_message() {
    let rows: &[(&str, &str)] = &[
        ("photo.png", "is an image (PNG), not an article"),
        ("report.pdf", "PDF files are not supported yet"),
        ("empty.txt", "the file is empty"),
        ("nav_only.html", "no article text was found"),
        ("does_not_exist.txt", "could not read the file"),
    ];
    for (file, expected) in rows {
        let path = fixture(file);
        let err = ingest::load_path(&path).expect_err(file);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{file}: {msg}");
        assert!(msg.ends_with(&path.display().to_string()), "{file}: message must end with the path: {msg}");
    }
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.html");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: no 50 MB written
    let start = Instant::now();
    let err = ingest::load_path(&path).expect_err("over the cap");
    assert!(matches!(err, IngestError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("50.0 MB, over the 10 MB limit"), "{err}");
    assert!(start.elapsed() < Duration::from_millis(500), "must not read the file");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pasted_html_and_text() {
    let html = std::fs::read_to_string(fixture("pasted_fragment.txt")).unwrap();
    let a = ingest::from_paste(&html, "pasted 1").unwrap();
    assert_eq!(a.meta.format, SourceFormat::Html);
    assert_eq!(a.meta.path, None);
    assert!(!a.body.contains("<p>"), "{}", a.body);
    assert_eq!(a.body.matches("\n\n").count() + 1, 3, "three paragraphs: {}", a.body);
    let t =
        ingest::from_paste("Bridge opens\nThe bridge opened on Monday, officials said.", "pasted 2").unwrap();
    assert_eq!(t.meta.format, SourceFormat::Text);
    assert_eq!(t.meta.title, "Bridge opens");
    assert_eq!(t.meta.outlet, "", "the user names the outlet of pasted text");
}

#[test]
fn one_megabyte_page_is_fast() {
    const WORDS: [&str; 11] = [
        "harbour", "northern", "school", "river", "road", "market", "hospital", "railway", "energy", "water",
        "youth",
    ];
    let mut html = String::from("<!DOCTYPE html><html><head><title>Big page</title></head><body><article>");
    let mut i = 0;
    while html.len() < 1024 * 1024 {
        html.push_str(&format!(
            "<h2>Section {i}</h2><p>Paragraph {i} reports that officials in {} district met {} times to discuss the {} budget, \
             while {} residents asked about {}, {} and the {}.</p>",
            WORDS[i % 11],
            WORDS[(i / 11) % 11],
            WORDS[(i / 121) % 11],
            WORDS[(i * 7) % 11],
            WORDS[(i * 3 + 1) % 11],
            WORDS[(i / 5) % 11],
            WORDS[(i / 17) % 11],
        ));
        i += 1;
    }
    html.push_str("</article></body></html>");
    let start = Instant::now();
    let a = ingest::from_bytes(html.as_bytes(), "big.html").unwrap();
    let took = start.elapsed();
    eprintln!("1 MB page: {} paragraphs, {} sentences, {:?}", i, a.sentences.len(), took);
    assert!(a.sentences.len() > 1000);
    assert!(took < Duration::from_secs(20), "ingest of 1 MB took {took:?}");
}

// ---------------------------------------------------------------- URLs, against a local server

/// Serves canned answers on 127.0.0.1 until the test ends; returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut req = Vec::new();
                while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => req.extend_from_slice(&buf[..n]),
                    }
                }
                let req = String::from_utf8_lossy(&req).to_string();
                let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                respond(&mut stream, &path, &req);
            });
        }
    });
    base
}

fn respond(stream: &mut std::net::TcpStream, path: &str, req: &str) {
    let head = |status: &str, extra: &str| format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}\r\n");
    match path {
        "/cafe" => {
            let body = std::fs::read(fixture("cafe_tax_cp1252.html")).unwrap();
            let ua_ok = req.contains("Mozilla/5.0");
            let status = if ua_ok { "200 OK" } else { "403 Forbidden" };
            let h = head(
                status,
                &format!(
                    "Content-Type: text/html; charset=windows-1252\r\nContent-Length: {}\r\n",
                    body.len()
                ),
            );
            let _ = stream.write_all(h.as_bytes());
            let _ = stream.write_all(&body);
        }
        "/moved" => {
            let _ = stream.write_all(
                head("301 Moved Permanently", "Location: /cafe\r\nContent-Length: 0\r\n").as_bytes(),
            );
        }
        "/loop" => {
            let _ =
                stream.write_all(head("302 Found", "Location: /loop\r\nContent-Length: 0\r\n").as_bytes());
        }
        "/huge" => {
            let _ = stream.write_all(
                head("200 OK", "Content-Type: text/html\r\nContent-Length: 52428800\r\n").as_bytes(),
            );
        }
        "/stream" | "/slow" => {
            let _ = stream.write_all(head("200 OK", "Content-Type: text/html\r\n").as_bytes());
            let chunk = vec![b'a'; 8192];
            for _ in 0..64 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
                if path == "/slow" {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
        _ => {
            let _ = stream.write_all(head("404 Not Found", "Content-Length: 9\r\n").as_bytes());
            let _ = stream.write_all(b"not found");
        }
    }
}

fn opts(max_bytes: usize) -> FetchOptions {
    FetchOptions { timeout: Duration::from_secs(10), max_bytes, max_redirects: 3 }
}

#[test]
fn fetches_a_page_with_charset_header_and_redirect() {
    let base = serve();
    let seen = std::sync::Mutex::new(0u64);
    let progress = |n: u64| *seen.lock().unwrap() = n;
    let a = ingest::fetch_url(&format!("{base}/moved"), &opts(1 << 20), &progress, &AtomicBool::new(false))
        .unwrap();
    assert_eq!(a.meta.title, "Café owners fight terrace tax in Port Aubrac");
    assert_eq!(a.meta.encoding, "windows-1252");
    assert_eq!(a.meta.outlet, "Aubrac Daily");
    assert_eq!(a.meta.path.as_deref(), Some(format!("{base}/moved").as_str()));
    assert!(*seen.lock().unwrap() > 1000, "progress was reported");
}

#[test]
fn fetch_failures_say_what_happened() {
    let base = serve();
    let refused = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        format!("http://127.0.0.1:{port}/")
    };
    let rows: Vec<(String, usize, &str)> = vec![
        (format!("{base}/gone"), 1 << 20, "the page was not found (HTTP 404)"),
        (format!("{base}/loop"), 1 << 20, "more than 3 redirects"),
        (format!("{base}/huge"), 1 << 20, "50.0 MB, over the 1 MB limit"),
        (format!("{base}/stream"), 100_000, "over the"),
        (refused, 1 << 20, "refused"),
        ("ftp://example.org/a".into(), 1 << 20, "only http:// and https://"),
    ];
    for (url, max, expected) in rows {
        let err = ingest::fetch_url(&url, &opts(max), &|_| {}, &AtomicBool::new(false)).expect_err(&url);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{url}: {msg}");
        assert!(msg.ends_with(url.as_str()), "{url}: message must end with the address: {msg}");
    }
}

#[test]
fn fetch_can_be_cancelled() {
    let base = serve();
    let cancel = AtomicBool::new(false);
    let progress = |n: u64| {
        if n > 20_000 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let start = Instant::now();
    let err = ingest::fetch_url(&format!("{base}/slow"), &opts(1 << 20), &progress, &cancel)
        .expect_err("cancelled");
    assert!(matches!(err, IngestError::Cancelled { .. }), "{err}");
    assert!(start.elapsed() < Duration::from_secs(3), "cancel stops the download early");
}

// ---------------------------------------------------------------- the shared corpus (optional)

fn corpus_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("PARALLAX_CORPUS").map(PathBuf::from),
        Some(root.join("../shared/corpus")),
        Some(root.join("../../shared/corpus")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_dir())
}

fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html" | "htm" | "md")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn shared_corpus_is_cleaned() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no ../shared/corpus");
        return;
    };
    let files = corpus_files(&dir);
    eprintln!("corpus: {} files in {}", files.len(), dir.display());
    for path in files {
        let a = match ingest::load_path(&path) {
            Ok(a) => a,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let case = path.display().to_string();
        let sents = sentences(&a);
        for s in &sents {
            let lower = s.to_lowercase();
            let icons = s.split_whitespace().filter(|w| w.to_lowercase().contains("icon")).count();
            assert!(icons < 3, "{case}: navigation junk survived: {s}");
            for junk in ["(photo", "photo:", "read also", "related article", "read more:", "getty images"] {
                assert!(
                    !lower.starts_with(junk) && !lower.contains("getty images"),
                    "{case}: {junk} survived: {s}"
                );
            }
        }
        // No paragraph twice: the duplicated lead counts once.
        let paragraphs: Vec<Vec<String>> = a.body.split("\n\n").map(words).filter(|w| w.len() >= 8).collect();
        for (i, p) in paragraphs.iter().enumerate() {
            for q in &paragraphs[..i] {
                let same = p.iter().zip(q).filter(|(a, b)| a == b).count();
                assert!(
                    same * 10 < p.len().max(q.len()) * 9,
                    "{case}: a paragraph appears twice: {}",
                    p.join(" ")
                );
            }
        }
        // A dateline line in the file becomes the date.
        if a.original.lines().take(10).any(|l| ingest::meta::is_dateline(l.trim())) {
            assert!(a.meta.published.is_some(), "{case}: dateline not turned into the date");
            assert!(
                a.body.lines().all(|l| !ingest::meta::is_dateline(l.trim())),
                "{case}: dateline left in the body"
            );
        }
    }
}
