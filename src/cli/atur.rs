//! `pantau atur tahun-awal T`

use crate::cli::keluaran::cetak;
use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks, Pengaturan};

pub fn jalankan(k: &mut Konteks, apa: Pengaturan) -> Result<u8, GalatCli> {
    match apa {
        Pengaturan::TahunAwal { tahun } => {
            let batas_atas = k.hari_ini.year() + 1;
            let t: i32 = tahun.trim().parse().map_err(|_| {
                format!("tahun awal '{tahun}' bukan tahun (contoh: pantau atur tahun-awal 2024)")
            })?;
            if !(2000..=batas_atas).contains(&t) {
                return Err(format!("tahun awal {t} harus antara 2000 dan {batas_atas}").into());
            }
            let lama = k.store.tahun_awal(k.hari_ini)?;
            k.store.atur("tahun_awal", &t.to_string())?;
            cetak!("Tahun anggaran pertama yang dilacak: {t} (sebelumnya {lama}).");
            Ok(KELUAR_OK)
        }
    }
}
