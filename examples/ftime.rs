use std::time::Instant;
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let articles = parallax::synthetic::article_set(n, 1000, 1, 42);
    let t = Instant::now();
    let c = parallax::analyze(&articles, &parallax::Settings::default());
    let total = t.elapsed();
    let docs: Vec<_> = c.articles.iter().map(|a| parallax::text::Doc::build(a, None)).collect();
    let t = Instant::now();
    let f = parallax::framing::analyze(&parallax::framing::Input { articles: &c.articles, docs: &docs, claims: &c.claims, links: &c.links });
    println!("{n}: total {total:?}, framing {:?}, markers {}", t.elapsed(), f.markers.len());
}
