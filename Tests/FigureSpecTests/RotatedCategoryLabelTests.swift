import Chart
import FigureSpec
import Foundation
import Geometry
import Scene
import Table
import TestSupport
import Text
import XCTest

/// Long category names on x are slanted instead of thinned away, and stay inside the canvas.
final class RotatedCategoryLabelTests: XCTestCase {
    func testLongCategoryNamesAreSlantedAndStayInside() throws {
        let words = ["Agriculture", "Commerce", "Defense", "Education", "Energy", "Health", "Housing", "Interior",
                     "Justice", "Labor", "State", "Transportation", "Treasury", "Veterans", "Homeland", "Science",
                     "Culture", "Tourism", "Fisheries", "Forestry", "Mining", "Water", "Sports", "Youth", "Finance"]
        var text = "dept,budget\n"
        for (i, w) in words.enumerated() { text += "Department of \(w),\((i * 37) % 100 + 20)\n" }
        let table = try TableReader.parse(bytes: Data(text.utf8), source: "depts.csv")
        let fonts = sharedFonts()
        for (w, h) in [(1200, 800), (640, 480), (400, 300)] {
            var options = RenderOptions()
            options.width = w; options.height = h
            let scene = FigureRenderer(fonts: fonts).scene(for: try DefaultFigure.make(table, options: options))
            assertTextInsideAndApart(scene, fonts: fonts, apart: false, context: "\(w)x\(h)")
            let runs = scene.commands.compactMap { c -> TextRun? in if case .text(let r) = c { return r } else { return nil } }
            let slanted = runs.filter { $0.rotation == 45 }
            XCTAssertGreaterThan(slanted.count, 1, "\(w)x\(h): category names slanted")
            if w == 1200 { XCTAssertEqual(slanted.count, 25, "every name kept where they fit slanted") }
            let axisLabel = try XCTUnwrap(runs.first { $0.text == "dept" })
            let lowest = slanted.map { fonts.runBounds($0).maxY }.max() ?? 0
            XCTAssertGreaterThanOrEqual(fonts.runBounds(axisLabel).minY, lowest, "\(w)x\(h): the axis label is below the names")
        }
    }

    func testShortNamesStayLevel() throws {
        let table = try TableReader.parse(bytes: Data("day,tip\nThu,2\nFri,3\nSat,4\nSun,5\n".utf8), source: "d.csv")
        let scene = FigureRenderer(fonts: sharedFonts()).scene(for: try DefaultFigure.make(table))
        let rotated = scene.commands.contains { c in if case .text(let r) = c { return r.rotation == 45 } else { return false } }
        XCTAssertFalse(rotated)
    }
}
