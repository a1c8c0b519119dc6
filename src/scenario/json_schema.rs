//! The JSON Schema of the scenario format, for editors (Taplo / Even Better
//! TOML complete and check keys with it) and `effekt schema`.
//!
//! It is made from the format as the loader's readers record it
//! (`keys.rs`): every table and key with its type, its allowed names, its
//! default, whether it is required, and `additionalProperties: false`
//! wherever the loader refuses unknown keys. Descriptions are the rows of
//! `docs/scenario-format.md`. The value ranges validation enforces on
//! single keys are [`RANGES`] here (a test checks them against the loader
//! value by value), and a few rules within one table are [`conditions`].
//!
//! The schema says it is draft 2020-12 and uses only keywords that mean
//! the same in draft 7, which Taplo's validator applies.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

use super::keys::{ANY_KEY, DefaultValue, Format, FormatKey, KeyKind, format, join, sentence};
use super::toml_reader::MAX_MAGNITUDE;

/// The draft the schema declares.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A range of numbers: each end with whether it is excluded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Option<(Decimal, bool)>,
    pub max: Option<(Decimal, bool)>,
}

const fn at_least(min: u32) -> Bounds {
    Bounds {
        min: Some((Decimal::from_parts(min, 0, 0, false, 0), false)),
        max: None,
    }
}

const fn within(min: u32, max: u32) -> Bounds {
    Bounds {
        min: Some((Decimal::from_parts(min, 0, 0, false, 0), false)),
        max: Some((Decimal::from_parts(max, 0, 0, false, 0), false)),
    }
}

const NOT_NEGATIVE: Bounds = at_least(0);
const SHARE: Bounds = within(0, 1);
const POSITIVE: Bounds = Bounds {
    min: Some((Decimal::ZERO, true)),
    max: None,
};
/// Above −1, at most 1: a discount or hurdle rate.
const RATE: Bounds = Bounds {
    min: Some((Decimal::NEGATIVE_ONE, true)),
    max: Some((Decimal::ONE, false)),
};
const ACHIEVEMENT: Bounds = within(0, 10);
/// An event outcome's level, in per cent.
const PER_CENT: Bounds = within(0, 100);

/// The ranges validation (`validate.rs`) enforces on single keys, by key
/// path; a list (`delivery.cost`) has the range on each of its numbers.
pub const RANGES: &[(&str, Bounds)] = &[
    ("cohort.size", NOT_NEGATIVE),
    ("cohort.intake", NOT_NEGATIVE),
    ("delivery.cost", NOT_NEGATIVE),
    ("outcomes[].price", NOT_NEGATIVE),
    ("outcomes[].value", NOT_NEGATIVE),
    ("outcomes[].payer_value_share", SHARE),
    ("outcomes[].payer_cash_share", SHARE),
    ("payment.savings_share", SHARE),
    ("payment.cap", NOT_NEGATIVE),
    ("payment.guaranteed_share", SHARE),
    ("payment.cofunder_share", SHARE),
    ("payment.excess_investor_share", SHARE),
    ("investment.capital", NOT_NEGATIVE),
    ("investment.return_cap", SHARE),
    ("investment.first_loss", SHARE),
    ("investment.hurdle_rate", RATE),
    ("provider.fee_at_risk", SHARE),
    ("assumptions.achievement", ACHIEVEMENT),
    ("assumptions.discount_rate", RATE),
    ("costs[].amount", NOT_NEGATIVE),
    ("levers.*.step", POSITIVE),
    ("uncertainty.achievement_sd", ACHIEVEMENT),
    ("uncertainty.achievement_min", ACHIEVEMENT),
    ("uncertainty.achievement_mode", ACHIEVEMENT),
    ("uncertainty.achievement_max", ACHIEVEMENT),
    ("uncertainty.noise.*", NOT_NEGATIVE),
];

/// The levels of an event outcome, per cent of the intake (validation's
/// rule for `kind = "event"`).
pub const EVENT_LEVELS: [&str; 4] = ["baseline", "target", "expected", "threshold"];

/// The ids validation checks the letters of (`[a-z0-9_]+`); that they are
/// unique the schema cannot say.
pub const IDS: [&str; 2] = ["outcomes[].id", "costs[].id"];

/// The pattern of an id.
const ID_PATTERN: &str = "^[a-z0-9_]+$";

/// The range a key path has, if any.
pub fn range_of(path: &str) -> Option<Bounds> {
    RANGES.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}

fn number(d: Decimal) -> Value {
    match d.to_i64() {
        Some(i) if d.fract().is_zero() => json!(i),
        _ => json!(d.to_f64().unwrap_or(0.0)),
    }
}

/// A number schema: within the magnitude every number has, and `bounds`.
fn number_schema(bounds: Option<Bounds>, whole: Option<(i64, i64)>) -> Value {
    let limit = Decimal::from(MAX_MAGNITUDE);
    let mut min = (-limit, false);
    let mut max = (limit, false);
    if let Some((lo, hi)) = whole {
        min = (min.0.max(Decimal::from(lo)), false);
        max = (max.0.min(Decimal::from(hi)), false);
    }
    if let Some(b) = bounds {
        if let Some(lo) = b.min.filter(|lo| lo.0 >= min.0) {
            min = lo;
        }
        if let Some(hi) = b.max.filter(|hi| hi.0 <= max.0) {
            max = hi;
        }
    }
    let mut s = Map::new();
    s.insert(
        "type".into(),
        json!(if whole.is_some() { "integer" } else { "number" }),
    );
    let (lo_key, hi_key) = (
        if min.1 { "exclusiveMinimum" } else { "minimum" },
        if max.1 { "exclusiveMaximum" } else { "maximum" },
    );
    s.insert(lo_key.into(), number(min.0));
    s.insert(hi_key.into(), number(max.0));
    Value::Object(s)
}

fn default_value(d: &DefaultValue) -> Value {
    match d {
        DefaultValue::Text(t) | DefaultValue::Choice(t) => json!(t),
        DefaultValue::Number(n) => number(*n),
        DefaultValue::Whole(n) => json!(n),
        DefaultValue::Bool(b) => json!(b),
    }
}

/// A key's description: its meaning, allowed values, default and example
/// as the docs give them.
fn description(k: &FormatKey) -> Option<String> {
    let doc = k.doc.as_ref()?;
    let mut text = sentence(&doc.meaning);
    let mut facts = Vec::new();
    if !doc.allowed.is_empty() {
        facts.push(format!("Allowed: {}.", doc.allowed));
    }
    if !doc.default.is_empty() {
        facts.push(format!("Default: {}.", doc.default));
    }
    if !facts.is_empty() {
        text.push_str("\n\n");
        text.push_str(&facts.join(" "));
    }
    if !doc.example.is_empty() {
        text.push_str(&format!("\n\nExample: {}", doc.example));
    }
    Some(text)
}

/// The schema of one key.
fn key_schema(f: &Format, k: &FormatKey) -> Value {
    let path = k.path();
    let bounds = range_of(&path);
    let mut s = match &k.kind {
        KeyKind::Text => json!({ "type": "string" }),
        KeyKind::Bool => json!({ "type": "boolean" }),
        KeyKind::Number => number_schema(bounds, None),
        KeyKind::Whole { min, max } => number_schema(bounds, Some((*min, *max))),
        KeyKind::Choice(names) => json!({ "type": "string", "enum": names }),
        KeyKind::Literal(text) => json!({ "const": text.parse::<i64>().unwrap_or(0) }),
        KeyKind::NumberOrList => {
            let n = number_schema(bounds, None);
            json!({ "anyOf": [n.clone(), { "type": "array", "items": n }] })
        }
        KeyKind::TextList => json!({ "type": "array", "items": { "type": "string" } }),
        KeyKind::Table => table_schema(f, &path),
        KeyKind::Tables => {
            let mut s = json!({ "type": "array", "items": table_schema(f, &format!("{path}[]")) });
            if k.required {
                s["minItems"] = json!(1);
            }
            s
        }
    };
    if IDS.contains(&path.as_str()) {
        s["pattern"] = json!(ID_PATTERN);
    }
    if let Some(d) = &k.default {
        s["default"] = default_value(d);
    }
    if let Some(text) = description(k) {
        s["description"] = json!(text);
    }
    s
}

/// The schema of the table at `path`.
fn table_schema(f: &Format, path: &str) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut entry = None;
    for k in f.keys.iter().filter(|k| k.table == path) {
        if k.key == ANY_KEY {
            entry = Some(key_schema(f, k));
            continue;
        }
        properties.insert(k.key.to_string(), key_schema(f, k));
        if k.required {
            required.push(k.key);
        }
    }
    let table = f.table(path);
    let mut s = json!({ "type": "object", "properties": properties });
    let any = join(path, ANY_KEY);
    if f.table(&any).is_some() {
        entry = Some(table_schema(f, &any));
    }
    if let Some(entry) = entry {
        s["additionalProperties"] = entry;
    } else if table.is_some_and(|t| t.closed) {
        s["additionalProperties"] = json!(false);
    }
    if !required.is_empty() {
        s["required"] = json!(required);
        s["x-taplo"] = json!({ "initKeys": required });
    }
    if let Some(about) = table.map(|t| &t.about).filter(|a| !a.is_empty()) {
        s["description"] = json!(sentence(about));
    }
    let rules = conditions(path);
    if !rules.is_empty() {
        s["allOf"] = Value::Array(rules);
    }
    s
}

/// `if` the key `key` is the string `value`.
fn when(key: &str, value: &str) -> Value {
    json!({ "properties": { key: { "const": value } }, "required": [key] })
}

/// The rules within one table that the schema checks beyond single keys:
/// event levels in per cent and `units_per_point` for flow outcomes; the
/// savings share of `share_of_savings`; the keys of each distribution of
/// `[uncertainty]`; one amount for a cost paid at the start.
pub fn conditions(table: &str) -> Vec<Value> {
    match table {
        "outcomes[]" => {
            let levels: Map<String, Value> = EVENT_LEVELS
                .iter()
                .map(|k| (k.to_string(), number_schema(Some(PER_CENT), None)))
                .collect();
            vec![json!({
                "if": when("kind", "event"),
                "then": { "properties": levels },
                "else": {
                    "properties": { "units_per_point": number_schema(Some(POSITIVE), None) },
                    "required": ["units_per_point"],
                },
            })]
        }
        "payment" => vec![json!({
            "if": when("mechanism", "share_of_savings"),
            "then": { "required": ["savings_share"] },
        })],
        "uncertainty" => vec![json!({
            "if": when("achievement", "triangular"),
            "then": {
                "required": ["achievement_min", "achievement_max"],
                "properties": { "achievement_sd": false },
            },
            "else": {
                "properties": {
                    "achievement_min": false,
                    "achievement_mode": false,
                    "achievement_max": false,
                },
            },
        })],
        "costs[]" => vec![json!({
            "if": when("when", "start"),
            "then": { "properties": { "amount": { "type": "number" } } },
        })],
        _ => Vec::new(),
    }
}

/// The JSON Schema of the scenario format.
pub fn json_schema() -> Value {
    let f = format();
    let mut s = table_schema(f, "");
    let root = s.as_object_mut().expect("the top level is an object");
    root.insert("$schema".into(), json!(DRAFT));
    root.insert("title".into(), json!("effekt scenario (format 1)"));
    root.insert(
        "description".into(),
        json!(
            "An outcome contract (effektkontrakt) for effekt, written as TOML. \
             Every key is described in docs/scenario-format.md; `effekt check` \
             checks the rules between keys that this schema does not."
        ),
    );
    s
}

/// [`json_schema`] as `effekt schema` prints it and
/// `schema/scenario.schema.json` holds it: pretty, with a final newline.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranges and rules name keys the loader reads.
    #[test]
    fn ranges_and_rules_name_keys_of_the_format() {
        let f = format();
        for path in IDS {
            assert_eq!(f.key(path).map(|k| &k.kind), Some(&KeyKind::Text), "{path}");
        }
        for (path, _) in RANGES {
            let k = f.key(path).unwrap_or_else(|| panic!("{path} is no key"));
            assert!(
                matches!(
                    k.kind,
                    KeyKind::Number | KeyKind::NumberOrList | KeyKind::Whole { .. }
                ),
                "{path} is no number"
            );
        }
        let named = |v: &Value, out: &mut Vec<String>| {
            fn walk(v: &Value, out: &mut Vec<String>) {
                match v {
                    Value::Object(m) => {
                        for (k, v) in m {
                            if k == "properties" {
                                out.extend(
                                    v.as_object().into_iter().flat_map(|p| p.keys().cloned()),
                                );
                            }
                            if k == "required" {
                                out.extend(
                                    v.as_array()
                                        .into_iter()
                                        .flatten()
                                        .filter_map(|s| s.as_str().map(str::to_string)),
                                );
                            }
                            walk(v, out);
                        }
                    }
                    Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                    _ => {}
                }
            }
            walk(v, out)
        };
        for table in ["outcomes[]", "payment", "uncertainty", "costs[]"] {
            let mut keys = Vec::new();
            for rule in conditions(table) {
                named(&rule, &mut keys);
            }
            assert!(!keys.is_empty(), "{table}");
            for k in keys {
                assert!(f.key(&join(table, &k)).is_some(), "{table}.{k} is no key");
            }
        }
    }

    #[test]
    fn the_schema_has_every_key_with_its_type_default_and_words() {
        let s = json_schema();
        assert_eq!(s["$schema"], DRAFT);
        assert_eq!(s["additionalProperties"], false);
        let outcome = &s["properties"]["outcomes"]["items"];
        assert_eq!(s["properties"]["outcomes"]["minItems"], 1);
        assert_eq!(outcome["additionalProperties"], false);
        assert_eq!(
            outcome["properties"]["kind"]["enum"],
            json!(["flow", "event"])
        );
        assert_eq!(outcome["properties"]["kind"]["default"], "flow");
        assert_eq!(outcome["properties"]["price"]["minimum"], 0);
        assert!(
            outcome["properties"]["price"]["description"]
                .as_str()
                .unwrap()
                .starts_with("Money per payable unit")
        );
        let share = &s["properties"]["payment"]["properties"]["cofunder_share"];
        assert_eq!(
            (&share["minimum"], &share["maximum"]),
            (&json!(0), &json!(1))
        );
        assert_eq!(
            s["properties"]["timeline"]["properties"]["periods"],
            json!({
                "type": "integer", "minimum": 1, "maximum": 480,
                "description": s["properties"]["timeline"]["properties"]["periods"]["description"],
            })
        );
        let seed = &s["properties"]["uncertainty"]["properties"]["seed"];
        assert_eq!(seed["maximum"], json!(MAX_MAGNITUDE));
        let step = &s["properties"]["levers"]["additionalProperties"]["properties"]["step"];
        assert_eq!(step["exclusiveMinimum"], 0);
        let noise = &s["properties"]["uncertainty"]["properties"]["noise"];
        assert_eq!(noise["additionalProperties"]["minimum"], 0);
        assert_eq!(s["properties"]["format"]["const"], 1);
        assert_eq!(
            s["required"],
            json!([
                "format",
                "scenario",
                "timeline",
                "parties",
                "delivery",
                "outcomes",
                "payment",
                "investment"
            ])
        );
    }
}
