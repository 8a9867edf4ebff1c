//! `pantau impor {desa,dokumen,fasilitasi,ikm}`: the file formats offices write, the
//! all-or-nothing rule, and the `FILE:LINE: reason` errors of CONTRACT.md.

mod common;

use common::*;
use serde_json::json;

const HARI_INI: &str = "2026-09-30";

/// Writes `isi` to `nama`, imports it, and checks the import is rejected as a whole:
/// exit code 2, and nothing visible through `cek --json` / `iku --json` changed.
/// Returns the stderr lines.
fn ditolak(d: &Dunia, jenis: &str, nama: &str, isi: &str) -> Vec<String> {
    d.tulis(nama, isi);
    ditolak_arg(d, jenis, nama)
}

fn ditolak_arg(d: &Dunia, jenis: &str, arg: &str) -> Vec<String> {
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(HARI_INI, &["impor", jenis, arg]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "import must be rejected\nstdout:\n{}\nstderr:\n{}",
        teks(&o.stdout),
        teks(&o.stderr)
    );
    assert_eq!(
        d.potret(HARI_INI),
        sebelum,
        "a rejected import changed the database"
    );
    let baris = baris_stderr(&o);
    assert!(!baris.is_empty(), "errors go to stderr");
    baris
}

/// The stderr line for `FILE:LINE: `; it must exist and say something.
fn baris_galat<'a>(baris: &'a [String], awalan: &str) -> &'a str {
    let b = baris
        .iter()
        .find(|b| b.starts_with(awalan))
        .unwrap_or_else(|| panic!("no line starting with {awalan:?} in {baris:#?}"));
    assert!(b.len() > awalan.len() + 3, "reason missing: {b}");
    b
}

fn desa_di_cek(d: &Dunia) -> Vec<(String, String)> {
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    let mut v: Vec<(String, String)> = cek["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kode_desa"].as_str().unwrap().to_string(),
                i["desa"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn undated(d: &Dunia, kode_desa: &str, jenis: &str, ta: i64) -> bool {
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    item(&cek)
        .iter()
        .any(|i| i.0 == kode_desa && i.1 == jenis && i.2 == ta)
}

// ---------------------------------------------------------------- formats

#[test]
fn desa_file_with_bom_semicolons_any_header_case_and_indonesian_numbers_is_imported() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    let isi = "\u{feff}NAMA;Kode;Jumlah_Penduduk;LUAS_KM2;Laki_Laki;PEREMPUAN;Kecamatan;Kabupaten;Dusun;RW;RT;Rumah_Tangga\r\n\
               Satu;35.08.23.2001;2.955;5,88;1.455;1.500;Tanjung;Lumajang;3;5;20;1.002\r\n\
               Dua;35.08.23.2002;10;5.88;4;6;Tanjung;Lumajang;;;;\r\n";
    d.tulis("desa.csv", isi);
    let o = d.ok(HARI_INI, &["impor", "desa", "desa.csv"]);
    assert_eq!(
        teks(&o.stderr),
        "",
        "1.455 + 1.500 = 2.955: no warning expected"
    );
    assert_eq!(
        desa_di_cek(&d),
        vec![
            ("35.08.23.2001".to_string(), "Satu".to_string()),
            ("35.08.23.2002".to_string(), "Dua".to_string())
        ]
    );
    let iku = d.iku_json(HARI_INI, 2026);
    let kec = kecamatan(&iku, "35.08.23");
    assert_eq!(kec["nama"], "Tanjung");
    assert_eq!(kec["jumlah_desa"], 2);
}

#[test]
fn tab_separated_desa_file_is_imported() {
    let d = Dunia::new();
    d.impor(
        HARI_INI,
        "desa",
        "desa.tsv",
        "kode\tnama\tkecamatan\n35.08.21.2001\tAlpha, Lor\tSukamaju\n",
    );
    assert_eq!(
        desa_di_cek(&d),
        vec![(ALPHA.to_string(), "Alpha, Lor".to_string())]
    );
}

#[test]
fn jumlah_penduduk_differing_from_sum_is_kept_with_a_warning_naming_the_line() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.tulis(
        "desa.csv",
        "kode,nama,kecamatan,laki_laki,perempuan,jumlah_penduduk\n\
         35.08.21.2001,Alpha,Sukamaju,100,100,200\n\
         35.08.21.2002,Beta,Sukamaju,1.272,2.584,6.038\n",
    );
    let o = d.ok(HARI_INI, &["impor", "desa", "desa.csv"]);
    let err = baris_stderr(&o);
    assert_eq!(err.len(), 1, "one warning: {err:?}");
    assert!(err[0].starts_with("desa.csv:3: "), "{err:?}");
    assert!(
        err[0].contains("6.038") || err[0].contains("6038"),
        "{err:?}"
    );
    assert_eq!(
        desa_di_cek(&d),
        vec![
            (ALPHA.to_string(), "Alpha".to_string()),
            (BETA.to_string(), "Beta".to_string())
        ],
        "the row is kept"
    );
}

#[test]
fn dokumen_file_with_bom_semicolons_kind_spellings_and_date_formats_is_imported() {
    let d = Dunia::sukamaju(HARI_INI);
    d.ok(HARI_INI, &["atur", "tahun-awal", "2027"]);
    let isi = "\u{feff}TANGGAL;Jenis;KODE_DESA;Tahun_Anggaran;Nomor;Keterangan\n\
               30/09/2026;RKP Desa;35.08.21.2001;2027;Perdes 5/2026;tepat\n\
               15-09-2026;rkpdes;35.08.21.2002;2027;;\n\
               2026-09-01; apb desa ;35.08.21.2003;2027;;\n";
    d.tulis("dokumen.csv", isi);
    d.ok(HARI_INI, &["impor", "dokumen", "dokumen.csv"]);
    let (cek, kode) = d.cek_json(HARI_INI, &["--hari", "100"]);
    assert_eq!(kode, 0);
    assert_eq!(
        item(&cek),
        vec![
            it(GAMMA, "RKPDes", 2027, "2026-09-30", "mendekati_tenggat", 0),
            it(ALPHA, "APBDes", 2027, "2026-12-31", "mendekati_tenggat", 92),
            it(BETA, "APBDes", 2027, "2026-12-31", "mendekati_tenggat", 92),
        ]
    );
}

#[test]
fn dokumen_from_standard_input_with_dash() {
    let d = Dunia::sukamaju(HARI_INI);
    let o = d
        .cmd(HARI_INI)
        .args(["impor", "dokumen", "-"])
        .write_stdin(
            "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2027;01/09/2026\n",
        )
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    assert!(!undated(&d, ALPHA, "RKPDes", 2027));
    assert!(undated(&d, BETA, "RKPDes", 2027));
}

#[test]
fn bad_row_on_standard_input_is_reported_with_its_line_and_nothing_is_written() {
    let d = Dunia::sukamaju(HARI_INI);
    let sebelum = d.potret(HARI_INI);
    let o = d
        .cmd(HARI_INI)
        .args(["impor", "dokumen", "-"])
        .write_stdin(
            "kode_desa,jenis,tahun_anggaran,tanggal\n\
             35.08.21.2001,RKPDes,2027,2026-09-01\n\
             35.08.21.2002,RKPDes,2027,31/02/2026\n",
        )
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = baris_stderr(&o);
    assert!(
        err.iter()
            .any(|b| b.contains(":3: ") && b.contains("31/02/2026")),
        "{err:?}"
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
}

#[test]
fn fasilitasi_file_with_bom_semicolons_and_dd_mm_yyyy_dates_is_imported() {
    let d = Dunia::sukamaju(HARI_INI);
    let isi = "\u{feff}Ditindaklanjuti;JENIS;Tanggal;Kode_Desa;Uraian;Output;Bukti\n\
               Ya;f1;05/01/2026;35.08.21.2001;Perdes RKPDes;Perdes;BA\n\
               tidak;K02;10-02-2026;35.08.21.2002;\"Rapat; koordinasi\";;\n\
               TRUE;F03;2026-03-01;35.08.21.2003;;;\n\
               n;F18;01/04/2026;35.08.21.2003;;;\n";
    d.tulis("fasilitasi.csv", isi);
    d.ok(HARI_INI, &["impor", "fasilitasi", "fasilitasi.csv"]);
    let iku1 = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU1").clone();
    assert_eq!(
        (&iku1["pembilang"], &iku1["penyebut"], &iku1["nilai"]),
        (&json!(2), &json!(4), &json!(50.0))
    );
}

#[test]
fn fasilitasi_for_the_kecamatan_without_desa_is_imported() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "fasilitasi",
        "f.csv",
        "tanggal,jenis,kode_kecamatan,ditindaklanjuti\n2026-05-05,K01,35.08.21,ya\n",
    );
    let iku1 = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU1").clone();
    assert_eq!(
        (&iku1["pembilang"], &iku1["penyebut"], &iku1["nilai"]),
        (&json!(1), &json!(1), &json!(100.0))
    );
}

#[test]
fn ikm_file_with_bom_semicolons_and_header_in_other_order_is_imported() {
    let d = Dunia::sukamaju(HARI_INI);
    let isi = "\u{feff}U9;U8;U7;U6;U5;U4;U3;U2;U1;Tahun;Kode_Kecamatan\n\
               1;1;1;1;1;1;1;1;4;2026;35.08.21\n\
               1;1;1;1;1;1;1;1;3;2026;35.08.21\n";
    d.tulis("ikm.csv", isi);
    d.ok(HARI_INI, &["impor", "ikm", "ikm.csv"]);
    let ikm = indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKM").clone();
    assert_eq!(ikm["responden"], 2);
    assert_eq!(
        ikm["unsur"],
        json!([3.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    );
    // (3,5 + 8) / 9 × 25 = 31,944… → 31,94
    assert_eq!(ikm["nilai"], json!(31.94));
    assert_eq!(ikm["mutu"], "D");
}

// ---------------------------------------------------------------- re-import

#[test]
fn reimporting_a_document_with_the_same_key_updates_it() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "dokumen",
        "a.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2001,LPPDes,2025,2026-03-01\n",
    );
    let iku2 = |d: &Dunia| {
        indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU2")["pembilang"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(iku2(&d), 1);
    // the same key again, now late: updated, not added
    d.impor(
        HARI_INI,
        "dokumen",
        "b.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2001,lpp desa,2025,2026-04-02\n",
    );
    assert_eq!(iku2(&d), 0);
    // and back on time
    d.impor(
        HARI_INI,
        "dokumen",
        "c.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2001,LPPDes,2025,31/03/2026\n",
    );
    assert_eq!(iku2(&d), 1);
}

#[test]
fn undated_document_stays_listed_until_reimported_with_a_date() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "dokumen",
        "a.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2002,RKPDes,2027,\n",
    );
    assert!(undated(&d, BETA, "RKPDes", 2027));
    d.impor(
        HARI_INI,
        "dokumen",
        "b.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2002,RKPDes,2027,29/09/2026\n",
    );
    assert!(!undated(&d, BETA, "RKPDes", 2027));
}

#[test]
fn reimporting_a_desa_with_the_same_code_updates_its_name() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "desa",
        "ganti.csv",
        "kode,nama\n35.08.21.2002,Beta Baru\n",
    );
    let desa = desa_di_cek(&d);
    assert_eq!(
        desa,
        vec![
            (ALPHA.to_string(), "Alpha".to_string()),
            (BETA.to_string(), "Beta Baru".to_string()),
            (GAMMA.to_string(), "Gamma".to_string()),
        ]
    );
    assert_eq!(
        kecamatan(&d.iku_json(HARI_INI, 2026), KEC)["jumlah_desa"],
        3
    );
}

// ---------------------------------------------------------------- errors

const JUDUL_DOKUMEN: &str = "kode_desa,jenis,tahun_anggaran,tanggal\n";
/// A good first row, so that a partial write would show in `cek`.
const BARIS_BAIK: &str = "35.08.21.2001,RKPDes,2027,2026-09-01\n";

fn dokumen_buruk(baris_buruk: &str) -> (Dunia, Vec<String>) {
    let d = Dunia::sukamaju(HARI_INI);
    let isi = format!("{JUDUL_DOKUMEN}{BARIS_BAIK}{baris_buruk}\n");
    let err = ditolak(&d, "dokumen", "dok.csv", &isi);
    assert!(undated(&d, ALPHA, "RKPDes", 2027), "good row not written");
    (d, err)
}

#[test]
fn impossible_date_is_rejected_with_file_and_line() {
    let (_, err) = dokumen_buruk("35.08.21.2002,RKPDes,2027,31/02/2026");
    assert!(
        baris_galat(&err, "dok.csv:3: ").contains("31/02/2026"),
        "{err:?}"
    );
}

#[test]
fn date_after_today_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.2002,RKPDes,2027,2026-10-01");
    let b = baris_galat(&err, "dok.csv:3: ");
    assert!(b.contains("01/10/2026") || b.contains("2026-10-01"), "{b}");
}

#[test]
fn unknown_desa_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.2009,RKPDes,2027,2026-09-01");
    assert!(baris_galat(&err, "dok.csv:3: ").contains("35.08.21.2009"));
}

#[test]
fn badly_written_desa_code_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.201,RKPDes,2027,2026-09-01");
    assert!(baris_galat(&err, "dok.csv:3: ").contains("35.08.21.201"));
}

#[test]
fn fiscal_year_1999_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.2002,RKPDes,1999,");
    assert!(baris_galat(&err, "dok.csv:3: ").contains("1999"));
}

#[test]
fn fiscal_year_that_is_not_a_number_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.2002,RKPDes,abc,");
    assert!(baris_galat(&err, "dok.csv:3: ").contains("abc"));
}

#[test]
fn unknown_document_kind_is_rejected() {
    let (_, err) = dokumen_buruk("35.08.21.2002,RKPD,2027,");
    assert!(baris_galat(&err, "dok.csv:3: ").contains("RKPD"));
}

#[test]
fn unknown_column_is_rejected_on_line_1() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggall\n35.08.21.2001,RKPDes,2027,2026-09-01\n",
    );
    assert!(baris_galat(&err, "dok.csv:1: ").contains("tanggall"));
}

#[test]
fn unknown_column_in_desa_file_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa.csv",
        "kode,nama,kecamatan,Jumlah Pendudk\n35.08.21.2004,Epsilon,Sukamaju,100\n",
    );
    assert!(
        baris_galat(&err, "desa.csv:1: ").starts_with(
            "desa.csv:1: kolom 'Jumlah Pendudk' tidak dikenal; mungkin maksudnya 'jumlah_penduduk'? (kolom yang dikenal: kode, nama,"
        ),
        "{err:?}"
    );
}

/// Issue 10: the headers offices write, with spaces, hyphens, a unit in parentheses and
/// well-known synonyms, name the same columns.
#[test]
fn office_headers_with_spaces_hyphens_units_and_synonyms_are_understood() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.tulis(
        "desa.csv",
        "Kode Desa;Nama Desa;Kecamatan;Luas (km2);Laki-laki;Perempuan;Rumah Tangga;Jumlah Penduduk (jiwa);Jumlah RT\n\
         35.08.23.2001;Satu;Tanjung;5,88;1.455;1.500;1.002;2.955;20\n",
    );
    let o = d.ok(HARI_INI, &["impor", "desa", "desa.csv"]);
    assert_eq!(teks(&o.stderr), "", "the sum matches: no warning");
    assert_eq!(
        desa_di_cek(&d),
        vec![("35.08.23.2001".to_string(), "Satu".to_string())]
    );
    // a population that does not add up is warned about: the columns were really read
    d.tulis(
        "desa2.csv",
        "KODE;Nama;LAKI - LAKI;Perempuan;Jumlah Penduduk\n35.08.23.2001;Satu;10;10;25\n",
    );
    let o = d.ok(HARI_INI, &["impor", "desa", "desa2.csv"]);
    assert!(
        teks(&o.stderr).contains("desa2.csv:2"),
        "{}",
        teks(&o.stderr)
    );
    d.tulis(
        "dok.csv",
        "Kode Desa;Jenis Dokumen;Tahun Anggaran;Tanggal Penetapan;No. Perdes;Ket.\n\
         35.08.23.2001;RKPDes;2027;01/09/2026;5/2026;baik\n",
    );
    d.ok(HARI_INI, &["impor", "dokumen", "dok.csv"]);
    assert!(!undated(&d, "35.08.23.2001", "RKPDes", 2027));
}

#[test]
fn two_headers_meaning_the_same_column_are_refused() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa.csv",
        "kode,nama,Nama Desa\n35.08.21.2004,Delta,Delta\n",
    );
    assert_eq!(
        baris_galat(&err, "desa.csv:1: "),
        "desa.csv:1: kolom 'nama' dan 'Nama Desa' sama-sama berarti 'nama'; hapus salah satunya"
    );
}

#[test]
fn missing_required_column_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tanggal\n35.08.21.2001,RKPDes,2026-09-01\n",
    );
    assert!(
        err.iter()
            .any(|b| b.starts_with("dok.csv:") && b.contains("tahun_anggaran")),
        "{err:?}"
    );
}

#[test]
fn ikm_score_5_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "ikm",
        "ikm.csv",
        "kode_kecamatan,tahun,u1,u2,u3,u4,u5,u6,u7,u8,u9\n\
         35.08.21,2026,4,4,4,4,4,4,4,4,4\n\
         35.08.21,2026,4,4,4,4,4,5,4,4,4\n",
    );
    let b = baris_galat(&err, "ikm.csv:3: ");
    assert!(b.contains("u6") && b.contains('5'), "{b}");
}

#[test]
fn ikm_for_unknown_kecamatan_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "ikm",
        "ikm.csv",
        "kode_kecamatan,tahun,u1,u2,u3,u4,u5,u6,u7,u8,u9\n\
         35.08.99,2026,4,4,4,4,4,4,4,4,4\n",
    );
    assert!(baris_galat(&err, "ikm.csv:2: ").contains("35.08.99"));
}

#[test]
fn fasilitasi_with_unknown_code_future_date_no_place_or_bad_yes_no_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "fasilitasi",
        "f.csv",
        "tanggal,jenis,kode_desa,ditindaklanjuti\n\
         2026-01-05,F01,35.08.21.2001,ya\n\
         2026-01-06,F99,35.08.21.2001,ya\n\
         2026-10-01,F01,35.08.21.2001,ya\n\
         2026-01-07,F01,,ya\n\
         2026-01-08,F01,35.08.21.2001,mungkin\n",
    );
    assert!(baris_galat(&err, "f.csv:3: ").contains("F99"));
    baris_galat(&err, "f.csv:4: ");
    baris_galat(&err, "f.csv:5: ");
    assert!(baris_galat(&err, "f.csv:6: ").contains("mungkin"));
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak_arg(&d, "dokumen", "tidak-ada.csv");
    assert!(err[0].contains("tidak-ada.csv"), "{err:?}");
}

#[test]
fn several_bad_rows_are_all_reported_in_one_run() {
    let d = Dunia::sukamaju(HARI_INI);
    let isi = format!(
        "{JUDUL_DOKUMEN}{BARIS_BAIK}\
         35.08.21.2002,RKPDes,2027,31/02/2026\n\
         35.08.21.2003,RKPDes,2027,2026-09-02\n\
         35.08.21.2009,RKPDes,2027,\n\
         35.08.21.2002,RKPD,2027,\n\
         35.08.21.2002,APBDes,1999,\n"
    );
    let err = ditolak(&d, "dokumen", "dok.csv", &isi);
    for n in [3, 5, 6, 7] {
        baris_galat(&err, &format!("dok.csv:{n}: "));
    }
    for n in [1, 2, 4] {
        assert!(
            !err.iter().any(|b| b.starts_with(&format!("dok.csv:{n}: "))),
            "line {n} is fine: {err:?}"
        );
    }
}

#[test]
fn error_lines_use_the_file_name_as_given_on_the_command_line() {
    let d = Dunia::sukamaju(HARI_INI);
    std::fs::create_dir(d.path().join("sub")).unwrap();
    let isi = format!("{JUDUL_DOKUMEN}35.08.21.2002,RKPD,2027,\n");
    d.tulis("sub/dok.csv", &isi);
    let err = ditolak_arg(&d, "dokumen", "sub/dok.csv");
    baris_galat(&err, "sub/dok.csv:2: ");
    let mutlak = d.path().join("sub/dok.csv");
    let mutlak = mutlak.to_str().unwrap();
    let err = ditolak_arg(&d, "dokumen", mutlak);
    baris_galat(&err, &format!("{mutlak}:2: "));
}

#[test]
fn desa_file_for_a_new_kecamatan_without_kecamatan_column_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa.csv",
        "kode,nama\n35.08.23.2001,Satu\n35.08.23.2002,Dua\n",
    );
    assert!(baris_galat(&err, "desa.csv:2: ").contains("35.08.23"));
    assert!(baris_galat(&err, "desa.csv:3: ").contains("35.08.23"));
}

#[test]
fn desa_file_without_kecamatan_column_is_fine_for_a_known_kecamatan() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "desa",
        "desa.csv",
        "kode,nama\n35.08.21.2004,Delta\n",
    );
    assert_eq!(
        kecamatan(&d.iku_json(HARI_INI, 2026), KEC)["jumlah_desa"],
        4
    );
}

#[test]
fn desa_with_bad_code_is_rejected_and_good_rows_are_not_written() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa.csv",
        "kode,nama,kecamatan\n35.08.21.2004,Delta,Sukamaju\n35.08.21.X005,Epsilon,Sukamaju\n",
    );
    assert!(baris_galat(&err, "desa.csv:3: ").contains("35.08.21.X005"));
}

#[test]
fn dokumen_outside_the_chosen_kecamatan_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(HARI_INI, "desa", "desa2.csv", DESA_MEKARSARI);
    d.tulis(
        "dok.csv",
        &format!("{JUDUL_DOKUMEN}35.08.22.2001,RKPDes,2027,2026-09-01\n"),
    );
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(
        HARI_INI,
        &["--kecamatan", "35.08.21", "impor", "dokumen", "dok.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    baris_galat(&baris_stderr(&o), "dok.csv:2: ");
    assert_eq!(d.potret(HARI_INI), sebelum);
}

#[test]
fn duplicated_column_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa.csv",
        "kode,nama,KODE\n35.08.21.2004,Delta,35.08.21.2004\n",
    );
    assert!(baris_galat(&err, "desa.csv:1: ").contains("kode"));
}

#[test]
fn reimporting_documents_without_a_date_column_keeps_the_dates() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "dokumen",
        "a.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n35.08.21.2001,LPPDes,2025,2026-03-01\n",
    );
    let iku2 = |d: &Dunia| {
        indikator(kecamatan(&d.iku_json(HARI_INI, 2026), KEC), "IKU2")["pembilang"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(iku2(&d), 1);
    // a file of numbers only: the recorded date must stay
    d.impor(
        HARI_INI,
        "dokumen",
        "nomor.csv",
        "kode_desa;jenis;tahun_anggaran;nomor\n35.08.21.2001;LPPDes;2025;141/7/2026\n",
    );
    assert_eq!(iku2(&d), 1);
}

#[test]
fn reimporting_desa_without_population_columns_keeps_the_figures() {
    let d = Dunia::new();
    d.impor(
        HARI_INI,
        "desa",
        "desa.csv",
        "kode;nama;kecamatan;laki_laki;perempuan;jumlah_penduduk;luas_km2\n\
         35.08.21.2001;Alpha;Sukamaju;1.455;1.278;2.733;5,88\n",
    );
    d.impor(
        HARI_INI,
        "desa",
        "nama.csv",
        "kode;nama\n35.08.21.2001;Alpha Baru\n",
    );
    let conn = rusqlite::Connection::open(d.db()).unwrap();
    let (nama, jumlah, luas): (String, i64, i64) = conn
        .query_row(
            "SELECT nama, jumlah_penduduk, luas_km2_x100 FROM desa WHERE kode = '35.08.21.2001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((nama.as_str(), jumlah, luas), ("Alpha Baru", 2733, 588));
}

#[test]
fn a_bad_row_deep_in_a_long_file_is_reported_with_its_line() {
    let d = Dunia::sukamaju(HARI_INI);
    let mut isi = String::from("kode_desa;jenis;tahun_anggaran;tanggal\r\n");
    // 3 desa × 3 kinds × 100 fiscal years: 900 distinct keys
    for i in 0..900 {
        let ta = 2000 + (i % 100);
        let jenis = ["RKPDes", "APBDes", "LPPDes"][i / 100 % 3];
        let desa = ["35.08.21.2001", "35.08.21.2002", "35.08.21.2003"][i / 300];
        let tanggal = if i == 798 { "31/02/2020" } else { "" };
        isi.push_str(&format!("{desa};{jenis};{ta};{tanggal}\r\n"));
    }
    let o = d.jalan(
        HARI_INI,
        &[
            "impor",
            "dokumen",
            d.tulis("panjang.csv", &isi).to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let galat = baris_stderr(&o);
    assert_eq!(galat.len(), 2, "{:?}", &galat[..galat.len().min(3)]);
    assert!(
        galat[0].ends_with(
            "panjang.csv:800: tanggal '31/02/2020' tidak ada: Februari 2020 hanya sampai tanggal 29"
        ),
        "{}",
        galat[0]
    );
}

#[test]
fn an_unclosed_quote_is_refused_instead_of_swallowing_the_rows_after_it() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "dokumen",
        "kutip.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;keterangan\n\
         35.08.21.2001;RKPDes;2026;01/09/2025;\"catatan tanpa tutup\n\
         35.08.21.2002;APBDes;2026;01/09/2025;x\n\
         35.08.21.2003;LPPDes;2025;01/03/2026;y\n",
    );
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].starts_with("kutip.csv:2: tanda kutip"), "{err:?}");
    assert!(err[1].contains("tidak ada yang disimpan"), "{err:?}");
}

#[test]
fn a_row_with_too_few_fields_does_not_hide_the_other_bad_rows() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "fasilitasi",
        "fas.csv",
        "tanggal;jenis;kode_desa\n\
         31/02/2026;F01;35.08.21.2001\n\
         01/09/2026;F01\n\
         01/09/2026;F99;35.08.21.2001\n",
    );
    let awal: Vec<&str> = err.iter().map(|b| &b[..b.find(": ").unwrap()]).collect();
    assert_eq!(
        awal,
        ["fas.csv:2", "fas.csv:3", "fas.csv:4", "fas.csv"],
        "{err:?}"
    );
}

#[test]
fn a_year_written_with_a_thousands_dot_is_a_year() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(
        HARI_INI,
        "dokumen",
        "a.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2.027;01/09/2026\n",
    );
    assert!(!undated(&d, "35.08.21.2001", "RKPDes", 2027));
    assert!(undated(&d, "35.08.21.2002", "RKPDes", 2027));
}

#[test]
fn desa_outside_the_chosen_kecamatan_is_rejected() {
    let d = Dunia::sukamaju(HARI_INI);
    d.tulis(
        "desa2.csv",
        "kode;nama;kecamatan\n35.08.21.2004;Baru;Sukamaju\n35.08.22.2001;Lain;Tempeh\n",
    );
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(
        HARI_INI,
        &["--kecamatan", "35.08.21", "impor", "desa", "desa2.csv"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", teks(&o.stderr));
    let err = baris_stderr(&o);
    assert!(
        err[0].starts_with("desa2.csv:3: desa 35.08.22.2001 di luar kecamatan yang dipilih"),
        "{err:?}"
    );
    assert_eq!(err.len(), 2, "{err:?}");
    assert_eq!(d.potret(HARI_INI), sebelum);
}

#[test]
fn a_date_long_before_its_fiscal_year_is_rejected_as_a_typo() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "dokumen",
        "awal.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n\
         35.08.21.2001;RKPDes;2027;15/09/2025\n\
         35.08.21.2002;RKPDes;2027;15/09/2006\n",
    );
    assert_eq!(
        err[0],
        "awal.csv:3: tanggal 15/09/2006 terlalu awal untuk RKPDes TA 2027 (tenggat 30/09/2026; paling awal 01/01/2025): salah ketik tahun?"
    );
}

#[test]
fn a_kecamatan_name_that_differs_from_the_database_and_the_other_rows_is_the_one_blamed() {
    let d = Dunia::sukamaju(HARI_INI);
    let err = ditolak(
        &d,
        "desa",
        "desa2.csv",
        "kode;nama;kecamatan\n\
         35.08.21.2001;Satu;Tempeh\n\
         35.08.21.2002;Dua;Sukamaju\n\
         35.08.21.2003;Tiga;SUKAMAJU\n",
    );
    assert_eq!(
        err[0],
        "desa2.csv:2: kecamatan 35.08.21 bernama 'Sukamaju' di basis data dan di baris 3, di sini 'Tempeh'"
    );
    assert_eq!(err.len(), 2, "{err:?}");
}

// ---------------------------------------------------------------- workbooks (issue 11)

/// A workbook as an office keeps it: a desa sheet with numbers as numbers, and a document
/// sheet below an empty row, with a real date cell, a year as a number and a code kept as
/// text with `="…"`.
fn buku_kerja(d: &Dunia, nama: &str, buruk: bool) -> std::path::PathBuf {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let desa = wb.add_worksheet().set_name("Desa").unwrap();
    for (j, h) in [
        "Kode Desa",
        "Nama Desa",
        "Kecamatan",
        "Luas (km2)",
        "Laki-laki",
        "Perempuan",
        "Jumlah Penduduk",
    ]
    .iter()
    .enumerate()
    {
        desa.write_string(0, j as u16, *h).unwrap();
    }
    desa.write_string(1, 0, "35.08.23.2001").unwrap();
    desa.write_string(1, 1, "Satu").unwrap();
    desa.write_string(1, 2, "Tanjung").unwrap();
    desa.write_number(1, 3, 5.88).unwrap();
    desa.write_number(1, 4, 1455).unwrap();
    desa.write_number(1, 5, 1500).unwrap();
    desa.write_number(1, 6, 2955).unwrap();
    desa.write_string(2, 0, "35.08.23.2002").unwrap();
    desa.write_string(2, 1, "Dua").unwrap();
    let dok = wb.add_worksheet().set_name("Dokumen").unwrap();
    for (j, h) in ["kode_desa", "jenis", "tahun_anggaran", "tanggal", "nomor"]
        .iter()
        .enumerate()
    {
        dok.write_string(1, j as u16, *h).unwrap();
    }
    let tanggal = Format::new().set_num_format("dd/mm/yyyy");
    dok.write_string(2, 0, "=\"35.08.23.2001\"").unwrap();
    dok.write_string(2, 1, "RKP Desa").unwrap();
    dok.write_number(2, 2, 2027).unwrap();
    dok.write_datetime_with_format(2, 3, ExcelDateTime::from_ymd(2026, 9, 1).unwrap(), &tanggal)
        .unwrap();
    dok.write_string(2, 4, "5/2026").unwrap();
    dok.write_string(3, 0, "35.08.23.2002").unwrap();
    dok.write_string(3, 1, "APBDes").unwrap();
    dok.write_number(3, 2, 2027).unwrap();
    if buruk {
        dok.write_string(3, 3, "31/02/2026").unwrap();
    } else {
        dok.write_string(3, 3, "15/09/2026").unwrap();
    }
    let p = d.path().join(nama);
    wb.save(&p).unwrap();
    p
}

#[test]
fn a_workbook_is_imported_from_its_first_sheet_or_the_one_named() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    buku_kerja(&d, "kantor.xlsx", false);
    let o = d.ok(HARI_INI, &["impor", "desa", "kantor.xlsx"]);
    assert_eq!(teks(&o.stderr), "", "1.455 + 1.500 = 2.955");
    assert_eq!(
        desa_di_cek(&d),
        vec![
            ("35.08.23.2001".to_string(), "Satu".to_string()),
            ("35.08.23.2002".to_string(), "Dua".to_string())
        ]
    );
    d.ok(
        HARI_INI,
        &["impor", "dokumen", "kantor.xlsx", "--lembar", "dokumen"],
    );
    assert!(!undated(&d, "35.08.23.2001", "RKPDes", 2027));
    assert!(!undated(&d, "35.08.23.2002", "APBDes", 2027));
    let conn = rusqlite::Connection::open(d.db()).unwrap();
    let (tanggal, nomor): (String, String) = conn
        .query_row(
            "SELECT tanggal, nomor FROM dokumen WHERE nomor <> '' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((tanggal.as_str(), nomor.as_str()), ("2026-09-01", "5/2026"));
}

#[test]
fn a_bad_row_in_a_sheet_names_file_sheet_and_row_and_nothing_is_written() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    buku_kerja(&d, "kantor.xlsx", true);
    d.ok(HARI_INI, &["impor", "desa", "kantor.xlsx"]);
    let err = ditolak_arg(&d, "dokumen", "kantor.xlsx"); // first sheet: the desa columns
    assert!(
        err[0].starts_with("kantor.xlsx:Desa:1: kolom 'Nama Desa' tidak dikenal"),
        "{err:?}"
    );
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(
        HARI_INI,
        &["impor", "--lembar", "Dokumen", "dokumen", "kantor.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = baris_stderr(&o);
    assert!(
        err.iter()
            .any(|b| b.starts_with("kantor.xlsx:Dokumen:4: ") && b.contains("31/02/2026")),
        "{err:?}"
    );
    assert_eq!(d.potret(HARI_INI), sebelum, "all or nothing");
    let o = d.jalan(
        HARI_INI,
        &["impor", "dokumen", "kantor.xlsx", "--lembar", "Tidak Ada"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o)[0],
        "kantor.xlsx: tidak ada lembar 'Tidak Ada'; lembar yang ada: Desa, Dokumen"
    );
}

#[test]
fn a_windows_1252_csv_is_imported_with_a_warning() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.tulis_bytes(
        "desa.csv",
        b"kode;nama;kecamatan\r\n35.08.23.2001;D\xe9sa Satu;Tanjung\r\n",
    );
    let o = d.ok(HARI_INI, &["impor", "desa", "desa.csv"]);
    assert!(teks(&o.stderr).starts_with("desa.csv: bukan UTF-8; dibaca sebagai Windows-1252"));
    assert_eq!(
        desa_di_cek(&d),
        vec![("35.08.23.2001".to_string(), "Désa Satu".to_string())]
    );
}
