//! Undoing mistakes in the terminal interface: removing the sample from Beranda, deleting,
//! recoding and merging a desa in the Desa tab, the Desa tab's opening year, its detail with
//! the missing documents, and `/` with a status word. The real binary in tmux (a tmux server
//! of its own per session, tests/common/tmux.rs), at 80×24, with NO_COLOR and --ascii; and
//! key events on the rendered buffer.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::tmux::Sesi;
use pantau::store::Store;
use pantau::store::contoh;
use pantau::store::wilayah::Lingkup;
use pantau::tui::tema::Tema;
use pantau::tui::{App, Konteks};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const HARI_INI: &str = "2026-12-02";

fn pantau(db: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(db)
        .args(["--today", HARI_INI])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn beranda_removes_the_sample_after_a_question_with_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let sesi = Sesi::mulai(&format!(
        "TERM=xterm-256color NO_COLOR=1 {} --db {} --today {HARI_INI}",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ));
    // the key is in the footer while the sample is there
    let s = sesi.tunggu("C hapus contoh");
    assert!(s.contains("Kec. Yosowilangun (35.08.07)"), "{s}");
    sesi.kirim(&["C"]);
    let s = sesi.tunggu("y ya");
    assert!(
        s.contains("Hapus kecamatan contoh Yosowilangun (35.08.07)?"),
        "{s}"
    );
    assert!(s.contains("12 desa/kelurahan"), "{s}");
    assert!(s.contains("220 responden IKM"), "{s}");
    // any other key: nothing happens
    sesi.kirim(&["n"]);
    sesi.tunggu("Dibatalkan.");
    assert!(pantau(&db, &["cek", "--hari", "0"]).contains("lewat tenggat"));
    sesi.kirim(&["C"]);
    sesi.tunggu("y ya");
    sesi.kirim(&["y"]);
    let s = sesi.tunggu("Kecamatan contoh Yosowilangun (35.08.07) dihapus.");
    // back to the welcome screen, which offers the sample again
    assert!(s.contains("Selamat datang di pantau."), "{s}");
    assert!(s.contains("belum ada kecamatan"), "{s}");
    assert!(!s.contains("C hapus contoh"), "{s}");
    assert_eq!(
        pantau(&db, &["hapus", "contoh"]),
        "Tidak ada kecamatan contoh di basis data; tidak ada yang dihapus.\n"
    );
    sesi.kirim(&["q"]);
}

#[test]
fn the_desa_tab_recodes_a_desa_in_its_form_and_deletes_one_after_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let sesi = Sesi::mulai(&format!(
        "TERM=xterm-256color {} --db {} --today {HARI_INI} --ascii",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ));
    sesi.tunggu("lewat tenggat");
    sesi.kirim(&["4"]);
    // December: the urgent work is APBDes of next year
    let s = sesi.tunggu("TA 2027 . tenggat");
    assert!(s.contains(">35.08.07.2001 Darungan"), "{s}");
    // the detail, then its form: the code field recodes
    sesi.kirim(&["i"]);
    let s = sesi.tunggu("TA 2027 APBDes      ! mendekati tenggat -  tenggat 31/12/2026");
    assert!(s.contains("Rincian desa"), "{s}");
    sesi.kirim(&["e"]);
    sesi.tunggu("Ubah desa Darungan (35.08.07.2001)");
    // the form opens in its first field, Kode
    sesi.kirim(&["BSpace", "BSpace", "BSpace", "BSpace"]);
    sesi.kirim(&["2099", "C-s"]);
    let s = sesi.tunggu("Kode diganti dari 35.08.07.2001 menjadi 35.08.07.2099.");
    assert!(s.contains("Darungan (35.08.07.2099, desa)"), "{s}");
    sesi.kirim(&["Escape"]);
    // the list starts with Kraton now; D asks with the counts
    sesi.tunggu(">35.08.07.2002 Kraton");
    sesi.tunggu("35.08.07.2099 Darungan");
    let dokumen_kraton: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM dokumen x JOIN desa d ON d.id = x.desa_id
             WHERE d.kode = '35.08.07.2002'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(dokumen_kraton > 6, "the sample has entries of every kind");
    sesi.kirim(&["D"]);
    let s = sesi.tunggu("y ya");
    assert!(s.contains("Hapus desa Kraton (35.08.07.2002)?"), "{s}");
    assert!(
        s.contains(&format!("{dokumen_kraton} catatan dokumen")),
        "{s}"
    );
    sesi.kirim(&["y"]);
    let s = sesi.tunggu("Desa Kraton (35.08.07.2002) dihapus");
    assert!(!s.contains("35.08.07.2002 Kraton"), "{s}");
    assert!(s.is_ascii(), "{s}");
    sesi.kirim(&["q"]);
    // what the command line sees: the documents under the new code, the removal in the log
    let cek = pantau(&db, &["cek", "--json", "--hari", "3660"]);
    assert!(
        cek.contains("35.08.07.2099") && !cek.contains("35.08.07.2001\""),
        "{cek}"
    );
    assert!(!cek.contains("35.08.07.2002"), "{cek}");
    let log = pantau(
        &db,
        &["riwayat", "--desa", "35.08.07.2002", "--tabel", "desa"],
    );
    assert!(log.contains("hapus   desa"), "{log}");
    assert!(log.contains("nama: Kraton"), "{log}");
}

fn layar(app: &mut App) -> String {
    layar_ukuran(app, 80, 24)
}

fn layar_ukuran(app: &mut App, lebar: u16, tinggi: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(lebar, tinggi)).unwrap();
    app.atur_ukuran(ratatui::layout::Rect::new(0, 0, lebar, tinggi));
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

fn app(hari_ini: NaiveDate, baca_saja: bool) -> App {
    let mut store = Store::memori().unwrap();
    contoh::muat(&mut store, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
    if baca_saja {
        store
            .conn()
            .pragma_update(None, "query_only", true)
            .unwrap();
    }
    App::new(Konteks::new(store, hari_ini, Lingkup::Semua, Tema::baru(false, false)).unwrap())
        .unwrap()
}

fn hari(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_desa_tab_opens_on_the_nearest_deadline_with_its_column_selected() {
    for (h, ta, jenis) in [
        (hari(2026, 12, 2), "TA 2027", "APBDes TA 2027"),
        (hari(2027, 1, 1), "TA 2026", "LPPDes TA 2026"),
        // in October the BPD's agreement on next year's draft is due first (31/10)
        (hari(2026, 10, 1), "TA 2027", "SepakatBPD TA 2027"),
    ] {
        let mut a = app(h, false);
        tekan(&mut a, KeyCode::Char('4'));
        let s = layar(&mut a);
        assert!(s.contains(&format!("┌ {ta} · tenggat")), "{h}: {s}");
        // Enter opens the form of the selected column's document, first desa
        tekan(&mut a, KeyCode::Enter);
        let s = layar(&mut a);
        assert!(
            s.contains(&format!("{jenis} · Darungan (35.08.07.2001)")),
            "{h}: {s}"
        );
    }
}

#[test]
fn the_desa_detail_lists_every_tracked_document_missing_ones_too() {
    let mut a = app(hari(2026, 12, 2), false);
    tekan(&mut a, KeyCode::Char('4'));
    tekan(&mut a, KeyCode::Char('i'));
    let s = layar(&mut a);
    assert!(
        s.contains("Dokumen TA 2025–2027, juga yang belum ada"),
        "{s}"
    );
    let dok: Vec<&str> = s.lines().filter(|l| l.contains("│TA 20")).collect();
    // every tracked kind of the newest year first, in kind order
    assert!(dok[0].contains("TA 2027 RKPDes"), "{s}");
    assert!(
        dok[1].contains("TA 2027 APBDes      ! mendekati tenggat –  tenggat 31/12/2026"),
        "{s}"
    );
    assert!(
        dok[2].contains("TA 2027 LPPDes      · belum jatuh tempo –  tenggat 31/03/2028"),
        "{s}"
    );
    // at 80×24 the detail is longer than the screen: the frame says so and it scrolls
    assert!(s.contains("┌ Rincian desa · baris 1–"), "{s}");
    assert!(!s.contains("TA 2025 LPJAPBDes"), "{s}");
    for _ in 0..5 {
        tekan(&mut a, KeyCode::PageDown);
    }
    let bawah = layar(&mut a);
    assert!(bawah.contains("TA 2025 LPJAPBDes"), "{bawah}");
    assert!(!bawah.contains("Luas:"), "{bawah}");
    tekan(&mut a, KeyCode::Home);
    assert!(layar(&mut a).contains("Luas:"));
    // on a tall screen: nine kinds × three tracked years (no inauguration in those years, so
    // no RPJMDes), the evaluation marked as the office's task
    let s = layar_ukuran(&mut a, 80, 70);
    let dok: Vec<&str> = s.lines().filter(|l| l.contains("│TA 20")).collect();
    assert_eq!(dok.len(), 27, "{s}");
    let kinds: Vec<&str> = ["RKPDes", "APBDes", "LPPDes"]
        .into_iter()
        .chain(common::JENIS_BARU)
        .filter(|k| *k != "RPJMDes")
        .collect();
    for (i, k) in kinds.iter().enumerate() {
        assert!(dok[i].contains(&format!("TA 2027 {k} ")), "{i} {k}: {s}");
        assert!(
            dok[18 + i].contains(&format!("TA 2025 {k} ")),
            "{i} {k}: {s}"
        );
    }
    assert!(s.contains("tugas kantor"), "{s}");
    assert!(!s.contains("RPJMDes"), "{s}");
}

/// The desa whose documents of fiscal year `ta` include one with status `st`, by the store's
/// own rows and deadlines (every kind, also those scrolled out of the 80 columns).
fn desa_dengan_status(ta: i32, st: pantau::domain::tenggat::Status) -> Vec<String> {
    let mut store = Store::memori().unwrap();
    let h = hari(2026, 12, 2);
    contoh::muat(&mut store, h).unwrap();
    pantau::store::dokumen::halaman_dokumen(store.conn(), Lingkup::Semua, ta, "", 0, 100)
        .unwrap()
        .into_iter()
        .filter(|b| {
            b.dokumen.iter().zip(&b.tenggat).any(|(d, t)| {
                pantau::domain::tenggat::status_jika(
                    d.as_ref().and_then(|d| d.tanggal),
                    t.map(|(t, _)| t),
                    h,
                    30,
                ) == Some(st)
            })
        })
        .map(|b| b.nama)
        .collect()
}

fn nama_baris(s: &str) -> Vec<String> {
    s.lines()
        .filter(|l| l.contains("│ 35.08") || l.contains("│▶35.08"))
        .map(|l| {
            l.chars()
                .skip(16)
                .take(22)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn a_status_word_filters_the_desa_list_and_the_beranda_list() {
    let mut a = app(hari(2026, 12, 2), false);
    tekan(&mut a, KeyCode::Char('4'));
    tekan(&mut a, KeyCode::Char('/'));
    ketik(&mut a, "lewat");
    tekan(&mut a, KeyCode::Enter);
    let s = layar(&mut a);
    let baris: Vec<&str> = s.lines().filter(|l| l.contains("35.08.07.20")).collect();
    // TA 2027: Karangrejo's RKPDes, and the drafts and evaluations overdue (columns to the
    // right)
    use pantau::domain::tenggat::Status;
    let lewat = desa_dengan_status(2027, Status::LewatTenggat);
    assert_eq!(lewat, ["Yosowilangun Kidul", "Karangrejo", "Kebonsari"]);
    assert_eq!(nama_baris(&s), lewat, "{s}");
    assert!(
        baris
            .iter()
            .any(|b| b.contains("Karangrejo") && b.contains("✗ LEWAT")),
        "{s}"
    );
    // the same word a year earlier, and `telat`: exactly the desa with such a document of
    // any tracked kind (some lie in columns scrolled out of the 80 columns)
    tekan(&mut a, KeyCode::Char('['));
    let s = layar(&mut a);
    let lewat = desa_dengan_status(2026, Status::LewatTenggat);
    assert!(!lewat.is_empty());
    assert_eq!(nama_baris(&s), lewat, "{s}");
    tekan(&mut a, KeyCode::Esc);
    tekan(&mut a, KeyCode::Char('/'));
    ketik(&mut a, "telat");
    tekan(&mut a, KeyCode::Enter);
    let s = layar(&mut a);
    let telat = desa_dengan_status(2026, Status::Terlambat);
    assert!(!telat.is_empty());
    assert_eq!(nama_baris(&s), telat, "{s}");
    // Beranda: `segera` keeps only the due-soon rows
    tekan(&mut a, KeyCode::Char('1'));
    tekan(&mut a, KeyCode::Char('/'));
    ketik(&mut a, "segera");
    tekan(&mut a, KeyCode::Enter);
    let s = layar(&mut a);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("2027     │")).collect();
    assert!(!rows.is_empty(), "{s}");
    assert!(!s.contains("lewat tenggat      -"), "{s}");
    for l in s
        .lines()
        .filter(|l| l.contains(" 20") && l.contains("tenggat  "))
    {
        assert!(l.contains("mendekati tenggat"), "{l}\n{s}");
    }
}

#[test]
fn removal_and_merge_keys_are_listed_and_refused_when_read_only() {
    let mut a = app(hari(2026, 12, 2), true);
    tekan(&mut a, KeyCode::Char('4'));
    for kunci in ['D', 'M'] {
        tekan(&mut a, KeyCode::Char(kunci));
        let s = layar(&mut a);
        assert!(s.contains("Basis data dibuka baca-saja"), "{kunci}: {s}");
        assert!(
            !s.contains("y ya") && !s.contains("Kode desa tujuan"),
            "{s}"
        );
    }
    tekan(&mut a, KeyCode::Char('?'));
    let s = layar(&mut a);
    assert!(s.contains("hapus desa ini (tidak berlaku)"), "{s}");
    assert!(
        s.contains("gabungkan desa ini ke desa lain (tidak berlaku)"),
        "{s}"
    );
    tekan(&mut a, KeyCode::Esc);
    tekan(&mut a, KeyCode::Char('1'));
    tekan(&mut a, KeyCode::Char('C'));
    let s = layar(&mut a);
    assert!(s.contains("Basis data dibuka baca-saja"), "{s}");
}

#[test]
fn merging_in_the_desa_tab_moves_the_documents_or_lists_the_conflicts() {
    let mut a = app(hari(2026, 12, 2), false);
    tekan(&mut a, KeyCode::Char('4'));
    // Darungan into Kraton: both have RKPDes 2027 with other dates
    tekan(&mut a, KeyCode::Char('M'));
    ketik(&mut a, "35.08.07.2002");
    a.tombol(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let s = layar(&mut a);
    assert!(s.contains("tidak digabung:"), "{s}");
    assert!(
        s.contains("Gabungkan Darungan (35.08.07.2001)"),
        "the form stays open: {s}"
    );
    tekan(&mut a, KeyCode::Esc);
    tekan(&mut a, KeyCode::Char('y'));
    // a code that does not exist
    tekan(&mut a, KeyCode::Char('M'));
    ketik(&mut a, "35.08.07.2999");
    a.tombol(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let s = layar(&mut a);
    assert!(
        s.contains("desa 35.08.07.2999 tidak ada di basis data"),
        "{s}"
    );
}

#[test]
fn on_a_terminal_hapus_asks_and_only_y_removes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db, &["init", "--contoh"]);
    let perintah = |kode: &str| {
        format!(
            "{} --db {} --today {HARI_INI} hapus desa {kode}; echo \"KELUAR $?\"; sleep 30",
            env!("CARGO_BIN_EXE_pantau"),
            db.display()
        )
    };
    // anything but y: nothing goes
    let sesi = Sesi::mulai(&perintah("35.08.07.2003"));
    let s = sesi.tunggu("Hapus? Ketik y lalu Enter (lainnya batal):");
    assert!(
        s.contains("Akan dihapus: desa Wotgalih (35.08.07.2003)"),
        "{s}"
    );
    sesi.kirim(&["t", "Enter"]);
    let s = sesi.tunggu("KELUAR 0");
    assert!(s.contains("Dibatalkan; tidak ada yang dihapus."), "{s}");
    assert!(pantau(&db, &["cek", "--json", "--hari", "3660"]).contains("35.08.07.2003"));
    drop(sesi);
    let sesi = Sesi::mulai(&perintah("35.08.07.2003"));
    sesi.tunggu("Hapus? Ketik y lalu Enter");
    sesi.kirim(&["y", "Enter"]);
    let s = sesi.tunggu("KELUAR 0");
    assert!(s.contains("Dihapus: 1 desa/kelurahan"), "{s}");
    assert!(!pantau(&db, &["cek", "--json", "--hari", "3660"]).contains("35.08.07.2003"));
}
