//! Lines of the page as reflow sees them: cleaned text, printed width, whether a blank
//! line or an indent came before, and the width of the column they were set in.

use super::chars::width;
use super::spacing::clean_spaces;
use crate::core::parallel;

#[derive(Debug, Clone)]
pub struct Line {
    /// Cleaned text: trimmed, extraction spaces removed.
    pub text: String,
    /// The text as printed (trimmed) where it differs from `text`, for markers that
    /// are kept verbatim. Most lines need no copy.
    raw: Option<String>,
    /// Printed width in ems (see `chars::width`).
    pub width: f32,
    /// Justified by letter-spacing: a full line whatever its width says.
    pub letter_spaced: bool,
    /// Opened with an indent (two spaces, an ideographic space or a tab).
    pub indented: bool,
    /// At least one blank line stood between this line and the previous one.
    pub blank_before: bool,
    /// Estimated width of the column around this line.
    pub column: f32,
    /// The extraction printed this line twice (`Doubling`): drawn twice on the page, the
    /// way papers fake bold, which they do for heads and titles, never for body text.
    pub drawn_twice: bool,
}

impl Line {
    pub fn new(raw: &str, indented: bool, blank_before: bool) -> Line {
        let cleaned = clean_spaces(raw);
        let trimmed = raw.trim();
        Line {
            width: width(&cleaned.text),
            raw: (cleaned.text != trimmed).then(|| trimmed.to_string()),
            text: cleaned.text,
            letter_spaced: cleaned.letter_spaced,
            indented,
            blank_before,
            column: 0.0,
            drawn_twice: false,
        }
    }

    /// The line as printed, trimmed.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.text)
    }

    /// Two ems short of its column, give or take half an em: the shape of a justified
    /// paragraph's first line whose indent the extractor dropped.
    pub fn short_by_an_indent(&self) -> bool {
        (self.width - (self.column - 2.0)).abs() <= 0.5
    }
}

/// Split text into non-blank lines, remembering blank lines and indents. A line that
/// repeats the line just before it is dropped (`is_second_drawing`).
pub fn split_lines(text: &str) -> Vec<Line> {
    /// A line as found, before it is cleaned and measured.
    struct Found<'a> {
        printed: &'a str,
        indented: bool,
        blank_before: bool,
        drawn_twice: bool,
    }
    // Finding lines and second drawings looks at the line before; cleaning and measuring
    // a line looks at that line alone, and is what costs (`parallel`).
    let mut found: Vec<Found> = Vec::new();
    let mut blank_before = false;
    let mut doubling = Doubling::default();
    for raw in text.split('\n') {
        if raw.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if doubling.is_second_drawing(raw.trim()) {
            if let Some(first) = found.last_mut() {
                first.drawn_twice = true;
            }
            continue;
        }
        let printed = raw.trim_end();
        let halved = doubling.drawn_twice_in_line(printed);
        found.push(Found {
            printed: halved,
            indented: raw.starts_with(['\u{3000}', '\t']) || raw.starts_with("  "),
            blank_before,
            // Halved here, or repeated on the next line (set above when it comes).
            drawn_twice: halved.len() < printed.len(),
        });
        blank_before = false;
    }
    parallel::map_indexed(&found, |_, f| {
        let mut line = Line::new(f.printed, f.indented, f.blank_before);
        line.drawn_twice = f.drawn_twice;
        line
    })
}

/// Newspapers fake bold headings by drawing them twice, slightly offset, and extractors
/// then print each line of the heading twice. A line equal to the one before is such a
/// second drawing when it has two characters or more (`编后` twice), or when the line
/// before the pair was one too (the short last line of a doubled heading, `源` after
/// `源`). A single character repeated on its own stays: letter-spaced titles come out a
/// character a line, and a title may repeat a character (心 心 相 印).
pub struct Doubling {
    previous: String,
    /// Lines kept since a second drawing was dropped.
    kept_since_drop: usize,
}

impl Doubling {
    pub fn is_second_drawing(&mut self, line: &str) -> bool {
        let repeat =
            line == self.previous && (line.chars().count() >= 2 || self.kept_since_drop <= 1);
        if repeat {
            self.kept_since_drop = 0;
        } else {
            self.kept_since_drop += 1;
            // Reuse the buffer: this runs on every line of the page.
            self.previous.clear();
            self.previous.push_str(line);
        }
        repeat
    }

    /// pdfminer sets both drawings of a short heading line side by side on one line
    /// (`巡山——巡山——`, `条链”条链”` under a doubled `1.从“一瓶酒”到“一`): such a line is
    /// its first half. A single character twice (`源源`) is a word as often as not, and is
    /// halved only right after a line that was drawn twice.
    pub fn drawn_twice_in_line<'a>(&self, line: &'a str) -> &'a str {
        let trimmed = line.trim_start();
        // Two equal halves have equal byte lengths: split at the middle byte, which must
        // fall between characters (cheaper than counting characters on every line).
        let mid = trimmed.len() / 2;
        if trimmed.len() % 2 == 1 || !trimmed.is_char_boundary(mid) {
            return line;
        }
        let (first, second) = trimmed.split_at(mid);
        if first.is_empty() || first != second {
            return line;
        }
        let n = 2 * first.chars().count();
        // Called after `is_second_drawing` saw this line: 1 means the line before was dropped.
        let after_a_doubled_line = self.kept_since_drop == 1;
        if n >= 4 || after_a_doubled_line {
            &line[..line.len() - second.len()]
        } else {
            line
        }
    }
}

impl Default for Doubling {
    fn default() -> Self {
        Doubling {
            previous: String::new(),
            kept_since_drop: usize::MAX / 2,
        }
    }
}

/// How many lines on each side inform a line's column estimate.
const WINDOW: usize = 12;

/// Estimate each line's column width from its neighbours: the upper quartile of the
/// widths around it, which is a full line in justified text (most lines are full; last
/// lines and headings are shorter and fall below the quartile). Letter-spaced lines say
/// nothing about width and are left out.
pub fn estimate_columns(lines: &mut [Line]) {
    // Widths are multiples of half an em: keep a sorted window of small integers and
    // slide it, instead of selecting a quantile afresh for every line.
    let halves: Vec<Option<u32>> = lines
        .iter()
        .map(|l| (!l.letter_spaced).then_some((l.width * 2.0) as u32))
        .collect();
    let mut window: Vec<u32> = Vec::with_capacity(2 * WINDOW + 2);
    let insert = |w: &mut Vec<u32>, v: u32| {
        let at = w.partition_point(|&x| x < v);
        w.insert(at, v);
    };
    for h in halves.iter().take(WINDOW + 1).flatten() {
        insert(&mut window, *h);
    }
    for (i, line) in lines.iter_mut().enumerate() {
        line.column = match window.len() {
            0 => line.width,
            n => window[(n * 3 / 4).min(n - 1)] as f32 / 2.0,
        };
        // Slide: line i - WINDOW leaves, line i + WINDOW + 1 enters.
        if let Some(Some(out)) = i.checked_sub(WINDOW).map(|k| halves[k]) {
            let at = window.partition_point(|&x| x < out);
            window.remove(at);
        }
        if let Some(Some(v)) = halves.get(i + WINDOW + 1) {
            insert(&mut window, *v);
        }
    }
}

/// Is the page hard-wrapped into a column? Most lines then sit near their column width.
/// Pages with one paragraph per line (widths all over the place) are not.
pub fn is_hard_wrapped(lines: &[&Line]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let near = lines
        .iter()
        .filter(|l| l.letter_spaced || (l.width - l.column).abs() <= (0.15 * l.column).max(2.0))
        .count();
    near * 2 >= lines.len()
}

#[cfg(test)]
mod tests {
    use super::split_lines;

    fn texts(page: &str) -> Vec<String> {
        split_lines(page).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_heading_drawn_twice_reads_once() {
        // pdfminer: the doubled first line on two lines, the doubled last on one.
        let page = "河畔的仁溪县。\n\n1.从“一瓶酒”到“一\n1.从“一瓶酒”到“一\n条链”条链”\n\n巡山——巡山——\n仁溪县城沿赤水河\n";
        assert_eq!(
            texts(page),
            [
                "河畔的仁溪县。",
                "1.从“一瓶酒”到“一",
                "条链”",
                "巡山——",
                "仁溪县城沿赤水河"
            ]
        );
        // A two-character head drawn twice reads once; one character alone twice stays.
        assert_eq!(
            texts("“绕弯”。\n\n编后\n编后\n\n一条畅通的盲道"),
            ["“绕弯”。", "编后", "一条畅通的盲道"]
        );
        assert_eq!(texts("心\n心\n相\n印\n"), ["心", "心", "相", "印"]);
        // One character twice is a word unless the line before was drawn twice.
        assert_eq!(texts("水流\n源源\n"), ["水流", "源源"]);
        assert_eq!(
            texts("美西方的恐慌之\n美西方的恐慌之\n源源\n"),
            ["美西方的恐慌之", "源"]
        );
    }

    #[test]
    fn a_line_drawn_twice_says_so() {
        // Twice on two lines (mutool, pdfminer), twice on one (pdfminer), once (pdftotext).
        let page = "是为将来育种留下“备份”。\n零下18摄氏度能保存多久？\n零下18摄氏度能保存多久？\n记者：种子在库里是怎么保存\n巡山——巡山——\n心\n心\n";
        let drawn: Vec<(String, bool)> = split_lines(page)
            .into_iter()
            .map(|l| (l.text, l.drawn_twice))
            .collect();
        let expected = [
            ("是为将来育种留下“备份”。", false),
            ("零下18摄氏度能保存多久？", true),
            ("记者：种子在库里是怎么保存", false),
            ("巡山——", true),
            ("心", false),
            ("心", false),
        ];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(t, d)| (t.to_string(), *d)).collect();
        assert_eq!(drawn, expected);
    }
}
