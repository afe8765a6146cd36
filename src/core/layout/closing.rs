//! What closes an article on a page: a title set under its body (inner pages), and the
//! closing notes and 下转 markers after its last paragraph, which are its end matter.

use crate::core::charclass::ends_sentence;
use crate::core::model::Article;
use crate::core::reflow::markers::{is_end_matter, leading_marker, trailing_marker};

/// A title with no body after it, right after a body with no title, is that body's
/// title printed below it (inner pages often set titles under their articles).
pub(super) fn titles_below(articles: Vec<Article>) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    for a in articles {
        let bare = a.title.is_some() && a.sections.is_empty() && a.end_matter.is_empty();
        match out.last_mut() {
            Some(prev) if bare && prev.title.is_none() && !prev.sections.is_empty() => {
                prev.title = a.title;
                prev.subtitle = prev.subtitle.take().or(a.subtitle);
                prev.byline = prev.byline.take().or(a.byline);
            }
            _ => out.push(a),
        }
    }
    out
}

/// Move closing notes and 下转 markers from the end of the last section to end matter.
pub(super) fn end_matter(article: &mut Article) {
    let Some(section) = article.sections.last_mut() else {
        return;
    };
    let mut tail = Vec::new();
    while let Some(last) = section.paragraphs.last() {
        if is_end_matter(last) || is_marker_line(last) {
            tail.push(section.paragraphs.pop().expect("checked"));
            continue;
        }
        if let Some((before, note)) = trailing_note(last) {
            // A closing note run on after the last line because that line was full.
            let (before, note) = (before.to_string(), note.to_string());
            tail.push(note);
            *section.paragraphs.last_mut().expect("checked") = before;
            break;
        }
        if let Some((before, marker)) = trailing_marker(last) {
            let before = before.to_string();
            tail.push(marker.printed);
            *section.paragraphs.last_mut().expect("checked") = before;
        }
        break;
    }
    let kept = section.paragraphs.len();
    section.uncertain_paragraphs.retain(|&i| i < kept);
    if section.paragraphs.is_empty() && section.heading.is_none() {
        article.sections.pop();
    }
    tail.reverse();
    article.end_matter.splice(0..0, tail);
}

/// `…焕发出新的光彩。（作者为中国艺术研究院研究员）`: a paragraph that ends a sentence and
/// then a closing note (bracketed, or a photo caption `图为…摄`), split before the note.
pub(super) fn trailing_note(text: &str) -> Option<(&str, &str)> {
    // Where a closing note may open: its bracket, or a photo caption's 图为 (the caption
    // itself may hold brackets: `图为杨秀英（中）…`).
    [text.rfind('（'), text.rfind("图为")]
        .into_iter()
        .flatten()
        .map(|open| text.split_at(open))
        .find(|(before, note)| ends_sentence(before) && is_end_matter(note))
}

/// A line that is nothing but a continuation marker: `（下转第八版）`.
fn is_marker_line(text: &str) -> bool {
    leading_marker(text).is_some_and(|(_, rest)| rest.is_empty())
}
