//! The dictionary popup's answer (issue 17): the word at a place in the reading text,
//! with its pinyin and English glosses from CC-CEDICT.
//!
//! The word is jieba's word at the position (`core::segment`, the same words a
//! double-click selects); when CC-CEDICT does not have it (a name, a new compound), the
//! longest dictionary word inside it that holds the position, down to the char itself.
//! Readings come from the word's own entry, so a character with several readings gets
//! the word's: 银行 yín háng, 行走 xíng zǒu, 重庆 Chóng qìng, 长大 zhǎng dà, 长江 Cháng Jiāng.
//! CC-CEDICT keys its entries by simplified form; a word of a traditional page is looked
//! up as written and then in simplified characters.
//!
//! The dictionary takes a moment to parse, so the window starts [`preload`] on a thread
//! and asks [`loaded`], which never waits; the CLI and tests call [`wait`].

mod cedict;

use std::sync::OnceLock;

use serde::Serialize;

pub use cedict::Cedict;

use super::charclass::is_han;
use super::{script, segment};

/// One reading of a headword.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub simplified: String,
    pub traditional: String,
    /// With tone marks: "yín háng".
    pub pinyin: String,
    /// As CC-CEDICT writes it: "yin2 hang2".
    pub pinyin_numbered: String,
    /// English glosses, in the dictionary's order.
    pub glosses: Vec<String>,
}

/// The word at a position and what the dictionary says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lookup {
    /// Char offsets `[start, end)` of the word in the text looked in.
    pub start: usize,
    pub end: usize,
    /// The word as written in the text.
    pub word: String,
    /// Its readings; empty when the dictionary does not know even the char.
    pub entries: Vec<Entry>,
}

impl Lookup {
    pub fn is_unknown(&self) -> bool {
        self.entries.is_empty()
    }
}

static LOADED: OnceLock<Cedict> = OnceLock::new();

/// Parse the dictionary now, if no one has; meant for a background thread.
pub fn preload() {
    wait();
}

/// The dictionary if it is parsed; never waits (the window asks this every frame).
pub fn loaded() -> Option<&'static Cedict> {
    LOADED.get()
}

/// The dictionary, parsing it first if need be (or waiting for the thread doing it).
pub fn wait() -> &'static Cedict {
    LOADED.get_or_init(Cedict::load)
}

/// What the popup shows for the char at `pos` of `text`: `None` where there is nothing to
/// look up (not a Han character, or past the end).
pub fn look_up_at(dict: &Cedict, text: &str, pos: usize) -> Option<Lookup> {
    let chars: Vec<char> = text.chars().collect();
    if !chars.get(pos).copied().is_some_and(is_han) {
        return None;
    }
    let (word_start, word_end) = segment::word_at(text, pos);
    // Longest first; among words of one length, the one starting first.
    for len in (1..=word_end - word_start).rev() {
        let first = word_start.max((pos + 1).saturating_sub(len));
        let last = pos.min(word_end - len);
        for start in first..=last {
            let word: String = chars[start..start + len].iter().collect();
            let entries = entries_of(dict, &word);
            if !entries.is_empty() {
                return Some(Lookup {
                    start,
                    end: start + len,
                    word,
                    entries,
                });
            }
        }
    }
    Some(Lookup {
        start: pos,
        end: pos + 1,
        word: chars[pos].to_string(),
        entries: Vec::new(),
    })
}

/// The entries of `word` as written, else of its simplified form.
pub fn entries_of(dict: &Cedict, word: &str) -> Vec<Entry> {
    let entries = dict.entries(word);
    if !entries.is_empty() {
        return entries;
    }
    let simplified = script::to_simplified(word);
    if simplified != word {
        return dict.entries(&simplified);
    }
    entries
}

#[cfg(test)]
mod tests;
