//! Moving about: back (Esc, `q`), the picker and its selection, lists'
//! selections, scrolls kept inside the view, pages, the theme.

use super::{leave, new_scenario, opening, say};
use crate::i18n::{self, tui_text};
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::effect::Effect;
use crate::tui::room;
use crate::tui::ui::{self};
use crate::tui::view::{Confirm, Leave, MessageKind, Mode, Screen, View};

pub(super) fn toggle_theme(view: &mut View) {
    let lang = view.lang;
    let t = i18n::tui(lang);
    if view.no_color {
        say(view, MessageKind::Info, t.no_color_note.to_string());
        return;
    }
    view.theme = view.theme.next(false);
    let name = match view.theme {
        crate::tui::theme::ThemeKind::Default => t.theme_default,
        crate::tui::theme::ThemeKind::HighContrast => t.theme_high_contrast,
        crate::tui::theme::ThemeKind::Mono => t.theme_mono,
    };
    say(view, MessageKind::Info, tui_text::theme_now(lang, name));
}

pub(super) fn back(doc: Option<&mut Document>, view: &mut View, fx: &mut Vec<Effect>) {
    // The trash goes back to the saved variants; the list closes.
    if view.variant_trash.take().is_some() || view.variant_list.take().is_some() {
        return;
    }
    let Some(doc) = doc else {
        fx.push(Effect::Quit);
        return;
    };
    // A figure pointed at is let go first.
    if view.pointed.take().is_some() {
        return;
    }
    if matches!(view.mode, Mode::Prompt(_)) {
        view.mode = Mode::Normal;
        return;
    }
    if view.presentation {
        view.presentation = false;
        return;
    }
    if view.screen != Screen::Workshop {
        view.screen = Screen::Workshop;
        return;
    }
    let to_picker = view.picker.is_some();
    if doc.unsaved() && !room::leaving_keeps_changes(view) {
        view.mode = Mode::Confirm(if to_picker {
            Confirm::ToPicker
        } else {
            Confirm::Quit
        });
    } else if to_picker {
        leave(doc, Leave::ToPicker, fx);
    } else {
        leave(doc, Leave::Quit, fx);
    }
}

/// A selection among `n` items after [`Action::SelectPrev`],
/// [`Action::SelectNext`] (both wrapping) or [`Action::Select`].
pub(super) fn selection(selected: usize, n: usize, action: Action) -> usize {
    match action {
        _ if n == 0 => selected,
        Action::SelectPrev => (selected + n - 1) % n,
        Action::SelectNext => (selected + 1) % n,
        Action::Select(i) if i < n => i,
        _ => selected,
    }
}

/// Moves the picker's selection: its entries, then the row for a new
/// scenario.
pub(super) fn pick(view: &mut View, action: Action) {
    if let Some(p) = view.picker.as_mut() {
        p.selected = selection(p.selected, p.entries.len() + 1, action);
    }
}

/// Enter in the picker: the selected scenario becomes a document, or its
/// first error is said.
pub(super) fn open_entry(view: &mut View, fx: &mut Vec<Effect>) {
    let lang = view.lang;
    if view
        .picker
        .as_ref()
        .is_some_and(|p| p.selected == p.entries.len())
    {
        new_scenario::open(view);
        return;
    }
    let Some(entry) = view.picker.as_ref().and_then(|p| p.entries.get(p.selected)) else {
        return;
    };
    match &entry.scenario {
        Ok(s) => {
            let doc = Document::new(s.clone()).with_source(entry.text.clone());
            view.reset_for_document();
            let find = opening(&doc);
            fx.push(Effect::Open(Box::new(doc)));
            fx.extend(find);
        }
        Err(e) => {
            let text = format!(
                "{}: {}",
                i18n::tui(lang).invalid,
                tui_text::load_error(lang, e.line, e.col, &e.message(lang), e.more)
            );
            say(view, MessageKind::Error, text);
        }
    }
}

pub(super) fn add(v: usize, by: i32) -> usize {
    if by < 0 {
        v.saturating_sub(by.unsigned_abs() as usize)
    } else {
        v.saturating_add(by as usize)
    }
}

/// Keeps scroll positions inside what the view's size can show.
pub(crate) fn clamp_scroll(doc: Option<&Document>, view: &mut View) {
    let Some(doc) = doc else {
        return;
    };
    let (rows, cols) = ui::flows::max_scroll(doc, view);
    let text = ui::scenario::max_scroll(doc, view);
    let (compare_rows, compare_cols) = ui::compare::max_scroll(doc, view);
    let (budget_rows, budget_cols) = ui::budget::max_scroll(doc, view);
    let (sites_rows, sites_cols) = ui::sites::max_scroll(doc, view);
    let s = &mut view.scroll;
    s.sites_row = s.sites_row.min(sites_rows);
    s.sites_col = s.sites_col.min(sites_cols);
    s.budget = s.budget.min(budget_rows);
    s.budget_col = s.budget_col.min(budget_cols);
    s.flows_row = s.flows_row.min(rows);
    s.flows_col = s.flows_col.min(cols);
    s.scenario = s.scenario.min(text);
    s.compare_row = s.compare_row.min(compare_rows);
    s.compare_col = s.compare_col.min(compare_cols);
}

/// Turns [`Action::Page`] into rows for the view's size.
pub fn page_rows(view: &View) -> i32 {
    i32::from(view.size.1.saturating_sub(8).max(1))
}
