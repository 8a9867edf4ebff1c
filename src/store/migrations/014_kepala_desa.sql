-- The kepala desa of each desa with their inauguration and end of term, and the term's length
-- as data: 6 years under UU 6/2014, 8 years since UU 3/2024 (which also applies to those in
-- office on that day, Pasal 118 huruf b). A kabupaten or a later law changes these rows, not
-- the program. The kepala desa's inauguration drives the RPJMDes deadline.
CREATE TABLE masa_jabatan (
    id INTEGER PRIMARY KEY,
    berlaku_sejak TEXT NOT NULL UNIQUE
        CHECK (berlaku_sejak GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(berlaku_sejak) = berlaku_sejak),
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 1 AND 20),
    -- the new length also applies to a kepala desa in office on `berlaku_sejak`
    untuk_yang_menjabat INTEGER NOT NULL DEFAULT 0 CHECK (untuk_yang_menjabat IN (0, 1)),
    dasar TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;

INSERT INTO masa_jabatan (berlaku_sejak, tahun, untuk_yang_menjabat, dasar) VALUES
    ('2014-01-15', 6, 0, 'UU 6/2014 tentang Desa, Pasal 39 ayat (1)'),
    ('2024-04-25', 8, 1, 'UU 3/2024 tentang Perubahan Kedua atas UU 6/2014, Pasal 39 ayat (1) dan Pasal 118 huruf b');

CREATE TABLE kepala_desa (
    id INTEGER PRIMARY KEY,
    desa_id INTEGER NOT NULL REFERENCES desa(id) ON DELETE CASCADE,
    nama TEXT NOT NULL CHECK (length(trim(nama)) > 0),
    dilantik TEXT NOT NULL
        CHECK (dilantik GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(dilantik) = dilantik),
    -- when recorded (an extension, an early end), it is the end of term; otherwise the end
    -- follows from `masa_jabatan`
    akhir_masa TEXT
        CHECK (akhir_masa IS NULL OR (akhir_masa GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(akhir_masa) = akhir_masa)),
    keterangan TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (desa_id, dilantik)
) STRICT;
CREATE INDEX kepala_desa_desa ON kepala_desa(desa_id, dilantik);
