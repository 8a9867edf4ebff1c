//! Shell completions and man pages, made from the same Indonesian command definitions as
//! `--help` (clap_complete, clap_mangen), printed or installed where shells and `man` look.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap_complete::Shell;

use super::keluaran::{cetak, cetak_galat};
use super::{GalatCli, KELUAR_OK, perintah_clap, sebab_io};

/// `pantau lengkapan SHELL`: the completion script on standard output.
pub fn lengkapan(shell: Shell) -> Result<u8, GalatCli> {
    let isi = skrip(shell);
    std::io::stdout()
        .write_all(&isi)
        .map_err(|e| format!("keluaran tidak dapat ditulis: {}", sebab_io(&e)))?;
    Ok(KELUAR_OK)
}

fn skrip(shell: Shell) -> Vec<u8> {
    let mut c = perintah_clap();
    let mut isi = Vec::new();
    clap_complete::generate(shell, &mut c, "pantau", &mut isi);
    isi
}

/// The man page of `pantau` (or of `pantau PERINTAH`), with Indonesian section names.
fn halaman(c: &clap::Command, nama: &str) -> Vec<u8> {
    let c = c
        .clone()
        .name(nama.to_string())
        .bin_name(nama.replace('-', " "));
    let mut isi = Vec::new();
    // writing into a Vec cannot fail
    let _ = clap_mangen::Man::new(c).render(&mut isi);
    let teks = String::from_utf8_lossy(&isi);
    let mut hasil = String::with_capacity(teks.len());
    for baris in teks.lines() {
        let b = match baris {
            ".SH NAME" => ".SH NAMA",
            ".SH SYNOPSIS" => ".SH PEMAKAIAN",
            ".SH DESCRIPTION" => ".SH KETERANGAN",
            ".SH OPTIONS" => ".SH OPSI",
            ".SH SUBCOMMANDS" => ".SH PERINTAH",
            ".SH VERSION" => ".SH VERSI",
            ".SH AUTHORS" => ".SH PENULIS",
            lain => lain,
        };
        match b.strip_prefix(".SH ") {
            Some(judul) => hasil.push_str(&format!(".SH {}", judul.to_uppercase())),
            None => hasil.push_str(b),
        }
        hasil.push('\n');
    }
    hasil.into_bytes()
}

/// Every man page: `pantau.1`, then `pantau-PERINTAH.1` for each command and subcommand.
fn semua_halaman() -> Vec<(String, Vec<u8>)> {
    fn telusur(c: &clap::Command, nama: &str, hasil: &mut Vec<(String, Vec<u8>)>) {
        hasil.push((format!("{nama}.1"), halaman(c, nama)));
        for sub in c.get_subcommands() {
            telusur(sub, &format!("{nama}-{}", sub.get_name()), hasil);
        }
    }
    let mut hasil = Vec::new();
    telusur(&perintah_clap(), "pantau", &mut hasil);
    hasil
}

/// `pantau manual`: the man page on standard output (`pantau manual | man -l -`).
pub fn manual(perintah: &[String]) -> Result<u8, GalatCli> {
    let mut c = perintah_clap();
    let mut nama = "pantau".to_string();
    for p in perintah {
        let Some(sub) = c
            .get_subcommands()
            .find(|s| s.get_name() == p || s.get_all_aliases().any(|a| a == p))
            .cloned()
        else {
            return Err(format!("perintah '{p}' tidak dikenal (lihat pantau --help)").into());
        };
        nama = format!("{nama}-{}", sub.get_name());
        c = sub;
    }
    std::io::stdout()
        .write_all(&halaman(&c, &nama))
        .map_err(|e| format!("keluaran tidak dapat ditulis: {}", sebab_io(&e)))?;
    Ok(KELUAR_OK)
}

/// `pantau pasang`: completions for bash, zsh and fish and the man pages, under the user's
/// data folder (`~/.local/share`) or, with `--sistem`, `/usr/local/share`.
pub fn pasang(sistem: bool, ke: Option<PathBuf>) -> Result<u8, GalatCli> {
    let dasar = match (ke, sistem) {
        (Some(p), _) => p,
        (None, true) => PathBuf::from("/usr/local/share"),
        (None, false) => super::folder_data().ok_or_else(|| {
            GalatCli(vec![
                "folder data pengguna tidak diketahui (HOME tidak ada); pakai --ke FOLDER atau --sistem"
                    .into(),
            ])
        })?,
    };
    let mut berkas: Vec<(PathBuf, Vec<u8>)> = vec![
        (
            dasar.join("bash-completion/completions/pantau"),
            skrip(Shell::Bash),
        ),
        (dasar.join("zsh/site-functions/_pantau"), skrip(Shell::Zsh)),
        (
            dasar.join("fish/vendor_completions.d/pantau.fish"),
            skrip(Shell::Fish),
        ),
    ];
    for (nama, isi) in semua_halaman() {
        berkas.push((dasar.join("man/man1").join(nama), isi));
    }
    for (jalur, isi) in &berkas {
        tulis(jalur, isi)?;
    }
    cetak!(
        "Lengkapan perintah dan halaman manual dipasang di {}:",
        dasar.display()
    );
    cetak!("  bash: {}", berkas[0].0.display());
    cetak!("  zsh:  {}", berkas[1].0.display());
    cetak!("  fish: {}", berkas[2].0.display());
    cetak!(
        "  man:  {} ({} halaman)",
        dasar.join("man/man1").display(),
        berkas.len() - 3
    );
    if !sistem {
        cetak_galat!(
            "Untuk zsh, tambahkan ke ~/.zshrc: fpath=({} $fpath); man menemukan halamannya bila ~/.local/bin ada di PATH, atau dengan MANPATH={}:",
            dasar.join("zsh/site-functions").display(),
            dasar.join("man").display()
        );
    }
    Ok(KELUAR_OK)
}

/// Writes one file through a temporary name, so a failure leaves no half file.
fn tulis(jalur: &Path, isi: &[u8]) -> Result<(), GalatCli> {
    let galat = |e: std::io::Error| {
        GalatCli(vec![format!(
            "{}: tidak dapat ditulis: {}",
            jalur.display(),
            sebab_io(&e)
        )])
    };
    if let Some(folder) = jalur.parent() {
        std::fs::create_dir_all(folder).map_err(galat)?;
    }
    let sementara = jalur.with_extension("pantau-baru");
    std::fs::write(&sementara, isi).map_err(galat)?;
    std::fs::rename(&sementara, jalur).map_err(|e| {
        let _ = std::fs::remove_file(&sementara);
        galat(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_know_the_indonesian_commands_and_their_aliases() {
        let bash = String::from_utf8(skrip(Shell::Bash)).unwrap();
        for kata in [
            "impor",
            "import",
            "cek",
            "check",
            "cadangkan",
            "--baca-saja",
            "--hari",
        ] {
            assert!(bash.contains(kata), "{kata} missing");
        }
        let fish = String::from_utf8(skrip(Shell::Fish)).unwrap();
        assert!(fish.contains("Dokumen desa yang lewat tenggat"), "{fish}");
    }

    #[test]
    fn man_pages_speak_indonesian_and_cover_every_command() {
        let semua = semua_halaman();
        let nama: Vec<&str> = semua.iter().map(|(n, _)| n.as_str()).collect();
        for n in [
            "pantau.1",
            "pantau-cek.1",
            "pantau-impor.1",
            "pantau-impor-desa.1",
        ] {
            assert!(nama.contains(&n), "{n} missing in {nama:?}");
        }
        let utama = String::from_utf8(semua[0].1.clone()).unwrap();
        assert!(utama.contains(".SH NAMA"), "{utama}");
        assert!(utama.contains(".SH PERINTAH"), "{utama}");
        assert!(!utama.contains(".SH NAME"), "{utama}");
        assert!(utama.contains("Pemantauan dokumen desa"), "{utama}");
    }
}
