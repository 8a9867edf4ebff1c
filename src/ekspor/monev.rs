//! The KOMPAK monitoring as the seed's tables (seed 004, part 2): the M&E matrix (problem,
//! activity and implementer, output target, rounds I–III, outcome target and achievement; a
//! problem's cells merged over its activities) and plan-completion monitoring (each desa or
//! unit with its target date and every round: date, progress, obstacle and follow-up).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Kepala, Kolom, Penulis, Sel, Warna};
use crate::domain::tanggal::format_tanggal;
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Hasil, monev};

/// "Tanggal: 05/06/2026 / Kemajuan: 60% – … / Kendala: … / Tindak lanjut: …", one per line.
fn isi_putaran(p: &monev::Putaran) -> String {
    if p.kosong() {
        return String::new();
    }
    let mut b = Vec::new();
    if let Some(t) = p.tanggal {
        b.push(format!("Tanggal: {}", format_tanggal(t)));
    }
    let persen = p.kemajuan_persen.map(|x| format!("{x}%"));
    match (persen, p.kemajuan.is_empty()) {
        (Some(x), true) => b.push(format!("Kemajuan: {x}")),
        (Some(x), false) => b.push(format!("Kemajuan: {x} – {}", p.kemajuan)),
        (None, false) => b.push(format!("Kemajuan: {}", p.kemajuan)),
        (None, true) => {}
    }
    if !p.kendala.is_empty() {
        b.push(format!("Kendala: {}", p.kendala));
    }
    if !p.tindak_lanjut.is_empty() {
        b.push(format!("Tindak lanjut: {}", p.tindak_lanjut));
    }
    b.join("\n")
}

fn kecamatan(
    conn: &Connection,
    lingkup: Lingkup,
) -> Hasil<Option<std::collections::HashMap<i64, String>>> {
    if matches!(lingkup, Lingkup::Kecamatan(_)) || wilayah::jumlah_kecamatan(conn)? <= 1 {
        return Ok(None);
    }
    Ok(Some(
        wilayah::daftar_kecamatan(conn, lingkup, 0, i64::MAX)?
            .into_iter()
            .map(|k| (k.id, format!("{} {}", k.kode, k.nama)))
            .collect(),
    ))
}

pub fn kepala_matriks(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    tahun: i32,
    hari_ini: NaiveDate,
) -> Hasil<Kepala> {
    let mut kolom = Vec::new();
    if kecamatan(conn, lingkup)?.is_some() {
        kolom.push(Kolom::new("Kecamatan", "kecamatan", 16.0));
    }
    let hasil = "Hasil Monitoring Kemajuan Output";
    kolom.extend([
        Kolom::new("Permasalahan (kondisi awal)", "kondisi_awal", 28.0),
        Kolom::new("Kegiatan & Pelaksana", "kegiatan_pelaksana", 28.0),
        Kolom::new("Target Output Kegiatan", "target_output", 20.0),
        Kolom::new("I", "putaran_1", 26.0).grup(hasil),
        Kolom::new("II", "putaran_2", 26.0).grup(hasil),
        Kolom::new("III", "putaran_3", 26.0).grup(hasil),
        Kolom::new("Target Outcome", "target_outcome", 20.0),
        Kolom::new("Capaian Outcome", "capaian_outcome", 20.0),
    ]);
    Ok(Kepala {
        lembar: format!("Matriks monev {tahun}"),
        judul: format!("Matriks Kerangka Monitoring & Evaluasi Sederhana {tahun}"),
        keterangan: vec![
            nama_lingkup.to_string(),
            "Kemajuan, kendala dan tindak lanjut tiap putaran monitoring (KOMPAK, modul 2.C)."
                .into(),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom,
        hemat: false,
        halaman_lebar: None,
    })
}

/// The matrix, one block per problem; returns the number of activity rows.
pub fn tulis_matriks(
    conn: &Connection,
    lingkup: Lingkup,
    tahun: i32,
    w: &mut dyn Penulis,
) -> Hasil<usize> {
    let kec = kecamatan(conn, lingkup)?;
    let geser = usize::from(kec.is_some());
    let mut n = 0;
    for (i, m) in monev::daftar_masalah(conn, lingkup, tahun, 0, i64::MAX)?
        .iter()
        .enumerate()
    {
        let kosong = [monev::MatriksKegiatan::default()];
        let kegiatan: &[monev::MatriksKegiatan] = if m.kegiatan.is_empty() {
            &kosong
        } else {
            &m.kegiatan
        };
        let mut blok = Vec::new();
        for g in kegiatan {
            let mut b: Vec<(Sel, Option<Warna>)> = Vec::new();
            if let Some(k) = &kec {
                b.push((
                    Sel::teks(k.get(&m.kecamatan_id).cloned().unwrap_or_default()),
                    None,
                ));
            }
            let pelaksana = match (g.uraian.is_empty(), g.pelaksana.is_empty()) {
                (_, true) => g.uraian.clone(),
                (true, false) => g.pelaksana.clone(),
                (false, false) => format!("{} – {}", g.uraian, g.pelaksana),
            };
            b.push((Sel::teks(format!("{}. {}", i + 1, m.kondisi_awal)), None));
            b.push((Sel::teks(pelaksana), None));
            b.push((Sel::teks(&g.target_output), None));
            for p in &g.putaran {
                b.push((Sel::teks(isi_putaran(p)), None));
            }
            b.push((Sel::teks(&m.target_outcome), None));
            b.push((Sel::teks(&m.capaian_outcome), None));
            blok.push(b);
            n += 1;
        }
        let mut gabung = vec![geser, geser + 6, geser + 7];
        if geser == 1 {
            gabung.push(0);
        }
        w.blok(&blok, &gabung)
            .map_err(crate::store::Galat::TidakSah)?;
    }
    Ok(n)
}

/// The number of round columns the plan table needs: the most rounds of a plan, at least two
/// (as the seed's table).
fn jumlah_putaran(r: &[monev::Rencana]) -> usize {
    r.iter()
        .flat_map(|r| r.putaran.iter().map(|p| p.ke as usize))
        .max()
        .unwrap_or(0)
        .max(r.iter().map(|r| r.putaran.len()).max().unwrap_or(0))
        .max(2)
}

fn romawi(n: usize) -> String {
    const A: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in A {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Plan-completion monitoring: its header (the rounds known from the data) and rows.
pub fn rencana(
    conn: &Connection,
    lingkup: Lingkup,
    nama_lingkup: &str,
    tahun: i32,
    hari_ini: NaiveDate,
    berkas: &str,
) -> Result<usize, String> {
    let galat = |e: crate::store::Galat| e.to_string();
    let daftar = monev::daftar_rencana(conn, lingkup, tahun, 0, i64::MAX).map_err(galat)?;
    let kec = kecamatan(conn, lingkup).map_err(galat)?;
    let n_putaran = jumlah_putaran(&daftar);
    let mut kolom = Vec::new();
    if kec.is_some() {
        kolom.push(Kolom::new("Kecamatan", "kecamatan", 16.0));
    }
    kolom.extend([
        Kolom::new("Desa/Unit Layanan", "unit", 22.0),
        Kolom::new("Dokumen", "dokumen", 18.0),
        Kolom::new("Target Waktu Penyelesaian", "target", 13.0),
        Kolom::new("Selesai", "selesai", 11.0),
        Kolom::new("Status", "status", 16.0),
    ]);
    for i in 1..=n_putaran {
        let g = format!("Monitoring Kemajuan {}", romawi(i));
        kolom.push(Kolom::new("Tanggal", &format!("putaran_{i}_tanggal"), 11.0).grup(&g));
        kolom.push(Kolom::new("Kemajuan", &format!("putaran_{i}_kemajuan"), 22.0).grup(&g));
        kolom.push(
            Kolom::new(
                "Kendala & Tindak Lanjut",
                &format!("putaran_{i}_kendala_tindak_lanjut"),
                26.0,
            )
            .grup(&g),
        );
    }
    let kepala = Kepala {
        lembar: format!("Rencana {tahun}"),
        judul: format!("Monitoring Kemajuan Penyelesaian Dokumen Rencana {tahun}"),
        keterangan: vec![
            nama_lingkup.to_string(),
            format!("Keadaan pada {}.", format_tanggal(hari_ini)),
        ],
        kecamatan: nama_lingkup.to_string(),
        dicetak: hari_ini,
        kolom,
        hemat: false,
        halaman_lebar: None,
    };
    let mut w = super::penulis(berkas, kepala)?;
    for r in &daftar {
        let mut b: Vec<(Sel, Option<Warna>)> = Vec::new();
        if let Some(k) = &kec {
            b.push((
                Sel::teks(k.get(&r.kecamatan_id).cloned().unwrap_or_default()),
                None,
            ));
        }
        let (status, warna) = match (r.selesai, r.terlambat(hari_ini)) {
            (Some(_), false) => ("selesai", Warna::Hijau),
            (Some(_), true) => ("selesai terlambat", Warna::Kuning),
            (None, true) => ("terlambat", Warna::Merah),
            (None, false) => ("berjalan", Warna::Abu),
        };
        let unit = if r.jenis_unit.is_empty() {
            r.unit.clone()
        } else {
            format!("{} ({})", r.unit, r.jenis_unit)
        };
        b.push((Sel::teks(unit), None));
        b.push((Sel::teks(&r.dokumen), None));
        b.push((Sel::Tanggal(r.target), None));
        b.push((r.selesai.map_or(Sel::Kosong, Sel::Tanggal), None));
        b.push((Sel::teks(status), Some(warna)));
        for i in 1..=n_putaran {
            match r.putaran.iter().find(|p| p.ke as usize == i) {
                Some(p) => {
                    b.push((p.tanggal.map_or(Sel::Kosong, Sel::Tanggal), None));
                    let persen = p.kemajuan_persen.map(|x| format!("{x}%"));
                    b.push((
                        Sel::teks(match (persen, p.kemajuan.is_empty()) {
                            (Some(x), true) => x,
                            (Some(x), false) => format!("{x} – {}", p.kemajuan),
                            (None, _) => p.kemajuan.clone(),
                        }),
                        None,
                    ));
                    let kt = [p.kendala.as_str(), p.tindak_lanjut.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" / ");
                    b.push((Sel::teks(kt), None));
                }
                None => b.extend([
                    (Sel::Kosong, None),
                    (Sel::Kosong, None),
                    (Sel::Kosong, None),
                ]),
            }
        }
        w.baris(&b)?;
    }
    w.selesai()?;
    Ok(daftar.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn roman_numerals() {
        assert_eq!(super::romawi(1), "I");
        assert_eq!(super::romawi(4), "IV");
        assert_eq!(super::romawi(14), "XIV");
    }
}
