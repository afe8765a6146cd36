//! The fuzzy stage for long quotes, in time near-linear in text + quote.
//!
//! A window search with a full edit-distance table costs quote length × window length: fine
//! for a sentence, 10 s for a 40,000-char quote. For long quotes the search instead:
//!
//! 1. drops whitespace from quote and text (whitespace edits are free, so the distance over
//!    the stripped strings is the same, and seeds survive a reflow that adds or drops spaces);
//! 2. cuts the quote into [`SEED`]-char chunks and finds their exact copies in the text with
//!    one rolling-hash pass (a chunk seen more than [`MAX_HITS_PER_SEED`] times is a repeat
//!    and says nothing about where the quote went; it is ignored);
//! 3. groups the copies by diagonal (text offset − quote offset) in bands as wide as the
//!    edits allowed, and keeps the best few bands;
//! 4. chains each band's copies in order (longest increasing run) and verifies only the gaps
//!    between them, the head and the tail with small edit-distance tables.
//!
//! All table work for one annotation shares a budget of [`WORK_CAP`] cells. Past it, gaps are
//! counted at their worst (every char an edit); a candidate that then cannot be proven within
//! the allowed edits is still offered, marked unverified, when its exact seeds alone cover
//! [`super::MIN_FUZZY_SIMILARITY`] of the quote. Such a match is only ever `Check`.

use std::collections::HashMap;

use super::fuzzy;

/// Length of the exact chunks the quote is cut into.
pub(super) const SEED: usize = 12;
/// Edit-distance table cells allowed per annotation (a few milliseconds).
pub(super) const WORK_CAP: usize = 4_000_000;
/// A chunk found more often than this in the text is a repeat, not evidence.
const MAX_HITS_PER_SEED: usize = 64;
/// Diagonal bands examined per annotation.
const MAX_BANDS: usize = 3;

/// The text without whitespace, and where each of its chars sits in the full text.
pub(super) struct Stripped {
    chars: Vec<char>,
    at: Vec<usize>,
}

impl Stripped {
    pub(super) fn new(text: &[char]) -> Stripped {
        let (at, chars) = text
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, &c)| (i, c))
            .unzip();
        Stripped { chars, at }
    }
}

/// A candidate place for the quote, in char offsets of the full text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Candidate {
    pub start: usize,
    pub end: usize,
    /// Edits (whitespace aside), exact when `verified`, else an upper bound.
    pub edits: usize,
    pub verified: bool,
}

/// Places in `text` where `quote` may have gone with at most `max_edits` edits. Never more
/// than [`MAX_BANDS`] candidates and [`WORK_CAP`] table cells of work.
pub(super) fn candidates(quote: &[char], text: &Stripped, max_edits: usize) -> Vec<Candidate> {
    let q: Vec<char> = quote
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = &text.chars;
    let chunks = q.len() / SEED;
    if chunks == 0 || t.len() < SEED {
        return Vec::new();
    }
    let hits = seed_hits(&q, t, chunks);
    let mut budget = WORK_CAP;
    let mut out = Vec::new();
    for band in best_bands(&hits, max_edits + SEED) {
        let chain = chain(band);
        let covered = chain.len() * SEED;
        let Some(found) = verify(&q, t, &chain, max_edits, &mut budget) else {
            continue;
        };
        let (from, to, edits, verified) = found;
        let within = edits <= max_edits;
        let seeds_suffice =
            covered as f64 >= q.len() as f64 * super::MIN_FUZZY_SIMILARITY && !verified;
        if from < to && (within || seeds_suffice) {
            out.push(Candidate {
                start: text.at[from],
                end: text.at[to - 1] + 1,
                edits,
                verified,
            });
        }
    }
    out
}

/// (quote chunk index, text offset) of every exact copy of a chunk in the text.
fn seed_hits(q: &[char], t: &[char], chunks: usize) -> Vec<(usize, usize)> {
    const BASE: u64 = 0x100_0000_01B3;
    let hash = |s: &[char]| {
        s.iter()
            .fold(0u64, |h, &c| h.wrapping_mul(BASE).wrapping_add(c as u64))
    };
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::with_capacity(chunks);
    for k in 0..chunks {
        by_hash
            .entry(hash(&q[k * SEED..(k + 1) * SEED]))
            .or_default()
            .push(k);
    }
    // A chunk repeated within the quote says as little as one repeated in the text.
    by_hash.retain(|_, ks| ks.len() <= 4);
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let top = (0..SEED - 1).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut hits = Vec::new();
    let mut h = hash(&t[..SEED]);
    for p in 0..=t.len() - SEED {
        if p > 0 {
            h = h
                .wrapping_sub((t[p - 1] as u64).wrapping_mul(top))
                .wrapping_mul(BASE)
                .wrapping_add(t[p + SEED - 1] as u64);
        }
        let Some(ks) = by_hash.get(&h) else {
            continue;
        };
        let count = seen.entry(h).or_insert(0);
        *count += 1;
        if *count > MAX_HITS_PER_SEED {
            continue;
        }
        for &k in ks {
            if t[p..p + SEED] == q[k * SEED..(k + 1) * SEED] {
                hits.push((k, p));
            }
        }
    }
    // Drop the hits of seeds that turned out to be repeats.
    hits.retain(|&(k, _)| {
        let h = hash(&q[k * SEED..(k + 1) * SEED]);
        seen.get(&h).is_some_and(|&n| n <= MAX_HITS_PER_SEED)
    });
    hits
}

/// The hits of the (at most [`MAX_BANDS`]) non-overlapping diagonal bands of width `width`
/// holding the most hits, best first.
fn best_bands(hits: &[(usize, usize)], width: usize) -> Vec<Vec<(usize, usize)>> {
    let diagonal = |&(k, p): &(usize, usize)| p as i64 - (k * SEED) as i64;
    let mut sorted = hits.to_vec();
    sorted.sort_by_key(diagonal);
    let mut taken: Vec<(usize, usize)> = Vec::new(); // index ranges of `sorted`
    let mut bands = Vec::new();
    while bands.len() < MAX_BANDS {
        let mut best: Option<(usize, usize)> = None;
        let mut hi = 0;
        for lo in 0..sorted.len() {
            hi = hi.max(lo);
            while hi < sorted.len() && diagonal(&sorted[hi]) - diagonal(&sorted[lo]) <= width as i64
            {
                hi += 1;
            }
            let overlaps = taken.iter().any(|&(a, b)| lo < b && a < hi);
            if !overlaps && best.is_none_or(|(a, b)| hi - lo > b - a) {
                best = Some((lo, hi));
            }
        }
        let Some((lo, hi)) = best.filter(|(lo, hi)| hi > lo) else {
            break;
        };
        taken.push((lo, hi));
        bands.push(sorted[lo..hi].to_vec());
    }
    bands
}

/// The longest run of hits increasing in both quote chunk and text offset, without overlaps.
fn chain(mut band: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    // Longest strictly increasing subsequence of text offsets, taking chunks in order; hits of
    // one chunk in decreasing offset so that no two of them chain.
    band.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut tails: Vec<usize> = Vec::new(); // index into band of the smallest tail per length
    let mut parent: Vec<Option<usize>> = vec![None; band.len()];
    for i in 0..band.len() {
        let p = band[i].1;
        let len = tails.partition_point(|&j| band[j].1 < p);
        parent[i] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut run = Vec::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        run.push(band[i]);
        at = parent[i];
    }
    run.reverse();
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(run.len());
    for hit in run {
        if kept
            .last()
            .is_none_or(|&(k, p)| hit.0 > k && hit.1 >= p + SEED)
        {
            kept.push(hit);
        }
    }
    kept
}

/// The stripped range `[from, to)` the chain stands for, its edits, and whether they were all
/// computed (else some are counted at their worst). `None` when the edits are sure to exceed
/// `max_edits`.
fn verify(
    q: &[char],
    t: &[char],
    chain: &[(usize, usize)],
    max_edits: usize,
    budget: &mut usize,
) -> Option<(usize, usize, usize, bool)> {
    let (&(k0, p0), &(kn, pn)) = (chain.first()?, chain.last()?);
    let mut verified = true;
    let mut edits = 0;
    // Lower bound first: a gap of different lengths costs at least the difference.
    let lower: usize = chain
        .windows(2)
        .map(|w| {
            let a = w[1].0 * SEED - (w[0].0 * SEED + SEED);
            let b = w[1].1 - (w[0].1 + SEED);
            a.abs_diff(b)
        })
        .sum();
    if lower > max_edits {
        return None;
    }
    let mut spend = |cells: usize| {
        if cells <= *budget {
            *budget -= cells;
            true
        } else {
            false
        }
    };

    // Head: the quote before the first seed, ending right at it.
    let head = &q[..k0 * SEED];
    let region = &t[p0.saturating_sub(head.len() + max_edits)..p0];
    let from = if head.is_empty() {
        p0
    } else if spend(head.len() * region.len()) {
        let rev_head: Vec<char> = head.iter().rev().copied().collect();
        let rev_region: Vec<char> = region.iter().rev().copied().collect();
        let (e, used) = anchored_prefix(&rev_head, &rev_region);
        edits += e;
        p0 - used
    } else {
        verified = false;
        edits += head.len();
        p0.saturating_sub(head.len())
    };

    for w in chain.windows(2) {
        let a = &q[w[0].0 * SEED + SEED..w[1].0 * SEED];
        let b = &t[w[0].1 + SEED..w[1].1];
        if a == b {
            continue;
        }
        if spend(a.len() * b.len()) {
            edits += fuzzy::edit_distance(a, b);
        } else {
            verified = false;
            edits += a.len().max(b.len());
        }
    }

    // Tail: the quote after the last seed, starting right after it.
    let tail = &q[kn * SEED + SEED..];
    let after = pn + SEED;
    let region = &t[after..(after + tail.len() + max_edits).min(t.len())];
    let to = if tail.is_empty() {
        after
    } else if spend(tail.len() * region.len()) {
        let (e, used) = anchored_prefix(tail, region);
        edits += e;
        after + used
    } else {
        verified = false;
        edits += tail.len();
        (after + tail.len()).min(t.len())
    };
    Some((from, to, edits, verified))
}

/// The prefix of `text` closest to the whole `pattern`: (edits, prefix length). Among equally
/// close prefixes, the one whose length is nearest the pattern's.
fn anchored_prefix(pattern: &[char], text: &[char]) -> (usize, usize) {
    // row[j]: edits between the pattern so far and text[..j].
    let mut row: Vec<usize> = (0..=text.len()).collect();
    for (i, &x) in pattern.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &y) in text.iter().enumerate() {
            let next = (diag + usize::from(x != y))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    let m = pattern.len();
    (0..=text.len())
        .min_by_key(|&j| (row[j], j.abs_diff(m)))
        .map(|j| (row[j], j))
        .unwrap_or((m, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Distinct pseudo-random Han text.
    fn text(n: usize, seed: u64) -> Vec<char> {
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from_u32(0x4E00 + ((state >> 33) % 2000) as u32).unwrap()
            })
            .collect()
    }

    #[test]
    fn anchored_prefix_takes_the_closest_prefix() {
        assert_eq!(anchored_prefix(&chars("abc"), &chars("abcxyz")), (0, 3));
        assert_eq!(anchored_prefix(&chars("abc"), &chars("axcxyz")), (1, 3));
        assert_eq!(anchored_prefix(&chars("abc"), &chars("ab")), (1, 2));
        assert_eq!(anchored_prefix(&chars(""), &chars("ab")), (0, 0));
    }

    #[test]
    fn a_long_quote_with_one_edit_is_found_with_one_edit() {
        let old = text(50_000, 7);
        let quote = &old[5_000..45_000];
        let mut new = old.clone();
        new[20_000] = 'Ｘ';
        let found = candidates(quote, &Stripped::new(&new), 40_000 / 5);
        assert_eq!(
            found.first(),
            Some(&Candidate {
                start: 5_000,
                end: 45_000,
                edits: 1,
                verified: true
            })
        );
    }

    #[test]
    fn whitespace_in_the_text_does_not_break_seeds() {
        let old = text(2_000, 3);
        let quote = &old[100..1_900];
        let spaced: Vec<char> = old
            .iter()
            .enumerate()
            .flat_map(|(i, &c)| if i % 5 == 0 { vec![' ', c] } else { vec![c] })
            .collect();
        let found = candidates(quote, &Stripped::new(&spaced), 1_800 / 5);
        let best = found.first().expect("found");
        assert_eq!(best.edits, 0);
        assert_eq!(spaced[best.start], old[100]);
        assert_eq!(spaced[best.end - 1], old[1_899]);
    }

    #[test]
    fn an_unrelated_text_offers_nothing() {
        let quote = text(5_000, 1);
        assert!(candidates(&quote, &Stripped::new(&text(50_000, 2)), 1_000).is_empty());
    }

    #[test]
    fn a_repetitive_quote_and_text_stay_within_the_work_cap() {
        let quote: Vec<char> = "的".repeat(30_000).chars().collect();
        let text: Vec<char> = "的".repeat(100_000).chars().collect();
        let started = std::time::Instant::now();
        let _ = candidates(&quote, &Stripped::new(&text), 6_000);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}
