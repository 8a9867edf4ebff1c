//! IKU 1, IKU 2 and IKM (seed 002; PermenPAN-RB 14/2017).

use super::angka::{Seratus, bagi_bulat, persen};

pub const NAMA_IKU1: &str = "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti";
pub const NAMA_IKU2: &str =
    "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu";
pub const NAMA_IKM: &str = "Nilai Indeks Kepuasan Masyarakat";

/// Number of IKM elements (unsur).
pub const JUMLAH_UNSUR: usize = 9;

/// A percentage that always shows where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Persentase {
    pub pembilang: i64,
    pub penyebut: i64,
}

impl Persentase {
    /// `None` when the denominator is 0: no value, never 0%.
    pub fn nilai(&self) -> Option<Seratus> {
        persen(self.pembilang, self.penyebut)
    }
}

/// IKU 1: followed-up activities over all activities of the year.
pub fn iku1(ditindaklanjuti: i64, semua: i64) -> Persentase {
    Persentase {
        pembilang: ditindaklanjuti,
        penyebut: semua,
    }
}

/// IKU 2: documents on time (summed over the kinds) over desa × number of kinds.
pub fn iku2(tepat_waktu_per_jenis: &[i64], jumlah_desa: i64) -> Persentase {
    Persentase {
        pembilang: tepat_waktu_per_jenis.iter().sum(),
        penyebut: jumlah_desa * tepat_waktu_per_jenis.len() as i64,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutu {
    A,
    B,
    C,
    D,
}

impl Mutu {
    pub fn huruf(self) -> &'static str {
        match self {
            Mutu::A => "A",
            Mutu::B => "B",
            Mutu::C => "C",
            Mutu::D => "D",
        }
    }
    pub fn kinerja(self) -> &'static str {
        match self {
            Mutu::A => "Sangat Baik",
            Mutu::B => "Baik",
            Mutu::C => "Kurang Baik",
            Mutu::D => "Tidak Baik",
        }
    }
}

/// Quality letter of an IKM value already rounded to two decimals.
pub fn mutu(nilai: Seratus) -> Mutu {
    match nilai.0 {
        n if n >= 8831 => Mutu::A,
        n if n >= 7661 => Mutu::B,
        n if n >= 6500 => Mutu::C,
        _ => Mutu::D,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ikm {
    pub responden: i64,
    /// NRR per element, rounded to two decimals.
    pub unsur: [Seratus; JUMLAH_UNSUR],
    pub nilai: Seratus,
    pub mutu: Mutu,
}

/// IKM from the sum of scores per element over `responden` answers.
/// IKM = 25 × Σ NRR / 9 = 2500 × Σ scores / (9 × n) hundredths, computed exactly.
/// `None` when there is no respondent.
pub fn hitung_ikm(jumlah_skor: [i64; JUMLAH_UNSUR], responden: i64) -> Option<Ikm> {
    if responden <= 0 {
        return None;
    }
    let n = responden as i128;
    let unsur = jumlah_skor.map(|s| Seratus(bagi_bulat(s as i128 * 100, n) as i64));
    let total: i128 = jumlah_skor.iter().map(|s| *s as i128).sum();
    let nilai = Seratus(bagi_bulat(total * 2500, 9 * n) as i64);
    Some(Ikm {
        responden,
        unsur,
        nilai,
        mutu: mutu(nilai),
    })
}

/// Where a KAK indicator's realisation can come from instead of being typed: the codes of the
/// `sumber` column.
pub const SUMBER: &[&str] = &["IKU1", "IKU2", "IKM"];

/// The indicator an existing KAK line names, by its wording (for the sample and for the
/// upgrade of a database whose indicators were typed before `sumber` existed): `Nilai IKM`,
/// `Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti`, `Rata-rata persentase
/// desa … dokumen … tepat waktu`. Anything else: `None` (typed by hand).
pub fn sumber_dari_uraian(uraian: &str) -> Option<&'static str> {
    let t: String = uraian
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let kata: Vec<&str> = t.split_whitespace().collect();
    let ada = |w: &str| kata.contains(&w);
    let frasa = kata.join(" ");
    if ada("ikm") || frasa.contains("kepuasan masyarakat") {
        Some("IKM")
    } else if ada("ditindaklanjuti")
        && kata
            .iter()
            .any(|w| w.starts_with("fasilitasi") || w.starts_with("koo"))
    {
        Some("IKU1")
    } else if frasa.contains("tepat waktu") && ada("dokumen") && ada("desa") {
        Some("IKU2")
    } else {
        None
    }
}

/// Achievement of a KAK indicator: realisation over target, in percent.
pub fn capaian(target: Option<Seratus>, realisasi: Option<Seratus>) -> Option<Seratus> {
    match (target, realisasi) {
        (Some(t), Some(r)) if t.0 != 0 => persen(r.0, t.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iku_with_a_zero_denominator_has_no_value() {
        assert_eq!(iku1(0, 0).nilai(), None);
        assert_eq!(iku2(&[0, 0, 0], 0).nilai(), None);
        assert_eq!(iku1(40, 50).nilai(), Some(Seratus(8000)));
    }

    #[test]
    fn iku2_averages_the_three_documents() {
        let p = iku2(&[10, 11, 9], 12);
        assert_eq!((p.pembilang, p.penyebut), (30, 36));
        assert_eq!(p.nilai(), Some(Seratus(8333)));
    }

    #[test]
    fn ikm_quality_on_the_interval_boundaries() {
        let kasus = [
            (10000, Mutu::A),
            (8831, Mutu::A),
            (8830, Mutu::B),
            (7661, Mutu::B),
            (7660, Mutu::C),
            (6500, Mutu::C),
            (6499, Mutu::D),
            (2500, Mutu::D),
        ];
        for (nilai, harap) in kasus {
            assert_eq!(mutu(Seratus(nilai)), harap, "{nilai}");
        }
        assert_eq!(Mutu::B.kinerja(), "Baik");
        assert_eq!(Mutu::C.kinerja(), "Kurang Baik");
    }

    #[test]
    fn ikm_of_uniform_answers() {
        let semua4 = hitung_ikm([4 * 10; 9], 10).unwrap();
        assert_eq!(semua4.nilai, Seratus(10000));
        assert_eq!(semua4.mutu, Mutu::A);
        let semua1 = hitung_ikm([10; 9], 10).unwrap();
        assert_eq!(semua1.nilai, Seratus(2500));
        assert_eq!(semua1.mutu, Mutu::D);
        assert_eq!(hitung_ikm([0; 9], 0), None);
    }

    #[test]
    fn ikm_rounds_the_exact_value_not_the_rounded_nrr() {
        // 3 respondents: sums per element 10 → NRR 3,33; Σ = 90 → 2500·90/27 = 8333,33…
        let ikm = hitung_ikm([10; 9], 3).unwrap();
        assert_eq!(ikm.unsur[0], Seratus(333));
        assert_eq!(ikm.nilai, Seratus(8333));
        assert_eq!(ikm.mutu, Mutu::B);
        // Σ = 318 over 10 respondents: 2500·318/90 = 8833,33 → 88,33 → A
        let mut skor = [35; 9];
        skor[0] = 38;
        let ikm = hitung_ikm(skor, 10).unwrap();
        assert_eq!(ikm.nilai, Seratus(8833));
        assert_eq!(ikm.mutu, Mutu::A);
    }

    #[test]
    fn indicator_source_by_its_wording() {
        assert_eq!(sumber_dari_uraian("Nilai IKM"), Some("IKM"));
        assert_eq!(sumber_dari_uraian(NAMA_IKM), Some("IKM"));
        assert_eq!(
            sumber_dari_uraian("Persentase hasil fasilitasi dan kooordinasi yang ditindaklanjuti"),
            Some("IKU1")
        );
        assert_eq!(sumber_dari_uraian(NAMA_IKU1), Some("IKU1"));
        assert_eq!(
            sumber_dari_uraian(
                "Rata - rata persentase desa yang menyusun dokumen administrasi pemerintahan desa yang tepat waktu"
            ),
            Some("IKU2")
        );
        assert_eq!(sumber_dari_uraian(NAMA_IKU2), Some("IKU2"));
        assert_eq!(
            sumber_dari_uraian("Persentase desa yang terpantau upaya pembangunan"),
            None
        );
        assert_eq!(
            sumber_dari_uraian("Bantuan sosial yang tepat sasaran"),
            None
        );
        assert_eq!(sumber_dari_uraian("Jumlah peserta pelatihan komik"), None);
    }

    #[test]
    fn achievement_of_a_kak_indicator() {
        assert_eq!(
            capaian(Some(Seratus(1200)), Some(Seratus(900))),
            Some(Seratus(7500))
        );
        assert_eq!(capaian(Some(Seratus(0)), Some(Seratus(900))), None);
        assert_eq!(capaian(None, Some(Seratus(900))), None);
    }
}
