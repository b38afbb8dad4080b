//! Prints what ingest makes of files: `cargo run --example ingest_show -- FILE...`.
fn main() {
    for path in std::env::args().skip(1) {
        match parallax::ingest::load_path(std::path::Path::new(&path)) {
            Ok(a) => {
                println!("== {path}\n{:?}", a.meta);
                for (i, r) in a.removed.iter().enumerate() {
                    println!("  removed [{}] {:?}", r.rule, a.removal_text(i));
                }
                println!("{}\n", a.body.chars().take(600).collect::<String>());
            }
            Err(e) => println!("== {path}\nerror: {e}\n"),
        }
    }
}
