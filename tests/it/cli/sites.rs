//! `effekt report FILE --site ID`: a municipality's business case from the
//! real binary — both formats and languages, a file, the levers of a
//! variant, and what is refused with which exit code.

use super::{Temp, effekt, effekt_with_data};

const SITES: &str = "tests/fixtures/sites_example.toml";

#[test]
fn site_report_in_markdown_and_csv() {
    let out = effekt(&["report", SITES, "--site", "bydal"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("# Bydal kommune: beslutningsgrunnlag")
    );
    assert!(out.stdout.contains("**1 001 250 kr**"), "{}", out.stdout);
    let out = effekt(&["report", SITES, "--site", "strand", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("The municipality's own cap: NOK 400,000")
    );
    let out = effekt(&["report", SITES, "--site", "aas", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("site,section,item,label,period,value\n")
    );
    assert!(out.stdout.lines().skip(1).all(|l| l.starts_with("aas,")));
}

#[test]
fn site_report_to_a_file_says_where() {
    let dir = Temp::new("site-report");
    let path = dir.path().join("bydal.md");
    let p = path.display().to_string();
    let out = effekt(&["report", SITES, "--site", "bydal", "-o", &p]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(&p), "{}", out.stderr);
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Bydal kommune"));
}

#[test]
fn site_report_with_a_variant_uses_its_levers() {
    let data = Temp::new("site-variant");
    let out = effekt_with_data(
        data.path(),
        &["save", SITES, "Ingen i Strand", "--set", "effect.strand=0"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = effekt_with_data(
        data.path(),
        &[
            "report",
            SITES,
            "--site",
            "strand",
            "--variant",
            "Ingen i Strand",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("variant «Ingen i Strand»"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Resultatbetalinger for kommunen | 0 | 0 | 0 | 0 |"),
        "{}",
        out.stdout
    );
    // A variant that is not saved: the usual error, exit 1.
    let out = effekt_with_data(
        data.path(),
        &["report", SITES, "--site", "strand", "--variant", "Nei"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn site_report_refusals_and_exit_codes() {
    // A typo: did you mean, exit 1.
    let out = effekt(&["report", SITES, "--site", "bydl"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("ukjent kommune `bydl`; mente du `bydal`?"),
        "{}",
        out.stderr
    );
    let out = effekt(&["report", SITES, "--site", "oslo", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("unknown municipality `oslo`; the municipalities are: aas, bydal, strand"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
    // A scenario without sites.
    let out = effekt(&["report", super::WORKED, "--site", "aas", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("has no municipalities"),
        "{}",
        out.stderr
    );
    // JSON and two variants are not what --site writes: exit 2.
    let out = effekt(&["report", SITES, "--site", "aas", "--format", "json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = effekt(&[
        "report",
        SITES,
        "--site",
        "aas",
        "--variant",
        "a",
        "--variant",
        "b",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // --site needs an id.
    let out = effekt(&["report", SITES, "--site"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_new_pilot_with_sites_gets_a_page_per_municipality() {
    // The recruitment pilot's municipalities (event outcomes: their own
    // intakes), each municipality's page. (The bundled pilot has its
    // municipalities; `effekt new --sites` is tested in cli::new.)
    let file = "rekruttering".to_string();
    let mut fees = Vec::new();
    for id in ["storby", "mellomby", "tettsted", "bygd"] {
        let out = effekt(&["report", &file, "--site", id, "--format", "csv"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let fee: f64 = out
            .stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{id},budget,fees,")))
            .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
            .sum();
        fees.push(fee);
        let md = effekt(&["report", &file, "--site", id, "--lang", "en"]);
        assert_eq!(md.code, 0, "{}", md.stderr);
        assert!(
            md.stdout.contains("percentage points better"),
            "{}",
            md.stdout
        );
    }
    // The fees are split between them (each pays some, none all).
    assert!(fees.iter().all(|f| *f < 0.0), "{fees:?}");
}

#[test]
fn without_any_cap_the_page_says_there_is_no_upper_bound() {
    let dir = Temp::new("site-nocap");
    let text = std::fs::read_to_string(SITES)
        .unwrap()
        .replace("cap = 2_000_000", "")
        .replace("cap = 400_000", "");
    // Without caps the formula still bounds it: the target every period,
    // 450 days × 600 × 3 = 810 000, the payer's 75 % and its fees.
    let bounded = dir.write("nocap.toml", &text);
    let out = effekt(&["report", &bounded, "--site", "strand"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("**667 500 kr**"), "{}", out.stdout);
    // Paying beyond the target, nothing does.
    let text = text.replace(
        "payer_value_share = 0.6",
        "payer_value_share = 0.6\npay_beyond_target = true",
    );
    let file = dir.write("beyond.toml", text);
    let out = effekt(&["report", &file, "--site", "strand", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("**No upper bound: neither the contract nor the municipality caps the outcome payments.**"),
        "{}",
        out.stdout
    );
    let out = effekt(&["report", &file, "--site", "strand", "--format", "csv"]);
    assert!(
        out.stdout
            .contains("strand,figure,max_commitment,Høyeste mulige forpliktelse,,\n"),
        "{}",
        out.stdout
    );
}
