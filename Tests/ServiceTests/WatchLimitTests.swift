import Foundation
import Service
import XCTest

/// One hostile spec in a watched folder fails alone (issue 12, item 1): a heat map over 100k
/// distinct x and y values used to allocate 80 GB and take every figure down with it. 20k
/// values here (3.2 GB on the old code) keep the test quick under the thread sanitizer.
final class WatchLimitTests: XCTestCase {
    func testHeatmapBombFailsAloneWithAClearStatus() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/good.csv", "step,loss\n1,0.9\n2,0.7\n")
        var cells = "x,y,v\n"
        for i in 0..<20_000 { cells += "\(i),\(i),1\n" }
        writeFile(dir + "/cells.csv", cells)
        writeFile(dir + "/heat.plot.json", """
            {"version": 1, "data": {"d": "cells.csv"},
             "panels": [{"series": [{"kind": "heatmap", "x": "x", "y": "y", "value": "v"}]}]}
            """)
        let queue = try RenderQueue()
        var options = WatchSession.Options()
        options.log = { _ in }
        options.logError = { _ in }
        let session = WatchSession(root: dir, queue: queue, options: options)
        session.renderAll()
        queue.shutdownAndJoin(mode: .finishQueued)
        let heat = try XCTUnwrap(WatchStatus.read(for: dir + "/heat.png"))
        XCTAssertFalse(heat.ok)
        XCTAssertTrue(heat.error?.contains("too large: 20000 distinct values in \"x\"") == true, heat.error ?? "")
        XCTAssertEqual(WatchStatus.read(for: dir + "/good.png")?.ok, true)
        XCTAssertEqual(WatchStatus.read(for: dir + "/cells.png")?.ok, true)
    }
}
