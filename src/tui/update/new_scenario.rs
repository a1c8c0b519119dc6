//! The picker's "new scenario from template": a dialog asks for a file
//! name and a template (the empty one or a bundled scenario); the
//! template is written (`crate::template`) into the user's scenario folder
//! by the host ([`StoreOp::NewScenario`]), and the new file opens.

use std::path::PathBuf;

use crate::i18n::template as words;
use crate::scenario;
use crate::template::{self, Start};
use crate::tui::document::Document;
use crate::tui::effect::{Effect, StoreFailure, StoreOp};
use crate::tui::picker::{PickerEntry, templates};
use crate::tui::view::{MessageKind, Mode, NewScenario, View};

use super::{opening, say};

/// The longest file name the dialog takes, in characters.
const MAX_NAME: usize = 60;

fn dialog(view: &mut View) -> Option<&mut NewScenario> {
    match &mut view.mode {
        Mode::NewScenario(d) => Some(d),
        _ => None,
    }
}

/// `n` in the picker, or Enter on its last row: the dialog, empty.
pub(super) fn open(view: &mut View) {
    if view.picker.is_some() && view.mode == Mode::Normal {
        view.mode = Mode::NewScenario(NewScenario::default());
    }
}

pub(super) fn type_char(view: &mut View, c: char) {
    if let Some(d) = dialog(view)
        && !c.is_control()
        && d.name.chars().count() < MAX_NAME
    {
        d.name.push(c);
        d.error = None;
    }
}

pub(super) fn backspace(view: &mut View) {
    if let Some(d) = dialog(view) {
        d.name.pop();
        d.error = None;
    }
}

pub(super) fn clear(view: &mut View) {
    if let Some(d) = dialog(view) {
        d.name.clear();
        d.error = None;
    }
}

/// ↑/↓: the previous or next template, wrapping.
pub(super) fn choose(view: &mut View, by: i32) {
    let n = templates().len() as i32;
    if let Some(d) = dialog(view) {
        d.template = (d.template as i32 + by).rem_euclid(n) as usize;
    }
}

pub(super) fn cancel(view: &mut View) {
    if dialog(view).is_some() {
        view.mode = Mode::Normal;
    }
}

/// The file name for what was typed: `.toml` added, nothing that names a
/// folder, hides the file or holds control characters.
fn file_name(typed: &str) -> Option<String> {
    let name = typed.trim();
    let stem = name.strip_suffix(".toml").unwrap_or(name).trim();
    let fine = !stem.is_empty()
        && !stem.starts_with(['.', '-'])
        && stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'));
    fine.then(|| format!("{stem}.toml"))
}

/// Enter: the template as text, written by the host; refusals stay in
/// the dialog.
pub(super) fn accept(view: &mut View, fx: &mut Vec<Effect>) {
    let lang = view.lang;
    let taken: Vec<String> = view
        .picker
        .as_ref()
        .map(|p| {
            p.entries
                .iter()
                .filter_map(|e| e.scenario.as_ref().ok().map(|s| s.info.id.clone()))
                .collect()
        })
        .unwrap_or_default();
    let Some(d) = dialog(view) else { return };
    if d.name.trim().is_empty() {
        d.error = Some(words::new_dialog(lang).empty_name.to_string());
        return;
    }
    let Some(file) = file_name(&d.name) else {
        d.error = Some(words::bad_name(lang, d.name.trim()));
        return;
    };
    let id = template::id_for(file.trim_end_matches(".toml"));
    if taken.contains(&id) {
        d.error = Some(words::id_taken(lang, &id));
        return;
    }
    let start = match templates().get(d.template).copied().flatten() {
        None => Start::Empty,
        Some(from) => match crate::catalog::find_bundled(from) {
            Some(b) => Start::From(b.text),
            None => Start::Empty,
        },
    };
    match template::render(lang, &id, start, 0) {
        Ok(text) => fx.push(Effect::Store(StoreOp::NewScenario {
            file_name: file,
            text,
        })),
        // Only a bundled scenario that does not load (a build defect), or
        // sites, which the dialog does not ask for.
        Err(template::TemplateError::Invalid(e)) => {
            d.error = Some(crate::i18n::errors::load_error(lang, &e));
        }
        Err(template::TemplateError::HasSites(n)) => d.error = Some(words::has_sites(lang, n)),
    }
}

/// The host's answer: the new file opens as a document (and joins the
/// picker's list), or the dialog says why not.
pub(super) fn created(
    view: &mut View,
    file_name: String,
    result: Result<(PathBuf, String), StoreFailure>,
) -> Vec<Effect> {
    let lang = view.lang;
    let (path, text) = match result {
        Ok(written) => written,
        Err(e) => {
            let why = match e {
                StoreFailure::Exists(path) => words::exists(lang, &PathBuf::from(path)),
                other => super::variants::failure_text(lang, &other),
            };
            match dialog(view) {
                Some(d) => d.error = Some(why),
                None => say(view, MessageKind::Error, why),
            }
            return Vec::new();
        }
    };
    let parsed = scenario::parse(&text, &path.display().to_string());
    let entry = PickerEntry::from_catalog(crate::catalog::Entry {
        origin: crate::catalog::Origin::File(path.clone()),
        text: text.clone(),
        result: parsed.clone(),
    });
    if let Some(p) = view.picker.as_mut() {
        p.entries.push(entry);
        p.selected = p.entries.len() - 1;
    }
    view.mode = Mode::Normal;
    match parsed {
        Ok(s) => {
            say(view, MessageKind::Info, words::created(lang, &path));
            let doc = Document::new(s).with_source(text);
            view.reset_for_document();
            let mut fx = opening(&doc);
            fx.insert(0, Effect::Open(Box::new(doc)));
            fx
        }
        // A template is valid by construction; should one not be, the
        // picker lists the file with its first error.
        Err(_) => {
            say(view, MessageKind::Error, file_name);
            Vec::new()
        }
    }
}
