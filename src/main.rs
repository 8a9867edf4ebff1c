//! Parse arguments, open the store, hand over to the CLI. Nothing else.

use std::process::ExitCode;

use pantau::cli::{self, KELUAR_GALAT};

fn main() -> ExitCode {
    // `pantau cek | head` must end quietly, like other Unix tools, not panic on a closed pipe
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match cli::baca_argumen() {
        Ok(Some(c)) => c,
        Ok(None) => return ExitCode::SUCCESS,
        Err(g) => return gagal(g),
    };
    // today comes from one place: --today / PANTAU_TODAY, or the clock
    let hari_ini = match cli::hari_ini(&cli, || chrono::Local::now().date_naive()) {
        Ok(h) => h,
        Err(g) => return gagal(g),
    };
    match cli::jalankan(cli, hari_ini) {
        Ok(kode) => ExitCode::from(kode),
        Err(g) => gagal(g),
    }
}

fn gagal(g: cli::GalatCli) -> ExitCode {
    for baris in g.0 {
        eprintln!("{}", cli::keluaran::teks(&baris));
    }
    ExitCode::from(KELUAR_GALAT)
}
