//! Each table as one call, for the command line and the interface alike: what is written,
//! into `berkas` (its format from its name), and how many rows.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Kepala, Kolom, Sel};
use crate::domain::angka::format_ribuan;
use crate::store::dokumen;
use crate::store::wilayah::Lingkup;

/// The desa × document table of fiscal year `ta`.
pub fn status(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    ta: i32,
    hari_ini: NaiveDate,
    berkas: &str,
) -> Result<usize, String> {
    let kepala = super::status::kepala(conn, lingkup, nama_lingkup, ta, hari_ini)
        .map_err(|e| e.to_string())?;
    let mut w = super::penulis(berkas, kepala)?;
    let n =
        super::status::tulis(conn, lingkup, ta, hari_ini, w.as_mut()).map_err(|e| e.to_string())?;
    w.selesai()?;
    Ok(n)
}

/// The M&E matrix of year `tahun`.
pub fn matriks(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    tahun: i32,
    hari_ini: NaiveDate,
    berkas: &str,
) -> Result<usize, String> {
    let kepala = super::monev::kepala_matriks(conn, lingkup, nama_lingkup, tahun, hari_ini)
        .map_err(|e| e.to_string())?;
    let mut w = super::penulis(berkas, kepala)?;
    let n =
        super::monev::tulis_matriks(conn, lingkup, tahun, w.as_mut()).map_err(|e| e.to_string())?;
    w.selesai()?;
    Ok(n)
}

/// What the daily check says beside an item: the office's own task, an estimated deadline.
fn keterangan_cek(x: &dokumen::ItemCek) -> Sel {
    let mut v = Vec::new();
    if x.pelaku == crate::domain::aturan::Pelaku::Camat {
        v.push("tugas kantor kecamatan (evaluasi camat)".to_string());
    }
    if x.perkiraan {
        v.push("tenggat perkiraan: hari libur tahun itu belum dimuat".to_string());
    }
    if v.is_empty() {
        Sel::Kosong
    } else {
        Sel::Teks(v.join("; "))
    }
}

/// The daily check: what is overdue or due within `jendela` days.
pub fn cek(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
    berkas: &str,
) -> Result<usize, String> {
    let g = |e: crate::store::Galat| e.to_string();
    let ringkasan =
        dokumen::ringkasan_cek(conn, lingkup, hari_ini, jendela, tahun_awal).map_err(g)?;
    let kepala = Kepala {
        lembar: "Cek harian".into(),
        judul: format!("Dokumen desa lewat tenggat atau jatuh tempo dalam {jendela} hari"),
        keterangan: vec![
            nama_lingkup.to_string(),
            format!(
                "Keadaan pada {}: {} lewat tenggat, {} mendekati tenggat; {} di antaranya tugas kantor kecamatan.",
                crate::domain::tanggal::format_tanggal(hari_ini),
                format_ribuan(ringkasan.lewat_tenggat),
                format_ribuan(ringkasan.mendekati_tenggat),
                format_ribuan(ringkasan.tugas_kantor)
            ),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom: vec![
            Kolom::new("No", "no", 6.0),
            Kolom::new("Tenggat", "tenggat", 11.0),
            Kolom::new("Status", "status", 17.0),
            Kolom::new("Hari", "hari", 7.0),
            Kolom::new("Dokumen", "jenis", 13.0),
            Kolom::new("TA", "tahun_anggaran", 6.0),
            Kolom::new("Kode kec.", "kode_kecamatan", 10.0),
            Kolom::new("Kecamatan", "kecamatan", 18.0),
            Kolom::new("Kode desa", "kode_desa", 15.0),
            Kolom::new("Desa/kelurahan", "desa", 24.0),
            Kolom::new("Keterangan", "keterangan", 30.0),
        ],
        hemat: true,
        halaman_lebar: None,
    };
    let mut w = super::penulis(berkas, kepala)?;
    let mut n = 0usize;
    let mut galat = None;
    dokumen::tiap_cek(conn, lingkup, &ringkasan, hari_ini, jendela, |x| {
        n += 1;
        let sel = [
            (Sel::Bulat(n as i64), None),
            (Sel::Tanggal(x.tenggat), None),
            (
                Sel::teks(x.status.label()),
                Some(super::status::warna(x.status)),
            ),
            (Sel::Bulat(x.hari), None),
            (Sel::teks(&x.jenis), None),
            (Sel::Tahun(x.tahun_anggaran), None),
            (Sel::teks(&x.kode_kecamatan), None),
            (Sel::teks(&x.kecamatan), None),
            (Sel::teks(&x.kode_desa), None),
            (Sel::teks(&x.desa), None),
            (keterangan_cek(&x), None),
        ];
        match w.baris(&sel) {
            Ok(()) => true,
            Err(e) => {
                galat = Some(e);
                false
            }
        }
    })
    .map_err(g)?;
    if let Some(e) = galat {
        return Err(e);
    }
    w.selesai()?;
    Ok(n)
}
