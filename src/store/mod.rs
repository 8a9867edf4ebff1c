//! The only place with SQL. One SQLite file holds everything; see `migrations/`.

pub mod aturan;
pub mod audit;
pub mod buka;
pub mod contoh;
pub mod dokumen;
pub mod fasilitasi;
pub mod ikm;
pub mod impor;
pub mod indikator;
pub mod kalender;
pub mod kegiatan;
pub mod kepala_desa;
pub mod konflik;
pub mod monev;
pub mod profil;
pub(crate) mod referensi;
mod skema;
pub mod wilayah;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, functions::FunctionFlags};

pub use buka::{Keadaan, Mode};
pub use skema::{versi_skema, versi_terbaru};

/// How `Store::siapkan` prepares a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Siap {
    Tulis,
    Baca,
    Memori,
}

#[cfg(test)]
mod tests_lingkup {
    use super::*;

    #[test]
    fn an_empty_filter_leaves_the_query() {
        let sql = "SELECT 1 FROM desa d WHERE x = 1 AND (?2 = '' OR d.kode LIKE '%' || ?2 || '%' OR (d.nama LIKE ?2)) ORDER BY d.kode";
        assert_eq!(
            tanpa_saring(sql),
            "SELECT 1 FROM desa d WHERE x = 1 AND ?2 = '' ORDER BY d.kode"
        );
        assert_eq!(
            tanpa_saring("SELECT (?1 IS NULL OR a = ?1)"),
            "SELECT (?1 IS NULL OR a = ?1)"
        );
    }

    #[test]
    fn scope_is_written_so_the_index_can_serve() {
        let sql = "SELECT 1 FROM desa d WHERE (?1 IS NULL OR d.kecamatan_id = ?1) AND x = ?2";
        assert_eq!(
            sql_lingkup(sql, wilayah::Lingkup::Kecamatan(3)),
            "SELECT 1 FROM desa d WHERE d.kecamatan_id = ?1 AND x = ?2"
        );
        assert_eq!(
            sql_lingkup(sql, wilayah::Lingkup::Semua),
            "SELECT 1 FROM desa d WHERE ?1 IS NULL AND x = ?2"
        );
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error("basis data {path} tidak dapat dibuka: {sebab}")]
    Buka { path: String, sebab: String },
    #[error("basis data sedang dipakai proses lain terlalu lama; coba lagi sebentar")]
    Sibuk,
    #[error("kesalahan basis data: {0}")]
    Sql(rusqlite::Error),
    #[error(
        "basis data tidak dapat ditulis: dibuka baca-saja, atau berkas, folder atau disknya hanya bisa dibaca"
    )]
    HanyaBaca,
    #[error("skema basis data tidak dapat diperbarui: {0}")]
    Migrasi(String),
    #[error("data ini diubah pengguna lain sejak dibuka; muat ulang lalu ulangi")]
    Konflik,
    #[error("{0}")]
    TidakAda(String),
    #[error("{0}")]
    TidakSah(String),
}

impl From<rusqlite::Error> for Galat {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Galat::Sibuk
            }
            Some(rusqlite::ErrorCode::ReadOnly) => Galat::HanyaBaca,
            _ => Galat::Sql(e),
        }
    }
}

pub type Hasil<T> = Result<T, Galat>;

/// How long a writer waits for another's write lock (an import, another operator) before it
/// gives up as `Sibuk`. Imports hold the lock only while writing (about a second for 100,000
/// rows), so several operators and imports at once queue instead of failing.
pub const TUNGGU_SIBUK: Duration = Duration::from_secs(60);

/// The operating-system user, written into the audit log by the triggers: the real user
/// behind `sudo`, then `USER`, `LOGNAME`, the name of the uid in the password database, or
/// `uid NNN`.
pub fn pengguna_os() -> String {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    // SAFETY: getuid has no preconditions and cannot fail
    let uid = unsafe { libc::getuid() };
    if uid == 0
        && let Some(u) = env("SUDO_USER")
    {
        return u;
    }
    env("USER")
        .or_else(|| env("LOGNAME"))
        .or_else(|| nama_uid(uid))
        .unwrap_or_else(|| format!("uid {uid}"))
}

fn nama_uid(uid: libc::uid_t) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: passwd is plain data; getpwuid_r writes into pwd and buf (of the given length)
    // and sets hasil to &pwd on success; the strings it points to live in buf.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut hasil: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut hasil);
        if rc != 0 || hasil.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        let nama = std::ffi::CStr::from_ptr(pwd.pw_name)
            .to_string_lossy()
            .into_owned();
        (!nama.is_empty()).then_some(nama)
    }
}

/// An older schema brought up to date when the database was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pembaruan {
    pub dari: i64,
    pub ke: i64,
    /// the copy of the file as it was, beside it
    pub cadangan: PathBuf,
}

pub struct Store {
    conn: Connection,
    baca_saja: bool,
    pembaruan: Option<Pembaruan>,
}

impl Store {
    /// Opens the database file for writing, creating it when missing (its folder must exist),
    /// and brings an older schema up to date after a backup. See `buka_dengan`.
    pub fn buka(path: &Path) -> Hasil<Store> {
        Self::buka_dengan(path, Mode::Buat)
    }

    /// Opens the database as `mode` says. A file that is not pantau's (another program's
    /// SQLite file, a text file, a truncated copy, a zero-byte file) is refused before
    /// anything is written to it. Only `Mode::Buat` creates a file, and never a folder.
    pub fn buka_dengan(path: &Path, mode: Mode) -> Hasil<Store> {
        let keadaan = buka::periksa(path)?;
        let terbaru = skema::versi_terbaru();
        let galat_buka = |sebab: String| Galat::Buka {
            path: path.display().to_string(),
            sebab,
        };
        match keadaan {
            Keadaan::TidakAda => {
                if mode != Mode::Buat {
                    return Err(Galat::TidakAda(format!(
                        "basis data {} belum ada; buat dengan: pantau init --db {}",
                        path.display(),
                        path.display()
                    )));
                }
                if let Some(induk) = path.parent().filter(|p| !p.as_os_str().is_empty())
                    && !induk.is_dir()
                {
                    return Err(Galat::TidakAda(format!(
                        "folder {} tidak ada; buat dahulu (mkdir) atau pilih --db yang lain",
                        induk.display()
                    )));
                }
                buka::buat_berkas(path)?;
                let hasil = buka::buka_tulis(path).and_then(|c| Self::siapkan(c, Siap::Tulis));
                if hasil.is_err() {
                    // a half-made file would be refused next time as "not pantau's"
                    for akhir in ["", "-wal", "-shm", "-journal"] {
                        let _ = std::fs::remove_file(buka::samping(path, akhir));
                    }
                }
                hasil
            }
            Keadaan::Pantau { versi, .. } if versi > terbaru && mode != Mode::Salin => {
                Err(Galat::TidakSah(format!(
                    "basis data {} dibuat oleh pantau yang lebih baru (skema {versi}, program ini {terbaru}); perbarui pantau",
                    path.display()
                )))
            }
            Keadaan::Pantau { versi, lama } => match mode {
                Mode::Baca | Mode::Salin => {
                    if mode == Mode::Baca && (versi < terbaru || lama) {
                        return Err(Galat::TidakSah(format!(
                            "basis data {} memakai skema lama (versi {versi}, program ini {terbaru}); perintah yang hanya membaca tidak memperbaruinya: jalankan pantau init --db {} (salinan cadangan dibuat dahulu di sampingnya)",
                            path.display(),
                            path.display()
                        )));
                    }
                    Self::siapkan(buka::buka_baca(path)?, Siap::Baca)
                }
                Mode::Buat | Mode::Tulis => {
                    let conn = buka::buka_tulis(path)?;
                    let pembaruan = if versi < terbaru || lama {
                        let cadangan = buka::nama_cadangan(path, &format!("skema{versi}"), ".bak");
                        buka::salin_ke(&conn, &cadangan).map_err(|e| {
                            galat_buka(format!(
                                "salinan sebelum memperbarui skema tidak dapat ditulis ({e}); skema tidak diperbarui"
                            ))
                        })?;
                        Some(Pembaruan {
                            dari: versi,
                            ke: terbaru,
                            cadangan,
                        })
                    } else {
                        None
                    };
                    let mut store = Self::siapkan(conn, Siap::Tulis)?;
                    store.pembaruan = pembaruan;
                    Ok(store)
                }
            },
        }
        .map_err(|e| match e {
            Galat::Sql(s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                galat_buka("berkas ini bukan basis data SQLite".into())
            }
            Galat::Sql(s) => galat_buka(s.to_string()),
            lain => lain,
        })
    }

    /// An in-memory database, for tests.
    pub fn memori() -> Hasil<Store> {
        Self::siapkan(Connection::open_in_memory()?, Siap::Memori)
    }

    fn siapkan(mut conn: Connection, siap: Siap) -> Hasil<Store> {
        conn.busy_timeout(TUNGGU_SIBUK)?;
        // every screen and command keeps its statements prepared; the default 16 would make
        // a loop over 7,285 kecamatan prepare them again each time
        conn.set_prepared_statement_cache_capacity(256);
        // 8 MB of pages (the default is 2 MB): a loop over every kecamatan revisits index
        // pages that would otherwise be read from the file again and again
        conn.pragma_update(None, "cache_size", -8000)?;
        // statement journals (an upsert with triggers needs one) in memory, not a temp file
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // A deferred transaction that later writes fails at once when another writer holds
        // the lock, ignoring the busy timeout; IMMEDIATE waits.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        if siap == Siap::Tulis {
            buka::simpan_wal(&conn);
            // any limit (≥ 0) makes the last connection to close empty the kept -wal; while
            // in use, a -wal grown by a big import is cut back to 16 MB after a checkpoint
            conn.pragma_update(None, "journal_size_limit", 16 * 1024 * 1024)?;
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Galat::Migrasi(format!(
                    "mode jurnal WAL tidak dapat dipasang (mendapat {mode})"
                )));
            }
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        let pengguna = pengguna_os();
        conn.create_scalar_function(
            "pantau_pengguna",
            0,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
            move |_| Ok(pengguna.clone()),
        )?;
        let baca_saja = siap == Siap::Baca;
        if baca_saja {
            conn.pragma_update(None, "query_only", true)?;
        } else {
            skema::migrasi(&mut conn)?;
        }
        Ok(Store {
            conn,
            baca_saja,
            pembaruan: None,
        })
    }

    /// Opened so that nothing can be written (`--baca-saja` or a reading command): every
    /// write fails. The interface asks this to say why an editing key does nothing.
    pub fn baca_saja(&self) -> bool {
        self.baca_saja
    }

    /// The upgrade done when the database was opened, if any: from which schema, and where
    /// the copy of the file as it was lies.
    pub fn pembaruan(&self) -> Option<&Pembaruan> {
        self.pembaruan.as_ref()
    }

    /// Writes a copy of the database to `tujuan` with the online backup API while others
    /// keep working (see `buka::salin_ke`).
    pub fn cadangkan(&self, tujuan: &Path) -> Hasil<()> {
        buka::salin_ke(&self.conn, tujuan)
    }

    /// Replaces this database's content with the checked copy `salinan` (see
    /// `buka::periksa_salinan`), after writing the current content to `simpan`.
    pub fn pulihkan_dari(&mut self, salinan: &Connection, simpan: &Path) -> Hasil<()> {
        if self.baca_saja {
            return Err(Galat::TidakSah("basis data dibuka baca-saja".into()));
        }
        let halaman = |c: &Connection| -> Hasil<i64> {
            Ok(c.pragma_query_value(None, "page_size", |r| r.get(0))?)
        };
        let (a, b) = (halaman(salinan)?, halaman(&self.conn)?);
        if a != b {
            // the backup API cannot write another page size into a WAL database
            return Err(Galat::TidakSah(format!(
                "ukuran halaman salinan ({a} bait) berbeda dengan basis data ({b} bait); tidak dipulihkan"
            )));
        }
        buka::salin_ke(&self.conn, simpan)?;
        buka::timpa_dari(salinan, &mut self.conn)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is written, or nothing.
    pub fn transaksi<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Hasil<T>) -> Hasil<T> {
        let tx = self.conn.transaction()?;
        let hasil = f(&tx)?;
        tx.commit()?;
        Ok(hasil)
    }

    /// A bulk import from `berkas` into `tabel`, in one IMMEDIATE transaction: all of it is
    /// written, or nothing. While `f` writes, the table's per-row insert bookkeeping is set
    /// aside — its audit trigger, and the tally triggers named in `sisihkan`, which `f` must
    /// replace by recounting what it touched. They are dropped and created again inside the
    /// transaction, so no other connection ever sees them missing, and a failure rolls both
    /// back. The new rows are logged as one audit entry (the file and the count); rows the
    /// import changes are logged one by one as always.
    pub fn transaksi_impor<T, E: From<Galat>>(
        &mut self,
        tabel: &str,
        berkas: &str,
        sisihkan: &[&str],
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T, E>,
    ) -> Result<T, E> {
        let sql = |e: rusqlite::Error| E::from(Galat::from(e));
        let tx = self.conn.transaction().map_err(sql)?;
        let jumlah = |tx: &rusqlite::Transaction| -> rusqlite::Result<i64> {
            tx.query_row(&format!("SELECT count(*) FROM {tabel}"), [], |r| r.get(0))
        };
        let sebelum = jumlah(&tx).map_err(sql)?;
        let audit = format!("audit_{tabel}_tambah");
        let mut pemicu: Vec<String> = Vec::new();
        for nama in sisihkan.iter().copied().chain([audit.as_str()]) {
            let buat: String = tx
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1 AND tbl_name = ?2",
                    [nama, tabel],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            tx.execute_batch(&format!("DROP TRIGGER {nama}"))
                .map_err(sql)?;
            pemicu.push(buat);
        }
        let hasil = f(&tx)?;
        for buat in &pemicu {
            tx.execute_batch(buat).map_err(sql)?;
        }
        let sesudah = jumlah(&tx).map_err(sql)?;
        if sesudah > sebelum {
            tx.execute(
                "INSERT INTO audit (waktu, pengguna, tabel, baris, aksi, sebelum, sesudah)
                 VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), pantau_pengguna(), ?1, 0,
                         'tambah', NULL, json_object('impor', ?2, 'baris_baru', ?3))",
                rusqlite::params![tabel, berkas, sesudah - sebelum],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(hasil)
    }

    /// Changes whenever another connection commits: the screens poll it to refresh.
    pub fn versi_data(&self) -> Hasil<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    pub fn pengaturan(&self, kunci: &str) -> Hasil<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT nilai FROM pengaturan WHERE kunci = ?1",
                [kunci],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn atur(&mut self, kunci: &str, nilai: &str) -> Hasil<()> {
        self.transaksi(|tx| {
            tx.execute(
                "INSERT INTO pengaturan (kunci, nilai) VALUES (?1, ?2)
                 ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
                [kunci, nilai],
            )?;
            Ok(())
        })
    }

    /// First tracked fiscal year: the setting, or the year before today.
    pub fn tahun_awal(&self, hari_ini: NaiveDate) -> Hasil<i32> {
        Ok(self
            .pengaturan("tahun_awal")?
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| crate::domain::tenggat::tahun_awal_bawaan(hari_ini)))
    }
}

/// Prepares a query whose scope is written `(?1 IS NULL OR col = ?1)`, as two texts: with one
/// kecamatan `col = ?1`, which can use the kecamatan index; for all, `?1 IS NULL`. SQLite plans
/// the OR form as a full scan, which over a national database costs seconds.
pub(crate) fn siapkan_lingkup<'c>(
    conn: &'c Connection,
    sql: &str,
    lingkup: wilayah::Lingkup,
) -> rusqlite::Result<rusqlite::CachedStatement<'c>> {
    conn.prepare_cached(&sql_lingkup(sql, lingkup))
}

/// Like `siapkan_lingkup`, and a text filter written `(?N = '' OR …)` disappears when it is
/// empty, so an unfiltered list or count is served by an index instead of testing every row.
pub(crate) fn siapkan_daftar<'c>(
    conn: &'c Connection,
    sql: &str,
    lingkup: wilayah::Lingkup,
    saring: &str,
) -> rusqlite::Result<rusqlite::CachedStatement<'c>> {
    let sql = sql_lingkup(sql, lingkup);
    if saring.is_empty() {
        conn.prepare_cached(&tanpa_saring(&sql))
    } else {
        conn.prepare_cached(&sql)
    }
}

/// `(?N = '' OR a LIKE … OR b LIKE …)` → `?N = ''`
fn tanpa_saring(sql: &str) -> String {
    let mut keluar = String::with_capacity(sql.len());
    let mut sisa = sql;
    while let Some(i) = sisa
        .find("(?")
        .filter(|i| sisa[i + 2..].find(" = '' OR ").is_some_and(|j| j <= 2))
    {
        let awal = &sisa[i..];
        let tutup = awal
            .char_indices()
            .scan(0i32, |kedalaman, (n, c)| {
                *kedalaman += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                Some((n, *kedalaman))
            })
            .find(|(_, k)| *k == 0)
            .map(|(n, _)| n);
        let Some(tutup) = tutup else { break };
        let param = &awal[1..awal.find(" = ''").unwrap_or(1)];
        keluar.push_str(&sisa[..i]);
        keluar.push_str(&format!("{param} = ''"));
        sisa = &awal[tutup + 1..];
    }
    keluar.push_str(sisa);
    keluar
}

/// The tally a scope reads: the one per kecamatan, or its sum over the whole country
/// (`{nama}_semua`, whose rows have no kecamatan: the scope condition becomes `?1 IS NULL`).
pub(crate) fn tabel_rekap(nama: &str, lingkup: wilayah::Lingkup) -> String {
    match lingkup {
        wilayah::Lingkup::Semua => format!("{nama}_semua"),
        wilayah::Lingkup::Kecamatan(_) => nama.to_string(),
    }
}

fn sql_lingkup(sql: &str, lingkup: wilayah::Lingkup) -> String {
    const AWAL: &str = "(?1 IS NULL OR ";
    let mut keluar = String::with_capacity(sql.len());
    let mut sisa = sql;
    while let Some(i) = sisa.find(AWAL) {
        let Some(j) = sisa[i..].find(" = ?1)") else {
            break;
        };
        let kolom = &sisa[i + AWAL.len()..i + j];
        keluar.push_str(&sisa[..i]);
        match lingkup {
            wilayah::Lingkup::Semua => keluar.push_str("?1 IS NULL"),
            wilayah::Lingkup::Kecamatan(_) => keluar.push_str(&format!("{kolom} = ?1")),
        }
        sisa = &sisa[i + j + " = ?1)".len()..];
    }
    keluar.push_str(sisa);
    keluar
}

/// Deletes a row if nobody changed it since it was read (`versi`).
pub(crate) fn hapus_versi(
    conn: &Connection,
    tabel: &'static str,
    id: i64,
    versi: i64,
) -> Hasil<()> {
    let n = conn
        .prepare_cached(&format!("DELETE FROM {tabel} WHERE id = ?1 AND versi = ?2"))?
        .execute(rusqlite::params![id, versi])?;
    satu_baris(n)
}

/// An UPDATE or DELETE guarded by `versi` touched no row: someone else changed it first.
pub(crate) fn satu_baris(n: usize) -> Hasil<()> {
    if n == 0 { Err(Galat::Konflik) } else { Ok(()) }
}

/// Converts a stored `YYYY-MM-DD` into a date (rows written by pantau are always valid).
pub(crate) fn tanggal_sql(teks: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(teks, "%Y-%m-%d").ok()
}
