//! Reading text coming back: pizhu's own reading text (from a REFI-QDA project it
//! exported) has one paragraph per line, but the reflow reads single line breaks as
//! wrapping and may join two such lines. Splitting the joined paragraphs at the text's
//! own line breaks keeps the reflow's structure (articles, titles, sections) and gives
//! back exactly the text the annotations' offsets count in.

use super::model::Document;
use super::outline::Outline;

/// `doc` (the reflow of `text`) with each paragraph that joined several lines of `text`
/// split into those lines; `None` when the pieces are not `text`'s lines in order (the
/// reflow changed more than line breaks), or the result would not lay out as `text`.
pub fn keep_lines(doc: &Document, text: &str) -> Option<Document> {
    let mut lines = text.split('\n').filter(|l| !l.is_empty());
    let mut take = |piece: &str| -> Option<Vec<String>> {
        let mut parts = Vec::new();
        let mut joined = String::new();
        while joined.len() < piece.len() {
            let line = lines.next()?;
            joined.push_str(line);
            parts.push(line.to_string());
        }
        (joined == piece).then_some(parts)
    };
    let mut out = doc.clone();
    for article in &mut out.articles {
        for line in [&article.title, &article.subtitle, &article.byline]
            .into_iter()
            .flatten()
        {
            (take(line)?.len() == 1).then_some(())?;
        }
        for section in &mut article.sections {
            if let Some(h) = &section.heading {
                (take(h)?.len() == 1).then_some(())?;
            }
            let mut paragraphs = Vec::with_capacity(section.paragraphs.len());
            let mut uncertain = Vec::new();
            for (i, p) in section.paragraphs.iter().enumerate() {
                for part in take(p)? {
                    if section.uncertain_paragraphs.contains(&i) {
                        uncertain.push(paragraphs.len());
                    }
                    paragraphs.push(part);
                }
            }
            section.paragraphs = paragraphs;
            section.uncertain_paragraphs = uncertain;
        }
        for line in &article.end_matter {
            (take(line)?.len() == 1).then_some(())?;
        }
    }
    (Outline::from_document(&out).text == text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Article, Section};

    fn doc(paragraphs: &[&str]) -> Document {
        Document {
            articles: vec![Article {
                title: Some("标题".into()),
                sections: vec![Section {
                    paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                    uncertain_paragraphs: vec![0],
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn joined_lines_are_split_back_and_the_text_comes_out_the_same() {
        let text = "标题\n第一段。\n第二段。\n第三段。";
        let kept = keep_lines(&doc(&["第一段。第二段。", "第三段。"]), text).unwrap();
        let section = &kept.articles[0].sections[0];
        assert_eq!(section.paragraphs, ["第一段。", "第二段。", "第三段。"]);
        assert_eq!(section.uncertain_paragraphs, [0, 1]);
        assert_eq!(Outline::from_document(&kept).text, text);
    }

    #[test]
    fn anything_but_joined_lines_is_refused() {
        let text = "标题\n第一段。\n第二段。";
        assert!(keep_lines(&doc(&["第一段。", "第二段。"]), text).is_some());
        assert!(keep_lines(&doc(&["第一段。 第二段。"]), text).is_none());
        assert!(
            keep_lines(&doc(&["第一段。"]), text).is_none(),
            "a line left out"
        );
        assert!(keep_lines(&doc(&["第一段。", "第二段。", "多"]), text).is_none());
    }
}
