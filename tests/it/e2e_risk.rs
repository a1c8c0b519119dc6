//! End to end: the uncertainty screen of the real binary in a real
//! terminal (tmux), on a copy of a pilot with 100 000 draws, so the Monte
//! Carlo runs for seconds. While it runs, keys must still be answered at
//! once (a lever step shows within a second, screens switch), which proves
//! the run is off the UI thread; then the result appears, and `q` quits
//! cleanly.
//!
//! Skipped with a note when tmux is missing, except under `CI=true`, where
//! a missing tmux fails the test.

use std::time::{Duration, Instant};

use crate::common::{BIN, Tmux, tmux_or_skip};

/// The responsiveness bound: a key's effect is on screen within this.
const ANSWER: Duration = Duration::from_secs(1);

/// The line of the selected lever (`▶`), first on the screen.
fn selected(screen: &str) -> &str {
    screen.lines().find(|l| l.contains('▶')).unwrap_or("")
}

/// A run is in flight: the progress line is on screen.
fn in_flight(screen: &str) -> bool {
    screen.contains("of 100,000 draws")
}

#[test]
fn the_monte_carlo_runs_while_the_room_steers() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("risk", 120, 40);
    let dir = tmux.dir.clone();
    // The pilot with ten times its draws.
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/sykefravaer.toml"
    ))
    .expect("the bundled pilot");
    assert!(
        source.contains("draws = 10_000"),
        "the pilot sets its draws"
    );
    let file = dir.join("sykefravaer_100k.toml");
    std::fs::write(&file, source.replace("draws = 10_000", "draws = 100_000")).expect("write");

    let long = Duration::from_secs(30);
    tmux.keys(&[
        "-l",
        &format!("{BIN} {} --lang en; echo effekt-exit-$?", file.display()),
    ]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the workshop", long, |s| s.contains("Key figures"));

    // To the uncertainty screen: the run starts and shows its progress.
    tmux.keys(&["6"]);
    let screen = tmux.wait_for("the run in flight", long, in_flight);
    assert!(selected(&screen).contains("100.0%"), "{screen}");

    // A step while the run is in flight is on screen within a second, and
    // a new run (for the new value) is in flight.
    let sent = Instant::now();
    tmux.keys(&["Right"]);
    let screen = tmux
        .poll(ANSWER, |s| selected(s).contains("105.0%"))
        .unwrap_or_else(|| panic!("no answer within {ANSWER:?}:\n{}", tmux.screen()));
    let answered = sent.elapsed();
    assert!(
        in_flight(&screen),
        "the run is still in flight, so the UI did not wait for it:\n{screen}"
    );
    eprintln!("a step answered in {answered:?} while the Monte Carlo ran");

    // Switching screens answers as quickly, and back again.
    tmux.keys(&["1"]);
    tmux.poll(ANSWER, |s| s.contains("Key figures"))
        .unwrap_or_else(|| panic!("screen 1 within {ANSWER:?}:\n{}", tmux.screen()));
    tmux.keys(&["6"]);
    tmux.poll(ANSWER, |s| s.contains("Probabilities"))
        .unwrap_or_else(|| panic!("screen 6 within {ANSWER:?}:\n{}", tmux.screen()));

    // The progress moves on by itself (redrawn without keys).
    let progress = |s: &str| {
        s.lines()
            .find(|l| l.contains("of 100,000 draws"))
            .map(str::to_string)
    };
    let first = progress(&tmux.screen());
    if first.is_some() {
        tmux.poll(long, |s| progress(s) != first)
            .unwrap_or_else(|| panic!("the progress did not move:\n{}", tmux.screen()));
    }

    // The result appears: the finished run's line and its probabilities.
    let screen = tmux.wait_for("the finished run", Duration::from_secs(600), |s| {
        s.contains("100,000 draws, seed 2026")
    });
    assert!(!in_flight(&screen), "{screen}");
    assert!(selected(&screen).contains("105.0%"), "{screen}");
    let line = screen
        .lines()
        .find(|l| l.contains("Any outcome payment is made"))
        .unwrap_or_else(|| panic!("no probabilities:\n{screen}"));
    let label = "Any outcome payment is made";
    let after = &line[line.find(label).unwrap_or(0) + label.len()..];
    let value = after.split_whitespace().next().unwrap_or("");
    assert!(
        value.ends_with('%'),
        "a probability after the label: {line}"
    );

    // q leaves the screen, q again asks (a lever changed), y quits.
    tmux.keys(&["q"]);
    tmux.wait_for("the workshop again", long, |s| s.contains("Key figures"));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", long, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", long, |s| s.contains("effekt-exit-0"));
    assert_eq!(tmux.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_standard_flag"), "0", "mouse reporting off");
}
