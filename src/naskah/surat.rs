//! Letters from the Camat to the Kepala Desa about documents overdue or soon due: one page per
//! desa, each with the letterhead, number, date, nature, subject, the documents with their
//! fiscal years, deadlines and legal basis, a closing and the camat's signature block.

use chrono::NaiveDate;

use super::docx::LEBAR_TEKS;
use super::{Baris, Blok, Kolom, Kop, Naskah, Rata, Tabel, TandaTangan};
use crate::domain::tanggal::format_tanggal_panjang;
use crate::domain::tenggat::Status;
use crate::store::dokumen::{ItemCek, JenisDokumen};
use crate::store::profil::{Profil, nomor_surat};

/// One desa's letter: its name and the check's items for it (in `cek`'s order).
pub struct SuratDesa {
    pub desa: String,
    pub item: Vec<ItemCek>,
}

pub struct DataSurat<'a> {
    pub profil: &'a Profil,
    pub jenis: &'a [JenisDokumen],
    pub tanggal: NaiveDate,
    /// The running number of the first letter.
    pub nomor_awal: u32,
    pub surat: &'a [SuratDesa],
}

fn keadaan(i: &ItemCek) -> String {
    match (i.status, i.hari) {
        (Status::LewatTenggat, h) => format!("lewat {} hari", -h),
        (_, 0) => "jatuh tempo hari ini".into(),
        (_, h) => format!("jatuh tempo {h} hari lagi"),
    }
}

/// `A`, `A dan B`, `A, B dan C`
fn daftar_kata(v: &[&str]) -> String {
    match v {
        [] => String::new(),
        [a] => a.to_string(),
        [awal @ .., akhir] => format!("{} dan {akhir}", awal.join(", ")),
    }
}

/// The letters, and the number each one got, in the order of `d.surat`.
pub fn naskah(d: &DataSurat) -> (Naskah, Vec<String>) {
    let p = d.profil;
    let mut v = Vec::new();
    let mut nomor = Vec::new();
    for (n, s) in d.surat.iter().enumerate() {
        if n > 0 {
            v.push(Blok::HalamanBaru);
        }
        let no = nomor_surat(p.pola(), d.nomor_awal + n as u32, d.tanggal);
        let mut jenis: Vec<&str> = Vec::new();
        for i in &s.item {
            if !jenis.contains(&i.jenis.as_str()) {
                jenis.push(&i.jenis);
            }
        }
        let lewat = s.item.iter().any(|i| i.status == Status::LewatTenggat);
        v.push(Blok::Kop(Kop::dari_profil(p)));
        v.push(Blok::Paragraf {
            teks: format!("{}, {}", p.tempat_ttd(), format_tanggal_panjang(d.tanggal)),
            tingkat: 0,
            rata: Rata::Kanan,
            miring: false,
        });
        v.push(Blok::Isian(vec![
            ("Nomor".into(), vec![no.clone()]),
            (
                "Sifat".into(),
                vec![if lewat { "Penting" } else { "Biasa" }.into()],
            ),
            ("Lampiran".into(), vec!["-".into()]),
            (
                "Perihal".into(),
                vec![format!(
                    "{} Desa {} yang belum diterima",
                    daftar_kata(&jenis),
                    s.desa
                )],
            ),
        ]));
        v.push(Blok::Jarak);
        for baris in [
            "Kepada Yth.".to_string(),
            format!("Kepala Desa {}", s.desa),
            "di -".to_string(),
            format!("    {}", s.desa),
        ]
        .into_iter()
        {
            v.push(Blok::Paragraf {
                teks: baris,
                tingkat: 10,
                rata: Rata::Kiri,
                miring: false,
            });
        }
        v.push(Blok::Jarak);
        v.push(Blok::paragraf(
            format!(
                "Berdasarkan pemantauan Kecamatan {} sampai dengan tanggal {}, dokumen Desa {} berikut belum tercatat ditetapkan atau diterima:",
                p.nama,
                format_tanggal_panjang(d.tanggal),
                s.desa
            ),
            0,
        ));
        let baris = s
            .item
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let j = d.jenis.iter().find(|j| j.kode == i.jenis);
                let nama = j
                    .map(|j| format!("{}\n({})", i.jenis, j.nama))
                    .unwrap_or_else(|| i.jenis.clone());
                let dasar = j
                    .map(|j| {
                        if j.keterangan_aturan.is_empty() {
                            j.dasar_hukum.clone()
                        } else {
                            format!("{}\n({})", j.keterangan_aturan, j.dasar_hukum)
                        }
                    })
                    .unwrap_or_default();
                Baris::Isi(vec![
                    (k + 1).to_string(),
                    nama,
                    i.tahun_anggaran.to_string(),
                    format_tanggal_panjang(i.tenggat),
                    keadaan(i),
                    dasar,
                ])
            })
            .collect();
        let sisa = LEBAR_TEKS - 500 - 1_900 - 650 - 1_350 - 1_250;
        v.push(Blok::Tabel(Tabel {
            kolom: vec![
                Kolom::new("No", 500, Rata::Tengah),
                Kolom::new("Dokumen", 1_900, Rata::Kiri),
                Kolom::new("TA", 650, Rata::Tengah),
                Kolom::new("Batas waktu", 1_350, Rata::Kiri),
                Kolom::new("Keadaan", 1_250, Rata::Kiri),
                Kolom::new("Ketentuan dan dasar hukum", sisa, Rata::Kiri),
            ],
            baris,
        }));
        v.push(Blok::paragraf(
            format!(
                "Sehubungan dengan hal tersebut, Saudara diminta segera menetapkan dan/atau menyampaikan dokumen tersebut kepada Camat {} sesuai ketentuan di atas. Apabila dokumen telah ditetapkan atau disampaikan, mohon salinan Peraturan Desa, dokumen atau tanda terimanya disampaikan agar catatan kami diperbarui.",
                p.nama
            ),
            0,
        ));
        v.push(Blok::paragraf(
            "Demikian untuk menjadi perhatian dan dilaksanakan. Atas kerja sama Saudara disampaikan terima kasih.",
            0,
        ));
        v.push(Blok::TandaTangan(TandaTangan {
            tempat_tanggal: String::new(),
            ..TandaTangan::camat(p, d.tanggal)
        }));
        nomor.push(no);
    }
    (
        Naskah {
            judul: format!("Surat Camat {} kepada Kepala Desa", p.nama),
            blok: v,
            nomor_halaman: false,
        },
        nomor,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_listed_as_indonesians_write_them() {
        assert_eq!(daftar_kata(&["RKPDes"]), "RKPDes");
        assert_eq!(daftar_kata(&["RKPDes", "APBDes"]), "RKPDes dan APBDes");
        assert_eq!(
            daftar_kata(&["RKPDes", "APBDes", "LPPDes"]),
            "RKPDes, APBDes dan LPPDes"
        );
    }
}
