//! Hostile input refused by the imports, text from an old database printed safely, and the
//! import summary counting what it did.

mod common;

use common::*;

const HARI_INI: &str = "2026-11-23";

fn tanpa_kendali(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n')
}

/// The reproduction of issue 9: a terminal title and a screen clear as a desa name.
#[test]
fn a_terminal_escape_in_a_desa_file_is_refused_and_never_printed() {
    let d = Dunia::sukamaju(HARI_INI);
    let sebelum = d.potret(HARI_INI);
    d.tulis_bytes(
        "jahat.csv",
        b"kode;nama;kecamatan\n35.08.21.2001;\"\x1b]0;X\x07\x1b[2J\";Sukamaju\n",
    );
    let o = d.jalan(HARI_INI, &["impor", "desa", "jahat.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let err = teks(&o.stderr);
    assert!(tanpa_kendali(&err), "{err:?}");
    assert_eq!(
        baris_stderr(&o),
        [
            "jahat.csv:2: nama: berisi karakter kendali U+001B yang tidak boleh",
            "jahat.csv: impor dibatalkan (1 masalah); tidak ada yang disimpan"
        ]
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
}

/// Bidi overrides and zero-width-only values in a document and a facilitation file.
#[test]
fn bidi_overrides_and_invisible_values_are_refused_with_file_and_line() {
    let d = Dunia::sukamaju(HARI_INI);
    let sebelum = d.potret(HARI_INI);
    d.tulis(
        "dok.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;nomor;keterangan\n\
         35.08.21.2001;RKPDes;2027;01/09/2026;12/2026;baik\n\
         35.08.21.2002;RKPDes;2027;01/09/2026;\u{202e}6202/21;\n\
         35.08.21.2003;RKPDes;2027;01/09/2026;;\u{200b}\u{feff}\n",
    );
    let o = d.jalan(HARI_INI, &["impor", "dokumen", "dok.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let b = baris_stderr(&o);
    assert_eq!(b.len(), 3, "{b:?}");
    assert_eq!(
        b[0],
        "dok.csv:3: nomor: berisi karakter kendali U+202E yang tidak boleh"
    );
    assert!(
        b[1].starts_with("dok.csv:4: keterangan: hanya berisi karakter tak tampak"),
        "{b:?}"
    );
    assert!(tanpa_kendali(&teks(&o.stderr)));
    assert_eq!(d.potret(HARI_INI), sebelum);
}

/// A name written into the database before such names were refused is printed with `?`.
#[test]
fn iku_prints_a_name_from_an_old_database_safely() {
    let d = Dunia::sukamaju(HARI_INI);
    let conn = rusqlite::Connection::open(d.db()).unwrap();
    // the audit triggers call pantau's own function
    conn.create_scalar_function(
        "pantau_pengguna",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        |_| Ok("uji".to_string()),
    )
    .unwrap();
    conn.execute(
        "UPDATE kecamatan SET nama = 'Suka\u{1b}[2Jmaju\u{202e}' WHERE kode = '35.08.21'",
        [],
    )
    .unwrap();
    drop(conn);
    let o = d.ok(HARI_INI, &["iku", "--tahun", "2026"]);
    let out = teks(&o.stdout);
    assert!(tanpa_kendali(&out), "{out:?}");
    assert!(
        out.contains("Kecamatan Suka?[2Jmaju? (35.08.21), 3 desa"),
        "{out}"
    );
}

/// The desa import counts desa and kelurahan apart and says when nothing changed.
#[test]
fn desa_import_summary_counts_kelurahan_and_unchanged_rows() {
    let d = Dunia::new();
    let isi = "kode;nama;kecamatan\n35.08.21.2001;Alpha;Sukamaju\n35.08.21.2002;Beta;Sukamaju\n35.08.21.1001;Kota;Sukamaju\n";
    let o = d.impor(HARI_INI, "desa", "desa.csv", isi);
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor desa dari desa.csv: 2 desa dan 1 kelurahan baru disimpan; 1 kecamatan baru."
    );
    let o = d.impor(HARI_INI, "desa", "desa.csv", isi);
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor desa dari desa.csv: 2 desa dan 1 kelurahan, semua tidak berubah; tidak ada yang disimpan."
    );
    let o = d.impor(
        HARI_INI,
        "desa",
        "desa2.csv",
        "kode;nama\n35.08.21.2001;Alpha Baru\n35.08.21.2002;Beta\n35.08.21.2003;Gamma\n",
    );
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor desa dari desa2.csv: 3 desa: 1 baru, 1 diubah, 1 tidak berubah."
    );
}

/// The document import says how many rows were new, changed and unchanged, the Indonesian way.
#[test]
fn document_import_summary_counts_new_changed_and_unchanged() {
    let d = Dunia::new();
    let mut desa = String::from("kode;nama;kecamatan\n");
    let mut dok = String::from("kode_desa;jenis;tahun_anggaran;tanggal\n");
    for i in 0..400 {
        desa.push_str(&format!("35.08.21.{};Desa {i};Sukamaju\n", 2001 + i));
        for j in ["RKPDes", "APBDes", "LPPDes"] {
            dok.push_str(&format!("35.08.21.{};{j};2025;\n", 2001 + i));
        }
    }
    d.impor(HARI_INI, "desa", "desa.csv", &desa);
    let o = d.impor(HARI_INI, "dokumen", "dok.csv", &dok);
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor dokumen dari dok.csv: 1.200 dokumen baru disimpan."
    );
    let o = d.impor(HARI_INI, "dokumen", "dok.csv", &dok);
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor dokumen dari dok.csv: 1.200 dokumen, semua tidak berubah; tidak ada yang disimpan."
    );
    let o = d.impor(
        HARI_INI,
        "dokumen",
        "dok2.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2025;30/09/2024\n35.08.21.2001;APBDes;2025;\n35.08.21.2001;RKPDes;2026;30/09/2025\n",
    );
    assert_eq!(
        teks(&o.stdout).trim(),
        "Impor dokumen dari dok2.csv: 3 dokumen: 1 baru, 1 diubah, 1 tidak berubah."
    );
}
