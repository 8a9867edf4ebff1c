//! Indikator: IKU 1 and IKU 2 with numerator, denominator and fiscal years; IKM with its nine
//! element scores and quality; the KAK indicators with target, realisation and achievement.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::angka::{format_desimal, format_desimal_ringkas, format_persen, format_ribuan};
use crate::domain::indikator::{Persentase, capaian};
use crate::domain::teks::potong;
use crate::store::indikator::{Iku, hitung_lingkup};
use crate::store::kegiatan::{self, IndikatorKegiatan};
use crate::store::{Hasil, ikm};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks;
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

enum Tujuan {
    Realisasi(i64, i64),
    Ikm(i64),
    /// A stored answer being corrected: (id, version read).
    UbahIkm(i64, i64),
}

pub struct IndikatorTab {
    tahun: i32,
    iku: Option<Iku>,
    unsur: Vec<(String, String)>,
    daftar: Daftar,
    baris: Vec<IndikatorKegiatan>,
    tujuan: Option<Tujuan>,
    /// The lower panel lists the year's IKM answers instead of the KAK indicators.
    lihat_ikm: bool,
    d_ikm: Daftar,
    responden: Vec<ikm::Responden>,
}

impl IndikatorTab {
    pub fn new(k: &Konteks) -> Self {
        IndikatorTab {
            tahun: k.hari_ini.year(),
            iku: None,
            unsur: Vec::new(),
            daftar: Daftar::default(),
            baris: Vec::new(),
            tujuan: None,
            lihat_ikm: false,
            d_ikm: Daftar::default(),
            responden: Vec::new(),
        }
    }

    fn terpilih_ikm(&self) -> Option<&ikm::Responden> {
        self.responden
            .get(self.d_ikm.pilih.checked_sub(self.d_ikm.awal)?)
    }

    /// The answer form: one field per element, filled with `skor` (empty for a new one).
    fn form_ikm(&self, judul: &str, skor: Option<[u8; 9]>) -> Form {
        let bidang = self
            .unsur
            .iter()
            .enumerate()
            .map(|(i, (kode, nama))| {
                Bidang::new(
                    &format!("{kode} {}", potong(nama, 24)),
                    Jenis::Kode(vec!["1".into(), "2".into(), "3".into(), "4".into()]),
                    true,
                    &skor.map(|s| s[i].to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let mut f = Form::new(judul, bidang);
        f.petunjuk = vec!["Skor 1 (tidak baik) sampai 4 (sangat baik) untuk tiap unsur.".into()];
        f
    }

    fn gambar_ikm(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        let b = blok(
            k,
            format!(
                " Jawaban survei IKM {} · {} responden ",
                self.tahun,
                format_ribuan(self.d_ikm.total as i64)
            ),
        );
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let [kepala, isi] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(dalam);
        let judul_kec = super::judul_kecamatan(k);
        let unsur: String = (1..=9).map(|i| format!("U{i} ")).collect();
        f.render_widget(
            Paragraph::new(Line::styled(
                potong(
                    &format!(" {:>6}  {judul_kec}{unsur} Rata-rata", "No"),
                    dalam.width as usize,
                ),
                tema.judul(),
            )),
            kepala,
        );
        let mut baris = Vec::new();
        if self.responden.is_empty() {
            baris.push(Line::styled(
                super::pesan_kosong(
                    &self.d_ikm,
                    format!(
                        "Belum ada jawaban survei IKM tahun {}. a untuk menambah.",
                        self.tahun
                    ),
                ),
                tema.redup(),
            ));
        }
        for (n, x) in self.responden.iter().enumerate() {
            let skor: String = x.skor.iter().map(|s| format!("{s:>2} ")).collect();
            let kec = super::kolom_kecamatan(k, x.kecamatan_id);
            let rata = crate::domain::angka::Seratus(x.rata_rata_seratus());
            let teks = format!(
                "{:>6}  {kec}{skor} {:>9}{}",
                format_ribuan((self.d_ikm.awal + n + 1) as i64),
                format_desimal_ringkas(rata),
                if x.contoh { "  contoh" } else { "" }
            );
            baris.push(super::baris_daftar(
                k,
                potong(&teks, (dalam.width as usize).saturating_sub(1)),
                6,
                ratatui::style::Style::default(),
                self.d_ikm.awal + n == self.d_ikm.pilih,
            ));
        }
        f.render_widget(Paragraph::new(baris), isi);
    }
}

fn persen(p: &Persentase) -> String {
    format!(
        "{} dari {} = {}",
        format_ribuan(p.pembilang),
        format_ribuan(p.penyebut),
        match p.nilai() {
            Some(_) => format_persen(p.nilai()),
            None => "belum ada nilai".into(),
        }
    )
}

impl Layar for IndikatorTab {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        self.iku = Some(hitung_lingkup(conn, k.lingkup, self.tahun)?);
        if self.unsur.is_empty() {
            self.unsur = ikm::nama_unsur(conn)?;
        }
        let (l, th) = (k.lingkup, self.tahun);
        self.baris = self.daftar.muat(
            |s| kegiatan::hitung_indikator(conn, l, th, s),
            |s, dari, n| kegiatan::indikator_tahun(conn, l, th, s, dari, n),
        )?;
        self.responden = self.d_ikm.muat(
            |s| ikm::hitung_responden(conn, l, th, s),
            |s, dari, n| ikm::daftar_responden(conn, l, th, s, dari, n),
        )?;
        k.siapkan_nama(
            self.baris
                .iter()
                .map(|b| b.kecamatan_id)
                .chain(self.responden.iter().map(|r| r.kecamatan_id)),
        )?;
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        // under the 9 lines of IKU and IKM: the box and the header line
        let tinggi = area.height.saturating_sub(9 + 3) as usize;
        let a = self.daftar.atur_tinggi(tinggi);
        let b = self.d_ikm.atur_tinggi(tinggi);
        a || b
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        let tema = &k.tema;
        let [atas, bawah] =
            Layout::vertical([Constraint::Length(9), Constraint::Min(3)]).areas(area);
        let b = blok(k, format!(" IKU dan IKM tahun kinerja {} ", self.tahun));
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        if let Some(iku) = &self.iku {
            let rincian: Vec<String> = iku
                .rincian
                .iter()
                .map(|(j, ta, n)| format!("{j} {ta}: {}", format_ribuan(*n)))
                .collect();
            let mut baris = vec![
                Line::from(vec![
                    Span::styled("IKU 1 ", tema.judul()),
                    Span::raw(persen(&iku.iku1)),
                ]),
                Line::styled(
                    "      fasilitasi & koordinasi ditindaklanjuti / semua",
                    tema.redup(),
                ),
                Line::from(vec![
                    Span::styled("IKU 2 ", tema.judul()),
                    Span::raw(format!(
                        "{} · {} desa × {} dokumen",
                        persen(&iku.iku2),
                        format_ribuan(iku.jumlah_desa),
                        iku.rincian.len()
                    )),
                ]),
                Line::styled(
                    potong(
                        &format!("      tepat waktu: {}", rincian.join(", ")),
                        dalam.width as usize,
                    ),
                    tema.redup(),
                ),
            ];
            match &iku.ikm {
                Some(i) => {
                    baris.push(Line::from(vec![
                        Span::styled("IKM   ", tema.judul()),
                        Span::raw(format!(
                            "{} · mutu {} ({}) · {} responden · i: daftar jawaban",
                            format_desimal(i.nilai),
                            i.mutu.huruf(),
                            i.mutu.kinerja(),
                            format_ribuan(i.responden)
                        )),
                    ]));
                    let nrr: Vec<String> = i
                        .unsur
                        .iter()
                        .enumerate()
                        .map(|(n, u)| format!("U{} {}", n + 1, format_desimal(*u)))
                        .collect();
                    baris.push(Line::raw(format!("      NRR {}", nrr[..5].join(" "))));
                    baris.push(Line::raw(format!("          {}", nrr[5..].join(" "))));
                }
                None => baris.push(Line::from(vec![
                    Span::styled("IKM   ", tema.judul()),
                    Span::raw("belum ada responden: belum ada nilai (a untuk menambah jawaban)"),
                ])),
            }
            f.render_widget(Paragraph::new(baris), dalam);
        }
        if self.lihat_ikm {
            return self.gambar_ikm(f, bawah, k);
        }
        let b = blok(k, " Indikator KAK: target, realisasi, capaian ".into());
        let dalam = b.inner(bawah);
        f.render_widget(b, bawah);
        let [kepala, isi] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(dalam);
        let judul_kec = super::judul_kecamatan(k);
        // one column for the selection mark, then the fixed columns
        let lebar = (dalam.width as usize)
            .saturating_sub(1 + crate::domain::teks::lebar(&judul_kec) + 4 + 9 + 10 + 10 + 9);
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {judul_kec}{:<4}{:<9}{:<lebar$}{:>10}{:>10}{:>9}",
                    "Keg", "Tingkat", "Uraian", "Target", "Realisasi", "Capaian"
                ),
                tema.judul(),
            )),
            kepala,
        );
        let mut baris = Vec::new();
        if self.baris.is_empty() {
            baris.push(Line::styled(
                super::pesan_kosong(
                    &self.daftar,
                    format!(
                        "Belum ada indikator kegiatan tahun {}. Tambah di tab Kegiatan.",
                        self.tahun
                    ),
                ),
                tema.redup(),
            ));
        }
        for (n, x) in self.baris.iter().enumerate() {
            let i = &x.indikator;
            let angka = |v: Option<crate::domain::angka::Seratus>| {
                v.map(format_desimal_ringkas).unwrap_or_else(|| "–".into())
            };
            let kec = super::kolom_kecamatan(k, x.kecamatan_id);
            // IKU 1, IKU 2 and the IKM are computed (marked =), the rest typed
            let (realisasi, tanda) = match &x.hitungan {
                Some(h) => (h.nilai(), "="),
                None => (i.realisasi, " "),
            };
            let teks = format!(
                "{kec}{:<4}{:<9}{}{:>10}{:>9}{tanda}{:>9}",
                x.kode_kegiatan.rsplit('.').next().unwrap_or(""),
                i.tingkat,
                crate::domain::teks::pas(&i.uraian, lebar),
                angka(i.target),
                angka(realisasi),
                format_persen(match &x.hitungan {
                    Some(h) => h.capaian(i.target),
                    None => capaian(i.target, realisasi),
                })
            );
            baris.push(super::baris_daftar(
                k,
                teks,
                crate::domain::teks::lebar(&kec) + 3,
                ratatui::style::Style::default(),
                self.daftar.awal + n == self.daftar.pilih,
            ));
        }
        f.render_widget(Paragraph::new(baris), isi);
    }

    fn perintah(&self, k: &Konteks) -> Vec<Perintah> {
        let [lalu, depan] = a::perintah_tahun(teks::INDIKATOR[0]);
        if self.lihat_ikm {
            let ada = self.terpilih_ikm().is_some();
            let kosong = format!("Belum ada jawaban survei IKM tahun {}.", self.tahun);
            return vec![
                Perintah::baru(a::K_ENTER_E, teks::INDIKATOR_IKM[2], Act::Ubah)
                    .ubah()
                    .jika(ada, kosong.clone()),
                Perintah::baru(a::K_D, teks::INDIKATOR_IKM[3], Act::Hapus)
                    .ubah()
                    .jika(ada, kosong.clone()),
                Perintah::baru(a::K_A, teks::INDIKATOR_IKM[1], Act::Tambah)
                    .ubah()
                    .jika_ok(&k.satu_kecamatan),
                Perintah::baru(a::K_I, teks::INDIKATOR_IKM[0], Act::Rincian),
                lalu,
                depan,
                Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, kosong),
            ];
        }
        let ada = !self.baris.is_empty();
        vec![
            lalu,
            depan,
            Perintah::baru(a::K_ENTER_E, teks::INDIKATOR[1], Act::Ubah)
                .ubah()
                .jika(ada, "Belum ada indikator kegiatan tahun ini.")
                .jika(
                    self.baris
                        .get(self.daftar.pilih.saturating_sub(self.daftar.awal))
                        .is_none_or(|x| x.hitungan.is_none()),
                    "Realisasi ini dihitung pantau (IKU/IKM); ubah Sumber di KAK untuk mengisinya sendiri.",
                ),
            Perintah::baru(a::K_A, teks::INDIKATOR[2], Act::Tambah)
                .ubah()
                .jika_ok(&k.satu_kecamatan),
            Perintah::baru(a::K_I, teks::INDIKATOR[3], Act::Rincian),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(ada, ""),
        ]
    }

    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        Some(crate::tui::ekspor::Apa::Iku(self.tahun))
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        let terpilih = self
            .baris
            .get(self.daftar.pilih.saturating_sub(self.daftar.awal));
        if self.lihat_ikm {
            match act {
                Act::Rincian => self.lihat_ikm = false,
                Act::Ubah => {
                    let Some(x) = self.terpilih_ikm().cloned() else {
                        return Efek::Tidak;
                    };
                    self.tujuan = Some(Tujuan::UbahIkm(x.id, x.versi));
                    return Efek::Form(self.form_ikm(
                        &format!(
                            "Ubah jawaban IKM {} no. {}",
                            self.tahun,
                            format_ribuan(self.d_ikm.pilih as i64 + 1)
                        ),
                        Some(x.skor),
                    ));
                }
                Act::Hapus => {
                    let Some(x) = self.terpilih_ikm() else {
                        return Efek::Tidak;
                    };
                    let skor: Vec<String> = x.skor.iter().map(|s| s.to_string()).collect();
                    return Efek::Tanya(
                        format!(
                            "Hapus jawaban IKM {} no. {} (skor {})?",
                            self.tahun,
                            format_ribuan(self.d_ikm.pilih as i64 + 1),
                            skor.join(" ")
                        ),
                        Tulis::HapusIkm {
                            id: x.id,
                            versi: x.versi,
                        },
                        "Jawaban IKM dihapus.".into(),
                    );
                }
                Act::Riwayat => {
                    if let Some(x) = self.terpilih_ikm() {
                        return Efek::Riwayat(
                            "ikm_responden",
                            x.id,
                            format!("Riwayat jawaban IKM no. {}", self.d_ikm.pilih + 1),
                        );
                    }
                }
                Act::Tambah => {}
                _ => return Efek::Tidak,
            }
            if act != Act::Tambah {
                return Efek::Tidak;
            }
        }
        match act {
            Act::Rincian => {
                self.lihat_ikm = true;
                Efek::Tidak
            }
            Act::Ubah => {
                let Some(x) = terpilih else {
                    return Efek::Tidak;
                };
                let i = &x.indikator;
                self.tujuan = Some(Tujuan::Realisasi(i.id, i.versi));
                let mut f = Form::new(
                    &format!("Realisasi: {}", potong(&i.uraian, 50)),
                    vec![Bidang::new(
                        "Realisasi",
                        Jenis::Desimal,
                        false,
                        &i.realisasi.map(format_desimal_ringkas).unwrap_or_default(),
                    )],
                );
                f.petunjuk = vec![format!(
                    "Target: {} {}; kosongkan untuk menghapus realisasi.",
                    i.target
                        .map(format_desimal_ringkas)
                        .unwrap_or_else(|| "–".into()),
                    i.satuan
                )];
                Efek::Form(f)
            }
            Act::Tambah => {
                let Ok(kec) = k.satu_kecamatan.clone() else {
                    return Efek::Tidak;
                };
                self.tujuan = Some(Tujuan::Ikm(kec));
                Efek::Form(self.form_ikm(&format!("Jawaban survei IKM {}", self.tahun), None))
            }
            Act::Riwayat => match terpilih {
                Some(x) => Efek::Riwayat(
                    "indikator",
                    x.indikator.id,
                    format!("Riwayat indikator: {}", potong(&x.indikator.uraian, 40)),
                ),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        match self.tujuan {
            Some(Tujuan::Realisasi(id, versi)) => Ok((
                Tulis::Realisasi {
                    id,
                    versi,
                    nilai: form::desimal(&f.teks(0)),
                },
                "Realisasi disimpan.".into(),
            )),
            Some(Tujuan::UbahIkm(id, versi)) => Ok((
                Tulis::UbahIkm {
                    id,
                    versi,
                    skor: skor_form(f)?,
                },
                format!("Jawaban survei IKM {} diperbaiki.", self.tahun),
            )),
            Some(Tujuan::Ikm(kec)) => {
                let skor = skor_form(f)?;
                let tahun = self.tahun;
                Ok((
                    Tulis::Ikm {
                        kecamatan_id: kec,
                        tahun,
                        skor,
                    },
                    format!("Jawaban survei IKM {tahun} ditambahkan."),
                ))
            }
            None => Err("tidak ada yang disimpan".into()),
        }
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        Some(&mut self.tahun)
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        Some(if self.lihat_ikm {
            &mut self.d_ikm
        } else {
            &mut self.daftar
        })
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        Some(if self.lihat_ikm {
            &self.d_ikm
        } else {
            &self.daftar
        })
    }
}

/// The nine scores of the answer form (each field already checked to be 1–4).
fn skor_form(f: &Form) -> Result<[u8; 9], String> {
    let mut skor = [0u8; 9];
    for (i, s) in skor.iter_mut().enumerate() {
        *s = f
            .teks(i)
            .parse()
            .map_err(|_| format!("U{}: isi 1–4", i + 1))?;
    }
    Ok(skor)
}
