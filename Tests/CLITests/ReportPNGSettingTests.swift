import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline report --png fast|small`: the small setting writes the same pixels in fewer bytes,
/// a bad value is a usage error, and the flag is documented.
final class ReportPNGSettingTests: XCTestCase {
    func run(_ args: [String]) throws -> PlotlineBinary.Result { try PlotlineBinary.run(args) }

    func testSmallWritesTheSamePixelsInFewerBytes() throws {
        let dir = NSTemporaryDirectory() + "plotline-report-png-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "step,loss,val_loss\n"
        for i in 0..<300 { csv += "\(i),\(1 / Double(i + 1) + Double(i % 7) * 0.01),\(1.2 / Double(i + 1))\n" }
        try csv.write(toFile: dir + "/loss.csv", atomically: true, encoding: .utf8)
        try #"{"version": 1, "title": "PNG", "sections": [{"title": "s", "figures": [{"data": "loss.csv"}]}]}"#
            .write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)

        let fast = try run(["report", dir + "/report.json", "-o", dir + "/fast", "--quiet"])
        XCTAssertEqual(fast.status, 0, fast.stderr)
        let explicit = try run(["report", dir + "/report.json", "-o", dir + "/explicit", "--quiet", "--png", "fast"])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        let small = try run(["report", dir + "/report.json", "-o", dir + "/small", "--quiet", "--png", "small"])
        XCTAssertEqual(small.status, 0, small.stderr)

        let fastBytes = try PNG.readFile(dir + "/fast/loss.png")
        let smallBytes = try PNG.readFile(dir + "/small/loss.png")
        XCTAssertEqual(try PNG.readFile(dir + "/explicit/loss.png"), fastBytes, "fast is the default")
        XCTAssertEqual(try PNG.decode(smallBytes), try PNG.decode(fastBytes))
        XCTAssertLessThan(smallBytes.count, fastBytes.count)
        let again = try run(["report", dir + "/report.json", "-o", dir + "/small2", "--quiet", "--png", "small"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try PNG.readFile(dir + "/small2/loss.png"), smallBytes, "byte-identical from run to run")
    }

    func testBadValueIsAUsageError() throws {
        let bad = try run(["report", "/nonexistent/report.json", "-o", "/tmp/x", "--png", "tiny"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains(#"--png takes fast or small, not "tiny""#), bad.stderr)
    }

    func testFlagIsDocumented() throws {
        let help = try run(["help", "report", "build"])
        XCTAssertTrue(help.stdout.contains("--png <fast|small>"), help.stdout)
        let doc = try String(contentsOfFile: packageRoot() + "/docs/report-spec.md", encoding: .utf8)
        XCTAssertTrue(doc.contains("--png small"))
    }
}

/// `plotline report --fsync`: the same bytes, flushed; without it files are replaced atomically
/// only (as `render` writes), and the flag is documented.
final class ReportFsyncFlagTests: XCTestCase {
    func testFsyncWritesTheSameReportAndIsDocumented() throws {
        let dir = NSTemporaryDirectory() + "plotline-report-fsync-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "step,loss\n"
        for i in 0..<50 { csv += "\(i),\(1 / Double(i + 1))\n" }
        try csv.write(toFile: dir + "/loss.csv", atomically: true, encoding: .utf8)
        try #"{"version": 1, "title": "F", "sections": [{"title": "s", "figures": [{"data": "loss.csv"}]}]}"#
            .write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
        let plain = try PlotlineBinary.run(["report", dir + "/report.json", "-o", dir + "/plain", "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let synced = try PlotlineBinary.run(["report", dir + "/report.json", "-o", dir + "/synced", "--quiet", "--fsync"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        for name in ["loss.png", "manifest.json", "index.md", "index.html"] {
            XCTAssertEqual(FileManager.default.contents(atPath: dir + "/plain/" + name),
                           FileManager.default.contents(atPath: dir + "/synced/" + name), name)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir + "/plain").filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary file left beside the outputs")
        let help = try PlotlineBinary.run(["help", "report", "build"])
        XCTAssertTrue(help.stdout.contains("--fsync"), help.stdout)
        let doc = try String(contentsOfFile: packageRoot() + "/docs/report-spec.md", encoding: .utf8)
        XCTAssertTrue(doc.contains("`--fsync` flushes every"), "docs/report-spec.md explains --fsync")
    }
}
