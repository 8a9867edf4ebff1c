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
        /// `None`: a kind counted from an event (`tenggat::periksa_tanggal_peristiwa`)
        aturan: Option<crate::domain::tenggat::AturanTenggat>,
        ta: i32,
    },
    Rupiah,
    Bulat,
    Desimal,
    YaTidak,
    Bulan,
    /// One of these codes (case-insensitive).
    Kode(Vec<String>),
    /// A value from a list, found by typing part of its code or name: the list under the
    /// field narrows as one types, `↑ ↓` move in it, `Enter` takes the code. With `tertutup`
    /// only a code of the list is accepted; otherwise the store checks it (a list too long to
    /// hold, refreshed by the tab as one types).
    Pilih {
        pilihan: Vec<Pilihan>,
        tertutup: bool,
    },
}

/// One entry of a pick list: the code that is stored and the name people know it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pilihan {
    pub kode: String,
    pub nama: String,
}

impl Pilihan {
    pub fn new(kode: impl Into<String>, nama: impl Into<String>) -> Self {
        Pilihan {
            kode: kode.into(),
            nama: nama.into(),
        }
    }
}

/// Entries of `pilihan` that `teks` finds: a code that starts with it or a name that contains
/// it (any case); all of them for an empty text.
pub fn cocok<'a>(pilihan: &'a [Pilihan], teks: &str) -> Vec<&'a Pilihan> {
    let t = teks.trim().to_lowercase();
    if t.is_empty() {
        return pilihan.iter().collect();
    }
    let mut awal: Vec<&Pilihan> = Vec::new();
    let mut lain: Vec<&Pilihan> = Vec::new();
    for p in pilihan {
        let kode = p.kode.to_lowercase();
        let nama = p.nama.to_lowercase();
        if kode.starts_with(&t) || nama.starts_with(&t) {
            awal.push(p);
        } else if nama.contains(&t) || kode.contains(&t) {
            lain.push(p);
        }
    }
    awal.extend(lain);
    awal
}

/// Lines of a pick list shown under its field.
const BARIS_PILIHAN: usize = 6;
/// Width of the slot an empty field shows.
const LEBAR_SLOT: usize = 24;

pub struct Bidang {
    pub label: String,
    pub jenis: Jenis,
    pub wajib: bool,
    pub area: TextArea<'static>,
    pub galat: Option<String>,
    awal: String,
    /// The highlighted line of the pick list.
    sorot: usize,
}

impl Bidang {
    pub fn new(label: &str, jenis: Jenis, wajib: bool, nilai: &str) -> Self {
        let nilai = match jenis {
            // a yes/no field always holds one of the two
            Jenis::YaTidak => match parse_ya_tidak(nilai) {
                Ok(true) => "ya",
                _ => "tidak",
            },
            _ => nilai,
        };
        let mut area = TextArea::new(vec![nilai.to_string()]);
        area.set_cursor_line_style(Style::default());
        // the focused field: underlined, the cursor reversed (readable without colour)
        area.set_cursor_style(Style::new().add_modifier(ratatui::style::Modifier::REVERSED));
        area.set_style(Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED));
        // an empty field shows its slot
        area.set_placeholder_text("_".repeat(LEBAR_SLOT));
        area.set_placeholder_style(Style::default());
        // typing goes on at the end; a value longer than its box is shown whole under the
        // fields while the field has the focus (so its start is never out of sight)
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Bidang {
            label: label.to_string(),
            jenis,
            wajib,
            area,
            galat: None,
            awal: nilai.to_string(),
            sorot: 0,
        }
    }

    pub fn teks(&self) -> String {
        self.area.lines().join(" ").trim().to_string()
    }

    /// Puts `nilai` in the field, as one step that Ctrl-Z undoes.
    pub fn isi(&mut self, nilai: &str) {
        self.area.select_all();
        self.area.cut();
        self.area.insert_str(nilai);
        self.periksa();
    }

    /// The entry of the pick list the value is, if any.
    pub fn pilihan_terpilih(&self) -> Option<&Pilihan> {
        let Jenis::Pilih { pilihan, .. } = &self.jenis else {
            return None;
        };
        let t = self.teks();
        pilihan.iter().find(|p| p.kode.eq_ignore_ascii_case(&t))
    }

    /// The pick list to show while the field has the focus: its matches, unless the value is
    /// already one of them.
    pub fn daftar_pilihan(&self) -> Vec<&Pilihan> {
        match &self.jenis {
            Jenis::Pilih { pilihan, .. } if self.pilihan_terpilih().is_none() => {
                cocok(pilihan, &self.teks())
            }
            _ => Vec::new(),
        }
    }

    /// The pick list's entries, for the tab to replace as one types (a list of desa).
    pub fn ganti_pilihan(&mut self, baru: Vec<Pilihan>) {
        if let Jenis::Pilih { pilihan, .. } = &mut self.jenis {
            *pilihan = baru;
            self.sorot = 0;
        }
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
            let t = parse_tanggal(teks)?;
            match aturan {
                Some(a) => a.periksa_tanggal(jenis, *ta, t),
                None => crate::domain::tenggat::periksa_tanggal_peristiwa(jenis, *ta, t),
            }
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
        Jenis::Pilih { pilihan, tertutup } => {
            crate::domain::teks::periksa(teks, crate::domain::teks::Ragam::Pendek)?;
            if !*tertutup || pilihan.iter().any(|p| p.kode.eq_ignore_ascii_case(teks)) {
                Ok(())
            } else {
                Err("pilih dari daftar (ketik sebagian kode atau nama, lalu Enter)".into())
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
    /// Open the form again with what is stored now (after a refused save).
    MuatUlang,
}

pub struct Form {
    pub judul: String,
    pub bidang: Vec<Bidang>,
    pub fokus: usize,
    /// Lines of help shown under the fields (e.g. the catalogue entry of a facilitation kind).
    pub petunjuk: Vec<String>,
    /// An error from saving (conflict, database), shown at the bottom.
    pub galat: Option<String>,
    /// The save was refused because another operator changed the row: Ctrl-R loads their
    /// values into the form.
    pub bisa_muat_ulang: bool,
}

impl Form {
    pub fn new(judul: &str, bidang: Vec<Bidang>) -> Self {
        Form {
            judul: judul.to_string(),
            bidang,
            fokus: 0,
            petunjuk: Vec::new(),
            galat: None,
            bisa_muat_ulang: false,
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
        let n = self.bidang.len().max(1);
        // the pick list of the focused field, when it is open
        let daftar = self
            .bidang
            .get(self.fokus)
            .map(|b| b.daftar_pilihan().len())
            .unwrap_or(0);
        match k.code {
            KeyCode::Char('s') if ctrl => return HasilTombol::Simpan,
            KeyCode::Char('r') if ctrl && self.bisa_muat_ulang => return HasilTombol::MuatUlang,
            KeyCode::Esc => return HasilTombol::Tutup,
            KeyCode::Down if daftar > 0 => {
                let b = &mut self.bidang[self.fokus];
                b.sorot = (b.sorot + 1).min(daftar - 1);
            }
            KeyCode::Up if daftar > 0 => {
                let b = &mut self.bidang[self.fokus];
                b.sorot = b.sorot.saturating_sub(1);
            }
            KeyCode::Tab | KeyCode::Down => {
                self.fokus = (self.fokus + 1) % n;
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.fokus = (self.fokus + n - 1) % n;
            }
            KeyCode::Enter => {
                if daftar > 0 {
                    let b = &mut self.bidang[self.fokus];
                    let kode = b.daftar_pilihan()[b.sorot.min(daftar - 1)].kode.clone();
                    b.isi(&kode);
                    b.sorot = 0;
                    self.galat = None;
                }
                if self.fokus + 1 < self.bidang.len() {
                    self.fokus += 1;
                } else if daftar == 0 {
                    return HasilTombol::Simpan;
                }
            }
            // Ctrl-U empties the field, Ctrl-Z undoes, Ctrl-Y redoes (in every field)
            KeyCode::Char('u') if ctrl => self.ubah_bidang(|b| {
                b.area.select_all();
                b.area.cut();
            }),
            KeyCode::Char('z') if ctrl => self.ubah_bidang(|b| {
                b.area.undo();
            }),
            KeyCode::Char('y') if ctrl => self.ubah_bidang(|b| {
                b.area.redo();
            }),
            KeyCode::Char(c) if !ctrl && self.ya_tidak() => {
                // Space switches a yes/no field; y, t or n chooses
                let ya = self.teks(self.fokus) == "ya";
                let baru = match c.to_ascii_lowercase() {
                    ' ' => Some(!ya),
                    'y' => Some(true),
                    't' | 'n' => Some(false),
                    _ => None,
                };
                if let Some(baru) = baru {
                    self.ubah_bidang(|b| b.isi(if baru { "ya" } else { "tidak" }));
                }
            }
            _ if self.ya_tidak() => {}
            _ => self.ubah_bidang(|b| {
                b.area.input(k);
                b.sorot = 0;
            }),
        }
        HasilTombol::Lanjut
    }

    fn ya_tidak(&self) -> bool {
        matches!(
            self.bidang.get(self.fokus).map(|b| &b.jenis),
            Some(Jenis::YaTidak)
        )
    }

    fn ubah_bidang(&mut self, f: impl FnOnce(&mut Bidang)) {
        if let Some(b) = self.bidang.get_mut(self.fokus) {
            f(b);
            b.periksa();
            self.galat = None;
        }
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
        // room for the focused value shown whole, when its box is too narrow for it
        let label_kira = self
            .bidang
            .iter()
            .map(|b| crate::domain::teks::lebar(&b.label))
            .max()
            .unwrap_or(0)
            + 3;
        let isi_kira =
            (lebar as usize).saturating_sub(2 + label_kira.min((lebar as usize - 2) / 2));
        let penuh = self
            .bidang
            .get(self.fokus)
            .is_some_and(|b| crate::domain::teks::lebar(&b.teks()) + 1 > isi_kira);
        let tinggi_isi = self.bidang.len() as u16
            + self.petunjuk.len().min(6) as u16
            + 5
            + if penuh { 3 } else { 0 };
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
            // the name of a value from a list, after it
            let nama = b
                .pilihan_terpilih()
                .map(|p| p.nama.clone())
                .filter(|n| !n.is_empty());
            if let Jenis::YaTidak = b.jenis {
                let ya = b.teks() == "ya";
                let mut isi = vec![Span::styled(
                    if ya { "[x] ya" } else { "[ ] tidak" },
                    if fokus { tema.judul() } else { tema.redup() },
                )];
                if fokus {
                    isi.push(Span::styled("  Spasi mengganti", tema.redup()));
                }
                f.render_widget(Paragraph::new(Line::from(isi)), kotak);
            } else if fokus {
                let mut kotak_isi = kotak;
                if let Some(nama) = &nama {
                    let w = (crate::domain::teks::lebar(&b.teks()) as u16 + 1).min(kotak.width);
                    kotak_isi.width = w;
                    let sisa = Rect::new(kotak.x + w, y, kotak.width - w, 1);
                    f.render_widget(
                        Paragraph::new(Span::styled(
                            crate::domain::teks::potong(&format!(" {nama}"), sisa.width as usize),
                            tema.redup(),
                        )),
                        sisa,
                    );
                }
                f.render_widget(&b.area, kotak_isi);
            } else {
                // a field one is not in shows its beginning; an empty one its slot
                let teks = match (b.teks(), &nama) {
                    (t, _) if t.is_empty() => "_".repeat(LEBAR_SLOT),
                    (t, Some(n)) => format!("{t}  {n}"),
                    (t, None) => t,
                };
                let teks = crate::domain::teks::potong(&teks, lebar_isi as usize);
                f.render_widget(Paragraph::new(Span::styled(teks, tema.redup())), kotak);
            }
        }
        let mut y = dalam.y + self.bidang.len() as u16;
        // the focused value, whole, when its box shows only its end
        if let Some(b) = self.bidang.get(self.fokus)
            && !matches!(b.jenis, Jenis::YaTidak)
            && crate::domain::teks::lebar(&b.teks()) + 1 > lebar_isi as usize
        {
            let baris = crate::domain::teks::bungkus(
                &format!("{}: {}", b.label, b.teks()),
                dalam.width as usize,
            );
            let muat = (dalam.y + dalam.height).saturating_sub(y + 2).min(3) as usize;
            let mut tampil: Vec<Line> = baris
                .iter()
                .take(muat)
                .map(|l| Line::styled(l.clone(), tema.redup()))
                .collect();
            if baris.len() > muat
                && let Some(akhir) = tampil.last_mut()
            {
                *akhir = Line::styled(
                    crate::domain::teks::potong(
                        &format!("{} …", baris[muat - 1]),
                        dalam.width as usize,
                    ),
                    tema.redup(),
                );
            }
            let n = tampil.len() as u16;
            if n > 0 {
                f.render_widget(
                    Paragraph::new(tampil),
                    Rect::new(dalam.x, y, dalam.width, n),
                );
                y += n;
            }
        }
        // the reason of the focused field (or the first with a problem), on up to two lines
        let masalah = self
            .bidang
            .get(self.fokus)
            .filter(|b| b.galat.is_some())
            .or_else(|| self.bidang.iter().find(|b| b.galat.is_some()));
        // an open pick list starts under the focused field's own reason, which stays readable
        let mut bawah_galat = 0;
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
                if std::ptr::eq(b, &self.bidang[self.fokus.min(self.bidang.len() - 1)]) {
                    bawah_galat = y;
                }
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
        // a save's error (a conflict says who changed what) may take up to six lines
        let (pesan, baris) = match &self.galat {
            Some(g) => {
                let perlu = crate::domain::teks::bungkus(g, dalam.width.max(1) as usize).len();
                (
                    Span::styled(g.clone(), tema.galat()),
                    perlu.clamp(1, 6) as u16,
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
        self.gambar_pilihan(f, dalam, lebar_label, bawah_galat, tema);
    }

    /// The open pick list of the focused field, over the lines under it (from line `mulai`
    /// at the earliest: under the field's own reason).
    fn gambar_pilihan(
        &self,
        f: &mut Frame,
        dalam: Rect,
        lebar_label: u16,
        mulai: u16,
        tema: &Tema,
    ) {
        let Some(b) = self.bidang.get(self.fokus) else {
            return;
        };
        let cocok = b.daftar_pilihan();
        let y = (dalam.y + self.fokus as u16 + 1).max(mulai);
        let ruang = (dalam.y + dalam.height).saturating_sub(y + 1) as usize;
        let muat = BARIS_PILIHAN.min(ruang);
        if muat == 0 {
            return;
        }
        if cocok.is_empty() {
            // typed text that finds nothing says so, instead of a silent field
            if matches!(b.jenis, Jenis::Pilih { .. })
                && !b.teks().is_empty()
                && b.pilihan_terpilih().is_none()
            {
                let lebar = dalam.width.saturating_sub(lebar_label);
                f.render_widget(
                    Paragraph::new(Line::styled(
                        crate::domain::teks::pas(
                            "  tidak ada yang cocok; ketik bagian lain dari kode atau nama",
                            lebar as usize,
                        ),
                        tema.redup(),
                    )),
                    Rect::new(dalam.x + lebar_label, y, lebar, 1),
                );
            }
            return;
        }
        let lebar = dalam.width.saturating_sub(lebar_label);
        let sorot = b.sorot.min(cocok.len() - 1);
        // the highlighted line stays in view
        let awal = sorot.saturating_sub(muat - 1);
        let mut baris: Vec<Line> = Vec::new();
        for (i, p) in cocok.iter().enumerate().skip(awal).take(muat) {
            let teks = crate::domain::teks::pas(
                &format!("{} {}", if i == sorot { ">" } else { " " }, {
                    if p.nama.is_empty() {
                        p.kode.clone()
                    } else {
                        format!("{}  {}", p.kode, p.nama)
                    }
                }),
                lebar as usize,
            );
            baris.push(if i == sorot {
                Line::styled(teks, tema.pilih())
            } else {
                Line::raw(teks)
            });
        }
        let lagi = cocok.len().saturating_sub(awal + muat);
        if lagi > 0 && baris.len() == muat && muat > 1 {
            baris.pop();
            baris.push(Line::styled(
                crate::domain::teks::pas(
                    &format!(
                        "  … {} lagi; ketik untuk mempersempit",
                        crate::domain::angka::format_ribuan(lagi as i64 + 1)
                    ),
                    lebar as usize,
                ),
                tema.redup(),
            ));
        }
        let area = Rect::new(dalam.x + lebar_label, y, lebar, baris.len() as u16);
        f.render_widget(Clear, area);
        f.render_widget(Paragraph::new(baris), area);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tekan(f: &mut Form, kode: KeyCode) -> HasilTombol {
        f.tombol(KeyEvent::new(kode, KeyModifiers::NONE))
    }

    fn ctrl(f: &mut Form, c: char) -> HasilTombol {
        f.tombol(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    fn ketik(f: &mut Form, s: &str) {
        for c in s.chars() {
            tekan(f, KeyCode::Char(c));
        }
    }

    fn katalog() -> Vec<Pilihan> {
        vec![
            Pilihan::new("F01", "Fasilitasi evaluasi peraturan desa"),
            Pilihan::new("F03", "Fasilitasi pengelolaan keuangan Desa"),
            Pilihan::new("F18", "Fasilitasi Keuangan"),
            Pilihan::new("K01", "Koordinasi"),
        ]
    }

    #[test]
    fn a_pick_list_narrows_as_one_types_and_enter_takes_the_code() {
        let mut f = Form::new(
            "x",
            vec![
                Bidang::new(
                    "Jenis",
                    Jenis::Pilih {
                        pilihan: katalog(),
                        tertutup: true,
                    },
                    true,
                    "",
                ),
                Bidang::new("Uraian", Jenis::Teks, false, ""),
            ],
        );
        assert_eq!(f.bidang[0].daftar_pilihan().len(), 4, "empty: all of them");
        ketik(&mut f, "keuang");
        let kode: Vec<&str> = f.bidang[0]
            .daftar_pilihan()
            .iter()
            .map(|p| p.kode.as_str())
            .collect();
        assert_eq!(kode, ["F03", "F18"]);
        assert!(f.bidang[0].galat.is_some(), "a name is not a value yet");
        tekan(&mut f, KeyCode::Down);
        assert_eq!(tekan(&mut f, KeyCode::Enter), HasilTombol::Lanjut);
        assert_eq!(f.teks(0), "F18");
        assert_eq!(f.bidang[0].galat, None);
        assert_eq!(f.fokus, 1, "Enter moves on after choosing");
        assert!(
            f.bidang[0].daftar_pilihan().is_empty(),
            "a chosen value closes the list"
        );
        assert_eq!(
            f.bidang[0].pilihan_terpilih().map(|p| p.nama.as_str()),
            Some("Fasilitasi Keuangan")
        );
        // a code typed whole is taken as it is; a closed list refuses what is not in it
        f.fokus = 0;
        ctrl(&mut f, 'u');
        ketik(&mut f, "k01");
        assert_eq!(f.bidang[0].galat, None);
        ctrl(&mut f, 'u');
        ketik(&mut f, "Z99");
        assert!(f.bidang[0].galat.is_some());
        assert!(f.bidang[0].daftar_pilihan().is_empty());
    }

    #[test]
    fn space_switches_a_yes_no_field_and_other_letters_do_not_write_in_it() {
        let mut f = Form::new(
            "x",
            vec![Bidang::new("Ditindaklanjuti", Jenis::YaTidak, false, "")],
        );
        assert_eq!(f.teks(0), "tidak", "empty reads as no");
        tekan(&mut f, KeyCode::Char(' '));
        assert_eq!(f.teks(0), "ya");
        ketik(&mut f, "qwe");
        assert_eq!(f.teks(0), "ya");
        tekan(&mut f, KeyCode::Char('t'));
        assert_eq!(f.teks(0), "tidak");
        tekan(&mut f, KeyCode::Char('y'));
        assert_eq!(f.teks(0), "ya");
        assert!(f.berubah());
    }

    #[test]
    fn ctrl_u_clears_and_ctrl_z_undoes() {
        let mut f = Form::new(
            "x",
            vec![Bidang::new("Nomor", Jenis::Teks, false, "12/2026")],
        );
        ctrl(&mut f, 'u');
        assert_eq!(f.teks(0), "");
        ctrl(&mut f, 'z');
        assert_eq!(f.teks(0), "12/2026");
        ctrl(&mut f, 'y');
        assert_eq!(f.teks(0), "");
    }

    /// Typing goes on at the end; a value longer than its box is shown whole under the
    /// fields, so its start is in sight.
    #[test]
    fn a_long_value_is_typed_on_at_its_end_and_shown_whole() {
        use ratatui::{Terminal, backend::TestBackend};
        let panjang = "Fasilitasi pembinaan perencanaan APBDes dan penjabaran APBDes di desa";
        let mut f = Form::new(
            "Ubah",
            vec![
                Bidang::new("Nomor", Jenis::Teks, false, "12/2026"),
                Bidang::new("Uraian", Jenis::Teks, false, panjang),
            ],
        );
        assert_eq!(f.bidang[1].area.cursor(), (0, panjang.len()));
        f.fokus = 1;
        ketik(&mut f, " Z");
        assert_eq!(f.teks(1), format!("{panjang} Z"));
        let mut t = Terminal::new(TestBackend::new(60, 16)).unwrap();
        let tema = Tema::baru(false, false);
        t.draw(|fr| f.gambar(fr, fr.area(), &tema)).unwrap();
        let layar: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(layar.contains("Uraian: Fasilitasi pembinaan"), "{layar}");
    }

    #[test]
    fn ctrl_r_reloads_only_after_a_refused_save() {
        let mut f = Form::new("x", vec![Bidang::new("Nomor", Jenis::Teks, false, "")]);
        assert_eq!(ctrl(&mut f, 'r'), HasilTombol::Lanjut);
        f.bisa_muat_ulang = true;
        assert_eq!(ctrl(&mut f, 'r'), HasilTombol::MuatUlang);
    }

    /// The form drawn: empty fields show their slot, a yes/no field its box, the open pick
    /// list its entries under the field.
    #[test]
    fn drawn_form_shows_slots_boxes_and_the_pick_list() {
        use ratatui::{Terminal, backend::TestBackend};
        let mut f = Form::new(
            "Tambah",
            vec![
                Bidang::new(
                    "Jenis",
                    Jenis::Pilih {
                        pilihan: katalog(),
                        tertutup: true,
                    },
                    true,
                    "",
                ),
                Bidang::new("Uraian", Jenis::Teks, false, ""),
                Bidang::new("Tindak", Jenis::YaTidak, false, "ya"),
            ],
        );
        ketik(&mut f, "koor");
        let mut t = Terminal::new(TestBackend::new(60, 14)).unwrap();
        let tema = Tema::baru(false, false);
        t.draw(|fr| f.gambar(fr, fr.area(), &tema)).unwrap();
        let layar: Vec<String> = t
            .backend()
            .buffer()
            .content()
            .chunks(60)
            .map(|r| r.iter().map(|c| c.symbol()).collect())
            .collect();
        let semua = layar.join("\n");
        assert!(semua.contains("> K01  Koordinasi"), "{semua}");
        assert!(semua.contains("[x] ya"), "{semua}");
        f.fokus = 2;
        t.draw(|fr| f.gambar(fr, fr.area(), &tema)).unwrap();
        let layar: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(layar.contains("Uraian   ________"), "{layar}");
        assert!(
            !layar.contains("K01  Koordinasi"),
            "the list closes with the focus"
        );
    }
}
