//! A table as an Excel workbook (rust_xlsxwriter): real cell types, Indonesian number and
//! date formats, column widths, a frozen header with a filter, and a printed page set up for
//! the office: A4 landscape, fitted to the page width, the header rows on every page, the
//! kecamatan and the print date in the page header, page numbers in the footer.
//! Rows are written as they come (constant memory), so a country's table fits in little RAM.

use std::path::PathBuf;

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use super::{Kepala, Penulis, Sel, Warna};

pub struct Xlsx {
    tujuan: PathBuf,
    buku: Workbook,
    baris: u32,
    kolom: u16,
    /// First data row, and the header rows' range (for the filter and printing).
    awal_data: u32,
    baris_judul: u32,
    /// Formats without a fill, then with each fill of `WARNA`.
    f: Vec<Gaya>,
    /// Column widths, for the height a wrapped text needs.
    lebar: Vec<f64>,
}

/// Height of one line of text, in points (the default font).
const TINGGI_GARIS: f64 = 15.0;

/// Lines a text takes in a column `lebar` characters wide (a spreadsheet does not grow a
/// row by itself when the file is opened).
fn garis(teks: &str, lebar: f64) -> u32 {
    let muat = (lebar * 1.1).max(1.0) as usize;
    teks.split('\n')
        .map(|b| crate::domain::teks::bungkus(b, muat).len().max(1) as u32)
        .sum()
}

const WARNA: [Warna; 5] = [
    Warna::Merah,
    Warna::Jingga,
    Warna::Kuning,
    Warna::Hijau,
    Warna::Abu,
];

/// The cell formats, made once.
struct Gaya {
    teks: Format,
    /// Text that wraps inside its cell (long texts of a matrix).
    panjang: Format,
    bulat: Format,
    tahun: Format,
    desimal: Format,
    persen: Format,
    rupiah: Format,
    tanggal: Format,
}

impl Gaya {
    fn new(isi: Option<Warna>) -> Gaya {
        let dasar = || {
            let f = Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top);
            match isi {
                Some(w) => f.set_background_color(warna(w)),
                None => f,
            }
        };
        // `[$-421]`: Indonesian, so that LibreOffice and Excel write 1.455 and 5,88
        Gaya {
            teks: dasar().set_indent(1),
            panjang: dasar().set_text_wrap(),
            bulat: dasar().set_num_format("[$-421]#,##0"),
            tahun: dasar().set_num_format("0").set_align(FormatAlign::Center),
            desimal: dasar().set_num_format("[$-421]#,##0.00"),
            persen: dasar().set_num_format("[$-421]0.00%"),
            rupiah: dasar().set_num_format("[$Rp-421] #,##0"),
            tanggal: dasar().set_num_format("[$-421]dd/mm/yyyy"),
        }
    }
}

fn warna(w: Warna) -> Color {
    match w {
        Warna::Merah => Color::RGB(0xF8CBAD),
        Warna::Jingga => Color::RGB(0xFFE699),
        Warna::Kuning => Color::RGB(0xFFF2CC),
        Warna::Hijau => Color::RGB(0xC6EFCE),
        Warna::Abu => Color::RGB(0xE7E6E6),
    }
}

fn galat(e: rust_xlsxwriter::XlsxError) -> String {
    format!("lembar kerja tidak dapat dibuat: {e}")
}

impl Xlsx {
    pub fn new(berkas: &str, kepala: Kepala) -> Result<Self, String> {
        let mut buku = Workbook::new();
        let tujuan = PathBuf::from(berkas);
        // the workbook's own temporary files go beside the target (same disk, same rights)
        if let Some(folder) = tujuan.parent().filter(|p| !p.as_os_str().is_empty()) {
            buku.set_tempdir(folder).map_err(galat)?;
        }
        let n = kepala.kolom.len() as u16;
        let ada_grup = kepala.kolom.iter().any(|k| k.grup.is_some());
        let judul_f = Format::new().set_bold().set_font_size(13);
        let ket_f = Format::new().set_italic();
        let kepala_f = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        let ws = if kepala.hemat {
            buku.add_worksheet_with_constant_memory().map_err(galat)?
        } else {
            buku.add_worksheet()
        };
        ws.set_name(potong_nama(&kepala.lembar)).map_err(galat)?;
        let mut r = 0u32;
        ws.write_string_with_format(r, 0, &kepala.judul, &judul_f)
            .map_err(galat)?;
        r += 1;
        for k in &kepala.keterangan {
            ws.write_string_with_format(r, 0, k, &ket_f)
                .map_err(galat)?;
            r += 1;
        }
        r += 1;
        let baris_judul = r;
        let tinggi_judul = kepala
            .kolom
            .iter()
            .map(|k| garis(&k.judul, k.lebar))
            .max()
            .unwrap_or(1);
        if tinggi_judul > 1 {
            ws.set_row_height(
                r + u32::from(ada_grup),
                f64::from(tinggi_judul) * TINGGI_GARIS,
            )
            .map_err(galat)?;
        }
        if ada_grup {
            // a group title merged over its columns, then the columns' own titles (rows are
            // written in order: constant memory writes a row once)
            let mut j = 0usize;
            while j < kepala.kolom.len() {
                let k = &kepala.kolom[j];
                let mut akhir = j;
                while k.grup.is_some()
                    && akhir + 1 < kepala.kolom.len()
                    && kepala.kolom[akhir + 1].grup == k.grup
                {
                    akhir += 1;
                }
                let g = k.grup.as_deref().unwrap_or("");
                if akhir > j {
                    ws.merge_range(r, j as u16, r, akhir as u16, g, &kepala_f)
                        .map_err(galat)?;
                } else {
                    ws.write_string_with_format(r, j as u16, g, &kepala_f)
                        .map_err(galat)?;
                }
                j = akhir + 1;
            }
            for (x, kol) in kepala.kolom.iter().enumerate() {
                ws.write_string_with_format(r + 1, x as u16, &kol.judul, &kepala_f)
                    .map_err(galat)?;
            }
            r += 2;
        } else {
            for (j, k) in kepala.kolom.iter().enumerate() {
                ws.write_string_with_format(r, j as u16, &k.judul, &kepala_f)
                    .map_err(galat)?;
            }
            r += 1;
        }
        for (j, k) in kepala.kolom.iter().enumerate() {
            ws.set_column_width(j as u16, k.lebar).map_err(galat)?;
        }
        ws.set_freeze_panes(r, 0).map_err(galat)?;
        ws.set_landscape();
        ws.set_paper_size(9); // A4
        match &kepala.halaman_lebar {
            None => {
                ws.set_print_fit_to_pages(1, 0);
            }
            Some((ulang, putus)) => {
                // a break before each group; spreadsheets ignore breaks under "fit to page",
                // so the scale is a percentage
                let putus_xlsx: Vec<u32> = putus.iter().map(|c| u32::from(*c)).collect();
                ws.set_vertical_page_breaks(&putus_xlsx).map_err(galat)?;
                if *ulang > 0 {
                    ws.set_repeat_columns(0, ulang - 1).map_err(galat)?;
                }
                // the scale at which the repeated columns and the widest group fit an A4
                // landscape line: LibreOffice prints about 115 column units across at 100%;
                // a margin is kept
                let lebar = |a: usize, b: usize| -> f64 {
                    kepala.kolom[a.min(b)..b].iter().map(|k| k.lebar).sum()
                };
                let ulang = usize::from(*ulang);
                let mut batas: Vec<usize> = vec![ulang];
                batas.extend(putus.iter().map(|c| usize::from(*c)));
                batas.push(kepala.kolom.len());
                let paling: f64 = batas
                    .windows(2)
                    .map(|w| lebar(w[0], w[1]))
                    .fold(0.0, f64::max)
                    + lebar(0, ulang);
                let skala = (105.0 / paling.max(1.0) * 100.0).floor().clamp(40.0, 100.0);
                ws.set_print_scale(skala as u16);
            }
        }
        ws.set_repeat_rows(baris_judul, r - 1).map_err(galat)?;
        ws.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
        ws.set_header(format!(
            "&L&8{}&R&8Dicetak {}",
            kode_kop(&kepala.kecamatan),
            crate::domain::tanggal::format_tanggal(kepala.dicetak)
        ));
        ws.set_footer(format!(
            "&L&8{}&R&8Halaman &P dari &N",
            kode_kop(&kepala.judul)
        ));
        Ok(Xlsx {
            tujuan,
            buku,
            baris: r,
            kolom: n,
            awal_data: r,
            baris_judul,
            f: std::iter::once(None)
                .chain(WARNA.iter().copied().map(Some))
                .map(Gaya::new)
                .collect(),
            lebar: kepala.kolom.iter().map(|k| k.lebar).collect(),
        })
    }
}

/// A sheet name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
fn potong_nama(nama: &str) -> String {
    nama.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// Text for a page header or footer: `&` doubled (it starts a code there).
fn kode_kop(s: &str) -> String {
    s.replace('&', "&&")
}

impl Penulis for Xlsx {
    fn baris(&mut self, sel: &[(Sel, Option<Warna>)]) -> Result<(), String> {
        self.tulis_baris(sel, &[]).map(|_| ())
    }

    fn blok(
        &mut self,
        baris: &[Vec<(Sel, Option<Warna>)>],
        gabung: &[usize],
    ) -> Result<(), String> {
        let awal = self.baris;
        let mut tinggi = Vec::new();
        for b in baris {
            tinggi.push(self.tulis_baris(b, gabung)?);
        }
        let ws = self.buku.worksheet_from_index(0).map_err(galat)?;
        // a merged text needs the block's rows together to be as high as it is
        let perlu = gabung
            .iter()
            .filter_map(|&c| match baris.first().and_then(|b| b.get(c)) {
                Some((Sel::Teks(t), _)) => {
                    Some(garis(t, self.lebar.get(c).copied().unwrap_or(10.0)))
                }
                _ => None,
            })
            .max()
            .unwrap_or(1);
        let ada: u32 = tinggi.iter().sum();
        if perlu > ada && !tinggi.is_empty() {
            let tambah = perlu - ada;
            let n = tinggi.len() as u32;
            for (i, t) in tinggi.iter_mut().enumerate() {
                *t += tambah / n + u32::from((i as u32) < tambah % n);
                ws.set_row_height(awal + i as u32, f64::from(*t) * TINGGI_GARIS)
                    .map_err(galat)?;
            }
        }
        if baris.len() > 1 {
            for &c in gabung {
                let teks = match baris[0].get(c) {
                    Some((Sel::Teks(t), _)) => t.clone(),
                    Some((s, _)) => s.csv(),
                    None => continue,
                };
                ws.merge_range(
                    awal,
                    c as u16,
                    awal + baris.len() as u32 - 1,
                    c as u16,
                    &teks,
                    &self.f[0].panjang,
                )
                .map_err(galat)?;
            }
        }
        Ok(())
    }

    fn catatan(&mut self, teks: &str) -> Result<(), String> {
        let ws = self.buku.worksheet_from_index(0).map_err(galat)?;
        let f = Format::new().set_bold();
        ws.write_string_with_format(self.baris, 0, teks, &f)
            .map_err(galat)?;
        self.baris += 1;
        Ok(())
    }

    fn selesai(self: Box<Self>) -> Result<(), String> {
        (*self).tutup()
    }
}

impl Xlsx {
    /// Writes one row, its height from its longest text (leaving out the columns in
    /// `lewati`, merged over a block); returns the row's height in lines.
    fn tulis_baris(
        &mut self,
        sel: &[(Sel, Option<Warna>)],
        lewati: &[usize],
    ) -> Result<u32, String> {
        let tinggi = sel
            .iter()
            .enumerate()
            .filter(|(j, _)| !lewati.contains(j))
            .filter_map(|(j, (s, _))| match s {
                Sel::Teks(t) => Some(garis(t, self.lebar.get(j).copied().unwrap_or(10.0))),
                _ => None,
            })
            .max()
            .unwrap_or(1)
            .max(1);
        let ws = self.buku.worksheet_from_index(0).map_err(galat)?;
        if tinggi > 1 {
            ws.set_row_height(self.baris, f64::from(tinggi) * TINGGI_GARIS)
                .map_err(galat)?;
        }
        for (j, (s, w)) in sel.iter().enumerate() {
            let g = &self.f[w.map_or(0, |w| 1 + WARNA.iter().position(|x| *x == w).unwrap_or(0))];
            let (r, c) = (self.baris, j as u16);
            match s {
                Sel::Kosong => ws.write_blank(r, c, &g.teks),
                Sel::Teks(t)
                    if t.contains('\n')
                        || crate::domain::teks::lebar(t) as f64
                            > self.lebar.get(j).copied().unwrap_or(10.0) =>
                {
                    ws.write_string_with_format(r, c, t, &g.panjang)
                }
                Sel::Teks(t) => ws.write_string_with_format(r, c, t, &g.teks),
                Sel::Bulat(n) => ws.write_number_with_format(r, c, *n as f64, &g.bulat),
                Sel::Tahun(n) => ws.write_number_with_format(r, c, f64::from(*n), &g.tahun),
                Sel::Desimal(n) => ws.write_number_with_format(r, c, *n as f64 / 100.0, &g.desimal),
                Sel::Persen(n) => {
                    ws.write_number_with_format(r, c, *n as f64 / 10_000.0, &g.persen)
                }
                Sel::Rupiah(n) => ws.write_number_with_format(r, c, *n as f64, &g.rupiah),
                Sel::Tanggal(t) => {
                    use chrono::Datelike;
                    let d =
                        ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
                            .map_err(galat)?;
                    ws.write_datetime_with_format(r, c, &d, &g.tanggal)
                }
            }
            .map_err(galat)?;
        }
        self.baris += 1;
        Ok(tinggi)
    }

    fn tutup(mut self) -> Result<(), String> {
        let akhir = self.baris.saturating_sub(1).max(self.awal_data);
        {
            let ws = self.buku.worksheet_from_index(0).map_err(galat)?;
            ws.autofilter(
                self.baris_judul + u32::from(self.awal_data - self.baris_judul > 1),
                0,
                akhir,
                self.kolom.saturating_sub(1),
            )
            .map_err(galat)?;
        }
        let sementara = super::nama_sementara(&self.tujuan);
        if let Err(e) = self.buku.save(&sementara) {
            let _ = std::fs::remove_file(&sementara);
            return Err(format!(
                "{}: tidak dapat ditulis: {e}",
                self.tujuan.display()
            ));
        }
        super::pindahkan(&sementara, &self.tujuan)
    }
}
