//! One municipality or all (`f`) and a municipality's business case (`B`,
//! the sites screen): `docs/tui.md`, *The sites screen*.

use super::{navigation::clamp_scroll, say};
use crate::i18n::sites::case_texts;
use crate::report::{self, Case};
use crate::tui::document::Document;
use crate::tui::effect::{Effect, StoreOp};
use crate::tui::ui;
use crate::tui::view::{MessageKind, Screen, View};

/// The next municipality: all of them, then each in turn, then all again.
/// On the sites screen the chosen row is scrolled into view.
pub(super) fn cycle(doc: &Document, view: &mut View) {
    let n = doc.current.sites.len();
    if n == 0 {
        say(
            view,
            MessageKind::Info,
            case_texts(view.lang).no_sites.to_string(),
        );
        view.site = None;
        return;
    }
    view.site = match view.site {
        None => Some(0),
        Some(i) if i + 1 < n => Some(i + 1),
        Some(_) => None,
    };
    // Which one, where the status line (or presentation's foot) says it.
    let t = case_texts(view.lang);
    let which = match view.site {
        Some(i) => format!(
            "{}: {} ({}/{n})",
            t.chosen,
            doc.current.sites[i].name,
            i + 1
        ),
        None => format!("{}: {}", t.chosen, t.all),
    };
    say(view, MessageKind::Info, which);
    if view.screen == Screen::Sites {
        let rows = ui::sites::visible_rows(doc, view).max(1);
        let s = &mut view.scroll;
        match view.site {
            Some(i) if i < s.sites_row => s.sites_row = i,
            Some(i) if i >= s.sites_row + rows => s.sites_row = i + 1 - rows,
            Some(_) => {}
            None => s.sites_row = 0,
        }
    }
    clamp_scroll(Some(doc), view);
}

/// Writes the chosen municipality's business case at the current levers
/// to the report folder (as `e` writes the report).
pub(super) fn export(doc: &Document, view: &mut View, fx: &mut Vec<Effect>) {
    let t = case_texts(view.lang);
    let s = &doc.current;
    if s.sites.is_empty() {
        say(view, MessageKind::Info, t.no_sites.to_string());
        return;
    }
    let Some(i) = view.site.filter(|i| *i < s.sites.len()) else {
        say(view, MessageKind::Info, t.choose_site.to_string());
        return;
    };
    let e = &doc.computed.figures.evaluation;
    let variant = doc.variants.open.as_deref().filter(|_| !doc.unsaved());
    let Some(case) = Case::new(s, e, i, variant) else {
        return;
    };
    fx.push(Effect::Store(StoreOp::Export {
        scenario_id: format!("{}-{}", s.info.id, s.sites[i].id),
        markdown: report::business_case_markdown(view.lang, &case),
    }));
}
