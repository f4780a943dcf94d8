import Foundation
import TestSupport
import XCTest

/// `plotline report` end to end: the built executable, its exit statuses and its output folder.
final class ReportCommandTests: XCTestCase {
    func run(_ args: [String]) throws -> PlotlineBinary.Result { try PlotlineBinary.run(args) }

    /// A folder with two small tables and a report spec over them (plus `extra` figures).
    func fixture(extra: String = "") throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-report-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "step,loss\n1,0.9\n2,0.5\n3,0.3\n".write(toFile: dir + "/loss.csv", atomically: true, encoding: .utf8)
        try "step,acc\n1,0.2\n2,0.6\n3,0.8\n".write(toFile: dir + "/acc.csv", atomically: true, encoding: .utf8)
        try """
            {"version": 1, "title": "CLI", "sections": [{"title": "Training", "figures": [
              \(extra)
              {"data": "loss.csv", "options": {"size": "320x240"}},
              {"data": "acc.csv", "options": {"size": "320x240"}},
              {"name": "both", "data": ["loss.csv", "acc.csv"], "options": {"size": "320x240"}}
            ]}]}
            """.write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
        return dir
    }

    func testExitStatusesAndProgressLines() throws {
        let dir = try fixture()
        let ok = try run(["report", dir + "/report.json", "-o", dir + "/out"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        // One plain line per figure when not a terminal; two writers may finish neighbours in either order.
        let lines = ok.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.map { String($0.prefix(6)) }, ["[1/3] ", "[2/3] ", "[3/3] "], ok.stderr)
        XCTAssertEqual(lines.map { $0.dropFirst(6).components(separatedBy: "  ")[0] }.sorted(), ["acc", "both", "loss"], ok.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(" ms") }, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("3 figures, 0 failed"), ok.stdout)
        for name in ["loss.png", "acc.png", "both.png", "manifest.json", "timings.json", "index.md", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/out/" + name), name)
        }

        let quiet = try run(["report", dir + "/report.json", "-o", dir + "/quiet", "--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr + quiet.stdout, "")

        let broken = try fixture(extra: #"{"name": "gone", "data": "gone.csv"},"#)
        let failed = try run(["report", broken + "/report.json", "-o", broken + "/out", "--quiet"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("/4] gone  FAILED: gone.csv: no such file\n"), failed.stderr)
        XCTAssertEqual(failed.stderr.split(separator: "\n").count, 1, "--quiet: failures only")
        XCTAssertTrue(FileManager.default.fileExists(atPath: broken + "/out/both.png"), "the others still render")

        let badSpec = try run(["report", dir + "/loss.csv", "-o", dir + "/x"])
        XCTAssertEqual(badSpec.status, 64, badSpec.stderr)
        XCTAssertTrue(badSpec.stderr.contains("loss.csv:1: invalid JSON"), badSpec.stderr)
        XCTAssertEqual(try run(["report", dir + "/report.json", "-o", dir + "/x", "--shard", "3/2"]).status, 64)
        XCTAssertEqual(try run(["report", dir + "/missing.json", "-o", dir + "/x"]).status, 64)
        XCTAssertEqual(try run(["report", dir + "/report.json"]).status, 64, "-o is required")
    }

    func testShardsMergeAndCompare() throws {
        let dir = try fixture()
        XCTAssertEqual(try run(["report", dir + "/report.json", "-o", dir + "/single", "--quiet"]).status, 0)
        for k in 1...2 {
            let r = try run(["report", dir + "/report.json", "-o", dir + "/s\(k)", "--shard", "\(k)/2", "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let merge = try run(["report", "merge", dir + "/merged", dir + "/s1", dir + "/s2"])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        for name in ["manifest.json", "index.md", "index.html", "loss.png", "acc.png", "both.png"] {
            XCTAssertEqual(FileManager.default.contents(atPath: dir + "/merged/" + name),
                           FileManager.default.contents(atPath: dir + "/single/" + name), name)
        }
        XCTAssertEqual(try run(["report", "merge", dir + "/m2", dir + "/s1"]).status, 64, "a missing shard")

        let same = try run(["report", dir + "/report.json", "-o", dir + "/again", "--compare", dir + "/single", "--quiet"])
        XCTAssertEqual(same.status, 0, same.stderr)
        try FileManager.default.removeItem(atPath: dir + "/single/acc.png")
        let differs = try run(["report", dir + "/report.json", "-o", dir + "/again", "--compare", dir + "/single", "--tolerance", "2,10"])
        XCTAssertEqual(differs.status, 2, differs.stderr)
        XCTAssertTrue(differs.stdout.contains("1 differ from the baseline"), differs.stdout)
        XCTAssertEqual(try run(["report", dir + "/report.json", "-o", dir + "/x", "--tolerance", "2"]).status, 64, "--tolerance needs --compare")
    }

    func testHelpDocumentsTheExitStatuses() throws {
        let help = try run(["report", "--help"])
        XCTAssertTrue(help.stdout.contains("Exit status: 0 all figures rendered"), help.stdout)
        XCTAssertTrue(help.stdout.contains("plotline report merge"), help.stdout)
    }
}
