//! Monev: KOMPAK plan-completion monitoring (target date, rounds, late ones flagged) and the
//! M&E matrix (problem → activities with rounds I–III → outcome), both editable.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Layar, blok, pesan_galat};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::monev::{self, JENIS_UNIT, Masalah, MatriksKegiatan, Putaran, Rencana};
use crate::tui::app::{Aksi, Konteks};
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

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

enum Tujuan {
    Rencana(Option<usize>),
    Putaran(usize),
    Masalah(Option<usize>),
    Kegiatan(usize, Option<usize>),
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
    hapus: Option<Tujuan>,
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
            hapus: None,
        }
    }

    fn form_rencana(&mut self, i: Option<usize>, k: &Konteks) -> Aksi {
        let x = i
            .map(|i| self.rencana[i].clone())
            .unwrap_or_else(|| Rencana {
                jenis_unit: "desa".into(),
                target: k.hari_ini,
                ..Default::default()
            });
        self.tujuan = Some(Tujuan::Rencana(i));
        Aksi::Form(Form::new(
            if i.is_some() {
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

    fn form_putaran(&mut self, i: usize, k: &Konteks) -> Aksi {
        let r = &self.rencana[i];
        self.tujuan = Some(Tujuan::Putaran(i));
        Aksi::Form(Form::new(
            &format!("Putaran {} · {}", r.putaran.len() + 1, potong(&r.unit, 40)),
            vec![
                Bidang::new(
                    "Tanggal",
                    Jenis::Tanggal {
                        batas: Some(k.hari_ini),
                    },
                    true,
                    &format_tanggal(k.hari_ini),
                ),
                Bidang::new("Kemajuan (%)", Jenis::Bulat, false, ""),
                Bidang::new("Kemajuan", Jenis::Teks, false, ""),
                Bidang::new("Kendala", Jenis::Teks, false, ""),
                Bidang::new("Tindak lanjut", Jenis::Teks, false, ""),
            ],
        ))
    }

    fn form_masalah(&mut self, i: Option<usize>) -> Aksi {
        let x = i.map(|i| self.masalah[i].clone()).unwrap_or_default();
        self.tujuan = Some(Tujuan::Masalah(i));
        Aksi::Form(Form::new(
            if i.is_some() {
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

    fn form_kegiatan(&mut self, m: usize, i: Option<usize>, k: &Konteks) -> Aksi {
        let x = i
            .map(|i| self.masalah[m].kegiatan[i].clone())
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
        self.tujuan = Some(Tujuan::Kegiatan(m, i));
        Aksi::Form(Form::new("Kegiatan matriks monev", bidang))
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
        Ok(())
    }

    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        let [atas, bawah] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        let tanda = |p: Panel| if self.panel == p { "▶ " } else { "" };
        let b = blok(
            k,
            format!(
                " {}Pemantauan penyelesaian rencana {} ",
                tanda(Panel::Rencana),
                self.tahun
            ),
        );
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        self.d_rencana.atur_tinggi(dalam.height as usize);
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
                "{}{:<24} {:<10} {}  {}  {}",
                super::kolom_kecamatan(k, r.kecamatan_id),
                potong(&r.unit, 24),
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
                " {}Matriks monev: masalah → kegiatan → putaran I–III → outcome ",
                tanda(Panel::Matriks)
            ),
        );
        let dalam = b.inner(bawah);
        f.render_widget(b, bawah);
        self.d_matriks.atur_tinggi(dalam.height as usize);
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

    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi {
        match key.code {
            KeyCode::Left | KeyCode::Right | KeyCode::Char('h') | KeyCode::Char('l') => {
                self.panel = if self.panel == Panel::Rencana {
                    Panel::Matriks
                } else {
                    Panel::Rencana
                };
                Aksi::Tidak
            }
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
            // a new plan or problem needs its kecamatan: said at once, not after the form
            KeyCode::Char('a' | 'A')
                if (self.panel == Panel::Rencana
                    || key.code == KeyCode::Char('A')
                    || self.baris_matriks.is_empty())
                    && k.satu_kecamatan().is_err() =>
            {
                Aksi::Galat(k.satu_kecamatan().err().unwrap_or_default())
            }
            KeyCode::Char('a') => match self.panel {
                Panel::Rencana => self.form_rencana(None, k),
                Panel::Matriks => match self.baris_matriks.get(self.d_matriks.pilih) {
                    // on a problem or its activity: add an activity to that problem; `A` adds a problem
                    Some(BarisMatriks::Masalah(m)) | Some(BarisMatriks::Kegiatan(m, _)) => {
                        let m = *m;
                        self.form_kegiatan(m, None, k)
                    }
                    None => self.form_masalah(None),
                },
            },
            KeyCode::Char('A') if self.panel == Panel::Matriks => self.form_masalah(None),
            KeyCode::Char('p') if self.panel == Panel::Rencana => {
                if self.rencana.is_empty() {
                    return Aksi::Tidak;
                }
                self.form_putaran(self.d_rencana.pilih, k)
            }
            KeyCode::Enter | KeyCode::Char('e') => match self.panel {
                Panel::Rencana if !self.rencana.is_empty() => {
                    self.form_rencana(Some(self.d_rencana.pilih), k)
                }
                Panel::Matriks => match self.baris_matriks.get(self.d_matriks.pilih).copied() {
                    Some(BarisMatriks::Masalah(m)) => self.form_masalah(Some(m)),
                    Some(BarisMatriks::Kegiatan(m, i)) => self.form_kegiatan(m, Some(i), k),
                    None => Aksi::Tidak,
                },
                _ => Aksi::Tidak,
            },
            KeyCode::Char('d') => match self.panel {
                Panel::Rencana if !self.rencana.is_empty() => {
                    self.hapus = Some(Tujuan::Rencana(Some(self.d_rencana.pilih)));
                    Aksi::Tanya(format!(
                        "Hapus pemantauan {}?",
                        self.rencana[self.d_rencana.pilih].unit
                    ))
                }
                Panel::Matriks => match self.baris_matriks.get(self.d_matriks.pilih).copied() {
                    Some(BarisMatriks::Masalah(m)) => {
                        self.hapus = Some(Tujuan::Masalah(Some(m)));
                        Aksi::Tanya("Hapus masalah ini beserta kegiatannya?".into())
                    }
                    Some(BarisMatriks::Kegiatan(m, i)) => {
                        self.hapus = Some(Tujuan::Kegiatan(m, Some(i)));
                        Aksi::Tanya("Hapus kegiatan matriks ini?".into())
                    }
                    None => Aksi::Tidak,
                },
                _ => Aksi::Tidak,
            },
            KeyCode::Up
            | KeyCode::Char('k')
            | KeyCode::Down
            | KeyCode::Char('j')
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::Char('g')
            | KeyCode::Char('G') => {
                let d = if self.panel == Panel::Rencana {
                    &mut self.d_rencana
                } else {
                    &mut self.d_matriks
                };
                match key.code {
                    KeyCode::Up | KeyCode::Char('k') => d.gerak(-1),
                    KeyCode::Down | KeyCode::Char('j') => d.gerak(1),
                    KeyCode::PageUp => d.halaman(-1),
                    KeyCode::PageDown => d.halaman(1),
                    KeyCode::Home | KeyCode::Char('g') => d.ke_awal(),
                    _ => d.ke_akhir(),
                }
                Aksi::Tidak
            }
            _ => Aksi::Tidak,
        }
    }

    fn konfirmasi(&mut self, k: &mut Konteks) -> Aksi {
        let hasil = match self.hapus.take() {
            Some(Tujuan::Rencana(Some(i))) => {
                let r = &self.rencana[i];
                let (id, v) = (r.id, r.versi);
                k.store.transaksi(|tx| monev::hapus_rencana(tx, id, v))
            }
            Some(Tujuan::Masalah(Some(m))) => {
                let x = &self.masalah[m];
                let (id, v) = (x.id, x.versi);
                k.store.transaksi(|tx| monev::hapus_masalah(tx, id, v))
            }
            Some(Tujuan::Kegiatan(m, Some(i))) => {
                let mut x = self.masalah[m].clone();
                x.kegiatan.remove(i);
                k.store
                    .transaksi(|tx| monev::simpan_masalah(tx, &x).map(|_| ()))
            }
            _ => return Aksi::Tidak,
        };
        match hasil {
            Ok(()) => Aksi::Pesan("Dihapus.".into()),
            Err(e) => Aksi::Galat(pesan_galat(e)),
        }
    }

    fn simpan(&mut self, f: &Form, k: &mut Konteks) -> Result<String, String> {
        match self.tujuan.take() {
            Some(Tujuan::Rencana(i)) => {
                let mut r = match i {
                    Some(i) => self.rencana[i].clone(),
                    None => Rencana {
                        kecamatan_id: k.satu_kecamatan()?,
                        tahun: self.tahun,
                        ..Default::default()
                    },
                };
                r.unit = f.teks(0);
                r.jenis_unit = f.teks(1).to_lowercase();
                r.dokumen = f.teks(2);
                r.target = form::tanggal(&f.teks(3)).ok_or("Target selesai: tidak sah")?;
                r.selesai = form::tanggal(&f.teks(4));
                r.keterangan = f.teks(5);
                k.store
                    .transaksi(|tx| monev::simpan_rencana(tx, &r).map(|_| ()))
                    .map_err(pesan_galat)?;
                Ok(format!("Pemantauan {} disimpan.", r.unit))
            }
            Some(Tujuan::Putaran(i)) => {
                let mut r = self.rencana[i].clone();
                let persen = form::bulat(&f.teks(1));
                if persen.is_some_and(|p| !(0..=100).contains(&p)) {
                    self.tujuan = Some(Tujuan::Putaran(i));
                    return Err("Kemajuan (%): harus 0–100".into());
                }
                r.putaran.push(Putaran {
                    ke: r.putaran.len() as i64 + 1,
                    tanggal: form::tanggal(&f.teks(0)),
                    kemajuan_persen: persen,
                    kemajuan: f.teks(2),
                    kendala: f.teks(3),
                    tindak_lanjut: f.teks(4),
                    ..Default::default()
                });
                k.store
                    .transaksi(|tx| monev::simpan_rencana(tx, &r).map(|_| ()))
                    .map_err(pesan_galat)?;
                Ok(format!("Putaran {} dicatat.", r.putaran.len()))
            }
            Some(Tujuan::Masalah(i)) => {
                let mut x = match i {
                    Some(i) => self.masalah[i].clone(),
                    None => Masalah {
                        kecamatan_id: k.satu_kecamatan()?,
                        tahun: self.tahun,
                        ..Default::default()
                    },
                };
                x.kondisi_awal = f.teks(0);
                x.target_outcome = f.teks(1);
                x.capaian_outcome = f.teks(2);
                k.store
                    .transaksi(|tx| monev::simpan_masalah(tx, &x).map(|_| ()))
                    .map_err(pesan_galat)?;
                Ok("Masalah disimpan.".into())
            }
            Some(Tujuan::Kegiatan(m, i)) => {
                let mut x = self.masalah[m].clone();
                let mut g = match i {
                    Some(i) => x.kegiatan[i].clone(),
                    None => MatriksKegiatan::default(),
                };
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
                match i {
                    Some(i) => x.kegiatan[i] = g,
                    None => x.kegiatan.push(g),
                }
                k.store
                    .transaksi(|tx| monev::simpan_masalah(tx, &x).map(|_| ()))
                    .map_err(pesan_galat)?;
                Ok("Kegiatan matriks disimpan.".into())
            }
            None => Err("tidak ada yang disimpan".into()),
        }
    }

    fn tombol_layar(&self, _k: &Konteks) -> &'static [Tombol] {
        teks::MONEV
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        Some(match self.panel {
            Panel::Rencana => &mut self.d_rencana,
            Panel::Matriks => &mut self.d_matriks,
        })
    }
}
