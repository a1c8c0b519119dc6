//! The texts of the loader's and the levers' errors, in English and
//! bokmål: why a scenario file could not be loaded ([`LoadError`]) and why
//! a lever value was refused ([`LeverError`]). `Display` of both is the
//! English text.

use std::fmt;

use super::{io_error, kind, num, tr};
use crate::format::Lang;
use crate::levers::LeverError;
use crate::scenario::{Diagnostic, Expected, Hint, LoadError, Problem};

use super::rules::{rule, rule_help};

/// Names joined as `"a", "b"`.
fn quoted(names: &[&str], sep: &str) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every problem of a load error, one per line with its help lines, as
/// `effekt check` prints them: `FILE:LINE:COL: error in `KEY`: MESSAGE`.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    e.diagnostics
        .iter()
        .map(|d| diagnostic(lang, &e.file, d))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One problem with its place and, where there is one, its help line.
pub fn diagnostic(lang: Lang, file: &str, d: &Diagnostic) -> String {
    let (error, help) = match lang {
        Lang::En => ("error", "help"),
        Lang::Nb => ("feil", "hjelp"),
    };
    let mut out = format!("{file}:{}:{}: {error}", d.line, d.col);
    if !d.key.is_empty() {
        let key = &d.key;
        out += &tr!(lang, " in `{key}`", " i `{key}`");
    }
    out += ": ";
    out += &problem(lang, &d.problem);
    if let Some(h) = problem_help(lang, &d.problem) {
        out += &format!("\n  {help}: {h}");
    }
    out
}

/// The name of a table in a sentence: `[payment]`, or the top level.
fn table_name(lang: Lang, path: &str) -> String {
    match (lang, path.is_empty()) {
        (Lang::En, true) => "the top level".into(),
        (Lang::Nb, true) => "toppnivået".into(),
        (_, false) => format!("[{path}]"),
    }
}

/// A TOML type as the parser names it (`string`, `integer`, …).
fn toml_type(lang: Lang, found: &str) -> String {
    let nb = match found {
        "string" => "tekst",
        "integer" => "heltall",
        "float" => "desimaltall",
        "boolean" => "sannhetsverdi",
        "datetime" => "dato",
        "array" => "liste",
        "table" => "tabell",
        other => other,
    };
    match lang {
        Lang::En => found.to_string(),
        Lang::Nb => nb.to_string(),
    }
}

fn expected(lang: Lang, e: &Expected) -> String {
    match e {
        Expected::Text => tr!(lang, "a string", "en tekst"),
        Expected::Bool => tr!(lang, "true or false", "true eller false"),
        Expected::Number => tr!(lang, "a number", "et tall"),
        Expected::OneOf(names) => {
            let list = quoted(names, ", ");
            tr!(lang, "one of {list}", "en av {list}")
        }
        Expected::Table => tr!(lang, "a table", "en tabell"),
        Expected::TextList => tr!(lang, "a list of strings", "en liste med tekster"),
        Expected::TableList { key } => tr!(
            lang,
            "a list of tables, written [[{key}]]",
            "en liste med tabeller, skrevet [[{key}]]"
        ),
        Expected::LeverSettings { .. } => tr!(
            lang,
            "a table of lever settings",
            "en tabell med innstillinger for spaken"
        ),
    }
}

fn hint(lang: Lang, h: &Hint) -> String {
    match h {
        Hint::Literal(text) => text.to_string(),
        Hint::Text => "\"…\"".into(),
        Hint::Number | Hint::ReturnCap => tr!(lang, "a number", "et tall"),
        Hint::WholeNumber { min, max } => tr!(
            lang,
            "a whole number from {min} to {max}",
            "et helt tall fra {min} til {max}"
        ),
        Hint::OneOf(names) => match lang {
            Lang::En => quoted(names, " or "),
            Lang::Nb => quoted(names, " eller "),
        },
        Hint::NumberOrList => tr!(
            lang,
            "a number per period, or a list",
            "ett tall per periode, eller en liste"
        ),
    }
}

/// What is wrong, in one sentence.
pub fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::CannotRead { kind, reason } => {
            let why = io_error(lang, &std::io::Error::new(*kind, reason.clone()));
            tr!(
                lang,
                "cannot read the file: {why}",
                "kan ikke lese filen: {why}"
            )
        }
        Problem::NotAFile { kind: k } => kind(lang, *k).to_string(),
        Problem::TooLarge { max } => tr!(
            lang,
            "the file is larger than {max} bytes, the most effekt reads here",
            "filen er større enn {max} byte, det meste effekt leser her"
        ),
        Problem::NotUtf8 => tr!(
            lang,
            "the file is not UTF-8 text",
            "filen er ikke UTF-8-tekst"
        ),
        Problem::NulBytes => tr!(
            lang,
            "the file contains NUL bytes; is it a binary file?",
            "filen inneholder NUL-byte; er det en binærfil?"
        ),
        Problem::Syntax { message } => {
            tr!(
                lang,
                "TOML syntax: {message}",
                "TOML-syntaksfeil: {message}"
            )
        }
        Problem::Incomplete => tr!(
            lang,
            "the scenario is incomplete",
            "scenarioet er ufullstendig"
        ),
        Problem::TooMany { more } => {
            tr!(lang, "… and {more} more errors", "… og {more} feil til")
        }
        Problem::UnsupportedFormat => tr!(
            lang,
            "unsupported format; this version of effekt reads `format = 1`",
            "formatet støttes ikke; denne versjonen av effekt leser `format = 1`"
        ),
        Problem::MissingKey { key, table, .. } => {
            let table = table_name(lang, table);
            tr!(
                lang,
                "missing key `{key}` in {table}",
                "mangler nøkkelen `{key}` i {table}"
            )
        }
        Problem::MissingTable { table } => {
            tr!(
                lang,
                "missing table [{table}]",
                "mangler tabellen [{table}]"
            )
        }
        Problem::WrongType { expected: e, found } => {
            let (e, found) = (expected(lang, e), toml_type(lang, found));
            tr!(
                lang,
                "expected {e}, found {found}",
                "ventet {e}, fant {found}"
            )
        }
        Problem::NotAllowed { value, allowed, .. } => {
            let list = quoted(allowed, ", ");
            tr!(
                lang,
                "\"{value}\" is not allowed here; allowed: {list}",
                "\"{value}\" er ikke tillatt her; tillatt: {list}"
            )
        }
        Problem::UnknownKey {
            key,
            table,
            is_table,
            ..
        } => {
            let name = table_name(lang, table);
            let path = if table.is_empty() {
                key.clone()
            } else {
                format!("{table}.{key}")
            };
            match is_table {
                true => tr!(
                    lang,
                    "unknown table `[{path}]` in {name}",
                    "ukjent tabell `[{path}]` i {name}"
                ),
                false => tr!(
                    lang,
                    "unknown key `{key}` in {name}",
                    "ukjent nøkkel `{key}` i {name}"
                ),
            }
        }
        Problem::NotFinite { text } => {
            tr!(
                lang,
                "`{text}` is not a finite number",
                "`{text}` er ikke et endelig tall"
            )
        }
        Problem::NumberOutOfRange { max } => tr!(
            lang,
            "number out of range; allowed: at most {max} in size, at most 28 digits",
            "tallet er utenfor området; tillatt: høyst {max} i størrelse, høyst 28 sifre"
        ),
        Problem::QuotedNumber { text } => tr!(
            lang,
            "expected a number, found the string \"{text}\"; write it without quotes",
            "ventet et tall, fant teksten \"{text}\"; skriv det uten anførselstegn"
        ),
        Problem::WholeNumberOutOfRange { value, min, max } => tr!(
            lang,
            "{value} is out of range; allowed: {min} to {max}",
            "{value} er utenfor området; tillatt: {min} til {max}"
        ),
        Problem::NotWhole => tr!(lang, "expected a whole number", "ventet et helt tall"),
        Problem::OtherDistribution { key, distribution } => tr!(
            lang,
            "`{key}` is only for achievement = \"{distribution}\"",
            "`{key}` gjelder bare for achievement = \"{distribution}\""
        ),
        Problem::TriangularNeeds { key } => tr!(
            lang,
            "achievement = \"triangular\" needs `{key}`",
            "achievement = \"triangular\" krever `{key}`"
        ),
        Problem::ListForStart => tr!(
            lang,
            "a cost paid once (when = \"start\") has one amount, not a list",
            "en kostnad som betales én gang (when = \"start\") har ett beløp, ikke en liste"
        ),
        Problem::Rule(r) => rule(lang, r),
    }
}

/// What to do about a problem, where effekt can say.
pub fn problem_help(lang: Lang, p: &Problem) -> Option<String> {
    Some(match p {
        Problem::NotUtf8 => tr!(
            lang,
            "save the scenario as UTF-8 (a TOML file must be UTF-8)",
            "lagre scenarioet som UTF-8 (en TOML-fil må være UTF-8)"
        ),
        Problem::TooMany { .. } => tr!(
            lang,
            "fix the errors above and check the file again",
            "rett feilene over og sjekk filen på nytt"
        ),
        Problem::UnsupportedFormat => tr!(
            lang,
            "set `format = 1` and check the file against docs/scenario-format.md",
            "sett `format = 1` og sjekk filen mot docs/scenario-format.md"
        ),
        Problem::MissingKey {
            hint: Hint::ReturnCap,
            ..
        } => tr!(
            lang,
            "add `return_cap = 0.08` (an annual rate); an uncapped investor would take every krone, so write a high cap such as 1.0 to mean practically uncapped",
            "legg til `return_cap = 0.08` (en årlig rente); en investor uten tak ville tatt hver krone, så skriv et høyt tak, f.eks. 1.0, for å mene i praksis uten tak"
        ),
        Problem::MissingKey { key, hint: h, .. } => {
            let what = hint(lang, h);
            tr!(lang, "add `{key} = {what}`", "legg til `{key} = {what}`")
        }
        Problem::MissingTable { table } => tr!(
            lang,
            "add a [{table}] table; see docs/scenario-format.md",
            "legg til en [{table}]-tabell; se docs/scenario-format.md"
        ),
        Problem::WrongType {
            expected: Expected::LeverSettings { id },
            ..
        } => tr!(
            lang,
            "write [levers.\"{id}\"] with min, max and step",
            "skriv [levers.\"{id}\"] med min, max og step"
        ),
        Problem::NotAllowed {
            suggestion: Some(m),
            ..
        } => tr!(lang, "did you mean \"{m}\"?", "mente du \"{m}\"?"),
        Problem::NotAllowed { allowed, .. } => {
            let list = quoted(allowed, ", ");
            tr!(lang, "allowed: {list}", "tillatt: {list}")
        }
        Problem::UnknownKey {
            suggestion: Some(m),
            ..
        } => tr!(lang, "did you mean `{m}`?", "mente du `{m}`?"),
        Problem::UnknownKey { known, .. } => {
            let keys = known.join(", ");
            tr!(lang, "known keys here: {keys}", "kjente nøkler her: {keys}")
        }
        Problem::OtherDistribution { key, distribution } => tr!(
            lang,
            "remove `{key}`, or set achievement = \"{distribution}\"",
            "fjern `{key}`, eller sett achievement = \"{distribution}\""
        ),
        Problem::TriangularNeeds { key } => tr!(
            lang,
            "add `{key} = …` (1 = exactly the expected effect)",
            "legg til `{key} = …` (1 = akkurat forventet effekt)"
        ),
        Problem::ListForStart => tr!(
            lang,
            "write one number, or set when = \"each_period\"",
            "skriv ett tall, eller sett when = \"each_period\""
        ),
        Problem::Rule(r) => return rule_help(lang, r),
        _ => return None,
    })
}

/// Why a lever value was refused, as a whole sentence.
pub fn lever_error(lang: Lang, e: &LeverError) -> String {
    match e {
        LeverError::Unknown { id, suggestion } => {
            let mut out = tr!(lang, "unknown lever `{id}`", "ukjent spak `{id}`");
            if let Some(s) = suggestion {
                out += &tr!(lang, "; did you mean `{s}`?", "; mente du `{s}`?");
            }
            out
        }
        LeverError::OutOfRange {
            id,
            value,
            min,
            max,
        } => {
            let (value, min, max) = (num(lang, *value), num(lang, *min), num(lang, *max));
            tr!(
                lang,
                "{value} is outside the range of `{id}`: {min} to {max}",
                "{value} er utenfor området til `{id}`: {min} til {max}"
            )
        }
        LeverError::Invalid { id, value, rule: r } => {
            let (value, reason) = (num(lang, *value), rule(lang, r));
            tr!(
                lang,
                "`{id}` = {value} is refused: {reason}",
                "`{id}` = {value} avvises: {reason}"
            )
        }
    }
}

/// The reason alone: the broken rule of an invalid value, else the whole
/// sentence of [`lever_error`].
pub fn lever_reason(lang: Lang, e: &LeverError) -> String {
    match e {
        LeverError::Invalid { rule: r, .. } => rule(lang, r),
        other => lever_error(lang, other),
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&load_error(Lang::En, self))
    }
}

impl fmt::Display for LeverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&lever_error(Lang::En, self))
    }
}
