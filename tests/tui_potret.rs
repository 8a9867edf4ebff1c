//! Snapshots of every tab at 80×24 on the sample kecamatan, today fixed at 23/11/2026.
//! A change to a screen shows up here as a diff to review (`cargo insta review`, or
//! INSTA_UPDATE=always cargo test to accept).

use chrono::NaiveDate;
use pantau::store::Store;
use pantau::store::contoh;
use pantau::store::wilayah::Lingkup;
use pantau::tui::tema::Tema;
use pantau::tui::{App, Konteks};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn layar(app: &mut App, lebar: u16, tinggi: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(lebar, tinggi)).unwrap();
    app.atur_ukuran(ratatui::layout::Rect::new(0, 0, lebar, tinggi));
    t.draw(|f| app.gambar(f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut baris = String::new();
        for x in 0..buf.area.width {
            baris.push_str(buf[(x, y)].symbol());
        }
        s.push_str(baris.trim_end());
        s.push('\n');
    }
    s
}

fn app(ascii: bool) -> App {
    let hari_ini = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut store = Store::memori().unwrap();
    contoh::muat(&mut store, hari_ini).unwrap();
    App::new(Konteks::new(store, hari_ini, Lingkup::Semua, Tema::baru(false, ascii)).unwrap())
        .unwrap()
}

#[test]
fn every_tab_at_80x24() {
    let mut a = app(false);
    for (tab, nama) in [
        ('1', "beranda"),
        ('2', "kegiatan"),
        ('3', "jadwal"),
        ('4', "desa"),
        ('5', "indikator"),
        ('6', "fasilitasi"),
        ('7', "monev"),
    ] {
        a.tombol(KeyEvent::new(KeyCode::Char(tab), KeyModifiers::NONE));
        insta::assert_snapshot!(nama, layar(&mut a, 80, 24));
    }
}

#[test]
fn desa_tab_in_ascii_and_a_short_terminal() {
    let mut a = app(true);
    a.tombol(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE));
    insta::assert_snapshot!("desa_ascii_80x16", layar(&mut a, 80, 16));
}

#[test]
fn kak_detail_and_document_form() {
    let mut a = app(false);
    for k in [KeyCode::Char('2'), KeyCode::Enter] {
        a.tombol(KeyEvent::new(k, KeyModifiers::NONE));
    }
    insta::assert_snapshot!("kak_004", layar(&mut a, 80, 24));
    // the Desa tab opens on APBDes TA 2027 (the nearest deadline); RKPDes has a date
    for k in [KeyCode::Char('4'), KeyCode::Left, KeyCode::Enter] {
        a.tombol(KeyEvent::new(k, KeyModifiers::NONE));
    }
    insta::assert_snapshot!("form_dokumen", layar(&mut a, 80, 24));
}
