//! What a screen reader sees: every screen and dialog of the window, walked through
//! egui's AccessKit tree in kittest. Each interactive node (one that can be clicked or
//! focused) must have a name; the reading text's paragraphs, the outline's items and
//! the annotation cards must be there by name.

#![cfg(feature = "gui")]

mod gui_support;

use egui::accesskit::{Action, Role};
use egui_kittest::kittest::NodeT;
use gui_support::*;
use pizhu::session::Command;

/// Interactive nodes without a name, as "Role at (x, y)" lines.
fn unnamed_interactive(h: &App) -> Vec<String> {
    let mut missing = Vec::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        let interactive =
            n.data().supports_action(Action::Click) || n.data().supports_action(Action::Focus);
        if !interactive || n.is_hidden() {
            continue;
        }
        let has_text = |t: Option<String>| t.is_some_and(|t| !t.trim().is_empty());
        // A label's name is its text (AccessKit reads it from the value).
        // (A text field's placeholder is no name: it goes once something is typed.)
        let named = has_text(n.label()) || (n.label_comes_from_value() && has_text(n.value()));
        if !named {
            let at = n.bounding_box().map(|b| (b.x0 as i32, b.y0 as i32));
            missing.push(format!("{:?} at {at:?} value {:?}", n.role(), n.value()));
        }
    }
    missing
}

fn labels_with_role(h: &App, role: Role) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == role)
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

fn apply(h: &mut App, command: Command) {
    h.state_mut().state.apply(command);
    h.run();
    h.run();
}

fn assert_all_named(h: &App, screen: &str) {
    let missing = unnamed_interactive(h);
    assert!(
        missing.is_empty(),
        "{screen}: interactive nodes without an accessible name:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_screen_and_dialog_names_its_interactive_nodes() {
    let mut h = fresh();
    assert_all_named(&h, "reading");

    // An annotation to show in the panel and to open the tag and note editors on.
    apply(&mut h, Command::EnterCaretMode);
    apply(&mut h, Command::SelectSentence);
    apply(&mut h, Command::Highlight(Some(2)));
    apply(&mut h, Command::ToggleAnnotationPanel);
    assert_all_named(&h, "reading with the annotation panel");

    let dialogs = [
        ("help", Command::ToggleHelp),
        ("about", Command::ShowAbout),
        ("open file", Command::OpenFileDialog),
        ("export", Command::ExportDialog),
        ("tags", Command::EditTags),
        ("note", Command::EditNote),
        ("codebook", Command::EditCodebook),
    ];
    for (name, command) in dialogs {
        apply(&mut h, command);
        assert_ne!(
            h.state().state.modal(),
            &pizhu::session::Modal::None,
            "{name} opened"
        );
        assert_all_named(&h, name);
        let dialogs = labels_with_role(&h, Role::Dialog)
            .into_iter()
            .chain(labels_with_role(&h, Role::Window))
            .count();
        assert!(dialogs > 0, "{name}: the dialog is a named dialog node");
        apply(&mut h, Command::Escape);
    }

    apply(&mut h, Command::ShowLibrary);
    assert_all_named(&h, "library");
}

#[test]
fn paragraphs_outline_items_and_annotation_cards_are_in_the_tree_by_name() {
    let mut h = fresh();
    let text = doc(&h).reader.outline.text.clone();
    let paragraphs = labels_with_role(&h, Role::Paragraph);
    assert!(!paragraphs.is_empty(), "the reading text's paragraphs");
    // Besides the text, the line the view draws under a continued article's title.
    let continued: Vec<String> = doc(&h)
        .reader
        .outline
        .articles
        .iter()
        .filter_map(|a| a.continued_from_page)
        .map(|page| {
            let page = page.to_string();
            pizhu::i18n::tr_with(
                pizhu::i18n::Lang::Zh,
                "reading.continued",
                &[("page", &page)],
            )
        })
        .collect();
    for p in &paragraphs {
        assert!(
            text.contains(p.as_str()) || continued.contains(p),
            "paragraph {p:?} is reading text"
        );
    }
    let outline = labels_with_role(&h, Role::TreeItem);
    assert!(!outline.is_empty(), "outline items");

    apply(&mut h, Command::EnterCaretMode);
    apply(&mut h, Command::SelectSentence);
    apply(&mut h, Command::Highlight(Some(3)));
    apply(&mut h, Command::ToggleAnnotationPanel);
    let quote = doc(&h).annotations[0].quote.clone();
    let cards = labels_with_role(&h, Role::ListItem);
    assert!(
        cards.iter().any(|c| c.contains(quote.trim())),
        "a card names its quote {quote:?}: {cards:?}"
    );
}
