//! A KAK as a TOML file, to hand a kegiatan to another kecamatan or keep it for next year:
//! the format of the sample's `data/contoh/kegiatan_*.toml`, plus `tahun` and each
//! indicator's `sumber`. Realisations and done marks are not part of it.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::butir::{ButirKak, periksa_kepala};
use super::{Anggaran, Biaya, Butir, Indikator, Kak, Kegiatan, Tahapan};
use crate::domain::angka::Seratus;
use crate::domain::indikator::sumber_dari_uraian;
use crate::domain::jadwal::Bulan;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KakToml {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tahun: Option<i32>,
    kode_program: String,
    nama_program: String,
    kode_kegiatan: String,
    nama_kegiatan: String,
    #[serde(default)]
    kode_sub_kegiatan: String,
    #[serde(default)]
    seksi: String,
    #[serde(default)]
    waktu: String,
    #[serde(default)]
    indikator: Vec<Spanned<IndikatorToml>>,
    #[serde(default)]
    butir: Vec<Spanned<ButirToml>>,
    #[serde(default)]
    anggaran: Vec<Spanned<AnggaranToml>>,
    #[serde(default)]
    biaya: Vec<Spanned<BiayaToml>>,
    #[serde(default)]
    tahapan: Vec<Spanned<TahapanToml>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndikatorToml {
    tingkat: String,
    uraian: String,
    #[serde(default)]
    satuan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    /// `IKU1`, `IKU2`, `IKM` or `""`; absent: by the wording (as the sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sumber: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ButirToml {
    bagian: String,
    #[serde(default)]
    kelompok: String,
    teks: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnggaranToml {
    uraian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n2: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n1: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    berjalan: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BiayaToml {
    uraian: String,
    jumlah: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TahapanToml {
    nama: String,
    bulan: Vec<u32>,
    #[serde(default)]
    tempat: String,
    #[serde(default)]
    pelaksana: String,
    #[serde(default)]
    peserta: String,
}

fn s<T>(v: T) -> Spanned<T> {
    Spanned::new(0..0, v)
}

/// The KAK as a TOML file (its year in `tahun`).
pub fn ke_toml(kak: &Kak) -> Result<String, String> {
    let k = &kak.kegiatan;
    let t = KakToml {
        tahun: Some(k.tahun),
        kode_program: k.kode_program.clone(),
        nama_program: k.nama_program.clone(),
        kode_kegiatan: k.kode_kegiatan.clone(),
        nama_kegiatan: k.nama_kegiatan.clone(),
        kode_sub_kegiatan: k.kode_sub_kegiatan.clone(),
        seksi: k.seksi.clone(),
        waktu: k.waktu.clone(),
        indikator: kak
            .indikator
            .iter()
            .map(|i| {
                s(IndikatorToml {
                    tingkat: i.tingkat.clone(),
                    uraian: i.uraian.clone(),
                    satuan: i.satuan.clone(),
                    target: i.target.map(|t| t.ke_f64()),
                    sumber: Some(i.sumber.clone()),
                })
            })
            .collect(),
        butir: kak
            .butir
            .iter()
            .map(|b| {
                s(ButirToml {
                    bagian: b.bagian.clone(),
                    kelompok: b.kelompok.clone(),
                    teks: b.teks.clone(),
                })
            })
            .collect(),
        anggaran: kak
            .anggaran
            .iter()
            .map(|a| {
                s(AnggaranToml {
                    uraian: a.uraian.clone(),
                    n2: a.n2,
                    n1: a.n1,
                    berjalan: a.berjalan,
                })
            })
            .collect(),
        biaya: kak
            .biaya
            .iter()
            .map(|b| {
                s(BiayaToml {
                    uraian: b.uraian.clone(),
                    jumlah: b.jumlah,
                })
            })
            .collect(),
        tahapan: kak
            .tahapan
            .iter()
            .map(|x| {
                s(TahapanToml {
                    nama: x.nama.clone(),
                    bulan: x.bulan.daftar(),
                    tempat: x.tempat.clone(),
                    pelaksana: x.pelaksana.clone(),
                    peserta: x.peserta.clone(),
                })
            })
            .collect(),
    };
    let isi = toml::to_string(&t).map_err(|e| format!("TOML tidak dapat dibuat: {e}"))?;
    Ok(format!(
        "# KAK kegiatan {} tahun {}, ditulis pantau.\n# Muat ke satu kecamatan: pantau --kecamatan KODE impor kak BERKAS [--tahun Y]\n{isi}",
        crate::domain::teks::aman(&k.kode_kegiatan),
        k.tahun
    ))
}

/// Line (from 1) of byte `pos` of `teks`.
fn baris_ke(teks: &str, pos: usize) -> usize {
    teks.as_bytes()[..pos.min(teks.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Line of a top-level key (before the first table), for the header's errors.
fn baris_kunci(teks: &str, kunci: &str) -> Option<usize> {
    for (n, l) in teks.lines().enumerate() {
        let l = l.trim_start();
        if l.starts_with('[') {
            return None;
        }
        if let Some(sisa) = l.strip_prefix(kunci)
            && sisa.trim_start().starts_with('=')
        {
            return Some(n + 1);
        }
    }
    None
}

/// A KAK read from a TOML file, checked as the forms check (every problem `FILE:LINE: …`),
/// with ids 0, not yet for any kecamatan; the file's `tahun` if it gives one.
pub fn dari_toml(berkas: &str, teks: &str) -> Result<(Option<i32>, Kak), Vec<String>> {
    let nama = crate::domain::teks::aman(berkas).into_owned();
    let t: KakToml = toml::from_str(teks).map_err(|e| {
        let pesan = e.message().trim().replace('\n', "; ");
        vec![match e.span() {
            Some(r) => format!("{nama}:{}: {pesan}", baris_ke(teks, r.start)),
            None => format!("{nama}: {pesan}"),
        }]
    })?;
    let mut galat = Vec::new();
    let di = |sp: &std::ops::Range<usize>| format!("{nama}:{}", baris_ke(teks, sp.start));
    let kegiatan = Kegiatan {
        tahun: t.tahun.unwrap_or(2000),
        kode_program: t.kode_program.trim().to_string(),
        nama_program: t.nama_program.trim().to_string(),
        kode_kegiatan: t.kode_kegiatan.trim().to_string(),
        nama_kegiatan: t.nama_kegiatan.trim().to_string(),
        kode_sub_kegiatan: t.kode_sub_kegiatan.trim().to_string(),
        seksi: t.seksi.trim().to_string(),
        waktu: t.waktu.trim().to_string(),
        ..Default::default()
    };
    if let Err(e) = periksa_kepala(&kegiatan) {
        let e = e.to_string();
        let kunci = [
            ("Tahun", "tahun"),
            ("Kode program", "kode_program"),
            ("Nama program", "nama_program"),
            ("Kode kegiatan", "kode_kegiatan"),
            ("Nama kegiatan", "nama_kegiatan"),
            ("Sub kegiatan", "kode_sub_kegiatan"),
            ("Seksi", "seksi"),
            ("Waktu", "waktu"),
        ]
        .iter()
        .find(|(label, _)| e.starts_with(&format!("{label}:")))
        .and_then(|(_, k)| baris_kunci(teks, k));
        galat.push(match kunci {
            Some(n) => format!("{nama}:{n}: {e}"),
            None => format!("{nama}: {e}"),
        });
    }
    let periksa = |galat: &mut Vec<String>,
                   sp: &std::ops::Range<usize>,
                   apa: &str,
                   b: ButirKak|
     -> Option<ButirKak> {
        match b.periksa() {
            Ok(()) => Some(b),
            Err(e) => {
                galat.push(format!("{}: {apa}: {e}", di(sp)));
                None
            }
        }
    };
    let mut kak = Kak::default();
    for x in t.indikator {
        let sp = x.span();
        let i = x.into_inner();
        let sumber = match i.sumber {
            Some(s) => s.trim().to_uppercase(),
            None => sumber_dari_uraian(&i.uraian)
                .unwrap_or_default()
                .to_string(),
        };
        let target = match i.target {
            Some(v) if !v.is_finite() || v.abs() > 1e12 => {
                galat.push(format!("{}: indikator: Target: angka tidak sah", di(&sp)));
                None
            }
            v => v.map(Seratus::dari_f64),
        };
        if let Some(ButirKak::Indikator(b)) = periksa(
            &mut galat,
            &sp,
            "indikator",
            ButirKak::Indikator(Indikator {
                tingkat: i.tingkat.trim().to_lowercase(),
                uraian: i.uraian.trim().to_string(),
                satuan: i.satuan.trim().to_string(),
                target,
                sumber,
                ..Default::default()
            }),
        ) {
            kak.indikator.push(b);
        }
    }
    for x in t.butir {
        let sp = x.span();
        let b = x.into_inner();
        if let Some(ButirKak::Butir(b)) = periksa(
            &mut galat,
            &sp,
            "butir",
            ButirKak::Butir(Butir {
                bagian: b.bagian.trim().to_lowercase(),
                kelompok: b.kelompok.trim().to_string(),
                teks: b.teks.trim().to_string(),
                ..Default::default()
            }),
        ) {
            kak.butir.push(b);
        }
    }
    for x in t.anggaran {
        let sp = x.span();
        let a = x.into_inner();
        if let Some(ButirKak::Anggaran(a)) = periksa(
            &mut galat,
            &sp,
            "anggaran",
            ButirKak::Anggaran(Anggaran {
                uraian: a.uraian.trim().to_string(),
                n2: a.n2,
                n1: a.n1,
                berjalan: a.berjalan,
                ..Default::default()
            }),
        ) {
            kak.anggaran.push(a);
        }
    }
    for x in t.biaya {
        let sp = x.span();
        let b = x.into_inner();
        if let Some(ButirKak::Biaya(b)) = periksa(
            &mut galat,
            &sp,
            "biaya",
            ButirKak::Biaya(Biaya {
                uraian: b.uraian.trim().to_string(),
                jumlah: b.jumlah,
                ..Default::default()
            }),
        ) {
            kak.biaya.push(b);
        }
    }
    for x in t.tahapan {
        let sp = x.span();
        let x = x.into_inner();
        let bulan = match Bulan::dari_daftar(&x.bulan) {
            Ok(b) => b,
            Err(e) => {
                galat.push(format!("{}: tahapan: Bulan: {e}", di(&sp)));
                continue;
            }
        };
        if let Some(ButirKak::Tahapan(b)) = periksa(
            &mut galat,
            &sp,
            "tahapan",
            ButirKak::Tahapan(Tahapan {
                nama: x.nama.trim().to_string(),
                bulan,
                tempat: x.tempat.trim().to_string(),
                pelaksana: x.pelaksana.trim().to_string(),
                peserta: x.peserta.trim().to_string(),
                ..Default::default()
            }),
        ) {
            kak.tahapan.push(b);
        }
    }
    if !galat.is_empty() {
        // in the file's order
        let baris = |g: &String| -> usize {
            g[nama.len()..]
                .trim_start_matches(':')
                .split(':')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        };
        galat.sort_by_key(baris);
        return Err(galat);
    }
    kak.kegiatan = kegiatan;
    Ok((t.tahun, kak))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTOH: [&str; 2] = [
        include_str!("../../../data/contoh/kegiatan_006.toml"),
        include_str!("../../../data/contoh/kegiatan_004.toml"),
    ];

    #[test]
    fn the_sample_files_read_and_write_back_the_same_kak() {
        for teks in CONTOH {
            let (tahun, mut kak) = dari_toml("a.toml", teks).unwrap();
            assert_eq!(tahun, None);
            assert!(kak.indikator.iter().any(|i| i.sumber == "IKM"));
            kak.kegiatan.tahun = 2026;
            let tulis = ke_toml(&kak).unwrap();
            let (tahun, lagi) = dari_toml("b.toml", &tulis).unwrap();
            assert_eq!(tahun, Some(2026));
            assert_eq!(lagi, kak);
            assert_eq!(ke_toml(&lagi).unwrap(), tulis);
        }
    }

    #[test]
    fn every_problem_names_its_line_and_nothing_is_read() {
        let teks = "tahun = 2027\nkode_program = \"3.05\"\nnama_program = \"P\"\nkode_kegiatan = \"\"\nnama_kegiatan = \"K\"\n\n[[indikator]]\ntingkat = \"hasil\"\nuraian = \"U\"\n\n[[indikator]]\ntingkat = \"outcome\"\nuraian = \"U\"\nsumber = \"IKU9\"\n\n[[tahapan]]\nnama = \"T\"\nbulan = [13]\n\n[[biaya]]\nuraian = \"B\"\njumlah = -5\n";
        let e = dari_toml("kak.toml", teks).unwrap_err();
        assert_eq!(
            e,
            [
                "kak.toml:4: Kode kegiatan: wajib diisi",
                // an item's line is its [[…]] header
                "kak.toml:7: indikator: Tingkat: 'hasil' tidak dikenal (program, output, outcome, individu)",
                "kak.toml:11: indikator: Sumber: 'IKU9' tidak dikenal (IKU1, IKU2, IKM, atau kosong bila diisi tangan)",
                "kak.toml:16: tahapan: Bulan: bulan 13 di luar 1–12",
                "kak.toml:20: biaya: Jumlah (Rp): tidak boleh negatif",
            ]
        );
        let e = dari_toml("kak.toml", "kode_program = \"x\"\nnama = 3\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("kak.toml:2: "), "{e:?}");
        let e = dari_toml("kak.toml", "kode_program = \"x\n").unwrap_err();
        assert!(e[0].starts_with("kak.toml:1: "), "{e:?}");
    }
}
