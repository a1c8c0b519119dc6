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

/// `room NAME [SCENARIO]` is announced but not there yet.
pub fn room_not_yet(lang: Lang, port: u16) -> String {
    match lang {
        Lang::Nb => format!(
            "Felles rom (`room NAVN [SCENARIO]`) kommer i en senere versjon av effekt serve. \
             Foreløpig gir `ssh -t -p {port} BRUKER@VERT` et eget verksted."
        ),
        Lang::En => format!(
            "Shared rooms (`room NAME [SCENARIO]`) come in a later version of effekt serve. \
             For now, `ssh -t -p {port} USER@HOST` opens a workshop of your own."
        ),
    }
}

/// A command the server does not run.
pub fn unknown_command(lang: Lang, command: &str, port: u16) -> String {
    let command = command.escape_debug();
    match lang {
        Lang::Nb => format!(
            "effekt serve kjører ikke «{command}». Uten kommando (`ssh -t -p {port} BRUKER@VERT`) \
             får du et eget verksted; `room NAVN [SCENARIO]` kommer senere."
        ),
        Lang::En => format!(
            "effekt serve does not run \"{command}\". Without a command (`ssh -t -p {port} USER@HOST`) \
             you get a workshop of your own; `room NAME [SCENARIO]` comes later."
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
