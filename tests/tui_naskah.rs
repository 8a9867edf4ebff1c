//! Documents from the interface, in the real binary under tmux (80×24, NO_COLOR, --ascii):
//! `x` on the Kegiatan tab writes the KAK as a Word document and says where it went; `P` on
//! the Beranda edits the kecamatan profile that letters and the letterhead use. Waits by
//! polling the screen.

mod baca_docx;
mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::Sesi;

fn pantau(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = pantau(db, args);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn buka(di: &Path, db: &Path, tambahan: &str) -> Sesi {
    Sesi::awal(&format!(
        "TERM=xterm-256color NO_COLOR=1 {} --db {} --today 2026-11-23{tambahan}",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ))
    .di(di)
    .mulai()
}

fn docx_di(di: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(di)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    v.sort();
    v
}

#[test]
fn x_writes_the_kak_as_a_word_document_in_the_working_folder_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let kerja = dir.path().join("kerja");
    std::fs::create_dir(&kerja).unwrap();
    ok(&db, &["init", "--contoh"]);
    // also read-only and on an ASCII console: writing a file is not writing the database
    for (tambahan, nama) in [
        ("", "KAK-3.05.25.39.004-2026-20261123.docx"),
        (
            " --baca-saja --ascii",
            "KAK-3.05.25.39.004-2026-20261123-2.docx",
        ),
    ] {
        let sesi = buka(&kerja, &db, tambahan);
        sesi.tunggu("Beranda");
        sesi.kirim(&["2"]);
        sesi.tunggu_semua(&["3.05.25.39.004", "Enter buka KAK"]);
        sesi.kirim(&["?"]);
        let s = sesi.tunggu("ekspor KAK ke dokumen Word (.docx)");
        assert!(s.contains("x"), "{s}");
        sesi.kirim(&["Escape"]);
        sesi.tunggu("Enter buka KAK");
        sesi.kirim(&["x"]);
        // the path may wrap over the footer: wait for the start, then read it as words
        sesi.tunggu("Diekspor:");
        let p = kerja.join(nama);
        let s = sesi.layar().split_whitespace().collect::<String>();
        assert!(
            s.contains(&format!(
                "Diekspor:{}(KAK3.05.25.39.004tahun2026).",
                p.display()
            )),
            "{s}"
        );
        if !tambahan.is_empty() {
            assert!(sesi.layar().is_ascii(), "{}", sesi.layar());
        }
        let doc = baca_docx::baca(&p);
        let par = doc.paragraf();
        assert_eq!(par[1], "KECAMATAN YOSOWILANGUN");
        assert!(
            doc.tabel()[0][2][2]
                .contains("3.05.25.39.004 Kegiatan Fasilitasi dan Koordinasi Ketentraman"),
            "{:?}",
            doc.tabel()[0]
        );
        sesi.kirim(&["q"]);
    }
    // from inside the KAK too; an existing file is never replaced
    let sesi = buka(&kerja, &db, "");
    sesi.tunggu("Beranda");
    sesi.kirim(&["2"]);
    sesi.tunggu_semua(&["3.05.25.39.006", "Enter buka KAK"]);
    sesi.kirim(&["j"]);
    sesi.kirim(&["Enter"]);
    let s = sesi.tunggu_semua(&["KAK 3.05.25.39.006", "x ekspor .docx"]);
    assert!(s.contains("Esc kembali"), "{s}");
    sesi.kirim(&["x"]);
    sesi.tunggu("Diekspor:");
    sesi.kirim(&["q"]);
    assert_eq!(
        docx_di(&kerja),
        [
            "KAK-3.05.25.39.004-2026-20261123-2.docx",
            "KAK-3.05.25.39.004-2026-20261123.docx",
            "KAK-3.05.25.39.006-2026-20261123.docx"
        ]
    );
    let doc = baca_docx::baca(&kerja.join("KAK-3.05.25.39.006-2026-20261123.docx"));
    let biaya = doc.tabel_berkepala(&["No", "Uraian", "Jumlah"]);
    assert_eq!(biaya[0].last().unwrap(), &["", "Total", "Rp 5.800.000"]);
}

#[test]
fn p_on_the_beranda_edits_the_profile_refusing_a_bad_nip_and_a_stale_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ok(&db, &["init", "--contoh"]);
    let sesi = buka(dir.path(), &db, "");
    sesi.tunggu("Beranda");
    sesi.kirim(&["P"]);
    let s = sesi.tunggu("Profil kecamatan Yosowilangun (35.08.07)");
    assert!(
        s.contains("Alamat       Jl. Mayjen Soekartijo No. 56, Yosowilangun"),
        "{s}"
    );
    assert!(s.contains("Kode pos     67382"), "{s}");
    // to Camat, then NIP
    for _ in 0..3 {
        sesi.kirim(&["Tab"]);
    }
    sesi.ketik("Drs. Budi Santoso, M.Si");
    sesi.kirim(&["Tab"]);
    sesi.ketik("123");
    sesi.kirim(&["C-s"]);
    let s = sesi.tunggu("Periksa bidang yang bertanda !");
    assert!(s.contains("NIP!"), "{s}");
    assert!(s.contains("NIP: '123' berisi 3 angka"), "{s}");
    assert!(
        ok(&db, &["atur", "profil"]).contains("Camat      : (belum diisi)"),
        "nothing written"
    );
    sesi.kirim(&["C-u"]);
    sesi.ketik("19700101 199003 1 001");
    sesi.kirim(&["C-s"]);
    sesi.tunggu("Profil kecamatan disimpan.");
    let p = ok(&db, &["atur", "profil"]);
    assert!(p.contains("Camat      : Drs. Budi Santoso, M.Si"), "{p}");
    assert!(p.contains("NIP        : 19700101 199003 1 001"), "{p}");
    let r = ok(&db, &["riwayat", "--tabel", "kecamatan", "--batas", "1"]);
    assert!(r.contains("camat: \"\" -> Drs. Budi Santoso, M.Si"), "{r}");
    // the letters can now be signed
    ok(
        &db,
        &[
            "ekspor",
            "surat",
            dir.path().join("s.docx").to_str().unwrap(),
        ],
    );
    // a form opened before another operator's change is refused, saying what changed
    sesi.kirim(&["P"]);
    sesi.tunggu("Profil kecamatan Yosowilangun");
    ok(&db, &["atur", "profil", "--tempat", "Lumajang"]);
    sesi.kirim(&["Tab"]);
    sesi.ketik("1");
    sesi.kirim(&["C-s"]);
    let s = sesi.tunggu("diubah atau dihapus pengguna lain");
    assert!(s.contains("mengubahnya pada"), "{s}");
    assert!(
        s.contains("Ctrl-R muat nilai yang tersimpan sekarang"),
        "{s}"
    );
    sesi.kirim(&["q"]);
}

/// In-process, on a test terminal: an export that cannot be written says why and leaves
/// nothing behind.
#[test]
fn an_export_into_a_missing_folder_says_why_and_writes_nothing() {
    use pantau::store::wilayah::Lingkup;
    use pantau::store::{Store, contoh};
    use pantau::tui::tema::Tema;
    use pantau::tui::{App, Konteks};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let dir = tempfile::tempdir().unwrap();
    let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut store = Store::memori().unwrap();
    contoh::muat(&mut store, hari_ini).unwrap();
    let mut k = Konteks::new(store, hari_ini, Lingkup::Semua, Tema::baru(false, false)).unwrap();
    k.folder_ekspor = Some(dir.path().join("tidak-ada"));
    let mut app = App::new(k).unwrap();
    let layar = |app: &mut App| {
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
    };
    for c in ['2', 'x'] {
        app.tombol(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        layar(&mut app);
    }
    // the message wraps over the footer: read it as words
    let s = layar(&mut app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        s.contains("KAK-3.05.25.39.004-2026-20261123.docx: tidak dapat ditulis: berkas atau foldernya tidak ditemukan"),
        "{s}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
