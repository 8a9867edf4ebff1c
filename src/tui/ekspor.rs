//! `x` on a tab: what the tab shows, as a workbook in the current folder; the message says
//! where it went.

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
        }
    }
}

/// A name in the current folder not taken yet: `status-TA2027-20261202.xlsx`, then `-2`, ….
fn berkas_baru(apa: Apa, k: &Konteks) -> Result<PathBuf, String> {
    let folder = std::env::current_dir()
        .map_err(|e| format!("folder kerja tidak diketahui: {}", crate::cli::sebab_io(&e)))?;
    let dasar = format!("{}-{}", apa.nama(), k.hari_ini.format("%Y%m%d"));
    for n in 1..1000 {
        let nama = if n == 1 {
            format!("{dasar}.xlsx")
        } else {
            format!("{dasar}-{n}.xlsx")
        };
        let p = folder.join(nama);
        if !p.exists() {
            return Ok(p);
        }
    }
    Err(format!(
        "terlalu banyak berkas {dasar}-*.xlsx di {}",
        folder.display()
    ))
}

/// Writes the file; the message for the screen.
pub fn tulis(k: &Konteks, apa: Apa) -> Result<String, String> {
    let p = berkas_baru(apa, k)?;
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
    };
    Ok(format!(
        "Diekspor: {} ({} {satuan}).",
        p.display(),
        crate::domain::angka::format_ribuan(n as i64)
    ))
}
