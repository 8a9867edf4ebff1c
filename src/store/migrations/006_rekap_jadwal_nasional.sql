-- Schema version 6: the schedule tally summed over all kecamatan, per year, month and stage,
-- following `rekap_jadwal` row by row, for screens whose scope is the whole country.
CREATE TABLE rekap_jadwal_semua (
    tahun INTEGER NOT NULL,
    bulan INTEGER NOT NULL,
    nama TEXT NOT NULL,
    rencana INTEGER NOT NULL,
    selesai INTEGER NOT NULL,
    PRIMARY KEY (tahun, bulan, nama)
) STRICT, WITHOUT ROWID;

INSERT INTO rekap_jadwal_semua (tahun, bulan, nama, rencana, selesai)
SELECT tahun, bulan, nama, sum(rencana), sum(selesai) FROM rekap_jadwal GROUP BY 1, 2, 3;

CREATE TRIGGER rekap_jadwal_semua_tambah AFTER INSERT ON rekap_jadwal BEGIN
    INSERT INTO rekap_jadwal_semua (tahun, bulan, nama, rencana, selesai)
    VALUES (NEW.tahun, NEW.bulan, NEW.nama, NEW.rencana, NEW.selesai)
    ON CONFLICT (tahun, bulan, nama) DO UPDATE SET
        rencana = rencana + excluded.rencana, selesai = selesai + excluded.selesai;
END;

CREATE TRIGGER rekap_jadwal_semua_hapus AFTER DELETE ON rekap_jadwal BEGIN
    UPDATE rekap_jadwal_semua SET rencana = rencana - OLD.rencana, selesai = selesai - OLD.selesai
    WHERE tahun = OLD.tahun AND bulan = OLD.bulan AND nama = OLD.nama;
END;
