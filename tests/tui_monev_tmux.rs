//! The real binary in tmux: the Jadwal grid's marks sit under their month labels at every
//! size (also scrolled, NO_COLOR and --ascii); Monev rounds and IKM answers are listed,
//! corrected and deleted as a person would do it. Waits by polling the screen.

mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::Sesi;

/// pantau on the database `db` in a `lebar`×`tinggi` terminal, with `NO_COLOR=1` if
/// `tanpa_warna` and the extra `flag`.
fn buka(db: &Path, lebar: u16, tinggi: u16, tanpa_warna: bool, flag: &str) -> Sesi {
    let mut awal = Sesi::awal(&format!(
        "{} --db {} --today 2026-11-23 {flag}",
        env!("CARGO_BIN_EXE_pantau"),
        db.display()
    ))
    .ukuran(lebar, tinggi);
    if tanpa_warna {
        awal = awal.env("NO_COLOR", "1");
    }
    awal.mulai()
}

fn db_contoh(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("p.db");
    let o = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("--db")
        .arg(&db)
        .args(["--today", "2026-11-23", "init", "--contoh"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    db
}

const BULAN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// The month labels of the grid's header: (month 1–12, column in characters).
fn kolom_bulan(kepala: &str) -> Vec<(usize, usize)> {
    let c: Vec<char> = kepala.chars().collect();
    let mut v = Vec::new();
    for (m, nama) in BULAN.iter().enumerate() {
        let n: Vec<char> = nama.chars().collect();
        for i in 1..c.len().saturating_sub(3) {
            if c[i..i + 3] == n[..] && c[i - 1] == ' ' && c.get(i + 3).is_none_or(|x| *x == ' ') {
                v.push((m + 1, i));
            }
        }
    }
    v.sort_by_key(|x| x.1);
    v
}

/// Asserts that every stage row has its marks exactly at the month label columns (and
/// nothing else in the month area); returns the months shown.
fn periksa_sejajar(s: &str, tanda: &[char]) -> Vec<usize> {
    let kepala = s
        .lines()
        .find(|l| l.contains("Kegiatan") && kolom_bulan(l).len() >= 2)
        .unwrap_or_else(|| panic!("no grid header in\n{s}"));
    let kolom = kolom_bulan(kepala);
    // the months shown are consecutive
    for w in kolom.windows(2) {
        assert_eq!(w[1].0, w[0].0 + 1, "{kepala}");
    }
    let awal = kolom[0].1;
    let akhir = kolom.last().unwrap().1;
    let baris: Vec<&str> = s
        .lines()
        .filter(|l| l.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) && l.contains(" 00"))
        .chain(
            s.lines()
                .filter(|l| l.starts_with("│00") || l.starts_with("|00")),
        )
        .collect();
    assert!(baris.len() >= 3, "stage rows expected in\n{s}");
    for l in baris {
        let c: Vec<char> = l.chars().collect();
        for &(m, k) in &kolom {
            assert!(
                tanda.contains(&c[k]),
                "month {m} at column {k}: {:?} is not a mark in\n{kepala}\n{l}",
                c[k]
            );
            for x in k + 1..(k + 4).min(c.len()) {
                assert!(
                    c[x] == ' ' || (x == c.len() - 1 && "│|".contains(c[x])),
                    "column {x} beside month {m} holds {:?}:\n{kepala}\n{l}",
                    c[x]
                );
            }
        }
        // the name column ends with a space before the first month
        assert_eq!(c[awal - 1], ' ', "{kepala}\n{l}");
        assert!(akhir + 4 <= c.len(), "{l}");
    }
    kolom.iter().map(|x| x.0).collect()
}

const TANDA: [char; 4] = ['✓', '✗', 'o', '·'];
const TANDA_ASCII: [char; 4] = ['v', 'X', 'o', '.'];

#[test]
fn jadwal_marks_sit_under_their_month_labels_at_80x24_60x15_and_120x40() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_contoh(dir.path());
    for (lebar, tinggi, semua) in [(80, 24, true), (120, 40, true), (60, 15, false)] {
        let s = buka(&db, lebar, tinggi, false, "");
        s.tunggu("1 Bera");
        s.kirim(&["3"]);
        let layar = s.tunggu("Jadwal 2026");
        let bulan = periksa_sejajar(&layar, &TANDA);
        if semua {
            assert_eq!(bulan, (1..=12).collect::<Vec<_>>(), "{layar}");
        } else {
            // November is selected: the window holds it, up to December
            assert!(bulan.len() >= 6 && bulan.len() < 12, "{layar}");
            assert!(bulan.contains(&11) && bulan.contains(&12), "{layar}");
            assert!(!bulan.contains(&1), "{layar}");
            // ← scrolls the months, header and rows together
            for _ in 0..10 {
                s.kirim(&["Left"]);
            }
            let layar = s.tunggu_jika(
                |x| {
                    x.lines()
                        .any(|l| l.contains("Kegiatan") && l.contains(" Jan "))
                },
                "January in the header",
            );
            let bulan = periksa_sejajar(&layar, &TANDA);
            assert_eq!(bulan[0], 1, "{layar}");
            assert!(!bulan.contains(&12), "{layar}");
        }
    }
}

#[test]
fn jadwal_stays_aligned_without_colour_and_in_ascii_at_60x15() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_contoh(dir.path());
    let s = buka(&db, 60, 15, true, "--ascii");
    s.tunggu("1 Bera");
    s.kirim(&["3"]);
    let layar = s.tunggu("Jadwal 2026");
    let bulan = periksa_sejajar(&layar, &TANDA_ASCII);
    assert!(bulan.contains(&11), "{layar}");
}

#[test]
fn a_monev_round_is_listed_corrected_and_deleted_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_contoh(dir.path());
    let s = buka(&db, 80, 24, false, "");
    s.tunggu("1 Beranda");
    s.kirim(&["7"]);
    s.tunggu("i: semua putaran");
    s.kirim(&["i"]);
    let layar = s.tunggu("Putaran pemantauan SD Negeri");
    // every round is listed, the selected one in full
    for ke in ["Putaran 1 ", "Putaran 2 ", "Putaran 3 "] {
        assert!(layar.contains(ke), "{layar}");
    }
    assert!(layar.contains("Kendala:"), "{layar}");
    assert!(layar.contains("Data usulan dusun belum lengkap"), "{layar}");
    s.kirim(&["j", "Enter"]);
    s.tunggu("Ubah putaran 2");
    // Kemajuan (%): from 75 to 80
    s.kirim(&["Tab", "BSpace", "BSpace", "80", "C-s"]);
    let layar = s.tunggu("Putaran 2 disimpan.");
    assert!(
        layar
            .lines()
            .any(|l| l.contains("Putaran 2 ") && l.contains("21/06/2026") && l.contains("80%")),
        "{layar}"
    );
    s.kirim(&["d"]);
    s.tunggu("Hapus putaran 2 (21/06/2026)");
    s.kirim(&["y"]);
    let layar = s.tunggu("Putaran 2 dihapus.");
    let daftar: Vec<&str> = layar
        .lines()
        .filter(|l| l.contains("Putaran ") && l.contains("%  Tahap"))
        .collect();
    assert_eq!(daftar.len(), 2, "{layar}");
    assert!(daftar.iter().all(|l| !l.contains("Putaran 2 ")), "{layar}");
    // back to the panels; in the matrix panel p on a problem row says why not
    s.kirim(&["Escape"]);
    s.tunggu("i: semua putaran");
    s.kirim(&["l"]);
    s.tunggu("▶ Matriks monev");
    s.kirim(&["p"]);
    s.tunggu("Putaran dicatat per kegiatan: pilih baris kegiatan");
    s.kirim(&["j", "i"]);
    let layar = s.tunggu("Putaran kegiatan matriks");
    assert!(layar.contains("Putaran III  15/11/2026"), "{layar}");
    s.kirim(&["G", "d"]);
    s.tunggu("Hapus putaran iii");
    s.kirim(&["y"]);
    let layar = s.tunggu("Putaran III dihapus.");
    assert!(layar.contains("Putaran III  (kosong"), "{layar}");
    // p now fills the emptied round
    s.kirim(&["p"]);
    s.tunggu("Putaran III kegiatan matriks");
    s.kirim(&["Tab", "Rapat evaluasi akhir", "C-s"]);
    let layar = s.tunggu("Putaran III disimpan.");
    assert!(
        layar.contains("23/11/2026       Rapat evaluasi akhir"),
        "{layar}"
    );
}

#[test]
fn ikm_answers_are_listed_corrected_and_deleted_and_the_value_follows() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_contoh(dir.path());
    let s = buka(&db, 80, 24, false, "");
    s.tunggu("1 Beranda");
    s.kirim(&["5"]);
    s.tunggu("IKM   77,43");
    s.kirim(&["i"]);
    let layar = s.tunggu("Jawaban survei IKM 2026 · 120 responden");
    assert!(
        layar.contains("No  U1 U2 U3 U4 U5 U6 U7 U8 U9  Rata-rata"),
        "{layar}"
    );
    assert!(
        layar.contains("1   1  3  4  2  2  3  3  2  2       2,44"),
        "{layar}"
    );
    s.kirim(&["Enter"]);
    s.tunggu("Ubah jawaban IKM 2026 no. 1");
    s.kirim(&["BSpace", "4", "C-s"]);
    let layar = s.tunggu("Jawaban survei IKM 2026 diperbaiki.");
    assert!(layar.contains("IKM   77,50"), "{layar}");
    assert!(
        layar.contains("1   4  3  4  2  2  3  3  2  2       2,78"),
        "{layar}"
    );
    s.kirim(&["d"]);
    s.tunggu("Hapus jawaban IKM 2026 no. 1 (skor 4 3 4 2 2 3 3 2 2)?");
    s.kirim(&["y"]);
    let layar = s.tunggu("Jawaban IKM dihapus.");
    assert!(layar.contains("119 responden"), "{layar}");
    assert!(layar.contains("IKM   77,57"), "{layar}");
    // a score outside 1–4 cannot be saved
    s.kirim(&["Enter", "BSpace", "7", "C-s"]);
    let layar = s.tunggu("U1 Persyaratan: pilih salah satu: 1, 2, 3, 4");
    assert!(layar.contains("Ubah jawaban IKM"), "{layar}");
    assert!(!layar.contains("diperbaiki"), "{layar}");
}

#[test]
fn a_long_round_text_is_read_in_full_with_v() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_contoh(dir.path());
    let panjang: Vec<String> = (1..=39)
        .map(|i| format!("Kalimat {i} tentang kendala di lapangan yang harus dibaca utuh."))
        .collect();
    {
        use pantau::store::monev;
        use pantau::store::wilayah::Lingkup;
        let mut s = pantau::store::Store::buka(&db).unwrap();
        let r = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 100).unwrap();
        let mut p = r[0].putaran[0].clone();
        p.kendala = panjang.join(" ");
        s.transaksi(|tx| monev::ubah_putaran(tx, &p)).unwrap();
    }
    let s = buka(&db, 80, 24, false, "");
    s.tunggu("1 Beranda");
    s.kirim(&["7", "i"]);
    let layar = s.tunggu("… v untuk membaca utuh");
    assert!(!layar.contains("Kalimat 39 "), "{layar}");
    s.kirim(&["v"]);
    s.tunggu("Esc/v kembali ke daftar putaran");
    s.kirim(&["G"]);
    let layar = s.tunggu("Kalimat 39 ");
    // every word is there, in order, over the lines read
    assert!(layar.contains("Tindak lanjut:"), "{layar}");
    s.kirim(&["Escape"]);
    s.tunggu("p/a tambah");
}
