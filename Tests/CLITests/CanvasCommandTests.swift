import Foundation
import PNG
import TestSupport
import XCTest

/// The one canvas rule (`Canvas`: each side 16...16384 px, at most 64 Mi pixels, 10...2400 dpi)
/// at every edge of the command line, and the "wrote" line's count of input rows read.
final class CanvasCommandTests: XCTestCase {
    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-canvas-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "step,loss\n1,0.9\n2,0.5\n3,0.3\n".write(toFile: dir + "/loss.csv", atomically: true, encoding: .utf8)
        try "step,acc\n1,0.2\n2,0.6\n3,0.8\n4,0.9\n".write(toFile: dir + "/acc.csv", atomically: true, encoding: .utf8)
        return dir
    }

    func testFlagsOutsideTheRangeAreUsageErrorsThatStateIt() throws {
        let dir = try temp()
        for (flag, value, message) in [
            ("--size", "15x400", "15x400 is out of range: each side 16...16384 pixels, at most 67108864 pixels in all"),
            ("--size", "16384x16384", "16384x16384 is out of range"),
            ("--dpi", "9", "--dpi must be 10...2400 dots per inch"),
            ("--dpi", "2401", "--dpi must be 10...2400 dots per inch"),
        ] {
            let r = try PlotlineBinary.run(["render", dir + "/loss.csv", "-o", dir + "/x.png", flag, value])
            XCTAssertEqual(r.status, 64, "\(flag) \(value): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.png"))
        }
        let demo = try PlotlineBinary.run(["demo", "-o", dir + "/d.png", "--size", "8000x9000"])
        XCTAssertEqual(demo.status, 64, demo.stderr)
        XCTAssertTrue(demo.stderr.contains("at most 67108864 pixels in all"), demo.stderr)
        // The edges of the range are accepted: the longest and the shortest side, the lowest dpi.
        let wide = try PlotlineBinary.run(["render", dir + "/loss.csv", "-o", dir + "/wide.png", "--size", "16384x16", "--dpi", "10"])
        XCTAssertEqual(wide.status, 0, wide.stderr)
        let png = try PNG.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/wide.png"))))
        XCTAssertEqual([png.width, png.height], [16384, 16])
    }

    func testSpecKeysAndReportOptionsOutsideTheRangeNameTheirKey() throws {
        let dir = try temp()
        try #"{"version": 1, "size": [12, 400], "data": {"l": "loss.csv"}, "panels": [{"series": [{"x": "step", "y": "loss"}]}]}"#
            .write(toFile: dir + "/small.plot.json", atomically: true, encoding: .utf8)
        let spec = try PlotlineBinary.run(["render", "--spec", dir + "/small.plot.json", "-o", dir + "/s.png"])
        XCTAssertEqual(spec.status, 1, spec.stderr)
        XCTAssertTrue(spec.stderr.contains("small.plot.json: size: expected [width, height] or \"WIDTHxHEIGHT\", each side 16...16384 pixels"), spec.stderr)
        try #"{"version": 1, "dpi": 3000, "data": {"l": "loss.csv"}, "panels": [{"series": [{"x": "step", "y": "loss"}]}]}"#
            .write(toFile: dir + "/dpi.plot.json", atomically: true, encoding: .utf8)
        let dpi = try PlotlineBinary.run(["render", "--spec", dir + "/dpi.plot.json", "-o", dir + "/s.png"])
        XCTAssertEqual(dpi.status, 1, dpi.stderr)
        XCTAssertTrue(dpi.stderr.contains("dpi.plot.json: dpi: expected 10...2400 dots per inch"), dpi.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/s.png"))

        try """
            {"version": 1, "title": "R", "sections": [{"title": "S", "figures": [
              {"data": "loss.csv", "options": {"size": [320, 8]}}]}]}
            """.write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
        let report = try PlotlineBinary.run(["report", dir + "/report.json", "-o", dir + "/out", "--quiet"])
        XCTAssertNotEqual(report.status, 0)
        XCTAssertTrue(report.stderr.contains("report.json:2: sections[0].figures[0].options.size: expected [width, height] or \"WIDTHxHEIGHT\", each side 16...16384 pixels, at most 67108864 pixels in all"), report.stderr)
    }

    func testTheWroteLineCountsTheInputRowsRead() throws {
        let dir = try temp()
        let one = try PlotlineBinary.run(["render", dir + "/acc.csv", "-o", dir + "/a.png"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "wrote \(dir)/a.png (1200x800, 1 panel, 4 rows read)\n")
        // Two runs overlaid: 3 + 4 rows read, although the longest series has 4 points.
        try "step,loss\n1,1.0\n2,0.7\n3,0.4\n4,0.2\n".write(toFile: dir + "/loss2.csv", atomically: true, encoding: .utf8)
        let two = try PlotlineBinary.run(["render", dir + "/loss.csv", dir + "/loss2.csv", "-o", dir + "/b.png"])
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertTrue(two.stdout.contains("7 rows read"), two.stdout)
        try #"{"version": 1, "size": [480, 320], "data": {"l": "loss.csv", "a": "acc.csv"}, "panels": [{"series": [{"data": "l", "x": "step", "y": "loss"}, {"data": "a", "x": "step", "y": "acc"}]}]}"#
            .write(toFile: dir + "/both.plot.json", atomically: true, encoding: .utf8)
        try #"{"version": 1, "size": [480, 320], "data": {"l": "loss.csv"}, "panels": [{"series": [{"x": "step", "y": "loss"}]}]}"#
            .write(toFile: dir + "/loss.plot.json", atomically: true, encoding: .utf8)
        let specs = try PlotlineBinary.run(["render", "--spec", dir + "/both.plot.json", "--spec", dir + "/loss.plot.json",
                                            "-o", dir, "--format", "png,svg"])
        XCTAssertEqual(specs.status, 0, specs.stderr)
        XCTAssertEqual(specs.stdout, """
            wrote \(dir)/both.png (480x320, 1 panel, 7 rows read)
            wrote \(dir)/both.svg (480x320, 1 panel, 7 rows read)
            wrote \(dir)/loss.png (480x320, 1 panel, 3 rows read)
            wrote \(dir)/loss.svg (480x320, 1 panel, 3 rows read)

            """)
    }
}
