//! Everything update reacts to besides actions: the terminal's input in the
//! app's own terms (converted at the edge, `src/tui/terminal/events.rs`, so the
//! app never sees a terminal library type), and the host's replies to the
//! [`super::Effect`]s it ran (the store's answers, background progress and
//! results).

use std::path::PathBuf;

use super::effect::{AfterList, StoreFailure, VariantEdit};
use super::recovery::Recovery;
use super::variants::VariantsRead;

/// A key without modifiers, in the app's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Home,
    End,
    PageUp,
    PageDown,
}

/// Modifier keys held with a key. Shift is folded into the character for
/// letters (`R`, not Shift+r) and into [`KeyCode::BackTab`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mods {
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        shift: false,
        ctrl: false,
        alt: false,
    };
    pub const SHIFT: Mods = Mods {
        shift: true,
        ctrl: false,
        alt: false,
    };
    pub const CTRL: Mods = Mods {
        shift: false,
        ctrl: true,
        alt: false,
    };
}

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Mods,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A key with Shift.
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::SHIFT,
        }
    }

    /// A key with Ctrl.
    pub const fn ctrl(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::CTRL,
        }
    }
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    ScrollUp,
    ScrollDown,
}

/// A mouse event at a cell (column, row from the top left, 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Everything update reacts to besides actions: input, and replies.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Key(Key),
    Mouse(Mouse),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The variant store was read ([`super::StoreOp::List`]).
    VariantsListed {
        scenario_id: String,
        then: AfterList,
        result: Result<VariantsRead, StoreFailure>,
    },
    /// A variant was saved, or not ([`super::StoreOp::Save`]); the path
    /// of its file.
    Saved {
        name: String,
        result: Result<PathBuf, StoreFailure>,
    },
    /// A variant was renamed, copied, deleted or given a note, or not
    /// ([`super::StoreOp::Edit`]).
    Edited {
        edit: VariantEdit,
        result: Result<(), StoreFailure>,
    },
    /// A report was written, or not ([`super::StoreOp::Export`]); the path
    /// of its file.
    Exported(Result<PathBuf, StoreFailure>),
    /// The contract annex was written, or not
    /// ([`super::StoreOp::ExportAnnex`]); the paths of its files.
    AnnexWritten(Result<Vec<PathBuf>, StoreFailure>),
    /// The scenario's recovery file was read ([`super::StoreOp::FindRecovery`]):
    /// `None` when there is none.
    RecoveryFound {
        scenario_id: String,
        result: Result<Option<Box<Recovery>>, StoreFailure>,
    },
    /// Unsaved levers were kept, or not ([`super::StoreOp::SaveRecovery`]);
    /// the path of the file.
    RecoverySaved(Result<PathBuf, StoreFailure>),
    /// The recovery file was removed, or not
    /// ([`super::StoreOp::DropRecovery`]).
    RecoveryDropped(Result<(), StoreFailure>),
    /// Background work ([`super::risk_job`]) has made `done` of `total` draws.
    RiskProgress {
        generation: u64,
        done: u32,
        total: u32,
    },
    /// Background work has finished.
    RiskDone {
        generation: u64,
        output: Box<super::risk_job::RiskOutput>,
    },
    /// A new scenario file was written, or not
    /// ([`super::StoreOp::NewScenario`]): its path and text.
    ScenarioCreated {
        file_name: String,
        result: Result<(PathBuf, String), StoreFailure>,
    },
    /// Someone else (another session over SSH) wrote a variant of this
    /// scenario: a document of it that has read its variants reads them
    /// again.
    VariantsStale {
        scenario_id: String,
    },
}
