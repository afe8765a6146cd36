//! The library table (Ctrl+L), issue 14: which documents show, in what order, grouped how,
//! and the edits the table offers (carried out in `library_edits`). Rows are computed by a
//! pure function of the summaries and the view, fast enough per keystroke for 1,000
//! documents.

use std::cmp::Ordering;

use crate::store::{DocId, DocumentSummary};

use super::AppState;

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
    /// Bumped by each request to put the keys in the filter field (`/`); the window
    /// focuses the field when it sees a new value.
    pub filter_focus: u64,
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
    /// Put the keys in the filter field.
    FocusFilter,
    /// Open the rename dialog for the document under the cursor (or the open one).
    Rename,
    /// The name typed in the rename dialog.
    NameText(String),
    /// Save the typed name (an empty one gives back the first article's title).
    SaveName,
    /// Read the document under the cursor (or the open one) again from its file.
    Reimport,
}

/// The rename dialog: the document and the name as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenameEditor {
    pub doc: DocId,
    pub name: String,
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
}
