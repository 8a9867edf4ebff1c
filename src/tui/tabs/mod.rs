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
use ratatui::layout::Rect;

use super::aksi::{Act, Efek, Perintah, Tulis};
use super::app::Konteks;
use super::widgets::daftar::Daftar;
use super::widgets::form::Form;
use crate::store::Hasil;

/// One tab as a state machine: `muat` fetches what it shows, `perintah` is its table of
/// commands for the state it is in, `jalankan` turns a command into an effect without
/// touching the store, and `gambar` only reads.
pub trait Layar {
    /// Fetches what the tab shows from the store.
    fn muat(&mut self, k: &Konteks) -> Hasil<()>;
    /// Fetches only the visible page after the selection moved off it (default: everything).
    fn muat_halaman(&mut self, k: &Konteks) -> Hasil<()> {
        self.muat(k)
    }
    /// The tab's area is now `area`: lists take their heights from it. True when the page on
    /// screen must be fetched again.
    fn ukuran(&mut self, area: Rect, k: &Konteks) -> bool;
    fn gambar(&self, f: &mut Frame, area: Rect, k: &Konteks);
    /// Every command of the tab in its current state, most used first.
    fn perintah(&self, k: &Konteks) -> Vec<Perintah>;
    /// Runs a command of the table (one that applies now).
    fn jalankan(&mut self, act: Act, k: &Konteks) -> Efek;
    /// The list that `/` filters and the move keys move, if the tab shows one now.
    fn daftar(&mut self) -> Option<&mut Daftar> {
        None
    }
    fn daftar_lihat(&self) -> Option<&Daftar> {
        None
    }
    /// The year `[ ]` changes, if the tab has one.
    fn tahun(&mut self) -> Option<&mut i32> {
        None
    }
    /// The write the open form asks for (from the target the tab kept when it opened the form)
    /// and the message shown when it succeeds.
    fn simpan(&mut self, _form: &Form, _k: &Konteks) -> Result<(Tulis, String), String> {
        Err("formulir ini tidak dapat disimpan di sini".into())
    }
    /// The form's write succeeded and gave row `id`.
    fn tersimpan(&mut self, _id: i64) {}
    /// A field changed: a chance to update hints.
    fn form_berubah(&mut self, _form: &mut Form, _k: &Konteks) {}
    /// What `x` writes to a file from this tab as it is now, if anything.
    fn ekspor(&self) -> Option<crate::tui::ekspor::Apa> {
        None
    }
    /// Select a desa document (from the Beranda list).
    fn fokus(&mut self, _desa: &str, _jenis: &str, _ta: i32) {}
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
        let mut s = crate::domain::teks::pas(&k.nama_kecamatan(id), LEBAR_KECAMATAN - 1);
        s.push(' ');
        s
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
    // the head is `kepala` display cells
    let mut lebar = 0;
    let potong = teks
        .char_indices()
        .find(|(_, c)| {
            lebar += crate::domain::teks::lebar(c.encode_utf8(&mut [0; 4]));
            lebar > kepala
        })
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
