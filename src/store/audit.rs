//! Audit triggers, generated from the tables' own columns so that no column is forgotten.

use rusqlite::Transaction;

/// Tables whose rows people edit; each change is logged with the row before and after.
pub(super) const TABEL_DIAUDIT: &[&str] = &[
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
    let lama: Vec<String> = tx
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for nama in lama {
        tx.execute_batch(&format!("DROP TRIGGER {nama}"))?;
    }
    pasang_pemicu(tx)
}

pub fn pasang_pemicu(tx: &Transaction) -> rusqlite::Result<()> {
    for tabel in TABEL_DIAUDIT {
        let k = kolom(tx, tabel)?;
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
