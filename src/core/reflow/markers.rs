//! Recognisers for the furniture of a newspaper page: continuation markers
//! (■上接第1版, （下转第二版）) and end matter (（执笔记者：…）, （新华社北京7月5日电）,
//! （作者为…））. Bylines have their own module, `bylines`.

use super::chars::width;

/// Which way a continuation marker points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 上接第N版: this text continues from page N.
    From,
    /// 下转第N版: this text goes on on page N.
    To,
}

/// A continuation marker found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// As printed, e.g. `■上接第 2 版`.
    pub printed: String,
    pub page: Option<u32>,
    pub direction: Direction,
}

/// Marks that sign names (`□王晓明`, `□本报评论员`).
pub const HOLLOW_MARKS: &[char] = &['□', '☆', '○', '◇'];
/// Marks that label a head or a box (`■现场`, `◆观察`, `■上接第1版`).
pub const SOLID_MARKS: &[char] = &['■', '◆', '●', '▲', '★'];

/// Either kind of mark set before a line.
pub fn is_ornament(c: char) -> bool {
    HOLLOW_MARKS.contains(&c) || SOLID_MARKS.contains(&c)
}
const OPENERS: &[char] = &['（', '(', '【', '['];
const CLOSERS: &[char] = &['）', ')', '】', ']'];

/// Parse a marker at the start of `s`; returns it and the byte length it covers.
fn parse_marker(s: &str) -> Option<(Marker, usize)> {
    let mut rest = s;
    let skip_ws = |r: &mut &str| *r = r.trim_start();
    if let Some(c) = rest.chars().next().filter(|&c| is_ornament(c)) {
        rest = &rest[c.len_utf8()..];
        skip_ws(&mut rest);
    }
    let opened = rest.chars().next().filter(|c| OPENERS.contains(c));
    if let Some(c) = opened {
        rest = &rest[c.len_utf8()..];
        skip_ws(&mut rest);
    }
    let keywords: [(&str, Direction); 6] = [
        ("上接", Direction::From),
        ("接上", Direction::From),
        ("紧接", Direction::From),
        ("下转", Direction::To),
        ("转下", Direction::To),
        ("转", Direction::To),
    ];
    let (kw, direction) = keywords.iter().find(|(k, _)| rest.starts_with(k))?;
    rest = &rest[kw.len()..];
    skip_ws(&mut rest);
    rest = rest.strip_prefix('第').unwrap_or(rest);
    skip_ws(&mut rest);
    let digits: String = rest
        .chars()
        .take_while(|&c| page_digit(c).is_some())
        .collect();
    if digits.is_empty() {
        return None;
    }
    rest = &rest[digits.len()..];
    skip_ws(&mut rest);
    rest = rest.strip_prefix('版')?;
    if opened.is_some() {
        let trimmed = rest.trim_start();
        let c = trimmed.chars().next().filter(|c| CLOSERS.contains(c))?;
        rest = &trimmed[c.len_utf8()..];
    }
    let len = s.len() - rest.len();
    let marker = Marker {
        printed: s[..len].to_string(),
        page: parse_page(&digits),
        direction: *direction,
    };
    Some((marker, len))
}

fn page_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        '十' => Some(10),
        _ => None,
    }
}

/// Page numbers in Arabic or Chinese numerals: 2, １２, 二, 十二, 二十, 二十三.
fn parse_page(digits: &str) -> Option<u32> {
    let values: Vec<u32> = digits.chars().filter_map(page_digit).collect();
    if digits
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return values
            .iter()
            .try_fold(0u32, |acc, &d| acc.checked_mul(10)?.checked_add(d));
    }
    match values.as_slice() {
        [d] => Some(*d),
        [10, d] => Some(10 + d),
        [t, 10] => Some(t * 10),
        [t, 10, d] => Some(t * 10 + d),
        _ => None,
    }
}

/// A marker opening the line (`■上接第 2 版 带动…`): the marker and the text after it.
pub fn leading_marker(line: &str) -> Option<(Marker, &str)> {
    if !line.contains('版') {
        return None;
    }
    let (marker, len) = parse_marker(line)?;
    Some((marker, line[len..].trim_start()))
}

/// A 下转 marker closing the line (`…发展。（下转第二版）`): the text before it and the marker.
pub fn trailing_marker(line: &str) -> Option<(&str, Marker)> {
    if !line.contains('转') || !line.trim_end_matches(CLOSERS).ends_with('版') {
        return None;
    }
    for (i, _) in line.char_indices().rev().take(16) {
        if let Some((marker, len)) = parse_marker(&line[i..]) {
            if i + len == line.len() && marker.direction == Direction::To && i > 0 {
                return Some((line[..i].trim_end(), marker));
            }
        }
    }
    None
}

/// Words that make a parenthesised line end matter rather than an aside.
const CREDIT_WORDS: &[&str] = &[
    "记者",
    "电）",
    "电)",
    "作者",
    "执笔",
    "编辑",
    "通讯员",
    "摄",
    "整理",
    "来源",
    "供稿",
    "编译",
    "综合",
    "据",
    "完）",
    "完)",
    "出版",
];

/// Editorial credits at the foot of a page or article: 责任编辑：张三, 本版编辑 李四.
pub fn is_editor_credit(line: &str) -> bool {
    let roles = [
        "责任编辑",
        "本版编辑",
        "美术编辑",
        "图片编辑",
        "版式设计",
        "责编",
        "校对",
        "美编",
    ];
    // Cheap prefix test first: this runs on every line.
    line.starts_with(['责', '本', '美', '图', '版', '校'])
        && width(line) <= 30.0
        && !line.contains(['，', '。'])
        && roles.iter().any(|r| {
            line.strip_prefix(r)
                .is_some_and(|rest| rest.starts_with(['：', ':', ' ', '\u{3000}']))
        })
}

/// Is `text` (one or more joined lines) a whole end-matter note: opens with a bracket,
/// closes with its partner at the very end, and names a credit?
pub fn is_end_matter(text: &str) -> bool {
    let t = text.trim();
    let open = t.starts_with(['（', '(']);
    let close = t.ends_with(['）', ')']);
    let note = open && close && CREDIT_WORDS.iter().any(|w| t.contains(w));
    (note || is_photo_caption(t)) && width(t) <= 120.0
}

/// `图为杨秀英（中）在给学生讲解课文。本报记者 龙海摄`: a photo's caption, closed by its
/// photographer's credit, set after the article it illustrates.
pub fn is_photo_caption(t: &str) -> bool {
    opens_photo_caption(t) && t.ends_with('摄')
}

/// `图为…` / `图：…`: the first line of a photo caption.
pub fn opens_photo_caption(t: &str) -> bool {
    t.starts_with("图为") || t.starts_with("图：") || t.starts_with("图:")
}

/// Does the line open an end-matter note that may run over several lines? A bracket left
/// open, or a caption's first line that has not finished its sentence (`图为什么…？` is
/// a question, not a caption).
pub fn opens_end_matter(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with(['（', '(']) && !line.contains(['）', ')'])
        || opens_photo_caption(line) && !line.contains(['。', '？', '！'])
        || is_end_matter(line)
}

/// Headings numbered like （一）, 一、, 1. or 第一部分 are section headings, not titles.
pub fn is_numbered(title: &str) -> bool {
    let t = title.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(numeral),
        Some(c) if numeral(c) => {
            let rest: String = chars.take_while(|&c| numeral(c)).collect();
            let after = t.chars().nth(1 + rest.chars().count());
            matches!(after, Some('、' | '.' | '．'))
        }
        Some('第') => chars.next().is_some_and(numeral),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_as_printed() {
        let (m, rest) = leading_marker("■上接第 2 版 带动与山东省、山西").unwrap();
        assert_eq!(
            (m.printed.as_str(), m.page, m.direction, rest),
            (
                "■上接第 2 版",
                Some(2),
                Direction::From,
                "带动与山东省、山西"
            )
        );
        let (m, rest) = leading_marker("（上接第一版）").unwrap();
        assert_eq!((m.page, rest), (Some(1), ""));
        assert_eq!(leading_marker("■上接第1版").unwrap().0.page, Some(1));
        assert_eq!(leading_marker("(上接第十二版)").unwrap().0.page, Some(12));
        assert!(leading_marker("上接一段话").is_none());
        assert!(leading_marker("转变发展方式").is_none());
        let (body, m) = trailing_marker("推动高质量发展。（下转第二版）").unwrap();
        assert_eq!(
            (body, m.page, m.direction),
            ("推动高质量发展。", Some(2), Direction::To)
        );
        assert_eq!(
            leading_marker("下转第8版").unwrap().0.direction,
            Direction::To
        );
    }

    #[test]
    fn end_matter() {
        assert!(is_end_matter("（新华社北京7月5日电）"));
        assert!(is_end_matter(
            "（执笔记者：魏建华 徐超 刘赞；参与记者：邓茜 俞懋峰）"
        ));
        assert!(is_end_matter("（作者为中国社会科学院研究员）"));
        assert!(!is_end_matter("（二）合力助推，“五大任务”见行见效"));
        assert!(!is_end_matter("（一）"));
        assert!(is_end_matter(
            "图为杨秀英（中）在给学生讲解课文。本报记者 龙海摄"
        ));
        assert!(is_end_matter(
            "（《河流之书》，陈默著，滨江文艺出版社2026年6月出版）"
        ));
        assert!(!is_end_matter("图为什么会这样？记者追问。"));
        assert!(opens_end_matter("（执笔记者：魏建华 徐超 刘赞；"));
        assert!(opens_end_matter("图为丽水市人民医院日间手术中"));
        assert!(!opens_end_matter("图为什么会这样？记者追问。"));
        assert!(is_editor_credit("责任编辑：张三"));
        assert!(is_editor_credit("本版编辑 李四 王五"));
        assert!(!is_editor_credit("责任编辑要对稿件负责，这是常识。"));
    }
}
