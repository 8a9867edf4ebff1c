//! `pantau ekspor`: the M&E matrix as a spreadsheet file, the KAK as Markdown.

mod common;

use common::*;

const HARI_INI: &str = "2026-11-23";

#[test]
fn the_me_matrix_exports_as_a_spreadsheet_csv() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let berkas = d.path().join("matriks.csv");
    d.ok(HARI_INI, &["ekspor", "matriks", berkas.to_str().unwrap()]);
    let isi = std::fs::read(&berkas).unwrap();
    assert!(
        isi.starts_with(b"\xEF\xBB\xBFkecamatan;no;kondisi_awal;kegiatan;pelaksana;target_output;")
    );
    let teks = String::from_utf8(isi).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(teks.trim_start_matches('\u{feff}').as_bytes());
    let baris: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(baris.len(), 6, "two problems with three activities each");
    assert!(baris.iter().all(|r| r.len() == 20 && &r[0] == "35.08.07"));
}

#[test]
fn the_kak_exports_as_markdown_with_the_computed_total() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let o = d.ok(HARI_INI, &["export", "kak", "3.05.25.39.006"]);
    let t = teks(&o.stdout);
    assert!(
        t.starts_with("**PEMERINTAH KABUPATEN LUMAJANG**  \n**KECAMATAN YOSOWILANGUN**  \n"),
        "{t}"
    );
    assert!(t.contains("| **Nama Kegiatan** | 3.05.25.39.006 Kegiatan Fasilitasi dan Koordinasi Bidang Perekonomian dan Pembangunan |"), "{t}");
    assert!(t.contains("|  | **Total** | **Rp 5.800.000** |"), "{t}");
    assert!(
        t.contains(
            "| 2 | Pelaksanaan Musrenbang Kecamatan | Januari | Kantor Kecamatan Yosowilangun |"
        ),
        "{t}"
    );
    let o = d.jalan(HARI_INI, &["ekspor", "kak", "9.99.99.99.999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(teks(&o.stderr).contains("kegiatan 9.99.99.99.999 tahun 2026 tidak ada"));
}
