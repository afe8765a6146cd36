//! The keymap table's own checks: no chord does two things in one context, menus show
//! the keys that work.

use super::*;
use std::collections::HashMap;

/// (context, key, ctrl, alt, shift): one physical chord in one context.
type Slot = (KeyContext, Key, bool, bool, bool);

#[test]
fn no_two_actions_share_a_chord_in_one_context() {
    let mut seen: HashMap<Slot, &Command> = HashMap::new();
    for binding in KEYMAP {
        for chord in binding.chords {
            // A chord that accepts either Shift state claims both.
            let shifts = match chord.shift {
                Some(s) => vec![s],
                None => vec![false, true],
            };
            for s in shifts {
                let slot = (binding.context, chord.key, chord.ctrl, chord.alt, s);
                if let Some(other) = seen.insert(slot, &binding.command) {
                    panic!(
                        "{} is bound to both {other:?} and {:?}",
                        chord.display(),
                        binding.command
                    );
                }
            }
        }
    }
}

fn lookup(contexts: &[KeyContext], pressed: Key, modifiers: Modifiers) -> Option<&'static Command> {
    super::lookup(contexts, pressed, modifiers).map(|b| &b.command)
}

/// A context is looked up before Global, so a key bound in both would silently
/// take the context's meaning. (Caret over Reading is the one deliberate shadowing,
/// and Help repeats Global's F1 with the same command.)
#[test]
fn no_context_binding_shadows_a_global_one() {
    for global in KEYMAP.iter().filter(|b| b.context == KeyContext::Global) {
        for binding in KEYMAP.iter().filter(|b| b.context != KeyContext::Global) {
            for chord in binding.chords {
                let clash = global.chords.iter().any(|g| {
                    g.key == chord.key
                        && g.ctrl == chord.ctrl
                        && g.alt == chord.alt
                        && (g.shift.is_none() || chord.shift.is_none() || g.shift == chord.shift)
                });
                assert!(
                    !clash || binding.command == global.command,
                    "{} in {:?} ({:?}) shadows the global {:?}",
                    chord.display(),
                    binding.context,
                    binding.command,
                    global.command
                );
            }
        }
    }
}

#[test]
fn only_moves_repeat_while_a_key_is_held() {
    for b in KEYMAP {
        let moves = matches!(
            b.command,
            Command::ScrollDown
                | Command::ScrollUp
                | Command::PageDown
                | Command::PageUp
                | Command::MoveCaret { .. }
                | Command::ListStep(Step::Up | Step::Down)
        );
        assert_eq!(b.repeat, moves, "{:?}", b.command);
    }
}

#[test]
fn specific_contexts_win_over_broader_ones() {
    let none = Modifiers::NONE;
    let caret = [KeyContext::Caret, KeyContext::Reading, KeyContext::Global];
    let reading = [KeyContext::Reading, KeyContext::Global];
    assert_eq!(
        lookup(&reading, Key::ArrowRight, none),
        Some(&Command::NextSection)
    );
    assert!(matches!(
        lookup(&caret, Key::ArrowRight, none),
        Some(Command::MoveCaret { .. })
    ));
    assert_eq!(lookup(&caret, Key::N, none), Some(&Command::NextSection));
    assert_eq!(
        lookup(&reading, Key::Questionmark, Modifiers::SHIFT),
        Some(&Command::ToggleHelp)
    );
    assert_eq!(
        lookup(&reading, Key::Space, Modifiers::SHIFT),
        Some(&Command::PageUp)
    );
    assert_eq!(
        lookup(&reading, Key::Z, Modifiers::COMMAND),
        Some(&Command::Undo)
    );
    assert_eq!(
        lookup(&reading, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT),
        Some(&Command::Redo)
    );
    assert_eq!(lookup(&[KeyContext::Outline], Key::N, none), None);
}

#[test]
fn chords_display_as_typed() {
    assert_eq!(keys_for(&Command::NextSection), "n / →");
    assert_eq!(keys_for(&Command::Redo), "Ctrl+Shift+Z / Ctrl+Y");
    assert_eq!(keys_for(&Command::ToggleOutline), "F9 / Ctrl+\\");
    assert_eq!(keys_for(&Command::ToggleHelp), "F1 / ?");
}
