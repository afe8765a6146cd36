use super::*;

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn archive_file_names_give_paper_date_and_page() {
    let m = from_file_name("/data/rmrb_2025-01-02_p05_要闻.txt");
    assert_eq!(m.paper.as_deref(), Some("人民日报"));
    assert_eq!(m.date.as_deref(), Some("2025-01-02"));
    assert_eq!(m.page, Some(5));

    let m = from_file_name("rmrb_1946-05-16_p1_fangj-rmrb.txt");
    assert_eq!(
        (m.paper.as_deref(), m.date.as_deref(), m.page),
        (Some("人民日报"), Some("1946-05-16"), Some(1))
    );
}

#[test]
fn chinese_file_names_give_paper_date_and_page() {
    let m = from_file_name("内蒙古日报20230706第2版.txt");
    assert_eq!(m.paper.as_deref(), Some("内蒙古日报"));
    assert_eq!(m.date.as_deref(), Some("2023-07-06"));
    assert_eq!(m.page, Some(2));

    let m = from_file_name("光明日报 2024年3月9日 第十二版.txt");
    assert_eq!(m.paper.as_deref(), Some("光明日报"));
    assert_eq!(m.date.as_deref(), Some("2024-03-09"));
    assert_eq!(m.page, Some(12));
}

#[test]
fn iso_dates_and_latin_page_markers_alone() {
    let m = from_file_name("2024-07-06 page3.txt");
    assert_eq!(
        (m.paper, m.date.as_deref(), m.page),
        (None, Some("2024-07-06"), Some(3))
    );
    let m = from_file_name("scan_2024.07.06-p12.txt");
    assert_eq!((m.date.as_deref(), m.page), (Some("2024-07-06"), Some(12)));
}

#[test]
fn names_without_source_detect_nothing() {
    assert!(from_file_name("notes.txt").is_empty());
    // Letters around "p5" make it part of a word; 13 digits are not a date.
    let m = from_file_name("report5_1234567890123.txt");
    assert!(m.is_empty(), "{m:?}");
    // An impossible month is not a date.
    assert_eq!(from_file_name("20231399.txt").date, None);
    // Papers' abbreviations only count at the start, as a word.
    assert_eq!(from_file_name("rmrbx.txt").paper, None);
}

#[test]
fn furniture_lines_give_paper_date_page_and_page_name() {
    let m = from_furniture(&lines(&["人民日报", "2025年1月2日 星期四", "第 5 版 评论"]));
    assert_eq!(m.paper.as_deref(), Some("人民日报"));
    assert_eq!(m.date.as_deref(), Some("2025-01-02"));
    assert_eq!(m.page, Some(5));
    assert_eq!(m.page_name.as_deref(), Some("评论"));

    let m = from_furniture(&lines(&["内蒙古日报", "第5版", "责编：王晓明"]));
    assert_eq!(
        (m.paper.as_deref(), m.page, m.page_name),
        (Some("内蒙古日报"), Some(5), None)
    );
    let m = from_furniture(&lines(&["2023年7月6日  星期四  第五版：要闻"]));
    assert_eq!(
        (m.date.as_deref(), m.page, m.page_name.as_deref()),
        (Some("2023-07-06"), Some(5), Some("要闻"))
    );
}

#[test]
fn furniture_wins_and_the_file_name_fills_the_gaps() {
    let furniture = lines(&["人民日报", "第 4 版"]);
    let m = detect("/x/2025-01-02_p05.txt", &furniture);
    assert_eq!(m.paper.as_deref(), Some("人民日报"));
    assert_eq!(m.page, Some(4), "the printed page number wins");
    assert_eq!(
        m.date.as_deref(),
        Some("2025-01-02"),
        "the name fills the date"
    );
}

#[test]
fn long_sentences_mentioning_a_paper_are_not_a_name() {
    let m = from_furniture(&lines(&[
        "本文转载自人民日报海外版的一篇很长很长的评论员文章",
    ]));
    assert_eq!(m.paper, None);
}

#[test]
fn citation_reads_as_chinese_references_do() {
    let m = SourceMeta {
        paper: Some("人民日报".into()),
        date: Some("2025-01-02".into()),
        page: Some(5),
        page_name: None,
    };
    assert_eq!(
        m.citation().as_deref(),
        Some("《人民日报》2025年1月2日 第5版")
    );
    assert_eq!(SourceMeta::default().citation(), None);
    let page_only = SourceMeta {
        page: Some(3),
        page_name: Some("评论".into()),
        ..Default::default()
    };
    assert_eq!(page_only.citation().as_deref(), Some("第3版 评论"));
}

#[test]
fn user_dates_are_checked_and_normalised() {
    assert_eq!(normalize_date("2025-1-2").as_deref(), Some("2025-01-02"));
    assert_eq!(
        normalize_date(" 2025-01-02 ").as_deref(),
        Some("2025-01-02")
    );
    for bad in [
        "2025-13-01",
        "2025/01/02",
        "25-01-02",
        "2025-01-02x",
        "",
        "2025-001-02",
    ] {
        assert_eq!(normalize_date(bad), None, "{bad}");
    }
}

#[test]
fn the_english_citation_names_the_month_and_keeps_the_papers_words() {
    let m = SourceMeta {
        paper: Some("人民日报".into()),
        date: Some("2025-01-02".into()),
        page: Some(5),
        page_name: Some("评论".into()),
    };
    assert_eq!(
        m.citation_english().as_deref(),
        Some("人民日报, 2 January 2025, page 5, 评论")
    );
    let odd = SourceMeta {
        date: Some("1946-13".into()),
        ..Default::default()
    };
    assert_eq!(odd.citation_english().as_deref(), Some("1946-13"));
    assert_eq!(SourceMeta::default().citation_english(), None);
}
