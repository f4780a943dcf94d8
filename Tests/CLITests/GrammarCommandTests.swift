import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render --facet`, `--color`, `--colormap`, `--palette` end to end: what they draw,
/// and the usage errors (exit 64) and data errors (exit 1) they give.
final class GrammarCommandTests: XCTestCase {
    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-grammar-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    var iris: String { packageRoot() + "/../shared/data/iris.csv" }

    func testFacetDrawsOnePanelPerValue() throws {
        let dir = try temp()
        let r = try PlotlineBinary.run(["render", iris, "--facet", "species", "--size", "900x600", "-o", dir + "/f.png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("3 panels"), r.stdout)
        XCTAssertEqual(try PNG.read(path: dir + "/f.png").width, 900)
    }

    func testFacetErrorsNameTheColumn() throws {
        let dir = try temp()
        let csv = dir + "/many.csv"
        try ("x,y,id\n" + (0..<40).map { "\($0),\($0),v\($0)\n" }.joined()).write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try PlotlineBinary.run(["render", csv, "--x", "x", "--facet", "id", "-o", dir + "/m.png"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("many.csv") && r.stderr.contains("id") && r.stderr.contains("36"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/m.png"), "no figure on an error")
        let missing = try PlotlineBinary.run(["render", iris, "--facet", "island", "-o", dir + "/n.png"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("island") && missing.stderr.contains("species"), missing.stderr)
    }

    func testColorByAColumnAndItsUsageErrors() throws {
        let dir = try temp()
        let ok = try PlotlineBinary.run(["render", iris, "--x", "sepal_length", "--y", "sepal_width", "--color", "petal_length",
                                         "--colormap", "coolwarm", "--palette", "tab20", "-o", dir + "/c.png"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let badMap = try PlotlineBinary.run(["render", iris, "--color", "petal_length", "--colormap", "jet", "-o", dir + "/b.png"])
        XCTAssertEqual(badMap.status, 64)
        XCTAssertTrue(badMap.stderr.contains("RdBu"), badMap.stderr)
        let noColor = try PlotlineBinary.run(["render", iris, "--colormap", "magma", "-o", dir + "/b.png"])
        XCTAssertEqual(noColor.status, 64)
        let line = try PlotlineBinary.run(["render", iris, "--color", "petal_length", "--kind", "line", "-o", dir + "/b.png"])
        XCTAssertEqual(line.status, 64)
        let text = try PlotlineBinary.run(["render", iris, "--color", "species", "-o", dir + "/b.png"])
        XCTAssertEqual(text.status, 1, "a text column cannot colour by value")
        XCTAssertTrue(text.stderr.contains("species"), text.stderr)
    }
}

/// `plotline render --kind heatmap` from the command line: a long table pivoted, `--value`,
/// `--colormap`, `--print-spec` round trip, and the usage errors.
final class HeatmapCommandTests: XCTestCase {
    func testHeatmapOfALongTableAndItsSpec() throws {
        let dir = NSTemporaryDirectory() + "plotline-heatmap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let flights = dir + "/flights.csv"
        try FileManager.default.copyItem(atPath: packageRoot() + "/../shared/data/flights.csv", toPath: flights)
        let r = try PlotlineBinary.run(["render", flights, "--kind", "heatmap", "--x", "year", "--y", "month", "--value", "passengers",
                                        "--colormap", "magma", "--size", "600x400", "-o", dir + "/h.png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let image = try PNG.decode(try PNG.readFile(dir + "/h.png"))
        XCTAssertEqual(image.width, 600)
        let printed = try PlotlineBinary.run(["render", flights, "--kind", "heatmap", "--x", "year", "--y", "month", "--value", "passengers",
                                              "--colormap", "magma", "--size", "600x400", "--print-spec", dir + "/h.plot.json"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let again = try PlotlineBinary.run(["render", "--spec", dir + "/h.plot.json", "-o", dir + "/again.png"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try PNG.readFile(dir + "/again.png"), try PNG.readFile(dir + "/h.png"), "--print-spec draws the same bytes")
    }

    func testUsageErrors() throws {
        let flights = packageRoot() + "/../shared/data/flights.csv"
        let value = try PlotlineBinary.run(["render", flights, "--value", "passengers", "-o", "/tmp/x.png"])
        XCTAssertEqual(value.status, 64)
        XCTAssertTrue(value.stderr.contains("--value is a heat map's cell value column"), value.stderr)
        let pie = try PlotlineBinary.run(["render", flights, "--kind", "pie", "-o", "/tmp/x.png"])
        XCTAssertEqual(pie.status, 64)
        XCTAssertTrue(pie.stderr.contains("heatmap") && pie.stderr.contains("wedge labels"), pie.stderr)
        let missing = try PlotlineBinary.run(["render", flights, "--kind", "heatmap", "--value", "nope", "-o", "/tmp/x.png"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("'nope'"), missing.stderr)
    }
}
