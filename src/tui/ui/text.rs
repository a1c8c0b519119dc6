//! Text fitting: widths, truncation of labels (never of numbers) and a
//! word wrapper that never breaks inside a number (`8 400 000 kr`).

use ratatui::text::Span;

/// Display width of a text in terminal cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// A label cut to `w` cells with `…`. Use for words only; numbers are
/// never truncated (layouts give them their full width first).
pub fn truncate(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// `s` right-aligned in `w` cells.
pub fn right(s: &str, w: usize) -> String {
    let n = width(s);
    if n >= w {
        s.to_string()
    } else {
        format!("{}{s}", " ".repeat(w - n))
    }
}

/// `s` left-aligned in `w` cells.
pub fn left(s: &str, w: usize) -> String {
    let n = width(s);
    if n >= w {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

/// Words that belong to the number before or after them.
fn is_unit(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.', ';', ':', ')']),
        "kr" | "%" | "mill" | "mrd" | "NOK" | "EUR" | "SEK" | "GBP" | "USD" | "×"
    )
}

fn digit_at_end(s: &str) -> bool {
    s.chars().last().is_some_and(|c| c.is_ascii_digit())
}

fn digit_at_start(s: &str) -> bool {
    s.trim_start_matches(['−', '-', '+'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Splits text into unbreakable pieces: words, with the spaces inside a
/// number (`1 234 567`) and between a number and its unit kept.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let glue = out.last().is_some_and(|prev: &String| {
            let prev_last = prev.rsplit(' ').next().unwrap_or(prev);
            let prev_unit = is_unit(prev_last.trim_start_matches(['−', '-']));
            let next_number = digit_at_start(word) || is_unit(word);
            (digit_at_end(prev) || prev_unit) && next_number
        });
        match out.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// Wraps text to `w` cells at spaces, never inside a number.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for piece in pieces(para) {
            let need = if line.is_empty() {
                width(&piece)
            } else {
                width(&line) + 1 + width(&piece)
            };
            if need <= w {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&piece);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if width(&piece) <= w {
                line = piece;
            } else {
                // A single piece wider than the line: break it hard.
                let mut chunk = String::new();
                for c in piece.chars() {
                    if width(&chunk) + 1 > w {
                        lines.push(std::mem::take(&mut chunk));
                    }
                    chunk.push(c);
                }
                line = chunk;
            }
        }
        lines.push(line);
    }
    lines
}

/// Joins items with ` · ` into lines of at most `w` cells, breaking only
/// between items.
pub fn wrap_items(items: &[String], w: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for item in items {
        let need = if line.is_empty() {
            width(item)
        } else {
            width(&line) + 3 + width(item)
        };
        if need > w && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(item);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_numbers_whole() {
        let text =
            "Kapitalbehov: investor trekker 8 400 000 kr, men bare 7 000 000 kr er forpliktet";
        for w in 14..60 {
            for line in wrap(text, w) {
                assert!(!line.ends_with(" 400"), "{line:?} at {w}");
                assert!(!line.starts_with("000"), "{line:?} at {w}");
                assert!(!line.starts_with("kr"), "{line:?} at {w}");
            }
        }
        assert_eq!(
            wrap("betaler 8,4 mill. kr i alt", 14),
            vec!["betaler", "8,4 mill. kr i", "alt"]
        );
        assert_eq!(wrap("NOK 1,234 paid", 9), vec!["NOK 1,234", "paid"]);
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Leverandørens risiko", 10), "Leverandø…");
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(width(&truncate("Leverandørens risiko", 10)), 10);
    }

    #[test]
    fn items_break_between_items() {
        let items = vec![
            "0,0 %–200,0 %".to_string(),
            "steg 5,0 %".into(),
            "scenario 100,0 %".into(),
        ];
        assert_eq!(
            wrap_items(&items, 30),
            vec!["0,0 %–200,0 % · steg 5,0 %", "scenario 100,0 %"]
        );
    }
}
