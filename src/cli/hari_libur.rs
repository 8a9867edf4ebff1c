//! `pantau hari-libur [--tahun Y] [--json]`: the days off of the working-day calendar, so an
//! office can check the list against the year's SKB.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::cli::keluaran::cetak;
use crate::domain::kalender::{HariLibur, JenisLibur, Kalender};
use crate::domain::tanggal::{format_iso, format_tanggal, nama_hari};
use crate::domain::teks::{aman, pas};
use chrono::Datelike;

pub fn jalankan(k: &Konteks, tahun: Option<i32>, json: bool) -> Result<u8, GalatCli> {
    let kalender = crate::store::kalender::muat(k.store.conn())?;
    let daftar_tahun: Vec<i32> = match tahun {
        Some(t) => vec![t],
        None => kalender.tahun_tercakup().into_iter().collect(),
    };
    if json {
        println!(
            "{}",
            crate::cli::keluaran::json(&ke_json(&kalender, &daftar_tahun).to_string())
        );
    } else {
        cetak!("{}", teks_daftar(&kalender, &daftar_tahun).trim_end());
    }
    Ok(KELUAR_OK)
}

fn ke_json(kalender: &Kalender, daftar_tahun: &[i32]) -> Value {
    let tahun: Vec<Value> = daftar_tahun
        .iter()
        .map(|t| {
            let hari: Vec<Value> = kalender
                .tahun(*t)
                .map(|h| {
                    json!({
                        "tanggal": format_iso(h.tanggal),
                        "hari": nama_hari(h.tanggal.weekday()),
                        "nama": h.nama,
                        "jenis": h.jenis.kode(),
                        "dasar": h.dasar,
                    })
                })
                .collect();
            json!({"tahun": t, "tercakup": !hari.is_empty(), "hari_libur": hari})
        })
        .collect();
    json!({ "tahun": tahun })
}

/// The text listing: per year a heading with the counts, one line per day, the decrees.
pub(crate) fn teks_daftar(kalender: &Kalender, daftar_tahun: &[i32]) -> String {
    let mut s = String::new();
    if daftar_tahun.is_empty() {
        s.push_str(
            "Belum ada hari libur tersimpan; hari kerja dihitung Senin–Jumat saja.\n\
             Muat daftar SKB dengan: pantau impor hari-libur BERKAS\n",
        );
        return s;
    }
    for (i, t) in daftar_tahun.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let hari: Vec<&HariLibur> = kalender.tahun(*t).collect();
        if hari.is_empty() {
            s.push_str(&format!(
                "Belum ada daftar hari libur tahun {t}; hari kerja tahun itu dihitung Senin–Jumat saja.\n\
                 Muat daftar SKB {t} dengan: pantau impor hari-libur BERKAS\n"
            ));
            continue;
        }
        let hitung = |j: JenisLibur| hari.iter().filter(|h| h.jenis == j).count();
        s.push_str(&format!(
            "Hari libur {t}: {} libur nasional, {} cuti bersama\n",
            hitung(JenisLibur::LiburNasional),
            hitung(JenisLibur::CutiBersama)
        ));
        s.push_str(&format!(
            "{}  {}  {}  Nama\n",
            pas("Tanggal", 10),
            pas("Hari", 6),
            pas("Jenis", 14)
        ));
        for h in &hari {
            s.push_str(&format!(
                "{}  {}  {}  {}\n",
                format_tanggal(h.tanggal),
                pas(nama_hari(h.tanggal.weekday()), 6),
                pas(h.jenis.label(), 14),
                aman(&h.nama)
            ));
        }
        let dasar: BTreeSet<&str> = hari
            .iter()
            .map(|h| h.dasar.as_str())
            .filter(|d| !d.is_empty())
            .collect();
        for d in dasar {
            s.push_str(&format!("Dasar: {}\n", aman(d)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_year_lists_its_days_with_day_names_and_a_missing_year_says_so() {
        let k = Kalender::new([
            HariLibur {
                tanggal: NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
                nama: "Cuti bersama Natal".into(),
                jenis: JenisLibur::CutiBersama,
                dasar: "SKB 1497/2025, 2/2025, 5/2025".into(),
            },
            HariLibur {
                tanggal: NaiveDate::from_ymd_opt(2026, 12, 25).unwrap(),
                nama: "Kelahiran Yesus Kristus".into(),
                jenis: JenisLibur::LiburNasional,
                dasar: "SKB 1497/2025, 2/2025, 5/2025".into(),
            },
        ]);
        assert_eq!(
            teks_daftar(&k, &[2026, 2027]),
            "Hari libur 2026: 1 libur nasional, 1 cuti bersama\n\
             Tanggal     Hari    Jenis           Nama\n\
             24/12/2026  Kamis   Cuti bersama    Cuti bersama Natal\n\
             25/12/2026  Jumat   Libur nasional  Kelahiran Yesus Kristus\n\
             Dasar: SKB 1497/2025, 2/2025, 5/2025\n\
             \n\
             Belum ada daftar hari libur tahun 2027; hari kerja tahun itu dihitung Senin–Jumat saja.\n\
             Muat daftar SKB 2027 dengan: pantau impor hari-libur BERKAS\n"
        );
    }
}
