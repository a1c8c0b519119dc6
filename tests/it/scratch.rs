use crate::common::screen;
use effekt::catalog;
use effekt::format::Lang;
use effekt::tui::{Action, App, Screen, ThemeKind};

#[test]
fn scratch_print() {
    let w: u16 = std::env::var("W")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let h: u16 = std::env::var("H")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let id = std::env::var("ID").unwrap_or("sykefravaer".into());
    let lang = if std::env::var("EN").is_ok() {
        Lang::En
    } else {
        Lang::Nb
    };
    let s = catalog::open(&id).unwrap().scenario;
    let mut app = App::open(s, lang, ThemeKind::Default, (w, h));
    app.update(Action::Step(-2));
    let mut out = String::new();
    for sc in Screen::ALL {
        app.update(Action::GoTo(sc));
        if sc == Screen::Uncertainty {
            app.complete();
        }
        out.push_str(&format!("==== {sc:?}\n{}", screen(&app)));
    }
    app.update(Action::GoTo(Screen::Workshop));
    app.update(Action::ToggleHelp);
    out.push_str(&format!("==== help\n{}", screen(&app)));
    app.update(Action::ToggleHelp);
    app.update(Action::TogglePresentation);
    out.push_str(&format!("==== present\n{}", screen(&app)));
    std::fs::write("/tmp/scratch/out.txt", out).unwrap();
}
