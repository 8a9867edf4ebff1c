//! `pantau iku [--tahun Y] [--json]`: IKU 1, IKU 2 and IKM per kecamatan.

use crate::cli::keluaran::cetak;
use chrono::Datelike;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::{Seratus, format_desimal, format_persen, format_ribuan};
use crate::domain::indikator::{NAMA_IKM, NAMA_IKU1, NAMA_IKU2, Persentase};
use crate::domain::teks::aman;
use crate::store::indikator::{IkuKecamatan, hitung};
use crate::store::wilayah;

fn nilai(v: Option<Seratus>) -> Value {
    v.map(|s| json!(s.ke_f64())).unwrap_or(Value::Null)
}

fn ke_json(x: &IkuKecamatan) -> Value {
    let mut rincian = Map::new();
    for (jenis, ta, n) in &x.iku.rincian {
        rincian.insert(
            jenis.clone(),
            json!({"tahun_anggaran": ta, "tepat_waktu": n}),
        );
    }
    let ikm = match &x.iku.ikm {
        Some(i) => json!({
            "kode": "IKM", "nama": NAMA_IKM, "responden": i.responden,
            "nilai": i.nilai.ke_f64(), "mutu": i.mutu.huruf(), "kinerja": i.mutu.kinerja(),
            "unsur": i.unsur.iter().map(|u| u.ke_f64()).collect::<Vec<_>>(),
        }),
        None => json!({
            "kode": "IKM", "nama": NAMA_IKM, "responden": 0,
            "nilai": null, "mutu": null, "kinerja": null, "unsur": [],
        }),
    };
    json!({
        "kode": x.kecamatan.kode,
        "nama": x.kecamatan.nama,
        "jumlah_desa": x.iku.jumlah_desa,
        "iku": [
            {"kode": "IKU1", "nama": NAMA_IKU1, "pembilang": x.iku.iku1.pembilang,
             "penyebut": x.iku.iku1.penyebut, "nilai": nilai(x.iku.iku1.nilai())},
            {"kode": "IKU2", "nama": NAMA_IKU2, "pembilang": x.iku.iku2.pembilang,
             "penyebut": x.iku.iku2.penyebut, "nilai": nilai(x.iku.iku2.nilai()), "rincian": rincian},
            ikm,
        ],
    })
}

#[derive(Serialize)]
struct IkuJson {
    tahun: i32,
    kecamatan: Vec<Value>,
}

pub fn jalankan(k: &Konteks, tahun: Option<i32>, json: bool) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    let lingkup = k.lingkup()?;
    let daftar = wilayah::daftar_kecamatan(k.store.conn(), lingkup, 0, i64::MAX)?;
    if json {
        let mut keluaran = IkuJson {
            tahun,
            kecamatan: Vec::with_capacity(daftar.len()),
        };
        for kec in daftar {
            keluaran
                .kecamatan
                .push(ke_json(&hitung(k.store.conn(), kec, tahun)?));
        }
        let teks = serde_json::to_string_pretty(&keluaran)
            .map_err(|e| format!("JSON tidak dapat dibuat: {e}"))?;
        println!("{}", crate::cli::keluaran::json(&teks));
        return Ok(KELUAR_OK);
    }
    if daftar.is_empty() {
        let db = k.db.display();
        cetak!(
            "Belum ada kecamatan di basis data {db}.\nMuat contoh: pantau --db {db} init --contoh\natau impor desa: pantau --db {db} impor desa BERKAS"
        );
        return Ok(KELUAR_OK);
    }
    cetak!("Indikator kinerja tahun {tahun}");
    for kec in daftar {
        let x = hitung(k.store.conn(), kec, tahun)?;
        cetak(&x);
    }
    Ok(KELUAR_OK)
}

fn persen(p: &Persentase) -> String {
    match p.nilai() {
        Some(_) => format!(
            "{} dari {} = {}",
            format_ribuan(p.pembilang),
            format_ribuan(p.penyebut),
            format_persen(p.nilai())
        ),
        None => format!(
            "{} dari {}: belum ada nilai (penyebut 0)",
            format_ribuan(p.pembilang),
            format_ribuan(p.penyebut)
        ),
    }
}

fn cetak(x: &IkuKecamatan) {
    cetak!();
    // names come from the database, perhaps written before control characters were refused
    cetak!(
        "Kecamatan {} ({}), {} desa",
        aman(&x.kecamatan.nama),
        aman(&x.kecamatan.kode),
        format_ribuan(x.iku.jumlah_desa)
    );
    cetak!("  IKU 1  Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti");
    cetak!("         {}", persen(&x.iku.iku1));
    cetak!("  IKU 2  Rata-rata persentase desa yang menyusun dokumen administrasi");
    cetak!("         pemerintahan desa tepat waktu");
    cetak!("         {}", persen(&x.iku.iku2));
    let rincian: Vec<String> = x
        .iku
        .rincian
        .iter()
        .map(|(j, ta, n)| format!("{} TA {ta}: {}", aman(j), format_ribuan(*n)))
        .collect();
    cetak!("         tepat waktu: {}", rincian.join(", "));
    cetak!("  IKM    Nilai Indeks Kepuasan Masyarakat");
    match &x.iku.ikm {
        Some(i) => {
            cetak!(
                "         {} (mutu {}, {}), {} responden",
                format_desimal(i.nilai),
                i.mutu.huruf(),
                i.mutu.kinerja(),
                format_ribuan(i.responden)
            );
            let unsur: Vec<String> = i
                .unsur
                .iter()
                .enumerate()
                .map(|(n, u)| format!("U{} {}", n + 1, format_desimal(*u)))
                .collect();
            cetak!("         NRR: {}", unsur[..5].join("  "));
            cetak!("              {}", unsur[5..].join("  "));
        }
        None => cetak!("         belum ada responden: belum ada nilai"),
    }
}
