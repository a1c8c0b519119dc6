//! The workshop screen's layout: levers and key figures always; charts,
//! the risk-sharing table and a warnings panel where there is room.
//! Figures are never cut: the charts go first when space runs out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{charts, figures, levers, risk};
use crate::i18n;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// Where each part of the workshop screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Panels are ruled rather than boxed, money without currency.
    pub compact: bool,
    pub levers: Rect,
    pub figures: Rect,
    pub payments: Option<Rect>,
    pub payoff: Option<Rect>,
    pub risk: Option<Rect>,
    /// A panel of its own for the warnings (else the figures show them).
    pub warnings: Option<Rect>,
}

/// Computes the layout (also used to find what the mouse points at).
pub fn areas(doc: &Document, view: &View, body: Rect) -> Areas {
    let lw = levers::wanted_width(doc, view);
    let fw = figures::wanted_width(doc, view);
    let wide = body.width >= lw + fw && body.height >= 28;
    let compact = !wide;
    let (levers_w, figures_w) = if wide {
        (lw, fw)
    } else {
        let l = lw.min((body.width / 2).max(36));
        (l, body.width.saturating_sub(l))
    };
    // Warnings take the room left under the figures (or a panel of their
    // own), so the layout does not move when one appears.
    let fig_h = figures::rows_needed(doc, view, compact) + if compact { 1 } else { 2 };
    let top_h = levers::wanted_height(doc, view, compact, levers_w)
        .max(fig_h)
        .min(body.height);
    let rest = body.height - top_h;
    let top = Rect {
        height: top_h,
        ..body
    };
    let levers_r = Rect {
        width: levers_w,
        ..top
    };
    let right_w = body.width.saturating_sub(levers_w + figures_w);
    let mut payments = (wide && right_w >= 30).then(|| Rect {
        x: body.x + levers_w + figures_w,
        width: right_w,
        ..top
    });
    let figures_r = Rect {
        x: body.x + levers_w,
        width: if payments.is_some() {
            figures_w
        } else {
            body.width - levers_w
        },
        ..top
    };
    let bottom = Rect {
        y: body.y + top_h,
        height: rest,
        ..body
    };
    let mut warnings = None;
    let (payoff, risk_r) = if rest < 10 {
        // Too low for the payoff chart; the payments per period still fit.
        if rest >= 7 && payments.is_none() {
            payments = Some(bottom);
        }
        (None, None)
    } else {
        let rw = risk::wanted_width(doc, view, !wide);
        if wide && body.width >= rw + 50 {
            let table_h = risk::rows_needed(doc, view) + 2;
            let column = Rect {
                x: bottom.x + body.width - rw,
                width: rw,
                ..bottom
            };
            let table = Rect {
                height: table_h.min(column.height),
                ..column
            };
            if column.height >= table_h + 4 {
                warnings = Some(Rect {
                    y: column.y + table_h,
                    height: column.height - table_h,
                    ..column
                });
            }
            (
                Some(Rect {
                    width: body.width - rw,
                    ..bottom
                }),
                Some(table),
            )
        } else if payments.is_none() && body.width >= 110 {
            // Payoff chart and payments per period side by side.
            let pw = (body.width * 2 / 5).min(56);
            payments = Some(Rect {
                x: bottom.right() - pw,
                width: pw,
                ..bottom
            });
            // Ruled panels have no side borders: keep a column between.
            let gap = u16::from(compact);
            (
                Some(Rect {
                    width: body.width - pw - gap,
                    ..bottom
                }),
                None,
            )
        } else {
            (Some(bottom), None)
        }
    };
    Areas {
        compact,
        levers: levers_r,
        figures: figures_r,
        payments,
        payoff,
        risk: risk_r,
        warnings,
    }
}

fn warnings_panel(doc: &Document, view: &View, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let block = super::panel(i18n::texts(view.lang).warnings, false, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    let area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    if doc.computed.figures.evaluation.warnings.is_empty() {
        buf.set_string(
            area.x,
            area.y,
            i18n::tui(view.lang).no_warnings,
            theme.muted,
        );
    } else {
        figures::draw_warnings(doc, view, area, buf, theme);
    }
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let a = areas(doc, view, body);
    levers::render(doc, view, a.levers, a.compact, buf, theme);
    let hint =
        (a.payoff.is_none() || a.risk.is_none()).then_some(i18n::tui(view.lang).charts_elsewhere);
    let with_warnings = a.warnings.is_none();
    figures::render(
        doc,
        view,
        a.figures,
        a.compact,
        with_warnings,
        hint,
        buf,
        theme,
    );
    if let Some(r) = a.payments {
        charts::payments(doc, view, r, a.compact, buf, theme);
    }
    if let Some(r) = a.payoff {
        charts::payoff(doc, view, r, a.compact, buf, theme);
    }
    if let Some(r) = a.risk {
        risk::render_table(doc, view, r, a.compact, buf, theme);
    }
    if let Some(r) = a.warnings {
        warnings_panel(doc, view, r, buf, theme);
    }
}
