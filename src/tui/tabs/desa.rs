//! Desa: one row per desa, one column per document of the chosen fiscal year; the document
//! form; a desa's detail with every year's documents and its inconsistencies.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Layar, blok};
use crate::domain::angka::{format_desimal_ringkas, format_ribuan};
use crate::domain::aturan::{HasilEvaluasi, Pelaku};
use crate::domain::desa::periksa_penduduk;
use crate::domain::kode::{JenisWilayah, parse_kode_desa};
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::{pas, potong};
use crate::domain::tenggat::{self, Status};
use crate::store::Hasil;
use crate::store::dokumen::{self, BarisDokumen, Dokumen, IsiDokumen, JenisDokumen};
use crate::store::wilayah::{self, Desa};
use crate::tui::aksi::{self as a, Act, Efek, Perintah, Tulis};
use crate::tui::app::Konteks;
use crate::tui::teks::{self, Tombol};
use crate::tui::widgets::daftar::Daftar;
use crate::tui::widgets::form::{self, Bidang, Form, Jenis, Pilihan};

enum Tujuan {
    Dokumen {
        desa_id: i64,
        jenis_id: i64,
        ta: i32,
        /// The row and its version when the form opened (none: no record then).
        id: Option<i64>,
        versi: Option<i64>,
    },
    UbahDesa(Desa),
    DesaBaru,
    /// Merge this desa (id, version, code, name) into another.
    Gabung(i64, i64, String, String),
}

pub struct DesaTab {
    ta: i32,
    daftar: Daftar,
    kolom: usize,
    jenis: Vec<JenisDokumen>,
    baris: Vec<BarisDokumen>,
    rinci: Option<(Desa, Vec<Dokumen>)>,
    /// The detail's line on the kepala desa and the end of the term (read while loading).
    kades: Option<String>,
    /// The detail's deadlines per (fiscal year, kind id), read with it (`None`: counted from
    /// an event not recorded yet).
    tenggat_rinci: std::collections::HashMap<(i32, i64), Option<(chrono::NaiveDate, bool)>>,
    /// The detail's first line shown (it is longer than a screen: ten kinds a year).
    gulir_rinci: std::cell::Cell<u16>,
    /// What the open form saves, as it was when the form opened.
    tujuan: Option<Tujuan>,
    /// The desa whose detail is open (kept across reloads).
    rinci_id: Option<i64>,
    /// Select this desa code after the next load (from Beranda).
    cari: Option<String>,
    /// First tracked fiscal year: earlier years are shown without deadline statuses.
    tahun_awal: i32,
    /// The year and column are still to be chosen by the nearest deadline (first load).
    pilih_awal: bool,
}

use crate::domain::tenggat::ta_terdekat;

/// "Kepala desa: Sutrisno, dilantik 04/11/2019; masa jabatan sampai 04/11/2027 (8 tahun, UU
/// 3/2024 …)", from the latest inauguration and the rules of the term's length.
fn teks_kades(k: &Konteks, desa_id: i64) -> Hasil<String> {
    use crate::store::kepala_desa;
    let conn = k.store.conn();
    let Some(x) = kepala_desa::daftar_desa(conn, desa_id)?.into_iter().next() else {
        return Ok("Kepala desa: belum tercatat (pantau impor kepala-desa BERKAS)".into());
    };
    let aturan = kepala_desa::aturan(conn)?;
    let akhir = match (
        x.akhir_masa,
        crate::domain::kepala_desa::akhir_masa(x.dilantik, &aturan),
    ) {
        (Some(a), _) => format!("{} (tercatat)", format_tanggal(a)),
        (None, Some((a, m))) => format!("{} ({} tahun, {})", format_tanggal(a), m.tahun, m.dasar),
        (None, None) => "tidak diketahui (tidak ada aturan masa jabatan pada tanggal itu)".into(),
    };
    let selesai = match x
        .akhir_masa
        .or_else(|| crate::domain::kepala_desa::akhir_masa(x.dilantik, &aturan).map(|(a, _)| a))
    {
        Some(a) if a < k.hari_ini => "; masa jabatannya sudah berakhir",
        _ => "",
    };
    Ok(format!(
        "Kepala desa: {}, dilantik {}; masa jabatan sampai {akhir}{selesai}",
        x.nama,
        format_tanggal(x.dilantik)
    ))
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
            kades: None,
            tenggat_rinci: Default::default(),
            gulir_rinci: Default::default(),
            rinci_id: None,
            tujuan: None,
            cari: None,
            tahun_awal: i32::MIN,
            pilih_awal: true,
        }
    }

    fn terpilih(&self) -> Option<&BarisDokumen> {
        self.baris
            .get(self.daftar.pilih.checked_sub(self.daftar.awal)?)
    }

    /// The status of column `c` of row `b`; `None` while its deadline counts from an event
    /// not recorded yet.
    fn status(&self, b: &BarisDokumen, c: usize, k: &Konteks) -> Option<Status> {
        let d = b.dokumen.get(c).and_then(|d| d.as_ref());
        tenggat::status_jika(
            d.and_then(|d| d.tanggal),
            b.tenggat.get(c).copied().flatten().map(|(t, _)| t),
            k.hari_ini,
            k.jendela,
        )
    }

    fn form_dokumen(&mut self, k: &Konteks) -> Efek {
        let Some(b) = self.terpilih() else {
            return Efek::Tidak;
        };
        let Some(j) = self.jenis.get(self.kolom) else {
            return Efek::Tidak;
        };
        let d = b.dokumen.get(self.kolom).cloned().flatten();
        let batas = match b.tenggat.get(self.kolom).copied().flatten() {
            Some((t, false)) => format!("tenggat {}", format_tanggal(t)),
            Some((t, true)) => format!("tenggat {} (perkiraan)", format_tanggal(t)),
            None => "tenggat menunggu peristiwanya".to_string(),
        };
        let judul = format!(
            "{} TA {} · {} ({}) · {batas}",
            j.kode, self.ta, b.nama, b.kode
        );
        let mut f = Form::new(
            &judul,
            vec![
                Bidang::new(
                    "Tanggal",
                    Jenis::TanggalDokumen {
                        batas: k.hari_ini,
                        jenis: j.kode.clone(),
                        aturan: j.tetap(),
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
                    if j.berhasil { "Catatan" } else { "Keterangan" },
                    Jenis::Teks,
                    false,
                    d.as_ref().map(|d| d.keterangan.as_str()).unwrap_or(""),
                ),
            ],
        );
        if j.berhasil {
            // the evaluation's result: the correction is due only after "perlu perbaikan"
            f.bidang.push(Bidang::new(
                "Hasil",
                Jenis::Pilih {
                    pilihan: HasilEvaluasi::SEMUA
                        .iter()
                        .map(|h| Pilihan::new(h.label(), ""))
                        .collect(),
                    tertutup: true,
                },
                false,
                d.as_ref()
                    .and_then(|d| d.hasil)
                    .map(|h| h.kode())
                    .unwrap_or(""),
            ));
        }
        f.petunjuk = vec![
            j.keterangan_aturan.clone(),
            format!("Dasar hukum: {}", j.dasar_hukum),
            "Tanggal DD/MM/YYYY; kosongkan semua bidang untuk menghapus catatan.".into(),
        ];
        if j.pelaku == Pelaku::Camat {
            f.petunjuk.insert(
                0,
                "Tugas kantor kecamatan (bukan desa): tanggal evaluasi, hasil, dan catatannya."
                    .into(),
            );
        }
        self.tujuan = Some(Tujuan::Dokumen {
            desa_id: b.desa_id,
            jenis_id: j.id,
            ta: self.ta,
            id: d.as_ref().map(|d| d.id),
            versi: d.map(|d| d.versi),
        });
        Efek::Form(f)
    }

    fn form_desa(&mut self, d: Option<Desa>) -> Efek {
        let angka = |v: Option<i64>| v.map(format_ribuan).unwrap_or_default();
        let x = d.clone().unwrap_or_default();
        let mut bidang = vec![Bidang::new("Kode", Jenis::Teks, true, &x.kode)];
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
        let ubah = d.is_some();
        // the cursor in the first field, Kode, as in every form (a code typed into the
        // focused field must land in Kode, not rename the desa)
        self.tujuan = Some(match d {
            Some(d) => Tujuan::UbahDesa(d),
            None => Tujuan::DesaBaru,
        });
        let mut f = Form::new(&judul, bidang);
        if ubah {
            f.petunjuk = vec![
                "Kode lain mengganti kode desa; dokumen dan fasilitasinya ikut. Tiga bagian pertama harus kode kecamatan yang ada.".into(),
            ];
        }
        Efek::Form(f)
    }

    /// The desa a removal or merge concerns: the detail's, or the selected row's.
    fn desa_ini(&self) -> Option<(i64, i64, String, String, bool)> {
        match &self.rinci {
            Some((d, _)) => Some((d.id, d.versi, d.kode.clone(), d.nama.clone(), d.kelurahan)),
            None => self.terpilih().map(|b| {
                (
                    b.desa_id,
                    b.versi,
                    b.kode.clone(),
                    b.nama.clone(),
                    b.kelurahan,
                )
            }),
        }
    }

    fn tanya_hapus(&self) -> Efek {
        let Some((id, versi, kode, nama, kelurahan)) = self.desa_ini() else {
            return Efek::Tidak;
        };
        let jenis = if kelurahan { "kelurahan" } else { "desa" };
        Efek::TanyaHapus(
            wilayah::Sasaran::Desa {
                id,
                versi: Some(versi),
            },
            format!("{jenis} {nama} ({kode})"),
            format!(
                "{} {nama} ({kode}) dihapus; isinya tercatat di riwayat.",
                if kelurahan { "Kelurahan" } else { "Desa" }
            ),
        )
    }

    fn form_gabung(&mut self) -> Efek {
        let Some((id, versi, kode, nama, _)) = self.desa_ini() else {
            return Efek::Tidak;
        };
        let mut f = Form::new(
            &format!("Gabungkan {nama} ({kode}) ke desa lain"),
            vec![Bidang::new("Kode desa tujuan", Jenis::Teks, true, "")],
        );
        f.petunjuk = vec![
            format!("Dokumen, fasilitasi dan rencana monev {nama} pindah ke desa tujuan, lalu {kode} dihapus."),
            "Dokumen yang tercatat berbeda di kedua desa menolak penggabungan (tidak ada yang hilang).".into(),
        ];
        self.tujuan = Some(Tujuan::Gabung(id, versi, kode, nama));
        Efek::Form(f)
    }

    fn muat_rinci(&mut self, k: &Konteks, desa_id: i64) -> Hasil<()> {
        let d = wilayah::desa_id(k.store.conn(), desa_id)?;
        self.kades = match &d {
            Some(d) if !d.kelurahan => Some(teks_kades(k, d.id)?),
            _ => None,
        };
        self.rinci = match d {
            Some(d) => {
                let dok = dokumen::dokumen_desa(k.store.conn(), d.id)?;
                Some((d, dok))
            }
            None => None,
        };
        self.tenggat_rinci.clear();
        if let Some((d, dok)) = &self.rinci {
            let conn = k.store.conn();
            let kalender = crate::store::kalender::muat(conn)?;
            for ta in self.tahun_rinci(dok, k) {
                let p = dokumen::peristiwa_desa(conn, d.id, ta)?;
                for j in &self.jenis {
                    self.tenggat_rinci
                        .insert((ta, j.id), p.tenggat(&self.jenis, j, ta, &kalender));
                }
            }
        }
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
        if let Some(kades) = &self.kades {
            baris.push(Line::raw(kades.clone()));
        }
        if !d.keterangan.is_empty() {
            baris.push(Line::raw(format!("Keterangan: {}", d.keterangan)));
        }
        baris.push(Line::raw(""));
        if d.kelurahan {
            baris.push(Line::styled(
                "Kelurahan: tidak ada dokumen desa.",
                tema.redup(),
            ));
        } else {
            baris.push(Line::styled(
                format!(
                    "Dokumen TA {}–{}, juga yang belum ada",
                    self.tahun_awal,
                    k.hari_ini.year() + 1
                ),
                tema.judul(),
            ));
        }
        // the codes line up: the longest kind's code sets the column
        let lebar_kode = self
            .jenis
            .iter()
            .map(|j| crate::domain::teks::lebar(&j.kode))
            .max()
            .unwrap_or(7)
            .max(7);
        for (ta, j, x) in self.isi_rinci(dok, k) {
            let batas = self.tenggat_rinci.get(&(ta, j.id)).copied().flatten();
            // the RPJMDes of a year without an inauguration is no duty of that year
            if x.is_none() && batas.is_none() && j.dari_pelantikan() {
                continue;
            }
            let tanggal = x.and_then(|x| x.tanggal);
            let st = tenggat::status_jika(tanggal, batas.map(|(t, _)| t), k.hari_ini, k.jendela);
            let hasil = x
                .and_then(|x| x.hasil)
                .map(|h| format!(" · hasil: {}", h.label()))
                .unwrap_or_default();
            // the office's own task (the camat's evaluation) says so at the line's end
            let kantor = if j.pelaku == Pelaku::Camat {
                " · tugas kantor"
            } else {
                ""
            };
            let ekor = match (x, batas) {
                (Some(x), _) if x.tanggal.is_some() || !x.nomor.is_empty() => format!(
                    " {}  {}{hasil}{kantor}",
                    x.tanggal.map(format_tanggal).unwrap_or_else(|| "–".into()),
                    potong(&x.nomor, 30)
                ),
                (_, Some((t, perkiraan))) => format!(
                    " –  tenggat {}{}{kantor}",
                    format_tanggal(t),
                    if perkiraan { " (perkiraan)" } else { "" }
                ),
                (_, None) => match &j.bentuk {
                    crate::domain::aturan::Bentuk::Setelah { peristiwa, .. } => {
                        format!(" –  sesudah {}{kantor}", peristiwa.uraian())
                    }
                    b => format!(" –  {}{kantor}", b.uraian()),
                },
            };
            let (kata, gaya) = match st {
                Some(st) => (
                    format!("{} {:<17}", tema.simbol(st), st.label()),
                    tema.status(st),
                ),
                None => (
                    format!("  {:<17}", tenggat::label_tanpa_tenggat(tanggal.is_some())),
                    tema.redup(),
                ),
            };
            baris.push(Line::from(vec![
                Span::raw(format!("TA {ta} {} ", pas(&j.kode, lebar_kode))),
                Span::styled(kata, gaya),
                Span::raw(ekor),
            ]));
        }
        let dalam = blok(k, " Rincian desa ".into()).inner(area);
        let p = Paragraph::new(baris).wrap(ratatui::widgets::Wrap { trim: false });
        // longer than the screen: it scrolls (↑↓ PgUp PgDn), and the frame says where it is
        let semua = p.line_count(dalam.width) as u16;
        let maks = semua.saturating_sub(dalam.height);
        let gulir = self.gulir_rinci.get().min(maks);
        self.gulir_rinci.set(gulir);
        let judul = if maks > 0 {
            format!(
                " Rincian desa · baris {}–{} dari {} (↑↓ PgUp PgDn) ",
                gulir + 1,
                (gulir + dalam.height).min(semua),
                semua
            )
        } else {
            " Rincian desa ".to_string()
        };
        f.render_widget(p.scroll((gulir, 0)), dalam);
        f.render_widget(
            blok(k, potong(&judul, area.width.saturating_sub(2) as usize)),
            area,
        );
    }
}

impl DesaTab {
    /// The fiscal years of the detail: from the earliest with a record (or the first tracked)
    /// to today's year + 1.
    fn tahun_rinci(&self, dok: &[Dokumen], k: &Konteks) -> std::ops::RangeInclusive<i32> {
        let akhir = *tenggat::tahun_dilacak(self.tahun_awal, k.hari_ini).end();
        let awal = dok
            .iter()
            .map(|x| x.tahun_anggaran)
            .min()
            .unwrap_or(akhir)
            .min(self.tahun_awal);
        awal..=akhir
    }

    /// The detail's document lines, newest fiscal year first, in kind order: every tracked
    /// kind of every tracked year (missing ones too), then the records of earlier years.
    fn isi_rinci<'a>(
        &'a self,
        dok: &'a [Dokumen],
        k: &Konteks,
    ) -> Vec<(i32, &'a JenisDokumen, Option<&'a Dokumen>)> {
        let Some((d, _)) = &self.rinci else {
            return Vec::new();
        };
        let mut v = Vec::new();
        let dilacak = tenggat::tahun_dilacak(self.tahun_awal, k.hari_ini);
        for ta in self.tahun_rinci(dok, k).rev() {
            for j in &self.jenis {
                let x = dok
                    .iter()
                    .find(|x| x.jenis_id == j.id && x.tahun_anggaran == ta);
                if x.is_some() || (!d.kelurahan && dilacak.contains(&ta)) {
                    v.push((ta, j, x));
                }
            }
        }
        v
    }
}

/// Width of a document cell: a symbol and a full date (`✓ 30/09/2025`), or a status word.
const LEBAR_SEL: usize = 13;
/// Width of the code column (`35.08.07.2001`).
const LEBAR_KODE: usize = 14;
/// The least room a desa name keeps before the document columns scroll sideways.
const NAMA_MIN: usize = 14;

impl DesaTab {
    /// Rows of the list in the tab's area: the box, the header, the legend and the line that
    /// names the selected desa.
    fn tinggi_daftar(area: Rect) -> usize {
        area.height.saturating_sub(2 + 3) as usize
    }

    /// Width of the name column: what the codes and the document cells leave.
    fn lebar_nama(&self, lebar: u16) -> usize {
        let (_, n) = self.jendela_jenis(lebar);
        (lebar as usize)
            .saturating_sub(2 + 1 + LEBAR_KODE + LEBAR_SEL * n.max(1))
            .max(10)
    }

    /// The document columns on screen: (first, how many). When the kinds do not fit beside
    /// the code and a readable name, the columns scroll sideways with the selected one.
    fn jendela_jenis(&self, lebar: u16) -> (usize, usize) {
        let n = self.jenis.len();
        let muat = ((lebar as usize).saturating_sub(3 + LEBAR_KODE + NAMA_MIN) / LEBAR_SEL).max(1);
        if n <= muat {
            return (0, n);
        }
        let awal = (self.kolom + 1).saturating_sub(muat).min(n - muat);
        (awal, muat)
    }
}

impl Layar for DesaTab {
    fn muat(&mut self, k: &Konteks) -> Hasil<()> {
        let conn = k.store.conn();
        self.jenis = dokumen::daftar_jenis(conn)?;
        self.tahun_awal = k.store.tahun_awal(k.hari_ini)?;
        if std::mem::take(&mut self.pilih_awal) {
            // the fixed-day kinds: a count after an event has no deadline of the year
            let tetap: Vec<(usize, _)> = self
                .jenis
                .iter()
                .enumerate()
                .filter_map(|(i, j)| j.tetap().map(|a| (i, a)))
                .collect();
            let aturan: Vec<_> = tetap.iter().map(|(_, a)| *a).collect();
            if let Some((ta, kolom)) = ta_terdekat(&aturan, k.hari_ini) {
                self.ta = ta;
                self.kolom = tetap[kolom].0;
            }
        }
        if let Some(kode) = self.cari.take() {
            // position of the desa in the (unfiltered) list
            self.daftar.saring.clear();
            let posisi = wilayah::posisi_desa(conn, k.lingkup, &kode)?;
            self.daftar.pilih = posisi as usize;
        }
        let (l, ta) = (k.lingkup, self.ta);
        self.baris = match dokumen::status_dari_kata(&self.daftar.saring) {
            // a status word: the desa with a document of this year in that status
            Some(st) => {
                let (h, j, awal) = (k.hari_ini, k.jendela, self.tahun_awal);
                self.daftar.muat(
                    |_| dokumen::hitung_dokumen_status(conn, l, ta, st, h, j, awal),
                    |_, dari, n| {
                        dokumen::halaman_dokumen_status(conn, l, ta, st, h, j, awal, dari, n)
                    },
                )?
            }
            None => self.daftar.muat(
                |s| wilayah::hitung_desa(conn, l, s),
                |s, dari, n| dokumen::halaman_dokumen(conn, l, ta, s, dari, n),
            )?,
        };
        k.siapkan_nama(self.baris.iter().map(|b| b.kecamatan_id))?;
        match self.rinci_id {
            Some(id) => self.muat_rinci(k, id)?,
            None => self.rinci = None,
        }
        Ok(())
    }

    fn ukuran(&mut self, area: Rect, _k: &Konteks) -> bool {
        self.daftar.atur_tinggi(Self::tinggi_daftar(area))
    }

    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks) {
        if self.rinci.is_some() {
            self.gambar_rinci(f, area, k);
            return;
        }
        let tema = &k.tema;
        let tenggat_teks: Vec<String> = self
            .jenis
            .iter()
            .filter_map(|j| {
                j.tenggat_tetap(self.ta)
                    .map(|t| format!("{} {}", j.kode, format_tanggal(t)))
            })
            .collect();
        let b = blok(
            k,
            potong(
                &format!(" TA {} · tenggat: {} ", self.ta, tenggat_teks.join(", ")),
                area.width.saturating_sub(2) as usize,
            ),
        );
        let dalam = b.inner(area);
        f.render_widget(b, area);
        let [kepala, isi, terpilih, legenda] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(dalam);
        let lebar_nama = self.lebar_nama(dalam.width);
        let mut judul = vec![Span::styled(
            format!(" {}{} ", pas("Kode", LEBAR_KODE), pas("Desa", lebar_nama)),
            tema.judul(),
        )];
        let dilacak = self.ta >= self.tahun_awal;
        let (awal, tampak) = self.jendela_jenis(dalam.width);
        for (i, j) in self.jenis.iter().enumerate().skip(awal).take(tampak) {
            let gaya = if i == self.kolom {
                tema.judul().patch(tema.pilih())
            } else {
                tema.judul()
            };
            // `<` and `>` say that more documents lie to the left or right (← →)
            let kiri = if i == awal && awal > 0 { "<" } else { "" };
            let kanan = if i + 1 == awal + tampak && awal + tampak < self.jenis.len() {
                ">"
            } else {
                ""
            };
            let label = format!("{kiri}{}", j.kode);
            judul.push(Span::styled(
                format!("{}{kanan}", pas(&label, LEBAR_SEL - 1 - kanan.len())),
                gaya,
            ));
            judul.push(Span::raw(" "));
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
            // the code always: it tells apart desa of the same name (there are hundreds in
            // the country), and its first three parts are the kecamatan
            let mut spans = vec![
                Span::styled(if dipilih { "▶" } else { " " }, tema.judul()),
                Span::styled(
                    format!("{}{} ", pas(&b.kode, LEBAR_KODE), pas(&b.nama, lebar_nama)),
                    gaya_baris,
                ),
            ];
            for c in (0..self.jenis.len()).skip(awal).take(tampak) {
                let d = b.dokumen.get(c).and_then(|d| d.as_ref());
                let tanggal = d.and_then(|d| d.tanggal);
                let tanpa_status = !dilacak && tanggal.is_none();
                let st = self.status(b, c, k);
                let teks = if b.kelurahan {
                    "(kelurahan)".to_string()
                } else if tanpa_status {
                    // a year before the first tracked one: nothing is due
                    "tak dilacak".to_string()
                } else {
                    match (st, tanggal) {
                        (Some(st), Some(t)) => format!("{} {}", tema.simbol(st), format_tanggal(t)),
                        (Some(st), None) => format!(
                            "{} {}",
                            tema.simbol(st),
                            crate::tui::tema::Tema::kata_pendek(st)
                        ),
                        // its event is not recorded: no deadline yet
                        (None, Some(t)) => format!("  {}", format_tanggal(t)),
                        (None, None) => format!("  {}", tenggat::label_tanpa_tenggat(false)),
                    }
                };
                let mut gaya = if b.kelurahan {
                    tema.status(Status::BelumJatuhTempo)
                } else if tanpa_status {
                    tema.redup()
                } else {
                    match st {
                        Some(st) => tema.status(st),
                        None => tema.redup(),
                    }
                };
                if dipilih && c == self.kolom {
                    gaya = gaya.patch(tema.pilih());
                }
                spans.push(Span::styled(pas(&teks, LEBAR_SEL - 1), gaya));
                spans.push(Span::raw(" "));
            }
            baris.push(Line::from(spans));
        }
        f.render_widget(Paragraph::new(baris), isi);
        // the selected desa in full: name, kecamatan and kabupaten
        if let Some(b) = self.terpilih() {
            let kec = if k.banyak_kecamatan {
                let kab = k.kabupaten(b.kecamatan_id);
                format!(
                    " · Kec. {}{}",
                    k.nama_kecamatan(b.kecamatan_id),
                    if kab.is_empty() {
                        String::new()
                    } else {
                        format!(", {kab}")
                    }
                )
            } else {
                String::new()
            };
            let jenis = if b.kelurahan { "kelurahan" } else { "desa" };
            f.render_widget(
                Paragraph::new(Line::styled(
                    potong(
                        &format!("{} {} ({jenis}){kec}", b.kode, b.nama),
                        terpilih.width as usize,
                    ),
                    tema.judul(),
                )),
                terpilih,
            );
        }
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
        f.render_widget(
            Paragraph::new(Line::styled(
                potong(&leg, legenda.width as usize),
                tema.redup(),
            )),
            legenda,
        );
    }

    fn perintah(&self, _k: &Konteks) -> Vec<Perintah> {
        if let Some((d, _)) = &self.rinci {
            return vec![
                Perintah::baru(a::K_ENTER_E, teks::DESA_RINCI[0], Act::Ubah).ubah(),
                Perintah::baru(
                    &[KeyCode::Esc, KeyCode::Char('i')],
                    teks::DESA_RINCI[1],
                    Act::Kembali,
                ),
                Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(d.id > 0, ""),
                Perintah::baru(a::K_D_BESAR, teks::DESA_RINCI[2], Act::HapusSemua).ubah(),
                Perintah::baru(a::K_M_BESAR, teks::DESA_RINCI[3], Act::Gabung).ubah(),
                Perintah::baru(a::K_BAWAH, teks::DESA_RINCI[4], Act::Gulir(1)),
                Perintah::baru(a::K_ATAS, teks::DESA_RINCI[4], Act::Gulir(-1)),
                Perintah::baru(a::K_HALAMAN_BAWAH, teks::DESA_RINCI[4], Act::Gulir(10)),
                Perintah::baru(a::K_HALAMAN_ATAS, teks::DESA_RINCI[4], Act::Gulir(-10)),
                Perintah::baru(a::K_HOME, teks::DESA_RINCI[4], Act::Gulir(i16::MIN)),
            ];
        }
        let b = self.terpilih();
        let ada_baris = b.is_some();
        let kelurahan = b.is_some_and(|b| b.kelurahan);
        let sel = b.and_then(|b| b.dokumen.get(self.kolom).cloned().flatten());
        let kosong = "Belum ada desa di daftar.";
        let [lalu, depan] = a::perintah_tahun(teks::DESA[3]);
        vec![
            Perintah::baru(a::K_KIRI, teks::DESA[0], Act::Kolom(-1)),
            Perintah::baru(
                a::K_KANAN,
                Tombol {
                    kaki: false,
                    ..teks::DESA[0]
                },
                Act::Kolom(1),
            ),
            Perintah::baru(a::K_ENTER_E, teks::DESA[1], Act::Ubah)
                .ubah()
                .jika(ada_baris, kosong)
                .jika(
                    !kelurahan,
                    format!(
                        "{} adalah kelurahan: tidak ada dokumen desa.",
                        b.map(|b| b.nama.as_str()).unwrap_or("")
                    ),
                ),
            Perintah::baru(a::K_I, teks::DESA[2], Act::Rincian).jika(ada_baris, kosong),
            lalu,
            depan,
            Perintah::baru(a::K_D, teks::DESA[4], Act::Hapus)
                .ubah()
                .jika(sel.is_some(), "Tidak ada catatan dokumen di sel ini."),
            Perintah::baru(a::K_A, teks::DESA[5], Act::Tambah).ubah(),
            Perintah::baru(a::K_D_BESAR, teks::DESA[6], Act::HapusSemua)
                .ubah()
                .jika(ada_baris, kosong),
            Perintah::baru(a::K_M_BESAR, teks::DESA[7], Act::Gabung)
                .ubah()
                .jika(ada_baris, kosong),
            Perintah::baru(a::K_R, teks::RIWAYAT, Act::Riwayat).jika(
                sel.is_some(),
                "Belum ada catatan dokumen di sel ini: belum ada riwayat.",
            ),
        ]
    }

    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        Some(crate::tui::ekspor::Apa::Status(self.ta))
    }

    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek {
        if let Some((d, _)) = &self.rinci {
            return match act {
                Act::Kembali => {
                    self.rinci = None;
                    self.rinci_id = None;
                    self.gulir_rinci.set(0);
                    Efek::Tidak
                }
                Act::Gulir(n) => {
                    let g = self.gulir_rinci.get();
                    self.gulir_rinci.set(if n == i16::MIN {
                        0
                    } else {
                        (i32::from(g) + i32::from(n)).clamp(0, i32::from(u16::MAX)) as u16
                    });
                    Efek::Tidak
                }
                Act::Ubah => {
                    let d = d.clone();
                    self.form_desa(Some(d))
                }
                Act::Riwayat => Efek::Riwayat(
                    "desa",
                    d.id,
                    format!("Riwayat desa {} ({})", d.nama, d.kode),
                ),
                Act::HapusSemua => self.tanya_hapus(),
                Act::Gabung => self.form_gabung(),
                _ => Efek::Tidak,
            };
        }
        let n = self.jenis.len().max(1);
        match act {
            Act::Kolom(arah) => {
                self.kolom = (self.kolom as i64 + arah as i64).rem_euclid(n as i64) as usize;
                Efek::Tidak
            }
            Act::Ubah => self.form_dokumen(k),
            Act::Rincian => match self.terpilih().map(|b| b.desa_id) {
                Some(id) => {
                    self.rinci_id = Some(id);
                    Efek::Muat
                }
                None => Efek::Tidak,
            },
            Act::Tambah => self.form_desa(None),
            Act::HapusSemua => self.tanya_hapus(),
            Act::Gabung => self.form_gabung(),
            Act::Hapus => {
                let Some(b) = self.terpilih() else {
                    return Efek::Tidak;
                };
                let (Some(j), Some(Some(d))) =
                    (self.jenis.get(self.kolom), b.dokumen.get(self.kolom))
                else {
                    return Efek::Tidak;
                };
                Efek::Tanya(
                    format!(
                        "Hapus catatan {} TA {} desa {} ({})?",
                        j.kode, self.ta, b.nama, b.kode
                    ),
                    Tulis::Dokumen {
                        desa_id: b.desa_id,
                        jenis_id: j.id,
                        ta: self.ta,
                        id: Some(d.id),
                        versi: Some(d.versi),
                        isi: IsiDokumen::default(),
                        hari_ini: k.hari_ini,
                    },
                    "Catatan dokumen dihapus.".into(),
                )
            }
            Act::Riwayat => {
                let Some(b) = self.terpilih() else {
                    return Efek::Tidak;
                };
                match (self.jenis.get(self.kolom), b.dokumen.get(self.kolom)) {
                    (Some(j), Some(Some(d))) => Efek::Riwayat(
                        "dokumen",
                        d.id,
                        format!(
                            "Riwayat {} TA {} · {} ({})",
                            j.kode, self.ta, b.nama, b.kode
                        ),
                    ),
                    _ => Efek::Tidak,
                }
            }
            _ => Efek::Tidak,
        }
    }

    fn simpan(&mut self, f: &Form, k: &Konteks) -> Result<(Tulis, String), String> {
        let Some(tujuan) = &self.tujuan else {
            return Err("tidak ada yang disimpan".into());
        };
        match tujuan {
            Tujuan::Dokumen {
                desa_id,
                jenis_id,
                ta,
                id,
                versi,
            } => {
                let isi = IsiDokumen {
                    tanggal: form::tanggal(&f.teks(0)),
                    nomor: f.teks(1),
                    keterangan: f.teks(2),
                    hasil: if f.bidang.len() > 3 {
                        HasilEvaluasi::dari_teks(&f.teks(3))
                    } else {
                        None
                    },
                };
                let kode = self
                    .jenis
                    .iter()
                    .find(|x| x.id == *jenis_id)
                    .map(|x| x.kode.clone())
                    .unwrap_or_default();
                let pesan = match isi.tanggal {
                    Some(t) => format!("{kode} TA {ta} disimpan: {}.", format_tanggal(t)),
                    None if isi.nomor.is_empty()
                        && isi.keterangan.is_empty()
                        && isi.hasil.is_none() =>
                    {
                        format!("Catatan {kode} TA {ta} dihapus.")
                    }
                    None => format!("{kode} TA {ta} disimpan tanpa tanggal."),
                };
                Ok((
                    Tulis::Dokumen {
                        desa_id: *desa_id,
                        jenis_id: *jenis_id,
                        ta: *ta,
                        id: *id,
                        versi: *versi,
                        isi,
                        hari_ini: k.hari_ini,
                    },
                    pesan,
                ))
            }
            Tujuan::UbahDesa(d) => {
                let kode = parse_kode_desa(&f.teks(0)).map_err(|e| format!("Kode: {e}"))?;
                let mut baru = isi_desa(f, 1, d.clone());
                baru.kode = kode.kode;
                let kode_baru = if baru.kode != d.kode {
                    format!(" Kode diganti dari {} menjadi {}.", d.kode, baru.kode)
                } else {
                    String::new()
                };
                let pesan = format!(
                    "Desa {} disimpan.{kode_baru}{}",
                    baru.nama,
                    peringatan_desa(&baru)
                );
                Ok((Tulis::UbahDesa(baru), pesan))
            }
            Tujuan::Gabung(id, versi, kode, nama) => {
                let ke = f.teks(0);
                Ok((
                    Tulis::GabungDesa {
                        dari: *id,
                        versi: *versi,
                        ke: ke.clone(),
                    },
                    format!("{nama} ({kode}) digabung ke {ke}; {kode} dihapus."),
                ))
            }
            Tujuan::DesaBaru => {
                let kode = parse_kode_desa(&f.teks(0)).map_err(|e| format!("Kode: {e}"))?;
                let baru = isi_desa(
                    f,
                    1,
                    Desa {
                        kode: kode.kode.clone(),
                        kelurahan: kode.jenis == JenisWilayah::Kelurahan,
                        ..Default::default()
                    },
                );
                let pesan = format!("Desa {} ditambahkan.{}", baru.nama, peringatan_desa(&baru));
                Ok((Tulis::TambahDesa(baru), pesan))
            }
        }
    }

    fn fokus(&mut self, desa: &str, jenis: &str, ta: i32) {
        self.pilih_awal = false;
        self.rinci = None;
        self.rinci_id = None;
        self.ta = ta;
        self.kolom = self.jenis.iter().position(|j| j.kode == jenis).unwrap_or(0);
        self.cari = Some(desa.to_string());
    }

    fn tahun(&mut self) -> Option<&mut i32> {
        if self.rinci.is_some() {
            None
        } else {
            Some(&mut self.ta)
        }
    }

    fn daftar(&mut self) -> Option<&mut Daftar> {
        if self.rinci.is_some() {
            None
        } else {
            Some(&mut self.daftar)
        }
    }

    fn daftar_lihat(&self) -> Option<&Daftar> {
        if self.rinci.is_some() {
            None
        } else {
            Some(&self.daftar)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tenggat::AturanTenggat;

    const TIGA: [AturanTenggat; 3] = [
        AturanTenggat::RKPDES,
        AturanTenggat::APBDES,
        AturanTenggat::LPPDES,
    ];

    fn pada(y: i32, m: u32, h: u32) -> Option<(i32, usize)> {
        ta_terdekat(&TIGA, chrono::NaiveDate::from_ymd_opt(y, m, h).unwrap())
    }

    #[test]
    fn the_desa_tab_opens_on_the_nearest_deadline_ahead() {
        // December: APBDes of next year (31/12), also on its last day
        assert_eq!(pada(2026, 12, 2), Some((2027, 1)));
        assert_eq!(pada(2026, 12, 31), Some((2027, 1)));
        // the day after: LPPDes of the year just ended (31/03)
        assert_eq!(pada(2027, 1, 1), Some((2026, 2)));
        assert_eq!(pada(2027, 3, 31), Some((2026, 2)));
        // the day after the LPPDes deadline: RKPDes of next year (30/09)
        assert_eq!(pada(2027, 4, 1), Some((2028, 0)));
        assert_eq!(pada(2026, 9, 30), Some((2027, 0)));
        // the day after the RKPDes deadline: APBDes of next year
        assert_eq!(pada(2026, 10, 1), Some((2027, 1)));
        // a leap day and the first and last years
        assert_eq!(pada(2028, 2, 29), Some((2027, 2)));
        assert_eq!(ta_terdekat(&[], chrono::NaiveDate::MIN), None);
        // 31/12/2100: APBDes 2101 is past the tracked years; LPPDes 2100 remains
        assert_eq!(pada(2100, 12, 31), Some((2100, 2)));
    }
}
