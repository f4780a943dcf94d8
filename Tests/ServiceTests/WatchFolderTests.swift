import Foundation
import Service
import Synchronization
import XCTest

/// The batches a `FolderWatcher` delivered, in order, with their arrival times.
final class BatchLog: Sendable {
    let batches = Mutex<[(time: Date, paths: [String])]>([])

    func add(_ paths: [String]) { batches.withLock { $0.append((Date(), paths)) } }
    var all: [[String]] { batches.withLock { $0.map(\.paths) } }
    var paths: Set<String> { Set(all.joined()) }

    /// Waits up to `timeout` seconds for `path` to be delivered.
    func waitFor(_ path: String, timeout: Double = 3) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if paths.contains(path) { return true }
            usleep(10_000)
        }
        return false
    }
}

/// `FolderWatcher` alone: debouncing, the steady-stream guarantee, moved folders, polling.
final class WatchFolderTests: XCTestCase {
    func watcher(_ dir: String, poll: Bool = false, quiet: Double = 0.15, maximum: Double = 1, log: BatchLog) throws -> FolderWatcher {
        var options = FolderWatcher.Options()
        options.poll = poll
        options.pollInterval = 0.05
        options.quietPeriod = quiet
        options.maximumDelay = maximum
        return try FolderWatcher(root: dir, options: options) { log.add($0) }
    }

    func testAFileWrittenTheMomentInitReturnsIsSeen() throws {
        // init returns only once the watches exist (it used to return before, and a file
        // written within a millisecond was missed in about a third of the runs).
        for poll in [false, true] {
            for round in 0..<15 {
                let dir = temporaryFolder()
                try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
                let log = BatchLog()
                let w = try watcher(dir, poll: poll, quiet: 0.02, log: log)
                writeFile(dir + "/sub/now.csv", "a\n1\n")
                XCTAssertTrue(log.waitFor(dir + "/sub/now.csv", timeout: 2), "poll \(poll), round \(round)")
                w.stop()
            }
        }
    }

    func testABurstOfWritesIsOneBatch() throws {
        let dir = temporaryFolder()
        let log = BatchLog()
        let w = try watcher(dir, log: log)
        defer { w.stop() }
        for i in 0..<5 { writeFile(dir + "/f\(i).csv", "a\n\(i)\n") }
        XCTAssertTrue(log.waitFor(dir + "/f4.csv"))
        usleep(300_000)
        XCTAssertEqual(log.all.count, 1, "five quick writes within the quiet period: \(log.all)")
        XCTAssertEqual(log.all.first, (0..<5).map { dir + "/f\($0).csv" })
    }

    func testASteadyStreamStillDeliversEveryMaximumDelay() throws {
        let dir = temporaryFolder()
        let log = BatchLog()
        let w = try watcher(dir, quiet: 0.15, maximum: 0.3, log: log)
        defer { w.stop() }
        writeFile(dir + "/s.csv", "a\n")
        // An append every 40 ms never leaves a 150 ms quiet period; batches come from the 300 ms cap.
        let end = Date().addingTimeInterval(1.3)
        while Date() < end {
            appendFile(dir + "/s.csv", "1\n")
            usleep(40_000)
        }
        XCTAssertGreaterThanOrEqual(log.all.count, 3, "batches during a 1.3 s stream with a 0.3 s cap")
    }

    func testAnAppendIsReportedOnceNotForItsModifyAndAgainForItsClose() throws {
        // With no quiet period (as `plotline watch` runs) each report draws the figure, so the
        // IN_CLOSE_WRITE after an IN_MODIFY must not count as a second change.
        let dir = temporaryFolder()
        writeFile(dir + "/a.csv", "x\n")
        let log = BatchLog()
        let w = try watcher(dir, quiet: 0, log: log)
        defer { w.stop() }
        for i in 0..<10 {
            // Open, write, and close a little later: the watcher reads the IN_MODIFY on its own.
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: dir + "/a.csv"))
            handle.seekToEndOfFile()
            handle.write(Data("\(i)\n".utf8))
            usleep(30_000)
            handle.closeFile()
            usleep(30_000)
        }
        usleep(100_000)
        XCTAssertEqual(log.all.filter { $0.contains(dir + "/a.csv") }.count, 10, "\(log.all.count) batches")
        // A file written and closed in one go still counts once, and a close without a write counts.
        writeFile(dir + "/b.csv", "x\n1\n")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: dir + "/a.csv"))
        handle.closeFile()
        XCTAssertTrue(log.waitFor(dir + "/b.csv"))
        usleep(100_000)
        XCTAssertEqual(log.all.filter { $0.contains(dir + "/a.csv") }.count, 11, "a close without a write is reported")
    }

    func testAMovedFolderIsWatchedUnderItsNewName() throws {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/a/inner", withIntermediateDirectories: true)
        let log = BatchLog()
        let w = try watcher(dir, quiet: 0.05, log: log)
        defer { w.stop() }
        XCTAssertEqual(rename(dir + "/a", dir + "/b"), 0)
        usleep(100_000)
        writeFile(dir + "/b/inner/new.csv", "a\n1\n")
        XCTAssertTrue(log.waitFor(dir + "/b/inner/new.csv"), "\(log.all)")
        XCTAssertFalse(log.paths.contains(dir + "/a/inner/new.csv"), "no stale folder names")
    }

    func testHiddenFilesAreLeftOut() throws {
        let dir = temporaryFolder()
        let log = BatchLog()
        let w = try watcher(dir, quiet: 0.05, log: log)
        defer { w.stop() }
        writeFile(dir + "/.hidden.csv", "a\n")
        writeFile(dir + "/shown.csv", "a\n")
        XCTAssertTrue(log.waitFor(dir + "/shown.csv"))
        XCTAssertFalse(log.paths.contains(dir + "/.hidden.csv"))
        XCTAssertEqual(FolderWatcher.files(under: dir), [dir + "/shown.csv"])
    }

    func testPollingReportsChangesAndDeletions() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/old.csv", "a\n")
        let log = BatchLog()
        let w = try watcher(dir, poll: true, quiet: 0.05, log: log)
        defer { w.stop() }
        XCTAssertTrue(w.usesPolling)
        usleep(100_000)
        XCTAssertEqual(log.all.count, 0, "files present at start are not changes")
        try FileManager.default.removeItem(atPath: dir + "/old.csv")
        writeFile(dir + "/new.csv", "a\n")
        XCTAssertTrue(log.waitFor(dir + "/new.csv"))
        XCTAssertTrue(log.waitFor(dir + "/old.csv"), "a deleted file is reported as changed")
    }

    func testStopIsPromptAndRepeatable() throws {
        let dir = temporaryFolder()
        let w = try watcher(dir, log: BatchLog())
        let start = Date()
        w.stop()
        w.stop()
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }
}
