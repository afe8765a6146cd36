//! The CC-CEDICT data as embedded by the `haoxue-dict` crate (MIT code; the dictionary is
//! CC-CEDICT, © MDBG and contributors, CC BY-SA 4.0). This is the only file that names
//! that crate's API (and `prettify_pinyin`'s), so a change of either stays here.

use super::Entry;

/// CC-CEDICT, parsed. Building it reads the 9.5 MB of embedded text (and the crate's
/// word-frequency list): about 0.5 s in a release build, so it is done off the UI thread.
pub struct Cedict {
    inner: haoxue_dict::Dictionary,
}

impl Cedict {
    /// Parse the embedded dictionary.
    pub fn load() -> Cedict {
        Cedict {
            inner: haoxue_dict::Dictionary::new(),
        }
    }

    /// Every entry whose simplified form is exactly `word`, in the dictionary's order
    /// (a character with several readings has one entry for each).
    pub fn entries(&self, word: &str) -> Vec<Entry> {
        self.inner
            .lookup_entries(word)
            .filter(|e| e.simplified() == word)
            .map(|e| Entry {
                simplified: e.simplified().to_string(),
                traditional: e.traditional().to_string(),
                pinyin: prettify_pinyin::prettify(e.pinyin()),
                pinyin_numbered: e.pinyin().to_string(),
                glosses: e.definitions().map(str::to_string).collect(),
            })
            .collect()
    }

    /// Whether `word` is a headword (cheaper than [`Cedict::entries`]: nothing is copied).
    pub fn contains(&self, word: &str) -> bool {
        self.inner.get_entry(word).is_some()
    }
}
