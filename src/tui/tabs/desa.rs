//! Desa: one row per desa, one column per document of the chosen fiscal year; the document
//! form; a desa's detail with every year's documents and its inconsistencies.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Layar, blok, pesan_galat};
use crate::domain::angka::{format_desimal_ringkas, format_ribuan};
use crate::domain::desa::periksa_penduduk;
use crate::domain::kode::{JenisWilayah, parse_kode_desa};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::potong;
use crate::domain::tenggat::{self, Status};
use crate::store::dokumen::{self, BarisDokumen, Dokumen, IsiDokumen, JenisDokumen};
use crate::store::wilayah::{self, Desa};
use crate::store::{Galat, Hasil};
use crate::tui::app::{Aksi, Konteks};
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis};

enum Tujuan {
    Dokumen {
        desa_id: i64,
        jenis_id: i64,
        ta: i32,
        versi: Option<i64>,
    },
    UbahDesa(Desa),
    DesaBaru,
}

pub struct DesaTab {
    ta: i32,
    daftar: Daftar,
    kolom: usize,
    jenis: Vec<JenisDokumen>,
    baris: Vec<BarisDokumen>,
    rinci: Option<(Desa, Vec<Dokumen>)>,
    tujuan: Option<Tujuan>,
    hapus: Option<(i64, i64, i32, i64)>,
    /// Select this desa code after the next load (from Beranda).
    cari: Option<String>,
    /// First tracked fiscal year: earlier years are shown without deadline statuses.
    tahun_awal: i32,
}

impl DesaTab {
    pub fn new(k: &Konteks) -> Self {
        DesaTab {
            ta: k.hari_ini.year(),
            daftar: Daftar::default(),
            kolom: 0,
            jenis: Vec::new(),
            baris: Vec::new(),
            rinci: None,
            tujuan: None,
            hapus: None,
            cari: None,
            tahun_awal: i32::MIN,
        }
    }

    fn terpilih(&self) -> Option<&BarisDokumen> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }

    fn status(&self, j: &JenisDokumen, d: Option<&Dokumen>, k: &Konteks) -> Status {
        tenggat::status(
            d.and_then(|d| d.tanggal),
            j.aturan.tenggat(self.ta),
            k.hari_ini,
            k.jendela,
        )
    }

    fn form_dokumen(&mut self, k: &Konteks) -> Aksi {
        let Some(b) = self.terpilih() else {
            return Aksi::Tidak;
        };
        if b.kelurahan {
            return Aksi::Galat(format!(
                "{} adalah kelurahan: tidak ada dokumen desa",
                b.nama
            ));
        }
        let Some(j) = self.jenis.get(self.kolom) else {
            return Aksi::Tidak;
        };
        let d = b.dokumen.get(self.kolom).cloned().flatten();
        let judul = format!(
            "{} TA {} · {} ({}) · tenggat {}",
            j.kode,
            self.ta,
            b.nama,
            b.kode,
            format_tanggal(j.aturan.tenggat(self.ta))
        );
        let mut f = Form::new(
            &judul,
            vec![
                Bidang::new(
                    "Tanggal",
                    Jenis::TanggalDokumen {
                        batas: k.hari_ini,
                        jenis: j.kode.clone(),
                        aturan: j.aturan,
                        ta: self.ta,
                    },
                    false,
                    &d.as_ref()
                        .and_then(|d| d.tanggal)
                        .map(format_tanggal)
                        .unwrap_or_default(),
                ),
                Bidang::new(
                    "Nomor",
                    Jenis::Teks,
                    false,
                    d.as_ref().map(|d| d.nomor.as_str()).unwrap_or(""),
                ),
                Bidang::new(
                    "Keterangan",
                    Jenis::Teks,
                    false,
                    d.as_ref().map(|d| d.keterangan.as_str()).unwrap_or(""),
                ),
            ],
        );
        f.petunjuk = vec![
            j.keterangan_aturan.clone(),
            format!("Dasar hukum: {}", j.dasar_hukum),
            "Tanggal DD/MM/YYYY; kosongkan semua bidang untuk menghapus catatan.".into(),
        ];
        self.tujuan = Some(Tujuan::Dokumen {
            desa_id: b.desa_id,
            jenis_id: j.id,
            ta: self.ta,
            versi: d.map(|d| d.versi),
        });
        Aksi::Form(f)
    }

    fn form_desa(&mut self, d: Option<Desa>) -> Aksi {
        let angka = |v: Option<i64>| v.map(format_ribuan).unwrap_or_default();
        let x = d.clone().unwrap_or_default();
        let mut bidang = Vec::new();
        if d.is_none() {
            bidang.push(Bidang::new("Kode", Jenis::Teks, true, ""));
        }
        bidang.extend([
            Bidang::new("Nama", Jenis::Teks, true, &x.nama),
            Bidang::new(
                "Luas (km²)",
                Jenis::Desimal,
                false,
                &x.luas_km2.map(format_desimal_ringkas).unwrap_or_default(),
            ),
            Bidang::new("Dusun", Jenis::Bulat, false, &angka(x.dusun)),
            Bidang::new("RW", Jenis::Bulat, false, &angka(x.rw)),
            Bidang::new("RT", Jenis::Bulat, false, &angka(x.rt)),
            Bidang::new("Laki-laki", Jenis::Bulat, false, &angka(x.laki_laki)),
            Bidang::new("Perempuan", Jenis::Bulat, false, &angka(x.perempuan)),
            Bidang::new(
                "Jumlah penduduk",
                Jenis::Bulat,
                false,
                &angka(x.jumlah_penduduk),
            ),
            Bidang::new("Rumah tangga", Jenis::Bulat, false, &angka(x.rumah_tangga)),
            Bidang::new("Keterangan", Jenis::Teks, false, &x.keterangan),
        ]);
        let judul = match &d {
            Some(d) => format!("Ubah desa {} ({})", d.nama, d.kode),
            None => "Tambah desa (kode PP.KK.CC.DDDD, kecamatan harus sudah ada)".into(),
        };
        self.tujuan = Some(match d {
            Some(d) => Tujuan::UbahDesa(d),
            None => Tujuan::DesaBaru,
        });
        Aksi::Form(Form::new(&judul, bidang))
    }

    fn muat_rinci(&mut self, k: &Konteks, desa_id: i64) -> Hasil<()> {
        let d = wilayah::desa_id(k.store.conn(), desa_id)?;
        self.rinci = match d {
            Some(d) => {
                let dok = dokumen::dokumen_desa(k.store.conn(), d.id)?;
                Some((d, dok))
            }
            None => None,
        };
        Ok(())
    }

    fn gambar_rinci(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        let Some((d, dok)) = &self.rinci else { return };
        let tema = &k.tema;
        let angka = |v: Option<i64>| v.map(format_ribuan).unwrap_or_else(|| "–".into());
        let jenis_wil = parse_kode_desa(&d.kode)
            .map(|x| x.jenis.label())
            .unwrap_or(JenisWilayah::Desa.label());
        let mut baris = vec![
            Line::from(vec![
                Span::styled(format!("{} ", d.nama), tema.judul()),
                Span::raw(format!("({}, {jenis_wil})", d.kode)),
                Span::styled(if d.contoh { "  [contoh]" } else { "" }, tema.redup()),
            ]),
            Line::raw(format!(
                "Luas: {} km²   Dusun: {}   RW: {}   RT: {}",
                d.luas_km2
                    .map(format_desimal_ringkas)
                    .unwrap_or_else(|| "–".into()),
                angka(d.dusun),
                angka(d.rw),
                angka(d.rt)
            )),
            Line::raw(format!(
                "Penduduk: laki-laki {}, perempuan {}, jumlah {}; rumah tangga {}",
                angka(d.laki_laki),
                angka(d.perempuan),
                angka(d.jumlah_penduduk),
                angka(d.rumah_tangga)
            )),
        ];
        if let Some(p) = crate::domain::desa::periksa_luas(d.luas_km2) {
            baris.push(Line::styled(format!("! Periksa: {p}"), tema.galat()));
        }
        if let Some(p) = periksa_penduduk(d.laki_laki, d.perempuan, d.jumlah_penduduk) {
            baris.push(Line::styled(
                format!("! Tidak konsisten: {p}"),
                tema.galat(),
            ));
        }
        if !d.keterangan.is_empty() {
            baris.push(Line::raw(format!("Keterangan: {}", d.keterangan)));
        }
        baris.push(Line::raw(""));
        baris.push(Line::styled("Dokumen semua tahun anggaran", tema.judul()));
        if dok.is_empty() {
            baris.push(Line::styled("Belum ada dokumen tercatat.", tema.redup()));
        }
        for x in dok {
            let Some(j) = self.jenis.iter().find(|j| j.id == x.jenis_id) else {
                continue;
            };
            let st = tenggat::status(
                x.tanggal,
                j.aturan.tenggat(x.tahun_anggaran),
                k.hari_ini,
                k.jendela,
            );
            baris.push(Line::from(vec![
                Span::raw(format!("TA {} {:<7} ", x.tahun_anggaran, j.kode)),
                Span::styled(
                    format!("{} {:<12}", tema.simbol(st), st.label()),
                    tema.status(st),
                ),
                Span::raw(format!(
                    " {}  {}",
                    x.tanggal.map(format_tanggal).unwrap_or_else(|| "–".into()),
                    potong(&x.nomor, 30)
                )),
            ]));
        }
        f.render_widget(
            Paragraph::new(baris).wrap(ratatui::widgets::Wrap { trim: false }),
            blok(k, " Rincian desa ".into()).inner(area),
        );
        f.render_widget(blok(k, " Rincian desa ".into()), area);
    }
}

impl Layar for DesaTab {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        self.jenis = dokumen::daftar_jenis(conn)?;
        self.tahun_awal = k.store.tahun_awal(k.hari_ini)?;
        if let Some(kode) = self.cari.take() {
            // position of the desa in the (unfiltered) list
            self.daftar.saring.clear();
            let posisi = wilayah::posisi_desa(conn, k.lingkup, &kode)?;
            self.daftar.pilih = posisi as usize;
        }
        let (l, ta) = (k.lingkup, self.ta);
        self.baris = self.daftar.muat(
            |s| wilayah::hitung_desa(conn, l, s),
            |s, dari, n| dokumen::halaman_dokumen(conn, l, ta, s, dari, n),
        )?;
        if let Some((d, _)) = &self.rinci {
            let id = d.id;
            self.muat_rinci(k, id)?;
        }
        Ok(())
    }

    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks) {
        if self.rinci.is_some() {
            self.gambar_rinci(f, area, k);
            return;
        }
        let tema = &k.tema;
        let tenggat_teks: Vec<String> = self
            .jenis
            .iter()
            .map(|j| format!("{} {}", j.kode, format_tanggal(j.aturan.tenggat(self.ta))))
            .collect();
        let b = blok(
            k,
            format!(" TA {} · tenggat: {} ", self.ta, tenggat_teks.join(", ")),
        );
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let [kepala, isi, legenda] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(dalam);
        if self.daftar.atur_tinggi(isi.height as usize) {
            let _ = self.muat(k);
        }
        let lebar_nama = if dalam.width < 70 { 12usize } else { 18 };
        let sisa = (dalam.width as usize).saturating_sub(14 + lebar_nama + 1);
        // in a narrow terminal the code gives way to the documents
        let lebar_sel = (sisa / self.jenis.len().max(1)).max(8);
        // over several kecamatan the first column names the kecamatan (the code is in the
        // desa's detail, and / finds it)
        let judul_kode = if k.banyak_kecamatan {
            "Kecamatan"
        } else {
            "Kode"
        };
        let mut judul = vec![Span::styled(
            format!("{judul_kode:<14}{:<lebar_nama$} ", "Desa"),
            tema.judul(),
        )];
        let dilacak = self.ta >= self.tahun_awal;
        for (i, j) in self.jenis.iter().enumerate() {
            let gaya = if i == self.kolom {
                tema.judul().patch(tema.pilih())
            } else {
                tema.judul()
            };
            judul.push(Span::styled(format!("{:<w$}", j.kode, w = lebar_sel), gaya));
        }
        f.render_widget(Paragraph::new(Line::from(judul)), kepala);
        let mut baris = Vec::new();
        if self.baris.is_empty() {
            baris.push(Line::styled(
                if self.daftar.saring.is_empty() {
                    "Belum ada desa. Muat dari lembar kerja: pantau impor desa BERKAS"
                } else {
                    "Tidak ada desa yang cocok dengan saringan."
                },
                tema.redup(),
            ));
        }
        for (n, b) in self.baris.iter().enumerate() {
            let i = self.daftar.awal + n;
            let dipilih = i == self.daftar.pilih;
            let gaya_baris = if dipilih {
                tema.judul()
            } else {
                Style::default()
            };
            let kepala = if k.banyak_kecamatan {
                potong(&k.nama_kecamatan(b.kecamatan_id), 13)
            } else {
                b.kode.clone()
            };
            let mut spans = vec![Span::styled(
                format!(
                    "{kepala:<14}{:<lebar_nama$} ",
                    potong(&b.nama, lebar_nama - 1)
                ),
                gaya_baris,
            )];
            for (c, j) in self.jenis.iter().enumerate() {
                let d = b.dokumen.get(c).and_then(|d| d.as_ref());
                let tanpa_status = !dilacak && d.and_then(|d| d.tanggal).is_none();
                let teks = if b.kelurahan {
                    "(kelurahan)".to_string()
                } else if tanpa_status {
                    // a year before the first tracked one: nothing is due
                    "– tak dilacak".to_string()
                } else {
                    let st = self.status(j, d, k);
                    match d.and_then(|d| d.tanggal) {
                        Some(t) => format!("{} {}", tema.simbol(st), format_tanggal(t)),
                        None => format!(
                            "{} {}",
                            tema.simbol(st),
                            crate::tui::tema::Tema::kata_pendek(st)
                        ),
                    }
                };
                let mut gaya = if b.kelurahan {
                    tema.status(Status::BelumJatuhTempo)
                } else if tanpa_status {
                    tema.redup()
                } else {
                    tema.status(self.status(j, d, k))
                };
                if dipilih && c == self.kolom {
                    gaya = gaya.patch(tema.pilih());
                }
                spans.push(Span::styled(
                    format!("{:<w$}", potong(&teks, lebar_sel - 1), w = lebar_sel),
                    gaya,
                ));
            }
            baris.push(Line::from(spans));
        }
        f.render_widget(Paragraph::new(baris), isi);
        let leg = [
            Status::TepatWaktu,
            Status::Terlambat,
            Status::LewatTenggat,
            Status::MendekatiTenggat,
            Status::BelumJatuhTempo,
        ]
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                tema.simbol(*s),
                crate::tui::tema::Tema::kata_pendek(*s)
            )
        })
        .collect::<Vec<_>>()
        .join("  ");
        let leg = if dilacak {
            leg
        } else {
            format!(
                "TA {} tidak dilacak: cek mulai TA {} (pantau atur tahun-awal)",
                self.ta, self.tahun_awal
            )
        };
        f.render_widget(Paragraph::new(Line::styled(leg, tema.redup())), legenda);
    }

    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi {
        if let Some((d, _)) = &self.rinci {
            return match key.code {
                KeyCode::Esc | KeyCode::Char('i') => {
                    self.rinci = None;
                    Aksi::Tidak
                }
                KeyCode::Char('e') | KeyCode::Enter => {
                    let d = d.clone();
                    self.form_desa(Some(d))
                }
                _ => Aksi::Tidak,
            };
        }
        let n = self.jenis.len().max(1);
        let ulang = |s: &mut Self, k: &Konteks| match s.muat(k) {
            Ok(()) => Aksi::Tidak,
            Err(e) => Aksi::Galat(pesan_galat(e)),
        };
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => {
                self.kolom = (self.kolom + n - 1) % n;
                Aksi::Tidak
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.kolom = (self.kolom + 1) % n;
                Aksi::Tidak
            }
            KeyCode::Char('[') => {
                self.ta = (self.ta - 1).max(2000);
                ulang(self, k)
            }
            KeyCode::Char(']') => {
                self.ta = (self.ta + 1).min(2100);
                ulang(self, k)
            }
            KeyCode::Enter | KeyCode::Char('e') => self.form_dokumen(k),
            KeyCode::Char('i') => match self.terpilih().map(|b| b.desa_id) {
                Some(id) => match self.muat_rinci(k, id) {
                    Ok(()) => Aksi::Tidak,
                    Err(e) => Aksi::Galat(pesan_galat(e)),
                },
                None => Aksi::Tidak,
            },
            KeyCode::Char('a') => self.form_desa(None),
            KeyCode::Char('d') => {
                let Some(b) = self.terpilih() else {
                    return Aksi::Tidak;
                };
                let (Some(j), Some(Some(d))) =
                    (self.jenis.get(self.kolom), b.dokumen.get(self.kolom))
                else {
                    return Aksi::Galat("Tidak ada catatan dokumen di sel ini.".into());
                };
                let pesan = format!("Hapus catatan {} TA {} desa {}?", j.kode, self.ta, b.nama);
                self.hapus = Some((b.desa_id, j.id, self.ta, d.versi));
                Aksi::Tanya(pesan)
            }
            _ => Aksi::Tidak,
        }
    }

    fn konfirmasi(&mut self, k: &mut Konteks) -> Aksi {
        let Some((desa_id, jenis_id, ta, versi)) = self.hapus.take() else {
            return Aksi::Tidak;
        };
        let hari_ini = k.hari_ini;
        let hasil = k.store.transaksi(|tx| {
            dokumen::ubah_dokumen(
                tx,
                desa_id,
                jenis_id,
                ta,
                Some(versi),
                &IsiDokumen::default(),
                hari_ini,
            )
        });
        match hasil {
            Ok(()) => Aksi::Pesan("Catatan dokumen dihapus.".into()),
            Err(e) => Aksi::Galat(pesan_galat(e)),
        }
    }

    fn simpan(&mut self, f: &Form, k: &mut Konteks) -> Result<String, String> {
        let Some(tujuan) = &self.tujuan else {
            return Err("tidak ada yang disimpan".into());
        };
        match tujuan {
            Tujuan::Dokumen {
                desa_id,
                jenis_id,
                ta,
                versi,
            } => {
                let isi = IsiDokumen {
                    tanggal: form::tanggal(&f.teks(0)),
                    nomor: f.teks(1),
                    keterangan: f.teks(2),
                };
                let (d, j, t, v) = (*desa_id, *jenis_id, *ta, *versi);
                let hari_ini = k.hari_ini;
                k.store
                    .transaksi(|tx| dokumen::ubah_dokumen(tx, d, j, t, v, &isi, hari_ini))
                    .map_err(pesan_galat)?;
                let kode = self
                    .jenis
                    .iter()
                    .find(|x| x.id == j)
                    .map(|x| x.kode.clone())
                    .unwrap_or_default();
                Ok(match isi.tanggal {
                    Some(t) => format!("{kode} TA {ta} disimpan: {}.", format_tanggal(t)),
                    None => format!("{kode} TA {ta} disimpan tanpa tanggal."),
                })
            }
            Tujuan::UbahDesa(d) => {
                let baru = isi_desa(f, 0, d.clone());
                k.store
                    .transaksi(|tx| wilayah::ubah_desa(tx, &baru))
                    .map_err(pesan_galat)?;
                Ok(format!(
                    "Desa {} disimpan.{}",
                    baru.nama,
                    peringatan_desa(&baru)
                ))
            }
            Tujuan::DesaBaru => {
                let kode = parse_kode_desa(&f.teks(0))?;
                let conn = k.store.conn();
                let kec = wilayah::kecamatan_kode(conn, &kode.kode_kecamatan)
                    .map_err(pesan_galat)?
                    .ok_or_else(|| {
                        format!(
                            "kecamatan {} belum ada; muat lewat pantau impor desa BERKAS",
                            kode.kode_kecamatan
                        )
                    })?;
                if wilayah::desa_kode(conn, &kode.kode)
                    .map_err(pesan_galat)?
                    .is_some()
                {
                    return Err(format!("desa {} sudah ada", kode.kode));
                }
                let baru = isi_desa(
                    f,
                    1,
                    Desa {
                        kecamatan_id: kec.id,
                        kode: kode.kode.clone(),
                        kelurahan: kode.jenis == JenisWilayah::Kelurahan,
                        ..Default::default()
                    },
                );
                k.store
                    .transaksi(|tx| {
                        wilayah::simpan_desa_kode(tx, &baru, wilayah::SEMUA_KOLOM_DESA).map(|_| ())
                    })
                    .map_err(|e: Galat| pesan_galat(e))?;
                Ok(format!(
                    "Desa {} ditambahkan.{}",
                    baru.nama,
                    peringatan_desa(&baru)
                ))
            }
        }
    }

    fn fokus(&mut self, _k: &Konteks, desa: &str, jenis: &str, ta: i32) {
        self.rinci = None;
        self.ta = ta;
        self.kolom = self.jenis.iter().position(|j| j.kode == jenis).unwrap_or(0);
        self.cari = Some(desa.to_string());
    }

    fn tombol_layar(&self, _k: &Konteks) -> &'static [Tombol] {
        if self.rinci.is_some() {
            teks::DESA_RINCI
        } else {
            teks::DESA
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.rinci.is_some() {
            None
        } else {
            Some(&mut self.daftar)
        }
    }
}

/// What a saved desa's figures still get wrong, for the message line.
fn peringatan_desa(d: &Desa) -> String {
    match periksa_penduduk(d.laki_laki, d.perempuan, d.jumlah_penduduk) {
        Some(p) => format!(" Peringatan: {p}."),
        None => String::new(),
    }
}

/// Reads the desa form; `geser` is 1 when the form starts with the code field.
fn isi_desa(f: &Form, geser: usize, mut d: Desa) -> Desa {
    let b = |i: usize| form::bulat(&f.teks(i + geser));
    d.nama = f.teks(geser);
    d.luas_km2 = form::desimal(&f.teks(1 + geser));
    d.dusun = b(2);
    d.rw = b(3);
    d.rt = b(4);
    d.laki_laki = b(5);
    d.perempuan = b(6);
    d.jumlah_penduduk = b(7);
    d.rumah_tangga = b(8);
    d.keterangan = f.teks(9 + geser);
    d
}
