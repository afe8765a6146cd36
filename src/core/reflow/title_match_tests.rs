//! Stacked titles dealt back to their bodies, and the pages left as printed.

use super::*;
use crate::core::model::Section;
use crate::core::reflow::tests::{article, read};

const HONEY: &str =
    "初冬时节，沂蒙山区一处山坳里，蜂农正给蜂箱裹上棉被。今年的蜂蜜卖得好，甜蜜的事业有了奔头。";
const FIBRE: &str = "截至10月底，全省行政村千兆光网覆盖率过九成，大山深处的村民也用上了宽带。";
const FILES: &str = "一张泛黄的粮票申领登记表，让老档案开口说话，修复室里的工作人员正在扫描。";

/// The two stacked articles of the tests below, each title over its own byline and body.
const HONEY_AND_FIBRE_DEALT_BACK: [(Option<&str>, Option<&str>, &str, bool); 2] = [
    (
        Some("山坳里的“甜蜜事业”"),
        Some("大众日报记者 孔令军"),
        HONEY,
        true,
    ),
    (
        Some("千兆光网通到大山深处"),
        Some("经济日报记者 钟文宇"),
        FIBRE,
        true,
    ),
];

#[test]
fn titles_printed_one_after_another_go_to_the_bodies_that_repeat_their_words() {
    // pdftotext: both titles, then the first article's byline and body, then the
    // second's body under no title.
    let mut doc = Document {
        articles: vec![
            article(Some("山坳里的“甜蜜事业”"), None, &[]),
            article(
                Some("千兆光网通到大山深处"),
                Some("大众日报记者 孔令军"),
                &[HONEY],
            ),
            article(None, Some("经济日报记者 钟文宇"), &[FIBRE]),
        ],
        ..Document::default()
    };
    titles_meet_their_bodies(&mut doc);
    assert_eq!(read(&doc), HONEY_AND_FIBRE_DEALT_BACK);
}

#[test]
fn a_title_skips_a_neighbour_that_has_its_own() {
    // The second article is right as printed; the first title's body comes third.
    let mut doc = Document {
        articles: vec![
            article(Some("老档案“开口说话”"), None, &[]),
            article(Some("山坳里的“甜蜜事业”"), Some("□林一帆"), &[HONEY]),
            article(
                Some("千兆光网通到大山深处"),
                Some("解放日报记者 沈嘉禾"),
                &[FILES],
            ),
            article(None, Some("人民日报记者 邓晓林"), &[FIBRE]),
        ],
        ..Document::default()
    };
    titles_meet_their_bodies(&mut doc);
    assert_eq!(
        read(&doc),
        [
            (Some("山坳里的“甜蜜事业”"), Some("□林一帆"), HONEY, false),
            (
                Some("老档案“开口说话”"),
                Some("解放日报记者 沈嘉禾"),
                FILES,
                true
            ),
            (
                Some("千兆光网通到大山深处"),
                Some("人民日报记者 邓晓林"),
                FIBRE,
                true
            ),
        ]
    );
}

#[test]
fn pages_whose_titles_fit_their_bodies_stay_as_printed() {
    let merged = format!("{HONEY}{FIBRE}");
    let pages = [
        // A title-only article (a photo's headline) before articles that fit.
        vec![
            article(Some("老档案“开口说话”"), None, &[]),
            article(Some("山坳里的“甜蜜事业”"), None, &[HONEY]),
            article(Some("千兆光网通到大山深处"), None, &[FIBRE]),
        ],
        // A body holding two articles' text fits both titles: nothing to choose.
        vec![
            article(Some("山坳里的“甜蜜事业”"), None, &[]),
            article(Some("千兆光网通到大山深处"), None, &[&merged]),
        ],
        // Titles with no words in any body: no evidence.
        vec![
            article(Some("风景这边独好"), None, &[]),
            article(Some("一路向前"), None, &[HONEY]),
        ],
    ];
    for articles in pages {
        let mut doc = Document {
            articles: articles.clone(),
            ..Document::default()
        };
        titles_meet_their_bodies(&mut doc);
        assert_eq!(doc.articles, articles);
    }
}

#[test]
fn two_ideograph_runs_skip_everything_but_ideographs() {
    let runs = han_pairs("5G-A网络覆盖全市，全市");
    let expected: Vec<[char; 2]> = vec![
        ['全', '市'],
        ['市', '全'],
        ['盖', '全'],
        ['网', '络'],
        ['络', '覆'],
        ['覆', '盖'],
    ];
    let mut expected = expected;
    expected.sort_unstable();
    assert_eq!(runs, expected);
}

#[test]
fn a_page_of_stacked_titles_reads_titles_first_with_each_body_under_its_title() {
    // As pdftotext prints two side-by-side articles: both titles, then each byline and
    // body. Read in page order the first title has no body and the second body no
    // title, which made the page read better as titles-after before the titles were
    // dealt back.
    use crate::core::reflow::assemble::assemble;
    use crate::core::reflow::model::Label;
    use crate::core::reflow::tests::labelled_lines_with_blanks;
    // Text, label, blank line before: each title wrapped over two lines.
    let lines = [
        ("山坳里的“甜蜜", Label::Title, false),
        ("事业”", Label::Title, false),
        ("千兆光网通到", Label::Title, true),
        ("大山深处", Label::Title, false),
        ("大众日报记者 孔令军", Label::Byline, true),
        (HONEY, Label::ParaStart, false),
        ("经济日报记者 钟文宇", Label::Byline, true),
        (FIBRE, Label::ParaStart, false),
    ];
    let (pieces, labels) = labelled_lines_with_blanks(&lines);
    let doc = assemble(pieces, &labels, 1.0);
    assert_eq!(read(&doc), HONEY_AND_FIBRE_DEALT_BACK);
}

/// An article of a titles-after page: a body, then a head, then a body and the title.
fn two_bodies_with_a_head_between(head: &str) -> Document {
    let mut doc = Document {
        articles: vec![article(
            Some("关于滨河大道部分路段实施交通管制的通告"),
            Some("□本报记者"),
            &["记者从市城市管理局获悉，城南大桥将于9月1日起封闭维修，工期约45天。"],
        )],
        ..Document::default()
    };
    doc.articles[0].sections.push(Section {
        heading: Some(head.to_string()),
        paragraphs: vec!["为保障滨河大道跨线桥改造工程顺利实施，决定实施交通管制。".into()],
        ..Section::default()
    });
    doc
}

#[test]
fn a_first_head_naming_the_body_above_it_is_that_bodys_closing_title() {
    let mut doc = two_bodies_with_a_head_between("城南大桥今起封闭维修");
    closing_titles_read_as_heads(&mut doc);
    assert_eq!(
        read(&doc),
        [
            (
                Some("城南大桥今起封闭维修"),
                Some("□本报记者"),
                "记者从市城市管理局获悉，城南大桥将于9月1日起封闭维修，工期约45天。",
                true
            ),
            (
                Some("关于滨河大道部分路段实施交通管制的通告"),
                None,
                "为保障滨河大道跨线桥改造工程顺利实施，决定实施交通管制。",
                true
            ),
        ]
    );
    assert!(doc
        .articles
        .iter()
        .all(|a| a.sections.len() == 1 && a.sections[0].heading.is_none()));
}

#[test]
fn a_head_naming_what_follows_it_stays_a_head() {
    // Its words are the text's below (滨河, 大道, 交通, 管制), as a section head's are.
    let mut doc = two_bodies_with_a_head_between("滨河大道交通管制");
    let printed = doc.clone();
    closing_titles_read_as_heads(&mut doc);
    assert_eq!(doc, printed);
}
