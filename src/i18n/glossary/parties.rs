//! The glossary's parties of a contract.

use super::{Term, Words, w};
use crate::i18n::{EN, NB};

/// The words of a party, bokmål then English; `None` for other terms.
pub(super) fn entry(term: Term) -> Option<[Words; 2]> {
    use Term as T;
    Some(match term {
        T::Payer => [
            w(
                NB.payer,
                NB.payer,
                "Kommunen som kjøper resultatene og betaler resultatbetalingene.",
            ),
            w(
                EN.payer,
                EN.payer,
                "The municipality that buys the results and makes the outcome payments \
                 (commissioner).",
            ),
        ],
        T::Cofunder => [
            w(
                NB.cofunder,
                NB.cofunder,
                "Betaler en fast andel av hver resultatbetaling, for eksempel staten.",
            ),
            w(
                EN.cofunder,
                EN.cofunder,
                "Pays a fixed share of every outcome payment, for example the state.",
            ),
        ],
        T::Investor => [
            w(
                NB.investor,
                NB.investor,
                "Forskutterer leveransen og får pengene tilbake, med avkastning, fra \
                 resultatbetalingene.",
            ),
            w(
                EN.investor,
                EN.investor,
                "Funds delivery up front and is repaid, with a return, from the outcome \
                 payments.",
            ),
        ],
        T::Provider => [
            w(
                NB.provider,
                NB.provider,
                "Leverer tiltaket; får fast grunnbetaling og bærer sitt resultatavhengige \
                 honorar.",
            ),
            w(
                EN.provider,
                EN.provider,
                "Delivers the service; gets the service fee and carries its fee at risk.",
            ),
        ],
        T::Guarantor => [
            w(
                NB.guarantor,
                NB.guarantor,
                "Dekker investorens første tap (førstetapsgaranti), for eksempel en \
                 stiftelse.",
            ),
            w(
                EN.guarantor,
                EN.guarantor,
                "Covers the investor's first losses (first-loss guarantee), for example a \
                 foundation.",
            ),
        ],
        T::PublicOther => [
            w(
                NB.public_other,
                NB.public_other,
                "Resten av det offentlige (NAV, staten): får sin del av gevinsten, betaler \
                 ingenting.",
            ),
            w(
                EN.public_other,
                EN.public_other,
                "The rest of the public sector (NAV, the state): gets its part of the value, \
                 pays nothing.",
            ),
        ],
        T::Others => [
            w(
                NB.others,
                "Andre",
                "Får kostnadene ut over leveransen: tilrettelegger, uavhengig evaluator, \
                 dataeiere, jurister.",
            ),
            w(
                EN.others,
                "Others",
                "Receive the costs besides delivery: intermediary, independent evaluator, \
                 data owners, lawyers.",
            ),
        ],
        T::Intermediary => [
            w(
                "Tilrettelegger",
                "Tilrettelegger",
                "Tilretteleggende part som setter opp kontrakten og følger den opp mellom \
                 partene.",
            ),
            w(
                "Intermediary",
                "Intermediary",
                "The party that sets up the contract and manages it between the parties.",
            ),
        ],
        T::Evaluator => [
            w(
                "Uavhengig evaluator",
                "Evaluator",
                "Måler effekten uavhengig av partene og fastslår hva som er oppnådd.",
            ),
            w(
                "Independent evaluator",
                "Evaluator",
                "Measures the effect independently of the parties and establishes what was \
                 achieved.",
            ),
        ],
        _ => return None,
    })
}
