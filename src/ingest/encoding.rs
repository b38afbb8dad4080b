//! Detects and decodes the character encoding of input bytes: BOM first, then a declared charset
//! (HTTP header, HTML `<meta charset>`, XML declaration), then UTF-8 validity, then `chardetng`'s
//! statistical guess. Decoding itself is `encoding_rs` (WHATWG encodings).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the encoding it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// WHATWG name of the encoding ("UTF-8", "windows-1252", "Shift_JIS", "gb18030", "UTF-16LE" ...).
    pub encoding: &'static str,
}

/// The encoding a byte-order mark announces, if any.
pub fn bom_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_bom(bytes).map(|(e, _)| e)
}

/// Decodes `bytes`; `declared` is a charset named outside the bytes (an HTTP header).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    let encoding = detect(bytes, declared);
    let (text, _, _) = encoding.decode(bytes); // strips a BOM of any kind; malformed bytes become U+FFFD
    Decoded { text: text.into_owned(), encoding: encoding.name() }
}

/// Picks the encoding: BOM, declared label, in-document declaration, UTF-8 validity, statistics.
pub fn detect(bytes: &[u8], declared: Option<&str>) -> &'static Encoding {
    if let Some(e) = bom_encoding(bytes) {
        return e;
    }
    let from_label =
        declared.and_then(usable_label).or_else(|| in_document_label(bytes).and_then(usable_label));
    if let Some(e) = from_label {
        // A page that declares Latin-1 but is valid UTF-8 with non-ASCII text was re-saved as UTF-8.
        if e != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
            return UTF_8;
        }
        return e;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The encoding for a label, except UTF-16 without a BOM, which the HTML standard treats as UTF-8.
fn usable_label(label: &str) -> Option<&'static Encoding> {
    let e = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(if e == UTF_16LE || e == UTF_16BE { UTF_8 } else { e })
}

/// A charset declared inside the first 2 KiB: `<meta charset=..>`, `content="..; charset=.."`
/// or `<?xml ... encoding=".."?>`.
fn in_document_label(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    for key in ["charset=", "encoding="] {
        let lower = head.to_ascii_lowercase();
        if let Some(at) = lower.find(key) {
            let rest = &head[at + key.len()..];
            let rest = rest.trim_start_matches(['"', '\'', ' ']);
            let end =
                rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))?;
            let label = &rest[..end];
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let cafe_1252: &[u8] =
            b"Le caf\xE9 est ferm\xE9 depuis l'\xE9t\xE9 dernier, a d\xE9clar\xE9 le ma\xEEtre.";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("東京の政府は新しい制裁について発表した。関係者によると、企業への影響は大きい。");
        let (gb, _, _) = encoding_rs::GB18030
            .encode("中国外交部发言人表示，中方将采取一切必要措施，坚决维护中国企业和个人的正当权益。");
        let rows: Vec<(&str, Vec<u8>, Option<&str>, &str)> = vec![
            ("utf-8", "Plain “quoted” text".as_bytes().to_vec(), None, "UTF-8"),
            ("utf-8 bom", b"\xEF\xBB\xBFHello".to_vec(), None, "UTF-8"),
            ("utf-16le bom", b"\xFF\xFEH\0i\0".to_vec(), None, "UTF-16LE"),
            ("utf-16be bom", b"\xFE\xFF\0H\0i".to_vec(), None, "UTF-16BE"),
            ("meta charset", b"<meta charset=\"iso-8859-2\"><p>\xB1</p>".to_vec(), None, "ISO-8859-2"),
            ("http header", b"caf\xE9".to_vec(), Some("windows-1252"), "windows-1252"),
            ("xml decl", b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>".to_vec(), None, "Shift_JIS"),
            ("statistics 1252", cafe_1252.to_vec(), None, "windows-1252"),
            ("statistics sjis", sjis.to_vec(), None, "Shift_JIS"),
            ("statistics gb", gb.to_vec(), None, "GBK"),
            ("declared utf-16 without bom", b"<meta charset=utf-16><p>x".to_vec(), None, "UTF-8"),
        ];
        for (case, bytes, declared, expected) in rows {
            let got = detect(&bytes, declared).name();
            assert_eq!(got, expected, "case {case}");
        }
    }

    #[test]
    fn decodes_without_bom() {
        let d = decode(b"\xFF\xFEH\0i\0", None);
        assert_eq!((d.text.as_str(), d.encoding), ("Hi", "UTF-16LE"));
        assert_eq!(decode(b"\xEF\xBB\xBFHi", None).text, "Hi");
    }
}
