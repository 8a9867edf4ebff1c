//! A `Naskah` as Markdown (CommonMark with pipe tables), for a wiki, a mail or a diff.

use super::{Baris, Blok, Naskah, Rata};
use crate::domain::teks::aman_baris;

/// Text safe inside Markdown: every punctuation mark that could start markup is escaped.
pub fn lepas(teks: &str) -> String {
    let mut s = String::with_capacity(teks.len());
    for c in aman_baris(teks).chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
        ) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// A line that Markdown must not read as a list or heading: a leading `1.`, `-` or `+` is
/// escaped.
fn awal_aman(teks: &str) -> String {
    let t = lepas(teks);
    let digit = t.bytes().take_while(u8::is_ascii_digit).count();
    if digit > 0 && matches!(t.as_bytes().get(digit), Some(b'.' | b')')) {
        return format!("{}\\{}", &t[..digit], &t[digit..]);
    }
    if t.starts_with(['-', '+', '=']) {
        return format!("\\{t}");
    }
    t
}

pub fn tulis(n: &Naskah) -> String {
    let mut s = String::new();
    let mut baris = |t: &str| {
        s.push_str(t);
        s.push('\n');
    };
    for b in &n.blok {
        match b {
            Blok::Kop(k) => {
                baris(&format!("**{}**  ", lepas(&k.pemerintah)));
                baris(&format!("**{}**  ", lepas(&k.kecamatan)));
                if !k.alamat.is_empty() {
                    baris(&format!("{}  ", lepas(&k.alamat)));
                }
                baris(&format!("**{}**", lepas(&k.kota)));
                baris("");
                baris("---");
                baris("");
            }
            Blok::Judul(t) => {
                baris(&format!("## {}", lepas(t)));
                baris("");
            }
            Blok::Bagian {
                penanda,
                teks,
                tingkat,
            } => {
                let p = lepas(penanda);
                if *tingkat < 2 {
                    let h = "#".repeat(usize::from(*tingkat) + 3);
                    baris(&format!("{h} {p} {}", lepas(teks)));
                } else {
                    baris(&format!(
                        "{}**{p} {}**",
                        "\u{00a0}".repeat(usize::from(*tingkat) * 2),
                        lepas(teks)
                    ));
                }
                baris("");
            }
            Blok::Butir {
                penanda,
                teks,
                tingkat,
            } => {
                // the document's own numbering, kept as text: Markdown would renumber a list
                baris(&format!(
                    "{}{}",
                    "\u{00a0}".repeat(usize::from(*tingkat) * 2),
                    awal_aman(&format!("{penanda} {teks}"))
                ));
                baris("");
            }
            Blok::Paragraf { teks, miring, .. } => {
                if *miring {
                    baris(&format!("*{}*", lepas(teks)));
                } else {
                    baris(&awal_aman(teks));
                }
                baris("");
            }
            Blok::Isian(v) => {
                baris("| | |");
                baris("|---|---|");
                for (label, isi) in v {
                    let isi: Vec<String> = isi.iter().map(|x| lepas(x)).collect();
                    baris(&format!("| **{}** | {} |", lepas(label), isi.join("<br>")));
                }
                baris("");
            }
            Blok::Tabel(t) => {
                let kepala: Vec<String> = t.kolom.iter().map(|k| lepas(&k.judul)).collect();
                baris(&format!("| {} |", kepala.join(" | ")));
                let garis: Vec<&str> = t
                    .kolom
                    .iter()
                    .map(|k| match k.rata {
                        Rata::Kanan => "---:",
                        Rata::Tengah => ":---:",
                        _ => "---",
                    })
                    .collect();
                baris(&format!("|{}|", garis.join("|")));
                for r in &t.baris {
                    let sel: Vec<String> = match r {
                        Baris::Isi(v) => v.iter().map(|x| lepas(x).replace('\n', "<br>")).collect(),
                        Baris::Jumlah(v) => v
                            .iter()
                            .map(|x| {
                                if x.is_empty() {
                                    String::new()
                                } else {
                                    format!("**{}**", lepas(x))
                                }
                            })
                            .collect(),
                        Baris::Kelompok(x) => {
                            let mut v = vec![format!("**{}**", lepas(x))];
                            v.resize(t.kolom.len(), String::new());
                            v
                        }
                    };
                    baris(&format!("| {} |", sel.join(" | ")));
                }
                baris("");
            }
            Blok::TandaTangan(t) => {
                if !t.tempat_tanggal.is_empty() {
                    baris(&format!("{}  ", lepas(&t.tempat_tanggal)));
                }
                baris(&format!("**{}**  ", lepas(&t.jabatan)));
                baris("");
                baris("");
                baris(&format!(
                    "**{}**  ",
                    if t.nama.is_empty() {
                        "(.................................)".to_string()
                    } else {
                        lepas(&t.nama)
                    }
                ));
                baris(&if t.nip.is_empty() {
                    "NIP. ............................".to_string()
                } else {
                    lepas(&t.nip)
                });
                baris("");
            }
            Blok::Jarak => {}
            Blok::HalamanBaru => {
                baris("---");
                baris("");
            }
        }
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}
