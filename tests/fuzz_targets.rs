//! Fuzzing on the stable toolchain (issue 16.11): three targets driven by a seeded mutator
//! for a fixed time. `cargo test --test fuzz_targets` runs each for a few seconds (CI);
//! `PIZHU_FUZZ_SECS=600 cargo test --release --test fuzz_targets -- --nocapture` runs each
//! for ten minutes and prints executions. `PIZHU_FUZZ_SEED` picks another random stream.
//!
//! Targets: decode + reflow + outline of mutated page bytes; W3C import (parse and merge into
//! a library) of mutated annotation JSON; opening mutated (damaged) database files. A panic
//! is a finding: its input is written under `target/fuzz-findings/` and the test fails; keep
//! it as a regression case in `fuzz_findings_stay_fixed` below.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pizhu::core::outline::char_slice;
use pizhu::ingest::ingest_bytes;
use pizhu::store::Store;

const SAMPLE: &[u8] = include_bytes!("../seeds/000_51e883962f205273.txt");

/// xorshift64*: small, seedable, good enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn budget() -> Duration {
    let secs = std::env::var("PIZHU_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    Duration::from_secs_f64(secs)
}

fn seed() -> u64 {
    std::env::var("PIZHU_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15)
}

/// Pieces a newspaper page and hostile text are made of.
const DICTIONARY: &[&str] = &[
    "■上接第1版",
    "（下转第2版）",
    "本报记者",
    "新华社北京4月28日电",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{c}",
    "\t",
    " ",
    "\u{3000}",
    "。",
    "，",
    "“",
    "”",
    "【",
    "】",
    "—",
    "……",
    "第一",
    "1",
    "2024年",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1b}[31m",
    "🙂",
    "é",
    "e\u{301}",
    "\u{10FFFF}",
    "\u{FFFD}",
    "责任编辑：",
    "图为",
    "（本报记者 张三）",
    "一、",
    "（一）",
    "■",
    "●",
    "◆",
    "A",
    "Z",
];

/// One to eight mutations of `input`: byte flips, dictionary splices, chunk copies and drops,
/// truncation.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] = rng.next() as u8;
            }
            2 => {
                let word = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                out.splice(at..at, word.iter().copied());
            }
            3 if len > 0 => {
                let from = rng.below(len);
                let to = (from + rng.below(256)).min(len);
                let chunk = out[from..to].to_vec();
                out.splice(at..at, chunk);
            }
            4 if len > 0 => {
                let to = (at + rng.below(64)).min(len);
                out.drain(at.min(to)..to);
            }
            5 => out.truncate(at),
            _ => {
                // Repeat a line break run or a marker many times (long lines, many paragraphs).
                let word = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                let times = 1 + rng.below(200);
                let repeated: Vec<u8> = word
                    .iter()
                    .copied()
                    .cycle()
                    .take(word.len() * times)
                    .collect();
                out.splice(at..at, repeated);
            }
        }
    }
    out
}

/// Run `target` on mutated inputs for the time budget; a panic writes the input and fails.
fn fuzz(name: &str, corpus: &[Vec<u8>], mut target: impl FnMut(&[u8])) {
    let budget = budget();
    let mut rng = Rng(seed() ^ name.len() as u64);
    let started = Instant::now();
    let mut executions = 0u64;
    // The corpus itself first.
    for input in corpus {
        target(input);
    }
    while started.elapsed() < budget {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, base);
        let result = catch_unwind(AssertUnwindSafe(|| target(&input)));
        executions += 1;
        if result.is_err() {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("{name}-{executions}.bin"));
            std::fs::write(&path, &input).unwrap();
            panic!("{name}: panic on input saved as {}", path.display());
        }
    }
    eprintln!(
        "fuzz {name}: {executions} executions in {:.1} s, no findings",
        started.elapsed().as_secs_f64()
    );
}

/// Decoding and reflowing any bytes either fails with an error or gives an outline whose
/// paragraphs select their own text.
fn decode_and_reflow(input: &[u8]) {
    let Ok(ingested) = ingest_bytes(Path::new("fuzz.txt"), input) else {
        return;
    };
    let outline = &ingested.outline;
    let len = outline.text.chars().count();
    for article in &outline.articles {
        for section in &article.sections {
            for p in &section.paragraphs {
                assert!(
                    p.start <= p.end && p.end <= len,
                    "paragraph {}..{} of {len}",
                    p.start,
                    p.end
                );
                assert_eq!(char_slice(&outline.text, p.start, p.end), p.text);
            }
        }
    }
}

#[test]
fn fuzz_decode_and_reflow() {
    let corpus = vec![
        SAMPLE.to_vec(),
        SAMPLE[..SAMPLE.len() / 3].to_vec(),
        encoding_rs::GB18030
            .encode(std::str::from_utf8(SAMPLE).unwrap())
            .0
            .into_owned(),
    ];
    fuzz("decode_reflow", &corpus, decode_and_reflow);
}

/// A library holding the sample page, its W3C export, and the page's sha256.
fn library_with_sample() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let ingested = ingest_bytes(Path::new("sample.txt"), SAMPLE).unwrap();
    let (doc, _) = pizhu::library::import(&mut store, Path::new("sample.txt"), &ingested).unwrap();
    for (i, (start, end)) in [(10, 20), (100, 160), (300, 301)].into_iter().enumerate() {
        store
            .add_annotation(&pizhu::store::NewAnnotation {
                document_id: doc,
                start,
                end,
                color: 1 + i as u8,
                note: format!("批注{i}"),
                tags: vec!["经济".into(), format!("t{i}")],
            })
            .unwrap();
    }
    let rendered = pizhu::notes::render(&store, pizhu::export::Format::W3cJson, None).unwrap();
    (store, rendered.text().into_owned())
}

#[test]
fn fuzz_w3c_import() {
    let (mut store, export) = library_with_sample();
    let corpus = vec![export.into_bytes()];
    fuzz("w3c_import", &corpus, |input| {
        let Ok(json) = std::str::from_utf8(input) else {
            return;
        };
        // Parse errors and refusals are fine; panics and partial writes are not.
        let before = store.annotations(None).unwrap().len();
        match pizhu::notes::import_annotations(&mut store, json) {
            Ok(_) => {}
            Err(_) => assert_eq!(
                store.annotations(None).unwrap().len(),
                before,
                "a refused file wrote"
            ),
        }
    });
}

#[test]
fn fuzz_open_damaged_databases() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite3");
    {
        let mut store = Store::open(&good).unwrap();
        let ingested = ingest_bytes(Path::new("sample.txt"), SAMPLE).unwrap();
        let (doc, _) =
            pizhu::library::import(&mut store, Path::new("sample.txt"), &ingested).unwrap();
        store
            .add_annotation(&pizhu::store::NewAnnotation {
                document_id: doc,
                start: 5,
                end: 15,
                color: 2,
                note: "批注".into(),
                tags: vec!["经济".into()],
            })
            .unwrap();
    }
    // Fold the WAL into the file so the bytes are the whole library.
    {
        let conn = rusqlite::Connection::open(&good).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let corpus = vec![std::fs::read(&good).unwrap()];
    let path = dir.path().join("fuzzed.sqlite3");
    fuzz("open_damaged_db", &corpus, |input| {
        for extra in ["", "-wal", "-shm", "-journal"] {
            let mut p = path.as_os_str().to_owned();
            p.push(extra);
            let _ = std::fs::remove_file(&p);
        }
        std::fs::write(&path, input).unwrap();
        match Store::open(&path) {
            Err(pizhu::store::StoreError::Refused { .. }) => {
                assert_eq!(
                    std::fs::read(&path).unwrap(),
                    input,
                    "a refused database was written"
                );
            }
            Err(_) => {}
            Ok(store) => {
                // Reads may fail on damaged pages, but must not panic.
                let _ = store.documents();
                let _ = store.annotations(None);
                let _ = store.integrity_check();
                if let Ok(docs) = store.documents() {
                    for d in docs {
                        let _ = store.document(d.id);
                    }
                }
            }
        }
    });
}

/// Inputs the fuzzers once found problems with (none so far beyond those fixed before the
/// fuzzers ran; add each new finding here).
#[test]
fn fuzz_findings_stay_fixed() {
    for input in [
        &b"\xEF\xBB\xBF"[..],
        b"\xFF\xFE",
        b"\r",
        b"\x0c\x0c",
        "■上接第1版".as_bytes(),
    ] {
        decode_and_reflow(input);
    }
}
