#!/usr/bin/env bash
# kades benchmark (sharing): `kades import` of a 100,000-record export into a new log, the
# same import again (idempotent), and the exports of 100 copies (a kabupaten's forums)
# merged into one log. The goal: at least 50,000 records a second for the first import, the
# whole command (process start, reading and checking the file, the merge, the projection
# onto the log's tables and the lesson index, the commit). A benchmark, not a test: it exits
# 0 whatever the figures (non-zero only when it cannot run at all).
#
#   bench/sync.sh                       builds a Release kades and the generator into
#                                       build-bench/ (-DKADES_BENCH=ON), then measures
#   KADES=path/to/kades GEN=path/to/kades_sync_gen bench/sync.sh     measures those
#
# The logs come from bench/sync_gen.cpp (kades_sync_gen): the villages of Jawa Tengah (33,
# 8,563 of them) with heads, tags and IDM scores, a forum per kecamatan with its members, and
# meetings with attendees, decisions and actions, lessons with topics, adoptions, visits,
# partners and agreements up to RECORDS records in the export's "count"; and COPIES small logs,
# each a new log (a replica of its own) with the villages of one kecamatan of Kabupaten
# Cilacap (33.01: 24 kecamatan, so each is in four or five copies, under other UUIDs) and
# COPY_RECORDS records.
#
# Measured (wall clock, the whole command; CPU user + system, peak RSS from /usr/bin/time):
#   import, new log     `kades import` of the export into a log that has only run
#                       `kades db init` (a new one for each run): median of RUNS, records/s
#   import, again       the same file into that log again: median of RUNS; each run must
#                       report nothing changed (-f json: "changed" {}), and `kades export` of
#                       the log afterwards must be the imported file byte for byte (cmp)
#   merge of copies     the COPIES exports imported one after the other into one new log
#                       (total), then all of them again (total; each must change nothing);
#                       the merged log must hold one village per Kemendagri code of the exports,
#                       and every lesson of every copy
#
# Settings (environment):
#   RECORDS=100000   records of the big export      RUNS=3       timed runs (median reported)
#   COPIES=100       copies merged                  COPY_RECORDS=150   records of each copy
#   UNDER=33         the big log's region           COPIES_UNDER=33.01 the copies' kabupaten
#   SEED=11          the generator's seed           JOBS=2       build jobs
#   BUILD=build-bench                               the build folder when KADES is not given
#   OUT=bench/results                               where sync.md goes
#   KEEP=path        keep the big generated log there (reused when it exists; not removed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RECORDS=${RECORDS:-100000}
RUNS=${RUNS:-3}
COPIES=${COPIES:-100}
COPY_RECORDS=${COPY_RECORDS:-150}
UNDER=${UNDER:-33}
COPIES_UNDER=${COPIES_UNDER:-33.01}
SEED=${SEED:-11}
JOBS=${JOBS:-2}
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/results}
GOAL_RATE=50000
SQLITE3=${SQLITE3:-sqlite3}

unset KADES_DB KADES_FORMAT
export KADES_LANG=en NO_COLOR=1

die() { echo "bench: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "bench: $*" >&2; }

for n in RECORDS RUNS COPIES COPY_RECORDS SEED; do
    [[ ${!n} =~ ^[1-9][0-9]*$ ]] || die "$n must be a positive number, not '${!n}'"
done
have jq || die "no jq (Debian: apt-get install jq)"
have cmp || die "no cmp (Debian: apt-get install diffutils)"

if [[ -z ${KADES:-} || -z ${GEN:-} ]]; then
    say "building a Release kades and kades_sync_gen in $BUILD ..."
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKADES_TESTS=OFF \
        -DKADES_BENCH=ON >/dev/null || die "cmake configure failed"
    cmake --build "$BUILD" -j"$JOBS" --target kades kades_sync_gen >/dev/null ||
        die "the build failed"
    KADES=$BUILD/bin/kades
    GEN=$BUILD/bin/kades_sync_gen
fi
[[ -x $KADES ]] || die "$KADES is not an executable kades"
[[ -x $GEN ]] || die "$GEN is not an executable kades_sync_gen"
WILAYAH=$(dirname "$KADES")/../share/kades/wilayah
[[ -f $WILAYAH/villages.csv ]] || WILAYAH=$ROOT/data/wilayah
[[ -f $WILAYAH/villages.csv ]] || die "no villages.csv beside $KADES nor in $ROOT/data/wilayah"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kades-bench-sync.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT"
ERRORS=$OUT/sync-errors.log
: >"$ERRORS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
HAVE_TIME=0
[[ -x /usr/bin/time ]] && HAVE_TIME=1

now() { date +%s.%N; }
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
median() { # of the numbers given, one decimal
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'
}
max_of() { printf '%s\n' "$@" | sort -g | tail -n 1; }
count_of() { # the "count" an export ends with
    tail -c 200 "$1" | grep -o '"count":[0-9]*' | tail -n 1 | cut -d: -f2
}
changed_of() { # the total of "changed" in an import's -f json output
    jq '[.changed[]] | add // 0' "$1"
}

# timed OUTFILE CMD [ARG...]: runs CMD once, stdout to OUTFILE; sets WALL (ms), CPU (ms of user
# + system, "-" without /usr/bin/time) and RSS (peak KB, "-" without it).
timed() {
    local outfile=$1 t0 t1
    shift
    if ((HAVE_TIME)); then
        t0=$(now)
        /usr/bin/time -f '%U %S %M' -o "$TMP/time" "$@" >"$outfile" 2>>"$ERRORS" ||
            die "failed: $* (see $ERRORS)"
        t1=$(now)
        CPU=$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$TMP/time")
        RSS=$(awk '{ print $3 }' "$TMP/time")
    else
        t0=$(now)
        "$@" >"$outfile" 2>>"$ERRORS" || die "failed: $* (see $ERRORS)"
        t1=$(now)
        CPU="-"
        RSS="-"
    fi
    WALL=$(ms_between "$t0" "$t1")
}

# ---------------------------------------------------------------------------------------
# 1. The big log and its export.

BIG=${KEEP:-$TMP/big.db}
if [[ ! -f $BIG ]]; then
    say "writing $RECORDS records under $UNDER to $BIG ..."
    t0=$(now)
    "$GEN" "$BIG" "$WILAYAH" --under "$UNDER" --records "$RECORDS" --seed "$SEED" \
        >"$TMP/gen.txt" || die "the generator failed"
    GEN_S=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }')
    cat "$TMP/gen.txt" >&2
else
    GEN_S="(reused)"
    say "reusing $BIG"
fi
EXPORT=$TMP/big.json
timed "$EXPORT" "$KADES" --db "$BIG" export
EXPORT_MS=$WALL EXPORT_RSS=$RSS
COUNT=$(count_of "$EXPORT")
[[ -n $COUNT ]] || die "no count at the end of $EXPORT"
EXPORT_MB=$(awk -v b="$(stat -c %s "$EXPORT")" 'BEGIN { printf "%.1f", b / 1048576 }')
KINDS=$(jq -r '[.records[].kind] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$EXPORT")
say "export: $COUNT records, $EXPORT_MB MB, $EXPORT_MS ms"

# ---------------------------------------------------------------------------------------
# 2. Import into a new log, RUNS times; then again into the last one, RUNS times.

NEW=$TMP/new.db
walls=() cpus=() rsss=()
for ((i = 1; i <= RUNS; i++)); do
    rm -f "$NEW" "$NEW-wal" "$NEW-shm"
    "$KADES" --db "$NEW" -q db init 2>>"$ERRORS" || die "db init failed (see $ERRORS)"
    timed "$TMP/import-$i.json" "$KADES" --db "$NEW" -f json import "$EXPORT"
    walls+=("$WALL") cpus+=("$CPU") rsss+=("$RSS")
    say "import, new log, run $i: $WALL ms (cpu $CPU ms, rss $RSS KB)"
done
IMPORT_MS=$(median "${walls[@]}")
IMPORT_CPU=$([[ $CPU == - ]] && echo - || median "${cpus[@]}")
IMPORT_RSS=$([[ $RSS == - ]] && echo - || max_of "${rsss[@]}")
IMPORT_RATE=$(awk -v n="$COUNT" -v ms="$IMPORT_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
IMPORT_READ=$(jq .records "$TMP/import-$RUNS.json")
IMPORT_CHANGED=$(changed_of "$TMP/import-$RUNS.json")
IMPORT_CONFLICTS=$(jq .conflicts "$TMP/import-$RUNS.json")
NEW_MB=$(du -m "$NEW" | cut -f1)

walls=() cpus=() rsss=()
AGAIN_CHANGED=0
for ((i = 1; i <= RUNS; i++)); do
    timed "$TMP/again-$i.json" "$KADES" --db "$NEW" -f json import "$EXPORT"
    walls+=("$WALL") cpus+=("$CPU") rsss+=("$RSS")
    c=$(jq -c .changed "$TMP/again-$i.json")
    [[ $c == "{}" ]] || AGAIN_CHANGED=$((AGAIN_CHANGED + 1))
    say "import, again, run $i: $WALL ms (cpu $CPU ms, rss $RSS KB), changed $c"
done
AGAIN_MS=$(median "${walls[@]}")
AGAIN_CPU=$([[ $CPU == - ]] && echo - || median "${cpus[@]}")
AGAIN_RSS=$([[ $RSS == - ]] && echo - || max_of "${rsss[@]}")
AGAIN_RATE=$(awk -v n="$COUNT" -v ms="$AGAIN_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
"$KADES" --db "$NEW" -q -f json import "$EXPORT" >/dev/null 2>>"$ERRORS" || true
"$KADES" --db "$NEW" import "$EXPORT" >"$TMP/again-table.txt" 2>>"$ERRORS" || true
AGAIN_SAYS=$(head -n 1 "$TMP/again-table.txt")

"$KADES" --db "$NEW" export >"$TMP/reexport.json" 2>>"$ERRORS" || die "export of the new log failed"
if cmp -s "$EXPORT" "$TMP/reexport.json"; then
    SAME="identical"
else
    SAME="DIFFERENT ($(cmp "$EXPORT" "$TMP/reexport.json" 2>&1 | head -n 1 | sed 's/^.*: //'))"
    diff <(tr ',' '\n' <"$EXPORT") <(tr ',' '\n' <"$TMP/reexport.json") | head -n 20 >"$OUT/sync-export.diff" || true
fi
say "export after the imports: $SAME"

# The baseline: the same rows (the change table, the slug claims and every shared table of the
# imported log, parents first) copied by the sqlite3 shell into a new log with kades' schema,
# indexes and pragmas, in one transaction, with the log's triggers paused as a merge pauses
# them. It is what writing the import's result costs SQLite itself, without reading the file
# or deciding anything (nor indexing the lessons: see below): this machine's speed swings by a third from minute to minute, and the
# ratio to this baseline swings much less than the wall clock.
BASE_MS=- BASE_RATIO=-
if have "$SQLITE3"; then
    ORDER=$(grep -o '^{"kind":"[a-z_]*"' "$EXPORT" | cut -d'"' -f4 | uniq)
    {
        echo "PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;"
        echo "ATTACH '$NEW' AS src;"
        echo "BEGIN IMMEDIATE;"
        echo "UPDATE main.sync_replica SET applying = 1;"
        echo "INSERT INTO main.sync_change SELECT * FROM src.sync_change;"
        echo "INSERT INTO main.sync_slug_claim SELECT * FROM src.sync_slug_claim;"
        for k in $ORDER; do echo "INSERT INTO main.$k SELECT * FROM src.$k;"; done
        echo "UPDATE main.sync_replica SET applying = 0;"
        echo "COMMIT;"
    } >"$TMP/baseline.sql"
    base_walls=()
    for ((i = 1; i <= RUNS; i++)); do
        rm -f "$TMP/base.db" "$TMP/base.db-wal" "$TMP/base.db-shm"
        "$KADES" --db "$TMP/base.db" -q db init 2>>"$ERRORS" || die "db init failed (see $ERRORS)"
        # The shell has not kades' Indonesian tokenizer: the lesson index is left out.
        "$SQLITE3" "$TMP/base.db" "DROP TRIGGER lesson_fts_insert; DROP TRIGGER lesson_fts_update;
            DROP TRIGGER lesson_fts_delete; DROP TRIGGER lesson_fts_topic_insert;
            DROP TRIGGER lesson_fts_topic_delete;" 2>>"$ERRORS" || die "the baseline's setup failed"
        timed "$TMP/base.out" "$SQLITE3" "$TMP/base.db" ".read $TMP/baseline.sql"
        base_walls+=("$WALL")
        say "baseline, run $i: $WALL ms"
    done
    BASE_MS=$(median "${base_walls[@]}")
    BASE_RATIO=$(awk -v a="$IMPORT_MS" -v b="$BASE_MS" 'BEGIN { printf "%.2f", a / b }')
fi

# ---------------------------------------------------------------------------------------
# 3. COPIES copies, exported and merged into one log, twice.

COPYDIR=$TMP/copies
say "writing $COPIES copies of $COPY_RECORDS records (kecamatan of $COPIES_UNDER) ..."
t0=$(now)
"$GEN" --copies "$COPIES" "$COPYDIR" "$WILAYAH" --under "$COPIES_UNDER" \
    --records "$COPY_RECORDS" --seed "$SEED" >"$TMP/copies.txt" || die "the generator failed (copies)"
COPIES_GEN_S=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }')
cat "$TMP/copies.txt" >&2

t0=$(now)
for ((i = 1; i <= COPIES; i++)); do
    n=$(printf '%03d' "$i")
    "$KADES" --db "$COPYDIR/copy-$n.db" export >"$COPYDIR/copy-$n.json" 2>>"$ERRORS" ||
        die "export of copy $n failed (see $ERRORS)"
done
COPIES_EXPORT_MS=$(ms_between "$t0" "$(now)")
COPY_FILES=("$COPYDIR"/copy-*.json)
COPIES_COUNT=0
for f in "${COPY_FILES[@]}"; do COPIES_COUNT=$((COPIES_COUNT + $(count_of "$f"))); done
CODES=$(jq -r '.records[] | select(.kind == "village") | .fields.code.value' "${COPY_FILES[@]}" |
    sort -u | wc -l)
VILLAGE_RECORDS=$(jq -r '.records[] | select(.kind == "village") | .id' "${COPY_FILES[@]}" | wc -l)
COPY_LESSONS=$(jq -r '.records[] | select(.kind == "lesson") | .id' "${COPY_FILES[@]}" | sort -u | wc -l)

MERGED=$TMP/merged.db
"$KADES" --db "$MERGED" -q db init 2>>"$ERRORS" || die "db init failed (see $ERRORS)"
# merge_round ROUND: imports every copy's export, one process each; ROUND_MS is the total of
# their wall-clock times (the checks between them not counted), ROUND_MEDIAN the median of one
# import, ROUND_CHANGED the records changed, ROUND_FILES the files that changed any.
merge_round() {
    local round=$1 f c walls=()
    ROUND_CHANGED=0 ROUND_FILES=0 ROUND_CPU=0 ROUND_RSS=0
    for f in "${COPY_FILES[@]}"; do
        timed "$TMP/merge.json" "$KADES" --db "$MERGED" -f json import "$f"
        walls+=("$WALL")
        c=$(changed_of "$TMP/merge.json")
        ROUND_CHANGED=$((ROUND_CHANGED + c))
        ((c == 0)) || ROUND_FILES=$((ROUND_FILES + 1))
        if [[ $CPU != - ]]; then
            ROUND_CPU=$((ROUND_CPU + CPU))
            ((RSS > ROUND_RSS)) && ROUND_RSS=$RSS
        fi
    done
    ROUND_MS=$(printf '%s\n' "${walls[@]}" | awk '{ t += $1 } END { printf "%.1f", t }')
    ROUND_MEDIAN=$(median "${walls[@]}")
    say "merge, round $round: $ROUND_MS ms for ${#COPY_FILES[@]} imports (median $ROUND_MEDIAN ms), $ROUND_CHANGED records changed (in $ROUND_FILES files)"
}
merge_round 1
MERGE_MS=$ROUND_MS MERGE_MEDIAN=$ROUND_MEDIAN
MERGE_CPU=$ROUND_CPU MERGE_RSS=$ROUND_RSS
merge_round 2
REMERGE_MS=$ROUND_MS REMERGE_MEDIAN=$ROUND_MEDIAN REMERGE_CHANGED=$ROUND_CHANGED
REMERGE_FILES=$ROUND_FILES
REMERGE_CPU=$ROUND_CPU REMERGE_RSS=$ROUND_RSS
((HAVE_TIME)) || MERGE_CPU=- MERGE_RSS=- REMERGE_CPU=- REMERGE_RSS=-
MERGED_VILLAGES=$("$KADES" --db "$MERGED" village list --limit 1000000 -f csv 2>>"$ERRORS" | tail -n +2 | wc -l)
MERGED_CODES=$("$KADES" --db "$MERGED" village list --limit 1000000 -f json 2>>"$ERRORS" |
    jq -r '.[].code' | sort -u | wc -l)
MERGED_LESSONS=$("$KADES" --db "$MERGED" lesson list --limit 1000000 -f csv 2>>"$ERRORS" | tail -n +2 | wc -l)
MERGED_FORUMS=$("$KADES" --db "$MERGED" forum list -f csv 2>>"$ERRORS" | tail -n +2 | wc -l)

# ---------------------------------------------------------------------------------------
# The summary.

verdict() { [[ $1 == 1 ]] && echo PASS || echo FAIL; }
RATE_OK=$(awk -v r="$IMPORT_RATE" -v g="$GOAL_RATE" 'BEGIN { print (r >= g) ? 1 : 0 }')
IDEMPOTENT_OK=$([[ $AGAIN_CHANGED == 0 && $SAME == identical ]] && echo 1 || echo 0)
MERGE_OK=$([[ $REMERGE_CHANGED == 0 && $MERGED_VILLAGES == "$CODES" && $MERGED_LESSONS == "$COPY_LESSONS" ]] &&
    echo 1 || echo 0)

{
    echo "# kades import and merge"
    echo
    echo "$(date -u +%Y-%m-%d), $("$KADES" --version 2>/dev/null | head -n 1)"
    echo "$(uname -srm); $(nproc) CPUs; load before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    echo "Wall clock of the whole command: the median of $RUNS runs (CPU = user + system, median;"
    echo "peak RSS the largest of the runs, from /usr/bin/time); for the merges the total of the"
    echo "$COPIES imports (one process each; CPU the total, peak RSS the largest)."
    echo
    echo "Export: $COUNT records (\"count\"; goal ~$RECORDS), $EXPORT_MB MB, written in $EXPORT_MS ms"
    echo "(peak RSS $EXPORT_RSS KB); the log written by kades_sync_gen in $GEN_S."
    echo "Records by kind: $KINDS."
    echo
    echo "| task | wall | CPU | peak RSS | records/s |"
    echo "|---|---:|---:|---:|---:|"
    echo "| import, new log ($COUNT records) | $IMPORT_MS ms | $IMPORT_CPU ms | $IMPORT_RSS KB | $IMPORT_RATE |"
    echo "| import, again (nothing new) | $AGAIN_MS ms | $AGAIN_CPU ms | $AGAIN_RSS KB | $AGAIN_RATE |"
    echo "| merge $COPIES copies' exports into a new log ($COPIES_COUNT records) | $MERGE_MS ms (median $MERGE_MEDIAN ms an import) | $MERGE_CPU ms | $MERGE_RSS KB | $(awk -v n="$COPIES_COUNT" -v ms="$MERGE_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }') |"
    echo "| merge them again (nothing new) | $REMERGE_MS ms (median $REMERGE_MEDIAN ms an import) | $REMERGE_CPU ms | $REMERGE_RSS KB | $(awk -v n="$COPIES_COUNT" -v ms="$REMERGE_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }') |"
    echo
    echo "Baseline: the same rows copied into a new log by the sqlite3 shell (its triggers paused, the"
    echo "lesson index left out, one transaction): $BASE_MS ms (median of $RUNS); the import takes"
    echo "$BASE_RATIO times as long."
    echo "At this machine's speed, 50,000 records/s is $(awk -v b="$BASE_MS" -v n="$COUNT" 'BEGIN { if (b == "-") print "-"; else printf "%.2f", (n / 50000 * 1000) / b }') times the baseline."
    echo "Import into a new log: $IMPORT_READ records read, $IMPORT_CHANGED changed, $IMPORT_CONFLICTS conflicts; the log ${NEW_MB} MB."
    echo "Import again: runs reporting a change: $AGAIN_CHANGED of $RUNS; kades says: \"$AGAIN_SAYS\"."
    echo "Export of the log after the imports vs the imported file (cmp): $SAME."
    echo "Copies: $COPIES logs (kecamatan of $COPIES_UNDER), $COPIES_COUNT records, written in $COPIES_GEN_S, exported in $COPIES_EXPORT_MS ms (${COPIES} processes)."
    echo "Merged log: $MERGED_VILLAGES villages ($MERGED_CODES distinct codes) for $CODES distinct codes in $VILLAGE_RECORDS village records;"
    echo "$MERGED_LESSONS lessons for $COPY_LESSONS in the exports; $MERGED_FORUMS forums; second round: $REMERGE_CHANGED records changed in $REMERGE_FILES files."
    echo
    echo "import, new log: $IMPORT_RATE records/s (goal >= $GOAL_RATE): $(verdict "$RATE_OK")"
    echo "import again changes nothing and the export round-trips byte for byte: $(verdict "$IDEMPOTENT_OK")"
    echo "merge of $COPIES copies: one village per code, every lesson, idempotent: $(verdict "$MERGE_OK")"
} >"$OUT/sync.md"
if [[ -s $ERRORS ]]; then
    say "messages of the commands are in $ERRORS"
else
    rm -f "$ERRORS"
fi
cat "$OUT/sync.md"
