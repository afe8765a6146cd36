//! Lines with roles, in reading order, to articles: a title opens an article; subtitle,
//! byline and continuation marker attach to the article they follow; a heavy line before
//! the first paragraph is a byline, after it a section heading (consecutive heavy lines
//! are one heading wrapped over lines); body lines join into paragraphs, a new one at
//! every 2-em indent or after a line that stops short of its column's right edge
//! (justified text only leaves a line short where a paragraph ends). Closing notes in
//! brackets and 下转 markers at an article's end are its end matter.

use super::closing::{end_matter, titles_below};
use super::roles::Role;
use crate::core::charclass::{ends_mid_sentence, forbids_line_start, is_wide};
use crate::core::model::{Article, Section};
use crate::core::reflow::markers::{is_end_matter, leading_marker, Direction};
use crate::core::reflow::paragraphs::join_lines;

/// A line ready for assembly.
#[derive(Clone, Copy)]
pub struct Placed<'a> {
    pub text: &'a str,
    pub role: Role,
    /// Leaf block of the XY-cut it came from.
    pub block: usize,
    pub size: f32,
    /// Baseline.
    pub y: f32,
}

#[derive(Default)]
struct Builder {
    articles: Vec<Article>,
    /// Lines of the paragraph (or heading) being built.
    open: Vec<String>,
    open_is_heading: bool,
    /// The paragraph being built starts where the layout was unsure of the break.
    open_uncertain: bool,
    /// The previous line, for joining titles and headings wrapped over lines.
    last: Option<(Role, usize, f32)>,
    /// The previous body line stopped short of its column's edge.
    last_short: bool,
    /// How far (half ems) the last body line stopped short of its column's edge.
    last_short_by: u8,
    /// The title line just placed (baseline, size, block), while more of it may follow.
    title_line: Option<(f32, f32, usize)>,
    /// Baseline and size of the title's first row: letter-spaced pieces of it may arrive
    /// after its subtitle (XY-cut groups a piece with the subtitle under it).
    title_row: Option<(f32, f32)>,
    /// The page sets titles below their bodies: a title closes the article before it.
    below: bool,
    /// The article has its title below it; the next body line opens a new one.
    closed: bool,
    /// Deck lines seen before a title: its kicker (引题), which goes into the subtitle.
    kicker: Option<String>,
}

impl Builder {
    fn article(&mut self) -> &mut Article {
        if self.articles.is_empty() {
            self.articles.push(Article::default());
        }
        self.articles.last_mut().expect("just pushed")
    }

    fn has_body(&mut self) -> bool {
        !self.open.is_empty()
            || self
                .article()
                .sections
                .iter()
                .any(|s| !s.paragraphs.is_empty())
    }

    /// Close the paragraph or heading being built.
    fn flush(&mut self) {
        if self.open.is_empty() {
            return;
        }
        let lines: Vec<&str> = self.open.iter().map(String::as_str).collect();
        let text = join_lines(&lines).trim_end().to_string();
        self.open.clear();
        let heading = std::mem::take(&mut self.open_is_heading);
        let uncertain = std::mem::take(&mut self.open_uncertain);
        let article = self.article();
        if heading {
            // A long heavy line may be an emphasised sentence rather than a heading.
            let long = text.chars().count() > 40;
            article.sections.push(Section {
                heading: Some(text),
                heading_uncertain: long,
                ..Section::default()
            });
            return;
        }
        if article.sections.is_empty() {
            article.sections.push(Section::default());
        }
        let section = article.sections.last_mut().expect("just pushed");
        if uncertain {
            section.uncertain_paragraphs.push(section.paragraphs.len());
        }
        section.paragraphs.push(text);
    }

    fn push(&mut self, l: &Placed) {
        // A paragraph's line that happens to open with 记者 or 本报 (`记者从省粮食和物资储备`
        // after `本报郑州6月25日电`) reads like a byline; in the middle of a paragraph, in
        // its column and its size, it is more of the paragraph.
        let mid_paragraph = !self.open.is_empty() && !self.open_is_heading && !self.last_short;
        let same_column = self.last.is_some_and(|(r, b, s)| {
            matches!(r, Role::Body { .. }) && b == l.block && (s - l.size).abs() < 0.03 * s
        });
        let body_after_all;
        let l = if l.role == Role::Byline && mid_paragraph && same_column {
            body_after_all = Placed {
                role: Role::Body {
                    indented: false,
                    full: true,
                    short_by: 0,
                    spaced: false,
                    space_before: false,
                },
                ..*l
            };
            &body_after_all
        } else {
            l
        };
        // On a page of titles set below their bodies, a deck-sized line after a body
        // and before anything but more of the deck is that body's title (a short title
        // set a little smaller, under a fifth above the body size).
        let deck_goes_on = matches!(l.role, Role::Deck | Role::Title | Role::Furniture);
        if self.below && !self.closed && !deck_goes_on && self.article().title.is_none() {
            if let Some(k) = self.kicker.take() {
                if self.has_body() {
                    self.flush();
                    let article = self.article();
                    article.title = Some(k);
                    self.closed = true;
                } else {
                    self.kicker = Some(k);
                }
            }
        }
        let last = self.last;
        let continues = |r: Role| {
            last.is_some_and(|(lr, b, s)| lr == r && b == l.block && (s - l.size).abs() < 0.1 * s)
        };
        // A subtitle or byline wrapped over lines of a narrow column: the same size, the
        // same block; a byline's rest is not indented (a subtitle's is centred, so it may
        // look indented).
        let wraps = last.is_some_and(|(lr, b, s)| {
            let indented = matches!(l.role, Role::Body { indented: true, .. });
            matches!(lr, Role::Subtitle | Role::Byline)
                && b == l.block
                && (s - l.size).abs() < 0.05 * s
                && matches!(l.role, Role::Body { .. } | Role::Deck | Role::Title)
                && (lr == Role::Subtitle || !indented)
        }) && self.open.is_empty();
        if wraps {
            let article = self.article();
            let field = match last.map(|x| x.0) {
                Some(Role::Subtitle) => &mut article.subtitle,
                _ => &mut article.byline,
            };
            if let Some(text) = field {
                *text = join_lines(&[text.as_str(), l.text]);
            }
            return;
        }
        if self.closed && matches!(l.role, Role::Body { .. }) && is_end_matter(l.text) {
            // A closing note in the article's last column, read after the title set
            // under the columns before it: still that article's end matter.
            self.article().end_matter.push(l.text.to_string());
            return;
        }
        if self.closed
            && matches!(
                l.role,
                Role::Body { .. } | Role::Marker | Role::Byline | Role::Heavy
            )
        {
            self.flush();
            self.articles.push(Article::default());
            self.closed = false;
        }
        match l.role {
            Role::Furniture => return,
            Role::Title if self.below && !self.closed => {
                // The title under the body just read.
                self.flush();
                let kicker = self.kicker.take();
                let article = self.article();
                article.title = Some(l.text.to_string());
                article.subtitle = kicker;
                self.closed = true;
                self.title_line = Some((l.y, l.size, l.block));
                self.title_row = Some((l.y, l.size));
                self.last = Some((l.role, l.block, l.size));
                self.last_short = false;
                return;
            }
            Role::Title => {
                // Lines of one title: wrapped in its column (same block) or letter-spaced
                // apart into pieces on one baseline.
                let same_title = self.open.is_empty()
                    && (self.title_line.is_some_and(|(_, size, b)| {
                        (size - l.size).abs() < 0.1 * size && b == l.block
                    }) || self.title_row.is_some_and(|(y, size)| {
                        (size - l.size).abs() < 0.1 * size && (y - l.y).abs() < 0.3 * size
                    }));
                let deck = !same_title && self.open.is_empty() && self.title_line.is_some();
                if same_title {
                    let article = self.article();
                    let title = article.title.get_or_insert_with(String::new);
                    title.push_str(l.text);
                } else if deck {
                    // Lines of one deck in several sizes: the largest is the title, the
                    // others (kicker above, subtitle below) make the subtitle, in order.
                    let (_, size, _) = self.title_line.expect("checked");
                    let article = self.article();
                    let title = article.title.take().unwrap_or_default();
                    let (title, part) = if l.size > size {
                        (l.text.to_string(), title)
                    } else {
                        (title, l.text.to_string())
                    };
                    article.title = Some(title);
                    article.subtitle = Some(match article.subtitle.take() {
                        Some(s) => format!("{s} {part}"),
                        None => part,
                    });
                    if l.size < size {
                        // Keep judging later lines against the title's size.
                        self.title_line = Some((l.y, size, l.block));
                        self.last = Some((Role::Deck, l.block, l.size));
                        return;
                    }
                } else {
                    self.flush();
                    let kicker = self.kicker.take();
                    self.articles.push(Article {
                        title: Some(l.text.to_string()),
                        subtitle: kicker,
                        ..Article::default()
                    });
                }
                self.title_line = Some((l.y, l.size, l.block));
                if !deck || l.size > self.title_row.map_or(0.0, |r| r.1) {
                    self.title_row = Some((l.y, l.size));
                }
                self.last = Some((l.role, l.block, l.size));
                self.last_short = false;
                return;
            }
            Role::Deck => {
                // A deck line between body and title size: a kicker above the title, or a
                // subtitle under it (printed order, joined by a space).
                let fresh = (self.closed || !self.has_body()) && self.article().title.is_some();
                if fresh && self.title_line.is_some() {
                    let article = self.article();
                    match &mut article.subtitle {
                        Some(s) => {
                            s.push(' ');
                            s.push_str(l.text);
                        }
                        None => article.subtitle = Some(l.text.to_string()),
                    }
                } else {
                    match &mut self.kicker {
                        Some(k) if continues(Role::Deck) => k.push_str(l.text),
                        Some(k) => {
                            k.push(' ');
                            k.push_str(l.text);
                        }
                        None => self.kicker = Some(l.text.to_string()),
                    }
                }
            }
            Role::Subtitle => {
                let fresh = self.closed || !self.has_body();
                let article = self.article();
                if fresh && article.subtitle.is_none() {
                    article.subtitle = Some(l.text.to_string());
                } else {
                    self.body_line(l.text, true);
                }
            }
            Role::Credit => {
                self.flush();
                self.article().end_matter.push(l.text.to_string());
            }
            Role::Marker => {
                self.flush();
                let article = self.article();
                let (marker, _) = leading_marker(l.text).expect("role says it is a marker");
                if marker.direction == Direction::To {
                    article.end_matter.push(l.text.to_string());
                } else if article.continued_marker.is_none() {
                    article.continued_from_page = marker.page;
                    article.continued_marker = Some(l.text.to_string());
                }
            }
            Role::Byline | Role::Heavy => {
                let fresh = !self.has_body();
                let is_byline_text = l.role == Role::Byline;
                // A byline wrapped over lines, its rest heavy too.
                let wrapped = (continues(Role::Byline) || continues(Role::Heavy))
                    && self.open.is_empty()
                    && self.article().byline.is_some();
                if fresh && (is_byline_text || wrapped || self.article().byline.is_none()) {
                    let article = self.article();
                    match &mut article.byline {
                        None => article.byline = Some(l.text.to_string()),
                        Some(b) if wrapped => *b = join_lines(&[b.as_str(), l.text]),
                        Some(_) => {}
                    }
                } else if self.open_is_heading && heading_goes_on(last, l) {
                    self.open.push(l.text.to_string());
                } else {
                    self.flush();
                    self.open_is_heading = true;
                    self.open.push(l.text.to_string());
                }
            }
            Role::Body {
                indented,
                full,
                short_by,
                spaced,
                space_before,
            } => {
                // The line before stopped short only because this line's first unit (a
                // character and the closing marks that may not start a line, or a run of
                // figures) did not fit in the room left: a forced break, not a paragraph's
                // end (columns set ragged right show it).
                let forced = leading_unit_half_ems(l.text) > self.last_short_by;
                let starts = indented || (self.last_short && !forced) || self.open_is_heading;
                if space_before && !starts {
                    // Restored at the end of the line before, like `spaced`.
                    if let Some(last) = self.open.last_mut().filter(|t| !t.ends_with(' ')) {
                        last.push(' ');
                    }
                }
                if spaced {
                    // Kept at the line's end, so joining the next line restores it.
                    self.body_line(&format!("{} ", l.text), starts);
                } else {
                    self.body_line(l.text, starts);
                }
                // A break seen only in a short line before, with no indent to confirm it
                // (the line may have been short for another reason: a column's last line).
                if starts && !indented && self.last_short {
                    self.open_uncertain = true;
                }
                // A line that stops short in the middle of a sentence (after a comma, or
                // before a run of figures or a Latin word that did not fit, in a column set
                // ragged) does not end its paragraph. (One ending in a Chinese character
                // may: an inscription, a signature.)
                let text = l.text.trim_end();
                let mid_sentence =
                    ends_mid_sentence(text) || text.ends_with(|c: char| c.is_ascii_alphanumeric());
                self.last_short = !full && !mid_sentence;
                self.last_short_by = short_by;
            }
        }
        if !matches!(l.role, Role::Body { .. }) {
            self.last_short = false;
        }
        if l.role != Role::Deck {
            self.title_line = None;
        }
        if !matches!(l.role, Role::Deck | Role::Subtitle | Role::Furniture) {
            self.title_row = None;
        }
        if l.role != Role::Deck && !matches!(l.role, Role::Furniture) {
            // A kicker not followed by a title was body text after all.
            if let Some(k) = self.kicker.take() {
                self.body_line(&k, true);
            }
        }
        self.last = Some((l.role, l.block, l.size));
    }

    fn body_line(&mut self, text: &str, starts: bool) {
        if starts {
            self.flush();
        }
        self.open.push(text.to_string());
    }

    fn finish(mut self) -> Vec<Article> {
        self.flush();
        if let Some(k) = self.kicker.take() {
            self.body_line(&k, true);
            self.flush();
        }
        let mut articles = titles_below(self.articles);
        for article in &mut articles {
            end_matter(article);
            // No title found for it: it may belong to the article before.
            article.uncertain = article.title.is_none();
        }
        articles
    }
}

/// Width in half ems of what may not be parted at the start of a line: its first
/// character with the marks after it that may not start a line (`问。`, `了！”`), or a run of
/// figures or a Latin word.
fn leading_unit_half_ems(text: &str) -> u8 {
    let half_ems = |c: char| if is_wide(c) { 2 } else { 1 };
    let mut chars = text.trim_start().chars().peekable();
    let Some(first) = chars.next() else {
        return 0;
    };
    let mut width = half_ems(first);
    if first.is_ascii_alphanumeric() {
        while let Some(&c) = chars.peek() {
            if !(c.is_ascii_alphanumeric() || ".%".contains(c)) {
                break;
            }
            width += 1;
            chars.next();
        }
    }
    while let Some(&c) = chars.peek() {
        if !forbids_line_start(c) {
            break;
        }
        width += half_ems(c);
        chars.next();
    }
    width.min(254)
}

/// A heavy line after a heading line of its size, with nothing between, is more of that
/// heading: wrapped in its column, or carried over a column break to the next column's
/// top (a section never ends at its heading).
fn heading_goes_on(last: Option<(Role, usize, f32)>, l: &Placed) -> bool {
    last.is_some_and(|(role, _, size)| role == Role::Heavy && (size - l.size).abs() < 0.1 * size)
}

/// Assemble one page's lines (in reading order) into articles.
pub fn articles(lines: &[Placed]) -> Vec<Article> {
    let content: Vec<Role> = lines
        .iter()
        .map(|l| l.role)
        .filter(|r| *r != Role::Furniture)
        .collect();
    let heads = |r: &Role| matches!(r, Role::Title | Role::Deck | Role::Subtitle);
    // Decided per page: a page that opens with body text and closes with a title sets its
    // titles below their articles.
    let below = content.first().is_some_and(|r| !heads(r)) && content.last().is_some_and(heads);
    let mut b = Builder {
        below,
        ..Builder::default()
    };
    for l in lines {
        b.push(l);
    }
    b.finish()
}
