//! Repairs on the labels that find heads in what the labeller ran into paragraphs, and
//! paragraphs in what it took for heads, from the shapes of the lines around: a
//! justified paragraph's first line is full, or two ems short where the extractor
//! dropped its indent; its last line ends with a mark; a head says nothing more than a
//! phrase, and its paragraph never goes on from it.
//! - A short line that says nothing (no punctuation) cannot open a paragraph that goes
//!   on: it is a head; a spaced credit line is the byline.
//! - A bare line whose width fits no paragraph line, after a finished paragraph, is a head.
//! - A whole one-line paragraph that ends bare is a head.
//! - A short bare line opening with a circled number (①) is a head.
//! - A head whose next line opens with a particle (的, 了) is a paragraph's first line.

use super::bylines::{is_byline, is_prose_after_credit};
use super::classes::{opens_with_dateline, opens_with_particle};
use super::lines::Line;
use super::model::Label;
use super::pieces::Piece;
use super::repair::{leaves_open, reads_as_numbered_head};
use crate::core::charclass::{
    circled_number, ends_with_full_stop, is_closer, is_han, is_ideograph, last_before_closers,
    width_varies_by_font,
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
pub(super) fn ends_bare(text: &str) -> bool {
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
        let circled = text.chars().next().and_then(circled_number).is_some();
        let no_pause = !text.contains(['，', '、', '；', '。', '！', '？', '：', ',', ';', ':']);
        if circled && ends_bare(text) && no_pause && could_stand_as_head(line) {
            labels[i].0 = Label::Heading;
            if let Some(next) = labels.get_mut(i + 1).filter(|l| l.0 == Label::ParaCont) {
                next.0 = Label::ParaStart;
            }
        }
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

/// A line the labeller ran into a paragraph that no paragraph line could be: after a
/// finished paragraph (a short line ending a sentence), it ends bare, so it is no
/// paragraph's last line, and it is wider than a first line whose indent was dropped
/// but short of full (nor indented), so it is no first line either
/// (`科技赋能，小蜜蜂飞出大产业` at 13 of 14 ems over `过去养蜂，全凭经验。`): a head, even
/// with a pause in it, where the next line opens a paragraph. Where the next line opens
/// with a character that may not start a line or with a Latin word, a full line may have
/// been cut short by what was carried over: left alone. (Measured: a line shorter than a
/// first line, read the same way, made 60 extractions worse, the column estimate or a
/// first line's width being off there.)
pub(super) fn heads_no_paragraph_line_fits(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 1..labels.len().saturating_sub(1) {
        let (Label::ParaStart | Label::ParaCont, Label::ParaStart | Label::ParaCont) =
            (labels[i].0, labels[i + 1].0)
        else {
            continue;
        };
        let (Some(above), Some(line), Some(next)) =
            (pieces[i - 1].line(), pieces[i].line(), pieces[i + 1].line())
        else {
            continue;
        };
        let text = line.text.trim();
        let paragraph_ended = matches!(labels[i - 1].0, Label::ParaStart | Label::ParaCont)
            && ends_with_full_stop(&above.text)
            && above.width < above.column - 0.5;
        // Quote marks and dashes are set full width by Chinese fonts and half width by
        // Latin ones (the bundled sample's lines run a character over or under their
        // column where they hold them): such a line's width says too little here.
        let width_known = !text.contains(width_varies_by_font);
        let fits_no_line = width_known
            && !line.indented
            && !line.short_by_an_indent()
            && line.width < line.column - 0.5
            && line.width > line.column - 2.0;
        let next_opens_clean = next.text.chars().next().is_some_and(is_han);
        let next_opens_paragraph = next.short_by_an_indent()
            || next.indented
            || (ends_with_full_stop(&next.text)
                && labels
                    .get(i + 2)
                    .is_some_and(|(l, _)| *l == Label::ParaStart));
        if paragraph_ended
            && next_opens_paragraph
            && fits_no_line
            && next_opens_clean
            && ends_bare(text)
            && could_stand_as_head(line)
        {
            labels[i].0 = Label::Heading;
            labels[i + 1].0 = Label::ParaStart;
        }
    }
}

/// A short question set on its own line between a finished sentence and a paragraph's
/// first line (`资源，就是为将来育种留下“备份”。` / `零下18摄氏度能保存多久？` /
/// `记者：种子在库里是怎么保存的？`), which the labeller ran on as the paragraph's last
/// line because the line above it is full. A statement's paragraph that ends on a short
/// question would have it run on from the sentence before it; a head asks it alone (in
/// the harness's goldens, 176 heads end with a question mark).
pub(super) fn questions_standing_alone_are_heads(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 1..labels.len().saturating_sub(1) {
        // Over a head, a question alone is a paragraph's (`流量来了，古村如何接得住？` over
        // `第一，守住保护的底线`): it asks what the heads under it answer.
        let (Label::ParaCont, Label::ParaStart) = (labels[i].0, labels[i + 1].0) else {
            continue;
        };
        let (Some(above), Some(line)) = (pieces[i - 1].line(), pieces[i].line()) else {
            continue;
        };
        let text = line.text.trim();
        let one_question = text
            .trim_end_matches(is_closer)
            .strip_suffix('？')
            .is_some_and(|asked| !asked.contains(['。', '？', '！', '；']));
        // After a question the line may be the same asker's next (`问：每年最多能存多少钱？`
        // / `有什么税收优惠？`): only a statement's end sets it apart.
        if one_question
            && ends_with_full_stop(&above.text)
            && line.width <= line.column - 2.0
            && could_stand_as_head(line)
        {
            labels[i].0 = Label::Heading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reflow::tests::relabelled;

    fn repaired(spec: &[(&str, Label)]) -> Vec<Label> {
        relabelled(spec, 17.0, questions_standing_alone_are_heads)
    }

    #[test]
    fn a_short_question_alone_after_a_statement_heads_the_next_paragraph() {
        let labels = repaired(&[
            ("资源，就是为将来育种留下“备份”。", Label::ParaCont),
            ("零下18摄氏度能保存多久？", Label::ParaCont),
            ("记者：种子在库里是怎么保存的？", Label::ParaStart),
        ]);
        assert_eq!(labels[1], Label::Heading);
        // Closed by a quote or bracket, ASCII or not.
        for closed in [
            "零下18摄氏度能保存多久？”",
            "能保存多久？)",
            "能保存多久？\"",
        ] {
            let labels = repaired(&[
                ("资源，就是为将来育种留下“备份”。", Label::ParaCont),
                (closed, Label::ParaCont),
                ("记者：种子在库里是怎么保存的？", Label::ParaStart),
            ]);
            assert_eq!(labels[1], Label::Heading, "{closed}");
        }
    }

    #[test]
    fn a_question_after_a_question_or_over_a_head_stays_in_its_paragraph() {
        // The same asker's next question.
        let after_question = repaired(&[
            ("问：每年最多能存多少钱？", Label::ParaStart),
            ("有什么税收优惠？", Label::ParaCont),
            ("答：每年缴存上限为12000元。", Label::ParaStart),
        ]);
        assert_eq!(after_question[1], Label::ParaCont);
        // A question the heads under it answer.
        let over_head = repaired(&[
            ("的牌子。", Label::ParaCont),
            ("流量来了，古村如何接得住？", Label::ParaCont),
            ("第一，守住保护的底线", Label::Heading),
        ]);
        assert_eq!(over_head[1], Label::ParaCont);
        // A question run on from the sentence before it.
        let run_on = repaired(&[
            ("这里的人们常说：离了水，", Label::ParaCont),
            ("日子还怎么过？", Label::ParaCont),
            ("如今，水渠修到了村口。", Label::ParaStart),
        ]);
        assert_eq!(run_on[1], Label::ParaCont);
    }
}
