//! End to end: the real binary in a real terminal (tmux). Opens a pilot,
//! steps the achievement lever, reads the screen, checks the outcome
//! payments against `effekt calc --json`, quits with confirmation and
//! checks that the terminal is restored.
//!
//! Skipped with a note when tmux is missing, except under `CI=true`, where
//! a missing tmux fails the test.

use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use crate::common::{BIN, Tmux, line_with, tmux_or_skip};
use effekt::format::{self, Lang};
use rust_decimal::Decimal;

const LONG: Duration = Duration::from_secs(30);

/// `effekt calc sykefravaer --set achievement=X --json`, as JSON.
fn calc(achievement: &str) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["calc", "sykefravaer", "--set"])
        .arg(format!("achievement={achievement}"))
        .arg("--json")
        .output()
        .expect("effekt calc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn dec(v: &serde_json::Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("a decimal string")).expect("a decimal")
}

/// Whether the first line of the screen with `label` in it also has
/// `text`; false (not a panic) for a screen caught before that line is
/// drawn, so it can be polled.
fn first_line_has(screen: &str, label: &str, text: &str) -> bool {
    screen
        .lines()
        .find(|l| l.contains(label))
        .is_some_and(|l| l.contains(text))
}

#[test]
fn workshop_in_a_real_terminal() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("workshop", 120, 40);
    tmux.keys(&[
        "-l",
        &format!("{BIN} sykefravaer --lang en; echo effekt-exit-$?"),
    ]);
    tmux.keys(&["Enter"]);

    let screen = tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    assert_eq!(
        tmux.flag("alternate_on"),
        "1",
        "runs in the alternate screen"
    );
    assert!(screen.contains("Effect, share of expected"), "{screen}");

    // Three steps up: 100 % → 115 %.
    for _ in 0..3 {
        tmux.keys(&["Right"]);
    }
    let screen = tmux.wait_for("115 %", LONG, |s| first_line_has(s, "▶", "115.0%"));

    let json = calc("1.15");
    let total = dec(&json["totals"]["outcome_payments"]);
    // At 120 columns the pilot's levers leave the figures their compact
    // form: money without the currency, which the panel's title names.
    let bare = |text: String| text.replace("NOK ", "");
    let shown = bare(format::money_short(Lang::En, "NOK", total));
    let row = line_with(&screen, "Outcome payments");
    assert!(row.contains(&shown), "expected {shown} in {row:?}");
    // The payer's part, split per period as the model splits it.
    let share = dec(&json["levers"]["cofunder_share"]);
    let payer: Decimal = json["outcome_payments"]
        .as_array()
        .expect("per period")
        .iter()
        .map(|o| {
            let o = dec(o);
            o - effekt::model::to_ore(share * o)
        })
        .sum();
    let payer_text = bare(format::money_short(Lang::En, "NOK", payer));
    // `of which outcome payer`, or `outcome payer` when narrow.
    let row = line_with(&screen, "outcome payer");
    assert!(
        row.contains(&payer_text),
        "expected {payer_text} in {row:?}"
    );
    // The change of the last step is shown with its arrow.
    let before = dec(&calc("1.1")["totals"]["outcome_payments"]);
    let delta = bare(format::delta(
        |v| format::money_short(Lang::En, "NOK", v),
        total - before,
    ));
    let row = line_with(&screen, "Outcome payments");
    assert!(row.contains(&delta), "expected {delta} in {row:?}");

    // The cash-flow screen shows the same total to the krone.
    tmux.keys(&["3"]);
    let exact = format::number(Lang::En, total, 0);
    // The tab bar always names the screen, and the workshop has a
    // "Totals over the contract": wait for the table's own sum row.
    let sum_row = |s: &str| {
        s.lines()
            .find(|l| l.trim_start_matches(['│', ' ']).starts_with("Total "))
            .map(str::to_string)
    };
    let screen = tmux.wait_for("the cash flows", LONG, |s| sum_row(s).is_some());
    let sum = sum_row(&screen).unwrap_or_default();
    assert!(sum.contains(&exact), "expected {exact} in {sum:?}");

    // q goes back to the workshop, then asks before discarding the change.
    tmux.keys(&["q"]);
    tmux.wait_for("the workshop again", LONG, |s| s.contains("Key figures"));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-0"));
    assert!(
        !screen.contains("Key figures"),
        "the workshop is gone:\n{screen}"
    );
    assert_eq!(tmux.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_standard_flag"), "0", "mouse reporting off");
    assert_eq!(tmux.flag("mouse_sgr_flag"), "0", "SGR mouse off");

    // The terminal is back in cooked mode: the shell echoes what it reads.
    tmux.keys(&[
        "-l",
        "stty -a | tr ' ' '\\n' | grep -x -- '-*icanon' ; echo stty-done",
    ]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("stty", LONG, |s| s.lines().any(|l| l.trim() == "stty-done"));
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "canonical mode restored:\n{screen}"
    );

    // A panic restores the terminal before its message is printed.
    tmux.keys(&["-l", "clear"]);
    tmux.keys(&["Enter"]);
    tmux.keys(&[
        "-l",
        &format!("EFFEKT_TEST_PANIC=1 {BIN} rekruttering; echo effekt-exit-$?"),
    ]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the panic's exit", LONG, |s| s.contains("effekt-exit-101"));
    assert!(
        screen.contains("EFFEKT_TEST_PANIC"),
        "the message is readable:\n{screen}"
    );
    assert_eq!(
        tmux.flag("alternate_on"),
        "0",
        "alternate screen left after a panic"
    );
    assert_eq!(
        tmux.flag("mouse_standard_flag"),
        "0",
        "mouse off after a panic"
    );
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown after a panic");
}

/// Saves a variant in the real binary (`s`, a name, Enter), quits, and
/// finds it with `effekt report --variant`.
#[test]
fn a_variant_saved_in_the_workshop_is_found_by_report() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("variants", 100, 30);
    tmux.keys(&[
        "-l",
        &format!("{BIN} rekruttering --lang en; echo effekt-exit-$?"),
    ]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    // Achievement 100 % → 80 %, then save it as a variant.
    for _ in 0..4 {
        tmux.keys(&["Left"]);
    }
    tmux.wait_for("80 %", LONG, |s| first_line_has(s, "▶", "80.0%"));
    tmux.keys(&["s"]);
    tmux.wait_for("the name prompt", LONG, |s| s.contains("Save variant as"));
    tmux.keys(&["-l", "Workshop 80"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the saved message", LONG, |s| {
        s.contains("Saved \"Workshop 80\"")
    });
    // A note on it, then the list shows both.
    tmux.keys(&["n"]);
    tmux.wait_for("the note prompt", LONG, |s| s.contains("Note"));
    tmux.keys(&["-l", "Decided: test 80 % first"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the note message", LONG, |s| s.contains("Note saved"));
    tmux.keys(&["v"]);
    tmux.wait_for("the variant list", LONG, |s| {
        s.contains("Workshop 80") && s.contains("Decided: test 80 % first")
    });
    tmux.keys(&["Escape"]);
    // Wait for the list to close: an Escape followed at once by `q` reads
    // as Alt+q.
    tmux.wait_for("the list closed", LONG, |s| {
        !s.contains("Decided: test 80 % first")
    });
    // The levers are saved as the open variant: quitting loses nothing
    // and asks nothing.
    tmux.keys(&["q"]);
    tmux.wait_for("the exit code", LONG, |s| s.contains("effekt-exit-0"));

    let out = Command::new(BIN)
        .env("EFFEKT_DATA_DIR", &tmux.dir)
        .args([
            "report",
            "rekruttering",
            "--variant",
            "Workshop 80",
            "--lang",
            "en",
        ])
        .output()
        .expect("effekt report runs");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(md.contains("| Base scenario | Workshop 80 |"), "{md}");
    assert!(md.contains("**80.0%**"), "{md}");
    assert!(md.contains("Decided: test 80 % first"), "{md}");
}

/// `TERM=dumb` cannot show the workshop: refused with a message that
/// points to the CLI, exit 2, the terminal never taken. Under `NO_COLOR`
/// the workshop still runs, in monochrome.
#[test]
fn a_dumb_terminal_is_refused_and_no_color_still_works() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("dumb", 100, 30);
    tmux.run(&format!("TERM=dumb {BIN} sykefravaer; echo effekt-exit-$?"));
    let screen = tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-2"));
    assert!(
        screen.contains("TERM=dumb") && screen.contains("effekt calc"),
        "{screen}"
    );
    assert_eq!(tmux.flag("alternate_on"), "0");

    tmux.run("clear");
    tmux.run(&format!(
        "NO_COLOR=1 {BIN} sykefravaer --lang en; echo effekt-exit-$?"
    ));
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    // The screen with its attributes: no SGR parameter sets a colour
    // (39 and 49, the terminal's own colours, are fine).
    let shown = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    for sgr in shown.split("\x1b[").skip(1) {
        let Some((params, _)) = sgr.split_once('m') else {
            continue;
        };
        for p in params.split(';').filter_map(|p| p.parse::<u16>().ok()) {
            let colour = matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107);
            assert!(!colour, "colour {p} under NO_COLOR:\n{shown}");
        }
    }
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-0"));
}
