//! The `parallax` command: no subcommand opens the window on the demo set (or on the files given);
//! `parallax analyze` writes a report for scripts and newsrooms.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use parallax::report::{self, Format};
use parallax::{Settings, analyze, ingest};

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare news articles about one event: agreement, framing, what only one source reports."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or a .parallax session to open in the window (default: the work left open last
    /// time, or the bundled demo set on a first run).
    files: Vec<PathBuf>,
    /// Open the window on the bundled demo set, whatever was open last time.
    #[arg(long, conflicts_with = "files")]
    demo: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write a report (JSON by default) to stdout or a file.
    Analyze(AnalyzeArgs),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Article files (.txt, .md, .html, .htm) or http(s) URLs.
    #[arg(required_unless_present = "batch")]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,
    /// Write the report here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Similarity (0–1) at or above which sentences count as the same claim.
    #[arg(long, value_parser = parse_threshold)]
    threshold: Option<f32>,
    /// Language code (e.g. en) instead of detecting it.
    #[arg(long)]
    language: Option<String>,
    /// Hide outlet names, URLs and dates (Source A, B, …).
    #[arg(long)]
    blind: bool,
    /// JSON Lines file: each line {"articles": [{"path": …} | {"text": …}, …]}; writes one JSON result per line.
    #[arg(long, conflicts_with = "files")]
    batch: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Json,
    Markdown,
    Html,
    Csv,
    CsvFraming,
    Worksheet,
    AnswerKey,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
            FormatArg::CsvFraming => Format::CsvFraming,
            FormatArg::Worksheet => Format::Worksheet,
            FormatArg::AnswerKey => Format::AnswerKey,
        }
    }
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    let v: f32 =
        s.parse().map_err(|_| format!("'{s}' is not a number; give a value from 0 to 1, e.g. 0.3"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0–1; give a value from 0 to 1, e.g. 0.3"))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze(args)) => run_analyze(&args),
        None => open_window(cli.files, cli.demo),
    }
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, demo: bool) -> ExitCode {
    match parallax::app::run(parallax::app::StartOptions { files, demo }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "parallax: could not open the window ({e}); use `parallax analyze FILE...` for a report instead."
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<PathBuf>, _demo: bool) -> ExitCode {
    eprintln!("parallax: built without the window (feature `gui`); showing the demo analysis as Markdown.");
    let comparison = analyze(&parallax::samples::demo(), &Settings::default());
    println!("{}", report::render(&comparison, Format::Markdown, &report::Options::default()));
    ExitCode::SUCCESS
}

fn settings_from(args: &AnalyzeArgs) -> Settings {
    let mut settings = Settings::default();
    if let Some(t) = args.threshold {
        settings.threshold = t;
    }
    settings.language = args.language.clone();
    settings
}

fn load_one(source: &str) -> Result<parallax::Article, ingest::IngestError> {
    if source.starts_with("http://") || source.starts_with("https://") {
        ingest::load_url(source)
    } else {
        ingest::load_path(Path::new(source))
    }
}

fn run_analyze(args: &AnalyzeArgs) -> ExitCode {
    let settings = settings_from(args);
    let options = report::Options { blind: args.blind, ..Default::default() };
    if let Some(batch) = &args.batch {
        return run_batch(batch, args.output.as_deref(), &settings, &options);
    }
    let mut articles = Vec::new();
    let mut failed = false;
    for source in &args.files {
        match load_one(source) {
            Ok(a) => articles.push(a),
            Err(e) => {
                eprintln!("parallax: {e}");
                failed = true;
            }
        }
    }
    if articles.is_empty() {
        eprintln!("parallax: no article could be loaded; nothing to analyse.");
        return ExitCode::FAILURE;
    }
    let comparison = analyze(&articles, &settings);
    for w in &comparison.warnings {
        eprintln!("parallax: warning: {}", w.message);
    }
    let text = report::render(&comparison, args.format.into(), &options);
    if let Err(code) = write_output(args.output.as_deref(), &text) {
        return code;
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), ExitCode> {
    let result = match path {
        Some(p) => std::fs::write(p, text).map_err(|e| {
            format!(
                "could not write the report ({e}); check the folder exists and is writable: {}",
                p.display()
            )
        }),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(|e| format!("could not write to standard output ({e})"))
        }
    };
    result.map_err(|msg| {
        eprintln!("parallax: {msg}");
        ExitCode::FAILURE
    })
}

/// One line of a batch file.
#[derive(serde::Deserialize)]
struct BatchSet {
    articles: Vec<BatchArticle>,
}

#[derive(serde::Deserialize)]
struct BatchArticle {
    path: Option<String>,
    text: Option<String>,
    name: Option<String>,
}

fn run_batch(
    batch: &Path,
    output: Option<&Path>,
    settings: &Settings,
    options: &report::Options,
) -> ExitCode {
    let file = match std::fs::File::open(batch) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("parallax: could not read the batch file ({e}); check the path: {}", batch.display());
            return ExitCode::FAILURE;
        }
    };
    let mut lines_out = Vec::new();
    let mut failed = false;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "parallax: batch line {line_no}: could not read it ({e}); the file must be UTF-8 text."
                );
                failed = true;
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let set: BatchSet = match serde_json::from_str(&line) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "parallax: batch line {line_no}: not a set ({e}); each line must be {{\"articles\": [{{\"path\": …}} or {{\"text\": …}}]}}."
                );
                lines_out.push(serde_json::json!({"line": line_no, "error": e.to_string()}).to_string());
                failed = true;
                continue;
            }
        };
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        for (k, item) in set.articles.iter().enumerate() {
            let name = item
                .name
                .clone()
                .or_else(|| item.path.clone())
                .unwrap_or_else(|| format!("line {line_no} article {}", k + 1));
            let loaded = match (&item.path, &item.text) {
                (Some(p), _) => load_one(p),
                (None, Some(t)) => ingest::from_text(t, &name),
                (None, None) => Err(ingest::IngestError::Empty { path: name.clone() }),
            };
            match loaded {
                Ok(a) => articles.push(a),
                Err(e) => {
                    eprintln!("parallax: batch line {line_no}: {e}");
                    errors.push(e.to_string());
                    failed = true;
                }
            }
        }
        let comparison = analyze(&articles, settings);
        let mut value: serde_json::Value =
            serde_json::from_str(&report::json::to_string(&comparison, options))
                .unwrap_or(serde_json::Value::Null);
        if let Some(obj) = value.as_object_mut() {
            obj.insert("line".into(), line_no.into());
            obj.insert("errors".into(), errors.into());
        }
        lines_out.push(value.to_string());
    }
    let text = lines_out.join("\n");
    if let Err(code) = write_output(output, &text) {
        return code;
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
