//! Issue 12 (point 4): kepala desa with their inauguration; the end of the term follows the
//! rules stored in the database (6 years under UU 6/2014, 8 since UU 3/2024, which also
//! lengthened the terms of those in office), never a constant of the program.

mod common;

use common::*;

const HARI_INI: &str = "2026-12-02";

fn conn(d: &Dunia) -> rusqlite::Connection {
    rusqlite::Connection::open(d.db()).unwrap()
}

#[test]
fn kepala_desa_are_imported_all_or_nothing_and_audited() {
    let d = Dunia::sukamaju(HARI_INI);
    d.tulis(
        "kades.csv",
        "Kode Desa;Nama;Dilantik;Akhir Masa;Keterangan\n\
         35.08.21.2001;Sutrisno;04/11/2019;;\n\
         35.08.21.2002;Siti Aminah;10/03/2025;;periode pertama\n",
    );
    let o = d.ok(HARI_INI, &["impor", "kepala-desa", "kades.csv"]);
    assert_eq!(
        teks(&o.stdout),
        "Impor kepala desa dari kades.csv: 2 kepala desa baru disimpan.\n"
    );
    // the same file again changes nothing; a recorded end of term updates the row
    let o = d.ok(HARI_INI, &["impor", "kepala-desa", "kades.csv"]);
    assert!(
        teks(&o.stdout).contains("semua tidak berubah"),
        "{}",
        teks(&o.stdout)
    );
    d.tulis(
        "perpanjang.csv",
        "kode_desa;nama;dilantik;akhir_masa\n35.08.21.2001;Sutrisno;2019-11-04;2028-01-31\n",
    );
    d.ok(HARI_INI, &["impor", "village-heads", "perpanjang.csv"]);
    let akhir: String = conn(&d)
        .query_row(
            "SELECT akhir_masa FROM kepala_desa WHERE nama = 'Sutrisno'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(akhir, "2028-01-31");
    let o = d.ok(HARI_INI, &["riwayat", "--tabel", "kepala_desa"]);
    assert!(
        teks(&o.stdout).contains("31/01/2028"),
        "{}",
        teks(&o.stdout)
    );
    // bad rows: nothing is written, every reason named by its line
    let sebelum = d.potret(HARI_INI);
    d.tulis(
        "buruk.csv",
        "kode_desa;nama;dilantik;akhir_masa\n\
         35.08.21.2009;Tidak Ada;01/01/2020;\n\
         35.08.21.2002;;01/01/2020;\n\
         35.08.21.2002;Budi;01/01/2027;\n\
         35.08.21.2002;Budi;01/01/2020;01/01/2019\n",
    );
    let o = d.jalan(HARI_INI, &["impor", "kepala-desa", "buruk.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let b = baris_stderr(&o);
    assert!(
        b[0].starts_with("buruk.csv:2: desa 35.08.21.2009 tidak ada"),
        "{b:?}"
    );
    assert!(b[1].starts_with("buruk.csv:3: nama wajib diisi"), "{b:?}");
    assert!(
        b[2].starts_with("buruk.csv:4: dilantik 01/01/2027 sesudah hari ini"),
        "{b:?}"
    );
    assert!(
        b[3].starts_with("buruk.csv:5: akhir_masa harus sesudah"),
        "{b:?}"
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
    let n: i64 = conn(&d)
        .query_row("SELECT count(*) FROM kepala_desa", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "nothing of the bad file was written");
}

/// The term's length is data: a kabupaten (or a later law) changes the rule row and the end
/// of every term follows, without a new release.
#[test]
fn the_terms_length_comes_from_the_stored_rules() {
    use pantau::domain::kepala_desa::akhir_masa;
    use pantau::store::{Store, kepala_desa};
    let d = Dunia::sukamaju(HARI_INI);
    let store = Store::buka(&d.db()).unwrap();
    let aturan = kepala_desa::aturan(store.conn()).unwrap();
    assert_eq!(
        aturan.iter().map(|a| a.tahun).collect::<Vec<_>>(),
        [6, 8],
        "the shipped rules"
    );
    let t = |y, m, h| chrono::NaiveDate::from_ymd_opt(y, m, h).unwrap();
    // in office when UU 3/2024 took effect: 8 years from the inauguration
    assert_eq!(
        akhir_masa(t(2019, 11, 4), &aturan).unwrap().0,
        t(2027, 11, 4)
    );
    store
        .conn()
        .execute(
            "UPDATE masa_jabatan SET tahun = 7 WHERE berlaku_sejak = '2024-04-25'",
            [],
        )
        .unwrap();
    let aturan = kepala_desa::aturan(store.conn()).unwrap();
    assert_eq!(
        akhir_masa(t(2019, 11, 4), &aturan).unwrap().0,
        t(2026, 11, 4)
    );
}
