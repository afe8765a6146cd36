//! How an outline is stored: articles, sections, headings, paragraphs and their flags as
//! code-point offsets into the reading text, which has its own column. No text is kept
//! twice: each `Located`'s text is cut from the reading text when the row is read.
//! (Schema v2 and earlier stored every paragraph's text in the JSON too; migration v3
//! strips it with [`strip_texts`].)

use serde_json::Value;

use crate::core::outline::{ArticleOutline, Outline};

/// The outline as stored: its `text` empty, its located parts without their text.
pub fn to_json(outline: &Outline) -> serde_json::Result<String> {
    #[derive(serde::Serialize)]
    struct ArticlesOnly<'a> {
        text: &'a str,
        articles: &'a [ArticleOutline],
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        page_furniture: &'a [String],
    }
    let mut value = serde_json::to_value(ArticlesOnly {
        text: "",
        articles: &outline.articles,
        page_furniture: &outline.page_furniture,
    })?;
    strip_texts(&mut value);
    serde_json::to_string(&value)
}

/// The outline stored as `json` over `reading_text` (which becomes its `text`).
pub fn from_json(json: &str, reading_text: String) -> serde_json::Result<Outline> {
    let mut value: Value = serde_json::from_str(json)?;
    let chars: Vec<char> = reading_text.chars().collect();
    fill_texts(&mut value, &chars);
    let mut outline: Outline = serde_json::from_value(value)?;
    outline.text = reading_text;
    Ok(outline)
}

/// Is this JSON object a located part of the outline (it has offsets)?
fn is_located(map: &serde_json::Map<String, Value>) -> bool {
    map.contains_key("start") && map.contains_key("end")
}

/// Remove the text of every located part (objects with `start` and `end`).
pub fn strip_texts(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if is_located(map) {
                map.remove("text");
            }
            map.values_mut().for_each(strip_texts);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_texts),
        _ => {}
    }
}

/// Give every located part its text, cut from the reading text by its offsets.
fn fill_texts(value: &mut Value, chars: &[char]) {
    match value {
        Value::Object(map) => {
            if is_located(map) {
                let at = |key: &str| map[key].as_u64().unwrap_or(0) as usize;
                let end = at("end").min(chars.len());
                let start = at("start").min(end);
                let text: String = chars[start..end].iter().collect();
                map.insert("text".into(), Value::String(text));
            }
            map.values_mut().for_each(|v| fill_texts(v, chars));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| fill_texts(v, chars)),
        _ => {}
    }
}
