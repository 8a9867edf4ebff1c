//! The KAK of one kegiatan on screen: its lines (headings, items) and the forms of its header
//! and items, each holding the row as it was when the form opened.

use super::{Bagian, Baris, Butiran, Kegiatan, Tujuan};
use crate::domain::angka::{Seratus, format_desimal_ringkas, format_persen, format_rupiah, persen};
use crate::domain::indikator::{SUMBER, capaian};
use crate::store::kegiatan::{
    Anggaran, BAGIAN, Biaya, Butir, ButirKak, Indikator, Kegiatan as Keg, TINGKAT, Tahapan,
};
use crate::tui::aksi::Efek;
use crate::tui::app::Konteks;
use crate::tui::widgets::form::{Bidang, Form, Jenis};

impl Kegiatan {
    pub(super) fn susun_kak(&mut self) {
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
            "Indikator (target · realisasi · capaian · uraian)",
            Some(Bagian::Indikator),
        );
        for (i, x) in kak.indikator.iter().enumerate() {
            let a =
                |s: Option<Seratus>| s.map(format_desimal_ringkas).unwrap_or_else(|| "–".into());
            // a computed realisation says so, with where it comes from
            let (teks_realisasi, nilai_capaian) =
                match self.hitungan.get(i).and_then(|h| h.as_ref()) {
                    Some(h) => (
                        format!("{} ({})", a(h.nilai()), h.asal()),
                        h.capaian(x.target),
                    ),
                    None => (a(x.realisasi), capaian(x.target, x.realisasi)),
                };
            let satuan = if x.satuan.is_empty() {
                String::new()
            } else {
                format!(" {}", x.satuan)
            };
            v.push(Baris {
                // the figures first: a long description must not push them off the screen
                teks: format!(
                    "{:<9}{}{} · {} · {} · {}",
                    x.tingkat,
                    a(x.target),
                    satuan,
                    teks_realisasi,
                    format_persen(nilai_capaian),
                    x.uraian,
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

    pub(super) fn form_kepala(&mut self, k: &Konteks, x: Option<Keg>) -> Efek {
        let baru = x.is_none();
        let x = x.unwrap_or_else(|| Keg {
            tahun: self.tahun,
            kecamatan_id: k.satu_kecamatan.clone().unwrap_or(0),
            kode_program: "3.05.25.39".into(),
            nama_program: "Program Penyelenggaraan Pemerintahan Kecamatan".into(),
            ..Default::default()
        });
        self.tujuan = Some(Tujuan::Kepala(x.clone()));
        Efek::Form(Form::new(
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

    /// The item a KAK line shows, as it is now (with its id and version).
    pub(super) fn butir_dari(&self, r: Butiran) -> Option<ButirKak> {
        let kak = self.kak.as_ref()?;
        Some(match r {
            Butiran::Indikator(i) => ButirKak::Indikator(kak.indikator.get(i)?.clone()),
            Butiran::Butir(i) => ButirKak::Butir(kak.butir.get(i)?.clone()),
            Butiran::Anggaran(i) => ButirKak::Anggaran(kak.anggaran.get(i)?.clone()),
            Butiran::Biaya(i) => ButirKak::Biaya(kak.biaya.get(i)?.clone()),
            Butiran::Tahapan(i) => ButirKak::Tahapan(kak.tahapan.get(i)?.clone()),
            Butiran::Kepala => return None,
        })
    }

    pub(super) fn form_butiran(&mut self, b: Option<Butiran>, bagian: Bagian) -> Efek {
        let Some(kak) = &self.kak else {
            return Efek::Tidak;
        };
        let kegiatan_id = kak.kegiatan.id;
        let rp = |x: Option<i64>| {
            x.map(crate::domain::angka::format_ribuan)
                .unwrap_or_default()
        };
        let des = |x: Option<Seratus>| x.map(format_desimal_ringkas).unwrap_or_default();
        let f = match (bagian, b) {
            (Bagian::Indikator, b) => {
                let x = match b.and_then(|b| self.butir_dari(b)) {
                    Some(ButirKak::Indikator(x)) => x,
                    _ => Indikator {
                        tingkat: "output".into(),
                        ..Default::default()
                    },
                };
                self.tujuan = Some(Tujuan::Butir {
                    kegiatan_id,
                    butir: ButirKak::Indikator(x.clone()),
                });
                let mut f = Form::new(
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
                        Bidang::new(
                            "Sumber",
                            Jenis::Kode(SUMBER.iter().map(|s| s.to_string()).collect()),
                            false,
                            &x.sumber,
                        ),
                    ],
                );
                f.petunjuk = vec![
                    "Sumber IKU1, IKU2 atau IKM: realisasi dihitung pantau (isian Realisasi tidak dipakai); kosong: realisasi diisi tangan.".into(),
                ];
                f
            }
            (Bagian::Butir, b) => {
                let x = match b.and_then(|b| self.butir_dari(b)) {
                    Some(ButirKak::Butir(x)) => x,
                    _ => Butir {
                        bagian: "dasar_hukum".into(),
                        ..Default::default()
                    },
                };
                self.tujuan = Some(Tujuan::Butir {
                    kegiatan_id,
                    butir: ButirKak::Butir(x.clone()),
                });
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
                let x = match b.and_then(|b| self.butir_dari(b)) {
                    Some(ButirKak::Anggaran(x)) => x,
                    _ => Anggaran::default(),
                };
                self.tujuan = Some(Tujuan::Butir {
                    kegiatan_id,
                    butir: ButirKak::Anggaran(x.clone()),
                });
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
                let x = match b.and_then(|b| self.butir_dari(b)) {
                    Some(ButirKak::Biaya(x)) => x,
                    _ => Biaya::default(),
                };
                self.tujuan = Some(Tujuan::Butir {
                    kegiatan_id,
                    butir: ButirKak::Biaya(x.clone()),
                });
                let mut f = Form::new(
                    "Rencana biaya",
                    vec![
                        Bidang::new("Uraian", Jenis::Teks, true, &x.uraian),
                        Bidang::new(
                            "Jumlah (Rp)",
                            Jenis::Rupiah,
                            true,
                            &rp((x.id > 0).then_some(x.jumlah)),
                        ),
                    ],
                );
                f.petunjuk =
                    vec!["Total rencana biaya selalu dihitung dari baris-barisnya.".into()];
                f
            }
            (Bagian::Tahapan, b) => {
                let x = match b.and_then(|b| self.butir_dari(b)) {
                    Some(ButirKak::Tahapan(x)) => x,
                    _ => Tahapan::default(),
                };
                self.tujuan = Some(Tujuan::Butir {
                    kegiatan_id,
                    butir: ButirKak::Tahapan(x.clone()),
                });
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
        Efek::Form(f)
    }
}
