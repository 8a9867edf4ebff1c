//! `pantau kegiatan salin [KODE] --dari Y --ke Y2` (a new year from the last),
//! `pantau impor kak BERKAS.toml` (a KAK handed over as a file) and the choice of the one
//! kegiatan `ekspor kak KODE` means.

use super::keluaran::cetak;
use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::teks::aman;
use crate::store::kegiatan::{self, Kegiatan};
use crate::store::wilayah::{self, Lingkup};

fn nama_kecamatan(k: &Konteks, id: i64) -> Result<String, GalatCli> {
    Ok(wilayah::kecamatan_id(k.store.conn(), id)?
        .map(|x| format!("{} {}", x.kode, aman(&x.nama)))
        .unwrap_or_default())
}

/// The one kegiatan with code `kode` of year `tahun` in scope; otherwise says what there is
/// and how to choose: the years it exists in (`--tahun`), the kecamatan that have it
/// (`--kecamatan`).
pub fn pilih(k: &Konteks, tahun: i32, kode: &str) -> Result<Kegiatan, GalatCli> {
    let lingkup = k.lingkup()?;
    let semua = kegiatan::cari_kode(k.store.conn(), lingkup, kode)?;
    let tahun_ini: Vec<&Kegiatan> = semua.iter().filter(|x| x.tahun == tahun).collect();
    let kode = aman(kode.trim());
    match tahun_ini.as_slice() {
        [satu] => Ok((*satu).clone()),
        [] => {
            let mut tahun_lain: Vec<String> = semua.iter().map(|x| x.tahun.to_string()).collect();
            tahun_lain.dedup();
            let di = match lingkup {
                Lingkup::Kecamatan(id) => format!(" di kecamatan {}", nama_kecamatan(k, id)?),
                Lingkup::Semua => String::new(),
            };
            Err(match tahun_lain.first() {
                Some(th) => format!(
                    "kegiatan {kode} tahun {tahun} tidak ada{di}; ada di tahun {}: pilih dengan --tahun {th}",
                    tahun_lain.join(", ")
                ),
                None => format!("kegiatan {kode} tahun {tahun} tidak ada{di}"),
            }
            .into())
        }
        banyak => {
            let mut nama = Vec::new();
            for x in banyak.iter().take(5) {
                nama.push(nama_kecamatan(k, x.kecamatan_id)?);
            }
            if banyak.len() > 5 {
                nama.push(format!(
                    "dan {} lainnya",
                    format_ribuan(banyak.len() as i64 - 5)
                ));
            }
            let contoh = wilayah::kecamatan_id(k.store.conn(), banyak[0].kecamatan_id)?
                .map(|x| x.kode)
                .unwrap_or_default();
            Err(format!(
                "kegiatan {kode} tahun {tahun} ada di {} kecamatan ({}); pilih satu dengan --kecamatan, misalnya: pantau --kecamatan {contoh} ekspor kak {kode} BERKAS",
                format_ribuan(banyak.len() as i64),
                nama.join(", ")
            )
            .into())
        }
    }
}

/// `kegiatan salin`: one code (in every kecamatan of the scope) or all of year `dari`.
pub fn salin(
    k: &mut Konteks,
    kode: Option<&str>,
    dari: Option<i32>,
    ke: Option<i32>,
) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let dari = dari.unwrap_or(k.hari_ini.year());
    let ke = ke.unwrap_or(dari + 1);
    let ids = k
        .store
        .transaksi(|tx| kegiatan::salin_tahun(tx, lingkup, kode, dari, ke))?;
    let geser = if ke == dari + 1 {
        format!("N-1 menjadi N-2, tahun {dari} menjadi N-1")
    } else {
        format!("{} tahun", ke - dari)
    };
    cetak!(
        "Disalin ke tahun {ke}: {} kegiatan tahun {dari}, dengan seluruh KAK; riwayat anggaran digeser ({geser}); realisasi dan tanda selesai jadwal kosong.",
        format_ribuan(ids.len() as i64)
    );
    for id in ids {
        if let Some(x) = kegiatan::kak(k.store.conn(), id)? {
            cetak!(
                "  {} {} · Kecamatan {}",
                aman(&x.kegiatan.kode_kegiatan),
                aman(&x.kegiatan.nama_kegiatan),
                nama_kecamatan(k, x.kegiatan.kecamatan_id)?
            );
        }
    }
    Ok(KELUAR_OK)
}

/// `impor kak BERKAS`: a KAK file into one kecamatan (`--kecamatan`, or the only one), for
/// `--tahun` or the file's year; all or nothing.
pub fn impor(k: &mut Konteks, berkas: &str, tahun: Option<i32>) -> Result<u8, GalatCli> {
    let (nama, isi) = super::impor::baca_berkas(berkas)?;
    let nama_aman = aman(&nama).into_owned();
    let batal = |mut v: Vec<String>| {
        let n = v.len();
        v.push(format!(
            "{nama_aman}: impor dibatalkan ({} masalah); tidak ada yang disimpan",
            format_ribuan(n as i64)
        ));
        GalatCli(v)
    };
    let teks = String::from_utf8(isi)
        .map_err(|_| batal(vec![format!("{nama_aman}: bukan teks UTF-8")]))?;
    let (tahun_berkas, kak) = kegiatan::dari_toml(&nama, teks.trim_start_matches('\u{feff}'))
        .map_err(|v| batal(v.iter().map(|b| aman(b).into_owned()).collect()))?;
    let kecamatan_id = match k.lingkup()? {
        Lingkup::Kecamatan(id) => id,
        Lingkup::Semua => {
            let semua = wilayah::daftar_kecamatan(k.store.conn(), Lingkup::Semua, 0, 2)?;
            match semua.as_slice() {
                [satu] => satu.id,
                [] => {
                    return Err(
                        "belum ada kecamatan; muat desa dulu: pantau impor desa BERKAS"
                            .to_string()
                            .into(),
                    );
                }
                _ => {
                    return Err(format!(
                        "basis data berisi {} kecamatan: pilih kecamatan tujuan dengan --kecamatan, misalnya: pantau --kecamatan {} impor kak {}",
                        format_ribuan(wilayah::jumlah_kecamatan(k.store.conn())?),
                        semua[0].kode,
                        aman(berkas)
                    )
                    .into());
                }
            }
        }
    };
    let tahun = tahun.or(tahun_berkas).unwrap_or(k.hari_ini.year());
    let id = k
        .store
        .transaksi(|tx| kegiatan::tambah_kak(tx, kecamatan_id, tahun, &kak))
        .map_err(|e| batal(vec![format!("{nama_aman}: {}", aman(&e.to_string()))]))?;
    cetak!(
        "Diimpor dari {nama_aman}: kegiatan {} tahun {tahun} untuk Kecamatan {}: {} indikator, {} butir, {} riwayat anggaran, {} rencana biaya, {} tahapan.",
        aman(&kak.kegiatan.kode_kegiatan),
        nama_kecamatan(k, kecamatan_id)?,
        kak.indikator.len(),
        kak.butir.len(),
        kak.anggaran.len(),
        kak.biaya.len(),
        kak.tahapan.len()
    );
    let _ = id;
    Ok(KELUAR_OK)
}
