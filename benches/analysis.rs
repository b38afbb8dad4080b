//! Analysis speed: each bundled sample set, five generated 900-word articles, and generated sets of 100 and 200 articles of about
//! 1,000 words (the 200-article time should stay within 2.5× the 100-article time).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::{Settings, analyze, samples, synthetic};

fn sample_sets(c: &mut Criterion) {
    let mut group = c.benchmark_group("samples");
    for set in samples::sets() {
        let (articles, _) = samples::load(set.name);
        group.bench_with_input(BenchmarkId::from_parameter(set.name), &articles, |b, a| {
            b.iter(|| analyze(a, &Settings::default()))
        });
    }
    // The "five-article set": five generated 900-word articles on one story (the top of
    // the demo sets' 400–900 word range; the bundled sets have four articles each).
    let five = synthetic::article_set(5, 900, 1, 7);
    group.bench_with_input(BenchmarkId::from_parameter("five-generated-900-words"), &five, |b, a| {
        b.iter(|| analyze(a, &Settings::default()))
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("generated_1k_words");
    group.sample_size(10);
    for n in [100, 200] {
        let articles = synthetic::article_set(n, 1_000, 1, 42);
        group.bench_with_input(BenchmarkId::from_parameter(n), &articles, |b, a| {
            b.iter(|| analyze(a, &Settings::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, sample_sets, scaling);
criterion_main!(benches);
