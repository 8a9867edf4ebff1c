-- Schema version 3: tallies of the survey and the facilitation log per kecamatan and year,
-- kept current by triggers, so IKU 1 and IKM over the whole country read 7,285 rows, not
-- every answer and every entry.

CREATE TABLE rekap_ikm (
    kecamatan_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    responden INTEGER NOT NULL,
    s1 INTEGER NOT NULL,
    s2 INTEGER NOT NULL,
    s3 INTEGER NOT NULL,
    s4 INTEGER NOT NULL,
    s5 INTEGER NOT NULL,
    s6 INTEGER NOT NULL,
    s7 INTEGER NOT NULL,
    s8 INTEGER NOT NULL,
    s9 INTEGER NOT NULL,
    PRIMARY KEY (kecamatan_id, tahun)
) STRICT, WITHOUT ROWID;
CREATE INDEX rekap_ikm_tahun ON rekap_ikm(tahun);

INSERT INTO rekap_ikm (kecamatan_id, tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
SELECT kecamatan_id, tahun, count(*), sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9) FROM ikm_responden GROUP BY 1, 2;

CREATE TRIGGER rekap_ikm_tambah AFTER INSERT ON ikm_responden BEGIN
    INSERT INTO rekap_ikm (kecamatan_id, tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
    VALUES (NEW.kecamatan_id, NEW.tahun, 1, NEW.u1, NEW.u2, NEW.u3, NEW.u4, NEW.u5, NEW.u6, NEW.u7, NEW.u8, NEW.u9)
    ON CONFLICT (kecamatan_id, tahun) DO UPDATE SET responden = responden + 1, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, s6 = s6 + excluded.s6, s7 = s7 + excluded.s7, s8 = s8 + excluded.s8, s9 = s9 + excluded.s9;
END;

CREATE TRIGGER rekap_ikm_hapus AFTER DELETE ON ikm_responden BEGIN
    UPDATE rekap_ikm SET responden = responden - 1, s1 = s1 - OLD.u1, s2 = s2 - OLD.u2, s3 = s3 - OLD.u3, s4 = s4 - OLD.u4, s5 = s5 - OLD.u5, s6 = s6 - OLD.u6, s7 = s7 - OLD.u7, s8 = s8 - OLD.u8, s9 = s9 - OLD.u9
    WHERE kecamatan_id = OLD.kecamatan_id AND tahun = OLD.tahun;
END;

CREATE TRIGGER rekap_ikm_ubah AFTER UPDATE ON ikm_responden BEGIN
    UPDATE rekap_ikm SET responden = responden - 1, s1 = s1 - OLD.u1, s2 = s2 - OLD.u2, s3 = s3 - OLD.u3, s4 = s4 - OLD.u4, s5 = s5 - OLD.u5, s6 = s6 - OLD.u6, s7 = s7 - OLD.u7, s8 = s8 - OLD.u8, s9 = s9 - OLD.u9
    WHERE kecamatan_id = OLD.kecamatan_id AND tahun = OLD.tahun;
    INSERT INTO rekap_ikm (kecamatan_id, tahun, responden, s1, s2, s3, s4, s5, s6, s7, s8, s9)
    VALUES (NEW.kecamatan_id, NEW.tahun, 1, NEW.u1, NEW.u2, NEW.u3, NEW.u4, NEW.u5, NEW.u6, NEW.u7, NEW.u8, NEW.u9)
    ON CONFLICT (kecamatan_id, tahun) DO UPDATE SET responden = responden + 1, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, s6 = s6 + excluded.s6, s7 = s7 + excluded.s7, s8 = s8 + excluded.s8, s9 = s9 + excluded.s9;
END;

CREATE TABLE rekap_fasilitasi (
    kecamatan_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    semua INTEGER NOT NULL,
    ditindaklanjuti INTEGER NOT NULL,
    PRIMARY KEY (kecamatan_id, tahun)
) STRICT, WITHOUT ROWID;
CREATE INDEX rekap_fasilitasi_tahun ON rekap_fasilitasi(tahun);

INSERT INTO rekap_fasilitasi (kecamatan_id, tahun, semua, ditindaklanjuti)
SELECT kecamatan_id, CAST(substr(tanggal, 1, 4) AS INTEGER), count(*), sum(ditindaklanjuti)
FROM fasilitasi GROUP BY 1, 2;

CREATE TRIGGER rekap_fasilitasi_tambah AFTER INSERT ON fasilitasi BEGIN
    INSERT INTO rekap_fasilitasi (kecamatan_id, tahun, semua, ditindaklanjuti)
    VALUES (NEW.kecamatan_id, CAST(substr(NEW.tanggal, 1, 4) AS INTEGER), 1, NEW.ditindaklanjuti)
    ON CONFLICT (kecamatan_id, tahun) DO UPDATE SET
        semua = semua + 1, ditindaklanjuti = ditindaklanjuti + excluded.ditindaklanjuti;
END;

CREATE TRIGGER rekap_fasilitasi_hapus AFTER DELETE ON fasilitasi BEGIN
    UPDATE rekap_fasilitasi SET semua = semua - 1, ditindaklanjuti = ditindaklanjuti - OLD.ditindaklanjuti
    WHERE kecamatan_id = OLD.kecamatan_id AND tahun = CAST(substr(OLD.tanggal, 1, 4) AS INTEGER);
END;

CREATE TRIGGER rekap_fasilitasi_ubah AFTER UPDATE OF kecamatan_id, tanggal, ditindaklanjuti ON fasilitasi BEGIN
    UPDATE rekap_fasilitasi SET semua = semua - 1, ditindaklanjuti = ditindaklanjuti - OLD.ditindaklanjuti
    WHERE kecamatan_id = OLD.kecamatan_id AND tahun = CAST(substr(OLD.tanggal, 1, 4) AS INTEGER);
    INSERT INTO rekap_fasilitasi (kecamatan_id, tahun, semua, ditindaklanjuti)
    VALUES (NEW.kecamatan_id, CAST(substr(NEW.tanggal, 1, 4) AS INTEGER), 1, NEW.ditindaklanjuti)
    ON CONFLICT (kecamatan_id, tahun) DO UPDATE SET
        semua = semua + 1, ditindaklanjuti = ditindaklanjuti + excluded.ditindaklanjuti;
END;
