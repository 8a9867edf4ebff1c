//! The facilitation catalogue and log (the data behind IKU 1).

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use super::wilayah::{Lingkup, tolak};
use super::{Hasil, tanggal_sql};
use crate::domain::tanggal::{format_iso, format_tanggal};
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Katalog {
    pub id: i64,
    pub kode: String,
    pub golongan: String,
    pub nama: String,
    pub uraian_aktivitas: String,
    pub output: String,
    pub bukti: String,
}

pub fn daftar_katalog(conn: &Connection) -> Hasil<Vec<Katalog>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kode, golongan, nama, uraian_aktivitas, output, bukti FROM katalog_fasilitasi ORDER BY kode",
    )?;
    let v = stmt
        .query_map([], |r| {
            Ok(Katalog {
                id: r.get(0)?,
                kode: r.get(1)?,
                golongan: r.get(2)?,
                nama: r.get(3)?,
                uraian_aktivitas: r.get(4)?,
                output: r.get(5)?,
                bukti: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// `f1`, `F01`, ` k2 ` → `F01`, `K02`: a catalogue code as people write it.
pub fn kode_katalog(teks: &str) -> String {
    let t = teks.trim().to_uppercase();
    let (huruf, angka) = t.split_at(t.find(|c: char| c.is_ascii_digit()).unwrap_or(t.len()));
    match angka.parse::<u32>() {
        Ok(n) if !huruf.is_empty() && huruf.chars().all(|c| c.is_ascii_alphabetic()) => {
            format!("{huruf}{n:02}")
        }
        _ => t,
    }
}

/// The catalogue entry a person or a file names (`f1`, `F01`, `f01`): the one resolver the
/// facilitation form and import share.
pub fn cari_katalog<'a>(katalog: &'a [Katalog], teks: &str) -> Option<&'a Katalog> {
    let kode = kode_katalog(teks);
    katalog.iter().find(|k| k.kode == kode)
}

/// What a facilitation write carries, by the rules the import and the form share.
pub fn periksa(f: &Fasilitasi, hari_ini: NaiveDate) -> Vec<Keliru> {
    let mut v = Vec::new();
    if f.tanggal > hari_ini {
        v.push(Keliru::new(
            "tanggal",
            "Tanggal",
            format!(
                "{} sesudah hari ini ({})",
                format_tanggal(f.tanggal),
                format_tanggal(hari_ini)
            ),
        ));
    }
    periksa_bidang(
        &mut v,
        ("uraian", "Uraian"),
        &f.uraian,
        Ragam::Panjang,
        false,
    );
    periksa_bidang(
        &mut v,
        ("output", "Output"),
        &f.output,
        Ragam::Panjang,
        false,
    );
    periksa_bidang(&mut v, ("bukti", "Bukti"), &f.bukti, Ragam::Panjang, false);
    v
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fasilitasi {
    pub id: i64,
    pub kecamatan_id: i64,
    pub desa_id: Option<i64>,
    pub nama_desa: Option<String>,
    pub kode_desa: Option<String>,
    pub tanggal: NaiveDate,
    pub katalog_id: i64,
    pub kode_jenis: String,
    pub uraian: String,
    pub output: String,
    pub bukti: String,
    pub ditindaklanjuti: bool,
    pub contoh: bool,
    pub versi: i64,
}

/// Adds an entry; refuses what `periksa` refuses on `hari_ini`.
pub fn tambah(conn: &Transaction, f: &Fasilitasi, hari_ini: NaiveDate) -> Hasil<i64> {
    tolak(periksa(f, hari_ini))?;
    conn.prepare_cached(
        "INSERT INTO fasilitasi (kecamatan_id, desa_id, tanggal, katalog_id, uraian, output, bukti, ditindaklanjuti, contoh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        f.kecamatan_id,
        f.desa_id,
        format_iso(f.tanggal),
        f.katalog_id,
        f.uraian,
        f.output,
        f.bukti,
        f.ditindaklanjuti,
        f.contoh
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Saves an edited entry if nobody changed it since it was read; refuses what `periksa`
/// refuses on `hari_ini`.
pub fn ubah(conn: &Transaction, f: &Fasilitasi, hari_ini: NaiveDate) -> Hasil<()> {
    tolak(periksa(f, hari_ini))?;
    let n = conn
        .prepare_cached(
            "UPDATE fasilitasi SET desa_id = ?2, tanggal = ?3, katalog_id = ?4, uraian = ?5,
                 output = ?6, bukti = ?7, ditindaklanjuti = ?8, versi = versi + 1
             WHERE id = ?1 AND versi = ?9",
        )?
        .execute(params![
            f.id,
            f.desa_id,
            format_iso(f.tanggal),
            f.katalog_id,
            f.uraian,
            f.output,
            f.bukti,
            f.ditindaklanjuti,
            f.versi
        ])?;
    super::satu_baris(n)
}

pub fn hapus(conn: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(conn, "fasilitasi", id, versi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_codes_are_normalised() {
        assert_eq!(kode_katalog("f1"), "F01");
        assert_eq!(kode_katalog("f01"), "F01");
        assert_eq!(kode_katalog(" K02 "), "K02");
        assert_eq!(kode_katalog("R01"), "R01");
        assert_eq!(kode_katalog("X"), "X");
        assert_eq!(kode_katalog("F-1"), "F-1");
    }
}

/// Filter of the log: kind code and desa name/code contain these texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saring {
    pub teks: String,
    pub katalog_id: Option<i64>,
    pub desa_id: Option<i64>,
}

const KOLOM: &str = "f.id, f.kecamatan_id, f.desa_id, d.nama, f.tanggal, f.katalog_id, k.kode, f.uraian, f.output, f.bukti, f.ditindaklanjuti, f.contoh, f.versi, d.kode";
const DARI: &str = "FROM fasilitasi f JOIN katalog_fasilitasi k ON k.id = f.katalog_id
     LEFT JOIN desa d ON d.id = f.desa_id
     WHERE (?1 IS NULL OR f.kecamatan_id = ?1) AND f.tanggal BETWEEN ?2 AND ?3
       AND (?4 IS NULL OR f.katalog_id = ?4) AND (?5 IS NULL OR f.desa_id = ?5)
       AND (?6 = '' OR k.kode LIKE '%' || ?6 || '%' OR k.nama LIKE '%' || ?6 || '%'
            OR d.nama LIKE '%' || ?6 || '%' OR f.uraian LIKE '%' || ?6 || '%'
            OR f.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?6 || '%'))";

fn batas_tahun(tahun: i32) -> (String, String) {
    (format!("{tahun:04}-01-01"), format!("{tahun:04}-12-31"))
}

/// The year's log, newest first, one page.
pub fn daftar(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    s: &Saring,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Fasilitasi>> {
    let (awal, akhir) = batas_tahun(tahun);
    let mut stmt = super::siapkan_daftar(
        conn,
        &format!("SELECT {KOLOM} {DARI} ORDER BY f.tanggal DESC, f.id DESC LIMIT ?7 OFFSET ?8"),
        lingkup,
        &s.teks,
    )?;
    let v = stmt
        .query_map(
            params![
                lingkup.param(),
                awal,
                akhir,
                s.katalog_id,
                s.desa_id,
                s.teks,
                batas,
                offset
            ],
            |r| {
                Ok(Fasilitasi {
                    id: r.get(0)?,
                    kecamatan_id: r.get(1)?,
                    desa_id: r.get(2)?,
                    nama_desa: r.get(3)?,
                    kode_desa: r.get(13)?,
                    tanggal: r
                        .get::<_, String>(4)
                        .map(|t| tanggal_sql(&t).unwrap_or_default())?,
                    katalog_id: r.get(5)?,
                    kode_jenis: r.get(6)?,
                    uraian: r.get(7)?,
                    output: r.get(8)?,
                    bukti: r.get(9)?,
                    ditindaklanjuti: r.get(10)?,
                    contoh: r.get(11)?,
                    versi: r.get(12)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

pub fn hitung(conn: &Connection, lingkup: Lingkup, tahun: i32, s: &Saring) -> Hasil<i64> {
    let (awal, akhir) = batas_tahun(tahun);
    if *s == Saring::default() {
        // no filter: the date index counts alone
        return Ok(iku1(conn, lingkup, tahun)?.1);
    }
    Ok(
        super::siapkan_daftar(conn, &format!("SELECT count(*) {DARI}"), lingkup, &s.teks)?
            .query_row(
                params![
                    lingkup.param(),
                    awal,
                    akhir,
                    s.katalog_id,
                    s.desa_id,
                    s.teks
                ],
                |r| r.get(0),
            )?,
    )
}

/// IKU 1 terms of performance year `tahun`: (followed up, all), from the tally the triggers
/// keep (`rekap_fasilitasi`).
pub fn iku1(conn: &Connection, lingkup: Lingkup, tahun: i32) -> Hasil<(i64, i64)> {
    Ok(super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT coalesce(sum(ditindaklanjuti), 0), coalesce(sum(semua), 0) FROM {}
             WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2",
            super::tabel_rekap("rekap_fasilitasi", lingkup)
        ),
        lingkup,
    )?
    .query_row(params![lingkup.param(), tahun], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?)
}
