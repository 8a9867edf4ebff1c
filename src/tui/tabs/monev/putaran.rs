//! The rounds of one plan or one matrix activity, listed in full: each can be opened (every
//! field, long texts wrapped), corrected, added and deleted, by the version read.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Monev, ROMAWI, Tujuan};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::{pas, potong};
use crate::store::monev::Putaran;
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::tabs::blok;
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{Bidang, Form, Jenis};

/// Whose rounds are shown: a plan or a matrix activity, by id (a reload keeps the target).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Asal {
    Rencana(i64),
    Kegiatan(i64),
}

pub(super) struct Rinci {
    pub asal: Asal,
    pub daftar: Daftar,
    /// The selected round read in full over the whole tab (`v`): its first line shown is
    /// `pilih`, moved by the list keys.
    pub baca: Option<Daftar>,
}

/// `teks` in lines of at most `lebar` cells, broken between words where it can.
pub(super) fn bungkus(teks: &str, lebar: usize) -> Vec<String> {
    let lebar = lebar.max(1);
    let mut v = Vec::new();
    for paragraf in teks.split('\n') {
        let mut baris = String::new();
        let mut w = 0;
        for kata in paragraf.split(' ') {
            let lk = crate::domain::teks::lebar(kata);
            if w > 0 && w + 1 + lk <= lebar {
                baris.push(' ');
                baris.push_str(kata);
                w += 1 + lk;
                continue;
            }
            if w > 0 {
                v.push(std::mem::take(&mut baris));
                w = 0;
            }
            // a word wider than the line is cut into pieces
            for c in kata.chars() {
                let lc = crate::domain::teks::lebar(c.encode_utf8(&mut [0; 4]));
                if w + lc > lebar {
                    v.push(std::mem::take(&mut baris));
                    w = 0;
                }
                baris.push(c);
                w += lc;
            }
        }
        v.push(baris);
    }
    v
}

/// One line of the list: a stored round, or (matrix) an empty slot I–III (`isi.id` 0).
#[derive(Clone)]
pub(super) struct BarisPutaran {
    pub ke: i64,
    pub label: String,
    pub isi: Putaran,
}

fn cocok(p: &Putaran, saring: &str) -> bool {
    saring.is_empty()
        || [&p.kemajuan, &p.kendala, &p.tindak_lanjut]
            .iter()
            .any(|t| t.to_lowercase().contains(saring))
}

impl Monev {
    /// Title and rows of the open round list; `None` when its plan or activity is gone.
    pub(super) fn baris_rinci(&self) -> Option<(String, Vec<BarisPutaran>)> {
        let r = self.rinci.as_ref()?;
        let s = r.daftar.saring.to_lowercase();
        match r.asal {
            Asal::Rencana(id) => {
                let x = self.rencana.iter().find(|x| x.id == id)?;
                Some((
                    format!(
                        "Putaran pemantauan {} · target {}",
                        x.unit,
                        format_tanggal(x.target)
                    ),
                    x.putaran
                        .iter()
                        .filter(|p| cocok(p, &s))
                        .map(|p| BarisPutaran {
                            ke: p.ke,
                            label: format!("Putaran {}", p.ke),
                            isi: p.clone(),
                        })
                        .collect(),
                ))
            }
            Asal::Kegiatan(id) => {
                let g = self
                    .masalah
                    .iter()
                    .flat_map(|m| &m.kegiatan)
                    .find(|g| g.id == id)?;
                Some((
                    format!("Putaran kegiatan matriks {}", g.uraian),
                    g.putaran
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| cocok(p, &s))
                        .map(|(i, p)| BarisPutaran {
                            ke: i as i64 + 1,
                            label: format!("Putaran {}", ROMAWI[i]),
                            isi: p.clone(),
                        })
                        .collect(),
                ))
            }
        }
    }

    fn terpilih_rinci(&self) -> Option<BarisPutaran> {
        let r = self.rinci.as_ref()?;
        self.baris_rinci()?.1.get(r.daftar.pilih).cloned()
    }

    /// The list above, the selected round in full below.
    pub(super) fn tata_rinci(area: Rect) -> [Rect; 2] {
        let tinggi = (area.height * 2 / 5).max(3);
        Layout::vertical([Constraint::Length(tinggi), Constraint::Min(3)]).areas(area)
    }

    pub(super) fn gambar_rinci(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        if let Some(d) = self.rinci.as_ref().and_then(|r| r.baca.as_ref()) {
            return self.gambar_baca(f, area, k, d.pilih);
        }
        let tema = &k.tema;
        let Some((judul, baris)) = self.baris_rinci() else {
            return;
        };
        let Some(r) = self.rinci.as_ref() else {
            return;
        };
        let [atas, bawah] = Self::tata_rinci(area);
        let b = blok(k, format!(" {} ", potong(&judul, area.width as usize - 4)));
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        let mut v = Vec::new();
        if baris.is_empty() {
            v.push(Line::styled(
                crate::tui::tabs::pesan_kosong(
                    &r.daftar,
                    "Belum ada putaran. p untuk mencatat putaran baru.".into(),
                ),
                tema.redup(),
            ));
        }
        for (n, x) in baris
            .iter()
            .enumerate()
            .skip(r.daftar.awal)
            .take(dalam.height as usize)
        {
            let p = &x.isi;
            let teks = if p.id == 0 {
                format!("{} (kosong: p untuk mengisi)", pas(&x.label, 12))
            } else {
                format!(
                    "{} {:<10} {:>4}  {}",
                    pas(&x.label, 12),
                    p.tanggal.map(format_tanggal).unwrap_or_else(|| "–".into()),
                    p.kemajuan_persen
                        .map(|x| format!("{x}%"))
                        .unwrap_or_default(),
                    p.kemajuan
                )
            };
            v.push(crate::tui::tabs::baris_daftar(
                k,
                potong(&teks, (dalam.width as usize).saturating_sub(1)),
                12,
                if p.id == 0 {
                    tema.redup()
                } else {
                    Style::default()
                },
                n == r.daftar.pilih,
            ));
        }
        f.render_widget(Paragraph::new(v), dalam);

        let pilih = baris.get(r.daftar.pilih);
        let b = blok(
            k,
            format!(" {} ", pilih.map(|x| x.label.as_str()).unwrap_or("Putaran")),
        );
        let dalam = b.inner(bawah);
        f.render_widget(b, bawah);
        let Some(x) = pilih else {
            return;
        };
        let isi = self.baris_isi(&x.isi, dalam.width as usize, k);
        let muat = dalam.height as usize;
        let mut isi: Vec<Line> = isi;
        if isi.len() > muat && muat > 0 {
            isi.truncate(muat - 1);
            isi.push(Line::styled("… v untuk membaca utuh", tema.redup()));
        }
        f.render_widget(Paragraph::new(isi), dalam);
    }

    /// Every field of round `p` as lines `lebar` cells wide (headings styled).
    fn baris_isi(&self, p: &Putaran, lebar: usize, k: &Konteks) -> Vec<Line<'static>> {
        let mut isi = vec![Line::from(format!(
            "Tanggal: {}{}",
            p.tanggal.map(format_tanggal).unwrap_or_else(|| "–".into()),
            match (&self.rinci.as_ref().map(|r| r.asal), p.kemajuan_persen) {
                (Some(Asal::Rencana(_)), Some(x)) => format!(" · kemajuan {x}%"),
                (Some(Asal::Rencana(_)), None) => " · kemajuan (%) –".into(),
                _ => String::new(),
            }
        ))];
        for (label, teks) in [
            ("Kemajuan", &p.kemajuan),
            ("Kendala", &p.kendala),
            ("Tindak lanjut", &p.tindak_lanjut),
        ] {
            isi.push(Line::styled(format!("{label}:"), k.tema.judul()));
            let teks = crate::domain::teks::aman_baris(teks);
            let teks = if teks.is_empty() { "–".into() } else { teks };
            isi.extend(bungkus(&teks, lebar).into_iter().map(Line::raw));
        }
        isi
    }

    /// The number of lines the selected round takes at width `lebar`.
    fn panjang_isi(&self, lebar: usize, k: &Konteks) -> usize {
        self.terpilih_rinci()
            .map_or(0, |x| self.baris_isi(&x.isi, lebar, k).len())
    }

    /// The selected round over the whole tab, from line `awal`.
    fn gambar_baca(&self, f: &mut Frame, area: Rect, k: &Konteks, awal: usize) {
        let Some(x) = self.terpilih_rinci() else {
            return;
        };
        let judul = match self.baris_rinci() {
            Some((j, _)) => format!(" {} · {} ", x.label, j),
            None => format!(" {} ", x.label),
        };
        let b = blok(k, potong(&judul, (area.width as usize).saturating_sub(4)));
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let isi: Vec<Line> = self
            .baris_isi(&x.isi, dalam.width as usize, k)
            .into_iter()
            .skip(awal)
            .take(dalam.height as usize)
            .collect();
        f.render_widget(Paragraph::new(isi), dalam);
    }

    pub(super) fn perintah_rinci(&self, _k: &Konteks) -> Vec<Perintah> {
        if self.rinci.as_ref().is_some_and(|r| r.baca.is_some()) {
            return vec![Perintah::baru(a::K_ESC_V, teks::MONEV_BACA, Act::Kembali)];
        }
        let x = self.terpilih_rinci();
        let matriks = matches!(self.rinci.as_ref().map(|r| r.asal), Some(Asal::Kegiatan(_)));
        let tersimpan = x.as_ref().is_some_and(|x| x.isi.id > 0);
        let kosong = if matriks {
            "Putaran ini masih kosong: p atau Enter mengisinya."
        } else {
            "Belum ada putaran. p untuk mencatat putaran baru."
        };
        let bisa_tambah = !matriks || self.slot_kosong().is_some();
        let penuh = "Putaran I–III sudah terisi; pilih satu lalu Enter untuk mengubahnya.";
        vec![
            Perintah::baru(a::K_ESC, teks::MONEV_PUTARAN[0], Act::Kembali),
            Perintah::baru(a::K_ENTER_E, teks::MONEV_PUTARAN[1], Act::Ubah)
                .ubah()
                .jika(x.is_some() && (matriks || tersimpan), kosong),
            Perintah::baru(a::K_P, teks::MONEV_PUTARAN[2], Act::Putaran)
                .ubah()
                .jika(bisa_tambah, penuh),
            Perintah::baru(
                a::K_A,
                Tombol {
                    kaki: false,
                    ..teks::MONEV_PUTARAN[2]
                },
                Act::Tambah,
            )
            .ubah()
            .jika(bisa_tambah, penuh),
            Perintah::baru(a::K_D, teks::MONEV_PUTARAN[3], Act::Hapus)
                .ubah()
                .jika(tersimpan, kosong),
            Perintah::baru(a::K_V, teks::MONEV_PUTARAN[4], Act::Rincian).jika(tersimpan, kosong),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(tersimpan, kosong),
        ]
    }

    /// The first empty round I–III of the open matrix activity.
    fn slot_kosong(&self) -> Option<i64> {
        let Some(Asal::Kegiatan(id)) = self.rinci.as_ref().map(|r| r.asal) else {
            return None;
        };
        let g = self
            .masalah
            .iter()
            .flat_map(|m| &m.kegiatan)
            .find(|g| g.id == id)?;
        g.putaran
            .iter()
            .position(|p| p.id == 0)
            .map(|i| i as i64 + 1)
    }

    pub(super) fn jalankan_rinci(&mut self, act: Act, k: &Konteks) -> Efek {
        let Some(asal) = self.rinci.as_ref().map(|r| r.asal) else {
            return Efek::Tidak;
        };
        let x = self.terpilih_rinci();
        if let Some(r) = self.rinci.as_mut()
            && r.baca.is_some()
        {
            if act == Act::Kembali {
                r.baca = None;
            }
            return Efek::Tidak;
        }
        match (act, asal) {
            (Act::Kembali, _) => {
                self.rinci = None;
                Efek::Tidak
            }
            (Act::Rincian, _) => {
                self.buka_baca(k);
                Efek::Tidak
            }
            (Act::Putaran | Act::Tambah, Asal::Rencana(id)) => {
                match self.rencana.iter().position(|r| r.id == id) {
                    Some(i) => self.form_putaran(i, k),
                    None => Efek::Tidak,
                }
            }
            (Act::Putaran | Act::Tambah, Asal::Kegiatan(kid)) => match self.slot_kosong() {
                Some(ke) => self.form_putaran_matriks(kid, ke, Putaran::default(), k),
                None => Efek::Tidak,
            },
            (Act::Ubah, Asal::Rencana(_)) => match x {
                Some(x) if x.isi.id > 0 => self.form_ubah_putaran(x.isi, k),
                _ => Efek::Tidak,
            },
            (Act::Ubah, Asal::Kegiatan(kid)) => match x {
                Some(x) => self.form_putaran_matriks(kid, x.ke, x.isi, k),
                None => Efek::Tidak,
            },
            (Act::Hapus, _) => match x {
                Some(x) if x.isi.id > 0 => {
                    let p = &x.isi;
                    let tulis = match asal {
                        Asal::Rencana(_) => Tulis::HapusPutaran {
                            id: p.id,
                            versi: p.versi,
                        },
                        Asal::Kegiatan(_) => Tulis::HapusPutaranMatriks {
                            id: p.id,
                            versi: p.versi,
                        },
                    };
                    Efek::Tanya(
                        format!(
                            "Hapus {} ({}){}?",
                            x.label.to_lowercase(),
                            p.tanggal.map(format_tanggal).unwrap_or_else(|| "–".into()),
                            if p.kemajuan.is_empty() {
                                String::new()
                            } else {
                                format!(": \"{}\"", potong(&p.kemajuan, 30))
                            }
                        ),
                        tulis,
                        format!("{} dihapus.", x.label),
                    )
                }
                _ => Efek::Tidak,
            },
            (Act::Riwayat, _) => match x {
                Some(x) if x.isi.id > 0 => Efek::Riwayat(
                    match asal {
                        Asal::Rencana(_) => "monev_putaran",
                        Asal::Kegiatan(_) => "matriks_putaran",
                    },
                    x.isi.id,
                    format!("Riwayat {}", x.label.to_lowercase()),
                ),
                _ => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    /// Opens the round list of a plan or matrix activity.
    pub(super) fn buka_rinci(&mut self, asal: Asal) {
        self.rinci = Some(Rinci {
            asal,
            daftar: Daftar {
                tinggi: self.tinggi_rinci,
                ..Default::default()
            },
            baca: None,
        });
        self.atur_rinci();
    }

    /// Reads the selected round in full; the lines are counted at the size the tab has.
    fn buka_baca(&mut self, k: &Konteks) {
        let (lebar, tinggi) = self.ukuran_baca;
        let n = self.panjang_isi(lebar, k);
        if let Some(r) = self.rinci.as_mut() {
            let mut d = Daftar {
                tinggi: 1,
                ..Default::default()
            };
            // the first line shown goes down until the last line reaches the bottom
            d.atur_total(n.saturating_sub(tinggi) + 1);
            r.baca = Some(d);
        }
    }

    /// After a reload: the list keeps its target, and closes when it is gone.
    pub(super) fn atur_rinci(&mut self) {
        // `/` while reading one round filters the round list instead
        if let Some(r) = self.rinci.as_mut()
            && let Some(b) = r.baca.take_if(|b| !b.saring.is_empty())
        {
            r.daftar.saring = b.saring;
            r.daftar.pilih = 0;
            r.daftar.awal = 0;
        }
        let n = self.baris_rinci().map(|(_, b)| b.len());
        match (n, self.rinci.as_mut()) {
            (Some(n), Some(r)) => r.daftar.atur_total(n),
            _ => self.rinci = None,
        }
    }

    fn form_ubah_putaran(&mut self, p: Putaran, k: &Konteks) -> Efek {
        let judul = format!("Ubah putaran {}", p.ke);
        let f = Form::new(&judul, bidang_putaran(&p, true, k));
        self.tujuan = Some(Tujuan::UbahPutaran(p));
        Efek::Form(f)
    }

    pub(super) fn form_putaran_matriks(
        &mut self,
        kegiatan_id: i64,
        ke: i64,
        p: Putaran,
        k: &Konteks,
    ) -> Efek {
        let r = ROMAWI[(ke.clamp(1, 3) - 1) as usize];
        let judul = if p.id > 0 {
            format!("Ubah putaran {r} kegiatan matriks")
        } else {
            format!("Putaran {r} kegiatan matriks")
        };
        let mut isi = p.clone();
        if isi.id == 0 && isi.tanggal.is_none() {
            isi.tanggal = Some(k.hari_ini);
        }
        let f = Form::new(&judul, bidang_putaran(&isi, false, k));
        self.tujuan = Some(Tujuan::PutaranMatriks(kegiatan_id, ke, p));
        Efek::Form(f)
    }
}

/// The fields of a round: date, (plans only) percent, progress, problems, follow-up.
pub(super) fn bidang_putaran(p: &Putaran, rencana: bool, k: &Konteks) -> Vec<Bidang> {
    let mut v = vec![Bidang::new(
        "Tanggal",
        Jenis::Tanggal {
            batas: Some(k.hari_ini),
        },
        rencana,
        &p.tanggal.map(format_tanggal).unwrap_or_default(),
    )];
    if rencana {
        v.push(Bidang::new(
            "Kemajuan (%)",
            Jenis::Bulat,
            false,
            &p.kemajuan_persen.map(|x| x.to_string()).unwrap_or_default(),
        ));
    }
    v.push(Bidang::new("Kemajuan", Jenis::Teks, false, &p.kemajuan));
    v.push(Bidang::new("Kendala", Jenis::Teks, false, &p.kendala));
    v.push(Bidang::new(
        "Tindak lanjut",
        Jenis::Teks,
        false,
        &p.tindak_lanjut,
    ));
    v
}

#[cfg(test)]
mod tests {
    use super::bungkus;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let v = bungkus("Data usulan dusun belum lengkap", 12);
        assert_eq!(v, ["Data usulan", "dusun belum", "lengkap"]);
        assert_eq!(bungkus("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(bungkus("satu\ndua", 20), ["satu", "dua"]);
        assert_eq!(bungkus("", 20), [""]);
    }
}
