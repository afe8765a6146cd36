//! `pizhu lookup` (issue 17): the dictionary popup's answer from the real binary, in
//! text and JSON, and clear failures for what cannot be looked up.

mod cli_support;
use cli_support::Library;

#[test]
fn json_gives_the_word_its_span_and_the_reading_of_the_word() {
    let lib = Library::new();
    let found = lib.json(&["lookup", "我们看长江", "--at", "3", "--json"]);
    assert_eq!(found["word"], "长江");
    assert_eq!(
        (found["start"].as_u64(), found["end"].as_u64()),
        (Some(3), Some(5))
    );
    let entry = &found["entries"][0];
    assert_eq!(entry["pinyin"], "Cháng Jiāng");
    assert_eq!(entry["pinyin_numbered"], "Chang2 Jiang1");
    assert_eq!(entry["traditional"], "長江");
    assert!(entry["glosses"][0].as_str().unwrap().contains("Yangtze"));
    // The same char in another word reads otherwise.
    let grow = lib.json(&["lookup", "孩子长大了", "--at", "2", "--json"]);
    assert_eq!(grow["entries"][0]["pinyin"], "zhǎng dà");
}

#[test]
fn text_output_lists_each_reading_and_says_when_a_char_is_unknown() {
    let lib = Library::new();
    let out = lib.ok(&["lookup", "我去银行"]);
    assert_eq!(out.lines().next(), Some("我\t[0, 1)"));
    assert!(out.contains("wǒ\tI; me; my"), "{out}");
    let unknown = lib.ok(&["lookup", "丯"]);
    assert!(unknown.contains("not in the dictionary"), "{unknown}");
}

#[test]
fn a_position_that_is_not_a_chinese_character_fails_clearly() {
    let lib = Library::new();
    let err = lib.fails(&["lookup", "GDP增长", "--at", "1"]);
    assert!(err.contains("not a Chinese character"), "{err}");
    let err = lib.fails(&["lookup", "增长", "--at", "5"]);
    assert!(err.contains("past the end of the text (2 chars)"), "{err}");
}
