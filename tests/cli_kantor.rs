//! Office files (issue 11): workbooks saved by LibreOffice from the office-style CSV
//! fixtures (`tests/data/kantor`) import into the same database as the CSV files. Needs
//! LibreOffice (`soffice`); `.ci/run` installs it, and without it these tests fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

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
