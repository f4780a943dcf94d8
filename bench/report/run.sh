#!/usr/bin/env bash
# `plotline report` timed against gnuplot and python+matplotlib on workload W6 of ../shared/bench
# (20 line figures × 500 points, 1200×800, in ONE process each), in the same hyperfine call,
# and a 500-figure report of the shared datasets on its own.
#   bash bench/report/run.sh             # RUNS=10
# Needs: gnuplot-nox and hyperfine (apt-get), python3 with numpy and matplotlib (pip).
# Writes the hyperfine tables to $RESULTS (default /tmp/plotline-report-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
shared="${SHARED:-$root/../shared}"
data="${BENCH_DATA:-/tmp/benchdata}"
results="${RESULTS:-/tmp/plotline-report-bench}"
runs="${RUNS:-10}"
py="$(python3 -c 'import sys; print(sys.executable)')"   # not a pyenv shim (+50 ms a start)
for tool in gnuplot hyperfine; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine gnuplot-nox" >&2; exit 2; }
done
swift build -c release --product plotline >/dev/null
bin="$root/.build/release/plotline"
export PLOTLINE_FONTS="$root/Fonts"
mkdir -p "$results"/{gnuplot,mpl,w6,r500}
[ -f "$data/ci/test_19.csv" ] || "$py" "$shared/bench/gen_data.py" "$data"
"$py" "$root/bench/report/make_reports.py" "$data" "$shared/data" "$results"

echo "== $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
echo "== W6 as one run each"
hyperfine -N --style basic --warmup 1 --runs "$runs" --export-json "$results/w6.json.hf" \
  -n gnuplot "gnuplot -c $shared/bench/gnuplot/w6.gp $data $results/gnuplot" \
  -n python-mpl "$py $shared/bench/mpl_cli.py W6 $data $results/mpl" \
  -n "plotline report" "$bin report $results/w6.json -o $results/w6 --quiet"
echo "== 500 figures"
hyperfine -N --style basic --warmup 1 --runs "$(( runs < 5 ? runs : 5 ))" --export-json "$results/r500.json.hf" \
  -n "plotline report (500 figures)" "$bin report $results/r500.json -o $results/r500 --quiet"
"$bin" report "$results/r500.json" -o "$results/r500" --quiet && echo "r500: all figures rendered"
python3 -c "import json; t=json.load(open('$results/r500/timings.json')); print('r500 sum of per-figure ms:', t['totalMs'])"
"$py" - "$results" <<'PY'
import json, statistics, sys
res = sys.argv[1]
print("| command | median [ms] | min [ms] | max [ms] | runs |")
print("| --- | ---: | ---: | ---: | ---: |")
for f in ("w6.json.hf", "r500.json.hf"):
    for r in json.load(open(f"{res}/{f}"))["results"]:
        t = [x * 1000 for x in r["times"]]
        print(f"| {r['command']} | {statistics.median(t):.0f} | {min(t):.0f} | {max(t):.0f} | {len(t)} |")
PY
