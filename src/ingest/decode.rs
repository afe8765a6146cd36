//! Bytes to text: the encoding (BOM, UTF-8, or a legacy Chinese encoding guessed by
//! chardetng), LF line ends, and the errors for what is not text.

use std::path::Path;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use super::{Decoded, IngestError};

/// Detect the encoding of `bytes` and decode them to text with LF line ends.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, IngestError> {
    let owned = || path.to_path_buf();
    if bytes.is_empty() {
        return Err(IngestError::Empty { path: owned() });
    }
    let undecodable = |encoding| IngestError::Undecodable {
        path: owned(),
        encoding: canonical_name(encoding),
    };
    let decode_as = |encoding: &'static Encoding, body| {
        encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| undecodable(encoding))
    };
    let (encoding, text) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, decode_as(encoding, &bytes[bom_len..])?),
        None => {
            if bytes.contains(&0) {
                let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
                return Err(IngestError::Binary {
                    path: owned(),
                    offset,
                });
            }
            match std::str::from_utf8(bytes) {
                Ok(utf8) => (UTF_8, std::borrow::Cow::Borrowed(utf8)),
                Err(_) => {
                    if let Some(bad) = mostly_utf8(path, bytes) {
                        return Err(bad);
                    }
                    let encoding = sniff_legacy(bytes);
                    (encoding, decode_as(encoding, bytes)?)
                }
            }
        }
    };
    check_control_chars(path, &text)?;
    let text = normalize_newlines(&text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: owned() });
    }
    Ok(Decoded {
        text,
        encoding: canonical_name(encoding),
    })
}

/// Guess the encoding of BOM-less bytes that are not UTF-8: what chardetng says,
/// widening GBK to its superset GB18030.
fn sniff_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    }
}

fn canonical_name(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_8 {
        "UTF-8"
    } else if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == GB18030 || encoding == encoding_rs::GBK {
        "GB18030"
    } else if encoding == BIG5 {
        "Big5"
    } else {
        encoding.name()
    }
}

/// UTF-8 text with a few bad bytes (a damaged file), told apart from a legacy encoding,
/// where nearly every non-ASCII char would be invalid UTF-8: at least 8 valid multi-byte
/// chars per invalid byte. Names the first bad byte.
fn mostly_utf8(path: &Path, bytes: &[u8]) -> Option<IngestError> {
    let (mut valid_multibyte, mut invalid, mut first) = (0usize, 0usize, None);
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += chunk.invalid().len();
            first.get_or_insert((chunk.invalid()[0], offset));
        }
        offset += chunk.invalid().len();
    }
    let (byte, offset) = first?;
    (valid_multibyte >= 8 * invalid).then(|| IngestError::BadUtf8 {
        path: path.to_path_buf(),
        byte,
        offset,
        count: invalid,
    })
}

/// Text with a NUL anywhere, or many C0 control characters over the whole file, is a binary
/// file that happened to decode.
fn check_control_chars(path: &Path, text: &str) -> Result<(), IngestError> {
    if let Some(at) = text.bytes().position(|b| b == 0) {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            offset: text[..at].chars().count(),
        });
    }
    let (control, chars) = control_and_chars(text);
    if control * 20 > chars.max(1) {
        return Err(IngestError::ControlChars {
            path: path.to_path_buf(),
            control,
            chars,
        });
    }
    Ok(())
}

/// How many characters are controls (`char::is_control` but line ends, tab and form
/// feed), and how many characters there are. Counted on the UTF-8 bytes, not on decoded
/// characters: every file read passes here, and byte loops are what the compiler
/// vectorises.
fn control_and_chars(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // A character starts at every byte that is not a continuation byte (10xxxxxx).
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    // C0 (U+0000–U+001F) and DEL are single bytes; C1 (U+0080–U+009F) is C2 80 … C2 9F.
    let c0 = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f)
        .count();
    let c1 = bytes
        .windows(2)
        .filter(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
        .count();
    (c0 + c1, chars)
}

/// CRLF and lone CR become LF; form feeds (page breaks in pdftotext output) too.
pub fn normalize_newlines(text: &str) -> String {
    // A byte test: a char-pattern search decodes every character of the file.
    if !text.bytes().any(|b| b == b'\r' || b == 0x0c) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{c}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("page.txt")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(p(), "新华社\r\n记者\r".as_bytes()).unwrap();
        assert_eq!(
            plain,
            Decoded {
                text: "新华社\n记者\n".into(),
                encoding: "UTF-8"
            }
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("新华社".as_bytes());
        assert_eq!(decode(p(), &bom).unwrap().text, "新华社");
    }

    #[test]
    fn utf16_with_bom() {
        let text = "上接第1版\r\n内蒙古";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(
            decode(p(), &le).unwrap(),
            Decoded {
                text: "上接第1版\n内蒙古".into(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(decode(p(), &be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn gb18030_and_big5() {
        let text = "深入学习贯彻习近平总书记考察内蒙古重要指示精神，推动自治区党委十一届六次全会各项任务落到实处。";
        let (gb, _, _) = GB18030.encode(text);
        let d = decode(p(), &gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        let trad = "深入學習貫徹總書記考察內蒙古重要指示精神，推動自治區黨委十一屆六次全會各項任務落到實處。";
        let (big5, _, _) = BIG5.encode(trad);
        let d = decode(p(), &big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (trad, "Big5"));
    }

    #[test]
    fn bad_inputs_name_the_file_and_reason() {
        let msg = |e: IngestError| e.to_string();
        assert_eq!(
            msg(decode(p(), b"").unwrap_err()),
            "cannot read page.txt: the file is empty"
        );
        assert_eq!(
            msg(decode(p(), b" \n\n").unwrap_err()),
            "cannot read page.txt: the file is empty"
        );
        assert_eq!(
            msg(decode(p(), b"ab\x00cd").unwrap_err()),
            "cannot read page.txt: not a text file (NUL byte at offset 2)"
        );
        let controls: Vec<u8> = (1u8..9).cycle().take(200).collect();
        assert!(msg(decode(p(), &controls).unwrap_err()).contains("not a text file"));
        let mut bad16 = vec![0xFF, 0xFE];
        bad16.extend_from_slice(&[0x00, 0xD8, 0x41, 0x00]); // lone surrogate
        assert!(msg(decode(p(), &bad16).unwrap_err())
            .starts_with("cannot read page.txt: the bytes are not valid UTF-16LE"));
    }
}

#[cfg(test)]
mod limits_tests {
    use super::*;

    #[test]
    fn one_bad_byte_in_utf8_text_is_named() {
        let mut bytes = "新华社记者报道，内蒙古自治区全区社会消费品零售总额"
            .repeat(4)
            .into_bytes();
        bytes[30] = 0xFF;
        let err = decode(Path::new("page.txt"), &bytes)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "cannot read page.txt: not valid UTF-8 (byte 0xFF at offset 30 is not part of a \
             character; 3 bad bytes in all); re-save the file as UTF-8"
        );
    }

    #[test]
    fn gb18030_is_still_detected_not_called_bad_utf8() {
        let (gb, _, _) = GB18030.encode("新华社记者报道，内蒙古自治区全区社会消费品零售总额");
        assert_eq!(decode(Path::new("p"), &gb).unwrap().encoding, "GB18030");
    }

    #[test]
    fn control_characters_counted_on_bytes_as_on_chars() {
        for text in [
            "",
            "正文\n\t\r\u{c}",
            "\u{1}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{c2}\u{ff}é",
            "本报讯\u{1b}[0m 𠀀\u{2028}\u{feff}\u{0}",
        ] {
            let control = text
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            assert_eq!(
                control_and_chars(text),
                (control, text.chars().count()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_nul_or_control_characters_after_the_first_4096_chars_are_found() {
        let mut text = "正文。".repeat(3000);
        text.push('\0');
        let err = decode(Path::new("p.txt"), text.as_bytes()).unwrap_err();
        // Byte offset: 3,000 × "正文。" is 27,000 bytes.
        assert!(
            matches!(err, IngestError::Binary { offset: 27000, .. }),
            "{err}"
        );
        // UTF-16 with a BOM decodes NULs to U+0000: still binary.
        let mut le = vec![0xFF, 0xFE];
        le.extend("正文\0".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(matches!(
            decode(Path::new("p"), &le),
            Err(IngestError::Binary { offset: 2, .. })
        ));
        let mut late = "正文。".repeat(2000);
        late.push_str(&"\u{1}\u{2}".repeat(1000));
        let err = decode(Path::new("p.txt"), late.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.contains("2000 control characters in 8000"), "{err}");
    }
}
