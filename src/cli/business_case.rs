//! `effekt report FILE --site ID [--variant NAME] [--format md|csv] [-o
//! PATH]`: one municipality's business case (`crate::report::business_case`).

use std::path::Path;

use super::{Failure, Output, ReportFormat, exit, find_variants, output};
use crate::catalog;
use crate::format::Lang;
use crate::i18n::{self, sites};
use crate::model;
use crate::report::{self, Case, business_case};
use crate::store;

/// The business case of the site `id`, with the levers of the variant
/// when one is named (at most one).
pub fn business_case(
    lang: Lang,
    out: &mut Output,
    file: &str,
    id: &str,
    variants: &[String],
    format: ReportFormat,
    output_path: Option<&Path>,
) -> Result<u8, Failure> {
    let t = sites::case_texts(lang);
    if format == ReportFormat::Json {
        return Err(Failure::Usage(t.json_refused.to_string()));
    }
    if variants.len() > 1 {
        return Err(Failure::Usage(t.one_variant.to_string()));
    }
    let variant = variants.first().map(String::as_str);
    let loaded = catalog::open(file)?;
    if loaded.scenario.sites.is_empty() {
        return Err(Failure::Input(t.no_sites_cli.to_string()));
    }
    let index = business_case::find_site(&loaded.scenario, id).map_err(|suggestion| {
        let ids: Vec<&str> = loaded
            .scenario
            .sites
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        Failure::Input(sites::unknown_site(lang, id, suggestion.as_deref(), &ids))
    })?;
    let scenario = match find_variants(lang, &loaded, variants)?.first() {
        Some(v) => {
            let applied = store::apply(v, &loaded);
            for p in applied.issues() {
                let text = i18n::errors::variant_problem(lang, &p);
                output::warn(lang, &i18n::cli::of_variant(lang, &v.name, &text));
            }
            applied.scenario
        }
        None => loaded.scenario.clone(),
    };
    let evaluation = model::evaluate(&scenario);
    let Some(case) = Case::new(&scenario, &evaluation, index, variant) else {
        return Err(Failure::Input(sites::unknown_site(lang, id, None, &[])));
    };
    let text = match format {
        ReportFormat::Csv => report::business_case_csv(lang, &case),
        _ => report::business_case_markdown(lang, &case),
    };
    match output_path.filter(|p| p.as_os_str() != "-") {
        None => out.text(&text)?,
        Some(path) => {
            super::write_named(lang, path, text.as_bytes())?;
            output::stderr(&i18n::variant_text::exported(
                lang,
                &path.display().to_string(),
            ));
        }
    }
    Ok(exit::OK)
}
