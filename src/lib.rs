//! pizhu (批注): read and annotate Chinese newspaper text extracted from PDFs.
//!
//! `core` is pure text processing; `ingest` turns bytes into a document; `store` keeps
//! documents and annotations in SQLite; `export` renders annotations; `session` applies
//! user commands to UI-free state; `app` (feature `gui`) is the egui window.

pub mod about;
#[cfg(feature = "gui")]
pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod core;
pub mod desktop;
pub mod export;
pub mod fix;
pub mod i18n;
pub mod ingest;
pub mod library;
pub mod logging;
pub mod notes;
pub mod notes_qdpx;
pub mod session;
pub mod store;
pub mod text_scale;
pub mod timestamp;
