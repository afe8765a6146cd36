//! Print how the shipped reflow model labels a page: label, margin, text per piece.
//!
//! `cargo run --example label_page -- PAGE.txt`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: label_page PAGE.txt");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = pizhu::ingest::decode(&path, &bytes)
        .unwrap_or_else(|e| panic!("{e}"))
        .text;
    for line in pizhu::core::reflow::debug_labels(&text, pizhu::core::reflow::Model::shipped()) {
        println!("{line}");
    }
}
