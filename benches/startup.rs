//! Start-up to the first frame, as `cargo run --release` does it minus the window system: the
//! demo set is loaded from the bundled files and analysed (`App::demo`, what `app::run` builds
//! when no files are given), then a fresh egui context runs and tessellates the first frame
//! (fonts laid out for the first time). The GPU upload of the font atlas and the OS window are
//! not included (≈ 150 ms more under Xvfb, see docs). Target: ≤ 500 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::app::{App, Prefs};

fn first_frame() -> usize {
    let ctx = egui::Context::default();
    let mut app = App::demo(Prefs::default());
    app.set_repaint_context(ctx.clone());
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.show_ui(ui));
    out.textures_delta.clear(); // No GPU here: the font atlas is not uploaded.
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("demo_to_first_frame", |b| b.iter(first_frame));
    group.bench_function("demo_load_and_analysis", |b| b.iter(|| App::demo(Prefs::default())));
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
