-- Days off of the working-day calendar (domain::kalender): national holidays and cuti bersama
-- as each year's joint decree (SKB) sets them; weekends are not stored. Filled from
-- data/hari_libur.csv by the migration's hook, changed by `pantau impor hari-libur`.
CREATE TABLE hari_libur (
    id INTEGER PRIMARY KEY,
    tanggal TEXT NOT NULL UNIQUE
        CHECK (tanggal GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(tanggal) = tanggal),
    nama TEXT NOT NULL CHECK (length(trim(nama)) > 0),
    jenis TEXT NOT NULL CHECK (jenis IN ('libur_nasional', 'cuti_bersama')),
    dasar TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
