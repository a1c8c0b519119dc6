//! Unsaved levers kept across an abnormal end. When the workshop is ended
//! by a signal (SIGTERM, SIGHUP, SIGINT), a hang-up of its terminal, an
//! error or a panic while levers are changed and not saved, the host
//! writes them to `<data>/recovery/<scenario id>.toml` — the scenario's id
//! and hash and the changed levers, in the variant file format — and the
//! next start of that scenario offers to restore them
//! ([`super::view::Confirm::Restore`]). One file per scenario: the latest
//! unsaved state.
//!
//! This file is the plain data; the host reads and writes the files
//! (`src/tui/disk.rs`).

use chrono::{DateTime, Local, NaiveDateTime};

use crate::format::Lang;
use crate::store::Variant;

/// A recovery file as read: the levers an earlier run left unsaved.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The changed levers, the scenario's id and hash, and the time they
    /// were written (`updated`), as a variant; its name is the variant that
    /// was open then, or empty.
    pub variant: Variant,
    /// The file's text as read: the file is removed only while it still
    /// holds this (another run may have written a newer one since).
    pub text: String,
    /// When it was written, in local time (`None`: the file does not say).
    pub written: Option<NaiveDateTime>,
    /// Written on the day it was read, so the time alone says when.
    pub today: bool,
}

impl Recovery {
    /// A recovery file's text read at `now`; the error says what is wrong.
    pub fn parse(text: &str, now: DateTime<Local>) -> Result<Recovery, String> {
        let variant = Variant::parse(text).map_err(|e| e.to_string())?;
        let written = DateTime::parse_from_rfc3339(&variant.updated)
            .ok()
            .map(|t| t.with_timezone(&Local).naive_local());
        Ok(Recovery {
            today: written.is_some_and(|w| w.date() == now.date_naive()),
            variant,
            text: text.to_string(),
            written,
        })
    }

    /// When the changes were left, as the question says it: `14:32` on the
    /// same day, else with the date (`3.12.2026 kl. 14:32` /
    /// `2026-12-03 14:32`).
    pub fn when(&self, lang: Lang) -> String {
        let Some(w) = self.written else {
            return "?".to_string();
        };
        let format = match (self.today, lang) {
            (true, _) => "%H:%M",
            (false, Lang::Nb) => "%-d.%-m.%Y kl. %H:%M",
            (false, Lang::En) => "%Y-%m-%d %H:%M",
        };
        w.format(format).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn text(updated: &str) -> String {
        format!(
            "format = 1\nname = \"\"\nscenario = \"sykefravaer\"\n\
             scenario_hash = \"sha256:00\"\ncreated = \"{updated}\"\n\
             updated = \"{updated}\"\n[levers]\nachievement = \"0.9\"\n"
        )
    }

    #[test]
    fn the_time_is_local_and_dated_when_not_today() {
        let at = Local.with_ymd_and_hms(2026, 3, 4, 14, 32, 10).unwrap();
        let utc = at.with_timezone(&chrono::Utc).to_rfc3339();
        let r = Recovery::parse(&text(&utc), at).expect("parses");
        assert_eq!(r.when(Lang::Nb), "14:32");
        assert_eq!(r.variant.levers.len(), 1);
        let next_day = at + chrono::Duration::days(1);
        let r = Recovery::parse(&text(&utc), next_day).expect("parses");
        assert_eq!(r.when(Lang::Nb), "4.3.2026 kl. 14:32");
        assert_eq!(r.when(Lang::En), "2026-03-04 14:32");
    }

    #[test]
    fn a_broken_file_says_why() {
        let err = Recovery::parse("format = 1\nname = 3\n", Local::now()).unwrap_err();
        assert!(!err.is_empty());
    }
}
