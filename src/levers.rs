//! Changing a scenario through its named levers (`docs/model.md` §6).
//!
//! Which levers a scenario has, their ranges and steps, are in
//! [`crate::scenario::levers`] (re-exported here). Setting a lever returns a
//! new scenario, or refuses with a typed reason when the value is out of
//! range or breaks a rule of the scenario format; `crate::i18n::errors`
//! words the reason in the user's language.

use rust_decimal::Decimal;

pub use crate::scenario::levers::{Group, Lever, Target, Unit, available, get, shown};
use crate::scenario::{self, Rule, Scenario};

/// Why a lever value was refused. `Display` (English) and the bokmål text
/// are in `crate::i18n::errors`.
#[derive(Debug, Clone, PartialEq)]
pub enum LeverError {
    /// No lever has this id.
    Unknown {
        id: String,
        suggestion: Option<String>,
    },
    OutOfRange {
        id: String,
        value: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// The value is in range but breaks a rule of the scenario.
    Invalid {
        id: String,
        value: Decimal,
        rule: Rule,
    },
}

impl std::error::Error for LeverError {}

/// Finds a lever by id.
pub fn find(s: &Scenario, id: &str) -> Result<Lever, LeverError> {
    let all = available(s);
    if let Some(l) = all.iter().find(|l| l.id == id) {
        return Ok(l.clone());
    }
    let ids: Vec<&str> = all.iter().map(|l| l.id.as_str()).collect();
    Err(LeverError::Unknown {
        id: id.to_string(),
        suggestion: scenario::suggest(id, &ids).map(str::to_string),
    })
}

/// Returns the scenario with lever `id` set to `value`, or why not.
pub fn set(s: &Scenario, id: &str, value: Decimal) -> Result<Scenario, LeverError> {
    let lever = find(s, id)?;
    set_lever(s, &lever, value)
}

/// Like [`set`], for a lever already looked up (its range is the one used).
pub fn set_lever(s: &Scenario, lever: &Lever, value: Decimal) -> Result<Scenario, LeverError> {
    if value < lever.min || value > lever.max {
        return Err(LeverError::OutOfRange {
            id: lever.id.clone(),
            value,
            min: lever.min,
            max: lever.max,
        });
    }
    let mut next = s.clone();
    scenario::levers::put(&mut next, lever.target, value.normalize());
    match scenario::validate(&next).into_iter().next() {
        None => Ok(next),
        Some(issue) => Err(LeverError::Invalid {
            id: lever.id.clone(),
            value,
            rule: issue.rule,
        }),
    }
}

/// The value `steps` steps away from `value`, clamped to the lever's range.
pub fn stepped(lever: &Lever, value: Decimal, steps: i32) -> Decimal {
    (value + lever.step * Decimal::from(steps)).clamp(lever.min, lever.max)
}

/// The levers that were moved from `base`, as `(id, value)`. The hurdle
/// rate counts once it has a value of its own, not when it follows the
/// discount rate.
pub fn changed(base: &Scenario, current: &Scenario) -> Vec<(String, Decimal)> {
    available(base)
        .into_iter()
        .filter(|l| scenario::levers::moved(base, current, l.target))
        .map(|l| (l.id, get(current, l.target)))
        .collect()
}
