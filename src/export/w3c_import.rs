//! Reading W3C Web Annotation JSON back: an `AnnotationCollection` with embedded
//! pages, a bare `AnnotationPage`, a single `Annotation`, or an array of annotations.
//!
//! Parsing is all-or-nothing: the first problem is returned with the annotation's
//! position and id, so the caller can refuse the whole file before writing anything.

use std::collections::HashSet;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::w3c::{ID_PREFIX, SOURCE_PREFIX, STYLE_CLASS_PREFIX};
use crate::core::annotation::COLOR_COUNT;

/// One annotation as the file describes it, before it is matched to a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedAnnotation {
    /// Lower-case hyphenated UUID: from a `urn:uuid:` id, or derived from any other id
    /// (the same id always gives the same UUID, so a second import finds it again).
    pub id: String,
    /// The id exactly as written in the file, for messages.
    pub original_id: String,
    /// SHA-256 hex of the document's text, from `target.source` (`urn:sha256:<hex>`).
    pub content_hash: String,
    /// From the `TextPositionSelector`, when there is one.
    pub position: Option<(usize, usize)>,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub color: u8,
    pub note: String,
    pub tags: Vec<String>,
    /// RFC 3339, as written in the file.
    pub created: Option<String>,
    pub modified: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// serde_json's message names the line and column. Not a `#[source]`: the
    /// message already carries it, and error chains would print it twice.
    #[error("not valid JSON: {0}")]
    Json(serde_json::Error),
    #[error("not W3C Web Annotation JSON: {0}")]
    Shape(String),
    #[error("annotation {index} ({id}) {problem}")]
    Annotation {
        index: usize,
        id: String,
        problem: String,
    },
}

/// Parses a whole file. `color_names` maps colour bodies from other tools by name.
pub fn parse(json: &str, color_names: &[String]) -> Result<Vec<ImportedAnnotation>, ImportError> {
    // A byte-order mark (as some Windows editors write) is not JSON; drop it.
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let root: Value = serde_json::from_str(json).map_err(ImportError::Json)?;
    let items = annotation_values(&root)?;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let index = i + 1;
        let fail = |id: &str, problem: String| ImportError::Annotation {
            index,
            id: id.to_string(),
            problem,
        };
        let Value::Object(obj) = item else {
            return Err(fail(
                "no id",
                format!(
                    "is {} rather than an embedded annotation object",
                    kind_of(item)
                ),
            ));
        };
        let record =
            annotation(obj, color_names).map_err(|problem| fail(&display_id(obj), problem))?;
        if !seen.insert(record.id.clone()) {
            return Err(fail(
                &record.original_id,
                "repeats an id that appears earlier in the file".into(),
            ));
        }
        out.push(record);
    }
    Ok(out)
}

/// Whether the file's `modified` is later than the stored one. A file without a
/// time, or with one we cannot compare, never overwrites what the user has.
pub fn is_newer(file_modified: Option<&str>, stored_modified: &str) -> bool {
    let parse = |s: &str| OffsetDateTime::parse(s, &Rfc3339).ok();
    match (file_modified.and_then(parse), parse(stored_modified)) {
        (Some(file), Some(stored)) => file > stored,
        _ => false,
    }
}

/// `time`, or `now` when `time` is later: a file cannot date an annotation in the future
/// (it would then win every later merge). A time that does not parse is left as it is.
pub fn clamp_to_now(time: &str, now: &str) -> String {
    let parse = |s: &str| OffsetDateTime::parse(s, &Rfc3339).ok();
    match (parse(time), parse(now)) {
        (Some(t), Some(n)) if t > n => now.to_string(),
        _ => time.to_string(),
    }
}

/// The annotation objects (or whatever stands in their place) of any accepted shape.
fn annotation_values(root: &Value) -> Result<Vec<&Value>, ImportError> {
    let shape = |m: String| ImportError::Shape(m);
    match root {
        Value::Array(items) => Ok(items.iter().collect()),
        Value::Object(obj) if has_type(obj, "Annotation") => Ok(vec![root]),
        Value::Object(obj) if has_type(obj, "AnnotationPage") => page_items(obj).map_err(shape),
        Value::Object(obj) if has_type(obj, "AnnotationCollection") => {
            let mut items = Vec::new();
            let mut page = obj.get("first");
            let mut pages = 0;
            while let Some(p) = page {
                pages += 1;
                let Value::Object(p) = p else {
                    return Err(shape(format!(
                        "page {pages} of the collection is a link ({p}), not embedded; only files with embedded pages can be imported"
                    )));
                };
                items.extend(page_items(p).map_err(shape)?);
                page = p.get("next");
            }
            Ok(items)
        }
        Value::Object(_) => Err(shape(
            "the top level has no type Annotation, AnnotationPage or AnnotationCollection".into(),
        )),
        other => Err(shape(format!(
            "the top level is {}, not an object or array",
            kind_of(other)
        ))),
    }
}

fn page_items(page: &Map<String, Value>) -> Result<Vec<&Value>, String> {
    match page.get("items") {
        Some(Value::Array(items)) => Ok(items.iter().collect()),
        Some(other) => Err(format!(
            "an AnnotationPage's items is {}, not an array",
            kind_of(other)
        )),
        None => Err("an AnnotationPage has no items".into()),
    }
}

fn annotation(
    obj: &Map<String, Value>,
    color_names: &[String],
) -> Result<ImportedAnnotation, String> {
    if !has_type(obj, "Annotation") {
        return Err("is not of type Annotation".into());
    }
    let original_id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        _ => return Err("has no id".into()),
    };
    let created = time_field(obj, "created")?;
    let modified = time_field(obj, "modified")?;
    let target = single_target(obj)?;
    let content_hash = document_hash(target)?;
    let selectors = one_or_many(target.get("selector"));
    let quote = selectors
        .iter()
        .filter_map(|s| s.as_object())
        .find(|s| has_type(s, "TextQuoteSelector"))
        .ok_or("has no TextQuoteSelector")?;
    let text = |key: &str| -> Result<String, String> {
        match quote.get(key) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(format!(
                "has a TextQuoteSelector whose {key} is {}, not a string",
                kind_of(other)
            )),
        }
    };
    let exact = text("exact")?;
    if exact.is_empty() {
        return Err("has a TextQuoteSelector with an empty exact quote".into());
    }
    let position = match selectors
        .iter()
        .filter_map(|s| s.as_object())
        .find(|s| has_type(s, "TextPositionSelector"))
    {
        None => None,
        Some(p) => match (
            p.get("start").and_then(Value::as_u64),
            p.get("end").and_then(Value::as_u64),
        ) {
            (Some(s), Some(e)) if s <= e => Some((s as usize, e as usize)),
            _ => return Err("has a TextPositionSelector without whole-number start ≤ end".into()),
        },
    };
    let bodies = Bodies::read(obj, color_names)?;
    let color = color_of_style(target).or(bodies.color).unwrap_or(1);
    Ok(ImportedAnnotation {
        id: uuid_for(&original_id),
        original_id,
        content_hash,
        position,
        quote: exact,
        prefix: text("prefix")?,
        suffix: text("suffix")?,
        color,
        note: bodies.notes.join("\n\n"),
        tags: crate::core::annotation::clean_tags(&bodies.tags)
            .map_err(|e| format!("has tags pizhu cannot keep: {e}"))?,
        created,
        modified,
    })
}

fn single_target(obj: &Map<String, Value>) -> Result<&Map<String, Value>, String> {
    let targets = one_or_many(obj.get("target"));
    match targets.as_slice() {
        [] => Err("has no target".into()),
        [Value::Object(t)] => Ok(t),
        [Value::String(link)] => Err(format!(
            "has a bare link as target ({link}) with no TextQuoteSelector"
        )),
        [other] => Err(format!("has a target that is {}", kind_of(other))),
        many => Err(format!(
            "has {} targets; pizhu annotations point into exactly one document",
            many.len()
        )),
    }
}

fn document_hash(target: &Map<String, Value>) -> Result<String, String> {
    let source = match target.get("source") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or_default(),
        _ => return Err("has a target without a source".into()),
    };
    let hash = source
        .strip_prefix(SOURCE_PREFIX)
        .unwrap_or_default()
        .to_ascii_lowercase();
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash)
    } else {
        Err(format!(
            "has target source {source:?}, which does not name a document by its text (expected {SOURCE_PREFIX}<64 hex digits>)"
        ))
    }
}

fn time_field(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if OffsetDateTime::parse(s, &Rfc3339).is_ok() => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "has {key} {other}, which is not an RFC 3339 date-time"
        )),
    }
}

/// What the bodies say: note text, tags, colour.
struct Bodies {
    notes: Vec<String>,
    tags: Vec<String>,
    color: Option<u8>,
}

impl Bodies {
    fn read(obj: &Map<String, Value>, color_names: &[String]) -> Result<Bodies, String> {
        let mut b = Bodies {
            notes: vec![],
            tags: vec![],
            color: None,
        };
        if let Some(Value::String(v)) = obj.get("bodyValue") {
            b.notes.push(v.clone());
        }
        for body in one_or_many(obj.get("body")) {
            // Links to external bodies carry nothing pizhu can keep.
            let Value::Object(body) = body else { continue };
            let Some(value) = body.get("value") else {
                continue;
            };
            let Value::String(value) = value else {
                return Err(format!(
                    "has a body whose value is {}, not a string",
                    kind_of(value)
                ));
            };
            let purposes: Vec<&str> = one_or_many(body.get("purpose"))
                .iter()
                .filter_map(|p| p.as_str())
                .collect();
            if purposes.contains(&"classifying") {
                // Another tool's classification may use pizhu's codebook names.
                let named = color_names.iter().position(|n| n == value);
                b.color = b
                    .color
                    .or_else(|| named.and_then(|i| u8::try_from(i + 1).ok()));
            } else if purposes.contains(&"tagging") {
                // Checked, deduplicated and capped once all bodies are read; blank ones
                // carry nothing and are skipped.
                if !value.trim().is_empty() {
                    b.tags.push(value.clone());
                }
            } else {
                b.notes.push(value.clone());
            }
        }
        Ok(b)
    }
}

/// The colour number from the target's `styleClass` (`pizhu-color-N`).
fn color_of_style(target: &Map<String, Value>) -> Option<u8> {
    one_or_many(target.get("styleClass"))
        .iter()
        .filter_map(|c| {
            c.as_str()?
                .strip_prefix(STYLE_CLASS_PREFIX)?
                .parse::<u8>()
                .ok()
        })
        .find(|n| (1..=COLOR_COUNT).contains(n))
}

/// `urn:uuid:X` gives X; any other id a UUID derived from its SHA-256 (version 8,
/// "custom"), so re-importing a file from another tool finds the same annotations.
fn uuid_for(id: &str) -> String {
    if let Some(u) = id
        .strip_prefix(ID_PREFIX)
        .and_then(|u| uuid::Uuid::parse_str(u).ok())
    {
        return u.as_hyphenated().to_string();
    }
    let digest = Sha256::digest(id.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .as_hyphenated()
        .to_string()
}

fn has_type(obj: &Map<String, Value>, wanted: &str) -> bool {
    one_or_many(obj.get("type"))
        .iter()
        .any(|t| t.as_str() == Some(wanted))
}

fn one_or_many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    }
}

fn display_id(obj: &Map<String, Value>) -> String {
    obj.get("id")
        .and_then(Value::as_str)
        .unwrap_or("no id")
        .to_string()
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
#[path = "w3c_import_tests.rs"]
mod tests;
