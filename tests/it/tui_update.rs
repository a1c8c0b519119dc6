//! Behaviour of `app.update(action)` and of input events: stepping,
//! limits, refused and exact values, undo/redo, resets, quitting.

use std::str::FromStr;

use effekt::catalog;
use effekt::format::Lang;
use effekt::levers;
use effekt::tui::event::{Key, KeyCode, Mouse, MouseKind};
use effekt::tui::view::{Answer, Confirm, MessageKind, Mode};
use effekt::tui::{Action, App, Event, Screen, ThemeKind};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn app(id: &str) -> App {
    let s = catalog::open(id).expect("bundled").scenario;
    App::open(s, Lang::Nb, ThemeKind::Default, (160, 45))
}

fn value(app: &App, id: &str) -> Decimal {
    let ws = app.doc.as_ref().expect("open");
    let lever = levers::find(&ws.current, id).expect("lever");
    levers::get(&ws.current, lever.target)
}

fn select(app: &mut App, id: &str) {
    let i = app
        .doc
        .as_ref()
        .unwrap()
        .levers
        .iter()
        .position(|l| l.id == id)
        .expect("shown lever");
    app.update(Action::Select(i));
}

fn type_value(app: &mut App, text: &str) {
    app.update(Action::Edit);
    for c in text.chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptAccept);
}

fn message(app: &App) -> String {
    app.view
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn levers_are_grouped_in_scenario_order() {
    let app = app("rekruttering");
    let ids: Vec<&str> = app
        .doc
        .as_ref()
        .unwrap()
        .levers
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(
        ids[..5],
        [
            "achievement",
            "target.job_start",
            "target.job_kept",
            "threshold.job_start",
            "threshold.job_kept"
        ]
    );
}

#[test]
fn a_step_moves_the_lever_and_the_figures() {
    let mut app = app("sykefravaer");
    let before = app.doc.as_ref().unwrap().computed.headline;
    app.update(Action::Step(-1));
    assert_eq!(value(&app, "achievement"), d("0.95"));
    let ws = app.doc.as_ref().unwrap();
    let after = ws.computed.headline;
    assert!(after.outcome_payments < before.outcome_payments);
    assert_eq!(
        ws.computed.deltas.outcome_payments,
        after.outcome_payments - before.outcome_payments
    );
    // The cached figures are the model's figures for the new scenario.
    assert_eq!(ws.computed.figures, effekt::model::figures(&ws.current));
    assert_eq!(ws.computed.risk, effekt::model::risk_table(&ws.current));
    assert_eq!(ws.changed_count(), 1);
    assert!(ws.is_changed(&ws.levers[0]));
}

#[test]
fn shift_steps_ten_and_limits_hold() {
    let mut app = app("sykefravaer");
    app.update(Action::Step(10));
    assert_eq!(value(&app, "achievement"), d("1.5"));
    app.update(Action::Step(10));
    assert_eq!(value(&app, "achievement"), d("2"), "clamped to the max");
    app.update(Action::Step(1));
    assert_eq!(value(&app, "achievement"), d("2"), "stays at the max");
    let m = app.view.message.clone().expect("says so");
    assert_eq!(m.kind, MessageKind::Warning);
    assert!(
        m.text.contains("maksimum") && m.text.contains("200,0 %"),
        "{}",
        m.text
    );
    app.update(Action::Step(-100));
    assert_eq!(value(&app, "achievement"), Decimal::ZERO);
    app.update(Action::Step(-1));
    assert!(message(&app).contains("minimum"), "{}", message(&app));
}

#[test]
fn a_value_outside_the_range_is_refused_with_the_reason() {
    let mut app = app("sykefravaer");
    type_value(&mut app, "250 %");
    assert_eq!(value(&app, "achievement"), d("1"));
    let Mode::Prompt(prompt) = &app.view.mode else {
        panic!("prompt stays open");
    };
    let err = prompt.error.as_deref().unwrap();
    assert_eq!(err, "Avvist: 250,0 % er utenfor området 0,0 % til 200,0 %");
    assert_eq!(app.view.message.as_ref().unwrap().kind, MessageKind::Error);
    app.update(Action::PromptCancel);
    assert!(!matches!(app.view.mode, Mode::Prompt(_)));
}

#[test]
fn a_value_breaking_a_rule_is_refused_with_the_rule() {
    let mut app = app("sykefravaer");
    select(&mut app, "target.absence");
    type_value(&mut app, "8,4");
    assert_eq!(value(&app, "target.absence"), d("8.4"));
    select(&mut app, "threshold.absence");
    type_value(&mut app, "8,3");
    assert_eq!(value(&app, "threshold.absence"), d("8.5"), "unchanged");
    let text = message(&app);
    assert!(text.starts_with("Avvist: "), "{text}");
    // The rule's reason, in the user's language.
    assert!(
        text.contains("terskelen 8,3 må ligge mellom utgangsnivået 8,9 og målet 8,4"),
        "the validation's reason: {text}"
    );
    app.update(Action::PromptCancel);
    app.update(Action::ToggleLanguage);
    type_value(&mut app, "8.3");
    let text = message(&app);
    assert!(
        text.contains("threshold 8.3 must lie between the baseline 8.9 and the target 8.4"),
        "{text}"
    );
}

#[test]
fn exact_values_in_every_spelling() {
    let mut app = app("sykefravaer");
    for (typed, want) in [
        ("80%", "0.8"),
        ("0,75", "0.75"),
        ("0.7", "0.7"),
        ("65", "0.65"),
    ] {
        type_value(&mut app, typed);
        assert_eq!(value(&app, "achievement"), d(want), "{typed}");
        assert!(!matches!(app.view.mode, Mode::Prompt(_)));
    }
    select(&mut app, "cap");
    type_value(&mut app, "10 000 000");
    assert_eq!(value(&app, "cap"), d("10000000"));
    type_value(&mut app, "12,5 mill.");
    assert_eq!(value(&app, "cap"), d("12500000"));
    type_value(&mut app, "mye");
    assert_eq!(message(&app), "Avvist: «mye» er ikke et tall");
    assert_eq!(value(&app, "cap"), d("12500000"));
}

#[test]
fn undo_and_redo() {
    let mut app = app("sykefravaer");
    app.update(Action::Step(1));
    app.update(Action::Step(1));
    assert_eq!(value(&app, "achievement"), d("1.1"));
    app.update(Action::Undo);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    app.update(Action::Undo);
    assert_eq!(value(&app, "achievement"), d("1"));
    app.update(Action::Undo);
    assert_eq!(message(&app), "Ingenting å angre");
    app.update(Action::Redo);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    // The change shown is the one the redo made.
    let ws = app.doc.as_ref().unwrap();
    assert!(ws.computed.deltas.outcome_payments > Decimal::ZERO);
    // A new change drops what could be redone.
    app.update(Action::Step(-1));
    app.update(Action::Redo);
    assert_eq!(message(&app), "Ingenting å gjøre om");
    assert_eq!(value(&app, "achievement"), d("1"));
}

#[test]
fn reset_one_lever_and_all() {
    let mut app = app("sykefravaer");
    app.update(Action::Step(3));
    select(&mut app, "cofunder_share");
    app.update(Action::Step(1));
    assert_eq!(value(&app, "cofunder_share"), d("0.25"));
    app.update(Action::ResetLever);
    assert_eq!(value(&app, "cofunder_share"), d("0.2"));
    assert_eq!(value(&app, "achievement"), d("1.15"), "others untouched");
    app.update(Action::ResetAll);
    let ws = app.doc.as_ref().unwrap();
    assert_eq!(ws.current, ws.base);
    assert_eq!(ws.changed_count(), 0);
    app.update(Action::ResetAll);
    assert_eq!(message(&app), "Ingen spaker er endret");
    app.update(Action::Undo);
    assert_eq!(
        value(&app, "achievement"),
        d("1.15"),
        "a reset can be undone"
    );
}

#[test]
fn quitting_asks_before_losing_changes() {
    let mut app = app("sykefravaer");
    app.update(Action::Back);
    assert!(app.quit, "nothing to lose: quits at once");

    let mut app = self::app("sykefravaer");
    app.update(Action::Step(1));
    app.update(Action::Back);
    assert_eq!(app.view.mode, Mode::Confirm(Confirm::Quit));
    assert!(!app.quit);
    app.update(Action::Confirm(Answer::No));
    assert!(!app.quit && app.view.mode == Mode::Normal);
    app.update(Action::Back);
    app.update(Action::Confirm(Answer::Yes));
    assert!(app.quit);
}

#[test]
fn back_leaves_screens_and_modes_first() {
    let mut app = app("sykefravaer");
    app.update(Action::GoTo(Screen::Flows));
    app.update(Action::Back);
    assert_eq!(app.view.screen, Screen::Workshop);
    app.update(Action::TogglePresentation);
    app.update(Action::Back);
    assert!(!app.view.presentation);
    assert!(!app.quit);
    app.update(Action::NextScreen);
    assert_eq!(app.view.screen, Screen::Risk);
    app.update(Action::PrevScreen);
    app.update(Action::PrevScreen);
    assert_eq!(app.view.screen, Screen::Sites);
    app.update(Action::PrevScreen);
    assert_eq!(app.view.screen, Screen::Budget);
    app.update(Action::PrevScreen);
    assert_eq!(app.view.screen, Screen::Uncertainty);
}

fn key(c: char) -> Event {
    Event::Key(Key::ch(c))
}

#[test]
fn keys_go_through_the_key_map() {
    let mut app = app("sykefravaer");
    assert!(app.handle(Event::Key(Key::shift(KeyCode::Right))));
    assert_eq!(value(&app, "achievement"), d("1.5"));
    assert!(app.handle(Event::Key(Key::ctrl(KeyCode::Char('r')))));
    assert!(!app.handle(key('z')), "unbound: nothing to draw");
    // `s` asks for a variant name; Esc closes the prompt again.
    assert!(app.handle(key('s')));
    assert!(matches!(app.view.mode, Mode::Input(_)));
    assert!(app.handle(Event::Key(Key::plain(KeyCode::Esc))));
    assert!(!matches!(app.view.mode, Mode::Input(_)));
    assert!(app.handle(key('q')));
    assert_eq!(app.view.mode, Mode::Confirm(Confirm::Quit));
    assert!(!app.handle(key('x')), "only the shown keys answer");
    assert!(!app.handle(key('j')), "`j` moves; it never answers yes");
    assert!(app.handle(key('y')));
    assert!(app.quit);
}

#[test]
fn the_prompt_takes_keys_as_text() {
    let mut app = app("sykefravaer");
    app.handle(key('='));
    for c in "0,5q".chars() {
        app.handle(key(c));
    }
    app.handle(Event::Key(Key::plain(KeyCode::Backspace)));
    app.handle(Event::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(value(&app, "achievement"), d("0.5"));
    assert!(!app.quit);
}

#[test]
fn mouse_selects_and_steps_levers() {
    let mut app = app("sykefravaer");
    // 160×45: the lever panel's box starts on row 1; row 2 is the group
    // heading, row 3 the achievement, row 4 the target.
    let click = |row| {
        Event::Mouse(Mouse {
            kind: MouseKind::Click,
            column: 6,
            row,
        })
    };
    assert!(app.handle(click(4)));
    assert_eq!(app.view.selected, 1);
    assert!(!app.handle(click(2)), "a heading is not a lever");
    let wheel = Event::Mouse(Mouse {
        kind: MouseKind::ScrollUp,
        column: 6,
        row: 3,
    });
    app.handle(wheel);
    assert_eq!(app.view.selected, 0);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    // The tabs switch screens.
    let tabs = effekt::tui::ui::header::tabs(&app.view, ratatui::layout::Rect::new(0, 0, 160, 1));
    let (_, r) = tabs
        .iter()
        .find(|(s, _)| *s == Screen::Flows)
        .copied()
        .unwrap();
    app.handle(Event::Mouse(Mouse {
        kind: MouseKind::Click,
        column: r.x + 1,
        row: 0,
    }));
    assert_eq!(app.view.screen, Screen::Flows);
}

#[test]
fn picker_opens_and_returns() {
    let entries = catalog::entries()
        .into_iter()
        .filter(|e| matches!(e.origin, catalog::Origin::Bundled(_)))
        .map(effekt::tui::PickerEntry::from_catalog)
        .collect();
    let mut app = App::pick(entries, None, Lang::En, ThemeKind::Default, (80, 24));
    app.update(Action::SelectNext);
    app.update(Action::Open);
    let ws = app.doc.as_ref().expect("opened");
    assert_eq!(ws.current.info.id, "rekruttering");
    app.update(Action::Step(1));
    app.update(Action::Back);
    assert_eq!(app.view.mode, Mode::Confirm(Confirm::ToPicker));
    app.update(Action::Confirm(Answer::Yes));
    assert!(app.doc.is_none() && !app.quit);
    app.update(Action::Back);
    assert!(app.quit);
}

#[test]
fn language_and_theme() {
    let mut app = app("sykefravaer");
    app.update(Action::ToggleLanguage);
    assert_eq!(app.view.lang, Lang::En);
    assert_eq!(message(&app), "Language: English");
    app.update(Action::ToggleTheme);
    assert_eq!(app.view.theme, ThemeKind::HighContrast);
    app.view.no_color = true;
    app.view.theme = ThemeKind::Mono;
    app.update(Action::ToggleTheme);
    assert_eq!(app.view.theme, ThemeKind::Mono, "NO_COLOR keeps monochrome");
}

#[test]
fn resize_is_tracked_and_scrolling_clamped() {
    let mut app = app("sykefravaer");
    app.update(Action::GoTo(Screen::Scenario));
    app.update(Action::ScrollBottom);
    let bottom = app.view.scroll.scenario;
    assert!(bottom > 0 && bottom < 1000, "clamped to the text: {bottom}");
    assert!(app.handle(Event::Resize(80, 24)));
    assert_eq!(app.view.size, (80, 24));
    app.update(Action::ScrollBottom);
    assert!(app.view.scroll.scenario > bottom, "narrower: longer text");
    app.update(Action::ScrollTop);
    assert_eq!(app.view.scroll.scenario, 0);
}

#[test]
fn pages_scroll_by_the_visible_height() {
    let mut app = app("sykefravaer");
    app.view.size = (80, 24);
    app.update(Action::GoTo(Screen::Scenario));
    app.update(Action::Page(1));
    let page = app.view.scroll.scenario;
    assert_eq!(page, 24 - 8);
    app.update(Action::Page(-1));
    assert_eq!(app.view.scroll.scenario, 0);
    app.handle(Event::Key(Key::plain(KeyCode::PageDown)));
    assert_eq!(app.view.scroll.scenario, page);
}
