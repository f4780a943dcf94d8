import Foundation
import TestSupport
import XCTest

/// A 12000 × 12000 canvas (144 megapixels, 576 MB of RGBA) is refused before anything is
/// allocated, by every command, with a message that says what is allowed (issue 12).
final class CanvasLimitCommandTests: XCTestCase {
    private func folder() throws -> String {
        let base = NSTemporaryDirectory() + "plotline-canvas-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        try "step,loss\n1,0.5\n2,0.3\n".write(toFile: base + "/d.csv", atomically: true, encoding: .utf8)
        return base
    }

    func testRenderRefusesAHugeSizeFlag() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let result = try PlotlineBinary.run(["render", base + "/d.csv", "--size", "12000x12000", "-o", base + "/f.png"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("12000x12000 is out of range: each side 16...16384 pixels"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: base + "/f.png"))
    }

    func testASpecOrReportAskingForAHugeCanvasIsAClearError() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try #"{"version": 1, "size": [12000, 12000], "data": {"d": "d.csv"}, "panels": [{"series": [{"x": "step", "y": "loss"}]}]}"#
            .write(toFile: base + "/f.plot.json", atomically: true, encoding: .utf8)
        let render = try PlotlineBinary.run(["render", "--spec", base + "/f.plot.json", "-o", base + "/f.png"])
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.stderr.contains("f.plot.json: size: expected [width, height] or \"WIDTHxHEIGHT\", each side 16...16384 pixels, at most 67108864 pixels in all"),
                      render.stderr)
        try #"{"version": 1, "sections": [{"title": "A", "figures": [{"data": "d.csv", "options": {"size": "12000x12000"}}]}]}"#
            .write(toFile: base + "/report.json", atomically: true, encoding: .utf8)
        let report = try PlotlineBinary.run(["report", base + "/report.json", "-o", base + "/out"])
        XCTAssertNotEqual(report.status, 0)
        XCTAssertTrue(report.stderr.contains("options.size: expected [width, height] or \"WIDTHxHEIGHT\", each side 16...16384 pixels"), report.stderr)
    }
}
