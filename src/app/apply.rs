//! [`App::apply`]: the only place the app's state changes.

use super::action::{Action, FontChange, Loaded};
use super::state::{DEFAULT_FONT_SIZE, FONT_SIZE_RANGE, Level, UrlDraft};
use super::{App, palette, rebuild};
use crate::analysis::{Claim, ClaimKind, SentenceRef};
use crate::ingest::Article;
use crate::report::{self, Format};

impl App {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SelectClaim(id) => self.select_claim(id, None),
            Action::SelectSentence(r) => {
                let claim = self.view.claim_of(r);
                self.select_claim(claim, Some(r));
            }
            Action::HoverSentence(r) => self.view.hovered = r,
            Action::ScrollDone => self.view.scroll_to.clear(),
            Action::SetThreshold(t) => {
                let t = t.clamp(0.05, 0.95);
                if (t - self.view.prefs.threshold).abs() > f32::EPSILON {
                    self.view.prefs.threshold = t;
                    self.reanalyse();
                }
            }
            Action::OpenDialog => self.open_dialog(),
            Action::OpenFiles(paths) => {
                if !paths.is_empty() {
                    let ticket = self.ticket();
                    self.file_tickets.push(ticket);
                    self.view.loading = true;
                    self.worker.load_files(ticket, paths, self.ctx.clone());
                }
            }
            Action::ShowPaste(open) => self.view.paste = open.then(String::new),
            Action::EditPaste(text) => self.view.paste = Some(text),
            Action::PasteArticle(text) => self.paste_article(&text),
            Action::ShowUrl(open) => self.view.url = open.then(UrlDraft::default),
            Action::EditUrl(text) => {
                if let Some(u) = &mut self.view.url {
                    u.text = text;
                }
            }
            Action::AddUrl(url) => self.add_url(url),
            Action::CancelUrl => {
                if let Some(u) = &mut self.view.url {
                    u.pending = None;
                }
            }
            Action::Loaded(loaded) => self.loaded(loaded),
            Action::LoadSampleSet(name) => self.load_sample_set(&name),
            Action::RemoveArticle(i) => {
                if i < self.articles.len() {
                    self.articles.remove(i);
                    remove_at(&mut self.view.colours, i);
                    self.view.selected = None;
                    self.view.set_name = None;
                    self.reanalyse();
                }
            }
            Action::MoveArticle { from, to } => self.move_article(from, to),
            Action::RenameOutlet(i, name) => self.edit_meta(i, |a| a.meta.outlet.clone_from(&name)),
            Action::SetDate(i, date) => {
                let date = date.trim().to_string();
                self.edit_meta(i, |a| a.meta.published = (!date.is_empty()).then(|| date.clone()));
            }
            Action::SetColour(i, rgb) => {
                if let Some(c) = self.view.colours.get_mut(i) {
                    *c = rgb;
                }
            }
            Action::RestoreRemoval { article, removal } => {
                if let Some(a) = self.articles.get(article) {
                    if let Some(restored) = rebuild::restore(a, removal) {
                        self.articles[article] = restored;
                        self.reanalyse();
                    }
                }
            }
            Action::ShowArticles(open) => self.view.manage_open = open,
            Action::ToggleBlind => self.view.prefs.blind = !self.view.prefs.blind,
            Action::TogglePresenter => {
                self.view.presenter = !self.view.presenter;
                if self.view.presenter && !self.selected_is_shared() {
                    self.step_claim(true, true);
                }
            }
            Action::ToggleTheme => self.view.prefs.dark = !self.view.prefs.dark,
            Action::NextClaim => self.step_claim(true, self.view.presenter),
            Action::PrevClaim => self.step_claim(false, self.view.presenter),
            Action::SetFilter(f) => self.view.filter = f,
            Action::Find(q) => {
                self.view.find = q;
                self.view.find_cursor = 0;
            }
            Action::FindNext => self.find_next(),
            Action::FontSize(change) => {
                let size = match change {
                    FontChange::Bigger => self.view.prefs.font_size + 2.0,
                    FontChange::Smaller => self.view.prefs.font_size - 2.0,
                    FontChange::Reset => DEFAULT_FONT_SIZE,
                };
                self.view.prefs.font_size = size.clamp(*FONT_SIZE_RANGE.start(), *FONT_SIZE_RANGE.end());
            }
            Action::ShowView(v) => self.view.view = v,
            Action::SortMatrix(key) => {
                self.view.sort = if self.view.sort.0 == key { (key, !self.view.sort.1) } else { (key, true) };
            }
            Action::Export(format) => self.export(format),
            Action::DismissNotification(id) => self.view.notifications.retain(|n| n.id != id),
        }
    }

    fn ticket(&mut self) -> u64 {
        self.next_ticket += 1;
        self.next_ticket
    }

    fn selected_is_shared(&self) -> bool {
        self.view
            .selected
            .and_then(|id| self.comparison.claims.get(id))
            .is_some_and(|c| c.kind == ClaimKind::Shared)
    }

    fn select_claim(&mut self, id: Option<usize>, from: Option<SentenceRef>) {
        let claim = id.and_then(|id| self.comparison.claims.get(id));
        self.view.selected = claim.map(|c| c.id);
        self.view.selected_sentence = from;
        // Scroll the columns to the claim's sentences, but not the one just clicked.
        self.view.scroll_to = claim
            .map(|c| {
                c.members
                    .iter()
                    .map(|m| m.sentence_ref())
                    .filter(|r| from.is_none_or(|f| f.article != r.article))
                    .collect()
            })
            .unwrap_or_default();
    }

    /// Steps to the next or previous claim passing the filter (shared ones only in presenter mode).
    fn step_claim(&mut self, forward: bool, shared_only: bool) {
        let view = &self.view;
        let c = &self.comparison;
        let eligible =
            |claim: &&Claim| view.passes(c, claim) && (!shared_only || claim.kind == ClaimKind::Shared);
        let ids: Vec<usize> = c.claims.iter().filter(eligible).map(|cl| cl.id).collect();
        if ids.is_empty() {
            return;
        }
        let pos = self.view.selected.and_then(|s| ids.iter().position(|&id| id == s));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => ids.len() - 1,
            (Some(p), true) => (p + 1) % ids.len(),
            (Some(p), false) => (p + ids.len() - 1) % ids.len(),
        };
        self.select_claim(Some(ids[next]), None);
    }

    fn find_next(&mut self) {
        let matches = self.view.find_matches(&self.comparison);
        if matches.is_empty() {
            return;
        }
        let i = self.view.find_cursor % matches.len();
        self.view.scroll_to = vec![matches[i]];
        self.view.find_cursor = i + 1;
    }

    fn move_article(&mut self, from: usize, to: usize) {
        let n = self.articles.len();
        if from >= n || to >= n || from == to {
            return;
        }
        let a = self.articles.remove(from);
        self.articles.insert(to, a);
        if from < self.view.colours.len() && to < self.view.colours.len() {
            let c = self.view.colours.remove(from);
            self.view.colours.insert(to, c);
        }
        self.view.selected = None;
        self.reanalyse();
    }

    /// Changes metadata that does not affect the analysis, in the articles and in the shown result.
    fn edit_meta(&mut self, i: usize, edit: impl Fn(&mut Article)) {
        if let Some(a) = self.articles.get_mut(i) {
            edit(a);
            if self.shown == self.generation {
                if let Some(shown) = self.comparison.articles.get_mut(i) {
                    edit(shown);
                }
            }
        }
    }

    fn open_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .set_title("Open articles")
            .add_filter("Articles (text, Markdown, web pages)", &["txt", "md", "html", "htm"])
            .add_filter("All files", &["*"])
            .pick_files();
        // A cancelled dialog is not an error: nothing changes.
        if let Some(paths) = picked {
            self.apply(Action::OpenFiles(paths));
        }
    }

    fn paste_article(&mut self, text: &str) {
        let n = self.articles.len() + 1;
        match crate::ingest::from_text(text, &format!("Pasted article {n}")) {
            Ok(a) => {
                self.view.paste = None;
                self.add_articles(vec![a]);
            }
            // Keep the dialog and its text so nothing typed is lost.
            Err(e) => self.notify(Level::Error, format!("The pasted text could not be used: {e}")),
        }
    }

    fn add_url(&mut self, url: String) {
        let url = url.trim().to_string();
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            self.notify(
                Level::Error,
                format!("“{url}” is not a web address; give one starting with http:// or https://."),
            );
            return;
        }
        let ticket = self.ticket();
        self.view.url = Some(UrlDraft { text: url.clone(), pending: Some(ticket) });
        self.worker.load_url(ticket, url, self.ctx.clone());
    }

    fn loaded(&mut self, loaded: Loaded) {
        let is_file = self.file_tickets.contains(&loaded.ticket);
        let is_url = self.view.url.as_ref().is_some_and(|u| u.pending == Some(loaded.ticket));
        if !is_file && !is_url {
            return; // Cancelled: drop it.
        }
        self.file_tickets.retain(|t| *t != loaded.ticket);
        self.view.loading = !self.file_tickets.is_empty();
        let mut added = Vec::new();
        let mut url_failed = false;
        for r in loaded.results {
            match r {
                Ok(a) => added.push(a),
                Err(e) => {
                    url_failed |= is_url;
                    self.notify(Level::Error, e);
                }
            }
        }
        if is_url {
            // Keep the dialog open with the address on failure so the user can fix it.
            self.view.url =
                if url_failed { self.view.url.take().map(|u| UrlDraft { pending: None, ..u }) } else { None };
        }
        self.add_articles(added);
    }

    fn add_articles(&mut self, added: Vec<Article>) {
        if added.is_empty() {
            return;
        }
        for a in &added {
            if let Some(dup) = self.articles.iter().find(|b| b.body == a.body) {
                self.notify(
                    Level::Error,
                    format!(
                        "“{}” is already loaded as “{}”; it is never counted as agreeing with itself. Remove one of them.",
                        a.meta.title, dup.meta.title
                    ),
                );
            }
        }
        for a in added {
            self.view.colours.push(palette::article_colour(self.articles.len()));
            self.articles.push(a);
        }
        self.view.set_name = None;
        self.reanalyse();
    }

    fn load_sample_set(&mut self, name: &str) {
        let (articles, errors) = crate::samples::load(name);
        for e in errors {
            self.notify(Level::Error, e.to_string());
        }
        if articles.is_empty() {
            self.notify(Level::Error, format!("The sample set “{name}” has no articles; pick another set."));
            return;
        }
        self.view.colours = (0..articles.len()).map(palette::article_colour).collect();
        self.articles = articles;
        self.view.selected = None;
        self.view.set_name = Some(name.to_string());
        self.reanalyse();
    }

    fn export(&mut self, format: Format) {
        let options = report::Options { blind: self.view.prefs.blind, ..Default::default() };
        let text = report::render(&self.comparison, format, &options);
        let name = format!("parallax-report.{}", format.extension());
        let Some(path) = rfd::FileDialog::new().set_title("Export report").set_file_name(&name).save_file()
        else {
            return; // Cancelled.
        };
        match write_atomic(&path, &text) {
            Ok(()) => self.notify(Level::Info, format!("Report saved: {}", path.display())),
            Err(e) => self.notify(
                Level::Error,
                format!(
                    "Could not save the report ({e}); pick a folder you can write to: {}",
                    path.display()
                ),
            ),
        }
    }
}

/// Removes item `i` if it exists.
fn remove_at<T>(v: &mut Vec<T>, i: usize) {
    if i < v.len() {
        v.remove(i);
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`: a crash mid-write
/// leaves any previous file whole.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
