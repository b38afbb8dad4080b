//! One frame of the window with ten articles open (side-by-side view, a claim selected), on
//! the CPU: `frame_10_articles` is what the window pays per frame (egui pass + tessellation,
//! as eframe runs it); `frame_10_articles_kittest` adds the accessibility tree kittest builds
//! (the window only builds it when a screen reader asks). Target: ≤ 4 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use parallax::app::action::Action;
use parallax::app::{App, Prefs};

/// Ten articles: the demo set repeated with distinct outlet names and light edits, so the
/// columns are not identical copies.
fn ten_articles() -> Vec<parallax::Article> {
    let demo = parallax::samples::demo();
    (0..10)
        .filter_map(|i| {
            let base = demo.get(i % demo.len().max(1))?;
            let body = format!("{}\nEdition {} adds a closing line about the sanctions.", base.body, i + 1);
            let mut a = parallax::ingest::from_text(&body, &format!("outlet-{i}.txt")).ok()?;
            a.meta.outlet = format!("Outlet {}", i + 1);
            Some(a)
        })
        .collect()
}

fn app() -> App {
    let mut app = App::with_comparison(ten_articles(), Prefs::default());
    app.apply(Action::NextClaim);
    app
}

fn frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = app();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    };
    // Settle scrolling and caches first, as a window does after its first frames.
    for _ in 0..5 {
        let mut out = ctx.run_ui(input(), |ui| app.show_ui(ui));
        out.textures_delta.clear(); // No GPU here: the font atlas is not uploaded.
    }
    c.bench_function("frame_10_articles", |b| {
        b.iter(|| {
            let mut out = ctx.run_ui(input(), |ui| app.show_ui(ui));
            out.textures_delta.clear();
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), self::app());
    h.run();
    c.bench_function("frame_10_articles_kittest", |b| b.iter(|| h.step()));
}

criterion_group!(benches, frame);
criterion_main!(benches);
