#!/usr/bin/env bash
# kades benchmark (tracker issue 2): times `region import` of all 83,762 villages, and
# `village list` / `village show` on a log that holds them all, beside a baseline of the
# sqlite3 shell doing the same work on the same data. A benchmark, not a test: it exits 0
# whatever the figures (non-zero only when it cannot run at all).
#
#   bench/run.sh                     builds a Release kades into build-bench/, then measures
#   KADES=path/to/kades bench/run.sh measures that binary instead (no build)
#
# Settings (environment):
#   RUNS=5            timed runs per task (the median is reported)
#   WARMUP=1          untimed runs before them
#   VILLAGE_RUNS=3    timed runs of the 38-process `village import` (about 10 s each)
#   SQLITE3=sqlite3   the sqlite3 shell of the baseline
#   OUT=bench/results where the hyperfine exports (JSON, CSV, markdown) and summary go
#   NO_HYPERFINE=1    use the bash timing loop even when hyperfine is installed
#   VERBOSE=1         show hyperfine's own output instead of keeping it in $OUT/hyperfine.log
#
# The baseline, task by task (all on the same machine, with the same CSV files):
#   region import (fresh)   sqlite3 creates the kades `region` table (same DDL as migration 1:
#                           STRICT, WITHOUT ROWID, the CHECK on level), `.import --csv --skip 1`s
#                           the four files into TEMP staging tables and moves them into `region`
#                           with one INSERT ... SELECT per level in one transaction. The shell's
#                           defaults are kept (rollback journal, synchronous=FULL); kades writes
#                           in WAL mode and also creates the rest of its schema on a new log.
#   region import (repeat)  the same staging, then the upsert kades runs (INSERT ... ON CONFLICT
#                           (code) DO UPDATE ... WHERE changed) onto a `region` that already
#                           holds every row: nothing changes, as with kades.
#   plain .import           the simplest baseline: `.import --csv` of the four files into four
#                           new tables (columns from the header, all TEXT, rowid tables, no key).
#   village list            the query kades runs (k_select_village + k_list_filter, read from
#                           src/store/village.cpp at run time) through `sqlite3 -csv` / `-json` /
#                           `-column` with the same parameter values (.param set), on the same log.
#   village show            k_select_village + " WHERE v.slug = ?1" (by code: the slug lookup that
#                           misses, then " WHERE v.code = ?1"), then the heads and index queries of
#                           src/store/village_detail.cpp, in one sqlite3 process.
#   village import --under  no baseline: kades makes slugs and UUIDs, which SQL alone does not.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
VILLAGE_RUNS=${VILLAGE_RUNS:-$((RUNS < 3 ? RUNS : 3))}
SQLITE3=${SQLITE3:-sqlite3}
OUT=${OUT:-$ROOT/bench/results}
VERBOSE=${VERBOSE:-0}
IMPORT_LIMIT=2.0 # issue 2: the national import takes at most 2x the sqlite3 shell's .import

# The environment must not change what kades prints or where it writes.
unset KADES_DB KADES_FORMAT
export KADES_LANG=en NO_COLOR=1

die() { echo "bench: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$RUNS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a number, not '$WARMUP'"
[[ $VILLAGE_RUNS =~ ^[1-9][0-9]*$ ]] || die "VILLAGE_RUNS must be a positive number"
have "$SQLITE3" || die "no sqlite3 shell (Debian: apt-get install sqlite3)"

if [[ -z ${KADES:-} ]]; then
    echo "bench: building a Release kades in $ROOT/build-bench ..." >&2
    cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DKADES_TESTS=OFF >/dev/null ||
        die "cmake configure failed"
    cmake --build "$ROOT/build-bench" -j2 --target kades >/dev/null || die "the build failed"
    KADES=$ROOT/build-bench/bin/kades
fi
[[ -x $KADES ]] || die "$KADES is not an executable kades"
KADES=$(cd "$(dirname "$KADES")" && pwd)/$(basename "$KADES")

# kades loads the copy of data/wilayah installed beside it; the baseline loads the same files.
WILAYAH=$(dirname "$KADES")/../share/kades/wilayah
[[ -f $WILAYAH/villages.csv ]] || die "no $WILAYAH/villages.csv beside $KADES"
WILAYAH=$(cd "$WILAYAH" && pwd)
for f in provinces regencies districts villages; do
    cmp -s "$WILAYAH/$f.csv" "$ROOT/data/wilayah/$f.csv" ||
        echo "bench: note: $WILAYAH/$f.csv differs from data/wilayah/$f.csv (stale build?)" >&2
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kades-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT"
: >"$OUT/hyperfine.log"

USE_HYPERFINE=0
if [[ -z ${NO_HYPERFINE:-} ]] && have hyperfine && hyperfine -N --runs 1 true >/dev/null 2>&1; then
    USE_HYPERFINE=1
fi

# --- measuring -----------------------------------------------------------------------------

declare -A MED   # task key -> median wall-clock time in ms
declare -A CPU   # task key -> mean user + system CPU time in ms (hyperfine only)
q() { printf '%q ' "$@"; }

# measure KEY WARMUP RUNS PREPARE CMD [ARG...]: runs CMD (stdout to /dev/null) RUNS times after
# WARMUP untimed runs, PREPARE (a command line, may be empty) before each run; MED[KEY] = median ms.
measure() {
    local key=$1 warm=$2 runs=$3 prepare=$4
    shift 4
    printf '  %-28s ' "$key" >&2
    if ((USE_HYPERFINE)); then
        local args=(-N --warmup "$warm" --runs "$runs" --command-name "$key"
            --export-json "$OUT/$key.json" --export-csv "$TMP/$key.csv"
            --export-markdown "$OUT/$key.md")
        [[ -n $prepare ]] && args+=(--prepare "$prepare")
        if ((VERBOSE)); then
            hyperfine "${args[@]}" "$(q "$@")" >&2 || die "hyperfine failed on: $*"
        else
            hyperfine "${args[@]}" "$(q "$@")" >>"$OUT/hyperfine.log" 2>&1 ||
                die "hyperfine failed on: $* (see $OUT/hyperfine.log)"
        fi
        # summary CSV: command,mean,stddev,median,user,system,min,max (seconds)
        MED[$key]=$(awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$TMP/$key.csv")
        CPU[$key]=$(awk -F, 'NR == 2 { printf "%.1f", ($(NF - 3) + $(NF - 2)) * 1000 }' "$TMP/$key.csv")
    else
        local i t0 t1 times=()
        for ((i = 0; i < warm + runs; i++)); do
            [[ -n $prepare ]] && bash -c "$prepare"
            t0=$(date +%s.%N)
            "$@" >/dev/null 2>>"$OUT/hyperfine.log" || die "failed: $*"
            t1=$(date +%s.%N)
            if ((i >= warm)); then
                times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
            fi
        done
        MED[$key]=$(printf '%s\n' "${times[@]}" | sort -g |
            awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }')
        printf '%s\n' "${times[@]}" >"$OUT/$key.times"
    fi
    echo "${MED[$key]} ms" >&2
}

declare -A RSS   # task key -> peak resident set in KB
rss() {
    local key=$1 prepare=$2
    shift 2
    [[ -n $prepare ]] && bash -c "$prepare"
    /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null
    RSS[$key]=$(tail -n 1 "$TMP/rss")
}

# --- the queries kades runs, as text ------------------------------------------------------

# extract FILE ANCHOR: the first raw string literal R"sql(...)sql" at or after the line holding ANCHOR.
extract() {
    awk -v anchor="$2" '
        !found && index($0, anchor) { found = 1 }
        found && !on {
            p = index($0, "R\"sql(")
            if (!p) next
            on = 1
            rest = substr($0, p + 6)
            if ((e = index(rest, ")sql\""))) { print substr(rest, 1, e - 1); exit }
            if (rest != "") print rest
            next
        }
        on { if ((e = index($0, ")sql\""))) { print substr($0, 1, e - 1); exit } print }
    ' "$1" 2>/dev/null || true
}

# query NAME FILE ANCHOR FALLBACK: the text from the source, or this script's copy (with a note).
query() {
    local text
    text=$(extract "$ROOT/$2" "$3")
    if [[ -z ${text//[[:space:]]/} ]]; then
        echo "bench: note: $3 not found in $2; the baseline uses this script's copy of it" >&2
        text=$4
    fi
    printf -v "$1" '%s' "$text"
}

query SELECT_VILLAGE src/store/village.cpp k_select_village "
SELECT v.slug, v.uuid, v.name, v.code, v.district, v.regency, v.province, v.phone, v.email,
       v.note, v.archived, h.name, h.since,
       (SELECT group_concat(tag, ',') FROM
           (SELECT tag FROM village_tag t WHERE t.village = v.id ORDER BY tag))
FROM village v
LEFT JOIN village_head h ON h.id = (
    SELECT id FROM village_head WHERE village = v.id ORDER BY since DESC NULLS LAST, id DESC
    LIMIT 1)"
query LIST_FILTER src/store/village.cpp k_list_filter "
WHERE (?1 IS NULL OR v.district = ?1 COLLATE NOCASE)
  AND (?2 IS NULL OR v.regency = ?2 COLLATE NOCASE OR v.regency = 'Kabupaten ' || ?2 COLLATE NOCASE)
  AND (?3 IS NULL OR v.province = ?3 COLLATE NOCASE)
  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM village_tag t WHERE t.village = v.id AND t.tag = ?4))
  AND (?5 IS NULL OR (v.code > ?5 || '.' AND v.code < ?5 || '/'))
  AND (?6 OR v.archived = 0)
ORDER BY v.province, v.regency, v.district, v.name, v.slug
LIMIT ?7"
query SELECT_HEADS src/store/village_detail.cpp village_heads "
SELECT h.name, h.since FROM village_head h JOIN village v ON v.id = h.village
WHERE v.uuid = ?1 ORDER BY h.since NULLS FIRST, h.id"
query SELECT_INDEX src/store/village_detail.cpp village_index "
SELECT i.year, i.kind, i.score, i.status FROM village_index i JOIN village v ON v.id = i.village
WHERE v.uuid = ?1 ORDER BY i.year, i.kind"
query UPSERT src/store/region.cpp k_upsert "
INSERT INTO region (code, level, parent, name) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent
WHERE name IS NOT excluded.name OR parent IS NOT excluded.parent"

# --- the baseline's SQL scripts -------------------------------------------------------------

csv() { printf '"%s/%s.csv"' "$WILAYAH" "$1"; }

cat >"$TMP/stage.sql" <<EOF
CREATE TEMP TABLE s_province (code TEXT, name TEXT);
CREATE TEMP TABLE s_regency (code TEXT, parent TEXT, name TEXT);
CREATE TEMP TABLE s_district (code TEXT, parent TEXT, name TEXT);
CREATE TEMP TABLE s_village (code TEXT, parent TEXT, name TEXT);
.import --csv --skip 1 $(csv provinces) s_province
.import --csv --skip 1 $(csv regencies) s_regency
.import --csv --skip 1 $(csv districts) s_district
.import --csv --skip 1 $(csv villages) s_village
EOF

{
    echo "CREATE TABLE region (code TEXT PRIMARY KEY, level TEXT NOT NULL CHECK (level IN ('province', 'regency', 'district', 'village')), parent TEXT, name TEXT NOT NULL) STRICT, WITHOUT ROWID;"
    cat "$TMP/stage.sql"
    cat <<EOF
BEGIN;
INSERT INTO region SELECT code, 'province', NULL, name FROM s_province;
INSERT INTO region SELECT code, 'regency', parent, name FROM s_regency;
INSERT INTO region SELECT code, 'district', parent, name FROM s_district;
INSERT INTO region SELECT code, 'village', parent, name FROM s_village;
COMMIT;
EOF
} >"$TMP/import.sql"

# The same upsert text as kades, its VALUES (?1..?4) replaced by a SELECT from the staging table
# (with "WHERE true" so that SQLite parses ON CONFLICT as the upsert clause).
upsert_from() {
    local select="SELECT code, '$2', $3, name FROM $1 WHERE true"
    local text=${UPSERT/VALUES (\?1, \?2, \?3, \?4)/$select}
    [[ $text != "$UPSERT" ]] || die "cannot turn kades' region upsert into INSERT ... SELECT"
    printf '%s;\n' "$text"
}
{
    cat "$TMP/stage.sql"
    echo "BEGIN;"
    upsert_from s_province province NULL
    upsert_from s_regency regency parent
    upsert_from s_district district parent
    upsert_from s_village village parent
    echo "COMMIT;"
} >"$TMP/reimport.sql"

cat >"$TMP/plain.sql" <<EOF
.import --csv $(csv provinces) provinces
.import --csv $(csv regencies) regencies
.import --csv $(csv districts) districts
.import --csv $(csv villages) villages
EOF

list_sql() { # DISTRICT-or-empty
    {
        [[ -n $1 ]] && echo ".param set ?1 '$1'"
        echo ".param set ?6 0"
        echo ".param set ?7 -1"
        printf '%s\n%s;\n' "$SELECT_VILLAGE" "$LIST_FILTER"
    }
}
list_sql "" >"$TMP/list.sql"
list_sql Cipari >"$TMP/list_district.sql"

# --- kades: region import --------------------------------------------------------------------

TIMER="bash timing loop (date +%s.%N)"
if ((USE_HYPERFINE)); then TIMER=$(hyperfine --version); fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "kades benchmark: $RUNS runs per task (median), $TIMER" >&2

F=$TMP/fresh.db
measure kades_import_fresh "$WARMUP" "$RUNS" "$(q rm -f "$F" "$F-wal" "$F-shm")" \
    "$KADES" --db "$F" region import
R=$TMP/regions.db
"$KADES" --db "$R" region import >/dev/null
measure kades_import_repeat "$WARMUP" "$RUNS" "" "$KADES" --db "$R" region import

# --- sqlite3: region import -------------------------------------------------------------------

B=$TMP/base.db
measure sqlite_import "$WARMUP" "$RUNS" "$(q rm -f "$B" "$B-journal")" "$SQLITE3" "$B" ".read $TMP/import.sql"
[[ $("$SQLITE3" "$B" "SELECT count(*) FROM region WHERE level = 'village'") == 83762 ]] ||
    die "the baseline import did not load 83762 villages"
measure sqlite_import_repeat "$WARMUP" "$RUNS" "" "$SQLITE3" "$B" ".read $TMP/reimport.sql"
P=$TMP/plain.db
measure sqlite_import_plain "$WARMUP" "$RUNS" "$(q rm -f "$P" "$P-journal")" "$SQLITE3" "$P" ".read $TMP/plain.sql"

# --- kades: every village into the network ----------------------------------------------------

PROVINCES=$(tail -n +2 "$WILAYAH/provinces.csv" | cut -d, -f1 | tr -d '\r')
cat >"$TMP/import_all.sh" <<'EOF'
#!/usr/bin/env bash
# import_all.sh KADES LOG CODE...: `village import --under CODE` for each province code.
set -euo pipefail
kades=$1 log=$2
shift 2
for code in "$@"; do "$kades" --db "$log" village import --under "$code"; done
EOF
N=$TMP/network.db
# shellcheck disable=SC2086 # one argument per province code
measure kades_village_import 0 "$VILLAGE_RUNS" "$(q sh -c "$(q rm -f "$N-wal" "$N-shm") && $(q cp "$R" "$N")")" \
    bash "$TMP/import_all.sh" "$KADES" "$N" $PROVINCES
rm -f "$N-wal" "$N-shm"
villages=$("$SQLITE3" "$N" "SELECT count(*) FROM village")
[[ $villages == 83762 ]] || die "the network holds $villages villages, not 83762"

# --- village list / show on the full network --------------------------------------------------

slug_uuid=$("$SQLITE3" "$N" "SELECT uuid FROM village WHERE slug = 'sidasari-cipari'")
code_uuid=$("$SQLITE3" "$N" "SELECT uuid FROM village WHERE code = '33.01.18.2011'")
[[ -n $slug_uuid && $slug_uuid == "$code_uuid" ]] || die "no village sidasari-cipari (33.01.18.2011) in the network"
{
    echo ".param set ?1 'sidasari-cipari'"
    printf '%s WHERE v.slug = ?1;\n' "$SELECT_VILLAGE"
    echo ".param set ?1 '$slug_uuid'"
    printf '%s;\n%s;\n' "$SELECT_HEADS" "$SELECT_INDEX"
} >"$TMP/show_slug.sql"
{
    echo ".param set ?1 '3301182011'"
    printf '%s WHERE v.slug = ?1;\n' "$SELECT_VILLAGE"
    echo ".param set ?1 '33.01.18.2011'"
    printf '%s WHERE v.code = ?1;\n' "$SELECT_VILLAGE"
    echo ".param set ?1 '$slug_uuid'"
    printf '%s;\n%s;\n' "$SELECT_HEADS" "$SELECT_INDEX"
} >"$TMP/show_code.sql"
# The baseline must print what kades finds: the district list has the 11 villages of Cipari.
[[ $("$SQLITE3" -csv "$N" ".read $TMP/list_district.sql" | wc -l) == 11 ]] ||
    die "the baseline query for --district Cipari does not find its 11 villages"
[[ $("$SQLITE3" -csv "$N" ".read $TMP/list.sql" | wc -l) == 83762 ]] ||
    die "the baseline list query does not give 83762 rows"

measure kades_list_csv "$WARMUP" "$RUNS" "" "$KADES" --db "$N" -f csv village list
measure sqlite_list_csv "$WARMUP" "$RUNS" "" "$SQLITE3" -csv "$N" ".read $TMP/list.sql"
measure kades_list_json "$WARMUP" "$RUNS" "" "$KADES" --db "$N" -f json village list
measure sqlite_list_json "$WARMUP" "$RUNS" "" "$SQLITE3" -json "$N" ".read $TMP/list.sql"
measure kades_list_table "$WARMUP" "$RUNS" "" "$KADES" --db "$N" village list
measure sqlite_list_table "$WARMUP" "$RUNS" "" "$SQLITE3" -column "$N" ".read $TMP/list.sql"
measure kades_list_district "$WARMUP" "$RUNS" "" "$KADES" --db "$N" village list --district Cipari
measure sqlite_list_district "$WARMUP" "$RUNS" "" "$SQLITE3" -column "$N" ".read $TMP/list_district.sql"
measure kades_show_slug "$WARMUP" "$RUNS" "" "$KADES" --db "$N" village show sidasari-cipari
measure sqlite_show_slug "$WARMUP" "$RUNS" "" "$SQLITE3" "$N" ".read $TMP/show_slug.sql"
measure kades_show_code "$WARMUP" "$RUNS" "" "$KADES" --db "$N" village show 3301182011
measure sqlite_show_code "$WARMUP" "$RUNS" "" "$SQLITE3" "$N" ".read $TMP/show_code.sql"

# --- peak memory -------------------------------------------------------------------------------

if [[ -x /usr/bin/time ]]; then
    rss kades_import_fresh "$(q rm -f "$F" "$F-wal" "$F-shm")" "$KADES" --db "$F" region import
    rss sqlite_import "$(q rm -f "$B" "$B-journal")" "$SQLITE3" "$B" ".read $TMP/import.sql"
    rss kades_import_repeat "" "$KADES" --db "$R" region import
    rss sqlite_import_repeat "" "$SQLITE3" "$B" ".read $TMP/reimport.sql"
    rss kades_list_table "" "$KADES" --db "$N" village list
    rss sqlite_list_table "" "$SQLITE3" -column "$N" ".read $TMP/list.sql"
    rss kades_list_csv "" "$KADES" --db "$N" -f csv village list
    rss sqlite_list_csv "" "$SQLITE3" -csv "$N" ".read $TMP/list.sql"
    rss kades_list_json "" "$KADES" --db "$N" -f json village list
    rss sqlite_list_json "" "$SQLITE3" -json "$N" ".read $TMP/list.sql"
fi

# --- report ------------------------------------------------------------------------------------

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

row() { # TASK KADES-KEY SQLITE-KEY [BASELINE-NOTE]
    local k=${MED[$2]:--} s=${MED[$3]:--} r=-
    if [[ $s != - ]]; then r=$(ratio "$k" "$s"); fi
    printf '| %-44s | %10s | %10s | %6s |\n' "$1" "$k" "$s" "$r"
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
fs=$(df -T "$TMP" 2>/dev/null | awk 'NR == 2 { print $2 }' || true)
summary() {
    echo "$("$KADES" --version 2>/dev/null | head -n 1) ($KADES) vs sqlite3 $("$SQLITE3" --version | cut -d' ' -f1)"
    echo "machine: ${cpu:-unknown CPU}, $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), temp files on ${fs:-?}"
    echo "median wall-clock time of $RUNS runs ($VILLAGE_RUNS for village import), $WARMUP warm-up, $TIMER"
    echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (figures on a busy machine are noisy)"
    echo
    printf '| %-44s | %10s | %10s | %6s |\n' "task" "kades ms" "sqlite3 ms" "ratio"
    printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..11}):" "$(printf -- '-%.0s' {1..11}):" "$(printf -- '-%.0s' {1..7}):"
    row "region import, new log (vs staged .import)" kades_import_fresh sqlite_import
    row "region import, new log (vs plain .import)" kades_import_fresh sqlite_import_plain
    row "region import, again on the same log" kades_import_repeat sqlite_import_repeat
    row "village import --under, 38 provinces" kades_village_import none
    row "village list -f csv (83,762 rows)" kades_list_csv sqlite_list_csv
    row "village list -f json" kades_list_json sqlite_list_json
    row "village list (table)" kades_list_table sqlite_list_table
    row "village list --district Cipari" kades_list_district sqlite_list_district
    row "village show sidasari-cipari" kades_show_slug sqlite_show_slug
    row "village show 3301182011" kades_show_code sqlite_show_code
    if ((${#RSS[@]})); then
        echo
        printf '| %-44s | %10s | %10s |\n' "peak RSS (KB)" "kades" "sqlite3"
        printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..11}):" "$(printf -- '-%.0s' {1..11}):"
        printf '| %-44s | %10s | %10s |\n' "region import, new log" "${RSS[kades_import_fresh]}" "${RSS[sqlite_import]}"
        printf '| %-44s | %10s | %10s |\n' "region import, again" "${RSS[kades_import_repeat]}" "${RSS[sqlite_import_repeat]}"
        printf '| %-44s | %10s | %10s |\n' "village list (table)" "${RSS[kades_list_table]}" "${RSS[sqlite_list_table]}"
        printf '| %-44s | %10s | %10s |\n' "village list -f csv" "${RSS[kades_list_csv]}" "${RSS[sqlite_list_csv]}"
        printf '| %-44s | %10s | %10s |\n' "village list -f json" "${RSS[kades_list_json]}" "${RSS[sqlite_list_json]}"
    else
        echo
        echo "(no /usr/bin/time: peak memory not measured; Debian: apt-get install time)"
    fi
    echo
    local r verdict
    r=$(ratio "${MED[kades_import_fresh]}" "${MED[sqlite_import]}")
    verdict=$(awk -v r="$r" -v l="$IMPORT_LIMIT" 'BEGIN { print (r <= l) ? "PASS" : "FAIL" }')
    if [[ -n ${CPU[kades_import_fresh]:-} ]]; then
        echo "region import CPU time (user + system, mean): kades ${CPU[kades_import_fresh]} ms, sqlite3 ${CPU[sqlite_import]} ms = $(ratio "${CPU[kades_import_fresh]}" "${CPU[sqlite_import]}")x"
    fi
    echo "region import: kades ${MED[kades_import_fresh]} ms / sqlite3 .import ${MED[sqlite_import]} ms = ${r}x (limit ${IMPORT_LIMIT}x): $verdict"
}
echo
summary | tee "$OUT/summary.md"
exit 0
