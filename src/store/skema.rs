//! Schema versions (`user_version`) by migration.

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookResult, M, Migrations};

use super::{Galat, Hasil, audit, dokumen, referensi};

fn v1_hook(tx: &Transaction) -> HookResult {
    referensi::muat(tx)?;
    audit::pasang_pemicu(tx)?;
    Ok(())
}

fn v7_hook(tx: &Transaction) -> HookResult {
    audit::pasang_ulang(tx)?;
    Ok(())
}

fn v8_hook(tx: &Transaction) -> HookResult {
    dokumen::isi_tenggat(tx)?;
    dokumen::hitung_ulang_rekap(tx, None)?;
    audit::pasang_ulang(tx)?;
    Ok(())
}

/// Schema 11: indicators get `sumber`; those whose wording names IKU 1, IKU 2 or the IKM are
/// linked to it (their realisation is computed from then on; a typed one stays stored).
fn v11_hook(tx: &Transaction) -> HookResult {
    audit::pasang_ulang(tx)?;
    super::kegiatan::tautkan_sumber(tx)?;
    Ok(())
}

/// Schema 12: the kecamatan profile (camat, NIP, place of signing, letter-number pattern);
/// the audit triggers are rebuilt so that the new columns are logged too.
fn v12_hook(tx: &Transaction) -> HookResult {
    audit::pasang_ulang(tx)?;
    Ok(())
}

/// Schema 13: the working-day calendar's days off, filled with the shipped SKB lists before
/// the audit triggers are put on the table (reference rows, like those of schema 1).
/// Schema 14: kepala desa and the term's length; their writes are audited.
fn v14_hook(tx: &Transaction) -> HookResult {
    audit::pasang_ulang(tx)?;
    Ok(())
}

/// Schema 15: deadline rules for more kinds (who acts, a fixed day or a count after an
/// event) and the days off of 2024, the shipped ones loaded with the audit triggers set aside (reference rows), then
/// the triggers rebuilt with the new columns.
fn v15_hook(tx: &Transaction) -> HookResult {
    audit::lepas(tx)?;
    referensi::muat_hari_libur_tahun_baru(tx)?;
    super::aturan::muat_bawaan(tx)
        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    audit::pasang_pemicu(tx)?;
    Ok(())
}

fn v13_hook(tx: &Transaction) -> HookResult {
    referensi::muat_hari_libur(tx)?;
    audit::pasang_ulang(tx)?;
    Ok(())
}

fn migrasi_semua() -> Migrations<'static> {
    Migrations::new(vec![
        M::up_with_hook(include_str!("migrations/001_skema.sql"), v1_hook),
        M::up(include_str!("migrations/002_rekap.sql")),
        M::up(include_str!("migrations/003_rekap_ikm_fasilitasi.sql")),
        M::up(include_str!("migrations/004_rekap_jadwal.sql")),
        M::up(include_str!("migrations/005_indeks_jadwal.sql")),
        M::up(include_str!("migrations/006_rekap_jadwal_nasional.sql")),
        M::up_with_hook("", v7_hook),
        M::up_with_hook(
            include_str!("migrations/008_rekap_tepat_waktu.sql"),
            v8_hook,
        ),
        M::up(include_str!("migrations/009_rekap_nasional.sql")),
        // schema 10: the file says it is pantau's (see `buka::periksa`)
        M::up(include_str!("migrations/010_application_id.sql")),
        M::up_with_hook(
            include_str!("migrations/011_indikator_sumber.sql"),
            v11_hook,
        ),
        M::up_with_hook(
            include_str!("migrations/012_profil_kecamatan.sql"),
            v12_hook,
        ),
        M::up_with_hook(include_str!("migrations/013_hari_libur.sql"), v13_hook),
        M::up_with_hook(include_str!("migrations/014_kepala_desa.sql"), v14_hook),
        M::up_with_hook(include_str!("migrations/015_aturan_tenggat.sql"), v15_hook),
    ])
}

pub(super) fn migrasi(conn: &mut Connection) -> Hasil<()> {
    let versi = versi_skema(conn)?;
    let terbaru = migrasi_semua_len();
    if versi > terbaru {
        return Err(Galat::Migrasi(format!(
            "basis data ini dibuat oleh pantau yang lebih baru (skema {versi}, program ini {terbaru}); perbarui pantau"
        )));
    }
    if versi < terbaru {
        migrasi_semua()
            .to_latest(conn)
            .map_err(|e| Galat::Migrasi(e.to_string()))?;
    }
    Ok(())
}

fn migrasi_semua_len() -> i64 {
    15
}

/// The schema version this program writes.
pub fn versi_terbaru() -> i64 {
    migrasi_semua_len()
}

/// Brings a database to schema `versi` exactly, as an older pantau left it (tests only).
#[cfg(test)]
pub(super) fn migrasi_ke(conn: &mut Connection, versi: usize) {
    migrasi_semua().to_version(conn, versi).unwrap();
}

pub fn versi_skema(conn: &Connection) -> Hasil<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // the trigger bodies call pantau_pengguna(); validate on a connection that has it
        let mut conn = Connection::open_in_memory().unwrap();
        conn.create_scalar_function(
            "pantau_pengguna",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            |_| Ok("uji".to_string()),
        )
        .unwrap();
        migrasi_semua().to_latest(&mut conn).unwrap();
        assert_eq!(versi_skema(&conn).unwrap(), migrasi_semua_len());
        assert!(migrasi_semua().validate().is_ok());
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, super::super::buka::APPLICATION_ID);
    }
}
