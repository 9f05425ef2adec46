#!/bin/sh
# The main job on a demo log: record the case study of the source article (Desa Sidasari and
# the Forum Kades Cipari, Kabupaten Cilacap, November 2026) and make the month's report that
# the forum reads, in Bahasa Indonesia, as Markdown.
# Usage: examples/demo.sh [KADES_BINARY]
# The log is $DEMO_DB, else build/demo.db; it is started afresh (never your own KADES_DB).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
kades=${1:-$here/build/bin/kades}
export KADES_DB="${DEMO_DB:-$here/build/demo.db}"
mkdir -p "$(dirname "$KADES_DB")"
export KADES_TODAY=2026-11-27 # the day the case study is recorded, so the demo reads the same
rm -f "$KADES_DB" "$KADES_DB-wal" "$KADES_DB-shm"

echo "\$ examples/case-study.sh    # regions, Cipari's 11 villages, a forum, meetings, visits, lessons"
"$here/examples/case-study.sh" "$kades" >/dev/null
echo
echo "\$ kades village show sidasari-cipari"
"$kades" village show sidasari-cipari
echo
echo "\$ kades --lang id report monthly --month 2026-11 -f markdown"
"$kades" --lang id report monthly --month 2026-11 -f markdown
echo
echo "The demo log is $KADES_DB (today is $KADES_TODAY in it). Try:"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades report monthly --month 2026-11 -f whatsapp"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades report lessons --lang id"
echo "  KADES_DB=$KADES_DB KADES_TODAY=$KADES_TODAY $kades report network -f dot | dot -Tsvg > jaringan.svg"
