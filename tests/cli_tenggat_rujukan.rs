//! Issue 12, "checked by": an independent reference of the deadline rules, written here from
//! the rules as the README states them (its own calendar, its own reading of
//! `data/hari_libur.csv`, its own working-day count, month addition and fixed days), compared
//! with the real binary on days chosen at the edges: an event the day before a holiday, a
//! deadline on a holiday or a weekend, the year end 2025→2026, the Idulfitri breaks of 2024 and
//! 2026, a count into 2027 (no days off loaded: an estimate), month ends and a leap year.
//! For every "today" the items `cek --json` lists must be exactly the items the reference
//! expects, with the same deadline, days, status, actor and estimate mark; recorded dates are
//! checked through `ekspor status`. Nothing of pantau's library is used here.

mod common;

use std::collections::{BTreeSet, HashSet};

use common::*;

// ---------------------------------------------------------------------------------------------
// A calendar of its own: a day is its number since 01/01/1970 (H. Hinnant's civil algorithms).

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
struct Hari(i64);

impl Hari {
    fn ymd(y: i64, m: i64, d: i64) -> Hari {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Hari(era * 146_097 + doe - 719_468)
    }

    fn pecah(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// `YYYY-MM-DD`
    fn iso(s: &str) -> Hari {
        let b: Vec<i64> = s.split('-').map(|x| x.parse().expect(s)).collect();
        assert_eq!(b.len(), 3, "{s}");
        let h = Hari::ymd(b[0], b[1], b[2]);
        assert_eq!(h.pecah(), (b[0], b[1], b[2]), "not a day: {s}");
        h
    }

    fn tahun(self) -> i64 {
        self.pecah().0
    }

    fn plus(self, n: i64) -> Hari {
        Hari(self.0 + n)
    }

    /// 0 = Monday … 6 = Sunday (01/01/1970 was a Thursday).
    fn hari_pekan(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    fn teks_iso(self) -> String {
        let (y, m, d) = self.pecah();
        format!("{y:04}-{m:02}-{d:02}")
    }

    fn dmy(self) -> String {
        let (y, m, d) = self.pecah();
        format!("{d:02}/{m:02}/{y:04}")
    }
}

fn panjang_bulan(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A day of a month; past the month's end, the month's last day.
fn hari_terpotong(y: i64, m: i64, d: i64) -> Hari {
    Hari::ymd(y, m, d.min(panjang_bulan(y, m)))
}

fn tambah_bulan(h: Hari, n: i64) -> Hari {
    let (y, m, d) = h.pecah();
    let i = y * 12 + (m - 1) + n;
    hari_terpotong(i.div_euclid(12), i.rem_euclid(12) + 1, d)
}

// ---------------------------------------------------------------------------------------------
// Days off, read from the shipped file by this test itself.

struct Libur {
    hari: HashSet<Hari>,
    tahun: BTreeSet<i64>,
}

impl Libur {
    fn muat() -> Libur {
        let isi =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/hari_libur.csv"))
                .expect("data/hari_libur.csv");
        let mut hari = HashSet::new();
        let mut tahun = BTreeSet::new();
        let mut kepala = false;
        for baris in isi.lines() {
            let b = baris.trim_start_matches('\u{feff}').trim();
            if b.is_empty() || b.starts_with('#') {
                continue;
            }
            if !kepala {
                assert_eq!(b, "tanggal;nama;jenis;dasar");
                kepala = true;
                continue;
            }
            let h = Hari::iso(b.split(';').next().unwrap());
            hari.insert(h);
            tahun.insert(h.tahun());
        }
        Libur { hari, tahun }
    }

    fn kerja(&self, h: Hari) -> bool {
        h.hari_pekan() < 5 && !self.hari.contains(&h)
    }

    /// The N-th working day after `awal` (counted from the day after), and whether the count
    /// passed through a year with no days off loaded.
    fn sesudah(&self, awal: Hari, n: i64) -> (Hari, bool) {
        let (mut h, mut sisa, mut kira) = (awal, n, false);
        while sisa > 0 {
            h = h.plus(1);
            kira |= !self.tahun.contains(&h.tahun());
            if self.kerja(h) {
                sisa -= 1;
            }
        }
        (h, kira)
    }
}

// ---------------------------------------------------------------------------------------------
// The rules, as a table (README "Kalender camat").

#[derive(Clone, Copy, Debug, PartialEq)]
enum Dari {
    Jenis(&'static str),
    PerluPerbaikan,
    Pelantikan,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Satuan {
    Hari,
    Bulan,
    HariKerja,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Bentuk {
    /// the day `hari` of month `bulan` of the year TA + `geser`
    Tetap { geser: i64, bulan: i64, hari: i64 },
    /// `jumlah` `satuan` after the event
    Setelah {
        dari: Dari,
        jumlah: i64,
        satuan: Satuan,
    },
}

#[derive(Clone, Copy, Debug)]
struct Aturan {
    kode: &'static str,
    pelaku: &'static str,
    bentuk: Bentuk,
}

const fn tetap(kode: &'static str, geser: i64, bulan: i64, hari: i64) -> Aturan {
    Aturan {
        kode,
        pelaku: "desa",
        bentuk: Bentuk::Tetap { geser, bulan, hari },
    }
}

const fn setelah(
    kode: &'static str,
    pelaku: &'static str,
    dari: Dari,
    jumlah: i64,
    satuan: Satuan,
) -> Aturan {
    Aturan {
        kode,
        pelaku,
        bentuk: Bentuk::Setelah {
            dari,
            jumlah,
            satuan,
        },
    }
}

/// In the order of the columns of `ekspor status`.
const ATURAN: [Aturan; 10] = [
    tetap("RKPDes", -1, 9, 30),
    tetap("APBDes", -1, 12, 31),
    tetap("LPPDes", 1, 3, 31),
    tetap("SepakatBPD", -1, 10, 31),
    setelah(
        "RAPBDes",
        "desa",
        Dari::Jenis("SepakatBPD"),
        3,
        Satuan::Hari,
    ),
    setelah(
        "EvalAPBDes",
        "camat",
        Dari::Jenis("RAPBDes"),
        20,
        Satuan::HariKerja,
    ),
    setelah(
        "PerbRAPBDes",
        "desa",
        Dari::PerluPerbaikan,
        20,
        Satuan::HariKerja,
    ),
    tetap("LapSemI", 0, 7, 14),
    tetap("LPJAPBDes", 1, 3, 31),
    setelah("RPJMDes", "desa", Dari::Pelantikan, 3, Satuan::Bulan),
];

const DESA: [&str; 3] = [ALPHA, BETA, GAMMA];

// ---------------------------------------------------------------------------------------------
// The reference: what the office recorded, and what follows from it on a given day.

#[derive(Clone, Debug)]
struct Entri {
    desa: &'static str,
    jenis: &'static str,
    ta: i64,
    tanggal: Hari,
    /// `sesuai` | `perlu perbaikan` (evaluations only)
    hasil: &'static str,
}

/// One item of `cek --json`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Butir {
    desa: String,
    jenis: String,
    ta: i64,
    tenggat: String,
    hari: i64,
    status: String,
    pelaku: String,
    perkiraan: bool,
}

struct Rujukan {
    libur: Libur,
    aturan: Vec<Aturan>,
    entri: Vec<Entri>,
    pelantikan: Vec<(&'static str, Hari)>,
    tahun_awal: i64,
}

impl Rujukan {
    fn new(tahun_awal: i64) -> Rujukan {
        Rujukan {
            libur: Libur::muat(),
            aturan: ATURAN.to_vec(),
            entri: Vec::new(),
            pelantikan: Vec::new(),
            tahun_awal,
        }
    }

    fn aturan(&self, kode: &str) -> Aturan {
        *self.aturan.iter().find(|a| a.kode == kode).expect(kode)
    }

    fn entri(&self, desa: &str, jenis: &str, ta: i64) -> Option<&Entri> {
        self.entri
            .iter()
            .rev()
            .find(|e| e.desa == desa && e.jenis == jenis && e.ta == ta)
    }

    /// The deadline and its estimate mark; `None` while the event is not recorded.
    fn tenggat(&self, a: &Aturan, desa: &str, ta: i64) -> Option<(Hari, bool)> {
        match a.bentuk {
            Bentuk::Tetap { geser, bulan, hari } => {
                Some((hari_terpotong(ta + geser, bulan, hari), false))
            }
            Bentuk::Setelah {
                dari,
                jumlah,
                satuan,
            } => {
                let awal = match dari {
                    Dari::Jenis(k) => self.entri(desa, k, ta)?.tanggal,
                    Dari::PerluPerbaikan => {
                        let e = self.entri(desa, "EvalAPBDes", ta)?;
                        if e.hasil != "perlu perbaikan" {
                            return None;
                        }
                        e.tanggal
                    }
                    Dari::Pelantikan => {
                        let mut p = self
                            .pelantikan
                            .iter()
                            .filter(|(d, h)| *d == desa && h.tahun() == ta);
                        let h = p.next()?.1;
                        assert!(p.next().is_none(), "one inauguration a year in these tests");
                        h
                    }
                };
                Some(match satuan {
                    Satuan::Hari => (awal.plus(jumlah), false),
                    Satuan::Bulan => (tambah_bulan(awal, jumlah), false),
                    Satuan::HariKerja => self.libur.sesudah(awal, jumlah),
                })
            }
        }
    }

    fn status(tanggal: Option<Hari>, tenggat: Hari, hari_ini: Hari, jendela: i64) -> &'static str {
        match tanggal {
            Some(t) if t <= tenggat => "tepat_waktu",
            Some(_) => "terlambat",
            None if hari_ini > tenggat => "lewat_tenggat",
            None if tenggat.plus(-jendela) <= hari_ini => "mendekati_tenggat",
            None => "belum_jatuh_tempo",
        }
    }

    /// Every item `cek --json --hari jendela` must list on `hari_ini`.
    fn cek(&self, hari_ini: Hari, jendela: i64) -> BTreeSet<Butir> {
        let mut s = BTreeSet::new();
        for desa in DESA {
            for a in &self.aturan {
                for ta in self.tahun_awal..=hari_ini.tahun() + 1 {
                    if self.entri(desa, a.kode, ta).is_some() {
                        continue;
                    }
                    let Some((t, kira)) = self.tenggat(a, desa, ta) else {
                        continue;
                    };
                    if t > hari_ini.plus(jendela) {
                        continue;
                    }
                    s.insert(Butir {
                        desa: desa.into(),
                        jenis: a.kode.into(),
                        ta,
                        tenggat: t.teks_iso(),
                        hari: t.0 - hari_ini.0,
                        status: Rujukan::status(None, t, hari_ini, jendela).into(),
                        pelaku: a.pelaku.into(),
                        perkiraan: kira,
                    });
                }
            }
        }
        s
    }

    /// The status words of one desa's row of `ekspor status --tahun ta` (window 30 days).
    fn baris_status(&self, desa: &str, ta: i64, hari_ini: Hari) -> Vec<String> {
        self.aturan
            .iter()
            .map(|a| {
                let tgl = self.entri(desa, a.kode, ta).map(|e| e.tanggal);
                match self.tenggat(a, desa, ta) {
                    Some((t, _)) => Rujukan::status(tgl, t, hari_ini, 30).replace('_', " "),
                    None if tgl.is_some() => "tercatat".into(),
                    None => "menunggu".into(),
                }
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The real binary next to the reference.

struct Uji {
    d: Dunia,
    r: Rujukan,
    /// the latest day an entry or inauguration is dated: the days compared are not before it
    /// (an import refuses a date after "today", so a day before a record is not one the
    /// office can see in use; the reference does not model it)
    terakhir: Hari,
    cek: usize,
    butir: usize,
    ekspor: usize,
}

impl Uji {
    fn new(tahun_awal: i64) -> Uji {
        let d = Dunia::sukamaju_lengkap("2026-12-02");
        d.ok(
            "2026-12-02",
            &["atur", "tahun-awal", &tahun_awal.to_string()],
        );
        Uji {
            d,
            r: Rujukan::new(tahun_awal),
            terakhir: Hari::iso("1970-01-01"),
            cek: 0,
            butir: 0,
            ekspor: 0,
        }
    }

    /// Records documents `(desa, jenis, TA, YYYY-MM-DD, hasil)` in pantau (one import, on the
    /// latest of their days) and in the reference.
    fn dokumen(&mut self, baris: &[(&'static str, &'static str, i64, &str, &'static str)]) {
        let mut csv =
            String::from("kode_desa;jenis;tahun_anggaran;tanggal;nomor;keterangan;hasil\n");
        let mut akhir = self.terakhir;
        for &(desa, jenis, ta, tgl, hasil) in baris {
            let h = Hari::iso(tgl);
            akhir = akhir.max(h);
            csv.push_str(&format!("{desa};{jenis};{ta};{};;;{hasil}\n", h.dmy()));
            self.r.entri.push(Entri {
                desa,
                jenis,
                ta,
                tanggal: h,
                hasil,
            });
        }
        self.terakhir = akhir;
        self.d
            .impor(&akhir.teks_iso(), "dokumen", "dokumen.csv", &csv);
    }

    /// Inaugurations `(desa, YYYY-MM-DD)`.
    fn kades(&mut self, baris: &[(&'static str, &str)]) {
        let mut csv = String::from("kode_desa;nama;dilantik\n");
        for &(desa, tgl) in baris {
            let h = Hari::iso(tgl);
            self.terakhir = self.terakhir.max(h);
            csv.push_str(&format!("{desa};Kepala {desa};{}\n", h.dmy()));
            self.r.pelantikan.push((desa, h));
        }
        self.d
            .impor(&self.terakhir.teks_iso(), "kepala-desa", "kades.csv", &csv);
    }

    /// The reference's deadline of one kind (it must have one).
    fn tenggat(&self, jenis: &str, desa: &str, ta: i64) -> (Hari, bool) {
        self.r
            .tenggat(&self.r.aturan(jenis), desa, ta)
            .unwrap_or_else(|| panic!("{jenis} {desa} {ta}: no deadline"))
    }

    /// `cek --json --hari jendela` on `hari_ini`: exactly the reference's items.
    fn banding(&mut self, hari_ini: Hari, jendela: i64) {
        assert!(hari_ini >= self.terakhir, "{hari_ini:?}");
        let (cek, _) = self
            .d
            .cek_json(&hari_ini.teks_iso(), &["--hari", &jendela.to_string()]);
        let dapat: BTreeSet<Butir> = cek["dokumen"]
            .as_array()
            .expect("dokumen")
            .iter()
            .map(|i| Butir {
                desa: i["kode_desa"].as_str().unwrap().into(),
                jenis: i["jenis"].as_str().unwrap().into(),
                ta: i["tahun_anggaran"].as_i64().unwrap(),
                tenggat: i["tenggat"].as_str().unwrap().into(),
                hari: i["hari"].as_i64().unwrap(),
                status: i["status"].as_str().unwrap().into(),
                pelaku: i["pelaku"].as_str().unwrap().into(),
                perkiraan: i["perkiraan"].as_bool().unwrap(),
            })
            .collect();
        assert_eq!(
            cek["dokumen"].as_array().unwrap().len(),
            dapat.len(),
            "an item listed twice on {}",
            hari_ini.teks_iso()
        );
        let harap = self.r.cek(hari_ini, jendela);
        let lebih: Vec<_> = dapat.difference(&harap).collect();
        let kurang: Vec<_> = harap.difference(&dapat).collect();
        assert!(
            lebih.is_empty() && kurang.is_empty(),
            "cek --json --hari {jendela} on {}:\nlisted by pantau, not by the reference: \
             {lebih:#?}\nexpected by the reference, not listed: {kurang:#?}",
            hari_ini.teks_iso()
        );
        self.cek += 1;
        self.butir += harap.len();
    }

    /// D−1, D and D+1, each with the windows 0, 1 and 30 days.
    fn sekitar(&mut self, d: Hari) {
        for h in [d.plus(-1), d, d.plus(1)] {
            for j in [0, 1, 30] {
                self.banding(h, j);
            }
        }
    }

    /// Every event-counted deadline of the reference (any TA from the first tracked year to
    /// 2028), each at D−1, D, D+1 (those not before the last recorded day) with the windows 0,
    /// 1 and 30; the number of deadlines checked on all three days.
    fn semua_sekitar(&mut self) -> usize {
        let mut dd = BTreeSet::new();
        for desa in DESA {
            for a in &self.r.aturan {
                if matches!(a.bentuk, Bentuk::Tetap { .. }) {
                    continue;
                }
                for ta in self.r.tahun_awal..=2028 {
                    if let Some((t, _)) = self.r.tenggat(a, desa, ta) {
                        dd.insert(t);
                    }
                }
            }
        }
        let mut penuh = 0;
        for &t in &dd {
            if t.plus(-1) >= self.terakhir {
                penuh += 1;
            }
            for h in [t.plus(-1), t, t.plus(1)] {
                if h >= self.terakhir {
                    for j in [0, 1, 30] {
                        self.banding(h, j);
                    }
                }
            }
        }
        penuh
    }

    /// The status words of `ekspor status --tahun ta` on `hari_ini`: the reference's.
    fn banding_ekspor(&mut self, hari_ini: Hari, ta: i64) {
        assert!(hari_ini >= self.terakhir);
        let hari = hari_ini.teks_iso();
        self.d.ok(
            &hari,
            &["ekspor", "status", "status.csv", "--tahun", &ta.to_string()],
        );
        let isi = std::fs::read_to_string(self.d.path().join("status.csv")).unwrap();
        let isi = isi.strip_prefix('\u{feff}').expect("BOM");
        let mut baris = isi.lines();
        let kepala: Vec<&str> = baris.next().unwrap().split(';').collect();
        let kolom: Vec<usize> = self
            .r
            .aturan
            .iter()
            .map(|a| {
                let nama = format!("{}_status", a.kode.to_lowercase());
                kepala
                    .iter()
                    .position(|k| *k == nama)
                    .unwrap_or_else(|| panic!("{nama} not in {kepala:?}"))
            })
            .collect();
        let mut n = 0;
        for b in baris {
            let sel: Vec<&str> = b.split(';').collect();
            let desa = *DESA.iter().find(|d| **d == sel[1]).expect(sel[1]);
            let dapat: Vec<String> = kolom.iter().map(|&k| sel[k].to_string()).collect();
            let harap = self.r.baris_status(desa, ta, hari_ini);
            let kode: Vec<&str> = self.r.aturan.iter().map(|a| a.kode).collect();
            assert_eq!(
                dapat, harap,
                "ekspor status --tahun {ta} on {hari}, desa {desa}, kinds {kode:?}"
            );
            n += 1;
            self.ekspor += harap.len();
        }
        assert_eq!(n, 3, "{isi}");
    }

    /// The reference's word for one kind in the `ekspor status` row of a desa.
    fn kata(&self, desa: &str, jenis: &str, ta: i64, hari_ini: Hari) -> String {
        let i = self
            .r
            .aturan
            .iter()
            .position(|a| a.kode == jenis)
            .expect(jenis);
        self.r.baris_status(desa, ta, hari_ini).swap_remove(i)
    }

    fn lapor(&self, nama: &str) {
        // figures for the report (shown with --nocapture)
        eprintln!(
            "{nama}: {} cek runs, {} items compared, {} ekspor status cells",
            self.cek, self.butir, self.ekspor
        );
    }
}

fn h(s: &str) -> Hari {
    Hari::iso(s)
}

// ---------------------------------------------------------------------------------------------
// The reference against hand counts (so that the reference itself is checked).

#[test]
fn the_reference_counts_as_worked_out_by_hand() {
    let l = Libur::muat();
    assert_eq!(l.tahun, BTreeSet::from([2024, 2025, 2026]));
    assert_eq!(h("2026-12-02").hari_pekan(), 2, "Wednesday");
    assert_eq!(h("2024-02-29").plus(1), h("2024-03-01"));
    // 24/12/2025 (the day before Christmas): 25, 26/12 off, 01/01 and 16/01/2026 off
    assert_eq!(l.sesudah(h("2025-12-24"), 20), (h("2026-01-27"), false));
    assert_eq!(l.sesudah(h("2025-12-24"), 1), (h("2025-12-29"), false));
    // 17/03/2026: 18–24/03 off (Nyepi, Idulfitri and their cuti bersama), 03/04 Good Friday
    assert_eq!(l.sesudah(h("2026-03-17"), 1), (h("2026-03-25"), false));
    assert_eq!(l.sesudah(h("2026-03-17"), 20), (h("2026-04-22"), false));
    // 05/04/2024: 08–12 and 15/04 off
    assert_eq!(l.sesudah(h("2024-04-05"), 1), (h("2024-04-16"), false));
    assert_eq!(l.sesudah(h("2024-04-05"), 20), (h("2024-05-16"), false));
    // 10/12/2026: 24, 25/12 off, then 2027 with weekends only (01/01/2027 is a Friday)
    assert_eq!(l.sesudah(h("2026-12-10"), 20), (h("2027-01-11"), true));
    assert_eq!(l.sesudah(h("2026-12-10"), 13), (h("2026-12-31"), false));
    assert_eq!(l.sesudah(h("2026-12-10"), 14), (h("2027-01-01"), true));
    // months
    assert_eq!(tambah_bulan(h("2023-11-30"), 3), h("2024-02-29"));
    assert_eq!(tambah_bulan(h("2025-11-30"), 3), h("2026-02-28"));
    assert_eq!(tambah_bulan(h("2026-05-31"), 3), h("2026-08-31"));
    assert_eq!(tambah_bulan(h("2026-11-30"), 3), h("2027-02-28"));
    assert_eq!(hari_terpotong(2026, 2, 31), h("2026-02-28"));
}

// ---------------------------------------------------------------------------------------------
// pantau against the reference.

/// A world with one import of documents.
fn dunia(tahun_awal: i64, baris: &[(&'static str, &'static str, i64, &str, &'static str)]) -> Uji {
    let mut u = Uji::new(tahun_awal);
    u.dokumen(baris);
    u
}

#[test]
fn working_days_across_christmas_and_the_year_end_2025_2026() {
    let mut u = dunia(
        2025,
        &[
            // Alpha's draft received on 24/12/2025, the day before Christmas
            (ALPHA, "SepakatBPD", 2026, "2025-12-22", ""),
            (ALPHA, "RAPBDes", 2026, "2025-12-24", ""),
            // Beta's draft received on Friday 19/12/2025
            (BETA, "SepakatBPD", 2026, "2025-12-17", ""),
            (BETA, "RAPBDes", 2026, "2025-12-19", ""),
        ],
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", ALPHA, 2026),
        (h("2026-01-27"), false)
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", BETA, 2026),
        (h("2026-01-22"), false)
    );
    // and Alpha's draft, due on 25/12/2025 (recorded the day before)
    assert_eq!(u.semua_sekitar(), 3);
    for hari in [
        "2025-12-24",
        "2025-12-26",
        "2025-12-31",
        "2026-01-01",
        "2026-01-02",
    ] {
        u.banding(h(hari), 30);
    }
    u.lapor("christmas");
}

#[test]
fn three_calendar_days_across_a_holiday_a_month_end_and_the_year_end() {
    for (desa, ta, sepakat, rapbdes) in [
        // + 3 = Christmas Day: calendar days do not skip days off
        (ALPHA, 2026, "2025-12-22", "2025-12-25"),
        // + 3 = 01/01/2026, a holiday in the next year
        (BETA, 2026, "2025-12-29", "2026-01-01"),
        // + 3 = Sunday 01/11/2026, across a 31-day month
        (GAMMA, 2027, "2026-10-29", "2026-11-01"),
        // across a 30-day month
        (ALPHA, 2026, "2025-11-28", "2025-12-01"),
        // across a leap February
        (BETA, 2024, "2024-02-27", "2024-03-01"),
        // across a common February
        (GAMMA, 2025, "2025-02-26", "2025-03-01"),
    ] {
        let mut u = dunia(2024, &[(desa, "SepakatBPD", ta, sepakat, "")]);
        assert_eq!(u.tenggat("RAPBDes", desa, ta), (h(rapbdes), false));
        assert_eq!(u.semua_sekitar(), 1);
        u.lapor(&format!("3 days after {sepakat}"));
    }
}

#[test]
fn the_long_idulfitri_break_of_march_2026_and_the_correction_only_after_perlu_perbaikan() {
    let mut u = dunia(
        2026,
        &[
            // received on Tuesday 17/03/2026, the day before seven days off (18–24/03)
            (ALPHA, "SepakatBPD", 2026, "2026-03-14", ""),
            (ALPHA, "RAPBDes", 2026, "2026-03-17", ""),
            // evaluated on 06/03/2026: Beta must correct, Gamma need not
            (BETA, "RAPBDes", 2026, "2026-02-20", ""),
            (BETA, "EvalAPBDes", 2026, "2026-03-06", "perlu perbaikan"),
            (GAMMA, "RAPBDes", 2026, "2026-02-20", ""),
            (GAMMA, "EvalAPBDes", 2026, "2026-03-06", "sesuai"),
        ],
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", ALPHA, 2026),
        (h("2026-04-22"), false)
    );
    assert_eq!(
        u.tenggat("PerbRAPBDes", BETA, 2026),
        (h("2026-04-13"), false)
    );
    assert!(
        u.r.tenggat(&u.r.aturan("PerbRAPBDes"), GAMMA, 2026)
            .is_none()
    );
    // and Beta's and Gamma's evaluations, due on 27/03/2026 (recorded before)
    assert_eq!(
        u.tenggat("EvalAPBDes", GAMMA, 2026),
        (h("2026-03-27"), false)
    );
    assert_eq!(u.semua_sekitar(), 3);
    for hari in ["2026-03-17", "2026-03-18", "2026-03-24", "2026-03-25"] {
        u.banding(h(hari), 30);
    }
    for hari in ["2026-03-17", "2026-04-13", "2026-04-14"] {
        u.banding_ekspor(h(hari), 2026);
    }
    assert_eq!(
        u.kata(BETA, "PerbRAPBDes", 2026, h("2026-04-14")),
        "lewat tenggat"
    );
    assert_eq!(
        u.kata(GAMMA, "PerbRAPBDes", 2026, h("2026-04-14")),
        "menunggu"
    );
    // the evaluation is corrected to `sesuai`: no corrected draft is due any more
    u.dokumen(&[(BETA, "EvalAPBDes", 2026, "2026-03-06", "sesuai")]);
    u.banding(h("2026-04-14"), 30);
    u.banding_ekspor(h("2026-04-14"), 2026);
    assert_eq!(
        u.kata(BETA, "PerbRAPBDes", 2026, h("2026-04-14")),
        "menunggu"
    );
    u.lapor("idulfitri 2026");
}

#[test]
fn the_idulfitri_break_of_april_2024() {
    let mut u = dunia(
        2024,
        &[
            // received on Friday 05/04/2024; 08–12 and 15/04 are off
            (ALPHA, "RAPBDes", 2024, "2024-04-05", ""),
            // evaluated on Thursday 28/03/2024, before Good Friday and the break
            (BETA, "RAPBDes", 2024, "2024-03-04", ""),
            (BETA, "EvalAPBDes", 2024, "2024-03-28", "perlu perbaikan"),
        ],
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", ALPHA, 2024),
        (h("2024-05-16"), false)
    );
    assert_eq!(
        u.tenggat("PerbRAPBDes", BETA, 2024),
        (h("2024-05-07"), false)
    );
    assert_eq!(u.semua_sekitar(), 2);
    u.banding(h("2024-04-07"), 30);
    u.banding(h("2024-04-16"), 30);
    u.lapor("idulfitri 2024");
}

#[test]
fn a_count_from_december_2026_into_2027_is_an_estimate_of_weekends_only() {
    let mut u = dunia(
        2026,
        &[
            (ALPHA, "RAPBDes", 2027, "2026-12-10", ""),
            // from 01/12/2026 the 20th working day is 31/12/2026: no estimate
            (BETA, "RAPBDes", 2027, "2026-12-01", ""),
            (GAMMA, "RAPBDes", 2027, "2026-12-11", ""),
        ],
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", ALPHA, 2027),
        (h("2027-01-11"), true)
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", BETA, 2027),
        (h("2026-12-31"), false)
    );
    assert_eq!(
        u.tenggat("EvalAPBDes", GAMMA, 2027),
        (h("2027-01-12"), true)
    );
    assert_eq!(u.semua_sekitar(), 3);
    u.lapor("2027");
}

#[test]
fn the_rpjmdes_three_months_after_an_inauguration_at_month_ends_and_in_a_leap_year() {
    for (desa, dilantik, tenggat) in [
        (ALPHA, "2023-11-30", "2024-02-29"),
        (BETA, "2025-11-30", "2026-02-28"),
        (GAMMA, "2026-05-31", "2026-08-31"),
        (ALPHA, "2026-11-30", "2027-02-28"),
    ] {
        let mut u = Uji::new(2023);
        u.kades(&[(desa, dilantik)]);
        let ta = h(dilantik).tahun();
        assert_eq!(u.tenggat("RPJMDes", desa, ta), (h(tenggat), false));
        assert_eq!(u.semua_sekitar(), 1);
        u.lapor(&format!("RPJMDes after {dilantik}"));
    }
}

#[test]
fn the_fixed_days_at_their_edges() {
    let mut u = Uji::new(2024);
    // LapSemI 14/07 (2024: a Sunday), LPJAPBDes and LPPDes 31/03, SepakatBPD 31/10 (2026: a
    // Saturday), APBDes 31/12, RKPDes 30/09, over 2024–2027
    for y in 2024..=2027 {
        for (m, d) in [(7, 14), (3, 31), (10, 31), (12, 31), (9, 30)] {
            u.sekitar(Hari::ymd(y, m, d));
        }
    }
    // and the turn of each year, when the tracked years grow by one
    for y in 2025..=2027 {
        u.banding(Hari::ymd(y - 1, 12, 31), 0);
        u.banding(Hari::ymd(y, 1, 1), 0);
    }
    u.lapor("fixed days");
}

#[test]
fn recorded_on_the_deadline_is_on_time_one_day_later_is_late() {
    let mut u = dunia(
        2025,
        &[
            // the BPD's agreement of TA 2026 (by 31/10/2025): Alpha on the day, Beta a day late
            (ALPHA, "SepakatBPD", 2026, "2025-10-31", ""),
            (BETA, "SepakatBPD", 2026, "2025-11-01", ""),
            (GAMMA, "SepakatBPD", 2026, "2025-12-22", ""),
            // the draft: Alpha on 03/11 (31/10 + 3), Beta on 05/11 (01/11 + 3 = 04/11: late),
            // Gamma on 25/12 (22/12 + 3, Christmas Day)
            (ALPHA, "RAPBDes", 2026, "2025-11-03", ""),
            (BETA, "RAPBDes", 2026, "2025-11-05", ""),
            (GAMMA, "RAPBDes", 2026, "2025-12-25", ""),
        ],
    );
    let hari = h("2025-12-25");
    u.banding_ekspor(hari, 2026);
    for (desa, jenis, kata) in [
        (ALPHA, "SepakatBPD", "tepat waktu"),
        (BETA, "SepakatBPD", "terlambat"),
        (ALPHA, "RAPBDes", "tepat waktu"),
        (BETA, "RAPBDes", "terlambat"),
        (GAMMA, "RAPBDes", "tepat waktu"),
    ] {
        assert_eq!(u.kata(desa, jenis, 2026, hari), kata, "{desa} {jenis}");
    }
    let eval_a = u.tenggat("EvalAPBDes", ALPHA, 2026).0;
    let eval_b = u.tenggat("EvalAPBDes", BETA, 2026).0;
    assert_eq!(eval_a, h("2025-12-01"));
    assert_eq!(eval_b, h("2025-12-03"));
    assert_eq!(u.tenggat("EvalAPBDes", GAMMA, 2026).0, h("2026-01-27"));
    // the camat evaluates Alpha's on the deadline, Beta's a day after, Gamma's a day after
    // (28/01/2026)
    u.dokumen(&[
        (
            ALPHA,
            "EvalAPBDes",
            2026,
            &eval_a.teks_iso(),
            "perlu perbaikan",
        ),
        (
            BETA,
            "EvalAPBDes",
            2026,
            &eval_b.plus(1).teks_iso(),
            "perlu perbaikan",
        ),
        (GAMMA, "EvalAPBDes", 2026, "2026-01-28", "sesuai"),
    ]);
    let hari = h("2026-01-28");
    u.banding_ekspor(hari, 2026);
    assert_eq!(u.kata(ALPHA, "EvalAPBDes", 2026, hari), "tepat waktu");
    assert_eq!(u.kata(BETA, "EvalAPBDes", 2026, hari), "terlambat");
    assert_eq!(u.kata(GAMMA, "EvalAPBDes", 2026, hari), "terlambat");
    // the corrections (20 working days after 01/12/2025 and 04/12/2025): Alpha's on its
    // deadline, Beta's a day after
    let perb_a = u.tenggat("PerbRAPBDes", ALPHA, 2026).0;
    let perb_b = u.tenggat("PerbRAPBDes", BETA, 2026).0;
    assert_eq!(perb_a, h("2025-12-31"));
    assert_eq!(perb_b, h("2026-01-06"));
    u.dokumen(&[
        (ALPHA, "PerbRAPBDes", 2026, &perb_a.teks_iso(), ""),
        (BETA, "PerbRAPBDes", 2026, &perb_b.plus(1).teks_iso(), ""),
    ]);
    u.banding_ekspor(hari, 2026);
    assert_eq!(u.kata(ALPHA, "PerbRAPBDes", 2026, hari), "tepat waktu");
    assert_eq!(u.kata(BETA, "PerbRAPBDes", 2026, hari), "terlambat");
    // no deadline (the evaluation found it in order), but a date: recorded
    u.dokumen(&[(GAMMA, "PerbRAPBDes", 2026, "2026-01-28", "")]);
    u.banding_ekspor(hari, 2026);
    assert_eq!(u.kata(GAMMA, "PerbRAPBDes", 2026, hari), "tercatat");
    u.banding(hari, 30);
    // fixed days: LapSemI on 14/07 and 15/07, LPJAPBDes on 31/03 and 01/04, SepakatBPD on
    // 31/10 and 01/11 (TA 2027)
    let mut v = dunia(
        2025,
        &[
            (ALPHA, "LapSemI", 2026, "2026-07-14", ""),
            (BETA, "LapSemI", 2026, "2026-07-15", ""),
            (ALPHA, "LPJAPBDes", 2025, "2026-03-31", ""),
            (BETA, "LPJAPBDes", 2025, "2026-04-01", ""),
            (ALPHA, "SepakatBPD", 2027, "2026-10-31", ""),
            (BETA, "SepakatBPD", 2027, "2026-11-01", ""),
        ],
    );
    let hari = h("2026-11-01");
    for ta in [2025, 2026, 2027] {
        v.banding_ekspor(hari, ta);
    }
    for (jenis, ta) in [("LapSemI", 2026), ("LPJAPBDes", 2025), ("SepakatBPD", 2027)] {
        assert_eq!(v.kata(ALPHA, jenis, ta, hari), "tepat waktu", "{jenis}");
        assert_eq!(v.kata(BETA, jenis, ta, hari), "terlambat", "{jenis}");
    }
    v.banding(hari, 30);
    u.lapor("recorded a");
    v.lapor("recorded b");
}

#[test]
fn a_changed_rule_is_counted_by_the_reference_with_the_new_figure() {
    for (rapbdes, dua_puluh, lima_belas, kira) in [
        ("2025-12-24", "2026-01-27", "2026-01-20", false),
        ("2026-03-17", "2026-04-22", "2026-04-15", false),
        ("2024-04-05", "2024-05-16", "2024-05-07", false),
        ("2026-12-10", "2027-01-11", "2027-01-04", true),
    ] {
        let ta = h(rapbdes).tahun() + 1;
        let mut u = dunia(2024, &[(ALPHA, "RAPBDes", ta, rapbdes, "")]);
        assert_eq!(u.tenggat("EvalAPBDes", ALPHA, ta), (h(dua_puluh), kira));
        assert_eq!(u.semua_sekitar(), 1);
        let o = u.d.ok(
            &u.terakhir.teks_iso(),
            &["atur", "tenggat", "EvalAPBDes", "--jumlah", "15"],
        );
        assert!(
            teks(&o.stdout).contains("15 hari kerja sesudah RAPBDes"),
            "{}",
            teks(&o.stdout)
        );
        for a in u.r.aturan.iter_mut().filter(|a| a.kode == "EvalAPBDes") {
            a.bentuk = Bentuk::Setelah {
                dari: Dari::Jenis("RAPBDes"),
                jumlah: 15,
                satuan: Satuan::HariKerja,
            };
        }
        assert_eq!(u.tenggat("EvalAPBDes", ALPHA, ta), (h(lima_belas), kira));
        assert_eq!(u.semua_sekitar(), 1);
        u.banding_ekspor(h(lima_belas), ta);
        u.banding_ekspor(h(lima_belas).plus(1), ta);
        u.lapor(&format!("rule 15 after {rapbdes}"));
    }
}
