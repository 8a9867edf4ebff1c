//! A table as CSV for spreadsheets in an Indonesian locale: `;` between fields, a BOM, the
//! column names in the first row, numbers written `5,88`.

use std::io::Write;
use std::path::PathBuf;

use super::{Kepala, Penulis, Sel, Warna};

pub struct Csv {
    tujuan: Option<PathBuf>,
    sementara: Option<PathBuf>,
    w: ::csv::Writer<Box<dyn Write>>,
}

impl Csv {
    /// `berkas` is a path, or `-` for standard output.
    pub fn new(berkas: &str, kepala: &Kepala) -> Result<Self, String> {
        let (tujuan, sementara, keluar): (Option<PathBuf>, Option<PathBuf>, Box<dyn Write>) =
            if berkas == "-" {
                (None, None, Box::new(std::io::stdout()))
            } else {
                let tujuan = PathBuf::from(berkas);
                let sementara = super::nama_sementara(&tujuan);
                let f = std::fs::File::create(&sementara).map_err(|e| {
                    format!(
                        "{berkas}: tidak dapat ditulis: {}",
                        crate::cli::sebab_io(&e)
                    )
                })?;
                (
                    Some(tujuan),
                    Some(sementara),
                    Box::new(std::io::BufWriter::new(f)),
                )
            };
        let mut keluar = keluar;
        keluar
            .write_all(b"\xEF\xBB\xBF")
            .map_err(|e| format!("{berkas}: {}", crate::cli::sebab_io(&e)))?;
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(keluar);
        w.write_record(kepala.kolom.iter().map(|k| k.kunci.as_str()))
            .map_err(|e| format!("{berkas}: {e}"))?;
        Ok(Csv {
            tujuan,
            sementara,
            w,
        })
    }
}

impl Penulis for Csv {
    fn baris(&mut self, sel: &[(Sel, Option<Warna>)]) -> Result<(), String> {
        self.w
            .write_record(sel.iter().map(|(s, _)| s.csv()))
            .map_err(|e| format!("CSV tidak dapat ditulis: {e}"))
    }

    fn selesai(mut self: Box<Self>) -> Result<(), String> {
        let hasil = self
            .w
            .flush()
            .map_err(|e| format!("CSV tidak dapat ditulis: {}", crate::cli::sebab_io(&e)));
        drop(self.w);
        match (hasil, self.sementara, self.tujuan) {
            (Ok(()), Some(s), Some(t)) => super::pindahkan(&s, &t),
            (Err(e), Some(s), _) => {
                let _ = std::fs::remove_file(s);
                Err(e)
            }
            (r, _, _) => r,
        }
    }
}
