//! Indonesian dates: reading the forms offices write, showing `DD/MM/YYYY` and month names.

use chrono::{Datelike, NaiveDate, Weekday};

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Name of month 1–12; an out-of-range month gives "?".
pub fn nama_bulan(bulan: u32) -> &'static str {
    match bulan {
        1..=12 => BULAN[bulan as usize - 1],
        _ => "?",
    }
}

/// Three-letter month name for dense grids ("Jan", "Feb", …, "Agu", …).
pub fn nama_bulan_pendek(bulan: u32) -> &'static str {
    const PENDEK: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    match bulan {
        1..=12 => PENDEK[bulan as usize - 1],
        _ => "?",
    }
}

pub fn nama_hari(hari: Weekday) -> &'static str {
    match hari {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

/// Month number from an Indonesian name or its first three letters ("agu", "Agustus").
pub fn bulan_dari_nama(teks: &str) -> Option<u32> {
    let t = teks.trim().to_lowercase();
    if t.len() < 3 {
        return None;
    }
    BULAN
        .iter()
        .position(|b| {
            let b = b.to_lowercase();
            b == t || (t.len() == 3 && b.starts_with(&t))
        })
        .map(|i| i as u32 + 1)
        .or(match t.as_str() {
            "agt" | "ags" => Some(8),
            "nop" | "nopember" => Some(11),
            _ => None,
        })
}

/// `23/11/2026`
/// A date as stored (`2026-11-07`) as people read it (`07/11/2026`); other text is not a
/// stored date (`None`).
pub fn tampil_tanggal_tersimpan(s: &str) -> Option<String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .map(format_tanggal)
}

pub fn format_tanggal(t: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", t.day(), t.month(), t.year())
}

/// `23 November 2026`
pub fn format_tanggal_panjang(t: NaiveDate) -> String {
    format!("{} {} {}", t.day(), nama_bulan(t.month()), t.year())
}

/// `Senin, 23 November 2026`
pub fn format_tanggal_hari(t: NaiveDate) -> String {
    format!("{}, {}", nama_hari(t.weekday()), format_tanggal_panjang(t))
}

/// `2026-11-23`, the form used in JSON.
pub fn format_iso(t: NaiveDate) -> String {
    iso(t).as_str().to_string()
}

/// A date as `YYYY-MM-DD` without allocating, for writing many rows.
pub struct Iso {
    teks: [u8; 10],
    panjang: usize,
    lain: Option<String>,
}

impl Iso {
    pub fn as_str(&self) -> &str {
        match &self.lain {
            Some(s) => s,
            None => std::str::from_utf8(&self.teks[..self.panjang]).unwrap_or(""),
        }
    }
}

/// By hand: chrono's format string is parsed on every call, and imports write a date per row.
pub fn iso(t: NaiveDate) -> Iso {
    let (y, m, d) = (t.year(), t.month(), t.day());
    if !(0..=9999).contains(&y) {
        return Iso {
            teks: [0; 10],
            panjang: 0,
            lain: Some(t.format("%Y-%m-%d").to_string()),
        };
    }
    let y = y as u32;
    let angka = |n: u32| b'0' + (n % 10) as u8;
    Iso {
        teks: [
            angka(y / 1000),
            angka(y / 100),
            angka(y / 10),
            angka(y),
            b'-',
            angka(m / 10),
            angka(m),
            b'-',
            angka(d / 10),
            angka(d),
        ],
        panjang: 10,
        lain: None,
    }
}

/// Reads `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY` (one-digit day and month allowed).
/// The error is an Indonesian sentence for the user.
pub fn parse_tanggal(teks: &str) -> Result<NaiveDate, String> {
    let t = teks.trim();
    if t.is_empty() {
        return Err("tanggal kosong".into());
    }
    let bentuk_salah =
        || format!("'{t}' bukan tanggal: tulis DD/MM/YYYY, DD-MM-YYYY atau YYYY-MM-DD");
    let pemisah = if t.contains('/') { '/' } else { '-' };
    let bagian: Vec<&str> = t.split(pemisah).collect();
    if bagian.len() != 3
        || bagian
            .iter()
            .any(|b| b.is_empty() || b.len() > 4 || !b.bytes().all(|c| c.is_ascii_digit()))
    {
        return Err(bentuk_salah());
    }
    let angka = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (tahun, bulan, hari) = if bagian[0].len() == 4 && pemisah == '-' {
        if bagian[1].len() > 2 || bagian[2].len() > 2 {
            return Err(bentuk_salah());
        }
        (angka(bagian[0]), angka(bagian[1]), angka(bagian[2]))
    } else if bagian[2].len() == 4 && bagian[0].len() <= 2 && bagian[1].len() <= 2 {
        (angka(bagian[2]), angka(bagian[1]), angka(bagian[0]))
    } else {
        return Err(bentuk_salah());
    };
    if !(1..=12).contains(&bulan) {
        return Err(format!("'{t}' tidak ada: bulan {bulan} di luar 1–12"));
    }
    NaiveDate::from_ymd_opt(tahun as i32, bulan, hari).ok_or_else(|| {
        format!(
            "'{t}' tidak ada: {} {} hanya sampai tanggal {}",
            nama_bulan(bulan),
            tahun,
            hari_dalam_bulan(tahun as i32, bulan)
        )
    })
}

/// Number of days in a month (28–31).
pub fn hari_dalam_bulan(tahun: i32, bulan: u32) -> u32 {
    let (y, m) = if bulan == 12 {
        (tahun + 1, 1)
    } else {
        (tahun, bulan + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(28)
}

/// Last day of a month.
pub fn akhir_bulan(tahun: i32, bulan: u32) -> NaiveDate {
    let hari = hari_dalam_bulan(tahun, bulan);
    NaiveDate::from_ymd_opt(tahun, bulan.clamp(1, 12), hari).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    #[test]
    fn reads_the_three_written_forms() {
        let kasus = [
            ("2026-10-05", d(2026, 10, 5)),
            ("05/10/2026", d(2026, 10, 5)),
            ("5/10/2026", d(2026, 10, 5)),
            ("05-10-2026", d(2026, 10, 5)),
            (" 29/02/2024 ", d(2024, 2, 29)),
            ("31/12/2025", d(2025, 12, 31)),
        ];
        for (teks, harap) in kasus {
            assert_eq!(parse_tanggal(teks), Ok(harap), "{teks}");
        }
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for teks in [
            "31/02/2026",
            "29/02/2025",
            "2026-13-01",
            "00/01/2026",
            "2026/10/05",
            "10/2026",
            "",
            "kemarin",
            "05.10.2026",
            "1/1/26",
        ] {
            assert!(parse_tanggal(teks).is_err(), "{teks} should be refused");
        }
        let pesan = parse_tanggal("31/02/2026").unwrap_err();
        assert!(
            pesan.contains("Februari 2026 hanya sampai tanggal 28"),
            "{pesan}"
        );
    }

    #[test]
    fn shows_indonesian_dates() {
        assert_eq!(format_tanggal(d(2026, 1, 5)), "05/01/2026");
        assert_eq!(format_tanggal_panjang(d(2026, 8, 17)), "17 Agustus 2026");
        assert_eq!(
            format_tanggal_hari(d(2026, 11, 23)),
            "Senin, 23 November 2026"
        );
        assert_eq!(format_iso(d(2026, 9, 30)), "2026-09-30");
        assert_eq!(format_iso(d(2028, 2, 29)), "2028-02-29");
        assert_eq!(format_iso(d(999, 12, 1)), "0999-12-01");
        assert_eq!(format_iso(d(9999, 12, 31)), "9999-12-31");
        assert_eq!(format_iso(d(10000, 1, 1)), "+10000-01-01");
    }

    #[test]
    fn month_names_and_lengths() {
        assert_eq!(nama_bulan(1), "Januari");
        assert_eq!(nama_bulan(12), "Desember");
        assert_eq!(nama_bulan(13), "?");
        assert_eq!(bulan_dari_nama("agu"), Some(8));
        assert_eq!(bulan_dari_nama("Mei"), Some(5));
        assert_eq!(bulan_dari_nama("Nopember"), Some(11));
        assert_eq!(bulan_dari_nama("xy"), None);
        assert_eq!(hari_dalam_bulan(2024, 2), 29);
        assert_eq!(hari_dalam_bulan(2100, 2), 28);
        assert_eq!(hari_dalam_bulan(2026, 12), 31);
        assert_eq!(akhir_bulan(2026, 9), d(2026, 9, 30));
    }
}

#[cfg(test)]
mod sifat {
    use proptest::prelude::*;

    use super::*;

    fn tanggal() -> impl Strategy<Value = NaiveDate> {
        // every day of years 0–9999, the years a four-digit field can hold
        (0i32..=9999, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// No text makes the date reader panic.
        #[test]
        fn date_reader_never_panics(t in any::<String>()) {
            let _ = parse_tanggal(&t);
        }

        #[test]
        fn date_like_text_never_panics(t in "[0-9/ -]{0,14}") {
            let _ = parse_tanggal(&t);
        }

        /// `23/11/2026` and `2026-11-23` read back as the same day.
        #[test]
        fn written_dates_read_back(t in tanggal()) {
            prop_assert_eq!(parse_tanggal(&format_tanggal(t)), Ok(t));
            prop_assert_eq!(parse_tanggal(&format_iso(t)), Ok(t));
            prop_assert_eq!(parse_tanggal(iso(t).as_str()), Ok(t));
        }
    }
}
