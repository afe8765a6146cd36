//! Prepares a load for measuring `pizhu import-annotations` and `pizhu export` on a
//! realistic library: DOCS copies of the bundled sample (each made distinct by a
//! last line) imported into DB, and a W3C JSON file with N annotations spread over
//! them, written to OUT. The annotations are not stored; importing OUT stores them.
//!
//!     cargo run --release --example export_load -- DB OUT [N=100000] [DOCS=10]
//!     /usr/bin/time -v pizhu --db DB import-annotations OUT
//!     /usr/bin/time -v pizhu --db DB export --format md --out notes.md

use std::path::PathBuf;

use pizhu::core::anchor::quote_context;
use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::export::{ExportDocument, Format};
use pizhu::ingest::ingest_bytes;
use pizhu::store::Store;

const SAMPLE: &str = include_str!("../../seeds/000_51e883962f205273.txt");

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: export_load DB OUT [N] [DOCS]");
    };
    let n: usize = rest
        .first()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let docs: usize = rest.get(1).map(|s| s.parse()).transpose()?.unwrap_or(10);

    let mut store = Store::open(&PathBuf::from(db))?;
    let mut stored = Vec::new();
    for d in 0..docs {
        let path = PathBuf::from(format!("/load/page-{d}.txt"));
        let text = format!("{SAMPLE}\n（第{d}份）\n");
        let (id, _) =
            pizhu::library::import(&mut store, &path, &ingest_bytes(&path, text.as_bytes())?)?;
        stored.push(store.document(id)?);
    }
    let names = store.color_names()?;
    let annotations: Vec<Vec<Annotation>> = stored
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let text = &doc.outline.text;
            let chars = doc.outline.char_len();
            let count = n / docs + usize::from(d < n % docs);
            (0..count)
                .map(|i| {
                    let start = (i * 7919) % (chars - 40);
                    let end = start + 4 + i % 24;
                    let (quote, prefix, suffix) = quote_context(text, start, end);
                    Annotation {
                        id: uuid::Uuid::new_v4().to_string(),
                        document_id: doc.id,
                        start,
                        end,
                        quote,
                        prefix,
                        suffix,
                        color: (i % 6) as u8 + 1,
                        note: if i % 3 == 0 {
                            format!("第{i}条：含逗号, \"引号\"\n第二行 🙂")
                        } else {
                            String::new()
                        },
                        tags: (0..i % 4).map(|t| format!("标签{t}")).collect(),
                        created: "2024-05-01T08:00:00.000Z".into(),
                        modified: "2024-05-02T09:30:00.000Z".into(),
                        status: AnchorStatus::Anchored,
                    }
                })
                .collect()
        })
        .collect();
    let views: Vec<ExportDocument> = stored
        .iter()
        .zip(&annotations)
        .map(|(d, a)| ExportDocument::new(d.id, &d.source_path, &d.content_hash, &d.outline, a))
        .collect();
    std::fs::write(out, Format::W3cJson.render(&views, &names))?;
    eprintln!("{docs} documents in {db}; {n} annotations in {out}");
    Ok(())
}
