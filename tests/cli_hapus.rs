//! Undoing mistakes from the command line: `hapus contoh|desa|kecamatan`, `desa ganti-kode`,
//! `desa gabung`, `kecamatan ganti-nama`, and a desa import that no longer renames a
//! kecamatan. Each removal says what goes, asks (or needs --ya), and is in the audit log.

mod common;

use common::*;
use serde_json::Value;

const HARI_INI: &str = "2026-12-02";

/// Kecamatan Sukamaju with documents for Alpha and Beta, and Mekarsari with one desa.
fn dunia() -> Dunia {
    let d = Dunia::sukamaju(HARI_INI);
    d.impor(HARI_INI, "desa", "mekar.csv", DESA_MEKARSARI);
    d.impor(
        HARI_INI,
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal,nomor\n\
         35.08.21.2001,RKPDes,2027,15/09/2026,1\n\
         35.08.21.2001,APBDes,2026,20/12/2025,2\n\
         35.08.21.2002,RKPDes,2027,20/09/2026,3\n\
         35.08.21.2002,APBDes,2027,01/12/2026,4\n",
    );
    d.impor(
        HARI_INI,
        "fasilitasi",
        "fas.csv",
        "tanggal,jenis,kode_desa,uraian\n01/10/2026,F01,35.08.21.2002,Pendampingan RKPDes\n",
    );
    d
}

fn stdout(o: &std::process::Output) -> String {
    teks(&o.stdout)
}

/// Desa codes that `cek` lists (any status, wide window).
fn desa_di_cek(d: &Dunia) -> Vec<String> {
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    let mut v: Vec<String> = item(&cek).into_iter().map(|i| i.0).collect();
    v.dedup();
    v
}

fn riwayat(d: &Dunia, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["riwayat", "--json", "--batas", "1000"];
    a.extend_from_slice(args);
    let o = d.ok(HARI_INI, &a);
    json(&o.stdout)["entri"].as_array().unwrap().clone()
}

fn nilai_sebelum<'a>(e: &'a Value, kolom: &str) -> &'a Value {
    e["perubahan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kolom"] == kolom)
        .map(|p| &p["sebelum"])
        .unwrap_or(&Value::Null)
}

#[test]
fn the_sample_goes_in_one_step_after_saying_what_goes_and_needs_ya_without_a_terminal() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let sebelum = d.potret(HARI_INI);
    // no terminal (the test's stdin is not one) and no --ya: refused, nothing removed
    let o = d.jalan(HARI_INI, &["hapus", "contoh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).starts_with(
            "Akan dihapus: contoh Kecamatan Yosowilangun (35.08.07), dengan 1 kecamatan, 12 desa/kelurahan, "
        ),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        baris_stderr(&o),
        [
            "tidak ada yang dihapus: tidak ada terminal untuk bertanya; tambahkan --ya untuk melakukannya tanpa bertanya"
        ]
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
    // the English alias and --yes
    let o = d.ok(HARI_INI, &["delete", "sample", "--yes"]);
    let keluar = stdout(&o);
    let akan = keluar.lines().next().unwrap();
    let dihapus = keluar.lines().find(|l| l.starts_with("Dihapus: ")).unwrap();
    assert!(akan.ends_with(&format!("dengan {}", &dihapus["Dihapus: ".len()..])));
    assert!(dihapus.contains("220 responden IKM"), "{dihapus}");
    assert!(dihapus.contains("2 kegiatan"), "{dihapus}");
    // the database is as `init` left it: no kecamatan
    let o = d.jalan(HARI_INI, &["cek"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(baris_stderr(&o)[0].starts_with("belum ada kecamatan di basis data"));
    // the removed rows are in the log with their values
    let kec = riwayat(&d, &["--tabel", "kecamatan"]);
    let hapus: Vec<&Value> = kec.iter().filter(|e| e["aksi"] == "hapus").collect();
    assert_eq!(hapus.len(), 1);
    assert_eq!(nilai_sebelum(hapus[0], "nama"), "Yosowilangun");
    let desa = riwayat(&d, &["--tabel", "desa"]);
    assert_eq!(desa.iter().filter(|e| e["aksi"] == "hapus").count(), 12);
    let ikm = riwayat(&d, &["--tabel", "ikm_responden"]);
    assert_eq!(ikm.iter().filter(|e| e["aksi"] == "hapus").count(), 220);
    // again: nothing to do
    let o = d.ok(HARI_INI, &["hapus", "contoh"]);
    assert_eq!(
        stdout(&o),
        "Tidak ada kecamatan contoh di basis data; tidak ada yang dihapus.\n"
    );
    // a real kecamatan can be loaded and used after it: the totals are its own
    d.impor(HARI_INI, "desa", "desa.csv", DESA_SUKAMAJU);
    let iku = d.iku_json(HARI_INI, 2026);
    assert_eq!(iku["kecamatan"][0]["kode"], KEC);
}

#[test]
fn a_desa_goes_with_its_documents_and_facilitation_and_the_log_keeps_them() {
    let d = dunia();
    let o = d.ok(HARI_INI, &["hapus", "desa", BETA, "--ya"]);
    let keluar = stdout(&o);
    assert!(
        keluar.starts_with(
            "Akan dihapus: desa Beta (35.08.21.2002), dengan 1 desa/kelurahan, 2 catatan dokumen, 1 fasilitasi.\n"
        ),
        "{keluar}"
    );
    assert!(
        keluar.contains("pantau desa ganti-kode LAMA BARU"),
        "{keluar}"
    );
    assert!(keluar.contains("\nDihapus: 1 desa/kelurahan, 2 catatan dokumen, 1 fasilitasi.\n"));
    assert!(!desa_di_cek(&d).contains(&BETA.to_string()));
    assert!(desa_di_cek(&d).contains(&ALPHA.to_string()));
    // `riwayat --desa` still finds the removed desa and shows what it held
    let e = riwayat(&d, &["--desa", BETA]);
    let hapus: Vec<&Value> = e.iter().filter(|e| e["aksi"] == "hapus").collect();
    assert_eq!(
        hapus.len(),
        4,
        "desa, two documents, one facilitation: {e:?}"
    );
    assert!(
        hapus
            .iter()
            .any(|e| e["tabel"] == "desa" && nilai_sebelum(e, "nama") == "Beta")
    );
    assert!(
        hapus
            .iter()
            .any(|e| e["tabel"] == "dokumen" && nilai_sebelum(e, "nomor") == "4")
    );
    assert!(
        hapus
            .iter()
            .any(|e| e["tabel"] == "fasilitasi"
                && nilai_sebelum(e, "uraian") == "Pendampingan RKPDes")
    );
    // IKU 1 no longer counts the removed facilitation entry
    let iku = d.iku_json(HARI_INI, 2026);
    let kec = iku["kecamatan"].as_array().unwrap();
    let suka = kec.iter().find(|k| k["kode"] == KEC).unwrap();
    assert_eq!(suka["iku"][0]["penyebut"], 0);
    assert_eq!(suka["jumlah_desa"], 2);
    // unknown code, bad code
    let o = d.jalan(HARI_INI, &["hapus", "desa", BETA, "--ya"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o),
        ["desa 35.08.21.2002 tidak ada di basis data"]
    );
    let o = d.jalan(HARI_INI, &["hapus", "desa", "35.08.21", "--ya"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(baris_stderr(&o)[0].contains("kode desa '35.08.21' tidak sah"));
}

#[test]
fn a_kecamatan_goes_with_everything_under_it_and_only_within_the_scope() {
    let d = dunia();
    // outside --kecamatan: refused
    let o = d.jalan(
        HARI_INI,
        &["--kecamatan", "35.08.22", "hapus", "kecamatan", KEC, "--ya"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o),
        ["kecamatan 35.08.21 bukan yang dipilih dengan --kecamatan"]
    );
    // read-only: refused before anything
    let o = d.jalan(
        HARI_INI,
        &["--baca-saja", "hapus", "kecamatan", KEC, "--ya"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(baris_stderr(&o)[0].contains("--baca-saja melarang menulis"));
    let o = d.ok(HARI_INI, &["hapus", "kecamatan", KEC, "--ya"]);
    assert!(stdout(&o).starts_with(
        "Akan dihapus: Kecamatan Sukamaju (35.08.21), dengan 1 kecamatan, 3 desa/kelurahan, 4 catatan dokumen, 1 fasilitasi.\n"
    ));
    let iku = d.iku_json(HARI_INI, 2026);
    let kode: Vec<&str> = iku["kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kode"].as_str().unwrap())
        .collect();
    assert_eq!(kode, ["35.08.22"]);
    assert_eq!(desa_di_cek(&d), ["35.08.22.2001"]);
}

#[test]
fn a_mistyped_desa_code_is_changed_and_its_documents_and_facilitation_follow() {
    let d = dunia();
    d.impor(
        HARI_INI,
        "desa",
        "salah.csv",
        "kode,nama\n35.08.21.2099,Delima\n",
    );
    d.impor(
        HARI_INI,
        "dokumen",
        "dok2.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal,nomor\n35.08.21.2099,RKPDes,2027,10/09/2026,9\n",
    );
    for (baru, galat) in [
        (
            "35.08.21",
            "kode desa '35.08.21' tidak sah: tulis PP.KK.CC.DDDD, misalnya 35.08.07.2001",
        ),
        (
            BETA,
            "35.08.21.2002 sudah dipakai desa Beta; untuk menyatukan keduanya: pantau desa gabung 35.08.21.2099 35.08.21.2002",
        ),
        (
            "35.08.30.2004",
            "kecamatan 35.08.30 tidak ada di basis data; tiga bagian pertama kode harus kode kecamatan yang sudah ada",
        ),
        (
            "35.08.21.1004",
            "35.08.21.1004 adalah kode kelurahan (1xxx), sedangkan Delima sebuah desa",
        ),
    ] {
        let o = d.jalan(HARI_INI, &["desa", "ganti-kode", "35.08.21.2099", baru]);
        assert_eq!(o.status.code(), Some(2), "{baru}");
        assert_eq!(baris_stderr(&o), [galat], "{baru}");
    }
    let o = d.ok(
        HARI_INI,
        &["desa", "recode", "35.08.21.2099", "35.08.21.2004"],
    );
    assert_eq!(
        stdout(&o),
        "Kode desa Delima diganti dari 35.08.21.2099 menjadi 35.08.21.2004; 1 catatan dokumen dan 0 fasilitasi ikut.\n"
    );
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    let kode: Vec<String> = item(&cek).into_iter().map(|i| i.0).collect();
    assert!(kode.contains(&"35.08.21.2004".to_string()));
    assert!(!kode.contains(&"35.08.21.2099".to_string()));
    // the RKPDes recorded under the wrong code is not overdue under the new one
    assert!(
        !item(&cek)
            .iter()
            .any(|i| i.0 == "35.08.21.2004" && i.1 == "RKPDes" && i.2 == 2027)
    );
    // the log shows the code change of that desa
    let e = riwayat(&d, &["--desa", "35.08.21.2004", "--tabel", "desa"]);
    assert!(e.iter().any(|e| e["aksi"] == "ubah"
        && e["perubahan"][0]["kolom"] == "kode"
        && e["perubahan"][0]["sebelum"] == "35.08.21.2099"));
    // into another existing kecamatan: the desa moves with its facilitation entries
    let o = d.ok(HARI_INI, &["desa", "ganti-kode", BETA, "35.08.22.2002"]);
    assert_eq!(
        stdout(&o),
        "Kode desa Beta diganti dari 35.08.21.2002 menjadi 35.08.22.2002; 2 catatan dokumen dan 1 fasilitasi ikut.\n\
         Desa ini pindah dari kecamatan 35.08.21 ke 35.08.22.\n"
    );
    let iku = d.iku_json(HARI_INI, 2026);
    let mekar = iku["kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kode"] == "35.08.22")
        .unwrap()
        .clone();
    assert_eq!(mekar["jumlah_desa"], 2);
    assert_eq!(
        mekar["iku"][0]["penyebut"], 1,
        "the facilitation entry moved along"
    );
}

#[test]
fn merging_two_desa_refuses_and_lists_conflicts_and_otherwise_moves_everything() {
    let d = dunia();
    // Alpha and Beta both hold RKPDes 2027 with different dates: refused, nothing changes
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(HARI_INI, &["desa", "gabung", BETA, ALPHA, "--ya"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o),
        [
            "tidak digabung: 1 dokumen tercatat berbeda di kedua desa; samakan atau hapus salah satunya dahulu:",
            "RKPDes TA 2027: 35.08.21.2002 20/09/2026 nomor 3 — 35.08.21.2001 15/09/2026 nomor 1",
        ]
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
    // the same entry on both sides is kept once
    d.impor(
        HARI_INI,
        "dokumen",
        "sama.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal,nomor\n35.08.21.2002,RKPDes,2027,15/09/2026,1\n",
    );
    // without a terminal to ask on, nothing is merged unless --ya says so
    let o = d.jalan(HARI_INI, &["desa", "gabung", BETA, ALPHA]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        baris_stderr(&o)[0].starts_with("tidak ada yang digabung: tidak ada terminal"),
        "{:?}",
        baris_stderr(&o)
    );
    let o = d.ok(HARI_INI, &["desa", "merge", BETA, ALPHA, "--yes"]);
    assert_eq!(
        stdout(&o),
        "Akan digabung: catatan desa Beta (35.08.21.2002) pindah ke Alpha (35.08.21.2001), lalu 35.08.21.2002 dihapus (isinya tercatat di riwayat).\nDesa Beta (35.08.21.2002) digabung ke Alpha (35.08.21.2001): 1 catatan dokumen, 1 fasilitasi dan 0 rencana monev dipindah, 1 catatan yang sama di keduanya disimpan sekali; 35.08.21.2002 dihapus (isinya tercatat di riwayat).\n"
    );
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    let it = item(&cek);
    assert!(!it.iter().any(|i| i.0 == BETA));
    // Alpha now has APBDes 2027 (from Beta): not in the check any more
    assert!(
        !it.iter()
            .any(|i| i.0 == ALPHA && i.1 == "APBDes" && i.2 == 2027)
    );
    let iku = d.iku_json(HARI_INI, 2026);
    let suka = iku["kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kode"] == KEC)
        .unwrap()
        .clone();
    assert_eq!(suka["jumlah_desa"], 2);
    assert_eq!(
        suka["iku"][0]["penyebut"], 1,
        "the facilitation entry is Alpha's now"
    );
    // merging into itself or an unknown desa
    let o = d.jalan(HARI_INI, &["desa", "gabung", ALPHA, ALPHA, "--ya"]);
    assert_eq!(
        baris_stderr(&o),
        ["desa tidak dapat digabung dengan dirinya sendiri"]
    );
    let o = d.jalan(HARI_INI, &["desa", "gabung", ALPHA, BETA, "--ya"]);
    assert_eq!(
        baris_stderr(&o),
        ["desa 35.08.21.2002 tidak ada di basis data"]
    );
}

#[test]
fn a_kecamatan_is_renamed_by_its_own_command_and_never_by_a_desa_import() {
    let d = dunia();
    // one row naming the kecamatan otherwise: refused, pointing to the command
    d.tulis(
        "satu.csv",
        "kode,nama,kecamatan\n35.08.21.2001,Alpha,Sukamakmur\n",
    );
    let sebelum = d.potret(HARI_INI);
    let o = d.jalan(HARI_INI, &["impor", "desa", "satu.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        baris_stderr(&o)[0],
        "satu.csv:2: kecamatan 35.08.21 bernama 'Sukamaju' di basis data, di sini 'Sukamakmur'; impor desa tidak mengganti nama kecamatan: kosongkan kolom kecamatan atau tulis 'Sukamaju', atau ganti namanya dahulu dengan: pantau kecamatan ganti-nama 35.08.21 \"Sukamakmur\""
    );
    assert_eq!(d.potret(HARI_INI), sebelum);
    let o = d.ok(HARI_INI, &["kecamatan", "rename", KEC, "Sukamakmur"]);
    assert_eq!(
        stdout(&o),
        "Kecamatan 35.08.21 berganti nama dari 'Sukamaju' menjadi 'Sukamakmur'.\n"
    );
    let iku = d.iku_json(HARI_INI, 2026);
    assert_eq!(iku["kecamatan"][0]["nama"], "Sukamakmur");
    // now the same file goes in
    d.ok(HARI_INI, &["impor", "desa", "satu.csv"]);
    let e = riwayat(&d, &["--tabel", "kecamatan"]);
    assert_eq!(e[0]["aksi"], "ubah");
    assert_eq!(e[0]["perubahan"][0]["sebelum"], "Sukamaju");
    for (nama, galat) in [
        (
            "Sukamakmur",
            "kecamatan 35.08.21 sudah bernama 'Sukamakmur'",
        ),
        ("", "Kecamatan: wajib diisi"),
    ] {
        let o = d.jalan(HARI_INI, &["kecamatan", "ganti-nama", KEC, nama]);
        assert_eq!(o.status.code(), Some(2), "{nama}");
        assert!(
            baris_stderr(&o)[0].contains(galat),
            "{:?}",
            baris_stderr(&o)
        );
    }
    let o = d.jalan(HARI_INI, &["kecamatan", "ganti-nama", "35.08.99", "X"]);
    assert_eq!(
        baris_stderr(&o),
        ["kecamatan 35.08.99 tidak ada di basis data"]
    );
}

/// Issue 10 (found trying it): after the sample is removed, the schedule of the whole
/// database shows none of its stages (the tally keeps zero rows behind).
#[test]
fn no_stage_of_the_removed_sample_stays_on_the_schedule() {
    use pantau::store::wilayah::{self, Lingkup, Sasaran};
    use pantau::store::{Store, contoh, kegiatan};
    let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut store = Store::memori().unwrap();
    contoh::muat(&mut store, hari_ini).unwrap();
    pantau::store::impor::impor_desa(
        &mut store,
        "desa.csv",
        b"kode;nama;kecamatan\n35.08.15.2001;Condro;Pasirian\n",
        Lingkup::Semua,
    )
    .unwrap();
    assert!(
        !kegiatan::tahapan_bulan(store.conn(), Lingkup::Semua, 2026, 12)
            .unwrap()
            .is_empty()
    );
    let contoh_id = wilayah::kecamatan_contoh(store.conn()).unwrap()[0].id;
    store
        .transaksi(|tx| wilayah::hapus(tx, &Sasaran::Kecamatan(vec![contoh_id])))
        .unwrap();
    for bulan in 1..=12 {
        assert_eq!(
            kegiatan::tahapan_bulan(store.conn(), Lingkup::Semua, 2026, bulan).unwrap(),
            vec![],
            "month {bulan}"
        );
    }
}

/// A desa removed and then made again (from a backup, as the README tells) keeps its whole
/// history under its code: the removal is found by `riwayat --desa`.
#[test]
fn the_history_of_a_desa_made_again_still_shows_its_removal() {
    let d = dunia();
    d.ok(HARI_INI, &["hapus", "desa", "35.08.21.2002", "--ya"]);
    d.impor(
        HARI_INI,
        "desa",
        "lagi.csv",
        "kode;nama;kecamatan\n35.08.21.2002;Beta;Sukamaju\n",
    );
    let o = d.ok(
        HARI_INI,
        &[
            "riwayat",
            "--desa",
            "35.08.21.2002",
            "--json",
            "--batas",
            "100",
        ],
    );
    let v = json(&o.stdout);
    let entri = v["entri"].as_array().unwrap();
    assert!(
        entri
            .iter()
            .any(|e| e["tabel"] == "desa" && e["aksi"] == "hapus"),
        "{v:#}"
    );
    assert!(
        entri
            .iter()
            .any(|e| e["tabel"] == "dokumen" && e["aksi"] == "hapus"),
        "its documents' removal too: {v:#}"
    );
}
