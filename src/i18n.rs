//! The window's language: English or Simplified Chinese, from `PIZHU_LANG` (`en`|`zh`),
//! else the user's choice in the menu (remembered), else the system locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh*` is Chinese, anything else English).
//!
//! The catalogues are `assets/i18n/en.txt` and `zh.txt`, one `key = value` a line, built
//! into the binary. A plain table rather than Fluent: the window's strings need no plural
//! or gender rules (counts are written as numerals in both languages), and a table keeps
//! the build free of the ICU data Fluent's formatting brings. The command line stays English.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code stored in the settings and accepted by `PIZHU_LANG`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language of a POSIX locale name (`zh_CN.UTF-8`, `en_US`, `C`).
    pub fn of_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The system's language: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`, read
    /// through `var` (the environment in the app, a table in tests).
    pub fn of_system(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.trim().is_empty())
            .map(|v| Lang::of_locale(&v))
            .unwrap_or_default()
    }

    /// `PIZHU_LANG` when set to `en` or `zh`.
    pub fn forced(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        var("PIZHU_LANG").and_then(|v| Lang::parse(&v))
    }
}

/// The window's string `key` in `lang`. A key missing from the catalogue (a test keeps
/// that from happening) shows as itself rather than failing.
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    catalogue(lang).get(key).copied().unwrap_or(key)
}

/// [`tr`] with each `{name}` replaced by its value.
pub fn tr_with(lang: Lang, key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = tr(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

pub const EN_SOURCE: &str = include_str!("../assets/i18n/en.txt");
pub const ZH_SOURCE: &str = include_str!("../assets/i18n/zh.txt");

fn catalogue(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static ZH: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| parse(EN_SOURCE)),
        Lang::Zh => ZH.get_or_init(|| parse(ZH_SOURCE)),
    }
}

/// `key = value` lines; blank lines and `#` comments skipped.
pub fn parse(source: &'static str) -> HashMap<&'static str, &'static str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_decides_and_pizhu_lang_overrides() {
        assert_eq!(Lang::of_system(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::of_system(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::of_system(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::of_system(env(&[])), Lang::En);
        let both = [("LC_ALL", "en_GB.UTF-8"), ("LANG", "zh_TW.UTF-8")];
        assert_eq!(Lang::of_system(env(&both)), Lang::En, "LC_ALL first");
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "C")];
        assert_eq!(Lang::of_system(env(&messages)), Lang::Zh);
        assert_eq!(Lang::forced(env(&[("PIZHU_LANG", "zh")])), Some(Lang::Zh));
        assert_eq!(Lang::forced(env(&[("PIZHU_LANG", "EN")])), Some(Lang::En));
        assert_eq!(Lang::forced(env(&[("PIZHU_LANG", "fr")])), None);
    }

    #[test]
    fn both_catalogues_have_every_key_and_no_empty_value() {
        let (en, zh) = (parse(EN_SOURCE), parse(ZH_SOURCE));
        let missing_zh: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let missing_en: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing_zh.is_empty(), "missing in zh.txt: {missing_zh:?}");
        assert!(missing_en.is_empty(), "missing in en.txt: {missing_en:?}");
        assert!(en.values().chain(zh.values()).all(|v| !v.is_empty()));
        // Each `{name}` of a message is in both translations.
        for (k, v) in &en {
            let names = |s: &str| -> Vec<String> {
                let mut n: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                n.sort();
                n
            };
            assert_eq!(names(v), names(zh[k]), "{k}");
        }
    }

    /// Every `tr(…, "key")`, `tr_with(…, "key", …)` and `access::text(…, "key")` names a key of the
    /// catalogues, so a typo or a key added in the code alone fails here.
    #[test]
    fn every_key_the_code_uses_is_in_the_catalogues() {
        let en = parse(EN_SOURCE);
        let mut used = 0;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in ["tr(", "tr_with(", "access::text("] {
                for (at, _) in text.match_indices(call) {
                    // A call of that name, not the end of another (`to_str(`).
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // The first string literal of the call (its line, else the next one).
                    let piece = &text[at + call.len()..];
                    let head: String = piece.lines().take(2).collect();
                    let head = head.split(';').next().unwrap_or("");
                    let Some(key) = head.split('"').nth(1) else {
                        continue;
                    };
                    let is_key = key.split('.').count() >= 2
                        && key.split('.').all(|part| {
                            !part.is_empty()
                                && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        });
                    if is_key {
                        used += 1;
                        assert!(en.contains_key(key), "{}: key {key:?}", path.display());
                    }
                }
            }
        }
        assert!(used >= 10, "found {used} uses");
    }

    /// Keys reach `tr` through tables too (a command's label key, a column's heading): every
    /// string literal in the code that looks like a key of one of the catalogue's sections
    /// (`cmd.undo`, `notice.no_document`) must be in the catalogue, so a key named in a
    /// table and forgotten in the catalogues fails here.
    #[test]
    fn every_key_named_anywhere_in_the_code_is_in_the_catalogues() {
        let en = parse(EN_SOURCE);
        let sections: std::collections::HashSet<&str> = en
            .keys()
            .filter_map(|k| k.split_once('.'))
            .map(|(s, _)| s)
            .collect();
        let mut named = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Between quotes: odd pieces of a split on `"` are literals on lines without
            // escaped quotes, which is every line that names a key.
            for line in text.lines().filter(|l| !l.contains("\\\"")) {
                for literal in line.split('"').skip(1).step_by(2) {
                    let Some((section, rest)) = literal.split_once('.') else {
                        continue;
                    };
                    let is_key = sections.contains(section)
                        && !rest.is_empty()
                        && rest
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
                    if is_key {
                        named += 1;
                        assert!(
                            en.contains_key(literal),
                            "{}: key {literal:?}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(named >= 200, "found {named} keys named");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            tr_with(Lang::En, "access.color_name", &[("color", "3")]),
            "Name of colour 3"
        );
        assert_eq!(
            tr_with(Lang::Zh, "access.color_name", &[("color", "3")]),
            "颜色 3 的名称"
        );
        assert_eq!(tr(Lang::Zh, "menu.file"), "文件");
        assert_eq!(tr(Lang::En, "menu.file"), "File");
    }
}
