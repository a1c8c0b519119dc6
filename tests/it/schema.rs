//! The JSON Schema of the format (`effekt schema`) against the loader: the
//! bundled scenarios, the templates and the worked example validate;
//! every broken file the loader refuses for a reason one key shows
//! (unknown key, wrong type, bad choice, missing key, a value out of its
//! range) fails the schema too; and key by key, value by value, the schema
//! refuses a number only where the loader does, and wherever the loader
//! refuses a number for its range. Validated as draft 2020-12 (what the
//! schema declares) and as draft 7 (what Taplo's validator applies).

use effekt::catalog::BUNDLED;
use effekt::format::Lang;
use effekt::scenario::{self, Problem, Rule};
use effekt::template::{self, Start};
use jsonschema::Validator;
use serde_json::Value;

use super::cli::broken::{BASE, cases::cases as broken_cases, event_base};

fn validators() -> [(&'static str, Validator); 2] {
    let schema = scenario::json_schema();
    [
        (
            "2020-12",
            jsonschema::draft202012::new(&schema).expect("a valid schema"),
        ),
        (
            "7",
            jsonschema::draft7::new(&schema).expect("a valid draft-7 schema"),
        ),
    ]
}

/// A scenario's TOML as JSON, as an editor sees it; `None` when it is not
/// TOML an editor could read as data (a syntax error, an integer beyond
/// 64 bits): the editor's TOML parser flags those itself.
fn as_json(text: &str) -> Option<Value> {
    toml::from_str::<Value>(text).ok()
}

/// The schema's errors on a scenario: `(JSON pointer, message)`.
fn schema_errors(v: &Validator, text: &str) -> Option<Vec<(String, String)>> {
    let json = as_json(text)?;
    Some(
        v.iter_errors(&json)
            .map(|e| (e.instance_path().as_str().to_string(), e.to_string()))
            .collect(),
    )
}

#[test]
fn the_schema_is_a_valid_2020_12_schema() {
    let schema = scenario::json_schema();
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn bundled_scenarios_worked_example_and_templates_validate() {
    let mut texts: Vec<(String, String)> = BUNDLED
        .iter()
        .map(|b| (b.file_name.to_string(), b.text.to_string()))
        .collect();
    texts.push((
        "worked_example".into(),
        include_str!("../fixtures/worked_example.toml").into(),
    ));
    for lang in [Lang::Nb, Lang::En] {
        texts.push((
            format!("empty {lang:?}"),
            template::render(lang, "ny", Start::Empty, 0).unwrap(),
        ));
        for b in &BUNDLED {
            let t = template::render(lang, "kopi", Start::From(b.text), 0).unwrap();
            texts.push((format!("from {} {lang:?}", b.file_name), t));
        }
    }
    for (name, v) in validators() {
        for (file, text) in &texts {
            let errors = schema_errors(&v, text).expect("TOML");
            assert!(errors.is_empty(), "draft {name}: {file}: {errors:#?}");
        }
    }
}

/// Editors find the schema from the first line of each bundled scenario,
/// relative to the file (Taplo's `#:schema` directive).
#[test]
fn bundled_scenarios_name_the_schema_in_their_first_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for b in &BUNDLED {
        let first = b.text.lines().next().unwrap_or("");
        let path = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{}: first line `{first}`", b.file_name));
        let schema = root.join("scenarios").join(path);
        assert!(
            schema.is_file(),
            "{}: {} is no file",
            b.file_name,
            schema.display()
        );
        assert_eq!(
            std::fs::read_to_string(&schema).unwrap(),
            scenario::json_schema_text(),
            "{} names a schema that is not effekt's",
            b.file_name
        );
        // A blank line ends the directives (Tombi needs one too).
        assert_eq!(b.text.lines().nth(1), Some(""), "{}", b.file_name);
    }
}

/// A problem one key shows on its own, which the schema must catch.
fn schema_reason(p: &Problem) -> bool {
    match p {
        Problem::UnsupportedFormat
        | Problem::MissingKey { .. }
        | Problem::MissingTable { .. }
        | Problem::WrongType { .. }
        | Problem::NotAllowed { .. }
        | Problem::UnknownKey { .. }
        | Problem::NotFinite { .. }
        | Problem::QuotedNumber { .. }
        | Problem::WholeNumberOutOfRange { .. }
        | Problem::NotWhole
        | Problem::OtherDistribution { .. }
        | Problem::TriangularNeeds { .. }
        | Problem::ListForStart => true,
        Problem::Rule(r) => {
            range_rule(r)
                || matches!(
                    r,
                    Rule::NoOutcomes
                        | Rule::SavingsShareNeeded
                        | Rule::UnitsPerPointNeeded { .. }
                        | Rule::InvalidId { .. }
                )
        }
        _ => false,
    }
}

/// A rule that bounds one number on its own.
fn range_rule(r: &Rule) -> bool {
    matches!(
        r,
        Rule::NotAShare { .. }
            | Rule::Negative { .. }
            | Rule::NotARate { .. }
            | Rule::ReturnCapRange { .. }
            | Rule::AchievementRange { .. }
            | Rule::RateRange { .. }
            | Rule::SpreadRange { .. }
            | Rule::Draws { .. }
            | Rule::StartMonth { .. }
            | Rule::Periods { .. }
            | Rule::UnitsPerPointNotPositive { .. }
            | Rule::LeverStepNotPositive { .. }
            | Rule::RampAtLeastOne
    )
}

#[test]
fn broken_files_the_loader_refuses_for_one_keys_reason_fail_the_schema() {
    let mut texts: Vec<(String, String)> = broken_cases()
        .into_iter()
        .map(|c| (c.name, c.text))
        .collect();
    texts.extend(
        super::loader::cases()
            .into_iter()
            .enumerate()
            .map(|(i, c)| (format!("loader case {i}"), c.text)),
    );
    let mut checked = 0;
    let mut failed = Vec::new();
    for (name, v) in validators() {
        for (case, text) in &texts {
            let err = scenario::parse(text, "case.toml").expect_err(case);
            let reasons: Vec<&Problem> = err
                .diagnostics
                .iter()
                .map(|d| &d.problem)
                .filter(|p| schema_reason(p))
                .collect();
            if reasons.is_empty() {
                continue;
            }
            checked += 1;
            match schema_errors(&v, text) {
                None => {}
                Some(errors) if !errors.is_empty() => {}
                Some(_) => failed.push(format!("draft {name}: {case} passes: {reasons:?}")),
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(checked >= 2 * 40, "only {checked} cases checked");
}

/// A valid scenario with every table: `[provider]`, `[assumptions]`, a
/// cost, a lever's settings and `[uncertainty]` with noise, on a flow
/// (`event = false`, normal spread) or an event outcome (triangular).
fn full_base(event: bool) -> toml::Table {
    let outcome = if event {
        event_base()
    } else {
        BASE.to_string()
    };
    let spread = if event {
        "achievement = \"triangular\"\nachievement_min = 0.2\nachievement_mode = 0.8\nachievement_max = 1.3"
    } else {
        "achievement = \"normal\"\nachievement_sd = 0.3"
    };
    let text = format!(
        "{outcome}\n[provider]\nfee_at_risk = 0.1\n\n[assumptions]\nachievement = 0.9\n\
         discount_rate = 0.04\n\n[[costs]]\nid = \"legal\"\namount = 100\nwhen = \"each_period\"\n\
         paid_by = \"payer\"\n\n[levers.achievement]\nmin = 0\nmax = 2\nstep = 0.05\n\n\
         [uncertainty]\n{spread}\ndraws = 100\nseed = 7\n\n[uncertainty.noise]\nabsence = 0.3\n"
    );
    let text = text.replace(
        "[payment]\n",
        "[payment]\nsavings_share = 0.5\nguaranteed_share = 0.1\n",
    );
    let text = text.replace(
        "return_cap = 0.08\n",
        "return_cap = 0.08\ncapital = 1000\nfirst_loss = 0.2\nhurdle_rate = 0.05\n",
    );
    scenario::parse(&text, "base.toml").unwrap_or_else(|e| panic!("{e}"));
    toml::from_str(&text).expect("TOML")
}

/// The numeric keys of the schema, as paths into a scenario (`[outcomes,
/// 0, price]`), with entries the file chooses named as in [`full_base`].
fn numeric_keys(schema: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    let is_number = |s: &Value| {
        matches!(s["type"].as_str(), Some("number" | "integer"))
            || s["anyOf"]
                .as_array()
                .is_some_and(|a| a.iter().any(|s| s["type"] == "number"))
    };
    if is_number(schema) {
        out.push(path.clone());
        return;
    }
    let object = match schema["type"].as_str() {
        Some("array") => {
            let mut p = path.clone();
            p.push("0".into());
            return numeric_keys(&schema["items"], p, out);
        }
        Some("object") => schema,
        _ => return,
    };
    for (k, s) in object["properties"].as_object().into_iter().flatten() {
        let mut p = path.clone();
        p.push(k.clone());
        numeric_keys(s, p, out);
    }
    if let Some(entry) = object.get("additionalProperties").filter(|e| e.is_object()) {
        let chosen = match path.last().map(String::as_str) {
            Some("levers") => "achievement",
            _ => "absence",
        };
        let mut p = path.clone();
        p.push(chosen.into());
        numeric_keys(entry, p, out);
    }
}

/// `table` with the value at `path` replaced (tables and array items on
/// the way must exist).
fn with_value(mut table: toml::Table, path: &[String], value: toml::Value) -> Option<toml::Table> {
    let (last, inner) = path.split_last()?;
    let mut node = &mut table;
    let mut i = 0;
    while i < inner.len() {
        let next = node.get_mut(&inner[i])?;
        node = match next {
            toml::Value::Table(t) => t,
            toml::Value::Array(a) => {
                i += 1;
                let index: usize = inner.get(i)?.parse().ok()?;
                a.get_mut(index)?.as_table_mut()?
            }
            _ => return None,
        };
        i += 1;
    }
    node.insert(last.clone(), value);
    Some(table)
}

/// The loader's key path for a path into the scenario.
fn loader_path(path: &[String]) -> String {
    let mut out = String::new();
    for p in path {
        if p.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&format!("[{p}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(p);
        }
    }
    out
}

/// Key by key and value by value: the schema refuses a number only where
/// the loader refuses the file, and wherever the loader refuses a number
/// for its range.
#[test]
fn the_schema_bounds_every_number_as_the_loader_does() {
    let schema = scenario::json_schema();
    let mut keys = Vec::new();
    numeric_keys(&schema, Vec::new(), &mut keys);
    assert!(keys.len() >= 40, "{keys:?}");
    let probes: Vec<toml::Value> = [
        "-1000000000000001",
        "-1000000000000000",
        "-1.5",
        "-1",
        "-0.5",
        "0",
        "0.5",
        "1",
        "1.0",
        "1.5",
        "2",
        "10",
        "10.5",
        "12",
        "13",
        "100",
        "100.5",
        "480",
        "481",
        "1000000",
        "1000001",
        "1000000000000000",
        "1000000000000001",
    ]
    .iter()
    .map(|t| toml::from_str::<toml::Table>(&format!("v = {t}")).unwrap()["v"].clone())
    .collect();
    let mut failed = Vec::new();
    let mut refused_by_both = 0;
    for (draft, v) in validators() {
        for event in [false, true] {
            let base = full_base(event);
            for key in &keys {
                let lists: Vec<bool> = if key
                    .last()
                    .is_some_and(|k| ["cost", "intake", "amount"].contains(&k.as_str()))
                {
                    vec![false, true]
                } else {
                    vec![false]
                };
                for probe in &probes {
                    for &list in &lists {
                        let value = if list {
                            toml::Value::Array(vec![probe.clone(), probe.clone()])
                        } else {
                            probe.clone()
                        };
                        let Some(table) = with_value(base.clone(), key, value) else {
                            continue;
                        };
                        let text = toml::to_string(&table).unwrap();
                        let at = loader_path(key);
                        let pointer = format!("/{}", key.join("/"));
                        let loaded = scenario::parse(&text, "probe.toml");
                        let range_refused = loaded.as_ref().err().is_some_and(|e| {
                            e.diagnostics.iter().any(|d| {
                                (d.key == at || d.key.starts_with(&format!("{at}[")))
                                    && match &d.problem {
                                        Problem::Rule(r) => range_rule(r),
                                        Problem::WholeNumberOutOfRange { .. }
                                        | Problem::NotWhole
                                        | Problem::NumberOutOfRange { .. } => true,
                                        _ => false,
                                    }
                            })
                        });
                        let errors = schema_errors(&v, &text).expect("TOML");
                        let schema_refused = errors.iter().any(|(p, _)| p.starts_with(&pointer));
                        let case = format!(
                            "draft {draft}, event {event}: {at} = {probe}{}",
                            if list { " (list)" } else { "" }
                        );
                        if schema_refused && loaded.is_ok() {
                            failed.push(format!(
                                "{case}: the schema refuses a valid file: {errors:?}"
                            ));
                        }
                        if range_refused && !schema_refused {
                            failed.push(format!(
                                "{case}: the loader refuses it, the schema does not"
                            ));
                        }
                        refused_by_both += usize::from(range_refused && schema_refused);
                    }
                }
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(refused_by_both > 100, "{refused_by_both}");
}
