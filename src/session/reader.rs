//! Where the reader is inside one document: which section is shown and how far it is
//! scrolled. Sections are walked in reading order across article boundaries.

use crate::core::outline::{Outline, SectionOutline};

/// What the window measured in the last frame, so that paging and caret moves by row
/// can be computed here without knowing about pixels' origin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewMetrics {
    /// Height of the visible part of the reading view, in points.
    pub viewport_height: f32,
    /// Height of the whole laid-out section, in points.
    pub content_height: f32,
    /// Height of one line of reading text, in points (what j/k scroll by).
    pub line_height: f32,
    /// Every visual row of the section in reading order.
    pub rows: Vec<RowGeometry>,
}

/// One laid-out row of reading text: its char range and where its chars sit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowGeometry {
    /// First char of the row (an offset into the reading text).
    pub start: usize,
    /// One past the last char of the row.
    pub end: usize,
    /// Top and bottom of the row in content coordinates (0 = top of the section).
    pub top: f32,
    pub bottom: f32,
    /// Left edge of each char and the right edge of the last (`end - start + 1` values).
    pub xs: Vec<f32>,
}

impl RowGeometry {
    /// x position of a caret before char `pos` (clamped into the row).
    pub fn x_of(&self, pos: usize) -> f32 {
        let i = pos.clamp(self.start, self.end) - self.start;
        self.xs.get(i).or(self.xs.last()).copied().unwrap_or(0.0)
    }

    /// The caret position in this row closest to `x`.
    pub fn pos_at_x(&self, x: f32) -> usize {
        let best = self
            .xs
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|(i, _)| i)
            .unwrap_or(0);
        self.start + best
    }
}

/// The reader's place in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub outline: Outline,
    /// Every (article, section) pair in reading order.
    sections: Vec<(usize, usize)>,
    /// Index into `sections` of the section on screen.
    current: usize,
    /// Vertical scroll of the reading view in points.
    pub scroll: f32,
    pub view: ViewMetrics,
}

impl Reader {
    pub fn new(outline: Outline) -> Reader {
        let sections = outline.section_refs();
        Reader {
            outline,
            sections,
            current: 0,
            scroll: 0.0,
            view: ViewMetrics::default(),
        }
    }

    /// Number of sections in the document, across all articles.
    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// (article, section) on screen; `None` for a document without any section.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.sections.get(self.current).copied()
    }

    /// Index of the section on screen among all sections of the document.
    pub fn flat_index(&self) -> usize {
        self.current
    }

    pub fn section(&self) -> Option<&SectionOutline> {
        let (a, s) = self.position()?;
        self.outline.articles.get(a)?.sections.get(s)
    }

    /// Char range shown on screen: the section plus, for an article's first section, its
    /// title lines, and for its last, its end matter.
    pub fn visible_span(&self) -> (usize, usize) {
        let Some((ai, si)) = self.position() else {
            return (0, 0);
        };
        let article = &self.outline.articles[ai];
        let (mut start, mut end) = article.sections[si].span();
        if si == 0 {
            let header = [&article.title, &article.subtitle, &article.byline];
            if let Some(first) = header.into_iter().flatten().map(|l| l.start).min() {
                start = start.min(first);
            }
        }
        if si + 1 == article.sections.len() {
            if let Some(last) = article.end_matter.last() {
                end = end.max(last.end);
            }
        }
        (start, end)
    }

    /// Show section `section` of article `article`, scrolled to the top. Returns false
    /// (and changes nothing) when there is no such section.
    pub fn go_to(&mut self, article: usize, section: usize) -> bool {
        match self.sections.iter().position(|&p| p == (article, section)) {
            Some(i) => {
                self.show(i);
                true
            }
            None => false,
        }
    }

    /// Show the section that holds char offset `pos` (scroll left to the caller).
    pub fn go_to_offset(&mut self, pos: usize) -> bool {
        match self.outline.locate(pos) {
            Some((a, s)) if self.position() == Some((a, s)) => true,
            Some((a, s)) => self.go_to(a, s),
            None => false,
        }
    }

    /// Next section in reading order; false at the end of the document.
    pub fn next_section(&mut self) -> bool {
        self.step(1)
    }

    pub fn previous_section(&mut self) -> bool {
        self.step(-1)
    }

    fn step(&mut self, delta: isize) -> bool {
        let target = self.current as isize + delta;
        if target < 0 || target as usize >= self.sections.len() {
            return false;
        }
        self.show(target as usize);
        true
    }

    /// First section of the next article that has one; false at the last article.
    pub fn next_article(&mut self) -> bool {
        let Some((article, _)) = self.position() else {
            return false;
        };
        match self.sections.iter().position(|&(a, _)| a > article) {
            Some(i) => {
                self.show(i);
                true
            }
            None => false,
        }
    }

    /// First section of this article if the reader is past it, else of the previous article.
    pub fn previous_article(&mut self) -> bool {
        let Some((article, section)) = self.position() else {
            return false;
        };
        let target = if section > 0 || self.scroll > 0.0 {
            // Like "previous track": first go back to the start of the current article.
            self.sections.iter().position(|&(a, _)| a == article)
        } else {
            let previous = self.sections[..self.current].last().map(|&(a, _)| a);
            previous.and_then(|pa| self.sections.iter().position(|&(a, _)| a == pa))
        };
        match target {
            Some(i) if i != self.current || self.scroll > 0.0 => {
                self.show(i);
                true
            }
            _ => false,
        }
    }

    fn show(&mut self, flat: usize) {
        self.current = flat;
        self.scroll = 0.0;
        self.view.rows.clear();
    }

    /// Largest useful scroll offset for the current layout.
    pub fn max_scroll(&self) -> f32 {
        (self.view.content_height - self.view.viewport_height).max(0.0)
    }

    pub fn scroll_to(&mut self, y: f32) {
        self.scroll = y.clamp(0.0, self.max_scroll());
    }

    pub fn scroll_by(&mut self, dy: f32) {
        self.scroll_to(self.scroll + dy);
    }

    /// One page: the visible height less two lines, so the eye keeps its place.
    pub fn page_height(&self) -> f32 {
        (self.view.viewport_height - 2.0 * self.view.line_height).max(self.view.line_height)
    }

    pub fn at_bottom(&self) -> bool {
        self.scroll >= self.max_scroll() - 0.5
    }

    /// The row that holds caret position `pos` (a caret at a row's end belongs to it
    /// only when the next row does not start there).
    pub fn row_index_of(&self, pos: usize) -> Option<usize> {
        let rows = &self.view.rows;
        rows.iter()
            .position(|r| pos >= r.start && pos < r.end)
            .or_else(|| rows.iter().position(|r| pos == r.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Article, Document, Section};

    fn doc() -> Reader {
        let section = |h: Option<&str>, p: &str| Section {
            heading: h.map(Into::into),
            paragraphs: vec![p.into()],
            ..Section::default()
        };
        let article = |t: &str, n: usize| Article {
            title: Some(t.into()),
            sections: (0..n)
                .map(|i| section((i > 0).then_some("小标题"), "正文。"))
                .collect(),
            ..Default::default()
        };
        let document = Document {
            articles: vec![article("一", 2), article("二", 1), article("三", 3)],
            ..Document::default()
        };
        Reader::new(Outline::from_document(&document))
    }

    #[test]
    fn sections_walk_across_articles_and_stop_at_the_ends() {
        let mut r = doc();
        let mut seen = vec![r.position().unwrap()];
        while r.next_section() {
            seen.push(r.position().unwrap());
        }
        assert_eq!(seen, vec![(0, 0), (0, 1), (1, 0), (2, 0), (2, 1), (2, 2)]);
        assert!(!r.next_section());
        while r.previous_section() {}
        assert_eq!(r.position(), Some((0, 0)));
    }

    #[test]
    fn articles_jump_to_their_first_section() {
        let mut r = doc();
        assert!(r.next_article());
        assert!(r.next_article());
        assert_eq!(r.position(), Some((2, 0)));
        assert!(!r.next_article());
        r.next_section();
        assert!(
            r.previous_article(),
            "back to the start of the article first"
        );
        assert_eq!(r.position(), Some((2, 0)));
        assert!(r.previous_article());
        assert_eq!(r.position(), Some((1, 0)));
    }

    #[test]
    fn visible_span_includes_title_and_scroll_is_clamped() {
        let mut r = doc();
        let (start, _) = r.visible_span();
        assert_eq!(start, 0, "the title is shown above the first section");
        r.view = ViewMetrics {
            viewport_height: 100.0,
            content_height: 250.0,
            line_height: 10.0,
            rows: vec![],
        };
        r.scroll_by(1000.0);
        assert_eq!(r.scroll, 150.0);
        assert!(r.at_bottom());
        r.scroll_by(-1000.0);
        assert_eq!(r.scroll, 0.0);
        assert_eq!(r.page_height(), 80.0);
    }

    #[test]
    fn rows_map_x_to_positions() {
        let row = RowGeometry {
            start: 10,
            end: 13,
            top: 0.0,
            bottom: 10.0,
            xs: vec![0.0, 10.0, 20.0, 30.0],
        };
        assert_eq!(row.x_of(12), 20.0);
        assert_eq!(row.pos_at_x(14.0), 11);
        assert_eq!(row.pos_at_x(99.0), 13);
    }
}
