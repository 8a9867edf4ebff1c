//! A reader for the `.docx` files pantau writes, independent of the writer: unzips the file
//! and walks `word/document.xml` with an XML parser, giving the body's paragraphs and tables
//! in order, as Word would show their text.

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;

#[derive(Debug, Clone, PartialEq)]
pub enum Isi {
    /// A paragraph's text (a tab as `\t`, a line break as `\n`); `baru` when it starts a page.
    Paragraf { teks: String, halaman_baru: bool },
    /// Rows of cells; a cell's paragraphs joined by `\n`.
    Tabel(Vec<Vec<String>>),
}

#[derive(Debug, Default)]
pub struct Dokumen {
    pub isi: Vec<Isi>,
    /// `w:pgSz` of the section: width and height in twips.
    pub halaman: (u32, u32),
    /// Every file name in the package.
    pub berkas: Vec<String>,
    /// `word/footer*.xml` text.
    pub kaki: String,
}

impl Dokumen {
    pub fn paragraf(&self) -> Vec<&str> {
        self.isi
            .iter()
            .filter_map(|i| match i {
                Isi::Paragraf { teks, .. } => Some(teks.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn tabel(&self) -> Vec<&Vec<Vec<String>>> {
        self.isi
            .iter()
            .filter_map(|i| match i {
                Isi::Tabel(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    /// The table whose first row is `kepala`.
    pub fn tabel_berkepala(&self, kepala: &[&str]) -> Vec<&Vec<Vec<String>>> {
        self.tabel()
            .into_iter()
            .filter(|t| {
                t.first()
                    .is_some_and(|r| r.iter().map(String::as_str).eq(kepala.iter().copied()))
            })
            .collect()
    }

    /// The document cut at each page break: one part per page-starting paragraph.
    pub fn halaman_halaman(&self) -> Vec<Vec<Isi>> {
        let mut v: Vec<Vec<Isi>> = vec![Vec::new()];
        for i in &self.isi {
            if let Isi::Paragraf {
                halaman_baru: true, ..
            } = i
            {
                v.push(Vec::new());
            }
            v.last_mut().unwrap().push(i.clone());
        }
        v
    }
}

fn teks_xml(xml: &str) -> String {
    let mut r = Reader::from_str(xml);
    let mut s = String::new();
    let mut dalam_t = false;
    loop {
        match r.read_event().expect("valid XML") {
            Event::Start(e) if e.name().0 == "w:t" => dalam_t = true,
            Event::End(e) if e.name().0 == "w:t" => dalam_t = false,
            Event::Text(t) if dalam_t => s.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if dalam_t => s.push_str(&entitas(&g.xml10_content())),
            Event::Eof => break,
            _ => {}
        }
    }
    s
}

fn entitas(g: &str) -> String {
    match g {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        x => format!("&{x};"),
    }
}

pub fn baca(path: &Path) -> Dokumen {
    let f = std::fs::File::open(path).expect("open docx");
    let mut zip = zip::ZipArchive::new(f).expect("a docx is a zip package");
    let mut d = Dokumen {
        berkas: zip.file_names().map(|n| n.unwrap().into_owned()).collect(),
        ..Default::default()
    };
    for n in d.berkas.clone() {
        if n.starts_with("word/footer") {
            let mut s = String::new();
            zip.by_name(&n).unwrap().read_to_string(&mut s).unwrap();
            d.kaki.push_str(&teks_xml(&s));
        }
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut r = Reader::from_str(&xml);
    let mut tabel: Option<Vec<Vec<String>>> = None;
    let mut sel: Option<Vec<String>> = None;
    let mut p: Option<(String, bool)> = None;
    let mut dalam_t = false;
    loop {
        let ev = r.read_event().expect("valid XML");
        let kosong = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                match e.name().0 {
                    "w:tbl" => tabel = Some(Vec::new()),
                    "w:tr" => tabel.as_mut().expect("row in a table").push(Vec::new()),
                    "w:tc" => sel = Some(Vec::new()),
                    "w:p" if !kosong => p = Some((String::new(), false)),
                    "w:p" => {
                        // an empty paragraph
                        if let Some(c) = sel.as_mut() {
                            c.push(String::new());
                        } else {
                            d.isi.push(Isi::Paragraf {
                                teks: String::new(),
                                halaman_baru: false,
                            });
                        }
                    }
                    "w:pageBreakBefore" => {
                        let nilai = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.0 == "w:val")
                            .map(|a| a.value.to_string());
                        if let Some(x) = p.as_mut() {
                            x.1 = !matches!(nilai.as_deref(), Some("false" | "0"));
                        }
                    }
                    "w:t" if !kosong => dalam_t = true,
                    "w:tab" => {
                        if let Some(x) = p.as_mut() {
                            x.0.push('\t');
                        }
                    }
                    "w:br" => {
                        if let Some(x) = p.as_mut() {
                            x.0.push('\n');
                        }
                    }
                    "w:pgSz" => {
                        let mut w = 0;
                        let mut h = 0;
                        for a in e.attributes().flatten() {
                            let v: u32 = a.value.parse().unwrap_or(0);
                            match a.key.0 {
                                "w:w" => w = v,
                                "w:h" => h = v,
                                _ => {}
                            }
                        }
                        d.halaman = (w, h);
                    }
                    _ => {}
                }
            }
            Event::Text(t) if dalam_t => {
                if let Some(x) = p.as_mut() {
                    x.0.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if dalam_t => {
                if let Some(x) = p.as_mut() {
                    x.0.push_str(&entitas(&g.xml10_content()));
                }
            }
            Event::End(e) => match e.name().0 {
                "w:t" => dalam_t = false,
                "w:p" => {
                    let (teks, halaman_baru) = p.take().unwrap_or_default();
                    if let Some(c) = sel.as_mut() {
                        c.push(teks);
                    } else {
                        d.isi.push(Isi::Paragraf { teks, halaman_baru });
                    }
                }
                "w:tc" => {
                    let c = sel.take().unwrap_or_default();
                    tabel
                        .as_mut()
                        .and_then(|t| t.last_mut())
                        .expect("cell in a row")
                        .push(c.join("\n"));
                }
                "w:tbl" => d.isi.push(Isi::Tabel(tabel.take().unwrap_or_default())),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    d
}
