//! Which file is a pantau database, how each kind of command opens it, and copies made with
//! SQLite's online backup API. Nothing here writes to a file before it is known to be pantau's.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::{Galat, Hasil, skema};

/// `PRAGMA application_id` of every pantau database: "PANT" in ASCII.
pub const APPLICATION_ID: i32 = 0x5041_4E54;

/// Owner and group may read and write; nobody else (the file, its -wal and -shm, the copies).
pub const IZIN_BERKAS: u32 = 0o660;
/// The folder pantau creates for its default database.
pub const IZIN_FOLDER: u32 = 0o770;

/// How a command opens the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `init` and the interface: create the file when it does not exist (its folder must).
    Buat,
    /// Writing commands: the file must exist; an older schema is upgraded after a backup.
    Tulis,
    /// Reading commands and `--baca-saja`: opened read-only; an older schema is refused.
    Baca,
    /// `cadangkan`: read-only, any pantau schema (a copy does not need to understand it).
    Salin,
}

impl Mode {
    pub fn menulis(self) -> bool {
        matches!(self, Mode::Buat | Mode::Tulis)
    }
}

/// What a file on disk turned out to be, read without writing anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keadaan {
    TidakAda,
    /// A pantau database with this schema version; `lama` when it has no application id yet
    /// (made by pantau before schema 10).
    Pantau {
        versi: i64,
        lama: bool,
    },
}

fn nama(path: &Path) -> String {
    path.display().to_string()
}

fn tolak(path: &Path, sebab: &str) -> Galat {
    Galat::TidakSah(format!("{} {sebab}; berkas itu tidak diubah", nama(path)))
}

fn galat_io(path: &Path, e: &std::io::Error) -> Galat {
    Galat::Buka {
        path: nama(path),
        sebab: match e.kind() {
            std::io::ErrorKind::PermissionDenied => "tidak ada izin".into(),
            _ => e.to_string(),
        },
    }
}

/// The file beside `path` whose name ends in `akhiran` (`-wal`, `-shm`).
pub fn samping(path: &Path, akhiran: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(akhiran);
    PathBuf::from(s)
}

/// Looks at a file without writing to it: its SQLite header, then (read-only) its
/// application id, schema version and tables. Anything that is not pantau's is refused.
pub fn periksa(path: &Path) -> Hasil<Keadaan> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Keadaan::TidakAda),
        Err(e) => return Err(galat_io(path, &e)),
    };
    if meta.is_dir() {
        return Err(Galat::TidakSah(format!(
            "{} adalah folder, bukan berkas basis data",
            nama(path)
        )));
    }
    if meta.len() == 0 {
        return Err(tolak(
            path,
            "kosong (0 bait), bukan basis data pantau; hapus berkas kosong itu lalu buat basis data dengan pantau init",
        ));
    }
    // The header and the size are read without a lock: another operator's checkpoint may
    // grow the file in between (its header first). A size that disagrees is read again a
    // few times before the file is called cut short; a truncated copy stays short.
    let mut percobaan = 0;
    loop {
        let mut kepala = [0u8; 100];
        let mut f = fs::File::open(path).map_err(|e| galat_io(path, &e))?;
        let terbaca = baca_penuh(&mut f, &mut kepala).map_err(|e| galat_io(path, &e))?;
        if terbaca < 100 || &kepala[..16] != b"SQLite format 3\0" {
            return Err(tolak(
                path,
                "bukan basis data pantau (bukan berkas SQLite, atau salinan yang terpotong)",
            ));
        }
        let be32 =
            |i: usize| u32::from_be_bytes([kepala[i], kepala[i + 1], kepala[i + 2], kepala[i + 3]]);
        let ukuran_halaman = match u16::from_be_bytes([kepala[16], kepala[17]]) {
            1 => 65536u64,
            n => u64::from(n),
        };
        if !(512..=65536).contains(&ukuran_halaman) || !ukuran_halaman.is_power_of_two() {
            return Err(tolak(path, "rusak (kepala SQLite tidak sah)"));
        }
        let id = be32(68) as i32;
        if id != 0 && id != APPLICATION_ID {
            return Err(tolak(
                path,
                &format!(
                    "adalah basis data SQLite program lain (application_id {id:#010x}), bukan basis data pantau"
                ),
            ));
        }
        // the size after the header: a checkpoint grows the file before it writes the header
        let ukuran = fs::metadata(path).map_err(|e| galat_io(path, &e))?.len();
        // the page count in the header is valid when its change counter matches (offset 92 = 24)
        let halaman = u64::from(be32(28));
        let cocok = ukuran % ukuran_halaman == 0
            && !(be32(92) == be32(24) && halaman > 0 && ukuran < halaman * ukuran_halaman);
        if cocok {
            break;
        }
        percobaan += 1;
        if percobaan >= 5 {
            return Err(tolak(
                path,
                "terpotong atau rusak (ukurannya tidak cocok dengan isinya)",
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(20 * percobaan));
    }
    let conn = buka_baca(path)?;
    let baca = || -> rusqlite::Result<(i32, i64, i64)> {
        let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let versi: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tabel: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'
               AND name IN ('pengaturan', 'jenis_dokumen', 'desa', 'audit')",
            [],
            |r| r.get(0),
        )?;
        Ok((id, versi, tabel))
    };
    let (id, versi, tabel) = baca().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            tolak(path, "rusak atau bukan basis data SQLite")
        }
        _ => Galat::Buka {
            path: nama(path),
            sebab: e.to_string(),
        },
    })?;
    match id {
        APPLICATION_ID => Ok(Keadaan::Pantau { versi, lama: false }),
        // pantau before schema 10 set no application id: know it by its tables
        0 if tabel == 4 && (1..=9).contains(&versi) => Ok(Keadaan::Pantau { versi, lama: true }),
        0 => Err(tolak(
            path,
            "adalah basis data SQLite lain, bukan basis data pantau",
        )),
        lain => Err(tolak(
            path,
            &format!(
                "adalah basis data SQLite program lain (application_id {lain:#010x}), bukan basis data pantau"
            ),
        )),
    }
}

fn baca_penuh(f: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn uri(path: &Path, immutable: bool) -> Hasil<String> {
    let abs = std::path::absolute(path).map_err(|e| galat_io(path, &e))?;
    let mut s = String::from("file:");
    for b in abs.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                s.push(*b as char)
            }
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s.push_str(if immutable {
        "?mode=ro&immutable=1"
    } else {
        "?mode=ro"
    });
    Ok(s)
}

/// Opens read-only, never creating a file. With its -wal (pantau keeps it, see
/// `siapkan_tulis`) the connection sees others' changes as they commit. Without one the whole
/// database is in the file itself, and it is opened `immutable`: that needs no -shm either,
/// so it works in a folder or mount nobody may write.
pub fn buka_baca(path: &Path) -> Hasil<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let wal = samping(path, "-wal");
    let ada_wal = wal.exists();
    let buka = |immutable: bool| {
        Connection::open_with_flags(uri(path, immutable)?, flags).map_err(|e| Galat::Buka {
            path: nama(path),
            sebab: e.to_string(),
        })
    };
    if !ada_wal {
        return buka(true);
    }
    let conn = buka(false)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        // the -shm cannot be made here (a read-only folder): an empty -wal holds nothing
        Err(_) if fs::metadata(&wal).map(|m| m.len() == 0).unwrap_or(false) => {
            drop(conn);
            buka(true)
        }
        Err(e) => Err(Galat::Buka {
            path: nama(path),
            sebab: format!(
                "{e}; berkas {} ada tetapi {} tidak dapat dibuka atau dibuat",
                nama(&wal),
                nama(&samping(path, "-shm"))
            ),
        }),
    }
}

/// Opens an existing file for writing, never creating it.
pub fn buka_tulis(path: &Path) -> Hasil<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Galat::Buka {
        path: nama(path),
        sebab: e.to_string(),
    })
}

/// Creates an empty file with owner and group permissions only, whatever the umask.
pub fn buat_berkas(path: &Path) -> Hasil<()> {
    let f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(IZIN_BERKAS)
        .open(path)
        .map_err(|e| galat_io(path, &e))?;
    f.set_permissions(fs::Permissions::from_mode(IZIN_BERKAS))
        .map_err(|e| galat_io(path, &e))?;
    Ok(())
}

/// Keeps the -wal and -shm files when the last connection closes (the -wal emptied), so that
/// a reader never has to create them: reading works in a folder it may not write.
pub fn simpan_wal(conn: &Connection) {
    let mut nyala: std::ffi::c_int = 1;
    // SAFETY: a valid open handle, the "main" schema and a pointer to an int, as documented
    // for SQLITE_FCNTL_PERSIST_WAL.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&mut nyala as *mut std::ffi::c_int).cast(),
        );
    }
}

/// One step of the backup API over all pages, waiting while another connection holds a lock.
fn jalankan_salin(b: &rusqlite::backup::Backup) -> Hasil<()> {
    use rusqlite::backup::StepResult;
    let mulai = Instant::now();
    loop {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                if mulai.elapsed() > Duration::from_secs(30) {
                    return Err(Galat::Sibuk);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {}
        }
    }
}

/// Writes a consistent copy of `sumber` (as of the moment the copy starts) to `tujuan`, a
/// single file with no -wal, through a temporary file in the same folder renamed at the end:
/// an earlier copy at `tujuan` is replaced only by a complete one.
pub fn salin_ke(sumber: &Connection, tujuan: &Path) -> Hasil<()> {
    let folder = tujuan
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let berkas = tujuan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "salinan".into());
    let sementara = folder.join(format!(".{berkas}.sementara-{}", std::process::id()));
    let _ = fs::remove_file(&sementara);
    buat_berkas(&sementara)?;
    let hasil = (|| -> Hasil<()> {
        let mut dst = buka_tulis(&sementara)?;
        {
            let b = rusqlite::backup::Backup::new(sumber, &mut dst)?;
            jalankan_salin(&b)?;
        }
        // a copy is one file: no -wal beside it
        let _: String =
            dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        dst.close().map_err(|(_, e)| Galat::from(e))?;
        fs::rename(&sementara, tujuan).map_err(|e| galat_io(tujuan, &e))?;
        Ok(())
    })();
    if hasil.is_err() {
        let _ = fs::remove_file(&sementara);
        let _ = fs::remove_file(samping(&sementara, "-journal"));
    }
    hasil
}

/// Replaces the content of the live database `tujuan` with `sumber`, page by page through
/// the backup API: other connections keep the file open and see the restored data at their
/// next read, which replacing the file under them would not allow (it corrupts WAL data).
pub fn timpa_dari(sumber: &Connection, tujuan: &mut Connection) -> Hasil<()> {
    let b = rusqlite::backup::Backup::new(sumber, tujuan)?;
    jalankan_salin(&b)
}

/// `pantau.db.skema9-20261202-004500.bak`: the copy written before an upgrade.
/// Never the name of a file already there (two in the same second get `-2`, `-3` …).
pub fn nama_cadangan(path: &Path, tengah: &str, akhir: &str) -> PathBuf {
    let waktu = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let pertama = samping(path, &format!(".{tengah}-{waktu}{akhir}"));
    if !pertama.exists() {
        return pertama;
    }
    (2..)
        .map(|n| samping(path, &format!(".{tengah}-{waktu}-{n}{akhir}")))
        .find(|p| !p.exists())
        .unwrap_or(pertama)
}

/// Checks a copy to restore: a pantau file, not newer than this program, whole.
pub fn periksa_salinan(path: &Path) -> Hasil<(Connection, i64)> {
    let versi = match periksa(path)? {
        Keadaan::TidakAda => {
            return Err(Galat::TidakAda(format!("salinan {} tidak ada", nama(path))));
        }
        Keadaan::Pantau { versi, .. } => versi,
    };
    let terbaru = skema::versi_terbaru();
    if versi > terbaru {
        return Err(Galat::TidakSah(format!(
            "salinan {} dibuat oleh pantau yang lebih baru (skema {versi}, program ini {terbaru}); tidak dipulihkan",
            nama(path)
        )));
    }
    let conn = buka_baca(path)?;
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let pesan: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|b| b.collect())
        .unwrap_or_else(|e| vec![e.to_string()]);
    drop(stmt);
    if pesan != ["ok"] {
        return Err(Galat::TidakSah(format!(
            "salinan {} rusak (pemeriksaan keutuhan: {}); tidak dipulihkan",
            nama(path),
            pesan.into_iter().take(3).collect::<Vec<_>>().join("; ")
        )));
    }
    Ok((conn, versi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Mode, Store};

    /// A database exactly as pantau of schema 9 left it: migrations 1–9, WAL, no application id.
    fn buat_v9(path: &Path) {
        let mut conn = Connection::open(path).unwrap();
        conn.create_scalar_function(
            "pantau_pengguna",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            |_| Ok("lama".to_string()),
        )
        .unwrap();
        let _: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .unwrap();
        skema::migrasi_ke(&mut conn, 9);
        conn.execute(
            "INSERT INTO pengaturan (kunci, nilai) VALUES ('tahun_awal', '2024')",
            [],
        )
        .unwrap();
    }

    #[test]
    fn a_schema_9_database_is_pantau_and_older_and_upgraded_only_for_writing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pantau.db");
        buat_v9(&db);
        assert_eq!(
            periksa(&db).unwrap(),
            Keadaan::Pantau {
                versi: 9,
                lama: true
            }
        );
        let isi = fs::read(&db).unwrap();
        let galat = Store::buka_dengan(&db, Mode::Baca)
            .err()
            .unwrap()
            .to_string();
        assert!(galat.contains("skema lama (versi 9"), "{galat}");
        assert_eq!(fs::read(&db).unwrap(), isi);

        let store = Store::buka_dengan(&db, Mode::Tulis).unwrap();
        let p = store.pembaruan().unwrap().clone();
        assert_eq!((p.dari, p.ke), (9, skema::versi_terbaru()));
        assert!(
            p.cadangan
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pantau.db.skema9-")
        );
        assert_eq!(
            store.pengaturan("tahun_awal").unwrap().as_deref(),
            Some("2024")
        );
        drop(store);
        assert_eq!(
            periksa(&db).unwrap(),
            Keadaan::Pantau {
                versi: skema::versi_terbaru(),
                lama: false
            }
        );
        assert_eq!(
            periksa(&p.cadangan).unwrap(),
            Keadaan::Pantau {
                versi: 9,
                lama: true
            }
        );
        let baca = Store::buka_dengan(&db, Mode::Baca).unwrap();
        assert!(baca.baca_saja());
        assert!(baca.conn().execute("DELETE FROM pengaturan", []).is_err());
    }
}
