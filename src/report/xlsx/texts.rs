//! The workbook's words in the report's language.

use crate::format::{Lang, sanitize};
use crate::scenario::{Outcome, Scenario};

/// Labels shared by several sheets, and `l` for the rest.
pub(super) struct Texts {
    pub lang: Lang,
    pub inputs_title: &'static str,
    pub inputs_note: &'static str,
    pub contract: &'static str,
    pub unit: &'static str,
    pub value: &'static str,
    pub name: &'static str,
    pub per_year: &'static str,
    pub period: &'static str,
    pub currency_unit: &'static str,
    pub inputs: &'static str,
    pub key_figures: &'static str,
    pub waterfall: &'static str,
    pub risk: &'static str,
    pub notes: &'static str,
}

impl Texts {
    pub(super) fn new(lang: Lang, s: &Scenario) -> Texts {
        let nok = s.info.currency == "NOK";
        match lang {
            Lang::Nb => Texts {
                lang,
                inputs_title: "Inndata",
                inputs_note: "Gule celler er inndata du kan endre; alt annet i arbeidsboken er formler på dem.",
                contract: "Kontrakten",
                unit: "Enhet",
                value: "Verdi",
                name: "Navn",
                per_year: "per år",
                period: "Periode",
                currency_unit: if nok { "kr" } else { "" },
                inputs: "Inndata",
                key_figures: "Nøkkeltall",
                waterfall: "Vannfall",
                risk: "Risikodeling",
                notes: "Les meg",
            },
            Lang::En => Texts {
                lang,
                inputs_title: "Inputs",
                inputs_note: "Yellow cells are inputs you can change; everything else in the workbook is a formula on them.",
                contract: "The contract",
                unit: "Unit",
                value: "Value",
                name: "Name",
                per_year: "per year",
                period: "Period",
                currency_unit: if nok { "NOK" } else { "" },
                inputs: "Inputs",
                key_figures: "Key figures",
                waterfall: "Waterfall",
                risk: "Risk table",
                notes: "Read me",
            },
        }
    }

    /// The bokmål or the English text.
    pub(super) fn l(&self, nb: &str, en: &str) -> String {
        match self.lang {
            Lang::Nb => nb.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

/// An outcome's name in the language.
pub(super) fn outcome_name(lang: Lang, o: &Outcome) -> String {
    let name = match lang {
        Lang::En => o.en.name.as_deref().unwrap_or(&o.name),
        Lang::Nb => &o.name,
    };
    sanitize(name).into_owned()
}

/// A sheet name from a text: at most 31 characters, none of `[]:*?/\`,
/// not starting or ending with `'`, and not one of `taken`.
pub(super) fn sheet_name(text: &str, taken: &[String]) -> String {
    let base: String = text
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .chars()
        .take(28)
        .collect();
    let base = if base.is_empty() {
        "?".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut i = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {i}");
        i += 1;
    }
    name
}
