//! Beranda: the morning check. The document counts are `pantau cek`'s, computed by the same
//! store function with the same window.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Layar, blok};
use crate::domain::angka::{format_desimal, format_persen, format_ribuan};
use crate::domain::indikator::Persentase;
use crate::domain::jadwal::{StatusKejadian, status_kejadian};
use crate::domain::tanggal::{format_tanggal, nama_bulan};
use crate::domain::teks::potong;
use crate::domain::tenggat::Status;
use crate::store::dokumen::{self, ItemCek};
use crate::store::indikator::{Iku, hitung_lingkup};
use crate::store::kegiatan;
use crate::store::{Hasil, wilayah};
use crate::tui::app::{Aksi, Konteks};
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;

struct BarisJadwal {
    bulan: u32,
    nama: String,
    status: StatusKejadian,
}

pub struct Beranda {
    tahun: i32,
    kosong: bool,
    item: Vec<ItemCek>,
    lewat: usize,
    dekat: usize,
    daftar: Daftar,
    jadwal: Vec<BarisJadwal>,
    terlewat: Vec<BarisJadwal>,
    iku: Option<Iku>,
}

impl Beranda {
    pub fn new(k: &Konteks) -> Self {
        Beranda {
            tahun: k.hari_ini.year(),
            kosong: false,
            item: Vec::new(),
            lewat: 0,
            dekat: 0,
            daftar: Daftar::default(),
            jadwal: Vec::new(),
            terlewat: Vec::new(),
            iku: None,
        }
    }
}

fn persen(p: &Persentase) -> String {
    format!(
        "{} ({}/{})",
        format_persen(p.nilai()),
        format_ribuan(p.pembilang),
        format_ribuan(p.penyebut)
    )
}

impl Layar for Beranda {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        self.kosong = wilayah::jumlah_kecamatan(conn)? == 0;
        if self.kosong {
            return Ok(());
        }
        let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
        let mut item = dokumen::cek(conn, k.lingkup, k.hari_ini, k.jendela, tahun_awal)?;
        self.lewat = item
            .iter()
            .filter(|i| i.status == Status::LewatTenggat)
            .count();
        self.dekat = item.len() - self.lewat;
        let s = self.daftar.saring.to_lowercase();
        if !s.is_empty() {
            item.retain(|i| {
                i.desa.to_lowercase().contains(&s)
                    || i.kode_desa.contains(&s)
                    || i.jenis.to_lowercase().contains(&s)
            });
        }
        self.item = item;
        self.daftar.atur_total(self.item.len());
        // schedule: this month and next, and what has passed undone
        let bulan_ini = k.hari_ini.month();
        let tahun_ini = k.hari_ini.year();
        self.jadwal.clear();
        self.terlewat.clear();
        for b in kegiatan::jadwal(conn, k.lingkup, tahun_ini, "", 0, 500)? {
            for m in b.bulan.daftar() {
                let selesai = b.selesai.iter().any(|s| s.bulan == m);
                let status = status_kejadian(tahun_ini, m, selesai, k.hari_ini);
                let baris = BarisJadwal {
                    bulan: m,
                    nama: b.nama.clone(),
                    status,
                };
                if status == StatusKejadian::Terlewat {
                    self.terlewat.push(baris);
                } else if m == bulan_ini || m == bulan_ini + 1 {
                    self.jadwal.push(baris);
                }
            }
        }
        self.jadwal.sort_by_key(|b| b.bulan);
        self.terlewat.sort_by_key(|b| b.bulan);
        self.iku = Some(hitung_lingkup(conn, k.lingkup, self.tahun)?);
        Ok(())
    }

    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        if self.kosong {
            let teks = vec![
                Line::styled("Selamat datang di pantau.", tema.judul()),
                Line::raw(""),
                Line::raw("Basis data ini belum berisi kecamatan."),
                Line::raw(""),
                Line::from(vec![
                    Span::raw("Tekan "),
                    Span::styled("c", tema.judul()),
                    Span::raw(" untuk memuat contoh Kecamatan Yosowilangun (Kab. Lumajang),"),
                ]),
                Line::raw("dengan data rekaan yang ditandai \"contoh\"."),
                Line::raw(""),
                Line::raw("Atau keluar (q) dan muat kecamatan Anda dari lembar kerja:"),
                Line::raw("  pantau impor desa desa.csv"),
                Line::raw("  pantau impor dokumen dokumen.csv"),
                Line::raw("Lihat README untuk kolom-kolomnya."),
            ];
            f.render_widget(
                Paragraph::new(teks)
                    .wrap(Wrap { trim: false })
                    .block(blok(k, " Beranda ".into())),
                area,
            );
            return;
        }
        let rapat = area.height < 20;
        let tinggi_bawah = if rapat { 6 } else { 8 };
        let [atas, bawah] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(tinggi_bawah)]).areas(area);
        // documents overdue and due soon
        let judul = format!(
            " Dokumen desa: {} lewat tenggat, {} mendekati tenggat ({} hari) ",
            self.lewat, self.dekat, k.jendela
        );
        let b = blok(k, judul);
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        self.daftar.atur_tinggi(dalam.height as usize);
        let mut baris = Vec::new();
        if self.item.is_empty() {
            baris.push(Line::styled(
                "Tidak ada dokumen yang lewat tenggat atau jatuh tempo.",
                tema.berhasil(),
            ));
        }
        for (i, it) in self
            .item
            .iter()
            .enumerate()
            .skip(self.daftar.awal)
            .take(dalam.height as usize)
        {
            let gaya = tema.status(it.status);
            let teks = format!(
                "{} {} {:<17} {:>5}  {:<22} {} {}",
                tema.simbol(it.status),
                format_tanggal(it.tenggat),
                it.status.label(),
                it.hari,
                potong(&it.desa, 22),
                it.jenis,
                it.tahun_anggaran
            );
            let gaya = if i == self.daftar.pilih {
                gaya.patch(tema.pilih())
            } else {
                gaya
            };
            baris.push(Line::styled(teks, gaya));
        }
        f.render_widget(Paragraph::new(baris), dalam);

        let [kiri, kanan] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(bawah);
        let bulan = k.hari_ini.month();
        let judul = if bulan < 12 {
            format!(
                " Jadwal {} dan {} ",
                nama_bulan(bulan),
                nama_bulan(bulan + 1)
            )
        } else {
            format!(" Jadwal {} ", nama_bulan(bulan))
        };
        let b = blok(k, judul);
        let dalam = b.inner(kiri);
        f.render_widget(b, kiri);
        let mut baris: Vec<Line> = Vec::new();
        if !self.terlewat.is_empty() {
            let contoh: Vec<String> = self
                .terlewat
                .iter()
                .take(2)
                .map(|t| format!("{} ({})", t.nama, nama_bulan(t.bulan)))
                .collect();
            let (s, gaya) = tema.kejadian(StatusKejadian::Terlewat);
            baris.push(Line::styled(
                format!(
                    "{s} {} terlewat: {}",
                    self.terlewat.len(),
                    contoh.join("; ")
                ),
                gaya,
            ));
        }
        for j in &self.jadwal {
            let (s, gaya) = tema.kejadian(j.status);
            baris.push(Line::from(vec![
                Span::styled(format!("{s} "), gaya),
                Span::raw(format!(
                    "{:<4}",
                    crate::domain::tanggal::nama_bulan_pendek(j.bulan)
                )),
                Span::raw(potong(&j.nama, (dalam.width as usize).saturating_sub(6))),
            ]));
        }
        if baris.is_empty() {
            baris.push(Line::styled("Tidak ada tahapan terjadwal.", tema.redup()));
        }
        let muat = dalam.height as usize;
        if baris.len() > muat && muat > 0 {
            let lebih = baris.len() - (muat - 1);
            baris.truncate(muat - 1);
            baris.push(Line::styled(
                format!("… dan {lebih} lagi (tab 3 Jadwal)"),
                tema.redup(),
            ));
        }
        f.render_widget(Paragraph::new(baris), dalam);

        let b = blok(k, format!(" Indikator {} ", self.tahun));
        let dalam = b.inner(kanan);
        f.render_widget(b, kanan);
        if let Some(iku) = &self.iku {
            let mut baris = vec![
                Line::from(vec![
                    Span::styled("IKU 1 ", tema.judul()),
                    Span::raw(persen(&iku.iku1)),
                ]),
                Line::from(vec![
                    Span::styled("IKU 2 ", tema.judul()),
                    Span::raw(persen(&iku.iku2)),
                ]),
            ];
            baris.push(match &iku.ikm {
                Some(i) => Line::from(vec![
                    Span::styled("IKM   ", tema.judul()),
                    Span::raw(format!(
                        "{} {} {} ({} resp.)",
                        format_desimal(i.nilai),
                        i.mutu.huruf(),
                        i.mutu.kinerja(),
                        i.responden
                    )),
                ]),
                None => Line::from(vec![
                    Span::styled("IKM   ", tema.judul()),
                    Span::raw("– (belum ada responden)"),
                ]),
            });
            if !rapat {
                let r: Vec<String> = iku
                    .rincian
                    .iter()
                    .map(|(j, ta, _)| format!("{j} {ta}"))
                    .collect();
                baris.push(Line::styled(
                    format!("IKU 2: {}", r.join(", ")),
                    tema.redup(),
                ));
            }
            f.render_widget(Paragraph::new(baris).wrap(Wrap { trim: true }), dalam);
        }
    }

    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi {
        match key.code {
            KeyCode::Char('c') if self.kosong => Aksi::MuatContoh,
            KeyCode::Char('[') => {
                self.tahun -= 1;
                self.muat_lagi(k)
            }
            KeyCode::Char(']') => {
                self.tahun += 1;
                self.muat_lagi(k)
            }
            KeyCode::Enter => match self.item.get(self.daftar.pilih) {
                Some(i) => Aksi::KeDesa(i.kode_desa.clone(), i.jenis.clone(), i.tahun_anggaran),
                None => Aksi::Tidak,
            },
            _ => Aksi::Tidak,
        }
    }

    fn tombol_layar(&self, _k: &Konteks) -> &'static [Tombol] {
        if self.kosong {
            teks::BERANDA_KOSONG
        } else {
            teks::BERANDA
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.kosong {
            None
        } else {
            Some(&mut self.daftar)
        }
    }
}

impl Beranda {
    fn muat_lagi(&mut self, k: &Konteks) -> Aksi {
        match self.muat(k) {
            Ok(()) => Aksi::Tidak,
            Err(e) => Aksi::Galat(e.to_string()),
        }
    }
}
