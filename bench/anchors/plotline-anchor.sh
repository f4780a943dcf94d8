#!/usr/bin/env bash
# The candidate command for ../shared/bench/run_anchors.sh: renders workload W1..W6 with
# `plotline render --spec`, drawing what the anchors draw (mpl_workloads.py, gnuplot/wN.gp);
# workloads with several figures (W1, W6) render them in one process.
#   plotline-anchor.sh W DATA_DIR OUT_DIR
# PLOTLINE_BIN names the binary (default: the static release build made by bench/anchors/run.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${PLOTLINE_BIN:-$here/../../.build-static/release/plotline}"
w="$1"; data="$2"; out="$3"
mkdir -p "$out"
# The specs with the data folder filled in, written once per data folder and kept (they depend
# on nothing else), so repeated timed runs measure plotline, not sed.
specs="$out/.specs-${data//[^A-Za-z0-9]/_}"
mkdir -p "$specs"
spec() {  # spec TEMPLATE OUTNAME [CI_NAME]: the filled-in spec's path
    local f="$specs/$2.plot.json"
    [ -s "$f" ] && [ "$f" -nt "$here/$1.plot.json" ] || \
        sed -e "s|@DATA@|$data|g" -e "s|@NAME@|${3:-}|g" "$here/$1.plot.json" > "$f"
    echo "$f"
}
case "$w" in
    W1) "$bin" render --spec "$(spec w1a w1_a)" --spec "$(spec w1b w1_b)" -o "$out" >/dev/null ;;
    W2) "$bin" render --spec "$(spec w2 w2)" -o "$out/w2.png" >/dev/null ;;
    W3) "$bin" render --spec "$(spec w3 w3)" -o "$out/w3.png" >/dev/null ;;
    W4) "$bin" render --spec "$(spec w4 w4)" -o "$out/w4.png" >/dev/null ;;
    W5) "$bin" render --spec "$(spec w5 w5)" -o "$out/w5.png" >/dev/null ;;
    W6) args=()
        for i in $(seq -w 0 19); do args+=(--spec "$(spec w6 "w6_$i" "test_$i")"); done
        "$bin" render "${args[@]}" -o "$out" >/dev/null ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
esac
