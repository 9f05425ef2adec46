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

echo "Recorded the Cipari network's November 2026 in $KADES_DB. Try:"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades meeting list --month 2026-11"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades action list --overdue --lang id"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades visit list --village caruy"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades village show sidasari-cipari"
