//! `pantau cek` against the deadline rules of DOMAIN.md, on a made-up Kecamatan Sukamaju
//! (35.08.21: Alpha .2001, Beta .2002, Gamma .2003).
//!
//! Most tests set the first tracked fiscal year to 2027 so that, with today in 2026, only the
//! documents of TA 2027 exist: RKPDes due 30/09/2026, APBDes due 31/12/2026, LPPDes due
//! 31/03/2028.

mod common;

use common::*;
use serde_json::json;

/// Sukamaju with `atur tahun-awal 2027`.
fn sukamaju_2027() -> Dunia {
    let d = Dunia::sukamaju("2026-08-01");
    d.ok("2026-08-01", &["atur", "tahun-awal", "2027"]);
    d.hanya_tiga("2026-08-01");
    d
}

fn rkpdes_2027(status: &str, hari: i64) -> Vec<(String, String, i64, String, String, i64)> {
    [ALPHA, BETA, GAMMA]
        .iter()
        .map(|desa| it(desa, "RKPDes", 2027, "2026-09-30", status, hari))
        .collect()
}

#[test]
fn undated_rkpdes_on_its_deadline_day_is_due_soon_with_zero_days() {
    let d = sukamaju_2027();
    let (cek, kode) = d.cek_json("2026-09-30", &[]);
    assert_eq!(kode, 0, "nothing is overdue yet: {cek}");
    assert_eq!(item(&cek), rkpdes_2027("mendekati_tenggat", 0));
    assert_eq!(
        cek["ringkasan"],
        json!({"lewat_tenggat": 0, "mendekati_tenggat": 3, "tugas_kantor": 0})
    );
    assert_eq!(cek["tanggal"], "2026-09-30");
    assert_eq!(cek["hari"], 30);
}

#[test]
fn cek_json_items_carry_every_contract_field() {
    let d = sukamaju_2027();
    let (cek, _) = d.cek_json("2026-09-30", &[]);
    assert_eq!(
        cek["dokumen"][0],
        json!({
            "kode_kecamatan": "35.08.21", "kecamatan": "Sukamaju",
            "kode_desa": "35.08.21.2001", "desa": "Alpha",
            "jenis": "RKPDes", "tahun_anggaran": 2027, "tenggat": "2026-09-30",
            "status": "mendekati_tenggat", "hari": 0,
            "pelaku": "desa", "perkiraan": false
        })
    );
}

#[test]
fn undated_rkpdes_the_day_after_its_deadline_is_overdue_and_exit_code_is_1() {
    let d = sukamaju_2027();
    let (cek, kode) = d.cek_json("2026-10-01", &[]);
    assert_eq!(kode, 1);
    assert_eq!(item(&cek), rkpdes_2027("lewat_tenggat", -1));
    assert_eq!(
        cek["ringkasan"],
        json!({"lewat_tenggat": 3, "mendekati_tenggat": 0, "tugas_kantor": 0})
    );
}

#[test]
fn first_day_of_the_warning_window_is_listed_with_30_days() {
    let d = sukamaju_2027();
    let (cek, kode) = d.cek_json("2026-08-31", &[]);
    assert_eq!(kode, 0);
    assert_eq!(item(&cek), rkpdes_2027("mendekati_tenggat", 30));
}

#[test]
fn day_before_the_warning_window_lists_nothing_and_exits_0() {
    let d = sukamaju_2027();
    let (cek, kode) = d.cek_json("2026-08-30", &[]);
    assert_eq!(kode, 0);
    assert_eq!(item(&cek), vec![]);
    assert_eq!(
        cek["ringkasan"],
        json!({"lewat_tenggat": 0, "mendekati_tenggat": 0, "tugas_kantor": 0})
    );
}

#[test]
fn hari_option_widens_and_narrows_the_warning_window() {
    let d = sukamaju_2027();
    // 31 days before the deadline: outside the default window, inside --hari 31
    let (cek, _) = d.cek_json("2026-08-30", &["--hari", "31"]);
    assert_eq!(cek["hari"], 31);
    assert_eq!(item(&cek), rkpdes_2027("mendekati_tenggat", 31));
    // --hari 0: only the deadline day itself
    let (cek, _) = d.cek_json("2026-09-29", &["--hari", "0"]);
    assert_eq!(item(&cek), vec![]);
    let (cek, _) = d.cek_json("2026-09-30", &["--hari", "0"]);
    assert_eq!(item(&cek), rkpdes_2027("mendekati_tenggat", 0));
    // a narrow window never hides what is overdue
    let (cek, kode) = d.cek_json("2026-10-01", &["--hari", "0"]);
    assert_eq!(kode, 1);
    assert_eq!(item(&cek), rkpdes_2027("lewat_tenggat", -1));
}

#[test]
fn rkpdes_dated_on_its_deadline_is_not_listed() {
    let d = sukamaju_2027();
    d.impor(
        "2026-10-02",
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n\
         35.08.21.2001,RKPDes,2027,2026-09-30\n\
         35.08.21.2003,RKPDes,2027,2026-10-01\n",
    );
    let (cek, kode) = d.cek_json("2026-10-02", &[]);
    assert_eq!(kode, 1);
    // Alpha on time, Gamma late: both have a date, so neither is listed; Beta is overdue
    assert_eq!(
        item(&cek),
        vec![it(BETA, "RKPDes", 2027, "2026-09-30", "lewat_tenggat", -2)]
    );
}

#[test]
fn nothing_overdue_gives_exit_0_and_a_summary_line() {
    let d = sukamaju_2027();
    d.impor(
        "2026-10-02",
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n\
         35.08.21.2001,RKPDes,2027,2026-09-01\n\
         35.08.21.2002,RKPDes,2027,2026-09-02\n\
         35.08.21.2003,RKPDes,2027,2026-09-03\n",
    );
    let o = d.jalan("2026-10-02", &["cek"]);
    assert_eq!(o.status.code(), Some(0));
    let out = teks(&o.stdout);
    let pertama = out.lines().next().unwrap_or_default();
    assert!(
        pertama.contains("0 lewat tenggat") && pertama.contains("0 mendekati tenggat"),
        "summary line first: {out}"
    );
}

#[test]
fn text_output_has_summary_first_then_one_line_per_item_in_order() {
    let d = sukamaju_2027();
    let o = d.jalan("2026-10-01", &["cek"]);
    assert_eq!(o.status.code(), Some(1));
    let out = teks(&o.stdout);
    let baris: Vec<&str> = out.lines().collect();
    assert!(
        baris[0].contains("3 lewat tenggat") && baris[0].contains("0 mendekati tenggat"),
        "first line is the summary: {out}"
    );
    assert!(baris[0].contains("01/10/2026"), "today on screen: {out}");
    let item: Vec<&&str> = baris.iter().filter(|b| b.contains("RKPDes 2027")).collect();
    assert_eq!(item.len(), 3, "{out}");
    for (b, (kode, nama)) in item
        .iter()
        .zip([(ALPHA, "Alpha"), (BETA, "Beta"), (GAMMA, "Gamma")])
    {
        assert!(b.contains(kode) && b.contains(nama), "{b}");
        assert!(b.contains("30/09/2026"), "deadline shown DD/MM/YYYY: {b}");
        assert!(b.contains("-1"), "days shown: {b}");
    }
}

#[test]
fn items_are_sorted_by_deadline_then_desa_code() {
    let d = sukamaju_2027();
    d.impor(
        "2027-01-05",
        "dokumen",
        "dok.csv",
        "kode_desa,jenis,tahun_anggaran,tanggal\n\
         35.08.21.2002,RKPDes,2027,2026-09-15\n\
         35.08.21.2001,APBDes,2028,\n",
    );
    let (cek, kode) = d.cek_json("2027-01-05", &["--hari", "500"]);
    assert_eq!(kode, 1);
    let l = "lewat_tenggat";
    let m = "mendekati_tenggat";
    assert_eq!(
        item(&cek),
        vec![
            it(ALPHA, "RKPDes", 2027, "2026-09-30", l, -97),
            it(GAMMA, "RKPDes", 2027, "2026-09-30", l, -97),
            it(ALPHA, "APBDes", 2027, "2026-12-31", l, -5),
            it(BETA, "APBDes", 2027, "2026-12-31", l, -5),
            it(GAMMA, "APBDes", 2027, "2026-12-31", l, -5),
            it(ALPHA, "RKPDes", 2028, "2027-09-30", m, 268),
            it(BETA, "RKPDes", 2028, "2027-09-30", m, 268),
            it(GAMMA, "RKPDes", 2028, "2027-09-30", m, 268),
            it(ALPHA, "APBDes", 2028, "2027-12-31", m, 360),
            it(BETA, "APBDes", 2028, "2027-12-31", m, 360),
            it(GAMMA, "APBDes", 2028, "2027-12-31", m, 360),
            it(ALPHA, "LPPDes", 2027, "2028-03-31", m, 451),
            it(BETA, "LPPDes", 2027, "2028-03-31", m, 451),
            it(GAMMA, "LPPDes", 2027, "2028-03-31", m, 451),
        ]
    );
    assert_eq!(
        cek["ringkasan"],
        json!({"lewat_tenggat": 5, "mendekati_tenggat": 9, "tugas_kantor": 0})
    );
}

#[test]
fn default_first_year_is_last_year_and_atur_tahun_awal_changes_it() {
    let d = Dunia::sukamaju("2026-09-30");
    let tahun = |d: &Dunia| {
        let (cek, _) = d.cek_json("2026-09-30", &[]);
        let mut ta: Vec<i64> = item(&cek).iter().map(|i| i.2).collect();
        ta.sort();
        ta.dedup();
        ta
    };
    // default: today's year − 1 = 2025
    let (cek, kode) = d.cek_json("2026-09-30", &[]);
    assert_eq!(kode, 1);
    assert_eq!(
        item(&cek)[..3],
        [
            it(ALPHA, "RKPDes", 2025, "2024-09-30", "lewat_tenggat", -730),
            it(BETA, "RKPDes", 2025, "2024-09-30", "lewat_tenggat", -730),
            it(GAMMA, "RKPDes", 2025, "2024-09-30", "lewat_tenggat", -730),
        ]
    );
    assert_eq!(tahun(&d), vec![2025, 2026, 2027]);
    assert_eq!(
        cek["ringkasan"],
        json!({"lewat_tenggat": 15, "mendekati_tenggat": 3, "tugas_kantor": 0})
    );

    d.ok("2026-09-30", &["atur", "tahun-awal", "2026"]);
    assert_eq!(tahun(&d), vec![2026, 2027]);

    d.ok("2026-09-30", &["set", "first-year", "2027"]);
    assert_eq!(tahun(&d), vec![2027]);
    let (_, kode) = d.cek_json("2026-09-30", &[]);
    assert_eq!(kode, 0, "TA 2027 RKPDes is due today, not overdue");
}

#[test]
fn atur_tahun_awal_rejects_a_non_year_with_exit_2() {
    let d = sukamaju_2027();
    let o = d.jalan("2026-09-30", &["atur", "tahun-awal", "abc"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(teks(&o.stderr).contains("abc"), "{}", teks(&o.stderr));
    // the setting kept its value
    assert_eq!(
        item(&d.cek_json("2026-09-30", &[]).0),
        rkpdes_2027("mendekati_tenggat", 0)
    );
}

#[test]
fn empty_database_is_an_error_not_a_clean_check() {
    // a database made by init holds no kecamatan: cron must not read that as "nothing overdue"
    let d = Dunia::new();
    d.ok("2026-10-05", &["init"]);
    let keluar = d
        .cmd("2026-10-05")
        .args(["cek", "--json"])
        .output()
        .unwrap();
    assert_eq!(keluar.status.code(), Some(2));
    assert!(keluar.stdout.is_empty());
    let galat = String::from_utf8(keluar.stderr).unwrap();
    assert!(
        galat.starts_with("belum ada kecamatan di basis data"),
        "{galat}"
    );
    assert!(galat.contains("init --contoh"), "{galat}");
}

fn dua_kecamatan() -> Dunia {
    let d = sukamaju_2027();
    d.impor("2026-08-01", "desa", "desa2.csv", DESA_MEKARSARI);
    d
}

#[test]
fn kecamatan_option_limits_cek_to_one_kecamatan() {
    let d = dua_kecamatan();
    let (semua, _) = d.cek_json("2026-10-01", &[]);
    let desa: Vec<String> = item(&semua).into_iter().map(|i| i.0).collect();
    assert_eq!(desa, vec![ALPHA, BETA, GAMMA, "35.08.22.2001"]);

    let (satu, kode) = d.cek_json("2026-10-01", &["--kecamatan", "35.08.22"]);
    assert_eq!(kode, 1);
    assert_eq!(
        item(&satu),
        vec![it(
            "35.08.22.2001",
            "RKPDes",
            2027,
            "2026-09-30",
            "lewat_tenggat",
            -1
        )]
    );
    assert_eq!(satu["dokumen"][0]["kecamatan"], "Mekarsari");
}

#[test]
fn pantau_kecamatan_env_limits_cek_like_the_option() {
    let d = dua_kecamatan();
    let o = d
        .cmd("2026-10-01")
        .env("PANTAU_KECAMATAN", "35.08.21")
        .args(["cek", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(item(&json(&o.stdout)), rkpdes_2027("lewat_tenggat", -1));
}

#[test]
fn unknown_kecamatan_code_is_an_error_with_exit_2() {
    let d = dua_kecamatan();
    let o = d.jalan("2026-10-01", &["--kecamatan", "35.08.99", "cek"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(teks(&o.stderr).contains("35.08.99"), "{}", teks(&o.stderr));
}

#[test]
fn pantau_db_and_pantau_today_env_vars_replace_the_options() {
    let d = sukamaju_2027();
    let o = d
        .polos()
        .env("PANTAU_DB", d.db())
        .env("PANTAU_TODAY", "2026-10-01")
        .args(["cek", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
    let cek = json(&o.stdout);
    assert_eq!(cek["tanggal"], "2026-10-01");
    assert_eq!(item(&cek), rkpdes_2027("lewat_tenggat", -1));
}

#[test]
fn today_option_wins_over_pantau_today_env() {
    let d = sukamaju_2027();
    let o = d
        .cmd("2026-09-30")
        .env("PANTAU_TODAY", "2026-10-01")
        .args(["cek", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o.stdout)["tanggal"], "2026-09-30");
}

#[test]
fn check_alias_and_hari_ini_alias_work() {
    let d = sukamaju_2027();
    let o = d
        .polos()
        .arg("--db")
        .arg(d.db())
        .args(["--hari-ini", "2026-10-01", "check", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
    let cek = json(&o.stdout);
    assert_eq!(cek["tanggal"], "2026-10-01");
    assert_eq!(item(&cek), rkpdes_2027("lewat_tenggat", -1));
}

#[test]
fn global_options_may_follow_the_subcommand() {
    let d = sukamaju_2027();
    let o = d
        .polos()
        .args(["cek", "--json", "--today", "2026-10-01", "--db"])
        .arg(d.db())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
    assert_eq!(item(&json(&o.stdout)), rkpdes_2027("lewat_tenggat", -1));
}

/// Lines of `cek`'s text output, with stdout a pipe (not a terminal), as in a cron mail.
fn baris_teks(d: &Dunia, hari_ini: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["cek"];
    args.extend_from_slice(extra);
    let o = d.jalan(hari_ini, &args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        teks(&o.stderr)
    );
    teks(&o.stdout).lines().map(String::from).collect()
}

#[test]
fn text_output_to_a_file_or_pipe_keeps_long_desa_names_whole() {
    let d = sukamaju_2027();
    let nama = "Kampuang Tanjuang Koto Mambang Sungai Da"; // 40 characters
    assert_eq!(nama.chars().count(), 40);
    d.impor(
        "2026-08-01",
        "desa",
        "panjang.csv",
        &format!("kode;nama;kecamatan\n35.08.21.2004;{nama};Sukamaju\n"),
    );
    let baris = baris_teks(&d, "2026-10-01", &[]);
    let item: Vec<&String> = baris
        .iter()
        .filter(|b| b.contains("35.08.21.2004"))
        .collect();
    assert_eq!(item.len(), 1, "{baris:#?}");
    assert!(item[0].contains(nama), "cut: {}", item[0]);
    assert!(!item[0].contains('~'), "{}", item[0]);
}

#[test]
fn text_output_over_two_kecamatan_names_each_items_kecamatan() {
    let d = dua_kecamatan();
    let baris = baris_teks(&d, "2026-10-01", &[]);
    assert!(baris[0].contains("2 kecamatan"), "{baris:#?}");
    let alpha = baris.iter().find(|b| b.contains(ALPHA)).expect("Alpha");
    assert!(
        alpha.contains("Alpha") && alpha.contains("Sukamaju"),
        "{alpha}"
    );
    let delta = baris
        .iter()
        .find(|b| b.contains("35.08.22.2001"))
        .expect("Delta");
    assert!(
        delta.contains("Delta") && delta.contains("Mekarsari"),
        "{delta}"
    );

    // one kecamatan in scope: no kecamatan on the item lines (the summary names it)
    let satu = baris_teks(&d, "2026-10-01", &["--kecamatan", "35.08.22"]);
    assert!(satu[0].contains("Kec. Mekarsari 35.08.22"), "{satu:#?}");
    assert!(
        satu[1..].iter().all(|b| !b.contains("Mekarsari")),
        "{satu:#?}"
    );
}

#[test]
fn same_named_desa_are_told_apart_by_their_code() {
    let d = sukamaju_2027();
    d.impor(
        "2026-08-01",
        "desa",
        "kembar.csv",
        "kode;nama;kecamatan\n35.08.22.2001;Alpha;Mekarsari\n",
    );
    let baris = baris_teks(&d, "2026-10-01", &[]);
    let alpha: Vec<&String> = baris.iter().filter(|b| b.contains(" Alpha")).collect();
    assert_eq!(alpha.len(), 2, "{baris:#?}");
    assert!(alpha[0].contains(ALPHA) && alpha[0].contains("Sukamaju"));
    assert!(alpha[1].contains("35.08.22.2001") && alpha[1].contains("Mekarsari"));
}

/// The import refuses control characters, so an old or hand-edited database is made here:
/// the names are written with plain SQL through rusqlite (the audit trigger's user function
/// registered as pantau does).
fn tulis_nama_mentah(d: &Dunia, sql: &str, nama: &str, kode: &str) {
    use rusqlite::functions::FunctionFlags;
    let c = rusqlite::Connection::open(d.db()).unwrap();
    c.create_scalar_function("pantau_pengguna", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok("uji".to_string())
    })
    .unwrap();
    assert_eq!(c.execute(sql, [nama, kode]).unwrap(), 1);
}

#[test]
fn control_characters_in_stored_names_are_never_printed_raw() {
    let d = dua_kecamatan();
    tulis_nama_mentah(
        &d,
        "UPDATE desa SET nama = ?1 WHERE kode = ?2",
        "Alpha\u{1b}[2J\u{1b}]0;judul\u{7}\u{202e}balik\r",
        ALPHA,
    );
    tulis_nama_mentah(
        &d,
        "UPDATE kecamatan SET nama = ?1 WHERE kode = ?2",
        "Suka\u{1b}[31mmaju",
        KEC,
    );
    for extra in [&[][..], &["--kecamatan", KEC][..]] {
        let mut args = vec!["cek"];
        args.extend_from_slice(extra);
        let o = d.jalan("2026-10-01", &args);
        let out = teks(&o.stdout);
        assert!(
            !out.chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "raw control character in {out:?}"
        );
        assert!(out.contains("Alpha?[2J?]0;judul??balik?"), "{out:?}");
        assert!(out.contains("Suka?[31mmaju"), "{out:?}");
    }
    // JSON escapes them: the value is kept exactly
    let (cek, _) = d.cek_json("2026-10-01", &[]);
    assert_eq!(
        cek["dokumen"][0]["desa"],
        "Alpha\u{1b}[2J\u{1b}]0;judul\u{7}\u{202e}balik\r"
    );
}

/// Three kecamatan of 999 desa each, all without documents: a list far longer than a pipe's
/// buffer.
fn kecamatan_besar() -> Dunia {
    let d = Dunia::new();
    let mut csv = String::from("kode;nama;kecamatan;kabupaten\n");
    for (kec, nama) in [(21, "Sukamaju"), (22, "Mekarsari"), (23, "Tempeh")] {
        for i in 1..=999 {
            csv.push_str(&format!(
                "35.08.{kec}.{:04};Desa Nomor {i};{nama};Lumajang\n",
                2000 + i
            ));
        }
    }
    d.ok("2026-08-01", &["init"]);
    d.impor("2026-08-01", "desa", "besar.csv", &csv);
    d.ok("2026-08-01", &["atur", "tahun-awal", "2027"]);
    d.hanya_tiga("2026-08-01");
    d
}

#[test]
fn a_reader_that_stops_early_gets_no_error_message() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let d = kecamatan_besar();
    for extra in [&[][..], &["--json"][..]] {
        // `pantau cek | head -n 1`
        let mut anak = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
            .env_remove("PANTAU_DB")
            .env_remove("PANTAU_TODAY")
            .env_remove("PANTAU_KECAMATAN")
            .arg("--db")
            .arg(d.db())
            .args(["--today", "2026-10-01", "cek"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut pertama = String::new();
        BufReader::new(anak.stdout.take().unwrap())
            .read_line(&mut pertama)
            .unwrap();
        // the pipe is closed here, long before the 2,997 items are written
        let o = anak.wait_with_output().unwrap();
        if extra.is_empty() {
            assert!(pertama.starts_with("2.997 lewat tenggat"), "{pertama}");
        } else {
            assert_eq!(pertama, "{\n");
        }
        assert_eq!(teks(&o.stderr), "", "{extra:?}");
        // ended by SIGPIPE (no exit code), or by the write error with the check's code
        assert!(matches!(o.status.code(), None | Some(1)), "{:?}", o.status);
    }
}

#[test]
fn the_full_list_is_written_after_the_summary_counted_from_the_tallies() {
    let d = kecamatan_besar();
    let baris = baris_teks(&d, "2026-10-01", &[]);
    assert!(
        baris[0].starts_with("2.997 lewat tenggat, 0 mendekati"),
        "{}",
        baris[0]
    );
    assert_eq!(baris.len(), 2 + 2997);
    assert!(
        baris[2].ends_with("35.08.21.2001 Desa Nomor 1 (Sukamaju)"),
        "{}",
        baris[2]
    );
    assert!(
        baris[2998].ends_with("35.08.23.2999 Desa Nomor 999 (Tempeh)"),
        "{}",
        baris[2998]
    );
    let (cek, kode) = d.cek_json("2026-10-01", &[]);
    assert_eq!(kode, 1);
    assert_eq!(cek["dokumen"].as_array().unwrap().len(), 2997);
    assert_eq!(cek["ringkasan"]["lewat_tenggat"], 2997);
}

#[test]
fn on_a_terminal_each_line_fits_its_width_in_display_cells() {
    use unicode_width::UnicodeWidthStr;
    // util-linux `script` gives the program a terminal of its own
    // needed, not optional: `.ci/run` installs it (bsdutils) when it is missing
    assert!(
        std::process::Command::new("script")
            .arg("--version")
            .output()
            .is_ok(),
        "script (util-linux, Debian bsdutils) is needed for this test"
    );
    let d = dua_kecamatan();
    let panjang = "Kampuang Tanjuang Koto Mambang Sungai Da";
    d.impor(
        "2026-08-01",
        "desa",
        "panjang.csv",
        &format!("kode;nama;kecamatan\n35.08.21.2004;{panjang};Sukamaju\n35.08.21.2005;北京朝阳区很长很长的名字的村子;Sukamaju\n"),
    );
    for kolom in [60, 80] {
        let perintah = format!(
            "stty cols {kolom} rows 24; exec '{}' --db '{}' --today 2026-10-01 cek",
            env!("CARGO_BIN_EXE_pantau"),
            d.db().display()
        );
        let o = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &perintah, "/dev/null"])
            .env_remove("PANTAU_DB")
            .env_remove("PANTAU_TODAY")
            .env_remove("PANTAU_KECAMATAN")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
        let out = teks(&o.stdout);
        let baris: Vec<&str> = out.lines().map(|b| b.trim_end_matches('\r')).collect();
        assert!(baris.len() >= 7, "{out}");
        for b in &baris {
            assert!(b.width() <= kolom, "{kolom}: {b:?} is {} cells", b.width());
        }
        assert!(
            baris[0].starts_with("6 lewat") && baris[0].contains("(30 hari) · 01/10/2026 · 2 "),
            "{}",
            baris[0]
        );
        let item = baris.iter().find(|b| b.contains("35.08.21.2004")).unwrap();
        assert!(item.contains("Kampuang") && item.contains('~'), "{item}");
    }
}
