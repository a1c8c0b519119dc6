//! A document's saved variants (and those in its trash) as last read from
//! the store, the variant opened or saved last, and the comparison
//! (screen 4) built from them.
//! Plain data: the store is read and written by the host, which runs the
//! [`super::Effect`]s update returns and answers with [`super::Event`]s.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::computed::{PAYOFF_MAX, PAYOFF_POINTS};
use super::view::CompareMetric;
use crate::catalog::Loaded;
use crate::model::{self, Figures, PayoffPoint, RiskRow};
use crate::report::{self, MAX_VARIANTS};
use crate::scenario::Scenario;
use crate::store::{self, Deleted, Variant};

/// What the host read from the variant store for one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariantsRead {
    /// Sorted by name.
    pub variants: Vec<Variant>,
    /// Files that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// Where the variants live, shown in the list.
    pub folder: String,
    /// The deleted variants in the scenario's trash, newest first.
    pub deleted: Vec<Deleted>,
    /// Files in the trash that could not be read, with the reason.
    pub deleted_problems: Vec<(PathBuf, String)>,
    /// The scenario's trash folder.
    pub trash_folder: String,
}

/// A saved variant as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedVariant {
    pub variant: Variant,
    /// The scenario file changed since the variant was saved.
    pub scenario_changed: bool,
}

/// One column of the comparison, computed when the comparison is built.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareColumn {
    /// `None` for the base scenario.
    pub name: Option<String>,
    pub scenario: Scenario,
    pub figures: Figures,
    pub risk: Vec<RiskRow>,
    pub payoff: Vec<PayoffPoint>,
    /// What did not fit when the variant was applied.
    pub problems: Vec<String>,
}

/// The variants of a document's scenario.
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    /// The store has been read at least once.
    pub read: bool,
    /// The variants as last read, sorted by name.
    pub listing: Vec<ListedVariant>,
    /// Files of the last read that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// Where the variants live.
    pub folder: String,
    /// The deleted variants in the trash as last read, newest first.
    pub deleted: Vec<Deleted>,
    /// Files in the trash that could not be read, with the reason.
    pub deleted_problems: Vec<(PathBuf, String)>,
    /// The scenario's trash folder.
    pub trash_folder: String,
    /// The variant opened or saved last: notes go to it.
    pub open: Option<String>,
    /// Variants picked for the comparison (Space in the list), in the
    /// list's order; empty: the first four saved.
    pub picked: Vec<String>,
    /// The comparison's columns, base first; `None` before the first read.
    pub columns: Option<Vec<CompareColumn>>,
    /// The variants the columns were computed for.
    columns_for: Vec<Variant>,
}

impl Shelf {
    /// Takes a fresh read of the store.
    pub fn set(&mut self, read: VariantsRead, source_text: &str) {
        let hash = store::scenario_hash(source_text);
        self.read = true;
        self.listing = read
            .variants
            .into_iter()
            .map(|v| ListedVariant {
                scenario_changed: v.scenario_hash != hash,
                variant: v,
            })
            .collect();
        self.problems = read.problems;
        self.folder = read.folder;
        self.deleted = read.deleted;
        self.deleted_problems = read.deleted_problems;
        self.trash_folder = read.trash_folder;
        // A picked variant that is gone is no longer compared.
        let names: Vec<&str> = self
            .listing
            .iter()
            .map(|v| v.variant.name.as_str())
            .collect();
        self.picked.retain(|p| names.contains(&p.as_str()));
    }

    /// Whether a variant is picked for the comparison.
    pub fn is_picked(&self, name: &str) -> bool {
        self.picked.iter().any(|p| p == name)
    }

    /// Picks or unpicks a variant (kept in the list's order).
    pub fn toggle_pick(&mut self, name: &str) {
        let on = !self.is_picked(name);
        let picked = std::mem::take(&mut self.picked);
        self.picked = self
            .listing
            .iter()
            .map(|v| &v.variant.name)
            .filter(|n| (*n == name && on) || (*n != name && picked.contains(n)))
            .cloned()
            .collect();
    }

    /// The variants the comparison shows: those picked, else the first
    /// saved; at most [`MAX_VARIANTS`].
    pub fn compared(&self) -> Vec<Variant> {
        self.listing
            .iter()
            .map(|v| &v.variant)
            .filter(|v| self.picked.is_empty() || self.is_picked(&v.name))
            .take(MAX_VARIANTS)
            .cloned()
            .collect()
    }

    /// Rebuilds the comparison's columns when the compared variants
    /// changed (or were never built). Returns whether it rebuilt.
    pub fn refresh_columns(&mut self, base: &Loaded) -> bool {
        let chosen = self.compared();
        if self.columns.is_some() && chosen == self.columns_for {
            return false;
        }
        self.columns = Some(build_columns(base, &chosen));
        self.columns_for = chosen;
        true
    }
}

/// Computes the comparison's columns (base first).
pub fn build_columns(base: &Loaded, variants: &[Variant]) -> Vec<CompareColumn> {
    report::columns(base, variants)
        .into_iter()
        .map(|c| CompareColumn {
            payoff: model::payoff_curve(&c.scenario, PAYOFF_MAX, PAYOFF_POINTS),
            name: c.variant,
            scenario: c.scenario,
            figures: c.figures,
            risk: c.risk,
            problems: c.problems,
        })
        .collect()
}

/// The figure of a comparison column that the chart overlays.
pub fn metric_value(metric: CompareMetric, p: &PayoffPoint) -> Decimal {
    match metric {
        CompareMetric::Payments => p.outcome_payments,
        CompareMetric::InvestorNet => p.investor_net,
        CompareMetric::PayerNpv => p.payer_npv,
    }
}
