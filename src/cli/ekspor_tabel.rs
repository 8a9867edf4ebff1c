//! `pantau ekspor status|cek FILE`: the tables of the office as `.xlsx` (or `.csv`, `-`).

use super::keluaran::cetak_galat;
use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::tenggat;
use crate::ekspor;
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
                .filter_map(|j| j.tetap())
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
    let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
    let nama = nama_lingkup(k, lingkup)?;
    let n = ekspor::tabel::cek(
        k.store.conn(),
        lingkup,
        &nama,
        k.hari_ini,
        jendela,
        tahun_awal,
        berkas,
    )
    .map_err(|e| GalatCli(vec![e]))?;
    if berkas != "-" {
        cetak_galat!("Ditulis: {berkas} ({} dokumen)", format_ribuan(n as i64));
    }
    Ok(KELUAR_OK)
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
