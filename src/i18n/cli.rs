//! The command line's own texts: prefixes, headers, messages, and clap's
//! errors in bokmål. The bokmål of `--help` is in [`super::help`].

use std::io;
use std::path::Path;

use crate::catalog::OpenError;
use crate::format::{Lang, excerpt};

/// Fixed texts of the command line, one language.
pub struct CliTexts {
    pub error: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    pub bundled: &'static str,
    pub your_folder: &'static str,
    pub id_taken: &'static str,
    pub id: &'static str,
    pub value: &'static str,
    pub min: &'static str,
    pub max: &'static str,
    pub step: &'static str,
    pub shown: &'static str,
    pub label: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub help_command: &'static str,
    pub help_command_arg: &'static str,
}

pub static CLI_NB: CliTexts = CliTexts {
    error: "feil",
    warning: "advarsel",
    note: "merk",
    bundled: "innebygd",
    your_folder: "Din scenariomappe",
    id_taken: "(id-en brukes av et innebygd scenario; åpne filen med stien)",
    id: "id",
    value: "verdi",
    min: "min",
    max: "maks",
    step: "steg",
    shown: "vises",
    label: "navn",
    yes: "ja",
    no: "nei",
    usage: "Bruk:",
    arguments: "Argumenter",
    options: "Valg",
    commands: "Kommandoer",
    help: "Vis hjelp («-h» kort, «--help» utførlig)",
    version: "Vis versjonen",
    help_command: "Vis hjelp for effekt eller en av kommandoene",
    help_command_arg: "Kommandoen du vil ha hjelp til",
};

pub static CLI_EN: CliTexts = CliTexts {
    error: "error",
    warning: "warning",
    note: "note",
    bundled: "bundled",
    your_folder: "Your scenario folder",
    id_taken: "(the id is a bundled scenario's; open this file by its path)",
    id: "id",
    value: "value",
    min: "min",
    max: "max",
    step: "step",
    shown: "shown",
    label: "label",
    yes: "yes",
    no: "no",
    usage: "Usage:",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    help: "Print help ('-h' a summary, '--help' in full)",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    help_command_arg: "The command to print the help of",
};

/// The command line's texts of a language.
pub fn texts(lang: Lang) -> &'static CliTexts {
    match lang {
        Lang::Nb => &CLI_NB,
        Lang::En => &CLI_EN,
    }
}

/// The prefixes of `error:`, `warning:` and `note:` lines.
pub fn prefix(lang: Lang) -> &'static CliTexts {
    texts(lang)
}

/// `--set` without `=`.
pub fn set_syntax(lang: Lang, set: &str) -> String {
    let set = excerpt(set);
    match lang {
        Lang::Nb => format!("--set «{set}»: skriv ID=VERDI, for eksempel achievement=0,8"),
        Lang::En => format!("--set `{set}`: write ID=VALUE, e.g. achievement=0.8"),
    }
}

/// Standard output could not be written.
pub fn stdout_failed(lang: Lang, e: &io::Error) -> String {
    let why = super::errors::io_error(lang, e);
    match lang {
        Lang::Nb => format!("kan ikke skrive til standard ut: {why}"),
        Lang::En => format!("cannot write to standard output: {why}"),
    }
}

/// `effekt FILE COMMAND`: the file belongs after the command.
pub fn file_and_command(lang: Lang, file: &str) -> String {
    let file = excerpt(file);
    match lang {
        Lang::Nb => format!(
            "«{file}» står foran kommandoen; skriv kommandoen først, for eksempel «effekt calc {file}»"
        ),
        Lang::En => format!(
            "`{file}` comes before the command; write the command first, e.g. `effekt calc {file}`"
        ),
    }
}

/// A scenario name that is neither a file nor an id.
pub fn unknown_scenario(lang: Lang, e: &OpenError) -> String {
    let OpenError::Unknown {
        name, suggestion, ..
    } = e
    else {
        return e.to_string();
    };
    let name = excerpt(name);
    match (lang, suggestion) {
        (Lang::Nb, Some(s)) => {
            format!("fant ingen scenariofil eller id «{name}»; mente du «{s}»?")
        }
        (Lang::Nb, None) => {
            format!("fant ingen scenariofil eller id «{name}»; «effekt list» viser id-ene")
        }
        (Lang::En, Some(s)) => format!("no scenario file or id `{name}`; did you mean `{s}`?"),
        (Lang::En, None) => {
            format!("no scenario file or id `{name}`; `effekt list` shows the ids")
        }
    }
}

/// `effekt calcc`: a name near a command, not a scenario.
pub fn did_you_mean_command(lang: Lang, e: &OpenError, command: &str) -> String {
    let name = match e {
        OpenError::Unknown { name, .. } => excerpt(name),
        _ => String::new(),
    };
    match lang {
        Lang::Nb => format!(
            "fant ingen scenariofil eller id «{name}»; mente du kommandoen «effekt {command}»?"
        ),
        Lang::En => {
            format!("no scenario file or id `{name}`; did you mean the command `effekt {command}`?")
        }
    }
}

/// A file in the variant folder that was skipped.
pub fn skipped(lang: Lang, path: &Path, reason: &str) -> String {
    match lang {
        Lang::Nb => format!("hoppet over {}: {reason}", path.display()),
        Lang::En => format!("skipped {}: {reason}", path.display()),
    }
}

/// A variant that was not found, with the ones that exist.
pub fn variant_missing(lang: Lang, error: &str, id: &str, names: &[&str], dir: &Path) -> String {
    match (lang, names.is_empty()) {
        (Lang::Nb, true) => format!(
            "{error}; scenarioet «{id}» har ingen lagrede varianter i {}",
            dir.display()
        ),
        (Lang::Nb, false) => format!("{error}; lagrede varianter av «{id}»: {}", names.join(", ")),
        (Lang::En, true) => format!(
            "{error}; scenario \"{id}\" has no saved variants in {}",
            dir.display()
        ),
        (Lang::En, false) => format!("{error}; saved variants of \"{id}\": {}", names.join(", ")),
    }
}

/// Something said about one variant.
pub fn of_variant(lang: Lang, name: &str, text: &str) -> String {
    match lang {
        Lang::Nb => format!("varianten «{name}»: {text}"),
        Lang::En => format!("variant \"{name}\": {text}"),
    }
}

/// A broken file in the scenario list.
pub fn invalid_entry(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Nb => format!("(ugyldig: {errors} feil; kjør effekt check)"),
        Lang::En => format!("(invalid: {errors} errors; run effekt check)"),
    }
}

/// A variant of that name exists: how to replace or change it.
pub fn exists_hint(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "{error}; legg til --force for å erstatte spakene, eller --update for å endre dem"
        ),
        Lang::En => {
            format!("{error}; add --force to replace its levers, or --update to change them")
        }
    }
}

/// `save --update` of a variant that does not exist.
pub fn update_missing_hint(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Nb => format!("{error}; dropp --update for å lagre en ny variant"),
        Lang::En => format!("{error}; leave out --update to save a new variant"),
    }
}

/// No saved variants.
pub fn no_variants(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Nb => format!("Ingen lagrede varianter i {}", dir.display()),
        Lang::En => format!("No saved variants in {}", dir.display()),
    }
}

/// No deleted variants in the trash.
pub fn no_deleted(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Nb => format!("Ingen slettede varianter i {}", dir.display()),
        Lang::En => format!("No deleted variants in {}", dir.display()),
    }
}

/// The head line of a deleted variant in `variants --deleted`.
pub fn deleted_at(lang: Lang, name: &str, at: &str, path: &Path) -> String {
    match lang {
        Lang::Nb => format!("{name}  (slettet {at})  [{}]", path.display()),
        Lang::En => format!("{name}  (deleted {at})  [{}]", path.display()),
    }
}

/// `effekt delete`: where the variant went and how to get it back.
pub fn moved_to_trash(lang: Lang, name: &str, file: &str) -> String {
    let file = excerpt(file);
    match lang {
        Lang::Nb => format!(
            "«{name}» er flyttet til papirkurven; «effekt restore {file} \"{name}\"» henter den tilbake"
        ),
        Lang::En => format!(
            "\"{name}\" is in the trash now; `effekt restore {file} \"{name}\"` brings it back"
        ),
    }
}

/// `effekt restore` of a name that is not in the trash, with the names that are.
pub fn not_deleted_hint(lang: Lang, error: &str, names: &[&str]) -> String {
    match (lang, names.is_empty()) {
        (Lang::Nb, true) => format!("{error}; papirkurven er tom"),
        (Lang::Nb, false) => format!("{error}; slettede varianter: {}", names.join(", ")),
        (Lang::En, true) => format!("{error}; the trash is empty"),
        (Lang::En, false) => format!("{error}; deleted variants: {}", names.join(", ")),
    }
}

/// `effekt restore` into a name that is taken.
pub fn restore_as_hint(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Nb => format!("{error}; gjenopprett under et annet navn med --as NYTT_NAVN"),
        Lang::En => format!("{error}; restore it under another name with --as NEW_NAME"),
    }
}

/// More `--variant`s than a report takes.
pub fn too_many_variants(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Nb => format!("høyst {max} varianter i én rapport"),
        Lang::En => format!("at most {max} variants in one report"),
    }
}

/// `report --format xlsx` with more than one `--variant`.
pub fn xlsx_one_variant(lang: Lang) -> String {
    match lang {
        Lang::Nb => {
            "et regneark viser ett scenario: gi høyst én --variant med --format xlsx".into()
        }
        Lang::En => {
            "a spreadsheet shows one scenario: give at most one --variant with --format xlsx".into()
        }
    }
}

/// `report --format xlsx` without a file to write.
pub fn xlsx_needs_output(lang: Lang) -> String {
    match lang {
        Lang::Nb => {
            "--format xlsx skriver en fil: gi den med -o STI, f.eks. -o kontrakt.xlsx".into()
        }
        Lang::En => {
            "--format xlsx writes a file: name it with -o PATH, e.g. -o contract.xlsx".into()
        }
    }
}

/// A report that could not be written.
pub fn cannot_write(lang: Lang, path: &Path, reason: &str) -> String {
    match lang {
        Lang::Nb => format!("kan ikke skrive {}: {reason}", path.display()),
        Lang::En => format!("cannot write {}: {reason}", path.display()),
    }
}

/// `--for` without `=`.
pub fn for_syntax(lang: Lang, text: &str) -> String {
    let text = excerpt(text);
    match lang {
        Lang::Nb => format!("--for «{text}»: skriv TALL=VERDI, for eksempel investor_irr=6%"),
        Lang::En => format!("--for `{text}`: write FIGURE=VALUE, e.g. investor_irr=6%"),
    }
}

/// An unknown figure after `--for`.
pub fn unknown_figure(lang: Lang, id: &str, suggestion: Option<&str>, ids: &[&str]) -> String {
    let id = excerpt(id);
    match (lang, suggestion) {
        (Lang::Nb, Some(m)) => format!("--for: ukjent tall «{id}»; mente du «{m}»?"),
        (Lang::Nb, None) => format!("--for: ukjent tall «{id}»; tallene er: {}", ids.join(", ")),
        (Lang::En, Some(m)) => format!("--for: unknown figure `{id}`; did you mean `{m}`?"),
        (Lang::En, None) => format!("--for: unknown figure `{id}`; figures: {}", ids.join(", ")),
    }
}

/// `--at` with another key than `achievement`.
pub fn at_syntax(lang: Lang, key: &str) -> String {
    let key = excerpt(key);
    match lang {
        Lang::Nb => format!("--at: «{key}» kan ikke settes her; skriv --at achievement=X"),
        Lang::En => format!("--at: `{key}` cannot be set here; write --at achievement=X"),
    }
}

/// `--lang` with a language effekt does not have.
pub fn unknown_language(lang: Lang, code: &str) -> String {
    let code = excerpt(code);
    match lang {
        Lang::Nb => format!("ukjent språk «{code}»; bruk nb (bokmål) eller en (engelsk)"),
        Lang::En => format!("unknown language `{code}`; use nb (bokmål) or en (English)"),
    }
}

/// A number option outside what it takes (`--draws 0`).
pub fn out_of_bounds(lang: Lang, value: &str, min: u64, max: u64) -> String {
    let value = excerpt(value);
    match lang {
        Lang::Nb => format!("«{value}» er ikke et heltall fra {min} til {max}"),
        Lang::En => format!("`{value}` is not a whole number from {min} to {max}"),
    }
}

/// Clap's errors, said again in bokmål (English keeps clap's own).
pub mod clap_nb {
    /// An option or argument the command does not have.
    pub fn unknown_argument(arg: &str) -> String {
        format!("ukjent argument «{arg}»")
    }

    /// A command effekt does not have.
    pub fn unknown_command(cmd: &str) -> String {
        format!("ukjent kommando «{cmd}»")
    }

    /// `did you mean …?`
    pub fn tip(suggestion: &str) -> String {
        format!("tips: mente du «{suggestion}»?")
    }

    /// A value an option does not take.
    pub fn invalid_value(arg: &str, value: &str) -> String {
        format!("ugyldig verdi «{value}» for «{arg}»")
    }

    /// The values an option takes.
    pub fn possible(values: &str) -> String {
        format!("mulige verdier: {values}")
    }

    /// Required arguments that are missing.
    pub fn missing(args: &str) -> String {
        format!("disse argumentene mangler: {args}")
    }

    /// Two options that cannot go together.
    pub fn conflict(a: &str, b: &str) -> String {
        format!("«{a}» kan ikke brukes sammen med «{b}»")
    }

    /// An option given a value it does not take, or too many.
    pub fn wrong_values(arg: &str) -> String {
        format!("feil antall verdier for «{arg}»")
    }

    /// An option that needs `=`.
    pub fn no_equals(arg: &str) -> String {
        format!("«{arg}» trenger en verdi med =")
    }

    /// No command given where one is needed.
    pub const MISSING_COMMAND: &str = "en kommando mangler";
    /// Text that is not UTF-8.
    pub const INVALID_UTF8: &str = "et argument er ikke gyldig UTF-8-tekst";
    /// Anything else clap refuses.
    pub const GENERIC: &str = "kommandolinjen kan ikke leses";

    /// Where to read more.
    pub fn more(help: &str) -> String {
        format!("Mer hjelp: «{help}»")
    }
}
