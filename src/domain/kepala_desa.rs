//! The kepala desa's term: its length is data (`masa_jabatan`), never a constant of the
//! program: 6 years under UU 6/2014, 8 since UU 3/2024, which also lengthened the terms of
//! those in office when it took effect (Pasal 118 huruf b).

use chrono::{Datelike, NaiveDate};

/// One rule of the term's length, from the day it takes effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasaJabatan {
    pub berlaku_sejak: NaiveDate,
    pub tahun: i32,
    /// The new length also applies to a kepala desa in office on `berlaku_sejak`.
    pub untuk_yang_menjabat: bool,
    pub dasar: String,
}

/// `tanggal` plus `tahun` years; 29 February becomes 28 February in a common year.
pub fn tambah_tahun(tanggal: NaiveDate, tahun: i32) -> NaiveDate {
    let y = tanggal.year() + tahun;
    NaiveDate::from_ymd_opt(y, tanggal.month(), tanggal.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, tanggal.month(), 28))
        .unwrap_or(tanggal)
}

/// The end of the term of a kepala desa inaugurated on `dilantik`, and the rule that sets
/// it: the rule in effect on the inauguration day, replaced by a later rule that applies to
/// those in office when it takes effect before the term ends. `None` when no rule is in
/// effect on that day (an inauguration before every rule).
pub fn akhir_masa(
    dilantik: NaiveDate,
    aturan: &[MasaJabatan],
) -> Option<(NaiveDate, &MasaJabatan)> {
    let mut urut: Vec<&MasaJabatan> = aturan.iter().collect();
    urut.sort_by_key(|a| a.berlaku_sejak);
    let mut berlaku = *urut.iter().rev().find(|a| a.berlaku_sejak <= dilantik)?;
    let mut akhir = tambah_tahun(dilantik, berlaku.tahun);
    for a in urut.iter().filter(|a| a.berlaku_sejak > dilantik) {
        if a.untuk_yang_menjabat && a.berlaku_sejak < akhir {
            berlaku = a;
            akhir = tambah_tahun(dilantik, a.tahun);
        }
    }
    Some((akhir, berlaku))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn aturan() -> Vec<MasaJabatan> {
        vec![
            MasaJabatan {
                berlaku_sejak: t(2014, 1, 15),
                tahun: 6,
                untuk_yang_menjabat: false,
                dasar: "UU 6/2014".into(),
            },
            MasaJabatan {
                berlaku_sejak: t(2024, 4, 25),
                tahun: 8,
                untuk_yang_menjabat: true,
                dasar: "UU 3/2024".into(),
            },
        ]
    }

    #[test]
    fn the_term_follows_the_rule_of_its_day_and_a_later_one_for_those_in_office() {
        let a = aturan();
        // inaugurated under UU 3/2024: 8 years
        assert_eq!(akhir_masa(t(2025, 3, 10), &a).unwrap().0, t(2033, 3, 10));
        // in office on 25/04/2024: lengthened to 8 years
        let (akhir, dasar) = akhir_masa(t(2019, 11, 4), &a).unwrap();
        assert_eq!((akhir, dasar.tahun), (t(2027, 11, 4), 8));
        // a term that ended before UU 3/2024: 6 years
        let (akhir, dasar) = akhir_masa(t(2017, 12, 20), &a).unwrap();
        assert_eq!((akhir, dasar.tahun), (t(2023, 12, 20), 6));
        // ending the very day the new law takes effect: not in office after it
        assert_eq!(akhir_masa(t(2018, 4, 25), &a).unwrap().0, t(2024, 4, 25));
        // before any rule
        assert!(akhir_masa(t(2010, 1, 1), &a).is_none());
        // a leap day
        assert_eq!(tambah_tahun(t(2024, 2, 29), 8), t(2032, 2, 29));
        assert_eq!(tambah_tahun(t(2024, 2, 29), 6), t(2030, 2, 28));
    }

    #[test]
    fn the_length_is_data() {
        let mut a = aturan();
        a[1].tahun = 7;
        assert_eq!(akhir_masa(t(2025, 3, 10), &a).unwrap().0, t(2032, 3, 10));
        a[1].untuk_yang_menjabat = false;
        assert_eq!(akhir_masa(t(2019, 11, 4), &a).unwrap().0, t(2025, 11, 4));
    }
}
