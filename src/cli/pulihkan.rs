//! `pantau pulihkan BERKAS`: check the copy (integrity, application id, schema), keep the
//! current database beside it, then write the copy into the live database through the
//! backup API, so that connections still open see the restored data instead of a file
//! replaced under them.

use crate::cli::keluaran::cetak;
use std::path::Path;

use super::cadangkan::sama;
use super::{GalatCli, KELUAR_OK, Konteks};
use crate::store::{Mode, Store, buka, versi_terbaru};

pub fn jalankan(k: &mut Konteks, berkas: &Path) -> Result<u8, GalatCli> {
    if sama(berkas, &k.db) {
        return Err(format!(
            "salinan {} adalah basis data itu sendiri; tidak ada yang dipulihkan",
            berkas.display()
        )
        .into());
    }
    let (salinan, versi) = buka::periksa_salinan(berkas)?;
    let lama = matches!(
        buka::periksa(berkas)?,
        crate::store::Keadaan::Pantau { lama: true, .. }
    );
    let simpan = buka::nama_cadangan(&k.db, "sebelum-pulih", "");
    k.store.pulihkan_dari(&salinan, &simpan)?;
    drop(salinan);
    cetak!(
        "Basis data {} dipulihkan dari {} (skema {versi}); basis data sebelumnya disimpan di {}.",
        k.db.display(),
        berkas.display(),
        simpan.display()
    );
    if versi < versi_terbaru() || lama {
        // the copy's older schema is upgraded now, with the usual backup beside the file
        let store = Store::buka_dengan(&k.db, Mode::Tulis)?;
        if let Some(p) = store.pembaruan() {
            cetak!(
                "Skema basis data diperbarui dari versi {} ke {}; salinan sebelumnya: {}",
                p.dari,
                p.ke,
                p.cadangan.display()
            );
        }
        k.store = store;
    }
    Ok(KELUAR_OK)
}
