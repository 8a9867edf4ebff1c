//! Deadline rules in the store (schema 15): the shipped rules and a kabupaten's changes are
//! written to `jenis_dokumen` through one function, which checks the whole set, writes only
//! what differs (audited), and recomputes the deadlines and the tallies.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Galat, Hasil, dokumen};
use crate::domain::aturan::{Aturan, Bentuk, Peristiwa};
use crate::domain::teks::{Ragam, periksa_bidang};

/// What applying rules did, kind by kind: "RAPBDes: 3 hari → 3 hari kerja sesudah …".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Perubahan {
    pub baru: Vec<String>,
    pub diubah: Vec<String>,
    pub sama: usize,
}

/// The kinds of the store as rules (active ones, in their order).
pub fn daftar(conn: &Connection) -> Hasil<Vec<Aturan>> {
    daftar_dengan(conn, false)
}

/// Like `daftar`, with the kinds no longer tracked when `semua`.
fn daftar_dengan(conn: &Connection, semua: bool) -> Hasil<Vec<Aturan>> {
    Ok(dokumen::daftar_jenis_dengan(conn, semua)?
        .into_iter()
        .map(|j| Aturan {
            kode: j.kode,
            nama: j.nama,
            pelaku: j.pelaku,
            iku2: j.hitung_iku2,
            bentuk: j.bentuk,
            dasar: j.dasar_hukum,
        })
        .collect())
}

/// Checks `baru` against the store's kinds; every problem as "KODE: reason".
fn periksa(lama: &[Aturan], baru: &[Aturan]) -> Vec<String> {
    let mut galat = Vec::new();
    for (i, a) in baru.iter().enumerate() {
        if baru[..i]
            .iter()
            .any(|b| b.kode.eq_ignore_ascii_case(&a.kode))
        {
            galat.push(format!("{}: disebut dua kali", a.kode));
            continue;
        }
        let ada = lama.iter().find(|l| l.kode.eq_ignore_ascii_case(&a.kode));
        let sah_kode = !a.kode.is_empty()
            && a.kode.len() <= 20
            && a.kode
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if ada.is_none() && !sah_kode {
            galat.push(format!(
                "{}: kode jenis baru hanya huruf, angka dan _ (paling panjang 20)",
                a.kode
            ));
        }
        let mut keliru = Vec::new();
        periksa_bidang(&mut keliru, ("nama", "Nama"), &a.nama, Ragam::Nama, true);
        periksa_bidang(
            &mut keliru,
            ("dasar", "Dasar hukum"),
            &a.dasar,
            Ragam::Panjang,
            false,
        );
        for k in keliru {
            galat.push(format!("{}: {}", a.kode, k.untuk_form()));
        }
        // IKU 2 is the three documents of seed 002, each with its fixed day
        let iku2_lama = ada.is_some_and(|l| l.iku2);
        if a.iku2 != iku2_lama {
            galat.push(format!(
                "{}: IKU 2 dihitung dari RKPDes, APBDes dan LPPDes saja (seed 002); kolom iku2 tidak bisa diubah",
                a.kode
            ));
        }
        if a.iku2 && a.pelaku != crate::domain::aturan::Pelaku::Desa {
            galat.push(format!(
                "{}: dihitung dalam IKU 2 sebagai dokumen desa, jadi pelakunya desa",
                a.kode
            ));
        }
        if a.iku2 && a.bentuk.tetap().is_none() {
            galat.push(format!(
                "{}: dihitung dalam IKU 2, jadi tenggatnya harus tanggal tetap",
                a.kode
            ));
        }
        if let Bentuk::Setelah {
            peristiwa: Peristiwa::Jenis { kode, .. },
            ..
        } = &a.bentuk
        {
            let dikenal = lama.iter().chain(baru).any(|x| x.kode == *kode);
            if !dikenal {
                galat.push(format!(
                    "{}: dihitung dari {kode}, padahal jenis itu tidak ada",
                    a.kode
                ));
            } else if *kode == a.kode {
                galat.push(format!(
                    "{}: tidak bisa dihitung dari dirinya sendiri",
                    a.kode
                ));
            }
        }
    }
    // a loop (A counted from B, B from A) would leave both waiting for ever
    if galat.is_empty() {
        let sumber = |kode: &str| -> Option<String> {
            let a = baru
                .iter()
                .find(|a| a.kode.eq_ignore_ascii_case(kode))
                .or_else(|| lama.iter().find(|a| a.kode.eq_ignore_ascii_case(kode)))?;
            match &a.bentuk {
                Bentuk::Setelah {
                    peristiwa: Peristiwa::Jenis { kode, .. },
                    ..
                } => Some(kode.clone()),
                _ => None,
            }
        };
        for a in baru {
            let mut jalan = vec![a.kode.clone()];
            let mut kini = a.kode.clone();
            while let Some(s) = sumber(&kini) {
                if jalan.iter().any(|j| j.eq_ignore_ascii_case(&s)) {
                    jalan.push(s);
                    galat.push(format!(
                        "{}: tenggatnya berputar ({}): tidak ada yang bisa jatuh tempo",
                        a.kode,
                        jalan.join(" ← ")
                    ));
                    break;
                }
                jalan.push(s.clone());
                kini = s;
            }
        }
    }
    galat
}

/// Writes `baru` into the store: a kind that exists (same code, any case) gets its name,
/// who acts, rule and legal basis; a new code is added after the others. Kinds not named
/// stay as they are. All or nothing: any problem refuses the whole set. Then every
/// deadline row and every document tally is recomputed.
pub fn terapkan(tx: &Transaction, baru: &[Aturan]) -> Hasil<Perubahan> {
    let lama = daftar_dengan(tx, true)?;
    let galat = periksa(&lama, baru);
    if !galat.is_empty() {
        return Err(Galat::TidakSah(galat.join("\n")));
    }
    let mut hasil = Perubahan::default();
    let urutan: i64 = tx.query_row(
        "SELECT coalesce(max(urutan), 0) FROM jenis_dokumen",
        [],
        |r| r.get(0),
    )?;
    let mut urutan = urutan;
    for a in baru {
        let (bentuk, g, b, h, peristiwa, jumlah, satuan) = match &a.bentuk {
            Bentuk::Tetap(t) => (
                "tetap",
                t.geser_tahun,
                t.bulan,
                t.hari,
                String::new(),
                0,
                "",
            ),
            // the fixed-day columns are unused (and must still meet their checks)
            Bentuk::Setelah {
                peristiwa,
                jumlah,
                satuan,
            } => ("setelah", 0, 1, 1, peristiwa.kode(), *jumlah, satuan.kode()),
        };
        match lama.iter().find(|l| l.kode.eq_ignore_ascii_case(&a.kode)) {
            Some(l)
                if l.nama == a.nama
                    && l.pelaku == a.pelaku
                    && l.bentuk == a.bentuk
                    && l.dasar == a.dasar =>
            {
                hasil.sama += 1;
            }
            Some(l) => {
                // a changed rule gets its words from the rule; an unchanged one keeps them
                let uraian = (l.bentuk != a.bentuk).then(|| a.bentuk.keterangan());
                tx.prepare_cached(
                    "UPDATE jenis_dokumen SET nama = ?2, pelaku = ?3, bentuk = ?4,
                        geser_tahun = ?5, bulan = ?6, hari = ?7, peristiwa = ?8, jumlah = ?9,
                        satuan = ?10, dasar_hukum = ?11, aturan = coalesce(?12, aturan),
                        versi = versi + 1
                     WHERE kode = ?1",
                )?
                .execute(params![
                    l.kode,
                    a.nama,
                    a.pelaku.kode(),
                    bentuk,
                    g,
                    b,
                    h,
                    peristiwa,
                    jumlah,
                    satuan,
                    a.dasar,
                    uraian
                ])?;
                let mut apa = Vec::new();
                if l.bentuk != a.bentuk {
                    apa.push(format!("{} → {}", l.bentuk.uraian(), a.bentuk.uraian()));
                }
                if l.nama != a.nama {
                    apa.push(format!("nama '{}' → '{}'", l.nama, a.nama));
                }
                if l.pelaku != a.pelaku {
                    apa.push(format!("pelaku {} → {}", l.pelaku.kode(), a.pelaku.kode()));
                }
                if l.dasar != a.dasar {
                    apa.push(format!("dasar hukum → {}", a.dasar));
                }
                hasil.diubah.push(format!("{}: {}", l.kode, apa.join("; ")));
            }
            None => {
                urutan += 1;
                tx.prepare_cached(
                    "INSERT INTO jenis_dokumen (kode, nama, urutan, geser_tahun, bulan, hari,
                        aturan, dasar_hukum, hitung_iku2, pelaku, bentuk, peristiwa, jumlah, satuan)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ?12, ?13)",
                )?
                .execute(params![
                    a.kode,
                    a.nama,
                    urutan,
                    g,
                    b,
                    h,
                    a.bentuk.keterangan(),
                    a.dasar,
                    a.pelaku.kode(),
                    bentuk,
                    peristiwa,
                    jumlah,
                    satuan
                ])?;
                hasil
                    .baru
                    .push(format!("{} ({}): {}", a.kode, a.nama, a.bentuk.uraian()));
            }
        }
    }
    if !hasil.baru.is_empty() || !hasil.diubah.is_empty() {
        dokumen::isi_tenggat(tx)?;
        dokumen::hitung_ulang_rekap(tx, None)?;
    }
    Ok(hasil)
}

/// The kinds no longer tracked, by code.
pub fn tidak_dilacak(conn: &Connection) -> Hasil<Vec<String>> {
    Ok(conn
        .prepare("SELECT kode FROM jenis_dokumen WHERE aktif = 0 ORDER BY urutan, id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Tracks kind `kode` again, or stops tracking it (its entries stay). The kinds IKU 2 counts
/// are always tracked. Returns the kind's code as stored.
pub fn atur_aktif(tx: &Transaction, kode: &str, aktif: bool) -> Hasil<String> {
    let ada: Option<(String, bool, bool)> = tx
        .query_row(
            "SELECT kode, aktif, hitung_iku2 FROM jenis_dokumen WHERE lower(kode) = lower(?1)",
            [kode.trim()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((kode, lama, iku2)) = ada else {
        return Err(Galat::TidakSah(format!(
            "jenis dokumen '{}' tidak ada (lihat: pantau atur tenggat)",
            kode.trim()
        )));
    };
    if iku2 && !aktif {
        return Err(Galat::TidakSah(format!(
            "{kode} dihitung dalam IKU 2, jadi selalu dilacak"
        )));
    }
    // a kind another tracked kind counts from is its event: stopping it would stop that one
    // silently
    if !aktif {
        let bergantung: Vec<String> = dokumen::daftar_jenis(tx)?
            .iter()
            .filter(|j| j.sumber().is_some_and(|(k, _)| k == kode))
            .map(|j| j.kode.clone())
            .collect();
        if !bergantung.is_empty() {
            return Err(Galat::TidakSah(format!(
                "{} dihitung dari {kode}; hentikan dulu {} (pantau atur tenggat {} --aktif tidak)",
                bergantung.join(", "),
                bergantung.join(", "),
                bergantung[0]
            )));
        }
    }
    if lama != aktif {
        tx.execute(
            "UPDATE jenis_dokumen SET aktif = ?2, versi = versi + 1 WHERE kode = ?1",
            params![kode, aktif],
        )?;
        dokumen::isi_tenggat(tx)?;
        dokumen::hitung_ulang_rekap(tx, None)?;
    }
    Ok(kode)
}

/// Schema 15's hook: the shipped rules (`data/aturan_tenggat.csv`), as reference rows.
pub(super) fn muat_bawaan(tx: &Transaction) -> Hasil<()> {
    let aturan = crate::domain::aturan::baca(super::referensi::ATURAN_TENGGAT)
        .map_err(|g| Galat::Migrasi(format!("data/aturan_tenggat.csv rusak: {}", g.join("; "))))?;
    terapkan(tx, &aturan)?;
    Ok(())
}
