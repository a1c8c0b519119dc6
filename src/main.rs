//! The `effekt` command: parses the command line and dispatches.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use effekt::cli;
use effekt::format::Lang;

/// effekt — design social outcome contracts (effektkontrakter) live.
///
/// With no command, opens the workshop: `effekt` shows the scenario picker,
/// `effekt FILE` opens a scenario (a path, or a bundled id such as
/// `sykefravaer`).
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Args {
    /// Scenario to open in the workshop (a file, or a bundled id).
    file: Option<String>,
    /// Language of the text: nb (bokmål, the default) or en.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files; prints `ok` per valid file, every error otherwise.
    Check {
        /// Scenario files (or bundled ids).
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Compute every figure of a scenario.
    Calc {
        /// Scenario file (or bundled id).
        file: String,
        /// Set a lever, e.g. `--set achievement=0.5` (repeatable).
        #[arg(long = "set", value_name = "ID=VALUE")]
        set: Vec<String>,
        /// Print JSON (decimals as strings) instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Sweep one lever over a range; prints CSV.
    Sweep {
        /// Scenario file (or bundled id).
        file: String,
        /// The lever to move, e.g. `achievement` or `price.job_start`.
        #[arg(long)]
        lever: String,
        /// First value.
        #[arg(long, allow_hyphen_values = true)]
        from: String,
        /// Last value.
        #[arg(long, allow_hyphen_values = true)]
        to: String,
        /// Number of steps between `from` and `to` (steps + 1 rows).
        #[arg(long, default_value_t = 10)]
        steps: u32,
        /// Set another lever first, e.g. `--set cap=3000000` (repeatable).
        #[arg(long = "set", value_name = "ID=VALUE")]
        set: Vec<String>,
    },
    /// List the bundled scenarios and those in your scenario folder.
    List,
    /// List the levers of a scenario with their ranges and steps.
    Levers {
        /// Scenario file (or bundled id).
        file: String,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}`; use nb or en"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang.unwrap_or_default();
    let code = match args.command {
        Some(Command::Check { files }) => cli::check(&files),
        Some(Command::Calc { file, set, json }) => cli::calc(lang, &file, &set, json),
        Some(Command::Sweep {
            file,
            lever,
            from,
            to,
            steps,
            set,
        }) => cli::sweep(&file, &lever, &from, &to, steps, &set),
        Some(Command::List) => cli::list(lang),
        Some(Command::Levers { file }) => cli::levers(lang, &file),
        None => cli::workshop(args.lang, args.file.as_deref()),
    };
    ExitCode::from(code)
}
