import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render --spec` honours the spec's `"formats"` (`OutputFormats`): `-o`'s extension
/// names the main file, the spec's other formats go beside it with the same stem, `--format`
/// replaces the spec's list, and every file gets a `wrote` line.
final class RenderSpecFormatsTests: XCTestCase {
    func folder(formats: String?) throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-spec-formats-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot() + "/examples/metrics.csv", toPath: dir + "/metrics.csv")
        try """
            {"version": 1, "size": "320x240", \(formats.map { "\"formats\": \($0), " } ?? "")"data": {"m": "metrics.csv"}, "panels": [{"series": [{"x": "epoch", "y": "loss"}]}]}
            """.write(toFile: dir + "/loss.plot.json", atomically: true, encoding: .utf8)
        return dir
    }

    func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".json") }.sorted()
    }

    func wrote(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.map { (String($0.split(separator: " ")[1]) as NSString).lastPathComponent }
    }

    func starts(_ path: String, with magic: String) -> Bool {
        (FileManager.default.contents(atPath: path) ?? Data()).starts(with: magic.unicodeScalars.map { UInt8($0.value) })
    }

    func testSpecFormatsAreWrittenBesideTheOutput() throws {
        let dir = try folder(formats: "[\"png\", \"svg\"]")
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", dir + "/fig.png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(files(dir), ["fig.png", "fig.svg"])
        XCTAssertEqual(wrote(r.stdout), ["fig.png", "fig.svg"], r.stdout)
        XCTAssertTrue(starts(dir + "/fig.svg", with: "<?xml"))
    }

    /// A vector main file with a PNG among the spec's formats: each file holds its own format.
    func testVectorMainFileWithThePNGBesideIt() throws {
        let dir = try folder(formats: "[\"png\", \"pdf\"]")
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", dir + "/fig.svg"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(files(dir), ["fig.pdf", "fig.png", "fig.svg"])
        XCTAssertEqual(wrote(r.stdout), ["fig.svg", "fig.png", "fig.pdf"], "the main file first: \(r.stdout)")
        XCTAssertTrue(starts(dir + "/fig.svg", with: "<?xml"))
        XCTAssertTrue(starts(dir + "/fig.png", with: "\u{89}PNG"))
        XCTAssertTrue(starts(dir + "/fig.pdf", with: "%PDF-"))
    }

    func testFormatFlagReplacesTheSpecsList() throws {
        let dir = try folder(formats: "[\"svg\", \"pdf\"]")
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", dir + "/fig.png", "--format", "png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(files(dir), ["fig.png"])
        let pdf = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", dir + "/two.png", "--format", "pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        XCTAssertEqual(files(dir), ["fig.png", "two.pdf", "two.png"], "-o's PNG, and --format's PDF instead of the spec's SVG and PDF")
        XCTAssertEqual(wrote(pdf.stdout), ["two.png", "two.pdf"], pdf.stdout)
        let dash = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", "-", "--format", "svg"])
        XCTAssertEqual(dash.status, 64, "standard output has no name to write an SVG beside: \(dash.stderr)")
    }

    /// Several specs without --format: each writes its PNG and its own formats.
    func testSeveralSpecsFollowTheirOwnFormats() throws {
        let dir = try folder(formats: "[\"pdf\"]")
        try """
            {"version": 1, "size": "320x240", "data": {"m": "metrics.csv"}, "panels": [{"series": [{"x": "epoch", "y": "accuracy"}]}]}
            """.write(toFile: dir + "/acc.plot.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "--spec", dir + "/acc.plot.json", "-o", dir + "/out"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(files(dir + "/out"), ["acc.png", "loss.pdf", "loss.png"])
        XCTAssertEqual(wrote(r.stdout), ["loss.png", "loss.pdf", "acc.png"], r.stdout)
    }
}
