//! The sample Kecamatan Yosowilangun (`pantau init --contoh`): desa and kegiatan from the seeds,
//! plus invented but believable document dates, facilitation entries, IKM answers, schedule
//! occurrences and monitoring rounds, all dated relative to `hari_ini` and marked `contoh`.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

use super::dokumen::{self, IsiDokumen};
use super::kegiatan::{self, Anggaran, Biaya, Butir, Indikator, Kak, Kegiatan, Tahapan};
use super::monev::{self, Masalah, MatriksKegiatan, Putaran, Rencana};
use super::wilayah::{self, Kecamatan, Lingkup};
use super::{Galat, Hasil, Store, fasilitasi, ikm, impor};
use crate::domain::angka::Seratus;
use crate::domain::aturan::HasilEvaluasi;
use crate::domain::jadwal::Bulan;
use crate::domain::tanggal::akhir_bulan;
use crate::domain::tenggat;

pub const KODE_KECAMATAN: &str = "35.08.07";
const DESA_CSV: &str = include_str!("../../data/contoh/desa.csv");
const KEGIATAN: [(&str, &str); 2] = [
    (
        "kegiatan_006.toml",
        include_str!("../../data/contoh/kegiatan_006.toml"),
    ),
    (
        "kegiatan_004.toml",
        include_str!("../../data/contoh/kegiatan_004.toml"),
    ),
];
const MONEV: &str = include_str!("../../data/contoh/monev.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KakToml {
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
    indikator: Vec<IndikatorToml>,
    #[serde(default)]
    butir: Vec<ButirToml>,
    #[serde(default)]
    anggaran: Vec<AnggaranToml>,
    #[serde(default)]
    biaya: Vec<BiayaToml>,
    #[serde(default)]
    tahapan: Vec<TahapanToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndikatorToml {
    tingkat: String,
    uraian: String,
    #[serde(default)]
    satuan: String,
    target: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ButirToml {
    bagian: String,
    #[serde(default)]
    kelompok: String,
    teks: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnggaranToml {
    uraian: String,
    n2: Option<i64>,
    n1: Option<i64>,
    berjalan: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BiayaToml {
    uraian: String,
    jumlah: i64,
}

#[derive(Deserialize)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonevToml {
    #[serde(default)]
    rencana: Vec<RencanaToml>,
    #[serde(default)]
    masalah: Vec<MasalahToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RencanaToml {
    unit: String,
    jenis_unit: String,
    dokumen: String,
    target_bulan: u32,
    target_hari: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MasalahToml {
    kondisi_awal: String,
    #[serde(default)]
    target_outcome: String,
    #[serde(default)]
    kegiatan: Vec<MatriksKegiatanToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatriksKegiatanToml {
    uraian: String,
    #[serde(default)]
    pelaksana: String,
    #[serde(default)]
    target_output: String,
}

fn galat_data(berkas: &str, e: impl std::fmt::Display) -> Galat {
    Galat::TidakSah(format!("data contoh {berkas} rusak: {e}"))
}

/// Invented names of the sample's kepala desa.
const NAMA_KADES: &[&str] = &[
    "Sutrisno",
    "Hj. Siti Aminah",
    "Bambang Hariyanto",
    "Moh. Rofiq",
    "Suwarni",
    "Abdul Ghofur",
    "Slamet Riyadi",
    "Nur Hasanah",
    "Agus Salim",
    "Sri Wahyuni",
    "Imam Syafi'i",
    "Yuliati",
];

/// A KAK of the seeds as it is stored for year `tahun`.
fn kak_dari_toml(berkas: &str, teks: &str, kecamatan_id: i64, tahun: i32) -> Hasil<Kak> {
    let t: KakToml = toml::from_str(teks).map_err(|e| galat_data(berkas, e))?;
    let tahapan = t
        .tahapan
        .into_iter()
        .map(|x| {
            Ok(Tahapan {
                id: 0,
                nama: x.nama,
                bulan: Bulan::dari_daftar(&x.bulan).map_err(|e| galat_data(berkas, e))?,
                tempat: x.tempat,
                pelaksana: x.pelaksana,
                peserta: x.peserta,
                versi: 0,
            })
        })
        .collect::<Hasil<Vec<_>>>()?;
    Ok(Kak {
        kegiatan: Kegiatan {
            kecamatan_id,
            tahun,
            kode_program: t.kode_program,
            nama_program: t.nama_program,
            kode_kegiatan: t.kode_kegiatan,
            nama_kegiatan: t.nama_kegiatan,
            kode_sub_kegiatan: t.kode_sub_kegiatan,
            seksi: t.seksi,
            waktu: t.waktu,
            contoh: true,
            ..Default::default()
        },
        butir: t
            .butir
            .into_iter()
            .map(|b| Butir {
                id: 0,
                bagian: b.bagian,
                kelompok: b.kelompok,
                teks: b.teks,
                versi: 0,
            })
            .collect(),
        indikator: t
            .indikator
            .into_iter()
            .map(|i| Indikator {
                // the seeds' outcome lines that are the office's IKU and IKM
                sumber: crate::domain::indikator::sumber_dari_uraian(&i.uraian)
                    .unwrap_or_default()
                    .to_string(),
                tingkat: i.tingkat,
                uraian: i.uraian,
                satuan: i.satuan,
                target: i.target.map(Seratus::dari_f64),
                ..Default::default()
            })
            .collect(),
        anggaran: t
            .anggaran
            .into_iter()
            .map(|a| Anggaran {
                id: 0,
                uraian: a.uraian,
                n2: a.n2,
                n1: a.n1,
                berjalan: a.berjalan,
                versi: 0,
            })
            .collect(),
        biaya: t
            .biaya
            .into_iter()
            .map(|b| Biaya {
                id: 0,
                uraian: b.uraian,
                jumlah: b.jumlah,
                versi: 0,
            })
            .collect(),
        tahapan,
    })
}

/// A small deterministic mixer, so the invented data is the same on every run.
fn acak(a: i64, b: i64, c: i64) -> i64 {
    let mut x = (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (b as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ (c as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 32;
    (x % 1_000_003) as i64
}

/// What `init --contoh` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilContoh {
    Dimuat {
        desa: usize,
        dokumen: usize,
        fasilitasi: usize,
        responden: usize,
    },
    SudahAda,
}

/// Loads the sample kecamatan unless a kecamatan with its code is already there.
pub fn muat(store: &mut Store, hari_ini: NaiveDate) -> Hasil<HasilContoh> {
    if wilayah::kecamatan_kode(store.conn(), KODE_KECAMATAN)?.is_some() {
        return Ok(HasilContoh::SudahAda);
    }
    let (siap, _peringatan) = impor::periksa_desa(
        store,
        "data/contoh/desa.csv",
        DESA_CSV.as_bytes(),
        super::wilayah::Lingkup::Semua,
    )
    .map_err(|e| match e {
        impor::GalatImpor::Berkas(b) => Galat::TidakSah(b.join("\n")),
        impor::GalatImpor::Store(g) => g,
    })?;
    let tahun_awal = store.tahun_awal(hari_ini)?;
    let tahun = hari_ini.year();
    let kaks = KEGIATAN
        .iter()
        .map(|(b, t)| kak_dari_toml(b, t, 0, tahun))
        .collect::<Hasil<Vec<_>>>()?;
    let monev_data: MonevToml = toml::from_str(MONEV).map_err(|e| galat_data("monev.toml", e))?;
    store.transaksi(|tx| {
        impor::tulis_desa(tx, &siap, true)?;
        let kec = wilayah::kecamatan_kode(tx, KODE_KECAMATAN)?
            .ok_or_else(|| Galat::TidakAda("kecamatan contoh tidak tersimpan".into()))?;
        wilayah::simpan_kecamatan(
            tx,
            &Kecamatan {
                alamat: "Jl. Mayjen Soekartijo No. 56, Yosowilangun".into(),
                telepon: "(0334) 390555".into(),
                kode_pos: "67382".into(),
                ..kec.clone()
            },
        )?;
        let lingkup = Lingkup::Kecamatan(kec.id);
        let desa = wilayah::daftar_desa(tx, lingkup, "", 0, 10_000)?;

        // documents: mostly on time, some late, a few missing. The kinds counted from an
        // event follow their event (the BPD's agreement, the draft's receipt, the evaluation),
        // in kind order, so each one's event is written before it is read.
        let jenis = dokumen::daftar_jenis(tx)?;
        let kalender = super::kalender::muat(tx)?;
        // the sample's kepala desa: some inaugurated this year, whose RPJMDes is due
        for (i, d) in desa.iter().enumerate().filter(|(_, d)| !d.kelurahan) {
            let dilantik = if i % 4 == 1 {
                hari_ini - Duration::days(40 + 20 * i as i64)
            } else {
                NaiveDate::from_ymd_opt(2019, 11, 4 + (i % 20) as u32).unwrap_or(hari_ini)
            };
            super::kepala_desa::simpan(
                tx,
                &super::kepala_desa::KepalaDesa {
                    desa_id: d.id,
                    nama: NAMA_KADES[i % NAMA_KADES.len()].to_string(),
                    dilantik,
                    akhir_masa: None,
                    keterangan: "data contoh".into(),
                    id: 0,
                    versi: 0,
                },
            )?;
        }
        let mut n_dok = 0;
        for (i, d) in desa.iter().enumerate().filter(|(_, d)| !d.kelurahan) {
            for j in &jenis {
                for ta in tenggat::tahun_dilacak(tahun_awal, hari_ini) {
                    let batas = match j.tenggat_tetap(ta) {
                        Some(t) => t,
                        None => {
                            let p = dokumen::peristiwa_desa(tx, d.id, ta)?;
                            match p.tenggat(&jenis, j, ta, &kalender) {
                                Some((t, _)) => t,
                                None => continue,
                            }
                        }
                    };
                    let h = acak(i as i64, j.id, ta as i64) % 20;
                    // the evaluation cycle of a year gone by is closed in the sample: what is
                    // missing is this season's
                    let h = if j.tetap().is_none() && ta <= hari_ini.year() {
                        h % 18
                    } else {
                        h
                    };
                    let tanggal = if batas < hari_ini {
                        match h {
                            0..=13 => Some(batas - Duration::days(2 + h * 3)),
                            14..=17 => Some((batas + Duration::days(4 + h * 2)).min(hari_ini)),
                            _ => None,
                        }
                    } else {
                        // a few desa finish ahead of a deadline still to come
                        let awal = batas - Duration::days(25 + h);
                        (h < 4 && awal <= hari_ini).then_some(awal)
                    };
                    let Some(tanggal) = tanggal else { continue };
                    // a count after an event is met after the event, not before it
                    let tanggal = match j.tetap() {
                        Some(_) => tanggal,
                        None => {
                            let p = dokumen::peristiwa_desa(tx, d.id, ta)?;
                            let sejak = match &j.bentuk {
                                crate::domain::aturan::Bentuk::Setelah { peristiwa, .. } => {
                                    p.tanggal(&jenis, peristiwa)
                                }
                                _ => None,
                            };
                            match sejak {
                                Some(s) if tanggal < s => {
                                    (s + Duration::days(1 + h % 3)).min(hari_ini)
                                }
                                _ => tanggal,
                            }
                        }
                    };
                    let nomor = match j.kode.as_str() {
                        "LPPDes" => format!("141/{}/{}/{}", 10 + h, &d.kode[9..], tanggal.year()),
                        "RKPDes" | "APBDes" | "RPJMDes" | "LPJAPBDes" => {
                            format!("Perdes No. {} Tahun {}", 1 + (h % 6), tanggal.year())
                        }
                        "EvalAPBDes" => format!("900/{}/427.92/{}", 100 + h, tanggal.year()),
                        _ => format!("BA/{}/{}/{}", 1 + h, &d.kode[9..], tanggal.year()),
                    };
                    let hasil = j.berhasil.then_some(if h % 4 == 0 {
                        HasilEvaluasi::PerluPerbaikan
                    } else {
                        HasilEvaluasi::Sesuai
                    });
                    dokumen::simpan_dokumen(
                        tx,
                        d.id,
                        j.id,
                        ta,
                        &IsiDokumen {
                            tanggal: Some(tanggal),
                            nomor,
                            keterangan: "data contoh".into(),
                            hasil,
                        },
                        dokumen::KolomDokumen::SEMUA,
                        true,
                        hari_ini,
                    )?;
                    n_dok += 1;
                }
            }
        }

        // kegiatan of the seeds, this year
        let mut tahapan_ids = Vec::new();
        for mut kak in kaks.clone() {
            kak.kegiatan.kecamatan_id = kec.id;
            let id = kegiatan::simpan(tx, &kak)?;
            let kak =
                kegiatan::kak(tx, id)?.ok_or_else(|| Galat::TidakAda("kegiatan contoh".into()))?;
            // realisation of indicators so far: a believable share of the target
            let mut kak2 = kak.clone();
            for (n, ind) in kak2
                .indikator
                .iter_mut()
                .enumerate()
                .filter(|(_, i)| i.sumber.is_empty())
            {
                // whole numbers: people, desa and meetings are counted, not measured
                ind.realisasi = ind.target.map(|t| {
                    let bagian = 70 + acak(id, n as i64, 7) % 31;
                    Seratus(t.0 * bagian / 100 / 100 * 100)
                });
            }
            kegiatan::simpan(tx, &kak2)?;
            tahapan_ids.extend(kak.tahapan.iter().map(|t| (t.id, t.bulan)));
        }
        for (n, (tid, bulan)) in tahapan_ids.iter().enumerate() {
            for m in bulan.daftar() {
                let akhir = akhir_bulan(tahun, m);
                if akhir >= hari_ini {
                    continue;
                }
                // one occurrence in seven is left unmarked: overdue on the schedule
                if acak(*tid, m as i64, 3) % 7 == 0 && n % 2 == 0 {
                    continue;
                }
                let hari = 5 + (acak(*tid, m as i64, 4) % 20) as u32;
                let tgl = NaiveDate::from_ymd_opt(tahun, m, hari).unwrap_or(akhir);
                kegiatan::tandai_selesai(tx, *tid, m, tgl, "BA dan daftar hadir (contoh)", true)?;
            }
        }

        // facilitation log: about three entries a month, this year and last
        let katalog = fasilitasi::daftar_katalog(tx)?;
        let mut n_fas = 0;
        for th in [tahun - 1, tahun] {
            for m in 1..=12u32 {
                for k in 0..3i64 {
                    let h = acak(th as i64, m as i64, k);
                    let hari = 2 + (h % 26) as u32;
                    let Some(tgl) = NaiveDate::from_ymd_opt(th, m, hari) else {
                        continue;
                    };
                    if tgl > hari_ini {
                        continue;
                    }
                    let kat = &katalog[(h as usize / 7) % katalog.len()];
                    let d = &desa[(h as usize / 13) % desa.len()];
                    let baru = (hari_ini - tgl).num_days() < 21;
                    let pertama = |s: &str| s.split(" | ").next().unwrap_or("").to_string();
                    fasilitasi::tambah(
                        tx,
                        &fasilitasi::Fasilitasi {
                            kecamatan_id: kec.id,
                            desa_id: (kat.golongan != "koordinasi").then_some(d.id),
                            tanggal: tgl,
                            katalog_id: kat.id,
                            uraian: pertama(&kat.uraian_aktivitas),
                            output: pertama(&kat.output),
                            bukti: "Berita Acara (contoh)".into(),
                            ditindaklanjuti: !baru && h % 6 != 0,
                            contoh: true,
                            ..Default::default()
                        },
                        hari_ini,
                    )?;
                    n_fas += 1;
                }
            }
        }

        // IKM survey: 120 respondents this year, 100 last year
        let mut n_ikm = 0;
        for (th, n) in [(tahun - 1, 100), (tahun, 120)] {
            for r in 0..n {
                let mut skor = [0u8; 9];
                for (u, s) in skor.iter_mut().enumerate() {
                    let h = acak(th as i64 * 1000 + r, u as i64, 11) % 100;
                    *s = match h {
                        0..=2 => 1,
                        3..=17 => 2,
                        18..=69 => 3,
                        _ => 4,
                    };
                }
                ikm::tambah(tx, kec.id, th, skor, true, hari_ini)?;
                n_ikm += 1;
            }
        }

        // KOMPAK monitoring
        for (i, r) in monev_data.rencana.iter().enumerate() {
            let target =
                NaiveDate::from_ymd_opt(tahun, r.target_bulan, r.target_hari).ok_or_else(|| {
                    galat_data(
                        "monev.toml",
                        format!("tanggal target {}/{}", r.target_hari, r.target_bulan),
                    )
                })?;
            let mut putaran = Vec::new();
            for (ke, mundur) in [(1i64, 75i64), (2, 40), (3, 10)] {
                let tgl = target - Duration::days(mundur);
                if tgl > hari_ini {
                    break;
                }
                putaran.push(Putaran {
                    ke,
                    tanggal: Some(tgl),
                    kemajuan_persen: Some((ke * 30 + i as i64 * 5).min(100)),
                    kemajuan: format!("Tahap {ke}: draf dokumen dibahas bersama tim penyusun"),
                    kendala: if i % 2 == 1 {
                        "Data usulan dusun belum lengkap".into()
                    } else {
                        String::new()
                    },
                    tindak_lanjut: if i % 2 == 1 {
                        "Pendampingan tambahan oleh kecamatan".into()
                    } else {
                        String::new()
                    },
                    ..Default::default()
                });
            }
            let desa_id = desa
                .iter()
                .find(|d| r.unit.ends_with(&d.nama))
                .map(|d| d.id);
            monev::simpan_rencana(
                tx,
                &Rencana {
                    kecamatan_id: kec.id,
                    tahun,
                    unit: r.unit.clone(),
                    jenis_unit: r.jenis_unit.clone(),
                    desa_id,
                    dokumen: r.dokumen.clone(),
                    target,
                    selesai: (i % 2 == 0 && target - Duration::days(3) <= hari_ini)
                        .then(|| target - Duration::days(3)),
                    keterangan: "data contoh".into(),
                    contoh: true,
                    putaran,
                    ..Default::default()
                },
            )?;
        }
        for m in &monev_data.masalah {
            let kegiatan = m
                .kegiatan
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    let mut putaran: [Putaran; 3] = Default::default();
                    for (ke, bulan) in [(1usize, 4u32), (2, 8), (3, 11)] {
                        let tgl = NaiveDate::from_ymd_opt(tahun, bulan, 15 + n as u32);
                        if tgl.is_some_and(|t| t <= hari_ini) {
                            putaran[ke - 1] = Putaran {
                                ke: ke as i64,
                                tanggal: tgl,
                                kemajuan: format!("Putaran {ke}: kegiatan berjalan sesuai rencana"),
                                kendala: if n == 1 {
                                    "Jadwal bentrok dengan kegiatan desa".into()
                                } else {
                                    String::new()
                                },
                                tindak_lanjut: if n == 1 {
                                    "Jadwal disusun ulang bersama desa".into()
                                } else {
                                    String::new()
                                },
                                ..Default::default()
                            };
                        }
                    }
                    MatriksKegiatan {
                        id: 0,
                        uraian: k.uraian.clone(),
                        pelaksana: k.pelaksana.clone(),
                        target_output: k.target_output.clone(),
                        versi: 0,
                        putaran,
                    }
                })
                .collect();
            monev::simpan_masalah(
                tx,
                &Masalah {
                    kecamatan_id: kec.id,
                    tahun,
                    kondisi_awal: m.kondisi_awal.clone(),
                    target_outcome: m.target_outcome.clone(),
                    contoh: true,
                    kegiatan,
                    ..Default::default()
                },
            )?;
        }
        Ok(HasilContoh::Dimuat {
            desa: desa.len(),
            dokumen: n_dok,
            fasilitasi: n_fas,
            responden: n_ikm,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hari_ini() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn sample_kecamatan_is_complete() {
        let mut s = Store::memori().unwrap();
        let hasil = muat(&mut s, hari_ini()).unwrap();
        assert!(
            matches!(hasil, HasilContoh::Dimuat { desa: 12, .. }),
            "{hasil:?}"
        );
        let kec = wilayah::kecamatan_kode(s.conn(), KODE_KECAMATAN)
            .unwrap()
            .unwrap();
        assert_eq!(kec.nama, "Yosowilangun");
        assert_eq!(kec.kabupaten, "Lumajang");
        assert!(kec.alamat.contains("Soekartijo No. 56"));
        assert!(kec.contoh);
        let desa = wilayah::daftar_desa(s.conn(), Lingkup::Semua, "", 0, 100).unwrap();
        let kode: Vec<&str> = desa.iter().map(|d| d.kode.as_str()).collect();
        assert_eq!(kode.first(), Some(&"35.08.07.2001"));
        assert_eq!(kode.last(), Some(&"35.08.07.2012"));
        assert_eq!(desa[0].nama, "Darungan");
        assert_eq!(desa[11].nama, "Kalipepe");
        // Kalipepe's figures are kept as written, inconsistency and all
        assert_eq!(desa[11].jumlah_penduduk, Some(6038));
        assert_eq!(desa[8].laki_laki, Some(1455));

        let keg = kegiatan::daftar(s.conn(), Lingkup::Semua, 2026, "", 0, 10).unwrap();
        assert_eq!(keg.len(), 2);
        let totals: Vec<(String, i64)> = keg
            .iter()
            .map(|k| {
                let kak = kegiatan::kak(s.conn(), k.id).unwrap().unwrap();
                (k.kode_kegiatan.clone(), kak.total_biaya())
            })
            .collect();
        assert!(
            totals.contains(&("3.05.25.39.006".into(), 5_800_000)),
            "{totals:?}"
        );
        assert!(
            totals.contains(&("3.05.25.39.004".into(), 39_900_000)),
            "{totals:?}"
        );

        // every change is in the audit log with the operating-system user
        let (n, pengguna): (i64, String) = s
            .conn()
            .query_row("SELECT count(*), max(pengguna) FROM audit", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert!(n > 100);
        assert_eq!(pengguna, crate::store::pengguna_os());

        // a second load changes nothing
        let sebelum: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(muat(&mut s, hari_ini()).unwrap(), HasilContoh::SudahAda);
        let sesudah: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sebelum, sesudah);
    }

    #[test]
    fn sample_has_overdue_and_recorded_documents() {
        let mut s = Store::memori().unwrap();
        muat(&mut s, hari_ini()).unwrap();
        let cek = dokumen::cek(s.conn(), Lingkup::Semua, hari_ini(), 30, 2025).unwrap();
        assert!(
            cek.iter()
                .any(|i| i.status == tenggat::Status::LewatTenggat),
            "{cek:?}"
        );
        let n: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM dokumen WHERE tanggal IS NOT NULL AND contoh = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(n > 50, "{n}");
    }
}
