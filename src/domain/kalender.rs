//! The working-day calendar: Monday to Friday, less the national holidays (*libur nasional*)
//! and *cuti bersama* that a joint decree of three ministers (SKB) sets each year. Pure: the
//! list of days off is given, never read here.
//!
//! Counting, as the regulations do ("3 hari kerja setelah …"):
//! - **N working days after an event** on day E is the day D such that exactly N working days
//!   lie in (E, D] and D itself is a working day: the count starts the day after the event, and
//!   a non-working day is skipped, never counted. The event's own day never counts, whether it
//!   is a working day or not. N = 0 is the event's day itself (nothing to count).
//! - **Working days between** A and B are the working days in (A, B]: so for N ≥ 1,
//!   `hari_kerja_antara(E, hari_kerja_setelah(E, N)) == N`.
//! - **N calendar days after** is E + N; **N months after** is the same day number N months
//!   later, or the month's last day when that month is shorter (31 January + 1 month is 28 or
//!   29 February), as `tenggat` does for 29 February.
//!
//! A year whose decree is not in the list counts only weekends as days off: the caller can ask
//! `mencakup` and warn.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What kind of day off a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JenisLibur {
    LiburNasional,
    CutiBersama,
}

impl JenisLibur {
    pub const SEMUA: [JenisLibur; 2] = [JenisLibur::LiburNasional, JenisLibur::CutiBersama];

    /// The stored code: `libur_nasional`, `cuti_bersama`.
    pub fn kode(self) -> &'static str {
        match self {
            JenisLibur::LiburNasional => "libur_nasional",
            JenisLibur::CutiBersama => "cuti_bersama",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JenisLibur::LiburNasional => "Libur nasional",
            JenisLibur::CutiBersama => "Cuti bersama",
        }
    }

    /// The kind as people write it: `libur_nasional`, `Libur Nasional`, `cuti-bersama`,
    /// `CB`, `LN`.
    pub fn dari_teks(teks: &str) -> Option<JenisLibur> {
        let t: String = teks
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        match t.as_str() {
            "libur_nasional" | "libur" | "ln" | "nasional" => Some(JenisLibur::LiburNasional),
            "cuti_bersama" | "cuti" | "cb" => Some(JenisLibur::CutiBersama),
            _ => None,
        }
    }
}

/// One day off set by a decree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HariLibur {
    pub tanggal: NaiveDate,
    pub nama: String,
    pub jenis: JenisLibur,
    /// The decree that set it (`SKB … Nomor … Tahun …`); may be empty.
    pub dasar: String,
}

/// Weekends plus a set of days off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kalender {
    libur: BTreeMap<NaiveDate, HariLibur>,
}

/// Saturday and Sunday.
pub fn akhir_pekan(t: NaiveDate) -> bool {
    matches!(t.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day `n` calendar days after `peristiwa` (`None` past the end of chrono's dates).
pub fn hari_setelah(peristiwa: NaiveDate, n: u32) -> Option<NaiveDate> {
    peristiwa.checked_add_days(Days::new(u64::from(n)))
}

/// The same day number `n` months after `peristiwa`, clamped to the month's last day
/// (31 January + 1 month is 28 February, or 29 in a leap year).
pub fn bulan_setelah(peristiwa: NaiveDate, n: u32) -> Option<NaiveDate> {
    peristiwa.checked_add_months(Months::new(n))
}

impl Kalender {
    /// A calendar of these days off; a date given twice keeps the last one.
    pub fn new(libur: impl IntoIterator<Item = HariLibur>) -> Kalender {
        Kalender {
            libur: libur.into_iter().map(|h| (h.tanggal, h)).collect(),
        }
    }

    /// The day off on `t`, if the list has one (a weekend holiday is listed too).
    pub fn libur(&self, t: NaiveDate) -> Option<&HariLibur> {
        self.libur.get(&t)
    }

    /// Every day off, in date order.
    pub fn semua(&self) -> impl Iterator<Item = &HariLibur> {
        self.libur.values()
    }

    /// The days off of one year, in date order.
    pub fn tahun(&self, tahun: i32) -> impl Iterator<Item = &HariLibur> {
        let awal = NaiveDate::from_ymd_opt(tahun, 1, 1);
        let akhir = NaiveDate::from_ymd_opt(tahun, 12, 31);
        let rentang = match (awal, akhir) {
            (Some(a), Some(b)) => Some(a..=b),
            _ => None,
        };
        rentang
            .into_iter()
            .flat_map(move |r| self.libur.range(r).map(|(_, h)| h))
    }

    /// The years the list has at least one day off in.
    pub fn tahun_tercakup(&self) -> BTreeSet<i32> {
        self.libur.keys().map(|t| t.year()).collect()
    }

    /// Whether the list has the decree of `tahun` (at least one day off in it).
    pub fn mencakup(&self, tahun: i32) -> bool {
        self.tahun(tahun).next().is_some()
    }

    /// Monday to Friday and not a day off.
    pub fn hari_kerja(&self, t: NaiveDate) -> bool {
        !akhir_pekan(t) && !self.libur.contains_key(&t)
    }

    /// The day `n` working days after `peristiwa` (see the module's doc): exactly `n` working
    /// days lie in (`peristiwa`, result], and for `n` ≥ 1 the result is a working day. `n` = 0
    /// is `peristiwa` itself. `None` only past the end of chrono's dates.
    pub fn hari_kerja_setelah(&self, peristiwa: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut t = peristiwa;
        let mut sisa = n;
        while sisa > 0 {
            t = t.succ_opt()?;
            if self.hari_kerja(t) {
                sisa -= 1;
            }
        }
        Some(t)
    }

    /// The working days in (`dari`, `sampai`]: 0 when `sampai` is not after `dari`.
    pub fn hari_kerja_antara(&self, dari: NaiveDate, sampai: NaiveDate) -> u32 {
        if sampai <= dari {
            return 0;
        }
        let hari = (sampai - dari).num_days();
        // whole weeks have five weekdays; only the rest is walked
        let minggu = hari / 7;
        let mut n = minggu * 5;
        let mut t = dari + chrono::Duration::days(minggu * 7);
        while t < sampai {
            t = match t.succ_opt() {
                Some(x) => x,
                None => break,
            };
            if !akhir_pekan(t) {
                n += 1;
            }
        }
        let libur = self
            .libur
            .range((
                std::ops::Bound::Excluded(dari),
                std::ops::Bound::Included(sampai),
            ))
            .filter(|(t, _)| !akhir_pekan(**t))
            .count() as i64;
        u32::try_from(n - libur).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn libur(t: NaiveDate, nama: &str, jenis: JenisLibur) -> HariLibur {
        HariLibur {
            tanggal: t,
            nama: nama.into(),
            jenis,
            dasar: String::new(),
        }
    }

    /// Days off of 2025 and 2026 that the tests lean on (from the shipped SKB lists).
    fn kalender() -> Kalender {
        use JenisLibur::*;
        Kalender::new([
            libur(d(2025, 12, 25), "Kelahiran Yesus Kristus", LiburNasional),
            libur(d(2025, 12, 26), "Cuti bersama Natal", CutiBersama),
            libur(d(2026, 1, 1), "Tahun Baru 2026 Masehi", LiburNasional),
            libur(d(2026, 3, 18), "Cuti bersama Nyepi", CutiBersama),
            libur(d(2026, 3, 19), "Hari Suci Nyepi", LiburNasional),
            libur(d(2026, 3, 20), "Cuti bersama Idulfitri", CutiBersama),
            libur(d(2026, 3, 21), "Idulfitri 1447 H", LiburNasional),
            libur(d(2026, 3, 22), "Idulfitri 1447 H", LiburNasional),
            libur(d(2026, 3, 23), "Cuti bersama Idulfitri", CutiBersama),
            libur(d(2026, 3, 24), "Cuti bersama Idulfitri", CutiBersama),
            libur(d(2026, 12, 24), "Cuti bersama Natal", CutiBersama),
            libur(d(2026, 12, 25), "Kelahiran Yesus Kristus", LiburNasional),
        ])
    }

    #[test]
    fn weekends_and_days_off_are_not_working_days() {
        let k = kalender();
        assert!(k.hari_kerja(d(2026, 12, 2))); // Rabu
        assert!(!k.hari_kerja(d(2026, 12, 5))); // Sabtu
        assert!(!k.hari_kerja(d(2026, 12, 6))); // Minggu
        assert!(!k.hari_kerja(d(2026, 12, 24))); // Kamis, cuti bersama
        assert!(!k.hari_kerja(d(2026, 12, 25))); // Jumat, libur nasional
        assert!(k.hari_kerja(d(2026, 12, 28))); // Senin
        // a holiday on a Sunday changes nothing: Idulfitri 22/03/2026
        assert!(!k.hari_kerja(d(2026, 3, 22)));
        assert_eq!(
            k.libur(d(2026, 3, 22)).map(|h| h.jenis),
            Some(JenisLibur::LiburNasional)
        );
        assert_eq!(k.libur(d(2026, 3, 25)), None);
    }

    #[test]
    fn counting_starts_the_day_after_the_event() {
        let k = kalender();
        // Senin 30/11/2026: Selasa is day 1, Rabu day 2, Kamis day 3
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 11, 30), 1),
            Some(d(2026, 12, 1))
        );
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 11, 30), 3),
            Some(d(2026, 12, 3))
        );
        // Jumat 04/12/2026 + 1: the weekend is skipped, Senin 07/12
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 4), 1),
            Some(d(2026, 12, 7))
        );
        // 20 working days from Senin 02/11/2026: four whole weeks, Senin 30/11
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 11, 2), 20),
            Some(d(2026, 11, 30))
        );
    }

    #[test]
    fn zero_working_days_is_the_event_day_itself() {
        let k = kalender();
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 2), 0),
            Some(d(2026, 12, 2))
        );
        // even on a day off: nothing is counted
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 25), 0),
            Some(d(2026, 12, 25))
        );
        assert_eq!(k.hari_kerja_antara(d(2026, 12, 2), d(2026, 12, 2)), 0);
        assert_eq!(k.hari_kerja_antara(d(2026, 12, 3), d(2026, 12, 2)), 0);
    }

    #[test]
    fn an_event_on_a_holiday_counts_from_the_next_working_day() {
        let k = kalender();
        // BPD agrees on Jumat 25/12/2026 (Natal): Senin 28/12 is day 1, Rabu 30/12 day 3
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 25), 1),
            Some(d(2026, 12, 28))
        );
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 25), 3),
            Some(d(2026, 12, 30))
        );
        // on a Saturday
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 5), 1),
            Some(d(2026, 12, 7))
        );
    }

    #[test]
    fn a_holiday_on_the_last_day_moves_the_deadline_past_it() {
        let k = kalender();
        // Jumat 18/12/2026 + 4: without the list Kamis 24/12; cuti bersama 24/12 and Natal
        // 25/12 push it over the weekend to Senin 28/12
        assert_eq!(
            Kalender::default().hari_kerja_setelah(d(2026, 12, 18), 4),
            Some(d(2026, 12, 24))
        );
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 18), 4),
            Some(d(2026, 12, 28))
        );
        assert_eq!(k.hari_kerja_antara(d(2026, 12, 18), d(2026, 12, 28)), 4);
        // the day before is still inside: 3 working days to Rabu 23/12
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 18), 3),
            Some(d(2026, 12, 23))
        );
    }

    #[test]
    fn a_deadline_across_the_year_end() {
        let k = kalender();
        // Selasa 29/12/2026 + 3: Rabu 30/12, Kamis 31/12, Jumat 01/01/2027 is a working day
        // only if 2027's list says so; with this list (no 2027) it is: day 3
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 12, 29), 3),
            Some(d(2027, 1, 1))
        );
        // across 31/12/2025 → 2026: Rabu 24/12/2025 + 3 skips Natal 25/12, cuti 26/12, the
        // weekend and Tahun Baru 01/01/2026: Senin 29/12, Selasa 30/12, Rabu 31/12
        assert_eq!(
            k.hari_kerja_setelah(d(2025, 12, 24), 3),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            k.hari_kerja_setelah(d(2025, 12, 24), 4),
            Some(d(2026, 1, 2))
        );
        assert_eq!(k.hari_kerja_antara(d(2025, 12, 24), d(2026, 1, 5)), 5);
        // 2027 has no decree in this list
        assert!(k.mencakup(2026) && k.mencakup(2025) && !k.mencakup(2027));
        assert_eq!(
            k.tahun_tercakup().into_iter().collect::<Vec<_>>(),
            [2025, 2026]
        );
    }

    #[test]
    fn a_long_cuti_bersama_is_skipped_whole() {
        let k = kalender();
        // Selasa 17/03/2026 + 1: 18–24/03 (Nyepi, Idulfitri, cuti bersama, the weekend) are
        // off; Rabu 25/03 is day 1, and 7 working days end on Kamis 02/04
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 3, 17), 1),
            Some(d(2026, 3, 25))
        );
        assert_eq!(k.hari_kerja_setelah(d(2026, 3, 17), 7), Some(d(2026, 4, 2)));
        assert_eq!(k.hari_kerja_antara(d(2026, 3, 17), d(2026, 3, 24)), 0);
        assert_eq!(k.hari_kerja_antara(d(2026, 3, 17), d(2026, 3, 31)), 5);
        // 20 working days from Senin 09/03/2026: 10–17/03 are 6, then 14 from 25/03
        assert_eq!(
            k.hari_kerja_setelah(d(2026, 3, 9), 20),
            Some(d(2026, 4, 13))
        );
    }

    #[test]
    fn calendar_days_and_months_after() {
        assert_eq!(hari_setelah(d(2026, 12, 31), 1), Some(d(2027, 1, 1)));
        assert_eq!(hari_setelah(d(2028, 2, 28), 1), Some(d(2028, 2, 29)));
        assert_eq!(hari_setelah(d(2026, 12, 2), 0), Some(d(2026, 12, 2)));
        // 3 months after the fiscal year ends (31/12): 31 March
        assert_eq!(bulan_setelah(d(2026, 12, 31), 3), Some(d(2027, 3, 31)));
        // month-end clamped, leap and common years
        assert_eq!(bulan_setelah(d(2027, 1, 31), 1), Some(d(2027, 2, 28)));
        assert_eq!(bulan_setelah(d(2028, 1, 31), 1), Some(d(2028, 2, 29)));
        assert_eq!(bulan_setelah(d(2028, 2, 29), 12), Some(d(2029, 2, 28)));
        assert_eq!(bulan_setelah(d(2026, 8, 31), 1), Some(d(2026, 9, 30)));
        assert_eq!(bulan_setelah(d(2026, 12, 2), 0), Some(d(2026, 12, 2)));
    }

    #[test]
    fn leap_day_is_an_ordinary_working_day() {
        let k = Kalender::default();
        // Selasa 29/02/2028
        assert!(k.hari_kerja(d(2028, 2, 29)));
        assert_eq!(
            k.hari_kerja_setelah(d(2028, 2, 28), 1),
            Some(d(2028, 2, 29))
        );
        assert_eq!(k.hari_kerja_antara(d(2028, 2, 25), d(2028, 3, 1)), 3);
        // a common year has no 29th: Senin 28/02/2033 + 1 is Selasa 01/03
        assert_eq!(k.hari_kerja_setelah(d(2033, 2, 28), 1), Some(d(2033, 3, 1)));
    }

    #[test]
    fn kinds_as_people_write_them() {
        for (teks, jenis) in [
            ("libur_nasional", Some(JenisLibur::LiburNasional)),
            ("Libur Nasional", Some(JenisLibur::LiburNasional)),
            ("LN", Some(JenisLibur::LiburNasional)),
            ("cuti-bersama", Some(JenisLibur::CutiBersama)),
            (" Cuti Bersama ", Some(JenisLibur::CutiBersama)),
            ("cb", Some(JenisLibur::CutiBersama)),
            ("fakultatif", None),
            ("", None),
        ] {
            assert_eq!(JenisLibur::dari_teks(teks), jenis, "{teks}");
        }
        for j in JenisLibur::SEMUA {
            assert_eq!(JenisLibur::dari_teks(j.kode()), Some(j));
        }
    }

    #[test]
    fn one_year_lists_only_its_own_days() {
        let k = kalender();
        let t: Vec<NaiveDate> = k.tahun(2025).map(|h| h.tanggal).collect();
        assert_eq!(t, [d(2025, 12, 25), d(2025, 12, 26)]);
        assert_eq!(k.tahun(2026).count(), 10);
        assert_eq!(k.tahun(2024).count(), 0);
    }

    proptest! {
        #[test]
        fn n_working_days_after_lands_on_a_working_day_with_n_in_between(
            hari in 0i64..(366 * 3),
            n in 1u32..80,
            libur_acak in proptest::collection::vec(0i64..(366 * 3 + 200), 0..60),
        ) {
            let awal = d(2025, 1, 1);
            let mut daftar: Vec<HariLibur> = kalender().semua().cloned().collect();
            daftar.extend(libur_acak.iter().map(|x| {
                libur(awal + chrono::Duration::days(*x), "acak", JenisLibur::CutiBersama)
            }));
            let k = Kalender::new(daftar);
            let e = awal + chrono::Duration::days(hari);
            let hasil = k.hari_kerja_setelah(e, n).unwrap();
            prop_assert!(hasil > e);
            prop_assert!(k.hari_kerja(hasil));
            prop_assert_eq!(k.hari_kerja_antara(e, hasil), n);
            // the day before the result holds one fewer: the result is the first such day
            prop_assert_eq!(k.hari_kerja_antara(e, hasil.pred_opt().unwrap()), n - 1);
            // the count walked day by day agrees with the fast one
            let mut jalan = 0;
            let mut t = e;
            while t < hasil {
                t = t.succ_opt().unwrap();
                if k.hari_kerja(t) { jalan += 1; }
            }
            prop_assert_eq!(jalan, n);
        }
    }
}
