//! A small page built from the model (no reflow) and annotations on it whose notes
//! carry newlines, quotes, commas, tabs, emoji, Chinese punctuation and formulas.
//! Shared by the export/import tests.

#![allow(dead_code)]

use std::path::Path;

use pizhu::core::annotation::{AnchorStatus, Annotation};
use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::Outline;
use pizhu::core::reflow::REFLOW_VERSION;
use pizhu::ingest::{Decoded, Ingested};
use pizhu::store::{DocId, NewAnnotation, Store};

pub fn page() -> Document {
    Document {
        articles: vec![
            Article {
                title: Some("城乡融合发展迈出新步伐".into()),
                subtitle: None,
                byline: Some("□本报记者 张三".into()),
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
                title: Some("=SUM(A1:A9) 标题".into()),
                sections: vec![Section {
                    heading: None,
                    paragraphs: vec!["@某人 说：+86 电话不要当公式。".into()],
                    ..Default::default()
                }],
                ..Default::default()
            },
        ],
        ..Default::default()
    }
}

/// The page as an import would produce it; its "source" is its reading text.
pub fn ingested() -> Ingested {
    let document = page();
    let outline = Outline::from_document(&document);
    Ingested {
        decoded: Decoded {
            text: outline.text.clone(),
            encoding: "UTF-8",
        },
        document,
        outline,
        reflow_version: REFLOW_VERSION,
    }
}

/// A fresh in-memory library holding the page.
pub fn library() -> (Store, DocId) {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let (id, _) = store
        .import(Path::new("/报纸/2024-07-06 第3版.txt"), &ingested())
        .expect("import page");
    (store, id)
}

pub fn chars_of(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in page");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Annotates the page the way a reader would, plus one orphan.
pub fn annotate(store: &mut Store, doc: DocId) -> Vec<Annotation> {
    let text = store.document(doc).unwrap().outline.text;
    let notes: [(&str, u8, &[&str], &str); 4] = [
        (
            "全区社会消费品零售总额",
            1,
            &["经济", "数据"],
            "第一行\n第二行，含逗号, comma\t制表符 \"引号\" 🙂！",
        ),
        ("增长8.5%。\n“我们村的路修好了，”", 2, &[], ""),
        (
            "日子越过越红火",
            3,
            &["人物"],
            "=HYPERLINK(\"http://evil.example\")",
        ),
        (
            "+86 电话",
            5,
            &["-负号"],
            "- 列表？\n# 标题？\r\n\n@提醒：核对",
        ),
    ];
    for (quote, color, tags, note) in notes {
        let (start, end) = chars_of(&text, quote);
        let new = NewAnnotation {
            document_id: doc,
            start,
            end,
            color,
            note: note.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        };
        store.add_annotation(&new).expect("add annotation");
    }
    let orphan = Annotation {
        id: "6a1c0e6e-0000-4000-8000-0000000000aa".into(),
        document_id: doc,
        start: 2,
        end: 6,
        quote: "已删除的一段话".into(),
        prefix: "前文".into(),
        suffix: "后文".into(),
        color: 6,
        note: "原文已改".into(),
        tags: vec![],
        created: "2024-05-01T08:00:00Z".into(),
        modified: "2024-05-01T08:00:00Z".into(),
        status: AnchorStatus::Orphan,
    };
    store.put_annotation(&orphan).expect("put orphan");
    store.annotations(Some(doc)).unwrap()
}
