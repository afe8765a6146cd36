//! Where a page was printed: publication, date, page number and page name, as a
//! researcher cites it (《人民日报》2025年1月2日 第5版). Detected from the page furniture
//! the layout set apart (`2025年1月2日 星期四`, `第 5 版`, the paper's name) and from the
//! file name (`rmrb_2025-01-02_p05…`, `内蒙古日报20230706第2版.txt`). Pure text work.

use serde::{Deserialize, Serialize};

use super::charclass::is_han;

/// A document's source. Every field may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMeta {
    /// The publication, e.g. 人民日报.
    pub paper: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub page: Option<u32>,
    /// The page's name as printed beside its number, e.g. 评论, 要闻.
    pub page_name: Option<String>,
}

/// Pinyin initials used in file names of the big papers' archives.
const PAPER_ABBREVIATIONS: &[(&str, &str)] = &[
    ("rmrb", "人民日报"),
    ("gmrb", "光明日报"),
    ("jjrb", "经济日报"),
    ("nmgrb", "内蒙古日报"),
    ("jfjb", "解放军报"),
    ("zgqnb", "中国青年报"),
    ("bjrb", "北京日报"),
    ("jfrb", "解放日报"),
    ("whb", "文汇报"),
    ("nfrb", "南方日报"),
];

impl SourceMeta {
    pub fn is_empty(&self) -> bool {
        *self == SourceMeta::default()
    }

    /// Fields known here, else those of `other`.
    pub fn or(self, other: SourceMeta) -> SourceMeta {
        SourceMeta {
            paper: self.paper.or(other.paper),
            date: self.date.or(other.date),
            page: self.page.or(other.page),
            page_name: self.page_name.or(other.page_name),
        }
    }

    /// `《人民日报》2025年1月2日 第5版 评论`: the citation of the page, or `None` when nothing
    /// is known.
    pub fn citation(&self) -> Option<String> {
        let mut out = String::new();
        if let Some(paper) = &self.paper {
            out.push_str(&format!("《{paper}》"));
        }
        if let Some((y, m, d)) = self.date.as_deref().and_then(parse_iso) {
            out.push_str(&format!("{y}年{m}月{d}日"));
        } else if let Some(date) = &self.date {
            out.push_str(date);
        }
        if let Some(page) = self.page {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("第{page}版"));
        }
        if let Some(name) = &self.page_name {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(name);
        }
        (!out.is_empty()).then_some(out)
    }

    /// `人民日报, 2 January 2025, page 5, 评论`: [`SourceMeta::citation`] for an English
    /// reader (the paper and page names are the page's own words and stay as printed).
    pub fn citation_english(&self) -> Option<String> {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let date = self.date.as_deref().map(|date| match parse_iso(date) {
            Some((y, m, d)) => match MONTHS.get((m as usize).wrapping_sub(1)) {
                Some(month) => format!("{d} {month} {y}"),
                None => date.to_string(),
            },
            None => date.to_string(),
        });
        let parts: Vec<String> = [
            self.paper.clone(),
            date,
            self.page.map(|p| format!("page {p}")),
            self.page_name.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Detect the source from the page furniture first (what is printed on the page), then
/// from the file name for what the furniture does not say.
pub fn detect(file_name: &str, furniture: &[String]) -> SourceMeta {
    from_furniture(furniture).or(from_file_name(file_name))
}

/// From the running heads and feet of a page.
pub fn from_furniture(lines: &[String]) -> SourceMeta {
    let mut meta = SourceMeta::default();
    for line in lines {
        let line = line.trim();
        if meta.date.is_none() {
            meta.date = find_date(line);
        }
        if meta.page.is_none() {
            if let Some((page, after)) = find_page(line) {
                meta.page = Some(page);
                let name = page_name(after);
                meta.page_name = meta.page_name.or(name);
            }
        }
        if meta.paper.is_none() {
            meta.paper = paper_in(line, 12);
        }
    }
    meta
}

/// From a file name (with or without folders and extension).
pub fn from_file_name(name: &str) -> SourceMeta {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let lower = stem.to_ascii_lowercase();
    let paper = PAPER_ABBREVIATIONS
        .iter()
        .find(|(abbr, _)| starts_with_word(&lower, abbr))
        .map(|(_, paper)| paper.to_string())
        .or_else(|| paper_in(stem, usize::MAX));
    SourceMeta {
        paper,
        date: find_date(stem),
        page: find_page(stem)
            .map(|(p, _)| p)
            .or_else(|| latin_page(&lower)),
        page_name: None,
    }
}

/// `rmrb_…`, `rmrb-…`, `rmrb2025…`: the abbreviation then anything but another letter.
fn starts_with_word(s: &str, word: &str) -> bool {
    s.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// A run of Han characters ending in 报 (日报, 晚报, 军报…), cut after its last 报: a
/// paper's name. `max_chars` rejects long runs (a sentence that mentions a paper).
fn paper_in(text: &str, max_chars: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_han(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_han(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        if run.len() > max_chars {
            continue;
        }
        if let Some(last) = run.iter().rposition(|&c| c == '报') {
            let name = &run[..=last];
            // "报" alone, or 上接第1版 etc. are not names; a name has at least 2 chars.
            if name.len() >= 2 && !name.starts_with(&['第']) {
                return Some(name.iter().collect());
            }
        }
    }
    None
}

/// The first date in `text`: `2025年1月2日`, `2025-01-02` (also `_` or `.`), `20250102`.
pub fn find_date(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            return None;
        }
        date_at(&chars[i..])
    })
}

fn date_at(c: &[char]) -> Option<String> {
    let (year, rest) = digits(c, 4, 4)?;
    let valid = |y: u32, m: u32, d: u32| {
        ((1800..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    match rest.first() {
        Some('年') => {
            let (month, rest) = digits(&rest[1..], 1, 2)?;
            let rest = rest.strip_prefix(&['月'])?;
            let (day, rest) = digits(rest, 1, 2)?;
            rest.first().filter(|&&c| c == '日')?;
            valid(year, month, day)
        }
        Some(&sep) if matches!(sep, '-' | '_' | '.') => {
            let (month, rest) = digits(&rest[1..], 1, 2)?;
            let rest = rest.strip_prefix(&[sep])?;
            let (day, rest) = digits(rest, 1, 2)?;
            (!rest.first().is_some_and(char::is_ascii_digit)).then_some(())?;
            valid(year, month, day)
        }
        Some(c) if c.is_ascii_digit() => {
            let (month, rest) = digits(rest, 2, 2)?;
            let (day, rest) = digits(rest, 2, 2)?;
            (!rest.first().is_some_and(char::is_ascii_digit)).then_some(())?;
            valid(year, month, day)
        }
        _ => None,
    }
}

/// Exactly `min..=max` ASCII digits at the start (a longer run is taken up to `max`).
fn digits(c: &[char], min: usize, max: usize) -> Option<(u32, &[char])> {
    let n = c
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n < min {
        return None;
    }
    let value = c[..n].iter().collect::<String>().parse().ok()?;
    Some((value, &c[n..]))
}

/// `第5版`, `第 5 版`, `第五版`: the page number and the text after 版.
fn find_page(text: &str) -> Option<(u32, &str)> {
    let mut from = 0;
    while let Some(at) = text[from..].find('第') {
        let start = from + at + '第'.len_utf8();
        if let Some(end) = text[start..].find('版') {
            let number = text[start..start + end].trim();
            if let Some(page) = page_number(number) {
                return Some((page, &text[start + end + '版'.len_utf8()..]));
            }
        }
        from = start;
    }
    None
}

/// `5`, `05`, `５`, `五`, `十二`, `二十`: a page number of at most 2 digits.
fn page_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 3 {
        return None;
    }
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if let Ok(n) = ascii.parse::<u32>() {
        return (n > 0 && n < 1000).then_some(n);
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = s.chars().collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', d] => digit(*t)? * 10 + digit(*d)?,
        _ => return None,
    };
    (n > 0).then_some(n as u32)
}

/// What follows 第5版 on its line: the page's name (`：要闻`, ` 评论`), if it is a name.
fn page_name(after: &str) -> Option<String> {
    let name = after
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '：' | ':' | '·' | '（' | '(')
        })
        .split(|c: char| c.is_whitespace() || matches!(c, '）' | ')' | '|' | '｜'))
        .next()
        .unwrap_or("");
    let n = name.chars().count();
    ((1..=8).contains(&n) && name.chars().all(is_han)).then(|| name.to_string())
}

/// `p05`, `page5`, `_p5_`: a Latin page marker not inside a word.
fn latin_page(lower: &str) -> Option<u32> {
    let bytes = lower.as_bytes();
    for prefix in ["page", "p"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(prefix) {
            let start = from + at;
            let end = start + prefix.len();
            let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphabetic();
            let n = bytes[end..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let after_ok = !bytes
                .get(end + n)
                .is_some_and(|b| b.is_ascii_alphanumeric());
            if before_ok && after_ok && (1..=3).contains(&n) {
                let page: u32 = lower[end..end + n].parse().ok()?;
                if page > 0 {
                    return Some(page);
                }
            }
            from = end;
        }
    }
    None
}

/// `YYYY-MM-DD` as numbers, if it is one.
pub fn parse_iso(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    (parts.next().is_none() && date.len() == 10).then_some((y, m, d))
}

/// Check and normalise a date given by the user (`2025-1-2` → `2025-01-02`); `None`
/// unless the whole input is one date.
pub fn normalize_date(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4
        || !all_digits(y)
        || !all_digits(m)
        || !all_digits(d)
        || m.len() > 2
        || d.len() > 2
    {
        return None;
    }
    find_date(&format!("{y}-{m:0>2}-{d:0>2}"))
}

#[cfg(test)]
mod tests;
