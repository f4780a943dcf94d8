// plotline-png-sweep: times PNG.encode over every zlib level × row filter × strategy on one
// image, to choose PNG.Options.default by measurement.
//
//   swift build -c release --product plotline-png-sweep
//   .build/release/plotline-png-sweep /tmp/pngdata/chart_w2.png [--runs 7] [--max-bytes 203000]
//
// The image is matplotlib's W2 chart (2×2 panels, 12 lines, legends, grid; written by
// bench/agg_raster.py). Each combination is encoded once to warm up, then `runs` times; the
// table gives the median and minimum ms and the output size. The pick is the fastest
// combination within --max-bytes; combinations within 5% of its time are listed so a smaller
// one can be preferred at similar speed.
import PNG
import Raster

#if canImport(Glibc)
import Glibc
#endif

struct Row {
    var level: Int
    var filter: PNG.Filter
    var strategy: PNG.Strategy
    var median: Double
    var min: Double
    var bytes: Int
}

func parseArguments() -> (path: String, runs: Int, maxBytes: Int, levels: ClosedRange<Int>) {
    var args = CommandLine.arguments.dropFirst()
    var path: String?
    var runs = 7, maxBytes = 203_000
    var levels = 1...9
    while let a = args.popFirst() {
        switch a {
        case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
        case "--max-bytes": maxBytes = Int(args.popFirst() ?? "") ?? maxBytes
        case "--levels":
            let parts = (args.popFirst() ?? "").split(separator: "-").compactMap { Int($0) }
            if let lo = parts.first, let hi = parts.last, lo <= hi { levels = lo...hi }
        default: path = a
        }
    }
    guard let path else {
        print("usage: plotline-png-sweep IMAGE.png [--runs N] [--max-bytes B] [--levels LO-HI]")
        exit(2)
    }
    return (path, runs, maxBytes, levels)
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

func measure(_ pixmap: Pixmap, _ options: PNG.Options, runs: Int) throws -> (median: Double, min: Double, bytes: Int) {
    let clock = ContinuousClock()
    let bytes = try PNG.encode(pixmap, options: options).count
    var times: [Double] = []
    for _ in 0..<runs {
        var out: [UInt8] = []
        let d = try clock.measure { out = try PNG.encode(pixmap, options: options) }
        precondition(out.count == bytes, "encoding is not deterministic")
        times.append(milliseconds(d))
    }
    times.sort()
    return (times[times.count / 2], times[0], bytes)
}

let (path, runs, maxBytes, levels) = parseArguments()
let pixmap = try PNG.read(path: path)
print("image \(path): \(pixmap.width)×\(pixmap.height), opaque \(pixmap.isOpaque), \(runs) runs each")
let filters: [PNG.Filter] = [.none, .sub, .up, .average, .paeth, .all]
var rows: [Row] = []
let opaqueTime = ContinuousClock().measure { for _ in 0..<10 { precondition(pixmap.isOpaque) } }
print("Pixmap.isOpaque: \(fmt(milliseconds(opaqueTime) / 10)) ms")
print("\n| level | filter | strategy | median ms | min ms | bytes |")
print("| --- | --- | --- | --- | --- | --- |")
for level in levels {
    for filter in filters {
        for strategy in PNG.Strategy.allCases {
            let options = PNG.Options(compressionLevel: level, filter: filter, strategy: strategy)
            let m = try measure(pixmap, options, runs: runs)
            rows.append(Row(level: level, filter: filter, strategy: strategy, median: m.median, min: m.min, bytes: m.bytes))
            print("| \(level) | \(filter) | \(strategy) | \(fmt(m.median)) | \(fmt(m.min)) | \(m.bytes) |")
        }
    }
}

func fmt(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return String(r)
}

func describe(_ r: Row) -> String {
    "level \(r.level), filter \(r.filter), strategy \(r.strategy): \(fmt(r.median)) ms [min \(fmt(r.min))], \(r.bytes) bytes"
}

let fitting = rows.filter { $0.bytes <= maxBytes }.sorted { $0.median < $1.median }
print("\nfastest 10 within \(maxBytes) bytes:")
for r in fitting.prefix(10) { print("  " + describe(r)) }
if let best = fitting.first {
    let similar = fitting.filter { $0.median <= best.median * 1.05 }.sorted { $0.bytes < $1.bytes }
    print("\npick (smallest within 5% of the fastest): " + describe(similar[0]))
}
print("\nsmallest 5 overall:")
for r in rows.sorted(by: { $0.bytes < $1.bytes }).prefix(5) { print("  " + describe(r)) }
