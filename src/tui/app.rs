//! App state and the key → action → update cycle. Rendering only reads state.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::tabs::{self, Layar};
use super::teks::{self, NAMA_TAB, Tombol};
use super::tema::Tema;
use super::widgets::daftar::Daftar;
use super::widgets::form::{Form, HasilTombol};
use crate::domain::tanggal::format_tanggal_hari;
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Hasil, Store};

/// Smallest terminal the screens are drawn in.
pub const LEBAR_MIN: u16 = 60;
pub const TINGGI_MIN: u16 = 15;

/// Everything the tabs need to read and write.
pub struct Konteks {
    pub store: Store,
    pub hari_ini: NaiveDate,
    pub lingkup: Lingkup,
    pub nama_lingkup: String,
    pub tema: Tema,
    /// Warning window of the daily check, as `pantau cek`.
    pub jendela: i64,
    /// Scope "all" over more than one kecamatan: lists show which kecamatan a row is of.
    pub banyak_kecamatan: bool,
    /// Kecamatan names by id, for those lists (emptied when the data changes).
    nama_kecamatan: std::cell::RefCell<std::collections::HashMap<i64, String>>,
}

impl Konteks {
    pub fn new(store: Store, hari_ini: NaiveDate, lingkup: Lingkup, tema: Tema) -> Hasil<Self> {
        let mut k = Konteks {
            store,
            hari_ini,
            lingkup,
            nama_lingkup: String::new(),
            tema,
            jendela: crate::domain::tenggat::JENDELA_BAWAAN,
            banyak_kecamatan: false,
            nama_kecamatan: Default::default(),
        };
        k.perbarui_nama()?;
        Ok(k)
    }

    /// The kecamatan new records belong to: the scope's, or the only one in the database.
    pub fn satu_kecamatan(&self) -> Result<i64, String> {
        match self.lingkup {
            Lingkup::Kecamatan(id) => Ok(id),
            Lingkup::Semua => {
                match wilayah::daftar_kecamatan(self.store.conn(), Lingkup::Semua, 0, 2)
                    .map_err(|e| e.to_string())?
                    .as_slice()
                {
                    [satu] => Ok(satu.id),
                    [] => Err("Belum ada kecamatan.".into()),
                    _ => Err(
                        "Beberapa kecamatan: buka pantau --kecamatan KODE untuk menambah.".into(),
                    ),
                }
            }
        }
    }

    /// The name of kecamatan `id`, asked of the database once.
    pub fn nama_kecamatan(&self, id: i64) -> String {
        self.nama_kecamatan
            .borrow_mut()
            .entry(id)
            .or_insert_with(|| {
                wilayah::kecamatan_id(self.store.conn(), id)
                    .ok()
                    .flatten()
                    .map(|k| k.nama)
                    .unwrap_or_default()
            })
            .clone()
    }

    fn perbarui_nama(&mut self) -> Hasil<()> {
        self.nama_kecamatan.borrow_mut().clear();
        self.banyak_kecamatan = matches!(self.lingkup, Lingkup::Semua)
            && wilayah::jumlah_kecamatan(self.store.conn())? > 1;
        self.nama_lingkup = match self.lingkup {
            Lingkup::Kecamatan(id) => wilayah::kecamatan_id(self.store.conn(), id)?
                .map(|k| format!("Kec. {} ({})", k.nama, k.kode))
                .unwrap_or_default(),
            Lingkup::Semua => match wilayah::jumlah_kecamatan(self.store.conn())? {
                0 => "belum ada kecamatan".into(),
                1 => wilayah::daftar_kecamatan(self.store.conn(), Lingkup::Semua, 0, 1)?
                    .first()
                    .map(|k| format!("Kec. {} ({})", k.nama, k.kode))
                    .unwrap_or_default(),
                n => format!("semua kecamatan ({n})"),
            },
        };
        Ok(())
    }
}

/// What a key on a tab asks the app to do.
pub enum Aksi {
    Tidak,
    Form(Form),
    /// Ask yes/no; on `y` the tab's `konfirmasi` runs.
    Tanya(String),
    Pesan(String),
    Galat(String),
    /// Go to the Desa tab at (desa code, kind code, fiscal year).
    KeDesa(String, String, i32),
    MuatContoh,
}

enum Popup {
    Bantuan,
    Tanya(String),
    /// Discard the open form's changes?
    Buang,
    /// Quit with unsaved changes?
    Keluar,
}

pub struct App {
    pub k: Konteks,
    pub tab: usize,
    layar: Vec<Box<dyn Layar>>,
    basi: [bool; 7],
    form: Option<Form>,
    popup: Option<Popup>,
    menyaring: bool,
    pesan: Option<(String, bool)>,
    pub keluar: bool,
    versi_data: i64,
    /// The screen was too small at the last draw: keys other than quit are ignored, so nothing
    /// happens that the user cannot see.
    terlalu_kecil: bool,
}

impl App {
    pub fn new(k: Konteks) -> Hasil<Self> {
        let versi_data = k.store.versi_data()?;
        let mut app = App {
            layar: tabs::semua(&k),
            k,
            tab: 0,
            basi: [true; 7],
            form: None,
            popup: None,
            menyaring: false,
            pesan: None,
            keluar: false,
            versi_data,
            terlalu_kecil: false,
        };
        app.muat_tab();
        Ok(app)
    }

    fn muat_tab(&mut self) {
        if let Err(e) = self.layar[self.tab].muat(&self.k) {
            self.pesan = Some((e.to_string(), true));
        }
        self.basi[self.tab] = false;
    }

    fn semua_basi(&mut self) {
        self.basi = [true; 7];
        let _ = self.k.perbarui_nama();
        self.muat_tab();
    }

    /// Called every few seconds: when another operator committed a change, reload.
    pub fn periksa_perubahan(&mut self) -> bool {
        match self.k.store.versi_data() {
            Ok(v) if v != self.versi_data => {
                self.versi_data = v;
                self.semua_basi();
                true
            }
            _ => false,
        }
    }

    fn ke_tab(&mut self, tab: usize) {
        self.tab = tab % 7;
        self.menyaring = false;
        if self.basi[self.tab] {
            self.muat_tab();
        }
    }

    fn jalankan_aksi(&mut self, aksi: Aksi) {
        match aksi {
            Aksi::Tidak => {}
            Aksi::Form(f) => self.form = Some(f),
            Aksi::Tanya(p) => self.popup = Some(Popup::Tanya(p)),
            Aksi::Pesan(p) => {
                self.pesan = Some((p, false));
                self.semua_basi();
            }
            Aksi::Galat(p) => self.pesan = Some((p, true)),
            Aksi::KeDesa(desa, jenis, ta) => {
                self.ke_tab(3);
                self.layar[3].fokus(&self.k, &desa, &jenis, ta);
                self.muat_tab();
            }
            Aksi::MuatContoh => {
                match crate::store::contoh::muat(&mut self.k.store, self.k.hari_ini) {
                    Ok(_) => self.pesan = Some((
                        "Kecamatan contoh Yosowilangun dimuat (data rekaan ditandai \"contoh\")."
                            .into(),
                        false,
                    )),
                    Err(e) => self.pesan = Some((e.to_string(), true)),
                }
                self.semua_basi();
            }
        }
    }

    pub fn tombol(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.keluar = true;
            return;
        }
        if self.terlalu_kecil {
            if key.code == KeyCode::Char('q') && self.form.is_none() {
                self.keluar = true;
            }
            return;
        }
        if let Some(p) = self.popup.take() {
            let ya = matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y'));
            match p {
                Popup::Bantuan => {}
                Popup::Tanya(_) => {
                    if ya {
                        let aksi = self.layar[self.tab].konfirmasi(&mut self.k);
                        self.jalankan_aksi(aksi);
                    } else {
                        self.pesan = Some(("Dibatalkan.".into(), false));
                    }
                }
                Popup::Buang => {
                    if ya {
                        self.form = None;
                        self.pesan = Some(("Perubahan dibuang.".into(), false));
                    }
                }
                Popup::Keluar => {
                    if ya {
                        self.keluar = true;
                    }
                }
            }
            return;
        }
        if let Some(form) = self.form.as_mut() {
            if key.code == KeyCode::Char('q') && ctrl {
                self.popup = Some(Popup::Keluar);
                return;
            }
            match form.tombol(key) {
                HasilTombol::Lanjut => {
                    self.layar[self.tab].form_berubah(form, &self.k);
                }
                HasilTombol::Tutup => {
                    if form.berubah() {
                        self.popup = Some(Popup::Buang);
                    } else {
                        self.form = None;
                    }
                }
                HasilTombol::Simpan => {
                    if form.sah() {
                        match self.layar[self.tab].simpan(form, &mut self.k) {
                            Ok(p) => {
                                self.form = None;
                                self.jalankan_aksi(Aksi::Pesan(p));
                            }
                            Err(e) => form.galat_simpan(e),
                        }
                    } else {
                        form.galat = Some("Periksa bidang yang bertanda !".into());
                    }
                }
            }
            return;
        }
        if self.menyaring {
            let Some(d) = self.layar[self.tab].daftar() else {
                self.menyaring = false;
                return;
            };
            match key.code {
                KeyCode::Enter => self.menyaring = false,
                KeyCode::Esc => {
                    d.saring.clear();
                    self.menyaring = false;
                }
                KeyCode::Backspace => {
                    d.saring.pop();
                }
                KeyCode::Char(c) if !ctrl => d.saring.push(c),
                _ => return,
            }
            d.pilih = 0;
            d.awal = 0;
            self.muat_tab();
            return;
        }
        self.pesan = None;
        match key.code {
            KeyCode::Char('q') => self.keluar = true,
            KeyCode::Char('?') => self.popup = Some(Popup::Bantuan),
            KeyCode::Char(c @ '1'..='7') => self.ke_tab(c as usize - '1' as usize),
            KeyCode::Tab => self.ke_tab(self.tab + 1),
            KeyCode::BackTab => self.ke_tab(self.tab + 6),
            KeyCode::Char('/') if self.layar[self.tab].daftar().is_some() => self.menyaring = true,
            KeyCode::Esc
                if self.layar[self.tab]
                    .daftar()
                    .is_some_and(|d| !d.saring.is_empty()) =>
            {
                if let Some(d) = self.layar[self.tab].daftar() {
                    d.saring.clear();
                    d.pilih = 0;
                    d.awal = 0;
                }
                self.muat_tab();
            }
            _ => {
                if let Some(d) = self.layar[self.tab].daftar() {
                    let awal = d.awal;
                    if gerak_daftar(d, key) {
                        // only a new page needs the store
                        if d.awal != awal
                            && let Err(e) = self.layar[self.tab].muat_halaman(&self.k)
                        {
                            self.pesan = Some((e.to_string(), true));
                        }
                        return;
                    }
                }
                let aksi = self.layar[self.tab].tombol(key, &mut self.k);
                self.jalankan_aksi(aksi);
            }
        }
    }

    fn tombol_sekarang(&self) -> Vec<Tombol> {
        if self.form.is_some() {
            return teks::FORM.to_vec();
        }
        if self.menyaring {
            return teks::SARING.to_vec();
        }
        if self.popup.is_some() && !matches!(self.popup, Some(Popup::Bantuan)) {
            return Vec::new();
        }
        let mut v = vec![teks::BANTUAN];
        v.extend_from_slice(self.layar[self.tab].tombol_layar(&self.k));
        v.extend_from_slice(teks::UMUM);
        v
    }

    pub fn gambar(&mut self, f: &mut Frame) {
        let area = f.area();
        self.terlalu_kecil = area.width < LEBAR_MIN || area.height < TINGGI_MIN;
        if self.terlalu_kecil {
            let p = Paragraph::new(format!(
                "Terminal terlalu kecil ({}×{}). pantau perlu paling sedikit {LEBAR_MIN}×{TINGGI_MIN}. Perbesar jendela, atau q untuk keluar.",
                area.width, area.height
            ))
            .wrap(Wrap { trim: true });
            f.render_widget(p, area);
            return;
        }
        let [atas, info, badan, pesan, kaki] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let tema = self.k.tema;
        // tab bar
        let mut spans = Vec::new();
        let rapat = atas.width < 78;
        for (i, nama) in NAMA_TAB.iter().enumerate() {
            let gaya = if i == self.tab {
                tema.tab_aktif()
            } else {
                Style::default()
            };
            // narrow terminals get four letters per tab, the current one in full
            let nama: String = if rapat && i != self.tab {
                nama.chars().take(4).collect()
            } else {
                nama.to_string()
            };
            spans.push(Span::styled(format!(" {} {} ", i + 1, nama), gaya));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), atas);
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    "{} · {}",
                    format_tanggal_hari(self.k.hari_ini),
                    self.k.nama_lingkup
                ),
                tema.redup(),
            )),
            info,
        );
        self.layar[self.tab].gambar(f, badan, &self.k);
        // message line: filter being typed, or the last message
        let baris_pesan = if self.menyaring {
            let s = self.layar[self.tab]
                .daftar()
                .map(|d| d.saring.clone())
                .unwrap_or_default();
            Line::from(vec![
                Span::styled("Saring: ", tema.judul()),
                Span::raw(s),
                Span::styled("▏", tema.pilih()),
            ])
        } else if let Some((p, galat)) = &self.pesan {
            Line::styled(
                p.clone(),
                if *galat {
                    tema.galat()
                } else {
                    tema.berhasil()
                },
            )
        } else {
            match self.layar[self.tab].daftar() {
                Some(d) if !d.saring.is_empty() => Line::styled(
                    format!("Saringan: \"{}\" ({} baris) · Esc hapus", d.saring, d.total),
                    tema.redup(),
                ),
                _ => Line::raw(""),
            }
        };
        f.render_widget(Paragraph::new(baris_pesan), pesan);
        // footer built from the same list as the help; when it is wider than the screen, the
        // screen's own keys give way from the right (`?` lists them all), never mid-word
        let tombol: Vec<Tombol> = self
            .tombol_sekarang()
            .into_iter()
            .filter(|t| t.kaki)
            .collect();
        let lebar = |t: &Tombol| t.tombol.chars().count() + t.arti.chars().count() + 3;
        let umum = tombol
            .iter()
            .rev()
            .take_while(|t| teks::UMUM.contains(t))
            .count();
        let mut pakai = vec![true; tombol.len()];
        let mut total: usize = tombol.iter().map(lebar).sum();
        let mut i = tombol.len().saturating_sub(umum);
        while total > kaki.width as usize + 2 && i > 1 {
            i -= 1;
            pakai[i] = false;
            total -= lebar(&tombol[i]);
        }
        let mut kaki_spans = Vec::new();
        for (t, _) in tombol.iter().zip(&pakai).filter(|(_, p)| **p) {
            kaki_spans.push(Span::styled(t.tombol.to_string(), tema.judul()));
            kaki_spans.push(Span::raw(format!(" {}  ", t.arti)));
        }
        f.render_widget(Paragraph::new(Line::from(kaki_spans)), kaki);

        if let Some(form) = self.form.as_mut() {
            form.gambar(f, badan, &tema);
        }
        match &self.popup {
            Some(Popup::Bantuan) => self.gambar_bantuan(f, area),
            Some(Popup::Tanya(p)) => gambar_tanya(f, area, &tema, p),
            Some(Popup::Buang) => {
                gambar_tanya(f, area, &tema, "Buang perubahan pada formulir ini?")
            }
            Some(Popup::Keluar) => gambar_tanya(
                f,
                area,
                &tema,
                "Ada perubahan yang belum disimpan. Keluar juga?",
            ),
            None => {}
        }
        if tema.ascii {
            // one general pass instead of an ASCII variant of every string
            let buf = f.buffer_mut();
            let luas = buf.area;
            for y in luas.top()..luas.bottom() {
                for x in luas.left()..luas.right() {
                    let sel = &mut buf[(x, y)];
                    if let Some(a) = super::tema::ascii(sel.symbol()) {
                        sel.set_symbol(a);
                    }
                }
            }
        }
    }

    fn gambar_bantuan(&self, f: &mut Frame, area: Rect) {
        let tombol = self.tombol_sekarang();
        let lebar_t = tombol
            .iter()
            .map(|t| t.tombol.chars().count())
            .max()
            .unwrap_or(0);
        let mut baris: Vec<Line> = tombol
            .iter()
            .map(|t| {
                Line::from(vec![
                    Span::styled(format!("{:<lebar_t$}  ", t.tombol), self.k.tema.judul()),
                    Span::raw(t.arti),
                ])
            })
            .collect();
        baris.push(Line::raw(""));
        baris.push(Line::styled(
            "Tekan tombol apa saja untuk menutup.",
            self.k.tema.redup(),
        ));
        let tinggi = (baris.len() as u16 + 2).min(area.height);
        let lebar = 60.min(area.width);
        let kotak = Rect::new(
            area.x + (area.width - lebar) / 2,
            area.y + (area.height - tinggi) / 2,
            lebar,
            tinggi,
        );
        f.render_widget(Clear, kotak);
        f.render_widget(
            Paragraph::new(baris).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_set(self.k.tema.border())
                    .title(format!(" Bantuan: {} ", NAMA_TAB[self.tab])),
            ),
            kotak,
        );
    }
}

fn gambar_tanya(f: &mut Frame, area: Rect, tema: &Tema, pesan: &str) {
    let lebar = 60.min(area.width);
    // room for the wrapped question, a blank line and the line that says which key to press
    let baris_pesan = pesan
        .chars()
        .count()
        .div_ceil(lebar.saturating_sub(3).max(1) as usize) as u16;
    let tinggi = (baris_pesan + 4).min(area.height);
    let kotak = Rect::new(
        area.x + (area.width - lebar) / 2,
        area.y + area.height.saturating_sub(tinggi) / 2,
        lebar,
        tinggi,
    );
    f.render_widget(Clear, kotak);
    f.render_widget(
        Paragraph::new(vec![
            Line::raw(pesan.to_string()),
            Line::raw(""),
            Line::from(vec![
                Span::styled("y", tema.judul()),
                Span::raw(" ya   "),
                Span::styled("tombol lain", tema.judul()),
                Span::raw(" batal"),
            ]),
        ])
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_set(tema.border())
                .title(" Konfirmasi "),
        ),
        kotak,
    );
}

/// Moves a list by the common keys; true when the key was one of them.
fn gerak_daftar(d: &mut Daftar, key: KeyEvent) -> bool {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => d.gerak(-1),
        KeyCode::Down | KeyCode::Char('j') => d.gerak(1),
        KeyCode::PageUp => d.halaman(-1),
        KeyCode::PageDown => d.halaman(1),
        KeyCode::Home | KeyCode::Char('g') => d.ke_awal(),
        KeyCode::End | KeyCode::Char('G') => d.ke_akhir(),
        _ => return false,
    }
    true
}
