//! Finding a string anywhere in the library: every document's reading text and every
//! annotation's note and tags, for queries of any length.
//!
//! One design for every query: the texts are kept in memory and scanned with
//! `memchr::memmem` (a SIMD substring search, about 1 ms per 20 MB). An index of
//! trigrams (FTS5) would answer 3+ characters faster but nothing for the one- and
//! two-character queries Chinese needs most, so it would need this scan anyway.
//! A query finds its text in either script (traditional or simplified, see `forms`).
//! Matching the reading text, not the source, means a line wrap or extraction space in
//! the source never hides a hit. Matches are exact (case and width as typed), leftmost
//! and non-overlapping; offsets are code points, like annotation offsets.
//!
//! The window (find in document, search everything) and `pizhu search` call these.

use serde::Serialize;

use super::annotation::Annotation;
use super::outline::Outline;
use super::source::SourceMeta;

/// Characters of context shown on each side of a hit (within its line).
pub const CONTEXT_CHARS: usize = 20;

/// Code-point ranges `[start, end)` of every match of `query` in `text`, in order.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    let forms = Forms::new(query);
    let mut counter = CharCounter::default();
    forms
        .find(text.as_bytes())
        .into_iter()
        .map(|(byte, _)| {
            let start = counter.chars_before(text, byte);
            (start, start + forms.chars)
        })
        .collect()
}

/// Turns increasing byte offsets into code-point offsets, counting each stretch once.
#[derive(Default)]
struct CharCounter {
    byte: usize,
    chars: usize,
}

impl CharCounter {
    fn chars_before(&mut self, text: &str, byte: usize) -> usize {
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// What a hit was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Text,
    Note,
    Tag,
}

/// One match, with its place and keyword-in-context. Serialised as `pizhu search --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub document: i64,
    /// The annotation whose note or tag matched (`None` for text hits).
    pub annotation: Option<String>,
    /// Index of the article the hit (or the annotation) is in (for the window to jump).
    #[serde(skip)]
    pub article: Option<usize>,
    /// That article's title (JSON `article`), and the heading of its section if it has one.
    #[serde(rename = "article")]
    pub article_title: Option<String>,
    pub heading: Option<String>,
    /// Code points of the reading text (text hits) or of the note or tag.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// What to look for, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub document: Option<i64>,
    /// Documents whose paper contains this.
    pub paper: Option<String>,
    /// Inclusive ISO date range; a document without a date is outside any range.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only notes and tags, not the documents' text.
    pub notes_only: bool,
}

/// One document as searched: its text, source and where its sections start.
#[derive(Debug, Clone)]
pub struct CorpusDocument {
    pub id: i64,
    pub source: SourceMeta,
    /// Its reading text (`outline.text`) and places. Read from the store, its paragraphs
    /// have offsets but no text of their own (cut it from `outline.text`).
    pub outline: Outline,
    /// Section starts in reading order (as `Outline::locate` sees them), when increasing.
    section_starts: Option<Vec<(usize, usize, usize)>>,
}

impl CorpusDocument {
    pub fn new(id: i64, source: SourceMeta, outline: Outline) -> CorpusDocument {
        let starts = section_starts(&outline);
        let sorted = starts.windows(2).all(|w| w[0].0 <= w[1].0);
        CorpusDocument {
            id,
            source,
            outline,
            section_starts: sorted.then_some(starts),
        }
    }

    /// The article and section containing `pos`: `Outline::locate`, by binary search.
    fn locate(&self, pos: usize) -> Option<(usize, usize)> {
        match &self.section_starts {
            Some(starts) => {
                let n = starts.partition_point(|s| s.0 <= pos);
                n.checked_sub(1).map(|i| (starts[i].1, starts[i].2))
            }
            None => self.outline.locate(pos),
        }
    }

    fn place(&self, pos: usize) -> (Option<usize>, Option<String>, Option<String>) {
        let Some((a, s)) = self.locate(pos) else {
            return (None, None, None);
        };
        let article = &self.outline.articles[a];
        let heading = article.sections[s].heading.as_ref().map(|h| h.text.clone());
        (Some(a), Some(article.display_title().to_string()), heading)
    }

    fn matches(&self, q: &Query) -> bool {
        let date = self.source.date.as_deref();
        q.document.is_none_or(|d| d == self.id)
            && q.paper.as_deref().is_none_or(|p| {
                self.source
                    .paper
                    .as_deref()
                    .is_some_and(|mine| mine.contains(p))
            })
            && q.from
                .as_deref()
                .is_none_or(|f| date.is_some_and(|d| d >= f))
            && q.to.as_deref().is_none_or(|t| date.is_some_and(|d| d <= t))
    }
}

/// Where each section starts, as `Outline::locate` counts it.
fn section_starts(outline: &Outline) -> Vec<(usize, usize, usize)> {
    let mut starts = Vec::new();
    for (ai, a) in outline.articles.iter().enumerate() {
        let header = [&a.title, &a.subtitle, &a.byline]
            .into_iter()
            .flatten()
            .map(|l| l.start)
            .min();
        for (si, s) in a.sections.iter().enumerate() {
            let start = match (si, header) {
                (0, Some(h)) => h,
                _ => s.span().0,
            };
            starts.push((start, ai, si));
        }
    }
    starts
}

/// Everything searched: documents in library order and the annotations of each.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<CorpusDocument>,
    /// Annotations per document, in the order of `documents`.
    annotations: Vec<Vec<Annotation>>,
    /// Their notes and tags, one string per document.
    notes: Vec<notes::NotesText>,
}

impl Corpus {
    /// `annotations` may be in any order and belong to any document.
    pub fn new(documents: Vec<CorpusDocument>, annotations: Vec<Annotation>) -> Corpus {
        let mut per_doc: Vec<Vec<Annotation>> = vec![Vec::new(); documents.len()];
        let index: std::collections::HashMap<i64, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        for a in annotations {
            if let Some(&i) = index.get(&a.document_id) {
                per_doc[i].push(a);
            }
        }
        for list in &mut per_doc {
            // Stable: annotations at one place keep the order they came in.
            list.sort_by_key(|a| (a.start, a.end));
        }
        let notes = per_doc.iter().map(|a| notes::NotesText::new(a)).collect();
        Corpus {
            documents,
            annotations: per_doc,
            notes,
        }
    }

    pub fn document(&self, id: i64) -> Option<&CorpusDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn annotation_count(&self) -> usize {
        self.annotations.iter().map(Vec::len).sum()
    }
}

/// The hits of a search: at most the limit asked for, and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Every match of `query` in the corpus: per document (in library order) its text hits
/// in reading order, then its annotations' note and tag hits in reading order. Keeps
/// the first `limit` hits and counts the rest. An empty query finds nothing.
pub fn search(corpus: &Corpus, query: &Query, limit: usize) -> Results {
    let mut results = Results::default();
    if query.text.is_empty() {
        return results;
    }
    let forms = Forms::new(&query.text);
    let query_chars = forms.chars;
    let per_doc = corpus.annotations.iter().zip(&corpus.notes);
    for (doc, (annotations, notes)) in corpus.documents.iter().zip(per_doc) {
        if !doc.matches(query) {
            continue;
        }
        if !query.notes_only {
            let text = &doc.outline.text;
            let mut counter = CharCounter::default();
            for (byte, byte_end) in forms.find(text.as_bytes()) {
                results.total += 1;
                if results.hits.len() >= limit {
                    continue;
                }
                let start = counter.chars_before(text, byte);
                let (article, article_title, heading) = doc.place(start);
                let (left, hit, right) = context(text, byte, byte_end);
                results.hits.push(Hit {
                    kind: HitKind::Text,
                    document: doc.id,
                    annotation: None,
                    article,
                    article_title,
                    heading,
                    start,
                    end: start + query_chars,
                    left,
                    hit,
                    right,
                });
            }
        }
        for (field, byte, byte_end) in notes.find(&forms) {
            results.total += 1;
            if results.hits.len() >= limit {
                continue;
            }
            let a = &annotations[field.annotation];
            let text = &notes.text[field.start..field.end];
            let start = text[..byte].chars().count();
            let (article, article_title, heading) = doc.place(a.start);
            let (left, hit, right) = context(text, byte, byte_end);
            results.hits.push(Hit {
                kind: field.kind,
                document: doc.id,
                annotation: Some(a.id.clone()),
                article,
                article_title,
                heading,
                start,
                end: start + query_chars,
                left,
                hit,
                right,
            });
        }
    }
    results
}

/// Up to `CONTEXT_CHARS` on each side of the bytes `[start, end)`, not past a line break.
fn context(text: &str, start: usize, end: usize) -> (String, String, String) {
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let left_from = before[line_start..]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let after = &text[end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    let right_to = after[..line_end]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(line_end, |(i, _)| i);
    (
        text[left_from..start].to_string(),
        text[start..end].to_string(),
        after[..right_to].to_string(),
    )
}

mod forms;
mod notes;

use forms::Forms;
#[cfg(test)]
mod tests;
