//! Region codes (Permendagri 58/2021) and nomenclature codes (Kepmendagri 050-5889/2021).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisWilayah {
    Kelurahan,
    Desa,
    DesaAdat,
}

impl JenisWilayah {
    pub fn label(self) -> &'static str {
        match self {
            JenisWilayah::Kelurahan => "kelurahan",
            JenisWilayah::Desa => "desa",
            JenisWilayah::DesaAdat => "desa adat",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KodeDesa {
    pub kode: String,
    pub kode_kecamatan: String,
    pub kode_kabupaten: String,
    pub jenis: JenisWilayah,
}

fn bagian_angka(bagian: &[&str], panjang: &[usize]) -> bool {
    bagian.len() == panjang.len()
        && bagian
            .iter()
            .zip(panjang)
            .all(|(b, p)| b.len() == *p && b.bytes().all(|c| c.is_ascii_digit()))
}

/// `35.08.07.2001` → kecamatan `35.08.07`, a desa (last part starts with 2).
pub fn parse_kode_desa(teks: &str) -> Result<KodeDesa, String> {
    let t = teks.trim();
    let bagian: Vec<&str> = t.split('.').collect();
    if !bagian_angka(&bagian, &[2, 2, 2, 4]) {
        return Err(format!(
            "kode desa '{t}' tidak sah: tulis PP.KK.CC.DDDD, misalnya 35.08.07.2001"
        ));
    }
    let jenis = match bagian[3].as_bytes()[0] {
        b'1' => JenisWilayah::Kelurahan,
        b'2' => JenisWilayah::Desa,
        b'3' => JenisWilayah::DesaAdat,
        _ => {
            return Err(format!(
                "kode desa '{t}' tidak sah: bagian terakhir diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)"
            ));
        }
    };
    Ok(KodeDesa {
        kode: t.to_string(),
        kode_kecamatan: bagian[..3].join("."),
        kode_kabupaten: bagian[..2].join("."),
        jenis,
    })
}

/// `35.08.07`
pub fn parse_kode_kecamatan(teks: &str) -> Result<String, String> {
    let t = teks.trim();
    let bagian: Vec<&str> = t.split('.').collect();
    if bagian_angka(&bagian, &[2, 2, 2]) {
        Ok(t.to_string())
    } else {
        Err(format!(
            "kode kecamatan '{t}' tidak sah: tulis PP.KK.CC, misalnya 35.08.07"
        ))
    }
}

/// Sub kegiatan code in the four-digit form: `7.01.06.2.01.09` → `7.01.06.2.01.0009`.
/// Both the old and the new form are accepted.
pub fn normalisasi_sub_kegiatan(teks: &str) -> Result<String, String> {
    let t = teks.trim();
    let bagian: Vec<&str> = t.split('.').collect();
    let salah = || {
        format!(
            "kode sub kegiatan '{t}' tidak sah: tulis misalnya 7.01.06.2.01.0009 atau 7.01.06.2.01.09"
        )
    };
    if bagian.len() != 6
        || bagian
            .iter()
            .any(|b| b.is_empty() || !b.bytes().all(|c| c.is_ascii_digit()))
    {
        return Err(salah());
    }
    let akhir = bagian[5];
    let akhir = match akhir.len() {
        2 => format!("00{akhir}"),
        4 => akhir.to_string(),
        _ => return Err(salah()),
    };
    Ok(format!("{}.{akhir}", bagian[..5].join(".")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desa_code_tells_its_kecamatan_and_kind() {
        let k = parse_kode_desa("35.08.07.2001").unwrap();
        assert_eq!(k.kode_kecamatan, "35.08.07");
        assert_eq!(k.kode_kabupaten, "35.08");
        assert_eq!(k.jenis, JenisWilayah::Desa);
        assert_eq!(
            parse_kode_desa("35.08.01.1003").unwrap().jenis,
            JenisWilayah::Kelurahan
        );
        assert_eq!(
            parse_kode_desa("91.01.01.3001").unwrap().jenis,
            JenisWilayah::DesaAdat
        );
    }

    #[test]
    fn bad_desa_codes_are_refused() {
        for salah in [
            "35.08.07",
            "35.8.07.2001",
            "35.08.07.4001",
            "35-08-07-2001",
            "35.08.07.200a",
            "",
        ] {
            assert!(parse_kode_desa(salah).is_err(), "{salah}");
        }
        assert!(parse_kode_kecamatan("35.08.07").is_ok());
        assert!(parse_kode_kecamatan("35.08").is_err());
    }

    #[test]
    fn sub_kegiatan_accepts_old_and_new_forms() {
        assert_eq!(
            normalisasi_sub_kegiatan("7.01.06.2.01.09").unwrap(),
            "7.01.06.2.01.0009"
        );
        assert_eq!(
            normalisasi_sub_kegiatan("7.01.06.2.01.0009").unwrap(),
            "7.01.06.2.01.0009"
        );
        assert!(normalisasi_sub_kegiatan("7.01.06.2.01.009").is_err());
        assert!(normalisasi_sub_kegiatan("7.01.06.2.01").is_err());
    }
}

#[cfg(test)]
mod sifat {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// No text makes a code reader panic.
        #[test]
        fn code_readers_never_panic(t in any::<String>()) {
            let _ = parse_kode_desa(&t);
            let _ = parse_kode_kecamatan(&t);
            let _ = normalisasi_sub_kegiatan(&t);
        }

        #[test]
        fn code_like_text_never_panics(t in "[0-9. ]{0,20}") {
            let _ = parse_kode_desa(&t);
            let _ = parse_kode_kecamatan(&t);
            let _ = normalisasi_sub_kegiatan(&t);
        }

        /// A desa code reads back as itself, and its kecamatan part is a kecamatan code; the
        /// kind follows the first digit of the last part.
        #[test]
        fn desa_codes_read_back(p in 0u32..100, k in 0u32..100, c in 0u32..100, jenis in 1u32..=3, d in 0u32..1000) {
            let kec = format!("{p:02}.{k:02}.{c:02}");
            let kode = format!("{kec}.{jenis}{d:03}");
            let x = parse_kode_desa(&kode).unwrap();
            prop_assert_eq!(&x.kode, &kode);
            prop_assert_eq!(&x.kode_kecamatan, &kec);
            prop_assert_eq!(parse_kode_kecamatan(&x.kode_kecamatan), Ok(kec));
            prop_assert_eq!(x.jenis == JenisWilayah::Kelurahan, jenis == 1);
        }

        /// The four-digit form of a sub kegiatan code is kept as it is.
        #[test]
        fn sub_kegiatan_codes_are_normalised_once(a in 0u32..10, b in 0u32..100, c in 0u32..100, e in 0u32..10, f in 0u32..100, g in 0u32..100) {
            let lama = format!("{a}.{b:02}.{c:02}.{e}.{f:02}.{g:02}");
            let baru = normalisasi_sub_kegiatan(&lama).unwrap();
            prop_assert_eq!(normalisasi_sub_kegiatan(&baru), Ok(baru.clone()));
        }
    }
}
