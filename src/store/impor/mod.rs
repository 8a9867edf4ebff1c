//! Imports of the four file kinds of CONTRACT.md. All or nothing: every row is read and
//! checked first, outside any write transaction, every bad row reported as `FILE:LINE:
//! reason`; only a clean file is written, in one transaction, so the write lock is held only
//! while writing and other operators can work meanwhile. What the check read and another
//! operator could have changed since (a desa deleted) is checked again inside the transaction,
//! and the store's write functions check every field again: a file can still be refused then,
//! and nothing is written.

pub mod berkas;
pub mod judul;
pub mod lembar;
#[cfg(test)]
mod uji;

use crate::domain::aturan::HasilEvaluasi;
use std::collections::{HashMap, HashSet};

use rusqlite::OptionalExtension;

use chrono::NaiveDate;

use super::dokumen;
use super::wilayah::{self, Desa, Kecamatan, Lingkup};
use super::{Galat, Store, fasilitasi, ikm};
use crate::domain::angka::{parse_bulat, parse_desimal, parse_ya_tidak};
use crate::domain::desa::periksa_penduduk;
use crate::domain::indikator::JUMLAH_UNSUR;
use crate::domain::kode::{JenisWilayah, parse_kode_desa, parse_kode_kecamatan};
use crate::domain::tanggal::parse_tanggal;
use crate::domain::teks::{Keliru, Ragam, periksa};

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Laporan {
    /// Rows read and written (or found unchanged).
    pub baris: usize,
    /// Of them, kelurahan (desa import; the rest are desa).
    pub kelurahan: usize,
    /// Rows that were new, changed, or already the same (for kinds with a key).
    pub baru: usize,
    pub diubah: usize,
    pub sama: usize,
    /// Kecamatan created on the way (desa import).
    pub kecamatan_baru: usize,
    /// Rows kept with a warning, as `FILE:LINE: peringatan: …`.
    pub peringatan: Vec<String>,
}

impl Laporan {
    fn hitung(&mut self, t: dokumen::Tulis) {
        match t {
            dokumen::Tulis::Baru => self.baru += 1,
            dokumen::Tulis::Diubah => self.diubah += 1,
            dokumen::Tulis::Sama => self.sama += 1,
        }
    }
}

#[derive(Debug)]
pub enum GalatImpor {
    /// The file's problems, one line each; nothing was written.
    Berkas(Vec<String>),
    Store(Galat),
}

impl From<Galat> for GalatImpor {
    fn from(g: Galat) -> Self {
        GalatImpor::Store(g)
    }
}

impl From<rusqlite::Error> for GalatImpor {
    fn from(g: rusqlite::Error) -> Self {
        GalatImpor::Store(g.into())
    }
}

type HasilImpor = Result<Laporan, GalatImpor>;

/// A store write that refused a row the check passed (something changed meanwhile): the
/// file's problem on that line, so the import is reported and rolled back like any other.
fn di_baris(nama: &str, nomor: u64) -> impl Fn(Galat) -> GalatImpor + '_ {
    move |g| match g {
        Galat::TidakSah(alasan) | Galat::TidakAda(alasan) => {
            GalatImpor::Berkas(vec![format!("{nama}:{nomor}: {alasan}")])
        }
        lain => GalatImpor::Store(lain),
    }
}

/// Collects each row's problems, joined into one `FILE:LINE: reason` line, and reports them
/// in line order.
struct Masalah<'a> {
    nama: &'a str,
    semua: Vec<(u64, String)>,
}

impl<'a> Masalah<'a> {
    fn new(nama: &'a str) -> Self {
        Masalah {
            nama,
            semua: Vec::new(),
        }
    }
    /// Also the rows the reader could not take (`Tabel::galat`).
    fn dari(nama: &'a str, berkas: &[(u64, String)]) -> Self {
        Masalah {
            nama,
            semua: berkas.to_vec(),
        }
    }
    fn baris(&mut self, nomor: u64, alasan: Vec<String>) {
        if !alasan.is_empty() {
            self.semua.push((
                nomor,
                format!("{}:{nomor}: {}", self.nama, alasan.join("; ")),
            ));
        }
    }
    fn kosong(&self) -> bool {
        self.semua.is_empty()
    }
    fn selesai(mut self) -> Result<(), GalatImpor> {
        if self.semua.is_empty() {
            Ok(())
        } else {
            self.semua.sort_by_key(|(nomor, _)| *nomor);
            Err(GalatImpor::Berkas(
                self.semua.into_iter().map(|(_, g)| g).collect(),
            ))
        }
    }
}

/// The kind of text each import column holds, for `teks::periksa`: names 100 characters, long
/// texts 4,000 (a tab allowed), everything else (codes, numbers, dates) 50.
fn ragam_kolom(kolom: &str) -> Ragam {
    match kolom {
        "nama" | "kecamatan" | "kabupaten" => Ragam::Nama,
        "keterangan" | "uraian" | "output" | "bukti" => Ragam::Panjang,
        "dasar" => Ragam::Pendek,
        _ => Ragam::Kode,
    }
}

/// Every field of a row checked for control characters, invisible-only values and length,
/// before anything reads it: a refused value is named by its column, never echoed.
fn periksa_sel<'b>(
    kolom: &[&str],
    ambil: impl Fn(&str) -> &'b str,
    alasan: &mut Vec<String>,
) -> bool {
    let awal = alasan.len();
    for k in kolom {
        if let Err(e) = periksa(ambil(k), ragam_kolom(k)) {
            alasan.push(format!("{k}: {e}"));
        }
    }
    alasan.len() == awal
}

/// A store check's problems as a file's reasons (`kolom: alasan`).
fn keliru_berkas(keliru: Vec<Keliru>, alasan: &mut Vec<String>) {
    alasan.extend(keliru.iter().map(Keliru::untuk_berkas));
}

fn opsional<T>(
    teks: &str,
    kolom: &str,
    baca: impl Fn(&str) -> Result<T, String>,
    alasan: &mut Vec<String>,
) -> Option<T> {
    if teks.is_empty() {
        return None;
    }
    match baca(teks) {
        Ok(v) => Some(v),
        Err(e) => {
            // "tanggal '31/02/2026' tidak ada: …", "dusun: angka kosong"
            let pemisah = if e.starts_with('\'') { " " } else { ": " };
            alasan.push(format!("{kolom}{pemisah}{e}"));
            None
        }
    }
}

fn hitungan(teks: &str, kolom: &str, alasan: &mut Vec<String>) -> Option<i64> {
    let v = opsional(teks, kolom, parse_bulat, alasan)?;
    if v < 0 {
        alasan.push(format!("{kolom} tidak boleh negatif ({v})"));
        return None;
    }
    Some(v)
}

fn tahun(teks: &str, kolom: &str, alasan: &mut Vec<String>) -> Option<i32> {
    if teks.is_empty() {
        alasan.push(format!("{kolom} wajib diisi"));
        return None;
    }
    // a spreadsheet in an Indonesian locale may write the year 2026 as 2.026
    match parse_bulat(teks)
        .ok()
        .and_then(|t| i32::try_from(t).ok())
        .ok_or(())
    {
        Ok(t) if (2000..=2100).contains(&t) => Some(t),
        Ok(t) => {
            alasan.push(format!("{kolom} {t} di luar 2000–2100"));
            None
        }
        Err(_) => {
            alasan.push(format!("{kolom} '{teks}' bukan tahun (contoh: 2026)"));
            None
        }
    }
}
pub const KOLOM_DESA: &[&str] = &[
    "kode",
    "nama",
    "kecamatan",
    "kabupaten",
    "luas_km2",
    "dusun",
    "rw",
    "rt",
    "laki_laki",
    "perempuan",
    "jumlah_penduduk",
    "rumah_tangga",
];

/// Desa rows checked and ready to write.
pub(crate) struct DesaSiap {
    kecamatan: Vec<Kecamatan>,
    desa: Vec<(String, Desa)>,
    /// Optional columns the file has (see `wilayah::KOLOM_OPSIONAL_DESA`).
    ada: u16,
}

pub(crate) fn periksa_desa(
    store: &Store,
    nama: &str,
    isi: &[u8],
    lingkup: Lingkup,
) -> Result<(DesaSiap, Vec<String>), GalatImpor> {
    let t = berkas::baca(nama, isi, KOLOM_DESA, &["kode", "nama"]).map_err(GalatImpor::Berkas)?;
    // with --kecamatan, the code of that kecamatan: other desa are refused
    let kode_lingkup = match lingkup {
        Lingkup::Semua => None,
        Lingkup::Kecamatan(id) => wilayah::kecamatan_id(store.conn(), id)?.map(|k| k.kode),
    };
    let mut masalah = Masalah::dari(nama, &t.galat);
    let mut peringatan = Vec::new();
    // the names the file gives each kecamatan code, with the first line of each: a name that
    // differs from the database's is a rename only when no row keeps the database's name
    let mut nama_di_berkas: HashMap<String, Vec<(String, u64)>> = HashMap::new();
    for b in &t.baris {
        let nama_kec = t.ambil(b, "kecamatan");
        if periksa(nama_kec, Ragam::Nama).is_err() {
            continue;
        }
        if let (false, Ok(k)) = (nama_kec.is_empty(), parse_kode_desa(t.ambil(b, "kode"))) {
            let v = nama_di_berkas.entry(k.kode_kecamatan).or_default();
            if !v.iter().any(|(n, _)| n.eq_ignore_ascii_case(nama_kec)) {
                v.push((nama_kec.to_string(), b.nomor));
            }
        }
    }
    let mut kecamatan: HashMap<String, (Kecamatan, u64)> = HashMap::new();
    let mut dilihat: HashMap<String, u64> = HashMap::new();
    let mut desa = Vec::new();
    for b in &t.baris {
        let mut alasan = Vec::new();
        if !periksa_sel(KOLOM_DESA, |k| t.ambil(b, k), &mut alasan) {
            masalah.baris(b.nomor, alasan);
            continue;
        }
        let kode = t.ambil(b, "kode");
        let nama_desa = t.ambil(b, "nama");
        let kode_desa = if kode.is_empty() {
            alasan.push("kode wajib diisi".into());
            None
        } else {
            parse_kode_desa(kode).map_err(|e| alasan.push(e)).ok()
        };
        if nama_desa.is_empty() {
            alasan.push("nama wajib diisi".into());
        }
        if let Some(k) = &kode_desa
            && let Some(kode) = &kode_lingkup
            && &k.kode_kecamatan != kode
        {
            alasan.push(format!(
                "desa {} di luar kecamatan yang dipilih dengan --kecamatan ({kode})",
                k.kode
            ));
        } else if let Some(k) = &kode_desa {
            if let Some(lain) = dilihat.insert(k.kode.clone(), b.nomor) {
                alasan.push(format!("kode {} sudah ada di baris {lain}", k.kode));
            }
            let nama_kec = t.ambil(b, "kecamatan");
            let kab = t.ambil(b, "kabupaten");
            match kecamatan.get(&k.kode_kecamatan) {
                Some((kec, baris_kec)) => {
                    if !nama_kec.is_empty() && !kec.nama.eq_ignore_ascii_case(nama_kec) {
                        alasan.push(format!(
                            "kecamatan {} bernama '{}' di baris {baris_kec}, di sini '{nama_kec}'",
                            k.kode_kecamatan, kec.nama
                        ));
                    }
                }
                None => {
                    let ada = wilayah::kecamatan_kode(store.conn(), &k.kode_kecamatan)?;
                    // a later row that keeps the database's name
                    let baris_lama = ada.as_ref().and_then(|lama| {
                        nama_di_berkas
                            .get(&k.kode_kecamatan)?
                            .iter()
                            .find(|(n, _)| n.eq_ignore_ascii_case(&lama.nama))
                            .map(|x| x.1)
                    });
                    if let (Some(lama), Some(baris_lama)) = (&ada, baris_lama) {
                        if !nama_kec.is_empty() && !lama.nama.eq_ignore_ascii_case(nama_kec) {
                            alasan.push(format!(
                                "kecamatan {} bernama '{}' di basis data dan di baris {baris_lama}, di sini '{nama_kec}'",
                                k.kode_kecamatan, lama.nama
                            ));
                        }
                        let mut kec = lama.clone();
                        if !kab.is_empty() {
                            kec.kabupaten = kab.to_string();
                        }
                        kecamatan.insert(k.kode_kecamatan.clone(), (kec, baris_lama));
                    } else {
                        // a desa file does not rename a kecamatan: one row of a file
                        // would rename it for all its other desa (`kecamatan ganti-nama`)
                        if let Some(lama) = &ada
                            && !nama_kec.is_empty()
                            && !lama.nama.eq_ignore_ascii_case(nama_kec)
                        {
                            alasan.push(format!(
                                "kecamatan {} bernama '{}' di basis data, di sini '{nama_kec}'; impor desa tidak mengganti nama kecamatan: kosongkan kolom kecamatan atau tulis '{}', atau ganti namanya dahulu dengan: pantau kecamatan ganti-nama {} \"{nama_kec}\"",
                                k.kode_kecamatan, lama.nama, lama.nama, k.kode_kecamatan
                            ));
                        }
                        if ada.is_none() && nama_kec.is_empty() {
                            alasan.push(format!(
                                "kecamatan {} belum ada di basis data: isi kolom kecamatan dengan namanya",
                                k.kode_kecamatan
                            ));
                        } else {
                            let mut kec = ada.clone().unwrap_or_default();
                            kec.kode = k.kode_kecamatan.clone();
                            if !nama_kec.is_empty() {
                                kec.nama = nama_kec.to_string();
                            }
                            if !kab.is_empty() {
                                kec.kabupaten = kab.to_string();
                            }
                            // id 0 marks a kecamatan this import creates
                            if ada.is_none() {
                                kec.id = 0;
                            }
                            kecamatan.insert(k.kode_kecamatan.clone(), (kec, b.nomor));
                        }
                    }
                }
            }
        }
        let luas = opsional(
            t.ambil(b, "luas_km2"),
            "luas_km2",
            parse_desimal,
            &mut alasan,
        );
        if luas.is_some_and(|l| l.0 < 0) {
            alasan.push("luas_km2 tidak boleh negatif".into());
        }
        let dusun = hitungan(t.ambil(b, "dusun"), "dusun", &mut alasan);
        let rw = hitungan(t.ambil(b, "rw"), "rw", &mut alasan);
        let rt = hitungan(t.ambil(b, "rt"), "rt", &mut alasan);
        let laki = hitungan(t.ambil(b, "laki_laki"), "laki_laki", &mut alasan);
        let perempuan = hitungan(t.ambil(b, "perempuan"), "perempuan", &mut alasan);
        let jumlah = hitungan(
            t.ambil(b, "jumlah_penduduk"),
            "jumlah_penduduk",
            &mut alasan,
        );
        let rumah_tangga = hitungan(t.ambil(b, "rumah_tangga"), "rumah_tangga", &mut alasan);
        if alasan.is_empty()
            && let Some(k) = kode_desa
        {
            let d = Desa {
                kode: k.kode,
                nama: nama_desa.to_string(),
                kelurahan: k.jenis == JenisWilayah::Kelurahan,
                luas_km2: luas,
                dusun,
                rw,
                rt,
                laki_laki: laki,
                perempuan,
                jumlah_penduduk: jumlah,
                rumah_tangga,
                ..Default::default()
            };
            // the store's own rules, the ones the desa form meets
            keliru_berkas(wilayah::periksa_desa(&d), &mut alasan);
            if let Some((kec, _)) = kecamatan.get(&k.kode_kecamatan) {
                keliru_berkas(wilayah::periksa_kecamatan(kec), &mut alasan);
            }
            if alasan.is_empty() {
                if let Some(p) = periksa_penduduk(laki, perempuan, jumlah) {
                    peringatan.push(t.galat(b, &format!("peringatan: {p}; baris tetap disimpan")));
                }
                desa.push((k.kode_kecamatan.clone(), d));
            }
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    let mut kec: Vec<(Kecamatan, u64)> = kecamatan.into_values().collect();
    kec.sort_by_key(|(_, b)| *b);
    let ada = wilayah::KOLOM_OPSIONAL_DESA
        .iter()
        .enumerate()
        .filter(|(_, k)| t.punya(k))
        .fold(0u16, |m, (i, _)| m | 1 << i);
    Ok((
        DesaSiap {
            kecamatan: kec.into_iter().map(|(k, _)| k).collect(),
            desa,
            ada,
        },
        peringatan,
    ))
}

/// What writing the checked desa did: kecamatan created, and the desa rows new, changed or
/// the same.
pub(crate) fn tulis_desa(
    tx: &rusqlite::Transaction,
    siap: &DesaSiap,
    contoh: bool,
) -> Result<Laporan, Galat> {
    let mut id_kec = HashMap::new();
    let mut l = Laporan::default();
    for k in &siap.kecamatan {
        if k.id == 0 {
            l.kecamatan_baru += 1;
        }
        let k = Kecamatan {
            contoh: contoh || k.contoh,
            ..k.clone()
        };
        id_kec.insert(k.kode.clone(), wilayah::simpan_kecamatan(tx, &k)?);
    }
    for (kode_kec, d) in &siap.desa {
        let d = Desa {
            kecamatan_id: id_kec[kode_kec],
            contoh,
            ..d.clone()
        };
        let (_, hasil) = wilayah::simpan_desa_kode(tx, &d, siap.ada)?;
        l.hitung(hasil);
        l.baris += 1;
        l.kelurahan += usize::from(d.kelurahan);
    }
    Ok(l)
}

/// Desa (and kelurahan), checked whole before the write lock is taken; a kecamatan or desa
/// that another import wrote meanwhile is simply updated (both are written by their code).
pub fn impor_desa(store: &mut Store, nama: &str, isi: &[u8], lingkup: Lingkup) -> HasilImpor {
    let (siap, peringatan) = periksa_desa(store, nama, isi, lingkup)?;
    let l = store.transaksi_impor("desa", nama, &[], |tx| tulis_desa(tx, &siap, false))?;
    Ok(Laporan { peringatan, ..l })
}
/// A kecamatan's id by code, asking the database once per code.
fn id_kecamatan(
    store: &Store,
    tembolok: &mut HashMap<String, Option<i64>>,
    kode: &str,
) -> Result<Option<i64>, Galat> {
    if let Some(id) = tembolok.get(kode) {
        return Ok(*id);
    }
    let id = wilayah::kecamatan_kode(store.conn(), kode)?.map(|x| x.id);
    tembolok.insert(kode.to_string(), id);
    Ok(id)
}

/// Looks up desa by code once per code.
struct CariDesa {
    tembolok: HashMap<String, Option<Desa>>,
}

impl CariDesa {
    fn new() -> Self {
        CariDesa {
            tembolok: HashMap::new(),
        }
    }
    fn cari(&mut self, store: &Store, kode: &str) -> Result<Option<Desa>, Galat> {
        if let Some(d) = self.tembolok.get(kode) {
            return Ok(d.clone());
        }
        let d = wilayah::desa_kode(store.conn(), kode)?;
        self.tembolok.insert(kode.to_string(), d.clone());
        Ok(d)
    }
}

fn desa_ada(
    store: &Store,
    cari: &mut CariDesa,
    kode: &str,
    lingkup: Lingkup,
    alasan: &mut Vec<String>,
) -> Result<Option<Desa>, Galat> {
    if let Err(e) = parse_kode_desa(kode) {
        alasan.push(e);
        return Ok(None);
    }
    let Some(d) = cari.cari(store, kode)? else {
        alasan.push(format!(
            "desa {kode} tidak ada di basis data (impor desa lebih dulu)"
        ));
        return Ok(None);
    };
    if let Lingkup::Kecamatan(id) = lingkup
        && d.kecamatan_id != id
    {
        alasan.push(format!(
            "desa {kode} di luar kecamatan yang dipilih dengan --kecamatan"
        ));
        return Ok(None);
    }
    Ok(Some(d))
}

pub const KOLOM_DOKUMEN: &[&str] = &[
    "kode_desa",
    "jenis",
    "tahun_anggaran",
    "tanggal",
    "nomor",
    "keterangan",
    "hasil",
];

/// What a document row needs of its desa.
#[derive(Clone, Copy, PartialEq, Eq)]
struct DesaDokumen {
    id: i64,
    kecamatan_id: i64,
    kelurahan: bool,
}

fn baca_desa_dokumen(r: &rusqlite::Row) -> rusqlite::Result<DesaDokumen> {
    Ok(DesaDokumen {
        id: r.get(0)?,
        kecamatan_id: r.get(1)?,
        kelurahan: r.get(2)?,
    })
}

/// One checked document row, waiting for the write: 24 bytes, its texts in one shared
/// string, so a million rows wait in about 35 MB.
struct BarisDokumen {
    /// Line in the file.
    nomor: u32,
    /// Index in `DokumenSiap::desa`.
    desa: u32,
    /// Index in `DokumenSiap::jenis`.
    jenis: u8,
    /// Fiscal year − 2000 (2000–2100).
    ta: u8,
    tanggal: Option<NaiveDate>,
    /// Where the number starts in `DokumenSiap::teks`; the note follows it.
    teks: u32,
    panjang_nomor: u16,
    panjang_keterangan: u16,
    /// The evaluation's result (EvalAPBDes).
    hasil: Option<HasilEvaluasi>,
}

/// A document file read and checked whole, ready for `tulis_dokumen`.
pub struct DokumenSiap {
    nama: String,
    hari_ini: NaiveDate,
    kolom: dokumen::KolomDokumen,
    jenis: Vec<dokumen::JenisDokumen>,
    /// The desa the rows name, as the check read them, with the first line naming each.
    desa: Vec<(DesaDokumen, u32, String)>,
    baris: Vec<BarisDokumen>,
    /// The rows' numbers and notes, one after another.
    teks: String,
}

impl DokumenSiap {
    /// Rows checked and waiting.
    pub fn jumlah(&self) -> usize {
        self.baris.len()
    }
}

/// Documents: the whole file is read and checked first, outside any write transaction (other
/// operators keep writing meanwhile); then the checked rows are written in one transaction,
/// with the desa they name checked again inside it (one deleted or moved meanwhile refuses the
/// file, and nothing is written). New, changed and unchanged rows are counted apart.
pub fn impor_dokumen(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
    let siap = periksa_dokumen(store, nama, isi, hari_ini, lingkup)?;
    tulis_dokumen(store, &siap)
}

/// Reads and checks a whole document file, without writing (no write lock is taken).
pub fn periksa_dokumen(
    store: &Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> Result<DokumenSiap, GalatImpor> {
    let mut p = berkas::Pembaca::buka(
        nama,
        isi,
        KOLOM_DOKUMEN,
        &["kode_desa", "jenis", "tahun_anggaran"],
    )
    .map_err(GalatImpor::Berkas)?;
    let jenis = dokumen::daftar_jenis(store.conn())?;
    let daftar_jenis = jenis
        .iter()
        .map(|j| j.kode.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let kolom = dokumen::KolomDokumen {
        tanggal: p.punya("tanggal"),
        nomor: p.punya("nomor"),
        keterangan: p.punya("keterangan"),
        hasil: p.punya("hasil"),
    };
    let mut masalah = Masalah::new(nama);
    // each desa code looked up once: its row and the first line naming it, or why it cannot
    // take documents
    let mut desa: HashMap<String, Result<u32, String>> = HashMap::new();
    let mut daftar_desa: Vec<(DesaDokumen, u32, String)> = Vec::new();
    let mut arena = String::new();
    // (desa, kind, year) → the line that had it first, packed in 8 + 4 bytes: a million rows
    // take 30 MB here instead of 70
    let mut dilihat: HashMap<u64, u32> = HashMap::new();
    let mut siap: Vec<BarisDokumen> = Vec::new();
    {
        let mut cari = store
            .conn()
            .prepare("SELECT id, kecamatan_id, kelurahan FROM desa WHERE kode = ?1")?;
        while let Some(r) = p.berikut() {
            let nomor = match r {
                Ok(n) => n,
                Err(g) => {
                    masalah.semua.push(g);
                    continue;
                }
            };
            let mut alasan = Vec::new();
            if !periksa_sel(KOLOM_DOKUMEN, |k| p.ambil(k), &mut alasan) {
                masalah.baris(nomor, alasan);
                continue;
            }
            let kode = p.ambil("kode_desa");
            let d = if kode.is_empty() {
                alasan.push("kode_desa wajib diisi".into());
                None
            } else {
                if !desa.contains_key(kode) {
                    let ada = match parse_kode_desa(kode) {
                        Err(e) => Err(e),
                        Ok(_) => match cari.query_row([kode], baca_desa_dokumen).optional()? {
                            None => Err(format!(
                                "desa {kode} tidak ada di basis data (impor desa lebih dulu)"
                            )),
                            Some(d) if lingkup.param().is_some_and(|k| k != d.kecamatan_id) => {
                                Err(format!(
                                    "desa {kode} di luar kecamatan yang dipilih dengan --kecamatan"
                                ))
                            }
                            Some(d) if d.kelurahan => Err(format!(
                                "{kode} adalah kelurahan; kelurahan tidak menyusun {daftar_jenis}"
                            )),
                            Some(d) => {
                                daftar_desa.push((d, nomor as u32, kode.to_string()));
                                Ok(daftar_desa.len() as u32 - 1)
                            }
                        },
                    };
                    desa.insert(kode.to_string(), ada);
                }
                match &desa[kode] {
                    Ok(i) => Some((*i, daftar_desa[*i as usize].0)),
                    Err(e) => {
                        alasan.push(e.clone());
                        None
                    }
                }
            };
            let teks_jenis = p.ambil("jenis");
            let j = if teks_jenis.is_empty() {
                alasan.push("jenis wajib diisi".into());
                None
            } else {
                let j = dokumen::cari_jenis(&jenis, teks_jenis);
                if j.is_none() {
                    alasan.push(format!(
                        "jenis '{teks_jenis}' tidak dikenal (pilih {daftar_jenis})"
                    ));
                }
                j
            };
            let ta = tahun(p.ambil("tahun_anggaran"), "tahun_anggaran", &mut alasan);
            let tanggal = opsional(p.ambil("tanggal"), "tanggal", parse_tanggal, &mut alasan);
            let (nomor_dokumen, keterangan) = (p.ambil("nomor"), p.ambil("keterangan"));
            let teks_hasil = p.ambil("hasil");
            let hasil = if teks_hasil.is_empty() {
                None
            } else {
                let h = HasilEvaluasi::dari_teks(teks_hasil);
                if h.is_none() {
                    alasan.push(format!(
                        "hasil '{teks_hasil}' bukan 'sesuai' atau 'perlu perbaikan'"
                    ));
                }
                h
            };
            if let (Some(j), Some(ta)) = (j, ta)
                && alasan.is_empty()
            {
                // the store's own rules, the ones the document form meets
                keliru_berkas(
                    dokumen::periksa_dokumen(
                        j,
                        ta,
                        tanggal,
                        nomor_dokumen,
                        keterangan,
                        hasil,
                        hari_ini,
                    ),
                    &mut alasan,
                );
            }
            if let (Some(d), Some(j), Some(ta)) = (d, j, ta)
                && alasan.is_empty()
            {
                // the year is 2000–2100 and the kinds a handful: 8 bits each
                let ke = jenis.iter().position(|x| x.id == j.id).unwrap_or(0);
                let kunci = (d.1.id as u64) << 16 | (ke as u64 & 0xff) << 8 | (ta - 2000) as u64;
                if let Some(lain) = dilihat.insert(kunci, nomor as u32) {
                    alasan.push(format!(
                        "{} {kode} TA {ta} sudah ada di baris {lain}",
                        j.kode
                    ));
                } else if masalah.kosong() {
                    // both within their length limits (checked above): 200 and 16,000 bytes
                    siap.push(BarisDokumen {
                        nomor: nomor as u32,
                        desa: d.0,
                        jenis: ke as u8,
                        ta: (ta - 2000) as u8,
                        tanggal,
                        teks: arena.len() as u32,
                        panjang_nomor: nomor_dokumen.len() as u16,
                        panjang_keterangan: keterangan.len() as u16,
                        hasil,
                    });
                    arena.push_str(nomor_dokumen);
                    arena.push_str(keterangan);
                }
            }
            masalah.baris(nomor, alasan);
        }
    }
    masalah.selesai()?;
    drop(dilihat);
    drop(desa);
    Ok(DokumenSiap {
        nama: nama.to_string(),
        hari_ini,
        kolom,
        jenis,
        desa: daftar_desa,
        baris: siap,
        teks: arena,
    })
}

/// Writes a checked document file in one transaction: the write lock is held only here.
pub fn tulis_dokumen(store: &mut Store, siap: &DokumenSiap) -> HasilImpor {
    let DokumenSiap {
        nama,
        hari_ini,
        kolom,
        jenis,
        desa,
        baris: siap,
        teks,
    } = siap;
    let (nama, hari_ini, kolom) = (nama.as_str(), *hari_ini, *kolom);
    // both tally triggers set aside: inserted rows are added up below, a kecamatan with
    // changed rows is recounted whole
    store.transaksi_impor(
        "dokumen",
        nama,
        &["rekap_dokumen_tambah", "rekap_dokumen_ubah"],
        |tx| {
        // what the check read and another operator may have changed since
        let mut cari = tx.prepare("SELECT id, kecamatan_id, kelurahan FROM desa WHERE id = ?1")?;
        let mut berubah = Vec::new();
        for (d, nomor, kode) in desa.iter() {
            if cari.query_row([d.id], baca_desa_dokumen).optional()? != Some(*d) {
                berubah.push((
                    u64::from(*nomor),
                    format!(
                        "{nama}:{nomor}: desa {kode} dihapus atau dipindah pengguna lain selama impor; periksa lalu ulangi"
                    ),
                ));
            }
        }
        drop(cari);
        Masalah::dari(nama, &berubah).selesai()?;
        let mut tulis = dokumen::PenulisDokumen::new(tx, hari_ini)?;
        // the tally of the inserted rows, (kecamatan, kind, year) → (dated, on time); a
        // kecamatan where rows changed is recounted instead
        let mut rekap: HashMap<(i64, i64, i32), (i64, i64)> = HashMap::new();
        let mut hitung_ulang: HashSet<i64> = HashSet::new();
        let mut laporan = Laporan::default();
        for b in siap.iter() {
            let d = desa[b.desa as usize].0;
            let j = &jenis[usize::from(b.jenis)];
            let ta = 2000 + i32::from(b.ta);
            let awal = b.teks as usize;
            let tengah = awal + usize::from(b.panjang_nomor);
            let akhir = tengah + usize::from(b.panjang_keterangan);
            let hasil = tulis
                .tulis(
                    d.id,
                    j.id,
                    ta,
                    b.tanggal,
                    &teks[awal..tengah],
                    &teks[tengah..akhir],
                    b.hasil,
                    kolom,
                    false,
                )
                .map_err(di_baris(nama, u64::from(b.nomor)))?;
            match (hasil, b.tanggal) {
                (dokumen::Tulis::Baru, Some(t)) => {
                    let r = rekap.entry((d.kecamatan_id, j.id, ta)).or_default();
                    r.0 += 1;
                    // the tally's on-time count is of the fixed-day kinds (IKU 2's)
                    r.1 += i64::from(j.tenggat_tetap(ta).is_some_and(|b| t <= b));
                }
                (dokumen::Tulis::Diubah, _) => {
                    hitung_ulang.insert(d.kecamatan_id);
                }
                _ => {}
            }
            laporan.hitung(hasil);
            laporan.baris += 1;
        }
        drop(tulis);
        for (&(k, j, ta), &(tercatat, tepat)) in &rekap {
            if !hitung_ulang.contains(&k) {
                dokumen::tambah_rekap(tx, k, j, ta, tercatat, tepat)?;
            }
        }
        for k in hitung_ulang {
            dokumen::hitung_ulang_rekap(tx, Some(k))?;
        }
        Ok(laporan)
    },
    )
}

pub const KOLOM_FASILITASI: &[&str] = &[
    "tanggal",
    "jenis",
    "kode_desa",
    "kode_kecamatan",
    "uraian",
    "output",
    "bukti",
    "ditindaklanjuti",
];

pub fn impor_fasilitasi(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
    let t = berkas::baca(nama, isi, KOLOM_FASILITASI, &["tanggal", "jenis"])
        .map_err(GalatImpor::Berkas)?;
    let katalog = fasilitasi::daftar_katalog(store.conn())?;
    let mut masalah = Masalah::dari(nama, &t.galat);
    let mut cari = CariDesa::new();
    let mut kec_tembolok: HashMap<String, Option<i64>> = HashMap::new();
    let mut siap = Vec::with_capacity(t.baris.len());
    for b in &t.baris {
        let mut alasan = Vec::new();
        if !periksa_sel(KOLOM_FASILITASI, |k| t.ambil(b, k), &mut alasan) {
            masalah.baris(b.nomor, alasan);
            continue;
        }
        let teks_tgl = t.ambil(b, "tanggal");
        if teks_tgl.is_empty() {
            alasan.push("tanggal wajib diisi".into());
        }
        let tanggal = opsional(teks_tgl, "tanggal", parse_tanggal, &mut alasan);
        let teks_jenis = t.ambil(b, "jenis");
        let kat = if teks_jenis.is_empty() {
            alasan.push("jenis wajib diisi (kode katalog F01–F18, K01–K02, R01)".into());
            None
        } else {
            let kat = fasilitasi::cari_katalog(&katalog, teks_jenis);
            if kat.is_none() {
                alasan.push(format!(
                    "jenis '{teks_jenis}' tidak ada di katalog (F01–F18 fasilitasi, K01–K02 koordinasi, R01 rekomendasi)"
                ));
            }
            kat
        };
        let kode_desa = t.ambil(b, "kode_desa");
        let kode_kec = t.ambil(b, "kode_kecamatan");
        let desa = if kode_desa.is_empty() {
            None
        } else {
            desa_ada(store, &mut cari, kode_desa, lingkup, &mut alasan)?
        };
        let mut kecamatan_id = desa.as_ref().map(|d| d.kecamatan_id);
        if !kode_kec.is_empty() {
            match parse_kode_kecamatan(kode_kec) {
                Err(e) => alasan.push(e),
                Ok(k) => {
                    let id = id_kecamatan(store, &mut kec_tembolok, &k)?;
                    match id {
                        None => alasan.push(format!("kecamatan {k} tidak ada di basis data")),
                        Some(id) if kecamatan_id.is_some_and(|d| d != id) => {
                            alasan.push(format!("desa {kode_desa} bukan bagian kecamatan {k}"))
                        }
                        Some(id) => {
                            if let Lingkup::Kecamatan(l) = lingkup
                                && l != id
                            {
                                alasan.push(format!(
                                    "kecamatan {k} di luar kecamatan yang dipilih dengan --kecamatan"
                                ));
                            }
                            kecamatan_id = Some(id);
                        }
                    }
                }
            }
        } else if kode_desa.is_empty() {
            alasan.push("isi kode_desa atau kode_kecamatan".into());
        }
        let ditindaklanjuti = opsional(
            t.ambil(b, "ditindaklanjuti"),
            "ditindaklanjuti",
            parse_ya_tidak,
            &mut alasan,
        )
        .unwrap_or(false);
        if alasan.is_empty()
            && let (Some(tanggal), Some(kat), Some(kecamatan_id)) = (tanggal, kat, kecamatan_id)
        {
            let f = fasilitasi::Fasilitasi {
                kecamatan_id,
                desa_id: desa.map(|d| d.id),
                tanggal,
                katalog_id: kat.id,
                uraian: t.ambil(b, "uraian").to_string(),
                output: t.ambil(b, "output").to_string(),
                bukti: t.ambil(b, "bukti").to_string(),
                ditindaklanjuti,
                ..Default::default()
            };
            // the store's own rules, the ones the facilitation form meets
            keliru_berkas(fasilitasi::periksa(&f, hari_ini), &mut alasan);
            if alasan.is_empty() {
                siap.push((b.nomor, f));
            }
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("fasilitasi", nama, &[], |tx| {
        // what the check read and another operator may have changed since
        let mut berubah = Vec::new();
        let mut dilihat = HashSet::new();
        for (nomor, f) in &siap {
            if !dilihat.insert((f.kecamatan_id, f.desa_id)) {
                continue;
            }
            let ada: bool = match f.desa_id {
                Some(d) => tx
                    .prepare_cached("SELECT count(*) FROM desa WHERE id = ?1 AND kecamatan_id = ?2")?
                    .query_row([d, f.kecamatan_id], |r| r.get(0))?,
                None => tx
                    .prepare_cached("SELECT count(*) FROM kecamatan WHERE id = ?1")?
                    .query_row([f.kecamatan_id], |r| r.get(0))?,
            };
            if !ada {
                berubah.push((
                    *nomor,
                    format!("{nama}:{nomor}: desa atau kecamatan baris ini dihapus pengguna lain selama impor; periksa lalu ulangi"),
                ));
            }
        }
        Masalah::dari(nama, &berubah).selesai()?;
        for (nomor, f) in &siap {
            fasilitasi::tambah(tx, f, hari_ini).map_err(di_baris(nama, *nomor))?;
        }
        Ok::<_, GalatImpor>(())
    })?;
    Ok(Laporan {
        baris: siap.len(),
        baru: siap.len(),
        ..Default::default()
    })
}

pub const KOLOM_IKM: &[&str] = &[
    "kode_kecamatan",
    "tahun",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
];

pub fn impor_ikm(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
    let t = berkas::baca(nama, isi, KOLOM_IKM, KOLOM_IKM).map_err(GalatImpor::Berkas)?;
    let mut masalah = Masalah::dari(nama, &t.galat);
    let mut kec_tembolok: HashMap<String, Option<i64>> = HashMap::new();
    let mut siap = Vec::with_capacity(t.baris.len());
    for b in &t.baris {
        let mut alasan = Vec::new();
        if !periksa_sel(KOLOM_IKM, |k| t.ambil(b, k), &mut alasan) {
            masalah.baris(b.nomor, alasan);
            continue;
        }
        let kode = t.ambil(b, "kode_kecamatan");
        let kec = match parse_kode_kecamatan(kode) {
            Err(e) => {
                alasan.push(if kode.is_empty() {
                    "kode_kecamatan wajib diisi".into()
                } else {
                    e
                });
                None
            }
            Ok(k) => {
                let id = id_kecamatan(store, &mut kec_tembolok, &k)?;
                match id {
                    None => {
                        alasan.push(format!("kecamatan {k} tidak ada di basis data"));
                        None
                    }
                    Some(id) if matches!(lingkup, Lingkup::Kecamatan(l) if l != id) => {
                        alasan.push(format!(
                            "kecamatan {k} di luar kecamatan yang dipilih dengan --kecamatan"
                        ));
                        None
                    }
                    Some(id) => Some(id),
                }
            }
        };
        let th = tahun(t.ambil(b, "tahun"), "tahun", &mut alasan);
        let mut skor = [0u8; JUMLAH_UNSUR];
        for (i, s) in skor.iter_mut().enumerate() {
            let kolom = format!("u{}", i + 1);
            let teks = t.ambil(b, &kolom);
            match teks.parse::<u8>() {
                Ok(v) => *s = v,
                _ if teks.is_empty() => alasan.push(format!("{kolom} wajib diisi (1–4)")),
                _ => alasan.push(format!("{kolom} '{teks}' harus 1, 2, 3 atau 4")),
            }
        }
        if alasan.is_empty()
            && let (Some(kec), Some(th)) = (kec, th)
        {
            // the store's own rules, the ones the survey form meets
            keliru_berkas(ikm::periksa(th, &skor, hari_ini), &mut alasan);
            if alasan.is_empty() {
                siap.push((b.nomor, kec, th, skor));
            }
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("ikm_responden", nama, &[], |tx| {
        // a kecamatan deleted by another operator since the check
        let mut berubah = Vec::new();
        let mut dilihat = HashSet::new();
        for (nomor, kec, _, _) in &siap {
            if dilihat.insert(*kec) {
                let ada: bool = tx
                    .prepare_cached("SELECT count(*) FROM kecamatan WHERE id = ?1")?
                    .query_row([kec], |r| r.get(0))?;
                if !ada {
                    berubah.push((
                        *nomor,
                        format!("{nama}:{nomor}: kecamatan baris ini dihapus pengguna lain selama impor; periksa lalu ulangi"),
                    ));
                }
            }
        }
        Masalah::dari(nama, &berubah).selesai()?;
        for (nomor, kec, th, skor) in &siap {
            ikm::tambah(tx, *kec, *th, *skor, false, hari_ini).map_err(di_baris(nama, *nomor))?;
        }
        Ok::<_, GalatImpor>(())
    })?;
    Ok(Laporan {
        baris: siap.len(),
        baru: siap.len(),
        ..Default::default()
    })
}

pub const KOLOM_HARI_LIBUR: &[&str] = &["tanggal", "nama", "jenis", "dasar"];

/// National holidays and cuti bersama as a decree lists them: a date may appear once in the
/// file; a date already stored gets the file's name, kind and decree. All or nothing.
pub fn impor_hari_libur(store: &mut Store, nama: &str, isi: &[u8]) -> HasilImpor {
    use crate::domain::kalender::{HariLibur, JenisLibur};
    use crate::domain::tanggal::format_tanggal;
    let t = berkas::baca(nama, isi, KOLOM_HARI_LIBUR, &["tanggal", "nama", "jenis"])
        .map_err(GalatImpor::Berkas)?;
    let mut masalah = Masalah::dari(nama, &t.galat);
    let mut dilihat: HashMap<NaiveDate, u64> = HashMap::new();
    let mut siap = Vec::with_capacity(t.baris.len());
    for b in &t.baris {
        let mut alasan = Vec::new();
        if !periksa_sel(KOLOM_HARI_LIBUR, |k| t.ambil(b, k), &mut alasan) {
            masalah.baris(b.nomor, alasan);
            continue;
        }
        let teks_tgl = t.ambil(b, "tanggal");
        let tanggal = if teks_tgl.is_empty() {
            alasan.push("tanggal wajib diisi".into());
            None
        } else {
            opsional(teks_tgl, "tanggal", parse_tanggal, &mut alasan)
        };
        if let Some(tg) = tanggal {
            match dilihat.get(&tg) {
                Some(awal) => alasan.push(format!(
                    "tanggal {} sudah ada di baris {awal}; satu tanggal satu baris",
                    format_tanggal(tg)
                )),
                None => {
                    dilihat.insert(tg, b.nomor);
                }
            }
        }
        let teks_jenis = t.ambil(b, "jenis");
        let jenis = match JenisLibur::dari_teks(teks_jenis) {
            Some(j) => Some(j),
            None if teks_jenis.is_empty() => {
                alasan.push("jenis wajib diisi (libur_nasional atau cuti_bersama)".into());
                None
            }
            None => {
                alasan.push(format!(
                    "jenis '{teks_jenis}' tidak dikenal; pakai libur_nasional atau cuti_bersama"
                ));
                None
            }
        };
        if let (Some(tanggal), Some(jenis)) = (tanggal, jenis) {
            let h = HariLibur {
                tanggal,
                nama: t.ambil(b, "nama").to_string(),
                jenis,
                dasar: t.ambil(b, "dasar").to_string(),
            };
            // the store's own rules
            keliru_berkas(super::kalender::periksa(&h), &mut alasan);
            if alasan.is_empty() {
                siap.push((b.nomor, h));
            }
        } else if t.ambil(b, "nama").is_empty() {
            alasan.push("nama wajib diisi".into());
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    let mut laporan = Laporan {
        baris: siap.len(),
        ..Default::default()
    };
    store.transaksi_impor("hari_libur", nama, &[], |tx| {
        for (nomor, h) in &siap {
            let hasil = super::kalender::tulis(tx, h).map_err(di_baris(nama, *nomor))?;
            laporan.hitung(hasil);
        }
        Ok::<_, GalatImpor>(())
    })?;
    Ok(laporan)
}

pub const KOLOM_KEPALA_DESA: &[&str] =
    &["kode_desa", "nama", "dilantik", "akhir_masa", "keterangan"];

/// Kepala desa with their inauguration (and, when recorded, end of term), key (desa,
/// inauguration day): the same day again updates the name, end and note. All or nothing.
pub fn impor_kepala_desa(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
    use crate::store::kepala_desa::{self, KepalaDesa};
    let t = berkas::baca(
        nama,
        isi,
        KOLOM_KEPALA_DESA,
        &["kode_desa", "nama", "dilantik"],
    )
    .map_err(GalatImpor::Berkas)?;
    let mut masalah = Masalah::dari(nama, &t.galat);
    let mut siap = Vec::new();
    let mut dilihat: HashMap<(i64, NaiveDate), u64> = HashMap::new();
    for b in &t.baris {
        let mut alasan = Vec::new();
        if !periksa_sel(KOLOM_KEPALA_DESA, |k| t.ambil(b, k), &mut alasan) {
            masalah.baris(b.nomor, alasan);
            continue;
        }
        let kode = t.ambil(b, "kode_desa");
        let desa = match parse_kode_desa(kode) {
            Err(e) => {
                alasan.push(e);
                None
            }
            Ok(k) => match wilayah::desa_kode(store.conn(), &k.kode)? {
                None => {
                    alasan.push(format!("desa {} tidak ada di basis data", k.kode));
                    None
                }
                Some(d) if matches!(lingkup, Lingkup::Kecamatan(l) if l != d.kecamatan_id) => {
                    alasan.push(format!(
                        "desa {} di luar kecamatan yang dipilih dengan --kecamatan",
                        k.kode
                    ));
                    None
                }
                Some(d) if d.kelurahan => {
                    alasan.push(format!(
                        "{} adalah kelurahan: dipimpin lurah, bukan kepala desa",
                        k.kode
                    ));
                    None
                }
                Some(d) => Some(d),
            },
        };
        let nama_kades = t.ambil(b, "nama");
        if nama_kades.is_empty() {
            alasan.push("nama wajib diisi".into());
        } else if let Err(e) = crate::domain::teks::periksa_label(
            "nama",
            nama_kades,
            crate::domain::teks::Ragam::Nama,
            true,
        ) {
            alasan.push(e);
        }
        let tanggal = |kolom: &str, alasan: &mut Vec<String>| -> Option<NaiveDate> {
            let teks = t.ambil(b, kolom);
            if teks.is_empty() {
                return None;
            }
            match crate::domain::tanggal::parse_tanggal(teks) {
                Ok(d) => Some(d),
                Err(e) => {
                    alasan.push(format!("{kolom}: {e}"));
                    None
                }
            }
        };
        let dilantik = tanggal("dilantik", &mut alasan);
        if t.ambil(b, "dilantik").is_empty() {
            alasan.push("dilantik wajib diisi (tanggal pelantikan)".into());
        }
        if let Some(d) = dilantik
            && d > hari_ini
        {
            alasan.push(format!(
                "dilantik {} sesudah hari ini",
                crate::domain::tanggal::format_tanggal(d)
            ));
        }
        let akhir = tanggal("akhir_masa", &mut alasan);
        if let (Some(d), Some(a)) = (dilantik, akhir)
            && a <= d
        {
            alasan.push("akhir_masa harus sesudah tanggal dilantik".into());
        }
        let ket = t.ambil(b, "keterangan");
        if let Err(e) = crate::domain::teks::periksa_label(
            "keterangan",
            ket,
            crate::domain::teks::Ragam::Panjang,
            false,
        ) {
            alasan.push(e);
        }
        if let (true, Some(d), Some(dilantik)) = (alasan.is_empty(), &desa, dilantik) {
            if let Some(lain) = dilihat.insert((d.id, dilantik), b.nomor) {
                alasan.push(format!(
                    "desa {} dengan tanggal dilantik yang sama sudah ada di baris {lain}",
                    d.kode
                ));
            } else {
                siap.push((
                    b.nomor,
                    KepalaDesa {
                        id: 0,
                        desa_id: d.id,
                        nama: nama_kades.to_string(),
                        dilantik,
                        akhir_masa: akhir,
                        keterangan: ket.to_string(),
                        versi: 0,
                    },
                ));
            }
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    let mut laporan = Laporan {
        baris: siap.len(),
        ..Default::default()
    };
    store.transaksi(|tx| {
        for (_, k) in &siap {
            match kepala_desa::simpan(tx, k)? {
                dokumen::Tulis::Baru => laporan.baru += 1,
                dokumen::Tulis::Diubah => laporan.diubah += 1,
                dokumen::Tulis::Sama => laporan.sama += 1,
            }
        }
        Ok(())
    })?;
    Ok(laporan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dokumen::IsiDokumen;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn pemicu(s: &Store) -> Vec<String> {
        s.conn()
            .prepare(
                "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|x| x.unwrap())
            .collect()
    }

    /// The tally kept by the imports, against counting the rows.
    fn rekap_benar(s: &Store) {
        let baca = |sql: &str| -> Vec<(i64, i64, i64, i64, i64)> {
            s.conn()
                .prepare(sql)
                .unwrap()
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .unwrap()
                .map(|x| x.unwrap())
                .collect()
        };
        assert_eq!(
            baca("SELECT * FROM rekap_dokumen WHERE tercatat > 0 ORDER BY 1, 2, 3"),
            baca(
                "SELECT d.kecamatan_id, x.jenis_id, x.tahun_anggaran, count(*),
                        sum(x.tanggal <= t.tanggal)
                 FROM dokumen x JOIN desa d ON d.id = x.desa_id
                 JOIN tenggat_dokumen t USING (jenis_id, tahun_anggaran)
                 WHERE x.tanggal IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
            )
        );
    }

    fn audit(s: &Store) -> Vec<(String, String, Option<String>)> {
        s.conn()
            .prepare("SELECT tabel, aksi, sesudah FROM audit WHERE tabel = 'dokumen' ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(|x| x.unwrap())
            .collect()
    }

    /// A bulk import logs its new rows as one entry and each changed row on its own; the
    /// triggers it set aside are back afterwards, and after a refused file nothing moved.
    #[test]
    fn bulk_import_audit_triggers_and_tally() {
        let mut s = Store::memori().unwrap();
        let hari_ini = d(2026, 11, 23);
        impor_desa(
            &mut s,
            "desa.csv",
            b"kode;nama;kecamatan\n35.08.21.2001;Suka;Sukamaju\n35.08.21.2002;Maju;Sukamaju\n",
            Lingkup::Semua,
        )
        .unwrap();
        let awal = pemicu(&s);
        assert!(awal.iter().any(|p| p.starts_with("audit_dokumen_tambah:")));
        assert!(awal.iter().any(|p| p.starts_with("rekap_dokumen_tambah:")));
        let l = impor_dokumen(
            &mut s,
            "a.csv",
            b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;30/09/2025\n35.08.21.2002;RKPDes;2026;01/10/2025\n",
            hari_ini,
            Lingkup::Semua,
        )
        .unwrap();
        assert_eq!(l.baris, 2);
        assert_eq!(pemicu(&s), awal);
        let a = audit(&s);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].2.as_deref(),
            Some(r#"{"impor":"a.csv","baris_baru":2}"#)
        );
        let iku2 = |s: &Store| {
            let r = crate::store::dokumen::iku2_rincian(s.conn(), Lingkup::Semua, 2025).unwrap();
            r.iter().find(|x| x.0.kode == "RKPDes").unwrap().2
        };
        assert_eq!(iku2(&s), 1, "one of two on time");
        rekap_benar(&s);
        // one new row, one changed to on time: one summary entry and one change entry
        impor_dokumen(
            &mut s,
            "b.csv",
            b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2002;RKPDes;2026;29/09/2025\n35.08.21.2002;APBDes;2026;02/01/2026\n",
            hari_ini,
            Lingkup::Semua,
        )
        .unwrap();
        let a = audit(&s);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[1].1, "ubah");
        assert_eq!(
            a[2].2.as_deref(),
            Some(r#"{"impor":"b.csv","baris_baru":1}"#)
        );
        assert_eq!(iku2(&s), 2);
        rekap_benar(&s);
        // a bad last row: the good row before it is not kept, nor anything else
        let g = impor_dokumen(
            &mut s,
            "c.csv",
            b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;02/10/2025\n35.08.21.2009;RKPDes;2026;01/10/2025\n",
            hari_ini,
            Lingkup::Semua,
        )
        .unwrap_err();
        match g {
            GalatImpor::Berkas(b) => assert_eq!(
                b,
                ["c.csv:3: desa 35.08.21.2009 tidak ada di basis data (impor desa lebih dulu)"]
            ),
            GalatImpor::Store(e) => panic!("{e}"),
        }
        assert_eq!(pemicu(&s), awal);
        assert_eq!(audit(&s).len(), 3);
        assert_eq!(iku2(&s), 2);
        // a row typed in a form afterwards is logged on its own again
        s.transaksi(|tx| {
            let jenis = crate::store::dokumen::daftar_jenis(tx)?;
            let desa: i64 = tx.query_row(
                "SELECT id FROM desa WHERE kode = '35.08.21.2001'",
                [],
                |r| r.get(0),
            )?;
            crate::store::dokumen::ubah_dokumen(
                tx,
                desa,
                jenis[2].id,
                2025,
                None,
                &IsiDokumen {
                    tanggal: Some(d(2026, 3, 1)),
                    ..Default::default()
                },
                hari_ini,
            )
        })
        .unwrap();
        let a = audit(&s);
        assert_eq!(a.len(), 4);
        assert_eq!(a[3].1, "tambah");
        rekap_benar(&s);
        assert!(
            a[3].2
                .as_deref()
                .unwrap()
                .contains("\"tanggal\":\"2026-03-01\"")
        );
    }
}
