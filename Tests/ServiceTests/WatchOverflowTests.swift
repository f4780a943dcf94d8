#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Service
import XCTest

/// The inotify loop's handling of a queue overflow, driven directly (the kernel's queue limit
/// cannot be lowered without root).
final class WatchOverflowTests: XCTestCase {
    func testAnOverflowRewatchesEveryFolderAndReportsEveryFile() throws {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/a/b", withIntermediateDirectories: true)
        writeFile(dir + "/top.csv", "x\n1\n")
        writeFile(dir + "/a/b/deep.csv", "x\n1\n")
        var loop = WatchLoop(root: dir, options: FolderWatcher.Options(), wakeFD: -1, state: Locked(FolderWatcher.State()),
                             onMessage: { _ in }, onBatch: { _ in })
        loop.inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        try XCTSkipIf(loop.inotifyFD < 0, "no inotify here")
        defer { close(loop.inotifyFD) }
        XCTAssertNil(loop.addWatches(under: dir, reportFiles: false))
        XCTAssertEqual(Set(loop.folders.values), [dir, dir + "/a", dir + "/a/b"])
        XCTAssertTrue(loop.pending.isEmpty, "files present at start are not changes")
        // Events were lost meanwhile: a new folder and file appeared unseen.
        try FileManager.default.createDirectory(atPath: dir + "/c", withIntermediateDirectories: true)
        writeFile(dir + "/c/new.csv", "x\n1\n")
        XCTAssertTrue(loop.handle(wd: -1, mask: UInt32(IN_Q_OVERFLOW), name: ""))
        XCTAssertEqual(Set(loop.folders.values), [dir, dir + "/a", dir + "/a/b", dir + "/c"])
        XCTAssertEqual(loop.pending, [dir + "/top.csv", dir + "/a/b/deep.csv", dir + "/c/new.csv"])
        XCTAssertFalse(loop.state.withLock { $0.usesPolling })
    }
}
