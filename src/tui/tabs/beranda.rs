//! Beranda: the morning check. The counts are `pantau cek`'s: the same candidates and rules,
//! read from the tally the database keeps current, and only the rows on screen are fetched, so
//! the whole country opens as fast as one kecamatan.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Layar, blok};
use crate::domain::angka::{format_desimal, format_persen, format_ribuan};
use crate::domain::indikator::Persentase;
use crate::domain::jadwal::StatusKejadian;
use crate::domain::tanggal::{format_tanggal, nama_bulan, nama_bulan_pendek};
use crate::domain::teks::potong;
use crate::store::dokumen::{self, ItemCek, RingkasanCek};
use crate::store::indikator::{Iku, hitung_lingkup};
use crate::store::kegiatan::{self, RingkasanJadwal};
use crate::store::profil::{self, Profil};
use crate::store::{Hasil, wilayah};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks;
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{Bidang, Form, Jenis};

pub struct Beranda {
    tahun: i32,
    kosong: bool,
    ringkasan: RingkasanCek,
    /// The rows on screen (from `daftar.awal`).
    item: Vec<ItemCek>,
    /// With a filter: the matching rows, as far as `SIMPAN_SARING` (see `Saringan`).
    tersaring: Option<Saringan>,
    daftar: Daftar,
    jadwal: RingkasanJadwal,
    iku: Option<Iku>,
    /// The sample kecamatan in scope (`C` removes them).
    contoh: Vec<wilayah::Kecamatan>,
    /// The profile of the one kecamatan in scope (`P` edits it), or why there is none.
    profil: Result<Profil, String>,
    /// The profile as the open form read it (id and version for the write).
    profil_form: Option<Profil>,
}

impl Beranda {
    pub fn new(k: &Konteks) -> Self {
        Beranda {
            contoh: Vec::new(),
            tahun: k.hari_ini.year(),
            kosong: false,
            ringkasan: RingkasanCek::default(),
            item: Vec::new(),
            tersaring: None,
            daftar: Daftar::default(),
            jadwal: RingkasanJadwal::default(),
            iku: None,
            profil: Err(String::new()),
            profil_form: None,
        }
    }

    fn halaman(&mut self, k: &Konteks) -> Hasil<()> {
        let (awal, tinggi) = (self.daftar.awal, self.daftar.tinggi.max(1));
        self.item = match &self.tersaring {
            Some(x) => x.item.iter().skip(awal).take(tinggi).cloned().collect(),
            None => dokumen::halaman_cek(
                k.store.conn(),
                k.lingkup,
                &self.ringkasan,
                k.hari_ini,
                k.jendela,
                awal as i64,
                tinggi as i64,
            )?,
        };
        Ok(())
    }
}

/// Rows a filter keeps in memory at most (a few MB); past it the screen says how many match
/// and asks for a narrower filter: over the whole country one letter matches most of the
/// check.
const SIMPAN_SARING: usize = 10_000;

/// The rows matching a filter, read once per filter and change of the data.
struct Saringan {
    generasi: u64,
    saring: String,
    item: Vec<ItemCek>,
    /// Every match, also those not kept.
    jumlah: usize,
    /// All the matches are in `item`.
    lengkap: bool,
}

/// A row matches a filter by desa, code, kecamatan, kind, or a status word as the screens
/// write it (`lewat`, `segera`, `lewat tenggat`, `mendekati tenggat` …), or `kantor` for
/// the office's own tasks.
/// A word that picks rows by what they are, not by their text (a status, the office's
/// tasks, the estimates): a longer filter is not a narrower one.
fn kata_khusus(s: &str) -> bool {
    dokumen::status_dari_kata(s).is_some() || s == "kantor" || s == "perkiraan"
}

fn cocok(i: &ItemCek, s: &str) -> bool {
    dokumen::status_dari_kata(s) == Some(i.status)
        || (s == "kantor" && i.pelaku == crate::domain::aturan::Pelaku::Camat)
        || (s == "perkiraan" && i.perkiraan)
        || i.desa.to_lowercase().contains(s)
        || i.kode_desa.contains(s)
        || i.kecamatan.to_lowercase().contains(s)
        || i.jenis.to_lowercase().contains(s)
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
        self.contoh = wilayah::kecamatan_contoh(conn)?;
        if let wilayah::Lingkup::Kecamatan(id) = k.lingkup {
            self.contoh.retain(|x| x.id == id);
        }
        if self.kosong {
            return Ok(());
        }
        self.profil = match &k.satu_kecamatan {
            Ok(id) => profil::profil(conn, *id)?.ok_or_else(|| "Kecamatan tidak ada.".into()),
            Err(e) => Err(e.replace("untuk menambah", "untuk mengubah profilnya")),
        };
        let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
        self.ringkasan =
            dokumen::ringkasan_cek(conn, k.lingkup, k.hari_ini, k.jendela, tahun_awal)?;
        let s = self.daftar.saring.to_lowercase();
        self.tersaring = if s.is_empty() {
            None
        } else {
            let generasi = k.generasi.get();
            // a filter that only grew (a letter typed) narrows the rows kept, when all the
            // matches were kept: the check is not read again for each key
            match self.tersaring.take() {
                Some(mut x)
                    if x.generasi == generasi
                        && x.lengkap
                        && s.contains(&x.saring)
                        && !kata_khusus(&s) =>
                {
                    x.item.retain(|i| cocok(i, &s));
                    x.jumlah = x.item.len();
                    x.saring = s;
                    Some(x)
                }
                _ => {
                    let mut x = Saringan {
                        generasi,
                        saring: s.clone(),
                        item: Vec::new(),
                        jumlah: 0,
                        lengkap: true,
                    };
                    let _baca = dokumen::bacaan_cek(conn)?;
                    dokumen::tiap_cek(
                        conn,
                        k.lingkup,
                        &self.ringkasan,
                        k.hari_ini,
                        k.jendela,
                        |i| {
                            if cocok(&i, &s) {
                                x.jumlah += 1;
                                if x.item.len() < SIMPAN_SARING {
                                    x.item.push(i);
                                } else {
                                    x.lengkap = false;
                                }
                            }
                            true
                        },
                    )?;
                    Some(x)
                }
            }
        };
        let total = match &self.tersaring {
            Some(x) => x.item.len(),
            None => self.ringkasan.jumlah() as usize,
        };
        self.daftar.atur_total(total);
        self.halaman(k)?;
        // this month and next; the months before this one have passed
        let bulan = k.hari_ini.month();
        let tahun_ini = k.hari_ini.year();
        self.jadwal =
            kegiatan::ringkasan_jadwal(conn, k.lingkup, tahun_ini, bulan - 1, &[bulan, bulan + 1])?;
        self.iku = Some(hitung_lingkup(conn, k.lingkup, self.tahun)?);
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        let tinggi_bawah = if area.height < 20 { 6 } else { 8 };
        self.daftar
            .atur_tinggi(area.height.saturating_sub(tinggi_bawah + 2) as usize)
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
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
        let mut kantor = if self.ringkasan.tugas_kantor > 0 {
            format!(
                "· {} tugas kantor ",
                format_ribuan(self.ringkasan.tugas_kantor)
            )
        } else {
            String::new()
        };
        if self.ringkasan.perkiraan > 0 {
            kantor.push_str("· ~ perkiraan ");
        }
        let judul = format!(
            " Dokumen desa: {} lewat tenggat, {} mendekati tenggat ({} hari) {kantor}",
            format_ribuan(self.ringkasan.lewat_tenggat),
            format_ribuan(self.ringkasan.mendekati_tenggat),
            k.jendela
        );
        // shorter forms while the title does not fit the frame
        let muat = |t: &str| crate::domain::teks::lebar(t) + 2 <= atas.width as usize;
        let judul = if kantor.is_empty() || muat(&judul) {
            judul
        } else {
            let ringkas = format!(
                " Dokumen: {} lewat, {} mendekati tenggat ({} hari) {kantor}",
                format_ribuan(self.ringkasan.lewat_tenggat),
                format_ribuan(self.ringkasan.mendekati_tenggat),
                k.jendela
            );
            if muat(&ringkas) {
                ringkas
            } else {
                format!(
                    " Dokumen: {} lewat, {} mendekati ({} hari) {kantor}",
                    format_ribuan(self.ringkasan.lewat_tenggat),
                    format_ribuan(self.ringkasan.mendekati_tenggat),
                    k.jendela
                )
            }
        };
        let judul = match &self.tersaring {
            Some(x) if !x.lengkap => format!(
                " {} cocok, {} pertama ditampilkan: persempit saringan ",
                format_ribuan(x.jumlah as i64),
                format_ribuan(x.item.len() as i64)
            ),
            _ => judul,
        };
        let b = blok(k, potong(&judul, atas.width.saturating_sub(2) as usize));
        let dalam = b.inner(atas);
        f.render_widget(b, atas);
        let mut baris = Vec::new();
        if self.item.is_empty() {
            baris.push(Line::styled(
                if self.daftar.saring.is_empty() {
                    "Tidak ada dokumen yang lewat tenggat atau jatuh tempo."
                } else {
                    "Tidak ada yang cocok dengan saringan."
                },
                tema.berhasil(),
            ));
        }
        for (n, it) in self.item.iter().enumerate().take(dalam.height as usize) {
            let gaya = tema.status(it.status);
            // the office's own task (the camat's evaluation), not the desa's
            let desa = if it.pelaku == crate::domain::aturan::Pelaku::Camat {
                format!("[kantor] {}", it.desa)
            } else {
                it.desa.clone()
            };
            // `~` after the date: counted through a year whose days off are not loaded
            let kepala = format!(
                "{} {}{}",
                tema.simbol(it.status),
                format_tanggal(it.tenggat),
                if it.perkiraan { "~" } else { "" }
            );
            let ekor = if k.banyak_kecamatan {
                // over several kecamatan: the status in a word, then the desa's code (which
                // tells apart the hundreds of same-named desa) and its kecamatan and name in
                // what is left of the line
                let tetap = crate::domain::teks::lebar(&kepala) + 1 + 7 + 6 + 2 + 14 + 12;
                let lebar = (dalam.width as usize).saturating_sub(tetap).max(10);
                format!(
                    " {:<6} {:>5}  {} {} {} {}",
                    crate::tui::tema::Tema::kata_pendek(it.status),
                    format_ribuan(it.hari),
                    it.kode_desa,
                    crate::domain::teks::pas(&format!("{} · {desa}", it.kecamatan), lebar),
                    it.jenis,
                    it.tahun_anggaran
                )
            } else {
                format!(
                    " {:<17} {:>5}  {} {} {}",
                    it.status.label(),
                    format_ribuan(it.hari),
                    crate::domain::teks::pas(&desa, 22),
                    it.jenis,
                    it.tahun_anggaran
                )
            };
            let dipilih = self.daftar.awal + n == self.daftar.pilih;
            let lebar_kepala = crate::domain::teks::lebar(&kepala);
            baris.push(super::baris_daftar(
                k,
                format!("{kepala}{ekor}"),
                lebar_kepala,
                gaya,
                dipilih,
            ));
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
        if self.jadwal.terlewat > 0 {
            let contoh: Vec<String> = self
                .jadwal
                .contoh_terlewat
                .iter()
                .take(2)
                .map(|(nama, m)| format!("{nama} ({})", nama_bulan(*m)))
                .collect();
            let (s, gaya) = tema.kejadian(StatusKejadian::Terlewat);
            baris.push(Line::styled(
                potong(
                    &format!(
                        "{s} {} terlewat: {}",
                        format_ribuan(self.jadwal.terlewat),
                        contoh.join("; ")
                    ),
                    dalam.width as usize,
                ),
                gaya,
            ));
        }
        for (m, nama, jumlah, selesai) in &self.jadwal.dekat {
            let st = if *selesai >= *jumlah {
                StatusKejadian::Selesai
            } else if *m == bulan {
                StatusKejadian::BulanIni
            } else {
                StatusKejadian::Direncanakan
            };
            let (s, gaya) = tema.kejadian(st);
            // over several kecamatan: how many have done it
            let berapa = if *jumlah > 1 {
                format!(" {}/{}", format_ribuan(*selesai), format_ribuan(*jumlah))
            } else {
                String::new()
            };
            let lebar = (dalam.width as usize).saturating_sub(6 + berapa.chars().count());
            baris.push(Line::from(vec![
                Span::styled(format!("{s} "), gaya),
                Span::raw(format!("{:<4}", nama_bulan_pendek(*m))),
                Span::raw(potong(nama, lebar)),
                Span::styled(berapa, tema.redup()),
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
                        format_ribuan(i.responden)
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

    fn muat_halaman(&mut self, k: &Konteks) -> Hasil<()> {
        self.halaman(k)
    }

    fn perintah(&self, _k: &Konteks) -> Vec<Perintah> {
        if self.kosong {
            return vec![Perintah::baru(a::K_C, teks::BERANDA_KOSONG[0], Act::Contoh).ubah()];
        }
        let ada = !self.item.is_empty();
        let [lalu, depan] = a::perintah_tahun(teks::BERANDA[0]);
        let mut v = Vec::new();
        // first: while the sample is there, removing it is what the footer must show
        if !self.contoh.is_empty() {
            v.push(Perintah::baru(a::K_C_BESAR, teks::BERANDA_CONTOH, Act::HapusSemua).ubah());
        }
        v.extend([
            lalu,
            depan,
            Perintah::baru(a::K_ENTER, teks::BERANDA[1], Act::Buka).jika(
                ada,
                "Tidak ada dokumen yang lewat tenggat atau jatuh tempo.",
            ),
            Perintah::baru(a::K_P_BESAR, teks::BERANDA_PROFIL, Act::Profil)
                .ubah()
                .jika_ok(
                    &self
                        .profil
                        .as_ref()
                        .map(|p| p.kecamatan_id)
                        .map_err(Clone::clone),
                ),
        ]);
        v
    }

    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        (!self.kosong).then_some(crate::tui::ekspor::Apa::Cek)
    }

    fn jalankan(&mut self, act: Act, _k: &Konteks) -> Efek {
        match act {
            Act::Contoh => Efek::MuatContoh,
            Act::HapusSemua if !self.contoh.is_empty() => {
                let nama: Vec<String> = self
                    .contoh
                    .iter()
                    .map(|x| format!("{} ({})", x.nama, x.kode))
                    .collect();
                Efek::TanyaHapus(
                    wilayah::Sasaran::Kecamatan(self.contoh.iter().map(|x| x.id).collect()),
                    format!("kecamatan contoh {}", nama.join(", ")),
                    format!("Kecamatan contoh {} dihapus.", nama.join(", ")),
                )
            }
            Act::Profil => {
                let Ok(p) = &self.profil else {
                    return Efek::Tidak;
                };
                self.profil_form = Some(p.clone());
                let nilai = [
                    p.alamat.clone(),
                    p.telepon.clone(),
                    p.kode_pos.clone(),
                    p.camat.clone(),
                    profil::format_nip(&p.nip),
                    p.tempat.clone(),
                    p.pola_nomor.clone(),
                ];
                Efek::Form(Form::new(
                    &format!("{} {} ({})", teks::PROFIL_JUDUL, p.nama, p.kode),
                    teks::PROFIL_LABEL
                        .iter()
                        .zip(nilai)
                        .map(|(l, n)| Bidang::new(l, Jenis::Teks, false, &n))
                        .collect(),
                ))
            }
            Act::Buka => match self
                .item
                .get(self.daftar.pilih.saturating_sub(self.daftar.awal))
            {
                Some(i) => Efek::KeDesa(i.kode_desa.clone(), i.jenis.clone(), i.tahun_anggaran),
                None => Efek::Tidak,
            },
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        let p = self.profil_form.as_ref().ok_or("tidak ada yang disimpan")?;
        let ubah = profil::UbahProfil {
            alamat: Some(f.teks(0)),
            telepon: Some(f.teks(1)),
            kode_pos: Some(f.teks(2)),
            camat: Some(f.teks(3)),
            nip: Some(f.teks(4)),
            tempat: Some(f.teks(5)),
            pola_nomor: Some(f.teks(6)),
        };
        Ok((
            Tulis::Profil {
                kecamatan_id: p.kecamatan_id,
                versi: p.versi,
                ubah,
            },
            teks::PROFIL_DISIMPAN.into(),
        ))
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        if self.kosong {
            None
        } else {
            Some(&mut self.tahun)
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.kosong {
            None
        } else {
            Some(&mut self.daftar)
        }
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        if self.kosong {
            None
        } else {
            Some(&self.daftar)
        }
    }
}
