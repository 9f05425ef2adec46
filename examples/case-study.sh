#!/bin/sh
# The case study of the source article, recorded as a forum secretary would: Desa Sidasari
# (Kecamatan Cipari, Kabupaten Cilacap) and its neighbours in November 2026. Every id the
# script needs is taken from `-q` output, as a script should.
# Usage: examples/case-study.sh [KADES_BINARY]   (uses KADES_DB, else build/case-study.db)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
kades=${1:-$here/build/bin/kades}
export KADES_DB="${KADES_DB:-$here/build/case-study.db}"
export KADES_TODAY="${KADES_TODAY:-2026-11-27}"
k() { "$kades" "$@"; }

k -q region import
k -q village import --under 33.01.18
k -q village head sidasari-cipari "Sutarno" --since 2020-01-10
k -q village index sidasari-cipari --year 2025 --score 0.7215

members=""
for v in caruy cipari cisuru karangreja kutasari mekarsari mulyadadi pegadingan segaralangu serang sidasari; do
  members="$members --member $v-cipari"
done
# shellcheck disable=SC2086
forum=$(k -q forum add "Forum Kades Cipari" --purpose "Koordinasi kepala desa se-Kecamatan Cipari" \
  --founded 2019-03-01 $members)

first=$(k -q meeting add "Pertemuan rutin Forum Kades Cipari" --date 2026-11-06 --time 09:00 \
  --kind rutin --host sidasari-cipari --forum "$forum" --place "Balai Desa Sidasari" \
  --attendee caruy --attendee cipari-cipari --attendee cisuru --attendee karangreja \
  --attendee kutasari --attendee mekarsari --attendee mulyadadi --attendee pegadingan \
  --attendee serang --attendee sidasari-cipari \
  --decision "Jadwal pelatihan BUMDes disepakati" --decision "Bank sampah dirintis di tiap desa")
training=$(k -q meeting add "Pelatihan kepemimpinan desa" --date 2026-11-20 --kind pelatihan \
  --host cipari-cipari --forum "$forum" --attendee caruy --attendee cipari-cipari \
  --attendee cisuru --attendee karangreja --attendee mekarsari --attendee mulyadadi \
  --attendee serang --attendee sidasari-cipari)
second=$(k -q meeting add "Rapat evaluasi program desa" --date 2026-11-25 --kind rutin \
  --host karangreja-cipari --forum "$forum" --attendee karangreja --attendee sidasari-cipari \
  --attendee kutasari --decision "Laporan irigasi tetes diminta bulan depan")
k -q meeting add "Pertemuan rutin Forum Kades Cipari" --date 2026-12-04 --kind rutin \
  --host karangreja-cipari --forum "$forum" >/dev/null

k -q action add "Kirim RAB pelatihan irigasi ke forum" --owner kutasari-cipari --due 2026-11-15 \
  --meeting "$first" >/dev/null
done_action=$(k -q action add "Susun jadwal pelatihan BUMDes" --owner cipari-cipari \
  --due 2026-11-18 --meeting "$first")
k -q action done "$done_action" --date 2026-11-17
k -q action add "Bagikan materi pelatihan ke semua desa" --owner cipari-cipari --due 2026-12-05 \
  --meeting "$training" >/dev/null
k -q action add "Siapkan laporan irigasi tetes" --owner kutasari-cipari --due 2026-12-20 \
  --meeting "$second" >/dev/null

study=$(k -q visit add --host sidasari-cipari --visitor caruy --visitor serang-cipari \
  --date 2026-11-13 --kind study --purpose "Belajar bank sampah dan pertanian organik" \
  --program "Bank sampah" --program "Pertanian organik" \
  --findings "Iuran Rp 2.000 per rumah menutup biaya operasional")
k -q visit add --host sidasari-cipari --visitor caruy --date 2026-11-13 --until 2026-11-27 \
  --kind exchange --workers 4 --skill "Pertanian organik" \
  --purpose "Empat petani Caruy belajar dua minggu di Sidasari" >/dev/null
k -q action add "Rintis bank sampah di Caruy" --owner caruy-cipari --due 2027-03-31 \
  --visit "$study" >/dev/null

# What the villages learned: one lesson from March, three of November, and who took them up.
organic=$(k -q lesson add "Pupuk kompos dari kotoran ternak" --village sidasari-cipari \
  --kind sukses --topic pertanian --date 2026-03-10 \
  --context "Harga pupuk kimia naik dua kali lipat; kelompok tani ingin beralih" \
  --outcome "Biaya pupuk turun 40% dalam satu musim tanam, panen tetap" \
  --lesson "Kompos dari kotoran ternak warga sendiri cukup untuk sawah satu dusun" \
  --recommendation "Mulai dengan satu kelompok tani dan rumah kompos bersama")
waste=$(k -q lesson add "Bank sampah dikelola BUMDes" --village sidasari-cipari --kind sukses \
  --topic sampah --topic BUMDes --date 2026-11-13 --visit "$study" \
  --context "Sampah rumah tangga dibuang ke sungai; BUMDes mencari usaha baru" \
  --outcome "Iuran Rp 2.000 per rumah menutup biaya operasional sejak bulan ketiga" \
  --lesson "Sampah jadi tabungan warga bila BUMDes yang mengelola dan menjualnya" \
  --recommendation "Mulai dari satu dusun, baru diperluas")
k -q lesson add "Irigasi tetes tanpa pelatihan perawatan" --village kutasari-cipari --kind gagal \
  --topic pertanian --topic "air bersih" --date 2026-11-25 --meeting "$second" \
  --context "Irigasi tetes dibeli untuk lima hektare sawah tadah hujan" \
  --outcome "Separuh selang tersumbat dalam dua bulan" \
  --lesson "Alat tanpa orang yang bisa merawatnya cepat rusak" \
  --recommendation "Anggarkan pelatihan perawatan bersama pengadaan" >/dev/null
k -q lesson add "Musyawarah dusun sebelum APBDes" --village mekarsari-cipari --kind sukses \
  --topic "tata kelola" --date 2026-11-06 --meeting "$first" \
  --context "Usulan warga tidak sampai ke APBDes" \
  --outcome "Usulan yang masuk APBDes naik dari 12 menjadi 31" \
  --lesson "Warga mau mengusulkan bila ditanya di dusunnya sendiri" \
  --recommendation "Jadwalkan musyawarah dusun sebulan sebelum musyawarah desa" >/dev/null
k -q lesson adopt "$waste" --village caruy-cipari --status dicoba --date 2026-11-20 \
  --result "40 rumah ikut di bulan pertama" >/dev/null
k -q lesson adopt "$organic" --village caruy-cipari --status diadopsi --date 2026-11-27 \
  --result "Empat petani Caruy kembali dan membuat rumah kompos" >/dev/null
k -q lesson adopt "$organic" --village serang-cipari --date 2026-11-27 >/dev/null

# December: a study visit planned, and the agreement that funds the bank sampah of both villages.
k -q visit add --host segaralangu-cipari --visitor kutasari-cipari --visitor mulyadadi-cipari \
  --date 2026-12-11 --purpose "Wisata desa" --program "Wisata desa" >/dev/null
ngo=$(k -q partner add "Yayasan Bumi Lestari" --type lsm --contact "Bu Rina")
k -q agreement add "Bank sampah bersama Sidasari dan Caruy" --village sidasari-cipari \
  --village caruy-cipari --partner "$ngo" --scope pemberdayaan --signed 2026-11-20 \
  --until 2027-11-19 --funding "Rp 25.000.000" >/dev/null

echo "Recorded the Cipari network's November 2026 in $KADES_DB. Try:"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades meeting list --month 2026-11"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades action list --overdue --lang id"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades visit list --village caruy"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades village show sidasari-cipari"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades report monthly --month 2026-11 -f markdown --lang id"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades report lessons"
