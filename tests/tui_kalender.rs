//! Issue 12 in the real binary under tmux (80×24, NO_COLOR, --ascii): the Beranda of a
//! kecamatan in the APBDes evaluation season marks the camat's own tasks and counts what
//! `cek` counts, `/ kantor` keeps only those; the evaluation is recorded in the Desa tab with
//! its result from a pick list, a date without a result is refused beside the field, and the
//! corrected draft then falls due 20 working days later.

mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::Sesi;
use serde_json::Value;

const HARI_INI: &str = "2026-11-23";

fn pantau(db: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(db)
        .args(["--today", HARI_INI])
        .args(args)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn buka(db: &Path) -> Sesi {
    Sesi::mulai(&format!(
        "TERM=xterm-256color NO_COLOR=1 {} --db {} --today {HARI_INI} --ascii",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ))
}

fn contoh() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    (dir, db)
}

#[test]
fn the_beranda_in_the_evaluation_season_marks_the_offices_tasks() {
    let (_dir, db) = contoh();
    let cek: Value = serde_json::from_str(&pantau(&db, &["cek", "--json"])).unwrap();
    let r = &cek["ringkasan"];
    let kantor = cek["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["pelaku"] == "camat")
        .count();
    assert!(kantor > 0, "the sample is in the evaluation season");
    assert_eq!(r["tugas_kantor"], kantor);
    let sesi = buka(&db);
    let s = sesi.tunggu("tugas kantor");
    assert!(
        s.contains(&format!(
            "Dokumen: {} lewat, {} mendekati tenggat (30 hari) . {kantor} tugas kantor",
            r["lewat_tenggat"], r["mendekati_tenggat"]
        )),
        "{s}"
    );
    assert!(s.is_ascii(), "{s}");
    // the list keeps only the office's tasks, each marked
    sesi.kirim(&["/"]);
    sesi.ketik("kantor");
    sesi.kirim(&["Enter"]);
    let s = sesi.tunggu(&format!("Saringan: \"kantor\" ({kantor} baris)"));
    let baris: Vec<&str> = s.lines().filter(|l| l.contains(" tenggat  ")).collect();
    assert_eq!(baris.len(), kantor, "{s}");
    for l in baris {
        assert!(
            l.contains("[kantor]") && l.contains("EvalAPBDes 2027"),
            "{l}"
        );
    }
    sesi.kirim(&["q"]);
}

#[test]
fn an_evaluation_with_corrections_is_recorded_in_the_desa_tab_and_the_correction_falls_due() {
    let (_dir, db) = contoh();
    let sesi = buka(&db);
    sesi.tunggu("tugas kantor");
    sesi.kirim(&["4"]);
    sesi.tunggu("TA 2027 . tenggat");
    // from APBDes to EvalAPBDes (four columns to the right), Kraton (the second desa)
    sesi.kirim(&["Right", "Right", "Right", "Right", "Down"]);
    let s = sesi.tunggu("EvalAPBDes >");
    assert!(s.contains(">35.08.07.2002 Kraton"), "{s}");
    sesi.kirim(&["Enter"]);
    let s = sesi.tunggu("EvalAPBDes TA 2027 . Kraton (35.08.07.2002) . tenggat");
    assert!(s.contains("Tugas kantor kecamatan (bukan desa)"), "{s}");
    assert!(s.contains("Hasil"), "{s}");
    // a date without a result is refused beside the field, and nothing is saved
    sesi.ketik("23/11/2026");
    sesi.kirim(&["C-s"]);
    let s = sesi.tunggu("Periksa bidang");
    assert!(s.contains("wajib diisi bila tanggal diisi"), "{s}");
    let cek: Value = serde_json::from_str(&pantau(&db, &["cek", "--json"])).unwrap();
    assert!(
        cek["dokumen"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["jenis"] == "EvalAPBDes" && i["kode_desa"] == "35.08.07.2002"),
        "still due"
    );
    // the refused form stands in the field with the problem, its reason readable above the
    // open pick list; the result from the list: corrections needed
    assert!(
        s.contains("Hasil: wajib diisi bila tanggal diisi: sesuai atau perlu perbaikan"),
        "{s}"
    );
    sesi.ketik("perlu");
    sesi.tunggu("> perlu perbaikan");
    sesi.kirim(&["Enter"]);
    sesi.kirim(&["C-s"]);
    sesi.tunggu("EvalAPBDes TA 2027 disimpan: 23/11/2026.");
    sesi.kirim(&["q"]);
    // the corrected draft: 20 working days after Monday 23/11/2026, Monday 21/12/2026
    let cek: Value = serde_json::from_str(&pantau(&db, &["cek", "--json"])).unwrap();
    let perbaikan: Vec<&Value> = cek["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["jenis"] == "PerbRAPBDes" && i["kode_desa"] == "35.08.07.2002")
        .collect();
    assert_eq!(perbaikan.len(), 1, "{cek}");
    assert_eq!(perbaikan[0]["tenggat"], "2026-12-21");
    assert_eq!(perbaikan[0]["pelaku"], "desa");
    assert_eq!(perbaikan[0]["hari"], 28);
    // the evaluation and its result are in the history
    let log = pantau(
        &db,
        &["riwayat", "--desa", "35.08.07.2002", "--tabel", "dokumen"],
    );
    assert!(log.contains("perlu_perbaikan"), "{log}");
}
