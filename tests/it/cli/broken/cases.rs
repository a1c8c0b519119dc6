//! The table of broken scenario files: each is [`BASE`] (or the event
//! base) with one change, and the errors `check` must report for it.

use super::{BASE, Case, at, case, edit, event_base, line_of};

/// Every broken file of the table.
pub(crate) fn cases() -> Vec<Case> {
    let base = |edits: &[(&str, &str)]| edit(BASE, edits);
    let event = |edits: &[(&str, &str)]| edit(&event_base(), edits);
    let mut cases = vec![
        case(
            "syntax",
            base(&[("title = \"Tiny\"", "title = \"Tiny")]),
            |t| vec![at(line_of(t, "title = \"Tiny"), "", &["TOML syntax"])],
        ),
        case(
            "treshold",
            base(&[("target = 9", "target = 9\ntreshold = 9.5")]),
            |t| {
                vec![
                    at(
                        line_of(t, "treshold"),
                        "outcomes[0].treshold",
                        &["unknown key `treshold`", "did you mean `threshold`?"],
                    )
                    .col(1),
                ]
            },
        ),
        case(
            "recyle",
            base(&[("return_cap = 0.08", "return_cap = 0.08\nrecyle = true")]),
            |t| {
                vec![at(
                    line_of(t, "recyle"),
                    "investment.recyle",
                    &["did you mean `recycle`?"],
                )]
            },
        ),
        case(
            "table",
            format!("{BASE}\n[asumptions]\nachievement = 0.8\n"),
            |t| {
                vec![at(
                    line_of(t, "[asumptions]"),
                    "asumptions",
                    &[
                        "unknown table `[asumptions]`",
                        "did you mean `assumptions`?",
                    ],
                )]
            },
        ),
        case("table2", format!("{BASE}\n[fooo]\na = 1\n"), |t| {
            vec![at(
                line_of(t, "[fooo]"),
                "fooo",
                &["unknown table", "known keys here:", "timeline"],
            )]
        }),
        case(
            "wrongtype",
            base(&[("size = 100", "size = \"100\"")]),
            |t| {
                vec![
                    at(
                        line_of(t, "size = "),
                        "cohort.size",
                        &["expected a number", "write it without quotes"],
                    )
                    .col(8),
                ]
            },
        )
        .count(1),
        case(
            "choice",
            base(&[("period = \"year\"", "period = \"yaer\"")]),
            |t| {
                vec![at(
                    line_of(t, "yaer"),
                    "timeline.period",
                    &["\"yaer\" is not allowed", "did you mean \"year\"?"],
                )]
            },
        ),
        case(
            "bool",
            base(&[("return_cap = 0.08", "return_cap = 0.08\nrecycle = 1")]),
            |t| {
                vec![at(
                    line_of(t, "recycle"),
                    "investment.recycle",
                    &["expected true or false"],
                )]
            },
        ),
        case("returncap", base(&[("return_cap = 0.08\n", "")]), |t| {
            vec![at(
                line_of(t, "[investment]"),
                "investment.return_cap",
                &["missing key `return_cap`", "return_cap = 0.08", "uncapped"],
            )]
        }),
        case("noformat", base(&[("format = 1\n", "")]), |_| {
            vec![at(
                1,
                "format",
                &["missing key `format`", "add `format = 1`"],
            )]
        }),
        case("noid", base(&[("id = \"tiny\"\n", "")]), |t| {
            vec![at(
                line_of(t, "[scenario]"),
                "scenario.id",
                &["missing key `id` in [scenario]"],
            )]
        }),
        case(
            "nodelivery",
            base(&[("[delivery]\ncost = 1000\n", "")]),
            |_| vec![at(1, "delivery", &["missing table [delivery]"])],
        ),
        case("format2", base(&[("format = 1", "format = 2")]), |_| {
            vec![at(1, "format", &["unsupported format", "format = 1"]).col(10)]
        }),
        case("periods0", base(&[("periods = 2", "periods = 0")]), |t| {
            vec![at(
                line_of(t, "periods = 0"),
                "timeline.periods",
                &["0 is out of range; allowed: 1 to 480"],
            )]
        }),
        case(
            "periods_max",
            base(&[("periods = 2", "periods = 9223372036854775807")]),
            |_| vec![at(8, "timeline.periods", &["allowed: 1 to 480"])],
        ),
        case(
            "costlen",
            base(&[("cost = 1000", "cost = [1000, 2000, 3000]")]),
            |t| {
                vec![at(
                    line_of(t, "cost = "),
                    "delivery.cost",
                    &["3 costs for 2 periods", "one number for every period"],
                )]
            },
        ),
        case(
            "intakelen",
            event(&[("intake = 50", "intake = [50]")]),
            |t| {
                vec![at(
                    line_of(t, "intake = "),
                    "cohort.intake",
                    &["1 intakes for 2 periods"],
                )]
            },
        ),
        case(
            "threshold",
            base(&[("target = 9", "target = 9\nthreshold = 8.5")]),
            |t| {
                vec![at(
                    line_of(t, "threshold = "),
                    "outcomes[0].threshold",
                    &["threshold 8.5 must lie between the baseline 10 and the target 9"],
                )]
            },
        ),
        case(
            "deductible",
            base(&[(
                "target = 9",
                "target = 9\nthreshold = 9\nthreshold_rule = \"deductible\"",
            )]),
            |t| {
                vec![at(
                    line_of(t, "threshold = "),
                    "outcomes[0].threshold",
                    &["deductible", "strictly before the target"],
                )]
            },
        ),
        // Reported once, not again as a sum with fee_at_risk at 1:1.
        case(
            "share",
            base(&[("cap = 50000", "cap = 50000\nguaranteed_share = 1.5")]),
            |t| {
                vec![at(
                    line_of(t, "guaranteed_share"),
                    "payment.guaranteed_share",
                    &["1.5 is not a share; allowed: 0 to 1"],
                )]
            },
        )
        .count(1),
        case(
            "shares",
            format!(
                "{}\n[provider]\nfee_at_risk = 0.5\n",
                base(&[("cap = 50000", "cap = 50000\nguaranteed_share = 0.6")])
            ),
            |t| {
                vec![at(
                    line_of(t, "fee_at_risk"),
                    "provider.fee_at_risk",
                    &["guaranteed_share 0.6 plus fee_at_risk 0.5 is more than 1"],
                )]
            },
        ),
        case("price", base(&[("price = 100", "price = -100")]), |t| {
            vec![at(
                line_of(t, "price = "),
                "outcomes[0].price",
                &["-100 is negative; allowed: 0 or more"],
            )]
        }),
        case("rate", event(&[("target = 30", "target = 120")]), |t| {
            vec![at(
                line_of(t, "target = "),
                "outcomes[0].target",
                &["120 is not a rate; allowed: 0 to 100"],
            )]
        }),
        case(
            "nosize",
            base(&[("size = 100", "unit = \"employees\"")]),
            |t| {
                vec![at(
                    line_of(t, "[cohort]"),
                    "cohort.size",
                    &[
                        "flow outcome \"absence\" needs `cohort.size`",
                        "add `size = ",
                    ],
                )]
            },
        ),
        case("noupp", base(&[("units_per_point = 2\n", "")]), |t| {
            vec![at(
                line_of(t, "[[outcomes]]"),
                "outcomes[0].units_per_point",
                &["needs `units_per_point` above 0", "units_per_point = 2.25"],
            )]
        }),
        case(
            "uppzero",
            base(&[("units_per_point = 2", "units_per_point = 0")]),
            |t| {
                vec![at(
                    line_of(t, "units_per_point"),
                    "outcomes[0].units_per_point",
                    &["must be above 0"],
                )]
            },
        ),
        case("nointake", event(&[("intake = 50", "size = 100")]), |t| {
            vec![at(
                line_of(t, "[cohort]"),
                "cohort.intake",
                &["event outcome \"absence\" needs `cohort.intake`"],
            )]
        }),
        case(
            "sos",
            base(&[(
                "cap = 50000",
                "cap = 50000\nmechanism = \"share_of_savings\"",
            )]),
            |t| {
                vec![at(
                    line_of(t, "[payment]"),
                    "payment.savings_share",
                    &["needs `savings_share`", "savings_share = 0.5"],
                )]
            },
        ),
        case(
            "histevent",
            event(&[(
                "target = 30",
                "target = 30\ncounterfactual = \"historical_baseline\"",
            )]),
            |t| {
                vec![at(
                    line_of(t, "counterfactual"),
                    "outcomes[0].counterfactual",
                    &["only for flow outcomes"],
                )]
            },
        ),
        case(
            "driftevent",
            event(&[("target = 30", "target = 30\ndrift = 0.1")]),
            |t| {
                vec![at(
                    line_of(t, "drift"),
                    "outcomes[0].drift",
                    &["drift is only for flow outcomes"],
                )]
            },
        ),
        case(
            "cfnone",
            event(&[(
                "target = 30",
                "target = 30\nthreshold = 25\ncounterfactual = \"none\"",
            )]),
            |t| {
                vec![at(
                    line_of(t, "counterfactual"),
                    "outcomes[0].counterfactual",
                    &["counterfactual = \"none\" needs better = \"higher\" and no threshold"],
                )]
            },
        ),
        case(
            "cofunder",
            base(&[("cap = 50000", "cap = 50000\ncofunder_share = 0.25")]),
            |t| {
                vec![at(
                    line_of(t, "cofunder_share"),
                    "payment.cofunder_share",
                    &["needs a cofunder", "add `cofunder = "],
                )]
            },
        ),
        case(
            "dupid",
            base(&[(
                "[payment]",
                "[[outcomes]]\nid = \"absence\"\nbetter = \"lower\"\nbaseline = 10\n\
                 target = 9\nunits_per_point = 1\n\n[payment]",
            )]),
            |t| {
                let second = t
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| *l == "id = \"absence\"")
                    .map(|(i, _)| i + 1)
                    .nth(1)
                    .expect("two ids");
                vec![at(
                    second,
                    "outcomes[1].id",
                    &["the id \"absence\" is used by an earlier outcome"],
                )]
            },
        ),
        case(
            "badid",
            base(&[("id = \"absence\"", "id = \"Sick-Days\"")]),
            |t| {
                vec![at(
                    line_of(t, "Sick-Days"),
                    "outcomes[0].id",
                    &["\"Sick-Days\" is not a valid id; use a-z, 0-9 and _ only"],
                )]
            },
        ),
        case(
            "volume",
            base(&[
                ("size = 100", "size = 1_000_000_000_000_000"),
                ("better = \"lower\"", "better = \"higher\""),
                ("baseline = 10", "baseline = 0"),
                ("target = 9", "target = 0.00000000000000000001"),
                (
                    "units_per_point = 2",
                    "units_per_point = 1_000_000_000_000_000",
                ),
                ("price = 100", "price = 0"),
                ("value = 200", "value = 0"),
            ]),
            // Each number is in range, but cohort × units per point is not.
            |t| {
                vec![at(
                    line_of(t, "price = "),
                    "outcomes[0].price",
                    &["beyond what effekt computes exactly", "thousands"],
                )]
            },
        ),
        case(
            "discount_overflow",
            format!(
                "{}\n[assumptions]\ndiscount_rate = -0.6\n",
                base(&[
                    ("periods = 2", "periods = 40"),
                    ("cost = 1000", "cost = 1_000_000_000_000_000"),
                ])
            ),
            |t| {
                vec![at(
                    line_of(t, "discount_rate"),
                    "assumptions.discount_rate",
                    &["beyond what effekt computes exactly", "nearer 0"],
                )]
            },
        ),
        case(
            "lag",
            event(&[("target = 30", "target = 30\nlag = -1")]),
            |t| {
                vec![at(
                    line_of(t, "lag = "),
                    "outcomes[0].lag",
                    &["-1 is out of range; allowed: 0 to 480"],
                )]
            },
        ),
        case(
            "ramp",
            base(&[("target = 9", "target = 9\nramp_periods = 0")]),
            |t| {
                vec![at(
                    line_of(t, "ramp_periods"),
                    "outcomes[0].ramp_periods",
                    &["out of range; allowed: 1 to 480"],
                )]
            },
        ),
        // At the misspelt id, not at the start of the list.
        case(
            "show",
            format!("{BASE}\n[levers]\nshow = [\"achievement\", \"pricee.absence\"]\n"),
            |t| {
                vec![
                    at(
                        line_of(t, "show = "),
                        "levers.show[1]",
                        &[
                            "unknown lever `pricee.absence`",
                            "did you mean `price.absence`?",
                        ],
                    )
                    .col(24),
                ]
            },
        ),
        case(
            "leverx",
            format!("{BASE}\n[levers.\"x\"]\nmin = 0\n"),
            |t| {
                vec![at(
                    line_of(t, "[levers.\"x\"]"),
                    "levers.x",
                    &["unknown lever `x`", "levers of this scenario: achievement"],
                )]
            },
        ),
        case(
            "levertypo",
            format!("{BASE}\n[levers.acheivement]\nmax = 1.5\n"),
            |t| {
                vec![at(
                    line_of(t, "[levers.acheivement]"),
                    "levers.acheivement",
                    &["did you mean `achievement`?"],
                )]
            },
        ),
        case(
            "minmax",
            format!("{BASE}\n[levers.achievement]\nmin = 1.5\nmax = 0.5\n"),
            |t| {
                vec![at(
                    line_of(t, "[levers.achievement]"),
                    "levers.achievement",
                    &["min 1.5 is above max 0.5"],
                )]
            },
        ),
        case("empty", String::new(), |_| {
            vec![
                at(1, "format", &["missing key `format`"]),
                at(1, "scenario", &["missing table [scenario]"]),
                at(1, "outcomes", &["at least one [[outcomes]]"]),
                at(1, "investment", &["missing table [investment]"]),
            ]
        }),
        // Valid UTF-8 with NUL bytes: said to be binary, at the NUL.
        case(
            "nul",
            "format = 1\n\n\0\0\0[scenario]\n".to_string(),
            |_| vec![at(3, "", &["NUL bytes", "binary"])],
        ),
        // Three independent rule breaks, all in one run.
        case(
            "three",
            base(&[
                ("id = \"absence\"", "id = \"Absence\""),
                ("price = 100", "price = -100"),
                ("cap = 50000", "cap = 50000\ncofunder_share = 0.25"),
            ]),
            |t| {
                vec![
                    at(line_of(t, "Absence"), "outcomes[0].id", &[]),
                    at(line_of(t, "price"), "outcomes[0].price", &[]),
                    at(line_of(t, "cofunder_share"), "payment.cofunder_share", &[]),
                ]
            },
        )
        .count(3),
        // A typo, a wrong type and a rule break in different tables.
        case(
            "mixed",
            base(&[
                ("target = 9", "target = 9\ntreshold = 9.5"),
                (
                    "return_cap = 0.08",
                    "return_cap = 0.08\nfirst_loss = \"half\"",
                ),
                ("cap = 50000", "cap = -5"),
            ]),
            |t| {
                vec![
                    at(
                        line_of(t, "treshold"),
                        "outcomes[0].treshold",
                        &["did you mean `threshold`?"],
                    ),
                    at(
                        line_of(t, "first_loss"),
                        "investment.first_loss",
                        &["expected a number"],
                    ),
                    at(line_of(t, "cap = -5"), "payment.cap", &["-5 is negative"]),
                ]
            },
        )
        .count(3),
        case("flood", "x\n".repeat(100_000), |_| {
            vec![
                at(1, "", &["TOML syntax"]),
                at(101, "", &["and 99900 more errors"]),
            ]
        })
        .count(101),
    ];
    for (name, cost) in [
        ("periods_big", "1000"),
        ("periods_big_list", "[1000, 1000]"),
    ] {
        let text = base(&[
            ("periods = 2", "periods = 100000"),
            ("cost = 1000", &format!("cost = {cost}")),
            ("size = 100", "size = 100\nintake = 5"),
        ]);
        cases.push(case(name, text, |t| {
            vec![at(
                line_of(t, "periods = 100000"),
                "timeline.periods",
                &["allowed: 1 to 480"],
            )]
        }));
    }
    for (name, target) in [("ti0", "10"), ("tineg", "11")] {
        let text = base(&[("target = 9", &format!("target = {target}"))]);
        cases.push(case(name, text, |t| {
            vec![at(
                line_of(t, "target = "),
                "outcomes[0].target",
                &["not an improvement on baseline 10", "below the baseline"],
            )]
        }));
    }
    for value in ["nan", "inf", "-inf"] {
        let text = base(&[("price = 100", &format!("price = {value}"))]);
        let says = format!("`{value}` is not a finite number");
        cases.push(case(value, text, |t| {
            vec![at(line_of(t, "price = "), "outcomes[0].price", &[&says]).col(9)]
        }));
    }
    for value in [
        "1e40",
        "1234567890123456789012345678901234567890",
        "-1e30",
        "0x7fffffffffffffff",
        "1e-40",
    ] {
        let text = base(&[("cost = 1000", &format!("cost = {value}"))]);
        cases.push(case(value, text, |t| {
            vec![at(
                line_of(t, "cost = "),
                "delivery.cost",
                &["number out of range", "28 digits"],
            )]
        }));
    }
    for rate in ["-1", "-1.5"] {
        let text = format!("{BASE}\n[assumptions]\ndiscount_rate = {rate}\n");
        cases.push(case(rate, text, |t| {
            vec![at(
                line_of(t, "discount_rate"),
                "assumptions.discount_rate",
                &["above −1"],
            )]
        }));
    }
    cases
}
