//! End to end: signals and hang-ups on the real binary in tmux. SIGTERM
//! and SIGHUP after a lever moved give the terminal back (alternate
//! screen, mouse reporting and raw mode off, cursor shown) and keep the
//! levers, which the next start offers and restores; a closed pty with
//! SIGHUP ignored ends the process instead of spinning; Ctrl+C asks like
//! `q`; Ctrl+Z suspends and `fg` redraws.
//!
//! Skipped with a note when tmux is missing, except under `CI=true`.

use std::time::Duration;

use crate::common::{BIN, Tmux, ended_within, signal, tmux_or_skip};

const LONG: Duration = Duration::from_secs(30);

/// Whether the selected lever's row shows `value`.
fn selected_shows(screen: &str, value: &str) -> bool {
    screen
        .lines()
        .find(|l| l.contains('▶'))
        .is_some_and(|l| l.contains(value))
}

/// Starts the workshop on `sykefravaer` in the pane's shell.
fn start(tmux: &Tmux) -> u32 {
    tmux.run("clear");
    tmux.run(&format!("{BIN} sykefravaer --lang en; echo effekt-exit-$?"));
    tmux.child_pid("sykefravaer")
}

/// The terminal is as the shell had it.
fn assert_restored(tmux: &Tmux, after: &str) {
    assert_eq!(
        tmux.flag("alternate_on"),
        "0",
        "alternate screen off {after}"
    );
    assert_eq!(tmux.flag("mouse_standard_flag"), "0", "mouse off {after}");
    assert_eq!(tmux.flag("mouse_sgr_flag"), "0", "SGR mouse off {after}");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown {after}");
    // Cooked mode: the shell reads and echoes a line.
    tmux.run("echo cooked-$((40 + 2))");
    tmux.wait_for("the shell to answer", LONG, |s| s.contains("cooked-42"));
}

#[test]
fn sigterm_and_sighup_keep_the_levers_for_the_next_start() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("signals", 100, 30);
    let recovery = tmux.dir.join("recovery").join("sykefravaer.toml");

    let pid = start(&tmux);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    tmux.keys(&["Right", "Right"]);
    tmux.wait_for("110 %", LONG, |s| selected_shows(s, "110.0%"));
    signal(pid, "TERM");
    let screen = tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-143"));
    assert!(
        screen.contains("unsaved changes are kept in"),
        "says where:\n{screen}"
    );
    assert_restored(&tmux, "after SIGTERM");
    let kept = std::fs::read_to_string(&recovery).expect("the recovery file");
    assert!(kept.contains("achievement = \"1.1\""), "{kept}");

    // The next start offers them; Enter restores.
    let pid = start(&tmux);
    tmux.wait_for("the offer", LONG, |s| {
        s.contains("Restore unsaved changes from")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("110 % again", LONG, |s| selected_shows(s, "110.0%"));
    // Ctrl+C asks, as `q` does, and Esc stays.
    tmux.keys(&["C-c"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["Escape"]);
    // (An Escape followed at once by another key reads as Alt+key.)
    tmux.wait_for("the question closed", LONG, |s| {
        !s.contains("Discard the changes")
    });
    tmux.keys(&["Right"]);
    tmux.wait_for("115 %", LONG, |s| selected_shows(s, "115.0%"));
    signal(pid, "HUP");
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-129"));
    assert_restored(&tmux, "after SIGHUP");
    let kept = std::fs::read_to_string(&recovery).expect("the recovery file");
    assert!(kept.contains("achievement = \"1.15\""), "{kept}");

    // Restored again with `y`; a clean quit removes the file.
    start(&tmux);
    tmux.wait_for("the offer", LONG, |s| {
        s.contains("Restore unsaved changes from")
    });
    tmux.keys(&["y"]);
    tmux.wait_for("115 % again", LONG, |s| selected_shows(s, "115.0%"));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-0"));
    assert!(!recovery.exists(), "a clean quit removes the recovery file");
}

#[test]
fn a_closed_terminal_ends_the_workshop_even_with_sighup_ignored() {
    if !tmux_or_skip() {
        return;
    }
    // `exec` keeps the ignored SIGHUP for effekt (as `nohup` would).
    let command = format!("trap '' HUP; exec {BIN} rekruttering --lang en");
    let tmux = Tmux::start_command("hang-up", 100, 30, &command);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    let pid = tmux.pane_pid();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let ignored = status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .expect("the signal mask");
    assert_eq!(ignored & 1, 1, "SIGHUP is ignored in the workshop");
    tmux.keys(&["Left"]);
    tmux.wait_for("95 %", LONG, |s| selected_shows(s, "95.0%"));
    // Closing the pane closes the pty: reads return nothing from now on.
    tmux.cmd(&["kill-pane", "-t", "e2e"]);
    assert!(
        ended_within(pid, Duration::from_secs(5)),
        "effekt still runs 5 s after its terminal closed"
    );
    let kept = std::fs::read_to_string(tmux.dir.join("recovery").join("rekruttering.toml"))
        .expect("the recovery file");
    assert!(kept.contains("achievement = \"0.95\""), "{kept}");
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("suspend", 100, 30);
    let pid = start(&tmux);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    tmux.keys(&["C-z"]);
    tmux.wait_for("the shell", LONG, |s| s.contains("Stopped"));
    assert_restored(&tmux, "after Ctrl+Z");
    tmux.run("fg");
    tmux.wait_for("the workshop redrawn", LONG, |s| {
        s.contains("Outcome payments") && s.contains("Key figures")
    });
    assert_eq!(
        tmux.flag("alternate_on"),
        "1",
        "the workshop's screen again"
    );
    tmux.keys(&["Right"]);
    tmux.wait_for("105 %", LONG, |s| selected_shows(s, "105.0%"));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    assert!(ended_within(pid, LONG), "quit after the resume");
    assert_restored(&tmux, "after quitting");
}

/// Waits until `path` holds `text` (the keeper writes a second after a
/// change).
fn wait_for_file(path: &std::path::Path, text: &str) -> String {
    let start = std::time::Instant::now();
    loop {
        let now = std::fs::read_to_string(path).unwrap_or_default();
        if now.contains(text) {
            return now;
        }
        assert!(
            start.elapsed() < LONG,
            "{} never held {text}:\n{now}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn kill_9_loses_at_most_the_last_second_and_an_earlier_file_is_not_written_over() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("kill-9", 100, 30);
    let recovery = tmux.dir.join("recovery").join("sykefravaer.toml");

    // A second after the lever moved, the file holds it: SIGKILL, which
    // no program can catch, loses nothing.
    let pid = start(&tmux);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Outcome payments"));
    tmux.keys(&["Left", "Left"]);
    tmux.wait_for("90 %", LONG, |s| selected_shows(s, "90.0%"));
    wait_for_file(&recovery, "achievement = \"0.9\"");
    signal(pid, "KILL");
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-137"));
    // The terminal stays as the killed process left it: a new shell in a
    // fresh pane.
    let data = format!("EFFEKT_DATA_DIR={}", tmux.dir.display());
    tmux.cmd(&["respawn-pane", "-k", "-t", "e2e", "-e", &data, "sh"]);
    tmux.wait_for("a new shell", LONG, |s| !s.contains("Outcome payments"));

    // The next start offers it. Put off (Esc), the earlier run's file is
    // kept as it is while this run moves levers, and after it quits.
    start(&tmux);
    tmux.wait_for("the offer", LONG, |s| {
        s.contains("Restore unsaved changes from")
    });
    let earlier = std::fs::read_to_string(&recovery).unwrap();
    tmux.keys(&["Escape"]);
    tmux.wait_for("the offer closed", LONG, |s| {
        !s.contains("Restore unsaved changes from")
    });
    tmux.keys(&["Right"]);
    tmux.wait_for("105 %", LONG, |s| selected_shows(s, "105.0%"));
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(std::fs::read_to_string(&recovery).unwrap(), earlier);
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-0"));
    assert_eq!(std::fs::read_to_string(&recovery).unwrap(), earlier);

    // Restored, moved and saved... or quit: this run's own file goes.
    start(&tmux);
    tmux.wait_for("the offer", LONG, |s| {
        s.contains("Restore unsaved changes from")
    });
    tmux.keys(&["y"]);
    tmux.wait_for("90 % again", LONG, |s| selected_shows(s, "90.0%"));
    tmux.keys(&["Left"]);
    tmux.wait_for("85 %", LONG, |s| selected_shows(s, "85.0%"));
    wait_for_file(&recovery, "achievement = \"0.85\"");
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("Discard the changes"));
    tmux.keys(&["y"]);
    tmux.wait_for("the exit", LONG, |s| s.contains("effekt-exit-0"));
    assert!(!recovery.exists(), "a clean quit removes this run's file");
}
