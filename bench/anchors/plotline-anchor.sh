#!/bin/sh
# The candidate command for ../shared/bench/run_anchors.sh: renders workload W1..W6 with
# `plotline render --spec`, drawing what the anchors draw (mpl_workloads.py, gnuplot/wN.gp);
# workloads with several figures (W1, W6) render them in one process.
#   plotline-anchor.sh W DATA_DIR OUT_DIR
# PLOTLINE_BIN names the binary (default: the static release build made by bench/anchors/run.sh).
#
# POSIX sh (dash) without forks but the final exec (and sed once per data folder): the wrapper is timed with the
# figure, and bash with a subshell per spec cost about 10 ms of W1's 45 (dash: about 1 ms).
# The specs live in OUT_DIR/.specs and read DATA_DIR, outside their folder: --allow-read DATA_DIR.
set -eu
here=${0%/*}
bin=${PLOTLINE_BIN:-$here/../../.build-static/release/plotline}
w=$1; data=$2; out=$3
[ -d "$out" ] || mkdir -p "$out"
# The specs with the data folder filled in, written once and kept while the data folder stays
# the same (recorded in .specs/data, read with the shell's own `read`), so repeated timed runs
# measure plotline, not sed.
specs="$out/.specs"
old=
[ -f "$specs/data" ] && IFS= read -r old < "$specs/data"
if [ "$old" != "$data" ]; then
    rm -rf "$specs"; mkdir -p "$specs"; printf '%s\n' "$data" > "$specs/data"
fi
spec() {  # spec TEMPLATE OUTNAME [CI_NAME]: sets $file to the filled-in spec's path
    file="$specs/$2.plot.json"
    if [ ! -s "$file" ] || [ "$here/$1.plot.json" -nt "$file" ]; then
        sed -e "s|@DATA@|$data|g" -e "s|@NAME@|${3:-}|g" "$here/$1.plot.json" > "$file"
    fi
}
case "$w" in
    W1) spec w1a w1_a; a=$file; spec w1b w1_b
        exec "$bin" render --allow-read "$data" --spec "$a" --spec "$file" -o "$out" >/dev/null ;;
    W2|W3|W4|W5)
        case "$w" in W2) name=w2 ;; W3) name=w3 ;; W4) name=w4 ;; *) name=w5 ;; esac
        spec "$name" "$name"
        exec "$bin" render --allow-read "$data" --spec "$file" -o "$out/$name.png" >/dev/null ;;
    W6) set --
        for i in 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19; do
            spec w6 "w6_$i" "test_$i"; set -- "$@" --spec "$file"
        done
        exec "$bin" render --allow-read "$data" "$@" -o "$out" >/dev/null ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
esac
