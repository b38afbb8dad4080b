//! `.parallax` session files: versioned JSON with the articles' original text, metadata,
//! cleaning choices, settings and notes.
