//! `pantau ekspor matriks|rencana|kak …`: files people open elsewhere. The M&E matrix is shared with
//! every desa and unit as a spreadsheet (CSV with `;` and a BOM, as Indonesian Excel and
//! LibreOffice expect); the KAK is printed every year, so it comes out as plain text.

use crate::cli::keluaran::cetak_galat;
use std::io::Write;

use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::{
    format_desimal_ringkas, format_persen, format_ribuan, format_rupiah, persen,
};
use crate::domain::indikator::capaian;
use crate::domain::tanggal::{format_tanggal, format_tanggal_panjang};
use crate::domain::teks::{aman, aman_baris};
use crate::store::kegiatan::{self, BAGIAN};
use crate::store::monev;
use crate::store::wilayah;

fn tulis(berkas: &str, isi: &[u8]) -> Result<(), GalatCli> {
    if berkas == "-" {
        std::io::stdout().write_all(isi).map_err(|e| {
            GalatCli(vec![format!(
                "keluaran tidak dapat ditulis: {}",
                super::sebab_io(&e)
            )])
        })
    } else {
        std::fs::write(berkas, isi).map_err(|e| {
            GalatCli(vec![format!(
                "{berkas}: tidak dapat ditulis: {}",
                super::sebab_io(&e)
            )])
        })?;
        cetak_galat!("Ditulis: {berkas}");
        Ok(())
    }
}

pub fn matriks(k: &Konteks, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    if berkas.to_lowercase().ends_with(".xlsx") {
        return super::ekspor_tabel::matriks(k, tahun, berkas);
    }
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let galat = |e: csv::Error| GalatCli(vec![format!("CSV tidak dapat dibuat: {e}")]);
    w.write_record([
        "kecamatan",
        "no",
        "kondisi_awal",
        "kegiatan",
        "pelaksana",
        "target_output",
        "putaran_1_tanggal",
        "putaran_1_kemajuan",
        "putaran_1_kendala",
        "putaran_1_tindak_lanjut",
        "putaran_2_tanggal",
        "putaran_2_kemajuan",
        "putaran_2_kendala",
        "putaran_2_tindak_lanjut",
        "putaran_3_tanggal",
        "putaran_3_kemajuan",
        "putaran_3_kendala",
        "putaran_3_tindak_lanjut",
        "target_outcome",
        "capaian_outcome",
    ])
    .map_err(galat)?;
    let mut n = 0;
    for (i, m) in monev::daftar_masalah(conn, lingkup, tahun, 0, i64::MAX)?
        .iter()
        .enumerate()
    {
        let kec = wilayah::kecamatan_id(conn, m.kecamatan_id)?
            .map(|x| x.kode)
            .unwrap_or_default();
        let kosong = [Default::default()];
        let kegiatan: &[monev::MatriksKegiatan] = if m.kegiatan.is_empty() {
            &kosong
        } else {
            &m.kegiatan
        };
        for g in kegiatan {
            let mut baris = vec![
                kec.clone(),
                (i + 1).to_string(),
                m.kondisi_awal.clone(),
                g.uraian.clone(),
                g.pelaksana.clone(),
                g.target_output.clone(),
            ];
            for p in &g.putaran {
                baris.push(p.tanggal.map(format_tanggal).unwrap_or_default());
                baris.push(p.kemajuan.clone());
                baris.push(p.kendala.clone());
                baris.push(p.tindak_lanjut.clone());
            }
            baris.push(m.target_outcome.clone());
            baris.push(m.capaian_outcome.clone());
            // texts from the database, perhaps written before control characters were refused
            w.write_record(baris.iter().map(|c| aman_baris(c).into_owned()))
                .map_err(galat)?;
            n += 1;
        }
    }
    let mut isi = b"\xEF\xBB\xBF".to_vec();
    isi.extend(w.into_inner().map_err(|e| GalatCli(vec![e.to_string()]))?);
    tulis(berkas, &isi)?;
    if berkas != "-" {
        cetak_galat!(
            "Matriks monev {tahun}: {} baris kegiatan.",
            format_ribuan(n)
        );
    }
    Ok(KELUAR_OK)
}

/// The plan-completion monitoring of year `tahun`: one row per round (a plan without rounds
/// gets one row with the round columns empty), so that every round entered is in the file.
pub fn rencana(k: &Konteks, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    if berkas.to_lowercase().ends_with(".xlsx") {
        return super::ekspor_tabel::rencana(k, tahun, berkas);
    }
    if berkas != "-" && !berkas.to_lowercase().ends_with(".csv") {
        return Err(format!(
            "{}: ekspor rencana ditulis sebagai .xlsx atau .csv; beri nama berakhiran salah satunya (atau - untuk CSV ke keluaran standar)",
            aman(berkas)
        )
        .into());
    }
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let galat = |e: csv::Error| GalatCli(vec![format!("CSV tidak dapat dibuat: {e}")]);
    w.write_record([
        "kecamatan",
        "unit",
        "jenis_unit",
        "dokumen",
        "target",
        "selesai",
        "status",
        "keterangan",
        "putaran",
        "tanggal",
        "kemajuan_persen",
        "kemajuan",
        "kendala",
        "tindak_lanjut",
    ])
    .map_err(galat)?;
    let mut n = 0;
    let mut kode_kec = std::collections::HashMap::new();
    for r in monev::daftar_rencana(conn, lingkup, tahun, 0, i64::MAX)? {
        let kec = match kode_kec.get(&r.kecamatan_id) {
            Some(x) => x,
            None => {
                let kode = wilayah::kecamatan_id(conn, r.kecamatan_id)?
                    .map(|x| x.kode)
                    .unwrap_or_default();
                kode_kec.entry(r.kecamatan_id).or_insert(kode)
            }
        };
        let status = match (r.selesai, r.terlambat(k.hari_ini)) {
            (Some(_), false) => "selesai",
            (Some(_), true) => "selesai_terlambat",
            (None, true) => "terlambat",
            (None, false) => "berjalan",
        };
        let kepala = [
            kec.clone(),
            r.unit.clone(),
            r.jenis_unit.clone(),
            r.dokumen.clone(),
            format_tanggal(r.target),
            r.selesai.map(format_tanggal).unwrap_or_default(),
            status.to_string(),
            r.keterangan.clone(),
        ];
        let kosong = [monev::Putaran::default()];
        let putaran: &[monev::Putaran] = if r.putaran.is_empty() {
            &kosong
        } else {
            &r.putaran
        };
        for p in putaran {
            let mut baris = kepala.to_vec();
            baris.extend([
                if p.ke > 0 {
                    p.ke.to_string()
                } else {
                    String::new()
                },
                p.tanggal.map(format_tanggal).unwrap_or_default(),
                p.kemajuan_persen.map(|x| x.to_string()).unwrap_or_default(),
                p.kemajuan.clone(),
                p.kendala.clone(),
                p.tindak_lanjut.clone(),
            ]);
            w.write_record(baris.iter().map(|c| aman_baris(c).into_owned()))
                .map_err(galat)?;
            n += 1;
        }
    }
    let mut isi = b"\xEF\xBB\xBF".to_vec();
    isi.extend(w.into_inner().map_err(|e| GalatCli(vec![e.to_string()]))?);
    tulis(berkas, &isi)?;
    if berkas != "-" {
        eprintln!(
            "Pemantauan rencana {tahun}: {} baris putaran.",
            format_ribuan(n)
        );
    }
    Ok(KELUAR_OK)
}

pub fn kak(k: &Konteks, tahun: Option<i32>, kode: &str, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    let conn = k.store.conn();
    let keg = super::kegiatan::pilih(k, tahun, kode)?;
    let Some(kak) = kegiatan::kak(conn, keg.id)? else {
        return Err(format!("kegiatan {} tidak ada", aman(kode)).into());
    };
    if berkas.to_lowercase().ends_with(".toml") {
        // the KAK as a file for `pantau impor kak` (another kecamatan, another year)
        let isi = kegiatan::ke_toml(&kak)?;
        tulis(berkas, isi.as_bytes())?;
        return Ok(KELUAR_OK);
    }
    let kec = wilayah::kecamatan_id(conn, keg.kecamatan_id)?.unwrap_or_default();
    let mut t = String::new();
    // every line safe to print, also from an old database
    let mut l = |s: &str| {
        t.push_str(&aman_baris(s));
        t.push('\n');
    };
    l(&format!(
        "PEMERINTAH KABUPATEN {}",
        kec.kabupaten.to_uppercase()
    ));
    l(&format!("KECAMATAN {}", kec.nama.to_uppercase()));
    if !kec.alamat.is_empty() {
        l(&format!(
            "{} Telp. {} - {}",
            kec.alamat, kec.telepon, kec.kode_pos
        ));
    }
    l("");
    l("KERANGKA ACUAN KERJA (KAK)");
    l(&format!("Tahun Anggaran {tahun}"));
    l("");
    let g = &kak.kegiatan;
    l(&format!(
        "Program         : {} {}",
        g.kode_program, g.nama_program
    ));
    l(&format!(
        "Kegiatan        : {} {}",
        g.kode_kegiatan, g.nama_kegiatan
    ));
    if !g.kode_sub_kegiatan.is_empty() {
        l(&format!("Sub kegiatan    : {}", g.kode_sub_kegiatan));
    }
    l(&format!("Seksi           : {}", g.seksi));
    l("");
    l("INDIKATOR");
    let hitungan = kegiatan::realisasi_hitung(conn, &kak)?;
    for (i, h) in kak.indikator.iter().zip(&hitungan) {
        let a = |v: Option<crate::domain::angka::Seratus>| {
            v.map(format_desimal_ringkas).unwrap_or_else(|| "-".into())
        };
        // IKU 1, IKU 2 and the IKM are computed, as `pantau iku` shows them
        let (realisasi, teks_realisasi) = match h {
            Some(h) => (h.nilai(), format!("{} ({})", a(h.nilai()), h.asal())),
            None => (i.realisasi, a(i.realisasi)),
        };
        l(&format!(
            "- [{}] {} | target {} {} | realisasi {} | capaian {}",
            i.tingkat,
            i.uraian,
            a(i.target),
            i.satuan,
            teks_realisasi,
            format_persen(match h {
                Some(h) => h.capaian(i.target),
                None => capaian(i.target, realisasi),
            })
        ));
    }
    for (kode_bagian, judul) in BAGIAN {
        let butir: Vec<_> = kak
            .butir
            .iter()
            .filter(|b| b.bagian == *kode_bagian)
            .collect();
        if butir.is_empty() {
            continue;
        }
        l("");
        l(&judul.to_uppercase());
        let mut kelompok = "";
        let mut n = 0;
        for b in butir {
            if !b.kelompok.is_empty() && b.kelompok != kelompok {
                l(&b.kelompok);
                kelompok = &b.kelompok;
                n = 0;
            }
            n += 1;
            l(&format!("{n}. {}", b.teks));
        }
    }
    l("");
    l("RIWAYAT ANGGARAN (N-2 | N-1 | tahun berjalan | perubahan)");
    for a in &kak.anggaran {
        let rp = |x: Option<i64>| x.map(format_rupiah).unwrap_or_else(|| "-".into());
        let ubah = match (a.n1, a.berjalan) {
            (Some(n1), Some(b)) => format_persen(persen(b - n1, n1)),
            _ => "-".into(),
        };
        l(&format!(
            "- {} | {} | {} | {} | {}",
            a.uraian,
            rp(a.n2),
            rp(a.n1),
            rp(a.berjalan),
            ubah
        ));
    }
    l("");
    l("RENCANA ANGGARAN BIAYA");
    for b in &kak.biaya {
        l(&format!("- {}: {}", b.uraian, format_rupiah(b.jumlah)));
    }
    l(&format!("Jumlah: {}", format_rupiah(kak.total_biaya())));
    l("");
    l("TAHAPAN DAN JADWAL");
    for s in &kak.tahapan {
        l(&format!("- {} ({})", s.nama, s.bulan.teks()));
        for (apa, isi) in [
            ("Tempat", &s.tempat),
            ("Pelaksana", &s.pelaksana),
            ("Peserta", &s.peserta),
        ] {
            if !isi.is_empty() {
                l(&format!("  {apa}: {isi}"));
            }
        }
    }
    if !g.waktu.is_empty() {
        l("");
        l(&format!("Waktu: {}", g.waktu));
    }
    l("");
    l(&format!(
        "{}, {}",
        kec.nama,
        format_tanggal_panjang(k.hari_ini)
    ));
    if kak.kegiatan.contoh {
        l("(data contoh)");
    }
    tulis(berkas, t.as_bytes())?;
    Ok(KELUAR_OK)
}
