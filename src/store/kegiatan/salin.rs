//! A new year from the last: a kegiatan (or all of a year) copied to a later year with every
//! part of its KAK, the budget history moved on by the years between, and nothing of what was
//! done (realisations, schedule done marks) carried over.

use rusqlite::{Connection, Transaction, params};

use super::{Anggaran, Kak, Kegiatan, daftar, kak, simpan};
use crate::domain::teks::aman;
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Galat, Hasil};

/// Every kegiatan with this code in scope, any year, by year then kecamatan code.
pub fn cari_kode(conn: &Connection, lingkup: Lingkup, kode: &str) -> Hasil<Vec<Kegiatan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM kegiatan k WHERE (?1 IS NULL OR k.kecamatan_id = ?1) AND k.kode_kegiatan = ?2
         ORDER BY k.tahun, (SELECT kode FROM kecamatan c WHERE c.id = k.kecamatan_id)",
        super::KOLOM
            .split(", ")
            .map(|c| format!("k.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let v = stmt
        .query_map(params![lingkup.param(), kode.trim()], super::baris_kegiatan)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// The budget history as seen from year `ke` of the lines of year `dari`: each known figure
/// keeps its year (N−1 of 2026 is N−2 of 2027, the current 2026 is N−1), the rest is empty.
pub fn geser_anggaran(a: &Anggaran, dari: i32, ke: i32) -> Anggaran {
    let nilai = |th: i32| match dari - th {
        2 => a.n2,
        1 => a.n1,
        0 => a.berjalan,
        _ => None,
    };
    Anggaran {
        id: 0,
        uraian: a.uraian.clone(),
        n2: nilai(ke - 2),
        n1: nilai(ke - 1),
        berjalan: nilai(ke),
        versi: 0,
    }
}

/// The KAK as a new kegiatan of year `ke` (ids 0): every part, realisations empty.
pub fn kak_tahun(asal: &Kak, ke: i32) -> Kak {
    let dari = asal.kegiatan.tahun;
    let mut baru = asal.clone();
    baru.kegiatan.id = 0;
    baru.kegiatan.versi = 0;
    baru.kegiatan.tahun = ke;
    for b in &mut baru.butir {
        b.id = 0;
    }
    for i in &mut baru.indikator {
        i.id = 0;
        i.realisasi = None;
    }
    baru.anggaran = asal
        .anggaran
        .iter()
        .map(|a| geser_anggaran(a, dari, ke))
        .collect();
    for b in &mut baru.biaya {
        b.id = 0;
    }
    for t in &mut baru.tahapan {
        t.id = 0;
    }
    baru
}

fn nama_kecamatan(conn: &Connection, id: i64) -> Hasil<String> {
    Ok(wilayah::kecamatan_id(conn, id)?
        .map(|k| format!("Kecamatan {} ({})", aman(&k.nama), k.kode))
        .unwrap_or_default())
}

fn periksa_tahun(dari: i32, ke: i32) -> Hasil<()> {
    if !(2000..=2100).contains(&ke) {
        return Err(Galat::TidakSah(
            "tahun tujuan harus antara 2000 dan 2100".into(),
        ));
    }
    if ke <= dari {
        return Err(Galat::TidakSah(format!(
            "tahun tujuan {ke} harus sesudah tahun asal {dari}"
        )));
    }
    Ok(())
}

/// Refuses when year `ke` of the kegiatan's kecamatan already has its code.
fn belum_ada(conn: &Connection, k: &Kegiatan, ke: i32, akibat: &str) -> Hasil<()> {
    let ada: bool = conn
        .prepare_cached(
            "SELECT count(*) FROM kegiatan WHERE kecamatan_id = ?1 AND kode_kegiatan = ?2 AND tahun = ?3",
        )?
        .query_row(params![k.kecamatan_id, k.kode_kegiatan, ke], |r| r.get(0))?;
    if ada {
        return Err(Galat::TidakSah(format!(
            "kegiatan {} sudah ada di tahun {ke} ({}){akibat}",
            aman(&k.kode_kegiatan),
            nama_kecamatan(conn, k.kecamatan_id)?
        )));
    }
    Ok(())
}

/// Copies kegiatan `id` to year `ke`; with `versi`, only if nobody changed it since then.
/// Returns the new kegiatan's id.
pub fn salin(tx: &Transaction, id: i64, versi: Option<i64>, ke: i32) -> Hasil<i64> {
    let Some(asal) = kak(tx, id)? else {
        return Err(Galat::Konflik);
    };
    if versi.is_some_and(|v| v != asal.kegiatan.versi) {
        return Err(Galat::Konflik);
    }
    periksa_tahun(asal.kegiatan.tahun, ke)?;
    belum_ada(tx, &asal.kegiatan, ke, "; tidak ada yang disalin")?;
    simpan(tx, &kak_tahun(&asal, ke))
}

/// Copies every kegiatan of year `dari` in scope (only those with code `kode` when given) to
/// year `ke`, all or nothing: refused when year `ke` already has any of them (they are
/// named). Returns the new ids.
pub fn salin_tahun(
    tx: &Transaction,
    lingkup: Lingkup,
    kode: Option<&str>,
    dari: i32,
    ke: i32,
) -> Hasil<Vec<i64>> {
    periksa_tahun(dari, ke)?;
    let mut semua = daftar(tx, lingkup, dari, "", 0, i64::MAX)?;
    if let Some(kode) = kode {
        semua.retain(|k| k.kode_kegiatan == kode.trim());
        if semua.is_empty() {
            return Err(Galat::TidakAda(format!(
                "kegiatan {} tahun {dari} tidak ada; tidak ada yang disalin",
                aman(kode)
            )));
        }
    }
    if semua.is_empty() {
        return Err(Galat::TidakAda(format!(
            "tidak ada kegiatan tahun {dari} untuk disalin"
        )));
    }
    let mut ada = Vec::new();
    for k in &semua {
        if let Err(Galat::TidakSah(_)) = belum_ada(tx, k, ke, "") {
            ada.push(format!(
                "{} ({})",
                aman(&k.kode_kegiatan),
                nama_kecamatan(tx, k.kecamatan_id)?
            ));
        }
    }
    if !ada.is_empty() {
        let n = ada.len();
        if n > 5 {
            ada.truncate(5);
            ada.push(format!("dan {} lainnya", n - 5));
        }
        return Err(Galat::TidakSah(match kode {
            Some(_) => format!(
                "kegiatan {} sudah ada di tahun {ke}; tidak ada yang disalin",
                ada.join(", ")
            ),
            None => format!(
                "tahun {ke} sudah berisi kegiatan {}; tidak ada yang disalin (salin yang lain satu per satu dengan kodenya)",
                ada.join(", ")
            ),
        }));
    }
    semua.iter().map(|k| salin(tx, k.id, None, ke)).collect()
}

/// Adds a KAK read from a file (ids 0) as a new kegiatan of kecamatan `kecamatan_id` and
/// year `tahun`; refused when that year already has its code. Returns the new id.
pub fn tambah_kak(tx: &Transaction, kecamatan_id: i64, tahun: i32, kak: &Kak) -> Hasil<i64> {
    let mut baru = kak.clone();
    baru.kegiatan.id = 0;
    baru.kegiatan.kecamatan_id = kecamatan_id;
    baru.kegiatan.tahun = tahun;
    baru.kegiatan.contoh = false;
    super::butir::periksa_kepala(&baru.kegiatan)?;
    belum_ada(tx, &baru.kegiatan, tahun, "")?;
    simpan(tx, &baru)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::store::kegiatan::{self, tandai_selesai};
    use crate::store::{Store, contoh};

    fn sampel() -> (Store, i64) {
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
        let id = cari_kode(s.conn(), Lingkup::Semua, "3.05.25.39.006").unwrap()[0].id;
        (s, id)
    }

    #[test]
    fn budget_history_moves_on_by_the_years_between() {
        let a = Anggaran {
            id: 9,
            uraian: "Belanja".into(),
            n2: Some(1),
            n1: Some(2),
            berjalan: Some(3),
            versi: 4,
        };
        let satu = geser_anggaran(&a, 2026, 2027);
        assert_eq!((satu.n2, satu.n1, satu.berjalan), (Some(2), Some(3), None));
        assert_eq!((satu.id, satu.versi), (0, 0));
        let dua = geser_anggaran(&a, 2026, 2028);
        assert_eq!((dua.n2, dua.n1, dua.berjalan), (Some(3), None, None));
        let tiga = geser_anggaran(&a, 2026, 2029);
        assert_eq!((tiga.n2, tiga.n1, tiga.berjalan), (None, None, None));
    }

    #[test]
    fn a_copy_has_every_part_shifted_budget_and_nothing_done() {
        let (mut s, id) = sampel();
        let asal = kak(s.conn(), id).unwrap().unwrap();
        // the sample has done marks and typed realisations to leave behind
        let selesai: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM tahapan_realisasi r JOIN tahapan t ON t.id = r.tahapan_id WHERE t.kegiatan_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(selesai > 0);
        assert!(asal.indikator.iter().any(|i| i.realisasi.is_some()));
        assert!(asal.anggaran.iter().any(|a| a.berjalan.is_some()));

        let baru_id = s.transaksi(|tx| salin(tx, id, None, 2027)).unwrap();
        let baru = kak(s.conn(), baru_id).unwrap().unwrap();
        assert_eq!(baru.kegiatan.tahun, 2027);
        assert_eq!(baru.kegiatan.kode_kegiatan, asal.kegiatan.kode_kegiatan);
        assert_eq!(baru.kegiatan.nama_kegiatan, asal.kegiatan.nama_kegiatan);
        assert_eq!(baru.kegiatan.waktu, asal.kegiatan.waktu);
        let teks = |k: &Kak| {
            k.butir
                .iter()
                .map(|b| (b.bagian.clone(), b.kelompok.clone(), b.teks.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(teks(&baru), teks(&asal));
        assert_eq!(baru.indikator.len(), asal.indikator.len());
        for (b, a) in baru.indikator.iter().zip(&asal.indikator) {
            assert_eq!(
                (&b.tingkat, &b.uraian, &b.satuan, b.target, &b.sumber),
                (&a.tingkat, &a.uraian, &a.satuan, a.target, &a.sumber)
            );
            assert_eq!(b.realisasi, None, "{}", b.uraian);
        }
        assert_eq!(baru.anggaran.len(), asal.anggaran.len());
        for (b, a) in baru.anggaran.iter().zip(&asal.anggaran) {
            assert_eq!(b.uraian, a.uraian);
            assert_eq!((b.n2, b.n1, b.berjalan), (a.n1, a.berjalan, None));
        }
        assert_eq!(baru.total_biaya(), asal.total_biaya());
        assert_eq!(baru.biaya.len(), asal.biaya.len());
        let tahap = |k: &Kak| {
            k.tahapan
                .iter()
                .map(|t| {
                    (
                        t.nama.clone(),
                        t.bulan,
                        t.tempat.clone(),
                        t.pelaksana.clone(),
                        t.peserta.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(tahap(&baru), tahap(&asal));
        let selesai_baru: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM tahapan_realisasi r JOIN tahapan t ON t.id = r.tahapan_id WHERE t.kegiatan_id = ?1",
                [baru_id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(selesai_baru, 0);
        // the source is untouched
        assert_eq!(kak(s.conn(), id).unwrap().unwrap(), asal);
        // and the copy is in the audit log
        let n: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE tabel = 'kegiatan' AND baris = ?1 AND aksi = 'tambah'",
                [baru_id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);

        // a second copy to the same year is refused and writes nothing
        let jumlah = |s: &Store| -> i64 {
            s.conn()
                .query_row("SELECT count(*) FROM kegiatan", [], |r| r.get(0))
                .unwrap()
        };
        let sebelum = jumlah(&s);
        let e = s.transaksi(|tx| salin(tx, id, None, 2027)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "kegiatan 3.05.25.39.006 sudah ada di tahun 2027 (Kecamatan Yosowilangun (35.08.07)); tidak ada yang disalin"
        );
        let e = s.transaksi(|tx| salin(tx, id, None, 2026)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "tahun tujuan 2026 harus sesudah tahun asal 2026"
        );
        // a stale version is a conflict
        let e = s
            .transaksi(|tx| salin(tx, id, Some(asal.kegiatan.versi + 1), 2028))
            .unwrap_err();
        assert!(matches!(e, Galat::Konflik), "{e}");
        assert_eq!(jumlah(&s), sebelum);
    }

    #[test]
    fn a_year_is_copied_whole_or_not_at_all() {
        let (mut s, id) = sampel();
        let n2026 = kegiatan::hitung(s.conn(), Lingkup::Semua, 2026, "").unwrap();
        assert_eq!(n2026, 2);
        // one of them is already in 2027: nothing is copied
        s.transaksi(|tx| salin(tx, id, None, 2027)).unwrap();
        let e = s
            .transaksi(|tx| salin_tahun(tx, Lingkup::Semua, None, 2026, 2027))
            .unwrap_err();
        assert!(
            e.to_string().starts_with("tahun 2027 sudah berisi kegiatan 3.05.25.39.006 (Kecamatan Yosowilangun (35.08.07)); tidak ada yang disalin"),
            "{e}"
        );
        assert_eq!(
            kegiatan::hitung(s.conn(), Lingkup::Semua, 2027, "").unwrap(),
            1
        );
        // to an empty year: all of them, and their stages can be marked as usual
        let ids = s
            .transaksi(|tx| salin_tahun(tx, Lingkup::Semua, None, 2026, 2028))
            .unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(
            kegiatan::hitung(s.conn(), Lingkup::Semua, 2028, "").unwrap(),
            2
        );
        let tahap = kak(s.conn(), ids[0]).unwrap().unwrap().tahapan[0].clone();
        let m = tahap.bulan.daftar()[0];
        s.transaksi(|tx| {
            tandai_selesai(
                tx,
                tahap.id,
                m,
                NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                "BA",
                false,
            )
        })
        .unwrap();
        let e = s
            .transaksi(|tx| salin_tahun(tx, Lingkup::Semua, None, 2030, 2031))
            .unwrap_err();
        assert_eq!(e.to_string(), "tidak ada kegiatan tahun 2030 untuk disalin");
    }
}
