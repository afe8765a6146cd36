//! CSV for spreadsheets and statistics packages: UTF-8 with a byte-order mark (so
//! spreadsheet programs pick the right encoding for Chinese), RFC 4180 quoting with
//! CRLF record ends, one row per annotation.
//!
//! Cells that a spreadsheet would run as a formula are neutralised (OWASP "CSV
//! injection"): a cell starting with tab or CR, or whose first character after whitespace
//! (line breaks, ideographic space), zero-width and bidi characters is `=`, `+`, `-`, `@`
//! or a full-width or small form of them (`＝＋－＠`, `﹦﹢﹣﹫`) gets a `'` in front.
//! Control characters other than tab and line breaks, and bidi overrides, are written as
//! visible escapes (see `export::controls`).

use super::{color_name, placed, ExportDocument};

pub const HEADER: [&str; 15] = [
    "id", "document", "paper", "date", "page", "article", "section", "start", "end", "quote",
    "colour", "tags", "note", "created", "modified",
];

/// Separator between tags in the `tags` column.
pub const TAG_SEPARATOR: &str = "; ";

const BOM: &str = "\u{feff}";

/// Renders every document's annotations as one CSV file (BOM, header, rows).
pub fn render(docs: &[ExportDocument], color_names: &[String]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    write_row(&mut writer, HEADER.iter().map(|h| h.to_string()));
    for doc in docs {
        let source = doc.source;
        for p in placed(doc) {
            let a = p.annotation;
            write_row(
                &mut writer,
                [
                    a.id.clone(),
                    doc.name.to_string(),
                    source.and_then(|s| s.paper.clone()).unwrap_or_default(),
                    source.and_then(|s| s.date.clone()).unwrap_or_default(),
                    source
                        .and_then(|s| s.page)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    p.article_title(doc.outline).unwrap_or_default().to_string(),
                    p.section_heading(doc.outline)
                        .unwrap_or_default()
                        .to_string(),
                    a.start.to_string(),
                    a.end.to_string(),
                    a.quote.clone(),
                    color_name(color_names, a.color),
                    a.tags.join(TAG_SEPARATOR),
                    a.note.clone(),
                    a.created.clone(),
                    a.modified.clone(),
                ],
            );
        }
    }
    let bytes = match writer.into_inner() {
        Ok(bytes) => bytes,
        Err(e) => e.into_inner().get_ref().clone(),
    };
    // Every cell came from a `String` and the writer only adds ASCII, so this holds.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn write_row(writer: &mut ::csv::Writer<Vec<u8>>, cells: impl IntoIterator<Item = String>) {
    // Writing into a Vec cannot fail; csv only errors on I/O.
    for cell in cells {
        let cell = super::controls::escape_controls(&cell, "\t\r\n");
        let _ = writer.write_field(neutralise(&cell).as_bytes());
    }
    let _ = writer.write_record(None::<&[u8]>);
}

/// Prefixes a cell that a spreadsheet would evaluate as a formula with `'`.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let first = cell.chars().next();
    let significant = cell.chars().find(|&c| !skipped_before_formula(c));
    let formula = matches!(first, Some('\t' | '\r'))
        || matches!(
            significant,
            Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠' | '﹦' | '﹢' | '﹣' | '﹫')
        );
    if formula {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// What a spreadsheet may skip or normalise before it sees a leading `=`: whitespace of any
/// kind, zero-width and other format characters, bidi controls.
fn skipped_before_formula(c: char) -> bool {
    crate::core::annotation::is_invisible(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    fn render_fixture() -> (String, Fixture) {
        let f = Fixture::new();
        let out = render(&[f.document()], &f.color_names);
        (out, f)
    }

    #[test]
    fn snapshot() {
        let (out, _) = render_fixture();
        insta::assert_snapshot!(out);
    }

    #[test]
    fn starts_with_bom_and_ends_records_with_crlf() {
        let (out, _) = render_fixture();
        assert!(out.starts_with("\u{feff}id,document,paper,date,page,article,section,start,end,quote,colour,tags,note,created,modified\r\n"));
        assert!(out.ends_with("\r\n"));
        // Bare LF appears only inside quoted notes, never as a record end.
        let outside_quotes: String = out.split('"').step_by(2).collect();
        assert!(!outside_quotes.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn a_real_parser_reads_back_the_same_fields() {
        let (out, f) = render_fixture();
        let body = out.strip_prefix(BOM).expect("BOM");
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(body.as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, HEADER);
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), f.annotations.len());
        let doc = f.document();
        for p in placed(&doc) {
            let a = p.annotation;
            let row = rows
                .iter()
                .find(|r| r[0] == a.id)
                .expect("a row per annotation");
            assert_eq!(&row[1], "2024-07-06 第3版.txt");
            assert_eq!(
                (&row[2], &row[3], &row[4]),
                ("内蒙古日报", "2024-07-06", "3")
            );
            assert_eq!(
                &row[5],
                neutralise(p.article_title(doc.outline).unwrap_or_default())
            );
            assert_eq!(row[7].parse::<usize>().unwrap(), a.start);
            assert_eq!(row[8].parse::<usize>().unwrap(), a.end);
            assert_eq!(&row[9], neutralise(&a.quote));
            assert_eq!(&row[10], color_name(&f.color_names, a.color));
            assert_eq!(&row[11], neutralise(&a.tags.join(TAG_SEPARATOR)));
            assert_eq!(&row[12], neutralise(&a.note));
            assert_eq!(
                (&row[13], &row[14]),
                (a.created.as_str(), a.modified.as_str())
            );
        }
        // The awkward note survives byte for byte.
        assert!(rows
            .iter()
            .any(|r| &r[12] == "第一行\n第二行，含逗号, comma\t制表符 \"引号\" 🙂！"));
    }

    #[test]
    fn formula_cells_are_neutralised() {
        let (out, _) = render_fixture();
        let body = out.strip_prefix(BOM).unwrap();
        let mut reader = ::csv::ReaderBuilder::new().from_reader(body.as_bytes());
        let cells: Vec<String> = reader
            .records()
            .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
            .collect();
        for dangerous in ['=', '+', '-', '@', '\t', '\r'] {
            assert!(
                !cells.iter().any(|c| c.starts_with(dangerous)),
                "a cell starts with {dangerous:?}"
            );
        }
        assert!(cells.contains(&"'=HYPERLINK(\"http://evil.example\",\"点我\")".to_string()));
        assert!(cells.contains(&"'=SUM(A1:A9) 与 *星号* 的标题".to_string()));
        assert!(cells.contains(&"'-1 负数开头的小标题".to_string()));
        assert!(cells.contains(&"'+86 电话".to_string()));
        assert!(cells.contains(&"'@提醒：位置待核对\r\n（Windows 换行）".to_string()));
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("普通"), "普通");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn formulas_behind_whitespace_zero_width_and_full_width_forms_are_neutralised() {
        for cell in [
            "=1+1",
            " =1+1",
            "  +1",
            "\n=1+1",
            "\r\n=1+1",
            "\u{3000}=1+1",
            "\u{A0}@SUM(A1)",
            "\u{200B}=1+1",
            "\u{FEFF}=1+1",
            "\u{2060}-1",
            "\u{202E}=1+1",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "﹦1+1",
            "﹣1",
            " \u{200B}\u{3000}＝1+1",
            "\t1",
            "\rx",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["普通", "1+1", "a=b", "", " ", "\u{200B}", "邮箱 a@b.c"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_escaped_in_cells() {
        let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
        write_row(
            &mut writer,
            [
                "safe\x1b[31m\u{7}".to_string(),
                "abc\u{202E}fed\r\n二".to_string(),
            ],
        );
        let out = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(out, "safe\\u{1b}[31m\\u{7},\"abc\\u{202e}fed\r\n二\"\n");
    }
}
