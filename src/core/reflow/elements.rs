//! From labelled pieces to the page's elements: runs of equally labelled lines become
//! one element (a title over three lines is one title; a paragraph is a `ParaStart` line
//! and the `ParaCont` lines after it), with the few relabellings that need the run so far
//! (a dash line under a title is the subtitle, a byline goes on only where it was
//! wrapped, a numbered head begins a heading of its own).

use super::bylines::{
    continues_byline, extend_byline, is_byline, is_prose_after_credit, reads_as_names,
};
use super::line_repair::titles_side_by_side;
use super::markers::{is_numbered, opens_photo_caption, Marker};
use super::model::Label;
use super::paragraphs::join_lines;
use super::pieces::Piece;
use super::spacing::close_cjk_gaps;
use crate::core::charclass::{self, width as printed_width};

/// One element of the page: what it is, its text, and whether the labeller was unsure.
#[derive(Debug, Clone)]
pub(super) enum Elem {
    Furniture(String),
    Title(String),
    Subtitle(String),
    Byline(String),
    Heading(String),
    Paragraph(String),
    EndMatter(String),
    Marker(Marker),
}

#[derive(Clone)]
pub(super) struct Element {
    pub(super) elem: Elem,
    pub(super) uncertain: bool,
    /// A paragraph whose first line the labeller took for the middle of a paragraph:
    /// the rest of one that something else (a title drawn across it, a column break)
    /// interrupted.
    pub(super) continues: bool,
    /// Its first line stood after a blank line, under a line well short of its column:
    /// printed apart from what came before it (pdftotext and pdfminer print side-by-side
    /// articles' decks one after the other, a blank line between).
    pub(super) set_apart: bool,
}

/// Group labelled pieces into elements.
pub(super) fn elements(
    pieces: Vec<Piece>,
    labels: &[(Label, f32)],
    unsure_margin: f32,
) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut run_label: Option<Label> = None;
    let mut run_unsure = false;
    // The current subtitle run began with a dash (the labeller may have taken it for a
    // title): what it calls title after that is the subtitle wrapped.
    let mut run_from_dash = false;
    // The previous line was a sentence taken out of a byline.
    let mut after_prose_line = false;
    // The previous line's printed width and its column's (a wrapped line goes on in
    // the next).
    let mut prev_measure: Option<(f32, f32)> = None;
    let new_titles = titles_side_by_side(&pieces, labels);
    // The current run's first line was set apart (see `Element::set_apart`).
    let mut run_apart = false;
    let flush =
        |out: &mut Vec<Element>, run: &mut Vec<String>, label: Option<Label>, unsure, set_apart| {
            if run.is_empty() {
                return;
            }
            let texts: Vec<&str> = run.iter().map(String::as_str).collect();
            let elem = match label {
                Some(Label::Title) => Elem::Title(join_lines(&texts)),
                Some(Label::Subtitle) => Elem::Subtitle(join_lines(&texts)),
                Some(Label::Byline) => {
                    Elem::Byline(texts.iter().fold(String::new(), |mut b, t| {
                        extend_byline(&mut b, t);
                        b
                    }))
                }
                Some(Label::Heading) => Elem::Heading(join_lines(&texts)),
                Some(Label::EndMatter) => Elem::EndMatter(join_lines(&texts)),
                Some(Label::Furniture) => Elem::Furniture(texts.join(" ")),
                _ => Elem::Paragraph(join_lines(&texts)),
            };
            out.push(Element {
                elem,
                uncertain: unsure,
                continues: label == Some(Label::ParaCont),
                set_apart,
            });
            run.clear();
        };
    for (i, (piece, &(label, margin))) in pieces.into_iter().zip(labels).enumerate() {
        let unsure = margin < unsure_margin;
        let line = match piece {
            Piece::Marker(m) => {
                flush(&mut out, &mut run, run_label, run_unsure, run_apart);
                run_label = None;
                run_from_dash = false;
                out.push(Element {
                    elem: Elem::Marker(m),
                    uncertain: false,
                    continues: false,
                    set_apart: false,
                });
                continue;
            }
            Piece::Line(l) => l,
        };
        // A deck line that opens with a dash is the subtitle (副题), never a title's
        // wrapped second line: headlines are broken at a phrase, and a `——` opening the
        // line under a title introduces the subtitle. Lines the labeller still calls title
        // after it are that subtitle wrapped.
        let opens_with_dash = charclass::opens_with_dash(&line.text);
        let dash_under_title =
            run_label == Some(Label::Title) && label == Label::Title && opens_with_dash;
        let wrapped_dash_subtitle = run_from_dash && label == Label::Title;
        // A line under a byline that reads as a sentence about the reporter (记者从…获悉)
        // is the body's first line: the byline ends before it and its paragraph goes on
        // in the next line, whatever the labeller says of that one.
        let prose_under_byline = run_label == Some(Label::Byline)
            && label == Label::Byline
            && is_prose_after_credit(&line.text);
        let label = if dash_under_title || wrapped_dash_subtitle {
            Label::Subtitle
        } else if prose_under_byline {
            Label::ParaStart
        } else if after_prose_line && label == Label::ParaStart {
            Label::ParaCont
        } else {
            label
        };
        after_prose_line = prose_under_byline;
        // A byline goes on in the next line only where it was wrapped (its line full) and
        // the next names people, or the next reads as its rest; otherwise what the
        // labeller calls byline there (a head of a name's length, `老机子`, under
        // `四川日报全媒体记者 罗晓蓉`) is a head opening the body.
        // The other way round, the rest of a byline (`帆` under `新华社记者 覃秋实 杨`)
        // is the byline's whatever the labeller says: taken for a deck line, it would join
        // the deck line under it and be lost to the byline.
        let rest_of_byline = run_label == Some(Label::Byline)
            && run.last().is_some_and(|b| continues_byline(b, &line.text));
        let label = if rest_of_byline {
            Label::Byline
        } else if run_label == Some(Label::Byline)
            && label == Label::Byline
            && !(wrapped_into(prev_measure, &line.text) && reads_as_names(&line.text))
            && !is_byline(&line.text)
        {
            Label::Heading
        } else {
            label
        };
        let apart =
            line.blank_before && prev_measure.is_some_and(|(width, column)| width <= column - 2.0);
        prev_measure = Some((line.width, line.column));
        let same_run = match (run_label, label) {
            (Some(Label::ParaStart | Label::ParaCont), Label::ParaCont) => true,
            // Each end-matter note closes with its bracket, a photo caption with its
            // photographer's 摄; editors' credits stand alone.
            (Some(Label::EndMatter), Label::EndMatter) => {
                let (first, last) = (run.first(), run.last());
                let open_note = first.is_some_and(|t| t.starts_with(['（', '(']))
                    && last.is_some_and(|t| !t.ends_with(['）', ')']));
                let open_caption = first.is_some_and(|t| opens_photo_caption(t))
                    && last.is_some_and(|t| !t.ends_with('摄'));
                open_note || open_caption
            }
            (Some(Label::Furniture), _) => false,
            // A numbered head (一、 （二） 3.) always begins a heading of its own.
            (Some(Label::Heading), Label::Heading) => !is_numbered(&line.text),
            (Some(Label::Title), Label::Title) => !new_titles[i],
            // A whole byline after a blank line under a whole byline is a byline of its
            // own: side-by-side articles' bylines, which pdftotext prints one after the
            // other under their stacked titles. `repair` joins them again unless as many
            // titles stand stacked above.
            (Some(Label::Byline), Label::Byline)
                if line.blank_before && is_byline(&line.text) && is_byline(&run.join(" ")) =>
            {
                false
            }
            (Some(prev), next) => prev == next && next != Label::ParaStart,
            (None, _) => false,
        };
        if !same_run {
            flush(&mut out, &mut run, run_label, run_unsure, run_apart);
            run_apart = apart;
            run_from_dash = dash_under_title || (label == Label::Subtitle && opens_with_dash);
            run_label = Some(label);
            run_unsure = false;
        }
        run_unsure |= unsure;
        let text = match label {
            Label::ParaStart | Label::ParaCont => close_cjk_gaps(&line.text),
            _ => line.text,
        };
        run.push(text);
    }
    flush(&mut out, &mut run, run_label, run_unsure, run_apart);
    out
}

/// Was the line measured `prev` (printed width, column width) wrapped into `text`: full,
/// or too full to take `text`'s first word after a space? A byline breaks between
/// names (`本报记者 包文斌` / `石小溪` in a column of ten and a half), so its line need
/// not be full.
fn wrapped_into(prev: Option<(f32, f32)>, text: &str) -> bool {
    let first_word = text.split_whitespace().next().unwrap_or("");
    prev.is_some_and(|(width, column)| {
        width + 1.5 >= column || width + 1.0 + printed_width(first_word) > column
    })
}
