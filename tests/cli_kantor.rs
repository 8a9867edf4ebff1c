//! Office files (issue 11): workbooks saved by LibreOffice from the office-style CSV
//! fixtures (`tests/data/kantor`) import into the same database as the CSV files. Needs
//! LibreOffice (`soffice`); `.ci/run` installs it, and without it these tests fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::tmux::Sesi;
use common::*;

const HARI_INI: &str = "2026-12-02";
const JENIS: [&str; 4] = ["desa", "dokumen", "fasilitasi", "ikm"];

fn fixture(nama: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/kantor")
        .join(nama)
}

/// LibreOffice headless, with its own profile folder (tests run side by side).
pub fn soffice(dir: &Path) -> Command {
    let program = ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect(
            "LibreOffice (soffice) is needed for this test: apt-get install \
             libreoffice-calc-nogui libreoffice-writer-nogui (.ci/run does it)",
        );
    let mut c = Command::new(program);
    c.arg(format!(
        "-env:UserInstallation=file://{}",
        dir.join("profil-lo").display()
    ))
    .arg("--headless");
    c
}

/// The CSV fixtures opened by LibreOffice as an Indonesian office would (`;`, UTF-8,
/// Indonesian number and date formats) and saved as `ext`.
fn simpan_sebagai(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let keluar = dir.join(ext);
    let mut c = soffice(dir);
    c.arg("--infilter=CSV:59,34,76,1,,1057")
        .arg("--convert-to")
        .arg(ext)
        .arg("--outdir")
        .arg(&keluar);
    for j in JENIS {
        c.arg(fixture(&format!("{j}.csv")));
    }
    let o = c.output().expect("run soffice");
    assert!(
        o.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    JENIS
        .iter()
        .map(|j| {
            let p = keluar.join(format!("{j}.{ext}"));
            assert!(p.is_file(), "{} not written", p.display());
            p
        })
        .collect()
}

/// What the imports stored, row by row, in a stable order.
fn isi(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut hasil = Vec::new();
    for sql in [
        "SELECT d.kode, d.nama, d.kelurahan, k.kode, k.nama, k.kabupaten, d.luas_km2_x100, d.dusun,
                d.rw, d.rt, d.laki_laki, d.perempuan, d.jumlah_penduduk, d.rumah_tangga
           FROM desa d JOIN kecamatan k ON k.id = d.kecamatan_id ORDER BY d.kode",
        "SELECT d.kode, j.kode, x.tahun_anggaran, x.tanggal, x.nomor, x.keterangan
           FROM dokumen x JOIN desa d ON d.id = x.desa_id JOIN jenis_dokumen j ON j.id = x.jenis_id
          ORDER BY 1, 2, 3",
        "SELECT f.tanggal, c.kode, d.kode, f.uraian, f.output, f.bukti, f.ditindaklanjuti
           FROM fasilitasi f JOIN katalog_fasilitasi c ON c.id = f.katalog_id
           LEFT JOIN desa d ON d.id = f.desa_id ORDER BY 1, 2",
        "SELECT * FROM ikm_responden ORDER BY id",
    ] {
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        let baris = st
            .query_map([], |r| {
                let mut v = Vec::new();
                for i in 0..n {
                    let x: rusqlite::types::Value = r.get(i)?;
                    v.push(format!("{x:?}"));
                }
                Ok(v.join("|"))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        hasil.extend(baris);
    }
    hasil
}

fn impor_semua(d: &Dunia, berkas: &[PathBuf]) -> Vec<String> {
    d.ok(HARI_INI, &["init"]);
    for (j, b) in JENIS.iter().zip(berkas) {
        d.ok(HARI_INI, &["impor", j, b.to_str().unwrap()]);
    }
    isi(&d.db())
}

#[test]
fn workbooks_saved_by_libreoffice_import_into_the_same_database_as_their_csv() {
    let csv = Dunia::new();
    let dari_csv = impor_semua(&csv, &JENIS.map(|j| fixture(&format!("{j}.csv"))));
    assert_eq!(dari_csv.len(), 3 + 3 + 2 + 2, "{dari_csv:#?}");
    for ext in ["xlsx", "ods", "xls"] {
        let d = Dunia::new();
        let berkas = simpan_sebagai(d.path(), ext);
        assert_eq!(impor_semua(&d, &berkas), dari_csv, "{ext}");
    }
}

// ---------------------------------------------------------------- spreadsheets out

/// A part of a workbook (an `.xlsx` is a zip of XML files).
fn bagian(berkas: &Path, nama: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(berkas).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(nama).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn sheet(berkas: &Path) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(berkas).unwrap();
    let nama = wb.sheet_names()[0].clone();
    wb.worksheet_range(&nama).unwrap()
}

fn sel(r: &calamine::Range<calamine::Data>, baris: u32, kolom: u32) -> calamine::Data {
    r.get_value((baris, kolom))
        .cloned()
        .unwrap_or(calamine::Data::Empty)
}

/// The row whose first cells read `awal`.
fn baris_dengan(r: &calamine::Range<calamine::Data>, kolom: u32, isi: &str) -> u32 {
    (0..r.height() as u32)
        .find(|b| sel(r, *b, kolom) == *isi)
        .unwrap_or_else(|| panic!("no row with {isi}"))
}

/// The status table of the sample, read back cell by cell: types, the page set up for print.
#[test]
fn the_status_table_is_a_real_workbook_with_types_and_a_printed_page() {
    use calamine::Data;
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let p = d.path().join("status.xlsx");
    let o = d.ok(HARI_INI, &["ekspor", "status", p.to_str().unwrap()]);
    assert_eq!(
        teks(&o.stderr).trim(),
        format!("Ditulis: {} (12 desa/kelurahan)", p.display())
    );
    let r = sheet(&p);
    assert_eq!(
        sel(&r, 0, 0),
        Data::String("Status dokumen desa tahun anggaran 2027".into())
    );
    let kepala = baris_dengan(&r, 0, "No");
    assert_eq!(
        sel(&r, kepala - 1, 3).to_string(),
        "RKPDes TA 2027 (tenggat 30/09/2026)"
    );
    assert_eq!(sel(&r, kepala, 3).to_string(), "Status");
    let wot = baris_dengan(&r, 1, "35.08.07.2003");
    assert_eq!(sel(&r, wot, 0), Data::Float(3.0), "No is a number");
    assert_eq!(sel(&r, wot, 2).to_string(), "Wotgalih");
    assert_eq!(sel(&r, wot, 3).to_string(), "tepat waktu");
    match sel(&r, wot, 4) {
        Data::DateTime(t) => {
            let (y, m, h, ..) = t.to_ymd_hms_milli();
            assert_eq!((y, m, h), (2026, 9, 16));
        }
        lain => panic!("a date cell expected, got {lain:?}"),
    }
    assert_eq!(sel(&r, wot, 5).to_string(), "Perdes No. 5 Tahun 2026");
    assert_eq!(sel(&r, wot, 6).to_string(), "mendekati tenggat");
    assert_eq!(r.height() as u32, wot + 1 + (12 - 3));
    let xml = bagian(&p, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("state=\"frozen\""), "frozen header");
    assert!(xml.contains("<autoFilter"), "filter");
    assert!(
        xml.contains("orientation=\"landscape\"") && xml.contains("paperSize=\"9\""),
        "A4 landscape"
    );
    // ten kinds do not fit one page's width readably: two kinds to a printed page, a page
    // break after each pair, the desa columns repeated on every page
    assert!(xml.contains("scale=\""), "a print scale: {xml}");
    let putus: Vec<&str> = xml
        .match_indices("<brk id=\"")
        .map(|(i, _)| &xml[i + 9..i + 11])
        .collect();
    assert_eq!(
        putus,
        ["9\"", "15", "22", "28"],
        "breaks after every two kinds (the evaluation has a column for its result)"
    );
    let r = sheet(&p);
    let kepala = baris_dengan(&r, 0, "No");
    let hasil = (0..r.width() as u32)
        .find(|c| sel(&r, kepala, *c) == calamine::Data::String("Hasil".into()))
        .expect("a result column");
    assert!(
        sel(&r, kepala - 1, hasil - 3)
            .to_string()
            .starts_with("EvalAPBDes TA 2027"),
        "under the evaluation"
    );
    let isi: Vec<String> = (kepala + 1..r.height() as u32)
        .map(|b| sel(&r, b, hasil).to_string())
        .filter(|s| !s.is_empty())
        .collect();
    assert!(
        !isi.is_empty() && isi.iter().all(|h| h == "sesuai" || h == "perlu perbaikan"),
        "{isi:?}"
    );
    assert!(
        bagian(&p, "xl/workbook.xml").contains("!$A:$C,"),
        "the desa columns repeated on every page"
    );
    // the three documents of IKU 2 alone still fit one page's width
    // the kinds counted from another first
    for k in JENIS_BARU.iter().rev() {
        d.ok(HARI_INI, &["atur", "tenggat", k, "--aktif", "tidak"]);
    }
    let p3 = d.path().join("status3.xlsx");
    d.ok(HARI_INI, &["ekspor", "status", p3.to_str().unwrap()]);
    assert!(
        bagian(&p3, "xl/worksheets/sheet1.xml").contains("fitToHeight=\"0\""),
        "fitted to the page width"
    );
    assert!(
        xml.contains("Kecamatan Yosowilangun (35.08.07)") && xml.contains("Dicetak 02/12/2026"),
        "page header"
    );
    assert!(xml.contains("Halaman &amp;P dari &amp;N"), "page footer");
    let buku = bagian(&p, "xl/workbook.xml");
    assert!(
        buku.contains("_xlnm.Print_Titles"),
        "header rows on every page: {buku}"
    );
    let gaya = bagian(&p, "xl/styles.xml");
    assert!(gaya.contains("dd/mm/yyyy"), "Indonesian dates");
}

#[test]
fn the_daily_check_as_a_table_and_as_csv() {
    use calamine::Data;
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let p = d.path().join("cek.xlsx");
    d.ok(
        HARI_INI,
        &["ekspor", "cek", "--hari", "60", p.to_str().unwrap()],
    );
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "60"]);
    let item = item(&cek);
    let r = sheet(&p);
    let kepala = baris_dengan(&r, 0, "No");
    assert_eq!(r.height() as u32 - kepala - 1, item.len() as u32);
    let pertama = kepala + 1;
    assert!(
        matches!(sel(&r, pertama, 1), Data::DateTime(_)),
        "deadline is a date"
    );
    assert_eq!(sel(&r, pertama, 2).to_string(), item[0].4.replace('_', " "));
    assert_eq!(
        sel(&r, pertama, 3),
        Data::Float(item[0].5 as f64),
        "days as a number"
    );
    assert_eq!(
        sel(&r, pertama, 5),
        Data::Float(item[0].2 as f64),
        "fiscal year"
    );
    assert_eq!(sel(&r, pertama, 8).to_string(), item[0].0);
    // the camat's own tasks say so in the last column, the desa's leave it empty
    let mut kantor = 0;
    for (i, x) in cek["dokumen"].as_array().unwrap().iter().enumerate() {
        let k = sel(&r, pertama + i as u32, 10).to_string();
        assert_eq!(sel(&r, pertama + i as u32, 4).to_string(), x["jenis"]);
        if x["pelaku"] == "camat" {
            kantor += 1;
            assert!(k.starts_with("tugas kantor kecamatan"), "{i}: {k}");
        } else {
            assert!(!k.contains("tugas kantor"), "{i}: {k}");
        }
    }
    assert!(kantor > 0, "the sample is in the evaluation season");
    // CSV: BOM, `;`, one row per item, the same order
    let o = d.ok(HARI_INI, &["ekspor", "cek", "--hari", "60", "-"]);
    let csv = teks(&o.stdout);
    assert!(
        csv.starts_with("\u{feff}no;tenggat;status;hari;jenis;tahun_anggaran;"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), item.len() + 1);
    let kedua = csv.lines().nth(1).unwrap();
    assert!(kedua.contains(&item[0].0), "{kedua}");
    // a format that is not one: nothing written
    let o = d.jalan(HARI_INI, &["ekspor", "cek", "cek.pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(teks(&o.stderr).starts_with("cek.pdf: akhiran berkas menentukan bentuknya"));
    assert!(!d.path().join("cek.pdf").exists());
}

/// Every spreadsheet pantau writes opens in LibreOffice and prints to PDF.
#[test]
fn every_spreadsheet_converts_to_pdf_in_libreoffice() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let mut berkas = Vec::new();
    let semua = [
        ("status", vec![]),
        ("cek", vec!["--hari", "60"]),
        ("matriks", vec![]),
        ("rencana", vec![]),
        ("fasilitasi", vec![]),
        ("iku", vec![]),
    ];
    for (jenis, args) in semua {
        let p = d.path().join(format!("{jenis}.xlsx"));
        let mut a = vec!["ekspor", jenis];
        a.extend(args);
        a.push(p.to_str().unwrap());
        d.ok(HARI_INI, &a);
        berkas.push(p);
    }
    let keluar = d.path().join("pdf");
    let mut c = soffice(d.path());
    c.arg("--convert-to")
        .arg("pdf")
        .arg("--outdir")
        .arg(&keluar);
    for b in &berkas {
        c.arg(b);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (b, judul) in berkas
        .iter()
        .zip(["Status dokumen desa", "Dokumen desa lewat tenggat"])
    {
        let pdf = keluar.join(b.with_extension("pdf").file_name().unwrap());
        let isi = std::fs::read(&pdf).unwrap_or_else(|_| panic!("{} not converted", b.display()));
        assert!(isi.starts_with(b"%PDF"), "{}", pdf.display());
        let teks_pdf = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
        let t = String::from_utf8_lossy(&teks_pdf.stdout);
        assert!(t.contains(judul), "{t}");
        assert!(t.contains("Halaman 1 dari"), "{t}");
    }
}

/// The M&E matrix in the seed's layout: a problem's cells merged over its activities, the
/// rounds I–III under one heading, each round's progress, obstacle and follow-up in its cell.
#[test]
fn the_matrix_workbook_has_the_seeds_layout_with_merged_cells() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let p = d.path().join("matriks.xlsx");
    d.ok(
        HARI_INI,
        &["ekspor", "matriks", "--tahun", "2026", p.to_str().unwrap()],
    );
    let r = sheet(&p);
    let kepala = baris_dengan(&r, 0, "Permasalahan (kondisi awal)");
    assert_eq!(
        sel(&r, kepala - 1, 3).to_string(),
        "Hasil Monitoring Kemajuan Output"
    );
    let judul: Vec<String> = (0..8).map(|c| sel(&r, kepala, c).to_string()).collect();
    assert_eq!(
        judul,
        [
            "Permasalahan (kondisi awal)",
            "Kegiatan & Pelaksana",
            "Target Output Kegiatan",
            "I",
            "II",
            "III",
            "Target Outcome",
            "Capaian Outcome"
        ]
    );
    let pertama = kepala + 1;
    assert!(
        sel(&r, pertama, 0).to_string().starts_with("1. "),
        "numbered problems"
    );
    let putaran = sel(&r, pertama + 1, 3).to_string();
    assert!(
        putaran.starts_with("Tanggal: ")
            && putaran.contains("\nKemajuan: ")
            && putaran.contains("\nKendala: "),
        "{putaran:?}"
    );
    let xml = bagian(&p, "xl/worksheets/sheet1.xml");
    // the problem, target and achievement of problem 1 span its three activities
    let a = pertama + 1;
    for kolom in ["A", "G", "H"] {
        let gabung = format!("<mergeCell ref=\"{kolom}{a}:{kolom}{}\"/>", a + 2);
        assert!(xml.contains(&gabung), "{gabung} missing");
    }
    assert!(
        xml.contains(&format!("<mergeCell ref=\"D{}:F{}\"/>", kepala, kepala)),
        "round heading merged"
    );
    // the plan monitoring: a row per plan, its rounds under "Monitoring Kemajuan I, II, …"
    let p = d.path().join("rencana.xlsx");
    d.ok(
        HARI_INI,
        &["ekspor", "rencana", "--tahun", "2026", p.to_str().unwrap()],
    );
    let r = sheet(&p);
    let kepala = baris_dengan(&r, 0, "Desa/Unit Layanan");
    assert_eq!(sel(&r, kepala - 1, 5).to_string(), "Monitoring Kemajuan I");
    assert_eq!(sel(&r, kepala, 5).to_string(), "Tanggal");
    assert_eq!(r.height() as u32 - kepala - 1, 4, "the sample's four plans");
    assert!(matches!(
        sel(&r, kepala + 1, 2),
        calamine::Data::DateTime(_)
    ));
}

/// The IKU report equals `pantau iku --json`: a row per kecamatan and the total, numbers as
/// numbers, percentages as percentages; the facilitation log has every entry with its kind.
#[test]
fn the_iku_report_and_the_facilitation_log_read_back_as_the_figures_of_pantau_iku() {
    use calamine::Data;
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    d.impor(
        HARI_INI,
        "desa",
        "desa.csv",
        "kode;nama;kecamatan\n35.08.15.2001;Condro;Pasirian\n",
    );
    let p = d.path().join("iku.xlsx");
    d.ok(
        HARI_INI,
        &["ekspor", "iku", "--tahun", "2026", p.to_str().unwrap()],
    );
    let iku = d.iku_json(HARI_INI, 2026);
    let r = sheet(&p);
    let baris = baris_dengan(&r, 0, "35.08.07");
    let kec = kecamatan(&iku, "35.08.07");
    let i1 = indikator(kec, "IKU1");
    assert_eq!(
        sel(&r, baris, 3),
        Data::Float(i1["pembilang"].as_f64().unwrap())
    );
    assert_eq!(
        sel(&r, baris, 4),
        Data::Float(i1["penyebut"].as_f64().unwrap())
    );
    match sel(&r, baris, 5) {
        Data::Float(v) => assert!((v * 100.0 - i1["nilai"].as_f64().unwrap()).abs() < 0.006),
        lain => panic!("{lain:?}"),
    }
    let ikm = indikator(kec, "IKM");
    assert_eq!(
        sel(&r, baris, 11),
        Data::Float(ikm["nilai"].as_f64().unwrap())
    );
    assert_eq!(
        sel(&r, baris, 12).to_string(),
        ikm["mutu"].as_str().unwrap()
    );
    let jumlah = baris_dengan(&r, 1, "Jumlah (2 kecamatan)");
    assert_eq!(jumlah, baris + 2);
    assert_eq!(sel(&r, jumlah, 2), Data::Float(13.0), "12 + 1 desa");
    let pasirian = baris + 1;
    assert_eq!(
        sel(&r, pasirian, 5),
        Data::Empty,
        "0 of 0 has no value, never 0%"
    );
    assert_eq!(sel(&r, pasirian, 13).to_string(), "belum ada responden");

    let p = d.path().join("fasilitasi.xlsx");
    d.ok(
        HARI_INI,
        &[
            "ekspor",
            "fasilitasi",
            "--tahun",
            "2026",
            p.to_str().unwrap(),
        ],
    );
    let r = sheet(&p);
    let kepala = baris_dengan(&r, 0, "No");
    assert_eq!(
        r.height() as u32 - kepala - 1,
        i1["penyebut"].as_u64().unwrap() as u32
    );
    let ya = (kepala + 1..r.height() as u32)
        .filter(|b| sel(&r, *b, 11) == *"ya")
        .count();
    assert_eq!(ya as u64, i1["pembilang"].as_u64().unwrap());
    assert!(matches!(sel(&r, kepala + 1, 1), Data::DateTime(_)));
    let kode = sel(&r, kepala + 1, 2).to_string();
    let nama = sel(&r, kepala + 1, 3).to_string();
    assert!(
        kode.len() == 3 && nama.len() > 8,
        "the kind's code and name: {kode} {nama}"
    );
}

/// In the interface, `x` writes what the tab shows into the current folder and says where.
#[test]
fn x_in_the_interface_exports_the_tab_and_says_where_the_file_went() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let sesi = Sesi::awal(&format!(
        "{} --db {} --today {HARI_INI}",
        env!("CARGO_BIN_EXE_pantau"),
        d.db().display()
    ))
    .di(d.path())
    .mulai();
    sesi.tunggu("Beranda");
    sesi.kirim(&["4"]);
    sesi.tunggu("TA 2027");
    sesi.kirim(&["x"]);
    let s = sesi.tunggu("Diekspor:");
    drop(sesi);
    let berkas = d.path().join("status-TA2027-20261202.xlsx");
    assert!(s.contains("status-TA2027-20261202.xlsx"), "{s}");
    assert!(s.contains("12 desa/kelurahan"), "{s}");
    let r = sheet(&berkas);
    assert_eq!(
        sel(&r, 0, 0).to_string(),
        "Status dokumen desa tahun anggaran 2027"
    );
}
