import Foundation
import Service
import FigureSpec
import Table
import TestSupport
import XCTest

/// What reading noticed besides values that are not numbers (`ReadWarnings.notes`) reaches the
/// sidecar and the log of `watch`, not only `render`'s standard error (issue 12).
final class WatchReadNotesTests: XCTestCase {
    private func renderAll(_ dir: String, errors: LockedBox<[String]>) throws {
        let queue = try RenderQueue()
        var options = WatchSession.Options()
        options.log = { _ in }
        options.logError = { line in errors.withLock { $0.append(line) } }
        WatchSession(root: dir, queue: queue, options: options).renderAll()
        queue.shutdownAndJoin(mode: .finishQueued)
    }

    func testEncodingAndDateNotesAreInTheSidecarBesideTheValueWarnings() throws {
        let dir = temporaryFolder()
        // Latin-1 bytes (not UTF-8), one invalid date among many, one value that is not a number.
        var bytes = Array("day,loss,city\n".utf8)
        for d in 1...20 { bytes += Array("2024-01-\(String(format: "%02d", d)),0.\(d),K".utf8) + [0xF6] + Array("ln\n".utf8) }
        bytes += Array("2024-01-25:00,[0.5],Bonn\n".utf8)
        bytes += Array("2024-01-22,oops,Bonn\n".utf8)
        _ = FileManager.default.createFile(atPath: dir + "/m.csv", contents: Data(bytes))
        let errors = LockedBox<[String]>([])
        try renderAll(dir, errors: errors)
        let status = try XCTUnwrap(WatchStatus.read(for: dir + "/m.png"))
        XCTAssertTrue(status.ok, status.error ?? "")
        XCTAssertEqual(status.warningCount, 2, "\(status.warnings)")
        XCTAssertEqual(status.notes.count, 2, "\(status.notes)")
        XCTAssertTrue(status.notes[0].hasPrefix(dir + "/m.csv: not valid UTF-8 (line 2); read as Windows-1252"), "\(status.notes)")
        XCTAssertEqual(status.notes[1], dir + "/m.csv:22: column 'day': '2024-01-25:00' is not a valid date or time; 1 value of 22 read as missing")
        let logged = errors.withLock { $0 }
        for note in status.notes { XCTAssertTrue(logged.contains("warning: " + note), "\(logged)") }
        // On disk as a list of strings under "notes".
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/m.png.json"))) as? [String: Any])
        XCTAssertEqual(json["notes"] as? [String], status.notes)
    }

    func testASidecarWithoutNotesHasNoNotesKey() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/m.csv", "step,loss\n1,0.5\n2,0.25\n")
        try renderAll(dir, errors: LockedBox([]))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/m.png.json"))) as? [String: Any])
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertNil(json["notes"], "written only when there is a note")
        XCTAssertEqual(WatchStatus.read(for: dir + "/m.png")?.notes, [])
    }

    func testSummariesSkippedInAFollowedRunAreANote() throws {
        let dir = temporaryFolder()
        try FileManager.default.copyItem(atPath: packageRoot() + "/Tests/RunLogsTests/Fixtures/tb/logs/run_a", toPath: dir + "/run_a")
        try renderAll(dir, errors: LockedBox([]))
        let status = try XCTUnwrap(WatchStatus.read(for: dir + "/run_a.png"))
        XCTAssertTrue(status.ok, status.error ?? "")
        XCTAssertEqual(status.notes, [dir + "/run_a: 1 histogram, 1 text values skipped (not scalars)"])
    }
}
