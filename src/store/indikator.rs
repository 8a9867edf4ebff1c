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
