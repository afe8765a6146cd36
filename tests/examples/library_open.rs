//! Issue 14's library of 1,000 documents and 100,000 annotations as a file, and what
//! opening it costs, each step in a fresh process so its peak memory is its own:
//!
//!   cargo run --profile bench --example library_open -- generate /tmp/lib.sqlite3
//!   cargo run --profile bench --example library_open -- state /tmp/lib.sqlite3
//!   cargo run --profile bench --example library_open -- corpus /tmp/lib.sqlite3
//!   cargo run --profile bench --example library_open -- search /tmp/lib.sqlite3
//!
//! `state`: the window's state opened as `pizhu` opens it (store, library table, the
//! document read last), without drawing. `corpus`: what the first search-everything reads.
//! `search`: the first Ctrl+Shift+F right after start, without and with the corpus read
//! ahead on a thread (as the window does), the user taking half a second to press it.
//! The window itself (first frame, RSS) is measured by running the real binary on the
//! file (`PIZHU_TIMING=1 pizhu --db FILE`, see the closing note of issue 14).

use std::path::Path;
use std::time::Instant;

use pizhu::session::{AppState, Command};
use pizhu::store::Store;

#[path = "../benches/support/generated_library.rs"]
mod generated_library;
use generated_library::{build_file_library, rss_mb};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(step), Some(db)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: library_open generate|state|corpus|search DB");
        std::process::exit(2);
    };
    let db = Path::new(db);
    match step.as_str() {
        "generate" => {
            let t = Instant::now();
            build_file_library(db);
            // Open document 1 once, so `state` opens it as the document read last.
            let mut state = AppState::new(Store::open(db).unwrap());
            state.start(&[]);
            state.apply(Command::OpenDocument(1));
            state.flush();
            println!("generated {} in {:.1} s", db.display(), ms(t) / 1000.0);
        }
        "state" => {
            let t = Instant::now();
            let mut state = AppState::new(Store::open(db).unwrap());
            state.start(&[]);
            let open = state.doc().map(|d| d.id);
            println!(
                "state: {:.0} ms (library of {} documents, document {open:?} open); RSS {:.0} MB, peak {:.0} MB",
                ms(t),
                state.library().len(),
                rss_mb().0,
                rss_mb().1
            );
        }
        "corpus" => {
            let store = Store::open(db).unwrap();
            let mut times = Vec::new();
            let mut annotations = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let corpus = store.corpus().unwrap();
                times.push(ms(t));
                annotations = corpus.annotation_count();
            }
            let first = times[0];
            times.sort_by(f64::total_cmp);
            println!(
                "corpus: first {first:.0} ms, median of 5 {:.0} ms ({annotations} annotations); peak RSS {:.0} MB",
                times[2],
                rss_mb().1
            );
        }
        "search" => {
            for ahead in [false, true] {
                let mut state = AppState::new(Store::open(db).unwrap());
                state.start(&[]);
                if ahead {
                    state.prefetch_corpus();
                }
                std::thread::sleep(std::time::Duration::from_millis(500));
                let t = Instant::now();
                state.apply(Command::SearchEverything);
                println!(
                    "first search everything, corpus read ahead {ahead}: {:.0} ms",
                    ms(t)
                );
            }
        }
        other => {
            eprintln!("unknown step {other}; use generate, state, corpus or search");
            std::process::exit(2);
        }
    }
}
