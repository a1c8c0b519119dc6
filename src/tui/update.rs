//! The only place the app's state changes: events become actions, and
//! [`update`] applies an action. The model runs here (through
//! [`Workshop::apply`]), never while drawing.

use rust_decimal::Decimal;

use super::action::Action;
use super::app::{App, Confirm, Message, MessageKind, Prompt, Screen, Workshop};
use super::event::{Event, Key, KeyCode, MouseKind};
use super::keymap;
use super::risk_update;
use super::ui::{self, Hit};
use super::variants;
use crate::format::{self, Lang};
use crate::i18n::{self, tui_text};
use crate::levers::{self, Lever, LeverError, Unit};

/// Longest text the value prompt takes.
const PROMPT_MAX: usize = 40;

/// Applies an input event. Returns whether anything may have changed, i.e.
/// whether the screen needs drawing; events that do nothing draw nothing.
pub fn handle_event(app: &mut App, event: Event) -> bool {
    match event {
        Event::Resize(w, h) => {
            app.size = (w, h);
            clamp_scroll(app);
            true
        }
        Event::Key(key) => match action_for_key(app, key) {
            Some(action) => {
                update(app, action);
                true
            }
            None => false,
        },
        Event::Mouse(m) => {
            let actions = actions_for_mouse(app, m.kind, m.column, m.row);
            let any = !actions.is_empty();
            for a in actions {
                update(app, a);
            }
            any
        }
        Event::RiskProgress {
            generation,
            done,
            total,
        } => risk_update::progress(app, generation, done, total),
        Event::RiskDone { generation, output } => risk_update::finished(app, generation, *output),
    }
}

/// The action of a key in the app's current state.
pub fn action_for_key(app: &App, key: Key) -> Option<Action> {
    if app.confirm.is_some() {
        return match key.code {
            KeyCode::Char('y' | 'Y' | 'j' | 'J') => Some(Action::Confirm(true)),
            KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        };
    }
    if app.help {
        return Some(Action::ToggleHelp);
    }
    if let Some(dialog) = risk_update::dialog(app) {
        return risk_update::goal_key(dialog, key);
    }
    if app.input.is_some() || app.workshop.as_ref().is_some_and(|w| w.prompt.is_some()) {
        return match key.code {
            KeyCode::Enter => Some(Action::PromptAccept),
            KeyCode::Esc => Some(Action::PromptCancel),
            KeyCode::Backspace => Some(Action::PromptBackspace),
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => Some(Action::PromptChar(c)),
            _ => None,
        };
    }
    keymap::lookup(app.contexts(), key)
}

fn actions_for_mouse(app: &App, kind: MouseKind, column: u16, row: u16) -> Vec<Action> {
    if app.confirm.is_some() || app.help || app.input.is_some() || app.variant_list.is_some() {
        return Vec::new();
    }
    if app.workshop.as_ref().is_some_and(|w| w.prompt.is_some()) {
        return Vec::new();
    }
    if risk_update::dialog(app).is_some() {
        return Vec::new();
    }
    let hit = ui::hit(app, column, row);
    let wheel = match kind {
        MouseKind::Click => 0,
        MouseKind::ScrollUp => 1,
        MouseKind::ScrollDown => -1,
    };
    let Some(ws) = &app.workshop else {
        return match (hit, wheel) {
            (Hit::Entry(i), 0) => vec![Action::Select(i)],
            (_, 1) => vec![Action::SelectPrev],
            (_, -1) => vec![Action::SelectNext],
            _ => Vec::new(),
        };
    };
    let levers = ws.presentation
        || matches!(
            ws.screen,
            Screen::Workshop | Screen::Risk | Screen::Uncertainty
        );
    match (hit, wheel) {
        (Hit::Tab(s), 0) => vec![Action::GoTo(s)],
        (Hit::Lever(i), 0) => vec![Action::Select(i)],
        (Hit::Lever(i), w) => vec![Action::Select(i), Action::Step(w)],
        (_, 0) => Vec::new(),
        (_, w) if levers => vec![Action::Step(w)],
        (_, w) if matches!(ws.screen, Screen::Flows | Screen::Scenario) => {
            vec![Action::Scroll(-3 * w)]
        }
        _ => Vec::new(),
    }
}

fn say(app: &mut App, kind: MessageKind, text: String) {
    app.message = Some(Message { kind, text });
}

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) {
    app.message = None;
    if variants::input_action(app, action) || variants::handle(app, action) {
        variants::refresh(app);
        risk_update::sync(app);
        return;
    }
    let lang = app.lang;
    let t = i18n::tui(lang);
    match action {
        Action::ToggleHelp => app.help = !app.help,
        Action::ToggleLanguage => {
            app.lang = lang.toggled();
            let text = i18n::tui(app.lang).language_name.to_string();
            say(app, MessageKind::Info, text);
        }
        Action::ToggleTheme => {
            if app.no_color {
                say(app, MessageKind::Info, t.no_color_note.to_string());
            } else {
                app.theme = app.theme.next(false);
                let name = match app.theme {
                    super::theme::ThemeKind::Default => t.theme_default,
                    super::theme::ThemeKind::HighContrast => t.theme_high_contrast,
                    super::theme::ThemeKind::Mono => t.theme_mono,
                };
                say(app, MessageKind::Info, tui_text::theme_now(lang, name));
            }
        }
        Action::Confirm(yes) => {
            let asked = app.confirm.take();
            if yes {
                match asked {
                    Some(Confirm::Quit) => app.quit = true,
                    Some(Confirm::ToPicker) => app.workshop = None,
                    Some(Confirm::OverwriteVariant(name)) => {
                        if let Some(store) = app.store.clone() {
                            variants::save(app, &store, &name, true);
                        }
                    }
                    Some(Confirm::DeleteVariant(name)) => variants::delete(app, &name),
                    None => {}
                }
            }
        }
        Action::Back => back(app),
        Action::CycleHistogram
        | Action::SortTornado
        | Action::GoalSeek
        | Action::GoalField(_)
        | Action::GoalFigure(_)
        | Action::GoalChar(_)
        | Action::GoalBackspace
        | Action::GoalAccept
        | Action::GoalCancel => risk_update::action(app, action),
        Action::Page(pages) => {
            let rows = page_rows(app);
            update(app, Action::Scroll(pages.saturating_mul(rows)));
        }
        _ => match app.workshop.as_deref_mut() {
            None => picker_action(app, action),
            Some(ws) => {
                if let Some((kind, text)) = workshop_action(ws, lang, action) {
                    say(app, kind, text);
                }
                if matches!(
                    action,
                    Action::Scroll(_)
                        | Action::Page(_)
                        | Action::ScrollColumns(_)
                        | Action::ScrollBottom
                ) {
                    clamp_scroll(app);
                }
            }
        },
    }
    variants::refresh(app);
    risk_update::sync(app);
}

fn back(app: &mut App) {
    if app.variant_list.take().is_some() {
        return;
    }
    let Some(ws) = app.workshop.as_deref_mut() else {
        app.quit = true;
        return;
    };
    if ws.prompt.take().is_some() {
        return;
    }
    if ws.presentation {
        ws.presentation = false;
        return;
    }
    if ws.screen != Screen::Workshop {
        ws.screen = Screen::Workshop;
        return;
    }
    let changed = ws.changed_count();
    let to_picker = app.picker.is_some();
    if changed > 0 {
        app.confirm = Some(if to_picker {
            Confirm::ToPicker
        } else {
            Confirm::Quit
        });
    } else if to_picker {
        app.workshop = None;
    } else {
        app.quit = true;
    }
}

fn picker_action(app: &mut App, action: Action) {
    let lang = app.lang;
    let Some(p) = app.picker.as_mut() else {
        return;
    };
    let n = p.entries.len();
    if n == 0 {
        return;
    }
    match action {
        Action::SelectPrev => p.selected = (p.selected + n - 1) % n,
        Action::SelectNext => p.selected = (p.selected + 1) % n,
        Action::Select(i) if i < n => p.selected = i,
        Action::Open => match p.entries.get(p.selected).map(|e| &e.scenario) {
            Some(Ok(s)) => {
                let text = p.entries[p.selected].text.clone();
                app.workshop = Some(Box::new(Workshop::new(s.clone()).with_source(text)));
            }
            Some(Err(e)) => {
                let text = format!(
                    "{}: {}",
                    i18n::tui(lang).invalid,
                    tui_text::load_error(lang, e.line, e.col, &e.message, e.more)
                );
                say(app, MessageKind::Error, text);
            }
            None => {}
        },
        _ => {}
    }
}

/// A lever value as the screen shows it.
fn shown(lang: Lang, ws: &Workshop, lever: &Lever, v: Decimal) -> String {
    i18n::lever_value(lang, &ws.current, lever, v)
}

/// Why a value was refused, in the user's language.
pub fn refusal(lang: Lang, ws: &Workshop, lever: &Lever, err: &LeverError) -> String {
    match err {
        LeverError::OutOfRange {
            value, min, max, ..
        } => tui_text::out_of_range(
            lang,
            &shown(lang, ws, lever, *value),
            &shown(lang, ws, lever, *min),
            &shown(lang, ws, lever, *max),
        ),
        _ => tui_text::refused(lang, &i18n::errors::lever_reason(lang, err)),
    }
}

/// What a typed value means for a lever: the number as typed; for a share
/// or rate typed without `%` that lies outside the range, the same number
/// in per cent when that lies inside (`80` on the achievement lever is 80 %).
pub fn typed_value(lever: &Lever, input: &str) -> Option<Decimal> {
    let v = format::parse_number(input)?;
    let percent_like = matches!(lever.unit, Unit::Share | Unit::Rate);
    if percent_like && !input.contains('%') && (v < lever.min || v > lever.max) {
        let p = v / Decimal::ONE_HUNDRED;
        if p >= lever.min && p <= lever.max {
            return Some(p);
        }
    }
    Some(v)
}

type Said = Option<(MessageKind, String)>;

fn workshop_action(ws: &mut Workshop, lang: Lang, action: Action) -> Said {
    let t = i18n::tui(lang);
    let n = ws.levers.len();
    match action {
        Action::SelectPrev if n > 0 => ws.selected = (ws.selected + n - 1) % n,
        Action::SelectNext if n > 0 => ws.selected = (ws.selected + 1) % n,
        Action::Select(i) if i < n => ws.selected = i,
        Action::Step(steps) => return step(ws, lang, steps),
        Action::Edit if n > 0 => ws.prompt = Some(Prompt::default()),
        Action::PromptChar(c) => {
            if let Some(p) = ws.prompt.as_mut()
                && p.input.chars().count() < PROMPT_MAX
            {
                p.input.push(c);
                p.error = None;
            }
        }
        Action::PromptBackspace => {
            if let Some(p) = ws.prompt.as_mut() {
                p.input.pop();
                p.error = None;
            }
        }
        Action::PromptCancel => ws.prompt = None,
        Action::PromptAccept => return accept(ws, lang),
        Action::ResetLever => {
            let lever = ws.lever()?.clone();
            if !ws.is_changed(&lever) {
                return None;
            }
            return match levers::set_lever(&ws.current, &lever, lever.value) {
                Ok(next) => {
                    ws.apply(next);
                    Some((MessageKind::Info, t.reset_done.to_string()))
                }
                Err(e) => Some((MessageKind::Error, refusal(lang, ws, &lever, &e))),
            };
        }
        Action::ResetAll => {
            if ws.current == ws.base {
                return Some((MessageKind::Info, t.nothing_changed.to_string()));
            }
            ws.apply(ws.base.clone());
            return Some((MessageKind::Info, t.reset_all_done.to_string()));
        }
        Action::Undo => {
            let Some(prev) = ws.undo.pop() else {
                return Some((MessageKind::Info, t.nothing_to_undo.to_string()));
            };
            let now = ws.replace(prev);
            ws.redo.push(now);
            return Some((MessageKind::Info, t.undone.to_string()));
        }
        Action::Redo => {
            let Some(next) = ws.redo.pop() else {
                return Some((MessageKind::Info, t.nothing_to_redo.to_string()));
            };
            let now = ws.replace(next);
            ws.undo.push(now);
            return Some((MessageKind::Info, t.redone.to_string()));
        }
        Action::NextScreen => ws.screen = ws.screen.cycled(1),
        Action::PrevScreen => ws.screen = ws.screen.cycled(-1),
        Action::GoTo(s) => ws.screen = s,
        Action::TogglePresentation => {
            ws.presentation = !ws.presentation;
            ws.prompt = None;
        }
        Action::Scroll(by) => match ws.screen {
            Screen::Compare => {
                ws.variants.compare.row = add(ws.variants.compare.row, by);
            }
            Screen::Flows => ws.scroll.flows_row = add(ws.scroll.flows_row, by),
            Screen::Scenario => ws.scroll.scenario = add(ws.scroll.scenario, by),
            _ => {}
        },
        Action::ScrollColumns(by) if ws.screen == Screen::Flows => {
            ws.scroll.flows_col = add(ws.scroll.flows_col, by);
        }
        Action::ScrollColumns(by) if ws.screen == Screen::Compare => {
            ws.variants.compare.col = add(ws.variants.compare.col, by);
        }
        Action::ScrollTop => match ws.screen {
            Screen::Compare => ws.variants.compare.row = 0,
            Screen::Flows => ws.scroll.flows_row = 0,
            Screen::Scenario => ws.scroll.scenario = 0,
            _ => {}
        },
        Action::ScrollBottom => match ws.screen {
            Screen::Compare => ws.variants.compare.row = usize::MAX,
            Screen::Flows => ws.scroll.flows_row = usize::MAX,
            Screen::Scenario => ws.scroll.scenario = usize::MAX,
            _ => {}
        },
        _ => {}
    }
    None
}

fn add(v: usize, by: i32) -> usize {
    if by < 0 {
        v.saturating_sub(by.unsigned_abs() as usize)
    } else {
        v.saturating_add(by as usize)
    }
}

fn step(ws: &mut Workshop, lang: Lang, steps: i32) -> Said {
    let lever = ws.lever()?.clone();
    let now = ws.value(&lever);
    let next = levers::stepped(&lever, now, steps);
    if next == now {
        let label = i18n::lever_label(lang, &ws.current, &lever);
        let value = shown(lang, ws, &lever, now);
        let text = if steps > 0 {
            tui_text::at_max(lang, &label, &value)
        } else {
            tui_text::at_min(lang, &label, &value)
        };
        return Some((MessageKind::Warning, text));
    }
    match levers::set_lever(&ws.current, &lever, next) {
        Ok(s) => {
            ws.apply(s);
            None
        }
        Err(e) => Some((MessageKind::Error, refusal(lang, ws, &lever, &e))),
    }
}

fn accept(ws: &mut Workshop, lang: Lang) -> Said {
    let lever = ws.lever()?.clone();
    let input = ws.prompt.as_ref()?.input.trim().to_string();
    if input.is_empty() {
        ws.prompt = None;
        return None;
    }
    let error = match typed_value(&lever, &input) {
        None => tui_text::not_a_number(lang, &input),
        Some(v) => match levers::set_lever(&ws.current, &lever, v) {
            Ok(s) => {
                ws.prompt = None;
                if s != ws.current {
                    ws.apply(s);
                }
                return None;
            }
            Err(e) => refusal(lang, ws, &lever, &e),
        },
    };
    if let Some(p) = ws.prompt.as_mut() {
        p.error = Some(error.clone());
    }
    Some((MessageKind::Error, error))
}

/// Keeps scroll positions inside what the current size can show.
fn clamp_scroll(app: &mut App) {
    let (rows, cols) = ui::flows::max_scroll(app);
    let text = ui::scenario::max_scroll(app);
    let compare = app
        .workshop
        .as_deref()
        .map_or((0, 0), |ws| ui::compare::max_scroll(app, ws));
    if let Some(ws) = app.workshop.as_deref_mut() {
        ws.scroll.flows_row = ws.scroll.flows_row.min(rows);
        ws.scroll.flows_col = ws.scroll.flows_col.min(cols);
        ws.scroll.scenario = ws.scroll.scenario.min(text);
        let c = &mut ws.variants.compare;
        c.row = c.row.min(compare.0);
        c.col = c.col.min(compare.1);
    }
}

/// Turns [`Action::Page`] into rows for the current size.
pub fn page_rows(app: &App) -> i32 {
    i32::from(app.size.1.saturating_sub(8).max(1))
}
