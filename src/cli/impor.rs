//! `pantau impor {desa,dokumen,fasilitasi,ikm} FILE|-`

use std::io::Read;

use super::{GalatCli, JenisImpor, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::store::impor::{self, GalatImpor, Laporan};

/// The file's bytes and the name used in messages (`(stdin)` for `-`).
fn baca_berkas(berkas: &str) -> Result<(String, Vec<u8>), GalatCli> {
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

pub fn jalankan(k: &mut Konteks, jenis: JenisImpor) -> Result<u8, GalatCli> {
    let lingkup = k.lingkup()?;
    let (apa, berkas) = match &jenis {
        JenisImpor::Desa { berkas } => ("desa", berkas),
        JenisImpor::Dokumen { berkas } => ("dokumen", berkas),
        JenisImpor::Fasilitasi { berkas } => ("fasilitasi", berkas),
        JenisImpor::Ikm { berkas } => ("ikm", berkas),
    };
    let (nama, isi) = baca_berkas(berkas)?;
    let hasil = match jenis {
        JenisImpor::Desa { .. } => impor::impor_desa(&mut k.store, &nama, &isi, lingkup),
        JenisImpor::Dokumen { .. } => {
            impor::impor_dokumen(&mut k.store, &nama, &isi, k.hari_ini, lingkup)
        }
        JenisImpor::Fasilitasi { .. } => {
            impor::impor_fasilitasi(&mut k.store, &nama, &isi, k.hari_ini, lingkup)
        }
        JenisImpor::Ikm { .. } => impor::impor_ikm(&mut k.store, &nama, &isi, k.hari_ini, lingkup),
    };
    match hasil {
        Ok(laporan) => {
            cetak_laporan(apa, &nama, &laporan);
            Ok(KELUAR_OK)
        }
        Err(GalatImpor::Berkas(mut baris)) => {
            let n = baris.len();
            baris.push(format!(
                "{nama}: impor dibatalkan ({n} masalah); tidak ada yang disimpan"
            ));
            Err(GalatCli(baris))
        }
        Err(GalatImpor::Store(g)) => Err(GalatCli(vec![
            g.to_string(),
            format!("{nama}: impor {apa} dibatalkan; tidak ada yang disimpan"),
        ])),
    }
}

fn cetak_laporan(apa: &str, nama: &str, l: &Laporan) {
    for p in &l.peringatan {
        eprintln!("{p}");
    }
    let satuan = match apa {
        "desa" => "desa",
        "dokumen" => "dokumen",
        "fasilitasi" => "catatan fasilitasi",
        _ => "responden IKM",
    };
    if l.baris == 0 {
        println!(
            "Impor {apa} dari {nama}: berkas tidak berisi baris data; tidak ada yang disimpan."
        );
        return;
    }
    let mut pesan = format!(
        "Impor {apa} dari {nama}: {} {satuan} disimpan",
        format_ribuan(l.baris as i64)
    );
    if l.kecamatan_baru > 0 {
        pesan.push_str(&format!(", {} kecamatan baru", l.kecamatan_baru));
    }
    if !l.peringatan.is_empty() {
        pesan.push_str(&format!(", {} peringatan", l.peringatan.len()));
    }
    println!("{pesan}.");
}
