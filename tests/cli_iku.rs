//! `pantau iku` (IKU 1, IKU 2, IKM) computed from imported data, checked against DOMAIN.md.

mod common;

use common::*;
use serde_json::json;

const HARI_INI: &str = "2027-01-10";

/// Documents around performance year 2026 for Sukamaju (3 desa) and Mekarsari (1 desa).
const DOKUMEN: &str = "\
kode_desa,jenis,tahun_anggaran,tanggal
35.08.21.2001,RKPDes,2027,2026-09-30
35.08.21.2002,RKPDes,2027,2026-10-01
35.08.21.2003,RKPDes,2027,
35.08.21.2001,APBDes,2027,31/12/2026
35.08.21.2002,APBDes,2027,2026-12-01
35.08.21.2003,APBDes,2027,2027-01-01
35.08.21.2001,LPPDes,2025,2026-03-31
35.08.21.2002,LPPDes,2025,2026-04-01
35.08.21.2003,LPPDes,2025,2026-01-15
35.08.21.2001,RKPDes,2026,2025-09-01
35.08.21.2003,LPPDes,2026,2027-01-05
35.08.22.2001,RKPDes,2027,2026-09-30
";

/// Facilitation log: in 2026, 4 of 6 followed up for Sukamaju; one entry in 2025 and one in
/// 2027 that must not count for 2026; nothing for Mekarsari.
const FASILITASI: &str = "\
tanggal,jenis,kode_desa,kode_kecamatan,uraian,ditindaklanjuti
2026-01-05,F01,35.08.21.2001,,Perdes RKPDes,ya
2026-02-10,F02,35.08.21.2002,,Buku administrasi,tidak
2026-12-31,K01,,35.08.21,Rapat koordinasi,1
2026-06-01,F05,35.08.21.2003,,,
2026-07-01,F03,35.08.21.2001,,,y
2026-08-01,F04,35.08.21.2002,35.08.21,,true
2025-12-31,F03,35.08.21.2001,,,ya
2027-01-01,F04,35.08.21.2003,,,ya
";

/// Eight respondents for Sukamaju in 2026, chosen so that IKM = 78,125 exactly and several
/// NRR end in 5 at the third decimal (half away from zero must round them up); one 2025
/// respondent that must not count.
const IKM: &str = "\
kode_kecamatan,tahun,u1,u2,u3,u4,u5,u6,u7,u8,u9
35.08.21,2026,4,4,3,4,3,4,3,4,3
35.08.21,2026,4,4,3,4,3,4,3,4,3
35.08.21,2026,3,4,3,4,3,3,3,3,3
35.08.21,2026,3,3,3,4,3,3,3,3,3
35.08.21,2026,3,3,3,4,3,3,3,3,3
35.08.21,2026,3,3,2,4,3,3,3,3,3
35.08.21,2026,3,3,2,4,3,3,3,2,3
35.08.21,2026,2,3,2,3,3,3,2,2,3
35.08.21,2025,1,1,1,1,1,1,1,1,1
";

/// Mekarsari is imported first so that database order is not code order.
fn dunia() -> Dunia {
    let d = Dunia::new();
    d.impor(HARI_INI, "desa", "mekarsari.csv", DESA_MEKARSARI);
    d.impor(HARI_INI, "desa", "sukamaju.csv", DESA_SUKAMAJU);
    d.impor(HARI_INI, "dokumen", "dokumen.csv", DOKUMEN);
    d.impor(HARI_INI, "fasilitasi", "fasilitasi.csv", FASILITASI);
    d.impor(HARI_INI, "ikm", "ikm.csv", IKM);
    d
}

#[test]
fn iku_json_matches_the_contract_shape_and_values_for_2026() {
    let d = dunia();
    let iku = d.iku_json(HARI_INI, 2026);
    assert_eq!(
        iku,
        json!({
          "tahun": 2026,
          "kecamatan": [
            {"kode": "35.08.21", "nama": "Sukamaju", "jumlah_desa": 3,
             "iku": [
               {"kode": "IKU1", "nama": "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti",
                "pembilang": 4, "penyebut": 6, "nilai": 66.67},
               {"kode": "IKU2", "nama": "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
                "pembilang": 5, "penyebut": 9, "nilai": 55.56,
                "rincian": {"RKPDes": {"tahun_anggaran": 2027, "tepat_waktu": 1},
                            "APBDes": {"tahun_anggaran": 2027, "tepat_waktu": 2},
                            "LPPDes": {"tahun_anggaran": 2025, "tepat_waktu": 2}}},
               {"kode": "IKM", "nama": "Nilai Indeks Kepuasan Masyarakat",
                "responden": 8, "nilai": 78.13, "mutu": "B", "kinerja": "Baik",
                "unsur": [3.13, 3.38, 2.63, 3.88, 3.0, 3.25, 2.88, 3.0, 3.0]}
             ]},
            {"kode": "35.08.22", "nama": "Mekarsari", "jumlah_desa": 1,
             "iku": [
               {"kode": "IKU1", "nama": "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti",
                "pembilang": 0, "penyebut": 0, "nilai": null},
               {"kode": "IKU2", "nama": "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
                "pembilang": 1, "penyebut": 3, "nilai": 33.33,
                "rincian": {"RKPDes": {"tahun_anggaran": 2027, "tepat_waktu": 1},
                            "APBDes": {"tahun_anggaran": 2027, "tepat_waktu": 0},
                            "LPPDes": {"tahun_anggaran": 2025, "tepat_waktu": 0}}},
               {"kode": "IKM", "nama": "Nilai Indeks Kepuasan Masyarakat",
                "responden": 0, "nilai": null, "mutu": null, "kinerja": null, "unsur": []}
             ]}
          ]
        })
    );
}

#[test]
fn iku1_counts_only_facilitation_of_the_performance_year() {
    let d = dunia();
    let kec = d.iku_json(HARI_INI, 2026);
    let iku1 = indikator(kecamatan(&kec, KEC), "IKU1");
    assert_eq!(
        (&iku1["pembilang"], &iku1["penyebut"]),
        (&json!(4), &json!(6))
    );
    let iku1 = indikator(kecamatan(&d.iku_json(HARI_INI, 2025), KEC), "IKU1").clone();
    assert_eq!(
        (&iku1["pembilang"], &iku1["penyebut"], &iku1["nilai"]),
        (&json!(1), &json!(1), &json!(100.0))
    );
    let iku1 = indikator(kecamatan(&d.iku_json(HARI_INI, 2027), KEC), "IKU1").clone();
    assert_eq!(
        (&iku1["pembilang"], &iku1["penyebut"]),
        (&json!(1), &json!(1))
    );
}

#[test]
fn iku2_of_2025_uses_rkpdes_apbdes_of_2026_and_lppdes_of_2024() {
    let d = dunia();
    let kec = d.iku_json(HARI_INI, 2025);
    let iku2 = indikator(kecamatan(&kec, KEC), "IKU2");
    assert_eq!(
        iku2["rincian"],
        json!({"RKPDes": {"tahun_anggaran": 2026, "tepat_waktu": 1},
               "APBDes": {"tahun_anggaran": 2026, "tepat_waktu": 0},
               "LPPDes": {"tahun_anggaran": 2024, "tepat_waktu": 0}})
    );
    assert_eq!(
        (&iku2["pembilang"], &iku2["penyebut"], &iku2["nilai"]),
        (&json!(1), &json!(9), &json!(11.11))
    );
}

#[test]
fn document_dated_one_day_after_its_deadline_counts_zero_in_iku2() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n\
         35.08.21.2001,RKPDes,2027,2026-10-01\n\
         35.08.21.2002,APBDes,2027,2027-01-01\n\
         35.08.21.2003,LPPDes,2025,2026-04-01\n",
    );
    let iku2 = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU2").clone();
    assert_eq!(iku2["pembilang"], 0);
    assert_eq!(iku2["penyebut"], 9);
    assert_eq!(iku2["nilai"], json!(0.0));
    // the same documents one day earlier are on time
    d.impor(
        HARI_INI,
        "dokumen",
        "dok2.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n\
         35.08.21.2001,RKPDes,2027,2026-09-30\n\
         35.08.21.2002,APBDes,2027,2026-12-31\n\
         35.08.21.2003,LPPDes,2025,2026-03-31\n",
    );
    let iku2 = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU2").clone();
    assert_eq!(iku2["pembilang"], 3);
    assert_eq!(iku2["nilai"], json!(33.33));
}

#[test]
fn ikm_without_respondents_has_null_value_mutu_and_kinerja() {
    let d = dunia();
    let ikm = indikator(kecamatan(&d.iku_json(HARI_INI, 2024), KEC), "IKM").clone();
    assert_eq!(ikm["responden"], 0);
    assert!(ikm["nilai"].is_null() && ikm["mutu"].is_null() && ikm["kinerja"].is_null());
}

#[test]
fn ikm_of_the_other_year_uses_only_its_respondents() {
    let d = dunia();
    let ikm = indikator(kecamatan(&d.iku_json(HARI_INI, 2025), KEC), "IKM").clone();
    assert_eq!(ikm["responden"], 1);
    assert_eq!(ikm["nilai"], json!(25.0));
    assert_eq!(ikm["mutu"], "D");
    assert_eq!(ikm["kinerja"], "Tidak Baik");
    assert_eq!(ikm["unsur"], json!(vec![1.0; 9]));
}

#[test]
fn ikm_all_fours_is_100_sangat_baik() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "ikm",
        "ikm.csv",
        "kode_kecamatan,tahun,u1,u2,u3,u4,u5,u6,u7,u8,u9\n\
         35.08.21,2026,4,4,4,4,4,4,4,4,4\n",
    );
    let ikm = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKM").clone();
    assert_eq!(ikm["nilai"], json!(100.0));
    assert_eq!(ikm["mutu"], "A");
    assert_eq!(ikm["kinerja"], "Sangat Baik");
}

#[test]
fn kecamatan_are_sorted_by_code_not_by_import_order() {
    let d = dunia();
    let iku = d.iku_json(HARI_INI, 2026);
    let kode: Vec<&str> = iku["kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kode"].as_str().unwrap())
        .collect();
    assert_eq!(kode, vec!["35.08.21", "35.08.22"]);
}

#[test]
fn iku_defaults_to_todays_year() {
    let d = dunia();
    let o = d.ok(HARI_INI, &["iku", "--json"]);
    let iku = json(&o.stdout);
    assert_eq!(iku["tahun"], 2027);
    assert_eq!(iku, d.iku_json(HARI_INI, 2027));
}

#[test]
fn indicators_alias_gives_the_same_json() {
    let d = dunia();
    let o = d.ok(HARI_INI, &["indicators", "--json", "--tahun", "2026"]);
    assert_eq!(json(&o.stdout), d.iku_json(HARI_INI, 2026));
}

#[test]
fn kecamatan_option_limits_iku_to_one_kecamatan() {
    let d = dunia();
    let o = d.ok(
        HARI_INI,
        &[
            "--kecamatan",
            "35.08.22",
            "iku",
            "--json",
            "--tahun",
            "2026",
        ],
    );
    let iku = json(&o.stdout);
    let kode: Vec<&str> = iku["kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kode"].as_str().unwrap())
        .collect();
    assert_eq!(kode, vec!["35.08.22"]);
}

#[test]
fn iku_text_shows_numerator_denominator_and_indonesian_percentages() {
    let d = dunia();
    let o = d.ok(HARI_INI, &["iku", "--tahun", "2026"]);
    let out = teks(&o.stdout);
    for harap in [
        "Sukamaju",
        "Mekarsari",
        "4 dari 6",
        "66,67%",
        "5 dari 9",
        "55,56%",
        "78,13",
        "RKPDes TA 2027",
        "LPPDes TA 2025",
    ] {
        assert!(out.contains(harap), "missing {harap:?} in:\n{out}");
    }
    assert!(!out.contains("55.56"), "decimal comma expected:\n{out}");
}

#[test]
fn iku_rejects_a_year_outside_2000_2100_with_exit_2() {
    let d = dunia();
    let o = d.jalan(HARI_INI, &["iku", "--tahun", "1999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!teks(&o.stderr).trim().is_empty());
}

/// An IKM file for Sukamaju: `n` respondents of year `tahun` whose 9·n scores add up to `s`.
fn ikm_dengan_jumlah(tahun: i32, n: usize, s: usize) -> String {
    assert!((9 * n..=36 * n).contains(&s));
    let mut sel = vec![1usize; 9 * n];
    let mut sisa = s - 9 * n;
    for c in sel.iter_mut() {
        let tambah = sisa.min(3);
        *c += tambah;
        sisa -= tambah;
    }
    let mut isi = String::from("kode_kecamatan,tahun,u1,u2,u3,u4,u5,u6,u7,u8,u9\n");
    for r in sel.chunks(9) {
        let r: Vec<String> = r.iter().map(ToString::to_string).collect();
        isi.push_str(&format!("35.08.21,{tahun},{}\n", r.join(",")));
    }
    isi
}

#[test]
fn ikm_mutu_follows_the_rounded_value_on_the_interval_boundaries() {
    let d = Dunia::sukamaju(HARI_INI);
    // (year, respondents, total score, IKM = 25·S/(9·n) rounded, mutu, kinerja)
    let kasus = [
        (2020, 1000, 31790, 88.31, "A", "Sangat Baik"), // 88,3055… → 88,31
        (2021, 250, 7947, 88.30, "B", "Baik"),
        (2022, 1000, 27580, 76.61, "B", "Baik"), // 76,6111…
        (2023, 125, 3447, 76.60, "C", "Kurang Baik"),
        (2024, 5, 117, 65.00, "C", "Kurang Baik"),
        (2025, 1000, 23396, 64.99, "D", "Tidak Baik"), // 64,9888…
    ];
    for (tahun, n, s, ..) in kasus {
        d.impor(
            HARI_INI,
            "ikm",
            &format!("ikm{tahun}.csv"),
            &ikm_dengan_jumlah(tahun, n, s),
        );
    }
    for (tahun, n, _, nilai, mutu, kinerja) in kasus {
        let ikm = indikator(kecamatan(&d.iku_json(HARI_INI, tahun), KEC), "IKM").clone();
        assert_eq!(
            (
                &ikm["responden"],
                &ikm["nilai"],
                &ikm["mutu"],
                &ikm["kinerja"]
            ),
            (&json!(n), &json!(nilai), &json!(mutu), &json!(kinerja)),
            "year {tahun}"
        );
    }
}

#[test]
fn kelurahan_are_not_counted_as_desa_in_iku2() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "desa",
        "kelurahan.csv",
        "kode,nama\n35.08.21.1004,Kota\n",
    );
    let kec = d.iku_json(HARI_INI, 2026);
    let kec = kecamatan(&kec, KEC);
    assert_eq!(kec["jumlah_desa"], 3);
    assert_eq!(indikator(kec, "IKU2")["penyebut"], 9);
    // and cek does not ask a kelurahan for RKPDes, APBDes or LPPDes
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    assert!(item(&cek).iter().all(|i| i.0 != "35.08.21.1004"), "{cek}");
}
