//! The page as a sequence of pieces: text lines, and the continuation markers split off
//! the lines that carry them (`■上接第1版 带动…` is a marker and a line).

use super::lines::Line;
use super::markers::{leading_marker, trailing_marker, Marker};

#[derive(Debug, Clone)]
pub enum Piece {
    Marker(Marker),
    Line(Line),
}

impl Piece {
    pub fn line(&self) -> Option<&Line> {
        match self {
            Piece::Line(l) => Some(l),
            Piece::Marker(_) => None,
        }
    }
}
/// Split continuation markers off the lines that carry them. A marker inherits the
/// blank-line flag of its line, and the text after a leading marker starts no block.
pub fn pieces(lines: Vec<Line>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some((marker, rest)) = leading_marker(line.raw()) {
            out.push(Piece::Marker(marker));
            if !rest.is_empty() {
                let mut tail = Line::new(rest, false, false);
                tail.column = line.column;
                tail.drawn_twice = line.drawn_twice;
                out.push(Piece::Line(tail));
            }
        } else if let Some((body, marker)) = trailing_marker(line.raw()) {
            let mut head = Line::new(body, line.indented, line.blank_before);
            head.column = line.column;
            head.drawn_twice = line.drawn_twice;
            out.push(Piece::Line(head));
            out.push(Piece::Marker(marker));
        } else {
            out.push(Piece::Line(line));
        }
    }
    out
}
