//! Word documents (issue 11): the KAK of a kegiatan and the letters to desa, read back from
//! the `.docx` package with a zip and XML reader (not by matching what the writer was given),
//! and opened by LibreOffice, which must turn every one of them into a PDF.

mod baca_docx;
mod common;

use std::path::Path;
use std::process::Command;

use baca_docx::{Isi, baca};
use common::*;
use serde_json::Value;

const HARI_INI: &str = "2026-11-23";
const KAK_006: &str = "3.05.25.39.006";
const KAK_004: &str = "3.05.25.39.004";

fn contoh_berprofil() -> Dunia {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    d.ok(
        HARI_INI,
        &[
            "atur",
            "profil",
            "--camat",
            "Drs. Budi Santoso, M.Si",
            "--nip",
            "19700101 199003 1 001",
            "--pola-nomor",
            "400.10/{nomor}/427.75/{tahun}",
        ],
    );
    d
}

fn berkas_di(d: &Dunia) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The numbers of the headings at one depth, in order: `["1", "2", …]` from `1.\tDasar Hukum`.
fn nomor_judul(p: &[&str], pola: fn(&str) -> bool) -> Vec<String> {
    p.iter()
        .filter_map(|t| t.split_once('\t'))
        .filter(|(n, _)| pola(n))
        .map(|(n, _)| n.trim_end_matches(['.', ')']).to_string())
        .collect()
}

#[test]
fn the_kak_of_seed_000_reads_back_as_a4_with_letterhead_numbered_parts_and_tables() {
    let d = contoh_berprofil();
    let o = d.ok(HARI_INI, &["ekspor", "kak", KAK_006, "kak.docx"]);
    assert_eq!(teks(&o.stderr), "Ditulis: kak.docx\n");
    let doc = baca(&d.path().join("kak.docx"));
    assert_eq!(doc.halaman, (11_906, 16_838), "A4 in twips");
    let p = doc.paragraf();
    assert_eq!(
        &p[..4],
        &[
            "PEMERINTAH KABUPATEN LUMAJANG",
            "KECAMATAN YOSOWILANGUN",
            "Jl. Mayjen Soekartijo No. 56, Yosowilangun Telp. (0334) 390555",
            "YOSOWILANGUN - 67382",
        ]
    );
    assert!(p.contains(&"KERANGKA ACUAN KERJA (KAK)"));
    assert!(p.contains(&"TAHUN ANGGARAN 2026"));
    // the head: programme and its indicators, as in the seed
    let kepala = &doc.tabel()[0];
    assert_eq!(
        kepala[0],
        [
            "Nama Program",
            ":",
            "3.05.25.39 Program Penyelenggaraan Pemerintahan Kecamatan"
        ]
    );
    assert_eq!(kepala[3][0], "Indikator Output");
    assert!(kepala[3][2].starts_with("1. Presentase keterpenuhan unsure dalam Musrenbang\n2. "));
    // parts numbered cleanly: A., then 1. … 9. without gaps or repeats
    assert!(p.contains(&"A.\tLatar Belakang Kegiatan"));
    let bab = nomor_judul(&p, |n| {
        n.ends_with('.') && n[..n.len() - 1].parse::<u32>().is_ok()
    });
    let bab_awal: Vec<String> = bab.iter().take(9).cloned().collect();
    assert!(p.contains(&"1.\tDasar Hukum"));
    assert!(p.contains(&"9.\tBiaya yang Diperlukan"));
    assert_eq!(
        bab_awal,
        (1..=9).map(|i| i.to_string()).collect::<Vec<_>>(),
        "{bab:?}"
    );
    // the seed's own markers are gone from the text
    assert!(p.contains(&"a.\tAtas data umum sebagaimana disajikan diatas (berikut permasalahan/ fenomena secara detail :"));
    assert!(!p.iter().any(|t| t.contains("\ta. ") || t.contains("\t1) ")));
    // the budget history, years named, with the change from year to year
    let ang = doc.tabel_berkepala(&[
        "No",
        "Uraian",
        "N-2 (2024)",
        "N-1 (2025)",
        "Tahun berjalan (2026)",
        "Selisih N-1",
        "Selisih berjalan",
    ]);
    assert_eq!(ang.len(), 1);
    let nomor: Vec<&str> = ang[0][1..6].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        nomor,
        ["1", "2", "3", "4", "5"],
        "the seed numbers 1, 2, 3, 2, 3"
    );
    assert_eq!(
        ang[0][4],
        [
            "4",
            "Belanja Makanan dan Minuman Rapat",
            "Rp 6.750.000",
            "Rp 6.750.000",
            "Rp 2.250.000",
            "0,00%",
            "-66,67%"
        ]
    );
    assert_eq!(ang[0][6][1], "Jumlah");
    // indicators by level with targets; IKU 1, IKU 2 and the IKM computed, and saying so
    let ind = doc.tabel_berkepala(&["No", "Indikator", "Target", "Realisasi", "Capaian"]);
    assert_eq!(ind.len(), 1);
    let baris: Vec<String> = ind[0].iter().map(|r| r.join(" | ")).collect();
    assert!(
        baris.contains(&"Indikator Outcome".to_string()),
        "{baris:#?}"
    );
    assert!(
        baris.contains(
            &"1 | Nilai IKM | 82 | 77,43\n(dihitung IKM: 120 responden) | 94,43%".to_string()
        ),
        "{baris:#?}"
    );
    assert!(
        baris
            .iter()
            .any(|b| b.starts_with("3 | Rata - rata persentase desa")
                && b.contains("47,22%\n(dihitung IKU2: 17 dari 36)")),
        "{baris:#?}"
    );
    // stages with months, places, implementers, participants
    let jadwal = doc.tabel_berkepala(&["No", "Tahapan", "Bulan", "Tempat", "Pelaksana", "Peserta"]);
    assert_eq!(
        jadwal[0][3][..3],
        [
            "3",
            "Monitoring dan evaluasi atas pelaksanaan pembangunan desa",
            "Mei–Desember"
        ]
    );
    // the cost plan and its computed total
    let biaya = doc.tabel_berkepala(&["No", "Uraian", "Jumlah"]);
    assert_eq!(biaya[0].last().unwrap(), &["", "Total", "Rp 5.800.000"]);
    // signed by the camat at the end, the seed's old signing line left out
    let n = p.len();
    assert_eq!(
        &p[n - 3..],
        &["", "Drs. Budi Santoso, M.Si", "NIP. 19700101 199003 1 001"]
    );
    assert!(p.contains(&"Lumajang, 23 November 2026"));
    assert!(p.contains(&"Camat Yosowilangun"));
    assert!(!p.iter().any(|t| t.contains("1 Oktober 2019")));
    assert!(doc.kaki.contains("Halaman"), "{}", doc.kaki);
}

#[test]
fn the_kak_of_seed_001_computes_its_total_and_notes_the_seeds_wrong_one() {
    let d = contoh_berprofil();
    d.ok(HARI_INI, &["ekspor", "kak", KAK_004, "kak.docx"]);
    let doc = baca(&d.path().join("kak.docx"));
    let biaya = doc.tabel_berkepala(&["No", "Uraian", "Jumlah"]);
    let b = biaya[0];
    assert_eq!(b.len(), 8, "header, six lines, total");
    assert_eq!(b[1], ["1", "Belanja spanduk/baliho/banner", "Rp 1.200.000"]);
    assert_eq!(b[7], ["", "Total", "Rp 39.900.000"]);
    let p = doc.paragraf();
    assert!(
        p.iter()
            .any(|t| t.contains("KAK asli menulis total rencana biaya Rp 40.450.000")),
        "the seed's total is noted"
    );
    assert!(p.contains(&"TAHUN ANGGARAN 2026"));
    // seed 001's administrative division and population, summed, with what does not add up
    let desa = doc.tabel_berkepala(&[
        "No",
        "Desa",
        "Dusun",
        "RW",
        "RT",
        "Luas (km²)",
        "Laki-laki",
        "Perempuan",
        "Jumlah",
        "Rumah tangga",
    ]);
    assert_eq!(desa.len(), 1);
    let d0 = desa[0];
    assert_eq!(d0.len(), 14, "header, 12 desa, sum");
    assert_eq!(
        d0[12],
        [
            "12", "Kalipepe", "3", "6", "45", "390", "1.272", "2.584", "6.038", "2.183"
        ]
    );
    assert_eq!(
        d0[13][..5],
        ["", "Jumlah", "31", "71", "396"],
        "as the seed's JUMLAH"
    );
    assert!(p.contains(&"c.\tPembagian wilayah administrasi dan penduduk Kecamatan Yosowilangun"));
    assert!(p.contains(
        &"Catatan: di Desa Kalipepe laki-laki + perempuan = 1.272 + 2.584 = 3.856, sedangkan jumlah penduduk tercatat 6.038."
    ));
    assert!(p.contains(
        &"Catatan: di Desa Wotgalih laki-laki + perempuan = 3.528 + 3.640 = 7.168, sedangkan jumlah penduduk tercatat 7.268."
    ));
    assert!(
        p.iter()
            .any(|t| t.starts_with("Catatan: luas 12 desa lebih dari 100 km² per desa"))
    );
    // the participants of seed 001 keep their groups, numbered one way
    assert!(p.contains(&"e.\tPeserta"), "{p:#?}");
    assert!(p.contains(&"1)\tRapat koordinasi"));
    assert!(p.contains(&"b)\tInstruktur dari Polsek dan Koramil masing – masing 2 orang"));
}

#[test]
fn the_kak_as_markdown_goes_to_a_file_or_standard_output_and_the_same() {
    let d = contoh_berprofil();
    let o = d.ok(HARI_INI, &["ekspor", "kak", KAK_006, "-"]);
    d.ok(HARI_INI, &["ekspor", "kak", KAK_006, "kak.md"]);
    let berkas = std::fs::read_to_string(d.path().join("kak.md")).unwrap();
    assert_eq!(teks(&o.stdout), berkas);
    assert!(berkas.contains("#### 9. Biaya yang Diperlukan"), "{berkas}");
    assert!(berkas.contains("|  | **Total** | **Rp 5.800.000** |"));
    assert!(berkas.contains("**Drs. Budi Santoso, M.Si**"));
    // an unknown extension is refused and writes nothing
    let sebelum = berkas_di(&d);
    let o = d.jalan(HARI_INI, &["ekspor", "kak", KAK_006, "kak.pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains(
            "kak.pdf: bentuk berkas dipilih dari akhiran namanya: .docx (Word), .md (Markdown)"
        ),
        "{}",
        teks(&o.stderr)
    );
    assert_eq!(berkas_di(&d), sebelum);
}

#[test]
fn a_file_that_cannot_be_written_leaves_nothing_half_written() {
    let d = contoh_berprofil();
    std::fs::write(d.path().join("kak.docx"), b"lama").unwrap();
    std::fs::create_dir(d.path().join("folder.docx")).unwrap();
    let sebelum = berkas_di(&d);
    let o = d.jalan(HARI_INI, &["ekspor", "kak", KAK_006, "folder.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("folder.docx: tidak dapat ditulis: ini folder, bukan berkas"),
        "{}",
        teks(&o.stderr)
    );
    let o = d.jalan(HARI_INI, &["ekspor", "kak", KAK_006, "tidak-ada/kak.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(berkas_di(&d), sebelum, "no temporary file left");
    assert_eq!(std::fs::read(d.path().join("kak.docx")).unwrap(), b"lama");
    // a successful export replaces the old file whole
    d.ok(HARI_INI, &["ekspor", "kak", KAK_006, "kak.docx"]);
    assert!(
        baca(&d.path().join("kak.docx"))
            .paragraf()
            .contains(&"KECAMATAN YOSOWILANGUN")
    );
    assert_eq!(berkas_di(&d), sebelum);
}

/// One document of `cek --json`: kind, fiscal year, deadline (ISO).
type Item = (String, i64, String);

/// `cek --json` items grouped by desa code: (code, desa, items).
fn cek_per_desa(d: &Dunia, hari: &str) -> Vec<(String, String, Vec<Item>)> {
    // exit 1 when something is overdue
    let o = d.jalan(HARI_INI, &["cek", "--json", "--hari", hari]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut v: std::collections::BTreeMap<String, (String, Vec<Item>)> = Default::default();
    // the camat's own tasks (the evaluation) are the office's, not the desa's: no letter
    for i in j["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["pelaku"] == "desa")
    {
        let t = i["tenggat"].as_str().unwrap();
        v.entry(i["kode_desa"].as_str().unwrap().to_string())
            .or_insert_with(|| (i["desa"].as_str().unwrap().to_string(), Vec::new()))
            .1
            .push((
                i["jenis"].as_str().unwrap().to_string(),
                i["tahun_anggaran"].as_i64().unwrap(),
                t.to_string(),
            ));
    }
    v.into_iter().map(|(k, (n, i))| (k, n, i)).collect()
}

fn bulan(iso: &str) -> String {
    const B: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let (y, rest) = iso.split_once('-').unwrap();
    let (m, dd) = rest.split_once('-').unwrap();
    format!(
        "{} {} {y}",
        dd.trim_start_matches('0'),
        B[m.parse::<usize>().unwrap() - 1]
    )
}

#[test]
fn letters_go_to_every_desa_the_check_names_one_page_each_numbered_from_the_pattern() {
    let d = contoh_berprofil();
    let harapan = cek_per_desa(&d, "30");
    assert!(harapan.len() >= 3, "{harapan:?}");
    let o = d.ok(
        HARI_INI,
        &["ekspor", "surat", "surat.docx", "--nomor-awal", "12"],
    );
    let pesan = teks(&o.stderr);
    assert!(pesan.starts_with("Ditulis: surat.docx\n"), "{pesan}");
    assert!(
        pesan.contains(&format!(
            "{} surat (satu halaman per desa), nomor 400.10/12/427.75/2026 s.d. 400.10/{}/427.75/2026",
            harapan.len(),
            11 + harapan.len()
        )),
        "{pesan}"
    );
    let doc = baca(&d.path().join("surat.docx"));
    let halaman = doc.halaman_halaman();
    assert_eq!(halaman.len(), harapan.len(), "one page per desa");
    for (k, (h, (_, desa, item))) in halaman.iter().zip(&harapan).enumerate() {
        let p: Vec<&str> = h
            .iter()
            .filter_map(|i| match i {
                Isi::Paragraf { teks, .. } => Some(teks.as_str()),
                _ => None,
            })
            .collect();
        let t: Vec<&Vec<Vec<String>>> = h
            .iter()
            .filter_map(|i| match i {
                Isi::Tabel(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(p[0], "PEMERINTAH KABUPATEN LUMAJANG");
        assert!(p.contains(&"Lumajang, 23 November 2026"), "{p:?}");
        // number, nature, attachment, subject
        let kepala = t[0];
        assert_eq!(
            kepala[0],
            ["Nomor", ":", &format!("400.10/{}/427.75/2026", 12 + k)]
        );
        assert_eq!(kepala[1][0], "Sifat");
        let lewat = item.iter().any(|(_, _, tg)| tg.as_str() < "2026-11-23");
        assert_eq!(kepala[1][2], if lewat { "Penting" } else { "Biasa" });
        assert_eq!(kepala[3][0], "Perihal");
        assert!(
            kepala[3][2].contains(&format!("Desa {desa}")),
            "{:?}",
            kepala[3]
        );
        assert!(p.contains(&format!("Kepala Desa {desa}").as_str()), "{p:?}");
        // the documents of this desa, as `cek` lists them, with deadline and legal basis
        let dok = t[1];
        assert_eq!(
            dok[0],
            [
                "No",
                "Dokumen",
                "TA",
                "Batas waktu",
                "Keadaan",
                "Ketentuan dan dasar hukum"
            ]
        );
        assert_eq!(dok.len() - 1, item.len(), "{desa}: {dok:?} vs {item:?}");
        for (r, (jenis, ta, tg)) in dok[1..].iter().zip(item) {
            assert!(r[1].starts_with(&format!("{jenis}\n(")), "{r:?}");
            assert_eq!(r[2], ta.to_string());
            assert_eq!(r[3], bulan(tg));
            let dasar = match jenis.as_str() {
                "RKPDes" => "Permendesa PDTT 21/2020 Pasal 22 ayat (4)",
                "LPPDes" => "Permendagri 46/2016 Pasal 3 ayat (1)",
                "RPJMDes" => "Permendagri 114/2014",
                _ => "Permendagri 20/2018",
            };
            assert_ne!(jenis, "EvalAPBDes", "the camat's own task is in no letter");
            assert!(r[5].contains(dasar), "{r:?}");
        }
        // closing and the camat's signature block
        assert!(
            p.iter()
                .any(|x| x.starts_with("Demikian untuk menjadi perhatian"))
        );
        let n = p.len();
        assert_eq!(
            &p[n - 3..],
            &["", "Drs. Budi Santoso, M.Si", "NIP. 19700101 199003 1 001"]
        );
        assert!(p.contains(&"Camat Yosowilangun"));
    }
}

#[test]
fn letters_need_the_camat_in_the_profile_and_refuse_what_cannot_be_sent() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let sebelum = berkas_di(&d);
    let o = d.jalan(HARI_INI, &["ekspor", "surat", "surat.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        teks(&o.stderr),
        "profil kecamatan 35.08.07 belum berisi nama camat dan NIP untuk tanda tangan surat; isi dengan: pantau --kecamatan 35.08.07 atur profil --camat NAMA --nip NIP\n"
    );
    d.ok(
        HARI_INI,
        &[
            "set",
            "profile",
            "--camat",
            "Budi",
            "--nip",
            "197001011990031001",
        ],
    );
    for (args, pesan) in [
        (
            vec!["ekspor", "surat", "-"],
            "surat ditulis sebagai dokumen Word (.docx), yang tidak dapat ke keluaran standar",
        ),
        (
            vec!["ekspor", "surat", "surat.pdf"],
            "surat.pdf: surat ditulis sebagai dokumen Word; beri nama berakhiran .docx",
        ),
        (
            vec!["ekspor", "surat", "surat.docx", "--desa", "35.08.07.2099"],
            "desa 35.08.07.2099 tidak ada",
        ),
        (
            vec![
                "ekspor",
                "surat",
                "surat.docx",
                "--hari",
                "0",
                "--tahun",
                "2027",
                "--desa",
                "35.08.07.2001",
            ],
            "desa 35.08.07.2001 Darungan: tidak ada dokumen yang lewat tenggat atau jatuh tempo dalam 0 hari untuk TA 2027; tidak ada yang disurati",
        ),
    ] {
        let o = d.jalan(HARI_INI, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            teks(&o.stderr).contains(pesan),
            "{args:?}: {}",
            teks(&o.stderr)
        );
    }
    assert_eq!(berkas_di(&d), sebelum, "nothing written");
}

#[test]
fn letters_to_chosen_desa_only() {
    let d = contoh_berprofil();
    let semua = cek_per_desa(&d, "30");
    let pilih: Vec<&str> = semua.iter().take(2).map(|(k, _, _)| k.as_str()).collect();
    let mut args = vec!["export", "letters", "dua.docx", "--desa"];
    args.extend(&pilih);
    d.ok(HARI_INI, &args);
    let doc = baca(&d.path().join("dua.docx"));
    assert_eq!(doc.halaman_halaman().len(), 2);
    let nama: Vec<String> = semua
        .iter()
        .take(2)
        .map(|(_, n, _)| format!("Kepala Desa {n}"))
        .collect();
    let p = doc.paragraf();
    for n in &nama {
        assert!(p.contains(&n.as_str()), "{n}");
    }
}

/// LibreOffice headless, with its own profile folder (tests run side by side).
fn soffice(dir: &Path) -> Command {
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
             libreoffice-writer-nogui (.ci/run does it)",
        );
    let mut c = Command::new(program);
    c.arg(format!(
        "-env:UserInstallation=file://{}",
        dir.join("profil-lo").display()
    ))
    .arg("--headless");
    c
}

#[test]
fn libreoffice_turns_every_document_into_a_pdf_with_its_text() {
    let d = contoh_berprofil();
    d.ok(HARI_INI, &["ekspor", "kak", KAK_006, "kak006.docx"]);
    d.ok(HARI_INI, &["ekspor", "kak", KAK_004, "kak004.docx"]);
    d.ok(HARI_INI, &["ekspor", "surat", "surat.docx"]);
    let o = soffice(d.path())
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(d.path().join("pdf"))
        .args(["kak006.docx", "kak004.docx", "surat.docx"].map(|n| d.path().join(n)))
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let desa = cek_per_desa(&d, "30").len();
    for (nama, harus, halaman_min) in [
        (
            "kak006",
            &[
                "KERANGKA ACUAN KERJA (KAK)",
                "Rp 5.800.000",
                "Camat Yosowilangun",
            ][..],
            4,
        ),
        (
            "kak004",
            &["Ketentraman dan Ketertiban", "Rp 39.900.000"][..],
            4,
        ),
        (
            "surat",
            &[
                "Kepada Yth.",
                "400.10/1/427.75/2026",
                "NIP. 19700101 199003 1 001",
            ][..],
            desa,
        ),
    ] {
        let pdf = d.path().join("pdf").join(format!("{nama}.pdf"));
        assert!(pdf.is_file(), "{} not written", pdf.display());
        let t = Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is needed for this test");
        let t = String::from_utf8_lossy(&t.stdout);
        for h in harus {
            assert!(t.contains(h), "{nama}.pdf lacks {h:?}");
        }
        let halaman = t.matches('\u{c}').count();
        assert!(halaman >= halaman_min, "{nama}.pdf: {halaman} pages");
        if nama == "surat" {
            assert_eq!(halaman, desa, "one page per desa");
        }
    }
}
