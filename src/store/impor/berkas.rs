//! Reading a CSV file as offices write it: BOM, `,` `;` or tab, any header case and order.

/// A row of the file with its line number; fields are looked up by header name.
#[derive(Debug)]
pub struct Baris {
    pub nomor: u64,
    nilai: Vec<String>,
}

#[derive(Debug)]
pub struct Tabel {
    pub nama: String,
    pub kolom: Vec<String>,
    pub baris: Vec<Baris>,
    /// Rows that could not be read or have the wrong number of fields: (line, `FILE:LINE: …`).
    /// The importer reports them with the problems it finds in the other rows.
    pub galat: Vec<(u64, String)>,
}

impl Tabel {
    /// The trimmed value of column `nama` in `b` ("" when the file has no such column).
    pub fn ambil<'a>(&self, b: &'a Baris, nama: &str) -> &'a str {
        indeks(&self.kolom, nama)
            .and_then(|i| b.nilai.get(i))
            .map(|s| bersihkan(s))
            .unwrap_or("")
    }

    pub fn punya(&self, nama: &str) -> bool {
        self.kolom.iter().any(|k| k == nama)
    }

    /// `FILE:LINE: reason`
    pub fn galat(&self, b: &Baris, alasan: &str) -> String {
        format!("{}:{}: {}", self.nama, b.nomor, alasan)
    }
}

fn indeks(kolom: &[String], nama: &str) -> Option<usize> {
    kolom.iter().position(|k| k == nama)
}

/// A value trimmed, and Excel's way of keeping a code as text undone: ="35.08.07.2001"
fn bersihkan(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix("=\"")
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s)
}

/// Separator of the header row: the most frequent of `;`, tab and `,` outside quotes.
fn pemisah(judul: &str) -> u8 {
    let mut hitung = [0usize; 3];
    let mut dalam_kutip = false;
    for c in judul.bytes() {
        match c {
            b'"' => dalam_kutip = !dalam_kutip,
            b';' if !dalam_kutip => hitung[0] += 1,
            b'\t' if !dalam_kutip => hitung[1] += 1,
            b',' if !dalam_kutip => hitung[2] += 1,
            _ => {}
        }
    }
    let calon = [b';', b'\t', b','];
    let (i, n) = hitung
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
        .unwrap_or((2, &0));
    if *n == 0 { b',' } else { calon[i] }
}

/// Line breaks in `b`: `\n`, `\r\n`, or a lone `\r` (old Mac files).
fn jumlah_ganti_baris(b: &[u8]) -> u64 {
    b.iter()
        .enumerate()
        .filter(|&(i, c)| *c == b'\n' || (*c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// The line where a quoted field opens and is never closed: the reader would take the rest of
/// the file as that one field, and the rows after it would be lost without a word.
fn kutip_tak_tertutup(teks: &str, pemisah: u8) -> Option<u64> {
    let b = teks.as_bytes();
    let mut baris = 1u64;
    let mut awal_kolom = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let ganti_baris = c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n'));
        if awal_kolom && c == b'"' {
            let mulai = baris;
            i += 1;
            loop {
                let Some(&d) = b.get(i) else {
                    return Some(mulai);
                };
                i += 1;
                if d == b'"' {
                    if b.get(i) == Some(&b'"') {
                        i += 1; // "" is a quote inside the field
                    } else {
                        break;
                    }
                } else if d == b'\n' || (d == b'\r' && b.get(i) != Some(&b'\n')) {
                    baris += 1;
                }
            }
            awal_kolom = false;
            continue;
        }
        if ganti_baris {
            baris += 1;
        }
        awal_kolom = ganti_baris || c == pemisah || c == b'\r';
        i += 1;
    }
    None
}

/// Line numbers of records, counted forward from the previous record (records come in order,
/// so a file is scanned once, not once per row).
struct PenghitungBaris {
    byte: usize,
    baris: u64,
}

impl PenghitungBaris {
    fn new() -> Self {
        PenghitungBaris { byte: 0, baris: 1 }
    }

    /// Line (1-based) where the record at `posisi` starts.
    fn baris(&mut self, teks: &str, posisi: &csv::Position) -> u64 {
        let b = teks.as_bytes();
        // the reader reports the offset of the previous line's terminator; skip it
        let mut akhir = (posisi.byte() as usize).min(b.len());
        while akhir < b.len() && (b[akhir] == b'\r' || b[akhir] == b'\n') {
            akhir += 1;
        }
        if akhir < self.byte {
            self.byte = 0;
            self.baris = 1;
        }
        self.baris += jumlah_ganti_baris(&b[self.byte..akhir]);
        self.byte = akhir;
        self.baris
    }
}

/// A file read row by row, for imports too large to hold as rows: the header is checked
/// when it opens, then each call to `berikut` moves to the next row.
pub struct Pembaca<'a> {
    pub nama: String,
    pub kolom: Vec<String>,
    teks: &'a str,
    rdr: csv::Reader<&'a [u8]>,
    hitung: PenghitungBaris,
    rekaman: csv::StringRecord,
}

impl<'a> Pembaca<'a> {
    /// Checks the encoding and the header. `dikenal` lists the accepted columns, `wajib` those
    /// required. Every problem is returned as `FILE:LINE: reason` lines.
    pub fn buka(
        nama: &str,
        isi: &'a [u8],
        dikenal: &[&str],
        wajib: &[&str],
    ) -> Result<Self, Vec<String>> {
        let isi = isi.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(isi);
        let teks = match std::str::from_utf8(isi) {
            Ok(t) => t,
            Err(e) => {
                let baris = jumlah_ganti_baris(&isi[..e.valid_up_to()]) + 1;
                return Err(vec![format!(
                    "{nama}:{baris}: berkas bukan teks UTF-8; simpan ulang dari lembar kerja sebagai \"CSV UTF-8\""
                )]);
            }
        };
        // (a sheet's empty rows above its header come as empty lines)
        let (baris_judul, judul) = teks
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l))
            .unwrap_or((1, ""));
        if judul.trim().is_empty() {
            return Err(vec![format!(
                "{nama}:1: berkas kosong; baris pertama harus berisi nama kolom ({})",
                wajib.join(", ")
            )]);
        }
        let pemisah = pemisah(judul);
        if let Some(baris) = kutip_tak_tertutup(teks, pemisah) {
            return Err(vec![format!(
                "{nama}:{baris}: tanda kutip (\") dibuka di sini dan tidak pernah ditutup, sehingga baris-baris sesudahnya terbaca sebagai isi satu kolom; tutup kutipnya atau hapus"
            )]);
        }
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(pemisah)
            .flexible(true)
            .has_headers(true)
            .from_reader(teks.as_bytes());
        let mut galat = Vec::new();
        let asli: Vec<String> = match rdr.headers() {
            Ok(h) => h.iter().map(|k| k.trim().to_string()).collect(),
            Err(e) => {
                return Err(vec![format!(
                    "{nama}:{baris_judul}: baris judul tidak terbaca: {e}"
                )]);
            }
        };
        // every header as the column it stands for ("" for an empty or unknown one)
        let kolom: Vec<String> = asli
            .iter()
            .map(|k| super::judul::cocokkan(k, dikenal).unwrap_or("").to_string())
            .collect();
        for (i, k) in asli.iter().enumerate() {
            if k.is_empty() {
                // empty names at the end of the header are what a spreadsheet leaves after
                // the last column; an empty name between named ones is a column nobody named
                if asli[i..].iter().any(|k| !k.is_empty()) {
                    galat.push(format!(
                        "{nama}:{baris_judul}: kolom ke-{} tidak bernama",
                        i + 1
                    ));
                }
            } else if kolom[i].is_empty() {
                let saran = match super::judul::terdekat(k, dikenal) {
                    Some(t) => format!("; mungkin maksudnya '{t}'?"),
                    None => String::new(),
                };
                galat.push(format!(
                    "{nama}:{baris_judul}: kolom '{k}' tidak dikenal{saran} (kolom yang dikenal: {})",
                    dikenal.join(", ")
                ));
            } else if let Some(j) = kolom[..i].iter().position(|x| *x == kolom[i]) {
                if asli[j] == *k {
                    galat.push(format!("{nama}:{baris_judul}: kolom '{k}' muncul dua kali"));
                } else {
                    galat.push(format!(
                        "{nama}:{baris_judul}: kolom '{}' dan '{k}' sama-sama berarti '{}'; hapus salah satunya",
                        asli[j], kolom[i]
                    ));
                }
            }
        }
        for w in wajib {
            if !kolom.iter().any(|k| k == w) {
                galat.push(format!("{nama}:{baris_judul}: kolom wajib '{w}' tidak ada"));
            }
        }
        if !galat.is_empty() {
            return Err(galat);
        }
        Ok(Pembaca {
            nama: nama.to_string(),
            kolom,
            teks,
            rdr,
            hitung: PenghitungBaris::new(),
            rekaman: csv::StringRecord::new(),
        })
    }

    /// Moves to the next row that has a value and returns its line number; `Err` is the line
    /// and `FILE:LINE: reason` of a row that cannot be read or has the wrong number of fields.
    /// `None` at the end of the file.
    pub fn berikut(&mut self) -> Option<Result<u64, (u64, String)>> {
        loop {
            match self.rdr.read_record(&mut self.rekaman) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let nomor = e
                        .position()
                        .map(|p| self.hitung.baris(self.teks, p))
                        .unwrap_or(0);
                    return Some(Err((
                        nomor,
                        format!("{}:{nomor}: baris tidak terbaca: {e}", self.nama),
                    )));
                }
            }
            let r = &self.rekaman;
            let nomor = r
                .position()
                .map(|p| self.hitung.baris(self.teks, p))
                .unwrap_or(0);
            if r.iter().all(|f| f.trim().is_empty()) {
                continue; // blank lines and rows of bare separators
            }
            let n = self.kolom.len();
            if r.len() > n && r.iter().skip(n).any(|f| !f.trim().is_empty()) {
                return Some(Err((
                    nomor,
                    format!(
                        "{}:{nomor}: baris ini punya {} kolom, judul hanya {n}",
                        self.nama,
                        r.len()
                    ),
                )));
            }
            if r.len() < n {
                return Some(Err((
                    nomor,
                    format!(
                        "{}:{nomor}: baris ini hanya punya {} kolom, judul punya {n}",
                        self.nama,
                        r.len()
                    ),
                )));
            }
            return Some(Ok(nomor));
        }
    }

    /// The trimmed value of column `nama` in the current row ("" when the file has no such
    /// column).
    pub fn ambil(&self, nama: &str) -> &str {
        indeks(&self.kolom, nama)
            .and_then(|i| self.rekaman.get(i))
            .map(bersihkan)
            .unwrap_or("")
    }

    pub fn punya(&self, nama: &str) -> bool {
        self.kolom.iter().any(|k| k == nama)
    }

    /// `FILE:LINE: reason`
    pub fn galat(&self, nomor: u64, alasan: &str) -> String {
        format!("{}:{nomor}: {alasan}", self.nama)
    }
}

/// Reads a whole file into rows. `dikenal` lists the accepted columns, `wajib` those required.
/// A problem with the file as a whole is an `Err` of `FILE:LINE: reason` lines; rows that
/// cannot be read are listed in `Tabel::galat`.
pub fn baca(
    nama: &str,
    isi: &[u8],
    dikenal: &[&str],
    wajib: &[&str],
) -> Result<Tabel, Vec<String>> {
    let mut p = Pembaca::buka(nama, isi, dikenal, wajib)?;
    let mut galat = Vec::new();
    let mut baris = Vec::new();
    while let Some(r) = p.berikut() {
        match r {
            Ok(nomor) => baris.push(Baris {
                nomor,
                nilai: p.rekaman.iter().map(str::to_string).collect(),
            }),
            Err(g) => galat.push(g),
        }
    }
    Ok(Tabel {
        nama: p.nama,
        kolom: p.kolom,
        baris,
        galat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_separator_from_the_header() {
        assert_eq!(pemisah("kode;nama;kecamatan"), b';');
        assert_eq!(pemisah("kode\tnama"), b'\t');
        assert_eq!(pemisah("kode,nama"), b',');
        assert_eq!(pemisah("\"a;b\",c"), b',');
        assert_eq!(pemisah("kode"), b',');
    }

    #[test]
    fn reads_an_office_file_with_bom_and_semicolons() {
        let isi = "\u{feff}KODE; Nama ;luas_km2\r\n35.08.07.2001;Darungan;5,88\r\n;;\r\n";
        let t = baca(
            "desa.csv",
            isi.as_bytes(),
            &["kode", "nama", "luas_km2"],
            &["kode"],
        )
        .unwrap();
        assert_eq!(t.baris.len(), 1);
        assert_eq!(t.ambil(&t.baris[0], "nama"), "Darungan");
        assert_eq!(t.ambil(&t.baris[0], "luas_km2"), "5,88");
        assert_eq!(t.baris[0].nomor, 2);
    }

    #[test]
    fn unknown_and_missing_columns_are_errors() {
        let g = baca(
            "x.csv",
            b"kode,nmaa\n1,2\n",
            &["kode", "nama"],
            &["kode", "nama"],
        )
        .unwrap_err();
        assert!(
            g.iter()
                .any(|l| l.starts_with("x.csv:1: kolom 'nmaa' tidak dikenal")),
            "{g:?}"
        );
        assert!(
            g.iter()
                .any(|l| l == "x.csv:1: kolom wajib 'nama' tidak ada"),
            "{g:?}"
        );
    }

    #[test]
    fn not_utf8_is_refused_with_its_line() {
        let g = baca("x.csv", b"kode,nama\n1,Caf\xe9\n", &["kode", "nama"], &[]).unwrap_err();
        assert!(
            g[0].starts_with("x.csv:2: berkas bukan teks UTF-8"),
            "{g:?}"
        );
    }

    #[test]
    fn short_rows_are_reported() {
        let t = baca("x.csv", b"kode,nama\n1\n", &["kode", "nama"], &[]).unwrap();
        assert_eq!(
            t.galat,
            vec![(
                2,
                "x.csv:2: baris ini hanya punya 1 kolom, judul punya 2".to_string()
            )]
        );
    }

    #[test]
    fn an_unclosed_quote_is_refused_with_the_line_it_opens_on() {
        let isi = "kode;nama\n1;\"Satu\"\"dua\"\n2;\"tanpa tutup\n3;Tiga\n";
        let g = baca("x.csv", isi.as_bytes(), &["kode", "nama"], &[]).unwrap_err();
        assert_eq!(g.len(), 1);
        assert!(g[0].starts_with("x.csv:3: tanda kutip"), "{g:?}");
        // a quoted field over two lines, and quotes inside an unquoted field, are fine
        let isi = "kode;nama\n1;\"dua\nbaris\"\n2;Pak \"Ali\" 5\"\n";
        let t = baca("x.csv", isi.as_bytes(), &["kode", "nama"], &[]).unwrap();
        assert_eq!(t.baris.len(), 2);
        assert_eq!(t.baris[1].nomor, 4);
        assert_eq!(t.ambil(&t.baris[1], "nama"), "Pak \"Ali\" 5\"");
    }

    #[test]
    fn lines_end_in_cr_lf_or_a_lone_cr() {
        for akhir in ["\n", "\r\n", "\r"] {
            let isi = ["kode,nama", "1,a", "", "2,b"].join(akhir);
            let t = baca("x.csv", isi.as_bytes(), &["kode", "nama"], &[]).unwrap();
            let nomor: Vec<u64> = t.baris.iter().map(|b| b.nomor).collect();
            assert_eq!(nomor, [2, 4], "{akhir:?}");
        }
    }

    #[test]
    fn empty_names_after_the_last_column_are_what_a_spreadsheet_leaves() {
        let t = baca("x.csv", b"kode;nama;;\n1;a;;\n", &["kode", "nama"], &[]).unwrap();
        assert_eq!(t.ambil(&t.baris[0], "nama"), "a");
        let g = baca("x.csv", b"kode;;nama\n1;;a\n", &["kode", "nama"], &[]).unwrap_err();
        assert_eq!(g, ["x.csv:1: kolom ke-2 tidak bernama"]);
    }
}

#[cfg(test)]
mod sifat {
    use proptest::prelude::*;

    use super::*;

    const KOLOM: &[&str] = &["kode", "nama", "uraian"];

    /// A cell as the reader gives it back: trimmed, and not Excel's `="…"` text wrapper.
    fn sel() -> impl Strategy<Value = String> {
        any::<String>()
            .prop_map(|s| s.trim().to_string())
            .prop_filter("Excel's text wrapper is unwrapped", |s| {
                !(s.starts_with("=\"") && s.ends_with('"'))
            })
    }

    fn kutip(s: &str) -> String {
        format!("\"{}\"", s.replace('"', "\"\""))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever bytes a file holds, reading it never panics: it is refused or read.
        #[test]
        fn arbitrary_bytes_never_panic(isi in proptest::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(t) = baca("f.csv", &isi, KOLOM, &["kode"]) {
                for b in &t.baris {
                    for k in KOLOM {
                        let _ = t.ambil(b, k);
                    }
                }
            }
        }

        /// Text made of the characters a CSV is made of never panics either.
        #[test]
        fn csv_like_text_never_panics(isi in "(kode|nama|uraian|[;,\t\"\r\n =a\u{feff}é]){0,60}") {
            let _ = baca("f.csv", isi.as_bytes(), KOLOM, &[]);
        }

        /// A table written with every cell quoted (separators, quotes, line breaks inside)
        /// reads back the same cells, whatever the separator and line ending.
        #[test]
        fn a_quoted_table_reads_back_the_same_cells(
            baris in proptest::collection::vec(proptest::collection::vec(sel(), 3), 0..12),
            pemisah in prop::sample::select(vec![";", ",", "\t"]),
            akhir in prop::sample::select(vec!["\n", "\r\n"]),
            bom in any::<bool>(),
        ) {
            let mut teks = String::new();
            if bom {
                teks.push('\u{feff}');
            }
            teks.push_str(&KOLOM.join(pemisah));
            teks.push_str(akhir);
            for b in &baris {
                let sel: Vec<String> = b.iter().map(|s| kutip(s)).collect();
                teks.push_str(&sel.join(pemisah));
                teks.push_str(akhir);
            }
            let t = baca("f.csv", teks.as_bytes(), KOLOM, KOLOM).unwrap();
            prop_assert!(t.galat.is_empty(), "{:?}", t.galat);
            // rows whose cells are all empty are skipped as blank lines
            let harap: Vec<&Vec<String>> =
                baris.iter().filter(|b| b.iter().any(|s| !s.is_empty())).collect();
            let dapat: Vec<Vec<String>> = t
                .baris
                .iter()
                .map(|b| KOLOM.iter().map(|k| t.ambil(b, k).to_string()).collect())
                .collect();
            prop_assert_eq!(dapat.len(), harap.len());
            for (d, h) in dapat.iter().zip(harap) {
                prop_assert_eq!(d, h);
            }
            // line numbers go forward
            prop_assert!(t.baris.windows(2).all(|w| w[0].nomor < w[1].nomor));
        }
    }
}
