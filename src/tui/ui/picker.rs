//! The scenario picker: bundled scenarios and the user's files, broken
//! files with their first error, and a last row for a new scenario from a
//! template (its dialog too); a preview of the selected one when there is
//! room.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use super::Hit;
use super::text::{truncate, width, wrap};
use crate::i18n::{self, template as words, tui_text};
use crate::tui::picker::{Picker, PickerEntry};
use crate::tui::theme::Theme;
use crate::tui::view::{Mode, NewScenario, View};

/// Rows per entry, the gap included.
const ENTRY_H: u16 = 4;

struct Layout {
    list: Rect,
    preview: Option<Rect>,
    folder: Option<Rect>,
    offset: usize,
}

fn layout(p: &Picker, area: Rect) -> Layout {
    let (_, body, _) = super::frame_areas(area);
    let folder_h = u16::from(p.folder.is_some());
    let content = Rect {
        height: body.height.saturating_sub(folder_h),
        ..body
    };
    let folder = p.folder.as_ref().map(|_| Rect {
        y: content.bottom(),
        height: 1,
        ..body
    });
    let (list, preview) = if body.width >= 110 {
        let lw = body.width * 55 / 100;
        (
            Rect {
                width: lw,
                ..content
            },
            Some(Rect {
                x: content.x + lw,
                width: content.width - lw,
                ..content
            }),
        )
    } else {
        (content, None)
    };
    let inner_h = list.height.saturating_sub(1);
    let visible = (inner_h / ENTRY_H).max(1) as usize;
    let offset = (p.selected + 1).saturating_sub(visible);
    Layout {
        list,
        preview,
        folder,
        offset,
    }
}

fn list_inner(list: Rect) -> Rect {
    Rect {
        y: list.y + 1,
        height: list.height.saturating_sub(1),
        ..list
    }
}

/// Which entry is at a position.
pub fn hit(view: &View, area: Rect, pos: Position) -> Hit {
    let Some(p) = &view.picker else {
        return Hit::Other;
    };
    let l = layout(p, area);
    let inner = list_inner(l.list);
    if !inner.contains(pos) {
        return Hit::Other;
    }
    let i = l.offset + ((pos.y - inner.y) / ENTRY_H) as usize;
    if i <= p.entries.len() {
        Hit::Entry(i)
    } else {
        Hit::Other
    }
}

fn place(view: &View, e: &PickerEntry) -> String {
    let u = i18n::tui(view.lang);
    if e.bundled {
        u.bundled.to_string()
    } else {
        e.file_name.clone()
    }
}

fn entry(view: &View, e: &PickerEntry, selected: bool, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let u = i18n::tui(view.lang);
    let w = r.width.saturating_sub(3) as usize;
    let x = r.x + 2;
    let title_style = if selected {
        theme.selected
    } else {
        theme.title
    };
    if selected {
        buf.set_style(Rect { height: 1, ..r }, theme.selected);
        buf.set_string(r.x, r.y, "▶", theme.selected);
    }
    match &e.scenario {
        Ok(s) => {
            let lang = view.lang;
            let title = i18n::scenario_text::title(lang, s);
            buf.set_string(x, r.y, truncate(title, w), title_style);
            let meta = [
                i18n::scenario_text::theme(lang, s).to_string(),
                tui_text::periods(view.lang, s.timeline.periods, s.timeline.period),
                place(view, e),
            ]
            .join(" · ");
            buf.set_string(x, r.y + 1, truncate(&meta, w), theme.muted);
            let summary = wrap(i18n::scenario_text::summary(lang, s), w);
            if let Some(first) = summary.first() {
                let line = if summary.len() > 1 {
                    truncate(&format!("{first} …"), w)
                } else {
                    first.clone()
                };
                buf.set_string(x, r.y + 2, line, theme.label);
            }
        }
        Err(err) => {
            let head = format!("✗ {} ({})", e.file_name, u.invalid);
            buf.set_string(x, r.y, truncate(&head, w), title_style.patch(theme.error));
            let text = tui_text::load_error(
                view.lang,
                err.line,
                err.col,
                &err.message(view.lang),
                err.more,
            );
            for (k, line) in wrap(&text, w).iter().take(2).enumerate() {
                buf.set_string(x, r.y + 1 + k as u16, line, theme.error);
            }
        }
    }
}

fn preview(view: &View, e: &PickerEntry, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let u = i18n::tui(view.lang);
    let t = i18n::texts(view.lang);
    let block = super::panel(u.picker_preview, false, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    let Ok(s) = &e.scenario else {
        return;
    };
    let w = inner.width.saturating_sub(2) as usize;
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    let lang = view.lang;
    for l in wrap(i18n::scenario_text::title(lang, s), w) {
        lines.push((l, theme.title));
    }
    lines.push((String::new(), theme.label));
    for l in wrap(i18n::scenario_text::summary(lang, s), w) {
        lines.push((l, theme.label));
    }
    lines.push((String::new(), theme.label));
    let parties = [
        (t.payer, "payer"),
        (t.cofunder, "cofunder"),
        (t.investor, "investor"),
        (t.provider, "provider"),
        (t.guarantor, "guarantor"),
    ];
    for (role, id) in parties {
        if let Some(name) = i18n::scenario_text::party(lang, s, id) {
            for l in wrap(&format!("{role}: {name}"), w) {
                lines.push((l, theme.muted));
            }
        }
    }
    lines.push((String::new(), theme.label));
    let outcomes: Vec<&str> = s
        .outcomes
        .iter()
        .map(|o| i18n::scenario_text::outcome_name(lang, o))
        .collect();
    for l in wrap(&format!("{}: {}", u.indicators, outcomes.join(", ")), w) {
        lines.push((l, theme.muted));
    }
    for (i, (l, style)) in lines.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.set_string(inner.x + 1, y, l, *style);
    }
}

pub fn render(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(p) = &view.picker else {
        return;
    };
    let u = i18n::tui(view.lang);
    let (head, _, foot) = super::frame_areas(area);
    buf.set_style(head, theme.header);
    let title = format!(" {} │ {}", u.app_name, u.picker_title);
    buf.set_stringn(head.x, head.y, &title, head.width as usize, theme.header);
    let l = layout(p, area);
    let block = super::panel(u.picker_title, true, theme);
    block.render(l.list, buf);
    let inner = list_inner(l.list);
    for k in l.offset..=p.entries.len() {
        let y = inner.y + ((k - l.offset) as u16) * ENTRY_H;
        if y + ENTRY_H - 1 > inner.bottom() {
            break;
        }
        let r = Rect {
            y,
            height: ENTRY_H - 1,
            ..inner
        };
        match p.entries.get(k) {
            Some(e) => entry(view, e, k == p.selected, r, buf, theme),
            None => new_row(view, k == p.selected, r, buf, theme),
        }
    }
    if let (Some(r), Some(e)) = (l.preview, p.entries.get(p.selected)) {
        preview(view, e, r, buf, theme);
    }
    if let (Some(r), Some(folder)) = (l.folder, &p.folder) {
        let text = format!("{}: {folder}", u.your_folder);
        let w = r.width.saturating_sub(1) as usize;
        let text = if width(&text) > w {
            truncate(&text, w)
        } else {
            text
        };
        buf.set_string(r.x + 1, r.y, text, theme.muted);
    }
    super::status::render(None, view, foot, buf, theme);
    if let Mode::NewScenario(d) = &view.mode {
        new_dialog(view, d, area, buf, theme);
    }
}

/// The last row: a new scenario from a template.
fn new_row(view: &View, selected: bool, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = words::new_dialog(view.lang);
    let w = r.width.saturating_sub(3) as usize;
    let style = if selected {
        buf.set_style(Rect { height: 1, ..r }, theme.selected);
        buf.set_string(r.x, r.y, "▶", theme.selected);
        theme.selected
    } else {
        theme.title
    };
    buf.set_string(r.x + 2, r.y, truncate(&format!("+ {}", t.title), w), style);
    for (k, line) in wrap(t.row_help, w).iter().take(2).enumerate() {
        buf.set_string(r.x + 2, r.y + 1 + k as u16, line, theme.muted);
    }
}

/// The dialog for a new scenario: the file name, the template, where it
/// goes, and why the last name was refused.
fn new_dialog(view: &View, d: &NewScenario, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = words::new_dialog(view.lang);
    let templates = crate::tui::picker::templates();
    let w = area.width.saturating_sub(4).min(76);
    let iw = w.saturating_sub(4) as usize;
    let error = d.error.as_deref().map(|e| wrap(e, iw)).unwrap_or_default();
    let h = 7 + templates.len() as u16 + error.len() as u16;
    let r = super::centered(area, w, h, buf);
    let block = super::overlay(t.title, t.keys, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    let x = inner.x + 1;
    let mut y = inner.y;
    let mut line = |buf: &mut Buffer, text: &str, style| {
        if y < inner.bottom() {
            buf.set_stringn(x, y, text, iw, style);
        }
        y += 1;
    };
    let shown = format!("{}: {}█", t.name, d.name);
    line(
        buf,
        &truncate(&shown, iw),
        theme.value.add_modifier(Modifier::BOLD),
    );
    for e in &error {
        line(buf, e, theme.error);
    }
    line(buf, "", theme.label);
    line(buf, &format!("{}:", t.template), theme.muted);
    for (i, template) in templates.iter().enumerate() {
        let name = match template {
            None => words::empty_name(view.lang).to_string(),
            Some(id) => id.to_string(),
        };
        let (mark, style) = if i == d.template {
            ("▶ ", theme.selected)
        } else {
            ("  ", theme.label)
        };
        line(buf, &format!("{mark}{name}"), style);
    }
    line(buf, "", theme.label);
    if let Some(folder) = view.picker.as_ref().and_then(|p| p.folder.as_ref()) {
        line(
            buf,
            &truncate(&format!("{}: {folder}", t.folder), iw),
            theme.muted,
        );
    }
}
