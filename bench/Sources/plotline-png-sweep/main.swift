// plotline-png-sweep: times PNG.encode over every compressor × level × row filter (× zlib
// strategy) on one image, to choose PNG.Options.default and PNG.Options.small by measurement.
//
//   swift build -c release --product plotline-png-sweep
//   .build/release/plotline-png-sweep /tmp/pngdata/chart_w2.png [--runs 7] [--max-bytes 203000]
//       [--compressor libdeflate|zlib|both] [--filters none,up,paeth] [--levels 1-12]
//
// zlib runs levels up to 9 with every strategy; libdeflate runs up to 12 (strategy default).
//
//   .build/release/plotline-png-sweep --sizes A.png B.png ...
//
// instead re-encodes each file's pixels with libdeflate level 1 (the default before the run
// deflater), the run deflater (`.runs`), PNG.Options.default and PNG.Options.small (libdeflate 9)
// and prints the sizes beside the file's own (matplotlib's savefig output), with the median
// encode ms of 15 runs; every encoding is decoded again and must give the file's pixels.
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
    var compressor: PNG.Compressor
    var level: Int
    var filter: PNG.Filter
    var strategy: PNG.Strategy
    var median: Double
    var min: Double
    var bytes: Int
}

struct Arguments {
    var path: String
    var runs: Int, maxBytes: Int
    var levels: ClosedRange<Int>
    var compressors: [PNG.Compressor]
    var filters: [PNG.Filter]
}

func parseArguments() -> Arguments {
    var args = CommandLine.arguments.dropFirst()
    var path: String?
    var runs = 7, maxBytes = 203_000
    var levels = 1...12
    var compressors = PNG.Compressor.allCases
    var filters: [PNG.Filter] = [.none, .sub, .up, .average, .paeth, .all]
    func fail(_ message: String) -> Never { print(message); exit(2) }
    while let a = args.popFirst() {
        switch a {
        case "--compressor":
            let v = args.popFirst() ?? ""
            if v == "both" { compressors = PNG.Compressor.allCases }
            else if let c = PNG.Compressor(rawValue: v) { compressors = [c] }
            else { fail("--compressor takes libdeflate, zlib or both, not \"\(v)\"") }
        case "--filters":
            filters = (args.popFirst() ?? "").split(separator: ",").map { name in
                guard let f = PNG.Filter(rawValue: String(name)) else { fail("unknown filter \"\(name)\"") }
                return f
            }
        case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
        case "--max-bytes": maxBytes = Int(args.popFirst() ?? "") ?? maxBytes
        case "--levels":
            let parts = (args.popFirst() ?? "").split(separator: "-").compactMap { Int($0) }
            if let lo = parts.first, let hi = parts.last, lo <= hi { levels = lo...hi }
        default: path = a
        }
    }
    guard let path else {
        fail("usage: plotline-png-sweep IMAGE.png [--runs N] [--max-bytes B] [--levels LO-HI] "
             + "[--compressor libdeflate|zlib|both] [--filters none,up,...]")
    }
    return Arguments(path: path, runs: runs, maxBytes: maxBytes, levels: levels, compressors: compressors, filters: filters)
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

if CommandLine.arguments.dropFirst().first == "--sizes" {
    let settings: [(String, PNG.Options)] = [
        ("libdeflate 1/none", PNG.Options(compressionLevel: 1, filter: .none, compressor: .libdeflate)),
        ("runs", PNG.Options(compressionLevel: 1, filter: .none, compressor: .runs)),
        ("default", .default), ("small", .small),
    ]
    print("| file | file bytes | " + settings.map { "\($0.0) bytes (ms)" }.joined(separator: " | ") + " |")
    print("| --- | --- | " + settings.map { _ in "---" }.joined(separator: " | ") + " |")
    var totals = [Int](repeating: 0, count: settings.count + 1)
    for path in CommandLine.arguments.dropFirst(2) {
        let pixmap = try PNG.read(path: path)
        let own = try PNG.readFile(path).count
        var cells: [String] = []
        totals[0] += own
        for (i, setting) in settings.enumerated() {
            let m = try measure(pixmap, setting.1, runs: 15)
            let back = try PNG.decode(PNG.encode(pixmap, options: setting.1))
            precondition(back == pixmap, "\(path): \(setting.0) does not decode to the same pixels")
            totals[i + 1] += m.bytes
            cells.append("\(m.bytes) (\(fmt(m.median)))")
        }
        print("| \(path.split(separator: "/").last ?? "") | \(own) | " + cells.joined(separator: " | ") + " |")
    }
    print("| total | \(totals[0]) | " + totals.dropFirst().map { "\($0) (\(fmt(Double($0) / Double(totals[0])))× file)" }.joined(separator: " | ") + " |")
    exit(0)
}

let arguments = parseArguments()
let (path, runs, maxBytes) = (arguments.path, arguments.runs, arguments.maxBytes)
let pixmap = try PNG.read(path: path)
print("image \(path): \(pixmap.width)×\(pixmap.height), opaque \(pixmap.isOpaque), \(runs) runs each")
var rows: [Row] = []
let opaqueTime = ContinuousClock().measure { for _ in 0..<10 { precondition(pixmap.isOpaque) } }
print("Pixmap.isOpaque: \(fmt(milliseconds(opaqueTime) / 10)) ms")
print("\n| compressor | level | filter | strategy | median ms | min ms | bytes |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for compressor in arguments.compressors {
    let levels = arguments.levels.clamped(to: compressor.levels)
    let strategies: [PNG.Strategy] = compressor == .zlib ? PNG.Strategy.allCases : [.default]
    for level in levels {
        for filter in arguments.filters {
            for strategy in strategies {
                let options = PNG.Options(compressionLevel: level, filter: filter, strategy: strategy, compressor: compressor)
                let m = try measure(pixmap, options, runs: runs)
                rows.append(Row(compressor: compressor, level: level, filter: filter, strategy: strategy,
                                median: m.median, min: m.min, bytes: m.bytes))
                print("| \(compressor) | \(level) | \(filter) | \(strategy) | \(fmt(m.median)) | \(fmt(m.min)) | \(m.bytes) |")
            }
        }
    }
}

func fmt(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return String(r)
}

func describe(_ r: Row) -> String {
    "\(r.compressor) level \(r.level), filter \(r.filter), strategy \(r.strategy): \(fmt(r.median)) ms [min \(fmt(r.min))], \(r.bytes) bytes"
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
