//! Forms built on ratatui-textarea: one line per field, each checked as it is typed, the
//! reason shown next to the field in Indonesian.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::domain::angka::{Seratus, parse_bulat, parse_desimal, parse_rupiah, parse_ya_tidak};
use crate::domain::jadwal::Bulan;
use crate::domain::tanggal::{format_tanggal, parse_tanggal};
use crate::tui::tema::Tema;

#[derive(Debug, Clone)]
pub enum Jenis {
    Teks,
    /// A date, not after `batas` when given.
    Tanggal {
        batas: Option<NaiveDate>,
    },
    /// A desa document's date: not after `batas`, nor before what its kind and fiscal year
    /// allow (`AturanTenggat::periksa_tanggal`).
    TanggalDokumen {
        batas: NaiveDate,
        jenis: String,
        aturan: crate::domain::tenggat::AturanTenggat,
        ta: i32,
    },
    Rupiah,
    Bulat,
    Desimal,
    YaTidak,
    Bulan,
    /// One of these codes (case-insensitive).
    Kode(Vec<String>),
}

pub struct Bidang {
    pub label: String,
    pub jenis: Jenis,
    pub wajib: bool,
    pub area: TextArea<'static>,
    pub galat: Option<String>,
    awal: String,
}

impl Bidang {
    pub fn new(label: &str, jenis: Jenis, wajib: bool, nilai: &str) -> Self {
        let mut area = TextArea::new(vec![nilai.to_string()]);
        area.set_cursor_line_style(Style::default());
        // the focused field: underlined, the cursor reversed (readable without colour)
        area.set_cursor_style(Style::new().add_modifier(ratatui::style::Modifier::REVERSED));
        area.set_style(Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED));
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Bidang {
            label: label.to_string(),
            jenis,
            wajib,
            area,
            galat: None,
            awal: nilai.to_string(),
        }
    }

    pub fn teks(&self) -> String {
        self.area.lines().join(" ").trim().to_string()
    }

    fn periksa(&mut self) {
        self.galat = periksa(&self.jenis, self.wajib, &self.teks()).err();
    }
}

/// Checks one value; the error is shown next to the field.
pub fn periksa(jenis: &Jenis, wajib: bool, teks: &str) -> Result<(), String> {
    if teks.is_empty() || (wajib && teks.trim().is_empty()) {
        return if wajib {
            Err("wajib diisi".into())
        } else {
            Ok(())
        };
    }
    match jenis {
        Jenis::Teks => crate::domain::teks::periksa(teks, crate::domain::teks::Ragam::Panjang),
        Jenis::Tanggal { batas } => {
            let t = parse_tanggal(teks)?;
            match batas {
                Some(b) if t > *b => Err(format!("sesudah hari ini ({})", format_tanggal(*b))),
                _ => Ok(()),
            }
        }
        Jenis::TanggalDokumen {
            batas,
            jenis,
            aturan,
            ta,
        } => {
            periksa(
                &Jenis::Tanggal {
                    batas: Some(*batas),
                },
                wajib,
                teks,
            )?;
            aturan.periksa_tanggal(jenis, *ta, parse_tanggal(teks)?)
        }
        Jenis::Rupiah => parse_rupiah(teks).and_then(|v| {
            if v < 0 {
                Err("tidak boleh negatif".into())
            } else {
                Ok(())
            }
        }),
        Jenis::Bulat => parse_bulat(teks).map(|_| ()),
        Jenis::Desimal => parse_desimal(teks).map(|_| ()),
        Jenis::YaTidak => parse_ya_tidak(teks).map(|_| ()),
        Jenis::Bulan => Bulan::parse(teks).map(|_| ()),
        Jenis::Kode(daftar) => {
            if daftar.iter().any(|k| k.eq_ignore_ascii_case(teks)) {
                Ok(())
            } else {
                Err(format!("pilih salah satu: {}", ringkas(daftar)))
            }
        }
    }
}

fn ringkas(daftar: &[String]) -> String {
    if daftar.len() > 6 {
        format!(
            "{}, …, {}",
            daftar[..3].join(", "),
            daftar[daftar.len() - 1]
        )
    } else {
        daftar.join(", ")
    }
}

/// What a key did to the form.
#[derive(Debug, PartialEq, Eq)]
pub enum HasilTombol {
    Lanjut,
    Simpan,
    Tutup,
}

pub struct Form {
    pub judul: String,
    pub bidang: Vec<Bidang>,
    pub fokus: usize,
    /// Lines of help shown under the fields (e.g. the catalogue entry of a facilitation kind).
    pub petunjuk: Vec<String>,
    /// An error from saving (conflict, database), shown at the bottom.
    pub galat: Option<String>,
}

impl Form {
    pub fn new(judul: &str, bidang: Vec<Bidang>) -> Self {
        Form {
            judul: judul.to_string(),
            bidang,
            fokus: 0,
            petunjuk: Vec::new(),
            galat: None,
        }
    }

    pub fn teks(&self, i: usize) -> String {
        self.bidang.get(i).map(Bidang::teks).unwrap_or_default()
    }

    pub fn berubah(&self) -> bool {
        self.bidang.iter().any(|b| b.teks() != b.awal.trim())
    }

    /// Checks every field; true when all are valid.
    pub fn sah(&mut self) -> bool {
        for b in &mut self.bidang {
            b.periksa();
        }
        match self.bidang.iter().position(|b| b.galat.is_some()) {
            Some(i) => {
                self.fokus = i;
                false
            }
            None => true,
        }
    }

    pub fn tombol(&mut self, k: KeyEvent) -> HasilTombol {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char('s') if ctrl => return HasilTombol::Simpan,
            KeyCode::Esc => return HasilTombol::Tutup,
            KeyCode::Tab | KeyCode::Down => {
                self.fokus = (self.fokus + 1) % self.bidang.len().max(1);
            }
            KeyCode::BackTab | KeyCode::Up => {
                let n = self.bidang.len().max(1);
                self.fokus = (self.fokus + n - 1) % n;
            }
            KeyCode::Enter => {
                if self.fokus + 1 < self.bidang.len() {
                    self.fokus += 1;
                } else {
                    return HasilTombol::Simpan;
                }
            }
            _ => {
                if let Some(b) = self.bidang.get_mut(self.fokus) {
                    b.area.input(k);
                    b.periksa();
                    self.galat = None;
                }
            }
        }
        HasilTombol::Lanjut
    }

    /// An error from saving. "Label: reason" marks that field, like a check while typing.
    pub fn galat_simpan(&mut self, pesan: String) {
        for (i, b) in self.bidang.iter_mut().enumerate() {
            if let Some(sisa) = pesan.strip_prefix(&format!("{}: ", b.label)) {
                b.galat = Some(sisa.to_string());
                self.fokus = i;
                self.galat = Some("Periksa bidang yang bertanda !".into());
                return;
            }
        }
        self.galat = Some(pesan);
    }

    /// Draws the form as a centred window over `luar`.
    pub fn gambar(&self, f: &mut Frame, luar: Rect, tema: &Tema) {
        let lebar = luar.width.min(78);
        let tinggi_isi = self.bidang.len() as u16 + self.petunjuk.len().min(6) as u16 + 5;
        let tinggi = (tinggi_isi + 2).min(luar.height);
        let area = Rect {
            x: luar.x + (luar.width - lebar) / 2,
            y: luar.y + (luar.height - tinggi) / 2,
            width: lebar,
            height: tinggi,
        };
        f.render_widget(Clear, area);
        let blok = Block::default()
            .borders(Borders::ALL)
            .border_set(tema.border())
            .title(format!(" {} ", self.judul));
        let dalam = blok.inner(area);
        f.render_widget(blok, area);
        let lebar_label = (self
            .bidang
            .iter()
            .map(|b| crate::domain::teks::lebar(&b.label))
            .max()
            .unwrap_or(0) as u16
            + 3)
        .min(dalam.width / 2);
        let lebar_isi = dalam.width.saturating_sub(lebar_label);
        for (i, b) in self.bidang.iter().enumerate() {
            let y = dalam.y + i as u16;
            if y >= dalam.y + dalam.height {
                break;
            }
            let fokus = i == self.fokus;
            // "!" marks a field with a problem, "*" a required one
            let tanda = match (&b.galat, b.wajib) {
                (Some(_), _) => "!",
                (None, true) => "*",
                (None, false) => " ",
            };
            let gaya = if b.galat.is_some() {
                tema.galat()
            } else if fokus {
                tema.judul()
            } else {
                Style::default()
            };
            let label = crate::domain::teks::potong(&b.label, lebar_label as usize - 2);
            f.render_widget(
                Paragraph::new(Span::styled(format!("{label}{tanda}"), gaya)),
                Rect::new(dalam.x, y, lebar_label, 1),
            );
            let kotak = Rect::new(dalam.x + lebar_label, y, lebar_isi, 1);
            if fokus {
                f.render_widget(&b.area, kotak);
            } else {
                // a field one is not in shows its beginning
                let teks = crate::domain::teks::potong(&b.teks(), lebar_isi as usize);
                f.render_widget(Paragraph::new(Span::styled(teks, tema.redup())), kotak);
            }
        }
        let mut y = dalam.y + self.bidang.len() as u16;
        // the reason of the focused field (or the first with a problem), on up to two lines
        let masalah = self
            .bidang
            .get(self.fokus)
            .filter(|b| b.galat.is_some())
            .or_else(|| self.bidang.iter().find(|b| b.galat.is_some()));
        if let Some(b) = masalah {
            let tinggi = 2.min((dalam.y + dalam.height).saturating_sub(y + 1));
            if tinggi > 0 {
                f.render_widget(
                    Paragraph::new(Span::styled(
                        format!("{}: {}", b.label, b.galat.clone().unwrap_or_default()),
                        tema.galat(),
                    ))
                    .wrap(Wrap { trim: true }),
                    Rect::new(dalam.x, y, dalam.width, tinggi),
                );
                y += tinggi;
            }
        }
        y += 1;
        let sisa = (dalam.y + dalam.height).saturating_sub(y + 1);
        if !self.petunjuk.is_empty() && sisa > 0 {
            let teks: Vec<Line> = self
                .petunjuk
                .iter()
                .map(|p| Line::styled(p.clone(), tema.redup()))
                .collect();
            f.render_widget(
                Paragraph::new(teks).wrap(Wrap { trim: true }),
                Rect::new(dalam.x, y, dalam.width, sisa),
            );
        }
        // a save's error (a conflict says who changed what) may take up to four lines
        let (pesan, baris) = match &self.galat {
            Some(g) => {
                let perlu = crate::domain::teks::lebar(g).div_ceil(dalam.width.max(1) as usize);
                (
                    Span::styled(g.clone(), tema.galat()),
                    perlu.clamp(1, 4) as u16,
                )
            }
            None => (
                Span::styled(
                    if self.bidang.iter().any(|b| b.wajib) {
                        "Ctrl-S simpan · Esc batal · Tab bidang berikut · * wajib"
                    } else {
                        "Ctrl-S simpan · Esc batal · Tab bidang berikut"
                    },
                    tema.redup(),
                ),
                1,
            ),
        };
        let baris = baris.min(dalam.height.max(1));
        let bawah = dalam.y + dalam.height.saturating_sub(baris);
        f.render_widget(Clear, Rect::new(dalam.x, bawah, dalam.width, baris));
        f.render_widget(
            Paragraph::new(pesan).wrap(Wrap { trim: true }),
            Rect::new(dalam.x, bawah, dalam.width, baris),
        );
    }
}

/// Reads a checked field back (after `Form::sah`).
pub fn tanggal(teks: &str) -> Option<NaiveDate> {
    parse_tanggal(teks).ok()
}

pub fn desimal(teks: &str) -> Option<Seratus> {
    parse_desimal(teks).ok()
}

pub fn bulat(teks: &str) -> Option<i64> {
    parse_bulat(teks).ok()
}

pub fn rupiah(teks: &str) -> Option<i64> {
    parse_rupiah(teks).ok()
}
