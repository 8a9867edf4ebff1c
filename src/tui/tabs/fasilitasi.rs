//! Fasilitasi: the year's log, filterable; adding picks the kind from the catalogue and shows
//! its usual activities, outputs and evidence; `t` toggles "ditindaklanjuti".

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::angka::format_persen;
use crate::domain::indikator;
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::fasilitasi::{self, Fasilitasi, Katalog, Saring};
use crate::store::wilayah::Lingkup;
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks;
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

pub struct FasilitasiTab {
    tahun: i32,
    daftar: Daftar,
    baris: Vec<Fasilitasi>,
    katalog: Vec<Katalog>,
    iku1: (i64, i64),
    /// The entry the open form saves, as it was when the form opened (None inside: new).
    ubah: Option<Option<Fasilitasi>>,
    /// What the desa pick list was last fetched for.
    desa_dicari: Option<String>,
}

/// Field numbers of the form.
const B_JENIS: usize = 1;
const B_DESA: usize = 2;
/// Desa fetched for the pick list at a time.
const PILIHAN_DESA: i64 = 50;

impl FasilitasiTab {
    pub fn new(k: &Konteks) -> Self {
        FasilitasiTab {
            tahun: k.hari_ini.year(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            katalog: Vec::new(),
            iku1: (0, 0),
            ubah: None,
            desa_dicari: None,
        }
    }

    /// The catalogue as a pick list: code and name.
    fn pilihan_jenis(&self) -> Vec<form::Pilihan> {
        self.katalog
            .iter()
            .map(|c| form::Pilihan::new(&c.kode, &c.nama))
            .collect()
    }

    /// Desa of the scope whose code or name contains `teks`, for the pick list (with their
    /// kecamatan when the list spans several).
    fn pilihan_desa(k: &Konteks, teks: &str) -> Vec<form::Pilihan> {
        let conn = k.store.conn();
        let desa = crate::store::wilayah::daftar_desa(conn, k.lingkup, teks, 0, PILIHAN_DESA)
            .unwrap_or_default();
        let _ = k.siapkan_nama(desa.iter().map(|d| d.kecamatan_id));
        desa.into_iter()
            .map(|d| {
                let nama = if k.banyak_kecamatan {
                    format!("{} (Kec. {})", d.nama, k.nama_kecamatan(d.kecamatan_id))
                } else {
                    d.nama
                };
                form::Pilihan::new(d.kode, nama)
            })
            .collect()
    }

    fn terpilih(&self) -> Option<&Fasilitasi> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }

    fn petunjuk(&self, kode: &str) -> Vec<String> {
        // the same reading of a code as the import's (`f1`, `F01`, `f01`)
        match fasilitasi::cari_katalog(&self.katalog, kode) {
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

    fn form(&mut self, k: &Konteks, f: Option<Fasilitasi>) -> Efek {
        let x = f.clone().unwrap_or_default();
        let kode_desa = x.kode_desa.clone().unwrap_or_default();
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
                    // checked on saving by the store, as the import checks it (`f1` is F01)
                    Jenis::Pilih {
                        pilihan: self.pilihan_jenis(),
                        tertutup: false,
                    },
                    true,
                    &kode_jenis,
                ),
                Bidang::new(
                    "Kode desa",
                    // only a desa code, as in the import; the list finds it by name
                    Jenis::Pilih {
                        pilihan: Self::pilihan_desa(k, &kode_desa),
                        tertutup: false,
                    },
                    false,
                    &kode_desa,
                ),
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
        self.desa_dicari = Some(kode_desa);
        self.ubah = Some(f);
        Efek::Form(form)
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
        k.siapkan_nama(self.baris.iter().map(|b| b.kecamatan_id))?;
        self.iku1 = fasilitasi::iku1(conn, k.lingkup, self.tahun)?;
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        self.daftar
            .atur_tinggi(area.height.saturating_sub(3) as usize)
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
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
        // the desa column takes the room its names need, as long as the description keeps
        // a readable width
        let kolom_kec = crate::domain::teks::lebar(&super::judul_kecamatan(k));
        let terpanjang = self
            .baris
            .iter()
            .map(|x| crate::domain::teks::lebar(x.nama_desa.as_deref().unwrap_or("(kecamatan)")))
            .max()
            .unwrap_or(0);
        let ruang = (isi.width as usize).saturating_sub(1 + 11 + 6 + kolom_kec + 1 + 7 + 24);
        let lebar_desa = terpanjang.clamp(10, 30).min(ruang.max(10));
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {:<11}{:<6}{}{}{:<7}{}",
                    "Tanggal",
                    "Jenis",
                    super::judul_kecamatan(k),
                    crate::domain::teks::pas("Desa", lebar_desa + 1),
                    "Tindak",
                    "Uraian"
                ),
                tema.judul(),
            )),
            kepala,
        );
        let lebar_uraian =
            (isi.width as usize).saturating_sub(1 + 11 + 6 + kolom_kec + lebar_desa + 1 + 7);
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
                "{:<11}{:<6}{}{} {:<7}{}",
                format_tanggal(x.tanggal),
                x.kode_jenis,
                super::kolom_kecamatan(k, x.kecamatan_id),
                crate::domain::teks::pas(
                    x.nama_desa.as_deref().unwrap_or("(kecamatan)"),
                    lebar_desa
                ),
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

    fn perintah(&self, k: &Konteks) -> Vec<Perintah> {
        let ada = self.terpilih().is_some();
        let kosong = format!("Belum ada fasilitasi tahun {}.", self.tahun);
        let ada_kecamatan = !(matches!(k.lingkup, Lingkup::Semua)
            && k.satu_kecamatan
                .as_ref()
                .is_err_and(|e| e.starts_with("Belum")));
        let [lalu, depan] = a::perintah_tahun(teks::FASILITASI[3]);
        vec![
            Perintah::baru(a::K_A, teks::FASILITASI[0], Act::Tambah)
                .ubah()
                .jika(ada_kecamatan, "Belum ada kecamatan."),
            Perintah::baru(a::K_ENTER_E, teks::FASILITASI[1], Act::Ubah)
                .ubah()
                .jika(ada, kosong.clone()),
            Perintah::baru(a::K_T, teks::FASILITASI[2], Act::Tindak)
                .ubah()
                .jika(ada, kosong.clone()),
            lalu,
            depan,
            Perintah::baru(a::K_D, teks::FASILITASI[4], Act::Hapus)
                .ubah()
                .jika(ada, kosong.clone()),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, kosong),
        ]
    }

    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        Some(crate::tui::ekspor::Apa::Fasilitasi(self.tahun))
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        match act {
            Act::Tambah => self.form(k, None),
            Act::Ubah => match self.terpilih().cloned() {
                Some(x) => self.form(k, Some(x)),
                None => Efek::Tidak,
            },
            Act::Tindak => {
                let Some(mut x) = self.terpilih().cloned() else {
                    return Efek::Tidak;
                };
                x.ditindaklanjuti = !x.ditindaklanjuti;
                let pesan = format!(
                    "Ditindaklanjuti: {}.",
                    if x.ditindaklanjuti { "ya" } else { "tidak" }
                );
                Efek::Tulis(Tulis::Tindak(x), pesan)
            }
            Act::Hapus => {
                let Some(x) = self.terpilih() else {
                    return Efek::Tidak;
                };
                Efek::Tanya(
                    format!(
                        "Hapus fasilitasi {} tanggal {}?",
                        x.kode_jenis,
                        format_tanggal(x.tanggal)
                    ),
                    Tulis::HapusFasilitasi {
                        id: x.id,
                        versi: x.versi,
                    },
                    "Fasilitasi dihapus.".into(),
                )
            }
            Act::Riwayat => match self.terpilih() {
                Some(x) => Efek::Riwayat(
                    "fasilitasi",
                    x.id,
                    format!(
                        "Riwayat fasilitasi {} {}",
                        x.kode_jenis,
                        format_tanggal(x.tanggal)
                    ),
                ),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        Some(&mut self.tahun)
    }

    fn form_berubah(&mut self, f: &mut Form, k: &Konteks) {
        f.petunjuk = self.petunjuk(&f.teks(B_JENIS));
        let desa = f.teks(B_DESA);
        if f.fokus == B_DESA && self.desa_dicari.as_deref() != Some(desa.as_str()) {
            f.bidang[B_DESA].ganti_pilihan(Self::pilihan_desa(k, &desa));
            self.desa_dicari = Some(desa);
        }
    }

    fn simpan(&mut self, f: &Form, k: &Konteks) -> Result<(Tulis, String), String> {
        let Some(lama) = self.ubah.clone() else {
            return Err("tidak ada yang disimpan".into());
        };
        let tanggal = form::tanggal(&f.teks(0)).ok_or("Tanggal: tidak sah")?;
        let kode = f.teks(1).to_uppercase();
        let x = Fasilitasi {
            tanggal,
            uraian: f.teks(3),
            output: f.teks(4),
            bukti: f.teks(5),
            ditindaklanjuti: crate::domain::angka::parse_ya_tidak(&f.teks(6)).unwrap_or(false),
            ..lama.clone().unwrap_or_default()
        };
        if lama.is_none() && tanggal.year() != self.tahun {
            // the list follows the new entry's year
            self.tahun = tanggal.year();
        }
        Ok((
            Tulis::Fasilitasi {
                x,
                desa: f.teks(2),
                kode_jenis: kode.clone(),
                satu_kecamatan: k.satu_kecamatan.clone(),
                kecamatan_lingkup: match k.lingkup {
                    Lingkup::Kecamatan(id) => Some(id),
                    Lingkup::Semua => None,
                },
            },
            format!("Fasilitasi {kode} {} disimpan.", format_tanggal(tanggal)),
        ))
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        Some(&mut self.daftar)
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        Some(&self.daftar)
    }
}
