import Chart
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

final class TmpRenderSamples: XCTestCase {
    func testRenderSamples() throws {
        let fonts = try FontLibrary()
        let r = FigureRenderer(fonts: fonts)
        let player = ScenePlayer(fonts: fonts)
        func write(_ f: Figure, _ name: String) throws {
            let pm = try player.render(r.scene(for: f))
            try PNG.write(pm, to: "/tmp/samples/\(name).png")
        }
        try FileManager.default.createDirectory(atPath: "/tmp/samples", withIntermediateDirectories: true)
        try write(FigureLayoutTests.trainingFigure(), "training")
        var rng = SeededRandom(seed: 11)
        for i in 0..<16 {
            let n = Int.random(in: 0...300, using: &rng)
            let scaleExp = rng.double(-12, 12)
            let offset = Bool.random(using: &rng) ? rng.double(-1e6, 1e6) : 0
            let xs = (0..<n).map { Double($0) * pow(10, rng.double(-3, 3)) }
            let ys = (0..<n).map { _ in offset + rng.double(-1, 1) * pow(10, scaleExp) }
            let kind = SeriesKind.allCases[i % SeriesKind.allCases.count]
            let w = Int.random(in: 300...1600, using: &rng), h = Int.random(in: 240...1000, using: &rng)
            let fig = Figure(width: w, height: h, title: i % 3 == 0 ? "figure \(i)" : nil, panels: (0..<(1 + i % 4)).map { k in
                Panel(title: "panel \(k)", x: AxisSpec(label: "x"), y: AxisSpec(label: "a rather long y label", scale: k == 1 ? .log : .linear),
                      series: [Series("s\(k)", kind: kind, x: xs, y: k == 1 ? ys.map(abs) : ys), Series("t", x: xs, y: ys.reversed())])
            })
            try write(fig, "random\(i)")
        }
    }
}
