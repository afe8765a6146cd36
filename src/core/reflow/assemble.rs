//! From labelled pieces to articles.
//!
//! Runs of equally labelled lines become one element (`elements`), repaired where the
//! page's grammar rules a label out (`line_repair`, `repair`). Then the page's title
//! placement is decided once for the page: titles printed first, or after
//! their bodies (inner pages: the body opens with a byline or a 上接 marker, the title
//! closes the article). The elements are dealt into articles both ways and the reading
//! with fewer misfits (a body without a title, a title without a body) is kept, a page
//! end that contradicts a reading counting half (titles-first pages open with a title,
//! titles-after pages close with one).

use super::deck_lines::dash_lines_under_titles_are_subtitles;
use super::displaced_bylines::displaced_bylines_rejoin_their_articles;
use super::elements::{elements, Elem, Element};
use super::head_repair::{
    bare_one_line_paragraphs_are_heads, circled_numbers_open_heads, heads_going_on_are_first_lines,
    heads_no_paragraph_line_fits, heads_over_paragraphs, questions_standing_alone_are_heads,
};
use super::line_repair::{
    answers_are_paragraphs, full_lines_go_on, heads_over_solid_lines_are_first_lines,
    ornamented_names_are_bylines, page_credits_are_furniture, photo_captions_close_articles,
    running_heads_stay_together, spaced_credits_are_bylines,
};
use super::markers::{Direction, Marker};
use super::model::Label;
use super::numbered_heads::numbered_series_open_heads;
use super::pieces::Piece;
use super::repair::repair;
use super::title_match::{closing_titles_read_as_heads, titles_meet_their_bodies};
use super::title_repair::{
    closing_title_recovered, full_deck_lines_no_wider_than_the_title_are_the_title,
    lines_over_news_openings_are_titles, subtitles_set_solid_with_their_title_are_its_part,
    two_part_heads_are_titles, wider_lines_under_a_wrapped_title_are_its_subtitle,
    wrapped_titles_go_on,
};
use crate::core::charclass::{ends_with_full_stop, opens_with_dash};
use crate::core::model::{Article, Document, Section};
use crate::core::parallel;

#[derive(Default)]
struct Builder {
    doc: Document,
    cur: Article,
    /// The current article was closed by its title (titles-after pages): a subtitle or
    /// end matter that follows still belongs to it.
    closed_by_title: bool,
    /// Titles-after pages: a deck line without a title yet (引题 or a title the model
    /// took for a subtitle) follows the current article's body; whatever is not part of
    /// the deck ends the article.
    in_deck: bool,
}

impl Builder {
    fn has_body(&self) -> bool {
        self.cur.has_body()
    }

    fn is_empty(&self) -> bool {
        self.cur.is_empty()
    }

    fn close(&mut self) {
        if !self.is_empty() {
            let mut article = std::mem::take(&mut self.cur);
            // A deck line taken for a subtitle where the article has no title is its
            // title (a subtitle never stands alone; a `——` line is one all the same).
            if article.title.is_none()
                && article
                    .subtitle
                    .as_deref()
                    .is_some_and(|s| !opens_with_dash(s))
            {
                article.title = article.subtitle.take();
            }
            // A sentence under a title with no body after it is the body: an article
            // has one, and a subtitle does not end a sentence and stop (a short page's
            // one paragraph looks like a deck line to the labeller).
            if !article.has_body()
                && article.title.is_some()
                && article
                    .subtitle
                    .as_deref()
                    .is_some_and(|s| !opens_with_dash(s) && ends_with_full_stop(s))
            {
                let body = article.subtitle.take().unwrap_or_default();
                article.sections.push(Section {
                    paragraphs: vec![body],
                    ..Section::default()
                });
            }
            self.doc.articles.push(article);
        }
        self.closed_by_title = false;
        self.in_deck = false;
    }

    /// The article a trailing element (subtitle, end matter) belongs to.
    fn trailing_target(&mut self) -> &mut Article {
        if self.is_empty() {
            if let Some(last) = self.doc.articles.last_mut() {
                return last;
            }
        }
        &mut self.cur
    }

    fn paragraph(&mut self, text: String, uncertain: bool) {
        self.closed_by_title = false;
        if self.cur.sections.is_empty() {
            self.cur.sections.push(Section::default());
        }
        if let Some(s) = self.cur.sections.last_mut() {
            if uncertain {
                s.uncertain_paragraphs.push(s.paragraphs.len());
            }
            s.paragraphs.push(text);
        }
    }

    fn heading(&mut self, text: String, uncertain: bool) {
        self.closed_by_title = false;
        self.cur.sections.push(Section {
            heading: Some(text),
            heading_uncertain: uncertain,
            ..Section::default()
        });
    }
}

/// `unsure_margin`: a piece labelled with less margin than this is uncertain.
pub fn assemble(mut pieces: Vec<Piece>, labels: &[(Label, f32)], unsure_margin: f32) -> Document {
    let mut labels = heads_over_paragraphs(&pieces, labels);
    running_heads_stay_together(&pieces, &mut labels);
    page_credits_are_furniture(&pieces, &mut labels);
    circled_numbers_open_heads(&pieces, &mut labels);
    photo_captions_close_articles(&pieces, &mut labels);
    full_lines_go_on(&pieces, &mut labels);
    // Before the interview repair: `问：…` is a paragraph even where it ends bare.
    bare_one_line_paragraphs_are_heads(&pieces, &mut labels);
    answers_are_paragraphs(&pieces, &mut labels);
    heads_going_on_are_first_lines(&pieces, &mut labels);
    numbered_series_open_heads(&pieces, &mut labels);
    heads_no_paragraph_line_fits(&pieces, &mut labels);
    heads_over_solid_lines_are_first_lines(&pieces, &mut labels);
    questions_standing_alone_are_heads(&pieces, &mut labels);
    ornamented_names_are_bylines(&pieces, &mut labels);
    spaced_credits_are_bylines(&pieces, &mut labels);
    closing_title_recovered(&mut pieces, &mut labels);
    wrapped_titles_go_on(&pieces, &mut labels);
    dash_lines_under_titles_are_subtitles(&pieces, &mut labels);
    two_part_heads_are_titles(&pieces, &mut labels);
    wider_lines_under_a_wrapped_title_are_its_subtitle(&pieces, &mut labels);
    full_deck_lines_no_wider_than_the_title_are_the_title(&pieces, &mut labels);
    lines_over_news_openings_are_titles(&pieces, &mut labels);
    subtitles_set_solid_with_their_title_are_its_part(&pieces, &mut labels);
    let elems = repair(elements(pieces, &labels, unsure_margin));
    // Read the page both ways and keep the reading that leaves fewer misfits, each
    // page end that contradicts a reading counting as half a misfit.
    let (opens, closes) = title_at_ends(&elems);
    // The two readings share nothing: on a long page they are dealt side by side.
    let copy = elems.clone();
    // Only a page with body text right after end matter reads otherwise apart.
    let for_first = body_after_end_matter(&elems).then(|| elems.clone());
    // The titles-first reading is judged with its stacked titles dealt back to their
    // bodies: a title without a body there is the extractor's order, not a misfit.
    let (first, after) = parallel::join(
        elems.len(),
        move || titles_first(copy, false),
        move || {
            let mut after = deal(elems, true, false);
            closing_titles_read_as_heads(&mut after);
            after
        },
    );
    let cost_first = 2 * misfits(&first) + usize::from(closes);
    let cost_after = 2 * misfits(&after) + usize::from(opens);
    let mut doc = if cost_after < cost_first {
        after
    } else {
        // Body text after a 下转 marker or end matter is another article's, its title
        // stacked with its neighbours' far above; read apart only where that title is
        // found for it (else it stays with the article above, as a section).
        let mut doc = match for_first.map(|elems| titles_first(elems, true)) {
            Some(apart) if misfits(&apart) <= misfits(&first) => apart,
            _ => first,
        };
        displaced_bylines_rejoin_their_articles(&mut doc);
        doc
    };
    // Dealt again on the reading kept: a titles-after reading's only dealing, and on a
    // titles-first one a second pass over what the first left (measured: without it one
    // byline fewer on probe, f7_03 through pdfminer; no page better on any split).
    titles_meet_their_bodies(&mut doc);
    doc
}

/// Does body text follow end matter or a 下转 marker somewhere on the page?
fn body_after_end_matter(elems: &[Element]) -> bool {
    elems
        .windows(2)
        .any(|pair| ends_article(&pair[0].elem) && matches!(pair[1].elem, Elem::Paragraph(_)))
}

/// End matter (`（新华社北京7月5日电）`) or a 下转 marker: what closes an article.
fn ends_article(elem: &Elem) -> bool {
    matches!(
        elem,
        Elem::EndMatter(_)
            | Elem::Marker(Marker {
                direction: Direction::To,
                ..
            })
    )
}

/// The titles-first reading, its stacked titles dealt back to their bodies.
fn titles_first(elems: Vec<Element>, end_closes: bool) -> Document {
    let mut doc = deal(elems, false, end_closes);
    titles_meet_their_bodies(&mut doc);
    doc
}

/// Articles a reading leaves odd: a body without a title, or a title without a body.
/// One with a byline but no title counts twice: a body with no title may be an article
/// jumping in from another page, but a byline opens an article, which has a title
/// somewhere (a page of `■上接第1版` / byline / body / title whose last title sits in its
/// body's middle reads the same number of odd articles either way).
fn misfits(doc: &Document) -> usize {
    doc.articles
        .iter()
        .map(|a| {
            let odd = a.has_body() != a.title.is_some();
            let credited_untitled = a.title.is_none() && a.byline.is_some();
            usize::from(odd) + usize::from(credited_untitled)
        })
        .sum()
}

/// Deal the elements into articles, titles printed first or (`after`) last; with
/// `end_closes` (titles first only), body text after end matter opens an article.
fn deal(elems: Vec<Element>, after: bool, end_closes: bool) -> Document {
    let end_closes = end_closes && !after;
    let mut b = Builder::default();
    let mut after_end_matter = false;
    for Element {
        elem, uncertain, ..
    } in elems
    {
        // End matter (`（新华社北京7月5日电）`, 下转) closes an article: on a titles-first
        // page a heading right after it is the next article's title. This is what keeps
        // pizhu's own reading text, one unit per line with nothing else to go by,
        // reading back as the articles it was written from.
        let elem = match elem {
            Elem::Heading(text) if !after && after_end_matter && b.has_body() => Elem::Title(text),
            other => other,
        };
        // Body text after it is another article's, come without its title (an extractor
        // printed that title stacked with its neighbours' far above).
        if end_closes && after_end_matter && b.has_body() && matches!(elem, Elem::Paragraph(_)) {
            b.close();
        }
        after_end_matter = ends_article(&elem);
        let deck_part = matches!(
            elem,
            Elem::Title(_) | Elem::Subtitle(_) | Elem::EndMatter(_) | Elem::Furniture(_)
        );
        if b.in_deck && !deck_part {
            b.close();
        }
        match elem {
            Elem::Furniture(text) => b.doc.page_furniture.push(text),
            // A title right after a title is another article's: a title's lines form
            // one element, which `titles_side_by_side` splits only where two articles'
            // titles were printed one after the other.
            Elem::Title(text) if after => {
                b.cur.title = Some(text);
                b.cur.uncertain |= uncertain;
                b.close();
                b.closed_by_title = true;
            }
            Elem::Title(text) => {
                if b.has_body() || b.cur.title.is_some() || b.cur.byline.is_some() {
                    b.close();
                }
                b.cur.title = Some(text);
                b.cur.uncertain |= uncertain;
            }
            Elem::Subtitle(text) => {
                // A deck line above a title-first title (引题) opens a new article.
                if !after && b.has_body() {
                    b.close();
                }
                if after && b.has_body() {
                    b.in_deck = true;
                }
                let target = if after && b.closed_by_title {
                    b.trailing_target()
                } else {
                    &mut b.cur
                };
                match &mut target.subtitle {
                    Some(s) => {
                        s.push(' ');
                        s.push_str(&text);
                    }
                    None => target.subtitle = Some(text),
                }
            }
            Elem::Byline(text) => {
                if b.has_body() || b.cur.byline.is_some() || (after && b.cur.title.is_some()) {
                    b.close();
                }
                b.cur.byline = Some(text);
                b.cur.uncertain |= uncertain;
                b.closed_by_title = false;
            }
            Elem::Marker(m) if m.direction == Direction::From => {
                if b.has_body() || b.cur.continued_marker.is_some() {
                    b.close();
                }
                b.cur.continued_from_page = m.page;
                b.cur.continued_marker = Some(m.printed);
                b.closed_by_title = false;
            }
            Elem::Marker(m) => b.trailing_target().end_matter.push(m.printed),
            Elem::EndMatter(text) => b.trailing_target().end_matter.push(text),
            Elem::Heading(text) => b.heading(text, uncertain),
            Elem::Paragraph(text) => b.paragraph(text, uncertain),
        }
    }
    b.close();
    b.doc
}

/// Does the page's content open with a title, and does it close with one? Furniture,
/// end matter and 下转 markers aside. A page of titles printed first opens with a title;
/// a page of titles printed after their bodies closes with one.
fn title_at_ends(elems: &[Element]) -> (bool, bool) {
    let content = |e: &&Element| !matches!(e.elem, Elem::Furniture(_)) && !ends_article(&e.elem);
    let is_title = |e: &Element| matches!(e.elem, Elem::Title(_) | Elem::Subtitle(_));
    (
        elems.iter().find(content).is_some_and(is_title),
        elems.iter().rev().find(content).is_some_and(is_title),
    )
}

#[cfg(test)]
#[path = "assemble_tests.rs"]
mod tests;
