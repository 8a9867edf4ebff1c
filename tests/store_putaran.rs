//! Rounds of the Monev plans and matrix, IKM answers and schedule occurrences: corrected and
//! deleted only as they were read (by version), every change in the audit log with what was
//! removed.

use chrono::NaiveDate;
use pantau::store::contoh;
use pantau::store::kegiatan;
use pantau::store::monev::{self, Putaran};
use pantau::store::wilayah::Lingkup;
use pantau::store::{Galat, Store, ikm};

fn d(y: i32, m: u32, h: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, h).unwrap()
}

fn hari_ini() -> NaiveDate {
    d(2026, 11, 23)
}

fn store_contoh() -> Store {
    let mut s = Store::memori().unwrap();
    contoh::muat(&mut s, hari_ini()).unwrap();
    s
}

/// The last audit entry of a row: (action, before as JSON text).
fn audit_terakhir(s: &Store, tabel: &str, id: i64) -> (String, Option<String>) {
    s.conn()
        .query_row(
            "SELECT aksi, sebelum FROM audit WHERE tabel = ?1 AND baris = ?2 ORDER BY id DESC LIMIT 1",
            rusqlite::params![tabel, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn rencana_dengan_putaran(s: &Store) -> monev::Rencana {
    monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 500)
        .unwrap()
        .into_iter()
        .find(|r| r.putaran.len() >= 2)
        .expect("the sample has a plan with two rounds or more")
}

#[test]
fn a_plan_round_is_corrected_by_its_version_and_audited() {
    let mut s = store_contoh();
    let r = rencana_dengan_putaran(&s);
    let lama = r.putaran[0].clone();
    let mut baru = lama.clone();
    baru.kemajuan_persen = Some(55);
    baru.kendala = "Operator desa berganti".into();
    baru.tanggal = Some(d(2026, 3, 2));
    s.transaksi(|tx| monev::ubah_putaran(tx, &baru)).unwrap();
    let r2 = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 500)
        .unwrap()
        .into_iter()
        .find(|x| x.id == r.id)
        .unwrap();
    let p = &r2.putaran[0];
    assert_eq!(p.ke, lama.ke);
    assert_eq!(p.kemajuan_persen, Some(55));
    assert_eq!(p.kendala, "Operator desa berganti");
    assert_eq!(p.tanggal, Some(d(2026, 3, 2)));
    assert_eq!(p.versi, lama.versi + 1);
    let (aksi, sebelum) = audit_terakhir(&s, "monev_putaran", lama.id);
    assert_eq!(aksi, "ubah");
    assert!(
        sebelum
            .unwrap()
            .contains(&format!("\"kemajuan\":\"{}\"", lama.kemajuan))
    );
    // the form that read the old version is refused, nothing written
    let mut basi = lama.clone();
    basi.kendala = "ditimpa".into();
    let e = s
        .transaksi(|tx| monev::ubah_putaran(tx, &basi))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik), "{e:?}");
    let r3 = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 500).unwrap();
    let p3 = &r3.iter().find(|x| x.id == r.id).unwrap().putaran[0];
    assert_eq!(p3.kendala, "Operator desa berganti");
}

#[test]
fn a_plan_round_with_bad_percent_or_no_date_is_refused() {
    let mut s = store_contoh();
    let r = rencana_dengan_putaran(&s);
    let mut p = r.putaran[0].clone();
    p.kemajuan_persen = Some(120);
    let e = s.transaksi(|tx| monev::ubah_putaran(tx, &p)).unwrap_err();
    assert_eq!(e.to_string(), "Kemajuan (%): harus 0–100");
    let mut p = r.putaran[0].clone();
    p.tanggal = None;
    let e = s.transaksi(|tx| monev::ubah_putaran(tx, &p)).unwrap_err();
    assert_eq!(e.to_string(), "Tanggal: wajib diisi");
}

#[test]
fn a_plan_round_is_deleted_by_its_version_with_what_was_removed_in_the_audit() {
    let mut s = store_contoh();
    let r = rencana_dengan_putaran(&s);
    let p = r.putaran[0].clone();
    let e = s
        .transaksi(|tx| monev::hapus_putaran(tx, p.id, p.versi + 1))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    s.transaksi(|tx| monev::hapus_putaran(tx, p.id, p.versi))
        .unwrap();
    let r2 = monev::daftar_rencana(s.conn(), Lingkup::Semua, 2026, 0, 500).unwrap();
    let sisa = &r2.iter().find(|x| x.id == r.id).unwrap().putaran;
    assert_eq!(sisa.len(), r.putaran.len() - 1);
    assert!(sisa.iter().all(|x| x.id != p.id));
    let (aksi, sebelum) = audit_terakhir(&s, "monev_putaran", p.id);
    assert_eq!(aksi, "hapus");
    let sebelum = sebelum.unwrap();
    assert!(sebelum.contains(&format!("\"ke\":{}", p.ke)), "{sebelum}");
    assert!(sebelum.contains(&p.kemajuan), "{sebelum}");
}

fn kegiatan_matriks(s: &Store) -> monev::MatriksKegiatan {
    monev::daftar_masalah(s.conn(), Lingkup::Semua, 2026, 0, 200)
        .unwrap()
        .into_iter()
        .flat_map(|m| m.kegiatan)
        .find(|k| k.putaran[0].id > 0)
        .expect("the sample has a matrix activity with round I")
}

#[test]
fn a_matrix_round_is_corrected_added_and_deleted_by_version() {
    let mut s = store_contoh();
    let g = kegiatan_matriks(&s);
    let satu = g.putaran[0].clone();
    let mut baru = satu.clone();
    baru.tindak_lanjut = "Rapat ulang di balai desa".into();
    s.transaksi(|tx| monev::simpan_putaran_matriks(tx, g.id, 1, &baru))
        .unwrap();
    let (aksi, sebelum) = audit_terakhir(&s, "matriks_putaran", satu.id);
    assert_eq!(aksi, "ubah");
    assert!(sebelum.unwrap().contains(&satu.kemajuan));
    // stale: refused
    let e = s
        .transaksi(|tx| monev::simpan_putaran_matriks(tx, g.id, 1, &satu))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    // the whole-activity form that read the old round is refused as well
    let masalah_id = monev::daftar_masalah(s.conn(), Lingkup::Semua, 2026, 0, 200)
        .unwrap()
        .into_iter()
        .find(|m| m.kegiatan.iter().any(|k| k.id == g.id))
        .unwrap()
        .id;
    let mut g_baru = g.clone();
    g_baru.versi = kegiatan_matriks(&s).versi;
    let e = s
        .transaksi(|tx| monev::simpan_matriks_kegiatan(tx, masalah_id, &g_baru))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik), "{e:?}");
    let sekarang = kegiatan_matriks(&s);
    assert_eq!(
        sekarang.putaran[0].tindak_lanjut,
        "Rapat ulang di balai desa"
    );
    // an empty round is refused with a way out
    let e = s
        .transaksi(|tx| monev::simpan_putaran_matriks(tx, g.id, 3, &Putaran::default()))
        .unwrap_err();
    assert!(e.to_string().contains("hapus dengan d"), "{e}");
    // delete round I by version
    let p = sekarang.putaran[0].clone();
    let e = s
        .transaksi(|tx| monev::hapus_putaran_matriks(tx, p.id, satu.versi))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    s.transaksi(|tx| monev::hapus_putaran_matriks(tx, p.id, p.versi))
        .unwrap();
    let (aksi, sebelum) = audit_terakhir(&s, "matriks_putaran", p.id);
    assert_eq!(aksi, "hapus");
    assert!(sebelum.unwrap().contains("Rapat ulang di balai desa"));
    let setelah = monev::daftar_masalah(s.conn(), Lingkup::Semua, 2026, 0, 200)
        .unwrap()
        .into_iter()
        .flat_map(|m| m.kegiatan)
        .find(|k| k.id == g.id)
        .unwrap();
    assert_eq!(setelah.putaran[0], Putaran::default());
    // and added again in the empty slot
    let isi = Putaran {
        tanggal: Some(d(2026, 4, 20)),
        kemajuan: "Dimulai lagi".into(),
        ..Default::default()
    };
    let id = s
        .transaksi(|tx| monev::simpan_putaran_matriks(tx, g.id, 1, &isi))
        .unwrap();
    assert!(id > 0);
    assert_eq!(audit_terakhir(&s, "matriks_putaran", id).0, "tambah");
}

#[test]
fn an_ikm_answer_is_corrected_and_deleted_and_the_value_follows() {
    let mut s = store_contoh();
    let n = ikm::hitung_responden(s.conn(), Lingkup::Semua, 2026, "").unwrap();
    assert!(n > 0);
    let v = ikm::daftar_responden(s.conn(), Lingkup::Semua, 2026, "", 0, 1000).unwrap();
    // the filter is part of the kecamatan's name
    assert_eq!(
        ikm::hitung_responden(s.conn(), Lingkup::Semua, 2026, "yosowil").unwrap(),
        n
    );
    assert_eq!(
        ikm::hitung_responden(s.conn(), Lingkup::Semua, 2026, "tidak ada").unwrap(),
        0
    );
    assert_eq!(v.len() as i64, n);
    let x = v[0].clone();
    let (jumlah, resp) = ikm::jumlah_skor(s.conn(), Lingkup::Semua, 2026).unwrap();
    assert_eq!(resp, n);
    let skor = [4u8; 9];
    s.transaksi(|tx| ikm::ubah(tx, x.id, x.versi, skor, hari_ini()))
        .unwrap();
    let (jumlah2, _) = ikm::jumlah_skor(s.conn(), Lingkup::Semua, 2026).unwrap();
    for i in 0..9 {
        assert_eq!(jumlah2[i], jumlah[i] - x.skor[i] as i64 + 4);
    }
    let (aksi, sebelum) = audit_terakhir(&s, "ikm_responden", x.id);
    assert_eq!(aksi, "ubah");
    assert!(sebelum.unwrap().contains(&format!("\"u1\":{}", x.skor[0])));
    // a score outside 1–4 is refused as the import refuses it
    let e = s
        .transaksi(|tx| {
            ikm::ubah(
                tx,
                x.id,
                x.versi + 1,
                [5, 4, 4, 4, 4, 4, 4, 4, 4],
                hari_ini(),
            )
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "U1: '5' harus 1, 2, 3 atau 4");
    // stale version: refused
    let e = s
        .transaksi(|tx| ikm::ubah(tx, x.id, x.versi, [3; 9], hari_ini()))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    let e = s.transaksi(|tx| ikm::hapus(tx, x.id, x.versi)).unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    s.transaksi(|tx| ikm::hapus(tx, x.id, x.versi + 1)).unwrap();
    assert_eq!(
        ikm::hitung_responden(s.conn(), Lingkup::Semua, 2026, "").unwrap(),
        n - 1
    );
    let (jumlah3, resp3) = ikm::jumlah_skor(s.conn(), Lingkup::Semua, 2026).unwrap();
    assert_eq!(resp3, n - 1);
    assert_eq!(jumlah3[0], jumlah[0] - x.skor[0] as i64);
    let (aksi, sebelum) = audit_terakhir(&s, "ikm_responden", x.id);
    assert_eq!(aksi, "hapus");
    assert!(sebelum.unwrap().contains("\"u9\":4"));
}

#[test]
fn a_schedule_occurrence_is_corrected_and_deleted_by_version() {
    let mut s = store_contoh();
    let baris = kegiatan::jadwal(s.conn(), Lingkup::Semua, 2026, "", 0, 1000).unwrap();
    let b = baris
        .iter()
        .find(|b| !b.selesai.is_empty())
        .expect("the sample has a done occurrence");
    let k = b.selesai[0].clone();
    let id = kegiatan::id_kejadian(s.conn(), b.tahapan_id, k.bulan)
        .unwrap()
        .unwrap();
    s.transaksi(|tx| {
        kegiatan::tandai_selesai_jika(
            tx,
            b.tahapan_id,
            k.bulan,
            Some(k.versi),
            k.tanggal,
            "BA nomor 12",
        )
    })
    .unwrap();
    let (aksi, sebelum) = audit_terakhir(&s, "tahapan_realisasi", id);
    assert_eq!(aksi, "ubah");
    assert!(sebelum.unwrap().contains(&k.bukti));
    let e = s
        .transaksi(|tx| kegiatan::batal_selesai_jika(tx, b.tahapan_id, k.bulan, k.versi))
        .unwrap_err();
    assert!(matches!(e, Galat::Konflik));
    s.transaksi(|tx| kegiatan::batal_selesai_jika(tx, b.tahapan_id, k.bulan, k.versi + 1))
        .unwrap();
    let (aksi, sebelum) = audit_terakhir(&s, "tahapan_realisasi", id);
    assert_eq!(aksi, "hapus");
    assert!(sebelum.unwrap().contains("BA nomor 12"));
}
