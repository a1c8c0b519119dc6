//! The one place where numbers become text for people: money, percentages
//! and plain numbers, per language (nb: `1 234 567 kr`, `4,2 mill. kr`,
//! `6,5 %`; en: `NOK 1,234,567`, `NOK 4.2m`, `6.5%`). Negative numbers carry
//! a minus sign (U+2212), so no screen relies on colour alone.

use rust_decimal::{Decimal, RoundingStrategy};

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

    fn group_sep(self) -> char {
        match self {
            Lang::Nb => ' ',
            Lang::En => ',',
        }
    }

    fn decimal_sep(self) -> char {
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
/// `NOK 4.2m`; amounts under a million in whole units.
pub fn money_short(lang: Lang, currency: &str, d: Decimal) -> String {
    let abs = d.abs();
    let (div, nb, en) = if abs >= Decimal::from(1_000_000_000) {
        (Decimal::from(1_000_000_000), " mrd.", "bn")
    } else if abs >= Decimal::from(1_000_000) {
        (Decimal::from(1_000_000), " mill.", "m")
    } else {
        return money(lang, currency, d);
    };
    let scaled = number(lang, d / div, 1);
    let amount = match lang {
        Lang::Nb => format!("{scaled}{nb}"),
        Lang::En => format!("{scaled}{en}"),
    };
    with_currency(lang, currency, amount)
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
    let abs = d.abs();
    let (div, nb, en) = if abs >= Decimal::from(1_000_000_000) {
        (Decimal::from(1_000_000_000), "mrd.", "bn")
    } else if abs >= Decimal::from(1_000_000) {
        (Decimal::from(1_000_000), "mill.", "m")
    } else {
        (Decimal::ONE, "", "")
    };
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

/// A number typed by a person, in either language: decimal comma or point,
/// spaces or `_` between thousands (`1 100`, `12_500_000`), English
/// thousands commas when a point is also present (`1,100.5`), an optional
/// `%` (divides by 100), and an optional `k`, `m`/`mill.` or `mrd.`/`bn`
/// multiplier. `None` when it is not a number.
pub fn parse_number(text: &str) -> Option<Decimal> {
    use std::str::FromStr;
    let mut t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect::<String>()
        .to_lowercase();
    for cur in ["nok", "kr", "eur", "sek", "gbp", "usd"] {
        if let Some(rest) = t.strip_prefix(cur).or_else(|| t.strip_suffix(cur)) {
            t = rest.to_string();
        }
    }
    let mut factor = Decimal::ONE;
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        t = rest.to_string();
        percent = true;
    } else {
        for (suffix, f) in [
            ("mrd.", 1_000_000_000i64),
            ("mrd", 1_000_000_000),
            ("bn", 1_000_000_000),
            ("mill.", 1_000_000),
            ("mill", 1_000_000),
            ("m", 1_000_000),
            ("k", 1_000),
        ] {
            if let Some(rest) = t.strip_suffix(suffix) {
                t = rest.to_string();
                factor = Decimal::from(f);
                break;
            }
        }
    }
    let t = t.replace('\u{2212}', "-");
    let t = if t.contains('.') {
        t.replace(',', "")
    } else {
        t.replace(',', ".")
    };
    if t.is_empty()
        || t.chars()
            .any(|c| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e')))
    {
        return None;
    }
    let v = Decimal::from_str(&t)
        .or_else(|_| Decimal::from_scientific(&t))
        .ok()?;
    let v = v.checked_mul(factor)?;
    Some(if percent { v / Decimal::ONE_HUNDRED } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_per_language() {
        assert_eq!(money(Lang::Nb, "NOK", d("1234567.4")), "1 234 567 kr");
        assert_eq!(money(Lang::En, "NOK", d("1234567.5")), "NOK 1,234,568");
        assert_eq!(money(Lang::Nb, "NOK", d("-950")), "−950 kr");
        assert_eq!(money(Lang::En, "EUR", d("-1000")), "−EUR 1,000");
        assert_eq!(money(Lang::Nb, "EUR", d("0.4")), "0 EUR");
    }

    #[test]
    fn money_short_per_language() {
        assert_eq!(money_short(Lang::Nb, "NOK", d("4200000")), "4,2 mill. kr");
        assert_eq!(money_short(Lang::En, "NOK", d("4249999")), "NOK 4.2m");
        assert_eq!(money_short(Lang::En, "NOK", d("-4250000")), "−NOK 4.3m");
        assert_eq!(money_short(Lang::Nb, "NOK", d("2500000000")), "2,5 mrd. kr");
        assert_eq!(money_short(Lang::Nb, "NOK", d("999999")), "999 999 kr");
    }

    #[test]
    fn percent_per_language() {
        assert_eq!(percent(Lang::Nb, d("0.065"), 1), "6,5 %");
        assert_eq!(percent(Lang::En, d("0.065"), 1), "6.5%");
        assert_eq!(percent(Lang::En, d("-0.0955"), 2), "−9.55%");
        assert_eq!(percent(Lang::Nb, d("0.036520199"), 2), "3,65 %");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(Lang::Nb, d("1000"), 0), "1 000");
        assert_eq!(number(Lang::Nb, d("100"), 0), "100");
        assert_eq!(number(Lang::En, d("-1234.567"), 2), "−1,234.57");
        assert_eq!(number(Lang::Nb, d("-0.001"), 2), "0,00");
    }

    #[test]
    fn deltas_have_arrow_and_sign() {
        let text = |v| money_short(Lang::Nb, "NOK", v);
        assert_eq!(delta(text, d("400000")), "▲ +400 000 kr");
        assert_eq!(delta(|v| percent(Lang::Nb, v, 1), d("-0.02")), "▼ −2,0 %");
        assert_eq!(delta(|v| percent(Lang::Nb, v, 1), Decimal::ZERO), "");
    }
}

#[cfg(test)]
mod tui_format_tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn multiples() {
        assert_eq!(multiple(Lang::Nb, d("1.041667")), "1,04×");
        assert_eq!(multiple(Lang::En, d("0.5")), "0.50×");
    }

    #[test]
    fn money_short_parts_read_like_money_short() {
        for v in ["4200000", "-4250000", "2500000000", "999999", "-950", "0"] {
            let (n, u) = money_short_parts(Lang::Nb, "NOK", d(v));
            assert_eq!(format!("{n} {u}"), money_short(Lang::Nb, "NOK", d(v)));
            let (n, u) = money_short_parts(Lang::En, "NOK", d(v));
            let en = money_short(Lang::En, "NOK", d(v));
            let joined = match n.strip_prefix('\u{2212}') {
                Some(rest) => format!("\u{2212}{u} {rest}"),
                None => format!("{u} {n}"),
            };
            assert_eq!(joined, en);
        }
        assert_eq!(
            money_short_parts(Lang::Nb, "NOK", d("4200000")),
            ("4,2".to_string(), "mill. kr".to_string())
        );
        assert_eq!(
            money_short_parts(Lang::En, "NOK", d("4200000")),
            ("4.2m".to_string(), "NOK".to_string())
        );
    }

    #[test]
    fn bare_money() {
        assert_eq!(money_short_bare(Lang::Nb, d("4200000")), "4,2 mill.");
        assert_eq!(money_short_bare(Lang::Nb, d("-950")), "−950");
        assert_eq!(money_short_bare(Lang::En, d("4200000")), "4.2m");
        assert_eq!(money_short_bare(Lang::En, d("139083")), "139,083");
    }

    #[test]
    fn parse_typed_numbers() {
        assert_eq!(parse_number("80%"), Some(d("0.8")));
        assert_eq!(parse_number("80 %"), Some(d("0.8")));
        assert_eq!(parse_number("0,8"), Some(d("0.8")));
        assert_eq!(parse_number("0.8"), Some(d("0.8")));
        assert_eq!(parse_number("1 100"), Some(d("1100")));
        assert_eq!(parse_number("12_500_000"), Some(d("12500000")));
        assert_eq!(parse_number("1,100.5"), Some(d("1100.5")));
        assert_eq!(parse_number("12,5 mill. kr"), Some(d("12500000")));
        assert_eq!(parse_number("NOK 4.2m"), Some(d("4200000")));
        assert_eq!(parse_number("\u{2212}0,1"), Some(d("-0.1")));
        assert_eq!(parse_number("-0.1"), Some(d("-0.1")));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("%"), None);
    }
}
