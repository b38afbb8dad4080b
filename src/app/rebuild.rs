//! Puts back a passage that cleaning removed. The ingest stage will own this (one function to
//! swap): until then the body is rebuilt from `extracted` minus the removals still in force.

use crate::ingest::Article;
use crate::span::Span;

/// The article with removal `index` restored, or None if there is no such removal or it is
/// already restored.
pub fn restore(article: &Article, index: usize) -> Option<Article> {
    let removal = article.removed.get(index)?;
    if removal.restored {
        return None;
    }
    let mut removed = article.removed.clone();
    removed[index].restored = true;
    let mut cut: Vec<Span> = removed.iter().filter(|r| !r.restored).map(|r| r.span).collect();
    cut.sort();
    let mut body = String::with_capacity(article.extracted.len());
    let mut at = 0;
    for span in cut {
        if span.start >= at {
            body.push_str(article.extracted.get(at..span.start).unwrap_or(""));
            at = span.end;
        }
    }
    body.push_str(article.extracted.get(at..).unwrap_or(""));
    let body = body.trim().to_string();
    let headings = relocate_headings(article, &body);
    let mut out = Article::from_body(article.meta.clone(), body, headings);
    out.original.clone_from(&article.original);
    out.extracted.clone_from(&article.extracted);
    out.removed = removed;
    out.warnings.clone_from(&article.warnings);
    Some(out)
}

/// Finds each old heading's text again in the new body, in order.
fn relocate_headings(article: &Article, body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    for h in &article.headings {
        let text = h.of(&article.body);
        if text.is_empty() {
            continue;
        }
        if let Some(pos) = body.get(from..).and_then(|rest| rest.find(text)) {
            let start = from + pos;
            out.push(Span::new(start, start + text.len()));
            from = start + text.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Meta, Removal};

    #[test]
    fn restoring_puts_the_passage_back_and_keeps_the_others_out() {
        let extracted =
            "Title\nPhoto: Agency\nFirst fact here today. Read also: more\nSecond fact.".to_string();
        let photo = extracted.find("Photo: Agency\n").unwrap();
        let read = extracted.find(" Read also: more").unwrap();
        let mut a = Article::from_body(
            Meta::default(),
            "Title\nFirst fact here today.\nSecond fact.".into(),
            vec![Span::new(0, 5)],
        );
        a.extracted = extracted;
        a.removed = vec![
            Removal { span: Span::new(photo, photo + 14), rule: "photo credit".into(), restored: false },
            Removal { span: Span::new(read, read + 16), rule: "read-also link".into(), restored: false },
        ];
        let b = restore(&a, 0).unwrap();
        assert!(b.body.contains("Photo: Agency"), "{}", b.body);
        assert!(!b.body.contains("Read also"), "{}", b.body);
        assert!(b.removed[0].restored && !b.removed[1].restored);
        assert_eq!(b.headings[0].of(&b.body), "Title");
        assert!(restore(&b, 0).is_none(), "restoring twice does nothing");
        assert!(restore(&b, 9).is_none(), "no such removal");
    }
}
