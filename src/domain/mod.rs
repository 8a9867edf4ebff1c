//! Pure rules: no SQL, no terminal, no clock. Today is always a parameter.

pub mod angka;
pub mod aturan;
pub mod desa;
pub mod indikator;
pub mod jadwal;
pub mod kalender;
pub mod kepala_desa;
pub mod kode;
pub mod tanggal;
pub mod teks;
pub mod tenggat;
