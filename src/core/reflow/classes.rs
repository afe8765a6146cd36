//! What one line looks like, in small categories: how full it is against its column,
//! how it starts and ends, how long it is, whether it reads like a byline, a news
//! opening or a running head, and where it sits on the page and in its block.

use super::bylines::is_byline;
use super::chars::{
    ends_mid_sentence, ends_sentence, forbids_line_end, forbids_line_start, is_closer,
    is_ideograph, is_wide, width,
};
use super::lines::Line;
use super::markers::{HOLLOW_MARKS, SOLID_MARKS};
use super::pieces::Piece;
use crate::core::segment::word_at;

/// Which way a piece's line falls short of its column.
pub fn width_bucket(l: &Line) -> usize {
    if l.letter_spaced {
        return 7;
    }
    let deficit = l.column - l.width;
    match deficit {
        d if d < -1.0 => 6,
        d if d <= 0.5 => 0,
        d if d <= 1.25 => 1,
        d if d <= 3.5 && l.width >= 0.5 * l.column => 2,
        _ if l.width >= 0.5 * l.column => 3,
        _ if l.width >= 0.3 * l.column => 4,
        _ => 5,
    }
}

/// What a line's shortfall against its column says, read against how the next line opens
/// (clreq 3.1.7: a mark that may not start a line goes down with the character before it,
/// and a Latin word or number stays whole). `0` (`pushed`): what the next line opens with
/// would not have fitted in the space left, so the line is full as typeset
/// (`过去，村民养蜂多是“靠天吃` over `饭”，…`). `1` (`indent`): it would not have fitted
/// after a 2-em indent either, so the line may be an indented first line. `2` (`short`):
/// it would have fitted either way, so the line ends where the writer ended it (a
/// paragraph's last line, a title, a head). `3` (`-`): the line fills its column, or has
/// no line after it.
pub fn shortfall_class(line: &Line, next: Option<&Line>) -> usize {
    let Some(next) = next else { return 3 };
    let left = line.column - line.width;
    // A line under half its column is a title's, a head's or a paragraph's last: no
    // line break pushes that much down, and reading it here would only blur those.
    if line.letter_spaced || left <= 0.5 || line.width < 0.5 * line.column {
        return 3;
    }
    let opening = unbreakable_opening_width(&next.text);
    if opening > left + 0.25 {
        0
    } else if left >= 1.75 && opening > left - 2.0 + 0.25 {
        1
    } else {
        2
    }
}

/// Printed width of what a line opens with that no line break may split: opening marks,
/// the first character (a whole Latin word or number), and the marks after it that may
/// not start a line (`饭”，` is 3 ems; `2021年` opens with 2).
fn unbreakable_opening_width(text: &str) -> f32 {
    let mut chars = text.char_indices().peekable();
    while chars.next_if(|&(_, c)| forbids_line_end(c)).is_some() {}
    match chars.next() {
        Some((_, c)) if c.is_ascii_alphanumeric() => {
            while chars
                .next_if(|&(_, c)| c.is_ascii_alphanumeric() || c == '.')
                .is_some()
            {}
        }
        Some(_) => {}
        None => return width(text),
    }
    while chars.next_if(|&(_, c)| forbids_line_start(c)).is_some() {}
    let end = chars.peek().map_or(text.len(), |&(i, _)| i);
    width(&text[..end])
}

pub fn end_class(text: &str) -> usize {
    let last = text.chars().next_back().unwrap_or(' ');
    if ends_sentence(text) {
        if text.ends_with(['）', ')']) {
            return 7;
        }
        return 0;
    }
    if ends_mid_sentence(text) {
        return 1;
    }
    match last {
        '—' => 2,
        c if is_closer(c) => 3,
        c if is_ideograph(c) => 4,
        c if c.is_alphanumeric() && !is_wide(c) => 5,
        _ => 6,
    }
}

pub fn start_class(text: &str) -> usize {
    match text.chars().next().unwrap_or(' ') {
        c if is_ideograph(c) => 0,
        '“' | '‘' | '「' | '『' | '"' | '《' => 1,
        '（' | '(' | '【' | '[' | '〔' => 2,
        '—' => 3,
        c if c.is_ascii_digit() || ('０'..='９').contains(&c) => 4,
        c if c.is_alphabetic() && !is_wide(c) => 5,
        // Papers differ in which mark signs a name and which labels a head, so the
        // labeller learns it from both kinds rather than from one class.
        c if HOLLOW_MARKS.contains(&c) => 6,
        c if SOLID_MARKS.contains(&c) => 8,
        _ => 7,
    }
}

pub fn len_bucket(chars: usize) -> usize {
    match chars {
        0..=1 => 0,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        9..=14 => 4,
        15..=24 => 5,
        25..=40 => 6,
        _ => 7,
    }
}

/// A credit line (`本报记者 刘军`), an ornamented name (`□王晓明`), or a bare run of two
/// to four ideographs (a name, or a very short title).
pub fn byline_class(text: &str) -> usize {
    if is_byline(text) {
        return 1;
    }
    let body = text.trim_start_matches(['□', '■', '◆', '●']).trim();
    let hollow_mark = text.starts_with(HOLLOW_MARKS);
    // Checked first: it stops at a body line's first punctuation mark.
    let only_names = body
        .chars()
        .all(|c| is_ideograph(c) || c == ' ' || c == '·');
    if !only_names {
        return 0;
    }
    let han = body.chars().filter(|&c| is_ideograph(c)).count();
    if hollow_mark && (2..=12).contains(&han) {
        2
    } else if (2..=4).contains(&han) {
        3
    } else {
        0
    }
}

/// A news opening: 本报讯, 本报北京7月5日电, 新华社北京7月5日电, 【新华社延安十三日电】,
/// read through the stray spaces of a loosely justified line (`新华 社昆 明12月2 6日电`).
pub fn opens_with_dateline(text: &str) -> bool {
    // The refusal `dateline_as_printed` starts with, read through the spaces before any
    // copy is made: most lines fail it at their first character.
    let first = text
        .chars()
        .find(|&c| !c.is_whitespace() && !matches!(c, '【' | '（' | '('));
    if !matches!(first, Some('本' | '新' | '中')) {
        return false;
    }
    if !text.contains(char::is_whitespace) {
        return dateline_as_printed(text);
    }
    let solid: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(20)
        .collect();
    dateline_as_printed(&solid)
}

/// A news opening read as the line is printed, spaces and all: what the labeller's
/// feature asks. The shipped model was trained on it; trained on `opens_with_dateline`
/// instead, it moved some 30 extractions each way (perceptron noise), so the feature
/// stays as trained and the rules read through the spaces.
pub fn dateline_as_printed(text: &str) -> bool {
    // Cheap refusal first: this runs on every line.
    if !text
        .trim_start_matches(['【', '（', '('])
        .starts_with(['本', '新', '中'])
    {
        return false;
    }
    let head_end = text.char_indices().nth(20).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let t = head.trim_start_matches(['【', '（', '(']);
    t.starts_with("本报讯")
        || ((t.starts_with("本报") || t.starts_with("新华社") || t.starts_with("中新社"))
            && head.contains('电'))
}

/// A running head: a full date with its weekday (`2025年1月2日 星期四`), alone or with
/// the paper's name and page, and no sentence punctuation.
pub fn is_running_head(text: &str) -> bool {
    // The cheap test first: this runs on every line, and few lines name a weekday.
    text.contains("星期") && !text.contains(['，', '。']) && furniture_class(text) == 1
}

/// Running heads and feet: a date, a page name (`第5版`), a paper's name, a page number.
pub fn furniture_class(text: &str) -> usize {
    // Body lines are long: stop counting at the 31st character. Every class but the page
    // number needs one of 年 星 第 报: one pass over the bytes answers both (this runs on
    // every line, and decoding each character cost more than the rest of the function).
    const KEYS: [&[u8]; 4] = [
        "年".as_bytes(),
        "星".as_bytes(),
        "第".as_bytes(),
        "报".as_bytes(),
    ];
    let bytes = text.as_bytes();
    let mut chars = 0;
    let mut keyed = false;
    for (i, &b) in bytes.iter().enumerate() {
        // Every byte but a UTF-8 continuation byte starts a character.
        if b & 0xC0 != 0x80 {
            chars += 1;
            if chars > 30 {
                return 0;
            }
        }
        // The four keys are three bytes long, each led by 0xE5, 0xE6 or 0xE7.
        if (0xE5..=0xE7).contains(&b) {
            keyed |= KEYS.iter().any(|k| bytes[i..].starts_with(k));
        }
    }
    let starts_digit = text.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '—');
    if !keyed && !starts_digit {
        return 0;
    }
    let has_date = text.contains('年')
        && text.contains('月')
        && text.contains('日')
        && text
            .chars()
            .any(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c));
    if has_date && (chars <= 22 || text.contains("星期")) || text.contains("星期") {
        return 1;
    }
    let page = text.find('第').is_some_and(|i| {
        let rest = &text[i + '第'.len_utf8()..];
        let digits = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .count();
        digits > 0
            && rest
                .trim_start()
                .chars()
                .nth(digits)
                .is_some_and(|c| c == '版')
    });
    if page && !text.contains("上接") && !text.contains("下转") {
        return 2;
    }
    // A paper's name: 人民日报, 北方晨报, 中国青年报 (short, ends in 报, not 本报…).
    let name = text.split_whitespace().next().unwrap_or("");
    if (3..=8).contains(&name.chars().count())
        && name.ends_with('报')
        && name.chars().all(is_ideograph)
        && !text.starts_with("本报")
    {
        return 3;
    }
    let digits_only = text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '—' || c == ' ');
    if digits_only && text.chars().any(|c| c.is_ascii_digit()) && chars <= 7 {
        return 4;
    }
    0
}

pub fn position(i: usize, n: usize) -> usize {
    match i {
        0 => 0,
        _ if i + 1 == n => 4,
        _ if i < 4 => 1,
        _ if i + 4 >= n => 3,
        _ => 2,
    }
}

/// Each piece's place in its blank-line-delimited block, and the block's size.
pub fn block_positions(pieces: &[Piece]) -> Vec<(usize, usize)> {
    let starts: Vec<bool> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| i == 0 || p.line().is_some_and(|l| l.blank_before))
        .collect();
    let mut out = vec![(0, 0); pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len() && !starts[j] {
            j += 1;
        }
        let len = j - i;
        let len_bucket = match len {
            1 => 0,
            2 => 1,
            3 => 2,
            4..=6 => 3,
            _ => 4,
        };
        for (k, slot) in out[i..j].iter_mut().enumerate() {
            let pos = match (k, len) {
                (_, 1) => 0,
                (0, _) => 1,
                (k, len) if k + 1 == len => 3,
                _ => 2,
            };
            *slot = (pos, len_bucket);
        }
        i = j;
    }
    out
}

/// The page's habits: hard-wrapped with blank lines, hard-wrapped without, or one
/// paragraph per line.
pub fn page_kind(pieces: &[Piece]) -> usize {
    let lines: Vec<&Line> = pieces.iter().filter_map(Piece::line).collect();
    if !super::lines::is_hard_wrapped(&lines) {
        return 2;
    }
    let blanks = lines.iter().filter(|l| l.blank_before).count();
    if blanks * 50 <= lines.len() {
        1
    } else {
        0
    }
}

/// Does the text open with a conjunction that turns on what came before (`可“零添加”到底
/// 没添加什么？`, `但…`, `然而…`)? Such a question goes on the paragraph's argument; a
/// head opens a section afresh. The first word is cut by jieba, so `可能…` is no `可`
/// (`可持续…` is: jieba cuts it 可/持续, and such a question stays a paragraph).
pub fn opens_with_conjunction(text: &str) -> bool {
    const TURNS: [&str; 8] = ["可", "但", "而", "可是", "但是", "而且", "然而", "不过"];
    TURNS.contains(&first_word(text).as_str())
}

/// Does the text open with a particle that cannot start a sentence (`的热带雨林`,
/// `了，空气里…`)? Such a line goes on the line above it, whatever that line looks like.
/// The first word is cut by jieba, so `的确…` and `了解…` are other words.
pub fn opens_with_particle(text: &str) -> bool {
    matches!(first_word(text).as_str(), "的" | "了")
}

/// The text's first word, as `segment::word_at` cuts it.
fn first_word(text: &str) -> String {
    let text = text.trim_start();
    let (start, end) = word_at(text, 0);
    text.chars().skip(start).take(end - start).collect()
}

#[cfg(test)]
mod tests {
    use super::{opens_with_dateline, shortfall_class};
    use crate::core::reflow::lines::Line;

    fn in_column(text: &str, column: f32) -> Line {
        let mut line = Line::new(text, false, false);
        line.column = column;
        line
    }

    #[test]
    fn a_shortfall_is_read_against_what_the_next_line_opens_with() {
        let next = |text: &str| Some(in_column(text, 15.0));
        // 13 of 15 ems: `饭”，` (3 ems) could not have followed, so the line is full.
        let pushed = in_column("过去，村民养蜂多是“靠天吃", 15.0);
        assert_eq!(
            shortfall_class(&pushed, next("饭”，把野蜂引进树桶里，一年割").as_ref()),
            0
        );
        // The same line over a line opening with one character: a 2-em indent explains
        // it, or the writer ended it there.
        assert_eq!(
            shortfall_class(&pushed, next("把野蜂引进树桶里，一年割一次").as_ref()),
            1
        );
        // 10 of 14 ems over `“远”，` (4 ems, which fit in 4 but not in 4 less an indent).
        let first = in_column("深远海风电的“深”与", 14.0);
        let over = in_column("“远”，对施工提出了很高要", 14.0);
        assert_eq!(shortfall_class(&first, Some(&over)), 1);
        // 9 of 15 over one character: short whichever way it was set.
        let last = in_column("一次蜜，产量低，还常", 15.0);
        assert_eq!(shortfall_class(&last, next("跑蜂。").as_ref()), 2);
        // A number stays whole: `2021` is 2 ems, and 1 was left.
        let before_number = in_column("村里的蜂箱从三十个增加到了今", 15.0);
        assert_eq!(
            shortfall_class(&before_number, next("2021年的两百多个").as_ref()),
            0
        );
        // Full lines, lines under half their column and last lines say nothing here.
        let full = in_column("高林密，野生中华蜜蜂资源丰富。", 15.0);
        assert_eq!(shortfall_class(&full, next("过去").as_ref()), 3);
        assert_eq!(
            shortfall_class(&in_column("特此通告。", 15.0), next("“你").as_ref()),
            3
        );
        assert_eq!(shortfall_class(&pushed, None), 3);
    }

    #[test]
    fn news_openings_however_the_line_was_spaced() {
        assert!(opens_with_dateline("新华社昆明12月26日电（记者杨丽"));
        assert!(opens_with_dateline("新华 社昆 明12月2 6日电（记者杨丽"));
        assert!(opens_with_dateline("本 报 讯 11月26日，安徽省"));
        assert!(opens_with_dateline("【新华社延安十三日电】"));
        // The 电 of 电力 twenty characters in is no dispatch's.
        assert!(!opens_with_dateline(
            "本报记者近日走访了全市多家企业和社区，发现电力"
        ));
        assert!(!opens_with_dateline("新 的 一 年"));
    }
}
