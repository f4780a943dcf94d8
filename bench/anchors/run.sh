#!/usr/bin/env bash
# Plotline beside gnuplot and python+matplotlib on the anchor workloads W1–W6, whole process,
# in the same hyperfine calls (../shared/bench/run_anchors.sh with Plotline as the candidate).
#   bash bench/anchors/run.sh            # ROUNDS=2 RUNS=7, 6–8 minutes
#   ROUNDS=1 RUNS=3 bash bench/anchors/run.sh
# Needs: gnuplot-nox and hyperfine (apt-get), python3 with numpy, matplotlib, pillow (pip).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
shared="${SHARED:-$root/../shared}"
# A statically linked release build, as the wheel builds it: the Swift runtime and the C libraries
# (tools/static-libraries) linked in, so start-up loads no shared object but glibc and libstdc++.
PKG_CONFIG_PATH=$(tools/static-libraries .build-static/static-pkgconfig) \
    swift build -c release --product plotline --static-swift-stdlib --scratch-path .build-static >/dev/null
export PLOTLINE_BIN="$root/.build-static/release/plotline"
export PLOTLINE_FONTS="$root/Fonts"
results="${BENCH_RESULTS:-/tmp/plotline-anchors}"
mkdir -p "$results"
CANDIDATE="$root/bench/anchors/plotline-anchor.sh {w} {data} {out}" \
BENCH_RESULTS="$results" REPORT=0 ROUNDS="${ROUNDS:-2}" RUNS="${RUNS:-7}" \
    bash "$shared/bench/run_anchors.sh"
echo "results in $results (run_log.txt, *.json)"
