//! The variant list overlay (`v`, with the deleted variants on Tab) and the
//! name/note prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::text::{truncate, width, wrap};
use crate::format::sanitize;
use crate::i18n::{self, variant_text};
use crate::store::{Deleted, Variant, trash};
use crate::tui::document::Document;
use crate::tui::keymap::{Context, KEYMAP, keys_text};
use crate::tui::theme::Theme;
use crate::tui::variants::ListedVariant;
use crate::tui::view::{InputKind, TextInput, View};

/// A centred box of `w`×`h` cells (clipped to the area), cleared.
fn overlay(area: Rect, w: u16, h: u16, title: &str, buf: &mut Buffer, theme: &Theme) -> Rect {
    let r = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border)
        .style(theme.overlay)
        .title(format!(" {title} "));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

/// One line of the list and its style.
type Line = (String, ratatui::style::Style);

/// The variant list (`v`): the saved variants with what each changes, its
/// notes and marks; or (Tab) the deleted ones in the trash. Text from the
/// files (names, notes, paths) is drawn sanitised.
pub fn render_list(
    doc: &Document,
    view: &View,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let v = i18n::variant(view.lang);
    let w = area.width.saturating_sub(4).min(100);
    let iw = w.saturating_sub(4) as usize;
    let (title, context, (mut lines, selected_line)) = match view.variant_trash {
        Some(i) => (
            v.trash_title,
            Context::Trash,
            trash_lines(doc, view, i, iw, theme),
        ),
        None => (
            v.list_title,
            Context::VariantList,
            saved_lines(doc, view, selected, iw, theme),
        ),
    };
    let t = i18n::tui(view.lang);
    let keys: Vec<String> = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| b.help.map(|h| format!("{} {}", keys_text(b), h(t))))
        .collect();
    for l in wrap(&keys.join(" · "), iw) {
        lines.push((l, theme.key));
    }
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let inner = overlay(area, w, height, title, buf, theme);
    // Keep the selected variant in view.
    let h = inner.height as usize;
    let skip = selected_line.saturating_sub(h.saturating_sub(6).max(1) / 2);
    let skip = skip.min(lines.len().saturating_sub(h));
    for (i, (line, style)) in lines.iter().skip(skip).take(h).enumerate() {
        let y = inner.y + i as u16;
        buf.set_stringn(inner.x + 1, y, line, iw, *style);
    }
}

/// The lines of the saved variants, and the line of the selected one.
fn saved_lines(
    doc: &Document,
    view: &View,
    selected: usize,
    iw: usize,
    theme: &Theme,
) -> (Vec<Line>, usize) {
    let list = &doc.variants;
    let v = i18n::variant(view.lang);
    let head = |item: &ListedVariant, sel: bool| {
        let picked = if list.is_picked(&item.variant.name) {
            "☑"
        } else {
            "☐"
        };
        let mut head = format!(
            "{}{picked} {}  ({} {} · {} ✎)",
            if sel { "▶" } else { " " },
            sanitize(&item.variant.name),
            item.variant.levers.len(),
            v.changed_levers,
            item.variant.notes.len(),
        );
        if item.scenario_changed {
            head.push_str(&format!("  ! {}", v.scenario_changed));
        }
        head
    };
    let entries = list.listing.iter().map(|item| (item, &item.variant));
    let (mut lines, at) = entry_lines(entries, v.none_saved, selected, iw, theme, head);
    problem_lines(v.skipped_files, &list.problems, iw, theme, &mut lines);
    lines.push((String::new(), theme.label));
    lines.push((
        truncate(&format!("{}: {}", v.folder, sanitize(&list.folder)), iw),
        theme.muted,
    ));
    (lines, at)
}

/// The lines of the deleted variants (newest first), and the line of the
/// selected one.
fn trash_lines(
    doc: &Document,
    view: &View,
    selected: usize,
    iw: usize,
    theme: &Theme,
) -> (Vec<Line>, usize) {
    let list = &doc.variants;
    let v = i18n::variant(view.lang);
    let head = |entry: &Deleted, sel: bool| {
        format!(
            "{} {}  ({} {} · {} {} · {} ✎)",
            if sel { "▶" } else { " " },
            sanitize(&entry.variant.name),
            v.deleted_on,
            short_time(&entry.deleted_at),
            entry.variant.levers.len(),
            v.changed_levers,
            entry.variant.notes.len(),
        )
    };
    let entries = list.deleted.iter().map(|entry| (entry, &entry.variant));
    let (mut lines, at) = entry_lines(entries, v.trash_empty, selected, iw, theme, head);
    problem_lines(
        v.skipped_trash,
        &list.deleted_problems,
        iw,
        theme,
        &mut lines,
    );
    lines.push((String::new(), theme.label));
    let rule = variant_text::trash_rule(view.lang, trash::KEEP_DAYS, trash::KEEP_MAX);
    for l in wrap(&rule, iw) {
        lines.push((l, theme.muted));
    }
    lines.push((
        truncate(
            &format!("{}: {}", v.folder, sanitize(&list.trash_folder)),
            iw,
        ),
        theme.muted,
    ));
    (lines, at)
}

/// One entry per variant — its head line (`head` is told whether it is
/// selected), its levers and notes (more of them when selected) — or
/// `empty` when there is none; and the line of the selected entry.
fn entry_lines<'a, T: 'a>(
    entries: impl Iterator<Item = (&'a T, &'a Variant)>,
    empty: &str,
    selected: usize,
    iw: usize,
    theme: &Theme,
    head: impl Fn(&T, bool) -> String,
) -> (Vec<Line>, usize) {
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, (entry, variant)) in entries.enumerate() {
        let sel = i == selected;
        if sel {
            selected_line = lines.len();
        }
        let style = if sel { theme.selected } else { theme.label };
        lines.push((truncate(&head(entry, sel), iw), style));
        variant_details(variant, if sel { 5 } else { 1 }, iw, theme, &mut lines);
    }
    if lines.is_empty() {
        for l in wrap(empty, iw) {
            lines.push((l, theme.label));
        }
    }
    (lines, selected_line)
}

/// A variant's levers, and its newest `notes` notes (two lines each).
fn variant_details(variant: &Variant, notes: usize, iw: usize, theme: &Theme, out: &mut Vec<Line>) {
    let levers: Vec<String> = variant
        .levers
        .iter()
        .map(|(id, value)| format!("{} = {}", sanitize(id), crate::format::plain(*value)))
        .collect();
    if !levers.is_empty() {
        for l in wrap(&levers.join(" · "), iw.saturating_sub(4)) {
            out.push((format!("    {l}"), theme.muted));
        }
    }
    for n in variant.notes.iter().rev().take(notes) {
        let text = format!("{} {}", short_time(&n.at), sanitize(&n.text));
        for l in wrap(&text, iw.saturating_sub(6)).into_iter().take(2) {
            out.push((format!("    ✎ {l}"), theme.muted));
        }
    }
}

/// Files that could not be read, under a heading.
fn problem_lines(
    heading: &str,
    problems: &[(std::path::PathBuf, String)],
    iw: usize,
    theme: &Theme,
    out: &mut Vec<Line>,
) {
    if problems.is_empty() {
        return;
    }
    out.push((String::new(), theme.label));
    out.push((heading.to_string(), theme.warning));
    for (path, reason) in problems {
        let text = sanitize(&format!("! {}: {reason}", path.display())).into_owned();
        for l in wrap(&text, iw).into_iter().take(2) {
            out.push((l, theme.warning));
        }
    }
}

/// `2026-11-26T13:20:00Z` as `2026-11-26 13:20`.
fn short_time(at: &str) -> String {
    sanitize(at.get(..16).unwrap_or(at)).replace('T', " ")
}

/// The one-line prompt for a name or a note.
pub fn render_input(view: &View, input: &TextInput, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let v = i18n::variant(view.lang);
    let title = match &input.kind {
        InputKind::SaveName => v.input_save.to_string(),
        InputKind::Rename(old) => format!("{} ({})", v.input_rename, sanitize(old)),
        InputKind::Duplicate(old) => format!("{} ({})", v.input_duplicate, sanitize(old)),
        InputKind::Note => v.input_note.to_string(),
        InputKind::RestoreAs { name, .. } => format!("{} ({})", v.input_restore, sanitize(name)),
    };
    let w = area.width.saturating_sub(4).min(72);
    let iw = w.saturating_sub(4) as usize;
    let error_lines = input
        .error
        .as_deref()
        .map(|e| wrap(e, iw))
        .unwrap_or_default();
    let h = 4 + error_lines.len() as u16;
    let inner = overlay(area, w, h, &truncate(&title, iw), buf, theme);
    // The end of the text stays visible with the cursor after it.
    let shown: String = {
        let text = format!("{}█", input.text);
        let n = width(&text);
        if n <= iw {
            text
        } else {
            text.chars().skip(n - iw).collect()
        }
    };
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        &shown,
        iw,
        theme.value.add_modifier(Modifier::BOLD),
    );
    // Nothing typed yet: the hint greyed after the cursor, and how to take it.
    if let (true, Some(hint)) = (input.text.is_empty(), &input.hint) {
        let text = format!("{}  (Tab/→)", sanitize(hint));
        buf.set_stringn(
            inner.x + 2,
            inner.y,
            text,
            iw.saturating_sub(1),
            theme.muted,
        );
    }
    let mut y = inner.y + 1;
    for l in &error_lines {
        if y < inner.bottom() {
            buf.set_stringn(inner.x + 1, y, l, iw, theme.error);
        }
        y += 1;
    }
    if y < inner.bottom() {
        buf.set_stringn(inner.x + 1, y, v.input_hint, iw, theme.muted);
    }
}
