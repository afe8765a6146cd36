//! The per-line stages of the reflow (cleaning and measuring lines, observing them,
//! scoring labels) look at each line alone, so a long file splits over the machine's cores.
//!
//! Written on `std::thread::scope` rather than taking rayon: the reflow needs two shapes
//! only (map a slice keeping each item's index; run two closures side by side), no pool
//! outlives a call, and the output is the same, in the same order, on one core or many.

use std::sync::OnceLock;

/// Below this many items per thread a thread costs more than it saves (a page of a
/// newspaper is a few hundred lines and stays on the calling thread).
const MIN_ITEMS_PER_THREAD: usize = 4096;

/// Never more threads than this, whatever the machine has: a cap, not a measured optimum
/// (only two cores were measured, and the second gave the per-line stages 10–15 %).
const MAX_THREADS: usize = 4;

fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
    })
}

fn threads_for(items: usize) -> usize {
    #[cfg(test)]
    if ONE_THREAD.get() {
        return 1;
    }
    (items / MIN_ITEMS_PER_THREAD).clamp(1, cores())
}

#[cfg(test)]
thread_local! {
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` with every split in it kept on the calling thread: tests compare the split
/// work with the work done in one piece.
#[cfg(test)]
pub fn on_one_thread<R>(f: impl FnOnce() -> R) -> R {
    ONE_THREAD.set(true);
    let out = f();
    ONE_THREAD.set(false);
    out
}

/// `f(i, &items[i])` for every item, in order; split over threads when there are enough
/// items. A panic in `f` reaches the caller as it would without threads.
pub fn map_indexed<T: Sync, U: Send>(items: &[T], f: impl Fn(usize, &T) -> U + Sync) -> Vec<U> {
    let threads = threads_for(items.len());
    let run = |from: usize, part: &[T]| -> Vec<U> {
        part.iter()
            .enumerate()
            .map(|(j, item)| f(from + j, item))
            .collect()
    };
    if threads <= 1 {
        return run(0, items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let run = &run;
        let others: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .skip(1)
            .map(|(k, part)| scope.spawn(move || run(k * chunk, part)))
            .collect();
        let mut out = run(0, &items[..chunk]);
        out.reserve(items.len() - chunk);
        for handle in others {
            out.extend(
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        out
    })
}

/// Run `a` and `b` side by side when `items` (the size of the work) makes a thread pay.
pub fn join<A: Send, B: Send>(
    items: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if threads_for(items) <= 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(b);
        let first = a();
        let second = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_map_keeps_order_and_indices_whatever_the_split() {
        let items: Vec<u64> = (0..(3 * MIN_ITEMS_PER_THREAD as u64 + 17)).collect();
        let out = map_indexed(&items, |i, &x| (i as u64) * 1000 + x);
        assert_eq!(out.len(), items.len());
        assert!(out.iter().enumerate().all(|(i, &y)| y == i as u64 * 1001));
    }

    #[test]
    fn a_short_map_and_an_empty_one_work() {
        assert_eq!(map_indexed(&[5, 6], |i, &x| i + x), vec![5, 7]);
        assert!(map_indexed(&[] as &[u8], |_, &x| x).is_empty());
    }

    #[test]
    fn join_returns_both_results_in_order() {
        for items in [1, 10 * MIN_ITEMS_PER_THREAD] {
            assert_eq!(join(items, || "a", || 2), ("a", 2));
        }
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_on_a_worker_reaches_the_caller() {
        let items: Vec<u32> = (0..(4 * MIN_ITEMS_PER_THREAD as u32)).collect();
        let last = items.len() - 1;
        map_indexed(&items, |i, _| assert!(i != last, "boom"));
    }
}
