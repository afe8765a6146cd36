//! Reflow on small pages, one per layout and signal. Fixtures live in
//! tests/fixtures/reflow/, named for what they show.

use super::lines::Line;
use super::model::Label;
use super::pieces::Piece;
use super::reflow;
use crate::core::model::{Article, Document, Section};

/// Labelled lines set in a column `column` ems wide (0: none measured), for the tests of
/// the rules that run on labels.
pub(super) fn labelled_lines(
    spec: &[(&str, Label)],
    column: f32,
) -> (Vec<Piece>, Vec<(Label, f32)>) {
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

/// The labels a repair on labels leaves on lines set in a column `column` ems wide.
pub(super) fn relabelled(
    spec: &[(&str, Label)],
    column: f32,
    repair: fn(&[Piece], &mut [(Label, f32)]),
) -> Vec<Label> {
    let (pieces, mut labels) = labelled_lines(spec, column);
    repair(&pieces, &mut labels);
    labels.into_iter().map(|(l, _)| l).collect()
}

/// Labelled lines with a blank line before those marked `true`, no column measured.
pub(super) fn labelled_lines_with_blanks(
    spec: &[(&str, Label, bool)],
) -> (Vec<Piece>, Vec<(Label, f32)>) {
    let pieces = spec
        .iter()
        .map(|&(text, _, blank_before)| Piece::Line(Line::new(text, false, blank_before)))
        .collect();
    (pieces, spec.iter().map(|&(_, l, _)| (l, 100.0)).collect())
}

/// An article: title (or none), byline (or none), body paragraphs.
pub(super) fn article(title: Option<&str>, byline: Option<&str>, body: &[&str]) -> Article {
    Article {
        title: title.map(str::to_string),
        byline: byline.map(str::to_string),
        sections: if body.is_empty() {
            Vec::new()
        } else {
            vec![Section {
                paragraphs: body.iter().map(|p| p.to_string()).collect(),
                ..Section::default()
            }]
        },
        ..Article::default()
    }
}

/// Title, byline and first paragraph of each article, and whether it is uncertain.
pub(super) fn read(doc: &Document) -> Vec<(Option<&str>, Option<&str>, &str, bool)> {
    doc.articles
        .iter()
        .map(|a| {
            let first = a.sections.first().and_then(|s| s.paragraphs.first());
            (
                a.title.as_deref(),
                a.byline.as_deref(),
                first.map_or("", String::as_str),
                a.uncertain,
            )
        })
        .collect()
}

fn fixture(name: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/reflow/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    reflow(&text)
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(String::as_str))
        .collect()
}

fn headings(a: &Article) -> Vec<Option<&str>> {
    a.sections.iter().map(|s| s.heading.as_deref()).collect()
}

#[test]
fn title_first_page_with_one_indented_paragraph_per_line() {
    let doc = fixture("title_first_indented_lines.txt");
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("人民日报评论员文章：奋力开创新局面")
    );
    assert_eq!(a.subtitle.as_deref(), Some("——论学习贯彻全会精神"));
    assert_eq!(a.byline.as_deref(), Some("本报评论员"));
    assert_eq!(headings(a), vec![None, Some("（一）坚持正确方向")]);
    assert_eq!(
        paragraphs(a),
        vec![
            "全会审议通过的决定，是新时代新征程上推进全面深化改革的总动员、总部署，必将产生深远影响。",
            "改革开放是决定当代中国命运的关键一招。“我们要把改革进行到底。”",
            "坚持党的全面领导，是进一步全面深化改革的根本保证。",
            "要坚持以人民为中心。",
        ]
    );
    assert_eq!(a.end_matter, vec!["（新华社北京7月21日电）"]);
}

#[test]
fn title_first_wrapped_columns_with_column_breaks_and_two_articles() {
    let doc = fixture("title_first_wrapped_columns.txt");
    assert_eq!(doc.articles.len(), 2);
    let (a, b) = (&doc.articles[0], &doc.articles[1]);
    assert_eq!(
        (a.title.as_deref(), a.byline.as_deref()),
        (Some("草原上的新能源"), Some("□本报记者 王明 李华"))
    );
    assert_eq!(
        headings(a),
        vec![None, Some("（二）从“看天吃饭”到“靠风致富”")]
    );
    assert_eq!(
        paragraphs(a),
        vec![
            // A blank line after 增加装 is a column break: the sentence runs on.
            "在内蒙古西部的戈壁滩上，一排排风机迎风转动，光伏板连成一片蓝色的海洋。这里是全国最大的新能源基地之一，去年发电量超过120亿千瓦时。",
            "“我们每天都在和风赛跑。”运维工程师张强说，今年以来，基地新增装机300万千瓦，带动当地就业2000多人。",
            "牧民巴特尔把自家草场租给风电企业，每年租金收入5万多元。他说，日子越过越红火。",
        ]
    );
    assert_eq!(a.end_matter, vec!["（作者为本报驻内蒙古记者）"]);
    assert_eq!(
        (b.title.as_deref(), b.byline.as_deref()),
        (Some("黄河岸边的春耕"), Some("本报记者 赵刚"))
    );
    assert_eq!(
        paragraphs(b),
        vec![
            "春分刚过，河套平原上已是一派忙碌景象。农机手驾驶拖拉机来回穿梭，翻耕土地、播撒种子。",
            "今年全市计划播种小麦80万亩，比去年增加5万亩。",
        ]
    );
}

#[test]
fn english_text_joins_with_spaces_and_rejoins_hyphenated_words() {
    let doc = fixture("english_wrapped.txt");
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("A Note on Extraction"));
    let p = paragraphs(a);
    assert_eq!(p.len(), 3);
    assert!(p[0].starts_with(
        "Text pulled out of a PDF keeps the line breaks of the printed column, so every"
    ));
    assert!(p[0].contains("Words that were hyphenated at the end of a line must be rejoined"));
    assert_eq!(p[1], "A blank line separates paragraphs in plain text, even when the line before it runs to the full width of the column of text.");
    assert_eq!(p[2], "The last paragraph is short.");
}

#[test]
fn inline_markers_letter_spacing_and_titles_after_the_body() {
    let doc = fixture("markers_inline.txt");
    assert_eq!(doc.articles.len(), 2);
    let (a, b) = (&doc.articles[0], &doc.articles[1]);
    assert_eq!(a.title.as_deref(), Some("招商引资提质增效"));
    assert_eq!(
        (a.continued_from_page, a.continued_marker.as_deref()),
        (Some(2), Some("■上接第 2 版"))
    );
    assert_eq!(
        paragraphs(a),
        vec![
            "带动与周边省份的合作，进一步整合资源，服务经济高质量发展。",
            "与此同时，各地充分发挥平台优势，常态化开展推介活动，取得积极成效。"
        ]
    );
    assert_eq!(a.end_matter, vec!["（下转第三版）"]);
    assert_eq!(
        (b.title.as_deref(), b.continued_from_page),
        (Some("消费回暖"), Some(1))
    );
    assert_eq!(b.continued_marker.as_deref(), Some("（上接第一版）"));
    assert_eq!(
        paragraphs(b),
        vec!["月份，全区社会消费品零售总额2052亿元，同比增长9.3%，与全国平均水平持平。"]
    );
}

#[test]
fn dash_lines_after_a_finished_sentence_start_paragraphs() {
    let page = "美西方抛弃“脱钩”，高喊“去风险”，看似\n立场有所“软化”，没有实质变化。\n——从“脱钩”到“去风险”，美西方对华\n经济议题“政治化”趋势未变，意识形态\n考量始终是其开展对华经济交往的拦路\n石。\n";
    let doc = reflow(page);
    assert_eq!(paragraphs(&doc.articles[0]).len(), 2);
}

#[test]
fn a_full_line_ending_a_sentence_continues_without_blank() {
    // The first line ends with 。 but fills its column, and the next line is full too.
    let page = "全区规模以上工业增加值同比增长\n6.8%，高于全国平均水平3.2个百分点。\n其中，新兴产业增势较好，规模以上战略\n性新兴产业、高技术制造业同比分别增\n长18.2%和20.9%。\n";
    let doc = reflow(page);
    assert_eq!(paragraphs(&doc.articles[0]).len(), 1);
}

#[test]
fn short_finished_line_is_its_own_paragraph() {
    let page = "点上开花，面上结果。\n生态安全屏障方面，到6月29日，今年我区\n造林247.85万亩、防沙治沙438.57万亩。深\n入研究部署黄河流域生态保护和高质量发\n展工作。\n";
    let doc = reflow(page);
    assert_eq!(paragraphs(&doc.articles[0])[0], "点上开花，面上结果。");
}

#[test]
fn empty_and_blank_text_give_no_articles() {
    assert!(reflow("").articles.is_empty());
    assert!(reflow("\n \n\u{3000}\n").articles.is_empty());
}

#[test]
fn reflow_is_deterministic() {
    let text = std::fs::read_to_string(format!(
        "{}/seeds/000_51e883962f205273.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(reflow(&text), reflow(&text));
}

#[test]
fn page_header_and_editor_credit_do_not_make_articles() {
    let page = "内蒙古日报 2023年7月6日 星期四\n\n■上接第1版\n山高人为峰，海阔梦为舵。奋进新\n征程、闯出新路来，需要创一流、当标兵\n的雄心壮志。内蒙古资源之富集全国首\n屈一指，能源领域要素齐全、基础雄厚，\n政策资源独一无二，有这么好的条件，内\n蒙古没有理由实现不了大发展。\n\n奋勇争先在中国式现代化建设中闯出新路\n\n责任编辑：张三\n";
    let doc = reflow(page);
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("奋勇争先在中国式现代化建设中闯出新路")
    );
    assert_eq!(a.continued_from_page, Some(1));
    assert_eq!(headings(a), vec![None]);
    assert_eq!(paragraphs(a), vec!["山高人为峰，海阔梦为舵。奋进新征程、闯出新路来，需要创一流、当标兵的雄心壮志。内蒙古资源之富集全国首屈一指，能源领域要素齐全、基础雄厚，政策资源独一无二，有这么好的条件，内蒙古没有理由实现不了大发展。"]);
    // The running head and the editor's credit belong to the page, not the article.
    assert!(a.end_matter.is_empty());
    assert_eq!(
        doc.page_furniture,
        vec!["内蒙古日报2023年7月6日 星期四", "责任编辑：张三"]
    );
}

#[test]
fn titles_after_bodies_without_markers_or_bylines() {
    // Two articles whose titles follow their bodies, nothing else marking the boundary:
    // a title set on one line as wide as the column is not a section heading.
    let page = "当前，内蒙古正处于重大历史机遇期、各\n种优势集中彰显期、转型发展提速期，唯\n有更加紧密地团结奋斗，才能在闯新路、\n进中游的道路上越走越扎实。\n\n发展的画卷，在壮阔行进中铺展；时代的\n荣光，在接续奋斗里书写。\n\n奋勇争先在中国式现代化建设中闯出新路\n\n端午节期间，内蒙古各盟市依托资源优\n势，以烧烤、露营、采摘、旱雪、泵道等\n多种方式发力消费端。自治区文旅厅数据\n显示，端午假期全区接待国内游客833万\n人次。\n\n亮出高质量发展“半年报”\n";
    let doc = reflow(page);
    let titles: Vec<_> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        vec![
            Some("奋勇争先在中国式现代化建设中闯出新路"),
            Some("亮出高质量发展“半年报”")
        ]
    );
    assert_eq!(paragraphs(&doc.articles[0]).len(), 2);
    assert_eq!(paragraphs(&doc.articles[1]).len(), 1);
}

#[test]
fn the_sample_without_blank_lines_keeps_its_structure() {
    let path = format!(
        "{}/seeds/000_51e883962f205273.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let solid: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let (with, without) = (reflow(&text), reflow(&solid));
    let titles = |d: &Document| {
        d.articles
            .iter()
            .map(|a| a.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&without), titles(&with));
    let all_headings = |d: &Document| {
        d.articles
            .iter()
            .map(|a| {
                headings(a)
                    .into_iter()
                    .map(|h| h.map(String::from))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(all_headings(&without), all_headings(&with));
    let bylines = |d: &Document| {
        d.articles
            .iter()
            .map(|a| (a.byline.clone(), a.subtitle.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(bylines(&without), bylines(&with));
    let want: Vec<&str> = with.articles.iter().flat_map(paragraphs).collect();
    let got: Vec<&str> = without.articles.iter().flat_map(paragraphs).collect();
    let exact = want.iter().filter(|p| got.contains(p)).count();
    assert!(exact * 100 >= want.len() * 95, "{exact}/{}", want.len());
}

#[test]
fn two_byline_lines_and_a_photo_caption() {
    let page = "草原上的新能源\n本报记者 王明\n通讯员 李华\n\n在内蒙古西部的戈壁滩上，一排排风\n机迎风转动，光伏板连成一片蓝色的海\n洋。这里是全国最大的新能源基地之一。\n图为风电场一角。（新华社记者\n王五 摄）\n去年发电量超过120亿千瓦时，带动当\n地就业2000多人，日子越过越红火。\n";
    let doc = reflow(page);
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报记者 王明 通讯员 李华"));
    assert_eq!(paragraphs(a)[1], "图为风电场一角。（新华社记者王五 摄）");
    assert_eq!(paragraphs(a).len(), 3);
}

#[test]
fn a_whole_caption_line_closes_its_article_and_a_running_head_in_parts_is_furniture() {
    // The running head broken a part a line (mutool does this), and a caption set after
    // the article's last paragraph, wider than the column.
    let page = "南国都市报\n2026年2月2日 星期一\n第16版  地方新闻\n\n雪线上的“暖心工程”\n本报记者 葛明\n\n  边防团在海拔四千多米的哨所\n建起了温室大棚，官兵们吃上了自\n己种的新鲜蔬菜。\n  团政治委员说，改善基层官兵的\n生活条件，就是为了让大家安心扎\n根边防、专心练兵备战。\n图为该团官兵在温室大棚里采摘蔬菜。王昊宇摄\n";
    let doc = reflow(page);
    assert_eq!(
        doc.page_furniture,
        ["南国都市报", "2026年2月2日 星期一", "第16版 地方新闻"]
    );
    assert_eq!(doc.articles.len(), 1, "{:#?}", doc.articles);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("雪线上的“暖心工程”"));
    assert_eq!(a.end_matter, ["图为该团官兵在温室大棚里采摘蔬菜。王昊宇摄"]);
}

#[test]
fn a_file_long_enough_to_split_over_threads_comes_out_as_on_one_thread() {
    // The sample with a news brief between copies, past the size where `parallel` splits
    // the line stages, Viterbi's two passes and the two readings of the page (8192
    // elements) over threads.
    let sample = include_str!("../../../seeds/000_51e883962f205273.txt");
    let copy = format!("{sample}\n短讯\n本报讯 一条没有署名的消息。\n\n");
    let text = copy.repeat(80_000 / copy.lines().count() + 1);
    let split = reflow(&text);
    let whole = crate::core::parallel::on_one_thread(|| reflow(&text));
    assert!(split.articles.len() > 100);
    assert_eq!(split, whole);
}
