//! `pantau cek [--hari N] [--json]`: the daily check.

use serde::Serialize;

use super::{GalatCli, KELUAR_LEWAT_TENGGAT, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::tanggal::{format_iso, format_tanggal};
use crate::domain::teks::potong;
use crate::domain::tenggat::Status;
use crate::store::dokumen::{self, ItemCek};
use crate::store::wilayah::{self, Lingkup};

#[derive(Serialize)]
struct Ringkasan {
    lewat_tenggat: usize,
    mendekati_tenggat: usize,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    kode_kecamatan: &'a str,
    kecamatan: &'a str,
    kode_desa: &'a str,
    desa: &'a str,
    jenis: &'a str,
    tahun_anggaran: i32,
    tenggat: String,
    status: &'static str,
    hari: i64,
}

#[derive(Serialize)]
struct CekJson<'a> {
    tanggal: String,
    hari: i64,
    ringkasan: Ringkasan,
    dokumen: Vec<ItemJson<'a>>,
}

pub fn jalankan(k: &Konteks, jendela: i64, json: bool) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    if wilayah::jumlah_kecamatan(k.store.conn())? == 0 {
        // an empty database (often a mistyped --db) must not read as "nothing overdue"
        let db = k.db.display();
        return Err(GalatCli(vec![
            format!("belum ada kecamatan di basis data {db}; tidak ada yang dapat dicek"),
            format!("muat contoh: pantau --db {db} init --contoh"),
            format!("atau impor desa: pantau --db {db} impor desa BERKAS"),
        ]));
    }
    let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
    let item = dokumen::cek(k.store.conn(), lingkup, k.hari_ini, jendela, tahun_awal)?;
    let lewat = item
        .iter()
        .filter(|i| i.status == Status::LewatTenggat)
        .count();
    let dekat = item.len() - lewat;
    if json {
        let keluaran = CekJson {
            tanggal: format_iso(k.hari_ini),
            hari: jendela,
            ringkasan: Ringkasan {
                lewat_tenggat: lewat,
                mendekati_tenggat: dekat,
            },
            dokumen: item.iter().map(item_json).collect(),
        };
        let teks = serde_json::to_string_pretty(&keluaran)
            .map_err(|e| format!("JSON tidak dapat dibuat: {e}"))?;
        println!("{teks}");
    } else {
        cetak_teks(k, lingkup, jendela, &item, lewat, dekat)?;
    }
    Ok(if lewat > 0 {
        KELUAR_LEWAT_TENGGAT
    } else {
        KELUAR_OK
    })
}

fn item_json(i: &ItemCek) -> ItemJson<'_> {
    ItemJson {
        kode_kecamatan: &i.kode_kecamatan,
        kecamatan: &i.kecamatan,
        kode_desa: &i.kode_desa,
        desa: &i.desa,
        jenis: &i.jenis,
        tahun_anggaran: i.tahun_anggaran,
        tenggat: format_iso(i.tenggat),
        status: i.status.kode(),
        hari: i.hari,
    }
}

fn cetak_teks(
    k: &Konteks,
    lingkup: Lingkup,
    jendela: i64,
    item: &[ItemCek],
    lewat: usize,
    dekat: usize,
) -> Result<(), GalatCli> {
    let cakupan = match lingkup {
        Lingkup::Kecamatan(id) => wilayah::kecamatan_id(k.store.conn(), id)?
            .map(|kec| format!("Kec. {} {}", kec.nama, kec.kode))
            .unwrap_or_default(),
        Lingkup::Semua => match wilayah::jumlah_kecamatan(k.store.conn())? {
            1 => wilayah::daftar_kecamatan(k.store.conn(), Lingkup::Semua, 0, 1)?
                .first()
                .map(|kec| format!("Kec. {} {}", kec.nama, kec.kode))
                .unwrap_or_default(),
            n => format!("{} kecamatan", format_ribuan(n)),
        },
    };
    println!(
        "{} lewat tenggat, {} mendekati tenggat ({jendela} hari) · {} · {cakupan}",
        format_ribuan(lewat as i64),
        format_ribuan(dekat as i64),
        format_tanggal(k.hari_ini)
    );
    if item.is_empty() {
        println!("Tidak ada dokumen yang lewat tenggat atau jatuh tempo dalam {jendela} hari.");
        return Ok(());
    }
    println!(
        "{:<10} {:<17} {:>5} {:<13} {:<14} Dokumen",
        "Tenggat", "Status", "Hari", "Kode desa", "Desa"
    );
    for i in item {
        println!(
            "{:<10} {:<17} {:>5} {:<13} {:<14} {} {}",
            format_tanggal(i.tenggat),
            i.status.label(),
            i.hari,
            i.kode_desa,
            potong(&i.desa, 14),
            i.jenis,
            i.tahun_anggaran
        );
    }
    Ok(())
}
