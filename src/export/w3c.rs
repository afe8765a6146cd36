//! W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): one
//! `AnnotationCollection` whose embedded first `AnnotationPage` holds every annotation.
//!
//! Each annotation's bodies are the note (`purpose: commenting`), one `TextualBody` per
//! tag (`purpose: tagging`) and the colour's meaning (`purpose: classifying`, its
//! codebook name as value). The colour itself is how the target is drawn, so it is the
//! target's `styleClass` (`pizhu-color-N`) with an annotation-level CSS `stylesheet`;
//! pizhu reads the number back from there. (An `id` on the classifying body would be
//! the obvious place, but the W3C tests then take the body for an external resource,
//! which may not have a purpose.) The target's source is `urn:sha256:<content hash>`,
//! which names the document independently of where its file lives, and its selectors
//! are a `TextQuoteSelector` and a `TextPositionSelector` in Unicode code points of the
//! reading text.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{color_name, placed, ExportDocument};
use crate::core::colors::{hex, highlight_color};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Prefix of a target source naming a document by the SHA-256 of its text.
pub const SOURCE_PREFIX: &str = "urn:sha256:";
/// Prefix of the target's `styleClass`; the colour number (1-based) follows.
pub const STYLE_CLASS_PREFIX: &str = "pizhu-color-";
pub const ID_PREFIX: &str = "urn:uuid:";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation<'a>>,
}

#[derive(Serialize)]
struct WebAnnotation<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    created: &'a str,
    modified: &'a str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
    stylesheet: Stylesheet,
}

#[derive(Serialize)]
struct Stylesheet {
    #[serde(rename = "type")]
    kind: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    purpose: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: Source,
    selector: [Selector<'a>; 2],
    #[serde(rename = "styleClass")]
    style_class: String,
}

/// The document: its content hash, described (as text, with its citation) when its
/// source is known.
#[derive(Serialize, Clone)]
#[serde(untagged)]
enum Source {
    Id(String),
    Described {
        id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        format: &'static str,
        language: &'static str,
        /// `《人民日报》2025年1月2日 第5版`.
        label: String,
    },
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// Renders every document's annotations as one pretty-printed JSON-LD collection.
pub fn render(docs: &[ExportDocument], color_names: &[String]) -> String {
    let mut items = Vec::new();
    for doc in docs {
        let id = format!("{SOURCE_PREFIX}{}", doc.content_hash);
        let source = match doc.citation() {
            Some(label) => Source::Described {
                id,
                kind: "Text",
                format: "text/plain",
                language: "zh",
                label,
            },
            None => Source::Id(id),
        };
        for p in placed(doc) {
            items.push(annotation(p.annotation, &source, color_names));
        }
    }
    let id = collection_id(docs);
    let collection = Collection {
        context: CONTEXT,
        id: id.clone(),
        kind: "AnnotationCollection",
        label: "pizhu 批注",
        total: items.len(),
        first: Page {
            id: format!("{id}:page:1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = serde_json::to_string_pretty(&collection).unwrap_or_else(|e| {
        // Plain structs of strings and numbers always serialise; keep the signature simple.
        unreachable!("serialising annotations failed: {e}")
    });
    out.push('\n');
    out
}

fn annotation<'a>(
    a: &'a crate::core::annotation::Annotation,
    source: &Source,
    color_names: &[String],
) -> WebAnnotation<'a> {
    let mut body = Vec::with_capacity(a.tags.len() + 2);
    if !a.note.is_empty() {
        body.push(Body {
            kind: "TextualBody",
            value: a.note.as_str().into(),
            format: Some("text/plain"),
            purpose: "commenting",
        });
    }
    for tag in &a.tags {
        body.push(Body {
            kind: "TextualBody",
            value: tag.as_str().into(),
            format: None,
            purpose: "tagging",
        });
    }
    body.push(Body {
        kind: "TextualBody",
        value: color_name(color_names, a.color).into(),
        format: None,
        purpose: "classifying",
    });
    // The annotation's main intent; each body's purpose says the rest.
    let motivation = if !a.note.is_empty() {
        "commenting"
    } else if !a.tags.is_empty() {
        "tagging"
    } else {
        "highlighting"
    };
    WebAnnotation {
        context: CONTEXT,
        id: format!("{ID_PREFIX}{}", a.id),
        kind: "Annotation",
        created: &a.created,
        modified: &a.modified,
        motivation,
        body,
        target: Target {
            source: source.clone(),
            selector: [
                Selector::TextQuoteSelector {
                    exact: &a.quote,
                    prefix: &a.prefix,
                    suffix: &a.suffix,
                },
                Selector::TextPositionSelector {
                    start: a.start,
                    end: a.end,
                },
            ],
            style_class: format!("{STYLE_CLASS_PREFIX}{}", a.color),
        },
        stylesheet: Stylesheet {
            kind: "CssStylesheet",
            value: css_rule(a.color),
        },
    }
}

/// The colour's highlight as the window draws it on a light page, so other tools draw
/// pizhu's colours recognisably.
fn css_rule(color: u8) -> String {
    let background = hex(highlight_color(color).highlight);
    format!(".{STYLE_CLASS_PREFIX}{color} {{ background-color: {background}; }}")
}

/// A collection id that depends only on what is exported, so exporting the same
/// annotations twice gives byte-identical files.
fn collection_id(docs: &[ExportDocument]) -> String {
    let mut hash = Sha256::new();
    for doc in docs {
        hash.update(doc.content_hash.as_bytes());
        // Reading order, not the caller's order: the same annotations give the same id.
        for p in placed(doc) {
            hash.update([0]);
            hash.update(p.annotation.id.as_bytes());
            hash.update(p.annotation.modified.as_bytes());
        }
        hash.update([1]);
    }
    let hex: String = hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("urn:pizhu:export:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    #[test]
    fn snapshot() {
        let f = Fixture::new();
        insta::assert_snapshot!(render(&[f.document()], &f.color_names));
    }

    #[test]
    fn every_annotation_names_its_document_by_hash() {
        let f = Fixture::new();
        let json: serde_json::Value =
            serde_json::from_str(&render(&[f.document()], &f.color_names)).unwrap();
        let items = json["first"]["items"].as_array().unwrap();
        assert_eq!(json["total"], items.len());
        assert_eq!(items.len(), f.annotations.len());
        for item in items {
            let source = &item["target"]["source"];
            assert_eq!(
                source["id"],
                format!("urn:sha256:{}", f.document().content_hash)
            );
            assert_eq!(source["label"], "《内蒙古日报》2024年7月6日 第3版");
            assert!(item["id"].as_str().unwrap().starts_with("urn:uuid:"));
        }
        // Without a known source the target names the document by its hash alone.
        let bare = ExportDocument {
            source: None,
            ..f.document()
        };
        let json: serde_json::Value =
            serde_json::from_str(&render(&[bare], &f.color_names)).unwrap();
        assert_eq!(
            json["first"]["items"][0]["target"]["source"],
            format!("urn:sha256:{}", f.document().content_hash)
        );
    }

    #[test]
    fn collection_id_is_deterministic_and_content_dependent() {
        let f = Fixture::new();
        let doc = f.document();
        assert_eq!(collection_id(&[doc]), collection_id(&[doc]));
        let fewer = ExportDocument {
            annotations: &f.annotations[1..],
            ..doc
        };
        assert_ne!(collection_id(&[doc]), collection_id(&[fewer]));
        let mut shuffled = f.annotations.clone();
        shuffled.reverse();
        let reordered = ExportDocument {
            annotations: &shuffled,
            ..doc
        };
        assert_eq!(collection_id(&[doc]), collection_id(&[reordered]));
    }
}
