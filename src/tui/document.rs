//! The document: one open scenario and everything about it that every
//! viewer shares — the scenario as loaded and as the levers have it now,
//! undo and redo, the computed figures, the saved variants as last read,
//! the uncertainty figures, and a generation that counts its changes.
//!
//! Plain data with no terminal and no disk. [`super::update()`] changes it
//! (the model runs here, once per change); the screens read it through a
//! [`super::View`]. Several views can show one document at once.

use rust_decimal::Decimal;

use super::computed::Computed;
use super::risk_job::RiskResults;
use super::variants::Shelf;
use crate::catalog::{Loaded, Origin};
use crate::levers::{self, Lever};
use crate::scenario::Scenario;

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 500;

/// An open scenario and everything about it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The scenario as loaded: the levers' reference values.
    pub base: Scenario,
    /// The text of the scenario file (its hash is saved with variants).
    pub source_text: String,
    /// The scenario with the levers as they are now.
    pub current: Scenario,
    /// The shown levers, grouped (targets, payment, risk sharing, return),
    /// in the scenario's order within each group; ranges from `base`.
    pub levers: Vec<Lever>,
    /// Earlier states of `current`, newest last.
    pub undo: Vec<Scenario>,
    /// States undone, newest last.
    pub redo: Vec<Scenario>,
    pub computed: Computed,
    /// Saved variants as last read, the open variant, the comparison.
    pub variants: Shelf,
    /// The uncertainty screen's figures (`src/tui/risk_job.rs`).
    pub risk: RiskResults,
    /// Counts the document's changes: a view drawn at an older generation
    /// shows something out of date.
    pub generation: u64,
}

impl Document {
    pub fn new(base: Scenario) -> Document {
        let mut shown = levers::shown(&base);
        // A stable sort keeps the scenario's order within each group.
        shown.sort_by_key(|l| l.group);
        let computed = Computed::new(&base, None);
        Document {
            current: base.clone(),
            base,
            source_text: String::new(),
            levers: shown,
            undo: Vec::new(),
            redo: Vec::new(),
            computed,
            variants: Shelf::default(),
            risk: RiskResults::default(),
            generation: 0,
        }
    }

    /// The document with the scenario file's text, whose hash saved
    /// variants keep.
    pub fn with_source(mut self, text: String) -> Document {
        self.source_text = text;
        self
    }

    /// Marks a change that views must show.
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// The lever at `index` of the shown levers.
    pub fn lever(&self, index: usize) -> Option<&Lever> {
        self.levers.get(index)
    }

    /// A lever's value now.
    pub fn value(&self, lever: &Lever) -> Decimal {
        levers::get(&self.current, lever.target)
    }

    /// The lever differs from the scenario.
    pub fn is_changed(&self, lever: &Lever) -> bool {
        self.value(lever) != lever.value
    }

    /// How many levers (shown or not) differ from the scenario.
    pub fn changed_count(&self) -> usize {
        levers::changed(&self.base, &self.current).len()
    }

    /// The base scenario with its text, as the store and reports take it.
    pub fn loaded(&self) -> Loaded {
        Loaded {
            scenario: self.base.clone(),
            text: self.source_text.clone(),
            origin: Origin::Bundled(""),
        }
    }

    /// Makes `next` the current scenario: remembers the old one for undo
    /// and recomputes.
    pub fn apply(&mut self, next: Scenario) {
        let old = self.replace(next);
        self.undo.push(old);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Replaces the current scenario without touching undo/redo; returns
    /// the old one.
    pub fn replace(&mut self, next: Scenario) -> Scenario {
        let old = std::mem::replace(&mut self.current, next);
        self.computed = Computed::new(&self.current, Some((&old, &self.computed)));
        self.touch();
        old
    }
}
