//! Blind mode in the window: every view, the detail pane, presenter mode, the article manager,
//! notifications and the window title show "Source A, B, C" and never an outlet name, URL or
//! publication date of the demo set. The scan reads everything rendered: the accessibility tree
//! (labels and values) and the text of every painted shape (chart axes and tooltips included).
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parallax::analysis::ClaimKind;
use parallax::app::action::{Action, View};
use parallax::app::{App, Prefs};

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1200.0))
        .build_ui_state(|ui, app: &mut App| app.show_ui(ui), app)
}

/// Every piece of text on screen.
fn rendered_text(h: &Harness<'_, App>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    for node in h.query_all_by(|_| true) {
        let node = node.accesskit_node();
        out.extend(node.label());
        out.extend(node.value());
    }
    out
}

/// What identifies the demo sources: outlet names, URLs and their hosts, publication dates.
fn identities(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    for a in app.articles() {
        out.push(a.meta.outlet.clone());
        if let Some(url) = &a.meta.url {
            out.push(url.clone());
            let host = url.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or("");
            out.push(host.trim_start_matches("www.").to_string());
        }
        out.extend(a.meta.published.clone());
    }
    out.retain(|s| s.trim().len() >= 3);
    out
}

/// The identities found in `texts` (case-insensitive), with the text they were found in.
fn leaks(texts: &[String], secrets: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in texts {
        let lower = t.to_lowercase();
        for s in secrets {
            if lower.contains(&s.to_lowercase()) {
                out.push((s.clone(), t.chars().take(160).collect()));
            }
        }
    }
    out
}

/// Opens every collapsed section of the framing view.
fn open_collapsed(h: &mut Harness<'_, App>) {
    for title in ["Every flagged word", "Led with by one source"] {
        if let Some(node) = h.query_by_label_contains(title) {
            node.click();
            h.run();
        }
    }
}

#[test]
fn blind_mode_shows_no_outlet_name_url_or_date_in_any_view() {
    let mut app = App::demo(Prefs::default());
    let secrets = identities(&app);
    assert!(secrets.iter().any(|s| s == "Meridian Wire"), "{secrets:?}");
    let c = app.comparison();
    // A claim whose wording names an outlet ("WASHINGTON (Meridian Wire) - ..."), else the widest.
    let claim = c
        .claims
        .iter()
        .filter(|cl| cl.kind == ClaimKind::Shared)
        .find(|cl| cl.members.iter().any(|m| c.sentence_text(m.sentence_ref()).contains("Meridian Wire")))
        .or_else(|| c.claims.iter().find(|cl| cl.kind == ClaimKind::Shared))
        .map(|cl| cl.id)
        .expect("a shared claim");
    app.apply(Action::SelectClaim(Some(claim)));
    app.apply(Action::AddClaimNote { claim, text: "Does Meridian Wire say it first?".into() });
    // A notification that names an outlet (a session file named after it that is not there).
    app.apply(Action::OpenSession(std::env::temp_dir().join("Meridian Wire lesson.parallax")));
    let mut h = harness(app);
    h.run();

    // Without blind mode the scan does find them (so the test can fail).
    let seen = leaks(&rendered_text(&h), &secrets);
    assert!(seen.iter().any(|(s, _)| s == "Meridian Wire"), "the scan sees outlet names: {seen:?}");
    assert!(
        seen.iter().any(|(s, _)| h.state().articles().iter().any(|a| a.meta.published.as_ref() == Some(s)))
    );

    h.state_mut().apply(Action::ToggleBlind);
    h.run();
    let mut found = Vec::new();
    for view in View::ALL {
        h.state_mut().apply(Action::ShowView(view));
        h.run();
        if view == View::Framing {
            open_collapsed(&mut h);
        }
        if view == View::Columns {
            h.state_mut().apply(Action::SelectClaim(Some(claim)));
            h.run();
            assert!(h.query_by_label("Versions").is_some(), "the detail pane is part of the scan");
        }
        found.extend(leaks(&rendered_text(&h), &secrets).into_iter().map(|l| (format!("{view:?}"), l)));
    }
    h.state_mut().apply(Action::ShowArticles(true));
    h.run();
    found.extend(leaks(&rendered_text(&h), &secrets).into_iter().map(|l| ("manager".to_string(), l)));
    h.state_mut().apply(Action::ShowArticles(false));
    h.state_mut().apply(Action::TogglePresenter);
    h.state_mut().apply(Action::SelectClaim(Some(claim)));
    h.run();
    found.extend(leaks(&rendered_text(&h), &secrets).into_iter().map(|l| ("presenter".to_string(), l)));
    assert!(found.is_empty(), "blind mode shows source identities: {found:#?}");
    assert!(rendered_text(&h).iter().any(|t| t.contains("Source A")), "sources are named by letter");
    assert!(h.query_by_label("Reveal sources").is_some(), "the reveal button is there");
    h.state_mut().apply(Action::TogglePresenter);
    h.run();
    assert!(h.query_by_label("Reveal sources").is_some(), "in the toolbar too");

    // The window title names a session file that names an outlet: redacted as well.
    let path = tempfile::tempdir().expect("temp dir");
    let file = path.path().join("Meridian Wire lesson.parallax");
    h.state_mut().apply(Action::SaveSession(file));
    let title = h.state().window_title();
    assert!(!title.contains("Meridian"), "{title}");
    assert!(title.starts_with("Source "), "{title}");
}
