//! Colours, borders and status symbols. Colour never carries meaning alone: every status has
//! a word or a symbol too, so NO_COLOR and mono terminals stay readable.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::domain::jadwal::StatusKejadian;
use crate::domain::tenggat::Status;

#[derive(Debug, Clone, Copy)]
pub struct Tema {
    pub warna: bool,
    pub ascii: bool,
}

impl Tema {
    pub fn baru(warna: bool, ascii: bool) -> Self {
        Tema { warna, ascii }
    }

    /// NO_COLOR set and non-empty turns colour off; a non-UTF-8 locale turns ASCII on.
    pub fn dari_lingkungan(ascii: bool) -> Self {
        let warna = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let utf8 = crate::domain::teks::lokal_utf8();
        Tema::baru(warna, ascii || !utf8)
    }

    fn fg(&self, c: Color) -> Style {
        if self.warna {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    pub fn judul(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn redup(&self) -> Style {
        if self.warna {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// The selected row or cell: reversed, readable without colour.
    pub fn pilih(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn tab_aktif(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn galat(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn berhasil(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::TepatWaktu => self.fg(Color::Green),
            Status::Terlambat => self.fg(Color::Yellow),
            Status::LewatTenggat => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Status::MendekatiTenggat => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Status::BelumJatuhTempo => self.redup(),
        }
    }

    /// A short symbol for a status, in the chosen character set.
    pub fn simbol(&self, s: Status) -> &'static str {
        match (s, self.ascii) {
            (Status::TepatWaktu, false) => "✓",
            (Status::TepatWaktu, true) => "v",
            (Status::Terlambat, false) => "≈",
            // not `~`, which marks a cut name
            (Status::Terlambat, true) => "T",
            (Status::LewatTenggat, false) => "✗",
            (Status::LewatTenggat, true) => "X",
            (Status::MendekatiTenggat, _) => "!",
            (Status::BelumJatuhTempo, false) => "·",
            (Status::BelumJatuhTempo, true) => ".",
        }
    }

    /// Short word for a status in a narrow cell.
    pub fn kata_pendek(s: Status) -> &'static str {
        match s {
            Status::TepatWaktu => "tepat",
            Status::Terlambat => "telat",
            Status::LewatTenggat => "LEWAT",
            Status::MendekatiTenggat => "segera",
            Status::BelumJatuhTempo => "belum",
        }
    }

    pub fn kejadian(&self, s: StatusKejadian) -> (&'static str, Style) {
        match s {
            StatusKejadian::Selesai => (if self.ascii { "v" } else { "✓" }, self.fg(Color::Green)),
            StatusKejadian::Terlewat => (
                if self.ascii { "X" } else { "✗" },
                self.fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            StatusKejadian::BulanIni => ("o", self.fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            StatusKejadian::Direncanakan => ("o", self.fg(Color::Cyan)),
        }
    }

    /// An empty cell of a grid.
    pub fn titik(&self) -> &'static str {
        if self.ascii { "." } else { "·" }
    }
}

/// ASCII stand-ins for the few non-ASCII characters the screens use, for `--ascii`.
pub fn ascii(simbol: &str) -> Option<&'static str> {
    Some(match simbol {
        "·" => ".",
        "–" | "—" | "─" => "-",
        "←" => "<",
        "→" => ">",
        "↑" => "^",
        "↓" => "v",
        "✓" => "v",
        "✗" => "X",
        "≈" => "T",
        "▶" => ">",
        "▏" => "|",
        "…" => "~",
        "×" => "x",
        "²" => "2",
        "│" => "|",
        "┌" | "┐" | "└" | "┘" => "+",
        _ if simbol.is_ascii() => return None,
        // a letter with its mark dropped (é → e), the first letter of another script's
        // spelling (a cell holds one character)
        _ => simbol
            .chars()
            .next()
            .and_then(deunicode::deunicode_char)
            .and_then(|t| t.get(..1))
            .filter(|t| t.is_ascii() && !t.is_empty())
            .unwrap_or("?"),
    })
}
