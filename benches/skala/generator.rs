//! A national-size database for the benchmarks: every kecamatan and desa with realistic codes
//! and names, ten fiscal years of documents (mostly on time, some late, some missing),
//! facilitation entries, IKM answers and kegiatan with their schedule. Deterministic: the same
//! size gives the same database.

use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};
use pantau::domain::tenggat::AturanTenggat;
use pantau::store::Store;
use rusqlite::{Connection, params};

/// Province codes of Indonesia (Kemendagri).
const PROVINSI: [u32; 38] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

const AWAL: [&str; 24] = [
    "Sumber", "Karang", "Wono", "Sido", "Tegal", "Kali", "Mojo", "Jati", "Banyu", "Watu", "Ngadi",
    "Pandan", "Suko", "Tanjung", "Rejo", "Sari", "Gunung", "Bumi", "Tirto", "Sendang", "Krajan",
    "Pasir", "Lebak", "Cempaka",
];
const AKHIR: [&str; 24] = [
    "rejo", "mulyo", "sari", "asri", "harjo", "agung", "makmur", "jaya", "wangi", "kidul", "lor",
    "wetan", "kulon", "anyar", "sumber", "kerto", "arum", "indah", "baru", "luhur", "manis",
    "tengah", "permai", "raya",
];

fn acak(a: u64, b: u64, c: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ c.wrapping_mul(0x1656_67B1_9E37_79F9);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 32)
}

fn nama(h: u64) -> String {
    format!(
        "{}{}",
        AWAL[(h % 24) as usize],
        AKHIR[((h / 24) % 24) as usize]
    )
}

#[derive(Debug, Default)]
pub struct Jumlah {
    pub kecamatan: usize,
    pub desa: usize,
    pub dokumen: usize,
    pub fasilitasi: usize,
    pub responden: usize,
    pub tahapan: usize,
}

/// Writes a database of `n_kecamatan` kecamatan (7,285 is the whole country) at `path`.
pub fn buat(path: &Path, n_kecamatan: usize, hari_ini: NaiveDate) -> rusqlite::Result<Jumlah> {
    let _ = std::fs::remove_file(path);
    for akhiran in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{akhiran}", path.display()));
    }
    // the schema and the reference data, as the program makes them
    drop(Store::buka(path).expect("skema"));
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    // generated rows are not anyone's change: no audit entries, triggers back at the end
    let pemicu: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for p in &pemicu {
        conn.execute_batch(&format!("DROP TRIGGER {p}"))?;
    }
    let tx = conn.transaction()?;
    let mut j = Jumlah::default();
    let tahun = hari_ini.year();
    let jenis: Vec<(i64, AturanTenggat)> = tx
        .prepare("SELECT id, geser_tahun, bulan, hari FROM jenis_dokumen ORDER BY urutan")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                AturanTenggat {
                    geser_tahun: r.get(1)?,
                    bulan: r.get(2)?,
                    hari: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let katalog: Vec<i64> = tx
        .prepare("SELECT id FROM katalog_fasilitasi ORDER BY kode")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut s_kec = tx.prepare(
            "INSERT INTO kecamatan (kode, nama, kabupaten, alamat) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut s_desa = tx.prepare(
            "INSERT INTO desa (kecamatan_id, kode, nama, kelurahan, luas_km2_x100, dusun, rw, rt,
                               laki_laki, perempuan, jumlah_penduduk, rumah_tangga)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut s_dok = tx.prepare(
            "INSERT INTO dokumen (desa_id, jenis_id, tahun_anggaran, tanggal, nomor) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut s_fas = tx.prepare(
            "INSERT INTO fasilitasi (kecamatan_id, desa_id, tanggal, katalog_id, uraian, output, bukti, ditindaklanjuti)
             VALUES (?1, ?2, ?3, ?4, 'Fasilitasi pembinaan', 'Berita acara', 'BA', ?5)",
        )?;
        let mut s_ikm = tx.prepare(
            "INSERT INTO ikm_responden (kecamatan_id, tahun, u1, u2, u3, u4, u5, u6, u7, u8, u9)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut s_keg = tx.prepare(
            "INSERT INTO kegiatan (kecamatan_id, tahun, kode_program, nama_program, kode_kegiatan, nama_kegiatan, seksi)
             VALUES (?1, ?2, '3.05.25.39', 'Program Penyelenggaraan Pemerintahan Kecamatan', ?3, ?4, ?5)",
        )?;
        let mut s_tah = tx.prepare(
            "INSERT INTO tahapan (kegiatan_id, urutan, nama, bulan, tempat, pelaksana) VALUES (?1, ?2, ?3, ?4, 'Kantor Kecamatan', ?5)",
        )?;
        let mut s_kej = tx.prepare(
            "INSERT INTO tahapan_realisasi (tahapan_id, bulan, tanggal, bukti) VALUES (?1, ?2, ?3, 'BA dan daftar hadir')",
        )?;
        let tahapan_006: [(&str, u16); 5] = [
            ("Pelaksanaan Musrenbang Kecamatan", 0b1),
            ("Sosialisasi bantuan sosial", 0b10),
            ("Pendampingan distribusi bantuan sosial", 0b1111_1111_1100),
            ("Monev pembangunan desa", 0b1111_1111_0000),
            ("Pendampingan Musdes", 0b0001_1110_0000),
        ];
        let tahapan_004: [(&str, u16); 4] = [
            ("Rapat koordinasi trantib", 0b0101_0100_1010),
            ("Pelatihan LINMAS", 0b100),
            ("Pendampingan Satgas Keamanan Desa", 0b0010_1001_0100),
            ("Monev trantib", 0b1001_0000_0010),
        ];
        let mut n = 0usize;
        'semua: for &p in &PROVINSI {
            for kab in 1..=14u32 {
                for kec in 1..=14u32 {
                    if n == n_kecamatan {
                        break 'semua;
                    }
                    n += 1;
                    let kode = format!("{p}.{kab:02}.{kec:02}");
                    let h = acak(p as u64, kab as u64, kec as u64);
                    s_kec.execute(params![
                        kode,
                        nama(h),
                        format!("Kabupaten {}", nama(acak(p as u64, kab as u64, 0))),
                        format!("Jl. Raya {} No. {}", nama(h / 7), h % 90 + 1)
                    ])?;
                    let kec_id = tx.last_insert_rowid();
                    j.kecamatan += 1;
                    let n_kel = if h.is_multiple_of(10) { 1 + h % 3 } else { 0 };
                    let n_desa = 4 + (h / 11) % 16;
                    let mut desa_ids = Vec::new();
                    for d in 0..n_kel + n_desa {
                        let kelurahan = d < n_kel;
                        let kd = if kelurahan {
                            format!("{kode}.{}", 1001 + d)
                        } else {
                            format!("{kode}.{}", 2001 + d - n_kel)
                        };
                        let hd = acak(h, d, 1);
                        let laki = 800 + (hd % 4000) as i64;
                        let per = laki + (hd % 200) as i64 - 100;
                        s_desa.execute(params![
                            kec_id,
                            kd,
                            nama(hd),
                            kelurahan,
                            200 + (hd % 3000) as i64,
                            2 + (hd % 6) as i64,
                            3 + (hd % 10) as i64,
                            10 + (hd % 40) as i64,
                            laki,
                            per,
                            laki + per,
                            (laki + per) / 3
                        ])?;
                        let desa_id = tx.last_insert_rowid();
                        j.desa += 1;
                        if kelurahan {
                            continue;
                        }
                        desa_ids.push(desa_id);
                        for (ji, (jenis_id, aturan)) in jenis.iter().enumerate() {
                            for ta in tahun - 9..=tahun + 1 {
                                let batas = aturan.tenggat(ta);
                                let r = acak(hd, ji as u64, ta as u64) % 100;
                                let tanggal = if batas < hari_ini {
                                    match r {
                                        0..=79 => Some(batas - Duration::days(1 + (r % 40) as i64)),
                                        80..=91 => Some(
                                            (batas + Duration::days(1 + r as i64)).min(hari_ini),
                                        ),
                                        _ => None,
                                    }
                                } else {
                                    let awal = batas - Duration::days(20 + (r % 30) as i64);
                                    (r < 20 && awal <= hari_ini).then_some(awal)
                                };
                                if let Some(t) = tanggal {
                                    s_dok.execute(params![
                                        desa_id,
                                        jenis_id,
                                        ta,
                                        t.format("%Y-%m-%d").to_string(),
                                        format!("Perdes No. {} Tahun {}", 1 + r % 9, t.year())
                                    ])?;
                                    j.dokumen += 1;
                                }
                            }
                        }
                    }
                    for th in [tahun - 1, tahun] {
                        for f in 0..25u64 {
                            let hf = acak(h, th as u64, f);
                            let Some(t) = NaiveDate::from_ymd_opt(
                                th,
                                1 + (hf % 12) as u32,
                                1 + (hf / 12 % 28) as u32,
                            ) else {
                                continue;
                            };
                            if t > hari_ini {
                                continue;
                            }
                            let desa = desa_ids
                                .get((hf / 7) as usize % desa_ids.len().max(1))
                                .copied();
                            s_fas.execute(params![
                                kec_id,
                                desa,
                                t.format("%Y-%m-%d").to_string(),
                                katalog[(hf % katalog.len() as u64) as usize],
                                !hf.is_multiple_of(5)
                            ])?;
                            j.fasilitasi += 1;
                        }
                    }
                    for r in 0..40u64 {
                        let hr = acak(h, r, 9);
                        let u: Vec<i64> = (0..9)
                            .map(|i| 2 + ((hr >> (i * 3)) % 3) as i64)
                            .map(|x| x.min(4))
                            .collect();
                        s_ikm.execute(params![
                            kec_id, tahun, u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]
                        ])?;
                        j.responden += 1;
                    }
                    for (kode_keg, nama_keg, seksi, tahapan) in [
                        (
                            "3.05.25.39.006",
                            "Kegiatan Fasilitasi dan Koordinasi Bidang Perekonomian dan Pembangunan",
                            "Seksi Perekonomian dan Pembangunan",
                            &tahapan_006[..],
                        ),
                        (
                            "3.05.25.39.004",
                            "Kegiatan Fasilitasi dan Koordinasi Ketentraman dan Ketertiban Masyarakat",
                            "Seksi Trantib",
                            &tahapan_004[..],
                        ),
                    ] {
                        s_keg.execute(params![kec_id, tahun, kode_keg, nama_keg, seksi])?;
                        let keg_id = tx.last_insert_rowid();
                        for (u, (nama_t, bulan)) in tahapan.iter().enumerate() {
                            s_tah.execute(params![
                                keg_id,
                                u as i64,
                                nama_t,
                                *bulan as i64,
                                seksi
                            ])?;
                            let tid = tx.last_insert_rowid();
                            j.tahapan += 1;
                            for m in 1..=12u32 {
                                if bulan & (1 << (m - 1)) == 0
                                    || pantau::domain::tanggal::akhir_bulan(tahun, m) >= hari_ini
                                {
                                    continue;
                                }
                                if acak(tid as u64, m as u64, 5) % 100 < 85 {
                                    s_kej.execute(params![tid, m, format!("{tahun}-{m:02}-15")])?;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    pantau::store::audit::pasang_pemicu(&tx)?;
    tx.commit()?;
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(j)
}
