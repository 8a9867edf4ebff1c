//! The real binary in a real terminal (tmux), as a person would use it. Skipped when tmux is
//! not installed. Waits by polling the screen, never by fixed sleeps.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn ada_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

struct Sesi {
    nama: String,
}

impl Sesi {
    fn mulai(perintah: &str) -> Sesi {
        let nama = format!("pantau-uji-{}", std::process::id());
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &nama,
                "-x",
                "80",
                "-y",
                "24",
                perintah,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Sesi { nama }
    }

    fn layar(&self) -> String {
        let o = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.nama])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn tunggu(&self, teks: &str) -> String {
        let mulai = Instant::now();
        loop {
            let s = self.layar();
            if s.contains(teks) {
                return s;
            }
            assert!(
                mulai.elapsed() < Duration::from_secs(20),
                "waiting for {teks:?}, screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn kirim(&self, tombol: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.nama];
        args.extend_from_slice(tombol);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn masih_hidup(&self) -> bool {
        Command::new("tmux")
            .args(["has-session", "-t", &self.nama])
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

impl Drop for Sesi {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.nama])
            .output();
    }
}

fn pantau(db: &Path, args: &[&str]) {
    let ok = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert!(ok.status.code().is_some_and(|c| c <= 1), "{ok:?}");
}

#[test]
fn the_binary_runs_in_tmux_shows_changes_by_others_and_quits_cleanly() {
    if !ada_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let perintah = format!(
        // ASCII and no colour: what an old console over SSH gets, and independent of the
        // locale the test machine happens to have
        "TERM=xterm-256color NO_COLOR=1 {} --db {} --today 2026-11-23 --ascii",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    );
    let sesi = Sesi::mulai(&perintah);
    let s = sesi.tunggu("lewat tenggat");
    assert!(s.contains("9 lewat tenggat"), "{s}");
    sesi.kirim(&["4"]);
    let s = sesi.tunggu("TA 2026 . tenggat");
    assert!(
        s.lines()
            .any(|l| l.contains("Tunjungrejo") && l.contains("LEWAT")),
        "{s}"
    );
    // another operator records a date from the command line: the open screen follows
    let csv = dir.path().join("d.csv");
    std::fs::write(
        &csv,
        "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.07.2004;RKPDes;2026;25/09/2025\n",
    )
    .unwrap();
    pantau(&db, &["impor", "dokumen", csv.to_str().unwrap()]);
    let s = sesi.tunggu("v 25/09/2025");
    assert!(
        s.lines()
            .any(|l| l.contains("Tunjungrejo") && l.contains("v 25/09/2025")),
        "{s}"
    );
    assert!(s.is_ascii(), "{s}");
    sesi.kirim(&["q"]);
    let mulai = Instant::now();
    while sesi.masih_hidup() {
        assert!(
            mulai.elapsed() < Duration::from_secs(10),
            "pantau did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
