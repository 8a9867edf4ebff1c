-- Schema version 2: what the screens show at every start, kept current as data changes, so
-- that a national database opens as fast as one kecamatan.

-- Documents with a date recorded, per kecamatan, kind and fiscal year (kelurahan have none).
-- `pantau cek` counts "no date recorded" as the tracked desa minus these.
CREATE TABLE rekap_dokumen (
    kecamatan_id INTEGER NOT NULL,
    jenis_id INTEGER NOT NULL,
    tahun_anggaran INTEGER NOT NULL,
    tercatat INTEGER NOT NULL,
    PRIMARY KEY (kecamatan_id, jenis_id, tahun_anggaran)
) STRICT, WITHOUT ROWID;

INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat)
SELECT d.kecamatan_id, x.jenis_id, x.tahun_anggaran, count(*)
FROM dokumen x JOIN desa d ON d.id = x.desa_id
WHERE x.tanggal IS NOT NULL AND d.kelurahan = 0
GROUP BY 1, 2, 3;

CREATE TRIGGER rekap_dokumen_tambah AFTER INSERT ON dokumen
WHEN NEW.tanggal IS NOT NULL AND (SELECT kelurahan FROM desa WHERE id = NEW.desa_id) = 0
BEGIN
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat)
    VALUES ((SELECT kecamatan_id FROM desa WHERE id = NEW.desa_id), NEW.jenis_id, NEW.tahun_anggaran, 1)
    ON CONFLICT (kecamatan_id, jenis_id, tahun_anggaran) DO UPDATE SET tercatat = tercatat + 1;
END;

CREATE TRIGGER rekap_dokumen_hapus AFTER DELETE ON dokumen
WHEN OLD.tanggal IS NOT NULL
BEGIN
    UPDATE rekap_dokumen SET tercatat = tercatat - 1
    WHERE kecamatan_id = (SELECT kecamatan_id FROM desa WHERE id = OLD.desa_id)
      AND jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
END;

CREATE TRIGGER rekap_dokumen_ubah AFTER UPDATE OF tanggal, desa_id, jenis_id, tahun_anggaran ON dokumen
BEGIN
    UPDATE rekap_dokumen SET tercatat = tercatat - 1
    WHERE OLD.tanggal IS NOT NULL
      AND kecamatan_id = (SELECT kecamatan_id FROM desa WHERE id = OLD.desa_id)
      AND jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat)
    SELECT kecamatan_id, NEW.jenis_id, NEW.tahun_anggaran, 1 FROM desa
    WHERE id = NEW.desa_id AND kelurahan = 0 AND NEW.tanggal IS NOT NULL
    ON CONFLICT (kecamatan_id, jenis_id, tahun_anggaran) DO UPDATE SET tercatat = tercatat + 1;
END;

-- A desa moved to another kecamatan (a re-import with a new code prefix cannot do this, but an
-- edit might): recount the two kecamatan.
CREATE TRIGGER rekap_dokumen_pindah AFTER UPDATE OF kecamatan_id, kelurahan ON desa
WHEN OLD.kecamatan_id IS NOT NEW.kecamatan_id OR OLD.kelurahan IS NOT NEW.kelurahan
BEGIN
    DELETE FROM rekap_dokumen WHERE kecamatan_id IN (OLD.kecamatan_id, NEW.kecamatan_id);
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat)
    SELECT d.kecamatan_id, x.jenis_id, x.tahun_anggaran, count(*)
    FROM dokumen x JOIN desa d ON d.id = x.desa_id
    WHERE x.tanggal IS NOT NULL AND d.kelurahan = 0
      AND d.kecamatan_id IN (OLD.kecamatan_id, NEW.kecamatan_id)
    GROUP BY 1, 2, 3;
END;

-- Indexes for the whole-country screens (scope "all"): a year's rows without a kecamatan.
CREATE INDEX dokumen_jenis_ta ON dokumen(jenis_id, tahun_anggaran, tanggal);
CREATE INDEX fasilitasi_tanggal ON fasilitasi(tanggal, ditindaklanjuti);
CREATE INDEX ikm_responden_tahun ON ikm_responden(tahun, u1, u2, u3, u4, u5, u6, u7, u8, u9);
CREATE INDEX kegiatan_tahun ON kegiatan(tahun, kode_kegiatan);
CREATE INDEX desa_dilacak ON desa(kelurahan, kecamatan_id);
CREATE INDEX rekap_dokumen_jenis ON rekap_dokumen(jenis_id, tahun_anggaran, tercatat);
