import Foundation
import PNG
import Service
import Synchronization
import XCTest

/// The service under the load a notebook puts on it: a reader polling a PNG while it is
/// re-rendered, a burst of appends, a file deleted while renders are in flight.
final class WatchReliabilityTests: XCTestCase {
    /// A spec drawing `data.csv` small (320×200), so decoding 10,000 reads stays cheap.
    func writeSmallSpec(_ dir: String) {
        writeFile(dir + "/live.plot.json", """
            {"version": 1, "size": "320x200", "data": {"m": "data.csv"},
             "panels": [{"series": [{"data": "m", "x": "step", "y": "loss"}]}]}
            """)
    }

    func testAPollerNeverReadsATruncatedPNGWhileItIsRerendered() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/data.csv", "step,loss\n0,1\n")
        writeSmallSpec(dir)
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let output = dir + "/live.png"
        XCTAssertNotNil(rig.waitFor(output) { $0.ok })

        // A writer appends a row every 70 ms (longer than the rig's 50 ms quiet period) until the
        // poller is done, so a render lands about every 100 ms while the file is being polled.
        let done = Atomic<Bool>(false)
        let writer = Thread {
            var step = 1
            while !done.load(ordering: .relaxed) {
                appendFile(dir + "/data.csv", "\(step),\(1.0 / Double(step + 1))\n")
                step += 1
                usleep(70_000)
            }
        }
        writer.start()
        defer { done.store(true, ordering: .relaxed) }

        var hashes: Set<Int> = []
        var failures: [String] = []
        for poll in 0..<10_000 {
            guard let data = FileManager.default.contents(atPath: output) else {
                failures.append("poll \(poll): the PNG was missing"); continue
            }
            do {
                let image = try PNG.decode([UInt8](data))
                if image.width != 320 || image.height != 200 { failures.append("poll \(poll): \(image.width)×\(image.height)") }
            } catch {
                failures.append("poll \(poll): \(data.count) bytes did not decode: \(error)")
            }
            hashes.insert(data.hashValue)
        }
        done.store(true, ordering: .relaxed)
        XCTAssertEqual(failures.prefix(5), [], "\(failures.count) bad reads out of 10,000")
        XCTAssertGreaterThan(hashes.count, 5, "the figure was re-rendered while it was polled")
    }

    func testAThousandAppendsInOneSecondGiveFewRendersAndTheLastShowsEveryRow() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/fast.csv", "step,loss,acc\n")
        let rig = try WatchRig(root: dir, quiet: 0)  // as `plotline watch` runs: no watcher debounce
        defer { rig.stop() }
        let output = dir + "/fast.png"
        let start = Date()
        for step in 1...1_000 {
            appendFile(dir + "/fast.csv", "\(step),\(1.0 / Double(step)),\(Double(step) / 1000)\n")
            // Spread the thousand rows over about a second.
            let due = start.addingTimeInterval(Double(step) / 1000)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { usleep(UInt32(wait * 1e6)) }
        }
        let last = try XCTUnwrap(rig.waitFor(output, timeout: 5) { $0.rows == 1_000 }, "the last render shows all 1,000 rows")
        XCTAssertTrue(last.ok, last.error ?? "")
        XCTAssertEqual(last.hash, WatchStatus.contentHash(of: output))
        // `version` counts renders of this figure (good or bad): coalescing keeps it far below
        // the number of appends, yet the stream rendered more than once along the way.
        XCTAssertLessThan(last.version, 100, "1,000 appends must coalesce into far fewer renders")
        XCTAssertGreaterThanOrEqual(last.version, 2)
        XCTAssertEqual(rig.errors, [])
        XCTAssertNotNil(pngSize(output))
    }

    func testASteadyStreamIsRedrawnWhileItRunsNotOnlyWhenItPauses() throws {
        // An append every 10 ms never leaves a quiet period. The figure must still be redrawn
        // back to back while the stream runs (it used to wait for the 1 s maximum delay).
        let dir = temporaryFolder()
        writeFile(dir + "/stream.csv", "step,loss\n0,1\n")
        // Named like the data file, so it replaces the default figure: one figure to follow.
        writeFile(dir + "/stream.plot.json", """
            {"version": 1, "size": "320x200", "data": {"m": "stream.csv"},
             "panels": [{"series": [{"data": "m", "x": "step", "y": "loss"}]}]}
            """)
        let rig = try WatchRig(root: dir, quiet: 0)
        defer { rig.stop() }
        let output = dir + "/stream.png"
        let first = try XCTUnwrap(rig.waitFor(output, timeout: 10) { $0.ok })
        var versionsDuringStream: Set<Int> = []
        let end = Date().addingTimeInterval(2)
        var step = 1
        while Date() < end {
            appendFile(dir + "/stream.csv", "\(step),\(1.0 / Double(step + 1))\n")
            step += 1
            usleep(10_000)
            if let s = WatchStatus.read(for: output), s.version > first.version { versionsDuringStream.insert(s.version) }
        }
        XCTAssertGreaterThanOrEqual(versionsDuringStream.count, 3,
                                    "renders seen during a 2 s stream (slow under the thread sanitizer)")
        let last = try XCTUnwrap(rig.waitFor(output, timeout: 10) { $0.rows == step }, "the last render has every row")
        XCTAssertTrue(last.ok, last.error ?? "")
        XCTAssertLessThan(last.version - first.version, step, "appends during a render merge into the next render")
        XCTAssertEqual(rig.errors, [])
    }

    func testAFileDeletedWhileBeingRenderedLeavesNoCrashAndNoStaleStatus() throws {
        let dir = temporaryFolder()
        // Big enough that reading it takes a while, so the deletion lands during renders.
        var text = "step,a,b\n"
        for i in 0..<200_000 { text += "\(i),\(Double(i) * 0.5),\(i % 97)\n" }
        writeFile(dir + "/big.csv", text)
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let output = dir + "/big.png"
        XCTAssertNotNil(rig.waitFor(output, timeout: 20) { $0.ok && $0.rows == 200_000 })
        appendFile(dir + "/big.csv", "200000,1,1\n")
        usleep(60_000)
        try FileManager.default.removeItem(atPath: dir + "/big.csv")
        let gone = try XCTUnwrap(rig.waitFor(output, timeout: 20) { !$0.ok }, "the deletion is recorded")
        XCTAssertEqual(gone.error, InputDeleted(path: dir + "/big.csv").description)
        XCTAssertEqual(gone.hash, WatchStatus.contentHash(of: output), "the sidecar still describes the PNG on disk")
        XCTAssertNotNil(pngSize(output), "the last good PNG stays whole")

        writeFile(dir + "/big.csv", "step,a,b\n1,2,3\n2,3,4\n")
        let back = try XCTUnwrap(rig.waitFor(output, timeout: 20) { $0.ok }, "a re-created file renders again")
        XCTAssertEqual(back.rows, 2, "the new file is drawn, not the deleted one")
        XCTAssertGreaterThan(back.version, gone.version)
        XCTAssertEqual(rig.errors.filter { !$0.contains("was deleted") }, [], "no read error while the file went away")
    }
}
