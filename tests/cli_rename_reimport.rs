//! `pizhu rename` and `pizhu reimport` (issue 14) as scripts use them: the real binary, a
//! temporary --db. The window's F2 and `r` call the same functions (tests/gui_library.rs).

mod cli_support;
use cli_support::Library;

const PAGE: &str = "rmrb_2025-01-02_p05.txt";
const TEXT: &str = "春耕时节田间忙\n\n　　农民在田间劳作。\n";
/// The same page with a paragraph added before the annotated one.
const CHANGED: &str = "春耕时节田间忙\n\n　　今年春耕来得早。\n\n　　农民在田间劳作。\n";

/// The title column of `pizhu list` for document `id`.
fn listed_title(lib: &Library, id: &str) -> String {
    let list = lib.ok(&["list"]);
    let row = list
        .lines()
        .skip(1)
        .find(|l| l.split('\t').next() == Some(id))
        .unwrap_or_else(|| panic!("document {id} not listed:\n{list}"));
    row.split('\t').nth(1).unwrap().to_string()
}

/// Code points of the first `needle` in `text`.
fn char_range(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn a_name_is_shown_until_cleared_and_survives_a_reimport() {
    let lib = Library::new();
    let id = lib.import(PAGE, TEXT);
    assert_eq!(listed_title(&lib, &id), "春耕时节田间忙");
    assert_eq!(lib.ok(&["rename", &id, "春耕\n札记 "]), "");
    assert_eq!(
        listed_title(&lib, &id),
        "春耕 札记",
        "trimmed, line break as a space"
    );
    lib.file(PAGE, &CHANGED.replace("田间忙", "田野忙"));
    assert!(lib
        .ok(&["reimport", &id])
        .starts_with(&format!("{id}\tannotations:")));
    assert_eq!(
        listed_title(&lib, &id),
        "春耕 札记",
        "the name is the user's"
    );
    lib.ok(&["rename", &id, ""]);
    assert_eq!(
        listed_title(&lib, &id),
        "春耕时节田野忙",
        "cleared: the new first title"
    );
    let err = lib.fails(&["rename", "99", "x"]);
    assert!(err.contains("no document 99"), "{err}");
}

#[test]
fn reimport_moves_annotations_onto_the_changed_text_and_keeps_the_source() {
    let lib = Library::new();
    let id = lib.import(PAGE, TEXT);
    let text = lib.ok(&["text", &id]);
    let (start, end) = char_range(&text, "农民在田间劳作");
    let (start, end) = (start.to_string(), end.to_string());
    let annotation = lib.ok(&[
        "annotate", &id, "--start", &start, "--end", &end, "--note", "春耕",
    ]);
    lib.ok(&["meta", &id, "--page-name", "要闻"]);
    assert_eq!(lib.ok(&["reimport", &id]), format!("{id}\tunchanged\n"));

    lib.file(PAGE, CHANGED);
    assert_eq!(
        lib.ok(&["reimport", &id]),
        format!("{id}\tannotations: 0 kept, 1 moved, 0 to check, 0 orphaned\n")
    );
    let text = lib.ok(&["text", &id]);
    assert!(text.contains("今年春耕来得早"), "{text}");
    let (start, end) = char_range(&text, "农民在田间劳作");
    let stored = lib.json(&["annotations", &id, "--json"]);
    assert_eq!(stored[0]["id"], annotation.trim());
    assert_eq!(stored[0]["start"], start);
    assert_eq!(stored[0]["end"], end);
    assert_eq!(stored[0]["quote"], "农民在田间劳作");
    assert_eq!(stored[0]["note"], "春耕");
    let meta = lib.json(&["meta", &id, "--json"]);
    assert_eq!(meta["paper"], "人民日报", "{meta}");
    assert_eq!(meta["page_name"], "要闻", "the user's edit is kept");
    assert_eq!(lib.ok(&["list"]).lines().count(), 2, "still one document");
}

#[test]
fn reimport_of_a_missing_file_names_it_and_changes_nothing() {
    let lib = Library::new();
    let id = lib.import(PAGE, TEXT);
    let before = lib.ok(&["text", &id]);
    let path = lib.dir.path().join(PAGE);
    std::fs::remove_file(&path).unwrap();
    let err = lib.fails_quietly(&["reimport", &id]);
    let shown = std::fs::canonicalize(lib.dir.path()).unwrap().join(PAGE);
    assert!(
        err.contains(&shown.display().to_string()) && err.contains("no such file"),
        "{err}"
    );
    assert_eq!(lib.ok(&["text", &id]), before);
    let err = lib.fails_quietly(&["reimport", "7"]);
    assert!(err.contains("no document 7"), "{err}");
}

#[test]
fn reimport_refuses_a_file_that_now_holds_another_documents_text() {
    let lib = Library::new();
    let first = lib.import(PAGE, TEXT);
    let second = lib.import("other.txt", CHANGED);
    lib.file(PAGE, CHANGED);
    let err = lib.fails_quietly(&["reimport", &first]);
    assert!(
        err.contains(PAGE) && err.contains(&format!("document {second}")),
        "{err}"
    );
    assert!(!lib.ok(&["text", &first]).contains("今年春耕来得早"));
}
