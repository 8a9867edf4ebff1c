//! Shared helpers for the CLI integration tests: a throw-away database in a temporary folder,
//! the built `pantau` binary run with a fixed `--today`, and a small made-up kecamatan; in
//! `tmux`, the real binary in a terminal for the interface tests.

#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The kinds shipped since the calendar issue (schema 15), after the three of IKU 2.
pub const JENIS_BARU: [&str; 7] = [
    "SepakatBPD",
    "RAPBDes",
    "EvalAPBDes",
    "PerbRAPBDes",
    "LapSemI",
    "LPJAPBDes",
    "RPJMDes",
];

/// The made-up kecamatan most tests use (not Yosowilangun).
pub const KEC: &str = "35.08.21";
pub const ALPHA: &str = "35.08.21.2001";
pub const BETA: &str = "35.08.21.2002";
pub const GAMMA: &str = "35.08.21.2003";

/// Three desa of Kecamatan Sukamaju 35.08.21, written out of code order on purpose.
pub const DESA_SUKAMAJU: &str = "\
kode,nama,kecamatan,kabupaten
35.08.21.2003,Gamma,Sukamaju,Lumajang
35.08.21.2001,Alpha,Sukamaju,Lumajang
35.08.21.2002,Beta,Sukamaju,Lumajang
";

/// A second kecamatan with one desa, to test the scope options.
pub const DESA_MEKARSARI: &str = "\
kode,nama,kecamatan,kabupaten
35.08.22.2001,Delta,Mekarsari,Lumajang
";

/// One test's world: a temporary folder holding the database and the CSV files.
pub struct Dunia {
    pub dir: TempDir,
}

impl Default for Dunia {
    fn default() -> Self {
        Self::new()
    }
}

impl Dunia {
    pub fn new() -> Self {
        Dunia {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("pantau.db")
    }

    /// Writes `isi` to `nama` inside the folder; returns the full path.
    pub fn tulis(&self, nama: &str, isi: &str) -> PathBuf {
        self.tulis_bytes(nama, isi.as_bytes())
    }

    pub fn tulis_bytes(&self, nama: &str, isi: &[u8]) -> PathBuf {
        let p = self.dir.path().join(nama);
        std::fs::write(&p, isi).expect("write test file");
        p
    }

    /// The binary with no options at all, run inside the folder, with a clean environment
    /// (no PANTAU_* variables leaking from the caller, data home inside the folder).
    pub fn polos(&self) -> Command {
        let mut c = Command::cargo_bin("pantau").expect("pantau binary");
        c.current_dir(self.dir.path())
            .env_remove("PANTAU_DB")
            .env_remove("PANTAU_TODAY")
            .env_remove("PANTAU_KECAMATAN")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("HOME", self.dir.path())
            .env("LC_ALL", "C.UTF-8")
            .env("NO_COLOR", "1");
        c
    }

    /// The binary with `--db` in the folder and `--today hari_ini`.
    pub fn cmd(&self, hari_ini: &str) -> Command {
        let mut c = self.polos();
        c.arg("--db").arg(self.db()).arg("--today").arg(hari_ini);
        c
    }

    pub fn jalan(&self, hari_ini: &str, args: &[&str]) -> Output {
        self.cmd(hari_ini).args(args).output().expect("run pantau")
    }

    /// Runs and insists on exit code 0.
    pub fn ok(&self, hari_ini: &str, args: &[&str]) -> Output {
        let o = self.jalan(hari_ini, args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "pantau {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            teks(&o.stdout),
            teks(&o.stderr)
        );
        o
    }

    /// `impor JENIS FILE`, where FILE is written into the folder first; must succeed. The
    /// database is made with `init` first when it does not exist (only `init` creates one).
    pub fn impor(&self, hari_ini: &str, jenis: &str, nama: &str, isi: &str) -> Output {
        if !self.db().exists() {
            self.ok(hari_ini, &["init"]);
        }
        self.tulis(nama, isi);
        self.ok(hari_ini, &["impor", jenis, nama])
    }

    /// `cek --json` plus extra arguments: the parsed object and the exit code.
    pub fn cek_json(&self, hari_ini: &str, extra: &[&str]) -> (Value, i32) {
        let mut args = vec!["cek", "--json"];
        args.extend_from_slice(extra);
        let o = self.jalan(hari_ini, &args);
        let kode = o.status.code().expect("exit code");
        assert!(
            kode == 0 || kode == 1,
            "cek --json exit {kode}\nstderr:\n{}",
            teks(&o.stderr)
        );
        (json(&o.stdout), kode)
    }

    /// `iku --json --tahun Y`.
    pub fn iku_json(&self, hari_ini: &str, tahun: i32) -> Value {
        let t = tahun.to_string();
        let o = self.ok(hari_ini, &["iku", "--json", "--tahun", &t]);
        json(&o.stdout)
    }

    /// What the database says, read only through import-free commands: `cek --json` with a
    /// wide window and `iku --json` for the years the tests use.
    pub fn potret(&self, hari_ini: &str) -> String {
        let (cek, _) = self.cek_json(hari_ini, &["--hari", "3660"]);
        let mut s = cek.to_string();
        for y in 2024..=2027 {
            s.push('\n');
            s.push_str(&self.iku_json(hari_ini, y).to_string());
        }
        s
    }

    /// A database with Kecamatan Sukamaju (35.08.21, three desa) and nothing else, whose
    /// office tracks only the three documents IKU 2 counts (RKPDes, APBDes, LPPDes): the
    /// tests of those rules do not depend on the kinds of the calendar issue.
    pub fn sukamaju(hari_ini: &str) -> Self {
        let d = Dunia::sukamaju_lengkap(hari_ini);
        d.hanya_tiga(hari_ini);
        d
    }

    /// Kecamatan Sukamaju with every shipped kind tracked (the defaults).
    pub fn sukamaju_lengkap(hari_ini: &str) -> Self {
        let d = Dunia::new();
        d.impor(hari_ini, "desa", "desa.csv", DESA_SUKAMAJU);
        d
    }

    /// Stops tracking every kind but RKPDes, APBDes and LPPDes.
    pub fn hanya_tiga(&self, hari_ini: &str) {
        // the kinds counted from another first: a kind others count from cannot be stopped
        for k in JENIS_BARU.iter().rev() {
            self.ok(hari_ini, &["atur", "tenggat", k, "--aktif", "tidak"]);
        }
    }
}

pub fn teks(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub fn json(b: &[u8]) -> Value {
    serde_json::from_slice(b)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", String::from_utf8_lossy(b)))
}

pub fn baris_stderr(o: &Output) -> Vec<String> {
    teks(&o.stderr).lines().map(str::to_string).collect()
}

/// The `dokumen` items of a `cek --json` object as (kode_desa, jenis, tahun_anggaran,
/// tenggat, status, hari).
pub fn item(cek: &Value) -> Vec<(String, String, i64, String, String, i64)> {
    cek["dokumen"]
        .as_array()
        .expect("dokumen array")
        .iter()
        .map(|i| {
            (
                i["kode_desa"].as_str().unwrap().to_string(),
                i["jenis"].as_str().unwrap().to_string(),
                i["tahun_anggaran"].as_i64().unwrap(),
                i["tenggat"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
                i["hari"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Builds an expected item tuple.
pub fn it(
    desa: &str,
    jenis: &str,
    ta: i64,
    tenggat: &str,
    status: &str,
    hari: i64,
) -> (String, String, i64, String, String, i64) {
    (
        desa.into(),
        jenis.into(),
        ta,
        tenggat.into(),
        status.into(),
        hari,
    )
}

/// One kecamatan of an `iku --json` object, by code.
pub fn kecamatan<'a>(iku: &'a Value, kode: &str) -> &'a Value {
    iku["kecamatan"]
        .as_array()
        .expect("kecamatan array")
        .iter()
        .find(|k| k["kode"] == kode)
        .unwrap_or_else(|| panic!("kecamatan {kode} not in {iku}"))
}

/// One indicator (`IKU1`, `IKU2`, `IKM`) of a kecamatan object.
pub fn indikator<'a>(kec: &'a Value, kode: &str) -> &'a Value {
    kec["iku"]
        .as_array()
        .expect("iku array")
        .iter()
        .find(|i| i["kode"] == kode)
        .unwrap_or_else(|| panic!("{kode} not in {kec}"))
}
