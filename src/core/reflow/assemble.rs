//! Assembling page elements into articles.
//!
//! Two page layouts exist. Title-first: title (subtitle, byline), then the body. Title-
//! after, common on inner pages: the body runs first (opened by a continuation marker
//! or a byline) and its title is printed below it. A page that opens with a heading-like
//! block and does not end with one is title-first.

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
        !self.body.is_empty()
            || self
                .article
                .sections
                .iter()
                .any(|s| !s.paragraphs.is_empty())
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
            _ => self.article.sections.push(Section {
                heading: Some(heading),
                paragraphs: Vec::new(),
            }),
        }
    }

    /// Finish this article into `doc` (if it holds anything) and start a new one.
    fn close(&mut self, doc: &mut Document, layout: Layout) {
        self.flush_body(layout);
        let done = std::mem::take(self);
        if !done.is_empty() {
            let mut article = done.article;
            article
                .sections
                .retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
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

/// What an element is, without its payload: for looking around while consuming.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    MarkerFrom,
    MarkerTo,
    Byline,
    EndMatter,
    Heading { numbered: bool },
    Body,
}

fn kind(elem: &Elem) -> Kind {
    match elem {
        Elem::Marker(m) if m.direction == Direction::From => Kind::MarkerFrom,
        Elem::Marker(_) => Kind::MarkerTo,
        Elem::Byline(_) => Kind::Byline,
        Elem::EndMatter(_) => Kind::EndMatter,
        Elem::Heading { numbered, .. } => Kind::Heading {
            numbered: *numbered,
        },
        Elem::Body(_) => Kind::Body,
    }
}

pub fn assemble(elems: Vec<Elem>, layout: Layout) -> Document {
    let kinds: Vec<Kind> = elems.iter().map(kind).collect();
    // A page that ends on a title printed after its body is title-after whatever it
    // opens with (a page header, a section heading continued from another page).
    let title_first = matches!(kinds.first(), Some(Kind::Heading { .. }))
        && !matches!(
            kinds
                .iter()
                .rev()
                .find(|k| !matches!(k, Kind::EndMatter | Kind::MarkerTo)),
            Some(Kind::Heading { numbered: false })
        );
    let mut doc = Document::default();
    let mut cur = Current::default();
    for (i, elem) in elems.into_iter().enumerate() {
        let prev_closes = i > 0 && matches!(kinds[i - 1], Kind::EndMatter | Kind::MarkerTo);
        match elem {
            Elem::Marker(m) if m.direction == Direction::From => {
                let started = cur.has_body()
                    || cur.article.continued_marker.is_some()
                    || (!title_first && cur.article.title.is_some());
                if started {
                    cur.close(&mut doc, layout);
                }
                cur.article.continued_from_page = m.page;
                cur.article.continued_marker = Some(m.printed);
            }
            Elem::Marker(m) => {
                cur.flush_body(layout);
                cur.article.end_matter.push(m.printed);
            }
            Elem::Byline(text) => match &mut cur.article.byline {
                // 本报记者 王明 / 通讯员 李华 on two lines: one byline.
                Some(byline) if i > 0 && kinds[i - 1] == Kind::Byline => {
                    byline.push(' ');
                    byline.push_str(&text);
                }
                _ => {
                    if cur.has_body() || cur.article.byline.is_some() {
                        cur.close(&mut doc, layout);
                    }
                    cur.article.byline = Some(text);
                }
            },
            Elem::EndMatter(text) => {
                cur.flush_body(layout);
                match doc.articles.last_mut() {
                    // A credit after a title printed below its body belongs to that article.
                    Some(last) if cur.is_empty() => last.end_matter.push(text),
                    _ => cur.article.end_matter.push(text),
                }
            }
            Elem::Heading {
                title,
                subtitle,
                boundary,
                title_like,
                numbered,
            } => {
                let next = kinds.get(i + 1).copied();
                if title_first {
                    let next_starts_article = matches!(
                        next,
                        Some(Kind::Byline | Kind::MarkerFrom | Kind::Heading { numbered: false })
                    );
                    if numbered {
                        cur.start_section(heading_text(&title, &subtitle), layout);
                    } else if !cur.has_body() && cur.article.title.is_none() {
                        cur.article.title = Some(title);
                        cur.article.subtitle = subtitle;
                    } else if !cur.has_body()
                        && cur.article.subtitle.is_none()
                        && cur.article.sections.is_empty()
                    {
                        cur.article.subtitle = Some(heading_text(&title, &subtitle));
                    } else if cur.has_body() && (prev_closes || next_starts_article || title_like) {
                        cur.close(&mut doc, layout);
                        cur.article.title = Some(title);
                        cur.article.subtitle = subtitle;
                    } else {
                        cur.start_section(heading_text(&title, &subtitle), layout);
                    }
                } else if !numbered && (boundary || title_like || prev_closes) && !cur.is_empty() {
                    cur.flush_body(layout);
                    cur.article.title = Some(title);
                    cur.article.subtitle = subtitle;
                    cur.close(&mut doc, layout);
                } else {
                    cur.start_section(heading_text(&title, &subtitle), layout);
                }
            }
            Elem::Body(line) => cur.body.push(line),
        }
    }
    cur.close(&mut doc, layout);
    doc
}
