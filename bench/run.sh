#!/usr/bin/env bash
# Plotline beside matplotlib Agg on the rasterizer workloads, in one run on one machine.
#   bash bench/run.sh [RUNS]
# Needs: python3 with matplotlib, numpy, pillow (pip install matplotlib pillow).
# Prints a table; JSON results land in $BENCH_DIR (default /tmp/plotline-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-9}"
DIR="${BENCH_DIR:-/tmp/plotline-bench}"
mkdir -p "$DIR/out"
swift build -c release --product plotline-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)/plotline-bench"
echo "== $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
python3 bench/agg_raster.py "$DIR" --runs "$RUNS" --json "$DIR/agg.json"
PLOTLINE_FONTS="$PWD/Fonts" "$BIN" "$DIR" --runs "$RUNS" --json "$DIR/plotline.json" --out "$DIR/out"
python3 - "$DIR" <<'PY'
import json, sys
d = sys.argv[1]
a = json.load(open(d + "/agg.json")); p = json.load(open(d + "/plotline.json"))
names = {"line10k": "A1 polyline 10k seg, 1.5 px, round joins", "line1m": "A2 polyline 1M seg",
         "circles": "A3 100k circles 3 px, alpha 0.3", "rects": "A4 2,000 bars, fractional",
         "text": "A5 300 labels, DejaVu Sans 13.89 px", "png_encode": "B PNG encode of matplotlib's W2 chart"}
print("\n| workload | Agg median ms [min-max] | Plotline median ms [min-max] | Agg / Plotline |")
print("| --- | --- | --- | --- |")
for k, n in names.items():
    x, y = a[k], p[k]
    print(f"| {n} | {x['median']:.2f} [{x['min']:.2f}-{x['max']:.2f}] | {y['median']:.2f} [{y['min']:.2f}-{y['max']:.2f}] | {x['median'] / y['median']:.1f}x |")
print(f"\nPNG size: Pillow level 6 {a['png_encode']['bytes'] / 1000:.0f} KB, Plotline default {p['png_encode']['bytes'] / 1000:.0f} KB")
PY
