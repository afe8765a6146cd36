//! The library subcommands as scripts use them: the real binary, a temporary --db.

use std::path::Path;
use std::process::Command;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_51e883962f205273.txt"
);

mod cli_support;
use cli_support::Library;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn import_prints_one_id_per_file_and_the_same_id_for_the_same_content() {
    let lib = Library::new();
    assert_eq!(lib.ok(&["import", SAMPLE]), "1\n");
    assert_eq!(lib.ok(&["import", SAMPLE]), "1\n");
    let copy = lib.file("copy.txt", &std::fs::read_to_string(SAMPLE).unwrap());
    let other = lib.file("other.txt", "Another page.\n\nWith two paragraphs.\n");
    assert_eq!(
        lib.ok(&["import", s(&copy), s(&other), SAMPLE]),
        "1\n2\n1\n"
    );
    let list = lib.ok(&["list"]);
    assert_eq!(list.lines().count(), 3, "header and two documents:\n{list}");
}

#[test]
fn list_shows_id_title_articles_and_characters() {
    let lib = Library::new();
    lib.ok(&["import", SAMPLE]);
    let list = lib.ok(&["list"]);
    let mut lines = list.lines();
    assert_eq!(lines.next(), Some("id\ttitle\tarticles\tchars"));
    let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(row.len(), 4, "{row:?}");
    assert_eq!(row[0], "1");
    let outline: serde_json::Value =
        serde_json::from_str(&lib.ok(&["outline", SAMPLE, "--json"])).unwrap();
    let title = outline["articles"][0]["title"].as_str().unwrap_or("");
    if !title.is_empty() {
        assert_eq!(row[1], title);
    }
    assert_eq!(
        row[2],
        outline["articles"].as_array().unwrap().len().to_string()
    );
    assert_eq!(
        row[3],
        outline["text"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            .to_string()
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn text_prints_the_reading_text_exactly() {
    let lib = Library::new();
    lib.ok(&["import", SAMPLE]);
    let outline: serde_json::Value =
        serde_json::from_str(&lib.ok(&["outline", SAMPLE, "--json"])).unwrap();
    assert_eq!(
        lib.ok(&["text", "1"]),
        outline["text"].as_str().unwrap(),
        "no extra newline, no changes"
    );

    let small = lib.file("small.txt", "第一段。\n\n第二段。\n");
    let id = lib.ok(&["import", s(&small)]);
    let text = lib.ok(&["text", id.trim()]);
    assert!(!text.ends_with('\n'));
    assert!(
        text.contains("第一段。") && text.contains("第二段。"),
        "{text:?}"
    );

    assert!(lib.fails(&["text", "99"]).contains("no document 99"));
}

#[test]
fn a_failing_file_is_named_and_imports_nothing_while_the_others_land() {
    let lib = Library::new();
    let good = lib.file("good.txt", "A good page.\n");
    let empty = lib.file("empty.txt", "");
    let binary = lib.dir.path().join("picture.png");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0]).unwrap();
    let missing = lib.dir.path().join("missing.txt");

    let out = lib.run(&[
        "import",
        s(&good),
        s(&empty),
        s(&binary),
        s(&missing),
        lib.dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1\n",
        "the good file is imported"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        (&empty, "empty"),
        (&binary, "not a text file"),
        (&missing, "no such file"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(s(file)))
            .unwrap_or_else(|| panic!("{file:?} not named in {stderr}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(stderr.contains("directory"), "{stderr}");
    assert!(stderr.contains("4 of 5 files not imported"), "{stderr}");
    assert_eq!(
        lib.ok(&["list"]).lines().count(),
        2,
        "only the good file is in the library"
    );

    let err = lib.fails(&["import", s(&missing)]);
    assert_eq!(
        err.trim(),
        format!("pizhu: cannot read {}: no such file", missing.display())
    );
}

#[test]
fn annotate_prints_an_id_and_annotations_lists_it() {
    let lib = Library::new();
    lib.ok(&["import", SAMPLE]);
    let text = lib.ok(&["text", "1"]);
    let quote: String = text.chars().skip(5).take(7).collect();

    let id = lib.ok(&[
        "annotate",
        "1",
        "--start",
        "5",
        "--end",
        "12",
        "--color",
        "3",
        "--tag",
        "政策",
        "--tag",
        "数据",
        "--note",
        "第一行\n第二行, \"引号\"",
    ]);
    let id = id.strip_suffix('\n').expect("one line");
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id:?}");
    let plain = lib.ok(&["annotate", "1", "--start", "0", "--end", "2"]);

    let listed: Vec<pizhu::core::annotation::Annotation> =
        serde_json::from_str(&lib.ok(&["annotations", "1", "--json"])).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, plain.trim(), "reading order: start 0 first");
    let a = &listed[1];
    assert_eq!(
        (a.id.as_str(), a.document_id, a.start, a.end, a.color),
        (id, 1, 5, 12, 3)
    );
    assert_eq!(a.quote, quote);
    assert_eq!(a.tags, vec!["政策", "数据"]);
    assert_eq!(a.note, "第一行\n第二行, \"引号\"");
    assert_eq!(listed[0].color, 1, "colour 1 by default");

    let all: serde_json::Value = serde_json::from_str(&lib.ok(&["annotations", "--json"])).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[1]["status"], "anchored");

    let table = lib.ok(&["annotations"]);
    assert!(
        table.contains(id) && table.contains(&quote) && table.contains("观点"),
        "{table}"
    );
    assert!(
        table.contains("政策, 数据") && table.contains("第二行"),
        "{table}"
    );
    assert_eq!(
        lib.ok(&["annotations", "1", "--json"]),
        lib.ok(&["annotations", "--json"])
    );
}

#[test]
fn bad_offsets_are_errors_naming_them() {
    let lib = Library::new();
    lib.ok(&["import", SAMPLE]);
    let chars = lib.ok(&["text", "1"]).chars().count();
    let err = lib.fails(&["annotate", "1", "--start", "5", "--end", "3"]);
    assert!(err.contains("offsets 5..3 are inverted"), "{err}");
    let past = chars + 100;
    let err = lib.fails(&["annotate", "1", "--start", "5", "--end", &past.to_string()]);
    assert!(
        err.contains(&format!(
            "offset {past} is past the end of document 1 ({chars} characters)"
        )),
        "{err}"
    );
    let err = lib.fails(&["annotate", "7", "--start", "0", "--end", "1"]);
    assert!(err.contains("no document 7"), "{err}");
    let out = lib.run(&[
        "annotate", "1", "--start", "0", "--end", "1", "--color", "9",
    ]);
    assert!(!out.status.success(), "clap refuses colour 9");
    assert_eq!(
        lib.ok(&["annotations", "--json"]).trim(),
        "[]",
        "nothing was added"
    );
}

#[test]
fn the_database_comes_from_pizhu_db_when_no_option_is_given() {
    let lib = Library::new();
    let via_env = lib.dir.path().join("from-env.sqlite3");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .args(args)
            .env("PIZHU_DB", &via_env)
            .output()
            .unwrap()
    };
    assert_eq!(
        String::from_utf8(run(&["import", SAMPLE]).stdout).unwrap(),
        "1\n"
    );
    assert!(via_env.exists());
    assert!(
        String::from_utf8(run(&["list"]).stdout)
            .unwrap()
            .lines()
            .count()
            == 2
    );
    assert!(!lib.db.exists());
}

#[test]
fn reimporting_an_edited_file_keeps_its_id_and_moves_annotations() {
    let lib = Library::new();
    let sample = include_str!("../seeds/000_51e883962f205273.txt");
    let page = lib.file("page.txt", sample);
    assert_eq!(lib.ok(&["import", s(&page)]), "1\n");
    let text = lib.ok(&["text", "1"]);
    let quote = "燕子垒窝的恒劲";
    let start = text[..text.find(quote).unwrap()].chars().count();
    let end = start + quote.chars().count();
    lib.ok(&[
        "annotate",
        "1",
        "--start",
        &start.to_string(),
        "--end",
        &end.to_string(),
    ]);

    // An editor's note added at the top of the first article's body.
    let edited = sample.replacen(
        "■上接第1版\n",
        "■上接第1版\n编者按：本文原载内蒙古日报，这里全文转\n载，供读者参考。\n\n",
        1,
    );
    std::fs::write(&page, edited).unwrap();
    let out = lib.run(&["import", s(&page)]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 moved"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: serde_json::Value =
        serde_json::from_str(&lib.ok(&["annotations", "--json"])).unwrap();
    let new_text = lib.ok(&["text", "1"]);
    let new_start = listed[0]["start"].as_u64().unwrap() as usize;
    assert_eq!(
        new_start,
        new_text[..new_text.find(quote).unwrap()].chars().count()
    );
    assert!(new_start > start);
    assert_eq!(listed[0]["quote"], quote);
}
