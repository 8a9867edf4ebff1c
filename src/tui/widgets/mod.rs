pub mod daftar;
pub mod form;
