import Foundation
import Report
import Service
import TestSupport
import XCTest

/// `"formats"` in a report spec: SVG and PDF beside each PNG, recorded in the manifest, linked
/// from both indexes, carried over by a merge; an unknown format is an error at its key path.
final class ReportFormatsTests: XCTestCase {
    func testFormatsPerReportAndPerFigure() throws {
        let f = try ReportFixture()
        var spec = ReportFixture.reportSpec(extraFigures: "")
        spec = spec.replacingOccurrences(of: "\"title\": \"Shared datasets\",", with: "\"title\": \"Shared datasets\", \"formats\": [\"png\", \"svg\", \"pdf\"],")
        spec = spec.replacingOccurrences(of: "{\"spec\": \"specs/wind.plot.json\"}", with: "{\"spec\": \"specs/wind.plot.json\", \"formats\": [\"pdf\"]}")
        try f.write("formats.json", spec)
        let outcome = try f.run("formats.json", out: "out")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
        let files = f.list("out")
        for name in ["Seattle-temperatures", "Flights", "Iris-petals"] {
            for ext in ["png", "svg", "pdf"] { XCTAssertTrue(files.contains("\(name).\(ext)"), "\(name).\(ext) in \(files)") }
        }
        XCTAssertTrue(files.contains("wind.pdf"))
        XCTAssertFalse(files.contains("wind.svg"), "the figure's own list replaces the report's")
        XCTAssertTrue(f.text("out/Flights.svg").hasPrefix("<?xml"))
        XCTAssertTrue(f.text("out/Flights.pdf").hasPrefix("%PDF-1.4"))
        let wind = try XCTUnwrap(outcome.manifest.figures.first { $0.name == "wind" })
        XCTAssertEqual(wind.also, ["wind.pdf"])
        XCTAssertTrue(f.text("out/manifest.json").contains("\"Seattle-temperatures.svg\""))
        XCTAssertTrue(f.text("out/index.md").contains("Also as [SVG](Seattle-temperatures.svg) · [PDF](Seattle-temperatures.pdf)"), f.text("out/index.md"))
        XCTAssertTrue(f.text("out/index.html").contains("<a href=\"wind.pdf\">PDF</a>"))
        // The manifest reads back with its vector files (merge relies on it).
        let back = try ReportManifest.parse(bytes: [UInt8](f.bytes("out/manifest.json")), source: "manifest.json")
        XCTAssertEqual(back, outcome.manifest)
        // Two runs, same bytes, vector files included.
        let again = try f.run("formats.json", out: "again")
        XCTAssertEqual(again.manifest, outcome.manifest)
        for name in ["Flights.svg", "Flights.pdf", "wind.pdf"] { XCTAssertEqual(f.bytes("out/" + name), f.bytes("again/" + name), name) }
    }

    func testUnknownFormatIsAnErrorAtItsKey() throws {
        let f = try ReportFixture()
        var spec = ReportFixture.reportSpec(extraFigures: "")
        spec = spec.replacingOccurrences(of: "{\"spec\": \"specs/wind.plot.json\"}", with: "{\"spec\": \"specs/wind.plot.json\", \"formats\": [\"jpg\"]}")
        try f.write("bad.json", spec)
        XCTAssertThrowsError(try f.run("bad.json", out: "out")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("formats[0]") && text.contains("\"png\", \"svg\" or \"pdf\"") && text.contains("jpg"), text)
        }
    }
}
