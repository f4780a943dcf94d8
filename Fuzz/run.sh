#!/usr/bin/env bash
# Builds and runs one libFuzzer target for a while: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#
#   TARGET   csv | json | figure-spec | report-spec | incremental | tensorboard | npy | mlflow | png-encode |
#            command-line | all (each in turn)
#   SECONDS  how long to fuzz (CI: 10; locally as long as you like, hours are fine); 0 only builds
#            and links the target (CI builds them early, in the background, while tests run)
#
# The parsers are built by SwiftPM into .build/fuzz-release with coverage for libFuzzer and
# AddressSanitizer (-sanitize=fuzzer,address), then each Fuzz/Targets/TARGET.swift is linked
# against them with swiftc (libFuzzer supplies main). The corpus grows in
# .build/fuzz-release/corpus/TARGET, seeded from Fuzz/Corpus/TARGET; a crash leaves its input in
# .build/fuzz-release/crashes/ and the script exits 1. tensorboard frames most inputs as TFRecords
# with correct CRCs (Fuzz/Support/FuzzTFRecord.swift) so the Event decoder is reached; npy reads
# numpy arrays through TableReader; mlflow reads MLflow metric files' lines; csv and incremental
# also fuzz the dialect options (Fuzz/Support/FuzzDialect.swift). Turn each crash into a regression test
# (Tests/FigureSpecTests/FuzzRegressionTests.swift) and, when small, a seed in Fuzz/Corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]}
seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]}
shift 2
targets=(csv json figure-spec report-spec incremental tensorboard npy mlflow png-encode command-line)
if [ "$target" = all ]; then
    for t in "${targets[@]}"; do "$0" "$t" "$seconds" "$@"; done
    exit 0
fi
[ -f "Fuzz/Targets/$target.swift" ] || { echo "unknown target $target (one of: ${targets[*]}, all)" >&2; exit 64; }

# PLOTLINE_FUZZ_CONFIG=debug builds faster and fuzzes slower (CI's few seconds); release is the default.
config=${PLOTLINE_FUZZ_CONFIG:-release}
scratch=.build/fuzz-$config
# (No `| head` in these pipelines: with pipefail its early exit would fail the script.)
triple=$(swiftc -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p')
triple=${triple%%$'\n'*}
out=$scratch/$triple/$config
mkdir -p "$scratch"
# The modules under test, instrumented; SwiftPM skips what is up to date. The list below names
# every module Report and CommandSyntax depend on (Package.swift): a module missing from it fails the link.
for module in Report CommandSyntax; do
    swift build --scratch-path "$scratch" -c "$config" --sanitize=address \
        -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --target "$module" >"$scratch/build.log" 2>&1 \
        || { tail -n 30 "$scratch/build.log" >&2; exit 1; }
done
binary=$scratch/fuzz-$target
objects=()
for module in ContentHash Platform Geometry Raster Text Scene Dates Chart CCRC32C RunLogs JSON CommandSyntax Table FigureSpec PNG CPNGShim Vector Service Report; do
    objects+=("$out/$module.build"/*.o)
done
stale=0
[ -x "$binary" ] || stale=1
for input in Fuzz/Targets/"$target".swift Fuzz/Support/*.swift "${objects[@]}"; do
    [ "$input" -nt "$binary" ] && stale=1
done
if [ "$stale" -eq 1 ]; then
    # shellcheck disable=SC2046
    swiftc "$([ "$config" = release ] && echo -O || echo -Onone)" -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_${target//-/_}" \
        -I "$out/Modules" -I Sources/CFreeType -I Sources/CPNG -I Sources/CPNGShim/include -I Sources/CZlib -I Sources/CDeflate \
        -I Sources/CCRC32C/include \
        -Xcc -fmodule-map-file="$out/CPNGShim.build/module.modulemap" \
        -Xcc -fmodule-map-file="$out/CCRC32C.build/module.modulemap" \
        $(pkg-config --cflags freetype2 libpng libdeflate | sed 's/-I/-Xcc -I/g') \
        Fuzz/Targets/"$target".swift Fuzz/Support/*.swift "${objects[@]}" \
        $(pkg-config --libs freetype2 libpng libdeflate) -lz -lpthread -o "$binary" 2>"$scratch/link-$target.log" \
        || { grep -v "Cannot export local symbol" "$scratch/link-$target.log" >&2; exit 1; }
fi
if [ "$seconds" = 0 ]; then
    echo "fuzz $target: built $binary"
    exit 0
fi
corpus=$scratch/corpus/$target
mkdir -p "$corpus" "$scratch/crashes"
[ -d "Fuzz/Corpus/$target" ] && cp -n Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
# Leaks are not crashes here: caches (fonts, glyphs) live for the process.
ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-} "$binary" "$corpus" -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$scratch/crashes/$target-" -print_final_stats=1 "$@" \
    2>"$scratch/$target.log" || { tail -n 40 "$scratch/$target.log" >&2; exit 1; }
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$target.log")
echo "fuzz $target: ${runs:-?} runs in ${seconds} s, no crash"
