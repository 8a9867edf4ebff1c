-- Schema version 8: IKU 2 from the tally. `rekap_dokumen` also counts the documents dated on
-- or before their deadline, so the whole country's IKU 2 is a sum over kecamatan rows instead
-- of a walk through an index of every document; that index goes, which makes each document
-- written cheaper too.

-- The deadline of every kind and fiscal year the schema allows (2000–2100). Filled by the
-- migration's hook from `AturanTenggat::tenggat`, the one definition of a deadline; the rules
-- in `jenis_dokumen` are reference data that only a migration changes.
CREATE TABLE tenggat_dokumen (
    jenis_id INTEGER NOT NULL,
    tahun_anggaran INTEGER NOT NULL,
    tanggal TEXT NOT NULL,
    PRIMARY KEY (jenis_id, tahun_anggaran)
) STRICT, WITHOUT ROWID;

ALTER TABLE rekap_dokumen ADD COLUMN tepat_waktu INTEGER NOT NULL DEFAULT 0;

DROP INDEX dokumen_jenis_ta;
DROP INDEX rekap_dokumen_jenis;
CREATE INDEX rekap_dokumen_jenis ON rekap_dokumen(jenis_id, tahun_anggaran, tercatat, tepat_waktu);

DROP TRIGGER rekap_dokumen_tambah;
DROP TRIGGER rekap_dokumen_hapus;
DROP TRIGGER rekap_dokumen_ubah;
DROP TRIGGER rekap_dokumen_pindah;

-- `coalesce(…, 0)`: a year without a deadline row (none exists in 2000–2100) counts as late.
CREATE TRIGGER rekap_dokumen_tambah AFTER INSERT ON dokumen
WHEN NEW.tanggal IS NOT NULL
BEGIN
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat, tepat_waktu)
    SELECT d.kecamatan_id, NEW.jenis_id, NEW.tahun_anggaran, 1,
           coalesce(NEW.tanggal <= (SELECT t.tanggal FROM tenggat_dokumen t
                                    WHERE t.jenis_id = NEW.jenis_id
                                      AND t.tahun_anggaran = NEW.tahun_anggaran), 0)
    FROM desa d WHERE d.id = NEW.desa_id AND d.kelurahan = 0
    ON CONFLICT (kecamatan_id, jenis_id, tahun_anggaran) DO UPDATE SET
        tercatat = tercatat + 1, tepat_waktu = tepat_waktu + excluded.tepat_waktu;
END;

CREATE TRIGGER rekap_dokumen_hapus AFTER DELETE ON dokumen
WHEN OLD.tanggal IS NOT NULL AND (SELECT kelurahan FROM desa WHERE id = OLD.desa_id) = 0
BEGIN
    UPDATE rekap_dokumen SET tercatat = tercatat - 1,
        tepat_waktu = tepat_waktu - coalesce(OLD.tanggal <= (
            SELECT t.tanggal FROM tenggat_dokumen t
            WHERE t.jenis_id = OLD.jenis_id AND t.tahun_anggaran = OLD.tahun_anggaran), 0)
    WHERE kecamatan_id = (SELECT kecamatan_id FROM desa WHERE id = OLD.desa_id)
      AND jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
END;

CREATE TRIGGER rekap_dokumen_ubah AFTER UPDATE OF tanggal, desa_id, jenis_id, tahun_anggaran ON dokumen
BEGIN
    UPDATE rekap_dokumen SET tercatat = tercatat - 1,
        tepat_waktu = tepat_waktu - coalesce(OLD.tanggal <= (
            SELECT t.tanggal FROM tenggat_dokumen t
            WHERE t.jenis_id = OLD.jenis_id AND t.tahun_anggaran = OLD.tahun_anggaran), 0)
    WHERE OLD.tanggal IS NOT NULL
      AND (SELECT kelurahan FROM desa WHERE id = OLD.desa_id) = 0
      AND kecamatan_id = (SELECT kecamatan_id FROM desa WHERE id = OLD.desa_id)
      AND jenis_id = OLD.jenis_id AND tahun_anggaran = OLD.tahun_anggaran;
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat, tepat_waktu)
    SELECT d.kecamatan_id, NEW.jenis_id, NEW.tahun_anggaran, 1,
           coalesce(NEW.tanggal <= (SELECT t.tanggal FROM tenggat_dokumen t
                                    WHERE t.jenis_id = NEW.jenis_id
                                      AND t.tahun_anggaran = NEW.tahun_anggaran), 0)
    FROM desa d WHERE d.id = NEW.desa_id AND d.kelurahan = 0 AND NEW.tanggal IS NOT NULL
    ON CONFLICT (kecamatan_id, jenis_id, tahun_anggaran) DO UPDATE SET
        tercatat = tercatat + 1, tepat_waktu = tepat_waktu + excluded.tepat_waktu;
END;

-- A desa moved to another kecamatan or turned kelurahan: recount the two kecamatan (the same
-- count as `dokumen::hitung_ulang_rekap`).
CREATE TRIGGER rekap_dokumen_pindah AFTER UPDATE OF kecamatan_id, kelurahan ON desa
WHEN OLD.kecamatan_id IS NOT NEW.kecamatan_id OR OLD.kelurahan IS NOT NEW.kelurahan
BEGIN
    DELETE FROM rekap_dokumen WHERE kecamatan_id IN (OLD.kecamatan_id, NEW.kecamatan_id);
    INSERT INTO rekap_dokumen (kecamatan_id, jenis_id, tahun_anggaran, tercatat, tepat_waktu)
    SELECT d.kecamatan_id, x.jenis_id, x.tahun_anggaran, count(*),
           sum(coalesce(x.tanggal <= t.tanggal, 0))
    FROM desa d CROSS JOIN dokumen x ON x.desa_id = d.id
    LEFT JOIN tenggat_dokumen t ON t.jenis_id = x.jenis_id AND t.tahun_anggaran = x.tahun_anggaran
    WHERE x.tanggal IS NOT NULL AND d.kelurahan = 0
      AND d.kecamatan_id IN (OLD.kecamatan_id, NEW.kecamatan_id)
    GROUP BY 1, 2, 3;
END;
