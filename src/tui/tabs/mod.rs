//! The seven tabs. Each keeps its own state, fetches only the page it shows, and turns keys
//! into actions.

mod beranda;
mod desa;
mod fasilitasi;
mod indikator;
mod jadwal;
mod kegiatan;
mod monev;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::app::{Aksi, Konteks};
use super::teks::Tombol;
use super::widgets::daftar::Daftar;
use super::widgets::form::Form;
use crate::store::Hasil;

pub trait Layar {
    /// Fetches what the tab shows from the store.
    fn muat(&mut self, k: &Konteks) -> Hasil<()>;
    /// Fetches only the visible page after the selection moved off it (default: everything).
    fn muat_halaman(&mut self, k: &Konteks) -> Hasil<()> {
        self.muat(k)
    }
    fn gambar(&mut self, f: &mut Frame, area: Rect, k: &Konteks);
    fn tombol(&mut self, key: KeyEvent, k: &mut Konteks) -> Aksi;
    fn tombol_layar(&self, k: &Konteks) -> &'static [Tombol];
    /// The list that `/` filters and the move keys move, if the tab shows one now.
    fn daftar(&mut self) -> Option<&mut Daftar> {
        None
    }
    /// Saves the form this tab opened; the message is shown on success.
    fn simpan(&mut self, _form: &Form, _k: &mut Konteks) -> Result<String, String> {
        Err("formulir ini tidak dapat disimpan di sini".into())
    }
    /// A field changed: a chance to update hints.
    fn form_berubah(&mut self, _form: &mut Form, _k: &Konteks) {}
    /// The user answered `y` to this tab's question.
    fn konfirmasi(&mut self, _k: &mut Konteks) -> Aksi {
        Aksi::Tidak
    }
    /// Select a desa document (from the Beranda list).
    fn fokus(&mut self, _k: &Konteks, _desa: &str, _jenis: &str, _ta: i32) {}
}

pub fn semua(k: &Konteks) -> Vec<Box<dyn Layar>> {
    vec![
        Box::new(beranda::Beranda::new(k)),
        Box::new(kegiatan::Kegiatan::new(k)),
        Box::new(jadwal::Jadwal::new(k)),
        Box::new(desa::DesaTab::new(k)),
        Box::new(indikator::IndikatorTab::new(k)),
        Box::new(fasilitasi::FasilitasiTab::new(k)),
        Box::new(monev::Monev::new(k)),
    ]
}

/// `Galat` as a message for the screen.
pub(crate) fn pesan_galat(e: crate::store::Galat) -> String {
    e.to_string()
}

/// A block with the theme's border.
pub(crate) fn blok<'a>(k: &Konteks, judul: String) -> ratatui::widgets::Block<'a> {
    ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_set(k.tema.border())
        .title(judul)
}

/// What an empty list says: nothing matches the filter, or `kosong` when there is none.
pub(crate) fn pesan_kosong(daftar: &Daftar, kosong: String) -> String {
    if daftar.saring.is_empty() {
        kosong
    } else {
        format!(
            "Tidak ada yang cocok dengan saringan '{}' (/ lalu Esc menghapusnya).",
            daftar.saring
        )
    }
}

/// Width of the kecamatan column that lists get over more than one kecamatan.
pub(crate) const LEBAR_KECAMATAN: usize = 13;

/// The kecamatan column of a list row (empty within one kecamatan).
pub(crate) fn kolom_kecamatan(k: &Konteks, id: i64) -> String {
    if k.banyak_kecamatan {
        format!(
            "{:<LEBAR_KECAMATAN$}",
            crate::domain::teks::potong(&k.nama_kecamatan(id), LEBAR_KECAMATAN - 1)
        )
    } else {
        String::new()
    }
}

/// Its header.
pub(crate) fn judul_kecamatan(k: &Konteks) -> String {
    if k.banyak_kecamatan {
        format!("{:<LEBAR_KECAMATAN$}", "Kecamatan")
    } else {
        String::new()
    }
}

/// A list row whose selection marks only its head (`kepala` characters) and a `▶` before it:
/// moving the selection then rewrites a few cells instead of two whole lines, which is what
/// an operator on a slow SSH link feels.
pub(crate) fn baris_daftar<'a>(
    k: &Konteks,
    teks: String,
    kepala: usize,
    gaya: ratatui::style::Style,
    dipilih: bool,
) -> ratatui::text::Line<'a> {
    use ratatui::text::{Line, Span};
    let potong = teks
        .char_indices()
        .nth(kepala)
        .map(|(i, _)| i)
        .unwrap_or(teks.len());
    let (a, b) = teks.split_at(potong);
    Line::from(vec![
        Span::styled(if dipilih { "▶" } else { " " }, k.tema.judul()),
        Span::styled(
            a.to_string(),
            if dipilih {
                gaya.patch(k.tema.pilih())
            } else {
                gaya
            },
        ),
        Span::styled(b.to_string(), gaya),
    ])
}
