//! Issue 17: the blocks the reading view lays out in the traditional view are the stored
//! text converted char for char, so every offset still points at its char.

use super::layout::{blocks_of, BlockKind};
use crate::core::outline::char_slice;
use crate::core::script::{self, DisplayScript};
use crate::i18n::Lang;
use crate::session::AppState;
use crate::store::Store;

#[test]
fn the_traditional_view_shows_converted_blocks_of_the_same_length() {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.start(&[]);
    let reader = &state.doc().unwrap().reader;
    let stored = blocks_of(reader, Lang::Zh, DisplayScript::AsStored);
    let shown = blocks_of(reader, Lang::Zh, DisplayScript::Traditional);
    assert_eq!(stored.len(), shown.len());
    let mut converted = 0;
    for ((kind, start, text), (_, shown_start, shown_text)) in stored.iter().zip(&shown) {
        assert_eq!(start, shown_start);
        assert_eq!(text.chars().count(), shown_text.chars().count(), "{kind:?}");
        if let (Some(start), BlockKind::Paragraph) = (start, kind) {
            let len = text.chars().count();
            assert_eq!(text, char_slice(&reader.outline.text, *start, start + len));
            assert_eq!(*shown_text, script::to_traditional(text));
            converted += usize::from(shown_text != text);
        }
    }
    assert!(converted > 0, "the sample's paragraphs change script");
}
