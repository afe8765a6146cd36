//! Edit distances over char slices, for the fuzzy stage of re-anchoring. Callers keep the
//! inputs small (a quote against a window about its own length), so plain dynamic
//! programming with one column of state is fast enough and easy to trust.
//!
//! Inserting or deleting whitespace is free: a new reflow mostly adds or drops extraction
//! spaces and line breaks (`全 区 社 会` → `全区社会`), which change no words.

/// What inserting or deleting `c` costs.
fn gap(c: char) -> usize {
    usize::from(!c.is_whitespace())
}

/// A range of a window and the edits (insertions, deletions, substitutions, whitespace
/// aside) that turn it into the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Match {
    pub start: usize,
    pub end: usize,
    pub edits: usize,
}

/// The substring of `text` with the fewest edits to `pattern` (Sellers' approximate
/// matching: the pattern must be used whole, the text may be entered and left anywhere).
/// Among equally good ranges, the one whose length is closest to the pattern's, then the
/// leftmost. `None` for an empty pattern.
pub(super) fn best_substring(pattern: &[char], text: &[char]) -> Option<Match> {
    let m = pattern.len();
    if m == 0 {
        return None;
    }
    // cost[i]: edits to match pattern[..i] against a text range ending at the current column;
    // from[i]: where that range starts.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    let mut best = Match {
        start: 0,
        end: 0,
        edits: m,
    };
    for (j, &t) in text.iter().enumerate() {
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = 0;
        from[0] = j + 1;
        for i in 1..=m {
            let substitute = diag_cost + usize::from(pattern[i - 1] != t);
            let skip_text = cost[i] + gap(t);
            let skip_pattern = cost[i - 1] + gap(pattern[i - 1]);
            let (c, f) = if substitute <= skip_text && substitute <= skip_pattern {
                (substitute, diag_from)
            } else if skip_text <= skip_pattern {
                (skip_text, from[i])
            } else {
                (skip_pattern, from[i - 1])
            };
            diag_cost = cost[i];
            diag_from = from[i];
            cost[i] = c;
            from[i] = f;
        }
        let candidate = Match {
            start: from[m],
            end: j + 1,
            edits: cost[m],
        };
        let off = |x: &Match| (x.end - x.start).abs_diff(m);
        if candidate.edits < best.edits
            || (candidate.edits == best.edits && off(&candidate) < off(&best))
        {
            best = candidate;
        }
    }
    // Free whitespace at the edges of the range belongs to the text around it.
    if !pattern[0].is_whitespace() {
        while best.start < best.end && text[best.start].is_whitespace() {
            best.start += 1;
        }
    }
    if !pattern[m - 1].is_whitespace() {
        while best.end > best.start && text[best.end - 1].is_whitespace() {
            best.end -= 1;
        }
    }
    Some(best)
}

/// Levenshtein distance between two char slices, whitespace insertions and deletions free.
pub(super) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = Vec::with_capacity(b.len() + 1);
    row.push(0);
    for &y in b {
        row.push(row[row.len() - 1] + gap(y));
    }
    for &x in a {
        let mut diag = row[0];
        row[0] += gap(x);
        for (j, &y) in b.iter().enumerate() {
            let next = (diag + usize::from(x != y))
                .min(row[j] + gap(y))
                .min(row[j + 1] + gap(x));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_each_kind_of_edit() {
        assert_eq!(edit_distance(&chars("去风险"), &chars("去风险")), 0);
        assert_eq!(edit_distance(&chars("去风险"), &chars("去危险")), 1);
        assert_eq!(edit_distance(&chars("去风险"), &chars("风险")), 1);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
    }

    #[test]
    fn best_substring_finds_an_exact_copy_inside_noise() {
        let found = best_substring(&chars("本质"), &chars("所谓去风险的本质是")).unwrap();
        assert_eq!(
            found,
            Match {
                start: 6,
                end: 8,
                edits: 0
            }
        );
    }

    #[test]
    fn best_substring_finds_a_slightly_changed_copy() {
        // One char substituted, one inserted.
        let found = best_substring(
            &chars("高质量发展的重要"),
            &chars("推动高质量的发展的主要意义"),
        )
        .unwrap();
        assert_eq!(found.edits, 2);
        assert_eq!((found.start, found.end), (2, 11));
    }

    #[test]
    fn whitespace_comes_and_goes_for_free() {
        assert_eq!(edit_distance(&chars("全 区 社 会"), &chars("全区社会")), 0);
        assert_eq!(edit_distance(&chars("4月\n28日"), &chars("4月 28日")), 0);
        assert_eq!(edit_distance(&chars("4月28日"), &chars("4月29日")), 1);
        let found = best_substring(&chars("全 区 社 会消费"), &chars("，全区社会消费品 ")).unwrap();
        assert_eq!(
            found,
            Match {
                start: 1,
                end: 7,
                edits: 0
            }
        );
        let found = best_substring(&chars("消费品"), &chars("  消费品  ")).unwrap();
        assert_eq!((found.start, found.end), (2, 5));
    }

    #[test]
    fn best_substring_of_an_empty_pattern_is_none() {
        assert_eq!(best_substring(&[], &chars("abc")), None);
    }
}
