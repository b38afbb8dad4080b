//! Window tests with egui_kittest: each panel emits the expected action when clicked, the whole
//! app links a clicked sentence to its counterparts and shows the diff, background work
//! (analysis, loading) never loses articles, and snapshot images of the main views.
#![cfg(feature = "gui")]

use std::time::Duration;

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotError};
use parallax::analysis::{ClaimKind, Comparison, SentenceRef};
use parallax::app::action::{Action, View};
use parallax::app::state::{Level, Notification, ViewState};
use parallax::app::ui;
use parallax::app::{App, Prefs};
use parallax::session::Note;

mod window;

type PanelFn = fn(&mut egui::Ui, &Comparison, &ViewState, &mut Vec<Action>);

/// What a panel test holds: the data the panel reads and the actions it pushed.
struct Panel {
    c: Comparison,
    view: ViewState,
    actions: Vec<Action>,
    draw: PanelFn,
}

fn demo() -> App {
    App::demo(Prefs::default())
}

fn panel(app: &App, view: ViewState, draw: PanelFn) -> Harness<'static, Panel> {
    let state = Panel { c: app.comparison().clone(), view, actions: Vec::new(), draw };
    Harness::builder().with_size(egui::vec2(1600.0, 1400.0)).build_ui_state(
        |ui, s: &mut Panel| {
            let mut actions = Vec::new();
            (s.draw)(ui, &s.c, &s.view, &mut actions);
            s.actions.extend(actions);
        },
        state,
    )
}

/// A shared claim and its member sentence nearest the top of its column (so it is on screen).
fn shared_lede_claim(c: &Comparison) -> (usize, SentenceRef) {
    c.claims
        .iter()
        .filter(|cl| cl.kind == ClaimKind::Shared)
        .flat_map(|cl| cl.members.iter().map(move |m| (cl.id, m.sentence_ref())))
        .min_by_key(|(_, r)| (r.sentence, r.article))
        .expect("the demo set has a shared claim")
}

#[test]
fn columns_click_selects_the_sentence_and_hover_reports_it() {
    let app = demo();
    let (_, r) = shared_lede_claim(app.comparison());
    let text = app.comparison().sentence_text(r).to_string();
    let mut h = panel(&app, app.view().clone(), ui::columns::columns_ui);
    h.get_by_label(&text).click();
    h.run();
    assert!(
        h.state().actions.iter().any(|a| matches!(a, Action::SelectSentence(x) if *x == r)),
        "clicking “{text}” gave {:?}",
        h.state().actions
    );
    h.get_by_label(&text).hover();
    h.run();
    assert!(h.state().actions.iter().any(|a| matches!(a, Action::HoverSentence(Some(x)) if *x == r)));
}

/// A check that an action is the one expected.
type Expect = fn(&Action) -> bool;

#[test]
fn toolbar_buttons_emit_their_actions() {
    let app = demo();
    let cases: &[(&str, Expect)] = &[
        ("Blind mode", |a| matches!(a, Action::ToggleBlind)),
        ("Present", |a| matches!(a, Action::TogglePresenter)),
        ("Dark theme", |a| matches!(a, Action::ToggleTheme)),
        ("A+", |a| matches!(a, Action::FontSize(parallax::app::FontChange::Bigger))),
        ("Paste…", |a| matches!(a, Action::ShowPaste(true))),
        ("Find", |a| matches!(a, Action::Find(Some(_)))),
    ];
    for (label, want) in cases {
        let mut h = panel(&app, app.view().clone(), ui::toolbar::toolbar_ui);
        h.get_by_label(label).click();
        h.run();
        assert!(h.state().actions.iter().any(want), "{label}: got {:?}", h.state().actions);
    }
}

#[test]
fn matrix_click_jumps_to_the_claim() {
    let app = demo();
    let c = app.comparison();
    let claim = c
        .claims
        .iter()
        .find(|cl| {
            cl.kind == ClaimKind::Shared && c.claims.iter().filter(|o| o.label == cl.label).count() == 1
        })
        .expect("a shared claim with a unique label");
    let mut h = panel(&app, app.view().clone(), ui::matrix::matrix_ui);
    h.get_by_label(&claim.label).click();
    h.run();
    let actions = &h.state().actions;
    assert!(
        actions.iter().any(|a| matches!(a, Action::SelectClaim(Some(id)) if *id == claim.id)),
        "{actions:?}"
    );
    assert!(actions.iter().any(|a| matches!(a, Action::ShowView(View::Columns))));
    h.get_by_label("Unique").click();
    h.run();
    assert!(
        h.state()
            .actions
            .iter()
            .any(|a| matches!(a, Action::SetFilter(parallax::app::action::Filter::Unique)))
    );
}

#[test]
fn detail_pane_steps_and_closes() {
    let app = demo();
    let (id, _) = shared_lede_claim(app.comparison());
    let view = ViewState { selected: Some(id), ..app.view().clone() };
    let mut h = panel(&app, view, ui::detail::detail_ui);
    assert!(h.query_by_label("Versions").is_some(), "the detail pane lists the versions");
    h.get_by_label("Next").click();
    h.get_by_label("Close").click();
    h.run();
    let actions = &h.state().actions;
    assert!(actions.iter().any(|a| matches!(a, Action::NextClaim)), "{actions:?}");
    assert!(actions.iter().any(|a| matches!(a, Action::SelectClaim(None))), "{actions:?}");
}

#[test]
fn notification_dismiss_button() {
    let app = demo();
    let note = Notification {
        id: 7,
        level: Level::Error,
        text: "could not read x.txt; check it".into(),
        button: None,
    };
    let view = ViewState { notifications: vec![note], ..app.view().clone() };
    let mut h = panel(&app, view, |ui, _c, v, a| ui::notifications::notifications_ui(ui.ctx(), v, a));
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().actions.iter().any(|a| matches!(a, Action::DismissNotification(7))));
}

#[test]
fn paste_dialog_adds_the_text() {
    let app = demo();
    let text = "Headline\nOfficials said the rules apply from Monday.";
    let view = ViewState { paste: Some(text.into()), ..app.view().clone() };
    let mut h = panel(&app, view, ui::dialogs::dialogs_ui_in);
    h.get_by_label("Add article").click();
    h.run();
    assert!(h.state().actions.iter().any(|a| matches!(a, Action::PasteArticle(t) if t == text)));
}

#[test]
fn article_manager_moves_and_removes() {
    let app = demo();
    let view = ViewState { manage_open: true, ..app.view().clone() };
    let mut h = panel(&app, view, ui::dialogs::dialogs_ui_in);
    h.get_all_by_label("Remove").next().expect("a remove button").click();
    h.get_all_by_label("Move down").next().expect("a move button").click();
    h.run();
    let actions = &h.state().actions;
    assert!(actions.iter().any(|a| matches!(a, Action::RemoveArticle(0))), "{actions:?}");
    assert!(actions.iter().any(|a| matches!(a, Action::MoveArticle { from: 0, to: 1 })), "{actions:?}");
}

#[test]
fn framing_quotes_copying_and_legend_render_and_link_back() {
    let app = demo();
    let c = app.comparison();
    let mut h = panel(&app, app.view().clone(), ui::framing::framing_ui);
    h.run();
    if let Some(m) = c.framing.markers.first() {
        // Expand the list of every flagged word, then click one.
        h.get_by_label_contains("Every flagged word").click();
        h.run();
        h.get_all_by_label(&m.term).next().expect("the marker's word").scroll_to_me();
        h.run();
        h.get_all_by_label(&m.term).next().expect("the marker's word").click();
        h.run();
        assert!(h.state().actions.iter().any(|a| matches!(a, Action::SelectSentence(_))));
    }
    let mut h = panel(&app, app.view().clone(), ui::quotes::quotes_ui);
    h.run();
    if !c.framing.quote_matches.is_empty() {
        h.get_all_by_label("Show side by side").next().expect("a quote match link").scroll_to_me();
        h.run();
        h.get_all_by_label("Show side by side").next().expect("a quote match link").click();
        h.run();
        assert!(h.state().actions.iter().any(|a| matches!(a, Action::ShowView(View::Columns))));
    }
    let mut h = panel(&app, app.view().clone(), ui::copying::copying_ui);
    h.run();
    let mut h = panel(&app, app.view().clone(), |ui, c, v, _| ui::legend::legend_ui(ui, c, v));
    h.run();
    assert!(h.query_by_label("Shared by all").is_some(), "the legend names the tints");
}

#[test]
fn presenter_steps_through_shared_claims() {
    let mut app = demo();
    app.apply(Action::TogglePresenter);
    let first = app.view().selected.expect("presenter mode selects a shared claim");
    assert_eq!(app.comparison().claims[first].kind, ClaimKind::Shared);
    let mut h = panel(&app, app.view().clone(), ui::presenter::presenter_ui);
    h.get_by_label("Next").click();
    h.get_by_label("Leave presenter mode").click();
    h.run();
    assert!(h.state().actions.iter().any(|a| matches!(a, Action::NextClaim)));
    assert!(h.state().actions.iter().any(|a| matches!(a, Action::TogglePresenter)));
}

/// The demo set, a click on a shared sentence, its counterparts outlined, the diff in the detail pane.
#[test]
fn whole_app_click_links_counterparts_and_shows_the_diff() {
    let app = demo();
    let (id, r) = shared_lede_claim(app.comparison());
    let text = app.comparison().sentence_text(r).to_string();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app);
    h.run();
    h.get_by_label(&text).hover();
    h.run();
    let view = h.state().view().clone();
    assert_eq!(view.hovered, Some(r), "hovering a sentence is noticed");
    let linked = ui::columns::counterparts(h.state().comparison(), &view);
    assert!(!linked.is_empty() && linked.iter().all(|x| x.article != r.article), "counterparts: {linked:?}");
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.state().view().selected, Some(id), "the clicked sentence's claim is selected");
    assert!(h.query_by_label("Versions").is_some(), "the detail pane opened");
    let claim = h.state().comparison().claims[id].clone();
    for m in claim.members.iter().filter(|m| m.article != r.article) {
        let other = h.state().comparison().sentence_text(m.sentence_ref()).to_string();
        // Once in its column, once in the detail pane (as a diff against the other versions).
        assert!(h.query_all_by_label(&other).count() >= 2, "“{other}” shown in the detail pane too");
    }
}

#[test]
fn keyboard_steps_claims_and_changes_font_size() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), demo());
    h.key_press(egui::Key::J);
    h.run();
    assert!(h.state().view().selected.is_some(), "J selects the next claim");
    let before = h.state().view().prefs.font_size;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    assert!(h.state().view().prefs.font_size > before);
}

#[test]
fn threshold_reanalyses_in_the_background_and_the_newest_result_wins() {
    let mut app = demo();
    app.apply(Action::SetThreshold(0.6));
    app.apply(Action::SetThreshold(0.2));
    app.apply(Action::SetThreshold(0.5));
    assert!(app.wait_idle(Duration::from_secs(20)), "analysis finished");
    assert!((app.comparison().settings.threshold - 0.5).abs() < 1e-6, "the newest threshold is shown");
}

#[test]
fn loading_files_keeps_what_was_loaded_and_reports_bad_files_once() {
    let dir = std::env::temp_dir().join(format!("parallax-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("extra.txt");
    std::fs::write(
        &good,
        "Extra headline\nThe Commerce Department added companies to its Entity List on Thursday.",
    )
    .unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let mut app = demo();
    let before = app.articles().len();
    app.apply(Action::OpenFiles(vec![good.clone(), empty.clone()]));
    assert!(app.wait_idle(Duration::from_secs(20)));
    assert_eq!(app.articles().len(), before + 1, "the good file is added, the others kept");
    assert_eq!(app.comparison().articles.len(), before + 1, "and analysed");
    let errors: Vec<_> = app.view().notifications.iter().filter(|n| n.level == Level::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].text.contains("empty.txt"), "the message names the file: {}", errors[0].text);
    app.apply(Action::OpenFiles(vec![empty]));
    assert!(app.wait_idle(Duration::from_secs(20)));
    assert_eq!(app.view().notifications.len(), 1, "the same error is not shown twice");
    app.apply(Action::RemoveArticle(before));
    app.apply(Action::RenameOutlet(0, "Renamed Outlet".into()));
    assert!(app.wait_idle(Duration::from_secs(20)));
    assert_eq!(app.comparison().articles.len(), before);
    assert_eq!(
        app.comparison().articles[0].meta.outlet,
        "Renamed Outlet",
        "a rename during analysis is kept"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cancelled_url_fetch_is_dropped_and_blind_mode_hides_outlets() {
    let mut app = demo();
    let before = app.articles().len();
    app.apply(Action::AddUrl("http://127.0.0.1:9/never".into()));
    app.apply(Action::CancelUrl);
    app.apply(Action::ShowUrl(false));
    std::thread::sleep(Duration::from_millis(300));
    app.poll();
    assert_eq!(app.articles().len(), before, "a cancelled fetch adds nothing");
    app.apply(Action::ToggleBlind);
    assert_eq!(app.view().source_name(app.comparison(), 0), "Source A");
    app.apply(Action::AddUrl("not a url".into()));
    assert!(app.view().notifications.iter().any(|n| n.text.contains("http")), "bad address explained");
}

/// Renders a view to an image compared with tests/snapshots; skips (with a note) where no
/// GPU adapter exists, fails on any difference where one does.
fn snapshot(h: &mut Harness<'_, App>, name: &str) {
    match h.try_snapshot(name) {
        Ok(()) => {}
        Err(SnapshotError::RenderError { err }) => {
            eprintln!("snapshot {name} skipped: no renderer here ({err})")
        }
        Err(e) => panic!("snapshot {name}: {e}"),
    }
}

/// The three short window-test articles (tests/window), so these images change only when the
/// window or the analysis does, not when the demo set is edited.
fn snapshot_app() -> App {
    let articles = window::TEXTS
        .iter()
        .filter_map(|(name, text)| parallax::ingest::from_text(text, name).ok())
        .collect();
    App::with_comparison(articles, Prefs::default())
}

#[test]
fn snapshots_of_the_main_views() {
    let mut app = snapshot_app();
    let (id, _) = shared_lede_claim(app.comparison());
    app.apply(Action::SelectClaim(Some(id)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app);
    h.run();
    snapshot(&mut h, "columns_light");
    // Notes, written at a fixed time so the image stays the same: one on the selected claim
    // and one on a sentence; listed in the pane and marked ✏ in the columns.
    let mut session = h.state().session();
    let claim = h.state().comparison().claims[id].clone();
    let when = 1_795_331_640;
    let on_sentence = SentenceRef { article: 1, sentence: 3 };
    session.notes = vec![
        Note { created: when, ..Note::on_claim(&claim, "Ask: why does one source leave out “new”?") },
        Note {
            created: when,
            ..Note::on_sentence(on_sentence, "Which shops? Call the chamber of commerce.")
        },
    ];
    let mut app = App::from_session(session, None, Prefs::default());
    app.apply(Action::SelectClaim(Some(id)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app);
    h.run();
    snapshot(&mut h, "columns_notes_light");
    h.state_mut().apply(Action::ShowView(View::Matrix));
    h.run();
    snapshot(&mut h, "matrix_light");
    h.state_mut().apply(Action::ShowView(View::Columns));
    h.state_mut().apply(Action::ToggleTheme);
    h.state_mut().apply(Action::TogglePresenter);
    h.run();
    snapshot(&mut h, "presenter_dark");
}

#[cfg(target_os = "linux")]
#[test]
fn analysis_runs_on_a_named_thread() {
    let _app = demo();
    window::wait_for_thread("parallax-analysis");
}
