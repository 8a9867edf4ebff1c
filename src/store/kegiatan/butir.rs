//! Writes of one KAK row at a time, each checked against the version read when its form
//! opened: the kegiatan's header and the items of its lists.

use rusqlite::{Transaction, params};

use super::{
    Anggaran, BAGIAN, Biaya, Butir, Indikator, Kak, Kegiatan, TINGKAT, Tahapan, simpan, ubah_kepala,
};
use crate::domain::indikator::SUMBER;
use crate::domain::teks::{Ragam, periksa_label};
use crate::store::{Galat, Hasil};

/// Checks a field for a write: `Label: reason` as `Galat::TidakSah`.
fn bidang(label: &str, teks: &str, ragam: Ragam, wajib: bool) -> Hasil<()> {
    periksa_label(label, teks, ragam, wajib).map_err(Galat::TidakSah)
}

/// Checks a kegiatan's header as the form and any import must.
pub(super) fn periksa_kepala(k: &Kegiatan) -> Hasil<()> {
    if !(2000..=2100).contains(&k.tahun) {
        return Err(Galat::TidakSah("Tahun: harus antara 2000 dan 2100".into()));
    }
    bidang("Kode program", &k.kode_program, Ragam::Kode, true)?;
    bidang("Nama program", &k.nama_program, Ragam::Pendek, true)?;
    bidang("Kode kegiatan", &k.kode_kegiatan, Ragam::Kode, true)?;
    bidang("Nama kegiatan", &k.nama_kegiatan, Ragam::Pendek, true)?;
    bidang("Sub kegiatan", &k.kode_sub_kegiatan, Ragam::Kode, false)?;
    bidang("Seksi", &k.seksi, Ragam::Nama, false)?;
    // a paragraph in the seeds' KAK (the months of each stage)
    bidang("Waktu", &k.waktu, Ragam::Panjang, false)
}

/// Writes a kegiatan's header only: a new kegiatan when `id` is 0, otherwise if nobody changed
/// it since `versi` was read (`Galat::Konflik`).
pub fn simpan_kepala(tx: &Transaction, k: &Kegiatan) -> Hasil<i64> {
    periksa_kepala(k)?;
    let kak = Kak {
        kegiatan: k.clone(),
        ..Default::default()
    };
    if k.id == 0 {
        return simpan(tx, &kak);
    }
    ubah_kepala(tx, k)?;
    Ok(k.id)
}

/// One item of a KAK, as a form edits it: its row keeps its id and the version read when the
/// form opened (id 0: a new item, added at the end of its list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButirKak {
    Indikator(Indikator),
    Butir(Butir),
    Anggaran(Anggaran),
    Biaya(Biaya),
    Tahapan(Tahapan),
}

impl ButirKak {
    /// The table the item lives in.
    pub fn tabel(&self) -> &'static str {
        match self {
            ButirKak::Indikator(_) => "indikator",
            ButirKak::Butir(_) => "kegiatan_butir",
            ButirKak::Anggaran(_) => "anggaran_riwayat",
            ButirKak::Biaya(_) => "rencana_biaya",
            ButirKak::Tahapan(_) => "tahapan",
        }
    }

    fn id_versi(&self) -> (i64, i64) {
        match self {
            ButirKak::Indikator(x) => (x.id, x.versi),
            ButirKak::Butir(x) => (x.id, x.versi),
            ButirKak::Anggaran(x) => (x.id, x.versi),
            ButirKak::Biaya(x) => (x.id, x.versi),
            ButirKak::Tahapan(x) => (x.id, x.versi),
        }
    }

    pub(super) fn periksa(&self) -> Hasil<()> {
        match self {
            ButirKak::Indikator(x) => {
                if !TINGKAT.contains(&x.tingkat.as_str()) {
                    return Err(Galat::TidakSah(format!(
                        "Tingkat: '{}' tidak dikenal (program, output, outcome, individu)",
                        crate::domain::teks::aman(&x.tingkat)
                    )));
                }
                if !x.sumber.is_empty() && !SUMBER.contains(&x.sumber.as_str()) {
                    return Err(Galat::TidakSah(format!(
                        "Sumber: '{}' tidak dikenal (IKU1, IKU2, IKM, atau kosong bila diisi tangan)",
                        crate::domain::teks::aman(&x.sumber)
                    )));
                }
                bidang("Uraian", &x.uraian, Ragam::Pendek, true)?;
                bidang("Satuan", &x.satuan, Ragam::Nama, false)
            }
            ButirKak::Butir(x) => {
                if !BAGIAN.iter().any(|(k, _)| *k == x.bagian) {
                    return Err(Galat::TidakSah(format!(
                        "Bagian: '{}' tidak dikenal",
                        crate::domain::teks::aman(&x.bagian)
                    )));
                }
                bidang("Kelompok", &x.kelompok, Ragam::Pendek, false)?;
                bidang("Teks", &x.teks, Ragam::Panjang, true)
            }
            ButirKak::Anggaran(x) => {
                bidang("Uraian belanja", &x.uraian, Ragam::Pendek, true)?;
                for (label, v) in [
                    ("N-2 (Rp)", x.n2),
                    ("N-1 (Rp)", x.n1),
                    ("Berjalan (Rp)", x.berjalan),
                ] {
                    if v.is_some_and(|v| v < 0) {
                        return Err(Galat::TidakSah(format!("{label}: tidak boleh negatif")));
                    }
                }
                Ok(())
            }
            ButirKak::Biaya(x) => {
                bidang("Uraian", &x.uraian, Ragam::Pendek, true)?;
                if x.jumlah < 0 {
                    return Err(Galat::TidakSah("Jumlah (Rp): tidak boleh negatif".into()));
                }
                Ok(())
            }
            ButirKak::Tahapan(x) => {
                bidang("Nama", &x.nama, Ragam::Pendek, true)?;
                if x.bulan.kosong() {
                    return Err(Galat::TidakSah("Bulan: wajib diisi".into()));
                }
                bidang("Tempat", &x.tempat, Ragam::Pendek, false)?;
                bidang("Pelaksana", &x.pelaksana, Ragam::Pendek, false)?;
                bidang("Peserta", &x.peserta, Ragam::Pendek, false)
            }
        }
    }
}

/// Writes one KAK item of kegiatan `kegiatan_id`: a new one at the end of its list, or the
/// row itself if nobody changed it since its version was read (`Galat::Konflik`; also when
/// it or its kegiatan was deleted meanwhile).
pub fn simpan_butir(tx: &Transaction, kegiatan_id: i64, b: &ButirKak) -> Hasil<i64> {
    b.periksa()?;
    let ada: bool = tx
        .prepare_cached("SELECT count(*) FROM kegiatan WHERE id = ?1")?
        .query_row([kegiatan_id], |r| r.get(0))?;
    if !ada {
        return Err(Galat::Konflik);
    }
    let tabel = b.tabel();
    let (id, versi) = b.id_versi();
    if id == 0 {
        let urutan: i64 = tx
            .prepare_cached(&format!(
                "SELECT coalesce(max(urutan), -1) + 1 FROM {tabel} WHERE kegiatan_id = ?1"
            ))?
            .query_row([kegiatan_id], |r| r.get(0))?;
        match b {
            ButirKak::Indikator(i) => tx
                .prepare_cached(
                    "INSERT INTO indikator (kegiatan_id, urutan, tingkat, uraian, satuan, target_x100, realisasi_x100, sumber)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    kegiatan_id,
                    urutan,
                    i.tingkat,
                    i.uraian,
                    i.satuan,
                    i.target.map(|t| t.0),
                    i.realisasi.map(|t| t.0),
                    i.sumber
                ])?,
            ButirKak::Butir(x) => tx
                .prepare_cached(
                    "INSERT INTO kegiatan_butir (kegiatan_id, urutan, bagian, kelompok, teks) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![kegiatan_id, urutan, x.bagian, x.kelompok, x.teks])?,
            ButirKak::Anggaran(a) => tx
                .prepare_cached(
                    "INSERT INTO anggaran_riwayat (kegiatan_id, urutan, uraian, n2, n1, berjalan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![kegiatan_id, urutan, a.uraian, a.n2, a.n1, a.berjalan])?,
            ButirKak::Biaya(x) => tx
                .prepare_cached(
                    "INSERT INTO rencana_biaya (kegiatan_id, urutan, uraian, jumlah) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![kegiatan_id, urutan, x.uraian, x.jumlah])?,
            ButirKak::Tahapan(t) => tx
                .prepare_cached(
                    "INSERT INTO tahapan (kegiatan_id, urutan, nama, bulan, tempat, pelaksana, peserta)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    kegiatan_id,
                    urutan,
                    t.nama,
                    t.bulan.0,
                    t.tempat,
                    t.pelaksana,
                    t.peserta
                ])?,
        };
        return Ok(tx.last_insert_rowid());
    }
    let n = match b {
        ButirKak::Indikator(i) => tx
            .prepare_cached(
                "UPDATE indikator SET tingkat = ?3, uraian = ?4, satuan = ?5, target_x100 = ?6, realisasi_x100 = ?7,
                     sumber = ?8, versi = versi + 1
                 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![
                id,
                versi,
                i.tingkat,
                i.uraian,
                i.satuan,
                i.target.map(|t| t.0),
                i.realisasi.map(|t| t.0),
                i.sumber
            ])?,
        ButirKak::Butir(x) => tx
            .prepare_cached(
                "UPDATE kegiatan_butir SET bagian = ?3, kelompok = ?4, teks = ?5, versi = versi + 1
                 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![id, versi, x.bagian, x.kelompok, x.teks])?,
        ButirKak::Anggaran(a) => tx
            .prepare_cached(
                "UPDATE anggaran_riwayat SET uraian = ?3, n2 = ?4, n1 = ?5, berjalan = ?6, versi = versi + 1
                 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![id, versi, a.uraian, a.n2, a.n1, a.berjalan])?,
        ButirKak::Biaya(x) => tx
            .prepare_cached(
                "UPDATE rencana_biaya SET uraian = ?3, jumlah = ?4, versi = versi + 1 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![id, versi, x.uraian, x.jumlah])?,
        ButirKak::Tahapan(t) => tx
            .prepare_cached(
                "UPDATE tahapan SET nama = ?3, bulan = ?4, tempat = ?5, pelaksana = ?6, peserta = ?7, versi = versi + 1
                 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![id, versi, t.nama, t.bulan.0, t.tempat, t.pelaksana, t.peserta])?,
    };
    crate::store::satu_baris(n)?;
    Ok(id)
}

/// Deletes one KAK item if nobody changed it since its version was read.
pub fn hapus_butir(tx: &Transaction, tabel: &'static str, id: i64, versi: i64) -> Hasil<()> {
    if ![
        "indikator",
        "kegiatan_butir",
        "anggaran_riwayat",
        "rencana_biaya",
        "tahapan",
    ]
    .contains(&tabel)
    {
        return Err(Galat::TidakSah(format!("{tabel} bukan bagian KAK")));
    }
    crate::store::hapus_versi(tx, tabel, id, versi)
}
