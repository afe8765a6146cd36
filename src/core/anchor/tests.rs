use super::*;
use crate::core::outline::char_slice;

/// Char offset of the `nth` (0-based) occurrence of `needle` in `text`.
fn nth_at(text: &str, needle: &str, nth: usize) -> usize {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    text[..byte].chars().count()
}

fn at(text: &str, needle: &str) -> usize {
    nth_at(text, needle, 0)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Annotate `[start, end)` of `old`, then move it to `new`.
fn moved(old: &str, new: &str, start: usize, end: usize) -> Reanchored {
    let (quote, prefix, suffix) = quote_context(old, start, end);
    reanchor(
        old,
        new,
        &TextQuote {
            start,
            end,
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        },
    )
}

/// As `moved`, but as for an imported annotation: the old text is unknown.
fn moved_blind(old: &str, new: &str, start: usize, end: usize) -> Reanchored {
    let (quote, prefix, suffix) = quote_context(old, start, end);
    reanchor(
        "",
        new,
        &TextQuote {
            start,
            end,
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        },
    )
}

fn anchored(start: usize, end: usize) -> Reanchored {
    Reanchored {
        start,
        end,
        status: AnchorStatus::Anchored,
    }
}

const ARTICLE: &str = "美西方所谓“去风险”的本质，是以安全为名行保护主义之实。\n\
    中国坚定不移推进高水平对外开放，同各国分享发展机遇。\n\
    事实证明，开放合作才是应对风险挑战的正确选择。";

#[test]
fn quote_context_takes_up_to_32_chars_each_side() {
    let text: String = "一二三四五六七八九十".repeat(8);
    let (quote, prefix, suffix) = quote_context(&text, 40, 43);
    assert_eq!(quote, "一二三");
    assert_eq!(len(&prefix), CONTEXT_CHARS);
    assert_eq!(len(&suffix), CONTEXT_CHARS);
    assert!(prefix.ends_with("九十"));
    assert!(suffix.starts_with("四五"));
}

#[test]
fn quote_context_is_short_at_the_text_edges_and_clamps() {
    assert_eq!(
        quote_context("风险挑战", 0, 2),
        ("风险".into(), "".into(), "挑战".into())
    );
    assert_eq!(
        quote_context("风险挑战", 3, 99),
        ("战".into(), "风险挑".into(), "".into())
    );
    // Inverted: the start is clamped to the end.
    assert_eq!(
        quote_context("风险", 5, 1),
        ("".into(), "风".into(), "险".into())
    );
    assert_eq!(quote_context("", 0, 0), ("".into(), "".into(), "".into()));
}

#[test]
fn quote_context_counts_chars_not_bytes() {
    let text = "ok 🎉 café\u{301} 中文";
    let start = at(text, "café");
    let (quote, prefix, _) = quote_context(text, start, start + 5);
    assert_eq!(quote, "café\u{301}");
    assert_eq!(prefix, "ok 🎉 ");
}

#[test]
fn unchanged_text_keeps_the_offsets() {
    let start = at(ARTICLE, "高水平");
    assert_eq!(
        moved(ARTICLE, ARTICLE, start, start + 3),
        anchored(start, start + 3)
    );
    assert_eq!(
        moved_blind(ARTICLE, ARTICLE, start, start + 3),
        anchored(start, start + 3)
    );
}

#[test]
fn an_edit_after_the_quote_keeps_the_offsets() {
    let new = ARTICLE.replace("正确选择", "唯一正确的选择");
    let start = at(ARTICLE, "去风险");
    assert_eq!(
        moved(ARTICLE, &new, start, start + 3),
        anchored(start, start + 3)
    );
    assert_eq!(
        moved_blind(ARTICLE, &new, start, start + 3),
        anchored(start, start + 3)
    );
}

#[test]
fn an_edit_before_the_quote_shifts_it() {
    let new = ARTICLE.replace("美西方所谓", "一些美西方政客所谓");
    let start = at(ARTICLE, "高水平对外开放");
    let expected = at(&new, "高水平对外开放");
    assert_eq!(expected, start + 4);
    assert_eq!(
        moved(ARTICLE, &new, start, start + 7),
        anchored(expected, expected + 7)
    );
    assert_eq!(
        moved_blind(ARTICLE, &new, start, start + 7),
        anchored(expected, expected + 7)
    );
}

#[test]
fn a_deletion_right_before_the_quote_shifts_it() {
    let new = ARTICLE.replace("坚定不移", "");
    let start = at(ARTICLE, "推进高水平");
    let expected = at(&new, "推进高水平");
    assert_eq!(
        moved(ARTICLE, &new, start, start + 5),
        anchored(expected, expected + 5)
    );
    assert_eq!(
        moved_blind(ARTICLE, &new, start, start + 5),
        anchored(expected, expected + 5)
    );
}

#[test]
fn an_edit_inside_the_quote_moves_it_to_the_rewritten_passage_for_checking() {
    let quote = "中国坚定不移推进高水平对外开放";
    let new = ARTICLE.replace(quote, "中国坚定不移地推进更高水平对外开放");
    let start = at(ARTICLE, quote);
    let expected_start = at(&new, "中国坚定");
    let expected_end = at(&new, "，同各国");
    for found in [
        moved(ARTICLE, &new, start, start + len(quote)),
        moved_blind(ARTICLE, &new, start, start + len(quote)),
    ] {
        assert_eq!(found.status, AnchorStatus::Check);
        assert_eq!((found.start, found.end), (expected_start, expected_end));
    }
}

#[test]
fn a_slightly_rewritten_passage_far_from_its_old_place_is_found_and_checked() {
    let passage = "事实证明，开放合作才是应对风险挑战的正确选择。";
    let rewritten = "事实证明，开放合作才是应对各种风险挑战的正确选择。";
    let filler = "这是一段新增加的文字，与原文的批注没有关系。".repeat(20);
    let new = format!("{filler}\n{}", ARTICLE.replace(passage, rewritten));
    let start = at(ARTICLE, passage);
    let found = moved_blind(ARTICLE, &new, start, start + len(passage));
    assert_eq!(found.status, AnchorStatus::Check);
    assert_eq!(char_slice(&new, found.start, found.end), rewritten);
}

#[test]
fn a_deleted_passage_becomes_an_orphan_with_clamped_offsets() {
    let deleted = "中国坚定不移推进高水平对外开放，同各国分享发展机遇。\n";
    let new = ARTICLE.replace(deleted, "");
    let start = at(ARTICLE, "高水平对外开放");
    for found in [
        moved(ARTICLE, &new, start, start + 7),
        moved_blind(ARTICLE, &new, start, start + 7),
    ] {
        assert_eq!(found.status, AnchorStatus::Orphan);
        assert_eq!((found.start, found.end), (start, start + 7));
    }
    let short = "事实证明";
    let near_end = at(ARTICLE, "正确选择");
    let found = moved(ARTICLE, short, near_end, near_end + 4);
    assert_eq!(
        found,
        Reanchored {
            start: 4,
            end: 4,
            status: AnchorStatus::Orphan
        }
    );
}

#[test]
fn a_deleted_short_quote_is_not_attached_to_another_occurrence() {
    // "风险" occurs twice; the annotated one (in "去风险") is deleted with its sentence.
    let first_sentence = "美西方所谓“去风险”的本质，是以安全为名行保护主义之实。\n";
    let new = ARTICLE.replace(first_sentence, "");
    assert!(new.contains("风险"));
    let start = at(ARTICLE, "风险");
    for found in [
        moved(ARTICLE, &new, start, start + 2),
        moved_blind(ARTICLE, &new, start, start + 2),
    ] {
        assert_eq!(found.status, AnchorStatus::Orphan, "{found:?}");
    }
}

#[test]
fn a_duplicated_passage_is_told_apart_by_its_context() {
    let old = "第一部分：坚持开放合作，共享发展机遇。其他内容在此。\n\
               第二部分：坚持开放合作，共享发展机遇。更多内容在后。";
    let second = nth_at(old, "坚持开放合作", 1);
    // The old offsets point nearer the first copy once a long line is inserted in between.
    let new = old.replace(
        "其他内容在此。",
        "其他内容在此。这里插入了很长的一句话用来移动第二段的位置。",
    );
    let expected = nth_at(&new, "坚持开放合作", 1);
    assert_eq!(
        moved(old, &new, second, second + 6),
        anchored(expected, expected + 6)
    );
    // Without the old text the stored offset is nearer the first copy; context still decides.
    let imported = moved_blind(old, &new, second, second + 6);
    assert_eq!(imported, anchored(expected, expected + 6));
}

#[test]
fn duplicated_passages_with_the_same_context_go_to_the_nearest() {
    let unit = "同样的句子在这里重复出现，上下文完全一样，没有任何区别。";
    let old = unit.repeat(6);
    let third = nth_at(&old, "重复出现", 2);
    let quote_len = 4;
    // Nothing changed but the old text is unknown and the offset is off by a few chars.
    let (quote, prefix, suffix) = quote_context(&old, third, third + quote_len);
    let found = reanchor(
        "",
        &old,
        &TextQuote {
            start: third + 3,
            end: third + 3 + quote_len,
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        },
    );
    assert_eq!(found, anchored(third, third + quote_len));
    let found = reanchor(
        "",
        &old,
        &TextQuote {
            start: third - 5,
            end: third - 5 + quote_len,
            quote: &quote,
            prefix: &prefix,
            suffix: &suffix,
        },
    );
    assert_eq!(found, anchored(third, third + quote_len));
}

#[test]
fn a_moved_paragraph_is_found_by_a_long_quote_alone() {
    let lines: Vec<&str> = ARTICLE.lines().collect();
    let new = format!("{}\n{}\n{}", lines[1], lines[2], lines[0]);
    let quote = "是以安全为名行保护主义之实";
    let start = at(ARTICLE, quote);
    let expected = at(&new, quote);
    for found in [
        moved(ARTICLE, &new, start, start + len(quote)),
        moved_blind(ARTICLE, &new, start, start + len(quote)),
    ] {
        assert_eq!(found, anchored(expected, expected + len(quote)));
    }
}

#[test]
fn a_lone_quote_in_new_surroundings_is_kept_for_checking() {
    let old = "前文甲乙丙丁。关键的十个字在这里出现，后文戊己庚辛。";
    let new = "完全不同的开头文字，关键的十个字在这里出现了吗？另一个结尾";
    let quote = "关键的十个字在这里";
    let start = at(old, quote);
    let found = moved_blind(old, new, start, start + len(quote));
    let expected = at(new, quote);
    assert_eq!(
        found,
        Reanchored {
            start: expected,
            end: expected + len(quote),
            status: AnchorStatus::Check
        }
    );
    // A short quote with nothing around it that agrees is not trusted.
    let found = moved_blind(old, new, start, start + 2);
    assert_eq!(found.status, AnchorStatus::Orphan);
}

#[test]
fn a_passage_changed_beyond_the_threshold_is_not_matched() {
    let quote = "同各国分享发展机遇";
    // Four of nine chars replaced: similarity 0.56, under MIN_FUZZY_SIMILARITY.
    let new = ARTICLE.replace(quote, "与世界共享发展成果");
    let start = at(ARTICLE, quote);
    for found in [
        moved(ARTICLE, &new, start, start + len(quote)),
        moved_blind(ARTICLE, &new, start, start + len(quote)),
    ] {
        assert_eq!(found.status, AnchorStatus::Orphan, "{found:?}");
    }
}

/// Distinct pseudo-random Han text of `n` chars with punctuation and line breaks.
fn long_text(n: usize) -> String {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut out = String::new();
    for i in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push(char::from_u32(0x4E00 + ((state >> 33) % 3000) as u32).unwrap());
        if i % 37 == 36 {
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_40000_char_quote_after_a_one_char_edit_is_found_quickly() {
    let old = long_text(60_000);
    let (start, end) = (10_000, 50_000);
    let mut new: Vec<char> = old.chars().collect();
    new[30_000] = '改';
    new.insert(5_000, '插');
    let new: String = new.into_iter().collect();
    let started = std::time::Instant::now();
    let found = moved(&old, &new, start, end);
    let blind = moved_blind(&old, &new, start, end);
    let took = started.elapsed();
    let expect = Reanchored {
        start: start + 1,
        end: end + 1,
        status: AnchorStatus::Check,
    };
    assert_eq!(found, expect);
    assert_eq!(blind, expect);
    // Was 10 s in a release build; unoptimised here, so a generous bound.
    assert!(took < std::time::Duration::from_secs(2), "took {took:?}");
}

#[test]
fn near_miss_long_quotes_end_quickly_as_orphans_or_checks() {
    // A 30,000-char quote with an edit every 10 chars: no seed survives, nothing is guessed.
    let old = long_text(40_000);
    let mut new: Vec<char> = old.chars().collect();
    for i in (5_000..35_000).step_by(10) {
        new[i] = '改';
    }
    let new: String = new.into_iter().collect();
    let started = std::time::Instant::now();
    let found = moved_blind(&old, &new, 5_000, 35_000);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_ne!(found.status, AnchorStatus::Anchored);
}

mod offsets;
mod properties;
