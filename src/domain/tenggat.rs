//! Deadlines of desa documents and their status on a given day.
//!
//! The rules themselves are data (table `jenis_dokumen`); this module only knows how to
//! apply one: the deadline of fiscal year T is day `hari` of month `bulan` of year
//! `T + geser_tahun`.

use chrono::{Datelike, NaiveDate};

use super::tanggal::hari_dalam_bulan;

/// Default warning window, in days.
pub const JENDELA_BAWAAN: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AturanTenggat {
    pub geser_tahun: i32,
    pub bulan: u32,
    pub hari: u32,
}

impl AturanTenggat {
    pub const RKPDES: AturanTenggat = AturanTenggat {
        geser_tahun: -1,
        bulan: 9,
        hari: 30,
    };
    pub const APBDES: AturanTenggat = AturanTenggat {
        geser_tahun: -1,
        bulan: 12,
        hari: 31,
    };
    pub const LPPDES: AturanTenggat = AturanTenggat {
        geser_tahun: 1,
        bulan: 3,
        hari: 31,
    };

    /// Deadline of fiscal year `ta`. A day past the month's end (29 February in a common
    /// year) falls back to the month's last day.
    pub fn tenggat(&self, ta: i32) -> NaiveDate {
        let tahun = ta + self.geser_tahun;
        let bulan = self.bulan.clamp(1, 12);
        let hari = self.hari.clamp(1, hari_dalam_bulan(tahun, bulan));
        NaiveDate::from_ymd_opt(tahun, bulan, hari).unwrap_or(NaiveDate::MIN)
    }

    /// The fiscal year whose deadline falls in performance year `tahun` (IKU 2).
    pub fn ta_untuk_tahun_kinerja(&self, tahun: i32) -> i32 {
        tahun - self.geser_tahun
    }

    /// The earliest date a document of fiscal year `ta` can plausibly carry: 1 January of the
    /// year before its deadline's. Earlier is a mistyped year (2006 for 2026) that would
    /// otherwise count as on time.
    pub fn paling_awal(&self, ta: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.tenggat(ta).year() - 1, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Checks a document's date against `paling_awal`; the error names the kind and year.
    pub fn periksa_tanggal(&self, jenis: &str, ta: i32, tanggal: NaiveDate) -> Result<(), String> {
        let awal = self.paling_awal(ta);
        if tanggal < awal {
            return Err(format!(
                "{} terlalu awal untuk {jenis} TA {ta} (tenggat {}; paling awal {}): salah ketik tahun?",
                crate::domain::tanggal::format_tanggal(tanggal),
                crate::domain::tanggal::format_tanggal(self.tenggat(ta)),
                crate::domain::tanggal::format_tanggal(awal)
            ));
        }
        Ok(())
    }

    /// Checks a rule typed by a person or read from a file.
    pub fn periksa(&self) -> Result<(), String> {
        if !(-5..=5).contains(&self.geser_tahun) {
            return Err("geser tahun harus antara -5 dan 5".into());
        }
        if !(1..=12).contains(&self.bulan) {
            return Err(format!("bulan {} di luar 1–12", self.bulan));
        }
        if !(1..=31).contains(&self.hari) {
            return Err(format!("tanggal {} di luar 1–31", self.hari));
        }
        // 29/02 stands (28/02 in a common year); 30/02 or 31/04 is no day at all
        let paling = hari_dalam_bulan(2024, self.bulan);
        if self.hari > paling {
            return Err(format!(
                "tanggal {}/{:02} tidak ada: bulan {} paling banyak {paling} hari",
                self.hari, self.bulan, self.bulan
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    LewatTenggat,
    MendekatiTenggat,
    Terlambat,
    BelumJatuhTempo,
    TepatWaktu,
}

impl Status {
    /// The code used in JSON.
    pub fn kode(self) -> &'static str {
        match self {
            Status::TepatWaktu => "tepat_waktu",
            Status::Terlambat => "terlambat",
            Status::LewatTenggat => "lewat_tenggat",
            Status::MendekatiTenggat => "mendekati_tenggat",
            Status::BelumJatuhTempo => "belum_jatuh_tempo",
        }
    }

    /// The words shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::TepatWaktu => "tepat waktu",
            Status::Terlambat => "terlambat",
            Status::LewatTenggat => "lewat tenggat",
            Status::MendekatiTenggat => "mendekati tenggat",
            Status::BelumJatuhTempo => "belum jatuh tempo",
        }
    }

    /// True when a date has been recorded.
    pub fn tercatat(self) -> bool {
        matches!(self, Status::TepatWaktu | Status::Terlambat)
    }
}

/// Status of one document on `hari_ini` with a warning window of `jendela` days.
pub fn status(
    tanggal: Option<NaiveDate>,
    tenggat: NaiveDate,
    hari_ini: NaiveDate,
    jendela: i64,
) -> Status {
    match tanggal {
        Some(t) if t <= tenggat => Status::TepatWaktu,
        Some(_) => Status::Terlambat,
        None if hari_ini > tenggat => Status::LewatTenggat,
        None if sisa_hari(tenggat, hari_ini) <= jendela => Status::MendekatiTenggat,
        None => Status::BelumJatuhTempo,
    }
}

/// The earliest date a document of fiscal year `ta` counted from an event can plausibly
/// carry: 1 January two years before (a mistyped year such as 2006 for 2026 is refused).
pub fn periksa_tanggal_peristiwa(jenis: &str, ta: i32, tanggal: NaiveDate) -> Result<(), String> {
    let awal = NaiveDate::from_ymd_opt(ta - 2, 1, 1).unwrap_or(NaiveDate::MIN);
    if tanggal < awal {
        return Err(format!(
            "{} terlalu awal untuk {jenis} TA {ta} (paling awal {}): salah ketik tahun?",
            super::tanggal::format_tanggal(tanggal),
            super::tanggal::format_tanggal(awal)
        ));
    }
    Ok(())
}

/// The status of a document whose deadline may be unknown (it counts from an event not
/// recorded yet): `None` then.
pub fn status_jika(
    tanggal: Option<NaiveDate>,
    tenggat: Option<NaiveDate>,
    hari_ini: NaiveDate,
    jendela: i64,
) -> Option<Status> {
    tenggat.map(|t| status(tanggal, t, hari_ini, jendela))
}

/// The words for a document with no deadline yet: "tercatat" when a date is recorded,
/// "menunggu" (waiting for the event it counts from) when not.
pub fn label_tanpa_tenggat(tercatat: bool) -> &'static str {
    if tercatat { "tercatat" } else { "menunggu" }
}

/// Deadline − today in days (negative when overdue).
pub fn sisa_hari(tenggat: NaiveDate, hari_ini: NaiveDate) -> i64 {
    (tenggat - hari_ini).num_days()
}

/// "5 hari lagi", "hari ini", "3 hari lalu"
pub fn teks_sisa_hari(sisa: i64) -> String {
    match sisa {
        0 => "hari ini".into(),
        s if s > 0 => format!("{s} hari lagi"),
        s => format!("{} hari lalu", -s),
    }
}

/// Key to compare document kinds written by people: case, spaces, `-`, `_` ignored and a
/// trailing "desa" read as "des" (`RKP Desa` is `RKPDes`).
pub fn kunci_jenis(teks: &str) -> String {
    let k: String = teks
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    match k.strip_suffix("desa") {
        Some(awal) if !awal.is_empty() => format!("{awal}des"),
        _ => k,
    }
}

/// First tracked fiscal year when none is set: the year before today's.
pub fn tahun_awal_bawaan(hari_ini: NaiveDate) -> i32 {
    hari_ini.year() - 1
}

/// Fiscal years tracked: the first tracked year up to today's year + 1.
pub fn tahun_dilacak(tahun_awal: i32, hari_ini: NaiveDate) -> std::ops::RangeInclusive<i32> {
    tahun_awal..=hari_ini.year() + 1
}

/// Fiscal years of a rule whose deadline is on or before `batas`, within the tracked years:
/// the candidates of `cek`.
pub fn ta_sampai(
    aturan: &AturanTenggat,
    tahun: std::ops::RangeInclusive<i32>,
    batas: NaiveDate,
) -> Vec<i32> {
    tahun.filter(|ta| aturan.tenggat(*ta) <= batas).collect()
}

/// The fiscal year and document (index into `aturan`) whose deadline is the nearest on or
/// after today: the work that is due next. In December that is APBDes of next year (deadline
/// 31 December), from January to March LPPDes of last year (31 March), from April to
/// September RKPDes of next year (30 September), in October and November APBDes of next year
/// again. A deadline today still counts (it can still be met); on a tie the first kind wins.
pub fn ta_terdekat(aturan: &[AturanTenggat], hari_ini: NaiveDate) -> Option<(i32, usize)> {
    let mut terbaik: Option<(NaiveDate, i32, usize)> = None;
    for (i, a) in aturan.iter().enumerate() {
        // a deadline in an earlier calendar year than today's is past: start there
        let mut ta = hari_ini.year() - a.geser_tahun - 1;
        while a.tenggat(ta) < hari_ini {
            ta += 1;
        }
        if !(2000..=2100).contains(&ta) {
            continue;
        }
        let t = a.tenggat(ta);
        if terbaik.is_none_or(|(b, _, _)| t < b) {
            terbaik = Some((t, ta, i));
        }
    }
    terbaik.map(|(_, ta, i)| (ta, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    #[test]
    fn deadlines_of_the_three_documents() {
        assert_eq!(AturanTenggat::RKPDES.tenggat(2027), d(2026, 9, 30));
        assert_eq!(AturanTenggat::APBDES.tenggat(2027), d(2026, 12, 31));
        assert_eq!(AturanTenggat::LPPDES.tenggat(2025), d(2026, 3, 31));
    }

    #[test]
    fn a_29_february_rule_falls_back_in_common_years() {
        let aturan = AturanTenggat {
            geser_tahun: 0,
            bulan: 2,
            hari: 29,
        };
        assert_eq!(aturan.tenggat(2024), d(2024, 2, 29));
        assert_eq!(aturan.tenggat(2025), d(2025, 2, 28));
        assert_eq!(aturan.tenggat(2100), d(2100, 2, 28));
    }

    #[test]
    fn status_at_the_edges() {
        let tenggat = d(2026, 9, 30);
        let kasus = [
            // recorded on the deadline day: on time; a day later: late
            (Some(d(2026, 9, 30)), d(2026, 11, 1), Status::TepatWaktu),
            (Some(d(2026, 10, 1)), d(2026, 11, 1), Status::Terlambat),
            (Some(d(2026, 1, 2)), d(2026, 1, 3), Status::TepatWaktu),
            // not recorded: overdue from the day after the deadline
            (None, d(2026, 9, 30), Status::MendekatiTenggat),
            (None, d(2026, 10, 1), Status::LewatTenggat),
            // the window's first day (deadline − 30) and the day before it
            (None, d(2026, 8, 31), Status::MendekatiTenggat),
            (None, d(2026, 8, 30), Status::BelumJatuhTempo),
        ];
        for (tanggal, hari_ini, harap) in kasus {
            assert_eq!(
                status(tanggal, tenggat, hari_ini, JENDELA_BAWAAN),
                harap,
                "{tanggal:?} on {hari_ini}"
            );
        }
    }

    #[test]
    fn apbdes_set_on_31_december_is_on_time() {
        let tenggat = AturanTenggat::APBDES.tenggat(2027);
        assert_eq!(
            status(Some(d(2026, 12, 31)), tenggat, d(2027, 1, 5), 30),
            Status::TepatWaktu
        );
        assert_eq!(
            status(Some(d(2027, 1, 1)), tenggat, d(2027, 1, 5), 30),
            Status::Terlambat
        );
    }

    #[test]
    fn lppdes_deadline_in_a_leap_year_window() {
        // window of 31 days before 31 March 2028 starts on 29 February 2028
        let tenggat = AturanTenggat::LPPDES.tenggat(2027);
        assert_eq!(tenggat, d(2028, 3, 31));
        assert_eq!(
            status(None, tenggat, d(2028, 2, 29), 31),
            Status::MendekatiTenggat
        );
        assert_eq!(
            status(None, tenggat, d(2028, 2, 28), 31),
            Status::BelumJatuhTempo
        );
    }

    #[test]
    fn a_window_of_zero_days_warns_only_on_the_day() {
        let tenggat = d(2026, 12, 31);
        assert_eq!(
            status(None, tenggat, d(2026, 12, 31), 0),
            Status::MendekatiTenggat
        );
        assert_eq!(
            status(None, tenggat, d(2026, 12, 30), 0),
            Status::BelumJatuhTempo
        );
    }

    #[test]
    fn days_left() {
        assert_eq!(sisa_hari(d(2026, 9, 30), d(2026, 10, 5)), -5);
        assert_eq!(sisa_hari(d(2026, 9, 30), d(2026, 9, 30)), 0);
        assert_eq!(sisa_hari(d(2027, 1, 1), d(2026, 12, 31)), 1);
        assert_eq!(teks_sisa_hari(-5), "5 hari lalu");
        assert_eq!(teks_sisa_hari(0), "hari ini");
        assert_eq!(teks_sisa_hari(3), "3 hari lagi");
    }

    #[test]
    fn kinds_written_by_people() {
        for teks in ["RKPDes", "rkpdes", "RKP Desa", "rkp desa", " RKP-Des "] {
            assert_eq!(kunci_jenis(teks), "rkpdes", "{teks}");
        }
        assert_eq!(kunci_jenis("APB Desa"), "apbdes");
        assert_eq!(kunci_jenis("LPPDes"), "lppdes");
        assert_ne!(kunci_jenis("RKP"), "rkpdes");
    }

    #[test]
    fn fiscal_years_for_a_performance_year() {
        assert_eq!(AturanTenggat::RKPDES.ta_untuk_tahun_kinerja(2026), 2027);
        assert_eq!(AturanTenggat::APBDES.ta_untuk_tahun_kinerja(2026), 2027);
        assert_eq!(AturanTenggat::LPPDES.ta_untuk_tahun_kinerja(2026), 2025);
    }

    #[test]
    fn tracked_years_start_the_year_before_today() {
        let hari_ini = d(2026, 11, 23);
        assert_eq!(tahun_awal_bawaan(hari_ini), 2025);
        assert_eq!(tahun_dilacak(2025, hari_ini), 2025..=2027);
        // the first tracked year's documents are candidates; the year before is not
        let ta = ta_sampai(
            &AturanTenggat::RKPDES,
            tahun_dilacak(2025, hari_ini),
            hari_ini,
        );
        assert_eq!(ta, vec![2025, 2026, 2027]);
        let ta = ta_sampai(
            &AturanTenggat::LPPDES,
            tahun_dilacak(2025, hari_ini),
            hari_ini,
        );
        assert_eq!(ta, vec![2025]);
        let ta = ta_sampai(
            &AturanTenggat::APBDES,
            tahun_dilacak(2025, hari_ini),
            hari_ini,
        );
        assert_eq!(ta, vec![2025, 2026]);
    }

    #[test]
    fn the_earliest_plausible_date_is_a_year_before_the_deadline_year() {
        let d = |y, m, h| NaiveDate::from_ymd_opt(y, m, h).unwrap();
        // RKPDes 2027: deadline 30/09/2026
        let r = AturanTenggat::RKPDES;
        assert_eq!(r.paling_awal(2027), d(2025, 1, 1));
        assert!(r.periksa_tanggal("RKPDes", 2027, d(2025, 1, 1)).is_ok());
        let g = r
            .periksa_tanggal("RKPDes", 2027, d(2024, 12, 31))
            .unwrap_err();
        assert_eq!(
            g,
            "31/12/2024 terlalu awal untuk RKPDes TA 2027 (tenggat 30/09/2026; paling awal 01/01/2025): salah ketik tahun?"
        );
        // LPPDes 2025: deadline 31/03/2026
        let l = AturanTenggat::LPPDES;
        assert!(l.periksa_tanggal("LPPDes", 2025, d(2000, 1, 1)).is_err());
        assert!(l.periksa_tanggal("LPPDes", 2025, d(2025, 1, 1)).is_ok());
    }
}
