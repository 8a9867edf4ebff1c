//! Header names as offices write them: `Laki-laki`, `Jumlah Penduduk`, `Luas (km2)`,
//! `Kode Desa`. Case, spaces, hyphens, dots and a unit in parentheses do not matter, a short
//! list of well-known synonyms is understood, and a name that still matches nothing gets the
//! closest known column in its message.

/// The header name in the importers' form: lower case, words joined by `_`.
/// `Luas (km2)` → `luas_km2`, `Laki-laki` → `laki_laki`, `U 1` → `u1`.
pub fn normal(nama: &str) -> String {
    let mut s = String::with_capacity(nama.len());
    for c in nama.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('_') {
            s.push('_');
        }
    }
    let s = s.trim_matches('_').to_string();
    // `u_1` … `u_9` (from `U 1`, `U-1`, `U.1`) are the IKM elements `u1` … `u9`
    match s.strip_prefix("u_") {
        Some(d) if d.len() == 1 && d.chars().all(|c| c.is_ascii_digit()) => format!("u{d}"),
        _ => s,
    }
}

/// The name with a part in parentheses left out: `Jumlah Penduduk (jiwa)` → `jumlah_penduduk`.
fn tanpa_kurung(nama: &str) -> Option<String> {
    let buka = nama.find('(')?;
    let tutup = nama[buka..]
        .find(')')
        .map(|i| buka + i + 1)
        .unwrap_or(nama.len());
    let sisa = format!("{} {}", &nama[..buka], &nama[tutup..]);
    let n = normal(&sisa);
    (!n.is_empty()).then_some(n)
}

/// Well-known names for the columns (`sinonim`, `kolom`). A synonym is used only where its
/// column is one the import knows and the name is not itself a known column (in the document
/// import `kode_desa` is the column itself; in the desa import it is `kode`).
const SINONIM: &[(&str, &str)] = &[
    // desa
    ("kode_desa", "kode"),
    ("kode_wilayah", "kode"),
    ("kode_kemendagri", "kode"),
    ("nama_desa", "nama"),
    ("desa", "nama"),
    ("desa_kelurahan", "nama"),
    ("nama_desa_kelurahan", "nama"),
    ("nama_kecamatan", "kecamatan"),
    ("nama_kabupaten", "kabupaten"),
    ("kabupaten_kota", "kabupaten"),
    ("luas", "luas_km2"),
    ("luas_wilayah", "luas_km2"),
    ("luas_wilayah_km2", "luas_km2"),
    ("jumlah_dusun", "dusun"),
    ("jumlah_rw", "rw"),
    ("jumlah_rt", "rt"),
    ("laki", "laki_laki"),
    ("pria", "laki_laki"),
    ("lk", "laki_laki"),
    ("penduduk_laki_laki", "laki_laki"),
    ("jumlah_laki_laki", "laki_laki"),
    ("wanita", "perempuan"),
    ("pr", "perempuan"),
    ("penduduk_perempuan", "perempuan"),
    ("jumlah_perempuan", "perempuan"),
    ("jumlah_rumah_tangga", "rumah_tangga"),
    ("ruta", "rumah_tangga"),
    ("jumlah_ruta", "rumah_tangga"),
    ("penduduk", "jumlah_penduduk"),
    ("jml_penduduk", "jumlah_penduduk"),
    ("total_penduduk", "jumlah_penduduk"),
    // dokumen
    ("kode", "kode_desa"),
    ("dokumen", "jenis"),
    ("jenis_dokumen", "jenis"),
    ("ta", "tahun_anggaran"),
    ("tahun", "tahun_anggaran"),
    ("tgl", "tanggal"),
    ("tanggal_penetapan", "tanggal"),
    ("tanggal_ditetapkan", "tanggal"),
    ("tanggal_diserahkan", "tanggal"),
    ("tgl_perdes", "tanggal"),
    ("tanggal_perdes", "tanggal"),
    ("tgl_penetapan", "tanggal"),
    ("no", "nomor"),
    ("nomor_perdes", "nomor"),
    ("no_perdes", "nomor"),
    ("ket", "keterangan"),
    ("catatan", "keterangan"),
    // fasilitasi
    ("kode_jenis", "jenis"),
    ("kecamatan", "kode_kecamatan"),
    ("tindak_lanjut", "ditindaklanjuti"),
    ("ditindak_lanjuti", "ditindaklanjuti"),
    ("sudah_ditindaklanjuti", "ditindaklanjuti"),
    // ikm
    ("tahun_survei", "tahun"),
    // hari libur
    ("nama_libur", "nama"),
    ("hari_libur", "nama"),
    ("nama_hari_libur", "nama"),
    ("jenis_libur", "jenis"),
    ("dasar_hukum", "dasar"),
    ("sumber", "dasar"),
    ("skb", "dasar"),
];

/// The known column `nama` stands for, if any.
pub fn cocokkan<'a>(nama: &str, dikenal: &[&'a str]) -> Option<&'a str> {
    let kenal = |n: &str| dikenal.iter().copied().find(|k| *k == n);
    let mut calon = vec![normal(nama)];
    calon.extend(tanpa_kurung(nama));
    if let Some(k) = calon.iter().find_map(|n| kenal(n)) {
        return Some(k);
    }
    calon.iter().find_map(|n| {
        SINONIM
            .iter()
            .filter(|(s, _)| s == n)
            .find_map(|(_, k)| kenal(k))
    })
}

/// The known column closest to an unknown name (edit distance on the normal form), when it is
/// close enough to be a likely typo or variant.
pub fn terdekat<'a>(nama: &str, dikenal: &[&'a str]) -> Option<&'a str> {
    let n = normal(nama);
    let mut terbaik: Option<(usize, &str)> = None;
    let kandidat = dikenal.iter().map(|k| (*k, *k)).chain(
        SINONIM
            .iter()
            .filter_map(|(s, k)| dikenal.iter().find(|d| *d == k).map(|d| (*s, *d))),
    );
    for (bentuk, kolom) in kandidat {
        let jarak = jarak_sunting(&n, bentuk);
        if terbaik.is_none_or(|(j, _)| jarak < j) {
            terbaik = Some((jarak, kolom));
        }
    }
    let (jarak, kolom) = terbaik?;
    let batas = (n.chars().count() / 4).max(2);
    (jarak <= batas).then_some(kolom)
}

/// Levenshtein distance, by characters.
fn jarak_sunting(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut baris: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut kiri_atas = baris[0];
        baris[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let atas = baris[j + 1];
            baris[j + 1] = if ca == *cb {
                kiri_atas
            } else {
                1 + kiri_atas.min(atas).min(baris[j])
            };
            kiri_atas = atas;
        }
    }
    baris[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESA: &[&str] = &[
        "kode",
        "nama",
        "kecamatan",
        "kabupaten",
        "luas_km2",
        "dusun",
        "rw",
        "rt",
        "laki_laki",
        "perempuan",
        "rumah_tangga",
        "jumlah_penduduk",
    ];
    const DOKUMEN: &[&str] = &[
        "kode_desa",
        "jenis",
        "tahun_anggaran",
        "tanggal",
        "nomor",
        "keterangan",
    ];

    #[test]
    fn office_headers_match_their_columns() {
        for (judul, kolom) in [
            ("Laki-laki", "laki_laki"),
            ("Jumlah Penduduk", "jumlah_penduduk"),
            ("Rumah Tangga", "rumah_tangga"),
            ("Luas (km2)", "luas_km2"),
            ("LUAS (Km²)", "luas_km2"),
            ("Jumlah Penduduk (jiwa)", "jumlah_penduduk"),
            ("  Kode  ", "kode"),
            ("Kode Desa", "kode"),
            ("Nama Desa", "nama"),
            ("Desa/Kelurahan", "nama"),
            ("Jumlah RT", "rt"),
        ] {
            assert_eq!(cocokkan(judul, DESA), Some(kolom), "{judul}");
        }
        // a single letter is too short to guess
        assert_eq!(cocokkan("L", DESA), None);
        assert_eq!(cocokkan("Kode Desa", DOKUMEN), Some("kode_desa"));
        assert_eq!(cocokkan("Kode", DOKUMEN), Some("kode_desa"));
        assert_eq!(cocokkan("Tahun Anggaran", DOKUMEN), Some("tahun_anggaran"));
        assert_eq!(cocokkan("TA", DOKUMEN), Some("tahun_anggaran"));
        assert_eq!(cocokkan("U 3", &["u3"]), Some("u3"));
        assert_eq!(cocokkan("u-9", &["u9"]), Some("u9"));
    }

    #[test]
    fn unknown_headers_get_the_closest_column() {
        assert_eq!(cocokkan("nmaa", DESA), None);
        assert_eq!(terdekat("nmaa", DESA), Some("nama"));
        assert_eq!(terdekat("Perempuann", DESA), Some("perempuan"));
        assert_eq!(terdekat("Jumlah Pendudk", DESA), Some("jumlah_penduduk"));
        assert_eq!(terdekat("tanggl", DOKUMEN), Some("tanggal"));
        assert_eq!(terdekat("sesuatu yang lain sama sekali", DESA), None);
        // not a different column that happens to look alike
        assert_eq!(terdekat("Nama Desa", DOKUMEN), None);
        assert_eq!(terdekat("Kecamatan", DOKUMEN), None);
    }

    #[test]
    fn distance() {
        assert_eq!(jarak_sunting("", "abc"), 3);
        assert_eq!(jarak_sunting("kitten", "sitting"), 3);
        assert_eq!(jarak_sunting("nama", "nama"), 0);
    }
}
