//! `pantau cek [--hari N] [--json]`: the daily check.
//!
//! The counts come from the tallies (`ringkasan_cek`), so the summary line and the exit code
//! are known before the first item is read; the items are then written as the store reads
//! them, and a reader that stops early (`| head`) costs only what it read.

use std::io::{self, BufWriter, IsTerminal, Write};

use serde::Serialize;

use super::{GalatCli, KELUAR_LEWAT_TENGGAT, KELUAR_OK, Konteks, sebab_io};
use crate::domain::angka::format_ribuan;
use crate::domain::aturan::Pelaku;
use crate::domain::tanggal::{format_iso, format_tanggal};
use crate::domain::teks::{aman, lebar, potong};
use crate::domain::tenggat::Status;
use crate::store::dokumen::{self, ItemCek, RingkasanCek};
use crate::store::wilayah::{self, Lingkup};

/// Items written between two flushes: a terminal or a pager sees the list grow page by page.
const HALAMAN: usize = 100;

#[derive(Serialize)]
struct Ringkasan {
    lewat_tenggat: i64,
    mendekati_tenggat: i64,
    /// Of both, the office's own tasks (`pelaku` `camat`).
    tugas_kantor: i64,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    kode_kecamatan: &'a str,
    kecamatan: &'a str,
    kode_desa: &'a str,
    desa: &'a str,
    jenis: &'a str,
    tahun_anggaran: i32,
    tenggat: String,
    status: &'static str,
    hari: i64,
    /// `desa`, or `camat`: the office's own task (the evaluation of the APBDes draft).
    pelaku: &'static str,
    /// The deadline counts working days through a year whose days off are not loaded.
    perkiraan: bool,
}

/// The JSON object without its list, which is streamed after it.
#[derive(Serialize)]
struct KepalaJson {
    tanggal: String,
    hari: i64,
    ringkasan: Ringkasan,
}

/// Why writing the check stopped.
enum Henti {
    Io(io::Error),
    Cli(GalatCli),
}

impl From<io::Error> for Henti {
    fn from(e: io::Error) -> Self {
        Henti::Io(e)
    }
}

impl From<crate::store::Galat> for Henti {
    fn from(g: crate::store::Galat) -> Self {
        Henti::Cli(g.into())
    }
}

impl From<GalatCli> for Henti {
    fn from(g: GalatCli) -> Self {
        Henti::Cli(g)
    }
}

pub fn jalankan(k: &Konteks, jendela: i64, json: bool) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let jumlah_kecamatan = wilayah::jumlah_kecamatan(conn)?;
    if jumlah_kecamatan == 0 {
        // an empty database (often a mistyped --db) must not read as "nothing overdue"
        let db = k.db.display();
        return Err(GalatCli(vec![
            format!("belum ada kecamatan di basis data {db}; tidak ada yang dapat dicek"),
            format!("muat contoh: pantau --db {db} init --contoh"),
            format!("atau impor desa: pantau --db {db} impor desa BERKAS"),
        ]));
    }
    let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
    let _bacaan = dokumen::bacaan_cek(conn)?;
    let ringkasan = dokumen::ringkasan_cek(conn, lingkup, k.hari_ini, jendela, tahun_awal)?;
    let kode = if ringkasan.lewat_tenggat > 0 {
        KELUAR_LEWAT_TENGGAT
    } else {
        KELUAR_OK
    };
    let stdout = io::stdout();
    let tata = if json {
        None
    } else {
        let lebar = stdout.is_terminal().then(lebar_terminal);
        // the kind column holds the longest code and its year
        let lebar_dokumen = dokumen::daftar_jenis(conn)?
            .iter()
            .map(|j| crate::domain::teks::lebar(&j.kode) + 5)
            .max()
            .unwrap_or(LEBAR_DOKUMEN)
            .max(LEBAR_DOKUMEN);
        Some(Tata {
            lebar,
            kecamatan: matches!(lingkup, Lingkup::Semua) && jumlah_kecamatan > 1,
            lebar_dokumen,
        })
    };
    let mut keluar = BufWriter::new(crate::cli::keluaran::Penulis {
        dalam: stdout.lock(),
        json: tata.is_none(),
    });
    let hasil = match &tata {
        None => tulis_json(k, lingkup, &ringkasan, jendela, &mut keluar),
        Some(tata) => tulis_teks(
            k,
            lingkup,
            jumlah_kecamatan,
            &ringkasan,
            jendela,
            tata,
            &mut keluar,
        ),
    }
    .and_then(|()| Ok(keluar.flush()?));
    selesai(hasil, kode)
}

/// The exit code once writing ended: a reader that closed the pipe (`| head`) is no error,
/// and the code still tells whether something is overdue.
fn selesai(hasil: Result<(), Henti>, kode: u8) -> Result<u8, GalatCli> {
    match hasil {
        Ok(()) => Ok(kode),
        Err(Henti::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(kode),
        Err(Henti::Io(e)) => Err(GalatCli(vec![format!(
            "hasil cek tidak dapat ditulis: {}",
            sebab_io(&e)
        )])),
        Err(Henti::Cli(g)) => Err(g),
    }
}

/// Columns of the terminal on standard output; `COLUMNS`, then 80, when it does not say.
fn lebar_terminal() -> usize {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(k, _)| usize::from(k))
        .filter(|&k| k > 0)
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .filter(|&k: &usize| k > 0)
        })
        .unwrap_or(80)
}

/// Hands every item of the check to `tulis` as the store reads it, flushing each page;
/// the first write error stops the reading and is returned.
fn alirkan<W: Write>(
    k: &Konteks,
    lingkup: Lingkup,
    ringkasan: &RingkasanCek,
    jendela: i64,
    keluar: &mut W,
    mut tulis: impl FnMut(&mut W, usize, &ItemCek) -> io::Result<()>,
) -> Result<(), Henti> {
    let mut galat = None;
    let mut n = 0;
    dokumen::tiap_cek(
        k.store.conn(),
        lingkup,
        ringkasan,
        k.hari_ini,
        jendela,
        |i| {
            let r = tulis(keluar, n, &i).and_then(|()| {
                n += 1;
                if n.is_multiple_of(HALAMAN) {
                    keluar.flush()
                } else {
                    Ok(())
                }
            });
            match r {
                Ok(()) => true,
                Err(e) => {
                    galat = Some(e);
                    false
                }
            }
        },
    )?;
    match galat {
        Some(e) => Err(Henti::Io(e)),
        None => Ok(()),
    }
}

/// The object `serde_json::to_string_pretty` would print for the whole list, written item
/// by item so that a national list is never held in memory.
fn tulis_json<W: Write>(
    k: &Konteks,
    lingkup: Lingkup,
    ringkasan: &RingkasanCek,
    jendela: i64,
    keluar: &mut W,
) -> Result<(), Henti> {
    let kepala = KepalaJson {
        tanggal: format_iso(k.hari_ini),
        hari: jendela,
        ringkasan: Ringkasan {
            lewat_tenggat: ringkasan.lewat_tenggat,
            mendekati_tenggat: ringkasan.mendekati_tenggat,
            tugas_kantor: ringkasan.tugas_kantor,
        },
    };
    let kepala = json_rapi(&kepala)?;
    // the head object without its closing brace, then the list as its last member
    let kepala = kepala.strip_suffix("\n}").unwrap_or(&kepala);
    write!(keluar, "{kepala},\n  \"dokumen\": [")?;
    keluar.flush()?;
    let mut ada = false;
    alirkan(k, lingkup, ringkasan, jendela, keluar, |w, n, i| {
        ada = true;
        let teks = json_rapi(&item_json(i)).map_err(|g| io::Error::other(g.0.join("; ")))?;
        w.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        for (m, baris) in teks.lines().enumerate() {
            if m > 0 {
                w.write_all(b"\n")?;
            }
            write!(w, "    {baris}")?;
        }
        Ok(())
    })?;
    keluar.write_all(if ada { b"\n  ]\n}\n" } else { b"]\n}\n" })?;
    Ok(())
}

fn json_rapi<T: Serialize>(nilai: &T) -> Result<String, GalatCli> {
    serde_json::to_string_pretty(nilai)
        .map_err(|e| GalatCli(vec![format!("JSON tidak dapat dibuat: {e}")]))
}

fn item_json(i: &ItemCek) -> ItemJson<'_> {
    ItemJson {
        kode_kecamatan: &i.kode_kecamatan,
        kecamatan: &i.kecamatan,
        kode_desa: &i.kode_desa,
        desa: &i.desa,
        jenis: &i.jenis,
        tahun_anggaran: i.tahun_anggaran,
        tenggat: format_iso(i.tenggat),
        status: i.status.kode(),
        hari: i.hari,
        pelaku: i.pelaku.kode(),
        perkiraan: i.perkiraan,
    }
}

fn tulis_teks<W: Write>(
    k: &Konteks,
    lingkup: Lingkup,
    jumlah_kecamatan: i64,
    ringkasan: &RingkasanCek,
    jendela: i64,
    tata: &Tata,
    keluar: &mut W,
) -> Result<(), Henti> {
    let conn = k.store.conn();
    let kec = |kec: wilayah::Kecamatan| format!("Kec. {} {}", aman(&kec.nama), aman(&kec.kode));
    let cakupan = match lingkup {
        Lingkup::Kecamatan(id) => wilayah::kecamatan_id(conn, id)?
            .map(kec)
            .unwrap_or_default(),
        Lingkup::Semua if jumlah_kecamatan == 1 => {
            wilayah::daftar_kecamatan(conn, Lingkup::Semua, 0, 1)?
                .into_iter()
                .next()
                .map(kec)
                .unwrap_or_default()
        }
        Lingkup::Semua => format!("{} kecamatan", format_ribuan(jumlah_kecamatan)),
    };
    let (lewat, dekat) = (
        format_ribuan(ringkasan.lewat_tenggat),
        format_ribuan(ringkasan.mendekati_tenggat),
    );
    let tanggal = format_tanggal(k.hari_ini);
    let mut ringkas = format!(
        "{lewat} lewat tenggat, {dekat} mendekati tenggat ({jendela} hari) · {tanggal} · {cakupan}"
    );
    if tata.lebar.is_some_and(|w| lebar(&ringkas) > w) {
        // the words of the status column, so that the scope still shows on 80 columns
        ringkas = format!(
            "{lewat} lewat, {dekat} dekat tenggat ({jendela} hari) · {tanggal} · {cakupan}"
        );
    }
    writeln!(keluar, "{}", tata.muat(ringkas))?;
    if ringkasan.jumlah() == 0 {
        writeln!(
            keluar,
            "{}",
            tata.muat(format!(
                "Tidak ada dokumen yang lewat tenggat atau jatuh tempo dalam {jendela} hari."
            ))
        )?;
        return Ok(());
    }
    if ringkasan.tugas_kantor > 0 {
        writeln!(
            keluar,
            "{}",
            tata.muat(format!(
                "{} di antaranya tugas kantor kecamatan (camat), ditandai [kantor]",
                format_ribuan(ringkasan.tugas_kantor)
            ))
        )?;
    }
    if ringkasan.perkiraan > 0 {
        let tahun: Vec<String> = ringkasan
            .peristiwa
            .iter()
            .filter(|i| i.perkiraan)
            .map(|i| i.tenggat.format("%Y").to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        writeln!(
            keluar,
            "{}",
            tata.muat(format!(
                "{} tenggat [perkiraan]: hari libur {} belum dimuat (pantau impor hari-libur BERKAS)",
                format_ribuan(ringkasan.perkiraan),
                tahun.join(", ")
            ))
        )?;
    }
    writeln!(keluar, "{}", tata.kepala())?;
    keluar.flush()?;
    alirkan(k, lingkup, ringkasan, jendela, keluar, |w, _, i| {
        writeln!(w, "{}", tata.baris(i))
    })
}

/// How item lines are laid out: the fixed columns first, then the names, which are cut only
/// to fit a terminal (a file or a mail gets them whole).
struct Tata {
    /// The terminal's width in cells; `None` when standard output is not a terminal.
    lebar: Option<usize>,
    /// Several kecamatan in scope: each item names its kecamatan.
    kecamatan: bool,
    /// Width of the kind column: the longest kind code and its year.
    lebar_dokumen: usize,
}

/// Below this terminal width the status is one word (`lewat`, `dekat`), so that an 80-column
/// screen keeps room for the names.
const LEBAR_LEGA: usize = 100;

/// Least width of the kind column, `RKPDes 2027`.
const LEBAR_DOKUMEN: usize = 11;
/// Width of the desa code column, `35.08.07.2001`.
const LEBAR_KODE: usize = 13;
/// Width of the status column, `mendekati tenggat`; one word on a narrow terminal.
const LEBAR_STATUS: usize = 17;
const LEBAR_STATUS_RINGKAS: usize = 6;

/// `teks` padded with spaces to `sel` cells, never cut.
fn isi(teks: &str, sel: usize) -> String {
    let mut s = teks.to_string();
    s.extend(std::iter::repeat_n(' ', sel.saturating_sub(lebar(teks))));
    s
}

impl Tata {
    /// A whole line fitted to the terminal (cut with `~`), or as it is for a file; made safe.
    fn muat(&self, baris: String) -> String {
        match self.lebar {
            Some(w) => potong(&baris, w),
            None => aman(&baris).into_owned(),
        }
    }

    /// The status in the words of the column: one word on a narrow terminal.
    fn status(&self, s: Status) -> (&'static str, usize) {
        if self.lebar.is_some_and(|w| w < LEBAR_LEGA) {
            let kata = match s {
                Status::LewatTenggat => "lewat",
                Status::MendekatiTenggat => "dekat",
                lain => lain.label(),
            };
            (kata, LEBAR_STATUS_RINGKAS)
        } else {
            (s.label(), LEBAR_STATUS)
        }
    }

    fn kepala(&self) -> String {
        let nama = if self.kecamatan {
            "Desa (Kecamatan)"
        } else {
            "Desa"
        };
        let (_, ls) = self.status(Status::LewatTenggat);
        let ld = self.lebar_dokumen;
        self.muat(format!(
            "{:<10} {:<ls$} {:>5} {:<ld$} {:<LEBAR_KODE$} {nama}",
            "Tenggat", "Status", "Hari", "Dokumen", "Kode desa"
        ))
    }

    fn baris(&self, i: &ItemCek) -> String {
        let (status, ls) = self.status(i.status);
        let awal = format!(
            "{} {} {:>5} {} {} ",
            format_tanggal(i.tenggat),
            isi(status, ls),
            i.hari,
            isi(
                &format!("{} {}", aman(&i.jenis), i.tahun_anggaran),
                self.lebar_dokumen
            ),
            isi(&aman(&i.kode_desa), LEBAR_KODE),
        );
        // the office's own task and an estimated deadline are said at the line's end, which
        // a narrow terminal never cuts
        let mut ekor = String::new();
        if i.pelaku == Pelaku::Camat {
            ekor.push_str(" [kantor]");
        }
        if i.perkiraan {
            ekor.push_str(" [perkiraan]");
        }
        let desa = aman(&i.desa);
        let kec = self.kecamatan.then(|| aman(&i.kecamatan));
        let Some(w) = self.lebar else {
            return match kec {
                Some(kec) => format!("{awal}{desa} ({kec}){ekor}"),
                None => format!("{awal}{desa}{ekor}"),
            };
        };
        // the marks keep their room unless the terminal is too narrow for anything but a cut
        let ruang = w.saturating_sub(lebar(&ekor));
        if ruang < 20 {
            return potong(&format!("{awal}{desa}{ekor}"), w);
        }
        let sisa = ruang.saturating_sub(lebar(&awal));
        format!(
            "{}{ekor}",
            Tata::nama(&awal, &desa, kec.as_deref(), sisa, ruang)
        )
    }

    /// The names of an item after its fixed columns `awal`, in `sisa` cells of a terminal
    /// `w` wide.
    fn nama(awal: &str, desa: &str, kec: Option<&str>, sisa: usize, w: usize) -> String {
        if sisa < 4 {
            // a terminal too narrow for the names: the line itself is cut
            return potong(&format!("{awal}{desa}"), w);
        }
        let Some(kec) = kec else {
            return format!("{awal}{}", potong(desa, sisa));
        };
        let (ld, lk) = (lebar(desa), lebar(kec));
        if ld + 3 + lk <= sisa {
            return format!("{awal}{desa} ({kec})");
        }
        // the desa name first; the kecamatan keeps a few cells, or goes when too few are left
        let kmin = lk.min(5);
        if ld + 3 + kmin <= sisa {
            return format!("{awal}{desa} ({})", potong(kec, sisa - ld - 3));
        }
        if sisa >= 3 + kmin + 10 {
            return format!(
                "{awal}{} ({})",
                potong(desa, sisa - 3 - kmin),
                potong(kec, kmin)
            );
        }
        format!("{awal}{}", potong(desa, sisa))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn item(desa: &str, kec: &str) -> ItemCek {
        ItemCek {
            kode_kecamatan: "12.18.04".into(),
            kecamatan: kec.into(),
            desa_id: 1,
            kode_desa: "12.18.04.2017".into(),
            desa: desa.into(),
            jenis: "RKPDes".into(),
            tahun_anggaran: 2027,
            tenggat: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            status: Status::LewatTenggat,
            hari: -5,
            pelaku: Pelaku::Desa,
            urutan: 1,
            perkiraan: false,
        }
    }

    const PANJANG: &str = "Kampuang Tanjuang Koto Mambang Sungai Durian";

    #[test]
    fn a_file_gets_names_whole_and_the_kecamatan_over_several() {
        let t = Tata {
            lebar: None,
            kecamatan: true,
            lebar_dokumen: LEBAR_DOKUMEN,
        };
        let b = t.baris(&item(PANJANG, "Tebing Syahbandar"));
        assert!(
            b.ends_with(&format!("12.18.04.2017 {PANJANG} (Tebing Syahbandar)")),
            "{b}"
        );
        assert!(
            b.starts_with("30/09/2026 lewat tenggat        -5 RKPDes 2027 "),
            "{b}"
        );
    }

    #[test]
    fn one_kecamatan_names_no_kecamatan() {
        let t = Tata {
            lebar: None,
            kecamatan: false,
            lebar_dokumen: LEBAR_DOKUMEN,
        };
        assert!(t.baris(&item("Alpha", "Sukamaju")).ends_with(" Alpha"));
    }

    #[test]
    fn a_terminal_line_fits_its_width_in_display_cells() {
        for w in [20, 40, 61, 65, 72, 80, 100, 200] {
            for kecamatan in [false, true] {
                let t = Tata {
                    lebar: Some(w),
                    kecamatan,
                    lebar_dokumen: LEBAR_DOKUMEN,
                };
                for desa in [PANJANG, "北京市朝阳区很长很长的名字", "Alpha"] {
                    let b = t.baris(&item(desa, "Tebing Syahbandar Sungai"));
                    assert!(lebar(&b) <= w, "{w}: {b} ({})", lebar(&b));
                    assert!(b.starts_with("30/09/2026"), "{b}");
                    // the office's task and an estimate are said at the end, never cut off
                    let mut kantor = item(desa, "Tebing Syahbandar Sungai");
                    kantor.pelaku = Pelaku::Camat;
                    kantor.perkiraan = true;
                    let b = t.baris(&kantor);
                    assert!(lebar(&b) <= w, "{w}: {b} ({})", lebar(&b));
                    if w >= 61 {
                        assert!(b.ends_with(" [kantor] [perkiraan]"), "{w}: {b}");
                    }
                }
                assert!(lebar(&t.kepala()) <= w);
            }
        }
        let t = Tata {
            lebar: Some(80),
            kecamatan: true,
            lebar_dokumen: LEBAR_DOKUMEN,
        };
        let b = t.baris(&item(PANJANG, "Tebing Syahbandar"));
        assert_eq!(lebar(&b), 80, "{b}");
        assert!(b.contains("12.18.04.2017 Kampuang"), "{b}");
        let b = t.baris(&item("Alpha", "Sukamaju"));
        assert!(b.ends_with("Alpha (Sukamaju)"), "{b}");
        assert!(b.starts_with("30/09/2026 lewat     -5 RKPDes 2027"), "{b}");
        let b = t.baris(&item("Rambung Sialang Tengah", "Tebing Syahbandar"));
        assert!(b.ends_with(" Rambung Sialang Tengah (Tebi~)"), "{b}");
        let lega = Tata {
            lebar: Some(120),
            kecamatan: true,
            lebar_dokumen: LEBAR_DOKUMEN,
        };
        let b = lega.baris(&item("Rambung Sialang Tengah", "Tebing Syahbandar"));
        assert!(b.starts_with("30/09/2026 lewat tenggat        -5"), "{b}");
        assert!(
            b.ends_with(" Rambung Sialang Tengah (Tebing Syahbandar)"),
            "{b}"
        );
    }

    #[test]
    fn stored_control_characters_never_reach_the_output() {
        for lebar in [None, Some(80)] {
            let t = Tata {
                lebar,
                kecamatan: true,
                lebar_dokumen: LEBAR_DOKUMEN,
            };
            let mut i = item("Jahat\u{1b}[2J\u{1b}]0;x\u{7}", "Kec\u{1b}[31m\u{202E}");
            i.jenis = "RKP\u{1b}".into();
            let b = t.baris(&i);
            assert!(!b.chars().any(|c| c.is_control()), "{b:?}");
            assert!(!b.contains('\u{202E}'), "{b:?}");
            assert!(b.contains("Jahat?[2J?]0;x?"), "{b:?}");
            assert!(
                !t.muat("a\u{1b}b".into()).contains('\u{1b}'),
                "whole lines too"
            );
        }
    }

    /// A writer whose reader has gone after `n` bytes.
    struct Tutup(usize);

    impl Write for Tutup {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let n = b.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_quietly_with_the_checks_exit_code() {
        let mut w = Tutup(10);
        let e = writeln!(w, "{}", "x".repeat(100)).unwrap_err();
        assert_eq!(selesai(Err(Henti::Io(e)), 1).unwrap(), 1);
        assert_eq!(
            selesai(Err(Henti::Io(io::ErrorKind::BrokenPipe.into())), 0).unwrap(),
            0
        );
        let g = selesai(Err(Henti::Io(io::ErrorKind::StorageFull.into())), 1).unwrap_err();
        assert_eq!(
            g.0,
            vec!["hasil cek tidak dapat ditulis: disk penuh".to_string()]
        );
    }
}
