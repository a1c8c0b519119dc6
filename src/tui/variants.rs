//! Saved variants in the workshop: save (`s`), the variant list (`v`:
//! open, rename, duplicate, delete, pick for comparison), notes (`n`), the
//! comparison (`c`) and report export (`e`). State is plain data; the
//! store is only touched from [`handle`], called by `update`.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::action::Action;
use super::app::{App, Confirm, Message, MessageKind, Screen, Workshop};
use crate::catalog::Loaded;
use crate::format::Lang;
use crate::i18n::{self, variant_text};
use crate::model::{self, Figures, PayoffPoint, RiskRow};
use crate::report;
use crate::scenario::Scenario;
use crate::store::{self, Listing, Store, StoreError, Variant};

/// The most variants the comparison shows beside the base.
pub const MAX_COMPARED: usize = crate::cli::MAX_VARIANTS;

/// Longest name or note typed.
const INPUT_MAX: usize = 200;

/// What a text prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// The name to save the current levers under.
    SaveName,
    /// A new name for the variant.
    Rename(String),
    /// The name of a copy of the variant.
    Duplicate(String),
    /// A note on the open variant.
    Note,
}

/// A one-line text prompt (names and notes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub kind: InputKind,
    pub text: String,
    /// Why the last text was refused; the prompt stays open.
    pub error: Option<String>,
}

/// The variant list overlay (`v`).
#[derive(Debug, Clone)]
pub struct VariantList {
    pub listing: Vec<ListedVariant>,
    /// Files that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    pub selected: usize,
    /// Where the variants live, shown in the overlay.
    pub folder: String,
}

/// A saved variant as the list shows it.
#[derive(Debug, Clone)]
pub struct ListedVariant {
    pub variant: Variant,
    /// The scenario file changed since the variant was saved.
    pub scenario_changed: bool,
    /// Picked for the comparison.
    pub compared: bool,
}

/// Which payoff curve the comparison chart overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareMetric {
    #[default]
    Payments,
    InvestorNet,
    PayerNpv,
}

/// What the compare screen shows at narrow sizes: the table, or the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareView {
    #[default]
    Table,
    Chart,
}

/// One column of the comparison, computed when the comparison is built.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareColumn {
    /// `None` for the base scenario.
    pub name: Option<String>,
    pub scenario: Scenario,
    pub figures: Figures,
    pub risk: Vec<RiskRow>,
    pub payoff: Vec<PayoffPoint>,
    /// What did not fit when the variant was applied.
    pub problems: Vec<String>,
}

/// The comparison: which variants, their computed columns, and the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Variants picked in the list (Space); empty: the first four saved.
    pub picked: Vec<String>,
    /// Computed columns, base first; `None` when they must be rebuilt.
    pub columns: Option<Vec<CompareColumn>>,
    pub metric: CompareMetric,
    pub view: CompareView,
    pub row: usize,
    pub col: usize,
}

/// The variant-related state of an open scenario.
#[derive(Debug, Clone, Default)]
pub struct VariantState {
    /// The text of the scenario file (its hash is saved with variants).
    pub source_text: String,
    /// The variant opened or saved last: notes go to it.
    pub open: Option<String>,
    pub compare: Comparison,
}

fn say(app: &mut App, kind: MessageKind, text: String) {
    app.message = Some(Message { kind, text });
}

fn loaded(ws: &Workshop) -> Loaded {
    Loaded {
        scenario: ws.base.clone(),
        text: ws.variants.source_text.clone(),
        origin: crate::catalog::Origin::Bundled(""),
    }
}

fn store_error(lang: Lang, e: &StoreError) -> String {
    variant_text::store_error(lang, &e.to_string())
}

/// Builds the list overlay's content from the store.
fn list(store: &Store, ws: &Workshop) -> VariantList {
    let Listing { variants, problems } = store.list(&ws.base.info.id);
    let hash = store::scenario_hash(&ws.variants.source_text);
    let picked = &ws.variants.compare.picked;
    VariantList {
        listing: variants
            .into_iter()
            .map(|(_, v)| ListedVariant {
                scenario_changed: v.scenario_hash != hash,
                compared: picked.contains(&v.name),
                variant: v,
            })
            .collect(),
        problems,
        selected: 0,
        folder: store.dir().display().to_string(),
    }
}

/// The variants the comparison shows: those picked, else the first saved.
fn compared(store: &Store, ws: &Workshop) -> (Vec<Variant>, Vec<(PathBuf, String)>) {
    let Listing { variants, problems } = store.list(&ws.base.info.id);
    let picked = &ws.variants.compare.picked;
    let chosen: Vec<Variant> = if picked.is_empty() {
        variants
            .into_iter()
            .map(|(_, v)| v)
            .take(MAX_COMPARED)
            .collect()
    } else {
        variants
            .into_iter()
            .map(|(_, v)| v)
            .filter(|v| picked.contains(&v.name))
            .take(MAX_COMPARED)
            .collect()
    };
    (chosen, problems)
}

/// Computes the comparison's columns (base first).
pub fn build_columns(ws: &Workshop, variants: &[Variant]) -> Vec<CompareColumn> {
    let base = loaded(ws);
    report::columns(&base, variants)
        .into_iter()
        .map(|c| CompareColumn {
            payoff: model::payoff_curve(
                &c.scenario,
                super::app::PAYOFF_MAX,
                super::app::PAYOFF_POINTS,
            ),
            name: c.variant,
            scenario: c.scenario,
            figures: c.figures,
            risk: c.risk,
            problems: c.problems,
        })
        .collect()
}

/// Rebuilds the comparison when the compare screen shows and it is stale.
pub fn refresh(app: &mut App) {
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    if ws.screen != Screen::Compare || ws.variants.compare.columns.is_some() {
        return;
    }
    let (chosen, problems) = match &app.store {
        Some(store) => compared(store, ws),
        None => (Vec::new(), Vec::new()),
    };
    ws.variants.compare.columns = Some(build_columns(ws, &chosen));
    ws.variants.compare.row = 0;
    ws.variants.compare.col = 0;
    if let Some((path, reason)) = problems.first() {
        let text = variant_text::skipped(app.lang, &path.display().to_string(), reason);
        say(app, MessageKind::Warning, text);
    }
}

fn invalidate(app: &mut App) {
    if let Some(ws) = app.workshop.as_deref_mut() {
        ws.variants.compare.columns = None;
    }
}

fn open_input(app: &mut App, kind: InputKind, text: String) {
    app.input = Some(TextInput {
        kind,
        text,
        error: None,
    });
}

/// Applies a variant action. Returns `false` for actions it does not handle.
pub fn handle(app: &mut App, action: Action) -> bool {
    let lang = app.lang;
    let t = i18n::variant(lang);
    match action {
        Action::SaveVariant => {
            let Some(ws) = app.workshop.as_deref() else {
                return true;
            };
            let name = ws.variants.open.clone().unwrap_or_default();
            open_input(app, InputKind::SaveName, name);
        }
        Action::AddNote => {
            let open = app
                .workshop
                .as_deref()
                .and_then(|ws| ws.variants.open.clone());
            match open {
                Some(_) => open_input(app, InputKind::Note, String::new()),
                None => say(app, MessageKind::Warning, t.note_needs_variant.to_string()),
            }
        }
        Action::OpenVariants => {
            let (Some(store), Some(ws)) = (&app.store, app.workshop.as_deref()) else {
                say(app, MessageKind::Error, t.no_store.to_string());
                return true;
            };
            app.variant_list = Some(list(store, ws));
        }
        Action::ExportReport => export(app),
        Action::CompareMetric => {
            let wide = app
                .workshop
                .as_deref()
                .is_some_and(|ws| super::ui::compare::is_wide(app, ws));
            if let Some(ws) = app.workshop.as_deref_mut() {
                let c = &mut ws.variants.compare;
                // Wide: table and chart show together, `m` changes the curve.
                // Narrow: table → chart of each curve → table.
                (c.view, c.metric) = match (wide, c.view, c.metric) {
                    (true, _, m) => (CompareView::Table, next_metric(m)),
                    (false, CompareView::Table, _) => (CompareView::Chart, CompareMetric::Payments),
                    (false, CompareView::Chart, CompareMetric::PayerNpv) => {
                        (CompareView::Table, CompareMetric::Payments)
                    }
                    (false, CompareView::Chart, m) => (CompareView::Chart, next_metric(m)),
                };
            }
        }
        Action::ListClose => app.variant_list = None,
        Action::ListPrev | Action::ListNext => {
            if let Some(l) = app.variant_list.as_mut()
                && !l.listing.is_empty()
            {
                let n = l.listing.len();
                l.selected = if action == Action::ListPrev {
                    (l.selected + n - 1) % n
                } else {
                    (l.selected + 1) % n
                };
            }
        }
        Action::ListOpen => open_selected(app),
        Action::ListRename | Action::ListDuplicate => {
            if let Some(name) = selected_name(app) {
                let kind = if action == Action::ListRename {
                    InputKind::Rename(name.clone())
                } else {
                    InputKind::Duplicate(name.clone())
                };
                let text = if action == Action::ListRename {
                    name
                } else {
                    variant_text::copy_name(lang, &name)
                };
                open_input(app, kind, text);
            }
        }
        Action::ListDelete => {
            if let Some(name) = selected_name(app) {
                app.confirm = Some(Confirm::DeleteVariant(name));
            }
        }
        Action::ListNote => {
            if let Some(name) = selected_name(app) {
                if let Some(ws) = app.workshop.as_deref_mut() {
                    ws.variants.open = Some(name);
                }
                open_input(app, InputKind::Note, String::new());
            }
        }
        Action::ListToggleCompare => toggle_compare(app),
        _ => return false,
    }
    true
}

fn selected_name(app: &App) -> Option<String> {
    let l = app.variant_list.as_ref()?;
    l.listing.get(l.selected).map(|v| v.variant.name.clone())
}

fn toggle_compare(app: &mut App) {
    let lang = app.lang;
    let Some(l) = app.variant_list.as_mut() else {
        return;
    };
    if l.selected >= l.listing.len() {
        return;
    }
    let picked = l.listing.iter().filter(|v| v.compared).count();
    let item = &mut l.listing[l.selected];
    if !item.compared && picked >= MAX_COMPARED {
        let text = variant_text::compare_full(lang, MAX_COMPARED);
        say(app, MessageKind::Warning, text);
        return;
    }
    item.compared = !item.compared;
    let names: Vec<String> = l
        .listing
        .iter()
        .filter(|v| v.compared)
        .map(|v| v.variant.name.clone())
        .collect();
    if let Some(ws) = app.workshop.as_deref_mut() {
        ws.variants.compare.picked = names;
        ws.variants.compare.columns = None;
    }
}

fn open_selected(app: &mut App) {
    let lang = app.lang;
    let Some(l) = app.variant_list.as_ref() else {
        return;
    };
    let Some(item) = l.listing.get(l.selected) else {
        return;
    };
    let v = item.variant.clone();
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    let applied = store::apply(&v, &loaded(ws));
    if applied.scenario != ws.current {
        ws.apply(applied.scenario.clone());
    }
    ws.variants.open = Some(v.name.clone());
    app.variant_list = None;
    let problems = applied.problems();
    if problems.is_empty() {
        say(app, MessageKind::Info, variant_text::opened(lang, &v.name));
    } else {
        let text = variant_text::opened_with(lang, &v.name, &problems.join("; "));
        say(app, MessageKind::Warning, text);
    }
}

/// Handles typed text while a text prompt is open. Returns `false` when no
/// text prompt is open.
pub fn input_action(app: &mut App, action: Action) -> bool {
    let Some(input) = app.input.as_mut() else {
        return false;
    };
    match action {
        Action::PromptChar(c) if input.text.chars().count() < INPUT_MAX => {
            input.text.push(c);
            input.error = None;
        }
        Action::PromptBackspace => {
            input.text.pop();
            input.error = None;
        }
        Action::PromptCancel => app.input = None,
        Action::PromptAccept => accept(app),
        _ => {}
    }
    true
}

fn refuse(app: &mut App, text: String) {
    if let Some(input) = app.input.as_mut() {
        input.error = Some(text.clone());
    }
    say(app, MessageKind::Error, text);
}

fn accept(app: &mut App) {
    let lang = app.lang;
    let t = i18n::variant(lang);
    let Some(input) = app.input.clone() else {
        return;
    };
    let text = input.text.trim().to_string();
    if text.is_empty() {
        let msg = match input.kind {
            InputKind::Note => t.note_empty,
            _ => t.name_empty,
        };
        refuse(app, msg.to_string());
        return;
    }
    let Some(store) = app.store.clone() else {
        refuse(app, t.no_store.to_string());
        return;
    };
    let Some(ws) = app.workshop.as_deref() else {
        app.input = None;
        return;
    };
    let id = ws.base.info.id.clone();
    let result = match &input.kind {
        InputKind::SaveName => {
            if store.find(&id, &text).is_ok() {
                app.input = None;
                app.confirm = Some(Confirm::OverwriteVariant(text));
                return;
            }
            save(app, &store, &text, false);
            return;
        }
        InputKind::Rename(old) => store
            .rename(&id, old, &text)
            .map(|_| variant_text::renamed(lang, old, &text)),
        InputKind::Duplicate(old) => store
            .duplicate(&id, old, &text)
            .map(|_| variant_text::duplicated(lang, old, &text)),
        InputKind::Note => {
            let name = ws.variants.open.clone().unwrap_or_default();
            store
                .add_note(&id, &name, &text)
                .map(|_| variant_text::noted(lang, &name))
        }
    };
    match result {
        Ok(msg) => {
            app.input = None;
            if let (InputKind::Rename(old), Some(ws)) = (&input.kind, app.workshop.as_deref_mut()) {
                if ws.variants.open.as_deref() == Some(old.as_str()) {
                    ws.variants.open = Some(text.clone());
                }
                for p in ws.variants.compare.picked.iter_mut() {
                    if p == old {
                        *p = text.clone();
                    }
                }
            }
            after_store_change(app);
            say(app, MessageKind::Info, msg);
        }
        Err(e) => refuse(app, store_error(lang, &e)),
    }
}

/// Saves the current levers under `name`.
pub fn save(app: &mut App, store: &Store, name: &str, overwrite: bool) {
    let lang = app.lang;
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    let v = Variant::from_current(name, &loaded(ws), &ws.current);
    match store.save(&v, overwrite) {
        Ok(path) => {
            ws.variants.open = Some(v.name.clone());
            app.input = None;
            after_store_change(app);
            let text = variant_text::saved(lang, &v.name, &path.display().to_string());
            say(app, MessageKind::Info, text);
        }
        Err(e) => refuse(app, store_error(lang, &e)),
    }
}

/// Deletes a variant (after the user confirmed).
pub fn delete(app: &mut App, name: &str) {
    let lang = app.lang;
    let Some(store) = app.store.clone() else {
        return;
    };
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    match store.delete(&ws.base.info.id, name) {
        Ok(()) => {
            if ws.variants.open.as_deref() == Some(name) {
                ws.variants.open = None;
            }
            ws.variants.compare.picked.retain(|p| p != name);
            after_store_change(app);
            say(app, MessageKind::Info, variant_text::deleted(lang, name));
        }
        Err(e) => say(app, MessageKind::Error, store_error(lang, &e)),
    }
}

/// After the store changed: the list and the comparison are rebuilt.
fn after_store_change(app: &mut App) {
    invalidate(app);
    if app.variant_list.is_some()
        && let (Some(store), Some(ws)) = (&app.store, app.workshop.as_deref())
    {
        let selected = app.variant_list.as_ref().map(|l| l.selected).unwrap_or(0);
        let mut l = list(store, ws);
        l.selected = selected.min(l.listing.len().saturating_sub(1));
        app.variant_list = Some(l);
    }
    refresh(app);
}

/// Writes a Markdown report of the base, the compared variants and the
/// current levers (when they are not saved) to `<data>/reports/`.
fn export(app: &mut App) {
    let lang = app.lang;
    let t = i18n::variant(lang);
    let (Some(store), Some(ws)) = (app.store.clone(), app.workshop.as_deref()) else {
        say(app, MessageKind::Error, t.no_store.to_string());
        return;
    };
    let base = loaded(ws);
    let (mut chosen, _) = compared(&store, ws);
    let changed = !crate::levers::changed(&ws.base, &ws.current).is_empty();
    let saved_now = chosen
        .iter()
        .any(|v| store::apply(v, &base).scenario == ws.current);
    if changed && !saved_now {
        chosen.truncate(MAX_COMPARED - 1);
        let name = ws
            .variants
            .open
            .clone()
            .map(|n| variant_text::unsaved_of(lang, &n))
            .unwrap_or_else(|| t.current_unsaved.to_string());
        chosen.push(Variant::from_current(&name, &base, &ws.current));
    }
    let cols = report::columns(&base, &chosen);
    let md = report::markdown(lang, &base, &cols);
    let stamp = store::now().replace([':', '-'], "").replace('T', "-");
    let dir = store
        .dir()
        .parent()
        .map(|d| d.join("reports"))
        .unwrap_or_else(|| store.dir().join("reports"));
    let path = dir.join(format!(
        "{}-{}.md",
        ws.base.info.id,
        stamp.trim_end_matches('Z')
    ));
    match store::write_atomic(&path, &md) {
        Ok(()) => say(
            app,
            MessageKind::Info,
            variant_text::exported(lang, &path.display().to_string()),
        ),
        Err(e) => say(app, MessageKind::Error, store_error(lang, &e)),
    }
}

fn next_metric(m: CompareMetric) -> CompareMetric {
    match m {
        CompareMetric::Payments => CompareMetric::InvestorNet,
        CompareMetric::InvestorNet => CompareMetric::PayerNpv,
        CompareMetric::PayerNpv => CompareMetric::Payments,
    }
}

/// The figure of a comparison column that the chart overlays.
pub fn metric_value(metric: CompareMetric, p: &PayoffPoint) -> Decimal {
    match metric {
        CompareMetric::Payments => p.outcome_payments,
        CompareMetric::InvestorNet => p.investor_net,
        CompareMetric::PayerNpv => p.payer_npv,
    }
}
