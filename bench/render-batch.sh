#!/usr/bin/env bash
# `plotline render` of several figures in one process (W1: 2 specs, W6: 20 specs of
# ../shared/bench), timed whole-process for two binaries in alternation (no hyperfine needed):
#   bash bench/render-batch.sh BEFORE_BIN AFTER_BIN [RUNS]      # default 21 runs each
# Prints the median and the [min–max] of each workload and binary, in ms. Needs python3 + numpy
# for ../shared/bench/gen_data.py (the data, once, in $BENCH_DATA, default /tmp/benchdata).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
before=$1; after=$2; runs=${3:-21}
data="${BENCH_DATA:-/tmp/benchdata}"
[ -f "$data/ci/test_19.csv" ] || python3 "$root/../shared/bench/gen_data.py" "$data"
export PLOTLINE_FONTS="$root/Fonts"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The anchor specs (bench/anchors) with the data folder filled in, written beside the data: a spec
# reads only inside its own folder.
fill() {  # fill TEMPLATE NAME [CI_NAME]
    sed -e "s|@DATA@|$data|g" -e "s|@NAME@|${3:-}|g" "$root/bench/anchors/$1.plot.json" > "$data/$2.plot.json"
}
fill w1a bench_w1_a; fill w1b bench_w1_b
w6=()
for i in 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19; do
    fill w6 "bench_w6_$i" "test_$i"; w6+=(--spec "$data/bench_w6_$i.plot.json")
done
time_ms() {  # time_ms BIN W: one whole process, in µs
    local start end args
    if [ "$2" = W1 ]; then args=(--spec "$data/bench_w1_a.plot.json" --spec "$data/bench_w1_b.plot.json"); else args=("${w6[@]}"); fi
    mkdir -p "$out/$2"
    start=$(date +%s%N)
    "$1" render "${args[@]}" -o "$out/$2" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
}
for w in W1 W6; do
    for bin in "$before" "$after"; do time_ms "$bin" "$w" >/dev/null; done  # warm-up, specs filled in
    : > "$out/before.$w"; : > "$out/after.$w"
    for _ in $(seq "$runs"); do
        time_ms "$before" "$w" >> "$out/before.$w"
        time_ms "$after" "$w" >> "$out/after.$w"
    done
    for which in before after; do
        sort -n "$out/$which.$w" | awk -v w="$w" -v which="$which" '{ v[NR] = $1 } END {
            printf "%s %-6s median %.1f ms [%.1f–%.1f], %d runs\n", w, which, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000, NR }'
    done
done
