import Foundation
@testable import Report
import Service
import TestSupport
import XCTest

/// A report figure that names a spec file writes the spec's own `"formats"` (`OutputFormats`:
/// the entry's list > the spec's > the report's > the PNG alone), and the indexes link each.
final class ReportSpecFormatsTests: XCTestCase {
    /// The wind spec with `"formats"`: `["svg", "pdf"]` beside the PNG; the index links them.
    func testASpecFilesFormatsAreWrittenAndLinked() throws {
        let f = try ReportFixture()
        try f.write("specs/wind.plot.json", """
            {"version": 1, "title": "Wind", "size": [480, 320], "formats": ["svg", "pdf"], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"x": {"label": "date"}, "series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        let outcome = try f.run(out: "out")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
        let files = f.list("out")
        for name in ["wind.png", "wind.svg", "wind.pdf"] { XCTAssertTrue(files.contains(name), "\(name) in \(files)") }
        XCTAssertFalse(files.contains("Flights.svg"), "the other figures keep the report's (absent) formats: \(files)")
        XCTAssertTrue(f.text("out/wind.svg").hasPrefix("<?xml"))
        XCTAssertTrue(f.text("out/wind.pdf").hasPrefix("%PDF-"))
        let wind = try XCTUnwrap(outcome.manifest.figures.first { $0.name == "wind" })
        XCTAssertEqual(wind.also, ["wind.svg", "wind.pdf"])
        XCTAssertTrue(f.text("out/manifest.json").contains("\"wind.svg\""))
        XCTAssertTrue(f.text("out/index.html").contains("<a href=\"wind.svg\">SVG</a> <a href=\"wind.pdf\">PDF</a>"), f.text("out/index.html"))
        XCTAssertTrue(f.text("out/index.md").contains("Also as [SVG](wind.svg) · [PDF](wind.pdf)"), f.text("out/index.md"))

        // The figure fails on the next run into the same folder: no stale file of it stays, in any format.
        try f.write("specs/wind.plot.json", "{\"version\": 1, \"formats\": [\"svg\"], \"panels\": 3}")
        let broken = try f.run(out: "out")
        XCTAssertEqual(broken.exitStatus, 1)
        let left = f.list("out")
        for name in ["wind.png", "wind.svg", "wind.pdf"] { XCTAssertFalse(left.contains(name), "\(name) in \(left)") }
    }

    /// A second run into the same folder removes what the first wrote and it does not: a format
    /// dropped from a spec's list, a figure taken out of the report; never a file of the user's.
    func testASecondRunRemovesTheFirstRunsLeftovers() throws {
        let f = try ReportFixture()
        try f.write("specs/wind.plot.json", """
            {"version": 1, "size": [480, 320], "formats": ["svg", "pdf"], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        XCTAssertEqual(try f.run(out: "out").exitStatus, 0)
        try f.write("out/notes.svg", "<svg/>")  // the user's own file
        try f.write("specs/wind.plot.json", """
            {"version": 1, "size": [480, 320], "formats": ["pdf"], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        XCTAssertEqual(try f.run(out: "out").exitStatus, 0)
        var files = f.list("out")
        XCTAssertFalse(files.contains("wind.svg"), "the dropped format is gone: \(files)")
        for name in ["wind.png", "wind.pdf", "notes.svg"] { XCTAssertTrue(files.contains(name), "\(name) in \(files)") }
        // The figure taken out of the report: its files go with it.
        let without = ReportFixture.reportSpec(extraFigures: "")
            .replacingOccurrences(of: "\"size\": \"480x320\"}},\n      {\"spec\": \"specs/wind.plot.json\"}", with: "\"size\": \"480x320\"}}")
        XCTAssertFalse(without.contains("wind.plot.json"))
        try f.write("report.json", without)
        XCTAssertEqual(try f.run(out: "out").exitStatus, 0)
        files = f.list("out")
        for name in ["wind.png", "wind.pdf"] { XCTAssertFalse(files.contains(name), "\(name) in \(files)") }
        XCTAssertTrue(files.contains("notes.svg"))
    }

    func testOnlyTheReportsOwnNamesAreRemoved() {
        for name in ["a.png", "sec/b.svg", "c.PDF"] { XCTAssertTrue(ReportStaleOutputs.isOwnName(name), name) }
        for name in ["/etc/x.png", "../x.png", "a/../../x.png", "manifest.json", "index.html", "a//b.png", "./a.png"] {
            XCTAssertFalse(ReportStaleOutputs.isOwnName(name), name)
        }
    }

    /// The levels in order: the entry's list beats the spec's, the spec's beats the report's.
    func testEntryBeatsSpecBeatsReport() throws {
        let f = try ReportFixture()
        try f.write("specs/wind.plot.json", """
            {"version": 1, "title": "Wind", "size": [480, 320], "formats": ["png", "svg"], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"x": {"label": "date"}, "series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        try f.write("specs/calm.plot.json", """
            {"version": 1, "size": [480, 320], "formats": ["png"], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        var spec = ReportFixture.reportSpec(extraFigures: "{\"spec\": \"specs/wind.plot.json\", \"name\": \"wind pdf\", \"formats\": [\"pdf\"]}, {\"spec\": \"specs/calm.plot.json\"},")
        spec = spec.replacingOccurrences(of: "\"title\": \"Shared datasets\",", with: "\"title\": \"Shared datasets\", \"formats\": [\"pdf\"],")
        try f.write("levels.json", spec)
        let outcome = try f.run("levels.json", out: "out")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
        let also = Dictionary(uniqueKeysWithValues: outcome.manifest.figures.map { ($0.name, $0.also) })
        XCTAssertEqual(also["wind"], ["wind.svg"], "the spec's own list beats the report's pdf")
        XCTAssertEqual(also["wind pdf"], ["wind-pdf.pdf"], "the entry's list beats the spec's")
        XCTAssertEqual(also["calm"], [], "the spec's png-only list beats the report's pdf")
        XCTAssertEqual(also["Flights"], ["Flights.pdf"], "an inline figure without formats follows the report")
        XCTAssertEqual(also["Iris petals"], ["Iris-petals.pdf"], "data files follow the report")
        XCTAssertFalse(f.list("out").contains("calm.pdf"))
    }
}
