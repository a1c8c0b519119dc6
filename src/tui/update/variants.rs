//! Update of saved variants: save (`s`), the variant list (`v`: open,
//! rename, duplicate, delete, pick for comparison; Tab: the deleted ones,
//! restore), notes (`n`), the comparison (`c`) and report export (`e`) —
//! and the store's replies.
//!
//! Every read and write is an [`Effect::Store`] the host runs; its reply
//! ([`crate::tui::Event::VariantsListed`], `Saved`, `Edited`, `Exported`)
//! comes back here. After the app's own writes the variants are read
//! again, so the list and the comparison show what is on disk.

use std::path::PathBuf;

use super::say;
use crate::format::Lang;
use crate::i18n::{self, tui_text, variant_text};
use crate::levers;
use crate::report::{self, MAX_VARIANTS};
use crate::store::{self, Variant};
use crate::tui::document::Document;
use crate::tui::effect::{AfterList, Effect, StoreFailure, StoreOp, VariantEdit};
use crate::tui::ui;
use crate::tui::variants::VariantsRead;
use crate::tui::view::{
    CompareMetric, CompareView, Confirm, InputKind, Leave, MessageKind, Mode, TextInput, View,
};

fn store(fx: &mut Vec<Effect>, op: StoreOp) {
    fx.push(Effect::Store(op));
}

/// Asks the host to read the document's variants, then do `then`.
pub(super) fn read(doc: &Document, then: AfterList, fx: &mut Vec<Effect>) {
    store(
        fx,
        StoreOp::List {
            scenario_id: doc.base.info.id.clone(),
            then,
        },
    );
}

/// Why the store said no, in the user's language.
fn failure_text(lang: Lang, e: &StoreFailure) -> String {
    match e {
        StoreFailure::NoStore => i18n::variant(lang).no_store.to_string(),
        _ => variant_text::store_error(lang, &e.text(lang)),
    }
}

/// Opens a text prompt: empty, with `hint` to take with Tab or →.
fn open_input(view: &mut View, kind: InputKind, hint: Option<String>) {
    view.mode = Mode::Input(TextInput {
        kind,
        text: String::new(),
        hint,
        error: None,
    });
}

/// Keeps the text prompt open with the reason, and says it.
fn refuse(view: &mut View, text: String) {
    if let Mode::Input(input) = &mut view.mode {
        input.error = Some(text.clone());
    }
    say(view, MessageKind::Error, text);
}

/// Closes the text prompt (after the store did what it asked).
fn close_input(view: &mut View) {
    if matches!(view.mode, Mode::Input(_)) {
        view.mode = Mode::Normal;
    }
}

/// `s`: the name prompt, offering the open variant's name as its hint.
pub(super) fn ask_name(doc: &Document, view: &mut View) {
    open_input(view, InputKind::SaveName, doc.variants.open.clone());
}

/// "Save as a variant first" in the quit question: the name prompt, and
/// after a successful save, `leave`.
pub(super) fn save_then(doc: &Document, view: &mut View, leave: Leave) {
    view.leave_after_save = Some(leave);
    ask_name(doc, view);
}

/// The saved variant was not replaced: the name prompt again with the
/// name typed, to choose another.
pub(super) fn ask_other_name(view: &mut View, name: String) {
    let error = tui_text::name_taken(view.lang, &name);
    view.mode = Mode::Input(TextInput {
        kind: InputKind::SaveName,
        text: name,
        hint: None,
        error: Some(error),
    });
}

/// `n`: the note prompt, when a variant is open.
pub(super) fn ask_note(doc: &Document, view: &mut View) {
    if doc.variants.open.is_some() {
        open_input(view, InputKind::Note, None);
    } else {
        let text = i18n::variant(view.lang).note_needs_variant.to_string();
        say(view, MessageKind::Warning, text);
    }
}

/// The name of the variant selected in the list.
fn selected_name(doc: &Document, view: &View) -> Option<String> {
    let i = view.variant_list?;
    doc.variants.listing.get(i).map(|v| v.variant.name.clone())
}

/// ↑/↓ in the list: the saved variants, or the deleted ones (wrapping).
pub(super) fn move_in_list(doc: &Document, view: &mut View, by: i32) {
    let (selected, n) = match view.variant_trash.as_mut() {
        Some(i) => (Some(i), doc.variants.deleted.len()),
        None => (view.variant_list.as_mut(), doc.variants.listing.len()),
    };
    if let Some(i) = selected
        && n > 0
    {
        *i = (*i as i64 + i64::from(by)).rem_euclid(n as i64) as usize;
    }
}

/// Tab in the list: the deleted variants (the trash), or back to the saved.
pub(super) fn toggle_trash(doc: &Document, view: &mut View) {
    if view.variant_trash.take().is_none() && view.variant_list.is_some() {
        view.variant_trash = Some(0);
        if doc.variants.deleted.is_empty() {
            let text = i18n::variant(view.lang).trash_empty.to_string();
            say(view, MessageKind::Info, text);
        }
    }
}

/// Enter in the trash: restore the selected deleted variant into its name
/// (the store answers whether the name is free).
pub(super) fn restore_selected(doc: &Document, view: &View, fx: &mut Vec<Effect>) {
    let Some(entry) = view.variant_trash.and_then(|i| doc.variants.deleted.get(i)) else {
        return;
    };
    restore(doc, entry.id(), entry.variant.name.clone(), None, fx);
}

fn restore(doc: &Document, id: String, name: String, to: Option<String>, fx: &mut Vec<Effect>) {
    store(
        fx,
        StoreOp::Edit {
            scenario_id: doc.base.info.id.clone(),
            edit: VariantEdit::Restore { id, name, to },
        },
    );
}

/// `r` or `d` in the list: the prompt for a new name, or a copy's name.
pub(super) fn ask_rename(doc: &Document, view: &mut View, copy: bool) {
    let Some(name) = selected_name(doc, view) else {
        return;
    };
    if copy {
        let hint = variant_text::copy_name(view.lang, &name);
        open_input(view, InputKind::Duplicate(name), Some(hint));
    } else {
        open_input(view, InputKind::Rename(name.clone()), Some(name));
    }
}

pub(super) fn ask_delete(doc: &Document, view: &mut View) {
    if let Some(name) = selected_name(doc, view) {
        view.mode = Mode::Confirm(Confirm::DeleteVariant(name));
    }
}

/// `n` in the list: a note on the selected variant (which becomes the open one).
pub(super) fn note_selected(doc: &mut Document, view: &mut View) {
    if let Some(name) = selected_name(doc, view) {
        doc.variants.open = Some(name);
        doc.touch();
        open_input(view, InputKind::Note, None);
    }
}

/// Space in the list: picks or unpicks the variant for the comparison.
pub(super) fn toggle_compare(doc: &mut Document, view: &mut View) {
    let Some(name) = selected_name(doc, view) else {
        return;
    };
    let shelf = &mut doc.variants;
    if !shelf.is_picked(&name) && shelf.picked.len() >= MAX_VARIANTS {
        let text = variant_text::compare_full(view.lang, MAX_VARIANTS);
        say(view, MessageKind::Warning, text);
        return;
    }
    shelf.toggle_pick(&name);
    if shelf.columns.is_some() {
        rebuild_columns(doc, view);
    }
    doc.touch();
}

/// Enter in the list: the variant's levers become the current ones (one
/// change that `u` undoes).
pub(super) fn open_selected(doc: &mut Document, view: &mut View) {
    let lang = view.lang;
    let Some(item) = view.variant_list.and_then(|i| doc.variants.listing.get(i)) else {
        return;
    };
    let v = item.variant.clone();
    let applied = store::apply(&v, &doc.loaded());
    if applied.scenario != doc.current {
        doc.apply(applied.scenario.clone());
    }
    // What is saved is open: leaving now loses nothing.
    doc.last_saved = doc.current.clone();
    doc.variants.open = Some(v.name.clone());
    doc.touch();
    view.variant_list = None;
    let problems = applied.problems();
    if problems.is_empty() {
        say(view, MessageKind::Info, variant_text::opened(lang, &v.name));
    } else {
        let text = variant_text::opened_with(lang, &v.name, &problems.join("; "));
        say(view, MessageKind::Warning, text);
    }
}

/// `m` on the compare screen. Wide: table and chart show together, `m`
/// changes the curve. Narrow: table → chart of each curve → table.
pub(super) fn next_metric(doc: &Document, view: &mut View) {
    let wide = ui::compare::is_wide(doc, view);
    (view.compare_view, view.compare_metric) = match (wide, view.compare_view, view.compare_metric)
    {
        (true, _, m) => (CompareView::Table, m.next()),
        (false, CompareView::Table, _) => (CompareView::Chart, CompareMetric::Payments),
        (false, CompareView::Chart, CompareMetric::PayerNpv) => {
            (CompareView::Table, CompareMetric::Payments)
        }
        (false, CompareView::Chart, m) => (CompareView::Chart, m.next()),
    };
}

/// Enter in the name or note prompt: asks the store to do it. The prompt
/// stays open until the store's reply.
pub(super) fn accept(doc: &mut Document, view: &mut View, fx: &mut Vec<Effect>) {
    let t = i18n::variant(view.lang);
    let Mode::Input(input) = &view.mode else {
        return;
    };
    let text = input.text.trim().to_string();
    if text.is_empty() {
        let msg = match (&input.kind, &input.hint) {
            (InputKind::Note, _) => t.note_empty.to_string(),
            (_, Some(hint)) => tui_text::take_hint(view.lang, t.name_empty, hint),
            _ => t.name_empty.to_string(),
        };
        refuse(view, msg);
        return;
    }
    let scenario_id = doc.base.info.id.clone();
    let edit = match input.kind.clone() {
        // An existing name is found by the store, which then asks first.
        InputKind::SaveName => return save(doc, &text, false, fx),
        InputKind::RestoreAs { id, name } => return restore(doc, id, name, Some(text), fx),
        InputKind::Rename(from) => VariantEdit::Rename { from, to: text },
        InputKind::Duplicate(from) => VariantEdit::Duplicate { from, to: text },
        InputKind::Note => VariantEdit::Note {
            name: doc.variants.open.clone().unwrap_or_default(),
            text,
        },
    };
    store(fx, StoreOp::Edit { scenario_id, edit });
}

/// Asks the store to save the current levers under `name`.
pub(super) fn save(doc: &Document, name: &str, overwrite: bool, fx: &mut Vec<Effect>) {
    let variant = Variant::from_current(name, &doc.loaded(), &doc.current);
    store(
        fx,
        StoreOp::Save {
            variant: Box::new(variant),
            overwrite,
        },
    );
}

/// Asks the store to delete a variant (after the user confirmed).
pub(super) fn delete(doc: &Document, name: String, fx: &mut Vec<Effect>) {
    store(
        fx,
        StoreOp::Edit {
            scenario_id: doc.base.info.id.clone(),
            edit: VariantEdit::Delete { name },
        },
    );
}

/// Rebuilds the comparison's columns if the compared variants changed;
/// this view's table then starts at the top.
fn rebuild_columns(doc: &mut Document, view: &mut View) {
    let base = doc.loaded();
    if doc.variants.refresh_columns(&base) {
        view.scroll.compare_row = 0;
        view.scroll.compare_col = 0;
    }
}

/// The store's variants arrived. Returns whether anything may show.
pub(super) fn listed(
    doc: &mut Document,
    view: &mut View,
    scenario_id: &str,
    then: AfterList,
    result: Result<VariantsRead, StoreFailure>,
    fx: &mut Vec<Effect>,
) -> bool {
    if scenario_id != doc.base.info.id {
        return false;
    }
    let read = match result {
        Ok(read) => read,
        // Without a data folder the comparison has only the base.
        Err(StoreFailure::NoStore) if then == AfterList::Compare => VariantsRead::default(),
        Err(e) => {
            if then != AfterList::Refresh {
                say(view, MessageKind::Error, failure_text(view.lang, &e));
            }
            return true;
        }
    };
    doc.variants.set(read, &doc.source_text);
    doc.touch();
    match then {
        AfterList::ShowList => {
            view.variant_list = Some(0);
            view.variant_trash = None;
        }
        AfterList::Refresh => {
            let shelf = &doc.variants;
            let n = shelf.listing.len();
            if let Some(i) = view.variant_list.as_mut() {
                *i = (*i).min(n.saturating_sub(1));
            }
            if let Some(i) = view.variant_trash.as_mut() {
                *i = (*i).min(shelf.deleted.len().saturating_sub(1));
            }
            if shelf.columns.is_some() {
                rebuild_columns(doc, view);
            }
        }
        AfterList::Select(name) => {
            let at = doc
                .variants
                .listing
                .iter()
                .position(|v| v.variant.name == name);
            view.variant_list = Some(at.unwrap_or(0));
            view.variant_trash = None;
            if doc.variants.columns.is_some() {
                rebuild_columns(doc, view);
            }
        }
        AfterList::Compare => {
            rebuild_columns(doc, view);
            if let Some((path, reason)) = doc.variants.problems.first() {
                let text = variant_text::skipped(view.lang, &path.display().to_string(), reason);
                say(view, MessageKind::Warning, text);
            }
        }
        AfterList::Export => export(doc, view, fx),
    }
    true
}

/// The store saved the variant, or not.
pub(super) fn saved(
    doc: &mut Document,
    view: &mut View,
    name: String,
    result: Result<PathBuf, StoreFailure>,
    fx: &mut Vec<Effect>,
) -> bool {
    let lang = view.lang;
    match result {
        Ok(path) => {
            let text = variant_text::saved(lang, &name, &path.display().to_string());
            doc.variants.open = Some(name);
            doc.last_saved = doc.current.clone();
            doc.touch();
            close_input(view);
            say(view, MessageKind::Info, text);
            match view.leave_after_save.take() {
                // "Save as a variant first": saved, so now leave.
                Some(to) => super::leave(doc, to, fx),
                None => read(doc, AfterList::Refresh, fx),
            }
        }
        // The name is taken: ask before replacing it.
        Err(StoreFailure::Exists(_)) => view.mode = Mode::Confirm(Confirm::OverwriteVariant(name)),
        Err(e) => refuse(view, failure_text(lang, &e)),
    }
    true
}

/// The store renamed, copied, deleted or noted a variant, or not.
pub(super) fn edited(
    doc: &mut Document,
    view: &mut View,
    edit: VariantEdit,
    result: Result<(), StoreFailure>,
    fx: &mut Vec<Effect>,
) -> bool {
    let lang = view.lang;
    if let Err(e) = result {
        let text = failure_text(lang, &e);
        match edit {
            VariantEdit::Delete { .. } => say(view, MessageKind::Error, text),
            VariantEdit::Restore { name, .. } if e.is_not_deleted() => {
                // Restored or pruned by someone else meanwhile: show the trash as it is.
                say(
                    view,
                    MessageKind::Warning,
                    variant_text::restore_gone(lang, &name),
                );
                close_input(view);
                read(doc, AfterList::Refresh, fx);
            }
            VariantEdit::Restore { id, name, to } => not_restored(view, id, name, to, e),
            _ => refuse(view, text),
        }
        return true;
    }
    let shelf = &mut doc.variants;
    let text = match &edit {
        VariantEdit::Rename { from, to } => {
            if shelf.open.as_deref() == Some(from.as_str()) {
                shelf.open = Some(to.clone());
            }
            for p in shelf.picked.iter_mut().filter(|p| *p == from) {
                *p = to.clone();
            }
            variant_text::renamed(lang, from, to)
        }
        VariantEdit::Duplicate { from, to } => variant_text::duplicated(lang, from, to),
        VariantEdit::Delete { name } => {
            if shelf.open.as_deref() == Some(name.as_str()) {
                shelf.open = None;
            }
            shelf.picked.retain(|p| p != name);
            variant_text::deleted(lang, name)
        }
        VariantEdit::Note { name, .. } => variant_text::noted(lang, name),
        VariantEdit::Restore { name, to, .. } => {
            let now = to.clone().unwrap_or_else(|| name.clone());
            doc.touch();
            close_input(view);
            let text = match to {
                Some(to) => variant_text::restored_as(lang, name, to),
                None => variant_text::restored(lang, name),
            };
            say(view, MessageKind::Info, text);
            // Back in the saved list, on the variant restored.
            read(doc, AfterList::Select(now), fx);
            return true;
        }
    };
    doc.touch();
    close_input(view);
    say(view, MessageKind::Info, text);
    read(doc, AfterList::Refresh, fx);
    true
}

/// The store did not restore a deleted variant: when its name is taken
/// (or, from a planted file, refused as a name), the prompt for another
/// name; else the reason.
fn not_restored(view: &mut View, id: String, name: String, to: Option<String>, e: StoreFailure) {
    let lang = view.lang;
    let wanted = to.as_deref().unwrap_or(&name);
    let another = matches!(e, StoreFailure::Exists(_)) || store::check_name(wanted).is_err();
    if !another {
        say(view, MessageKind::Error, failure_text(lang, &e));
        return;
    }
    let text = match &e {
        StoreFailure::Exists(_) => variant_text::restore_taken(lang, wanted),
        _ => failure_text(lang, &e),
    };
    if matches!(&view.mode, Mode::Input(i) if matches!(i.kind, InputKind::RestoreAs { .. })) {
        refuse(view, text);
        return;
    }
    let hint = store::check_name(&name)
        .ok()
        .map(|n| variant_text::restored_name(lang, &n));
    view.mode = Mode::Input(TextInput {
        kind: InputKind::RestoreAs { id, name },
        text: String::new(),
        hint,
        error: Some(text.clone()),
    });
    say(view, MessageKind::Warning, text);
}

/// Another session wrote a variant of a scenario: a document of it that
/// has read its variants reads them again (the reply refreshes the list
/// and the comparison). Nothing to draw until the reply.
pub(super) fn stale(doc: &Document, scenario_id: &str, fx: &mut Vec<Effect>) -> bool {
    if scenario_id == doc.base.info.id && doc.variants.read {
        read(doc, AfterList::Refresh, fx);
    }
    false
}

/// Builds a Markdown report of the base, the compared variants and the
/// current levers (when they are not saved), for the host to write.
fn export(doc: &Document, view: &View, fx: &mut Vec<Effect>) {
    let lang = view.lang;
    let base = doc.loaded();
    let mut chosen = doc.variants.compared();
    let changed = !levers::changed(&doc.base, &doc.current).is_empty();
    let saved_now = chosen
        .iter()
        .any(|v| store::apply(v, &base).scenario == doc.current);
    if changed && !saved_now {
        chosen.truncate(MAX_VARIANTS - 1);
        let name = doc
            .variants
            .open
            .as_deref()
            .map(|n| variant_text::unsaved_of(lang, n))
            .unwrap_or_else(|| i18n::variant(lang).current_unsaved.to_string());
        chosen.push(Variant::from_current(&name, &base, &doc.current));
    }
    let cols = report::columns(&base, &chosen);
    store(
        fx,
        StoreOp::Export {
            scenario_id: doc.base.info.id.clone(),
            markdown: report::markdown(lang, &base, &cols),
        },
    );
}

/// The report was written, or not.
pub(super) fn exported(view: &mut View, result: Result<PathBuf, StoreFailure>) -> bool {
    let lang = view.lang;
    match result {
        Ok(path) => {
            let text = variant_text::exported(lang, &path.display().to_string());
            say(view, MessageKind::Info, text);
        }
        Err(e) => say(view, MessageKind::Error, failure_text(lang, &e)),
    }
    true
}
