//! How an outline is stored: articles, sections, headings, paragraphs and their flags as
//! code-point offsets into the reading text, which has its own column. No text is kept
//! twice: each `Located`'s text is cut from the reading text when the row is read.
//! (Schema v2 and earlier stored every paragraph's text in the JSON too; migration v3
//! strips it with [`strip_texts`].)

use serde_json::Value;

use crate::core::outline::{ArticleOutline, Located, Outline};

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
    parse(json, reading_text, Paragraphs::Filled)
}

/// [`from_json`] for search, which needs the titles and headings but finds everything
/// in the reading text: paragraphs keep their offsets and no copy of their text (half
/// the memory, and the corpus of 1,000 documents reads several times faster).
pub fn from_json_without_paragraph_texts(
    json: &str,
    reading_text: String,
) -> serde_json::Result<Outline> {
    parse(json, reading_text, Paragraphs::Empty)
}

#[derive(Clone, Copy, PartialEq)]
enum Paragraphs {
    Filled,
    Empty,
}

/// Parse straight into the outline (no JSON tree in between) and cut each located
/// part's text from the reading text by its offsets, walking the text once.
fn parse(json: &str, reading_text: String, paragraphs: Paragraphs) -> serde_json::Result<Outline> {
    let mut outline: Outline = serde_json::from_str(json)?;
    let mut cursor = CharCursor::new(&reading_text);
    for article in &mut outline.articles {
        let header = [
            &mut article.title,
            &mut article.subtitle,
            &mut article.byline,
        ];
        for part in header.into_iter().flatten() {
            cursor.fill(part);
        }
        for section in &mut article.sections {
            if let Some(heading) = &mut section.heading {
                cursor.fill(heading);
            }
            for p in &mut section.paragraphs {
                match paragraphs {
                    Paragraphs::Filled => cursor.fill(p),
                    Paragraphs::Empty => p.text = String::new(),
                }
            }
        }
        for part in &mut article.end_matter {
            cursor.fill(part);
        }
    }
    outline.text = reading_text;
    Ok(outline)
}

/// Turns code-point offsets into byte offsets, moving forward through the text (parts
/// come in reading order); an offset behind it starts again from the beginning, and one
/// past the end is the end (as the offsets of a damaged row may be).
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn byte_of(&mut self, char_offset: usize) -> usize {
        if char_offset < self.chars {
            (self.byte, self.chars) = (0, 0);
        }
        let rest = &self.text[self.byte..];
        let step = char_offset - self.chars;
        let advance = rest
            .char_indices()
            .nth(step)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        self.byte += advance;
        self.chars = if advance == rest.len() && step > 0 {
            self.chars + rest[..advance].chars().count()
        } else {
            char_offset
        };
        self.byte
    }

    /// Give `part` its text: the reading text from its start to its end.
    fn fill(&mut self, part: &mut Located) {
        let start = self.byte_of(part.start);
        let end = self.byte_of(part.end.max(part.start));
        part.text = self.text[start..end].to_string();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Outline {
        let ingested = crate::ingest::ingest_bytes(
            std::path::Path::new("sample.txt"),
            crate::session::SAMPLE_TEXT,
        )
        .unwrap();
        ingested.outline
    }

    #[test]
    fn a_stored_outline_reads_back_with_every_text() {
        let outline = sample();
        let json = to_json(&outline).unwrap();
        assert!(!json.contains(&outline.articles[0].sections[0].paragraphs[0].text));
        assert_eq!(from_json(&json, outline.text.clone()).unwrap(), outline);
    }

    #[test]
    fn the_search_reading_keeps_titles_and_headings_and_paragraph_offsets() {
        let outline = sample();
        let json = to_json(&outline).unwrap();
        let lean = from_json_without_paragraph_texts(&json, outline.text.clone()).unwrap();
        let mut expected = outline.clone();
        for a in &mut expected.articles {
            for s in &mut a.sections {
                for p in &mut s.paragraphs {
                    p.text.clear();
                }
            }
        }
        assert_eq!(lean, expected);
        assert!(expected.articles.iter().any(|a| a.title.is_some()));
    }

    #[test]
    fn offsets_out_of_order_or_past_the_end_cut_what_is_there() {
        let json = r#"{"text":"","articles":[{"title":{"start":4,"end":6},
            "subtitle":{"start":0,"end":2},"byline":{"start":5,"end":99},
            "continued_from_page":null,"continued_marker":null,"sections":[],
            "end_matter":[{"start":3,"end":1}]}]}"#;
        let outline = from_json(json, "一二三四五六".into()).unwrap();
        let a = &outline.articles[0];
        assert_eq!(a.title.as_ref().unwrap().text, "五六");
        assert_eq!(a.subtitle.as_ref().unwrap().text, "一二");
        assert_eq!(a.byline.as_ref().unwrap().text, "六");
        assert_eq!(a.end_matter[0].text, "");
    }
}
