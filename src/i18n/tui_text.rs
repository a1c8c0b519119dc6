//! Texts of the TUI with numbers or names in them.

use crate::format::Lang;
use crate::scenario::Period;

/// `8 halvår` / `8 half-years`.
pub fn periods(lang: Lang, n: usize, period: Period) -> String {
    let unit = match (lang, period, n == 1) {
        (Lang::Nb, Period::Year, _) => "år",
        (Lang::Nb, Period::HalfYear, _) => "halvår",
        (Lang::Nb, Period::Quarter, _) => "kvartal",
        (Lang::Nb, Period::Month, true) => "måned",
        (Lang::Nb, Period::Month, false) => "måneder",
        (Lang::En, Period::Year, true) => "year",
        (Lang::En, Period::Year, false) => "years",
        (Lang::En, Period::HalfYear, true) => "half-year",
        (Lang::En, Period::HalfYear, false) => "half-years",
        (Lang::En, Period::Quarter, true) => "quarter",
        (Lang::En, Period::Quarter, false) => "quarters",
        (Lang::En, Period::Month, true) => "month",
        (Lang::En, Period::Month, false) => "months",
    };
    format!("{n} {unit}")
}

/// `starter 2026` / `from 2026`.
pub fn starting(lang: Lang, year: i64) -> String {
    match lang {
        Lang::Nb => format!("fra {year}"),
        Lang::En => format!("from {year}"),
    }
}

/// The first error of a broken scenario file, and how many more.
pub fn load_error(lang: Lang, line: usize, col: usize, message: &str, more: usize) -> String {
    match (lang, more) {
        (Lang::Nb, 0) => format!("linje {line}:{col}: {message}"),
        (Lang::Nb, n) => format!("linje {line}:{col}: {message} (+{n} feil til)"),
        (Lang::En, 0) => format!("line {line}:{col}: {message}"),
        (Lang::En, n) => format!("line {line}:{col}: {message} (+{n} more)"),
    }
}

/// `3 endret` / `3 changed`.
pub fn changed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Nb => format!("{n} endret"),
        Lang::En => format!("{n} changed"),
    }
}

/// A step that cannot go further.
pub fn at_max(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Nb => format!("{label} er allerede på maksimum: {value}"),
        Lang::En => format!("{label} is already at its maximum: {value}"),
    }
}

/// A step that cannot go further down.
pub fn at_min(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Nb => format!("{label} er allerede på minimum: {value}"),
        Lang::En => format!("{label} is already at its minimum: {value}"),
    }
}

/// A value outside a lever's range.
pub fn out_of_range(lang: Lang, value: &str, min: &str, max: &str) -> String {
    match lang {
        Lang::Nb => format!("Avvist: {value} er utenfor området {min} til {max}"),
        Lang::En => format!("Refused: {value} is outside the range {min} to {max}"),
    }
}

/// A value the scenario's rules refuse.
pub fn refused(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Nb => format!("Avvist: {reason}"),
        Lang::En => format!("Refused: {reason}"),
    }
}

/// The edit prompt's label.
pub fn prompt(lang: Lang, label: &str, now: &str) -> String {
    match lang {
        Lang::Nb => format!("{label} (nå {now}) = "),
        Lang::En => format!("{label} (now {now}) = "),
    }
}

/// Confirmation before changed levers are discarded.
pub fn confirm_discard(lang: Lang, n: usize, to_picker: bool) -> String {
    let changed = match (lang, n) {
        (Lang::Nb, 1) => "1 spak er endret".to_string(),
        (Lang::Nb, n) => format!("{n} spaker er endret"),
        (Lang::En, 1) => "1 lever is changed".to_string(),
        (Lang::En, n) => format!("{n} levers are changed"),
    };
    match (lang, to_picker) {
        (Lang::Nb, false) => format!("{changed}. Forkaste endringene og avslutte?"),
        (Lang::Nb, true) => {
            format!("{changed}. Forkaste endringene og gå tilbake til scenariovelgeren?")
        }
        (Lang::En, false) => format!("{changed}. Discard the changes and quit?"),
        (Lang::En, true) => {
            format!("{changed}. Discard the changes and go back to the scenario picker?")
        }
    }
}

/// `Tema: høy kontrast` / `Theme: high contrast`.
pub fn theme_now(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nb => format!("Fargetema: {name}"),
        Lang::En => format!("Colour theme: {name}"),
    }
}

/// The message when the terminal is too small.
pub fn too_small(lang: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    match lang {
        Lang::Nb => format!("Vinduet er {w}×{h} tegn; effekt trenger minst {min_w}×{min_h}."),
        Lang::En => {
            format!("The window is {w}×{h} characters; effekt needs at least {min_w}×{min_h}.")
        }
    }
}

/// The scale of the per-period chart when periods are summed into bars.
pub fn periods_per_bar(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Nb => format!("{n} perioder per søyle"),
        Lang::En => format!("{n} periods per bar"),
    }
}

/// A panel title with the currency its bare amounts are in.
pub fn in_currency(lang: Lang, title: &str, currency: &str) -> String {
    match (lang, currency) {
        (Lang::Nb, "NOK") => format!("{title}, kr"),
        _ => format!("{title}, {currency}"),
    }
}

/// `Mål: 100 %` style label for the chart markers.
pub fn marker(name: &str, value: &str) -> String {
    format!("{name} {value}")
}

/// After goal seek moved a lever: `Pris er nå 875,45 kr (u angrer)`.
pub fn goal_applied(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Nb => format!("{label} er nå {value} (u angrer)"),
        Lang::En => format!("{label} is now {value} (u undoes)"),
    }
}

/// `4 500 av 10 000 trekk` / `4,500 of 10,000 draws`.
pub fn draws_progress(lang: Lang, done: u32, total: u32) -> String {
    let n = |v: u32| crate::format::number(lang, v.into(), 0);
    match lang {
        Lang::Nb => format!("{} av {} trekk", n(done), n(total)),
        Lang::En => format!("{} of {} draws", n(done), n(total)),
    }
}
