//! The texts of new scenarios (`effekt new`, the picker's "new from
//! template") and of `effekt schema`: the explanations a template writes
//! above each key and table, in bokmål here (English ones are the rows of
//! `docs/scenario-format.md`), and the messages of the two commands; and
//! how the Scenario screen (5) says where each number came from.
//!
//! [`MEANINGS_NB`] (`meanings.rs`) has a line for every key and table of
//! the format; a test names any the loader reads that it lacks.

use std::path::Path;

use crate::format::Lang;
use crate::scenario::BasisKind;

mod meanings;

pub use meanings::{MEANINGS_NB, meaning_nb};

/// The comment a template puts on a number nobody has given a source for.
pub fn placeholder(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "kilde: …",
        Lang::En => "source: …",
    }
}

/// The words a template's "Allowed:" and "Default:" start with.
pub fn allowed_default(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nb => ("Tillatt", "Standard"),
        Lang::En => ("Allowed", "Default"),
    }
}

/// The explanation at the top of a new scenario.
pub fn header(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nb => &[
            "Et nytt scenario for effekt (format 1). Linjer som starter med ## forklarer",
            "nøklene; `effekt new --from` skriver dem på nytt.",
            "Si hvor hvert tall kommer fra i kommentaren på linjen: bytt ut «kilde: …»",
            "med kilden, eller skriv «antakelse: …». Skjermen Scenario (5) viser dem.",
            "Nøkler som står kommentert ut (# nøkkel = …) er valgfrie: uten dem gjelder",
            "standardverdien. Sjekk filen med `effekt check FIL`.",
            "Redigeringsstøtte (Taplo / Even Better TOML): lagre skjemaet med",
            "`effekt schema -o scenario.schema.json` i samme mappe og sett",
            "`#:schema ./scenario.schema.json` som første linje i filen.",
        ],
        Lang::En => &[
            "A new scenario for effekt (format 1). Lines starting with ## explain the",
            "keys; `effekt new --from` writes them afresh.",
            "Say where each number comes from in the comment on its line: replace",
            "\"source: …\" with the source, or write \"assumption: …\". The Scenario",
            "screen (5) shows them.",
            "Keys commented out (# key = …) are optional: without them the default",
            "applies. Check the file with `effekt check FILE`.",
            "Editor support (Taplo / Even Better TOML): save the schema with",
            "`effekt schema -o scenario.schema.json` in the same folder and put",
            "`#:schema ./scenario.schema.json` as the first line of the file.",
        ],
    }
}

/// The scenario of the empty template: every required key with a plain
/// value to replace, and its texts in the language's words.
pub fn blank(lang: Lang) -> String {
    let w: [&str; 15] = match lang {
        Lang::Nb => [
            "ny",
            "Ny effektkontrakt",
            "Beskriv kontrakten med noen setninger: hvem betaler for hva, målt hvordan.",
            "nb",
            "Kommunen",
            "Sosiale investorer",
            "Tjenesteleverandør",
            "Staten",
            "deltakere",
            "Hva som leveres",
            "utfall",
            "Utfall",
            "enhet",
            "Nøyaktig definisjon av indikatoren",
            "Hvor målingen kommer fra",
        ],
        Lang::En => [
            "new",
            "New outcome contract",
            "Describe the contract in a few sentences: who pays for what, measured how.",
            "en",
            "Municipality",
            "Social investors",
            "Provider",
            "Central government",
            "participants",
            "What is delivered",
            "outcome",
            "Outcome",
            "unit",
            "Exact definition of the indicator",
            "Where the measurement comes from",
        ],
    };
    format!(
        r#"format = 1

[scenario]
id = "{}"
title = "{}"
summary = "{}"
currency = "NOK"
language = "{}"

[timeline]
periods = 4
period = "year"

[parties]
payer = "{}"
investor = "{}"
provider = "{}"
public_other = "{}"

[cohort]
size = 1000
unit = "{}"

[delivery]
cost = 1_000_000
description = "{}"

[[outcomes]]
id = "{}"
name = "{}"
kind = "flow"
better = "lower"
indicator_unit = "%"
payable_unit = "{}"
baseline = 10
target = 9
units_per_point = 1
price = 500
value = 1_000
definition = "{}"
data_source = "{}"

[payment]
mechanism = "rate_card"
cap = 2_000_000

[investment]
capital = 4_000_000
return_cap = 0.05

[assumptions]
achievement = 1
discount_rate = 0.04
notes = []
"#,
        w[0],
        w[1],
        w[2],
        w[3],
        w[4],
        w[5],
        w[6],
        w[7],
        w[8],
        w[9],
        w[10],
        w[11],
        w[12],
        w[13],
        w[14]
    )
}

/// The template that starts from nothing, as `--from` and the picker name it.
pub fn empty_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "tom mal",
        Lang::En => "empty template",
    }
}

/// `effekt new`: the file is there already.
pub fn exists(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!(
            "{} finnes allerede; velg et annet navn, eller bruk --force for å erstatte den",
            path.display()
        ),
        Lang::En => format!(
            "{} exists already; choose another name, or use --force to replace it",
            path.display()
        ),
    }
}

/// `effekt new`: written, and what to do next.
pub fn written(lang: Lang, path: &Path, from: &str) -> String {
    let p = path.display();
    match lang {
        Lang::Nb => format!(
            "Skrev {p} (fra {from}). Fyll inn tallene og kildene, og sjekk med `effekt check {p}`."
        ),
        Lang::En => format!(
            "Wrote {p} (from {from}). Fill in the numbers and their sources, and check with `effekt check {p}`."
        ),
    }
}

/// `effekt new --sites`: the scenario has its sites already.
pub fn has_sites(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Nb => format!(
            "--sites: scenarioet har allerede {count} kommuner ([[sites]]); \
             skriv det uten --sites, eller start fra et scenario uten kommuner"
        ),
        Lang::En => format!(
            "--sites: the scenario has {count} sites already ([[sites]]); \
             write it without --sites, or start from a scenario without sites"
        ),
    }
}

/// The id and name of the `number`th municipality of a new pilot.
pub fn site_name(lang: Lang, number: u32) -> (String, String) {
    match lang {
        Lang::Nb => (format!("kommune_{number}"), format!("Kommune {number}")),
        Lang::En => (format!("site_{number}"), format!("Municipality {number}")),
    }
}

/// `effekt schema -o`: written.
pub fn schema_written(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!("Skjema skrevet: {}", path.display()),
        Lang::En => format!("Schema written: {}", path.display()),
    }
}

/// The Scenario screen's section on where the numbers came from.
pub fn basis_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Tallene og hvor de kommer fra",
        Lang::En => "The numbers and where they come from",
    }
}

/// How many numbers are assumptions, have a source, or have none.
pub fn basis_counts(lang: Lang, assumptions: usize, sourced: usize, missing: usize) -> String {
    match lang {
        Lang::Nb => {
            format!("{assumptions} antakelser · {sourced} med kilde · {missing} uten kilde")
        }
        Lang::En => {
            format!("{assumptions} assumptions · {sourced} with a source · {missing} without")
        }
    }
}

/// What a number's comment says it is.
pub fn basis_kind(lang: Lang, kind: &BasisKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nb, BasisKind::Assumption) => "Antakelse",
        (Lang::En, BasisKind::Assumption) => "Assumption",
        (Lang::Nb, BasisKind::Source) => "Kilde",
        (Lang::En, BasisKind::Source) => "Source",
        (Lang::Nb, BasisKind::Placeholder) => "Kilde mangler: fyll inn «kilde: …» i filen",
        (Lang::En, BasisKind::Placeholder) => "Source missing: fill in \"source: …\" in the file",
        (Lang::Nb, BasisKind::Unstated) => "Ingen kilde oppgitt",
        (Lang::En, BasisKind::Unstated) => "No source given",
    }
}

/// The Scenario screen's note on how a file says where a number came from.
pub fn basis_how(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => {
            "Tallene slik filen skriver dem, og kommentaren på linjen deres: \
             «# antakelse: …» eller «# kilde: …»."
        }
        Lang::En => {
            "The numbers as the file writes them, and the comment on their line: \
             \"# assumption: …\" or \"# source: …\"."
        }
    }
}

/// The picker's dialog for a new scenario.
pub struct NewDialogTexts {
    /// The picker's row and the dialog's title.
    pub title: &'static str,
    /// The picker row's second line.
    pub row_help: &'static str,
    pub name: &'static str,
    pub template: &'static str,
    /// Where the file goes.
    pub folder: &'static str,
    pub keys: &'static str,
    pub empty_name: &'static str,
}

const NEW_NB: NewDialogTexts = NewDialogTexts {
    title: "Nytt scenario fra mal",
    row_help: "Lag en scenariofil å fylle inn: den tomme malen eller et innebygd scenario",
    name: "Filnavn",
    template: "Mal",
    folder: "Lagres i",
    keys: "Enter lag og åpne · ↑↓ mal · Esc avbryt",
    empty_name: "Skriv et navn på filen",
};

const NEW_EN: NewDialogTexts = NewDialogTexts {
    title: "New scenario from template",
    row_help: "Make a scenario file to fill in: the empty template or a bundled scenario",
    name: "File name",
    template: "Template",
    folder: "Saved in",
    keys: "Enter make and open · ↑↓ template · Esc cancel",
    empty_name: "Type a name for the file",
};

pub fn new_dialog(lang: Lang) -> &'static NewDialogTexts {
    match lang {
        Lang::Nb => &NEW_NB,
        Lang::En => &NEW_EN,
    }
}

/// A file name the dialog refuses: folders, a leading dot, control
/// characters, too long.
pub fn bad_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "«{name}» kan ikke brukes som filnavn: bruk bokstaver, tall, mellomrom, - og _ (høyst 60 tegn)"
        ),
        Lang::En => format!(
            "\"{name}\" cannot be a file name: use letters, digits, spaces, - and _ (at most 60 characters)"
        ),
    }
}

/// The id a name gives is taken by another scenario.
pub fn id_taken(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Nb => format!("Id-en «{id}» er i bruk av et annet scenario; velg et annet navn"),
        Lang::En => format!("The id \"{id}\" is used by another scenario; choose another name"),
    }
}

/// The picker wrote the new scenario.
pub fn created(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!("Nytt scenario skrevet: {}", path.display()),
        Lang::En => format!("New scenario written: {}", path.display()),
    }
}
