import Foundation
import Service
import Table
import TestSupport
import XCTest

/// What `watch` reads is bounded and read as the user asked (issue 12): a data file past
/// `ResourceLimits.followedBytes` and a sidecar past `sidecarBytes` are refused with a message
/// naming the file and the limit; the CSV read flags of `render` apply to `watch` too.
final class WatchReadLimitTests: XCTestCase {
    private func session(_ dir: String, _ configure: (inout WatchSession.Options) -> Void) throws -> (WatchSession, RenderQueue) {
        let queue = try RenderQueue()
        var options = WatchSession.Options()
        options.log = { _ in }
        options.logError = { _ in }
        configure(&options)
        return (WatchSession(root: dir, queue: queue, options: options), queue)
    }

    func testAFileOverTheFollowedLimitFailsAloneNamingTheLimit() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/small.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/huge.csv", "step,loss\n" + String(repeating: "1,0.5\n", count: 100))
        writeFile(dir + "/whole.json", "[" + String(repeating: "{\"a\": 1},", count: 50) + "{\"a\": 2}]")
        let (session, queue) = try session(dir) { $0.limits = ResourceLimits(followedBytes: 256) }
        session.renderAll()
        queue.shutdownAndJoin(mode: .finishQueued)
        XCTAssertEqual(WatchStatus.read(for: dir + "/small.png")?.ok, true)
        for name in ["huge.csv", "whole.json"] {
            let status = try XCTUnwrap(WatchStatus.read(for: dir + "/" + (name as NSString).deletingPathExtension + ".png"), name)
            XCTAssertFalse(status.ok)
            let error = status.error ?? ""
            XCTAssertTrue(error.contains(name + ": too large: "), error)
            XCTAssertTrue(error.contains("more than the limit of 256 bytes a watched file may have"), error)
        }
    }

    func testTheReadOptionsApplyToWatchedFiles() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/m.csv", "step|loss\n1|1.000,5\n2|?\n3|2.000,25\n")
        let (session, queue) = try session(dir) { options in
            options.renderOptions.read = CSVOptions(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."), missingValues: ["?"])
        }
        session.renderAll()
        queue.shutdownAndJoin(mode: .finishQueued)
        let status = try XCTUnwrap(WatchStatus.read(for: dir + "/m.png"))
        XCTAssertTrue(status.ok, status.error ?? "")
        XCTAssertEqual(status.rows, 3)
        XCTAssertEqual(status.warningCount, 0, "1.000,5 is a number and ? is missing: \(status.warnings)")
    }

    func testAHugeSidecarIsNotReadAndTheWarningNamesItAndTheLimit() throws {
        let dir = temporaryFolder()
        let sidecar = dir + "/f.png.json"
        FileManager.default.createFile(atPath: sidecar, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: sidecar))
        try handle.truncate(atOffset: UInt64(ResourceLimits.standard.sidecarBytes + 1))
        try handle.close()
        var problems: [String] = []
        XCTAssertNil(WatchStatus.read(for: dir + "/f.png", problem: { problems.append($0) }))
        XCTAssertEqual(problems, ["\(sidecar): 65537 bytes, more than the limit of 64 KiB a sidecar may have; not read (see \"Limits\" in docs/figure-spec.md)"])
    }

    func testWatchTakesTheReadFlags() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/m.csv", "step,loss\n1,0.5\n2,n/a?\n3,0.25\n")
        let (p, _, err) = try PlotlineBinary.launch(["watch", dir, "--once", "--quiet", "--na-values", "n/a?,none"])
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, stderr)
        XCTAssertEqual(WatchStatus.read(for: dir + "/m.png")?.warningCount, 0)
        let (bad, _, badErr) = try PlotlineBinary.launch(["watch", dir, "--once", "--decimal", ";"])
        let message = String(decoding: badErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bad.waitUntilExit()
        XCTAssertEqual(bad.terminationStatus, 64)
        XCTAssertTrue(message.contains("--decimal must be \".\" or \",\", not ;."), message)
    }
}
