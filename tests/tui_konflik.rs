//! Two operators on one database: a form, question or deletion keeps the row it was opened
//! for, whatever the 2-second reload brings, and never overwrites what someone else saved.

use std::path::Path;

use chrono::NaiveDate;
use pantau::domain::angka::Seratus;
use pantau::store::wilayah::Lingkup;
use pantau::store::{Store, contoh, fasilitasi, kegiatan};
use pantau::tui::tema::Tema;
use pantau::tui::{App, Konteks};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn hari_ini() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A database file with the sample kecamatan, and the interface open on it.
fn siapkan(dir: &Path) -> (std::path::PathBuf, App) {
    let db = dir.join("pantau.db");
    let mut store = Store::buka(&db).unwrap();
    contoh::muat(&mut store, hari_ini()).unwrap();
    let app = App::new(
        Konteks::new(
            Store::buka(&db).unwrap(),
            hari_ini(),
            Lingkup::Semua,
            Tema::baru(false, false),
        )
        .unwrap(),
    )
    .unwrap();
    (db, app)
}

fn layar(app: &mut App) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    app.atur_ukuran(ratatui::layout::Rect::new(0, 0, 80, 24));
    t.draw(|f| app.gambar(f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn tekan(app: &mut App, kode: KeyCode) {
    app.tombol(KeyEvent::new(kode, KeyModifiers::NONE));
}

fn ketik(app: &mut App, teks: &str) {
    for c in teks.chars() {
        tekan(app, KeyCode::Char(c));
    }
}

fn ctrl(app: &mut App, c: char) {
    app.tombol(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The KAK indicators of kegiatan 004 (2026), in their order.
fn indikator_004(store: &Store) -> Vec<kegiatan::Indikator> {
    kegiatan::indikator_tahun(store.conn(), Lingkup::Semua, 2026, "", 0, 100)
        .unwrap()
        .into_iter()
        .filter(|x| x.kode_kegiatan.ends_with(".004"))
        .map(|x| x.indikator)
        .collect()
}

/// Opens the KAK of the first kegiatan and selects its first indicator.
fn buka_indikator_pertama(app: &mut App) {
    tekan(app, KeyCode::Char('2'));
    tekan(app, KeyCode::Enter);
    // heading, five header lines, the indicator heading, then the indicators
    for _ in 0..7 {
        tekan(app, KeyCode::Char('j'));
    }
}

#[test]
fn a_kak_form_open_across_a_reload_refuses_to_overwrite_another_operators_change() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    buka_indikator_pertama(&mut app);
    tekan(&mut app, KeyCode::Enter);
    let s = layar(&mut app);
    assert!(s.contains("Indikator"), "{s}");
    // our operator changes the realisation 95 → 96 (field 5)
    for _ in 0..4 {
        tekan(&mut app, KeyCode::Tab);
    }
    tekan(&mut app, KeyCode::Backspace);
    tekan(&mut app, KeyCode::Backspace);
    ketik(&mut app, "96");

    // meanwhile another operator saves 42 for the same indicator
    let mut lain = Store::buka(&db).unwrap();
    let x = indikator_004(&lain).into_iter().next().unwrap();
    assert_eq!(x.realisasi, Some(Seratus(9500)));
    lain.transaksi(|tx| kegiatan::ubah_realisasi(tx, x.id, x.versi, Some(Seratus(4200))))
        .unwrap();
    // the screen notices and reloads while the form stays open
    assert!(app.periksa_perubahan());

    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(
        s.contains("Tidak disimpan: data ini diubah atau dihapus pengguna lain"),
        "{s}"
    );
    let sekarang = indikator_004(&lain).into_iter().next().unwrap();
    assert_eq!(sekarang.realisasi, Some(Seratus(4200)), "overwritten");
    assert_eq!(sekarang.id, x.id);
}

#[test]
fn deleting_a_kak_item_after_a_reload_deletes_the_row_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    buka_indikator_pertama(&mut app);
    // the second indicator
    tekan(&mut app, KeyCode::Char('j'));
    let mut lain = Store::buka(&db).unwrap();
    let semula = indikator_004(&lain);
    let sasaran = semula[1].clone();
    tekan(&mut app, KeyCode::Char('d'));
    let s = layar(&mut app);
    assert!(s.contains("Hapus butir ini?"), "{s}");
    assert!(s.contains(&sasaran.uraian[..20]), "{s}");

    // another operator deletes the first indicator: every position below it moves up
    lain.transaksi(|tx| kegiatan::hapus_butir(tx, "indikator", semula[0].id, semula[0].versi))
        .unwrap();
    assert!(app.periksa_perubahan());
    tekan(&mut app, KeyCode::Char('y'));

    let sisa: Vec<i64> = indikator_004(&lain).iter().map(|x| x.id).collect();
    assert!(
        !sisa.contains(&sasaran.id),
        "the row asked about is still there"
    );
    assert!(sisa.contains(&semula[2].id), "another row was deleted");
    assert_eq!(sisa.len(), semula.len() - 2);
}

#[test]
fn a_deletion_of_a_row_changed_meanwhile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('6'));
    let mut lain = Store::buka(&db).unwrap();
    let daftar = |s: &Store| {
        fasilitasi::daftar(
            s.conn(),
            Lingkup::Semua,
            2026,
            &fasilitasi::Saring::default(),
            0,
            1000,
        )
        .unwrap()
    };
    let pertama = daftar(&lain)[0].clone();
    tekan(&mut app, KeyCode::Char('d'));
    // another operator follows it up before our `y`
    let mut x = pertama.clone();
    x.ditindaklanjuti = !x.ditindaklanjuti;
    lain.transaksi(|tx| fasilitasi::ubah(tx, &x, hari_ini()))
        .unwrap();
    assert!(app.periksa_perubahan());
    tekan(&mut app, KeyCode::Char('y'));
    let s = layar(&mut app);
    assert!(
        s.contains("Tidak disimpan: data ini diubah atau dihapus pengguna lain"),
        "{s}"
    );
    assert!(daftar(&lain).iter().any(|f| f.id == pertama.id), "deleted");
}

#[test]
fn a_desa_form_open_while_the_cli_renames_the_desa_keeps_the_cli_name() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('4'));
    tekan(&mut app, KeyCode::Char('i'));
    tekan(&mut app, KeyCode::Char('e'));
    let s = layar(&mut app);
    assert!(s.contains("Ubah desa Darungan"), "{s}");
    // the form opens in Kode; the name is the next field
    tekan(&mut app, KeyCode::Tab);
    ketik(&mut app, " Baru");

    let csv = dir.path().join("desa.csv");
    std::fs::write(&csv, "kode;nama\n35.08.07.2001;Darungan Lor\n").unwrap();
    let o = assert_cmd::Command::cargo_bin("pantau")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["--db"])
        .arg(&db)
        .args(["--today", "2026-11-23", "impor", "desa"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(app.periksa_perubahan());
    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(
        s.contains("Tidak disimpan: data ini diubah atau dihapus pengguna lain"),
        "{s}"
    );
    // the refusal says what is stored now
    assert!(
        s.contains("Darungan Lor") || s.contains("mengubahnya"),
        "{s}"
    );
    let lain = Store::buka(&db).unwrap();
    let d = pantau::store::wilayah::desa_kode(lain.conn(), "35.08.07.2001")
        .unwrap()
        .unwrap();
    assert_eq!(d.nama, "Darungan Lor");
}

#[test]
fn a_save_while_an_import_holds_the_database_says_it_waits_then_saves() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('6'));
    // another writer (an import) holds the write lock
    let penahan = rusqlite::Connection::open(&db).unwrap();
    penahan.execute_batch("BEGIN IMMEDIATE").unwrap();
    tekan(&mut app, KeyCode::Char('t'));
    let s = layar(&mut app);
    assert!(s.contains("Basis data sedang dipakai"), "{s}");
    let k = app
        .ulang
        .take()
        .expect("the key is handled again once the database is free");
    penahan.execute_batch("COMMIT").unwrap();
    app.sabar = true;
    app.tombol(k);
    app.sabar = false;
    let s = layar(&mut app);
    assert!(s.contains("Ditindaklanjuti:"), "{s}");
}

/// Issue 10: a save refused by another operator's change shows who saved what and offers
/// Ctrl-R, which opens the form again with their values.
#[test]
fn a_refused_save_offers_to_reload_the_form_with_the_other_operators_values() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('6'));
    tekan(&mut app, KeyCode::Enter);
    assert!(layar(&mut app).contains("Ubah fasilitasi"));
    // our operator rewrites the description (field 4)
    for _ in 0..3 {
        tekan(&mut app, KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    ketik(&mut app, "versi kami");

    // meanwhile another operator saves a different description for the same entry
    let mut lain = Store::buka(&db).unwrap();
    let pertama = fasilitasi::daftar(
        lain.conn(),
        Lingkup::Semua,
        2026,
        &fasilitasi::Saring::default(),
        0,
        1,
    )
    .unwrap()
    .remove(0);
    let mut x = pertama.clone();
    x.uraian = "versi mereka".into();
    lain.transaksi(|tx| fasilitasi::ubah(tx, &x, hari_ini()))
        .unwrap();
    assert!(app.periksa_perubahan());

    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(s.contains("Tidak disimpan: data ini diubah"), "{s}");
    assert!(s.contains("mengubahnya pada"), "who and when: {s}");
    assert!(s.contains("uraian versi mereka"), "what they saved: {s}");
    assert!(s.contains("Ctrl-R"), "the reload is offered: {s}");

    ctrl(&mut app, 'r');
    let s = layar(&mut app);
    assert!(s.contains("Ubah fasilitasi"), "the form is open again: {s}");
    assert!(s.contains("versi mereka"), "with their value: {s}");
    assert!(!s.contains("versi kami"), "{s}");
    assert!(s.contains("Formulir dimuat ulang"), "{s}");
    // and saving now works on the fresh version
    for _ in 0..3 {
        tekan(&mut app, KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    ketik(&mut app, "versi gabungan");
    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(s.contains("disimpan"), "{s}");
    let sekarang = fasilitasi::daftar(
        lain.conn(),
        Lingkup::Semua,
        2026,
        &fasilitasi::Saring::default(),
        0,
        1,
    )
    .unwrap()
    .remove(0);
    assert_eq!(sekarang.id, pertama.id);
    assert_eq!(sekarang.uraian, "versi gabungan");
}
