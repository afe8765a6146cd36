//! Recognisers for the furniture of a newspaper page: continuation markers
//! (■上接第1版, （下转第二版）), bylines (□新华社记者, 本报记者 X) and end matter
//! (（执笔记者：…）, （新华社北京7月5日电）, （作者为…）).

use super::chars::width;
use crate::core::charclass::is_han;

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

/// `□新华社记者`, `本报记者 张三 李四`, `■本报通讯员 王五`: a short credit line
/// without sentence punctuation.
pub fn is_byline(line: &str) -> bool {
    // Bylines are short: look no further on long lines (this runs on many lines).
    // 本报讯（记者 周敏）opens a paragraph: a bracket says the credit is inline.
    if line.len() > 96
        || line.contains([
            '，', '。', '；', '！', '？', '：', ':', '（', '(', '）', ')',
        ])
        || width(line) > 24.0
    {
        return false;
    }
    let body = line.trim_start_matches(is_ornament).trim_start();
    if body.starts_with("文/") || body.starts_with("文／") {
        return true;
    }
    let credit = CREDIT_ROLES;
    // Every other byline names a credit: most short lines (titles) stop here.
    if !credit.iter().any(|c| body.contains(c)) {
        return false;
    }
    let ornamented = body.len() < line.len();
    (ornamented && !body.is_empty())
        || [
            "本报",
            "新华社",
            "人民日报",
            "中新社",
            "特约",
            "文｜",
            "文 /",
        ]
        .iter()
        .any(|p| body.starts_with(p))
        || credit.iter().any(|c| body.starts_with(c))
        || names_medium_first(body, credit)
}

/// The roles a byline credits its names with.
pub const CREDIT_ROLES: &[&str] = &["记者", "通讯员", "评论员", "特约撰稿人", "实习生"];

/// Is `text`, on the line or lines after `byline`, the rest of that byline? A byline
/// wrapped in a narrow column goes on with more names and roles (`实习生 刘思彤`,
/// `王倩 实习生 刘思彤`), the rest of a role broken inside (`通` / `讯员 王昊宇`), or the
/// end of a name (`宇`): a few characters, names and roles only, no sentence mark.
pub fn continues_byline(byline: &str, text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let n = compact.chars().count();
    if n == 0 || n > 10 || !compact.chars().all(|c| is_han(c) || c == '·') {
        return false;
    }
    if n <= 2 {
        return true;
    }
    let tail: String = byline.chars().filter(|c| !c.is_whitespace()).collect();
    let role_broken = CREDIT_ROLES.iter().any(|role| {
        (1..role.chars().count()).any(|k| {
            let (head, rest) = role.split_at(role.char_indices().nth(k).map_or(0, |(i, _)| i));
            tail.ends_with(head) && compact.starts_with(rest)
        })
    });
    // A byline that stops at a role (`通讯员`) goes on with the name it credits.
    let name_after_role = n <= 4 && CREDIT_ROLES.iter().any(|r| tail.ends_with(r));
    // Or broken inside the next credit's medium (`本报通讯员 甘露 本` / `报记者 侯宇航`).
    let names_a_role = text
        .split_whitespace()
        .next()
        .is_some_and(|w| CREDIT_ROLES.iter().any(|r| w.contains(r)));
    let credit_broken = names_a_role
        && (1..=2).any(|k| {
            let cut = tail.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
            is_byline(&format!("{}{text}", &tail[cut..]))
        });
    role_broken || name_after_role || credit_broken || names_with_roles(text)
}

/// Add the next line of a byline to it. A role or name goes after a space; the rest of a
/// broken name or role (`王昊` `宇`, `通` `讯员`) does not.
pub fn extend_byline(byline: &mut String, text: &str) {
    let seam: String = byline
        .chars()
        .last()
        .into_iter()
        .chain(text.chars().next())
        .collect();
    let glued = text.chars().filter(|c| !c.is_whitespace()).count() <= 2
        || CREDIT_ROLES.iter().any(|r| r.contains(seam.as_str()));
    if !glued && !byline.is_empty() {
        byline.push(' ');
    }
    byline.push_str(text);
}

/// `实习生 刘思彤`, `王倩 实习生 刘思彤`: every word a role or a name (one to four
/// characters), and a role among them.
fn names_with_roles(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_role = |w: &str| CREDIT_ROLES.contains(&w);
    words.iter().any(|w| is_role(w))
        && words
            .iter()
            .all(|w| is_role(w) || (1..=4).contains(&w.chars().count()))
}

/// Common Chinese surnames (about the 400 most frequent, which cover well over nine in
/// ten people), and the compound ones still met. A byline's names begin with one; a
/// head does not as a rule (`老机子`). Written out here because no kept crate has it.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "呼延", "百里",
];

/// Does a line read as personal names only (`王五`, `李雷 韩梅梅`, `欧阳娜娜`): every
/// word two to four Han characters long, opening with a surname?
pub fn reads_as_names(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let n = w.chars().count();
            (2..=4).contains(&n)
                && w.chars().all(is_han)
                && (w.chars().next().is_some_and(|c| SURNAMES.contains(c))
                    || COMPOUND_SURNAMES.iter().any(|s| w.starts_with(s)))
        })
}

/// `记者从皖江省经济和`: a line that opens with a credit word and goes straight on in
/// one run of more than four characters is a sentence about the reporter (记者从…获悉),
/// not a credit and a name: it cannot continue a byline.
pub fn is_prose_after_credit(line: &str) -> bool {
    CREDIT_ROLES.iter().any(|role| {
        line.strip_prefix(role).is_some_and(|rest| {
            rest.chars()
                .take_while(|c| !c.is_whitespace())
                .filter(|&c| is_han(c))
                .count()
                > 4
        })
    })
}

/// `光明日报记者 顾一帆`, `中国青年报·中青网记者 王倩`, `央视网评论员`: a paper, agency,
/// station or site (a name ending in 报, 社, 台 or 网, parts joined by ·) right before the
/// first credit word. Any paper's staff sign this way, not only the few named above.
fn names_medium_first(body: &str, credit: &[&str]) -> bool {
    let Some(at) = credit.iter().filter_map(|c| body.find(c)).min() else {
        return false;
    };
    // A desk or grade between the paper and the role: 四川日报全媒体记者, 大众日报客户端
    // 记者, 本报融媒体记者, and a grade alone: 实习记者, 见习记者, 首席记者.
    let medium = MEDIUM_QUALIFIERS
        .iter()
        .find_map(|q| body[..at].strip_suffix(q))
        .unwrap_or(&body[..at]);
    if medium.is_empty() {
        return true;
    }
    let n = medium.chars().count();
    // `…答本报记者问` (an interview's subtitle) names this paper inside a phrase.
    let after_first = medium
        .char_indices()
        .nth(1)
        .map_or("", |(i, _)| &medium[i..]);
    let phrase = ["本报", "新华社"].iter().any(|m| after_first.contains(m));
    (2..=14).contains(&n)
        && !phrase
        && medium.chars().all(|c| is_han(c) || c == '·')
        && medium
            .split('·')
            .all(|part| part.ends_with(['报', '社', '台', '网']) && part.chars().count() >= 2)
}

/// What may stand between a paper's name and the credit role in a byline.
const MEDIUM_QUALIFIERS: &[&str] = &[
    "全媒体",
    "融媒体",
    "新媒体",
    "客户端",
    "实习",
    "见习",
    "首席",
    "特派",
    "驻站",
    "摄影",
];

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
fn is_photo_caption(t: &str) -> bool {
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
    fn names_read_as_names() {
        for names in ["罗晓蓉", "李雷 韩梅梅", "欧阳娜娜", "王五"] {
            assert!(reads_as_names(names), "{names}");
        }
        for other in [
            "老机子",
            "",
            "记者 王五",
            "王",
            "泛黄纸页里的城市记忆",
            "王5",
        ] {
            assert!(!reads_as_names(other), "{other}");
        }
    }

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
    fn bylines() {
        assert!(is_byline("□新华社记者"));
        assert!(is_byline("本报记者 张三 李四"));
        assert!(is_byline("■本报通讯员 王五"));
        assert!(!is_byline("本报记者日前走访了多家企业，发现"));
        assert!(!is_byline("■上接第1版"));
        assert!(!is_byline("人民日报评论员文章：奋力开创新局面"));
        assert!(is_byline("光明日报记者  顾一帆  通讯员  贺  晨"));
        assert!(is_byline("中国青年报·中青网记者 王倩 实习生 刘思彤"));
        assert!(is_byline("南方日报记者 陈晓珊"));
        // A desk or grade between the paper and the role, or a grade alone.
        assert!(is_byline("四川日报全媒体记者 罗晓蓉"));
        assert!(is_byline("大众日报客户端记者 孔令军"));
        assert!(is_byline("实习记者 郑佳怡"));
        assert!(!is_byline("全媒体时代的记者 王倩"));
        // Not a paper's name before the credit word.
        assert!(!is_byline("我们的记者 王倩"));
        assert!(!is_byline("本市记者 王倩"));
        assert!(!is_byline("接结算答本报记者问"));
    }

    #[test]
    fn the_rest_of_a_wrapped_byline() {
        assert!(continues_byline("本报特约记者 次仁 通讯员 王昊", "宇"));
        assert!(continues_byline("本报特约记者次仁通", "讯员 王昊宇"));
        assert!(continues_byline(
            "中国青年报·中青网记者",
            "王倩 实习生 刘思彤"
        ));
        assert!(continues_byline("本报记者 王明", "通讯员 李华"));
        assert!(continues_byline("本报通讯员甘露本", "报记者 侯宇航"));
        assert!(!continues_byline("□新华社记者", "在经济全球化的时代潮"));
        assert!(continues_byline("本报特约记者 次仁 通讯员", "王昊宇"));
        // A head, a sentence, a title: not names.
        assert!(!continues_byline(
            "本报记者 王明",
            "一、高原哨所喝上了放心水"
        ));
        assert!(!continues_byline("本报记者 王明", "海拔4800米的哨所"));
        assert!(!continues_byline("本报记者 王明", "在海岛上点亮航路"));
        assert!(!continues_byline("本报记者 王明", "记者从省厅获悉"));
        assert!(is_prose_after_credit("记者从皖江省经济和"));
        assert!(!is_prose_after_credit("记者 柏青"));
        assert!(!is_prose_after_credit("通讯员王昊宇"));
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
