//! Issue 12: the camat's whole calendar from the command line. The APBDes draft's evaluation
//! as a workflow (the BPD's agreement, the draft's receipt, the evaluation with its result,
//! the corrected draft), the camat's own deadlines marked as the office's task, the RPJMDes
//! after an inauguration, and a kabupaten changing a rule or adding a kind: applied, audited,
//! and every count recounted.

mod common;

use common::*;
use serde_json::Value;

/// The items of one kind in `cek --json`, as (desa code, TA, deadline, status, days, actor,
/// estimate).
fn item_jenis(cek: &Value, jenis: &str) -> Vec<(String, i64, String, String, i64, String, bool)> {
    cek["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["jenis"] == jenis)
        .map(|i| {
            (
                i["kode_desa"].as_str().unwrap().to_string(),
                i["tahun_anggaran"].as_i64().unwrap(),
                i["tenggat"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
                i["hari"].as_i64().unwrap(),
                i["pelaku"].as_str().unwrap().to_string(),
                i["perkiraan"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn it(
    desa: &str,
    ta: i64,
    tenggat: &str,
    status: &str,
    hari: i64,
    pelaku: &str,
) -> (String, i64, String, String, i64, String, bool) {
    (
        desa.into(),
        ta,
        tenggat.into(),
        status.into(),
        hari,
        pelaku.into(),
        false,
    )
}

#[test]
fn the_apbdes_draft_evaluation_runs_as_a_workflow_with_the_camats_task_marked() {
    let d = Dunia::sukamaju_lengkap("2026-11-02");
    // nothing recorded: no draft, evaluation or correction is due yet
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    for k in ["RAPBDes", "EvalAPBDes", "PerbRAPBDes"] {
        assert_eq!(item_jenis(&cek, k), [], "{k}");
    }
    // the BPD agrees Alpha's draft on Friday 30/10/2026 and Beta's on 02/11/2026
    d.impor(
        "2026-11-02",
        "dokumen",
        "bpd.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;nomor\n\
         35.08.21.2001;SepakatBPD;2027;30/10/2026;BA/1/2026\n\
         35.08.21.2002;SepakatBPD;2027;02/11/2026;BA/2/2026\n",
    );
    // 3 days after: the draft must reach the kecamatan by 02/11 and 05/11
    let (cek, kode) = d.cek_json("2026-11-02", &[]);
    assert_eq!(
        item_jenis(&cek, "RAPBDes"),
        [
            it(
                "35.08.21.2001",
                2027,
                "2026-11-02",
                "mendekati_tenggat",
                0,
                "desa"
            ),
            it(
                "35.08.21.2002",
                2027,
                "2026-11-05",
                "mendekati_tenggat",
                3,
                "desa"
            ),
        ]
    );
    // Gamma's BPD agreement is overdue (31/10/2026): the check exits 1
    assert_eq!(kode, 1);
    // Alpha's draft arrives on 02/11: the camat has 20 working days, to 30/11/2026
    d.impor(
        "2026-11-02",
        "dokumen",
        "terima.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RAPBDes;2027;02/11/2026\n",
    );
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(
        item_jenis(&cek, "EvalAPBDes"),
        [it(
            "35.08.21.2001",
            2027,
            "2026-11-30",
            "mendekati_tenggat",
            28,
            "camat"
        )]
    );
    assert_eq!(cek["ringkasan"]["tugas_kantor"], 1);
    // the text output marks the office's task
    let o = d.jalan("2026-11-02", &["cek"]);
    let t = teks(&o.stdout);
    assert!(
        t.contains("1 di antaranya tugas kantor kecamatan (camat), ditandai [kantor]"),
        "{t}"
    );
    let baris = t.lines().find(|l| l.contains("EvalAPBDes")).unwrap();
    assert!(baris.ends_with("Alpha [kantor]"), "{baris}");
    // a result is needed with an evaluation's date, and only an evaluation has one
    let o = d.jalan(
        "2026-11-20",
        &[
            "impor",
            "dokumen",
            &d.tulis(
                "buruk.csv",
                "kode_desa;jenis;tahun_anggaran;tanggal;hasil\n\
             35.08.21.2001;EvalAPBDes;2027;20/11/2026;\n\
             35.08.21.2001;EvalAPBDes;2027;20/11/2026;ditolak\n\
             35.08.21.2002;RAPBDes;2027;04/11/2026;sesuai\n",
            )
            .display()
            .to_string(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let g = baris_stderr(&o);
    assert!(
        g.iter()
            .any(|l| l.contains(":2:") && l.contains("hasil: wajib diisi bila tanggal diisi")),
        "{g:?}"
    );
    assert!(
        g.iter()
            .any(|l| l.contains(":3:") && l.contains("hasil 'ditolak' bukan")),
        "{g:?}"
    );
    assert!(
        g.iter()
            .any(|l| l.contains(":4:") && l.contains("RAPBDes tidak mempunyai hasil evaluasi")),
        "{g:?}"
    );
    // a step is never dated before the event it counts from, nor an event after its step
    d.tulis(
        "urutan.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;hasil\n35.08.21.2001;EvalAPBDes;2027;01/11/2026;sesuai\n",
    );
    let o = d.jalan("2026-11-20", &["impor", "dokumen", "urutan.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains(
            "urutan.csv:2: Tanggal: 01/11/2026 sebelum RAPBDes tercatat (02/11/2026); periksa tanggalnya"
        ),
        "{}",
        teks(&o.stderr)
    );
    // the camat evaluates on Friday 20/11: corrections needed, 20 working days from then:
    // Friday 18/12/2026
    d.impor(
        "2026-11-20",
        "dokumen",
        "evaluasi.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;nomor;keterangan;hasil\n\
         35.08.21.2001;EvalAPBDes;2027;20/11/2026;900/1/2026;belanja pegawai di atas batas;perlu perbaikan\n",
    );
    let (cek, _) = d.cek_json("2026-11-20", &[]);
    assert_eq!(item_jenis(&cek, "EvalAPBDes"), []);
    d.tulis(
        "terima2.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n35.08.21.2001;RAPBDes;2027;21/11/2026\n",
    );
    let o = d.jalan("2026-11-25", &["impor", "dokumen", "terima2.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains(
            "terima2.csv:2: Tanggal: 21/11/2026 sesudah EvalAPBDes yang dihitung darinya (20/11/2026)"
        ),
        "{}",
        teks(&o.stderr)
    );
    assert_eq!(
        item_jenis(&cek, "PerbRAPBDes"),
        [it(
            "35.08.21.2001",
            2027,
            "2026-12-18",
            "mendekati_tenggat",
            28,
            "desa"
        )]
    );
    // an evaluation that finds the draft in order asks for no correction
    d.impor(
        "2026-11-20",
        "dokumen",
        "sesuai.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal;hasil\n\
         35.08.21.2001;EvalAPBDes;2027;20/11/2026;sesuai\n",
    );
    let (cek, _) = d.cek_json("2026-11-20", &[]);
    assert_eq!(item_jenis(&cek, "PerbRAPBDes"), []);
}

#[test]
fn the_rpjmdes_is_due_three_months_after_an_inauguration() {
    let d = Dunia::sukamaju_lengkap("2026-12-02");
    d.impor(
        "2026-12-02",
        "kepala-desa",
        "kades.csv",
        "kode_desa;nama;dilantik\n35.08.21.2003;Slamet;30/11/2026\n35.08.21.2001;Sutrisno;04/11/2019\n",
    );
    let (cek, _) = d.cek_json("2026-12-02", &["--hari", "90"]);
    // 30/11 + 3 months is the end of February; the 2019 term is outside the tracked years
    assert_eq!(
        item_jenis(&cek, "RPJMDes"),
        [it(
            "35.08.21.2003",
            2026,
            "2027-02-28",
            "mendekati_tenggat",
            88,
            "desa"
        )]
    );
}

#[test]
fn a_kabupaten_changes_a_rule_and_adds_a_kind_audited_and_recounted() {
    let d = Dunia::sukamaju_lengkap("2026-11-02");
    d.impor(
        "2026-11-02",
        "dokumen",
        "bpd.csv",
        "kode_desa;jenis;tahun_anggaran;tanggal\n\
         35.08.21.2001;SepakatBPD;2027;30/10/2026\n\
         35.08.21.2001;RAPBDes;2027;02/11/2026\n",
    );
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(item_jenis(&cek, "EvalAPBDes")[0].2, "2026-11-30");
    // a Perbup gives the camat 15 working days, and the draft 3 working days
    let o = d.ok(
        "2026-11-02",
        &[
            "atur",
            "tenggat",
            "EvalAPBDes",
            "--jumlah",
            "15",
            "--dasar",
            "Perbup Sukamaju 7/2026",
        ],
    );
    let t = teks(&o.stdout);
    assert!(
        t.contains("Diubah: EvalAPBDes: paling lambat 20 hari kerja sesudah RAPBDes tercatat → paling lambat 15 hari kerja sesudah RAPBDes tercatat"),
        "{t}"
    );
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(item_jenis(&cek, "EvalAPBDes")[0].2, "2026-11-23");
    d.ok(
        "2026-11-02",
        &["atur", "deadline", "RAPBDes", "--satuan", "hari_kerja"],
    );
    // the change is in the history, with the value before and after
    let o = d.ok("2026-11-02", &["riwayat", "--tabel", "jenis_dokumen"]);
    let t = teks(&o.stdout);
    assert!(t.contains("Perbup Sukamaju 7/2026"), "{t}");
    // each entry names the kind by its code
    assert!(
        t.lines()
            .any(|l| l.contains("ubah    jenis_dokumen #") && l.ends_with(" EvalAPBDes")),
        "{t}"
    );
    assert!(t.contains("hari_kerja"), "{t}");
    // a rules file: as --csv writes it, with a kind of the kabupaten's own added
    let o = d.ok("2026-11-02", &["atur", "tenggat", "--csv"]);
    let mut berkas = teks(&o.stdout);
    assert!(
        berkas.starts_with("kode;nama;pelaku;iku2;bentuk;"),
        "{berkas}"
    );
    assert!(berkas.contains("EvalAPBDes;Evaluasi rancangan APBDes oleh camat;camat;0;setelah;;;;RAPBDes;15;hari_kerja;Perbup Sukamaju 7/2026\n"), "{berkas}");
    berkas.push_str(
        "ProfilDesa;Profil desa dimutakhirkan;desa;0;tetap;0;6;30;;;;Perbup Sukamaju 8/2026\n",
    );
    d.tulis("aturan.csv", &berkas);
    let o = d.ok("2026-11-02", &["atur", "tenggat", "--berkas", "aturan.csv"]);
    assert!(
        teks(&o.stdout).contains(
            "Ditambah: ProfilDesa (Profil desa dimutakhirkan): paling lambat 30/06 tahun anggaran"
        ),
        "{}",
        teks(&o.stdout)
    );
    // every tally recounted: the new kind is overdue for all three desa, TA 2025 and 2026
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(
        item_jenis(&cek, "ProfilDesa")
            .iter()
            .map(|i| (i.0.as_str(), i.1, i.3.as_str()))
            .collect::<Vec<_>>(),
        [
            ("35.08.21.2001", 2025, "lewat_tenggat"),
            ("35.08.21.2002", 2025, "lewat_tenggat"),
            ("35.08.21.2003", 2025, "lewat_tenggat"),
            ("35.08.21.2001", 2026, "lewat_tenggat"),
            ("35.08.21.2002", 2026, "lewat_tenggat"),
            ("35.08.21.2003", 2026, "lewat_tenggat"),
        ]
    );
    // an office stops tracking a kind, and tracks it again
    d.ok(
        "2026-11-02",
        &["atur", "tenggat", "ProfilDesa", "--aktif", "tidak"],
    );
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(item_jenis(&cek, "ProfilDesa"), []);
    let o = d.ok("2026-11-02", &["atur", "tenggat"]);
    assert!(
        teks(&o.stdout).contains("Tidak dilacak (pantau atur tenggat KODE --aktif ya): ProfilDesa")
    );
    d.ok(
        "2026-11-02",
        &["atur", "tenggat", "ProfilDesa", "--aktif", "ya"],
    );
    let (cek, _) = d.cek_json("2026-11-02", &[]);
    assert_eq!(item_jenis(&cek, "ProfilDesa").len(), 6);
}

#[test]
fn a_bad_rule_is_refused_and_nothing_changes() {
    let d = Dunia::sukamaju_lengkap("2026-11-02");
    let sebelum = teks(&d.ok("2026-11-02", &["atur", "tenggat", "--csv"]).stdout);
    let potret = d.potret("2026-11-02");
    d.tulis(
        "buruk.csv",
        "kode;nama;pelaku;iku2;bentuk;geser_tahun;bulan;hari;peristiwa;jumlah;satuan;dasar\n\
         RAPBDes;Rancangan;lurah;0;setelah;;;;SepakatBPD;3;minggu;\n\
         Baru;Jenis baru;desa;0;setelah;;;;TidakAda;3;hari;\n\
         LPPDes;LPPDes;desa;0;tetap;1;3;31;;;;\n",
    );
    let o = d.jalan("2026-11-02", &["atur", "tenggat", "--berkas", "buruk.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let g = baris_stderr(&o);
    assert!(
        g.iter()
            .any(|l| l.starts_with("buruk.csv:2: pelaku 'lurah'") && l.contains("satuan 'minggu'")),
        "{g:?}"
    );
    // the file read, the set is checked against the store: all reasons, nothing written
    d.tulis(
        "buruk2.csv",
        "kode;nama;pelaku;iku2;bentuk;geser_tahun;bulan;hari;peristiwa;jumlah;satuan;dasar\n\
         Baru;Jenis baru;desa;0;setelah;;;;TidakAda;3;hari;\n\
         LPPDes;LPPDes;desa;0;tetap;1;3;31;;;;\n",
    );
    let o = d.jalan("2026-11-02", &["atur", "tenggat", "--berkas", "buruk2.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let g = baris_stderr(&o);
    assert!(
        g.iter()
            .any(|l| l.contains("Baru: dihitung dari TidakAda, padahal jenis itu tidak ada")),
        "{g:?}"
    );
    assert!(
        g.iter()
            .any(|l| l.contains("LPPDes: IKU 2 dihitung dari RKPDes, APBDes dan LPPDes saja")),
        "{g:?}"
    );
    // one kind by options: impossible values are named
    for (args, pesan) in [
        (
            &["atur", "tenggat", "LapSemI", "--tanggal", "31/13"][..],
            "bulan 13 di luar 1–12",
        ),
        (
            &["atur", "tenggat", "RAPBDes", "--satuan", "minggu"][..],
            "--satuan 'minggu' bukan hari",
        ),
        (&["atur", "tenggat", "Baru"][..], "jenis Baru tidak ada"),
        (
            &["atur", "tenggat", "Baru", "--jumlah", "3"][..],
            "jenis Baru belum ada; untuk menambahnya beri --nama",
        ),
        (
            &["atur", "tenggat", "RKPDes", "--aktif", "tidak"][..],
            "RKPDes dihitung dalam IKU 2, jadi selalu dilacak",
        ),
        (
            &["atur", "tenggat", "SepakatBPD", "--aktif", "tidak"][..],
            "RAPBDes dihitung dari SepakatBPD; hentikan dulu RAPBDes",
        ),
        (
            &["atur", "tenggat", "LapSemI", "--tanggal", "31/02"][..],
            "tanggal 31/02 tidak ada: bulan 2 paling banyak 29 hari",
        ),
        (
            &["atur", "tenggat", "EvalAPBDes", "--setelah", "PerbRAPBDes"][..],
            "EvalAPBDes: tenggatnya berputar (EvalAPBDes ← PerbRAPBDes ← EvalAPBDes)",
        ),
        (
            &["atur", "tenggat", "RKPDes", "--pelaku", "camat"][..],
            "RKPDes: dihitung dalam IKU 2 sebagai dokumen desa, jadi pelakunya desa",
        ),
    ] {
        let o = d.jalan("2026-11-02", args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            teks(&o.stderr).contains(pesan),
            "{args:?}: {}",
            teks(&o.stderr)
        );
    }
    assert_eq!(
        teks(&d.ok("2026-11-02", &["atur", "tenggat", "--csv"]).stdout),
        sebelum
    );
    assert_eq!(d.potret("2026-11-02"), potret);
    // a file with no rules, or another header, is refused
    d.tulis(
        "kosong.csv",
        &format!("{}\n", sebelum.lines().next().unwrap()),
    );
    let o = d.jalan("2026-11-02", &["atur", "tenggat", "--berkas", "kosong.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("kosong.csv: tidak berisi aturan"),
        "{}",
        teks(&o.stderr)
    );
    d.tulis("judul.csv", "kode;nama\nX;Y\n");
    let o = d.jalan("2026-11-02", &["atur", "tenggat", "--berkas", "judul.csv"]);
    assert!(
        teks(&o.stderr).contains("judul.csv:1: baris judul harus: kode;nama;pelaku;"),
        "{}",
        teks(&o.stderr)
    );
    // showing reads only: it works read-only, one kind by its code
    let o = d.ok(
        "2026-11-02",
        &["--baca-saja", "atur", "tenggat", "EvalAPBDes"],
    );
    let t = teks(&o.stdout);
    assert!(
        t.starts_with("EvalAPBDes   Evaluasi rancangan APBDes oleh camat [kantor]\n"),
        "{t}"
    );
    assert!(
        t.contains("paling lambat 20 hari kerja sesudah RAPBDes tercatat"),
        "{t}"
    );
    assert!(!t.contains("RKPDes"), "{t}");
    d.ok("2026-11-02", &["--baca-saja", "atur", "tenggat", "--csv"]);
    // read-only: nothing can be changed
    let o = d.jalan(
        "2026-11-02",
        &[
            "--baca-saja",
            "atur",
            "tenggat",
            "LapSemI",
            "--tanggal",
            "15/07",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
