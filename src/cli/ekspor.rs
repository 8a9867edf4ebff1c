//! `pantau ekspor matriks|rencana|kak …`: files people open elsewhere. The M&E matrix is shared with
//! every desa and unit as a spreadsheet (CSV with `;` and a BOM, as Indonesian Excel and
//! LibreOffice expect); the KAK is printed every year, so it comes out as plain text.

use crate::cli::keluaran::cetak_galat;
use std::io::Write;

use chrono::Datelike;

use super::{GalatCli, KELUAR_OK, Konteks};
use crate::domain::angka::format_ribuan;
use crate::domain::tanggal::format_tanggal;
use crate::domain::teks::{aman, aman_baris};
use crate::store::kegiatan;
use crate::store::monev;
use crate::store::wilayah;

fn tulis(berkas: &str, isi: &[u8]) -> Result<(), GalatCli> {
    if berkas == "-" {
        std::io::stdout().write_all(isi).map_err(|e| {
            GalatCli(vec![format!(
                "keluaran tidak dapat ditulis: {}",
                super::sebab_io(&e)
            )])
        })
    } else {
        std::fs::write(berkas, isi).map_err(|e| {
            GalatCli(vec![format!(
                "{berkas}: tidak dapat ditulis: {}",
                super::sebab_io(&e)
            )])
        })?;
        cetak_galat!("Ditulis: {berkas}");
        Ok(())
    }
}

pub fn matriks(k: &Konteks, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    if berkas.to_lowercase().ends_with(".xlsx") {
        return super::ekspor_tabel::matriks(k, tahun, berkas);
    }
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let galat = |e: csv::Error| GalatCli(vec![format!("CSV tidak dapat dibuat: {e}")]);
    w.write_record([
        "kecamatan",
        "no",
        "kondisi_awal",
        "kegiatan",
        "pelaksana",
        "target_output",
        "putaran_1_tanggal",
        "putaran_1_kemajuan",
        "putaran_1_kendala",
        "putaran_1_tindak_lanjut",
        "putaran_2_tanggal",
        "putaran_2_kemajuan",
        "putaran_2_kendala",
        "putaran_2_tindak_lanjut",
        "putaran_3_tanggal",
        "putaran_3_kemajuan",
        "putaran_3_kendala",
        "putaran_3_tindak_lanjut",
        "target_outcome",
        "capaian_outcome",
    ])
    .map_err(galat)?;
    let mut n = 0;
    for (i, m) in monev::daftar_masalah(conn, lingkup, tahun, 0, i64::MAX)?
        .iter()
        .enumerate()
    {
        let kec = wilayah::kecamatan_id(conn, m.kecamatan_id)?
            .map(|x| x.kode)
            .unwrap_or_default();
        let kosong = [Default::default()];
        let kegiatan: &[monev::MatriksKegiatan] = if m.kegiatan.is_empty() {
            &kosong
        } else {
            &m.kegiatan
        };
        for g in kegiatan {
            let mut baris = vec![
                kec.clone(),
                (i + 1).to_string(),
                m.kondisi_awal.clone(),
                g.uraian.clone(),
                g.pelaksana.clone(),
                g.target_output.clone(),
            ];
            for p in &g.putaran {
                baris.push(p.tanggal.map(format_tanggal).unwrap_or_default());
                baris.push(p.kemajuan.clone());
                baris.push(p.kendala.clone());
                baris.push(p.tindak_lanjut.clone());
            }
            baris.push(m.target_outcome.clone());
            baris.push(m.capaian_outcome.clone());
            // texts from the database, perhaps written before control characters were refused
            w.write_record(baris.iter().map(|c| aman_baris(c).into_owned()))
                .map_err(galat)?;
            n += 1;
        }
    }
    let mut isi = b"\xEF\xBB\xBF".to_vec();
    isi.extend(w.into_inner().map_err(|e| GalatCli(vec![e.to_string()]))?);
    tulis(berkas, &isi)?;
    if berkas != "-" {
        cetak_galat!(
            "Matriks monev {tahun}: {} baris kegiatan.",
            format_ribuan(n)
        );
    }
    Ok(KELUAR_OK)
}

/// The plan-completion monitoring of year `tahun`: one row per round (a plan without rounds
/// gets one row with the round columns empty), so that every round entered is in the file.
pub fn rencana(k: &Konteks, tahun: Option<i32>, berkas: &str) -> Result<u8, GalatCli> {
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    if berkas.to_lowercase().ends_with(".xlsx") {
        return super::ekspor_tabel::rencana(k, tahun, berkas);
    }
    if berkas != "-" && !berkas.to_lowercase().ends_with(".csv") {
        return Err(format!(
            "{}: ekspor rencana ditulis sebagai .xlsx atau .csv; beri nama berakhiran salah satunya (atau - untuk CSV ke keluaran standar)",
            aman(berkas)
        )
        .into());
    }
    let lingkup = k.lingkup()?;
    let conn = k.store.conn();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let galat = |e: csv::Error| GalatCli(vec![format!("CSV tidak dapat dibuat: {e}")]);
    w.write_record([
        "kecamatan",
        "unit",
        "jenis_unit",
        "dokumen",
        "target",
        "selesai",
        "status",
        "keterangan",
        "putaran",
        "tanggal",
        "kemajuan_persen",
        "kemajuan",
        "kendala",
        "tindak_lanjut",
    ])
    .map_err(galat)?;
    let mut n = 0;
    let mut kode_kec = std::collections::HashMap::new();
    for r in monev::daftar_rencana(conn, lingkup, tahun, 0, i64::MAX)? {
        let kec = match kode_kec.get(&r.kecamatan_id) {
            Some(x) => x,
            None => {
                let kode = wilayah::kecamatan_id(conn, r.kecamatan_id)?
                    .map(|x| x.kode)
                    .unwrap_or_default();
                kode_kec.entry(r.kecamatan_id).or_insert(kode)
            }
        };
        let status = match (r.selesai, r.terlambat(k.hari_ini)) {
            (Some(_), false) => "selesai",
            (Some(_), true) => "selesai_terlambat",
            (None, true) => "terlambat",
            (None, false) => "berjalan",
        };
        let kepala = [
            kec.clone(),
            r.unit.clone(),
            r.jenis_unit.clone(),
            r.dokumen.clone(),
            format_tanggal(r.target),
            r.selesai.map(format_tanggal).unwrap_or_default(),
            status.to_string(),
            r.keterangan.clone(),
        ];
        let kosong = [monev::Putaran::default()];
        let putaran: &[monev::Putaran] = if r.putaran.is_empty() {
            &kosong
        } else {
            &r.putaran
        };
        for p in putaran {
            let mut baris = kepala.to_vec();
            baris.extend([
                if p.ke > 0 {
                    p.ke.to_string()
                } else {
                    String::new()
                },
                p.tanggal.map(format_tanggal).unwrap_or_default(),
                p.kemajuan_persen.map(|x| x.to_string()).unwrap_or_default(),
                p.kemajuan.clone(),
                p.kendala.clone(),
                p.tindak_lanjut.clone(),
            ]);
            w.write_record(baris.iter().map(|c| aman_baris(c).into_owned()))
                .map_err(galat)?;
            n += 1;
        }
    }
    let mut isi = b"\xEF\xBB\xBF".to_vec();
    isi.extend(w.into_inner().map_err(|e| GalatCli(vec![e.to_string()]))?);
    tulis(berkas, &isi)?;
    if berkas != "-" {
        cetak_galat!(
            "Pemantauan rencana {tahun}: {} baris putaran.",
            format_ribuan(n)
        );
    }
    Ok(KELUAR_OK)
}

/// How `ekspor kak` writes, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BentukKak {
    Docx,
    Markdown,
    Toml,
}

fn bentuk_kak(berkas: &str) -> Result<BentukKak, GalatCli> {
    if berkas == "-" {
        return Ok(BentukKak::Markdown);
    }
    let kecil = berkas.to_lowercase();
    let akhiran = kecil.rsplit_once('.').map(|(_, a)| a).unwrap_or("");
    match akhiran {
        "docx" => Ok(BentukKak::Docx),
        "md" | "markdown" | "txt" => Ok(BentukKak::Markdown),
        "toml" => Ok(BentukKak::Toml),
        _ => Err(format!(
            "{}: bentuk berkas dipilih dari akhiran namanya: .docx (Word), .md (Markdown) atau .toml (untuk pantau impor kak); - menulis Markdown ke keluaran standar",
            aman(berkas)
        )
        .into()),
    }
}

/// Writes a finished file under a temporary name, then renames it: a failure never leaves
/// half a file, and an older file of that name stays as it was.
fn tulis_utuh(berkas: &str, isi: &[u8]) -> Result<(), GalatCli> {
    if berkas == "-" {
        return tulis(berkas, isi);
    }
    crate::naskah::berkas::tulis_atomik(std::path::Path::new(berkas), isi).map_err(|e| {
        GalatCli(vec![format!(
            "{}: tidak dapat ditulis: {}",
            aman(berkas),
            super::sebab_io(&e)
        )])
    })?;
    cetak_galat!("Ditulis: {}", aman(berkas));
    Ok(())
}

pub fn kak(k: &Konteks, tahun: Option<i32>, kode: &str, berkas: &str) -> Result<u8, GalatCli> {
    let bentuk = bentuk_kak(berkas)?;
    let tahun = tahun.unwrap_or(k.hari_ini.year());
    let conn = k.store.conn();
    let keg = super::kegiatan::pilih(k, tahun, kode)?;
    let Some(kak) = kegiatan::kak(conn, keg.id)? else {
        return Err(format!("kegiatan {} tidak ada", aman(kode)).into());
    };
    if bentuk == BentukKak::Toml {
        // the KAK as a file for `pantau impor kak` (another kecamatan, another year)
        let isi = kegiatan::ke_toml(&kak)?;
        tulis_utuh(berkas, isi.as_bytes())?;
        return Ok(KELUAR_OK);
    }
    let naskah = crate::naskah::kak::dari_store(conn, keg.id, k.hari_ini)?
        .ok_or_else(|| GalatCli(vec![format!("kegiatan {} tidak ada", aman(kode))]))?;
    let isi = match bentuk {
        BentukKak::Docx => crate::naskah::docx::tulis(&naskah)?,
        _ => {
            let mut t = crate::naskah::md::tulis(&naskah);
            t.push('\n');
            t.into_bytes()
        }
    };
    tulis_utuh(berkas, &isi)?;
    Ok(KELUAR_OK)
}

/// `ekspor surat BERKAS.docx`: a letter from the Camat to each desa with documents overdue or
/// due within `hari` days (or to the desa named), one page per desa.
pub fn surat(k: &Konteks, o: &super::OpsiSurat) -> Result<u8, GalatCli> {
    use crate::naskah::surat::{DataSurat, SuratDesa};
    let berkas = o.berkas.as_str();
    if berkas == "-" {
        return Err(
            "surat ditulis sebagai dokumen Word (.docx), yang tidak dapat ke keluaran standar; beri nama berkas, misalnya surat.docx"
                .to_string()
                .into(),
        );
    }
    if !berkas.to_lowercase().ends_with(".docx") {
        return Err(format!(
            "{}: surat ditulis sebagai dokumen Word; beri nama berakhiran .docx",
            aman(berkas)
        )
        .into());
    }
    let conn = k.store.conn();
    let kec_id = super::atur::satu_kecamatan(k, "ekspor surat surat.docx")?;
    let profil = crate::store::profil::profil(conn, kec_id)?
        .ok_or_else(|| GalatCli(vec!["kecamatan tidak ada".into()]))?;
    let kurang = profil.kurang_untuk_surat();
    if !kurang.is_empty() {
        return Err(format!(
            "profil kecamatan {} belum berisi {} untuk tanda tangan surat; isi dengan: pantau --kecamatan {} atur profil --camat NAMA --nip NIP",
            profil.kode,
            if kurang.len() == 2 {
                "nama camat dan NIP"
            } else if kurang[0] == "--camat" {
                "nama camat"
            } else {
                "NIP camat"
            },
            profil.kode
        )
        .into());
    }
    // the chosen desa must exist and lie in this kecamatan
    let mut pilihan = Vec::new();
    let mut salah = Vec::new();
    for kode in &o.desa {
        match wilayah::desa_kode(conn, kode.trim())? {
            Some(d) if d.kecamatan_id == kec_id => pilihan.push(d),
            Some(_) => salah.push(format!(
                "desa {} bukan desa Kecamatan {}",
                aman(kode.trim()),
                aman(&profil.nama)
            )),
            None => salah.push(format!("desa {} tidak ada", aman(kode.trim()))),
        }
    }
    if !salah.is_empty() {
        return Err(GalatCli(salah));
    }
    let tahun_awal = k.store.tahun_awal(k.hari_ini)?;
    let item = crate::store::dokumen::cek(
        conn,
        wilayah::Lingkup::Kecamatan(kec_id),
        k.hari_ini,
        o.hari,
        tahun_awal,
    )?;
    let item: Vec<_> = item
        .into_iter()
        // the camat's own tasks (the evaluation) are the office's, not the desa's
        .filter(|i| i.pelaku == crate::domain::aturan::Pelaku::Desa)
        .filter(|i| o.tahun.is_none_or(|t| i.tahun_anggaran == t))
        .filter(|i| pilihan.is_empty() || pilihan.iter().any(|d| d.id == i.desa_id))
        .collect();
    // one letter per desa, in desa-code order; inside, the check's order
    let mut per_desa: std::collections::BTreeMap<String, SuratDesa> = Default::default();
    for i in item {
        per_desa
            .entry(i.kode_desa.clone())
            .or_insert_with(|| SuratDesa {
                desa: i.desa.clone(),
                item: Vec::new(),
            })
            .item
            .push(i);
    }
    let tanpa: Vec<String> = pilihan
        .iter()
        .filter(|d| !per_desa.contains_key(&d.kode))
        .map(|d| {
            format!(
                "desa {} {}: tidak ada dokumen yang lewat tenggat atau jatuh tempo dalam {} hari{}; tidak ada yang disurati",
                d.kode,
                aman(&d.nama),
                o.hari,
                o.tahun.map(|t| format!(" untuk TA {t}")).unwrap_or_default()
            )
        })
        .collect();
    if !tanpa.is_empty() {
        return Err(GalatCli(tanpa));
    }
    if per_desa.is_empty() {
        cetak_galat!(
            "Tidak ada desa Kecamatan {} dengan dokumen yang lewat tenggat atau jatuh tempo dalam {} hari; tidak ada surat yang ditulis.",
            aman(&profil.nama),
            o.hari
        );
        return Ok(KELUAR_OK);
    }
    let surat: Vec<SuratDesa> = per_desa.into_values().collect();
    let jenis = crate::store::dokumen::daftar_jenis(conn)?;
    let (naskah, nomor) = crate::naskah::surat::naskah(&DataSurat {
        profil: &profil,
        jenis: &jenis,
        tanggal: k.hari_ini,
        nomor_awal: o.nomor_awal,
        surat: &surat,
    });
    let isi = crate::naskah::docx::tulis(&naskah)?;
    tulis_utuh(berkas, &isi)?;
    let desa: Vec<String> = surat.iter().map(|s| aman(&s.desa).into_owned()).collect();
    cetak_galat!(
        "{} surat ({}), nomor {}{}: {}.",
        format_ribuan(surat.len() as i64),
        if surat.len() == 1 {
            "1 halaman"
        } else {
            "satu halaman per desa"
        },
        aman(&nomor[0]),
        if nomor.len() > 1 {
            format!(" s.d. {}", aman(&nomor[nomor.len() - 1]))
        } else {
            String::new()
        },
        desa.join(", ")
    );
    Ok(KELUAR_OK)
}
