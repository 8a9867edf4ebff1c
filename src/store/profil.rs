//! The kecamatan profile that letters and KAK documents carry: address, phone, postcode, the
//! camat and NIP who sign, the place of signing and the letter-number pattern (schema 12).

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::wilayah::tolak;
use super::{Galat, Hasil};
use crate::domain::teks::{Keliru, Ragam, periksa_bidang};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profil {
    pub kecamatan_id: i64,
    pub kode: String,
    pub nama: String,
    pub kabupaten: String,
    pub alamat: String,
    pub telepon: String,
    pub kode_pos: String,
    pub camat: String,
    /// 18 digits, stored without spaces; `format_nip` groups them.
    pub nip: String,
    /// Where letters are signed (`Lumajang`); empty: the kabupaten's name.
    pub tempat: String,
    /// e.g. `400.10/{nomor}/427.75/{tahun}`; empty: `POLA_BAWAAN`.
    pub pola_nomor: String,
    pub versi: i64,
}

/// The letter-number pattern when the office has set none.
pub const POLA_BAWAAN: &str = "{nomor}/{bulan_romawi}/{tahun}";

/// The placeholders a letter-number pattern may hold.
pub const PENANDA_POLA: &[&str] = &["{nomor}", "{tahun}", "{bulan_romawi}"];

impl Profil {
    /// The place of signing: as set, else the kabupaten (as the seeds sign "Lumajang, …").
    pub fn tempat_ttd(&self) -> &str {
        if self.tempat.trim().is_empty() {
            &self.kabupaten
        } else {
            &self.tempat
        }
    }

    pub fn pola(&self) -> &str {
        if self.pola_nomor.trim().is_empty() {
            POLA_BAWAAN
        } else {
            &self.pola_nomor
        }
    }

    /// What a letter needs but is not set, by the `atur profil` option that sets it.
    pub fn kurang_untuk_surat(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.camat.trim().is_empty() {
            v.push("--camat");
        }
        if self.nip.trim().is_empty() {
            v.push("--nip");
        }
        v
    }
}

/// A change of the profile: `None` leaves a field as it is, `Some("")` empties it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UbahProfil {
    pub alamat: Option<String>,
    pub telepon: Option<String>,
    pub kode_pos: Option<String>,
    pub camat: Option<String>,
    pub nip: Option<String>,
    pub tempat: Option<String>,
    pub pola_nomor: Option<String>,
}

impl UbahProfil {
    pub fn kosong(&self) -> bool {
        *self == UbahProfil::default()
    }
}

/// `19700101 199003 1 001` from 18 digits; other text as it is.
pub fn format_nip(nip: &str) -> String {
    if nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit()) {
        format!(
            "{} {} {} {}",
            &nip[..8],
            &nip[8..14],
            &nip[14..15],
            &nip[15..]
        )
    } else {
        nip.to_string()
    }
}

/// A NIP as people write it (`19700101 199003 1 001`, with dots or dashes): 18 digits.
pub fn baca_nip(teks: &str) -> Result<String, String> {
    let t = teks.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    if let Some(c) = t
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-')))
    {
        return Err(format!("'{t}' berisi '{c}'; NIP hanya angka (18 angka)"));
    }
    let angka: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    if angka.len() != 18 {
        return Err(format!(
            "'{t}' berisi {} angka; NIP terdiri dari 18 angka (contoh: 19700101 199003 1 001)",
            angka.len()
        ));
    }
    Ok(angka)
}

/// A letter-number pattern must hold `{nomor}` (else every letter had the same number) and
/// only the known placeholders.
pub fn periksa_pola(pola: &str) -> Result<(), String> {
    if pola.trim().is_empty() {
        return Ok(());
    }
    let mut sisa = pola;
    while let Some(a) = sisa.find('{') {
        let Some(b) = sisa[a..].find('}') else {
            return Err(format!("'{pola}': kurung kurawal '{{' tidak ditutup"));
        };
        let penanda = &sisa[a..a + b + 1];
        if !PENANDA_POLA.contains(&penanda) {
            return Err(format!(
                "'{pola}': penanda {penanda} tidak dikenal; yang dikenal: {}",
                PENANDA_POLA.join(", ")
            ));
        }
        sisa = &sisa[a + b + 1..];
    }
    if sisa.contains('}') {
        return Err(format!("'{pola}': ada '}}' tanpa '{{'"));
    }
    if !pola.contains("{nomor}") {
        return Err(format!(
            "'{pola}' tidak memuat {{nomor}}; tanpa itu semua surat bernomor sama"
        ));
    }
    Ok(())
}

/// Month `bulan` (1–12) in Roman numerals, as letter numbers write it.
pub fn bulan_romawi(bulan: u32) -> &'static str {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R[(bulan.clamp(1, 12) - 1) as usize]
}

/// The number of one letter from the pattern.
pub fn nomor_surat(pola: &str, nomor: u32, tanggal: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    pola.replace("{nomor}", &nomor.to_string())
        .replace("{tahun}", &tanggal.year().to_string())
        .replace("{bulan_romawi}", bulan_romawi(tanggal.month()))
}

const KOLOM: &str = "id, kode, nama, kabupaten, alamat, telepon, kode_pos, camat, nip, tempat_ttd, pola_nomor, versi";

fn baris(r: &rusqlite::Row) -> rusqlite::Result<Profil> {
    Ok(Profil {
        kecamatan_id: r.get(0)?,
        kode: r.get(1)?,
        nama: r.get(2)?,
        kabupaten: r.get(3)?,
        alamat: r.get(4)?,
        telepon: r.get(5)?,
        kode_pos: r.get(6)?,
        camat: r.get(7)?,
        nip: r.get(8)?,
        tempat: r.get(9)?,
        pola_nomor: r.get(10)?,
        versi: r.get(11)?,
    })
}

pub fn profil(conn: &Connection, kecamatan_id: i64) -> Hasil<Option<Profil>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {KOLOM} FROM kecamatan WHERE id = ?1"))?
        .query_row([kecamatan_id], baris)
        .optional()?)
}

/// What a profile write carries, by the rules a form and the command line share.
pub fn periksa_profil(p: &Profil) -> Vec<Keliru> {
    let mut v = Vec::new();
    periksa_bidang(
        &mut v,
        ("alamat", "Alamat"),
        &p.alamat,
        Ragam::Pendek,
        false,
    );
    periksa_bidang(
        &mut v,
        ("telepon", "Telepon"),
        &p.telepon,
        Ragam::Kode,
        false,
    );
    periksa_bidang(
        &mut v,
        ("kode_pos", "Kode pos"),
        &p.kode_pos,
        Ragam::Kode,
        false,
    );
    if !p.kode_pos.is_empty() && !p.kode_pos.bytes().all(|b| b.is_ascii_digit()) {
        v.push(Keliru::new(
            "kode_pos",
            "Kode pos",
            format!("'{}' bukan kode pos (5 angka, contoh: 67382)", p.kode_pos),
        ));
    }
    periksa_bidang(&mut v, ("camat", "Camat"), &p.camat, Ragam::Nama, false);
    if let Err(e) = baca_nip(&p.nip) {
        v.push(Keliru::new("nip", "NIP", e));
    }
    periksa_bidang(&mut v, ("tempat", "Tempat"), &p.tempat, Ragam::Nama, false);
    periksa_bidang(
        &mut v,
        ("pola_nomor", "Pola nomor"),
        &p.pola_nomor,
        Ragam::Pendek,
        false,
    );
    if let Err(e) = periksa_pola(&p.pola_nomor) {
        v.push(Keliru::new("pola_nomor", "Pola nomor", e));
    }
    v
}

/// Applies `ubah` to the profile of kecamatan `id` as read at `versi` (`None`: as it is now);
/// returns the profile before and after. Refused when nothing would change.
pub fn ubah_profil(
    tx: &Transaction,
    id: i64,
    versi: Option<i64>,
    ubah: &UbahProfil,
) -> Hasil<(Profil, Profil)> {
    let lama = profil(tx, id)?.ok_or(Galat::Konflik)?;
    if versi.is_some_and(|v| v != lama.versi) {
        return Err(Galat::Konflik);
    }
    let isi = |baru: &Option<String>, lama: &str| {
        baru.as_deref()
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| lama.to_string())
    };
    let mut baru = Profil {
        alamat: isi(&ubah.alamat, &lama.alamat),
        telepon: isi(&ubah.telepon, &lama.telepon),
        kode_pos: isi(&ubah.kode_pos, &lama.kode_pos),
        camat: isi(&ubah.camat, &lama.camat),
        nip: isi(&ubah.nip, &lama.nip),
        tempat: isi(&ubah.tempat, &lama.tempat),
        pola_nomor: isi(&ubah.pola_nomor, &lama.pola_nomor),
        ..lama.clone()
    };
    tolak(periksa_profil(&baru))?;
    baru.nip = baca_nip(&baru.nip).map_err(Galat::TidakSah)?;
    if (
        &baru.alamat,
        &baru.telepon,
        &baru.kode_pos,
        &baru.camat,
        &baru.nip,
        &baru.tempat,
        &baru.pola_nomor,
    ) == (
        &lama.alamat,
        &lama.telepon,
        &lama.kode_pos,
        &lama.camat,
        &lama.nip,
        &lama.tempat,
        &lama.pola_nomor,
    ) {
        return Err(Galat::TidakSah(format!(
            "profil kecamatan {} tidak berubah",
            lama.kode
        )));
    }
    tx.prepare_cached(
        "UPDATE kecamatan SET alamat = ?2, telepon = ?3, kode_pos = ?4, camat = ?5, nip = ?6,
           tempat_ttd = ?7, pola_nomor = ?8, versi = versi + 1 WHERE id = ?1",
    )?
    .execute(params![
        id,
        baru.alamat,
        baru.telepon,
        baru.kode_pos,
        baru.camat,
        baru.nip,
        baru.tempat,
        baru.pola_nomor
    ])?;
    baru.versi = lama.versi + 1;
    Ok((lama, baru))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, contoh};

    #[test]
    fn nip_is_18_digits_written_with_spaces_or_not() {
        assert_eq!(
            baca_nip("19700101 199003 1 001").unwrap(),
            "197001011990031001"
        );
        assert_eq!(format_nip("197001011990031001"), "19700101 199003 1 001");
        assert!(baca_nip("1970").unwrap_err().contains("4 angka"));
        assert!(
            baca_nip("19700101x199003 1 001")
                .unwrap_err()
                .contains("'x'")
        );
    }

    #[test]
    fn a_pattern_needs_nomor_and_only_known_placeholders() {
        assert!(periksa_pola("400.10/{nomor}/427.75/{tahun}").is_ok());
        assert!(periksa_pola("400/{tahun}").unwrap_err().contains("{nomor}"));
        assert!(
            periksa_pola("{nomor}/{bulan}")
                .unwrap_err()
                .contains("{bulan}")
        );
        assert!(
            periksa_pola("{nomor/x")
                .unwrap_err()
                .contains("tidak ditutup")
        );
        let t = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(
            nomor_surat("400.10/{nomor}/{bulan_romawi}/{tahun}", 7, t),
            "400.10/7/XII/2026"
        );
    }

    #[test]
    fn changing_the_profile_is_audited_and_a_bad_value_writes_nothing() {
        let mut s = Store::memori().unwrap();
        contoh::muat(
            &mut s,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        )
        .unwrap();
        let id: i64 = s
            .conn()
            .query_row(
                "SELECT id FROM kecamatan WHERE kode = '35.08.07'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let audit = |s: &Store| -> i64 {
            s.conn()
                .query_row(
                    "SELECT count(*) FROM audit WHERE tabel = 'kecamatan'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        let sebelum = audit(&s);
        let salah = UbahProfil {
            camat: Some("Budi".into()),
            nip: Some("123".into()),
            ..Default::default()
        };
        let e = s
            .transaksi(|tx| ubah_profil(tx, id, None, &salah))
            .unwrap_err();
        assert!(e.to_string().contains("NIP: '123' berisi 3 angka"), "{e}");
        assert_eq!(audit(&s), sebelum);
        assert_eq!(profil(s.conn(), id).unwrap().unwrap().camat, "");
        let baik = UbahProfil {
            camat: Some("Drs. Budi Santoso".into()),
            nip: Some("19700101 199003 1 001".into()),
            ..Default::default()
        };
        let (lama, baru) = s.transaksi(|tx| ubah_profil(tx, id, None, &baik)).unwrap();
        assert_eq!(lama.camat, "");
        assert_eq!(baru.nip, "197001011990031001");
        assert_eq!(audit(&s), sebelum + 1);
        let sesudah: String = s
            .conn()
            .query_row(
                "SELECT sesudah FROM audit WHERE tabel = 'kecamatan' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            sesudah.contains("\"camat\":\"Drs. Budi Santoso\""),
            "{sesudah}"
        );
        // a form opened before this change is refused
        let e = s
            .transaksi(|tx| ubah_profil(tx, id, Some(lama.versi), &baik))
            .unwrap_err();
        assert!(matches!(e, Galat::Konflik));
    }
}
