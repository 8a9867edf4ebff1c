//! The real binary in a real terminal: one tmux session per test, each on its OWN tmux server
//! (a socket of its own, `tmux -L pantau-uji-<pid>-<n>`), so tests running side by side never
//! share a server: one test ending its last session (and with it the server) cannot break
//! another test connecting to it. Dropping the session ends its server and removes the
//! socket file. tmux must be installed (`.ci/run` installs it): without it these tests fail,
//! they are never skipped. Waits poll the screen, never sleep a fixed time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a wait may take before the test fails (showing the screen).
pub const BATAS_TUNGGU: Duration = Duration::from_secs(20);

/// Between two looks at the screen.
const JEDA: Duration = Duration::from_millis(50);

static NOMOR: AtomicUsize = AtomicUsize::new(0);

/// One tmux session on its own tmux server.
pub struct Sesi {
    /// The socket name (`-L`), also the session's name.
    nama: String,
    /// Where tmux put the socket (removed on drop).
    soket: Option<PathBuf>,
}

/// A session to start: the command (run by the shell, so `NAMA=nilai perintah` works), its
/// terminal size, folder and environment.
pub struct Awal {
    perintah: String,
    lebar: u16,
    tinggi: u16,
    folder: Option<PathBuf>,
    env: Vec<(String, String)>,
}

impl Awal {
    /// The terminal size (80×24 unless told).
    pub fn ukuran(mut self, lebar: u16, tinggi: u16) -> Self {
        self.lebar = lebar;
        self.tinggi = tinggi;
        self
    }

    /// The folder the command starts in (`new-session -c`).
    pub fn di(mut self, folder: &Path) -> Self {
        self.folder = Some(folder.to_path_buf());
        self
    }

    /// An environment variable for the command, written before it (`NAMA='nilai' perintah`).
    pub fn env(mut self, nama: &str, nilai: &str) -> Self {
        self.env.push((nama.to_string(), nilai.to_string()));
        self
    }

    pub fn mulai(self) -> Sesi {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is needed for this test (apt-get install tmux)"
        );
        let nama = format!(
            "pantau-uji-{}-{}",
            std::process::id(),
            NOMOR.fetch_add(1, Ordering::SeqCst)
        );
        let mut perintah = String::new();
        for (k, v) in &self.env {
            perintah.push_str(&format!("{k}='{}' ", v.replace('\'', r"'\''")));
        }
        perintah.push_str(&self.perintah);
        let mut c = tmux(&nama);
        c.args([
            "new-session",
            "-d",
            "-P",
            "-F",
            "#{socket_path}",
            "-s",
            &nama,
        ])
        .args([
            "-x",
            &self.lebar.to_string(),
            "-y",
            &self.tinggi.to_string(),
        ]);
        if let Some(f) = &self.folder {
            c.arg("-c").arg(f);
        }
        let o = c
            .arg(&perintah)
            .output()
            .expect("tmux is needed for this test (apt-get install tmux)");
        assert!(
            o.status.success(),
            "tmux new-session failed: {}\ncommand: {perintah}",
            String::from_utf8_lossy(&o.stderr)
        );
        let soket = String::from_utf8_lossy(&o.stdout).trim().to_string();
        Sesi {
            nama,
            soket: (!soket.is_empty()).then(|| PathBuf::from(soket)),
        }
    }
}

/// `tmux` on the server `nama`, not reading the user's tmux configuration.
fn tmux(nama: &str) -> Command {
    let mut c = Command::new("tmux");
    c.env_remove("TMUX").args(["-f", "/dev/null", "-L", nama]);
    c
}

fn utf8(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl Sesi {
    /// `perintah` in an 80×24 terminal.
    pub fn mulai(perintah: &str) -> Sesi {
        Sesi::awal(perintah).mulai()
    }

    /// A session to start with more said about it: `Sesi::awal(p).ukuran(60, 15).mulai()`.
    pub fn awal(perintah: &str) -> Awal {
        Awal {
            perintah: perintah.to_string(),
            lebar: 80,
            tinggi: 24,
            folder: None,
            env: Vec::new(),
        }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        tmux(&self.nama)
            .args(args)
            .output()
            .expect("tmux is needed for this test (apt-get install tmux)")
    }

    /// The screen, or why it cannot be read (the session ended).
    fn tangkap(&self) -> Result<String, String> {
        let o = self.tmux(&["capture-pane", "-p", "-t", &self.nama]);
        if o.status.success() {
            Ok(utf8(&o.stdout))
        } else {
            Err(utf8(&o.stderr).trim().to_string())
        }
    }

    /// The screen as it is now.
    pub fn layar(&self) -> String {
        self.tangkap()
            .unwrap_or_else(|e| panic!("the tmux session {} has ended: {e}", self.nama))
    }

    /// Waits until the screen shows `teks` (and stays the same on two looks in a row).
    pub fn tunggu(&self, teks: &str) -> String {
        self.tunggu_jika(|s| s.contains(teks), &format!("{teks:?}"))
    }

    /// Waits until the screen shows every one of `teks` (a screen drawn only in part shows
    /// some of them).
    pub fn tunggu_semua(&self, teks: &[&str]) -> String {
        self.tunggu_jika(|s| teks.iter().all(|t| s.contains(t)), &format!("{teks:?}"))
    }

    /// Waits until the screen meets `syarat` and is the same on two captures in a row (a
    /// frame half written is not judged). Fails after 20 s, or as soon as the session ends,
    /// showing the screen.
    pub fn tunggu_jika(&self, syarat: impl Fn(&str) -> bool, apa: &str) -> String {
        let mulai = Instant::now();
        let mut lalu = String::new();
        loop {
            let s = match self.tangkap() {
                Ok(s) => s,
                Err(e) => panic!(
                    "waiting for {apa}: the tmux session has ended ({e}); last screen:\n{lalu}"
                ),
            };
            if syarat(&s) && s == lalu {
                return s;
            }
            assert!(
                mulai.elapsed() < BATAS_TUNGGU,
                "waiting for {apa} for {} s, screen:\n{s}",
                BATAS_TUNGGU.as_secs()
            );
            lalu = s;
            std::thread::sleep(JEDA);
        }
    }

    /// Sends keys by their tmux names (`Enter`, `Escape`, `C-s`, `BSpace`, or text), one
    /// `send-keys` each: Escape and the next key sent together read as Alt+key.
    pub fn kirim(&self, tombol: &[&str]) {
        for t in tombol {
            let o = self.tmux(&["send-keys", "-t", &self.nama, t]);
            assert!(
                o.status.success(),
                "tmux send-keys {t:?} failed: {}",
                utf8(&o.stderr)
            );
        }
    }

    /// Types `teks` as it is (no key names).
    pub fn ketik(&self, teks: &str) {
        let o = self.tmux(&["send-keys", "-l", "-t", &self.nama, teks]);
        assert!(
            o.status.success(),
            "tmux send-keys -l {teks:?} failed: {}",
            utf8(&o.stderr)
        );
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    pub fn format(&self, f: &str) -> String {
        let o = self.tmux(&["display-message", "-p", "-t", &self.nama, f]);
        assert!(
            o.status.success(),
            "tmux display-message {f:?} failed: {}",
            utf8(&o.stderr)
        );
        utf8(&o.stdout).trim().to_string()
    }

    /// Whether the session is still there (its command has not ended).
    pub fn masih_hidup(&self) -> bool {
        self.tmux(&["has-session", "-t", &self.nama])
            .status
            .success()
    }

    /// Closes the session: its pane and terminal go away under the command.
    pub fn tutup(&self) {
        let o = self.tmux(&["kill-session", "-t", &self.nama]);
        assert!(
            o.status.success(),
            "tmux kill-session failed: {}",
            utf8(&o.stderr)
        );
    }
}

impl Drop for Sesi {
    fn drop(&mut self) {
        // the server may be gone already (its last session ended): nothing to say then
        let _ = tmux(&self.nama).arg("kill-server").output();
        if let Some(s) = &self.soket {
            let _ = std::fs::remove_file(s);
        }
    }
}
