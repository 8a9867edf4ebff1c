//! Drawing the whole screen: it only reads the app's state (nothing here touches the store).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, LEBAR_MIN, Popup, TINGGI_MIN, Tata, tata};
use super::teks::{self, NAMA_TAB, Tombol};
use super::tema::Tema;
use crate::domain::angka::format_ribuan;
use crate::domain::tanggal::format_tanggal_hari;
use crate::domain::teks::{pas, potong};

impl App {
    pub fn gambar(&self, f: &mut Frame) {
        let area = f.area();
        if area.width < LEBAR_MIN || area.height < TINGGI_MIN {
            let p = Paragraph::new(format!(
                "Terminal terlalu kecil ({}×{}). pantau perlu paling sedikit {LEBAR_MIN}×{TINGGI_MIN}. Perbesar jendela, atau q untuk keluar.",
                area.width, area.height
            ))
            .wrap(Wrap { trim: true });
            f.render_widget(p, area);
            return;
        }
        let Tata {
            atas,
            info,
            badan,
            pesan,
            kaki,
        } = tata(area);
        let tema = self.k.tema;
        // tab bar
        let mut spans = Vec::new();
        let rapat = atas.width < 78;
        for (i, nama) in NAMA_TAB.iter().enumerate() {
            let gaya = if i == self.tab {
                tema.tab_aktif()
            } else {
                Style::default()
            };
            // narrow terminals get four letters per tab, the current one in full
            let nama: String = if rapat && i != self.tab {
                nama.chars().take(4).collect()
            } else {
                nama.to_string()
            };
            spans.push(Span::styled(format!(" {} {} ", i + 1, nama), gaya));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), atas);
        f.render_widget(
            Paragraph::new(Line::styled(
                potong(
                    &format!(
                        "{} · {}",
                        format_tanggal_hari(self.k.hari_ini),
                        self.k.nama_lingkup
                    ),
                    info.width as usize,
                ),
                tema.redup(),
            )),
            info,
        );
        self.layar[self.tab].gambar(f, badan, &self.k);
        // message line: filter being typed, or the last message
        let baris_pesan: Vec<Line> = if self.menyaring {
            let s = self.layar[self.tab]
                .daftar_lihat()
                .map(|d| d.saring.clone())
                .unwrap_or_default();
            vec![Line::from(vec![
                Span::styled("Saring: ", tema.judul()),
                Span::raw(potong(&s, (pesan.width as usize).saturating_sub(10))),
                Span::styled("▏", tema.pilih()),
            ])]
        } else if let Some((p, galat)) = &self.pesan {
            // a message never loses its end (the reason): a long one wraps over the footer
            // and, when it must, over the last lines of the screen
            let gaya = if *galat {
                tema.galat()
            } else {
                tema.berhasil()
            };
            let mut baris = crate::domain::teks::bungkus(p, pesan.width as usize);
            if baris.len() > 5 {
                // (a longer one is shown whole in a box)
                baris.truncate(5);
            }
            baris.into_iter().map(|b| Line::styled(b, gaya)).collect()
        } else {
            vec![match self.layar[self.tab].daftar_lihat() {
                Some(d) if !d.saring.is_empty() => Line::styled(
                    potong(
                        &format!(
                            "Saringan: \"{}\" ({} baris) · Esc hapus",
                            d.saring,
                            format_ribuan(d.total as i64)
                        ),
                        pesan.width as usize,
                    ),
                    tema.redup(),
                ),
                _ => Line::raw(""),
            }]
        };
        let tinggi_pesan = baris_pesan.len().max(1) as u16;
        let kotak_pesan = if tinggi_pesan == 1 {
            pesan
        } else {
            let bawah = kaki.y + kaki.height;
            let y = bawah.saturating_sub(tinggi_pesan).max(badan.y);
            Rect::new(pesan.x, y, pesan.width, bawah - y)
        };
        f.render_widget(Clear, kotak_pesan);
        f.render_widget(Paragraph::new(baris_pesan), kotak_pesan);
        // footer built from the same table as the key handling and the help: commands that do
        // not apply now are left out; when it is wider than the screen, the screen's own keys
        // give way from the right (`?` lists them all), never mid-word
        let tombol: Vec<Tombol> = self
            .tombol_sekarang()
            .into_iter()
            .filter(|(t, berlaku)| t.kaki && *berlaku)
            .map(|(t, _)| t)
            .collect();
        let lebar = |t: &Tombol| lebar_teks(t.tombol) + lebar_teks(t.arti) + 3;
        let umum = tombol
            .iter()
            .rev()
            .take_while(|t| teks::UMUM.contains(t))
            .count();
        let mut pakai = vec![true; tombol.len()];
        let mut total: usize = tombol.iter().map(lebar).sum();
        let mut i = tombol.len().saturating_sub(umum);
        while total > kaki.width as usize + 2 && i > 1 {
            i -= 1;
            pakai[i] = false;
            total -= lebar(&tombol[i]);
        }
        let mut kaki_spans = Vec::new();
        for (t, _) in tombol.iter().zip(&pakai).filter(|(_, p)| **p) {
            kaki_spans.push(Span::styled(t.tombol.to_string(), tema.judul()));
            kaki_spans.push(Span::raw(format!(" {}  ", t.arti)));
        }
        if tinggi_pesan == 1 {
            f.render_widget(Paragraph::new(Line::from(kaki_spans)), kaki);
        }

        if let Some(form) = self.form.as_ref() {
            form.gambar(f, badan, &tema);
        }
        match &self.popup {
            Some(Popup::Bantuan) => self.gambar_bantuan(f, area),
            Some(Popup::Tanya(p, _, _)) => gambar_tanya(f, area, &tema, p),
            Some(Popup::Buang) => {
                gambar_tanya(f, area, &tema, "Buang perubahan pada formulir ini?")
            }
            Some(Popup::Keluar) => gambar_tanya(
                f,
                area,
                &tema,
                "Ada perubahan yang belum disimpan. Keluar juga?",
            ),
            Some(Popup::Riwayat(judul, baris)) => gambar_riwayat(f, area, &tema, judul, baris),
            None => {}
        }
        // one general pass over the finished frame: no control character a stored text may
        // carry (an old database) reaches the terminal, and ASCII for old consoles instead of
        // an ASCII variant of every string
        let buf = f.buffer_mut();
        let luas = buf.area;
        for y in luas.top()..luas.bottom() {
            for x in luas.left()..luas.right() {
                let sel = &mut buf[(x, y)];
                if sel.symbol().chars().any(|c| c.is_control()) {
                    sel.set_symbol("?");
                } else if tema.ascii
                    && let Some(a) = super::tema::ascii(sel.symbol())
                {
                    sel.set_symbol(a);
                }
            }
        }
    }

    fn gambar_bantuan(&self, f: &mut Frame, area: Rect) {
        let tombol = self.tombol_sekarang();
        let lebar_t = tombol
            .iter()
            .map(|(t, _)| lebar_teks(t.tombol))
            .max()
            .unwrap_or(0);
        let mut baris: Vec<Line> = tombol
            .iter()
            .map(|(t, berlaku)| {
                let gaya = if *berlaku {
                    self.k.tema.judul()
                } else {
                    self.k.tema.redup()
                };
                Line::from(vec![
                    Span::styled(format!("{}  ", pas(t.tombol, lebar_t)), gaya),
                    Span::styled(
                        if *berlaku {
                            t.arti.to_string()
                        } else {
                            format!("{} (tidak berlaku)", t.arti)
                        },
                        if *berlaku {
                            Style::default()
                        } else {
                            self.k.tema.redup()
                        },
                    ),
                ])
            })
            .collect();
        baris.push(Line::raw(""));
        baris.push(Line::styled(
            "Tekan tombol apa saja untuk menutup.",
            self.k.tema.redup(),
        ));
        let tinggi = (baris.len() as u16 + 2).min(area.height);
        let lebar = 72.min(area.width);
        let kotak = Rect::new(
            area.x + (area.width - lebar) / 2,
            area.y + (area.height - tinggi) / 2,
            lebar,
            tinggi,
        );
        f.render_widget(Clear, kotak);
        f.render_widget(
            Paragraph::new(baris).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_set(self.k.tema.border())
                    .title(format!(" Bantuan: {} ", NAMA_TAB[self.tab])),
            ),
            kotak,
        );
    }
}

fn lebar_teks(s: &str) -> usize {
    crate::domain::teks::lebar(s)
}

fn gambar_riwayat(f: &mut Frame, area: Rect, tema: &Tema, judul: &str, baris: &[String]) {
    let lebar = area.width.saturating_sub(4).min(76);
    let isi = (lebar as usize).saturating_sub(2).max(1);
    // every entry whole, wrapped: what changed is the point of the history
    let perlu: usize = baris
        .iter()
        .map(|b| crate::domain::teks::lebar(b).div_ceil(isi).max(1))
        .sum();
    let tinggi = (perlu as u16 + 4).min(area.height.saturating_sub(2));
    let kotak = Rect::new(
        area.x + (area.width - lebar) / 2,
        area.y + (area.height - tinggi) / 2,
        lebar,
        tinggi,
    );
    let mut v: Vec<Line> = baris
        .iter()
        .map(|b| Line::raw(crate::domain::teks::aman(b).into_owned()))
        .collect();
    v.push(Line::raw(""));
    v.push(Line::styled(
        "Tekan tombol apa saja untuk menutup · semua: pantau riwayat",
        tema.redup(),
    ));
    f.render_widget(Clear, kotak);
    f.render_widget(
        Paragraph::new(v).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_set(tema.border())
                .title(format!(" {} ", potong(judul, isi.saturating_sub(2)))),
        ),
        kotak,
    );
}

/// Lines a text takes when wrapped at word boundaries to `lebar` cells (as `Wrap` does,
/// give or take one: a long word is cut).
fn baris_terbungkus(teks: &str, lebar: usize) -> u16 {
    let mut baris = 1u16;
    let mut isi = 0usize;
    for kata in teks.split(' ') {
        let n = lebar_teks(kata);
        if isi > 0 && isi + 1 + n > lebar {
            baris += 1;
            isi = 0;
        }
        isi = if isi == 0 { n } else { isi + 1 + n };
        while isi > lebar {
            baris += 1;
            isi -= lebar;
        }
    }
    baris
}

fn gambar_tanya(f: &mut Frame, area: Rect, tema: &Tema, pesan: &str) {
    let lebar = 60.min(area.width);
    // room for the wrapped question, a blank line and the line that says which key to press
    let baris_pesan = baris_terbungkus(pesan, lebar.saturating_sub(2).max(1) as usize);
    let tinggi = (baris_pesan + 4).min(area.height);
    let kotak = Rect::new(
        area.x + (area.width - lebar) / 2,
        area.y + area.height.saturating_sub(tinggi) / 2,
        lebar,
        tinggi,
    );
    f.render_widget(Clear, kotak);
    f.render_widget(
        Paragraph::new(vec![
            Line::raw(pesan.to_string()),
            Line::raw(""),
            Line::from(vec![
                Span::styled("y", tema.judul()),
                Span::raw(" ya   "),
                Span::styled("tombol lain", tema.judul()),
                Span::raw(" batal"),
            ]),
        ])
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_set(tema.border())
                .title(" Konfirmasi "),
        ),
        kotak,
    );
}
