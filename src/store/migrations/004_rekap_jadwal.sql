-- Schema version 4: the year's schedule per kecamatan, month and stage (planned, done), kept
-- current by triggers. Each change recounts its one kecamatan-year from the rows themselves
-- (a few stages), which stays right whatever order cascades and edits arrive in.

CREATE TABLE bulan_angka (m INTEGER PRIMARY KEY) STRICT;
INSERT INTO bulan_angka (m) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12);

CREATE TABLE rekap_jadwal (
    kecamatan_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    bulan INTEGER NOT NULL,
    nama TEXT NOT NULL,
    rencana INTEGER NOT NULL,
    selesai INTEGER NOT NULL,
    PRIMARY KEY (kecamatan_id, tahun, bulan, nama)
) STRICT, WITHOUT ROWID;
CREATE INDEX rekap_jadwal_tahun ON rekap_jadwal(tahun, bulan);

INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
       sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER rekap_jadwal_tahapan_tambah AFTER INSERT ON tahapan BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = NEW.kegiatan_id) AND tahun = (SELECT tahun FROM kegiatan WHERE id = NEW.kegiatan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = NEW.kegiatan_id) AND k.tahun = (SELECT tahun FROM kegiatan WHERE id = NEW.kegiatan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_tahapan_hapus AFTER DELETE ON tahapan BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = OLD.kegiatan_id) AND tahun = (SELECT tahun FROM kegiatan WHERE id = OLD.kegiatan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = OLD.kegiatan_id) AND k.tahun = (SELECT tahun FROM kegiatan WHERE id = OLD.kegiatan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_tahapan_ubah AFTER UPDATE OF nama, bulan, kegiatan_id ON tahapan BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = OLD.kegiatan_id) AND tahun = (SELECT tahun FROM kegiatan WHERE id = OLD.kegiatan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = OLD.kegiatan_id) AND k.tahun = (SELECT tahun FROM kegiatan WHERE id = OLD.kegiatan_id)
    GROUP BY 1, 2, 3, 4;
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = NEW.kegiatan_id) AND tahun = (SELECT tahun FROM kegiatan WHERE id = NEW.kegiatan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT kecamatan_id FROM kegiatan WHERE id = NEW.kegiatan_id) AND k.tahun = (SELECT tahun FROM kegiatan WHERE id = NEW.kegiatan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_selesai_tambah AFTER INSERT ON tahapan_realisasi BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id) AND tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id) AND k.tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_selesai_hapus AFTER DELETE ON tahapan_realisasi BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id) AND tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id) AND k.tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_selesai_ubah AFTER UPDATE OF tahapan_id, bulan ON tahapan_realisasi BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id) AND tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id) AND k.tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = OLD.tahapan_id)
    GROUP BY 1, 2, 3, 4;
    DELETE FROM rekap_jadwal WHERE kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id) AND tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id);
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = (SELECT k.kecamatan_id FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id) AND k.tahun = (SELECT k.tahun FROM tahapan t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE t.id = NEW.tahapan_id)
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_kegiatan_hapus AFTER DELETE ON kegiatan BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = OLD.kecamatan_id AND tahun = OLD.tahun;
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = OLD.kecamatan_id AND k.tahun = OLD.tahun
    GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER rekap_jadwal_kegiatan_ubah AFTER UPDATE OF kecamatan_id, tahun ON kegiatan BEGIN
    DELETE FROM rekap_jadwal WHERE kecamatan_id = OLD.kecamatan_id AND tahun = OLD.tahun;
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = OLD.kecamatan_id AND k.tahun = OLD.tahun
    GROUP BY 1, 2, 3, 4;
    DELETE FROM rekap_jadwal WHERE kecamatan_id = NEW.kecamatan_id AND tahun = NEW.tahun;
    INSERT INTO rekap_jadwal (kecamatan_id, tahun, bulan, nama, rencana, selesai)
    SELECT k.kecamatan_id, k.tahun, b.m, t.nama, count(*),
           sum(EXISTS (SELECT 1 FROM tahapan_realisasi s WHERE s.tahapan_id = t.id AND s.bulan = b.m))
    FROM kegiatan k JOIN tahapan t ON t.kegiatan_id = k.id
    JOIN bulan_angka b ON (t.bulan >> (b.m - 1)) & 1 = 1
    WHERE k.kecamatan_id = NEW.kecamatan_id AND k.tahun = NEW.tahun
    GROUP BY 1, 2, 3, 4;
END;
