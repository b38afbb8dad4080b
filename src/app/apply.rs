//! [`App::apply`]: the only place the app's state changes.

use std::path::PathBuf;

use super::action::{Action, FontChange, Loaded};
use super::state::{DEFAULT_FONT_SIZE, FONT_SIZE_RANGE, Level, UrlDraft};
use super::{App, palette, rebuild};
use crate::analysis::{Claim, ClaimKind, SentenceRef};
use crate::ingest::Article;

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
                    self.touch();
                    self.reanalyse();
                }
            }
            Action::OpenDialog => self.open_dialog(),
            Action::OpenFiles(paths) => self.open_files(paths),
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
            Action::RemoveArticle(i) => self.remove_article(i),
            Action::MoveArticle { from, to } => self.move_article(from, to),
            Action::RenameOutlet(i, name) => self.edit_meta(i, |a| a.meta.outlet.clone_from(&name)),
            Action::SetDate(i, date) => {
                let date = date.trim().to_string();
                self.edit_meta(i, |a| a.meta.published = (!date.is_empty()).then(|| date.clone()));
            }
            Action::SetColour(i, rgb) => {
                if let Some(c) = self.view.colours.get_mut(i) {
                    *c = rgb;
                    self.touch();
                }
            }
            Action::RestoreRemoval { article, removal } => self.restore_removal(article, removal),
            Action::ShowArticles(open) => self.view.manage_open = open,
            Action::ToggleBlind => {
                self.view.prefs.blind = !self.view.prefs.blind;
                self.refresh_versions();
                self.touch();
            }
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
            Action::Export(format) => self.export_dialog(format),
            Action::ExportTo(format, path) => self.export_to(format, &path),
            Action::ShowExport(open) => self.view.export_open = open,
            Action::DismissNotification(id) => self.view.notifications.retain(|n| n.id != id),
            Action::BringBack => self.bring_back(),
            Action::NewSession => self.new_session(),
            Action::OpenSessionDialog => self.open_session_dialog(),
            Action::OpenSession(path) => self.open_session(&path),
            Action::Save => match self.view.session_path.clone() {
                Some(path) => self.save_session(path),
                None => self.save_as_dialog(),
            },
            Action::SaveAsDialog => self.save_as_dialog(),
            Action::SaveSession(path) => self.save_session(path),
            Action::RestoreRecovery => self.answer_recovery(true),
            Action::DiscardRecovery => self.answer_recovery(false),
            Action::EditNoteDraft(text) => self.view.note_draft = text,
            Action::AddClaimNote { claim, text } => self.add_claim_note(claim, &text),
            Action::ShowSentenceNote(at) => self.view.sentence_note = at.map(|r| (r, String::new())),
            Action::EditSentenceNote(text) => {
                if let Some((_, t)) = &mut self.view.sentence_note {
                    *t = text;
                }
            }
            Action::AddSentenceNote { at, text } => self.add_sentence_note(at, &text),
            Action::DeleteNote(i) => self.delete_note(i),
            Action::Quit => self.quit = true,
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
        if self.view.selected != claim.map(|c| c.id) {
            self.view.note_draft.clear();
        }
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
        self.refresh_versions();
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
        // Where each old position went: the moved article to `to`, the ones between shift by one.
        self.remap_notes(|i| {
            Some(if i == from {
                to
            } else if from < to && (from + 1..=to).contains(&i) {
                i - 1
            } else if to < from && (to..from).contains(&i) {
                i + 1
            } else {
                i
            })
        });
        self.clear_selection();
        self.touch();
        self.reanalyse();
    }

    fn remove_article(&mut self, i: usize) {
        if i >= self.articles.len() {
            return;
        }
        self.articles.remove(i);
        remove_at(&mut self.view.colours, i);
        self.remap_notes(|k| match k.cmp(&i) {
            std::cmp::Ordering::Less => Some(k),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(k - 1),
        });
        self.clear_selection();
        self.view.set_name = None;
        self.touch();
        self.reanalyse();
    }

    fn restore_removal(&mut self, article: usize, removal: usize) {
        let Some(old) = self.articles.get(article) else { return };
        let Some(restored) = rebuild::restore(old, removal) else { return };
        // The body was re-split: notes follow their sentences' text to the new sentence numbers.
        crate::app::notes::follow_rebuild(&mut self.view.notes, article, old, &restored);
        self.articles[article] = restored;
        self.touch();
        self.reanalyse();
    }

    /// Changes metadata that does not affect the analysis, in the articles and in the shown result.
    fn edit_meta(&mut self, i: usize, edit: impl Fn(&mut Article)) {
        if let Some(a) = self.articles.get_mut(i) {
            edit(a);
            if self.shown == self.generation
                && let Some(shown) = self.comparison.articles.get_mut(i)
            {
                edit(shown);
                // A new outlet name must be hidden in blind mode too.
                self.view.index.redactor =
                    crate::report::Redactor::new(&self.comparison).map(std::sync::Arc::new);
            }
            self.touch();
        }
    }

    /// Loads dropped or picked files: `.parallax` files open as a session, the rest as articles.
    fn open_files(&mut self, paths: Vec<PathBuf>) {
        let (sessions, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| super::start::is_session_file(p));
        if let Some(first) = sessions.first() {
            if sessions.len() > 1 || !articles.is_empty() {
                self.notify(
                    Level::Error,
                    format!(
                        "Only one session opens at a time; opened “{}”. Drop the others one by one.",
                        super::work::file_name(first)
                    ),
                );
            }
            self.open_session(first);
            return;
        }
        if !articles.is_empty() {
            let ticket = self.ticket();
            self.file_tickets.push(ticket);
            self.view.loading = true;
            self.worker.load_files(ticket, articles, self.ctx.clone());
        }
    }

    fn paste_article(&mut self, text: &str) {
        let n = self.articles.len() + 1;
        match crate::ingest::from_paste(text, &format!("Pasted article {n}")) {
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
        self.touch();
        self.reanalyse();
    }
}

/// Removes item `i` if it exists.
fn remove_at<T>(v: &mut Vec<T>, i: usize) {
    if i < v.len() {
        v.remove(i);
    }
}
