#!/usr/bin/env bash
# `plotline report merge` at CI scale: a 10^4-figure report (200-point line figures, 640x400)
# rendered as 8 shards (two at a time, as two CI runners on this machine would), then merged.
#   bash bench/report/merge.sh          # FIGURES=10000 SHARDS=8 RUNS=5
# Prints each shard's wall time, the slowest shard, and hyperfine's table for the merge
# (each merge into a fresh folder). Needs hyperfine (apt-get).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
figures="${FIGURES:-10000}" shards="${SHARDS:-8}" runs="${RUNS:-5}"
work="${RESULTS:-/tmp/plotline-merge-bench}"
command -v hyperfine >/dev/null || { echo "missing hyperfine: apt-get install -y hyperfine" >&2; exit 2; }
swift build -c release --product plotline >/dev/null
bin="$root/.build/release/plotline"
export PLOTLINE_FONTS="$root/Fonts"
rm -rf "$work"; mkdir -p "$work/data"
python3 - "$work" "$figures" <<'PY'
import json, math, os, sys
work, n = sys.argv[1], int(sys.argv[2])
for k in range(50):
    with open(f"{work}/data/t{k:02d}.csv", "w") as f:
        f.write("step,value\n")
        for i in range(200):
            f.write(f"{i},{math.sin(i / (7 + k)) + 0.01 * ((i * 7919 + k) % 97)}\n")
figs = [{"name": f"fig {i:05d}", "data": f"data/t{i % 50:02d}.csv",
         "options": {"x": "step", "y": "value", "size": "640x400", "title": f"test {i}"}} for i in range(n)]
json.dump({"version": 1, "title": "merge bench", "sections": [{"title": "All", "figures": figs}]},
          open(f"{work}/report.json", "w"))
PY
start_all=$(date +%s.%N)
slowest=0
for ((k = 1; k <= shards; k += 2)); do
  pids=()
  for j in $k $((k + 1)); do
    [ "$j" -le "$shards" ] || continue
    ( s=$(date +%s.%N); "$bin" report "$work/report.json" -o "$work/shard-$j" --shard "$j/$shards" --quiet
      echo "shard $j/$shards: $(echo "$(date +%s.%N) - $s" | bc) s" > "$work/shard-$j.time" ) &
    pids+=($!)
  done
  wait "${pids[@]}"
done
cat "$work"/shard-*.time
slowest=$(cat "$work"/shard-*.time | awk '{print $3}' | sort -g | tail -1)
echo "slowest shard: $slowest s; all shards (two at a time): $(echo "$(date +%s.%N) - $start_all" | bc) s"
du -sh "$work"/shard-1 | sed 's/^/shard 1 size: /'
shard_dirs=$(for ((j = 1; j <= shards; j++)); do printf '%s ' "$work/shard-$j"; done)
hyperfine -N --style basic --runs "$runs" --prepare "rm -rf $work/merged" \
  -n "report merge ($figures figures, $shards shards)" "$bin report merge $work/merged $shard_dirs" \
  -n "report merge --verify" "$bin report merge $work/merged $shard_dirs --verify"
