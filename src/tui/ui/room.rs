//! A room's parts of the screen (`effekt serve`, `room NAME`): the room's
//! line in the header, the waiting screen of a participant whose
//! facilitator is still picking a scenario, and the participants overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::{truncate, width};
use crate::i18n::{self, room, room_text};
use crate::tui::room::{Place, RoomStatus};
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// The room's part of the header: the room, who steers, whether this view
/// follows. `None` outside a room.
pub fn label(view: &View) -> Option<String> {
    let s = view.room.as_ref()?;
    let lang = view.lang;
    let name = &s.name;
    Some(match (&s.place, s.driver()) {
        (Place::Copy { .. }, _) => room_text::copy_of(lang, name),
        (Place::Room, _) if s.you_steer() => room_text::you_steer(lang, name, s.present()),
        (Place::Room, Some(d)) if s.follows() => room_text::following(lang, name, &d.name),
        (Place::Room, Some(d)) => room_text::steers(lang, name, &d.name),
        (Place::Room, None) => room_text::nobody(lang, name),
    })
}

/// The screen of a participant whose room has no scenario yet.
pub fn render_waiting(
    view: &View,
    status: &RoomStatus,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let t = room(view.lang);
    let u = i18n::tui(view.lang);
    let (head, body, foot) = super::frame_areas(area);
    buf.set_style(head, theme.header);
    let title = format!(" {} │ {}", u.app_name, label(view).unwrap_or_default());
    buf.set_stringn(head.x, head.y, &title, head.width as usize, theme.header);
    let driver = status.driver().map(|d| d.name.as_str());
    let mut lines = vec![
        Line::styled(
            room_text::waiting(view.lang, &status.name, driver),
            theme.title,
        ),
        Line::default(),
        Line::styled(t.waiting_hint, theme.label),
        Line::default(),
    ];
    lines.extend(
        status
            .participants
            .iter()
            .map(|p| Line::styled(participant_text(view, status, p), theme.muted)),
    );
    let w = body.width.saturating_sub(4).min(76);
    let h = (lines.len() as u16 + 2).min(body.height);
    let r = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    );
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(r, buf);
    buf.set_style(foot, theme.status);
    buf.set_stringn(
        foot.x + 1,
        foot.y,
        t.waiting_keys,
        foot.width.saturating_sub(1) as usize,
        theme.status,
    );
    if let Some(m) = &view.message {
        let w = foot.width.saturating_sub(2) as usize;
        let x = foot
            .right()
            .saturating_sub(width(&m.text).min(w) as u16 + 1);
        buf.set_stringn(x, foot.y, truncate(&m.text, w), w, theme.info);
    }
}

/// A participant as the list shows them: name and role.
fn participant_text(view: &View, status: &RoomStatus, p: &crate::tui::room::Participant) -> String {
    let t = room(view.lang);
    let mut roles = Vec::new();
    if status.driver == Some(p.id) {
        roles.push(t.facilitator);
    }
    if p.id == status.you {
        roles.push(t.you);
    }
    if p.away {
        roles.push(t.in_copy);
    }
    if roles.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, roles.join(", "))
    }
}

/// The participants overlay: everyone in the room, the facilitator
/// marked; the facilitator hands over the floor from here, the others ask
/// for it.
pub fn render_participants(
    view: &View,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let Some(status) = &view.room else {
        return;
    };
    let t = room(view.lang);
    let title = room_text::participants_in(view.lang, &status.name, status.participants.len());
    let hint = if status.you_steer() {
        t.hint_driver
    } else {
        t.hint_follower
    };
    let rows: Vec<String> = status
        .participants
        .iter()
        .map(|p| participant_text(view, status, p))
        .collect();
    let content_w = rows
        .iter()
        .map(|r| width(r) + 4)
        .chain([width(&title) + 4, width(hint) + 4])
        .max()
        .unwrap_or(20);
    let w = (content_w as u16).min(area.width.saturating_sub(2));
    let h = (rows.len() as u16 + 4).min(area.height.saturating_sub(2));
    let r = super::centered(area, w, h, buf);
    let block = super::overlay(&title, hint, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    // The selected row stays in sight in a short terminal.
    let visible = inner.height.saturating_sub(1).max(1) as usize;
    let offset = (selected + 1).saturating_sub(visible);
    let iw = inner.width.saturating_sub(3) as usize;
    for (i, row) in rows.iter().enumerate().skip(offset) {
        let y = inner.y + 1 + (i - offset) as u16;
        if y >= inner.bottom() {
            break;
        }
        if i == selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected);
            buf.set_string(inner.x, y, "▶", theme.selected);
        }
        let style = if i == selected {
            theme.selected
        } else {
            theme.label
        };
        buf.set_string(inner.x + 2, y, truncate(row, iw), style);
    }
}
