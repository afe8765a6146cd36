//! Layout analysis on small synthetic pages: glyphs placed as a typesetter would.

use std::sync::Arc;

use super::*;
use crate::core::model::{Article, Document, Section};

/// Typesets lines of glyphs, one character per em (CJK), as a test page.
pub(super) struct Typesetter {
    pub(super) page: Page,
    /// Face of the next lines.
    face: &'static str,
}

impl Typesetter {
    pub(super) fn new() -> Self {
        Typesetter {
            page: Page {
                width: 400.0,
                height: 600.0,
                ..Page::default()
            },
            face: "AAAAAA+UMing",
        }
    }

    /// Set the next lines in `face`.
    pub(super) fn face(&mut self, face: &'static str) -> &mut Self {
        self.face = face;
        self
    }

    /// One line at (x, baseline y); `bold` draws it twice, filled then stroked.
    pub(super) fn line(&mut self, x: f32, y: f32, size: f32, text: &str, bold: bool) -> &mut Self {
        for pass in 0..if bold { 2 } else { 1 } {
            for (i, c) in text.chars().enumerate() {
                self.page.glyphs.push(Glyph {
                    x: x + i as f32 * size,
                    y,
                    size,
                    width: size,
                    font: Arc::from(self.face),
                    bold: false,
                    stroked: pass == 1,
                    text: c.to_string(),
                });
            }
        }
        self
    }

    pub(super) fn rule(&mut self, y: f32) -> &mut Self {
        self.page.rules.push(Rule {
            x0: 10.0,
            y0: y,
            x1: 390.0,
            y1: y + 0.5,
        });
        self
    }
}

/// Two columns of 10-point text, 10 characters wide, 20 points apart.
fn two_column_page() -> Page {
    let mut t = Typesetter::new();
    t.line(20.0, 20.0, 10.0, "内蒙古日报", false)
        .line(250.0, 20.0, 10.0, "第5版", false)
        .rule(26.0)
        .line(60.0, 60.0, 24.0, "草原新风", true)
        .line(20.0, 90.0, 10.0, "本报记者 刘军", false);
    let (left, right) = (20.0, 140.0);
    // Column 1: a paragraph of 3 lines, then a paragraph running into column 2.
    t.line(left + 20.0, 103.0, 10.0, "第一段第一行文字", false)
        .line(left, 116.0, 10.0, "第一段第二行文字写满", false)
        .line(left, 129.0, 10.0, "第一段完。", false)
        .line(left + 20.0, 142.0, 10.0, "第二段开头的文字", false)
        .line(left, 155.0, 10.0, "第二段跨栏文字写满了", false);
    // Column 2: the rest of paragraph 2, a heading, a paragraph, end matter.
    t.line(right, 103.0, 10.0, "续上栏结束。", false)
        .line(right, 116.0, 10.0, "一个小标题", true)
        .line(right + 20.0, 129.0, 10.0, "第三段文字。", false)
        .line(right, 142.0, 10.0, "（新华社北京7月5日电）", false)
        .line(20.0, 580.0, 10.0, "责编：王晓明", false);
    t.page
}

#[test]
fn a_two_column_page_comes_out_whole() {
    let laid = analyse(&[two_column_page()]);
    assert_eq!(laid.page_furniture, ["内蒙古日报", "第5版", "责编：王晓明"]);
    let expected = Article {
        title: Some("草原新风".into()),
        byline: Some("本报记者 刘军".into()),
        sections: vec![
            Section {
                heading: None,
                paragraphs: vec![
                    "第一段第一行文字第一段第二行文字写满第一段完。".into(),
                    "第二段开头的文字第二段跨栏文字写满了续上栏结束。".into(),
                ],
                ..Section::default()
            },
            Section {
                heading: Some("一个小标题".into()),
                paragraphs: vec!["第三段文字。".into()],
                ..Section::default()
            },
        ],
        end_matter: vec!["（新华社北京7月5日电）".into()],
        ..Article::default()
    };
    assert_eq!(laid.articles, vec![expected]);
}

#[test]
fn glyph_order_in_the_file_does_not_matter() {
    let page = two_column_page();
    let mut shuffled = page.clone();
    // A fixed permutation: reverse, then interleave halves.
    shuffled.glyphs.reverse();
    let n = shuffled.glyphs.len();
    let (a, b) = shuffled.glyphs.split_at(n / 2);
    shuffled.glyphs = a
        .iter()
        .zip(b)
        .flat_map(|(x, y)| [y.clone(), x.clone()])
        .chain(b.get(a.len()..).unwrap_or_default().iter().cloned())
        .collect();
    assert_eq!(shuffled.glyphs.len(), n);
    assert_eq!(analyse(&[shuffled]), analyse(&[page]));
}

#[test]
fn a_marker_continues_an_article_and_pages_stay_in_order() {
    let mut t = Typesetter::new();
    t.line(60.0, 60.0, 24.0, "续篇标题", true)
        .line(20.0, 90.0, 10.0, "■上接第1版", false)
        .line(40.0, 103.0, 10.0, "接着写的文字。", false);
    let second = t.page.clone();
    let laid = analyse(&[two_column_page(), second]);
    let titles: Vec<_> = laid.articles.iter().map(|a| a.title.clone()).collect();
    assert_eq!(titles, [Some("草原新风".into()), Some("续篇标题".into())]);
    let continued = &laid.articles[1];
    assert_eq!(continued.continued_from_page, Some(1));
    assert_eq!(continued.continued_marker.as_deref(), Some("■上接第1版"));
    assert_eq!(continued.sections[0].paragraphs, ["接着写的文字。"]);
}

#[test]
fn an_empty_page_gives_nothing() {
    assert_eq!(analyse(&[Page::default()]), Document::default());
}

#[test]
fn a_break_seen_only_in_a_short_line_is_uncertain() {
    let mut t = Typesetter::new();
    t.line(60.0, 60.0, 24.0, "标题文字", true)
        .line(20.0, 90.0, 10.0, "第一段写满了一整行文字", false)
        .line(20.0, 103.0, 10.0, "短行。", false)
        .line(20.0, 116.0, 10.0, "第二段没有缩进写满一行", false);
    let doc = analyse(&[t.page]);
    let section = &doc.articles[0].sections[0];
    assert_eq!(
        section.paragraphs,
        ["第一段写满了一整行文字短行。", "第二段没有缩进写满一行"]
    );
    assert_eq!(section.uncertain_paragraphs, [1]);
    assert!(!doc.articles[0].uncertain);
}

/// Column `i` (of 10 ems at 10 pt, 2-em gutters) of a page, `n` lines of it starting at
/// `y`; the first line indented when `indent`.
pub(super) fn column(t: &mut Typesetter, x: f32, y: f32, texts: &[&str], indent: bool) {
    for (k, text) in texts.iter().enumerate() {
        let dx = if indent && k == 0 { 20.0 } else { 0.0 };
        t.line(x + dx, y + 14.0 * k as f32, 10.0, text, false);
    }
}

#[test]
fn a_heading_carried_over_a_column_break_stays_one_heading() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false);
    column(
        &mut t,
        20.0,
        70.0,
        &["第一段写满了一行", "第一段完。"],
        true,
    );
    t.line(20.0, 98.0, 10.0, "一、小标题的前半截", true);
    t.line(140.0, 70.0, 10.0, "后半截", true);
    column(
        &mut t,
        140.0,
        84.0,
        &["第二段写满了一行", "第二段完。"],
        true,
    );
    let doc = analyse(&[t.page]);
    let heads: Vec<_> = doc.articles[0]
        .sections
        .iter()
        .map(|s| s.heading.clone())
        .collect();
    assert_eq!(heads, [None, Some("一、小标题的前半截后半截".into())]);
}

#[test]
fn a_space_dropped_at_a_line_break_is_restored() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false);
    column(&mut t, 20.0, 70.0, &["第一段写满了一行"], true);
    // Flush lines end at x 120; this one stops half an em short: a space stood there.
    t.line(25.0, 84.0, 10.0, "（参与记者：李佳赵", false)
        .line(20.0, 98.0, 10.0, "陈曦王五孙七钱八周九", false)
        .line(20.0, 112.0, 10.0, "）", false);
    let doc = analyse(&[t.page]);
    let paras = &doc.articles[0].sections[0].paragraphs;
    assert_eq!(
        paras,
        &["第一段写满了一行（参与记者：李佳赵 陈曦王五孙七钱八周九）"]
    );
}

#[test]
fn letter_spaced_title_is_one_line_and_columns_stay_apart() {
    let mut t = Typesetter::new();
    // 奋 力 谱 写: one glyph every two ems.
    for (i, c) in "奋力谱写".chars().enumerate() {
        t.line(40.0 + 48.0 * i as f32, 40.0, 24.0, &c.to_string(), false);
    }
    column(
        &mut t,
        20.0,
        80.0,
        &["第一栏写满了一行", "第一栏的第二行也写满"],
        true,
    );
    column(
        &mut t,
        140.0,
        80.0,
        &["第二栏文字写满一行了", "第二栏完。"],
        false,
    );
    let doc = analyse(&[t.page]);
    assert_eq!(doc.articles[0].title.as_deref(), Some("奋力谱写"));
    assert_eq!(
        doc.articles[0].sections[0].paragraphs,
        ["第一栏写满了一行第一栏的第二行也写满第二栏文字写满一行了第二栏完。"]
    );
}

#[test]
fn a_kicker_and_subtitle_are_judged_against_the_body_under_them() {
    let mut t = Typesetter::new();
    // Beside it, past a rule, an article set at 11 pt: 11 pt is a body size of the page.
    t.page.rules.push(Rule {
        x0: 160.0,
        y0: 10.0,
        x1: 160.5,
        y1: 300.0,
    });
    t.line(220.0, 30.0, 18.0, "别的文章", false);
    for k in 0..12 {
        t.line(
            200.0,
            60.0 + 15.0 * k as f32,
            11.0,
            "另一篇文章的正文写满",
            false,
        );
    }
    t.face("BBBBBB+ZenHei")
        .line(40.0, 40.0, 11.0, "引题一行字", false)
        .line(40.0, 62.0, 18.0, "主标题", false)
        .face("AAAAAA+UMing")
        .line(40.0, 80.0, 11.0, "副题一行字", false);
    column(&mut t, 20.0, 110.0, &["正文写满了第一行", "正文完。"], true);
    let doc = analyse(&[t.page]);
    let a = doc
        .articles
        .iter()
        .find(|a| a.title.as_deref() == Some("主标题"))
        .unwrap_or_else(|| panic!("the deck's title: {doc:#?}"));
    assert_eq!(a.subtitle.as_deref(), Some("引题一行字 副题一行字"));
    assert_eq!(a.sections[0].paragraphs, ["正文写满了第一行正文完。"]);
}

#[test]
fn a_short_line_in_another_face_before_the_body_is_the_byline() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false)
        .face("BBBBBB+ZenHei")
        .line(20.0, 70.0, 10.0, "评论员 高远", false)
        .face("AAAAAA+UMing");
    column(
        &mut t,
        20.0,
        84.0,
        &["正文第一行写满了字", "正文完。"],
        true,
    );
    let doc = analyse(&[t.page]);
    assert_eq!(doc.articles[0].byline.as_deref(), Some("评论员 高远"));
}

#[test]
fn a_closing_note_run_on_after_a_full_last_line_is_split_off() {
    use super::closing::trailing_note;
    assert_eq!(
        trailing_note("传统文化就能焕发出新的光彩。（作者为中国艺术研究院研究员）"),
        Some((
            "传统文化就能焕发出新的光彩。",
            "（作者为中国艺术研究院研究员）"
        ))
    );
    assert_eq!(
        trailing_note("那就更好了。”图为杨秀英（中）在给学生讲解课文。本报记者 龙海摄"),
        Some((
            "那就更好了。”",
            "图为杨秀英（中）在给学生讲解课文。本报记者 龙海摄"
        ))
    );
    // An aside inside a sentence is not a closing note.
    assert_eq!(trailing_note("据统计（记者 王军）"), None);
    assert_eq!(trailing_note("会议由市长主持（二）"), None);
}
