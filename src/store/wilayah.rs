//! Kecamatan and desa.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::dokumen::Tulis;
use super::{Galat, Hasil};
use crate::domain::angka::Seratus;
use crate::domain::kode::{JenisWilayah, parse_kode_desa, parse_kode_kecamatan};
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};

/// The first problem of a write, as `Galat::TidakSah("Label: alasan")`: a form shows it beside
/// the field with that label.
pub(crate) fn tolak(keliru: Vec<Keliru>) -> Hasil<()> {
    match keliru.into_iter().next() {
        None => Ok(()),
        Some(k) => Err(Galat::TidakSah(k.untuk_form())),
    }
}

/// What a kecamatan write carries, by the rules the desa import and any form share.
pub fn periksa_kecamatan(k: &Kecamatan) -> Vec<Keliru> {
    let mut v = Vec::new();
    if let Err(e) = parse_kode_kecamatan(&k.kode) {
        v.push(Keliru::new("kode_kecamatan", "Kode kecamatan", e));
    }
    periksa_bidang(
        &mut v,
        ("kecamatan", "Kecamatan"),
        &k.nama,
        Ragam::Nama,
        true,
    );
    periksa_bidang(
        &mut v,
        ("kabupaten", "Kabupaten"),
        &k.kabupaten,
        Ragam::Nama,
        false,
    );
    periksa_bidang(
        &mut v,
        ("alamat", "Alamat"),
        &k.alamat,
        Ragam::Pendek,
        false,
    );
    periksa_bidang(
        &mut v,
        ("telepon", "Telepon"),
        &k.telepon,
        Ragam::Kode,
        false,
    );
    periksa_bidang(
        &mut v,
        ("kode_pos", "Kode pos"),
        &k.kode_pos,
        Ragam::Kode,
        false,
    );
    v
}

/// What a desa write carries, by the rules the desa import and the desa form share.
pub fn periksa_desa(d: &Desa) -> Vec<Keliru> {
    let mut v = Vec::new();
    match parse_kode_desa(&d.kode) {
        Err(e) => v.push(Keliru::new("kode", "Kode", e)),
        Ok(k) if (k.jenis == JenisWilayah::Kelurahan) != d.kelurahan => v.push(Keliru::new(
            "kode",
            "Kode",
            "kode kelurahan (PP.KK.CC.1xxx) dan desa (2xxx) tidak cocok dengan jenisnya",
        )),
        Ok(_) => {}
    }
    periksa_bidang(&mut v, ("nama", "Nama"), &d.nama, Ragam::Nama, true);
    if d.luas_km2.is_some_and(|l| l.0 < 0) {
        v.push(Keliru::new("luas_km2", "Luas (km²)", "tidak boleh negatif"));
    }
    for (kolom, label, x) in [
        ("dusun", "Dusun", d.dusun),
        ("rw", "RW", d.rw),
        ("rt", "RT", d.rt),
        ("laki_laki", "Laki-laki", d.laki_laki),
        ("perempuan", "Perempuan", d.perempuan),
        ("jumlah_penduduk", "Jumlah penduduk", d.jumlah_penduduk),
        ("rumah_tangga", "Rumah tangga", d.rumah_tangga),
    ] {
        if let Some(x) = x.filter(|x| *x < 0) {
            v.push(Keliru::new(
                kolom,
                label,
                format!("tidak boleh negatif ({x})"),
            ));
        }
    }
    periksa_bidang(
        &mut v,
        ("keterangan", "Keterangan"),
        &d.keterangan,
        Ragam::Panjang,
        false,
    );
    v
}

/// Which kecamatan a query covers: one, or all in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lingkup {
    Semua,
    Kecamatan(i64),
}

impl Lingkup {
    /// SQL parameter for `(?N IS NULL OR x.kecamatan_id = ?N)`.
    pub fn param(self) -> Option<i64> {
        match self {
            Lingkup::Semua => None,
            Lingkup::Kecamatan(id) => Some(id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kecamatan {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub kabupaten: String,
    pub alamat: String,
    pub telepon: String,
    pub kode_pos: String,
    pub contoh: bool,
    pub versi: i64,
}

const KOLOM_KECAMATAN: &str = "id, kode, nama, kabupaten, alamat, telepon, kode_pos, contoh, versi";

fn baris_kecamatan(r: &Row) -> rusqlite::Result<Kecamatan> {
    Ok(Kecamatan {
        id: r.get(0)?,
        kode: r.get(1)?,
        nama: r.get(2)?,
        kabupaten: r.get(3)?,
        alamat: r.get(4)?,
        telepon: r.get(5)?,
        kode_pos: r.get(6)?,
        contoh: r.get(7)?,
        versi: r.get(8)?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Desa {
    pub id: i64,
    pub kecamatan_id: i64,
    pub kode: String,
    pub nama: String,
    pub kelurahan: bool,
    pub luas_km2: Option<Seratus>,
    pub dusun: Option<i64>,
    pub rw: Option<i64>,
    pub rt: Option<i64>,
    pub laki_laki: Option<i64>,
    pub perempuan: Option<i64>,
    pub jumlah_penduduk: Option<i64>,
    pub rumah_tangga: Option<i64>,
    pub keterangan: String,
    pub contoh: bool,
    pub versi: i64,
}

const KOLOM_DESA: &str = "d.id, d.kecamatan_id, d.kode, d.nama, d.kelurahan, d.luas_km2_x100, d.dusun, d.rw, d.rt, \
     d.laki_laki, d.perempuan, d.jumlah_penduduk, d.rumah_tangga, d.keterangan, d.contoh, d.versi";

fn baris_desa(r: &Row) -> rusqlite::Result<Desa> {
    Ok(Desa {
        id: r.get(0)?,
        kecamatan_id: r.get(1)?,
        kode: r.get(2)?,
        nama: r.get(3)?,
        kelurahan: r.get(4)?,
        luas_km2: r.get::<_, Option<i64>>(5)?.map(Seratus),
        dusun: r.get(6)?,
        rw: r.get(7)?,
        rt: r.get(8)?,
        laki_laki: r.get(9)?,
        perempuan: r.get(10)?,
        jumlah_penduduk: r.get(11)?,
        rumah_tangga: r.get(12)?,
        keterangan: r.get(13)?,
        contoh: r.get(14)?,
        versi: r.get(15)?,
    })
}

pub fn kecamatan_kode(conn: &Connection, kode: &str) -> Hasil<Option<Kecamatan>> {
    Ok(conn
        .query_row(
            &format!("SELECT {KOLOM_KECAMATAN} FROM kecamatan WHERE kode = ?1"),
            [kode],
            baris_kecamatan,
        )
        .optional()?)
}

pub fn kecamatan_id(conn: &Connection, id: i64) -> Hasil<Option<Kecamatan>> {
    Ok(conn
        .query_row(
            &format!("SELECT {KOLOM_KECAMATAN} FROM kecamatan WHERE id = ?1"),
            [id],
            baris_kecamatan,
        )
        .optional()?)
}

/// The scope named by `--kecamatan`; an unknown code is an error.
pub fn lingkup(conn: &Connection, kode: Option<&str>) -> Hasil<Lingkup> {
    match kode {
        None => Ok(Lingkup::Semua),
        Some(k) => {
            let k = crate::domain::kode::parse_kode_kecamatan(k).map_err(Galat::TidakSah)?;
            kecamatan_kode(conn, &k)?
                .map(|kec| Lingkup::Kecamatan(kec.id))
                .ok_or_else(|| Galat::TidakAda(format!("kecamatan {k} tidak ada di basis data")))
        }
    }
}

/// Kecamatan in scope, ordered by code, one page at a time.
pub fn daftar_kecamatan(
    conn: &Connection,
    lingkup: Lingkup,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Kecamatan>> {
    let mut stmt = super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT {KOLOM_KECAMATAN} FROM kecamatan WHERE (?1 IS NULL OR id = ?1)
         ORDER BY kode LIMIT ?2 OFFSET ?3"
        ),
        lingkup,
    )?;
    let v = stmt
        .query_map(params![lingkup.param(), batas, offset], baris_kecamatan)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

pub fn jumlah_kecamatan(conn: &Connection) -> Hasil<i64> {
    Ok(conn.query_row("SELECT count(*) FROM kecamatan", [], |r| r.get(0))?)
}

/// Desa (not kelurahan) of a kecamatan: the ones with documents to track.
pub fn jumlah_desa_dilacak(conn: &Connection, lingkup: Lingkup) -> Hasil<i64> {
    let sql = match lingkup {
        // the whole country's count is kept by triggers (one row)
        Lingkup::Semua => {
            "SELECT coalesce((SELECT dilacak FROM rekap_desa_semua), 0) WHERE ?1 IS NULL"
        }
        Lingkup::Kecamatan(_) => {
            "SELECT count(*) FROM desa WHERE kelurahan = 0 AND kecamatan_id = ?1"
        }
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([lingkup.param()], |r| r.get(0))?)
}

/// Desa in scope whose code or name contains `saring` (case-insensitive), by code, paged.
pub fn daftar_desa(
    conn: &Connection,
    lingkup: Lingkup,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Desa>> {
    let mut stmt = super::siapkan_daftar(
        conn,
        &format!(
            "SELECT {KOLOM_DESA} FROM desa d
         WHERE (?1 IS NULL OR d.kecamatan_id = ?1)
           AND (?2 = '' OR d.kode LIKE '%' || ?2 || '%' OR d.nama LIKE '%' || ?2 || '%' OR d.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?2 || '%'))
         ORDER BY d.kode LIMIT ?3 OFFSET ?4"
        ),
        lingkup,
        saring,
    )?;
    let v = stmt
        .query_map(params![lingkup.param(), saring, batas, offset], baris_desa)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

pub fn hitung_desa(conn: &Connection, lingkup: Lingkup, saring: &str) -> Hasil<i64> {
    Ok(super::siapkan_daftar(
        conn,
        "SELECT count(*) FROM desa d
             WHERE (?1 IS NULL OR d.kecamatan_id = ?1)
               AND (?2 = '' OR d.kode LIKE '%' || ?2 || '%' OR d.nama LIKE '%' || ?2 || '%' OR d.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?2 || '%'))",
        lingkup,
        saring,
    )?
    .query_row(params![lingkup.param(), saring], |r| r.get(0))?)
}

pub fn desa_kode(conn: &Connection, kode: &str) -> Hasil<Option<Desa>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {KOLOM_DESA} FROM desa d WHERE d.kode = ?1"
        ))?
        .query_row([kode], baris_desa)
        .optional()?)
}

pub fn desa_id(conn: &Connection, id: i64) -> Hasil<Option<Desa>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {KOLOM_DESA} FROM desa d WHERE d.id = ?1"))?
        .query_row([id], baris_desa)
        .optional()?)
}

/// Inserts a kecamatan, or updates the named fields of the one with the same code; refuses
/// what `periksa_kecamatan` refuses.
pub fn simpan_kecamatan(conn: &Transaction, k: &Kecamatan) -> Hasil<i64> {
    tolak(periksa_kecamatan(k))?;
    conn.prepare_cached(
        "INSERT INTO kecamatan (kode, nama, kabupaten, alamat, telepon, kode_pos, contoh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (kode) DO UPDATE SET
           nama = excluded.nama,
           kabupaten = CASE WHEN excluded.kabupaten = '' THEN kabupaten ELSE excluded.kabupaten END,
           alamat = CASE WHEN excluded.alamat = '' THEN alamat ELSE excluded.alamat END,
           telepon = CASE WHEN excluded.telepon = '' THEN telepon ELSE excluded.telepon END,
           kode_pos = CASE WHEN excluded.kode_pos = '' THEN kode_pos ELSE excluded.kode_pos END,
           versi = versi + 1
         WHERE (nama, kabupaten, alamat, telepon, kode_pos) IS NOT
               (excluded.nama,
                CASE WHEN excluded.kabupaten = '' THEN kabupaten ELSE excluded.kabupaten END,
                CASE WHEN excluded.alamat = '' THEN alamat ELSE excluded.alamat END,
                CASE WHEN excluded.telepon = '' THEN telepon ELSE excluded.telepon END,
                CASE WHEN excluded.kode_pos = '' THEN kode_pos ELSE excluded.kode_pos END)",
    )?
    .execute(params![
        k.kode,
        k.nama,
        k.kabupaten,
        k.alamat,
        k.telepon,
        k.kode_pos,
        k.contoh
    ])?;
    Ok(conn
        .prepare_cached("SELECT id FROM kecamatan WHERE kode = ?1")?
        .query_row([&k.kode], |r| r.get(0))?)
}

/// Optional desa columns of an import file, in the bit order of `simpan_desa_kode`'s mask.
pub const KOLOM_OPSIONAL_DESA: [&str; 8] = [
    "luas_km2",
    "dusun",
    "rw",
    "rt",
    "laki_laki",
    "perempuan",
    "jumlah_penduduk",
    "rumah_tangga",
];

/// All optional desa fields carried.
pub const SEMUA_KOLOM_DESA: u16 = 0xff;

/// Inserts a desa, or updates the one with the same code: its name, and of the optional
/// fields only those whose bit is set in `ada` (a file without a column leaves it as it was).
/// A desa written by a person is no longer sample data. Refuses what `periksa_desa` refuses.
/// Returns the row's id and whether it was new, changed or the same.
pub fn simpan_desa_kode(conn: &Transaction, d: &Desa, ada: u16) -> Hasil<(i64, Tulis)> {
    tolak(periksa_desa(d))?;
    let ada_dulu = conn
        .prepare_cached("SELECT id FROM desa WHERE kode = ?1")?
        .query_row([&d.kode], |r| r.get::<_, i64>(0))
        .optional()?;
    let n = conn
        .prepare_cached(
            "INSERT INTO desa (kecamatan_id, kode, nama, kelurahan, luas_km2_x100, dusun, rw, rt,
                           laki_laki, perempuan, jumlah_penduduk, rumah_tangga, keterangan, contoh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (kode) DO UPDATE SET
           kecamatan_id = excluded.kecamatan_id, nama = excluded.nama,
           kelurahan = excluded.kelurahan,
           luas_km2_x100 = iif(?15 & 1, excluded.luas_km2_x100, luas_km2_x100),
           dusun = iif(?15 & 2, excluded.dusun, dusun),
           rw = iif(?15 & 4, excluded.rw, rw),
           rt = iif(?15 & 8, excluded.rt, rt),
           laki_laki = iif(?15 & 16, excluded.laki_laki, laki_laki),
           perempuan = iif(?15 & 32, excluded.perempuan, perempuan),
           jumlah_penduduk = iif(?15 & 64, excluded.jumlah_penduduk, jumlah_penduduk),
           rumah_tangga = iif(?15 & 128, excluded.rumah_tangga, rumah_tangga),
           contoh = excluded.contoh,
           versi = versi + 1
         WHERE (kecamatan_id, nama, kelurahan, luas_km2_x100, dusun, rw, rt, laki_laki,
                perempuan, jumlah_penduduk, rumah_tangga, contoh) IS NOT
               (excluded.kecamatan_id, excluded.nama, excluded.kelurahan,
                iif(?15 & 1, excluded.luas_km2_x100, luas_km2_x100),
                iif(?15 & 2, excluded.dusun, dusun), iif(?15 & 4, excluded.rw, rw),
                iif(?15 & 8, excluded.rt, rt), iif(?15 & 16, excluded.laki_laki, laki_laki),
                iif(?15 & 32, excluded.perempuan, perempuan),
                iif(?15 & 64, excluded.jumlah_penduduk, jumlah_penduduk),
                iif(?15 & 128, excluded.rumah_tangga, rumah_tangga), excluded.contoh)",
        )?
        .execute(params![
            d.kecamatan_id,
            d.kode,
            d.nama,
            d.kelurahan,
            d.luas_km2.map(|l| l.0),
            d.dusun,
            d.rw,
            d.rt,
            d.laki_laki,
            d.perempuan,
            d.jumlah_penduduk,
            d.rumah_tangga,
            d.keterangan,
            d.contoh,
            ada
        ])?;
    let hasil = match (ada_dulu, n) {
        (None, _) => Tulis::Baru,
        (Some(_), 0) => Tulis::Sama,
        (Some(_), _) => Tulis::Diubah,
    };
    let id = match ada_dulu {
        Some(id) => id,
        None => conn.last_insert_rowid(),
    };
    Ok((id, hasil))
}

/// Saves an edited desa if nobody changed it since it was read (`d.versi`); refuses what
/// `periksa_desa` refuses.
pub fn ubah_desa(conn: &Transaction, d: &Desa) -> Hasil<()> {
    tolak(periksa_desa(d))?;
    let n = conn
        .prepare_cached(
            "UPDATE desa SET nama = ?2, luas_km2_x100 = ?3, dusun = ?4, rw = ?5, rt = ?6,
                 laki_laki = ?7, perempuan = ?8, jumlah_penduduk = ?9, rumah_tangga = ?10,
                 keterangan = ?11, versi = versi + 1
             WHERE id = ?1 AND versi = ?12",
        )?
        .execute(params![
            d.id,
            d.nama,
            d.luas_km2.map(|l| l.0),
            d.dusun,
            d.rw,
            d.rt,
            d.laki_laki,
            d.perempuan,
            d.jumlah_penduduk,
            d.rumah_tangga,
            d.keterangan,
            d.versi
        ])?;
    super::satu_baris(n)
}

/// Index of a desa in the scope's list ordered by code (to select it on screen).
pub fn posisi_desa(conn: &Connection, lingkup: Lingkup, kode: &str) -> Hasil<i64> {
    Ok(super::siapkan_lingkup(
        conn,
        "SELECT count(*) FROM desa WHERE (?1 IS NULL OR kecamatan_id = ?1) AND kode < ?2",
        lingkup,
    )?
    .query_row(params![lingkup.param(), kode], |r| r.get(0))?)
}

/// Desa in scope that meet `syarat` (an SQL condition on `desa d` built by pantau itself,
/// never from typed text), by code, paged: the Desa screen filtered by a status word.
pub fn daftar_desa_syarat(
    conn: &Connection,
    lingkup: Lingkup,
    syarat: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Desa>> {
    let mut stmt = super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT {KOLOM_DESA} FROM desa d
         WHERE (?1 IS NULL OR d.kecamatan_id = ?1) AND ({syarat})
         ORDER BY d.kode LIMIT ?2 OFFSET ?3"
        ),
        lingkup,
    )?;
    let v = stmt
        .query_map(params![lingkup.param(), batas, offset], baris_desa)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// How many desa `daftar_desa_syarat` lists.
pub fn hitung_desa_syarat(conn: &Connection, lingkup: Lingkup, syarat: &str) -> Hasil<i64> {
    Ok(super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT count(*) FROM desa d WHERE (?1 IS NULL OR d.kecamatan_id = ?1) AND ({syarat})"
        ),
        lingkup,
    )?
    .query_row(params![lingkup.param()], |r| r.get(0))?)
}

/// What a removal takes (or took), per kind of row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cakupan {
    pub kecamatan: i64,
    pub desa: i64,
    pub dokumen: i64,
    pub fasilitasi: i64,
    pub ikm: i64,
    /// kegiatan with their KAK points, indicators, budget lines and stages
    pub kegiatan: i64,
    pub monev: i64,
    pub matriks: i64,
    /// monitoring plans that name a removed desa: kept, without the link
    pub monev_dilepas: i64,
    /// rows among those removed that are not marked sample (entered or changed by people)
    pub bukan_contoh: i64,
}

impl Cakupan {
    /// `1 kecamatan, 12 desa, 36 dokumen, 20 fasilitasi, …` (kinds with none left out).
    pub fn rincian(&self) -> String {
        let n = crate::domain::angka::format_ribuan;
        let mut v: Vec<String> = [
            (self.kecamatan, "kecamatan"),
            (self.desa, "desa/kelurahan"),
            (self.dokumen, "catatan dokumen"),
            (self.fasilitasi, "fasilitasi"),
            (self.ikm, "responden IKM"),
            (
                self.kegiatan,
                "kegiatan (dengan KAK, indikator, anggaran, tahapan)",
            ),
            (self.monev, "rencana monev"),
            (self.matriks, "masalah matriks monev"),
        ]
        .into_iter()
        .filter(|(x, _)| *x > 0)
        .map(|(x, nama)| format!("{} {nama}", n(x)))
        .collect();
        if v.is_empty() {
            v.push("tidak ada baris".into());
        }
        v.join(", ")
    }
}

/// What goes away: one desa (with the version read when the question opened, if any), or
/// kecamatan with everything under them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sasaran {
    Desa { id: i64, versi: Option<i64> },
    Kecamatan(Vec<i64>),
}

fn hitung(conn: &Connection, sql: &str, id: i64) -> Hasil<i64> {
    Ok(conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?)
}

/// What removing `sasaran` takes, without writing.
pub fn cakupan(conn: &Connection, sasaran: &Sasaran) -> Hasil<Cakupan> {
    let mut c = Cakupan::default();
    match sasaran {
        Sasaran::Desa { id, .. } => {
            c.desa = hitung(conn, "SELECT count(*) FROM desa WHERE id = ?1", *id)?;
            c.dokumen = hitung(conn, "SELECT count(*) FROM dokumen WHERE desa_id = ?1", *id)?;
            c.fasilitasi = hitung(
                conn,
                "SELECT count(*) FROM fasilitasi WHERE desa_id = ?1",
                *id,
            )?;
            c.monev_dilepas = hitung(
                conn,
                "SELECT count(*) FROM monev_rencana WHERE desa_id = ?1",
                *id,
            )?;
            c.bukan_contoh = hitung(
                conn,
                "SELECT (SELECT count(*) FROM desa WHERE id = ?1 AND contoh = 0)
                      + (SELECT count(*) FROM dokumen WHERE desa_id = ?1 AND contoh = 0)
                      + (SELECT count(*) FROM fasilitasi WHERE desa_id = ?1 AND contoh = 0)",
                *id,
            )?;
        }
        Sasaran::Kecamatan(ids) => {
            for id in ids {
                let id = *id;
                c.kecamatan += hitung(conn, "SELECT count(*) FROM kecamatan WHERE id = ?1", id)?;
                c.desa += hitung(
                    conn,
                    "SELECT count(*) FROM desa WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.dokumen += hitung(
                    conn,
                    "SELECT count(*) FROM dokumen WHERE desa_id IN (SELECT id FROM desa WHERE kecamatan_id = ?1)",
                    id,
                )?;
                c.fasilitasi += hitung(
                    conn,
                    "SELECT count(*) FROM fasilitasi WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.ikm += hitung(
                    conn,
                    "SELECT count(*) FROM ikm_responden WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.kegiatan += hitung(
                    conn,
                    "SELECT count(*) FROM kegiatan WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.monev += hitung(
                    conn,
                    "SELECT count(*) FROM monev_rencana WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.matriks += hitung(
                    conn,
                    "SELECT count(*) FROM matriks_masalah WHERE kecamatan_id = ?1",
                    id,
                )?;
                c.bukan_contoh += hitung(
                    conn,
                    "SELECT (SELECT count(*) FROM desa WHERE kecamatan_id = ?1 AND contoh = 0)
                          + (SELECT count(*) FROM dokumen WHERE contoh = 0 AND desa_id IN (SELECT id FROM desa WHERE kecamatan_id = ?1))
                          + (SELECT count(*) FROM fasilitasi WHERE kecamatan_id = ?1 AND contoh = 0)
                          + (SELECT count(*) FROM ikm_responden WHERE kecamatan_id = ?1 AND contoh = 0)
                          + (SELECT count(*) FROM kegiatan WHERE kecamatan_id = ?1 AND contoh = 0)
                          + (SELECT count(*) FROM monev_rencana WHERE kecamatan_id = ?1 AND contoh = 0)
                          + (SELECT count(*) FROM matriks_masalah WHERE kecamatan_id = ?1 AND contoh = 0)",
                    id,
                )?;
            }
        }
    }
    Ok(c)
}

/// The sample kecamatan (`init --contoh`, `c` on the welcome screen), by code.
pub fn kecamatan_contoh(conn: &Connection) -> Hasil<Vec<Kecamatan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {KOLOM_KECAMATAN} FROM kecamatan WHERE contoh = 1 ORDER BY kode"
    ))?;
    let v = stmt
        .query_map([], baris_kecamatan)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Removes `sasaran`. Every row goes by its own DELETE, children first, so the audit log keeps
/// each removed row's values (`pantau riwayat --tabel desa`) and the tallies stay right.
/// A desa takes its documents and facilitation entries with it; monitoring plans that name it
/// keep their unit name and lose the link. A kecamatan takes everything that refers to it.
/// Returns what went.
pub fn hapus(tx: &Transaction, sasaran: &Sasaran) -> Hasil<Cakupan> {
    let c = cakupan(tx, sasaran)?;
    let jalan = |sql: &str, id: i64| -> Hasil<usize> { Ok(tx.prepare_cached(sql)?.execute([id])?) };
    match sasaran {
        Sasaran::Desa { id, versi } => {
            let d = desa_id(tx, *id)?.ok_or(Galat::Konflik)?;
            if versi.is_some_and(|v| v != d.versi) {
                return Err(Galat::Konflik);
            }
            jalan("DELETE FROM dokumen WHERE desa_id = ?1", *id)?;
            jalan("DELETE FROM fasilitasi WHERE desa_id = ?1", *id)?;
            jalan(
                "UPDATE monev_rencana SET desa_id = NULL, versi = versi + 1 WHERE desa_id = ?1",
                *id,
            )?;
            jalan("DELETE FROM desa WHERE id = ?1", *id)?;
        }
        Sasaran::Kecamatan(ids) => {
            for id in ids {
                let id = *id;
                if kecamatan_id(tx, id)?.is_none() {
                    return Err(Galat::Konflik);
                }
                for sql in [
                    "DELETE FROM matriks_putaran WHERE kegiatan_id IN (SELECT k.id FROM matriks_kegiatan k JOIN matriks_masalah m ON m.id = k.masalah_id WHERE m.kecamatan_id = ?1)",
                    "DELETE FROM matriks_kegiatan WHERE masalah_id IN (SELECT id FROM matriks_masalah WHERE kecamatan_id = ?1)",
                    "DELETE FROM matriks_masalah WHERE kecamatan_id = ?1",
                    "DELETE FROM monev_putaran WHERE rencana_id IN (SELECT id FROM monev_rencana WHERE kecamatan_id = ?1)",
                    "DELETE FROM monev_rencana WHERE kecamatan_id = ?1",
                    "DELETE FROM tahapan_realisasi WHERE tahapan_id IN (SELECT t.id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE k.kecamatan_id = ?1)",
                    "DELETE FROM tahapan WHERE kegiatan_id IN (SELECT id FROM kegiatan WHERE kecamatan_id = ?1)",
                    "DELETE FROM rencana_biaya WHERE kegiatan_id IN (SELECT id FROM kegiatan WHERE kecamatan_id = ?1)",
                    "DELETE FROM anggaran_riwayat WHERE kegiatan_id IN (SELECT id FROM kegiatan WHERE kecamatan_id = ?1)",
                    "DELETE FROM indikator WHERE kegiatan_id IN (SELECT id FROM kegiatan WHERE kecamatan_id = ?1)",
                    "DELETE FROM kegiatan_butir WHERE kegiatan_id IN (SELECT id FROM kegiatan WHERE kecamatan_id = ?1)",
                    "DELETE FROM kegiatan WHERE kecamatan_id = ?1",
                    "DELETE FROM ikm_responden WHERE kecamatan_id = ?1",
                    "DELETE FROM fasilitasi WHERE kecamatan_id = ?1",
                    // facilitation rows of another kecamatan naming one of these desa
                    "UPDATE fasilitasi SET desa_id = NULL, versi = versi + 1 WHERE desa_id IN (SELECT id FROM desa WHERE kecamatan_id = ?1)",
                    "DELETE FROM dokumen WHERE desa_id IN (SELECT id FROM desa WHERE kecamatan_id = ?1)",
                    "DELETE FROM desa WHERE kecamatan_id = ?1",
                    // the tallies of this kecamatan are all zero now
                    "DELETE FROM rekap_dokumen WHERE kecamatan_id = ?1",
                    "DELETE FROM rekap_fasilitasi WHERE kecamatan_id = ?1",
                    "DELETE FROM rekap_ikm WHERE kecamatan_id = ?1",
                    "DELETE FROM rekap_jadwal WHERE kecamatan_id = ?1",
                    "DELETE FROM kecamatan WHERE id = ?1",
                ] {
                    jalan(sql, id)?;
                }
            }
        }
    }
    Ok(c)
}

/// What a change of a desa's code moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GantiKode {
    pub lama: String,
    pub baru: String,
    pub dokumen: i64,
    pub fasilitasi: i64,
    /// (old kecamatan code, new) when the code names another kecamatan
    pub pindah: Option<(String, String)>,
    /// the old kecamatan has no desa left (remove it with `pantau hapus kecamatan`)
    pub kecamatan_lama_kosong: bool,
}

/// Gives desa `id` (as read at version `versi`) the code `baru`. The new code must be valid,
/// of the same kind (a desa stays a desa, a kelurahan a kelurahan: the kind decides whether
/// documents are tracked) and unused; its first three parts must be the code of a kecamatan
/// in the database — the same one, or another one, to which the desa then moves with its
/// facilitation entries and monitoring plans (a kecamatan part typed wrong in an import
/// created a kecamatan of its own: the desa goes back to the right one). Its documents follow
/// it always (they refer to the desa, not to its code).
pub fn ganti_kode_desa(
    tx: &Transaction,
    id: i64,
    versi: Option<i64>,
    baru: &str,
) -> Hasil<GantiKode> {
    let d = desa_id(tx, id)?.ok_or(Galat::Konflik)?;
    if versi.is_some_and(|v| v != d.versi) {
        return Err(Galat::Konflik);
    }
    let k = parse_kode_desa(baru).map_err(|e| Galat::TidakSah(format!("Kode: {e}")))?;
    if k.kode == d.kode {
        return Err(Galat::TidakSah(format!(
            "Kode: kode baru sama dengan yang lama ({})",
            d.kode
        )));
    }
    if (k.jenis == JenisWilayah::Kelurahan) != d.kelurahan {
        let (ini, itu) = if d.kelurahan {
            ("kelurahan", "desa (2xxx/3xxx)")
        } else {
            ("desa", "kelurahan (1xxx)")
        };
        return Err(Galat::TidakSah(format!(
            "Kode: {} adalah kode {itu}, sedangkan {} sebuah {ini}",
            k.kode, d.nama
        )));
    }
    if let Some(lain) = desa_kode(tx, &k.kode)? {
        return Err(Galat::TidakSah(format!(
            "Kode: {} sudah dipakai desa {}; untuk menyatukan keduanya: pantau desa gabung {} {}",
            k.kode, lain.nama, d.kode, k.kode
        )));
    }
    let kec = kecamatan_kode(tx, &k.kode_kecamatan)?.ok_or_else(|| {
        Galat::TidakSah(format!(
            "Kode: kecamatan {} tidak ada di basis data; tiga bagian pertama kode harus kode kecamatan yang sudah ada",
            k.kode_kecamatan
        ))
    })?;
    let lama_kec = kecamatan_id(tx, d.kecamatan_id)?
        .map(|x| x.kode)
        .unwrap_or_default();
    let dokumen = hitung(tx, "SELECT count(*) FROM dokumen WHERE desa_id = ?1", id)?;
    let fasilitasi = hitung(tx, "SELECT count(*) FROM fasilitasi WHERE desa_id = ?1", id)?;
    tx.prepare_cached(
        "UPDATE desa SET kode = ?2, kecamatan_id = ?3, versi = versi + 1 WHERE id = ?1",
    )?
    .execute(params![id, k.kode, kec.id])?;
    let mut pindah = None;
    let mut kosong = false;
    if kec.id != d.kecamatan_id {
        for sql in [
            "UPDATE fasilitasi SET kecamatan_id = ?2, versi = versi + 1 WHERE desa_id = ?1",
            "UPDATE monev_rencana SET kecamatan_id = ?2, versi = versi + 1 WHERE desa_id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute(params![id, kec.id])?;
        }
        pindah = Some((lama_kec, kec.kode.clone()));
        kosong = hitung(
            tx,
            "SELECT count(*) = 0 FROM desa WHERE kecamatan_id = ?1",
            d.kecamatan_id,
        )? == 1;
    }
    Ok(GantiKode {
        lama: d.kode,
        baru: k.kode,
        dokumen,
        fasilitasi,
        pindah,
        kecamatan_lama_kosong: kosong,
    })
}

/// What merging one desa into another moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gabung {
    pub dokumen: i64,
    /// entries the same in both (or empty in one): kept once
    pub dokumen_sama: i64,
    pub fasilitasi: i64,
    pub monev: i64,
}

/// Merges desa `dari` (as read at `versi`) into desa `ke`: its documents, facilitation
/// entries and monitoring plans move to `ke`, then `dari` is removed (its values stay in the
/// audit log). Where both hold an entry for the same document and fiscal year, the same entry
/// (or an empty one on one side) is kept once; different entries refuse the whole merge and
/// are listed, so nothing is lost silently. `ke` keeps its own name and figures.
pub fn gabung_desa(tx: &Transaction, dari: i64, versi: Option<i64>, ke: i64) -> Hasil<Gabung> {
    let a = desa_id(tx, dari)?.ok_or(Galat::Konflik)?;
    if versi.is_some_and(|v| v != a.versi) {
        return Err(Galat::Konflik);
    }
    let b = desa_id(tx, ke)?.ok_or_else(|| Galat::TidakAda("desa tujuan tidak ada".into()))?;
    if a.id == b.id {
        return Err(Galat::TidakSah(
            "Kode desa tujuan: desa tidak dapat digabung dengan dirinya sendiri".into(),
        ));
    }
    if a.kelurahan != b.kelurahan {
        return Err(Galat::TidakSah(format!(
            "Kode desa tujuan: {} {} dan {} {}: desa dan kelurahan tidak dapat digabung",
            a.kode,
            if a.kelurahan { "kelurahan" } else { "desa" },
            b.kode,
            if b.kelurahan { "kelurahan" } else { "desa" },
        )));
    }
    let dok_a = super::dokumen::dokumen_desa(tx, a.id)?;
    let dok_b = super::dokumen::dokumen_desa(tx, b.id)?;
    let jenis = super::dokumen::daftar_jenis_semua(tx)?;
    let nama_jenis = |id: i64| {
        jenis
            .iter()
            .find(|j| j.0 == id)
            .map(|j| j.1.clone())
            .unwrap_or_else(|| format!("jenis {id}"))
    };
    let kosong = |x: &super::dokumen::Dokumen| {
        x.tanggal.is_none() && x.nomor.is_empty() && x.keterangan.is_empty()
    };
    let isi = |x: &super::dokumen::Dokumen| {
        let t = x
            .tanggal
            .map(crate::domain::tanggal::format_tanggal)
            .unwrap_or_else(|| "tanpa tanggal".into());
        let mut s = t;
        if !x.nomor.is_empty() {
            s.push_str(&format!(" nomor {}", x.nomor));
        }
        if !x.keterangan.is_empty() {
            s.push_str(&format!(" ({})", x.keterangan));
        }
        s
    };
    let mut bentrok = Vec::new();
    let mut pindah = Vec::new();
    let mut buang_a = Vec::new();
    let mut buang_b = Vec::new();
    for x in &dok_a {
        match dok_b
            .iter()
            .find(|y| y.jenis_id == x.jenis_id && y.tahun_anggaran == x.tahun_anggaran)
        {
            None => pindah.push(x.id),
            Some(y)
                if kosong(x)
                    || (x.tanggal, &x.nomor, &x.keterangan)
                        == (y.tanggal, &y.nomor, &y.keterangan) =>
            {
                buang_a.push(x.id)
            }
            Some(y) if kosong(y) => {
                buang_b.push(y.id);
                pindah.push(x.id);
            }
            Some(y) => bentrok.push(format!(
                "{} TA {}: {} {} — {} {}",
                nama_jenis(x.jenis_id),
                x.tahun_anggaran,
                a.kode,
                isi(x),
                b.kode,
                isi(y)
            )),
        }
    }
    if !bentrok.is_empty() {
        let mut pesan = format!(
            "tidak digabung: {} dokumen tercatat berbeda di kedua desa; samakan atau hapus salah satunya dahulu:",
            bentrok.len()
        );
        for b in bentrok {
            pesan.push('\n');
            pesan.push_str(&b);
        }
        return Err(Galat::TidakSah(pesan));
    }
    let mut g = Gabung::default();
    for id in buang_a.iter().chain(&buang_b) {
        tx.prepare_cached("DELETE FROM dokumen WHERE id = ?1")?
            .execute([id])?;
    }
    for id in &pindah {
        tx.prepare_cached("UPDATE dokumen SET desa_id = ?2, versi = versi + 1 WHERE id = ?1")?
            .execute(params![id, b.id])?;
    }
    g.dokumen = pindah.len() as i64;
    g.dokumen_sama = buang_a.len() as i64;
    g.fasilitasi = tx
        .prepare_cached(
            "UPDATE fasilitasi SET desa_id = ?2, kecamatan_id = ?3, versi = versi + 1 WHERE desa_id = ?1",
        )?
        .execute(params![a.id, b.id, b.kecamatan_id])? as i64;
    g.monev = tx
        .prepare_cached(
            "UPDATE monev_rencana SET desa_id = ?2, kecamatan_id = ?3, versi = versi + 1 WHERE desa_id = ?1",
        )?
        .execute(params![a.id, b.id, b.kecamatan_id])? as i64;
    tx.prepare_cached("DELETE FROM desa WHERE id = ?1")?
        .execute([a.id])?;
    Ok(g)
}

/// Renames kecamatan `id` (as read at `versi`); returns the old name.
pub fn ganti_nama_kecamatan(
    tx: &Transaction,
    id: i64,
    versi: Option<i64>,
    nama: &str,
) -> Hasil<String> {
    let k = kecamatan_id(tx, id)?.ok_or(Galat::Konflik)?;
    if versi.is_some_and(|v| v != k.versi) {
        return Err(Galat::Konflik);
    }
    let baru = Kecamatan {
        nama: nama.trim().to_string(),
        ..k.clone()
    };
    tolak(periksa_kecamatan(&baru))?;
    if baru.nama == k.nama {
        return Err(Galat::TidakSah(format!(
            "kecamatan {} sudah bernama '{}'",
            k.kode, k.nama
        )));
    }
    tx.prepare_cached("UPDATE kecamatan SET nama = ?2, versi = versi + 1 WHERE id = ?1")?
        .execute(params![id, baru.nama])?;
    Ok(k.nama)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, contoh, dokumen};

    fn rekap(s: &Store) -> Vec<(i64, i64, i64, i64, i64)> {
        s.conn()
            .prepare("SELECT * FROM rekap_dokumen WHERE tercatat > 0 ORDER BY 1, 2, 3")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(|x| x.unwrap())
            .collect()
    }

    fn satu(s: &Store, sql: &str) -> i64 {
        s.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Removals, recodes and merges keep every tally the screens read equal to a recount.
    #[test]
    fn tallies_stay_right_through_removal_recode_and_merge() {
        let mut s = Store::memori().unwrap();
        contoh::muat(
            &mut s,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        )
        .unwrap();
        let periksa = |s: &mut Store, tahap: &str| {
            let sebelum = rekap(s);
            s.transaksi(|tx| Ok(dokumen::hitung_ulang_rekap(tx, None)?))
                .unwrap();
            assert_eq!(rekap(s), sebelum, "{tahap}");
            assert_eq!(
                satu(s, "SELECT dilacak FROM rekap_desa_semua"),
                satu(s, "SELECT count(*) FROM desa WHERE kelurahan = 0"),
                "{tahap}"
            );
            assert_eq!(
                satu(
                    s,
                    "SELECT coalesce(sum(semua), 0) FROM rekap_fasilitasi_semua"
                ),
                satu(s, "SELECT count(*) FROM fasilitasi"),
                "{tahap}"
            );
            assert_eq!(
                satu(
                    s,
                    "SELECT coalesce(sum(tercatat), 0) FROM rekap_dokumen_semua"
                ),
                satu(
                    s,
                    "SELECT count(*) FROM dokumen x JOIN desa d ON d.id = x.desa_id WHERE x.tanggal IS NOT NULL AND d.kelurahan = 0"
                ),
                "{tahap}"
            );
        };
        let id = |s: &Store, kode: &str| desa_kode(s.conn(), kode).unwrap().unwrap().id;
        s.transaksi(|tx| {
            simpan_kecamatan(
                tx,
                &Kecamatan {
                    kode: "35.08.15".into(),
                    nama: "Salah".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
        let a = id(&s, "35.08.07.2001");
        s.transaksi(|tx| ganti_kode_desa(tx, a, None, "35.08.15.2099"))
            .unwrap();
        periksa(&mut s, "recoded into another kecamatan");
        let b = id(&s, "35.08.07.2004");
        s.transaksi(|tx| hapus(tx, &Sasaran::Desa { id: b, versi: None }))
            .unwrap();
        periksa(&mut s, "desa removed");
        // a merge with conflicts writes nothing
        let (c, d) = (id(&s, "35.08.07.2002"), id(&s, "35.08.07.2003"));
        assert!(s.transaksi(|tx| gabung_desa(tx, c, None, d)).is_err());
        s.transaksi(|tx| {
            tx.execute("DELETE FROM dokumen WHERE desa_id = ?1", [d])?;
            Ok(())
        })
        .unwrap();
        let g = s.transaksi(|tx| gabung_desa(tx, c, None, d)).unwrap();
        assert!(g.dokumen > 0 && g.fasilitasi > 0, "{g:?}");
        periksa(&mut s, "merged");
        let kec = kecamatan_kode(s.conn(), "35.08.07").unwrap().unwrap();
        let c = s
            .transaksi(|tx| hapus(tx, &Sasaran::Kecamatan(vec![kec.id])))
            .unwrap();
        assert!(c.ikm > 0 && c.kegiatan > 0 && c.monev > 0, "{c:?}");
        periksa(&mut s, "kecamatan removed");
        assert_eq!(
            satu(&s, "SELECT count(*) FROM desa"),
            1,
            "the recoded desa is left"
        );
        assert_eq!(satu(&s, "SELECT count(*) FROM kegiatan"), 0);
        assert_eq!(
            satu(
                &s,
                "SELECT count(*) FROM rekap_jadwal_semua WHERE rencana > 0"
            ),
            0
        );
        // a stale version is refused
        let x = id(&s, "35.08.15.2099");
        assert!(matches!(
            s.transaksi(|tx| hapus(
                tx,
                &Sasaran::Desa {
                    id: x,
                    versi: Some(-1)
                }
            )),
            Err(Galat::Konflik)
        ));
    }
}
