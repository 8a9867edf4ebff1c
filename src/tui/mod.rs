//! The terminal interface: draws only when something changed, drains pending events before
//! drawing once, wraps each frame in a synchronized update, and restores the terminal on exit,
//! on `Ctrl-C` and on a panic.

pub mod app;
mod tabs;
pub mod teks;
pub mod tema;
pub mod widgets;

use std::io::{self, Write};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

pub use app::{App, Konteks};

/// How often the screen asks the database whether another operator changed something.
const PERIKSA_PERUBAHAN: Duration = Duration::from_secs(2);

pub fn jalankan(mut app: App) -> io::Result<()> {
    // ratatui::init installs a panic hook that restores the terminal before the message
    let mut terminal = ratatui::try_init()?;
    let hasil = putar(&mut terminal, &mut app);
    ratatui::restore();
    hasil
}

fn putar(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut gambar = true;
    let mut periksa_terakhir = Instant::now();
    loop {
        if gambar {
            let mut out = io::stdout();
            execute!(out, BeginSynchronizedUpdate)?;
            terminal.draw(|f| app.gambar(f))?;
            execute!(out, EndSynchronizedUpdate)?;
            out.flush()?;
            gambar = false;
        }
        let tunggu = PERIKSA_PERUBAHAN.saturating_sub(periksa_terakhir.elapsed());
        if event::poll(tunggu)? {
            // drain everything pending, then draw once
            loop {
                match event::read()? {
                    Event::Key(k) => {
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
        if periksa_terakhir.elapsed() >= PERIKSA_PERUBAHAN {
            periksa_terakhir = Instant::now();
            if app.periksa_perubahan() {
                gambar = true;
            }
        }
    }
}
