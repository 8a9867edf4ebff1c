//! Imports of the four file kinds of CONTRACT.md. All or nothing: every row is checked first,
//! every bad row reported as `FILE:LINE: reason`, and only a clean file is written, in one
//! transaction.

pub mod berkas;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::dokumen::{self, IsiDokumen};
use super::wilayah::{self, Desa, Kecamatan, Lingkup};
use super::{Galat, Store, fasilitasi, ikm};
use crate::domain::angka::{parse_bulat, parse_desimal, parse_ya_tidak};
use crate::domain::desa::periksa_penduduk;
use crate::domain::indikator::JUMLAH_UNSUR;
use crate::domain::kode::{JenisWilayah, parse_kode_desa, parse_kode_kecamatan};
use crate::domain::tanggal::{format_tanggal, parse_tanggal};
use berkas::Tabel;

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

/// Collects one row's problems and joins them into one line.
struct Masalah<'a> {
    tabel: &'a Tabel,
    semua: Vec<String>,
}

impl<'a> Masalah<'a> {
    fn new(tabel: &'a Tabel) -> Self {
        Masalah {
            tabel,
            semua: Vec::new(),
        }
    }
    fn baris(&mut self, b: &berkas::Baris, alasan: Vec<String>) {
        if !alasan.is_empty() {
            self.semua.push(self.tabel.galat(b, &alasan.join("; ")));
        }
    }
    fn selesai(self) -> Result<(), GalatImpor> {
        if self.semua.is_empty() {
            Ok(())
        } else {
            Err(GalatImpor::Berkas(self.semua))
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
    match teks.parse::<i32>() {
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
) -> Result<(DesaSiap, Vec<String>), GalatImpor> {
    let t = berkas::baca(nama, isi, KOLOM_DESA, &["kode", "nama"]).map_err(GalatImpor::Berkas)?;
    let mut masalah = Masalah::new(&t);
    let mut peringatan = Vec::new();
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
        if let Some(k) = &kode_desa {
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
        masalah.baris(b, alasan);
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

pub fn impor_desa(store: &mut Store, nama: &str, isi: &[u8]) -> HasilImpor {
    let (siap, peringatan) = periksa_desa(store, nama, isi)?;
    let kecamatan_baru = store.transaksi_impor("desa", nama, |tx| tulis_desa(tx, &siap, false))?;
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

pub fn impor_dokumen(
    store: &mut Store,
    nama: &str,
    isi: &[u8],
    hari_ini: NaiveDate,
    lingkup: Lingkup,
) -> HasilImpor {
    let t = berkas::baca(
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
    let mut masalah = Masalah::new(&t);
    let mut cari = CariDesa::new();
    let mut dilihat: HashMap<(i64, i64, i32), u64> = HashMap::new();
    let mut siap = Vec::with_capacity(t.baris.len());
    for b in &t.baris {
        let mut alasan = Vec::new();
        let kode = t.ambil(b, "kode_desa");
        let desa = if kode.is_empty() {
            alasan.push("kode_desa wajib diisi".into());
            None
        } else {
            desa_ada(store, &mut cari, kode, lingkup, &mut alasan)?
        };
        if let Some(d) = &desa
            && d.kelurahan
        {
            alasan.push(format!(
                "{} adalah kelurahan; kelurahan tidak menyusun {daftar_jenis}",
                d.kode
            ));
        }
        let teks_jenis = t.ambil(b, "jenis");
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
        let ta = tahun(t.ambil(b, "tahun_anggaran"), "tahun_anggaran", &mut alasan);
        let tanggal = tanggal_lalu(t.ambil(b, "tanggal"), "tanggal", hari_ini, &mut alasan);
        if let (Some(d), Some(j), Some(ta)) = (&desa, j, ta)
            && alasan.is_empty()
        {
            if let Some(lain) = dilihat.insert((d.id, j.id, ta), b.nomor) {
                alasan.push(format!(
                    "{} {} TA {ta} sudah ada di baris {lain}",
                    j.kode, d.kode
                ));
            } else {
                siap.push((
                    d.id,
                    j.id,
                    ta,
                    IsiDokumen {
                        tanggal,
                        nomor: t.ambil(b, "nomor").to_string(),
                        keterangan: t.ambil(b, "keterangan").to_string(),
                    },
                ));
            }
        }
        masalah.baris(b, alasan);
    }
    masalah.selesai()?;
    let kolom = dokumen::KolomDokumen {
        tanggal: t.punya("tanggal"),
        nomor: t.punya("nomor"),
        keterangan: t.punya("keterangan"),
    };
    store.transaksi_impor("dokumen", nama, |tx| {
        for (desa_id, jenis_id, ta, isi) in &siap {
            dokumen::simpan_dokumen(tx, *desa_id, *jenis_id, *ta, isi, kolom, false)?;
        }
        Ok(())
    })?;
    Ok(Laporan {
        baris: siap.len(),
        ..Default::default()
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
    let mut masalah = Masalah::new(&t);
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
        masalah.baris(b, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("fasilitasi", nama, |tx| {
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
    let mut masalah = Masalah::new(&t);
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
        masalah.baris(b, alasan);
    }
    masalah.selesai()?;
    store.transaksi_impor("ikm_responden", nama, |tx| {
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

    #[test]
    fn catalogue_codes_are_normalised() {
        assert_eq!(kode_katalog("f1"), "F01");
        assert_eq!(kode_katalog(" K02 "), "K02");
        assert_eq!(kode_katalog("R01"), "R01");
        assert_eq!(kode_katalog("X"), "X");
    }
}
