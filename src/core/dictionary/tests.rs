use super::*;

const SAMPLE: &str = include_str!("../../../seeds/000_51e883962f205273.txt");

/// The lookup at the first occurrence of `at` inside `text`.
fn at(text: &str, at: &str) -> Lookup {
    let byte = text.find(at).expect("the test text holds it");
    let pos = text[..byte].chars().count();
    look_up_at(wait(), text, pos).expect("a Han char")
}

fn readings(l: &Lookup) -> Vec<&str> {
    l.entries.iter().map(|e| e.pinyin.as_str()).collect()
}

#[test]
fn a_common_word_has_its_pinyin_with_tone_marks_and_its_glosses() {
    let l = at("中国经济稳中向好", "济");
    assert_eq!(l.word, "经济");
    assert_eq!((l.start, l.end), (2, 4));
    let e = &l.entries[0];
    assert_eq!(e.pinyin, "jīng jì");
    assert_eq!(e.pinyin_numbered, "jing1 ji4");
    assert_eq!(e.traditional, "經濟");
    assert!(e.glosses.iter().any(|g| g == "economy"), "{:?}", e.glosses);
}

#[test]
fn a_polyphonic_character_gets_the_reading_of_its_word() {
    // 行: háng in 银行, xíng in 行走.
    let bank = at("我去银行取钱", "行");
    assert_eq!(bank.word, "银行");
    assert_eq!(readings(&bank), ["yín háng"]);
    assert!(bank.entries[0].glosses.iter().any(|g| g == "bank"));
    let walk = at("他们在山路上行走", "行");
    assert_eq!(walk.word, "行走");
    assert_eq!(readings(&walk), ["xíng zǒu"]);
    // 重: chóng in 重庆 (not zhòng).
    let city = at("重庆的火锅", "重");
    assert_eq!(city.word, "重庆");
    assert_eq!(readings(&city), ["Chóng qìng"]);
    // 长: zhǎng in 长大, cháng in 长江.
    assert_eq!(readings(&at("孩子长大了", "长")), ["zhǎng dà"]);
    assert_eq!(readings(&at("我们看长江", "长")), ["Cháng Jiāng"]);
}

#[test]
fn a_character_alone_shows_every_reading() {
    // jieba leaves 行 alone between punctuation: both readings, dictionary order.
    let l = at("「行」", "行");
    assert_eq!(l.word, "行");
    assert_eq!(readings(&l), ["háng", "xíng"]);
}

#[test]
fn an_unknown_character_is_answered_as_unknown_and_non_han_as_nothing() {
    // 丯 is a CJK ideograph CC-CEDICT has no entry for.
    let l = at("这是丯字", "丯");
    assert_eq!((l.word.as_str(), l.start, l.end), ("丯", 2, 3));
    assert!(l.is_unknown());
    let dict = wait();
    assert_eq!(look_up_at(dict, "GDP增长", 1), None);
    assert_eq!(look_up_at(dict, "增长。", 2), None);
    assert_eq!(look_up_at(dict, "增长", 9), None);
    assert_eq!(look_up_at(dict, "", 0), None);
}

#[test]
fn a_word_of_a_traditional_page_is_found_through_its_simplified_form() {
    let l = at("我去銀行取錢", "銀");
    assert_eq!(l.word, "銀行");
    assert_eq!(readings(&l), ["yín háng"]);
    assert_eq!(l.entries[0].simplified, "银行");
}

/// Every Han char of the sample: the word shown holds the char, lies inside jieba's word,
/// is jieba's word when the dictionary has it, and is a dictionary word (or the char
/// itself, unknown). Some of jieba's words are not in CC-CEDICT, so the fallback runs.
#[test]
fn every_char_of_the_sample_gets_a_dictionary_word_inside_its_jieba_word() {
    let dict = wait();
    let chars: Vec<char> = SAMPLE.chars().collect();
    let mut fallbacks = 0;
    let mut unknown = 0;
    for (pos, &c) in chars.iter().enumerate() {
        let Some(l) = look_up_at(dict, SAMPLE, pos) else {
            assert!(!is_han(c));
            continue;
        };
        let (ws, we) = segment::word_at(SAMPLE, pos);
        assert!(ws <= l.start && l.start <= pos && pos < l.end && l.end <= we);
        let jieba_word: String = chars[ws..we].iter().collect();
        if dict.contains(&jieba_word) {
            assert_eq!((l.start, l.end), (ws, we), "{jieba_word}");
        } else {
            fallbacks += 1;
        }
        if l.is_unknown() {
            assert_eq!(l.end, l.start + 1);
            unknown += 1;
        } else {
            assert!(dict.contains(&l.word) || dict.contains(&script::to_simplified(&l.word)));
        }
    }
    assert!(fallbacks > 0, "the sample exercises the fallback");
    assert!(unknown * 100 < chars.len(), "{unknown} unknown chars");
}
