//! Kegiatan: the year's kegiatan; the whole KAK of one; adding, editing and deleting a
//! kegiatan and every item inside it (indicators, text points, budget history, cost plan,
//! stages). Each save writes the whole KAK in one transaction, checked against its version.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok, pesan_galat};
use crate::domain::angka::{Seratus, format_desimal_ringkas, format_persen, format_rupiah, persen};
use crate::domain::indikator::capaian;
use crate::domain::jadwal::Bulan;
use crate::domain::kode::normalisasi_sub_kegiatan;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::kegiatan::{
    self, Anggaran, BAGIAN, Biaya, Butir, Indikator, Kak, Kegiatan as Keg, TINGKAT, Tahapan,
};
use crate::tui::app::{Aksi, Konteks};
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

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

pub struct Kegiatan {
    tahun: i32,
    daftar: Daftar,
    baris: Vec<Keg>,
    kak: Option<Kak>,
    kak_daftar: Daftar,
    kak_baris: Vec<Baris>,
    /// The item the open form edits (None with a form open = new item of `bagian_baru`).
    sunting: Option<Butiran>,
    bagian_baru: Option<Bagian>,
    hapus: Option<Butiran>,
    hapus_kegiatan: Option<(i64, i64)>,
}

impl Kegiatan {
    pub fn new(k: &Konteks) -> Self {
        Kegiatan {
            tahun: k.hari_ini.year(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            kak: None,
            kak_daftar: Daftar::default(),
            kak_baris: Vec::new(),
            sunting: None,
            bagian_baru: None,
            hapus: None,
            hapus_kegiatan: None,
        }
    }

    fn susun_kak(&mut self) {
        let Some(kak) = &self.kak else { return };
        let mut v = Vec::new();
        let judul = |v: &mut Vec<Baris>, t: &str, b: Option<Bagian>| {
            v.push(Baris {
                teks: t.to_string(),
                judul: true,
                bagian: b,
                ref_: None,
            });
        };
        let k = &kak.kegiatan;
        judul(&mut v, "Kegiatan", None);
        for t in [
            format!("Program   {} {}", k.kode_program, k.nama_program),
            format!("Kegiatan  {} {}", k.kode_kegiatan, k.nama_kegiatan),
            format!(
                "Sub keg.  {}",
                if k.kode_sub_kegiatan.is_empty() {
                    "–"
                } else {
                    &k.kode_sub_kegiatan
                }
            ),
            format!("Seksi     {}", k.seksi),
            format!("Waktu     {}", k.waktu),
        ] {
            v.push(Baris {
                teks: t,
                judul: false,
                bagian: None,
                ref_: Some(Butiran::Kepala),
            });
        }
        judul(
            &mut v,
            "Indikator (target · realisasi · capaian)",
            Some(Bagian::Indikator),
        );
        for (i, x) in kak.indikator.iter().enumerate() {
            let a =
                |s: Option<Seratus>| s.map(format_desimal_ringkas).unwrap_or_else(|| "–".into());
            v.push(Baris {
                teks: format!(
                    "{:<9}{} · {} {} · {} · {}",
                    x.tingkat,
                    x.uraian,
                    a(x.target),
                    x.satuan,
                    a(x.realisasi),
                    format_persen(capaian(x.target, x.realisasi))
                ),
                judul: false,
                bagian: Some(Bagian::Indikator),
                ref_: Some(Butiran::Indikator(i)),
            });
        }
        for (kode, nama) in BAGIAN {
            let isi: Vec<(usize, &Butir)> = kak
                .butir
                .iter()
                .enumerate()
                .filter(|(_, b)| b.bagian == *kode)
                .collect();
            if isi.is_empty() {
                continue;
            }
            judul(&mut v, nama, Some(Bagian::Butir));
            let mut kelompok = "";
            let mut n = 0;
            for (i, b) in isi {
                if b.kelompok != kelompok && !b.kelompok.is_empty() {
                    v.push(Baris {
                        teks: format!("  {}", b.kelompok),
                        judul: false,
                        bagian: Some(Bagian::Butir),
                        ref_: Some(Butiran::Butir(i)),
                    });
                    kelompok = &b.kelompok;
                }
                n += 1;
                v.push(Baris {
                    teks: format!("{n:>3}. {}", b.teks),
                    judul: false,
                    bagian: Some(Bagian::Butir),
                    ref_: Some(Butiran::Butir(i)),
                });
            }
        }
        if !kak.butir.iter().any(|_| true) {
            judul(
                &mut v,
                "Latar belakang, tujuan, manfaat … (a untuk menambah butir)",
                Some(Bagian::Butir),
            );
        }
        judul(
            &mut v,
            "Riwayat anggaran (N-2 · N-1 · berjalan · perubahan · uraian)",
            Some(Bagian::Anggaran),
        );
        for (i, a) in kak.anggaran.iter().enumerate() {
            let rp = |x: Option<i64>| x.map(format_rupiah).unwrap_or_else(|| "–".into());
            let ubah = match (a.n1, a.berjalan) {
                (Some(n1), Some(b)) => format!(
                    " ({}{})",
                    if b >= n1 { "+" } else { "" },
                    format_persen(persen(b - n1, n1))
                ),
                _ => String::new(),
            };
            v.push(Baris {
                // the figures first: a long description must not push them off the screen
                teks: format!(
                    "{} · {} · {}{} · {}",
                    rp(a.n2),
                    rp(a.n1),
                    rp(a.berjalan),
                    ubah,
                    a.uraian
                ),
                judul: false,
                bagian: Some(Bagian::Anggaran),
                ref_: Some(Butiran::Anggaran(i)),
            });
        }
        judul(
            &mut v,
            &format!("Rencana biaya · total {}", format_rupiah(kak.total_biaya())),
            Some(Bagian::Biaya),
        );
        for (i, b) in kak.biaya.iter().enumerate() {
            v.push(Baris {
                teks: format!("{:>16}  {}", format_rupiah(b.jumlah), b.uraian),
                judul: false,
                bagian: Some(Bagian::Biaya),
                ref_: Some(Butiran::Biaya(i)),
            });
        }
        judul(
            &mut v,
            "Tahapan (bulan · nama · tempat · pelaksana · peserta)",
            Some(Bagian::Tahapan),
        );
        for (i, t) in kak.tahapan.iter().enumerate() {
            v.push(Baris {
                teks: format!(
                    "{} · {} · {} · {} · {}",
                    t.bulan.teks(),
                    t.nama,
                    t.tempat,
                    t.pelaksana,
                    t.peserta
                ),
                judul: false,
                bagian: Some(Bagian::Tahapan),
                ref_: Some(Butiran::Tahapan(i)),
            });
        }
        // `/` in the KAK keeps headings and the lines that contain the text
        let saring = self.kak_daftar.saring.to_lowercase();
        if !saring.is_empty() {
            v.retain(|b| b.judul || b.teks.to_lowercase().contains(&saring));
            // and drops the headings left with nothing under them
            let kosong: Vec<bool> = (0..v.len())
                .map(|i| v[i].judul && v.get(i + 1).is_none_or(|b| b.judul))
                .collect();
            let mut i = 0;
            v.retain(|_| {
                i += 1;
                !kosong[i - 1]
            });
        }
        self.kak_daftar.atur_total(v.len());
        self.kak_baris = v;
    }

    fn form_kepala(&mut self, k: &Konteks, x: Option<Keg>) -> Aksi {
        let baru = x.is_none();
        let x = x.unwrap_or_else(|| Keg {
            tahun: self.tahun,
            kode_program: "3.05.25.39".into(),
            nama_program: "Program Penyelenggaraan Pemerintahan Kecamatan".into(),
            ..Default::default()
        });
        let _ = k;
        self.sunting = Some(Butiran::Kepala);
        Aksi::Form(Form::new(
            if baru {
                "Tambah kegiatan"
            } else {
                "Ubah kegiatan"
            },
            vec![
                Bidang::new("Tahun", Jenis::Bulat, true, &x.tahun.to_string()),
                Bidang::new("Kode program", Jenis::Teks, true, &x.kode_program),
                Bidang::new("Nama program", Jenis::Teks, true, &x.nama_program),
                Bidang::new("Kode kegiatan", Jenis::Teks, true, &x.kode_kegiatan),
                Bidang::new("Nama kegiatan", Jenis::Teks, true, &x.nama_kegiatan),
                Bidang::new("Sub kegiatan", Jenis::Teks, false, &x.kode_sub_kegiatan),
                Bidang::new("Seksi", Jenis::Teks, false, &x.seksi),
                Bidang::new("Waktu", Jenis::Teks, false, &x.waktu),
            ],
        ))
    }

    fn form_butiran(&mut self, b: Option<Butiran>, bagian: Bagian) -> Aksi {
        let Some(kak) = &self.kak else {
            return Aksi::Tidak;
        };
        self.sunting = b;
        self.bagian_baru = Some(bagian);
        let rp = |x: Option<i64>| {
            x.map(crate::domain::angka::format_ribuan)
                .unwrap_or_default()
        };
        let des = |x: Option<Seratus>| x.map(format_desimal_ringkas).unwrap_or_default();
        let f = match (bagian, b) {
            (Bagian::Indikator, b) => {
                let x = match b {
                    Some(Butiran::Indikator(i)) => kak.indikator[i].clone(),
                    _ => Indikator {
                        tingkat: "output".into(),
                        ..Default::default()
                    },
                };
                Form::new(
                    "Indikator",
                    vec![
                        Bidang::new(
                            "Tingkat",
                            Jenis::Kode(TINGKAT.iter().map(|s| s.to_string()).collect()),
                            true,
                            &x.tingkat,
                        ),
                        Bidang::new("Uraian", Jenis::Teks, true, &x.uraian),
                        Bidang::new("Satuan", Jenis::Teks, false, &x.satuan),
                        Bidang::new("Target", Jenis::Desimal, false, &des(x.target)),
                        Bidang::new("Realisasi", Jenis::Desimal, false, &des(x.realisasi)),
                    ],
                )
            }
            (Bagian::Butir, b) => {
                let x = match b {
                    Some(Butiran::Butir(i)) => kak.butir[i].clone(),
                    _ => Butir {
                        bagian: "dasar_hukum".into(),
                        ..Default::default()
                    },
                };
                let mut f = Form::new(
                    "Butir KAK",
                    vec![
                        Bidang::new(
                            "Bagian",
                            Jenis::Kode(BAGIAN.iter().map(|(k, _)| k.to_string()).collect()),
                            true,
                            &x.bagian,
                        ),
                        Bidang::new("Kelompok", Jenis::Teks, false, &x.kelompok),
                        Bidang::new("Teks", Jenis::Teks, true, &x.teks),
                    ],
                );
                f.petunjuk = vec![format!(
                    "Bagian: {}",
                    BAGIAN
                        .iter()
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                )];
                f
            }
            (Bagian::Anggaran, b) => {
                let x = match b {
                    Some(Butiran::Anggaran(i)) => kak.anggaran[i].clone(),
                    _ => Anggaran::default(),
                };
                Form::new(
                    "Riwayat anggaran",
                    vec![
                        Bidang::new("Uraian belanja", Jenis::Teks, true, &x.uraian),
                        Bidang::new("N-2 (Rp)", Jenis::Rupiah, false, &rp(x.n2)),
                        Bidang::new("N-1 (Rp)", Jenis::Rupiah, false, &rp(x.n1)),
                        Bidang::new("Berjalan (Rp)", Jenis::Rupiah, false, &rp(x.berjalan)),
                    ],
                )
            }
            (Bagian::Biaya, b) => {
                let x = match b {
                    Some(Butiran::Biaya(i)) => kak.biaya[i].clone(),
                    _ => Biaya::default(),
                };
                let mut f = Form::new(
                    "Rencana biaya",
                    vec![
                        Bidang::new("Uraian", Jenis::Teks, true, &x.uraian),
                        Bidang::new("Jumlah (Rp)", Jenis::Rupiah, true, &rp(b.map(|_| x.jumlah))),
                    ],
                );
                f.petunjuk =
                    vec!["Total rencana biaya selalu dihitung dari baris-barisnya.".into()];
                f
            }
            (Bagian::Tahapan, b) => {
                let x = match b {
                    Some(Butiran::Tahapan(i)) => kak.tahapan[i].clone(),
                    _ => Tahapan::default(),
                };
                let mut f = Form::new(
                    "Tahapan",
                    vec![
                        Bidang::new("Nama", Jenis::Teks, true, &x.nama),
                        Bidang::new(
                            "Bulan",
                            Jenis::Bulan,
                            true,
                            &if x.bulan.kosong() {
                                String::new()
                            } else {
                                x.bulan.teks()
                            },
                        ),
                        Bidang::new("Tempat", Jenis::Teks, false, &x.tempat),
                        Bidang::new("Pelaksana", Jenis::Teks, false, &x.pelaksana),
                        Bidang::new("Peserta", Jenis::Teks, false, &x.peserta),
                    ],
                );
                f.petunjuk = vec!["Bulan: misalnya 1, 3-12 atau Februari, April dan Juli.".into()];
                f
            }
        };
        Aksi::Form(f)
    }

    fn simpan_kak(&mut self, k: &mut Konteks, kak: Kak) -> Result<i64, String> {
        k.store
            .transaksi(|tx| kegiatan::simpan(tx, &kak))
            .map_err(pesan_galat)
    }
}

impl Layar for Kegiatan {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        let (l, th) = (k.lingkup, self.tahun);
        self.baris = self.daftar.muat(
            |s| kegiatan::hitung(conn, l, th, s),
            |s, dari, n| kegiatan::daftar(conn, l, th, s, dari, n),
        )?;
        if let Some(id) = self.kak.as_ref().map(|x| x.kegiatan.id) {
            self.kak = kegiatan::kak(conn, id)?;
            self.susun_kak();
        }
        Ok(())
    }

    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        if let Some(kak) = &self.kak {
            let b = blok(
                k,
                format!(
                    " KAK {} {} ",
                    kak.kegiatan.kode_kegiatan,
                    if kak.kegiatan.contoh { "[contoh]" } else { "" }
                ),
            );
            let dalam = b.inner(area);
            f.render_widget(b, area);
            self.kak_daftar.atur_tinggi(dalam.height as usize);
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
        if self.daftar.atur_tinggi(isi.height as usize) {
            let _ = self.muat(k);
        }
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
                "{kec}{:<16}{} · {}",
                x.kode_kegiatan, x.nama_kegiatan, x.seksi
            );
            baris.push(super::baris_daftar(
                k,
                potong(&teks, (isi.width as usize).saturating_sub(1)),
                kec.chars().count() + 14,
                Style::default(),
                self.daftar.awal + n == self.daftar.pilih,
            ));
        }
        f.render_widget(Paragraph::new(baris), isi);
    }

    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi {
        if self.kak.is_some() {
            let sekarang = self.kak_baris.get(self.kak_daftar.pilih);
            let ref_ = sekarang.and_then(|b| b.ref_);
            let bagian = sekarang.and_then(|b| b.bagian);
            return match key.code {
                KeyCode::Esc => {
                    self.kak = None;
                    Aksi::Tidak
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    self.kak_daftar.gerak(-1);
                    Aksi::Tidak
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    self.kak_daftar.gerak(1);
                    Aksi::Tidak
                }
                KeyCode::PageUp => {
                    self.kak_daftar.halaman(-1);
                    Aksi::Tidak
                }
                KeyCode::PageDown => {
                    self.kak_daftar.halaman(1);
                    Aksi::Tidak
                }
                KeyCode::Home | KeyCode::Char('g') => {
                    self.kak_daftar.ke_awal();
                    Aksi::Tidak
                }
                KeyCode::End | KeyCode::Char('G') => {
                    self.kak_daftar.ke_akhir();
                    Aksi::Tidak
                }
                KeyCode::Left | KeyCode::Right | KeyCode::Char('h') | KeyCode::Char('l') => {
                    // jump to the previous / next section heading
                    let maju = matches!(key.code, KeyCode::Right | KeyCode::Char('l'));
                    let i = self.kak_daftar.pilih;
                    let cari = if maju {
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
                    Aksi::Tidak
                }
                KeyCode::Enter | KeyCode::Char('e') => match ref_ {
                    Some(Butiran::Kepala) => {
                        let x = self.kak.as_ref().map(|x| x.kegiatan.clone());
                        self.form_kepala(k, x)
                    }
                    Some(r) => {
                        let b = match r {
                            Butiran::Indikator(_) => Bagian::Indikator,
                            Butiran::Butir(_) => Bagian::Butir,
                            Butiran::Anggaran(_) => Bagian::Anggaran,
                            Butiran::Biaya(_) => Bagian::Biaya,
                            _ => Bagian::Tahapan,
                        };
                        self.form_butiran(Some(r), b)
                    }
                    None => Aksi::Tidak,
                },
                KeyCode::Char('a') => match bagian {
                    Some(b) => self.form_butiran(None, b),
                    None => Aksi::Galat(
                        "Pilih bagian (indikator, butir, anggaran, biaya, tahapan) dulu.".into(),
                    ),
                },
                KeyCode::Char('d') => match ref_ {
                    Some(Butiran::Kepala) | None => {
                        Aksi::Galat("Pilih butir yang akan dihapus.".into())
                    }
                    Some(r) => {
                        self.hapus = Some(r);
                        Aksi::Tanya(format!(
                            "Hapus butir ini? {}",
                            potong(&sekarang.map(|b| b.teks.clone()).unwrap_or_default(), 40)
                        ))
                    }
                },
                _ => Aksi::Tidak,
            };
        }
        match key.code {
            KeyCode::Char('[') | KeyCode::Char(']') => {
                self.tahun += if key.code == KeyCode::Char('[') {
                    -1
                } else {
                    1
                };
                match self.muat(k) {
                    Ok(()) => Aksi::Tidak,
                    Err(e) => Aksi::Galat(pesan_galat(e)),
                }
            }
            KeyCode::Enter => {
                let Some(x) = self
                    .baris
                    .get(self.daftar.pilih.saturating_sub(self.daftar.awal))
                else {
                    return Aksi::Tidak;
                };
                match kegiatan::kak(k.store.conn(), x.id) {
                    Ok(kak) => {
                        self.kak = kak;
                        self.kak_daftar = Daftar::default();
                        self.susun_kak();
                        Aksi::Tidak
                    }
                    Err(e) => Aksi::Galat(pesan_galat(e)),
                }
            }
            KeyCode::Char('e') => {
                let x = self
                    .baris
                    .get(self.daftar.pilih.saturating_sub(self.daftar.awal))
                    .cloned();
                if x.is_none() {
                    return Aksi::Tidak;
                }
                self.kak = None;
                match x.map(|x| kegiatan::kak(k.store.conn(), x.id)) {
                    Some(Ok(Some(kak))) => {
                        let keg = kak.kegiatan.clone();
                        self.kak = Some(kak);
                        self.susun_kak();
                        self.form_kepala(k, Some(keg))
                    }
                    _ => Aksi::Tidak,
                }
            }
            KeyCode::Char('a') => {
                // say at once, not after the form is filled, when there is no kecamatan to add to
                if let Err(e) = k.satu_kecamatan() {
                    return Aksi::Galat(e);
                }
                self.kak = None;
                self.form_kepala(k, None)
            }
            KeyCode::Char('d') => {
                let Some(x) = self
                    .baris
                    .get(self.daftar.pilih.saturating_sub(self.daftar.awal))
                else {
                    return Aksi::Tidak;
                };
                self.hapus_kegiatan = Some((x.id, x.versi));
                Aksi::Tanya(format!(
                    "Hapus kegiatan {} beserta seluruh KAK dan jadwalnya?",
                    x.kode_kegiatan
                ))
            }
            _ => Aksi::Tidak,
        }
    }

    fn konfirmasi(&mut self, k: &mut Konteks) -> Aksi {
        if let Some((id, versi)) = self.hapus_kegiatan.take() {
            return match k.store.transaksi(|tx| kegiatan::hapus(tx, id, versi)) {
                Ok(()) => Aksi::Pesan("Kegiatan dihapus.".into()),
                Err(e) => Aksi::Galat(pesan_galat(e)),
            };
        }
        let (Some(r), Some(mut kak)) = (self.hapus.take(), self.kak.clone()) else {
            return Aksi::Tidak;
        };
        match r {
            Butiran::Indikator(i) => {
                kak.indikator.remove(i);
            }
            Butiran::Butir(i) => {
                kak.butir.remove(i);
            }
            Butiran::Anggaran(i) => {
                kak.anggaran.remove(i);
            }
            Butiran::Biaya(i) => {
                kak.biaya.remove(i);
            }
            Butiran::Tahapan(i) => {
                kak.tahapan.remove(i);
            }
            Butiran::Kepala => return Aksi::Tidak,
        }
        match self.simpan_kak(k, kak) {
            Ok(_) => Aksi::Pesan("Butir dihapus.".into()),
            Err(e) => Aksi::Galat(e),
        }
    }

    fn simpan(&mut self, f: &Form, k: &mut Konteks) -> Result<String, String> {
        let sunting = self.sunting;
        if sunting == Some(Butiran::Kepala) {
            let tahun = form::bulat(&f.teks(0))
                .filter(|t| (2000..=2100).contains(t))
                .ok_or("Tahun: harus antara 2000 dan 2100")? as i32;
            let sub = f.teks(5);
            let sub = if sub.is_empty() {
                sub
            } else {
                normalisasi_sub_kegiatan(&sub).map_err(|e| format!("Sub kegiatan: {e}"))?
            };
            let mut kak = self.kak.clone().unwrap_or_default();
            if kak.kegiatan.id == 0 {
                kak.kegiatan.kecamatan_id = k.satu_kecamatan()?;
            }
            kak.kegiatan = Keg {
                tahun,
                kode_program: f.teks(1),
                nama_program: f.teks(2),
                kode_kegiatan: f.teks(3),
                nama_kegiatan: f.teks(4),
                kode_sub_kegiatan: sub,
                seksi: f.teks(6),
                waktu: f.teks(7),
                ..kak.kegiatan
            };
            let id = self.simpan_kak(k, kak)?;
            self.tahun = tahun;
            self.kak = kegiatan::kak(k.store.conn(), id).map_err(pesan_galat)?;
            self.susun_kak();
            return Ok("Kegiatan disimpan.".into());
        }
        let Some(mut kak) = self.kak.clone() else {
            return Err("tidak ada KAK terbuka".into());
        };
        let rp = |i: usize| form::rupiah(&f.teks(i));
        match (self.bagian_baru, sunting) {
            (Some(Bagian::Indikator), s) => {
                let x = Indikator {
                    tingkat: f.teks(0).to_lowercase(),
                    uraian: f.teks(1),
                    satuan: f.teks(2),
                    target: form::desimal(&f.teks(3)),
                    realisasi: form::desimal(&f.teks(4)),
                    ..match s {
                        Some(Butiran::Indikator(i)) => kak.indikator[i].clone(),
                        _ => Indikator::default(),
                    }
                };
                match s {
                    Some(Butiran::Indikator(i)) => kak.indikator[i] = x,
                    _ => kak.indikator.push(x),
                }
            }
            (Some(Bagian::Butir), s) => {
                let x = Butir {
                    bagian: f.teks(0).to_lowercase(),
                    kelompok: f.teks(1),
                    teks: f.teks(2),
                    ..match s {
                        Some(Butiran::Butir(i)) => kak.butir[i].clone(),
                        _ => Butir::default(),
                    }
                };
                match s {
                    Some(Butiran::Butir(i)) => kak.butir[i] = x,
                    _ => kak.butir.push(x),
                }
            }
            (Some(Bagian::Anggaran), s) => {
                let x = Anggaran {
                    uraian: f.teks(0),
                    n2: rp(1),
                    n1: rp(2),
                    berjalan: rp(3),
                    ..match s {
                        Some(Butiran::Anggaran(i)) => kak.anggaran[i].clone(),
                        _ => Anggaran::default(),
                    }
                };
                match s {
                    Some(Butiran::Anggaran(i)) => kak.anggaran[i] = x,
                    _ => kak.anggaran.push(x),
                }
            }
            (Some(Bagian::Biaya), s) => {
                let x = Biaya {
                    uraian: f.teks(0),
                    jumlah: rp(1).unwrap_or(0),
                    ..match s {
                        Some(Butiran::Biaya(i)) => kak.biaya[i].clone(),
                        _ => Biaya::default(),
                    }
                };
                match s {
                    Some(Butiran::Biaya(i)) => kak.biaya[i] = x,
                    _ => kak.biaya.push(x),
                }
            }
            (Some(Bagian::Tahapan), s) => {
                let x = Tahapan {
                    nama: f.teks(0),
                    bulan: Bulan::parse(&f.teks(1)).map_err(|e| format!("Bulan: {e}"))?,
                    tempat: f.teks(2),
                    pelaksana: f.teks(3),
                    peserta: f.teks(4),
                    ..match s {
                        Some(Butiran::Tahapan(i)) => kak.tahapan[i].clone(),
                        _ => Tahapan::default(),
                    }
                };
                match s {
                    Some(Butiran::Tahapan(i)) => kak.tahapan[i] = x,
                    _ => kak.tahapan.push(x),
                }
            }
            (None, _) => return Err("tidak ada yang disimpan".into()),
        }
        let id = self.simpan_kak(k, kak)?;
        self.kak = kegiatan::kak(k.store.conn(), id).map_err(pesan_galat)?;
        self.susun_kak();
        Ok(format!(
            "KAK disimpan (total biaya {}).",
            self.kak
                .as_ref()
                .map(|x| format_rupiah(x.total_biaya()))
                .unwrap_or_default()
        ))
    }

    fn tombol_layar(&self, _k: &Konteks) -> &'static [Tombol] {
        if self.kak.is_some() {
            teks::KAK
        } else {
            teks::KEGIATAN
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.kak.is_some() {
            Some(&mut self.kak_daftar)
        } else {
            Some(&mut self.daftar)
        }
    }
}
