//! `pantau riwayat [--desa K] [--tabel T] [--pengguna U] [--sejak D] [--batas N] [--json]`:
//! the audit log, newest first.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::teks::aman;
use crate::store::audit::{self, Entri, Saring, TABEL_DIAUDIT};

pub struct Opsi {
    pub desa: Option<String>,
    pub tabel: Option<String>,
    pub pengguna: Option<String>,
    pub sejak: Option<NaiveDate>,
    pub batas: usize,
    pub json: bool,
}

pub fn jalankan(k: &Konteks, o: Opsi) -> Result<u8, GalatCli> {
    let tabel = match o.tabel.as_deref().map(str::trim) {
        None => None,
        Some(t) => {
            let t = t.to_lowercase();
            if !TABEL_DIAUDIT.contains(&t.as_str()) {
                return Err(format!(
                    "tabel '{}' tidak dicatat; pilih salah satu: {}",
                    aman(&t),
                    TABEL_DIAUDIT.join(", ")
                )
                .into());
            }
            Some(t)
        }
    };
    let desa_id = match o.desa.as_deref().map(str::trim) {
        None => None,
        Some(kode) => {
            let id = audit::id_desa(k.store.conn(), kode)?;
            if id.is_empty() {
                return Err(GalatCli(vec![format!(
                    "desa {} tidak ada di basis data maupun di catatan perubahan",
                    aman(kode)
                )]));
            }
            Some(id)
        }
    };
    let saring = Saring {
        tabel,
        baris: None,
        desa_id,
        pengguna: o.pengguna.clone(),
        sejak: o.sejak,
        batas: o.batas,
    };
    let entri = audit::riwayat(k.store.conn(), &saring)?;
    if o.json {
        println!(
            "{}",
            crate::cli::keluaran::json(&json_riwayat(&entri, o.batas).to_string())
        );
    } else {
        let label = label_baris(k.store.conn(), &entri);
        let entri = untuk_orang(k.store.conn(), entri);
        print!(
            "{}",
            crate::cli::keluaran::teks(&teks_riwayat(&entri, o.batas, &label))
        );
    }
    Ok(KELUAR_OK)
}

fn nilai_json(e: &Entri) -> Value {
    json!({
        "id": e.id,
        "waktu": e.waktu,
        "pengguna": e.pengguna,
        "tabel": e.tabel,
        "baris": e.baris,
        "aksi": e.aksi,
        "perubahan": e.perubahan.iter().map(|p| json!({
            "kolom": p.kolom, "sebelum": p.sebelum, "sesudah": p.sesudah,
        })).collect::<Vec<_>>(),
    })
}

fn json_riwayat(entri: &[Entri], batas: usize) -> Value {
    json!({
        "jumlah": entri.len(),
        "batas": batas,
        "entri": entri.iter().map(nilai_json).collect::<Vec<_>>(),
    })
}

/// A stored value as text, made safe for the terminal.
fn tampil(v: &Value) -> String {
    match v {
        Value::Null => "(kosong)".into(),
        Value::String(s) if s.is_empty() => "\"\"".into(),
        Value::String(s) => aman(s).into_owned(),
        lain => aman(&lain.to_string()).into_owned(),
    }
}

/// The columns as a person reads them (the text output; JSON keeps the stored columns):
/// `luas_km2_x100: 400` is `luas_km2: 4`, `jenis_id: 2` is `jenis: APBDes`, a kecamatan or
/// desa id is its code, `katalog_id` is the facilitation kind's code.
fn untuk_orang(conn: &rusqlite::Connection, entri: Vec<Entri>) -> Vec<Entri> {
    use serde_json::Value;
    let cari = |sql: &str, v: &Value| -> Option<Value> {
        let id = v.as_i64()?;
        conn.query_row(sql, [id], |r| r.get::<_, String>(0))
            .ok()
            .map(Value::String)
    };
    let ubah = |kolom: &str, v: &Value| -> Value {
        match kolom {
            k if k.ends_with("_x100") => v.as_i64().map(|n| {
                Value::String(crate::domain::angka::format_desimal_ringkas(
                    crate::domain::angka::Seratus(n),
                ))
            }),
            "jenis_id" => cari("SELECT kode FROM jenis_dokumen WHERE id = ?1", v),
            "katalog_id" => cari("SELECT kode FROM katalog_fasilitasi WHERE id = ?1", v),
            "kecamatan_id" => cari("SELECT kode FROM kecamatan WHERE id = ?1", v),
            "desa_id" => cari("SELECT kode FROM desa WHERE id = ?1", v),
            // a stored date as people write it
            _ => v
                .as_str()
                .and_then(crate::domain::tanggal::tampil_tanggal_tersimpan)
                .map(Value::String),
        }
        .unwrap_or_else(|| v.clone())
    };
    entri
        .into_iter()
        .map(|mut e| {
            for p in &mut e.perubahan {
                p.sebelum = ubah(&p.kolom, &p.sebelum);
                p.sesudah = ubah(&p.kolom, &p.sesudah);
                p.kolom = match p.kolom.as_str() {
                    k if k.ends_with("_x100") => k.trim_end_matches("_x100").to_string(),
                    "jenis_id" | "katalog_id" => "jenis".into(),
                    "kecamatan_id" => "kecamatan".into(),
                    "desa_id" => "desa".into(),
                    k => k.to_string(),
                };
            }
            e
        })
        .collect()
}

/// The code a person knows a row by (a kind, desa, kecamatan or kegiatan), for the entries of
/// tables that have one: the row's code now, or the one its removal recorded.
fn label_baris(
    conn: &rusqlite::Connection,
    entri: &[Entri],
) -> std::collections::HashMap<(String, i64), String> {
    let mut v = std::collections::HashMap::new();
    for e in entri {
        if !matches!(
            e.tabel.as_str(),
            "jenis_dokumen" | "desa" | "kecamatan" | "kegiatan"
        ) || e.baris == 0
        {
            continue;
        }
        let kunci = (e.tabel.clone(), e.baris);
        if v.contains_key(&kunci) {
            continue;
        }
        // the table's name is one of the four above, never typed text
        let sekarang: Option<String> = conn
            .query_row(
                &format!("SELECT kode FROM {} WHERE id = ?1", e.tabel),
                [e.baris],
                |r| r.get(0),
            )
            .ok();
        let tercatat = || {
            e.perubahan
                .iter()
                .find(|p| p.kolom == "kode")
                .and_then(|p| p.sebelum.as_str().or(p.sesudah.as_str()))
                .map(str::to_string)
        };
        if let Some(kode) = sekarang.or_else(tercatat) {
            v.insert(kunci, kode);
        }
    }
    v
}

fn teks_riwayat(
    entri: &[Entri],
    batas: usize,
    label: &std::collections::HashMap<(String, i64), String>,
) -> String {
    let mut s = String::new();
    if entri.is_empty() {
        s.push_str("Tidak ada catatan perubahan yang cocok.\n");
        return s;
    }
    s.push_str(&format!(
        "{} catatan perubahan, terbaru dahulu{}:\n",
        entri.len(),
        if entri.len() >= batas {
            format!(" (paling banyak {batas}; --batas N untuk lebih)")
        } else {
            String::new()
        }
    ));
    for e in entri {
        let aksi = match e.aksi.as_str() {
            "tambah" => "tambah",
            "ubah" => "ubah  ",
            "hapus" => "hapus ",
            lain => lain,
        };
        let baris = match (e.baris, label.get(&(e.tabel.clone(), e.baris))) {
            (0, _) => String::new(),
            (b, Some(kode)) => format!(" #{b} {}", aman(kode)),
            (b, None) => format!(" #{b}"),
        };
        s.push_str(&format!(
            "{}  {}  {aksi}  {}{baris}\n",
            aman(&e.waktu_tampil()),
            aman(&e.pengguna),
            aman(&e.tabel)
        ));
        for p in &e.perubahan {
            let kolom = aman(&p.kolom);
            match e.aksi.as_str() {
                "tambah" => s.push_str(&format!("    {kolom}: {}\n", tampil(&p.sesudah))),
                "hapus" => s.push_str(&format!("    {kolom}: {}\n", tampil(&p.sebelum))),
                _ => s.push_str(&format!(
                    "    {kolom}: {} -> {}\n",
                    tampil(&p.sebelum),
                    tampil(&p.sesudah)
                )),
            }
        }
    }
    s
}
