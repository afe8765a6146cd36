//! Showing a text in traditional or simplified characters without changing it (issue 17).
//!
//! The reading text is stored once and every offset (selection, annotations, search hits)
//! counts its chars, so a display conversion must give one char for one char: a phrase
//! conversion that changes the length (OpenCC has a few, e.g. for 'C-words) falls back
//! to converting that run char by char. Only runs of Han characters are converted; the
//! rest (punctuation, Latin, digits) is shown as stored.
//!
//! The converter is OpenCC's data through `ferrous-opencc` (Apache-2.0, pure Rust), whose
//! API is named only in this file. Building a converter takes a few milliseconds, so it is
//! done once, on first use (or ahead of time with [`preload`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

use super::charclass::is_han;

/// Which characters the reading view shows. Display only: the stored text is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DisplayScript {
    /// As the page was printed (and stored).
    #[default]
    AsStored,
    Traditional,
    Simplified,
}

impl DisplayScript {
    pub const ALL: [DisplayScript; 3] = [
        DisplayScript::AsStored,
        DisplayScript::Traditional,
        DisplayScript::Simplified,
    ];

    /// The next choice of the switch: as stored → traditional → simplified → as stored.
    pub fn next(self) -> DisplayScript {
        match self {
            DisplayScript::AsStored => DisplayScript::Traditional,
            DisplayScript::Traditional => DisplayScript::Simplified,
            DisplayScript::Simplified => DisplayScript::AsStored,
        }
    }

    /// Its name in the settings and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DisplayScript::AsStored => "as-stored",
            DisplayScript::Traditional => "traditional",
            DisplayScript::Simplified => "simplified",
        }
    }

    pub fn parse(s: &str) -> Option<DisplayScript> {
        Self::ALL.into_iter().find(|d| d.name() == s)
    }

    /// The catalogue key of its name in the window.
    pub fn label_key(self) -> &'static str {
        match self {
            DisplayScript::AsStored => "script.as_stored",
            DisplayScript::Traditional => "script.traditional",
            DisplayScript::Simplified => "script.simplified",
        }
    }
}

/// Simplified → traditional and back. The Taiwan standard forms (為, 裡, 著) rather than
/// OpenCC's own (爲, 裏, 着), because they are what traditional print mostly uses; words are
/// not localised (s2twp would turn 软件 into 軟體, another word). `None` if the embedded
/// data did not load (a broken build): the text is then shown as stored, not failing.
static TO_TRADITIONAL: LazyLock<Option<OpenCC>> = LazyLock::new(|| converter(BuiltinConfig::S2tw));
static TO_SIMPLIFIED: LazyLock<Option<OpenCC>> = LazyLock::new(|| converter(BuiltinConfig::Tw2s));

fn converter(config: BuiltinConfig) -> Option<OpenCC> {
    OpenCC::from_config(config)
        .map_err(|e| tracing::warn!("the script converter did not load: {e}"))
        .ok()
}

/// Build both converters now (e.g. on a background thread at start), so that the first
/// switch of script does not wait for them.
pub fn preload() {
    LazyLock::force(&TO_TRADITIONAL);
    LazyLock::force(&TO_SIMPLIFIED);
}

/// `text` as `script` shows it: the same number of chars, each in the same place.
pub fn display(text: &str, script: DisplayScript) -> Cow<'_, str> {
    let converter = match script {
        DisplayScript::AsStored => return Cow::Borrowed(text),
        DisplayScript::Traditional => TO_TRADITIONAL.as_ref(),
        DisplayScript::Simplified => TO_SIMPLIFIED.as_ref(),
    };
    match converter {
        Some(c) if text.chars().any(is_han) => Cow::Owned(convert_keeping_chars(c, text)),
        _ => Cow::Borrowed(text),
    }
}

/// `text` in traditional characters, one char for one char.
pub fn to_traditional(text: &str) -> String {
    display(text, DisplayScript::Traditional).into_owned()
}

/// `text` in simplified characters, one char for one char.
pub fn to_simplified(text: &str) -> String {
    display(text, DisplayScript::Simplified).into_owned()
}

/// The forms of a query to look for, so that a query typed in either script finds the
/// text in the other: as typed, then simplified, then traditional, without repeats.
/// Each has as many chars as the query, so a hit of any covers the same chars.
pub fn query_forms(query: &str) -> Vec<String> {
    let mut forms = vec![query.to_string()];
    for form in [to_simplified(query), to_traditional(query)] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Converts each run of Han characters as a whole (so OpenCC's phrases pick the right
/// character: 头发 → 頭髮 but 发展 → 發展), and a run whose length would change char by char.
fn convert_keeping_chars(converter: &OpenCC, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let han = rest.starts_with(|c: char| is_han(c));
        let run_end = rest
            .char_indices()
            .find(|&(_, c)| is_han(c) != han)
            .map_or(rest.len(), |(i, _)| i);
        let (run, after) = rest.split_at(run_end);
        if han {
            convert_run(converter, run, &mut out);
        } else {
            out.push_str(run);
        }
        rest = after;
    }
    out
}

fn convert_run(converter: &OpenCC, run: &str, out: &mut String) {
    let whole = converter.convert(run);
    if whole.chars().count() == run.chars().count() {
        out.push_str(&whole);
        return;
    }
    let mut buf = [0u8; 4];
    for c in run.chars() {
        let one = converter.convert(c.encode_utf8(&mut buf));
        let mut chars = one.chars();
        match (chars.next(), chars.next()) {
            (Some(converted), None) => out.push(converted),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests;
