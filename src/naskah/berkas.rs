//! Writing a finished file so that a failure never leaves half of it: the bytes go to a
//! temporary name beside the target, are flushed to disk, and only then take the target's name.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `isi` to `tujuan` through a temporary file in the same folder (a rename is atomic
/// only within one file system). On any error the temporary file is removed and `tujuan` is
/// as it was.
pub fn tulis_atomik(tujuan: &Path, isi: &[u8]) -> std::io::Result<()> {
    if tujuan.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "ini folder",
        ));
    }
    let nama = tujuan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "berkas".into());
    let folder = match tujuan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut n = 0u32;
    let (sementara, mut f) = loop {
        let p = folder.join(format!(".{nama}.{}-{n}.sementara", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
        {
            Ok(f) => break (p, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    };
    let hasil = f
        .write_all(isi)
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&sementara, tujuan));
    if hasil.is_err() {
        let _ = std::fs::remove_file(&sementara);
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_rename_leaves_the_old_file_and_no_temporary_one() {
        let d = std::env::temp_dir().join(format!("pantau-atomik-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let f = d.join("a.docx");
        tulis_atomik(&f, b"satu").unwrap();
        tulis_atomik(&f, b"dua").unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"dua");
        // a folder in the way: refused, nothing left behind
        let folder = d.join("b.docx");
        std::fs::create_dir_all(&folder).unwrap();
        assert!(tulis_atomik(&folder, b"x").is_err());
        let sisa: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(sisa.iter().all(|n| !n.contains("sementara")), "{sisa:?}");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
