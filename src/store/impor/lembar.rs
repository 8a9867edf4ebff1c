//! The office's own files: a workbook (`.xlsx`, `.xls`, `.ods`, read with calamine) or a CSV
//! that Excel wrote on Windows (Windows-1252). Either becomes the UTF-8 CSV the importers
//! read, with the same line numbers as the sheet's rows, so that every rule and message of
//! the CSV import holds: errors name `FILE:LEMBAR:BARIS`.

use std::io::Cursor;

use calamine::{Data, Reader};

/// A file made ready for an importer.
#[derive(Debug)]
pub struct Bacaan {
    /// The name in messages: `desa.xlsx:Desa` for a sheet, the file name for a CSV.
    pub nama: String,
    /// UTF-8 CSV.
    pub isi: Vec<u8>,
    pub peringatan: Vec<String>,
}

/// What kind of file the bytes are.
#[derive(Debug, PartialEq, Eq)]
enum Ragam {
    /// `.xlsx` or `.ods`: a zip archive.
    Zip,
    /// `.xls`: an OLE compound document.
    Ole,
    Teks,
}

fn ragam(isi: &[u8]) -> Ragam {
    if isi.starts_with(b"PK\x03\x04") {
        Ragam::Zip
    } else if isi.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Ragam::Ole
    } else {
        Ragam::Teks
    }
}

/// Reads `isi` (the file `nama`): a workbook's sheet (`lembar`, or the first) or a CSV.
pub fn baca(nama: &str, isi: Vec<u8>, lembar: Option<&str>) -> Result<Bacaan, Vec<String>> {
    match ragam(&isi) {
        Ragam::Teks => {
            if lembar.is_some() {
                return Err(vec![format!(
                    "{nama}: --lembar hanya untuk buku kerja (.xlsx, .xls, .ods); berkas ini teks (CSV)"
                )]);
            }
            Ok(teks(nama, isi))
        }
        Ragam::Zip | Ragam::Ole => buku_kerja(nama, isi, lembar),
    }
}

/// A CSV: UTF-8 as it is; otherwise Windows-1252, what Excel on Windows writes for "CSV",
/// with a warning.
fn teks(nama: &str, isi: Vec<u8>) -> Bacaan {
    let tanpa_bom = isi.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&isi);
    if std::str::from_utf8(tanpa_bom).is_ok() {
        return Bacaan {
            nama: nama.to_string(),
            isi,
            peringatan: Vec::new(),
        };
    }
    let (utf8, _, _) = encoding_rs::WINDOWS_1252.decode(&isi);
    Bacaan {
        nama: nama.to_string(),
        isi: utf8.into_owned().into_bytes(),
        peringatan: vec![format!(
            "{nama}: bukan UTF-8; dibaca sebagai Windows-1252 (CSV dari Excel di Windows). Periksa huruf seperti é; simpan sebagai \"CSV UTF-8\" agar pasti"
        )],
    }
}

fn buku_kerja(nama: &str, isi: Vec<u8>, lembar: Option<&str>) -> Result<Bacaan, Vec<String>> {
    let mut buku = calamine::open_workbook_auto_from_rs(Cursor::new(isi)).map_err(|e| {
        vec![format!(
            "{nama}: buku kerja tidak terbaca ({e}); simpan ulang dari Excel atau LibreOffice sebagai .xlsx, .ods atau CSV"
        )]
    })?;
    let daftar = buku.sheet_names();
    let pilihan = match lembar {
        Some(l) => daftar
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(l.trim()))
            .cloned()
            .ok_or_else(|| {
                vec![format!(
                    "{nama}: tidak ada lembar '{l}'; lembar yang ada: {}",
                    daftar.join(", ")
                )]
            })?,
        None => daftar
            .first()
            .cloned()
            .ok_or_else(|| vec![format!("{nama}: buku kerja tanpa lembar")])?,
    };
    let range = buku
        .worksheet_range(&pilihan)
        .map_err(|e| vec![format!("{nama}:{pilihan}: lembar tidak terbaca ({e})")])?;
    let nama_lembar = format!("{nama}:{pilihan}");
    let mut galat = Vec::new();
    // rows above the first cell with a value become empty lines: the line numbers of the
    // CSV are the rows of the sheet
    let (baris_awal, kolom_awal) = range.start().unwrap_or((0, 0));
    let mut teks = "\n".repeat(baris_awal as usize);
    for (i, baris) in range.rows().enumerate() {
        let nomor = baris_awal as usize + i + 1;
        let mut sel: Vec<String> = Vec::with_capacity(baris.len() + kolom_awal as usize);
        // columns left of the first cell with a value are empty
        sel.extend((0..kolom_awal).map(|_| String::new()));
        for (j, c) in baris.iter().enumerate() {
            match nilai(c) {
                Ok(t) => sel.push(t),
                Err(alasan) => {
                    galat.push(format!(
                        "{nama_lembar}:{nomor}: kolom ke-{}: {alasan}",
                        kolom_awal as usize + j + 1
                    ));
                    sel.push(String::new());
                }
            }
        }
        if sel.iter().all(|s| s.trim().is_empty()) {
            teks.push('\n');
            continue;
        }
        // the writer quotes what must be quoted; a line break inside a cell (Alt-Enter) is a
        // space, so each row stays one line
        let sel: Vec<String> = sel
            .into_iter()
            .map(|s| s.replace("\r\n", " ").replace(['\n', '\r'], " "))
            .collect();
        let mut baris_csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        if baris_csv.write_record(&sel).is_err() {
            galat.push(format!("{nama_lembar}:{nomor}: baris tidak dapat dibaca"));
            continue;
        }
        let b = baris_csv.into_inner().unwrap_or_default();
        teks.push_str(&String::from_utf8_lossy(&b));
    }
    if !galat.is_empty() {
        return Err(galat);
    }
    Ok(Bacaan {
        nama: nama_lembar,
        isi: teks.into_bytes(),
        peringatan: Vec::new(),
    })
}

/// A cell as the text the CSV import reads: whole numbers without `.0`, fractions with a
/// decimal comma (a dot would read as thousands), dates as `YYYY-MM-DD`, TRUE/FALSE as ya/tidak.
fn nilai(c: &Data) -> Result<String, String> {
    Ok(match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => kode_angka(*i).unwrap_or_else(|| i.to_string()),
        Data::Float(f) => angka(*f),
        Data::Bool(b) => if *b { "ya" } else { "tidak" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, h, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{h:02}")
        }
        Data::DateTime(d) => angka(d.as_f64()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("sel berisi galat rumus ({e})")),
    })
}

fn angka(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        kode_angka(f as i64).unwrap_or_else(|| format!("{}", f as i64))
    } else {
        f.to_string().replace('.', ",")
    }
}

/// A desa code typed as a number (Excel drops the dots of `3508072001`): ten digits, a
/// province part of 11–99 and a desa part starting 1–3, as `35.08.07.2001`. No count or area
/// of a desa has ten digits.
fn kode_angka(n: i64) -> Option<String> {
    let s = n.to_string();
    let b = s.as_bytes();
    (s.len() == 10 && b[0] != b'0' && (b'1'..=b'3').contains(&b[6]))
        .then(|| format!("{}.{}.{}.{}", &s[..2], &s[2..4], &s[4..6], &s[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_the_csv_import_reads_them() {
        assert_eq!(nilai(&Data::Float(1455.0)).unwrap(), "1455");
        assert_eq!(nilai(&Data::Float(5.88)).unwrap(), "5,88");
        assert_eq!(nilai(&Data::Int(2027)).unwrap(), "2027");
        assert_eq!(nilai(&Data::Bool(true)).unwrap(), "ya");
        // a desa code typed as a number
        assert_eq!(nilai(&Data::Float(3508072001.0)).unwrap(), "35.08.07.2001");
        assert_eq!(nilai(&Data::Int(3508071003)).unwrap(), "35.08.07.1003");
        assert_eq!(nilai(&Data::Int(2955)).unwrap(), "2955");
        assert_eq!(
            nilai(&Data::DateTimeIso("2026-09-01T00:00:00".into())).unwrap(),
            "2026-09-01"
        );
        let d = calamine::ExcelDateTime::new(46266.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(nilai(&Data::DateTime(d)).unwrap(), "2026-09-01");
        assert!(nilai(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }

    #[test]
    fn a_windows_1252_csv_is_read_with_a_warning() {
        let isi = b"kode;nama\n35.08.07.2001;D\xe9sa\n".to_vec();
        let b = baca("x.csv", isi, None).unwrap();
        assert_eq!(
            String::from_utf8(b.isi).unwrap(),
            "kode;nama\n35.08.07.2001;Désa\n"
        );
        assert_eq!(b.peringatan.len(), 1);
        assert!(b.peringatan[0].starts_with("x.csv: bukan UTF-8"));
        let b = baca("y.csv", "kode;nama\n1;Désa\n".as_bytes().to_vec(), None).unwrap();
        assert!(b.peringatan.is_empty());
    }

    #[test]
    fn a_sheet_is_refused_for_a_text_file() {
        let g = baca("x.csv", b"kode\n".to_vec(), Some("Desa")).unwrap_err();
        assert!(g[0].contains("--lembar hanya untuk buku kerja"), "{g:?}");
    }
}
