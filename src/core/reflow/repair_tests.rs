//! Repairs on elements, through assembly of labelled lines.

use crate::core::model::Document;
use crate::core::reflow::assemble::assemble;
use crate::core::reflow::model::Label;
use crate::core::reflow::tests::labelled_lines;

fn page(lines: &[(&str, Label)]) -> Document {
    let (pieces, labels) = labelled_lines(lines, 0.0);
    assemble(pieces, &labels, 1.0)
}

#[test]
fn a_short_line_ending_at_a_comma_under_a_byline_over_a_deck_line_is_a_two_line_head() {
    let doc = page(&[
        ("云端邮路二十年", Label::Title),
        ("本报记者 泽仁 刘军", Label::Byline),
        ("一个人，一匹马，", Label::ParaStart),
        ("一条走了二十年的邮路", Label::Subtitle),
        ("海拔4300米的垭口，风像刀子一样。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报记者 泽仁 刘军"));
    assert_eq!(a.subtitle, None);
    assert_eq!(
        a.sections[0].heading.as_deref(),
        Some("一个人，一匹马，一条走了二十年的邮路")
    );
    assert_eq!(
        a.sections[0].paragraphs,
        ["海拔4300米的垭口，风像刀子一样。"]
    );
}

#[test]
fn a_sentence_under_a_byline_stays_the_body() {
    let doc = page(&[
        ("云端邮路二十年", Label::Title),
        ("本报记者 泽仁 刘军", Label::Byline),
        ("一个人，一匹马，", Label::ParaStart),
        ("一条走了二十年的邮路。", Label::Subtitle),
    ]);
    let a = &doc.articles[0];
    assert!(a.sections.iter().all(|s| s.heading.is_none()), "{a:?}");
}
