//! Behaviour of `update(app, action)` and of input events: stepping,
//! limits, refused and exact values, undo/redo, resets, quitting.

use std::str::FromStr;

use effekt::catalog;
use effekt::format::Lang;
use effekt::levers;
use effekt::tui::app::{Confirm, MessageKind};
use effekt::tui::event::{Key, KeyCode, Mouse, MouseKind};
use effekt::tui::{Action, App, Event, Screen, ThemeKind, handle_event, update};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn app(id: &str) -> App {
    let s = catalog::open(id).expect("bundled").scenario;
    App::open(s, Lang::Nb, ThemeKind::Default, (160, 45))
}

fn value(app: &App, id: &str) -> Decimal {
    let ws = app.workshop.as_ref().expect("open");
    let lever = levers::find(&ws.current, id).expect("lever");
    levers::get(&ws.current, lever.target)
}

fn select(app: &mut App, id: &str) {
    let i = app
        .workshop
        .as_ref()
        .unwrap()
        .levers
        .iter()
        .position(|l| l.id == id)
        .expect("shown lever");
    update(app, Action::Select(i));
}

fn type_value(app: &mut App, text: &str) {
    update(app, Action::Edit);
    for c in text.chars() {
        update(app, Action::PromptChar(c));
    }
    update(app, Action::PromptAccept);
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn levers_are_grouped_in_scenario_order() {
    let app = app("rekruttering");
    let ids: Vec<&str> = app
        .workshop
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
            "price.job_start",
            "price.job_kept"
        ]
    );
}

#[test]
fn a_step_moves_the_lever_and_the_figures() {
    let mut app = app("sykefravaer");
    let before = app.workshop.as_ref().unwrap().computed.headline;
    update(&mut app, Action::Step(-1));
    assert_eq!(value(&app, "achievement"), d("0.95"));
    let ws = app.workshop.as_ref().unwrap();
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
    update(&mut app, Action::Step(10));
    assert_eq!(value(&app, "achievement"), d("1.5"));
    update(&mut app, Action::Step(10));
    assert_eq!(value(&app, "achievement"), d("2"), "clamped to the max");
    update(&mut app, Action::Step(1));
    assert_eq!(value(&app, "achievement"), d("2"), "stays at the max");
    let m = app.message.clone().expect("says so");
    assert_eq!(m.kind, MessageKind::Warning);
    assert!(
        m.text.contains("maksimum") && m.text.contains("200,0 %"),
        "{}",
        m.text
    );
    update(&mut app, Action::Step(-100));
    assert_eq!(value(&app, "achievement"), Decimal::ZERO);
    update(&mut app, Action::Step(-1));
    assert!(message(&app).contains("minimum"), "{}", message(&app));
}

#[test]
fn a_value_outside_the_range_is_refused_with_the_reason() {
    let mut app = app("sykefravaer");
    type_value(&mut app, "250 %");
    assert_eq!(value(&app, "achievement"), d("1"));
    let ws = app.workshop.as_ref().unwrap();
    let prompt = ws.prompt.as_ref().expect("prompt stays open");
    let err = prompt.error.as_deref().unwrap();
    assert_eq!(err, "Avvist: 250,0 % er utenfor området 0,0 % til 200,0 %");
    assert_eq!(app.message.as_ref().unwrap().kind, MessageKind::Error);
    update(&mut app, Action::PromptCancel);
    assert!(app.workshop.as_ref().unwrap().prompt.is_none());
}

#[test]
fn a_value_breaking_a_rule_is_refused_with_the_rule() {
    let mut app = app("sykefravaer");
    select(&mut app, "target.absence");
    type_value(&mut app, "9");
    assert_eq!(value(&app, "target.absence"), d("9"));
    select(&mut app, "threshold.absence");
    type_value(&mut app, "8,8");
    assert_eq!(value(&app, "threshold.absence"), d("9.2"), "unchanged");
    let text = message(&app);
    assert!(text.starts_with("Avvist: "), "{text}");
    // The rule's reason, in the user's language.
    assert!(
        text.contains("terskelen 8,8 må ligge mellom utgangsnivået 9,6 og målet 9"),
        "the validation's reason: {text}"
    );
    update(&mut app, Action::PromptCancel);
    update(&mut app, Action::ToggleLanguage);
    type_value(&mut app, "8.8");
    let text = message(&app);
    assert!(
        text.contains("threshold 8.8 must lie between the baseline 9.6 and the target 9"),
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
        assert!(app.workshop.as_ref().unwrap().prompt.is_none());
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
    update(&mut app, Action::Step(1));
    update(&mut app, Action::Step(1));
    assert_eq!(value(&app, "achievement"), d("1.1"));
    update(&mut app, Action::Undo);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    update(&mut app, Action::Undo);
    assert_eq!(value(&app, "achievement"), d("1"));
    update(&mut app, Action::Undo);
    assert_eq!(message(&app), "Ingenting å angre");
    update(&mut app, Action::Redo);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    // The change shown is the one the redo made.
    let ws = app.workshop.as_ref().unwrap();
    assert!(ws.computed.deltas.outcome_payments > Decimal::ZERO);
    // A new change drops what could be redone.
    update(&mut app, Action::Step(-1));
    update(&mut app, Action::Redo);
    assert_eq!(message(&app), "Ingenting å gjøre om");
    assert_eq!(value(&app, "achievement"), d("1"));
}

#[test]
fn reset_one_lever_and_all() {
    let mut app = app("sykefravaer");
    update(&mut app, Action::Step(3));
    select(&mut app, "cofunder_share");
    update(&mut app, Action::Step(1));
    assert_eq!(value(&app, "cofunder_share"), d("0.3"));
    update(&mut app, Action::ResetLever);
    assert_eq!(value(&app, "cofunder_share"), d("0.25"));
    assert_eq!(value(&app, "achievement"), d("1.15"), "others untouched");
    update(&mut app, Action::ResetAll);
    let ws = app.workshop.as_ref().unwrap();
    assert_eq!(ws.current, ws.base);
    assert_eq!(ws.changed_count(), 0);
    update(&mut app, Action::ResetAll);
    assert_eq!(message(&app), "Ingen spaker er endret");
    update(&mut app, Action::Undo);
    assert_eq!(
        value(&app, "achievement"),
        d("1.15"),
        "a reset can be undone"
    );
}

#[test]
fn quitting_asks_before_losing_changes() {
    let mut app = app("sykefravaer");
    update(&mut app, Action::Back);
    assert!(app.quit, "nothing to lose: quits at once");

    let mut app = self::app("sykefravaer");
    update(&mut app, Action::Step(1));
    update(&mut app, Action::Back);
    assert_eq!(app.confirm, Some(Confirm::Quit));
    assert!(!app.quit);
    update(&mut app, Action::Confirm(false));
    assert!(!app.quit && app.confirm.is_none());
    update(&mut app, Action::Back);
    update(&mut app, Action::Confirm(true));
    assert!(app.quit);
}

#[test]
fn back_leaves_screens_and_modes_first() {
    let mut app = app("sykefravaer");
    update(&mut app, Action::GoTo(Screen::Flows));
    update(&mut app, Action::Back);
    assert_eq!(app.workshop.as_ref().unwrap().screen, Screen::Workshop);
    update(&mut app, Action::TogglePresentation);
    update(&mut app, Action::Back);
    assert!(!app.workshop.as_ref().unwrap().presentation);
    assert!(!app.quit);
    update(&mut app, Action::NextScreen);
    assert_eq!(app.workshop.as_ref().unwrap().screen, Screen::Risk);
    update(&mut app, Action::PrevScreen);
    update(&mut app, Action::PrevScreen);
    assert_eq!(app.workshop.as_ref().unwrap().screen, Screen::Uncertainty);
    update(&mut app, Action::PrevScreen);
    assert_eq!(app.workshop.as_ref().unwrap().screen, Screen::Scenario);
}

fn key(c: char) -> Event {
    Event::Key(Key::ch(c))
}

#[test]
fn keys_go_through_the_key_map() {
    let mut app = app("sykefravaer");
    assert!(handle_event(
        &mut app,
        Event::Key(Key::shift(KeyCode::Right))
    ));
    assert_eq!(value(&app, "achievement"), d("1.5"));
    assert!(handle_event(
        &mut app,
        Event::Key(Key::ctrl(KeyCode::Char('r')))
    ));
    assert!(
        !handle_event(&mut app, key('z')),
        "unbound: nothing to draw"
    );
    // `s` asks for a variant name; Esc closes the prompt again.
    assert!(handle_event(&mut app, key('s')));
    assert!(app.input.is_some());
    assert!(handle_event(&mut app, Event::Key(Key::plain(KeyCode::Esc))));
    assert!(app.input.is_none());
    assert!(handle_event(&mut app, key('q')));
    assert_eq!(app.confirm, Some(Confirm::Quit));
    assert!(!handle_event(&mut app, key('x')), "only y/n answer");
    assert!(handle_event(&mut app, key('y')));
    assert!(app.quit);
}

#[test]
fn the_prompt_takes_keys_as_text() {
    let mut app = app("sykefravaer");
    handle_event(&mut app, key('='));
    for c in "0,5q".chars() {
        handle_event(&mut app, key(c));
    }
    handle_event(&mut app, Event::Key(Key::plain(KeyCode::Backspace)));
    handle_event(&mut app, Event::Key(Key::plain(KeyCode::Enter)));
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
    assert!(handle_event(&mut app, click(4)));
    assert_eq!(app.workshop.as_ref().unwrap().selected, 1);
    assert!(
        !handle_event(&mut app, click(2)),
        "a heading is not a lever"
    );
    let wheel = Event::Mouse(Mouse {
        kind: MouseKind::ScrollUp,
        column: 6,
        row: 3,
    });
    handle_event(&mut app, wheel);
    assert_eq!(app.workshop.as_ref().unwrap().selected, 0);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    // The tabs switch screens.
    let tabs = effekt::tui::ui::header::tabs(&app, ratatui::layout::Rect::new(0, 0, 160, 1));
    let (_, r) = tabs
        .iter()
        .find(|(s, _)| *s == Screen::Flows)
        .copied()
        .unwrap();
    handle_event(
        &mut app,
        Event::Mouse(Mouse {
            kind: MouseKind::Click,
            column: r.x + 1,
            row: 0,
        }),
    );
    assert_eq!(app.workshop.as_ref().unwrap().screen, Screen::Flows);
}

#[test]
fn picker_opens_and_returns() {
    let entries = catalog::entries()
        .into_iter()
        .filter(|e| matches!(e.origin, catalog::Origin::Bundled(_)))
        .map(effekt::tui::PickerEntry::from_catalog)
        .collect();
    let mut app = App::pick(entries, None, Lang::En, ThemeKind::Default, (80, 24));
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::Open);
    let ws = app.workshop.as_ref().expect("opened");
    assert_eq!(ws.current.info.id, "rekruttering");
    update(&mut app, Action::Step(1));
    update(&mut app, Action::Back);
    assert_eq!(app.confirm, Some(Confirm::ToPicker));
    update(&mut app, Action::Confirm(true));
    assert!(app.workshop.is_none() && !app.quit);
    update(&mut app, Action::Back);
    assert!(app.quit);
}

#[test]
fn language_and_theme() {
    let mut app = app("sykefravaer");
    update(&mut app, Action::ToggleLanguage);
    assert_eq!(app.lang, Lang::En);
    assert_eq!(message(&app), "Language: English");
    update(&mut app, Action::ToggleTheme);
    assert_eq!(app.theme, ThemeKind::HighContrast);
    app.no_color = true;
    app.theme = ThemeKind::Mono;
    update(&mut app, Action::ToggleTheme);
    assert_eq!(app.theme, ThemeKind::Mono, "NO_COLOR keeps monochrome");
}

#[test]
fn resize_is_tracked_and_scrolling_clamped() {
    let mut app = app("sykefravaer");
    update(&mut app, Action::GoTo(Screen::Scenario));
    update(&mut app, Action::ScrollBottom);
    let bottom = app.workshop.as_ref().unwrap().scroll.scenario;
    assert!(bottom > 0 && bottom < 1000, "clamped to the text: {bottom}");
    assert!(handle_event(&mut app, Event::Resize(80, 24)));
    assert_eq!(app.size, (80, 24));
    update(&mut app, Action::ScrollBottom);
    assert!(
        app.workshop.as_ref().unwrap().scroll.scenario > bottom,
        "narrower: longer text"
    );
    update(&mut app, Action::ScrollTop);
    assert_eq!(app.workshop.as_ref().unwrap().scroll.scenario, 0);
}

#[test]
fn pages_scroll_by_the_visible_height() {
    let mut app = app("sykefravaer");
    app.size = (80, 24);
    update(&mut app, Action::GoTo(Screen::Scenario));
    update(&mut app, Action::Page(1));
    let page = app.workshop.as_ref().unwrap().scroll.scenario;
    assert_eq!(page, 24 - 8);
    update(&mut app, Action::Page(-1));
    assert_eq!(app.workshop.as_ref().unwrap().scroll.scenario, 0);
    handle_event(&mut app, Event::Key(Key::plain(KeyCode::PageDown)));
    assert_eq!(app.workshop.as_ref().unwrap().scroll.scenario, page);
}
