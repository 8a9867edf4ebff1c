//! Text people type or files bring: what is refused (control characters, invisible-only
//! values, overlong values), what is safe to print, and fitting text into terminal columns by
//! display width (a CJK character takes two cells, a combining mark none).

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Longest name (desa, kecamatan, kabupaten, unit, kegiatan …), in characters.
pub const BATAS_NAMA: usize = 100;
/// Longest code or number (Perdes number, kegiatan code …).
pub const BATAS_KODE: usize = 50;
/// Longest short text (a field on one line: place, implementer …).
pub const BATAS_PENDEK: usize = 300;
/// Longest long text (description, note, KAK point).
pub const BATAS_PANJANG: usize = 4000;

/// What kind of value a field holds: decides its length limit and whether a tab is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ragam {
    Nama,
    Kode,
    Pendek,
    /// Long text: a tab is allowed inside.
    Panjang,
}

impl Ragam {
    pub fn batas(self) -> usize {
        match self {
            Ragam::Nama => BATAS_NAMA,
            Ragam::Kode => BATAS_KODE,
            Ragam::Pendek => BATAS_PENDEK,
            Ragam::Panjang => BATAS_PANJANG,
        }
    }
}

/// A control character: C0 (but tab), DEL, C1, and the bidirectional overrides and isolates
/// that make a terminal or editor show text in another order than it is stored.
fn kendali(c: char, tab_boleh: bool) -> bool {
    (c == '\t' && !tab_boleh)
        || (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing at all: a value made only of these looks empty but is not.
fn tak_tampak(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{00AD}' | '\u{180E}'
        )
}

/// How a character is named in a message: `U+001B`.
fn nama_kode(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Checks a value a person or a file gives for a field of kind `ragam`. An empty value is
/// fine here (whether it is required is the caller's rule).
pub fn periksa(teks: &str, ragam: Ragam) -> Result<(), String> {
    if let Some(c) = teks.chars().find(|c| kendali(*c, ragam == Ragam::Panjang)) {
        return Err(if c == '\t' {
            "berisi tab; pakai spasi".into()
        } else {
            format!("berisi karakter kendali {} yang tidak boleh", nama_kode(c))
        });
    }
    if !teks.is_empty() && teks.chars().all(tak_tampak) {
        return Err("hanya berisi karakter tak tampak (spasi, U+FEFF, U+200B …)".into());
    }
    let n = teks.chars().count();
    if n > ragam.batas() {
        return Err(format!(
            "terlalu panjang: {} karakter, paling banyak {}",
            super::angka::format_ribuan(n as i64),
            super::angka::format_ribuan(ragam.batas() as i64)
        ));
    }
    Ok(())
}

/// `periksa` for a named field, as `Label: reason` (a form marks the field with that label);
/// `wajib` refuses an empty value.
pub fn periksa_label(label: &str, teks: &str, ragam: Ragam, wajib: bool) -> Result<(), String> {
    if wajib && teks.trim().is_empty() {
        return Err(format!("{label}: wajib diisi"));
    }
    periksa(teks, ragam).map_err(|e| format!("{label}: {e}"))
}

/// Safe to write to a terminal, a log or a mail: control characters (also from an old
/// database written before they were refused) become `?`, a tab a space.
pub fn aman(teks: &str) -> Cow<'_, str> {
    if !teks.chars().any(|c| kendali(c, false)) {
        return Cow::Borrowed(teks);
    }
    Cow::Owned(
        teks.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if kendali(c, false) => '?',
                c => c,
            })
            .collect(),
    )
}

/// Display width of one character once made safe (`aman`).
fn lebar_char(c: char) -> usize {
    if kendali(c, false) {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Cells the text takes in a terminal.
pub fn lebar(teks: &str) -> usize {
    teks.chars().map(lebar_char).sum()
}

/// At most `lebar` cells, made safe, the cut marked with `~`.
pub fn potong(teks: &str, lebar_maks: usize) -> String {
    let teks = aman(teks);
    if lebar(&teks) <= lebar_maks {
        return teks.into_owned();
    }
    let mut s = String::new();
    let mut w = 0;
    for c in teks.chars() {
        let cw = lebar_char(c);
        if w + cw + 1 > lebar_maks {
            break;
        }
        s.push(c);
        w += cw;
    }
    s.push('~');
    s
}

/// Exactly `lebar` cells: cut (`potong`) or padded with spaces on the right.
pub fn pas(teks: &str, lebar_sel: usize) -> String {
    let mut s = potong(teks, lebar_sel);
    let w = lebar(&s);
    s.extend(std::iter::repeat_n(' ', lebar_sel.saturating_sub(w)));
    s
}

/// Exactly `lebar` cells, padded on the left (numbers).
pub fn pas_kanan(teks: &str, lebar_sel: usize) -> String {
    let s = potong(teks, lebar_sel);
    let w = lebar(&s);
    let mut keluar: String = std::iter::repeat_n(' ', lebar_sel.saturating_sub(w)).collect();
    keluar.push_str(&s);
    keluar
}

/// Like `aman`, but line breaks stay: a text of several lines (a KAK point, a matrix cell
/// from an old database) keeps its lines, and every line is safe.
pub fn aman_baris(teks: &str) -> Cow<'_, str> {
    if !teks.chars().any(|c| c != '\n' && kendali(c, false)) {
        return Cow::Borrowed(teks);
    }
    Cow::Owned(
        teks.split('\n')
            .map(|b| aman(b.strip_suffix('\r').unwrap_or(b)).into_owned())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// One field's problem, named for a file (its column) and for a form (its label), so an import
/// and a form that refuse the same value say the same reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keliru {
    /// The column of an import file: `nama`, `kode_desa`.
    pub kolom: &'static str,
    /// The label of the form's field: `Nama`, `Kode desa`.
    pub label: &'static str,
    pub alasan: String,
}

impl Keliru {
    pub fn new(kolom: &'static str, label: &'static str, alasan: impl Into<String>) -> Self {
        Keliru {
            kolom,
            label,
            alasan: alasan.into(),
        }
    }

    /// `Label: alasan`, what a form shows beside the field with that label.
    pub fn untuk_form(&self) -> String {
        format!("{}: {}", self.label, self.alasan)
    }

    /// `kolom: alasan`, a reason on a file's line; `tanggal 15/09/2006 terlalu awal …` when
    /// the reason starts with the value.
    pub fn untuk_berkas(&self) -> String {
        let pemisah = if self
            .alasan
            .starts_with(|c: char| c.is_ascii_digit() || c == '\'')
        {
            " "
        } else {
            ": "
        };
        format!("{}{pemisah}{}", self.kolom, self.alasan)
    }
}

/// Checks one text field (`periksa`), and that it is not empty when `wajib`.
pub fn periksa_bidang(
    keliru: &mut Vec<Keliru>,
    (kolom, label): (&'static str, &'static str),
    teks: &str,
    ragam: Ragam,
    wajib: bool,
) {
    if wajib && teks.trim().is_empty() {
        keliru.push(Keliru::new(kolom, label, "wajib diisi"));
    } else if let Err(e) = periksa(teks, ragam) {
        keliru.push(Keliru::new(kolom, label, e));
    }
}

/// True unless the locale (`LC_ALL`, `LC_CTYPE`, `LANG`, the first one set) names another
/// character set than UTF-8. No locale at all counts as UTF-8, as on most servers.
pub fn lokal_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .map(|v| {
            let v = v.to_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
        .unwrap_or(true)
}

/// The text in ASCII for a terminal that shows nothing else: the symbols pantau prints get
/// their usual ASCII spelling, letters lose their marks, other scripts are transliterated.
pub fn ke_ascii(s: &str) -> String {
    let mut hasil = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_ascii() => hasil.push(c),
            '\u{2014}' | '\u{2013}' | '\u{00b7}' | '\u{2022}' => hasil.push('-'),
            '\u{2192}' => hasil.push_str("->"),
            '\u{2190}' => hasil.push_str("<-"),
            '\u{2713}' | '\u{2714}' => hasil.push('v'),
            '\u{00b0}' => hasil.push('o'),
            _ => {
                hasil.push_str(deunicode::deunicode_char(c).unwrap_or("?"));
            }
        }
    }
    hasil
}

/// `teks` cut into lines of at most `lebar` columns, between words where it can (a word
/// longer than a line is cut inside).
pub fn bungkus(teks: &str, lebar: usize) -> Vec<String> {
    let lebar = lebar.max(1);
    let mut hasil = Vec::new();
    let mut baris = String::new();
    for kata in teks.split_whitespace() {
        let mut kata = kata.to_string();
        loop {
            let w = lebar_teks(&kata);
            let isi = lebar_teks(&baris);
            if isi == 0 && w <= lebar {
                baris = kata;
                break;
            }
            if isi > 0 && isi + 1 + w <= lebar {
                baris.push(' ');
                baris.push_str(&kata);
                break;
            }
            if isi > 0 {
                hasil.push(std::mem::take(&mut baris));
                continue;
            }
            // a word wider than a line: as much as fits, the rest on the next lines
            let mut potongan = String::new();
            let mut sisa = String::new();
            for c in kata.chars() {
                if sisa.is_empty()
                    && lebar_teks(&potongan) + lebar_teks(c.encode_utf8(&mut [0; 4])) <= lebar
                {
                    potongan.push(c);
                } else {
                    sisa.push(c);
                }
            }
            hasil.push(potongan);
            kata = sisa;
            if kata.is_empty() {
                break;
            }
        }
    }
    if !baris.is_empty() || hasil.is_empty() {
        hasil.push(baris);
    }
    hasil
}

fn lebar_teks(s: &str) -> usize {
    lebar(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_with_a_mark() {
        assert_eq!(potong("Yosowilangun Kidul", 14), "Yosowilangun ~");
        assert_eq!(potong("Krai", 14), "Krai");
        assert_eq!(potong("Krai", 0), "~");
    }

    #[test]
    fn widths_are_display_cells() {
        assert_eq!(lebar("Desa"), 4);
        assert_eq!(lebar("東京"), 4);
        assert_eq!(lebar("e\u{301}"), 1);
        assert_eq!(pas("東京都庁", 5), "東京~");
        assert_eq!(pas("東京都庁", 6), "東京~ ");
        assert_eq!(lebar(&pas("Café\u{301}", 8)), 8);
        assert_eq!(lebar(&pas("😀😀😀", 5)), 5);
        assert_eq!(pas_kanan("7.285", 7), "  7.285");
    }

    #[test]
    fn control_characters_are_refused_and_never_printed() {
        assert!(periksa("Darungan", Ragam::Nama).is_ok());
        let e = periksa("X\u{1b}]0;X\u{7}", Ragam::Nama).unwrap_err();
        assert!(e.contains("U+001B"), "{e}");
        assert!(periksa("a\tb", Ragam::Nama).unwrap_err().contains("tab"));
        assert!(periksa("a\tb", Ragam::Panjang).is_ok());
        assert!(periksa("a\u{85}b", Ragam::Panjang).is_err());
        assert!(periksa("a\u{7f}b", Ragam::Panjang).is_err());
        assert!(periksa("a\u{202e}b", Ragam::Nama).is_err());
        assert!(periksa("\u{feff}\u{feff}", Ragam::Nama).is_err());
        assert!(periksa("\u{200b}", Ragam::Nama).is_err());
        assert!(periksa("", Ragam::Nama).is_ok());
        let panjang = "a".repeat(BATAS_NAMA + 1);
        assert!(periksa(&panjang, Ragam::Nama).unwrap_err().contains("101"));
        assert_eq!(aman("a\u{1b}[2Jb\tc"), "a?[2Jb c");
        assert!(matches!(aman("Darungan"), Cow::Borrowed(_)));
        assert_eq!(potong("\u{1b}[2J", 10), "?[2J");
        assert_eq!(aman_baris("a\nb\u{1b}\r\nc\u{202e}"), "a\nb?\nc?");
        assert!(matches!(aman_baris("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn ascii_spelling_of_what_pantau_prints() {
        assert_eq!(
            ke_ascii("5 lewat · 30/09/2026 — Désa Ñoño…"),
            "5 lewat - 30/09/2026 - Desa Nono..."
        );
        assert_eq!(ke_ascii("F01–F18 → K01"), "F01-F18 -> K01");
        assert_eq!(ke_ascii("Luas (km²) ✓ “ya”"), "Luas (km2) v \"ya\"");
        assert!(ke_ascii("北京 ünïcödé").is_ascii());
    }

    #[test]
    fn wraps_between_words_and_cuts_a_word_longer_than_a_line() {
        assert_eq!(
            bungkus("data ini diubah pengguna lain", 12),
            ["data ini", "diubah", "pengguna", "lain"]
        );
        assert_eq!(bungkus("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(bungkus("", 10), [""]);
        assert_eq!(bungkus("北京市朝阳区", 5), ["北京", "市朝", "阳区"]);
    }
}
