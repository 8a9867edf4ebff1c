//! The command line of CONTRACT.md: global options, subcommands (Indonesian names with English
//! aliases), Indonesian errors and exit codes.

use crate::cli::keluaran::cetak_galat;
mod atur;
mod cadangkan;
mod cek;
mod ekspor;
mod ekspor_tabel;
mod hapus;
mod hari_libur;
mod iku;
mod impor;
mod init;
mod kegiatan;
pub mod keluaran;
mod pasang;
mod pulihkan;
mod riwayat;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::domain::tanggal::parse_tanggal;
use crate::store::wilayah::{self, Lingkup};
use crate::store::{Galat, Mode, Store};

/// Exit codes of CONTRACT.md.
pub const KELUAR_OK: u8 = 0;
pub const KELUAR_LEWAT_TENGGAT: u8 = 1;
pub const KELUAR_GALAT: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "pantau",
    version,
    about = "Pemantauan dokumen desa, kegiatan, jadwal dan indikator kinerja kecamatan",
    long_about = "Pemantauan dokumen desa (RKPDes, APBDes, LPPDes, evaluasi rancangan APBDes oleh \
                  camat, laporan realisasi, RPJMDes …), kegiatan, jadwal dan indikator kinerja \
                  kecamatan.\nTanpa perintah, pantau membuka antarmuka terminal."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: OpsiGlobal,
    #[command(subcommand)]
    pub perintah: Option<Perintah>,
}

#[derive(Args, Debug, Clone)]
pub struct OpsiGlobal {
    /// Berkas basis data [env: PANTAU_DB] [bawaan: $XDG_DATA_HOME/pantau/pantau.db]
    #[arg(long, global = true, value_name = "BERKAS")]
    pub db: Option<PathBuf>,
    /// Tanggal yang dianggap hari ini, YYYY-MM-DD atau DD/MM/YYYY [env: PANTAU_TODAY]
    #[arg(long = "today", visible_alias = "hari-ini", global = true,
          value_name = "TANGGAL", value_parser = baca_tanggal)]
    pub hari_ini: Option<NaiveDate>,
    /// Batasi ke satu kecamatan, misalnya 35.08.07 [env: PANTAU_KECAMATAN] [bawaan: semua]
    #[arg(long, global = true, value_name = "KODE")]
    pub kecamatan: Option<String>,
    /// Garis dan simbol ASCII saja (untuk PuTTY dan konsol lama)
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Buka basis data tanpa bisa menulis apa pun
    #[arg(long = "baca-saja", visible_alias = "read-only", global = true)]
    pub baca_saja: bool,
}

fn baca_tanggal(teks: &str) -> Result<NaiveDate, String> {
    parse_tanggal(teks)
}

#[derive(Subcommand, Debug)]
pub enum Perintah {
    /// Buat basis data; --contoh menambahkan contoh Kecamatan Yosowilangun
    Init {
        /// Tambahkan kecamatan contoh (data rekaan ditandai "contoh")
        #[arg(long, visible_alias = "sample")]
        contoh: bool,
    },
    /// Muat berkas CSV atau buku kerja (.xlsx, .xls, .ods): desa, dokumen, fasilitasi, ikm, hari-libur ("-" = masukan standar)
    #[command(visible_alias = "import")]
    Impor {
        /// Lembar buku kerja yang dibaca [bawaan: lembar pertama]
        #[arg(long, visible_alias = "sheet", global = true, value_name = "NAMA")]
        lembar: Option<String>,
        #[command(subcommand)]
        jenis: JenisImpor,
    },
    /// Dokumen desa yang lewat tenggat atau jatuh tempo dalam N hari
    #[command(visible_alias = "check", allow_negative_numbers = true)]
    Cek {
        /// Jendela peringatan dalam hari [bawaan: 30]
        #[arg(long, visible_alias = "days", default_value_t = 30, hide_default_value = true, value_name = "N",
              value_parser = clap::value_parser!(i64).range(0..=3660))]
        hari: i64,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// IKU 1, IKU 2 dan IKM tahun kinerja Y
    #[command(visible_alias = "indicators", allow_negative_numbers = true)]
    Iku {
        /// Tahun kinerja [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// Tulis berkas: tabel dan laporan (.xlsx, .csv), KAK (.docx, .md), surat ke desa (.docx)
    #[command(visible_alias = "export")]
    Ekspor {
        #[command(subcommand)]
        apa: JenisEkspor,
    },
    /// Kegiatan dan KAK-nya: salin ke tahun berikutnya
    #[command(visible_alias = "activity")]
    Kegiatan {
        #[command(subcommand)]
        apa: PerintahKegiatan,
    },
    /// Ubah pengaturan
    #[command(visible_alias = "set")]
    Atur {
        #[command(subcommand)]
        apa: Pengaturan,
    },
    /// Salin basis data selagi orang lain bekerja (menimpa salinan pantau yang lama)
    #[command(visible_alias = "backup")]
    Cadangkan {
        /// Berkas salinan
        #[arg(value_name = "BERKAS")]
        berkas: PathBuf,
    },
    /// Pulihkan dari salinan: diperiksa dahulu, basis data sekarang disimpan di sampingnya
    #[command(visible_alias = "restore")]
    Pulihkan {
        /// Berkas salinan
        #[arg(value_name = "BERKAS")]
        berkas: PathBuf,
    },
    /// Hapus kecamatan contoh, satu desa, atau satu kecamatan (menyebut dahulu apa yang hilang)
    #[command(visible_alias = "delete")]
    Hapus {
        #[command(subcommand)]
        apa: JenisHapus,
    },
    /// Ubah desa: ganti kode, gabungkan dua desa
    Desa {
        #[command(subcommand)]
        apa: PerintahDesa,
    },
    /// Ubah kecamatan: ganti nama
    Kecamatan {
        #[command(subcommand)]
        apa: PerintahKecamatan,
    },
    /// Catatan perubahan: waktu, pengguna, apa yang berubah, sebelum dan sesudah
    #[command(visible_alias = "history")]
    Riwayat {
        /// Hanya yang menyangkut satu desa (kode PP.KK.CC.DDDD)
        #[arg(long, value_name = "KODE")]
        desa: Option<String>,
        /// Hanya satu tabel, misalnya dokumen, desa, fasilitasi
        #[arg(long, visible_alias = "table", value_name = "TABEL")]
        tabel: Option<String>,
        /// Hanya perubahan oleh satu pengguna sistem
        #[arg(long, visible_alias = "user", value_name = "PENGGUNA")]
        pengguna: Option<String>,
        /// Hanya sejak tanggal ini (YYYY-MM-DD atau DD/MM/YYYY)
        #[arg(long, visible_alias = "since", value_name = "TANGGAL", value_parser = baca_tanggal)]
        sejak: Option<NaiveDate>,
        /// Paling banyak N catatan, terbaru dahulu [bawaan: 50]
        #[arg(long, visible_alias = "limit", default_value_t = 50, hide_default_value = true, value_name = "N",
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        batas: u32,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// Hari libur nasional dan cuti bersama yang dipakai menghitung hari kerja
    #[command(visible_alias = "holidays", allow_negative_numbers = true)]
    HariLibur {
        /// Hanya tahun ini [bawaan: semua tahun yang tersimpan]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// Skrip lengkapan perintah untuk shell (bash, zsh, fish, elvish, powershell) ke keluaran standar
    #[command(visible_alias = "completions")]
    Lengkapan {
        /// Shell tujuan
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Halaman manual (man) ke keluaran standar, misalnya: pantau manual | man -l -
    #[command(visible_alias = "man")]
    Manual {
        /// Halaman satu perintah, misalnya: pantau manual impor desa
        #[arg(value_name = "PERINTAH")]
        perintah: Vec<String>,
    },
    /// Pasang lengkapan perintah (bash, zsh, fish) dan halaman manual di ~/.local/share
    #[command(visible_alias = "install")]
    Pasang {
        /// Untuk semua pengguna: di /usr/local/share (perlu root)
        #[arg(long, visible_alias = "system")]
        sistem: bool,
        /// Di folder ini, bukan ~/.local/share
        #[arg(long, visible_alias = "to", value_name = "FOLDER")]
        ke: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum JenisHapus {
    /// Kecamatan contoh (init --contoh) dengan semua isinya
    #[command(visible_alias = "sample")]
    Contoh {
        /// Jangan bertanya (wajib bila tanpa terminal)
        #[arg(long, visible_alias = "yes")]
        ya: bool,
    },
    /// Satu desa dengan catatan dokumen dan fasilitasinya
    Desa {
        #[arg(value_name = "KODE")]
        kode: String,
        /// Jangan bertanya (wajib bila tanpa terminal)
        #[arg(long, visible_alias = "yes")]
        ya: bool,
    },
    /// Satu kecamatan dengan semua yang ada di bawahnya (desa, dokumen, fasilitasi, IKM, kegiatan, monev)
    Kecamatan {
        #[arg(value_name = "KODE")]
        kode: String,
        /// Jangan bertanya (wajib bila tanpa terminal)
        #[arg(long, visible_alias = "yes")]
        ya: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PerintahDesa {
    /// Ganti kode desa; dokumen dan fasilitasinya ikut
    #[command(visible_alias = "recode")]
    GantiKode {
        #[arg(value_name = "LAMA")]
        lama: String,
        #[arg(value_name = "BARU")]
        baru: String,
    },
    /// Gabungkan desa DARI ke desa KE (dokumen, fasilitasi, monev pindah; DARI dihapus)
    #[command(visible_alias = "merge")]
    Gabung {
        #[arg(value_name = "DARI")]
        dari: String,
        #[arg(value_name = "KE")]
        ke: String,
        /// Jangan bertanya (wajib bila tanpa terminal)
        #[arg(long, visible_alias = "yes")]
        ya: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PerintahKecamatan {
    /// Ganti nama kecamatan
    #[command(visible_alias = "rename")]
    GantiNama {
        #[arg(value_name = "KODE")]
        kode: String,
        #[arg(value_name = "NAMA")]
        nama: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum JenisImpor {
    /// Desa dan penduduknya
    ///
    /// Kolom: kode, nama, kecamatan, kabupaten, luas_km2, dusun, rw, rt, laki_laki,
    /// perempuan, jumlah_penduduk, rumah_tangga. Kunci: kode.
    Desa {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Tanggal dokumen desa: RKPDes, APBDes, LPPDes dan tiap jenis yang dilacak (pantau atur tenggat)
    ///
    /// Kolom: kode_desa, jenis, tahun_anggaran, tanggal, nomor, keterangan, hasil (untuk
    /// EvalAPBDes: sesuai atau perlu perbaikan). Kunci: kode_desa, jenis, tahun_anggaran.
    Dokumen {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Catatan fasilitasi, koordinasi dan rekomendasi
    ///
    /// Kolom: tanggal, jenis (F01–F18, K01–K02, R01), kode_desa, kode_kecamatan, uraian,
    /// output, bukti, ditindaklanjuti (ya/tidak).
    Fasilitasi {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Jawaban survei IKM, satu baris per responden
    ///
    /// Kolom: kode_kecamatan, tahun, u1 … u9 (skor 1–4).
    Ikm {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Hari libur nasional dan cuti bersama (SKB tiga menteri), satu baris per tanggal
    ///
    /// Kolom: tanggal, nama, jenis (libur_nasional atau cuti_bersama), dasar.
    /// Kunci: tanggal; tanggal yang sudah tersimpan mendapat nama, jenis dan dasar dari berkas.
    #[command(visible_alias = "holidays")]
    HariLibur {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Kepala desa dan tanggal pelantikannya (masa jabatannya dihitung dari aturan)
    ///
    /// Kolom: kode_desa, nama, dilantik, akhir_masa (bila tercatat: perpanjangan atau berhenti
    /// lebih awal), keterangan. Kunci: kode_desa dan dilantik.
    #[command(visible_alias = "village-heads")]
    KepalaDesa {
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// KAK satu kegiatan dari berkas TOML (yang ditulis pantau ekspor kak KODE BERKAS.toml)
    ///
    /// Untuk satu kecamatan: --kecamatan KODE bila basis data berisi lebih dari satu.
    /// Tahun: --tahun, atau tahun di berkas. Ditolak bila tahun itu sudah berisi kegiatan itu.
    Kak {
        #[arg(value_name = "BERKAS")]
        berkas: String,
        /// Tahun anggaran kegiatan [bawaan: tahun di berkas, atau tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PerintahKegiatan {
    /// Salin kegiatan dengan seluruh KAK-nya ke tahun lain: satu KODE, atau semua kegiatan tahun --dari
    ///
    /// Riwayat anggaran digeser (N-1 menjadi N-2, tahun berjalan menjadi N-1); realisasi
    /// indikator dan tanda selesai jadwal tidak disalin. Ditolak bila tahun tujuan sudah
    /// berisi kegiatan itu. Contoh: pantau kegiatan salin 3.05.25.39.006 --dari 2026 --ke 2027
    #[command(visible_alias = "copy", allow_negative_numbers = true)]
    Salin {
        /// Kode kegiatan [bawaan: semua kegiatan tahun --dari]
        #[arg(value_name = "KODE")]
        kode: Option<String>,
        /// Tahun asal [bawaan: tahun ini]
        #[arg(long, visible_alias = "from", value_name = "TAHUN",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        dari: Option<i32>,
        /// Tahun tujuan [bawaan: tahun asal + 1]
        #[arg(long, visible_alias = "to", value_name = "TAHUN",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        ke: Option<i32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum JenisEkspor {
    /// Tabel desa × dokumen satu tahun anggaran (.xlsx atau .csv): status, tanggal, nomor
    Status {
        /// Tahun anggaran [bawaan: yang tenggatnya paling dekat ke depan]
        #[arg(long, visible_alias = "year", value_name = "TA",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Berkas tujuan (.xlsx atau .csv); "-" menulis CSV ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Catatan fasilitasi satu tahun (.xlsx atau .csv), dengan jenisnya dari katalog
    Fasilitasi {
        /// Tahun [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Berkas tujuan (.xlsx atau .csv); "-" menulis CSV ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Laporan IKU 1, IKU 2 dan IKM (.xlsx atau .csv): satu baris per kecamatan dan jumlahnya
    Iku {
        /// Tahun kinerja [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Berkas tujuan (.xlsx atau .csv); "-" menulis CSV ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Cek harian sebagai tabel (.xlsx atau .csv): lewat tenggat dan jatuh tempo dalam N hari
    Cek {
        /// Jendela peringatan dalam hari [bawaan: 30]
        #[arg(long, visible_alias = "days", default_value_t = 30, hide_default_value = true, value_name = "N",
              value_parser = clap::value_parser!(i64).range(0..=3660))]
        hari: i64,
        /// Berkas tujuan (.xlsx atau .csv); "-" menulis CSV ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Matriks monev KOMPAK tahun Y sebagai CSV (; dan BOM, terbuka di Excel/LibreOffice)
    Matriks {
        /// Tahun [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Berkas tujuan; "-" menulis ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// Pemantauan penyelesaian rencana tahun Y sebagai CSV (; dan BOM), satu baris per putaran
    Rencana {
        /// Tahun [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Berkas tujuan (.csv); "-" menulis ke keluaran standar
        #[arg(value_name = "BERKAS")]
        berkas: String,
    },
    /// KAK satu kegiatan: .docx (Word), .md (Markdown; "-" ke keluaran standar) atau .toml (untuk pantau impor kak), misalnya: pantau ekspor kak 3.05.25.39.006 kak.docx
    Kak {
        /// Tahun [bawaan: tahun ini]
        #[arg(long, visible_alias = "year", value_name = "Y",
              value_parser = clap::value_parser!(i32).range(2000..=2100))]
        tahun: Option<i32>,
        /// Kode kegiatan
        #[arg(value_name = "KODE")]
        kode: String,
        /// Berkas tujuan; "-" menulis ke keluaran standar
        #[arg(value_name = "BERKAS", default_value = "-")]
        berkas: String,
    },
    /// Surat Camat kepada Kepala Desa tentang dokumen yang lewat tenggat atau jatuh tempo (.docx, satu halaman per desa)
    ///
    /// Perlu profil kecamatan: pantau atur profil --camat NAMA --nip NIP (dan --pola-nomor).
    /// Contoh: pantau ekspor surat surat.docx --hari 30 --nomor-awal 12
    #[command(visible_alias = "letters", allow_negative_numbers = true)]
    Surat(OpsiSurat),
}

#[derive(Args, Debug, Clone)]
pub struct OpsiSurat {
    /// Berkas tujuan (.docx)
    #[arg(value_name = "BERKAS")]
    pub berkas: String,
    /// Hanya desa ini (kode PP.KK.CC.DDDD; boleh beberapa) [bawaan: setiap desa yang perlu disurati]
    #[arg(long, value_name = "KODE", num_args = 1..)]
    pub desa: Vec<String>,
    /// Dokumen yang jatuh tempo dalam N hari ikut disurati, seperti pantau cek [bawaan: 30]
    #[arg(long, visible_alias = "days", default_value_t = 30, hide_default_value = true, value_name = "N",
          value_parser = clap::value_parser!(i64).range(0..=3660))]
    pub hari: i64,
    /// Hanya dokumen tahun anggaran ini
    #[arg(long, visible_alias = "year", value_name = "Y",
          value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub tahun: Option<i32>,
    /// Nomor urut surat pertama ({nomor} pada pola nomor) [bawaan: 1]
    #[arg(long = "nomor-awal", visible_alias = "first-number", default_value_t = 1, hide_default_value = true,
          value_name = "N", value_parser = clap::value_parser!(u32).range(1..=999_999))]
    pub nomor_awal: u32,
}

#[derive(Subcommand, Debug)]
pub enum Pengaturan {
    /// Tahun anggaran pertama yang dilacak [bawaan: tahun lalu]
    #[command(visible_alias = "first-year")]
    TahunAwal {
        #[arg(value_name = "T")]
        tahun: String,
    },
    /// Profil kecamatan untuk kop, surat dan KAK: alamat, telepon, kode pos, camat, NIP, tempat, pola nomor surat
    ///
    /// Hanya yang diberikan yang diubah; "" mengosongkan. Tanpa opsi: tampilkan profil.
    /// Pola nomor memakai {nomor} (nomor urut per surat), {tahun} dan {bulan_romawi},
    /// misalnya: pantau atur profil --camat "Drs. Budi" --nip "19700101 199003 1 001"
    /// --pola-nomor "400.10/{nomor}/427.75/{tahun}". Dengan --kecamatan bila lebih dari satu.
    #[command(visible_alias = "profile")]
    Profil(OpsiProfil),
    /// Aturan tenggat tiap jenis dokumen: tampilkan, ubah satu, tambah jenis, atau terapkan berkas aturan
    ///
    /// Tanpa argumen: daftar aturan. Dengan KODE: ubah jenis itu (atau tambah jenis baru,
    /// dengan --nama dan aturannya). Tanggal tetap: --tanggal 30/09 --geser-tahun -1 (tenggat
    /// TA T = 30/09/T-1). Sesudah peristiwa: --setelah RAPBDes --jumlah 20 --satuan hari_kerja
    /// (peristiwa = kode jenis lain yang tercatat untuk desa dan TA yang sama,
    /// EvalAPBDes/perlu_perbaikan, atau pelantikan). --berkas BERKAS menerapkan berkas aturan
    /// (bentuk `pantau atur tenggat --csv`). Tiap perubahan tercatat di riwayat; semua
    /// rekap dihitung ulang.
    #[command(visible_alias = "deadline")]
    Tenggat(OpsiTenggat),
}

impl Pengaturan {
    /// Shows, changes nothing: `atur tenggat` alone, with `--csv` or with only a kind's code,
    /// and `atur profil` without options.
    pub fn hanya_baca(&self) -> bool {
        match self {
            Pengaturan::TahunAwal { .. } => false,
            Pengaturan::Profil(o) => {
                o.camat.is_none()
                    && o.nip.is_none()
                    && o.tempat.is_none()
                    && o.pola_nomor.is_none()
                    && o.alamat.is_none()
                    && o.telepon.is_none()
                    && o.kode_pos.is_none()
            }
            Pengaturan::Tenggat(o) => o.csv || o.tanpa_perubahan(),
        }
    }
}

impl OpsiTenggat {
    /// No option that changes a kind or applies a file.
    pub fn tanpa_perubahan(&self) -> bool {
        self.berkas.is_none()
            && self.nama.is_none()
            && self.pelaku.is_none()
            && self.tanggal.is_none()
            && self.geser_tahun.is_none()
            && self.setelah.is_none()
            && self.jumlah.is_none()
            && self.satuan.is_none()
            && self.dasar.is_none()
            && self.aktif.is_none()
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct OpsiTenggat {
    /// Kode jenis dokumen yang diubah atau ditambah (RAPBDes, EvalAPBDes …)
    #[arg(value_name = "KODE")]
    pub kode: Option<String>,
    /// Nama jenis dokumen
    #[arg(long, visible_alias = "name", value_name = "NAMA")]
    pub nama: Option<String>,
    /// Yang wajib bertindak: desa, atau camat (tugas kantor kecamatan)
    #[arg(long, visible_alias = "actor", value_name = "desa|camat")]
    pub pelaku: Option<String>,
    /// Tenggat tanggal tetap DD/MM
    #[arg(
        long,
        visible_alias = "day",
        value_name = "DD/MM",
        conflicts_with = "setelah"
    )]
    pub tanggal: Option<String>,
    /// Dengan --tanggal: tahun tenggat = TA + G (-5 … 5) [bawaan: 0]
    #[arg(
        long = "geser-tahun",
        visible_alias = "year-shift",
        value_name = "G",
        allow_negative_numbers = true
    )]
    pub geser_tahun: Option<i32>,
    /// Tenggat dihitung sesudah peristiwa: kode jenis lain, JENIS/perlu_perbaikan, atau pelantikan
    #[arg(long, visible_alias = "after", value_name = "PERISTIWA")]
    pub setelah: Option<String>,
    /// Dengan --setelah: berapa hari, bulan atau hari kerja
    #[arg(long, visible_alias = "count", value_name = "N")]
    pub jumlah: Option<u32>,
    /// Dengan --setelah: hari, bulan atau hari_kerja
    #[arg(long, visible_alias = "unit", value_name = "SATUAN")]
    pub satuan: Option<String>,
    /// Dasar hukum (Perbup, Permendagri …)
    #[arg(long, visible_alias = "basis", value_name = "TEKS")]
    pub dasar: Option<String>,
    /// Terapkan berkas aturan (kolom seperti keluaran --csv); `-` membaca masukan standar
    #[arg(long, visible_alias = "file", value_name = "BERKAS", conflicts_with_all = ["kode", "csv"])]
    pub berkas: Option<String>,
    /// Tulis aturan yang berlaku dalam bentuk berkas aturan
    #[arg(long, conflicts_with = "kode")]
    pub csv: bool,
    /// Lacak jenis ini (ya) atau berhenti melacaknya (tidak); catatannya tetap tersimpan
    #[arg(
        long,
        visible_alias = "active",
        value_name = "ya|tidak",
        requires = "kode"
    )]
    pub aktif: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct OpsiProfil {
    /// Nama camat yang menandatangani
    #[arg(long, value_name = "NAMA")]
    pub camat: Option<String>,
    /// NIP camat (18 angka, boleh dengan spasi)
    #[arg(long, value_name = "NIP")]
    pub nip: Option<String>,
    /// Tempat penandatanganan [bawaan: nama kabupaten]
    #[arg(long, visible_alias = "place", value_name = "KOTA")]
    pub tempat: Option<String>,
    /// Pola nomor surat dengan {nomor}, {tahun}, {bulan_romawi}
    #[arg(
        long = "pola-nomor",
        visible_alias = "number-pattern",
        value_name = "POLA"
    )]
    pub pola_nomor: Option<String>,
    /// Alamat kantor kecamatan
    #[arg(long, visible_alias = "address", value_name = "ALAMAT")]
    pub alamat: Option<String>,
    /// Telepon kantor kecamatan
    #[arg(long, visible_alias = "phone", value_name = "TELEPON")]
    pub telepon: Option<String>,
    /// Kode pos kantor kecamatan
    #[arg(long = "kode-pos", visible_alias = "postcode", value_name = "KODE")]
    pub kode_pos: Option<String>,
}

/// An error for the user: one or more lines in Indonesian, exit code 2.
#[derive(Debug)]
pub struct GalatCli(pub Vec<String>);

impl From<Galat> for GalatCli {
    fn from(g: Galat) -> Self {
        GalatCli(vec![g.to_string()])
    }
}

impl From<String> for GalatCli {
    fn from(s: String) -> Self {
        GalatCli(vec![s])
    }
}

/// What every subcommand gets: the open store, today, the scope.
/// `db` is the path as given; `baru` says this run created the file.
pub struct Konteks {
    pub store: Store,
    pub db: PathBuf,
    pub baru: bool,
    pub hari_ini: NaiveDate,
    pub kode_kecamatan: Option<String>,
}

impl Konteks {
    pub fn lingkup(&self) -> Result<Lingkup, GalatCli> {
        Ok(wilayah::lingkup(
            self.store.conn(),
            self.kode_kecamatan.as_deref(),
        )?)
    }
}

/// `$XDG_DATA_HOME/pantau/pantau.db`, or `~/.local/share/pantau/pantau.db`.
/// Why a file could not be read or written, in Indonesian.
pub(crate) fn sebab_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "berkas atau foldernya tidak ditemukan".into(),
        ErrorKind::PermissionDenied => "tidak ada izin".into(),
        ErrorKind::IsADirectory => "ini folder, bukan berkas".into(),
        ErrorKind::StorageFull => "disk penuh".into(),
        ErrorKind::ReadOnlyFilesystem => "disk hanya bisa dibaca".into(),
        ErrorKind::BrokenPipe => "keluaran ditutup".into(),
        _ => format!("galat sistem ({e})"),
    }
}

pub fn db_bawaan() -> Result<PathBuf, GalatCli> {
    folder_data()
        .map(|d| d.join("pantau").join("pantau.db"))
        .ok_or_else(|| {
            GalatCli(vec![
                "tidak ada folder rumah (HOME) untuk basis data bawaan; pakai --db BERKAS atau PANTAU_DB"
                    .into(),
            ])
        })
}

/// The user's data folder as the XDG Base Directory specification says: `$XDG_DATA_HOME`
/// when it is an absolute path (a relative one is ignored), else `$HOME/.local/share`, with
/// the home folder from the password database when HOME is unset or not absolute.
pub fn folder_data() -> Option<PathBuf> {
    let mutlak = |k: &str| {
        std::env::var_os(k)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    mutlak("XDG_DATA_HOME").or_else(|| {
        mutlak("HOME")
            .or_else(rumah_sistem)
            .map(|h| h.join(".local/share"))
    })
}

/// The home folder of the real user from the password database.
fn rumah_sistem() -> Option<PathBuf> {
    use std::ffi::CStr;
    use std::os::unix::ffi::OsStrExt;
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    let mut hasil: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: the buffers live through the call and the result points into them
    let r = unsafe {
        libc::getpwuid_r(
            libc::getuid(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut hasil,
        )
    };
    if r != 0 || hasil.is_null() || pwd.pw_dir.is_null() {
        return None;
    }
    // SAFETY: pw_dir is a NUL-terminated string inside `buf`
    let dir = unsafe { CStr::from_ptr(pwd.pw_dir) };
    let p = PathBuf::from(std::ffi::OsStr::from_bytes(dir.to_bytes()));
    p.is_absolute().then_some(p)
}

const TEMPLAT_BANTUAN: &str = "\
{about-with-newline}
Pemakaian: {usage}

{all-args}{after-help}";

/// The clap command with Indonesian help headings.
pub fn perintah_clap() -> clap::Command {
    fn indonesiakan(c: clap::Command, jalur: &str) -> clap::Command {
        use clap::{Arg, ArgAction};
        let jalur = if jalur.is_empty() {
            c.get_name().to_string()
        } else {
            format!("{jalur} {}", c.get_name())
        };
        // clap writes its usage line in English; ours says the same in Indonesian
        let mut pakai = jalur.clone();
        if c.get_arguments().any(|a| !a.is_positional()) || c.get_name() != "pantau" {
            pakai.push_str(" [OPSI]");
        }
        for a in c.get_arguments().filter(|a| a.is_positional()) {
            let nama = a
                .get_value_names()
                .and_then(|v| v.first())
                .map(|v| v.to_string())
                .unwrap_or_else(|| a.get_id().to_string().to_uppercase());
            if a.is_required_set() {
                pakai.push_str(&format!(" <{nama}>"));
            } else {
                pakai.push_str(&format!(" [{nama}]"));
            }
        }
        if c.has_subcommands() {
            pakai.push_str(if c.is_subcommand_required_set() {
                " <PERINTAH>"
            } else {
                " [PERINTAH]"
            });
        }
        let anak = jalur.clone();
        c.help_template(TEMPLAT_BANTUAN)
            .max_term_width(80)
            .override_usage(pakai)
            .subcommand_help_heading("Perintah")
            .disable_help_subcommand(true)
            .disable_help_flag(true)
            .mut_args(|a| a.help_heading("Opsi"))
            .arg(
                Arg::new("bantuan")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help("Tampilkan bantuan")
                    .help_heading("Opsi"),
            )
            .mut_subcommands(move |s| indonesiakan(s, &anak))
    }
    indonesiakan(
        Cli::command()
            .subcommand_value_name("PERINTAH")
            .disable_version_flag(true)
            .arg(
                clap::Arg::new("versi")
                    .short('V')
                    .long("version")
                    .action(clap::ArgAction::Version)
                    .help("Tampilkan versi"),
            ),
        "",
    )
}

/// Parses the arguments; help and version are printed here (`Ok(None)`).
pub fn baca_argumen() -> Result<Option<Cli>, GalatCli> {
    // `pantau help [PERINTAH …]` is `pantau [PERINTAH …] --help` (CONTRACT)
    let mut argumen: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // help and argument errors come before the arguments are understood
    keluaran::atur(argumen.iter().any(|a| a == "--ascii"));
    if argumen.get(1).is_some_and(|a| a == "help") {
        argumen.remove(1);
        argumen.push("--help".into());
    }
    let hasil = perintah_clap()
        .try_get_matches_from(argumen)
        .and_then(|m| Cli::from_arg_matches(&m));
    match hasil {
        Ok(cli) => Ok(Some(cli)),
        Err(e) => {
            use clap::error::ErrorKind as K;
            match e.kind() {
                K::DisplayHelp | K::DisplayVersion => {
                    if keluaran::ascii() {
                        print!("{}", keluaran::teks(&e.render().to_string()));
                    } else {
                        let _ = e.print();
                    }
                    Ok(None)
                }
                _ => Err(GalatCli(vec![galat_argumen(&e)])),
            }
        }
    }
}

fn galat_argumen(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let konteks = |k: C| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let arg = konteks(C::InvalidArg);
    let nilai = konteks(C::InvalidValue);
    let saran = " (lihat pantau --help)";
    match e.kind() {
        K::InvalidSubcommand => format!(
            "perintah '{}' tidak dikenal{saran}",
            konteks(C::InvalidSubcommand)
        ),
        K::UnknownArgument => format!("opsi '{arg}' tidak dikenal{saran}"),
        K::InvalidValue | K::ValueValidation => {
            let sebab = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            let sebab = if let Some((_, rentang)) = sebab.split_once("is not in ") {
                let (a, b) = rentang.split_once("..=").unwrap_or((rentang, ""));
                format!("harus antara {a} dan {b}")
            } else if sebab.contains("invalid digit") {
                "harus berupa bilangan bulat".to_string()
            } else if sebab.is_empty() || nilai.is_empty() {
                "nilai kosong atau tidak sah".to_string()
            } else {
                sebab
            };
            format!("nilai '{nilai}' untuk {arg} tidak sah: {sebab}")
        }
        K::MissingRequiredArgument => format!("argumen wajib belum diisi: {arg}{saran}"),
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let teks = e.to_string();
            if teks.contains("pantau impor") {
                "perintah belum lengkap: pantau impor desa|dokumen|fasilitasi|ikm BERKAS (lihat pantau impor --help)".to_string()
            } else if teks.contains("pantau hapus") {
                "perintah belum lengkap: pantau hapus contoh|desa KODE|kecamatan KODE (lihat pantau hapus --help)".to_string()
            } else if teks.contains("pantau desa") {
                "perintah belum lengkap: pantau desa ganti-kode LAMA BARU | gabung DARI KE (lihat pantau desa --help)".to_string()
            } else if teks.contains("pantau kecamatan") {
                "perintah belum lengkap: pantau kecamatan ganti-nama KODE NAMA (lihat pantau kecamatan --help)".to_string()
            } else if teks.contains("pantau atur") {
                "perintah belum lengkap: pantau atur tahun-awal T | profil [OPSI] (lihat pantau atur --help)"
                    .to_string()
            } else {
                format!("perintah belum lengkap: pilih salah satu sub-perintah{saran}")
            }
        }
        K::TooManyValues | K::WrongNumberOfValues => format!("terlalu banyak nilai{saran}"),
        K::ArgumentConflict => {
            format!("opsi {arg} diberikan lebih dari sekali atau bertentangan{saran}")
        }
        K::NoEquals => format!("opsi {arg} memerlukan nilai{saran}"),
        _ => format!("argumen tidak sah{saran}"),
    }
}

/// An environment variable's value; empty counts as not set.
fn env(nama: &str) -> Option<String> {
    std::env::var(nama).ok().filter(|v| !v.trim().is_empty())
}

/// Today: `--today`, else `PANTAU_TODAY`, else the clock. The one place today comes from.
pub fn hari_ini(cli: &Cli, jam: impl FnOnce() -> NaiveDate) -> Result<NaiveDate, GalatCli> {
    let (t, asal) = if let Some(t) = cli.global.hari_ini {
        (t, "--today")
    } else {
        match env("PANTAU_TODAY") {
            Some(v) => (
                parse_tanggal(&v)
                    .map_err(|e| GalatCli(vec![format!("PANTAU_TODAY tidak sah: {e}")]))?,
                "PANTAU_TODAY",
            ),
            None => (jam(), "jam komputer"),
        }
    };
    use chrono::Datelike;
    if !(TAHUN_PERTAMA..=TAHUN_TERAKHIR).contains(&t.year()) {
        return Err(format!(
            "tanggal hari ini {} (dari {asal}) di luar rentang yang dilacak: tahun harus antara {TAHUN_PERTAMA} dan {TAHUN_TERAKHIR}",
            t.format("%d/%m/%Y")
        )
        .into());
    }
    Ok(t)
}

/// The years pantau tracks, as the year options (`--tahun`) and the schema's checks.
const TAHUN_PERTAMA: i32 = 2000;
const TAHUN_TERAKHIR: i32 = 2100;

/// How a command opens the database: only `init` and the interface create it; commands
/// that only read open it read-only.
fn mode_buka(perintah: &Option<Perintah>, baca_saja: bool) -> Mode {
    match perintah {
        None if baca_saja => Mode::Baca,
        None | Some(Perintah::Init { .. }) => Mode::Buat,
        // showing the rules or the profile only reads
        Some(Perintah::Atur { apa }) if apa.hanya_baca() => Mode::Baca,
        Some(
            Perintah::Impor { .. }
            | Perintah::Atur { .. }
            | Perintah::Pulihkan { .. }
            | Perintah::Hapus { .. }
            | Perintah::Desa { .. }
            | Perintah::Kecamatan { .. }
            | Perintah::Kegiatan { .. },
        ) => Mode::Tulis,
        Some(Perintah::Cadangkan { .. }) => Mode::Salin,
        Some(
            Perintah::Cek { .. }
            | Perintah::Iku { .. }
            | Perintah::Ekspor { .. }
            | Perintah::Riwayat { .. }
            | Perintah::HariLibur { .. }
            | Perintah::Lengkapan { .. }
            | Perintah::Manual { .. }
            | Perintah::Pasang { .. },
        ) => Mode::Baca,
    }
}

fn nama_perintah(perintah: &Option<Perintah>) -> &'static str {
    match perintah {
        None => "antarmuka",
        Some(Perintah::Init { .. }) => "init",
        Some(Perintah::Impor { .. }) => "impor",
        Some(Perintah::Atur { .. }) => "atur",
        Some(Perintah::Pulihkan { .. }) => "pulihkan",
        Some(Perintah::Cadangkan { .. }) => "cadangkan",
        Some(Perintah::Cek { .. }) => "cek",
        Some(Perintah::Iku { .. }) => "iku",
        Some(Perintah::Ekspor { .. }) => "ekspor",
        Some(Perintah::Kegiatan { .. }) => "kegiatan",
        Some(Perintah::Riwayat { .. }) => "riwayat",
        Some(Perintah::HariLibur { .. }) => "hari-libur",
        Some(Perintah::Lengkapan { .. }) => "lengkapan",
        Some(Perintah::Manual { .. }) => "manual",
        Some(Perintah::Pasang { .. }) => "pasang",
        Some(Perintah::Hapus { .. }) => "hapus",
        Some(Perintah::Desa { .. }) => "desa",
        Some(Perintah::Kecamatan { .. }) => "kecamatan",
    }
}

/// Creates the default folder (`$XDG_DATA_HOME/pantau`) for owner and group only; the one
/// folder pantau creates unasked, and only for `init` and the interface.
fn buat_folder_bawaan(db: &std::path::Path) -> Result<(), GalatCli> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let Some(folder) = db.parent() else {
        return Ok(());
    };
    if folder.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(crate::store::buka::IZIN_FOLDER)
        .create(folder)
        .and_then(|()| {
            std::fs::set_permissions(
                folder,
                std::fs::Permissions::from_mode(crate::store::buka::IZIN_FOLDER),
            )
        })
        .map_err(|e| {
            GalatCli(vec![format!(
                "folder {} tidak dapat dibuat: {}",
                folder.display(),
                sebab_io(&e)
            )])
        })
}

/// Opens the store and runs the subcommand; returns the exit code.
pub fn jalankan(cli: Cli, hari_ini: NaiveDate) -> Result<u8, GalatCli> {
    let pilihan = cli
        .global
        .db
        .clone()
        .or_else(|| env("PANTAU_DB").map(PathBuf::from));
    let bawaan = pilihan.is_none();
    // what needs no database
    match &cli.perintah {
        Some(Perintah::Lengkapan { shell }) => return pasang::lengkapan(*shell),
        Some(Perintah::Manual { perintah }) => return pasang::manual(perintah),
        Some(Perintah::Pasang { sistem, ke }) => return pasang::pasang(*sistem, ke.clone()),
        _ => {}
    }
    let db = match pilihan {
        Some(p) => p,
        None => db_bawaan()?,
    };
    if db.is_dir() {
        return Err(format!(
            "--db {} adalah folder, bukan berkas basis data",
            db.display()
        )
        .into());
    }
    let baca_saja = cli.global.baca_saja;
    let mode = mode_buka(&cli.perintah, baca_saja);
    if baca_saja && mode.menulis() {
        return Err(format!(
            "pantau {} menulis ke basis data, sedangkan --baca-saja melarang menulis; jalankan tanpa --baca-saja",
            nama_perintah(&cli.perintah)
        )
        .into());
    }
    let baru = !db.exists();
    if baru && mode != Mode::Buat {
        if !bawaan
            && let Some(induk) = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
        {
            return Err(format!(
                "basis data {} belum ada, dan foldernya {} pun tidak ada; periksa --db",
                db.display(),
                induk.display()
            )
            .into());
        }
        let cara = if bawaan {
            "pantau init".to_string()
        } else {
            format!("pantau init --db {}", db.display())
        };
        return Err(format!("basis data {} belum ada; buat dengan: {cara}", db.display()).into());
    }
    if baru && bawaan {
        buat_folder_bawaan(&db)?;
    }
    let store = Store::buka_dengan(&db, mode)?;
    if let Some(p) = store.pembaruan() {
        cetak_galat!(
            "Skema basis data diperbarui dari versi {} ke {}; salinan sebelumnya: {}",
            p.dari,
            p.ke,
            p.cadangan.display()
        );
        if p.dari < 15 {
            // the calendar's kinds are tracked from now on: say so, and how to stop one
            cetak_galat!(
                "Sejak versi 15 dilacak juga: SepakatBPD, RAPBDes, EvalAPBDes (tugas kantor), PerbRAPBDes, LapSemI, LPJAPBDes, RPJMDes. Lihat: pantau atur tenggat; berhenti melacak satu jenis: pantau atur tenggat KODE --aktif tidak; tahun pertama: pantau atur tahun-awal T"
            );
        }
    }
    let mut k = Konteks {
        store,
        db,
        baru,
        hari_ini,
        kode_kecamatan: cli
            .global
            .kecamatan
            .clone()
            .or_else(|| env("PANTAU_KECAMATAN")),
    };
    match cli.perintah {
        Some(Perintah::Init { contoh }) => init::jalankan(&mut k, contoh),
        Some(Perintah::Impor { jenis, lembar }) => {
            impor::jalankan(&mut k, jenis, lembar.as_deref())
        }
        Some(Perintah::Cek { hari, json }) => cek::jalankan(&k, hari, json),
        Some(Perintah::HariLibur { tahun, json }) => hari_libur::jalankan(&k, tahun, json),
        Some(Perintah::Iku { tahun, json }) => iku::jalankan(&k, tahun, json),
        Some(Perintah::Atur { apa }) => atur::jalankan(&mut k, apa),
        Some(Perintah::Kegiatan { apa }) => match apa {
            PerintahKegiatan::Salin { kode, dari, ke } => {
                kegiatan::salin(&mut k, kode.as_deref(), dari, ke)
            }
        },
        Some(Perintah::Cadangkan { berkas }) => cadangkan::jalankan(&k, &berkas),
        Some(Perintah::Pulihkan { berkas }) => pulihkan::jalankan(&mut k, &berkas),
        Some(Perintah::Hapus { apa }) => hapus::jalankan(&mut k, apa),
        Some(Perintah::Desa { apa }) => match apa {
            PerintahDesa::GantiKode { lama, baru } => hapus::ganti_kode(&mut k, &lama, &baru),
            PerintahDesa::Gabung { dari, ke, ya } => hapus::gabung(&mut k, &dari, &ke, ya),
        },
        Some(Perintah::Kecamatan { apa }) => match apa {
            PerintahKecamatan::GantiNama { kode, nama } => hapus::ganti_nama(&mut k, &kode, &nama),
        },
        Some(Perintah::Riwayat {
            desa,
            tabel,
            pengguna,
            sejak,
            batas,
            json,
        }) => riwayat::jalankan(
            &k,
            riwayat::Opsi {
                desa,
                tabel,
                pengguna,
                sejak,
                batas: batas as usize,
                json,
            },
        ),
        Some(Perintah::Ekspor { apa }) => match apa {
            JenisEkspor::Status { tahun, berkas } => ekspor_tabel::status(&k, tahun, &berkas),
            JenisEkspor::Cek { hari, berkas } => ekspor_tabel::cek(&k, hari, &berkas),
            JenisEkspor::Fasilitasi { tahun, berkas } => {
                ekspor_tabel::laporan(&k, "fasilitasi", tahun, &berkas)
            }
            JenisEkspor::Iku { tahun, berkas } => ekspor_tabel::laporan(&k, "iku", tahun, &berkas),
            JenisEkspor::Matriks { tahun, berkas } => ekspor::matriks(&k, tahun, &berkas),
            JenisEkspor::Rencana { tahun, berkas } => ekspor::rencana(&k, tahun, &berkas),
            JenisEkspor::Kak {
                tahun,
                kode,
                berkas,
            } => ekspor::kak(&k, tahun, &kode, &berkas),
            JenisEkspor::Surat(o) => ekspor::surat(&k, &o),
        },
        Some(Perintah::Lengkapan { .. } | Perintah::Manual { .. } | Perintah::Pasang { .. }) => {
            Ok(KELUAR_OK)
        }
        None => {
            let lingkup = k.lingkup()?;
            let tema = crate::tui::tema::Tema::dari_lingkungan(cli.global.ascii);
            let konteks = crate::tui::Konteks::new(k.store, k.hari_ini, lingkup, tema)?;
            let app = crate::tui::App::new(konteks)?;
            crate::tui::jalankan(app)
                .map_err(|e| GalatCli(vec![format!("terminal tidak dapat dipakai: {e}")]))?;
            Ok(KELUAR_OK)
        }
    }
}
