//! `pantau impor {desa,dokumen,fasilitasi,ikm,hari-libur} FILE|-`

use crate::cli::keluaran::{cetak, cetak_galat};
use std::io::Read;

use super::{GalatCli, JenisImpor, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::teks::aman;
use crate::store::impor::{self, GalatImpor, Laporan};

/// The file's bytes and the name used in messages (`(stdin)` for `-`).
pub(super) fn baca_berkas(berkas: &str) -> Result<(String, Vec<u8>), GalatCli> {
    if berkas == "-" {
        let mut isi = Vec::new();
        std::io::stdin().read_to_end(&mut isi).map_err(|e| {
            format!(
                "masukan standar tidak dapat dibaca: {}",
                super::sebab_io(&e)
            )
        })?;
        return Ok(("(stdin)".into(), isi));
    }
    std::fs::read(berkas)
        .map(|isi| (berkas.to_string(), isi))
        .map_err(|e| GalatCli(vec![format!("{berkas}: {}", super::sebab_io(&e))]))
}

pub fn jalankan(k: &mut Konteks, jenis: JenisImpor, lembar: Option<&str>) -> Result<u8, GalatCli> {
    if let JenisImpor::Kak { berkas, tahun } = &jenis {
        return super::kegiatan::impor(k, berkas, *tahun);
    }
    // days off belong to no kecamatan: no --kecamatan needed
    let lingkup = match &jenis {
        JenisImpor::HariLibur { .. } => crate::store::wilayah::Lingkup::Semua,
        _ => k.lingkup()?,
    };
    let (apa, berkas) = match &jenis {
        JenisImpor::Desa { berkas } => ("desa", berkas),
        JenisImpor::Dokumen { berkas } => ("dokumen", berkas),
        JenisImpor::Fasilitasi { berkas } => ("fasilitasi", berkas),
        JenisImpor::Ikm { berkas } => ("ikm", berkas),
        JenisImpor::HariLibur { berkas } => ("hari libur", berkas),
        JenisImpor::KepalaDesa { berkas } => ("kepala desa", berkas),
        JenisImpor::Kak { .. } => unreachable!("handled above"),
    };
    let (nama, isi) = baca_berkas(berkas)?;
    // a workbook's sheet, or a CSV that Excel wrote on Windows, as the UTF-8 CSV the import reads
    let bacaan = impor::lembar::baca(&nama, isi, lembar).map_err(|baris| {
        let mut baris: Vec<String> = baris.iter().map(|b| aman(b).into_owned()).collect();
        baris.push(format!(
            "{}: impor dibatalkan; tidak ada yang disimpan",
            aman(&nama)
        ));
        GalatCli(baris)
    })?;
    for p in &bacaan.peringatan {
        cetak_galat!("{}", aman(p));
    }
    let (nama, isi) = (bacaan.nama, bacaan.isi);
    let hasil = match jenis {
        JenisImpor::Desa { .. } => impor::impor_desa(&mut k.store, &nama, &isi, lingkup),
        JenisImpor::Dokumen { .. } => {
            impor::impor_dokumen(&mut k.store, &nama, &isi, k.hari_ini, lingkup)
        }
        JenisImpor::Fasilitasi { .. } => {
            impor::impor_fasilitasi(&mut k.store, &nama, &isi, k.hari_ini, lingkup)
        }
        JenisImpor::Ikm { .. } => impor::impor_ikm(&mut k.store, &nama, &isi, k.hari_ini, lingkup),
        JenisImpor::HariLibur { .. } => impor::impor_hari_libur(&mut k.store, &nama, &isi),
        JenisImpor::KepalaDesa { .. } => {
            impor::impor_kepala_desa(&mut k.store, &nama, &isi, k.hari_ini, lingkup)
        }
        JenisImpor::Kak { .. } => unreachable!("handled above"),
    };
    match hasil {
        Ok(laporan) => {
            cetak_laporan(apa, &nama, &laporan);
            Ok(KELUAR_OK)
        }
        Err(GalatImpor::Berkas(baris)) => {
            let n = baris.len();
            // a reason may quote what the file holds: printed safe for the terminal
            let mut baris: Vec<String> = baris.iter().map(|b| aman(b).into_owned()).collect();
            baris.push(format!(
                "{}: impor dibatalkan ({} masalah); tidak ada yang disimpan",
                aman(&nama),
                format_ribuan(n as i64)
            ));
            Err(GalatCli(baris))
        }
        Err(GalatImpor::Store(g)) => Err(GalatCli(vec![
            aman(&g.to_string()).into_owned(),
            format!(
                "{}: impor {apa} dibatalkan; tidak ada yang disimpan",
                aman(&nama)
            ),
        ])),
    }
}

fn cetak_laporan(apa: &str, nama: &str, l: &Laporan) {
    for p in &l.peringatan {
        cetak_galat!("{}", aman(p));
    }
    cetak!("{}", aman(&pesan_laporan(apa, nama, l)));
}

/// The summary line of an import: what was read, then what was new, changed or already the
/// same, every number written the Indonesian way (`7.285`).
pub(crate) fn pesan_laporan(apa: &str, nama: &str, l: &Laporan) -> String {
    let n = |x: usize| format_ribuan(x as i64);
    if l.baris == 0 {
        return format!(
            "Impor {apa} dari {nama}: berkas tidak berisi baris data; tidak ada yang disimpan."
        );
    }
    let isi = match apa {
        "desa" => {
            let desa = l.baris - l.kelurahan;
            match (desa, l.kelurahan) {
                (_, 0) => format!("{} desa", n(desa)),
                (0, k) => format!("{} kelurahan", n(k)),
                (d, k) => format!("{} desa dan {} kelurahan", n(d), n(k)),
            }
        }
        "dokumen" => format!("{} dokumen", n(l.baris)),
        "fasilitasi" => format!("{} catatan fasilitasi", n(l.baris)),
        "hari libur" => format!("{} tanggal", n(l.baris)),
        "kepala desa" => format!("{} kepala desa", n(l.baris)),
        _ => format!("{} responden IKM", n(l.baris)),
    };
    let mut pesan = format!("Impor {apa} dari {nama}: {isi}");
    if l.baru + l.diubah == 0 && l.sama > 0 {
        pesan.push_str(", semua tidak berubah; tidak ada yang disimpan");
    } else if l.diubah + l.sama == 0 {
        pesan.push_str(" baru disimpan");
    } else {
        let bagian: Vec<String> = [
            (l.baru, "baru"),
            (l.diubah, "diubah"),
            (l.sama, "tidak berubah"),
        ]
        .iter()
        .filter(|(x, _)| *x > 0)
        .map(|(x, s)| format!("{} {s}", n(*x)))
        .collect();
        pesan.push_str(&format!(": {}", bagian.join(", ")));
    }
    if l.kecamatan_baru > 0 {
        pesan.push_str(&format!("; {} kecamatan baru", n(l.kecamatan_baru)));
    }
    if !l.peringatan.is_empty() {
        pesan.push_str(&format!("; {} peringatan", n(l.peringatan.len())));
    }
    pesan.push('.');
    pesan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(baris: usize, kelurahan: usize, baru: usize, diubah: usize, sama: usize) -> Laporan {
        Laporan {
            baris,
            kelurahan,
            baru,
            diubah,
            sama,
            ..Default::default()
        }
    }

    #[test]
    fn import_summary_counts_desa_and_kelurahan_and_what_changed() {
        assert_eq!(
            pesan_laporan("desa", "d.csv", &l(92_250, 8_488, 0, 0, 92_250)),
            "Impor desa dari d.csv: 83.762 desa dan 8.488 kelurahan, semua tidak berubah; tidak ada yang disimpan."
        );
        assert_eq!(
            pesan_laporan("desa", "d.csv", &l(3, 1, 1, 1, 1)),
            "Impor desa dari d.csv: 2 desa dan 1 kelurahan: 1 baru, 1 diubah, 1 tidak berubah."
        );
        assert_eq!(
            pesan_laporan("dokumen", "x.csv", &l(100_000, 0, 100_000, 0, 0)),
            "Impor dokumen dari x.csv: 100.000 dokumen baru disimpan."
        );
        let mut k = l(12, 0, 12, 0, 0);
        k.kecamatan_baru = 1;
        assert_eq!(
            pesan_laporan("desa", "d.csv", &k),
            "Impor desa dari d.csv: 12 desa baru disimpan; 1 kecamatan baru."
        );
    }
}
