//! `pantau init`, the sample kecamatan, the database location and global errors.

mod common;

use common::*;
use serde_json::json;

const HARI_INI: &str = "2026-09-30";

#[test]
fn init_creates_an_empty_database() {
    let d = Dunia::new();
    assert!(!d.db().exists());
    d.ok(HARI_INI, &["init"]);
    assert!(d.db().is_file(), "database file created");
    assert_eq!(
        d.iku_json(HARI_INI, 2026),
        json!({"tahun": 2026, "kecamatan": []})
    );
}

#[test]
fn init_twice_on_an_empty_database_is_harmless() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.ok(HARI_INI, &["init"]);
    assert_eq!(d.iku_json(HARI_INI, 2026)["kecamatan"], json!([]));
}

#[test]
fn only_init_creates_a_missing_database() {
    let d = Dunia::new();
    let o = d.jalan(HARI_INI, &["iku", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("pantau init"),
        "{}",
        teks(&o.stderr)
    );
    assert!(!d.db().exists());
    d.ok(HARI_INI, &["init"]);
    assert_eq!(
        d.iku_json(HARI_INI, 2026),
        json!({"tahun": 2026, "kecamatan": []})
    );
}

#[test]
fn default_database_lives_under_xdg_data_home() {
    let d = Dunia::new();
    let o = d
        .polos()
        .args(["--today", HARI_INI, "init"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    assert!(d.path().join("xdg/pantau/pantau.db").is_file());
}

#[test]
fn init_contoh_loads_yosowilangun_with_12_desa() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let iku = d.iku_json(HARI_INI, 2026);
    let kec = iku["kecamatan"].as_array().unwrap();
    assert_eq!(kec.len(), 1, "{iku}");
    assert_eq!(kec[0]["kode"], "35.08.07");
    assert_eq!(kec[0]["nama"], "Yosowilangun");
    assert_eq!(kec[0]["jumlah_desa"], 12);
    // every desa appears in cek (LPPDes of next year cannot be dated yet), .2001 … .2012
    let (cek, _) = d.cek_json(HARI_INI, &["--hari", "3660"]);
    let mut desa: Vec<(String, String)> = cek["dokumen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kode_desa"].as_str().unwrap().to_string(),
                i["desa"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    desa.sort();
    desa.dedup();
    let kode: Vec<String> = desa.iter().map(|x| x.0.clone()).collect();
    let harap: Vec<String> = (1..=12).map(|n| format!("35.08.07.20{n:02}")).collect();
    assert_eq!(kode, harap);
    assert_eq!(desa[0].1, "Darungan");
    assert_eq!(desa[11].1, "Kalipepe");
}

#[test]
fn init_contoh_again_exits_0_and_changes_nothing() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--contoh"]);
    let sebelum = d.potret(HARI_INI);
    d.ok(HARI_INI, &["init", "--contoh"]);
    assert_eq!(d.potret(HARI_INI), sebelum);
    d.ok(HARI_INI, &["init", "--sample"]);
    assert_eq!(d.potret(HARI_INI), sebelum);
}

#[test]
fn init_sample_alias_loads_the_same_kecamatan() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init", "--sample"]);
    let iku = d.iku_json(HARI_INI, 2026);
    assert_eq!(iku["kecamatan"][0]["kode"], "35.08.07");
    assert_eq!(iku["kecamatan"][0]["jumlah_desa"], 12);
}

#[test]
fn import_alias_works_like_impor() {
    let d = Dunia::new();
    d.ok(HARI_INI, &["init"]);
    d.tulis("desa.csv", DESA_SUKAMAJU);
    d.ok(HARI_INI, &["import", "desa", "desa.csv"]);
    assert_eq!(
        kecamatan(&d.iku_json(HARI_INI, 2026), KEC)["jumlah_desa"],
        3
    );
}

fn galat_global(d: &Dunia, args: &[&str]) -> String {
    let o = d
        .polos()
        .arg("--db")
        .arg(d.db())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{args:?}\nstdout:\n{}\nstderr:\n{}",
        teks(&o.stdout),
        teks(&o.stderr)
    );
    assert_eq!(teks(&o.stdout), "", "errors go to stderr only");
    let err = teks(&o.stderr);
    assert!(!err.trim().is_empty(), "an error message is expected");
    for english in [
        "error:",
        "invalid value",
        "Usage:",
        "unrecognized",
        "For more information",
    ] {
        assert!(!err.contains(english), "message must be Indonesian: {err}");
    }
    err
}

#[test]
fn impossible_today_is_an_indonesian_error_with_exit_2() {
    let d = Dunia::new();
    let err = galat_global(&d, &["--today", "2026-02-30", "cek"]);
    assert!(err.contains("2026-02-30"), "{err}");
    assert!(err.contains("tanggal"), "{err}");
    assert!(!d.db().exists(), "nothing is created on a bad argument");
}

#[test]
fn today_that_is_not_a_date_is_an_indonesian_error_with_exit_2() {
    let d = Dunia::new();
    let err = galat_global(&d, &["--today", "kemarin", "cek"]);
    assert!(err.contains("kemarin"), "{err}");
    assert!(err.contains("tanggal"), "{err}");
}

#[test]
fn bad_pantau_today_env_is_an_error_with_exit_2() {
    let d = Dunia::new();
    let o = d
        .polos()
        .arg("--db")
        .arg(d.db())
        .env("PANTAU_TODAY", "31/02/2026")
        .arg("cek")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("31/02/2026"),
        "{}",
        teks(&o.stderr)
    );
}

#[test]
fn unknown_subcommand_is_an_error_with_exit_2() {
    let d = Dunia::new();
    let err = galat_global(&d, &["--today", HARI_INI, "frobnicate"]);
    assert!(err.contains("frobnicate"), "{err}");
}

#[test]
fn unknown_option_is_an_error_with_exit_2() {
    let d = Dunia::new();
    let err = galat_global(&d, &["--today", HARI_INI, "cek", "--frob"]);
    assert!(err.contains("--frob"), "{err}");
}

#[test]
fn non_numeric_hari_is_an_error_with_exit_2() {
    let d = Dunia::new();
    let err = galat_global(&d, &["--today", HARI_INI, "cek", "--hari", "tiga"]);
    assert!(err.contains("tiga"), "{err}");
}

#[test]
fn db_pointing_at_a_folder_is_an_error_with_exit_2() {
    let d = Dunia::new();
    let o = d
        .polos()
        .arg("--db")
        .arg(d.path())
        .args(["--today", HARI_INI, "cek"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!teks(&o.stderr).trim().is_empty());
}

#[test]
fn today_option_overrides_an_invalid_pantau_today_env() {
    let d = Dunia::sukamaju(HARI_INI);
    for args in [
        &["--today", "2026-10-01", "cek", "--json"][..],
        &["cek", "--json", "--today", "2026-10-01"][..],
    ] {
        let o = d
            .polos()
            .arg("--db")
            .arg(d.db())
            .env("PANTAU_TODAY", "kemarin")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", teks(&o.stderr));
        assert_eq!(json(&o.stdout)["tanggal"], "2026-10-01");
    }
}

#[test]
fn db_option_overrides_an_empty_pantau_db_env() {
    let d = Dunia::sukamaju(HARI_INI);
    let o = d
        .polos()
        .env("PANTAU_DB", "")
        .arg("--db")
        .arg(d.db())
        .args(["--today", "2026-10-01", "cek", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", teks(&o.stderr));
    assert_eq!(json(&o.stdout)["ringkasan"]["lewat_tenggat"], 18);
}

#[test]
fn empty_db_path_error_does_not_say_it_must_be_a_number() {
    let d = Dunia::new();
    let o = d
        .polos()
        .args(["--db", "", "--today", HARI_INI, "cek"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = teks(&o.stderr);
    assert!(err.contains("--db"), "{err}");
    assert!(!err.contains("bilangan bulat"), "{err}");
}

#[test]
fn help_command_is_the_help_of_the_command() {
    let d = Dunia::new();
    let o = d.polos().args(["help", "cek"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        teks(&o.stdout).contains("Pemakaian: pantau cek"),
        "{}",
        teks(&o.stdout)
    );
    let o = d.polos().arg("help").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(teks(&o.stdout).contains("Perintah"), "{}", teks(&o.stdout));
}

#[test]
fn a_missing_database_in_a_missing_folder_says_the_folder_is_missing() {
    let d = Dunia::new();
    let db = d.path().join("tidak").join("ada").join("x.db");
    let o = d.polos().arg("--db").arg(&db).arg("cek").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        teks(&o.stderr).contains("pun tidak ada"),
        "{}",
        teks(&o.stderr)
    );
    assert!(!d.path().join("tidak").exists());
}

// ---------------------------------------------------------------- terminal conventions

/// Issue 10: a locale that is not UTF-8 gets ASCII text from the command line, as the
/// interface already does; JSON stays the same data, written with `\u` escapes.
#[test]
fn a_non_utf8_locale_gets_ascii_text_and_the_same_json() {
    let d = Dunia::new();
    d.impor(
        HARI_INI,
        "desa",
        "desa.csv",
        "kode;nama;kecamatan\n35.08.21.2001;Désa Ñoño;Sukamaju\n",
    );
    let ascii = |args: &[&str]| {
        let o = d
            .cmd(HARI_INI)
            .env("LC_ALL", "C")
            .args(args)
            .output()
            .unwrap();
        let s = teks(&o.stdout);
        assert!(
            s.is_ascii(),
            "{args:?} printed non-ASCII under LC_ALL=C: {s}"
        );
        s
    };
    let cek = ascii(&["cek", "--hari", "400"]);
    assert!(cek.contains("Desa Nono"), "{cek}");
    assert!(
        cek.contains(" - "),
        "the separator dot becomes a dash: {cek}"
    );
    let utf8 = teks(&d.jalan(HARI_INI, &["cek", "--hari", "400"]).stdout);
    assert!(utf8.contains("Désa Ñoño") && utf8.contains(" · "), "{utf8}");
    let j_ascii: serde_json::Value =
        serde_json::from_str(&ascii(&["cek", "--hari", "400", "--json"])).unwrap();
    let (j_utf8, _) = d.cek_json(HARI_INI, &["--hari", "400"]);
    assert_eq!(j_ascii, j_utf8);
    assert_eq!(j_utf8["dokumen"][0]["desa"], "Désa Ñoño");
    let bantuan = ascii(&["impor", "fasilitasi", "--help"]);
    assert!(bantuan.contains("F01-F18"), "{bantuan}");
    // --ascii asks for the same on a UTF-8 terminal
    let o = d.jalan(HARI_INI, &["--ascii", "cek", "--hari", "400"]);
    assert!(teks(&o.stdout).is_ascii());
    // errors too
    let o = d
        .cmd(HARI_INI)
        .env("LC_ALL", "C")
        .args(["impor", "desa", "tidak-ada.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(teks(&o.stderr).is_ascii() && !o.stderr.is_empty());
}

/// A relative XDG_DATA_HOME is ignored (XDG Base Directory): the default is under HOME.
#[test]
fn a_relative_xdg_data_home_is_ignored() {
    let d = Dunia::new();
    d.polos()
        .env("XDG_DATA_HOME", "relatif")
        .arg("init")
        .assert()
        .success();
    assert!(d.path().join(".local/share/pantau/pantau.db").is_file());
    assert!(!d.path().join("relatif").exists());
}

/// With no HOME the home folder comes from the password database, never the current folder.
#[test]
fn no_home_uses_the_password_database_home() {
    let d = Dunia::new();
    let o = d
        .polos()
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["cek"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = teks(&o.stderr);
    assert!(
        err.starts_with("basis data /") && err.contains("/.local/share/pantau/pantau.db belum ada"),
        "{err}"
    );
    assert!(!d.path().join("pantau").exists() && !d.path().join(".local").exists());
}

/// `pantau pasang` installs completions and man pages where shells and man look;
/// `lengkapan` and `manual` print them.
#[test]
fn completions_and_man_pages_are_installed_and_printed() {
    let d = Dunia::new();
    let o = d.polos().arg("pasang").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", teks(&o.stderr));
    let dasar = d.path().join("xdg");
    let bash = std::fs::read_to_string(dasar.join("bash-completion/completions/pantau")).unwrap();
    assert!(bash.contains("cadangkan") && bash.contains("--baca-saja"));
    assert!(dasar.join("zsh/site-functions/_pantau").is_file());
    let fish =
        std::fs::read_to_string(dasar.join("fish/vendor_completions.d/pantau.fish")).unwrap();
    assert!(fish.contains("Dokumen desa yang lewat tenggat"));
    let man = std::fs::read_to_string(dasar.join("man/man1/pantau-cek.1")).unwrap();
    assert!(
        man.contains(".SH NAMA") && man.contains("pantau\\-cek"),
        "{man}"
    );
    assert!(!d.path().join("xdg/pantau").exists(), "no database made");
    let o = d.polos().args(["completions", "bash"]).output().unwrap();
    assert_eq!(teks(&o.stdout), bash);
    let o = d
        .polos()
        .args(["manual", "impor", "desa"])
        .output()
        .unwrap();
    let halaman = teks(&o.stdout);
    assert!(halaman.contains("Desa dan penduduknya"), "{halaman}");
    let o = d
        .polos()
        .args(["manual", "impor", "bukan"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        teks(&o.stderr),
        "perintah 'bukan' tidak dikenal (lihat pantau --help)\n"
    );
}
