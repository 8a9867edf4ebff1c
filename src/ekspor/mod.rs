//! Files the office hands in: tables as spreadsheets (`.xlsx`, with cell types, widths,
//! frozen headers, filters and a printed page set up) or CSV (`;`, BOM), written through a
//! temporary name so that a failure never leaves half a file.

pub mod csv;
pub mod laporan;
pub mod monev;
pub mod status;
pub mod tabel;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// A cell with its type: a spreadsheet keeps numbers as numbers and dates as dates.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    Kosong,
    Teks(String),
    Bulat(i64),
    /// A year or another number written without thousands (2027, not 2.027).
    Tahun(i32),
    /// Hundredths (`Seratus`): 5,88 is 588.
    Desimal(i64),
    /// A percentage in hundredths of a percent: 83,33% is 8333.
    Persen(i64),
    Rupiah(i64),
    Tanggal(NaiveDate),
}

impl Sel {
    pub fn teks(s: impl Into<String>) -> Self {
        Sel::Teks(s.into())
    }

    /// A value as CSV writes it: Indonesian numbers (`5,88`), dates `DD/MM/YYYY`.
    pub fn csv(&self) -> String {
        use crate::domain::angka::format_desimal_ringkas;
        match self {
            Sel::Kosong => String::new(),
            Sel::Teks(s) => s.clone(),
            Sel::Bulat(n) | Sel::Rupiah(n) => n.to_string(),
            Sel::Tahun(n) => n.to_string(),
            Sel::Desimal(n) => format_desimal_ringkas(crate::domain::angka::Seratus(*n)),
            Sel::Persen(n) => format_desimal_ringkas(crate::domain::angka::Seratus(*n)),
            Sel::Tanggal(t) => crate::domain::tanggal::format_tanggal(*t),
        }
    }
}

/// A fill for a cell; the cell's own text always says the same in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warna {
    Merah,
    Jingga,
    Kuning,
    Hijau,
    Abu,
}

/// A column: its title, the group title above it (merged over the group's columns in a
/// spreadsheet), its CSV name and its width in characters.
#[derive(Debug, Clone)]
pub struct Kolom {
    pub judul: String,
    pub grup: Option<String>,
    pub kunci: String,
    pub lebar: f64,
}

impl Kolom {
    pub fn new(judul: &str, kunci: &str, lebar: f64) -> Self {
        Kolom {
            judul: judul.into(),
            grup: None,
            kunci: kunci.into(),
            lebar,
        }
    }

    pub fn grup(mut self, grup: impl Into<String>) -> Self {
        self.grup = Some(grup.into());
        self
    }
}

/// What a table says about itself: the sheet's name, the title and lines above the table,
/// who prints it (the kecamatan, for the page header) and when.
#[derive(Debug, Clone)]
pub struct Kepala {
    pub lembar: String,
    pub judul: String,
    pub keterangan: Vec<String>,
    pub kecamatan: String,
    pub dicetak: NaiveDate,
    pub kolom: Vec<Kolom>,
    /// Rows are written as they come, in little memory (a country's table); a table with
    /// merged blocks (`Penulis::blok`) is held whole instead.
    pub hemat: bool,
    /// Printed in groups of columns side by side, one group to a page with the first columns
    /// repeated on each, `(repeated columns, the first column of each page after the first)`
    /// (a table too wide to read on one A4 page); `None`: fitted to one page's width.
    pub halaman_lebar: Option<(u16, Vec<u16>)>,
}

/// A writer of one table, row by row (a country's table is never held whole).
pub trait Penulis {
    fn baris(&mut self, sel: &[(Sel, Option<Warna>)]) -> Result<(), String>;
    /// Rows that belong together: the columns in `gabung` hold one value for the whole
    /// block (the first row's), merged over the block in a spreadsheet, repeated in CSV.
    fn blok(
        &mut self,
        baris: &[Vec<(Sel, Option<Warna>)>],
        _gabung: &[usize],
    ) -> Result<(), String> {
        for b in baris {
            self.baris(b)?;
        }
        Ok(())
    }
    /// A closing line under the table (a total, a note).
    fn catatan(&mut self, _teks: &str) -> Result<(), String> {
        Ok(())
    }
    /// Writes the file (through a temporary name).
    fn selesai(self: Box<Self>) -> Result<(), String>;
}

/// A table over the whole database when it holds more than one kecamatan: rows name their
/// kecamatan.
pub(crate) fn banyak_kecamatan(
    conn: &rusqlite::Connection,
    lingkup: crate::store::wilayah::Lingkup,
) -> crate::store::Hasil<bool> {
    Ok(matches!(lingkup, crate::store::wilayah::Lingkup::Semua)
        && crate::store::wilayah::jumlah_kecamatan(conn)? > 1)
}

/// The file's format, from its name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    pub fn dari_nama(berkas: &str) -> Result<Format, String> {
        if berkas == "-" {
            return Ok(Format::Csv);
        }
        let ext = Path::new(berkas)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        match ext.as_deref() {
            Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") => Ok(Format::Csv),
            _ => Err(format!(
                "{berkas}: akhiran berkas menentukan bentuknya: .xlsx (lembar kerja) atau .csv; \"-\" menulis CSV ke keluaran standar"
            )),
        }
    }
}

/// A writer for `berkas` in its format (`-`: CSV on standard output).
pub fn penulis(berkas: &str, kepala: Kepala) -> Result<Box<dyn Penulis>, String> {
    match Format::dari_nama(berkas)? {
        Format::Xlsx => Ok(Box::new(xlsx::Xlsx::new(berkas, kepala)?)),
        Format::Csv => Ok(Box::new(csv::Csv::new(berkas, &kepala)?)),
    }
}

/// The temporary name a file is written under before it is renamed into place (same
/// folder, so the rename is atomic).
pub fn nama_sementara(tujuan: &Path) -> PathBuf {
    let nama = tujuan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tujuan.with_file_name(format!(".{nama}.{}.sementara", std::process::id()))
}

/// Puts the finished temporary file in place; on failure it is removed.
pub fn pindahkan(sementara: &Path, tujuan: &Path) -> Result<(), String> {
    std::fs::rename(sementara, tujuan).map_err(|e| {
        let _ = std::fs::remove_file(sementara);
        format!(
            "{}: tidak dapat ditulis: {}",
            tujuan.display(),
            crate::cli::sebab_io(&e)
        )
    })
}
