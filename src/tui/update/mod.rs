//! The only place state changes. An input event becomes an [`Action`]
//! (keys through the key map, by the view's [`Mode`]); [`update`] applies
//! it to the document and the view in one dispatch and returns the
//! [`Effect`]s for the host to run; the host's replies come back through
//! [`handle_event`]. The model runs here (through [`Document::apply`]),
//! never while drawing; nothing here touches the disk or the terminal.
//!
//! Input becomes actions in `input.rs`; the handlers live beside this
//! file: `levers.rs` (steps, typed values, resets, undo), `variants.rs`
//! (save, list, notes, compare, export, and the store's replies),
//! `risk.rs` (the uncertainty screen, goal seek and the background work
//! they want; `jobs.rs` starts and stops it), `navigation.rs` (back, the
//! picker, selections, scrolls, the theme), `recovery.rs` (unsaved levers
//! of an earlier run), `explain.rs` (pointing at a figure),
//! `new_scenario.rs` (the picker's new scenario from a template).

mod annex;
mod explain;
mod input;
mod jobs;
mod levers;
mod navigation;
mod new_scenario;
mod recovery;
mod risk;
mod sites;
mod variants;

pub use input::action_for_key;
pub use jobs::{jobs, sync};
pub use levers::{refusal, typed_value};
pub(crate) use navigation::clamp_scroll;
pub use navigation::page_rows;
pub use risk::parse_target;

use input::actions_for_mouse;
use jobs::{generations, job_changes};
use navigation::{add, back, open_entry, pick, toggle_theme};

use super::action::Action;
use super::document::Document;
use super::effect::{AfterList, Effect, StoreOp};
use super::event::Event;
use super::room;
use super::ui;
use super::view::{Answer, Confirm, Leave, Message, MessageKind, Mode, Screen, View};
use crate::i18n::{self, tui_text};

/// What handling an event did: whether the view may look different (so it
/// needs drawing; events that do nothing draw nothing), and the effects
/// for the host to run.
#[derive(Debug, Default)]
pub struct Handled {
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Handled {
    fn drawn(effects: Vec<Effect>) -> Handled {
        Handled {
            redraw: true,
            effects,
        }
    }

    fn only(redraw: bool) -> Handled {
        Handled {
            redraw,
            effects: Vec::new(),
        }
    }
}

/// Takes an event for a view of a document (none while the picker shows):
/// input becomes actions; the host's replies are applied.
pub fn handle_event(mut doc: Option<&mut Document>, view: &mut View, event: Event) -> Handled {
    match event {
        Event::Resize(w, h) => {
            view.size = (w, h);
            clamp_scroll(doc.as_deref(), view);
            Handled::only(true)
        }
        Event::Key(key) => match action_for_key(doc.as_deref(), view, key) {
            Some(action) => Handled::drawn(update(doc, view, action)),
            None => Handled::only(false),
        },
        // Nothing on the "too small" screen can be clicked.
        Event::Mouse(_) if view.too_small() => Handled::only(false),
        Event::Mouse(m) => {
            let actions = actions_for_mouse(doc.as_deref(), view, m);
            let mut effects = Vec::new();
            for a in &actions {
                effects.extend(update(doc.as_deref_mut(), view, *a));
            }
            Handled {
                redraw: !actions.is_empty(),
                effects,
            }
        }
        Event::ScenarioCreated { file_name, result } => {
            Handled::drawn(new_scenario::created(view, file_name, result))
        }
        reply => match doc {
            Some(doc) => receive(doc, view, reply),
            // A late answer for a document that is closed.
            None => Handled::only(false),
        },
    }
}

/// The host's answer to an effect this view's update returned.
fn receive(doc: &mut Document, view: &mut View, reply: Event) -> Handled {
    let mut fx = Vec::new();
    let redraw = match reply {
        Event::VariantsListed {
            scenario_id,
            then,
            result,
        } => variants::listed(doc, view, &scenario_id, then, result, &mut fx),
        Event::Saved { name, result } => variants::saved(doc, view, name, result, &mut fx),
        Event::Edited { edit, result } => variants::edited(doc, view, edit, result, &mut fx),
        Event::Exported(result) => variants::exported(view, result),
        Event::AnnexWritten(result) => annex::written(view, result),
        Event::RiskProgress {
            generation,
            done,
            total,
        } => risk::progress(doc, view, generation, done, total),
        Event::RiskDone { generation, output } => risk::finished(doc, view, generation, *output),
        Event::RecoveryFound {
            scenario_id,
            result,
        } => recovery::found(doc, view, &scenario_id, result, &mut fx),
        Event::RecoverySaved(result) => {
            if let Err(e) = result {
                let text = tui_text::recovery_not_kept(view.lang, &e.text(view.lang));
                say(view, MessageKind::Error, text);
            }
            true
        }
        Event::RecoveryDropped(result) => match result {
            Ok(()) => false,
            Err(e) => {
                say(view, MessageKind::Warning, e.text(view.lang));
                true
            }
        },
        Event::VariantsStale { scenario_id } => variants::stale(doc, &scenario_id, &mut fx),
        Event::Key(_) | Event::Mouse(_) | Event::Resize(..) | Event::ScenarioCreated { .. } => {
            false
        }
    };
    Handled {
        redraw,
        effects: fx,
    }
}

pub(super) fn say(view: &mut View, kind: MessageKind, text: String) {
    view.message = Some(Message { kind, text });
}

/// Applies one action to a view of a document (none while the picker
/// shows) and returns what the host must do.
pub fn update(mut doc: Option<&mut Document>, view: &mut View, action: Action) -> Vec<Effect> {
    view.message = None;
    if let Some(why) = room::refusal(view, action) {
        say(view, MessageKind::Warning, why.to_string());
        return Vec::new();
    }
    let followed = room::before_action(view);
    let mut fx = Vec::new();
    let before = doc
        .as_deref()
        .map(|d| (generations(&jobs(d, view)), view.screen));
    dispatch(doc.as_deref_mut(), view, action, &mut fx);
    room::after_action(view, followed);
    if let (Some(doc), Some((jobs_before, screen_before))) = (doc, before) {
        if view.screen == Screen::Compare && screen_before != Screen::Compare {
            // The variants are read when the comparison is opened (and
            // after the app's own writes), never after every key.
            fx.push(Effect::Store(StoreOp::List {
                scenario_id: doc.base.info.id.clone(),
                then: AfterList::Compare,
            }));
        }
        risk::keep_in_step(doc, view.wants());
        fx.extend(job_changes(&jobs_before, &jobs(doc, view)));
    }
    fx
}

/// The one dispatch: every action goes to exactly one handler, by the
/// action and whether a document is open.
fn dispatch(doc: Option<&mut Document>, view: &mut View, action: Action, fx: &mut Vec<Effect>) {
    use Action as A;
    match (action, doc) {
        (A::ToggleHelp, _) => {
            view.mode = match view.mode {
                Mode::Normal => Mode::Help,
                Mode::Help => Mode::Normal,
                _ => return,
            };
            view.scroll.help = 0;
        }
        // The help overlay scrolls, with or without a document.
        (A::Scroll(_) | A::Page(_) | A::ScrollTop | A::ScrollBottom, doc)
            if view.mode == Mode::Help =>
        {
            let max = ui::help::max_scroll(doc.as_deref(), view);
            let rows = ui::help::visible_rows(doc.as_deref(), view) as i32;
            let s = &mut view.scroll.help;
            *s = match action {
                A::Scroll(by) => add(*s, by),
                A::Page(pages) => add(*s, pages.saturating_mul(rows.max(1))),
                A::ScrollTop => 0,
                _ => max,
            }
            .min(max);
        }
        (A::QuitNow, doc) => quit_now(doc, fx),
        (A::ToggleLanguage, _) => {
            view.lang = view.lang.toggled();
            let text = i18n::tui(view.lang).language_name.to_string();
            say(view, MessageKind::Info, text);
        }
        (A::ToggleTheme, _) => toggle_theme(view),
        (A::Confirm(answer), doc) => confirm(doc, view, answer, fx),
        (A::Back, doc) => back(doc, view, fx),
        (
            A::ToggleFollow
            | A::Participants
            | A::ParticipantsMove(_)
            | A::ParticipantsClose
            | A::HandOver(_)
            | A::AskFloor
            | A::Fork
            | A::Rejoin,
            doc,
        ) => room::dispatch(doc.as_deref(), view, action, fx),
        (A::Page(pages), doc) => {
            let rows = page_rows(view);
            dispatch(doc, view, A::Scroll(pages.saturating_mul(rows)), fx);
        }
        // The picker.
        (A::SelectPrev | A::SelectNext | A::Select(_), None) => pick(view, action),
        (A::Open, None) => open_entry(view, fx),
        (A::NewScenario, None) => new_scenario::open(view),
        (A::NewTemplate(by), None) => new_scenario::choose(view, by),
        (A::PromptChar(c), None) => new_scenario::type_char(view, c),
        (A::PromptBackspace, None) => new_scenario::backspace(view),
        (A::PromptClear, None) => new_scenario::clear(view),
        (A::PromptCancel, None) => new_scenario::cancel(view),
        (A::PromptAccept, None) => new_scenario::accept(view, fx),
        (_, None) => {}
        // Levers.
        (A::SelectPrev | A::SelectNext | A::Select(_), Some(doc)) => {
            view.pointed = None;
            levers::select(doc, view, action)
        }
        (A::Step(steps), Some(doc)) => levers::step(doc, view, steps),
        (A::Edit, Some(doc)) => levers::edit(doc, view),
        (A::ResetLever, Some(doc)) => levers::reset(doc, view),
        (A::ResetAll, Some(doc)) => levers::reset_all(doc, view),
        (A::Undo, Some(doc)) => levers::undo_or_redo(doc, view, true),
        (A::Redo, Some(doc)) => levers::undo_or_redo(doc, view, false),
        // Typing into the open prompt: a lever's value, or a name or note.
        (A::PromptChar(c), Some(_)) => levers::type_char(view, c),
        (A::PromptBackspace, Some(_)) => levers::backspace(view),
        (A::PromptCancel, Some(_)) => {
            if matches!(view.mode, Mode::Prompt(_) | Mode::Input(_)) {
                view.mode = Mode::Normal;
                view.leave_after_save = None;
            }
        }
        (A::PromptHint, Some(_)) => levers::take_hint(view),
        (A::PromptClear, Some(_)) => levers::clear_input(view),
        (A::PromptAccept, Some(doc)) => match &view.mode {
            Mode::Prompt(_) => levers::accept(doc, view),
            Mode::Input(_) => variants::accept(doc, view, fx),
            _ => {}
        },
        // Screens and scrolling.
        (A::NextScreen, Some(_)) => {
            view.screen = view.screen.cycled(1);
            view.pointed = None;
        }
        (A::PrevScreen, Some(_)) => {
            view.screen = view.screen.cycled(-1);
            view.pointed = None;
        }
        (A::GoTo(s), Some(_)) => {
            if view.screen != s {
                view.pointed = None;
            }
            view.screen = s;
        }
        (A::TogglePresentation, Some(_)) => {
            view.presentation = !view.presentation;
            view.pointed = None;
            if matches!(view.mode, Mode::Prompt(_)) {
                view.mode = Mode::Normal;
            }
        }
        (A::PresentationPage, Some(_)) => {
            view.presentation_table = !view.presentation_table;
            view.pointed = None;
        }
        (A::PointFigure(by), Some(doc)) => explain::point(doc, view, by),
        (A::PointAt(term), Some(doc)) => explain::point_at(doc, view, term),
        (A::Scroll(by), Some(doc)) => {
            let s = &mut view.scroll;
            match view.screen {
                Screen::Compare => s.compare_row = add(s.compare_row, by),
                Screen::Flows => s.flows_row = add(s.flows_row, by),
                Screen::Scenario => s.scenario = add(s.scenario, by),
                Screen::Budget => s.budget = add(s.budget, by),
                Screen::Sites => s.sites_row = add(s.sites_row, by),
                _ => {}
            }
            clamp_scroll(Some(doc), view);
        }
        (A::ScrollColumns(by), Some(doc)) => {
            let s = &mut view.scroll;
            match view.screen {
                Screen::Flows => s.flows_col = add(s.flows_col, by),
                Screen::Budget => s.budget_col = add(s.budget_col, by),
                Screen::Sites => s.sites_col = add(s.sites_col, by),
                Screen::Compare => s.compare_col = add(s.compare_col, by),
                _ => {}
            }
            clamp_scroll(Some(doc), view);
        }
        (A::ScrollTop, Some(_)) => {
            let s = &mut view.scroll;
            match view.screen {
                Screen::Compare => s.compare_row = 0,
                Screen::Flows => s.flows_row = 0,
                Screen::Scenario => s.scenario = 0,
                Screen::Budget => s.budget = 0,
                Screen::Sites => s.sites_row = 0,
                _ => {}
            }
        }
        (A::ScrollBottom, Some(doc)) => {
            let s = &mut view.scroll;
            match view.screen {
                Screen::Compare => s.compare_row = usize::MAX,
                Screen::Flows => s.flows_row = usize::MAX,
                Screen::Scenario => s.scenario = usize::MAX,
                Screen::Budget => s.budget = usize::MAX,
                Screen::Sites => s.sites_row = usize::MAX,
                _ => {}
            }
            clamp_scroll(Some(doc), view);
        }
        // The uncertainty screen and goal seek.
        (A::CycleHistogram, Some(_)) => view.histogram = view.histogram.next(),
        (A::SortTornado, Some(_)) => view.tornado_sort = risk::other_figure(view.tornado_sort),
        (A::GoalSeek, Some(doc)) => risk::open_goal(doc, view),
        (A::GoalField(by), Some(doc)) => risk::goal_field(doc, view, by),
        (A::GoalFigure(by), Some(doc)) => risk::goal_figure(doc, view, by),
        (A::GoalChar(c), Some(_)) => risk::goal_char(view, c),
        (A::GoalBackspace, Some(_)) => risk::goal_backspace(view),
        (A::GoalAccept, Some(doc)) => risk::goal_accept(doc, view),
        (A::GoalCancel, Some(_)) => {
            if matches!(view.mode, Mode::Goal(_)) {
                view.mode = Mode::Normal;
            }
        }
        // Variants, the comparison and reports.
        (A::SaveVariant, Some(doc)) => variants::ask_name(doc, view),
        (A::AddNote, Some(doc)) => variants::ask_note(doc, view),
        (A::OpenVariants, Some(doc)) => variants::read(doc, AfterList::ShowList, fx),
        (A::ExportReport, Some(doc)) => variants::read(doc, AfterList::Export, fx),
        (A::ExportAnnex, Some(doc)) => annex::export(doc, view, fx),
        (A::CompareMetric, Some(doc)) => variants::next_metric(doc, view),
        (A::ListClose, Some(_)) => (view.variant_list, view.variant_trash) = (None, None),
        (A::ListPrev, Some(doc)) => variants::move_in_list(doc, view, -1),
        (A::ListNext, Some(doc)) => variants::move_in_list(doc, view, 1),
        (A::ListOpen, Some(doc)) => variants::open_selected(doc, view),
        (A::ListRename, Some(doc)) => variants::ask_rename(doc, view, false),
        (A::ListDuplicate, Some(doc)) => variants::ask_rename(doc, view, true),
        (A::ListDelete, Some(doc)) => variants::ask_delete(doc, view),
        (A::ListNote, Some(doc)) => variants::note_selected(doc, view),
        (A::ListToggleCompare, Some(doc)) => variants::toggle_compare(doc, view),
        (A::ListTrash, Some(doc)) => variants::toggle_trash(doc, view),
        (A::ListRestore, Some(doc)) => variants::restore_selected(doc, view, fx),
        (A::CycleSite, Some(doc)) => sites::cycle(doc, view),
        (A::ChooseSite(i), Some(doc)) => {
            view.site = (i < doc.current.sites.len()).then_some(i);
        }
        (A::ExportBusinessCase, Some(doc)) => sites::export(doc, view, fx),
        (A::Open | A::NewScenario | A::NewTemplate(_), Some(_)) => {}
    }
}

fn confirm(doc: Option<&mut Document>, view: &mut View, answer: Answer, fx: &mut Vec<Effect>) {
    let Mode::Confirm(asked) = std::mem::take(&mut view.mode) else {
        return;
    };
    let Some(doc) = doc else {
        return;
    };
    match (asked, answer) {
        (Confirm::Restore(found), answer) => recovery::answer(doc, view, *found, answer, fx),
        (Confirm::Quit, Answer::Yes) => leave(doc, Leave::Quit, fx),
        (Confirm::ToPicker, Answer::Yes) => leave(doc, Leave::ToPicker, fx),
        (Confirm::Rejoin, Answer::Yes) => leave(doc, Leave::Rejoin, fx),
        (Confirm::Rejoin, Answer::SaveFirst) => variants::save_then(doc, view, Leave::Rejoin),
        (Confirm::Quit, Answer::SaveFirst) => variants::save_then(doc, view, Leave::Quit),
        (Confirm::ToPicker, Answer::SaveFirst) => variants::save_then(doc, view, Leave::ToPicker),
        (Confirm::OverwriteVariant(name), Answer::Yes) => variants::save(doc, &name, true, fx),
        // Not replaced: back to the name, to choose another.
        (Confirm::OverwriteVariant(name), _) => variants::ask_other_name(view, name),
        (Confirm::DeleteVariant(name), Answer::Yes) => variants::delete(doc, name, fx),
        _ => {}
    }
}

/// Ends the session (or goes back to the picker) after the user chose to:
/// nothing unsaved is left, so the recovery file this document restored
/// from is removed.
pub(super) fn leave(doc: &mut Document, to: Leave, fx: &mut Vec<Effect>) {
    if let Some(text) = doc.recovered_from.take() {
        fx.push(Effect::Store(StoreOp::DropRecovery {
            scenario_id: doc.base.info.id.clone(),
            text,
        }));
    }
    fx.push(match to {
        Leave::Quit => Effect::Quit,
        Leave::ToPicker => Effect::Close,
        Leave::Rejoin => Effect::Rejoin,
    });
}

/// `q` where no question can be shown: quit, keeping unsaved levers for
/// the next start.
fn quit_now(doc: Option<&mut Document>, fx: &mut Vec<Effect>) {
    match doc {
        Some(doc) if doc.unsaved() => {
            let variant = Box::new(doc.recovery_variant());
            fx.push(Effect::Store(StoreOp::SaveRecovery { variant }));
            fx.push(Effect::Quit);
        }
        Some(doc) => leave(doc, Leave::Quit, fx),
        None => fx.push(Effect::Quit),
    }
}

/// What a host runs when it opens a document (by argument, or from the
/// picker, which does this itself): look for unsaved levers an earlier run
/// left, to offer them.
pub fn opening(doc: &Document) -> Vec<Effect> {
    vec![Effect::Store(StoreOp::FindRecovery {
        scenario_id: doc.base.info.id.clone(),
    })]
}
