// plotline-vector-bench: SVG, PDF (and PNG, for reference) of the anchor workloads W1–W6, timed
// in one process beside matplotlib's savefig of the same figures (bench/vector/run.sh).
//
//   swift build -c release --product plotline-vector-bench
//   .build/release/plotline-vector-bench DATA_DIR OUT_DIR [runs] > plotline.json
//
// The figures are bench/anchors' specs (what matplotlib's mpl_workloads.py draws). Tables are
// read once, outside the timing, as mpl_vector.py loads its arrays once. Timed per workload and
// format, median of `runs` after one warm-up: spec → Figure → Scene → encoded bytes → atomic
// file, for every figure of the workload (W1 two, W6 twenty), and the encode + write part of it
// alone. Bytes: the files' total size.
import Chart
import FigureSpec
import Foundation
import PNG
import Raster
import Scene
import Table
import Text
import Vector

struct Workload {
    var name: String
    /// (template in bench/anchors, output stem, @NAME@ value)
    var figures: [(template: String, stem: String, name: String)]
}

let workloads: [Workload] = [
    Workload(name: "W1", figures: [("w1a", "w1_a", ""), ("w1b", "w1_b", "")]),
    Workload(name: "W2", figures: [("w2", "w2", "")]),
    Workload(name: "W3", figures: [("w3", "w3", "")]),
    Workload(name: "W4", figures: [("w4", "w4", "")]),
    Workload(name: "W5", figures: [("w5", "w5", "")]),
    Workload(name: "W6", figures: (0..<20).map { i in
        let n = i < 10 ? "0\(i)" : "\(i)"
        return ("w6", "w6_\(n)", "test_\(n)")
    }),
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2 else { fail("usage: plotline-vector-bench DATA_DIR OUT_DIR [runs]") }
let dataDir = args[0], outDir = args[1]
let runs = args.count > 2 ? Int(args[2]) ?? 7 : 7
let anchors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../anchors").standardized.path
try? FileManager.default.createDirectory(atPath: outDir + "/specs", withIntermediateDirectories: true)

let fonts: FontLibrary
do { fonts = try FontLibrary() } catch { fail("fonts: \(error)") }
let renderer = FigureRenderer(fonts: fonts)
let player = ScenePlayer(fonts: fonts)

var results: [String] = []
for w in workloads {
    // The specs with the data folder filled in, and their tables, prepared untimed.
    var prepared: [(spec: FigureSpec, tables: [String: DataTable], stem: String)] = []
    for f in w.figures {
        let template: String
        do { template = try String(contentsOfFile: anchors + "/" + f.template + ".plot.json", encoding: .utf8) } catch {
            fail("cannot read \(anchors)/\(f.template).plot.json: \(error)")
        }
        let path = outDir + "/specs/" + f.stem + ".plot.json"
        let text = template.replacingOccurrences(of: "@DATA@", with: dataDir).replacingOccurrences(of: "@NAME@", with: f.name)
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch { fail("cannot write \(path): \(error)") }
        do {
            let spec = try FigureSpec.load(path: path)
            prepared.append((spec, try spec.readTables(), f.stem))
        } catch { fail("\(path): \(error)") }
    }
    for format in OutputFormat.allCases {
        var times: [Double] = [], encodeTimes: [Double] = []
        var bytes = 0
        for run in 0...runs {
            let start = DispatchTime.now().uptimeNanoseconds
            var total = 0
            var encodeNanos: UInt64 = 0
            for p in prepared {
                do {
                    let figure = try p.spec.figure(tables: p.tables)
                    let scene = renderer.scene(for: figure)
                    let encodeStart = DispatchTime.now().uptimeNanoseconds
                    defer { encodeNanos += DispatchTime.now().uptimeNanoseconds - encodeStart }
                    let encoded = try FigureEncoder.encode(scene, as: format, player: player, dpi: figure.dpi)
                    try AtomicFile.write(encoded, to: outDir + "/" + p.stem + "." + format.fileExtension)
                    total += encoded.count
                } catch { fail("\(w.name) \(format): \(error)") }
            }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if run > 0 { times.append(ms); encodeTimes.append(Double(encodeNanos) / 1e6) }  // run 0 warms the caches
            bytes = total
        }
        times.sort(); encodeTimes.sort()
        let median = times[times.count / 2], encodeMedian = encodeTimes[encodeTimes.count / 2]
        results.append("{\"workload\": \"\(w.name)\", \"format\": \"\(format)\", \"median_ms\": \(median), \"encode_write_median_ms\": \(encodeMedian), \"min_ms\": \(times.first!), \"max_ms\": \(times.last!), \"bytes\": \(bytes), \"runs\": \(runs)}")
        FileHandle.standardError.write(Data("\(w.name) \(format): \(String(format: "%.1f", median)) ms (encode + write \(String(format: "%.1f", encodeMedian)) ms), \(bytes) bytes\n".utf8))
    }
}
print("[\n" + results.joined(separator: ",\n") + "\n]")
