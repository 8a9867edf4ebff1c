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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kalipepe_total_does_not_add_up() {
        let pesan = periksa_penduduk(Some(1272), Some(2584), Some(6038)).unwrap();
        assert!(pesan.contains("6.038"), "{pesan}");
        assert!(pesan.contains("3.856"), "{pesan}");
        assert_eq!(periksa_penduduk(Some(1455), Some(1278), Some(2733)), None);
        assert_eq!(periksa_penduduk(None, Some(1278), Some(2733)), None);
    }
}
