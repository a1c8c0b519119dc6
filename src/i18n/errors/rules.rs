//! The texts of the scenario's rules (`crate::scenario::Rule`), in English
//! and bokmål: the message, and what to do where effekt can say.

use super::{num, tr};
use crate::format::Lang;
use crate::scenario::{Better, Entry, PerPeriod, Rule, SiteLevel};

/// The message of a broken rule.
pub fn rule(lang: Lang, r: &Rule) -> String {
    let n = |d: &rust_decimal::Decimal| num(lang, *d);
    match r {
        Rule::Periods { periods, max } => {
            tr!(
                lang,
                "{periods} periods; allowed: 1 to {max}",
                "{periods} perioder; tillatt: 1 til {max}"
            )
        }
        Rule::ListLength { list, len, periods } => {
            let what = match (lang, list) {
                (Lang::En, PerPeriod::Costs) => "costs",
                (Lang::En, PerPeriod::Intakes) => "intakes",
                (Lang::En, PerPeriod::Amounts) => "amounts",
                (Lang::Nb, PerPeriod::Costs) => "kostnader",
                (Lang::Nb, PerPeriod::Intakes) => "inntak",
                (Lang::Nb, PerPeriod::Amounts) => "beløp",
            };
            tr!(
                lang,
                "{len} {what} for {periods} periods; give one number for every period, or a single number",
                "{len} {what} for {periods} perioder; oppgi ett tall for hver periode, eller ett enkelt tall"
            )
        }
        Rule::Negative { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is negative; allowed: 0 or more",
                "{v} er negativt; tillatt: 0 eller mer"
            )
        }
        Rule::NotAShare { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is not a share; allowed: 0 to 1 (0.25 = 25 %)",
                "{v} er ikke en andel; tillatt: 0 til 1 (0,25 = 25 %)"
            )
        }
        Rule::NotARate { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is not a rate; allowed: 0 to 100 (per cent)",
                "{v} er ikke en rate; tillatt: 0 til 100 (prosent)"
            )
        }
        Rule::NoOutcomes => tr!(
            lang,
            "no outcomes; a scenario needs at least one [[outcomes]] table",
            "ingen resultatmål; et scenario trenger minst én [[outcomes]]-tabell"
        ),
        Rule::SavingsShareNeeded => tr!(
            lang,
            "mechanism \"share_of_savings\" needs `savings_share`",
            "mechanism \"share_of_savings\" krever `savings_share`"
        ),
        Rule::CofunderNeeded => tr!(
            lang,
            "a cofunder share above 0 needs a cofunder; name it in [parties]",
            "en medfinansieringsandel over 0 krever en medfinansiør; oppgi den i [parties]"
        ),
        Rule::FeesAboveCost {
            guaranteed,
            at_risk,
        } => {
            let (g, a) = (n(guaranteed), n(at_risk));
            tr!(
                lang,
                "guaranteed_share {g} plus fee_at_risk {a} is more than 1; together they may be at most the whole cost",
                "fast grunnbetaling {g} pluss resultatavhengig honorar {a} er mer enn 1; til sammen kan de høyst være hele kostnaden"
            )
        }
        Rule::ReturnCapRange { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is outside 0 to 1 (0 % to 100 % a year); 1 means practically uncapped",
                "{v} er utenfor 0 til 1 (0 % til 100 % i året); 1 betyr i praksis uten tak"
            )
        }
        Rule::AchievementRange { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is outside 0 to 10 (1 = exactly the expected effect)",
                "{v} er utenfor 0 til 10 (1 = akkurat forventet effekt)"
            )
        }
        Rule::RateRange { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is outside the allowed range: above −1 and at most 1 (100 % a year)",
                "{v} er utenfor det tillatte området: over −1 og høyst 1 (100 % i året)"
            )
        }
        Rule::RateTooSteep { value, years } => {
            let v = n(value);
            tr!(
                lang,
                "{v} over {years} years gives discount factors too large to compute exactly",
                "{v} over {years} år gir diskonteringsfaktorer som er for store til å regne eksakt"
            )
        }
        Rule::SpreadRange { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is outside 0 to 10 (0.25 = a quarter of the expected effect)",
                "{v} er utenfor 0 til 10 (0,25 = en firedel av forventet effekt)"
            )
        }
        Rule::TriangularOrder { min, max } => {
            let (min, max) = (n(min), n(max));
            tr!(
                lang,
                "achievement_min {min} is above achievement_max {max}",
                "achievement_min {min} er over achievement_max {max}"
            )
        }
        Rule::ModeOutside { mode, min, max } => {
            let (mode, min, max) = (n(mode), n(min), n(max));
            tr!(
                lang,
                "achievement_mode {mode} must lie between achievement_min {min} and achievement_max {max}",
                "achievement_mode {mode} må ligge mellom achievement_min {min} og achievement_max {max}"
            )
        }
        Rule::Draws { draws, max } => {
            tr!(
                lang,
                "{draws} draws; allowed: 1 to {max}",
                "{draws} trekninger; tillatt: 1 til {max}"
            )
        }
        Rule::UnknownOutcome { id, .. } => {
            tr!(lang, "unknown outcome `{id}`", "ukjent resultatmål `{id}`")
        }
        Rule::OutcomeListedTwice { id } => tr!(
            lang,
            "outcome `{id}` is listed twice",
            "resultatmålet `{id}` står to ganger"
        ),
        Rule::InvalidId { id } => tr!(
            lang,
            "\"{id}\" is not a valid id; use a-z, 0-9 and _ only",
            "\"{id}\" er ingen gyldig id; bruk bare a-z, 0-9 og _"
        ),
        Rule::DuplicateId { id, what } => match what {
            Entry::Outcome => tr!(
                lang,
                "the id \"{id}\" is used by an earlier outcome",
                "id-en \"{id}\" er brukt av et tidligere resultatmål"
            ),
            Entry::Cost => tr!(
                lang,
                "the id \"{id}\" is used by an earlier cost",
                "id-en \"{id}\" er brukt av en tidligere kostnad"
            ),
            Entry::Site => tr!(
                lang,
                "the id \"{id}\" is used by an earlier site",
                "id-en \"{id}\" er brukt av en tidligere kommune"
            ),
        },
        Rule::NotAnImprovement {
            target,
            baseline,
            better,
        } => {
            let (t, b) = (n(target), n(baseline));
            match better {
                Better::Lower => tr!(
                    lang,
                    "target {t} is not an improvement on baseline {b}; with better = \"lower\" it must be below the baseline",
                    "målet {t} er ingen forbedring fra utgangsnivået {b}; det må ligge under utgangsnivået"
                ),
                Better::Higher => tr!(
                    lang,
                    "target {t} is not an improvement on baseline {b}; with better = \"higher\" it must be above the baseline",
                    "målet {t} er ingen forbedring fra utgangsnivået {b}; det må ligge over utgangsnivået"
                ),
            }
        }
        Rule::ExpectedNotAnImprovement {
            expected,
            baseline,
            better,
        } => {
            let (e, b) = (n(expected), n(baseline));
            match better {
                Better::Lower => tr!(
                    lang,
                    "expected {e} is not an improvement on baseline {b}; with better = \"lower\" it must be below the baseline",
                    "forventet nivå {e} er ingen forbedring fra utgangsnivået {b}; det må ligge under utgangsnivået"
                ),
                Better::Higher => tr!(
                    lang,
                    "expected {e} is not an improvement on baseline {b}; with better = \"higher\" it must be above the baseline",
                    "forventet nivå {e} er ingen forbedring fra utgangsnivået {b}; det må ligge over utgangsnivået"
                ),
            }
        }
        Rule::ThresholdOutside {
            threshold,
            baseline,
            target,
        } => {
            let (h, b, t) = (n(threshold), n(baseline), n(target));
            tr!(
                lang,
                "threshold {h} must lie between the baseline {b} and the target {t}",
                "terskelen {h} må ligge mellom utgangsnivået {b} og målet {t}"
            )
        }
        Rule::ThresholdNotBeforeTarget { threshold, target } => {
            let (h, t) = (n(threshold), n(target));
            tr!(
                lang,
                "with threshold_rule = \"deductible\" the threshold {h} must lie strictly before the target {t}",
                "med threshold_rule = \"deductible\" må terskelen {h} ligge før målet {t}"
            )
        }
        Rule::CohortSizeNeeded { outcome } => tr!(
            lang,
            "flow outcome \"{outcome}\" needs `cohort.size`",
            "resultatmålet \"{outcome}\" (flow) krever `cohort.size`"
        ),
        Rule::UnitsPerPointNeeded { outcome } => tr!(
            lang,
            "flow outcome \"{outcome}\" needs `units_per_point` above 0",
            "resultatmålet \"{outcome}\" (flow) krever `units_per_point` over 0"
        ),
        Rule::UnitsPerPointNotPositive { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} must be above 0 (payable units per point per member per year)",
                "{v} må være over 0 (betalbare enheter per poeng per person per år)"
            )
        }
        Rule::NoneOnlyForEvents => tr!(
            lang,
            "counterfactual = \"none\" is only for event outcomes",
            "counterfactual = \"none\" gjelder bare resultatmål av typen event"
        ),
        Rule::HistoricalOnlyForFlows => tr!(
            lang,
            "counterfactual = \"historical_baseline\" is only for flow outcomes",
            "counterfactual = \"historical_baseline\" gjelder bare resultatmål av typen flow"
        ),
        Rule::DriftOnlyForFlows => tr!(
            lang,
            "drift is only for flow outcomes",
            "drift gjelder bare resultatmål av typen flow"
        ),
        Rule::NoneNeedsHigherWithoutThreshold => tr!(
            lang,
            "counterfactual = \"none\" needs better = \"higher\" and no threshold",
            "counterfactual = \"none\" krever better = \"higher\" og ingen terskel"
        ),
        Rule::IntakeNeeded { outcome } => tr!(
            lang,
            "event outcome \"{outcome}\" needs `cohort.intake`",
            "resultatmålet \"{outcome}\" (event) krever `cohort.intake`"
        ),
        Rule::RampAtLeastOne => tr!(
            lang,
            "ramp_periods must be at least 1",
            "ramp_periods må være minst 1"
        ),
        Rule::OutcomeTooLarge { amount } => tr!(
            lang,
            "this outcome could reach about {amount:.0e} over the contract, beyond what effekt computes exactly",
            "dette resultatmålet kan nå omtrent {amount:.0e} over kontrakten, mer enn effekt kan regne eksakt med"
        ),
        Rule::ContractTooLarge { total } => tr!(
            lang,
            "the outcomes together could reach about {total:.0e}, beyond what effekt computes exactly",
            "resultatmålene kan til sammen nå omtrent {total:.0e}, mer enn effekt kan regne eksakt med"
        ),
        Rule::DiscountedTooLarge {
            rate,
            years,
            discounted,
        } => {
            let rate = n(rate);
            tr!(
                lang,
                "a discount rate of {rate} over {years} years makes the contract's amounts worth about {discounted:.0e} today, beyond what effekt computes exactly",
                "en diskonteringsrente på {rate} over {years} år gjør kontraktens beløp verdt omtrent {discounted:.0e} i dag, mer enn effekt kan regne eksakt med"
            )
        }
        Rule::StartMonth { month } => tr!(
            lang,
            "start_month {month} is not a month; allowed: 1 to 12",
            "start_month {month} er ingen måned; tillatt: 1 til 12"
        ),
        Rule::UnknownLever { id, .. } => tr!(lang, "unknown lever `{id}`", "ukjent spak `{id}`"),
        Rule::LeverListedTwice { id } => tr!(
            lang,
            "lever `{id}` is listed twice",
            "spaken `{id}` står to ganger"
        ),
        Rule::LeverMinAboveMax { min, max } => {
            let (min, max) = (n(min), n(max));
            tr!(
                lang,
                "min {min} is above max {max}",
                "min {min} er over max {max}"
            )
        }
        Rule::LeverValueOutside { value, min, max } => {
            let (v, min, max) = (n(value), n(min), n(max));
            tr!(
                lang,
                "the scenario's value {v} lies outside min {min} to max {max}",
                "scenarioets verdi {v} ligger utenfor min {min} til max {max}"
            )
        }
        Rule::LeverStepNotPositive { step } => {
            let step = n(step);
            tr!(
                lang,
                "step {step} must be above 0",
                "step {step} må være over 0"
            )
        }
        Rule::CohortWithSites { key } => tr!(
            lang,
            "`cohort.{key}` is not used in a scenario with [[sites]]: each site has its own `{key}`",
            "`cohort.{key}` brukes ikke i et scenario med [[sites]]: hver kommune har sin egen `{key}`"
        ),
        Rule::SiteSizeNeeded { site, outcome } => tr!(
            lang,
            "site \"{site}\" needs `size`: flow outcome \"{outcome}\" is paid per member of its cohort",
            "kommunen \"{site}\" krever `size`: resultatmålet \"{outcome}\" (flow) betales per person i målgruppen"
        ),
        Rule::SiteIntakeNeeded { site, outcome } => tr!(
            lang,
            "site \"{site}\" needs `intake`: event outcome \"{outcome}\" is paid per participant",
            "kommunen \"{site}\" krever `intake`: resultatmålet \"{outcome}\" (event) betales per deltaker"
        ),
        Rule::SiteKeyUnused { key } => match *key {
            "size" => tr!(
                lang,
                "`size` is only for flow outcomes, and this scenario has none",
                "`size` gjelder bare resultatmål av typen flow, og dette scenarioet har ingen"
            ),
            _ => tr!(
                lang,
                "`intake` is only for event outcomes, and this scenario has none",
                "`intake` gjelder bare resultatmål av typen event, og dette scenarioet har ingen"
            ),
        },
        Rule::SiteEffectRange { value } => {
            let v = n(value);
            tr!(
                lang,
                "{v} is outside 0 to 10 (1 = the pilot's effect, 0 = no effect at this site)",
                "{v} er utenfor 0 til 10 (1 = pilotens effekt, 0 = ingen effekt i denne kommunen)"
            )
        }
        Rule::SiteLevelNotARate {
            outcome,
            level,
            value,
        } => {
            let v = n(value);
            match level {
                SiteLevel::Target => tr!(
                    lang,
                    "the site's target for \"{outcome}\" would be {v} (its baseline plus the contract's target improvement), outside 0 to 100 per cent",
                    "kommunens mål for \"{outcome}\" blir {v} (utgangsnivået pluss kontraktens forbedring), utenfor 0 til 100 prosent"
                ),
                SiteLevel::Threshold => tr!(
                    lang,
                    "the site's threshold for \"{outcome}\" would be {v} (its baseline plus the contract's threshold improvement), outside 0 to 100 per cent",
                    "kommunens terskel for \"{outcome}\" blir {v} (utgangsnivået pluss kontraktens terskel), utenfor 0 til 100 prosent"
                ),
                SiteLevel::Expected => tr!(
                    lang,
                    "the site's expected level for \"{outcome}\" would be {v}, outside 0 to 100 per cent",
                    "kommunens forventede nivå for \"{outcome}\" blir {v}, utenfor 0 til 100 prosent"
                ),
            }
        }
    }
}

/// What to do about a broken rule, where effekt can say.
pub fn rule_help(lang: Lang, r: &Rule) -> Option<String> {
    let did_you_mean = |m: &str| tr!(lang, "did you mean `{m}`?", "mente du `{m}`?");
    Some(match r {
        Rule::Periods { .. } => tr!(
            lang,
            "use a longer period (e.g. \"year\") for long contracts",
            "bruk en lengre periode (f.eks. \"year\") for lange kontrakter"
        ),
        Rule::NoOutcomes => tr!(
            lang,
            "add an [[outcomes]] table; see docs/scenario-format.md",
            "legg til en [[outcomes]]-tabell; se docs/scenario-format.md"
        ),
        Rule::SavingsShareNeeded => tr!(
            lang,
            "add `savings_share = 0.5` to [payment] (the share of the value paid out)",
            "legg til `savings_share = 0.5` i [payment] (andelen av gevinsten som betales ut)"
        ),
        Rule::CofunderNeeded => tr!(
            lang,
            "add `cofunder = \"…\"` to [parties]",
            "legg til `cofunder = \"…\"` i [parties]"
        ),
        Rule::UnknownOutcome {
            suggestion: Some(m),
            ..
        }
        | Rule::UnknownLever {
            suggestion: Some(m),
            ..
        } => did_you_mean(m),
        Rule::UnknownOutcome { known, .. } => {
            let ids = known.join(", ");
            tr!(
                lang,
                "outcomes of this scenario: {ids}",
                "resultatmålene i dette scenarioet: {ids}"
            )
        }
        Rule::UnknownLever { known, .. } => {
            let ids = known.join(", ");
            tr!(
                lang,
                "levers of this scenario: {ids}",
                "spakene i dette scenarioet: {ids}"
            )
        }
        Rule::CohortSizeNeeded { .. } => tr!(
            lang,
            "add `size = …` (members of the cohort) to [cohort]",
            "legg til `size = …` (antall i målgruppen) i [cohort]"
        ),
        Rule::UnitsPerPointNeeded { .. } => tr!(
            lang,
            "e.g. `units_per_point = 2.25` (1 point of absence = 2.25 days a year)",
            "f.eks. `units_per_point = 2.25` (1 prosentpoeng fravær = 2,25 dager i året)"
        ),
        Rule::IntakeNeeded { .. } => tr!(
            lang,
            "add `intake = [...]` (participants per period) to [cohort]",
            "legg til `intake = [...]` (deltakere per periode) i [cohort]"
        ),
        Rule::CohortWithSites { key } => tr!(
            lang,
            "move it to each [[sites]] entry as `{key} = …`",
            "flytt det til hver [[sites]]-oppføring som `{key} = …`"
        ),
        Rule::SiteSizeNeeded { .. } => tr!(
            lang,
            "add `size = …` (full-time equivalents, or members of the cohort) to this [[sites]] entry",
            "legg til `size = …` (årsverk, eller antall i målgruppen) i denne [[sites]]-oppføringen"
        ),
        Rule::SiteIntakeNeeded { .. } => tr!(
            lang,
            "add `intake = [...]` (participants per period) to this [[sites]] entry",
            "legg til `intake = [...]` (deltakere per periode) i denne [[sites]]-oppføringen"
        ),
        Rule::SiteKeyUnused { .. } => tr!(
            lang,
            "remove it, or add an outcome of that kind",
            "fjern den, eller legg til et resultatmål av den typen"
        ),
        Rule::SiteLevelNotARate { outcome, .. } => tr!(
            lang,
            "check the site's `baseline.{outcome}`, or give it its own `expected.{outcome}`",
            "sjekk kommunens `baseline.{outcome}`, eller gi den sin egen `expected.{outcome}`"
        ),
        Rule::OutcomeTooLarge { .. } | Rule::ContractTooLarge { .. } => tr!(
            lang,
            "count money in thousands, or use smaller units",
            "regn i tusen kroner, eller bruk mindre enheter"
        ),
        Rule::DiscountedTooLarge { .. } => tr!(
            lang,
            "use a discount rate nearer 0, or count money in thousands",
            "bruk en diskonteringsrente nærmere 0, eller regn i tusen kroner"
        ),
        _ => return None,
    })
}
