//! The facilitation log of a year (with its kinds from the catalogue) and the IKU/IKM report
//! (each indicator with numerator, denominator and value, the fiscal years IKU 2 counts, a row
//! per kecamatan and the total when several are in scope).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Kepala, Kolom, Sel, Warna};
use crate::domain::indikator::{NAMA_IKM, NAMA_IKU1, NAMA_IKU2, Persentase};
use crate::store::indikator::{self, Iku};
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Galat, fasilitasi};

pub fn fasilitasi(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    tahun: i32,
    hari_ini: NaiveDate,
    berkas: &str,
) -> Result<usize, String> {
    let g = |e: Galat| e.to_string();
    let katalog = fasilitasi::daftar_katalog(conn).map_err(g)?;
    let (ya, semua) = fasilitasi::iku1(conn, lingkup, tahun).map_err(g)?;
    let p = crate::domain::indikator::iku1(ya, semua);
    let kec = super::banyak_kecamatan(conn, lingkup).map_err(g)?;
    let mut kolom = vec![
        Kolom::new("No", "no", 6.0),
        Kolom::new("Tanggal", "tanggal", 11.0),
        Kolom::new("Kode", "jenis", 7.0),
        Kolom::new("Jenis (katalog)", "nama_jenis", 30.0),
        Kolom::new("Golongan", "golongan", 13.0),
    ];
    if kec {
        kolom.push(Kolom::new("Kecamatan", "kecamatan", 16.0));
    }
    kolom.extend([
        Kolom::new("Kode desa", "kode_desa", 15.0),
        Kolom::new("Desa", "desa", 18.0),
        Kolom::new("Uraian", "uraian", 34.0),
        Kolom::new("Output", "output", 24.0),
        Kolom::new("Bukti", "bukti", 20.0),
        Kolom::new("Ditindaklanjuti", "ditindaklanjuti", 14.0),
    ]);
    let kepala = Kepala {
        lembar: format!("Fasilitasi {tahun}"),
        judul: format!("Catatan fasilitasi, koordinasi dan rekomendasi tahun {tahun}"),
        keterangan: vec![
            nama_lingkup.to_string(),
            format!(
                "IKU 1: {} ditindaklanjuti dari {} = {}",
                crate::domain::angka::format_ribuan(p.pembilang),
                crate::domain::angka::format_ribuan(p.penyebut),
                crate::domain::angka::format_persen(p.nilai())
            ),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom,
        hemat: true,
        halaman_lebar: None,
    };
    let nama_kec: std::collections::HashMap<i64, String> = if kec {
        wilayah::daftar_kecamatan(conn, lingkup, 0, i64::MAX)
            .map_err(g)?
            .into_iter()
            .map(|k| (k.id, k.nama))
            .collect()
    } else {
        Default::default()
    };
    let mut w = super::penulis(berkas, kepala)?;
    let daftar = fasilitasi::daftar(
        conn,
        lingkup,
        tahun,
        &fasilitasi::Saring::default(),
        0,
        i64::MAX,
    )
    .map_err(g)?;
    // the log is shown newest first; the file reads in date order
    for (i, x) in daftar.iter().rev().enumerate() {
        let c = katalog.iter().find(|c| c.id == x.katalog_id);
        let mut b: Vec<(Sel, Option<Warna>)> = vec![
            (Sel::Bulat(i as i64 + 1), None),
            (Sel::Tanggal(x.tanggal), None),
            (Sel::teks(&x.kode_jenis), None),
            (
                Sel::teks(c.map(|c| c.nama.clone()).unwrap_or_default()),
                None,
            ),
            (
                Sel::teks(c.map(|c| c.golongan.clone()).unwrap_or_default()),
                None,
            ),
        ];
        if kec {
            b.push((
                Sel::teks(nama_kec.get(&x.kecamatan_id).cloned().unwrap_or_default()),
                None,
            ));
        }
        b.extend([
            (Sel::teks(x.kode_desa.clone().unwrap_or_default()), None),
            (
                Sel::teks(x.nama_desa.clone().unwrap_or_else(|| "(kecamatan)".into())),
                None,
            ),
            (Sel::teks(&x.uraian), None),
            (Sel::teks(&x.output), None),
            (Sel::teks(&x.bukti), None),
            if x.ditindaklanjuti {
                (Sel::teks("ya"), Some(Warna::Hijau))
            } else {
                (Sel::teks("tidak"), None)
            },
        ]);
        w.baris(&b)?;
    }
    w.selesai()?;
    Ok(daftar.len())
}

fn persen(p: &Persentase) -> Sel {
    p.nilai().map_or(Sel::Kosong, |v| Sel::Persen(v.0))
}

fn baris_iku(kode: &str, nama: &str, x: &Iku) -> Vec<(Sel, Option<Warna>)> {
    let ta = x
        .rincian
        .iter()
        .map(|(j, ta, n)| format!("{j} TA {ta}: {n}"))
        .collect::<Vec<_>>()
        .join("; ");
    let mut b = vec![
        (Sel::teks(kode), None),
        (Sel::teks(nama), None),
        (Sel::Bulat(x.jumlah_desa), None),
        (Sel::Bulat(x.iku1.pembilang), None),
        (Sel::Bulat(x.iku1.penyebut), None),
        (persen(&x.iku1), None),
        (Sel::Bulat(x.iku2.pembilang), None),
        (Sel::Bulat(x.iku2.penyebut), None),
        (persen(&x.iku2), None),
        (Sel::teks(ta), None),
    ];
    match &x.ikm {
        Some(i) => b.extend([
            (Sel::Bulat(i.responden), None),
            (Sel::Desimal(i.nilai.0), None),
            (Sel::teks(i.mutu.huruf()), None),
            (Sel::teks(i.mutu.kinerja()), None),
        ]),
        None => b.extend([
            (Sel::Bulat(0), None),
            (Sel::Kosong, None),
            (Sel::Kosong, None),
            (Sel::teks("belum ada responden"), None),
        ]),
    }
    b
}

pub fn iku(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    tahun: i32,
    hari_ini: NaiveDate,
    berkas: &str,
) -> Result<usize, String> {
    let g = |e: Galat| e.to_string();
    let i1 = "IKU 1 (fasilitasi ditindaklanjuti)";
    let i2 = "IKU 2 (desa tepat waktu)";
    let ikm = "IKM";
    let kolom = vec![
        Kolom::new("Kode", "kode_kecamatan", 10.0),
        Kolom::new("Kecamatan", "kecamatan", 18.0),
        Kolom::new("Jumlah desa", "jumlah_desa", 9.0),
        Kolom::new("Pembilang", "iku1_pembilang", 10.0).grup(i1),
        Kolom::new("Penyebut", "iku1_penyebut", 10.0).grup(i1),
        Kolom::new("Nilai", "iku1_nilai", 10.0).grup(i1),
        Kolom::new("Pembilang", "iku2_pembilang", 10.0).grup(i2),
        Kolom::new("Penyebut", "iku2_penyebut", 10.0).grup(i2),
        Kolom::new("Nilai", "iku2_nilai", 10.0).grup(i2),
        Kolom::new("Tepat waktu per dokumen", "iku2_rincian", 34.0).grup(i2),
        Kolom::new("Responden", "ikm_responden", 10.0).grup(ikm),
        Kolom::new("Nilai", "ikm_nilai", 9.0).grup(ikm),
        Kolom::new("Mutu", "ikm_mutu", 6.0).grup(ikm),
        Kolom::new("Kinerja", "ikm_kinerja", 14.0).grup(ikm),
    ];
    let kepala = Kepala {
        lembar: format!("IKU {tahun}"),
        judul: format!("Indikator kinerja kecamatan tahun {tahun}"),
        keterangan: vec![
            nama_lingkup.to_string(),
            format!("IKU 1: {NAMA_IKU1}."),
            format!(
                "IKU 2: {NAMA_IKU2}; tiap dokumen dihitung pada tahun anggaran yang tenggatnya jatuh di tahun {tahun}."
            ),
            format!("IKM: {NAMA_IKM} (Permenpan RB 14/2017)."),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom,
        hemat: true,
        halaman_lebar: None,
    };
    let mut w = super::penulis(berkas, kepala)?;
    let mut n = 0;
    let mut dari = 0;
    loop {
        let daftar = wilayah::daftar_kecamatan(conn, lingkup, dari, 500).map_err(g)?;
        if daftar.is_empty() {
            break;
        }
        dari += daftar.len() as i64;
        for k in daftar {
            let x = indikator::hitung_lingkup(conn, Lingkup::Kecamatan(k.id), tahun).map_err(g)?;
            w.baris(&baris_iku(&k.kode, &k.nama, &x))?;
            n += 1;
        }
    }
    if n > 1 {
        let total = indikator::hitung_lingkup(conn, lingkup, tahun).map_err(g)?;
        let mut b = baris_iku("", &format!("Jumlah ({n} kecamatan)"), &total);
        for (s, w) in b.iter_mut() {
            if matches!(s, Sel::Teks(_)) && w.is_none() {
                *w = Some(Warna::Abu);
            }
        }
        w.baris(&b)?;
    }
    w.selesai()?;
    Ok(n)
}
