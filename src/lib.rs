//! pantau: deadlines of desa documents, kegiatan, schedule and indicators of a kecamatan.

pub mod cli;
pub mod domain;
pub mod ekspor;
pub mod naskah;
pub mod store;
pub mod tui;
