//! The variant list overlay (`v`) and the name/note prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::text::{truncate, width, wrap};
use crate::i18n;
use crate::tui::document::Document;
use crate::tui::keymap::{Context, KEYMAP, keys_text};
use crate::tui::theme::Theme;
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

/// The list of saved variants with what each changes, its notes and marks.
pub fn render_list(
    doc: &Document,
    view: &View,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let list = &doc.variants;
    let v = i18n::variant(view.lang);
    let t = i18n::tui(view.lang);
    let w = area.width.saturating_sub(4).min(100);
    let iw = w.saturating_sub(4) as usize;
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    if list.listing.is_empty() {
        for l in wrap(v.none_saved, iw) {
            lines.push((l, theme.label));
        }
    }
    let mut selected_line = 0;
    for (i, item) in list.listing.iter().enumerate() {
        let sel = i == selected;
        if sel {
            selected_line = lines.len();
        }
        let marks = format!(
            "{}{} ",
            if sel { "▶" } else { " " },
            if list.is_picked(&item.variant.name) {
                "☑"
            } else {
                "☐"
            }
        );
        let mut head = format!(
            "{marks}{}  ({} {} · {} ✎)",
            item.variant.name,
            item.variant.levers.len(),
            v.changed_levers,
            item.variant.notes.len(),
        );
        if item.scenario_changed {
            head.push_str(&format!("  ! {}", v.scenario_changed));
        }
        let style = if sel { theme.selected } else { theme.label };
        lines.push((truncate(&head, iw), style));
        let levers: Vec<String> = item
            .variant
            .levers
            .iter()
            .map(|(id, value)| format!("{id} = {}", crate::format::plain(*value)))
            .collect();
        if !levers.is_empty() {
            for l in wrap(&levers.join(" · "), iw.saturating_sub(4)) {
                lines.push((format!("    {l}"), theme.muted));
            }
        }
        for n in item
            .variant
            .notes
            .iter()
            .rev()
            .take(if sel { 5 } else { 1 })
        {
            let text = format!(
                "{} {}",
                n.at.get(..16).unwrap_or(&n.at).replace('T', " "),
                n.text
            );
            for l in wrap(&text, iw.saturating_sub(6)).into_iter().take(2) {
                lines.push((format!("    ✎ {l}"), theme.muted));
            }
        }
    }
    if !list.problems.is_empty() {
        lines.push((String::new(), theme.label));
        lines.push((v.skipped_files.to_string(), theme.warning));
        for (path, reason) in &list.problems {
            let text = format!("! {}: {reason}", path.display());
            for l in wrap(&text, iw).into_iter().take(2) {
                lines.push((l, theme.warning));
            }
        }
    }
    lines.push((String::new(), theme.label));
    lines.push((
        truncate(&format!("{}: {}", v.folder, list.folder), iw),
        theme.muted,
    ));
    let keys: Vec<String> = KEYMAP
        .iter()
        .filter(|b| b.context == Context::VariantList)
        .filter_map(|b| b.help.map(|h| format!("{} {}", keys_text(b), h(t))))
        .collect();
    for l in wrap(&keys.join(" · "), iw) {
        lines.push((l, theme.key));
    }
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let inner = overlay(area, w, height, v.list_title, buf, theme);
    // Keep the selected variant in view.
    let h = inner.height as usize;
    let skip = selected_line.saturating_sub(h.saturating_sub(6).max(1) / 2);
    let skip = skip.min(lines.len().saturating_sub(h));
    for (i, (line, style)) in lines.iter().skip(skip).take(h).enumerate() {
        let y = inner.y + i as u16;
        buf.set_stringn(inner.x + 1, y, line, iw, *style);
    }
}

/// The one-line prompt for a name or a note.
pub fn render_input(view: &View, input: &TextInput, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let v = i18n::variant(view.lang);
    let title = match &input.kind {
        InputKind::SaveName => v.input_save.to_string(),
        InputKind::Rename(old) => format!("{} ({old})", v.input_rename),
        InputKind::Duplicate(old) => format!("{} ({old})", v.input_duplicate),
        InputKind::Note => v.input_note.to_string(),
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
