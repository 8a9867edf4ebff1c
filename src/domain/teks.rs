//! Fitting text into columns.

/// Truncates to `lebar` characters, marking the cut with `~`.
pub fn potong(teks: &str, lebar: usize) -> String {
    if teks.chars().count() <= lebar {
        teks.to_string()
    } else {
        let mut s: String = teks.chars().take(lebar.saturating_sub(1)).collect();
        s.push('~');
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_names_are_cut_with_a_mark() {
        assert_eq!(super::potong("Yosowilangun Kidul", 14), "Yosowilangun ~");
        assert_eq!(super::potong("Krai", 14), "Krai");
        assert_eq!(super::potong("Krai", 0), "~");
    }
}
