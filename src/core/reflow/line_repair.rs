//! Repairs on the labels, before lines are grouped into elements: what one line's
//! label cannot say but its neighbours' shapes do.
//! (The repairs that find heads in paragraph lines are in `head_repair`.)
//! - A full line is never a paragraph's first line where first lines are two ems short.
//! - Two titles printed one after the other with a blank line between are two titles.
//! - A paper's name, a page line or a date next to the running head is part of it.
//! - A photo caption whole on its line closes its article; `本版责编：…` is furniture.
//! - An interview's question or answer is a paragraph, never a deck line or a head.
//! - A credit and names spaced as a byline are the byline, whatever the label.

use super::bylines::{after_byline_mark, is_byline, reads_as_names, spaced_credit_and_names};
use super::classes::furniture_class;
use super::markers::{is_editor_credit, is_photo_caption};
use super::model::Label;
use super::pieces::Piece;
use crate::core::charclass::{ends_sentence, ends_with_full_stop};

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

/// An interview's question or answer (`问：…`, `答：…`) is a paragraph, never a head, title
/// or subtitle (in the harness's articles 557 times a paragraph, never anything else),
/// however short its first line: the labeller may take `答：首先要及时就` for a head over
/// `医，并在平台App上报`, and a one-line question before the answer that closes the
/// article (`问：下一步还有哪些打算？`) for the title of a titles-after page.
/// Where that first line leaves its sentence open, the paragraph goes on in the next.
/// A turn run into the paragraph above after that paragraph's sentence ended (a full
/// last line, `在申请人名下登记满1年。` over `问：会不会有人钻空子？`) opens its own.
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
        // Run into the paragraph above, whose sentence had ended: a turn of its own.
        let run_on = labels[i].0 == Label::ParaCont
            && i > 0
            && pieces[i - 1].line().is_some_and(|l| ends_sentence(&l.text));
        if run_on && asks_or_answers(i) {
            labels[i].0 = Label::ParaStart;
            continue;
        }
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
/// side-by-side articles' headlines, which pdftotext and pdfminer print one after the
/// other with a blank line between (`低碳积分换` `来“真金白银”` / `给基层减负，要`
/// `减到“点子”上`; `全省优化营商环境大会召开` / `午休能“躺平”了！`). A wrapped title's lines
/// have no blank line between them there. mutool does set one, after the first line of
/// every block it prints, a title's as a paragraph's: on a page where paragraphs' first
/// lines stand apart so, only a two-line title under a two-line title is taken apart (a
/// title set a character a line, which mutool also prints, is left alone).
pub(super) fn titles_side_by_side(pieces: &[Piece], labels: &[(Label, f32)]) -> Vec<bool> {
    let title_line = |k: usize| {
        let is_title = labels.get(k).is_some_and(|(l, _)| *l == Label::Title);
        pieces.get(k).and_then(Piece::line).filter(|_| is_title)
    };
    // A block's first line holds more than one character; its last may hold one (a
    // headline wrapped a character short: `童书要蹲下来` `写`).
    let opens_block = |k: usize| title_line(k).filter(|l| l.text.chars().count() >= 2);
    let blocks_split_after_first_line = first_lines_stand_apart(pieces, labels);
    (0..pieces.len())
        .map(|i| {
            if opens_block(i).filter(|l| l.blank_before).is_none() {
                return false;
            }
            if i >= 1 && opens_block(i - 1).is_some() && !blocks_split_after_first_line {
                return true;
            }
            let Some(second) = title_line(i + 1) else {
                return false;
            };
            let above = i >= 2
                && opens_block(i - 2).is_some()
                && title_line(i - 1).is_some_and(|l| !l.blank_before);
            !second.blank_before && above
        })
        .collect()
}

/// Does the extractor set a blank line after a paragraph's first line, as mutool does
/// after the first line of every block? Half or more of the first lines the labeller
/// found that go on in a paragraph line have one (in the harness's labelled extractions:
/// mutool 94 % or more on every page; pdfminer at most 41 %, pdftotext 25 %, raw none).
pub(super) fn first_lines_stand_apart(pieces: &[Piece], labels: &[(Label, f32)]) -> bool {
    let (mut going_on, mut apart) = (0usize, 0usize);
    for i in 0..labels.len().saturating_sub(1) {
        if (labels[i].0, labels[i + 1].0) != (Label::ParaStart, Label::ParaCont) {
            continue;
        }
        if let Some(next) = pieces[i + 1].line() {
            going_on += 1;
            apart += usize::from(next.blank_before);
        }
    }
    going_on > 0 && 2 * apart >= going_on
}

/// A head the labeller found over a paragraph's first line, where that "first line" runs
/// on solid into the next (`这家食堂由一处闲置的街道用` / blank / `房改造而成，面积不到120平方`
/// / `米，设有32个座位，…`), on a page whose extractor sets a blank line after every
/// paragraph's first line (mutool): there a first line stands apart from the rest of its
/// paragraph, so the line standing apart is the first line and the "head" above it, set
/// apart the same way, is the first line of the paragraph before the gap. A head's first
/// paragraph line stands apart from the lines under it.
pub(super) fn heads_over_solid_lines_are_first_lines(
    pieces: &[Piece],
    labels: &mut [(Label, f32)],
) {
    if !first_lines_stand_apart(pieces, labels) {
        return;
    }
    for i in 0..labels.len().saturating_sub(2) {
        let (Label::Heading, Label::ParaStart, Label::ParaCont) =
            (labels[i].0, labels[i + 1].0, labels[i + 2].0)
        else {
            continue;
        };
        let (Some(head), Some(first), Some(second)) =
            (pieces[i].line(), pieces[i + 1].line(), pieces[i + 2].line())
        else {
            continue;
        };
        if head.blank_before && first.blank_before && !second.blank_before {
            // The labeller said otherwise: the reader is pointed at it.
            labels[i] = (Label::ParaStart, 0.0);
            labels[i + 1].0 = Label::ParaCont;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reflow::tests::labelled_lines_with_blanks;

    #[test]
    fn where_first_lines_stand_apart_a_head_over_a_line_running_on_solid_is_a_first_line() {
        let (pieces, mut labels) = labelled_lines_with_blanks(&[
            ("淡也合适，关键是热乎。”", Label::ParaCont, false),
            ("这家食堂由一处闲置的街道用", Label::Heading, true),
            ("房改造而成，面积不到120平方", Label::ParaStart, true),
            ("米，设有32个座位。", Label::ParaCont, false),
            ("如今，每天来吃饭的老", Label::ParaStart, true),
            ("人有两百多位。", Label::ParaCont, true),
            ("科技赋能", Label::Heading, true),
            ("过去养蜂，全凭经验，", Label::ParaStart, true),
            ("一年割一次蜜。", Label::ParaCont, true),
            ("如今，蜂农用上了智能", Label::ParaStart, true),
            ("蜂箱。", Label::ParaCont, true),
        ]);
        heads_over_solid_lines_are_first_lines(&pieces, &mut labels);
        let labels: Vec<Label> = labels.into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            labels[1..4],
            [Label::ParaStart, Label::ParaCont, Label::ParaCont]
        );
        // A head whose first line stands apart from the rest stays a head.
        assert_eq!(
            labels[6..9],
            [Label::Heading, Label::ParaStart, Label::ParaCont]
        );
    }

    #[test]
    fn where_first_lines_run_on_solid_heads_stay() {
        let (pieces, mut labels) = labelled_lines_with_blanks(&[
            ("科技赋能", Label::Heading, true),
            ("过去养蜂，全凭经验，", Label::ParaStart, true),
            ("一年割一次蜜。", Label::ParaCont, false),
        ]);
        heads_over_solid_lines_are_first_lines(&pieces, &mut labels);
        assert_eq!(labels[0].0, Label::Heading);
    }
}
