//! The loader on broken files, one table of cases: each names where the
//! error is (line, key), what it is (a typed problem) and how it reads in
//! English and in bokmål.

use effekt::files::Kind;
use effekt::format::Lang;
use effekt::i18n::errors;
use effekt::levers::{self, LeverError};
use effekt::scenario::{self, Better, Entry, Expected, Hint, Problem, Rule};
use rust_decimal_macros::dec;

use super::common::{BIN, temp_dir};

const WORKED: &str = include_str!("../fixtures/worked_example.toml");

/// The worked example with `from` (which must occur once) replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert_eq!(WORKED.matches(from).count(), 1, "`{from}` must occur once");
    WORKED.replace(from, to)
}

struct Case {
    text: String,
    /// A text on the line the error points at.
    at: &'static str,
    key: &'static str,
    problem: Problem,
    en: &'static str,
    nb: &'static str,
}

fn case(
    text: String,
    at: &'static str,
    key: &'static str,
    problem: Problem,
    en: &'static str,
    nb: &'static str,
) -> Case {
    Case {
        text,
        at,
        key,
        problem,
        en,
        nb,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case(
            edit("title = \"Worked", "title = \"Worked\"\"\""),
            "title = ",
            "",
            Problem::Syntax {
                message: String::new(),
            },
            "error: TOML syntax: ",
            "feil: TOML-syntaksfeil: ",
        ),
        case(
            edit("format = 1", "format = 2"),
            "format = 2",
            "format",
            Problem::UnsupportedFormat,
            "unsupported format; this version of effekt reads `format = 1`",
            "formatet støttes ikke; denne versjonen av effekt leser `format = 1`",
        ),
        case(
            edit("target = 9.0", "target = 9.0\ntreshold = 9.5"),
            "treshold",
            "outcomes[0].treshold",
            Problem::UnknownKey {
                key: "treshold".into(),
                table: "outcomes[0]".into(),
                is_table: false,
                suggestion: Some("threshold"),
                known: vec![],
            },
            "unknown key `treshold` in [outcomes[0]]\n  help: did you mean `threshold`?",
            "ukjent nøkkel `treshold` i [outcomes[0]]\n  hjelp: mente du `threshold`?",
        ),
        case(
            edit("[provider]", "[providr]"),
            "[providr]",
            "providr",
            Problem::UnknownKey {
                key: "providr".into(),
                table: String::new(),
                is_table: true,
                suggestion: Some("provider"),
                known: vec![],
            },
            "unknown table `[providr]` in the top level",
            "ukjent tabell `[providr]` i toppnivået",
        ),
        case(
            edit("return_cap = 0.08\n", ""),
            "[investment]",
            "investment.return_cap",
            Problem::MissingKey {
                key: "return_cap".into(),
                table: "investment".into(),
                hint: Hint::ReturnCap,
            },
            "missing key `return_cap` in [investment]\n  help: add `return_cap = 0.08` (an annual rate)",
            "mangler nøkkelen `return_cap` i [investment]\n  hjelp: legg til `return_cap = 0.08` (en årlig rente)",
        ),
        case(
            edit("better = \"lower\"\n", ""),
            "[[outcomes]]",
            "outcomes[0].better",
            Problem::MissingKey {
                key: "better".into(),
                table: "outcomes[0]".into(),
                hint: Hint::OneOf(vec!["lower", "higher"]),
            },
            "help: add `better = \"lower\" or \"higher\"`",
            "hjelp: legg til `better = \"lower\" eller \"higher\"`",
        ),
        case(
            edit("excess = \"payer\"", "excess = \"payr\""),
            "excess = ",
            "payment.excess",
            Problem::NotAllowed {
                value: "payr".into(),
                allowed: vec!["payer", "provider"],
                suggestion: Some("payer"),
            },
            "\"payr\" is not allowed here; allowed: \"payer\", \"provider\"\n  help: did you mean \"payer\"?",
            "\"payr\" er ikke tillatt her; tillatt: \"payer\", \"provider\"\n  hjelp: mente du \"payer\"?",
        ),
        case(
            edit("recycle = false", "recycle = \"no\""),
            "recycle = ",
            "investment.recycle",
            Problem::WrongType {
                expected: Expected::Bool,
                found: "string",
            },
            "expected true or false, found string",
            "ventet true eller false, fant tekst",
        ),
        case(
            edit("price = 600", "price = \"600\""),
            "price = \"600\"",
            "outcomes[0].price",
            Problem::QuotedNumber { text: "600".into() },
            "expected a number, found the string \"600\"; write it without quotes",
            "ventet et tall, fant teksten \"600\"; skriv det uten anførselstegn",
        ),
        case(
            edit("periods = 3", "periods = 2.5"),
            "periods = 2.5",
            "timeline.periods",
            Problem::NotWhole,
            "expected a whole number",
            "ventet et helt tall",
        ),
        case(
            edit("ramp_periods = 2", "ramp_periods = 481"),
            "ramp_periods",
            "outcomes[0].ramp_periods",
            Problem::WholeNumberOutOfRange {
                value: "481".into(),
                min: 1,
                max: 480,
            },
            "481 is out of range; allowed: 1 to 480",
            "481 er utenfor området; tillatt: 1 til 480",
        ),
        case(
            edit("value = 2500", "value = nan"),
            "value = ",
            "outcomes[0].value",
            Problem::NotFinite { text: "nan".into() },
            "`nan` is not a finite number",
            "`nan` er ikke et endelig tall",
        ),
        case(
            edit("cofunder_share = 0.25", "cofunder_share = 1.25"),
            "cofunder_share",
            "payment.cofunder_share",
            Problem::Rule(Rule::NotAShare { value: dec!(1.25) }),
            "1.25 is not a share; allowed: 0 to 1 (0.25 = 25 %)",
            "1,25 er ikke en andel; tillatt: 0 til 1 (0,25 = 25 %)",
        ),
        case(
            edit("threshold = 9.8", "threshold = 8.5"),
            "threshold = ",
            "outcomes[0].threshold",
            Problem::Rule(Rule::ThresholdOutside {
                threshold: dec!(8.5),
                baseline: dec!(10),
                target: dec!(9),
            }),
            "threshold 8.5 must lie between the baseline 10 and the target 9",
            "terskelen 8,5 må ligge mellom utgangsnivået 10 og målet 9",
        ),
        case(
            edit("target = 9.0", "target = 10.5"),
            "target = ",
            "outcomes[0].target",
            Problem::Rule(Rule::NotAnImprovement {
                target: dec!(10.5),
                baseline: dec!(10),
                better: Better::Lower,
            }),
            "target 10.5 is not an improvement on baseline 10; with better = \"lower\" it must be below the baseline",
            "målet 10,5 er ingen forbedring fra utgangsnivået 10; det må ligge under utgangsnivået",
        ),
        case(
            edit("cost = 1_000_000", "cost = [1, 2]"),
            "cost = ",
            "delivery.cost",
            Problem::Rule(Rule::ListLength {
                list: scenario::PerPeriod::Costs,
                len: 2,
                periods: 3,
            }),
            "2 costs for 3 periods; give one number for every period, or a single number",
            "2 kostnader for 3 perioder; oppgi ett tall for hver periode, eller ett enkelt tall",
        ),
        case(
            edit("id = \"absence\"", "id = \"Absence\""),
            "id = \"Absence\"",
            "outcomes[0].id",
            Problem::Rule(Rule::InvalidId {
                id: "Absence".into(),
            }),
            "\"Absence\" is not a valid id; use a-z, 0-9 and _ only",
            "\"Absence\" er ingen gyldig id; bruk bare a-z, 0-9 og _",
        ),
        case(
            format!("{WORKED}\n[levers]\nshow = [\"achievment\"]\n"),
            "achievment",
            "levers.show[0]",
            Problem::Rule(Rule::UnknownLever {
                id: "achievment".into(),
                suggestion: Some("achievement".into()),
                known: vec![],
            }),
            "unknown lever `achievment`\n  help: did you mean `achievement`?",
            "ukjent spak `achievment`\n  hjelp: mente du `achievement`?",
        ),
        case(
            edit("cofunder = \"Cofunder\"\n", ""),
            "cofunder_share",
            "payment.cofunder_share",
            Problem::Rule(Rule::CofunderNeeded),
            "a cofunder share above 0 needs a cofunder; name it in [parties]\n  help: add `cofunder = \"…\"` to [parties]",
            "en medfinansieringsandel over 0 krever en medfinansiør; oppgi den i [parties]\n  hjelp: legg til `cofunder = \"…\"` i [parties]",
        ),
    ]
}

/// Two problems are the same kind with the same data, but the lists of
/// known keys and the parser's own syntax messages are not compared.
fn same(found: &Problem, want: &Problem) -> bool {
    match (found, want) {
        (Problem::Syntax { .. }, Problem::Syntax { .. }) => true,
        (Problem::UnknownKey { known: _, .. }, Problem::UnknownKey { .. }) => {
            let strip = |p: &Problem| match p {
                Problem::UnknownKey {
                    key,
                    table,
                    is_table,
                    suggestion,
                    ..
                } => (key.clone(), table.clone(), *is_table, *suggestion),
                _ => unreachable!(),
            };
            strip(found) == strip(want)
        }
        (
            Problem::Rule(Rule::UnknownLever { id, suggestion, .. }),
            Problem::Rule(Rule::UnknownLever {
                id: i2,
                suggestion: s2,
                ..
            }),
        ) => id == i2 && suggestion == s2,
        _ => found == want,
    }
}

#[test]
fn every_broken_file_says_where_and_what_in_both_languages() {
    for c in cases() {
        let err = scenario::parse(&c.text, "broken.toml").expect_err(c.en);
        let d = err
            .diagnostics
            .iter()
            .find(|d| d.key == c.key && same(&d.problem, &c.problem))
            .unwrap_or_else(|| panic!("no {:?} in {err:?}", c.problem));
        let line = d.line;
        let text = c.text.lines().nth(line - 1).unwrap_or_default();
        assert!(
            text.contains(c.at),
            "line {line} is `{text}`, not `{}`",
            c.at
        );
        let en = errors::diagnostic(Lang::En, "broken.toml", d);
        let nb = errors::diagnostic(Lang::Nb, "broken.toml", d);
        let prefix = format!("broken.toml:{line}:{}: ", d.col);
        assert!(
            en.starts_with(&prefix) && nb.starts_with(&prefix),
            "{en}\n{nb}"
        );
        assert!(en.contains(c.en), "`{}` not in:\n{en}", c.en);
        assert!(nb.contains(c.nb), "`{}` not in:\n{nb}", c.nb);
        if !c.key.is_empty() {
            let key = c.key;
            assert!(en.contains(&format!("error in `{key}`: ")), "{en}");
            assert!(nb.contains(&format!("feil i `{key}`: ")), "{nb}");
        }
        // The whole error is the diagnostics joined, and Display is English.
        assert!(err.to_string().contains(&en));
        assert!(errors::load_error(Lang::Nb, &err).contains(&nb));
    }
}

#[test]
fn effekt_check_speaks_the_users_language() {
    let dir = temp_dir("loader-check");
    let file = dir.join("broken.toml");
    let text = edit("threshold = 9.8", "threshold = 8.5");
    std::fs::write(&file, &text).unwrap();
    let path = file.display().to_string();
    let check = |lang: &str| {
        let out = std::process::Command::new(BIN)
            .args(["check", &path, "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    let line = text
        .lines()
        .position(|l| l.starts_with("threshold ="))
        .unwrap()
        + 1;
    let nb = check("nb");
    assert!(
        nb.contains(&format!("{path}:{line}:1: feil i `outcomes[0].threshold`: terskelen 8,5 må ligge mellom utgangsnivået 10 og målet 9")),
        "{nb}"
    );
    let en = check("en");
    assert!(
        en.contains(&format!("{path}:{line}:1: error in `outcomes[0].threshold`: threshold 8.5 must lie between the baseline 10 and the target 9")),
        "{en}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn reading_problems_of_the_file_itself_are_typed() {
    let dir = temp_dir("loader-read");
    let err = scenario::read_text(&dir).unwrap_err();
    assert_eq!(
        err.diagnostics[0].problem,
        Problem::NotAFile { kind: Kind::Folder }
    );
    assert!(errors::load_error(Lang::Nb, &err).contains("dette er en mappe"));
    let missing = dir.join("nope.toml");
    let err = scenario::read_text(&missing).unwrap_err();
    assert!(matches!(
        err.diagnostics[0].problem,
        Problem::CannotRead {
            kind: std::io::ErrorKind::NotFound,
            ..
        }
    ));
    // The operating system's common errors read in bokmål too.
    assert!(errors::load_error(Lang::Nb, &err).contains("kan ikke lese filen: finnes ikke"));
    #[cfg(unix)]
    {
        // A device is refused before it is opened, never read.
        let err = scenario::read_text(std::path::Path::new("/dev/zero")).unwrap_err();
        assert_eq!(
            err.diagnostics[0].problem,
            Problem::NotAFile { kind: Kind::Device }
        );
    }
    let binary = dir.join("binary.toml");
    std::fs::write(&binary, b"format = 1\n\xff\xfe").unwrap();
    let err = scenario::read_text(&binary).unwrap_err();
    assert_eq!(err.diagnostics[0].problem, Problem::NotUtf8);
    assert_eq!((err.diagnostics[0].line, err.diagnostics[0].col), (2, 1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lever_refusals_are_typed_and_worded_in_both_languages() {
    let s = scenario::parse(WORKED, "worked.toml").unwrap();
    let err = levers::set(&s, "threshold.absence", dec!(8.5)).unwrap_err();
    assert_eq!(
        err,
        LeverError::Invalid {
            id: "threshold.absence".into(),
            value: dec!(8.5),
            rule: Rule::ThresholdOutside {
                threshold: dec!(8.5),
                baseline: dec!(10),
                target: dec!(9),
            },
        }
    );
    assert_eq!(
        err.to_string(),
        "`threshold.absence` = 8.5 is refused: threshold 8.5 must lie between the baseline 10 and the target 9"
    );
    assert_eq!(
        errors::lever_error(Lang::Nb, &err),
        "`threshold.absence` = 8,5 avvises: terskelen 8,5 må ligge mellom utgangsnivået 10 og målet 9"
    );
    assert_eq!(
        errors::lever_reason(Lang::Nb, &err),
        "terskelen 8,5 må ligge mellom utgangsnivået 10 og målet 9"
    );
    let err = levers::set(&s, "treshold.absence", dec!(9.9)).unwrap_err();
    assert_eq!(
        errors::lever_error(Lang::Nb, &err),
        "ukjent spak `treshold.absence`; mente du `threshold.absence`?"
    );
    let err = levers::set(&s, "cofunder_share", dec!(1.5)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "1.5 is outside the range of `cofunder_share`: 0 to 1"
    );
    assert_eq!(
        errors::lever_error(Lang::Nb, &err),
        "1,5 er utenfor området til `cofunder_share`: 0 til 1"
    );
}

#[test]
fn every_rule_reads_differently_in_bokmal() {
    let rules = [
        Rule::Periods {
            periods: 500,
            max: 480,
        },
        Rule::Negative { value: dec!(-1) },
        Rule::NotARate { value: dec!(101) },
        Rule::NoOutcomes,
        Rule::SavingsShareNeeded,
        Rule::FeesAboveCost {
            guaranteed: dec!(0.6),
            at_risk: dec!(0.5),
        },
        Rule::ReturnCapRange { value: dec!(2) },
        Rule::AchievementRange { value: dec!(11) },
        Rule::RateRange { value: dec!(-1) },
        Rule::RateTooSteep {
            value: dec!(-0.99),
            years: 40.0,
        },
        Rule::SpreadRange { value: dec!(11) },
        Rule::TriangularOrder {
            min: dec!(1),
            max: dec!(0),
        },
        Rule::ModeOutside {
            mode: dec!(2),
            min: dec!(0),
            max: dec!(1),
        },
        Rule::Draws { draws: 0, max: 9 },
        Rule::UnknownOutcome {
            id: "x".into(),
            suggestion: None,
            known: vec!["absence".into()],
        },
        Rule::OutcomeListedTwice { id: "x".into() },
        Rule::DuplicateId {
            id: "x".into(),
            what: Entry::Cost,
        },
        Rule::ExpectedNotAnImprovement {
            expected: dec!(11),
            baseline: dec!(10),
            better: Better::Lower,
        },
        Rule::ThresholdNotBeforeTarget {
            threshold: dec!(9),
            target: dec!(9),
        },
        Rule::CohortSizeNeeded {
            outcome: "x".into(),
        },
        Rule::UnitsPerPointNeeded {
            outcome: "x".into(),
        },
        Rule::UnitsPerPointNotPositive { value: dec!(0) },
        Rule::NoneOnlyForEvents,
        Rule::HistoricalOnlyForFlows,
        Rule::DriftOnlyForFlows,
        Rule::NoneNeedsHigherWithoutThreshold,
        Rule::IntakeNeeded {
            outcome: "x".into(),
        },
        Rule::RampAtLeastOne,
        Rule::OutcomeTooLarge { amount: 1e25 },
        Rule::ContractTooLarge { total: 1e25 },
        Rule::DiscountedTooLarge {
            rate: dec!(-0.5),
            years: 40.0,
            discounted: 1e27,
        },
        Rule::StartMonth { month: 13 },
        Rule::LeverListedTwice { id: "cap".into() },
        Rule::LeverMinAboveMax {
            min: dec!(1),
            max: dec!(0),
        },
        Rule::LeverValueOutside {
            value: dec!(2),
            min: dec!(0),
            max: dec!(1),
        },
        Rule::LeverStepNotPositive { step: dec!(0) },
    ];
    for r in &rules {
        let (en, nb) = (errors::rule(Lang::En, r), errors::rule(Lang::Nb, r));
        assert!(!en.is_empty() && !nb.is_empty());
        assert_ne!(en, nb, "{r:?} has no bokmål text");
        assert_eq!(
            errors::rule_help(Lang::En, r).is_some(),
            errors::rule_help(Lang::Nb, r).is_some(),
            "{r:?}"
        );
    }
}
