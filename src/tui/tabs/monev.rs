//! Monev: KOMPAK plan-completion monitoring (target date, rounds, late ones flagged) and the
//! M&E matrix (problem → activities with rounds I–III → outcome), both editable.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::monev::{self, JENIS_UNIT, Masalah, MatriksKegiatan, Putaran, Rencana};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

mod putaran;

use putaran::Asal;

const ROMAWI: [&str; 3] = ["I", "II", "III"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    Rencana,
    Matriks,
}

#[derive(Clone, Copy)]
enum BarisMatriks {
    Masalah(usize),
    Kegiatan(usize, usize),
}

/// What the open form saves: the row as it was when the form opened (id 0: new).
#[allow(clippy::large_enum_variant)]
enum Tujuan {
    Rencana(Rencana),
    Putaran(i64),
    Masalah(Masalah),
    Kegiatan(i64, MatriksKegiatan),
    /// A stored round of a plan, as read.
    UbahPutaran(Putaran),
    /// Round `ke` of matrix activity (id), as read (id 0: it was empty).
    PutaranMatriks(i64, i64, Putaran),
}

pub struct Monev {
    tahun: i32,
    panel: Panel,
    rencana: Vec<Rencana>,
    masalah: Vec<Masalah>,
    d_rencana: Daftar,
    d_matriks: Daftar,
    baris_matriks: Vec<BarisMatriks>,
    tujuan: Option<Tujuan>,
    /// The round list of one plan or matrix activity, when open.
    rinci: Option<putaran::Rinci>,
    /// Rows its list had room for last time.
    tinggi_rinci: usize,
    /// Width and height inside the box that reads one round in full.
    ukuran_baca: (usize, usize),
}

impl Monev {
    pub fn new(k: &Konteks) -> Self {
        Monev {
            tahun: k.hari_ini.year(),
            panel: Panel::Rencana,
            rencana: Vec::new(),
            masalah: Vec::new(),
            d_rencana: Daftar::default(),
            d_matriks: Daftar::default(),
            baris_matriks: Vec::new(),
            tujuan: None,
            rinci: None,
            tinggi_rinci: 1,
            ukuran_baca: (78, 16),
        }
    }

    fn form_rencana(&mut self, i: Option<usize>, k: &Konteks) -> Efek {
        let x = i
            .and_then(|i| self.rencana.get(i).cloned())
            .unwrap_or_else(|| Rencana {
                kecamatan_id: k.satu_kecamatan.clone().unwrap_or(0),
                tahun: self.tahun,
                jenis_unit: "desa".into(),
                target: k.hari_ini,
                ..Default::default()
            });
        self.tujuan = Some(Tujuan::Rencana(x.clone()));
        Efek::Form(Form::new(
            if x.id > 0 {
                "Ubah pemantauan rencana"
            } else {
                "Tambah pemantauan rencana"
            },
            vec![
                Bidang::new("Desa/unit layanan", Jenis::Teks, true, &x.unit),
                Bidang::new(
                    "Jenis unit",
                    Jenis::Kode(JENIS_UNIT.iter().map(|s| s.to_string()).collect()),
                    true,
                    &x.jenis_unit,
                ),
                Bidang::new("Dokumen rencana", Jenis::Teks, false, &x.dokumen),
                Bidang::new(
                    "Target selesai",
                    Jenis::Tanggal { batas: None },
                    true,
                    &format_tanggal(x.target),
                ),
                Bidang::new(
                    "Tanggal selesai",
                    Jenis::Tanggal {
                        batas: Some(k.hari_ini),
                    },
                    false,
                    &x.selesai.map(format_tanggal).unwrap_or_default(),
                ),
                Bidang::new("Keterangan", Jenis::Teks, false, &x.keterangan),
            ],
        ))
    }

    fn form_putaran(&mut self, i: usize, k: &Konteks) -> Efek {
        let Some(r) = self.rencana.get(i) else {
            return Efek::Tidak;
        };
        self.tujuan = Some(Tujuan::Putaran(r.id));
        let ke = r.putaran.last().map_or(0, |p| p.ke) + 1;
        let judul = format!("Putaran {ke} · {}", potong(&r.unit, 40));
        let baru = Putaran {
            tanggal: Some(k.hari_ini),
            ..Default::default()
        };
        Efek::Form(Form::new(&judul, putaran::bidang_putaran(&baru, true, k)))
    }

    fn form_masalah(&mut self, i: Option<usize>, k: &Konteks) -> Efek {
        let x = i
            .and_then(|i| self.masalah.get(i).cloned())
            .unwrap_or_else(|| Masalah {
                kecamatan_id: k.satu_kecamatan.clone().unwrap_or(0),
                tahun: self.tahun,
                ..Default::default()
            });
        self.tujuan = Some(Tujuan::Masalah(x.clone()));
        Efek::Form(Form::new(
            if x.id > 0 {
                "Ubah masalah"
            } else {
                "Tambah masalah (kondisi awal)"
            },
            vec![
                Bidang::new("Kondisi awal", Jenis::Teks, true, &x.kondisi_awal),
                Bidang::new("Target outcome", Jenis::Teks, false, &x.target_outcome),
                Bidang::new("Capaian outcome", Jenis::Teks, false, &x.capaian_outcome),
            ],
        ))
    }

    fn form_kegiatan(&mut self, m: usize, i: Option<usize>, k: &Konteks) -> Efek {
        let Some(masalah) = self.masalah.get(m) else {
            return Efek::Tidak;
        };
        let masalah_id = masalah.id;
        let x = i
            .and_then(|i| masalah.kegiatan.get(i).cloned())
            .unwrap_or_default();
        let mut bidang = vec![
            Bidang::new("Kegiatan", Jenis::Teks, true, &x.uraian),
            Bidang::new("Pelaksana", Jenis::Teks, false, &x.pelaksana),
            Bidang::new("Target output", Jenis::Teks, false, &x.target_output),
        ];
        for (n, p) in x.putaran.iter().enumerate() {
            let r = ROMAWI[n];
            bidang.push(Bidang::new(
                &format!("{r}: tanggal"),
                Jenis::Tanggal {
                    batas: Some(k.hari_ini),
                },
                false,
                &p.tanggal.map(format_tanggal).unwrap_or_default(),
            ));
            bidang.push(Bidang::new(
                &format!("{r}: kemajuan"),
                Jenis::Teks,
                false,
                &p.kemajuan,
            ));
            bidang.push(Bidang::new(
                &format!("{r}: kendala"),
                Jenis::Teks,
                false,
                &p.kendala,
            ));
            bidang.push(Bidang::new(
                &format!("{r}: tindak lanjut"),
                Jenis::Teks,
                false,
                &p.tindak_lanjut,
            ));
        }
        self.tujuan = Some(Tujuan::Kegiatan(masalah_id, x));
        Efek::Form(Form::new("Kegiatan matriks monev", bidang))
    }

    fn susun_matriks(&mut self) {
        let mut v = Vec::new();
        for (m, x) in self.masalah.iter().enumerate() {
            v.push(BarisMatriks::Masalah(m));
            for i in 0..x.kegiatan.len() {
                v.push(BarisMatriks::Kegiatan(m, i));
            }
        }
        self.d_matriks.atur_total(v.len());
        self.baris_matriks = v;
    }
}

impl Layar for Monev {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        self.rencana = monev::daftar_rencana(conn, k.lingkup, self.tahun, 0, 500)?;
        let s = self.d_rencana.saring.to_lowercase();
        if !s.is_empty() {
            self.rencana.retain(|r| {
                r.unit.to_lowercase().contains(&s) || r.dokumen.to_lowercase().contains(&s)
            });
        }
        self.d_rencana.atur_total(self.rencana.len());
        self.masalah = monev::daftar_masalah(conn, k.lingkup, self.tahun, 0, 200)?;
        let s = self.d_matriks.saring.to_lowercase();
        if !s.is_empty() {
            self.masalah.retain(|m| {
                m.kondisi_awal.to_lowercase().contains(&s)
                    || m.kegiatan.iter().any(|g| {
                        g.uraian.to_lowercase().contains(&s)
                            || g.pelaksana.to_lowercase().contains(&s)
                    })
            });
        }
        self.susun_matriks();
        self.atur_rinci();
        k.siapkan_nama(
            self.rencana
                .iter()
                .map(|r| r.kecamatan_id)
                .chain(self.masalah.iter().map(|m| m.kecamatan_id)),
        )?;
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        let [atas_rinci, _] = Self::tata_rinci(area);
        self.ukuran_baca = (
            area.width.saturating_sub(2) as usize,
            area.height.saturating_sub(2) as usize,
        );
        self.tinggi_rinci = atas_rinci.height.saturating_sub(2).max(1) as usize;
        if let Some(r) = self.rinci.as_mut() {
            r.daftar.atur_tinggi(self.tinggi_rinci);
        }
        let [atas, bawah] = tata(area);
        self.d_rencana
            .atur_tinggi(atas.height.saturating_sub(2) as usize);
        self.d_matriks
            .atur_tinggi(bawah.height.saturating_sub(2) as usize);
        false
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        if self.rinci.is_some() {
            return self.gambar_rinci(f, area, k);
        }
        let tema = &k.tema;
        let [atas, bawah] = tata(area);
        let tanda = |p: Panel| if self.panel == p { "▶ " } else { "" };
        let b = blok(
            k,
            format!(
                " {}Pemantauan penyelesaian rencana {} · i: semua putaran ",
                tanda(Panel::Rencana),
                self.tahun
            ),
        );
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        let mut baris = Vec::new();
        if self.rencana.is_empty() {
            baris.push(Line::styled("Belum ada. a untuk menambah.", tema.redup()));
        }
        for (i, r) in self
            .rencana
            .iter()
            .enumerate()
            .skip(self.d_rencana.awal)
            .take(dalam.height as usize)
        {
            let terakhir = r.putaran.last().map(|p| {
                format!(
                    "put. {} {} {}",
                    p.ke,
                    p.tanggal.map(format_tanggal).unwrap_or_default(),
                    p.kemajuan_persen
                        .map(|x| format!("{x}%"))
                        .unwrap_or_default()
                )
            });
            let status = match (r.selesai, r.terlambat(k.hari_ini)) {
                (Some(s), false) => format!("selesai {}", format_tanggal(s)),
                (Some(s), true) => format!("TERLAMBAT, selesai {}", format_tanggal(s)),
                (None, true) => "TERLAMBAT".into(),
                (None, false) => "berjalan".into(),
            };
            let teks = format!(
                "{}{} {:<10} {}  {}  {}",
                super::kolom_kecamatan(k, r.kecamatan_id),
                crate::domain::teks::pas(&r.unit, 24),
                format_tanggal(r.target),
                status,
                terakhir.unwrap_or_else(|| "belum dipantau".into()),
                potong(&r.dokumen, 20)
            );
            let mut gaya = if r.terlambat(k.hari_ini) {
                tema.galat()
            } else {
                Style::default()
            };
            if self.panel == Panel::Rencana && i == self.d_rencana.pilih {
                gaya = gaya.patch(tema.pilih());
            }
            baris.push(Line::styled(potong(&teks, dalam.width as usize), gaya));
        }
        f.render_widget(Paragraph::new(baris), dalam);

        let b = blok(
            k,
            format!(
                " {}Matriks monev: masalah → kegiatan → putaran I–III → outcome · i: putaran ",
                tanda(Panel::Matriks)
            ),
        );
        let dalam = b.inner(bawah);
        f.render_widget(b, bawah);
        let mut baris = Vec::new();
        if self.masalah.is_empty() {
            baris.push(Line::styled(
                "Belum ada masalah. a untuk menambah.",
                tema.redup(),
            ));
        }
        for (n, b) in self
            .baris_matriks
            .iter()
            .enumerate()
            .skip(self.d_matriks.awal)
            .take(dalam.height as usize)
        {
            let (teks, gaya) = match *b {
                BarisMatriks::Masalah(m) => {
                    let x = &self.masalah[m];
                    (
                        format!(
                            "{}{}. {} · target: {} · capaian: {}",
                            super::kolom_kecamatan(k, x.kecamatan_id),
                            m + 1,
                            x.kondisi_awal,
                            x.target_outcome,
                            if x.capaian_outcome.is_empty() {
                                "–"
                            } else {
                                &x.capaian_outcome
                            }
                        ),
                        tema.judul(),
                    )
                }
                BarisMatriks::Kegiatan(m, i) => {
                    let x = &self.masalah[m].kegiatan[i];
                    let put: Vec<String> = x
                        .putaran
                        .iter()
                        .enumerate()
                        .map(|(r, p)| match p.tanggal {
                            Some(t) => format!("{} {}", ROMAWI[r], format_tanggal(t)),
                            None => format!("{} –", ROMAWI[r]),
                        })
                        .collect();
                    (
                        format!(
                            "   · {} ({}) → {} | {}",
                            x.uraian,
                            x.pelaksana,
                            x.target_output,
                            put.join(" ")
                        ),
                        Style::default(),
                    )
                }
            };
            let gaya = if self.panel == Panel::Matriks && n == self.d_matriks.pilih {
                gaya.patch(tema.pilih())
            } else {
                gaya
            };
            baris.push(Line::styled(potong(&teks, dalam.width as usize), gaya));
        }
        f.render_widget(Paragraph::new(baris), dalam);
    }

    fn perintah(&self, k: &Konteks) -> Vec<Perintah> {
        if self.rinci.is_some() {
            return self.perintah_rinci(k);
        }
        let [lalu, depan] = a::perintah_tahun(teks::MONEV[4]);
        let kiri_kanan = [
            Perintah::baru(a::K_KIRI, teks::MONEV[0], Act::Kolom(-1)),
            Perintah::baru(
                a::K_KANAN,
                Tombol {
                    kaki: false,
                    ..teks::MONEV[0]
                },
                Act::Kolom(1),
            ),
        ];
        let mut v: Vec<Perintah> = kiri_kanan.into();
        match self.panel {
            Panel::Rencana => {
                let ada = self.rencana.get(self.d_rencana.pilih).is_some();
                let kosong = "Belum ada pemantauan rencana. a untuk menambah.";
                v.extend([
                    Perintah::baru(a::K_A, teks::MONEV[1], Act::Tambah)
                        .ubah()
                        .jika_ok(&k.satu_kecamatan),
                    Perintah::baru(a::K_P, teks::MONEV[2], Act::Putaran)
                        .ubah()
                        .jika(ada, kosong),
                    Perintah::baru(a::K_ENTER_E, teks::MONEV[3], Act::Ubah)
                        .ubah()
                        .jika(ada, kosong),
                    Perintah::baru(a::K_I, teks::MONEV_LIHAT_PUTARAN, Act::Rincian)
                        .jika(ada, kosong),
                    lalu,
                    depan,
                    Perintah::baru(a::K_D, teks::MONEV[6], Act::Hapus)
                        .ubah()
                        .jika(ada, kosong),
                    Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, kosong),
                ]);
            }
            Panel::Matriks => {
                let ada = self.baris_matriks.get(self.d_matriks.pilih).is_some();
                let kosong = "Belum ada masalah di matriks. A untuk menambah.";
                // rounds belong to an activity: say why not on a problem row or a full one
                let g = match self.baris_matriks.get(self.d_matriks.pilih) {
                    Some(BarisMatriks::Kegiatan(m, i)) => Ok(&self.masalah[*m].kegiatan[*i]),
                    Some(BarisMatriks::Masalah(_)) => Err(
                        "Putaran dicatat per kegiatan: pilih baris kegiatan (·), bukan masalahnya.",
                    ),
                    None => Err(kosong),
                };
                let bisa_putaran = match g {
                    Ok(g) if g.putaran.iter().all(|p| p.id > 0) => Err(
                        "Putaran I–III kegiatan ini sudah terisi; i untuk melihat dan mengubahnya.",
                    ),
                    Ok(_) => Ok(()),
                    Err(e) => Err(e),
                };
                let bisa_lihat = g.map(|_| ());
                let tambah =
                    Perintah::baru(a::K_A, teks::MONEV_TAMBAH_KEGIATAN, Act::Tambah).ubah();
                v.extend([
                    if ada {
                        tambah
                    } else {
                        tambah.jika_ok(&k.satu_kecamatan)
                    },
                    Perintah::baru(a::K_A_BESAR, teks::MONEV[5], Act::TambahLain)
                        .ubah()
                        .jika_ok(&k.satu_kecamatan),
                    Perintah::baru(a::K_P, teks::MONEV[2], Act::Putaran)
                        .ubah()
                        .jika(bisa_putaran.is_ok(), bisa_putaran.err().unwrap_or_default()),
                    Perintah::baru(a::K_ENTER_E, teks::MONEV[3], Act::Ubah)
                        .ubah()
                        .jika(ada, kosong),
                    Perintah::baru(a::K_I, teks::MONEV_LIHAT_PUTARAN, Act::Rincian)
                        .jika(bisa_lihat.is_ok(), bisa_lihat.err().unwrap_or_default()),
                    lalu,
                    depan,
                    Perintah::baru(a::K_D, teks::MONEV[6], Act::Hapus)
                        .ubah()
                        .jika(ada, kosong),
                    Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, kosong),
                ]);
            }
        }
        v
    }

    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        Some(match self.panel {
            Panel::Rencana => crate::tui::ekspor::Apa::Rencana(self.tahun),
            Panel::Matriks => crate::tui::ekspor::Apa::Matriks(self.tahun),
        })
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        if self.rinci.is_some() {
            return self.jalankan_rinci(act, k);
        }
        let baris = self.baris_matriks.get(self.d_matriks.pilih).copied();
        match (act, self.panel) {
            (Act::Kolom(_), _) => {
                self.panel = if self.panel == Panel::Rencana {
                    Panel::Matriks
                } else {
                    Panel::Rencana
                };
                Efek::Tidak
            }
            (Act::Tambah, Panel::Rencana) => self.form_rencana(None, k),
            (Act::Tambah, Panel::Matriks) => match baris {
                // on a problem or its activity: add an activity to that problem
                Some(BarisMatriks::Masalah(m)) | Some(BarisMatriks::Kegiatan(m, _)) => {
                    self.form_kegiatan(m, None, k)
                }
                None => self.form_masalah(None, k),
            },
            (Act::TambahLain, _) => self.form_masalah(None, k),
            (Act::Putaran, Panel::Rencana) => self.form_putaran(self.d_rencana.pilih, k),
            (Act::Putaran, Panel::Matriks) => match baris {
                Some(BarisMatriks::Kegiatan(m, i)) => {
                    let g = &self.masalah[m].kegiatan[i];
                    match g.putaran.iter().position(|p| p.id == 0) {
                        Some(n) => {
                            self.form_putaran_matriks(g.id, n as i64 + 1, Putaran::default(), k)
                        }
                        None => Efek::Tidak,
                    }
                }
                _ => Efek::Tidak,
            },
            (Act::Rincian, Panel::Rencana) => match self.rencana.get(self.d_rencana.pilih) {
                Some(r) => {
                    self.buka_rinci(Asal::Rencana(r.id));
                    Efek::Tidak
                }
                None => Efek::Tidak,
            },
            (Act::Rincian, Panel::Matriks) => match baris {
                Some(BarisMatriks::Kegiatan(m, i)) => {
                    self.buka_rinci(Asal::Kegiatan(self.masalah[m].kegiatan[i].id));
                    Efek::Tidak
                }
                _ => Efek::Tidak,
            },
            (Act::Ubah, Panel::Rencana) => self.form_rencana(Some(self.d_rencana.pilih), k),
            (Act::Ubah, Panel::Matriks) => match baris {
                Some(BarisMatriks::Masalah(m)) => self.form_masalah(Some(m), k),
                Some(BarisMatriks::Kegiatan(m, i)) => self.form_kegiatan(m, Some(i), k),
                None => Efek::Tidak,
            },
            (Act::Hapus, Panel::Rencana) => match self.rencana.get(self.d_rencana.pilih) {
                Some(r) => Efek::Tanya(
                    format!("Hapus pemantauan {}?", r.unit),
                    Tulis::HapusRencana {
                        id: r.id,
                        versi: r.versi,
                    },
                    "Dihapus.".into(),
                ),
                None => Efek::Tidak,
            },
            (Act::Hapus, Panel::Matriks) => match baris {
                Some(BarisMatriks::Masalah(m)) => {
                    let x = &self.masalah[m];
                    Efek::Tanya(
                        "Hapus masalah ini beserta kegiatannya?".into(),
                        Tulis::HapusMasalah {
                            id: x.id,
                            versi: x.versi,
                        },
                        "Dihapus.".into(),
                    )
                }
                Some(BarisMatriks::Kegiatan(m, i)) => {
                    let x = &self.masalah[m].kegiatan[i];
                    Efek::Tanya(
                        format!("Hapus kegiatan matriks \"{}\"?", potong(&x.uraian, 30)),
                        Tulis::HapusMatriksKegiatan {
                            id: x.id,
                            versi: x.versi,
                        },
                        "Dihapus.".into(),
                    )
                }
                None => Efek::Tidak,
            },
            (Act::Riwayat, Panel::Rencana) => match self.rencana.get(self.d_rencana.pilih) {
                Some(r) => Efek::Riwayat(
                    "monev_rencana",
                    r.id,
                    format!("Riwayat pemantauan {}", potong(&r.unit, 40)),
                ),
                None => Efek::Tidak,
            },
            (Act::Riwayat, Panel::Matriks) => match baris {
                Some(BarisMatriks::Masalah(m)) => Efek::Riwayat(
                    "matriks_masalah",
                    self.masalah[m].id,
                    "Riwayat masalah".into(),
                ),
                Some(BarisMatriks::Kegiatan(m, i)) => Efek::Riwayat(
                    "matriks_kegiatan",
                    self.masalah[m].kegiatan[i].id,
                    "Riwayat kegiatan matriks".into(),
                ),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        match &self.tujuan {
            Some(Tujuan::Rencana(lama)) => {
                if lama.kecamatan_id == 0 {
                    return Err("Belum ada kecamatan untuk pemantauan ini.".into());
                }
                let mut r = lama.clone();
                r.unit = f.teks(0);
                r.jenis_unit = f.teks(1).to_lowercase();
                r.dokumen = f.teks(2);
                r.target = form::tanggal(&f.teks(3)).ok_or("Target selesai: tidak sah")?;
                r.selesai = form::tanggal(&f.teks(4));
                r.keterangan = f.teks(5);
                let pesan = format!("Pemantauan {} disimpan.", r.unit);
                Ok((Tulis::Rencana(r), pesan))
            }
            Some(Tujuan::Putaran(rencana_id)) => {
                let persen = form::bulat(&f.teks(1));
                if persen.is_some_and(|p| !(0..=100).contains(&p)) {
                    return Err("Kemajuan (%): harus 0–100".into());
                }
                Ok((
                    Tulis::Putaran {
                        rencana_id: *rencana_id,
                        putaran: Putaran {
                            tanggal: form::tanggal(&f.teks(0)),
                            kemajuan_persen: persen,
                            kemajuan: f.teks(2),
                            kendala: f.teks(3),
                            tindak_lanjut: f.teks(4),
                            ..Default::default()
                        },
                    },
                    "Putaran dicatat.".into(),
                ))
            }
            Some(Tujuan::Masalah(lama)) => {
                if lama.kecamatan_id == 0 {
                    return Err("Belum ada kecamatan untuk masalah ini.".into());
                }
                let mut x = lama.clone();
                x.kondisi_awal = f.teks(0);
                x.target_outcome = f.teks(1);
                x.capaian_outcome = f.teks(2);
                Ok((Tulis::Masalah(x), "Masalah disimpan.".into()))
            }
            Some(Tujuan::Kegiatan(masalah_id, lama)) => {
                let mut g = lama.clone();
                g.uraian = f.teks(0);
                g.pelaksana = f.teks(1);
                g.target_output = f.teks(2);
                for (n, p) in g.putaran.iter_mut().enumerate() {
                    let b = 3 + n * 4;
                    p.tanggal = form::tanggal(&f.teks(b));
                    p.kemajuan = f.teks(b + 1);
                    p.kendala = f.teks(b + 2);
                    p.tindak_lanjut = f.teks(b + 3);
                }
                Ok((
                    Tulis::MatriksKegiatan {
                        masalah_id: *masalah_id,
                        kegiatan: g,
                    },
                    "Kegiatan matriks disimpan.".into(),
                ))
            }
            Some(Tujuan::UbahPutaran(lama)) => {
                let persen = form::bulat(&f.teks(1));
                if persen.is_some_and(|p| !(0..=100).contains(&p)) {
                    return Err("Kemajuan (%): harus 0–100".into());
                }
                let p = Putaran {
                    tanggal: form::tanggal(&f.teks(0)),
                    kemajuan_persen: persen,
                    kemajuan: f.teks(2),
                    kendala: f.teks(3),
                    tindak_lanjut: f.teks(4),
                    ..lama.clone()
                };
                let pesan = format!("Putaran {} disimpan.", p.ke);
                Ok((Tulis::UbahPutaran(p), pesan))
            }
            Some(Tujuan::PutaranMatriks(kid, ke, lama)) => {
                let p = Putaran {
                    tanggal: form::tanggal(&f.teks(0)),
                    kemajuan: f.teks(1),
                    kendala: f.teks(2),
                    tindak_lanjut: f.teks(3),
                    ..lama.clone()
                };
                let r = ROMAWI[(ke.clamp(&1, &3) - 1) as usize];
                Ok((
                    Tulis::PutaranMatriks {
                        kegiatan_id: *kid,
                        ke: *ke,
                        putaran: p,
                    },
                    format!("Putaran {r} disimpan."),
                ))
            }
            None => Err("tidak ada yang disimpan".into()),
        }
    }

    fn tersimpan(&mut self, _id: i64) {
        self.tujuan = None;
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        Some(&mut self.tahun)
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if let Some(r) = self.rinci.as_mut() {
            return Some(r.baca.as_mut().unwrap_or(&mut r.daftar));
        }
        Some(match self.panel {
            Panel::Rencana => &mut self.d_rencana,
            Panel::Matriks => &mut self.d_matriks,
        })
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        if let Some(r) = self.rinci.as_ref() {
            return Some(r.baca.as_ref().unwrap_or(&r.daftar));
        }
        Some(match self.panel {
            Panel::Rencana => &self.d_rencana,
            Panel::Matriks => &self.d_matriks,
        })
    }
}

fn tata(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
}
