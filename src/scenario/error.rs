//! What can be wrong with a scenario, as typed values.
//!
//! The loader and the rules say *what* is wrong ([`Problem`], [`Rule`]);
//! the sentences, in English and bokmål, live in `crate::i18n::errors`,
//! which also implements `Display` (English) for [`LoadError`].

use rust_decimal::Decimal;

use super::Better;

/// Why a scenario file could not be loaded: every problem found, in the
/// order of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl std::error::Error for LoadError {}

/// One problem in a scenario file, located by line and column (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub line: usize,
    pub col: usize,
    /// The key path the problem is about (`payment.cap`), empty for syntax.
    pub key: String,
    pub problem: Problem,
}

/// What is wrong at one place of a scenario file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file could not be read: the operating system's kind of error
    /// and its own words.
    CannotRead {
        kind: std::io::ErrorKind,
        reason: String,
    },
    /// A folder, a FIFO, a device or a socket where a file was expected.
    NotAFile {
        kind: crate::files::Kind,
    },
    /// Larger than `max` bytes.
    TooLarge {
        max: u64,
    },
    NotUtf8,
    NulBytes,
    /// The TOML parser's own message (in English).
    Syntax {
        message: String,
    },
    /// Nothing could be read, and no other error says why.
    Incomplete,
    /// More errors than are listed.
    TooMany {
        more: usize,
    },
    /// `format` is not `1`.
    UnsupportedFormat,
    /// A required key is missing in `table` (a key path; empty: the top level).
    MissingKey {
        key: String,
        table: String,
        hint: Hint,
    },
    MissingTable {
        table: String,
    },
    WrongType {
        expected: Expected,
        /// The TOML type found (`string`, `integer`, `table`, …).
        found: &'static str,
    },
    /// A string that is not one of the allowed names.
    NotAllowed {
        value: String,
        allowed: Vec<&'static str>,
        suggestion: Option<&'static str>,
    },
    /// A key (or, with `is_table`, a table) the format does not have.
    UnknownKey {
        key: String,
        /// The key path of the table it is in (empty: the top level).
        table: String,
        is_table: bool,
        suggestion: Option<&'static str>,
        /// The keys this table has, sorted.
        known: Vec<&'static str>,
    },
    NotFinite {
        text: String,
    },
    /// A number beyond `max` in size or with more than 28 digits.
    NumberOutOfRange {
        max: i64,
    },
    /// A number written in quotes.
    QuotedNumber {
        text: String,
    },
    WholeNumberOutOfRange {
        value: String,
        min: i64,
        max: i64,
    },
    NotWhole,
    /// An `[uncertainty]` key that belongs to the other distribution.
    OtherDistribution {
        key: &'static str,
        distribution: &'static str,
    },
    /// `achievement = "triangular"` without one of its limits.
    TriangularNeeds {
        key: &'static str,
    },
    /// A list of amounts for a cost paid once (`when = "start"`).
    ListForStart,
    /// A rule of the format is broken.
    Rule(Rule),
}

/// What to write for a missing key (the help line).
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    /// Exactly this (`format = 1`).
    Literal(&'static str),
    Text,
    Number,
    WholeNumber {
        min: i64,
        max: i64,
    },
    OneOf(Vec<&'static str>),
    NumberOrList,
    /// `return_cap`, with why it is required.
    ReturnCap,
}

/// The type a key should have.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Text,
    Bool,
    Number,
    OneOf(Vec<&'static str>),
    Table,
    TextList,
    /// `[[key]]`.
    TableList {
        key: String,
    },
    /// `[levers."<id>"]`.
    LeverSettings {
        id: String,
    },
}

/// A list with one number per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerPeriod {
    Costs,
    Intakes,
    Amounts,
}

/// A broken rule, located by key path (`outcomes[0].threshold`).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub path: String,
    pub rule: Rule,
}

/// A rule of `docs/model.md` §7 and §8 that a scenario breaks.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Periods {
        periods: usize,
        max: usize,
    },
    ListLength {
        list: PerPeriod,
        len: usize,
        periods: usize,
    },
    Negative {
        value: Decimal,
    },
    NotAShare {
        value: Decimal,
    },
    /// An event rate outside 0 to 100 per cent.
    NotARate {
        value: Decimal,
    },
    NoOutcomes,
    SavingsShareNeeded,
    CofunderNeeded,
    FeesAboveCost {
        guaranteed: Decimal,
        at_risk: Decimal,
    },
    ReturnCapRange {
        value: Decimal,
    },
    AchievementRange {
        value: Decimal,
    },
    /// A discount rate (or the hurdle rate) not in (−1, 1].
    RateRange {
        value: Decimal,
    },
    /// A rate so near −1 that discount factors grow too large.
    RateTooSteep {
        value: Decimal,
        years: f64,
    },
    SpreadRange {
        value: Decimal,
    },
    TriangularOrder {
        min: Decimal,
        max: Decimal,
    },
    ModeOutside {
        mode: Decimal,
        min: Decimal,
        max: Decimal,
    },
    Draws {
        draws: u32,
        max: u32,
    },
    UnknownOutcome {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// An outcome named twice under `[uncertainty.noise]`.
    OutcomeListedTwice {
        id: String,
    },
    InvalidId {
        id: String,
    },
    /// An id used by an earlier entry (`what`: outcome or cost).
    DuplicateId {
        id: String,
        what: Entry,
    },
    NotAnImprovement {
        target: Decimal,
        baseline: Decimal,
        better: Better,
    },
    /// The expected level is no improvement on the baseline (§8.1).
    ExpectedNotAnImprovement {
        expected: Decimal,
        baseline: Decimal,
        better: Better,
    },
    ThresholdOutside {
        threshold: Decimal,
        baseline: Decimal,
        target: Decimal,
    },
    ThresholdNotBeforeTarget {
        threshold: Decimal,
        target: Decimal,
    },
    CohortSizeNeeded {
        outcome: String,
    },
    UnitsPerPointNeeded {
        outcome: String,
    },
    UnitsPerPointNotPositive {
        value: Decimal,
    },
    NoneOnlyForEvents,
    HistoricalOnlyForFlows,
    DriftOnlyForFlows,
    NoneNeedsHigherWithoutThreshold,
    IntakeNeeded {
        outcome: String,
    },
    RampAtLeastOne,
    OutcomeTooLarge {
        amount: f64,
    },
    ContractTooLarge {
        total: f64,
    },
    DiscountedTooLarge {
        rate: Decimal,
        years: f64,
        discounted: f64,
    },
    StartMonth {
        month: u32,
    },
    UnknownLever {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    LeverListedTwice {
        id: String,
    },
    LeverMinAboveMax {
        min: Decimal,
        max: Decimal,
    },
    LeverValueOutside {
        value: Decimal,
        min: Decimal,
        max: Decimal,
    },
    LeverStepNotPositive {
        step: Decimal,
    },
    /// `cohort.size` or `cohort.intake` in a scenario with `[[sites]]`:
    /// each site has its own.
    CohortWithSites {
        key: &'static str,
    },
    /// A flow outcome needs every site's `size`.
    SiteSizeNeeded {
        site: String,
        outcome: String,
    },
    /// An event outcome needs every site's `intake`.
    SiteIntakeNeeded {
        site: String,
        outcome: String,
    },
    /// A site's `size` without flow outcomes, or `intake` without event
    /// outcomes: it would be ignored.
    SiteKeyUnused {
        key: &'static str,
    },
    /// A site's `effect` outside 0 to 10.
    SiteEffectRange {
        value: Decimal,
    },
    /// An event outcome's level at a site (its baseline plus the contract's
    /// improvement, or its expected level) outside 0 to 100 per cent.
    SiteLevelNotARate {
        outcome: String,
        level: SiteLevel,
        value: Decimal,
    },
}

/// The kind of entry an id belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Outcome,
    Cost,
    Site,
}

/// A level of an outcome at one site (§9): the contract's improvements on
/// the site's baseline, or the site's expected level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteLevel {
    Target,
    Threshold,
    Expected,
}
