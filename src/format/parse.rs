//! Numbers typed by a person, read by the rules of the language the app
//! shows numbers in — the one parser for the workshop's prompts and the
//! command line's `--set`, `--from`, `--to`, `--for` and `--at`.
//!
//! What is read:
//!
//! - an optional sign (`-`, `+` or the minus sign `−`);
//! - an optional currency (`kr`, `NOK`, `EUR`, `SEK`, `DKK`, `GBP`, `USD`,
//!   before or after the number);
//! - an optional `%` (divides by 100) or scale (`k`; `m`, `mill.`, `mill`,
//!   `mln`; `mrd.`, `mrd`, `bn`);
//! - digits with thousands separators and a decimal mark, and an optional
//!   exponent (`1e6`, `2,5e-3`).
//!
//! Separators:
//!
//! - Spaces (also no-break spaces) and `_` always group thousands.
//! - The language's decimal mark is always a decimal mark: `,` in bokmål
//!   (`0,5`, `1,100` = 1,1), `.` in English (`0.5`).
//! - English groups thousands with `,`: `1,100` = 1100. A single `,` that
//!   cannot be a thousands separator (`0,5`, `1,25`) is bokmål's decimal
//!   comma, which is unambiguous, so it is read as one.
//! - Bokmål does not use `.`: a single `.` that cannot be a thousands
//!   separator (`0.5`, `12.25`, `0.125`) is English's decimal point and is
//!   read as one; a single `.` that could be either (`1.100`: 1100 or 1,1?)
//!   is refused as ambiguous, with both readings in the message. It is
//!   never silently read as 1,1.
//! - Two or more of the same mark can only group thousands (`1.100.000`,
//!   `1,100,000`); with both marks, the last is the decimal mark
//!   (`1,100.5`, `1.100,5`).
//! - Groups after a separator have exactly three digits, and the first has
//!   one to three and does not start with 0; anything else is not a number.
//!
//! A number too large or too small for effekt's exact decimals (about 28
//! digits; `1e400`) is "out of range", not "not a number".

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Lang, excerpt};

/// Why typed text is not read as a number. The texts quote at most the
/// start of the input; `crate::i18n::errors::number_error` says it in the
/// user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("no number was typed")]
    Empty,
    #[error("`{text}` is not a number")]
    NotANumber { text: String },
    /// `1.100` in bokmål: thousands (`grouped`) or a decimal (`decimal`).
    #[error("`{text}` is ambiguous: it could be {grouped} or {decimal}")]
    Ambiguous {
        text: String,
        grouped: Decimal,
        decimal: Decimal,
    },
    #[error("`{text}` is out of range")]
    OutOfRange { text: String },
}

const CURRENCIES: [&str; 7] = ["nok", "kr", "eur", "sek", "dkk", "gbp", "usd"];

const SCALES: [(&str, i64); 8] = [
    ("mrd.", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("mill.", 1_000_000),
    ("mill", 1_000_000),
    ("mln", 1_000_000),
    ("m", 1_000_000),
    ("k", 1_000),
];

/// Reads a number typed in `lang` (see the module's documentation).
///
/// ```
/// use effekt::format::{Lang, NumberError, parse_number};
/// use rust_decimal::Decimal;
///
/// assert_eq!(parse_number(Lang::Nb, "0,5"), Ok(Decimal::new(5, 1)));
/// assert_eq!(parse_number(Lang::En, "1,100"), Ok(Decimal::from(1100)));
/// assert_eq!(parse_number(Lang::Nb, "12,5 mill. kr"), Ok(Decimal::from(12_500_000)));
/// assert!(matches!(parse_number(Lang::Nb, "1.100"), Err(NumberError::Ambiguous { .. })));
/// assert!(matches!(parse_number(Lang::En, "1e400"), Err(NumberError::OutOfRange { .. })));
/// ```
pub fn parse_number(lang: Lang, text: &str) -> Result<Decimal, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let quoted = excerpt(trimmed);
    let not_a_number = || NumberError::NotANumber {
        text: quoted.clone(),
    };
    let out_of_range = || NumberError::OutOfRange {
        text: quoted.clone(),
    };
    let t: String = trimmed
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2212}' => '-',
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            c => c,
        })
        .collect();
    let (negative, t) = sign(&t);
    let t = strip_currency_prefix(t);
    let (negative, t) = match negative {
        Some(n) => (n, t),
        None => {
            let (n, rest) = sign(t);
            (n.unwrap_or(false), rest)
        }
    };
    let t = strip_currency_suffix(t);
    let (factor, percent, t) = unit(t);
    let body = t.trim();
    let (mantissa, exponent) = match body.split_once('e') {
        Some((m, e)) => (m.trim(), Some(e.trim())),
        None => (body, None),
    };
    let digits = match decimal_digits(lang, mantissa) {
        Ok(d) => d,
        Err(Reading::NotANumber) => return Err(not_a_number()),
        Err(Reading::Ambiguous { grouped, decimal }) => {
            let read = |s: &str| Decimal::from_str(s).map_err(|_| out_of_range());
            return Err(NumberError::Ambiguous {
                text: quoted.clone(),
                grouped: read(&grouped)?,
                decimal: read(&decimal)?,
            });
        }
    };
    let mut value = match exponent {
        None => Decimal::from_str(&digits).map_err(|_| out_of_range())?,
        Some(e) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            let valid = {
                let d = e.strip_prefix('-').unwrap_or(e);
                !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())
            };
            if !valid {
                return Err(not_a_number());
            }
            let e: i64 = e.parse().map_err(|_| out_of_range())?;
            if e.abs() > 100 {
                return Err(out_of_range());
            }
            Decimal::from_scientific(&format!("{digits}e{e}")).map_err(|_| out_of_range())?
        }
    };
    value = value
        .checked_mul(Decimal::from(factor))
        .ok_or_else(out_of_range)?;
    if percent {
        value = value
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(out_of_range)?;
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

/// A leading sign: `Some(true)` for minus.
fn sign(t: &str) -> (Option<bool>, &str) {
    match t.chars().next() {
        Some('-') => (Some(true), t[1..].trim_start()),
        Some('+') => (Some(false), t[1..].trim_start()),
        _ => (None, t),
    }
}

fn strip_currency_prefix(t: &str) -> &str {
    for c in CURRENCIES {
        if let Some(rest) = t.strip_prefix(c) {
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            return rest.trim_start();
        }
    }
    t
}

fn strip_currency_suffix(t: &str) -> &str {
    let t = t.trim_end();
    for c in CURRENCIES {
        let rest = t.strip_suffix('.').and_then(|r| r.strip_suffix(c));
        if let Some(rest) = rest.or_else(|| t.strip_suffix(c)) {
            return rest.trim_end();
        }
    }
    t
}

/// A trailing `%` or scale: (factor, percent, the rest).
fn unit(t: &str) -> (i64, bool, &str) {
    let t = t.trim_end();
    if let Some(rest) = t.strip_suffix('%') {
        return (1, true, rest);
    }
    for (suffix, factor) in SCALES {
        if let Some(rest) = t.strip_suffix(suffix)
            && rest.ends_with(|c: char| c.is_ascii_digit() || c == ' ')
        {
            return (factor, false, rest);
        }
    }
    (1, false, t)
}

enum Reading {
    NotANumber,
    /// Both readings as plain decimal strings (`1100`, `1.100`).
    Ambiguous {
        grouped: String,
        decimal: String,
    },
}

/// Whether `int` is digits in thousands groups split by any of `seps`
/// (at least one separator): 1–3 digits not starting with 0, then groups of
/// exactly 3.
fn grouped(int: &str, seps: &[char]) -> bool {
    let groups: Vec<&str> = int.split(|c| seps.contains(&c)).collect();
    groups.len() > 1
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The mantissa as a plain decimal string (`1100.5`), by the language's
/// separators.
fn decimal_digits(lang: Lang, m: &str) -> Result<String, Reading> {
    if !m.chars().any(|c| c.is_ascii_digit())
        || m.chars()
            .any(|c| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '_')))
    {
        return Err(Reading::NotANumber);
    }
    let dots = m.matches('.').count();
    let commas = m.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => {
            let last = if m.rfind('.') > m.rfind(',') {
                '.'
            } else {
                ','
            };
            if m.matches(last).count() != 1 {
                return Err(Reading::NotANumber);
            }
            Some(last)
        }
        (n, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = n.max(commas);
            if count >= 2 {
                None
            } else if mark == lang.decimal_sep() {
                Some(mark)
            } else if grouped(m, &[mark, ' ', '_']) {
                if mark == lang.group_sep() {
                    None
                } else {
                    let plain = m.replace([' ', '_'], "");
                    return Err(Reading::Ambiguous {
                        grouped: plain.replace(mark, ""),
                        decimal: plain.replace(mark, "."),
                    });
                }
            } else {
                Some(mark)
            }
        }
    };
    let (int, frac) = match decimal_mark {
        Some(mark) => m.split_once(mark).unwrap_or((m, "")),
        None => (m, ""),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(Reading::NotANumber);
    }
    let seps = ['.', ',', ' ', '_'];
    let int_digits = if int.contains(seps) {
        if !grouped(int, &seps) {
            return Err(Reading::NotANumber);
        }
        int.replace(seps, "")
    } else {
        int.to_string()
    };
    if int_digits.is_empty() && frac.is_empty() {
        return Err(Reading::NotANumber);
    }
    let int_digits = if int_digits.is_empty() {
        "0".to_string()
    } else {
        int_digits
    };
    Ok(if frac.is_empty() {
        int_digits
    } else {
        format!("{int_digits}.{frac}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn nb(text: &str) -> Result<Decimal, NumberError> {
        parse_number(Lang::Nb, text)
    }

    fn en(text: &str) -> Result<Decimal, NumberError> {
        parse_number(Lang::En, text)
    }

    #[test]
    fn each_language_reads_its_own_form() {
        for (text, v) in [
            ("0,5", dec!(0.5)),
            ("1,1", dec!(1.1)),
            ("1,100", dec!(1.1)),
            ("1 100", dec!(1100)),
            ("1\u{a0}234\u{a0}567,89", dec!(1234567.89)),
            ("80 %", dec!(0.8)),
            ("6,5 %", dec!(0.065)),
            ("12,5 mill. kr", dec!(12500000)),
            ("4,2 mrd. kr", dec!(4200000000)),
            ("−950 kr", dec!(-950)),
            ("875,45 kr", dec!(875.45)),
        ] {
            assert_eq!(nb(text), Ok(v), "nb {text}");
        }
        for (text, v) in [
            ("0.5", dec!(0.5)),
            ("1,100", dec!(1100)),
            ("NOK 1,234,567", dec!(1234567)),
            ("1,100.5", dec!(1100.5)),
            ("6.5%", dec!(0.065)),
            ("NOK 4.2m", dec!(4200000)),
            ("−NOK 4.3m", dec!(-4300000)),
            ("NOK 2.5bn", dec!(2500000000)),
            ("-0.1", dec!(-0.1)),
        ] {
            assert_eq!(en(text), Ok(v), "en {text}");
        }
    }

    #[test]
    fn the_other_language_is_read_where_unambiguous() {
        // English decimals in bokmål: the point cannot group thousands here.
        for (text, v) in [
            ("0.5", dec!(0.5)),
            ("12.25", dec!(12.25)),
            ("0.125", dec!(0.125)),
            ("1.1000", dec!(1.1)),
            ("1,100.5", dec!(1100.5)),
            ("1,100,000", dec!(1100000)),
            ("1.100.000", dec!(1100000)),
            ("1.100,5", dec!(1100.5)),
            ("NOK 4.2m", dec!(4200000)),
        ] {
            assert_eq!(nb(text), Ok(v), "nb {text}");
        }
        // Bokmål decimals in English: the comma cannot group thousands here.
        for (text, v) in [
            ("0,5", dec!(0.5)),
            ("1,25", dec!(1.25)),
            ("0,100", dec!(0.1)),
            ("1 100", dec!(1100)),
            ("1 100,5", dec!(1100.5)),
            ("12,5 mill. kr", dec!(12500000)),
        ] {
            assert_eq!(en(text), Ok(v), "en {text}");
        }
    }

    #[test]
    fn a_point_that_could_group_thousands_is_ambiguous_in_bokmaal() {
        for (text, grouped, decimal) in [
            ("1.100", dec!(1100), dec!(1.1)),
            ("12.500 kr", dec!(12500), dec!(12.5)),
            ("-1.100", dec!(1100), dec!(1.1)),
        ] {
            match nb(text) {
                Err(NumberError::Ambiguous {
                    grouped: g,
                    decimal: d,
                    ..
                }) => assert_eq!((g, d), (grouped, decimal), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        // Never 1,1 for 1.100 in bokmål; in English it is 1.1.
        assert_eq!(en("1.100"), Ok(dec!(1.1)));
    }

    #[test]
    fn numbers_too_large_are_out_of_range_not_nonsense() {
        for text in [
            "1e400",
            "1e-400",
            "99999999999999999999999999999999",
            "79228162514264337593543950335 mrd",
        ] {
            assert!(
                matches!(en(text), Err(NumberError::OutOfRange { .. })),
                "{text}: {:?}",
                en(text)
            );
        }
        assert_eq!(en("1e3"), Ok(dec!(1000)));
        assert_eq!(nb("2,5e-3"), Ok(dec!(0.0025)));
    }

    #[test]
    fn nonsense_is_not_a_number() {
        for text in [
            "abc",
            "%",
            "kr",
            "1,2,3",
            "12 5",
            "1..5",
            "1.2.3,4,5",
            "0 100",
            "5e",
            "1e2.5",
            "1-2",
            "--1",
            "12_50",
        ] {
            assert!(
                matches!(nb(text), Err(NumberError::NotANumber { .. })),
                "{text}: {:?}",
                nb(text)
            );
        }
        assert_eq!(nb("  "), Err(NumberError::Empty));
    }

    #[test]
    fn errors_quote_only_the_start_of_long_input() {
        let long = "x".repeat(1_000_000);
        let e = nb(&long).unwrap_err().to_string();
        assert!(e.len() < 200, "{} bytes", e.len());
    }
}
