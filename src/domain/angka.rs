//! Numbers as Indonesians write them: `1.455`, `5,88`, `Rp 5.800.000`, `83,33%`.
//!
//! Decimals are kept as whole hundredths (`Seratus`) so that rounding is exact and
//! always half away from zero, as the indicators require.

/// A value with two decimals, stored as hundredths: `Seratus(8333)` is 83,33.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Seratus(pub i64);

impl Seratus {
    pub fn dari_bulat(n: i64) -> Self {
        Seratus(n * 100)
    }
    /// For JSON: 83.33, 80.0.
    pub fn ke_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
    /// Nearest hundredth of an f64, half away from zero (for values read from TOML).
    pub fn dari_f64(x: f64) -> Self {
        Seratus((x * 100.0).round() as i64)
    }
}

/// `pembilang / penyebut` rounded half away from zero. `penyebut` must not be 0.
pub fn bagi_bulat(pembilang: i128, penyebut: i128) -> i128 {
    let negatif = (pembilang < 0) != (penyebut < 0);
    let (p, q) = (pembilang.abs(), penyebut.abs());
    let hasil = (2 * p + q) / (2 * q);
    if negatif { -hasil } else { hasil }
}

/// `pembilang / penyebut × 100%` with two decimals; `None` when the denominator is 0.
pub fn persen(pembilang: i64, penyebut: i64) -> Option<Seratus> {
    if penyebut == 0 {
        return None;
    }
    Some(Seratus(
        bagi_bulat(pembilang as i128 * 10_000, penyebut as i128) as i64,
    ))
}

/// `5.800.000`
pub fn format_ribuan(n: i64) -> String {
    let digit = n.unsigned_abs().to_string();
    let mut keluar = String::with_capacity(digit.len() + digit.len() / 3 + 1);
    if n < 0 {
        keluar.push('-');
    }
    for (i, c) in digit.chars().enumerate() {
        if i > 0 && (digit.len() - i).is_multiple_of(3) {
            keluar.push('.');
        }
        keluar.push(c);
    }
    keluar
}

/// `Rp 5.800.000`, `-Rp 200.000`
pub fn format_rupiah(n: i64) -> String {
    if n < 0 {
        format!("-Rp {}", format_ribuan(-n))
    } else {
        format!("Rp {}", format_ribuan(n))
    }
}

/// `83,33`, `1.234,50`, `-0,25`
pub fn format_desimal(nilai: Seratus) -> String {
    let n = nilai.0;
    let tanda = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs();
    format!(
        "{tanda}{},{:02}",
        format_ribuan((abs / 100) as i64),
        abs % 100
    )
}

/// Like `format_desimal` but without a `,00` tail for whole values: `12`, `5,88`.
pub fn format_desimal_ringkas(nilai: Seratus) -> String {
    if nilai.0 % 100 == 0 {
        format_ribuan(nilai.0 / 100)
    } else {
        format_desimal(nilai)
    }
}

/// `83,33%`, or `–` when there is no value (denominator 0).
pub fn format_persen(nilai: Option<Seratus>) -> String {
    match nilai {
        Some(v) => format!("{}%", format_desimal(v)),
        None => "–".into(),
    }
}

/// Reads a whole number: `1455`, `1.455`, `-20`, `2.733 `. A comma is refused (not whole).
pub fn parse_bulat(teks: &str) -> Result<i64, String> {
    let t = teks.trim();
    if t.is_empty() {
        return Err("angka kosong".into());
    }
    let (negatif, badan) = match t.strip_prefix('-') {
        Some(sisa) => (true, sisa.trim_start()),
        None => (false, t),
    };
    let salah = || format!("'{t}' bukan bilangan bulat (contoh: 1455 atau 1.455)");
    if badan.is_empty() || !badan.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return Err(salah());
    }
    if badan.contains('.') {
        // Dots must be thousands separators: 1.455, 12.345.678
        let kelompok: Vec<&str> = badan.split('.').collect();
        let awal_baik = (1..=3).contains(&kelompok[0].len());
        let sisa_baik = kelompok[1..].iter().all(|k| k.len() == 3);
        if !awal_baik || !sisa_baik {
            return Err(salah());
        }
    }
    let digit: String = badan.chars().filter(|c| *c != '.').collect();
    // read as i128 so that the smallest i64 (whose magnitude no i64 holds) reads back too
    let n: i128 = digit.parse().map_err(|_| format!("'{t}' terlalu besar"))?;
    i64::try_from(if negatif { -n } else { n }).map_err(|_| format!("'{t}' terlalu besar"))
}

/// Reads Rupiah: `5800000`, `5.800.000`, `Rp 5.800.000`, `Rp5.800.000,00`.
pub fn parse_rupiah(teks: &str) -> Result<i64, String> {
    let mut t = teks.trim();
    // `-Rp 200.000`, as `format_rupiah` writes a negative amount
    let negatif = t.starts_with("-R") || t.starts_with("-r");
    if negatif {
        t = &t[1..];
    }
    for awalan in ["Rp.", "Rp", "rp.", "rp", "RP"] {
        if let Some(sisa) = t.strip_prefix(awalan) {
            t = sisa.trim_start();
            break;
        }
    }
    let t = t
        .strip_suffix(",00")
        .or_else(|| t.strip_suffix(",-"))
        .unwrap_or(t);
    let n = parse_bulat(t)
        .map_err(|_| format!("'{}' bukan jumlah rupiah (contoh: 5.800.000)", teks.trim()))?;
    if negatif {
        n.checked_neg()
            .ok_or_else(|| format!("'{}' terlalu besar", teks.trim()))
    } else {
        Ok(n)
    }
}

/// Reads a decimal with a comma or a dot: `5,88`, `5.88`, `1.234,5`, `723`.
/// More than two decimals are rounded half away from zero.
pub fn parse_desimal(teks: &str) -> Result<Seratus, String> {
    let t = teks.trim();
    if t.is_empty() {
        return Err("angka kosong".into());
    }
    let salah = || format!("'{t}' bukan angka (contoh: 5,88 atau 1.455)");
    let (negatif, badan) = match t.strip_prefix('-') {
        Some(s) => (true, s.trim_start()),
        None => (false, t),
    };
    if badan.is_empty()
        || !badan
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
    {
        return Err(salah());
    }
    let (bulat, pecahan) = if badan.contains(',') {
        // comma is the decimal mark; dots, if any, group thousands
        let mut it = badan.splitn(2, ',');
        let b = it.next().unwrap_or("");
        let p = it.next().unwrap_or("");
        if p.contains(',') || p.contains('.') {
            return Err(salah());
        }
        let b = if b.is_empty() {
            0
        } else {
            parse_bulat(b).map_err(|_| salah())?
        };
        (b, p)
    } else if badan.matches('.').count() > 1 {
        (parse_bulat(badan).map_err(|_| salah())?, "")
    } else if let Some((b, p)) = badan.split_once('.') {
        let b = if b.is_empty() {
            0
        } else {
            b.parse::<i64>().map_err(|_| salah())?
        };
        (b, p)
    } else {
        (badan.parse::<i64>().map_err(|_| salah())?, "")
    };
    if pecahan.len() > 12 {
        return Err(salah());
    }
    // hundredths, rounding the rest half away from zero
    let mut ratus = bulat
        .checked_mul(100)
        .ok_or_else(|| format!("'{t}' terlalu besar"))?;
    let digit: Vec<i64> = pecahan.bytes().map(|c| (c - b'0') as i64).collect();
    let besar = || format!("'{t}' terlalu besar");
    ratus = ratus
        .checked_add(digit.first().copied().unwrap_or(0) * 10 + digit.get(1).copied().unwrap_or(0))
        .ok_or_else(besar)?;
    if digit.get(2).copied().unwrap_or(0) >= 5 {
        ratus = ratus.checked_add(1).ok_or_else(besar)?;
    }
    Ok(Seratus(if negatif { -ratus } else { ratus }))
}

/// `ya`/`tidak`, `y`/`n`, `1`/`0`, `true`/`false`; empty is `tidak`.
pub fn parse_ya_tidak(teks: &str) -> Result<bool, String> {
    match teks.trim().to_lowercase().as_str() {
        "ya" | "y" | "1" | "true" | "benar" | "sudah" => Ok(true),
        "tidak" | "t" | "n" | "0" | "false" | "salah" | "belum" | "" => Ok(false),
        _ => Err(format!("'{}' harus ya atau tidak", teks.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(bagi_bulat(5, 2), 3);
        assert_eq!(bagi_bulat(-5, 2), -3);
        assert_eq!(bagi_bulat(4, 3), 1);
        assert_eq!(bagi_bulat(7, 4), 2);
        assert_eq!(persen(30, 36), Some(Seratus(8333)));
        assert_eq!(persen(2, 3), Some(Seratus(6667)));
        assert_eq!(persen(1, 8), Some(Seratus(1250)));
        // 1/16 = 6.25% exactly; 1/1600 = 0.0625% -> 0.06; 1/800 = 0.125% -> 0.13
        assert_eq!(persen(1, 800), Some(Seratus(13)));
        assert_eq!(persen(0, 0), None);
        assert_eq!(persen(5, 0), None);
        assert_eq!(persen(0, 5), Some(Seratus(0)));
    }

    #[test]
    fn formats_indonesian_style() {
        assert_eq!(format_ribuan(0), "0");
        assert_eq!(format_ribuan(999), "999");
        assert_eq!(format_ribuan(1000), "1.000");
        assert_eq!(format_ribuan(5_800_000), "5.800.000");
        assert_eq!(format_ribuan(-40_450_000), "-40.450.000");
        assert_eq!(format_rupiah(5_800_000), "Rp 5.800.000");
        assert_eq!(format_rupiah(-200_000), "-Rp 200.000");
        assert_eq!(format_desimal(Seratus(8333)), "83,33");
        assert_eq!(format_desimal(Seratus(123_450)), "1.234,50");
        assert_eq!(format_desimal(Seratus(-25)), "-0,25");
        assert_eq!(format_desimal_ringkas(Seratus(1200)), "12");
        assert_eq!(format_persen(Some(Seratus(8000))), "80,00%");
        assert_eq!(format_persen(None), "–");
    }

    #[test]
    fn reads_whole_numbers_as_offices_write_them() {
        assert_eq!(parse_bulat("1455"), Ok(1455));
        assert_eq!(parse_bulat("1.455"), Ok(1455));
        assert_eq!(parse_bulat(" 12.345.678 "), Ok(12_345_678));
        assert_eq!(parse_bulat("-20"), Ok(-20));
        for salah in ["1,5", "1.45", "12.3456", "abc", "", "1.", ".455", "--1"] {
            assert!(parse_bulat(salah).is_err(), "{salah}");
        }
        assert!(parse_bulat("99999999999999999999").is_err());
    }

    #[test]
    fn reads_rupiah() {
        assert_eq!(parse_rupiah("Rp 5.800.000"), Ok(5_800_000));
        assert_eq!(parse_rupiah("Rp5.800.000,00"), Ok(5_800_000));
        assert_eq!(parse_rupiah("100000"), Ok(100_000));
        assert!(parse_rupiah("Rp 5,8 juta").is_err());
    }

    #[test]
    fn reads_decimals_with_comma_or_dot() {
        let kasus = [
            ("5,88", 588),
            ("5.88", 588),
            ("723", 72_300),
            ("1.234,5", 123_450),
            ("0,125", 13),
            ("0,124", 12),
            ("-1,5", -150),
            (",5", 50),
            ("1.234.567", 123_456_700),
        ];
        for (teks, harap) in kasus {
            assert_eq!(parse_desimal(teks), Ok(Seratus(harap)), "{teks}");
        }
        for salah in ["5,8,8", "abc", "", "1,2.3", "1e5"] {
            assert!(parse_desimal(salah).is_err(), "{salah}");
        }
    }

    #[test]
    fn reads_yes_and_no() {
        for ya in ["ya", "Y", "1", "true", "YA"] {
            assert_eq!(parse_ya_tidak(ya), Ok(true), "{ya}");
        }
        for tidak in ["tidak", "n", "0", "false", ""] {
            assert_eq!(parse_ya_tidak(tidak), Ok(false), "{tidak}");
        }
        assert!(parse_ya_tidak("mungkin").is_err());
    }
}

#[cfg(test)]
mod sifat {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// No text makes a number reader panic.
        #[test]
        fn number_readers_never_panic(t in any::<String>()) {
            let _ = parse_bulat(&t);
            let _ = parse_desimal(&t);
            let _ = parse_rupiah(&t);
            let _ = parse_ya_tidak(&t);
        }

        /// Text made of digits, dots, commas and signs, where the edge cases are.
        #[test]
        fn number_like_text_never_panics(t in "[-+ Rp0-9.,]{0,30}") {
            let _ = parse_bulat(&t);
            let _ = parse_desimal(&t);
            let _ = parse_rupiah(&t);
        }

        /// `1.455` reads back as 1455, for every whole number.
        #[test]
        fn thousands_read_back(n in any::<i64>()) {
            prop_assert_eq!(parse_bulat(&format_ribuan(n)), Ok(n));
        }

        /// `Rp 5.800.000` and `-Rp 200.000` read back.
        #[test]
        fn rupiah_reads_back(n in (i64::MIN + 1)..=i64::MAX) {
            prop_assert_eq!(parse_rupiah(&format_rupiah(n)), Ok(n));
        }

        /// `1.234,50` and `12` read back as the same hundredths.
        #[test]
        fn decimals_read_back(n in (i64::MIN + 1)..=i64::MAX) {
            prop_assert_eq!(parse_desimal(&format_desimal(Seratus(n))), Ok(Seratus(n)));
            prop_assert_eq!(parse_desimal(&format_desimal_ringkas(Seratus(n))), Ok(Seratus(n)));
        }
    }

    #[test]
    fn the_largest_numbers_are_refused_not_overflowed() {
        assert!(parse_desimal("92233720368547758,99").is_err());
        assert!(parse_desimal("92233720368547758.999").is_err());
        assert_eq!(parse_bulat("-9.223.372.036.854.775.808"), Ok(i64::MIN));
        assert!(parse_bulat("9.223.372.036.854.775.808").is_err());
        assert_eq!(parse_rupiah("-Rp 200.000"), Ok(-200_000));
    }
}
