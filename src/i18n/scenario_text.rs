//! A scenario's own texts in the user's language: a bokmål scenario's
//! English keys (`title_en`, `name_en`, `payer_en`, …) when the user reads
//! English, the texts as written otherwise. Every screen, report and
//! summary takes a scenario's names through here, so English never shows
//! a bokmål name the file has an English name for.

use crate::format::Lang;
use crate::scenario::{Cost, Outcome, Scenario};

/// The English text when the user reads English and the file has one.
fn pick<'a>(lang: Lang, written: &'a str, en: Option<&'a String>) -> &'a str {
    match (lang, en) {
        (Lang::En, Some(en)) => en,
        _ => written,
    }
}

/// The scenario's title.
pub fn title(lang: Lang, s: &Scenario) -> &str {
    pick(lang, &s.info.title, s.info.title_en.as_ref())
}

/// The scenario's one-paragraph summary.
pub fn summary(lang: Lang, s: &Scenario) -> &str {
    pick(lang, &s.info.summary, s.info.summary_en.as_ref())
}

/// The scenario's theme (`sykefravær`).
pub fn theme(lang: Lang, s: &Scenario) -> &str {
    pick(lang, &s.info.theme, s.info.theme_en.as_ref())
}

/// An outcome's name (`Legemeldt sykefravær`).
pub fn outcome_name(lang: Lang, o: &Outcome) -> &str {
    pick(lang, &o.name, o.en.name.as_ref())
}

/// The unit of an outcome's indicator (`% av avtalte dagsverk`).
pub fn indicator_unit(lang: Lang, o: &Outcome) -> &str {
    pick(lang, &o.indicator_unit, o.en.indicator_unit.as_ref())
}

/// What one payable unit of an outcome is (`unngått sykedag`).
pub fn payable_unit(lang: Lang, o: &Outcome) -> &str {
    pick(lang, &o.payable_unit, o.en.payable_unit.as_ref())
}

/// What the effect is counted in, plural (`sykedager`), if the file says.
pub fn unit_plural(lang: Lang, o: &Outcome) -> Option<&str> {
    match (lang, &o.en.unit_plural, &o.unit_plural) {
        (Lang::En, Some(en), _) => Some(en),
        (_, _, Some(written)) => Some(written),
        _ => None,
    }
}

/// A cost's name (`Evaluering`).
pub fn cost_name(lang: Lang, c: &Cost) -> &str {
    pick(lang, &c.name, c.name_en.as_ref())
}

/// What one member of the cohort is (`ansatte`).
pub fn cohort_unit(lang: Lang, s: &Scenario) -> &str {
    pick(lang, &s.cohort.unit, s.cohort.unit_en.as_ref())
}

/// The name of a party by its role id (`payer`, `cofunder`, …), if the
/// scenario names it.
pub fn party<'a>(lang: Lang, s: &'a Scenario, role: &str) -> Option<&'a str> {
    let p = &s.parties;
    let written = match role {
        "payer" => Some(&p.payer),
        "cofunder" => p.cofunder.as_ref(),
        "investor" => Some(&p.investor),
        "provider" => Some(&p.provider),
        "guarantor" => p.guarantor.as_ref(),
        "public_other" => Some(&p.public_other),
        _ => None,
    }?;
    let en = p.en.iter().find(|(r, _)| r == role).map(|(_, name)| name);
    Some(pick(lang, written, en))
}
