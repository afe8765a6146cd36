//! Stacked bylines given to their stacked titles, and bylines wrapped over a blank line
//! left whole.

use super::*;
use crate::core::reflow::assemble::assemble;
use crate::core::reflow::model::Label;
use crate::core::reflow::tests::{self, article, labelled_lines_with_blanks};

/// Title, byline and first paragraph of each article.
fn read(doc: &Document) -> Vec<(Option<&str>, Option<&str>, &str)> {
    tests::read(doc)
        .into_iter()
        .map(|(t, b, p, _)| (t, b, p))
        .collect()
}

/// Labelled lines (text, label, blank line before) dealt into articles.
fn dealt(lines: &[(&str, Label, bool)]) -> Document {
    let (pieces, labels) = labelled_lines_with_blanks(lines);
    assemble(pieces, &labels, 1.0)
}

const GRAIN: &str =
    "本报郑州6月25日电 全省各类粮食企业累计收购新季小麦1386万吨，夏粮收购进度已过半。";
const POWER: &str = "今年夏天，全国最高用电负荷多次创出新高，新型电力系统建设加速推进。";
const DRONE: &str = "在码头边的起降点下单一份奶茶，十五分钟后无人机稳稳降落在海岛上。";

#[test]
fn stacked_bylines_go_with_their_stacked_titles_to_their_bodies() {
    // pdftotext across a row of narrow articles: two titles, two bylines, the first
    // body; the second body comes after the article below the first, past its 下转.
    let lines = [
        ("夏粮收购过半", Label::Title, false),
        ("全省小麦收购过半", Label::Title, false),
        ("新型电力系统", Label::Title, true),
        ("建设提速", Label::Title, false),
        ("本报记者 韩立新 通讯员", Label::Byline, true),
        ("邓晓燕", Label::Byline, false),
        ("本报评论员", Label::Byline, true),
        (GRAIN, Label::ParaStart, true),
        ("无人机送外卖", Label::Title, true),
        ("本报记者 柏杨", Label::Byline, false),
        (DRONE, Label::ParaStart, true),
        ("（本报记者 柏杨 整理）", Label::EndMatter, false),
        (POWER, Label::ParaStart, true),
    ];
    let doc = dealt(&lines);
    assert_eq!(
        read(&doc),
        [
            (
                Some("夏粮收购过半全省小麦收购过半"),
                Some("本报记者 韩立新 通讯员 邓晓燕"),
                GRAIN
            ),
            (Some("无人机送外卖"), Some("本报记者 柏杨"), DRONE),
            (Some("新型电力系统建设提速"), Some("本报评论员"), POWER),
        ]
    );
}

#[test]
fn a_byline_wrapped_over_a_blank_line_under_one_title_stays_one() {
    // mutool sets a blank line between a byline's lines: one title, one byline.
    let lines = [
        ("春耕备耕“链”上忙", Label::Title, false),
        ("本报通讯员 张建华", Label::Byline, true),
        ("本报记者 赵明", Label::Byline, true),
        ("眼下正是春耕备耕的关键时节。", Label::ParaStart, true),
    ];
    let doc = dealt(&lines);
    assert_eq!(
        read(&doc),
        [(
            Some("春耕备耕“链”上忙"),
            Some("本报通讯员 张建华 本报记者 赵明"),
            "眼下正是春耕备耕的关键时节。"
        )]
    );
}

#[test]
fn body_after_end_matter_stays_in_its_article_when_no_title_is_found_for_it() {
    // No stacked title waits for the text after the end matter: read apart it would be
    // a body without a title, so it stays where it was printed.
    let lines = [
        ("无人机送外卖", Label::Title, false),
        ("本报记者 柏杨", Label::Byline, false),
        (DRONE, Label::ParaStart, true),
        ("（本报记者 柏杨 整理）", Label::EndMatter, false),
        (POWER, Label::ParaStart, true),
    ];
    let doc = dealt(&lines);
    assert_eq!(doc.articles.len(), 1);
    assert_eq!(doc.articles[0].sections[0].paragraphs, [DRONE, POWER]);
}

#[test]
fn bylines_go_to_stacked_titles_only_one_for_each() {
    let mut doc = Document {
        articles: vec![
            article(Some("甲"), None, &[]),
            article(Some("乙"), None, &[]),
            article(Some("丙"), Some("记者 一"), &[]),
            article(None, Some("记者 二"), &[]),
            article(None, Some("记者 三"), &["正文"]),
        ],
        ..Document::default()
    };
    stacked_bylines_meet_their_titles(&mut doc);
    assert_eq!(
        read(&doc),
        [
            (Some("甲"), Some("记者 一"), ""),
            (Some("乙"), Some("记者 二"), ""),
            (Some("丙"), Some("记者 三"), ""),
            (None, None, "正文"),
        ]
    );
    // Two titles, three bylines: which goes where is not known; left as printed.
    let printed = vec![
        article(Some("甲"), None, &[]),
        article(Some("乙"), Some("记者 一"), &[]),
        article(None, Some("记者 二"), &[]),
        article(None, Some("记者 三"), &["正文"]),
    ];
    let mut doc = Document {
        articles: printed.clone(),
        ..Document::default()
    };
    stacked_bylines_meet_their_titles(&mut doc);
    assert_eq!(doc.articles, printed);
}
