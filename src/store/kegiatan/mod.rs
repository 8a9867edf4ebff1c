//! Kegiatan with their KAK, and the schedule occurrences of their stages.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::wilayah::Lingkup;
use super::{Galat, Hasil};
use crate::domain::angka::Seratus;
use crate::domain::indikator::{Ikm, Persentase, SUMBER, sumber_dari_uraian};
use crate::domain::jadwal::Bulan;

mod berkas;
mod butir;
mod jadwal;
mod salin;
pub use berkas::{dari_toml, ke_toml};
pub use butir::{ButirKak, hapus_butir, simpan_butir, simpan_kepala};
pub use jadwal::*;
pub use salin::{cari_kode, geser_anggaran, kak_tahun, salin, salin_tahun, tambah_kak};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kegiatan {
    pub id: i64,
    pub kecamatan_id: i64,
    pub tahun: i32,
    pub kode_program: String,
    pub nama_program: String,
    pub kode_kegiatan: String,
    pub nama_kegiatan: String,
    pub kode_sub_kegiatan: String,
    pub seksi: String,
    pub waktu: String,
    pub contoh: bool,
    pub versi: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Butir {
    pub id: i64,
    pub bagian: String,
    pub kelompok: String,
    pub teks: String,
    pub versi: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Indikator {
    pub id: i64,
    pub tingkat: String,
    pub uraian: String,
    pub satuan: String,
    pub target: Option<Seratus>,
    /// Hand-typed realisation (kept, but not shown, while `sumber` is set).
    pub realisasi: Option<Seratus>,
    /// `IKU1`, `IKU2` or `IKM`: the realisation is computed (`realisasi_hitung`); `''`: typed.
    pub sumber: String,
    pub versi: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Anggaran {
    pub id: i64,
    pub uraian: String,
    pub n2: Option<i64>,
    pub n1: Option<i64>,
    pub berjalan: Option<i64>,
    pub versi: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Biaya {
    pub id: i64,
    pub uraian: String,
    pub jumlah: i64,
    pub versi: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tahapan {
    pub id: i64,
    pub nama: String,
    pub bulan: Bulan,
    pub tempat: String,
    pub pelaksana: String,
    pub peserta: String,
    pub versi: i64,
}

/// A kegiatan with everything inside its KAK.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kak {
    pub kegiatan: Kegiatan,
    pub butir: Vec<Butir>,
    pub indikator: Vec<Indikator>,
    pub anggaran: Vec<Anggaran>,
    pub biaya: Vec<Biaya>,
    pub tahapan: Vec<Tahapan>,
}

impl Kak {
    /// The cost plan's total: always computed from its lines.
    pub fn total_biaya(&self) -> i64 {
        self.biaya.iter().map(|b| b.jumlah).sum()
    }
}

/// Parts of a KAK's text, in the order of the document, with their headings.
pub const BAGIAN: &[(&str, &str)] = &[
    ("dasar_hukum", "Dasar Hukum"),
    ("gambaran_umum", "Gambaran Umum"),
    ("fenomena", "Fenomena dan Data Detail"),
    ("permasalahan", "Permasalahan"),
    ("prioritas", "Prioritas"),
    ("penyebab", "Penyebab"),
    ("upaya", "Upaya yang Telah Dilakukan"),
    ("evaluasi", "Evaluasi Anggaran dan Realisasi"),
    ("maksud", "Maksud"),
    ("tujuan", "Tujuan"),
    ("manfaat", "Manfaat"),
    ("strategi", "Strategi Pencapaian"),
    ("metode", "Metode Pelaksanaan"),
    ("tempat", "Tempat Pelaksanaan"),
    ("pelaksana", "Pelaksana"),
    ("peserta", "Peserta"),
    ("lainnya", "Lainnya"),
];

pub const TINGKAT: &[&str] = &["program", "output", "outcome", "individu"];

const KOLOM: &str = "id, kecamatan_id, tahun, kode_program, nama_program, kode_kegiatan, nama_kegiatan, \
     kode_sub_kegiatan, seksi, waktu, contoh, versi";

fn baris_kegiatan(r: &rusqlite::Row) -> rusqlite::Result<Kegiatan> {
    Ok(Kegiatan {
        id: r.get(0)?,
        kecamatan_id: r.get(1)?,
        tahun: r.get(2)?,
        kode_program: r.get(3)?,
        nama_program: r.get(4)?,
        kode_kegiatan: r.get(5)?,
        nama_kegiatan: r.get(6)?,
        kode_sub_kegiatan: r.get(7)?,
        seksi: r.get(8)?,
        waktu: r.get(9)?,
        contoh: r.get(10)?,
        versi: r.get(11)?,
    })
}

/// The year's kegiatan in scope, by code, one page.
pub fn daftar(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Kegiatan>> {
    let mut stmt = super::siapkan_daftar(conn, &format!(
        "SELECT {KOLOM} FROM kegiatan
         WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
           AND (?3 = '' OR kode_kegiatan LIKE '%' || ?3 || '%' OR nama_kegiatan LIKE '%' || ?3 || '%'
                OR seksi LIKE '%' || ?3 || '%' OR kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))
         ORDER BY kode_kegiatan, kecamatan_id LIMIT ?4 OFFSET ?5"
    ), lingkup, saring)?;
    let v = stmt
        .query_map(
            params![lingkup.param(), tahun, saring, batas, offset],
            baris_kegiatan,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

pub fn hitung(conn: &Connection, lingkup: Lingkup, tahun: i32, saring: &str) -> Hasil<i64> {
    Ok(super::siapkan_daftar(conn, "SELECT count(*) FROM kegiatan
             WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
               AND (?3 = '' OR kode_kegiatan LIKE '%' || ?3 || '%' OR nama_kegiatan LIKE '%' || ?3 || '%'
                    OR seksi LIKE '%' || ?3 || '%' OR kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))", lingkup, saring)?
        .query_row(params![lingkup.param(), tahun, saring], |r| r.get(0))?)
}

pub fn kak(conn: &Connection, id: i64) -> Hasil<Option<Kak>> {
    let Some(kegiatan) = conn
        .prepare_cached(&format!("SELECT {KOLOM} FROM kegiatan WHERE id = ?1"))?
        .query_row([id], baris_kegiatan)
        .optional()?
    else {
        return Ok(None);
    };
    let butir = conn
        .prepare_cached("SELECT id, bagian, kelompok, teks, versi FROM kegiatan_butir WHERE kegiatan_id = ?1 ORDER BY urutan, id")?
        .query_map([id], |r| {
            Ok(Butir {
                id: r.get(0)?,
                bagian: r.get(1)?,
                kelompok: r.get(2)?,
                teks: r.get(3)?,
                versi: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let indikator = conn
        .prepare_cached(
            "SELECT id, tingkat, uraian, satuan, target_x100, realisasi_x100, versi, sumber FROM indikator
             WHERE kegiatan_id = ?1 ORDER BY urutan, id",
        )?
        .query_map([id], |r| {
            Ok(Indikator {
                id: r.get(0)?,
                tingkat: r.get(1)?,
                uraian: r.get(2)?,
                satuan: r.get(3)?,
                target: r.get::<_, Option<i64>>(4)?.map(Seratus),
                realisasi: r.get::<_, Option<i64>>(5)?.map(Seratus),
                versi: r.get(6)?,
                sumber: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let anggaran = conn
        .prepare_cached("SELECT id, uraian, n2, n1, berjalan, versi FROM anggaran_riwayat WHERE kegiatan_id = ?1 ORDER BY urutan, id")?
        .query_map([id], |r| {
            Ok(Anggaran {
                id: r.get(0)?,
                uraian: r.get(1)?,
                n2: r.get(2)?,
                n1: r.get(3)?,
                berjalan: r.get(4)?,
                versi: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let biaya = conn
        .prepare_cached("SELECT id, uraian, jumlah, versi FROM rencana_biaya WHERE kegiatan_id = ?1 ORDER BY urutan, id")?
        .query_map([id], |r| {
            Ok(Biaya {
                id: r.get(0)?,
                uraian: r.get(1)?,
                jumlah: r.get(2)?,
                versi: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let tahapan = conn
        .prepare_cached(
            "SELECT id, nama, bulan, tempat, pelaksana, peserta, versi FROM tahapan WHERE kegiatan_id = ?1 ORDER BY urutan, id",
        )?
        .query_map([id], |r| {
            Ok(Tahapan {
                id: r.get(0)?,
                nama: r.get(1)?,
                bulan: Bulan(r.get(2)?),
                tempat: r.get(3)?,
                pelaksana: r.get(4)?,
                peserta: r.get(5)?,
                versi: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Kak {
        kegiatan,
        butir,
        indikator,
        anggaran,
        biaya,
        tahapan,
    }))
}

fn periksa(kak: &Kak) -> Hasil<()> {
    let k = &kak.kegiatan;
    if k.nama_kegiatan.trim().is_empty() || k.kode_kegiatan.trim().is_empty() {
        return Err(Galat::TidakSah("kode dan nama kegiatan wajib diisi".into()));
    }
    if let Some(i) = kak
        .indikator
        .iter()
        .find(|i| !TINGKAT.contains(&i.tingkat.as_str()))
    {
        return Err(Galat::TidakSah(format!(
            "tingkat indikator '{}' tidak dikenal (program, output, outcome, individu)",
            i.tingkat
        )));
    }
    if let Some(i) = kak
        .indikator
        .iter()
        .find(|i| !i.sumber.is_empty() && !SUMBER.contains(&i.sumber.as_str()))
    {
        return Err(Galat::TidakSah(format!(
            "sumber indikator '{}' tidak dikenal (IKU1, IKU2, IKM atau kosong)",
            crate::domain::teks::aman(&i.sumber)
        )));
    }
    if let Some(b) = kak.biaya.iter().find(|b| b.jumlah < 0) {
        return Err(Galat::TidakSah(format!(
            "jumlah biaya '{}' tidak boleh negatif",
            b.uraian
        )));
    }
    Ok(())
}

/// Updates a kegiatan's header if nobody changed it since `versi` was read.
fn ubah_kepala(conn: &Connection, k: &Kegiatan) -> Hasil<()> {
    let n = conn
        .prepare_cached(
            "UPDATE kegiatan SET tahun = ?2, kode_program = ?3, nama_program = ?4, kode_kegiatan = ?5,
                 nama_kegiatan = ?6, kode_sub_kegiatan = ?7, seksi = ?8, waktu = ?9, versi = versi + 1
             WHERE id = ?1 AND versi = ?10",
        )?
        .execute(params![
            k.id,
            k.tahun,
            k.kode_program,
            k.nama_program,
            k.kode_kegiatan,
            k.nama_kegiatan,
            k.kode_sub_kegiatan,
            k.seksi,
            k.waktu,
            k.versi
        ])
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Galat::TidakSah(format!(
                "Kode kegiatan: kegiatan {} tahun {} sudah ada",
                k.kode_kegiatan, k.tahun
            )),
            _ => e.into(),
        })?;
    super::satu_baris(n)
}

/// Writes a whole KAK: a new kegiatan when `id` is 0, otherwise the header (if nobody changed
/// it since `versi`) and its lists. List rows keep their id where they have one, so the audit
/// log shows what really changed. Call inside a transaction.
pub fn simpan(conn: &Transaction, kak: &Kak) -> Hasil<i64> {
    periksa(kak)?;
    let k = &kak.kegiatan;
    let id = if k.id == 0 {
        conn.prepare_cached(
            "INSERT INTO kegiatan (kecamatan_id, tahun, kode_program, nama_program, kode_kegiatan, nama_kegiatan,
                                   kode_sub_kegiatan, seksi, waktu, contoh)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            k.kecamatan_id,
            k.tahun,
            k.kode_program,
            k.nama_program,
            k.kode_kegiatan,
            k.nama_kegiatan,
            k.kode_sub_kegiatan,
            k.seksi,
            k.waktu,
            k.contoh
        ])
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Galat::TidakSah(format!(
                "Kode kegiatan: kegiatan {} tahun {} sudah ada",
                k.kode_kegiatan, k.tahun
            )),
            _ => e.into(),
        })?;
        conn.last_insert_rowid()
    } else {
        ubah_kepala(conn, k)?;
        k.id
    };
    let ids = |v: &mut dyn Iterator<Item = i64>| -> String {
        v.filter(|i| *i > 0)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    // rows removed from the lists
    for (tabel, tetap) in [
        ("kegiatan_butir", ids(&mut kak.butir.iter().map(|b| b.id))),
        ("indikator", ids(&mut kak.indikator.iter().map(|b| b.id))),
        (
            "anggaran_riwayat",
            ids(&mut kak.anggaran.iter().map(|b| b.id)),
        ),
        ("rencana_biaya", ids(&mut kak.biaya.iter().map(|b| b.id))),
        ("tahapan", ids(&mut kak.tahapan.iter().map(|b| b.id))),
    ] {
        conn.execute(
            &format!("DELETE FROM {tabel} WHERE kegiatan_id = ?1 AND id NOT IN ({tetap})"),
            [id],
        )?;
    }
    for (urutan, b) in kak.butir.iter().enumerate() {
        let p = params![b.id, id, b.bagian, urutan as i64, b.kelompok, b.teks];
        if b.id > 0 {
            conn.prepare_cached(
                "UPDATE kegiatan_butir SET bagian = ?3, urutan = ?4, kelompok = ?5, teks = ?6, versi = versi + 1
                 WHERE id = ?1 AND kegiatan_id = ?2 AND (bagian, urutan, kelompok, teks) IS NOT (?3, ?4, ?5, ?6)",
            )?
            .execute(p)?;
        } else {
            conn.prepare_cached(
                "INSERT INTO kegiatan_butir (kegiatan_id, bagian, urutan, kelompok, teks) VALUES (?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(p)?;
        }
    }
    for (urutan, i) in kak.indikator.iter().enumerate() {
        let p = params![
            i.id,
            id,
            urutan as i64,
            i.tingkat,
            i.uraian,
            i.satuan,
            i.target.map(|t| t.0),
            i.realisasi.map(|t| t.0),
            i.sumber
        ];
        if i.id > 0 {
            conn.prepare_cached(
                "UPDATE indikator SET urutan = ?3, tingkat = ?4, uraian = ?5, satuan = ?6, target_x100 = ?7,
                     realisasi_x100 = ?8, sumber = ?9, versi = versi + 1
                 WHERE id = ?1 AND kegiatan_id = ?2
                   AND (urutan, tingkat, uraian, satuan, target_x100, realisasi_x100, sumber)
                       IS NOT (?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(p)?;
        } else {
            conn.prepare_cached(
                "INSERT INTO indikator (kegiatan_id, urutan, tingkat, uraian, satuan, target_x100, realisasi_x100, sumber)
                 VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(p)?;
        }
    }
    for (urutan, a) in kak.anggaran.iter().enumerate() {
        let p = params![a.id, id, urutan as i64, a.uraian, a.n2, a.n1, a.berjalan];
        if a.id > 0 {
            conn.prepare_cached(
                "UPDATE anggaran_riwayat SET urutan = ?3, uraian = ?4, n2 = ?5, n1 = ?6, berjalan = ?7, versi = versi + 1
                 WHERE id = ?1 AND kegiatan_id = ?2 AND (urutan, uraian, n2, n1, berjalan) IS NOT (?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(p)?;
        } else {
            conn.prepare_cached(
                "INSERT INTO anggaran_riwayat (kegiatan_id, urutan, uraian, n2, n1, berjalan) VALUES (?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(p)?;
        }
    }
    for (urutan, b) in kak.biaya.iter().enumerate() {
        let p = params![b.id, id, urutan as i64, b.uraian, b.jumlah];
        if b.id > 0 {
            conn.prepare_cached(
                "UPDATE rencana_biaya SET urutan = ?3, uraian = ?4, jumlah = ?5, versi = versi + 1
                 WHERE id = ?1 AND kegiatan_id = ?2 AND (urutan, uraian, jumlah) IS NOT (?3, ?4, ?5)",
            )?
            .execute(p)?;
        } else {
            conn.prepare_cached(
                "INSERT INTO rencana_biaya (kegiatan_id, urutan, uraian, jumlah) VALUES (?2, ?3, ?4, ?5)",
            )?
            .execute(p)?;
        }
    }
    for (urutan, t) in kak.tahapan.iter().enumerate() {
        let p = params![
            t.id,
            id,
            urutan as i64,
            t.nama,
            t.bulan.0,
            t.tempat,
            t.pelaksana,
            t.peserta
        ];
        if t.id > 0 {
            conn.prepare_cached(
                "UPDATE tahapan SET urutan = ?3, nama = ?4, bulan = ?5, tempat = ?6, pelaksana = ?7, peserta = ?8,
                     versi = versi + 1
                 WHERE id = ?1 AND kegiatan_id = ?2
                   AND (urutan, nama, bulan, tempat, pelaksana, peserta) IS NOT (?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(p)?;
        } else {
            conn.prepare_cached(
                "INSERT INTO tahapan (kegiatan_id, urutan, nama, bulan, tempat, pelaksana, peserta)
                 VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(p)?;
        }
    }
    Ok(id)
}

pub fn hapus(conn: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(conn, "kegiatan", id, versi)
}

/// Saves the realisation of one KAK indicator.
pub fn ubah_realisasi(
    conn: &Transaction,
    indikator_id: i64,
    versi: i64,
    realisasi: Option<Seratus>,
) -> Hasil<()> {
    let sumber: Option<String> = conn
        .prepare_cached("SELECT sumber FROM indikator WHERE id = ?1")?
        .query_row([indikator_id], |r| r.get(0))
        .optional()?;
    if let Some(s) = sumber.filter(|s| !s.is_empty()) {
        return Err(Galat::TidakSah(format!(
            "Realisasi: indikator ini dihitung dari {s}, tidak diisi tangan (ubah Sumber di KAK untuk mengisinya sendiri)"
        )));
    }
    let n = conn
        .prepare_cached(
            "UPDATE indikator SET realisasi_x100 = ?2, versi = versi + 1 WHERE id = ?1 AND versi = ?3",
        )?
        .execute(params![indikator_id, realisasi.map(|r| r.0), versi])?;
    super::satu_baris(n)
}

/// A realisation pantau computes: IKU 1 or IKU 2 (numerator over denominator) or the IKM
/// (over its respondents), of the kegiatan's kecamatan and year, as `pantau iku` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hitungan {
    Persen {
        sumber: &'static str,
        nilai: Persentase,
    },
    Ikm {
        /// `None`: nobody answered the survey that year.
        ikm: Option<Ikm>,
    },
}

impl Hitungan {
    /// The value shown as the realisation; `None` when there is none yet (denominator 0).
    pub fn nilai(&self) -> Option<Seratus> {
        match self {
            Hitungan::Persen { nilai, .. } => nilai.nilai(),
            Hitungan::Ikm { ikm } => ikm.as_ref().map(|i| i.nilai),
        }
    }

    /// Achievement against `target`, from the exact fraction (not from the rounded value:
    /// 1 of 3 against 90 is 37,04%, not 33,33 / 90 = 37,03%).
    pub fn capaian(&self, target: Option<Seratus>) -> Option<Seratus> {
        match (self, target) {
            (Hitungan::Persen { nilai, .. }, Some(t)) if t.0 != 0 && nilai.penyebut != 0 => {
                crate::domain::angka::persen(
                    nilai.pembilang.saturating_mul(10_000),
                    nilai.penyebut.saturating_mul(t.0),
                )
            }
            _ => crate::domain::indikator::capaian(target, self.nilai()),
        }
    }

    pub fn sumber(&self) -> &'static str {
        match self {
            Hitungan::Persen { sumber, .. } => sumber,
            Hitungan::Ikm { .. } => "IKM",
        }
    }

    /// Where the value comes from, in words: `dihitung IKU1: 17 dari 36`,
    /// `dihitung IKM: 120 responden`.
    pub fn asal(&self) -> String {
        use crate::domain::angka::format_ribuan;
        match self {
            Hitungan::Persen { sumber, nilai } => format!(
                "dihitung {sumber}: {} dari {}",
                format_ribuan(nilai.pembilang),
                format_ribuan(nilai.penyebut)
            ),
            Hitungan::Ikm { ikm: Some(i) } => {
                format!("dihitung IKM: {} responden", format_ribuan(i.responden))
            }
            Hitungan::Ikm { ikm: None } => "dihitung IKM: belum ada responden".into(),
        }
    }
}

/// The computed realisation of each of the KAK's indicators (`None`: typed by hand), over the
/// kegiatan's kecamatan for its year taken as the performance year.
pub fn realisasi_hitung(conn: &Connection, kak: &Kak) -> Hasil<Vec<Option<Hitungan>>> {
    if kak.indikator.iter().all(|i| i.sumber.is_empty()) {
        return Ok(vec![None; kak.indikator.len()]);
    }
    let iku = super::indikator::hitung_lingkup(
        conn,
        Lingkup::Kecamatan(kak.kegiatan.kecamatan_id),
        kak.kegiatan.tahun,
    )?;
    Ok(kak
        .indikator
        .iter()
        .map(|i| hitungan(&i.sumber, &iku))
        .collect())
}

fn hitungan(sumber: &str, iku: &super::indikator::Iku) -> Option<Hitungan> {
    match sumber {
        "IKU1" => Some(Hitungan::Persen {
            sumber: "IKU1",
            nilai: iku.iku1,
        }),
        "IKU2" => Some(Hitungan::Persen {
            sumber: "IKU2",
            nilai: iku.iku2,
        }),
        "IKM" => Some(Hitungan::Ikm {
            ikm: iku.ikm.clone(),
        }),
        _ => None,
    }
}

/// Links the indicators typed before `sumber` existed to IKU 1, IKU 2 or the IKM when their
/// wording names one (schema 11); each link is an audited change of the row.
pub(crate) fn tautkan_sumber(tx: &Transaction) -> rusqlite::Result<()> {
    let baris: Vec<(i64, String)> = tx
        .prepare("SELECT id, uraian FROM indikator WHERE sumber = ''")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, uraian) in baris {
        if let Some(s) = sumber_dari_uraian(&uraian) {
            tx.execute(
                "UPDATE indikator SET sumber = ?2, versi = versi + 1 WHERE id = ?1",
                params![id, s],
            )?;
        }
    }
    Ok(())
}

/// A KAK indicator with the kegiatan it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndikatorKegiatan {
    pub kecamatan_id: i64,
    pub kode_kegiatan: String,
    pub indikator: Indikator,
    /// The computed realisation when the indicator is IKU 1, IKU 2 or the IKM.
    pub hitungan: Option<Hitungan>,
}

/// Indicators of the year's kegiatan in scope, one page.
pub fn indikator_tahun(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<IndikatorKegiatan>> {
    let mut stmt = super::siapkan_daftar(conn, "SELECT k.kode_kegiatan, i.id, i.tingkat, i.uraian, i.satuan, i.target_x100, i.realisasi_x100, i.versi, k.kecamatan_id, i.sumber
         FROM indikator i JOIN kegiatan k ON k.id = i.kegiatan_id
         WHERE (?1 IS NULL OR k.kecamatan_id = ?1) AND k.tahun = ?2
           AND (?3 = '' OR i.uraian LIKE '%' || ?3 || '%' OR i.tingkat LIKE '%' || ?3 || '%' OR k.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))
         ORDER BY k.kode_kegiatan, k.kecamatan_id, i.urutan, i.id LIMIT ?4 OFFSET ?5", lingkup, saring)?;
    let v = stmt
        .query_map(
            params![lingkup.param(), tahun, saring, batas, offset],
            |r| {
                Ok(IndikatorKegiatan {
                    kecamatan_id: r.get(8)?,
                    kode_kegiatan: r.get(0)?,
                    indikator: Indikator {
                        id: r.get(1)?,
                        tingkat: r.get(2)?,
                        uraian: r.get(3)?,
                        satuan: r.get(4)?,
                        target: r.get::<_, Option<i64>>(5)?.map(Seratus),
                        realisasi: r.get::<_, Option<i64>>(6)?.map(Seratus),
                        versi: r.get(7)?,
                        sumber: r.get(9)?,
                    },
                    hitungan: None,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<IndikatorKegiatan>>>()?;
    // one computation per kecamatan of the page
    let mut iku: std::collections::HashMap<i64, super::indikator::Iku> = Default::default();
    let mut v = v;
    for x in &mut v {
        if x.indikator.sumber.is_empty() {
            continue;
        }
        let i = match iku.entry(x.kecamatan_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                super::indikator::hitung_lingkup(conn, Lingkup::Kecamatan(x.kecamatan_id), tahun)?,
            ),
        };
        x.hitungan = hitungan(&x.indikator.sumber, i);
    }
    Ok(v)
}

pub fn hitung_indikator(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    saring: &str,
) -> Hasil<i64> {
    Ok(super::siapkan_daftar(
        conn,
        "SELECT count(*) FROM indikator i JOIN kegiatan k ON k.id = i.kegiatan_id
             WHERE (?1 IS NULL OR k.kecamatan_id = ?1) AND k.tahun = ?2
               AND (?3 = '' OR i.uraian LIKE '%' || ?3 || '%' OR i.tingkat LIKE '%' || ?3 || '%' OR k.kecamatan_id IN (SELECT id FROM kecamatan WHERE nama LIKE '%' || ?3 || '%'))",
        lingkup,
        saring,
    )?
    .query_row(params![lingkup.param(), tahun, saring], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jadwal::{StatusKejadian, status_kejadian};
    use crate::store::{Store, contoh};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    /// The schedule tally equals counting the stages and occurrences themselves.
    #[test]
    fn schedule_tally_follows_every_change() {
        let hari_ini = d(2026, 11, 23);
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, hari_ini).unwrap();
        let periksa = |s: &Store, langkah: &str| {
            let baris = jadwal(s.conn(), Lingkup::Semua, 2026, "", 0, 1000).unwrap();
            let mut terlewat = 0;
            for b in &baris {
                for m in b.bulan.daftar() {
                    let selesai = b.selesai.iter().any(|x| x.bulan == m);
                    if status_kejadian(2026, m, selesai, hari_ini) == StatusKejadian::Terlewat {
                        terlewat += 1;
                    }
                }
            }
            let r = ringkasan_jadwal(s.conn(), Lingkup::Semua, 2026, 10, &[11]).unwrap();
            assert_eq!(r.terlewat, terlewat, "{langkah}");
            let rencana_nov = baris.iter().filter(|b| b.bulan.berisi(11)).count() as i64;
            let tally_nov: i64 = r.dekat.iter().map(|x| x.2).sum();
            assert_eq!(tally_nov, rencana_nov, "{langkah}");
        };
        periksa(&s, "loaded");
        let baris = jadwal(s.conn(), Lingkup::Semua, 2026, "", 0, 1000).unwrap();
        let lewat = baris
            .iter()
            .find(|b| {
                b.bulan
                    .daftar()
                    .iter()
                    .any(|m| *m <= 10 && !b.selesai.iter().any(|x| x.bulan == *m))
            })
            .unwrap();
        let m = *lewat
            .bulan
            .daftar()
            .iter()
            .find(|m| **m <= 10 && !lewat.selesai.iter().any(|x| x.bulan == **m))
            .unwrap();
        s.transaksi(|tx| tandai_selesai(tx, lewat.tahapan_id, m, d(2026, 11, 1), "BA", false))
            .unwrap();
        periksa(&s, "marked done");
        s.transaksi(|tx| batal_selesai(tx, lewat.tahapan_id, m))
            .unwrap();
        periksa(&s, "undone");
        // a stage's months edited, then a kegiatan deleted with all it holds
        let mut kak = kak(s.conn(), baris[0].kegiatan_id).unwrap().unwrap();
        kak.tahapan[0].bulan = Bulan::dari_daftar(&[1, 2, 3, 11]).unwrap();
        s.transaksi(|tx| simpan(tx, &kak)).unwrap();
        periksa(&s, "months edited");
        let k = kak.kegiatan.clone();
        let versi = super::kak(s.conn(), k.id).unwrap().unwrap().kegiatan.versi;
        s.transaksi(|tx| hapus(tx, k.id, versi)).unwrap();
        periksa(&s, "kegiatan deleted");
    }

    /// A database of schema 10 whose KAK typed the IKU lines by hand: the upgrade links them
    /// to IKU 1, IKU 2 and the IKM (audited), keeps the typed value stored, and leaves the
    /// other lines typed.
    #[test]
    fn the_upgrade_links_indicators_named_as_iku_and_keeps_typed_values() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.create_scalar_function(
            "pantau_pengguna",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            |_| Ok("uji".to_string()),
        )
        .unwrap();
        crate::store::skema::migrasi_ke(&mut conn, 10);
        conn.execute_batch(
            "INSERT INTO kecamatan (id, kode, nama) VALUES (1, '35.08.07', 'Yosowilangun');
             INSERT INTO kegiatan (id, kecamatan_id, tahun, kode_program, nama_program, kode_kegiatan, nama_kegiatan)
                 VALUES (1, 1, 2026, '3.05.25.39', 'Program', '3.05.25.39.006', 'Kegiatan');
             INSERT INTO indikator (kegiatan_id, urutan, tingkat, uraian, satuan, target_x100, realisasi_x100) VALUES
                 (1, 0, 'outcome', 'Nilai IKM', 'nilai', 8200, 6000),
                 (1, 1, 'outcome', 'Persentase hasil fasilitasi dan kooordinasi yang ditindaklanjuti', '%', 9000, 8800),
                 (1, 2, 'outcome', 'Rata - rata persentase desa yang menyusun dokumen administrasi pemerintahan desa yang tepat waktu', '%', 10000, 8800),
                 (1, 3, 'output', 'Jumlah desa terpantau', 'desa', 1200, 1100);",
        )
        .unwrap();
        crate::store::skema::migrasi(&mut conn).unwrap();
        let k = kak(&conn, 1).unwrap().unwrap();
        let v: Vec<(&str, Option<i64>)> = k
            .indikator
            .iter()
            .map(|i| (i.sumber.as_str(), i.realisasi.map(|r| r.0)))
            .collect();
        assert_eq!(
            v,
            [
                ("IKM", Some(6000)),
                ("IKU1", Some(8800)),
                ("IKU2", Some(8800)),
                ("", Some(1100))
            ]
        );
        let diaudit: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit WHERE tabel = 'indikator' AND aksi = 'ubah'
                   AND json_extract(sebelum, '$.sumber') = '' AND json_extract(sesudah, '$.sumber') <> ''",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(diaudit, 3);
        // computed from the (empty) log: no value yet, never the typed 60
        let h = realisasi_hitung(&conn, &k).unwrap();
        assert_eq!(h[0].as_ref().map(|h| h.nilai()), Some(None));
        assert_eq!(
            h[0].as_ref().unwrap().asal(),
            "dihitung IKM: belum ada responden"
        );
        assert_eq!(h[1].as_ref().unwrap().asal(), "dihitung IKU1: 0 dari 0");
        assert!(h[3].is_none());
        // a computed realisation is not typed over
        let i = &k.indikator[0];
        let tx = conn.transaction().unwrap();
        let e = ubah_realisasi(&tx, i.id, i.versi, Some(Seratus(7000))).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("Realisasi: indikator ini dihitung dari IKM"),
            "{e}"
        );
    }

    /// The sample's IKU lines show what `pantau iku` computes for the kecamatan and year.
    #[test]
    fn sample_iku_lines_are_computed_as_pantau_iku() {
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, d(2026, 11, 23)).unwrap();
        let keg = daftar(s.conn(), Lingkup::Semua, 2026, "", 0, 10).unwrap();
        let k = kak(s.conn(), keg[0].id).unwrap().unwrap();
        let iku = crate::store::indikator::hitung_lingkup(
            s.conn(),
            Lingkup::Kecamatan(k.kegiatan.kecamatan_id),
            2026,
        )
        .unwrap();
        let h = realisasi_hitung(s.conn(), &k).unwrap();
        let mut dilihat = Vec::new();
        for (i, h) in k.indikator.iter().zip(&h) {
            match i.sumber.as_str() {
                "" => assert!(h.is_none()),
                "IKU1" => assert_eq!(h.as_ref().unwrap().nilai(), iku.iku1.nilai()),
                "IKU2" => assert_eq!(h.as_ref().unwrap().nilai(), iku.iku2.nilai()),
                "IKM" => assert_eq!(
                    h.as_ref().unwrap().nilai(),
                    iku.ikm.as_ref().map(|x| x.nilai)
                ),
                x => panic!("{x}"),
            }
            if !i.sumber.is_empty() {
                // the sample types no realisation for them
                assert_eq!(i.realisasi, None);
                dilihat.push(i.sumber.clone());
            }
        }
        assert_eq!(dilihat, ["IKM", "IKU1", "IKU2"]);
        assert!(iku.ikm.is_some() && iku.iku1.nilai().is_some());
    }
}

#[cfg(test)]
mod uji_capaian {
    use super::Hitungan;
    use crate::domain::angka::Seratus;
    use crate::domain::indikator::iku1;

    #[test]
    fn achievement_comes_from_the_exact_fraction() {
        let h = Hitungan::Persen {
            sumber: "IKU1",
            nilai: iku1(1, 3),
        };
        assert_eq!(h.nilai(), Some(Seratus(3333)));
        assert_eq!(h.capaian(Some(Seratus(9000))), Some(Seratus(3704)));
        assert_eq!(h.capaian(Some(Seratus(0))), None);
        assert_eq!(h.capaian(None), None);
    }
}
