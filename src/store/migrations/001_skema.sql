-- pantau schema, version 1. Every editable row carries `versi`, raised by each UPDATE,
-- so that a save can tell that someone else changed the row in between.
-- Dates are TEXT 'YYYY-MM-DD'. Money is whole Rupiah. Decimals are hundredths (…_x100).

CREATE TABLE pengaturan (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL
) STRICT;

CREATE TABLE kecamatan (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    kabupaten TEXT NOT NULL DEFAULT '',
    alamat TEXT NOT NULL DEFAULT '',
    telepon TEXT NOT NULL DEFAULT '',
    kode_pos TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE desa (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    -- 1 = kelurahan: part of the kecamatan, but without desa documents
    kelurahan INTEGER NOT NULL DEFAULT 0,
    luas_km2_x100 INTEGER,
    dusun INTEGER,
    rw INTEGER,
    rt INTEGER,
    laki_laki INTEGER,
    perempuan INTEGER,
    jumlah_penduduk INTEGER,
    rumah_tangga INTEGER,
    keterangan TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX desa_kecamatan ON desa(kecamatan_id, kode);

-- Deadline rules as data: the deadline of fiscal year T is day `hari` of month `bulan`
-- of year T + geser_tahun.
CREATE TABLE jenis_dokumen (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    urutan INTEGER NOT NULL,
    geser_tahun INTEGER NOT NULL CHECK (geser_tahun BETWEEN -5 AND 5),
    bulan INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    hari INTEGER NOT NULL CHECK (hari BETWEEN 1 AND 31),
    aturan TEXT NOT NULL DEFAULT '',
    dasar_hukum TEXT NOT NULL DEFAULT '',
    aktif INTEGER NOT NULL DEFAULT 1,
    hitung_iku2 INTEGER NOT NULL DEFAULT 1,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE dokumen (
    id INTEGER PRIMARY KEY,
    desa_id INTEGER NOT NULL REFERENCES desa(id) ON DELETE CASCADE,
    jenis_id INTEGER NOT NULL REFERENCES jenis_dokumen(id),
    tahun_anggaran INTEGER NOT NULL CHECK (tahun_anggaran BETWEEN 2000 AND 2100),
    tanggal TEXT CHECK (tanggal IS NULL OR tanggal GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    nomor TEXT NOT NULL DEFAULT '',
    keterangan TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (desa_id, jenis_id, tahun_anggaran)
) STRICT;

CREATE TABLE nomenklatur (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    jenis TEXT NOT NULL CHECK (jenis IN ('program', 'kegiatan', 'sub_kegiatan')),
    nama TEXT NOT NULL,
    sumber TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE kegiatan (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    kode_program TEXT NOT NULL,
    nama_program TEXT NOT NULL,
    kode_kegiatan TEXT NOT NULL,
    nama_kegiatan TEXT NOT NULL,
    kode_sub_kegiatan TEXT NOT NULL DEFAULT '',
    seksi TEXT NOT NULL DEFAULT '',
    waktu TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kecamatan_id, tahun, kode_kegiatan)
) STRICT;

-- Textual points of a KAK: legal basis, background, aims, benefits, strategy, places,
-- implementers, participants … `bagian` names the part, `kelompok` an optional sub-heading.
CREATE TABLE kegiatan_butir (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan(id) ON DELETE CASCADE,
    bagian TEXT NOT NULL,
    urutan INTEGER NOT NULL,
    kelompok TEXT NOT NULL DEFAULT '',
    teks TEXT NOT NULL,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX kegiatan_butir_kegiatan ON kegiatan_butir(kegiatan_id, bagian, urutan);

CREATE TABLE indikator (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    tingkat TEXT NOT NULL CHECK (tingkat IN ('program', 'output', 'outcome', 'individu')),
    uraian TEXT NOT NULL,
    satuan TEXT NOT NULL DEFAULT '',
    target_x100 INTEGER,
    realisasi_x100 INTEGER,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX indikator_kegiatan ON indikator(kegiatan_id, urutan);

-- Budget history: N−2, N−1 and the current year of each expenditure line.
CREATE TABLE anggaran_riwayat (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    uraian TEXT NOT NULL,
    n2 INTEGER,
    n1 INTEGER,
    berjalan INTEGER,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX anggaran_riwayat_kegiatan ON anggaran_riwayat(kegiatan_id, urutan);

-- Cost plan lines. The total is computed from the lines, never stored.
CREATE TABLE rencana_biaya (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    uraian TEXT NOT NULL,
    jumlah INTEGER NOT NULL CHECK (jumlah >= 0),
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX rencana_biaya_kegiatan ON rencana_biaya(kegiatan_id, urutan);

-- Stages; `bulan` is a set of months, bit 0 = January.
CREATE TABLE tahapan (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL,
    bulan INTEGER NOT NULL CHECK (bulan BETWEEN 0 AND 4095),
    tempat TEXT NOT NULL DEFAULT '',
    pelaksana TEXT NOT NULL DEFAULT '',
    peserta TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX tahapan_kegiatan ON tahapan(kegiatan_id, urutan);

-- An occurrence (stage × month of the kegiatan's year) marked done.
CREATE TABLE tahapan_realisasi (
    id INTEGER PRIMARY KEY,
    tahapan_id INTEGER NOT NULL REFERENCES tahapan(id) ON DELETE CASCADE,
    bulan INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    tanggal TEXT NOT NULL,
    bukti TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tahapan_id, bulan)
) STRICT;

CREATE TABLE katalog_fasilitasi (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    golongan TEXT NOT NULL CHECK (golongan IN ('fasilitasi', 'koordinasi', 'rekomendasi')),
    nama TEXT NOT NULL,
    uraian_aktivitas TEXT NOT NULL DEFAULT '',
    output TEXT NOT NULL DEFAULT '',
    bukti TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE fasilitasi (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    desa_id INTEGER REFERENCES desa(id) ON DELETE SET NULL,
    tanggal TEXT NOT NULL,
    katalog_id INTEGER NOT NULL REFERENCES katalog_fasilitasi(id),
    uraian TEXT NOT NULL DEFAULT '',
    output TEXT NOT NULL DEFAULT '',
    bukti TEXT NOT NULL DEFAULT '',
    ditindaklanjuti INTEGER NOT NULL DEFAULT 0 CHECK (ditindaklanjuti IN (0, 1)),
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX fasilitasi_kecamatan_tanggal ON fasilitasi(kecamatan_id, tanggal);

CREATE TABLE ikm_unsur (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    urutan INTEGER NOT NULL UNIQUE,
    nama TEXT NOT NULL
) STRICT;

CREATE TABLE ikm_responden (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    u1 INTEGER NOT NULL CHECK (u1 BETWEEN 1 AND 4),
    u2 INTEGER NOT NULL CHECK (u2 BETWEEN 1 AND 4),
    u3 INTEGER NOT NULL CHECK (u3 BETWEEN 1 AND 4),
    u4 INTEGER NOT NULL CHECK (u4 BETWEEN 1 AND 4),
    u5 INTEGER NOT NULL CHECK (u5 BETWEEN 1 AND 4),
    u6 INTEGER NOT NULL CHECK (u6 BETWEEN 1 AND 4),
    u7 INTEGER NOT NULL CHECK (u7 BETWEEN 1 AND 4),
    u8 INTEGER NOT NULL CHECK (u8 BETWEEN 1 AND 4),
    u9 INTEGER NOT NULL CHECK (u9 BETWEEN 1 AND 4),
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX ikm_responden_kecamatan_tahun ON ikm_responden(kecamatan_id, tahun);

-- KOMPAK plan-completion monitoring: per desa or service unit, a target date and rounds.
CREATE TABLE monev_rencana (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    unit TEXT NOT NULL,
    jenis_unit TEXT NOT NULL DEFAULT 'desa' CHECK (jenis_unit IN ('desa', 'puskesmas', 'sd', 'lainnya')),
    desa_id INTEGER REFERENCES desa(id) ON DELETE SET NULL,
    dokumen TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL,
    selesai TEXT,
    keterangan TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX monev_rencana_kecamatan ON monev_rencana(kecamatan_id, tahun);

CREATE TABLE monev_putaran (
    id INTEGER PRIMARY KEY,
    rencana_id INTEGER NOT NULL REFERENCES monev_rencana(id) ON DELETE CASCADE,
    ke INTEGER NOT NULL CHECK (ke >= 1),
    tanggal TEXT NOT NULL,
    kemajuan_persen INTEGER CHECK (kemajuan_persen BETWEEN 0 AND 100),
    kemajuan TEXT NOT NULL DEFAULT '',
    kendala TEXT NOT NULL DEFAULT '',
    tindak_lanjut TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (rencana_id, ke)
) STRICT;

-- KOMPAK M&E matrix: problem → activities → up to three rounds.
CREATE TABLE matriks_masalah (
    id INTEGER PRIMARY KEY,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    urutan INTEGER NOT NULL,
    kondisi_awal TEXT NOT NULL,
    target_outcome TEXT NOT NULL DEFAULT '',
    capaian_outcome TEXT NOT NULL DEFAULT '',
    contoh INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX matriks_masalah_kecamatan ON matriks_masalah(kecamatan_id, tahun, urutan);

CREATE TABLE matriks_kegiatan (
    id INTEGER PRIMARY KEY,
    masalah_id INTEGER NOT NULL REFERENCES matriks_masalah(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    uraian TEXT NOT NULL,
    pelaksana TEXT NOT NULL DEFAULT '',
    target_output TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX matriks_kegiatan_masalah ON matriks_kegiatan(masalah_id, urutan);

CREATE TABLE matriks_putaran (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES matriks_kegiatan(id) ON DELETE CASCADE,
    ke INTEGER NOT NULL CHECK (ke BETWEEN 1 AND 3),
    tanggal TEXT,
    kemajuan TEXT NOT NULL DEFAULT '',
    kendala TEXT NOT NULL DEFAULT '',
    tindak_lanjut TEXT NOT NULL DEFAULT '',
    versi INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kegiatan_id, ke)
) STRICT;

-- Who changed which row, when, from what to what. Filled by triggers only.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    waktu TEXT NOT NULL,
    pengguna TEXT NOT NULL,
    tabel TEXT NOT NULL,
    baris INTEGER NOT NULL,
    aksi TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    sebelum TEXT,
    sesudah TEXT
) STRICT;
CREATE INDEX audit_baris ON audit(tabel, baris);
