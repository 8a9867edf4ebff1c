//! The terminal interface: draws only when something changed, drains pending events before
//! drawing once, wraps each frame in a synchronized update, and restores the terminal on exit,
//! on `Ctrl-C`, on SIGTERM, SIGHUP (an SSH session that drops) and SIGINT, and on a panic.

pub mod aksi;
pub mod app;
pub(crate) mod ekspor;
mod gambar;
mod riwayat;
mod tabs;
pub mod teks;
pub mod tema;
pub mod widgets;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

pub use app::{App, Konteks};

/// How often the screen asks the database whether another operator changed something.
const PERIKSA_PERUBAHAN: Duration = Duration::from_secs(2);

/// How often the loop looks whether a signal asked it to stop.
const PERIKSA_SINYAL: Duration = Duration::from_millis(200);

/// Signals that end the interface after the terminal is given back.
const SINYAL: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

pub fn jalankan(mut app: App) -> io::Result<()> {
    // the signal arrives as a number in `sinyal`; the loop sees it, leaves, and the terminal is
    // restored below like on any exit
    let sinyal = Arc::new(AtomicUsize::new(0));
    for s in SINYAL {
        let tanda = Arc::clone(&sinyal);
        // SAFETY: the handler only stores into an atomic, which is async-signal-safe
        unsafe {
            signal_hook::low_level::register(s, move || tanda.store(s as usize, Ordering::SeqCst))
        }?;
    }
    // a terminal that goes away (an SSH session dropped, a pty closed) leaves the key reader
    // reading nothing forever, SIGHUP or not: a watcher ends the program then, as hung up
    // (there is no terminal left to restore; committed writes are in the database already)
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(PERIKSA_SINYAL);
            if terminal_putus() {
                std::process::exit(128 + signal_hook::consts::SIGHUP);
            }
        }
    });
    // ratatui::init installs a panic hook that restores the terminal before the message
    let mut terminal = ratatui::try_init()?;
    let hasil = putar(&mut terminal, &mut app, &sinyal);
    // the cursor first: leaving by a signal below skips the terminal's own drop
    let _ = terminal.show_cursor();
    drop(terminal);
    ratatui::restore();
    let s = sinyal.load(Ordering::SeqCst);
    if s != 0 {
        // the usual exit status of a program ended by a signal
        std::process::exit(128 + s as i32);
    }
    hasil
}

/// The terminal on standard input is gone (its other end closed).
fn terminal_putus() -> bool {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no waiting
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}

fn putar(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    sinyal: &AtomicUsize,
) -> io::Result<()> {
    let mut gambar = true;
    let mut periksa_terakhir = Instant::now();
    // tests of the terminal's restoration make the interface panic at the first key
    let uji_panik = std::env::var_os("PANTAU_UJI_PANIK").is_some_and(|v| v == "1");
    loop {
        if sinyal.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        if gambar {
            let ukuran = terminal.size()?;
            app.atur_ukuran(ratatui::layout::Rect::new(
                0,
                0,
                ukuran.width,
                ukuran.height,
            ));
            let mut out = io::stdout();
            execute!(out, BeginSynchronizedUpdate)?;
            terminal.draw(|f| app.gambar(f))?;
            execute!(out, EndSynchronizedUpdate)?;
            out.flush()?;
            gambar = false;
        }
        let tunggu = PERIKSA_PERUBAHAN
            .saturating_sub(periksa_terakhir.elapsed())
            .min(PERIKSA_SINYAL);
        if event::poll(tunggu)? {
            // drain everything pending, then draw once
            loop {
                match event::read()? {
                    Event::Key(k) => {
                        if uji_panik {
                            panic!("PANTAU_UJI_PANIK: panik uji pemulihan terminal");
                        }
                        app.tombol(k);
                        gambar = true;
                    }
                    Event::Resize(_, _) => gambar = true,
                    _ => {}
                }
                if app.keluar || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            if app.keluar {
                return Ok(());
            }
        }
        // a write found the database busy: the screen has said so (drawn above on the next
        // turn); now it waits the long way for its turn
        if let Some(k) = app.ulang.take() {
            if gambar {
                let ukuran = terminal.size()?;
                app.atur_ukuran(ratatui::layout::Rect::new(
                    0,
                    0,
                    ukuran.width,
                    ukuran.height,
                ));
                terminal.draw(|f| app.gambar(f))?;
            }
            app.sabar = true;
            app.tombol(k);
            app.sabar = false;
            gambar = true;
        }
        if periksa_terakhir.elapsed() >= PERIKSA_PERUBAHAN {
            periksa_terakhir = Instant::now();
            if app.periksa_perubahan() {
                gambar = true;
            }
        }
    }
}
