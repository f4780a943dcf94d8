import Foundation
@testable import Service
import Synchronization
import XCTest

/// What a watch session tells `onStatus` (the `--serve` page's figure list) when files are
/// deleted by hand while a render finishes: the figure's last word must be the last call.
final class WatchStatusPublicationTests: XCTestCase {
    /// Every `onStatus` call in order: the output's last path component and the status's
    /// version, or nil for "gone".
    final class Calls: Sendable {
        let list = Mutex<[(String, UInt64?)]>([])
        var last: [String: UInt64?] {
            list.withLock { calls in
                var last: [String: UInt64?] = [:]
                for (name, version) in calls { last[name] = .some(version) }
                return last
            }
        }
    }

    /// `rm d.csv d.png d.png.json` where the render that records the input's deletion has
    /// written its sidecar and checked that the PNG is still there, and the watcher handles the
    /// PNG's removal before that render publishes: the figure must stay gone. (The CI run of
    /// 48fdb32 caught this in BrowserPageTests: a deleted figure's card came back.)
    func testAFigureDeletedWhileItsLastStatusIsPublishedStaysGone() async throws {
        let dir = temporaryFolder()
        writeFile(dir + "/d.csv", "x,y\n1,1\n2,2\n3,3\n")
        let calls = Calls()
        let session = Mutex<WatchSession?>(nil)
        let deletedByHand = Atomic<Bool>(false)
        let queue = try RenderQueue()
        var options = WatchSession.Options()
        options.log = { _ in }
        options.logError = { _ in }
        options.onStatus = { output, status in
            calls.list.withLock { $0.append((URL(fileURLWithPath: output).lastPathComponent, status.map { UInt64($0.version) })) }
        }
        options.beforePublishing = { output in
            // The render recording the deletion, past its last check: the user's `rm` of the
            // PNG and sidecar lands now, and the watcher hands the removals over at once.
            guard !FileManager.default.fileExists(atPath: dir + "/d.csv"),
                  !deletedByHand.exchange(true, ordering: .relaxed) else { return }
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: output + ".json")
            session.withLock { $0 }?.handle([output, output + ".json"], merge: false)
        }
        let watch = WatchSession(root: dir, queue: queue, options: options)
        session.withLock { $0 = watch }
        watch.renderAll()
        let published = await eventually { calls.last["d.png"] == .some(1) }
        XCTAssertTrue(published, "the first render is published")

        try FileManager.default.removeItem(atPath: dir + "/d.csv")
        watch.handle([dir + "/d.csv"], merge: false)
        let reached = await eventually { deletedByHand.load(ordering: .relaxed) }
        XCTAssertTrue(reached, "the deletion's render reached the seam")
        // One render thread, completions run on it in order: once a later job is written, the
        // deletion's render has published whatever it was going to publish.
        _ = try await queue.render(stateJob(dir + "/sentinel.png", "after"))
        XCTAssertEqual(calls.last["d.png"], .some(nil), "the figure's last word is 'gone': \(calls.list.withLock { $0 })")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/d.png.json"), "no sidecar brings the card back")
        await queue.shutdown()
    }

    /// Polls `condition` every 10 ms for up to 5 s.
    func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return condition()
    }
}
