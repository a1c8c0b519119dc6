//! What the server says to an SSH user outside the workshop (refusals,
//! shutdown), in bokmål and English. The workshop's own texts are in
//! `crate::i18n`.

use crate::format::Lang;

/// A user's terminal cannot be drawn on without a pseudo-terminal.
pub fn needs_terminal(lang: Lang, port: u16) -> String {
    match lang {
        Lang::Nb => {
            format!("effekt trenger en terminal. Koble til med `ssh -t -p {port} BRUKER@VERT`.")
        }
        Lang::En => format!("effekt needs a terminal. Connect with `ssh -t -p {port} USER@HOST`."),
    }
}

/// The terminal type cannot show the workshop (`TERM=dumb` or none).
pub fn unusable_terminal(lang: Lang, term: &str, port: u16) -> String {
    let term = term.escape_debug();
    match lang {
        Lang::Nb => format!(
            "effekt kan ikke tegne på terminaltypen «{term}» (TERM). \
             Sett TERM til terminalen din, f.eks. `TERM=xterm-256color ssh -t -p {port} BRUKER@VERT`."
        ),
        Lang::En => format!(
            "effekt cannot draw on the terminal type \"{term}\" (TERM). \
             Set TERM to your terminal, e.g. `TERM=xterm-256color ssh -t -p {port} USER@HOST`."
        ),
    }
}

/// `room` without a name, or with too many words.
pub fn room_usage(lang: Lang, port: u16) -> String {
    match lang {
        Lang::Nb => format!(
            "Bruk: `ssh -t -p {port} BRUKER@VERT room NAVN [SCENARIO]`: blir med i rommet NAVN, \
             eller lager det (med SCENARIO, ellers velger du scenario)."
        ),
        Lang::En => format!(
            "Usage: `ssh -t -p {port} USER@HOST room NAME [SCENARIO]`: joins the room NAME, \
             or creates it (with SCENARIO, else you pick the scenario)."
        ),
    }
}

/// A room name the server does not take.
pub fn bad_room_name(lang: Lang, name: &str) -> String {
    let name = name.escape_debug();
    let max = super::ROOM_NAME_MAX;
    match lang {
        Lang::Nb => format!(
            "«{name}» kan ikke være navnet på et rom: bruk 1–{max} bokstaver, sifre, `-`, `_` eller `.`."
        ),
        Lang::En => {
            format!("\"{name}\" cannot name a room: use 1–{max} letters, digits, `-`, `_` or `.`.")
        }
    }
}

/// `room NAME SCENARIO` names a scenario the server does not have.
pub fn unknown_scenario(lang: Lang, wanted: &str) -> String {
    let wanted = wanted.escape_debug();
    let ids = crate::catalog::BUNDLED
        .iter()
        .filter_map(|b| b.file_name.strip_suffix(".toml"))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Nb => format!(
            "effekt serve har ikke scenarioet «{wanted}». Bruk id-en til et innebygd scenario \
             ({ids}), et scenario serveren ble startet med, eller et i serverens scenariomappe."
        ),
        Lang::En => format!(
            "effekt serve has no scenario \"{wanted}\". Use the id of a bundled scenario \
             ({ids}), one the server was started with, or one in the server's scenario folder."
        ),
    }
}

/// A command the server does not run.
pub fn unknown_command(lang: Lang, command: &str, port: u16) -> String {
    let command = command.escape_debug();
    match lang {
        Lang::Nb => format!(
            "effekt serve kjører ikke «{command}». Uten kommando (`ssh -t -p {port} BRUKER@VERT`) \
             får du et eget verksted; med `room NAVN [SCENARIO]` blir du med i et felles rom."
        ),
        Lang::En => format!(
            "effekt serve does not run \"{command}\". Without a command (`ssh -t -p {port} USER@HOST`) \
             you get a workshop of your own; with `room NAME [SCENARIO]` you join a shared room."
        ),
    }
}

/// The server has as many sessions as it takes.
pub fn server_full(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "effekt serve har ikke plass til flere økter nå. Prøv igjen om litt.",
        Lang::En => "effekt serve has no room for more sessions now. Try again in a while.",
    }
}

/// The server is stopping.
pub fn shutting_down(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "effekt serve stenges ned; økten er avsluttet.",
        Lang::En => "effekt serve is shutting down; your session has ended.",
    }
}

/// Something went wrong on the server.
pub fn internal_error(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "En feil på serveren avsluttet økten (den står i serverens logg).",
        Lang::En => "An error on the server ended this session (it is in the server's log).",
    }
}
