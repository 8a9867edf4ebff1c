//! `pantau ekspor rencana` and `pantau ekspor matriks`: every round entered is in the file,
//! read back as a spreadsheet would.

mod common;

use common::*;
use pantau::store::Store;
use pantau::store::monev;
use pantau::store::wilayah::Lingkup;

const HARI_INI: &str = "2026-11-23";

fn baca_csv(berkas: &std::path::Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let isi = std::fs::read(berkas).unwrap();
    assert!(isi.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let teks = String::from_utf8(isi).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(teks.trim_start_matches('\u{feff}').as_bytes());
    let kepala = rdr.headers().unwrap().iter().map(String::from).collect();
    (kepala, rdr.records().map(|r| r.unwrap()).collect())
}

#[test]
fn every_plan_round_is_one_row_of_the_rencana_export() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    // a fourth round with a long text and a semicolon, added as the TUI does
    {
        let mut s = Store::buka(&d.db()).unwrap();
        let r = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 100).unwrap();
        let id = r[0].id;
        s.transaksi(|tx| {
            monev::tambah_putaran(
                tx,
                id,
                &monev::Putaran {
                    tanggal: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
                    kemajuan_persen: Some(100),
                    kemajuan: "Dokumen ditetapkan; salinan diserahkan ke kecamatan".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    }
    let berkas = d.path().join("rencana.csv");
    let o = d.ok(HARI_INI, &["ekspor", "rencana", berkas.to_str().unwrap()]);
    let s = Store::buka(&d.db()).unwrap();
    let rencana = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 100).unwrap();
    let jumlah: usize = rencana.iter().map(|r| r.putaran.len().max(1)).sum();
    assert!(
        teks(&o.stderr).contains(&format!("Pemantauan rencana 2026: {jumlah} baris putaran.")),
        "{}",
        teks(&o.stderr)
    );
    let (kepala, baris) = baca_csv(&berkas);
    assert_eq!(
        kepala,
        [
            "kecamatan",
            "unit",
            "jenis_unit",
            "dokumen",
            "target",
            "selesai",
            "status",
            "keterangan",
            "putaran",
            "tanggal",
            "kemajuan_persen",
            "kemajuan",
            "kendala",
            "tindak_lanjut"
        ]
    );
    assert_eq!(baris.len(), jumlah);
    // every stored round is a row, with its own fields
    for r in &rencana {
        for p in &r.putaran {
            let b = baris
                .iter()
                .find(|b| b[1] == r.unit && b[8] == p.ke.to_string())
                .unwrap_or_else(|| panic!("round {} of {} missing", p.ke, r.unit));
            assert_eq!(&b[0], "35.08.07");
            assert_eq!(
                b[9],
                p.tanggal
                    .map(|t| t.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            );
            assert_eq!(b[11], p.kemajuan);
            assert_eq!(b[12], p.kendala);
        }
    }
    let empat = baris
        .iter()
        .find(|b| b[1] == rencana[0].unit && &b[8] == "4")
        .unwrap();
    assert_eq!(&empat[9], "20/11/2026");
    assert_eq!(&empat[10], "100");
    assert_eq!(
        &empat[11],
        "Dokumen ditetapkan; salinan diserahkan ke kecamatan"
    );
    // the first sample plan is late (target 31/07/2026, not finished)
    assert!(baris.iter().any(|b| &b[6] == "terlambat"), "{baris:?}");
}

#[test]
fn the_rencana_export_refuses_a_name_it_cannot_write() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let berkas = d.path().join("rencana.pdf");
    let o = d.jalan(HARI_INI, &["ekspor", "rencana", berkas.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("ditulis sebagai .xlsx atau .csv"),
        "{}",
        teks(&o.stderr)
    );
    assert!(!berkas.exists());
}

#[test]
fn a_corrected_matrix_round_is_what_the_matriks_export_shows() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    {
        let mut s = Store::buka(&d.db()).unwrap();
        let g = monev::daftar_masalah(s.conn(), Lingkup::Semua, 2026, 0, 100).unwrap()[0].kegiatan
            [0]
        .clone();
        let mut p = g.putaran[1].clone();
        p.kendala = "Hujan deras; rapat diundur".into();
        s.transaksi(|tx| monev::simpan_putaran_matriks(tx, g.id, 2, &p))
            .unwrap();
        let p3 = g.putaran[2].clone();
        s.transaksi(|tx| monev::hapus_putaran_matriks(tx, p3.id, p3.versi))
            .unwrap();
    }
    let berkas = d.path().join("matriks.csv");
    d.ok(HARI_INI, &["ekspor", "matriks", berkas.to_str().unwrap()]);
    let (kepala, baris) = baca_csv(&berkas);
    let kol = |n: &str| kepala.iter().position(|k| k == n).unwrap();
    assert_eq!(
        &baris[0][kol("putaran_2_kendala")],
        "Hujan deras; rapat diundur"
    );
    assert_eq!(&baris[0][kol("putaran_3_tanggal")], "");
    assert_eq!(&baris[0][kol("putaran_3_kemajuan")], "");
    assert_eq!(&baris[1][kol("putaran_3_tanggal")], "16/11/2026");
}
