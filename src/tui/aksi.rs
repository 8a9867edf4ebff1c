//! What keys mean and what they ask for, as data. A screen lists its commands in one table
//! (`Perintah`: keys, footer text, whether it changes data, whether it applies now); the app
//! matches keys against that table and builds the footer and the `?` help from it, so the two
//! cannot drift. A command returns an `Efek`; writes are `Tulis` values, carrying the id and
//! version their row had when the form or question opened, and one driver (`App`) runs them
//! in a transaction. Nothing here touches the store except `Tulis::jalankan`.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use rusqlite::Transaction;

use super::teks::Tombol;
use super::widgets::form::Form;
use crate::domain::angka::Seratus;
use crate::domain::indikator::JUMLAH_UNSUR;
use crate::store::dokumen::{self, IsiDokumen};
use crate::store::fasilitasi::{self, Fasilitasi};
use crate::store::kegiatan::{self, ButirKak, Kegiatan};
use crate::store::monev::{self, Masalah, MatriksKegiatan, Putaran, Rencana};
use crate::store::wilayah::{self, Desa};
use crate::store::{Galat, Hasil, ikm};

/// What a command does; each screen gives these their meaning there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Buka,
    Ubah,
    Tambah,
    /// A second kind of addition (a problem in the Monev matrix).
    TambahLain,
    Hapus,
    Kembali,
    Kolom(i8),
    Tahun(i8),
    Tindak,
    Putaran,
    Rincian,
    Riwayat,
    Contoh,
    /// Remove a whole desa or the sample kecamatan (asks with the counts).
    HapusSemua,
    /// Merge the selected desa into another.
    Gabung,
    /// Copy the selected item to the next year (a kegiatan with its KAK).
    Salin,
    /// Copy all of the year to the next.
    SalinSemua,
    /// Write what the tab shows to a file.
    Ekspor,
    /// Open the kecamatan profile (letterhead, camat, letter numbers).
    Profil,
    /// Scroll a long text (the desa detail) by this many lines (`i16::MIN`: to the top).
    Gulir(i16),
}

/// One command of a screen: its keys, its footer/help text, whether it changes data (refused
/// in read-only mode) and, when it does not apply now, why.
#[derive(Debug, Clone)]
pub struct Perintah {
    pub kunci: &'static [KeyCode],
    pub tombol: Tombol,
    pub act: Act,
    pub ubah: bool,
    pub berlaku: Result<(), String>,
}

impl Perintah {
    pub fn baru(kunci: &'static [KeyCode], tombol: Tombol, act: Act) -> Self {
        Perintah {
            kunci,
            tombol,
            act,
            ubah: false,
            berlaku: Ok(()),
        }
    }

    /// It writes to the database.
    pub fn ubah(mut self) -> Self {
        self.ubah = true;
        self
    }

    /// It applies only when `syarat` holds; otherwise the key says `alasan`.
    pub fn jika(mut self, syarat: bool, alasan: impl Into<String>) -> Self {
        if self.berlaku.is_ok() && !syarat {
            self.berlaku = Err(alasan.into());
        }
        self
    }

    /// It applies only when `hasil` is Ok.
    pub fn jika_ok(mut self, hasil: &Result<i64, String>) -> Self {
        if let (Ok(()), Err(e)) = (&self.berlaku, hasil) {
            self.berlaku = Err(e.clone());
        }
        self
    }

    pub fn cocok(&self, kode: KeyCode) -> bool {
        self.kunci.contains(&kode)
    }
}

pub const K_ENTER_E: &[KeyCode] = &[KeyCode::Enter, KeyCode::Char('e')];
pub const K_ENTER: &[KeyCode] = &[KeyCode::Enter];
pub const K_E: &[KeyCode] = &[KeyCode::Char('e')];
pub const K_A: &[KeyCode] = &[KeyCode::Char('a')];
pub const K_A_BESAR: &[KeyCode] = &[KeyCode::Char('A')];
pub const K_D: &[KeyCode] = &[KeyCode::Char('d')];
pub const K_S: &[KeyCode] = &[KeyCode::Char('s')];
pub const K_S_BESAR: &[KeyCode] = &[KeyCode::Char('S')];
pub const K_I: &[KeyCode] = &[KeyCode::Char('i')];
pub const K_T: &[KeyCode] = &[KeyCode::Char('t')];
pub const K_P: &[KeyCode] = &[KeyCode::Char('p')];
pub const K_C: &[KeyCode] = &[KeyCode::Char('c')];
pub const K_R: &[KeyCode] = &[KeyCode::Char('r')];
pub const K_X: &[KeyCode] = &[KeyCode::Char('x')];
pub const K_D_BESAR: &[KeyCode] = &[KeyCode::Char('D')];
pub const K_M_BESAR: &[KeyCode] = &[KeyCode::Char('M')];
pub const K_C_BESAR: &[KeyCode] = &[KeyCode::Char('C')];
pub const K_ESC: &[KeyCode] = &[KeyCode::Esc];
pub const K_P_BESAR: &[KeyCode] = &[KeyCode::Char('P')];
pub const K_V: &[KeyCode] = &[KeyCode::Char('v')];
pub const K_ESC_V: &[KeyCode] = &[KeyCode::Esc, KeyCode::Char('v')];
pub const K_ATAS: &[KeyCode] = &[KeyCode::Up, KeyCode::Char('k')];
pub const K_BAWAH: &[KeyCode] = &[KeyCode::Down, KeyCode::Char('j')];
pub const K_HALAMAN_ATAS: &[KeyCode] = &[KeyCode::PageUp];
pub const K_HALAMAN_BAWAH: &[KeyCode] = &[KeyCode::PageDown, KeyCode::Char(' ')];
pub const K_HOME: &[KeyCode] = &[KeyCode::Home];
pub const K_KIRI: &[KeyCode] = &[KeyCode::Left, KeyCode::Char('h')];
pub const K_KANAN: &[KeyCode] = &[KeyCode::Right, KeyCode::Char('l')];
pub const K_TAHUN_LALU: &[KeyCode] = &[KeyCode::Char('[')];
pub const K_TAHUN_DEPAN: &[KeyCode] = &[KeyCode::Char(']')];

/// The year keys every screen with a year has: `[` and `]`, one help line.
pub fn perintah_tahun(tombol: Tombol) -> [Perintah; 2] {
    [
        Perintah::baru(K_TAHUN_LALU, tombol, Act::Tahun(-1)),
        Perintah::baru(
            K_TAHUN_DEPAN,
            Tombol {
                kaki: false,
                ..tombol
            },
            Act::Tahun(1),
        ),
    ]
}

/// What a command asks the app to do.
pub enum Efek {
    Tidak,
    /// Fetch the screen again.
    Muat,
    Form(Form),
    /// Ask yes/no; on `y` the write runs and the message is shown.
    Tanya(String, Tulis, String),
    /// Write now; the message is shown on success.
    Tulis(Tulis, String),
    Pesan(String),
    Galat(String),
    /// Go to the Desa tab at (desa code, kind code, fiscal year).
    KeDesa(String, String, i32),
    MuatContoh,
    /// Show the audit history of a row: (table, id, title).
    Riwayat(&'static str, i64, String),
    /// Ask whether to remove (what, its name as the question says it, the message on
    /// success): the app counts what goes for the question.
    TanyaHapus(wilayah::Sasaran, String, String),
    /// Write a table to a file in the current folder.
    Ekspor(super::ekspor::Apa),
}

/// A write to the store, with everything it needs (ids and the versions read when the form
/// or question opened).
#[derive(Debug, Clone)]
pub enum Tulis {
    Dokumen {
        desa_id: i64,
        jenis_id: i64,
        ta: i32,
        /// The record's row when the form or question opened, if there was one.
        id: Option<i64>,
        versi: Option<i64>,
        isi: IsiDokumen,
        hari_ini: NaiveDate,
    },
    /// An edited desa; a code other than the stored one changes the code first.
    UbahDesa(Desa),
    TambahDesa(Desa),
    Hapus(wilayah::Sasaran),
    /// Merge desa `dari` (at `versi`) into the desa with code `ke`.
    GabungDesa {
        dari: i64,
        versi: i64,
        ke: String,
    },
    Kegiatan(Kegiatan),
    HapusKegiatan {
        id: i64,
        versi: i64,
    },
    /// A kegiatan with its KAK copied to year `ke`, as it was when the question opened.
    SalinKegiatan {
        id: i64,
        versi: i64,
        ke: i32,
    },
    /// Every kegiatan of year `dari` in scope copied to year `ke`.
    SalinTahun {
        kecamatan: Option<i64>,
        dari: i32,
        ke: i32,
    },
    ButirKak {
        kegiatan_id: i64,
        butir: ButirKak,
    },
    HapusButirKak {
        tabel: &'static str,
        id: i64,
        versi: i64,
    },
    Tandai {
        tahapan_id: i64,
        bulan: u32,
        versi: Option<i64>,
        tanggal: NaiveDate,
        bukti: String,
    },
    Batal {
        tahapan_id: i64,
        bulan: u32,
        versi: i64,
    },
    Realisasi {
        id: i64,
        versi: i64,
        nilai: Option<Seratus>,
    },
    Ikm {
        kecamatan_id: i64,
        tahun: i32,
        skor: [u8; JUMLAH_UNSUR],
    },
    /// A facilitation entry (id 0: new), its desa given as a code or a name.
    Fasilitasi {
        x: Fasilitasi,
        desa: String,
        kode_jenis: String,
        satu_kecamatan: Result<i64, String>,
        kecamatan_lingkup: Option<i64>,
    },
    Tindak(Fasilitasi),
    HapusFasilitasi {
        id: i64,
        versi: i64,
    },
    Rencana(Rencana),
    Putaran {
        rencana_id: i64,
        putaran: Putaran,
    },
    HapusRencana {
        id: i64,
        versi: i64,
    },
    Masalah(Masalah),
    MatriksKegiatan {
        masalah_id: i64,
        kegiatan: MatriksKegiatan,
    },
    HapusMasalah {
        id: i64,
        versi: i64,
    },
    HapusMatriksKegiatan {
        id: i64,
        versi: i64,
    },
    /// A correction of one round of a plan (its id and version inside).
    UbahPutaran(Putaran),
    HapusPutaran {
        id: i64,
        versi: i64,
    },
    /// Round `ke` (1–3) of a matrix activity; `putaran.id` 0 when it was empty.
    PutaranMatriks {
        kegiatan_id: i64,
        ke: i64,
        putaran: Putaran,
    },
    HapusPutaranMatriks {
        id: i64,
        versi: i64,
    },
    UbahIkm {
        id: i64,
        versi: i64,
        skor: [u8; JUMLAH_UNSUR],
    },
    HapusIkm {
        id: i64,
        versi: i64,
    },
    /// The kecamatan profile as the form left it, over the version it opened with.
    Profil {
        kecamatan_id: i64,
        versi: i64,
        ubah: crate::store::profil::UbahProfil,
    },
}

impl Tulis {
    /// Runs the write inside the caller's transaction; returns the id of the row written.
    pub fn jalankan(&self, tx: &Transaction, hari_ini: NaiveDate) -> Hasil<i64> {
        match self {
            Tulis::Dokumen {
                desa_id,
                jenis_id,
                ta,
                versi,
                isi,
                hari_ini,
                ..
            } => {
                dokumen::ubah_dokumen(tx, *desa_id, *jenis_id, *ta, *versi, isi, *hari_ini)?;
                Ok(*desa_id)
            }
            Tulis::UbahDesa(d) => {
                let mut d = d.clone();
                d.kode = d.kode.trim().to_string();
                if let Some(kini) = wilayah::desa_id(tx, d.id)?
                    && kini.kode != d.kode
                {
                    wilayah::ganti_kode_desa(tx, d.id, Some(d.versi), &d.kode)?;
                    d.versi += 1;
                }
                wilayah::ubah_desa(tx, &d)?;
                Ok(d.id)
            }
            Tulis::Hapus(s) => {
                wilayah::hapus(tx, s)?;
                Ok(0)
            }
            Tulis::GabungDesa { dari, versi, ke } => {
                let kode = crate::domain::kode::parse_kode_desa(ke)
                    .map_err(|e| Galat::TidakSah(format!("Kode desa tujuan: {e}")))?;
                let tujuan = wilayah::desa_kode(tx, &kode.kode)?.ok_or_else(|| {
                    Galat::TidakSah(format!(
                        "Kode desa tujuan: desa {} tidak ada di basis data",
                        kode.kode
                    ))
                })?;
                // the listed conflicts on one line: the form shows one message
                wilayah::gabung_desa(tx, *dari, Some(*versi), tujuan.id).map_err(|e| match e {
                    Galat::TidakSah(m) => {
                        Galat::TidakSah(m.replace(":\n", ": ").replace('\n', "; "))
                    }
                    e => e,
                })?;
                Ok(tujuan.id)
            }
            Tulis::TambahDesa(d) => {
                let kode = crate::domain::kode::parse_kode_desa(&d.kode)
                    .map_err(|e| Galat::TidakSah(format!("Kode: {e}")))?;
                let kec = wilayah::kecamatan_kode(tx, &kode.kode_kecamatan)?.ok_or_else(|| {
                    Galat::TidakSah(format!(
                        "Kode: kecamatan {} belum ada; muat lewat pantau impor desa BERKAS",
                        kode.kode_kecamatan
                    ))
                })?;
                let d = &Desa {
                    kecamatan_id: kec.id,
                    ..d.clone()
                };
                if wilayah::desa_kode(tx, &d.kode)?.is_some() {
                    return Err(Galat::TidakSah(format!("Kode: desa {} sudah ada", d.kode)));
                }
                wilayah::simpan_desa_kode(tx, d, wilayah::SEMUA_KOLOM_DESA).map(|(id, _)| id)
            }
            Tulis::Kegiatan(k) => kegiatan::simpan_kepala(tx, k),
            Tulis::HapusKegiatan { id, versi } => kegiatan::hapus(tx, *id, *versi).map(|_| *id),
            Tulis::SalinKegiatan { id, versi, ke } => kegiatan::salin(tx, *id, Some(*versi), *ke),
            Tulis::SalinTahun {
                kecamatan,
                dari,
                ke,
            } => {
                let lingkup = match kecamatan {
                    Some(id) => wilayah::Lingkup::Kecamatan(*id),
                    None => wilayah::Lingkup::Semua,
                };
                let ids = kegiatan::salin_tahun(tx, lingkup, None, *dari, *ke)?;
                Ok(ids.first().copied().unwrap_or(0))
            }
            Tulis::ButirKak { kegiatan_id, butir } => {
                kegiatan::simpan_butir(tx, *kegiatan_id, butir)
            }
            Tulis::HapusButirKak { tabel, id, versi } => {
                kegiatan::hapus_butir(tx, tabel, *id, *versi).map(|_| *id)
            }
            Tulis::Tandai {
                tahapan_id,
                bulan,
                versi,
                tanggal,
                bukti,
            } => kegiatan::tandai_selesai_jika(tx, *tahapan_id, *bulan, *versi, *tanggal, bukti)
                .map(|_| *tahapan_id),
            Tulis::Batal {
                tahapan_id,
                bulan,
                versi,
            } => kegiatan::batal_selesai_jika(tx, *tahapan_id, *bulan, *versi).map(|_| *tahapan_id),
            Tulis::Realisasi { id, versi, nilai } => {
                kegiatan::ubah_realisasi(tx, *id, *versi, *nilai).map(|_| *id)
            }
            Tulis::Ikm {
                kecamatan_id,
                tahun,
                skor,
            } => ikm::tambah(tx, *kecamatan_id, *tahun, *skor, false, hari_ini),
            Tulis::Fasilitasi {
                x,
                desa,
                kode_jenis,
                satu_kecamatan,
                kecamatan_lingkup,
            } => {
                let mut x = x.clone();
                let d = if desa.is_empty() {
                    None
                } else {
                    Some(cari_desa(tx, desa, *kecamatan_lingkup)?)
                };
                if let (Some(kec), Some(d)) = (kecamatan_lingkup, &d)
                    && d.kecamatan_id != *kec
                {
                    return Err(Galat::TidakSah(format!(
                        "Kode desa: {} di luar kecamatan ini",
                        d.kode
                    )));
                }
                x.kecamatan_id = match (&d, x.id, kecamatan_lingkup) {
                    (Some(d), _, _) => d.kecamatan_id,
                    (None, id, _) if id > 0 => x.kecamatan_id,
                    (None, _, Some(k)) => *k,
                    (None, _, None) => satu_kecamatan
                        .clone()
                        .map_err(|e| Galat::TidakSah(format!("Kode desa: isi kode desa ({e})")))?,
                };
                x.desa_id = d.map(|d| d.id);
                let katalog = fasilitasi::daftar_katalog(tx)?;
                // the same reading of a code as the import's (`f1` is F01)
                let kat = fasilitasi::cari_katalog(&katalog, kode_jenis).ok_or_else(|| {
                    Galat::TidakSah(format!(
                        "Jenis: '{}' tidak ada di katalog (F01–F18, K01–K02, R01)",
                        crate::domain::teks::aman(kode_jenis.trim())
                    ))
                })?;
                x.katalog_id = kat.id;
                if x.id == 0 {
                    fasilitasi::tambah(tx, &x, hari_ini)
                } else {
                    fasilitasi::ubah(tx, &x, hari_ini).map(|_| x.id)
                }
            }
            Tulis::Tindak(x) => fasilitasi::ubah(tx, x, hari_ini).map(|_| x.id),
            Tulis::HapusFasilitasi { id, versi } => fasilitasi::hapus(tx, *id, *versi).map(|_| *id),
            Tulis::Rencana(r) => monev::simpan_rencana_kepala(tx, r),
            Tulis::Putaran {
                rencana_id,
                putaran,
            } => monev::tambah_putaran(tx, *rencana_id, putaran),
            Tulis::HapusRencana { id, versi } => monev::hapus_rencana(tx, *id, *versi).map(|_| *id),
            Tulis::Masalah(m) => monev::simpan_masalah_kepala(tx, m),
            Tulis::MatriksKegiatan {
                masalah_id,
                kegiatan,
            } => monev::simpan_matriks_kegiatan(tx, *masalah_id, kegiatan),
            Tulis::HapusMasalah { id, versi } => monev::hapus_masalah(tx, *id, *versi).map(|_| *id),
            Tulis::HapusMatriksKegiatan { id, versi } => {
                monev::hapus_matriks_kegiatan(tx, *id, *versi).map(|_| *id)
            }
            Tulis::UbahPutaran(p) => monev::ubah_putaran(tx, p),
            Tulis::HapusPutaran { id, versi } => monev::hapus_putaran(tx, *id, *versi).map(|_| *id),
            Tulis::PutaranMatriks {
                kegiatan_id,
                ke,
                putaran,
            } => monev::simpan_putaran_matriks(tx, *kegiatan_id, *ke, putaran),
            Tulis::HapusPutaranMatriks { id, versi } => {
                monev::hapus_putaran_matriks(tx, *id, *versi).map(|_| *id)
            }
            Tulis::UbahIkm { id, versi, skor } => {
                ikm::ubah(tx, *id, *versi, *skor, hari_ini).map(|_| *id)
            }
            Tulis::HapusIkm { id, versi } => ikm::hapus(tx, *id, *versi).map(|_| *id),
            Tulis::Profil {
                kecamatan_id,
                versi,
                ubah,
            } => crate::store::profil::ubah_profil(tx, *kecamatan_id, Some(*versi), ubah)
                .map(|_| *kecamatan_id),
        }
    }

    /// The row a versioned write targets, for saying what another operator did to it.
    pub fn sasaran(&self, conn: &rusqlite::Connection) -> Option<(&'static str, i64)> {
        Some(match self {
            // the record as it is now (another operator may have made it), or the one the
            // form saw (another may have deleted it)
            Tulis::Dokumen {
                desa_id,
                jenis_id,
                ta,
                id,
                ..
            } => match dokumen::dokumen(conn, *desa_id, *jenis_id, *ta)
                .ok()
                .flatten()
            {
                Some(d) => ("dokumen", d.id),
                None => ("dokumen", (*id)?),
            },
            Tulis::UbahDesa(d) => ("desa", d.id),
            Tulis::Hapus(wilayah::Sasaran::Desa { id, .. }) => ("desa", *id),
            Tulis::GabungDesa { dari, .. } => ("desa", *dari),
            Tulis::Kegiatan(k) if k.id > 0 => ("kegiatan", k.id),
            Tulis::HapusKegiatan { id, .. } | Tulis::SalinKegiatan { id, .. } => ("kegiatan", *id),
            Tulis::ButirKak { butir, kegiatan_id } => {
                let id = match butir {
                    ButirKak::Indikator(x) => x.id,
                    ButirKak::Butir(x) => x.id,
                    ButirKak::Anggaran(x) => x.id,
                    ButirKak::Biaya(x) => x.id,
                    ButirKak::Tahapan(x) => x.id,
                };
                if id > 0 {
                    (butir.tabel(), id)
                } else {
                    ("kegiatan", *kegiatan_id)
                }
            }
            Tulis::HapusButirKak { tabel, id, .. } => (tabel, *id),
            Tulis::Realisasi { id, .. } => ("indikator", *id),
            Tulis::Fasilitasi { x, .. } | Tulis::Tindak(x) if x.id > 0 => ("fasilitasi", x.id),
            Tulis::HapusFasilitasi { id, .. } => ("fasilitasi", *id),
            Tulis::Rencana(r) if r.id > 0 => ("monev_rencana", r.id),
            Tulis::Putaran { rencana_id, .. } => ("monev_rencana", *rencana_id),
            Tulis::HapusRencana { id, .. } => ("monev_rencana", *id),
            Tulis::Masalah(m) if m.id > 0 => ("matriks_masalah", m.id),
            Tulis::MatriksKegiatan {
                masalah_id,
                kegiatan,
            } => {
                if kegiatan.id > 0 {
                    ("matriks_kegiatan", kegiatan.id)
                } else {
                    ("matriks_masalah", *masalah_id)
                }
            }
            Tulis::HapusMasalah { id, .. } => ("matriks_masalah", *id),
            Tulis::HapusMatriksKegiatan { id, .. } => ("matriks_kegiatan", *id),
            Tulis::UbahPutaran(p) => ("monev_putaran", p.id),
            Tulis::HapusPutaran { id, .. } => ("monev_putaran", *id),
            Tulis::PutaranMatriks {
                kegiatan_id,
                putaran,
                ..
            } => {
                if putaran.id > 0 {
                    ("matriks_putaran", putaran.id)
                } else {
                    ("matriks_kegiatan", *kegiatan_id)
                }
            }
            Tulis::HapusPutaranMatriks { id, .. } => ("matriks_putaran", *id),
            Tulis::UbahIkm { id, .. } | Tulis::HapusIkm { id, .. } => ("ikm_responden", *id),
            Tulis::Profil { kecamatan_id, .. } => ("kecamatan", *kecamatan_id),
            Tulis::Tandai {
                tahapan_id, bulan, ..
            }
            | Tulis::Batal {
                tahapan_id, bulan, ..
            } => match kegiatan::id_kejadian_terakhir(conn, *tahapan_id, *bulan)
                .ok()
                .flatten()
            {
                Some(id) => ("tahapan_realisasi", id),
                None => ("tahapan", *tahapan_id),
            },
            _ => return None,
        })
    }
}

/// A desa by its code, as the import reads `kode_desa` (the form's pick list finds the code
/// from a name).
fn cari_desa(tx: &Transaction, teks: &str, _lingkup: Option<i64>) -> Hasil<Desa> {
    let kode = crate::domain::kode::parse_kode_desa(teks)
        .map_err(|e| Galat::TidakSah(format!("Kode desa: {e}")))?;
    wilayah::desa_kode(tx, &kode.kode)?.ok_or_else(|| {
        Galat::TidakSah(format!(
            "Kode desa: desa {} tidak ada; pilih dari daftar (ketik sebagian nama)",
            kode.kode
        ))
    })
}
