//! Reference data shipped in the binary (`data/`), loaded once when the schema is created.

use rusqlite::Transaction;
use rusqlite_migration::HookError;

pub const JENIS_DOKUMEN: &str = include_str!("../../data/jenis_dokumen.csv");
pub const KATALOG_FASILITASI: &str = include_str!("../../data/katalog_fasilitasi.csv");
pub const IKM_UNSUR: &str = include_str!("../../data/ikm_unsur.csv");
pub const NOMENKLATUR: &str = include_str!("../../data/nomenklatur.csv");
/// The deadline rules of every kind pantau ships (schema 15).
pub const ATURAN_TENGGAT: &str = include_str!("../../data/aturan_tenggat.csv");
/// National holidays and cuti bersama of the SKB lists pantau ships (`#` lines are notes).
pub const HARI_LIBUR: &str = include_str!("../../data/hari_libur.csv");

fn baris(nama: &str, teks: &str) -> Result<Vec<csv::StringRecord>, HookError> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(teks.as_bytes())
        .records()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| HookError::Hook(format!("data/{nama} rusak: {e}")))
}

fn sisip(tx: &Transaction, nama: &str, teks: &str, sql: &str) -> Result<(), HookError> {
    let mut stmt = tx.prepare(sql)?;
    for r in baris(nama, teks)? {
        let nilai: Vec<&str> = r.iter().collect();
        stmt.execute(rusqlite::params_from_iter(nilai))?;
    }
    Ok(())
}

pub(super) fn muat(tx: &Transaction) -> Result<(), HookError> {
    sisip(
        tx,
        "jenis_dokumen.csv",
        JENIS_DOKUMEN,
        "INSERT INTO jenis_dokumen (kode, nama, urutan, geser_tahun, bulan, hari, aturan, dasar_hukum, hitung_iku2)
         VALUES (?1, ?2, CAST(?3 AS INTEGER), CAST(?4 AS INTEGER), CAST(?5 AS INTEGER), CAST(?6 AS INTEGER), ?7, ?8, CAST(?9 AS INTEGER))",
    )?;
    sisip(
        tx,
        "katalog_fasilitasi.csv",
        KATALOG_FASILITASI,
        "INSERT INTO katalog_fasilitasi (kode, golongan, nama, uraian_aktivitas, output, bukti)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    sisip(
        tx,
        "ikm_unsur.csv",
        IKM_UNSUR,
        "INSERT INTO ikm_unsur (kode, urutan, nama) VALUES (?1, CAST(?2 AS INTEGER), ?3)",
    )?;
    sisip(
        tx,
        "nomenklatur.csv",
        NOMENKLATUR,
        "INSERT INTO nomenklatur (kode, jenis, nama, sumber) VALUES (?1, ?2, ?3, ?4)",
    )?;
    Ok(())
}

/// The shipped days off (schema 13), as reference rows: not audit entries.
pub(super) fn muat_hari_libur(tx: &Transaction) -> Result<(), HookError> {
    sisip_hari_libur(tx, |_| true)?;
    Ok(())
}

/// Schema 15: the shipped days off of a year the database has none of (2024, shipped since),
/// so that an office's own list of a year is never overwritten.
pub(super) fn muat_hari_libur_tahun_baru(tx: &Transaction) -> Result<(), HookError> {
    let ada: std::collections::HashSet<String> = tx
        .prepare("SELECT DISTINCT substr(tanggal, 1, 4) FROM hari_libur")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    sisip_hari_libur(tx, |tanggal| !ada.contains(tanggal.get(..4).unwrap_or("")))
}

/// Inserts the rows of `data/hari_libur.csv` whose date `pilih` keeps.
fn sisip_hari_libur(tx: &Transaction, pilih: impl Fn(&str) -> bool) -> Result<(), HookError> {
    let mut stmt =
        tx.prepare("INSERT INTO hari_libur (tanggal, nama, jenis, dasar) VALUES (?1, ?2, ?3, ?4)")?;
    for r in csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(b';')
        .comment(Some(b'#'))
        .from_reader(HARI_LIBUR.as_bytes())
        .records()
    {
        let r = r.map_err(|e| HookError::Hook(format!("data/hari_libur.csv rusak: {e}")))?;
        let nilai: Vec<&str> = r.iter().collect();
        if nilai.first().is_some_and(|t| pilih(t)) {
            stmt.execute(rusqlite::params_from_iter(nilai))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn reference_data_is_complete() {
        let s = Store::memori().unwrap();
        let hitung = |sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(hitung("SELECT count(*) FROM jenis_dokumen"), 10);
        assert_eq!(
            hitung("SELECT count(*) FROM jenis_dokumen WHERE hitung_iku2 = 1 AND id <= 3"),
            3,
            "IKU 2 stays on RKPDes, APBDes and LPPDes"
        );
        assert_eq!(
            hitung("SELECT count(*) FROM jenis_dokumen WHERE pelaku = 'camat'"),
            1
        );
        assert_eq!(
            hitung("SELECT count(*) FROM katalog_fasilitasi WHERE golongan = 'fasilitasi'"),
            18
        );
        assert_eq!(
            hitung("SELECT count(*) FROM katalog_fasilitasi WHERE golongan = 'koordinasi'"),
            2
        );
        assert_eq!(
            hitung("SELECT count(*) FROM katalog_fasilitasi WHERE golongan = 'rekomendasi'"),
            1
        );
        assert_eq!(hitung("SELECT count(*) FROM ikm_unsur"), 9);
        assert_eq!(
            hitung("SELECT count(*) FROM nomenklatur WHERE kode = '3.05.25.39.006'"),
            1
        );
        assert_eq!(
            hitung("SELECT count(*) FROM hari_libur WHERE tanggal LIKE '2025-%'"),
            28
        );
        assert_eq!(
            hitung("SELECT count(*) FROM hari_libur WHERE tanggal LIKE '2026-%'"),
            25
        );
        assert_eq!(
            hitung(
                "SELECT count(*) FROM hari_libur WHERE tanggal LIKE '2026-%' AND jenis = 'cuti_bersama'"
            ),
            8
        );
        // reference rows are not audit entries: no one changed anything yet
        assert_eq!(hitung("SELECT count(*) FROM audit"), 0);
    }
}
