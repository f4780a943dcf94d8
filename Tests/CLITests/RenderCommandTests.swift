import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render` end to end: the built executable run as a user runs it.
final class RenderCommandTests: XCTestCase {
    func run(_ args: [String], stdin: String? = nil) throws -> PlotlineBinary.Result {
        try PlotlineBinary.run(args, stdin: stdin)
    }

    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testRendersTheExampleByteIdenticallyTwice() throws {
        let dir = try temp()
        let example = packageRoot() + "/examples/metrics.csv"
        let a = try run(["render", example, "-o", dir + "/a.png"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertTrue(a.stdout.contains("3 panels"), a.stdout)
        let b = try run(["render", example, "-o", dir + "/b.png", "--size", "1200x800"])
        XCTAssertEqual(b.status, 0, b.stderr)
        let pa = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.png")), pb = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.png"))
        XCTAssertEqual(pa, pb, "identical input gives identical bytes")
        let img = try PNG.decode(Array(pa))
        XCTAssertEqual(img.width, 1200)
        XCTAssertEqual(img.height, 800)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["a.png", "b.png"], "no temp files left")
    }

    func testStandardInputAndFlags() throws {
        let dir = try temp()
        let r = try run(["render", "-", "-o", dir + "/s.png", "--kind", "scatter", "--logy", "--size", "640x480", "--theme", "dark"],
                        stdin: "x,y\n1,10\n2,100\n3,1000\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try PNG.read(path: dir + "/s.png").width, 640)
    }

    func testBadInputNamesFileLineAndColumnAndWritesNothing() throws {
        let dir = try temp()
        let csv = dir + "/bad.csv"
        try "a,b\n1,2\n3,4,5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try run(["render", csv, "-o", dir + "/bad.png"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.csv:3: 3 fields, the header has 2"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal") || r.stderr.contains("backtrace"), "no stack trace")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/bad.png"), "no partial PNG")

        let missing = try run(["render", packageRoot() + "/examples/metrics.csv", "--y", "val_los", "-o", dir + "/m.png"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("val_los"), missing.stderr)
    }

    func testAStrayTextValueIsAWarningNamingFileLineColumnAndValueAndTheSeriesIsDrawn() throws {
        let dir = try temp()
        let csv = dir + "/log.csv"
        var text = "step,loss,lr\n"
        for step in 1...30 { text += "\(step),\(1.0 / Double(step)),\(step == 12 ? "[0.0005]" : "0.001")\n" }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try run(["render", csv, "--y", "lr", "-o", dir + "/lr.png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "\(csv):13: warning: column 'lr': '[0.0005]' is not a number (drawn as a missing value)\n")
        XCTAssertTrue(r.stdout.contains("30 rows read"), "the 30 input rows, one of them drawn as a gap: \(r.stdout)")

        // Through a spec too, and capped: the first 20 lines, then the count of the rest.
        var many = "step,v\n"
        for step in 1...100 { many += "\(step),\(step % 4 == 0 ? "x\(step)" : "\(step)")\n" }
        try many.write(toFile: dir + "/many.csv", atomically: true, encoding: .utf8)
        try """
            {"version": 1, "data": {"m": "many.csv"}, "panels": [{"series": [{"data": "m", "x": "step", "y": "v"}]}]}
            """.write(toFile: dir + "/many.plot.json", atomically: true, encoding: .utf8)
        let spec = try run(["render", "--spec", dir + "/many.plot.json", "-o", dir + "/many.png"])
        XCTAssertEqual(spec.status, 0, spec.stderr)
        let lines = spec.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 21, spec.stderr)
        XCTAssertEqual(lines.first.map(String.init), "\(dir)/many.csv:5: warning: column 'v': 'x4' is not a number (drawn as a missing value)")
        XCTAssertEqual(lines.last.map(String.init), "warning: 5 more values that are not numbers (drawn as missing values)")
    }

    func testUsageErrorsExit64() throws {
        let r = try run(["render", "x.csv", "--kind", "pies", "-o", "/tmp/x.png"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--kind must be one of"), r.stderr)
        // A pie needs a spec that names its wedge labels (a heat map's cells come from flags: HeatmapCommandTests).
        let pie = try run(["render", "x.csv", "--kind", "pie", "-o", "/tmp/x.png"])
        XCTAssertEqual(pie.status, 64)
        XCTAssertTrue(pie.stderr.contains("a pie names its wedge labels in a figure spec"), pie.stderr)
        let size = try run(["render", "x.csv", "--size", "12x", "-o", "/tmp/x.png"])
        XCTAssertEqual(size.status, 64)
        let bins = try run(["render", "x.csv", "--kind", "histogram", "--bins", "lots", "-o", "/tmp/x.png"])
        XCTAssertEqual(bins.status, 64)
        XCTAssertTrue(bins.stderr.contains("--bins must be a count"), bins.stderr)
    }

    func testSpecFileAndItsKeyPathErrors() throws {
        let dir = try temp()
        try FileManager.default.copyItem(atPath: packageRoot() + "/examples/metrics.csv", toPath: dir + "/metrics.csv")
        let spec = """
            {"version": 1, "data": {"m": "metrics.csv"},
             "panels": [{"series": [{"x": "epoch", "y": "loss"}, {"x": "epoch", "y": "val_loss", "dash": "dashed"}]}]}
            """
        try spec.write(toFile: dir + "/fig.plot.json", atomically: true, encoding: .utf8)
        let ok = try run(["render", "--spec", dir + "/fig.plot.json", "-o", dir + "/fig.png"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        try spec.replacingOccurrences(of: "\"dash\"", with: "\"dahs\"").write(toFile: dir + "/bad.plot.json", atomically: true, encoding: .utf8)
        let bad = try run(["render", "--spec", dir + "/bad.plot.json", "-o", dir + "/bad.png"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("panels[0].series[1].dahs: unknown key (did you mean \"dash\"?)"), bad.stderr)
    }

    /// Several specs in one run: one PNG per spec, named after it, in the -o folder; a bad spec
    /// fails the run with its key path after the good ones before it were written.
    func testSeveralSpecsInOneRun() throws {
        let dir = try temp()
        try FileManager.default.copyItem(atPath: packageRoot() + "/examples/metrics.csv", toPath: dir + "/metrics.csv")
        for (name, y) in [("loss", "loss"), ("acc", "accuracy")] {
            try """
                {"version": 1, "data": {"m": "metrics.csv"}, "panels": [{"series": [{"x": "epoch", "y": "\(y)"}]}]}
                """.write(toFile: dir + "/\(name).plot.json", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let ok = try run(["render", "--spec", dir + "/loss.plot.json", "--spec", dir + "/acc.plot.json", "-o", dir + "/out"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted(), ["acc.png", "loss.png"])
        XCTAssertEqual(try PNG.read(path: dir + "/out/acc.png").width, 1200)
        try "{\"version\": 1, \"panels\": 3}".write(toFile: dir + "/bad.plot.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out2", withIntermediateDirectories: true)
        let bad = try run(["render", "--spec", dir + "/loss.plot.json", "--spec", dir + "/bad.plot.json", "-o", dir + "/out2"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.plot.json: data: missing required key"), bad.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/out2/loss.png"), "the good figure before it was written")
    }
}
