//! The title repairs on labelled lines, each checked against the label it had before.

use super::*;

/// Lines set in a column `column` ems wide, with their labels.
fn lines(spec: &[(&str, Label)], column: f32) -> (Vec<Piece>, Vec<(Label, f32)>) {
    let pieces = spec
        .iter()
        .map(|(text, _)| {
            let mut line = Line::new(text, false, false);
            line.column = column;
            Piece::Line(line)
        })
        .collect();
    (pieces, spec.iter().map(|&(_, l)| (l, 100.0)).collect())
}

fn titled(labels: &[(Label, f32)]) -> Vec<usize> {
    (0..labels.len())
        .filter(|&i| labels[i].0 == Label::Title)
        .collect()
}

#[test]
fn a_two_part_title_printed_inside_the_last_paragraph_closes_its_article() {
    let (mut pieces, mut labels) = lines(
        &[
            ("本报记者 钱一鸣", Label::Byline),
            ("本赛季围甲联赛共有14支队伍", Label::ParaStart),
            ("参赛。衢州队主教练周立恒", Label::ParaCont),
            ("围甲联赛收官 衢州队首夺冠军", Label::ParaCont),
            ("赛后说，球队今年引进了两名", Label::ParaCont),
            ("年轻棋手。", Label::ParaCont),
        ],
        14.0,
    );
    closing_title_recovered(&mut pieces, &mut labels);
    // Moved after its body, which reads on across the gap.
    assert_eq!(titled(&labels), [5]);
    assert_eq!(
        texts(&pieces)[4..],
        ["年轻棋手。", "围甲联赛收官 衢州队首夺冠军"]
    );
    assert_eq!(labels[5].1, 0.0, "marked for the reader to check");
}

fn texts(pieces: &[Piece]) -> Vec<&str> {
    pieces
        .iter()
        .filter_map(|p| p.line())
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn a_line_wider_than_its_column_inside_the_last_paragraph_is_the_title() {
    let (mut pieces, mut labels) = lines(
        &[
            ("■上接第3版", Label::MarkerFrom),
            ("本报讯 两名被告人长期从事采", Label::ParaStart),
            ("砂作业，明知采砂须经许可，", Label::ParaCont),
            ("非法采砂7万余吨6名被告人一审获刑", Label::ParaCont),
            ("仍在夜间作业。", Label::ParaCont),
        ],
        12.0,
    );
    closing_title_recovered(&mut pieces, &mut labels);
    assert_eq!(titled(&labels), [4]);
}

#[test]
fn a_bare_last_line_taken_for_end_matter_on_a_titles_after_page_is_the_title() {
    let (mut pieces, mut labels) = lines(
        &[
            ("■上接第3版", Label::MarkerFrom),
            ("本报讯 因供水管网改造施工，", Label::ParaStart),
            ("南湖片区周六停水。", Label::ParaCont),
            ("南湖片区周六停水12小时", Label::EndMatter),
        ],
        18.0,
    );
    closing_title_recovered(&mut pieces, &mut labels);
    assert_eq!(titled(&labels), [3]);
}

#[test]
fn the_closing_title_is_left_alone_where_the_page_or_the_article_rules_it_out() {
    let body = [
        ("本报记者 钱一鸣", Label::Byline),
        ("本赛季围甲联赛共有14支队伍", Label::ParaStart),
        ("围甲联赛收官 衢州队首夺冠军", Label::ParaCont),
        ("年轻棋手。", Label::ParaCont),
    ];
    // A page that opens with a title prints its titles first.
    let mut first = vec![("围甲联赛", Label::Title)];
    first.extend(body);
    // The article has its title already.
    let mut closed = body.to_vec();
    closed.push(("围甲联赛收官", Label::Title));
    // Two lines could be the title: which one is not for this rule to guess.
    let mut two = body.to_vec();
    two.insert(2, ("衢州队 首夺冠军", Label::ParaCont));
    // A credit or a note's wrapped half at the page's foot is end matter.
    let mut credit = body.to_vec();
    credit.remove(2);
    credit.push(("（本报记者 钱一鸣）", Label::EndMatter));
    let mut half_note = credit.clone();
    half_note.pop();
    half_note.push(("究中心研究员）", Label::EndMatter));
    for spec in [&first[..], &closed, &two, &credit, &half_note] {
        let (mut pieces, mut labels) = lines(spec, 14.0);
        let before = titled(&labels);
        closing_title_recovered(&mut pieces, &mut labels);
        assert_eq!(titled(&labels), before, "{spec:?}");
    }
}

#[test]
fn a_page_whose_last_title_was_printed_inside_its_body_reads_titles_after() {
    let (pieces, labels) = lines(
        &[
            ("光明日报记者 阎景和", Label::Byline),
            ("记者从中国科学院获悉，射电望", Label::ParaStart),
            ("远镜完成了首轮观测。", Label::ParaCont),
            ("百米口径射电望远镜完成观测", Label::Title),
            ("本报记者 钱一鸣", Label::Byline),
            ("本赛季围甲联赛共有14支队伍", Label::ParaStart),
            ("参赛。衢州队主教练周立恒", Label::ParaCont),
            ("围甲联赛收官 衢州队首夺冠军", Label::ParaCont),
            ("赛后说，球队今年引进了两名", Label::ParaCont),
            ("年轻棋手。", Label::ParaCont),
        ],
        14.0,
    );
    let doc = crate::core::reflow::assemble::assemble(pieces, &labels, 1.0);
    let credits: Vec<(Option<&str>, Option<&str>)> = doc
        .articles
        .iter()
        .map(|a| (a.title.as_deref(), a.byline.as_deref()))
        .collect();
    assert_eq!(
        credits,
        [
            (
                Some("百米口径射电望远镜完成观测"),
                Some("光明日报记者 阎景和")
            ),
            (Some("围甲联赛收官 衢州队首夺冠军"), Some("本报记者 钱一鸣"))
        ]
    );
    let last = &doc.articles[1].sections[0];
    assert_eq!(
        last.paragraphs,
        ["本赛季围甲联赛共有14支队伍参赛。衢州队主教练周立恒赛后说，球队今年引进了两名年轻棋手。"]
    );
    assert!(doc.articles[1].uncertain, "the recovered title is marked");
}
