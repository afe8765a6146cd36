use super::*;

const SAMPLE: &str = include_str!("../../../seeds/000_51e883962f205273.txt");

#[test]
fn simplified_text_shows_in_traditional_characters_with_phrases() {
    assert_eq!(to_traditional("银行发展"), "銀行發展");
    // The phrase decides the character: 发 is 髮 in 头发 and 發 in 发展.
    assert_eq!(to_traditional("头发"), "頭髮");
    assert_eq!(to_traditional("经济发展"), "經濟發展");
    assert_eq!(to_simplified("經濟發展與頭髮"), "经济发展与头发");
    // Taiwan standard forms, and both forms back to simplified.
    assert_eq!(to_traditional("因为"), "因為");
    assert_eq!(to_simplified("因為因爲"), "因为因为");
}

#[test]
fn punctuation_latin_and_digits_are_shown_as_stored() {
    let text = "2024年，GDP增长5.2%（国家统计局）。";
    let shown = to_traditional(text);
    assert_eq!(shown, "2024年，GDP增長5.2%（國家統計局）。");
}

#[test]
fn as_stored_borrows_and_text_without_han_is_not_copied() {
    assert!(matches!(
        display("银行", DisplayScript::AsStored),
        Cow::Borrowed(_)
    ));
    assert!(matches!(
        display("abc, 123", DisplayScript::Traditional),
        Cow::Borrowed(_)
    ));
}

/// The reason the conversion exists at all: every offset into the stored text must
/// point at the same char in the shown text.
#[test]
fn the_whole_sample_keeps_one_char_for_one_char_both_ways() {
    for script in [DisplayScript::Traditional, DisplayScript::Simplified] {
        let shown = display(SAMPLE, script);
        let stored: Vec<char> = SAMPLE.chars().collect();
        let shown: Vec<char> = shown.chars().collect();
        assert_eq!(stored.len(), shown.len(), "{script:?}");
        for (i, (a, b)) in stored.iter().zip(&shown).enumerate() {
            if !is_han(*a) {
                assert_eq!(a, b, "{script:?}: char {i} is not Han and must stay");
            }
        }
    }
    // And the traditional view really differs from the stored simplified text.
    assert_ne!(to_traditional(SAMPLE), SAMPLE);
    // Round trip of the sample through traditional is close to the original (OpenCC's
    // t2s is not the exact inverse of s2t for a few characters, so count, not equality).
    let back = to_simplified(&to_traditional(SAMPLE));
    let differ = back
        .chars()
        .zip(SAMPLE.chars())
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        differ * 100 < SAMPLE.chars().count(),
        "{differ} chars differ"
    );
}

#[test]
fn a_run_whose_conversion_changes_length_falls_back_to_chars() {
    // Whatever the converter does with each char, the result has the run's length.
    let run = "着重于乾隆年间的后台";
    for script in [DisplayScript::Traditional, DisplayScript::Simplified] {
        assert_eq!(
            display(run, script).chars().count(),
            run.chars().count(),
            "{script:?}"
        );
    }
}

#[test]
fn query_forms_cover_both_scripts_without_repeats() {
    assert_eq!(query_forms("银行"), vec!["银行", "銀行"]);
    assert_eq!(query_forms("銀行"), vec!["銀行", "银行"]);
    // Nothing to convert: one form.
    assert_eq!(query_forms("GDP"), vec!["GDP"]);
}

#[test]
fn the_switch_cycles_and_names_round_trip() {
    let mut s = DisplayScript::default();
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(s);
        assert_eq!(DisplayScript::parse(s.name()), Some(s));
        s = s.next();
    }
    assert_eq!(s, DisplayScript::AsStored);
    assert_eq!(seen, DisplayScript::ALL.to_vec());
    assert_eq!(DisplayScript::parse("klingon"), None);
}
