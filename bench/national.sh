#!/usr/bin/env bash
# kades benchmark (tracker issue 7, "Reports"): the reports on a national log. The goals:
# `report monthly --under 33.01` (a kabupaten) under 30 ms and the national
# `report monthly -f json` under 300 ms, the whole command (process start, opening the log,
# the queries, the output). A benchmark, not a test: it exits 0 whatever the figures
# (non-zero only when it cannot run at all).
#
#   bench/national.sh                   builds a Release kades and the generator into
#                                       build-bench/ (-DKADES_BENCH=ON), then measures
#   KADES=path/to/kades GEN=path/to/kades_national_gen bench/national.sh   measures those
#   SCALE=0.05 bench/national.sh        a quick run on a twentieth of the records
#
# The log is made by bench/national_gen.cpp (kades_national_gen): all 83,762 villages, one
# forum per kecamatan meeting monthly for ten years (to END) with about 8 attendees,
# 1,000,000 actions, 200,000 visits, 840,000 lessons, 300,000 adoptions, 2,000 partners and
# 6,000 agreements at SCALE=1 (a few GB, some minutes to write); the same for a seed.
#
# Timed, with KADES_TODAY=2026-11-27 and KADES_LANG=en, output to /dev/null:
#   monthly-under         report monthly --month 2026-11 --under 33.01          goal < 30 ms
#   monthly-under-json    report monthly --month 2026-11 --under 33.01 -f json  goal < 30 ms
#   monthly-json          report monthly --month 2026-11 -f json (national)     goal < 300 ms
#   network-under-json    report network --under 33.01 --from 2026-01-01 --to 2026-11-30 -f json
#   village-json          report village sidasari-cipari -f json (all time)     for information
#
# Settings (environment):
#   SCALE=1        the generator's --scale       SEED=7      its --seed
#   END=2026-11    its --end (the month reported; today is its 27th)
#   RUNS=10        timed runs per command (median reported)   WARMUP=2  untimed runs first
#   BUILD=build-bench                 the build folder when KADES and GEN are not both given
#   OUT=bench/results                 where the exports and national.md go
#   KEEP=path      keep the generated log there (reused when it exists; not removed)
#   NO_HYPERFINE=1 use the bash timing loop even when hyperfine is installed
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCALE=${SCALE:-1}
SEED=${SEED:-7}
END=${END:-2026-11}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/results}
GOAL_UNDER_MS=30
GOAL_NATIONAL_MS=300

unset KADES_DB KADES_FORMAT
export KADES_LANG=en NO_COLOR=1 KADES_TODAY=${END}-27

die() { echo "bench: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

have jq || die "no jq (Debian: apt-get install jq)"
[[ $SCALE =~ ^(1|1\.0*|0?\.[0-9]+)$ ]] || die "SCALE must be a number in (0, 1], not '$SCALE'"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$RUNS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a number, not '$WARMUP'"
[[ $END =~ ^[0-9]{4}-[0-9]{2}$ ]] || die "END must be YYYY-MM, not '$END'"

if [[ -z ${KADES:-} || -z ${GEN:-} ]]; then
    echo "bench: building a Release kades and kades_national_gen in $BUILD ..." >&2
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKADES_TESTS=OFF \
        -DKADES_BENCH=ON >/dev/null || die "cmake configure failed"
    cmake --build "$BUILD" -j2 --target kades kades_national_gen >/dev/null ||
        die "the build failed"
    KADES=$BUILD/bin/kades
    GEN=$BUILD/bin/kades_national_gen
fi
[[ -x $KADES ]] || die "$KADES is not an executable kades"
[[ -x $GEN ]] || die "$GEN is not an executable kades_national_gen"
WILAYAH=$(dirname "$KADES")/../share/kades/wilayah
[[ -f $WILAYAH/villages.csv ]] || WILAYAH=$ROOT/data/wilayah
[[ -f $WILAYAH/villages.csv ]] || die "no villages.csv beside $KADES nor in $ROOT/data/wilayah"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kades-bench-national.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT"
: >"$OUT/national-hyperfine.log"
LOG=${KEEP:-$TMP/national.db}

if [[ ! -f $LOG ]]; then
    echo "bench: writing the national log (scale $SCALE, seed $SEED) to $LOG ..." >&2
    start=$(date +%s.%N)
    "$GEN" "$LOG" "$WILAYAH" --scale "$SCALE" --seed "$SEED" --end "$END" >"$TMP/gen.txt" ||
        die "the generator failed"
    GEN_S=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f s", b - a }')
    cat "$TMP/gen.txt" >&2
else
    GEN_S="(reused)"
    echo "bench: reusing $LOG" >&2
fi
SIZE_MB=$(du -m "$LOG" | cut -f1)

# Sidasari (33.01.18.2011): the slug the log gave it.
SIDASARI=$("$KADES" --db "$LOG" -f json village show 33.01.18.2011 | jq -r .id)
[[ -n $SIDASARI ]] || die "no village 33.01.18.2011 in $LOG"

USE_HYPERFINE=0
if [[ -z ${NO_HYPERFINE:-} ]] && have hyperfine && hyperfine -N --runs 1 true >/dev/null 2>&1; then
    USE_HYPERFINE=1
    TIMER="$(hyperfine --version)"
else
    TIMER="bash loop over date +%s.%N"
fi

declare -A MED CPU RSS
q() { printf '%q ' "$@"; }

# measure KEY CMD [ARG...]: CMD (stdout to /dev/null) RUNS times after WARMUP untimed runs;
# MED[KEY] = median ms, CPU[KEY] = mean user + system ms (hyperfine only), RSS[KEY] = peak KB.
measure() {
    local key=$1
    shift
    if ((USE_HYPERFINE)); then
        hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style none \
            --export-json "$OUT/national_$key.json" "$(q "$@")" \
            >>"$OUT/national-hyperfine.log" 2>&1 || die "hyperfine failed on: $*"
        MED[$key]=$(jq -r '.results[0].median * 1000 | . * 10 | round / 10' "$OUT/national_$key.json")
        CPU[$key]=$(jq -r '(.results[0].user + .results[0].system) * 1000 | . * 10 | round / 10' \
            "$OUT/national_$key.json")
    else
        local i t0 t1 times=()
        for ((i = 0; i < WARMUP + RUNS; i++)); do
            t0=$(date +%s.%N)
            "$@" >/dev/null 2>>"$OUT/national-hyperfine.log" || die "failed: $*"
            t1=$(date +%s.%N)
            ((i >= WARMUP)) && times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
        done
        MED[$key]=$(printf '%s\n' "${times[@]}" | sort -g |
            awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }')
        CPU[$key]="-"
    fi
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null
        RSS[$key]=$(tail -n 1 "$TMP/rss")
    else
        RSS[$key]="-"
    fi
    printf 'bench: %-20s %8s ms  cpu %8s ms  rss %8s KB\n' "$key" "${MED[$key]}" "${CPU[$key]}" \
        "${RSS[$key]}" >&2
}

MONTH=$END
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
K=("$KADES" --db "$LOG")
measure monthly-under "${K[@]}" report monthly --month "$MONTH" --under 33.01
measure monthly-under-json "${K[@]}" -f json report monthly --month "$MONTH" --under 33.01
measure monthly-json "${K[@]}" -f json report monthly --month "$MONTH"
measure network-under-json "${K[@]}" -f json report network --under 33.01 \
    --from "${END%-*}-01-01" --to "$END-30"
measure village-json "${K[@]}" -f json report village "$SIDASARI"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

verdict() { # verdict MS GOAL
    awk -v a="$1" -v g="$2" 'BEGIN { print (a + 0 < g) ? "PASS" : "FAIL" }'
}
V_UNDER=$(verdict "${MED[monthly-under]}" $GOAL_UNDER_MS)
V_UNDER_JSON=$(verdict "${MED[monthly-under-json]}" $GOAL_UNDER_MS)
V_NATIONAL=$(verdict "${MED[monthly-json]}" $GOAL_NATIONAL_MS)

row() { # row KEY COMMAND GOAL VERDICT
    printf '| `%s` | %s ms | %s ms | %s KB | %s | %s |\n' "$2" "${MED[$1]}" "${CPU[$1]}" \
        "${RSS[$1]}" "$3" "$4"
}
{
    echo "# reports on a national log"
    echo
    echo "scale $SCALE, seed $SEED, last month $END (KADES_TODAY=$KADES_TODAY); log ${SIZE_MB} MB,"
    echo "written in $GEN_S. $TIMER, median of $RUNS runs after $WARMUP warm-up runs."
    echo "$(uname -srm); $(nproc) CPUs; load before $LOAD_BEFORE, after $LOAD_AFTER"
    echo
    if [[ -f $TMP/gen.txt ]]; then
        echo '```'
        cat "$TMP/gen.txt"
        echo '```'
        echo
    fi
    echo "| command | median | CPU (user + sys, mean) | peak RSS | goal | verdict |"
    echo "|---|---:|---:|---:|---|---|"
    row monthly-under "report monthly --month $MONTH --under 33.01" "< $GOAL_UNDER_MS ms" "$V_UNDER"
    row monthly-under-json "report monthly --month $MONTH --under 33.01 -f json" \
        "< $GOAL_UNDER_MS ms" "$V_UNDER_JSON"
    row monthly-json "report monthly --month $MONTH -f json" "< $GOAL_NATIONAL_MS ms" "$V_NATIONAL"
    row network-under-json "report network --under 33.01 --from ${END%-*}-01-01 --to $END-30 -f json" \
        "-" "(information)"
    row village-json "report village $SIDASARI -f json" "-" "(information)"
} >"$OUT/national.md"
cat "$OUT/national.md"
echo >&2
echo "bench: kabupaten (33.01) monthly report: ${MED[monthly-under]} ms table, ${MED[monthly-under-json]} ms json (goal < $GOAL_UNDER_MS ms): $V_UNDER / $V_UNDER_JSON" >&2
echo "bench: national monthly report -f json: ${MED[monthly-json]} ms (goal < $GOAL_NATIONAL_MS ms): $V_NATIONAL" >&2
exit 0
