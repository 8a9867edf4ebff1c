//! Schedule months of a stage and the status of each occurrence.

use chrono::{Datelike, NaiveDate};

use super::tanggal::{akhir_bulan, bulan_dari_nama, nama_bulan};

/// A set of months, bit 0 = January.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Bulan(pub u16);

impl Bulan {
    pub const SEMUA: Bulan = Bulan(0x0fff);

    pub fn dari_daftar(bulan: &[u32]) -> Result<Bulan, String> {
        let mut b = 0u16;
        for m in bulan {
            if !(1..=12).contains(m) {
                return Err(format!("bulan {m} di luar 1–12"));
            }
            b |= 1 << (m - 1);
        }
        Ok(Bulan(b))
    }

    pub fn berisi(self, bulan: u32) -> bool {
        (1..=12).contains(&bulan) && self.0 & (1 << (bulan - 1)) != 0
    }

    pub fn daftar(self) -> Vec<u32> {
        (1..=12).filter(|m| self.berisi(*m)).collect()
    }

    pub fn kosong(self) -> bool {
        self.0 & 0x0fff == 0
    }

    /// "Januari", "Maret–Desember", "Februari, April, Juli, September dan November",
    /// runs of three or more months are written as a range.
    pub fn teks(self) -> String {
        let mut potongan: Vec<String> = Vec::new();
        let daftar = self.daftar();
        let mut i = 0;
        while i < daftar.len() {
            let mut j = i;
            while j + 1 < daftar.len() && daftar[j + 1] == daftar[j] + 1 {
                j += 1;
            }
            if j - i >= 2 {
                potongan.push(format!(
                    "{}–{}",
                    nama_bulan(daftar[i]),
                    nama_bulan(daftar[j])
                ));
            } else {
                for m in &daftar[i..=j] {
                    potongan.push(nama_bulan(*m).to_string());
                }
            }
            i = j + 1;
        }
        match potongan.len() {
            0 => "-".into(),
            1 => potongan.remove(0),
            n => format!("{} dan {}", potongan[..n - 1].join(", "), potongan[n - 1]),
        }
    }

    /// Reads "1,2,5-12", "Mei-Desember", "februari, april", "3 5 8 10".
    pub fn parse(teks: &str) -> Result<Bulan, String> {
        let satu = |s: &str| -> Result<u32, String> {
            let s = s.trim();
            s.parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .or_else(|| bulan_dari_nama(s))
                .ok_or_else(|| format!("'{s}' bukan nama atau nomor bulan"))
        };
        let mut hasil = 0u16;
        let rapi = teks.replace(" dan ", ",").replace(['–', '—'], "-");
        for bagian in rapi.split([',', ';', ' ']).filter(|b| !b.trim().is_empty()) {
            let (a, b) = match bagian.split_once('-') {
                Some((a, b)) => (satu(a)?, satu(b)?),
                None => {
                    let m = satu(bagian)?;
                    (m, m)
                }
            };
            if a > b {
                return Err(format!("rentang bulan '{bagian}' terbalik"));
            }
            for m in a..=b {
                hasil |= 1 << (m - 1);
            }
        }
        if hasil == 0 {
            return Err("isi paling sedikit satu bulan".into());
        }
        Ok(Bulan(hasil))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKejadian {
    Selesai,
    /// The month has passed without the occurrence marked done.
    Terlewat,
    /// Planned in the current month.
    BulanIni,
    Direncanakan,
}

impl StatusKejadian {
    pub fn label(self) -> &'static str {
        match self {
            StatusKejadian::Selesai => "selesai",
            StatusKejadian::Terlewat => "terlewat",
            StatusKejadian::BulanIni => "bulan ini",
            StatusKejadian::Direncanakan => "direncanakan",
        }
    }
}

/// Status of the occurrence of a stage in month `bulan` of `tahun`.
pub fn status_kejadian(
    tahun: i32,
    bulan: u32,
    selesai: bool,
    hari_ini: NaiveDate,
) -> StatusKejadian {
    if selesai {
        StatusKejadian::Selesai
    } else if hari_ini > akhir_bulan(tahun, bulan) {
        StatusKejadian::Terlewat
    } else if hari_ini.year() == tahun && hari_ini.month() == bulan {
        StatusKejadian::BulanIni
    } else {
        StatusKejadian::Direncanakan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    #[test]
    fn months_as_text() {
        assert_eq!(Bulan::dari_daftar(&[1]).unwrap().teks(), "Januari");
        assert_eq!(
            Bulan::dari_daftar(&(3..=12).collect::<Vec<_>>())
                .unwrap()
                .teks(),
            "Maret–Desember"
        );
        assert_eq!(
            Bulan::dari_daftar(&[2, 4, 7, 9, 11]).unwrap().teks(),
            "Februari, April, Juli, September dan November"
        );
        assert_eq!(Bulan::dari_daftar(&[6, 7]).unwrap().teks(), "Juni dan Juli");
        assert_eq!(Bulan(0).teks(), "-");
        assert!(Bulan::dari_daftar(&[13]).is_err());
    }

    #[test]
    fn months_read_from_text() {
        assert_eq!(
            Bulan::parse("1,2,5-12").unwrap().daftar(),
            vec![1, 2, 5, 6, 7, 8, 9, 10, 11, 12]
        );
        assert_eq!(
            Bulan::parse("Mei–Desember").unwrap().daftar(),
            (5..=12).collect::<Vec<_>>()
        );
        assert_eq!(
            Bulan::parse("februari, april dan juli").unwrap().daftar(),
            vec![2, 4, 7]
        );
        assert_eq!(
            Bulan::parse("3 5 8 10").unwrap().daftar(),
            vec![3, 5, 8, 10]
        );
        assert!(Bulan::parse("").is_err());
        assert!(Bulan::parse("13").is_err());
        assert!(Bulan::parse("12-1").is_err());
    }

    #[test]
    fn an_occurrence_is_overdue_once_its_month_has_passed() {
        assert_eq!(
            status_kejadian(2026, 10, false, d(2026, 10, 31)),
            StatusKejadian::BulanIni
        );
        assert_eq!(
            status_kejadian(2026, 10, false, d(2026, 11, 1)),
            StatusKejadian::Terlewat
        );
        assert_eq!(
            status_kejadian(2026, 10, true, d(2026, 11, 1)),
            StatusKejadian::Selesai
        );
        assert_eq!(
            status_kejadian(2026, 12, false, d(2026, 11, 23)),
            StatusKejadian::Direncanakan
        );
        assert_eq!(
            status_kejadian(2024, 2, false, d(2024, 2, 29)),
            StatusKejadian::BulanIni
        );
        assert_eq!(
            status_kejadian(2024, 2, false, d(2024, 3, 1)),
            StatusKejadian::Terlewat
        );
    }
}
