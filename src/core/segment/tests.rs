use super::*;
use crate::core::outline::char_slice;
use proptest::prelude::*;

/// Char offset of the first occurrence of `needle`.
fn at(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .chars()
        .count()
}

fn word(text: &str, pos: usize) -> &str {
    let (s, e) = word_at(text, pos);
    char_slice(text, s, e)
}

fn sentence(text: &str, pos: usize) -> &str {
    let (s, e) = sentence_at(text, pos);
    char_slice(text, s, e)
}

#[test]
fn a_double_click_in_a_chinese_clause_selects_a_word_not_the_clause() {
    let text = "美西方所谓“去风险”的本质";
    let pos = at(text, "风");
    let (s, e) = word_at(text, pos);
    assert!((s..e).contains(&pos));
    assert!(
        (2..=4).contains(&(e - s)),
        "got {:?}",
        char_slice(text, s, e)
    );
    assert!("去风险".contains(char_slice(text, s, e)));
    // The same inside a long run of Han characters without punctuation.
    let text = "中国坚定不移推进高水平对外开放同各国分享发展机遇";
    let pos = at(text, "开");
    let w = word(text, pos);
    assert!(w.chars().count() <= 4 && w.contains('开'), "got {w:?}");
}

#[test]
fn preloading_on_another_thread_serves_later_calls() {
    std::thread::spawn(preload).join().unwrap();
    assert_eq!(word_at("发展机遇", 0), (0, 2));
}

#[test]
fn latin_words_are_runs_of_letters_and_digits() {
    let text = "The U.S. economy grew 3.5% in 2024, didn’t it? snake_case ok";
    assert_eq!(word(text, 1), "The");
    assert_eq!(word(text, at(text, "economy") + 3), "economy");
    assert_eq!(word(text, at(text, "3.5")), "3.5");
    assert_eq!(word(text, at(text, "%")), "%");
    assert_eq!(word(text, at(text, "2024")), "2024");
    assert_eq!(word(text, at(text, "didn")), "didn’t");
    assert_eq!(word(text, at(text, "snake")), "snake_case");
    assert_eq!(word(text, at(text, "U.S")), "U");
}

#[test]
fn whitespace_and_punctuation_are_units_of_their_own() {
    let text = "中国，  开放……——合作";
    assert_eq!(word(text, at(text, "，")), "，");
    assert_eq!(word(text, at(text, "  ")), "  ");
    assert_eq!(word(text, at(text, "…")), "……");
    assert_eq!(word(text, at(text, "—")), "——");
    assert_eq!(word("a\nb", 1), "\n");
}

#[test]
fn mixed_scripts_split_where_the_script_changes() {
    let text = "5G网络和AI技术";
    assert_eq!(word(text, 0), "5G");
    assert_eq!(word(text, at(text, "AI") + 1), "AI");
}

#[test]
fn combining_marks_and_emoji_sequences_stay_whole() {
    let text = "cafe\u{301} 👍🏽 👨\u{200D}👩\u{200D}👧 中\u{301}国";
    assert_eq!(word(text, 0), "cafe\u{301}");
    assert_eq!(word(text, 4), "cafe\u{301}");
    assert_eq!(word(text, at(text, "👍")), "👍🏽");
    let family = at(text, "👨");
    assert_eq!(word(text, family + 2), "👨\u{200D}👩\u{200D}👧");
    let mark = at(text, "\u{301}国");
    let (s, e) = word_at(text, mark);
    assert!(s < mark && mark < e, "a mark is never a word alone");
}

#[test]
fn word_at_handles_text_ends_and_empty_text() {
    assert_eq!(word_at("", 0), (0, 0));
    assert_eq!(word_at("", 5), (0, 0));
    assert_eq!(word_at("hello world", 11), (6, 11));
    assert_eq!(word_at("hello world", 99), (6, 11));
    assert_eq!(word_at("hello", 0), (0, 5));
}

#[test]
fn word_boundaries_skip_whitespace_then_a_word() {
    let text = "hello,  world foo";
    assert_eq!(next_word_boundary(text, 0), 5);
    assert_eq!(next_word_boundary(text, 2), 5);
    assert_eq!(next_word_boundary(text, 5), 6);
    assert_eq!(next_word_boundary(text, 6), 13);
    assert_eq!(next_word_boundary(text, 17), 17);
    assert_eq!(next_word_boundary(text, 99), 17);
    assert_eq!(prev_word_boundary(text, 17), 14);
    assert_eq!(prev_word_boundary(text, 14), 8);
    assert_eq!(prev_word_boundary(text, 8), 5);
    assert_eq!(prev_word_boundary(text, 3), 0);
    assert_eq!(prev_word_boundary(text, 0), 0);
    assert_eq!(next_word_boundary("", 0), 0);
    assert_eq!(prev_word_boundary("", 3), 0);
    // Across a line break.
    assert_eq!(next_word_boundary("ab\n  cd", 2), 7);
    assert_eq!(prev_word_boundary("ab\n  cd", 5), 0);
}

#[test]
fn word_boundaries_step_through_chinese_words() {
    let text = "推进高水平对外开放";
    let mut pos = 0;
    let mut stops = vec![];
    while pos < text.chars().count() {
        let next = next_word_boundary(text, pos);
        assert!(next > pos);
        stops.push(next);
        pos = next;
    }
    assert!(stops.len() >= 3, "words, not the clause: {stops:?}");
    // Walking back visits the same boundaries.
    let mut back = vec![];
    while pos > 0 {
        pos = prev_word_boundary(text, pos);
        back.push(pos);
    }
    back.pop();
    back.reverse();
    stops.pop();
    assert_eq!(back, stops);
}

#[test]
fn long_runs_are_cut_into_words_near_the_position() {
    let han = "我们坚持推进高水平对外开放".repeat(200);
    let pos = han.chars().count() / 2 + 3;
    let (s, e) = word_at(&han, pos);
    assert!(
        s <= pos && pos < e && e - s <= 8,
        "{:?}",
        char_slice(&han, s, e)
    );
    let latin = "a".repeat(5_000);
    let (s, e) = word_at(&latin, 2_500);
    assert!(s <= 2_500 && 2_500 < e && e <= 5_000);
}

#[test]
fn chinese_punctuation_is_stepped_over_word_by_word() {
    let text = "中国，开放";
    assert_eq!(next_word_boundary(text, 0), 2);
    assert_eq!(next_word_boundary(text, 2), 3);
    assert_eq!(next_word_boundary(text, 3), 5);
    assert_eq!(prev_word_boundary(text, 5), 3);
    assert_eq!(prev_word_boundary(text, 3), 2);
}

#[test]
fn sentences_end_after_chinese_terminators_and_closing_quotes() {
    let text = "他说：“我们要开放。”随后离开了！真的吗？是的；好……最后一句";
    assert_eq!(sentence(text, 0), "他说：“我们要开放。”");
    assert_eq!(sentence(text, at(text, "开放")), "他说：“我们要开放。”");
    assert_eq!(sentence(text, at(text, "。”") + 1), "他说：“我们要开放。”");
    assert_eq!(sentence(text, at(text, "随后")), "随后离开了！");
    assert_eq!(sentence(text, at(text, "真的")), "真的吗？");
    // `；` joins clauses of one sentence (core::charclass decides it once, for reflow too).
    assert_eq!(sentence(text, at(text, "是的")), "是的；好……");
    assert_eq!(sentence(text, at(text, "好")), "是的；好……");
    assert_eq!(sentence(text, at(text, "最后")), "最后一句");
    assert_eq!(sentence(text, text.chars().count()), "最后一句");
    let brackets = "（这是括号里的话。）「引文！」『再引？』完";
    assert_eq!(sentence(brackets, 1), "（这是括号里的话。）");
    assert_eq!(sentence(brackets, at(brackets, "「") + 1), "「引文！」");
    assert_eq!(sentence(brackets, at(brackets, "再")), "『再引？』");
}

#[test]
fn latin_sentences_end_at_a_full_stop_before_a_space() {
    let text = "Growth was 3.5 percent.  Is it real?! \"Yes.\" The end";
    assert_eq!(sentence(text, 0), "Growth was 3.5 percent.");
    assert_eq!(sentence(text, at(text, "real")), "Is it real?!");
    assert_eq!(sentence(text, at(text, "Yes")), "\"Yes.\"");
    assert_eq!(sentence(text, at(text, "end")), "The end");
    // Between two spaces after a sentence: that sentence with its trailing spaces.
    let gap = at(text, " Is");
    assert_eq!(sentence(text, gap), "Growth was 3.5 percent.  ");
}

#[test]
fn sentences_never_cross_a_line() {
    let text = "第一段没有句号\n第二段。第三句\n\n";
    assert_eq!(sentence(text, 2), "第一段没有句号");
    assert_eq!(sentence(text, at(text, "第二")), "第二段。");
    assert_eq!(sentence(text, at(text, "第三")), "第三句");
    let empty_line = at(text, "\n\n") + 1;
    assert_eq!(sentence_at(text, empty_line), (empty_line, empty_line));
    assert_eq!(sentence_at("", 0), (0, 0));
    assert_eq!(sentence_at("", 9), (0, 0));
    // Indentation is not part of the sentence.
    let indented = "\u{3000}\u{3000}开头。";
    assert_eq!(sentence(indented, 3), "开头。");
}

#[test]
fn line_at_is_the_paragraph_without_its_newline() {
    let text = "标题\n第一段。\n\n最后";
    assert_eq!(line_at(text, 0), (0, 2));
    assert_eq!(line_at(text, 2), (0, 2));
    assert_eq!(line_at(text, 3), (3, 7));
    assert_eq!(line_at(text, 8), (8, 8));
    assert_eq!(line_at(text, 9), (9, 11));
    assert_eq!(line_at(text, 99), (9, 11));
    assert_eq!(line_at("", 0), (0, 0));
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            '中', '国', '开', '放', '风', '险', 'a', 'b', '1', '.', ',', '\'', ' ', '\n', '。',
            '”', '…', '🎉', '\u{301}', '\u{200D}', '\u{FE0F}',
        ]),
        0..60,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    // The top level holds only the product's folders; regressions live under tests/.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
            "tests/proptest-regressions/core/segment/tests.txt"
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn word_at_contains_pos_and_stays_in_the_text(text in text_strategy(), pos in 0usize..70) {
        let n = text.chars().count();
        let (s, e) = word_at(&text, pos);
        prop_assert!(s <= e && e <= n);
        if pos < n {
            prop_assert!(s <= pos && pos < e, "{:?} at {} gave {:?}", text, pos, (s, e));
        }
    }

    #[test]
    fn word_boundaries_move_monotonically(text in text_strategy(), pos in 0usize..70) {
        let n = text.chars().count();
        let p = pos.min(n);
        let next = next_word_boundary(&text, pos);
        let prev = prev_word_boundary(&text, pos);
        prop_assert!(next <= n && (next > p || p == n));
        prop_assert!(prev < p || p == 0);
    }

    #[test]
    fn sentences_and_lines_contain_pos_within_one_line(text in text_strategy(), pos in 0usize..70) {
        let n = text.chars().count();
        let p = pos.min(n);
        let (ls, le) = line_at(&text, pos);
        let (ss, se) = sentence_at(&text, pos);
        prop_assert!(ls <= p && p <= le && le <= n);
        prop_assert!(ls <= ss && ss <= p && p <= se && se <= le);
        prop_assert!(!char_slice(&text, ls, le).contains('\n'));
    }
}

#[test]
fn grapheme_clusters_are_never_split() {
    // Flags are two regional indicators; Hangul syllables can be spelt in conjoining jamo.
    let text = "看🇨🇳🇯🇵和\u{1100}\u{1161}\u{11A8}字";
    let flag = at(text, "🇨🇳");
    assert_eq!(
        word_at(text, flag + 1),
        (flag, flag + 2),
        "one flag, both halves"
    );
    assert_eq!(next_word_boundary(text, flag), flag + 2);
    let jamo = at(text, "\u{1100}");
    assert_eq!(
        word_at(text, jamo + 2),
        (jamo, jamo + 3),
        "one syllable of three jamo"
    );
}

#[test]
fn a_break_inside_a_word_is_told_from_one_between_words() {
    // A paragraph's wrap cuts 用房 and 特异; a head or title ends with its word.
    assert_eq!(
        break_cuts_word("这家食堂由一处闲置的街道用", "房改造而成"),
        Some(true)
    );
    assert_eq!(
        break_cuts_word("云南东部山区发现又一处寒武纪特", "异埋藏化石库"),
        Some(true)
    );
    assert_eq!(
        break_cuts_word("农民在田间劳作，春耕", "生产有序推进"),
        Some(false)
    );
    // Not between two Han characters: nothing to say.
    assert_eq!(break_cuts_word("就觉得值了”", "老周说"), None);
    assert_eq!(break_cuts_word("保障工作", "11月15日起"), None);
    assert_eq!(break_cuts_word("", "房改造"), None);
}
