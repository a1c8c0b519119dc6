//! The command line read with clap, in the user's language: `--help` and
//! clap's own errors in bokmål (clap has no translations; this sets the
//! help texts, value names and headings clap lets a program set, and says
//! clap's errors again from their kind and context), and every clap error
//! as exit code 2 through the one writer.
//!
//! The language is known before clap runs: [`lang_in`] looks for `--lang`
//! anywhere on the command line (before or after the command).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use super::{Failure, Output, exit};
use crate::format::{Lang, excerpt};
use crate::i18n::cli::{self as texts, clap_nb};
use crate::i18n::help::{VALUE_NAMES_NB, help_nb};

/// A value clap's parsers refused, said in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgError {
    /// `--lang` with an unknown code.
    Lang(String),
    /// A whole number outside what the option takes.
    Bounds { value: String, min: u64, max: u64 },
}

impl ArgError {
    fn text(&self, lang: Lang) -> String {
        match self {
            ArgError::Lang(code) => texts::unknown_language(lang, code),
            ArgError::Bounds { value, min, max } => texts::out_of_bounds(lang, value, *min, *max),
        }
    }
}

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ArgError {}

/// The value of `--lang`.
pub fn parse_lang(s: &str) -> Result<Lang, ArgError> {
    Lang::from_code(s).ok_or_else(|| ArgError::Lang(s.to_string()))
}

fn bounded(s: &str, min: u32, max: u32) -> Result<u32, ArgError> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| ArgError::Bounds {
            value: s.to_string(),
            min: min.into(),
            max: max.into(),
        })
}

/// `sweep --steps`: 1 to 10 000.
pub fn steps(s: &str) -> Result<u32, ArgError> {
    bounded(s, 1, 10_000)
}

/// `risk --draws`: 1 to 1 000 000.
pub fn draws(s: &str) -> Result<u32, ArgError> {
    bounded(s, 1, crate::scenario::Uncertainty::MAX_DRAWS)
}

/// The language asked for with `--lang X` or `--lang=X` anywhere before a
/// `--` (the last one wins); bokmål without one or with an unknown code.
pub fn lang_in(args: &[OsString]) -> Lang {
    let mut lang = Lang::default();
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let code = if a == "--lang" {
            it.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(l) = code.as_deref().and_then(Lang::from_code) {
            lang = l;
        }
    }
    lang
}

/// The names of a command's subcommands.
pub fn command_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

/// A command near `name` (`calcc` → `calc`), for a scenario name that is
/// neither a file nor an id.
pub fn command_like<'a>(name: &str, commands: &'a [String]) -> Option<&'a str> {
    let names: Vec<&str> = commands.iter().map(String::as_str).collect();
    crate::scenario::suggest(name, &names)
}

/// The command line's definition in the user's language: help texts,
/// value names and headings in bokmål (English keeps the doc comments),
/// help and version flags and the `help` command with texts of the
/// language.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let t = texts::texts(lang);
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t.version),
    );
    let cmd = localize_one(cmd, "", lang)
        .disable_help_subcommand(true)
        .subcommand(
            Command::new("help").about(t.help_command).arg(
                Arg::new("command")
                    .num_args(0..)
                    .value_name(value_name(lang, "COMMAND"))
                    .help(t.help_command_arg),
            ),
        );
    cmd.mut_subcommands(|sc| {
        let name = sc.get_name().to_string();
        localize_one(sc, &name, lang)
    })
}

fn value_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nb => VALUE_NAMES_NB
            .iter()
            .find(|(en, _)| *en == name)
            .map_or(name, |(_, nb)| nb)
            .to_string(),
        Lang::En => name.to_string(),
    }
}

/// One command's own texts (its subcommands are done by the caller).
fn localize_one(cmd: Command, name: &str, lang: Lang) -> Command {
    let t = texts::texts(lang);
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t.help),
    );
    if lang == Lang::En {
        return cmd;
    }
    if let Some(about) = help_nb(name, None) {
        cmd = cmd.about(about);
    }
    let long = format!("{name}!");
    cmd = cmd.long_about(help_nb(&long, None));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t.usage
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t.commands)
        .subcommand_value_name(value_name(lang, "COMMAND"));
    cmd.mut_args(|a| {
        let id = a.get_id().as_str().to_string();
        let mut a = a;
        if let Some(help) = help_nb(name, Some(&id)) {
            a = a.help(help).long_help(None::<&str>);
        }
        let shown: Vec<String> = match a.get_value_names() {
            Some(names) => names.iter().map(|n| value_name(lang, n.as_str())).collect(),
            None => vec![value_name(lang, &id.to_uppercase())],
        };
        if a.get_action().takes_values() {
            a = a
                .value_names(shown)
                .hide_default_value(true)
                .hide_possible_values(true);
        }
        let heading = if a.is_positional() {
            t.arguments
        } else {
            t.options
        };
        a.help_heading(heading)
    })
}

/// Parses the command line; `effekt help [COMMAND]` gives the help of that
/// command as clap gives `--help`.
pub fn parse<A: clap::FromArgMatches>(
    cmd: &mut Command,
    argv: Vec<OsString>,
) -> Result<A, clap::Error> {
    let matches = cmd.try_get_matches_from_mut(argv.clone())?;
    if let Some(("help", m)) = matches.subcommand() {
        let mut again = vec![argv.first().cloned().unwrap_or_else(|| "effekt".into())];
        let mut at: &Command = cmd;
        for name in m.get_many::<String>("command").into_iter().flatten() {
            let Some(sub) = at.find_subcommand(name).filter(|s| s.get_name() != "help") else {
                let mut e = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(at);
                e.insert(
                    ContextKind::InvalidSubcommand,
                    ContextValue::String(name.clone()),
                );
                return Err(e);
            };
            again.push(name.into());
            at = sub;
        }
        again.push("--help".into());
        cmd.try_get_matches_from_mut(again)?;
    }
    A::from_arg_matches(&matches).map_err(|e| e.with_cmd(cmd))
}

/// What a clap "error" means: help or the version printed (exit 0), or a
/// usage error in the user's language (exit 2).
pub fn clap_failure(lang: Lang, out: &mut Output, e: clap::Error) -> Result<u8, Failure> {
    let rendered = localize_usage(lang, &e.render().to_string());
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            out.text(&rendered)?;
            Ok(exit::OK)
        }
        _ if lang == Lang::En => {
            let text = rendered.strip_prefix("error: ").unwrap_or(&rendered);
            Err(Failure::Usage(text.trim_end().to_string()))
        }
        _ => Err(Failure::Usage(bokmaal(&e, &rendered))),
    }
}

/// `Usage:`, `[OPTIONS]` and `<COMMAND>` as the language says them.
fn localize_usage(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Nb => text
            .replace("Usage:", texts::texts(lang).usage)
            .replace("[OPTIONS]", "[VALG]")
            .replace("<COMMAND>", "<KOMMANDO>")
            .replace("[COMMAND]", "[KOMMANDO]"),
    }
}

/// The message of one of our value parsers, if it was one of them.
fn source_text(e: &clap::Error, lang: Lang) -> Option<String> {
    use std::error::Error;
    e.source()
        .and_then(|s| s.downcast_ref::<ArgError>())
        .map(|a| a.text(lang))
}

fn context_str(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(excerpt(s)),
        ContextValue::Strings(v) => {
            Some(v.iter().map(|s| excerpt(s)).collect::<Vec<_>>().join(", "))
        }
        ContextValue::StyledStr(s) => Some(excerpt(&s.to_string())),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| excerpt(&s.to_string()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap error said in bokmål, with the usage line and where to read more.
fn bokmaal(e: &clap::Error, rendered: &str) -> String {
    let arg = context_str(e, ContextKind::InvalidArg).unwrap_or_default();
    let mut lines = vec![match e.kind() {
        ErrorKind::UnknownArgument => clap_nb::unknown_argument(&arg),
        ErrorKind::InvalidSubcommand => clap_nb::unknown_command(
            &context_str(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context_str(e, ContextKind::InvalidValue).unwrap_or_default();
            let mut line = clap_nb::invalid_value(&arg, &value);
            if let Some(why) = source_text(e, Lang::Nb) {
                line = format!("{line}: {why}");
            }
            line
        }
        ErrorKind::MissingRequiredArgument => clap_nb::missing(&arg),
        ErrorKind::ArgumentConflict => clap_nb::conflict(
            &arg,
            &context_str(e, ContextKind::PriorArg).unwrap_or_default(),
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            clap_nb::wrong_values(&arg)
        }
        ErrorKind::NoEquals => clap_nb::no_equals(&arg),
        ErrorKind::MissingSubcommand => clap_nb::MISSING_COMMAND.to_string(),
        ErrorKind::InvalidUtf8 => clap_nb::INVALID_UTF8.to_string(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => rendered.to_string(),
        _ => clap_nb::GENERIC.to_string(),
    }];
    let suggestion = context_str(e, ContextKind::SuggestedArg)
        .or_else(|| context_str(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context_str(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        lines.push(format!("\n  {}", clap_nb::tip(&s)));
    }
    if matches!(e.kind(), ErrorKind::InvalidValue)
        && let Some(values) = context_str(e, ContextKind::ValidValue)
    {
        lines.push(format!("  {}", clap_nb::possible(&values)));
    }
    if let Some(usage) = e.get(ContextKind::Usage) {
        let usage = localize_usage(Lang::Nb, &usage.to_string());
        lines.push(format!("\n{}", usage.trim_end()));
        let command = usage
            .trim_start_matches(texts::texts(Lang::Nb).usage)
            .split(['[', '<'])
            .next()
            .unwrap_or("effekt")
            .trim()
            .to_string();
        lines.push(format!("\n{}", clap_nb::more(&format!("{command} --help"))));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<OsString> {
        std::iter::once("effekt")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_found_before_or_after_the_command() {
        assert_eq!(lang_in(&argv(&["--lang", "en", "calc", "x"])), Lang::En);
        assert_eq!(lang_in(&argv(&["calc", "x", "--lang=en"])), Lang::En);
        assert_eq!(lang_in(&argv(&["calc", "x"])), Lang::Nb);
        assert_eq!(lang_in(&argv(&["calc", "--", "--lang", "en"])), Lang::Nb);
        assert_eq!(lang_in(&argv(&["--lang", "xx"])), Lang::Nb);
    }

    #[test]
    fn bounded_numbers_say_their_range() {
        assert_eq!(steps("10"), Ok(10));
        assert!(steps("0").is_err() && steps("10001").is_err() && steps("x").is_err());
        let e = draws("0").unwrap_err();
        assert!(e.text(Lang::Nb).contains("fra 1 til 1000000"), "{e}");
    }
}
