//! IKM survey answers.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::Hasil;
use super::wilayah::{Lingkup, tolak};
use crate::domain::indikator::JUMLAH_UNSUR;
use crate::domain::teks::Keliru;

/// Column and form label of each element's score.
const KOLOM_SKOR: [(&str, &str); JUMLAH_UNSUR] = [
    ("u1", "U1"),
    ("u2", "U2"),
    ("u3", "U3"),
    ("u4", "U4"),
    ("u5", "U5"),
    ("u6", "U6"),
    ("u7", "U7"),
    ("u8", "U8"),
    ("u9", "U9"),
];

/// What a survey answer carries, by the rules the import and the form share: a survey year
/// 2000–2100 and not after this year, each score 1–4.
pub fn periksa(tahun: i32, skor: &[u8; JUMLAH_UNSUR], hari_ini: NaiveDate) -> Vec<Keliru> {
    let mut v = Vec::new();
    if !(2000..=2100).contains(&tahun) {
        v.push(Keliru::new(
            "tahun",
            "Tahun",
            format!("{tahun} di luar 2000–2100"),
        ));
    } else if tahun > hari_ini.year() {
        v.push(Keliru::new(
            "tahun",
            "Tahun",
            format!("tahun survei {tahun} sesudah tahun ini"),
        ));
    }
    for (s, (kolom, label)) in skor.iter().zip(KOLOM_SKOR) {
        if !(1..=4).contains(s) {
            v.push(Keliru::new(
                kolom,
                label,
                format!("'{s}' harus 1, 2, 3 atau 4"),
            ));
        }
    }
    v
}

pub fn nama_unsur(conn: &Connection) -> Hasil<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached("SELECT kode, nama FROM ikm_unsur ORDER BY urutan")?;
    let v = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Adds one respondent's answers; refuses what `periksa` refuses on `hari_ini`.
pub fn tambah(
    conn: &Transaction,
    kecamatan_id: i64,
    tahun: i32,
    skor: [u8; JUMLAH_UNSUR],
    contoh: bool,
    hari_ini: NaiveDate,
) -> Hasil<i64> {
    tolak(periksa(tahun, &skor, hari_ini))?;
    conn.prepare_cached(
        "INSERT INTO ikm_responden (kecamatan_id, tahun, u1, u2, u3, u4, u5, u6, u7, u8, u9, contoh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        kecamatan_id,
        tahun,
        skor[0],
        skor[1],
        skor[2],
        skor[3],
        skor[4],
        skor[5],
        skor[6],
        skor[7],
        skor[8],
        contoh
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Sum of scores per element and the number of respondents of year `tahun`, from the tally
/// the triggers keep (`rekap_ikm`).
pub fn jumlah_skor(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
) -> Hasil<([i64; JUMLAH_UNSUR], i64)> {
    Ok(super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT coalesce(sum(s1),0), coalesce(sum(s2),0), coalesce(sum(s3),0), coalesce(sum(s4),0),
                    coalesce(sum(s5),0), coalesce(sum(s6),0), coalesce(sum(s7),0), coalesce(sum(s8),0),
                    coalesce(sum(s9),0), coalesce(sum(responden),0)
             FROM {} WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2",
            super::tabel_rekap("rekap_ikm", lingkup)
        ),
        lingkup,
    )?
    .query_row(params![lingkup.param(), tahun], |r| {
        let mut s = [0i64; JUMLAH_UNSUR];
        for (i, v) in s.iter_mut().enumerate() {
            *v = r.get(i)?;
        }
        Ok((s, r.get(JUMLAH_UNSUR)?))
    })?)
}

/// One respondent's answers as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Responden {
    pub id: i64,
    pub kecamatan_id: i64,
    pub tahun: i32,
    pub skor: [u8; JUMLAH_UNSUR],
    pub contoh: bool,
    pub versi: i64,
}

impl Responden {
    /// The mean of the nine scores, in hundredths (325 = 3,25).
    pub fn rata_rata_seratus(&self) -> i64 {
        let jumlah: i64 = self.skor.iter().map(|s| *s as i64).sum();
        (jumlah * 100 + JUMLAH_UNSUR as i64 / 2) / JUMLAH_UNSUR as i64
    }
}

/// How many respondents year `tahun` has (`saring`: part of their kecamatan's name).
pub fn hitung_responden(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
) -> Hasil<i64> {
    Ok(super::siapkan_daftar(
        conn,
        "SELECT count(*) FROM ikm_responden WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
           AND (?3 = '' OR kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))",
        lingkup,
        saring,
    )?
    .query_row(params![lingkup.param(), tahun, saring], |r| r.get(0))?)
}

/// One page of year `tahun`'s respondents, in the order they were entered.
pub fn daftar_responden(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Responden>> {
    let mut stmt = super::siapkan_daftar(
        conn,
        "SELECT id, kecamatan_id, tahun, u1, u2, u3, u4, u5, u6, u7, u8, u9, contoh, versi
         FROM ikm_responden WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
           AND (?3 = '' OR kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))
         ORDER BY kecamatan_id, id LIMIT ?4 OFFSET ?5",
        lingkup,
        saring,
    )?;
    let v = stmt
        .query_map(
            params![lingkup.param(), tahun, saring, batas, offset],
            |r| {
                let mut skor = [0u8; JUMLAH_UNSUR];
                for (i, s) in skor.iter_mut().enumerate() {
                    *s = r.get(3 + i)?;
                }
                Ok(Responden {
                    id: r.get(0)?,
                    kecamatan_id: r.get(1)?,
                    tahun: r.get(2)?,
                    skor,
                    contoh: r.get(12)?,
                    versi: r.get(13)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Corrects one respondent's scores (same rules as `tambah` and the import) if nobody changed
/// the row since `versi` was read.
pub fn ubah(
    tx: &Transaction,
    id: i64,
    versi: i64,
    skor: [u8; JUMLAH_UNSUR],
    hari_ini: NaiveDate,
) -> Hasil<()> {
    let tahun: Option<i32> = tx
        .prepare_cached("SELECT tahun FROM ikm_responden WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(tahun) = tahun else {
        return Err(super::Galat::Konflik);
    };
    tolak(periksa(tahun, &skor, hari_ini))?;
    let n = tx
        .prepare_cached(
            "UPDATE ikm_responden SET u1 = ?3, u2 = ?4, u3 = ?5, u4 = ?6, u5 = ?7, u6 = ?8, u7 = ?9,
                 u8 = ?10, u9 = ?11, versi = versi + 1
             WHERE id = ?1 AND versi = ?2",
        )?
        .execute(params![
            id, versi, skor[0], skor[1], skor[2], skor[3], skor[4], skor[5], skor[6], skor[7], skor[8]
        ])?;
    super::satu_baris(n)
}

/// Removes one respondent's answers if nobody changed them since `versi` was read.
pub fn hapus(tx: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(tx, "ikm_responden", id, versi)
}
