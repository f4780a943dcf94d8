import Foundation
import TestSupport
import XCTest

/// `--legend` on `plotline render` (default figures, `--print-spec`, `--spec`) and `plotline
/// watch`: the spec's `"legend"` values, a usage error (exit 64) listing them for any other.
final class LegendCommandTests: XCTestCase {
    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-legend-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Two value columns (a legend of two entries) and a one-column table (no legend).
    func data(_ dir: String) throws -> (two: String, one: String) {
        let two = dir + "/two.csv", one = dir + "/one.csv"
        try ("x,alpha,beta\n" + (0..<20).map { "\($0),\(sin(Double($0) / 3) + 2.25),\(cos(Double($0) / 4) + 2.5)\n" }.joined())
            .write(toFile: two, atomically: true, encoding: .utf8)
        try ("x,alpha\n" + (0..<20).map { "\($0),\(1.0 / Double($0 + 1))\n" }.joined()).write(toFile: one, atomically: true, encoding: .utf8)
        return (two, one)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testInvalidLegendIsAUsageErrorListingTheValues() throws {
        let dir = try temp()
        let (two, _) = try data(dir)
        for command in [["render", two, "-o", dir + "/x.png"], ["watch", dir, "--once"]] {
            let r = try PlotlineBinary.run(command + ["--legend", "inside"])
            XCTAssertEqual(r.status, 64, "\(command[0]): \(r.stderr)")
            for value in ["\"best\"", "\"upper left\"", "\"outside\"", "\"below\"", "\"none\""] {
                XCTAssertTrue(r.stderr.contains(value), "\(command[0]) lists \(value): \(r.stderr)")
            }
            XCTAssertTrue(r.stderr.contains("inside"), "names the bad value: \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.png"))
        let help = try PlotlineBinary.run(["render", "--help"])
        XCTAssertTrue(help.stdout.contains("--legend") && help.stdout.contains("upper left"), help.stdout)
    }

    /// The default figure's spec carries the placement for panels that have a legend; a panel
    /// of one series gets none.
    func testPrintSpecWritesThePlacement() throws {
        let dir = try temp()
        let (two, one) = try data(dir)
        for place in ["below", "upper left", "none", "outside"] {
            let r = try PlotlineBinary.run(["render", two, "--legend", place, "--print-spec"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("\"legend\": \"\(place)\""), "\(place): \(r.stdout)")
        }
        let lone = try PlotlineBinary.run(["render", one, "--legend", "below", "--print-spec"])
        XCTAssertEqual(lone.status, 0, lone.stderr)
        XCTAssertFalse(lone.stdout.contains("\"legend\": \"below\""), "no legend added to one series: \(lone.stdout)")
    }

    /// The flag changes the drawn figure (render with data files and with --spec, and watch), and
    /// `--legend best` draws the default figure unchanged.
    func testLegendChangesTheFigure() throws {
        let dir = try temp()
        let (two, _) = try data(dir)
        func render(_ flags: [String], _ name: String) throws -> Data {
            let r = try PlotlineBinary.run(["render", two, "--size", "600x400", "-o", dir + "/\(name).png"] + flags)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try bytes(dir + "/\(name).png")
        }
        let plain = try render([], "plain")
        XCTAssertEqual(try render(["--legend", "best"], "best"), plain, "best is the default")
        let none = try render(["--legend", "none"], "none")
        let below = try render(["--legend", "below"], "below")
        XCTAssertNotEqual(none, plain)
        XCTAssertNotEqual(below, plain)
        XCTAssertNotEqual(below, none)
        // A spec's own placement, replaced by --legend.
        let spec = dir + "/s.plot.json"
        XCTAssertEqual(try PlotlineBinary.run(["render", two, "--size", "600x400", "--print-spec", spec]).status, 0)
        let viaSpec = try PlotlineBinary.run(["render", "--spec", spec, "--legend", "none", "-o", dir + "/spec-none.png"])
        XCTAssertEqual(viaSpec.status, 0, viaSpec.stderr)
        XCTAssertEqual(try bytes(dir + "/spec-none.png"), none, "--spec with --legend none draws what render --legend none draws")
        // watch: the data file's default figure, once.
        let watched = try temp()
        try FileManager.default.copyItem(atPath: two, toPath: watched + "/two.csv")
        let w = try PlotlineBinary.run(["watch", watched, "--once", "--quiet", "--legend", "none"])
        XCTAssertEqual(w.status, 0, w.stderr)
        let wPlain = try temp()
        try FileManager.default.copyItem(atPath: two, toPath: wPlain + "/two.csv")
        XCTAssertEqual(try PlotlineBinary.run(["watch", wPlain, "--once", "--quiet"]).status, 0)
        XCTAssertNotEqual(try bytes(watched + "/two.png"), try bytes(wPlain + "/two.png"), "watch --legend none hides the legend")
    }
}
