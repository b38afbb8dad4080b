//! Rebuilds when the bundled sample sets or lexicons change: `include_dir!` and `include_str!`
//! embed them, but only a build script can tell cargo to watch a whole folder for new files.

fn main() {
    println!("cargo:rerun-if-changed=assets/samples");
    println!("cargo:rerun-if-changed=assets/lexicons");
}
