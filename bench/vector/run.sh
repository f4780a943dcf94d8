#!/usr/bin/env bash
# Plotline's SVG and PDF beside matplotlib's savefig(format="svg"/"pdf") on W1–W6, in one run.
#   bash bench/vector/run.sh [RUNS]
# Needs python3 with numpy and matplotlib (PYTHON=/path/to/venv/bin/python to pick one). Data
# comes from ../shared/bench/gen_data.py (made once in $BENCH_DATA, default /tmp/benchdata).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-7}"
PY="${PYTHON:-python3}"
DATA="${BENCH_DATA:-/tmp/benchdata}"
DIR="${BENCH_DIR:-/tmp/plotline-vector-bench}"
mkdir -p "$DIR"
[ -f "$DATA/huge.csv" ] || "$PY" ../shared/bench/gen_data.py "$DATA" >/dev/null
swift build -c release --product plotline-vector-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)/plotline-vector-bench"
echo "== $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), matplotlib $("$PY" -c 'import matplotlib; print(matplotlib.__version__)')"
"$PY" bench/vector/mpl_vector.py "$DATA" "$DIR/mpl" "$RUNS" > "$DIR/mpl.json"
PLOTLINE_FONTS="$PWD/Fonts" "$BIN" "$DATA" "$DIR/plotline" "$RUNS" > "$DIR/plotline.json"
"$PY" - "$DIR" <<'PY'
import json, sys
d = sys.argv[1]
m = {(r["workload"], r["format"]): r for r in json.load(open(d + "/mpl.json"))}
p = {(r["workload"], r["format"]): r for r in json.load(open(d + "/plotline.json"))}
print("\n| workload | format | matplotlib ms | Plotline ms | speed-up | matplotlib KB | Plotline KB | size ratio |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for w in ["W1", "W2", "W3", "W4", "W5", "W6"]:
    for f in ["svg", "pdf", "png"]:
        a, b = m[(w, f)], p[(w, f)]
        print(f"| {w} | {f} | {a['median_ms']:.1f} | {b['median_ms']:.1f} | {a['median_ms'] / b['median_ms']:.1f}x "
              f"| {a['bytes'] / 1000:.1f} | {b['bytes'] / 1000:.1f} | {b['bytes'] / a['bytes']:.2f} |")
PY
