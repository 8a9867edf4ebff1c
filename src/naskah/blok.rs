//! The parts a document is made of, independent of the file format.

use crate::store::profil::{Profil, format_nip};

/// The kecamatan letterhead: government, kecamatan, address and phone, place and postcode,
/// with a rule below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kop {
    pub pemerintah: String,
    pub kecamatan: String,
    /// `Jl. … Telp. …`; empty when neither is known.
    pub alamat: String,
    /// `YOSOWILANGUN - 67382`
    pub kota: String,
}

impl Kop {
    pub fn dari_profil(p: &Profil) -> Kop {
        let mut alamat = p.alamat.trim().to_string();
        if !p.telepon.trim().is_empty() {
            if !alamat.is_empty() {
                alamat.push(' ');
            }
            alamat.push_str(&format!("Telp. {}", p.telepon.trim()));
        }
        let mut kota = p.nama.to_uppercase();
        if !p.kode_pos.trim().is_empty() {
            kota.push_str(&format!(" - {}", p.kode_pos.trim()));
        }
        Kop {
            pemerintah: if p.kabupaten.trim().is_empty() {
                "PEMERINTAH KABUPATEN".into()
            } else {
                format!("PEMERINTAH KABUPATEN {}", p.kabupaten.to_uppercase())
            },
            kecamatan: format!("KECAMATAN {}", p.nama.to_uppercase()),
            alamat,
            kota,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rata {
    #[default]
    Kiri,
    Tengah,
    Kanan,
    Penuh,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kolom {
    pub judul: String,
    /// Width in twentieths of a point (twips); the columns together fill the text width.
    pub lebar: u32,
    pub rata: Rata,
}

impl Kolom {
    pub fn new(judul: &str, lebar: u32, rata: Rata) -> Kolom {
        Kolom {
            judul: judul.into(),
            lebar,
            rata,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Baris {
    Isi(Vec<String>),
    /// A row across all columns, in bold: a group heading inside the table.
    Kelompok(String),
    /// A total row, in bold.
    Jumlah(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    pub kolom: Vec<Kolom>,
    pub baris: Vec<Baris>,
}

/// Who signs: place and date, office, name and NIP (empty lines to sign by hand when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TandaTangan {
    pub tempat_tanggal: String,
    pub jabatan: String,
    pub nama: String,
    pub nip: String,
}

impl TandaTangan {
    pub fn camat(p: &Profil, tanggal: chrono::NaiveDate) -> TandaTangan {
        TandaTangan {
            tempat_tanggal: format!(
                "{}, {}",
                p.tempat_ttd(),
                crate::domain::tanggal::format_tanggal_panjang(tanggal)
            ),
            jabatan: format!("Camat {}", p.nama),
            nama: p.camat.trim().to_string(),
            nip: if p.nip.is_empty() {
                String::new()
            } else {
                format!("NIP. {}", format_nip(&p.nip))
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blok {
    Kop(Kop),
    /// A centred title line in bold.
    Judul(String),
    /// A numbered heading in bold: `A. Latar Belakang`, `1. Dasar Hukum`, `a. …` at depth
    /// `tingkat` (0 outermost).
    Bagian {
        penanda: String,
        teks: String,
        tingkat: u8,
    },
    /// A numbered or bulleted point at depth `tingkat`.
    Butir {
        penanda: String,
        teks: String,
        tingkat: u8,
    },
    Paragraf {
        teks: String,
        tingkat: u8,
        rata: Rata,
        miring: bool,
    },
    /// Label, colon, value lines, without borders (the KAK's head, a letter's number block).
    Isian(Vec<(String, Vec<String>)>),
    Tabel(Tabel),
    TandaTangan(TandaTangan),
    /// An empty line.
    Jarak,
    /// What follows starts on a new page.
    HalamanBaru,
}

impl Blok {
    pub fn paragraf(teks: impl Into<String>, tingkat: u8) -> Blok {
        Blok::Paragraf {
            teks: teks.into(),
            tingkat,
            rata: Rata::Penuh,
            miring: false,
        }
    }

    pub fn catatan(teks: impl Into<String>, tingkat: u8) -> Blok {
        Blok::Paragraf {
            teks: teks.into(),
            tingkat,
            rata: Rata::Kiri,
            miring: true,
        }
    }
}

/// A document: its blocks and the title in its properties.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Naskah {
    pub judul: String,
    pub blok: Vec<Blok>,
    /// Page numbers in the footer (`Halaman 2 dari 9`).
    pub nomor_halaman: bool,
}

/// How the points of a list are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Penomoran {
    /// `1.`
    Angka,
    /// `1)`
    AngkaKurung,
    /// `a.`
    Huruf,
    /// `a)`
    HurufKurung,
    /// `•`
    Titik,
}

impl Penomoran {
    /// The marker of point `n` (from 1).
    pub fn penanda(self, n: usize) -> String {
        let huruf = || {
            // a … z, then aa, ab …: a list that long is rare, but must not panic
            let mut s = String::new();
            let mut k = n;
            while k > 0 {
                k -= 1;
                s.insert(0, (b'a' + (k % 26) as u8) as char);
                k /= 26;
            }
            s
        };
        match self {
            Penomoran::Angka => format!("{n}."),
            Penomoran::AngkaKurung => format!("{n})"),
            Penomoran::Huruf => format!("{}.", huruf()),
            Penomoran::HurufKurung => format!("{})", huruf()),
            Penomoran::Titik => "•".into(),
        }
    }
}

/// A heading or point as the seeds type it, without their own marker (`a. `, `1) `, `(2) `,
/// `· `): the document numbers its points itself, so that they run cleanly.
pub fn tanpa_penanda(teks: &str) -> &str {
    let t = teks.trim();
    for awal in ["·", "•", "-", "–"] {
        if let Some(sisa) = t.strip_prefix(awal)
            && sisa.starts_with(' ')
        {
            return sisa.trim_start();
        }
    }
    let b = t.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'('));
    let mulai = i;
    while i < b.len() && b[i].is_ascii_digit() && i - mulai < 2 {
        i += 1;
    }
    if i == mulai && i < b.len() && b[i].is_ascii_lowercase() {
        i += 1;
    }
    if i > mulai && i + 1 < b.len() && matches!(b[i], b'.' | b')') && b[i + 1] == b' ' {
        return t[i + 1..].trim_start();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_markers_are_taken_off_and_other_text_kept() {
        assert_eq!(tanpa_penanda("a. Atas data umum"), "Atas data umum");
        assert_eq!(tanpa_penanda("1) Prosedur"), "Prosedur");
        assert_eq!(tanpa_penanda("(2) Waktu"), "Waktu");
        assert_eq!(tanpa_penanda("10. Memantapkan"), "Memantapkan");
        assert_eq!(tanpa_penanda("· Nilai IKM"), "Nilai IKM");
        assert_eq!(
            tanpa_penanda("Permasalahan yang terjadi"),
            "Permasalahan yang terjadi"
        );
        assert_eq!(tanpa_penanda("3 bulan setelah"), "3 bulan setelah");
        assert_eq!(tanpa_penanda("e.g"), "e.g");
        assert_eq!(tanpa_penanda("Jl. Mayjen"), "Jl. Mayjen");
    }

    #[test]
    fn markers_run_past_z() {
        assert_eq!(Penomoran::Huruf.penanda(1), "a.");
        assert_eq!(Penomoran::HurufKurung.penanda(26), "z)");
        assert_eq!(Penomoran::Huruf.penanda(27), "aa.");
        assert_eq!(Penomoran::AngkaKurung.penanda(12), "12)");
    }
}
