import Foundation
import Service
import TestSupport
import XCTest

/// `watch` on training logs that are not tables: a TensorBoard run folder written record by
/// record, an MLflow experiment written line by line, and inputs with nothing to draw yet.
final class WatchRunLogTests: XCTestCase {
    let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"

    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-watch-logs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The bytes of run_a's event file, and the offset of the record that starts its second half.
    func eventBytes() throws -> (bytes: [UInt8], half: Int) {
        let folder = fixtures + "/tb/logs/run_a"
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains("tfevents") })
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        var offsets: [Int] = []
        var at = 0
        while at + 12 <= bytes.count {
            var length = 0
            for k in 0..<8 { length |= Int(bytes[at + k]) << (8 * k) }
            offsets.append(at)
            at += 16 + length
        }
        return (bytes, offsets[offsets.count / 2])
    }

    func testATensorBoardRunIsFollowedAsRecordsAreAppended() throws {
        let dir = try scratch()
        let run = dir + "/logs/run1"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        let (bytes, half) = try eventBytes()
        let file = run + "/events.out.tfevents.1700000000.host.1.0"
        FileManager.default.createFile(atPath: file, contents: Data(bytes[..<(half + 5)]))  // ends mid-record
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(dir + "/logs/run1.png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertGreaterThan(first.rows, 10)
        XCTAssertLessThan(first.rows, 50)
        XCTAssertEqual(first.input, run)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data(bytes[(half + 5)...]))
        try handle.close()
        let second = try XCTUnwrap(rig.waitFor(dir + "/logs/run1.png") { $0.rows == 50 }, rig.errors.joined(separator: "\n"))
        XCTAssertTrue(second.ok)
        XCTAssertNotNil(pngSize(dir + "/logs/run1.png"))
        // The fixture's histogram and text summaries are a read note, logged once as a warning.
        XCTAssertEqual(rig.errors.filter { !$0.hasPrefix("warning:") }, [])
        XCTAssertEqual(rig.errors.filter { $0.contains("skipped (not scalars)") }.count, 1, "\(rig.errors)")
    }

    func testAnEventFileWithoutScalarsYetIsWaitingForDataNotAnError() throws {
        let dir = try scratch()
        try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
        let file = dir + "/run/events.out.tfevents.1700000000.host.2.0"
        FileManager.default.createFile(atPath: file, contents: Data())
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let waiting = try XCTUnwrap(rig.waitFor(dir + "/run.png") { $0.waiting != nil })
        XCTAssertFalse(waiting.ok)
        XCTAssertNil(waiting.error)
        XCTAssertTrue(waiting.waiting?.contains("no records") ?? false, waiting.waiting ?? "")
        XCTAssertEqual(rig.session.failures, 0, "waiting is not a failed figure")
        let (bytes, _) = try eventBytes()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        handle.write(Data(bytes))
        try handle.close()
        let drawn = try XCTUnwrap(rig.waitFor(dir + "/run.png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertNil(drawn.waiting)
        XCTAssertEqual(drawn.rows, 50)
    }

    func testACSVHeaderWithoutRowsIsWaitingForData() throws {
        let dir = try scratch()
        writeFile(dir + "/m.csv", "step,loss\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let waiting = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.waiting != nil })
        XCTAssertEqual(waiting.waiting, "\(dir)/m.csv: no rows under the header ('step', 'loss')")
        appendFile(dir + "/m.csv", "1,2.5\n2,2.0\n")
        XCTAssertNotNil(rig.waitFor(dir + "/m.png") { $0.ok && $0.rows == 2 }, rig.errors.joined(separator: "\n"))
    }

    func testAnMLflowExperimentIsFollowedAsMetricsAreLogged() throws {
        let dir = try scratch()
        let experiment = dir + "/mlruns/0"
        for (id, name) in [("r1", "baseline"), ("r2", "wide")] {
            let run = experiment + "/" + id
            try FileManager.default.createDirectory(atPath: run + "/metrics", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: run + "/tags", withIntermediateDirectories: true)
            writeFile(run + "/meta.yaml", "run_id: \(id)\nlifecycle_stage: active\n")
            writeFile(run + "/tags/mlflow.runName", name)
            writeFile(run + "/metrics/loss", "1700000000000 2.0 0\n1700000001000 1.5 1\n")
        }
        writeFile(experiment + "/meta.yaml", "experiment_id: '0'\nname: Default\n")
        let rig = try WatchRig(root: dir + "/mlruns")
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(experiment + ".png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertEqual(first.rows, 2)
        appendFile(experiment + "/r2/metrics/loss", "1700000002000 1.1 2\n1700000003000 0.9 3\n")
        XCTAssertNotNil(rig.waitFor(experiment + ".png") { $0.rows == 4 }, rig.errors.joined(separator: "\n"))
        XCTAssertEqual(rig.errors, [])
    }
}
