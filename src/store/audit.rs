//! Audit triggers, generated from the tables' own columns so that no column is forgotten.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Transaction};
use serde_json::{Map, Value};

use super::Hasil;

/// Tables whose rows people edit; each change is logged with the row before and after.
pub const TABEL_DIAUDIT: &[&str] = &[
    "pengaturan",
    "kecamatan",
    "desa",
    "jenis_dokumen",
    "dokumen",
    "kegiatan",
    "kegiatan_butir",
    "indikator",
    "anggaran_riwayat",
    "rencana_biaya",
    "tahapan",
    "tahapan_realisasi",
    "fasilitasi",
    "ikm_responden",
    "monev_rencana",
    "monev_putaran",
    "matriks_masalah",
    "matriks_kegiatan",
    "matriks_putaran",
    "hari_libur",
    "masa_jabatan",
    "kepala_desa",
];

fn kolom(tx: &Transaction, tabel: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let nama = stmt
        .query_map([tabel], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(nama)
}

fn json(baris: &str, kolom: &[String]) -> String {
    let pasangan: Vec<String> = kolom
        .iter()
        .map(|k| format!("'{k}', {baris}.\"{k}\""))
        .collect();
    format!("json_object({})", pasangan.join(", "))
}

/// Re-creates every audit trigger (schema v7 and v8: v7 made a bulk import's new rows one
/// entry with a flag function tested on every row; v8 sets the insert trigger aside during the
/// import instead, see `Store::transaksi_impor`).
pub(super) fn pasang_ulang(tx: &Transaction) -> rusqlite::Result<()> {
    lepas(tx)?;
    pasang_pemicu(tx)
}

/// Takes every audit trigger off (a migration writing reference rows puts them back with
/// `pasang_pemicu`).
pub(super) fn lepas(tx: &Transaction) -> rusqlite::Result<()> {
    let lama: Vec<String> = tx
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for nama in lama {
        tx.execute_batch(&format!("DROP TRIGGER {nama}"))?;
    }
    Ok(())
}

pub fn pasang_pemicu(tx: &Transaction) -> rusqlite::Result<()> {
    for tabel in TABEL_DIAUDIT {
        let k = kolom(tx, tabel)?;
        // an older schema's upgrade runs before a later migration made the table
        if k.is_empty() {
            continue;
        }
        let kunci = if k.iter().any(|c| c == "id") {
            "id"
        } else {
            "rowid"
        };
        let waktu = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')";
        let sql = format!(
            "CREATE TRIGGER audit_{tabel}_tambah AFTER INSERT ON {tabel} BEGIN
               INSERT INTO audit (waktu, pengguna, tabel, baris, aksi, sebelum, sesudah)
               VALUES ({waktu}, pantau_pengguna(), '{tabel}', NEW.{kunci}, 'tambah', NULL, {baru});
             END;
             CREATE TRIGGER audit_{tabel}_ubah AFTER UPDATE ON {tabel} BEGIN
               INSERT INTO audit (waktu, pengguna, tabel, baris, aksi, sebelum, sesudah)
               VALUES ({waktu}, pantau_pengguna(), '{tabel}', NEW.{kunci}, 'ubah', {lama}, {baru});
             END;
             CREATE TRIGGER audit_{tabel}_hapus AFTER DELETE ON {tabel} BEGIN
               INSERT INTO audit (waktu, pengguna, tabel, baris, aksi, sebelum, sesudah)
               VALUES ({waktu}, pantau_pengguna(), '{tabel}', OLD.{kunci}, 'hapus', {lama}, NULL);
             END;",
            baru = json("NEW", &k),
            lama = json("OLD", &k),
        );
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

/// Which audit entries `riwayat` returns. Every field left `None` matches everything.
#[derive(Debug, Clone, Default)]
pub struct Saring {
    /// one audited table (`TABEL_DIAUDIT`), e.g. `"dokumen"`
    pub tabel: Option<String>,
    /// one row of that table, by its id (with `tabel`)
    pub baris: Option<i64>,
    /// what concerns one desa (by `desa.id`; a code removed and made again had several):
    /// its desa row, and the rows of `dokumen`, `fasilitasi` and `monev_rencana` whose
    /// `desa_id` was or became one of these
    pub desa_id: Option<Vec<i64>>,
    /// the operating-system user who made the change
    pub pengguna: Option<String>,
    /// entries on or after this day
    pub sejak: Option<NaiveDate>,
    /// at most this many entries, newest first; 0 means `BATAS_BAWAAN`
    pub batas: usize,
}

pub const BATAS_BAWAAN: usize = 50;

/// One column changed by an entry; `Null` where there was no value (or no row).
#[derive(Debug, Clone, PartialEq)]
pub struct Perubahan {
    pub kolom: String,
    pub sebelum: Value,
    pub sesudah: Value,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entri {
    pub id: i64,
    /// local time as stored, `YYYY-MM-DDTHH:MM:SS`
    pub waktu: String,
    pub pengguna: String,
    pub tabel: String,
    /// the row's id (0 for the single entry of a bulk import's new rows)
    pub baris: i64,
    /// `tambah`, `ubah` or `hapus`
    pub aksi: String,
    /// for `ubah` only the columns whose value changed; for `tambah` and `hapus` every
    /// column with a value. The `versi` bookkeeping column is left out.
    pub perubahan: Vec<Perubahan>,
}

impl Entri {
    /// The time as Indonesians write it: `DD/MM/YYYY HH:MM:SS`.
    pub fn waktu_tampil(&self) -> String {
        NaiveDateTime::parse_from_str(&self.waktu, "%Y-%m-%dT%H:%M:%S")
            .map(|w| w.format("%d/%m/%Y %H:%M:%S").to_string())
            .unwrap_or_else(|_| self.waktu.clone())
    }
}

/// The audit log, newest first, as `saring` says. For one row's history (the interface's
/// "riwayat" of a selected item):
/// `audit::riwayat(store.conn(), &Saring { tabel: Some("dokumen".into()), baris: Some(id), ..Default::default() })`.
pub fn riwayat(conn: &Connection, saring: &Saring) -> Hasil<Vec<Entri>> {
    let batas = if saring.batas == 0 {
        BATAS_BAWAAN
    } else {
        saring.batas
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, waktu, pengguna, tabel, baris, aksi, sebelum, sesudah FROM audit
         WHERE (?1 IS NULL OR tabel = ?1)
           AND (?2 IS NULL OR baris = ?2)
           AND (?3 IS NULL OR pengguna = ?3)
           AND (?4 IS NULL OR waktu >= ?4)
           AND (?5 IS NULL
                OR (tabel = 'desa' AND baris IN (SELECT value FROM json_each(?5)))
                OR (tabel IN ('dokumen', 'fasilitasi', 'monev_rencana')
                    AND (json_extract(sebelum, '$.desa_id') IN (SELECT value FROM json_each(?5))
                         OR json_extract(sesudah, '$.desa_id') IN (SELECT value FROM json_each(?5)))))
         ORDER BY id DESC
         LIMIT ?6",
    )?;
    let sejak = saring.sejak.map(|d| d.format("%Y-%m-%d").to_string());
    let desa_id = saring
        .desa_id
        .as_ref()
        .map(|v| serde_json::Value::from(v.clone()).to_string());
    let baris = stmt.query_map(
        rusqlite::params![
            saring.tabel,
            saring.baris,
            saring.pengguna,
            sejak,
            desa_id,
            i64::try_from(batas).unwrap_or(i64::MAX)
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        },
    )?;
    let mut hasil = Vec::new();
    for b in baris {
        let (id, waktu, pengguna, tabel, baris, aksi, sebelum, sesudah) = b?;
        let perubahan = beda(sebelum.as_deref(), sesudah.as_deref());
        hasil.push(Entri {
            id,
            waktu,
            pengguna,
            tabel,
            baris,
            aksi,
            perubahan,
        });
    }
    Ok(hasil)
}

fn objek(teks: Option<&str>) -> Map<String, Value> {
    match teks.and_then(|t| serde_json::from_str::<Value>(t).ok()) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The columns that differ between two rows written by the triggers as JSON objects.
fn beda(sebelum: Option<&str>, sesudah: Option<&str>) -> Vec<Perubahan> {
    let lama = objek(sebelum);
    let baru = objek(sesudah);
    // a new or deleted row: its columns with a value ('' is the empty value of text columns)
    let satu_sisi = lama.is_empty() || baru.is_empty();
    let mut kolom: Vec<&String> = baru.keys().collect();
    kolom.extend(lama.keys().filter(|k| !baru.contains_key(*k)));
    kolom
        .into_iter()
        .filter(|k| k.as_str() != "versi")
        .filter_map(|k| {
            let a = lama.get(k).cloned().unwrap_or(Value::Null);
            let b = baru.get(k).cloned().unwrap_or(Value::Null);
            let kosong = |v: &Value| v.is_null() || v.as_str() == Some("");
            if satu_sisi && kosong(&a) && kosong(&b) {
                return None;
            }
            (a != b).then(|| Perubahan {
                kolom: k.clone(),
                sebelum: a,
                sesudah: b,
            })
        })
        .collect()
}

/// The id of the desa with this code, also when it was deleted since (from its audit rows).
pub fn id_desa(conn: &Connection, kode: &str) -> Hasil<Vec<i64>> {
    // the desa as it is, and every row that ever carried this code (removed, recoded, or
    // made again from a backup)
    let mut v: Vec<i64> = conn
        .prepare(
            "SELECT id FROM desa WHERE kode = ?1
             UNION
             SELECT baris FROM audit WHERE tabel = 'desa'
               AND (json_extract(sesudah, '$.kode') = ?1 OR json_extract(sebelum, '$.kode') = ?1)",
        )?
        .query_map([kode], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    v.sort_unstable();
    v.dedup();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn an_update_shows_only_the_changed_columns_and_not_versi() {
        let p = beda(
            Some(r#"{"id":1,"tanggal":"2026-09-01","nomor":"1","versi":1}"#),
            Some(r#"{"id":1,"tanggal":"2026-09-15","nomor":"1","versi":2}"#),
        );
        assert_eq!(
            p,
            vec![Perubahan {
                kolom: "tanggal".into(),
                sebelum: Value::from("2026-09-01"),
                sesudah: Value::from("2026-09-15"),
            }]
        );
    }

    #[test]
    fn one_rows_history_is_newest_first_and_filtered_by_table_and_row() {
        let mut s = Store::memori().unwrap();
        s.atur("tahun_awal", "2024").unwrap();
        s.atur("tahun_awal", "2025").unwrap();
        let id: i64 = s
            .conn()
            .query_row(
                "SELECT rowid FROM pengaturan WHERE kunci = 'tahun_awal'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let e = riwayat(
            s.conn(),
            &Saring {
                tabel: Some("pengaturan".into()),
                baris: Some(id),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].aksi, "ubah");
        assert_eq!(e[0].perubahan.len(), 1);
        assert_eq!(e[0].perubahan[0].sesudah, Value::from("2025"));
        assert_eq!(e[1].aksi, "tambah");
        assert!(e[0].waktu_tampil().contains('/'));
        let lain = riwayat(
            s.conn(),
            &Saring {
                tabel: Some("desa".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(lain.is_empty());
    }
}
