//! A chord: one key and the modifiers held with it, how the keymap table writes it
//! (`ctrl(Key::O)`), how a key press matches it, and how menus and help show it.

use egui::{Key, Modifiers};

/// A key with the modifiers that must be held. `shift: None` accepts either state,
/// for symbols that need Shift on some layouts (`?`, `+`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: Option<bool>,
}

pub(super) const fn key(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: Some(false),
    }
}
pub(super) const fn symbol(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: None,
    }
}
pub(super) const fn shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: false,
        shift: Some(true),
    }
}
pub(super) const fn ctrl(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: Some(false),
    }
}
pub(super) const fn ctrl_shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: Some(true),
    }
}
pub(super) const fn ctrl_symbol(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        alt: false,
        shift: None,
    }
}
pub(super) const fn alt_shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: true,
        shift: Some(true),
    }
}
pub(super) const fn alt(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        alt: true,
        shift: Some(false),
    }
}

impl Chord {
    pub fn matches(&self, pressed: Key, modifiers: Modifiers) -> bool {
        self.key == pressed
            && self.ctrl == modifiers.command
            && self.alt == modifiers.alt
            && self.shift.is_none_or(|s| s == modifiers.shift)
    }

    /// How the chord is written in the help overlay and menus: `Ctrl+Shift+Z`, `?`, `↓`.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl+");
        }
        if self.alt {
            s.push_str("Alt+");
        }
        if self.shift == Some(true) {
            s.push_str("Shift+");
        }
        let name = match self.key {
            Key::ArrowDown => "↓",
            Key::ArrowUp => "↑",
            Key::ArrowLeft => "←",
            Key::ArrowRight => "→",
            Key::Space => "Space",
            Key::Enter => "Enter",
            Key::Escape => "Esc",
            Key::Delete => "Delete",
            Key::Tab => "Tab",
            Key::PageUp => "PageUp",
            Key::PageDown => "PageDown",
            Key::Home => "Home",
            Key::End => "End",
            Key::Backslash => "\\",
            // Plain letters show as typed (`j`, `Shift+v`); with Ctrl as usual (`Ctrl+O`).
            other if self.ctrl || self.alt => other.symbol_or_name(),
            other => {
                let name = other.symbol_or_name();
                let letter = name.len() == 1 && name.chars().all(|c| c.is_ascii_alphabetic());
                return s + &if letter {
                    name.to_lowercase()
                } else {
                    name.to_string()
                };
            }
        };
        s + name
    }
}
