-- The kecamatan profile that letters and KAK documents need: the camat who signs, his or her
-- NIP (18 digits), the place of signing, and the office's letter-number pattern
-- ({nomor}, {tahun}, {bulan_romawi}). Empty = not set.
ALTER TABLE kecamatan ADD COLUMN camat TEXT NOT NULL DEFAULT '';
ALTER TABLE kecamatan ADD COLUMN nip TEXT NOT NULL DEFAULT '';
ALTER TABLE kecamatan ADD COLUMN tempat_ttd TEXT NOT NULL DEFAULT '';
ALTER TABLE kecamatan ADD COLUMN pola_nomor TEXT NOT NULL DEFAULT '';
