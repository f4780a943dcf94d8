import Foundation
import RunLogs
import Table
import XCTest

/// MLflow's file store, as mlflow-skinny writes it, followed incrementally.
final class MLflowRunTests: XCTestCase {
    func testReadsRunsOfTheStoreMLflowWrote() throws {
        let experiment = Fixtures.mlruns + "/0"
        XCTAssertTrue(MLflowRun.isExperiment(experiment))
        let folders = MLflowRun.runs(inExperiment: experiment)
        XCTAssertEqual(folders.count, 2)
        var byName: [String: MLflowRun] = [:]
        for folder in folders {
            var run = MLflowRun(path: folder)
            XCTAssertTrue(try run.refresh())
            byName[run.name] = run
        }
        XCTAssertEqual(Set(byName.keys), ["baseline", "low-lr"])
        let base = try XCTUnwrap(byName["baseline"])
        XCTAssertEqual(base.params, ["lr": "0.1", "seed": "1"])
        let loss = try XCTUnwrap(base.log.series.first { $0.tag == "loss" })
        XCTAssertEqual(loss.steps, Array(0..<20))
        XCTAssertEqual(loss.values[0], 1.55)
        XCTAssertEqual(loss.wallTimes[1], 1_700_000_001)
        let val = try XCTUnwrap(base.log.series.first { $0.tag == "val_loss" })
        XCTAssertEqual(val.steps, [3, 7, 11, 15, 19])
    }

    func testFollowsAppendedLinesAndWaitsForAPartialOne() throws {
        let run = try Fixtures.scratch()
        try FileManager.default.createDirectory(atPath: run + "/metrics/train", withIntermediateDirectories: true)
        try "run_id: x\n".write(toFile: run + "/meta.yaml", atomically: true, encoding: .utf8)
        let file = run + "/metrics/train/loss"
        try "1700000000000 2.5 0\n1700000001000 2.0 1\n1700000002".write(toFile: file, atomically: true, encoding: .utf8)
        var r = MLflowRun(path: run)
        XCTAssertTrue(try r.refresh())
        XCTAssertEqual(r.name, (run as NSString).lastPathComponent, "no runName tag: the folder name")
        XCTAssertEqual(r.log.series.map(\.tag), ["train/loss"], "a key with a slash is a sub-path")
        XCTAssertEqual(r.log.series[0].values, [2.5, 2.0])
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        h.seekToEndOfFile()
        h.write(Data("000 1.5 2\n".utf8))
        try h.close()
        XCTAssertTrue(try r.refresh())
        XCTAssertEqual(r.log.series[0].values, [2.5, 2.0, 1.5])
        XCTAssertEqual(r.log.series[0].steps, [0, 1, 2])
        XCTAssertFalse(try r.refresh())
    }

    func testABadLineNamesTheFileAndLine() throws {
        let run = try Fixtures.scratch()
        try FileManager.default.createDirectory(atPath: run + "/metrics", withIntermediateDirectories: true)
        try "1700000000000 2.5 0\n1700000001000 abc 1\n".write(toFile: run + "/metrics/loss", atomically: true, encoding: .utf8)
        var r = MLflowRun(path: run)
        XCTAssertThrowsError(try r.refresh()) { error in
            XCTAssertEqual("\(error)", "\(run)/metrics/loss:2: expected 'timestamp value step' (numbers), found '1700000001000 abc 1'")
        }
    }

    func testTextFilesAreReadAtMostToTheirLimit() throws {
        // The cap holds at read time (a params file that grew between watch's size check and the read).
        let run = try Fixtures.scratch()
        try FileManager.default.createDirectory(atPath: run + "/metrics", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: run + "/params", withIntermediateDirectories: true)
        try "run_name: r1\n".write(toFile: run + "/meta.yaml", atomically: true, encoding: .utf8)
        try "1700000000000 0.5 1\n".write(toFile: run + "/metrics/loss", atomically: true, encoding: .utf8)
        try String(repeating: "9", count: 100).write(toFile: run + "/params/lr", atomically: true, encoding: .utf8)
        var capped = MLflowRun(path: run, textFileLimit: 64)
        XCTAssertEqual(capped.textFiles(), [run + "/meta.yaml", run + "/params/lr"])
        XCTAssertThrowsError(try capped.refresh()) { error in
            XCTAssertTrue("\(error)".hasPrefix(run + "/params/lr: more than the limit of 64 bytes"), "\(error)")
        }
        var unlimited = MLflowRun(path: run)
        XCTAssertNoThrow(try unlimited.refresh(), "render reads what it is given")
        XCTAssertEqual(unlimited.params["lr"]?.count, 100)
        XCTAssertEqual(unlimited.name, "r1")
    }

    func testALineQuotedFromAMetricFileIsEscaped() throws {
        // A metric line with a terminal escape used to reach the terminal and the sidecar raw.
        let run = try Fixtures.scratch()
        try FileManager.default.createDirectory(atPath: run + "/metrics", withIntermediateDirectories: true)
        try "run_name: r\n".write(toFile: run + "/meta.yaml", atomically: true, encoding: .utf8)
        try "1700000000000 0.5 1\n17000 \u{1B}[2Jbad\u{07} 2\n".write(toFile: run + "/metrics/loss", atomically: true, encoding: .utf8)
        var r = MLflowRun(path: run)
        XCTAssertThrowsError(try r.refresh()) { error in
            let message = RunLogTables.dataError(error as! RunLogError).description
            XCTAssertEqual(message, run + "/metrics/loss:2: expected 'timestamp value step' (numbers), found '17000 \\x1B[2Jbad\\x07 2'")
        }
    }
}
