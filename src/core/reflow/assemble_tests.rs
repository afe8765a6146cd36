//! Assembly on labelled lines: the rules that do not depend on the model.

use super::*;
use crate::core::reflow::lines::Line;
use crate::core::reflow::tests::{labelled_lines, labelled_lines_with_blanks};

/// Lines with no column measured (rules that read widths stay out of it).
fn page(lines: &[(&str, Label)]) -> Document {
    page_in_column(lines, 0.0)
}

#[test]
fn a_dash_line_under_a_title_is_the_subtitle_with_its_wrapped_rest() {
    let doc = page(&[
        ("一盏渔灯照见人间烟火", Label::Title),
        ("——评原创话剧", Label::Title),
        ("《潮汐》", Label::Title),
        ("□苏婉", Label::Byline),
        ("灯光亮起，舞台上是一间渔村小卖部。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("一盏渔灯照见人间烟火"));
    assert_eq!(a.subtitle.as_deref(), Some("——评原创话剧《潮汐》"));
    assert_eq!(a.byline.as_deref(), Some("□苏婉"));
}

#[test]
fn a_photo_caption_over_three_lines_is_one_end_matter_note() {
    let doc = page(&[
        ("“日间手术”：上午入院 下午回家", Label::Title),
        ("手术只用了18分钟。", Label::ParaStart),
        ("图为丽水市人民医院日间手术中", Label::EndMatter),
        ("心医护人员在术前核对患者信", Label::EndMatter),
        ("息。本报记者 应晓梅摄", Label::EndMatter),
        ("（作者为上海戏剧学院副教授）", Label::EndMatter),
    ]);
    assert_eq!(
        doc.articles[0].end_matter,
        [
            "图为丽水市人民医院日间手术中心医护人员在术前核对患者信息。本报记者 应晓梅摄",
            "（作者为上海戏剧学院副教授）"
        ]
    );
}

#[test]
fn a_name_wrapped_out_of_its_byline_rejoins_it_and_a_numbered_head_stands_alone() {
    let doc = page(&[
        ("雪线上的“暖心工程”", Label::Title),
        ("本报特约记者 次仁 通讯员 王昊", Label::Byline),
        ("宇", Label::Heading),
        ("一、高原哨所喝上了“放心", Label::Heading),
        ("水”", Label::Heading),
        ("海拔4800米的某边防哨所，曾经用水困难。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报特约记者 次仁 通讯员 王昊宇"));
    assert_eq!(headings(a), [Some("一、高原哨所喝上了“放心水”")]);
}

fn headings(a: &Article) -> Vec<Option<&str>> {
    a.sections.iter().map(|s| s.heading.as_deref()).collect()
}

#[test]
fn a_page_without_body_text_reads_its_lines_as_paragraphs() {
    let doc = page(&[
        ("第一段。", Label::Furniture),
        ("第二段。", Label::Subtitle),
    ]);
    assert!(doc.page_furniture.is_empty());
    let a = &doc.articles[0];
    assert_eq!(a.title, None);
    assert_eq!(a.sections[0].paragraphs, ["第一段。", "第二段。"]);
}

#[test]
fn a_title_over_one_sentence_keeps_its_title() {
    let doc = page(&[
        ("春耕时节田间忙", Label::Title),
        ("农民在田间劳作。", Label::Subtitle),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("春耕时节田间忙"));
    assert_eq!(a.sections[0].paragraphs, ["农民在田间劳作。"]);
}

#[test]
fn a_title_wrapped_at_a_phrase_stays_one_title() {
    let doc = page(&[
        ("寒潮来袭", Label::Title),
        ("本周最低气温将降至-6℃", Label::Title),
        (
            "本报讯 受强冷空气影响，本周气温持续走低。",
            Label::ParaStart,
        ),
    ]);
    let a = &doc.articles[0];
    assert!(a.title.as_deref().is_some_and(|t| t.ends_with("-6℃")));
    assert_eq!(a.subtitle, None);
}

#[test]
fn the_wrapped_parts_of_a_byline_rejoin_it() {
    let doc = page(&[
        ("在海岛上点亮航路", Label::Title),
        ("中国青年报·中青网记者 王倩", Label::Subtitle),
        ("实习生 刘思彤", Label::Byline),
        ("从宁波港出发，坐两个小时的船。", Label::ParaStart),
        ("赛首日两项全国纪录被改写", Label::Title),
        ("本报特约记者次仁通", Label::Byline),
        ("讯员 王昊宇", Label::ParaStart),
        ("海拔4800米的某边防哨所，曾经用水困难。", Label::ParaStart),
    ]);
    let bylines: Vec<_> = doc.articles.iter().map(|a| a.byline.as_deref()).collect();
    assert_eq!(
        bylines,
        [
            Some("中国青年报·中青网记者 王倩 实习生 刘思彤"),
            Some("本报特约记者次仁通讯员 王昊宇")
        ]
    );
    assert_eq!(doc.articles[0].subtitle, None);
    assert_eq!(doc.articles[1].sections[0].paragraphs.len(), 1);
}

#[test]
fn a_sentence_about_the_reporter_under_a_byline_opens_the_body() {
    let doc = page(&[
        ("前10个月新能源汽车产量增长41.7%", Label::Title),
        ("经济日报记者 柏 青", Label::Byline),
        ("记者从皖江省经济和", Label::Byline),
        ("信息化厅获悉：今年前10个月产量增长。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("经济日报记者 柏 青"));
    assert_eq!(
        a.sections[0].paragraphs,
        ["记者从皖江省经济和信息化厅获悉：今年前10个月产量增长。"]
    );
}

#[test]
fn a_head_that_leaves_a_quote_open_is_the_first_line_of_its_paragraph() {
    let doc = page(&[
        ("非法采砂案一审宣判", Label::Title),
        ("累计非法采砂7.3万余吨。", Label::ParaStart),
        ("“江砂不是‘无主之", Label::Heading),
        ("物’，而是国家矿产资源。”审判长说。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(headings(a), [None]);
    assert_eq!(
        a.sections[0].paragraphs[1],
        "“江砂不是‘无主之物’，而是国家矿产资源。”审判长说。"
    );
}

#[test]
fn a_paragraph_interrupted_mid_sentence_by_a_title_goes_on_after_it() {
    let doc = page(&[
        ("江心洲轮渡恢复运营", Label::Title),
        ("合议庭认为，被告人仍在夜间关", Label::ParaStart),
        ("非法采砂7万余吨6名被告人一审获刑", Label::Title),
        ("闭船舶定位设备作业，主观故意明显。", Label::ParaCont),
        ("新的一段。", Label::ParaStart),
    ]);
    let first = &doc.articles[0];
    assert_eq!(
        first.sections[0].paragraphs,
        ["合议庭认为，被告人仍在夜间关闭船舶定位设备作业，主观故意明显。"]
    );
    // A paragraph that ended its sentence is not continued across a title.
    let doc = page(&[
        ("江心洲轮渡恢复运营", Label::Title),
        ("轮渡恢复运营。", Label::ParaStart),
        ("非法采砂7万余吨6名被告人一审获刑", Label::Title),
        ("闭船舶定位设备作业，主观故意明显。", Label::ParaCont),
    ]);
    assert_eq!(doc.articles.len(), 2);
}

#[test]
fn the_last_character_of_a_wrapped_subtitle_rejoins_it() {
    let doc = page(&[
        ("“日间手术”：上午入院 下午回家", Label::Title),
        ("——浙江丽水市人民医院医疗服务改革见", Label::Subtitle),
        ("闻", Label::Title),
        ("本报记者 应晓梅", Label::Byline),
        ("手术只用了18分钟。", Label::ParaStart),
    ]);
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("“日间手术”：上午入院 下午回家"));
    assert_eq!(
        a.subtitle.as_deref(),
        Some("——浙江丽水市人民医院医疗服务改革见闻")
    );
}

#[test]
fn a_sentence_taken_for_a_subtitle_among_paragraphs_stays_a_paragraph() {
    let doc = page(&[
        (
            "本报北京3月5日电 今年国内生产总值增长5%左右。",
            Label::ParaStart,
        ),
        ("城镇新增就业1200万人以上。", Label::ParaStart),
        ("居民消费价格涨幅3%左右。", Label::Subtitle),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.title, None);
    assert_eq!(a.sections[0].paragraphs.len(), 3);
    assert_eq!(a.sections[0].uncertain_paragraphs, [2]);
}

#[test]
fn a_numbered_line_over_a_paragraph_and_a_dash_line_over_a_head_are_heads() {
    let doc = page(&[
        ("雪线上的“暖心工程”", Label::Title),
        ("本报特约记者 次仁 通讯员 王昊宇", Label::Byline),
        ("一、高原哨所喝上了“放心水”", Label::ParaStart),
        ("海拔4800米的某边防哨所，曾经用水困难。", Label::ParaStart),
        ("巡山——", Label::ParaStart),
        ("“脚底下的路，都是一步步踩出来的”", Label::Heading),
        ("零下32摄氏度，雪没过膝盖。", Label::ParaStart),
        // A numbered paragraph ends its sentence: it stays a paragraph.
        ("二、加强组织领导，压实各方责任。", Label::ParaStart),
        ("各地要抓好落实。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(
        headings(a),
        [
            Some("一、高原哨所喝上了“放心水”"),
            Some("巡山——“脚底下的路，都是一步步踩出来的”")
        ]
    );
    assert_eq!(a.sections[1].paragraphs.len(), 3);
}

/// Lines set in a column `column` ems wide.
fn page_in_column(lines: &[(&str, Label)], column: f32) -> Document {
    let (pieces, labels) = labelled_lines(lines, column);
    assemble(pieces, &labels, 1.0)
}

#[test]
fn a_title_line_after_a_title_and_its_subtitle_is_the_subtitle_wrapped() {
    let doc = page(&[
        ("千兆光网通到大山深处", Label::Title),
        (
            "全省行政村5G通达率达96.7%，农村宽带用户突破",
            Label::Subtitle,
        ),
        ("1200万户", Label::Title),
        ("经济日报记者 钟文宇", Label::Byline),
        (
            "本报贵阳11月28日电 记者从省通信管理局获悉。",
            Label::ParaStart,
        ),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("千兆光网通到大山深处"));
    assert_eq!(
        a.subtitle.as_deref(),
        Some("全省行政村5G通达率达96.7%，农村宽带用户突破1200万户")
    );
    assert_eq!(a.byline.as_deref(), Some("经济日报记者 钟文宇"));
    // Kicker, title, subtitle: the title between keeps its place.
    let doc = page(&[
        ("我国成功发射新一代海洋观测卫星", Label::Title),
        ("太行十五县县议会上", Label::Subtitle),
        ("热烈审查政府工作", Label::Title),
        ("议员一致赞扬政府德政", Label::Subtitle),
        ("【新华社长治十三日电】经过普选。", Label::ParaStart),
    ]);
    let titles: Vec<_> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
    assert!(titles.contains(&Some("热烈审查政府工作")), "{titles:?}");
}

#[test]
fn a_short_bare_line_over_a_paragraph_going_on_is_a_head() {
    let doc = page_in_column(
        &[
            ("城市记忆有了“数字家园”", Label::Title),
            ("解放日报记者 沈嘉禾", Label::Byline),
            ("泛黄纸页里的城市记忆", Label::ParaStart),
            ("一张1956年的粮票申领登记表、一", Label::ParaCont),
            ("份恢复高考准考证存根，都已扫描。", Label::ParaCont),
            // An indented first line, its indent dropped by the extractor: a paragraph.
            ("前不久，一座建在公园里的", Label::ParaStart),
            ("“城市书房”火了：落地窗外是湖光", Label::ParaCont),
            ("树影。", Label::ParaCont),
            // A news opening alone on its line: a paragraph.
            ("本报贵阳11月28日电", Label::ParaStart),
            ("记者从省通信管理局获悉：截至10月", Label::ParaCont),
            ("底，全省已建成基站。", Label::ParaCont),
        ],
        16.0,
    );
    let a = &doc.articles[0];
    assert_eq!(headings(a), [Some("泛黄纸页里的城市记忆")]);
    assert_eq!(a.sections[0].paragraphs.len(), 3);
}

#[test]
fn a_short_bare_line_over_a_paragraphs_first_line_is_a_head() {
    let doc = page_in_column(
        &[
            ("无人机送货上山", Label::Title),
            ("浙南日报记者 施雨涵", Label::Byline),
            ("（一）飞越一座山", Label::ParaStart),
            // Two ems short of the column (its indent dropped), then a full line.
            ("上午10点，云岭县快递物", Label::ParaCont),
            ("流园的起降平台上，一架六旋", Label::ParaCont),
            ("翼无人机挂上货箱。", Label::ParaCont),
            // A column break: the line after the short one is as full as it is.
            ("去年我买了一辆新能", Label::ParaStart),
            ("源汽车，开起来省钱又安", Label::ParaCont),
            ("静，唯一让人头疼的就是", Label::ParaCont),
            ("充电。", Label::ParaCont),
            // Over a one-line paragraph with another after it.
            ("②不放过一条裂缝", Label::ParaStart),
            ("裂缝，是桥梁检测重点。", Label::ParaCont),
            ("一旦发现裂缝，检测人员", Label::ParaStart),
            ("要测量它的宽度。", Label::ParaCont),
        ],
        13.0,
    );
    let a = &doc.articles[0];
    assert_eq!(
        headings(a),
        [Some("（一）飞越一座山"), Some("②不放过一条裂缝")]
    );
    assert_eq!(a.sections[0].paragraphs.len(), 2);
    assert!(a.sections[0].paragraphs[1].starts_with("去年我买了一辆新能源汽车"));
    assert_eq!(a.sections[1].paragraphs.len(), 2);
}

#[test]
fn a_numbered_line_over_a_paragraphs_first_line_is_a_head_however_long() {
    let doc = page_in_column(
        &[
            ("古籍修复师", Label::Title),
            ("光明日报记者 乔静宜", Label::Byline),
            ("一、一页纸要“过”几十道工序", Label::ParaStart),
            ("推开澜州图书馆古籍修复室的", Label::ParaCont),
            ("门，一股淡淡的糨糊味扑面而来，", Label::ParaCont),
            ("长条案上摊着一册刻本。", Label::ParaCont),
            // A notice's numbered clause is a paragraph.
            ("二、管制时间：2026年12月5", Label::ParaStart),
            ("日0时至2027年2月28日24时。", Label::ParaCont),
            ("三、管制范围：滨河路东侧。", Label::ParaStart),
            // Cut after a pause: a numbered paragraph's first line.
            ("四、对违反本通告的，公安机", Label::ParaStart),
            ("关交通管理部门将依法予以处", Label::ParaCont),
            ("罚，特此通告，请广大市民周知。", Label::ParaCont),
        ],
        15.0,
    );
    let a = &doc.articles[0];
    assert_eq!(headings(a), [Some("一、一页纸要“过”几十道工序")]);
    assert_eq!(
        a.sections[0].paragraphs[1],
        "二、管制时间：2026年12月5日0时至2027年2月28日24时。"
    );
    assert_eq!(
        a.sections[0].paragraphs[3],
        "四、对违反本通告的，公安机关交通管理部门将依法予以处罚，特此通告，请广大市民周知。"
    );
}

#[test]
fn a_full_line_under_a_first_line_ending_a_sentence_goes_on() {
    let doc = page_in_column(
        &[
            ("蜀锦织造", Label::Title),
            ("慢，曾经是蜀锦的“软肋”。", Label::ParaStart),
            ("一匹传统锦缎动辄要织上几个月，", Label::ParaStart),
            ("如今用上了数字织机。", Label::ParaCont),
            // Under a line that ends short of a first line's width: a new paragraph.
            ("织工说：“快多了。”", Label::ParaStart),
            ("一匹传统锦缎动辄要织上几个月，", Label::ParaStart),
            ("如今用上了数字织机。", Label::ParaCont),
        ],
        15.0,
    );
    let paragraphs = &doc.articles[0].sections[0].paragraphs;
    assert_eq!(paragraphs.len(), 3);
    assert_eq!(
        paragraphs[0],
        "慢，曾经是蜀锦的“软肋”。一匹传统锦缎动辄要织上几个月，如今用上了数字织机。"
    );
}

#[test]
fn a_short_line_stopping_at_a_comma_or_in_a_quote_over_a_head_is_its_first_line() {
    let doc = page(&[
        ("雪山深处的绿色邮路", Label::Title),
        ("本报记者 泽仁 刘军", Label::Byline),
        ("海拔4300米的垭口上，经幡猎猎作响。", Label::ParaStart),
        ("一个人，一匹马，", Label::ParaStart),
        ("一条走了二十年的邮路", Label::Heading),
        ("扎西顿珠牵着马走在前面。", Label::ParaStart),
        // Or inside a quote the head closes.
        ("从“人划船”到“机器", Label::ParaStart),
        ("跑”——", Label::Heading),
        ("“测一次流，过去要大半天”", Label::Heading),
        ("老站长说起当年。", Label::ParaStart),
    ]);
    assert_eq!(
        headings(&doc.articles[0]),
        [
            None,
            Some("一个人，一匹马，一条走了二十年的邮路"),
            Some("从“人划船”到“机器跑”——“测一次流，过去要大半天”")
        ]
    );
}

#[test]
fn a_short_line_stopping_at_a_comma_over_a_title_is_its_first_line() {
    let doc = page(&[
        ("给基层减负，", Label::ParaStart),
        ("要减到“点子”", Label::Title),
        ("上", Label::Title),
        ("□本报评论员", Label::Byline),
        ("近年来，各地持续整治形式主义。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("给基层减负，要减到“点子”上"));
    assert_eq!(a.sections[0].paragraphs, ["近年来，各地持续整治形式主义。"]);
}

#[test]
fn side_by_side_titles_with_a_blank_line_between_stay_two_titles() {
    // pdftotext: two articles' wrapped titles one after the other, a blank line between.
    let lines = [
        ("低碳积分换", Label::Title, false),
        ("来“真金白银”", Label::Title, false),
        ("给基层减负，要", Label::Title, true),
        ("减到“点子”上", Label::Title, false),
        ("□本报评论员", Label::Byline, true),
        ("近年来，各地持续整治形式主义。", Label::ParaStart, true),
        // The first title wrapped a character short: its one-character line ends it.
        ("童书要蹲下来", Label::Title, true),
        ("写", Label::Title, false),
        ("国产新型涡桨", Label::Title, true),
        ("支线飞机获颁", Label::Title, false),
        ("本报记者 白露", Label::Byline, true),
        ("清晨6点半，公园里已有十几位居民。", Label::ParaStart, true),
        // A title set a character a line, a blank line between each (mutool): one title.
        ("春", Label::Title, true),
        ("风", Label::Title, true),
        ("又", Label::Title, true),
        ("绿", Label::Title, true),
        ("本报记者 刘军", Label::Byline, true),
        ("江南岸边，春耕正忙。", Label::ParaStart, true),
    ];
    let (pieces, labels) = labelled_lines_with_blanks(&lines);
    let doc = assemble(pieces, &labels, 1.0);
    let titles: Vec<Option<&str>> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("低碳积分换来“真金白银”"),
            Some("给基层减负，要减到“点子”上"),
            Some("童书要蹲下来写"),
            Some("国产新型涡桨支线飞机获颁"),
            Some("春风又绿")
        ]
    );
}

#[test]
fn a_page_opening_with_a_byline_prints_titles_after_bodies() {
    // The last title sits in its body's middle, so neither end of the page is a title.
    let doc = page(&[
        ("经济日报记者 庞博文", Label::Byline),
        ("冰雪旅游正迎来一个“早热”。", Label::ParaStart),
        ("冰雪游“热”起来", Label::Title),
        ("光明日报记者 钱书文", Label::Byline),
        ("考古人员对城址进行了发掘。", Label::ParaStart),
        ("江汉平原发现大型城址", Label::Title),
        ("目前，城址的保护规划正在编制。", Label::ParaStart),
    ]);
    let credits: Vec<(Option<&str>, Option<&str>)> = doc
        .articles
        .iter()
        .map(|a| (a.title.as_deref(), a.byline.as_deref()))
        .collect();
    assert_eq!(
        credits[..2],
        [
            (Some("冰雪游“热”起来"), Some("经济日报记者 庞博文")),
            (Some("江汉平原发现大型城址"), Some("光明日报记者 钱书文"))
        ]
    );
}

#[test]
fn a_subtitle_under_the_byline_is_a_head() {
    let doc = page(&[
        ("古籍修复师的一天", Label::Title),
        ("光明日报记者 乔静宜", Label::Byline),
        ("一、一页纸要“过”几十道工序", Label::Subtitle),
        ("推开古籍修复室的门，一股淡淡的墨香。", Label::ParaStart),
        ("测流人", Label::Title),
        ("——记一个水文站的三代测流人", Label::Subtitle),
        ("新华社记者 覃秋实", Label::Byline),
        // Left open at a quote: the first line of the head under it.
        ("从“人划船”到“机器", Label::Subtitle),
        ("跑”——", Label::Heading),
        ("“测一次流，过去要大半天”", Label::Heading),
        ("清晨7点，江面起了雾。", Label::ParaStart),
    ]);
    let [first, second] = &doc.articles[..] else {
        panic!("two articles: {:?}", doc.articles);
    };
    assert_eq!(first.subtitle, None);
    assert_eq!(headings(first), [Some("一、一页纸要“过”几十道工序")]);
    assert_eq!(
        second.subtitle.as_deref(),
        Some("——记一个水文站的三代测流人")
    );
    assert_eq!(
        headings(second),
        [Some("从“人划船”到“机器跑”——“测一次流，过去要大半天”")]
    );
}

#[test]
fn a_short_question_alone_between_paragraphs_is_a_head() {
    let doc = page(&[
        ("为作物种子建一座“诺亚方舟”", Label::Title),
        ("本报记者 尹晴", Label::Byline),
        ("这里保存着8.6万份作物种质资源。", Label::ParaStart),
        ("零下18摄氏度能保存多久？", Label::ParaStart),
        ("记者：种子在库里是怎么保存的？", Label::ParaStart),
        ("韩雪松：入库前，种子要经过清选。", Label::ParaStart),
        // A question with a pause in it stays a paragraph.
        ("发烧了，是不是都要去大医院？", Label::ParaStart),
        ("医生说，不必。", Label::ParaStart),
        // A question that turns on the paragraph before it goes on the argument; a
        // question opening with a word that merely starts with 可 is still a head.
        ("可“零添加”到底没添加什么？", Label::ParaStart),
        ("不少消费者并不清楚。", Label::ParaStart),
        ("可能的出路在哪里？", Label::ParaStart),
        ("专家认为，要靠科技。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(
        headings(a),
        [
            None,
            Some("零下18摄氏度能保存多久？"),
            Some("可能的出路在哪里？")
        ]
    );
    assert_eq!(a.sections[1].paragraphs.len(), 6);
    assert_eq!(a.sections[1].paragraphs[4], "可“零添加”到底没添加什么？");
}

#[test]
fn a_byline_not_wrapped_does_not_take_the_head_under_it() {
    let doc = page_in_column(
        &[
            ("一根丝线织出“锦绣”新经纬", Label::Title),
            ("四川日报全媒体记者 罗晓蓉", Label::Byline),
            ("老机子", Label::Byline),
            ("走进成都市金牛区一处由老厂房改造的工坊。", Label::ParaStart),
        ],
        20.0,
    );
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("四川日报全媒体记者 罗晓蓉"));
    assert_eq!(headings(a), [Some("老机子")]);
}

#[test]
fn a_byline_broken_between_names_goes_on_though_its_line_is_not_full() {
    // Ten and a half characters wide: `石小溪` did not fit after `本报记者 包文斌` and a
    // space, so the byline was wrapped there; in a wide column it would have fitted,
    // and a name-length line under the byline is a head.
    let lines = [
        ("皮影戏“活”在年轻人的手机里", Label::Title),
        ("本报记者 包文斌", Label::Byline),
        ("石小溪", Label::Byline),
        (
            "一块白布、一盏灯，几个皮影人在艺人手中翻腾跳跃。",
            Label::ParaStart,
        ),
    ];
    let narrow = &page_in_column(&lines, 10.5).articles[0];
    assert_eq!(narrow.byline.as_deref(), Some("本报记者 包文斌 石小溪"));
    assert_eq!(headings(narrow), [None]);
    let wide = &page_in_column(&lines, 16.0).articles[0];
    assert_eq!(wide.byline.as_deref(), Some("本报记者 包文斌"));
    assert_eq!(headings(wide), [Some("石小溪")]);
}

#[test]
fn a_full_byline_goes_on_with_names_and_broken_credits_but_not_with_a_head() {
    let doc = page_in_column(
        &[
            ("一根丝线织出“锦绣”新经纬", Label::Title),
            ("四川日报全媒体记者 罗晓蓉", Label::Byline),
            ("老机子", Label::Byline),
            ("走进成都市金牛区一处由老厂房改造的工坊。", Label::ParaStart),
            ("云端邮路二十年", Label::Title),
            ("本报通讯员 甘露 本", Label::Byline),
            ("报记者 侯宇航", Label::Byline),
            ("清晨五点，马帮已经上路。", Label::ParaStart),
            ("让沉睡的古籍“醒”过来", Label::Title),
            ("光明日报全媒体记者 乔静宜", Label::Byline),
            ("顾一帆", Label::Byline),
            ("推开古籍修复室的门，墨香扑面。", Label::ParaStart),
        ],
        12.0,
    );
    let [first, second, third] = &doc.articles[..] else {
        panic!("three articles: {:?}", doc.articles);
    };
    let compact = |s: Option<&str>| s.map(|s| s.replace(' ', ""));
    assert_eq!(first.byline.as_deref(), Some("四川日报全媒体记者 罗晓蓉"));
    assert_eq!(headings(first), [Some("老机子")]);
    assert_eq!(
        compact(second.byline.as_deref()).as_deref(),
        Some("本报通讯员甘露本报记者侯宇航")
    );
    assert_eq!(
        compact(third.byline.as_deref()).as_deref(),
        Some("光明日报全媒体记者乔静宜顾一帆")
    );
    assert_eq!(headings(third), [None]);
    assert_eq!(headings(second), [None]);
}

#[test]
fn the_last_character_of_a_byline_taken_for_a_deck_line_stays_in_the_byline() {
    let doc = page(&[
        ("守着一条大江的“脉搏”", Label::Title),
        ("新华社记者 覃秋实 杨", Label::Byline),
        ("帆", Label::Subtitle),
        ("从“人划船”到“机器跑”", Label::Subtitle),
        ("站长冉国华今年56岁。", Label::ParaStart),
    ]);
    assert_eq!(
        doc.articles[0].byline.as_deref(),
        Some("新华社记者 覃秋实 杨帆")
    );
}

#[test]
fn a_spaced_credit_line_taken_for_a_paragraph_is_the_byline() {
    let doc = page(&[
        ("退役电池有了“新去处”", Label::Title),
        ("南方日报记者 许嘉豪 实习生 梁雨彤", Label::ParaStart),
        ("随着第一批新能源汽车陆续进入“退役期”，", Label::ParaCont),
        ("动力电池往哪里去，成为社会关注的焦点。", Label::ParaCont),
        // A news opening names a credit too, and stays the paragraph's first line.
        ("本报南京4月12日电 记者从省交通运", Label::ParaStart),
        ("输厅获悉，港口吞吐量创新高。", Label::ParaCont),
        // So does one dated with 讯: a byline names people, never a date.
        ("本报杭州11月27日讯 记者从省", Label::ParaStart),
        ("发展改革委获悉，科创飞地全部投用。", Label::ParaCont),
    ]);
    let a = &doc.articles[0];
    assert_eq!(
        a.byline.as_deref(),
        Some("南方日报记者 许嘉豪 实习生 梁雨彤")
    );
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "随着第一批新能源汽车陆续进入“退役期”，动力电池往哪里去，成为社会关注的焦点。",
            "本报南京4月12日电 记者从省交通运输厅获悉，港口吞吐量创新高。",
            "本报杭州11月27日讯 记者从省发展改革委获悉，科创飞地全部投用。"
        ]
    );
}

#[test]
fn a_short_line_over_a_whole_one_line_paragraph_is_a_head() {
    let doc = page_in_column(
        &[
            ("山坳里的“甜蜜事业”", Label::Title),
            ("柴广福养了28年蜜蜂，如今是当地", Label::ParaStart),
            ("一家养蜂专业合作社的理事长。", Label::ParaCont),
            ("科技赋能，小蜜蜂飞出大产业", Label::ParaStart),
            ("过去养蜂，全凭经验。", Label::ParaCont),
            ("现在，合作社的蜂箱里装上了温湿", Label::ParaStart),
            ("度传感器和电子秤，蜂群状况、蜂蜜产", Label::ParaCont),
            ("量在手机上一目了然。", Label::ParaCont),
            // Where the paragraph after is as narrow as this line, the column is
            // narrower than the estimate: a paragraph.
            ("华灯初上，位于老城区", Label::ParaStart),
            ("的南门夜市渐渐热闹起来。", Label::ParaCont),
            ("烤串、臭豆腐、手作糖", Label::ParaStart),
            ("画……200多个摊位一字排开。", Label::ParaCont),
        ],
        17.0,
    );
    let a = &doc.articles[0];
    assert_eq!(headings(a), [None, Some("科技赋能，小蜜蜂飞出大产业")]);
    assert_eq!(a.sections[1].paragraphs[0], "过去养蜂，全凭经验。");
    assert_eq!(
        a.sections[1].paragraphs[2],
        "华灯初上，位于老城区的南门夜市渐渐热闹起来。"
    );
}

#[test]
fn an_interviews_questions_and_answers_are_paragraphs_not_heads() {
    let doc = page(&[
        ("职业伤害保障试点扩围", Label::Title),
        ("问：下一步还有哪些打算？", Label::Heading),
        ("答：我们将认真总结试点经验。", Label::ParaStart),
        ("答：首先要及时就", Label::Heading),
        ("医，并在平台App上报案。", Label::ParaStart),
        ("问：目前覆盖了哪些平台", Label::Heading),
        ("答：截至10月底，已扩大到17个省。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(headings(a), [None]);
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "问：下一步还有哪些打算？",
            "答：我们将认真总结试点经验。",
            "答：首先要及时就医，并在平台App上报案。",
            "问：目前覆盖了哪些平台",
            "答：截至10月底，已扩大到17个省。",
        ]
    );
}

#[test]
fn a_question_run_into_the_answer_above_after_its_last_sentence_is_a_paragraph() {
    // The answer's last line is full (its half-width digit aside), so the labeller
    // runs the question on; a question broken after 问 (`面对记者提` / `问：…`) would not
    // follow an ended sentence.
    let doc = page(&[
        ("汽车以旧换新补贴怎么领？", Label::Title),
        ("答：旧车要在申请人", Label::ParaStart),
        ("名下登记满1年。", Label::ParaCont),
        ("问：会不会有人钻空子？", Label::ParaCont),
        ("答：我们会和公安、税务等部门", Label::ParaStart),
        ("开展数据比对。面对记者提", Label::ParaCont),
        ("问：他笑着说会的。", Label::ParaCont),
    ]);
    assert_eq!(
        doc.articles[0].sections[0].paragraphs,
        [
            "答：旧车要在申请人名下登记满1年。",
            "问：会不会有人钻空子？",
            "答：我们会和公安、税务等部门开展数据比对。面对记者提问：他笑着说会的。",
        ]
    );
}

#[test]
fn a_question_taken_for_a_title_is_a_paragraph_with_its_wrapped_rest() {
    // A titles-after page: the last question, short, before the answer that closes the
    // article, looks like the article's title; a wrapped question like a two-line one.
    let doc = page(&[
        ("  记者日前采访了有关负责人。", Label::ParaStart),
        ("问：这次调整主要", Label::Title),
        ("有哪些变化？", Label::Title),
        ("答：概括起来有三点。", Label::ParaStart),
        ("问：下一步还有哪些打算？", Label::Title),
        ("答：我们将认真总结试点经验。", Label::ParaStart),
        ("骑手送餐途中受了伤 谁来保障？", Label::Title),
    ]);
    assert_eq!(doc.articles.len(), 1, "{:#?}", doc.articles);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("骑手送餐途中受了伤 谁来保障？"));
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "记者日前采访了有关负责人。",
            "问：这次调整主要有哪些变化？",
            "答：概括起来有三点。",
            "问：下一步还有哪些打算？",
            "答：我们将认真总结试点经验。",
        ]
    );
}

#[test]
fn a_spaced_credit_under_a_title_is_the_next_articles_byline() {
    // Titles after bodies: the byline opening the next article stands where a subtitle
    // of the title above would.
    let doc = page(&[
        ("江城晚报记者 邬晓蕾", Label::Byline),
        ("早上6点半，东门菜场刚开门。", Label::ParaStart),
        ("老菜场换了新模样", Label::Title),
        ("本报记者 梁海燕 通讯员 钟庆", Label::Subtitle),
        ("重达1200吨的机舱被稳稳吊上塔筒。", Label::ParaStart),
        ("深远海风电机组完成吊装", Label::Title),
        ("本报记者探访城市地下管廊", Label::Subtitle),
    ]);
    let decks: Vec<_> = doc
        .articles
        .iter()
        .map(|a| {
            (
                a.title.as_deref(),
                a.subtitle.as_deref(),
                a.byline.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        decks,
        [
            (Some("老菜场换了新模样"), None, Some("江城晚报记者 邬晓蕾")),
            (
                Some("深远海风电机组完成吊装"),
                Some("本报记者探访城市地下管廊"),
                Some("本报记者 梁海燕 通讯员 钟庆")
            ),
        ]
    );
}

#[test]
fn a_circled_number_opens_a_head_but_not_an_enumerated_clause() {
    let doc = page_in_column(
        &[
            ("桥梁医生", Label::Title),
            ("① 凌晨两点的“听诊”", Label::ParaStart),
            ("凌晨两点，城市已经入睡。", Label::ParaCont),
            ("武汉市某高架桥下，桥梁检测", Label::ParaCont),
            ("工程师严立新和同事们架起了", Label::ParaCont),
            ("仪器。", Label::ParaCont),
            ("①加强源头管理；", Label::ParaStart),
            ("②完善回收网络。", Label::ParaCont),
        ],
        13.0,
    );
    let a = &doc.articles[0];
    assert_eq!(headings(a), [Some("① 凌晨两点的“听诊”")]);
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "凌晨两点，城市已经入睡。武汉市某高架桥下，桥梁检测工程师严立新和同事们架起了仪器。",
            "①加强源头管理；②完善回收网络。",
        ]
    );
}

#[test]
fn a_page_editors_credit_after_the_last_title_is_furniture() {
    let doc = page(&[
        ("盐碱地上的稻田今年亩产超过六百公斤。", Label::ParaStart),
        ("（本报东营12月1日电）", Label::EndMatter),
        ("盐碱地里种出“高产稻”", Label::Title),
        ("本版责编：刘洋", Label::Title),
    ]);
    assert_eq!(doc.page_furniture, ["本版责编：刘洋"]);
    assert_eq!(doc.articles.len(), 1);
    assert_eq!(
        doc.articles[0].title.as_deref(),
        Some("盐碱地里种出“高产稻”")
    );
}

#[test]
fn a_whole_caption_line_taken_for_a_title_closes_the_article_above() {
    let doc = page(&[
        ("雪线上的“暖心工程”", Label::Title),
        ("边防团建起了温室大棚。", Label::ParaStart),
        ("图为该团官兵在温室大棚里采摘蔬菜。王昊宇摄", Label::Title),
    ]);
    assert_eq!(doc.articles.len(), 1, "{:#?}", doc.articles);
    assert_eq!(
        doc.articles[0].end_matter,
        ["图为该团官兵在温室大棚里采摘蔬菜。王昊宇摄"]
    );
}

#[test]
fn the_text_sharing_a_line_with_a_continuation_marker_is_no_head() {
    let lines = [
        ("单机容量20兆瓦深远海风电机组完成吊装", Label::Title),
        ("■上接第 1 版 在距离海岸线约70公里的作", Label::ParaStart),
        ("业海域，重达1200吨的机舱被稳稳吊上150", Label::ParaCont),
        ("米高的塔筒顶端，三片叶片随后逐一对接。", Label::ParaCont),
    ];
    let pieces = crate::core::reflow::pieces::pieces(
        lines
            .iter()
            .map(|(text, _)| {
                let mut line = Line::new(text, false, false);
                line.column = 19.0;
                line
            })
            .collect(),
    );
    let mut given = lines.iter().map(|&(_, l)| (l, 100.0));
    let labels: Vec<(Label, f32)> = pieces
        .iter()
        .map(|p| match p {
            Piece::Marker(_) => (Label::MarkerFrom, 100.0),
            Piece::Line(_) => given.next().unwrap(),
        })
        .collect();
    let doc = assemble(pieces, &labels, 1.0);
    let a = &doc.articles[0];
    assert_eq!(headings(a), [None]);
    assert!(a.sections[0].paragraphs[0].starts_with("在距离海岸线约70公里的作业海域"));
}

#[test]
fn a_name_under_a_bylines_square_is_the_byline() {
    let doc = page(&[
        ("年轻人为何爱上“旧物改造”？", Label::Title),
        ("□林一帆", Label::Heading),
        ("把旧牛仔裤改成帆布包。", Label::ParaStart),
        // ■ marks heads.
        ("■ 现场", Label::Heading),
        ("记者走进一家改造工作室。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("□林一帆"));
    assert_eq!(headings(a), [None, Some("■现场")]);
}

#[test]
fn a_whole_one_line_paragraph_ending_bare_is_a_head() {
    let doc = page_in_column(
        &[
            ("孩子视力保卫战", Label::Title),
            ("本报记者 尹佳琪 实习生 陈思源", Label::Byline),
            ("每天户外两小时", Label::ParaStart),
            ("下午3点半，澜州市实验小学的操场上", Label::ParaStart),
            ("热闹非凡。", Label::ParaCont),
            // Ending with a mark, or as wide as the column: paragraphs.
            ("校长郭慧敏说：好。", Label::ParaStart),
            ("研究表明，增加户外活动时间是预防近视的", Label::ParaStart),
            ("有效办法。", Label::ParaStart),
            // A letter's closing formula is no head.
            ("此致", Label::ParaStart),
            ("敬礼！", Label::ParaStart),
        ],
        19.0,
    );
    let a = &doc.articles[0];
    assert_eq!(headings(a), [Some("每天户外两小时")]);
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "下午3点半，澜州市实验小学的操场上热闹非凡。",
            "校长郭慧敏说：好。",
            "研究表明，增加户外活动时间是预防近视的",
            "有效办法。",
            "此致",
            "敬礼！",
        ]
    );
}

#[test]
fn a_short_paragraph_over_a_byline_is_the_title_of_the_article_it_opens() {
    let doc = page(&[
        ("低碳积分换来“真金白银”", Label::Title),
        ("本报记者 侯宇航", Label::Byline),
        ("每乘坐1公里地铁大约可减少碳排放60克。", Label::ParaStart),
        ("（新华社北京7月5日电）", Label::EndMatter),
        // The labeller took the title for a one-line paragraph.
        ("年轻人为何爱上“旧物改", Label::ParaStart),
        ("造”？", Label::ParaCont),
        ("□林一帆", Label::Byline),
        (
            "把旧牛仔裤改成帆布包，把旧玻璃瓶做成台灯。",
            Label::ParaStart,
        ),
    ]);
    let titles: Vec<(Option<&str>, Option<&str>)> = doc
        .articles
        .iter()
        .map(|a| (a.title.as_deref(), a.byline.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            (Some("低碳积分换来“真金白银”"), Some("本报记者 侯宇航")),
            (Some("年轻人为何爱上“旧物改造”？"), Some("□林一帆"))
        ]
    );
    // A sentence ending with its full stop is the paragraph it seems.
    let doc = page(&[
        ("低碳积分换来“真金白银”", Label::Title),
        ("本报记者 侯宇航", Label::Byline),
        ("每乘坐1公里地铁大约可减少碳排放60克。", Label::ParaStart),
        ("累计满1000克即可获得积分。", Label::ParaStart),
        ("□林一帆", Label::Byline),
        (
            "把旧牛仔裤改成帆布包，把旧玻璃瓶做成台灯。",
            Label::ParaStart,
        ),
    ]);
    assert_eq!(
        doc.articles[0].sections[0].paragraphs,
        [
            "每乘坐1公里地铁大约可减少碳排放60克。",
            "累计满1000克即可获得积分。"
        ]
    );
}

#[test]
fn a_head_whose_next_line_opens_with_a_particle_is_a_paragraphs_first_line() {
    let doc = page(&[
        ("亚马孙雨林告急", Label::Title),
        ("新华社记者 陈曦", Label::Byline),
        ("部分原住民保护地受到侵扰。", Label::ParaStart),
        ("亚马孙雨林是世界上面积最大", Label::Heading),
        ("的热带雨林，被称为“地球之肺”。", Label::ParaStart),
        // A word that merely starts with 了 (了解) opens a paragraph under a head.
        ("保护行动", Label::Heading),
        ("了解雨林的人越来越多。", Label::ParaStart),
    ]);
    let a = &doc.articles[0];
    assert_eq!(headings(a), [None, Some("保护行动")]);
    assert_eq!(
        a.sections[0].paragraphs,
        [
            "部分原住民保护地受到侵扰。",
            "亚马孙雨林是世界上面积最大的热带雨林，被称为“地球之肺”。",
        ]
    );
}

#[test]
fn a_bare_line_no_paragraph_line_fits_is_a_head_even_with_a_pause() {
    // The line under test, the line under it, whether it becomes a head.
    let cases = [
        // 13 of 14 ems: neither full nor a first line two ems short.
        ("科技赋能，小蜜蜂飞出大产业", "过去养蜂，全凭经验。", true),
        // 12 of 14 ems: a first line whose indent the extractor dropped.
        ("科技赋能，蜜蜂飞出大产业", "过去养蜂，全凭经验。", false),
        // Quote marks in it: its width depends on the font that set them.
        ("科技赋能，“蜜蜂”飞出产业", "过去养蜂，全凭经验。", false),
        // The next line opens with a quote, which a full line may have carried over.
        (
            "科技赋能，小蜜蜂飞出大产业",
            "“过去养蜂，全凭经验。”",
            false,
        ),
    ];
    for (line, next, head) in cases {
        let doc = page_in_column(
            &[
                ("小蜜蜂飞出大产业", Label::Title),
                ("合作社今年新添了两百多箱蜂，", Label::ParaStart),
                ("户均增收两万多元。", Label::ParaCont),
                (line, Label::ParaCont),
                (next, Label::ParaCont),
                ("现在，合作社的蜂箱里装上", Label::ParaStart),
                ("了温湿度传感器和电子秤。", Label::ParaCont),
            ],
            14.0,
        );
        let a = &doc.articles[0];
        if head {
            assert_eq!(headings(a), [None, Some(line)]);
            assert_eq!(a.sections[1].paragraphs[0], next);
        } else {
            assert_eq!(headings(a), [None], "{line} / {next}");
        }
    }
}

#[test]
fn titles_printed_one_after_the_other_with_a_blank_between_are_two_unless_mutool_set_it() {
    use crate::core::reflow::line_repair::titles_side_by_side;
    // pdftotext: side-by-side articles' one-line titles, a blank line between.
    let page = |first_lines_apart: bool| {
        [
            ("全省优化营商环境大会召开", Label::Title, false),
            ("午休能“躺平”了！", Label::Title, true),
            ("本报讯 中午12点半，实验小学四年", Label::ParaStart, true),
            ("级的教室里安静下来。", Label::ParaCont, first_lines_apart),
            ("今年秋季学期开学以来，全市已有", Label::ParaStart, false),
            (
                "120所小学用上了可躺式课桌椅。",
                Label::ParaCont,
                first_lines_apart,
            ),
        ]
    };
    let (pieces, labels) = labelled_lines_with_blanks(&page(false));
    assert_eq!(
        titles_side_by_side(&pieces, &labels),
        [false, true, false, false, false, false]
    );
    // mutool sets a blank line after every block's first line, a wrapped title's too.
    let (pieces, labels) = labelled_lines_with_blanks(&page(true));
    assert_eq!(titles_side_by_side(&pieces, &labels), [false; 6]);
}

#[test]
fn a_title_after_a_closing_title_is_another_articles_not_its_tail() {
    // A titles-after page (it opens with a 上接 marker) whose last two titles were
    // printed one after the other: the second is the next article's, never joined on.
    let lines = [
        ("■上接第1版", Label::MarkerFrom, false),
        ("本报讯 全市今年新建口袋公园30个。", Label::ParaStart, false),
        ("口袋公园扮靓城市", Label::Title, false),
        ("本报记者 林一", Label::Byline, false),
        ("本报讯 今年秋季学期开学以来，全", Label::ParaStart, false),
        ("市小学用上了可躺式课桌椅。", Label::ParaCont, false),
        ("午休能“躺平”了！", Label::Title, false),
        ("全省优化营商环境大会召开", Label::Title, true),
    ];
    let (pieces, labels) = labelled_lines_with_blanks(&lines);
    let doc = assemble(pieces, &labels, 1.0);
    let titles: Vec<_> = doc
        .articles
        .iter()
        .filter_map(|a| a.title.as_deref())
        .collect();
    assert!(titles.contains(&"午休能“躺平”了！"), "{titles:?}");
    assert!(titles.contains(&"全省优化营商环境大会召开"), "{titles:?}");
}

#[test]
fn a_title_printed_apart_under_a_subtitle_is_the_next_decks() {
    // pdfminer: two side-by-side articles' decks one after the other, the second after
    // a blank line under the first's subtitle, whose last line is well short.
    let lines = |apart: bool| {
        [
            ("全省优化营商环", Label::Title, false),
            ("境大会召开", Label::Title, false),
            ("对标一流 以更优环境", Label::Subtitle, false),
            ("服务市场主体", Label::Subtitle, true),
            ("扒起来！珠江", Label::Title, apart),
            ("冬日龙舟赛开锣", Label::Title, false),
            ("本报记者 庞 博", Label::Byline, true),
            ("本报讯 2月5日，全省优化营商", Label::ParaStart, true),
            ("环境大会召开。", Label::ParaCont, false),
        ]
    };
    for apart in [true, false] {
        let (mut pieces, labels) = labelled_lines_with_blanks(&lines(apart));
        for piece in &mut pieces {
            if let Piece::Line(line) = piece {
                line.column = 10.0;
            }
        }
        let doc = assemble(pieces, &labels, 1.0);
        let titles: Vec<_> = doc
            .articles
            .iter()
            .filter_map(|a| a.title.as_deref())
            .collect();
        assert_eq!(
            titles.contains(&"扒起来！珠江冬日龙舟赛开锣"),
            apart,
            "{titles:?} {:?}",
            doc.articles[0].subtitle
        );
    }
}

#[test]
fn the_first_of_a_numbered_series_of_heads_is_a_head_under_its_byline() {
    let doc = page_in_column(
        &[
            ("无人机送货上山", Label::Title),
            ("浙南日报记者 施雨涵", Label::Byline),
            ("（一）20分钟飞越一座山", Label::ParaStart),
            ("上午10点，云岭县快递物流", Label::ParaCont),
            ("园的起降平台上，一架无人机", Label::ParaCont),
            ("升空。", Label::ParaCont),
            ("（二）九条航线连起14个村", Label::Heading),
            ("试点一年，九条航线连起村庄。", Label::ParaStart),
            ("一、管制时间：2026年12月5", Label::ParaStart),
            ("日起。", Label::ParaCont),
        ],
        14.0,
    );
    let a = &doc.articles[0];
    assert_eq!(
        headings(a),
        [
            Some("（一）20分钟飞越一座山"),
            Some("（二）九条航线连起14个村")
        ]
    );
    assert_eq!(
        a.sections[0].paragraphs,
        ["上午10点，云岭县快递物流园的起降平台上，一架无人机升空。"]
    );
    // A clause numbered in another style, with a colon, stays a paragraph.
    assert_eq!(a.sections[1].paragraphs.len(), 2);
}
