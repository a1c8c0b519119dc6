//! The contract annex (`effekt annex`, the workshop's `a`): the payment
//! mechanism of a scenario or variant as numbered clauses a lawyer can
//! edit — *Vedlegg: betalingsmekanisme* / *Annex: payment mechanism* —
//! with the formula, a worked example computed by the model at 50, 100
//! and 150 % of the expected effect, and the payment schedule by date.
//! GO Lab's seven elements of a payment rule are the checklist of every
//! outcome. What a contract needs and the scenario does not say is marked
//! `[MÅ FYLLES UT: …]` / `[TO BE COMPLETED: …]`, never invented.
//!
//! [`build`] makes the document as data ([`Annex`]); [`markdown`] and
//! [`docx`] write it out. Like every report, it only formats: the numbers
//! come from [`crate::model`].

mod clauses;
mod docx;
mod markdown;
mod tables;

pub use docx::docx;
pub use markdown::markdown;
pub use tables::{EXAMPLE_ACHIEVEMENTS, maximum};

use rust_decimal::Decimal;

use crate::catalog::Loaded;
use crate::format::{self, Lang};
use crate::i18n::annex::{annex_texts, changed_in, to_complete, to_confirm};
use crate::i18n::{annex_clauses as c, scenario_text};
use crate::scenario::{BasisKind, Scenario};

/// One block of the annex, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 for the title, 2 for a chapter, 3 within one.
    Heading { level: u8, text: String },
    /// A numbered clause: `3.6` and its sentence.
    Clause { number: String, text: String },
    /// A paragraph without a number (an introduction, a formula).
    Text(String),
    /// A table: the first column left-aligned, the others numbers.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The annex as data, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    pub lang: Lang,
    pub blocks: Vec<Block>,
}

/// What the annex is of.
pub struct Request<'a> {
    pub lang: Lang,
    /// The scenario as loaded (its id and text name the source).
    pub loaded: &'a Loaded,
    /// The terms: the scenario, or a variant of it applied.
    pub scenario: &'a Scenario,
    /// The variant's name, when it is one.
    pub variant: Option<&'a str>,
    /// The site (an index into `scenario.sites`) whose agreement this is.
    pub site: Option<usize>,
}

/// The annex of a scenario or variant, for the whole contract or one
/// site's agreement. An out-of-range `site` is treated as none.
pub fn build(req: &Request) -> Annex {
    let site = req.site.filter(|&i| i < req.scenario.sites.len());
    let ctx = Ctx {
        lang: req.lang,
        s: req.scenario,
        base: &req.loaded.scenario,
        variant: req.variant,
        site,
    };
    let t = annex_texts(req.lang);
    let mut b = Vec::new();
    b.push(Block::Heading {
        level: 1,
        text: t.title.to_string(),
    });
    let mut about = vec![format!(
        "{}: {}",
        t.scenario,
        scenario_text::title(req.lang, req.scenario)
    )];
    if let Some(v) = req.variant {
        about.push(format!("{}: {v}", t.variant));
    }
    if let Some(i) = site {
        let st = &req.scenario.sites[i];
        about.push(format!("{}: {} ({})", t.site, st.name, st.payer));
    }
    about.push(format!(
        "{} {} · `{}` · {}",
        t.generated_by,
        env!("CARGO_PKG_VERSION"),
        req.scenario.info.id,
        crate::store::scenario_hash(&req.loaded.text)
            .get(..19)
            .unwrap_or_default()
    ));
    b.push(Block::Text(about.join(" · ")));
    b.push(Block::Text(t.draft_note.to_string()));
    clauses::purpose(&ctx, &mut b);
    for (k, _) in req.scenario.outcomes.iter().enumerate() {
        clauses::outcome(&ctx, k, &mut b);
    }
    let fin = 2 + req.scenario.outcomes.len();
    clauses::financial(&ctx, fin, &mut b);
    clauses::verification(&ctx, fin + 1, &mut b);
    tables::example(&ctx, fin + 2, &mut b);
    tables::schedule(&ctx, fin + 3, &mut b);
    if site.is_none() && !req.scenario.sites.is_empty() {
        tables::sites(&ctx, fin + 4, &mut b);
    }
    Annex {
        lang: req.lang,
        blocks: b,
    }
}

/// What every part of the annex needs.
pub(super) struct Ctx<'a> {
    lang: Lang,
    s: &'a Scenario,
    /// The scenario as its file says (the variant's terms are `s`).
    base: &'a Scenario,
    variant: Option<&'a str>,
    site: Option<usize>,
}

impl Ctx<'_> {
    fn money(&self, d: Decimal) -> String {
        let cur = &self.s.info.currency;
        if d.fract().is_zero() {
            format::money(self.lang, cur, d)
        } else {
            format::money_dp(self.lang, cur, d, 2)
        }
    }

    /// A share as a percentage with as many decimals as it needs (at most 2).
    fn pct(&self, share: Decimal) -> String {
        let dp = (share * Decimal::ONE_HUNDRED).normalize().scale().min(2);
        format::percent(self.lang, share, dp)
    }

    fn number(&self, d: Decimal) -> String {
        format::number(self.lang, d, d.normalize().scale().min(3))
    }

    /// The role's name from the scenario, or a marker where it has none.
    fn party(&self, role: &str) -> Option<String> {
        scenario_text::party(self.lang, self.s, role).map(str::to_string)
    }

    /// Who pays: the site's municipality, or the contract's payer.
    fn payer(&self) -> String {
        match self.site {
            Some(i) => self.s.sites[i].payer.clone(),
            None => self.party("payer").unwrap_or_default(),
        }
    }

    fn provider(&self) -> String {
        self.party("provider").unwrap_or_default()
    }

    /// The cofunder and its share, when it pays a part.
    fn cofunder(&self) -> Option<(String, String)> {
        let share = self.s.payment.cofunder_share;
        if share.is_zero() {
            return None;
        }
        Some((self.party("cofunder").unwrap_or_default(), self.pct(share)))
    }

    /// ` [ANTAKELSE, MÅ BEKREFTES: …]` after a number the scenario marks
    /// as an assumption, ` [MÅ FYLLES UT: kilde]` after one whose source is
    /// a placeholder; nothing otherwise.
    /// A term a variant changed says so instead: ` [ENDRET I VARIANTEN
    /// «…»]` / ` [CHANGED IN THE VARIANT "…"]`.
    fn basis(&self, path: &str) -> String {
        if let Some(name) = self.variant
            && term(self.s, path) != term(self.base, path)
        {
            return format!(" {}", changed_in(self.lang, name));
        }
        match self.s.basis.iter().find(|b| b.path == path) {
            Some(b) if b.kind == BasisKind::Assumption => {
                format!(" {}", to_confirm(self.lang, &b.text))
            }
            Some(b) if b.kind == BasisKind::Placeholder => {
                let what = match self.lang {
                    Lang::Nb => "kilde",
                    Lang::En => "source",
                };
                format!(" {}", to_complete(self.lang, what))
            }
            _ => String::new(),
        }
    }

    /// The date a period starts, or `None` without `start_year`.
    fn start_date(&self, t: usize) -> Option<String> {
        let tl = &self.s.timeline;
        tl.start_year?;
        let p = tl.period_start(t);
        Some(date(self.lang, p.year, p.month, 1))
    }

    /// The date a period ends (the day before the next one starts), or a
    /// description by contract month without `start_year`.
    fn end_date(&self, t: usize) -> String {
        let tl = &self.s.timeline;
        let next = tl.period_start(t + 1);
        let (year, month) = if next.month == 1 {
            (next.year - 1, 12)
        } else {
            (next.year, next.month - 1)
        };
        if tl.start_year.is_some() {
            date(self.lang, year, month, days_in(year, month))
        } else {
            let months = t * 12 / tl.per_year() as usize;
            format!("{} {months}", annex_texts(self.lang).contract_month)
        }
    }

    /// The contract's start, or a marker without `start_year`.
    fn contract_start(&self) -> String {
        self.start_date(1).unwrap_or_else(|| {
            let what = match self.lang {
                Lang::Nb => "kontraktens startdato",
                Lang::En => "the contract's start date",
            };
            to_complete(self.lang, what)
        })
    }

    /// The cohort size of the agreement: the site's, or the contract's.
    fn size(&self) -> Option<Decimal> {
        match self.site {
            Some(i) => self.s.sites[i].size,
            None if self.s.sites.is_empty() => self.s.cohort.size,
            None => self.s.sites.iter().map(|st| st.size).sum(),
        }
    }

    /// The intake per period of the agreement: the site's, or the
    /// contract's (all sites together).
    fn intake(&self) -> Option<Vec<Decimal>> {
        match self.site {
            Some(i) => self.s.sites[i].intake.clone(),
            None if self.s.sites.is_empty() => self.s.cohort.intake.clone(),
            None => {
                let mut sum = vec![Decimal::ZERO; self.s.timeline.periods];
                for st in &self.s.sites {
                    for (a, b) in sum.iter_mut().zip(st.intake.as_deref()?) {
                        *a += *b;
                    }
                }
                Some(sum)
            }
        }
    }

    fn see(&self, clauses: &str) -> String {
        c::see(self.lang, clauses)
    }
}

/// Text on one line: a line break in a scenario's text (a definition, a
/// name) would end a clause's paragraph or a table's row.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value of a term the annex marks, by its path in the file; `None`
/// for a path it does not mark.
fn term(s: &Scenario, path: &str) -> Option<Decimal> {
    let outcome = |key: &str| {
        let (k, rest) = path.strip_prefix("outcomes[")?.split_once("].")?;
        let o = s.outcomes.get(k.parse::<usize>().ok()?)?;
        (rest == key).then_some(o)
    };
    if let Some(o) = outcome("target") {
        return Some(o.target);
    }
    if let Some(o) = outcome("threshold") {
        return o.threshold;
    }
    if let Some(o) = outcome("price") {
        return Some(o.price);
    }
    if let Some(o) = outcome("baseline") {
        return Some(o.baseline);
    }
    match path {
        "payment.cap" => s.payment.cap,
        "payment.guaranteed_share" => Some(s.payment.guaranteed_share),
        "payment.cofunder_share" => Some(s.payment.cofunder_share),
        "provider.fee_at_risk" => Some(s.provider.fee_at_risk),
        "investment.return_cap" => Some(s.investment.return_cap),
        "investment.first_loss" => Some(s.investment.first_loss),
        _ => None,
    }
}

/// A date: `01.07.2026` / `2026-07-01`.
fn date(lang: Lang, year: i64, month: u32, day: u32) -> String {
    match lang {
        Lang::Nb => format!("{day:02}.{month:02}.{year}"),
        Lang::En => format!("{year}-{month:02}-{day:02}"),
    }
}

fn days_in(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_on_their_last_day() {
        assert_eq!(days_in(2028, 2), 29);
        assert_eq!(days_in(2100, 2), 28);
        assert_eq!(days_in(2000, 2), 29);
        assert_eq!(days_in(2026, 6), 30);
        assert_eq!(days_in(2026, 12), 31);
        assert_eq!(date(Lang::Nb, 2026, 6, 30), "30.06.2026");
        assert_eq!(date(Lang::En, 2026, 6, 30), "2026-06-30");
    }
}
