//! The workshop TUI: scenario picker, workshop, risk, cash flows, compare,
//! scenario and uncertainty screens, goal seek, help and presentation mode
//! (see `docs/tui.md`; the layers and the path of a key press are in
//! `docs/architecture.md`).
//!
//! State is plain data in two parts: the [`Document`] (the scenario, its
//! levers, undo, the computed figures, the variants as last read, the
//! uncertainty figures) that every viewer shares, and a [`View`] per viewer
//! (size, language, theme, screen, selection, scrolls, the open dialog,
//! the message). Input arrives as the app's own [`Event`] (converted from
//! crossterm at the edge, `terminal/`), becomes an [`Action`] through the
//! key map, and [`update()`] applies it in one dispatch, recomputing the model
//! once per change and returning [`Effect`]s — store reads and writes,
//! report files, background work, quitting — that the host runs and
//! answers with [`Event`]s. Drawing ([`ui`]) reads a document through a
//! view and writes a ratatui buffer, so any `Backend` works, `TestBackend`
//! included.
//!
//! [`App`] is the host of one document and one view in one process: the
//! terminal's run loop drives it, and so do the tests. A host of several
//! views of one document (a room over SSH) calls the same [`update()`] for
//! the acting view and [`update::sync`] with what all its views want.

pub mod action;
pub mod app;
pub mod computed;
pub mod disk;
pub mod document;
pub mod effect;
pub mod event;
pub mod keymap;
pub mod picker;
pub mod recovery;
pub mod risk_job;
pub mod room;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod variants;
pub mod view;
pub mod worker;

pub use action::Action;
pub use app::App;
pub use document::Document;
pub use effect::{AfterList, Effect, StoreFailure, StoreOp, VariantEdit};
pub use event::Event;
pub use picker::PickerEntry;
pub use terminal::{Session, restore_terminal, run};
pub use theme::ThemeKind;
pub use ui::draw;
pub use update::{Handled, handle_event, update};
pub use view::{Screen, View, Wants};
