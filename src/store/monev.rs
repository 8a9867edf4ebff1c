//! KOMPAK monitoring: plan completion per desa or service unit, and the M&E matrix.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::wilayah::Lingkup;
use super::{Galat, Hasil, tanggal_sql};
use crate::domain::tanggal::format_iso;
use crate::domain::teks::{Ragam, periksa_label};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Putaran {
    pub id: i64,
    pub ke: i64,
    pub tanggal: Option<NaiveDate>,
    pub kemajuan_persen: Option<i64>,
    pub kemajuan: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    /// Its version when read (0: not stored yet).
    pub versi: i64,
}

impl Putaran {
    /// Nothing entered: a matrix round left empty is not stored.
    pub fn kosong(&self) -> bool {
        self.tanggal.is_none()
            && self.kemajuan_persen.is_none()
            && self.kemajuan.is_empty()
            && self.kendala.is_empty()
            && self.tindak_lanjut.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rencana {
    pub id: i64,
    pub kecamatan_id: i64,
    pub tahun: i32,
    pub unit: String,
    pub jenis_unit: String,
    pub desa_id: Option<i64>,
    pub dokumen: String,
    pub target: NaiveDate,
    pub selesai: Option<NaiveDate>,
    pub keterangan: String,
    pub contoh: bool,
    pub versi: i64,
    pub putaran: Vec<Putaran>,
}

impl Rencana {
    /// Late: not finished and the target date has passed, or finished after it.
    pub fn terlambat(&self, hari_ini: NaiveDate) -> bool {
        match self.selesai {
            Some(s) => s > self.target,
            None => hari_ini > self.target,
        }
    }
}

pub const JENIS_UNIT: &[&str] = &["desa", "puskesmas", "sd", "lainnya"];

fn tgl(t: Option<String>) -> Option<NaiveDate> {
    t.as_deref().and_then(tanggal_sql)
}

pub fn daftar_rencana(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Rencana>> {
    let mut stmt = super::siapkan_lingkup(conn, "SELECT id, kecamatan_id, tahun, unit, jenis_unit, desa_id, dokumen, target, selesai, keterangan, contoh, versi
         FROM monev_rencana WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
         ORDER BY target, unit LIMIT ?3 OFFSET ?4", lingkup)?;
    let mut v = stmt
        .query_map(params![lingkup.param(), tahun, batas, offset], |r| {
            Ok(Rencana {
                id: r.get(0)?,
                kecamatan_id: r.get(1)?,
                tahun: r.get(2)?,
                unit: r.get(3)?,
                jenis_unit: r.get(4)?,
                desa_id: r.get(5)?,
                dokumen: r.get(6)?,
                target: tgl(r.get(7)?).unwrap_or_default(),
                selesai: tgl(r.get(8)?),
                keterangan: r.get(9)?,
                contoh: r.get(10)?,
                versi: r.get(11)?,
                putaran: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, ke, tanggal, kemajuan_persen, kemajuan, kendala, tindak_lanjut, versi FROM monev_putaran
         WHERE rencana_id = ?1 ORDER BY ke",
    )?;
    for r in &mut v {
        r.putaran = stmt
            .query_map([r.id], baris_putaran)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(v)
}

fn baris_putaran(r: &rusqlite::Row) -> rusqlite::Result<Putaran> {
    Ok(Putaran {
        id: r.get(0)?,
        ke: r.get(1)?,
        tanggal: tgl(r.get(2)?),
        kemajuan_persen: r.get(3)?,
        kemajuan: r.get(4)?,
        kendala: r.get(5)?,
        tindak_lanjut: r.get(6)?,
        versi: r.get(7)?,
    })
}

/// Inserts (id 0) or updates a plan with its rounds, in the caller's transaction.
pub fn simpan_rencana(conn: &Transaction, r: &Rencana) -> Hasil<i64> {
    if r.unit.trim().is_empty() {
        return Err(Galat::TidakSah("nama desa/unit layanan wajib diisi".into()));
    }
    if !JENIS_UNIT.contains(&r.jenis_unit.as_str()) {
        return Err(Galat::TidakSah(format!(
            "jenis unit '{}' tidak dikenal",
            r.jenis_unit
        )));
    }
    let id = if r.id == 0 {
        conn.prepare_cached(
            "INSERT INTO monev_rencana (kecamatan_id, tahun, unit, jenis_unit, desa_id, dokumen, target, selesai, keterangan, contoh)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            r.kecamatan_id,
            r.tahun,
            r.unit,
            r.jenis_unit,
            r.desa_id,
            r.dokumen,
            format_iso(r.target),
            r.selesai.map(format_iso),
            r.keterangan,
            r.contoh
        ])?;
        conn.last_insert_rowid()
    } else {
        ubah_rencana(conn, r)?;
        r.id
    };
    conn.prepare_cached("DELETE FROM monev_putaran WHERE rencana_id = ?1 AND ke > ?2")?
        .execute(params![id, r.putaran.len() as i64])?;
    for (i, p) in r.putaran.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO monev_putaran (rencana_id, ke, tanggal, kemajuan_persen, kemajuan, kendala, tindak_lanjut)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (rencana_id, ke) DO UPDATE SET tanggal = excluded.tanggal,
                 kemajuan_persen = excluded.kemajuan_persen, kemajuan = excluded.kemajuan,
                 kendala = excluded.kendala, tindak_lanjut = excluded.tindak_lanjut, versi = versi + 1
             WHERE (tanggal, kemajuan_persen, kemajuan, kendala, tindak_lanjut) IS NOT
                   (excluded.tanggal, excluded.kemajuan_persen, excluded.kemajuan, excluded.kendala, excluded.tindak_lanjut)",
        )?
        .execute(params![
            id,
            i as i64 + 1,
            p.tanggal.map(format_iso).unwrap_or_default(),
            p.kemajuan_persen,
            p.kemajuan,
            p.kendala,
            p.tindak_lanjut
        ])?;
    }
    Ok(id)
}

pub fn hapus_rencana(conn: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(conn, "monev_rencana", id, versi)
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatriksKegiatan {
    pub id: i64,
    pub uraian: String,
    pub pelaksana: String,
    pub target_output: String,
    pub versi: i64,
    /// Rounds I–III (index 0–2).
    pub putaran: [Putaran; 3],
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Masalah {
    pub id: i64,
    pub kecamatan_id: i64,
    pub tahun: i32,
    pub kondisi_awal: String,
    pub target_outcome: String,
    pub capaian_outcome: String,
    pub contoh: bool,
    pub versi: i64,
    pub kegiatan: Vec<MatriksKegiatan>,
}

pub fn daftar_masalah(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    offset: i64,
    batas: i64,
) -> Hasil<Vec<Masalah>> {
    let mut stmt = super::siapkan_lingkup(conn, "SELECT id, kecamatan_id, tahun, kondisi_awal, target_outcome, capaian_outcome, contoh, versi
         FROM matriks_masalah WHERE (?1 IS NULL OR kecamatan_id = ?1) AND tahun = ?2
         ORDER BY kecamatan_id, urutan, id LIMIT ?3 OFFSET ?4", lingkup)?;
    let mut v = stmt
        .query_map(params![lingkup.param(), tahun, batas, offset], |r| {
            Ok(Masalah {
                id: r.get(0)?,
                kecamatan_id: r.get(1)?,
                tahun: r.get(2)?,
                kondisi_awal: r.get(3)?,
                target_outcome: r.get(4)?,
                capaian_outcome: r.get(5)?,
                contoh: r.get(6)?,
                versi: r.get(7)?,
                kegiatan: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut keg = conn.prepare_cached(
        "SELECT id, uraian, pelaksana, target_output, versi FROM matriks_kegiatan WHERE masalah_id = ?1 ORDER BY urutan, id",
    )?;
    let mut put = conn.prepare_cached(
        "SELECT id, ke, tanggal, NULL, kemajuan, kendala, tindak_lanjut, versi FROM matriks_putaran WHERE kegiatan_id = ?1",
    )?;
    for m in &mut v {
        m.kegiatan = keg
            .query_map([m.id], |r| {
                Ok(MatriksKegiatan {
                    id: r.get(0)?,
                    uraian: r.get(1)?,
                    pelaksana: r.get(2)?,
                    target_output: r.get(3)?,
                    versi: r.get(4)?,
                    putaran: Default::default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for k in &mut m.kegiatan {
            for p in put.query_map([k.id], baris_putaran)? {
                let p = p?;
                if (1..=3).contains(&p.ke) {
                    let i = p.ke as usize - 1;
                    k.putaran[i] = p;
                }
            }
        }
    }
    Ok(v)
}

/// Inserts (id 0) or updates a problem with its activities and their rounds.
pub fn simpan_masalah(conn: &Transaction, m: &Masalah) -> Hasil<i64> {
    if m.kondisi_awal.trim().is_empty() {
        return Err(Galat::TidakSah("kondisi awal (masalah) wajib diisi".into()));
    }
    let id = if m.id == 0 {
        let urutan: i64 = conn.query_row(
            "SELECT coalesce(max(urutan), 0) + 1 FROM matriks_masalah WHERE kecamatan_id = ?1 AND tahun = ?2",
            params![m.kecamatan_id, m.tahun],
            |r| r.get(0),
        )?;
        conn.prepare_cached(
            "INSERT INTO matriks_masalah (kecamatan_id, tahun, urutan, kondisi_awal, target_outcome, capaian_outcome, contoh)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            m.kecamatan_id,
            m.tahun,
            urutan,
            m.kondisi_awal,
            m.target_outcome,
            m.capaian_outcome,
            m.contoh
        ])?;
        conn.last_insert_rowid()
    } else {
        let n = conn
            .prepare_cached(
                "UPDATE matriks_masalah SET kondisi_awal = ?2, target_outcome = ?3, capaian_outcome = ?4, versi = versi + 1
                 WHERE id = ?1 AND versi = ?5",
            )?
            .execute(params![m.id, m.kondisi_awal, m.target_outcome, m.capaian_outcome, m.versi])?;
        if n == 0 {
            return Err(Galat::Konflik);
        }
        m.id
    };
    let tetap: Vec<String> = m
        .kegiatan
        .iter()
        .filter(|k| k.id > 0)
        .map(|k| k.id.to_string())
        .collect();
    conn.execute(
        &format!(
            "DELETE FROM matriks_kegiatan WHERE masalah_id = ?1 AND id NOT IN ({})",
            tetap.join(",")
        ),
        [id],
    )?;
    for (urutan, k) in m.kegiatan.iter().enumerate() {
        let kid = if k.id > 0 {
            conn.prepare_cached(
                "UPDATE matriks_kegiatan SET urutan = ?2, uraian = ?3, pelaksana = ?4, target_output = ?5, versi = versi + 1
                 WHERE id = ?1 AND (urutan, uraian, pelaksana, target_output) IS NOT (?2, ?3, ?4, ?5)",
            )?
            .execute(params![k.id, urutan as i64, k.uraian, k.pelaksana, k.target_output])?;
            k.id
        } else {
            conn.prepare_cached(
                "INSERT INTO matriks_kegiatan (masalah_id, urutan, uraian, pelaksana, target_output) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![id, urutan as i64, k.uraian, k.pelaksana, k.target_output])?;
            conn.last_insert_rowid()
        };
        tulis_putaran_matriks(conn, kid, &k.putaran, false)?;
    }
    Ok(id)
}

pub fn hapus_masalah(conn: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(conn, "matriks_masalah", id, versi)
}

fn bidang(label: &str, teks: &str, ragam: Ragam, wajib: bool) -> Hasil<()> {
    periksa_label(label, teks, ragam, wajib).map_err(Galat::TidakSah)
}

/// Writes a plan's own fields (not its rounds): a new plan when `id` is 0, otherwise if
/// nobody changed it since `versi` was read (`Galat::Konflik`).
pub fn simpan_rencana_kepala(tx: &Transaction, r: &Rencana) -> Hasil<i64> {
    bidang("Desa/unit layanan", &r.unit, Ragam::Nama, true)?;
    if !JENIS_UNIT.contains(&r.jenis_unit.as_str()) {
        return Err(Galat::TidakSah(format!(
            "Jenis unit: '{}' tidak dikenal ({})",
            crate::domain::teks::aman(&r.jenis_unit),
            JENIS_UNIT.join(", ")
        )));
    }
    bidang("Dokumen rencana", &r.dokumen, Ragam::Pendek, false)?;
    bidang("Keterangan", &r.keterangan, Ragam::Panjang, false)?;
    if r.id == 0 {
        return simpan_rencana(
            tx,
            &Rencana {
                putaran: Vec::new(),
                ..r.clone()
            },
        );
    }
    ubah_rencana(tx, r)?;
    Ok(r.id)
}

/// Updates a plan's own fields if nobody changed it since `versi` was read.
fn ubah_rencana(conn: &Connection, r: &Rencana) -> Hasil<()> {
    let n = conn
        .prepare_cached(
            "UPDATE monev_rencana SET unit = ?2, jenis_unit = ?3, desa_id = ?4, dokumen = ?5, target = ?6,
                 selesai = ?7, keterangan = ?8, versi = versi + 1
             WHERE id = ?1 AND versi = ?9",
        )?
        .execute(params![
            r.id,
            r.unit,
            r.jenis_unit,
            r.desa_id,
            r.dokumen,
            format_iso(r.target),
            r.selesai.map(format_iso),
            r.keterangan,
            r.versi
        ])?;
    super::satu_baris(n)
}

/// Adds the next monitoring round to plan `rencana_id` (numbered after the last one).
pub fn tambah_putaran(tx: &Transaction, rencana_id: i64, p: &Putaran) -> Hasil<i64> {
    periksa_putaran(p, "")?;
    let ada: bool = tx
        .prepare_cached("SELECT count(*) FROM monev_rencana WHERE id = ?1")?
        .query_row([rencana_id], |r| r.get(0))?;
    if !ada {
        return Err(Galat::Konflik);
    }
    tx.prepare_cached(
        "INSERT INTO monev_putaran (rencana_id, ke, tanggal, kemajuan_persen, kemajuan, kendala, tindak_lanjut)
         SELECT ?1, coalesce(max(ke), 0) + 1, ?2, ?3, ?4, ?5, ?6 FROM monev_putaran WHERE rencana_id = ?1",
    )?
    .execute(params![
        rencana_id,
        p.tanggal.map(format_iso).unwrap_or_default(),
        p.kemajuan_persen,
        p.kemajuan,
        p.kendala,
        p.tindak_lanjut
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes a problem's own fields (not its activities), like `simpan_rencana_kepala`.
pub fn simpan_masalah_kepala(tx: &Transaction, m: &Masalah) -> Hasil<i64> {
    bidang("Kondisi awal", &m.kondisi_awal, Ragam::Panjang, true)?;
    bidang("Target outcome", &m.target_outcome, Ragam::Panjang, false)?;
    bidang("Capaian outcome", &m.capaian_outcome, Ragam::Panjang, false)?;
    if m.id == 0 {
        return simpan_masalah(
            tx,
            &Masalah {
                kegiatan: Vec::new(),
                ..m.clone()
            },
        );
    }
    let n = tx
        .prepare_cached(
            "UPDATE matriks_masalah SET kondisi_awal = ?2, target_outcome = ?3, capaian_outcome = ?4, versi = versi + 1
             WHERE id = ?1 AND versi = ?5",
        )?
        .execute(params![m.id, m.kondisi_awal, m.target_outcome, m.capaian_outcome, m.versi])?;
    super::satu_baris(n)?;
    Ok(m.id)
}

/// Writes one activity of problem `masalah_id` with its rounds I–III: a new one at the end,
/// or the row if nobody changed it (or its rounds) since its version was read.
pub fn simpan_matriks_kegiatan(
    tx: &Transaction,
    masalah_id: i64,
    g: &MatriksKegiatan,
) -> Hasil<i64> {
    bidang("Kegiatan", &g.uraian, Ragam::Pendek, true)?;
    bidang("Pelaksana", &g.pelaksana, Ragam::Pendek, false)?;
    bidang("Target output", &g.target_output, Ragam::Pendek, false)?;
    for (n, p) in g.putaran.iter().enumerate() {
        periksa_putaran(p, &format!("{}: ", ["I", "II", "III"][n]))?;
    }
    let ada: bool = tx
        .prepare_cached("SELECT count(*) FROM matriks_masalah WHERE id = ?1")?
        .query_row([masalah_id], |r| r.get(0))?;
    if !ada {
        return Err(Galat::Konflik);
    }
    let kid = if g.id == 0 {
        tx.prepare_cached(
            "INSERT INTO matriks_kegiatan (masalah_id, urutan, uraian, pelaksana, target_output)
             SELECT ?1, coalesce(max(urutan), -1) + 1, ?2, ?3, ?4 FROM matriks_kegiatan WHERE masalah_id = ?1",
        )?
        .execute(params![masalah_id, g.uraian, g.pelaksana, g.target_output])?;
        tx.last_insert_rowid()
    } else {
        // the version counts the rounds too: they are edited in the same form
        let n = tx
            .prepare_cached(
                "UPDATE matriks_kegiatan SET uraian = ?3, pelaksana = ?4, target_output = ?5, versi = versi + 1
                 WHERE id = ?1 AND versi = ?2",
            )?
            .execute(params![g.id, g.versi, g.uraian, g.pelaksana, g.target_output])?;
        super::satu_baris(n)?;
        g.id
    };
    tulis_putaran_matriks(tx, kid, &g.putaran, g.id > 0)?;
    Ok(kid)
}

/// Rounds I–III of a matrix activity: an emptied round is removed, the others written where
/// they differ. With `periksa`, each round must still be as it was read (its id and version
/// in `putaran`, 0 when there was none), or nothing is written (`Galat::Konflik`).
fn tulis_putaran_matriks(
    conn: &Connection,
    kid: i64,
    putaran: &[Putaran; 3],
    periksa: bool,
) -> Hasil<()> {
    for (i, p) in putaran.iter().enumerate() {
        let ke = i as i64 + 1;
        if periksa && versi_putaran_matriks(conn, kid, ke)? != (p.id > 0).then_some((p.id, p.versi))
        {
            return Err(Galat::Konflik);
        }
        if p.kosong() {
            conn.prepare_cached("DELETE FROM matriks_putaran WHERE kegiatan_id = ?1 AND ke = ?2")?
                .execute(params![kid, ke])?;
            continue;
        }
        tulis_satu_putaran_matriks(conn, kid, ke, p)?;
    }
    Ok(())
}

fn tulis_satu_putaran_matriks(conn: &Connection, kid: i64, ke: i64, p: &Putaran) -> Hasil<()> {
    conn.prepare_cached(
        "INSERT INTO matriks_putaran (kegiatan_id, ke, tanggal, kemajuan, kendala, tindak_lanjut)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (kegiatan_id, ke) DO UPDATE SET tanggal = excluded.tanggal, kemajuan = excluded.kemajuan,
             kendala = excluded.kendala, tindak_lanjut = excluded.tindak_lanjut, versi = versi + 1
         WHERE (tanggal, kemajuan, kendala, tindak_lanjut) IS NOT
               (excluded.tanggal, excluded.kemajuan, excluded.kendala, excluded.tindak_lanjut)",
    )?
    .execute(params![kid, ke, p.tanggal.map(format_iso), p.kemajuan, p.kendala, p.tindak_lanjut])?;
    Ok(())
}

/// The id and version of round `ke` of a matrix activity, if it is stored.
fn versi_putaran_matriks(conn: &Connection, kid: i64, ke: i64) -> Hasil<Option<(i64, i64)>> {
    Ok(conn
        .prepare_cached("SELECT id, versi FROM matriks_putaran WHERE kegiatan_id = ?1 AND ke = ?2")?
        .query_row(params![kid, ke], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The checks every round shares, whichever form or table it comes from.
fn periksa_putaran(p: &Putaran, awalan: &str) -> Hasil<()> {
    if p.kemajuan_persen.is_some_and(|x| !(0..=100).contains(&x)) {
        return Err(Galat::TidakSah(format!(
            "{awalan}Kemajuan (%): harus 0–100"
        )));
    }
    bidang(
        &format!("{awalan}Kemajuan"),
        &p.kemajuan,
        Ragam::Panjang,
        false,
    )?;
    bidang(
        &format!("{awalan}Kendala"),
        &p.kendala,
        Ragam::Panjang,
        false,
    )?;
    bidang(
        &format!("{awalan}Tindak lanjut"),
        &p.tindak_lanjut,
        Ragam::Panjang,
        false,
    )
}

/// Corrects one monitoring round of a plan (its id and the version read in `p`); `ke` stays.
pub fn ubah_putaran(tx: &Transaction, p: &Putaran) -> Hasil<i64> {
    periksa_putaran(p, "")?;
    if p.tanggal.is_none() {
        return Err(Galat::TidakSah("Tanggal: wajib diisi".into()));
    }
    let n = tx
        .prepare_cached(
            "UPDATE monev_putaran SET tanggal = ?3, kemajuan_persen = ?4, kemajuan = ?5, kendala = ?6,
                 tindak_lanjut = ?7, versi = versi + 1
             WHERE id = ?1 AND versi = ?2",
        )?
        .execute(params![
            p.id,
            p.versi,
            p.tanggal.map(format_iso).unwrap_or_default(),
            p.kemajuan_persen,
            p.kemajuan,
            p.kendala,
            p.tindak_lanjut
        ])?;
    super::satu_baris(n)?;
    Ok(p.id)
}

/// Removes one monitoring round of a plan if nobody changed it since `versi` was read; the
/// others keep their numbers (the history names them so).
pub fn hapus_putaran(tx: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(tx, "monev_putaran", id, versi)
}

/// Writes round `ke` (1–3) of matrix activity `kegiatan_id`: a new one when `p.id` is 0 and
/// the round is still empty, otherwise if nobody changed it since `p.versi` was read.
pub fn simpan_putaran_matriks(
    tx: &Transaction,
    kegiatan_id: i64,
    ke: i64,
    p: &Putaran,
) -> Hasil<i64> {
    if !(1..=3).contains(&ke) {
        return Err(Galat::TidakSah(format!("putaran {ke} di luar I–III")));
    }
    periksa_putaran(p, "")?;
    if p.kosong() {
        return Err(Galat::TidakSah(
            "Isi paling sedikit tanggal atau kemajuan; untuk mengosongkan putaran, hapus dengan d."
                .into(),
        ));
    }
    let ada: bool = tx
        .prepare_cached("SELECT count(*) FROM matriks_kegiatan WHERE id = ?1")?
        .query_row([kegiatan_id], |r| r.get(0))?;
    if !ada || versi_putaran_matriks(tx, kegiatan_id, ke)? != (p.id > 0).then_some((p.id, p.versi))
    {
        return Err(Galat::Konflik);
    }
    tulis_satu_putaran_matriks(tx, kegiatan_id, ke, p)?;
    Ok(versi_putaran_matriks(tx, kegiatan_id, ke)?
        .map(|(id, _)| id)
        .unwrap_or_default())
}

/// Removes one round of a matrix activity if nobody changed it since `versi` was read.
pub fn hapus_putaran_matriks(tx: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(tx, "matriks_putaran", id, versi)
}

pub fn hapus_matriks_kegiatan(tx: &Transaction, id: i64, versi: i64) -> Hasil<()> {
    super::hapus_versi(tx, "matriks_kegiatan", id, versi)
}
