//! What another operator did to a row that a save or deletion found changed: from the audit
//! log, so that the refused operator sees who, when, and what is stored now.

use rusqlite::{Connection, OptionalExtension};

use super::Hasil;
use crate::domain::teks::potong;

/// Columns that say nothing to a person (keys, versions, order).
fn tersembunyi(kolom: &str) -> bool {
    kolom == "id"
        || kolom == "versi"
        || kolom == "urutan"
        || kolom == "contoh"
        || kolom.ends_with("_id")
}

/// "budi pada 02/12/2026 10:31 mengubahnya; tersimpan sekarang: tanggal 2026-01-05, nomor 12"
/// or "… menghapusnya". `None` when the log knows nothing of the row.
pub fn keterangan(conn: &Connection, tabel: &str, id: i64) -> Hasil<Option<String>> {
    let entri: Option<(String, String, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT waktu, pengguna, aksi, sesudah FROM audit WHERE tabel = ?1 AND baris = ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![tabel, id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((waktu, pengguna, aksi, sesudah)) = entri else {
        return Ok(None);
    };
    let waktu = waktu_layar(&waktu);
    let pengguna = crate::domain::teks::aman(&pengguna).into_owned();
    if aksi == "hapus" {
        return Ok(Some(format!("{pengguna} menghapusnya pada {waktu}")));
    }
    let mut isi = Vec::new();
    if let Some(json) = sesudah
        && let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(&json)
    {
        for (k, v) in m.iter().filter(|(k, _)| !tersembunyi(k)) {
            let v = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) if s.is_empty() => continue,
                // dates as people read them
                serde_json::Value::String(s) => {
                    crate::domain::tanggal::tampil_tanggal_tersimpan(s).unwrap_or_else(|| s.clone())
                }
                v => v.to_string(),
            };
            isi.push(format!("{} {}", k.replace('_', " "), potong(&v, 30)));
        }
    }
    let kata = if aksi == "tambah" {
        "menambahkannya"
    } else {
        "mengubahnya"
    };
    Ok(Some(if isi.is_empty() {
        format!("{pengguna} {kata} pada {waktu}")
    } else {
        format!(
            "{pengguna} {kata} pada {waktu}; tersimpan sekarang: {}",
            isi.join(", ")
        )
    }))
}

/// Whether row `id` of `tabel` (one of pantau's own tables, named by the code) still exists.
pub fn masih_ada(conn: &Connection, tabel: &str, id: i64) -> bool {
    if !tabel.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return false;
    }
    conn.query_row(
        &format!("SELECT 1 FROM {tabel} WHERE id = ?1"),
        [id],
        |_| Ok(()),
    )
    .optional()
    .ok()
    .flatten()
    .is_some()
}

/// `2026-12-02T10:31:05` → `02/12/2026 10:31`.
fn waktu_layar(w: &str) -> String {
    match (w.get(0..4), w.get(5..7), w.get(8..10), w.get(11..16)) {
        (Some(y), Some(m), Some(d), Some(j)) => format!("{d}/{m}/{y} {j}"),
        _ => crate::domain::teks::aman(w).into_owned(),
    }
}
