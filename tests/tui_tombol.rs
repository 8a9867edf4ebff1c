//! Issue 10: a key the footer offers always does something or says why not. Every screen
//! state one key away from each tab is visited, and every key its footer offers is pressed:
//! the screen must change (a form, a question, a message, a moved selection, another view).

use std::path::Path;

use chrono::NaiveDate;
use pantau::store::wilayah::Lingkup;
use pantau::store::{Store, contoh};
use pantau::tui::tema::Tema;
use pantau::tui::{App, Konteks};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const LEBAR: u16 = 240;
const TINGGI: u16 = 30;

fn hari_ini() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn buka(asal: &Path, dir: &Path) -> App {
    let db = dir.join(format!("u{}.db", rand_id()));
    std::fs::copy(asal, &db).unwrap();
    let mut k = Konteks::new(
        Store::buka(&db).unwrap(),
        hari_ini(),
        Lingkup::Semua,
        Tema::baru(false, false),
    )
    .unwrap();
    // `x` writes the KAK: into the test's folder, not the crate's
    k.folder_ekspor = Some(dir.to_path_buf());
    App::new(k).unwrap()
}

fn rand_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// The screen's text and the buffer with its styles (a moved selection may change styles
/// only).
fn gambar(app: &mut App) -> (String, ratatui::buffer::Buffer) {
    let mut t = Terminal::new(TestBackend::new(LEBAR, TINGGI)).unwrap();
    app.atur_ukuran(ratatui::layout::Rect::new(0, 0, LEBAR, TINGGI));
    t.draw(|f| app.gambar(f)).unwrap();
    let buf = t.backend().buffer().clone();
    (layar_dari(&buf), buf)
}

fn layar(app: &mut App) -> String {
    gambar(app).0
}

fn layar_dari(buf: &ratatui::buffer::Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn tekan(app: &mut App, k: KeyCode) {
    app.tombol(KeyEvent::new(k, KeyModifiers::NONE));
}

/// The keys of the footer's entries (the line after the message line), without those every
/// screen has (`?`, `/`, `q`).
fn tombol_kaki(s: &str) -> Vec<(String, Vec<KeyCode>)> {
    let kaki = s.lines().nth(TINGGI as usize - 1).unwrap_or("");
    let mut hasil = Vec::new();
    for entri in kaki.split("  ").map(str::trim).filter(|e| !e.is_empty()) {
        let label = entri.split(' ').next().unwrap_or("");
        let kunci: Vec<KeyCode> = if entri.starts_with("[ ]") {
            vec![KeyCode::Char('['), KeyCode::Char(']')]
        } else if label.starts_with('←') || label.starts_with('→') {
            vec![KeyCode::Left, KeyCode::Right]
        } else {
            label
                .split('/')
                .filter_map(|k| match k {
                    "Enter" => Some(KeyCode::Enter),
                    "Esc" => Some(KeyCode::Esc),
                    "Spasi" => Some(KeyCode::Char(' ')),
                    "?" | "/" | "q" => None,
                    k if k.chars().count() == 1 => k.chars().next().map(KeyCode::Char),
                    _ => None,
                })
                .collect()
        };
        if !kunci.is_empty() {
            hasil.push((entri.to_string(), kunci));
        }
    }
    hasil
}

fn ada_kaki(s: &str) -> bool {
    s.lines()
        .nth(TINGGI as usize - 1)
        .is_some_and(|l| l.trim_start().starts_with("? bantuan"))
}

#[test]
fn every_key_the_footer_offers_does_something() {
    let dir = tempfile::tempdir().unwrap();
    let asal = dir.path().join("asal.db");
    let mut store = Store::buka(&asal).unwrap();
    contoh::muat(&mut store, hari_ini()).unwrap();
    drop(store);

    let mut masalah = Vec::new();
    let mut diperiksa = 0;
    for tab in '1'..='7' {
        // the tab itself, and every state one footer key away that still has a footer
        let mut keadaan: Vec<Vec<KeyCode>> = vec![vec![KeyCode::Char(tab)]];
        let mut app = buka(&asal, dir.path());
        tekan(&mut app, KeyCode::Char(tab));
        let awal = layar(&mut app);
        for (_, kunci) in tombol_kaki(&awal) {
            for k in kunci {
                let mut app = buka(&asal, dir.path());
                tekan(&mut app, KeyCode::Char(tab));
                tekan(&mut app, k);
                let s = layar(&mut app);
                if ada_kaki(&s)
                    && s != awal
                    && s.lines().nth(TINGGI as usize - 2) == Some(&" ".repeat(LEBAR as usize))
                {
                    keadaan.push(vec![KeyCode::Char(tab), k]);
                }
            }
        }
        for jalan in keadaan {
            let mut app = buka(&asal, dir.path());
            for k in &jalan {
                tekan(&mut app, *k);
            }
            let (sebelum, buf_sebelum) = gambar(&mut app);
            // a pair (`[ ]`, `← →`) does something when one of its keys does: at the first
            // column, ← has nowhere to go
            for (entri, kunci) in tombol_kaki(&sebelum) {
                diperiksa += 1;
                let berbuat = kunci.iter().any(|k| {
                    let mut app = buka(&asal, dir.path());
                    for j in &jalan {
                        tekan(&mut app, *j);
                    }
                    tekan(&mut app, *k);
                    gambar(&mut app).1 != buf_sebelum
                });
                if !berbuat {
                    masalah.push(format!("{jalan:?} then {kunci:?} ('{entri}') did nothing"));
                }
            }
        }
    }
    eprintln!("{diperiksa} footer entries tried");
    assert!(diperiksa > 50, "only {diperiksa} keys were tried");
    assert!(masalah.is_empty(), "{}", masalah.join("\n"));
}
