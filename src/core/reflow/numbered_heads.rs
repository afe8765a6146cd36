//! Numbered heads read as a series: `（一）20分钟飞越一座山` run into the paragraph under
//! it, while `（二）九条航线连起14个村` and `（三）山货也能“飞”下山` stand as heads. An
//! article numbers its heads one style from one up; a line numbered in the style of a
//! head next to it in that series (one before it or one after) is the same kind of
//! line. The labeller sees the numbering but not the series, and the first head of an
//! article, right under its byline, is where its width rules fail most: the column
//! estimate is least sure there.

use super::lines::Line;
use super::model::Label;
use super::pieces::Piece;
use super::repair::leaves_open;
use crate::core::charclass::{circled_number, ends_mid_sentence, ends_sentence, is_ideograph};

/// How a head is numbered: the same numeral in another dress starts another series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `（一）`, `(一)`
    BracketedHan,
    /// `（1）`, `(1)`
    BracketedDigit,
    /// `一、`
    HanComma,
    /// `1.`, `1．`, `1、`
    DigitPoint,
    /// `第一，` / `第一、`, `第一部分`
    Ordinal,
    /// `其一，`
    Enumerated,
    /// `①`
    Circled,
}

/// Value of a Han numeral of one to ninety-nine (`一`, `十`, `十二`, `二十三`).
fn han_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

/// The numbering a line opens with and the text after it (`（二）九条航线` →
/// bracketed Han 2, `九条航线`).
fn numbering(text: &str) -> Option<(Style, u32, &str)> {
    let is_han_numeral = |c: char| "一二三四五六七八九十".contains(c);
    let text = text.trim_start();
    let first = text.chars().next()?;
    if let Some(n) = circled_number(first) {
        return Some((Style::Circled, n, text[first.len_utf8()..].trim_start()));
    }
    // `（一）` or `(1)`: a numeral between brackets.
    if let Some(inner) = text.strip_prefix(['（', '(']) {
        let close = inner.find(['）', ')'])?;
        let numeral = &inner[..close];
        let rest = &inner[close..];
        let rest = &rest[rest.chars().next()?.len_utf8()..];
        return if numeral.chars().all(|c| c.is_ascii_digit()) && !numeral.is_empty() {
            Some((Style::BracketedDigit, numeral.parse().ok()?, rest))
        } else {
            Some((Style::BracketedHan, han_value(numeral)?, rest))
        };
    }
    // `第一，`, `其一，`: a prefix, a Han numeral, then a pause or the head itself.
    for (prefix, style) in [("第", Style::Ordinal), ("其", Style::Enumerated)] {
        if let Some(after) = text.strip_prefix(prefix) {
            let end = after.find(|c: char| !is_han_numeral(c))?;
            let rest = after[end..].strip_prefix(['，', '、', ',']);
            // `第一部分` needs no pause; `第一次` or `其一生` is prose.
            let rest = rest.or_else(|| after[end..].strip_prefix("部分"))?;
            return Some((style, han_value(&after[..end])?, rest));
        }
    }
    // `一、` or `1.`: a numeral, then its mark.
    let end = text.find(|c: char| !(is_han_numeral(c) || c.is_ascii_digit()))?;
    let (numeral, after) = text.split_at(end);
    let rest = after.strip_prefix(['、', '.', '．'])?;
    if numeral.chars().all(|c| c.is_ascii_digit()) && !numeral.is_empty() {
        Some((Style::DigitPoint, numeral.parse().ok()?, rest))
    } else {
        Some((Style::HanComma, han_value(numeral)?, rest))
    }
}

/// A numbered line that could stand as a head whatever its width: the text after its
/// numbering is a phrase (no pause, stop or colon, nothing left open, ending bare) of
/// thirty characters or fewer; a numbered clause of a notice (`一、管制时间：…`) or a
/// paragraph's first line cut after a pause (`四、对违反本通告的，公安机关`) is not.
fn reads_as_head(line: &Line) -> Option<(Style, u32)> {
    let text = line.text.trim();
    let (style, n, rest) = numbering(text)?;
    let phrase = !line.letter_spaced
        && text.chars().count() <= 30
        && !rest.is_empty()
        && !rest.contains(['，', '、', '。', '；', '：', ',', ';', ':'])
        && !ends_sentence(text)
        && !ends_mid_sentence(text)
        && !leaves_open(text)
        && rest
            .chars()
            .next_back()
            .is_some_and(|c| is_ideograph(c) || c.is_ascii_alphanumeric() || "”’》".contains(c));
    phrase.then_some((style, n))
}

/// Does a head labelled as such, in the same article as line `i` (no title or byline
/// label between), carry the numbering next to `(style, n)` in its series?
fn series_neighbour(
    pieces: &[Piece],
    labels: &[(Label, f32)],
    i: usize,
    (style, n): (Style, u32),
) -> bool {
    let closes_article = |l: Label| matches!(l, Label::Title | Label::Subtitle | Label::Byline);
    let numbered_as = |j: usize, want: u32| {
        labels[j].0 == Label::Heading
            && pieces[j]
                .line()
                .and_then(|l| numbering(&l.text))
                .is_some_and(|(s, m, _)| s == style && m == want)
    };
    let after = (i + 1..labels.len())
        .take_while(|&j| !closes_article(labels[j].0))
        .any(|j| numbered_as(j, n + 1));
    let before = n > 1
        && (0..i)
            .rev()
            .take_while(|&j| !closes_article(labels[j].0))
            .any(|j| numbered_as(j, n - 1));
    after || before
}

/// A paragraph's line that reads as a numbered head and carries the numbering next to
/// a head of its article in the same style is a head too; the line under it opens the
/// paragraph. A paragraph line in the middle of a sentence (the line above it goes on)
/// is left alone.
pub(super) fn numbered_series_open_heads(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 0..labels.len().saturating_sub(1) {
        let opens = match labels[i].0 {
            Label::ParaStart => true,
            Label::ParaCont => {
                i > 0 && pieces[i - 1].line().is_some_and(|l| ends_sentence(&l.text))
            }
            _ => false,
        };
        if !opens || !matches!(labels[i + 1].0, Label::ParaStart | Label::ParaCont) {
            continue;
        }
        let Some(numbered) = pieces[i].line().and_then(reads_as_head) else {
            continue;
        };
        if pieces[i + 1].line().is_some() && series_neighbour(pieces, labels, i, numbered) {
            labels[i].0 = Label::Heading;
            labels[i + 1].0 = Label::ParaStart;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numberings_in_every_dress() {
        let read = |t| numbering(t).map(|(s, n, rest)| (s, n, rest.to_string()));
        assert_eq!(
            read("（一）20分钟飞越一座山"),
            Some((Style::BracketedHan, 1, "20分钟飞越一座山".into()))
        );
        assert_eq!(
            read("(12)结语"),
            Some((Style::BracketedDigit, 12, "结语".into()))
        );
        assert_eq!(
            read("二十三、尾声"),
            Some((Style::HanComma, 23, "尾声".into()))
        );
        assert_eq!(read("3．数字"), Some((Style::DigitPoint, 3, "数字".into())));
        assert_eq!(
            read("第一，守住底线"),
            Some((Style::Ordinal, 1, "守住底线".into()))
        );
        assert_eq!(read("第二部分"), Some((Style::Ordinal, 2, "".into())));
        assert_eq!(
            read("其二，细节"),
            Some((Style::Enumerated, 2, "细节".into()))
        );
        assert_eq!(
            read("③从人查到智检"),
            Some((Style::Circled, 3, "从人查到智检".into()))
        );
        assert_eq!(read("第一次来到这里"), None);
        assert_eq!(read("一年来，全市"), None);
        assert_eq!(read("2026年"), None);
        assert_eq!(read("（作者为研究员）"), None);
    }
}
