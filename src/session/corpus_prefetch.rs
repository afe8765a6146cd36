//! Reading the search corpus on a thread at window start, so the first Ctrl+Shift+F does
//! not wait for it (about 0.3 s for 1,000 documents and 100,000 annotations). The thread
//! reads through a read-only connection of its own; its corpus is used only if nothing
//! may have changed since it started: no command that writes (such a command drops it)
//! and no commit by another process (the database's `data_version`).

use std::sync::mpsc;

use crate::core::search::Corpus;
use crate::store::{Store, StoreError};

use super::AppState;

/// A corpus being read on a thread.
pub(super) struct Prefetch {
    read: mpsc::Receiver<Result<Corpus, StoreError>>,
    /// This connection's `data_version` when the thread started.
    version: i64,
}

impl AppState {
    /// Start reading the search corpus on a thread (a library in a file only; nothing
    /// to do while the corpus read last is still right).
    pub fn prefetch_corpus(&mut self) {
        let Some(path) = self.store.path().map(std::path::Path::to_path_buf) else {
            return;
        };
        if !self.corpus_stale {
            return;
        }
        let Ok(version) = self.store.data_version() else {
            return;
        };
        let (send, read) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("search corpus".into())
            .spawn(move || {
                let corpus = Store::open_read_only(&path).and_then(|store| store.corpus());
                // The window may have quit or no longer want it: nothing to do then.
                let _ = send.send(corpus);
            });
        if thread.is_ok() {
            self.corpus_prefetch = Some(Prefetch { read, version });
        }
    }

    /// Use the corpus read on the thread (waiting for it if need be) if the database is
    /// still as it was then; `version` is its `data_version` now. False: read it anew.
    pub(super) fn take_prefetched_corpus(&mut self, version: Option<i64>) -> bool {
        let Some(prefetch) = self.corpus_prefetch.take() else {
            return false;
        };
        if version != Some(prefetch.version) {
            return false;
        }
        match prefetch.read.recv() {
            Ok(Ok(corpus)) => {
                self.corpus = corpus;
                self.corpus_stale = false;
                self.corpus_version = version;
                true
            }
            Ok(Err(e)) => {
                tracing::warn!("reading the search corpus ahead failed: {e}");
                false
            }
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::search::{search, Query};
    use crate::session::{AppState, Command};
    use crate::store::{NewAnnotation, Store};

    fn library() -> (tempfile::TempDir, std::path::PathBuf, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("corpus-test.sqlite3");
        let mut state = AppState::new(Store::open(&db).unwrap());
        state.start(&[]);
        (dir, db, state)
    }

    fn note_hits(state: &AppState, note: &str) -> usize {
        let query = Query {
            text: note.into(),
            ..Default::default()
        };
        search(state.corpus(), &query, usize::MAX).total
    }

    #[test]
    fn the_corpus_read_ahead_is_the_librarys() {
        let (_dir, _db, mut state) = library();
        state.prefetch_corpus();
        let version = state.store.data_version().ok();
        assert!(state.take_prefetched_corpus(version), "used");
        let fresh = state.store.corpus().unwrap();
        let query = Query {
            text: "发展".into(),
            ..Default::default()
        };
        assert_eq!(
            search(state.corpus(), &query, usize::MAX).hits,
            search(&fresh, &query, usize::MAX).hits
        );
        assert!(!state.corpus().documents.is_empty());
        state.prefetch_corpus();
        assert!(
            state.corpus_prefetch.is_none(),
            "nothing changed: no second read"
        );
    }

    #[test]
    fn a_write_since_the_read_ahead_is_seen_by_the_search() {
        let (_dir, db, mut state) = library();
        // A command of this window that writes drops the corpus read ahead.
        state.prefetch_corpus();
        state.apply(Command::PointerDown {
            pos: 0,
            extend: false,
        });
        state.apply(Command::PointerDrag { pos: 2 });
        state.apply(Command::Highlight(Some(1)));
        state.apply(Command::EditNote);
        state.apply(Command::SaveNote("窗口里写的笔记".into()));
        assert!(state.corpus_prefetch.is_none());
        state.apply(Command::SearchEverything);
        assert_eq!(note_hits(&state, "窗口里写的笔记"), 1);
        state.apply(Command::CancelEdit);

        // Another process's commit after the read ahead started: it is not used.
        state.apply(Command::Highlight(Some(2))); // a write: the corpus is stale again
        state.prefetch_corpus();
        assert!(state.corpus_prefetch.is_some());
        let doc = state.doc().unwrap().id;
        let mut other = Store::open(&db).unwrap();
        other
            .add_annotation(&NewAnnotation {
                document_id: doc,
                start: 3,
                end: 5,
                color: 1,
                note: "另一个进程的笔记".into(),
                tags: Vec::new(),
            })
            .unwrap();
        let version = state.store.data_version().ok();
        assert!(
            !state.take_prefetched_corpus(version),
            "read before that commit"
        );
        state.apply(Command::SearchEverything);
        assert_eq!(note_hits(&state, "另一个进程的笔记"), 1);
    }
}
