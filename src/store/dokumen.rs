//! Desa documents (RKPDes, APBDes, LPPDes …), their deadline rules, `cek` and IKU 2.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::wilayah::{Lingkup, tolak};
use super::{Galat, Hasil, tanggal_sql};
use crate::domain::tanggal::{format_iso, format_tanggal};
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};
use crate::domain::tenggat::{self, AturanTenggat, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JenisDokumen {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub urutan: i64,
    pub aturan: AturanTenggat,
    pub keterangan_aturan: String,
    pub dasar_hukum: String,
    pub hitung_iku2: bool,
}

/// Active document kinds in their order (RKPDes, APBDes, LPPDes).
pub fn daftar_jenis(conn: &Connection) -> Hasil<Vec<JenisDokumen>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kode, nama, urutan, geser_tahun, bulan, hari, aturan, dasar_hukum, hitung_iku2
         FROM jenis_dokumen WHERE aktif = 1 ORDER BY urutan, id",
    )?;
    let v = stmt
        .query_map([], |r| {
            Ok(JenisDokumen {
                id: r.get(0)?,
                kode: r.get(1)?,
                nama: r.get(2)?,
                urutan: r.get(3)?,
                aturan: AturanTenggat {
                    geser_tahun: r.get(4)?,
                    bulan: r.get(5)?,
                    hari: r.get(6)?,
                },
                keterangan_aturan: r.get(7)?,
                dasar_hukum: r.get(8)?,
                hitung_iku2: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Schema v8: the deadline of every kind and fiscal year 2000–2100 as rows, for the tally's
/// on-time count (`rekap_dokumen.tepat_waktu`), computed by the same rule as the screens.
pub(super) fn isi_tenggat(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM tenggat_dokumen", [])?;
    let aturan = conn
        .prepare("SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen")?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                AturanTenggat {
                    geser_tahun: r.get(1)?,
                    bulan: r.get(2)?,
                    hari: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tulis = conn.prepare(
        "INSERT INTO tenggat_dokumen (jenis_id, tahun_anggaran, tanggal) VALUES (?1, ?2, ?3)",
    )?;
    for (id, a) in aturan {
        for ta in 2000..=2100 {
            tulis.execute(params![id, ta, format_iso(a.tenggat(ta))])?;
        }
    }
    Ok(())
}

/// Recounts the document tally of one kecamatan (`None`: all) from its rows. A bulk import
/// writes with the per-row tally trigger set aside and recounts what it touched.
pub(super) fn hitung_ulang_rekap(
    conn: &Connection,
    kecamatan_id: Option<i64>,
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM rekap_dokumen WHERE (?1 IS NULL OR kecamatan_id = ?1)")?
        .execute([kecamatan_id])?;
    // the same count as the trigger `rekap_dokumen_pindah`
    conn.prepare_cached(
        "INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat, tepat_waktu)
         SELECT d.kecamatan_id, x.jenis_id, x.tahun_anggaran, count(*),
                sum(coalesce(x.tanggal <= t.tanggal, 0))
         FROM desa d CROSS JOIN dokumen x ON x.desa_id = d.id
         LEFT JOIN tenggat_dokumen t
                ON t.jenis_id = x.jenis_id AND t.tahun_anggaran = x.tahun_anggaran
         WHERE x.tanggal IS NOT NULL AND d.kelurahan = 0
           AND (?1 IS NULL OR d.kecamatan_id = ?1)
         GROUP BY 1, 2, 3",
    )?
    .execute([kecamatan_id])?;
    Ok(())
}

/// Adds documents to the tally of (kecamatan, kind, fiscal year): what an import counted of
/// the rows it inserted, written with the per-row trigger set aside.
pub(super) fn tambah_rekap(
    conn: &Connection,
    kecamatan_id: i64,
    jenis_id: i64,
    ta: i32,
    tercatat: i64,
    tepat_waktu: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat, tepat_waktu)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (kecamatan_id, jenis_id, tahun_anggaran) DO UPDATE SET
             tercatat = tercatat + excluded.tercatat,
             tepat_waktu = tepat_waktu + excluded.tepat_waktu",
    )?
    .execute(params![kecamatan_id, jenis_id, ta, tercatat, tepat_waktu])?;
    Ok(())
}

/// Finds a kind as people write it (`rkp desa` is RKPDes).
pub fn cari_jenis<'a>(jenis: &'a [JenisDokumen], teks: &str) -> Option<&'a JenisDokumen> {
    // the code as written is the common case (an import asks once per row)
    if let Some(j) = jenis.iter().find(|j| j.kode == teks) {
        return Some(j);
    }
    let kunci = tenggat::kunci_jenis(teks);
    jenis
        .iter()
        .find(|j| tenggat::kunci_jenis(&j.kode) == kunci)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dokumen {
    pub id: i64,
    pub desa_id: i64,
    pub jenis_id: i64,
    pub tahun_anggaran: i32,
    pub tanggal: Option<NaiveDate>,
    pub nomor: String,
    pub keterangan: String,
    pub contoh: bool,
    pub versi: i64,
}

pub fn dokumen(conn: &Connection, desa_id: i64, jenis_id: i64, ta: i32) -> Hasil<Option<Dokumen>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh, versi
             FROM dokumen WHERE desa_id = ?1 AND jenis_id = ?2 AND tahun_anggaran = ?3",
        )?
        .query_row(params![desa_id, jenis_id, ta], baris_dokumen)
        .optional()?)
}

fn baris_dokumen(r: &rusqlite::Row) -> rusqlite::Result<Dokumen> {
    Ok(Dokumen {
        id: r.get(0)?,
        desa_id: r.get(1)?,
        jenis_id: r.get(2)?,
        tahun_anggaran: r.get(3)?,
        tanggal: r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(tanggal_sql),
        nomor: r.get(5)?,
        keterangan: r.get(6)?,
        contoh: r.get(7)?,
        versi: r.get(8)?,
    })
}

/// Every document of a desa, all years, newest fiscal year first.
pub fn dokumen_desa(conn: &Connection, desa_id: i64) -> Hasil<Vec<Dokumen>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.desa_id, d.jenis_id, d.tahun_anggaran, d.tanggal, d.nomor, d.keterangan, d.contoh, d.versi
         FROM dokumen d JOIN jenis_dokumen j ON j.id = d.jenis_id
         WHERE d.desa_id = ?1 ORDER BY d.tahun_anggaran DESC, j.urutan",
    )?;
    let v = stmt
        .query_map([desa_id], baris_dokumen)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// Every document kind, also inactive ones: (id, code).
pub fn daftar_jenis_semua(conn: &Connection) -> Hasil<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached("SELECT id, kode FROM jenis_dokumen ORDER BY urutan, id")?;
    let v = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// The status a filter word names, as the screens write them: the short words of the Desa
/// cells (`tepat`, `telat`, `lewat`, `segera`, `belum`) and the full labels (`lewat tenggat`,
/// `terlambat`, `mendekati tenggat` …), in any case.
pub fn status_dari_kata(teks: &str) -> Option<Status> {
    let t = teks.trim().to_lowercase();
    [
        Status::TepatWaktu,
        Status::Terlambat,
        Status::LewatTenggat,
        Status::MendekatiTenggat,
        Status::BelumJatuhTempo,
    ]
    .into_iter()
    .find(|s| {
        let pendek = match s {
            Status::TepatWaktu => "tepat",
            Status::Terlambat => "telat",
            Status::LewatTenggat => "lewat",
            Status::MendekatiTenggat => "segera",
            Status::BelumJatuhTempo => "belum",
        };
        t == pendek
            || t == s.label()
            || t == s.kode()
            || (*s == Status::MendekatiTenggat && t == "mendekati")
    })
}

/// The SQL condition on `desa d` for "a document of fiscal year `ta` has status `st`" (built
/// from pantau's own numbers and dates, no typed text). Kelurahan have no documents; a year
/// before the first tracked one has no missing-document statuses.
fn syarat_status(
    jenis: &[JenisDokumen],
    ta: i32,
    st: Status,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> String {
    let iso = |t: NaiveDate| t.format("%Y-%m-%d").to_string();
    let syarat = match st {
        Status::TepatWaktu | Status::Terlambat => {
            let op = if st == Status::TepatWaktu { "<=" } else { ">" };
            let bagian: Vec<String> = jenis
                .iter()
                .map(|j| {
                    format!(
                        "(x.jenis_id = {} AND x.tanggal {op} '{}')",
                        j.id,
                        iso(j.aturan.tenggat(ta))
                    )
                })
                .collect();
            if bagian.is_empty() {
                "0".to_string()
            } else {
                format!(
                    "EXISTS (SELECT 1 FROM dokumen x WHERE x.desa_id = d.id AND x.tahun_anggaran = {ta} AND x.tanggal IS NOT NULL AND ({}))",
                    bagian.join(" OR ")
                )
            }
        }
        _ if ta < tahun_awal => "0".to_string(),
        _ => {
            let id: Vec<String> = jenis
                .iter()
                .filter(|j| tenggat::status(None, j.aturan.tenggat(ta), hari_ini, jendela) == st)
                .map(|j| j.id.to_string())
                .collect();
            if id.is_empty() {
                "0".to_string()
            } else {
                format!(
                    "(SELECT count(*) FROM dokumen x WHERE x.desa_id = d.id AND x.tahun_anggaran = {ta} AND x.tanggal IS NOT NULL AND x.jenis_id IN ({id})) < {n}",
                    id = id.join(", "),
                    n = id.len()
                )
            }
        }
    };
    format!("d.kelurahan = 0 AND {syarat}")
}

/// The Desa screen filtered by a status word (`status_dari_kata`): the desa with a document of
/// fiscal year `ta` in that status, and how many there are.
#[allow(clippy::too_many_arguments)]
pub fn halaman_dokumen_status(
    conn: &Connection,
    lingkup: Lingkup,
    ta: i32,
    st: Status,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<BarisDokumen>> {
    let syarat = syarat_status(&daftar_jenis(conn)?, ta, st, hari_ini, jendela, tahun_awal);
    let desa = super::wilayah::daftar_desa_syarat(conn, lingkup, &syarat, offset, batas)?;
    baris_halaman(conn, desa, ta)
}

/// How many desa `halaman_dokumen_status` lists.
pub fn hitung_dokumen_status(
    conn: &Connection,
    lingkup: Lingkup,
    ta: i32,
    st: Status,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<i64> {
    let syarat = syarat_status(&daftar_jenis(conn)?, ta, st, hari_ini, jendela, tahun_awal);
    super::wilayah::hitung_desa_syarat(conn, lingkup, &syarat)
}

/// What a person typed into the document form (or a file row).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IsiDokumen {
    pub tanggal: Option<NaiveDate>,
    pub nomor: String,
    pub keterangan: String,
}

/// Which of a document's fields a write carries; a file without a column leaves it as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KolomDokumen {
    pub tanggal: bool,
    pub nomor: bool,
    pub keterangan: bool,
}

impl KolomDokumen {
    pub const SEMUA: KolomDokumen = KolomDokumen {
        tanggal: true,
        nomor: true,
        keterangan: true,
    };
}

/// What writing a document did to its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tulis {
    /// No row had the key: inserted.
    Baru,
    /// The row was there and is changed.
    Diubah,
    /// The row was there with the same values: untouched.
    Sama,
}

/// What a document write carries, by the rules the import and the document form share: a
/// date not after today and not before what the kind's rule allows, a number and a note
/// without control characters and within their length.
pub fn periksa_dokumen(
    jenis: &JenisDokumen,
    ta: i32,
    tanggal: Option<NaiveDate>,
    nomor: &str,
    keterangan: &str,
    hari_ini: NaiveDate,
) -> Vec<Keliru> {
    let mut v = Vec::new();
    if !(2000..=2100).contains(&ta) {
        v.push(Keliru::new(
            "tahun_anggaran",
            "Tahun anggaran",
            format!("{ta} di luar 2000–2100"),
        ));
    }
    if let Some(t) = tanggal {
        if t > hari_ini {
            v.push(Keliru::new(
                "tanggal",
                "Tanggal",
                format!(
                    "{} sesudah hari ini ({})",
                    format_tanggal(t),
                    format_tanggal(hari_ini)
                ),
            ));
        } else if let Err(e) = jenis.aturan.periksa_tanggal(&jenis.kode, ta, t) {
            v.push(Keliru::new("tanggal", "Tanggal", e));
        }
    }
    periksa_bidang(&mut v, ("nomor", "Nomor"), nomor, Ragam::Kode, false);
    periksa_bidang(
        &mut v,
        ("keterangan", "Keterangan"),
        keterangan,
        Ragam::Panjang,
        false,
    );
    v
}

/// Writes documents through prepared statements, for a loop of many (an import). Every write
/// is checked by `periksa_dokumen` first.
pub struct PenulisDokumen<'c> {
    tambah: rusqlite::CachedStatement<'c>,
    ubah: rusqlite::CachedStatement<'c>,
    jenis: Vec<JenisDokumen>,
    hari_ini: NaiveDate,
}

impl<'c> PenulisDokumen<'c> {
    pub fn new(conn: &'c rusqlite::Transaction, hari_ini: NaiveDate) -> Hasil<Self> {
        // An insert that does nothing on a duplicate key, then an update of what differs:
        // unlike one upsert, a single-row insert with no trigger (an import sets them aside)
        // needs no statement journal, which would copy every page it touches.
        let tambah = conn.prepare_cached(
            "INSERT INTO dokumen (desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (desa_id, jenis_id, tahun_anggaran) DO NOTHING",
        )?;
        let ubah = conn.prepare_cached(
            "UPDATE dokumen SET
               tanggal = iif(?8, ?4, tanggal),
               nomor = iif(?9, ?5, nomor),
               keterangan = iif(?10, ?6, keterangan),
               contoh = ?7, versi = versi + 1
             WHERE desa_id = ?1 AND jenis_id = ?2 AND tahun_anggaran = ?3
               AND (tanggal, nomor, keterangan, contoh) IS NOT
                   (iif(?8, ?4, tanggal), iif(?9, ?5, nomor), iif(?10, ?6, keterangan), ?7)",
        )?;
        Ok(PenulisDokumen {
            tambah,
            ubah,
            jenis: daftar_jenis(conn)?,
            hari_ini,
        })
    }

    /// Inserts a document by its key (desa, kind, fiscal year), or updates the fields in
    /// `kolom`; refuses what `periksa_dokumen` refuses.
    #[allow(clippy::too_many_arguments)]
    pub fn tulis(
        &mut self,
        desa_id: i64,
        jenis_id: i64,
        ta: i32,
        tanggal: Option<NaiveDate>,
        nomor: &str,
        keterangan: &str,
        kolom: KolomDokumen,
        contoh: bool,
    ) -> Hasil<Tulis> {
        let jenis = self
            .jenis
            .iter()
            .find(|j| j.id == jenis_id)
            .ok_or_else(|| Galat::TidakSah("Jenis: jenis dokumen tidak dikenal".into()))?;
        tolak(periksa_dokumen(
            jenis,
            ta,
            tanggal,
            nomor,
            keterangan,
            self.hari_ini,
        ))?;
        let iso = tanggal.map(crate::domain::tanggal::iso);
        let tanggal = iso.as_ref().map(|b| b.as_str());
        if self.tambah.execute(params![
            desa_id, jenis_id, ta, tanggal, nomor, keterangan, contoh
        ])? == 1
        {
            return Ok(Tulis::Baru);
        }
        let n = self.ubah.execute(params![
            desa_id,
            jenis_id,
            ta,
            tanggal,
            nomor,
            keterangan,
            contoh,
            kolom.tanggal,
            kolom.nomor,
            kolom.keterangan
        ])?;
        Ok(if n == 1 { Tulis::Diubah } else { Tulis::Sama })
    }
}

/// Inserts a document by its key (desa, kind, fiscal year), or updates the fields in `kolom`;
/// refuses what `periksa_dokumen` refuses on `hari_ini`.
#[allow(clippy::too_many_arguments)]
pub fn simpan_dokumen(
    conn: &rusqlite::Transaction,
    desa_id: i64,
    jenis_id: i64,
    ta: i32,
    isi: &IsiDokumen,
    kolom: KolomDokumen,
    contoh: bool,
    hari_ini: NaiveDate,
) -> Hasil<Tulis> {
    PenulisDokumen::new(conn, hari_ini)?.tulis(
        desa_id,
        jenis_id,
        ta,
        isi.tanggal,
        &isi.nomor,
        &isi.keterangan,
        kolom,
        contoh,
    )
}

/// Saves the document form. `versi` is the version read when the form opened (`None` when
/// there was no row): if someone saved in between, nothing is written and `Konflik` returned.
/// Refuses what `periksa_dokumen` refuses on `hari_ini` (a date after today among them).
#[allow(clippy::too_many_arguments)]
pub fn ubah_dokumen(
    conn: &rusqlite::Transaction,
    desa_id: i64,
    jenis_id: i64,
    ta: i32,
    versi: Option<i64>,
    isi: &IsiDokumen,
    hari_ini: NaiveDate,
) -> Hasil<()> {
    let sekarang = dokumen(conn, desa_id, jenis_id, ta)?;
    if sekarang.as_ref().map(|d| d.versi) != versi {
        return Err(Galat::Konflik);
    }
    if isi.tanggal.is_none() && isi.nomor.is_empty() && isi.keterangan.is_empty() {
        // an emptied form removes the record: the document is "not yet" again
        conn.prepare_cached(
            "DELETE FROM dokumen WHERE desa_id = ?1 AND jenis_id = ?2 AND tahun_anggaran = ?3",
        )?
        .execute(params![desa_id, jenis_id, ta])?;
        return Ok(());
    }
    simpan_dokumen(
        conn,
        desa_id,
        jenis_id,
        ta,
        isi,
        KolomDokumen::SEMUA,
        false,
        hari_ini,
    )?;
    Ok(())
}

/// One line of the daily check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCek {
    pub kode_kecamatan: String,
    pub kecamatan: String,
    pub desa_id: i64,
    pub kode_desa: String,
    pub desa: String,
    pub jenis: String,
    pub tahun_anggaran: i32,
    pub tenggat: NaiveDate,
    pub status: Status,
    pub hari: i64,
}

/// One (kind, fiscal year) whose deadline falls on or before today + the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calon {
    pub jenis_id: i64,
    pub urutan: i64,
    pub ta: i32,
    pub tenggat: NaiveDate,
    /// Tracked desa in scope with no date recorded (from the kept-current tally).
    pub hilang: i64,
}

/// The candidates of the daily check, by deadline then kind order.
fn calon_cek(
    conn: &Connection,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<Vec<Calon>> {
    let batas = hari_ini + chrono::Duration::days(jendela);
    let mut calon = Vec::new();
    for j in daftar_jenis(conn)? {
        for ta in tenggat::ta_sampai(
            &j.aturan,
            tenggat::tahun_dilacak(tahun_awal, hari_ini),
            batas,
        ) {
            calon.push(Calon {
                jenis_id: j.id,
                urutan: j.urutan,
                ta,
                tenggat: j.aturan.tenggat(ta),
                hilang: 0,
            });
        }
    }
    calon.sort_by_key(|c| (c.tenggat, c.urutan));
    Ok(calon)
}

/// One read snapshot over several statements: the check's counts and then its rows, so that
/// a save by another operator in between cannot make the summary and the list disagree.
/// Ends when dropped. Inside a transaction already, it is that transaction's.
pub struct BacaanCek<'c>(Option<&'c Connection>);

pub fn bacaan_cek(conn: &Connection) -> Hasil<BacaanCek<'_>> {
    if !conn.is_autocommit() {
        return Ok(BacaanCek(None));
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    Ok(BacaanCek(Some(conn)))
}

impl Drop for BacaanCek<'_> {
    fn drop(&mut self) {
        if let Some(c) = self.0 {
            // a read-only transaction: ending it cannot lose anything
            let _ = c.execute_batch("COMMIT");
        }
    }
}

/// Counts of the daily check without listing it: what the dashboard shows at start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RingkasanCek {
    pub lewat_tenggat: i64,
    pub mendekati_tenggat: i64,
    pub calon: Vec<Calon>,
}

impl RingkasanCek {
    pub fn jumlah(&self) -> i64 {
        self.lewat_tenggat + self.mendekati_tenggat
    }
}

/// Documents of a kind and fiscal year in scope, from the tally (one row, for one kecamatan or
/// the whole country): (with a date, on time).
fn rekap(conn: &Connection, lingkup: Lingkup, jenis_id: i64, ta: i32) -> Hasil<(i64, i64)> {
    Ok(super::siapkan_lingkup(
        conn,
        &format!(
            "SELECT coalesce(sum(tercatat), 0), coalesce(sum(tepat_waktu), 0) FROM {}
             WHERE (?1 IS NULL OR kecamatan_id = ?1) AND jenis_id = ?2 AND tahun_anggaran = ?3",
            super::tabel_rekap("rekap_dokumen", lingkup)
        ),
        lingkup,
    )?
    .query_row(params![lingkup.param(), jenis_id, ta], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?)
}

/// The same numbers as `cek`, from the tally kept by triggers (`rekap_dokumen`): tracked desa
/// in scope minus documents with a date, per candidate.
pub fn ringkasan_cek(
    conn: &Connection,
    lingkup: Lingkup,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<RingkasanCek> {
    let desa = super::wilayah::jumlah_desa_dilacak(conn, lingkup)?;
    let mut r = RingkasanCek::default();
    for mut c in calon_cek(conn, hari_ini, jendela, tahun_awal)? {
        let (tercatat, _) = rekap(conn, lingkup, c.jenis_id, c.ta)?;
        c.hilang = (desa - tercatat).max(0);
        if tenggat::status(None, c.tenggat, hari_ini, jendela) == Status::LewatTenggat {
            r.lewat_tenggat += c.hilang;
        } else {
            r.mendekati_tenggat += c.hilang;
        }
        r.calon.push(c);
    }
    Ok(r)
}

/// Rows `offset..offset + batas` of the daily check, in `cek`'s order, reading only as far as
/// the page needs: candidates before the page are skipped by their tallies.
pub fn halaman_cek(
    conn: &Connection,
    lingkup: Lingkup,
    ringkasan: &RingkasanCek,
    hari_ini: NaiveDate,
    jendela: i64,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<ItemCek>> {
    let mut hasil = Vec::new();
    jalani_cek(
        conn,
        lingkup,
        ringkasan,
        hari_ini,
        jendela,
        offset,
        Some(batas),
        |i| {
            hasil.push(i);
            true
        },
    )?;
    Ok(hasil)
}

/// Every row of the daily check in `cek`'s order, handed to `f` as it is read, until `f`
/// says stop (returns `false`): the first rows come at once and memory stays flat, however
/// large the country. Returns whether every row was handed over.
pub fn tiap_cek(
    conn: &Connection,
    lingkup: Lingkup,
    ringkasan: &RingkasanCek,
    hari_ini: NaiveDate,
    jendela: i64,
    f: impl FnMut(ItemCek) -> bool,
) -> Hasil<bool> {
    jalani_cek(conn, lingkup, ringkasan, hari_ini, jendela, 0, None, f)
}

/// Walks the daily check from row `offset`, at most `batas` rows (`None`: all), one query
/// per deadline, read as a cursor. Returns `false` when `f` stopped it.
#[allow(clippy::too_many_arguments)]
fn jalani_cek(
    conn: &Connection,
    lingkup: Lingkup,
    ringkasan: &RingkasanCek,
    hari_ini: NaiveDate,
    jendela: i64,
    offset: i64,
    batas: Option<i64>,
    mut f: impl FnMut(ItemCek) -> bool,
) -> Hasil<bool> {
    let mut lewati = offset;
    // SQLite reads a negative LIMIT as none
    let mut sisa = batas.unwrap_or(-1);
    // candidates sharing a deadline are listed together, desa by desa
    let mut i = 0;
    while i < ringkasan.calon.len() && sisa != 0 {
        let mut j = i + 1;
        while j < ringkasan.calon.len() && ringkasan.calon[j].tenggat == ringkasan.calon[i].tenggat
        {
            j += 1;
        }
        let kelompok = &ringkasan.calon[i..j];
        let hilang: i64 = kelompok.iter().map(|c| c.hilang).sum();
        if lewati >= hilang {
            lewati -= hilang;
            i = j;
            continue;
        }
        let nilai: Vec<String> = kelompok
            .iter()
            .map(|c| format!("({}, {}, {})", c.jenis_id, c.ta, c.urutan))
            .collect();
        let urut = if kelompok.len() == 1 {
            "d.kode"
        } else {
            "d.kode, c.urutan"
        };
        let sql = format!(
            "WITH calon (jenis_id, ta, urutan) AS (VALUES {})
             SELECT k.kode, k.nama, d.id, d.kode, d.nama, j.kode, c.ta
             -- CROSS JOIN keeps desa outermost, walked in code order, so the page is read
             -- without sorting the country; `+` keeps the kelurahan flag off the index
             FROM desa d
             CROSS JOIN calon c
             CROSS JOIN jenis_dokumen j
             CROSS JOIN kecamatan k
             WHERE j.id = c.jenis_id AND k.id = d.kecamatan_id
               AND +d.kelurahan = 0 AND (?1 IS NULL OR d.kecamatan_id = ?1)
               AND NOT EXISTS (
                 SELECT 1 FROM dokumen x
                 WHERE x.desa_id = d.id AND x.jenis_id = c.jenis_id
                   AND x.tahun_anggaran = c.ta AND x.tanggal IS NOT NULL)
             ORDER BY {urut} LIMIT ?2 OFFSET ?3",
            nilai.join(", ")
        );
        let tenggat = kelompok[0].tenggat;
        let status = tenggat::status(None, tenggat, hari_ini, jendela);
        let hari = tenggat::sisa_hari(tenggat, hari_ini);
        let mut stmt = super::siapkan_lingkup(conn, &sql, lingkup)?;
        let mut baris = stmt.query(params![lingkup.param(), sisa, lewati])?;
        while let Some(r) = baris.next()? {
            let item = ItemCek {
                kode_kecamatan: r.get(0)?,
                kecamatan: r.get(1)?,
                desa_id: r.get(2)?,
                kode_desa: r.get(3)?,
                desa: r.get(4)?,
                jenis: r.get(5)?,
                tahun_anggaran: r.get(6)?,
                tenggat,
                status,
                hari,
            };
            if sisa > 0 {
                sisa -= 1;
            }
            if !f(item) {
                return Ok(false);
            }
        }
        lewati = 0;
        i = j;
    }
    Ok(true)
}

/// Every (desa, kind, fiscal year) with no date recorded, fiscal year from `tahun_awal` to
/// today's year + 1, whose deadline is on or before today + `jendela` days; sorted by
/// deadline, desa code, kind order. Kelurahan have no desa documents and are left out.
pub fn cek(
    conn: &Connection,
    lingkup: Lingkup,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<Vec<ItemCek>> {
    let batas = hari_ini + chrono::Duration::days(jendela);
    let jenis = daftar_jenis(conn)?;
    let mut calon: Vec<(i64, i32, String, i64)> = Vec::new();
    for j in &jenis {
        for ta in tenggat::ta_sampai(
            &j.aturan,
            tenggat::tahun_dilacak(tahun_awal, hari_ini),
            batas,
        ) {
            calon.push((j.id, ta, format_iso(j.aturan.tenggat(ta)), j.urutan));
        }
    }
    if calon.is_empty() {
        return Ok(Vec::new());
    }
    let nilai: Vec<String> = calon
        .iter()
        .map(|(id, ta, t, u)| format!("({id}, {ta}, '{t}', {u})"))
        .collect();
    let sql = format!(
        "WITH calon (jenis_id, ta, tenggat, urutan) AS (VALUES {})
         SELECT k.kode, k.nama, d.id, d.kode, d.nama, j.kode, c.ta, c.tenggat
         FROM calon c
         JOIN jenis_dokumen j ON j.id = c.jenis_id
         JOIN desa d ON d.kelurahan = 0 AND (?1 IS NULL OR d.kecamatan_id = ?1)
         JOIN kecamatan k ON k.id = d.kecamatan_id
         WHERE NOT EXISTS (
             SELECT 1 FROM dokumen x
             WHERE x.desa_id = d.id AND x.jenis_id = c.jenis_id
               AND x.tahun_anggaran = c.ta AND x.tanggal IS NOT NULL)
         ORDER BY c.tenggat, d.kode, c.urutan",
        nilai.join(", ")
    );
    let mut stmt = super::siapkan_lingkup(conn, &sql, lingkup)?;
    let hasil = stmt
        .query_map([lingkup.param()], |r| {
            let tenggat_teks: String = r.get(7)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                tenggat_teks,
            ))
        })?
        .map(|r| {
            r.map(
                |(kode_kecamatan, kecamatan, desa_id, kode_desa, desa, jenis, ta, t)| {
                    let tenggat = tanggal_sql(&t).unwrap_or(hari_ini);
                    ItemCek {
                        kode_kecamatan,
                        kecamatan,
                        desa_id,
                        kode_desa,
                        desa,
                        jenis,
                        tahun_anggaran: ta,
                        tenggat,
                        status: tenggat::status(None, tenggat, hari_ini, jendela),
                        hari: tenggat::sisa_hari(tenggat, hari_ini),
                    }
                },
            )
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hasil)
}

/// IKU 2 terms for performance year `tahun`: per kind counted, the fiscal year it refers to
/// and the number of desa (in scope) whose document was recorded on time.
pub fn iku2_rincian(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
) -> Hasil<Vec<(JenisDokumen, i32, i64)>> {
    let mut hasil = Vec::new();
    for j in daftar_jenis(conn)?.into_iter().filter(|j| j.hitung_iku2) {
        let ta = j.aturan.ta_untuk_tahun_kinerja(tahun);
        let (_, n) = rekap(conn, lingkup, j.id, ta)?;
        hasil.push((j, ta, n));
    }
    Ok(hasil)
}

/// One row of the Desa screen: a desa and its documents of one fiscal year, in kind order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisDokumen {
    pub desa_id: i64,
    pub kecamatan_id: i64,
    pub kode: String,
    pub nama: String,
    pub kelurahan: bool,
    /// the desa row's version, for a removal or merge asked from this row
    pub versi: i64,
    pub dokumen: Vec<Option<Dokumen>>,
}

/// A page of desa with their documents for fiscal year `ta`.
pub fn halaman_dokumen(
    conn: &Connection,
    lingkup: Lingkup,
    ta: i32,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<BarisDokumen>> {
    let desa = super::wilayah::daftar_desa(conn, lingkup, saring, offset, batas)?;
    baris_halaman(conn, desa, ta)
}

/// The Desa screen's rows for these desa and fiscal year `ta`.
fn baris_halaman(
    conn: &Connection,
    desa: Vec<super::wilayah::Desa>,
    ta: i32,
) -> Hasil<Vec<BarisDokumen>> {
    let jenis = daftar_jenis(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh, versi
         FROM dokumen WHERE desa_id = ?1 AND tahun_anggaran = ?2",
    )?;
    let mut hasil = Vec::with_capacity(desa.len());
    for d in desa {
        let ada: Vec<Dokumen> = stmt
            .query_map(params![d.id, ta], baris_dokumen)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let dokumen = jenis
            .iter()
            .map(|j| ada.iter().find(|x| x.jenis_id == j.id).cloned())
            .collect();
        hasil.push(BarisDokumen {
            desa_id: d.id,
            kecamatan_id: d.kecamatan_id,
            kode: d.kode,
            nama: d.nama,
            kelurahan: d.kelurahan,
            versi: d.versi,
            dokumen,
        });
    }
    Ok(hasil)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, contoh};

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    /// The dashboard's counts and pages must be exactly `cek`'s, whatever the day and scope.
    #[test]
    fn tally_and_pages_agree_with_the_full_check() {
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, d(2026, 11, 23)).unwrap();
        // changes after loading: a date recorded, one removed, one moved to late
        let jenis = daftar_jenis(s.conn()).unwrap();
        let desa: Vec<i64> = s
            .conn()
            .prepare("SELECT id FROM desa ORDER BY kode")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|x| x.unwrap())
            .collect();
        s.transaksi(|tx| {
            let isi = IsiDokumen {
                tanggal: Some(d(2026, 9, 1)),
                ..Default::default()
            };
            simpan_dokumen(
                tx,
                desa[3],
                jenis[0].id,
                2027,
                &isi,
                KolomDokumen::SEMUA,
                false,
                d(2026, 11, 23),
            )?;
            tx.execute(
                "DELETE FROM dokumen WHERE desa_id = ?1 AND tahun_anggaran = 2026",
                [desa[0]],
            )?;
            tx.execute(
                "UPDATE dokumen SET tanggal = NULL WHERE desa_id = ?1 AND tahun_anggaran = 2025",
                [desa[5]],
            )?;
            Ok(())
        })
        .unwrap();
        let kec = crate::store::wilayah::kecamatan_kode(s.conn(), "35.08.07")
            .unwrap()
            .unwrap();
        for lingkup in [Lingkup::Semua, Lingkup::Kecamatan(kec.id)] {
            for hari_ini in [
                d(2025, 9, 1),
                d(2026, 3, 31),
                d(2026, 4, 1),
                d(2026, 11, 23),
                d(2027, 1, 5),
            ] {
                for jendela in [0, 30, 90] {
                    let semua = cek(s.conn(), lingkup, hari_ini, jendela, 2025).unwrap();
                    let r = ringkasan_cek(s.conn(), lingkup, hari_ini, jendela, 2025).unwrap();
                    let lewat = semua
                        .iter()
                        .filter(|i| i.status == Status::LewatTenggat)
                        .count() as i64;
                    assert_eq!(
                        (r.lewat_tenggat, r.jumlah()),
                        (lewat, semua.len() as i64),
                        "{hari_ini} {jendela}"
                    );
                    let mut halaman = Vec::new();
                    for p in 0..(semua.len() / 7 + 2) {
                        halaman.extend(
                            halaman_cek(s.conn(), lingkup, &r, hari_ini, jendela, p as i64 * 7, 7)
                                .unwrap(),
                        );
                    }
                    assert_eq!(halaman, semua, "{hari_ini} {jendela}");
                    let mut aliran = Vec::new();
                    let habis = tiap_cek(s.conn(), lingkup, &r, hari_ini, jendela, |i| {
                        aliran.push(i);
                        true
                    })
                    .unwrap();
                    assert!(habis);
                    assert_eq!(aliran, semua, "streamed {hari_ini} {jendela}");
                    if semua.len() > 2 {
                        let mut dua = Vec::new();
                        let habis = tiap_cek(s.conn(), lingkup, &r, hari_ini, jendela, |i| {
                            dua.push(i);
                            dua.len() < 2
                        })
                        .unwrap();
                        assert!(!habis, "stopped after two");
                        assert_eq!(dua, semua[..2], "{hari_ini} {jendela}");
                    }
                }
            }
        }
    }

    /// The deadline rows the tally compares with are the screens' deadlines, for every kind
    /// and year, and for a rule whose day does not exist in every month's year (29 February).
    #[test]
    fn deadline_rows_equal_the_rule() {
        let mut s = Store::memori().unwrap();
        s.transaksi(|tx| {
            tx.execute(
                "INSERT INTO jenis_dokumen (kode, nama, urutan, geser_tahun, bulan, hari)
                 VALUES ('UJI', 'Uji', 9, 0, 2, 29)",
                [],
            )?;
            isi_tenggat(tx)?;
            Ok(())
        })
        .unwrap();
        let c = s.conn();
        let mut aturan: Vec<(i64, AturanTenggat)> = c
            .prepare("SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen")
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    AturanTenggat {
                        geser_tahun: r.get(1)?,
                        bulan: r.get(2)?,
                        hari: r.get(3)?,
                    },
                ))
            })
            .unwrap()
            .map(|x| x.unwrap())
            .collect();
        assert_eq!(aturan.len(), 4);
        aturan.sort_by_key(|a| a.0);
        for (id, a) in aturan {
            for ta in 2000..=2100 {
                let baris: String = c
                    .query_row(
                        "SELECT tanggal FROM tenggat_dokumen WHERE jenis_id = ?1 AND tahun_anggaran = ?2",
                        params![id, ta],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(baris, format_iso(a.tenggat(ta)), "{id} {ta}");
            }
        }
        let feb: Vec<String> = c
            .prepare(
                "SELECT tanggal FROM tenggat_dokumen t JOIN jenis_dokumen j ON j.id = t.jenis_id
                 WHERE j.kode = 'UJI' AND tahun_anggaran IN (2027, 2028) ORDER BY 1",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|x| x.unwrap())
            .collect();
        assert_eq!(feb, ["2027-02-28", "2028-02-29"]);
    }

    /// IKU 2 read from the tally equals counting the documents against their deadlines, after
    /// inserts, changes of date across the deadline, deletions and a recount.
    #[test]
    fn iku2_from_the_tally_equals_counting_the_rows() {
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, d(2026, 11, 23)).unwrap();
        let langsung = |c: &Connection, j: &JenisDokumen, ta: i32| -> i64 {
            c.query_row(
                "SELECT count(*) FROM dokumen x JOIN desa d ON d.id = x.desa_id
                 WHERE d.kelurahan = 0 AND x.jenis_id = ?1 AND x.tahun_anggaran = ?2
                   AND x.tanggal <= ?3",
                params![j.id, ta, format_iso(j.aturan.tenggat(ta))],
                |r| r.get(0),
            )
            .unwrap()
        };
        let periksa = |s: &Store, tahap: &str| {
            let c = s.conn();
            for tahun in 2024..=2028 {
                for (j, ta, n) in iku2_rincian(c, Lingkup::Semua, tahun).unwrap() {
                    assert_eq!(n, langsung(c, &j, ta), "{tahap}: {} TA {ta}", j.kode);
                }
            }
        };
        periksa(&s, "contoh");
        let jenis = daftar_jenis(s.conn()).unwrap();
        let rkp = &jenis[0];
        let tepat = format_iso(rkp.aturan.tenggat(2027));
        s.transaksi(|tx| {
            // every RKPDes 2027 dated on the deadline day (on time), then half of them a day
            // later (late), some removed, and one moved to 2026
            tx.execute(
                "INSERT INTO dokumen (desa_id, jenis_id, tahun_anggaran, tanggal)
                 SELECT id, ?1, 2027, ?2 FROM desa WHERE kelurahan = 0
                 ON CONFLICT DO UPDATE SET tanggal = excluded.tanggal",
                params![rkp.id, tepat],
            )?;
            tx.execute(
                "UPDATE dokumen SET tanggal = date(tanggal, '+1 day')
                 WHERE jenis_id = ?1 AND tahun_anggaran = 2027 AND desa_id % 2 = 0",
                [rkp.id],
            )?;
            tx.execute(
                "DELETE FROM dokumen WHERE tahun_anggaran = 2026 AND desa_id % 3 = 0",
                [],
            )?;
            tx.execute(
                "UPDATE dokumen SET tahun_anggaran = 2026
                 WHERE jenis_id = ?1 AND tahun_anggaran = 2027 AND desa_id % 3 = 0",
                [rkp.id],
            )?;
            Ok(())
        })
        .unwrap();
        periksa(&s, "sesudah diubah");
        let rekap = |s: &Store| -> Vec<(i64, i64, i64, i64, i64)> {
            s.conn()
                .prepare("SELECT * FROM rekap_dokumen WHERE tercatat > 0 ORDER BY 1, 2, 3")
                .unwrap()
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .unwrap()
                .map(|x| x.unwrap())
                .collect()
        };
        let sebelum = rekap(&s);
        assert!(sebelum.iter().any(|r| r.4 > 0 && r.4 < r.3), "{sebelum:?}");
        s.transaksi(|tx| Ok(hitung_ulang_rekap(tx, None)?)).unwrap();
        let sesudah = rekap(&s);
        assert_eq!(sesudah, sebelum, "recount = what the triggers kept");
    }
}
