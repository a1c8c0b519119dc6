//! Input as actions: a key by the view's [`Mode`] (in normal mode through
//! the key map, `src/tui/keymap.rs`, and the room's keys), a click or
//! the wheel by what is under it.

use super::risk;
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::event::{Key, KeyCode, Mouse, MouseKind};
use crate::tui::keymap;
use crate::tui::room;
use crate::tui::ui::{self, Hit};
use crate::tui::view::{Confirm, Mode, Screen, View};

/// The action of a key in the view's current mode.
pub fn action_for_key(doc: Option<&Document>, view: &View, key: Key) -> Option<Action> {
    let ctrl = |c: char| key.mods.ctrl && key.code == KeyCode::Char(c);
    if view.too_small() {
        // Only the size message shows: no key may act unseen.
        let quit = ctrl('c') || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc);
        return quit.then_some(Action::QuitNow);
    }
    match &view.mode {
        Mode::Confirm(asked) => confirm_key(asked, key),
        Mode::Help => Some(help_key(key)),
        Mode::Goal(dialog) => risk::goal_key(dialog, key),
        Mode::Participants(_) => room::participants_key(view, key),
        Mode::NewScenario(_) => match key.code {
            KeyCode::Enter => Some(Action::PromptAccept),
            KeyCode::Esc => Some(Action::PromptCancel),
            _ if ctrl('c') => Some(Action::PromptCancel),
            _ if ctrl('u') => Some(Action::PromptClear),
            KeyCode::Backspace => Some(Action::PromptBackspace),
            KeyCode::Up | KeyCode::BackTab => Some(Action::NewTemplate(-1)),
            KeyCode::Down | KeyCode::Tab => Some(Action::NewTemplate(1)),
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => Some(Action::PromptChar(c)),
            _ => None,
        },
        Mode::Prompt(_) | Mode::Input(_) => match key.code {
            KeyCode::Enter => Some(Action::PromptAccept),
            KeyCode::Esc => Some(Action::PromptCancel),
            _ if ctrl('c') => Some(Action::PromptCancel),
            _ if ctrl('u') => Some(Action::PromptClear),
            KeyCode::Backspace => Some(Action::PromptBackspace),
            KeyCode::Tab | KeyCode::Right => Some(Action::PromptHint),
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => Some(Action::PromptChar(c)),
            _ => None,
        },
        Mode::Normal => {
            keymap::lookup(view.contexts(doc.is_some()), key).or_else(|| room::lookup(view, key))
        }
    }
}

/// The answer a key gives to a question. Yes needs a key that moves
/// nothing elsewhere (`y`, `Y`, `J`; never `j`, which moves down in every
/// list); on a destructive question Enter is no, the safe default. Keys
/// that answer nothing are ignored.
fn confirm_key(asked: &Confirm, key: Key) -> Option<Action> {
    use crate::tui::view::Answer as A;
    if key.mods.ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Confirm(A::Cancel));
    }
    if key.mods.ctrl || key.mods.alt {
        return None;
    }
    let leaving = matches!(asked, Confirm::Quit | Confirm::ToPicker | Confirm::Rejoin);
    let answer = match key.code {
        KeyCode::Char('y' | 'Y' | 'J') => A::Yes,
        KeyCode::Enter if asked.is_destructive() => A::No,
        KeyCode::Enter => A::Yes,
        KeyCode::Char('n' | 'N') => A::No,
        KeyCode::Esc | KeyCode::Char('q') => A::Cancel,
        KeyCode::Char('s') if leaving => A::SaveFirst,
        _ => return None,
    };
    Some(Action::Confirm(answer))
}

/// Keys in the help overlay: ↑/↓ (k/j), PgUp/PgDn, Home/End scroll it;
/// any other key closes it.
fn help_key(key: Key) -> Action {
    match key.code {
        _ if key.mods.ctrl || key.mods.alt => Action::ToggleHelp,
        KeyCode::Up | KeyCode::Char('k') => Action::Scroll(-1),
        KeyCode::Down | KeyCode::Char('j') => Action::Scroll(1),
        KeyCode::PageUp => Action::Page(-1),
        KeyCode::PageDown => Action::Page(1),
        KeyCode::Home => Action::ScrollTop,
        KeyCode::End => Action::ScrollBottom,
        _ => Action::ToggleHelp,
    }
}

pub(super) fn actions_for_mouse(doc: Option<&Document>, view: &View, m: Mouse) -> Vec<Action> {
    if view.mode != Mode::Normal || view.variant_list.is_some() {
        return Vec::new();
    }
    let hit = ui::hit(doc, view, m.column, m.row);
    let wheel = match m.kind {
        MouseKind::Click => 0,
        MouseKind::ScrollUp => 1,
        MouseKind::ScrollDown => -1,
    };
    if doc.is_none() {
        return match (hit, wheel) {
            (Hit::Entry(i), 0) => vec![Action::Select(i)],
            (_, 1) => vec![Action::SelectPrev],
            (_, -1) => vec![Action::SelectNext],
            _ => Vec::new(),
        };
    }
    let levers = view.presentation
        || matches!(
            view.screen,
            Screen::Workshop | Screen::Risk | Screen::Uncertainty
        );
    match (hit, wheel) {
        (Hit::Tab(s), 0) => vec![Action::GoTo(s)],
        (Hit::Figure(term), 0) => vec![Action::PointAt(term)],
        (Hit::Lever(i), 0) => vec![Action::Select(i)],
        (Hit::Site(i), 0) => vec![Action::ChooseSite(i)],
        (Hit::Lever(i), w) => vec![Action::Select(i), Action::Step(w)],
        (_, 0) => Vec::new(),
        (_, w) if levers => vec![Action::Step(w)],
        (_, w)
            if matches!(
                view.screen,
                Screen::Flows | Screen::Scenario | Screen::Budget | Screen::Sites
            ) =>
        {
            vec![Action::Scroll(-3 * w)]
        }
        _ => Vec::new(),
    }
}
