import Foundation
import Report
import Service
import Table
import TestSupport
import XCTest

/// A report's data figures take the read options of `plotline render` (issue 12): `decimal`,
/// `thousands`, `comment`, `na_values`, `encoding`, decided once in `CSVReadSetting`.
final class ReportReadOptionsTests: XCTestCase {
    private func parse(_ options: String) throws -> ReportSpec {
        try ReportSpec.parse(bytes: Array("""
            {"version": 1, "sections": [{"title": "A", "figures": [{"data": "a.csv", "options": \(options)}]}]}
            """.utf8), source: "r.json", directory: "/reports")
    }

    func testTheReadKeysDecodeIntoTheReadOptions() throws {
        let spec = try parse(#"{"decimal": ",", "thousands": ".", "comment": "%", "na_values": ["?", "none"], "encoding": "cp1252"}"#)
        guard case .data(_, let options) = spec.figures[0].source else { return XCTFail() }
        XCTAssertEqual(options.read, CSVOptions(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."), comment: UInt8(ascii: "%"),
                                                missingValues: ["?", "none"], encoding: .windows1252))
    }

    func testABadValueNamesTheKeyAndWhatWasExpected() {
        for (options, message) in [
            (#"{"decimal": ";"}"#, #"options.decimal: expected "." or ",", found ";""#),
            (#"{"thousands": "ab"}"#, #"options.thousands: expected one ASCII character other than a quote or a line break, or "tab", found "ab""#),
            (#"{"encoding": "ebcdic"}"#, #"options.encoding: expected one of utf-8, latin-1, windows-1252, found "ebcdic""#),
        ] {
            do {
                _ = try parse(options)
                XCTFail("no error for \(options)")
            } catch {
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }

    func testAReportReadsItsDataWithTheOptions() throws {
        let root = NSTemporaryDirectory() + "plotline-report-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "step|loss\n1|1.000,5\n2|?\n3|2.000,25\n".write(toFile: root + "/m.csv", atomically: true, encoding: .utf8)
        try """
            {"version": 1, "sections": [{"title": "A", "figures": [{"name": "m", "data": "m.csv",
              "options": {"y": "loss", "size": [320, 240], "decimal": ",", "thousands": ".", "na_values": "?"}}]}]}
            """.write(toFile: root + "/report.json", atomically: true, encoding: .utf8)
        let spec = try ReportSpec.load(path: root + "/report.json")
        var options = ReportRunner.Options(outputDirectory: root + "/out")
        options.fontsDirectory = packageRoot() + "/Fonts"
        let outcome = try ReportRunner.run(spec, options: options)
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest)")
    }
}
