#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Service
import XCTest

/// The inotify loop's handling of a queue overflow, driven directly (the kernel's queue limit
/// cannot be lowered without root).
final class WatchOverflowTests: XCTestCase {
    func testAnOverflowRewatchesEveryFolderAndReportsOnlyWhatChanged() throws {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/a/b", withIntermediateDirectories: true)
        writeFile(dir + "/top.csv", "x\n1\n")
        writeFile(dir + "/a/b/deep.csv", "x\n1\n")
        for i in 0..<50 { writeFile(dir + "/gone\(i).csv", "x\n\(i)\n") }
        let messages = ErrorLines()
        var loop = WatchLoop(root: dir, options: FolderWatcher.Options(), wakeFD: -1, state: Locked(FolderWatcher.State()),
                             onMessage: { line in messages.lines.withLock { $0.append(line) } }, onBatch: { _ in })
        loop.inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        try XCTSkipIf(loop.inotifyFD < 0, "no inotify here")
        defer { close(loop.inotifyFD) }
        XCTAssertNil(loop.addWatches(under: dir, reportFiles: false))
        loop.takeSnapshot()
        XCTAssertEqual(Set(loop.folders.values), [dir, dir + "/a", dir + "/a/b"])
        XCTAssertTrue(loop.pending.isEmpty, "files present at start are not changes")
        // Events were lost meanwhile: a new folder and file appeared, 50 files were deleted and
        // one changed, unseen.
        try FileManager.default.createDirectory(atPath: dir + "/c", withIntermediateDirectories: true)
        writeFile(dir + "/c/new.csv", "x\n1\n")
        for i in 0..<50 { try FileManager.default.removeItem(atPath: dir + "/gone\(i).csv") }
        writeFile(dir + "/a/b/deep.csv", "x\n1\n2\n")
        XCTAssertTrue(loop.handle(wd: -1, mask: UInt32(IN_Q_OVERFLOW), name: ""))
        XCTAssertEqual(Set(loop.folders.values), [dir, dir + "/a", dir + "/a/b", dir + "/c"])
        let deletions = Set((0..<50).map { dir + "/gone\($0).csv" })
        XCTAssertEqual(loop.pending, deletions.union([dir + "/a/b/deep.csv", dir + "/c/new.csv"]),
                       "50 of 50 deletions, the changed and the new file; not the unchanged top.csv")
        XCTAssertFalse(loop.state.withLock { $0.usesPolling })
        let lines = messages.lines.withLock { $0 }
        XCTAssertTrue(lines.contains { $0.contains("overflowed") }, "the overflow is logged: \(lines)")
        XCTAssertTrue(lines.contains { $0.contains("2 new or changed, 50 deleted") }, "\(lines)")
    }

    func testAFolderMovedOutReportsItsFilesAsGone() throws {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        writeFile(dir + "/sub/a.csv", "x\n1\n")
        var loop = WatchLoop(root: dir, options: FolderWatcher.Options(), wakeFD: -1, state: Locked(FolderWatcher.State()),
                             onMessage: { _ in }, onBatch: { _ in })
        loop.inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        try XCTSkipIf(loop.inotifyFD < 0, "no inotify here")
        defer { close(loop.inotifyFD) }
        XCTAssertNil(loop.addWatches(under: dir, reportFiles: false))
        loop.takeSnapshot()
        let rootWatch = try XCTUnwrap(loop.folders.first { $0.value == dir }?.key)
        XCTAssertTrue(loop.handle(wd: rootWatch, mask: UInt32(IN_MOVED_FROM) | UInt32(IN_ISDIR), name: "sub"))
        XCTAssertEqual(loop.pending, [dir + "/sub/a.csv"])
    }
}
