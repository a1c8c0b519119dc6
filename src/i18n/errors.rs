//! Errors in the user's language, each from its typed error, so that no
//! English `Display` text is translated by matching strings:
//!
//! - this file: numbers typed, files read and written, the variant store,
//!   goal seek ([`solve_error`]);
//! - `load.rs`: why a scenario file could not be loaded ([`load_error`],
//!   [`diagnostic`], [`problem`]) and why a lever value was refused
//!   ([`lever_error`], [`lever_reason`]); `Display` of those errors is the
//!   English text;
//! - `rules.rs`: the rules of the scenario format ([`rule`]).
//!
//! ```
//! use effekt::format::Lang;
//! use effekt::i18n::errors;
//!
//! let err = effekt::scenario::parse("format = 2", "draft.toml").unwrap_err();
//! let en = errors::load_error(Lang::En, &err);
//! assert!(en.contains("draft.toml:1:10: error in `format`: unsupported format"));
//! assert!(en.contains("\n  help: set `format = 1`"));
//! let nb = errors::load_error(Lang::Nb, &err);
//! assert!(nb.contains("draft.toml:1:10: feil i `format`: formatet støttes ikke"));
//! assert!(nb.contains("\n  hjelp: sett `format = 1`"));
//! ```

mod load;
mod rules;

pub use load::{diagnostic, lever_error, lever_reason, load_error, problem, problem_help};
pub use rules::{rule, rule_help};

use rust_decimal::Decimal;

use crate::files::{FileError, Kind};
use crate::format::{self, Lang, NumberError};
use crate::risk::SolveError;
use crate::store::{Problem, ReadProblem, StoreError, TextProblem};

/// One text per language, formatted with the names in scope.
macro_rules! tr {
    ($lang:expr, $en:literal, $nb:literal) => {
        match $lang {
            Lang::En => format!($en),
            Lang::Nb => format!($nb),
        }
    };
}
pub(crate) use tr;

/// A number as the language writes it in a sentence (en `0.25`, nb `0,25`).
pub(crate) fn num(lang: Lang, d: Decimal) -> String {
    match lang {
        Lang::En => d.to_string(),
        Lang::Nb => format::number(Lang::Nb, d, d.normalize().scale()),
    }
}

/// Why goal seek found no answer: the lever's refusal, the achievement
/// given twice, or no value in the lever's range that reaches the target.
pub fn solve_error(lang: Lang, e: &SolveError) -> String {
    match (lang, e) {
        (_, SolveError::Lever(e)) => lever_error(lang, e),
        (Lang::Nb, SolveError::AchievementTwice) => "måloppnåelsen er spaken det løses for; \
            dropp måloppnåelsen det skal løses ved (--at)"
            .into(),
        (Lang::Nb, SolveError::Unreachable(m)) => format!(
            "ingen verdi av `{}` fra {} til {} gir {} = {}",
            m.lever.id,
            num(lang, m.lever.min),
            num(lang, m.lever.max),
            m.figure.id(),
            num(lang, m.target)
        ),
        (Lang::En, e) => e.to_string(),
    }
}

/// Why typed text is not a number, with what to type instead.
pub fn number_error(lang: Lang, e: &NumberError) -> String {
    let n = |d| format::number(lang, d, d.normalize().scale());
    match (lang, e) {
        (Lang::Nb, NumberError::Empty) => "skriv et tall".into(),
        (Lang::En, NumberError::Empty) => "type a number".into(),
        (Lang::Nb, NumberError::NotANumber { text }) => format!("«{text}» er ikke et tall"),
        (Lang::En, NumberError::NotANumber { text }) => format!("\"{text}\" is not a number"),
        (
            Lang::Nb,
            NumberError::Ambiguous {
                text,
                grouped,
                decimal,
            },
        ) => format!(
            "«{text}» er tvetydig: punktum brukes ikke i tall på bokmål; skriv {} (tusen) eller {} (desimal)",
            n(*grouped),
            n(*decimal)
        ),
        (
            Lang::En,
            NumberError::Ambiguous {
                text,
                grouped,
                decimal,
            },
        ) => format!(
            "\"{text}\" is ambiguous; write {} (thousands) or {} (decimal)",
            n(*grouped),
            n(*decimal)
        ),
        (Lang::Nb, NumberError::OutOfRange { text }) => {
            format!("«{text}» er utenfor området effekt regner med (høyst 28 sifre)")
        }
        (Lang::En, NumberError::OutOfRange { text }) => {
            format!("\"{text}\" is out of range (effekt computes with at most 28 digits)")
        }
    }
}

pub(crate) fn kind(lang: Lang, k: Kind) -> &'static str {
    match (lang, k) {
        (Lang::Nb, Kind::Folder) => "dette er en mappe, ikke en fil",
        (Lang::Nb, Kind::Fifo) => "dette er en navngitt rørledning (FIFO), ikke en vanlig fil",
        (Lang::Nb, Kind::Device) => "dette er en enhet, ikke en vanlig fil",
        (Lang::Nb, Kind::Socket) => "dette er en socket, ikke en vanlig fil",
        (Lang::Nb, Kind::Other) => "dette er ikke en vanlig fil",
        (Lang::En, Kind::Folder) => "this is a folder, not a file",
        (Lang::En, Kind::Fifo) => "this is a named pipe (FIFO), not a regular file",
        (Lang::En, Kind::Device) => "this is a device, not a regular file",
        (Lang::En, Kind::Socket) => "this is a socket, not a regular file",
        (Lang::En, Kind::Other) => "this is not a regular file",
    }
}

/// Why a file could not be read or written.
pub fn file_error(lang: Lang, e: &FileError) -> String {
    match (lang, e) {
        (_, FileError::NotAFile(k)) => kind(lang, *k).into(),
        (Lang::Nb, FileError::TooLarge { limit }) => {
            format!("filen er større enn {limit} byte, det meste effekt leser her")
        }
        (Lang::En, FileError::TooLarge { .. }) => e.to_string(),
        (Lang::Nb, FileError::NoFolder(dir)) => {
            format!("mappen {} finnes ikke; lag den først", dir.display())
        }
        (Lang::En, FileError::NoFolder(_)) => e.to_string(),
        (Lang::Nb, FileError::Read(io)) => format!("kan ikke lese filen: {}", io_error(lang, io)),
        (Lang::En, FileError::Read(io)) => format!("cannot read the file: {}", io_error(lang, io)),
        (Lang::Nb, FileError::Write(io)) => {
            format!("kan ikke skrive filen: {}", io_error(lang, io))
        }
        (Lang::En, FileError::Write(io)) => {
            format!("cannot write the file: {}", io_error(lang, io))
        }
    }
}

/// An operating-system error: the common ones in bokmål, the rest as the
/// system says them.
pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let nb = match e.kind() {
        K::NotFound => Some("finnes ikke"),
        K::PermissionDenied => Some("ingen tilgang"),
        K::StorageFull => Some("disken er full"),
        K::AlreadyExists => Some("finnes allerede"),
        K::NotADirectory => Some("en del av stien er ikke en mappe"),
        K::IsADirectory => Some("er en mappe"),
        K::ReadOnlyFilesystem => Some("filsystemet er skrivebeskyttet"),
        _ => None,
    };
    match (lang, nb) {
        (Lang::Nb, Some(text)) => text.to_string(),
        _ => e.to_string(),
    }
}

/// A name or note that was refused, and why.
fn text_problem(lang: Lang, p: &TextProblem) -> String {
    match (lang, p) {
        (Lang::Nb, TextProblem::Empty) => "den er tom".into(),
        (Lang::Nb, TextProblem::TooLong { max }) => format!("den er lengre enn {max} tegn"),
        (Lang::Nb, TextProblem::Control { code }) => {
            format!("den inneholder kontrolltegnet U+{code:04X}")
        }
        (Lang::En, p) => p.to_string(),
    }
}

/// An error of the variant store: what happened and what to do.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        StoreError::NoDataDir => {
            "ingen datamappe: sett EFFEKT_DATA_DIR til en mappe effekt kan skrive til".into()
        }
        StoreError::Write { path, source } => format!(
            "kan ikke skrive til {}: {}; sjekk mappens tilganger eller sett EFFEKT_DATA_DIR",
            path.display(),
            io_error(lang, source)
        ),
        StoreError::Read { path, reason } => {
            format!("kan ikke lese {}: {reason}", path.display())
        }
        StoreError::Exists { name } => format!("en variant med navnet «{name}» finnes allerede"),
        StoreError::NotFound { name } => {
            format!("ingen variant med navnet «{}»", format::excerpt(name))
        }
        StoreError::NotDeleted { name } => format!(
            "ingen slettet variant med navnet «{}» i papirkurven",
            format::excerpt(name)
        ),
        StoreError::EmptyName => "en variant trenger et navn".into(),
        StoreError::BadName { problem } => format!(
            "variantnavnet avvises: {}; skriv det på én linje",
            text_problem(lang, problem)
        ),
        StoreError::BadNote { problem } => {
            format!("notatet avvises: {}", text_problem(lang, problem))
        }
        StoreError::TooLarge { max } => {
            format!("varianten ville blitt større enn {max} byte; fjern noen notater")
        }
        StoreError::Busy { path } => format!(
            "{} er låst av en annen effekt-prosess som lagrer; prøv igjen",
            path.display()
        ),
    }
}

/// What did not fit when a variant was applied to its scenario.
pub fn variant_problem(lang: Lang, p: &Problem) -> String {
    match (lang, p) {
        (Lang::Nb, Problem::ScenarioChanged) => {
            "scenariofilen er endret siden varianten ble lagret".into()
        }
        (Lang::Nb, Problem::UnknownLevers(ids)) => format!(
            "spaker som ikke lenger finnes i scenarioet (hoppet over): {}",
            ids.join(", ")
        ),
        (Lang::Nb, Problem::Refused { lever, reason }) => {
            format!("spaken `{lever}` hoppet over: {reason}")
        }
        (Lang::En, p) => p.to_string(),
    }
}

/// Why a file in the variant folder was skipped.
pub fn read_problem(lang: Lang, p: &ReadProblem) -> String {
    match (lang, p) {
        (Lang::Nb, ReadProblem::File(e)) => file_error(lang, e),
        (Lang::Nb, ReadProblem::NotUtf8) => "ikke UTF-8-tekst".into(),
        (Lang::Nb, ReadProblem::Toml { at, message }) => match at {
            Some((line, col)) => {
                format!("ikke en variantfil: TOML-feil på linje {line}, kolonne {col}: {message}")
            }
            None => format!("ikke en variantfil: TOML-feil: {message}"),
        },
        (Lang::Nb, ReadProblem::NotTrash) => {
            "ikke en slettet variant (navnet har ingen slettetid); latt i fred".into()
        }
        (Lang::Nb, ReadProblem::Format(n)) => format!(
            "variantformat {n} støttes ikke (denne effekt leser format {})",
            crate::store::VARIANT_FORMAT
        ),
        (Lang::Nb, ReadProblem::BadNumber { lever, text }) => {
            format!("spaken `{lever}`: «{text}» er ikke et tall")
        }
        (Lang::Nb, ReadProblem::Foreign { scenario, expected }) => {
            format!("hører til scenarioet «{scenario}», ikke «{expected}»")
        }
        (Lang::En, p) => p.to_string(),
    }
}
