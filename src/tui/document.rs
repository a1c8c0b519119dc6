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
use super::ui::levers::LeverPlans;
use super::variants::Shelf;
use crate::catalog::{Loaded, Origin};
use crate::levers::{self, Lever};
use crate::scenario::Scenario;
use crate::store::Variant;

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
    /// The levers as last saved or opened as a variant (the scenario's at
    /// first): quitting with these loses nothing.
    pub last_saved: Scenario,
    /// The text of the recovery file this document restored from; a
    /// clean end removes that file (`src/tui/recovery.rs`).
    pub recovered_from: Option<String>,
    /// The lever panel's size as planned per language from `base` and
    /// `levers` (which never change after [`Document::new`]), worked out
    /// once rather than in every frame; copies share it.
    pub lever_plans: LeverPlans,
    /// A lever step of a heavy pilot leaves the break-evens, risk table
    /// and payoff curve pending ([`Computed::quick`]) for the host to
    /// [`Document::complete`] when the keys rest. Off unless the host does
    /// that (the local workshop's run loop); a room computes everything
    /// in the step.
    pub quick: bool,
}

impl Document {
    pub fn new(base: Scenario) -> Document {
        let mut shown = levers::shown(&base);
        // A stable sort keeps the scenario's order within each group.
        shown.sort_by_key(|l| l.group);
        let computed = Computed::new(&base, None);
        Document {
            current: base.clone(),
            last_saved: base.clone(),
            base,
            source_text: String::new(),
            levers: shown,
            undo: Vec::new(),
            redo: Vec::new(),
            computed,
            variants: Shelf::default(),
            risk: RiskResults::default(),
            generation: 0,
            recovered_from: None,
            lever_plans: LeverPlans::default(),
            quick: false,
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

    /// The levers differ from the scenario and from what was last saved
    /// or opened as a variant: ending now would lose them.
    pub fn unsaved(&self) -> bool {
        self.current != self.base && self.current != self.last_saved
    }

    /// The unsaved levers as a variant for the recovery file, named after
    /// the variant open now (if any).
    pub fn recovery_variant(&self) -> Variant {
        let name = self.variants.open.as_deref().unwrap_or("");
        Variant::from_current(name, &self.loaded(), &self.current)
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
        let previous = Some((&old, &self.computed));
        self.computed = if self.quick {
            Computed::quick(&self.current, previous)
        } else {
            Computed::new(&self.current, previous)
        };
        self.touch();
        old
    }

    /// Computes what a quick step left pending; whether anything changed
    /// (and must be drawn).
    pub fn complete(&mut self) -> bool {
        if !self.computed.pending {
            return false;
        }
        self.computed = self.computed.completed(&self.current);
        self.touch();
        true
    }
}
