//! A small two-article document built directly from the model (no reflow), with
//! annotations whose notes carry everything that breaks naive exporters: newlines,
//! quotes, commas, tabs, emoji, Chinese punctuation, Markdown syntax and spreadsheet
//! formulas. Shared by the renderers' snapshot tests and the integration tests
//! (`tests/notes_support`), hence public.

use crate::core::annotation::{AnchorStatus, Annotation, CONTEXT_CHARS};
use crate::core::model::{Article, Document, Section};
use crate::core::outline::{char_slice, Outline};

use super::ExportDocument;
use crate::core::source::SourceMeta;

pub struct Fixture {
    pub outline: Outline,
    pub annotations: Vec<Annotation>,
    pub color_names: Vec<String>,
    /// Where the page was printed (what `core::source::detect` finds in its file name,
    /// with the paper added as a user would).
    pub source: SourceMeta,
}

pub fn document() -> Document {
    Document {
        articles: vec![
            Article {
                title: Some("城乡融合发展迈出新步伐".into()),
                subtitle: Some("——来自基层的调查".into()),
                byline: Some("□本报记者 张三 李四".into()),
                continued_from_page: Some(1),
                continued_marker: Some("■上接第1版".into()),
                sections: vec![
                    Section {
                        heading: None,
                        paragraphs: vec![
                            "今年以来，全区社会消费品零售总额增长8.5%。".into(),
                            "“我们村的路修好了，”村民王大爷说，“日子越过越红火！”".into(),
                        ],
                        ..Default::default()
                    },
                    Section {
                        heading: Some("（二）合力助推产业升级".into()),
                        paragraphs: vec!["产业园区引进项目42个，总投资超过120亿元。".into()],
                        ..Default::default()
                    },
                ],
                end_matter: vec!["（新华社北京7月5日电）".into()],
                ..Default::default()
            },
            Article {
                title: Some("=SUM(A1:A9) 与 *星号* 的标题".into()),
                sections: vec![Section {
                    heading: Some("-1 负数开头的小标题".into()),
                    paragraphs: vec!["@某人 说：+86 电话不要当公式。".into()],
                    ..Default::default()
                }],
                ..Default::default()
            },
        ],
        ..Default::default()
    }
}

/// The char range of the first occurrence of `needle` in `text`.
pub fn find_chars(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// An annotation on `[start, end)` with quote and context taken from `text`.
pub fn annotation_at(text: &str, n: u32, (start, end): (usize, usize)) -> Annotation {
    Annotation {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        document_id: 1,
        start,
        end,
        quote: char_slice(text, start, end).to_string(),
        prefix: char_slice(text, start.saturating_sub(CONTEXT_CHARS), start).to_string(),
        suffix: char_slice(text, end, end + CONTEXT_CHARS).to_string(),
        color: 1,
        note: String::new(),
        tags: vec![],
        created: format!("2024-05-0{n}T08:00:00Z"),
        modified: format!("2024-05-0{n}T09:30:00Z"),
        status: AnchorStatus::Anchored,
    }
}

impl Default for Fixture {
    fn default() -> Fixture {
        Fixture::new()
    }
}

impl Fixture {
    pub fn new() -> Fixture {
        let outline = Outline::from_document(&document());
        let text = outline.text.as_str();
        let at = |n, needle| annotation_at(text, n, find_chars(text, needle));

        let retail = Annotation {
            color: 1,
            tags: vec!["经济".into(), "数据".into()],
            note: "第一行\n第二行，含逗号, comma\t制表符 \"引号\" 🙂！".into(),
            ..at(1, "全区社会消费品零售总额增长8.5%")
        };
        let across = Annotation {
            color: 2,
            ..at(2, "增长8.5%。\n“我们村的路修好了，”")
        };
        let formula = Annotation {
            color: 3,
            tags: vec!["人物".into()],
            note: "=HYPERLINK(\"http://evil.example\",\"点我\")".into(),
            ..at(3, "“日子越过越红火！”")
        };
        let markdown = Annotation {
            color: 4,
            tags: vec!["产业".into(), "+加号标签".into()],
            note: "- 以短横开头\n# 不是标题\n1. 不是列表\n> 不是引用\n\n空行之后 *强调* [链接](x) `代码` \\ 反斜杠 &amp;"
                .into(),
            ..at(4, "总投资超过120亿元")
        };
        let check = Annotation {
            color: 5,
            note: "@提醒：位置待核对\r\n（Windows 换行）".into(),
            status: AnchorStatus::Check,
            ..at(5, "+86 电话")
        };
        let orphan = Annotation {
            id: "00000000-0000-4000-8000-000000000006".into(),
            start: 3,
            end: 9,
            quote: "已删除的一段话".into(),
            prefix: "前文".into(),
            suffix: "后文".into(),
            color: 6,
            note: "原文已改，找不到了".into(),
            status: AnchorStatus::Orphan,
            ..at(6, "城乡")
        };
        Fixture {
            annotations: vec![markdown, orphan, retail, formula, check, across],
            outline,
            color_names: ["重要", "存疑", "观点", "数据", "人物", "其他"]
                .map(String::from)
                .to_vec(),
            source: SourceMeta {
                paper: Some("内蒙古日报".into()),
                date: Some("2024-07-06".into()),
                page: Some(3),
                page_name: None,
            },
        }
    }

    pub fn document(&self) -> ExportDocument<'_> {
        ExportDocument::new(
            1,
            "/home/读者/报纸/2024-07-06 第3版.txt",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            &self.outline,
            &self.annotations,
        )
        .with_source(&self.source)
    }
}
