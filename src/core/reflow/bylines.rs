//! Recognisers for bylines: a credit line (`□新华社记者`, `本报记者 张三 李四`,
//! `光明日报记者 顾一帆`), its continuation when a narrow column wraps it, and the names
//! it signs.

use super::chars::width;
use super::markers::{is_ornament, HOLLOW_MARKS};
use crate::core::charclass::is_han;

/// The name under a byline's hollow mark (`□林一帆` → `林一帆`): hollow marks sign
/// names, solid ones (■) label heads and markers.
pub fn after_byline_mark(line: &str) -> Option<&str> {
    line.strip_prefix(HOLLOW_MARKS)
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
    words.peek().is_some() && words.all(|w| is_name(w.chars()))
}

/// Two to four Han characters opening with a surname (one character or compound).
fn is_name(chars: impl Iterator<Item = char> + Clone) -> bool {
    let opens_with = |prefix: &str| {
        chars
            .clone()
            .take(prefix.chars().count())
            .eq(prefix.chars())
    };
    (2..=4).contains(&chars.clone().count())
        && chars.clone().all(is_han)
        && (chars.clone().next().is_some_and(|c| SURNAMES.contains(c))
            || COMPOUND_SURNAMES.iter().any(|s| opens_with(s)))
}

/// `本报记者 梁海燕 通讯员 钟庆`, `新华社记者 陈威 杨明睿`: a credit and names set apart
/// by spaces as bylines are printed, every word after the first a name or a (paper's)
/// role. No deck line or head reads so (a subtitle about a reporter runs on:
/// `本报记者探访地下管廊`). A two-character name is often letter-spaced to a
/// three-character name's width (`本报记者 龙 海`): single characters in a row are read
/// as one name.
pub fn spaced_credit_and_names(text: &str) -> bool {
    let ends_with_role = |w: &str| CREDIT_ROLES.iter().any(|r| w.ends_with(r));
    let mut words = text.split_whitespace();
    if !words.next().is_some_and(ends_with_role) {
        return false;
    }
    // Each word, or run of one-character words, must be a role or a name. A run is
    // read off `text` by its first and last word's place (the words are slices of it).
    let at = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let mut any = false;
    let mut single_run: Option<(usize, usize)> = None;
    let run_is_name = |run: Option<(usize, usize)>| {
        run.is_none_or(|(from, to)| is_name(text[from..to].chars().filter(|c| !c.is_whitespace())))
    };
    for w in words {
        any = true;
        if w.chars().nth(1).is_none() {
            let end = at(w) + w.len();
            single_run = Some(single_run.map_or((at(w), end), |(from, _)| (from, end)));
            continue;
        }
        if !run_is_name(single_run.take()) || !(ends_with_role(w) || is_name(w.chars())) {
            return false;
        }
    }
    any && run_is_name(single_run)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_over_names_spaced_as_bylines_are_is_a_byline() {
        for byline in [
            "本报记者 梁海燕 通讯员 钟庆",
            "本报记者 龙 海",
            "新华社记者 林 峥 王磊",
        ] {
            assert!(spaced_credit_and_names(byline), "{byline}");
        }
        // Single characters after a credit read as one name only while they run on.
        for other in [
            "本报记者探访地下管廊",
            "本报记者 龙",
            "本报记者 龙 海 上 岸 了",
        ] {
            assert!(!spaced_credit_and_names(other), "{other}");
        }
    }

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
}
