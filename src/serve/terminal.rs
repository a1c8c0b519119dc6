//! A client's terminal, as SSH describes it: its type (`TERM` from the
//! pty request), what it can show, and the escapes that set it up for the
//! workshop and put it back. Nothing here knows the workshop.

/// Largest terminal drawn (a client may claim any size; the screen's
/// buffers grow with it). Larger terminals are drawn at this size.
pub const MAX_SIZE: (u16, u16) = (500, 200);

/// The size taken when a client sends none (0×0).
pub const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// What a terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colours {
    /// The 16 ANSI colours (every colour terminal has them).
    Sixteen,
    /// None: bold, reverse and underline only.
    Mono,
}

/// Why a terminal cannot show the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unusable;

/// Terminal types without colour: the DEC VT family, and terminfo's
/// `-m`/`-mono` variants (`xterm-mono`, `linux-m`).
const MONO_TYPES: [&str; 7] = ["vt52", "vt100", "vt102", "vt220", "vt320", "vt420", "vt510"];

/// What a terminal of type `term` can show; `no_color` is the client's
/// `NO_COLOR` (sent with `ssh -o SetEnv=NO_COLOR=1`). A terminal that
/// understands no escapes at all (`dumb`, or no type) cannot be used.
pub fn colours(term: &str, no_color: bool) -> Result<Colours, Unusable> {
    let term = term.trim().to_ascii_lowercase();
    if term.is_empty() || term == "dumb" || term == "unknown" {
        return Err(Unusable);
    }
    let family = term.split('-').next().unwrap_or("");
    let mono =
        no_color || term.ends_with("-m") || term.ends_with("-mono") || MONO_TYPES.contains(&family);
    Ok(if mono {
        Colours::Mono
    } else {
        Colours::Sixteen
    })
}

/// The size to draw for a pty request or window change: at least 1×1
/// (0×0, "unknown", gives the default), at most [`MAX_SIZE`].
pub fn size(cols: u32, rows: u32) -> (u16, u16) {
    if cols == 0 || rows == 0 {
        return DEFAULT_SIZE;
    }
    let clamp = |v: u32, max: u16| v.min(u32::from(max)) as u16;
    (clamp(cols, MAX_SIZE.0), clamp(rows, MAX_SIZE.1))
}

/// Sent before the first frame: the alternate screen, cleared, cursor
/// hidden, and mouse reporting of presses and the wheel (no motion, which
/// would flood a slow link) in SGR encoding — as the local workshop does.
pub const SET_UP: &[u8] = b"\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l\x1b[?1000h\x1b[?1006h";

/// Sent last: attributes reset, mouse off, cursor shown, the normal screen
/// back as it was.
pub const RESTORE: &[u8] = b"\x1b[0m\x1b[?1006l\x1b[?1000l\x1b[?25h\x1b[?1049l";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_terminals_get_sixteen_colours() {
        for term in [
            "xterm",
            "xterm-256color",
            "screen",
            "tmux-256color",
            "linux",
            "rxvt-unicode",
        ] {
            assert_eq!(colours(term, false), Ok(Colours::Sixteen), "{term}");
        }
    }

    #[test]
    fn monochrome_terminals_and_no_color_get_mono() {
        for term in ["vt100", "VT220", "vt100-am", "xterm-mono", "linux-m"] {
            assert_eq!(colours(term, false), Ok(Colours::Mono), "{term}");
        }
        assert_eq!(colours("xterm-256color", true), Ok(Colours::Mono));
    }

    #[test]
    fn dumb_or_no_terminal_type_is_unusable() {
        for term in ["dumb", "", "  ", "unknown", "DUMB"] {
            assert_eq!(colours(term, false), Err(Unusable), "{term:?}");
        }
    }

    #[test]
    fn sizes_are_clamped_and_zero_means_the_default() {
        assert_eq!(size(120, 40), (120, 40));
        assert_eq!(size(0, 0), DEFAULT_SIZE);
        assert_eq!(size(80, 0), DEFAULT_SIZE);
        assert_eq!(size(u32::MAX, u32::MAX), MAX_SIZE);
        assert_eq!(size(1, 1), (1, 1));
    }
}
