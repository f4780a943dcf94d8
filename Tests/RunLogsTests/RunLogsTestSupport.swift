import Foundation
import TestSupport

/// Paths and scratch folders shared by the RunLogs tests.
enum Fixtures {
    /// `Tests/RunLogsTests/Fixtures`.
    static var root: String { packageRoot() + "/Tests/RunLogsTests/Fixtures" }
    /// The tensorboardX log directory (run_a, run_b in two files, images_only).
    static var logs: String { root + "/tb/logs" }
    /// The Keras-style log directory (train, validation) with TF2 tensor scalars.
    static var keras: String { root + "/tb/keras" }
    /// The MLflow store made by mlflow-skinny.
    static var mlruns: String { root + "/mlruns" }

    /// The single event file of a run folder.
    static func eventFile(_ run: String, in logdir: String = logs) -> String {
        let folder = logdir + "/" + run
        let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted().first { $0.contains("tfevents") } ?? ""
        return folder + "/" + name
    }

    /// A new empty folder under the temporary directory.
    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-runlogs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The byte offsets at which the records of a TFRecord file start.
    static func recordOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var at = 0
        while at + 12 <= bytes.count {
            var length = 0
            for k in 0..<8 { length |= Int(bytes[at + k]) << (8 * k) }
            guard at + 16 + length <= bytes.count else { break }
            offsets.append(at)
            at += 16 + length
        }
        return offsets
    }
}
