//! Kegiatan: the year's kegiatan; the whole KAK of one; adding, editing and deleting a
//! kegiatan and every item inside it (indicators, text points, budget history, cost plan,
//! stages). Each save writes the whole KAK in one transaction, checked against its version.

mod kak;

use chrono::Datelike;
use ratatui::Frame;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::jadwal::Bulan;
use crate::domain::kode::normalisasi_sub_kegiatan;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::kegiatan::{
    self, Anggaran, Biaya, Butir, ButirKak, Indikator, Kak, Kegiatan as Keg, Tahapan,
};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Butiran {
    Kepala,
    Indikator(usize),
    Butir(usize),
    Anggaran(usize),
    Biaya(usize),
    Tahapan(usize),
}

/// What `a` adds when a section heading or item is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bagian {
    Indikator,
    Butir,
    Anggaran,
    Biaya,
    Tahapan,
}

struct Baris {
    teks: String,
    judul: bool,
    bagian: Option<Bagian>,
    ref_: Option<Butiran>,
}

/// What the open form saves: the row as it was when the form opened (id and version).
enum Tujuan {
    Kepala(Keg),
    Butir { kegiatan_id: i64, butir: ButirKak },
}

pub struct Kegiatan {
    tahun: i32,
    daftar: Daftar,
    baris: Vec<Keg>,
    /// The kegiatan whose KAK is open (kept across reloads).
    kak_id: Option<i64>,
    kak: Option<Kak>,
    /// The computed realisation of each indicator of the open KAK (read with it).
    hitungan: Vec<Option<kegiatan::Hitungan>>,
    kak_daftar: Daftar,
    kak_baris: Vec<Baris>,
    tujuan: Option<Tujuan>,
}

impl Kegiatan {
    pub fn new(k: &Konteks) -> Self {
        Kegiatan {
            tahun: k.hari_ini.year(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            kak_id: None,
            kak: None,
            hitungan: Vec::new(),
            kak_daftar: Daftar::default(),
            kak_baris: Vec::new(),
            tujuan: None,
        }
    }
}

impl Kegiatan {
    fn terpilih(&self) -> Option<&Keg> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }

    fn baris_kak(&self) -> Option<&Baris> {
        self.kak_baris.get(self.kak_daftar.pilih)
    }
}

/// Lines under the KAK that show the selected line whole.
const BARIS_PENUH: u16 = 2;

fn bagian_butiran(r: Butiran) -> Bagian {
    match r {
        Butiran::Indikator(_) => Bagian::Indikator,
        Butiran::Butir(_) => Bagian::Butir,
        Butiran::Anggaran(_) => Bagian::Anggaran,
        Butiran::Biaya(_) => Bagian::Biaya,
        _ => Bagian::Tahapan,
    }
}

/// The item with the values of the form (the item's id and version stay those of the row
/// when the form opened).
fn isi_butir(f: &Form, lama: &ButirKak) -> Result<ButirKak, String> {
    let rp = |i: usize| form::rupiah(&f.teks(i));
    Ok(match lama {
        ButirKak::Indikator(x) => ButirKak::Indikator(Indikator {
            tingkat: f.teks(0).to_lowercase(),
            uraian: f.teks(1),
            satuan: f.teks(2),
            target: form::desimal(&f.teks(3)),
            realisasi: form::desimal(&f.teks(4)),
            sumber: f.teks(5).to_uppercase(),
            ..x.clone()
        }),
        ButirKak::Butir(x) => ButirKak::Butir(Butir {
            bagian: f.teks(0).to_lowercase(),
            kelompok: f.teks(1),
            teks: f.teks(2),
            ..x.clone()
        }),
        ButirKak::Anggaran(x) => ButirKak::Anggaran(Anggaran {
            uraian: f.teks(0),
            n2: rp(1),
            n1: rp(2),
            berjalan: rp(3),
            ..x.clone()
        }),
        ButirKak::Biaya(x) => ButirKak::Biaya(Biaya {
            uraian: f.teks(0),
            jumlah: rp(1).unwrap_or(0),
            ..x.clone()
        }),
        ButirKak::Tahapan(x) => ButirKak::Tahapan(Tahapan {
            nama: f.teks(0),
            bulan: Bulan::parse(&f.teks(1)).map_err(|e| format!("Bulan: {e}"))?,
            tempat: f.teks(2),
            pelaksana: f.teks(3),
            peserta: f.teks(4),
            ..x.clone()
        }),
    })
}

impl Layar for Kegiatan {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        let (l, th) = (k.lingkup, self.tahun);
        self.baris = self.daftar.muat(
            |s| kegiatan::hitung(conn, l, th, s),
            |s, dari, n| kegiatan::daftar(conn, l, th, s, dari, n),
        )?;
        k.siapkan_nama(self.baris.iter().map(|b| b.kecamatan_id))?;
        self.kak = match self.kak_id {
            Some(id) => kegiatan::kak(conn, id)?,
            None => None,
        };
        self.hitungan = match &self.kak {
            Some(kak) => kegiatan::realisasi_hitung(conn, kak)?,
            None => {
                // deleted meanwhile: back to the list
                self.kak_id = None;
                Vec::new()
            }
        };
        self.susun_kak();
        Ok(())
    }

    fn muat_halaman(&mut self, k: &Konteks) -> Hasil<()> {
        // the open KAK is in memory whole; only the list is paged
        if self.kak.is_some() {
            return Ok(());
        }
        self.muat(k)
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        // the KAK fills the box; the list has a header line
        self.kak_daftar
            .atur_tinggi(area.height.saturating_sub(2 + BARIS_PENUH) as usize);
        self.daftar
            .atur_tinggi(area.height.saturating_sub(3) as usize)
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        if let Some(kak) = &self.kak {
            let b = blok(
                k,
                potong(
                    &format!(
                        " KAK {} {} ",
                        kak.kegiatan.kode_kegiatan,
                        if kak.kegiatan.contoh { "[contoh]" } else { "" }
                    ),
                    area.width.saturating_sub(2) as usize,
                ),
            );
            let dalam = b.inner(area);
            f.render_widget(b, area);
            let [dalam, penuh] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(BARIS_PENUH)])
                    .areas(dalam);
            // the selected line whole, wrapped: a long point is read here, also read-only
            if let Some(b) = self.kak_baris.get(self.kak_daftar.pilih)
                && !b.judul
            {
                f.render_widget(
                    Paragraph::new(Line::styled(
                        crate::domain::teks::aman(b.teks.trim()).into_owned(),
                        tema.redup(),
                    ))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                    penuh,
                );
            }
            let baris: Vec<Line> = self
                .kak_baris
                .iter()
                .enumerate()
                .skip(self.kak_daftar.awal)
                .take(dalam.height as usize)
                .map(|(i, b)| {
                    let mut gaya = if b.judul {
                        tema.judul()
                    } else {
                        Style::default()
                    };
                    if i == self.kak_daftar.pilih {
                        gaya = gaya.patch(tema.pilih());
                    }
                    Line::styled(potong(&b.teks, dalam.width as usize), gaya)
                })
                .collect();
            f.render_widget(Paragraph::new(baris), dalam);
            return;
        }
        let b = blok(k, format!(" Kegiatan tahun {} ", self.tahun));
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let [kepala, isi] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(dalam);
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {}{:<16}{}",
                    super::judul_kecamatan(k),
                    "Kode",
                    "Nama kegiatan · seksi"
                ),
                tema.judul(),
            )),
            kepala,
        );
        let mut baris = Vec::new();
        if self.baris.is_empty() {
            baris.push(Line::styled(
                super::pesan_kosong(
                    &self.daftar,
                    format!("Belum ada kegiatan tahun {}. Tambah dengan a.", self.tahun),
                ),
                tema.redup(),
            ));
        }
        for (n, x) in self.baris.iter().enumerate() {
            let kec = super::kolom_kecamatan(k, x.kecamatan_id);
            let teks = format!(
                "{kec}{} {} · {}",
                crate::domain::teks::pas(&x.kode_kegiatan, 15),
                x.nama_kegiatan,
                x.seksi
            );
            baris.push(super::baris_daftar(
                k,
                potong(&teks, (isi.width as usize).saturating_sub(1)),
                crate::domain::teks::lebar(&kec) + 14,
                Style::default(),
                self.daftar.awal + n == self.daftar.pilih,
            ));
        }
        f.render_widget(Paragraph::new(baris), isi);
    }

    fn perintah(&self, k: &Konteks) -> Vec<Perintah> {
        if self.kak.is_some() {
            let b = self.baris_kak();
            let ref_ = b.and_then(|b| b.ref_);
            let butir = ref_.is_some_and(|r| r != Butiran::Kepala);
            return vec![
                Perintah::baru(a::K_KIRI, teks::KAK[1], Act::Kolom(-1)),
                Perintah::baru(
                    a::K_KANAN,
                    Tombol {
                        kaki: false,
                        ..teks::KAK[1]
                    },
                    Act::Kolom(1),
                ),
                Perintah::baru(a::K_ESC, teks::KAK[2], Act::Kembali),
                Perintah::baru(a::K_ENTER_E, teks::KAK[3], Act::Ubah)
                    .ubah()
                    .jika(ref_.is_some(), "Pilih butir yang akan diubah."),
                Perintah::baru(a::K_A, teks::KAK[4], Act::Tambah)
                    .ubah()
                    .jika(
                        b.and_then(|b| b.bagian).is_some(),
                        "Pilih bagian (indikator, butir, anggaran, biaya, tahapan) dulu.",
                    ),
                Perintah::baru(a::K_D, teks::KAK[5], Act::Hapus)
                    .ubah()
                    .jika(butir, "Pilih butir yang akan dihapus."),
                Perintah::baru(a::K_X, teks::KAK[6], Act::Ekspor),
                Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat),
            ];
        }
        let ada = self.terpilih().is_some();
        let kosong = format!("Belum ada kegiatan tahun {}.", self.tahun);
        let [lalu, depan] = a::perintah_tahun(teks::KEGIATAN[0]);
        vec![
            lalu,
            depan,
            Perintah::baru(a::K_ENTER, teks::KEGIATAN[1], Act::Buka).jika(ada, kosong.clone()),
            Perintah::baru(a::K_A, teks::KEGIATAN[2], Act::Tambah)
                .ubah()
                .jika_ok(&k.satu_kecamatan),
            Perintah::baru(a::K_E, teks::KEGIATAN[3], Act::Ubah)
                .ubah()
                .jika(ada, kosong.clone()),
            Perintah::baru(a::K_D, teks::KEGIATAN[4], Act::Hapus)
                .ubah()
                .jika(ada, kosong.clone()),
            Perintah::baru(a::K_S, teks::KEGIATAN[5], Act::Salin)
                .ubah()
                .jika(ada, kosong.clone()),
            Perintah::baru(a::K_S_BESAR, teks::KEGIATAN[6], Act::SalinSemua)
                .ubah()
                .jika(ada || !self.daftar.saring.is_empty(), kosong.clone()),
            Perintah::baru(a::K_X, teks::KEGIATAN[7], Act::Ekspor).jika(ada, kosong.clone()),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, kosong),
        ]
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        if self.kak.is_some() {
            let sekarang = self.baris_kak();
            let ref_ = sekarang.and_then(|b| b.ref_);
            let bagian = sekarang.and_then(|b| b.bagian);
            let teks_baris = sekarang.map(|b| b.teks.clone()).unwrap_or_default();
            return match act {
                Act::Kembali => {
                    self.kak = None;
                    self.kak_id = None;
                    Efek::Tidak
                }
                Act::Kolom(arah) => {
                    // jump to the previous / next section heading
                    let i = self.kak_daftar.pilih;
                    let cari = if arah > 0 {
                        self.kak_baris
                            .iter()
                            .enumerate()
                            .skip(i + 1)
                            .find(|(_, b)| b.judul)
                            .map(|(n, _)| n)
                    } else {
                        self.kak_baris
                            .iter()
                            .enumerate()
                            .take(i)
                            .rev()
                            .find(|(_, b)| b.judul)
                            .map(|(n, _)| n)
                    };
                    if let Some(n) = cari {
                        self.kak_daftar.gerak(n as isize - i as isize);
                    }
                    Efek::Tidak
                }
                Act::Ubah => match ref_ {
                    Some(Butiran::Kepala) => {
                        let x = self.kak.as_ref().map(|x| x.kegiatan.clone());
                        self.form_kepala(k, x)
                    }
                    Some(r) => self.form_butiran(Some(r), bagian_butiran(r)),
                    None => Efek::Tidak,
                },
                Act::Tambah => match bagian {
                    Some(b) => self.form_butiran(None, b),
                    None => Efek::Tidak,
                },
                Act::Hapus => match ref_.and_then(|r| self.butir_dari(r)) {
                    Some(b) => {
                        let (tabel, id, versi) = match &b {
                            ButirKak::Indikator(x) => (b.tabel(), x.id, x.versi),
                            ButirKak::Butir(x) => (b.tabel(), x.id, x.versi),
                            ButirKak::Anggaran(x) => (b.tabel(), x.id, x.versi),
                            ButirKak::Biaya(x) => (b.tabel(), x.id, x.versi),
                            ButirKak::Tahapan(x) => (b.tabel(), x.id, x.versi),
                        };
                        Efek::Tanya(
                            format!("Hapus butir ini? {}", potong(&teks_baris, 40)),
                            Tulis::HapusButirKak { tabel, id, versi },
                            "Butir dihapus.".into(),
                        )
                    }
                    None => Efek::Tidak,
                },
                Act::Ekspor => match &self.kak {
                    Some(kak) => Efek::Ekspor(crate::tui::ekspor::Apa::Kak(kak.kegiatan.id)),
                    None => Efek::Tidak,
                },
                Act::Riwayat => {
                    let Some(kak) = &self.kak else {
                        return Efek::Tidak;
                    };
                    match ref_.and_then(|r| self.butir_dari(r)) {
                        Some(b) => {
                            let id = match &b {
                                ButirKak::Indikator(x) => x.id,
                                ButirKak::Butir(x) => x.id,
                                ButirKak::Anggaran(x) => x.id,
                                ButirKak::Biaya(x) => x.id,
                                ButirKak::Tahapan(x) => x.id,
                            };
                            Efek::Riwayat(
                                b.tabel(),
                                id,
                                format!("Riwayat: {}", potong(&teks_baris, 50)),
                            )
                        }
                        None => Efek::Riwayat(
                            "kegiatan",
                            kak.kegiatan.id,
                            format!("Riwayat kegiatan {}", kak.kegiatan.kode_kegiatan),
                        ),
                    }
                }
                _ => Efek::Tidak,
            };
        }
        match act {
            Act::Buka => {
                let Some(x) = self.terpilih() else {
                    return Efek::Tidak;
                };
                self.kak_id = Some(x.id);
                self.kak_daftar = Daftar::default();
                Efek::Muat
            }
            Act::Ubah => {
                let x = self.terpilih().cloned();
                match x {
                    Some(x) => self.form_kepala(k, Some(x)),
                    None => Efek::Tidak,
                }
            }
            Act::Tambah => self.form_kepala(k, None),
            Act::Hapus => {
                let Some(x) = self.terpilih() else {
                    return Efek::Tidak;
                };
                Efek::Tanya(
                    format!(
                        "Hapus kegiatan {} beserta seluruh KAK dan jadwalnya?",
                        x.kode_kegiatan
                    ),
                    Tulis::HapusKegiatan {
                        id: x.id,
                        versi: x.versi,
                    },
                    "Kegiatan dihapus.".into(),
                )
            }
            Act::Salin => {
                let Some(x) = self.terpilih() else {
                    return Efek::Tidak;
                };
                let ke = x.tahun + 1;
                Efek::Tanya(
                    format!(
                        "Salin kegiatan {} ke tahun {ke}? {}",
                        x.kode_kegiatan,
                        teks::isi_salinan(x.tahun)
                    ),
                    Tulis::SalinKegiatan {
                        id: x.id,
                        versi: x.versi,
                        ke,
                    },
                    format!(
                        "Kegiatan {} disalin ke tahun {ke} (] untuk membukanya).",
                        x.kode_kegiatan
                    ),
                )
            }
            Act::SalinSemua => {
                let n = kegiatan::hitung(k.store.conn(), k.lingkup, self.tahun, "").unwrap_or(0);
                let ke = self.tahun + 1;
                let kec = match k.lingkup {
                    crate::store::wilayah::Lingkup::Kecamatan(id) => Some(id),
                    crate::store::wilayah::Lingkup::Semua => None,
                };
                Efek::Tanya(
                    format!(
                        "Salin semua {} kegiatan tahun {} {}ke tahun {ke}? {}",
                        crate::domain::angka::format_ribuan(n),
                        self.tahun,
                        if kec.is_none() && k.banyak_kecamatan {
                            "(semua kecamatan) "
                        } else {
                            ""
                        },
                        teks::isi_salinan(self.tahun)
                    ),
                    Tulis::SalinTahun {
                        kecamatan: kec,
                        dari: self.tahun,
                        ke,
                    },
                    format!(
                        "{} kegiatan disalin ke tahun {ke} (] untuk membukanya).",
                        crate::domain::angka::format_ribuan(n)
                    ),
                )
            }
            Act::Ekspor => match self.terpilih() {
                Some(x) => Efek::Ekspor(crate::tui::ekspor::Apa::Kak(x.id)),
                None => Efek::Tidak,
            },
            Act::Riwayat => match self.terpilih() {
                Some(x) => Efek::Riwayat(
                    "kegiatan",
                    x.id,
                    format!("Riwayat kegiatan {}", x.kode_kegiatan),
                ),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        match &self.tujuan {
            Some(Tujuan::Kepala(lama)) => {
                let tahun = form::bulat(&f.teks(0))
                    .filter(|t| (2000..=2100).contains(t))
                    .ok_or("Tahun: harus antara 2000 dan 2100")? as i32;
                let sub = f.teks(5);
                let sub = if sub.is_empty() {
                    sub
                } else {
                    normalisasi_sub_kegiatan(&sub).map_err(|e| format!("Sub kegiatan: {e}"))?
                };
                let x = Keg {
                    tahun,
                    kode_program: f.teks(1),
                    nama_program: f.teks(2),
                    kode_kegiatan: f.teks(3),
                    nama_kegiatan: f.teks(4),
                    kode_sub_kegiatan: sub,
                    seksi: f.teks(6),
                    waktu: f.teks(7),
                    ..lama.clone()
                };
                if x.kecamatan_id == 0 {
                    return Err("Belum ada kecamatan untuk kegiatan ini.".into());
                }
                Ok((Tulis::Kegiatan(x), "Kegiatan disimpan.".into()))
            }
            Some(Tujuan::Butir { kegiatan_id, butir }) => {
                let b = isi_butir(f, butir)?;
                Ok((
                    Tulis::ButirKak {
                        kegiatan_id: *kegiatan_id,
                        butir: b,
                    },
                    "KAK disimpan.".into(),
                ))
            }
            None => Err("tidak ada yang disimpan".into()),
        }
    }

    fn tersimpan(&mut self, id: i64) {
        if let Some(Tujuan::Kepala(_)) = self.tujuan {
            // a saved header opens (or keeps) that kegiatan's KAK
            self.kak_id = Some(id);
        }
        self.tujuan = None;
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        if self.kak.is_some() {
            None
        } else {
            Some(&mut self.tahun)
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.kak.is_some() {
            Some(&mut self.kak_daftar)
        } else {
            Some(&mut self.daftar)
        }
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        if self.kak.is_some() {
            Some(&self.kak_daftar)
        } else {
            Some(&self.daftar)
        }
    }
}
