//! The scenario picker's state: the bundled scenarios and the user's
//! files, each loaded or with its first error. It belongs to a view (see
//! [`super::View::picker`]): it is one person's choice before any document
//! exists.

use crate::catalog::{BUNDLED, Entry, Origin};
use crate::scenario::{Problem, Scenario};

/// Why a scenario file in the picker cannot be opened.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenFile {
    pub line: usize,
    pub col: usize,
    /// The first problem, worded in the viewer's language when drawn.
    pub problem: Option<Problem>,
    /// How many more errors the file has.
    pub more: usize,
}

impl BrokenFile {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: crate::format::Lang) -> String {
        self.problem
            .as_ref()
            .map(|p| crate::i18n::errors::problem(lang, p))
            .unwrap_or_default()
    }
}

/// One row of the scenario picker.
#[derive(Debug, Clone)]
pub struct PickerEntry {
    /// Bundled with effekt (else a file in the user's folder).
    pub bundled: bool,
    /// The file name, without folders.
    pub file_name: String,
    /// The file's text, whose hash saved variants keep.
    pub text: String,
    pub scenario: Result<Scenario, BrokenFile>,
}

impl PickerEntry {
    /// An entry of the catalog.
    pub fn from_catalog(e: Entry) -> PickerEntry {
        let (bundled, file_name) = match &e.origin {
            Origin::Bundled(name) => (true, (*name).to_string()),
            Origin::File(p) => (
                false,
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.display().to_string()),
            ),
        };
        let scenario = e.result.map_err(|err| {
            let more = err.diagnostics.len().saturating_sub(1);
            match err.diagnostics.into_iter().next() {
                Some(d) => BrokenFile {
                    line: d.line,
                    col: d.col,
                    problem: Some(d.problem),
                    more,
                },
                None => BrokenFile {
                    line: 1,
                    col: 1,
                    problem: None,
                    more,
                },
            }
        });
        PickerEntry {
            bundled,
            file_name,
            text: e.text,
            scenario,
        }
    }
}

/// The scenario picker.
#[derive(Debug, Clone)]
pub struct Picker {
    pub entries: Vec<PickerEntry>,
    pub selected: usize,
    /// The user's scenario folder, shown under the list.
    pub folder: Option<String>,
}

/// The templates, in the dialog's order: the empty one, then the bundled
/// scenarios (by id).
pub fn templates() -> Vec<Option<&'static str>> {
    std::iter::once(None)
        .chain(BUNDLED.iter().map(|b| b.file_name.strip_suffix(".toml")))
        .collect()
}
