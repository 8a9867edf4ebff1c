-- Schema 15 (issue 12): deadline rules as data for more kinds of document. A kind says who
-- must act (the desa, or the camat: the office's own task) and has a rule of one of two
-- shapes: `tetap`, a fixed day relative to the fiscal year (geser_tahun, bulan, hari, as
-- before), or `setelah`, `jumlah` `satuan` after `peristiwa` (the date recorded for another
-- kind of the same desa and fiscal year, e.g. `RAPBDes`, `EvalAPBDes/perlu_perbaikan`, or
-- `pelantikan`, a kepala desa's inauguration). For a `setelah` kind the fixed-day columns
-- are unused. The rules are loaded from data/aturan_tenggat.csv by the migration's hook.
ALTER TABLE jenis_dokumen ADD COLUMN pelaku TEXT NOT NULL DEFAULT 'desa'
    CHECK (pelaku IN ('desa', 'camat'));
ALTER TABLE jenis_dokumen ADD COLUMN bentuk TEXT NOT NULL DEFAULT 'tetap'
    CHECK (bentuk IN ('tetap', 'setelah'));
ALTER TABLE jenis_dokumen ADD COLUMN peristiwa TEXT NOT NULL DEFAULT '';
ALTER TABLE jenis_dokumen ADD COLUMN jumlah INTEGER NOT NULL DEFAULT 0
    CHECK (jumlah BETWEEN 0 AND 366);
ALTER TABLE jenis_dokumen ADD COLUMN satuan TEXT NOT NULL DEFAULT ''
    CHECK (satuan IN ('', 'hari', 'bulan', 'hari_kerja'));

-- The result of an evaluation (EvalAPBDes): the correction is due only after `perlu_perbaikan`.
ALTER TABLE dokumen ADD COLUMN hasil TEXT
    CHECK (hasil IS NULL OR hasil IN ('sesuai', 'perlu_perbaikan'));

-- The events a deadline counts from are entries of the kinds after the first three (whose
-- ids are 1–3 since schema 1): a small index finds them without walking every document.
CREATE INDEX dokumen_peristiwa ON dokumen(jenis_id, tahun_anggaran, desa_id) WHERE jenis_id > 3;
