//! Every key the screens offer, listed once: the footer and the `?` help are built from here.

/// A key and what it does on a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tombol {
    pub tombol: &'static str,
    pub arti: &'static str,
    /// Shown in the footer (the help shows all).
    pub kaki: bool,
}

const fn t(tombol: &'static str, arti: &'static str, kaki: bool) -> Tombol {
    Tombol { tombol, arti, kaki }
}

pub const NAMA_TAB: [&str; 7] = [
    "Beranda",
    "Kegiatan",
    "Jadwal",
    "Desa",
    "Indikator",
    "Fasilitasi",
    "Monev",
];

/// What an editing key says when the database is open read-only.
pub const BACA_SAJA: &str =
    "Basis data dibuka baca-saja (--baca-saja): tidak ada yang dapat diubah di sini.";

/// The history of the selected row, on every screen that has rows.
pub const RIWAYAT: Tombol = t("r", "riwayat baris ini", false);

/// Write what the tab shows to a workbook in the current folder.
pub const EKSPOR: Tombol = t("x", "ekspor ke .xlsx", false);

/// A write waits for another (an import) to finish.
pub const MENUNGGU: &str =
    "Basis data sedang dipakai (impor?); menunggu giliran, paling lama 60 detik…";

/// Shown first in every footer.
pub const BANTUAN: Tombol = t("?", "bantuan", true);

pub const UMUM: &[Tombol] = &[
    t("1-7", "pindah tab", false),
    t("Tab/S-Tab", "tab berikut / sebelumnya", false),
    t("↑↓ jk", "pindah baris", false),
    t("PgUp PgDn", "halaman sebelumnya / berikut", false),
    t("Home End gG", "awal / akhir daftar", false),
    t("/", "saring", true),
    t("q", "keluar", true),
    t("Ctrl-C", "keluar seketika", false),
];

pub const BERANDA: &[Tombol] = &[
    t("[ ]", "tahun", true),
    t("Enter", "buka di tab Desa", true),
];

/// On Beranda while the sample kecamatan is in the database.
pub const BERANDA_CONTOH: Tombol = t("C", "hapus contoh", true);

/// The question before a removal: what goes, counted per kind.
pub fn tanya_hapus(apa: &str, rincian: &str, catatan: &str) -> String {
    format!("Hapus {apa}? Ikut terhapus: {rincian}.{catatan} Isinya tetap tercatat di riwayat.")
}

/// On Beranda: the kecamatan profile used by letters and KAK documents.
pub const BERANDA_PROFIL: Tombol = t(
    "P",
    "profil kecamatan (kop, camat, NIP, nomor surat)",
    false,
);

pub const PROFIL_JUDUL: &str = "Profil kecamatan";
pub const PROFIL_LABEL: [&str; 7] = [
    "Alamat",
    "Telepon",
    "Kode pos",
    "Camat",
    "NIP",
    "Tempat",
    "Pola nomor",
];
pub const PROFIL_DISIMPAN: &str = "Profil kecamatan disimpan.";

pub const BERANDA_KOSONG: &[Tombol] = &[t("c", "muat contoh Kecamatan Yosowilangun", true)];

// In the footer, a screen's keys give way from the right when the line is too long: the
// most used come first.
pub const DESA: &[Tombol] = &[
    t("←→", "kolom", true),
    t("Enter", "isi dokumen", true),
    t("i", "rincian", true),
    t("[ ]", "tahun anggaran", true),
    t("d", "hapus catatan dokumen", false),
    t("a", "tambah desa", false),
    t("D", "hapus desa ini", false),
    t("M", "gabungkan desa ini ke desa lain", false),
];

pub const DESA_RINCI: &[Tombol] = &[
    t("e", "ubah data desa", true),
    t("Esc", "kembali ke daftar", true),
    t("D", "hapus desa ini", false),
    t("M", "gabungkan ke desa lain", false),
    t("↑↓ PgUp PgDn", "gulir rincian", false),
];

pub const KEGIATAN: &[Tombol] = &[
    t("[ ]", "tahun", true),
    t("Enter", "buka KAK", true),
    t("a", "tambah", true),
    t("e", "ubah", false),
    t("d", "hapus kegiatan", false),
    t("s", "salin", true),
    t(
        "S",
        "salin semua kegiatan tahun ini ke tahun berikutnya",
        false,
    ),
    t("x", "ekspor KAK ke dokumen Word (.docx)", false),
];

/// What a copy of year `dari`'s KAK to the next year carries, for its question.
pub fn isi_salinan(dari: i32) -> String {
    format!(
        "Seluruh KAK disalin (indikator, butir, riwayat anggaran, rencana biaya, tahapan); riwayat anggaran digeser (N-1 menjadi N-2, {dari} menjadi N-1); realisasi indikator dan tanda selesai jadwal dikosongkan. Ditolak bila tahun tujuan sudah berisi kegiatan itu."
    )
}

pub const KAK: &[Tombol] = &[
    t("↑↓", "pilih butir", false),
    t("←→", "bagian", true),
    t("Esc", "kembali", true),
    t("Enter/e", "ubah", true),
    t("a", "tambah", true),
    t("d", "hapus", true),
    t("x", "ekspor .docx", true),
];

pub const JADWAL: &[Tombol] = &[
    t("←→", "bulan", true),
    t("[ ]", "tahun", true),
    t("Enter", "selesai/batal", true),
    t("e", "ubah tanda", false),
    t("d", "hapus tanda", false),
];

pub const JADWAL_TAMBAH: Tombol = t("a", "tambah tahapan (di tab Kegiatan)", false);

pub const INDIKATOR: &[Tombol] = &[
    t("[ ]", "tahun kinerja", true),
    t("Enter", "realisasi", true),
    t("a", "jawaban IKM", true),
    t("i", "daftar jawaban IKM", true),
];

/// The Indikator tab listing the year's IKM answers.
pub const INDIKATOR_IKM: &[Tombol] = &[
    t("i", "indikator KAK", true),
    t("a", "tambah", true),
    t("Enter/e", "ubah", true),
    t("d", "hapus", true),
];

pub const FASILITASI: &[Tombol] = &[
    t("a", "tambah", true),
    t("Enter/e", "ubah", true),
    t("t", "tindak lanjut", true),
    t("[ ]", "tahun", true),
    t("d", "hapus", false),
];

pub const MONEV: &[Tombol] = &[
    t("←→", "panel", true),
    t("a", "tambah", true),
    t("p", "putaran baru", true),
    t("Enter/e", "ubah", true),
    t("[ ]", "tahun", true),
    t("A", "tambah masalah di matriks (a: kegiatan)", false),
    t("d", "hapus", false),
];

pub const MONEV_TAMBAH_KEGIATAN: Tombol = t("a", "tambah kegiatan", true);

/// The round list of a plan or matrix activity.
pub const MONEV_LIHAT_PUTARAN: Tombol = t("i", "lihat putaran", true);

pub const MONEV_PUTARAN: &[Tombol] = &[
    t("Esc", "kembali", true),
    t("Enter/e", "ubah", true),
    t("p/a", "tambah", true),
    t("d", "hapus", true),
    t("v", "baca utuh", true),
];

/// One round read in full.
pub const MONEV_BACA: Tombol = t("Esc/v", "kembali ke daftar putaran", true);

pub const FORM: &[Tombol] = &[
    t("Ctrl-S", "simpan", true),
    t("Tab/S-Tab", "pindah bidang", true),
    t("Esc", "tutup (tanya bila ada perubahan)", true),
    t(
        "Enter",
        "bidang berikut (atau pilih dari daftar); simpan di bidang terakhir",
        false,
    ),
    t("Ctrl-U", "kosongkan bidang", false),
    t("Ctrl-Z/Ctrl-Y", "urungkan / ulangi", false),
    t("Spasi", "ya/tidak: ganti", false),
];

pub const TOMBOL_MUAT_ULANG: Tombol = t("Ctrl-R", "muat nilai yang tersimpan sekarang", true);

/// After a save refused by another operator's change.
pub const MUAT_ULANG: &str =
    "Ctrl-R memuat formulir dengan nilai mereka (isian Anda hilang); Esc menutup.";
pub const DIMUAT_ULANG: &str =
    "Formulir dimuat ulang dengan nilai yang tersimpan sekarang; ubah lalu Ctrl-S.";

pub const SARING: &[Tombol] = &[
    t("Enter", "pakai saringan", true),
    t("Esc", "hapus saringan", true),
];
