//! Several operators at once: small writers beside large document imports on one database.
//! An import checks its whole file before it takes the write lock and holds the lock only
//! while it writes, and a writer waits up to a minute for the lock, so none of them fails and
//! no write is lost.

mod common;

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use common::*;

const HARI_INI: &str = "2027-06-01";
/// Kecamatan 35.08.21 … 35.08.26, each with 834 desa (2001 … 2834): 5,004 desa.
const KECAMATAN: u32 = 6;
const DESA_PER_KECAMATAN: u32 = 834;
/// Document rows of each large import.
const BARIS_BESAR: usize = 100_000;
/// Large imports, one after another, each of other fiscal years (all rows new).
const IMPOR_BESAR: usize = 3;
const PENULIS: usize = 8;
/// Each writer imports at least this many one-row files, and goes on while the large imports
/// run, up to `PALING_BANYAK` (which keeps the test's time in bounds on a loaded machine: 8
/// writers without a bound take most of the 2 cores from the imports).
const PALING_SEDIKIT: usize = 3;
const PALING_BANYAK: usize = 40;

fn kode_desa(k: u32, d: u32) -> String {
    format!("35.08.{}.{}", 21 + k, 2001 + d)
}

fn berkas_desa() -> String {
    let mut s = String::from("kode;nama;kecamatan;kabupaten\n");
    for k in 0..KECAMATAN {
        for d in 0..DESA_PER_KECAMATAN {
            writeln!(s, "{};Desa {k}-{d};Kecamatan {k};Lumajang", kode_desa(k, d)).unwrap();
        }
    }
    s
}

/// `BARIS_BESAR` document rows of fiscal years `awal` … `awal + 6`, every date on time.
fn berkas_dokumen(awal: i32) -> String {
    let mut s = String::from("kode_desa;jenis;tahun_anggaran;tanggal;nomor\n");
    let mut n = 0;
    'luar: for ta in awal..awal + 7 {
        for k in 0..KECAMATAN {
            for d in 0..DESA_PER_KECAMATAN {
                for (jenis, tanggal) in [
                    ("RKPDes", format!("15/09/{}", ta - 1)),
                    ("APBDes", format!("20/12/{}", ta - 1)),
                    ("LPPDes", format!("15/03/{}", ta + 1)),
                ] {
                    if n == BARIS_BESAR {
                        break 'luar;
                    }
                    writeln!(s, "{};{jenis};{ta};{tanggal};{n}", kode_desa(k, d)).unwrap();
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, BARIS_BESAR);
    s
}

fn hitung(d: &Dunia, sql: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(d.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn eight_writers_beside_large_document_imports_neither_fail_nor_lose_a_row() {
    let d = Dunia::new();
    d.impor(HARI_INI, "desa", "desa.csv", &berkas_desa());
    for i in 0..IMPOR_BESAR {
        d.tulis(&format!("dok{i}.csv"), &berkas_dokumen(2000 + 7 * i as i32));
    }
    for p in 0..PENULIS {
        // no key: every run adds one entry
        d.tulis(
            &format!("fas{p}.csv"),
            &format!(
                "tanggal;jenis;kode_desa;uraian\n01/05/2027;f1;{};penulis {p}\n",
                kode_desa(p as u32 % KECAMATAN, p as u32)
            ),
        );
    }
    let db = d.db();
    let dir = d.path().to_path_buf();
    let selesai = Arc::new(AtomicBool::new(false));

    let besar = {
        let (db, dir, selesai) = (db.clone(), dir.clone(), selesai.clone());
        thread::spawn(move || {
            let mut keluaran = Vec::new();
            for i in 0..IMPOR_BESAR {
                let o = assert_cmd::Command::cargo_bin("pantau")
                    .unwrap()
                    .current_dir(&dir)
                    .env("NO_COLOR", "1")
                    .env_remove("PANTAU_KECAMATAN")
                    .arg("--db")
                    .arg(&db)
                    .args(["--today", HARI_INI, "impor", "dokumen"])
                    .arg(format!("dok{i}.csv"))
                    .output()
                    .unwrap();
                keluaran.push(o);
            }
            selesai.store(true, Ordering::SeqCst);
            keluaran
        })
    };
    let penulis: Vec<_> = (0..PENULIS)
        .map(|p| {
            let (db, dir, selesai) = (db.clone(), dir.clone(), selesai.clone());
            thread::spawn(move || {
                let mut hasil = Vec::new();
                while hasil.len() < PALING_SEDIKIT
                    || (!selesai.load(Ordering::SeqCst) && hasil.len() < PALING_BANYAK)
                {
                    let o = assert_cmd::Command::cargo_bin("pantau")
                        .unwrap()
                        .current_dir(&dir)
                        .env("NO_COLOR", "1")
                        .env_remove("PANTAU_KECAMATAN")
                        .env_remove("PANTAU_KECAMATAN")
                        .arg("--db")
                        .arg(&db)
                        .args(["--today", HARI_INI, "impor", "fasilitasi"])
                        .arg(format!("fas{p}.csv"))
                        .output()
                        .unwrap();
                    hasil.push(o);
                }
                hasil
            })
        })
        .collect();

    let besar = besar.join().unwrap();
    let mut gagal = Vec::new();
    for (i, o) in besar.iter().enumerate() {
        if o.status.code() != Some(0) {
            gagal.push(format!("dok{i}.csv: {}", teks(&o.stderr)));
        } else {
            assert_eq!(
                teks(&o.stdout).trim(),
                format!("Impor dokumen dari dok{i}.csv: 100.000 dokumen baru disimpan.")
            );
        }
    }
    let mut jumlah_penulis = 0;
    for (p, h) in penulis.into_iter().enumerate() {
        let h = h.join().unwrap();
        for o in &h {
            if o.status.code() == Some(0) {
                jumlah_penulis += 1;
            } else {
                gagal.push(format!("fas{p}.csv: {}", teks(&o.stderr)));
            }
        }
        eprintln!("writer {p}: {} imports", h.len());
    }
    assert!(gagal.is_empty(), "{} failed: {gagal:?}", gagal.len());
    assert!(jumlah_penulis >= PENULIS * PALING_SEDIKIT);
    // no lost writes
    assert_eq!(
        hitung(&d, "SELECT count(*) FROM dokumen"),
        (IMPOR_BESAR * BARIS_BESAR) as i64
    );
    assert_eq!(
        hitung(&d, "SELECT count(*) FROM fasilitasi"),
        jumlah_penulis as i64
    );
    // the kept tallies agree with the rows written beside each other
    assert_eq!(
        hitung(&d, "SELECT coalesce(sum(tercatat), 0) FROM rekap_dokumen"),
        (IMPOR_BESAR * BARIS_BESAR) as i64
    );
    eprintln!(
        "{} document rows, {jumlah_penulis} facilitation entries by {PENULIS} writers",
        IMPOR_BESAR * BARIS_BESAR
    );
}
