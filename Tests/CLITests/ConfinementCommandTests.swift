import Foundation
import TestSupport
import XCTest

/// `render --spec`, `report` and `watch` read a spec's data only inside its folder unless
/// `--allow-read` says otherwise, and nothing of a refused file reaches their output (issue 12,
/// item 2: `/proc/self/environ` used to land in index.md, index.html and manifest.json).
final class ConfinementCommandTests: XCTestCase {
    private let secret = "plotline-secret-\(UUID().uuidString.prefix(8))"

    private func run(_ args: [String]) throws -> PlotlineBinary.Result {
        try PlotlineBinary.run(args, environment: ["PLOTLINE_TEST_TOKEN": secret])
    }

    /// `base/specs` with a spec reading `path`, and `base/outside/data.csv`.
    private func fixture(_ path: String) throws -> (base: String, spec: String) {
        let base = NSTemporaryDirectory() + "plotline-confine-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base + "/specs", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "step,loss\n1,0.5\n2,0.3\n".write(toFile: base + "/outside/data.csv", atomically: true, encoding: .utf8)
        let spec = base + "/specs/f.plot.json"
        try """
            {"version": 1, "size": [320, 240], "data": {"d": "\(path)"},
             "panels": [{"series": [{"x": "step", "y": "loss"}]}]}
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        return (base, spec)
    }

    func testRenderRefusesAPathOutsideAndAllowReadOptsIn() throws {
        let (base, spec) = try fixture("../outside/data.csv")
        let refused = try run(["render", "--spec", spec, "-o", base + "/f.png"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("not allowed to read: \"../outside/data.csv\" is outside"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-read"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: base + "/f.png"))
        let allowed = try run(["render", "--spec", spec, "-o", base + "/f.png", "--allow-read", base + "/outside"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }

    func testReportOfEnvironLeaksNothing() throws {
        let (base, spec) = try fixture("/proc/self/environ")
        try """
            {"version": 1, "title": "leak", "sections": [{"title": "s", "figures": [
              {"spec": "specs/f.plot.json"}, {"name": "a", "data": "/proc/self/environ"},
              {"name": "b", "data": "specs/../../../../../../../../proc/self/environ"}]}]}
            """.write(toFile: base + "/report.json", atomically: true, encoding: .utf8)
        _ = spec
        let r = try run(["report", base + "/report.json", "-o", base + "/out", "--quiet"])
        XCTAssertEqual(r.status, 1, r.stderr)
        for name in ["index.md", "index.html", "manifest.json"] {
            let text = try String(contentsOfFile: base + "/out/" + name, encoding: .utf8)
            XCTAssertFalse(text.contains(secret), "\(name) leaks the environment")
            XCTAssertTrue(text.contains("not allowed to read"), "\(name): \(text.prefix(2000))")
        }
        XCTAssertFalse(r.stderr.contains(secret) || r.stdout.contains(secret))
        // Allowed explicitly, environ is still no table: refused as binary, without quoting it.
        let allowed = try run(["report", base + "/report.json", "-o", base + "/out2", "--quiet", "--allow-read", "/proc/self/environ"])
        for name in ["index.md", "index.html", "manifest.json"] {
            let text = try String(contentsOfFile: base + "/out2/" + name, encoding: .utf8)
            XCTAssertFalse(text.contains(secret), "\(name) leaks the environment")
        }
        XCTAssertFalse(allowed.stderr.contains(secret))
    }

    func testWatchRecordsTheRefusalInTheSidecar() throws {
        let (base, _) = try fixture("../outside/data.csv")
        let r = try run(["watch", base + "/specs", "--once", "--quiet"])
        XCTAssertEqual(r.status, 1)
        let sidecar = try String(contentsOfFile: base + "/specs/f.png.json", encoding: .utf8)
        XCTAssertTrue(sidecar.contains("not allowed to read"), sidecar)
        let allowed = try run(["watch", base + "/specs", "--once", "--quiet", "--allow-read", base + "/outside"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }
}

/// `plotline render`'s pandas-like read options and its warnings (issue 12, item 15).
final class ReadOptionsCommandTests: XCTestCase {
    func testOptionsAndWarnings() throws {
        let dir = NSTemporaryDirectory() + "plotline-read-options-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(Array("step;v;stadt\n1;1,5;K".utf8) + [0xF6] + Array("ln\n2;2,5;Bonn\n".utf8))
            .write(to: URL(fileURLWithPath: dir + "/d.csv"))
        let r = try PlotlineBinary.run(["render", dir + "/d.csv", "-o", dir + "/d.png", "--size", "480x360"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("warning: \(dir)/d.csv: not valid UTF-8 (line 2); read as Windows-1252"), r.stderr)
        try Data(Array("step;v\n1;1.234,5\n2;k.A.\n3;2.000,25\n".utf8)).write(to: URL(fileURLWithPath: dir + "/d.csv"))
        let ok = try PlotlineBinary.run(["render", dir + "/d.csv", "-o", dir + "/d.png", "--size", "480x360", "--decimal", ",",
                                         "--thousands", ".", "--na-values", "k.A.", "--encoding", "latin-1"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("3 rows read"), ok.stdout)  // the k.A. row is read as a missing value
        let bad = try PlotlineBinary.run(["render", dir + "/d.csv", "--encoding", "ebcdic"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--encoding must be one of utf-8, latin-1, windows-1252"), bad.stderr)
    }
}
