#!/usr/bin/env bash
# Live latency of `plotline watch` on workload W1 (append -> both PNGs on disk), release build,
# at the default debounce (150 ms) and a short one (50 ms).
#   bash bench/latency/run.sh [EPOCHS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$root/../shared/bench"
data="${BENCH_DATA:-/tmp/plotline-latency-data}"
[ -s "$data/metrics.csv" ] || python3 "$shared/gen_data.py" "$data" >/dev/null
(cd "$root" && swift build -c release --product plotline >/dev/null)
bin="$root/.build/release/plotline"
for debounce in 150 50; do
    python3 "$root/bench/latency/live_latency.py" "$bin" "$data/metrics.csv" --epochs "${1:-60}" --debounce "$debounce"
done
