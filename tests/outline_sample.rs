//! `pizhu outline --json` on the bundled sample reproduces the expected structure
//! (tests/fixtures/seed-outline.json) letter for letter, and its offsets hold.

use std::process::Command;

use serde_json::Value;

fn outline_json(file: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args([
            "--db",
            "/nonexistent/dir/never-created.sqlite3",
            "outline",
            file,
            "--json",
        ])
        .output()
        .expect("run pizhu");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("outline is JSON")
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

#[test]
fn bundled_sample_matches_the_expected_outline() {
    let root = env!("CARGO_MANIFEST_DIR");
    let got = outline_json(&format!("{root}/seeds/000_51e883962f205273.txt"));
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/tests/fixtures/seed-outline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(got["encoding"], "UTF-8");
    assert!(got["reflow_version"].as_u64().is_some());
    let (want, have) = (
        spec["articles"].as_array().unwrap(),
        got["articles"].as_array().unwrap(),
    );
    assert_eq!(have.len(), want.len());
    for (w, h) in want.iter().zip(have) {
        for key in [
            "title",
            "subtitle",
            "byline",
            "continued_from_page",
            "end_matter",
        ] {
            assert_eq!(h[key], w[key], "{key} of {}", w["title"]);
        }
        let (ws, hs) = (
            w["sections"].as_array().unwrap(),
            h["sections"].as_array().unwrap(),
        );
        assert_eq!(hs.len(), ws.len(), "sections of {}", w["title"]);
        for (wsec, hsec) in ws.iter().zip(hs) {
            assert_eq!(hsec["heading"], wsec["heading"]);
            let texts: Vec<&Value> = hsec["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| &p["text"])
                .collect();
            let want_texts: Vec<&Value> = wsec["paragraphs"].as_array().unwrap().iter().collect();
            assert_eq!(texts, want_texts, "paragraphs under {}", wsec["heading"]);
        }
    }
    // Markers as printed, and offsets that select their paragraphs in the reading text.
    let markers: Vec<Option<&str>> = have
        .iter()
        .map(|a| a["continued_marker"].as_str())
        .collect();
    assert_eq!(
        markers,
        [
            Some("■上接第1版"),
            None,
            Some("■上接第1版"),
            Some("■上接第 2 版"),
            Some("■上接第2版")
        ]
    );
    let text = got["text"].as_str().unwrap();
    assert!(
        text.starts_with("奋勇争先在中国式现代化建设中闯出新路\n山高人为峰"),
        "title comes first in the reading text"
    );
    for a in have {
        for s in a["sections"].as_array().unwrap() {
            for p in s["paragraphs"].as_array().unwrap() {
                let (start, end) = (
                    p["start"].as_u64().unwrap() as usize,
                    p["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(chars(text, start, end), p["text"].as_str().unwrap());
            }
        }
    }
}

#[test]
fn readable_outline_without_json() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(["outline", &format!("{root}/seeds/000_51e883962f205273.txt")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("文章 2: 从对华“脱钩”到“去风险”"));
    assert!(text.contains("第 2 节: 偷换概念：“脱钩论”的“借尸还魂”"));
}

#[test]
fn bad_inputs_fail_with_the_path_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let bad_utf16 = dir.path().join("bad16.txt");
    std::fs::write(&bad_utf16, [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).unwrap();
    let missing = dir.path().join("missing.txt");
    let cases = [
        (empty.clone(), "the file is empty"),
        (binary.clone(), "not a text file (NUL byte at offset 8)"),
        (bad_utf16.clone(), "the bytes are not valid UTF-16LE"),
        (missing.clone(), "no such file"),
        (dir.path().to_path_buf(), "it is a directory"),
    ];
    for (path, reason) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .arg("outline")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(&path.display().to_string()) && err.contains(reason),
            "{err}"
        );
        assert!(!err.contains("panicked"));
    }
}
