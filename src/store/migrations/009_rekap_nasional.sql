-- Schema version 9: the tallies of documents, facilitation and the survey summed over the
-- whole country too (as version 6 did for the schedule), and the number of tracked desa, kept
-- by triggers on the per-kecamatan tallies: the dashboard, the Indikator tab and `iku` over
-- every kecamatan read one row where they summed 7,285.

CREATE TABLE rekap_dokumen_semua (
    jenis_id INTEGER NOT NULL,
    tahun_anggaran INTEGER NOT NULL,
    tercatat INTEGER NOT NULL,
    tepat_waktu INTEGER NOT NULL,
    PRIMARY KEY (jenis_id, tahun_anggaran)
) STRICT, WITHOUT ROWID;

INSERT INTO rekap_dokumen_semua (jenis_id, tahun_anggaran, tercatat, tepat_waktu)
SELECT jenis_id, tahun_anggaran, sum(tercatat), sum(tepat_waktu) FROM rekap_dokumen GROUP BY 1, 2;

CREATE TRIGGER rekap_dokumen_semua_tambah AFTER INSERT ON rekap_dokumen BEGIN
    INSERT INTO rekap_dokumen_semua (jenis_id, tahun_anggaran, tercatat, tepat_waktu)
    VALUES (NEW.jenis_id, NEW.tahun_anggaran, NEW.tercatat, NEW.tepat_waktu)
    ON CONFLICT (jenis_id, tahun_anggaran) DO UPDATE SET
        tercatat = tercatat + excluded.tercatat, tepat_waktu = tepat_waktu + excluded.tepat_waktu;
END;

CREATE TRIGGER rekap_dokumen_semua_ubah AFTER UPDATE ON rekap_dokumen BEGIN
    UPDATE rekap_dokumen_semua SET tercatat = tercatat - OLD.tercatat,
        tepat_waktu = tepat_waktu - OLD.tepat_waktu
    WHERE jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
    INSERT INTO rekap_dokumen_semua (jenis_id, tahun_anggaran, tercatat, tepat_waktu)
    VALUES (NEW.jenis_id, NEW.tahun_anggaran, NEW.tercatat, NEW.tepat_waktu)
    ON CONFLICT (jenis_id, tahun_anggaran) DO UPDATE SET
        tercatat = tercatat + excluded.tercatat, tepat_waktu = tepat_waktu + excluded.tepat_waktu;
END;

CREATE TRIGGER rekap_dokumen_semua_hapus AFTER DELETE ON rekap_dokumen BEGIN
    UPDATE rekap_dokumen_semua SET tercatat = tercatat - OLD.tercatat,
        tepat_waktu = tepat_waktu - OLD.tepat_waktu
    WHERE jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
END;

CREATE TABLE rekap_fasilitasi_semua (
    tahun INTEGER PRIMARY KEY,
    semua INTEGER NOT NULL,
    ditindaklanjuti INTEGER NOT NULL
) STRICT;

INSERT INTO rekap_fasilitasi_semua (tahun, semua, ditindaklanjuti)
SELECT tahun, sum(semua), sum(ditindaklanjuti) FROM rekap_fasilitasi GROUP BY 1;

CREATE TRIGGER rekap_fasilitasi_semua_tambah AFTER INSERT ON rekap_fasilitasi BEGIN
    INSERT INTO rekap_fasilitasi_semua (tahun, semua, ditindaklanjuti)
    VALUES (NEW.tahun, NEW.semua, NEW.ditindaklanjuti)
    ON CONFLICT (tahun) DO UPDATE SET
        semua = semua + excluded.semua, ditindaklanjuti = ditindaklanjuti + excluded.ditindaklanjuti;
END;

CREATE TRIGGER rekap_fasilitasi_semua_ubah AFTER UPDATE ON rekap_fasilitasi BEGIN
    UPDATE rekap_fasilitasi_semua SET semua = semua - OLD.semua,
        ditindaklanjuti = ditindaklanjuti - OLD.ditindaklanjuti
    WHERE tahun = OLD.tahun;
    INSERT INTO rekap_fasilitasi_semua (tahun, semua, ditindaklanjuti)
    VALUES (NEW.tahun, NEW.semua, NEW.ditindaklanjuti)
    ON CONFLICT (tahun) DO UPDATE SET
        semua = semua + excluded.semua, ditindaklanjuti = ditindaklanjuti + excluded.ditindaklanjuti;
END;

CREATE TRIGGER rekap_fasilitasi_semua_hapus AFTER DELETE ON rekap_fasilitasi BEGIN
    UPDATE rekap_fasilitasi_semua SET semua = semua - OLD.semua,
        ditindaklanjuti = ditindaklanjuti - OLD.ditindaklanjuti
    WHERE tahun = OLD.tahun;
END;

CREATE TABLE rekap_ikm_semua (
    tahun INTEGER PRIMARY KEY,
    responden INTEGER NOT NULL,
    s1 INTEGER NOT NULL,
    s2 INTEGER NOT NULL,
    s3 INTEGER NOT NULL,
    s4 INTEGER NOT NULL,
    s5 INTEGER NOT NULL,
    s6 INTEGER NOT NULL,
    s7 INTEGER NOT NULL,
    s8 INTEGER NOT NULL,
    s9 INTEGER NOT NULL
) STRICT;

INSERT INTO rekap_ikm_semua (tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
SELECT tahun, sum(responden), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7),
       sum(s8), sum(s9)
FROM rekap_ikm GROUP BY 1;

CREATE TRIGGER rekap_ikm_semua_tambah AFTER INSERT ON rekap_ikm BEGIN
    INSERT INTO rekap_ikm_semua (tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
    VALUES (NEW.tahun, NEW.responden, NEW.s1, NEW.s2, NEW.s3, NEW.s4, NEW.s5, NEW.s6, NEW.s7,
            NEW.s8, NEW.s9)
    ON CONFLICT (tahun) DO UPDATE SET responden = responden + excluded.responden,
        s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3,
        s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, s6 = s6 + excluded.s6,
        s7 = s7 + excluded.s7, s8 = s8 + excluded.s8, s9 = s9 + excluded.s9;
END;

CREATE TRIGGER rekap_ikm_semua_ubah AFTER UPDATE ON rekap_ikm BEGIN
    UPDATE rekap_ikm_semua SET responden = responden - OLD.responden,
        s1 = s1 - OLD.s1, s2 = s2 - OLD.s2, s3 = s3 - OLD.s3, s4 = s4 - OLD.s4,
        s5 = s5 - OLD.s5, s6 = s6 - OLD.s6, s7 = s7 - OLD.s7, s8 = s8 - OLD.s8,
        s9 = s9 - OLD.s9
    WHERE tahun = OLD.tahun;
    INSERT INTO rekap_ikm_semua (tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
    VALUES (NEW.tahun, NEW.responden, NEW.s1, NEW.s2, NEW.s3, NEW.s4, NEW.s5, NEW.s6, NEW.s7,
            NEW.s8, NEW.s9)
    ON CONFLICT (tahun) DO UPDATE SET responden = responden + excluded.responden,
        s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3,
        s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, s6 = s6 + excluded.s6,
        s7 = s7 + excluded.s7, s8 = s8 + excluded.s8, s9 = s9 + excluded.s9;
END;

CREATE TRIGGER rekap_ikm_semua_hapus AFTER DELETE ON rekap_ikm BEGIN
    UPDATE rekap_ikm_semua SET responden = responden - OLD.responden,
        s1 = s1 - OLD.s1, s2 = s2 - OLD.s2, s3 = s3 - OLD.s3, s4 = s4 - OLD.s4,
        s5 = s5 - OLD.s5, s6 = s6 - OLD.s6, s7 = s7 - OLD.s7, s8 = s8 - OLD.s8,
        s9 = s9 - OLD.s9
    WHERE tahun = OLD.tahun;
END;

-- Desa with documents to track (kelurahan have none) in the whole country: one row.
CREATE TABLE rekap_desa_semua (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dilacak INTEGER NOT NULL
) STRICT;

INSERT INTO rekap_desa_semua (id, dilacak) SELECT 1, count(*) FROM desa WHERE kelurahan = 0;

CREATE TRIGGER rekap_desa_semua_tambah AFTER INSERT ON desa WHEN NEW.kelurahan = 0 BEGIN
    UPDATE rekap_desa_semua SET dilacak = dilacak + 1;
END;

CREATE TRIGGER rekap_desa_semua_hapus AFTER DELETE ON desa WHEN OLD.kelurahan = 0 BEGIN
    UPDATE rekap_desa_semua SET dilacak = dilacak - 1;
END;

CREATE TRIGGER rekap_desa_semua_ubah AFTER UPDATE OF kelurahan ON desa
WHEN OLD.kelurahan IS NOT NEW.kelurahan BEGIN
    UPDATE rekap_desa_semua SET dilacak = dilacak + (NEW.kelurahan = 0) - (OLD.kelurahan = 0);
END;

-- The log's newest page over the whole country straight from the date index: its entries
-- are in (date, id) order, which is the list's order; IKU 1 no longer reads it.
DROP INDEX fasilitasi_tanggal;
CREATE INDEX fasilitasi_tanggal ON fasilitasi(tanggal);
