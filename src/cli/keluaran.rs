//! What the command line prints, in ASCII when the terminal cannot show more: a locale that
//! is not UTF-8 (`LANG=C`, an old PuTTY set to ISO-8859-1) or `--ascii`. The interface does
//! the same with its borders and symbols.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static ASCII: AtomicBool = AtomicBool::new(false);

/// Chooses ASCII output for this run: asked for with `--ascii`, or the locale is not UTF-8.
pub fn atur(ascii: bool) {
    ASCII.store(
        ascii || !crate::domain::teks::lokal_utf8(),
        Ordering::Relaxed,
    );
}

pub fn ascii() -> bool {
    ASCII.load(Ordering::Relaxed)
}

/// `s` as it is printed: unchanged, or in ASCII (`—` → `-`, `é` → `e`, `…` → `...`).
pub fn teks(s: &str) -> Cow<'_, str> {
    if ascii() {
        Cow::Owned(crate::domain::teks::ke_ascii(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// JSON as it is printed: unchanged, or with every non-ASCII character written as its
/// `\uXXXX` escape, which is the same JSON: a script reads the same names either way.
pub fn json(s: &str) -> Cow<'_, str> {
    if !ascii() || s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut hasil = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c.is_ascii() {
            hasil.push(c);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                hasil.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    Cow::Owned(hasil)
}

/// A writer that puts what it is given through [`teks`] (or [`json`]).
pub struct Penulis<W: Write> {
    pub dalam: W,
    pub json: bool,
}

impl<W: Write> Penulis<W> {
    pub fn teks(dalam: W) -> Self {
        Penulis { dalam, json: false }
    }
    pub fn json(dalam: W) -> Self {
        Penulis { dalam, json: true }
    }
}

impl<W: Write> Write for Penulis<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !ascii() || buf.is_ascii() {
            return self.dalam.write(buf);
        }
        // formatting hands whole `str` pieces, so a buffer is valid UTF-8
        let s = String::from_utf8_lossy(buf);
        let s = if self.json { json(&s) } else { teks(&s) };
        self.dalam.write_all(s.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.dalam.flush()
    }
}

/// `println!` through [`teks`].
macro_rules! cetak {
    () => { println!() };
    ($($a:tt)*) => { println!("{}", $crate::cli::keluaran::teks(&format!($($a)*))) };
}

/// `eprintln!` through [`teks`].
macro_rules! cetak_galat {
    ($($a:tt)*) => { eprintln!("{}", $crate::cli::keluaran::teks(&format!($($a)*))) };
}

pub(crate) use {cetak, cetak_galat};
