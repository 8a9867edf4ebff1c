//! `pantau cadangkan BERKAS`: an online copy through SQLite's backup API, while others keep
//! working. An earlier pantau copy at BERKAS is replaced (a nightly cron rotates
//! `pantau-$(date +%a).db`); any other file there is refused and left as it was.

use crate::cli::keluaran::cetak;
use std::path::{Path, PathBuf};

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::store::buka::{self, Keadaan};
use crate::store::versi_skema;

/// The same file, also when written another way (`./pantau.db`, a symlink).
pub(super) fn sama(a: &Path, b: &Path) -> bool {
    let kanon = |p: &Path| -> Option<PathBuf> {
        if let Ok(k) = p.canonicalize() {
            return Some(k);
        }
        let induk = p
            .parent()
            .filter(|x| !x.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(induk.canonicalize().ok()?.join(p.file_name()?))
    };
    match (kanon(a), kanon(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The folder of `berkas` must exist: nothing creates folders unasked.
pub(super) fn folder_ada(berkas: &Path) -> Result<(), GalatCli> {
    if let Some(induk) = berkas.parent().filter(|p| !p.as_os_str().is_empty())
        && !induk.is_dir()
    {
        return Err(format!(
            "folder {} tidak ada; buat dahulu (mkdir) atau pilih berkas lain",
            induk.display()
        )
        .into());
    }
    Ok(())
}

pub fn jalankan(k: &Konteks, berkas: &Path) -> Result<u8, GalatCli> {
    if sama(berkas, &k.db) {
        return Err(format!(
            "salinan {} adalah basis data itu sendiri; pilih berkas lain",
            berkas.display()
        )
        .into());
    }
    folder_ada(berkas)?;
    let ditimpa = match buka::periksa(berkas) {
        Ok(Keadaan::TidakAda) => false,
        Ok(Keadaan::Pantau { .. }) => {
            if buka::samping(berkas, "-wal").exists() {
                return Err(format!(
                    "{} tampaknya basis data pantau yang sedang dipakai (ada {}-wal); tidak ditimpa, pilih berkas lain",
                    berkas.display(),
                    berkas.display()
                )
                .into());
            }
            true
        }
        Err(e) => {
            return Err(format!("salinan tidak ditulis, karena berkas tujuan {e}").into());
        }
    };
    k.store.cadangkan(berkas)?;
    cetak!(
        "Salinan basis data {} ditulis ke {} (skema {}){}.",
        k.db.display(),
        berkas.display(),
        versi_skema(k.store.conn())?,
        if ditimpa {
            ", menimpa salinan lama"
        } else {
            ""
        }
    );
    Ok(KELUAR_OK)
}
