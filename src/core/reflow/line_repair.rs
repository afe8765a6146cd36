//! Repairs on the labels, before lines are grouped into elements: what one line's
//! label cannot say but its neighbours' shapes do.
//! - A short line that says nothing (no punctuation) cannot open a paragraph that goes
//!   on: a paragraph's first line is full, or two ems short where the extractor dropped
//!   its indent. It is a head; a spaced credit line is the byline.
//! - A full line is never a paragraph's first line where first lines are two ems short.
//! - Two titles printed one after the other with a blank line between are two titles.
//! - A paper's name, a page line or a date next to the running head is part of it.
//! - A photo caption whole on its line closes its article; `本版责编：…` is furniture.
//! - A short bare line opening with a circled number (①) is a head.
//! - An interview's question or answer is a paragraph, never a deck line or a head.
//! - A credit and names spaced as a byline are the byline, whatever the label.

use super::bylines::{
    after_byline_mark, is_byline, is_prose_after_credit, reads_as_names, spaced_credit_and_names,
};
use super::classes::{furniture_class, opens_with_dateline, opens_with_particle};
use super::lines::Line;
use super::markers::{is_editor_credit, is_photo_caption};
use super::model::Label;
use super::pieces::Piece;
use super::repair::{leaves_open, reads_as_numbered_head};
use crate::core::charclass::{
    ends_sentence, ends_with_full_stop, is_ideograph, last_before_closers,
};

/// A line short enough to be a head, set solid, that leaves no quote or bracket open and
/// is neither a news opening (`本报贵阳11月28日电`) nor a credit: what every rule here that
/// turns a paragraph line into a head asks first (each adds its own test of the line's
/// end and width).
fn could_stand_as_head(line: &Line) -> bool {
    let text = line.text.trim();
    !line.letter_spaced
        && text.chars().count() <= 20
        && !leaves_open(text)
        && !opens_with_dateline(text)
        && !is_byline(text)
        // A letter's closing formula (`此致` over `敬礼！`) stands alone on its line.
        && text != "此致"
}

/// Does a line end with no mark at all: its last character, closing quotes and brackets
/// aside, an ideograph, a letter or a digit (`“开船咯！”` ends with its mark)?
fn ends_bare(text: &str) -> bool {
    last_before_closers(text).is_some_and(|c| is_ideograph(c) || c.is_ascii_alphanumeric())
}

/// `① 凌晨两点的“听诊”` over `凌晨两点，城市已经入睡。`: a short line opening with a
/// circled number (① to ⑳) that ends bare, with no pause or stop in it, numbers a head,
/// not an enumeration (an enumerated clause runs on in its paragraph, ending with a
/// semicolon or a stop). The labeller, which does not see circled numbers as numbering,
/// may run it into the paragraph under it. The line after it opens that paragraph.
pub(super) fn circled_numbers_open_heads(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 0..labels.len() {
        if !matches!(labels[i].0, Label::ParaStart | Label::ParaCont) {
            continue;
        }
        let Some(line) = pieces[i].line() else {
            continue;
        };
        let text = line.text.trim();
        let circled = text.starts_with(|c: char| ('\u{2460}'..='\u{2473}').contains(&c));
        let no_pause = !text.contains(['，', '、', '；', '。', '！', '？', '：', ',', ';', ':']);
        if circled && ends_bare(text) && no_pause && could_stand_as_head(line) {
            labels[i].0 = Label::Heading;
            if let Some(next) = labels.get_mut(i + 1).filter(|l| l.0 == Label::ParaCont) {
                next.0 = Label::ParaStart;
            }
        }
    }
}

/// A photo caption whole on its line (`图为该团官兵在温室大棚里采摘蔬菜。王昊宇摄`), often
/// wider than the column, is end matter of the article it illustrates: a title, head or
/// paragraph never opens with 图为 and ends with the photographer's 摄. (The labeller,
/// seeing a wide line after a finished paragraph, may take it for a title.)
pub(super) fn photo_captions_close_articles(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for (piece, label) in pieces.iter().zip(labels.iter_mut()) {
        if piece.line().is_some_and(|l| is_photo_caption(&l.text)) {
            label.0 = Label::EndMatter;
        }
    }
}

/// `本版责编：刘洋`, `本版编辑：王五`: a page's editor credit with 本版 before the role is
/// page furniture like `责编：刘洋` (which `markers::is_editor_credit` knows, and the
/// labeller sees as a feature). At a titles-after page's foot, under the last title, the
/// labeller may take it for the title's second line. (Teaching `is_editor_credit` the 本版
/// form changes what the labeller was trained on: left for the next retrain.)
pub(super) fn page_credits_are_furniture(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for (piece, label) in pieces.iter().zip(labels.iter_mut()) {
        let credit = piece
            .line()
            .is_some_and(|l| l.text.strip_prefix("本版").is_some_and(is_editor_credit));
        if credit {
            label.0 = Label::Furniture;
        }
    }
}

/// Some extractors break the running head into its parts, a line each (`南国都市报`,
/// `2026年2月2日 星期一`, `第16版  地方新闻`), and the labeller, which sees the date line
/// forced to furniture, may take the paper's name or the page line beside it for a
/// title. A line that reads as furniture (a paper's name, a page number or a date:
/// `classes::furniture_class`), stands next to furniture, and has only furniture between
/// it and the top or the foot of the page is furniture. Spreads along the run.
pub(super) fn running_heads_stay_together(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    let furniture = |l: &(Label, f32)| l.0 == Label::Furniture;
    let reads_as_furniture = |i: usize| {
        pieces[i]
            .line()
            .is_some_and(|l| furniture_class(&l.text) != 0)
    };
    // From the top: the first piece that is not furniture, while it may join the run.
    let mut i = labels.iter().position(|l| !furniture(l));
    while let Some(k) = i {
        let beside = k > 0 || labels.get(k + 1).is_some_and(furniture);
        if !(beside && reads_as_furniture(k)) {
            break;
        }
        labels[k].0 = Label::Furniture;
        i = labels[k..]
            .iter()
            .position(|l| !furniture(l))
            .map(|p| p + k);
    }
    // From the foot, likewise.
    let mut i = labels.iter().rposition(|l| !furniture(l));
    while let Some(k) = i {
        let beside = k + 1 < labels.len() || (k > 0 && furniture(&labels[k - 1]));
        if !(beside && reads_as_furniture(k)) {
            break;
        }
        labels[k].0 = Label::Furniture;
        i = labels[..k].iter().rposition(|l| !furniture(l));
    }
}

/// A line the labeller took for a paragraph's first line, with the paragraph going on
/// in the next, though the line is well short of its column and ends with no mark at
/// all (`泛黄纸页里的城市记忆` over `一张1956年的粮票申领登记表、一`): a justified
/// paragraph's first line is full, so this is a head set on its own line (articles that
/// open with a head straight under the byline look like this). A news opening standing
/// alone (`本报贵阳11月28日电`) and a byline are not heads; a byline, spaced as bylines
/// are, is the byline.
pub(super) fn heads_over_paragraphs(
    pieces: &[Piece],
    labels: &[(Label, f32)],
) -> Vec<(Label, f32)> {
    let mut out = labels.to_vec();
    for (i, window) in labels.windows(2).enumerate() {
        let [(Label::ParaStart, margin), (Label::ParaCont, _)] = window else {
            continue;
        };
        let (Some(line), Some(Piece::Line(next))) = (pieces[i].line(), pieces.get(i + 1)) else {
            continue;
        };
        let text = line.text.trim();
        let (credit, news_opening) = (is_byline(text), opens_with_dateline(text));
        let bare_end = text
            .chars()
            .next_back()
            .is_some_and(|c| is_ideograph(c) || c == '”' || c == '’' || c.is_ascii_alphanumeric());
        // The next line has the shape of a paragraph's first line: two ems short of its
        // column where the extractor dropped the indent, or indented and short of it.
        // The line after it is full, wider than a first line by its indent (else a column
        // estimate spanning a column break may make a full line look short:
        // `去年我买了一辆新能` / `源汽车，开起来省钱又安` / `静，唯一让人头疼的就是`),
        // or the next is a whole one-line paragraph and another opens after it.
        let then_full = pieces
            .get(i + 2)
            .and_then(Piece::line)
            .is_some_and(|after| after.width >= next.width + 1.5);
        let one_line_paragraph = ends_with_full_stop(&next.text)
            && labels
                .get(i + 2)
                .is_some_and(|(l, _)| *l == Label::ParaStart);
        let next_opens = (next.short_by_an_indent()
            || (next.indented && next.width <= next.column - 1.5))
            && (then_full || one_line_paragraph);
        // The text after a continuation marker (`■上接第 1 版 在距离海岸线约70公里的作`)
        // is short because the marker shares its line: it goes on with the jumped body.
        let after_marker = i > 0 && matches!(pieces[i - 1], Piece::Marker(_));
        // What both width rules below ask of a head.
        let bare_short_line = bare_end && could_stand_as_head(line);
        let head = bare_short_line
            && !after_marker
            && line.width < 0.75 * line.column
            // More than a first line's indent short of the next (extractors drop the
            // indent: `前不久，一座建在公园` over `里的“城市书房”火了：落` is a paragraph),
            // or short of a next line that opens a paragraph itself.
            && (line.width + 3.5 < next.width || (next_opens && line.width + 1.0 < next.width))
            // A sentence's first words stop at a comma; a head that has one is left to
            // the labeller (a column break can leave a sentence's opening this short).
            && !text.contains(['，', '、', '：', ',']);
        // A numbered line (`一、一页纸要“过”几十道工序`) over a paragraph's first line is a
        // head however long: a numbered paragraph would go on in that line. One line of a
        // wrapped paragraph may be cut after a pause (`四、对违反本通告的，公安机关`), so
        // here a comma inside says it is prose.
        let numbered_head = next_opens
            && bare_end
            && reads_as_numbered_head(text)
            && !text.contains(['，', ','])
            && !credit;
        // A credit line with its names spaced apart (`南方日报记者 许嘉豪 实习生 梁雨彤`)
        // opens no paragraph: it is the byline, and the body begins under it.
        // (`本报南京4月12日电 记者从省交通运` names a credit too: a news opening, and so is
        // `本报杭州11月27日讯 记者从省`: a byline names people, never a date.)
        let spaced_credit = credit
            && text.contains(char::is_whitespace)
            && !news_opening
            && !text.contains(|c: char| c.is_ascii_digit())
            && !is_prose_after_credit(text);
        // A line well short of a first line's width cannot open a paragraph of two lines
        // or more: a head with a pause in it (`科技赋能，小蜜蜂飞出大产业`) over a whole
        // one-line paragraph (`过去养蜂，全凭经验。`). The paragraph opening after that
        // shows the column as wide as the estimate says (the estimate may span a change
        // of column width: `华灯初上，位于老城区` over `的南门夜市渐渐热闹起来。` in
        // columns narrower than the estimate is a paragraph).
        let opening_after_is_wider = pieces
            .get(i + 2)
            .and_then(Piece::line)
            .is_some_and(|after| after.width >= line.width + 1.5);
        let stranded = bare_short_line
            && line.width <= line.column - 3.5
            && opening_after_is_wider
            && one_line_paragraph;
        if head || numbered_head || stranded {
            out[i] = (Label::Heading, *margin);
        } else if spaced_credit {
            out[i] = (Label::Byline, *margin);
            out[i + 1].0 = Label::ParaStart;
        }
    }
    out
}

/// A full line the labeller took for a paragraph's first line, right under a first line
/// that ends a sentence two ems short of its column (`慢，曾经是蜀锦的“软肋”。` over
/// `一匹传统锦缎动辄要织上几个月，`): where extractors drop the first line's indent, the
/// line above is a first line that happened to end a sentence, and a paragraph's first
/// line is never full. The paragraph goes on, whatever blank line the extractor set
/// between (mutool and pdfminer set one after every first line); not after an indent,
/// and not on pages printing a paragraph a line.
pub(super) fn full_lines_go_on(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 1..labels.len() {
        let (Label::ParaStart, Label::ParaStart) = (labels[i - 1].0, labels[i].0) else {
            continue;
        };
        let (Some(above), Some(line)) = (pieces[i - 1].line(), pieces[i].line()) else {
            continue;
        };
        let first_line_ended = above.short_by_an_indent() && ends_with_full_stop(&above.text);
        let full = line.width >= line.column - 0.5 && line.text.chars().count() <= 30;
        if first_line_ended && full && !line.indented {
            labels[i].0 = Label::ParaCont;
        }
    }
}

/// A whole paragraph of one short line that ends with no mark at all, before another
/// paragraph (`每天户外两小时` under a byline, over `下午3点半，澜州市实验小学的操场上`), is a
/// head: a paragraph's last sentence ends with a mark (in the harness's modern articles,
/// 15,000 paragraphs, none ends bare). A line as wide as its column is left alone: there
/// a column break may have cut a paragraph the labeller split.
pub(super) fn bare_one_line_paragraphs_are_heads(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 0..labels.len().saturating_sub(1) {
        let (Label::ParaStart, Label::ParaStart) = (labels[i].0, labels[i + 1].0) else {
            continue;
        };
        // (A marker is never labelled a paragraph: the next piece is a line.)
        let Some(line) = pieces[i].line() else {
            continue;
        };
        if ends_bare(line.text.trim())
            && line.width <= line.column - 1.5
            && could_stand_as_head(line)
        {
            labels[i].0 = Label::Heading;
        }
    }
}

/// A line the labeller took for a head whose next line opens with a particle
/// (`亚马孙雨林是世界上面积最大` over `的热带雨林，被称为…`, `6月的新疆英吉沙县，杏子熟`
/// over `了，空气里都是甜甜的果香。`) is a paragraph's first line: no sentence starts with
/// 的 or 了, so the two lines are one sentence, and a head is never continued by its
/// paragraph.
pub(super) fn heads_going_on_are_first_lines(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 0..labels.len().saturating_sub(1) {
        let (Label::Heading, Label::ParaStart | Label::ParaCont) = (labels[i].0, labels[i + 1].0)
        else {
            continue;
        };
        if pieces[i + 1]
            .line()
            .is_some_and(|l| opens_with_particle(&l.text))
        {
            labels[i] = (Label::ParaStart, 0.0);
            labels[i + 1].0 = Label::ParaCont;
        }
    }
}

/// An interview's question or answer (`问：…`, `答：…`) is a paragraph, never a head, title
/// or subtitle (in the harness's articles 557 times a paragraph, never anything else),
/// however short its first line: the labeller may take `答：首先要及时就` for a head over
/// `医，并在平台App上报`, and a one-line question before the answer that closes the
/// article (`问：下一步还有哪些打算？`) for the title of a titles-after page.
/// Where that first line leaves its sentence open, the paragraph goes on in the next.
pub(super) fn answers_are_paragraphs(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    let asks_or_answers = |i: usize| {
        pieces.get(i).and_then(Piece::line).is_some_and(|line| {
            line.text.starts_with(['问', '答'])
                && line
                    .text
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '：' || c == ':')
        })
    };
    for i in 0..labels.len() {
        let deck_or_head = matches!(labels[i].0, Label::Heading | Label::Title | Label::Subtitle);
        if !deck_or_head || !asks_or_answers(i) {
            continue;
        }
        let taken_for = labels[i].0;
        labels[i].0 = Label::ParaStart;
        // The rest of its sentence: the next paragraph's opening, or more lines of the
        // deck or head it was taken for (`问：这次调整主要` / `有哪些变化？`).
        let mut j = i;
        while pieces[j].line().is_some_and(|l| !ends_sentence(&l.text))
            && labels
                .get(j + 1)
                .is_some_and(|(l, _)| *l == taken_for || (j == i && *l == Label::ParaStart))
            && !asks_or_answers(j + 1)
        {
            j += 1;
            labels[j].0 = Label::ParaCont;
        }
    }
}

/// A name under a byline's hollow mark (`□林一帆`) is a byline, whatever the labeller
/// says: □ opens 482 bylines in the harness's articles and no head (heads take ■).
pub(super) fn ornamented_names_are_bylines(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for (piece, label) in pieces.iter().zip(labels.iter_mut()) {
        let Some(name) = piece.line().and_then(|l| after_byline_mark(&l.text)) else {
            continue;
        };
        if matches!(label.0, Label::Heading | Label::Subtitle) && reads_as_names(name) {
            label.0 = Label::Byline;
        }
    }
}

/// A credit and names spaced as a byline (`本报记者 梁海燕 通讯员 钟庆`) is the byline,
/// though the labeller took it for a deck line, a head or a paragraph's line: on a
/// titles-after page the byline opening the next article stands right under the last
/// article's title, where a subtitle would (or, set solid, under a title it took for a
/// one-line paragraph). Body text never spaces its words so.
pub(super) fn spaced_credits_are_bylines(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for (piece, label) in pieces.iter().zip(labels.iter_mut()) {
        let any_but_end_matter = !matches!(label.0, Label::EndMatter | Label::Furniture);
        // Runs on every line: most have no space, which is looked for first.
        if any_but_end_matter
            && piece.line().is_some_and(|l| {
                l.text.contains(' ') && spaced_credit_and_names(&l.text) && is_byline(&l.text)
            })
        {
            label.0 = Label::Byline;
        }
    }
}

/// Which title lines begin a title of their own though a title runs right above them:
/// two side-by-side articles' headlines, each wrapped over two lines or more, which
/// pdftotext and pdfminer print one after the other with a blank line between
/// (`低碳积分换` `来“真金白银”` / `给基层减负，要` `减到“点子”上`). A wrapped title's lines
/// have no blank line between them there; where an extractor does set one (mutool), it
/// is a title set a character a line, which this leaves alone.
pub(super) fn titles_side_by_side(pieces: &[Piece], labels: &[(Label, f32)]) -> Vec<bool> {
    let title_line = |k: usize| {
        let is_title = labels.get(k).is_some_and(|(l, _)| *l == Label::Title);
        pieces.get(k).and_then(Piece::line).filter(|_| is_title)
    };
    // A block's first line holds more than one character; its last may hold one (a
    // headline wrapped a character short: `童书要蹲下来` `写`).
    let opens_block = |k: usize| title_line(k).filter(|l| l.text.chars().count() >= 2);
    (0..pieces.len())
        .map(|i| {
            let (Some(first), Some(second)) = (opens_block(i), title_line(i + 1)) else {
                return false;
            };
            let above = i >= 2
                && opens_block(i - 2).is_some()
                && title_line(i - 1).is_some_and(|l| !l.blank_before);
            first.blank_before && !second.blank_before && above
        })
        .collect()
}
