//! Checks on a desa's figures that people should see, without refusing the data.

/// The population total should be men + women. Returns the inconsistency in words.
pub fn periksa_penduduk(
    laki_laki: Option<i64>,
    perempuan: Option<i64>,
    jumlah: Option<i64>,
) -> Option<String> {
    let (l, p, j) = (laki_laki?, perempuan?, jumlah?);
    (l + p != j).then(|| {
        format!(
            "jumlah penduduk {} tidak sama dengan laki-laki + perempuan ({} + {} = {})",
            super::angka::format_ribuan(j),
            super::angka::format_ribuan(l),
            super::angka::format_ribuan(p),
            super::angka::format_ribuan(l + p)
        )
    })
}

/// Above this a desa's area is more likely written in hectares than in km² (seed 001 writes
/// 723 under "km²"); only a hint, since some desa outside Java are this large.
const LUAS_MENCURIGAKAN_KM2: i64 = 100;

/// A desa area that looks like hectares written as km².
pub fn periksa_luas(luas_km2: Option<super::angka::Seratus>) -> Option<String> {
    let l = luas_km2?;
    (l.0 > LUAS_MENCURIGAKAN_KM2 * 100).then(|| {
        format!(
            "luas {} km² sangat besar untuk sebuah desa; mungkin ditulis dalam hektare ({} ha = {} km²)",
            super::angka::format_desimal_ringkas(l),
            super::angka::format_desimal_ringkas(l),
            super::angka::format_desimal_ringkas(super::angka::Seratus(l.0 / 100))
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_of_723_km2_looks_like_hectares() {
        use crate::domain::angka::Seratus;
        let pesan = periksa_luas(Some(Seratus(72_300))).unwrap();
        assert!(pesan.contains("723 ha = 7,23 km²"), "{pesan}");
        assert_eq!(periksa_luas(Some(Seratus(588))), None);
        assert_eq!(periksa_luas(Some(Seratus(10_000))), None);
        assert_eq!(periksa_luas(None), None);
    }

    #[test]
    fn kalipepe_total_does_not_add_up() {
        let pesan = periksa_penduduk(Some(1272), Some(2584), Some(6038)).unwrap();
        assert!(pesan.contains("6.038"), "{pesan}");
        assert!(pesan.contains("3.856"), "{pesan}");
        assert_eq!(periksa_penduduk(Some(1455), Some(1278), Some(2733)), None);
        assert_eq!(periksa_penduduk(None, Some(1278), Some(2733)), None);
    }
}
