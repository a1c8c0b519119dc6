//! A generated pilot with every Norwegian municipality (357) as a site,
//! monthly over ten years: the scale of `docs/model.md` §9 ("Speed"). Not a
//! bundled scenario and not real figures: sizes, baselines and intakes are
//! spread deterministically over plausible ranges. Shared by the benches
//! and the model's tests (`#[path]`), so both measure and check the same
//! scenario; it gives the scenario's text, which each parses.
// Each user takes what it needs of this file.
#![allow(dead_code)]

/// Norway's municipalities (2024).
pub const MUNICIPALITIES: usize = 357;

/// A deterministic sequence of numbers in [0, 1).
struct Spread(u64);

impl Spread {
    fn next(&mut self) -> f64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `sites` municipalities over `periods` months: sickness absence among
/// health and care staff (a flow outcome with a threshold and a ramp) and
/// job starts among residents (an event outcome with a lag). About one
/// site in seven expects its own effect, one in five has its own cap, and
/// the contract has a cap that binds above the expected effect.
pub fn municipalities(sites: usize, periods: usize) -> String {
    let mut spread = Spread(0x9E37_79B9_7F4A_7C15);
    let mut text = String::new();
    let (mut staff, mut intake_total) = (0u64, 0u64);
    let mut site_tables = String::new();
    for i in 0..sites {
        let x = spread.next();
        // Full-time equivalents in health and care: many small, a few large.
        let size = 30 + (1600.0 * x * x * x) as u64;
        let baseline = 70 + (spread.next() * 40.0) as u64; // 7.0 to 11.0 %
        let intake = 1 + size / 150;
        staff += size;
        intake_total += intake;
        site_tables.push_str(&format!(
            "\n[[sites]]\nid = \"k{i:03}\"\nname = \"Kommune {i}\"\nsize = {size}\nintake = {intake}\n"
        ));
        if i % 5 == 2 {
            site_tables.push_str(&format!("cap = {}\n", size * 2_500));
        }
        site_tables.push_str(&format!(
            "[sites.baseline]\nabsence = {}.{}\njob_start = {}\n",
            baseline / 10,
            baseline % 10,
            15 + i % 11
        ));
        if i % 7 == 3 {
            let expected = baseline - 8 - (i as u64 % 9);
            site_tables.push_str(&format!(
                "[sites.expected]\nabsence = {}.{}\n",
                expected / 10,
                expected % 10
            ));
        }
    }
    // About 2 500 kr per employee a year, and 3 000 kr per participant.
    let cost = staff * 2_500 / 12 + intake_total * 3_000;
    text.push_str(&format!(
        r#"format = 1

[scenario]
id = "kommuner_{sites}"
title = "{sites} kommuner, {periods} måneder"

[timeline]
periods = {periods}
period = "month"
start_year = 2027

[parties]
payer = "Kommunene"
cofunder = "Staten"
investor = "Sosiale investorer"
provider = "Leverandør"
guarantor = "Stiftelse"
public_other = "NAV"

[delivery]
cost = {cost}

[[outcomes]]
id = "absence"
name = "Legemeldt sykefravær"
better = "lower"
baseline = 9.6
target = 8.4
threshold = 9.2
ramp_periods = 12
units_per_point = 2.25
price = 1_100
value = 4_000
payer_value_share = 0.65
payer_cash_share = 0.5

[[outcomes]]
id = "job_start"
name = "Jobbstart"
kind = "event"
better = "higher"
baseline = 20
target = 30
lag = 3
price = 60_000
value = 150_000
payer_value_share = 0.3

[payment]
cap = {cap}
guaranteed_share = 0.2
cofunder_share = 0.25

[investment]
capital = {capital}
return_cap = 0.07
first_loss = 0.25

[provider]
fee_at_risk = 0.1

[assumptions]
achievement = 1
discount_rate = 0.04
"#,
        cap = cost * periods as u64,
        capital = cost * periods as u64 * 7 / 10,
    ));
    text.push_str(&site_tables);
    text
}
