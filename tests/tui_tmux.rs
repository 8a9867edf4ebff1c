//! The real binary in a real terminal (tmux), as a person would use it. tmux must be installed
//! (`.ci/run` installs it): without it these tests fail. Waits by polling the screen, never by
//! fixed sleeps.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::Sesi;

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
    // the counts of `cek`, with the camat's own tasks among them
    assert!(
        s.contains("Dokumen: 18 lewat, 6 mendekati tenggat (30 hari) . 3 tugas kantor"),
        "{s}"
    );
    // the Desa tab opens on the nearest deadline ahead (APBDes TA 2027); back one year
    sesi.kirim(&["4"]);
    sesi.tunggu("TA 2027 . tenggat");
    sesi.kirim(&["["]);
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

/// Runs pantau in a shell inside tmux that records the terminal settings before and after and
/// then says how pantau ended; `akhiri` ends pantau (a signal, or a key). The terminal must be
/// given back: alternate screen off, cursor shown, settings as before.
fn terminal_kembali(akhiri: impl FnOnce(&Sesi, &Path), panik: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let skrip = dir.path().join("jalan.sh");
    std::fs::write(
        &skrip,
        format!(
            "stty -g > {d}/sebelum\n{panik}NO_COLOR=1 {bin} --db {db} --today 2026-11-23\necho \"KELUAR $?\"\nstty -g > {d}/sesudah\necho SELESAI\nsleep 60\n",
            d = dir.path().display(),
            panik = if panik { "PANTAU_UJI_PANIK=1 " } else { "" },
            bin = env!("CARGO_BIN_EXE_pantau"),
            db = db.display()
        ),
    )
    .unwrap();
    let sesi = Sesi::mulai(&format!("TERM=xterm-256color sh {}", skrip.display()));
    sesi.tunggu("lewat tenggat");
    assert_eq!(
        sesi.format("#{alternate_on}"),
        "1",
        "pantau uses the alternate screen"
    );
    akhiri(&sesi, &db);
    let s = sesi.tunggu("SELESAI");
    assert_eq!(
        sesi.format("#{alternate_on}"),
        "0",
        "alternate screen left on:\n{s}"
    );
    assert_eq!(
        sesi.format("#{cursor_flag}"),
        "1",
        "cursor left hidden:\n{s}"
    );
    let sebelum = std::fs::read_to_string(dir.path().join("sebelum")).unwrap();
    let sesudah = std::fs::read_to_string(dir.path().join("sesudah")).unwrap();
    assert_eq!(sebelum, sesudah, "terminal settings changed");
    s
}

/// The pid of the pantau process using this database.
fn pid_pantau(db: &Path) -> String {
    let mulai = Instant::now();
    loop {
        let o = Command::new("pgrep")
            .args(["-f", "--", &format!("--db {}", db.display())])
            .output()
            .unwrap();
        let pid = String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        if !pid.is_empty() {
            return pid;
        }
        assert!(
            mulai.elapsed() < Duration::from_secs(10),
            "no pantau process"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kirim_sinyal(sinyal: &str) -> impl FnOnce(&Sesi, &Path) {
    move |_, db| {
        let pid = pid_pantau(db);
        assert!(
            Command::new("kill")
                .args([&format!("-{sinyal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
    }
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let s = terminal_kembali(kirim_sinyal("TERM"), false);
    assert!(s.contains("KELUAR 143"), "{s}");
}

#[test]
fn sighup_of_a_dropped_ssh_session_gives_the_terminal_back() {
    let s = terminal_kembali(kirim_sinyal("HUP"), false);
    assert!(s.contains("KELUAR 129"), "{s}");
}

#[test]
fn sigint_gives_the_terminal_back() {
    let s = terminal_kembali(kirim_sinyal("INT"), false);
    assert!(s.contains("KELUAR 130"), "{s}");
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let s = terminal_kembali(|sesi, _| sesi.kirim(&["j"]), true);
    assert!(s.contains("KELUAR 101"), "{s}");
}

#[test]
fn q_gives_the_terminal_back() {
    let s = terminal_kembali(|sesi, _| sesi.kirim(&["q"]), false);
    assert!(s.contains("KELUAR 0"), "{s}");
}

/// An SSH session that drops closes the terminal under pantau: it must end, not read nothing
/// forever at full CPU.
#[test]
fn a_terminal_that_goes_away_ends_pantau() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let sesi = Sesi::mulai(&format!(
        "TERM=xterm-256color {} --db {} --today 2026-11-23",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ));
    sesi.tunggu("lewat tenggat");
    let pid = pid_pantau(&db);
    // the pane and its terminal go away
    sesi.tutup();
    let mulai = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            mulai.elapsed() < Duration::from_secs(10),
            "pantau {pid} still runs after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
