-- Schema version 5: the year's schedule and kegiatan lists read in code order straight from
-- an index, so a page of a national list is not a sort of the whole country.
DROP INDEX kegiatan_tahun;
CREATE INDEX kegiatan_tahun_kode ON kegiatan(tahun, kode_kegiatan, kecamatan_id);
