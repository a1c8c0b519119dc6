//! What update asks the host to do, as data: reads and writes of the
//! variant store, report files, background work, opening and closing a
//! document, quitting. Update itself never touches the disk or the
//! terminal; the host runs each effect and answers with an
//! [`super::Event`] where there is something to answer.

use std::fmt;
use std::sync::Arc;

use super::document::Document;
use super::risk_job::RiskRequest;
use crate::format::Lang;
use crate::i18n::errors;
use crate::store::{StoreError, Variant};

/// One thing for the host to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Read or write the variant store or a report file; the host replies
    /// with the event the operation names.
    Store(StoreOp),
    /// Start background work; the host replies with
    /// [`super::Event::RiskProgress`] and [`super::Event::RiskDone`].
    StartRisk(RiskRequest),
    /// The work of this generation is no longer wanted: stop it.
    CancelRisk(u64),
    /// Show this document, opened from the picker. The host decides where
    /// it lives (a session's own document; over SSH perhaps a room's).
    Open(Box<Document>),
    /// Close the document and show the picker again. For a view in a
    /// shared room this means leaving it, not closing it for everyone.
    Close,
    /// End this view's session.
    Quit,
    /// A room over SSH (`super::room`): give the floor to this participant.
    HandOver(super::room::ParticipantId),
    /// A room: tell the facilitator that this view's participant asks for
    /// the floor.
    AskFloor,
    /// A room: continue this view in a private copy of the room's document.
    Fork,
    /// A copy of a room's document: discard it and show the room again.
    Rejoin,
}

/// A request to the variant store (and the report folder beside it).
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOp {
    /// Read a scenario's variants; replied with
    /// [`super::Event::VariantsListed`].
    List {
        scenario_id: String,
        then: AfterList,
    },
    /// Save a variant, replacing one of the same name only with
    /// `overwrite`; replied with [`super::Event::Saved`].
    Save {
        variant: Box<Variant>,
        overwrite: bool,
    },
    /// Change a saved variant; replied with [`super::Event::Edited`].
    Edit {
        scenario_id: String,
        edit: VariantEdit,
    },
    /// Write a Markdown report for a scenario to the report folder (the
    /// host names the file with the time); replied with
    /// [`super::Event::Exported`].
    Export {
        scenario_id: String,
        markdown: String,
    },
    /// Write the contract annex of a scenario to the report folder, as
    /// Markdown and as a `.docx` (the host names the files with the time);
    /// replied with [`super::Event::AnnexWritten`].
    ExportAnnex {
        scenario_id: String,
        markdown: String,
        docx: Vec<u8>,
    },
    /// Read the recovery file of a scenario (levers an earlier run left
    /// unsaved, `src/tui/recovery.rs`); replied with
    /// [`super::Event::RecoveryFound`].
    FindRecovery { scenario_id: String },
    /// Keep unsaved levers for the next start in the scenario's recovery
    /// file; replied with [`super::Event::RecoverySaved`].
    SaveRecovery { variant: Box<Variant> },
    /// Write a new scenario file into the user's scenario folder (made if
    /// it is missing), never over an existing file; replied with
    /// [`super::Event::ScenarioCreated`].
    NewScenario { file_name: String, text: String },
    /// Remove the scenario's recovery file while it still holds `text`
    /// (what this run read); replied with
    /// [`super::Event::RecoveryDropped`].
    DropRecovery { scenario_id: String, text: String },
}

/// Why the variants are read, so the reply does what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterList {
    /// Open the variant list (`v`).
    ShowList,
    /// The compare screen was opened: rebuild the comparison.
    Compare,
    /// After the app's own write: show what is on disk now.
    Refresh,
    /// Export a report of the compared variants (`e`).
    Export,
    /// After a restore from the trash: show the saved variants as they are
    /// on disk, with this one selected.
    Select(String),
}

/// A change to a saved variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariantEdit {
    Rename {
        from: String,
        to: String,
    },
    Duplicate {
        from: String,
        to: String,
    },
    /// Move to the trash.
    Delete {
        name: String,
    },
    Note {
        name: String,
        text: String,
    },
    /// Restore the trash's entry `id` (of the variant `name`) into its
    /// name, or into `to`.
    Restore {
        id: String,
        name: String,
        to: Option<String>,
    },
}

/// Why the store said no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFailure {
    /// There is no data folder to keep variants in.
    NoStore,
    /// A variant of this name already exists.
    Exists(String),
    /// Anything else: the store's error (it names the path), worded in
    /// the viewer's language by [`StoreFailure::text`].
    Failed(Failed),
}

/// A store error carried in a reply: shared, as the error itself cannot
/// be cloned; two are equal when they say the same.
#[derive(Debug, Clone)]
pub struct Failed(pub Arc<StoreError>);

impl PartialEq for Failed {
    fn eq(&self, other: &Failed) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl Eq for Failed {}

impl From<StoreError> for StoreFailure {
    fn from(e: StoreError) -> StoreFailure {
        match e {
            StoreError::NoDataDir => StoreFailure::NoStore,
            StoreError::Exists { name } => StoreFailure::Exists(name),
            other => StoreFailure::Failed(Failed(Arc::new(other))),
        }
    }
}

impl StoreFailure {
    /// The trash no longer has the variant to restore.
    pub fn is_not_deleted(&self) -> bool {
        matches!(self, StoreFailure::Failed(Failed(e)) if matches!(**e, StoreError::NotDeleted { .. }))
    }

    /// What went wrong, in `lang` (it names the path and what to do).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StoreFailure::NoStore => errors::store_error(lang, &StoreError::NoDataDir),
            StoreFailure::Exists(name) => {
                errors::store_error(lang, &StoreError::Exists { name: name.clone() })
            }
            StoreFailure::Failed(e) => errors::store_error(lang, &e.0),
        }
    }
}

impl fmt::Display for StoreFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
