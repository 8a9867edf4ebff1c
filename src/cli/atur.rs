//! `pantau atur tahun-awal T`, `pantau atur profil [--camat …]`

use crate::cli::keluaran::cetak;
use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks, OpsiProfil, OpsiTenggat, Pengaturan};
use crate::domain::angka::format_ribuan;
use crate::domain::aturan::{self, Aturan, Bentuk, Pelaku, Peristiwa, Satuan};
use crate::domain::teks::aman;
use crate::domain::tenggat::AturanTenggat;
use crate::store::aturan as store_aturan;
use crate::store::profil::{self, Profil, UbahProfil, format_nip};
use crate::store::wilayah::{self, Lingkup};

pub fn jalankan(k: &mut Konteks, apa: Pengaturan) -> Result<u8, GalatCli> {
    match apa {
        Pengaturan::TahunAwal { tahun } => {
            let batas_atas = k.hari_ini.year() + 1;
            let t: i32 = tahun.trim().parse().map_err(|_| {
                format!("tahun awal '{tahun}' bukan tahun (contoh: pantau atur tahun-awal 2024)")
            })?;
            if !(2000..=batas_atas).contains(&t) {
                return Err(format!("tahun awal {t} harus antara 2000 dan {batas_atas}").into());
            }
            let lama = k.store.tahun_awal(k.hari_ini)?;
            k.store.atur("tahun_awal", &t.to_string())?;
            cetak!("Tahun anggaran pertama yang dilacak: {t} (sebelumnya {lama}).");
            Ok(KELUAR_OK)
        }
        Pengaturan::Profil(o) => atur_profil(k, o),
        Pengaturan::Tenggat(o) => atur_tenggat(k, o),
    }
}

/// `pantau atur tenggat …`: the rules listed, one kind changed or added, or a rules file
/// applied (all or nothing, audited, every tally recounted).
fn atur_tenggat(k: &mut Konteks, o: OpsiTenggat) -> Result<u8, GalatCli> {
    let sekarang = store_aturan::daftar(k.store.conn())?;
    if o.csv {
        cetak!("{}", aturan::tulis(&sekarang).trim_end());
        return Ok(KELUAR_OK);
    }
    let baru = if let Some(berkas) = &o.berkas {
        let teks = if berkas == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .map_err(|e| format!("-: masukan standar tidak dapat dibaca: {e}"))?;
            s
        } else {
            let isi = std::fs::read(berkas)
                .map_err(|e| format!("{berkas}: tidak dapat dibaca: {}", super::sebab_io(&e)))?;
            String::from_utf8(isi).map_err(|_| {
                format!("{berkas}: bukan teks UTF-8; simpan sebagai CSV UTF-8 dengan pemisah ;")
            })?
        };
        let baru = aturan::baca(&teks)
            .map_err(|g| GalatCli(g.into_iter().map(|x| format!("{berkas}:{x}")).collect()))?;
        if baru.is_empty() {
            return Err(format!(
                "{berkas}: tidak berisi aturan (baris judul lalu satu baris per jenis; contohnya: pantau atur tenggat --csv)"
            )
            .into());
        }
        baru
    } else if let (Some(kode), Some(aktif)) = (&o.kode, &o.aktif) {
        let aktif =
            crate::domain::angka::parse_ya_tidak(aktif).map_err(|e| format!("--aktif: {e}"))?;
        let ada = k
            .store
            .transaksi(|tx| store_aturan::atur_aktif(tx, kode, aktif))
            .map_err(|g| match g {
                crate::store::Galat::TidakSah(t) => GalatCli(vec![t]),
                lain => lain.into(),
            })?;
        cetak!(
            "{ada} {}; tenggat dan rekap dihitung ulang.",
            if aktif {
                "dilacak lagi"
            } else {
                "tidak dilacak lagi (catatannya tetap tersimpan)"
            }
        );
        return Ok(KELUAR_OK);
    } else if o.kode.is_some() && !o.tanpa_perubahan() {
        // one kind: completed inside the write below, from the kind as it is then
        Vec::new()
    } else {
        // one kind by its code, or all
        let tampil: Vec<&Aturan> = match &o.kode {
            Some(kode) => {
                let a: Vec<&Aturan> = sekarang
                    .iter()
                    .filter(|a| a.kode.eq_ignore_ascii_case(kode.trim()))
                    .collect();
                if a.is_empty() {
                    return Err(format!(
                        "jenis {} tidak ada (atau tidak dilacak); lihat: pantau atur tenggat",
                        aman(kode.trim())
                    )
                    .into());
                }
                a
            }
            None => sekarang.iter().collect(),
        };
        for a in tampil {
            let kantor = if a.pelaku == Pelaku::Camat {
                " [kantor]"
            } else {
                ""
            };
            let iku2 = if a.iku2 { " · IKU 2" } else { "" };
            let dasar = if a.dasar.trim().is_empty() {
                "(belum diisi; --dasar TEKS)".to_string()
            } else {
                aman(&a.dasar).into_owned()
            };
            cetak!(
                "{:<12} {}{kantor}{iku2}\n             {}\n             Dasar: {dasar}",
                aman(&a.kode),
                aman(&a.nama),
                a.bentuk.uraian(),
            );
        }
        let mati = store_aturan::tidak_dilacak(k.store.conn())?;
        if o.kode.is_none() && !mati.is_empty() {
            cetak!(
                "Tidak dilacak (pantau atur tenggat KODE --aktif ya): {}",
                aman(&mati.join(", "))
            );
        }
        cetak!(
            "Ubah: pantau atur tenggat KODE --tanggal DD/MM | --setelah PERISTIWA --jumlah N --satuan hari|bulan|hari_kerja; berkas: --csv / --berkas BERKAS"
        );
        return Ok(KELUAR_OK);
    };
    let hasil = k
        .store
        .transaksi(|tx| {
            // the options complete the kind as it stands inside this transaction: another
            // operator's change made since this command started is not undone
            let baru = match o.kode.as_ref().filter(|_| o.berkas.is_none()) {
                Some(kode) => vec![
                    satu_aturan(&store_aturan::daftar(tx)?, kode, &o)
                        .map_err(|g| crate::store::Galat::TidakSah(g.0.join("\n")))?,
                ],
                None => baru,
            };
            store_aturan::terapkan(tx, &baru)
        })
        .map_err(|g| match g {
            crate::store::Galat::TidakSah(t) => GalatCli(t.lines().map(String::from).collect()),
            lain => lain.into(),
        })?;
    for b in &hasil.baru {
        cetak!("Ditambah: {}", aman(b));
    }
    for b in &hasil.diubah {
        cetak!("Diubah: {}", aman(b));
    }
    if hasil.baru.is_empty() && hasil.diubah.is_empty() {
        cetak!("Tidak ada yang berubah ({} jenis sama).", hasil.sama);
    } else {
        cetak!(
            "Tenggat dan rekap dihitung ulang; perubahan tercatat di riwayat (pantau riwayat --tabel jenis_dokumen)."
        );
    }
    Ok(KELUAR_OK)
}

/// One kind as the options change it (or add it).
fn satu_aturan(sekarang: &[Aturan], kode: &str, o: &OpsiTenggat) -> Result<Aturan, GalatCli> {
    let ada = sekarang
        .iter()
        .find(|a| a.kode.eq_ignore_ascii_case(kode.trim()));
    let tanpa_aturan = o.tanggal.is_none()
        && o.setelah.is_none()
        && o.jumlah.is_none()
        && o.satuan.is_none()
        && o.geser_tahun.is_none();
    let Some(lama) = ada.cloned() else {
        // a new kind needs its name and its rule
        let nama = o.nama.clone().ok_or_else(|| {
            format!("jenis {kode} belum ada; untuk menambahnya beri --nama dan aturannya (--tanggal DD/MM atau --setelah PERISTIWA --jumlah N --satuan …)")
        })?;
        if tanpa_aturan {
            return Err(format!("jenis baru {kode}: beri aturannya (--tanggal DD/MM atau --setelah PERISTIWA --jumlah N --satuan …)").into());
        }
        let bentuk = bentuk_dari(o, None)?;
        return Ok(Aturan {
            kode: kode.trim().to_string(),
            nama,
            pelaku: pelaku_dari(o, Pelaku::Desa)?,
            iku2: false,
            bentuk,
            dasar: o.dasar.clone().unwrap_or_default(),
        });
    };
    Ok(Aturan {
        nama: o.nama.clone().unwrap_or(lama.nama.clone()),
        pelaku: pelaku_dari(o, lama.pelaku)?,
        bentuk: if tanpa_aturan {
            lama.bentuk.clone()
        } else {
            bentuk_dari(o, Some(&lama.bentuk))?
        },
        dasar: o.dasar.clone().unwrap_or(lama.dasar.clone()),
        ..lama
    })
}

fn pelaku_dari(o: &OpsiTenggat, lama: Pelaku) -> Result<Pelaku, GalatCli> {
    match &o.pelaku {
        None => Ok(lama),
        Some(p) => Pelaku::dari_kode(p)
            .ok_or_else(|| format!("--pelaku '{p}' bukan desa atau camat").into()),
    }
}

/// The rule the options give, completing it from the old one of the same shape.
fn bentuk_dari(o: &OpsiTenggat, lama: Option<&Bentuk>) -> Result<Bentuk, GalatCli> {
    let lama_tetap = lama.and_then(|b| b.tetap());
    let lama_setelah = match lama {
        Some(Bentuk::Setelah {
            peristiwa,
            jumlah,
            satuan,
        }) => Some((peristiwa.clone(), *jumlah, *satuan)),
        _ => None,
    };
    let ke_setelah = o.setelah.is_some()
        || ((o.jumlah.is_some() || o.satuan.is_some()) && lama_setelah.is_some());
    if ke_setelah {
        if o.geser_tahun.is_some() {
            return Err("--geser-tahun hanya untuk --tanggal".to_string().into());
        }
        let peristiwa = match &o.setelah {
            Some(p) => Peristiwa::dari_kode(p).ok_or_else(|| {
                format!("--setelah '{p}' bukan kode jenis dokumen (RAPBDes, EvalAPBDes/perlu_perbaikan) atau pelantikan")
            })?,
            None => lama_setelah.as_ref().map(|l| l.0.clone()).ok_or_else(|| GalatCli(vec!["--setelah wajib diisi".to_string()]))?,
        };
        let jumlah = o
            .jumlah
            .or(lama_setelah.as_ref().map(|l| l.1))
            .ok_or_else(|| GalatCli(vec!["--jumlah wajib diisi bersama --setelah".to_string()]))?;
        if jumlah > 366 {
            return Err(format!("--jumlah {jumlah} di luar 0–366").into());
        }
        let satuan = match &o.satuan {
            Some(s) => Satuan::dari_kode(s)
                .ok_or_else(|| format!("--satuan '{s}' bukan hari, bulan atau hari_kerja"))?,
            None => lama_setelah.as_ref().map(|l| l.2).ok_or_else(|| {
                GalatCli(vec![
                    "--satuan wajib diisi bersama --setelah (hari, bulan atau hari_kerja)"
                        .to_string(),
                ])
            })?,
        };
        return Ok(Bentuk::Setelah {
            peristiwa,
            jumlah,
            satuan,
        });
    }
    if o.jumlah.is_some() || o.satuan.is_some() {
        return Err("--jumlah dan --satuan hanya bersama --setelah"
            .to_string()
            .into());
    }
    let (hari, bulan) = match &o.tanggal {
        Some(t) => {
            let (h, b) = t
                .trim()
                .split_once('/')
                .ok_or_else(|| format!("--tanggal '{t}' bukan DD/MM (contoh: 30/09)"))?;
            let h: u32 = h
                .trim()
                .parse()
                .map_err(|_| format!("--tanggal '{t}' bukan DD/MM (contoh: 30/09)"))?;
            let b: u32 = b
                .trim()
                .parse()
                .map_err(|_| format!("--tanggal '{t}' bukan DD/MM (contoh: 30/09)"))?;
            (h, b)
        }
        None => match lama_tetap {
            Some(a) => (a.hari, a.bulan),
            None => {
                return Err("--tanggal DD/MM wajib diisi untuk tenggat tanggal tetap"
                    .to_string()
                    .into());
            }
        },
    };
    let a = AturanTenggat {
        geser_tahun: o
            .geser_tahun
            .or(lama_tetap.map(|a| a.geser_tahun))
            .unwrap_or(0),
        bulan,
        hari,
    };
    a.periksa()
        .map_err(|e| format!("--tanggal/--geser-tahun: {e}"))?;
    Ok(Bentuk::Tetap(a))
}

/// The one kecamatan a command about a single kecamatan means: `--kecamatan`, or the only one.
pub fn satu_kecamatan(k: &Konteks, perintah: &str) -> Result<i64, GalatCli> {
    match k.lingkup()? {
        Lingkup::Kecamatan(id) => Ok(id),
        Lingkup::Semua => {
            let semua = wilayah::daftar_kecamatan(k.store.conn(), Lingkup::Semua, 0, 2)?;
            match semua.as_slice() {
                [satu] => Ok(satu.id),
                [] => Err("belum ada kecamatan; muat desa dulu: pantau impor desa BERKAS"
                    .to_string()
                    .into()),
                _ => Err(format!(
                    "basis data berisi {} kecamatan: pilih satu dengan --kecamatan, misalnya: pantau --kecamatan {} {perintah}",
                    format_ribuan(wilayah::jumlah_kecamatan(k.store.conn())?),
                    semua[0].kode
                )
                .into()),
            }
        }
    }
}

/// The profile as lines, empty fields named as such.
pub fn baris_profil(p: &Profil) -> Vec<String> {
    let isi = |s: &str| {
        if s.trim().is_empty() {
            "(belum diisi)".to_string()
        } else {
            aman(s).into_owned()
        }
    };
    let tempat = if p.tempat.trim().is_empty() {
        format!("(belum diisi; dipakai: {})", aman(p.tempat_ttd()))
    } else {
        aman(&p.tempat).into_owned()
    };
    let pola = if p.pola_nomor.trim().is_empty() {
        format!("(belum diisi; dipakai: {})", profil::POLA_BAWAAN)
    } else {
        aman(&p.pola_nomor).into_owned()
    };
    vec![
        format!("Kecamatan  : {} {}", p.kode, aman(&p.nama)),
        format!("Alamat     : {}", isi(&p.alamat)),
        format!("Telepon    : {}", isi(&p.telepon)),
        format!("Kode pos   : {}", isi(&p.kode_pos)),
        format!("Camat      : {}", isi(&p.camat)),
        format!("NIP        : {}", isi(&format_nip(&p.nip))),
        format!("Tempat     : {tempat}"),
        format!("Pola nomor : {pola}"),
    ]
}

fn atur_profil(k: &mut Konteks, o: OpsiProfil) -> Result<u8, GalatCli> {
    let id = satu_kecamatan(k, "atur profil --camat NAMA")?;
    let ubah = UbahProfil {
        alamat: o.alamat,
        telepon: o.telepon,
        kode_pos: o.kode_pos,
        camat: o.camat,
        nip: o.nip,
        tempat: o.tempat,
        pola_nomor: o.pola_nomor,
    };
    if ubah.kosong() {
        let p = profil::profil(k.store.conn(), id)?.ok_or("kecamatan tidak ada".to_string())?;
        for b in baris_profil(&p) {
            cetak!("{b}");
        }
        return Ok(KELUAR_OK);
    }
    let (lama, baru) = k
        .store
        .transaksi(|tx| profil::ubah_profil(tx, id, None, &ubah))?;
    cetak!(
        "Profil kecamatan {} {} diubah:",
        baru.kode,
        aman(&baru.nama)
    );
    for (a, b) in baris_profil(&lama).iter().zip(baris_profil(&baru)) {
        if *a != b {
            cetak!("  {b}");
        }
    }
    Ok(KELUAR_OK)
}
