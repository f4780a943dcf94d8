import Table
import XCTest

/// What a file in a folder of inputs is (`FolderInput`): the rule `watch` and `report` share.
final class FolderInputTests: XCTestCase {
    func testKindsOfFolderFiles() {
        XCTAssertEqual(FolderInput.kind(of: "/d/loss.plot.json"), .figureSpec)
        XCTAssertEqual(FolderInput.kind(of: "/d/LOSS.PLOT.JSON"), .figureSpec, "case ignored")
        XCTAssertEqual(FolderInput.kind(of: "/d/metrics.csv"), .table)
        XCTAssertEqual(FolderInput.kind(of: "/d/log.jsonl"), .table)
        XCTAssertEqual(FolderInput.kind(of: "/d/run/events.out.tfevents.1700000000.host"), .runLog(.events("/d/run")))
        XCTAssertNil(FolderInput.kind(of: "/d/metrics.csv.png.json"), "a sidecar is no input")
        XCTAssertNil(FolderInput.kind(of: "/d/metrics.png"), "an image is no input")
        XCTAssertNil(FolderInput.kind(of: "/d/notes.txt"), "a .txt is read only when named on its own")
    }

    func testFigureNames() {
        XCTAssertEqual(FolderInput.figureName("figures/loss.plot.json"), "figures/loss")
        XCTAssertEqual(FolderInput.figureName("runs/metrics.csv"), "runs/metrics")
    }
}
