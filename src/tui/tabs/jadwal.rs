//! Jadwal: stages × January–December, the current month marked; `Enter` on a cell marks that
//! occurrence done (date, evidence) or undoes it; what is planned in the next 60 days.

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::angka::format_ribuan;
use crate::domain::jadwal::{StatusKejadian, status_kejadian};
use crate::domain::tanggal::{format_tanggal, nama_bulan, nama_bulan_pendek};
use crate::domain::teks::potong;
use crate::store::Hasil;
use crate::store::kegiatan::{self, BarisJadwal};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

pub struct Jadwal {
    tahun: i32,
    bulan: u32,
    daftar: Daftar,
    baris: Vec<BarisJadwal>,
    /// The next 60 days: (first day of month, stage, kegiatan having it, of which done)
    rencana: Vec<(NaiveDate, String, i64, i64)>,
    /// The occurrence the open form marks done: (stage, month, its version when the form
    /// opened: `None` when it was not marked).
    tandai: Option<(i64, u32, Option<i64>)>,
}

impl Jadwal {
    pub fn new(k: &Konteks) -> Self {
        Jadwal {
            tahun: k.hari_ini.year(),
            bulan: k.hari_ini.month(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            rencana: Vec::new(),
            tandai: None,
        }
    }

    fn terpilih(&self) -> Option<&BarisJadwal> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }
}

/// Display cells of one month column; its label and its marks start at the same cell.
const SEL: usize = 4;
/// The stage names keep at least this many cells; months give way first.
const LABEL_MIN: usize = 16;

/// The grid's columns, computed once per frame from the width and the selected month, and
/// used by both the header and every row, so that a month's mark sits under its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TataBulan {
    pub lebar_label: usize,
    /// First month shown (1–12) and how many.
    pub awal: u32,
    pub jumlah: u32,
}

impl TataBulan {
    /// All twelve months when they fit beside `LABEL_MIN` cells of name, otherwise a window
    /// of months around `bulan` (scrolled with ← →); the name takes the rest of the width.
    pub(crate) fn hitung(lebar: usize, bulan: u32) -> TataBulan {
        let jumlah = (lebar.saturating_sub(LABEL_MIN) / SEL).clamp(1, 12) as u32;
        let bulan = bulan.clamp(1, 12);
        let awal = bulan.saturating_sub(jumlah / 2).clamp(1, 13 - jumlah);
        TataBulan {
            lebar_label: lebar.saturating_sub(jumlah as usize * SEL),
            awal,
            jumlah,
        }
    }

    pub(crate) fn bulan(&self) -> std::ops::Range<u32> {
        self.awal..self.awal + self.jumlah
    }

    pub(crate) fn sebagian(&self) -> bool {
        self.jumlah < 12
    }
}

/// The name column: `lebar` cells, the last one a space before the first month.
fn label_kolom(teks: &str, lebar: usize) -> String {
    let mut s = crate::domain::teks::pas(teks, lebar.saturating_sub(1));
    if lebar > 0 {
        s.push(' ');
    }
    s
}

fn kode_pendek(kode: &str) -> &str {
    kode.rsplit('.').next().unwrap_or(kode)
}

impl Layar for Jadwal {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        let (l, th) = (k.lingkup, self.tahun);
        self.baris = self.daftar.muat(
            |s| kegiatan::hitung_jadwal(conn, l, th, s),
            |s, dari, n| kegiatan::jadwal(conn, l, th, s, dari, n),
        )?;
        k.siapkan_nama(self.baris.iter().map(|b| b.kecamatan_id))?;
        // planned in the next 60 days (this month and the months that start by then), grouped
        // by stage so that a national scope reads a few rows, not every kecamatan's
        self.rencana.clear();
        let batas = k.hari_ini + Duration::days(60);
        let mut awal =
            NaiveDate::from_ymd_opt(k.hari_ini.year(), k.hari_ini.month(), 1).unwrap_or(k.hari_ini);
        while awal <= batas {
            for (nama, jumlah, selesai) in
                kegiatan::tahapan_bulan(conn, k.lingkup, awal.year(), awal.month())?
            {
                if selesai < jumlah {
                    self.rencana.push((awal, nama, jumlah, selesai));
                }
            }
            awal =
                crate::domain::tanggal::akhir_bulan(awal.year(), awal.month()) + Duration::days(1);
        }
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        let [atas, _] = self.tata(area);
        self.daftar
            .atur_tinggi(atas.height.saturating_sub(3) as usize)
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        let [atas, bawah] = self.tata(area);
        let b = blok(
            k,
            format!(
                " Jadwal {} · ✓ selesai  ✗ terlewat  o direncanakan ",
                self.tahun
            )
            .replace('✓', tema.kejadian(StatusKejadian::Selesai).0)
            .replace('✗', tema.kejadian(StatusKejadian::Terlewat).0),
        );
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        let [kepala, isi] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(dalam);
        let tata = TataBulan::hitung(dalam.width as usize, self.bulan);
        let lebar_label = tata.lebar_label;
        let mut label_judul = if k.banyak_kecamatan {
            format!("{}Tahapan", super::judul_kecamatan(k))
        } else {
            "Kegiatan · tahapan".to_string()
        };
        if tata.sebagian() {
            // the hidden months are reached with ← →
            let kiri = if tata.awal > 1 { "<" } else { " " };
            let kanan = if tata.awal + tata.jumlah <= 12 {
                ">"
            } else {
                " "
            };
            let tanda = format!(" {kiri}{kanan}");
            label_judul = format!(
                "{}{tanda}",
                crate::domain::teks::pas(
                    &label_judul,
                    lebar_label.saturating_sub(1 + crate::domain::teks::lebar(&tanda))
                )
            );
        }
        let mut judul = vec![Span::styled(
            label_kolom(&label_judul, lebar_label),
            tema.judul(),
        )];
        for m in tata.bulan() {
            let mut gaya = tema.judul();
            if self.tahun == k.hari_ini.year() && m == k.hari_ini.month() {
                gaya = gaya.add_modifier(ratatui::style::Modifier::UNDERLINED);
            }
            if m == self.bulan {
                gaya = gaya.patch(tema.pilih());
            }
            judul.push(Span::styled(
                crate::domain::teks::pas(nama_bulan_pendek(m), SEL),
                gaya,
            ));
        }
        f.render_widget(Paragraph::new(Line::from(judul)), kepala);
        let mut baris = Vec::new();
        if self.baris.is_empty() {
            baris.push(Line::styled(
                super::pesan_kosong(
                    &self.daftar,
                    format!(
                        "Belum ada tahapan kegiatan tahun {}. Tambah di tab Kegiatan.",
                        self.tahun
                    ),
                ),
                tema.redup(),
            ));
        }
        for (n, b) in self.baris.iter().enumerate() {
            let dipilih = self.daftar.awal + n == self.daftar.pilih;
            let label = format!(
                "{}{} {}",
                super::kolom_kecamatan(k, b.kecamatan_id),
                kode_pendek(&b.kode_kegiatan),
                b.nama
            );
            let mut spans = vec![Span::styled(
                label_kolom(&label, lebar_label),
                if dipilih {
                    tema.judul()
                } else {
                    Style::default()
                },
            )];
            for m in tata.bulan() {
                let (teks, mut gaya) = if b.bulan.berisi(m) {
                    let selesai = b.selesai.iter().any(|s| s.bulan == m);
                    let st = status_kejadian(self.tahun, m, selesai, k.hari_ini);
                    let (s, g) = tema.kejadian(st);
                    (s.to_string(), g)
                } else {
                    // a month without the stage: a dot in the plain style, so that a row
                    // changes colour only at its marks (a tab switch writes under 4 KB)
                    (tema.titik().to_string(), Style::default())
                };
                if dipilih && m == self.bulan {
                    gaya = gaya.patch(tema.pilih());
                }
                spans.push(Span::styled(crate::domain::teks::pas(&teks, SEL), gaya));
            }
            baris.push(Line::from(spans));
        }
        f.render_widget(Paragraph::new(baris), isi);
        let b = blok(k, " Direncanakan 60 hari ke depan ".into());
        let dalam = b.inner(bawah);
        f.render_widget(b, bawah);
        let mut baris: Vec<Line> = if self.rencana.is_empty() {
            vec![Line::styled(
                "Tidak ada tahapan yang belum selesai.",
                tema.redup(),
            )]
        } else {
            self.rencana
                .iter()
                .map(|(t, nama, jumlah, selesai)| {
                    let berapa = if *jumlah > 1 {
                        format!(
                            " ({} dari {} selesai)",
                            format_ribuan(*selesai),
                            format_ribuan(*jumlah)
                        )
                    } else {
                        String::new()
                    };
                    Line::raw(potong(
                        &format!("{} {}  {nama}{berapa}", nama_bulan(t.month()), t.year()),
                        dalam.width as usize,
                    ))
                })
                .collect()
        };
        let muat = dalam.height as usize;
        if baris.len() > muat && muat > 0 {
            let lebih = baris.len() - (muat - 1);
            baris.truncate(muat - 1);
            baris.push(Line::styled(format!("… dan {lebih} lagi"), tema.redup()));
        }
        f.render_widget(Paragraph::new(baris), dalam);
    }

    fn perintah(&self, _k: &Konteks) -> Vec<Perintah> {
        let b = self.terpilih();
        let terjadwal = b.is_some_and(|b| b.bulan.berisi(self.bulan));
        let alasan = match b {
            None => "Belum ada tahapan tahun ini.".to_string(),
            Some(b) => format!(
                "{} tidak dijadwalkan pada bulan {}.",
                b.nama,
                nama_bulan(self.bulan)
            ),
        };
        let [lalu, depan] = a::perintah_tahun(teks::JADWAL[1]);
        let tanda = b.and_then(|b| b.selesai.iter().find(|s| s.bulan == self.bulan));
        let belum = match b {
            None => alasan.clone(),
            Some(_) if !terjadwal => alasan.clone(),
            Some(b) => format!(
                "{} bulan {} belum ditandai selesai (Enter menandainya).",
                b.nama,
                nama_bulan(self.bulan)
            ),
        };
        let di_kegiatan =
            "Tahapan ditambah atau dihapus di tab 2 Kegiatan (buka KAK, bagian Tahapan).";
        vec![
            Perintah::baru(a::K_KIRI, teks::JADWAL[0], Act::Kolom(-1)),
            Perintah::baru(
                a::K_KANAN,
                Tombol {
                    kaki: false,
                    ..teks::JADWAL[0]
                },
                Act::Kolom(1),
            ),
            lalu,
            depan,
            Perintah::baru(a::K_ENTER, teks::JADWAL[2], Act::Ubah)
                .ubah()
                .jika(terjadwal, alasan),
            Perintah::baru(a::K_E, teks::JADWAL[3], Act::Buka)
                .ubah()
                .jika(tanda.is_some(), belum.clone()),
            Perintah::baru(a::K_D, teks::JADWAL[4], Act::Hapus)
                .ubah()
                .jika(tanda.is_some(), belum),
            Perintah::baru(a::K_A, teks::JADWAL_TAMBAH, Act::Tambah).jika(false, di_kegiatan),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(b.is_some(), ""),
        ]
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        match act {
            Act::Kolom(arah) => {
                // the year's months end at December: no jump back to January
                let baru = (self.bulan as i64 + arah as i64).clamp(1, 12) as u32;
                if baru == self.bulan {
                    return Efek::Pesan(if arah < 0 {
                        "Sudah di Januari; [ untuk tahun sebelumnya.".into()
                    } else {
                        "Sudah di Desember; ] untuk tahun berikutnya.".into()
                    });
                }
                self.bulan = baru;
                Efek::Tidak
            }
            Act::Ubah => {
                let Some(b) = self.terpilih().cloned() else {
                    return Efek::Tidak;
                };
                let m = self.bulan;
                if let Some(s) = b.selesai.iter().find(|s| s.bulan == m) {
                    return Efek::Tanya(
                        format!(
                            "{} bulan {} sudah selesai ({}). Batalkan tanda selesai?",
                            b.nama,
                            nama_bulan(m),
                            format_tanggal(s.tanggal)
                        ),
                        Tulis::Batal {
                            tahapan_id: b.tahapan_id,
                            bulan: m,
                            versi: s.versi,
                        },
                        format!("Tanda selesai bulan {} dibatalkan.", nama_bulan(m)),
                    );
                }
                let awal = NaiveDate::from_ymd_opt(self.tahun, m, 1).unwrap_or(k.hari_ini);
                let usul = if k.hari_ini >= awal
                    && k.hari_ini <= crate::domain::tanggal::akhir_bulan(self.tahun, m)
                {
                    k.hari_ini
                } else {
                    awal.min(k.hari_ini)
                };
                self.tandai = Some((b.tahapan_id, m, None));
                let mut f = Form::new(
                    &format!(
                        "Tandai selesai: {} · {} {}",
                        potong(&b.nama, 40),
                        nama_bulan(m),
                        self.tahun
                    ),
                    vec![
                        Bidang::new(
                            "Tanggal",
                            Jenis::Tanggal {
                                batas: Some(k.hari_ini),
                            },
                            true,
                            &format_tanggal(usul),
                        ),
                        Bidang::new("Bukti", Jenis::Teks, false, "BA dan daftar hadir"),
                    ],
                );
                f.petunjuk = vec![format!("Tempat: {}", b.tempat)];
                Efek::Form(f)
            }
            Act::Buka => {
                let Some(b) = self.terpilih().cloned() else {
                    return Efek::Tidak;
                };
                let m = self.bulan;
                let Some(s) = b.selesai.iter().find(|s| s.bulan == m) else {
                    return Efek::Tidak;
                };
                self.tandai = Some((b.tahapan_id, m, Some(s.versi)));
                let mut f = Form::new(
                    &format!(
                        "Ubah tanda selesai: {} · {} {}",
                        potong(&b.nama, 40),
                        nama_bulan(m),
                        self.tahun
                    ),
                    vec![
                        Bidang::new(
                            "Tanggal",
                            Jenis::Tanggal {
                                batas: Some(k.hari_ini),
                            },
                            true,
                            &format_tanggal(s.tanggal),
                        ),
                        Bidang::new("Bukti", Jenis::Teks, false, &s.bukti),
                    ],
                );
                f.petunjuk = vec![format!("Tempat: {}", b.tempat)];
                Efek::Form(f)
            }
            Act::Hapus => {
                let Some(b) = self.terpilih() else {
                    return Efek::Tidak;
                };
                let m = self.bulan;
                let Some(s) = b.selesai.iter().find(|s| s.bulan == m) else {
                    return Efek::Tidak;
                };
                Efek::Tanya(
                    format!(
                        "Hapus tanda selesai {} bulan {} ({}{})?",
                        potong(&b.nama, 40),
                        nama_bulan(m),
                        format_tanggal(s.tanggal),
                        if s.bukti.is_empty() {
                            String::new()
                        } else {
                            format!(", bukti: {}", potong(&s.bukti, 30))
                        }
                    ),
                    Tulis::Batal {
                        tahapan_id: b.tahapan_id,
                        bulan: m,
                        versi: s.versi,
                    },
                    format!("Tanda selesai bulan {} dihapus.", nama_bulan(m)),
                )
            }
            Act::Riwayat => match self.terpilih() {
                Some(b) => Efek::Riwayat(
                    "tahapan",
                    b.tahapan_id,
                    format!("Riwayat tahapan {}", potong(&b.nama, 40)),
                ),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        let Some((id, m, versi)) = self.tandai else {
            return Err("tidak ada yang disimpan".into());
        };
        let tgl = form::tanggal(&f.teks(0)).ok_or("Tanggal: tidak sah")?;
        let catatan = if tgl.month() != m || tgl.year() != self.tahun {
            format!(" (tanggal di luar bulan {})", nama_bulan(m))
        } else {
            String::new()
        };
        Ok((
            Tulis::Tandai {
                tahapan_id: id,
                bulan: m,
                versi,
                tanggal: tgl,
                bukti: f.teks(1),
            },
            format!(
                "{} {} {}, {}{catatan}.",
                if versi.is_some() {
                    "Tanda selesai diubah:"
                } else {
                    "Ditandai selesai:"
                },
                nama_bulan(m),
                self.tahun,
                format_tanggal(tgl)
            ),
        ))
    }

    fn tersimpan(&mut self, _id: i64) {
        self.tandai = None;
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        Some(&mut self.tahun)
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        Some(&mut self.daftar)
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        Some(&self.daftar)
    }
}

impl Jadwal {
    /// The grid keeps its rows when it can; the list of the next 60 days takes the rest, up to
    /// half the screen (two lines at least when there is more than one stage).
    fn tata(&self, area: Rect) -> [Rect; 2] {
        let sisa = area.height.saturating_sub(self.daftar.total as u16 + 3);
        let rendah = if self.rencana.len() > 1 { 4 } else { 3 };
        let tinggi_rencana = (self.rencana.len() as u16 + 2)
            .clamp(rendah, sisa.clamp(rendah, (area.height / 2).max(rendah)));
        Layout::vertical([Constraint::Min(4), Constraint::Length(tinggi_rencana)]).areas(area)
    }
}

#[cfg(test)]
mod tests {
    use super::TataBulan;

    #[test]
    fn months_give_way_to_a_window_around_the_selected_one_and_names_take_the_rest() {
        // 80 columns: the grid is 78 inside its box, all twelve months fit
        let t = TataBulan::hitung(78, 11);
        assert_eq!((t.lebar_label, t.awal, t.jumlah), (30, 1, 12));
        let t = TataBulan::hitung(118, 1);
        assert_eq!((t.lebar_label, t.awal, t.jumlah), (70, 1, 12));
        // 60 columns: ten months, the window holds November and ends in December
        let t = TataBulan::hitung(58, 11);
        assert_eq!((t.lebar_label, t.awal, t.jumlah), (18, 3, 10));
        let t = TataBulan::hitung(58, 1);
        assert_eq!((t.awal, t.jumlah), (1, 10));
        let t = TataBulan::hitung(58, 6);
        assert_eq!(t.bulan(), 1..11);
        // very narrow: one month at least, never a panic
        let t = TataBulan::hitung(5, 7);
        assert_eq!((t.awal, t.jumlah), (7, 1));
        assert_eq!(t.lebar_label, 1);
    }
}
