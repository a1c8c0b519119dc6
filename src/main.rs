//! The `effekt` command: parses the command line and dispatches. Texts,
//! errors and exit codes are the business of `effekt::cli`.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use effekt::cli::{self, Failure, Output, ScenarioArgs, help, risk};
use effekt::format::Lang;

/// effekt — design social outcome contracts (effektkontrakter) live.
///
/// With no command, opens the workshop: `effekt` shows the scenario picker,
/// `effekt FILE` opens a scenario (a path, or an id such as `sykefravaer`;
/// `effekt list` shows the ids).
#[derive(Parser)]
#[command(name = "effekt", version)]
struct Args {
    /// Scenario to open in the workshop (a file, or an id as `effekt list` shows).
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Language of the text: nb (bokmål, the default) or en.
    #[arg(long, global = true, value_parser = help::parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files; prints `ok` per valid file, every error otherwise.
    Check {
        /// Scenario files (or ids).
        #[arg(required = true, value_name = "FILES")]
        files: Vec<String>,
    },
    /// Compute every figure of a scenario.
    Calc {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON (decimals as strings) instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Sweep one lever over a range; prints CSV.
    Sweep {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The lever to move, e.g. `achievement` or `price.job_start`.
        #[arg(long)]
        lever: String,
        /// First value.
        #[arg(long, allow_hyphen_values = true)]
        from: String,
        /// Last value.
        #[arg(long, allow_hyphen_values = true)]
        to: String,
        /// Number of steps between `from` and `to` (steps + 1 rows), 1 to 10 000.
        #[arg(long, default_value = "10", value_parser = help::steps)]
        steps: u32,
    },
    /// Write a report on a scenario and its saved variants (Markdown, CSV or JSON).
    Report {
        /// Scenario file (or id).
        #[arg(value_name = "FILE")]
        file: String,
        /// A saved variant to include as a column (repeatable, up to 4).
        #[arg(long = "variant", value_name = "NAME")]
        variants: Vec<String>,
        /// One municipality's business case (a `[[sites]]` id): what it
        /// pays at most, per budget year, its risk and the terms it signs
        /// (Markdown or CSV; with at most one --variant).
        #[arg(long, value_name = "ID")]
        site: Option<String>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = cli::ReportFormat::Md)]
        format: cli::ReportFormat,
        /// Write to this file instead of standard output (`-` is standard
        /// output); its folder must exist.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: Option<std::path::PathBuf>,
    },
    /// Write the payment mechanism of a scenario or variant as a contract
    /// annex (Markdown, or .docx with `-o FILE.docx`).
    Annex(cli::AnnexArgs),
    /// Save lever values as a named variant of a scenario.
    Save(cli::SaveArgs),
    /// List the saved variants of a scenario, with their notes.
    Variants {
        /// Scenario file (or id).
        #[arg(value_name = "FILE")]
        file: String,
        /// List the deleted variants in the trash instead, newest first, with
        /// the time each was deleted.
        #[arg(long)]
        deleted: bool,
    },
    /// Delete a saved variant: it goes to the trash, from which `effekt
    /// restore` brings it back.
    Delete {
        /// Scenario file (or id).
        #[arg(value_name = "FILE")]
        file: String,
        /// The variant's name.
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Restore a deleted variant from the trash (the most recently deleted
    /// of that name).
    Restore {
        /// Scenario file (or id).
        #[arg(value_name = "FILE")]
        file: String,
        /// The deleted variant's name.
        #[arg(value_name = "NAME")]
        name: String,
        /// Restore it under this name (when its own is taken).
        #[arg(long = "as", value_name = "NEW_NAME")]
        new_name: Option<String>,
    },
    /// Monte Carlo over the uncertain effect and noisy measurement: the
    /// chance that the investor loses money, that anything is paid, that the
    /// cap binds, and P10/P50/P90 of payments, NPVs and the investor's IRR.
    ///
    /// The spread comes from the scenario's `[uncertainty]` table (without
    /// one: achievement normal with standard deviation 0.25 around the
    /// achievement lever, no measurement noise). See docs/risk.md.
    Risk {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Number of draws, 1 to 1 000 000 (default: the scenario's, else 10 000).
        #[arg(long, value_parser = help::draws)]
        draws: Option<u32>,
        /// Seed of the random numbers (default: the scenario's, else 2026).
        #[arg(long)]
        seed: Option<u64>,
        /// Print JSON (decimals as strings) instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Sensitivity: each shown lever one step down and up, and the change in
    /// the payer's NPV and the investor's IRR, largest first.
    Tornado {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON (decimals as strings) instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Goal seek: the lever value that makes a figure hit a target, e.g.
    /// `effekt solve sykefravaer --lever price.absence --for investor_irr=6%`.
    ///
    /// Figures: investor_irr, payer_npv, public_npv, outcome_payments,
    /// investor_moic, p_noise_payment (the probability of paying when the
    /// true effect is zero). Exit code 3 when no value in the lever's range
    /// reaches the target.
    Solve {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The lever to move, e.g. `price.absence` or `cap`.
        #[arg(long)]
        lever: String,
        /// The figure and its target, e.g. `investor_irr=6%` or `payer_npv=0`.
        #[arg(long = "for", value_name = "FIGURE=VALUE", allow_hyphen_values = true)]
        for_: String,
        /// The achievement to solve at, e.g. `achievement=0.5` (default: the scenario's).
        #[arg(long, value_name = "achievement=X")]
        at: Option<String>,
        /// Print JSON (decimals as strings) instead of a sentence.
        #[arg(long)]
        json: bool,
    },
    /// List the bundled scenarios and those in your scenario folder.
    List,
    /// List the levers of a scenario with their ranges and steps.
    Levers {
        /// Scenario file (or id).
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Write a new scenario to fill in: every key with its meaning, unit and a
    /// source placeholder; `effekt check` accepts it as written.
    New(cli::NewArgs),
    /// Print the JSON Schema of the scenario format, for editors (Taplo /
    /// Even Better TOML complete and check keys with it).
    Schema {
        /// Write to this file instead of standard output (`-` is standard
        /// output); its folder must exist.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: Option<std::path::PathBuf>,
    },
    /// Serve the workshop over SSH: `ssh -t -p 2222 HOST` opens one (see docs/ssh.md).
    Serve(effekt::serve::ServeArgs),
}

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let lang = help::lang_in(&argv);
    let mut out = Output::stdout();
    let mut cmd = help::localize(Args::command(), lang);
    let commands = help::command_names(&cmd);
    let result = match help::parse::<Args>(&mut cmd, argv) {
        Ok(args) => run(args.lang.unwrap_or(lang), &mut out, args, &commands),
        Err(e) => help::clap_failure(lang, &mut out, e),
    };
    cli::finish(lang, out, result)
}

fn run(lang: Lang, out: &mut Output, args: Args, commands: &[String]) -> Result<u8, Failure> {
    if let (Some(file), Some(_)) = (&args.file, &args.command) {
        return Err(cli::file_and_command(lang, file));
    }
    match args.command {
        Some(Command::Check { files }) => cli::check(lang, out, &files),
        Some(Command::Calc { scenario, json }) => cli::calc(lang, out, &scenario, json),
        Some(Command::Sweep {
            scenario,
            lever,
            from,
            to,
            steps,
        }) => cli::sweep(lang, out, &scenario, &lever, (&from, &to), steps),
        Some(Command::Report {
            file,
            variants,
            site: Some(site),
            format,
            output,
        }) => cli::business_case(
            lang,
            out,
            &file,
            &site,
            &variants,
            format,
            output.as_deref(),
        ),
        Some(Command::Report {
            file,
            variants,
            format,
            output,
            ..
        }) => cli::report(lang, out, &file, &variants, format, output.as_deref()),
        Some(Command::Variants { file, deleted }) => cli::variants(lang, out, &file, deleted),
        Some(Command::Delete { file, name }) => cli::delete(lang, out, &file, &name),
        Some(Command::Restore {
            file,
            name,
            new_name,
        }) => cli::restore(lang, out, &file, &name, new_name.as_deref()),
        Some(Command::Save(save)) => cli::save(lang, out, &save),
        Some(Command::Annex(annex)) => cli::annex(lang, out, &annex),
        Some(Command::Risk {
            scenario,
            draws,
            seed,
            json,
        }) => risk::risk(lang, out, &scenario, draws, seed, json),
        Some(Command::Tornado { scenario, json }) => risk::tornado(lang, out, &scenario, json),
        Some(Command::Solve {
            scenario,
            lever,
            for_,
            at,
            json,
        }) => risk::solve(lang, out, &scenario, &lever, &for_, at.as_deref(), json),
        Some(Command::List) => cli::list(lang, out),
        Some(Command::Levers { file }) => cli::levers(lang, out, &file),
        Some(Command::New(new)) => cli::new(lang, &new),
        Some(Command::Schema { output }) => cli::schema(lang, out, output.as_deref()),
        Some(Command::Serve(serve)) => Ok(effekt::serve::run(lang, &serve)),
        None => cli::workshop(args.lang, args.file.as_deref(), commands),
    }
}
