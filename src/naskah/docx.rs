//! A `Naskah` as a Word document (Office Open XML), with docx-rs: A4, margins as Indonesian
//! government papers use them (3 cm left, 2 cm elsewhere), Arial 11.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading,
    SpecialIndentType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::{Baris, Blok, Kop, Naskah, Rata, Tabel, TandaTangan};
use crate::domain::teks::aman_baris;

/// A4 in twips.
const A4_LEBAR: u32 = 11_906;
const A4_TINGGI: u32 = 16_838;
const MARGIN_KIRI: i32 = 1_701;
const MARGIN_LAIN: i32 = 1_134;
/// The width text and tables fill.
pub const LEBAR_TEKS: u32 = A4_LEBAR - MARGIN_KIRI as u32 - MARGIN_LAIN as u32;
/// One step of indentation.
const INDEN: i32 = 425;
/// Font sizes in half points.
const UKURAN: usize = 22;
const UKURAN_TABEL: usize = 18;

fn jalur(teks: &str) -> Run {
    // control characters from an old database would make the XML invalid
    Run::new().add_text(aman_baris(teks).into_owned())
}

fn rata(r: Rata) -> AlignmentType {
    match r {
        Rata::Kiri => AlignmentType::Left,
        Rata::Tengah => AlignmentType::Center,
        Rata::Kanan => AlignmentType::Right,
        Rata::Penuh => AlignmentType::Both,
    }
}

fn jarak(sebelum: u32, sesudah: u32) -> LineSpacing {
    LineSpacing::new().before(sebelum).after(sesudah)
}

fn kop(k: &Kop, halaman_baru: bool) -> Vec<Paragraph> {
    let baris = |teks: &str, ukuran: usize, tebal: bool| {
        let mut r = jalur(teks).size(ukuran);
        if tebal {
            r = r.bold();
        }
        Paragraph::new()
            .add_run(r)
            .align(AlignmentType::Center)
            .line_spacing(jarak(0, 0))
    };
    let mut v = vec![
        baris(&k.pemerintah, 28, true).page_break_before(halaman_baru),
        baris(&k.kecamatan, 32, true),
    ];
    if !k.alamat.is_empty() {
        v.push(baris(&k.alamat, 20, false));
    }
    let mut akhir = baris(&k.kota, 22, true);
    // the rule under the letterhead: thick over thin, as government letterheads have it
    akhir.property = akhir.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::ThickThinSmallGap)
                .size(24)
                .space(4),
        ),
    );
    v.push(akhir);
    v.push(Paragraph::new().line_spacing(jarak(0, 120)));
    v
}

fn inden(tingkat: u8, gantung: bool) -> (Option<i32>, Option<SpecialIndentType>) {
    let kiri = INDEN * (i32::from(tingkat) + i32::from(gantung));
    (
        Some(kiri),
        gantung.then_some(SpecialIndentType::Hanging(INDEN)),
    )
}

fn bertanda(penanda: &str, teks: &str, tingkat: u8, tebal: bool) -> Paragraph {
    let (kiri, khusus) = inden(tingkat, true);
    let mut a = jalur(penanda);
    let mut b = jalur(teks);
    if tebal {
        a = a.bold();
        b = b.bold();
    }
    Paragraph::new()
        .add_run(a)
        .add_run(Run::new().add_tab())
        .add_run(b)
        .indent(kiri, khusus, None, None)
        .align(if tebal {
            AlignmentType::Left
        } else {
            AlignmentType::Both
        })
        .line_spacing(jarak(if tebal { 120 } else { 0 }, 60))
        .keep_next(tebal)
}

/// A cell; `tahan` keeps its row on the page of the next row.
fn sel_dengan(
    teks: &str,
    lebar: u32,
    r: Rata,
    tebal: bool,
    isi_latar: bool,
    tahan: bool,
) -> TableCell {
    let mut p = Paragraph::new()
        .align(rata(r))
        .line_spacing(jarak(20, 20))
        .keep_next(tahan);
    // a cell's text may hold several lines (a list of indicators)
    for (i, baris) in teks.split('\n').enumerate() {
        let mut run = jalur(baris).size(UKURAN_TABEL);
        if tebal {
            run = run.bold();
        }
        if i > 0 {
            p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        p = p.add_run(run);
    }
    let mut c = TableCell::new()
        .add_paragraph(p)
        .width(lebar as usize, WidthType::Dxa);
    if isi_latar {
        c = c.shading(Shading::new().fill("E7E6E6"));
    }
    c
}

/// Tables up to this many rows are kept on one page (when they fit); longer ones only keep
/// their heading row with the first row.
const BARIS_SEHALAMAN: usize = 12;

fn tabel(t: &Tabel) -> Table {
    let lebar: Vec<usize> = t.kolom.iter().map(|k| k.lebar as usize).collect();
    let total: u32 = t.kolom.iter().map(|k| k.lebar).sum();
    let mut baris = vec![TableRow::new(
        t.kolom
            .iter()
            .map(|k| sel_dengan(&k.judul, k.lebar, Rata::Tengah, true, true, true))
            .collect(),
    )];
    let pendek = t.baris.len() <= BARIS_SEHALAMAN;
    for (n, b) in t.baris.iter().enumerate() {
        let tahan = pendek && n + 1 < t.baris.len();
        baris.push(match b {
            Baris::Isi(v) | Baris::Jumlah(v) => TableRow::new(
                t.kolom
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        sel_dengan(
                            v.get(i).map(String::as_str).unwrap_or(""),
                            k.lebar,
                            k.rata,
                            matches!(b, Baris::Jumlah(_)),
                            false,
                            tahan,
                        )
                    })
                    .collect(),
            ),
            // a group heading stays with its first row
            Baris::Kelompok(teks) => TableRow::new(vec![
                sel_dengan(teks, total, Rata::Kiri, true, false, true).grid_span(t.kolom.len()),
            ]),
        });
    }
    // a row stays on one page
    let baris = baris.into_iter().map(TableRow::cant_split).collect();
    Table::new(baris)
        .set_grid(lebar)
        .width(total as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// Label, colon and value in a table without lines, as the KAK's head is laid out.
fn isian(v: &[(String, Vec<String>)]) -> Table {
    // the label column as wide as its longest label (Arial 11: about 125 twips a character)
    let label = v
        .iter()
        .map(|(l, _)| l.chars().count() as u32 * 125 + 250)
        .max()
        .unwrap_or(0)
        .clamp(1_300, 3_000);
    let lebar = [label, 300, LEBAR_TEKS - label - 300];
    let cell = |teks: &[String], i: usize| {
        let mut c = TableCell::new().width(lebar[i] as usize, WidthType::Dxa);
        for baris in teks {
            c = c.add_paragraph(
                Paragraph::new()
                    .add_run(jalur(baris).size(UKURAN))
                    .line_spacing(jarak(0, 40)),
            );
        }
        if teks.is_empty() {
            c = c.add_paragraph(Paragraph::new());
        }
        c
    };
    let baris = v
        .iter()
        .map(|(label, isi)| {
            TableRow::new(vec![
                cell(std::slice::from_ref(label), 0),
                cell(&[":".to_string()], 1),
                cell(isi, 2),
            ])
        })
        .collect();
    let mut tanpa = TableBorders::new();
    for pos in [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        tanpa = tanpa.set(TableBorder::new(pos).border_type(BorderType::None).size(0));
    }
    Table::new(baris)
        .set_grid(lebar.iter().map(|x| *x as usize).collect())
        .width(LEBAR_TEKS as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(tanpa)
}

fn tanda_tangan(t: &TandaTangan) -> Vec<Paragraph> {
    let kiri = Some((LEBAR_TEKS / 2) as i32);
    let p = |r: Run| {
        Paragraph::new()
            .add_run(r)
            .align(AlignmentType::Center)
            .indent(kiri, None, None, None)
            .line_spacing(jarak(0, 0))
            .keep_next(true)
    };
    let mut v = vec![Paragraph::new().line_spacing(jarak(0, 120))];
    if !t.tempat_tanggal.is_empty() {
        v.push(p(jalur(&t.tempat_tanggal)));
    }
    v.push(p(jalur(&t.jabatan).bold()));
    for _ in 0..4 {
        v.push(p(Run::new()));
    }
    v.push(if t.nama.is_empty() {
        p(jalur("(.................................)"))
    } else {
        p(jalur(&t.nama).bold().underline("single"))
    });
    v.push(
        if t.nip.is_empty() {
            p(jalur("NIP. ............................"))
        } else {
            p(jalur(&t.nip))
        }
        .keep_next(false),
    );
    v
}

/// The document as the bytes of a `.docx` file.
pub fn tulis(n: &Naskah) -> Result<Vec<u8>, String> {
    let mut d = Docx::new()
        .page_size(A4_LEBAR, A4_TINGGI)
        .page_margin(PageMargin {
            top: MARGIN_LAIN,
            left: MARGIN_KIRI,
            bottom: MARGIN_LAIN,
            right: MARGIN_LAIN,
            header: 709,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii("Arial")
                .hi_ansi("Arial")
                .cs("Arial")
                .east_asia("Arial"),
        )
        .default_size(UKURAN)
        .custom_property("judul", aman_baris(&n.judul).into_owned());
    if n.nomor_halaman {
        d = d.footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(jalur("Halaman ").size(18))
                    .add_page_num(PageNum::new())
                    .add_run(jalur(" dari ").size(18))
                    .add_num_pages(NumPages::new()),
            ),
        );
    }
    let mut halaman_baru = false;
    for b in &n.blok {
        match b {
            Blok::Kop(k) => {
                for p in kop(k, halaman_baru) {
                    d = d.add_paragraph(p);
                }
            }
            Blok::HalamanBaru => {
                halaman_baru = true;
                continue;
            }
            Blok::Judul(t) => {
                d = d.add_paragraph(
                    Paragraph::new()
                        .add_run(jalur(t).bold().size(24))
                        .align(AlignmentType::Center)
                        .line_spacing(jarak(0, 0))
                        .page_break_before(halaman_baru),
                )
            }
            Blok::Bagian {
                penanda,
                teks,
                tingkat,
            } => d = d.add_paragraph(bertanda(penanda, teks, *tingkat, true)),
            Blok::Butir {
                penanda,
                teks,
                tingkat,
            } => d = d.add_paragraph(bertanda(penanda, teks, *tingkat, false)),
            Blok::Paragraf {
                teks,
                tingkat,
                rata: r,
                miring,
            } => {
                let (kiri, _) = inden(*tingkat, false);
                let mut run = jalur(teks);
                if *miring {
                    run = run.italic();
                }
                d = d.add_paragraph(
                    Paragraph::new()
                        .add_run(run)
                        .indent(kiri, None, None, None)
                        .align(rata(*r))
                        .line_spacing(jarak(0, 80))
                        .page_break_before(halaman_baru),
                );
            }
            Blok::Isian(v) => {
                d = d.add_table(isian(v));
            }
            Blok::Tabel(t) => {
                d = d
                    .add_table(tabel(t))
                    .add_paragraph(Paragraph::new().line_spacing(jarak(0, 60)));
            }
            Blok::TandaTangan(t) => {
                for p in tanda_tangan(t) {
                    d = d.add_paragraph(p);
                }
            }
            Blok::Jarak => d = d.add_paragraph(Paragraph::new()),
        }
        halaman_baru = false;
    }
    let mut keluar = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut keluar)
        .map_err(|e| format!("dokumen Word tidak dapat dibuat: {e}"))?;
    Ok(keluar.into_inner())
}
