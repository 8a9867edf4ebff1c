//! `pantau atur tahun-awal T`, `pantau atur profil [--camat …]`

use crate::cli::keluaran::cetak;
use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks, OpsiProfil, Pengaturan};
use crate::domain::angka::format_ribuan;
use crate::domain::teks::aman;
use crate::store::profil::{self, Profil, UbahProfil, format_nip};
use crate::store::wilayah::{self, Lingkup};

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
        Pengaturan::Profil(o) => atur_profil(k, o),
    }
}

/// The one kecamatan a command about a single kecamatan means: `--kecamatan`, or the only one.
pub fn satu_kecamatan(k: &Konteks, perintah: &str) -> Result<i64, GalatCli> {
    match k.lingkup()? {
        Lingkup::Kecamatan(id) => Ok(id),
        Lingkup::Semua => {
            let semua = wilayah::daftar_kecamatan(k.store.conn(), Lingkup::Semua, 0, 2)?;
            match semua.as_slice() {
                [satu] => Ok(satu.id),
                [] => Err("belum ada kecamatan; muat desa dulu: pantau impor desa BERKAS"
                    .to_string()
                    .into()),
                _ => Err(format!(
                    "basis data berisi {} kecamatan: pilih satu dengan --kecamatan, misalnya: pantau --kecamatan {} {perintah}",
                    format_ribuan(wilayah::jumlah_kecamatan(k.store.conn())?),
                    semua[0].kode
                )
                .into()),
            }
        }
    }
}

/// The profile as lines, empty fields named as such.
pub fn baris_profil(p: &Profil) -> Vec<String> {
    let isi = |s: &str| {
        if s.trim().is_empty() {
            "(belum diisi)".to_string()
        } else {
            aman(s).into_owned()
        }
    };
    let tempat = if p.tempat.trim().is_empty() {
        format!("(belum diisi; dipakai: {})", aman(p.tempat_ttd()))
    } else {
        aman(&p.tempat).into_owned()
    };
    let pola = if p.pola_nomor.trim().is_empty() {
        format!("(belum diisi; dipakai: {})", profil::POLA_BAWAAN)
    } else {
        aman(&p.pola_nomor).into_owned()
    };
    vec![
        format!("Kecamatan  : {} {}", p.kode, aman(&p.nama)),
        format!("Alamat     : {}", isi(&p.alamat)),
        format!("Telepon    : {}", isi(&p.telepon)),
        format!("Kode pos   : {}", isi(&p.kode_pos)),
        format!("Camat      : {}", isi(&p.camat)),
        format!("NIP        : {}", isi(&format_nip(&p.nip))),
        format!("Tempat     : {tempat}"),
        format!("Pola nomor : {pola}"),
    ]
}

fn atur_profil(k: &mut Konteks, o: OpsiProfil) -> Result<u8, GalatCli> {
    let id = satu_kecamatan(k, "atur profil --camat NAMA")?;
    let ubah = UbahProfil {
        alamat: o.alamat,
        telepon: o.telepon,
        kode_pos: o.kode_pos,
        camat: o.camat,
        nip: o.nip,
        tempat: o.tempat,
        pola_nomor: o.pola_nomor,
    };
    if ubah.kosong() {
        let p = profil::profil(k.store.conn(), id)?.ok_or("kecamatan tidak ada".to_string())?;
        for b in baris_profil(&p) {
            cetak!("{b}");
        }
        return Ok(KELUAR_OK);
    }
    let (lama, baru) = k
        .store
        .transaksi(|tx| profil::ubah_profil(tx, id, None, &ubah))?;
    cetak!(
        "Profil kecamatan {} {} diubah:",
        baru.kode,
        aman(&baru.nama)
    );
    for (a, b) in baris_profil(&lama).iter().zip(baris_profil(&baru)) {
        if *a != b {
            cetak!("  {b}");
        }
    }
    Ok(KELUAR_OK)
}
