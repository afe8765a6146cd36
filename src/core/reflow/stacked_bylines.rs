//! Bylines an extractor printed one after another under side-by-side articles' stacked
//! titles go back to those titles.
//!
//! pdftotext reads a row of narrow side-by-side articles across: their titles one after
//! another, then their bylines one after another (`本报记者 韩立新 通讯员` `邓晓燕` /
//! `本报评论员`), then the first body. Joined, the bylines read as one and the second
//! article loses its own. `elements` keeps a whole byline after a blank line under a
//! whole byline apart; here they stay apart only where as many titles stand stacked
//! right above them, one byline for each title in the order printed. Anywhere else they
//! are one byline wrapped (mutool sets a blank line between a byline's lines too).

use super::bylines::extend_byline;
use super::elements::{Elem, Element};
use super::title_match::drop_empty_articles;
use crate::core::model::{Article, Document};

/// Consecutive bylines stay apart only under as many stacked titles; else one byline.
pub(super) fn bylines_apart_only_under_stacked_titles(elems: Vec<Element>) -> Vec<Element> {
    let is_byline = |e: &Element| matches!(e.elem, Elem::Byline(_));
    let mut out: Vec<Element> = Vec::with_capacity(elems.len());
    let mut i = 0;
    while i < elems.len() {
        let run = elems[i..].iter().take_while(|e| is_byline(e)).count();
        if run < 2 {
            out.push(elems[i].clone());
            i += 1;
            continue;
        }
        // The deck right above: titles, with any subtitles between them.
        let titles_above = out
            .iter()
            .rev()
            .take_while(|e| matches!(e.elem, Elem::Title(_) | Elem::Subtitle(_)))
            .filter(|e| matches!(e.elem, Elem::Title(_)))
            .count();
        if titles_above == run {
            out.extend(elems[i..i + run].iter().cloned());
        } else {
            let mut joined = String::new();
            let mut uncertain = false;
            for e in &elems[i..i + run] {
                if let Elem::Byline(text) = &e.elem {
                    extend_byline(&mut joined, text);
                }
                uncertain |= e.uncertain;
            }
            out.push(Element {
                elem: Elem::Byline(joined),
                uncertain,
                continues: false,
                set_apart: false,
            });
        }
        i += run;
    }
    out
}

/// Dealt into articles, stacked titles with their bylines kept apart read `[T1]`
/// `[T2, B1]` `[B2, body]`: each byline goes to its title, in order (`[T1, B1]`
/// `[T2, B2]` `[body]`), for `title_match` to deal each title with its byline to its
/// body.
pub(super) fn stacked_bylines_meet_their_titles(doc: &mut Document) {
    let arts = &mut doc.articles;
    let stacked = |a: &Article| {
        a.title.is_some()
            && !a.has_body()
            && a.continued_marker.is_none()
            && a.end_matter.is_empty()
    };
    let mut i = 0;
    while i < arts.len() {
        let titles = arts[i..].iter().take_while(|a| stacked(a)).count();
        let last = i + titles;
        // Only the last stacked title holds a byline; one untitled article per other
        // title follows, each a byline alone but the last, which holds the body.
        let mut bylines_after = 0;
        for a in &arts[last..] {
            if a.title.is_some() || a.subtitle.is_some() || a.byline.is_none() {
                break;
            }
            bylines_after += 1;
            if a.has_body() {
                break;
            }
        }
        let fits = titles >= 2
            && bylines_after == titles - 1
            && arts[i..last - 1].iter().all(|a| a.byline.is_none())
            && arts[last - 1].byline.is_some()
            && arts[last..last + bylines_after - 1]
                .iter()
                .all(|a| !a.has_body() && a.end_matter.is_empty() && a.continued_marker.is_none());
        if !fits {
            i += titles.max(1);
            continue;
        }
        let mut bylines: Vec<String> = Vec::with_capacity(titles);
        bylines.extend(arts[last - 1].byline.take());
        for a in &mut arts[last..last + bylines_after] {
            bylines.extend(a.byline.take());
        }
        for (a, byline) in arts[i..last].iter_mut().zip(bylines) {
            a.byline = Some(byline);
        }
        i = last + bylines_after;
    }
    drop_empty_articles(doc);
}

#[cfg(test)]
#[path = "stacked_bylines_tests.rs"]
mod tests;
