//! The office's indicators for a performance year: IKU 1, IKU 2 and IKM, computed from the
//! log, the documents and the survey by the rules of `domain::indikator`.

use rusqlite::Connection;

use super::wilayah::{self, Kecamatan, Lingkup};
use super::{Hasil, dokumen, fasilitasi, ikm};
use crate::domain::indikator::{self, Ikm, Persentase};

/// The indicators of a scope (one kecamatan, or all summed) for one performance year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iku {
    /// Desa with documents to track (kelurahan are not counted).
    pub jumlah_desa: i64,
    pub iku1: Persentase,
    pub iku2: Persentase,
    /// (kind, fiscal year, desa on time)
    pub rincian: Vec<(String, i32, i64)>,
    pub ikm: Option<Ikm>,
}

pub struct IkuKecamatan {
    pub kecamatan: Kecamatan,
    pub iku: Iku,
}

pub fn hitung_lingkup(conn: &Connection, lingkup: Lingkup, tahun: i32) -> Hasil<Iku> {
    let jumlah_desa = wilayah::jumlah_desa_dilacak(conn, lingkup)?;
    let (ya, semua) = fasilitasi::iku1(conn, lingkup, tahun)?;
    let rincian: Vec<(String, i32, i64)> = dokumen::iku2_rincian(conn, lingkup, tahun)?
        .into_iter()
        .map(|(j, ta, n)| (j.kode, ta, n))
        .collect();
    let tepat: Vec<i64> = rincian.iter().map(|r| r.2).collect();
    let (skor, n) = ikm::jumlah_skor(conn, lingkup, tahun)?;
    Ok(Iku {
        jumlah_desa,
        iku1: indikator::iku1(ya, semua),
        iku2: indikator::iku2(&tepat, jumlah_desa),
        rincian,
        ikm: indikator::hitung_ikm(skor, n),
    })
}

pub fn hitung(conn: &Connection, kec: Kecamatan, tahun: i32) -> Hasil<IkuKecamatan> {
    let iku = hitung_lingkup(conn, Lingkup::Kecamatan(kec.id), tahun)?;
    Ok(IkuKecamatan {
        kecamatan: kec,
        iku,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::store::{Store, contoh};

    /// The tallies kept by triggers must equal counting the rows, after any kind of change.
    #[test]
    fn tallies_equal_the_rows_after_inserts_updates_and_deletes() {
        let mut s = Store::memori().unwrap();
        contoh::muat(&mut s, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
        s.transaksi(|tx| {
            tx.execute_batch(
                "UPDATE fasilitasi SET ditindaklanjuti = 1 - ditindaklanjuti WHERE id % 3 = 0;
                 UPDATE fasilitasi SET tanggal = '2025-06-01' WHERE id % 7 = 0;
                 DELETE FROM fasilitasi WHERE id % 11 = 0;
                 UPDATE ikm_responden SET u1 = 4, tahun = 2025 WHERE id % 5 = 0;
                 DELETE FROM ikm_responden WHERE id % 13 = 0;",
            )?;
            Ok(())
        })
        .unwrap();
        let c = s.conn();
        for tahun in [2025, 2026] {
            let lingkup = Lingkup::Semua;
            let langsung: (i64, i64) = c
                .query_row(
                    "SELECT coalesce(sum(ditindaklanjuti), 0), count(*) FROM fasilitasi WHERE tanggal LIKE ?1 || '-%'",
                    [tahun],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(
                fasilitasi::iku1(c, lingkup, tahun).unwrap(),
                langsung,
                "{tahun}"
            );
            let (skor, n) = ikm::jumlah_skor(c, lingkup, tahun).unwrap();
            let langsung: (i64, i64, i64) = c
                .query_row(
                    "SELECT coalesce(sum(u1), 0), coalesce(sum(u9), 0), count(*) FROM ikm_responden WHERE tahun = ?1",
                    [tahun],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap();
            assert_eq!((skor[0], skor[8], n), langsung, "{tahun}");
        }
        country_tallies_equal_the_sums(&s);
    }

    /// Every `*_semua` tally equals the sum of its per-kecamatan tally.
    fn country_tallies_equal_the_sums(s: &Store) {
        let c = s.conn();
        let baca = |sql: &str| -> Vec<Vec<i64>> {
            let mut stmt = c.prepare(sql).unwrap();
            let n = stmt.column_count();
            stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect())
                .unwrap()
                .map(|x| x.unwrap())
                .collect()
        };
        for (semua, dijumlah) in [
            (
                "SELECT * FROM rekap_dokumen_semua WHERE tercatat > 0 ORDER BY 1, 2",
                "SELECT jenis_id, tahun_anggaran, sum(tercatat), sum(tepat_waktu) FROM rekap_dokumen
                 GROUP BY 1, 2 HAVING sum(tercatat) > 0 ORDER BY 1, 2",
            ),
            (
                "SELECT * FROM rekap_fasilitasi_semua WHERE semua > 0 ORDER BY 1",
                "SELECT tahun, sum(semua), sum(ditindaklanjuti) FROM rekap_fasilitasi
                 GROUP BY 1 HAVING sum(semua) > 0 ORDER BY 1",
            ),
            (
                "SELECT * FROM rekap_ikm_semua WHERE responden > 0 ORDER BY 1",
                "SELECT tahun, sum(responden), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
                        sum(s6), sum(s7), sum(s8), sum(s9)
                 FROM rekap_ikm GROUP BY 1 HAVING sum(responden) > 0 ORDER BY 1",
            ),
            (
                "SELECT dilacak FROM rekap_desa_semua",
                "SELECT count(*) FROM desa WHERE kelurahan = 0",
            ),
        ] {
            let a = baca(semua);
            assert!(!a.is_empty(), "{semua}");
            assert_eq!(a, baca(dijumlah), "{semua}");
        }
    }

    /// The same after a bulk import of documents, edits of them, and a desa turned kelurahan.
    #[test]
    fn country_tallies_follow_imports_and_edits() {
        let mut s = Store::memori().unwrap();
        let hari_ini = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        contoh::muat(&mut s, hari_ini).unwrap();
        crate::store::impor::impor_dokumen(
            &mut s,
            "a.csv",
            b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.07.2001;RKPDes;2027;01/10/2026\n35.08.07.2002;RKPDes;2027;30/09/2026\n35.08.07.2003;APBDes;2025;\n",
            hari_ini,
            Lingkup::Semua,
        )
        .unwrap();
        country_tallies_equal_the_sums(&s);
        s.transaksi(|tx| {
            tx.execute_batch(
                "UPDATE dokumen SET tanggal = NULL WHERE id % 4 = 0;
                 DELETE FROM dokumen WHERE id % 5 = 0;
                 UPDATE desa SET kelurahan = 1 WHERE kode = '35.08.07.2004';",
            )?;
            Ok(())
        })
        .unwrap();
        country_tallies_equal_the_sums(&s);
        let iku = hitung_lingkup(s.conn(), Lingkup::Semua, 2026).unwrap();
        assert_eq!(iku.jumlah_desa, 11);
    }
}
