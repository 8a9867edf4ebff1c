//! Documents the office prints: the KAK of a kegiatan and the letters to desa. Each is first
//! built as a list of blocks (`Blok`: letterhead, headings, numbered points, tables, signature)
//! from typed values, then written as Word (`docx`) or Markdown (`md`) by one writer each, so
//! that both formats always say the same thing.

pub mod berkas;
mod blok;
pub mod docx;
pub mod kak;
pub mod md;
pub mod surat;

pub use blok::*;
