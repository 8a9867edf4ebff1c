//! The database file itself: which files pantau accepts and leaves alone, read-only opening,
//! schema upgrades with a backup, `cadangkan`, `pulihkan`, `riwayat`, `--baca-saja`.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::*;
use rusqlite::Connection;

const HARI_INI: &str = "2026-09-30";

const DOKUMEN: &str = "\
kode_desa,jenis,tahun_anggaran,tanggal,nomor
35.08.21.2001,RKPDes,2027,2026-09-01,1
35.08.21.2002,RKPDes,2027,2026-09-02,2
";

/// Every file in the folder (not in subfolders) with its length and a digest of its bytes.
fn isi_folder(dir: &Path) -> BTreeMap<String, (usize, u64)> {
    isi_folder_bytes(dir)
        .into_iter()
        .map(|(n, isi)| (n, sidik(&isi)))
        .collect()
}

fn sidik(isi: &[u8]) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    isi.hash(&mut h);
    (isi.len(), h.finish())
}

fn isi_folder_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let nama = e.file_name().to_string_lossy().into_owned();
        let isi = if e.file_type().unwrap().is_file() {
            std::fs::read(e.path()).unwrap()
        } else {
            b"<folder>".to_vec()
        };
        m.insert(nama, isi);
    }
    m
}

/// The folder's file names, and the bytes of every file except the -shm (a reader's lock
/// marks live there: it is shared memory, not data).
fn potret_folder(dir: &Path) -> BTreeMap<String, (usize, u64)> {
    isi_folder(dir)
        .into_iter()
        .map(|(n, isi)| {
            if n.ends_with("-shm") {
                (n, (0, 0))
            } else {
                (n, isi)
            }
        })
        .collect()
}

fn nama_file(dir: &Path) -> Vec<String> {
    isi_folder(dir).into_keys().collect()
}

fn gagal(d: &Dunia, args: &[&str]) -> String {
    gagal_dengan(d.jalan(HARI_INI, args), args)
}

/// Like `gagal`, with the arguments' own `--db`.
fn gagal_db(d: &Dunia, args: &[&str]) -> String {
    let o = d
        .polos()
        .args(["--today", HARI_INI])
        .args(args)
        .output()
        .unwrap();
    gagal_dengan(o, args)
}

fn gagal_dengan(o: std::process::Output, args: &[&str]) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "pantau {args:?} should fail\nstdout:\n{}\nstderr:\n{}",
        teks(&o.stdout),
        teks(&o.stderr)
    );
    assert!(o.stdout.is_empty(), "{}", teks(&o.stdout));
    teks(&o.stderr)
}

fn sqlite_lain(path: &Path, application_id: i32) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE catatan (x TEXT); INSERT INTO catatan VALUES ('milik orang lain');",
    )
    .unwrap();
    c.pragma_update(None, "application_id", application_id)
        .unwrap();
}

/// A connection like pantau's own, for writing from the test (the audit triggers call
/// `pantau_pengguna()`).
fn sambung(path: &Path) -> Connection {
    let c = Connection::open(path).unwrap();
    c.create_scalar_function(
        "pantau_pengguna",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        |_| Ok("penguji".to_string()),
    )
    .unwrap();
    c
}

fn nama_desa(path: &Path, kode: &str) -> String {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row("SELECT nama FROM desa WHERE kode = ?1", [kode], |r| {
        r.get(0)
    })
    .unwrap()
}

fn pragma(path: &Path, nama: &str) -> i64 {
    let c = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.pragma_query_value(None, nama, |r| r.get(0)).unwrap()
}

/// Turns a pantau database into one made by the previous version: schema 9 had no
/// application id (schema 10 only sets it), no indicator `sumber` (schema 11 adds it and
/// re-creates the audit triggers), no kecamatan profile (schema 12) and no days off (schema 13).
fn jadikan_v9(path: &Path) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "DROP TRIGGER audit_indikator_tambah; DROP TRIGGER audit_indikator_ubah;
         DROP TRIGGER audit_indikator_hapus; ALTER TABLE indikator DROP COLUMN sumber;
         DROP TRIGGER audit_kecamatan_tambah; DROP TRIGGER audit_kecamatan_ubah;
         DROP TRIGGER audit_kecamatan_hapus; ALTER TABLE kecamatan DROP COLUMN camat;
         ALTER TABLE kecamatan DROP COLUMN nip; ALTER TABLE kecamatan DROP COLUMN tempat_ttd;
         ALTER TABLE kecamatan DROP COLUMN pola_nomor;
         DROP TABLE hari_libur; DROP TABLE kepala_desa; DROP TABLE masa_jabatan;
         DROP TRIGGER audit_jenis_dokumen_tambah; DROP TRIGGER audit_jenis_dokumen_ubah;
         DROP TRIGGER audit_jenis_dokumen_hapus; DROP TRIGGER audit_dokumen_tambah;
         DROP TRIGGER audit_dokumen_ubah; DROP TRIGGER audit_dokumen_hapus;
         DROP INDEX dokumen_peristiwa; ALTER TABLE dokumen DROP COLUMN hasil;
         DELETE FROM dokumen WHERE jenis_id > 3; DELETE FROM tenggat_dokumen WHERE jenis_id > 3;
         DELETE FROM rekap_dokumen WHERE jenis_id > 3; DELETE FROM jenis_dokumen WHERE id > 3;
         UPDATE jenis_dokumen SET aktif = 1;
         ALTER TABLE jenis_dokumen DROP COLUMN pelaku; ALTER TABLE jenis_dokumen DROP COLUMN bentuk;
         ALTER TABLE jenis_dokumen DROP COLUMN peristiwa; ALTER TABLE jenis_dokumen DROP COLUMN jumlah;
         ALTER TABLE jenis_dokumen DROP COLUMN satuan;",
    )
    .unwrap();
    c.pragma_update(None, "application_id", 0).unwrap();
    c.pragma_update(None, "user_version", 9).unwrap();
}

fn cadangan_dengan(dir: &Path, awalan: &str) -> Vec<String> {
    nama_file(dir)
        .into_iter()
        .filter(|n| n.starts_with(awalan))
        .collect()
}

// ---- files that are not pantau's --------------------------------------------------------

#[test]
fn foreign_sqlite_text_zero_byte_and_truncated_files_are_refused_and_left_byte_identical() {
    let d = Dunia::sukamaju(HARI_INI);
    let utuh = std::fs::read(d.db()).unwrap();
    // a truncated copy: its header says more pages than the file holds
    d.tulis_bytes("terpotong.db", &utuh[..utuh.len() / 2]);
    d.tulis("teks.db", "ini bukan basis data\n");
    d.tulis_bytes("kosong.db", b"");
    sqlite_lain(&d.path().join("lain.db"), 0x1234_5678);
    // another program's SQLite file without an application id, in WAL mode
    sqlite_lain(&d.path().join("tanpa-id.db"), 0);
    Connection::open(d.path().join("tanpa-id.db"))
        .unwrap()
        .pragma_update(None, "journal_mode", "WAL")
        .unwrap();
    d.tulis("desa.csv", DESA_SUKAMAJU);
    let sebelum = isi_folder(d.path());
    for (berkas, kata) in [
        ("teks.db", "bukan basis data pantau"),
        ("kosong.db", "kosong"),
        ("lain.db", "program lain"),
        ("tanpa-id.db", "bukan basis data pantau"),
        ("terpotong.db", "terpotong"),
    ] {
        for args in [
            vec!["init"],
            vec!["init", "--contoh"],
            vec!["cek"],
            vec!["iku", "--json"],
            vec!["impor", "desa", "desa.csv"],
            vec!["atur", "tahun-awal", "2025"],
            vec!["riwayat"],
            vec!["cadangkan", "salinan.db"],
            vec!["pulihkan", "pantau.db"],
            vec!["--baca-saja", "cek"],
            // the interface: refused before the terminal is touched
            vec![],
        ] {
            let mut semua = vec!["--db", berkas];
            semua.extend(&args);
            let galat = gagal_db(&d, &semua);
            assert!(galat.contains(berkas), "{args:?} on {berkas}: {galat}");
            assert!(galat.contains(kata), "{args:?} on {berkas}: {galat}");
            assert_eq!(
                isi_folder(d.path()),
                sebelum,
                "{args:?} on {berkas} changed the folder"
            );
        }
    }
}

#[test]
fn a_reading_command_on_a_missing_file_creates_nothing_and_says_how_to_create_one() {
    let d = Dunia::new();
    for args in [
        vec!["cek"],
        vec!["iku"],
        vec!["riwayat"],
        vec!["impor", "desa", "desa.csv"],
        vec!["cadangkan", "salinan.db"],
        vec!["--baca-saja"],
    ] {
        let galat = gagal(&d, &args);
        assert!(galat.contains("belum ada"), "{args:?}: {galat}");
        assert!(galat.contains("pantau init"), "{args:?}: {galat}");
        assert!(nama_file(d.path()).is_empty(), "{args:?}");
    }
    // the default location: the message is plain `pantau init`, and no folder is made
    let o = d
        .polos()
        .args(["--today", HARI_INI, "cek"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("buat dengan: pantau init\n"),
        "{}",
        teks(&o.stderr)
    );
    assert!(!d.path().join("xdg").exists());
}

#[test]
fn a_database_in_a_missing_folder_is_refused_and_no_folder_is_created() {
    let d = Dunia::new();
    let galat = gagal_db(&d, &["--db", "nodir/sub/x.db", "init"]);
    assert!(galat.contains("folder nodir/sub tidak ada"), "{galat}");
    let galat = gagal_db(&d, &["--db", "nodir/x.db", "cek"]);
    assert!(galat.contains("belum ada"), "{galat}");
    assert!(!d.path().join("nodir").exists());
    assert!(nama_file(d.path()).is_empty());
}

#[test]
fn init_creates_the_default_folder_and_files_for_owner_and_group_only() {
    let d = Dunia::new();
    let o = d
        .polos()
        .args(["--today", HARI_INI, "init"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    let folder = d.path().join("xdg/pantau");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o770);
    for nama in ["pantau.db", "pantau.db-wal", "pantau.db-shm"] {
        assert_eq!(mode(&folder.join(nama)), 0o660, "{nama}");
    }
    assert_eq!(
        pragma(&folder.join("pantau.db"), "application_id"),
        0x5041_4E54
    );
}

// ---- reading without writing ------------------------------------------------------------

#[test]
fn reading_commands_and_baca_saja_leave_the_folder_and_the_file_bytes_unchanged() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(HARI_INI, "dokumen", "dokumen.csv", DOKUMEN);
    let sebelum = potret_folder(d.path());
    for args in [
        vec!["cek"],
        vec!["iku", "--json"],
        vec!["riwayat"],
        vec!["ekspor", "matriks", "-"],
        vec!["--baca-saja", "cek", "--json"],
        vec!["--read-only", "iku"],
        vec!["riwayat", "--read-only", "--json"],
    ] {
        let o = d.jalan(HARI_INI, &args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            teks(&o.stderr)
        );
        assert_eq!(potret_folder(d.path()), sebelum, "{args:?}");
    }
}

#[test]
fn writing_commands_under_baca_saja_exit_2_and_write_nothing() {
    let d = Dunia::sukamaju(HARI_INI);
    d.tulis("dokumen.csv", DOKUMEN);
    let salinan = d.path().join("salinan.db");
    d.ok(HARI_INI, &["cadangkan", salinan.to_str().unwrap()]);
    let sebelum = potret_folder(d.path());
    for args in [
        vec!["--baca-saja", "impor", "dokumen", "dokumen.csv"],
        vec!["--read-only", "atur", "tahun-awal", "2025"],
        vec!["init", "--baca-saja"],
        vec!["--baca-saja", "pulihkan", "salinan.db"],
    ] {
        let galat = gagal(&d, &args);
        assert!(galat.contains("--baca-saja"), "{args:?}: {galat}");
        assert_eq!(potret_folder(d.path()), sebelum, "{args:?}");
    }
}

/// Root ignores a folder's permissions, so in CI this proves only that the read path never
/// needs to write or create a file: a copy without -wal and -shm is read with nothing made
/// beside it. Run as an ordinary user, the chmod 555 makes the folder truly read-only.
#[test]
fn a_copy_in_a_read_only_folder_is_read_without_creating_a_file() {
    let d = Dunia::sukamaju(HARI_INI);
    let folder = d.path().join("arsip");
    std::fs::create_dir(&folder).unwrap();
    let salinan = folder.join("salinan.db");
    d.ok(HARI_INI, &["cadangkan", salinan.to_str().unwrap()]);
    // and a live database with its -wal and -shm, copied as the files are
    let hidup = folder.join("hidup");
    std::fs::create_dir(&hidup).unwrap();
    for akhir in ["", "-wal", "-shm"] {
        std::fs::copy(
            d.path().join(format!("pantau.db{akhir}")),
            hidup.join(format!("pantau.db{akhir}")),
        )
        .unwrap();
    }
    let sebelum = (isi_folder(&folder), potret_folder(&hidup));
    std::fs::set_permissions(&hidup, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let hasil: Vec<_> = [salinan.clone(), hidup.join("pantau.db")]
        .iter()
        .map(|db| {
            d.polos()
                .args(["--today", HARI_INI, "--db"])
                .arg(db)
                .args(["--baca-saja", "cek", "--json"])
                .output()
                .unwrap()
        })
        .collect();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&hidup, std::fs::Permissions::from_mode(0o755)).unwrap();
    for o in &hasil {
        assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
        assert_eq!(json(&o.stdout)["ringkasan"]["lewat_tenggat"], 15);
    }
    assert_eq!((isi_folder(&folder), potret_folder(&hidup)), sebelum);
    assert_eq!(nama_file(&folder), ["hidup", "salinan.db"]);
}

// ---- schema versions --------------------------------------------------------------------

#[test]
fn a_v9_database_is_refused_by_a_reading_command_and_upgraded_by_a_writing_one_after_a_backup() {
    let d = Dunia::sukamaju(HARI_INI);
    jadikan_v9(&d.db());
    let sebelum = potret_folder(d.path());
    for args in [
        vec!["cek"],
        vec!["iku"],
        vec!["riwayat"],
        vec!["--baca-saja"],
    ] {
        let galat = gagal(&d, &args);
        assert!(galat.contains("skema lama (versi 9"), "{galat}");
        assert!(galat.contains("pantau init"), "{galat}");
        assert_eq!(potret_folder(d.path()), sebelum, "{args:?}");
    }
    let o = d.impor(HARI_INI, "dokumen", "dokumen.csv", DOKUMEN);
    let pesan = teks(&o.stderr);
    assert!(pesan.contains("diperbarui dari versi 9 ke 15"), "{pesan}");
    let bak = cadangan_dengan(d.path(), "pantau.db.skema9-");
    assert_eq!(bak.len(), 1, "{:?}", nama_file(d.path()));
    assert!(bak[0].ends_with(".bak"));
    assert!(pesan.contains(&bak[0]), "{pesan}");
    let bak = d.path().join(&bak[0]);
    // the backup is the database as it was: schema 9, no application id, its desa
    assert_eq!(pragma(&bak, "user_version"), 9);
    assert_eq!(pragma(&bak, "application_id"), 0);
    assert_eq!(nama_desa(&bak, ALPHA), "Alpha");
    assert_eq!(
        std::fs::metadata(&bak).unwrap().permissions().mode() & 0o777,
        0o660
    );
    assert_eq!(pragma(&d.db(), "user_version"), 15);
    assert_eq!(pragma(&d.db(), "application_id"), 0x5041_4E54);
    let (cek, _) = d.cek_json(HARI_INI, &[]);
    assert!(!cek["dokumen"].as_array().unwrap().is_empty());
}

#[test]
fn init_upgrades_a_v9_database_and_says_where_the_backup_is() {
    let d = Dunia::sukamaju(HARI_INI);
    jadikan_v9(&d.db());
    let o = d.ok(HARI_INI, &["init"]);
    assert!(
        teks(&o.stderr).contains("salinan sebelumnya"),
        "{}",
        teks(&o.stderr)
    );
    assert_eq!(cadangan_dengan(d.path(), "pantau.db.skema9-").len(), 1);
    d.ok(HARI_INI, &["iku"]);
}

#[test]
fn a_newer_schema_is_refused_by_every_command_and_left_unchanged() {
    let d = Dunia::sukamaju(HARI_INI);
    Connection::open(d.db())
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    d.tulis("dokumen.csv", DOKUMEN);
    let sebelum = potret_folder(d.path());
    for args in [
        vec!["cek"],
        vec!["init"],
        vec!["impor", "dokumen", "dokumen.csv"],
        vec!["atur", "tahun-awal", "2025"],
    ] {
        let galat = gagal(&d, &args);
        assert!(galat.contains("lebih baru (skema 99"), "{galat}");
        assert_eq!(potret_folder(d.path()), sebelum, "{args:?}");
    }
}

// ---- cadangkan --------------------------------------------------------------------------

#[test]
fn backup_while_another_connection_holds_an_open_write_transaction_copies_the_last_commit() {
    let d = Dunia::sukamaju(HARI_INI);
    let mut penulis = sambung(&d.db());
    let tx = penulis
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute("UPDATE desa SET nama = 'Belum' WHERE kode = ?1", [ALPHA])
        .unwrap();
    let o = d.ok(HARI_INI, &["backup", "salinan.db"]);
    assert!(
        teks(&o.stdout).contains("salinan.db"),
        "{}",
        teks(&o.stdout)
    );
    tx.commit().unwrap();
    let salinan = d.path().join("salinan.db");
    assert_eq!(nama_desa(&salinan, ALPHA), "Alpha");
    assert_eq!(nama_desa(&d.db(), ALPHA), "Belum");
    // the copy is one whole file, a pantau database anyone can open
    assert!(!d.path().join("salinan.db-wal").exists());
    assert_eq!(pragma(&salinan, "application_id"), 0x5041_4E54);
    let c = Connection::open(&salinan).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn backup_overwrites_an_earlier_pantau_copy_but_not_another_file() {
    let d = Dunia::sukamaju(HARI_INI);
    d.ok(HARI_INI, &["cadangkan", "senin.db"]);
    let mut c = sambung(&d.db());
    c.execute("UPDATE desa SET nama = 'Baru' WHERE kode = ?1", [ALPHA])
        .unwrap();
    drop(c.transaction().unwrap());
    let o = d.ok(HARI_INI, &["cadangkan", "senin.db"]);
    assert!(teks(&o.stdout).contains("menimpa"), "{}", teks(&o.stdout));
    assert_eq!(nama_desa(&d.path().join("senin.db"), ALPHA), "Baru");
    d.tulis("catatan.txt", "penting\n");
    sqlite_lain(&d.path().join("lain.db"), 7);
    let sebelum = potret_folder(d.path());
    for tujuan in ["catatan.txt", "lain.db", "pantau.db", "./pantau.db"] {
        let galat = gagal(&d, &["cadangkan", tujuan]);
        assert!(galat.contains(tujuan.trim_start_matches("./")), "{galat}");
        assert_eq!(potret_folder(d.path()), sebelum, "{tujuan}");
    }
    let galat = gagal(&d, &["cadangkan", "nodir/x.db"]);
    assert!(galat.contains("folder nodir tidak ada"), "{galat}");
}

// ---- pulihkan ---------------------------------------------------------------------------

#[test]
fn restore_refuses_a_corrupt_foreign_or_newer_copy_and_leaves_the_database_unchanged() {
    let d = Dunia::sukamaju(HARI_INI);
    d.ok(HARI_INI, &["cadangkan", "baik.db"]);
    // a copy damaged inside: header whole, pages overwritten
    let mut rusak = std::fs::read(d.path().join("baik.db")).unwrap();
    let tengah = rusak.len() / 2;
    for b in &mut rusak[4096..tengah] {
        *b = 0x5a;
    }
    d.tulis_bytes("rusak.db", &rusak);
    sqlite_lain(&d.path().join("lain.db"), 9);
    d.tulis("teks.db", "halo\n");
    // another page size: the backup API cannot write it into a WAL database
    std::fs::copy(d.path().join("baik.db"), d.path().join("halaman.db")).unwrap();
    let c = Connection::open(d.path().join("halaman.db")).unwrap();
    c.execute_batch("PRAGMA page_size = 8192; VACUUM;").unwrap();
    drop(c);
    std::fs::copy(d.path().join("baik.db"), d.path().join("baru.db")).unwrap();
    Connection::open(d.path().join("baru.db"))
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let sebelum = potret_folder(d.path());
    for (salinan, kata) in [
        ("rusak.db", "rusak"),
        ("lain.db", "program lain"),
        ("teks.db", "bukan basis data pantau"),
        ("baru.db", "lebih baru"),
        ("halaman.db", "ukuran halaman"),
        ("tidak-ada.db", "tidak ada"),
    ] {
        let galat = gagal(&d, &["pulihkan", salinan]);
        assert!(galat.contains(kata), "{salinan}: {galat}");
        assert_eq!(potret_folder(d.path()), sebelum, "{salinan}");
    }
}

#[test]
fn restore_keeps_the_replaced_database_and_open_connections_see_the_copy() {
    let d = Dunia::sukamaju(HARI_INI);
    d.ok(HARI_INI, &["cadangkan", "salinan.db"]);
    d.impor(
        HARI_INI,
        "desa",
        "ganti.csv",
        "kode,nama\n35.08.21.2001,Alpha Baru\n",
    );
    // another operator's connection, open through the restore
    let lain = Connection::open(d.db()).unwrap();
    assert_eq!(
        lain.query_row("SELECT nama FROM desa WHERE kode = ?1", [ALPHA], |r| r
            .get::<_, String>(
            0
        ))
        .unwrap(),
        "Alpha Baru"
    );
    let o = d.ok(HARI_INI, &["restore", "salinan.db"]);
    let simpan = cadangan_dengan(d.path(), "pantau.db.sebelum-pulih-");
    assert_eq!(simpan.len(), 1, "{:?}", nama_file(d.path()));
    assert!(teks(&o.stdout).contains(&simpan[0]), "{}", teks(&o.stdout));
    assert_eq!(nama_desa(&d.path().join(&simpan[0]), ALPHA), "Alpha Baru");
    assert_eq!(nama_desa(&d.db(), ALPHA), "Alpha");
    assert_eq!(
        lain.query_row("SELECT nama FROM desa WHERE kode = ?1", [ALPHA], |r| r
            .get::<_, String>(
            0
        ))
        .unwrap(),
        "Alpha"
    );
    let c = Connection::open(d.db()).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn restoring_a_v9_copy_upgrades_it_with_the_usual_backup() {
    let d = Dunia::sukamaju(HARI_INI);
    d.ok(HARI_INI, &["cadangkan", "lama.db"]);
    jadikan_v9(&d.path().join("lama.db"));
    let o = d.ok(HARI_INI, &["pulihkan", "lama.db"]);
    assert!(
        teks(&o.stdout).contains("diperbarui dari versi 9 ke 15"),
        "{}",
        teks(&o.stdout)
    );
    assert_eq!(
        cadangan_dengan(d.path(), "pantau.db.sebelum-pulih-").len(),
        1
    );
    assert_eq!(cadangan_dengan(d.path(), "pantau.db.skema9-").len(), 1);
    assert_eq!(pragma(&d.db(), "user_version"), 15);
    assert_eq!(pragma(&d.db(), "application_id"), 0x5041_4E54);
    d.ok(HARI_INI, &["iku"]);
}

// ---- riwayat ----------------------------------------------------------------------------

fn sebagai(d: &Dunia, pengguna: &str, args: &[&str]) {
    let o = d
        .cmd(HARI_INI)
        .env("USER", pengguna)
        .env_remove("SUDO_USER")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
}

#[test]
fn riwayat_shows_before_and_after_of_an_import_and_filters_by_desa_table_and_user() {
    let d = Dunia::sukamaju(HARI_INI);
    d.tulis("dokumen.csv", DOKUMEN);
    sebagai(&d, "budi", &["impor", "dokumen", "dokumen.csv"]);
    d.tulis(
        "ubah.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal,nomor\n\
         35.08.21.2001,RKPDes,2027,2026-09-15,1\n\
         35.08.21.2002,RKPDes,2027,2026-09-02,2b\n",
    );
    sebagai(&d, "siti", &["impor", "dokumen", "ubah.csv"]);

    let o = d.ok(HARI_INI, &["riwayat", "--tabel", "dokumen"]);
    let t = teks(&o.stdout);
    assert!(t.contains("tanggal: 01/09/2026 -> 15/09/2026"), "{t}");
    assert!(t.contains("nomor: 2 -> 2b"), "{t}");
    // only the changed columns of an update
    let ubah_alpha = t
        .split("\n")
        .skip_while(|l| !l.contains("siti"))
        .take(2)
        .collect::<Vec<_>>();
    assert!(!t.contains("tahun_anggaran: 2027 -> 2027"), "{t}");
    assert!(!ubah_alpha.is_empty());
    // DD/MM/YYYY HH:MM:SS, newest first
    let pertama = t.lines().nth(1).unwrap();
    assert!(
        pertama.as_bytes()[2] == b'/'
            && pertama.as_bytes()[5] == b'/'
            && pertama.as_bytes()[13] == b':',
        "{pertama}"
    );
    assert!(pertama.contains("siti"), "{t}");

    let j = json(
        &d.ok(HARI_INI, &["history", "--desa", ALPHA, "--json"])
            .stdout,
    );
    let entri = j["entri"].as_array().unwrap();
    assert_eq!(j["jumlah"], entri.len());
    // Alpha's desa row came in with the bulk desa import (one entry without a row); its
    // document's update is the one entry naming it
    assert!(!entri.is_empty());
    for e in entri {
        assert_eq!(e["tabel"], "dokumen", "{e}");
        assert_eq!(e["aksi"], "ubah");
        assert_eq!(e["pengguna"], "siti");
        assert_eq!(
            e["perubahan"],
            serde_json::json!([{"kolom": "tanggal", "sebelum": "2026-09-01", "sesudah": "2026-09-15"}])
        );
    }

    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--pengguna", "budi", "--json"])
            .stdout,
    );
    let entri = j["entri"].as_array().unwrap();
    assert!(!entri.is_empty());
    assert!(entri.iter().all(|e| e["pengguna"] == "budi"), "{j}");
    assert!(entri.iter().all(|e| e["aksi"] == "tambah"), "{j}");

    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--tabel", "desa", "--json"])
            .stdout,
    );
    assert!(
        j["entri"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["tabel"] == "desa")
    );

    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--batas", "1", "--json"])
            .stdout,
    );
    assert_eq!(j["entri"].as_array().unwrap().len(), 1);
    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--sejak", "2100-01-01", "--json"])
            .stdout,
    );
    assert_eq!(j["jumlah"], 0);

    // a facilitation changed one by one (as the interface does) shows under its desa only
    d.impor(
        HARI_INI,
        "fasilitasi",
        "fas.csv",
        "tanggal,jenis,kode_desa,uraian\n2026-09-01,F01,35.08.21.2001,a\n2026-09-02,F01,35.08.21.2002,b\n",
    );
    sambung(&d.db())
        .execute_batch("UPDATE fasilitasi SET ditindaklanjuti = 1, versi = versi + 1")
        .unwrap();
    let j = json(
        &d.ok(
            HARI_INI,
            &[
                "riwayat",
                "--desa",
                ALPHA,
                "--tabel",
                "fasilitasi",
                "--json",
            ],
        )
        .stdout,
    );
    let entri = j["entri"].as_array().unwrap();
    assert_eq!(entri.len(), 1, "{j}");
    assert_eq!(
        entri[0]["perubahan"],
        serde_json::json!([{"kolom": "ditindaklanjuti", "sebelum": 0, "sesudah": 1}])
    );
    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--desa", BETA, "--json"])
            .stdout,
    );
    assert!(
        j["entri"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["tabel"] == "fasilitasi"),
        "{j}"
    );
    assert!(
        j["entri"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["pengguna"] != "siti"
                || e["tabel"] != "dokumen"
                || e["perubahan"][0]["kolom"] == "nomor"),
        "{j}"
    );

    assert!(gagal(&d, &["riwayat", "--tabel", "rahasia"]).contains("tidak dicatat"));
    assert!(gagal(&d, &["riwayat", "--desa", "35.08.21.2999"]).contains("tidak ada"));
}

#[test]
fn audit_user_is_the_real_user_behind_sudo_then_user_then_the_password_database() {
    let d = Dunia::sukamaju(HARI_INI);
    let jalan = |env: &[(&str, &str)], hapus: &[&str], nama: &str| {
        let mut c = d.cmd(HARI_INI);
        for k in hapus {
            c.env_remove(k);
        }
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.args(["atur", "tahun-awal", nama]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    };
    jalan(&[("USER", "ani"), ("LOGNAME", "x")], &["SUDO_USER"], "2024");
    jalan(&[("LOGNAME", "dodi")], &["SUDO_USER", "USER"], "2025");
    jalan(&[], &["SUDO_USER", "USER", "LOGNAME"], "2024");
    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--tabel", "pengaturan", "--json"])
            .stdout,
    );
    let pengguna: Vec<&str> = j["entri"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pengguna"].as_str().unwrap())
        .collect();
    assert_eq!(pengguna[1..], ["dodi", "ani"]);
    // SAFETY: getuid has no preconditions
    let uid = unsafe { libc::getuid() };
    assert!(!pengguna[0].is_empty() && pengguna[0] != "tidak-dikenal");
    if uid == 0 {
        assert_eq!(pengguna[0], "root");
        jalan(&[("SUDO_USER", "operator"), ("USER", "root")], &[], "2025");
        let j = json(
            &d.ok(HARI_INI, &["riwayat", "--batas", "1", "--json"])
                .stdout,
        );
        assert_eq!(j["entri"][0]["pengguna"], "operator");
    }
}

// ---- --today ----------------------------------------------------------------------------

#[test]
fn today_outside_the_tracked_years_is_an_indonesian_error() {
    let d = Dunia::sukamaju(HARI_INI);
    for t in ["1999-12-31", "2101-01-01"] {
        let o = d
            .polos()
            .args(["--db", "pantau.db", "--today", t, "cek"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(
            teks(&o.stderr).contains("antara 2000 dan 2100"),
            "{}",
            teks(&o.stderr)
        );
        let o = d
            .polos()
            .env("PANTAU_TODAY", t)
            .args(["--db", "pantau.db", "cek"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(
            teks(&o.stderr).contains("PANTAU_TODAY"),
            "{}",
            teks(&o.stderr)
        );
    }
    for t in ["2000-01-01", "2100-12-31"] {
        let o = d
            .polos()
            .args(["--db", "pantau.db", "--today", t, "cek"])
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{t}: {}",
            teks(&o.stderr)
        );
    }
}

/// A truly read-only folder, also for root: a read-only bind mount in a private mount
/// namespace (`unshare -m`). Where that is not allowed (no privilege, no `unshare`), the test
/// says so and checks nothing more than `a_copy_in_a_read_only_folder_is_read_without_creating_a_file`.
#[test]
fn reading_commands_work_on_a_read_only_mount() {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(HARI_INI, "dokumen", "dokumen.csv", DOKUMEN);
    let ro = d.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    d.ok(
        HARI_INI,
        &["cadangkan", ro.join("salinan.db").to_str().unwrap()],
    );
    // a live database with its -wal and -shm, and one whose -shm is gone
    for (folder, akhiran) in [
        ("hidup", &["", "-wal", "-shm"][..]),
        ("tanpa-shm", &["", "-wal"][..]),
    ] {
        std::fs::create_dir(ro.join(folder)).unwrap();
        for a in akhiran {
            std::fs::copy(
                d.path().join(format!("pantau.db{a}")),
                ro.join(folder).join(format!("pantau.db{a}")),
            )
            .unwrap();
        }
    }
    let pantau = assert_cmd::cargo::cargo_bin("pantau");
    let skrip = r#"ro="$1"; p="$2"; shift 2
        mount --bind -o ro "$ro" "$ro" || exit 99
        touch "$ro/boleh-tulis" 2>/dev/null && exit 98
        for db in salinan.db hidup/pantau.db tanpa-shm/pantau.db; do
            "$p" --db "$ro/$db" --today 2026-09-30 "$@" || exit $?
        done"#;
    let jalan = |args: &[&str]| {
        std::process::Command::new("unshare")
            .args(["-m", "sh", "-c", skrip, "sh"])
            .arg(&ro)
            .arg(&pantau)
            .args(args)
            .env_remove("PANTAU_DB")
            .output()
    };
    let sebelum = potret_folder(&ro);
    let o = match jalan(&["iku"]) {
        // CI runs as root on a machine like this one, where a private read-only mount works:
        // without it the test proves nothing, so it fails
        Ok(o) if o.status.code() == Some(99) || o.status.code() == Some(98) => {
            panic!(
                "no read-only mount here (unshare -m as root needed): {}",
                teks(&o.stderr)
            );
        }
        Err(e) => panic!("no unshare here (util-linux needed): {e}"),
        Ok(o) => o,
    };
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    assert_eq!(
        teks(&o.stdout).matches("Sukamaju").count(),
        3,
        "{}",
        teks(&o.stdout)
    );
    for args in [
        vec!["cek", "--json", "--hari", "3660"],
        vec!["riwayat", "--json"],
        vec!["--baca-saja", "iku", "--json"],
        vec!["ekspor", "matriks", "-"],
    ] {
        let o = jalan(&args).unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            teks(&o.stderr)
        );
    }
    // a writing command is refused by the mount, with an Indonesian message
    let o = jalan(&["atur", "tahun-awal", "2025"]).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("tidak dapat ditulis"),
        "{}",
        teks(&o.stderr)
    );
    assert_eq!(potret_folder(&ro), sebelum);
}

#[test]
fn riwayat_prints_stored_text_safely() {
    let d = Dunia::sukamaju(HARI_INI);
    // written around pantau (an old version, a script): a terminal escape in a name
    sambung(&d.db())
        .execute(
            "UPDATE desa SET nama = 'Alpha\x1b[2J\x07' WHERE kode = ?1",
            [ALPHA],
        )
        .unwrap();
    let o = d.ok(HARI_INI, &["riwayat", "--desa", ALPHA]);
    let t = teks(&o.stdout);
    assert!(t.contains("nama: Alpha -> Alpha?[2J?"), "{t}");
    assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
    assert!(t.contains("penguji"), "{t}");
    // JSON carries the value itself, escaped by JSON
    let j = json(
        &d.ok(HARI_INI, &["riwayat", "--desa", ALPHA, "--json"])
            .stdout,
    );
    assert_eq!(j["entri"][0]["perubahan"][0]["sesudah"], "Alpha\x1b[2J\x07");
}
