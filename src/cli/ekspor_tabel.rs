//! `pantau ekspor status|cek FILE`: the tables of the office as `.xlsx` (or `.csv`, `-`).

use super::keluaran::cetak_galat;
use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::tenggat;
use crate::ekspor::{self, Kepala, Kolom, Sel};
use crate::store::dokumen;
use crate::store::wilayah::{self, Lingkup};

/// "Kec. Yosowilangun (35.08.07)", "Kab. Lumajang", or "semua kecamatan (12)".
pub(super) fn nama_lingkup(k: &Konteks, lingkup: Lingkup) -> Result<String, GalatCli> {
    let conn = k.store.conn();
    Ok(match lingkup {
        Lingkup::Kecamatan(id) => wilayah::kecamatan_id(conn, id)?
            .map(|x| {
                format!(
                    "Kecamatan {} ({}), Kabupaten {}",
                    x.nama, x.kode, x.kabupaten
                )
            })
            .unwrap_or_default(),
        Lingkup::Semua => {
            let daftar = wilayah::daftar_kecamatan(conn, lingkup, 0, 2)?;
            match daftar.as_slice() {
                [satu] => format!(
                    "Kecamatan {} ({}), Kabupaten {}",
                    satu.nama, satu.kode, satu.kabupaten
                ),
                _ => format!(
                    "Semua kecamatan di basis data ({})",
                    format_ribuan(wilayah::jumlah_kecamatan(conn)?)
                ),
            }
        }
    })
}

fn selesai(w: Box<dyn ekspor::Penulis>, berkas: &str, n: usize, apa: &str) -> Result<u8, GalatCli> {
    w.selesai().map_err(|e| GalatCli(vec![e]))?;
    if berkas != "-" {
        cetak_galat!("Ditulis: {berkas} ({} {apa})", format_ribuan(n as i64));
    }
    Ok(KELUAR_OK)
}

/// `pantau ekspor status FILE [--tahun TA]`: the fiscal year asked, or the one whose deadline
/// is nearest ahead (as the Desa tab opens).
pub fn status(k: &Konteks, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let ta = match tahun {
        Some(t) => t,
        None => {
            let aturan: Vec<_> = dokumen::daftar_jenis(conn)?
                .into_iter()
                .map(|j| j.aturan)
                .collect();
            tenggat::ta_terdekat(&aturan, k.hari_ini)
                .map(|(ta, _)| ta)
                .unwrap_or(chrono::Datelike::year(&k.hari_ini))
        }
    };
    let nama = nama_lingkup(k, lingkup)?;
    let kepala = ekspor::status::kepala(conn, lingkup, &nama, ta, k.hari_ini)?;
    let mut w = ekspor::penulis(berkas, kepala).map_err(|e| GalatCli(vec![e]))?;
    let n = ekspor::status::tulis(conn, lingkup, ta, k.hari_ini, w.as_mut())?;
    selesai(w, berkas, n, "desa/kelurahan")
}

/// `pantau ekspor cek FILE [--hari N]`: the daily check as a table.
pub fn cek(k: &Konteks, jendela: i64, berkas: &str) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
    let ringkasan = dokumen::ringkasan_cek(conn, lingkup, k.hari_ini, jendela, tahun_awal)?;
    let nama = nama_lingkup(k, lingkup)?;
    let kepala = Kepala {
        lembar: "Cek harian".into(),
        judul: format!("Dokumen desa lewat tenggat atau jatuh tempo dalam {jendela} hari"),
        keterangan: vec![
            nama.clone(),
            format!(
                "Keadaan pada {}: {} lewat tenggat, {} mendekati tenggat.",
                crate::domain::tanggal::format_tanggal(k.hari_ini),
                format_ribuan(ringkasan.lewat_tenggat),
                format_ribuan(ringkasan.mendekati_tenggat)
            ),
        ],
        kecamatan: nama,
        dicetak: k.hari_ini,
        kolom: vec![
            Kolom::new("No", "no", 6.0),
            Kolom::new("Tenggat", "tenggat", 11.0),
            Kolom::new("Status", "status", 17.0),
            Kolom::new("Hari", "hari", 7.0),
            Kolom::new("Dokumen", "jenis", 10.0),
            Kolom::new("TA", "tahun_anggaran", 6.0),
            Kolom::new("Kode kec.", "kode_kecamatan", 10.0),
            Kolom::new("Kecamatan", "kecamatan", 18.0),
            Kolom::new("Kode desa", "kode_desa", 15.0),
            Kolom::new("Desa/kelurahan", "desa", 24.0),
        ],
        hemat: true,
    };
    let mut w = ekspor::penulis(berkas, kepala).map_err(|e| GalatCli(vec![e]))?;
    let mut n = 0usize;
    let mut galat = None;
    dokumen::tiap_cek(conn, lingkup, &ringkasan, k.hari_ini, jendela, |x| {
        n += 1;
        let sel = [
            (Sel::Bulat(n as i64), None),
            (Sel::Tanggal(x.tenggat), None),
            (
                Sel::teks(x.status.label()),
                Some(ekspor::status::warna(x.status)),
            ),
            (Sel::Bulat(x.hari), None),
            (Sel::teks(&x.jenis), None),
            (Sel::Tahun(x.tahun_anggaran), None),
            (Sel::teks(&x.kode_kecamatan), None),
            (Sel::teks(&x.kecamatan), None),
            (Sel::teks(&x.kode_desa), None),
            (Sel::teks(&x.desa), None),
        ];
        match w.baris(&sel) {
            Ok(()) => true,
            Err(e) => {
                galat = Some(e);
                false
            }
        }
    })?;
    if let Some(e) = galat {
        return Err(GalatCli(vec![e]));
    }
    selesai(w, berkas, n, "dokumen")
}

/// `pantau ekspor matriks FILE.xlsx`: the M&E matrix in the seed's layout.
pub fn matriks(k: &Konteks, tahun: i32, berkas: &str) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let nama = nama_lingkup(k, lingkup)?;
    let kepala = ekspor::monev::kepala_matriks(conn, lingkup, &nama, tahun, k.hari_ini)?;
    let mut w = ekspor::penulis(berkas, kepala).map_err(|e| GalatCli(vec![e]))?;
    let n = ekspor::monev::tulis_matriks(conn, lingkup, tahun, w.as_mut())?;
    selesai(w, berkas, n, "baris kegiatan")
}

/// `pantau ekspor rencana FILE.xlsx`: plan-completion monitoring with every round.
pub fn rencana(k: &Konteks, tahun: i32, berkas: &str) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let nama = nama_lingkup(k, lingkup)?;
    let n = ekspor::monev::rencana(k.store.conn(), lingkup, &nama, tahun, k.hari_ini, berkas)
        .map_err(|e| GalatCli(vec![e]))?;
    if berkas != "-" {
        cetak_galat!("Ditulis: {berkas} ({} rencana)", format_ribuan(n as i64));
    }
    Ok(KELUAR_OK)
}

/// `pantau ekspor fasilitasi|iku FILE [--tahun Y]`.
pub fn laporan(k: &Konteks, apa: &str, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(chrono::Datelike::year(&k.hari_ini));
    let lingkup = k.lingkup()?;
    let nama = nama_lingkup(k, lingkup)?;
    let conn = k.store.conn();
    let (n, satuan) = if apa == "iku" {
        (
            ekspor::laporan::iku(conn, lingkup, &nama, tahun, k.hari_ini, berkas),
            "kecamatan",
        )
    } else {
        (
            ekspor::laporan::fasilitasi(conn, lingkup, &nama, tahun, k.hari_ini, berkas),
            "catatan fasilitasi",
        )
    };
    let n = n.map_err(|e| GalatCli(vec![e]))?;
    if berkas != "-" {
        cetak_galat!("Ditulis: {berkas} ({} {satuan})", format_ribuan(n as i64));
    }
    Ok(KELUAR_OK)
}
