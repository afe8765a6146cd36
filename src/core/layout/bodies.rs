//! The body size each block of a page is judged against. Articles on one page may be set
//! in different body sizes (a lead story at 11 pt, briefs at 8 pt), so a size that is a
//! title next to 8-pt text is body text in an 11-pt article.
//!
//! A block that is plainly body text sets its own: a column (three lines or more, enough
//! characters), or text in a face and size that carries a tenth of the page. A block of
//! two or three justified lines is body text too, unless it is a title wrapped to fill its
//! column: set a quarter larger than the body text on both sides of it. Any other block (a title,
//! a byline, a deck) takes the size of the body block before it when it is set in that
//! block's face and size (a column's last line), else the nearest body block's size after
//! it in reading order (titles stand above their bodies), else before it.

use std::sync::Arc;

use super::lines::TextLine;
use super::roles::Measures;

pub fn local_body_sizes(blocks: &[Vec<usize>], lines: &[TextLine], page: f32) -> Vec<f32> {
    let total: usize = lines.iter().map(|l| l.chars()).sum();
    // Body text is one face at one size: (font, size) pairs that carry a tenth of the
    // page's characters. A kicker at the body size of another article is set in another
    // face.
    let share = |font: &str, size: f32| -> usize {
        lines
            .iter()
            .filter(|l| &*l.font == font && (l.size - size).abs() <= 0.03 * size)
            .map(|l| l.chars())
            .sum()
    };
    let size_of = |block: &[usize]| Measures::of_lines(block.iter().map(|&i| &lines[i]));
    // A block holding a title is a headline deck: its kicker and subtitle lines are judged
    // against the body they stand over, not against each other.
    let deck = |block: &[usize], size: f32| block.iter().any(|&i| lines[i].size >= 1.25 * size);
    let strong: Vec<Option<f32>> = blocks
        .iter()
        .map(|block| {
            let size = size_of(block);
            let chars: usize = block.iter().map(|&i| lines[i].chars()).sum();
            let column = block.len() >= 3 && chars >= 60;
            let font = &lines[block[0]].font;
            let same_face = block.iter().all(|&i| lines[i].font == *font);
            // Two lines at least: a lone line (a title) may carry a tenth of a small page.
            let body_sized = block.len() >= 2 && same_face && share(font, size) * 10 >= total;
            ((column || body_sized) && !deck(block, size)).then_some(size)
        })
        .collect();
    let after = |own: &[Option<f32>], b: usize| own[b..].iter().flatten().next().copied();
    let before = |own: &[Option<f32>], b: usize| own[..b].iter().rev().flatten().next().copied();
    let nearest = |own: &[Option<f32>], b: usize| after(own, b).or_else(|| before(own, b));
    let own: Vec<Option<f32>> = blocks
        .iter()
        .enumerate()
        .map(|(b, block)| {
            strong[b].or_else(|| {
                let size = size_of(block);
                // Body text is one size; a block of several sizes is a deck, however
                // close its title comes to its kicker (13.5 pt over 11 in a narrow
                // column).
                let one_size = block
                    .iter()
                    .all(|&i| (lines[i].size - size).abs() <= 0.03 * size);
                let spread = one_line_across_columns(blocks, lines, b);
                let weak =
                    (justified(block, lines, size) || spread) && one_size && !deck(block, size);
                // Larger than the body text on both sides: a title; the last lines of a
                // column next to an article set smaller are not.
                let larger = |body: Option<f32>| body.is_none_or(|body| size >= 1.25 * body);
                let title_like = larger(before(&strong, b)) && larger(after(&strong, b));
                (weak && !title_like).then_some(size)
            })
        })
        .collect();
    (0..blocks.len())
        .map(|b| {
            own[b]
                .or_else(|| tail_of_previous(blocks, lines, &own, b))
                .or_else(|| nearest(&own, b))
                .unwrap_or(page)
        })
        .collect()
}

/// A block set in the face and size of the body block before it is that column's tail
/// (its last line, cut off by the XY-cut under a neighbour's deck): the previous block's
/// body size, whatever stands after it.
fn tail_of_previous(
    blocks: &[Vec<usize>],
    lines: &[TextLine],
    own: &[Option<f32>],
    b: usize,
) -> Option<f32> {
    let (p, size) = own[..b]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(p, s)| s.map(|s| (p, s)))?;
    let styled_like = |l: &TextLine| {
        blocks[p].iter().any(|&i| {
            let body = &lines[i];
            body.font == l.font && (body.size - size).abs() <= 0.03 * size
        }) && (l.size - size).abs() <= 0.03 * size
    };
    blocks[b]
        .iter()
        .all(|&i| styled_like(&lines[i]))
        .then_some(size)
}

/// A one-line block next (in reading order) to another one-line block on the same
/// baseline, in the same face and size, both several ems wide: a short article set one
/// line per column across the page. (Titles side by side stand alone too, but they are
/// larger than the body text on both sides, which the caller checks.)
fn one_line_across_columns(blocks: &[Vec<usize>], lines: &[TextLine], b: usize) -> bool {
    let [own] = blocks[b][..] else {
        return false;
    };
    let line = &lines[own];
    let wide = |l: &TextLine| l.x1 - l.x0 >= 6.0 * l.size;
    let continues = |other: usize| match blocks.get(other).map(|v| &v[..]) {
        Some(&[i]) => {
            let o = &lines[i];
            o.font == line.font
                && (o.size - line.size).abs() <= 0.03 * line.size
                && (o.y - line.y).abs() <= 0.2 * line.size
                && wide(o)
        }
        _ => false,
    };
    wide(line) && ((b > 0 && continues(b - 1)) || continues(b + 1))
}

/// Two or more lines of the block's size ending on one right edge, several ems wide:
/// justified text (a short article's columns of two or three lines), however few
/// characters. Deck lines are centred.
fn justified(block: &[usize], lines: &[TextLine], size: f32) -> bool {
    let same: Vec<&TextLine> = block
        .iter()
        .map(|&i| &lines[i])
        .filter(|l| (l.size - size).abs() <= 0.03 * size)
        .collect();
    let right = same.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    same.iter()
        .filter(|l| right - l.x1 < 0.15 * size && l.x1 - l.x0 >= 6.0 * size)
        .count()
        >= 2
}

/// The face most of the page's characters are set in.
pub fn body_face(lines: &[TextLine]) -> Arc<str> {
    main_face(lines.iter()).unwrap_or_else(|| Arc::from(""))
}

/// The face most characters of `lines` are set in, if there are any.
pub fn main_face<'a>(lines: impl Iterator<Item = &'a TextLine>) -> Option<Arc<str>> {
    let mut faces: Vec<(&Arc<str>, usize)> = Vec::new();
    for l in lines {
        match faces.iter_mut().find(|(f, _)| *f == &l.font) {
            Some((_, n)) => *n += l.chars(),
            None => faces.push((&l.font, l.chars())),
        }
    }
    faces
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(f, _)| f.clone())
}
