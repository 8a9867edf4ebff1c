//! `pantau hari-libur` and `pantau impor hari-libur`: the working-day calendar's days off, as
//! shipped (SKB 2024, 2025 and 2026) and as an office loads a new year's decree.

mod common;

use common::*;

const HARI_INI: &str = "2026-12-02";

fn daftar(d: &Dunia, tahun: &str) -> String {
    teks(&d.ok(HARI_INI, &["hari-libur", "--tahun", tahun]).stdout)
}

#[test]
fn the_shipped_lists_are_shown_with_day_names() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    let t = daftar(&d, "2026");
    let baris: Vec<&str> = t.lines().collect();
    assert_eq!(
        baris[0],
        "Hari libur 2026: 17 libur nasional, 8 cuti bersama"
    );
    assert_eq!(baris[1], "Tanggal     Hari    Jenis           Nama");
    assert_eq!(
        baris[2],
        "01/01/2026  Kamis   Libur nasional  Tahun Baru 2026 Masehi"
    );
    assert!(
        t.contains("24/12/2026  Kamis   Cuti bersama    Cuti bersama Kelahiran Yesus Kristus\n")
    );
    assert!(t.contains("22/03/2026  Minggu  Libur nasional  Idulfitri 1447 Hijriah\n"));
    assert!(t.ends_with("Dasar: SKB 1497/2025, 2/2025, 5/2025\n"));
    // 2025 with the added cuti bersama of 18 August
    let t = daftar(&d, "2025");
    assert!(t.starts_with("Hari libur 2025: 17 libur nasional, 11 cuti bersama\n"));
    assert!(
        t.contains("18/08/2025  Senin   Cuti bersama    Cuti bersama HUT ke-80 Kemerdekaan RI\n")
    );
    // a year without a decree says so, and how to load it; the alias reads the same
    let t = teks(&d.ok(HARI_INI, &["holidays", "--year", "2027"]).stdout);
    assert_eq!(
        t,
        "Belum ada daftar hari libur tahun 2027; hari kerja tahun itu dihitung Senin–Jumat saja.\n\
         Muat daftar SKB 2027 dengan: pantau impor hari-libur BERKAS\n"
    );
    // all years: the three shipped, in order (2024 for the evaluations of TA 2025)
    let t = teks(&d.ok(HARI_INI, &["hari-libur"]).stdout);
    let judul: Vec<&str> = t.lines().filter(|l| l.starts_with("Hari libur ")).collect();
    assert_eq!(
        judul,
        [
            "Hari libur 2024: 17 libur nasional, 10 cuti bersama",
            "Hari libur 2025: 17 libur nasional, 11 cuti bersama",
            "Hari libur 2026: 17 libur nasional, 8 cuti bersama"
        ]
    );
}

#[test]
fn json_lists_every_day_with_its_kind_and_decree() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    let v = json(
        &d.ok(HARI_INI, &["hari-libur", "--json", "--tahun", "2026"])
            .stdout,
    );
    let tahun = &v["tahun"][0];
    assert_eq!(tahun["tahun"], 2026);
    assert_eq!(tahun["tercakup"], true);
    let hari = tahun["hari_libur"].as_array().unwrap();
    assert_eq!(hari.len(), 25);
    assert_eq!(hari[0]["tanggal"], "2026-01-01");
    assert_eq!(hari[0]["hari"], "Kamis");
    assert_eq!(hari[0]["jenis"], "libur_nasional");
    assert_eq!(hari[24]["dasar"], "SKB 1497/2025, 2/2025, 5/2025");
    let v = json(
        &d.ok(HARI_INI, &["hari-libur", "--json", "--tahun", "2027"])
            .stdout,
    );
    assert_eq!(v["tahun"][0]["tercakup"], false);
}

#[test]
fn a_new_years_list_is_imported_and_a_known_date_is_updated() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.tulis(
        "skb2027.csv",
        "Tanggal;Nama Libur;Jenis Libur;Dasar Hukum\n\
         01/01/2027;Tahun Baru 2027 Masehi;Libur Nasional;uji\n\
         2027-12-24;Cuti bersama Natal;cuti bersama;uji\n\
         2026-12-24;Malam Natal;libur_nasional;uji\n\
         2026-12-25;Kelahiran Yesus Kristus;libur_nasional;SKB 1497/2025, 2/2025, 5/2025\n",
    );
    let o = d.ok(HARI_INI, &["impor", "hari-libur", "skb2027.csv"]);
    assert_eq!(
        teks(&o.stdout),
        "Impor hari libur dari skb2027.csv: 4 tanggal: 2 baru, 1 diubah, 1 tidak berubah.\n"
    );
    let t = daftar(&d, "2027");
    assert!(t.starts_with("Hari libur 2027: 1 libur nasional, 1 cuti bersama\n"));
    assert!(t.contains("01/01/2027  Jumat   Libur nasional  Tahun Baru 2027 Masehi\n"));
    let t = daftar(&d, "2026");
    assert!(t.contains("24/12/2026  Kamis   Libur nasional  Malam Natal\n"));
    assert!(t.starts_with("Hari libur 2026: 18 libur nasional, 7 cuti bersama\n"));
    // the same file again changes nothing; the English alias works
    let o = d.ok(HARI_INI, &["import", "holidays", "skb2027.csv"]);
    assert_eq!(
        teks(&o.stdout),
        "Impor hari libur dari skb2027.csv: 4 tanggal, semua tidak berubah; tidak ada yang disimpan.\n"
    );
    // the audit log has the import's new rows and the change with what it was before
    let r = teks(&d.ok(HARI_INI, &["riwayat", "--tabel", "hari_libur"]).stdout);
    assert!(r.contains("impor: skb2027.csv"), "{r}");
    assert!(r.contains("baris_baru: 2"), "{r}");
    assert!(
        r.contains("nama: Cuti bersama Kelahiran Yesus Kristus -> Malam Natal"),
        "{r}"
    );
}

#[test]
fn a_bad_file_is_refused_whole_with_its_lines() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    let sebelum = daftar(&d, "2027") + &daftar(&d, "2026");
    d.tulis(
        "buruk.csv",
        "tanggal;nama;jenis;dasar\n\
         2027-01-01;Tahun Baru 2027 Masehi;libur_nasional;\n\
         01/01/2027;Tahun Baru lagi;libur_nasional;\n\
         31/02/2027;Tanggal yang tidak ada;cuti_bersama;\n\
         2027-03-03;;fakultatif;\n\
         ;Tanpa tanggal;cuti_bersama;\n\
         2026-12-24;Malam Natal;libur_nasional;\n",
    );
    let o = d.jalan(HARI_INI, &["impor", "hari-libur", "buruk.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o),
        [
            "buruk.csv:3: tanggal 01/01/2027 sudah ada di baris 2; satu tanggal satu baris",
            "buruk.csv:4: tanggal '31/02/2027' tidak ada: Februari 2027 hanya sampai tanggal 28",
            "buruk.csv:5: jenis 'fakultatif' tidak dikenal; pakai libur_nasional atau cuti_bersama; nama wajib diisi",
            "buruk.csv:6: tanggal wajib diisi",
            "buruk.csv: impor dibatalkan (4 masalah); tidak ada yang disimpan",
        ]
    );
    // nothing written: neither the good 2027 row nor the change of 24/12/2026
    assert_eq!(daftar(&d, "2027") + &daftar(&d, "2026"), sebelum);
    // a file without the kind column is refused before any row
    d.tulis("tanpa.csv", "tanggal;nama\n2027-01-01;Tahun Baru\n");
    let o = d.jalan(HARI_INI, &["impor", "hari-libur", "tanpa.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let g = teks(&o.stderr);
    assert!(g.contains("jenis"), "{g}");
    assert!(g.contains("tidak ada yang disimpan"), "{g}");
    assert_eq!(daftar(&d, "2027") + &daftar(&d, "2026"), sebelum);
}

#[test]
fn a_workbook_with_date_cells_is_read_like_a_csv() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Libur 2027").unwrap();
    for (j, h) in ["Tanggal", "Nama", "Jenis", "Dasar"].iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let f = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_datetime_with_format(1, 0, ExcelDateTime::from_ymd(2027, 1, 1).unwrap(), &f)
        .unwrap();
    ws.write_string(1, 1, "Tahun Baru 2027 Masehi").unwrap();
    ws.write_string(1, 2, "libur_nasional").unwrap();
    ws.write_string(2, 0, "17/08/2027").unwrap();
    ws.write_string(2, 1, "Proklamasi Kemerdekaan").unwrap();
    ws.write_string(2, 2, "libur_nasional").unwrap();
    wb.save(d.path().join("libur.xlsx")).unwrap();
    let o = d.ok(HARI_INI, &["impor", "hari-libur", "libur.xlsx"]);
    assert_eq!(
        teks(&o.stdout),
        "Impor hari libur dari libur.xlsx:Libur 2027: 2 tanggal baru disimpan.\n"
    );
    let t = daftar(&d, "2027");
    assert!(
        t.contains("01/01/2027  Jumat   Libur nasional  Tahun Baru 2027 Masehi\n"),
        "{t}"
    );
    assert!(
        t.contains("17/08/2027  Selasa  Libur nasional  Proklamasi Kemerdekaan\n"),
        "{t}"
    );
}

#[test]
fn the_listing_reads_a_read_only_database() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.ok(HARI_INI, &["--baca-saja", "hari-libur", "--tahun", "2026"]);
    let o = d.jalan(HARI_INI, &["--baca-saja", "impor", "hari-libur", "x.csv"]);
    assert_eq!(o.status.code(), Some(2));
}
