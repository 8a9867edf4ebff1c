//! Selection and scrolling of a paged list: the rows themselves are fetched by the tab, only
//! the visible page at a time.

#[derive(Debug, Clone, Default)]
pub struct Daftar {
    /// Selected row, absolute index.
    pub pilih: usize,
    /// First row shown.
    pub awal: usize,
    /// Rows in the (filtered) list.
    pub total: usize,
    /// Rows the screen showed last time.
    pub tinggi: usize,
    /// Filter text.
    pub saring: String,
}

impl Daftar {
    pub fn gerak(&mut self, delta: isize) {
        if self.total == 0 {
            self.pilih = 0;
            return;
        }
        let baru = (self.pilih as isize + delta).clamp(0, self.total as isize - 1);
        self.pilih = baru as usize;
        self.jaga();
    }

    pub fn halaman(&mut self, arah: isize) {
        self.gerak(arah * self.tinggi.max(1) as isize);
    }

    pub fn ke_awal(&mut self) {
        self.pilih = 0;
        self.jaga();
    }

    pub fn ke_akhir(&mut self) {
        self.pilih = self.total.saturating_sub(1);
        self.jaga();
    }

    /// Sets the number of rows and keeps the selection inside.
    pub fn atur_total(&mut self, total: usize) {
        self.total = total;
        if self.pilih >= total {
            self.pilih = total.saturating_sub(1);
        }
        self.jaga();
    }

    /// Counts the filtered list, keeps the selection inside it, and fetches the page on screen:
    /// `hitung(filter)` and `halaman(filter, offset, limit)` are the store's two queries.
    pub fn muat<T, E>(
        &mut self,
        hitung: impl FnOnce(&str) -> Result<i64, E>,
        halaman: impl FnOnce(&str, i64, i64) -> Result<Vec<T>, E>,
    ) -> Result<Vec<T>, E> {
        let total = hitung(&self.saring)?;
        self.atur_total(total.max(0) as usize);
        halaman(&self.saring, self.awal as i64, self.tinggi.max(1) as i64)
    }

    /// Keeps the selected row visible.
    pub fn jaga(&mut self) {
        let t = self.tinggi.max(1);
        if self.pilih < self.awal {
            self.awal = self.pilih;
        } else if self.pilih >= self.awal + t {
            self.awal = self.pilih + 1 - t;
        }
        if self.awal + t > self.total {
            self.awal = self.total.saturating_sub(t);
        }
    }

    /// Remembers the height the screen has for rows; true when the page must be fetched again.
    pub fn atur_tinggi(&mut self, tinggi: usize) -> bool {
        if self.tinggi != tinggi {
            self.tinggi = tinggi;
            self.jaga();
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_visible_and_inside() {
        let mut d = Daftar {
            tinggi: 5,
            ..Default::default()
        };
        d.atur_total(12);
        d.gerak(7);
        assert_eq!((d.pilih, d.awal), (7, 3));
        d.ke_akhir();
        assert_eq!((d.pilih, d.awal), (11, 7));
        d.halaman(-1);
        assert_eq!((d.pilih, d.awal), (6, 6));
        d.gerak(-100);
        assert_eq!((d.pilih, d.awal), (0, 0));
        d.atur_total(0);
        d.gerak(1);
        assert_eq!(d.pilih, 0);
    }
}
