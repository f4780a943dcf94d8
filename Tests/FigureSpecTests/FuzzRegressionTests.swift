import Chart
import FigureSpec
import Scene
import Table
import TestSupport
import XCTest

/// Inputs that crashed a parser or the figure built from it, replayed the way the libFuzzer
/// targets in `Fuzz/` run them: read the bytes, build the default figure or the spec's figure,
/// lay it out into a Scene. Each must return or throw, never trap. (Issue 12, items 10 and 11,
/// found by fuzzing with ASan; new crashes from `Fuzz/run.sh` go here.)
final class FuzzRegressionTests: XCTestCase {
    private func layDefault(_ text: String, kind: SeriesKind? = nil, options: CSVOptions = CSVOptions(),
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let table = try CSVReader.parse(bytes: Array(text.utf8), source: "crash.csv", options: options)
        var render = RenderOptions()
        render.kind = kind
        render.width = 400
        render.height = 300
        let figure = try DefaultFigure.make(table, options: render)
        let scene = FigureRenderer(fonts: sharedFonts()).scene(for: figure)
        XCTAssertFalse(scene.commands.isEmpty, file: file, line: line)
    }

    func testHistogramOfOneHugeValue() throws {
        try layDefault("v\n4E40\n", kind: .histogram)
        try layDefault("v\n1e16\n1e16\n", kind: .histogram)
        try layDefault("v\n-1.7e308\n1.7e308\n", kind: .histogram)
        try layDefault("v\n0\n5e-324\n", kind: .histogram)
    }

    func testInfiniteAndHugeTimestampsOnEveryAxis() throws {
        var options = CSVOptions()
        options.timestampColumns = ["t": .seconds]
        for kind in [nil, SeriesKind.bar, .scatter, .box] {
            try layDefault("t,v\ninf,1\n8e23,2\n1e300,3\n", kind: kind, options: options)
            try layDefault("c,t\na,inf\nb,-inf\n", kind: kind, options: options)
        }
    }

    func testSpecWithHugeTimestampsAsCategoriesAndPieLabels() throws {
        var options = CSVOptions()
        options.timestampColumns = ["t": .seconds]
        let table = try CSVReader.parse(bytes: Array("t,v,x\ninf,1,0\n1e30,2,1\n-1e300,3,2\n".utf8), source: "d.csv", options: options)
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "size": [400, 300], "data": {"d": "d.csv"},
             "panels": [{"x": {"scale": "category"}, "series": [{"kind": "bar", "x": "t", "y": "v"}]},
                        {"series": [{"kind": "pie", "y": "v", "labels": "t"}]},
                        {"series": [{"kind": "heatmap", "x": "x", "y": "t", "value": "v"}]},
                        {"series": [{"x": "t", "y": "v"}]}]}
            """, source: "f.plot.json")
        let figure = try spec.figure(tables: ["d": table])
        XCTAssertFalse(FigureRenderer(fonts: sharedFonts()).scene(for: figure).commands.isEmpty)
    }

    func testLogAxisOverSubnormalValuesHasNoTrap() throws {
        // Fuzz npy: a log y axis over values whose largest is subnormal; the locator's stand-in
        // for a non-positive low end (max / 10⁹) underflowed to 0 and log10(0) = -inf trapped in Int().
        let ticks = LogLocator().ticks(min: 0, max: 5e-324, maxCount: 5)
        XCTAssertFalse(ticks.isEmpty)
        // 10^-324 underflows to a 0 tick, which the axis drops (outside its log view); no trap.
        XCTAssertTrue(ticks.allSatisfy { $0.isFinite && $0 >= 0 }, "\(ticks)")
        let table = try CSVReader.parse(bytes: Array("step,v\n1,0\n2,4.9e-324\n3,1e-320\n".utf8), source: "crash.csv")
        var render = RenderOptions()
        render.logY = true
        render.width = 400
        render.height = 300
        let figure = try DefaultFigure.make(table, options: render)
        XCTAssertFalse(FigureRenderer(fonts: sharedFonts()).scene(for: figure).commands.isEmpty)
    }
}
