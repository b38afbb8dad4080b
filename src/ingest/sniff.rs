//! Recognises input that is not text (by magic numbers and NUL bytes) and text that is HTML.

use super::IngestError;

/// Magic numbers of common non-article files: (prefix, what it is). Checked in order.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xFF\xD8\xFF", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"BM", "an image (BMP)"),
    (b"II*\0", "an image (TIFF)"),
    (b"MM\0*", "an image (TIFF)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7FELF", "a program (ELF executable)"),
    (b"MZ", "a program (Windows executable)"),
    (b"\xCA\xFE\xBA\xBE", "a program (Mach-O or Java class)"),
    (b"ID3", "an audio file (MP3)"),
    (b"OggS", "an audio or video file (Ogg)"),
    (b"fLaC", "an audio file (FLAC)"),
    (b"\x1A\x45\xDF\xA3", "a video file (Matroska/WebM)"),
    (b"SQLite format 3\0", "a database (SQLite)"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Office document (.doc/.xls)"),
];

/// Refuses bytes that are clearly not text, naming what they look like.
pub fn refuse_binary(bytes: &[u8], name: &str) -> Result<(), IngestError> {
    if bytes.starts_with(b"%PDF-") {
        return Err(IngestError::Unsupported { path: name.to_string(), what: "PDF".into() });
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        let what = match &bytes[8..12] {
            b"WEBP" => "an image (WebP)",
            b"WAVE" => "an audio file (WAV)",
            _ => "a media file (RIFF)",
        };
        return Err(IngestError::Binary { path: name.to_string(), what: what.into() });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let what = if matches!(&bytes[8..12], b"heic" | b"heix" | b"avif" | b"mif1") {
            "an image (HEIC/AVIF)"
        } else {
            "a video file (MP4)"
        };
        return Err(IngestError::Binary { path: name.to_string(), what: what.into() });
    }
    // Text that happens to start with "BM" or "MZ" is possible, so those two also need a NUL byte.
    for (magic, what) in MAGIC {
        let weak = magic.len() == 2 && !magic.starts_with(b"\x1F");
        if bytes.starts_with(magic) && (!weak || has_nul(bytes)) {
            return Err(IngestError::Binary { path: name.to_string(), what: (*what).into() });
        }
    }
    if has_nul(bytes) && super::encoding::bom_encoding(bytes).is_none() {
        return Err(IngestError::Binary { path: name.to_string(), what: "binary data".into() });
    }
    Ok(())
}

/// True if the first 8 KiB hold a NUL byte (text never does, UTF-16 aside).
fn has_nul(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// True when text looks like an HTML document or fragment, whatever its file name says.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{FEFF}').trim_start().chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.contains("<html") {
        return true;
    }
    const TAGS: &[&str] = &["<body", "<head", "<p>", "<p ", "<div", "<article", "<h1", "<h2", "<br", "<span"];
    let tags = TAGS.iter().filter(|t| lower.contains(**t)).count();
    let closes = lower.matches("</").count();
    (lower.starts_with('<') && tags >= 1 && closes >= 1) || (tags >= 2 && closes >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_binary_inputs() {
        let rows: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "an image (PNG)"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "an image (JPEG)"),
            (b"GIF89a\x01\0", "an image (GIF)"),
            (b"PK\x03\x04\x14\0", "a ZIP archive"),
            (b"\x7FELF\x02\x01\x01\0", "a program (ELF executable)"),
            (b"plain words\0then a NUL", "binary data"),
            (b"%PDF-1.7\n%", "PDF files are not supported yet"),
        ];
        for (bytes, expected) in rows {
            let err = refuse_binary(bytes, "x.bin").expect_err("binary must be refused");
            let msg = err.to_string();
            assert!(msg.contains(expected) && msg.ends_with("x.bin"), "{bytes:?}: {msg}");
        }
    }

    #[test]
    fn lets_text_through() {
        for text in ["BMW reported profits.", "MZ is a label", "Plain text\nwith lines", "\u{FEFF}bom"] {
            assert!(refuse_binary(text.as_bytes(), "t.txt").is_ok(), "{text}");
        }
    }

    #[test]
    fn sniffs_html() {
        let rows = [
            ("<!DOCTYPE html><html><body><p>x</p></body></html>", true),
            ("  <html lang=en>", true),
            ("<p>Pasted paragraph.</p><p>Another.</p>", true),
            ("Text mentioning <b> tags once.", false),
            ("Plain article.\nSecond line < 3 and > 2.", false),
        ];
        for (text, expected) in rows {
            assert_eq!(looks_like_html(text), expected, "{text}");
        }
    }
}
