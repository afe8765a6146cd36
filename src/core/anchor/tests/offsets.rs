//! Offsets after edits the reader does not see: extraction spaces dropped, emoji and
//! combining marks counted, stale offsets of imported annotations, a shorter text.

use super::*;

#[test]
fn a_reflow_that_drops_extraction_spaces_moves_annotations_for_checking() {
    let old = "今年4月 28日，全 区 社 会消费品零售总额增长 5.2%，比上月加快。\n下一段文字。";
    let new = "今年4月28日，全区社会消费品零售总额增长5.2%，比上月加快。\n下一段文字。";
    let quote = "全 区 社 会消费品零售总额";
    let start = at(old, quote);
    let found = moved(old, new, start, start + len(quote));
    assert_eq!(found.status, AnchorStatus::Check);
    assert_eq!(
        char_slice(new, found.start, found.end),
        "全区社会消费品零售总额"
    );
    let later = at(old, "下一段");
    assert_eq!(
        moved(old, new, later, later + 3),
        anchored(at(new, "下一段"), at(new, "下一段") + 3)
    );
}

#[test]
fn offsets_count_chars_with_emoji_and_combining_marks() {
    let old = "开头🎉🎉文字 café\u{301} 中间的批注对象在这里，结尾。";
    let new = "开头🎉🎉🎉插入 e\u{301}\u{302} 文字 café\u{301} 中间的批注对象在这里，结尾。";
    let start = at(old, "批注对象");
    let expected = at(new, "批注对象");
    assert_eq!(expected, start + 8);
    assert_eq!(
        moved(old, new, start, start + 4),
        anchored(expected, expected + 4)
    );
    assert_eq!(
        moved_blind(old, new, start, start + 4),
        anchored(expected, expected + 4)
    );
    let cafe = at(old, "café");
    let found = moved(old, new, cafe, cafe + 5);
    assert_eq!(char_slice(new, found.start, found.end), "café\u{301}");
}

#[test]
fn an_imported_annotation_with_stale_offsets_is_found_by_its_quote() {
    let start = at(ARTICLE, "分享发展机遇");
    let (quote, prefix, suffix) = quote_context(ARTICLE, start, start + 6);
    let found = reanchor(
        "",
        ARTICLE,
        &TextQuote {
            start: 3,
            end: 9,
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        },
    );
    assert_eq!(found, anchored(start, start + 6));
    // Without any context an exact quote is still enough.
    let found = reanchor(
        "",
        ARTICLE,
        &TextQuote {
            start: 3,
            end: 9,
            quote: &quote,
            prefix: "",
            suffix: "",
        },
    );
    assert_eq!(found, anchored(start, start + 6));
}

#[test]
fn offsets_beyond_a_shorter_text_are_clamped() {
    let found = reanchor(
        "",
        "短文",
        &TextQuote {
            start: 10,
            end: 20,
            quote: "不存在的引文",
            prefix: "",
            suffix: "",
        },
    );
    assert_eq!(
        found,
        Reanchored {
            start: 2,
            end: 2,
            status: AnchorStatus::Orphan
        }
    );
    let found = reanchor(
        "",
        "短文",
        &TextQuote {
            start: 5,
            end: 1,
            quote: "",
            prefix: "",
            suffix: "",
        },
    );
    assert_eq!(found.status, AnchorStatus::Orphan);
    assert!(found.start <= found.end && found.end <= 2);
}

#[test]
fn a_reanchorer_moves_many_annotations_like_reanchor() {
    let new = ARTICLE.replace("美西方", "某些国家");
    let batch = Reanchorer::new(ARTICLE, &new);
    for needle in ["去风险", "高水平", "正确选择", "\n"] {
        let start = at(ARTICLE, needle);
        let end = start + len(needle);
        let (quote, prefix, suffix) = quote_context(ARTICLE, start, end);
        assert_eq!(
            batch.reanchor(&TextQuote {
                start,
                end,
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix
            }),
            reanchor(
                ARTICLE,
                &new,
                &TextQuote {
                    start,
                    end,
                    quote: &quote,
                    prefix: &prefix,
                    suffix: &suffix
                }
            )
        );
    }
}
