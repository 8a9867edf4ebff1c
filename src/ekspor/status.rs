//! The desa × document table of one fiscal year, over one kecamatan, a kabupaten or the whole
//! database: for each document its status in words, its date and number, with a fill that
//! repeats what the words say.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Kepala, Kolom, Penulis, Sel, Warna};
use crate::domain::tanggal::format_tanggal;
use crate::domain::tenggat::{self, Status};
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Hasil, dokumen};

/// Rows fetched at a time (a country's table is never held whole).
const HALAMAN: i64 = 2_000;

pub fn warna(s: Status) -> Warna {
    match s {
        Status::LewatTenggat => Warna::Merah,
        Status::MendekatiTenggat => Warna::Jingga,
        Status::Terlambat => Warna::Kuning,
        Status::TepatWaktu => Warna::Hijau,
        Status::BelumJatuhTempo => Warna::Abu,
    }
}

/// Kinds of document printed side by side on one A4 landscape page of the status table,
/// beside the desa columns.
const JENIS_PER_HALAMAN: usize = 2;

/// The table's header: title, what it covers, and the columns (a kecamatan column when the
/// scope has several kecamatan).
pub fn kepala(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    ta: i32,
    hari_ini: NaiveDate,
) -> Hasil<Kepala> {
    let jenis = dokumen::daftar_jenis(conn)?;
    let mut kolom = vec![
        Kolom::new("No", "no", 6.0),
        Kolom::new("Kode desa", "kode_desa", 15.0),
        Kolom::new("Desa/kelurahan", "desa", 24.0),
    ];
    if super::banyak_kecamatan(conn, lingkup)? {
        kolom.insert(1, Kolom::new("Kode kec.", "kode_kecamatan", 10.0));
        kolom.insert(2, Kolom::new("Kecamatan", "kecamatan", 18.0));
    }
    let kolom_desa = kolom.len();
    // the first column of each printed page after the first: two kinds to a page
    let mut putus = Vec::new();
    for (i, j) in jenis.iter().enumerate() {
        if i > 0 && i % JENIS_PER_HALAMAN == 0 {
            putus.push(kolom.len() as u16);
        }
        let grup = match j.tenggat_tetap(ta) {
            Some(t) => format!("{} TA {ta} (tenggat {})", j.kode, format_tanggal(t)),
            None => match &j.bentuk {
                crate::domain::aturan::Bentuk::Setelah {
                    peristiwa,
                    jumlah,
                    satuan,
                } => format!(
                    "{} TA {ta} ({jumlah} {} sesudah {})",
                    j.kode,
                    satuan.label(),
                    peristiwa.kode().replace('_', " ")
                ),
                b => format!("{} TA {ta} ({})", j.kode, b.uraian()),
            },
        };
        let k = j.kode.to_lowercase();
        kolom.push(Kolom::new("Status", &format!("{k}_status"), 17.0).grup(&grup));
        kolom.push(Kolom::new("Tanggal", &format!("{k}_tanggal"), 11.0).grup(&grup));
        kolom.push(Kolom::new("Nomor", &format!("{k}_nomor"), 24.0).grup(&grup));
        if j.berhasil {
            // the evaluation's result, which the corrected draft counts from
            kolom.push(Kolom::new("Hasil", &format!("{k}_hasil"), 15.0).grup(&grup));
        }
    }
    Ok(Kepala {
        lembar: format!("Status TA {ta}"),
        judul: format!("Status dokumen desa tahun anggaran {ta}"),
        keterangan: vec![
            nama_lingkup.to_string(),
            format!(
                "Keadaan pada {}; \"mendekati tenggat\" = {} hari atau kurang. Warna mengulang kata statusnya.",
                format_tanggal(hari_ini),
                tenggat::JENDELA_BAWAAN
            ),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom,
        hemat: true,
        // up to three kinds fit one page's width; more print two to a page, the desa columns
        // repeated: ten kinds on one page would print too small to read
        halaman_lebar: (jenis.len() > 3).then_some((kolom_desa as u16, putus)),
    })
}

/// Writes every desa in scope, page by page; returns how many.
pub fn tulis(
    conn: &Connection,
    lingkup: Lingkup,
    ta: i32,
    hari_ini: NaiveDate,
    w: &mut dyn Penulis,
) -> Hasil<usize> {
    let jenis = dokumen::daftar_jenis(conn)?;
    let kec: HashMap<i64, (String, String)> = if super::banyak_kecamatan(conn, lingkup)? {
        wilayah::daftar_kecamatan(conn, lingkup, 0, i64::MAX)?
            .into_iter()
            .map(|k| (k.id, (k.kode, k.nama)))
            .collect()
    } else {
        HashMap::new()
    };
    let mut n = 0usize;
    let mut dari = 0;
    loop {
        let halaman = dokumen::halaman_dokumen(conn, lingkup, ta, "", dari, HALAMAN)?;
        if halaman.is_empty() {
            break;
        }
        dari += halaman.len() as i64;
        for b in halaman {
            n += 1;
            let mut sel: Vec<(Sel, Option<Warna>)> = vec![(Sel::Bulat(n as i64), None)];
            if let Some((kode, nama)) = kec.get(&b.kecamatan_id) {
                sel.push((Sel::teks(kode), None));
                sel.push((Sel::teks(nama), None));
            }
            sel.push((Sel::teks(&b.kode), None));
            sel.push((Sel::teks(&b.nama), None));
            for ((d, batas), j) in b.dokumen.iter().zip(&b.tenggat).zip(&jenis) {
                let tanggal = d.as_ref().and_then(|d| d.tanggal);
                match tenggat::status_jika(
                    tanggal,
                    batas.map(|(t, _)| t),
                    hari_ini,
                    tenggat::JENDELA_BAWAAN,
                ) {
                    Some(st) => sel.push((Sel::teks(st.label()), Some(warna(st)))),
                    None => sel.push((
                        Sel::teks(tenggat::label_tanpa_tenggat(tanggal.is_some())),
                        None,
                    )),
                }
                sel.push((tanggal.map_or(Sel::Kosong, Sel::Tanggal), None));
                sel.push((
                    d.as_ref()
                        .map(|d| d.nomor.clone())
                        .filter(|s| !s.is_empty())
                        .map_or(Sel::Kosong, Sel::Teks),
                    None,
                ));
                if j.berhasil {
                    sel.push((
                        d.as_ref()
                            .and_then(|d| d.hasil)
                            .map_or(Sel::Kosong, |h| Sel::teks(h.label())),
                        None,
                    ));
                }
            }
            w.baris(&sel).map_err(crate::store::Galat::TidakSah)?;
        }
    }
    Ok(n)
}
