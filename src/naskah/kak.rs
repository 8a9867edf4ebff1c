//! The KAK of a kegiatan as a document, laid out like the office's own (seeds 000, 001): the
//! letterhead, the programme and indicator table, A. Latar Belakang with its numbered parts,
//! the budget history with its year-to-year change, aims and indicators by level, benefits,
//! strategy, stages and timing, places, implementers, participants, the cost plan with its
//! computed total, and the place and date of signing with the signer.
//!
//! The seeds number their parts inconsistently (000 letters them `f.`–`k.` after `3.`, 001
//! numbers them, points restart or repeat: `1, 2, 3, 2, 3`); this document numbers every level
//! itself, and takes the seeds' own markers off the stored text (`tanpa_penanda`).

use chrono::NaiveDate;

use super::docx::LEBAR_TEKS;
use super::{Baris, Blok, Kolom, Kop, Naskah, Penomoran, Rata, Tabel, TandaTangan, tanpa_penanda};
use crate::domain::angka::{Seratus, format_desimal_ringkas, format_persen, format_rupiah, persen};
use crate::domain::indikator::capaian;
use crate::store::kegiatan::{BAGIAN, Butir, Hitungan, Indikator, Kak};
use crate::store::profil::Profil;
use crate::store::wilayah::Desa;

/// Everything the document shows, read before it is built.
pub struct DataKak<'a> {
    pub profil: &'a Profil,
    pub kak: &'a Kak,
    /// `realisasi_hitung` of `kak`: the computed realisation of each indicator, or `None`.
    pub hitungan: &'a [Option<Hitungan>],
    /// The date of signing.
    pub tanggal: NaiveDate,
    /// The desa of the kecamatan, by code: the table of administrative division and
    /// population under Gambaran Umum (as seed 001 has it).
    pub desa: &'a [Desa],
}

/// Indicator levels as the KAK names them.
pub fn nama_tingkat(tingkat: &str) -> &str {
    match tingkat {
        "program" => "Indikator Program",
        "output" => "Indikator Output",
        "outcome" => "Indikator Outcome",
        "individu" => "Indikator Kinerja Individu",
        _ => tingkat,
    }
}

fn judul_bagian(kode: &str) -> &'static str {
    BAGIAN
        .iter()
        .find(|(k, _)| *k == kode)
        .map(|(_, j)| *j)
        .unwrap_or("Lainnya")
}

/// Consecutive points under one group heading (empty: points without a heading).
struct Kelompok<'a> {
    judul: &'a str,
    butir: Vec<&'a str>,
}

fn kelompokkan<'a>(butir: impl Iterator<Item = &'a Butir>) -> Vec<Kelompok<'a>> {
    let mut v: Vec<Kelompok> = Vec::new();
    for b in butir {
        let judul = tanpa_penanda(&b.kelompok);
        let teks = tanpa_penanda(&b.teks);
        match v.last_mut() {
            Some(k) if k.judul == judul => k.butir.push(teks),
            _ => v.push(Kelompok {
                judul,
                butir: vec![teks],
            }),
        }
    }
    v
}

/// A signing line the seed kept among its points (`Lumajang, 1 Oktober 2019`): the document
/// signs with its own place and date, so the old one is left out.
fn baris_tanda_tangan(teks: &str) -> bool {
    let Some((_, tanggal)) = teks.rsplit_once(", ") else {
        return false;
    };
    let k: Vec<&str> = tanggal.split_whitespace().collect();
    k.len() == 3
        && k[0].parse::<u32>().is_ok()
        && crate::domain::tanggal::bulan_dari_nama(k[1]).is_some()
        && k[2].len() == 4
        && k[2].parse::<i32>().is_ok()
        && teks.chars().count() < 60
}

/// The stored points of part `kode`, without an old signing line.
fn butir_bagian<'a>(kak: &'a Kak, kode: &'a str) -> impl Iterator<Item = &'a Butir> + 'a {
    kak.butir
        .iter()
        .filter(move |b| b.bagian == kode)
        .filter(|b| !(b.bagian == "lainnya" && baris_tanda_tangan(&b.teks)))
}

/// How points at depth `tingkat` are numbered: `1.`, `a.`, `1)`, `a)`, then bullets, so that
/// every level of the document is numbered one way.
pub fn nomor_tingkat(tingkat: u8) -> Penomoran {
    match tingkat {
        0 | 1 => Penomoran::Angka,
        2 => Penomoran::Huruf,
        3 => Penomoran::AngkaKurung,
        4 => Penomoran::HurufKurung,
        _ => Penomoran::Titik,
    }
}

/// Points of one numbered part at depth `tingkat`: a plain list when none has a heading, else
/// each heading numbered with its points under it, and a point without heading numbered alone.
/// Returns how many points it numbered at `tingkat`.
fn tulis_kelompok(v: &mut Vec<Blok>, kelompok: &[Kelompok], tingkat: u8) -> usize {
    let nomor = nomor_tingkat(tingkat);
    if let [satu] = kelompok
        && satu.judul.is_empty()
    {
        for (i, t) in satu.butir.iter().enumerate() {
            v.push(Blok::Butir {
                penanda: nomor.penanda(i + 1),
                teks: t.to_string(),
                tingkat,
            });
        }
        return satu.butir.len();
    }
    let mut n = 0;
    for k in kelompok {
        if k.judul.is_empty() {
            for t in &k.butir {
                n += 1;
                v.push(Blok::Butir {
                    penanda: nomor.penanda(n),
                    teks: t.to_string(),
                    tingkat,
                });
            }
        } else {
            n += 1;
            v.push(Blok::Bagian {
                penanda: nomor.penanda(n),
                teks: k.judul.to_string(),
                tingkat,
            });
            tulis_kelompok(
                v,
                &[Kelompok {
                    judul: "",
                    butir: k.butir.clone(),
                }],
                tingkat + 1,
            );
        }
    }
    n
}

fn dengan_satuan(v: Option<Seratus>, satuan: &str) -> String {
    match v {
        None => "–".into(),
        Some(x) if satuan == "%" => format!("{}%", format_desimal_ringkas(x)),
        // an index ("nilai") needs no unit after its number
        Some(x) if satuan.is_empty() || satuan == "nilai" => format_desimal_ringkas(x),
        Some(x) => format!("{} {satuan}", format_desimal_ringkas(x)),
    }
}

/// The indicators by level with target, realisation (computed ones say so) and achievement.
fn tabel_indikator(ind: &[Indikator], hitungan: &[Option<Hitungan>]) -> Tabel {
    let mut baris = Vec::new();
    // levels in the KAK's order, then any other level as stored
    let mut urutan: Vec<&str> = crate::store::kegiatan::TINGKAT.to_vec();
    for i in ind {
        if !urutan.contains(&i.tingkat.as_str()) {
            urutan.push(&i.tingkat);
        }
    }
    for t in urutan {
        let di: Vec<(usize, &Indikator)> = ind
            .iter()
            .enumerate()
            .filter(|(_, i)| i.tingkat == t)
            .collect();
        if di.is_empty() {
            continue;
        }
        baris.push(Baris::Kelompok(nama_tingkat(t).to_string()));
        for (n, (k, i)) in di.into_iter().enumerate() {
            let h = hitungan.get(k).and_then(|h| h.as_ref());
            // a computed achievement comes from the exact fraction, as the Kegiatan tab shows it
            let (capai, teks) = match h {
                Some(h) => (
                    h.capaian(i.target),
                    format!("{}\n({})", dengan_satuan(h.nilai(), &i.satuan), h.asal()),
                ),
                None => (
                    capaian(i.target, i.realisasi),
                    dengan_satuan(i.realisasi, &i.satuan),
                ),
            };
            baris.push(Baris::Isi(vec![
                (n + 1).to_string(),
                i.uraian.clone(),
                dengan_satuan(i.target, &i.satuan),
                teks,
                format_persen(capai),
            ]));
        }
    }
    let sisa = LEBAR_TEKS - 500 - 1_500 - 2_100 - 1_200;
    Tabel {
        kolom: vec![
            Kolom::new("No", 500, Rata::Tengah),
            Kolom::new("Indikator", sisa, Rata::Kiri),
            Kolom::new("Target", 1_500, Rata::Tengah),
            Kolom::new("Realisasi", 2_100, Rata::Tengah),
            Kolom::new("Capaian", 1_200, Rata::Tengah),
        ],
        baris,
    }
}

/// Change from one year to the next, in percent of the earlier year.
fn perubahan(dari: Option<i64>, ke: Option<i64>) -> String {
    match (dari, ke) {
        (Some(a), Some(b)) if a != 0 => {
            let p = format_persen(persen(b - a, a));
            if b > a { format!("+{p}") } else { p }
        }
        _ => "–".into(),
    }
}

fn tabel_anggaran(kak: &Kak) -> Tabel {
    let th = kak.kegiatan.tahun;
    let rp = |x: Option<i64>| x.map(format_rupiah).unwrap_or_else(|| "–".into());
    let mut baris: Vec<Baris> = kak
        .anggaran
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Baris::Isi(vec![
                (i + 1).to_string(),
                a.uraian.clone(),
                rp(a.n2),
                rp(a.n1),
                rp(a.berjalan),
                perubahan(a.n2, a.n1),
                perubahan(a.n1, a.berjalan),
            ])
        })
        .collect();
    let jumlah = |f: fn(&crate::store::kegiatan::Anggaran) -> Option<i64>| {
        let v: Vec<i64> = kak.anggaran.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| v.iter().sum::<i64>())
    };
    let (n2, n1, b) = (jumlah(|a| a.n2), jumlah(|a| a.n1), jumlah(|a| a.berjalan));
    baris.push(Baris::Jumlah(vec![
        String::new(),
        "Jumlah".into(),
        rp(n2),
        rp(n1),
        rp(b),
        perubahan(n2, n1),
        perubahan(n1, b),
    ]));
    let uang = 1_480;
    let ubah = 1_000;
    Tabel {
        kolom: vec![
            Kolom::new("No", 500, Rata::Tengah),
            Kolom::new("Uraian", LEBAR_TEKS - 500 - 3 * uang - 2 * ubah, Rata::Kiri),
            Kolom::new(&format!("N-2 ({})", th - 2), uang, Rata::Kanan),
            Kolom::new(&format!("N-1 ({})", th - 1), uang, Rata::Kanan),
            Kolom::new(&format!("Tahun berjalan ({th})"), uang, Rata::Kanan),
            Kolom::new("Selisih N-1", ubah, Rata::Kanan),
            Kolom::new("Selisih berjalan", ubah, Rata::Kanan),
        ],
        baris,
    }
}

/// Area of one desa above which the stored value is more likely in hectares than in km² (seed
/// 001 heads its column km² and writes 723 for Yosowilangun Kidul).
const LUAS_DESA_MAKS_KM2: i64 = 100;

/// The desa with dusun, RW, RT, area and population, their sums, and what does not add up.
fn tabel_desa(v: &mut Vec<Blok>, desa: &[Desa]) {
    use crate::domain::angka::format_ribuan;
    let b = |x: Option<i64>| x.map(format_ribuan).unwrap_or_else(|| "–".into());
    let jumlah = |f: fn(&Desa) -> Option<i64>| {
        let x: Vec<i64> = desa.iter().filter_map(f).collect();
        (!x.is_empty()).then(|| x.iter().sum::<i64>())
    };
    let mut baris: Vec<Baris> = desa
        .iter()
        .enumerate()
        .map(|(i, x)| {
            Baris::Isi(vec![
                (i + 1).to_string(),
                x.nama.clone(),
                b(x.dusun),
                b(x.rw),
                b(x.rt),
                x.luas_km2
                    .map(crate::domain::angka::format_desimal_ringkas)
                    .unwrap_or_else(|| "–".into()),
                b(x.laki_laki),
                b(x.perempuan),
                b(x.jumlah_penduduk),
                b(x.rumah_tangga),
            ])
        })
        .collect();
    let luas: Vec<i64> = desa
        .iter()
        .filter_map(|x| x.luas_km2.map(|l| l.0))
        .collect();
    baris.push(Baris::Jumlah(vec![
        String::new(),
        "Jumlah".into(),
        b(jumlah(|x| x.dusun)),
        b(jumlah(|x| x.rw)),
        b(jumlah(|x| x.rt)),
        if luas.is_empty() {
            "–".into()
        } else {
            crate::domain::angka::format_desimal_ringkas(Seratus(luas.iter().sum()))
        },
        b(jumlah(|x| x.laki_laki)),
        b(jumlah(|x| x.perempuan)),
        b(jumlah(|x| x.jumlah_penduduk)),
        b(jumlah(|x| x.rumah_tangga)),
    ]));
    let sisa = LEBAR_TEKS - 500 - 820 - 550 - 550 - 850 - 1_000 - 1_250 - 1_000 - 1_000;
    v.push(Blok::Tabel(Tabel {
        kolom: vec![
            Kolom::new("No", 500, Rata::Tengah),
            Kolom::new("Desa", sisa, Rata::Kiri),
            Kolom::new("Dusun", 820, Rata::Kanan),
            Kolom::new("RW", 550, Rata::Kanan),
            Kolom::new("RT", 550, Rata::Kanan),
            Kolom::new("Luas (km²)", 850, Rata::Kanan),
            Kolom::new("Laki-laki", 1_000, Rata::Kanan),
            Kolom::new("Perempuan", 1_250, Rata::Kanan),
            Kolom::new("Jumlah", 1_000, Rata::Kanan),
            Kolom::new("Rumah tangga", 1_000, Rata::Kanan),
        ],
        baris,
    }));
    // the seed's known flaws are said, not copied silently
    for x in desa {
        if let (Some(l), Some(p), Some(j)) = (x.laki_laki, x.perempuan, x.jumlah_penduduk)
            && l + p != j
        {
            v.push(Blok::catatan(
                format!(
                    "Catatan: di Desa {} laki-laki + perempuan = {} + {} = {}, sedangkan jumlah penduduk tercatat {}.",
                    x.nama,
                    format_ribuan(l),
                    format_ribuan(p),
                    format_ribuan(l + p),
                    format_ribuan(j)
                ),
                3,
            ));
        }
    }
    let besar: Vec<&str> = desa
        .iter()
        .filter(|x| x.luas_km2.is_some_and(|l| l.0 > LUAS_DESA_MAKS_KM2 * 100))
        .map(|x| x.nama.as_str())
        .collect();
    if !besar.is_empty() {
        v.push(Blok::catatan(
            format!(
                "Catatan: luas {} desa lebih dari {} km² per desa ({}); angka ini tampaknya dalam hektare, periksa satuannya.",
                besar.len(),
                LUAS_DESA_MAKS_KM2,
                if besar.len() > 3 {
                    format!("{} dan lainnya", besar[..3].join(", "))
                } else {
                    besar.join(", ")
                }
            ),
            3,
        ));
    }
}

const CATATAN_SELISIH: &str =
    "Selisih: perubahan anggaran dari tahun sebelumnya, dalam persen anggaran tahun sebelumnya.";

fn tabel_jadwal(kak: &Kak) -> Tabel {
    let baris = kak
        .tahapan
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Baris::Isi(vec![
                (i + 1).to_string(),
                t.nama.clone(),
                t.bulan.teks(),
                t.tempat.clone(),
                t.pelaksana.clone(),
                t.peserta.clone(),
            ])
        })
        .collect();
    let sisa = LEBAR_TEKS - 500 - 1_150 - 1_500 - 1_900 - 1_900;
    Tabel {
        kolom: vec![
            Kolom::new("No", 500, Rata::Tengah),
            Kolom::new("Tahapan", sisa, Rata::Kiri),
            Kolom::new("Bulan", 1_150, Rata::Kiri),
            Kolom::new("Tempat", 1_500, Rata::Kiri),
            Kolom::new("Pelaksana", 1_900, Rata::Kiri),
            Kolom::new("Peserta", 1_900, Rata::Kiri),
        ],
        baris,
    }
}

fn tabel_biaya(kak: &Kak) -> Tabel {
    let mut baris: Vec<Baris> = kak
        .biaya
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Baris::Isi(vec![
                (i + 1).to_string(),
                b.uraian.clone(),
                format_rupiah(b.jumlah),
            ])
        })
        .collect();
    baris.push(Baris::Jumlah(vec![
        String::new(),
        "Total".into(),
        format_rupiah(kak.total_biaya()),
    ]));
    Tabel {
        kolom: vec![
            Kolom::new("No", 500, Rata::Tengah),
            Kolom::new("Uraian", LEBAR_TEKS - 500 - 2_200, Rata::Kiri),
            Kolom::new("Jumlah", 2_200, Rata::Kanan),
        ],
        baris,
    }
}

/// The parts of "A. Latar Belakang Kegiatan", in order: title and the stored parts they show.
const BAB: &[(&str, &[&str])] = &[
    ("Dasar Hukum", &["dasar_hukum"]),
    ("Gambaran Umum", &["gambaran_umum"]),
    (
        "Fenomena dan Data Detail",
        &["fenomena", "prioritas", "penyebab", "upaya"],
    ),
    (
        "Evaluasi Anggaran dan Realisasi Tahun Sebelumnya serta Permasalahan",
        &["evaluasi", "permasalahan"],
    ),
    ("Maksud dan Tujuan (Target SAKIP)", &["maksud", "tujuan"]),
    ("Manfaat", &["manfaat"]),
    ("Strategi Pencapaian Keluaran", &["strategi"]),
    (
        "Tahapan dan Waktu Pelaksanaan",
        &["metode", "lainnya", "tempat", "pelaksana", "peserta"],
    ),
    ("Biaya yang Diperlukan", &[]),
];

pub fn naskah(d: &DataKak) -> Naskah {
    let kak = d.kak;
    let g = &kak.kegiatan;
    let mut v = vec![
        Blok::Kop(Kop::dari_profil(d.profil)),
        Blok::Judul("KERANGKA ACUAN KERJA (KAK)".into()),
        Blok::Judul("TERM OF REFERENCE (TOR)".into()),
        Blok::Judul(format!("TAHUN ANGGARAN {}", g.tahun)),
        Blok::Jarak,
    ];

    // the head: programme, kegiatan and their indicators
    let uraian = |t: &str| -> Vec<String> {
        let v: Vec<&Indikator> = kak.indikator.iter().filter(|i| i.tingkat == t).collect();
        if v.len() == 1 {
            vec![v[0].uraian.clone()]
        } else {
            v.iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {}", n + 1, i.uraian))
                .collect()
        }
    };
    let mut kepala = vec![
        (
            "Nama Program".to_string(),
            vec![format!("{} {}", g.kode_program, g.nama_program)],
        ),
        ("Indikator Program".into(), uraian("program")),
        (
            "Nama Kegiatan".into(),
            vec![format!("{} {}", g.kode_kegiatan, g.nama_kegiatan)],
        ),
    ];
    if !g.kode_sub_kegiatan.is_empty() {
        kepala.push(("Sub Kegiatan".into(), vec![g.kode_sub_kegiatan.clone()]));
    }
    kepala.push(("Indikator Output".into(), uraian("output")));
    kepala.push(("Indikator Outcome".into(), uraian("outcome")));
    if !g.seksi.is_empty() {
        kepala.push(("Seksi".into(), vec![g.seksi.clone()]));
    }
    v.push(Blok::Isian(kepala));
    v.push(Blok::Jarak);

    v.push(Blok::Bagian {
        penanda: "A.".into(),
        teks: "Latar Belakang Kegiatan".into(),
        tingkat: 0,
    });
    let mut nomor = 0;
    let mut sudah_waktu = false;
    for (judul, bagian) in BAB {
        let butir = |kode: &'static str| butir_bagian(kak, kode);
        let ada = bagian.iter().any(|b| butir(b).next().is_some());
        let tabel_sendiri = match *judul {
            "Evaluasi Anggaran dan Realisasi Tahun Sebelumnya serta Permasalahan" => {
                !kak.anggaran.is_empty()
            }
            "Maksud dan Tujuan (Target SAKIP)" => !kak.indikator.is_empty(),
            "Tahapan dan Waktu Pelaksanaan" => !kak.tahapan.is_empty() || !g.waktu.is_empty(),
            "Biaya yang Diperlukan" => true,
            "Gambaran Umum" => !d.desa.is_empty(),
            _ => false,
        };
        if !ada && !tabel_sendiri {
            continue;
        }
        nomor += 1;
        v.push(Blok::Bagian {
            penanda: Penomoran::Angka.penanda(nomor),
            teks: judul.to_string(),
            tingkat: 1,
        });
        match *judul {
            "Evaluasi Anggaran dan Realisasi Tahun Sebelumnya serta Permasalahan" => {
                let ev = kelompokkan(butir("evaluasi"));
                // the time series first, as the seeds put it, then the problems
                let huruf = nomor_tingkat(2);
                let mut n = 0;
                for k in &ev {
                    n += 1;
                    if k.judul.is_empty() {
                        for t in &k.butir {
                            v.push(Blok::Butir {
                                penanda: huruf.penanda(n),
                                teks: t.to_string(),
                                tingkat: 2,
                            });
                        }
                    } else {
                        v.push(Blok::Bagian {
                            penanda: huruf.penanda(n),
                            teks: k.judul.to_string(),
                            tingkat: 2,
                        });
                        for t in &k.butir {
                            v.push(Blok::paragraf(*t, 3));
                        }
                    }
                    if n == 1 && !kak.anggaran.is_empty() {
                        v.push(Blok::Tabel(tabel_anggaran(kak)));
                        v.push(Blok::catatan(CATATAN_SELISIH, 3));
                    }
                }
                if ev.is_empty() && !kak.anggaran.is_empty() {
                    n += 1;
                    v.push(Blok::Bagian {
                        penanda: huruf.penanda(n),
                        teks: "Riwayat anggaran".into(),
                        tingkat: 2,
                    });
                    v.push(Blok::Tabel(tabel_anggaran(kak)));
                    v.push(Blok::catatan(CATATAN_SELISIH, 3));
                }
                for k in kelompokkan(butir("permasalahan")) {
                    n += 1;
                    v.push(Blok::Bagian {
                        penanda: huruf.penanda(n),
                        teks: if k.judul.is_empty() {
                            "Permasalahan".to_string()
                        } else {
                            k.judul.to_string()
                        },
                        tingkat: 2,
                    });
                    tulis_kelompok(
                        &mut v,
                        &[Kelompok {
                            judul: "",
                            butir: k.butir.clone(),
                        }],
                        3,
                    );
                }
            }
            "Maksud dan Tujuan (Target SAKIP)" => {
                let k = kelompokkan(bagian.iter().flat_map(|b| butir(b)));
                tulis_kelompok(&mut v, &k, 2);
                if !kak.indikator.is_empty() {
                    v.push(Blok::paragraf(
                        "Indikator dan target kinerja menurut tingkatnya (realisasi IKU 1, IKU 2 dan IKM dihitung pantau dari data kecamatan):",
                        2,
                    ));
                    v.push(Blok::Tabel(tabel_indikator(&kak.indikator, d.hitungan)));
                }
            }
            "Tahapan dan Waktu Pelaksanaan" => {
                // each stored part under its own letter: Prosedur, Waktu, Tempat, Pelaksana, Peserta
                let huruf = nomor_tingkat(2);
                let mut n = 0;
                for b in bagian.iter() {
                    let k = kelompokkan(butir(b));
                    if k.is_empty() {
                        continue;
                    }
                    n += 1;
                    let judul_satu = match k.as_slice() {
                        [satu] if !satu.judul.is_empty() => Some(satu.judul),
                        _ => None,
                    };
                    let judul = judul_satu.unwrap_or(judul_bagian(b));
                    sudah_waktu |= judul.eq_ignore_ascii_case("waktu");
                    v.push(Blok::Bagian {
                        penanda: huruf.penanda(n),
                        teks: judul.to_string(),
                        tingkat: 2,
                    });
                    if judul_satu.is_some() {
                        tulis_kelompok(
                            &mut v,
                            &[Kelompok {
                                judul: "",
                                butir: k[0].butir.clone(),
                            }],
                            3,
                        );
                    } else {
                        tulis_kelompok(&mut v, &k, 3);
                    }
                }
                if !sudah_waktu && !g.waktu.is_empty() {
                    n += 1;
                    v.push(Blok::Bagian {
                        penanda: huruf.penanda(n),
                        teks: "Waktu".into(),
                        tingkat: 2,
                    });
                    v.push(Blok::paragraf(g.waktu.clone(), 3));
                }
                if !kak.tahapan.is_empty() {
                    n += 1;
                    v.push(Blok::Bagian {
                        penanda: huruf.penanda(n),
                        teks: "Jadwal tahapan".into(),
                        tingkat: 2,
                    });
                    v.push(Blok::Tabel(tabel_jadwal(kak)));
                }
            }
            "Biaya yang Diperlukan" => {
                if kak.biaya.is_empty() {
                    v.push(Blok::paragraf("Belum ada rencana biaya.", 2));
                } else {
                    v.push(Blok::Tabel(tabel_biaya(kak)));
                    v.push(Blok::catatan(
                        "Total dihitung dari baris-baris rencana biaya di atas.",
                        0,
                    ));
                }
            }
            "Gambaran Umum" => {
                let k = kelompokkan(bagian.iter().flat_map(|b| butir(b)));
                let n = tulis_kelompok(&mut v, &k, 2);
                if !d.desa.is_empty() {
                    v.push(Blok::Bagian {
                        penanda: nomor_tingkat(2).penanda(n + 1),
                        teks: format!(
                            "Pembagian wilayah administrasi dan penduduk Kecamatan {}",
                            d.profil.nama
                        ),
                        tingkat: 2,
                    });
                    tabel_desa(&mut v, d.desa);
                }
            }
            _ => {
                let k = kelompokkan(bagian.iter().flat_map(|b| butir(b)));
                tulis_kelompok(&mut v, &k, 2);
            }
        }
    }
    if g.contoh {
        v.push(Blok::catatan(
            "Data contoh: disusun dari KAK asli Kecamatan Yosowilangun; tanggal dokumen desa rekaan.",
            0,
        ));
    }
    v.push(Blok::TandaTangan(TandaTangan::camat(d.profil, d.tanggal)));
    Naskah {
        judul: format!(
            "KAK {} {} Tahun {}",
            g.kode_kegiatan, g.nama_kegiatan, g.tahun
        ),
        blok: v,
        nomor_halaman: true,
    }
}

/// The KAK document of kegiatan `id` as the store holds it now, signed on `tanggal`
/// (`None`: there is no such kegiatan).
pub fn dari_store(
    conn: &rusqlite::Connection,
    id: i64,
    tanggal: NaiveDate,
) -> crate::store::Hasil<Option<Naskah>> {
    let Some(kak) = crate::store::kegiatan::kak(conn, id)? else {
        return Ok(None);
    };
    let profil = crate::store::profil::profil(conn, kak.kegiatan.kecamatan_id)?.unwrap_or_default();
    let hitungan = crate::store::kegiatan::realisasi_hitung(conn, &kak)?;
    // a kecamatan has 10–30 desa; the limit only guards against a damaged database
    let desa = crate::store::wilayah::daftar_desa(
        conn,
        crate::store::wilayah::Lingkup::Kecamatan(kak.kegiatan.kecamatan_id),
        "",
        0,
        1_000,
    )?;
    Ok(Some(naskah(&DataKak {
        profil: &profil,
        kak: &kak,
        hitungan: &hitungan,
        tanggal,
        desa: &desa,
    })))
}

/// The name a KAK is saved under from the interface, without date and extension:
/// `KAK-3.05.25.39.006-2026`.
pub fn nama_berkas(kode_kegiatan: &str, tahun: i32) -> String {
    let kode: String = kode_kegiatan
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("KAK-{kode}-{tahun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_signing_line_is_recognised() {
        assert!(baris_tanda_tangan("Lumajang, 1 Oktober 2019"));
        assert!(!baris_tanda_tangan(
            "Rapat koordinasi Pebruari, April, Juli, September dan Nopember"
        ));
        assert!(!baris_tanda_tangan(
            "Kecamatan Yosowilangun terdiri dari 12 Desa."
        ));
    }

    #[test]
    fn change_has_a_sign_and_none_without_a_base() {
        assert_eq!(perubahan(Some(6_750_000), Some(2_250_000)), "-66,67%");
        assert_eq!(perubahan(Some(990_000), Some(1_800_000)), "+81,82%");
        assert_eq!(perubahan(Some(0), Some(5)), "–");
        assert_eq!(perubahan(None, Some(5)), "–");
    }
}
