//! Each correction as an edit of the draft, and the source point a new one is anchored to.

use super::draft::{Block, BlockKind, Draft, DraftArticle};
use super::source::SourceIndex;
use super::{Action, Correction, MarkKind, SourcePoint, Unfit};
use crate::core::reflow::paragraphs::push_line;

fn unfit<T>(reason: impl Into<String>) -> Result<T, Unfit> {
    Err(Unfit(reason.into()))
}

/// Char index in `text` of its `k`-th non-space char (its length when there is none).
fn char_of_nonspace(text: &str, k: usize) -> usize {
    text.chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .nth(k)
        .map(|(i, _)| i)
        .unwrap_or_else(|| text.chars().count())
}

fn nonspace_before(text: &str, char_index: usize) -> usize {
    text.chars()
        .take(char_index)
        .filter(|c| !c.is_whitespace())
        .count()
}

/// Find a source point in the draft: (article, block, char index in the block's text).
fn resolve(
    draft: &Draft,
    source: &SourceIndex,
    at: &SourcePoint,
) -> Result<(usize, usize, usize), Unfit> {
    let Some(line) = source.find_line(&at.quote, at.line) else {
        return unfit(format!(
            "line {} «{}» is no longer in the source",
            at.line + 1,
            at.quote
        ));
    };
    let Some(pos) = source.position(line, at.column) else {
        return unfit(format!("line {} is shorter than it was", line + 1));
    };
    for (ai, bi, b) in draft.positions() {
        if let Some(k) = b
            .origin
            .as_ref()
            .and_then(|o| o.iter().position(|&p| p == pos))
        {
            return Ok((ai, bi, char_of_nonspace(&b.text, k)));
        }
    }
    unfit(format!(
        "the text of line {} «{}» is not in the reading text",
        line + 1,
        at.quote
    ))
}

/// The source point of char `c` (or the next non-space char) of block (`ai`, `bi`).
fn point_of(
    draft: &Draft,
    source: &SourceIndex,
    ai: usize,
    bi: usize,
    c: usize,
) -> Result<SourcePoint, Unfit> {
    let b = &draft.articles[ai].blocks[bi];
    let Some(origin) = &b.origin else {
        return unfit(
            "this block was not found in the source text, so a correction to it could not be kept",
        );
    };
    let k = nonspace_before(&b.text, c);
    let Some(&pos) = origin.get(k) else {
        return unfit("nothing follows this point in its block (a split must fall inside a block, not at its end)");
    };
    let (line, column) = source
        .line_and_column(pos)
        .ok_or_else(|| Unfit("the source has no such char".into()))?;
    Ok(SourcePoint {
        line,
        quote: source.line(line).unwrap_or_default().trim().to_string(),
        column,
    })
}

/// The block holding reading-text offset `offset` (the line break after a block counts
/// as its end) and the char index in it.
fn block_at(draft: &Draft, offset: usize) -> Result<(usize, usize, usize), Unfit> {
    let mut start = 0;
    for (ai, bi, b) in draft.positions() {
        let len = b.text.chars().count();
        if offset <= start + len {
            return Ok((ai, bi, offset.saturating_sub(start)));
        }
        start += len + 1;
    }
    unfit(format!(
        "offset {offset} is past the end of the reading text ({} chars)",
        start.saturating_sub(1)
    ))
}

/// The source point a new correction of `action` at `offset` is anchored to.
pub fn point_for(
    draft: &Draft,
    source: &SourceIndex,
    action: Action,
    offset: usize,
) -> Result<SourcePoint, Unfit> {
    let (ai, bi, c) = block_at(draft, offset)?;
    let article = &draft.articles[ai];
    match action {
        Action::Split => point_of(draft, source, ai, bi, c),
        Action::Join => {
            if bi + 1 >= article.blocks.len() {
                return unfit("this is the last block of its article: nothing after it to join (merge the articles first)");
            }
            point_of(draft, source, ai, bi + 1, 0)
        }
        Action::MergeArticle => point_of(draft, source, ai, 0, 0),
        Action::TitleDown | Action::TitleUp => {
            match article
                .blocks
                .iter()
                .position(|b| b.kind == BlockKind::Title)
            {
                Some(t) => point_of(draft, source, ai, t, 0),
                None => unfit("this article has no title to move"),
            }
        }
        Action::NewArticle | Action::Mark(_) => point_of(draft, source, ai, bi, 0),
    }
}

/// Apply one correction to the draft, or say why it does not fit (the draft is then
/// unchanged).
pub fn apply(
    draft: &mut Draft,
    source: &SourceIndex,
    correction: &Correction,
) -> Result<(), Unfit> {
    let (ai, bi, c) = resolve(draft, source, &correction.at)?;
    if correction.action != Action::Split && c != 0 {
        return unfit("the text no longer starts a block here");
    }
    match correction.action {
        Action::Split => split(draft, ai, bi, c)?,
        Action::Join => join(draft, ai, bi)?,
        Action::Mark(kind) => mark(draft, ai, bi, kind)?,
        Action::NewArticle => new_article(draft, ai, bi)?,
        Action::MergeArticle => merge_article(draft, ai, bi)?,
        Action::TitleDown => move_title(draft, ai, bi, true)?,
        Action::TitleUp => move_title(draft, ai, bi, false)?,
    }
    draft.normalize();
    Ok(())
}

fn split(draft: &mut Draft, ai: usize, bi: usize, c: usize) -> Result<(), Unfit> {
    let b = &mut draft.articles[ai].blocks[bi];
    let head: String = b.text.chars().take(c).collect();
    let head = head.trim_end().to_string();
    if head.is_empty() {
        return unfit("a split must fall inside a block, not at its start");
    }
    let tail: String = b.text.chars().skip(c).collect();
    let tail = tail.trim_start().to_string();
    if tail.is_empty() {
        return unfit("a split must fall inside a block, not at its end");
    }
    let k = head.chars().filter(|c| !c.is_whitespace()).count();
    let tail_origin = b.origin.as_mut().map(|o| o.split_off(k));
    let kind = match b.kind {
        BlockKind::EndMatter => BlockKind::EndMatter,
        _ => BlockKind::Paragraph,
    };
    b.text = head;
    b.uncertain = false;
    let second = Block {
        kind,
        text: tail,
        uncertain: false,
        origin: tail_origin,
    };
    draft.articles[ai].blocks.insert(bi + 1, second);
    Ok(())
}

fn join(draft: &mut Draft, ai: usize, bi: usize) -> Result<(), Unfit> {
    if bi == 0 {
        return unfit(
            "this block starts its article: nothing before it to join (merge the articles instead)",
        );
    }
    let blocks = &mut draft.articles[ai].blocks;
    let second = blocks.remove(bi);
    let first = &mut blocks[bi - 1];
    push_line(&mut first.text, &second.text);
    first.origin = match (first.origin.take(), second.origin) {
        (Some(mut a), Some(b)) => {
            a.extend(b);
            Some(a)
        }
        _ => None,
    };
    first.uncertain = false;
    Ok(())
}

fn mark(draft: &mut Draft, ai: usize, bi: usize, kind: MarkKind) -> Result<(), Unfit> {
    let Some(new_kind) = kind.block_kind() else {
        let b = draft.articles[ai].blocks.remove(bi);
        draft.page_furniture.push(b.text);
        return Ok(());
    };
    let b = &mut draft.articles[ai].blocks[bi];
    if b.kind == new_kind {
        return unfit(format!("this block is already a {}", kind.name()));
    }
    b.kind = new_kind;
    b.uncertain = false;
    Ok(())
}

fn new_article(draft: &mut Draft, ai: usize, bi: usize) -> Result<(), Unfit> {
    if bi == 0 {
        return unfit("this block already starts an article");
    }
    let mut blocks = draft.articles[ai].blocks.split_off(bi);
    if blocks[0].kind == BlockKind::Heading {
        blocks[0].kind = BlockKind::Title;
    }
    blocks[0].uncertain = false;
    let article = DraftArticle {
        blocks,
        ..DraftArticle::default()
    };
    draft.articles.insert(ai + 1, article);
    Ok(())
}

fn merge_article(draft: &mut Draft, ai: usize, bi: usize) -> Result<(), Unfit> {
    if ai == 0 || bi != 0 {
        return unfit("this is not the start of an article after another");
    }
    let mut later = draft.articles.remove(ai);
    for b in &mut later.blocks {
        b.kind = match b.kind {
            BlockKind::Title => BlockKind::Heading,
            BlockKind::Subtitle | BlockKind::Byline => BlockKind::Paragraph,
            other => other,
        };
    }
    let earlier = &mut draft.articles[ai - 1];
    if later.blocks.iter().any(|b| b.kind != BlockKind::EndMatter) {
        // The earlier article's end matter now stands inside the body: it is text.
        for b in &mut earlier.blocks {
            if b.kind == BlockKind::EndMatter {
                b.kind = BlockKind::Paragraph;
            }
        }
    }
    earlier.blocks.extend(later.blocks);
    if earlier.continued_marker.is_none() {
        earlier.continued_marker = later.continued_marker;
        earlier.continued_from_page = later.continued_from_page;
    }
    earlier.uncertain = false;
    Ok(())
}

fn move_title(draft: &mut Draft, ai: usize, bi: usize, down: bool) -> Result<(), Unfit> {
    if draft.articles[ai].blocks[bi].kind != BlockKind::Title {
        return unfit("this block is not a title");
    }
    let target = if down {
        ai + 1
    } else if ai > 0 {
        ai - 1
    } else {
        return unfit("there is no article above");
    };
    let Some(to) = draft.articles.get(target) else {
        return unfit("there is no article below");
    };
    if to.blocks.iter().any(|b| b.kind == BlockKind::Title) {
        return unfit(format!(
            "the article {} already has a title",
            if down { "below" } else { "above" }
        ));
    }
    let mut title = draft.articles[ai].blocks.remove(bi);
    title.uncertain = false;
    draft.articles[target].blocks.insert(0, title);
    draft.articles[target].uncertain = false;
    Ok(())
}
