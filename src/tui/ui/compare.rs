//! The compare screen (4). Saved variants come with issue 4; until then
//! the screen says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::wrap;
use crate::i18n;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn render(app: &App, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let u = i18n::tui(app.lang);
    let block = super::panel(u.screen_compare, true, theme);
    let inner = block.inner(body);
    block.render(body, buf);
    let w = inner.width.saturating_sub(4).min(70);
    let lines = wrap(u.compare_later, w as usize);
    let y0 = inner.y + inner.height.saturating_sub(lines.len() as u16) / 3;
    let x = inner.x + (inner.width - w) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = y0 + i as u16;
        if y < inner.bottom() {
            buf.set_string(x, y, line, theme.label);
        }
    }
}
