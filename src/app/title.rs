//! The window's title and how the window cites where a page was printed, both in the
//! window's language.

use crate::session::AppState;

/// "document title — pizhu" while a document is open, else the app's name (in the
/// window's language).
pub fn window_title(state: &AppState) -> String {
    let name = crate::i18n::tr(state.language(), "app.title");
    match &state.doc() {
        Some(doc) => match cite(&doc.source, state.language()) {
            Some(cite) => format!("{} · {cite} — {name}", doc.title),
            None => format!("{} — {name}", doc.title),
        },
        None => name.to_string(),
    }
}

/// Where a page was printed, as the window shows it: the Chinese citation
/// (`《人民日报》2025年1月2日 第5版`) in Chinese, paper, date and page in English.
pub fn cite(source: &crate::core::source::SourceMeta, lang: crate::i18n::Lang) -> Option<String> {
    match lang {
        crate::i18n::Lang::Zh => source.citation(),
        crate::i18n::Lang::En => source.citation_english(),
    }
}
