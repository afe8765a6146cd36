//! Small documents built from the model, for the store tests (no reflow involved).
#![allow(dead_code)]

use pizhu::core::model::{Article, Document, Section};
use pizhu::core::outline::Outline;
use pizhu::ingest::{Decoded, Ingested};
use pizhu::store::NewAnnotation;

pub fn page(title: Option<&str>, paragraphs: &[&str]) -> Document {
    Document {
        articles: vec![Article {
            title: title.map(str::to_string),
            sections: vec![Section {
                heading: None,
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// An ingested file whose "source" is its reading text (enough for dedup and re-anchoring).
pub fn ingested(doc: Document, reflow_version: u32) -> Ingested {
    let outline = Outline::from_document(&doc);
    Ingested {
        decoded: Decoded {
            text: outline.text.clone(),
            encoding: "UTF-8",
        },
        document: doc,
        outline,
        reflow_version,
    }
}

pub const OLD: &[&str] = &[
    "第一段说的是春耕时节的田间景象。",
    "第二段讲全县今年计划播种一百二十万亩粮食作物。",
];
pub const QUOTE: &str = "一百二十万亩粮食作物";

pub fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .chars()
        .count()
}

pub fn highlight(doc: i64, text: &str, needle: &str) -> NewAnnotation {
    let start = char_offset(text, needle);
    NewAnnotation {
        document_id: doc,
        start,
        end: start + needle.chars().count(),
        color: 4,
        note: String::new(),
        tags: vec![],
    }
}
