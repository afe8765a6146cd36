//! Assembling page elements into articles.
//!
//! Two page layouts exist. Title-first: title (subtitle, byline), then the body. Title-
//! after, common on inner pages: the body runs first (opened by a continuation marker
//! or a byline) and its title is printed below it. The first element decides: a page
//! that opens with a heading-like block is title-first.

use super::blocks::Elem;
use super::markers::Direction;
use super::paragraphs::{join_lines, paragraphs, Layout};
use crate::core::model::{Article, Document, Section};

use super::lines::Line;

#[derive(Default)]
struct Current {
    article: Article,
    /// Body lines not yet grouped into paragraphs.
    body: Vec<Line>,
}

impl Current {
    fn has_body(&self) -> bool {
        !self.body.is_empty() || self.article.sections.iter().any(|s| !s.paragraphs.is_empty())
    }

    fn is_empty(&self) -> bool {
        let a = &self.article;
        !self.has_body()
            && a.title.is_none()
            && a.subtitle.is_none()
            && a.byline.is_none()
            && a.continued_marker.is_none()
            && a.end_matter.is_empty()
            && a.sections.iter().all(|s| s.heading.is_none())
    }

    fn flush_body(&mut self, layout: Layout) {
        if self.body.is_empty() {
            return;
        }
        let paras = paragraphs(&self.body, layout);
        self.body.clear();
        if self.article.sections.is_empty() {
            self.article.sections.push(Section::default());
        }
        if let Some(section) = self.article.sections.last_mut() {
            section.paragraphs.extend(paras);
        }
    }

    fn start_section(&mut self, heading: String, layout: Layout) {
        self.flush_body(layout);
        match self.article.sections.last_mut() {
            Some(s) if s.heading.is_none() && s.paragraphs.is_empty() => s.heading = Some(heading),
            _ => self.article.sections.push(Section { heading: Some(heading), paragraphs: Vec::new() }),
        }
    }

    /// Finish this article into `doc` (if it holds anything) and start a new one.
    fn close(&mut self, doc: &mut Document, layout: Layout) {
        self.flush_body(layout);
        let done = std::mem::take(self);
        if !done.is_empty() {
            let mut article = done.article;
            article.sections.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
            doc.articles.push(article);
        }
    }
}

fn heading_text(title: &str, subtitle: &Option<String>) -> String {
    match subtitle {
        Some(s) => join_lines(&[title, s]),
        None => title.to_string(),
    }
}

pub fn assemble(elems: Vec<Elem>, layout: Layout) -> Document {
    let title_first = matches!(elems.first(), Some(Elem::Heading { .. }));
    let mut doc = Document::default();
    let mut cur = Current::default();
    for i in 0..elems.len() {
        let prev_closes = matches!(
            i.checked_sub(1).map(|p| &elems[p]),
            Some(Elem::EndMatter(_)) | Some(Elem::Marker(super::markers::Marker { direction: Direction::To, .. }))
        );
        match &elems[i] {
            Elem::Marker(m) if m.direction == Direction::From => {
                let started = cur.has_body() || cur.article.continued_marker.is_some() || (!title_first && cur.article.title.is_some());
                if started {
                    cur.close(&mut doc, layout);
                }
                cur.article.continued_from_page = m.page;
                cur.article.continued_marker = Some(m.printed.clone());
            }
            Elem::Marker(m) => {
                cur.flush_body(layout);
                cur.article.end_matter.push(m.printed.clone());
            }
            Elem::Byline(text) => {
                if cur.has_body() || cur.article.byline.is_some() {
                    cur.close(&mut doc, layout);
                }
                cur.article.byline = Some(text.clone());
            }
            Elem::EndMatter(text) => {
                cur.flush_body(layout);
                cur.article.end_matter.push(text.clone());
            }
            Elem::Heading { title, subtitle, strong, numbered } => {
                if title_first {
                    let next_starts_article = matches!(
                        elems.get(i + 1),
                        Some(Elem::Byline(_)) | Some(Elem::Heading { numbered: false, .. })
                    ) || matches!(elems.get(i + 1), Some(Elem::Marker(m)) if m.direction == Direction::From);
                    if *numbered {
                        cur.start_section(heading_text(title, subtitle), layout);
                    } else if !cur.has_body() && cur.article.title.is_none() {
                        cur.article.title = Some(title.clone());
                        cur.article.subtitle = subtitle.clone();
                    } else if !cur.has_body() && cur.article.subtitle.is_none() && cur.article.sections.is_empty() {
                        cur.article.subtitle = Some(heading_text(title, subtitle));
                    } else if cur.has_body() && (prev_closes || next_starts_article || subtitle.is_some()) {
                        cur.close(&mut doc, layout);
                        cur.article.title = Some(title.clone());
                        cur.article.subtitle = subtitle.clone();
                    } else {
                        cur.start_section(heading_text(title, subtitle), layout);
                    }
                } else if !numbered && (*strong || prev_closes) {
                    cur.flush_body(layout);
                    cur.article.title = Some(title.clone());
                    cur.article.subtitle = subtitle.clone();
                    cur.close(&mut doc, layout);
                } else {
                    cur.start_section(heading_text(title, subtitle), layout);
                }
            }
            Elem::Body(line) => cur.body.push(line.clone()),
        }
    }
    cur.close(&mut doc, layout);
    doc
}
