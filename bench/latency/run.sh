#!/usr/bin/env bash
# Live latency of `plotline watch` on workload W1, release build:
#  1. isolated appends (one row every 0.4 s; append -> both PNGs on disk) at the default
#     --debounce 0 (the first change renders at once) and at --debounce 150;
#  2. a continuous stream (a row every 5 ms for 10 s): refreshes per second per figure and
#     append -> PNG latency, on its own and with a second process keeping one core busy.
#   bash bench/latency/run.sh [EPOCHS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$root/../shared/bench"
data="${BENCH_DATA:-/tmp/plotline-latency-data}"
[ -s "$data/metrics.csv" ] || python3 "$shared/gen_data.py" "$data" >/dev/null
(cd "$root" && swift build -c release --product plotline >/dev/null)
bin="$root/.build/release/plotline"
for debounce in 0 150; do
    python3 "$root/bench/latency/live_latency.py" "$bin" "$data/metrics.csv" --epochs "${1:-60}" --debounce "$debounce"
done
python3 "$root/bench/latency/live_cadence.py" "$bin"
python3 "$root/bench/latency/live_cadence.py" "$bin" --busy
