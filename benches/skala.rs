//! Speed and memory at scale, never asserted in tests. Run:
//!
//!     cargo bench --bench skala                 # the whole report (national database)
//!     cargo bench --bench skala -- buat N PATH  # only generate a database of N kecamatan
//!     cargo bench --bench skala -- impor        # only the import of 1,000,000 rows
//!     cargo bench --bench skala -- profil       # each store call on the national database
//!     cargo bench --bench skala -- kunci        # how long a 100,000-row import holds the write lock
//!     cargo bench --bench skala -- cek [DB]     # the daily check: `| head -n 15`, text, JSON
//!     cargo bench --bench skala -- kantor [DB]  # office files: .xlsx import vs CSV, national status .xlsx
//!
//! Figures are medians of at least five runs, printed as a table.

#[path = "skala/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

const PANTAU: &str = env!("CARGO_BIN_EXE_pantau");
const HARI_INI: &str = "2026-11-23";
const PUTARAN: usize = 5;

fn hari_ini() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median wall time of `pantau ARGS` over PUTARAN runs (one warm-up first).
fn waktu_pantau(db: &Path, args: &[&str]) -> f64 {
    let jalan = || {
        let mulai = Instant::now();
        let o = Command::new(PANTAU)
            .arg("--db")
            .arg(db)
            .args(["--today", HARI_INI])
            .args(args)
            .output()
            .expect("pantau");
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        ms(mulai.elapsed())
    };
    jalan();
    median((0..PUTARAN).map(|_| jalan()).collect())
}

/// Median wall time of `pantau ARGS | head -n LINES`: until the reader has its lines and the
/// program has ended (by the closed pipe or by itself).
fn waktu_kepala(db: &Path, args: &[&str], baris: usize) -> f64 {
    use std::io::{BufRead, BufReader};
    let jalan = || {
        let mulai = Instant::now();
        let mut anak = Command::new(PANTAU)
            .arg("--db")
            .arg(db)
            .args(["--today", HARI_INI])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("pantau");
        let mut baca = BufReader::new(anak.stdout.take().expect("stdout"));
        let mut s = String::new();
        for _ in 0..baris {
            s.clear();
            if baca.read_line(&mut s).expect("read") == 0 {
                break;
            }
        }
        drop(baca);
        anak.wait().expect("wait");
        ms(mulai.elapsed())
    };
    jalan();
    median((0..PUTARAN).map(|_| jalan()).collect())
}

/// Median wall time of `pantau ARGS > /dev/null`.
fn waktu_ke_null(db: &Path, args: &[&str]) -> f64 {
    let jalan = || {
        let mulai = Instant::now();
        let st = Command::new(PANTAU)
            .arg("--db")
            .arg(db)
            .args(["--today", HARI_INI])
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("pantau");
        assert!(st.code().is_some_and(|c| c <= 1), "{args:?}: {st}");
        ms(mulai.elapsed())
    };
    jalan();
    median((0..PUTARAN).map(|_| jalan()).collect())
}

/// The daily check on one database: the SSH login line, the full text and the full JSON.
fn ukur_cek(db: &Path) {
    println!(
        "# pantau cek on {} ({PUTARAN} runs each, medians)\n",
        db.display()
    );
    println!("| what | time |\n|---|---:|");
    let kepala = waktu_kepala(db, &["cek", "--hari", "14"], 15);
    println!("| `cek --hari 14 \\| head -n 15` | {kepala:.1} ms |");
    let teks = waktu_ke_null(db, &["cek"]);
    println!("| `cek > /dev/null` (whole list) | {teks:.1} ms |");
    let json = waktu_ke_null(db, &["cek", "--json"]);
    println!("| `cek --json > /dev/null` (whole list) | {json:.1} ms |");
}

fn tuimeter() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/tuimeter.py")
}

/// The terminal interface in a pseudo-terminal: first frame, keys, bytes, memory.
fn ukur_tui(db: &Path, kecamatan: Option<&str>, kunci: &str) -> Option<serde_json::Value> {
    let alat = tuimeter();
    if !alat.exists() {
        return None;
    }
    let mut perintah = vec![
        PANTAU.to_string(),
        "--db".into(),
        db.display().to_string(),
        "--today".into(),
        HARI_INI.into(),
    ];
    if let Some(k) = kecamatan {
        perintah.extend(["--kecamatan".into(), k.to_string()]);
    }
    let o = Command::new("python3")
        .arg(&alat)
        .args([
            "--cols",
            "80",
            "--rows",
            "24",
            "--runs",
            &PUTARAN.to_string(),
            "--warmup",
            "1",
        ])
        .args([
            "--wait-for",
            "lewat tenggat",
            "--keys",
            kunci,
            "--quit-keys",
            "q",
            "--json",
            "--",
        ])
        .args(&perintah)
        .output()
        .ok()?;
    serde_json::from_slice(&o.stdout).ok()
}

fn laporan_tui(nama: &str, v: &serde_json::Value) {
    let s = &v["summary"];
    println!(
        "| {nama} | {:.1} ms | {} B | {:.2} ms | {:.2} ms | {} B | {:.1} MB |",
        s["first_frame_ms"].as_f64().unwrap_or(f64::NAN),
        s["first_frame_bytes"],
        s["key_median_latency_ms"].as_f64().unwrap_or(f64::NAN),
        s["key_max_latency_ms"].as_f64().unwrap_or(f64::NAN),
        s["key_median_bytes"],
        s["peak_rss_kb"].as_f64().unwrap_or(0.0) / 1024.0
    );
    if let Some(keys) = s["keys"].as_array() {
        let rinci: Vec<String> = keys
            .iter()
            .map(|k| {
                format!(
                    "{} {:.2}ms/{}B",
                    k["key"].as_str().unwrap_or("?"),
                    k["latency_ms"].as_f64().unwrap_or(f64::NAN),
                    k["bytes"]
                )
            })
            .collect();
        println!("|   keys: {} |", rinci.join(", "));
    }
}

/// What a key of the script does, for the summary columns.
#[derive(Clone, Copy, PartialEq)]
enum Jenis {
    /// A row or cell move, or a page: ≤ 2 ms, ≤ 200 bytes for a row.
    Gerak,
    /// A tab or fiscal-year switch: ≤ 15 ms, ≤ 4 KB.
    Ganti,
    /// `/` and the letters of a filter typed on the Desa tab (every desa in scope searched).
    Saring,
}

/// The key script: moves on the dashboard, the Desa tab and its year, every tab, then a
/// filter typed and confirmed.
const KUNCI: &[(&str, Jenis)] = &[
    ("j", Jenis::Gerak),
    ("j", Jenis::Gerak),
    ("j", Jenis::Gerak),
    ("PageDown", Jenis::Gerak),
    ("4", Jenis::Ganti),
    ("j", Jenis::Gerak),
    ("l", Jenis::Gerak),
    ("]", Jenis::Ganti),
    ("[", Jenis::Ganti),
    ("2", Jenis::Ganti),
    ("3", Jenis::Ganti),
    ("5", Jenis::Ganti),
    ("6", Jenis::Ganti),
    ("7", Jenis::Ganti),
    ("1", Jenis::Ganti),
    ("4", Jenis::Ganti),
    ("/", Jenis::Saring),
    ("k", Jenis::Saring),
    ("a", Jenis::Saring),
    ("l", Jenis::Saring),
    ("i", Jenis::Saring),
    ("Enter", Jenis::Saring),
];

fn skrip_kunci() -> String {
    KUNCI.iter().map(|k| k.0).collect::<Vec<_>>().join(",")
}

/// Per key of the script (median over runs): (kind, latency ms, bytes).
fn per_kunci(v: &Option<serde_json::Value>) -> Vec<(Jenis, f64, f64)> {
    let Some(keys) = v
        .as_ref()
        .and_then(|v| v["summary"]["keys"].as_array().cloned())
    else {
        return Vec::new();
    };
    keys.iter()
        .zip(KUNCI)
        .map(|(k, (_, j))| {
            (
                *j,
                k["latency_ms"].as_f64().unwrap_or(f64::NAN),
                k["bytes"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect()
}

fn terbesar(v: &[(Jenis, f64, f64)], jenis: Jenis, kolom: fn(&(Jenis, f64, f64)) -> f64) -> f64 {
    v.iter()
        .filter(|k| k.0 == jenis)
        .map(kolom)
        .fold(f64::NAN, f64::max)
}

fn buat(n: usize, db: &Path) {
    let mulai = Instant::now();
    let j = generator::buat(db, n, hari_ini()).expect("generator");
    println!(
        "generated {} kecamatan, {} desa, {} documents, {} facilitation, {} IKM answers, {} stages in {:.1} s: {}",
        j.kecamatan,
        j.desa,
        j.dokumen,
        j.fasilitasi,
        j.responden,
        j.tahapan,
        mulai.elapsed().as_secs_f64(),
        db.display()
    );
}

/// 1,000,000 document rows as an office would send them, imported by pantau and by
/// sqlite3's `.import` into an equivalent table.
fn ukur_impor(dir: &Path) {
    let db = dir.join("impor.db");
    // 25,000 desa × 40 fiscal years = 1,000,000 keys
    let mut desa = String::from("kode;nama;kecamatan\n");
    for k in 0..250 {
        for d in 0..100 {
            desa.push_str(&format!(
                "35.{:02}.{:02}.{};Desa {k}-{d};Kecamatan {k}\n",
                10 + k / 10,
                k % 10 + 1,
                2001 + d
            ));
        }
    }
    let f_desa = dir.join("desa.csv");
    std::fs::write(&f_desa, desa).unwrap();
    let mut dok = String::from("kode_desa;jenis;tahun_anggaran;tanggal;nomor\n");
    for k in 0..250 {
        for d in 0..100 {
            for ta in 2000..2040 {
                let jenis = ["RKPDes", "APBDes", "LPPDes"][(ta % 3) as usize];
                // a plausible date for the years up to today's, none for later years
                let tanggal = if ta <= 2026 {
                    format!("15/08/{ta}")
                } else {
                    String::new()
                };
                dok.push_str(&format!(
                    "35.{:02}.{:02}.{};{jenis};{ta};{tanggal};Perdes {d}\n",
                    10 + k / 10,
                    k % 10 + 1,
                    2001 + d
                ));
            }
        }
    }
    let f_dok = dir.join("dokumen.csv");
    std::fs::write(&f_dok, &dok).unwrap();
    let mut t_pantau = Vec::new();
    for _ in 0..PUTARAN {
        let _ = std::fs::remove_file(&db);
        let _ = std::fs::remove_file(dir.join("impor.db-wal"));
        let o = Command::new(PANTAU)
            .arg("--db")
            .arg(&db)
            .args(["--today", HARI_INI, "impor", "desa"])
            .arg(&f_desa)
            .output()
            .unwrap();
        assert!(o.status.success());
        let mulai = Instant::now();
        let o = Command::new(PANTAU)
            .arg("--db")
            .arg(&db)
            .args(["--today", HARI_INI, "impor", "dokumen"])
            .arg(&f_dok)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        t_pantau.push(ms(mulai.elapsed()));
    }
    let ukuran_db = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(dir.join("impor.db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    let mut t_sqlite = Vec::new();
    let ada_sqlite = Command::new("sqlite3").arg("-version").output().is_ok();
    if ada_sqlite {
        for _ in 0..PUTARAN {
            let db2 = dir.join("sqlite3.db");
            let _ = std::fs::remove_file(&db2);
            let skrip = format!(
                "CREATE TABLE dokumen (kode_desa TEXT, jenis TEXT, tahun_anggaran INTEGER, tanggal TEXT, nomor TEXT, UNIQUE (kode_desa, jenis, tahun_anggaran));\n.mode csv\n.separator ;\n.import --skip 1 {} dokumen\n",
                f_dok.display()
            );
            let mulai = Instant::now();
            let mut c = Command::new("sqlite3")
                .arg(&db2)
                .stdin(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            c.stdin.take().unwrap().write_all(skrip.as_bytes()).unwrap();
            assert!(c.wait().unwrap().success());
            t_sqlite.push(ms(mulai.elapsed()));
        }
    }
    let mp = median(t_pantau);
    println!(
        "\n## Import of 1,000,000 document rows ({:.1} MB CSV)\n",
        dok.len() as f64 / 1e6
    );
    println!("| what | median |\n|---|---:|");
    println!("| pantau impor dokumen | {:.0} ms |", mp);
    if ada_sqlite {
        let ms3 = median(t_sqlite);
        println!(
            "| sqlite3 .import (same rows, table with the same key) | {:.0} ms |",
            ms3
        );
        println!("| ratio | {:.2}× |", mp / ms3);
    }
    println!(
        "| database size / CSV size | {:.1} MB / {:.1} MB = {:.2} |",
        ukuran_db as f64 / 1e6,
        dok.len() as f64 / 1e6,
        ukuran_db as f64 / dok.len() as f64
    );
}

/// How long an import of 100,000 document rows holds the write lock: the check reads the
/// whole file outside any transaction (`periksa_dokumen`), the write lock is taken and released
/// inside `tulis_dokumen`. Rows new, then the same file again (unchanged), then every date
/// changed.
fn ukur_kunci(dir: &Path) {
    use pantau::store::Store;
    use pantau::store::impor;
    use pantau::store::wilayah::Lingkup;
    let db = dir.join("kunci.db");
    // 25,000 desa × 4 fiscal years = 100,000 keys
    let mut desa = String::from("kode;nama;kecamatan\n");
    for k in 0..250 {
        for d in 0..100 {
            desa.push_str(&format!(
                "35.{:02}.{:02}.{};Desa {k}-{d};Kecamatan {k}\n",
                10 + k / 10,
                k % 10 + 1,
                2001 + d
            ));
        }
    }
    let berkas = |hari: u32| {
        let mut dok = String::from("kode_desa;jenis;tahun_anggaran;tanggal;nomor\n");
        for k in 0..250 {
            for d in 0..100 {
                for ta in 2023..2027 {
                    let jenis = ["RKPDes", "APBDes", "LPPDes"][(ta % 3) as usize];
                    dok.push_str(&format!(
                        "35.{:02}.{:02}.{};{jenis};{ta};{hari:02}/08/{ta};Perdes {d}\n",
                        10 + k / 10,
                        k % 10 + 1,
                        2001 + d
                    ));
                }
            }
        }
        dok
    };
    let (a, b) = (berkas(15), berkas(16));
    let mut waktu: [Vec<f64>; 4] = Default::default();
    for _ in 0..PUTARAN {
        let _ = std::fs::remove_file(&db);
        let _ = std::fs::remove_file(dir.join("kunci.db-wal"));
        let mut s = Store::buka(&db).unwrap();
        impor::impor_desa(&mut s, "desa.csv", desa.as_bytes(), Lingkup::Semua).unwrap();
        for (i, isi) in [&a, &a, &b].into_iter().enumerate() {
            let mulai = Instant::now();
            let siap =
                impor::periksa_dokumen(&s, "dok.csv", isi.as_bytes(), hari_ini(), Lingkup::Semua)
                    .unwrap_or_else(|_| panic!("file refused"));
            let periksa = ms(mulai.elapsed());
            let mulai = Instant::now();
            let l = impor::tulis_dokumen(&mut s, &siap).unwrap_or_else(|_| panic!("refused"));
            waktu[i + 1].push(ms(mulai.elapsed()));
            assert_eq!(l.baris, 100_000);
            if i == 0 {
                waktu[0].push(periksa);
            }
        }
    }
    println!("\n## Write lock held by an import of 100,000 document rows\n");
    println!("| what | median |\n|---|---:|");
    println!(
        "| check, no lock (new rows) | {:.0} ms |",
        median(waktu[0].clone())
    );
    for (i, apa) in [
        "new rows",
        "the same file again (unchanged)",
        "every date changed",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "| write lock held: {apa} | {:.0} ms |",
            median(waktu[i + 1].clone())
        );
    }
}

/// Time of each store call the screens make at start, over the whole country.
fn profil(db: &Path) {
    use pantau::store::wilayah::Lingkup;
    use pantau::store::{Store, dokumen, fasilitasi, ikm, indikator, kegiatan};
    let store = Store::buka(db).expect("db");
    let h = hari_ini();
    let l = Lingkup::Semua;
    // the first call on a fresh connection (statements not prepared, pages not in SQLite's
    // cache: what a tab switch pays), then the median of the calls after it
    let ukur = |nama: &str, f: &mut dyn FnMut(&pantau::store::Store)| {
        let segar = Store::buka(db).expect("db");
        let m = Instant::now();
        f(&segar);
        let dingin = ms(m.elapsed());
        let t: Vec<f64> = (0..PUTARAN)
            .map(|_| {
                let m = Instant::now();
                f(&segar);
                ms(m.elapsed())
            })
            .collect();
        println!("| {nama} | {dingin:.2} ms | {:.2} ms |", median(t));
    };
    println!("| store call (scope: all) | first | median after |\n|---|---:|---:|");
    ukur("ringkasan_cek", &mut |s| {
        let c = s.conn();
        drop(dokumen::ringkasan_cek(c, l, h, 30, 2025).unwrap())
    });
    let r = dokumen::ringkasan_cek(store.conn(), l, h, 30, 2025).unwrap();
    ukur("halaman_cek first page", &mut |s| {
        let c = s.conn();
        drop(dokumen::halaman_cek(c, l, &r, h, 30, 0, 20).unwrap())
    });
    ukur("halaman_cek page at 2,000", &mut |s| {
        let c = s.conn();
        drop(dokumen::halaman_cek(c, l, &r, h, 30, 2000, 20).unwrap())
    });
    ukur("ringkasan_jadwal", &mut |s| {
        let c = s.conn();
        drop(kegiatan::ringkasan_jadwal(c, l, 2026, 10, &[11, 12]).unwrap())
    });
    ukur("iku (hitung_lingkup)", &mut |s| {
        let c = s.conn();
        drop(indikator::hitung_lingkup(c, l, 2026).unwrap())
    });
    ukur("fasilitasi::iku1", &mut |s| {
        let c = s.conn();
        std::hint::black_box(fasilitasi::iku1(c, l, 2026).unwrap());
    });
    ukur("ikm::jumlah_skor", &mut |s| {
        let c = s.conn();
        std::hint::black_box(ikm::jumlah_skor(c, l, 2026).unwrap());
    });
    ukur("jadwal page", &mut |s| {
        let c = s.conn();
        drop(kegiatan::jadwal(c, l, 2026, "", 0, 20).unwrap())
    });
    ukur("hitung_jadwal", &mut |s| {
        let c = s.conn();
        std::hint::black_box(kegiatan::hitung_jadwal(c, l, 2026, "").unwrap());
    });
    ukur("indikator page", &mut |s| {
        let c = s.conn();
        drop(kegiatan::indikator_tahun(c, l, 2026, "", 0, 20).unwrap())
    });
    ukur("hitung_indikator", &mut |s| {
        let c = s.conn();
        std::hint::black_box(kegiatan::hitung_indikator(c, l, 2026, "").unwrap());
    });
    ukur("fasilitasi page", &mut |s| {
        let c = s.conn();
        drop(fasilitasi::daftar(c, l, 2026, &Default::default(), 0, 20).unwrap())
    });
    ukur("desa page", &mut |s| {
        let c = s.conn();
        drop(dokumen::halaman_dokumen(c, l, 2026, "", 0, 20).unwrap())
    });
    ukur("cek (full list)", &mut |s| {
        let c = s.conn();
        drop(dokumen::cek(c, l, h, 30, 2025).unwrap())
    });
    ukur("tiap_cek (whole list streamed)", &mut |s| {
        let c = s.conn();
        let mut n = 0usize;
        dokumen::tiap_cek(c, l, &r, h, 30, |i| {
            n += std::hint::black_box(i).hari.unsigned_abs() as usize;
            true
        })
        .unwrap();
        std::hint::black_box(n);
    });
    ukur("tiap_cek (first 15 rows)", &mut |s| {
        let c = s.conn();
        let mut n = 0;
        dokumen::tiap_cek(c, l, &r, h, 30, |_| {
            n += 1;
            n < 15
        })
        .unwrap();
    });
}

/// Peak resident memory of the largest child waited for so far, in MB.
fn puncak_anak_mb() -> f64 {
    let mut r: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `r` is a valid rusage the call fills
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut r) };
    r.ru_maxrss as f64 / 1024.0
}

/// Office files: 100,000 document rows imported from `.xlsx` and from CSV, and the status
/// table of a national database written as `.xlsx` (time and peak memory).
fn ukur_kantor(dir: &Path, nasional: &Path) {
    if !nasional.exists() {
        buat(7285, nasional);
    }
    // first, while no other child has run: the national status table
    let keluar = dir.join("status-nasional.xlsx");
    let mut t = Vec::new();
    for _ in 0..PUTARAN {
        let mulai = Instant::now();
        let o = Command::new(PANTAU)
            .arg("--db")
            .arg(nasional)
            .args(["--today", HARI_INI, "ekspor", "status"])
            .arg(&keluar)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        t.push(ms(mulai.elapsed()));
    }
    let rss = puncak_anak_mb();
    let ukuran = std::fs::metadata(&keluar).map(|m| m.len()).unwrap_or(0);
    let desa: i64 = rusqlite::Connection::open(nasional)
        .and_then(|c| c.query_row("SELECT count(*) FROM desa", [], |r| r.get(0)))
        .unwrap_or(0);
    println!("\n## Office files\n");
    println!("| what | median | peak RSS |\n|---|---:|---:|");
    println!(
        "| `ekspor status` .xlsx, {desa} desa ({:.1} MB file) | {:.0} ms | {rss:.1} MB |",
        ukuran as f64 / 1e6,
        median(t)
    );
    // 100,000 document rows: 2,500 desa × 40 fiscal years, as CSV and as a workbook
    let mut desa_csv = String::from("kode;nama;kecamatan\n");
    let mut dok = String::from("kode_desa;jenis;tahun_anggaran;tanggal;nomor\n");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (j, h) in ["kode_desa", "jenis", "tahun_anggaran", "tanggal", "nomor"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let tgl = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let mut r = 1u32;
    for k in 0..25 {
        for d in 0..100 {
            let kode = format!("35.{:02}.{:02}.{}", 10 + k / 10, k % 10 + 1, 2001 + d);
            desa_csv.push_str(&format!("{kode};Desa {k}-{d};Kecamatan {k}\n"));
            for ta in 2000..2040 {
                let jenis = ["RKPDes", "APBDes", "LPPDes"][(ta % 3) as usize];
                let ada = ta <= 2026;
                dok.push_str(&format!(
                    "{kode};{jenis};{ta};{};Perdes {d}\n",
                    if ada {
                        format!("15/08/{ta}")
                    } else {
                        String::new()
                    }
                ));
                ws.write_string(r, 0, &kode).unwrap();
                ws.write_string(r, 1, jenis).unwrap();
                ws.write_number(r, 2, ta as f64).unwrap();
                if ada {
                    let t = rust_xlsxwriter::ExcelDateTime::from_ymd(ta as u16, 8, 15).unwrap();
                    ws.write_datetime_with_format(r, 3, &t, &tgl).unwrap();
                }
                ws.write_string(r, 4, format!("Perdes {d}")).unwrap();
                r += 1;
            }
        }
    }
    let f_desa = dir.join("desa-100k.csv");
    let f_csv = dir.join("dokumen-100k.csv");
    let f_xlsx = dir.join("dokumen-100k.xlsx");
    std::fs::write(&f_desa, desa_csv).unwrap();
    std::fs::write(&f_csv, &dok).unwrap();
    wb.save(&f_xlsx).unwrap();
    let waktu = |berkas: &Path| {
        let mut t = Vec::new();
        for _ in 0..PUTARAN {
            let db = dir.join("kantor.db");
            for akhir in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{akhir}", db.display()));
            }
            let jalan = |args: &[&str], f: &Path| {
                let o = Command::new(PANTAU)
                    .arg("--db")
                    .arg(&db)
                    .args(["--today", HARI_INI])
                    .args(args)
                    .arg(f)
                    .output()
                    .unwrap();
                assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            };
            Command::new(PANTAU)
                .arg("--db")
                .arg(&db)
                .args(["init"])
                .output()
                .unwrap();
            jalan(&["impor", "desa"], &f_desa);
            let mulai = Instant::now();
            jalan(&["impor", "dokumen"], berkas);
            t.push(ms(mulai.elapsed()));
        }
        median(t)
    };
    let csv = waktu(&f_csv);
    let xlsx = waktu(&f_xlsx);
    println!("| `impor dokumen` 100,000 rows from CSV | {csv:.0} ms | |");
    println!(
        "| `impor dokumen` the same rows from .xlsx ({:.1} MB) | {xlsx:.0} ms | |",
        std::fs::metadata(&f_xlsx).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    println!("| ratio .xlsx / CSV | {:.2}× | |", xlsx / csv);
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let dir = std::env::var_os("PANTAU_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("pantau-bench"));
    std::fs::create_dir_all(&dir).unwrap();
    if args.first().map(String::as_str) == Some("buat") {
        let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(7285);
        let db = args
            .get(2)
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join(format!("nasional-{n}.db")));
        buat(n, &db);
        return;
    }
    let hanya = args.first().cloned();
    if hanya.as_deref() == Some("impor") {
        ukur_impor(&dir);
        return;
    }
    if hanya.as_deref() == Some("kunci") {
        ukur_kunci(&dir);
        return;
    }
    if hanya.as_deref() == Some("cek") {
        let db = args
            .get(1)
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join("nasional-7285.db"));
        ukur_cek(&db);
        return;
    }
    if hanya.as_deref() == Some("kantor") {
        let db = args
            .get(1)
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join("nasional-7285.db"));
        ukur_kantor(&dir, &db);
        return;
    }
    if hanya.as_deref() == Some("profil") {
        profil(&dir.join("nasional-7285.db"));
        return;
    }
    println!(
        "# pantau at scale ({} runs each, medians; 80×24)\n",
        PUTARAN
    );
    println!(
        "Scope one kec. / all. Moves: j, l, PageDown; switches: tabs 1–7 and [ ]; filter: / and\nletters typed on the Desa tab, each searching every desa in scope.\n"
    );
    println!(
        "| kecamatan | cek one kec. | cek all | iku all | first frame | move median | tab/year max | filter key max (all) | bytes/row move (all) | bytes/switch max | peak RSS |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let ukuran: Vec<usize> = match hanya.as_deref() {
        Some("cepat") => vec![1, 10],
        _ => vec![1, 10, 100, 7285],
    };
    let mut rinci = Vec::new();
    for n in ukuran {
        let db = dir.join(format!("nasional-{n}.db"));
        if !db.exists() {
            buat(n, &db);
        }
        let satu = "11.01.01";
        let cek_satu = waktu_pantau(&db, &["--kecamatan", satu, "cek"]);
        let cek_semua = waktu_pantau(&db, &["cek"]);
        let iku_semua = waktu_pantau(&db, &["iku"]);
        let tui_satu = ukur_tui(&db, Some(satu), &skrip_kunci());
        let tui_semua = ukur_tui(&db, None, &skrip_kunci());
        let s = |v: &Option<serde_json::Value>, k: &str| {
            v.as_ref()
                .and_then(|v| v["summary"][k].as_f64())
                .unwrap_or(f64::NAN)
        };
        let (k1, ks) = (per_kunci(&tui_satu), per_kunci(&tui_semua));
        let gerak = |v: &[(Jenis, f64, f64)]| {
            median(
                v.iter()
                    .filter(|k| k.0 == Jenis::Gerak)
                    .map(|k| k.1)
                    .collect(),
            )
        };
        let lat = |k: &(Jenis, f64, f64)| k.1;
        let bait = |k: &(Jenis, f64, f64)| k.2;
        // a row move is the first key of the script ("j" on the dashboard's list)
        let bait_baris = ks.first().map(|k| k.2).unwrap_or(f64::NAN);
        println!(
            "| {n} | {cek_satu:.1} ms | {cek_semua:.1} ms | {iku_semua:.1} ms | {:.1} / {:.1} ms | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.2} ms | {bait_baris:.0} B | {:.0} B | {:.1} / {:.1} MB |",
            s(&tui_satu, "first_frame_ms"),
            s(&tui_semua, "first_frame_ms"),
            gerak(&k1),
            gerak(&ks),
            terbesar(&k1, Jenis::Ganti, lat),
            terbesar(&ks, Jenis::Ganti, lat),
            terbesar(&ks, Jenis::Saring, lat),
            terbesar(&ks, Jenis::Ganti, bait).max(terbesar(&k1, Jenis::Ganti, bait)),
            s(&tui_satu, "peak_rss_kb") / 1024.0,
            s(&tui_semua, "peak_rss_kb") / 1024.0
        );
        rinci.push((n, tui_satu, tui_semua));
    }
    println!(
        "\n## Terminal interface in detail (keys: {})\n",
        skrip_kunci()
    );
    println!(
        "| run | first frame | first frame bytes | key median | key max | key median bytes | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for (n, satu, semua) in &rinci {
        if let Some(v) = satu {
            laporan_tui(&format!("{n} kec., scope one"), v);
        }
        if let Some(v) = semua {
            laporan_tui(&format!("{n} kec., scope all"), v);
        }
    }
    if hanya.as_deref() != Some("cepat") {
        ukur_impor(&dir);
    }
}
