//! A repair on the labels that finds a title the labeller read as something else, where
//! the line's shape and the page's grammar say it can only be a title: on a titles-after
//! page the last article must close with its title, and pdftotext often prints that title
//! between two columns of the body's last paragraph (or the labeller takes a bare last
//! line for end matter).

use super::bylines::{after_byline_mark, is_byline};
use super::classes::{furniture_class, opens_with_dateline, opens_with_particle};
use super::head_repair::ends_bare;
use super::line_repair::first_lines_stand_apart;
use super::lines::Line;
use super::markers::{is_editor_credit, opens_end_matter};
use super::model::Label;
use super::pieces::Piece;
use super::repair::leaves_open;
use crate::core::charclass::{ends_sentence, is_ideograph, opens_with_dash, width_varies_by_font};
use std::ops::RangeInclusive;

/// Could the line be (part of) a headline: set solid, no stop or bracket in it (a
/// headline may pause, exclaim, ask and quote), and none of what closes an article
/// or a page (a credit, a note, a date, a news opening, a byline)?
fn headline_shaped(line: &Line) -> bool {
    headline_piece(line, 4..=40)
}

/// A line set solid, of `chars` characters, whose text could be a headline's.
fn headline_piece(line: &Line, chars: RangeInclusive<usize>) -> bool {
    chars.contains(&line.text.trim().chars().count())
        && !line.letter_spaced
        && headline_text(&line.text)
}

/// The text of a headline or a piece of one: no stop or bracket in it (a headline may
/// pause, exclaim, ask and quote), and none of what closes an article or a page.
fn headline_text(text: &str) -> bool {
    let text = text.trim();
    let stop = text.contains(['。', '；', '：', '…', ';', ':']);
    // A bracket belongs to a note or a credit (`（作者为…研究员）`, `（记者 谢国庆）`), or
    // its wrapped half; headlines have none.
    let bracket = text.contains(['（', '）', '(', ')', '【', '】']);
    !stop
        && !bracket
        && furniture_class(text) == 0
        && !opens_end_matter(text)
        && !is_editor_credit(text)
        && !opens_with_dateline(text)
        && !is_byline(text)
}

/// A line no body line can be: wider than its column (set in a bigger face), or with a
/// space between two ideographs or digits of a line set solid (the gap of a two-part
/// headline, `围甲联赛收官 衢州队首夺冠军`; pdftotext keeps no space inside body text).
fn cannot_be_body(line: &Line) -> bool {
    if line.width > line.column + 1.0 {
        return true;
    }
    let chars: Vec<char> = line.text.chars().collect();
    let gap = chars.windows(3).any(|w| {
        let solid = |c: char| is_ideograph(c) || c.is_ascii_digit();
        w[1] == ' ' && solid(w[0]) && solid(w[2])
    });
    // A gap alone is weaker evidence: a pause beside it reads as a body line's.
    gap && !pauses(&line.text)
}

/// Does the text pause inside (a comma or an enumeration's 、)?
fn pauses(text: &str) -> bool {
    text.contains(['，', '、', ','])
}

/// Titles-after pages (the first line that is not page furniture is a byline, a 上接
/// marker or body text: the page opens inside an article, not with a title) close every
/// article with its title. Where no line after the page's last
/// byline, marker or deck line is labelled title, the last article has lost it: pdftotext
/// often prints a title set below its body between two of that body's columns, where the
/// labeller reads it as one more line of a paragraph (`围甲联赛收官 衢州队首夺冠军`
/// between `…主教练周立恒` and `赛后说，…`), or the labeller takes the page's bare last
/// line for end matter. The one line there that is headline-shaped and either cannot be
/// body text or is the page's last line is that title, and goes back where it was
/// printed: after its body, which then reads on across the gap. With two such lines,
/// nothing changes.
pub(super) fn closing_title_recovered(pieces: &mut [Piece], labels: &mut [(Label, f32)]) {
    let content = |l: &(Label, f32)| !matches!(l.0, Label::Furniture | Label::MarkerTo);
    let Some(first) = labels.iter().position(content) else {
        return;
    };
    if !matches!(
        labels[first].0,
        Label::Byline | Label::MarkerFrom | Label::ParaStart | Label::ParaCont
    ) {
        return;
    }
    let opens = |l: &(Label, f32)| {
        matches!(
            l.0,
            Label::Byline | Label::MarkerFrom | Label::Title | Label::Subtitle
        )
    };
    let Some(start) = labels.iter().rposition(opens) else {
        return;
    };
    if labels[start].0 == Label::Title {
        return;
    }
    let last = labels.iter().rposition(content).unwrap_or(start);
    let candidates: Vec<usize> = (start + 1..=last)
        .filter(|&i| {
            let Some(line) = pieces[i].line() else {
                return false;
            };
            let inside = labels[i].0 == Label::ParaCont && cannot_be_body(line);
            let at_foot = i == last && labels[i].0 == Label::EndMatter && !pauses(&line.text);
            (inside || at_foot) && headline_shaped(line)
        })
        .collect();
    if let [only] = candidates[..] {
        // The title moves to the end of its article; the lines after it move up one.
        pieces[only..=last].rotate_left(1);
        labels[only..=last].rotate_left(1);
        // The labeller said otherwise: the reader is pointed at it.
        labels[last] = (Label::Title, 0.0);
    }
}

/// A headline line wrapped inside one of its parts goes on on the next line, which the
/// labeller may read as a subtitle or a paragraph because it is short
/// (`社区托育，如何托起“稳稳` / `的幸福”`, `古籍修复研修班开班30名学员将接受为期3个月` /
/// `的培训`). The wrap is plain where the title leaves a quote open that the next line
/// closes, or where the next line starts with the particle 的 or 了: no subtitle or
/// paragraph does. So it is where the next line holds three characters or fewer, set
/// right under the title, or after the blank line mutool sets after every block's first
/// line (`全球南方智库论坛在圣保` / `罗开幕`: in the harness's labelled
/// extractions such a line under a title line is the title's 2,845 times and otherwise
/// only a byline, `□辛言`, which signs with its mark), and where the next line is as
/// wide as the title line, set right under it, and a title line follows it (`距今5.18亿年！
/// 云南东` / `部山区发现又一处寒武` / `纪特异埋藏化石库`: a subtitle is set smaller, so its lines
/// hold more characters than the title's). A break inside a word is no such proof (measured: jieba finds a word across
/// the break between a title and its subtitle, `骗人` / `力图`, and 47 extractions got
/// worse while 2 gained), and where the break falls between whole words nothing
/// changes: a two-part title and a title over its subtitle look alike in text (only
/// type size tells them apart).
pub(super) fn wrapped_titles_go_on(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    // mutool sets a blank line after the first line of every block, a title's too.
    let blocks_split_after_first_line = first_lines_stand_apart(pieces, labels);
    for i in 1..labels.len() {
        if labels[i - 1].0 != Label::Title
            || !matches!(
                labels[i].0,
                Label::Subtitle | Label::ParaStart | Label::ParaCont
            )
        {
            continue;
        }
        let (Some(title), Some(line)) = (pieces[i - 1].line(), pieces[i].line()) else {
            continue;
        };
        let (above, text) = (title.text.trim(), line.text.trim());
        let quote_closed = leaves_open(above) && !leaves_open(&format!("{above}{text}"));
        let particle_first = opens_with_particle(text);
        // Set right under the title: pdftotext prints side-by-side articles' titles one
        // after the other with a blank line between.
        let right_under = !line.blank_before;
        let tiny_tail = (right_under || blocks_split_after_first_line)
            && text.chars().count() <= 3
            && after_byline_mark(text).is_none();
        let same_face_between = right_under
            && labels.get(i + 1).is_some_and(|l| l.0 == Label::Title)
            && (line.width - title.width).abs() <= 0.5;
        // A wrapped tail may be shorter than any headline (`的培训`).
        if (quote_closed || particle_first || tiny_tail || same_face_between)
            && headline_piece(line, 1..=40)
        {
            // The labeller said otherwise: the reader is pointed at it.
            labels[i] = (Label::Title, 0.0);
        }
    }
}

/// A subtitle under a wrapped title, read as more of the title: a subtitle is set in a
/// smaller face than its title, so where the title's lines have shown how many of the
/// title's characters a line holds (its first line, the wrap ending on a shorter line),
/// the deck's last line holding two ems more cannot be in the title's face
/// (`江汉平原发现距今约5300年` / `的大型城址` / `已确认城垣、环壕和大型夯土台基`): it is the
/// subtitle. Only the deck's last line, a byline or the body under it: where more deck
/// follows, the wider line is the next article's title (pdftotext and pdfminer print
/// side-by-side articles' titles one after another). A title that does not wrap shows
/// nothing of its face: `单机容量20兆瓦` over `深远海风电机组完成吊装` may be one title in
/// two parts or a title and its subtitle, and stays as labelled.
pub(super) fn wider_lines_under_a_wrapped_title_are_its_subtitle(
    pieces: &[Piece],
    labels: &mut [(Label, f32)],
) {
    let line = |i: usize| pieces[i].line();
    let mut start = 0;
    while start < labels.len() {
        // The run of title lines from `start`, and what follows it.
        let end = (start..labels.len())
            .find(|&i| labels[i].0 != Label::Title || line(i).is_none())
            .unwrap_or(labels.len());
        let deck_ends = labels
            .get(end)
            .is_some_and(|l| matches!(l.0, Label::Byline | Label::ParaStart));
        let title_lines: Vec<&Line> = (start..end).filter_map(line).collect();
        if deck_ends && last_line_in_a_smaller_face(&title_lines) {
            // The labeller said otherwise: the reader is pointed at it.
            labels[end - 1] = (Label::Subtitle, 0.0);
        }
        start = end + 1;
    }
}

/// Do the deck's lines show a title that wrapped (no line wider than its first, the wrap
/// ending a line shorter) and then a last line two ems wider than that first line?
fn last_line_in_a_smaller_face(deck: &[&Line]) -> bool {
    let [first, wrapped @ .., last_title_line, last] = deck else {
        return false;
    };
    shows_its_face(first)
        && wrapped.iter().all(|l| l.width <= first.width)
        && last_title_line.width < first.width - 1.0
        && last.width >= first.width + SMALLER_FACE_EMS
}

/// Does a title's first line show how much its face holds? Not where it is far narrower
/// than its column: a title set in a narrow box of its own (down the side of an article)
/// wraps wherever the box ends, and digits' half widths make its short lines noisy
/// (`最高法发布1` / `0` / `起涉老年人权益保护典型案例`).
fn shows_its_face(first: &Line) -> bool {
    first.width >= first.column / 2.0
}

/// How much more a line in a subtitle's face holds than the title's widest line: two
/// ems, above the noise of digits and quote marks whose printed width varies by font.
const SMALLER_FACE_EMS: f32 = 2.0;

/// A deck line under a title's first line that wraps onto the next deck line is in the
/// title's face: a subtitle is set smaller than its title, so a subtitle line that
/// wraps holds more than the title's line, while this one holds no more
/// (`关于征集2027年市政府` / `民生实事项目建议的公` / `告`). The line is full where the
/// next is no wider (else the next is a deck line of its own, as in `纪念先烈勋功伟绩` /
/// `邯郸长治建陵园` / `济宁烈士陵园可于年底落成`); the wrap's rest, where the deck ends
/// there, is the title's too.
pub(super) fn full_deck_lines_no_wider_than_the_title_are_the_title(
    pieces: &[Piece],
    labels: &mut [(Label, f32)],
) {
    for i in 1..labels.len().saturating_sub(1) {
        // (Between two titles the line may be the next title's kicker, printed above it.)
        let (Label::Title, Label::Subtitle, Label::Subtitle) =
            (labels[i - 1].0, labels[i].0, labels[i + 1].0)
        else {
            continue;
        };
        let (Some(title), Some(line), Some(rest)) =
            (pieces[i - 1].line(), pieces[i].line(), pieces[i + 1].line())
        else {
            continue;
        };
        let wraps_in_the_titles_face = narrowest(line) <= title.width + 0.5
            && narrowest(rest) <= line.width
            && !opens_with_dash(&line.text)
            && headline_shaped(line)
            && headline_piece(rest, 1..=40)
            && ![title, line, rest].iter().any(|l| l.letter_spaced);
        if !wraps_in_the_titles_face {
            continue;
        }
        // The labeller said otherwise: the reader is pointed at it.
        labels[i] = (Label::Title, 0.0);
        let deck_ends = labels
            .get(i + 2)
            .is_none_or(|l| !matches!(l.0, Label::Subtitle | Label::Title));
        if deck_ends {
            labels[i + 1] = (Label::Title, 0.0);
        }
    }
}

/// A news opening (`新华社昆明12月26日电`, `本报讯`) opens an article's body, so the line
/// standing alone over it, short of its column, with no mark at its end or stop inside,
/// is a title: the labeller may run a title-first article's title into the body under it
/// (`滇西北铁路丽江至泸沽湖段开通运营` over `新华社昆明12月26日电（记者…`) or take it for a
/// head. The line stands alone where the line above it ended a sentence or was no
/// paragraph's; a full line over the opening may be a sentence wrapped there (`…，` /
/// `本报记者发现，电动…`), and is left alone.
pub(super) fn lines_over_news_openings_are_titles(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 1..labels.len() {
        let (
            Label::ParaStart | Label::ParaCont | Label::Heading,
            Label::ParaStart | Label::ParaCont,
        ) = (labels[i - 1].0, labels[i].0)
        else {
            continue;
        };
        let (Some(line), Some(opening)) = (pieces[i - 1].line(), pieces[i].line()) else {
            continue;
        };
        let stands_alone = i < 2
            || !matches!(labels[i - 2].0, Label::ParaStart | Label::ParaCont)
            || pieces[i - 2]
                .line()
                .is_none_or(|above| ends_sentence(&above.text));
        let title_shaped =
            headline_shaped(line) && ends_bare(line.text.trim()) && line.width <= line.column - 1.5;
        if opens_with_dateline(&opening.text) && stands_alone && title_shaped {
            // The labeller said otherwise: the reader is pointed at it.
            labels[i - 1] = (Label::Title, 0.0);
            labels[i].0 = Label::ParaStart;
        }
    }
}

/// The narrowest the line may be printed: quote marks and dashes half an em each (the
/// width `width` gives counts them full).
fn narrowest(line: &Line) -> f32 {
    let varying = line
        .text
        .chars()
        .filter(|&c| width_varies_by_font(c))
        .count();
    line.width - 0.5 * varying as f32
}

/// A subtitle line set right under its title line, on a page whose extractor sets a
/// blank line between its other titles and subtitles, is in the title's face: the
/// second part of a two-part title (`省美术馆馆藏精品展开幕` / `百余件作品首次集中亮相`).
/// mutool closes a block where the type size changes, so a title and its subtitle stand
/// apart there while a title's own lines stay together; pdftotext and pdfminer set no
/// blank line inside a deck, nor do plain-text pages, and there the rule does not apply
/// (to know the page's habit it needs two subtitles set apart from their titles for
/// each set solid, and three changes of face in the decks, title to subtitle or byline,
/// set apart for each set solid).
pub(super) fn subtitles_set_solid_with_their_title_are_its_part(
    pieces: &[Piece],
    labels: &mut [(Label, f32)],
) {
    let pair = |i: usize| (labels[i - 1].0, labels[i].0);
    let subtitle_under_title = |i: usize| pair(i) == (Label::Title, Label::Subtitle);
    let face_change = |i: usize| {
        matches!(
            pair(i),
            (Label::Title, Label::Subtitle | Label::Byline) | (Label::Subtitle, Label::Byline)
        )
    };
    let apart = |i: usize| pieces[i].line().is_some_and(|l| l.blank_before);
    let changes: Vec<usize> = (1..labels.len()).filter(|&i| face_change(i)).collect();
    let solid: Vec<usize> = changes.iter().copied().filter(|&i| !apart(i)).collect();
    let set_apart = changes.len() - solid.len();
    let subtitles = changes.iter().filter(|&&i| subtitle_under_title(i));
    let (subtitles_apart, subtitles_solid): (Vec<usize>, Vec<usize>) =
        subtitles.partition(|&&i| apart(i));
    if subtitles_apart.len() < 2 * subtitles_solid.len() || set_apart < 3 * solid.len() {
        return;
    }
    for i in solid {
        let (Label::Title, Label::Subtitle) = (labels[i - 1].0, labels[i].0) else {
            continue;
        };
        let whole_line = pieces[i]
            .line()
            .is_some_and(|l| headline_shaped(l) && !opens_with_dash(&l.text));
        // The deck ends there: a subtitle wrapped over more lines is no title part.
        let deck_ends = labels
            .get(i + 1)
            .is_none_or(|l| !matches!(l.0, Label::Subtitle | Label::Title));
        if whole_line && deck_ends {
            // The labeller said otherwise: the reader is pointed at it.
            labels[i] = (Label::Title, 0.0);
        }
    }
}

/// A head in two parts of five characters or more, set apart by a space
/// (`围甲联赛收官 衢州队首夺冠军`), is a two-part title: the labeller reads a brief's title
/// with no byline under it as a head of the article above. Heads set in parts are short
/// parallel phrases (`守得住 卖得远`, `（一）试点三年 成效初显`: in the harness's
/// material none has two parts of five or more, while 52 of 275 titles do).
pub(super) fn two_part_heads_are_titles(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for (piece, label) in pieces.iter().zip(labels.iter_mut()) {
        let Some(line) = piece.line() else {
            continue;
        };
        if label.0 == Label::Heading && two_long_parts(line.text.trim()) {
            *label = (Label::Title, 0.0);
        }
    }
}

/// Exactly two parts, each of at least five characters, between them one gap.
fn two_long_parts(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    parts.len() == 2 && parts.iter().all(|p| p.chars().count() >= 5)
}

#[cfg(test)]
#[path = "title_repair_tests.rs"]
mod tests;
