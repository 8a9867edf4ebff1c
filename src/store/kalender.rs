//! The days off of the working-day calendar (`hari_libur`): read as a `domain::kalender::Kalender`,
//! written one date at a time (the import), each change in the audit log.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::dokumen::Tulis;
use super::{Galat, Hasil};
use crate::domain::kalender::{HariLibur, JenisLibur, Kalender};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};

/// Every stored day off.
pub fn muat(conn: &Connection) -> Hasil<Kalender> {
    Ok(Kalender::new(daftar(conn)?))
}

/// Every stored day off, in date order.
pub fn daftar(conn: &Connection) -> Hasil<Vec<HariLibur>> {
    let mut stmt =
        conn.prepare_cached("SELECT tanggal, nama, jenis, dasar FROM hari_libur ORDER BY tanggal")?;
    let baris = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut semua = Vec::new();
    for b in baris {
        let (tanggal, nama, jenis, dasar) = b?;
        // the table's CHECKs keep both readable; a file edited by hand is named, not trusted
        let tanggal = NaiveDate::parse_from_str(&tanggal, "%Y-%m-%d").map_err(|_| {
            Galat::TidakSah(format!("hari_libur: tanggal '{tanggal}' tidak terbaca"))
        })?;
        let jenis = JenisLibur::dari_teks(&jenis)
            .ok_or_else(|| Galat::TidakSah(format!("hari_libur: jenis '{jenis}' tidak dikenal")))?;
        semua.push(HariLibur {
            tanggal,
            nama,
            jenis,
            dasar,
        });
    }
    Ok(semua)
}

/// The fields' own rules, the ones an import meets: a name (100 characters), a decree
/// (300), and a year pantau tracks.
pub fn periksa(h: &HariLibur) -> Vec<Keliru> {
    let mut keliru = Vec::new();
    periksa_bidang(&mut keliru, ("nama", "Nama"), &h.nama, Ragam::Nama, true);
    periksa_bidang(
        &mut keliru,
        ("dasar", "Dasar"),
        &h.dasar,
        Ragam::Pendek,
        false,
    );
    use chrono::Datelike;
    if !(2000..=2100).contains(&h.tanggal.year()) {
        keliru.push(Keliru::new(
            "tanggal",
            "Tanggal",
            format!("{} di luar tahun 2000–2100", format_tanggal(h.tanggal)),
        ));
    }
    keliru
}

/// Stores one day off: a new date is added, a known one gets the new name, kind and decree.
pub fn tulis(tx: &Transaction, h: &HariLibur) -> Hasil<Tulis> {
    if let Some(k) = periksa(h).first() {
        return Err(Galat::TidakSah(format!("{}: {}", k.kolom, k.alasan)));
    }
    let tanggal = h.tanggal.format("%Y-%m-%d").to_string();
    let ada: Option<(i64, String, String, String)> = tx
        .prepare_cached("SELECT id, nama, jenis, dasar FROM hari_libur WHERE tanggal = ?1")?
        .query_row([&tanggal], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    match ada {
        None => {
            tx.prepare_cached(
                "INSERT INTO hari_libur (tanggal, nama, jenis, dasar) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(rusqlite::params![tanggal, h.nama, h.jenis.kode(), h.dasar])?;
            Ok(Tulis::Baru)
        }
        Some((_, nama, jenis, dasar))
            if nama == h.nama && jenis == h.jenis.kode() && dasar == h.dasar =>
        {
            Ok(Tulis::Sama)
        }
        Some((id, ..)) => {
            tx.prepare_cached(
                "UPDATE hari_libur SET nama = ?2, jenis = ?3, dasar = ?4, versi = versi + 1
                 WHERE id = ?1",
            )?
            .execute(rusqlite::params![id, h.nama, h.jenis.kode(), h.dasar])?;
            Ok(Tulis::Diubah)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    #[test]
    fn the_shipped_lists_make_the_calendar() {
        let s = Store::memori().unwrap();
        let k = muat(s.conn()).unwrap();
        assert_eq!(
            k.tahun_tercakup().into_iter().collect::<Vec<_>>(),
            [2024, 2025, 2026]
        );
        assert_eq!(k.tahun(2024).count(), 27);
        // 2024's Idulfitri: cuti bersama 8, 9, 12 and 15 April around 10–11 April
        assert_eq!(k.hari_kerja_setelah(d(2024, 4, 5), 1), Some(d(2024, 4, 16)));
        assert_eq!(k.tahun(2025).count(), 28);
        assert_eq!(k.tahun(2026).count(), 25);
        // 2026: 17 libur nasional, 8 cuti bersama (SKB 1497/2025, 2/2025, 5/2025)
        let cuti = k
            .tahun(2026)
            .filter(|h| h.jenis == JenisLibur::CutiBersama)
            .count();
        assert_eq!(cuti, 8);
        let natal = k.libur(d(2026, 12, 24)).unwrap();
        assert_eq!(natal.jenis, JenisLibur::CutiBersama);
        assert!(natal.dasar.contains("1497/2025"));
        // the added cuti bersama of 18/08/2025
        assert!(!k.hari_kerja(d(2025, 8, 18)));
        // Idulfitri 2026: Selasa 17/03 + 1 working day is Rabu 25/03
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 3, 17), 1),
            Some(d(2026, 3, 25))
        );
    }

    #[test]
    fn an_older_database_gets_the_shipped_lists_on_upgrade_and_audits_later_writes() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.create_scalar_function(
            "pantau_pengguna",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            |_| Ok("uji".to_string()),
        )
        .unwrap();
        crate::store::skema::migrasi_ke(&mut conn, 12);
        crate::store::skema::migrasi(&mut conn).unwrap();
        assert_eq!(muat(&conn).unwrap().tahun(2026).count(), 25);
        let audit = |c: &Connection| -> i64 {
            c.query_row(
                "SELECT count(*) FROM audit WHERE tabel = 'hari_libur'",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        // the shipped rows are reference data, not someone's change
        assert_eq!(audit(&conn), 0);
        conn.execute(
            "UPDATE hari_libur SET nama = 'x' WHERE tanggal = '2026-12-24'",
            [],
        )
        .unwrap();
        assert_eq!(audit(&conn), 1);
    }

    #[test]
    fn writing_a_known_date_changes_it_and_is_audited() {
        let mut s = Store::memori().unwrap();
        let baru = HariLibur {
            tanggal: d(2026, 12, 31),
            nama: "Cuti bersama akhir tahun".into(),
            jenis: JenisLibur::CutiBersama,
            dasar: "uji".into(),
        };
        let natal = HariLibur {
            tanggal: d(2026, 12, 24),
            nama: "Malam Natal".into(),
            jenis: JenisLibur::LiburNasional,
            dasar: "uji".into(),
        };
        let hasil = s
            .transaksi(|tx| Ok((tulis(tx, &baru)?, tulis(tx, &baru)?, tulis(tx, &natal)?)))
            .unwrap();
        assert_eq!(hasil, (Tulis::Baru, Tulis::Sama, Tulis::Diubah));
        let k = muat(s.conn()).unwrap();
        assert_eq!(k.libur(d(2026, 12, 24)).unwrap().nama, "Malam Natal");
        assert!(!k.hari_kerja(d(2026, 12, 31)));
        let aksi: Vec<String> = s
            .conn()
            .prepare("SELECT aksi FROM audit WHERE tabel = 'hari_libur' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(aksi, ["tambah", "ubah"]);
    }

    #[test]
    fn a_bad_field_is_refused_and_nothing_is_written() {
        let mut s = Store::memori().unwrap();
        let buruk = HariLibur {
            tanggal: d(2026, 7, 1),
            nama: "  ".into(),
            jenis: JenisLibur::CutiBersama,
            dasar: String::new(),
        };
        let g = s.transaksi(|tx| tulis(tx, &buruk)).unwrap_err();
        assert_eq!(g.to_string(), "nama: wajib diisi");
        assert!(muat(s.conn()).unwrap().hari_kerja(d(2026, 7, 1)));
    }
}
