import Foundation
import Report
import Service
import TestSupport
import XCTest

/// A report of training-log folders draws a figure per TensorBoard run folder and per MLflow
/// experiment (issue 15), as `plotline watch` does, not a figure per event or metric file.
final class ReportLogFolderTests: XCTestCase {
    private let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"

    private func logFixture() throws -> ReportFixture {
        let f = try ReportFixture()
        let files = FileManager.default
        try files.removeItem(atPath: f.root + "/report.json")
        try files.removeItem(atPath: f.root + "/data")
        try files.removeItem(atPath: f.root + "/specs")
        try files.createDirectory(atPath: f.root + "/logs", withIntermediateDirectories: true)
        for run in ["run_a", "run_b"] {
            try files.copyItem(atPath: fixtures + "/tb/logs/" + run, toPath: f.root + "/logs/" + run)
        }
        try files.copyItem(atPath: fixtures + "/mlruns", toPath: f.root + "/mlruns")
        return f
    }

    func testAFolderReportDrawsOneFigurePerRunFolderAndExperiment() throws {
        let f = try logFixture()
        let spec = try ReportSpec.load(path: f.root)
        XCTAssertEqual(spec.figures.map(\.name), ["logs/run_a", "logs/run_b", "mlruns/0"])
        XCTAssertEqual(spec.figures.map(\.section), ["logs", "logs", "mlruns"])
        XCTAssertEqual(spec.figures.map(\.source), [.data(["logs/run_a"], .init()), .data(["logs/run_b"], .init()),
                                                      .data(["mlruns/0"], .init())])
        let top = (f.root as NSString).lastPathComponent
        let outcome = try f.run(".", out: "../out-\(top)")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
        let figures = outcome.manifest.figures
        XCTAssertEqual(figures.count, 3)
        // Every log file of a figure is an input with its hash: a changed event file changes the manifest.
        XCTAssertEqual(figures[1].inputs.map(\.path), ["logs/run_b/events.out.tfevents.1796194353.vm.b0",
                                                       "logs/run_b/events.out.tfevents.1796194353.vm.b1"])
        XCTAssertTrue(figures[2].inputs.contains { $0.path.hasSuffix("/metrics/loss") && $0.sha256 != nil },
                      "\(figures[2].inputs)")
        XCTAssertTrue(figures.allSatisfy { ($0.width ?? 0) > 0 })
    }

    func testALogFolderNamedInAReportSpecOverlaysItsRuns() throws {
        let f = try logFixture()
        try f.write("report.json", """
            {"version": 1, "title": "Runs", "sections": [{"title": "Training", "figures": [
              {"name": "TensorBoard runs", "data": "logs"},
              {"name": "Missing", "data": "nowhere"}
            ]}]}
            """)
        let outcome = try f.run("report.json", out: "out")
        let figures = outcome.manifest.figures
        XCTAssertNil(figures[0].error)
        XCTAssertEqual(Set(figures[0].inputs.map { ($0.path as NSString).deletingLastPathComponent }),
                       ["logs/run_a", "logs/run_b"])
        XCTAssertEqual(figures[1].error, "nowhere: no such file")
        // The overlay differs from either run drawn alone.
        let g = try logFixture()
        let single = try g.run(".", out: "../single-\((g.root as NSString).lastPathComponent)")
        XCTAssertNotNil(figures[0].sha256)
        XCTAssertFalse(single.manifest.figures.contains { $0.sha256 == figures[0].sha256 })
    }
}
