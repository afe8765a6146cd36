//! A byline an extractor printed inside its article's body goes back to the article.

use crate::core::model::{Article, Document};

/// On a titles-first page, an article with a byline but no title, right after an
/// article with a title and a body but no byline (and nothing closing it: no end matter,
/// no 下转 marker), is that article's body going on: pdftotext, reading a long article's
/// columns, may print its byline after the first column's head and paragraph
/// (`大山里的“摆渡人”` / `一、“只要有一个孩子，我就不走”` / `1999年，…` / `本报记者 龙 海` /
/// `清晨6点半，…`). A byline opens an article only under a title, and a titled article
/// has its byline; read apart, the first article keeps a paragraph and the rest of its
/// body goes untitled. The byline joins the article above, and its body runs on: the
/// first section, with no head of its own, goes on in the article's last section.
pub(super) fn displaced_bylines_rejoin_their_articles(doc: &mut Document) {
    let articles = std::mem::take(&mut doc.articles);
    for here in articles {
        let displaced = doc.articles.last().is_some_and(|above| {
            here.title.is_none()
                && here.subtitle.is_none()
                && here.byline.is_some()
                && here.continued_marker.is_none()
                && here.has_body()
                && above.title.is_some()
                && above.byline.is_none()
                && above.has_body()
                && above.end_matter.is_empty()
        });
        match doc.articles.last_mut() {
            Some(above) if displaced => rejoin(above, here),
            _ => doc.articles.push(here),
        }
    }
}

/// The byline, body and end matter of `here` go on in `above`.
fn rejoin(above: &mut Article, here: Article) {
    above.byline = here.byline;
    above.uncertain = true;
    let mut sections = here.sections.into_iter();
    if let Some(first) = sections.next() {
        match above.sections.last_mut() {
            Some(last) if first.heading.is_none() => {
                // The break where the byline stood is a guess: the reader is pointed at it.
                let offset = last.paragraphs.len();
                last.paragraphs.extend(first.paragraphs);
                last.uncertain_paragraphs.push(offset);
                let later = first.uncertain_paragraphs.iter().filter(|&&p| p > 0);
                last.uncertain_paragraphs.extend(later.map(|p| p + offset));
            }
            _ => above.sections.push(first),
        }
    }
    above.sections.extend(sections);
    above.end_matter.extend(here.end_matter);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Section;

    fn section(heading: Option<&str>, paragraphs: &[&str]) -> Section {
        Section {
            heading: heading.map(str::to_string),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Section::default()
        }
    }

    #[test]
    fn a_byline_printed_inside_its_articles_body_rejoins_the_article() {
        let mut doc = Document {
            articles: vec![
                Article {
                    title: Some("大山里的“摆渡人”".into()),
                    sections: vec![section(Some("一、只要有一个孩子"), &["1999年，她来了。"])],
                    ..Article::default()
                },
                Article {
                    byline: Some("本报记者 龙 海".into()),
                    sections: vec![
                        section(None, &["清晨6点半，她已经站在了学校门口。"]),
                        section(Some("二、一本本家访笔记"), &["抽屉里有笔记。"]),
                    ],
                    ..Article::default()
                },
            ],
            ..Document::default()
        };
        displaced_bylines_rejoin_their_articles(&mut doc);
        assert_eq!(doc.articles.len(), 1);
        let a = &doc.articles[0];
        assert_eq!(a.byline.as_deref(), Some("本报记者 龙 海"));
        assert_eq!(a.sections.len(), 2);
        assert_eq!(
            a.sections[0].paragraphs,
            ["1999年，她来了。", "清晨6点半，她已经站在了学校门口。"]
        );
        assert_eq!(a.sections[0].uncertain_paragraphs, [1]);
        assert!(a.uncertain);
    }

    #[test]
    fn an_article_with_its_own_byline_or_closed_keeps_the_next_apart() {
        for above in [
            Article {
                byline: Some("本报记者 王磊".into()),
                ..Article::default()
            },
            Article {
                end_matter: vec!["（新华社北京7月5日电）".into()],
                ..Article::default()
            },
        ] {
            let mut doc = Document {
                articles: vec![
                    Article {
                        title: Some("标题".into()),
                        sections: vec![section(None, &["正文。"])],
                        ..above
                    },
                    Article {
                        byline: Some("本报记者 龙 海".into()),
                        sections: vec![section(None, &["清晨6点半。"])],
                        ..Article::default()
                    },
                ],
                ..Document::default()
            };
            displaced_bylines_rejoin_their_articles(&mut doc);
            assert_eq!(doc.articles.len(), 2);
        }
    }
}
