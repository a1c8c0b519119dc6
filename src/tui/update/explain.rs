//! Explain in place: pointing at a figure of the screen (`i` and `I`
//! cycle through them, a click points at one) says in the status line
//! what it is, from the glossary; the `?` overlay then starts with it
//! (else with the selected lever). Moving to another lever or screen, or
//! Esc, stops pointing.

use super::say;
use crate::i18n::{self, glossary::Term};
use crate::tui::document::Document;
use crate::tui::ui;
use crate::tui::view::{MessageKind, View};

/// Points at the figure `by` places from the one pointed at (the first or
/// the last when none is).
pub(super) fn point(doc: &Document, view: &mut View, by: i32) {
    let terms = ui::explainable(doc, view);
    let n = terms.len() as i32;
    if n == 0 {
        let text = i18n::tui(view.lang).nothing_to_explain.to_string();
        say(view, MessageKind::Info, text);
        return;
    }
    let next = match view
        .pointed
        .and_then(|p| terms.iter().position(|t| *t == p))
    {
        Some(i) => (i as i32 + by).rem_euclid(n),
        None if by >= 0 => 0,
        None => n - 1,
    };
    point_at(doc, view, terms[next as usize]);
}

/// Points at `term` and explains it.
pub(super) fn point_at(_doc: &Document, view: &mut View, term: Term) {
    view.pointed = Some(term);
    say(
        view,
        MessageKind::Info,
        i18n::glossary::explained(view.lang, term),
    );
}
