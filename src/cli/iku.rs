//! `pantau iku [--tahun Y] [--json]`: IKU 1, IKU 2 and IKM per kecamatan.

use chrono::Datelike;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::{Seratus, format_desimal, format_persen, format_ribuan};
use crate::domain::indikator::{self, Ikm, NAMA_IKM, NAMA_IKU1, NAMA_IKU2, Persentase};
use crate::store::wilayah::{self, Kecamatan, Lingkup};
use crate::store::{Hasil, Store, dokumen, fasilitasi, ikm};

/// The indicators of one kecamatan for one performance year.
pub struct IkuKecamatan {
    pub kecamatan: Kecamatan,
    pub jumlah_desa: i64,
    pub iku1: Persentase,
    pub iku2: Persentase,
    /// (kind, fiscal year, desa on time)
    pub rincian: Vec<(String, i32, i64)>,
    pub ikm: Option<Ikm>,
}

pub fn hitung(store: &Store, kec: Kecamatan, tahun: i32) -> Hasil<IkuKecamatan> {
    let conn = store.conn();
    let lingkup = Lingkup::Kecamatan(kec.id);
    let jumlah_desa = wilayah::jumlah_desa_dilacak(conn, lingkup)?;
    let (ya, semua) = fasilitasi::iku1(conn, lingkup, tahun)?;
    let rincian: Vec<(String, i32, i64)> = dokumen::iku2_rincian(conn, kec.id, tahun)?
        .into_iter()
        .map(|(j, ta, n)| (j.kode, ta, n))
        .collect();
    let tepat: Vec<i64> = rincian.iter().map(|r| r.2).collect();
    let (skor, n) = ikm::jumlah_skor(conn, lingkup, tahun)?;
    Ok(IkuKecamatan {
        kecamatan: kec,
        jumlah_desa,
        iku1: indikator::iku1(ya, semua),
        iku2: indikator::iku2(&tepat, jumlah_desa),
        rincian,
        ikm: indikator::hitung_ikm(skor, n),
    })
}

fn nilai(v: Option<Seratus>) -> Value {
    v.map(|s| json!(s.ke_f64())).unwrap_or(Value::Null)
}

fn ke_json(x: &IkuKecamatan) -> Value {
    let mut rincian = Map::new();
    for (jenis, ta, n) in &x.rincian {
        rincian.insert(
            jenis.clone(),
            json!({"tahun_anggaran": ta, "tepat_waktu": n}),
        );
    }
    let ikm = match &x.ikm {
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
        "jumlah_desa": x.jumlah_desa,
        "iku": [
            {"kode": "IKU1", "nama": NAMA_IKU1, "pembilang": x.iku1.pembilang,
             "penyebut": x.iku1.penyebut, "nilai": nilai(x.iku1.nilai())},
            {"kode": "IKU2", "nama": NAMA_IKU2, "pembilang": x.iku2.pembilang,
             "penyebut": x.iku2.penyebut, "nilai": nilai(x.iku2.nilai()), "rincian": rincian},
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
                .push(ke_json(&hitung(&k.store, kec, tahun)?));
        }
        let teks = serde_json::to_string_pretty(&keluaran)
            .map_err(|e| format!("JSON tidak dapat dibuat: {e}"))?;
        println!("{teks}");
        return Ok(KELUAR_OK);
    }
    if daftar.is_empty() {
        println!(
            "Belum ada kecamatan di basis data {}.\nMuat contoh dengan: pantau init --contoh",
            k.db.display()
        );
        return Ok(KELUAR_OK);
    }
    println!("Indikator kinerja tahun {tahun}");
    for kec in daftar {
        let x = hitung(&k.store, kec, tahun)?;
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
    println!();
    println!(
        "Kecamatan {} ({}), {} desa",
        x.kecamatan.nama, x.kecamatan.kode, x.jumlah_desa
    );
    println!("  IKU 1  Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti");
    println!("         {}", persen(&x.iku1));
    println!("  IKU 2  Rata-rata persentase desa yang menyusun dokumen administrasi");
    println!("         pemerintahan desa tepat waktu");
    println!("         {}", persen(&x.iku2));
    let rincian: Vec<String> = x
        .rincian
        .iter()
        .map(|(j, ta, n)| format!("{j} TA {ta}: {n}"))
        .collect();
    println!("         tepat waktu: {}", rincian.join(", "));
    println!("  IKM    Nilai Indeks Kepuasan Masyarakat");
    match &x.ikm {
        Some(i) => {
            println!(
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
            println!("         NRR: {}", unsur[..5].join("  "));
            println!("              {}", unsur[5..].join("  "));
        }
        None => println!("         belum ada responden: belum ada nilai"),
    }
}
