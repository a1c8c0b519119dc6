//! The sites screen (8), the budget screen's site filter, presentation one
//! municipality at a time and the business case from the TUI (`b`).

use crate::common::{open_app, screen};

use effekt::format::Lang;
use effekt::tui::{Action, App, Screen};

const FIXTURE: &str = "tests/fixtures/sites_example.toml";

fn sites(lang: Lang, size: (u16, u16)) -> App {
    let mut app = open_app(FIXTURE, lang, size);
    app.update(Action::GoTo(Screen::Sites));
    app
}

#[test]
fn print() {
    let mut app = sites(Lang::Nb, (80, 24));
    println!("{}", screen(&app));
    app.update(Action::CycleSite);
    app.update(Action::ScrollColumns(3));
    println!("{}", screen(&app));
    let app = sites(Lang::En, (200, 60));
    println!("{}", screen(&app));
}

#[test]
fn print2() {
    let mut app = open_app(FIXTURE, Lang::Nb, (80, 24));
    app.update(Action::GoTo(Screen::Budget));
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    println!("{}", screen(&app));
    let mut app = open_app(FIXTURE, Lang::Nb, (200, 60));
    app.update(Action::TogglePresentation);
    app.update(Action::CycleSite);
    println!("{}", screen(&app));
    let mut app = open_app(FIXTURE, Lang::Nb, (80, 24));
    app.update(Action::TogglePresentation);
    app.update(Action::CycleSite);
    println!("{}", screen(&app));
}
