//! Layout analysis on small synthetic pages: what columns say about the lines in them
//! (credits under a column, a short article set one line per column, spaces set at a
//! line's start, bylines wrapped in a narrow column, briefs columns).

use super::tests::{column, Typesetter};
use super::*;

#[test]
fn a_credit_under_its_column_closes_the_article_and_one_at_the_foot_is_the_pages() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false);
    column(
        &mut t,
        20.0,
        70.0,
        &["第一段写满了一行", "第一段第二行写满了", "第一段完。"],
        true,
    );
    // Set flush right at the column's edge (x 120), one line pitch under the last line.
    t.line(50.0, 112.0, 10.0, "责任编辑：钟晓", false);
    t.rule(560.0).line(20.0, 580.0, 10.0, "责编：王芳", false);
    let doc = analyse(&[t.page]);
    assert_eq!(doc.articles.len(), 1);
    assert_eq!(doc.articles[0].end_matter, ["责任编辑：钟晓"]);
    assert_eq!(doc.page_furniture, ["责编：王芳"]);
}

#[test]
fn a_short_article_set_one_line_per_column_is_body_text_under_its_deck() {
    let mut t = Typesetter::new();
    // A 12-point article above.
    t.line(100.0, 40.0, 24.0, "上面的文章", false);
    column(
        &mut t,
        20.0,
        70.0,
        &[
            "第一段写满了一行十二字",
            "第一段第二行写满了十二",
            "第一段第三行也写满了字",
            "第一段第四行也写满了字",
            "第一段完。",
        ],
        true,
    );
    // Under it a brief: kicker 11 pt, title 14 pt, its one paragraph in 8-point lines,
    // one line in each of four columns at one baseline.
    t.line(150.0, 180.0, 11.0, "晋察冀边区", false).line(
        130.0,
        200.0,
        14.0,
        "成立盐务管理局",
        false,
    );
    let row = [
        "【新华社电】晋察冀边",
        "区盐务管理局业已正式",
        "成立，此后盐政等项统",
        "归该局管理。",
    ];
    for (k, text) in row.iter().enumerate() {
        t.line(20.0 + 90.0 * k as f32, 220.0, 8.0, text, false);
    }
    let doc = analyse(&[t.page]);
    let brief = doc.articles.last().expect("two articles");
    assert_eq!(brief.title.as_deref(), Some("成立盐务管理局"));
    assert_eq!(brief.subtitle.as_deref(), Some("晋察冀边区"));
    assert_eq!(brief.sections[0].paragraphs, [row.concat()]);
}

#[test]
fn a_space_set_at_a_lines_start_is_restored() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false);
    // Flush lines end at x 130; the second starts half an em in from the column's edge.
    t.line(40.0, 70.0, 10.0, "新华社北京电（记者", false)
        .line(20.0, 98.0, 10.0, "计局今日发布了数据写满", false)
        .line(20.0, 112.0, 10.0, "完。", false);
    // Justified: ten characters spread from x 25 to the edge.
    for (i, c) in "谢国庆王若曦）国家统".chars().enumerate() {
        t.line(25.0 + 10.5 * i as f32, 84.0, 10.0, &c.to_string(), false);
    }
    let doc = analyse(&[t.page]);
    assert_eq!(
        doc.articles[0].sections[0].paragraphs,
        ["新华社北京电（记者 谢国庆王若曦）国家统计局今日发布了数据写满完。"]
    );
}

#[test]
fn a_byline_wrapped_in_a_narrow_column_stays_one_byline() {
    let mut t = Typesetter::new();
    t.line(30.0, 40.0, 24.0, "标题文字", false);
    // The byline's first line fills the column (x 20 to 120) like body text.
    t.face("BBBBBB+ZenHei")
        .line(20.0, 70.0, 10.0, "光明日报记者顾一帆通讯", false)
        .line(20.0, 84.0, 10.0, "员贺晨", false)
        .face("AAAAAA+UMing");
    column(
        &mut t,
        20.0,
        98.0,
        &["第一段写满了一行", "第一段第二行写满了", "第一段完。"],
        true,
    );
    let doc = analyse(&[t.page]);
    let article = &doc.articles[0];
    assert_eq!(
        article.byline.as_deref(),
        Some("光明日报记者顾一帆通讯员贺晨")
    );
    assert_eq!(article.sections.len(), 1);
    assert_eq!(article.sections[0].heading, None);
}

#[test]
fn a_briefs_column_headed_by_small_titles_reads_after_the_lead_story() {
    let mut t = Typesetter::new();
    // Left, 100 points wide: a brief under a 13-point title.
    t.line(20.0, 60.0, 13.0, "短讯标题", false);
    column(
        &mut t,
        20.0,
        80.0,
        &["短讯写满了一行", "短讯第二行写满了", "短讯完。"],
        true,
    );
    // Right, six ems away and 210 points wide: the lead story under a 24-point title.
    t.line(200.0, 40.0, 24.0, "头条新闻", false);
    for x in [180.0, 290.0] {
        column(
            &mut t,
            x,
            80.0,
            &["头条写满了一行", "头条第二行写满了", "头条第三行写满了"],
            x == 180.0,
        );
    }
    let doc = analyse(&[t.page]);
    let titles: Vec<_> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [Some("头条新闻"), Some("短讯标题")]);
}

#[test]
fn a_title_shrunk_below_its_subtitle_is_still_the_title_by_its_face() {
    let mut t = Typesetter::new();
    // Another article's title sets the page's title face.
    t.face("BBBBBB+ZenHei")
        .line(100.0, 30.0, 24.0, "头条新闻", false);
    column(
        &mut t,
        20.0,
        60.0,
        &["头条写满了一行", "头条第二行写满了", "头条完。"],
        true,
    );
    // A long title set at 13.8 points in the titles' face, its subtitle at 14.8 in the
    // body face under it.
    t.line(20.0, 130.0, 13.8, "网络覆盖全市主城区下载速率提升", false)
        .face("AAAAAA+UMing")
        .line(40.0, 150.0, 14.8, "六千个基站年底建成", false);
    column(
        &mut t,
        20.0,
        175.0,
        &["正文写满了一行", "正文第二行写满了", "正文完。"],
        true,
    );
    let doc = analyse(&[t.page]);
    let article = doc.articles.last().expect("two articles");
    assert_eq!(
        article.title.as_deref(),
        Some("网络覆盖全市主城区下载速率提升")
    );
    assert_eq!(article.subtitle.as_deref(), Some("六千个基站年底建成"));
}

#[test]
fn a_line_short_only_because_the_next_character_and_its_stop_did_not_fit_goes_on() {
    let mut t = Typesetter::new();
    t.line(60.0, 40.0, 24.0, "标题文字", false);
    // Ragged right: `问。` may not be parted, so the line before stops an em short.
    column(
        &mut t,
        20.0,
        70.0,
        &[
            "半个月来大楼经常",
            "被朋友们热情地来拜",
            "访。我们愉快的接待着",
            "客人们。",
        ],
        true,
    );
    t.line(40.0, 126.0, 10.0, "第二段写满了一行", false).line(
        20.0,
        140.0,
        10.0,
        "第二段完。",
        false,
    );
    let doc = analyse(&[t.page]);
    assert_eq!(
        doc.articles[0].sections[0].paragraphs,
        [
            "半个月来大楼经常被朋友们热情地来拜访。我们愉快的接待着客人们。",
            "第二段写满了一行第二段完。"
        ]
    );
}
