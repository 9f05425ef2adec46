#!/usr/bin/env bash
# kades benchmark (tracker issue 5): `lesson search` on a log of 100,000 lessons. The goal is
# under 50 ms a search, the whole command (process start, opening the log, the search, the
# table). A benchmark, not a test: it exits 0 whatever the figures (non-zero only when it
# cannot run at all).
#
#   bench/lessons.sh                     builds a Release kades and the generator into
#                                        build-bench/ (-DKADES_BENCH=ON), then measures
#   KADES=path/to/kades GEN=path/to/kades_lesson_gen bench/lessons.sh   measures those
#
# The log is made by bench/lesson_gen.cpp (kades_lesson_gen): Kabupaten Cilacap's 284
# villages and COUNT lessons with Indonesian vocabulary (24 programs such as bank sampah,
# irigasi tetes, pertanian organik, posyandu, wisata desa, pelatihan; context, outcome,
# lesson and recommendation built from phrase pools), written through store::add_lesson in
# one transaction so that the triggers build the FTS5 index with the kades_id tokenizer.
# The text is the same for a seed on every run.
#
# Settings (environment):
#   COUNT=100000  lessons in the log        RUNS=20    timed runs per query (median reported)
#   WARMUP=3      untimed runs before them  SEED=5     the generator's seed
#   BUILD=build-bench                       the build folder when KADES is not given
#   OUT=bench/results                       where hyperfine's exports and lessons.md go
#   KEEP=path     keep the generated log there (reused when it exists)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${COUNT:-100000}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
SEED=${SEED:-5}
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/results}
GOAL_MS=50

unset KADES_DB KADES_FORMAT
export KADES_LANG=en NO_COLOR=1

die() { echo "bench: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive number, not '$COUNT'"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$RUNS'"
have hyperfine || die "no hyperfine (Debian: apt-get install hyperfine)"

if [[ -z ${KADES:-} || -z ${GEN:-} ]]; then
    echo "bench: building a Release kades and kades_lesson_gen in $BUILD ..." >&2
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKADES_TESTS=OFF \
        -DKADES_BENCH=ON >/dev/null || die "cmake configure failed"
    cmake --build "$BUILD" -j2 --target kades kades_lesson_gen >/dev/null || die "the build failed"
    KADES=$BUILD/bin/kades
    GEN=$BUILD/bin/kades_lesson_gen
fi
[[ -x $KADES ]] || die "$KADES is not an executable kades"
[[ -x $GEN ]] || die "$GEN is not an executable kades_lesson_gen"
WILAYAH=$(dirname "$KADES")/../share/kades/wilayah
[[ -f $WILAYAH/villages.csv ]] || die "no $WILAYAH/villages.csv beside $KADES"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kades-bench-lessons.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
LOG=${KEEP:-$TMP/lessons.db}

if [[ ! -f $LOG ]]; then
    echo "bench: writing $COUNT lessons to $LOG ..." >&2
    start=$(date +%s.%N)
    "$GEN" "$LOG" "$WILAYAH" "$COUNT" "$SEED" >&2 || die "the generator failed"
    GEN_S=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
else
    GEN_S="(reused)"
fi
LESSONS=$("$KADES" --db "$LOG" lesson list --limit 1000000 -f csv | tail -n +2 | wc -l)
SIZE_MB=$(du -m "$LOG" | cut -f1)

# name|query: what a person searching the forum's lessons would type.
QUERIES=(
    "word|tani"
    "stem|pelatihan"
    "phrase|\"bank sampah\""
    "prefix|latih*"
    "prefix-surface|pelatih*"
    "not|sampah NOT bank"
    "or|posyandu OR stunting"
    "field|title:wisata"
    "rare|tengkulak"
)

{
    echo "# lesson search on $LESSONS lessons"
    echo
    echo "$(hyperfine --version), median of $RUNS runs after $WARMUP warm-up runs;"
    echo "log ${SIZE_MB} MB, written in ${GEN_S} s; goal: under $GOAL_MS ms."
    echo "$(uname -srm); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "The times are wall-clock medians of the whole command; CPU is its user + system time"
    echo "(mean), the better figure on a busy machine."
    echo
    echo "| search | query | matches | table (20 best) | json (20 best) | CPU (table) | verdict |"
    echo "|---|---|---:|---:|---:|---:|---|"
} >"$OUT/lessons.md"

median_ms() { # the median of a hyperfine JSON export, in ms
    jq -r '.results[0].median * 1000 | . * 10 | round / 10' "$1"
}
cpu_ms() { # the mean user + system time of a hyperfine JSON export, in ms
    jq -r '(.results[0].user + .results[0].system) * 1000 | . * 10 | round / 10' "$1"
}

for entry in "${QUERIES[@]}"; do
    name=${entry%%|*}
    query=${entry#*|}
    matches=$("$KADES" --db "$LOG" lesson search "$query" --limit 1000000 -f csv |
        tail -n +2 | grep -c '^[0-9a-f]\{8\},' || true)
    for format in table json; do
        hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style none \
            --export-json "$TMP/$name-$format.json" \
            "$(printf '%q ' "$KADES" --db "$LOG" -f "$format" lesson search "$query")" \
            >/dev/null 2>>"$TMP/hyperfine.log" || die "hyperfine failed on: $query"
        cp "$TMP/$name-$format.json" "$OUT/lesson_search_$name-$format.json"
    done
    table=$(median_ms "$TMP/$name-table.json")
    json=$(median_ms "$TMP/$name-json.json")
    cpu=$(cpu_ms "$TMP/$name-table.json")
    verdict=$(awk -v a="$table" -v b="$json" -v g="$GOAL_MS" \
        'BEGIN { print (a < g && b < g) ? "PASS" : "FAIL" }')
    printf '| %s | `%s` | %s | %s ms | %s ms | %s ms | %s |\n' "$name" "$query" "$matches" \
        "$table" "$json" "$cpu" "$verdict" >>"$OUT/lessons.md"
    printf 'bench: %-15s %-24s %6s matches  %6s ms  %6s ms  cpu %6s ms  %s\n' "$name" "$query" \
        "$matches" "$table" "$json" "$cpu" "$verdict" >&2
done

echo >>"$OUT/lessons.md"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/lessons.md"
cat "$OUT/lessons.md"
