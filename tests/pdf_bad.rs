//! PDFs pizhu cannot read get a one-line answer naming the file and the reason, and
//! nothing is imported: a scan without a text layer, an encrypted file, a broken or
//! truncated one, one of 500 pages, a font without ToUnicode. Fixtures are written here
//! byte by byte (`MiniPdf`), except `encrypted.pdf` (made by
//! `tests/fixtures/pdf/make_pages.py`, reportlab's standard encryption).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A PDF assembled from object bodies (object n is `objects[n - 1]`; 1 is the catalog,
/// 2 the page tree), with a correct cross-reference table.
struct MiniPdf {
    objects: Vec<Vec<u8>>,
}

impl MiniPdf {
    fn new() -> Self {
        MiniPdf {
            objects: Vec::new(),
        }
    }

    fn add(&mut self, body: impl Into<Vec<u8>>) -> usize {
        self.objects.push(body.into());
        self.objects.len()
    }

    fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.add(body)
    }

    /// A document whose pages are `kids` (object numbers); the catalog and page tree are
    /// objects 1 and 2, so reserve them first with `reserve`.
    fn bytes(&mut self, kids: &[usize]) -> Vec<u8> {
        let kids_list: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
        self.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>".to_vec();
        self.objects[1] = format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids_list.join(" "),
            kids.len()
        )
        .into_bytes();
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n", self.objects.len() + 1).as_bytes());
        out.extend_from_slice(b"0000000000 65535 f \n");
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                self.objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    fn reserve(&mut self) {
        self.add("null");
        self.add("null");
    }

    fn page(&mut self, resources: &str, contents: usize) -> usize {
        self.add(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources {resources} /Contents {contents} 0 R >>"
        ))
    }
}

/// One page with one line of Helvetica text.
fn text_pdf(text: &str) -> Vec<u8> {
    let mut pdf = MiniPdf::new();
    pdf.reserve();
    let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    let content = pdf.stream(
        "",
        format!("BT /F1 12 Tf 20 100 Td ({text}) Tj ET").as_bytes(),
    );
    let page = pdf.page(&format!("<< /Font << /F1 {font} 0 R >> >>"), content);
    pdf.bytes(&[page])
}

struct Library {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Library {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite3");
        Library { dir, db }
    }

    fn run(&self, args: &[&std::ffi::OsStr]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pizhu"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("PIZHU_DB")
            .output()
            .unwrap()
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `pizhu import FILE` fails with exit code 1 and one line on stderr; the library
    /// stays empty. Returns that line.
    fn refuses(&self, file: &Path) -> String {
        let out = self.run(&["import".as_ref(), file.as_os_str()]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "import should fail: {stderr}");
        assert!(out.stdout.is_empty());
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line expected: {stderr:?}");
        assert!(lines[0].contains(&*file.display().to_string()), "{stderr}");
        let list = self.run(&["list".as_ref()]);
        let listed = String::from_utf8(list.stdout).unwrap();
        assert_eq!(
            listed.lines().count(),
            1,
            "only the header expected: {listed}"
        );
        lines[0].to_string()
    }
}

#[test]
fn a_scan_without_text_says_it_has_no_text_to_read() {
    let lib = Library::new();
    let mut pdf = MiniPdf::new();
    pdf.reserve();
    let image = pdf.stream(
        "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
        &[0, 255, 255, 0],
    );
    let content = pdf.stream("", b"q 300 0 0 200 0 0 cm /Im1 Do Q");
    let page = pdf.page(&format!("<< /XObject << /Im1 {image} 0 R >> >>"), content);
    let file = lib.write("scan.pdf", &pdf.bytes(&[page]));
    let msg = lib.refuses(&file);
    assert!(msg.contains("has no text to read"), "{msg}");
    assert!(msg.contains("OCR"), "{msg}");
}

#[test]
fn an_encrypted_pdf_asks_for_the_password_to_be_removed() {
    let lib = Library::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/encrypted.pdf");
    let file = lib.write("locked.pdf", &std::fs::read(fixture).unwrap());
    let msg = lib.refuses(&file);
    assert!(msg.contains("encrypted"), "{msg}");
}

#[test]
fn broken_and_truncated_pdfs_are_not_readable() {
    let lib = Library::new();
    let good = text_pdf("Hello");
    let truncated = lib.write("truncated.pdf", &good[..good.len() / 2]);
    let msg = lib.refuses(&truncated);
    assert!(
        msg.contains("not a readable PDF") && msg.contains("truncated"),
        "{msg}"
    );
    let garbage = lib.write(
        "garbage.pdf",
        b"%PDF-1.7\nthis is not a PDF at all\n%%EOF\n",
    );
    let msg = lib.refuses(&garbage);
    assert!(msg.contains("not a readable PDF"), "{msg}");
}

#[test]
fn a_pdf_of_500_pages_is_refused_before_reading_any_page() {
    let lib = Library::new();
    let mut pdf = MiniPdf::new();
    pdf.reserve();
    let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    let content = pdf.stream("", b"BT /F1 12 Tf 20 100 Td (page) Tj ET");
    let resources = format!("<< /Font << /F1 {font} 0 R >> >>");
    let kids: Vec<usize> = (0..500).map(|_| pdf.page(&resources, content)).collect();
    let file = lib.write("book.pdf", &pdf.bytes(&kids));
    let started = std::time::Instant::now();
    let msg = lib.refuses(&file);
    assert!(
        msg.contains("500 pages") && msg.contains("at most 200"),
        "{msg}"
    );
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn a_font_without_tounicode_is_counted_and_reported() {
    let lib = Library::new();
    let mut pdf = MiniPdf::new();
    pdf.reserve();
    let descriptor = pdf.add(
        "<< /Type /FontDescriptor /FontName /ABCDEF+NoMap /Flags 4 /FontBBox [0 -120 1000 880] \
         /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    );
    let cid = pdf.add(format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NoMap \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
         /FontDescriptor {descriptor} 0 R /DW 1000 >>"
    ));
    let font = pdf.add(format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NoMap /Encoding /Identity-H \
         /DescendantFonts [{cid} 0 R] >>"
    ));
    let content = pdf.stream("", b"BT /F1 12 Tf 20 100 Td <0041004200430044> Tj ET");
    let page = pdf.page(&format!("<< /Font << /F1 {font} 0 R >> >>"), content);
    let file = lib.write("nomap.pdf", &pdf.bytes(&[page]));
    let msg = lib.refuses(&file);
    assert!(
        msg.contains("4 characters cannot be mapped to Unicode"),
        "{msg}"
    );
    assert!(msg.contains("ToUnicode"), "{msg}");
}

#[test]
fn a_pdf_is_recognised_by_its_content_whatever_its_name() {
    let lib = Library::new();
    let file = lib.write("page.txt", &text_pdf("Hello"));
    let out = lib.run(&["outline".as_ref(), "--json".as_ref(), file.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["encoding"], "pdf");
    assert_eq!(json["text"], "Hello");
}
