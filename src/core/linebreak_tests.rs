//! The line breaker on each of clreq's rules, with a font whose em is 1: Chinese chars and
//! full-width marks are 1 wide, Latin letters, digits and spaces half.

use super::*;
use crate::core::charclass::{forbids_line_end, forbids_line_start, is_wide};

fn advances(chars: &[char]) -> Vec<f32> {
    chars
        .iter()
        .map(|&c| if is_wide(c) { 1.0 } else { 0.5 })
        .collect()
}

fn setting(align: Align) -> Setting {
    Setting {
        align,
        balance: false,
        first_indent: 0.0,
        compress: true,
        em: 1.0,
    }
}

/// The rows as strings.
fn rows_of(text: &str, width: f32, setting: &Setting) -> (Vec<String>, Vec<Row>) {
    let chars: Vec<char> = text.chars().collect();
    let rows = break_rows(&chars, &advances(&chars), width, setting);
    let strings = rows
        .iter()
        .map(|r| chars[r.start..r.end].iter().collect())
        .collect();
    (strings, rows)
}

fn justified(text: &str, width: f32) -> Vec<String> {
    rows_of(text, width, &setting(Align::Justify)).0
}

/// Every row is non-empty, they follow each other and cover the text, and the xs rise.
fn assert_well_formed(text: &str, rows: &[Row]) {
    let mut at = 0;
    for r in rows {
        assert_eq!(r.start, at, "rows follow each other: {rows:?}");
        assert!(r.end > r.start, "no empty row: {rows:?}");
        assert_eq!(r.xs.len(), r.end - r.start + 1);
        assert!(r.xs.windows(2).all(|w| w[1] >= w[0] - 1e-4), "{r:?}");
        at = r.end;
    }
    assert_eq!(at, text.chars().count());
}

fn first(row: &str) -> char {
    row.chars().next().unwrap()
}

fn last(row: &str) -> char {
    row.chars().last().unwrap()
}

#[test]
fn a_closing_mark_never_starts_a_row_it_is_pushed_out_with_a_char() {
    // 5 chars fill the row; `。` may not start the next; even compressed it does not fit.
    let rows = justified("一二三四五。六七", 5.0);
    assert_eq!(rows, ["一二三四", "五。六七"]);
    for closer in [
        '，', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '%',
    ] {
        let text = format!("一二三四五{closer}六七八九");
        let rows = justified(&text, 5.0);
        assert!(
            rows.iter().skip(1).all(|r| !forbids_line_start(first(r))),
            "{closer}: {rows:?}"
        );
    }
}

#[test]
fn a_closing_mark_is_pushed_in_when_the_rows_marks_can_make_room() {
    // `，` and `。` each give up their blank half: the row holds six in five ems.
    let (rows, placed) = rows_of("一二，三四。五六", 5.0, &setting(Align::Justify));
    assert_eq!(rows, ["一二，三四。", "五六"]);
    let x_of_last = placed[0].xs[5];
    assert!((x_of_last - 4.5).abs() < 1e-4, "{:?}", placed[0].xs);
}

#[test]
fn an_opening_mark_never_ends_a_row() {
    let rows = justified("一二三四“五六”七八", 5.0);
    assert_eq!(rows[0], "一二三四");
    assert!(rows[1].starts_with('“'));
    for opener in ['（', '《', '「', '『', '‘', '〈', '【'] {
        let text = format!("一二三四{opener}五六七八九");
        let rows = justified(&text, 5.0);
        assert!(
            rows.iter().all(|r| !forbids_line_end(last(r))),
            "{opener}: {rows:?}"
        );
    }
}

#[test]
fn quotes_break_from_chinese_on_their_outer_side() {
    // UAX #14 alone would glue `和“慢”“粗”“乱”的` into one unbreakable run.
    let breaks = opportunities(&"和“慢”“粗”的".chars().collect::<Vec<_>>());
    use Break::*;
    assert_eq!(
        breaks,
        [Never, Allowed, Never, Never, Allowed, Never, Never, Allowed, Mandatory]
    );
}

#[test]
fn dashes_and_ellipses_are_never_split_nor_start_a_row() {
    for mark in ["——", "……"] {
        for width in [4.0, 5.0, 6.0] {
            let text = format!("一二三四{mark}五六七八九十");
            let rows = justified(&text, width);
            assert!(
                rows.iter().all(|r| !r.starts_with(&mark[..3])),
                "{mark} at {width}: {rows:?}"
            );
            assert!(
                rows.iter().any(|r| r.contains(mark)),
                "{mark} whole at {width}: {rows:?}"
            );
        }
    }
}

#[test]
fn latin_words_and_numbers_stay_whole() {
    let text = "国内游客833.22万人次，hello world，增长12.5%以上";
    for width in [3.0, 4.0, 5.0, 6.0, 7.0] {
        let (rows, placed) = rows_of(text, width, &setting(Align::Justify));
        assert_well_formed(text, &placed);
        let chars: Vec<char> = text.chars().collect();
        for r in &placed[1..] {
            let (a, b) = (chars[r.start - 1], chars[r.start]);
            let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
            assert!(!(word(a) && word(b)), "split {a}|{b} at {width}: {rows:?}");
        }
    }
}

#[test]
fn a_row_full_of_punctuation_is_still_cut_somewhere() {
    let text = "“！”“？”……——（）《》。，、";
    for width in [1.0, 2.0, 3.0, 4.0] {
        let (_, placed) = rows_of(text, width, &setting(Align::Justify));
        assert_well_formed(text, &placed);
        assert!(placed.len() > 1);
    }
}

#[test]
fn full_rows_are_flush_and_the_last_is_not() {
    let text =
        "生态文明建设是关乎中华民族永续发展的根本大计，我们要坚持绿水青山就是金山银山的理念。";
    let (rows, placed) = rows_of(text, 7.0, &setting(Align::Justify));
    assert!(rows.len() > 2);
    for r in &placed[..placed.len() - 1] {
        let right = *r.xs.last().unwrap();
        assert!((6.99..=7.51).contains(&right), "flush: {r:?}");
    }
    let last = placed.last().unwrap();
    let natural = (last.end - last.start) as f32;
    assert!(*last.xs.last().unwrap() <= natural + 1e-4);
}

#[test]
fn the_first_row_is_indented() {
    let mut s = setting(Align::Justify);
    s.first_indent = 2.0;
    let (rows, placed) = rows_of("一二三四五六七八九十", 6.0, &s);
    assert_eq!(rows[0], "一二三四");
    assert_eq!(placed[0].xs[0], 2.0);
    assert_eq!(placed[1].xs[0], 0.0);
}

#[test]
fn balanced_headline_rows_are_of_similar_length_without_an_orphan() {
    let mut s = setting(Align::Centre);
    let text = "全力推动生态文明建设迈上新台阶之路";
    let greedy = rows_of(text, 16.0, &s).0;
    assert_eq!(greedy.last().unwrap().chars().count(), 1, "{greedy:?}");
    s.balance = true;
    let (rows, placed) = rows_of(text, 16.0, &s);
    assert_eq!(rows.len(), 2);
    let lens: Vec<usize> = rows.iter().map(|r| r.chars().count()).collect();
    assert!(lens[0].abs_diff(lens[1]) <= 1, "{rows:?}");
    // Centred in the column.
    let left = placed[0].xs[0];
    let right = 16.0 - placed[0].xs.last().unwrap();
    assert!((left - right).abs() < 1e-3);
    // A headline that fits stays on one row.
    assert_eq!(rows_of("生态文明", 16.0, &s).0, ["生态文明"]);
}

#[test]
fn a_balanced_headline_breaks_between_words_when_a_measure_allows() {
    let mut s = setting(Align::Centre);
    s.balance = true;
    let text = "奋勇争先在中国式现代化建设中闯出新路";
    let chars: Vec<char> = text.chars().collect();
    let adv = advances(&chars);
    let rows = |r: Vec<Row>| -> Vec<String> {
        r.iter()
            .map(|r| chars[r.start..r.end].iter().collect())
            .collect()
    };
    // Without words: 9 + 9, which cuts 现代化.
    let plain = rows(break_rows(&chars, &adv, 16.0, &s));
    assert_eq!(plain, ["奋勇争先在中国式现", "代化建设中闯出新路"]);
    // With jieba's words: the narrowest measure that keeps two rows and cuts no word.
    let words = crate::core::segment::word_starts(&chars);
    assert!(words[8] && !words[9], "现代化 is one word");
    let asked = std::cell::Cell::new(false);
    let by_words = rows(break_rows_between_words(&chars, &adv, 16.0, &s, || {
        asked.set(true);
        words.clone()
    }));
    assert!(asked.get());
    assert_eq!(by_words.len(), 2);
    assert!(by_words[0].ends_with("中国式"), "{by_words:?}");
    // A headline that fits does not ask for words (jieba is not loaded for it).
    let short: Vec<char> = "生态文明".chars().collect();
    let one = break_rows_between_words(&short, &advances(&short), 16.0, &s, || {
        panic!("words asked for a headline that fits")
    });
    assert_eq!(one.len(), 1);
}

#[test]
fn adjacent_marks_are_compressed_and_the_switch_turns_it_off() {
    let text = "他说：“好。”“走！”（见下）、完";
    let chars: Vec<char> = text.chars().collect();
    let gap = |row: &Row, pair: &str| {
        let i = text.find(pair).map(|b| text[..b].chars().count()).unwrap();
        row.xs[i + 1] - row.xs[i]
    };
    let on = rows_of(text, 40.0, &setting(Align::Start)).1;
    for pair in ["。”", "”“", "）、", "：“"] {
        assert!((gap(&on[0], pair) - 0.5).abs() < 1e-4, "{pair} on");
    }
    assert!(
        (gap(&on[0], "！”") - 1.0).abs() < 1e-4,
        "？！ stay full width"
    );
    let mut off_setting = setting(Align::Start);
    off_setting.compress = false;
    let off = rows_of(text, 40.0, &off_setting).1;
    for pair in ["。”", "”“", "）、", "：“"] {
        assert!((gap(&off[0], pair) - 1.0).abs() < 1e-4, "{pair} off");
    }
    let width = |rows: &[Row]| *rows[0].xs.last().unwrap();
    assert!(width(&on) < width(&off) - 1.9);
    assert_eq!(chars.len(), on[0].end);
}

#[test]
fn two_openers_in_a_row_are_compressed_too() {
    let text = "一（“二”）";
    let row = &rows_of(text, 40.0, &setting(Align::Start)).1[0];
    // `（“`: the second opener's blank left half goes.
    assert!((row.xs[2] - row.xs[1] - 0.5).abs() < 1e-4, "{:?}", row.xs);
    // `”）`: the closer's blank right half goes.
    assert!((row.xs[5] - row.xs[4] - 0.5).abs() < 1e-4, "{:?}", row.xs);
}

#[test]
fn justification_gives_back_compressed_space_before_spreading() {
    // The Latin word goes to the next row; the row is half an em short, and that half
    // goes back to the compressed `”“` rather than between the chars.
    let text = "一二”“三四 hello";
    let (rows, placed) = rows_of(text, 6.0, &setting(Align::Justify));
    assert_eq!(rows[0], "一二”“三四 ");
    let xs = &placed[0].xs;
    assert!((xs[3] - xs[2] - 1.0).abs() < 1e-4, "{xs:?}");
    assert!((xs[1] - xs[0] - 1.0).abs() < 1e-4, "{xs:?}");
    assert!(
        (xs[6] - 6.0).abs() < 1e-4,
        "flush before the hanging space: {xs:?}"
    );
}

#[test]
fn a_line_feed_ends_a_row() {
    let rows = justified("一二\n三四", 10.0);
    assert_eq!(rows, ["一二\n", "三四"]);
}

#[test]
fn an_empty_block_has_one_empty_row() {
    let rows = break_rows(&[], &[], 10.0, &setting(Align::Justify));
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].start, rows[0].end), (0, 0));
}
