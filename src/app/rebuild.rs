//! Puts back a passage that cleaning removed, through the ingest stage's own rebuild
//! ([`Article::restore`]), on a copy so the loaded article is replaced only on success.

use crate::ingest::Article;

/// The article with removal `index` restored, or None if there is no such removal or it is
/// already restored.
pub fn restore(article: &Article, index: usize) -> Option<Article> {
    if article.removed.get(index)?.restored {
        return None;
    }
    let mut out = article.clone();
    out.restore(index).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Meta, Removal};
    use crate::span::Span;

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
        assert!(restore(&b, 0).is_none(), "restoring twice does nothing");
        assert!(restore(&b, 9).is_none(), "no such removal");
    }
}
