//! The glossary: every lever, key figure, budget row, flag and party the
//! workshop shows, with its name, a short name for narrow panels and a
//! one- or two-line definition in plain words, in bokmål and English.
//!
//! In KS's own words (`docs/tui.md`, *Explain in place*): the
//! lever list, the key figures, the budget screen, the risk table's flags
//! and the `?` overlay all take their names from here, so a label and its
//! explanation never drift apart. Every [`Term`] has an entry in both
//! languages (the `match` in [`entry`] sends every term to the file of
//! its topic — `levers.rs`, `figures.rs`, `budget.rs`, `parties.rs` — and
//! a test checks that each has it; another that every lever of every
//! scenario and every key figure has a term).

mod budget;
mod figures;
mod levers;
mod parties;

use crate::format::Lang;
use crate::levers::Target;

/// Something the workshop can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    // Levers, by the first part of their id.
    Achievement,
    Target,
    Expected,
    Threshold,
    Drift,
    Price,
    SavingsShare,
    Cap,
    GuaranteedShare,
    CofunderShare,
    FeeAtRisk,
    FirstLoss,
    ReturnCap,
    DiscountRate,
    Capital,
    ExcessInvestorShare,
    HurdleRate,
    SiteEffect,
    // Key figures.
    OutcomePayments,
    PayerPart,
    CofunderPart,
    BudgetNet,
    ProviderResult,
    PayerNpv,
    PublicNpv,
    InvestorIrr,
    InvestorMoic,
    InvestorNpv,
    BreakEvenPrincipal,
    BreakEvenReturnCap,
    BreakEvenPayer,
    // The payer's budget.
    Fees,
    BudgetOutcomePayments,
    Refunds,
    CashSavings,
    NonCashValue,
    Costs,
    BudgetYearNet,
    BudgetNpv,
    MaxCommitment,
    // Flags of the risk table.
    CapReached,
    GuaranteeTriggered,
    InvestorLoses,
    // Parties.
    Payer,
    Cofunder,
    Investor,
    Provider,
    Guarantor,
    PublicOther,
    Others,
    Intermediary,
    Evaluator,
}

impl Term {
    /// Every term, in the glossary's order.
    pub const ALL: [Term; 52] = [
        Term::Achievement,
        Term::Target,
        Term::Expected,
        Term::Threshold,
        Term::Drift,
        Term::Price,
        Term::SavingsShare,
        Term::Cap,
        Term::GuaranteedShare,
        Term::CofunderShare,
        Term::FeeAtRisk,
        Term::FirstLoss,
        Term::ReturnCap,
        Term::DiscountRate,
        Term::Capital,
        Term::ExcessInvestorShare,
        Term::HurdleRate,
        Term::SiteEffect,
        Term::OutcomePayments,
        Term::PayerPart,
        Term::CofunderPart,
        Term::BudgetNet,
        Term::ProviderResult,
        Term::PayerNpv,
        Term::PublicNpv,
        Term::InvestorIrr,
        Term::InvestorMoic,
        Term::InvestorNpv,
        Term::BreakEvenPrincipal,
        Term::BreakEvenReturnCap,
        Term::BreakEvenPayer,
        Term::Fees,
        Term::BudgetOutcomePayments,
        Term::Refunds,
        Term::CashSavings,
        Term::NonCashValue,
        Term::Costs,
        Term::BudgetYearNet,
        Term::BudgetNpv,
        Term::MaxCommitment,
        Term::CapReached,
        Term::GuaranteeTriggered,
        Term::InvestorLoses,
        Term::Payer,
        Term::Cofunder,
        Term::Investor,
        Term::Provider,
        Term::Guarantor,
        Term::PublicOther,
        Term::Others,
        Term::Intermediary,
        Term::Evaluator,
    ];

    /// The term of a lever.
    pub fn lever(target: Target) -> Term {
        match target {
            Target::Achievement => Term::Achievement,
            Target::Target(_) => Term::Target,
            Target::Expected(_) => Term::Expected,
            Target::Threshold(_) => Term::Threshold,
            Target::Price(_) => Term::Price,
            Target::Drift(_) => Term::Drift,
            Target::SavingsShare => Term::SavingsShare,
            Target::Cap => Term::Cap,
            Target::GuaranteedShare => Term::GuaranteedShare,
            Target::CofunderShare => Term::CofunderShare,
            Target::FeeAtRisk => Term::FeeAtRisk,
            Target::FirstLoss => Term::FirstLoss,
            Target::ReturnCap => Term::ReturnCap,
            Target::DiscountRate => Term::DiscountRate,
            Target::Capital => Term::Capital,
            Target::ExcessInvestorShare => Term::ExcessInvestorShare,
            Target::HurdleRate => Term::HurdleRate,
            Target::Effect(_) => Term::SiteEffect,
        }
    }
}

/// A term's words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The name as a label (`Fast grunnbetaling`).
    pub name: &'static str,
    /// The name for narrow panels (at most 16 characters).
    pub short: &'static str,
    /// One or two lines in plain words: what it is and who pays or gets it.
    pub definition: &'static str,
}

const fn w(name: &'static str, short: &'static str, definition: &'static str) -> Words {
    Words {
        name,
        short,
        definition,
    }
}

/// A term's words in a language.
pub fn words(lang: Lang, term: Term) -> Words {
    let [nb, en] = entry(term).unwrap_or([MISSING; 2]);
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// A term's name.
pub fn name(lang: Lang, term: Term) -> &'static str {
    words(lang, term).name
}

/// A term's short name.
pub fn short(lang: Lang, term: Term) -> &'static str {
    words(lang, term).short
}

/// A term's definition.
pub fn definition(lang: Lang, term: Term) -> &'static str {
    words(lang, term).definition
}

/// `Name: definition`, for the status line.
pub fn explained(lang: Lang, term: Term) -> String {
    format!("{}: {}", explained_name(lang, term), definition(lang, term))
}

/// The name as a heading, its first letter upper case (`Herav
/// oppdragsgiver`).
pub fn explained_name(lang: Lang, term: Term) -> String {
    let mut name = name(lang, term).chars();
    let first: String = name
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}", name.as_str())
}

/// Words for a term the glossary lacks (a test sees that none does).
const MISSING: Words = w("?", "?", "");

/// The glossary: bokmål, then English, from the file of the term's topic.
fn entry(term: Term) -> Option<[Words; 2]> {
    use Term as T;
    match term {
        T::Achievement
        | T::Target
        | T::Expected
        | T::Threshold
        | T::Drift
        | T::Price
        | T::SavingsShare
        | T::Cap
        | T::GuaranteedShare
        | T::CofunderShare
        | T::FeeAtRisk
        | T::FirstLoss
        | T::ReturnCap
        | T::DiscountRate
        | T::Capital
        | T::ExcessInvestorShare
        | T::HurdleRate
        | T::SiteEffect => levers::entry(term),
        T::OutcomePayments
        | T::PayerPart
        | T::CofunderPart
        | T::BudgetNet
        | T::ProviderResult
        | T::PayerNpv
        | T::PublicNpv
        | T::InvestorIrr
        | T::InvestorMoic
        | T::InvestorNpv
        | T::BreakEvenPrincipal
        | T::BreakEvenReturnCap
        | T::BreakEvenPayer => figures::entry(term),
        T::Fees
        | T::BudgetOutcomePayments
        | T::Refunds
        | T::CashSavings
        | T::NonCashValue
        | T::Costs
        | T::BudgetYearNet
        | T::BudgetNpv
        | T::MaxCommitment
        | T::CapReached
        | T::GuaranteeTriggered
        | T::InvestorLoses => budget::entry(term),
        T::Payer
        | T::Cofunder
        | T::Investor
        | T::Provider
        | T::Guarantor
        | T::PublicOther
        | T::Others
        | T::Intermediary
        | T::Evaluator => parties::entry(term),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_words_in_its_topics_file() {
        for term in Term::ALL {
            let words = entry(term).unwrap_or_else(|| panic!("{term:?} has no entry"));
            for w in words {
                assert!(!w.name.is_empty() && !w.short.is_empty(), "{term:?}");
                assert!(!w.definition.is_empty(), "{term:?}");
            }
        }
    }
}
