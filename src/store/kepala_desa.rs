//! The kepala desa of each desa and the rules of the term's length (`masa_jabatan`).

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use super::Hasil;
use crate::domain::kepala_desa::MasaJabatan;
use crate::domain::tanggal::format_iso;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KepalaDesa {
    pub id: i64,
    pub desa_id: i64,
    pub nama: String,
    pub dilantik: NaiveDate,
    /// Recorded end of term (an extension, an early end); otherwise from the rules.
    pub akhir_masa: Option<NaiveDate>,
    pub keterangan: String,
    pub versi: i64,
}

fn tgl(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// The rules of the term's length, oldest first.
pub fn aturan(conn: &Connection) -> Hasil<Vec<MasaJabatan>> {
    let mut st = conn.prepare_cached(
        "SELECT berlaku_sejak, tahun, untuk_yang_menjabat, dasar FROM masa_jabatan ORDER BY berlaku_sejak",
    )?;
    let v = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v.into_iter()
        .filter_map(|(s, tahun, untuk, dasar)| {
            Some(MasaJabatan {
                berlaku_sejak: tgl(Some(s))?,
                tahun,
                untuk_yang_menjabat: untuk,
                dasar,
            })
        })
        .collect())
}

/// The kepala desa of a desa, the latest inauguration first.
pub fn daftar_desa(conn: &Connection, desa_id: i64) -> Hasil<Vec<KepalaDesa>> {
    let mut st = conn.prepare_cached(
        "SELECT id, desa_id, nama, dilantik, akhir_masa, keterangan, versi FROM kepala_desa
         WHERE desa_id = ?1 ORDER BY dilantik DESC",
    )?;
    let v = st
        .query_map([desa_id], |r| {
            Ok(KepalaDesa {
                id: r.get(0)?,
                desa_id: r.get(1)?,
                nama: r.get(2)?,
                dilantik: tgl(r.get(3)?).unwrap_or(NaiveDate::MIN),
                akhir_masa: tgl(r.get(4)?),
                keterangan: r.get(5)?,
                versi: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Stores a kepala desa by (desa, inauguration day): new, changed or unchanged.
pub fn simpan(tx: &Transaction, k: &KepalaDesa) -> Hasil<super::dokumen::Tulis> {
    let ada: Option<(i64, String, Option<String>, String)> = tx
        .prepare_cached(
            "SELECT id, nama, akhir_masa, keterangan FROM kepala_desa WHERE desa_id = ?1 AND dilantik = ?2",
        )?
        .query_row(params![k.desa_id, format_iso(k.dilantik)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .ok();
    let akhir = k.akhir_masa.map(format_iso);
    Ok(match ada {
        None => {
            tx.prepare_cached(
                "INSERT INTO kepala_desa (desa_id, nama, dilantik, akhir_masa, keterangan)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                k.desa_id,
                k.nama,
                format_iso(k.dilantik),
                akhir,
                k.keterangan
            ])?;
            super::dokumen::Tulis::Baru
        }
        Some((_, nama, a, ket)) if nama == k.nama && a == akhir && ket == k.keterangan => {
            super::dokumen::Tulis::Sama
        }
        Some((id, ..)) => {
            tx.prepare_cached(
                "UPDATE kepala_desa SET nama = ?2, akhir_masa = ?3, keterangan = ?4, versi = versi + 1
                 WHERE id = ?1",
            )?
            .execute(params![id, k.nama, akhir, k.keterangan])?;
            super::dokumen::Tulis::Diubah
        }
    })
}
