//! The history of one row, from the audit log, for the `r` key.

use super::app::Konteks;

/// Lines of the row's history, newest first (or why there are none).
pub fn baris(k: &Konteks, tabel: &str, id: i64) -> Vec<String> {
    match crate::store::konflik::riwayat_baris(k.store.conn(), tabel, id, 200) {
        Ok(v) if v.is_empty() => vec!["Belum ada perubahan tercatat untuk baris ini.".into()],
        Ok(v) => v,
        Err(e) => vec![e.to_string()],
    }
}
