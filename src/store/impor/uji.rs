//! Imports against hostile values, changes made between check and write, and the counts they
//! report; the store's write functions refusing what the imports refuse.

use super::*;
use crate::store::dokumen::IsiDokumen;

fn d(y: i32, m: u32, h: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, h).unwrap()
}

const HARI_INI: (i32, u32, u32) = (2026, 11, 23);

fn hari_ini() -> NaiveDate {
    d(HARI_INI.0, HARI_INI.1, HARI_INI.2)
}

/// Two desa and one kelurahan of Kecamatan Sukamaju.
fn sukamaju() -> Store {
    let mut s = Store::memori().unwrap();
    impor_desa(
        &mut s,
        "desa.csv",
        b"kode;nama;kecamatan\n35.08.21.2001;Suka;Sukamaju\n35.08.21.2002;Maju;Sukamaju\n35.08.21.1001;Kota;Sukamaju\n",
        Lingkup::Semua,
    )
    .unwrap();
    s
}

fn jumlah(s: &Store, tabel: &str) -> i64 {
    s.conn()
        .query_row(&format!("SELECT count(*) FROM {tabel}"), [], |r| r.get(0))
        .unwrap()
}

/// Every row of every table that imports write, to compare before and after a refusal.
fn isi(s: &Store) -> String {
    let mut keluar = String::new();
    for t in [
        "kecamatan",
        "desa",
        "dokumen",
        "fasilitasi",
        "ikm_responden",
        "audit",
        "rekap_dokumen",
    ] {
        let mut stmt = s
            .conn()
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1"))
            .unwrap();
        let n = stmt.column_count();
        let baris = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for b in baris {
            keluar.push_str(&format!("{t}: {}\n", b.unwrap().join("|")));
        }
    }
    keluar
}

fn berkas(g: GalatImpor) -> Vec<String> {
    match g {
        GalatImpor::Berkas(b) => b,
        GalatImpor::Store(e) => panic!("expected a file error, got {e}"),
    }
}

type Impor = fn(&mut Store, &str, &[u8]) -> HasilImpor;

fn desa(s: &mut Store, n: &str, isi: &[u8]) -> HasilImpor {
    impor_desa(s, n, isi, Lingkup::Semua)
}
fn dok(s: &mut Store, n: &str, isi: &[u8]) -> HasilImpor {
    impor_dokumen(s, n, isi, hari_ini(), Lingkup::Semua)
}
fn fas(s: &mut Store, n: &str, isi: &[u8]) -> HasilImpor {
    impor_fasilitasi(s, n, isi, hari_ini(), Lingkup::Semua)
}
fn ikm_(s: &mut Store, n: &str, isi: &[u8]) -> HasilImpor {
    impor_ikm(s, n, isi, hari_ini(), Lingkup::Semua)
}

/// Each kind with its columns and one good row (same order).
fn jenis_impor() -> Vec<(
    &'static str,
    Impor,
    &'static [&'static str],
    Vec<&'static str>,
)> {
    vec![
        (
            "desa",
            desa as Impor,
            KOLOM_DESA,
            vec![
                "35.08.21.2003",
                "Baru",
                "Sukamaju",
                "Lumajang",
                "5,88",
                "3",
                "4",
                "12",
                "1.200",
                "1.255",
                "2.455",
                "700",
            ],
        ),
        (
            "dokumen",
            dok as Impor,
            KOLOM_DOKUMEN,
            vec![
                "35.08.21.2001",
                "RKPDes",
                "2026",
                "30/09/2025",
                "Perdes 3/2025",
                "tepat",
                "",
            ],
        ),
        (
            "fasilitasi",
            fas as Impor,
            KOLOM_FASILITASI,
            vec![
                "01/11/2026",
                "F01",
                "35.08.21.2001",
                "35.08.21",
                "Rapat",
                "BA",
                "Foto",
                "ya",
            ],
        ),
        (
            "ikm",
            ikm_ as Impor,
            KOLOM_IKM,
            vec![
                "35.08.21", "2026", "1", "2", "3", "4", "1", "2", "3", "4", "3",
            ],
        ),
    ]
}

fn baris_csv(sel: &[String]) -> String {
    sel.iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(";")
}

/// Control characters (C0, DEL, C1, bidi overrides), invisible-only and overlong values are
/// refused in every field of every import, with the file, the line and the column, and the
/// database is left as it was.
#[test]
fn hostile_values_are_refused_in_every_field_of_every_import() {
    let buruk: Vec<(String, &str)> = vec![
        ("\u{1b}]0;X\u{7}\u{1b}[2J".into(), "U+001B"),
        ("a\u{7f}b".into(), "U+007F"),
        ("a\u{9b}b".into(), "U+009B"),
        ("Suka\u{202e}maju".into(), "U+202E"),
        ("a\u{2066}b".into(), "U+2066"),
        ("a\rb".into(), "U+000D"),
        ("\u{200b}\u{feff}".into(), "tak tampak"),
        ("x".repeat(4001), "terlalu panjang"),
    ];
    for (apa, impor, kolom, baik) in jenis_impor() {
        let mut s = sukamaju();
        // the good row is good
        let judul = kolom.join(";");
        let sel: Vec<String> = baik.iter().map(|x| x.to_string()).collect();
        {
            let mut t = Store::memori().unwrap();
            desa(
                &mut t,
                "d.csv",
                b"kode;nama;kecamatan\n35.08.21.2001;Suka;Sukamaju\n",
            )
            .unwrap();
            let isi_baik = format!("{judul}\n{}\n", baris_csv(&sel));
            impor(&mut t, "baik.csv", isi_baik.as_bytes())
                .unwrap_or_else(|e| panic!("{apa}: {:?}", berkas(e)));
        }
        let sebelum = isi(&s);
        for (i, k) in kolom.iter().enumerate() {
            for (nilai, tanda) in &buruk {
                let mut sel = sel.clone();
                sel[i] = nilai.clone();
                let teks = format!("{judul}\n{}\n", baris_csv(&sel));
                let g = berkas(impor(&mut s, "f.csv", teks.as_bytes()).unwrap_err());
                assert_eq!(g.len(), 1, "{apa}.{k}: {g:?}");
                assert!(
                    g[0].starts_with(&format!("f.csv:2: {k}: ")) && g[0].contains(tanda),
                    "{apa}.{k} = {nilai:?}: {g:?}"
                );
                assert!(
                    !g[0].chars().any(|c| c.is_control()),
                    "the reason never echoes the value: {g:?}"
                );
            }
        }
        assert_eq!(isi(&s), sebelum, "{apa}: nothing written");
    }
}

/// The reproduction of issue 9: a terminal escape as a desa name.
#[test]
fn a_terminal_escape_as_a_desa_name_is_refused() {
    let mut s = Store::memori().unwrap();
    let g = berkas(
        desa(
            &mut s,
            "desa.csv",
            b"kode;nama;kecamatan\n35.08.21.2001;\"\x1b]0;X\x07\x1b[2J\";Sukamaju\n",
        )
        .unwrap_err(),
    );
    assert_eq!(
        g,
        ["desa.csv:2: nama: berisi karakter kendali U+001B yang tidak boleh"]
    );
    assert_eq!(jumlah(&s, "desa"), 0);
    assert_eq!(jumlah(&s, "kecamatan"), 0);
}

/// Names up to 100 characters, long texts up to 4,000: the limits themselves pass.
#[test]
fn values_at_the_length_limits_are_kept() {
    let mut s = sukamaju();
    let nama = "N".repeat(100);
    let teks = format!("kode;nama\n35.08.21.2001;{nama}\n");
    desa(&mut s, "d.csv", teks.as_bytes()).unwrap();
    let g = berkas(
        desa(
            &mut s,
            "d.csv",
            format!("kode;nama\n35.08.21.2001;{nama}N\n").as_bytes(),
        )
        .unwrap_err(),
    );
    assert!(g[0].contains("101 karakter, paling banyak 100"), "{g:?}");
    let uraian = "u\tv".repeat(1333) + "x";
    assert_eq!(uraian.chars().count(), 4000);
    let teks = format!("tanggal;jenis;kode_kecamatan;uraian\n01/11/2026;f1;35.08.21;{uraian}\n");
    let l = fas(&mut s, "f.csv", teks.as_bytes()).unwrap();
    assert_eq!(l.baris, 1);
}

/// A desa deleted by another operator between the check and the write: the import is
/// refused then, naming the line, and writes nothing.
#[test]
fn a_desa_deleted_between_check_and_write_refuses_the_file() {
    let mut s = sukamaju();
    let teks = b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;30/09/2025\n35.08.21.2002;RKPDes;2026;30/09/2025\n";
    let siap = periksa_dokumen(&s, "dok.csv", teks, hari_ini(), Lingkup::Semua).unwrap();
    assert_eq!(siap.jumlah(), 2);
    s.conn()
        .execute("DELETE FROM desa WHERE kode = '35.08.21.2002'", [])
        .unwrap();
    let sebelum = isi(&s);
    let g = berkas(tulis_dokumen(&mut s, &siap).unwrap_err());
    assert_eq!(
        g,
        [
            "dok.csv:3: desa 35.08.21.2002 dihapus atau dipindah pengguna lain selama impor; periksa lalu ulangi"
        ]
    );
    assert_eq!(isi(&s), sebelum);
    // moved to another kecamatan meanwhile: refused too
    impor_desa(
        &mut s,
        "k.csv",
        b"kode;nama;kecamatan\n35.08.22.2001;Lain;Lain\n",
        Lingkup::Semua,
    )
    .unwrap();
    let teks = b"kode_desa;jenis;tahun_anggaran\n35.08.21.2001;RKPDes;2026\n";
    let siap = periksa_dokumen(&s, "dok.csv", teks, hari_ini(), Lingkup::Semua).unwrap();
    s.conn()
        .execute(
            "UPDATE desa SET kecamatan_id = (SELECT id FROM kecamatan WHERE kode = '35.08.22') WHERE kode = '35.08.21.2001'",
            [],
        )
        .unwrap();
    let sebelum = isi(&s);
    let g = berkas(tulis_dokumen(&mut s, &siap).unwrap_err());
    assert!(g[0].starts_with("dok.csv:2: desa 35.08.21.2001 dihapus atau dipindah"));
    assert_eq!(isi(&s), sebelum);
}

/// The desa import counts desa and kelurahan apart and says what did not change.
#[test]
fn desa_import_counts_kelurahan_apart_and_unchanged_rows() {
    let mut s = Store::memori().unwrap();
    let teks = b"kode;nama;kecamatan\n35.08.21.2001;Suka;Sukamaju\n35.08.21.2002;Maju;Sukamaju\n35.08.21.1001;Kota;Sukamaju\n";
    let l = desa(&mut s, "d.csv", teks).unwrap();
    assert_eq!(
        (
            l.baris,
            l.kelurahan,
            l.baru,
            l.diubah,
            l.sama,
            l.kecamatan_baru
        ),
        (3, 1, 3, 0, 0, 1)
    );
    let l = desa(&mut s, "d.csv", teks).unwrap();
    assert_eq!(
        (
            l.baris,
            l.kelurahan,
            l.baru,
            l.diubah,
            l.sama,
            l.kecamatan_baru
        ),
        (3, 1, 0, 0, 3, 0)
    );
    let l = desa(
        &mut s,
        "d.csv",
        b"kode;nama\n35.08.21.2001;Suka Baru\n35.08.21.2002;Maju\n35.08.21.2003;Tiga\n",
    )
    .unwrap();
    assert_eq!((l.baru, l.diubah, l.sama, l.kelurahan), (1, 1, 1, 0));
}

/// The document import counts new, changed and unchanged rows.
#[test]
fn document_import_counts_new_changed_and_unchanged_rows() {
    let mut s = sukamaju();
    let teks = b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;30/09/2025\n35.08.21.2002;RKPDes;2026;\n";
    let l = dok(&mut s, "a.csv", teks).unwrap();
    assert_eq!((l.baris, l.baru, l.diubah, l.sama), (2, 2, 0, 0));
    let l = dok(&mut s, "a.csv", teks).unwrap();
    assert_eq!((l.baris, l.baru, l.diubah, l.sama), (2, 0, 0, 2));
    let l = dok(
        &mut s,
        "b.csv",
        b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;30/09/2025\n35.08.21.2002;RKPDes;2026;01/10/2025\n35.08.21.2002;APBDes;2026;\n",
    )
    .unwrap();
    assert_eq!((l.baris, l.baru, l.diubah, l.sama), (3, 1, 1, 1));
}

fn id_desa(s: &Store, kode: &str) -> i64 {
    wilayah::desa_kode(s.conn(), kode).unwrap().unwrap().id
}

/// The document form's save checks what the import checks: a date after today is refused
/// with the field's label, and nothing is written.
#[test]
fn document_form_refuses_what_the_import_refuses() {
    let mut s = sukamaju();
    let desa = id_desa(&s, "35.08.21.2001");
    let jenis = dokumen::daftar_jenis(s.conn()).unwrap();
    let simpan = |s: &mut Store, isi: IsiDokumen| {
        s.transaksi(|tx| dokumen::ubah_dokumen(tx, desa, jenis[0].id, 2027, None, &isi, hari_ini()))
    };
    let e = simpan(
        &mut s,
        IsiDokumen {
            tanggal: Some(d(2026, 11, 24)),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Tanggal: 24/11/2026 sesudah hari ini (23/11/2026)"
    );
    let e = simpan(
        &mut s,
        IsiDokumen {
            tanggal: Some(d(2026, 9, 1)),
            nomor: "12\u{1b}[2J".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Nomor: berisi karakter kendali U+001B"),
        "{e}"
    );
    let e = simpan(
        &mut s,
        IsiDokumen {
            tanggal: Some(d(2006, 9, 1)),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Tanggal: 01/09/2006 terlalu awal"),
        "{e}"
    );
    assert_eq!(jumlah(&s, "dokumen"), 0);
    // the import says the same of the same value
    let g = berkas(
        dok(
            &mut s,
            "x.csv",
            b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2027;24/11/2026\n",
        )
        .unwrap_err(),
    );
    assert_eq!(
        g,
        ["x.csv:2: tanggal 24/11/2026 sesudah hari ini (23/11/2026)"]
    );
    simpan(
        &mut s,
        IsiDokumen {
            tanggal: Some(d(2026, 9, 1)),
            nomor: "12/2026".into(),
            keterangan: "baris satu\tdua".into(),
            hasil: None,
        },
    )
    .unwrap();
    assert_eq!(jumlah(&s, "dokumen"), 1);
}

/// One resolver of catalogue codes for the form and the import: `f1`, `F01`, `f01`.
#[test]
fn catalogue_codes_resolve_alike_for_form_and_import() {
    let mut s = sukamaju();
    let katalog = fasilitasi::daftar_katalog(s.conn()).unwrap();
    let f01 = fasilitasi::cari_katalog(&katalog, "F01").unwrap().id;
    for teks in ["f1", "F01", "f01", " F1 ", "F001"] {
        assert_eq!(
            fasilitasi::cari_katalog(&katalog, teks).map(|k| k.id),
            Some(f01),
            "{teks}"
        );
    }
    assert!(fasilitasi::cari_katalog(&katalog, "F99").is_none());
    assert!(fasilitasi::cari_katalog(&katalog, "1").is_none());
    let l = fas(
        &mut s,
        "f.csv",
        b"tanggal;jenis;kode_kecamatan\n01/11/2026;f1;35.08.21\n01/11/2026;f01;35.08.21\n",
    )
    .unwrap();
    assert_eq!(l.baris, 2);
}

/// The facilitation, survey and desa writes refuse with the form's labels.
#[test]
fn store_writes_refuse_with_the_field_label() {
    let mut s = sukamaju();
    let kec = wilayah::kecamatan_kode(s.conn(), "35.08.21")
        .unwrap()
        .unwrap()
        .id;
    let katalog = fasilitasi::daftar_katalog(s.conn()).unwrap();
    let f = fasilitasi::Fasilitasi {
        kecamatan_id: kec,
        tanggal: d(2026, 11, 1),
        katalog_id: katalog[0].id,
        uraian: "a\u{202e}b".into(),
        ..Default::default()
    };
    let e = s
        .transaksi(|tx| fasilitasi::tambah(tx, &f, hari_ini()))
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Uraian: berisi karakter kendali U+202E"),
        "{e}"
    );
    let f = fasilitasi::Fasilitasi {
        uraian: String::new(),
        tanggal: d(2026, 11, 24),
        ..f
    };
    let e = s
        .transaksi(|tx| fasilitasi::tambah(tx, &f, hari_ini()))
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Tanggal: 24/11/2026 sesudah hari ini"),
        "{e}"
    );
    let e = s
        .transaksi(|tx| {
            ikm::tambah(
                tx,
                kec,
                2026,
                [1, 2, 3, 4, 5, 1, 1, 1, 1],
                false,
                hari_ini(),
            )
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "U5: '5' harus 1, 2, 3 atau 4");
    let e = s
        .transaksi(|tx| ikm::tambah(tx, kec, 2027, [1; 9], false, hari_ini()))
        .unwrap_err();
    assert_eq!(e.to_string(), "Tahun: tahun survei 2027 sesudah tahun ini");
    let mut x = wilayah::desa_kode(s.conn(), "35.08.21.2001")
        .unwrap()
        .unwrap();
    x.nama = "\u{200b}".into();
    let e = s.transaksi(|tx| wilayah::ubah_desa(tx, &x)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Nama: hanya berisi karakter tak tampak"),
        "{e}"
    );
    x.nama = "Suka".into();
    x.keterangan = "k\u{1b}".into();
    let e = s.transaksi(|tx| wilayah::ubah_desa(tx, &x)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Keterangan: berisi karakter kendali"),
        "{e}"
    );
    x.keterangan = String::new();
    x.rt = Some(-1);
    let e = s.transaksi(|tx| wilayah::ubah_desa(tx, &x)).unwrap_err();
    assert_eq!(e.to_string(), "RT: tidak boleh negatif (-1)");
    let baru = Desa {
        kecamatan_id: kec,
        kode: "35.08.21.2009".into(),
        nama: "X\u{85}".into(),
        ..Default::default()
    };
    let e = s
        .transaksi(|tx| wilayah::simpan_desa_kode(tx, &baru, wilayah::SEMUA_KOLOM_DESA).map(|_| ()))
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Nama: berisi karakter kendali U+0085"),
        "{e}"
    );
    assert_eq!(jumlah(&s, "fasilitasi"), 0);
    assert_eq!(jumlah(&s, "ikm_responden"), 0);
    assert_eq!(jumlah(&s, "desa"), 3);
}

/// A million checked document rows wait in memory before the write: each stays small.
#[test]
fn a_checked_document_row_is_small() {
    assert!(std::mem::size_of::<BarisDokumen>() <= 24);
}

/// Numbers and notes come back from the shared string to the right rows.
#[test]
fn document_texts_reach_their_rows() {
    let mut s = sukamaju();
    dok(
        &mut s,
        "a.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;nomor;keterangan\n35.08.21.2001;RKPDes;2026;30/09/2025;1/2025;catatan é\n35.08.21.2002;APBDes;2027;;;\n35.08.21.2001;LPPDes;2025;01/03/2026;141/9;\u{65e5}\tx\n".as_bytes(),
    )
    .unwrap();
    let baris: Vec<(String, String, i32, Option<String>, String, String)> = s
        .conn()
        .prepare(
            "SELECT d.kode, j.kode, x.tahun_anggaran, x.tanggal, x.nomor, x.keterangan
             FROM dokumen x JOIN desa d ON d.id = x.desa_id JOIN jenis_dokumen j ON j.id = x.jenis_id
             ORDER BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .map(|x| x.unwrap())
        .collect();
    let b = |k: &str, j: &str, ta, t: Option<&str>, n: &str, c: &str| {
        (
            k.to_string(),
            j.to_string(),
            ta,
            t.map(str::to_string),
            n.to_string(),
            c.to_string(),
        )
    };
    assert_eq!(
        baris,
        [
            b(
                "35.08.21.2001",
                "LPPDes",
                2025,
                Some("2026-03-01"),
                "141/9",
                "\u{65e5}\tx"
            ),
            b(
                "35.08.21.2001",
                "RKPDes",
                2026,
                Some("2025-09-30"),
                "1/2025",
                "catatan é"
            ),
            b("35.08.21.2002", "APBDes", 2027, None, "", ""),
        ]
    );
}

/// The whole file is read and checked without the write lock: another operator holding it
/// (an open write transaction on another connection) does not stop the check, and the write
/// follows once the lock is free.
#[test]
fn the_check_runs_while_another_operator_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut s = Store::buka(&db).unwrap();
    impor_desa(
        &mut s,
        "desa.csv",
        b"kode;nama;kecamatan\n35.08.21.2001;Suka;Sukamaju\n35.08.21.2002;Maju;Sukamaju\n",
        Lingkup::Semua,
    )
    .unwrap();
    let lain = rusqlite::Connection::open(&db).unwrap();
    // BEGIN IMMEDIATE takes the write lock at once
    lain.execute_batch("BEGIN IMMEDIATE").unwrap();
    let teks = b"kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RKPDes;2026;30/09/2025\n35.08.21.2002;APBDes;2026;\n";
    let siap = periksa_dokumen(&s, "dok.csv", teks, hari_ini(), Lingkup::Semua)
        .unwrap_or_else(|e| panic!("{:?}", berkas(e)));
    assert_eq!(siap.jumlah(), 2);
    // a refused file is refused while the lock is held elsewhere too
    let g = berkas(
        periksa_dokumen(
            &s,
            "dok.csv",
            b"kode_desa;jenis;tahun_anggaran\n35.08.21.2009;RKPDes;2026\n",
            hari_ini(),
            Lingkup::Semua,
        )
        .err()
        .unwrap(),
    );
    assert_eq!(g.len(), 1);
    lain.execute_batch("COMMIT").unwrap();
    let l = tulis_dokumen(&mut s, &siap).unwrap();
    assert_eq!((l.baris, l.baru), (2, 2));
}

#[test]
fn writers_wait_a_minute_for_the_lock() {
    assert_eq!(
        crate::store::TUNGGU_SIBUK,
        std::time::Duration::from_secs(60)
    );
}
