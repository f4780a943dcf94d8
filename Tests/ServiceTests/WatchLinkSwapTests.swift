import Foundation
@testable import Service
import XCTest

/// What the render thread reads is opened below the watched root through no link, right before
/// reading (issue 12): a folder swapped for a link to elsewhere after the event is not followed,
/// for a data file or for a spec (a spec used to be read by name).
final class WatchLinkSwapTests: XCTestCase {
    func testAFolderSwappedForALinkIsNotReadThrough() throws {
        let base = temporaryFolder()
        let dir = base + "/root", outside = base + "/outside"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        writeFile(outside + "/o.csv", "x,y\n1,2\n2,3\n")
        writeFile(outside + "/f.plot.json", #"{"version": 1, "data": {"d": "o.csv"}, "panels": [{"series": [{"x": "x", "y": "y"}]}]}"#)
        // The event named root/sub/...; by the time the render thread reads, sub is a link out.
        try FileManager.default.createSymbolicLink(atPath: dir + "/sub", withDestinationPath: outside)
        var options = WatchSession.Options()
        options.log = { _ in }
        options.logError = { _ in }
        let queue = try RenderQueue()
        defer { queue.shutdownAndJoin(mode: .finishQueued) }
        let session = WatchSession(root: dir, queue: queue, options: options)
        XCTAssertThrowsError(try session.specFigure(dir + "/sub/f.plot.json")) { XCTAssertTrue($0 is InputDeleted, "\($0)") }
        XCTAssertThrowsError(try session.dataFigure(dir + "/sub/o.csv")) { XCTAssertTrue($0 is InputDeleted, "\($0)") }
        // A real folder reads as before.
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        writeFile(dir + "/real/o.csv", "x,y\n1,2\n2,3\n")
        writeFile(dir + "/real/f.plot.json", #"{"version": 1, "data": {"d": "o.csv"}, "panels": [{"series": [{"x": "x", "y": "y"}]}]}"#)
        XCTAssertEqual(try session.specFigure(dir + "/real/f.plot.json").rows, 2)
        XCTAssertEqual(try session.dataFigure(dir + "/real/o.csv").rows, 2)
    }
}
