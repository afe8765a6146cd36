//! The outline panel as a flat list of rows: every document of the library, and under
//! the open one its articles and their sections, each with its annotation count.

use crate::core::annotation::AnchorStatus;

use super::AppState;

/// Annotations per (article, section) of the open document.
pub type SectionCounts = std::collections::HashMap<(usize, usize), usize>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineRow {
    /// Index into the library.
    Document(usize),
    Article(usize),
    Section {
        article: usize,
        section: usize,
    },
}

impl AppState {
    pub fn outline_rows(&self) -> Vec<OutlineRow> {
        let mut rows = Vec::new();
        for (i, summary) in self.library.iter().enumerate() {
            rows.push(OutlineRow::Document(i));
            let Some(doc) = self.doc.as_ref().filter(|d| d.id == summary.id) else {
                continue;
            };
            for (a, article) in doc.reader.outline.articles.iter().enumerate() {
                if article.sections.is_empty() {
                    continue;
                }
                rows.push(OutlineRow::Article(a));
                // An article of one section needs no section rows: the article is the section.
                if article.sections.len() > 1 {
                    rows.extend((0..article.sections.len()).map(|s| OutlineRow::Section {
                        article: a,
                        section: s,
                    }));
                }
            }
        }
        rows
    }

    /// The row of the section on screen (or of the open document).
    pub fn current_outline_row(&self) -> usize {
        let Some(doc) = &self.doc else { return 0 };
        let position = doc.reader.position();
        let rows = self.outline_rows();
        let found = rows.iter().position(|row| match (*row, position) {
            (OutlineRow::Section { article, section }, Some(p)) => (article, section) == p,
            (OutlineRow::Article(a), Some((pa, _))) => {
                a == pa && doc.reader.outline.articles[a].sections.len() == 1
            }
            _ => false,
        });
        found
            .or_else(|| {
                let index = self.library.iter().position(|d| d.id == doc.id)?;
                rows.iter().position(|r| *r == OutlineRow::Document(index))
            })
            .unwrap_or(0)
    }

    pub(super) fn activate_outline_row(&mut self, index: usize) {
        let Some(row) = self.outline_rows().get(index).copied() else {
            return;
        };
        match row {
            OutlineRow::Document(i) => {
                let id = self.library[i].id;
                if self.doc.as_ref().map(|d| d.id) != Some(id) {
                    self.open_document(id);
                } else {
                    self.page = super::Page::Reading;
                }
            }
            OutlineRow::Article(article) => self.open_section(article, 0),
            OutlineRow::Section { article, section } => self.open_section(article, section),
        }
        self.outline_cursor = index;
    }

    /// Annotation counts of the open document per (article, section), in reading order.
    pub fn section_counts(&self) -> SectionCounts {
        let mut counts = SectionCounts::new();
        let Some(doc) = &self.doc else { return counts };
        for a in doc
            .annotations
            .iter()
            .filter(|a| a.status != AnchorStatus::Orphan)
        {
            if let Some(place) = doc.reader.outline.locate(a.start) {
                *counts.entry(place).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The label and annotation count of an outline row (`counts` from `section_counts`).
    pub fn outline_row_label(&self, row: OutlineRow, counts: &SectionCounts) -> (String, usize) {
        match row {
            OutlineRow::Document(i) => {
                let d = &self.library[i];
                let count = match &self.doc {
                    Some(doc) if doc.id == d.id => doc.annotations.len(),
                    _ => d.annotations,
                };
                (d.title.clone(), count)
            }
            OutlineRow::Article(a) => {
                let Some(doc) = &self.doc else {
                    return (String::new(), 0);
                };
                let article = &doc.reader.outline.articles[a];
                let n = counts
                    .iter()
                    .filter(|((ca, _), _)| *ca == a)
                    .map(|(_, n)| n)
                    .sum();
                let title = match &article.title {
                    Some(title) => title.text.clone(),
                    None => self.tr("outline.untitled").to_string(),
                };
                (title, n)
            }
            OutlineRow::Section { article, section } => {
                let Some(doc) = &self.doc else {
                    return (String::new(), 0);
                };
                let s = &doc.reader.outline.articles[article].sections[section];
                let label = match &s.heading {
                    Some(h) => h.text.clone(),
                    None if section == 0 => self.tr("outline.lead").to_string(),
                    None => self.tr_with("outline.section", &[("n", &(section + 1).to_string())]),
                };
                (label, counts.get(&(article, section)).copied().unwrap_or(0))
            }
        }
    }
}
