//! The history of one row, from the audit log (`store::audit::riwayat`), for the `r` key.

use serde_json::Value;

use super::app::Konteks;
use crate::domain::teks::potong;
use crate::store::audit::{self, Saring};

/// Columns that say nothing to a person on this screen (keys and order).
fn tersembunyi(kolom: &str) -> bool {
    kolom == "id" || kolom == "urutan" || kolom.ends_with("_id")
}

fn nilai(v: &Value) -> String {
    match v {
        Value::Null => "–".into(),
        Value::String(s) if s.is_empty() => "\"\"".into(),
        Value::String(s) => potong(s, 300),
        v => v.to_string(),
    }
}

/// Lines of the row's history, newest first (or why there are none).
pub fn baris(k: &Konteks, tabel: &str, id: i64) -> Vec<String> {
    let saring = Saring {
        tabel: Some(tabel.into()),
        baris: Some(id),
        batas: 200,
        ..Default::default()
    };
    match audit::riwayat(k.store.conn(), &saring) {
        Ok(v) if v.is_empty() => vec!["Belum ada perubahan tercatat untuk baris ini.".into()],
        Ok(v) => v
            .iter()
            .map(|e| {
                let ubah: Vec<String> = e
                    .perubahan
                    .iter()
                    .filter(|p| !tersembunyi(&p.kolom))
                    .map(|p| match e.aksi.as_str() {
                        "ubah" => {
                            format!("{}: {} → {}", p.kolom, nilai(&p.sebelum), nilai(&p.sesudah))
                        }
                        "hapus" => format!("{} {}", p.kolom, nilai(&p.sebelum)),
                        _ => format!("{} {}", p.kolom, nilai(&p.sesudah)),
                    })
                    .collect();
                format!(
                    "{} {} {}: {}",
                    e.waktu_tampil(),
                    e.pengguna,
                    e.aksi,
                    if ubah.is_empty() {
                        "–".to_string()
                    } else {
                        ubah.join("; ")
                    }
                )
            })
            .collect(),
        Err(e) => vec![e.to_string()],
    }
}
