//! Titles that an extractor printed apart from their bodies find them again by their
//! words.
//!
//! Where two or three articles stand side by side, pdftotext and pdfminer often print
//! their titles one after another before any body (`山坳里的“甜蜜事业”` /
//! `千兆光网通到大山深处` / byline / the first article's body / …). The labeller reads
//! each title right, but dealt in page order the first title gets no body and every
//! body after it the title before its own. Line features cannot see this (each line is
//! what it seems); the words can: a headline repeats its story's words (`山坳`, `蜂蜜`
//! in the first body, `千兆` in the second), a two-character run of its ideographs
//! almost always recurs in the body it heads and seldom in a neighbour's.
//!
//! So where an article has a title and no body and the next one has a title, the titles
//! of that article and the next three (with their subtitles, which the extractors print
//! with them) are dealt again to the bodies among those articles, the dealing that
//! finds the most of each title's two-ideograph runs in its body winning. Bylines,
//! markers, sections and end matter stay where the page printed them (they are printed
//! with the body). The new dealing must find at least two runs more than the page
//! order did and fit every body it changes better, by the share of the title's runs
//! found, than the title the body had; a body holding two articles' text (an extractor
//! that merged them) fits both titles and is left alone. Each article whose title moved
//! is marked uncertain; an article left with nothing is dropped.

use super::bylines::extend_byline;
use super::stacked_bylines::stacked_bylines_meet_their_titles;
use crate::core::charclass::is_han;
use crate::core::model::{Article, Document, Section};

/// Bodies looked at after a title without a body: side-by-side blocks on a page have
/// two or three articles.
const FOLLOWING: usize = 3;

/// Articles dealt at most (6 titles to at most 6 bodies: 720 ways, each a few sums).
const MAX_WINDOW: usize = 6;

/// At least this many more two-ideograph runs found than the page order finds.
const MIN_GAIN: usize = 2;

/// Re-deal titles stacked by the extractor to the bodies they belong to.
pub(super) fn titles_meet_their_bodies(doc: &mut Document) {
    stacked_bylines_meet_their_titles(doc);
    let mut i = 0;
    while i + 1 < doc.articles.len() {
        let stacked = doc.articles[i].title.is_some()
            && !doc.articles[i].has_body()
            && doc.articles[i + 1].title.is_some();
        // The window runs to the third body after the bodiless title, taking in the
        // other bodiless titles on the way (three stacked titles leave two bodiless).
        let mut end = i + 1;
        let mut bodies = 0;
        while end < doc.articles.len() && bodies < FOLLOWING && end - i < MAX_WINDOW {
            bodies += usize::from(doc.articles[end].has_body());
            end += 1;
        }
        if stacked && redeal(&mut doc.articles[i..end]) {
            i = end;
        } else {
            i += 1;
        }
    }
    drop_empty_articles(doc);
}

/// A closing title read as its body's first head: share of its ideograph pairs that must
/// recur in the body above it (such titles on the labelled pages: 0.55–0.78). Of the
/// golden pages' 2,904 true heads of three pairs or more, 9 meet this bound and
/// `BELOW_AT_MOST`, none of them an article's first head under a body with no head.
const ABOVE_AT_LEAST: f32 = 0.55;

/// ... and the share that may recur in the text below it (a closing title's words stay
/// in its own story: 0–0.18 on the labelled pages).
const BELOW_AT_MOST: f32 = 0.2;

/// On a titles-after page, an article whose first head repeats the words of the body
/// above it, and hardly those below, holds two articles: the head is the title printed
/// after the first body (`城南大桥今起封闭维修` under the story of the bridge's closing,
/// over the traffic notice that closes with its own title). A section head names what
/// follows it; a closing title names what it closes. The body above becomes an article
/// of its own under that title, taking the byline and continuation marker printed
/// before it; the rest keeps the article's title, subtitle and end matter. Marked
/// uncertain: the words decided it, not the layout.
pub(super) fn closing_titles_read_as_heads(doc: &mut Document) {
    let mut i = 0;
    while i < doc.articles.len() {
        if let Some(first) = closing_title_at_first_head(&mut doc.articles[i]) {
            doc.articles.insert(i, first);
            i += 1;
        }
        i += 1;
    }
}

/// Split `article` at its first head where that head is the closing title of the body
/// above it; the first part is returned.
fn closing_title_at_first_head(article: &mut Article) -> Option<Article> {
    let [above, first_head, ..] = article.sections.as_slice() else {
        return None;
    };
    let title = first_head.heading.as_deref()?;
    let pairs = han_pairs(title);
    if above.heading.is_some() || pairs.len() < 3 {
        return None;
    }
    let share = |texts: &[&str]| found_in_texts(&pairs, texts) as f32 / pairs.len() as f32;
    // The head itself is not the text below it.
    let below = section_texts(&article.sections[1..]);
    if share(&section_texts(std::slice::from_ref(above))) < ABOVE_AT_LEAST
        || share(&below[1..]) > BELOW_AT_MOST
    {
        return None;
    }
    let mut sections = article.sections.split_off(1);
    std::mem::swap(&mut sections, &mut article.sections);
    let heading = article.sections[0].heading.take();
    article.sections[0].heading_uncertain = false;
    article.uncertain = true;
    Some(Article {
        title: heading,
        byline: article.byline.take(),
        continued_from_page: article.continued_from_page.take(),
        continued_marker: article.continued_marker.take(),
        sections,
        uncertain: true,
        ..Article::default()
    })
}

/// Drop the articles a dealing left with nothing in them.
pub(super) fn drop_empty_articles(doc: &mut Document) {
    doc.articles.retain(|a| !a.is_empty());
}

/// Deal the window's titles (and subtitles) to its bodies; true if they moved.
fn redeal(window: &mut [Article]) -> bool {
    let bodies: Vec<usize> = (0..window.len())
        .filter(|&k| window[k].has_body())
        .collect();
    let runs: Vec<Vec<[char; 2]>> = window
        .iter()
        .map(|a| a.title.as_deref().map(han_pairs).unwrap_or_default())
        .collect();
    // found[t][b]: title t's runs found in body b.
    let found: Vec<Vec<usize>> = runs
        .iter()
        .map(|r| bodies.iter().map(|&k| found_in(r, &window[k])).collect())
        .collect();
    let as_printed: Vec<usize> = bodies.clone();
    let total =
        |deal: &[usize]| -> usize { deal.iter().enumerate().map(|(b, &t)| found[t][b]).sum() };
    let moves = |deal: &[usize]| deal.iter().zip(&as_printed).filter(|(a, b)| a != b).count();
    let mut best = as_printed.clone();
    for_each_deal(window.len(), bodies.len(), &mut |deal| {
        let better = (total(deal), std::cmp::Reverse(moves(deal)))
            > (total(&best), std::cmp::Reverse(moves(&best)));
        if better {
            best = deal.to_vec();
        }
    });
    // The share of title t's runs found in body b; a missing title fits no body.
    let share = |t: usize, b: usize| match window[t].title {
        Some(_) => found[t][b] as f32 / runs[t].len().max(1) as f32,
        None => -1.0,
    };
    let fits_better = best
        .iter()
        .zip(&as_printed)
        .enumerate()
        .all(|(b, (&new, &old))| new == old || share(new, b) > share(old, b));
    if best == as_printed || total(&best) < total(&as_printed) + MIN_GAIN || !fits_better {
        return false;
    }
    let mut decks: Vec<Option<Deck>> = window.iter_mut().map(|a| Some(Deck::take(a))).collect();
    for (&k, &t) in bodies.iter().zip(&best) {
        let deck = decks[t].take().unwrap_or_default();
        window[k].uncertain |= k != t;
        deck.give(&mut window[k]);
    }
    // The titles no body took go, in order, to the articles without a body.
    let mut left = decks.into_iter().flatten();
    for k in (0..window.len()).filter(|k| !bodies.contains(k)) {
        left.next().unwrap_or_default().give(&mut window[k]);
    }
    true
}

/// What moves with a title: its subtitle, and the byline of an article with no body
/// (stacked bylines given to their stacked titles); a body keeps the byline printed
/// with it.
#[derive(Default)]
struct Deck {
    title: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
}

impl Deck {
    fn take(article: &mut Article) -> Deck {
        let byline = if article.has_body() {
            None
        } else {
            article.byline.take()
        };
        Deck {
            title: article.title.take(),
            subtitle: article.subtitle.take(),
            byline,
        }
    }

    fn give(self, article: &mut Article) {
        article.title = self.title;
        article.subtitle = self.subtitle;
        if let Some(byline) = self.byline {
            match &mut article.byline {
                // Never lost: a body's own byline keeps its place first.
                Some(own) => extend_byline(own, &byline),
                None => article.byline = Some(byline),
            }
        }
    }
}

/// Every way of giving each of `bodies` bodies a different one of `titles` titles
/// (at most `MAX_WINDOW`! = 720 here).
fn for_each_deal(titles: usize, bodies: usize, visit: &mut impl FnMut(&[usize])) {
    fn go(titles: usize, deal: &mut Vec<usize>, bodies: usize, visit: &mut impl FnMut(&[usize])) {
        if deal.len() == bodies {
            visit(deal);
            return;
        }
        for t in 0..titles {
            if !deal.contains(&t) {
                deal.push(t);
                go(titles, deal, bodies, visit);
                deal.pop();
            }
        }
    }
    go(titles, &mut Vec::with_capacity(bodies), bodies, visit);
}

/// The distinct pairs of ideographs standing next to each other once everything else
/// is dropped (`5G-A网络覆盖全市` gives 网络, 络覆, 覆盖, 盖全, 全市).
fn han_pairs(title: &str) -> Vec<[char; 2]> {
    let han: Vec<char> = title.chars().filter(|&c| is_han(c)).collect();
    let mut pairs: Vec<[char; 2]> = han.windows(2).map(|w| [w[0], w[1]]).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How many of `pairs` stand, as printed, in a heading or paragraph of `article`.
fn found_in(pairs: &[[char; 2]], article: &Article) -> usize {
    found_in_texts(pairs, &section_texts(&article.sections))
}

/// The headings and paragraphs of `sections`, in order.
fn section_texts(sections: &[Section]) -> Vec<&str> {
    sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
        .map(String::as_str)
        .collect()
}

/// How many of `pairs` stand, as printed, in one of `texts`.
fn found_in_texts(pairs: &[[char; 2]], texts: &[&str]) -> usize {
    pairs
        .iter()
        .filter(|[a, b]| {
            let pair: String = [*a, *b].iter().collect();
            texts.iter().any(|t| t.contains(&pair))
        })
        .count()
}

#[cfg(test)]
#[path = "title_match_tests.rs"]
mod tests;
