//! Issue 13 end to end through the binary: `pizhu fix`, `pizhu outline --doc`, and
//! corrections kept through a re-import of a changed file and a reflow version bump.

use serde_json::Value;

const SAMPLE: &str = include_str!("../seeds/000_51e883962f205273.txt");

mod cli_support;
use cli_support::Library;

fn outline(lib: &Library, doc: &str) -> Value {
    lib.json(&["outline", "--doc", doc, "--json"])
}

fn offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .chars()
        .count()
}

fn paragraphs(outline: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for a in outline["articles"].as_array().unwrap() {
        for s in a["sections"].as_array().unwrap() {
            for p in s["paragraphs"].as_array().unwrap() {
                out.push(p["text"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

fn headings(outline: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for a in outline["articles"].as_array().unwrap() {
        for s in a["sections"].as_array().unwrap() {
            if let Some(h) = s["heading"].as_str() {
                out.push(h.to_string());
            }
        }
    }
    out
}

#[test]
fn split_mark_list_undo_from_the_command_line() {
    let lib = Library::new();
    let doc = lib.import("page.txt", SAMPLE);
    let before = outline(&lib, &doc);
    // Same schema as for a file.
    let file_outline: Value = serde_json::from_str(&lib.ok(&[
        "outline",
        lib.dir.path().join("page.txt").to_str().unwrap(),
        "--json",
    ]))
    .unwrap();
    assert_eq!(before, file_outline);

    let text = lib.ok(&["text", &doc]);
    let first = paragraphs(&before)[0].clone();
    let cut: String = first.chars().take(12).collect();
    let at = offset(&text, &first) + 12;
    // An annotation across the place of the split and one on a later paragraph.
    let span = format!("{}", at - 3);
    let end = format!("{}", at + 3);
    lib.ok(&[
        "annotate", &doc, "--start", &span, "--end", &end, "--note", "跨越",
    ]);
    assert_eq!(lib.ok(&["fix", &doc, "split", "--at", &at.to_string()]), "");
    let after = outline(&lib, &doc);
    let paras = paragraphs(&after);
    assert_eq!(paras[0], cut);
    assert_eq!(paras.len(), paragraphs(&before).len() + 1);

    let second = paras[2].clone();
    let mark_at = offset(&lib.ok(&["text", &doc]), &second).to_string();
    assert_eq!(
        lib.ok(&["fix", &doc, "mark", "heading", "--at", &mark_at]),
        ""
    );
    assert!(headings(&outline(&lib, &doc)).contains(&second));

    // The annotation was re-anchored, not lost: its quote lost only a line break.
    let notes: Value = serde_json::from_str(&lib.ok(&["annotations", &doc, "--json"])).unwrap();
    let note = &notes.as_array().unwrap()[0];
    let quote = note["quote"].as_str().unwrap();
    assert_eq!(
        quote.replace('\n', ""),
        first.chars().skip(9).take(6).collect::<String>()
    );
    assert_eq!(note["status"], "anchored");

    let list = lib.ok(&["fix", &doc, "--list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.lines().next().unwrap().contains("split"));
    assert!(list.lines().all(|l| l.ends_with("applied")), "{list}");
    let json: Value = serde_json::from_str(&lib.ok(&["fix", &doc, "--list", "--json"])).unwrap();
    assert_eq!(json[1]["action"], "mark heading");
    assert_eq!(json[1]["applied"], true);

    assert_eq!(lib.ok(&["fix", &doc, "--undo"]), "");
    assert_eq!(lib.ok(&["fix", &doc, "--undo"]), "");
    assert_eq!(outline(&lib, &doc), before);
    assert!(lib
        .fails_quietly(&["fix", &doc, "--undo"])
        .contains("no corrections"));
}

#[test]
fn offsets_that_do_not_fit_fail_with_a_clear_error() {
    let lib = Library::new();
    let doc = lib.import("page.txt", SAMPLE);
    let err = lib.fails_quietly(&["fix", &doc, "split", "--at", "0"]);
    assert!(err.contains("start"), "{err}");
    let err = lib.fails_quietly(&["fix", &doc, "merge-article", "--at", "0"]);
    assert!(
        err.contains("not the start of an article after another"),
        "{err}"
    );
    let err = lib.fails_quietly(&["fix", &doc, "join", "--at", "999999"]);
    assert!(err.contains("past the end"), "{err}");
    let err = lib.fails_quietly(&["fix", &doc, "mark", "--at", "5"]);
    assert!(err.contains("KIND"), "{err}");
    assert_eq!(lib.ok(&["fix", &doc, "--list"]), "");
}

#[test]
fn corrections_survive_a_changed_file_and_report_what_no_longer_applies() {
    let lib = Library::new();
    let doc = lib.import("page.txt", SAMPLE);
    let text = lib.ok(&["text", &doc]);
    let paras = paragraphs(&outline(&lib, &doc));
    let (first, last) = (paras[0].clone(), paras[paras.len() - 1].clone());
    let split_at = offset(&text, &first) + 8;
    let mark_at = offset(&text, &last);
    lib.ok(&["fix", &doc, "split", "--at", &split_at.to_string()]);
    lib.ok(&["fix", &doc, "mark", "heading", "--at", &mark_at.to_string()]);
    let listed: Value = serde_json::from_str(&lib.ok(&["fix", &doc, "--list", "--json"])).unwrap();
    let marked_line = listed[1]["quote"].as_str().unwrap().to_string();

    // The file changes: a line added on top, the marked paragraph's line rewritten.
    let changed = format!(
        "编者按：本版文字有更新。\n\n{}",
        SAMPLE.replace(&marked_line, "这一行在新版里被改写了，原来的句子不见了。")
    );
    let out = lib.run(&["import", lib.dir.path().join("page.txt").to_str().unwrap()]);
    assert!(out.status.success());
    std::fs::write(lib.dir.path().join("page.txt"), &changed).unwrap();
    let out = lib.run(&["import", lib.dir.path().join("page.txt").to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), doc);
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(told.contains("1 correction(s)"), "{told}");

    let after = outline(&lib, &doc);
    let cut: String = first.chars().take(8).collect();
    assert!(
        paragraphs(&after).contains(&cut),
        "the split was re-applied"
    );
    let list = lib.ok(&["fix", &doc, "--list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].ends_with("\tapplied"), "{list}");
    assert!(lines[1].contains("NOT APPLIED"), "{list}");
    assert!(lines[1].contains("no longer in the source"), "{list}");
}

#[test]
fn corrections_are_applied_again_after_a_reflow_version_bump() {
    let lib = Library::new();
    let doc = lib.import("page.txt", SAMPLE);
    let text = lib.ok(&["text", &doc]);
    let first = paragraphs(&outline(&lib, &doc))[0].clone();
    let at = offset(&text, &first) + 10;
    lib.ok(&["fix", &doc, "split", "--at", &at.to_string()]);
    let corrected = outline(&lib, &doc);
    // Make the document look stored by an older reflow, with the uncorrected text.
    {
        let conn = rusqlite::Connection::open(&lib.db).unwrap();
        conn.execute(
            "UPDATE documents SET reflow_version = reflow_version - 1, reading_text = ?1",
            [&text],
        )
        .unwrap();
    }
    let told = lib.run(&["list"]);
    assert!(String::from_utf8_lossy(&told.stderr).contains("reflowed with this version"));
    assert_eq!(outline(&lib, &doc), corrected);
}

#[test]
fn exports_take_titles_and_headings_from_the_corrected_outline() {
    let lib = Library::new();
    let doc = lib.import("page.txt", SAMPLE);
    let text = lib.ok(&["text", &doc]);
    let paras = paragraphs(&outline(&lib, &doc));
    let (heading, body) = (paras[1].clone(), paras[2].clone());
    let start = offset(&text, &body) + 1;
    let (s, e) = (start.to_string(), (start + 4).to_string());
    lib.ok(&["annotate", &doc, "--start", &s, "--end", &e]);
    let md = lib.ok(&["export", "--format", "md", "--doc", &doc]);
    assert!(!md.contains(&format!("#### {heading}")));
    let at = offset(&text, &heading).to_string();
    lib.ok(&["fix", &doc, "mark", "heading", "--at", &at]);
    let md = lib.ok(&["export", "--format", "md", "--doc", &doc]);
    assert!(md.contains(&format!("#### {heading}")), "{md}");
}
