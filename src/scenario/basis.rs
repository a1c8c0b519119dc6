//! Where each number of a scenario came from, as the file says in the
//! comment at the end of the number's line (docs/scenario-format.md,
//! "Where the numbers come from"):
//!
//! ```toml
//! baseline = 9.6   # SSB table 322688, Q2 2017
//! target = 8.4     # assumption: 1.2 points lower
//! price = 1_100    # kilde: …
//! ```
//!
//! `# assumption: …` (or `# antakelse: …`) marks an assumption, `# source:
//! …` (or `# kilde: …`, or any other words) names where it came from, and a
//! bare `# kilde: …` / `# source: …` is a placeholder nobody filled in.
//! Without a comment on its line, the comment lines right above a number
//! say it (a long explanation, as the bundled scenarios have). The
//! loader keeps these for every number written in the file, so the
//! Scenario screen can show them; `effekt new` writes the placeholders.

use toml::de::{DeTable, DeValue};

/// What a number's comment says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BasisKind {
    /// `# assumption: …`: a choice or estimate, not a fact.
    Assumption,
    /// A source: `# source: …`, `# kilde: …` or any other words.
    Source,
    /// `# kilde: …` or `# source: …` left as `effekt new` wrote it.
    Placeholder,
    /// No comment on the number's line.
    Unstated,
}

/// Where one number of the file came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// The key path as errors name it: `outcomes[0].baseline`,
    /// `uncertainty.noise.absence`.
    pub path: String,
    /// The value as written (`1_500_000`, `[30, 40]`).
    pub written: String,
    pub kind: BasisKind,
    /// The comment without its marker (`1.2 points lower`); empty when
    /// unstated or a placeholder.
    pub text: String,
}

/// The words that mark an assumption, in the languages of the files.
const ASSUMPTION: [&str; 3] = ["assumption", "antakelse", "antagelse"];
/// The words that mark a source.
const SOURCE: [&str; 2] = ["source", "kilde"];
/// What a placeholder leaves after its marker.
const UNFILLED: [&str; 3] = ["", "…", "..."];

/// The comment at the end of the line on which `end` (a value's end)
/// lies, without `#`; `None` when anything but blanks comes first.
pub(crate) fn trailing_comment(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    let line = rest.split('\n').next().unwrap_or("").trim_end_matches('\r');
    let comment = line.trim_start().strip_prefix('#')?;
    Some(comment.trim())
}

/// The comment lines right above the line on which `start` lies (no blank
/// line between), oldest first, without `#`; not effekt's own
/// explanations (`##`), directives (`#:`), nor keys and tables a template
/// shows commented out (`# drift = 0`).
pub(crate) fn leading_comments(text: &str, start: usize) -> Vec<&str> {
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut lines: Vec<&str> = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .take_while(|l| l.starts_with('#'))
        .collect();
    lines.reverse();
    lines
        .into_iter()
        .filter(|l| !l.starts_with("##") && !l.starts_with("#:"))
        .map(|l| l[1..].trim())
        .filter(|l| !is_commented_out(l))
        .collect()
}

/// A comment that is a line of TOML a template commented out: a table
/// header or `key = value`.
pub(crate) fn is_commented_out(comment: &str) -> bool {
    comment.starts_with('[')
        || comment.split_once(" = ").is_some_and(|(key, _)| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"' | '.' | '*'))
        })
}

/// Splits a comment into what it says about a number.
pub fn classify(comment: &str) -> (BasisKind, String) {
    let lower = comment.to_lowercase();
    let after = |word: &str| {
        comment[word.len()..]
            .trim_start_matches([':', ',', ';', ' ', '-', '–'])
            .trim()
            .to_string()
    };
    if let Some(word) = ASSUMPTION.iter().find(|w| lower.starts_with(*w)) {
        return (BasisKind::Assumption, after(word));
    }
    if let Some(word) = SOURCE.iter().find(|w| lower.starts_with(*w)) {
        let rest = after(word);
        if UNFILLED.contains(&rest.as_str()) {
            return (BasisKind::Placeholder, String::new());
        }
        return (BasisKind::Source, rest);
    }
    (BasisKind::Source, comment.to_string())
}

/// Whether a key path (`levers.cap.min`, `format`) sets up the file or
/// the workshop rather than the contract: its numbers need no source.
pub(crate) fn is_setting(path: &str) -> bool {
    path == "format"
        || path == "levers"
        || path.starts_with("levers.")
        || path == "uncertainty.draws"
        || path == "uncertainty.seed"
}

fn is_number(v: &DeValue) -> bool {
    match v {
        DeValue::Integer(_) | DeValue::Float(_) => true,
        DeValue::Array(items) => !items.is_empty() && items.iter().all(|i| is_number(i.get_ref())),
        _ => false,
    }
}

/// The basis of every number written in the file, in the order of the
/// file; the settings of the file and the workshop ([`is_setting`]) are
/// left out.
pub(crate) fn read(text: &str, doc: &DeTable) -> Vec<Basis> {
    let mut out = Vec::new();
    walk(text, doc, "", &mut out);
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, b)| b).collect()
}

fn walk(text: &str, table: &DeTable, prefix: &str, out: &mut Vec<(usize, Basis)>) {
    for (k, v) in table.iter() {
        let key: &str = k.get_ref();
        let path = if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        };
        if is_setting(&path) {
            continue;
        }
        match v.get_ref() {
            DeValue::Table(t) => walk(text, t, &path, out),
            DeValue::Array(items) if items.iter().all(|i| i.get_ref().is_table()) => {
                for (i, item) in items.iter().enumerate() {
                    if let DeValue::Table(t) = item.get_ref() {
                        walk(text, t, &format!("{path}[{i}]"), out);
                    }
                }
            }
            value if is_number(value) => {
                let span = v.span();
                let above = leading_comments(text, k.span().start).join(" ");
                let (kind, words) = match trailing_comment(text, span.end) {
                    Some(c) => classify(c),
                    None if !above.is_empty() => classify(&above),
                    None => (BasisKind::Unstated, String::new()),
                };
                out.push((
                    span.start,
                    Basis {
                        path,
                        written: text.get(span).unwrap_or("").to_string(),
                        kind,
                        text: words,
                    },
                ));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_say_assumption_source_or_nothing() {
        let text = "format = 1\n[t]\n# why\n## effekt's own\na = 9.6   # SSB table 322688\n\
                    b = 8.4 # assumption: lower\nc = 2 # Antakelse, fra KS\nd = [1,\n 2] # kilde: …\n\
                    e = 3\nf = \"x\" # not a number\n# assumption: from\n# two lines\ng = 4\n\
                    # drift = 0\nh = 5\n[levers.x]\nmin = 1 # no\n";
        let (doc, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        let b = read(text, doc.get_ref());
        let got: Vec<(&str, &str, BasisKind, &str)> = b
            .iter()
            .map(|b| {
                (
                    b.path.as_str(),
                    b.written.as_str(),
                    b.kind.clone(),
                    b.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("t.a", "9.6", BasisKind::Source, "SSB table 322688"),
                ("t.b", "8.4", BasisKind::Assumption, "lower"),
                ("t.c", "2", BasisKind::Assumption, "fra KS"),
                ("t.d", "[1,\n 2]", BasisKind::Placeholder, ""),
                ("t.e", "3", BasisKind::Unstated, ""),
                ("t.g", "4", BasisKind::Assumption, "from two lines"),
                ("t.h", "5", BasisKind::Unstated, ""),
            ]
        );
        let a = text.find("a = 9.6").unwrap();
        assert_eq!(leading_comments(text, a), ["why"]);
        assert_eq!(
            classify("source: R-109"),
            (BasisKind::Source, "R-109".into())
        );
        assert_eq!(
            classify("Source: ..."),
            (BasisKind::Placeholder, String::new())
        );
    }
}
