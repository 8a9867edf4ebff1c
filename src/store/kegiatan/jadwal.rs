//! The schedule: the stages of the year's kegiatan by month, their occurrences marked done,
//! and what the dashboard shows of it (from the tally kept by triggers).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::jadwal::Bulan;
use crate::domain::tanggal::format_iso;
use crate::domain::teks::{Ragam, periksa_label};
use crate::store::wilayah::Lingkup;
use crate::store::{Galat, Hasil, tanggal_sql};

/// One stage in the year's schedule, with the months marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisJadwal {
    pub tahapan_id: i64,
    pub kegiatan_id: i64,
    pub kecamatan_id: i64,
    pub kode_kegiatan: String,
    pub nama_kegiatan: String,
    pub nama: String,
    pub bulan: Bulan,
    pub tempat: String,
    pub selesai: Vec<Kejadian>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kejadian {
    pub bulan: u32,
    pub tanggal: NaiveDate,
    pub bukti: String,
    pub versi: i64,
}

/// The stages of the year's kegiatan, grouped by kegiatan, one page.
pub fn jadwal(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<BarisJadwal>> {
    let mut stmt = crate::store::siapkan_daftar(
        conn,
        "SELECT t.id, k.id, k.kode_kegiatan, k.nama_kegiatan, t.nama, t.bulan, t.tempat, k.kecamatan_id
         FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id
         WHERE (?1 IS NULL OR k.kecamatan_id = ?1) AND k.tahun = ?2
           AND (?3 = '' OR t.nama LIKE '%' || ?3 || '%' OR k.nama_kegiatan LIKE '%' || ?3 || '%' OR k.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))
         ORDER BY k.kode_kegiatan, k.kecamatan_id, t.urutan, t.id LIMIT ?4 OFFSET ?5",
        lingkup,
        saring,
    )?;
    let mut baris = stmt
        .query_map(
            params![lingkup.param(), tahun, saring, batas, offset],
            |r| {
                Ok(BarisJadwal {
                    tahapan_id: r.get(0)?,
                    kegiatan_id: r.get(1)?,
                    kecamatan_id: r.get(7)?,
                    kode_kegiatan: r.get(2)?,
                    nama_kegiatan: r.get(3)?,
                    nama: r.get(4)?,
                    bulan: Bulan(r.get(5)?),
                    tempat: r.get(6)?,
                    selesai: Vec::new(),
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT bulan, tanggal, bukti, versi FROM tahapan_realisasi WHERE tahapan_id = ?1 ORDER BY bulan",
    )?;
    for b in &mut baris {
        b.selesai = stmt
            .query_map([b.tahapan_id], |r| {
                Ok(Kejadian {
                    bulan: r.get(0)?,
                    tanggal: r
                        .get::<_, String>(1)
                        .map(|t| tanggal_sql(&t).unwrap_or_default())?,
                    bukti: r.get(2)?,
                    versi: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(baris)
}

pub fn hitung_jadwal(conn: &Connection, lingkup: Lingkup, tahun: i32, saring: &str) -> Hasil<i64> {
    Ok(crate::store::siapkan_daftar(conn, "SELECT count(*) FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id
             WHERE (?1 IS NULL OR k.kecamatan_id = ?1) AND k.tahun = ?2
               AND (?3 = '' OR t.nama LIKE '%' || ?3 || '%' OR k.nama_kegiatan LIKE '%' || ?3 || '%' OR k.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))", lingkup, saring)?
        .query_row(params![lingkup.param(), tahun, saring], |r| r.get(0))?)
}

/// Marks the occurrence of a stage in a month done (or changes its date and evidence).
pub fn tandai_selesai(
    conn: &Transaction,
    tahapan_id: i64,
    bulan: u32,
    tanggal: NaiveDate,
    bukti: &str,
    contoh: bool,
) -> Hasil<()> {
    let ada: bool = conn
        .prepare_cached(
            "SELECT count(*) FROM tahapan t WHERE t.id = ?1 AND (t.bulan >> (?2 - 1)) & 1 = 1",
        )?
        .query_row(params![tahapan_id, bulan], |r| r.get(0))?;
    if !ada {
        return Err(Galat::TidakSah(format!(
            "tahapan ini tidak dijadwalkan pada bulan {}",
            crate::domain::tanggal::nama_bulan(bulan)
        )));
    }
    conn.prepare_cached(
        "INSERT INTO tahapan_realisasi (tahapan_id, bulan, tanggal, bukti, contoh) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (tahapan_id, bulan) DO UPDATE SET tanggal = excluded.tanggal, bukti = excluded.bukti,
             versi = versi + 1
         WHERE (tanggal, bukti) IS NOT (excluded.tanggal, excluded.bukti)",
    )?
    .execute(params![tahapan_id, bulan, format_iso(tanggal), bukti, contoh])?;
    Ok(())
}

/// Undoes "done" for an occurrence.
pub fn batal_selesai(conn: &Transaction, tahapan_id: i64, bulan: u32) -> Hasil<()> {
    conn.prepare_cached("DELETE FROM tahapan_realisasi WHERE tahapan_id = ?1 AND bulan = ?2")?
        .execute(params![tahapan_id, bulan])?;
    Ok(())
}

/// The version of an occurrence marked done (`None`: not marked).
fn versi_kejadian(tx: &Transaction, tahapan_id: i64, bulan: u32) -> Hasil<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT versi FROM tahapan_realisasi WHERE tahapan_id = ?1 AND bulan = ?2")?
        .query_row(params![tahapan_id, bulan], |r| r.get(0))
        .optional()?)
}

/// Marks an occurrence done, if it is still as the form saw it (`versi`: its version then,
/// `None` when it was not marked); otherwise `Galat::Konflik` and nothing is written.
pub fn tandai_selesai_jika(
    tx: &Transaction,
    tahapan_id: i64,
    bulan: u32,
    versi: Option<i64>,
    tanggal: NaiveDate,
    bukti: &str,
) -> Hasil<()> {
    periksa_label("Bukti", bukti, Ragam::Pendek, false).map_err(Galat::TidakSah)?;
    if versi_kejadian(tx, tahapan_id, bulan)? != versi {
        return Err(Galat::Konflik);
    }
    tandai_selesai(tx, tahapan_id, bulan, tanggal, bukti, false)
}

/// Undoes "done" for an occurrence if nobody changed it since `versi` was read.
pub fn batal_selesai_jika(tx: &Transaction, tahapan_id: i64, bulan: u32, versi: i64) -> Hasil<()> {
    let n = tx
        .prepare_cached(
            "DELETE FROM tahapan_realisasi WHERE tahapan_id = ?1 AND bulan = ?2 AND versi = ?3",
        )?
        .execute(params![tahapan_id, bulan, versi])?;
    crate::store::satu_baris(n)
}

/// The row id of an occurrence (for its history and conflicts).
pub fn id_kejadian(conn: &Connection, tahapan_id: i64, bulan: u32) -> Hasil<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM tahapan_realisasi WHERE tahapan_id = ?1 AND bulan = ?2")?
        .query_row(params![tahapan_id, bulan], |r| r.get(0))
        .optional()?)
}

/// The row id of an occurrence, or when it is no longer marked, of the last one removed (from
/// the audit log): what a refused write names as changed or deleted by someone else.
pub fn id_kejadian_terakhir(conn: &Connection, tahapan_id: i64, bulan: u32) -> Hasil<Option<i64>> {
    if let Some(id) = id_kejadian(conn, tahapan_id, bulan)? {
        return Ok(Some(id));
    }
    Ok(conn
        .prepare_cached(
            "SELECT baris FROM audit WHERE tabel = 'tahapan_realisasi' AND aksi = 'hapus'
               AND json_extract(sebelum, '$.tahapan_id') = ?1 AND json_extract(sebelum, '$.bulan') = ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![tahapan_id, bulan], |r| r.get(0))
        .optional()?)
}

/// What the dashboard shows of the schedule, computed in the database so that a national
/// scope costs the same few queries as one kecamatan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RingkasanJadwal {
    /// Occurrences whose month has passed without being marked done.
    pub terlewat: i64,
    /// A few of them, earliest month first: (stage, month).
    pub contoh_terlewat: Vec<(String, u32)>,
    /// Stages of the given months: (month, stage, how many kegiatan have it, how many done).
    pub dekat: Vec<(u32, String, i64, i64)>,
}

/// `bulan_lewat`: months up to this one count as passed (0 = none, 12 = the whole year).
/// Read from the tally kept by triggers (`rekap_jadwal`).
pub fn ringkasan_jadwal(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    bulan_lewat: u32,
    bulan_dekat: &[u32],
) -> Hasil<RingkasanJadwal> {
    let tabel = crate::store::tabel_rekap("rekap_jadwal", lingkup);
    let mut r = RingkasanJadwal {
        terlewat: crate::store::siapkan_lingkup(
            conn,
            &format!(
                "SELECT coalesce(sum(rencana - selesai), 0) FROM {tabel}
                 WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2 AND bulan <= ?3"
            ),
            lingkup,
        )?
        .query_row(params![lingkup.param(), tahun, bulan_lewat], |x| x.get(0))?,
        ..Default::default()
    };
    if r.terlewat > 0 {
        r.contoh_terlewat = crate::store::siapkan_lingkup(
            conn,
            &format!(
                "SELECT nama, bulan FROM {tabel}
                 WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2 AND bulan <= ?3 AND rencana > selesai
                 ORDER BY bulan LIMIT 3"
            ),
            lingkup,
        )?
        .query_map(params![lingkup.param(), tahun, bulan_lewat], |x| Ok((x.get(0)?, x.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    for &m in bulan_dekat.iter().filter(|m| (1..=12).contains(*m)) {
        for (nama, jumlah, selesai) in tahapan_bulan(conn, lingkup, tahun, m)? {
            r.dekat.push((m, nama, jumlah, selesai));
        }
    }
    Ok(r)
}

/// The stages planned in one month, grouped by name: (stage, how many kegiatan, how many done).
/// A stage no kegiatan plans any more (its kegiatan removed) leaves a zero row in the
/// tally; it is not a stage of the month.
pub fn tahapan_bulan(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    bulan: u32,
) -> Hasil<Vec<(String, i64, i64)>> {
    let v = crate::store::siapkan_lingkup(
        conn,
        &format!(
            "SELECT nama, sum(rencana), sum(selesai) FROM {}
             WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2 AND bulan = ?3
             GROUP BY nama HAVING sum(rencana) > 0 ORDER BY nama LIMIT 50",
            crate::store::tabel_rekap("rekap_jadwal", lingkup)
        ),
        lingkup,
    )?
    .query_map(params![lingkup.param(), tahun, bulan], |x| {
        Ok((x.get(0)?, x.get(1)?, x.get(2)?))
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}
