//! The title repairs on labelled lines, each checked against the label it had before.

use super::*;

use crate::core::reflow::tests::labelled_lines as lines;

fn titled(labels: &[(Label, f32)]) -> Vec<usize> {
    (0..labels.len())
        .filter(|&i| labels[i].0 == Label::Title)
        .collect()
}

fn texts(pieces: &[Piece]) -> Vec<&str> {
    pieces
        .iter()
        .filter_map(|p| p.line())
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn the_last_articles_lost_title_is_found_and_set_after_its_body() {
    // The page, its column, the title found, where it stands after the repair.
    type Case<'a> = (&'a [(&'a str, Label)], f32, &'a str, usize);
    let cases: [Case; 3] = [
        // A two-part title printed inside the last paragraph.
        (
            &[
                ("本报记者 钱一鸣", Label::Byline),
                ("本赛季围甲联赛共有14支队伍", Label::ParaStart),
                ("参赛。衢州队主教练周立恒", Label::ParaCont),
                ("围甲联赛收官 衢州队首夺冠军", Label::ParaCont),
                ("赛后说，球队今年引进了两名", Label::ParaCont),
                ("年轻棋手。", Label::ParaCont),
            ],
            14.0,
            "围甲联赛收官 衢州队首夺冠军",
            5,
        ),
        // A line wider than its column inside the last paragraph.
        (
            &[
                ("■上接第3版", Label::MarkerFrom),
                ("本报讯 两名被告人长期从事采", Label::ParaStart),
                ("砂作业，明知采砂须经许可，", Label::ParaCont),
                ("非法采砂7万余吨6名被告人一审获刑", Label::ParaCont),
                ("仍在夜间作业。", Label::ParaCont),
            ],
            12.0,
            "非法采砂7万余吨6名被告人一审获刑",
            4,
        ),
        // A bare last line taken for end matter.
        (
            &[
                ("■上接第3版", Label::MarkerFrom),
                ("本报讯 因供水管网改造施工，", Label::ParaStart),
                ("南湖片区周六停水。", Label::ParaCont),
                ("南湖片区周六停水12小时", Label::EndMatter),
            ],
            18.0,
            "南湖片区周六停水12小时",
            3,
        ),
    ];
    for (page, column, title, at) in cases {
        let (mut pieces, mut labels) = lines(page, column);
        closing_title_recovered(&mut pieces, &mut labels);
        assert_eq!(titled(&labels), [at], "{title}");
        assert_eq!(texts(&pieces)[at], title);
        assert_eq!(labels[at].1, 0.0, "{title}: marked for the reader to check");
    }
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

#[test]
fn a_title_wrapped_inside_a_part_goes_on_where_the_break_proves_it() {
    // The deck, the line that must become title (if any).
    type Case<'a> = (&'a [(&'a str, Label)], Option<usize>);
    let cases: [Case; 9] = [
        // Three characters right under a title line: the title's wrapped tail.
        (
            &[
                ("全球南方智库论坛在圣保", Label::Title),
                ("罗开幕", Label::Subtitle),
                ("聚焦可持续发展合作", Label::Subtitle),
            ],
            Some(1),
        ),
        // A byline as short is the byline.
        (
            &[
                ("著名小麦育种专家林秋实同志逝世", Label::Title),
                ("□辛言", Label::Subtitle),
            ],
            None,
        ),
        // As wide as the title line above, a title line below: set in the title's face.
        (
            &[
                ("距今5.18亿年！云南东", Label::Title),
                ("部山区发现又一处寒武", Label::Subtitle),
                ("纪特异埋藏化石库", Label::Title),
            ],
            Some(1),
        ),
        // As wide, but the deck ends there: a subtitle may happen to be as wide.
        (
            &[
                ("距今5.18亿年！云南东", Label::Title),
                ("部山区发现又一处寒武", Label::Subtitle),
                ("本报记者 杨丽娟", Label::Byline),
            ],
            None,
        ),
        // The quote opened in the title closes on the next line.
        (
            &[
                ("社区托育，如何托起“稳稳", Label::Title),
                ("的幸福”", Label::Subtitle),
                ("本报记者 闵 佳", Label::Byline),
            ],
            Some(1),
        ),
        // The next line opens with a particle: it cannot start a subtitle.
        (
            &[
                ("研修班开班 30名学员将接受为期3个月", Label::Title),
                ("的培训", Label::ParaStart),
                ("本报讯 11月27日，全省古籍", Label::ParaCont),
            ],
            Some(1),
        ),
        // A break between whole words: a title over its subtitle, left alone.
        (
            &[
                ("单机容量20兆瓦", Label::Title),
                ("深远海风电机组完成吊装", Label::Subtitle),
            ],
            None,
        ),
        // A quote left open that the next line does not close.
        (
            &[
                ("守护孩子的“光明", Label::Title),
                ("——澜州市近视防控工作调查", Label::Subtitle),
            ],
            None,
        ),
        // Not headline-shaped: a sentence of the body.
        (
            &[
                ("社区托育，如何托起“稳稳", Label::Title),
                ("的幸福”。这是家长们的心愿。", Label::ParaStart),
            ],
            None,
        ),
    ];
    for (page, becomes) in cases {
        let (pieces, mut labels) = lines(page, 13.0);
        let mut want = titled(&labels);
        want.extend(becomes);
        want.sort_unstable();
        wrapped_titles_go_on(&pieces, &mut labels);
        assert_eq!(titled(&labels), want, "{page:?}");
        if let Some(i) = becomes {
            assert_eq!(labels[i].1, 0.0, "marked for the reader to check");
        }
    }
}

#[test]
fn a_head_in_two_long_parts_is_a_two_part_title() {
    let (pieces, mut labels) = lines(
        &[
            ("直播累计观看量超过1.2亿人次。", Label::ParaCont),
            ("围甲联赛收官 衢州队首夺冠军", Label::Heading),
            ("本赛季围甲联赛共有14支队伍", Label::ParaStart),
            ("守得住 卖得远", Label::Heading),
            ("（一）试点三年 成效初显", Label::Heading),
            ("一是建强队伍", Label::Heading),
        ],
        15.0,
    );
    two_part_heads_are_titles(&pieces, &mut labels);
    assert_eq!(titled(&labels), [1]);
    assert_eq!(
        labels[3].0,
        Label::Heading,
        "parallel short phrases stay heads"
    );
    assert_eq!(labels[4].0, Label::Heading);
}

#[test]
fn a_line_under_a_wrapped_title_holding_more_than_its_lines_is_the_subtitle() {
    // The deck and what follows it, the column, the line that must become subtitle.
    type Case<'a> = (&'a [(&'a str, Label)], f32, Option<usize>);
    let cases: [Case; 5] = [
        // Wrapped at 12, then 15 characters: a smaller face.
        (
            &[
                ("江汉平原发现距今约5300年", Label::Title),
                ("的大型城址", Label::Title),
                ("已确认城垣、环壕和大型夯土台基", Label::Title),
                ("光明日报记者 钱书文", Label::Byline),
            ],
            19.0,
            Some(2),
        ),
        // More deck under the wider line: the next article's title, stacked.
        (
            &[
                ("江汉平原发现距今约5300年", Label::Title),
                ("的大型城址", Label::Title),
                ("已确认城垣、环壕和大型夯土台基", Label::Title),
                ("——记考古队的一个冬天", Label::Subtitle),
            ],
            19.0,
            None,
        ),
        // A title that does not wrap shows nothing of its face.
        (
            &[
                ("单机容量20兆瓦", Label::Title),
                ("深远海风电机组完成吊装", Label::Title),
                ("本报记者 梁海燕", Label::Byline),
            ],
            15.0,
            None,
        ),
        // Wrapped far short of its column: a narrow box of its own.
        (
            &[
                ("最高法发布1", Label::Title),
                ("0", Label::Title),
                ("起涉老年人权益保护典型案例", Label::Title),
                ("本报记者 魏晨阳", Label::Byline),
            ],
            15.0,
            None,
        ),
        // The wrap did not end: the lines under it are no wider than a title line.
        (
            &[
                ("江汉平原发现距今约5300年", Label::Title),
                ("的大型城址考古发掘工作", Label::Title),
                ("已确认城垣和夯土台基", Label::Title),
                ("光明日报记者 钱书文", Label::Byline),
            ],
            19.0,
            None,
        ),
    ];
    for (page, column, becomes) in cases {
        let (pieces, mut labels) = lines(page, column);
        wider_lines_under_a_wrapped_title_are_its_subtitle(&pieces, &mut labels);
        let subtitled: Vec<usize> = (0..labels.len())
            .filter(|&i| labels[i].0 == Label::Subtitle && page[i].1 != Label::Subtitle)
            .collect();
        assert_eq!(subtitled, Vec::from_iter(becomes), "{page:?}");
        if let Some(i) = becomes {
            assert_eq!(labels[i].1, 0.0, "marked for the reader to check");
        }
    }
}

#[test]
fn a_deck_line_that_wraps_holding_no_more_than_the_title_line_is_the_title() {
    // The deck and what follows it, the lines that must end up titles.
    type Case<'a> = (&'a [(&'a str, Label)], &'a [usize]);
    let cases: [Case; 4] = [
        // Quote marks may be set half an em: no wider than the title's line.
        (
            &[
                ("航天育种番茄新", Label::Title),
                ("品种“宇番7号”通", Label::Subtitle),
                ("过审定", Label::Subtitle),
                ("新华社兰州11月26日", Label::ParaStart),
            ],
            &[0, 1, 2],
        ),
        // As wide as the title's line, wrapping onto a one-character rest.
        (
            &[
                ("关于征集2027年市政府", Label::Title),
                ("民生实事项目建议的公", Label::Subtitle),
                ("告", Label::Subtitle),
                ("本报记者 林志勇", Label::Byline),
            ],
            &[0, 1, 2],
        ),
        // The line under is wider: two deck lines of their own, under a title.
        (
            &[
                ("纪念先烈勋功伟绩", Label::Title),
                ("邯郸长治建陵园", Label::Subtitle),
                ("济宁烈士陵园可于年底落成", Label::Subtitle),
                ("【本报邯郸讯】", Label::ParaStart),
            ],
            &[0],
        ),
        // Between two titles the line may be the next title's kicker.
        (
            &[
                ("我国成功发射新一代海洋观测卫星", Label::Title),
                ("太行十五县县议会上", Label::Subtitle),
                ("热烈审查政府工作", Label::Title),
            ],
            &[0, 2],
        ),
    ];
    for (page, titles) in cases {
        let (pieces, mut labels) = lines(page, 12.0);
        full_deck_lines_no_wider_than_the_title_are_the_title(&pieces, &mut labels);
        assert_eq!(titled(&labels), titles, "{:?}", texts(&pieces));
    }
}

#[test]
fn a_bare_line_standing_alone_over_a_news_opening_is_its_title() {
    // The lines, the column, the line that must end up a title.
    type Case<'a> = (&'a [(&'a str, Label)], f32, Option<usize>);
    let cases: [Case; 3] = [
        // A title-first article's title run into its body (the opening loosely spaced).
        (
            &[
                ("运、销”一条龙的犯罪团伙受到依法严惩。", Label::ParaCont),
                ("滇西北铁路丽江至泸沽湖段开通运营", Label::ParaStart),
                ("新华 社昆 明12月2 6日电（记者杨丽", Label::ParaCont),
                ("娟 段金涛）26日9时18分，C6781次列车", Label::ParaCont),
            ],
            18.0,
            Some(1),
        ),
        // A full line over it: a sentence may have wrapped there.
        (
            &[
                ("工作已经结束。", Label::ParaCont),
                ("市民反映的问题已转交给", Label::ParaStart),
                ("本报记者跟进电话回访", Label::ParaCont),
            ],
            11.0,
            None,
        ),
        // The line above goes on into it: no line of its own.
        (
            &[
                ("记者走访了多家企业，", Label::ParaStart),
                ("发现许多企业负责人", Label::ParaCont),
                ("本报讯 记者从市场监管局获悉", Label::ParaCont),
            ],
            14.0,
            None,
        ),
    ];
    for (page, column, title) in cases {
        let (pieces, mut labels) = lines(page, column);
        lines_over_news_openings_are_titles(&pieces, &mut labels);
        assert_eq!(
            titled(&labels),
            Vec::from_iter(title),
            "{:?}",
            texts(&pieces)
        );
        if let Some(t) = title {
            assert_eq!(labels[t + 1].0, Label::ParaStart);
        }
    }
}

#[test]
fn a_subtitle_set_solid_under_its_title_on_a_page_that_sets_faces_apart_is_a_title_part() {
    use crate::core::reflow::tests::labelled_lines_with_blanks as lines_with_blanks;
    use Label::{Byline, ParaStart, Subtitle, Title};
    let deck = |solid_deck: bool| {
        let mut page = vec![
            ("欧洲多国遭遇罕见秋季风暴", Title, true),
            ("交通受阻 数十万户停电", Subtitle, true),
            ("新华社记者 沈博文", Byline, true),
            ("新华社布鲁塞尔11月9日电", ParaStart, true),
            ("盐碱滩上长出“吨粮田”", Title, true),
            ("本报记者 孔令泽", Byline, true),
            ("本报东营11月9日电", ParaStart, true),
            ("寒潮来袭", Title, true),
            ("本周最低气温将降至零下6℃", Subtitle, true),
            ("本报记者 李明", Byline, true),
            ("本报讯 受强冷空气影响，", ParaStart, true),
            ("省美术馆馆藏精品展开幕", Title, true),
            // Set right under the title: the title's own face.
            ("百余件作品首次集中亮相", Subtitle, false),
            ("本报记者 汤宁", Byline, true),
            ("本报讯 12月1日起，", ParaStart, true),
        ];
        if solid_deck {
            // pdftotext's habit: no blank line inside any deck.
            for line in page.iter_mut().filter(|l| l.1 != ParaStart) {
                line.2 = false;
            }
        }
        page
    };
    let (pieces, mut labels) = lines_with_blanks(&deck(false));
    subtitles_set_solid_with_their_title_are_its_part(&pieces, &mut labels);
    assert_eq!(titled(&labels), [0, 4, 7, 11, 12]);
    let (pieces, mut labels) = lines_with_blanks(&deck(true));
    subtitles_set_solid_with_their_title_are_its_part(&pieces, &mut labels);
    assert_eq!(
        titled(&labels),
        [0, 4, 7, 11],
        "no habit to read on such a page"
    );
}

#[test]
fn a_tiny_tail_set_apart_is_the_titles_where_every_block_stands_apart_after_its_first_line() {
    use crate::core::reflow::tests::labelled_lines_with_blanks as lines_with_blanks;
    use Label::{Byline, ParaCont, ParaStart, Subtitle, Title};
    let page = |mutool: bool| {
        [
            ("全国游泳冠军赛首日", Title, true),
            ("两项全国纪录", Title, true),
            ("被改写", Subtitle, true),
            ("本报记者 田野", Byline, true),
            ("本报杭州11月26日电", ParaStart, true),
            // mutool sets a blank line after every block's first line.
            ("首日决赛共产生8枚金牌。", ParaCont, mutool),
        ]
    };
    let (pieces, mut labels) = lines_with_blanks(&page(true));
    wrapped_titles_go_on(&pieces, &mut labels);
    assert_eq!(titled(&labels), [0, 1, 2]);
    // Elsewhere a blank line before it says it may be another article's.
    let (pieces, mut labels) = lines_with_blanks(&page(false));
    wrapped_titles_go_on(&pieces, &mut labels);
    assert_eq!(titled(&labels), [0, 1]);
}
