//! Desa documents (RKPDes, APBDes, LPPDes …), their deadline rules, `cek` and IKU 2.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::wilayah::{Lingkup, tolak};
use super::{Galat, Hasil, tanggal_sql};
use crate::domain::aturan::{Bentuk, HasilEvaluasi, Pelaku, Peristiwa, Satuan};
use crate::domain::kalender::Kalender;
use crate::domain::tanggal::{format_iso, format_tanggal};
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};
use crate::domain::tenggat::{self, AturanTenggat, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JenisDokumen {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub urutan: i64,
    /// A fixed day of the fiscal year, or a count after an event (schema 15).
    pub bentuk: Bentuk,
    /// Who must act: the desa, or the camat (the office's own task).
    pub pelaku: Pelaku,
    pub keterangan_aturan: String,
    pub dasar_hukum: String,
    pub hitung_iku2: bool,
    pub versi: i64,
    /// Its entries carry an evaluation's result, because a rule counts from one (EvalAPBDes).
    pub berhasil: bool,
}

impl JenisDokumen {
    /// The fixed-day rule, for a kind that has one.
    pub fn tetap(&self) -> Option<AturanTenggat> {
        self.bentuk.tetap()
    }

    /// The deadline of fiscal year `ta` when it does not depend on a desa's events.
    pub fn tenggat_tetap(&self, ta: i32) -> Option<NaiveDate> {
        self.tetap().map(|a| a.tenggat(ta))
    }

    /// The deadline counts from a kepala desa's inauguration (the RPJMDes).
    pub fn dari_pelantikan(&self) -> bool {
        matches!(
            self.bentuk,
            Bentuk::Setelah {
                peristiwa: Peristiwa::Pelantikan,
                ..
            }
        )
    }

    /// The kind whose recorded date this kind counts from, with the result it needs.
    pub fn sumber(&self) -> Option<(&str, Option<HasilEvaluasi>)> {
        match &self.bentuk {
            Bentuk::Setelah {
                peristiwa: Peristiwa::Jenis { kode, hasil },
                ..
            } => Some((kode.as_str(), *hasil)),
            _ => None,
        }
    }

    /// Checks a recorded date against the earliest a document of fiscal year `ta` can
    /// plausibly carry (a mistyped year): for a fixed rule the year before its deadline's,
    /// for a count after an event two years before the fiscal year.
    pub fn periksa_tanggal(&self, ta: i32, tanggal: NaiveDate) -> Result<(), String> {
        match self.tetap() {
            Some(a) => a.periksa_tanggal(&self.kode, ta, tanggal),
            None => tenggat::periksa_tanggal_peristiwa(&self.kode, ta, tanggal),
        }
    }
}

/// A stored rule row as the domain reads it.
fn bentuk_dari_baris(
    bentuk: &str,
    tetap: AturanTenggat,
    peristiwa: &str,
    jumlah: i64,
    satuan: &str,
) -> Bentuk {
    match (
        bentuk,
        Peristiwa::dari_kode(peristiwa),
        Satuan::dari_kode(satuan),
    ) {
        ("setelah", Some(peristiwa), Some(satuan)) => Bentuk::Setelah {
            peristiwa,
            jumlah: jumlah.clamp(0, 366) as u32,
            satuan,
        },
        _ => Bentuk::Tetap(tetap),
    }
}

/// Active document kinds in their order (RKPDes, APBDes, LPPDes, then the kinds of schema 15
/// and what a kabupaten added).
pub fn daftar_jenis(conn: &Connection) -> Hasil<Vec<JenisDokumen>> {
    daftar_jenis_dengan(conn, false)
}

/// Like `daftar_jenis`, with the kinds no longer tracked when `semua`.
pub fn daftar_jenis_dengan(conn: &Connection, semua: bool) -> Hasil<Vec<JenisDokumen>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kode, nama, urutan, geser_tahun, bulan, hari, aturan, dasar_hukum, hitung_iku2,
                pelaku, bentuk, peristiwa, jumlah, satuan, versi
         FROM jenis_dokumen WHERE aktif = 1 OR ?1 ORDER BY urutan, id",
    )?;
    let v = stmt
        .query_map([semua], |r| {
            let tetap = AturanTenggat {
                geser_tahun: r.get(4)?,
                bulan: r.get(5)?,
                hari: r.get(6)?,
            };
            let bentuk: String = r.get(11)?;
            let peristiwa: String = r.get(12)?;
            let satuan: String = r.get(14)?;
            let pelaku: String = r.get(10)?;
            Ok(JenisDokumen {
                id: r.get(0)?,
                kode: r.get(1)?,
                nama: r.get(2)?,
                urutan: r.get(3)?,
                bentuk: bentuk_dari_baris(&bentuk, tetap, &peristiwa, r.get(13)?, &satuan),
                pelaku: Pelaku::dari_kode(&pelaku).unwrap_or(Pelaku::Desa),
                keterangan_aturan: r.get(7)?,
                dasar_hukum: r.get(8)?,
                hitung_iku2: r.get(9)?,
                versi: r.get(15)?,
                berhasil: false,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut v = v;
    let berhasil: Vec<String> = v
        .iter()
        .filter_map(|j| match j.sumber() {
            Some((kode, Some(_))) => Some(kode.to_string()),
            _ => None,
        })
        .collect();
    for j in &mut v {
        j.berhasil = berhasil.contains(&j.kode);
    }
    Ok(v)
}

/// Schema v8: the deadline of every kind and fiscal year 2000–2100 as rows, for the tally's
/// on-time count (`rekap_dokumen.tepat_waktu`), computed by the same rule as the screens.
pub(super) fn isi_tenggat(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM tenggat_dokumen", [])?;
    // before schema 15 (an upgrade passing through schema 8) every kind has a fixed day
    let bentuk: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('jenis_dokumen') WHERE name = 'bentuk'",
        [],
        |r| r.get(0),
    )?;
    let sql = if bentuk == 1 {
        "SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen WHERE bentuk = 'tetap'"
    } else {
        "SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen"
    };
    let aturan = conn
        .prepare(sql)?
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
    /// The evaluation's result, for an entry that is one (EvalAPBDes).
    pub hasil: Option<HasilEvaluasi>,
}

pub fn dokumen(conn: &Connection, desa_id: i64, jenis_id: i64, ta: i32) -> Hasil<Option<Dokumen>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh, versi, hasil
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
        hasil: r
            .get::<_, Option<String>>(9)?
            .as_deref()
            .and_then(HasilEvaluasi::dari_teks),
    })
}

/// Every document of a desa, all years, newest fiscal year first.
pub fn dokumen_desa(conn: &Connection, desa_id: i64) -> Hasil<Vec<Dokumen>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.desa_id, d.jenis_id, d.tahun_anggaran, d.tanggal, d.nomor, d.keterangan, d.contoh, d.versi, d.hasil
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
fn syarat_tetap(
    jenis: &[JenisDokumen],
    ta: i32,
    st: Status,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> String {
    let iso = |t: NaiveDate| t.format("%Y-%m-%d").to_string();
    // a count after an event has a deadline per desa: the filter reads the fixed-day kinds
    let jenis: Vec<(&JenisDokumen, AturanTenggat)> = jenis
        .iter()
        .filter_map(|j| j.tetap().map(|a| (j, a)))
        .collect();
    let syarat = match st {
        Status::TepatWaktu | Status::Terlambat => {
            let op = if st == Status::TepatWaktu { "<=" } else { ">" };
            let bagian: Vec<String> = jenis
                .iter()
                .map(|(j, a)| {
                    format!(
                        "(x.jenis_id = {} AND x.tanggal {op} '{}')",
                        j.id,
                        iso(a.tenggat(ta))
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
                .filter(|(_, a)| tenggat::status(None, a.tenggat(ta), hari_ini, jendela) == st)
                .map(|(j, _)| j.id.to_string())
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

/// The condition on entries `e` that are the recorded event `kode` (with result `hasil`) of
/// a rule, written so that the partial index of the events serves it; `None` when no kind
/// has that code.
fn syarat_sumber(
    jenis: &[JenisDokumen],
    kode: &str,
    hasil: Option<HasilEvaluasi>,
) -> Option<String> {
    let sumber = jenis.iter().find(|x| x.kode == kode)?;
    // the partial index's own condition, for the planner to choose it
    let indeks = if sumber.id > 3 {
        " AND e.jenis_id > 3"
    } else {
        ""
    };
    let hasil = match hasil {
        Some(h) => format!(" AND e.hasil = '{}'", h.kode()),
        None => String::new(),
    };
    Some(format!(
        "e.jenis_id = {}{indeks} AND e.tanggal IS NOT NULL{hasil}",
        sumber.id
    ))
}

/// One recorded event of a kind counted from it, for a desa and fiscal year in scope, with
/// that kind's own date if it has one.
struct BarisPeristiwa {
    kode_kecamatan: String,
    kecamatan: String,
    desa_id: i64,
    kode_desa: String,
    desa: String,
    ta: i32,
    peristiwa: NaiveDate,
    sendiri: Option<NaiveDate>,
}

/// The events kind `j` counts from, for the desa (not kelurahan) in scope and the fiscal
/// years `tahun`: the entries of its source kind (through the partial index of the events)
/// or the latest inauguration of each year. `None` when `j` has a fixed day or its source
/// kind is unknown.
fn baca_peristiwa(
    conn: &Connection,
    lingkup: Lingkup,
    jenis: &[JenisDokumen],
    j: &JenisDokumen,
    tahun: std::ops::RangeInclusive<i32>,
) -> Hasil<Option<Vec<BarisPeristiwa>>> {
    let Bentuk::Setelah { peristiwa, .. } = &j.bentuk else {
        return Ok(None);
    };
    let (awal, akhir, sendiri) = (tahun.start(), tahun.end(), j.id);
    let sql = match peristiwa {
        Peristiwa::Jenis { kode, hasil } => {
            let Some(sumber) = syarat_sumber(jenis, kode, *hasil) else {
                return Ok(None);
            };
            format!(
                "SELECT k.kode, k.nama, d.id, d.kode, d.nama, e.tahun_anggaran, e.tanggal, x.tanggal
                 FROM dokumen e JOIN desa d ON d.id = e.desa_id
                 JOIN kecamatan k ON k.id = d.kecamatan_id
                 LEFT JOIN dokumen x ON x.desa_id = e.desa_id AND x.jenis_id = {sendiri}
                      AND x.tahun_anggaran = e.tahun_anggaran
                 WHERE {sumber} AND e.tahun_anggaran BETWEEN {awal} AND {akhir}
                   AND d.kelurahan = 0 AND (?1 IS NULL OR d.kecamatan_id = ?1)"
            )
        }
        Peristiwa::Pelantikan => format!(
            "SELECT k.kode, k.nama, d.id, d.kode, d.nama, p.ta, p.dilantik, x.tanggal
             FROM (SELECT desa_id, CAST(substr(dilantik, 1, 4) AS INTEGER) AS ta,
                          max(dilantik) AS dilantik
                   FROM kepala_desa GROUP BY desa_id, ta) p
             JOIN desa d ON d.id = p.desa_id
             JOIN kecamatan k ON k.id = d.kecamatan_id
             LEFT JOIN dokumen x ON x.desa_id = p.desa_id AND x.jenis_id = {sendiri}
                  AND x.tahun_anggaran = p.ta
             WHERE p.ta BETWEEN {awal} AND {akhir}
               AND d.kelurahan = 0 AND (?1 IS NULL OR d.kecamatan_id = ?1)"
        ),
    };
    let mut stmt = super::siapkan_lingkup(conn, &sql, lingkup)?;
    let mut baris = stmt.query([lingkup.param()])?;
    let mut v = Vec::new();
    while let Some(r) = baris.next()? {
        let Some(peristiwa) = tanggal_sql(&r.get::<_, String>(6)?) else {
            continue;
        };
        v.push(BarisPeristiwa {
            kode_kecamatan: r.get(0)?,
            kecamatan: r.get(1)?,
            desa_id: r.get(2)?,
            kode_desa: r.get(3)?,
            desa: r.get(4)?,
            ta: r.get(5)?,
            peristiwa,
            sendiri: r
                .get::<_, Option<String>>(7)?
                .as_deref()
                .and_then(tanggal_sql),
        });
    }
    Ok(Some(v))
}

/// The SQL condition of `syarat_tetap`, or a document of a kind counted from an event with
/// that status: those are few (the events recorded for the year), found here and named by
/// their desa ids (pantau's own numbers).
#[allow(clippy::too_many_arguments)]
fn syarat_status(
    conn: &Connection,
    lingkup: Lingkup,
    jenis: &[JenisDokumen],
    ta: i32,
    st: Status,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<String> {
    let tetap = syarat_tetap(jenis, ta, st, hari_ini, jendela, tahun_awal);
    let mut id = Vec::new();
    if ta >= tahun_awal || st.tercatat() {
        let mut kalender = None;
        for j in jenis {
            let Some(baris) = baca_peristiwa(conn, lingkup, jenis, j, ta..=ta)? else {
                continue;
            };
            if kalender.is_none() {
                kalender = Some(super::kalender::muat(conn)?);
            }
            let kal = kalender.as_ref().expect("just loaded");
            for b in baris {
                let Some((batas, _)) = j.bentuk.tenggat(ta, Some(b.peristiwa), kal) else {
                    continue;
                };
                if tenggat::status(b.sendiri, batas, hari_ini, jendela) == st {
                    id.push(b.desa_id.to_string());
                }
            }
        }
    }
    Ok(if id.is_empty() {
        tetap
    } else {
        format!("(({tetap}) OR d.id IN ({}))", id.join(", "))
    })
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
    let syarat = syarat_status(
        conn,
        lingkup,
        &daftar_jenis(conn)?,
        ta,
        st,
        hari_ini,
        jendela,
        tahun_awal,
    )?;
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
    let syarat = syarat_status(
        conn,
        lingkup,
        &daftar_jenis(conn)?,
        ta,
        st,
        hari_ini,
        jendela,
        tahun_awal,
    )?;
    super::wilayah::hitung_desa_syarat(conn, lingkup, &syarat)
}

/// What a person typed into the document form (or a file row).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IsiDokumen {
    pub tanggal: Option<NaiveDate>,
    pub nomor: String,
    pub keterangan: String,
    /// The evaluation's result (a kind with `berhasil` only).
    pub hasil: Option<HasilEvaluasi>,
}

/// Which of a document's fields a write carries; a file without a column leaves it as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KolomDokumen {
    pub tanggal: bool,
    pub nomor: bool,
    pub keterangan: bool,
    pub hasil: bool,
}

impl KolomDokumen {
    pub const SEMUA: KolomDokumen = KolomDokumen {
        tanggal: true,
        nomor: true,
        keterangan: true,
        hasil: true,
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
#[allow(clippy::too_many_arguments)]
pub fn periksa_dokumen(
    jenis: &JenisDokumen,
    ta: i32,
    tanggal: Option<NaiveDate>,
    nomor: &str,
    keterangan: &str,
    hasil: Option<HasilEvaluasi>,
    hari_ini: NaiveDate,
) -> Vec<Keliru> {
    let mut v = Vec::new();
    match (jenis.berhasil, tanggal, hasil) {
        (false, _, Some(_)) => v.push(Keliru::new(
            "hasil",
            "Hasil",
            format!("{} tidak mempunyai hasil evaluasi; kosongkan", jenis.kode),
        )),
        (true, Some(_), None) => v.push(Keliru::new(
            "hasil",
            "Hasil",
            "wajib diisi bila tanggal diisi: sesuai atau perlu perbaikan".to_string(),
        )),
        (true, None, Some(_)) => v.push(Keliru::new(
            "hasil",
            "Hasil",
            "tanpa tanggal evaluasi; isi tanggalnya atau kosongkan hasil".to_string(),
        )),
        _ => {}
    }
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
        } else if let Err(e) = jenis.periksa_tanggal(ta, t) {
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
    conn: &'c Connection,
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
            "INSERT INTO dokumen (desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh, hasil)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (desa_id, jenis_id, tahun_anggaran) DO NOTHING",
        )?;
        let ubah = conn.prepare_cached(
            "UPDATE dokumen SET
               tanggal = iif(?8, ?4, tanggal),
               nomor = iif(?9, ?5, nomor),
               keterangan = iif(?10, ?6, keterangan),
               hasil = iif(?12, ?11, hasil),
               contoh = ?7, versi = versi + 1
             WHERE desa_id = ?1 AND jenis_id = ?2 AND tahun_anggaran = ?3
               AND (tanggal, nomor, keterangan, contoh, hasil) IS NOT
                   (iif(?8, ?4, tanggal), iif(?9, ?5, nomor), iif(?10, ?6, keterangan), ?7,
                    iif(?12, ?11, hasil))",
        )?;
        Ok(PenulisDokumen {
            conn,
            tambah,
            ubah,
            jenis: daftar_jenis(conn)?,
            hari_ini,
        })
    }

    /// The date recorded for kind `jenis_id` of a desa and year (with that result, if given).
    fn tanggal_tercatat(
        &self,
        desa_id: i64,
        jenis_id: i64,
        ta: i32,
        hasil: Option<HasilEvaluasi>,
    ) -> Hasil<Option<NaiveDate>> {
        let t: Option<Option<String>> = self
            .conn
            .prepare_cached(
                "SELECT tanggal FROM dokumen WHERE desa_id = ?1 AND jenis_id = ?2
                   AND tahun_anggaran = ?3 AND (?4 IS NULL OR hasil = ?4)",
            )?
            .query_row(
                params![desa_id, jenis_id, ta, hasil.map(HasilEvaluasi::kode)],
                |r| r.get(0),
            )
            .optional()?;
        Ok(t.flatten().as_deref().and_then(tanggal_sql))
    }

    /// A step of a workflow is not dated before the event it counts from (an evaluation
    /// before the draft's receipt), nor an event after a step counted from it.
    fn periksa_urutan(
        &self,
        desa_id: i64,
        j: &JenisDokumen,
        ta: i32,
        tanggal: NaiveDate,
        hasil: Option<HasilEvaluasi>,
    ) -> Hasil<()> {
        if let Bentuk::Setelah { peristiwa, .. } = &j.bentuk {
            let sejak = match peristiwa {
                Peristiwa::Jenis { kode, hasil } => {
                    match self.jenis.iter().find(|x| x.kode == *kode) {
                        Some(x) => self.tanggal_tercatat(desa_id, x.id, ta, *hasil)?,
                        None => None,
                    }
                }
                Peristiwa::Pelantikan => {
                    let t: Option<String> = self
                        .conn
                        .prepare_cached(
                            "SELECT max(dilantik) FROM kepala_desa
                             WHERE desa_id = ?1 AND substr(dilantik, 1, 4) = ?2",
                        )?
                        .query_row(params![desa_id, format!("{ta:04}")], |r| r.get(0))?;
                    t.as_deref().and_then(tanggal_sql)
                }
            };
            if let Some(t) = sejak
                && tanggal < t
            {
                return Err(Galat::TidakSah(format!(
                    "Tanggal: {} sebelum {} ({}); periksa tanggalnya",
                    format_tanggal(tanggal),
                    peristiwa.uraian(),
                    format_tanggal(t)
                )));
            }
        }
        for d in &self.jenis {
            let Some((kode, perlu)) = d.sumber() else {
                continue;
            };
            if kode != j.kode || (perlu.is_some() && perlu != hasil) {
                continue;
            }
            if let Some(t) = self.tanggal_tercatat(desa_id, d.id, ta, None)?
                && t < tanggal
            {
                return Err(Galat::TidakSah(format!(
                    "Tanggal: {} sesudah {} yang dihitung darinya ({}); periksa tanggalnya",
                    format_tanggal(tanggal),
                    d.kode,
                    format_tanggal(t)
                )));
            }
        }
        Ok(())
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
        hasil: Option<HasilEvaluasi>,
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
            hasil,
            self.hari_ini,
        ))?;
        // only the kinds of a workflow have an order to keep (the three of IKU 2 do not)
        if let Some(t) = tanggal
            && (jenis.tetap().is_none()
                || self
                    .jenis
                    .iter()
                    .any(|d| d.sumber().is_some_and(|(k, _)| k == jenis.kode)))
        {
            let jenis = jenis.clone();
            self.periksa_urutan(desa_id, &jenis, ta, t, hasil)?;
        }
        let iso = tanggal.map(crate::domain::tanggal::iso);
        let tanggal = iso.as_ref().map(|b| b.as_str());
        let hasil = hasil.map(HasilEvaluasi::kode);
        if self.tambah.execute(params![
            desa_id, jenis_id, ta, tanggal, nomor, keterangan, contoh, hasil
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
            kolom.keterangan,
            hasil,
            kolom.hasil
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
        isi.hasil,
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
    if isi.tanggal.is_none()
        && isi.nomor.is_empty()
        && isi.keterangan.is_empty()
        && isi.hasil.is_none()
    {
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
    /// Who must act: a `Camat` item is the office's own task (the evaluation).
    pub pelaku: Pelaku,
    /// The kind's place in the kind order (the third sort key).
    pub urutan: i64,
    /// Counted in working days through a year whose days off are not loaded: an estimate.
    pub perkiraan: bool,
}

impl ItemCek {
    /// `cek`'s order: deadline, desa code, kind order.
    fn kunci(&self) -> (NaiveDate, &str, i64) {
        (self.tenggat, self.kode_desa.as_str(), self.urutan)
    }
}

/// One (kind, fiscal year) whose deadline falls on or before today + the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calon {
    pub jenis_id: i64,
    pub urutan: i64,
    pub ta: i32,
    pub tenggat: NaiveDate,
    pub pelaku: Pelaku,
    /// Tracked desa in scope with no date recorded (from the kept-current tally).
    pub hilang: i64,
}

/// The candidates of the daily check among the fixed-day kinds, by deadline then kind order.
fn calon_cek(
    jenis: &[JenisDokumen],
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Vec<Calon> {
    let batas = hari_ini + chrono::Duration::days(jendela);
    let mut calon = Vec::new();
    for j in jenis {
        let Some(aturan) = j.tetap() else { continue };
        for ta in tenggat::ta_sampai(&aturan, tenggat::tahun_dilacak(tahun_awal, hari_ini), batas) {
            calon.push(Calon {
                jenis_id: j.id,
                urutan: j.urutan,
                ta,
                tenggat: aturan.tenggat(ta),
                pelaku: j.pelaku,
                hilang: 0,
            });
        }
    }
    calon.sort_by_key(|c| (c.tenggat, c.urutan));
    calon
}

/// The events a desa's deadlines count from, for one fiscal year: its entries of that year
/// and its kepala desa's inaugurations.
#[derive(Debug, Clone, Default)]
pub struct PeristiwaDesa {
    /// (kind id, date, result) of every entry with a date
    pub tercatat: Vec<(i64, NaiveDate, Option<HasilEvaluasi>)>,
    /// inauguration dates in the fiscal year, the latest last
    pub dilantik: Vec<NaiveDate>,
}

impl PeristiwaDesa {
    /// The date `p` names for this desa and year, if recorded.
    pub fn tanggal(&self, jenis: &[JenisDokumen], p: &Peristiwa) -> Option<NaiveDate> {
        match p {
            Peristiwa::Pelantikan => self.dilantik.last().copied(),
            Peristiwa::Jenis { kode, hasil } => {
                let id = jenis.iter().find(|j| j.kode == *kode)?.id;
                self.tercatat
                    .iter()
                    .find(|(j, _, h)| *j == id && (hasil.is_none() || h == hasil))
                    .map(|(_, t, _)| *t)
            }
        }
    }

    /// The deadline of kind `j` for this desa and fiscal year `ta`, and whether it is an
    /// estimate (see `Bentuk::tenggat`). `None`: it counts from an event not recorded yet.
    pub fn tenggat(
        &self,
        jenis: &[JenisDokumen],
        j: &JenisDokumen,
        ta: i32,
        kalender: &Kalender,
    ) -> Option<(NaiveDate, bool)> {
        let t = match &j.bentuk {
            Bentuk::Setelah { peristiwa, .. } => self.tanggal(jenis, peristiwa),
            Bentuk::Tetap(_) => None,
        };
        j.bentuk.tenggat(ta, t, kalender)
    }
}

/// The events of a desa for fiscal year `ta`.
pub fn peristiwa_desa(conn: &Connection, desa_id: i64, ta: i32) -> Hasil<PeristiwaDesa> {
    let tercatat = conn
        .prepare_cached(
            "SELECT jenis_id, tanggal, hasil FROM dokumen
             WHERE desa_id = ?1 AND tahun_anggaran = ?2 AND tanggal IS NOT NULL",
        )?
        .query_map(params![desa_id, ta], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(|(j, t, h)| {
            Some((
                j,
                tanggal_sql(&t)?,
                h.as_deref().and_then(HasilEvaluasi::dari_teks),
            ))
        })
        .collect();
    let dilantik = conn
        .prepare_cached(
            "SELECT dilantik FROM kepala_desa WHERE desa_id = ?1 AND substr(dilantik, 1, 4) = ?2
             ORDER BY dilantik",
        )?
        .query_map(params![desa_id, format!("{ta:04}")], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .iter()
        .filter_map(|t| tanggal_sql(t))
        .collect();
    Ok(PeristiwaDesa { tercatat, dilantik })
}

/// The daily check's items of the kinds whose deadline counts from an event, in `cek`'s
/// order: every (desa, kind, year) in scope with the event recorded, no date of its own, and
/// a deadline on or before today + the window. Read from the events, which are few: the
/// entries of the kinds after the first three, through their own index.
fn cek_peristiwa(
    conn: &Connection,
    lingkup: Lingkup,
    jenis: &[JenisDokumen],
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<Vec<ItemCek>> {
    let batas = hari_ini + chrono::Duration::days(jendela);
    let tahun = tenggat::tahun_dilacak(tahun_awal, hari_ini);
    let mut hasil = Vec::new();
    let mut kalender = None;
    for j in jenis {
        let Some(baris) = baca_peristiwa(conn, lingkup, jenis, j, tahun.clone())? else {
            continue;
        };
        if kalender.is_none() {
            kalender = Some(super::kalender::muat(conn)?);
        }
        let kal = kalender.as_ref().expect("just loaded");
        for b in baris.into_iter().filter(|b| b.sendiri.is_none()) {
            let Some((t, perkiraan)) = j.bentuk.tenggat(b.ta, Some(b.peristiwa), kal) else {
                continue;
            };
            if t > batas {
                continue;
            }
            hasil.push(ItemCek {
                kode_kecamatan: b.kode_kecamatan,
                kecamatan: b.kecamatan,
                desa_id: b.desa_id,
                kode_desa: b.kode_desa,
                desa: b.desa,
                jenis: j.kode.clone(),
                tahun_anggaran: b.ta,
                tenggat: t,
                status: tenggat::status(None, t, hari_ini, jendela),
                hari: tenggat::sisa_hari(t, hari_ini),
                pelaku: j.pelaku,
                urutan: j.urutan,
                perkiraan,
            });
        }
    }
    hasil.sort_by(|a, b| a.kunci().cmp(&b.kunci()));
    Ok(hasil)
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
    /// Of both, the office's own tasks (the camat's evaluations).
    pub tugas_kantor: i64,
    /// Of both, deadlines counted without the days off of a year (an estimate).
    pub perkiraan: i64,
    pub calon: Vec<Calon>,
    /// The items of the kinds counted from an event, in `cek`'s order (they are few).
    pub peristiwa: Vec<ItemCek>,
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

/// The same numbers as `cek`: for the fixed-day kinds from the tally kept by triggers
/// (`rekap_dokumen`), tracked desa in scope minus documents with a date, per candidate; for
/// the kinds counted from an event from their few events.
pub fn ringkasan_cek(
    conn: &Connection,
    lingkup: Lingkup,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<RingkasanCek> {
    let desa = super::wilayah::jumlah_desa_dilacak(conn, lingkup)?;
    let jenis = daftar_jenis(conn)?;
    let mut r = RingkasanCek::default();
    for mut c in calon_cek(&jenis, hari_ini, jendela, tahun_awal) {
        let (tercatat, _) = rekap(conn, lingkup, c.jenis_id, c.ta)?;
        c.hilang = (desa - tercatat).max(0);
        if tenggat::status(None, c.tenggat, hari_ini, jendela) == Status::LewatTenggat {
            r.lewat_tenggat += c.hilang;
        } else {
            r.mendekati_tenggat += c.hilang;
        }
        if c.pelaku == Pelaku::Camat {
            r.tugas_kantor += c.hilang;
        }
        r.calon.push(c);
    }
    r.peristiwa = cek_peristiwa(conn, lingkup, &jenis, hari_ini, jendela, tahun_awal)?;
    for i in &r.peristiwa {
        if i.status == Status::LewatTenggat {
            r.lewat_tenggat += 1;
        } else {
            r.mendekati_tenggat += 1;
        }
        r.tugas_kantor += i64::from(i.pelaku == Pelaku::Camat);
        r.perkiraan += i64::from(i.perkiraan);
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

/// The SQL of one group of fixed-day candidates sharing a deadline: their missing documents,
/// desa by desa. `tambahan` narrows it (a position count).
fn sql_kelompok(kelompok: &[Calon], pilih: &str, tambahan: &str, urut: bool) -> String {
    let nilai: Vec<String> = kelompok
        .iter()
        .map(|c| format!("({}, {}, {})", c.jenis_id, c.ta, c.urutan))
        .collect();
    let urutan = if !urut {
        ""
    } else if kelompok.len() == 1 {
        "ORDER BY d.kode LIMIT ?2 OFFSET ?3"
    } else {
        "ORDER BY d.kode, c.urutan LIMIT ?2 OFFSET ?3"
    };
    format!(
        "WITH calon (jenis_id, ta, urutan) AS (VALUES {})
         SELECT {pilih}
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
           {tambahan}
         {urutan}",
        nilai.join(", ")
    )
}

/// How many rows of the fixed-day kinds come before `item` in `cek`'s order.
fn tetap_sebelum(
    conn: &Connection,
    lingkup: Lingkup,
    calon: &[Calon],
    item: &ItemCek,
) -> Hasil<i64> {
    let mut n: i64 = calon
        .iter()
        .filter(|c| c.tenggat < item.tenggat)
        .map(|c| c.hilang)
        .sum();
    let kelompok: Vec<Calon> = calon
        .iter()
        .filter(|c| c.tenggat == item.tenggat)
        .cloned()
        .collect();
    if !kelompok.is_empty() {
        let sql = sql_kelompok(
            &kelompok,
            "count(*)",
            "AND (d.kode < ?2 OR (d.kode = ?2 AND c.urutan < ?3))",
            false,
        );
        n += super::siapkan_lingkup(conn, &sql, lingkup)?
            .query_row(params![lingkup.param(), item.kode_desa, item.urutan], |r| {
                r.get::<_, i64>(0)
            })?;
    }
    Ok(n)
}

/// Walks the daily check from row `offset`, at most `batas` rows (`None`: all): the rows of
/// the fixed-day kinds read as a cursor, the few of the kinds counted from an event put in
/// their places. Returns `false` when `f` stopped it.
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
    let e = &ringkasan.peristiwa;
    if e.is_empty() {
        return jalani_tetap(
            conn, lingkup, ringkasan, hari_ini, jendela, offset, batas, f,
        );
    }
    // each event item's place in the whole list
    let mut tempat = Vec::with_capacity(e.len());
    for (i, item) in e.iter().enumerate() {
        tempat.push(i as i64 + tetap_sebelum(conn, lingkup, &ringkasan.calon, item)?);
    }
    let akhir = batas.map(|b| offset + b);
    let sebelum = tempat.iter().filter(|p| **p < offset).count() as i64;
    let mut dalam = e
        .iter()
        .zip(&tempat)
        .filter(|(_, p)| **p >= offset && akhir.is_none_or(|a| **p < a))
        .map(|(x, _)| x)
        .peekable();
    let n_dalam = tempat
        .iter()
        .filter(|p| **p >= offset && akhir.is_none_or(|a| **p < a))
        .count() as i64;
    let mut berhenti = false;
    let selesai = jalani_tetap(
        conn,
        lingkup,
        ringkasan,
        hari_ini,
        jendela,
        offset - sebelum,
        batas.map(|b| b - n_dalam),
        |item| {
            while let Some(x) = dalam.next_if(|x| x.kunci() < item.kunci()) {
                if !f(x.clone()) {
                    berhenti = true;
                    return false;
                }
            }
            f(item)
        },
    )?;
    if berhenti || !selesai {
        return Ok(false);
    }
    for x in dalam {
        if !f(x.clone()) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Walks the rows of the fixed-day kinds from row `offset` of theirs, at most `batas` rows
/// (`None`: all), one query per deadline, read as a cursor.
#[allow(clippy::too_many_arguments)]
fn jalani_tetap(
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
        let sql = sql_kelompok(
            kelompok,
            "k.kode, k.nama, d.id, d.kode, d.nama, j.kode, c.ta, j.pelaku, c.urutan",
            "",
            true,
        );
        let tenggat = kelompok[0].tenggat;
        let status = tenggat::status(None, tenggat, hari_ini, jendela);
        let hari = tenggat::sisa_hari(tenggat, hari_ini);
        let mut stmt = super::siapkan_lingkup(conn, &sql, lingkup)?;
        let mut baris = stmt.query(params![lingkup.param(), sisa, lewati])?;
        while let Some(r) = baris.next()? {
            let pelaku: String = r.get(7)?;
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
                pelaku: Pelaku::dari_kode(&pelaku).unwrap_or(Pelaku::Desa),
                urutan: r.get(8)?,
                perkiraan: false,
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
/// deadline, desa code, kind order. Kelurahan have no desa documents and are left out. The
/// whole list at once: the reference the paged and streamed readings are tested against.
pub fn cek(
    conn: &Connection,
    lingkup: Lingkup,
    hari_ini: NaiveDate,
    jendela: i64,
    tahun_awal: i32,
) -> Hasil<Vec<ItemCek>> {
    let jenis = daftar_jenis(conn)?;
    let calon = calon_cek(&jenis, hari_ini, jendela, tahun_awal);
    let mut hasil = cek_peristiwa(conn, lingkup, &jenis, hari_ini, jendela, tahun_awal)?;
    if calon.is_empty() {
        return Ok(hasil);
    }
    let nilai: Vec<String> = calon
        .iter()
        .map(|c| {
            format!(
                "({}, {}, '{}', {})",
                c.jenis_id,
                c.ta,
                format_iso(c.tenggat),
                c.urutan
            )
        })
        .collect();
    let sql = format!(
        "WITH calon (jenis_id, ta, tenggat, urutan) AS (VALUES {})
         SELECT k.kode, k.nama, d.id, d.kode, d.nama, j.kode, c.ta, c.tenggat, j.pelaku, c.urutan
         FROM calon c
         JOIN jenis_dokumen j ON j.id = c.jenis_id
         JOIN desa d ON d.kelurahan = 0 AND (?1 IS NULL OR d.kecamatan_id = ?1)
         JOIN kecamatan k ON k.id = d.kecamatan_id
         WHERE NOT EXISTS (
             SELECT 1 FROM dokumen x
             WHERE x.desa_id = d.id AND x.jenis_id = c.jenis_id
               AND x.tahun_anggaran = c.ta AND x.tanggal IS NOT NULL)",
        nilai.join(", ")
    );
    let mut stmt = super::siapkan_lingkup(conn, &sql, lingkup)?;
    let mut baris = stmt.query([lingkup.param()])?;
    while let Some(r) = baris.next()? {
        let tenggat = tanggal_sql(&r.get::<_, String>(7)?).unwrap_or(hari_ini);
        let pelaku: String = r.get(8)?;
        hasil.push(ItemCek {
            kode_kecamatan: r.get(0)?,
            kecamatan: r.get(1)?,
            desa_id: r.get(2)?,
            kode_desa: r.get(3)?,
            desa: r.get(4)?,
            jenis: r.get(5)?,
            tahun_anggaran: r.get(6)?,
            tenggat,
            status: tenggat::status(None, tenggat, hari_ini, jendela),
            hari: tenggat::sisa_hari(tenggat, hari_ini),
            pelaku: Pelaku::dari_kode(&pelaku).unwrap_or(Pelaku::Desa),
            urutan: r.get(9)?,
            perkiraan: false,
        });
    }
    hasil.sort_by(|a, b| a.kunci().cmp(&b.kunci()));
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
        let Some(aturan) = j.tetap() else { continue };
        let ta = aturan.ta_untuk_tahun_kinerja(tahun);
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
    /// Each kind's deadline for this desa (`None`: it counts from an event not recorded yet)
    /// and whether it is an estimate (working days through a year without days off loaded).
    pub tenggat: Vec<Option<(NaiveDate, bool)>>,
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
        "SELECT id, desa_id, jenis_id, tahun_anggaran, tanggal, nomor, keterangan, contoh, versi, hasil
         FROM dokumen WHERE desa_id = ?1 AND tahun_anggaran = ?2",
    )?;
    let mut hasil = Vec::with_capacity(desa.len());
    let setelah = jenis.iter().any(|j| j.tetap().is_none());
    let pelantikan = jenis.iter().any(JenisDokumen::dari_pelantikan);
    let kalender = if setelah {
        super::kalender::muat(conn)?
    } else {
        Kalender::default()
    };
    for d in desa {
        let ada: Vec<Dokumen> = stmt
            .query_map(params![d.id, ta], baris_dokumen)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let dokumen = jenis
            .iter()
            .map(|j| ada.iter().find(|x| x.jenis_id == j.id).cloned())
            .collect();
        let peristiwa = PeristiwaDesa {
            tercatat: ada
                .iter()
                .filter_map(|x| Some((x.jenis_id, x.tanggal?, x.hasil)))
                .collect(),
            dilantik: if pelantikan && !d.kelurahan {
                peristiwa_desa(conn, d.id, ta)?.dilantik
            } else {
                Vec::new()
            },
        };
        let tenggat = jenis
            .iter()
            .map(|j| peristiwa.tenggat(&jenis, j, ta, &kalender))
            .collect();
        hasil.push(BarisDokumen {
            desa_id: d.id,
            kecamatan_id: d.kecamatan_id,
            kode: d.kode,
            nama: d.nama,
            kelurahan: d.kelurahan,
            versi: d.versi,
            dokumen,
            tenggat,
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
            .prepare(
                "SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen WHERE bentuk = 'tetap'",
            )
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
        // the seven fixed-day kinds shipped and the one added here
        assert_eq!(aturan.len(), 7);
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM tenggat_dokumen t JOIN jenis_dokumen j ON j.id = t.jenis_id
                 WHERE j.bentuk = 'setelah'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "a count after an event has no deadline rows");
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
                params![j.id, ta, format_iso(j.tenggat_tetap(ta).unwrap())],
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
        let tepat = format_iso(rkp.tenggat_tetap(2027).unwrap());
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
