//! Everything a user can ask the app to do. Keys map to actions through the
//! key map ([`super::keymap`]); mouse events and modal input are turned into
//! actions by [`super::update::handle_event`].

use super::app::Screen;

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
    /// Answer to a yes/no question.
    Confirm(bool),
}
