//! Notes in the window: typed in the detail pane, added from a sentence's context menu, marked
//! ✏ in the columns, surviving re-analysis, reorder, restored removals and removal, carried by
//! exports; and pasting links and text outside a text field.
#![cfg(feature = "gui")]

mod window;

use egui_kittest::kittest::Queryable;
use parallax::analysis::SentenceRef;
use parallax::app::action::Action;
use parallax::app::{App, Prefs};
use parallax::report::Format;
use parallax::session::NoteTarget;
use window::{Fixture, WAIT, harness, texts_of, widest_shared};

#[test]
fn note_typed_in_the_detail_pane_is_added_and_marked_in_the_columns() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let claim = widest_shared(app.comparison());
    let members = app.comparison().claims[claim].members.len();
    app.apply(Action::SelectClaim(Some(claim)));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.query_all_by_label_contains("Note:").count(), 0, "no marks yet");
    let field = h.get_by_label("Notes (0)");
    field.focus();
    h.run();
    h.get_by_label("Notes (0)").type_text("Why does one outlet say 45 million?");
    h.run();
    h.get_by_label("Add note to this claim").click();
    h.run();
    let notes = &h.state().view().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].text, "Why does one outlet say 45 million?");
    assert_eq!(notes[0].claim_in(h.state().comparison()), Some(claim));
    assert!(h.state().view().note_draft.is_empty(), "the field is cleared");
    assert!(h.query_by_label("Why does one outlet say 45 million?").is_some(), "listed in the pane");
    let marks = h.query_all_by_label("Note: Why does one outlet say 45 million?").count();
    assert_eq!(marks, members, "every sentence of the claim carries the ✏ mark");
    // And deleted again.
    h.get_by_label("Delete note").click();
    h.run();
    assert!(h.state().view().notes.is_empty());
    assert_eq!(h.query_all_by_label_contains("Note:").count(), 0);
    // A click in the same frame as the last keys keeps them.
    h.get_by_label("Notes (0)").focus();
    h.run();
    h.get_by_label("Notes (0)").type_text("Typed fast");
    h.get_by_label("Add note to this claim").click();
    h.run();
    let texts: Vec<&str> = h.state().view().notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Typed fast"]);
}

#[test]
fn sentence_note_from_the_context_menu() {
    let fx = Fixture::new();
    let app = fx.app();
    let r = SentenceRef { article: 1, sentence: 3 };
    let text = app.comparison().sentence_text(r).to_string();
    let mut h = harness(app);
    h.run();
    h.get_by_label(&text).click_secondary();
    h.run();
    h.get_by_label("Add note to this sentence…").click();
    h.run();
    assert_eq!(h.state().view().sentence_note.as_ref().map(|(at, _)| *at), Some(r));
    h.run();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Which shops?");
    h.run();
    h.get_by_label("Add note").click();
    h.run();
    let notes = &h.state().view().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].target, NoteTarget::Sentence { article: 1, sentence: 3 });
    assert!(h.state().view().sentence_note.is_none(), "dialog closed");
    assert_eq!(h.query_all_by_label("Note: Which shops?").count(), 1, "only that sentence is marked");
}

#[test]
fn notes_survive_threshold_change_reorder_restore_and_removal() {
    let mut app = App::demo(Prefs::default());
    let claim = widest_shared(app.comparison());
    let anchor: Vec<SentenceRef> =
        app.comparison().claims[claim].members.iter().map(|m| m.sentence_ref()).collect();
    let anchor_texts = texts_of(&app, &anchor);
    app.apply(Action::AddClaimNote { claim, text: "Shared by all?".into() });
    // The article with something cleaning removed, and a note on its last sentence.
    let k = app
        .articles()
        .iter()
        .position(|a| a.removed.iter().any(|r| !r.restored))
        .expect("a removal in the demo set");
    let last = app.articles()[k].sentences.len() - 1;
    let last_text = texts_of(&app, &[SentenceRef { article: k, sentence: last }]);
    app.apply(Action::AddSentenceNote {
        at: SentenceRef { article: k, sentence: last },
        text: "Last line".into(),
    });

    app.apply(Action::SetThreshold(0.6));
    assert!(app.wait_idle(WAIT));
    let now = app.view().notes[0].claim_in(app.comparison()).expect("still found after re-analysis");
    let refs: Vec<SentenceRef> =
        app.comparison().claims[now].members.iter().map(|m| m.sentence_ref()).collect();
    assert!(refs.iter().any(|r| anchor.contains(r)), "the same sentences");
    assert!(refs.iter().all(|r| !app.view().index.notes(*r).is_empty()), "and marked");

    let n = app.articles().len();
    app.apply(Action::MoveArticle { from: 0, to: n - 1 });
    assert!(app.wait_idle(WAIT));
    assert_eq!(texts_of(&app, &app.view().notes[0].sentences()), anchor_texts, "reorder: same sentences");
    let k = if k == 0 { n - 1 } else { k - 1 };
    let at = app.view().notes[1].sentences()[0];
    assert_eq!(at.article, k);
    assert_eq!(texts_of(&app, &[at]), last_text);

    let removal = app.articles()[k].removed.iter().position(|r| !r.restored).expect("removal");
    app.apply(Action::RestoreRemoval { article: k, removal });
    assert!(app.wait_idle(WAIT));
    assert_eq!(
        texts_of(&app, &app.view().notes[1].sentences()),
        last_text,
        "restore: the note follows its sentence"
    );

    app.apply(Action::RemoveArticle(k));
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.view().notes.len(), 1, "the note on the removed article goes");
    assert!(
        app.view().notifications.iter().any(|x| x.text.contains("“Last line”")),
        "and is quoted, not lost unseen"
    );
    let left = app.view().notes[0].sentences();
    assert!(
        !left.is_empty() && left.iter().all(|r| r.article < n - 1),
        "the claim note keeps its other sentences: {left:?}"
    );
    assert!(app.view().notes[0].claim_in(app.comparison()).is_some());
}

#[test]
fn exports_from_the_window_carry_the_notes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let claim = widest_shared(app.comparison());
    app.apply(Action::AddClaimNote { claim, text: "Ask the class about Harbour Post".into() });
    let md = fx.path("report.md");
    app.apply(Action::ExportTo(Format::Markdown, md.clone()));
    let text = std::fs::read_to_string(&md).expect("report written");
    assert!(text.contains("Ask the class about Harbour Post"), "note in the report");
    app.apply(Action::ToggleBlind);
    let html = fx.path("report.html");
    app.apply(Action::ExportTo(Format::Html, html.clone()));
    let text = std::fs::read_to_string(&html).expect("report written");
    assert!(text.contains("Ask the class about Source A"), "the note, blind");
    assert!(!text.contains("Harbour Post"), "no outlet in a blind export");
    // Ctrl+E opens the choice of formats.
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.state().view().export_open);
    for f in Format::ALL {
        assert!(h.query_by_label(f.label()).is_some(), "{} offered", f.label());
    }
}

#[test]
fn pasting_a_link_starts_add_from_url_and_pasting_text_opens_the_paste_dialog() {
    let mut h = harness(App::demo(Prefs::default()));
    h.run();
    h.event(egui::Event::Paste("  http://127.0.0.1:9/story  ".into()));
    // The fetch's spinner repaints by itself: step rather than wait for the window to settle.
    h.run_steps(2);
    let url = h.state().view().url.clone().expect("Add from URL started");
    assert_eq!(url.text, "http://127.0.0.1:9/story");
    // Nothing listens on port 9: the fetch is either still running or already reported.
    let reported = h.state().view().notifications.iter().any(|n| n.text.contains("127.0.0.1:9"));
    assert!(url.pending.is_some() || reported, "fetching, or failed with a message");
    h.state_mut().apply(Action::CancelUrl);
    h.state_mut().apply(Action::ShowUrl(false));
    let text = "Headline\n\nA long article pasted from a browser. It has two sentences.";
    h.event(egui::Event::Paste(text.into()));
    h.run();
    assert_eq!(h.state().view().paste.as_deref(), Some(text), "the paste dialog, prefilled");
    assert!(h.query_by_label("Add article").is_some());
}

#[test]
fn the_note_glyph_exists_in_the_default_fonts() {
    let h = harness(App::demo(Prefs::default()));
    let font = egui::FontId::proportional(18.0);
    let glyph = parallax::app::ui::notes::NOTE_GLYPH;
    assert!(h.ctx.fonts_mut(|f| f.has_glyphs(&font, glyph)), "{glyph} would draw as an empty box");
}
