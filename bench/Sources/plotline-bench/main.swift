// plotline-bench: Plotline's rasterizer, text and PNG encoder on the workloads of
// bench/agg_raster.py (A1-A5, B), timed in-process like the matplotlib Agg figures beside them.
//
// Usage: plotline-bench DATA_DIR [--runs N] [--json OUT] [--out DIR]
// DATA_DIR is what `agg_raster.py` wrote (raw float64 workload files and chart_w2.png), so both
// tools draw exactly the same primitives. Each workload: one untimed first run (warms caches),
// then N timed runs on a canvas cleared outside the timing; the median is reported. `--out`
// writes each workload's final image so it can be looked at.

import Foundation
import Geometry
import PNG
import Raster
import Text

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: plotline-bench DATA_DIR [--runs N] [--json OUT] [--out DIR]\n".data(using: .utf8)!)
    exit(2)
}
let dataDir = args[1]
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let runs = Int(option("--runs") ?? "9") ?? 9
let outDir = option("--out")

func load(_ name: String) -> [Double] {
    let url = URL(fileURLWithPath: dataDir).appendingPathComponent(name + ".f64")
    guard let d = try? Data(contentsOf: url) else {
        FileHandle.standardError.write("cannot read \(url.path): run bench/agg_raster.py first\n".data(using: .utf8)!)
        exit(2)
    }
    return d.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

struct Result { var name: String; var ms: [Double]; var extra: [String: Double] = [:] }
var results: [Result] = []

let white = Color.white
var canvas = try Pixmap(width: 1200, height: 800, fill: white)
let rasterizer = Rasterizer()

/// Times `body` on a freshly cleared canvas: one warm-up, then `runs` timed runs.
@MainActor func bench(_ name: String, _ body: (inout Pixmap) throws -> Void) rethrows {
    canvas.fill(white)
    try body(&canvas)
    var ms: [Double] = []
    for _ in 0..<runs {
        canvas.fill(white)
        let t0 = now()
        try body(&canvas)
        ms.append(now() - t0)
    }
    results.append(Result(name: name, ms: ms))
    if let outDir {
        try? PNG.write(canvas, to: outDir + "/plotline_\(name).png")
    }
}

let blue = Color(rgb: 0x1f77b4)
let lineStyle = StrokeStyle(width: 1.5, cap: .round, join: .round)
for name in ["line10k", "line1m"] {
    let xy = load(name)
    var path = Path()
    path.reserveCapacity(verbs: xy.count / 2, points: xy.count / 2)
    for i in stride(from: 0, to: xy.count, by: 2) {
        let p = Point(xy[i], xy[i + 1])
        if i == 0 { path.move(to: p) } else { path.line(to: p) }
    }
    bench(name) { rasterizer.stroke(path, style: lineStyle, color: blue, into: &$0) }
}

let cxy = load("circles")
let centers = stride(from: 0, to: cxy.count, by: 2).map { Point(cxy[$0], cxy[$0 + 1]) }
let dot = Path.circle(center: .zero, radius: 1.5)
bench("circles") { rasterizer.stampMarkers(dot, at: centers, color: blue.withOpacity(0.3), into: &$0) }

let r = load("rects")
let rects = stride(from: 0, to: r.count, by: 4).map { Rect(x: r[$0], y: r[$0 + 1], width: r[$0 + 2], height: r[$0 + 3]) }
let orange = Color(rgb: 0xff7f0e)
bench("rects") { pm in for rect in rects { rasterizer.fillRect(rect, color: orange, into: &pm) } }

let fonts = try FontLibrary()
let labelText = try String(contentsOfFile: dataDir + "/labels.txt", encoding: .utf8)
    .split(separator: "\n").map(String.init)
let lab = load("labels")
let font = Font(face: .sans, size: 13.89)
bench("text") { pm in
    for i in stride(from: 0, to: lab.count, by: 3) {
        fonts.draw(labelText[Int(lab[i + 2])], font: font, at: Point(lab[i], lab[i + 1]), color: .black, into: &pm)
    }
}

// B: PNG encode of matplotlib's W2 chart (same pixels Pillow encoded), with the default options.
let chart = try PNG.read(path: dataDir + "/chart_w2.png")
var encoded: [UInt8] = []
_ = try PNG.encode(chart)
var encMs: [Double] = []
for _ in 0..<runs {
    let t0 = now()
    encoded = try PNG.encode(chart)
    encMs.append(now() - t0)
}
results.append(Result(name: "png_encode", ms: encMs, extra: ["bytes": Double(encoded.count)]))

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
var json: [String: Any] = [:]
for r in results {
    var o: [String: Any] = ["median": median(r.ms), "min": r.ms.min()!, "max": r.ms.max()!, "runs": r.ms]
    for (k, v) in r.extra { o[k] = v }
    json[r.name] = o
    print(String(format: "plotline %-12@ median %8.2f ms  [%.2f-%.2f]", r.name as NSString, median(r.ms), r.ms.min()!, r.ms.max()!))
}
print(String(format: "plotline png size %.0f KB", Double(encoded.count) / 1000))
if let path = option("--json") {
    let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
}
