//! What a screen reader is told about the widgets pizhu draws itself: the reading text
//! (a document whose paragraphs are nodes with their text), outline entries (tree items)
//! and annotation cards (list items). egui's own widgets name themselves from their text.

use egui::accesskit::Role;
use egui::Response;

use crate::core::outline::char_slice;
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
pub fn reading_text(response: &Response, doc: &OpenDocument) {
    let outline = &doc.reader.outline;
    let position = doc.reader.position();
    let article = position.and_then(|(a, _)| outline.articles.get(a));
    let title = article.map(|a| a.display_title()).unwrap_or("");
    describe(response, Role::Document, &format!("阅读 Reading: {title}"));
    let Some(section) = doc.reader.section() else {
        return;
    };
    let mut lines = Vec::new();
    if position.is_some_and(|(_, s)| s == 0) {
        if let Some(a) = article {
            lines.extend([&a.title, &a.subtitle, &a.byline].into_iter().flatten());
        }
    }
    lines.extend(section.heading.iter());
    lines.extend(section.paragraphs.iter());
    for (i, line) in lines.into_iter().enumerate() {
        let text = char_slice(&outline.text, line.start, line.end);
        let id = response.id.with(("paragraph", i));
        response.ctx.accesskit_node_builder(id, |node| {
            node.set_role(Role::Paragraph);
            node.set_label(text.to_string());
        });
    }
}

/// Name the scroll bars of the scroll area `area` (its `ScrollAreaOutput::id`) after what
/// they scroll; egui gives them a role but no name.
pub fn name_scroll_bars(ctx: &egui::Context, area: egui::Id, what: &str) {
    for (axis, direction) in [(0usize, "横向滚动 horizontal"), (1, "滚动 scroll")] {
        let id = area.with(axis);
        if ctx.has_accesskit_node(id) {
            ctx.accesskit_node_builder(id, |node| node.set_label(format!("{what} · {direction}")));
        }
    }
}

/// A dialog's accessible name: its title.
pub fn dialog_name(modal: &crate::session::Modal) -> &'static str {
    use crate::session::Modal;
    match modal {
        Modal::None => "",
        Modal::Help => "帮助 Help",
        Modal::About => "关于 About",
        Modal::OpenFile(_) => "打开文件 Open a file",
        Modal::Tags(_) => "标签 Tags",
        Modal::Note(_) => "笔记 Note",
        Modal::Codebook(_) => "颜色名称 Colour names",
        Modal::Export(_) => "导出批注 Export annotations",
    }
}
