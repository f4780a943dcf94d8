import Foundation
import PNG
import Raster
import Report
import Service
import XCTest

/// `--compare`: the runner's use of `BaselineComparison`, its place in the indexes and the exit status.
final class ReportCompareTests: XCTestCase {
    func testAnIdenticalBaselineMatchesAndAOnePixelChangeIsListedFirst() throws {
        let f = try ReportFixture()
        _ = try f.run(out: "baseline")

        let same = try f.run(out: "same", baseline: "baseline")
        XCTAssertEqual(same.exitStatus, ReportExitStatus.ok)
        XCTAssertEqual(same.comparison?.entries.map(\.status), [.unchanged, .unchanged, .unchanged, .unchanged])
        XCTAssertTrue(f.text("same/index.md").contains("All 4 figures match the baseline."), f.text("same/index.md"))
        XCTAssertTrue(f.text("same/comparison.json").contains("\"hasDifferences\": false"), f.text("same/comparison.json"))

        // One pixel of one baseline figure, and a baseline figure the new report no longer has.
        var pixmap = try PNG.read(path: f.root + "/baseline/wind.png")
        let i = (100 * pixmap.width + 200) * 4
        pixmap.data[i] = 255 &- pixmap.data[i]; pixmap.data[i + 1] = 0; pixmap.data[i + 2] = 0; pixmap.data[i + 3] = 255
        try PNG.write(pixmap, to: f.root + "/baseline/wind.png")
        try FileManager.default.copyItem(atPath: f.root + "/baseline/Flights.png", toPath: f.root + "/baseline/Old.png")

        let changed = try f.run(out: "changed", baseline: "baseline")
        XCTAssertEqual(changed.exitStatus, ReportExitStatus.differences)
        let entries = try XCTUnwrap(changed.comparison?.entries)
        XCTAssertEqual(entries.filter { $0.status != .unchanged }.map { "\($0.figure) \($0.status.rawValue)" }, ["Old.png removed", "wind.png changed"])
        let wind = try XCTUnwrap(entries.first { $0.figure == "wind.png" })
        XCTAssertEqual(wind.differingPixels, 1)
        let diff = try XCTUnwrap(wind.diffImage)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root + "/changed/" + diff), diff)

        let index = f.text("changed/index.md")
        let changes = try XCTUnwrap(index.range(of: "## Changes against the baseline")), contents = try XCTUnwrap(index.range(of: "## Contents"))
        XCTAssertLessThan(changes.lowerBound, contents.lowerBound)
        XCTAssertTrue(index.contains("| [wind.png](wind.png) | changed | 1 |"), index)
        XCTAssertTrue(index.contains("[diff](\(diff))"), index)
        XCTAssertTrue(f.text("changed/index.html").contains("src=\"\(diff)\""))
        // The manifest is the same as without a comparison: the comparison has its own file.
        XCTAssertEqual(f.bytes("changed/manifest.json"), f.bytes("baseline/manifest.json"))

        // A failure outranks differences in the exit status.
        try f.write("report.json", ReportFixture.reportSpec(extraFigures: #"{"name": "Missing", "data": "data/missing.csv"},"#))
        XCTAssertEqual(try f.run(out: "failed", baseline: "baseline").exitStatus, ReportExitStatus.figuresFailed)
    }
}
