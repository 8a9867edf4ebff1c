//! `x` on a tab: what the tab shows, as a workbook (or, for a KAK, a Word document) in the
//! current folder; the message says where it went.

use std::path::PathBuf;

use super::app::Konteks;
use crate::ekspor::tabel;

/// What a tab exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apa {
    /// The daily check (Beranda).
    Cek,
    /// The desa × document table of a fiscal year (Desa).
    Status(i32),
    Fasilitasi(i32),
    Iku(i32),
    Matriks(i32),
    Rencana(i32),
    /// The KAK of a kegiatan (by id) as a Word document (Kegiatan).
    Kak(i64),
}

impl Apa {
    fn nama(self) -> String {
        match self {
            Apa::Cek => "cek".into(),
            Apa::Status(ta) => format!("status-TA{ta}"),
            Apa::Fasilitasi(t) => format!("fasilitasi-{t}"),
            Apa::Iku(t) => format!("iku-{t}"),
            Apa::Matriks(t) => format!("matriks-{t}"),
            Apa::Rencana(t) => format!("rencana-{t}"),
            Apa::Kak(id) => format!("KAK-{id}"),
        }
    }
}

/// A name in the current folder (or `Konteks::folder_ekspor`) not taken yet:
/// `status-TA2027-20261202.xlsx`, then `-2`, …: a file the user may have edited stays.
fn berkas_baru(nama: &str, akhiran: &str, k: &Konteks) -> Result<PathBuf, String> {
    let folder = match &k.folder_ekspor {
        Some(f) => f.clone(),
        None => std::env::current_dir()
            .map_err(|e| format!("folder kerja tidak diketahui: {}", crate::cli::sebab_io(&e)))?,
    };
    let dasar = format!("{nama}-{}", k.hari_ini.format("%Y%m%d"));
    for n in 1..1000 {
        let nama = if n == 1 {
            format!("{dasar}.{akhiran}")
        } else {
            format!("{dasar}-{n}.{akhiran}")
        };
        let p = folder.join(nama);
        if !p.exists() {
            return Ok(p);
        }
    }
    Err(format!(
        "terlalu banyak berkas {dasar}-*.{akhiran} di {}",
        folder.display()
    ))
}

/// The KAK of kegiatan `id` as a Word document: `KAK-3.05.25.39.006-2026-20261202.docx`.
fn tulis_kak(k: &Konteks, id: i64) -> Result<String, String> {
    use crate::naskah;
    let conn = k.store.conn();
    let keg = crate::store::kegiatan::kak(conn, id)
        .map_err(|e| e.to_string())?
        .map(|x| x.kegiatan)
        .ok_or("Kegiatan ini sudah tidak ada; muat ulang.")?;
    let n = naskah::kak::dari_store(conn, id, k.hari_ini)
        .map_err(|e| e.to_string())?
        .ok_or("Kegiatan ini sudah tidak ada; muat ulang.")?;
    let isi = naskah::docx::tulis(&n)?;
    let p = berkas_baru(
        &naskah::kak::nama_berkas(&keg.kode_kegiatan, keg.tahun),
        "docx",
        k,
    )?;
    naskah::berkas::tulis_atomik(&p, &isi).map_err(|e| {
        format!(
            "{}: tidak dapat ditulis: {}",
            p.display(),
            crate::cli::sebab_io(&e)
        )
    })?;
    Ok(format!(
        "Diekspor: {} (KAK {} tahun {}).",
        p.display(),
        keg.kode_kegiatan,
        keg.tahun
    ))
}

/// Writes the file; the message for the screen.
pub fn tulis(k: &Konteks, apa: Apa) -> Result<String, String> {
    if let Apa::Kak(id) = apa {
        return tulis_kak(k, id);
    }
    let p = berkas_baru(&apa.nama(), "xlsx", k)?;
    let berkas = p.to_string_lossy().into_owned();
    let conn = k.store.conn();
    let nama = k.nama_lingkup.as_str();
    let (n, satuan) = match apa {
        Apa::Cek => {
            let awal = k.store.tahun_awal(k.hari_ini).map_err(|e| e.to_string())?;
            (
                tabel::cek(conn, k.lingkup, nama, k.hari_ini, k.jendela, awal, &berkas)?,
                "dokumen",
            )
        }
        Apa::Status(ta) => (
            tabel::status(conn, k.lingkup, nama, ta, k.hari_ini, &berkas)?,
            "desa/kelurahan",
        ),
        Apa::Matriks(t) => (
            tabel::matriks(conn, k.lingkup, nama, t, k.hari_ini, &berkas)?,
            "baris kegiatan",
        ),
        Apa::Rencana(t) => (
            crate::ekspor::monev::rencana(conn, k.lingkup, nama, t, k.hari_ini, &berkas)?,
            "rencana",
        ),
        Apa::Fasilitasi(t) => (
            crate::ekspor::laporan::fasilitasi(conn, k.lingkup, nama, t, k.hari_ini, &berkas)?,
            "catatan",
        ),
        Apa::Iku(t) => (
            crate::ekspor::laporan::iku(conn, k.lingkup, nama, t, k.hari_ini, &berkas)?,
            "kecamatan",
        ),
        Apa::Kak(id) => return tulis_kak(k, id),
    };
    Ok(format!(
        "Diekspor: {} ({} {satuan}).",
        p.display(),
        crate::domain::angka::format_ribuan(n as i64)
    ))
}
