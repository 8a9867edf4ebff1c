//! `pantau hapus contoh|desa KODE|kecamatan KODE`: removals that say first what goes, and ask.

use super::keluaran::cetak;
use std::io::{BufRead, IsTerminal, Write};

use super::{GalatCli, JenisHapus, KELUAR_OK, Konteks};
use crate::domain::kode::{parse_kode_desa, parse_kode_kecamatan};
use crate::domain::teks::aman;
use crate::store::wilayah::{self, Lingkup, Sasaran};

/// The desa with this code, within the scope of `--kecamatan`.
pub(super) fn cari_desa(k: &Konteks, kode: &str) -> Result<wilayah::Desa, GalatCli> {
    let kode = parse_kode_desa(kode)?.kode;
    let d = wilayah::desa_kode(k.store.conn(), &kode)?
        .ok_or_else(|| format!("desa {kode} tidak ada di basis data"))?;
    if let Lingkup::Kecamatan(id) = k.lingkup()?
        && d.kecamatan_id != id
    {
        return Err(
            format!("desa {kode} di luar kecamatan yang dipilih dengan --kecamatan").into(),
        );
    }
    Ok(d)
}

pub(super) fn cari_kecamatan(k: &Konteks, kode: &str) -> Result<wilayah::Kecamatan, GalatCli> {
    let kode = parse_kode_kecamatan(kode)?;
    let kec = wilayah::kecamatan_kode(k.store.conn(), &kode)?
        .ok_or_else(|| format!("kecamatan {kode} tidak ada di basis data"))?;
    if let Lingkup::Kecamatan(id) = k.lingkup()?
        && kec.id != id
    {
        return Err(format!("kecamatan {kode} bukan yang dipilih dengan --kecamatan").into());
    }
    Ok(kec)
}

pub fn jalankan(k: &mut Konteks, apa: JenisHapus) -> Result<u8, GalatCli> {
    let (judul, sasaran, ya) = match apa {
        JenisHapus::Contoh { ya } => {
            let mut contoh = wilayah::kecamatan_contoh(k.store.conn())?;
            if let Lingkup::Kecamatan(id) = k.lingkup()? {
                contoh.retain(|x| x.id == id);
            }
            if contoh.is_empty() {
                cetak!("Tidak ada kecamatan contoh di basis data; tidak ada yang dihapus.");
                return Ok(KELUAR_OK);
            }
            let nama: Vec<String> = contoh
                .iter()
                .map(|x| format!("Kecamatan {} ({})", x.nama, x.kode))
                .collect();
            (
                format!("contoh {}", nama.join(", ")),
                Sasaran::Kecamatan(contoh.iter().map(|x| x.id).collect()),
                ya,
            )
        }
        JenisHapus::Desa { kode, ya } => {
            let d = cari_desa(k, &kode)?;
            (
                format!(
                    "{} {} ({})",
                    if d.kelurahan { "kelurahan" } else { "desa" },
                    d.nama,
                    d.kode
                ),
                Sasaran::Desa {
                    id: d.id,
                    versi: Some(d.versi),
                },
                ya,
            )
        }
        JenisHapus::Kecamatan { kode, ya } => {
            let kec = cari_kecamatan(k, &kode)?;
            (
                format!("Kecamatan {} ({})", kec.nama, kec.kode),
                Sasaran::Kecamatan(vec![kec.id]),
                ya,
            )
        }
    };
    let c = wilayah::cakupan(k.store.conn(), &sasaran)?;
    cetak!("Akan dihapus: {judul}, dengan {}.", c.rincian());
    if c.monev_dilepas > 0 {
        cetak!(
            "{} rencana monev yang menyebut desa ini tetap ada, tanpa tautan ke desa.",
            c.monev_dilepas
        );
    }
    if matches!(sasaran, Sasaran::Desa { .. }) && (c.dokumen > 0 || c.fasilitasi > 0) {
        cetak!(
            "Bila desa ini hanya salah kode, pindahkan datanya: pantau desa ganti-kode LAMA BARU atau pantau desa gabung DARI KE."
        );
    }
    if judul.starts_with("contoh") && c.bukan_contoh > 0 {
        cetak!(
            "Perhatian: {} baris di dalamnya diisi atau diubah pengguna (bukan data contoh) dan ikut terhapus.",
            c.bukan_contoh
        );
    }
    if !boleh(ya, "Hapus?", "dihapus")? {
        return Ok(KELUAR_OK);
    }
    let hasil = k.store.transaksi(|tx| wilayah::hapus(tx, &sasaran))?;
    cetak!("Dihapus: {}.", hasil.rincian());
    cetak!(
        "Setiap baris yang dihapus tercatat dengan isinya: pantau riwayat --tabel desa (atau --tabel dokumen, fasilitasi …). Mengembalikan: lihat README, bagian \"Membatalkan kesalahan\"."
    );
    Ok(KELUAR_OK)
}

/// Asks `pertanyaan` on the terminal unless `--ya` was given; without a terminal and without
/// `--ya` nothing is done. False when the user declines.
fn boleh(ya: bool, pertanyaan: &str, kata: &str) -> Result<bool, GalatCli> {
    if ya {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "tidak ada yang {kata}: tidak ada terminal untuk bertanya; tambahkan --ya untuk melakukannya tanpa bertanya"
        )
        .into());
    }
    eprint!(
        "{}",
        super::keluaran::teks(&format!(
            "{pertanyaan} Ketik y lalu Enter (lainnya batal): "
        ))
    );
    let _ = std::io::stderr().flush();
    let mut jawab = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut jawab)
        .map_err(|e| format!("jawaban tidak terbaca: {}", super::sebab_io(&e)))?;
    if matches!(jawab.trim().to_lowercase().as_str(), "y" | "ya") {
        Ok(true)
    } else {
        cetak!("Dibatalkan; tidak ada yang {kata}.");
        Ok(false)
    }
}

/// `pantau desa ganti-kode LAMA BARU`
pub fn ganti_kode(k: &mut Konteks, lama: &str, baru: &str) -> Result<u8, GalatCli> {
    let d = cari_desa(k, lama)?;
    if let Lingkup::Kecamatan(id) = k.lingkup()?
        && let Ok(x) = parse_kode_desa(baru)
        && let Some(kec) = wilayah::kecamatan_kode(k.store.conn(), &x.kode_kecamatan)?
        && kec.id != id
    {
        return Err(format!(
            "kode {} di luar kecamatan yang dipilih dengan --kecamatan",
            x.kode
        )
        .into());
    }
    let g = k
        .store
        .transaksi(|tx| wilayah::ganti_kode_desa(tx, d.id, Some(d.versi), baru))
        .map_err(tanpa_label)?;
    cetak!(
        "Kode {} {} diganti dari {} menjadi {}; {} catatan dokumen dan {} fasilitasi ikut.",
        if d.kelurahan { "kelurahan" } else { "desa" },
        d.nama,
        g.lama,
        g.baru,
        g.dokumen,
        g.fasilitasi
    );
    if let Some((dari, ke)) = &g.pindah {
        cetak!("Desa ini pindah dari kecamatan {dari} ke {ke}.");
        if g.kecamatan_lama_kosong {
            cetak!(
                "Kecamatan {dari} kini tanpa desa; bila ia hanya salah ketik: pantau hapus kecamatan {dari}"
            );
        }
    }
    Ok(KELUAR_OK)
}

/// `pantau desa gabung DARI KE`
pub fn gabung(k: &mut Konteks, dari: &str, ke: &str, ya: bool) -> Result<u8, GalatCli> {
    let a = cari_desa(k, dari)?;
    let b = cari_desa(k, ke)?;
    cetak!(
        "Akan digabung: catatan desa {} ({}) pindah ke {} ({}), lalu {} dihapus (isinya tercatat di riwayat).",
        a.nama,
        a.kode,
        b.nama,
        b.kode,
        a.kode
    );
    if !boleh(ya, "Gabungkan?", "digabung")? {
        return Ok(KELUAR_OK);
    }
    let g = k
        .store
        .transaksi(|tx| wilayah::gabung_desa(tx, a.id, Some(a.versi), b.id))
        .map_err(tanpa_label)?;
    cetak!(
        "Desa {} ({}) digabung ke {} ({}): {} catatan dokumen, {} fasilitasi dan {} rencana monev dipindah{}; {} dihapus (isinya tercatat di riwayat).",
        a.nama,
        a.kode,
        b.nama,
        b.kode,
        g.dokumen,
        g.fasilitasi,
        g.monev,
        if g.dokumen_sama > 0 {
            format!(
                ", {} catatan yang sama di keduanya disimpan sekali",
                g.dokumen_sama
            )
        } else {
            String::new()
        },
        a.kode
    );
    Ok(KELUAR_OK)
}

/// `pantau kecamatan ganti-nama KODE NAMA`
pub fn ganti_nama(k: &mut Konteks, kode: &str, nama: &str) -> Result<u8, GalatCli> {
    let kec = cari_kecamatan(k, kode)?;
    let lama = k
        .store
        .transaksi(|tx| wilayah::ganti_nama_kecamatan(tx, kec.id, Some(kec.versi), nama))
        .map_err(tanpa_label)?;
    cetak!(
        "Kecamatan {} berganti nama dari '{}' menjadi '{}'.",
        kec.kode,
        aman(&lama),
        aman(nama.trim())
    );
    Ok(KELUAR_OK)
}

/// A store refusal as command-line lines: without the form's `Label: ` and one line per
/// listed conflict.
fn tanpa_label(g: crate::store::Galat) -> GalatCli {
    let teks = g.to_string();
    let teks = ["Kode: ", "Kode desa tujuan: "]
        .iter()
        .find_map(|l| teks.strip_prefix(l))
        .map(str::to_string)
        .unwrap_or(teks);
    GalatCli(teks.lines().map(str::to_string).collect())
}
