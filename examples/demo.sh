#!/bin/sh
# The main job on a demo log: load Indonesia's regions, add the eleven villages of
# Kecamatan Cipari (Kabupaten Cilacap), show Desa Sidasari of the case study, list the network.
# Usage: examples/demo.sh [KADES_BINARY]   (the log is build/demo.db, started afresh)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
kades=${1:-$here/build/bin/kades}
export KADES_DB="$here/build/demo.db"
rm -f "$KADES_DB" "$KADES_DB-wal" "$KADES_DB-shm"

echo "\$ kades region import"
"$kades" region import
echo
echo "\$ kades region list --level village --name sidasari"
"$kades" region list --level village --name sidasari
echo
echo "\$ kades village import --under 33.01.18"
"$kades" village import --under 33.01.18
echo
echo "\$ kades village show 33.01.18.2011"
"$kades" village show 33.01.18.2011
echo
echo "\$ kades village list"
"$kades" village list
echo
echo "The demo log is $KADES_DB: try 'KADES_DB=$KADES_DB $kades village show sidasari-cipari --lang id'."
