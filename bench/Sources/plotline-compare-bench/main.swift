// plotline-compare-bench: times the visual-regression engine (Report) on one image pair.
//
//   swift build -c release --product plotline-compare-bench
//   .build/release/plotline-compare-bench [BASELINE.png] [--runs N] [--figures N]
//   .build/release/plotline-compare-bench --dirs OUT BASELINE   (compare two folders once, print
//                                                                the entries; diffs in OUT/diff)
//
// BASELINE.png is any figure (default: a synthetic 1200×800 chart-like image). The bench makes
// its variants in memory: identical; one pixel changed; a 40×12 block changed (a moved label);
// every pixel changed (the worst case: each row goes pixel by pixel); and times
// `ImageComparison` on each, `ImageDiff.image` for the block change, PNG decode of the image
// (the cost the byte-identical fast path avoids), and `BaselineComparison.run` over
// `--figures` copies (half byte-identical, half with one changed pixel) in a temporary folder.
// Medians and minima of `runs` timed runs after one untimed run.
//
// Measured 2026-11-25 ~17:43 UTC, 2-core AMD EPYC KVM guest, Swift 6.3.1, release build, on
// plotline's own 1200×800 Seattle weather chart (`--runs 31`); the machine was shared with
// other helpers' builds (load average ~3), so the last row is noisy:
//
// | step (1200×800)                                   | median   | min      |
// | ------------------------------------------------- | -------- | -------- |
// | ImageComparison, identical (separate buffers)     | 0.11 ms  | 0.11 ms  |
// | ImageComparison, one pixel changed                | 0.11 ms  | 0.10 ms  |
// | ImageComparison, 40×12 block changed              | 0.11 ms  | 0.11 ms  |
// | ImageComparison, every pixel changed (worst case) | 3.55 ms  | 3.48 ms  |
// | ImageDiff.image, 40×12 block                      | 5.04 ms  | 4.91 ms  |
// | PNG.decode of the figure (139 KB), for scale      | 11.2 ms  | 10.2 ms  |
// | BaselineComparison.run, 40 figures, half changed  | 0.46-0.82 s (2 threads); 0.84 s on 1 |
import Foundation
import PNG
import Raster
import Report
import Service

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

func time(_ label: String, runs: Int, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    try body()
    var times: [Double] = []
    for _ in 0..<runs { times.append(milliseconds(try clock.measure(body))) }
    times.sort()
    let median = times[times.count / 2]
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0)
          + String(format: "median %8.3f ms   min %8.3f ms", median, times[0]))
}

/// White, a grid, a dark frame and a few thick wavy lines: roughly a chart's pixels.
func syntheticChart(width: Int, height: Int) throws -> Pixmap {
    var image = try Pixmap(width: width, height: height, fill: .white)
    let grid = Color(r: 230, g: 230, b: 230).premultiplied, ink = Color(r: 40, g: 40, b: 40).premultiplied
    for y in stride(from: 80, to: height - 60, by: 80) { for x in 80..<(width - 40) { image.setPixel(x: x, y: y, grid) } }
    for x in 80..<(width - 40) { image.setPixel(x: x, y: height - 60, ink) }
    for y in 40..<(height - 60) { image.setPixel(x: 80, y: y, ink) }
    let colours = [Color(r: 31, g: 119, b: 180), Color(r: 255, g: 127, b: 14), Color(r: 44, g: 160, b: 44)]
    for (k, c) in colours.enumerated() {
        for x in 81..<(width - 40) {
            let y = Double(height) / 2 + 150 * sin(Double(x) / (60 + 25 * Double(k))) + 40 * Double(k)
            for dy in -1...1 { image.setPixel(x: x, y: Int(y) + dy, c.withOpacity(0.8).premultiplied) }
        }
    }
    return image
}

var args = CommandLine.arguments.dropFirst()
var path: String?
var runs = 21, figureCount = 40
while let a = args.popFirst() {
    switch a {
    case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
    case "--figures": figureCount = Int(args.popFirst() ?? "") ?? figureCount
    case "--dirs":
        let out = args.popFirst() ?? ".", baseline = args.popFirst() ?? "."
        let figures = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".png") && !$0.hasPrefix("diff/") }
        let clock = ContinuousClock()
        var report: ComparisonReport?
        let d = try clock.measure {
            report = try BaselineComparison.run(outputDirectory: out, figures: figures, baselineDirectory: baseline,
                                                tolerance: ImageTolerance(), diffDirectory: out + "/diff")
        }
        for e in report!.entries {
            print(e.status.rawValue, e.figure, e.differingPixels, e.maxChannelDifference,
                  e.changedBounds.map { "[\($0.x) \($0.y) \($0.width)x\($0.height)]" } ?? "-", e.diffImage ?? "-", e.note ?? "")
        }
        print(String(format: "%.2f ms", milliseconds(d)))
        exit(report!.hasDifferences ? 1 : 0)
    default: path = a
    }
}

let base = try path.map { try PNG.read(path: $0) } ?? syntheticChart(width: 1200, height: 800)
var identical = base
identical.setPixel(x: 0, y: 0, base.pixel(x: 0, y: 0))  // its own copy of the bytes
print("image \(base.width)×\(base.height)\(path.map { " (\($0))" } ?? " (synthetic)"), \(runs) runs")
var onePixel = base
onePixel.setPixel(x: base.width / 3, y: base.height / 3, Color(r: 255, g: 0, b: 255).premultiplied)
var block = base
for y in 100..<112 { for x in 300..<340 { block.setPixel(x: x, y: y, Color(r: 20, g: 20, b: 20).premultiplied) } }
var everything = base
everything.withUnsafeMutablePixels { px in
    for i in 0..<(base.width * base.height) { px[i] ^= 0x0000_0808 }
}
let tolerance = ImageTolerance()
var sink = 0
time("compare identical", runs: runs) { sink &+= ImageComparison(baseline: base, current: identical, tolerance: tolerance).differingPixels }
time("compare one pixel changed", runs: runs) { sink &+= ImageComparison(baseline: base, current: onePixel, tolerance: tolerance).differingPixels }
time("compare 40×12 block changed", runs: runs) { sink &+= ImageComparison(baseline: base, current: block, tolerance: tolerance).differingPixels }
time("compare every pixel changed", runs: runs) { sink &+= ImageComparison(baseline: base, current: everything, tolerance: tolerance).differingPixels }
let blockComparison = ImageComparison(baseline: base, current: block, tolerance: tolerance)
try time("diff image, 40×12 block", runs: runs) { sink &+= try ImageDiff.image(baseline: base, current: block, comparison: blockComparison).width }
let encoded = try PNG.encode(base)
try time("PNG.decode of the image (\(encoded.count / 1000) KB)", runs: runs) { sink &+= try PNG.decode(encoded).width }

let root = NSTemporaryDirectory() + "plotline-compare-bench-\(getpid())"
let encodedChanged = try PNG.encode(onePixel)
for side in ["out", "base"] { try FileManager.default.createDirectory(atPath: root + "/" + side, withIntermediateDirectories: true) }
var names: [String] = []
for i in 0..<figureCount {
    let name = "fig\(i).png"
    names.append(name)
    try AtomicFile.write(encoded, to: root + "/base/" + name)
    try AtomicFile.write(i % 2 == 0 ? encoded : encodedChanged, to: root + "/out/" + name)
}
try time("BaselineComparison.run, \(figureCount) figures, half changed", runs: max(3, runs / 4)) {
    let report = try BaselineComparison.run(outputDirectory: root + "/out", figures: names, baselineDirectory: root + "/base",
                                            tolerance: tolerance, diffDirectory: root + "/out/diff")
    sink &+= report.entries.count
}
try? FileManager.default.removeItem(atPath: root)
print("(checksum \(sink))")
