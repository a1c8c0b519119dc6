//! Everything a user can ask the app to do. Keys map to actions through the
//! key map ([`super::keymap`]); mouse events and modal input are turned into
//! actions by [`super::update::handle_event`], by the view's mode.

use super::view::{Answer, Screen};

/// One thing to do; [`super::update::update`] applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Select the previous lever (or picker entry).
    SelectPrev,
    /// Select the next lever (or picker entry).
    SelectNext,
    /// Select a lever (or picker entry) by its place in the list.
    Select(usize),
    /// Open the selected picker entry.
    Open,
    /// The picker: ask for a name and a template for a new scenario.
    NewScenario,
    /// New scenario dialog: the next (or previous) template.
    NewTemplate(i32),
    /// Move the selected lever this many steps (negative: down).
    Step(i32),
    /// Start typing an exact value for the selected lever.
    Edit,
    /// Put the selected lever back at the scenario's value.
    ResetLever,
    /// Put every lever back at the scenario's values.
    ResetAll,
    Undo,
    Redo,
    NextScreen,
    PrevScreen,
    GoTo(Screen),
    TogglePresentation,
    /// Presentation mode: between the key figures and the risk table.
    PresentationPage,
    /// Point at the next (or previous) figure of the screen and explain it
    /// in the status line (`i`, `I`).
    PointFigure(i32),
    /// Point at this figure (a click on it).
    PointAt(crate::i18n::glossary::Term),
    ToggleTheme,
    ToggleLanguage,
    ToggleHelp,
    /// Close what is open, leave the screen, or quit (asking first when
    /// changed levers would be lost).
    Back,
    /// Scroll the current table or text by rows (negative: up).
    Scroll(i32),
    /// Scroll by pages of the visible height (negative: up).
    Page(i32),
    /// Scroll a wide table by columns (negative: left).
    ScrollColumns(i32),
    ScrollTop,
    ScrollBottom,
    /// Typed text in the value prompt.
    PromptChar(char),
    PromptBackspace,
    PromptAccept,
    PromptCancel,
    /// Take the name prompt's hint as its text (Tab or →).
    PromptHint,
    /// Clear the text being typed (Ctrl+U), in any prompt or field.
    PromptClear,
    /// Answer to the open question.
    Confirm(Answer),
    /// End at once without asking, keeping unsaved levers in the recovery
    /// file for the next start (`q` where no question can be shown: the
    /// "too small" screen).
    QuitNow,
    /// Uncertainty screen: the next distribution in the histogram.
    CycleHistogram,
    /// Uncertainty screen: sort (and, when narrow, show) the tornado by
    /// the other figure.
    SortTornado,
    /// Open goal seek for the selected lever.
    GoalSeek,
    /// Goal seek: the next (or previous) field.
    GoalField(i32),
    /// Goal seek: the next (or previous) figure.
    GoalFigure(i32),
    /// Goal seek: typed text in the current field.
    GoalChar(char),
    GoalBackspace,
    /// Goal seek: search; on a found value, apply it.
    GoalAccept,
    GoalCancel,
    /// Save the levers as a named variant (asks for the name).
    SaveVariant,
    /// Open the variant list.
    OpenVariants,
    /// Write a note on the open variant.
    AddNote,
    /// Export a Markdown report.
    ExportReport,
    /// The next municipality (all of them, then each in turn): the budget
    /// screen's filter, the sites screen's choice, presentation's one
    /// municipality at a time.
    CycleSite,
    /// Choose this municipality (a click on its row).
    ChooseSite(usize),
    /// Export the chosen municipality's business case (sites screen).
    ExportBusinessCase,
    /// Write the contract annex (Markdown and docx) of the current levers.
    ExportAnnex,
    /// Compare screen: the next curve of the chart (and table/chart).
    CompareMetric,
    /// Variant list: close, move, open, rename, copy, delete, note, pick.
    ListClose,
    ListPrev,
    ListNext,
    ListOpen,
    ListRename,
    ListDuplicate,
    ListDelete,
    ListNote,
    ListToggleCompare,
    /// Variant list: show the deleted variants (the trash), or back to the
    /// saved ones.
    ListTrash,
    /// The trash: restore the selected deleted variant.
    ListRestore,
    /// A room over SSH (`super::room`): follow the facilitator, or stop.
    ToggleFollow,
    /// A room: open the participants overlay.
    Participants,
    /// Participants overlay: move the selection.
    ParticipantsMove(i32),
    ParticipantsClose,
    /// Participants overlay: give the floor to the participant of this row.
    HandOver(usize),
    /// Participants overlay: ask the facilitator for the floor.
    AskFloor,
    /// A room: continue in a copy of the room's levers of one's own.
    Fork,
    /// A copy: back to the room (asks first when the copy has changes).
    Rejoin,
}
