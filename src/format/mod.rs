//! The one place where numbers become text for people and back: money,
//! percentages and plain numbers, per language (nb: `1 234 567 kr`,
//! `4,2 mill. kr`, `6,5 %`; en: `NOK 1,234,567`, `NOK 4.2m`, `6.5%`).
//! Negative numbers carry a minus sign (U+2212), so no screen relies on
//! colour alone.
//!
//! - [`parse_number`] reads a number a person typed, by the rules of the
//!   language the numbers are shown in (`parse.rs`).
//! - [`sanitize`] makes text from files safe for a terminal or a report
//!   (`safe.rs`).

use rust_decimal::{Decimal, RoundingStrategy};

mod parse;
mod safe;

pub use parse::{NumberError, parse_number};
pub use safe::{EXCERPT_CHARS, excerpt, excerpt_of, is_unsafe, sanitize, sanitize_json};

/// The user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Norwegian bokmål (the default).
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (the `L` key).
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Nb => Lang::En,
            Lang::En => Lang::Nb,
        }
    }

    pub(crate) fn group_sep(self) -> char {
        match self {
            Lang::Nb => ' ',
            Lang::En => ',',
        }
    }

    pub(crate) fn decimal_sep(self) -> char {
        match self {
            Lang::Nb => ',',
            Lang::En => '.',
        }
    }
}

const MINUS: char = '\u{2212}';

/// A number rounded to `dp` decimals, grouped in thousands.
pub fn number(lang: Lang, d: Decimal, dp: u32) -> String {
    let r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    let text = format!("{:.*}", dp as usize, r.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 8);
    if negative {
        out.push(MINUS);
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(lang.group_sep());
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(lang.decimal_sep());
        out.push_str(f);
    }
    out
}

fn with_currency(lang: Lang, currency: &str, amount: String) -> String {
    match (lang, currency) {
        (Lang::Nb, "NOK") => format!("{amount} kr"),
        (Lang::Nb, c) => format!("{amount} {c}"),
        (Lang::En, c) => match amount.strip_prefix(MINUS) {
            Some(rest) => format!("{MINUS}{c} {rest}"),
            None => format!("{c} {amount}"),
        },
    }
}

/// Money in whole units: `1 234 567 kr` / `NOK 1,234,567`.
///
/// ```
/// use effekt::format::{Lang, money};
/// use rust_decimal::Decimal;
///
/// let d = Decimal::new(12_345_675, 1); // 1 234 567.5
/// assert_eq!(money(Lang::Nb, "NOK", d), "1 234 568 kr");
/// assert_eq!(money(Lang::En, "NOK", -d), "\u{2212}NOK 1,234,568");
/// ```
pub fn money(lang: Lang, currency: &str, d: Decimal) -> String {
    with_currency(lang, currency, number(lang, d, 0))
}

/// Money with `dp` decimals: `1 234,57 kr` / `NOK 1,234.57` (a solved price).
pub fn money_dp(lang: Lang, currency: &str, d: Decimal, dp: u32) -> String {
    with_currency(lang, currency, number(lang, d, dp))
}

/// Money in short form for key figures and charts: `4,2 mill. kr` /
/// `NOK 4.2m`; amounts under a million in whole units. The amount is
/// rounded before its unit is chosen, so 999,96 mill. reads `1,0 mrd.`
/// (not `1 000,0 mill.`) and 999 999,5 kr reads `1,0 mill. kr`.
pub fn money_short(lang: Lang, currency: &str, d: Decimal) -> String {
    let (div, nb, en) = short_scale(d);
    if div == Decimal::ONE {
        return money(lang, currency, d);
    }
    let scaled = number(lang, d / div, 1);
    let amount = match lang {
        Lang::Nb => format!("{scaled} {nb}"),
        Lang::En => format!("{scaled}{en}"),
    };
    with_currency(lang, currency, amount)
}

/// The unit a short amount is shown in — the divisor and its words in
/// bokmål and English — chosen after rounding to what is shown (whole
/// units below a million, one decimal of millions and billions).
fn short_scale(d: Decimal) -> (Decimal, &'static str, &'static str) {
    let million = Decimal::from(1_000_000);
    let round =
        |x: Decimal, dp| x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let abs = d.abs();
    if round(abs, 0) < million {
        (Decimal::ONE, "", "")
    } else if round(abs / million, 1) < Decimal::from(1000) {
        (million, "mill.", "m")
    } else {
        (Decimal::from(1_000_000_000), "mrd.", "bn")
    }
}

/// A share or rate as a percentage: 0.065 → `6,5 %` / `6.5%`.
///
/// ```
/// use effekt::format::{Lang, percent};
/// use rust_decimal::Decimal;
///
/// assert_eq!(percent(Lang::Nb, Decimal::new(65, 3), 1), "6,5 %");
/// assert_eq!(percent(Lang::En, Decimal::new(65, 3), 1), "6.5%");
/// ```
pub fn percent(lang: Lang, share: Decimal, dp: u32) -> String {
    let n = number(lang, share * Decimal::ONE_HUNDRED, dp);
    match lang {
        Lang::Nb => format!("{n} %"),
        Lang::En => format!("{n}%"),
    }
}

/// A change with an arrow: `▲ +0,4 mill. kr`, `▼ −2,0 %`, empty for none.
pub fn delta(text_of_abs: impl Fn(Decimal) -> String, change: Decimal) -> String {
    if change.is_zero() {
        return String::new();
    }
    let arrow = if change > Decimal::ZERO {
        "▲ +"
    } else {
        "▼ \u{2212}"
    };
    format!("{arrow}{}", text_of_abs(change.abs()))
}

/// A plain machine-readable decimal (no grouping, `.` as separator), for
/// CSV and JSON.
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A money multiple: `1,04×` / `1.04×`.
pub fn multiple(lang: Lang, d: Decimal) -> String {
    format!("{}×", number(lang, d, 2))
}

/// [`money_short`] split into the number (with sign and scale letter, as
/// large digits show it) and the unit words: `("4,2", "mill. kr")`,
/// `("4.2m", "NOK")`, `("−950", "kr")`. The parts joined with a space read
/// like `money_short` (in English with the currency first).
pub fn money_short_parts(lang: Lang, currency: &str, d: Decimal) -> (String, String) {
    let (div, nb, en) = short_scale(d);
    let dp = if div == Decimal::ONE { 0 } else { 1 };
    let n = number(lang, d / div, dp);
    let cur = match (lang, currency) {
        (Lang::Nb, "NOK") => "kr",
        (_, c) => c,
    };
    match lang {
        Lang::Nb if nb.is_empty() => (n, cur.to_string()),
        Lang::Nb => (n, format!("{nb} {cur}")),
        Lang::En => (format!("{n}{en}"), cur.to_string()),
    }
}

/// [`money_short`] without the currency, for tight columns whose heading
/// names it: `4,2 mill.` / `4.2m` / `−950`.
pub fn money_short_bare(lang: Lang, d: Decimal) -> String {
    let (n, unit) = money_short_parts(lang, "", d);
    match lang {
        Lang::Nb => match unit.trim() {
            "" => n,
            scale => format!("{n} {scale}"),
        },
        Lang::En => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_per_language() {
        assert_eq!(money(Lang::Nb, "NOK", dec!(1234567.4)), "1 234 567 kr");
        assert_eq!(money(Lang::En, "NOK", dec!(1234567.5)), "NOK 1,234,568");
        assert_eq!(money(Lang::Nb, "NOK", dec!(-950)), "−950 kr");
        assert_eq!(money(Lang::En, "EUR", dec!(-1000)), "−EUR 1,000");
        assert_eq!(money(Lang::Nb, "EUR", dec!(0.4)), "0 EUR");
    }

    #[test]
    fn money_short_per_language() {
        assert_eq!(money_short(Lang::Nb, "NOK", dec!(4200000)), "4,2 mill. kr");
        assert_eq!(money_short(Lang::En, "NOK", dec!(4249999)), "NOK 4.2m");
        assert_eq!(money_short(Lang::En, "NOK", dec!(-4250000)), "−NOK 4.3m");
        assert_eq!(
            money_short(Lang::Nb, "NOK", dec!(2500000000)),
            "2,5 mrd. kr"
        );
        assert_eq!(money_short(Lang::Nb, "NOK", dec!(999999)), "999 999 kr");
    }

    #[test]
    fn money_short_rounds_before_it_picks_the_unit() {
        let cases = [
            // Just under a billion: rounds to 1 000,0 mill., so a billion.
            (dec!(999949999.99), "999,9 mill. kr", "NOK 999.9m"),
            (dec!(999950000), "1,0 mrd. kr", "NOK 1.0bn"),
            (dec!(999990000), "1,0 mrd. kr", "NOK 1.0bn"),
            (dec!(-999999999), "−1,0 mrd. kr", "−NOK 1.0bn"),
            (dec!(1000000000), "1,0 mrd. kr", "NOK 1.0bn"),
            // Just under a million: rounds to 1 000 000 kr, so a million.
            (dec!(999999.49), "999 999 kr", "NOK 999,999"),
            (dec!(999999.5), "1,0 mill. kr", "NOK 1.0m"),
            (dec!(-999999.5), "−1,0 mill. kr", "−NOK 1.0m"),
            (dec!(1000000), "1,0 mill. kr", "NOK 1.0m"),
        ];
        for (v, nb, en) in cases {
            assert_eq!(money_short(Lang::Nb, "NOK", v), nb, "{v}");
            assert_eq!(money_short(Lang::En, "NOK", v), en, "{v}");
            let (n, unit) = money_short_parts(Lang::Nb, "NOK", v);
            assert_eq!(format!("{n} {unit}"), nb, "{v}");
        }
        assert_eq!(money_short_bare(Lang::Nb, dec!(999960000)), "1,0 mrd.");
        assert_eq!(money_short_bare(Lang::En, dec!(999960000)), "1.0bn");
        assert_eq!(money_short_bare(Lang::Nb, dec!(999999.7)), "1,0 mill.");
        assert_eq!(money_short_bare(Lang::En, dec!(999999.7)), "1.0m");
    }

    #[test]
    fn percent_per_language() {
        assert_eq!(percent(Lang::Nb, dec!(0.065), 1), "6,5 %");
        assert_eq!(percent(Lang::En, dec!(0.065), 1), "6.5%");
        assert_eq!(percent(Lang::En, dec!(-0.0955), 2), "−9.55%");
        assert_eq!(percent(Lang::Nb, dec!(0.036520199), 2), "3,65 %");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(Lang::Nb, dec!(1000), 0), "1 000");
        assert_eq!(number(Lang::Nb, dec!(100), 0), "100");
        assert_eq!(number(Lang::En, dec!(-1234.567), 2), "−1,234.57");
        assert_eq!(number(Lang::Nb, dec!(-0.001), 2), "0,00");
    }

    #[test]
    fn deltas_have_arrow_and_sign() {
        let text = |v| money_short(Lang::Nb, "NOK", v);
        assert_eq!(delta(text, dec!(400000)), "▲ +400 000 kr");
        assert_eq!(delta(|v| percent(Lang::Nb, v, 1), dec!(-0.02)), "▼ −2,0 %");
        assert_eq!(delta(|v| percent(Lang::Nb, v, 1), Decimal::ZERO), "");
    }

    #[test]
    fn multiples() {
        assert_eq!(multiple(Lang::Nb, dec!(1.041667)), "1,04×");
        assert_eq!(multiple(Lang::En, dec!(0.5)), "0.50×");
    }

    #[test]
    fn money_short_parts_read_like_money_short() {
        for v in [
            dec!(4200000),
            dec!(-4250000),
            dec!(2500000000),
            dec!(999999),
            dec!(-950),
            dec!(0),
        ] {
            let (n, u) = money_short_parts(Lang::Nb, "NOK", v);
            assert_eq!(format!("{n} {u}"), money_short(Lang::Nb, "NOK", v));
            let (n, u) = money_short_parts(Lang::En, "NOK", v);
            let en = money_short(Lang::En, "NOK", v);
            let joined = match n.strip_prefix('\u{2212}') {
                Some(rest) => format!("\u{2212}{u} {rest}"),
                None => format!("{u} {n}"),
            };
            assert_eq!(joined, en);
        }
        assert_eq!(
            money_short_parts(Lang::Nb, "NOK", dec!(4200000)),
            ("4,2".to_string(), "mill. kr".to_string())
        );
        assert_eq!(
            money_short_parts(Lang::En, "NOK", dec!(4200000)),
            ("4.2m".to_string(), "NOK".to_string())
        );
    }

    #[test]
    fn bare_money() {
        assert_eq!(money_short_bare(Lang::Nb, dec!(4200000)), "4,2 mill.");
        assert_eq!(money_short_bare(Lang::Nb, dec!(-950)), "−950");
        assert_eq!(money_short_bare(Lang::En, dec!(4200000)), "4.2m");
        assert_eq!(money_short_bare(Lang::En, dec!(139083)), "139,083");
    }
}
