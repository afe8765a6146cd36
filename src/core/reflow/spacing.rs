//! Extraction spaces: PDF text extraction inserts spaces that were never printed
//! (letter-spaced justified lines, gaps between a CJK character and a number) and keeps
//! spaces that were (between names in a credit line, between two phrases of a title).

use super::chars::{is_cjk_punct, is_ideograph};

/// Is a space-separated token "single": at most one ideograph and no Latin letters or
/// digits? Runs of such tokens are a letter-spaced line, e.g. `月 份 ，全 区 社 会`.
fn is_single(token: &str) -> bool {
    let ideographs = token.chars().filter(|&c| is_ideograph(c)).count();
    ideographs <= 1 && !token.chars().any(|c| c.is_ascii_alphanumeric())
}

/// A run of at least this many single tokens is letter-spacing, not words.
const LETTER_SPACED_RUN: usize = 3;

/// The result of cleaning one line.
pub struct Cleaned {
    pub text: String,
    /// The line was letter-spaced (justified by spreading its characters), so it was a
    /// full line of its column whatever its character count says.
    pub letter_spaced: bool,
}

/// Collapse whitespace inside a line and drop the spaces extraction invented.
pub fn clean_spaces(line: &str) -> Cleaned {
    let trimmed = line.trim();
    if !trimmed.contains(char::is_whitespace) {
        return Cleaned {
            text: trimmed.to_string(),
            letter_spaced: false,
        };
    }
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() <= 1 {
        return Cleaned {
            text: tokens.concat(),
            letter_spaced: false,
        };
    }
    // Length of the run of single tokens each token belongs to (0 for non-single).
    let mut run = vec![0usize; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if is_single(tokens[i]) {
            let start = i;
            while i < tokens.len() && is_single(tokens[i]) {
                i += 1;
            }
            run[start..i].iter_mut().for_each(|r| *r = i - start);
        } else {
            i += 1;
        }
    }
    let mut text = String::with_capacity(line.len());
    let mut letter_spaced = false;
    text.push_str(tokens[0]);
    for k in 1..tokens.len() {
        let (a, b) = (tokens[k - 1], tokens[k]);
        let x = a.chars().last().unwrap_or(' ');
        let y = b.chars().next().unwrap_or(' ');
        let spaced_run = run[k - 1] >= LETTER_SPACED_RUN || run[k] >= LETTER_SPACED_RUN;
        let run_edge = spaced_run
            && (is_ideograph(x) || is_cjk_punct(x))
            && (is_ideograph(y) || is_cjk_punct(y));
        if run_edge {
            letter_spaced = true;
        }
        if !(run_edge || drop_space_between(x, y)) {
            text.push(' ');
        }
        text.push_str(b);
    }
    Cleaned {
        text,
        letter_spaced,
    }
}

/// A space between these two characters was invented by extraction.
fn drop_space_between(x: char, y: char) -> bool {
    let cjk = |c: char| is_ideograph(c) || is_cjk_punct(c);
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '%' | '.' | '％');
    is_cjk_punct(x) || is_cjk_punct(y) || (cjk(x) && numeric(y)) || (numeric(x) && cjk(y))
}

/// In a paragraph line, spaces between two Chinese characters were put there by the
/// extractor (loosely justified lines come out as `各 地区部 门认 真落 实`), unless the
/// line has a single such space, which may be printed (a slogan's two halves). Lines with
/// two or more lose them all.
pub fn close_cjk_gaps(text: &str) -> String {
    // Most lines have no space at all: no need to look at characters (runs on every
    // paragraph line).
    if !text.contains(' ') {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: char| is_ideograph(c) || is_cjk_punct(c);
    let gap = |k: usize| {
        chars[k] == ' ' && k > 0 && k + 1 < chars.len() && cjk(chars[k - 1]) && cjk(chars[k + 1])
    };
    let gaps = (0..chars.len()).filter(|&k| gap(k)).count();
    if gaps < 2 {
        return text.to_string();
    }
    (0..chars.len())
        .filter(|&k| !gap(k))
        .map(|k| chars[k])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        clean_spaces(s).text
    }

    #[test]
    fn letter_spaced_runs_close_up() {
        let c = clean_spaces("月 份 ，全 区 社 会 消 费 品 零 售 总 额");
        assert_eq!(c.text, "月份，全区社会消费品零售总额");
        assert!(c.letter_spaced);
        assert_eq!(
            clean("“ 五 个 大 起 底 ”持 续 深 化 ——"),
            "“五个大起底”持续深化——"
        );
    }

    #[test]
    fn spaces_between_cjk_and_numbers_go() {
        assert_eq!(
            clean("4月 28日，2023年内蒙古房地产"),
            "4月28日，2023年内蒙古房地产"
        );
        assert_eq!(
            clean("全区 12盟市共计 427 家银企意向签"),
            "全区12盟市共计427家银企意向签"
        );
        assert_eq!(
            clean("6 月 28 日到 29 日，2023 世界新"),
            "6月28日到29日，2023世界新"
        );
        assert_eq!(
            clean("预算总收支均由 345.6 亿元调整为"),
            "预算总收支均由345.6亿元调整为"
        );
        assert_eq!(
            clean("由去年的 55%提高到 74%，包钢集团"),
            "由去年的55%提高到74%，包钢集团"
        );
    }

    #[test]
    fn meaningful_spaces_stay() {
        assert_eq!(
            clean("（执笔记者：魏建华 徐超 刘赞；"),
            "（执笔记者：魏建华 徐超 刘赞；"
        );
        assert_eq!(
            clean("卿 熊茂伶 黄泽民 单玮怡 王钟"),
            "卿 熊茂伶 黄泽民 单玮怡 王钟"
        );
        assert_eq!(
            clean("发挥“前哨”优势 力促招商引资提质增效"),
            "发挥“前哨”优势 力促招商引资提质增效"
        );
        assert_eq!(clean("The  quick\tbrown fox"), "The quick brown fox");
        assert_eq!(clean("  缩进　　的行 "), "缩进 的行");
        assert_eq!(
            close_cjk_gaps(&clean("各 地区部 门认 真落 实")),
            "各地区部门认真落实"
        );
        assert_eq!(close_cjk_gaps("好生活 相约美味"), "好生活 相约美味");
    }
}
