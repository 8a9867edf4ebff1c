-- Where a KAK indicator's realisation comes from: '' typed by hand, or computed by pantau from
-- IKU 1, IKU 2 or the IKM of the kegiatan's kecamatan and year (store::indikator).
ALTER TABLE indikator ADD COLUMN sumber TEXT NOT NULL DEFAULT ''
    CHECK (sumber IN ('', 'IKU1', 'IKU2', 'IKM'));
