//! Layout analysis: from the glyphs of printed pages to articles, sections and paragraphs.
//!
//! Where `reflow` has to guess structure from flattened text, a PDF still says how each
//! line was printed, and that decides most of it:
//! 1. `lines`: glyphs → line segments (shared baseline, similar size, no wide gap), fake
//!    bold duplicates merged into heavy glyphs, font subset tags dropped;
//! 2. `xycut`: segments → blocks in reading order by recursive XY-cut, thresholds relative
//!    to the body size, rules drawn between articles taken as cuts;
//! 3. `roles`: each line's role from its size, weight, indent and position (titles are
//!    well above body size, headings body-sized and heavy, paragraphs start at a 2-em
//!    indent; running heads and feet are furniture), with the text recognisers of
//!    `reflow::markers` for bylines and continuation markers;
//! 4. `assemble`: roles in reading order → `Article`s.
//!
//! Pure: plain data in (`Page`), the crate's `Document` out; no PDF types, no I/O. Every
//! page is analysed alone and its articles follow the previous page's, so an article
//! continued on a later page stays two articles, each with its marker.

mod assemble;
mod bodies;
mod closing;
mod lines;
mod page;
mod roles;
mod xycut;

pub use page::{name_is_heavy, strip_subset_prefix, Glyph, Page, Rule};

use crate::core::model::Document;

/// Analyse every page in order: the articles of each page after the previous page's,
/// and the lines that belong to the pages themselves (running heads and feet, page
/// numbers, editors' credits) as `page_furniture`.
pub fn analyse(pages: &[Page]) -> Document {
    let mut out = Document::default();
    for page in pages {
        let (articles, furniture) = analyse_page(page);
        out.articles.extend(articles);
        out.page_furniture.extend(furniture);
    }
    out
}

/// Debug view of one page: every line with its block, size, weight, position and role,
/// in reading order, for tuning (`PIZHU_LAYOUT_DEBUG=1 pizhu outline PAGE.pdf`).
#[doc(hidden)]
pub fn debug_page(page: &Page) -> Vec<String> {
    let Some(page) = classify(page) else {
        return Vec::new();
    };
    let mut out = vec![format!("body {:.1}", page.measures.body)];
    for &(b, i, role, body) in &page.order {
        let l = &page.lines[i];
        out.push(format!(
            "{b:3} {:5.1}/{body:4.1} {}{:6.1}-{:6.1} y{:6.1} {:8.8} {role:?} {}",
            l.size,
            if l.heavy { 'H' } else { ' ' },
            l.x0,
            l.x1,
            l.y,
            l.font,
            l.text
        ));
    }
    out
}

/// One page's lines with their roles, in reading order.
struct Classified {
    lines: Vec<lines::TextLine>,
    measures: roles::Measures,
    /// (block, line, role, the body size the role was judged against).
    order: Vec<(usize, usize, roles::Role, f32)>,
}

fn classify(page: &Page) -> Option<Classified> {
    let lines = lines::lines(&page.glyphs);
    if lines.is_empty() {
        return None;
    }
    let m = roles::Measures::of(&lines, page.height);
    let furniture = roles::furniture(&lines, &page.rules, m, page.width);
    let blocks = xycut::order(&lines, &page.rules, xycut::Thresholds { body: m.body });
    let bodies = bodies::local_body_sizes(&blocks, &lines, m.body);
    let body_face = bodies::body_face(&lines);
    let mut order = Vec::with_capacity(lines.len());
    for (b, block) in blocks.iter().enumerate() {
        let local = roles::Measures {
            body: bodies[b],
            ..m
        };
        let (left, right) = edges(block, &lines, local);
        let shape = roles::Block {
            left,
            right,
            deck: block.iter().any(|&i| local.is_title_size(&lines[i])),
            title_centre: block
                .iter()
                .map(|&i| &lines[i])
                .find(|l| local.is_title_size(l))
                .map(|l| (l.x0 + l.x1) / 2.0),
            body_face: &body_face,
        };
        let mut above: Option<usize> = None;
        for &i in block {
            let continues = above.is_some_and(|a| {
                !furniture[a] && roles::continues_column(&lines[i], &lines[a], &shape)
            });
            above = Some(i);
            let role = if continues && roles::is_credit(&lines[i].text) {
                roles::Role::Credit
            } else if furniture[i] && (!continues || roles::is_page_number(&lines[i].text)) {
                roles::Role::Furniture
            } else {
                roles::role(&lines[i], local, &shape)
            };
            order.push((b, i, role, local.body));
        }
    }
    heads_wrapped_full(&mut order, &lines, &body_face);
    title_of_a_deck_without_one(&mut order, &lines);
    Some(Classified {
        lines,
        measures: m,
        order,
    })
}

/// A byline or heading in another face than the body's, wrapped in a narrow column: its
/// first line fills the column and reads as body text, its last is short and reads as
/// the heading or byline it is. The first takes the role of the rest when it is set in
/// the same face and size and is not a sentence.
fn heads_wrapped_full(
    order: &mut [(usize, usize, roles::Role, f32)],
    lines: &[lines::TextLine],
    body_face: &str,
) {
    for k in (0..order.len().saturating_sub(1)).rev() {
        let ((b, i, role, _), (nb, n, next, _)) = (order[k], order[k + 1]);
        let (l, nl) = (&lines[i], &lines[n]);
        let wrapped_head = matches!(
            role,
            roles::Role::Body {
                indented: false,
                ..
            }
        ) && matches!(next, roles::Role::Heavy | roles::Role::Byline)
            && b == nb
            && &*l.font != body_face
            && l.font == nl.font
            && (l.size - nl.size).abs() <= 0.03 * l.size
            && nl.y > l.y
            && nl.y - l.y <= 1.8 * l.size
            && !roles::reads_as_sentence(&l.text)
            && l.chars() <= 24;
        if wrapped_head {
            order[k].2 = next;
        }
    }
}

/// A deck whose title is not in the face the page's titles are set in: a long title
/// shrunk to fit its width can come out smaller than the subtitle under it (below title
/// size, or below the subtitle set in the body face). The deck line in the titles' face
/// (the largest such) is the title, the other title-sized lines are deck lines.
fn title_of_a_deck_without_one(
    order: &mut [(usize, usize, roles::Role, f32)],
    lines: &[lines::TextLine],
) {
    use roles::Role::{Deck, Title};
    let titles = order.iter().filter(|o| o.2 == Title).map(|o| &lines[o.1]);
    let Some(title_face) = bodies::main_face(titles) else {
        return;
    };
    let mut start = 0;
    while start < order.len() {
        let block = order[start].0;
        let end = start + order[start..].iter().take_while(|o| o.0 == block).count();
        let run = &order[start..end];
        // Titles set in another face than the page's titles (a subtitle in the body
        // face, larger than the shrunk title above it).
        let in_title_face = |o: &(usize, usize, roles::Role, f32)| lines[o.1].font == title_face;
        let other_titles: Vec<usize> = (start..end)
            .filter(|&k| order[k].2 == Title && !in_title_face(&order[k]))
            .collect();
        let true_title = run.iter().any(|o| o.2 == Title && in_title_face(o));
        let largest_other = other_titles
            .iter()
            .map(|&k| lines[order[k].1].size)
            .fold(0.0, f32::max);
        let pick = run
            .iter()
            .enumerate()
            .filter(|(_, o)| o.2 == Deck && in_title_face(o))
            .filter(|(_, o)| {
                let size = lines[o.1].size;
                size >= 1.15 * o.3 && size >= 0.85 * largest_other
            })
            .max_by(|a, b| lines[a.1 .1].size.total_cmp(&lines[b.1 .1].size))
            .map(|(k, _)| start + k);
        let title = if true_title { None } else { pick };
        if true_title || title.is_some() {
            if let Some(k) = title {
                order[k].2 = Title;
            }
            // Lines of one title share its face; the others are kicker or subtitle.
            for k in other_titles {
                order[k].2 = Deck;
            }
        }
        start = end;
    }
}

/// A column's body text edges: where its body-sized lines start and end.
fn edges(block: &[usize], lines: &[lines::TextLine], m: roles::Measures) -> (f32, f32) {
    let body_lines = || {
        block
            .iter()
            .map(|&i| &lines[i])
            .filter(|l| (l.size - m.body).abs() < 0.15 * m.body)
    };
    let mut left = body_lines().map(|l| l.x0).fold(f32::MAX, f32::min);
    let mut right = justified_edge(body_lines().map(|l| l.x1).collect(), m.body);
    if left > right && block.iter().all(|&i| lines[i].size < 0.85 * m.body) {
        // Only smaller text: a brief set one line per column under a larger article;
        // its lines are its own edges.
        left = block.iter().map(|&i| lines[i].x0).fold(f32::MAX, f32::min);
        right = block.iter().map(|&i| lines[i].x1).fold(f32::MIN, f32::max);
    }
    if left > right {
        // No body text here (a deck, a title): nothing is indented or full.
        return (f32::MIN, f32::MAX);
    }
    (left, right)
}

/// The right edge a column's justified lines share: the rightmost end that a quarter of
/// the lines (two at least) reach within a third of an em. One line running past it (a
/// Latin word or figures set wider than the grid) does not move the edge and leave every
/// other line looking short. Falls back to the rightmost end.
fn justified_edge(mut ends: Vec<f32>, body: f32) -> f32 {
    ends.sort_by(|a, b| b.total_cmp(a));
    let needed = (ends.len() / 4).max(2);
    let shared = ends.iter().copied().find(|&edge| {
        ends.iter()
            .filter(|&&e| (e - edge).abs() <= 0.3 * body)
            .count()
            >= needed
    });
    shared.or_else(|| ends.first().copied()).unwrap_or(f32::MIN)
}

fn analyse_page(page: &Page) -> (Vec<crate::core::model::Article>, Vec<String>) {
    let Some(page) = classify(page) else {
        return (Vec::new(), Vec::new());
    };
    let mut placed = Vec::with_capacity(page.order.len());
    let mut page_furniture = Vec::new();
    for &(block, i, role, _) in &page.order {
        let l = &page.lines[i];
        if role == roles::Role::Furniture {
            page_furniture.push(l.text.clone());
        }
        placed.push(assemble::Placed {
            text: &l.text,
            role,
            block,
            size: l.size,
            y: l.y,
        });
    }
    (assemble::articles(&placed), page_furniture)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_columns;
