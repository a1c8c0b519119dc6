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

/// The offer to restore levers an earlier run left unsaved.
pub fn restore_question(lang: Lang, when: &str, n: usize, file_changed: bool) -> String {
    let levers = match (lang, n) {
        (Lang::Nb, 1) => "1 spak".to_string(),
        (Lang::Nb, n) => format!("{n} spaker"),
        (Lang::En, 1) => "1 lever".to_string(),
        (Lang::En, n) => format!("{n} levers"),
    };
    let changed = match (lang, file_changed) {
        (_, false) => "",
        (Lang::Nb, true) => " Scenariofilen er endret siden da.",
        (Lang::En, true) => " The scenario file has changed since.",
    };
    match lang {
        Lang::Nb => format!("Gjenopprett ulagrede endringer fra {when}? ({levers}){changed}"),
        Lang::En => format!("Restore unsaved changes from {when}? ({levers}){changed}"),
    }
}

/// After the offer was taken; `problems`: what did not fit.
pub fn restored(lang: Lang, when: &str, problems: Option<&str>) -> String {
    match (lang, problems) {
        (Lang::Nb, None) => format!("Endringene fra {when} er gjenopprettet (u angrer)"),
        (Lang::En, None) => format!("The changes from {when} are restored (u undoes)"),
        (Lang::Nb, Some(p)) => {
            format!("Endringene fra {when} er gjenopprettet (u angrer), men merk: {p}")
        }
        (Lang::En, Some(p)) => {
            format!("The changes from {when} are restored (u undoes), but note: {p}")
        }
    }
}

/// After the offer was declined with `n`.
pub fn recovery_dropped(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Nb => format!("Endringene fra {when} er forkastet"),
        Lang::En => format!("The changes from {when} are discarded"),
    }
}

/// After the offer was put off with Esc.
pub fn recovery_later(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Nb => format!("Endringene fra {when} tilbys igjen neste gang"),
        Lang::En => format!("The changes from {when} are offered again next time"),
    }
}

/// A recovery file that cannot be read (it is left alone).
pub fn recovery_unreadable(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Nb => format!("Ulagrede endringer fra forrige gang kan ikke leses: {error}"),
        Lang::En => format!("Unsaved changes from last time cannot be read: {error}"),
    }
}

/// Unsaved levers could not be kept.
pub fn recovery_not_kept(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Nb => format!("Ulagrede endringer kunne ikke tas vare på: {error}"),
        Lang::En => format!("Unsaved changes could not be kept: {error}"),
    }
}

/// Printed after a signal or hang-up ended the workshop with unsaved
/// levers.
pub fn recovery_kept(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "effekt: ulagrede endringer er tatt vare på i {path}; \
             de tilbys neste gang scenarioet åpnes"
        ),
        Lang::En => format!(
            "effekt: unsaved changes are kept in {path}; \
             they are offered the next time the scenario opens"
        ),
    }
}

/// An empty name prompt with a hint: how to take it.
pub fn take_hint(lang: Lang, ask: &str, hint: &str) -> String {
    match lang {
        Lang::Nb => format!("{ask} (Tab eller → gir «{hint}»)"),
        Lang::En => format!("{ask} (Tab or → gives \"{hint}\")"),
    }
}

/// A variant was not replaced: choose another name.
pub fn name_taken(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nb => format!("«{name}» finnes allerede: skriv et annet navn"),
        Lang::En => format!("\"{name}\" already exists: type another name"),
    }
}

/// The workshop cannot run without a terminal (or with `TERM=dumb`).
pub fn needs_terminal(lang: Lang, dumb: bool) -> String {
    match (lang, dumb) {
        (Lang::Nb, false) => "effekt: verkstedet trenger en terminal; \
             bruk `effekt calc SCENARIO` for tekst"
            .to_string(),
        (Lang::Nb, true) => "effekt: terminalen (TERM=dumb) kan ikke vise verkstedet; \
             bruk `effekt calc SCENARIO` eller `effekt report SCENARIO`, \
             eller sett TERM (for eksempel TERM=xterm)"
            .to_string(),
        (Lang::En, false) => "effekt: the workshop needs a terminal; \
             try `effekt calc SCENARIO` for text output"
            .to_string(),
        (Lang::En, true) => "effekt: this terminal (TERM=dumb) cannot show the workshop; \
             use `effekt calc SCENARIO` or `effekt report SCENARIO`, \
             or set TERM (for example TERM=xterm)"
            .to_string(),
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

/// A panel title with the amounts in millions: `…, mill. kr` /
/// `…, NOK m`.
pub fn in_millions(lang: Lang, title: &str, currency: &str) -> String {
    match (lang, currency) {
        (Lang::Nb, "NOK") => format!("{title}, mill. kr"),
        (Lang::Nb, c) => format!("{title}, mill. {c}"),
        (Lang::En, c) => format!("{title}, {c} m"),
    }
}

/// Which rows of a scrolled table show: `rad 3–18 av 21` / `rows 3–18 of 21`.
pub fn rows_shown(lang: Lang, first: usize, last: usize, of: usize) -> String {
    match lang {
        Lang::Nb => format!("rad {first}–{last} av {of}"),
        Lang::En => format!("rows {first}–{last} of {of}"),
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
