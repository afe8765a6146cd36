//! Property tests of re-anchoring: thousands of generated texts and edits.

use super::*;
use proptest::prelude::*;

/// Text from a small alphabet mixing CJK, Latin, emoji and a combining mark, so that
/// duplicates and near-duplicates are common.
fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            '中', '国', '风', '险', 'a', 'b', ' ', '。', '🎉', '\u{301}', '\n',
        ]),
        0..max,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// A text, a non-empty range of it, an insertion point outside the range (often right
/// next to it) and the text to insert.
fn insertion_case() -> impl Strategy<Value = (String, usize, usize, usize, String)> {
    (text_strategy(80), text_strategy(30))
        .prop_filter("a range needs a char", |(text, _)| !text.is_empty())
        .prop_flat_map(|(text, inserted)| {
            let n = len(&text);
            (Just(text), 0..n, Just(inserted)).prop_flat_map(move |(text, start, inserted)| {
                (
                    Just(text),
                    Just(start),
                    start + 1..=n,
                    any::<bool>(),
                    0..=n,
                    Just(inserted),
                )
            })
        })
        .prop_map(|(text, start, end, before, at, inserted)| {
            let at = if before { at.min(start) } else { at.max(end) };
            (text, start, end, at, inserted)
        })
}

fn insert_at(text: &str, at: usize, inserted: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: String = chars[..at].iter().collect();
    out.push_str(inserted);
    out.extend(&chars[at..]);
    out
}

proptest! {
    // The top level holds only the product's folders; regressions live under tests/.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
            "tests/proptest-regressions/core/anchor/tests.txt"
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn inserting_text_outside_the_quote_keeps_an_identical_quote(
        (text, start, end, at, inserted) in insertion_case()
    ) {
        let new = insert_at(&text, at, &inserted);
        let found = moved(&text, &new, start, end);
        prop_assert_eq!(found.status, AnchorStatus::Anchored);
        prop_assert_eq!(char_slice(&new, found.start, found.end), char_slice(&text, start, end));
    }

    #[test]
    fn inserting_text_away_from_a_quote_with_context_keeps_it_without_the_old_text(
        (body, start, end, at, inserted) in insertion_case()
    ) {
        // Fixed context of at least 16 chars on each side: the stored prefix and suffix can
        // then tell the passage apart even when the insertion is right next to it.
        let text = format!("开头的固定上下文有十六个字符长度。{body}结尾的固定上下文也有十六个字符长。");
        let (start, end, at) = (start + 17, end + 17, at + 17);
        let new = insert_at(&text, at, &inserted);
        let found = moved_blind(&text, &new, start, end);
        prop_assert_eq!(found.status, AnchorStatus::Anchored);
        prop_assert_eq!(char_slice(&new, found.start, found.end), char_slice(&text, start, end));
    }

    #[test]
    fn results_always_lie_within_the_new_text(
        old in text_strategy(60),
        new in text_strategy(60),
        start in 0usize..80,
        end in 0usize..80,
        blind in any::<bool>(),
    ) {
        let (quote, prefix, suffix) = quote_context(&old, start, end);
        let old_text = if blind { "" } else { old.as_str() };
        let found = reanchor(old_text, &new, &TextQuote { start, end, quote: &quote, prefix: &prefix, suffix: &suffix });
        prop_assert!(found.start <= found.end);
        prop_assert!(found.end <= len(&new));
        if found.status == AnchorStatus::Anchored && !quote.is_empty() {
            prop_assert_eq!(char_slice(&new, found.start, found.end), quote.as_str());
        }
    }

    #[test]
    fn an_unchanged_text_keeps_every_range(
        text in text_strategy(80), a in 0usize..80, b in 0usize..80,
    ) {
        let n = len(&text);
        let (start, end) = (a.min(b).min(n), a.max(b).min(n));
        prop_assert_eq!(moved(&text, &text, start, end), anchored(start, end));
        prop_assert_eq!(moved_blind(&text, &text, start, end), anchored(start, end));
    }
}
