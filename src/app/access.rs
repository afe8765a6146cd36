//! What a screen reader is told about the widgets pizhu draws itself: the reading text
//! (a document whose paragraphs are nodes with their text), outline entries (tree items)
//! and annotation cards (list items). egui's own widgets name themselves from their text.

use egui::accesskit::Role;
use egui::Response;

use crate::core::outline::char_slice;
use crate::i18n::{tr, tr_with, Lang};
use crate::session::OpenDocument;

/// Give `response`'s node a role and a name.
pub fn describe(response: &Response, role: Role, name: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(role);
        node.set_label(name.to_string());
    });
}

/// The reading text: a named document node, then one paragraph node per title line,
/// heading and paragraph of the section on screen, each carrying its text.
pub fn reading_text(response: &Response, doc: &OpenDocument, lang: Lang) {
    let outline = &doc.reader.outline;
    let position = doc.reader.position();
    let article = position.and_then(|(a, _)| outline.articles.get(a));
    let title = match article {
        Some(a) => a
            .title
            .as_ref()
            .map_or(tr(lang, "outline.untitled"), |t| &t.text),
        None => "",
    };
    let name = tr_with(lang, "access.reading", &[("title", title)]);
    describe(response, Role::Document, &name);
    let Some(section) = doc.reader.section() else {
        return;
    };
    let text = |line: &crate::core::outline::Located| {
        char_slice(&outline.text, line.start, line.end).to_string()
    };
    let mut lines = Vec::new();
    if position.is_some_and(|(_, s)| s == 0) {
        if let Some(a) = article {
            lines.extend(
                [&a.title, &a.subtitle, &a.byline]
                    .into_iter()
                    .flatten()
                    .map(text),
            );
            // The line the view draws under the title ("continued from page N").
            if let Some(page) = a.continued_from_page {
                let page = page.to_string();
                lines.push(tr_with(lang, "reading.continued", &[("page", &page)]));
            }
        }
    }
    lines.extend(section.heading.iter().map(text));
    lines.extend(section.paragraphs.iter().map(text));
    for (i, line) in lines.into_iter().enumerate() {
        let id = response.id.with(("paragraph", i));
        response.ctx.accesskit_node_builder(id, |node| {
            node.set_role(Role::Paragraph);
            node.set_label(line);
        });
    }
}

/// Name the scroll bars of the scroll area `area` (its `ScrollAreaOutput::id`) after what
/// they scroll; egui gives them a role but no name.
pub fn name_scroll_bars(ctx: &egui::Context, area: egui::Id, what: &'static str) {
    let lang = language(ctx);
    let name = tr_with(lang, "access.scroll", &[("what", tr(lang, what))]);
    for axis in [0usize, 1] {
        let id = area.with(axis);
        if ctx.has_accesskit_node(id) {
            ctx.accesskit_node_builder(id, |node| node.set_label(name.clone()));
        }
    }
}

/// A dialog's accessible name: its title, in the window's language.
pub fn dialog_name(modal: &crate::session::Modal, lang: Lang) -> &'static str {
    use crate::session::Modal;
    match modal {
        Modal::None => "",
        Modal::Help => tr(lang, "dialog.help"),
        Modal::About => tr(lang, "dialog.about"),
        Modal::OpenFile(_) => tr(lang, "dialog.open"),
        Modal::Tags(_) => tr(lang, "dialog.tags"),
        Modal::Note(_) => tr(lang, "dialog.note"),
        Modal::Codebook(_) => tr(lang, "dialog.codebook"),
        Modal::Export(_) => tr(lang, "dialog.export"),
        Modal::Search(_) => tr(lang, "dialog.search"),
        Modal::Source(_) => tr(lang, "dialog.source"),
        Modal::ConfirmRemove(..) => tr(lang, "dialog.remove"),
        Modal::Rename(_) => tr(lang, "dialog.rename"),
    }
}

/// Remember the window's language for this frame, for widgets drawn without the state.
pub fn set_language(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("pizhu-language"), lang));
}

/// The window's language this frame (see [`set_language`]).
pub fn language(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp(egui::Id::unique("pizhu-language")))
        .unwrap_or_default()
}

/// The window's string `key` in this frame's language.
pub fn text(ctx: &egui::Context, key: &'static str) -> &'static str {
    tr(language(ctx), key)
}
