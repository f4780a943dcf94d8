import Foundation
import Table
import TestSupport
import XCTest

/// A followed file stops being read at `ResourceLimits.followedBytes` (issue 12): a file that
/// grows forever used to grow the watcher's memory without bound.
final class FollowedBytesLimitTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "plotline-follow-limit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    private var small: ResourceLimits { ResourceLimits(followedBytes: 64) }

    func testTheDefaultLimitIsDocumented() throws {
        XCTAssertEqual(ResourceLimits.standard.followedBytes, 512 << 20)
        XCTAssertEqual(ResourceLimits.standard.sidecarBytes, 64 << 10)
        let docs = try String(contentsOfFile: packageRoot() + "/docs/figure-spec.md", encoding: .utf8)
        XCTAssertTrue(docs.contains("512 MiB"), "docs/figure-spec.md lists the followed-bytes limit")
        XCTAssertTrue(docs.contains("64 KiB"), "docs/figure-spec.md lists the sidecar limit")
    }

    func testAFileGrowingPastTheLimitIsAnErrorNamingItAndTheLimit() throws {
        let path = folder + "/grows.csv"
        try "step,loss\n1,0.5\n".write(toFile: path, atomically: false, encoding: .utf8)
        var reader = IncrementalTableReader(path: path, limits: small)
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: "2,0.25\n", count: 20).utf8))
        handle.closeFile()
        let message = errorText { try reader.refresh(path: path) }
        XCTAssertTrue(message.hasPrefix(path + ": too large: 156 bytes, more than the limit of 64 bytes a watched file may have"), message)
        XCTAssertTrue(message.contains("\"Limits\" in docs/figure-spec.md"), message)
        XCTAssertEqual(reader.table.rowCount, 1, "nothing past the limit was read")
    }

    func testAppendedBytesCountTowardsTheLimit() throws {
        var reader = IncrementalTableReader(source: "s.jsonl", format: .jsonLines, limits: small)
        XCTAssertEqual(try reader.append(Array("{\"step\": 1, \"loss\": 2.0}\n".utf8)), 1)
        let message = errorText { try reader.append(Array(String(repeating: "{\"step\": 2}\n", count: 4).utf8)) }
        XCTAssertTrue(message.contains("too large: 73 bytes, more than the limit of 64 bytes"), message)
    }

    func testAWholeReadThroughADescriptorIsRefusedBeforeReading() throws {
        let path = folder + "/big.json"
        try String(repeating: "[1, 2, 3]", count: 20).write(toFile: path, atomically: false, encoding: .utf8)
        let fd = open(path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let message = errorText { try TableReader.read(fileDescriptor: fd, source: path, limits: small) }
        XCTAssertTrue(message.hasPrefix(path + ": too large: 180 bytes, more than the limit of 64 bytes"), message)
    }

    func testAnEventFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let file = folder + "/events.out.tfevents.1.host"
        _ = FileManager.default.createFile(atPath: file, contents: Data(repeating: 7, count: 100))
        var follower = RunLogFollower(source: .events(folder), limits: small)
        let message = errorText { try follower.refresh() }
        XCTAssertTrue(message.hasPrefix(file + ": too large: 100 bytes, more than the limit of 64 bytes"), message)
    }

    func testAnMLflowMetricFileGrowingPastTheLimitIsRefusedBeforeItIsRead() throws {
        let experiment = folder + "/mlruns/0", run = experiment + "/r1"
        try FileManager.default.createDirectory(atPath: run + "/metrics/train", withIntermediateDirectories: true)
        try "name: exp\n".write(toFile: experiment + "/meta.yaml", atomically: false, encoding: .utf8)
        try "run_name: r1\n".write(toFile: run + "/meta.yaml", atomically: false, encoding: .utf8)
        let metric = run + "/metrics/train/loss"
        try "1700000000000 0.5 1\n".write(toFile: metric, atomically: false, encoding: .utf8)
        var follower = RunLogFollower(source: .mlflowExperiment(experiment), limits: small)
        XCTAssertEqual(try follower.refresh().first?.table.rowCount, 1)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: metric))
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: "1700000000001 0.25 2\n", count: 3).utf8))
        handle.closeFile()
        let message = errorText { try follower.refresh() }
        XCTAssertTrue(message.hasPrefix(metric + ": too large: 83 bytes, more than the limit of 64 bytes a watched file may have"), message)
        XCTAssertTrue(message.contains("\"Limits\" in docs/figure-spec.md"), message)
        // The same wording as a TensorBoard event file's and a table's (one rule: ResourceLimits.checkFollowed).
        let events = folder + "/events.out.tfevents.1.host"
        _ = FileManager.default.createFile(atPath: events, contents: Data(repeating: 7, count: 83))
        var tensorboard = RunLogFollower(source: .events(folder), limits: small)
        let eventMessage = errorText { try tensorboard.refresh() }
        XCTAssertEqual(eventMessage.replacingOccurrences(of: events, with: "FILE"), message.replacingOccurrences(of: metric, with: "FILE"))
    }

    /// An MLflow run with one metric point, under `folder/mlruns/0/r1`; returns the run folder.
    private func mlflowRun() throws -> (experiment: String, run: String) {
        let experiment = folder + "/mlruns/0", run = experiment + "/r1"
        try FileManager.default.createDirectory(atPath: run + "/metrics", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: run + "/params", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: run + "/tags", withIntermediateDirectories: true)
        try "name: exp\n".write(toFile: experiment + "/meta.yaml", atomically: false, encoding: .utf8)
        try "run_name: r1\n".write(toFile: run + "/meta.yaml", atomically: false, encoding: .utf8)
        try "1700000000000 0.5 1\n".write(toFile: run + "/metrics/loss", atomically: false, encoding: .utf8)
        try "0.1\n".write(toFile: run + "/params/lr", atomically: false, encoding: .utf8)
        return (experiment, run)
    }

    func testMLflowParamsAndTagsFilesOverTheLimitAreRefusedBeforeTheyAreRead() throws {
        let (experiment, run) = try mlflowRun()
        var follower = RunLogFollower(source: .mlflowExperiment(experiment), limits: small)
        XCTAssertEqual(try follower.refresh().first?.params["lr"], "0.1")
        // A params file that grew past the limit: the same error as a metric file's.
        let param = run + "/params/lr"
        try String(repeating: "9", count: 100).write(toFile: param, atomically: false, encoding: .utf8)
        let message = errorText { try follower.refresh() }
        XCTAssertTrue(message.hasPrefix(param + ": too large: 100 bytes, more than the limit of 64 bytes a watched file may have"), message)
        XCTAssertTrue(message.contains("\"Limits\" in docs/figure-spec.md"), message)
        try "0.2\n".write(toFile: param, atomically: false, encoding: .utf8)
        XCTAssertEqual(try follower.refresh().first?.params["lr"], "0.2", "back under the limit, the run is read again")
        // A tag (the run's name) and meta.yaml too.
        let tag = run + "/tags/mlflow.runName"
        try String(repeating: "n", count: 65).write(toFile: tag, atomically: false, encoding: .utf8)
        XCTAssertTrue(errorText { try follower.refresh() }.hasPrefix(tag + ": too large: 65 bytes, more than the limit of 64 bytes"))
        try FileManager.default.removeItem(atPath: tag)
        let meta = run + "/meta.yaml"
        try ("run_name: r1\n" + String(repeating: "#", count: 80)).write(toFile: meta, atomically: false, encoding: .utf8)
        XCTAssertTrue(errorText { try follower.refresh() }.hasPrefix(meta + ": too large: 93 bytes, more than the limit of 64 bytes"))
    }
}
