//! One frame of the window with ten articles open (side-by-side view, a claim selected),
//! drawn headless through egui_kittest: the CPU cost of layout and tessellation per frame.
//! Target: ≤ 4 ms.

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

fn frame(c: &mut Criterion) {
    let mut app = App::with_comparison(ten_articles(), Prefs::default());
    app.apply(Action::NextClaim);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app);
    h.run();
    c.bench_function("frame_10_articles", |b| b.iter(|| h.step()));
}

criterion_group!(benches, frame);
criterion_main!(benches);
