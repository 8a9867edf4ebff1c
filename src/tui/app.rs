//! App state and the key → action → update cycle. Rendering only reads state.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};

use super::aksi::{Act, Efek, Tulis};
use super::tabs::{self, Layar};
use super::teks::{self, Tombol};
use super::tema::Tema;
use super::widgets::daftar::Daftar;
use super::widgets::form::{Form, HasilTombol};
use crate::domain::angka::format_ribuan;
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
    /// The kecamatan new records belong to: the scope's, or the only one in the database;
    /// otherwise why there is none.
    pub satu_kecamatan: Result<i64, String>,
    /// The database cannot be written (`--baca-saja`): editing keys say so.
    pub baca_saja: bool,
    /// Counts every reload after a change of the data (ours or another operator's): what a
    /// tab keeps in memory is current while this stays the same.
    pub generasi: std::cell::Cell<u64>,
    /// Where files exported from the interface go (`None`: the folder pantau was started in).
    pub folder_ekspor: Option<std::path::PathBuf>,
    /// Kecamatan names by id, for those lists: filled while loading, only read while drawing.
    nama_kecamatan: std::cell::RefCell<std::collections::HashMap<i64, (String, String)>>,
}

impl Konteks {
    pub fn new(store: Store, hari_ini: NaiveDate, lingkup: Lingkup, tema: Tema) -> Hasil<Self> {
        let baca_saja = store.conn().is_readonly(rusqlite::MAIN_DB).unwrap_or(false)
            || store
                .conn()
                .pragma_query_value(None, "query_only", |r| r.get::<_, bool>(0))
                .unwrap_or(false);
        let mut k = Konteks {
            store,
            hari_ini,
            lingkup,
            nama_lingkup: String::new(),
            tema,
            jendela: crate::domain::tenggat::JENDELA_BAWAAN,
            banyak_kecamatan: false,
            satu_kecamatan: Err(String::new()),
            baca_saja,
            generasi: Default::default(),
            folder_ekspor: None,
            nama_kecamatan: Default::default(),
        };
        k.perbarui_nama()?;
        Ok(k)
    }

    /// Asks the database once for the names of these kecamatan (while loading a page).
    pub fn siapkan_nama(&self, id: impl IntoIterator<Item = i64>) -> Hasil<()> {
        if !self.banyak_kecamatan {
            return Ok(());
        }
        let mut peta = self.nama_kecamatan.borrow_mut();
        for id in id {
            if let std::collections::hash_map::Entry::Vacant(e) = peta.entry(id) {
                let nama = wilayah::kecamatan_id(self.store.conn(), id)?
                    .map(|k| (k.nama, k.kabupaten))
                    .unwrap_or_default();
                e.insert(nama);
            }
        }
        Ok(())
    }

    /// The name of kecamatan `id`, as loaded by `siapkan_nama` (drawing never asks the store).
    pub fn nama_kecamatan(&self, id: i64) -> String {
        self.nama_kecamatan
            .borrow()
            .get(&id)
            .map(|x| x.0.clone())
            .unwrap_or_default()
    }

    /// The kabupaten of kecamatan `id`, as loaded by `siapkan_nama`.
    pub fn kabupaten(&self, id: i64) -> String {
        self.nama_kecamatan
            .borrow()
            .get(&id)
            .map(|x| x.1.clone())
            .unwrap_or_default()
    }

    fn perbarui_nama(&mut self) -> Hasil<()> {
        self.nama_kecamatan.borrow_mut().clear();
        let conn = self.store.conn();
        let jumlah = wilayah::jumlah_kecamatan(conn)?;
        self.banyak_kecamatan = matches!(self.lingkup, Lingkup::Semua) && jumlah > 1;
        self.satu_kecamatan = match self.lingkup {
            Lingkup::Kecamatan(id) => Ok(id),
            Lingkup::Semua => match jumlah {
                0 => Err("Belum ada kecamatan.".into()),
                1 => wilayah::daftar_kecamatan(conn, Lingkup::Semua, 0, 1)?
                    .first()
                    .map(|k| k.id)
                    .ok_or_else(|| "Belum ada kecamatan.".to_string()),
                _ => Err("Beberapa kecamatan: buka pantau --kecamatan KODE untuk menambah.".into()),
            },
        };
        self.nama_lingkup = match self.lingkup {
            Lingkup::Kecamatan(id) => wilayah::kecamatan_id(conn, id)?
                .map(|k| format!("Kec. {} ({})", k.nama, k.kode))
                .unwrap_or_default(),
            Lingkup::Semua => match jumlah {
                0 => "belum ada kecamatan".into(),
                1 => wilayah::daftar_kecamatan(conn, Lingkup::Semua, 0, 1)?
                    .first()
                    .map(|k| format!("Kec. {} ({})", k.nama, k.kode))
                    .unwrap_or_default(),
                n => format!("semua kecamatan ({})", format_ribuan(n)),
            },
        };
        if self.baca_saja {
            self.nama_lingkup.push_str(" · BACA-SAJA");
        }
        Ok(())
    }
}

#[allow(clippy::large_enum_variant)]
pub(super) enum Popup {
    Bantuan,
    /// Ask yes/no; on `y` the write runs.
    Tanya(String, Tulis, String),
    /// Discard the open form's changes?
    Buang,
    /// Quit with unsaved changes?
    Keluar,
    /// A row's history: title and lines.
    Riwayat(String, Vec<String>),
}

/// The screen's parts, from the terminal's size: computed once per size, used by both the
/// tabs (list heights) and drawing.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tata {
    pub(super) atas: Rect,
    pub(super) info: Rect,
    pub(super) badan: Rect,
    pub(super) pesan: Rect,
    pub(super) kaki: Rect,
}

pub(super) fn tata(area: Rect) -> Tata {
    let [atas, info, badan, pesan, kaki] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Tata {
        atas,
        info,
        badan,
        pesan,
        kaki,
    }
}

pub struct App {
    pub k: Konteks,
    pub tab: usize,
    pub(super) layar: Vec<Box<dyn Layar>>,
    basi: [bool; 7],
    pub(super) form: Option<Form>,
    pub(super) popup: Option<Popup>,
    pub(super) menyaring: bool,
    pub(super) pesan: Option<(String, bool)>,
    pub keluar: bool,
    versi_data: i64,
    /// The terminal's area at the last `atur_ukuran`.
    area: Rect,
    /// The screen is too small: keys other than quit are ignored, so nothing happens that the
    /// user cannot see.
    terlalu_kecil: bool,
    /// The key being handled, and the one to handle again (waiting long) after the screen said
    /// that the database is busy.
    kunci: Option<KeyEvent>,
    pub ulang: Option<KeyEvent>,
    /// Writes wait the long way (`store::TUNGGU_SIBUK`).
    pub sabar: bool,
    /// The command that opened the form, run again to load it with what is stored now.
    asal_form: Option<Act>,
    /// The last write was refused because another operator changed (true) or deleted
    /// (false) its row.
    konflik: Option<bool>,
}

/// How long a write waits before the screen says that it is waiting.
const TUNGGU_SINGKAT: std::time::Duration = std::time::Duration::from_millis(300);

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
            area: Rect::default(),
            terlalu_kecil: false,
            kunci: None,
            ulang: None,
            sabar: false,
            asal_form: None,
            konflik: None,
        };
        if let Some(p) = app.k.store.pembaruan() {
            app.pesan = Some((
                format!(
                    "Basis data diperbarui dari skema {} ke {}; salinan lama: {}",
                    p.dari,
                    p.ke,
                    p.cadangan.display()
                ),
                false,
            ));
        }
        app.muat_tab();
        Ok(app)
    }

    /// The terminal is now `area` big: the tabs fit their lists to it (and fetch a page when it
    /// grew). Called before drawing, so that drawing only reads.
    pub fn atur_ukuran(&mut self, area: Rect) {
        self.terlalu_kecil = area.width < LEBAR_MIN || area.height < TINGGI_MIN;
        if area == self.area {
            return;
        }
        self.area = area;
        if self.terlalu_kecil {
            return;
        }
        let badan = tata(area).badan;
        if self.layar[self.tab].ukuran(badan, &self.k) {
            self.muat_tab();
        }
    }

    fn muat_tab(&mut self) {
        let badan = tata(self.area).badan;
        if self.area != Rect::default() {
            self.layar[self.tab].ukuran(badan, &self.k);
        }
        let mut hasil = self.layar[self.tab].muat(&self.k);
        // a layout that depends on what was loaded (the Jadwal grid) may give the list another
        // height: then the page is fetched again for it
        if hasil.is_ok()
            && self.area != Rect::default()
            && self.layar[self.tab].ukuran(badan, &self.k)
        {
            hasil = self.layar[self.tab].muat_halaman(&self.k);
        }
        if let Err(e) = hasil {
            self.pesan = Some((e.to_string(), true));
        }
        self.basi[self.tab] = false;
    }

    fn semua_basi(&mut self) {
        self.basi = [true; 7];
        self.k.generasi.set(self.k.generasi.get() + 1);
        if let Err(e) = self.k.perbarui_nama() {
            self.pesan = Some((e.to_string(), true));
        }
        self.muat_tab();
    }

    /// Called every few seconds: when another operator committed a change, reload. An open
    /// form, question or deletion keeps the row it was opened for.
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
        } else if self.area != Rect::default() {
            let badan = tata(self.area).badan;
            if self.layar[self.tab].ukuran(badan, &self.k) {
                self.muat_tab();
            }
        }
    }

    /// Runs a write in one transaction. A row changed or deleted by someone else since it was
    /// read is refused, saying who did what.
    fn tulis(&mut self, t: &Tulis) -> Result<i64, String> {
        if self.k.baca_saja {
            return Err(teks::BACA_SAJA.into());
        }
        // first a short wait: when another writer (an import) holds the database, the screen
        // says so and then waits the long way (`ulang`), instead of freezing without a word
        let tunggu = if self.sabar {
            crate::store::TUNGGU_SIBUK
        } else {
            TUNGGU_SINGKAT
        };
        let _ = self.k.store.conn().busy_timeout(tunggu);
        let hari_ini = self.k.hari_ini;
        self.konflik = None;
        let hasil = self.k.store.transaksi(|tx| t.jalankan(tx, hari_ini));
        let _ = self.k.store.conn().busy_timeout(crate::store::TUNGGU_SIBUK);
        match hasil {
            Ok(id) => Ok(id),
            Err(crate::store::Galat::Sibuk) if !self.sabar => {
                self.ulang = self.kunci;
                Err(teks::MENUNGGU.into())
            }
            Err(crate::store::Galat::Konflik) => {
                let sasaran = t.sasaran(self.k.store.conn());
                self.konflik = Some(sasaran.is_some_and(|(tabel, id)| {
                    crate::store::konflik::masih_ada(self.k.store.conn(), tabel, id)
                }));
                let lain = sasaran
                    .and_then(|(tabel, id)| {
                        crate::store::konflik::keterangan(self.k.store.conn(), tabel, id)
                            .ok()
                            .flatten()
                    })
                    .map(|x| format!(": {x}"))
                    .unwrap_or_default();
                Err(format!(
                    "Tidak disimpan: data ini diubah atau dihapus pengguna lain sejak dibuka{lain}."
                ))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    fn jalankan_efek(&mut self, efek: Efek) {
        match efek {
            Efek::Tidak => {}
            Efek::Muat => self.muat_tab(),
            Efek::Form(f) => self.form = Some(f),
            Efek::Tanya(p, t, ok) => self.popup = Some(Popup::Tanya(p, t, ok)),
            Efek::Tulis(t, ok) => match self.tulis(&t) {
                Ok(_) => {
                    self.pesan = Some((ok, false));
                    self.semua_basi();
                }
                Err(e) => self.galat(e),
            },
            Efek::Pesan(p) => self.pesan = Some((p, false)),
            Efek::Galat(p) => self.pesan = Some((p, true)),
            Efek::KeDesa(desa, jenis, ta) => {
                self.ke_tab(3);
                self.layar[3].fokus(&desa, &jenis, ta);
                self.muat_tab();
            }
            Efek::MuatContoh => {
                if self.k.baca_saja {
                    self.pesan = Some((teks::BACA_SAJA.into(), true));
                    return;
                }
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
            Efek::TanyaHapus(sasaran, apa, ok) => {
                match wilayah::cakupan(self.k.store.conn(), &sasaran) {
                    Ok(c) => {
                        let catatan = if c.monev_dilepas > 0 {
                            format!(
                                " {} rencana monev tetap ada tanpa tautan desa.",
                                c.monev_dilepas
                            )
                        } else {
                            String::new()
                        };
                        let p = teks::tanya_hapus(&apa, &c.rincian(), &catatan);
                        self.popup = Some(Popup::Tanya(p, Tulis::Hapus(sasaran), ok));
                    }
                    Err(e) => self.galat(e.to_string()),
                }
            }
            Efek::Ekspor(apa) => match super::ekspor::tulis(&self.k, apa) {
                Ok(pesan) => self.pesan = Some((pesan, false)),
                Err(e) => self.galat(e),
            },
            Efek::Riwayat(tabel, id, judul) => {
                let baris = super::riwayat::baris(&self.k, tabel, id);
                self.popup = Some(Popup::Riwayat(judul, baris));
            }
        }
    }

    /// An error outside a form: on the message lines (wrapped over the footer), or in a box
    /// when it needs more than five lines (a refused write says who changed what: nothing of
    /// it may be cut).
    fn galat(&mut self, e: String) {
        let muat = self.area.width as usize;
        // (not while a write waits its turn: the key is handled again, a box would take it)
        if self.ulang.is_none() && crate::domain::teks::bungkus(&e, muat).len() > 5 {
            self.popup = Some(Popup::Riwayat("Tidak disimpan".into(), vec![e.clone()]));
        }
        self.pesan = Some((e, true));
    }

    pub fn tombol(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.kunci = Some(key);
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
                Popup::Bantuan | Popup::Riwayat(..) => {}
                Popup::Tanya(p, t, ok) => {
                    if ya {
                        match self.tulis(&t) {
                            Ok(_) => {
                                self.pesan = Some((ok, false));
                                self.semua_basi();
                            }
                            Err(e) => {
                                if self.ulang.is_some() {
                                    // asked again once the database is free
                                    self.popup = Some(Popup::Tanya(p, t, ok));
                                    self.pesan = Some((e, true));
                                } else {
                                    self.galat(e);
                                }
                            }
                        }
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
        if let Some(mut form) = self.form.take() {
            if key.code == KeyCode::Char('q') && ctrl {
                self.popup = Some(Popup::Keluar);
                self.form = Some(form);
                return;
            }
            match form.tombol(key) {
                HasilTombol::Lanjut => self.layar[self.tab].form_berubah(&mut form, &self.k),
                HasilTombol::Tutup => {
                    if form.berubah() {
                        self.popup = Some(Popup::Buang);
                    } else {
                        return;
                    }
                }
                HasilTombol::MuatUlang => {
                    self.muat_ulang_form();
                    return;
                }
                HasilTombol::Simpan => {
                    if self.k.baca_saja {
                        form.galat = Some(teks::BACA_SAJA.into());
                    } else if !form.sah() {
                        form.galat = Some("Periksa bidang yang bertanda !".into());
                    } else {
                        match self.layar[self.tab].simpan(&form, &self.k) {
                            Ok((t, ok)) => match self.tulis(&t) {
                                Ok(id) => {
                                    self.layar[self.tab].tersimpan(id);
                                    self.pesan = Some((ok, false));
                                    self.semua_basi();
                                    return;
                                }
                                Err(e) => {
                                    form.bisa_muat_ulang =
                                        self.konflik == Some(true) && self.asal_form.is_some();
                                    form.galat_simpan(if form.bisa_muat_ulang {
                                        format!("{e} {}", teks::MUAT_ULANG)
                                    } else {
                                        e
                                    });
                                }
                            },
                            Err(e) => form.galat_simpan(e),
                        }
                    }
                }
            }
            self.form = Some(form);
            return;
        }
        if self.menyaring {
            let Some(d) = self.layar[self.tab].daftar() else {
                self.menyaring = false;
                return;
            };
            match key.code {
                KeyCode::Enter => {
                    self.menyaring = false;
                    return;
                }
                KeyCode::Esc => {
                    d.saring.clear();
                    self.menyaring = false;
                }
                KeyCode::Backspace => {
                    d.saring.pop();
                }
                KeyCode::Char(c) if !ctrl && !c.is_control() => {
                    if d.saring.chars().count() >= 100 {
                        return;
                    }
                    d.saring.push(c)
                }
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
                let perintah = self.layar[self.tab].perintah(&self.k);
                let Some(p) = perintah.into_iter().find(|p| p.cocok(key.code)) else {
                    // `x` on every tab that has something to write to a file
                    if key.code == KeyCode::Char('x')
                        && let Some(apa) = self.layar[self.tab].ekspor()
                    {
                        self.jalankan_efek(Efek::Ekspor(apa));
                    }
                    return;
                };
                if p.ubah && self.k.baca_saja {
                    self.pesan = Some((teks::BACA_SAJA.into(), true));
                    return;
                }
                if let Err(alasan) = p.berlaku {
                    self.pesan = Some((alasan, true));
                    return;
                }
                if let Act::Tahun(arah) = p.act {
                    self.ganti_tahun(arah);
                    return;
                }
                let efek = self.layar[self.tab].jalankan(p.act, &self.k);
                if matches!(efek, Efek::Form(_)) {
                    self.asal_form = Some(p.act);
                }
                self.jalankan_efek(efek);
            }
        }
    }

    /// After a save refused because another operator changed the row: the form again, filled
    /// with what is stored now (the operator's own typing is dropped, as the message said).
    fn muat_ulang_form(&mut self) {
        let Some(act) = self.asal_form else {
            return;
        };
        self.form = None;
        self.semua_basi();
        match self.layar[self.tab].jalankan(act, &self.k) {
            Efek::Form(f) => {
                self.form = Some(f);
                self.pesan = Some((teks::DIMUAT_ULANG.into(), false));
            }
            lain => self.jalankan_efek(lain),
        }
    }

    /// `[` and `]` on every screen with a year: 2000–2100.
    fn ganti_tahun(&mut self, arah: i8) {
        let Some(t) = self.layar[self.tab].tahun() else {
            return;
        };
        let baru = (*t + arah as i32).clamp(2000, 2100);
        if baru == *t {
            self.pesan = Some(("Tahun hanya 2000–2100.".into(), true));
            return;
        }
        *t = baru;
        // the selection stays where it was (the Desa list is the same every year; other lists
        // keep the row number, inside the new list)
        self.muat_tab();
    }

    /// The commands shown in the footer and the help: the open form's, the filter's, or the
    /// screen's table plus the keys every screen has.
    pub(super) fn tombol_sekarang(&self) -> Vec<(Tombol, bool)> {
        if self.popup.is_some() && !matches!(self.popup, Some(Popup::Bantuan)) {
            return Vec::new();
        }
        if let Some(f) = &self.form {
            let mut v: Vec<(Tombol, bool)> = teks::FORM.iter().map(|t| (*t, true)).collect();
            if f.bisa_muat_ulang {
                v.insert(1, (teks::TOMBOL_MUAT_ULANG, true));
            }
            return v;
        }
        if self.menyaring {
            return teks::SARING.iter().map(|t| (*t, true)).collect();
        }
        if self.popup.is_some() && !matches!(self.popup, Some(Popup::Bantuan)) {
            return Vec::new();
        }
        let mut v: Vec<(Tombol, bool)> = vec![(teks::BANTUAN, true)];
        for p in self.layar[self.tab].perintah(&self.k) {
            let berlaku = p.berlaku.is_ok() && !(p.ubah && self.k.baca_saja);
            // one line per label: `[` and `]`, `←` and `→` are one command to a person
            match v.iter_mut().find(|(t, _)| t.tombol == p.tombol.tombol) {
                Some((_, b)) => *b |= berlaku,
                None => v.push((p.tombol, berlaku)),
            }
        }
        if self.layar[self.tab].ekspor().is_some() {
            v.push((teks::EKSPOR, true));
        }
        v.extend(teks::UMUM.iter().map(|t| (*t, true)));
        v
    }
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
