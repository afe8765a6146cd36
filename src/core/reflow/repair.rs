//! Repairs on the page's elements before they are dealt into articles: what the line
//! labeller cannot see one line at a time but the grammar of a page rules out (the
//! repairs on lines, before they are grouped, are in `line_repair`).
//!
//! - A page with neither body nor title reads its lines as paragraphs.
//! - Bylines printed one after another stay apart only under as many stacked titles.
//! - A byline is names and roles: the rest of one wrapped in a narrow column (`宇`,
//!   `讯员 王昊宇`, `实习生 刘思彤`) and a credit line set just before it belong to it.
//! - A head or title never leaves a quote open: one that does is the first line of the
//!   paragraph under it.
//! - One or two characters alone under a title or subtitle end that deck line.
//! - A title line right after a title and its subtitle is the subtitle's rest.
//! - A subtitle ending with a full stop among paragraphs is a paragraph.
//! - A subtitle right under a byline is a head opening the body.
//! - A short paragraph, no full stop, right over a byline and its body is the title.
//! - A numbered line of a head's length over a paragraph is a head; a short line ending
//!   with a dash or a comma over a head or title is its first line.
//! - A paragraph that stops mid-sentence goes on in the next piece of body the labeller
//!   took for the middle of a paragraph, across what interrupts it (a title drawn across
//!   the column, a column break that put a deck between).

use super::bylines::{continues_byline, extend_byline, is_byline};
use super::classes::opens_with_conjunction;
use super::elements::{Elem, Element};
use super::markers::is_numbered;
use super::paragraphs::join_lines;
use super::stacked_bylines::bylines_apart_only_under_stacked_titles;
use crate::core::charclass::{
    ends_mid_sentence, ends_sentence, ends_with_full_stop, is_closer, is_opener, opens_with_dash,
};

/// All repairs, in order.
pub(super) fn repair(elems: Vec<Element>) -> Vec<Element> {
    let elems = body_if_none(elems);
    let elems = bylines_apart_only_under_stacked_titles(elems);
    let elems = complete_bylines(elems);
    let elems = rejoin_deck_tails(elems);
    let elems = subtitles_go_on(elems);
    let elems = lone_sentences_are_paragraphs(elems);
    let elems = heads_under_bylines(elems);
    let elems = titles_over_bylines(elems);
    let elems = open_heads_into_paragraphs(elems);
    let elems = heads_by_grammar(elems);
    rejoin_interrupted_paragraphs(elems)
}

/// A page with neither body text nor a title is not a newspaper page (a short note, two
/// sentences): the labeller, trained on pages, takes its few lines for deck lines or page
/// furniture, and the page would read empty. Its lines are its paragraphs. (A title over
/// one sentence taken for a subtitle is left to `Builder::close`, which makes it the body.)
fn body_if_none(elems: Vec<Element>) -> Vec<Element> {
    if elems
        .iter()
        .any(|e| matches!(e.elem, Elem::Paragraph(_) | Elem::Title(_)))
    {
        return elems;
    }
    elems
        .into_iter()
        .map(|e| Element {
            elem: match e.elem {
                Elem::Furniture(t)
                | Elem::Title(t)
                | Elem::Subtitle(t)
                | Elem::Byline(t)
                | Elem::Heading(t)
                | Elem::EndMatter(t) => Elem::Paragraph(t),
                other => other,
            },
            uncertain: true,
            ..e
        })
        .collect()
}

/// The text of whatever a byline's wrapped rest may have been taken for: any element
/// but a marker (a name's last character alone looks like nothing in particular).
fn element_text(elem: &Elem) -> Option<&str> {
    match elem {
        Elem::Heading(t)
        | Elem::Title(t)
        | Elem::Subtitle(t)
        | Elem::Paragraph(t)
        | Elem::EndMatter(t)
        | Elem::Furniture(t)
        | Elem::Byline(t) => Some(t),
        Elem::Marker(_) => None,
    }
}

/// A byline wrapped in a narrow column leaves its rest on the next line, which the
/// labeller may take for a deck line, a head or a one-line paragraph; a byline's first
/// line (`中国青年报·中青网记者 王倩`) may be taken for a subtitle. Both rejoin it.
fn complete_bylines(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    for e in elems {
        let prev = out.last_mut();
        match (prev.map(|p| &mut p.elem), &e.elem) {
            // Kept apart under stacked titles (`stacked_bylines`): each is whole.
            (Some(Elem::Byline(_)), Elem::Byline(_)) => {}
            (Some(Elem::Byline(byline)), next) => {
                if let Some(text) = element_text(next).filter(|t| continues_byline(byline, t)) {
                    extend_byline(byline, text);
                    continue;
                }
            }
            (Some(Elem::Subtitle(first) | Elem::Title(first)), Elem::Byline(rest))
                if is_byline(first) =>
            {
                let joined = format!("{first} {rest}");
                if let Some(p) = out.last_mut() {
                    p.elem = Elem::Byline(joined);
                    p.uncertain |= e.uncertain;
                }
                continue;
            }
            _ => {}
        }
        out.push(e);
    }
    out
}

/// A headline or subtitle wrapped one or two characters short of its measure leaves them
/// alone on the next line (`——…改善基层官兵生活条件见` / `闻`); after a blank line the
/// labeller sees a new deck line, and a titles-first page would open an article titled
/// `闻`. No deck line is that short: it is the end of the one above.
fn rejoin_deck_tails(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    for e in elems {
        let tail = match &e.elem {
            Elem::Title(t) | Elem::Subtitle(t) | Elem::Heading(t)
                if t.chars().filter(|c| !c.is_whitespace()).count() <= 2 =>
            {
                Some(t)
            }
            _ => None,
        };
        if let (Some(tail), Some(Elem::Title(deck) | Elem::Subtitle(deck))) =
            (tail, out.last_mut().map(|p| &mut p.elem))
        {
            deck.push_str(tail);
            continue;
        }
        out.push(e);
    }
    out
}

/// A deck reads kicker, title, subtitle: never title, subtitle, title. A line the
/// labeller calls title right after a title and its subtitle is the subtitle wrapped
/// (`全省行政村5G通达率达96.7%，农村宽带用户突破` / `1200万户`), unless it was printed
/// apart (a blank line before it, the subtitle's last line well short: side-by-side
/// decks printed one after the other); a titles-after page's next title comes after its
/// own body.
fn subtitles_go_on(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    let mut rest_elems = elems.into_iter().peekable();
    while let Some(e) = rest_elems.next() {
        if let Elem::Title(rest) = &e.elem {
            let n = out.len();
            // A subtitle under it would make it a title between kicker and subtitle
            // (`太行十五县县议会上` / `热烈审查政府工作` / `议员一致赞扬…`), the title
            // before closing the article above.
            let subtitle_next = rest_elems
                .peek()
                .is_some_and(|next| matches!(next.elem, Elem::Subtitle(_)));
            // Printed apart from the subtitle, it is the next deck's title
            // (`对标一流 以更优环境` / `服务市场主体` / `扒起来！珠江冬日龙舟赛开锣`).
            let after_deck = n >= 2
                && !subtitle_next
                && !e.set_apart
                && matches!(out[n - 2].elem, Elem::Title(_));
            if let Some(last) = out.last_mut().filter(|_| after_deck) {
                if let Elem::Subtitle(sub) = &mut last.elem {
                    *sub = join_lines(&[sub, rest]);
                    last.uncertain |= e.uncertain;
                    continue;
                }
            }
        }
        out.push(e);
    }
    out
}

/// A byline stands under a title, never under a paragraph: a short line of text the
/// labeller took for a one-line paragraph (`年轻人为何爱上“旧物改造”？` after the article
/// above's 下转, over `□林一帆` and the body) is the title of the article the byline opens.
/// A paragraph that ends with a full stop or mid-sentence, or runs longer than a headline,
/// stays a paragraph.
fn titles_over_bylines(mut elems: Vec<Element>) -> Vec<Element> {
    for i in 0..elems.len().saturating_sub(2) {
        let headline = match &elems[i].elem {
            Elem::Paragraph(t) => {
                t.chars().count() <= 24
                    && !ends_with_full_stop(t)
                    && !ends_mid_sentence(t)
                    && !leaves_open(t)
            }
            _ => false,
        };
        let after_deck = i > 0
            && matches!(
                elems[i - 1].elem,
                Elem::Title(_) | Elem::Subtitle(_) | Elem::Heading(_) | Elem::Byline(_)
            );
        let byline_then_body = matches!(elems[i + 1].elem, Elem::Byline(_))
            && matches!(elems[i + 2].elem, Elem::Paragraph(_) | Elem::Heading(_));
        if headline && !after_deck && byline_then_body {
            if let Elem::Paragraph(t) = &mut elems[i].elem {
                elems[i].elem = Elem::Title(std::mem::take(t));
                elems[i].uncertain = true;
            }
        }
    }
    elems
}

/// A subtitle belongs to a deck: it stands next to a title, another deck line or a
/// byline. One ending with a full stop among paragraphs (`城镇新增就业1200万人以上。` /
/// `居民消费价格涨幅3%左右。`) is a one-sentence paragraph the labeller was unsure of;
/// made the article's title, it would move to the top of the reading text. (Old papers'
/// decks do end sentences with 。, but beside their titles.)
fn lone_sentences_are_paragraphs(mut elems: Vec<Element>) -> Vec<Element> {
    let is_deck = |e: Option<&Element>| {
        e.is_some_and(|e| matches!(e.elem, Elem::Title(_) | Elem::Subtitle(_) | Elem::Byline(_)))
    };
    for i in 0..elems.len() {
        let lone = matches!(&elems[i].elem, Elem::Subtitle(t) if ends_with_full_stop(t))
            && !is_deck(i.checked_sub(1).and_then(|k| elems.get(k)))
            && !is_deck(elems.get(i + 1));
        if lone {
            if let Elem::Subtitle(t) = &mut elems[i].elem {
                elems[i].elem = Elem::Paragraph(std::mem::take(t));
                elems[i].uncertain = true;
            }
        }
    }
    elems
}

/// A deck reads title, subtitle, byline: a line the labeller calls subtitle right under
/// a byline, with the body or a head after it, is a head opening the body (in the
/// harness's pages a head follows a byline 481 times, a subtitle 11). A dash line stays a
/// subtitle. One left open at a quote, a dash or a comma is the first line of the head
/// under it (`从“人划船”到“机器` over `跑”——“测一次流，过去要大半天”`). A short paragraph
/// ending at a comma over a deck line is a head in two lines.
fn heads_under_bylines(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    let mut rest = elems.into_iter().peekable();
    while let Some(mut e) = rest.next() {
        let after_byline = matches!(out.last(), Some(p) if matches!(p.elem, Elem::Byline(_)));
        if let (true, Elem::Subtitle(text)) = (after_byline, &e.elem) {
            let body_next = matches!(
                rest.peek().map(|n| &n.elem),
                Some(Elem::Paragraph(_) | Elem::Heading(_))
            );
            if body_next && !opens_with_dash(text) {
                let first_line = leaves_open(text) || text.ends_with(['—', '，']);
                if let (true, Some(Elem::Heading(head))) =
                    (first_line, rest.peek_mut().map(|n| &mut n.elem))
                {
                    *head = join_lines(&[text, head]);
                    continue;
                }
                e.elem = Elem::Heading(text.clone());
                e.uncertain = true;
            }
        }
        if let (true, Elem::Paragraph(text)) = (after_byline, &e.elem) {
            // `一个人，一匹马，` over `一条走了二十年的邮路`: a head's first line, cut at a
            // pause, taken for a one-line paragraph (no paragraph ends with a comma) and
            // its second line taken for a deck line.
            let head_cut_at_pause = text.ends_with('，') && text.chars().count() <= 12;
            if let (true, Some(Elem::Subtitle(second))) =
                (head_cut_at_pause, rest.peek().map(|n| &n.elem))
            {
                if !opens_with_dash(second) && !ends_sentence(second) {
                    let head = join_lines(&[text, second]);
                    rest.next();
                    e.elem = Elem::Heading(head);
                    e.uncertain = true;
                }
            }
        }
        out.push(e);
    }
    out
}

/// Does the text leave a quote or bracket open at its end?
pub(super) fn leaves_open(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        // ASCII quotes open and close alike: their side is unknown.
        if matches!(c, '"' | '\'') {
            continue;
        }
        if is_opener(c) {
            depth += 1;
        } else if is_closer(c) {
            depth = depth.saturating_sub(1);
        }
    }
    depth > 0
}

/// A head, title or subtitle never leaves a quote open (`“江砂不是‘无主之`): one that
/// does, right above a paragraph, is that paragraph's first line.
fn open_heads_into_paragraphs(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    for mut e in elems {
        if let Elem::Paragraph(text) = &e.elem {
            let open_head = out.last().and_then(|p| match &p.elem {
                Elem::Heading(h) | Elem::Title(h) | Elem::Subtitle(h) if leaves_open(h) => {
                    Some(h.clone())
                }
                _ => None,
            });
            if let Some(head) = open_head {
                out.pop();
                e.elem = Elem::Paragraph(join_lines(&[&head, text]));
                e.continues = false;
                e.uncertain = true;
            }
        }
        out.push(e);
    }
    out
}

/// Heads the labeller took for paragraphs where the page's grammar says otherwise:
/// - a numbered line (`一、高原哨所喝上了“放心水”`, `（二）…`, `3.…`) of a head's length
///   that ends no sentence, with a paragraph after it, is a head (a numbered paragraph
///   says something and ends with its full stop);
/// - a short line ending with a dash right above a head (`巡山——` over
///   `“脚底下的路，都是一步步踩出来的”`) is that head's first line: no paragraph ends
///   with a dash; nor does one stop at a comma after a few characters, which makes
///   such a line over a title that title's first line.
fn heads_by_grammar(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    let mut rest = elems.into_iter().peekable();
    while let Some(mut e) = rest.next() {
        if let Elem::Paragraph(text) = &e.elem {
            let short = text.chars().count() <= 30;
            let next_is_paragraph = matches!(rest.peek(), Some(n) if matches!(n.elem, Elem::Paragraph(_)) && !n.continues);
            // A head's first line may also stop at a comma (`一个人，一匹马，` over
            // `一条走了二十年的邮路`); a paragraph's first line that short is not followed
            // by a head.
            // Or inside a quote the head closes (`从“人划船”到“机器` over `跑”——`).
            let head_first_line = !e.continues
                && text.chars().count() <= 16
                && (text.ends_with('，') || leaves_open(text));
            // The line over a head or a title is its first line; only a head's may end
            // on a dash, and a head's first line may be as long as a short paragraph.
            let joins = |next: &Elem| match next {
                Elem::Heading(_) => short && (text.ends_with('—') || head_first_line),
                Elem::Title(_) => head_first_line,
                _ => false,
            };
            if let Some(next) = rest.peek_mut().filter(|n| joins(&n.elem)) {
                if let Elem::Heading(deck) | Elem::Title(deck) = &mut next.elem {
                    *deck = join_lines(&[text, deck]);
                }
                continue;
            }
            let numbered_head = !e.continues && next_is_paragraph && reads_as_numbered_head(text);
            // A short question alone, with no pause in it, between paragraphs
            // (`如何让数据库用起来？`) asks what the section under it answers: in the
            // harness's articles such a line is a head 176 times, a paragraph 18.
            let question_head = !e.continues
                && next_is_paragraph
                && text.chars().count() <= 20
                && text.ends_with(['？', '?'])
                && !text.contains(['，', '、', '：', '；', '。', '！', ',', ':', ';'])
                && !opens_with_conjunction(text)
                && matches!(out.last(), Some(p) if matches!(p.elem, Elem::Paragraph(_)));
            if numbered_head || question_head {
                e.elem = Elem::Heading(text.clone());
                e.uncertain = true;
            }
        }
        out.push(e);
    }
    out
}

/// A numbered line that reads as a head (`一、一页纸要“过”几十道工序`): short, with no
/// stop, colon or open quote in it and no pause at its end. A notice's numbered clause
/// (`一、管制时间：2026年12月5`) or a numbered paragraph's first sentence does not.
/// Used on labels (over a paragraph's first line) and on elements (over a paragraph).
pub(super) fn reads_as_numbered_head(text: &str) -> bool {
    is_numbered(text)
        && text.chars().count() <= 30
        && !text.contains(['。', '；', ';', '：', ':'])
        && !ends_sentence(text)
        && !ends_mid_sentence(text)
        && !leaves_open(text)
}

/// A paragraph the labeller says goes on from before, where the last paragraph before
/// it stopped mid-sentence with only deck lines, heads, bylines or furniture between
/// (no end matter, no marker: those close an article), is that paragraph's rest. The
/// elements between keep their order after the rejoined paragraph.
fn rejoin_interrupted_paragraphs(elems: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    for e in elems {
        if let (true, Elem::Paragraph(rest)) = (e.continues, &e.elem) {
            let open_before = out.iter().rposition(|p| !interrupts(&p.elem)).filter(|&j| {
                j + 1 < out.len() && matches!(&out[j].elem, Elem::Paragraph(t) if !ends_sentence(t))
            });
            if let Some(j) = open_before {
                // Rejoined in place: the interrupting elements now follow it.
                if let Elem::Paragraph(start) = &mut out[j].elem {
                    *start = join_lines(&[start, rest]);
                }
                out[j].uncertain |= e.uncertain;
                continue;
            }
        }
        out.push(e);
    }
    out
}

/// What may stand between a paragraph and its rest: deck lines, heads, a byline, page
/// furniture.
fn interrupts(elem: &Elem) -> bool {
    matches!(
        elem,
        Elem::Title(_)
            | Elem::Subtitle(_)
            | Elem::Heading(_)
            | Elem::Byline(_)
            | Elem::Furniture(_)
    )
}

#[cfg(test)]
#[path = "repair_tests.rs"]
mod tests;
