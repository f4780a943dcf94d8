import Chart
import FigureSpec
import Foundation
import Geometry
import Scene
import Table
import TestSupport
import Text
import XCTest

/// A training log's default figure: its panels share the counter axis (one x range, the same
/// ticks, tick labels only under the bottom panel) and up to three panels stack in one column,
/// so loss / accuracy / learning rate leave no empty cell.
final class TrainingLogLayoutTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    /// loss + val_loss on every step, accuracy and the learning rate; `evalOnly` metrics stop early.
    func log(families: [String]) throws -> DataTable {
        var text = "step," + families.joined(separator: ",") + "\n"
        for s in 1...200 {
            text += "\(s)," + families.enumerated().map { k, _ in "\(exp(-Double(s) / Double(40 + 10 * k)))" }.joined(separator: ",") + "\n"
        }
        return try csv(text, source: "metrics.csv")
    }

    func testThreeFamiliesStackInOneColumnSharingStep() throws {
        let table = try log(families: ["loss", "val_loss", "accuracy", "lr"])
        let spec = try DefaultFigure.spec([(name: "metrics", path: "metrics.csv", table: table)])
        XCTAssertEqual(spec.sharedX, true, "the panels of a log share its counter")
        XCTAssertEqual(spec.columns, 1, "three panels: one column")
        let figure = try DefaultFigure.make(table)
        XCTAssertEqual(figure.panels.count, 3)
        XCTAssertEqual(figure.columns, 1)
        XCTAssertTrue(figure.sharedX)
        let scene = FigureRenderer(fonts: fonts).scene(for: figure)
        let texts = scene.commands.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
        XCTAssertEqual(texts.filter { $0.text == "step" }.count, 1, "one x label, under the bottom panel")
        let frames = scene.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let col) = c, col == Theme.light.axesBackground { return r } else { return nil }
        }
        XCTAssertEqual(frames.count, 3)
        XCTAssertEqual(Set(frames.map(\.minX)).count, 1, "stacked frames line up")
        XCTAssertEqual(Set(frames.map(\.width)).count, 1)
        let xTicks = texts.filter { $0.horizontal == .center && $0.vertical == .top && Double($0.text) != nil }
        XCTAssertTrue(xTicks.allSatisfy { $0.position.y > frames[2].maxY }, "x tick labels only under the bottom panel")
        assertTextInsideAndApart(scene, fonts: fonts, context: "training log")
    }

    func testFourFamiliesShareStepInTheGrid() throws {
        let table = try log(families: ["loss", "accuracy", "grad_norm", "lr"])
        let figure = try DefaultFigure.make(table)
        XCTAssertTrue(figure.sharedX)
        XCTAssertEqual(figure.panels.count, 4)
        XCTAssertGreaterThan(figure.columns, 1, "four panels keep the grid")
    }

    func testLinesOverDatesShareThemStackedAndOtherTablesShareNothing() throws {
        // Seattle's weather: rain, temperatures, wind over the date axis, as pandas'
        // `plot(subplots=True)` stacks them.
        let weather = try DefaultFigure.make(TableReader.read(path: sharedDataPath("seattle-weather.csv")))
        XCTAssertTrue(weather.sharedX)
        XCTAssertEqual(weather.panels.count, 3)
        XCTAssertEqual(weather.columns, 1, "three panels over dates stack in one column")
        // Tips: scatters over a measurement share nothing.
        let tips = try DefaultFigure.make(TableReader.read(path: sharedDataPath("tips.csv")))
        XCTAssertGreaterThan(tips.panels.count, 1)
        XCTAssertFalse(tips.sharedX)
    }
}
