//! Every style of the TUI in one place. No widget names a colour; it asks
//! the theme. Nothing is conveyed by colour alone: negative numbers carry a
//! minus sign, changed levers a mark, the selection a `▶` and reverse video,
//! chart series their own line pattern.

use ratatui::style::{Color, Modifier, Style};

/// The themes a user can choose with `t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    /// The 16 ANSI colours on the terminal's own background.
    Default,
    /// White on black, bold, for projectors.
    HighContrast,
    /// No colour at all (`NO_COLOR`): bold, reverse and underline only.
    Mono,
}

impl ThemeKind {
    /// The theme to start with: monochrome when `NO_COLOR` is set and not
    /// empty (<https://no-color.org>), else the default.
    pub fn from_env() -> ThemeKind {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            ThemeKind::Mono
        } else {
            ThemeKind::Default
        }
    }

    /// The next theme for `t`. Under `NO_COLOR` only the monochrome theme
    /// is offered.
    pub fn next(self, no_color: bool) -> ThemeKind {
        if no_color {
            return ThemeKind::Mono;
        }
        match self {
            ThemeKind::Default => ThemeKind::HighContrast,
            ThemeKind::HighContrast => ThemeKind::Mono,
            ThemeKind::Mono => ThemeKind::Default,
        }
    }

    /// The styles of this theme; presentation mode turns the default theme
    /// into high contrast.
    pub fn theme(self, presentation: bool) -> &'static Theme {
        match (self, presentation) {
            (ThemeKind::Default, false) => &DEFAULT,
            (ThemeKind::Default, true) | (ThemeKind::HighContrast, _) => &HIGH_CONTRAST,
            (ThemeKind::Mono, _) => &MONO,
        }
    }
}

/// Every style the screens use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// The whole screen.
    pub base: Style,
    /// The top line: app name and scenario title.
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    /// Titles of panels.
    pub title: Style,
    /// Lever group headings.
    pub group: Style,
    /// The selected row (also marked with `▶`).
    pub selected: Style,
    /// The mark of a lever that differs from the scenario.
    pub changed: Style,
    pub label: Style,
    /// A number.
    pub value: Style,
    /// A key figure's number.
    pub figure: Style,
    /// A negative number (which also carries a minus sign).
    pub negative: Style,
    /// The change since the last step.
    pub delta: Style,
    pub bar_fill: Style,
    pub bar_empty: Style,
    /// Secondary text.
    pub muted: Style,
    pub warning: Style,
    pub error: Style,
    pub info: Style,
    /// Keys in the status bar and help.
    pub key: Style,
    pub status: Style,
    pub payer: Style,
    pub cofunder: Style,
    pub series_payments: Style,
    pub series_investor: Style,
    pub series_payer_npv: Style,
    pub marker_now: Style,
    pub marker_target: Style,
    pub axis: Style,
    pub table_header: Style,
    /// Rows of totals in tables.
    pub total: Style,
    /// Assumptions on the scenario screen.
    pub assumption: Style,
    /// Overlays (help, confirmation).
    pub overlay: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;

/// The 16 ANSI colours on the terminal's background.
pub static DEFAULT: Theme = Theme {
    base: Style::new(),
    header: fg(Color::Cyan).add_modifier(BOLD),
    tab: fg(Color::Gray),
    tab_active: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    border: fg(Color::DarkGray),
    title: fg(Color::Cyan).add_modifier(BOLD),
    group: fg(Color::Yellow).add_modifier(BOLD),
    selected: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    changed: fg(Color::LightYellow).add_modifier(BOLD),
    label: Style::new(),
    value: Style::new().add_modifier(BOLD),
    figure: Style::new().add_modifier(BOLD),
    negative: fg(Color::LightRed).add_modifier(BOLD),
    delta: fg(Color::Cyan),
    bar_fill: fg(Color::Cyan),
    bar_empty: fg(Color::DarkGray),
    muted: fg(Color::DarkGray),
    warning: fg(Color::LightYellow),
    error: fg(Color::LightRed).add_modifier(BOLD),
    info: fg(Color::Cyan),
    key: fg(Color::Yellow).add_modifier(BOLD),
    status: Style::new(),
    payer: fg(Color::LightBlue),
    cofunder: fg(Color::LightMagenta),
    series_payments: fg(Color::LightYellow),
    series_investor: fg(Color::LightGreen),
    series_payer_npv: fg(Color::LightCyan),
    marker_now: fg(Color::White).add_modifier(BOLD),
    marker_target: fg(Color::Gray),
    axis: fg(Color::Gray),
    table_header: fg(Color::Cyan).add_modifier(BOLD),
    total: Style::new().add_modifier(BOLD),
    assumption: fg(Color::Yellow),
    overlay: Style::new(),
};

/// White on black, bold: for projectors and bright rooms.
pub static HIGH_CONTRAST: Theme = Theme {
    base: Style::new().fg(Color::White).bg(Color::Black),
    header: fg(Color::White).add_modifier(BOLD),
    tab: fg(Color::White),
    tab_active: fg(Color::Black).bg(Color::White).add_modifier(BOLD),
    border: fg(Color::White),
    title: fg(Color::White).add_modifier(BOLD.union(Modifier::UNDERLINED)),
    group: fg(Color::LightYellow).add_modifier(BOLD),
    selected: fg(Color::Black).bg(Color::White).add_modifier(BOLD),
    changed: fg(Color::LightYellow).add_modifier(BOLD),
    label: fg(Color::White),
    value: fg(Color::White).add_modifier(BOLD),
    figure: fg(Color::White).add_modifier(BOLD),
    negative: fg(Color::LightRed).add_modifier(BOLD),
    delta: fg(Color::LightCyan).add_modifier(BOLD),
    bar_fill: fg(Color::White),
    bar_empty: fg(Color::Gray),
    muted: fg(Color::Gray),
    warning: fg(Color::LightYellow).add_modifier(BOLD),
    error: fg(Color::LightRed).add_modifier(BOLD),
    info: fg(Color::LightCyan),
    key: fg(Color::LightYellow).add_modifier(BOLD),
    status: fg(Color::White),
    payer: fg(Color::LightCyan),
    cofunder: fg(Color::LightMagenta),
    series_payments: fg(Color::LightYellow).add_modifier(BOLD),
    series_investor: fg(Color::LightGreen).add_modifier(BOLD),
    series_payer_npv: fg(Color::LightCyan).add_modifier(BOLD),
    marker_now: fg(Color::White).add_modifier(BOLD),
    marker_target: fg(Color::Gray),
    axis: fg(Color::White),
    table_header: fg(Color::White).add_modifier(BOLD.union(Modifier::UNDERLINED)),
    total: fg(Color::White).add_modifier(BOLD),
    assumption: fg(Color::LightYellow),
    overlay: fg(Color::White).bg(Color::Black),
};

/// No colour: attributes only (`NO_COLOR`).
pub static MONO: Theme = Theme {
    base: Style::new(),
    header: Style::new().add_modifier(BOLD),
    tab: Style::new(),
    tab_active: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    border: Style::new(),
    title: Style::new().add_modifier(BOLD),
    group: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    selected: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    changed: Style::new().add_modifier(BOLD),
    label: Style::new(),
    value: Style::new().add_modifier(BOLD),
    figure: Style::new().add_modifier(BOLD),
    negative: Style::new().add_modifier(BOLD),
    delta: Style::new(),
    bar_fill: Style::new(),
    bar_empty: Style::new(),
    muted: Style::new(),
    warning: Style::new().add_modifier(BOLD),
    error: Style::new().add_modifier(BOLD),
    info: Style::new(),
    key: Style::new().add_modifier(BOLD),
    status: Style::new(),
    payer: Style::new(),
    cofunder: Style::new(),
    series_payments: Style::new(),
    series_investor: Style::new(),
    series_payer_npv: Style::new(),
    marker_now: Style::new().add_modifier(BOLD),
    marker_target: Style::new(),
    axis: Style::new(),
    table_header: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    total: Style::new().add_modifier(BOLD),
    assumption: Style::new(),
    overlay: Style::new(),
};

impl Theme {
    /// The style of a number: negative ones stand out (they also carry a
    /// minus sign from `format`).
    pub fn number(&self, negative: bool) -> Style {
        if negative { self.negative } else { self.value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_uses_no_colour_but_keeps_selection_visible() {
        let all = [
            MONO.base,
            MONO.header,
            MONO.selected,
            MONO.negative,
            MONO.payer,
            MONO.cofunder,
            MONO.tab_active,
        ];
        for s in all {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(MONO.selected.add_modifier.contains(Modifier::REVERSED));
    }

    /// Every style of a theme. The pattern names every field (no `..`),
    /// so a new style cannot be left out of the checks.
    macro_rules! every_style {
        ($theme:expr; $($field:ident),* $(,)?) => {{
            let Theme { $($field),* } = *$theme;
            vec![$($field),*]
        }};
    }

    fn styles(t: &Theme) -> Vec<Style> {
        every_style!(t;
            base, header, tab, tab_active, border, title, group, selected, changed, label,
            value, figure, negative, delta, bar_fill, bar_empty, muted, warning, error, info,
            key, status, payer, cofunder, series_payments, series_investor, series_payer_npv,
            marker_now, marker_target, axis, table_header, total, assumption, overlay,
        )
    }

    /// One of the 16 ANSI colours (or the terminal's own): what a
    /// 16-colour terminal can show.
    fn ansi16(c: Option<Color>) -> bool {
        use Color::*;
        matches!(
            c,
            None | Some(
                Reset
                    | Black
                    | Red
                    | Green
                    | Yellow
                    | Blue
                    | Magenta
                    | Cyan
                    | Gray
                    | DarkGray
                    | LightRed
                    | LightGreen
                    | LightYellow
                    | LightBlue
                    | LightMagenta
                    | LightCyan
                    | White
            )
        )
    }

    #[test]
    fn every_style_of_every_theme_uses_the_16_ansi_colours() {
        for (name, theme) in [
            ("default", &DEFAULT),
            ("high contrast", &HIGH_CONTRAST),
            ("mono", &MONO),
        ] {
            for (i, s) in styles(theme).into_iter().enumerate() {
                assert!(
                    ansi16(s.fg) && ansi16(s.bg) && ansi16(s.underline_color),
                    "{name} theme, style {i}: {s:?}"
                );
            }
        }
        for s in styles(&MONO) {
            assert_eq!((s.fg, s.bg), (None, None), "mono has no colour: {s:?}");
        }
    }

    #[test]
    fn no_color_keeps_mono() {
        assert_eq!(ThemeKind::Mono.next(true), ThemeKind::Mono);
        assert_eq!(ThemeKind::Default.next(false), ThemeKind::HighContrast);
    }
}
