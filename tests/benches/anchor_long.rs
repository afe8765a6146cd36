//! Re-anchoring one very long quote (issue 16): a 40,000-char highlight after a one-char edit
//! of its file, with the old text known (re-import) and unknown (`import-annotations`), and a
//! 30,000-char near miss (an edit every 10 chars) that must end quickly. Aim: under 50 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::core::anchor::{quote_context, Reanchorer, TextQuote};

/// Distinct pseudo-random Han text with line breaks.
fn text(n: usize) -> Vec<char> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut out = Vec::with_capacity(n + n / 30);
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

fn long_quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("reanchor one long quote");
    group.sample_size(10);
    let old_chars = text(100_000);
    let old: String = old_chars.iter().collect();
    let (start, end) = (20_000, 60_000);
    let mut edited = old_chars.clone();
    edited[40_000] = '改';
    let new: String = edited.iter().collect();
    let (quote, prefix, suffix) = quote_context(&old, start, end);

    group.bench_function("40k quote, one-char edit, old text known", |b| {
        b.iter(|| {
            Reanchorer::new(&old, &new).reanchor(&TextQuote {
                start,
                end,
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix,
            })
        })
    });
    group.bench_function("40k quote, one-char edit, old text unknown", |b| {
        b.iter(|| {
            Reanchorer::new("", &new).reanchor(&TextQuote {
                start,
                end,
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix,
            })
        })
    });

    let mut near = old_chars.clone();
    for i in (30_000..60_000).step_by(10) {
        near[i] = '改';
    }
    let near: String = near.iter().collect();
    let (q, p, s) = quote_context(&old, 30_000, 60_000);
    group.bench_function("30k near-miss quote, old text unknown", |b| {
        b.iter(|| {
            Reanchorer::new("", &near).reanchor(&TextQuote {
                start: 30_000,
                end: 60_000,
                quote: &q,
                prefix: &p,
                suffix: &s,
            })
        })
    });
    group.finish();
}

criterion_group!(benches, long_quotes);
criterion_main!(benches);
