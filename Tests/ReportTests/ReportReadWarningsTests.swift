import Foundation
import Report
import Service
import Table
import TestSupport
import XCTest

/// What reading a report figure's data noticed is in its manifest entry (`warnings`), not only on
/// a terminal: values drawn as missing and read notes, with paths relative to the report (issue 12).
final class ReportReadWarningsTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "plotline-report-warnings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/logs", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func run(_ report: String) throws -> ReportManifest {
        try report.write(toFile: root + "/report.json", atomically: true, encoding: .utf8)
        var options = ReportRunner.Options(outputDirectory: root + "/out")
        options.fontsDirectory = packageRoot() + "/Fonts"
        let outcome = try ReportRunner.run(try ReportSpec.load(path: root + "/report.json"), options: options)
        XCTAssertEqual(outcome.manifest.failures.count, 0, "\(outcome.manifest.failures)")
        return outcome.manifest
    }

    func testValuesDrawnAsMissingAndReadNotesAreInTheManifest() throws {
        let bytes = Array("step,loss,city\n1,0.5,K".utf8) + [0xF6] + Array("ln\n2,[0.25],Bonn\n3,0.125,Bonn\n".utf8)
        _ = FileManager.default.createFile(atPath: root + "/m.csv", contents: Data(bytes))
        try #"{"version": 1, "data": {"m": "m.csv"}, "panels": [{"series": [{"data": "m", "x": "step", "y": "loss"}]}]}"#
            .write(toFile: root + "/m.plot.json", atomically: true, encoding: .utf8)
        try "a,b\n1,2\n3,4\n".write(toFile: root + "/clean.csv", atomically: true, encoding: .utf8)
        let manifest = try run("""
            {"version": 1, "sections": [{"title": "A", "figures": [
              {"name": "data", "data": "m.csv", "options": {"y": "loss", "size": [320, 240]}},
              {"name": "spec", "spec": "m.plot.json"},
              {"name": "clean", "data": "clean.csv", "options": {"size": [320, 240]}}]}]}
            """)
        let expected = [
            "m.csv:3: warning: column 'loss': '[0.25]' is not a number (drawn as a missing value)",
            "m.csv: not valid UTF-8 (line 2); read as Windows-1252 (give an encoding to choose another)",
        ]
        XCTAssertEqual(manifest.figures[0].warnings, expected)
        XCTAssertEqual(manifest.figures[1].warnings, expected, "a spec's tables are read the same way")
        XCTAssertEqual(manifest.figures[2].warnings, [])
        // Written as a list, only when there is something, and read back (report merge).
        let json = String(decoding: manifest.json(), as: UTF8.self)
        XCTAssertEqual(json.components(separatedBy: "\"warnings\"").count, 3, json)
        XCTAssertEqual(try ReportManifest.parse(bytes: manifest.json(), source: "manifest.json"), manifest)
    }

    func testNotesOfALogFolderNameItRelativeToTheReport() throws {
        for run in ["run_a", "images_only"] {
            try FileManager.default.copyItem(atPath: packageRoot() + "/Tests/RunLogsTests/Fixtures/tb/logs/" + run,
                                             toPath: root + "/logs/" + run)
        }
        let manifest = try run("""
            {"version": 1, "sections": [{"title": "A", "figures": [{"name": "runs", "data": "logs", "options": {"size": [320, 240]}}]}]}
            """)
        XCTAssertEqual(manifest.figures[0].warnings, [
            "logs/images_only: nothing to draw: no scalar values in 4 records (3 image values skipped (not scalars)) (run left out)",
            "logs/run_a: 1 histogram, 1 text values skipped (not scalars)",
        ])
    }
}
