//! Imports of the four file kinds of CONTRACT.md. All or nothing: every row is checked first,
//! every bad row reported as `FILE:LINE: reason`, and only a clean file is written, in one
//! transaction.

pub mod berkas;

use std::collections::{HashMap, HashSet};

use rusqlite::OptionalExtension;

use chrono::{Datelike, NaiveDate};

use super::dokumen;
use super::wilayah::{self, Desa, Kecamatan, Lingkup};
use super::{Galat, Store, fasilitasi, ikm};
use crate::domain::angka::{parse_bulat, parse_desimal, parse_ya_tidak};
use crate::domain::desa::periksa_penduduk;
use crate::domain::indikator::JUMLAH_UNSUR;
use crate::domain::kode::{JenisWilayah, parse_kode_desa, parse_kode_kecamatan};
use crate::domain::tanggal::{format_tanggal, parse_tanggal};

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Laporan {
    /// Rows read and written.
    pub baris: usize,
    /// Kecamatan created on the way (desa import).
    pub kecamatan_baru: usize,
    /// Rows kept with a warning, as `FILE:LINE: peringatan: …`.
    pub peringatan: Vec<String>,
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

fn tanggal_lalu(
    teks: &str,
    kolom: &str,
    hari_ini: NaiveDate,
    alasan: &mut Vec<String>,
) -> Option<NaiveDate> {
    let t = opsional(teks, kolom, parse_tanggal, alasan)?;
    if t > hari_ini {
        alasan.push(format!(
            "{kolom} {} sesudah hari ini ({})",
            format_tanggal(t),
            format_tanggal(hari_ini)
        ));
        return None;
    }
    Some(t)
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
                        if let Some(lama) = &ada
                            && !nama_kec.is_empty()
                            && !lama.nama.eq_ignore_ascii_case(nama_kec)
                        {
                            peringatan.push(t.galat(
                                b,
                                &format!(
                                    "peringatan: kecamatan {} bernama '{}' di basis data, diganti '{nama_kec}'",
                                    k.kode_kecamatan, lama.nama
                                ),
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
        if alasan.is_empty() {
            if let Some(p) = periksa_penduduk(laki, perempuan, jumlah) {
                peringatan.push(t.galat(b, &format!("peringatan: {p}; baris tetap disimpan")));
            }
            if let Some(k) = kode_desa {
                desa.push((
                    k.kode_kecamatan.clone(),
                    Desa {
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
                    },
                ));
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

pub(crate) fn tulis_desa(
    tx: &rusqlite::Connection,
    siap: &DesaSiap,
    contoh: bool,
) -> Result<usize, Galat> {
    let mut id_kec = HashMap::new();
    let mut baru = 0;
    for k in &siap.kecamatan {
        if k.id == 0 {
            baru += 1;
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
        wilayah::simpan_desa_kode(tx, &d, siap.ada)?;
    }
    Ok(baru)
}

pub fn impor_desa(store: &mut Store, nama: &str, isi: &[u8], lingkup: Lingkup) -> HasilImpor {
    let (siap, peringatan) = periksa_desa(store, nama, isi, lingkup)?;
    let kecamatan_baru =
        store.transaksi_impor("desa", nama, &[], |tx| tulis_desa(tx, &siap, false))?;
    Ok(Laporan {
        baris: siap.desa.len(),
        kecamatan_baru,
        peringatan,
    })
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
];

/// What a document row needs of its desa.
#[derive(Clone, Copy)]
struct DesaDokumen {
    id: i64,
    kecamatan_id: i64,
    kelurahan: bool,
}

/// Documents, read and written row by row in one transaction, so that a million rows need
/// neither a million rows in memory nor a second pass: the first bad row stops the writing,
/// the rest of the file is still checked so that every problem is reported, and a file with
/// any problem is rolled back whole.
pub fn impor_dokumen(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
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
    };
    store.transaksi_impor("dokumen", nama, &["rekap_dokumen_tambah"], |tx| {
        let mut masalah = Masalah::new(nama);
        // each desa code looked up once: its row, or why it cannot take documents
        let mut desa: HashMap<String, Result<DesaDokumen, String>> = HashMap::new();
        let mut cari =
            tx.prepare("SELECT id, kecamatan_id, kelurahan FROM desa WHERE kode = ?1")?;
        // (desa, kind, year) → the line that had it first, packed in 8 + 4 bytes: a million
        // rows take 30 MB here instead of 70
        let mut dilihat: HashMap<u64, u32> = HashMap::new();
        let mut tulis = dokumen::PenulisDokumen::new(tx)?;
        // the tally of the inserted rows, (kecamatan, kind, year) → (dated, on time); a
        // kecamatan where rows changed is recounted instead
        let mut rekap: HashMap<(i64, i64, i32), (i64, i64)> = HashMap::new();
        let mut hitung_ulang: HashSet<i64> = HashSet::new();
        let mut baris = 0;
        while let Some(r) = p.berikut() {
            let nomor = match r {
                Ok(n) => n,
                Err(g) => {
                    masalah.semua.push(g);
                    continue;
                }
            };
            let mut alasan = Vec::new();
            let kode = p.ambil("kode_desa");
            let d = if kode.is_empty() {
                alasan.push("kode_desa wajib diisi".into());
                None
            } else {
                if !desa.contains_key(kode) {
                    let ada = match parse_kode_desa(kode) {
                        Err(e) => Err(e),
                        Ok(_) => match cari
                            .query_row([kode], |r| {
                                Ok(DesaDokumen {
                                    id: r.get(0)?,
                                    kecamatan_id: r.get(1)?,
                                    kelurahan: r.get(2)?,
                                })
                            })
                            .optional()?
                        {
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
                            Some(d) => Ok(d),
                        },
                    };
                    desa.insert(kode.to_string(), ada);
                }
                match &desa[kode] {
                    Ok(d) => Some(*d),
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
            let tanggal = tanggal_lalu(p.ambil("tanggal"), "tanggal", hari_ini, &mut alasan);
            if let (Some(j), Some(ta), Some(t)) = (j, ta, tanggal)
                && let Err(e) = j.aturan.periksa_tanggal(&j.kode, ta, t)
            {
                alasan.push(format!("tanggal {e}"));
            }
            if let (Some(d), Some(j), Some(ta)) = (d, j, ta)
                && alasan.is_empty()
            {
                // the year is 2000–2100 and the kinds a handful: 8 bits each
                let ke = jenis.iter().position(|x| x.id == j.id).unwrap_or(0);
                let kunci = (d.id as u64) << 16 | (ke as u64 & 0xff) << 8 | (ta - 2000) as u64;
                if let Some(lain) = dilihat.insert(kunci, nomor as u32) {
                    alasan.push(format!(
                        "{} {kode} TA {ta} sudah ada di baris {lain}",
                        j.kode
                    ));
                } else if masalah.kosong() {
                    let hasil = tulis.tulis(
                        d.id,
                        j.id,
                        ta,
                        tanggal,
                        p.ambil("nomor"),
                        p.ambil("keterangan"),
                        kolom,
                        false,
                    )?;
                    match (hasil, tanggal) {
                        (dokumen::Tulis::Baru, Some(t)) => {
                            let r = rekap.entry((d.kecamatan_id, j.id, ta)).or_default();
                            r.0 += 1;
                            r.1 += i64::from(t <= j.aturan.tenggat(ta));
                        }
                        (dokumen::Tulis::Diubah, _) => {
                            hitung_ulang.insert(d.kecamatan_id);
                        }
                        _ => {}
                    }
                    baris += 1;
                }
            }
            masalah.baris(nomor, alasan);
        }
        masalah.selesai()?;
        drop(tulis);
        for (&(k, j, ta), &(tercatat, tepat)) in &rekap {
            if !hitung_ulang.contains(&k) {
                dokumen::tambah_rekap(tx, k, j, ta, tercatat, tepat)?;
            }
        }
        for k in hitung_ulang {
            dokumen::hitung_ulang_rekap(tx, Some(k))?;
        }
        Ok(Laporan {
            baris,
            ..Default::default()
        })
    })
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

/// `f1`, `F01`, ` k2 ` → `F01`, `K02`.
fn kode_katalog(teks: &str) -> String {
    let t = teks.trim().to_uppercase();
    let (huruf, angka) = t.split_at(t.find(|c: char| c.is_ascii_digit()).unwrap_or(t.len()));
    match angka.parse::<u32>() {
        Ok(n) if !huruf.is_empty() => format!("{huruf}{n:02}"),
        _ => t,
    }
}

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
        let teks_tgl = t.ambil(b, "tanggal");
        if teks_tgl.is_empty() {
            alasan.push("tanggal wajib diisi".into());
        }
        let tanggal = tanggal_lalu(teks_tgl, "tanggal", hari_ini, &mut alasan);
        let teks_jenis = t.ambil(b, "jenis");
        let kat = if teks_jenis.is_empty() {
            alasan.push("jenis wajib diisi (kode katalog F01–F18, K01–K02, R01)".into());
            None
        } else {
            let k = kode_katalog(teks_jenis);
            let kat = katalog.iter().find(|c| c.kode == k);
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
            siap.push(fasilitasi::Fasilitasi {
                kecamatan_id,
                desa_id: desa.map(|d| d.id),
                tanggal,
                katalog_id: kat.id,
                uraian: t.ambil(b, "uraian").to_string(),
                output: t.ambil(b, "output").to_string(),
                bukti: t.ambil(b, "bukti").to_string(),
                ditindaklanjuti,
                ..Default::default()
            });
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("fasilitasi", nama, &[], |tx| -> Result<(), Galat> {
        for f in &siap {
            fasilitasi::tambah(tx, f)?;
        }
        Ok(())
    })?;
    Ok(Laporan {
        baris: siap.len(),
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
        if th.is_some_and(|th| th > hari_ini.year()) {
            alasan.push(format!(
                "tahun survei {} sesudah tahun ini",
                th.unwrap_or_default()
            ));
        }
        let mut skor = [0u8; JUMLAH_UNSUR];
        for (i, s) in skor.iter_mut().enumerate() {
            let kolom = format!("u{}", i + 1);
            let teks = t.ambil(b, &kolom);
            match teks.parse::<u8>() {
                Ok(v @ 1..=4) => *s = v,
                _ if teks.is_empty() => alasan.push(format!("{kolom} wajib diisi (1–4)")),
                _ => alasan.push(format!("{kolom} '{teks}' harus 1, 2, 3 atau 4")),
            }
        }
        if alasan.is_empty()
            && let (Some(kec), Some(th)) = (kec, th)
        {
            siap.push((kec, th, skor));
        }
        masalah.baris(b.nomor, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("ikm_responden", nama, &[], |tx| -> Result<(), Galat> {
        for (kec, th, skor) in &siap {
            ikm::tambah(tx, *kec, *th, *skor, false)?;
        }
        Ok(())
    })?;
    Ok(Laporan {
        baris: siap.len(),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dokumen::IsiDokumen;

    #[test]
    fn catalogue_codes_are_normalised() {
        assert_eq!(kode_katalog("f1"), "F01");
        assert_eq!(kode_katalog(" K02 "), "K02");
        assert_eq!(kode_katalog("R01"), "R01");
        assert_eq!(kode_katalog("X"), "X");
    }

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
