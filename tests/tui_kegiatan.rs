//! The Kegiatan tab in the real binary under tmux (80×24, NO_COLOR, --ascii): the KAK's IKU
//! and IKM lines show the computed realisation, and a kegiatan or the whole year is copied to
//! the next year after a question that says what is copied. Waits by polling the screen.

mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::Sesi;

fn pantau(db: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn buka(db: &Path, tambahan: &str) -> Sesi {
    Sesi::mulai(&format!(
        "TERM=xterm-256color NO_COLOR=1 {} --db {} --today 2026-11-23{tambahan}",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ))
}

#[test]
fn the_kak_shows_iku_and_ikm_as_computed_in_plain_and_ascii_terminals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    for tambahan in ["", " --ascii"] {
        let sesi = buka(&db, tambahan);
        sesi.tunggu("Beranda");
        sesi.kirim(&["2"]);
        sesi.tunggu_semua(&["3.05.25.39.006", "Enter buka KAK"]);
        sesi.kirim(&["j"]);
        sesi.kirim(&["Enter"]);
        let s = sesi.tunggu_semua(&["KAK 3.05.25.39.006", "Nilai IKM", "Esc kembali"]);
        // --ascii writes the separator as a dot
        let t = if tambahan.is_empty() { "·" } else { "." };
        let ikm = s.lines().find(|l| l.contains("Nilai IKM")).unwrap();
        assert!(
            ikm.contains(&format!(
                "outcome  82 nilai {t} 77,43 (dihitung IKM: 120 responden) {t} 94,43% {t} Nilai IKM"
            )),
            "{s}"
        );
        let iku1 = s.lines().find(|l| l.contains("dihitung IKU1")).unwrap();
        // the same as `pantau iku`: 20 of 33
        assert!(
            iku1.contains(&format!("60,61 (dihitung IKU1: 20 dari 33) {t} 67,34%")),
            "{s}"
        );
        let iku2 = s.lines().find(|l| l.contains("dihitung IKU2")).unwrap();
        assert!(
            iku2.contains(&format!("47,22 (dihitung IKU2: 17 dari 36) {t} 47,22%")),
            "{s}"
        );
        // a typed line keeps its typed value
        assert!(
            s.contains(&format!(
                "program  100 % {t} 87 {t} 87,00% {t} Persentase desa yang terpantau"
            )),
            "{s}"
        );
        if !tambahan.is_empty() {
            assert!(s.is_ascii(), "{s}");
        }
        sesi.kirim(&["q"]);
    }
    let iku = pantau(&db, &["iku"]);
    assert!(iku.contains("20 dari 33 = 60,61%"), "{iku}");
    assert!(iku.contains("17 dari 36 = 47,22%"), "{iku}");
}

#[test]
fn s_copies_a_kegiatan_and_shift_s_the_year_after_saying_what_is_copied() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let sesi = buka(&db, "");
    sesi.tunggu("Beranda");
    sesi.kirim(&["2"]);
    let s = sesi.tunggu_semua(&["3.05.25.39.006", "Enter buka KAK"]);
    assert!(s.contains("s salin"), "{s}");
    sesi.kirim(&["j"]);
    sesi.kirim(&["s"]);
    let s = sesi.tunggu("Konfirmasi");
    assert!(
        s.contains("Salin kegiatan 3.05.25.39.006 ke tahun 2027?"),
        "{s}"
    );
    assert!(s.contains("riwayat anggaran digeser"), "{s}");
    assert!(s.contains("dikosongkan"), "{s}");
    sesi.kirim(&["y"]);
    sesi.tunggu("Kegiatan 3.05.25.39.006 disalin ke tahun 2027");
    // again: refused, says why
    sesi.kirim(&["s"]);
    sesi.tunggu("Konfirmasi");
    sesi.kirim(&["y"]);
    // the refusal is shown whole (wrapped over the footer)
    sesi.tunggu("kegiatan 3.05.25.39.006 sudah ada di tahun 2027");
    // the whole year: refused while 2027 has one of them
    sesi.kirim(&["S"]);
    let s = sesi.tunggu("Konfirmasi");
    assert!(
        s.contains("Salin semua 2 kegiatan tahun 2026 ke tahun 2027?"),
        "{s}"
    );
    sesi.kirim(&["y"]);
    sesi.tunggu("tahun 2027 sudah berisi kegiatan 3.05.25.39.006");
    // the copy in 2027: its KAK, no realisation typed, the budget moved on
    sesi.kirim(&["]"]);
    sesi.tunggu_semua(&["Kegiatan tahun 2027", "3.05.25.39.006"]);
    sesi.kirim(&["Enter"]);
    let s = sesi.tunggu_semua(&[
        "KAK 3.05.25.39.006",
        "Persentase desa yang terpantau",
        "Esc kembali",
    ]);
    assert!(
        s.contains("program  100 % · – · – · Persentase desa yang terpantau"),
        "{s}"
    );
    sesi.kirim(&["q"]);
    let t = pantau(
        &db,
        &["ekspor", "kak", "3.05.25.39.006", "--tahun", "2027", "-"],
    );
    assert!(
        t.contains("| 1 | Uang lembur PNS | Rp 816.000 | Rp 0 | – | -100,00% | – |"),
        "{t}"
    );
    // then the year 2027 to 2028 from the tab
    let sesi = buka(&db, "");
    sesi.tunggu("Beranda");
    sesi.kirim(&["2"]);
    sesi.tunggu_semua(&["Kegiatan tahun 2026", "Enter buka KAK"]);
    sesi.kirim(&["]"]);
    sesi.tunggu_semua(&["Kegiatan tahun 2027", "3.05.25.39.006"]);
    sesi.kirim(&["S"]);
    let s = sesi.tunggu("Konfirmasi");
    assert!(
        s.contains("Salin semua 1 kegiatan tahun 2027 ke tahun 2028?"),
        "{s}"
    );
    sesi.kirim(&["y"]);
    sesi.tunggu("1 kegiatan disalin ke tahun 2028");
    sesi.kirim(&["q"]);
    let t = pantau(
        &db,
        &["ekspor", "kak", "3.05.25.39.006", "--tahun", "2028", "-"],
    );
    assert!(
        t.contains("| 1 | Uang lembur PNS | Rp 0 | – | – | – | – |"),
        "{t}"
    );
}
