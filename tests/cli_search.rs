//! `pizhu search` and `pizhu meta` as scripts use them (issue 14): the real binary, a
//! temporary --db, JSON checked against the reading text `pizhu text` prints.

mod cli_support;
use cli_support::Library;

const PAGE: &str =
    "春耕时节田间忙\n\n　　农民在田间劳作，春耕\n生产有序推进。今年播种面积达120万亩。\n";
const OTHER: &str = "草原上的春天\n\n　　牧民忙着接羔，春耕也已开始。\n";

fn char_slice(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

#[test]
fn json_hits_point_into_the_reading_text() {
    let lib = Library::new();
    let one = lib.import("rmrb_2025-01-02_p05.txt", PAGE);
    let two = lib.import("内蒙古日报20230706第2版.txt", OTHER);
    let texts = [lib.ok(&["text", &one]), lib.ok(&["text", &two])];
    for q in ["春", "春耕", "春耕生产", "120", "春耕生产有序推进"] {
        let hits = lib.json(&["search", q, "--json"]);
        let hits = hits.as_array().unwrap();
        assert!(!hits.is_empty(), "{q}");
        for h in hits {
            let keys: Vec<&str> = h.as_object().unwrap().keys().map(String::as_str).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(
                sorted,
                [
                    "annotation",
                    "article",
                    "document",
                    "end",
                    "heading",
                    "hit",
                    "kind",
                    "left",
                    "right",
                    "start"
                ]
            );
            assert_eq!(h["kind"], "text");
            assert_eq!(h["hit"], q);
            let doc = h["document"].as_i64().unwrap().to_string();
            let text = if doc == one { &texts[0] } else { &texts[1] };
            let (s, e) = (
                h["start"].as_u64().unwrap() as usize,
                h["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(char_slice(text, s, e), q, "{h}");
            let around = format!(
                "{}{}{}",
                h["left"].as_str().unwrap(),
                q,
                h["right"].as_str().unwrap()
            );
            assert!(
                text.contains(&around),
                "context is the text around the hit: {around}"
            );
        }
    }
    // The source wraps 春耕 | 生产; the reading text, and so search, does not.
    assert_eq!(
        lib.json(&["search", "春耕生产", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn notes_tags_and_filters() {
    let lib = Library::new();
    let one = lib.import("rmrb_2025-01-02_p05.txt", PAGE);
    let two = lib.import("内蒙古日报20230706第2版.txt", OTHER);
    let id = lib.ok(&[
        "annotate",
        &two,
        "--start",
        "0",
        "--end",
        "2",
        "--note",
        "春耕比往年早",
        "--tag",
        "春耕观察",
    ]);
    let id = id.trim();
    let notes = lib.json(&["search", "春耕", "--notes", "--json"]);
    let kinds: Vec<(&str, &str)> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap(),
                h["annotation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(kinds, [("note", id), ("tag", id)]);
    let docs = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["search", "春耕", "--json"];
        full.extend_from_slice(args);
        lib.json(&full)
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["kind"] == "text")
            .map(|h| h["document"].to_string())
            .collect()
    };
    assert_eq!(docs(&[]), [one.clone(), one.clone(), two.clone()]);
    assert_eq!(docs(&["--doc", &two]), vec![two.clone()]);
    assert_eq!(docs(&["--paper", "人民日报"]), [one.clone(), one.clone()]);
    assert_eq!(docs(&["--from", "2024-01-01"]), [one.clone(), one.clone()]);
    assert_eq!(docs(&["--to", "2023-07-06"]), vec![two.clone()]);
    let err = lib.fails(&["search", "春耕", "--from", "2024-13-01"]);
    assert!(
        err.contains("--from") && err.contains("2024-13-01"),
        "{err}"
    );
    let text = lib.ok(&["search", "春耕"]);
    assert!(text.contains("《人民日报》2025年1月2日 第5版"), "{text}");
    assert!(text.contains("【春耕】"), "{text}");
}

#[test]
fn meta_is_detected_on_import_edited_and_kept_on_reimport() {
    let lib = Library::new();
    let one = lib.import("rmrb_2025-01-02_p05.txt", PAGE);
    let meta = lib.json(&["meta", &one, "--json"]);
    assert_eq!(meta["paper"], "人民日报");
    assert_eq!(meta["date"], "2025-01-02");
    assert_eq!(meta["page"], 5);
    assert!(meta["page_name"].is_null());

    let edited = lib.json(&[
        "meta",
        &one,
        "--page-name",
        "要闻",
        "--date",
        "2025-1-3",
        "--json",
    ]);
    assert_eq!(edited["date"], "2025-01-03");
    assert_eq!(edited["page_name"], "要闻");
    assert_eq!(
        lib.ok(&["meta", &one]),
        "paper\t人民日报\ndate\t2025-01-03\npage\t5\npage_name\t要闻\n"
    );

    // The file changes and is imported again: same document, the user's source kept.
    let again = lib.import("rmrb_2025-01-02_p05.txt", &PAGE.replace("120", "130"));
    assert_eq!(again, one);
    assert_eq!(lib.json(&["meta", &one, "--json"]), edited);

    let err = lib.fails(&["meta", &one, "--date", "yesterday"]);
    assert!(err.contains("yesterday"), "{err}");
    assert!(lib.fails(&["meta", "99"]).contains("99"));
    lib.ok(&["meta", &one, "--paper", ""]);
    assert!(lib.json(&["meta", &one, "--json"])["paper"].is_null());
}

#[test]
fn exports_cite_paper_date_and_page() {
    let lib = Library::new();
    let one = lib.import("rmrb_2025-01-02_p05.txt", PAGE);
    lib.ok(&["annotate", &one, "--start", "0", "--end", "4"]);
    let md = lib.ok(&["export", "--format", "md"]);
    assert!(
        md.contains("- 出处：《人民日报》2025年1月2日 第5版 · 《春耕时节田间忙》"),
        "{md}"
    );
    let csv = lib.ok(&["export", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .contains("document,paper,date,page,article"));
    assert!(
        lines.next().unwrap().contains(",人民日报,2025-01-02,5,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&lib.ok(&["export", "--format", "json"])).unwrap();
    let source = &json["first"]["items"][0]["target"]["source"];
    assert_eq!(source["label"], "《人民日报》2025年1月2日 第5版");
    assert!(source["id"].as_str().unwrap().starts_with("urn:sha256:"));
}
