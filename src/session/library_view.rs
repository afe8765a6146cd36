//! The library table (Ctrl+L), issue 14: which documents show, in what order, grouped how;
//! editing a document's source and removing a document. Rows are computed by a pure
//! function of the summaries and the view, fast enough per keystroke for 1,000 documents.

use std::cmp::Ordering;

use crate::core::source::{normalize_date, SourceMeta};
use crate::store::{DocId, DocumentSummary};

use super::{AppState, Modal, Page};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LibraryColumn {
    Paper,
    Date,
    Page,
    Title,
    Articles,
    Annotations,
    #[default]
    Imported,
}

impl LibraryColumn {
    pub const ALL: [LibraryColumn; 7] = [
        LibraryColumn::Paper,
        LibraryColumn::Date,
        LibraryColumn::Page,
        LibraryColumn::Title,
        LibraryColumn::Articles,
        LibraryColumn::Annotations,
        LibraryColumn::Imported,
    ];

    /// The column's heading, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let key = match self {
            LibraryColumn::Paper => "library.paper",
            LibraryColumn::Date => "library.date",
            LibraryColumn::Page => "library.page",
            LibraryColumn::Title => "library.title",
            LibraryColumn::Articles => "library.articles",
            LibraryColumn::Annotations => "library.annotations",
            LibraryColumn::Imported => "library.imported",
        };
        crate::i18n::tr(lang, key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Grouping {
    #[default]
    None,
    Paper,
    Month,
}

/// How the library table is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryView {
    pub filter: String,
    pub sort: LibraryColumn,
    pub descending: bool,
    pub group: Grouping,
}

/// The source editor: text fields as typed, checked when saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceEditor {
    pub doc: DocId,
    pub title: String,
    pub paper: String,
    pub date: String,
    pub page: String,
    pub page_name: String,
    /// Why the last save was refused.
    pub problem: Option<String>,
}

/// Library table edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryEdit {
    Filter(String),
    /// Sort by this column; the same column again reverses the order.
    SortBy(LibraryColumn),
    Group(Grouping),
    /// Open the source editor for the document under the cursor (or the open one).
    EditSource,
    /// A field of the source editor: 0 paper, 1 date, 2 page, 3 page name.
    SourceField(usize, String),
    SaveSource,
    /// Remove the document under the cursor (asks first when it has annotations).
    Remove,
    /// Remove it although it has annotations (after the question).
    ConfirmRemove(DocId),
}

/// The group a document falls in, as shown above its rows.
pub fn group_key(d: &DocumentSummary, group: Grouping) -> String {
    match group {
        Grouping::None => String::new(),
        Grouping::Paper => d
            .source
            .paper
            .clone()
            .unwrap_or_else(|| "（未知报纸）".into()),
        Grouping::Month => d
            .source
            .date
            .as_deref()
            .and_then(|d| d.get(..7))
            .map(str::to_string)
            .unwrap_or_else(|| "（无日期）".into()),
    }
}

fn matches(d: &DocumentSummary, filter: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    let s = &d.source;
    let fields = [
        Some(d.title.as_str()),
        s.paper.as_deref(),
        s.date.as_deref(),
        s.page_name.as_deref(),
        Some(d.source_path.as_str()),
    ];
    fields.into_iter().flatten().any(|f| f.contains(filter))
        || s.page
            .is_some_and(|p| format!("第{p}版") == filter || p.to_string() == filter)
}

fn compare(a: &DocumentSummary, b: &DocumentSummary, column: LibraryColumn) -> Ordering {
    // Unknown values sort after known ones.
    fn opt<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match column {
        LibraryColumn::Paper => opt(&a.source.paper, &b.source.paper),
        LibraryColumn::Date => opt(&a.source.date, &b.source.date),
        LibraryColumn::Page => opt(&a.source.page, &b.source.page),
        LibraryColumn::Title => a.title.cmp(&b.title),
        LibraryColumn::Articles => a.articles.cmp(&b.articles),
        LibraryColumn::Annotations => a.annotations.cmp(&b.annotations),
        LibraryColumn::Imported => a.id.cmp(&b.id),
    }
}

/// Indices into `docs` of the rows shown: filtered, grouped, sorted (ties in import order).
pub fn library_rows(docs: &[DocumentSummary], view: &LibraryView) -> Vec<usize> {
    let filter = view.filter.trim();
    let mut rows: Vec<usize> = (0..docs.len())
        .filter(|&i| matches(&docs[i], filter))
        .collect();
    let keys: Vec<String> = match view.group {
        Grouping::None => Vec::new(),
        g => docs.iter().map(|d| group_key(d, g)).collect(),
    };
    rows.sort_by(|&x, &y| {
        let group = if keys.is_empty() {
            Ordering::Equal
        } else {
            keys[x].cmp(&keys[y])
        };
        let mut within = compare(&docs[x], &docs[y], view.sort);
        if view.descending {
            within = within.reverse();
        }
        group.then(within).then(docs[x].id.cmp(&docs[y].id))
    });
    rows
}

impl AppState {
    /// The rows of the library table, as indices into [`AppState::library`].
    pub fn library_rows(&self) -> Vec<usize> {
        library_rows(&self.library, &self.library_view)
    }

    /// The document under the library cursor.
    fn library_cursor_doc(&self) -> Option<&DocumentSummary> {
        let rows = self.library_rows();
        rows.get(self.library_cursor).map(|&i| &self.library[i])
    }

    pub(super) fn edit_library(&mut self, edit: LibraryEdit) {
        match edit {
            LibraryEdit::Filter(f) => {
                self.library_view.filter = f;
                self.library_cursor = 0;
            }
            LibraryEdit::SortBy(c) => {
                let v = &mut self.library_view;
                v.descending = v.sort == c && !v.descending;
                v.sort = c;
            }
            LibraryEdit::Group(g) => self.library_view.group = g,
            LibraryEdit::EditSource => self.edit_source(),
            LibraryEdit::SourceField(field, value) => {
                if let Modal::Source(e) = &mut self.modal {
                    match field {
                        0 => e.paper = value,
                        1 => e.date = value,
                        2 => e.page = value,
                        _ => e.page_name = value,
                    }
                }
            }
            LibraryEdit::SaveSource => self.save_source(),
            LibraryEdit::Remove => self.remove_document(false),
            LibraryEdit::ConfirmRemove(id) => {
                if self.library_cursor_doc().map(|d| d.id) != Some(id) {
                    self.library_cursor = self
                        .library_rows()
                        .iter()
                        .position(|&i| self.library[i].id == id)
                        .unwrap_or(usize::MAX);
                }
                self.remove_document(true)
            }
        }
        let n = self.library_rows().len();
        self.library_cursor = self.library_cursor.min(n.saturating_sub(1));
    }

    fn edit_source(&mut self) {
        let target = match (self.page, &self.doc) {
            (Page::Reading, Some(doc)) => Some((doc.id, doc.title.clone())),
            _ => self.library_cursor_doc().map(|d| (d.id, d.title.clone())),
        };
        let Some((doc, title)) = target else { return };
        let meta = match self.store.source(doc) {
            Ok(m) => m,
            Err(e) => return self.notify(e.to_string(), true),
        };
        self.modal = Modal::Source(SourceEditor {
            doc,
            title,
            paper: meta.paper.unwrap_or_default(),
            date: meta.date.unwrap_or_default(),
            page: meta.page.map(|p| p.to_string()).unwrap_or_default(),
            page_name: meta.page_name.unwrap_or_default(),
            problem: None,
        });
    }

    fn save_source(&mut self) {
        let lang = self.language();
        let Modal::Source(e) = &mut self.modal else {
            return;
        };
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let date = match e.date.trim() {
            "" => None,
            d => match normalize_date(d) {
                Some(d) => Some(d),
                None => {
                    e.problem = Some(crate::i18n::tr_with(
                        lang,
                        "source.bad_date",
                        &[("date", d)],
                    ));
                    return;
                }
            },
        };
        let page = match e.page.trim() {
            "" => None,
            p => match p.parse::<u32>() {
                Ok(n) if (1..1000).contains(&n) => Some(n),
                _ => {
                    e.problem = Some(crate::i18n::tr_with(
                        lang,
                        "source.bad_page",
                        &[("page", p)],
                    ));
                    return;
                }
            },
        };
        let meta = SourceMeta {
            paper: text(&e.paper),
            date,
            page,
            page_name: text(&e.page_name),
        };
        let doc = e.doc;
        if let Err(err) = self.store.set_source(doc, &meta) {
            return self.notify_error("notice.cannot_save_source", err);
        }
        self.modal = Modal::None;
        if let Some(open) = self.doc.as_mut().filter(|d| d.id == doc) {
            open.source = meta;
        }
        self.refresh_library();
    }

    /// Remove the document under the cursor. One with annotations is only removed when
    /// `confirmed`; otherwise the user is asked (and offered an export first).
    fn remove_document(&mut self, confirmed: bool) {
        let Some(d) = self.library_cursor_doc().cloned() else {
            return;
        };
        if d.annotations > 0 && !confirmed {
            self.modal = Modal::ConfirmRemove(d.id, d.title, d.annotations);
            return;
        }
        self.modal = Modal::None;
        if let Err(e) = self.store.delete_document(d.id) {
            return self.notify_error("notice.cannot_remove", e);
        }
        if self.doc.as_ref().is_some_and(|open| open.id == d.id) {
            self.doc = None;
            self.find = None;
        }
        self.page = Page::Library;
        self.refresh_library();
        self.refresh_tags();
        let text = self.tr_with("notice.removed", &[("title", &d.title)]);
        self.notify(text, false);
    }
}
