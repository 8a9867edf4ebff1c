//! Two operators on one database: a round, an IKM answer or a done mark opened in one
//! interface and changed or deleted by another is never overwritten; the refusal says so.

use std::path::Path;

use chrono::NaiveDate;
use pantau::store::monev;
use pantau::store::wilayah::Lingkup;
use pantau::store::{Store, contoh, ikm, kegiatan};
use pantau::tui::tema::Tema;
use pantau::tui::{App, Konteks};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn hari_ini() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

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

#[test]
fn a_plan_round_changed_by_another_operator_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('7'));
    layar(&mut app);
    tekan(&mut app, KeyCode::Char('i'));
    tekan(&mut app, KeyCode::Enter);
    let s = layar(&mut app);
    assert!(s.contains("Ubah putaran 1"), "{s}");
    // the other operator corrects the same round meanwhile
    let mut lain = Store::buka(&db).unwrap();
    let r = monev::daftar_rencana(lain.conn(), Lingkup::Semua, 2026, 0, 100).unwrap();
    let mut p = r[0].putaran[0].clone();
    p.kendala = "Diubah operator lain".into();
    lain.transaksi(|tx| monev::ubah_putaran(tx, &p)).unwrap();
    for _ in 0..3 {
        tekan(&mut app, KeyCode::Tab);
    }
    ketik(&mut app, " (dari saya)");
    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(
        s.contains("Tidak disimpan: data ini diubah atau dihapus pengguna lain"),
        "{s}"
    );
    let r = monev::daftar_rencana(lain.conn(), Lingkup::Semua, 2026, 0, 100).unwrap();
    assert_eq!(r[0].putaran[0].kendala, "Diubah operator lain");
}

#[test]
fn an_ikm_answer_deleted_after_another_changed_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('5'));
    layar(&mut app);
    tekan(&mut app, KeyCode::Char('i'));
    layar(&mut app);
    tekan(&mut app, KeyCode::Char('d'));
    let s = layar(&mut app);
    assert!(s.contains("Hapus jawaban IKM 2026 no. 1"), "{s}");
    let mut lain = Store::buka(&db).unwrap();
    let x = ikm::daftar_responden(lain.conn(), Lingkup::Semua, 2026, "", 0, 1).unwrap()[0].clone();
    lain.transaksi(|tx| ikm::ubah(tx, x.id, x.versi, [4; 9], hari_ini()))
        .unwrap();
    tekan(&mut app, KeyCode::Char('y'));
    let s = layar(&mut app);
    assert!(s.contains("Tidak disimpan"), "{s}");
    assert_eq!(
        ikm::hitung_responden(lain.conn(), Lingkup::Semua, 2026, "").unwrap(),
        120
    );
}

#[test]
fn a_done_mark_deleted_by_another_is_not_brought_back_by_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut app) = siapkan(dir.path());
    tekan(&mut app, KeyCode::Char('3'));
    layar(&mut app);
    // first row, February is marked done in the sample
    for _ in 0..9 {
        tekan(&mut app, KeyCode::Left);
    }
    tekan(&mut app, KeyCode::Char('e'));
    let s = layar(&mut app);
    assert!(s.contains("Ubah tanda selesai"), "{s}");
    let mut lain = Store::buka(&db).unwrap();
    let b = kegiatan::jadwal(lain.conn(), Lingkup::Semua, 2026, "", 0, 1).unwrap()[0].clone();
    let k = b.selesai.iter().find(|k| k.bulan == 2).unwrap().clone();
    lain.transaksi(|tx| kegiatan::batal_selesai_jika(tx, b.tahapan_id, 2, k.versi))
        .unwrap();
    ctrl(&mut app, 's');
    let s = layar(&mut app);
    assert!(s.contains("Tidak disimpan"), "{s}");
    assert!(s.contains("menghapusnya pada"), "{s}");
    let b = kegiatan::jadwal(lain.conn(), Lingkup::Semua, 2026, "", 0, 1).unwrap()[0].clone();
    assert!(b.selesai.iter().all(|k| k.bulan != 2));
}
