//! Update of the levers: selecting, stepping, typing an exact value,
//! resets, undo and redo; and typing into whichever prompt is open.

use rust_decimal::Decimal;

use super::say;
use crate::format::{self, Lang};
use crate::i18n::{self, tui_text};
use crate::levers::{self, Lever, LeverError, Unit};
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::view::{MessageKind, Mode, Prompt, View};

/// Longest text the value prompt takes.
const PROMPT_MAX: usize = 40;

/// Longest name or note typed.
const INPUT_MAX: usize = 200;

/// A lever value as the screen shows it.
fn shown(lang: Lang, doc: &Document, lever: &Lever, v: Decimal) -> String {
    i18n::lever_value(lang, &doc.current, lever, v)
}

/// Why a value was refused, in the user's language.
pub fn refusal(lang: Lang, doc: &Document, lever: &Lever, err: &LeverError) -> String {
    match err {
        LeverError::OutOfRange {
            value, min, max, ..
        } => tui_text::out_of_range(
            lang,
            &shown(lang, doc, lever, *value),
            &shown(lang, doc, lever, *min),
            &shown(lang, doc, lever, *max),
        ),
        _ => tui_text::refused(lang, &i18n::errors::lever_reason(lang, err)),
    }
}

/// What a typed value means for a lever: the number as typed; for a share
/// or rate typed without `%` that lies outside the range, the same number
/// in per cent when that lies inside (`80` on the achievement lever is 80 %).
pub fn typed_value(lang: Lang, lever: &Lever, input: &str) -> Result<Decimal, format::NumberError> {
    let v = format::parse_number(lang, input)?;
    let percent_like = matches!(lever.unit, Unit::Share | Unit::Rate);
    if percent_like && !input.contains('%') && (v < lever.min || v > lever.max) {
        let p = v / Decimal::ONE_HUNDRED;
        if p >= lever.min && p <= lever.max {
            return Ok(p);
        }
    }
    Ok(v)
}

/// Moves the selection among the levers.
pub(super) fn select(doc: &Document, view: &mut View, action: Action) {
    view.selected = super::navigation::selection(view.selected, doc.levers.len(), action);
}

/// Opens the value prompt of the selected lever.
pub(super) fn edit(doc: &Document, view: &mut View) {
    if !doc.levers.is_empty() {
        view.mode = Mode::Prompt(Prompt::default());
    }
}

pub(super) fn step(doc: &mut Document, view: &mut View, steps: i32) {
    let lang = view.lang;
    let Some(lever) = doc.lever(view.selected).cloned() else {
        return;
    };
    let now = doc.value(&lever);
    let next = levers::stepped(&lever, now, steps);
    if next == now {
        let label = i18n::lever_label(lang, &doc.current, &lever);
        let value = shown(lang, doc, &lever, now);
        let text = if steps > 0 {
            tui_text::at_max(lang, &label, &value)
        } else {
            tui_text::at_min(lang, &label, &value)
        };
        say(view, MessageKind::Warning, text);
        return;
    }
    match levers::set_lever(&doc.current, &lever, next) {
        Ok(s) => doc.apply(s),
        Err(e) => say(view, MessageKind::Error, refusal(lang, doc, &lever, &e)),
    }
}

/// Enter in the value prompt: sets the typed value, or keeps the prompt
/// open with the reason it was refused.
pub(super) fn accept(doc: &mut Document, view: &mut View) {
    let lang = view.lang;
    let Some(lever) = doc.lever(view.selected).cloned() else {
        return;
    };
    let Mode::Prompt(prompt) = &view.mode else {
        return;
    };
    let input = prompt.input.trim().to_string();
    if input.is_empty() {
        view.mode = Mode::Normal;
        return;
    }
    let error = match typed_value(lang, &lever, &input) {
        Err(e) => tui_text::refused(lang, &i18n::errors::number_error(lang, &e)),
        Ok(v) => match levers::set_lever(&doc.current, &lever, v) {
            Ok(s) => {
                view.mode = Mode::Normal;
                if s != doc.current {
                    doc.apply(s);
                }
                return;
            }
            Err(e) => refusal(lang, doc, &lever, &e),
        },
    };
    if let Mode::Prompt(p) = &mut view.mode {
        p.error = Some(error.clone());
    }
    say(view, MessageKind::Error, error);
}

pub(super) fn reset(doc: &mut Document, view: &mut View) {
    let lang = view.lang;
    let Some(lever) = doc.lever(view.selected).cloned() else {
        return;
    };
    if !doc.is_changed(&lever) {
        return;
    }
    match levers::set_lever(&doc.current, &lever, lever.value) {
        Ok(next) => {
            doc.apply(next);
            say(view, MessageKind::Info, i18n::tui(lang).reset_done.into());
        }
        Err(e) => say(view, MessageKind::Error, refusal(lang, doc, &lever, &e)),
    }
}

pub(super) fn reset_all(doc: &mut Document, view: &mut View) {
    let t = i18n::tui(view.lang);
    if doc.current == doc.base {
        say(view, MessageKind::Info, t.nothing_changed.into());
        return;
    }
    doc.apply(doc.base.clone());
    say(view, MessageKind::Info, t.reset_all_done.into());
}

/// Undo (`u`) or redo (Ctrl+r): the scenario moves from one stack to
/// the other.
pub(super) fn undo_or_redo(doc: &mut Document, view: &mut View, undo: bool) {
    let t = i18n::tui(view.lang);
    let (from, done, nothing) = if undo {
        (&mut doc.undo, t.undone, t.nothing_to_undo)
    } else {
        (&mut doc.redo, t.redone, t.nothing_to_redo)
    };
    let Some(other) = from.pop() else {
        say(view, MessageKind::Info, nothing.into());
        return;
    };
    let now = doc.replace(other);
    if undo {
        doc.redo.push(now);
    } else {
        doc.undo.push(now);
    }
    say(view, MessageKind::Info, done.into());
}

/// A typed character in the open prompt (a lever's value, or a name or
/// note), up to the prompt's length.
pub(super) fn type_char(view: &mut View, c: char) {
    match &mut view.mode {
        Mode::Prompt(p) if p.input.chars().count() < PROMPT_MAX => {
            p.input.push(c);
            p.error = None;
        }
        Mode::Input(i) if i.text.chars().count() < INPUT_MAX => {
            i.text.push(c);
            i.error = None;
        }
        _ => {}
    }
}

/// Changes the text of the open value prompt or name prompt (the last
/// refusal goes with it); false when neither is open.
fn edit_text(view: &mut View, edit: impl FnOnce(&mut String)) -> bool {
    match &mut view.mode {
        Mode::Prompt(p) => {
            edit(&mut p.input);
            p.error = None;
        }
        Mode::Input(i) => {
            edit(&mut i.text);
            i.error = None;
        }
        _ => return false,
    }
    true
}

pub(super) fn backspace(view: &mut View) {
    edit_text(view, |t| {
        t.pop();
    });
}

/// Tab or → in a name prompt: takes the hint as the text, when nothing
/// is typed yet.
pub(super) fn take_hint(view: &mut View) {
    if let Mode::Input(i) = &mut view.mode
        && i.text.is_empty()
        && let Some(hint) = &i.hint
    {
        i.text = hint.clone();
        i.error = None;
    }
}

/// Ctrl+U: clears what is typed in the open prompt or field.
pub(super) fn clear_input(view: &mut View) {
    if !edit_text(view, String::clear) {
        super::risk::goal_clear(view);
    }
}
