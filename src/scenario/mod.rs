//! The scenario file format (format 1): types, loading with spans, validation.
//!
//! A [`Scenario`] is the whole contract as written in a TOML file. The model
//! reads it; levers change numbers in a copy of it; [`validate`] checks the
//! rules of `docs/model.md` §7 and §8 on any scenario, loaded or changed.
//!
//! - `toml_reader.rs`: a generic reader of spanned TOML (keys, spans,
//!   unknown keys, exact numbers, choices by name);
//! - `schema.rs`: the scenario's sections read with it;
//! - `load.rs`: the entry points ([`parse`], [`load_file`]);
//! - `validate.rs`: the rules; [`levers`]: the levers a scenario has;
//! - `basis.rs`: where each number came from (`# assumption: …`,
//!   `# kilde: …` at the end of its line);
//! - `error.rs`: what can be wrong, as typed values (texts: `crate::i18n::errors`);
//! - `keys.rs`: the format as the readers of `schema.rs` record it (every
//!   key, its type, default and wording in `docs/scenario-format.md`);
//!   `json_schema.rs`: the JSON Schema made from it ([`json_schema`]).

mod basis;
mod error;
mod json_schema;
mod keys;
pub mod levers;
mod load;
mod record;
mod schema;
mod toml_reader;
mod validate;

pub use basis::{Basis, BasisKind};
pub(crate) use basis::{is_commented_out, is_setting, leading_comments, trailing_comment};
pub use error::{
    Diagnostic, Entry, Expected, Hint, Issue, LoadError, PerPeriod, Problem, Rule, SiteLevel,
};
pub use json_schema::{json_schema, json_schema_text};
pub(crate) use keys::{ANY_KEY, DefaultValue, Format, FormatKey, KeyKind, format, join, sentence};
pub use load::{load_file, parse, read_text};
pub(crate) use toml_reader::suggest;
pub(crate) use validate::NOISE_SDS;
pub use validate::validate;

use rust_decimal::Decimal;

/// A complete outcome-contract scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub info: Info,
    pub timeline: Timeline,
    pub parties: Parties,
    pub cohort: Cohort,
    pub delivery: Delivery,
    pub outcomes: Vec<Outcome>,
    pub payment: Payment,
    pub investment: Investment,
    pub provider: ProviderTerms,
    pub assumptions: Assumptions,
    pub sources: Vec<Source>,
    pub levers: LeverSettings,
    /// `[uncertainty]`: the spread of the effect and the noise of its
    /// measurement, for the risk view; defaults when the table is absent.
    pub uncertainty: Uncertainty,
    /// `[[costs]]`: costs besides delivery (§8.4), paid to `others`.
    pub costs: Vec<Cost>,
    /// Where each number written in the file came from, as the comment on
    /// its line says (`basis.rs`): an assumption, a source, or nothing.
    pub basis: Vec<Basis>,
    /// `[[sites]]`: the municipalities of a pilot (§9), each paying for its
    /// own outcomes. Empty: the scenario is one site, its `[cohort]` and
    /// the `payer` party.
    pub sites: Vec<Site>,
}

impl Scenario {
    /// The index of a site by id.
    pub fn site_index(&self, id: &str) -> Option<usize> {
        self.sites.iter().position(|site| site.id == id)
    }

    /// The annual rate the investor's NPV is discounted at: the hurdle
    /// rate, or the discount rate when the scenario has none (§8.3).
    pub fn hurdle_rate(&self) -> Decimal {
        self.investment
            .hurdle_rate
            .unwrap_or(self.assumptions.discount_rate)
    }
}

/// `[scenario]`: what the scenario is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub theme: String,
    pub currency: String,
    pub language: String,
    /// English texts for a scenario written in bokmål (`title_en`,
    /// `summary_en`, `theme_en`), shown when the user's language is
    /// English (`crate::i18n::scenario_text`).
    pub title_en: Option<String>,
    pub summary_en: Option<String>,
    pub theme_en: Option<String>,
}

/// Length of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    HalfYear,
    Quarter,
    Month,
}

impl Period {
    /// Periods per year.
    pub fn per_year(self) -> u32 {
        match self {
            Period::Year => 1,
            Period::HalfYear => 2,
            Period::Quarter => 4,
            Period::Month => 12,
        }
    }

    /// The name the file uses (`"half_year"`).
    pub fn name(self) -> &'static str {
        toml_reader::Choice::name_of(self)
    }
}

/// `[timeline]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Number of periods `T`.
    pub periods: usize,
    pub period: Period,
    /// Calendar year of the first period: dates the periods and names the
    /// budget years.
    pub start_year: Option<i64>,
    /// Calendar month (1–12) in which period 1 starts; default 1.
    pub start_month: u32,
}

/// When a period starts: months after January of the first year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodStart {
    /// The calendar year (with `start_year`), else 1 for the first year of
    /// the contract, 2 for the next, ….
    pub year: i64,
    /// The calendar month, 1–12.
    pub month: u32,
}

impl Timeline {
    pub fn per_year(&self) -> u32 {
        self.period.per_year()
    }

    /// When period `t` (1-based) starts: `(t − 1)·12/ppy` months after the
    /// start month. Without `start_year` the years count 1, 2, … from the
    /// contract's first year.
    pub fn period_start(&self, t: usize) -> PeriodStart {
        let months = (self.start_month.clamp(1, 12) - 1) as usize
            + t.saturating_sub(1) * (12 / self.per_year() as usize);
        let first = self.start_year.unwrap_or(1);
        PeriodStart {
            year: first + (months / 12) as i64,
            month: (months % 12) as u32 + 1,
        }
    }

    /// The budget year of period `t`: the year in which it starts (§8.2).
    /// Without `start_year` and with `start_month = 1` this is `ceil(t/ppy)`.
    pub fn budget_year(&self, t: usize) -> i64 {
        self.period_start(t).year
    }
}

/// `[parties]`: display names of the six roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Parties {
    pub payer: String,
    pub cofunder: Option<String>,
    pub investor: String,
    pub provider: String,
    pub guarantor: Option<String>,
    pub public_other: String,
    /// The names in English (`payer_en`, …), by role id, for those given.
    pub en: Vec<(String, String)>,
}

/// `[cohort]`: who the intervention is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// Members of a stable cohort (flow outcomes).
    pub size: Option<Decimal>,
    /// New participants per period (event outcomes), length `periods`.
    pub intake: Option<Vec<Decimal>>,
    /// What one member is, for labels ("employees", "participants").
    pub unit: String,
    /// The same in English (`unit_en`).
    pub unit_en: Option<String>,
}

/// `[delivery]`: what the intervention costs.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// Cost per period, length `periods`.
    pub cost: Vec<Decimal>,
    pub description: String,
}

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Lower,
    Higher,
}

impl Better {
    /// `s` in the model: −1 if lower is better, else +1.
    pub fn sign(self) -> Decimal {
        match self {
            Better::Lower => Decimal::NEGATIVE_ONE,
            Better::Higher => Decimal::ONE,
        }
    }
}

/// Flow outcomes are rates over a stable cohort; event outcomes are
/// milestones reached by a share of an intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    Flow,
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdRule {
    None,
    Trigger,
    Deductible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counterfactual {
    ComparisonGroup,
    HistoricalBaseline,
    None,
}

/// One `[[outcomes]]` entry: an indicator and what is paid for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub name: String,
    /// English texts for a bokmål scenario: `name_en`,
    /// `indicator_unit_en`, `payable_unit_en`, `unit_plural_en`.
    pub en: OutcomeEnglish,
    /// What the effect is counted in, plural, for "≈ 2 400 færre
    /// sykedager i året" (`unit_plural`); the direction word comes from
    /// `better`.
    pub unit_plural: Option<String>,
    pub kind: OutcomeKind,
    pub better: Better,
    /// Unit of the indicator ("%", "% of intake").
    pub indicator_unit: String,
    /// What one payable unit is ("sick day", "job start").
    pub payable_unit: String,
    pub baseline: Decimal,
    pub target: Decimal,
    /// The level the room expects the intervention to reach (§8.1); the
    /// file's `target` when it does not say. The achievement α is a share
    /// of this expected improvement, so moving the target changes what is
    /// paid, never what happens.
    pub expected: Decimal,
    pub threshold: Option<Decimal>,
    pub threshold_rule: ThresholdRule,
    pub pay_beyond_target: bool,
    pub ramp_periods: u32,
    pub drift: Decimal,
    pub counterfactual: Counterfactual,
    pub units_per_point: Option<Decimal>,
    pub lag: usize,
    pub price: Decimal,
    pub value: Decimal,
    pub payer_value_share: Decimal,
    /// The share of the payer's value that is cash in its budget (§8.2);
    /// the rest is non-cash (productivity, quality). Default 1.
    pub payer_cash_share: Decimal,
    pub definition: String,
    pub data_source: String,
    pub source: String,
}

/// An outcome's texts in English, where the file gives them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutcomeEnglish {
    pub name: Option<String>,
    pub indicator_unit: Option<String>,
    pub payable_unit: Option<String>,
    pub unit_plural: Option<String>,
}

impl Outcome {
    /// Target improvement `TI = s·(target − baseline)`.
    pub fn target_improvement(&self) -> Decimal {
        self.better.sign() * (self.target - self.baseline)
    }

    /// Expected improvement `EI = s·(expected − baseline)` (§8.1).
    pub fn expected_improvement(&self) -> Decimal {
        self.better.sign() * (self.expected - self.baseline)
    }

    /// Threshold improvement `HI = s·(threshold − baseline)`, 0 without threshold.
    pub fn threshold_improvement(&self) -> Decimal {
        self.threshold
            .map(|h| self.better.sign() * (h - self.baseline))
            .unwrap_or(Decimal::ZERO)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    RateCard,
    ShareOfSavings,
}

/// Who gets cash left after the investor and the provider are paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excess {
    Payer,
    Provider,
}

/// `[payment]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub mechanism: Mechanism,
    pub savings_share: Option<Decimal>,
    pub cap: Option<Decimal>,
    pub guaranteed_share: Decimal,
    pub cofunder_share: Decimal,
    pub excess: Excess,
    /// The investor's share `k` of the surplus at the end, before `excess`
    /// takes the rest (§8.3). Default 0.
    pub excess_investor_share: Decimal,
    /// Where a trigger threshold is tested when there are sites (§9).
    pub pooling: Pooling,
}

/// Where a threshold is tested in a pilot with several sites (§9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    /// Each site's measured improvement on its own (the default).
    Site,
    /// The size- or intake-weighted mean over all sites; each site is then
    /// paid for its own improvement if the pooled test passes.
    Pooled,
}

/// `[investment]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Investment {
    pub capital: Decimal,
    pub return_cap: Decimal,
    pub first_loss: Decimal,
    pub recycle: bool,
    /// The annual rate of the investor's NPV (§8.3); `None`: the discount
    /// rate (see [`Scenario::hurdle_rate`]).
    pub hurdle_rate: Option<Decimal>,
}

/// `[provider]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderTerms {
    pub fee_at_risk: Decimal,
}

/// `[assumptions]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumptions {
    pub achievement: Decimal,
    pub discount_rate: Decimal,
    /// Statements that are assumptions, not facts, shown as such.
    pub notes: Vec<String>,
}

impl Default for Assumptions {
    /// Achievement 1, discount rate 4 % (R-109), no notes.
    fn default() -> Self {
        Assumptions {
            achievement: Decimal::ONE,
            discount_rate: Decimal::new(4, 2),
            notes: Vec::new(),
        }
    }
}

/// When a cost is paid (§8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostTiming {
    /// Once, at τ = 0 (booked to period 1).
    Start,
    /// For every period `t`, at its start τ = t − 1.
    EachPeriod,
}

/// Who pays a cost (§8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostPayer {
    Payer,
    Cofunder,
    /// Drawn like delivery and repaid through the waterfall.
    Investor,
}

/// One `[[costs]]` entry: a cost besides delivery (an intermediary's fee,
/// the evaluation, data access, legal set-up), paid to `others`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    pub id: String,
    pub name: String,
    /// The name in English (`name_en`).
    pub name_en: Option<String>,
    pub when: CostTiming,
    /// One amount for `Start`; one per period for `EachPeriod`.
    pub amount: Vec<Decimal>,
    pub paid_by: CostPayer,
}

impl Cost {
    /// The amount paid at time point τ (`0..=T`).
    pub fn at(&self, tau: usize) -> Decimal {
        match self.when {
            CostTiming::Start if tau == 0 => self.amount.first().copied().unwrap_or_default(),
            CostTiming::Start => Decimal::ZERO,
            CostTiming::EachPeriod => self.amount.get(tau).copied().unwrap_or_default(),
        }
    }
}

/// A value for one outcome, keyed by the outcome's id (`[sites.baseline]`,
/// `[sites.expected]`, `[sites.drift]`).
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeValue {
    pub outcome: String,
    pub value: Decimal,
}

/// One `[[sites]]` entry: a municipality of the pilot (§9). It pays for its
/// own outcomes under the contract's terms; one investor pool, one provider
/// and one contract carry the whole pilot.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub id: String,
    pub name: String,
    /// The municipality that pays for this site's outcomes.
    pub payer: String,
    /// Cohort size for flow outcomes (preferably full-time equivalents).
    pub size: Option<Decimal>,
    /// New participants per period for event outcomes, length `periods`.
    pub intake: Option<Vec<Decimal>>,
    /// The site's own baseline per outcome; others use the outcome's.
    pub baseline: Vec<OutcomeValue>,
    /// The site's own expected level per outcome; others expect the
    /// outcome's expected improvement `EI` on the site's baseline.
    pub expected: Vec<OutcomeValue>,
    /// The site's own drift per outcome (flow outcomes).
    pub drift: Vec<OutcomeValue>,
    /// This site's own cap on its outcome payments (payer and cofunder
    /// parts together, like the contract's cap).
    pub cap: Option<Decimal>,
    /// The lever `effect.<site>`: a factor on the achievement α for this
    /// site; 1 = the pilot's effect, 0 = none here. Default 1.
    pub effect: Decimal,
}

impl Site {
    fn override_of<'a>(values: &'a [OutcomeValue], outcome: &str) -> Option<&'a OutcomeValue> {
        values.iter().find(|v| v.outcome == outcome)
    }

    /// The site's baseline of an outcome: its own, or the outcome's.
    pub fn baseline(&self, o: &Outcome) -> Decimal {
        Self::override_of(&self.baseline, &o.id).map_or(o.baseline, |v| v.value)
    }

    /// The site's expected improvement `EI_s` of an outcome: from its own
    /// expected level and baseline when it gives one, else the outcome's
    /// `EI` (contracted and expected as improvements, §9).
    pub fn expected_improvement(&self, o: &Outcome) -> Decimal {
        match Self::override_of(&self.expected, &o.id) {
            Some(v) => o.better.sign() * (v.value - self.baseline(o)),
            None => o.expected_improvement(),
        }
    }

    /// The site's expected level of an outcome.
    pub fn expected(&self, o: &Outcome) -> Decimal {
        Self::override_of(&self.expected, &o.id).map_or_else(
            || self.baseline(o) + o.better.sign() * o.expected_improvement(),
            |v| v.value,
        )
    }

    /// The site's target level: its baseline plus the contract's target
    /// improvement `TI`.
    pub fn target(&self, o: &Outcome) -> Decimal {
        self.baseline(o) + o.better.sign() * o.target_improvement()
    }

    /// The site's threshold level, if the outcome has a threshold.
    pub fn threshold(&self, o: &Outcome) -> Option<Decimal> {
        o.threshold
            .map(|_| self.baseline(o) + o.better.sign() * o.threshold_improvement())
    }

    /// The site's drift of an outcome: its own, or the outcome's.
    pub fn drift(&self, o: &Outcome) -> Decimal {
        Self::override_of(&self.drift, &o.id).map_or(o.drift, |v| v.value)
    }
}

/// `[[sources]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    pub note: String,
}

/// `[levers]`: which levers show, in what order, with narrowed ranges.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeverSettings {
    /// Lever ids in display order; empty means all levers in the default order.
    pub show: Vec<String>,
    pub overrides: Vec<LeverOverride>,
}

/// `[levers.<id>]`.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverOverride {
    pub id: String,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub step: Option<Decimal>,
}

/// `[uncertainty]`: how uncertain the true effect is, and how noisy its
/// measurement, for the risk view (Monte Carlo, `crate::risk`).
///
/// Without the table a scenario gets [`Uncertainty::default`]: achievement
/// normal with standard deviation 0.25 around the achievement lever, no
/// measurement noise, 10 000 draws, seed [`Uncertainty::DEFAULT_SEED`].
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    /// How the true achievement α is spread.
    pub achievement: AchievementSpread,
    /// Standard deviation of each outcome's measured indicator in each
    /// period, in indicator points (outcomes not listed: no noise).
    pub noise: Vec<OutcomeNoise>,
    /// Number of Monte Carlo draws, 1 to 1 000 000.
    pub draws: u32,
    /// Seed of the random numbers: the same seed gives the same draws on
    /// every machine.
    pub seed: u64,
    /// True when the scenario has no `[uncertainty]` table, so that these
    /// are effekt's defaults (screens say so).
    pub assumed: bool,
}

impl Uncertainty {
    /// The standard deviation of the achievement without an `[uncertainty]` table.
    pub const DEFAULT_SD: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
    pub const DEFAULT_DRAWS: u32 = 10_000;
    pub const MAX_DRAWS: u32 = 1_000_000;
    pub const DEFAULT_SEED: u64 = 2026;

    /// The noise standard deviation of an outcome, 0 when not given.
    pub fn noise_sd(&self, outcome: &str) -> Decimal {
        self.noise
            .iter()
            .find(|n| n.outcome == outcome)
            .map(|n| n.sd)
            .unwrap_or(Decimal::ZERO)
    }
}

impl Default for Uncertainty {
    fn default() -> Self {
        Uncertainty {
            achievement: AchievementSpread::Normal {
                sd: Self::DEFAULT_SD,
            },
            noise: Vec::new(),
            draws: Self::DEFAULT_DRAWS,
            seed: Self::DEFAULT_SEED,
            assumed: true,
        }
    }
}

/// The distribution of the true achievement α.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AchievementSpread {
    /// Normal around the achievement lever (`assumptions.achievement`).
    Normal { sd: Decimal },
    /// Triangular from `min` to `max`, most likely at `mode`; without a
    /// mode, at the achievement lever (kept within `min..=max`).
    Triangular {
        min: Decimal,
        mode: Option<Decimal>,
        max: Decimal,
    },
}

/// `[uncertainty.noise]`: `outcome = sd`.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeNoise {
    pub outcome: String,
    /// Standard deviation in indicator points, per period.
    pub sd: Decimal,
}
