//! The bottom line: key hints generated from the key map, messages, the
//! value prompt; and the yes/no question before changes are discarded.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::text::{width, wrap};
use crate::i18n::{self, tui_text};
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::keymap::KEYMAP;
use crate::tui::theme::Theme;
use crate::tui::view::{Confirm, MessageKind, Mode, View};

/// The status-bar entries of the active contexts: (keys, word).
pub fn hints(document: bool, view: &View) -> Vec<(&'static str, &'static str)> {
    let t = i18n::tui(view.lang);
    let mut out = Vec::new();
    for ctx in view.contexts(document) {
        for b in KEYMAP.iter().filter(|b| b.context == *ctx) {
            if let Some((keys, word)) = b.status {
                let word = if b.action == Action::Back && !view.back_quits(document) {
                    t.status_back
                } else {
                    word(t)
                };
                out.push((keys, word));
            }
        }
    }
    out
}

fn message_style(theme: &Theme, kind: MessageKind) -> Style {
    match kind {
        MessageKind::Info => theme.info,
        MessageKind::Warning => theme.warning,
        MessageKind::Error => theme.error,
    }
}

/// Draws lines of a long message above the status line, over the body.
fn above(lines: &[String], foot: Rect, buf: &mut Buffer, style: Style, theme: &Theme) {
    let n = lines.len() as u16;
    let top = foot.y.saturating_sub(n);
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        let r = Rect::new(foot.x, y, foot.width, 1);
        Clear.render(r, buf);
        buf.set_style(r, theme.base);
        buf.set_stringn(foot.x + 1, y, line, foot.width as usize - 1, style);
    }
}

pub fn render(doc: Option<&Document>, view: &View, foot: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(foot, theme.status);
    let w = foot.width as usize;
    let t = i18n::tui(view.lang);
    let mut right = String::new();
    if let Some(doc) = doc {
        let n = doc.changed_count();
        if n > 0 {
            right = format!("● {} ", tui_text::changed(view.lang, n));
        }
        if let (Mode::Prompt(p), Some(lever)) = (&view.mode, doc.lever(view.selected)) {
            let label = i18n::lever_label(view.lang, &doc.current, lever);
            let now = i18n::lever_value(view.lang, &doc.current, lever, doc.value(lever));
            let ask = tui_text::prompt(view.lang, &label, &now);
            let hint = t.prompt_hint;
            let mut x = foot.x + 1;
            buf.set_stringn(x, foot.y, &ask, w.saturating_sub(1), theme.label);
            x += width(&ask) as u16;
            let room = foot.right().saturating_sub(x) as usize;
            buf.set_stringn(x, foot.y, &p.input, room, theme.value);
            x += width(&p.input) as u16;
            if x < foot.right() {
                buf.set_string(x, foot.y, " ", theme.selected);
            }
            let hx = foot.right().saturating_sub(width(hint) as u16 + 1);
            if hx > x + 2 {
                buf.set_string(hx, foot.y, hint, theme.muted);
            }
            if let Some(err) = &p.error {
                let lines = wrap(err, w.saturating_sub(2));
                above(&lines, foot, buf, theme.error, theme);
            }
            return;
        }
    }
    let rw = width(&right);
    if rw > 0 && rw < w {
        buf.set_string(foot.right() - rw as u16, foot.y, &right, theme.changed);
    }
    let room = w.saturating_sub(rw + 2);
    if let Some(m) = &view.message {
        let style = message_style(theme, m.kind);
        if width(&m.text) <= room {
            buf.set_string(foot.x + 1, foot.y, &m.text, style);
            return;
        }
        // A long message goes above the status line; the keys stay.
        let lines = wrap(&m.text, w.saturating_sub(2));
        above(&lines, foot, buf, style, theme);
    }
    // `?` and `q` always show; the other hints fill the room before them.
    let all = hints(doc.is_some(), view);
    let essential = |k: &str| k == "?" || k == "q";
    let hint_w = |(k, w): &(&str, &str)| (width(k) + 1 + width(w) + 2) as u16;
    let tail: u16 = all.iter().filter(|h| essential(h.0)).map(hint_w).sum();
    let end = foot.x + 1 + room as u16;
    let mut x = foot.x + 1;
    let mut shown: Vec<(&str, &str)> = Vec::new();
    let mut rest_full = false;
    for h in all.iter().filter(|h| !essential(h.0)) {
        if rest_full || x + hint_w(h) + tail > end {
            rest_full = true;
            continue;
        }
        shown.push(*h);
        x += hint_w(h);
    }
    shown.extend(all.iter().filter(|h| essential(h.0)));
    let mut x = foot.x + 1;
    for (keys, word) in shown {
        let need = (width(keys) + 1 + width(word)) as u16;
        if x + need > end {
            break;
        }
        buf.set_string(x, foot.y, keys, theme.key);
        buf.set_string(x + width(keys) as u16 + 1, foot.y, word, theme.status);
        x += need + 2;
    }
}

/// A yes/no question (discard changed levers, replace or delete a
/// variant), centred.
pub fn render_confirm(
    doc: &Document,
    view: &View,
    kind: &Confirm,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let t = i18n::tui(view.lang);
    let v = i18n::variant(view.lang);
    let question = match kind {
        Confirm::OverwriteVariant(name) => format!("{} «{name}»?", v.confirm_overwrite),
        Confirm::DeleteVariant(name) => format!("{} «{name}»?", v.confirm_delete),
        _ => tui_text::confirm_discard(view.lang, doc.changed_count(), *kind == Confirm::ToPicker),
    };
    let w = area.width.saturating_sub(4).min(60);
    let mut lines = wrap(&question, w.saturating_sub(4) as usize);
    lines.push(String::new());
    lines.push(t.yes_no.to_string());
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.warning)
        .style(theme.overlay);
    let inner = block.inner(r);
    block.render(r, buf);
    for (i, line) in lines.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let style = if i + 1 == lines.len() {
            theme.key
        } else {
            theme.label
        };
        buf.set_stringn(inner.x + 1, y, line, inner.width as usize - 1, style);
    }
}
