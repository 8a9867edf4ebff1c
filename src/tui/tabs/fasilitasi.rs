//! Fasilitasi: the year's log, filterable; adding picks the kind from the catalogue and shows
//! its usual activities, outputs and evidence; `t` toggles "ditindaklanjuti".

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok, pesan_galat};
use crate::domain::angka::format_persen;
use crate::domain::indikator;
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::fasilitasi::{self, Fasilitasi, Katalog, Saring};
use crate::store::wilayah::{self, Lingkup};
use crate::tui::app::{Aksi, Konteks};
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

pub struct FasilitasiTab {
    tahun: i32,
    daftar: Daftar,
    baris: Vec<Fasilitasi>,
    katalog: Vec<Katalog>,
    iku1: (i64, i64),
    ubah: Option<Option<Fasilitasi>>,
    hapus: Option<(i64, i64)>,
}

impl FasilitasiTab {
    pub fn new(k: &Konteks) -> Self {
        FasilitasiTab {
            tahun: k.hari_ini.year(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            katalog: Vec::new(),
            iku1: (0, 0),
            ubah: None,
            hapus: None,
        }
    }

    fn terpilih(&self) -> Option<&Fasilitasi> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }

    fn petunjuk(&self, kode: &str) -> Vec<String> {
        match self
            .katalog
            .iter()
            .find(|c| c.kode.eq_ignore_ascii_case(kode.trim()))
        {
            Some(c) => vec![
                format!("{} ({}): {}", c.kode, c.golongan, c.nama),
                format!("Aktivitas: {}", potong(&c.uraian_aktivitas, 150)),
                format!("Output: {}", potong(&c.output, 120)),
                format!("Bukti: {}", potong(&c.bukti, 100)),
            ],
            None => vec![format!(
                "Jenis: kode katalog F01–F18 (fasilitasi), K01–K02 (koordinasi), R01 (rekomendasi)"
            )],
        }
    }

    fn form(&mut self, k: &Konteks, f: Option<Fasilitasi>) -> Aksi {
        let x = f.clone().unwrap_or_default();
        let kode_desa = x
            .desa_id
            .and_then(|id| wilayah::desa_id(k.store.conn(), id).ok().flatten())
            .map(|d| d.kode)
            .unwrap_or_default();
        let kode_jenis = self
            .katalog
            .iter()
            .find(|c| c.id == x.katalog_id)
            .map(|c| c.kode.clone())
            .unwrap_or_default();
        let tanggal = if f.is_some() {
            format_tanggal(x.tanggal)
        } else {
            format_tanggal(k.hari_ini)
        };
        let mut form = Form::new(
            if f.is_some() {
                "Ubah fasilitasi"
            } else {
                "Tambah fasilitasi"
            },
            vec![
                Bidang::new(
                    "Tanggal",
                    Jenis::Tanggal {
                        batas: Some(k.hari_ini),
                    },
                    true,
                    &tanggal,
                ),
                Bidang::new(
                    "Jenis",
                    Jenis::Kode(self.katalog.iter().map(|c| c.kode.clone()).collect()),
                    true,
                    &kode_jenis,
                ),
                Bidang::new("Kode desa", Jenis::Teks, false, &kode_desa),
                Bidang::new("Uraian", Jenis::Teks, false, &x.uraian),
                Bidang::new("Output", Jenis::Teks, false, &x.output),
                Bidang::new("Bukti", Jenis::Teks, false, &x.bukti),
                Bidang::new(
                    "Ditindaklanjuti",
                    Jenis::YaTidak,
                    false,
                    if x.ditindaklanjuti { "ya" } else { "tidak" },
                ),
            ],
        );
        form.petunjuk = self.petunjuk(&kode_jenis);
        self.ubah = Some(f);
        Aksi::Form(form)
    }
}

impl Layar for FasilitasiTab {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        if self.katalog.is_empty() {
            self.katalog = fasilitasi::daftar_katalog(conn)?;
        }
        let saring = |teks: &str| Saring {
            teks: teks.to_string(),
            ..Default::default()
        };
        let (l, th) = (k.lingkup, self.tahun);
        self.baris = self.daftar.muat(
            |t| fasilitasi::hitung(conn, l, th, &saring(t)),
            |t, dari, n| fasilitasi::daftar(conn, l, th, &saring(t), dari, n),
        )?;
        self.iku1 = fasilitasi::iku1(conn, k.lingkup, self.tahun)?;
        Ok(())
    }

    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        let p = indikator::iku1(self.iku1.0, self.iku1.1);
        let b = blok(
            k,
            format!(
                " Fasilitasi {} · IKU 1: {} ditindaklanjuti dari {} = {} ",
                self.tahun,
                p.pembilang,
                p.penyebut,
                format_persen(p.nilai())
            ),
        );
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let [kepala, isi] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(dalam);
        if self.daftar.atur_tinggi(isi.height as usize) {
            let _ = self.muat(k);
        }
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {:<11}{:<6}{}{:<16}{:<7}{}",
                    "Tanggal",
                    "Jenis",
                    super::judul_kecamatan(k),
                    "Desa",
                    "Tindak",
                    "Uraian"
                ),
                tema.judul(),
            )),
            kepala,
        );
        let lebar_uraian =
            (isi.width as usize).saturating_sub(1 + 40 + super::judul_kecamatan(k).len());
        let mut baris = Vec::new();
        if self.baris.is_empty() {
            baris.push(Line::styled(
                super::pesan_kosong(
                    &self.daftar,
                    format!(
                        "Belum ada fasilitasi tahun {}. Tambah dengan a.",
                        self.tahun
                    ),
                ),
                tema.redup(),
            ));
        }
        for (n, x) in self.baris.iter().enumerate() {
            let tindak = if x.ditindaklanjuti { "ya" } else { "tidak" };
            let teks = format!(
                "{:<11}{:<6}{}{:<16}{:<7}{}",
                format_tanggal(x.tanggal),
                x.kode_jenis,
                super::kolom_kecamatan(k, x.kecamatan_id),
                potong(x.nama_desa.as_deref().unwrap_or("(kecamatan)"), 15),
                tindak,
                potong(&x.uraian, lebar_uraian)
            );
            let gaya = if x.ditindaklanjuti {
                ratatui::style::Style::default()
            } else {
                tema.redup()
            };
            baris.push(super::baris_daftar(
                k,
                teks,
                10,
                gaya,
                self.daftar.awal + n == self.daftar.pilih,
            ));
        }
        f.render_widget(Paragraph::new(baris), isi);
    }

    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi {
        match key.code {
            KeyCode::Char('[') | KeyCode::Char(']') => {
                self.tahun += if key.code == KeyCode::Char('[') {
                    -1
                } else {
                    1
                };
                self.daftar.pilih = 0;
                self.daftar.awal = 0;
                match self.muat(k) {
                    Ok(()) => Aksi::Tidak,
                    Err(e) => Aksi::Galat(pesan_galat(e)),
                }
            }
            KeyCode::Char('a') => {
                if matches!(k.lingkup, Lingkup::Semua)
                    && wilayah::jumlah_kecamatan(k.store.conn()).unwrap_or(0) == 0
                {
                    return Aksi::Galat("Belum ada kecamatan.".into());
                }
                self.form(k, None)
            }
            KeyCode::Enter | KeyCode::Char('e') => match self.terpilih().cloned() {
                Some(x) => self.form(k, Some(x)),
                None => Aksi::Tidak,
            },
            KeyCode::Char('t') => {
                let Some(mut x) = self.terpilih().cloned() else {
                    return Aksi::Tidak;
                };
                x.ditindaklanjuti = !x.ditindaklanjuti;
                let hari_ini = k.hari_ini;
                match k.store.transaksi(|tx| fasilitasi::ubah(tx, &x, hari_ini)) {
                    Ok(()) => Aksi::Pesan(format!(
                        "Ditindaklanjuti: {}.",
                        if x.ditindaklanjuti { "ya" } else { "tidak" }
                    )),
                    Err(e) => Aksi::Galat(pesan_galat(e)),
                }
            }
            KeyCode::Char('d') => {
                let Some(x) = self.terpilih().cloned() else {
                    return Aksi::Tidak;
                };
                self.hapus = Some((x.id, x.versi));
                Aksi::Tanya(format!(
                    "Hapus fasilitasi {} tanggal {}?",
                    x.kode_jenis,
                    format_tanggal(x.tanggal)
                ))
            }
            _ => Aksi::Tidak,
        }
    }

    fn konfirmasi(&mut self, k: &mut Konteks) -> Aksi {
        let Some((id, versi)) = self.hapus.take() else {
            return Aksi::Tidak;
        };
        match k.store.transaksi(|tx| fasilitasi::hapus(tx, id, versi)) {
            Ok(()) => Aksi::Pesan("Fasilitasi dihapus.".into()),
            Err(e) => Aksi::Galat(pesan_galat(e)),
        }
    }

    fn form_berubah(&mut self, f: &mut Form, _k: &Konteks) {
        f.petunjuk = self.petunjuk(&f.teks(1));
    }

    fn simpan(&mut self, f: &Form, k: &mut Konteks) -> Result<String, String> {
        let Some(lama) = self.ubah.clone() else {
            return Err("tidak ada yang disimpan".into());
        };
        let conn = k.store.conn();
        let kode_desa = f.teks(2);
        let desa = if kode_desa.is_empty() {
            None
        } else {
            // a code, or a name people type instead (only when it names one desa)
            let menurut_kode = wilayah::desa_kode(conn, &kode_desa).map_err(pesan_galat)?;
            let desa = match menurut_kode {
                Some(d) => Some(d),
                None => {
                    let mirip = wilayah::daftar_desa(conn, k.lingkup, &kode_desa, 0, 2)
                        .map_err(pesan_galat)?;
                    match mirip.as_slice() {
                        [satu] if satu.nama.eq_ignore_ascii_case(&kode_desa) => Some(satu.clone()),
                        _ => None,
                    }
                }
            };
            Some(desa.ok_or_else(|| {
                format!(
                    "Kode desa: tidak ada desa '{kode_desa}'; tulis kodenya, misalnya 35.08.07.2001"
                )
            })?)
        };
        let kecamatan_id = match (&desa, k.lingkup, &lama) {
            (Some(d), _, _) => d.kecamatan_id,
            (None, _, Some(l)) => l.kecamatan_id,
            (None, Lingkup::Kecamatan(id), None) => id,
            (None, Lingkup::Semua, None) => k
                .satu_kecamatan()
                .map_err(|e| format!("Kode desa: isi kode desa ({e})"))?,
        };
        if let (Lingkup::Kecamatan(id), Some(d)) = (k.lingkup, &desa)
            && d.kecamatan_id != id
        {
            return Err(format!("Kode desa: {} di luar kecamatan ini", d.kode));
        }
        let kode = f.teks(1);
        let kat = fasilitasi::cari_katalog(&self.katalog, &kode).ok_or_else(|| {
            format!(
                "Jenis: {} tidak ada di katalog",
                crate::domain::teks::aman(&kode)
            )
        })?;
        let x = Fasilitasi {
            kecamatan_id,
            desa_id: desa.map(|d| d.id),
            tanggal: form::tanggal(&f.teks(0)).ok_or("Tanggal: tidak sah")?,
            katalog_id: kat.id,
            uraian: f.teks(3),
            output: f.teks(4),
            bukti: f.teks(5),
            ditindaklanjuti: crate::domain::angka::parse_ya_tidak(&f.teks(6)).unwrap_or(false),
            ..lama.clone().unwrap_or_default()
        };
        let hari_ini = k.hari_ini;
        match lama {
            Some(_) => k
                .store
                .transaksi(|tx| fasilitasi::ubah(tx, &x, hari_ini))
                .map_err(pesan_galat)?,
            None => {
                k.store
                    .transaksi(|tx| fasilitasi::tambah(tx, &x, hari_ini).map(|_| ()))
                    .map_err(pesan_galat)?;
                if x.tanggal.year() != self.tahun {
                    self.tahun = x.tanggal.year();
                }
            }
        }
        Ok(format!(
            "Fasilitasi {} {} disimpan.",
            kat.kode,
            format_tanggal(x.tanggal)
        ))
    }

    fn tombol_layar(&self, _k: &Konteks) -> &'static [Tombol] {
        teks::FASILITASI
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        Some(&mut self.daftar)
    }
}
