//! Robustness: arbitrary text and mutations of the worked example never make
//! `scenario::parse` or the model panic, and every scenario that loads
//! conserves money (the six parties' flows sum to value minus cost).

use effekt::format::Lang;
use effekt::i18n::errors;
use effekt::levers;
use effekt::model;
use effekt::scenario::{self, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

const WORKED: &str = include_str!("../fixtures/worked_example.toml");

/// Numbers that probe the edges of the format and of `Decimal`.
const ODD_NUMBERS: &[&str] = &[
    "-0",
    "-0.0",
    "0",
    "1e30",
    "-1e30",
    "1e15",
    "-1e15",
    "1_000_000_000_000_000",
    "0.0000000000000000000000000001",
    "1e-28",
    "0.005",
    "nan",
    "inf",
    "-inf",
    "99999999999999999999999999999",
    "9999999999999999999999999999",
    "0xff",
    "-1",
    "-0.99",
    "-0.9999999999",
    "0.999999999999",
    "1",
    "2",
    "10",
    "11",
    "100",
    "101",
    "480",
    "481",
    "1.5",
    "\"1\"",
    "true",
    "[]",
    "[1, 2, 3]",
];

/// Lines that could belong to a scenario, for replacing or inserting.
const ODD_LINES: &[&str] = &[
    "",
    "[levers]",
    "show = [\"achievement\", \"cap\", \"nope\"]",
    "[levers.achievement]",
    "min = 1.5",
    "max = 0.1",
    "step = 0",
    "[[outcomes]]",
    "id = \"absence\"",
    "id = \"jobs\"",
    "kind = \"event\"",
    "kind = \"flow\"",
    "better = \"higher\"",
    "counterfactual = \"none\"",
    "counterfactual = \"historical_baseline\"",
    "drift = 0.1",
    "drift = -1e15",
    "lag = 480",
    "threshold_rule = \"deductible\"",
    "threshold_rule = \"none\"",
    "pay_beyond_target = true",
    "intake = [10, 20, 30]",
    "intake = 1e15",
    "periods = 480",
    "period = \"month\"",
    "period = \"half_year\"",
    "mechanism = \"share_of_savings\"",
    "savings_share = 0.5",
    "recycle = true",
    "excess = \"provider\"",
    "return_cap = 1",
    "discount_rate = -0.99",
    "discount_rate = -0.5",
    "achievement = 10",
    "cost = [1, 2]",
    "cost = 0.0000000000000000000000000001",
    "size = 1e15",
    "units_per_point = 1e15",
    "price = 1e15",
    "value = 1e15",
    "cap = 0",
    "[uncertainty]",
    "[cohort]",
    "[provider]",
    "fee_at_risk = 0.9",
    "expected = 9.5",
    "expected = 10.5",
    "payer_cash_share = 0.4",
    "excess_investor_share = 0.5",
    "hurdle_rate = 0.12",
    "start_month = 7",
    "start_year = 2027",
    "[[costs]]",
    "id = \"legal\"",
    "amount = 50_000",
    "amount = [1, 2, 3]",
    "when = \"start\"",
    "when = \"each_period\"",
    "paid_by = \"investor\"",
    "paid_by = \"payer\"",
    "a.b.c = 1",
    "x = {y = 1}",
    "[",
    "\"",
    "= 1",
    "\u{0}",
    "é = \"ø\"",
];

/// The seven parties' flows sum to total value minus total delivery cost.
fn assert_conserved(s: &Scenario, run: &model::Run) -> Result<(), TestCaseError> {
    let sum: Decimal = run.flows.total();
    prop_assert_eq!(
        sum,
        run.totals.value - run.totals.delivery_cost,
        "money not conserved in {:?}",
        s
    );
    for (_, f) in run.flows.all_parties() {
        prop_assert_eq!(f.len(), s.timeline.periods + 1);
    }
    Ok(())
}

/// Every figure of a scenario that loaded; no panic, money conserved.
fn check_model(s: &Scenario) -> Result<(), TestCaseError> {
    let f = model::figures(s);
    assert_conserved(s, &f.evaluation.run)?;
    if let Some(irr) = f.evaluation.investor.irr.headline {
        prop_assert!(f.evaluation.investor.irr.roots.contains(&irr));
    }
    for b in [
        f.break_even.principal,
        f.break_even.return_cap,
        f.break_even.payer,
    ]
    .into_iter()
    .flatten()
    {
        prop_assert!(b >= Decimal::ZERO && b <= Decimal::TWO, "break-even {}", b);
    }
    Ok(())
}

/// Every lever at both ends of its range: refused with a reason, or a
/// scenario whose model runs and conserves money.
fn check_levers(s: &Scenario) -> Result<(), TestCaseError> {
    for l in levers::available(s) {
        for v in [l.min, l.max] {
            if let Ok(next) = levers::set(s, &l.id, v) {
                let e = model::evaluate(&next);
                assert_conserved(&next, &e.run)?;
            }
        }
    }
    Ok(())
}

fn parse_and_check(text: &str) -> Result<(), TestCaseError> {
    match scenario::parse(text, "fuzz.toml") {
        Ok(s) => {
            prop_assert!(scenario::validate(&s).is_empty());
            check_model(&s)
        }
        Err(e) => {
            prop_assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                prop_assert!(d.line >= 1 && d.col >= 1);
                for lang in [Lang::En, Lang::Nb] {
                    prop_assert!(!errors::problem(lang, &d.problem).is_empty());
                }
            }
            // The message renders, in both languages.
            prop_assert!(e.to_string().contains("fuzz.toml:"));
            prop_assert!(errors::load_error(Lang::Nb, &e).contains("fuzz.toml:"));
            Ok(())
        }
    }
}

/// Keys of the worked example's tables with values at the edges of what is
/// valid (and a little beyond): `(table header, key, values)`.
const SETTINGS: &[(&str, &str, &[&str])] = &[
    ("[timeline]", "periods", &["1", "2", "480", "481"]),
    ("[timeline]", "start_month", &["1", "12", "13", "0"]),
    (
        "[timeline]",
        "period",
        &["\"month\"", "\"quarter\"", "\"half_year\""],
    ),
    ("[cohort]", "size", &["0", "1e-28", "1_000_000_000_000_000"]),
    (
        "[cohort]",
        "intake",
        &["0", "1_000_000_000_000_000", "[1, 2, 3]"],
    ),
    (
        "[delivery]",
        "cost",
        &[
            "0",
            "0.0000000000000000000000000001",
            "0.005",
            "1_000_000_000_000_000",
            "[0, 1_000_000_000_000_000, 0.001]",
        ],
    ),
    ("[[outcomes]]", "kind", &["\"event\"", "\"flow\""]),
    ("[[outcomes]]", "better", &["\"higher\"", "\"lower\""]),
    ("[[outcomes]]", "baseline", &["0", "100", "-1e15", "1e15"]),
    (
        "[[outcomes]]",
        "target",
        &["0", "9.9999999999999999999999999", "-1e15"],
    ),
    ("[[outcomes]]", "threshold", &["10", "9", "9.0000000001"]),
    (
        "[[outcomes]]",
        "expected",
        &["9", "8", "10", "1e-28", "-1e15"],
    ),
    ("[[outcomes]]", "payer_cash_share", &["0", "1", "1.5"]),
    (
        "[[outcomes]]",
        "threshold_rule",
        &["\"none\"", "\"deductible\"", "\"trigger\""],
    ),
    ("[[outcomes]]", "pay_beyond_target", &["true"]),
    ("[[outcomes]]", "ramp_periods", &["1", "480"]),
    (
        "[[outcomes]]",
        "counterfactual",
        &["\"historical_baseline\"", "\"none\""],
    ),
    ("[[outcomes]]", "drift", &["-1", "0.5", "1e15", "-0"]),
    ("[[outcomes]]", "lag", &["0", "2", "480"]),
    (
        "[[outcomes]]",
        "units_per_point",
        &["0.0000000000000000000000000001", "1e15"],
    ),
    ("[[outcomes]]", "price", &["0", "1e-28", "1e15", "0.005"]),
    (
        "[[outcomes]]",
        "value",
        &["0", "1e15", "0.0000000000000000000000000001"],
    ),
    (
        "[[outcomes]]",
        "payer_value_share",
        &["0", "1", "0.3333333333"],
    ),
    (
        "[payment]",
        "mechanism",
        &["\"share_of_savings\"", "\"rate_card\""],
    ),
    ("[payment]", "savings_share", &["0", "1", "0.5"]),
    ("[payment]", "cap", &["0", "0.01", "1e15"]),
    ("[payment]", "guaranteed_share", &["0", "0.9", "1"]),
    ("[payment]", "cofunder_share", &["0", "1", "0.3333333333"]),
    ("[payment]", "excess", &["\"provider\"", "\"payer\""]),
    (
        "[payment]",
        "excess_investor_share",
        &["0", "1", "0.5", "2"],
    ),
    ("[investment]", "capital", &["0", "1e15"]),
    ("[investment]", "return_cap", &["0", "1", "0.0000000001"]),
    ("[investment]", "first_loss", &["0", "1"]),
    ("[investment]", "recycle", &["true", "false"]),
    ("[investment]", "hurdle_rate", &["0", "-0.99", "1", "0.3"]),
    ("[provider]", "fee_at_risk", &["0", "0.9", "1"]),
    ("[assumptions]", "achievement", &["0", "2", "10", "1e-28"]),
    (
        "[assumptions]",
        "discount_rate",
        &["-0.99", "-0.5", "-0.05", "0", "1", "-0.9999999999"],
    ),
];

/// Sets `key` in the first table with `header` to `value`: replaces its line
/// or adds one after the header.
fn set_key(text: &str, header: &str, key: &str, value: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let Some(start) = lines.iter().position(|l| l == header) else {
        return text.to_string();
    };
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with('['))
        .map_or(lines.len(), |i| start + 1 + i);
    let line = format!("{key} = {value}");
    let prefix = format!("{key} =");
    match lines[start + 1..end]
        .iter()
        .position(|l| l.starts_with(&prefix))
    {
        Some(i) => lines[start + 1 + i] = line,
        None => lines.insert(start + 1, line),
    }
    lines.join("\n") + "\n"
}

/// One change to a line-based text.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Replace(usize, usize),
    Insert(usize, usize),
    Number(usize, usize),
    Set(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::Delete),
        1 => any::<usize>().prop_map(Mutation::Duplicate),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Replace(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Number(a, b)),
        8 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Set(a, b)),
    ]
}

/// Byte ranges of the numbers written in `text` (after `=`, in lists).
fn numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || b[i] == b'-')
            && (i == 0 || matches!(b[i - 1], b' ' | b'[' | b','));
        if starts {
            let start = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_')) {
                i += 1;
            }
            out.push(start..i);
        } else {
            i += 1;
        }
    }
    out
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let n = lines.len().max(1);
        match *m {
            Mutation::Delete(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::Replace(i, k) if !lines.is_empty() => {
                lines[i % n] = ODD_LINES[k % ODD_LINES.len()].to_string();
            }
            Mutation::Insert(i, k) => {
                lines.insert(i % (lines.len() + 1), ODD_LINES[k % ODD_LINES.len()].into());
            }
            Mutation::Number(i, k) => {
                let spans = numbers(&text);
                if !spans.is_empty() {
                    let r = spans[i % spans.len()].clone();
                    text.replace_range(r, ODD_NUMBERS[k % ODD_NUMBERS.len()]);
                }
                continue;
            }
            Mutation::Set(i, k) => {
                let (header, key, values) = SETTINGS[i % SETTINGS.len()];
                text = set_key(&text, header, key, values[k % values.len()]);
                continue;
            }
            _ => {}
        }
        text = lines.join("\n");
        text.push('\n');
    }
    text
}

/// Key-value lines drawn from the format's own vocabulary.
fn toml_like() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "format",
        "id",
        "periods",
        "period",
        "size",
        "intake",
        "cost",
        "kind",
        "better",
        "baseline",
        "target",
        "threshold",
        "price",
        "value",
        "cap",
        "return_cap",
        "discount_rate",
        "achievement",
        "show",
        "min",
        "max",
    ]);
    let value = prop::sample::select(ODD_NUMBERS.to_vec());
    let header = prop::sample::select(vec![
        "[scenario]",
        "[timeline]",
        "[parties]",
        "[cohort]",
        "[delivery]",
        "[[outcomes]]",
        "[payment]",
        "[investment]",
        "[provider]",
        "[assumptions]",
        "[levers]",
        "[levers.achievement]",
        "[uncertainty]",
        "[[sources]]",
        "[[costs]]",
    ]);
    prop::collection::vec(
        prop_oneof![
            (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
            header.prop_map(str::to_string),
        ],
        0..40,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_and_check(&text)?;
    }

    #[test]
    fn arbitrary_text_after_a_format_line_never_panics(text in "[ -~\n\t\u{e5}\u{f8}]{0,300}") {
        parse_and_check(&format!("format = 1\n{text}"))?;
    }

    #[test]
    fn toml_like_text_never_panics(text in toml_like()) {
        parse_and_check(&text)?;
    }

    #[test]
    fn edge_values_in_the_worked_example_never_panic(
        settings in prop::collection::vec((any::<usize>(), any::<usize>()), 1..10)
    ) {
        let mutations: Vec<Mutation> =
            settings.into_iter().map(|(a, b)| Mutation::Set(a, b)).collect();
        let text = apply(WORKED, &mutations);
        parse_and_check(&text)?;
        if let Ok(s) = scenario::parse(&text, "fuzz.toml") {
            check_levers(&s)?;
        }
    }

    #[test]
    fn mutations_of_the_worked_example_never_panic(
        mutations in prop::collection::vec(mutation(), 1..8)
    ) {
        let text = apply(WORKED, &mutations);
        parse_and_check(&text)?;
        if let Ok(s) = scenario::parse(&text, "fuzz.toml") {
            check_levers(&s)?;
        }
    }
}
