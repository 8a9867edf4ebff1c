//! `pantau init [--contoh]`

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::cli::keluaran::cetak;
use crate::domain::angka::format_ribuan;
use crate::store::contoh::{self, HasilContoh};
use crate::store::versi_skema;

pub fn jalankan(k: &mut Konteks, muat_contoh: bool) -> Result<u8, GalatCli> {
    if k.baru {
        cetak!("Basis data dibuat: {}", k.db.display());
    } else {
        cetak!(
            "Basis data sudah ada: {} (skema versi {})",
            k.db.display(),
            versi_skema(k.store.conn())?
        );
    }
    if muat_contoh {
        match contoh::muat(&mut k.store, k.hari_ini)? {
            HasilContoh::Dimuat {
                desa,
                dokumen,
                fasilitasi,
                responden,
            } => {
                cetak!(
                    "Kecamatan contoh Yosowilangun ({}) dimuat: {desa} desa, 2 kegiatan, {} tanggal dokumen,",
                    contoh::KODE_KECAMATAN,
                    format_ribuan(dokumen as i64)
                );
                cetak!(
                    "{} catatan fasilitasi dan {} responden IKM. Data rekaan ditandai \"contoh\".",
                    format_ribuan(fasilitasi as i64),
                    format_ribuan(responden as i64)
                );
            }
            HasilContoh::SudahAda => cetak!(
                "Kecamatan {} sudah ada di basis data; contoh tidak dimuat ulang, tidak ada yang diubah.",
                contoh::KODE_KECAMATAN
            ),
        }
    }
    Ok(KELUAR_OK)
}
