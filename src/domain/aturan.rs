//! Deadline rules as data (issue 12): every kind of document the office watches has a rule
//! of one of two shapes — a fixed day relative to the fiscal year (RKPDes, APBDes, LPPDes as
//! before), or N calendar days, months or working days after an event recorded for that
//! desa and year (the BPD's agreement on the APBDes draft, the draft's receipt, the
//! evaluation's result, a kepala desa's inauguration). Who must act is part of the rule: the
//! desa, or the camat (the office's own task). The shipped rules are `data/aturan_tenggat.csv`.

use chrono::{Datelike, NaiveDate};

use super::kalender::{Kalender, bulan_setelah, hari_setelah};
use super::tenggat::AturanTenggat;

/// The result of the camat's evaluation of an APBDes draft (Permendagri 20/2018 Pasal 35
/// ayat (4) and (5)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HasilEvaluasi {
    Sesuai,
    PerluPerbaikan,
}

impl HasilEvaluasi {
    pub const SEMUA: [HasilEvaluasi; 2] = [HasilEvaluasi::Sesuai, HasilEvaluasi::PerluPerbaikan];

    pub fn kode(self) -> &'static str {
        match self {
            HasilEvaluasi::Sesuai => "sesuai",
            HasilEvaluasi::PerluPerbaikan => "perlu_perbaikan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HasilEvaluasi::Sesuai => "sesuai",
            HasilEvaluasi::PerluPerbaikan => "perlu perbaikan",
        }
    }

    /// `sesuai`, `perlu perbaikan` / `perlu_perbaikan` / `perbaikan`, in any case.
    pub fn dari_teks(teks: &str) -> Option<HasilEvaluasi> {
        let k: String = teks
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        match k.as_str() {
            "sesuai" => Some(HasilEvaluasi::Sesuai),
            "perlu_perbaikan" | "perbaikan" | "tidak_sesuai" => Some(HasilEvaluasi::PerluPerbaikan),
            _ => None,
        }
    }
}

/// An event a deadline counts from, recorded per desa and fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Peristiwa {
    /// A kepala desa is inaugurated in the fiscal year (the desa's `kepala_desa` entries).
    Pelantikan,
    /// The date recorded for another kind of document of the same desa and fiscal year: the
    /// BPD's agreement (`SepakatBPD`), the draft's receipt (`RAPBDes`), the evaluation
    /// (`EvalAPBDes`). With `hasil`, only an entry with that result counts (the corrected
    /// draft is due only after an evaluation that asks for corrections).
    Jenis {
        kode: String,
        hasil: Option<HasilEvaluasi>,
    },
}

impl Peristiwa {
    /// As written in a rules file: `pelantikan`, `RAPBDes`, `EvalAPBDes/perlu_perbaikan`.
    pub fn kode(&self) -> String {
        match self {
            Peristiwa::Pelantikan => "pelantikan".into(),
            Peristiwa::Jenis { kode, hasil: None } => kode.clone(),
            Peristiwa::Jenis {
                kode,
                hasil: Some(h),
            } => format!("{kode}/{}", h.kode()),
        }
    }

    pub fn dari_kode(teks: &str) -> Option<Peristiwa> {
        let t = teks.trim();
        if t.eq_ignore_ascii_case("pelantikan") {
            return Some(Peristiwa::Pelantikan);
        }
        let (kode, hasil) = match t.split_once('/') {
            Some((k, h)) => (k.trim(), Some(HasilEvaluasi::dari_teks(h)?)),
            None => (t, None),
        };
        let sah = !kode.is_empty()
            && kode.len() <= 20
            && kode.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        sah.then(|| Peristiwa::Jenis {
            kode: kode.to_string(),
            hasil,
        })
    }

    /// For people: "pelantikan kepala desa", "RAPBDes tercatat", "EvalAPBDes tercatat
    /// (perlu perbaikan)".
    pub fn uraian(&self) -> String {
        match self {
            Peristiwa::Pelantikan => "pelantikan kepala desa".into(),
            Peristiwa::Jenis { kode, hasil: None } => format!("{kode} tercatat"),
            Peristiwa::Jenis {
                kode,
                hasil: Some(h),
            } => format!("{kode} tercatat dengan hasil {}", h.label()),
        }
    }
}

/// The unit a count after an event is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Satuan {
    Hari,
    Bulan,
    HariKerja,
}

impl Satuan {
    pub fn kode(self) -> &'static str {
        match self {
            Satuan::Hari => "hari",
            Satuan::Bulan => "bulan",
            Satuan::HariKerja => "hari_kerja",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Satuan::Hari => "hari",
            Satuan::Bulan => "bulan",
            Satuan::HariKerja => "hari kerja",
        }
    }

    pub fn dari_kode(kode: &str) -> Option<Satuan> {
        match kode.trim() {
            "hari" => Some(Satuan::Hari),
            "bulan" => Some(Satuan::Bulan),
            "hari_kerja" => Some(Satuan::HariKerja),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bentuk {
    /// A fixed day relative to the fiscal year.
    Tetap(AturanTenggat),
    /// `jumlah` units after the event.
    Setelah {
        peristiwa: Peristiwa,
        jumlah: u32,
        satuan: Satuan,
    },
}

/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pelaku {
    Desa,
    /// The office's own task (the evaluation the Bupati delegates to the camat).
    Camat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aturan {
    pub kode: String,
    pub nama: String,
    pub pelaku: Pelaku,
    /// Counts in IKU 2 (only RKPDes, APBDes and LPPDes).
    pub iku2: bool,
    pub bentuk: Bentuk,
    pub dasar: String,
}

impl Pelaku {
    pub fn kode(self) -> &'static str {
        match self {
            Pelaku::Desa => "desa",
            Pelaku::Camat => "camat",
        }
    }

    pub fn dari_kode(teks: &str) -> Option<Pelaku> {
        match teks.trim().to_lowercase().as_str() {
            "desa" => Some(Pelaku::Desa),
            "camat" | "kecamatan" | "kantor" => Some(Pelaku::Camat),
            _ => None,
        }
    }
}

impl Bentuk {
    /// The rule in words: "30/09 tahun anggaran − 1", "20 hari kerja sesudah RAPBDes
    /// tercatat".
    pub fn uraian(&self) -> String {
        match self {
            Bentuk::Tetap(a) => {
                let tahun = match a.geser_tahun {
                    0 => "tahun anggaran".to_string(),
                    g if g > 0 => format!("tahun anggaran + {g}"),
                    g => format!("tahun anggaran − {}", -g),
                };
                format!("paling lambat {:02}/{:02} {tahun}", a.hari, a.bulan)
            }
            Bentuk::Setelah {
                peristiwa,
                jumlah,
                satuan,
            } => format!(
                "paling lambat {jumlah} {} sesudah {}",
                satuan.label(),
                peristiwa.uraian()
            ),
        }
    }

    /// The rule as a sentence for people and letters: "Paling lambat 31 Oktober tahun
    /// sebelum tahun anggaran", "Paling lambat 20 hari kerja sesudah RAPBDes tercatat".
    pub fn keterangan(&self) -> String {
        match self {
            Bentuk::Tetap(a) => {
                let tahun = match a.geser_tahun {
                    0 => "tahun anggaran berjalan".to_string(),
                    -1 => "tahun sebelum tahun anggaran".to_string(),
                    1 => "tahun sesudah tahun anggaran".to_string(),
                    g if g > 1 => format!("{g} tahun sesudah tahun anggaran"),
                    g => format!("{} tahun sebelum tahun anggaran", -g),
                };
                format!(
                    "Paling lambat {} {} {tahun}",
                    a.hari,
                    super::tanggal::nama_bulan(a.bulan)
                )
            }
            Bentuk::Setelah { .. } => {
                let u = self.uraian();
                let mut c = u.chars();
                match c.next() {
                    Some(h) => h.to_uppercase().chain(c).collect(),
                    None => u,
                }
            }
        }
    }

    pub fn tetap(&self) -> Option<AturanTenggat> {
        match self {
            Bentuk::Tetap(a) => Some(*a),
            Bentuk::Setelah { .. } => None,
        }
    }

    /// The deadline for fiscal year `ta`, given the date of the event when the rule counts
    /// from one (`None`: not recorded yet, so nothing is due), and whether a count in
    /// working days went through a year the calendar has no days off for (an estimate).
    pub fn tenggat(
        &self,
        ta: i32,
        peristiwa: Option<NaiveDate>,
        kalender: &Kalender,
    ) -> Option<(NaiveDate, bool)> {
        match self {
            Bentuk::Tetap(a) => Some((a.tenggat(ta), false)),
            Bentuk::Setelah { jumlah, satuan, .. } => {
                let t = peristiwa?;
                let hasil = match satuan {
                    Satuan::Hari => hari_setelah(t, *jumlah),
                    Satuan::Bulan => bulan_setelah(t, *jumlah),
                    Satuan::HariKerja => kalender.hari_kerja_setelah(t, *jumlah),
                }?;
                let perkiraan = *satuan == Satuan::HariKerja
                    && (t.year()..=hasil.year()).any(|y| !kalender.mencakup(y));
                Some((hasil, perkiraan))
            }
        }
    }
}

impl Aturan {
    /// The deadline for fiscal year `ta`: the fixed day, or the count after the event as
    /// `peristiwa` finds it recorded (`None`: not recorded yet, so nothing is due).
    pub fn tenggat(
        &self,
        ta: i32,
        peristiwa: impl Fn(&Peristiwa) -> Option<NaiveDate>,
        kalender: &Kalender,
    ) -> Option<NaiveDate> {
        let t = match &self.bentuk {
            Bentuk::Setelah { peristiwa: p, .. } => peristiwa(p),
            Bentuk::Tetap(_) => None,
        };
        self.bentuk.tenggat(ta, t, kalender).map(|(t, _)| t)
    }
}

/// Reads rules in the shape of `data/aturan_tenggat.csv` (`#` lines are comments); every
/// problem as `LINE: reason`.
pub fn baca(teks: &str) -> Result<Vec<Aturan>, Vec<String>> {
    let mut hasil = Vec::new();
    let mut galat = Vec::new();
    let mut judul = false;
    for (i, baris) in teks.lines().enumerate() {
        let nomor = i + 1;
        if baris.trim().is_empty() || baris.starts_with('#') {
            continue;
        }
        if !judul {
            judul = true;
            let kolom: Vec<String> = baris
                .split(';')
                .map(|k| k.trim().trim_start_matches('\u{feff}').to_lowercase())
                .collect();
            if kolom.join(";") != JUDUL {
                galat.push(format!("{nomor}: baris judul harus: {JUDUL}"));
                return Err(galat);
            }
            continue;
        }
        let mentah: Vec<&str> = baris.split(';').collect();
        let k: Vec<&str> = mentah.iter().map(|x| x.trim()).collect();
        if k.len() < 12 {
            galat.push(format!("{nomor}: {} kolom, harus 12", k.len()));
            continue;
        }
        // the legal basis may itself hold `;`
        let dasar = mentah[11..].join(";");
        let mut alasan = Vec::new();
        let pelaku = match k[2] {
            "desa" => Some(Pelaku::Desa),
            "camat" => Some(Pelaku::Camat),
            lain => {
                alasan.push(format!("pelaku '{lain}' bukan desa atau camat"));
                None
            }
        };
        let iku2 = k[3] == "1";
        let angka = |s: &str, nama: &str, alasan: &mut Vec<String>| -> Option<i64> {
            s.trim()
                .parse::<i64>()
                .map_err(|_| alasan.push(format!("{nama} '{s}' bukan bilangan")))
                .ok()
        };
        let bentuk = match k[4] {
            "tetap" => {
                let g = angka(k[5], "geser_tahun", &mut alasan);
                let b = angka(k[6], "bulan", &mut alasan);
                let h = angka(k[7], "hari", &mut alasan);
                match (g, b, h) {
                    (Some(g), Some(b), Some(h)) => {
                        let a = AturanTenggat {
                            geser_tahun: g as i32,
                            bulan: b.clamp(0, 99) as u32,
                            hari: h.clamp(0, 99) as u32,
                        };
                        if let Err(e) = a.periksa() {
                            alasan.push(e);
                        }
                        Some(Bentuk::Tetap(a))
                    }
                    _ => None,
                }
            }
            "setelah" => {
                let p = Peristiwa::dari_kode(k[8]);
                match &p {
                    None => alasan.push(format!(
                        "peristiwa '{}' bukan pelantikan atau kode jenis dokumen (RAPBDes, EvalAPBDes/perlu_perbaikan)",
                        k[8]
                    )),
                    Some(Peristiwa::Jenis { kode, .. }) if kode == k[0].trim() => {
                        alasan.push(format!("{kode} tidak bisa dihitung dari dirinya sendiri"))
                    }
                    _ => {}
                }
                let s = Satuan::dari_kode(k[10]);
                if s.is_none() {
                    alasan.push(format!(
                        "satuan '{}' bukan hari, bulan atau hari_kerja",
                        k[10]
                    ));
                }
                let n = angka(k[9], "jumlah", &mut alasan);
                match (p, n, s) {
                    (Some(p), Some(n), Some(s)) if (0..=366).contains(&n) => {
                        Some(Bentuk::Setelah {
                            peristiwa: p,
                            jumlah: n as u32,
                            satuan: s,
                        })
                    }
                    (_, Some(n), _) if !(0..=366).contains(&n) => {
                        alasan.push(format!("jumlah {n} di luar 0–366"));
                        None
                    }
                    _ => None,
                }
            }
            lain => {
                alasan.push(format!("bentuk '{lain}' bukan tetap atau setelah"));
                None
            }
        };
        if k[0].trim().is_empty() || k[1].trim().is_empty() {
            alasan.push("kode dan nama wajib diisi".into());
        }
        match (alasan.is_empty(), pelaku, bentuk) {
            (true, Some(pelaku), Some(bentuk)) => hasil.push(Aturan {
                kode: k[0].trim().to_string(),
                nama: k[1].trim().to_string(),
                pelaku,
                iku2,
                bentuk,
                dasar: dasar.trim().to_string(),
            }),
            _ => galat.push(format!("{nomor}: {}", alasan.join("; "))),
        }
    }
    if galat.is_empty() {
        Ok(hasil)
    } else {
        Err(galat)
    }
}

/// The header line of a rules file.
pub const JUDUL: &str =
    "kode;nama;pelaku;iku2;bentuk;geser_tahun;bulan;hari;peristiwa;jumlah;satuan;dasar";

/// Rules in the shape `baca` reads (a kabupaten edits the file and applies it).
pub fn tulis(aturan: &[Aturan]) -> String {
    let mut s = format!("{JUDUL}\n");
    for a in aturan {
        let bentuk = match &a.bentuk {
            Bentuk::Tetap(t) => format!("tetap;{};{};{};;;", t.geser_tahun, t.bulan, t.hari),
            Bentuk::Setelah {
                peristiwa,
                jumlah,
                satuan,
            } => format!("setelah;;;;{};{jumlah};{}", peristiwa.kode(), satuan.kode()),
        };
        // a line break in a stored text would break the line
        let bersih = |t: &str| t.replace(['\n', '\r'], " ");
        s.push_str(&format!(
            "{};{};{};{};{bentuk};{}\n",
            a.kode,
            bersih(&a.nama).replace(';', ","),
            a.pelaku.kode(),
            u8::from(a.iku2),
            bersih(&a.dasar)
        ));
    }
    s
}

/// The shipped rules.
pub fn bawaan() -> Vec<Aturan> {
    baca(include_str!("../../data/aturan_tenggat.csv")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kalender::{HariLibur, JenisLibur};

    fn t(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn aturan(kode: &str) -> Aturan {
        bawaan().into_iter().find(|a| a.kode == kode).unwrap()
    }

    #[test]
    fn the_shipped_rules_read_and_keep_the_three_of_today() {
        let semua = bawaan();
        assert_eq!(
            baca(include_str!("../../data/aturan_tenggat.csv")).map(|v| v.len()),
            Ok(10)
        );
        let iku2: Vec<&str> = semua
            .iter()
            .filter(|a| a.iku2)
            .map(|a| a.kode.as_str())
            .collect();
        assert_eq!(
            iku2,
            ["RKPDes", "APBDes", "LPPDes"],
            "only these count in IKU 2"
        );
        assert_eq!(
            aturan("RKPDes").bentuk,
            Bentuk::Tetap(AturanTenggat::RKPDES)
        );
        assert_eq!(
            aturan("APBDes").bentuk,
            Bentuk::Tetap(AturanTenggat::APBDES)
        );
        assert_eq!(
            aturan("LPPDes").bentuk,
            Bentuk::Tetap(AturanTenggat::LPPDES)
        );
        assert_eq!(aturan("EvalAPBDes").pelaku, Pelaku::Camat);
    }

    #[test]
    fn deadlines_after_an_event_count_days_months_or_working_days() {
        let kal = Kalender::new([HariLibur {
            tanggal: t(2026, 12, 25),
            nama: "Hari Raya Natal".into(),
            jenis: JenisLibur::LiburNasional,
            dasar: String::new(),
        }]);
        let tidak = |_: &Peristiwa| None;
        // nothing recorded: nothing due
        assert_eq!(aturan("EvalAPBDes").tenggat(2027, tidak, &kal), None);
        // the draft received on Friday 11/12/2026: 20 working days, Christmas skipped
        let jenis = |kode: &str, t: NaiveDate| {
            let kode = kode.to_string();
            move |p: &Peristiwa| {
                matches!(p, Peristiwa::Jenis { kode: k, .. } if *k == kode).then_some(t)
            }
        };
        assert_eq!(
            aturan("EvalAPBDes").tenggat(2027, jenis("RAPBDes", t(2026, 12, 11)), &kal),
            Some(t(2027, 1, 11))
        );
        // 3 calendar days after the BPD's agreement
        assert_eq!(
            aturan("RAPBDes").tenggat(2027, jenis("SepakatBPD", t(2026, 10, 30)), &kal),
            Some(t(2026, 11, 2))
        );
        // the correction counts from an evaluation asking for one
        assert_eq!(
            aturan("PerbRAPBDes").bentuk,
            Bentuk::Setelah {
                peristiwa: Peristiwa::Jenis {
                    kode: "EvalAPBDes".into(),
                    hasil: Some(HasilEvaluasi::PerluPerbaikan)
                },
                jumlah: 20,
                satuan: Satuan::HariKerja
            }
        );
        // 3 months after an inauguration on 30/11: the month's end
        let dilantik = |p: &Peristiwa| (*p == Peristiwa::Pelantikan).then(|| t(2025, 11, 30));
        assert_eq!(
            aturan("RPJMDes").tenggat(2026, dilantik, &kal),
            Some(t(2026, 2, 28))
        );
        // fixed days
        assert_eq!(
            aturan("LPJAPBDes").tenggat(2026, tidak, &kal),
            Some(t(2027, 3, 31))
        );
        assert_eq!(
            aturan("LapSemI").tenggat(2026, tidak, &kal),
            Some(t(2026, 7, 14))
        );
    }

    #[test]
    fn an_estimate_is_flagged_when_working_days_cross_a_year_without_days_off() {
        let kal = Kalender::new([HariLibur {
            tanggal: t(2026, 12, 25),
            nama: "Hari Raya Natal".into(),
            jenis: JenisLibur::LiburNasional,
            dasar: String::new(),
        }]);
        let b = aturan("EvalAPBDes").bentuk;
        assert_eq!(
            b.tenggat(2027, Some(t(2026, 11, 2)), &kal),
            Some((t(2026, 11, 30), false))
        );
        assert_eq!(
            b.tenggat(2027, Some(t(2026, 12, 11)), &kal),
            Some((t(2027, 1, 11), true)),
            "2027 has no days off in this calendar"
        );
        assert_eq!(
            b.uraian(),
            "paling lambat 20 hari kerja sesudah RAPBDes tercatat"
        );
        assert_eq!(
            aturan("RKPDes").bentuk.uraian(),
            "paling lambat 30/09 tahun anggaran − 1"
        );
    }

    #[test]
    fn written_rules_read_back_the_same() {
        let semua = bawaan();
        assert_eq!(baca(&tulis(&semua)), Ok(semua));
    }

    #[test]
    fn a_bad_rule_is_refused_with_its_line() {
        let teks = "kode;nama;pelaku;iku2;bentuk;geser_tahun;bulan;hari;peristiwa;jumlah;satuan;dasar\n\
                    X;Satu;lurah;0;tetap;0;13;1;;;;\n\
                    Y;Dua;desa;0;setelah;;;;panen/x;3;minggu;\n";
        let g = baca(teks).unwrap_err();
        assert!(
            g[0].starts_with("2: pelaku 'lurah'") && g[0].contains("bulan 13"),
            "{g:?}"
        );
        assert!(
            g[1].starts_with("3: peristiwa 'panen/x'") && g[1].contains("satuan 'minggu'"),
            "{g:?}"
        );
        let sendiri = "kode;nama;pelaku;iku2;bentuk;geser_tahun;bulan;hari;peristiwa;jumlah;satuan;dasar\n\
                       Z;Tiga;camat;0;setelah;;;;Z;3;hari;\n";
        assert_eq!(
            baca(sendiri),
            Err(vec![
                "2: Z tidak bisa dihitung dari dirinya sendiri".to_string()
            ])
        );
    }

    /// The shipped file and the store's reference data (`data/jenis_dokumen.csv`) agree on
    /// the three documents of today, so nothing changes when the store moves to this file.
    #[test]
    fn the_three_documents_agree_with_the_stores_reference_data() {
        let jenis = include_str!("../../data/jenis_dokumen.csv");
        for baris in jenis.lines().skip(1) {
            let k: Vec<&str> = baris.split(',').collect();
            let a = aturan(k[0]);
            let tetap = AturanTenggat {
                geser_tahun: k[3].parse().unwrap(),
                bulan: k[4].parse().unwrap(),
                hari: k[5].parse().unwrap(),
            };
            assert_eq!(a.bentuk, Bentuk::Tetap(tetap), "{}", k[0]);
            assert!(a.iku2, "{}", k[0]);
        }
    }
}
