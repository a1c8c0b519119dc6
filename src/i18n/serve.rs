//! `effekt serve`'s own texts, in bokmål and English, by audience: what
//! the server says to an SSH user outside the workshop (refusals,
//! shutdown), and, in [`operator`], to whoever starts the server. The
//! workshop's texts are in [`super::tui`](mod@super::tui) and, in a shared room,
//! [`super::tui_room`].
//!
//! Whatever a client sent (a terminal type, a room name, a command) is
//! quoted through [`excerpt`]: on one line, without control characters,
//! and short.

use crate::format::{Lang, excerpt};

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
    let term = excerpt(term);
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

/// A room name the server does not take (names have 1 to `max` characters).
pub fn bad_room_name(lang: Lang, name: &str, max: usize) -> String {
    let name = excerpt(name);
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
    let wanted = excerpt(wanted);
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
    let command = excerpt(command);
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

/// What `effekt serve` says to whoever starts it, when it cannot.
pub mod operator {
    use std::fmt::Display;
    use std::path::Path;

    use crate::format::Lang;

    /// Why a key file cannot be used (`serve::keys::KeyError`).
    pub enum KeyProblem<'a> {
        Io(&'a Path, &'a dyn Display),
        NotAFile(&'a Path),
        /// The file and the most bytes read.
        TooLarge(&'a Path, u64),
        HostKeyReadable(&'a Path, u32),
        HostKeyBroken(&'a Path, &'a str),
        HostKeyEncrypted(&'a Path),
        HostKeyMissing(&'a Path),
        KeysWritable(&'a Path, u32),
        KeysMissing(&'a Path),
        NoKeys(&'a Path),
    }

    /// A key file's problem, naming the file and saying what to do.
    pub fn key_problem(lang: Lang, problem: &KeyProblem) -> String {
        use KeyProblem as P;
        let nb = lang == Lang::Nb;
        match *problem {
            P::Io(path, e) => format!("{}: {e}", path.display()),
            P::NotAFile(path) => {
                let p = path.display();
                if nb {
                    format!("{p}: ikke en vanlig fil; oppgi stien til en nøkkelfil")
                } else {
                    format!("{p}: not a regular file; give the path of a key file")
                }
            }
            P::TooLarge(path, max) => {
                let p = path.display();
                if nb {
                    format!("{p}: større enn {max} byte; dette er ikke en nøkkelfil")
                } else {
                    format!("{p}: larger than {max} bytes; this is not a key file")
                }
            }
            P::HostKeyReadable(path, mode) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: tilgangene {mode:04o} lar andre lese vertsnøkkelen; \
                         bare eieren skal kunne lese den: chmod 600 {p}"
                    )
                } else {
                    format!(
                        "{p}: permissions {mode:04o} let others read the host key; \
                         it must be readable by its owner only: chmod 600 {p}"
                    )
                }
            }
            P::HostKeyBroken(path, reason) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: ikke en privat OpenSSH-nøkkel ({reason}); fjern den for å få \
                         laget en ny, eller oppgi en annen med --host-key"
                    )
                } else {
                    format!(
                        "{p}: not an OpenSSH private key ({reason}); remove it to have a new \
                         one made, or give another with --host-key"
                    )
                }
            }
            P::HostKeyEncrypted(path) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: nøkkelen er beskyttet med passord, som en server ikke kan skrive; \
                         oppgi en nøkkel uten passord (ssh-keygen -t ed25519 -N '' -f FIL)"
                    )
                } else {
                    format!(
                        "{p}: the key is protected by a passphrase, which a server cannot type; \
                         give an unencrypted key (ssh-keygen -t ed25519 -N '' -f FILE)"
                    )
                }
            }
            P::HostKeyMissing(path) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: ingen slik vertsnøkkel; lag en med `ssh-keygen -t ed25519 -N '' -f {p}`, \
                         eller utelat --host-key for å bruke den effekt lager i datamappen sin"
                    )
                } else {
                    format!(
                        "{p}: no such host key; make one with `ssh-keygen -t ed25519 -N '' -f {p}`, \
                         or leave out --host-key to use the one effekt makes in its data folder"
                    )
                }
            }
            P::KeysWritable(path, mode) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: tilgangene {mode:04o} lar andre endre hvem som kan logge inn; \
                         bare eieren skal kunne skrive til den: chmod go-w {p}"
                    )
                } else {
                    format!(
                        "{p}: permissions {mode:04o} let others change who may log in; \
                         it must be writable by its owner only: chmod go-w {p}"
                    )
                }
            }
            P::KeysMissing(path) => {
                let p = path.display();
                if nb {
                    format!(
                        "{p}: ingen fil med autoriserte nøkler; legg den offentlige nøkkelen din \
                         i den, eller oppgi en med --authorized-keys STI"
                    )
                } else {
                    format!(
                        "{p}: no authorised keys file; add your public key to it, or give \
                         one with --authorized-keys PATH"
                    )
                }
            }
            P::NoKeys(path) => {
                let p = path.display();
                if nb {
                    format!("{p}: ingen brukbar offentlig nøkkel, så ingen kan logge inn")
                } else {
                    format!("{p}: no usable public key, so nobody could log in")
                }
            }
        }
    }

    /// The async runtime could not be made.
    pub fn cannot_start(lang: Lang, e: &dyn Display) -> String {
        match lang {
            Lang::Nb => format!("kan ikke starte serveren: {e}"),
            Lang::En => format!("cannot start the server: {e}"),
        }
    }

    /// The address cannot be listened on.
    pub fn cannot_listen(lang: Lang, listen: &str, e: &dyn Display) -> String {
        match lang {
            Lang::Nb => format!("kan ikke lytte på {listen}: {e}"),
            Lang::En => format!("cannot listen on {listen}: {e}"),
        }
    }

    /// SIGTERM cannot be watched for.
    pub fn cannot_watch_signals(lang: Lang, e: &dyn Display) -> String {
        match lang {
            Lang::Nb => format!("kan ikke lytte etter SIGTERM: {e}"),
            Lang::En => format!("cannot watch for SIGTERM: {e}"),
        }
    }

    /// No home folder, so no default `authorized_keys`.
    pub fn no_home(lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => {
                "ingen hjemmemappe å finne ~/.ssh/authorized_keys i; oppgi --authorized-keys STI"
            }
            Lang::En => {
                "no home folder to find ~/.ssh/authorized_keys in; give --authorized-keys PATH"
            }
        }
    }

    /// No data folder, so no default host key.
    pub fn no_data_dir(lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => {
                "ingen datamappe for vertsnøkkelen; sett EFFEKT_DATA_DIR eller oppgi --host-key STI"
            }
            Lang::En => {
                "no data folder for the host key; set EFFEKT_DATA_DIR or give --host-key PATH"
            }
        }
    }

    /// A line of `authorized_keys` that was skipped.
    pub fn key_skipped(lang: Lang, path: &Path, line: usize, reason: &str) -> String {
        match lang {
            Lang::Nb => format!("{}:{line}: hoppet over: {reason}", path.display()),
            Lang::En => format!("{}:{line}: skipped: {reason}", path.display()),
        }
    }
}
