//! Kegiatan from year to year and from kecamatan to kecamatan: `kegiatan salin`, the KAK as a
//! TOML file (`ekspor kak KODE X.toml`, `impor kak X.toml`), the computed IKU realisations of
//! `ekspor kak`, and which kegiatan `ekspor kak KODE` means when several could be.

mod common;

use common::*;
use rusqlite::Connection;

const HARI_INI: &str = "2026-11-23";
const KODE: &str = "3.05.25.39.006";
const KUNIR: &str = "kode,nama,kecamatan,kabupaten\n35.08.08.2001,Kunir Kidul,Kunir,Lumajang\n";

fn contoh_dan_kunir() -> Dunia {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    d.impor(HARI_INI, "desa", "kunir.csv", KUNIR);
    d
}

fn gagal(d: &Dunia, args: &[&str]) -> String {
    let o = d.jalan(HARI_INI, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}\n{}", teks(&o.stdout));
    teks(&o.stderr)
}

/// Every row of the KAK tables, to show a refused command wrote nothing.
fn isi(d: &Dunia) -> Vec<i64> {
    let c = Connection::open(d.db()).unwrap();
    [
        "kegiatan",
        "indikator",
        "kegiatan_butir",
        "anggaran_riwayat",
        "rencana_biaya",
        "tahapan",
        "tahapan_realisasi",
        "audit",
    ]
    .iter()
    .map(|t| {
        c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

#[test]
fn a_kak_goes_to_toml_into_another_kecamatan_and_comes_back_the_same() {
    let d = contoh_dan_kunir();
    d.ok(HARI_INI, &["ekspor", "kak", KODE, "kak.toml"]);
    let asal = std::fs::read_to_string(d.path().join("kak.toml")).unwrap();
    assert!(asal.contains("tahun = 2026\n"), "{asal}");
    assert!(
        asal.contains(
            "uraian = \"Nilai IKM\"\nsatuan = \"nilai\"\ntarget = 82.0\nsumber = \"IKM\"\n"
        ),
        "{asal}"
    );
    // realisations are not part of the file
    assert!(!asal.contains("realisasi"), "{asal}");

    // two kecamatan: the target must be named
    let sebelum = isi(&d);
    let e = gagal(&d, &["impor", "kak", "kak.toml"]);
    assert!(
        e.contains("basis data berisi 2 kecamatan: pilih kecamatan tujuan dengan --kecamatan"),
        "{e}"
    );
    assert_eq!(isi(&d), sebelum);

    let o = d.ok(
        HARI_INI,
        &["--kecamatan", "35.08.08", "impor", "kak", "kak.toml"],
    );
    assert_eq!(
        teks(&o.stdout),
        "Diimpor dari kak.toml: kegiatan 3.05.25.39.006 tahun 2026 untuk Kecamatan 35.08.08 Kunir: 11 indikator, 97 butir, 5 riwayat anggaran, 4 rencana biaya, 6 tahapan.\n"
    );
    d.ok(
        HARI_INI,
        &[
            "--kecamatan",
            "35.08.08",
            "ekspor",
            "kak",
            KODE,
            "lagi.toml",
        ],
    );
    let lagi = std::fs::read_to_string(d.path().join("lagi.toml")).unwrap();
    assert_eq!(lagi, asal);

    // the same again is refused, nothing written
    let sebelum = isi(&d);
    let e = gagal(&d, &["--kecamatan", "35.08.08", "impor", "kak", "kak.toml"]);
    assert_eq!(
        e,
        "kak.toml: kegiatan 3.05.25.39.006 sudah ada di tahun 2026 (Kecamatan Kunir (35.08.08))\n\
         kak.toml: impor dibatalkan (1 masalah); tidak ada yang disimpan\n"
    );
    assert_eq!(isi(&d), sebelum);
    // for another year it is a new kegiatan
    d.ok(
        HARI_INI,
        &[
            "--kecamatan",
            "35.08.08",
            "impor",
            "kak",
            "kak.toml",
            "--tahun",
            "2027",
        ],
    );
    let o = d.ok(
        HARI_INI,
        &[
            "--kecamatan",
            "35.08.08",
            "ekspor",
            "kak",
            KODE,
            "--tahun",
            "2027",
            "-",
        ],
    );
    assert!(teks(&o.stdout).contains("## TAHUN ANGGARAN 2027"));
}

#[test]
fn a_bad_kak_file_names_every_line_and_writes_nothing() {
    let d = contoh_dan_kunir();
    d.tulis(
        "buruk.toml",
        "kode_program = \"3.05.25.39\"\nnama_program = \"Program\"\nkode_kegiatan = \"3.05.25.39.009\"\nnama_kegiatan = \"\"\n\n[[indikator]]\ntingkat = \"outcome\"\nuraian = \"Nilai IKM\"\nsumber = \"IKU3\"\n\n[[tahapan]]\nnama = \"Rapat\"\nbulan = [0]\n",
    );
    let sebelum = isi(&d);
    let e = gagal(
        &d,
        &["--kecamatan", "35.08.08", "impor", "kak", "buruk.toml"],
    );
    assert_eq!(
        e,
        "buruk.toml:4: Nama kegiatan: wajib diisi\n\
         buruk.toml:6: indikator: Sumber: 'IKU3' tidak dikenal (IKU1, IKU2, IKM, atau kosong bila diisi tangan)\n\
         buruk.toml:11: tahapan: Bulan: bulan 0 di luar 1–12\n\
         buruk.toml: impor dibatalkan (3 masalah); tidak ada yang disimpan\n"
    );
    d.tulis("rusak.toml", "kode_program = \"3.05\"\nnama_program = [\n");
    let e = gagal(
        &d,
        &["--kecamatan", "35.08.08", "impor", "kak", "rusak.toml"],
    );
    assert!(e.starts_with("rusak.toml:2: "), "{e}");
    d.tulis("asing.toml", "kode_program = \"3.05\"\nnama_program = \"P\"\nkode_kegiatan = \"1\"\nnama_kegiatan = \"K\"\nanggran = []\n");
    let e = gagal(
        &d,
        &["--kecamatan", "35.08.08", "impor", "kak", "asing.toml"],
    );
    assert!(
        e.starts_with("asing.toml:5: unknown field `anggran`"),
        "{e}"
    );
    assert_eq!(isi(&d), sebelum);
}

#[test]
fn ekspor_kak_shows_the_iku_realisations_computed_as_pantau_iku() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let iku = d.iku_json(HARI_INI, 2026);
    let kec = kecamatan(&iku, "35.08.07");
    let iku1 = indikator(kec, "IKU1");
    let (p, q) = (
        iku1["pembilang"].as_i64().unwrap(),
        iku1["penyebut"].as_i64().unwrap(),
    );
    let o = d.ok(HARI_INI, &["ekspor", "kak", KODE]);
    let t = teks(&o.stdout);
    let nilai = format!("{:.2}", iku1["nilai"].as_f64().unwrap()).replace('.', ",");
    assert!(
        t.contains(&format!(
            "| 2 | Persentase hasil fasilitasi dan kooordinasi yang ditindaklanjuti | 90% | {nilai}%<br>(dihitung IKU1: {p} dari {q}) |"
        )),
        "{t}"
    );
    assert!(
        t.contains("| 1 | Nilai IKM | 82 | 77,43<br>(dihitung IKM: 120 responden) | 94,43% |"),
        "{t}"
    );
    assert!(
        t.contains("| 100% | 47,22%<br>(dihitung IKU2: 17 dari 36) | 47,22% |"),
        "{t}"
    );
    // the other lines keep what was typed
    assert!(
        t.contains(
            "| 1 | Persentase desa yang terpantau upaya pembangunan | 100% | 87% | 87,00% |"
        ),
        "{t}"
    );
}

#[test]
fn ekspor_kak_over_several_kecamatan_says_how_to_choose() {
    let d = contoh_dan_kunir();
    // only Yosowilangun has the kegiatan: the README's command works as it is
    d.ok(HARI_INI, &["ekspor", "kak", KODE, "kak.md"]);
    assert!(
        std::fs::read_to_string(d.path().join("kak.md"))
            .unwrap()
            .contains("KECAMATAN YOSOWILANGUN")
    );
    d.ok(HARI_INI, &["ekspor", "kak", KODE, "kak.toml"]);
    d.ok(
        HARI_INI,
        &["--kecamatan", "35.08.08", "impor", "kak", "kak.toml"],
    );
    let e = gagal(&d, &["ekspor", "kak", KODE, "kak.md"]);
    assert_eq!(
        e,
        "kegiatan 3.05.25.39.006 tahun 2026 ada di 2 kecamatan (35.08.07 Yosowilangun, 35.08.08 Kunir); pilih satu dengan --kecamatan, misalnya: pantau --kecamatan 35.08.07 ekspor kak 3.05.25.39.006 BERKAS\n"
    );
    let o = d.ok(
        HARI_INI,
        &["--kecamatan", "35.08.08", "ekspor", "kak", KODE, "-"],
    );
    assert!(teks(&o.stdout).contains("KECAMATAN KUNIR"));
    let e = gagal(&d, &["ekspor", "kak", KODE, "--tahun", "2025", "kak.md"]);
    assert_eq!(
        e,
        "kegiatan 3.05.25.39.006 tahun 2025 tidak ada; ada di tahun 2026: pilih dengan --tahun 2026\n"
    );
}

#[test]
fn kegiatan_salin_copies_one_or_a_whole_year_and_refuses_a_year_that_has_it() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let o = d.ok(
        HARI_INI,
        &["kegiatan", "salin", KODE, "--dari", "2026", "--ke", "2027"],
    );
    assert!(
        teks(&o.stdout).starts_with("Disalin ke tahun 2027: 1 kegiatan tahun 2026, dengan seluruh KAK; riwayat anggaran digeser (N-1 menjadi N-2, tahun 2026 menjadi N-1); realisasi dan tanda selesai jadwal kosong.\n  3.05.25.39.006 "),
        "{}",
        teks(&o.stdout)
    );
    let t = teks(
        &d.ok(HARI_INI, &["ekspor", "kak", KODE, "--tahun", "2027"])
            .stdout,
    );
    assert!(t.contains("## TAHUN ANGGARAN 2027"), "{t}");
    // 2026: | 816.000 | 816.000 | 0 |  → 2027: | 816.000 | 0 | - |
    assert!(
        t.contains("| 1 | Uang lembur PNS | Rp 816.000 | Rp 0 | – | -100,00% | – |"),
        "{t}"
    );
    assert!(
        t.contains("| 4 | Belanja Makanan dan Minuman Rapat | Rp 6.750.000 | Rp 2.250.000 | – | -66,67% | – |"),
        "{t}"
    );
    assert!(
        t.contains("| 1 | Persentase desa yang terpantau upaya pembangunan | 100% | – | – |"),
        "{t}"
    );
    assert!(t.contains("|  | **Total** | **Rp 5.800.000** |"), "{t}");
    assert!(
        t.contains("| 2 | Pelaksanaan Musrenbang Kecamatan | Januari |"),
        "{t}"
    );

    // again, or the whole year now that 2027 has it: refused, nothing written
    let sebelum = isi(&d);
    let e = gagal(
        &d,
        &["kegiatan", "copy", KODE, "--from", "2026", "--to", "2027"],
    );
    assert_eq!(
        e,
        "kegiatan 3.05.25.39.006 (Kecamatan Yosowilangun (35.08.07)) sudah ada di tahun 2027; tidak ada yang disalin\n"
    );
    let e = gagal(&d, &["kegiatan", "salin", "--dari", "2026"]);
    assert!(e.starts_with("tahun 2027 sudah berisi kegiatan 3.05.25.39.006 (Kecamatan Yosowilangun (35.08.07)); tidak ada yang disalin"), "{e}");
    let e = gagal(&d, &["kegiatan", "salin", "--dari", "2026", "--ke", "2026"]);
    assert_eq!(e, "tahun tujuan 2026 harus sesudah tahun asal 2026\n");
    assert_eq!(isi(&d), sebelum);
    // the whole year to 2028, by default from today's year
    let o = d.ok(HARI_INI, &["kegiatan", "salin", "--ke", "2028"]);
    assert!(
        teks(&o.stdout).starts_with("Disalin ke tahun 2028: 2 kegiatan tahun 2026"),
        "{}",
        teks(&o.stdout)
    );
    let e = gagal(&d, &["--baca-saja", "kegiatan", "salin", "--ke", "2029"]);
    assert!(e.contains("--baca-saja melarang menulis"), "{e}");
}
